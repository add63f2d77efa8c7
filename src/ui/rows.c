/* rows.c: the records of one kind held by a view (copied out of their transaction). */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"

static int add_row(void *ctx, const struct wt_record *r)
{
    struct rows *rs = ctx;
    if (rs->n == rs->cap) {
        rs->cap = rs->cap ? rs->cap * 2 : 64;
        rs->r = xrealloc(rs->r, rs->cap * sizeof *rs->r);
    }
    record_copy(&rs->r[rs->n++], r);
    return 0;
}

int rows_load(struct rows *rs, struct app *a, enum wt_kind kind, struct wt_error *err)
{
    rows_free(rs);
    return app_each(a, kind, add_row, rs, err);
}

void rows_free(struct rows *rs)
{
    for (size_t i = 0; i < rs->n; i++)
        record_fini(&rs->r[i]);
    free(rs->r);
    memset(rs, 0, sizeof *rs);
}

bool rows_find(const struct rows *rs, const size_t *idx, size_t n, const char *id, size_t *pos)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(rs->r[idx[i]].v[0], id) == 0) {
            *pos = i;
            return true;
        }
    return false;
}
