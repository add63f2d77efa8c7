/* csv.c: RFC 4180 CSV through libcsv, fed a line at a time so that messages can name the line. */
#include "wijktafel/csv.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "wijktafel/i18n.h"

struct reader {
    const char *fname;
    csv_row_fn fn;
    void *ctx;
    struct buf text;   /* the row's fields, each NUL-terminated, back to back */
    size_t *offs;      /* where each field starts in text */
    char **fields;
    size_t n, cap;
    size_t line;      /* the line being fed */
    size_t row_start; /* the line on which the current row began */
    int in_row;
    int rc;           /* first non-zero return of fn */
};

static void on_field(void *s, size_t len, void *data)
{
    struct reader *r = data;
    if (r->rc)
        return;
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 16;
        r->fields = xrealloc(r->fields, r->cap * sizeof *r->fields);
        r->offs = xrealloc(r->offs, r->cap * sizeof *r->offs);
    }
    r->offs[r->n++] = r->text.len;
    buf_append(&r->text, s ? s : "", s ? len : 0);
    buf_putc(&r->text, '\0');
}

static void clear_fields(struct reader *r)
{
    r->n = 0;
    buf_reset(&r->text);
}

static void on_row(int c, void *data)
{
    (void)c;
    struct reader *r = data;
    for (size_t i = 0; i < r->n; i++)
        r->fields[i] = r->text.data + r->offs[i];
    if (!r->rc && r->n > 0)
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

static int edge_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Where the field at p[i] (of a line of end bytes) stops: the index of the
 * comma after it or end; (size_t)-1 when libcsv might read it otherwise
 * than plainly: an unquoted field with a quote or a space or tab at either
 * end (libcsv trims those), or a quoted field that does not close on this
 * line right before a comma or the line's end. */
static size_t simple_field(const char *p, size_t i, size_t end)
{
    if (i < end && p[i] == '"') {
        for (size_t j = i + 1; j < end; j++) {
            if (p[j] != '"')
                continue;
            if (j + 1 < end && p[j + 1] == '"') {
                j++;
                continue;
            }
            return j + 1 == end || p[j + 1] == ',' ? j + 1 : (size_t)-1;
        }
        return (size_t)-1;
    }
    const char *c = memchr(p + i, ',', end - i);
    size_t stop = c ? (size_t)(c - p) : end;
    if (stop > i && (edge_blank(p[i]) || edge_blank(p[stop - 1]) || memchr(p + i, '"', stop - i)))
        return (size_t)-1;
    return stop;
}

/* Appends the field p[i..stop) to the row as libcsv gives it: a quoted one
 * without its quotes and with each doubled quote made single. */
static void add_simple_field(struct reader *r, const char *p, size_t i, size_t stop)
{
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 16;
        r->fields = xrealloc(r->fields, r->cap * sizeof *r->fields);
        r->offs = xrealloc(r->offs, r->cap * sizeof *r->offs);
    }
    r->offs[r->n++] = r->text.len;
    if (stop > i && p[i] == '"') {
        for (size_t j = i + 1; j + 1 < stop; j++) {
            buf_putc(&r->text, p[j]);
            if (p[j] == '"')
                j++;
        }
    } else {
        buf_append(&r->text, p + i, stop - i);
    }
    buf_putc(&r->text, '\0');
}

/* Reads a line that starts a row when libcsv would read it exactly as its
 * commas split it (see simple_field) and it holds no carriage return but the
 * one before the line feed. Such lines are nearly every line of a real file,
 * and splitting them here is several times cheaper than libcsv's
 * byte-at-a-time state machine; any other line goes to libcsv. Returns 0
 * when the line was not of that kind and nothing was done. */
static int read_simple_line(struct reader *r, const char *p, size_t n)
{
    size_t end = n;
    if (end && p[end - 1] == '\n')
        end--;
    if (end && p[end - 1] == '\r')
        end--;
    if (end == 0 || memchr(p, '\r', end))
        return 0;
    /* Check the whole line before taking any field. */
    for (size_t i = 0;;) {
        size_t stop = simple_field(p, i, end);
        if (stop == (size_t)-1)
            return 0;
        if (stop == end)
            break;
        i = stop + 1;
    }
    for (size_t i = 0;;) {
        size_t stop = simple_field(p, i, end);
        add_simple_field(r, p, i, stop);
        if (stop == end)
            break;
        i = stop + 1;
    }
    on_row('\n', r);
    return 1;
}

int csv_read(const char *buf, size_t len, const char *fname, csv_row_fn fn, void *ctx,
             struct wt_error *err)
{
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        return wt_error_set(err, WT_EIO, "%s: %s", fname, _("CSV-lezer kan niet starten"));
    struct reader r = {.fname = fname, .fn = fn, .ctx = ctx};
    int rc = 0;
    const char *nul = memchr(buf, '\0', len);
    size_t end = nul ? (size_t)(nul - buf) : len;
    size_t off = 0;
    int in_quotes = 0;
    while (off < end && rc == 0) {
        const char *nl = memchr(buf + off, '\n', end - off);
        size_t n = nl ? (size_t)(nl - (buf + off)) + 1 : end - off;
        r.line++;
        if (!r.in_row && !blank(buf + off, n)) {
            r.row_start = r.line;
            if (!in_quotes && read_simple_line(&r, buf + off, n)) {
                if (r.rc)
                    rc = r.rc;
                off += n;
                continue;
            }
            r.in_row = 1;
        }
        /* In a file libcsv accepts, an odd number of quotes so far means
         * a quoted field goes on: the next line is no row of its own. */
        for (const char *q = memchr(buf + off, '"', n); q;
             q = memchr(q + 1, '"', n - (size_t)(q + 1 - (buf + off))))
            in_quotes = !in_quotes;
        if (csv_parse(&p, buf + off, n, on_field, on_row, &r) != n) {
            rc = wt_error_set(err, WT_EINVAL, "%s:%zu: %s", fname, r.line,
                              _("onjuiste CSV: een aanhalingsteken staat op een verkeerde plek"));
            break;
        }
        if (r.rc)
            rc = r.rc;
        off += n;
    }
    if (rc == 0 && nul) {
        size_t line = r.line + (off == end && end > 0 && buf[end - 1] == '\n');
        rc = wt_error_set(err, WT_EINVAL, "%s:%zu: %s", fname, line ? line : 1,
                          _("het bestand bevat een NUL-byte"));
    }
    if (rc == 0) {
        if (csv_fini(&p, on_field, on_row, &r) != 0)
            rc = wt_error_set(err, WT_EINVAL, "%s:%zu: %s", fname, r.row_start,
                              _("onjuiste CSV: een aanhalingsteken wordt niet gesloten"));
        else if (r.rc)
            rc = r.rc;
    }
    clear_fields(&r);
    free(r.fields);
    free(r.offs);
    buf_fini(&r.text);
    csv_free(&p);
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
