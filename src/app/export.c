/* export.c: every record of a kind out as CSV or JSON, in id order. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "wijktafel/csv.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"

struct export {
    struct buf *out;
    enum app_format fmt;
    size_t njson; /* JSON: records written so far */
    char (*ids)[WT_MAX_ID + 1]; /* exported cases, for the access log */
    char bad[64];               /* the first damaged record met */
    size_t n, cap;
};

/* An export never holds a damaged record as if it were whole: it stops. */
static int damaged(struct export *ex, const struct wt_record *r)
{
    snprintf(ex->bad, sizeof ex->bad, "%s/%s", record_kind(r->kind)->name, r->v[0]);
    return WT_ECORRUPT;
}

static void note_id(struct export *ex, const struct wt_record *r)
{
    if (r->kind != WT_CASES)
        return;
    if (ex->n == ex->cap) {
        ex->cap = ex->cap ? ex->cap * 2 : 64;
        ex->ids = xrealloc(ex->ids, ex->cap * sizeof *ex->ids);
    }
    snprintf(ex->ids[ex->n++], WT_MAX_ID + 1, "%s", r->v[0]);
}

static int csv_one(void *ctx, const struct wt_record *r)
{
    struct export *ex = ctx;
    if (r->damaged)
        return damaged(ex, r);
    note_id(ex, r);
    csv_write_row(ex->out, (const char *const *)r->v, (size_t)record_kind(r->kind)->nfields);
    return 0;
}

static bool is_list(enum wt_ftype t)
{
    return t == FT_TAGS || t == FT_SET || t == FT_CHOSEN || t == FT_REFS;
}

static json_t *json_value(const struct wt_field_def *fd, const char *v)
{
    if (is_list(fd->type)) {
        json_t *arr = json_array();
        struct taglist l;
        tags_split(v, &l);
        for (size_t i = 0; i < l.n; i++)
            json_array_append_new(arr, json_string(l.items[i]));
        tags_fini(&l);
        return arr;
    }
    if (!v)
        return json_null();
    if (fd->type == FT_UINT)
        return json_integer(atol(v));
    if (fd->type == FT_HOURS || fd->type == FT_MONEY)
        return strchr(v, '.') ? json_real(atof(v)) : json_integer(atol(v));
    return json_string(v);
}

json_t *app_record_json(const struct wt_record *r)
{
    const struct wt_kind_def *kd = record_kind(r->kind);
    json_t *obj = json_object();
    for (int f = 0; f < kd->nfields; f++)
        json_object_set_new(obj, kd->fields[f].name, json_value(&kd->fields[f], r->v[f]));
    return obj;
}

/* Writes record r as one element of the array, as jansson writes a whole
 * array with JSON_INDENT(2): each element on lines of its own, indented by
 * two. One record at a time, so that an export holds its text and not a
 * tree of every record (issue 19: 100,000 cases took 483 MiB that way). */
static int json_one(void *ctx, const struct wt_record *r)
{
    struct export *ex = ctx;
    if (r->damaged)
        return damaged(ex, r);
    note_id(ex, r);
    json_t *o = app_record_json(r);
    char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(o);
    char *safe = text_json_escape(s); /* C1 and bidi as \u, as C0 */
    free(s);
    buf_puts(ex->out, ex->njson++ ? ",\n  " : "[\n  ");
    for (const char *p = safe; *p; p++) { /* a string holds no raw newline */
        buf_putc(ex->out, *p);
        if (*p == '\n')
            buf_puts(ex->out, "  ");
    }
    free(safe);
    return 0;
}

int app_export(struct app *a, enum wt_kind kind, enum app_format fmt, struct buf *out,
               struct wt_error *err)
{
    int rc = app_allowed(a, kind, APP_OP_EXPORT, err);
    if (rc)
        return rc;
    struct export ex = {.out = out, .fmt = fmt};
    const struct wt_kind_def *kd = record_kind(kind);
    if (fmt == APP_CSV) {
        const char *names[WT_MAX_FIELDS];
        for (int f = 0; f < kd->nfields; f++)
            names[f] = kd->fields[f].name;
        csv_write_row(out, names, (size_t)kd->nfields);
        rc = app_each(a, kind, csv_one, &ex, err);
    } else {
        rc = app_each(a, kind, json_one, &ex, err);
        if (!rc)
            buf_puts(out, ex.njson ? "\n]\n" : "[]\n");
    }
    if (rc == WT_ECORRUPT && ex.bad[0]) {
        wt_error_reset(err, rc, _("%s: %s is beschadigd en wordt niet geëxporteerd (zie "
                                  "'wijktafel check')"),
                       a->dir, ex.bad);
    }
    if (!rc) {
        if (kind == WT_CASES) {
            const char **ids = xmalloc((ex.n ? ex.n : 1) * sizeof(const char *));
            for (size_t i = 0; i < ex.n; i++)
                ids[i] = ex.ids[i];
            app_log_ids(a, "export", kind, ids, ex.n, NULL);
            free(ids);
        } else {
            app_log(a, "export", kind, NULL, NULL);
        }
    }
    free(ex.ids);
    return rc;
}
