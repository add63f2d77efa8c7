/* load_csv.c: test helper: CSV file -> validated records, through the core CSV reader. */
#include "load_csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wijktafel/csv.h"
#include "wijktafel/xalloc.h"

struct loader {
    const char *path;
    enum wt_kind kind;
    int cols[WT_MAX_FIELDS * 2];
    size_t ncols;
    struct record_set *out;
    struct wt_error *err;
};

static int on_row(void *ctx, size_t line, char **fields, size_t n)
{
    struct loader *l = ctx;
    if (l->ncols == 0) {
        if (n > sizeof l->cols / sizeof l->cols[0])
            return wt_error_set(l->err, WT_EINVAL, "%s:%zu: te veel kolommen", l->path, line);
        for (size_t i = 0; i < n; i++) {
            l->cols[i] = record_field_index(l->kind, fields[i]);
            if (l->cols[i] < 0)
                return wt_error_set(l->err, WT_EINVAL, "%s:%zu: %s: onbekende kolom", l->path,
                                    line, fields[i]);
        }
        l->ncols = n;
        return 0;
    }
    if (n != l->ncols)
        return wt_error_set(l->err, WT_EINVAL, "%s:%zu: %zu velden, %zu verwacht", l->path, line,
                            n, l->ncols);
    struct wt_record r;
    record_init(&r, l->kind);
    struct wt_error e = {0};
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++)
        rc = record_set_checked(&r, l->cols[i], fields[i], &e);
    if (!rc)
        rc = record_complete(&r, &e);
    if (rc) {
        record_fini(&r);
        return wt_error_set(l->err, rc, "%s:%zu: %s", l->path, line, e.text);
    }
    struct record_set *s = l->out;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->v = xrealloc(s->v, s->cap * sizeof *s->v);
    }
    s->v[s->n++] = r;
    return 0;
}

int load_csv(const char *path, enum wt_kind kind, struct record_set *out, struct wt_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return wt_error_set(err, WT_ENOTFOUND, "%s: niet gevonden", path);
    struct buf b = {0};
    char chunk[4096];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&b, chunk, k);
    fclose(f);
    struct loader l = {.path = path, .kind = kind, .out = out, .err = err};
    int rc = csv_read(b.data ? b.data : "", b.len, path, on_row, &l, err);
    buf_fini(&b);
    return rc;
}

void record_set_fini(struct record_set *s)
{
    for (size_t i = 0; i < s->n; i++)
        record_fini(&s->v[i]);
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}
