/* csv.c: RFC 4180 CSV through libcsv, streamed a line (or 64 KiB) at a time: messages name the
 * line, and limits stop a huge bad file at once. */
#include "wijktafel/csv.h"

#include <csv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "wijktafel/i18n.h"
#include "wijktafel/record.h"

struct csv_stream {
    struct csv_parser p;
    const char *fname;
    csv_row_fn fn;
    void *ctx;
    struct buf text;   /* the row's fields, each NUL-terminated, back to back */
    size_t *offs;      /* where each field starts in text */
    char **fields;
    size_t n, cap;
    size_t line;      /* the line being fed */
    size_t line_len;  /* bytes of it fed so far */
    bool line_open;   /* the line has not ended yet */
    size_t row_start; /* the line on which the current row began */
    int in_row;
    int rc;           /* first non-zero return of fn, or of the stream */
    bool too_many;    /* a row with more than CSV_MAX_ROW_FIELDS fields */
    const char *limit; /* the first limit the text broke, in the order of the text */
    size_t limit_line; /* and its line */
};

#define FIELD_TOO_LONG \
    N_("een veld is langer dan 4000 bytes (of een aanhalingsteken wordt niet gesloten)")

/* A field over WT_MAX_FIELD_BYTES that ends is handed on, so that the reader of
 * the row names its column; one that reaches CSV_MAX_FIELD_READ bytes before it
 * ends stops the read there (an unclosed quote in a huge file). */
#define CSV_MAX_FIELD_READ ((size_t)4 * WT_MAX_FIELD_BYTES)
#define ROW_TOO_WIDE N_("een rij heeft te veel velden")

/* Notes the first limit the text broke: however the input was cut into parts,
 * the same one is reported. */
static void broke(struct csv_stream *r, const char *what, size_t line)
{
    if (!r->limit) {
        r->limit = what;
        r->limit_line = line;
    }
}

static void on_field(void *s, size_t len, void *data)
{
    struct csv_stream *r = data;
    if (r->rc || r->too_many)
        return;
    if (len > WT_MAX_FIELD_BYTES)
        broke(r, FIELD_TOO_LONG, r->line);
    if (r->n == CSV_MAX_ROW_FIELDS) {
        r->too_many = true;
        broke(r, ROW_TOO_WIDE, r->row_start);
        return;
    }
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 16;
        r->fields = xrealloc(r->fields, r->cap * sizeof *r->fields);
        r->offs = xrealloc(r->offs, r->cap * sizeof *r->offs);
    }
    r->offs[r->n++] = r->text.len;
    buf_append(&r->text, s ? s : "", s ? len : 0);
    buf_putc(&r->text, '\0');
}

static void clear_fields(struct csv_stream *r)
{
    r->n = 0;
    buf_reset(&r->text);
}

static void on_row(int c, void *data)
{
    (void)c;
    struct csv_stream *r = data;
    for (size_t i = 0; i < r->n; i++)
        r->fields[i] = r->text.data + r->offs[i];
    if (!r->rc && r->n > 0 && !r->too_many)
        r->rc = r->fn(r->ctx, r->row_start, r->fields, r->n);
    clear_fields(r);
    r->in_row = 0;
}

static int blank(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != '\r' && p[i] != '\n')
            return 0;
    return 1;
}

struct csv_stream *csv_stream_new(const char *fname, csv_row_fn fn, void *ctx)
{
    struct csv_stream *r = xcalloc(1, sizeof *r);
    if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        free(r);
        return NULL;
    }
    r->fname = fname;
    r->fn = fn;
    r->ctx = ctx;
    return r;
}

/* Stops the stream with the message "FILE:LINE: what"; returns the error. */
static int stop(struct csv_stream *r, size_t line, const char *what, struct wt_error *err)
{
    r->rc = wt_error_set(err, WT_EINVAL, "%s:%zu: %s", r->fname, line ? line : 1, what);
    return r->rc;
}

/* Feeds part of one line (ending with its '\n', if it has one). The caller
 * cuts parts so that a field or a line passes its limit by exactly one byte at
 * a part's end: where the read stops, and which rows were handed on before,
 * do not depend on how the input was cut. */
