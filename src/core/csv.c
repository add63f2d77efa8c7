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
    while (off < end && rc == 0) {
        const char *nl = memchr(buf + off, '\n', end - off);
        size_t n = nl ? (size_t)(nl - (buf + off)) + 1 : end - off;
        r.line++;
        if (!r.in_row && !blank(buf + off, n)) {
            r.row_start = r.line;
            r.in_row = 1;
        }
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
