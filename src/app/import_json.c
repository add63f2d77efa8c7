/* import_json.c: records in from JSON as `export --format json` writes it, all or nothing. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "policy_int.h"
#include "wijktafel/i18n.h"

struct jimport {
    struct app *a;
    enum wt_kind kind;
    const char *fname;
    struct wt_record *recs;
    size_t n;
    struct store_batch *batch; /* NULL for submissions to review */
    struct idset ids;
};

/* The text form of one JSON value for column fd, or NULL with *what set. */
static char *value_text(const struct wt_field_def *fd, json_t *v, const char **what)
{
    bool list = fd->type == FT_TAGS || fd->type == FT_SET || fd->type == FT_CHOSEN ||
                fd->type == FT_REFS;
    if (json_is_null(v))
        return xstrdup("");
    if (json_is_string(v))
        return xstrdup(json_string_value(v));
    if (json_is_integer(v) &&
        (fd->type == FT_UINT || fd->type == FT_HOURS || fd->type == FT_MONEY)) {
        if (json_integer_value(v) < 0) {
            *what = _("mag niet negatief zijn");
            return NULL;
        }
        return xasprintf("%lld", (long long)json_integer_value(v));
    }
    if (json_is_real(v) && (fd->type == FT_HOURS || fd->type == FT_MONEY)) {
        char *s = xasprintf("%.2f", json_real_value(v));
        size_t n = strlen(s); /* 7.50 -> 7.5, 8.00 -> 8: as export writes it */
        while (n > 0 && s[n - 1] == '0')
            s[--n] = '\0';
        if (n > 0 && s[n - 1] == '.')
            s[--n] = '\0';
        return s;
    }
    if (json_is_array(v) && list) {
        struct buf b = {0};
        for (size_t i = 0; i < json_array_size(v); i++) {
            json_t *it = json_array_get(v, i);
            const char *s = json_string_value(it);
            if (!s || strchr(s, ';')) {
                buf_fini(&b);
                *what = s ? _("een item mag geen ; bevatten")
                          : _("de lijst mag alleen tekst bevatten");
                return NULL;
            }
            if (b.len)
                buf_putc(&b, ';');
            buf_puts(&b, s);
        }
        return b.data ? buf_steal(&b) : xstrdup("");
    }
    *what = list ? _("moet een lijst van teksten zijn")
            : fd->type == FT_UINT || fd->type == FT_HOURS ? _("moet een getal of tekst zijn")
                                                            : _("moet tekst zijn");
    return NULL;
}

/* Fills r from the object o (record number no); message "COLUMN: what". */
static int one_record(struct jimport *im, json_t *o, struct wt_record *r, struct wt_error *e)
{
    const struct wt_kind_def *kd = record_kind(im->kind);
    if (!json_is_object(o))
        return wt_error_set(e, WT_EINVAL, _("geen object met kolommen"));
    const char *key;
    json_t *v;
    bool masked = false;
    json_object_foreach(o, key, v) {
        int f = record_field_index(im->kind, key);
        if (f < 0) {
            char *k = app_file_word(key);
            int rc = wt_error_set(e, WT_EINVAL, _("%s: onbekende kolom voor %s"), k, kd->name);
            free(k);
            return rc;
        }
        const char *what = NULL;
        char *text = value_text(&kd->fields[f], v, &what);
        if (!text)
            return wt_error_field(e, WT_EINVAL, kd->fields[f].name, "%s", what);
        int rc = 0;
        if (im->a && policy_masked_link(im->kind, f, text)) {
            record_set(r, f, text);
            masked = true;
        } else {
            rc = record_set_checked(r, f, text, e);
        }
        free(text);
        if (rc)
            return rc;
    }
    if (masked) /* an export read back: the stored link stays */
        policy_restore(im->a, r);
    return record_complete(r, e);
}

int app_record_from_json(const char *json, struct wt_record *r, struct wt_error *err)
{
    json_error_t je;
    json_t *o = json_loads(json, JSON_REJECT_DUPLICATES, &je);
    if (!o)
        return wt_error_set(err, WT_EINVAL, _("geen geldige JSON: %s"), je.text);
    struct jimport im = {.kind = r->kind};
    int rc = one_record(&im, o, r, err);
    json_decref(o);
    return rc;
}

static int read_all(struct jimport *im, json_t *root, struct wt_error *err)
{
    if (!json_is_array(root))
        return wt_error_set(err, WT_EINVAL,
                            _("%s: geen JSON-lijst van records (zoals export --format json "
                              "die schrijft)"),
                            im->fname);
    size_t n = json_array_size(root);
    im->recs = xmalloc((n ? n : 1) * sizeof *im->recs);
    for (size_t i = 0; i < n; i++) {
        struct wt_record *r = &im->recs[i];
        record_init(r, im->kind);
        im->n++;
        struct wt_error e = {0};
        int rc = one_record(im, json_array_get(root, i), r, &e);
        if (!rc) {
            size_t earlier = idset_add(&im->ids, r->v[0], i + 1);
            if (earlier)
                rc = wt_error_set(&e, WT_EINVAL, _("id: %s staat ook al in record %zu"),
                                  r->v[0], earlier);
        }
        if (rc)
            return wt_error_set(err, rc, _("%s: record %zu: %s"), im->fname, i + 1, e.text);
        if (im->batch)
            store_batch_add(im->batch, r);
    }
    return 0;
}

static const struct wt_record *json_rec(const void *ctx, size_t i)
{
    const struct jimport *im = ctx;
    return &im->recs[i];
}

/* The same write as a CSV import (app_import_store): references against the
 * file and the database, a volunteer's records to review, the access log. */
static int jimport_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct jimport *im = ctx;
    struct app_import_set s = {im->a,     im->kind, im->n, json_rec, im, &im->ids,
                               im->batch, NULL,     false};
    struct wt_error e = {0};
    size_t bad = 0;
    int rc = app_import_store(t, &s, &bad, &e);
    if (rc == WT_EINVAL)
        return wt_error_set(err, rc, _("%s: record %zu: %s"), im->fname, bad + 1, e.text);
    return rc;
}

int app_import_json(struct app *a, enum wt_kind kind, const char *fname, const char *buf,
                    size_t len, size_t *count, struct wt_error *err)
{
    int rc = app_allowed(a, kind, APP_OP_IMPORT, err);
    if (rc)
        return rc;
    json_error_t je;
    json_t *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);
    if (!root)
        return wt_error_set(err, WT_EINVAL, _("%s:%d: geen geldige JSON: %s"), fname, je.line,
                            je.text);
    struct jimport im = {.a = a, .kind = kind, .fname = fname};
    idset_init(&im.ids);
    if (!app_goes_to_review(a, kind))
        im.batch = store_batch_new(a->store, kind);
    rc = read_all(&im, root, err);
    json_decref(root);
    if (!rc) {
        store_reserve(a->store, len * 6 + ((size_t)4 << 20), NULL);
        rc = store_write(a->store, jimport_write, &im, err);
    }
    if (!rc && count)
        *count = im.n;
    store_batch_free(im.batch);
    for (size_t i = 0; i < im.n; i++)
        record_fini(&im.recs[i]);
    free(im.recs);
    idset_fini(&im.ids);
    return rc;
}