static int feed_part(struct csv_stream *r, const char *buf, size_t n, struct wt_error *err)
{
    if (!r->line_open) {
        r->line++;
        r->line_len = 0;
        r->line_open = true;
    }
    if (!r->in_row && !blank(buf, n)) {
        r->row_start = r->line;
        r->in_row = 1;
    }
    r->line_len += n;
    if (csv_parse(&r->p, buf, n, on_field, on_row, r) != n) {
        if (csv_error(&r->p) == CSV_ENOMEM)
            xalloc_oom();
        if (r->limit) /* broken before the bad quote */
            return stop(r, r->limit_line, _(r->limit), err);
        return stop(r, r->line,
                    _("onjuiste CSV: een aanhalingsteken staat op een verkeerde plek"), err);
    }
    if (r->rc)
        return r->rc;
    /* A row with a field too long is first ended, so that it is handed on (and
     * its own column named); one too wide never is. */
    if (r->limit && (!r->in_row || r->too_many))
        return stop(r, r->limit_line, _(r->limit), err);
    if (r->p.entry_pos > CSV_MAX_FIELD_READ) {
        broke(r, FIELD_TOO_LONG, r->line);
        return stop(r, r->limit_line, _(r->limit), err);
    }
    bool ended = n && buf[n - 1] == '\n';
    if (r->line_len > CSV_MAX_LINE && !ended)
        return stop(r, r->line, _("een regel is te lang"), err);
    if (ended)
        r->line_open = false;
    return 0;
}

/* The most bytes the next part may hold: a line ends it (libcsv ends a row at
 * '\n' or '\r', and the next row's first line is then known), and it ends at
 * the byte that takes the current field or line over its limit. */
static size_t next_part(const struct csv_stream *r, const char *buf, size_t len)
{
    const char *nl = memchr(buf, '\n', len);
    const char *cr = memchr(buf, '\r', nl ? (size_t)(nl - buf) : len);
    if (cr)
        nl = cr;
    size_t n = nl ? (size_t)(nl - buf) + 1 : len;
    /* libcsv adds at most one byte to the field per byte read. */
    size_t field_room = CSV_MAX_FIELD_READ + 1 - r->p.entry_pos;
    size_t line_room = CSV_MAX_LINE + 1 - (r->line_open ? r->line_len : 0);
    if (n > field_room)
        n = field_room;
    if (n > line_room)
        n = line_room;
    return n;
}

int csv_stream_feed(struct csv_stream *r, const char *buf, size_t len, struct wt_error *err)
{
    if (r->rc)
        return r->rc;
    const char *nul = memchr(buf, '\0', len);
    size_t end = nul ? (size_t)(nul - buf) : len;
    for (size_t off = 0; off < end;) {
        size_t n = next_part(r, buf + off, end - off);
        int rc = feed_part(r, buf + off, n, err);
        if (rc)
            return rc;
        off += n;
    }
    if (nul)
        return stop(r, r->line + !r->line_open, _("het bestand bevat een NUL-byte"), err);
    return 0;
}

int csv_stream_end(struct csv_stream *r, struct wt_error *err)
{
    if (r->rc)
        return r->rc;
    if (csv_fini(&r->p, on_field, on_row, r) != 0)
        return stop(r, r->row_start, _("onjuiste CSV: een aanhalingsteken wordt niet gesloten"),
                    err);
    if (r->limit)
        return stop(r, r->limit_line, _(r->limit), err);
    return r->rc;
}

void csv_stream_free(struct csv_stream *r)
{
    if (!r)
        return;
    clear_fields(r);
    free(r->fields);
    free(r->offs);
    buf_fini(&r->text);
    csv_free(&r->p);
    free(r);
}

int csv_read(const char *buf, size_t len, const char *fname, csv_row_fn fn, void *ctx,
             struct wt_error *err)
{
    struct csv_stream *r = csv_stream_new(fname, fn, ctx);
    if (!r)
        return wt_error_set(err, WT_EIO, "%s: %s", fname, _("CSV-lezer kan niet starten"));
    int rc = csv_stream_feed(r, buf, len, err);
    if (!rc)
        rc = csv_stream_end(r, err);
    csv_stream_free(r);
    return rc;
}

static int needs_quotes(const char *s)
{
    if (!*s)
        return 0;
    size_t n = strlen(s);
    if (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t')
        return 1;
    return strpbrk(s, ",\"\r\n") != NULL;
}

void csv_write_row(struct buf *out, const char *const *fields, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *s = fields[i] ? fields[i] : "";
        if (i)
            buf_putc(out, ',');
        if (!needs_quotes(s)) {
            buf_puts(out, s);
            continue;
        }
        buf_putc(out, '"');
        for (const char *p = s; *p; p++) {
            if (*p == '"')
                buf_putc(out, '"');
            buf_putc(out, *p);
        }
        buf_putc(out, '"');
    }
    buf_putc(out, '\n');
}
