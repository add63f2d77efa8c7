/* hsds.c: `import resources --format hsds` and `export resources --format hsds`: the social map as Open Referral HSDS 3.0. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app_int.h"
#include "hsds_int.h"
#include "wijktafel/i18n.h"

#define HSDS_MAX_FILE ((size_t)256 << 20) /* a directory, not a data lake */

/* Reads the file at path whole; WT_ENOTFOUND when it is not there. */
static int read_whole(const char *path, char **data, size_t *len, struct wt_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return wt_error_set(err, errno == ENOENT ? WT_ENOTFOUND : WT_EIO,
                            _("%s: kan niet lezen: %s"), path, strerror(errno));
    struct buf b = {0};
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= HSDS_MAX_FILE)
        buf_append(&b, chunk, got);
    int bad = ferror(f);
    fclose(f);
    if (bad || b.len > HSDS_MAX_FILE) {
        buf_fini(&b);
        return wt_error_set(err, bad ? WT_EIO : WT_EINVAL,
                            bad ? _("%s: kan niet lezen") : _("%s: te groot (meer dan 256 MiB)"),
                            path);
    }
    *len = b.len;
    *data = b.data ? buf_steal(&b) : xstrdup("");
    return 0;
}

/* The tables of the package folder dir (services.csv must be there). */
static int read_folder(struct hsds_pkg *p, const char *dir, struct wt_error *err)
{
    char *path = xasprintf("%s/datapackage.json", dir);
    char *data = NULL;
    size_t len = 0;
    int rc = read_whole(path, &data, &len, err);
    if (rc == WT_ENOTFOUND) {
        wt_error_clear(err); /* a package without a description is still one */
        rc = 0;
    } else if (!rc) {
        rc = hsds_check_datapackage(path, data, len, err);
        free(data);
    }
    free(path);
    for (int t = 0; t < HT_COUNT && !rc; t++) {
        path = xasprintf("%s/%s", dir, hsds_tabdef(t)->file);
        data = NULL;
        len = 0;
        rc = read_whole(path, &data, &len, err);
        if (rc == WT_ENOTFOUND && t != HT_SERVICES) {
            wt_error_clear(err);
            p->t[t].where = xstrdup(path);
            rc = 0;
        } else if (!rc) {
            rc = hsds_read_csv(p, t, path, data, len, err);
            free(data);
        }
        free(path);
    }
    return rc;
}

struct hsds_write {
    struct app *a;
    struct hsds_result *res;
    size_t changed;
};

/* Stores what differs from the database; the same package again writes nothing. */
static int hsds_import_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct hsds_write *w = ctx;
    (void)err;
    w->changed = 0;
    bool review = app_goes_to_review(w->a, WT_RESOURCES);
    for (size_t i = 0; i < w->res->n && !store_txn_error(t); i++) {
        struct wt_record *r = &w->res->recs[i];
        struct wt_record old;
        bool same = store_get(t, WT_RESOURCES, r->v[0], &old) == 0 && record_equal(&old, r);
        record_fini(&old);
        if (same)
            continue;
        w->changed++;
        if (review)
            app_review_submit(t, w->a, r);
        else
            store_put(t, r);
    }
    if (w->changed && !review) {
        char detail[48];
        snprintf(detail, sizeof detail, "hsds %zu", w->changed);
        struct store_log_entry e;
        app_log_fill(w->a, &e, "import", WT_RESOURCES, NULL, detail);
        store_log_append(t, &e);
    }
    return store_txn_error(t);
}

int app_import_hsds(struct app *a, const char *path, struct app_hsds_counts *counts,
                    struct buf *warnings, struct wt_error *err)
{
    int rc = app_allowed(a, WT_RESOURCES, APP_OP_IMPORT, err);
    if (rc)
        return rc;
    struct stat st;
    if (stat(path, &st) != 0)
        return wt_error_set(err, WT_ENOTFOUND, _("%s: niet gevonden"), path);
    struct hsds_pkg p = {0};
    if (S_ISDIR(st.st_mode)) {
        rc = read_folder(&p, path, err);
    } else {
        char *data = NULL;
        size_t len = 0;
        if (!(rc = read_whole(path, &data, &len, err))) {
            rc = hsds_read_json(&p, path, data, len, err);
            free(data);
        }
    }
    struct hsds_map *m = NULL;
    if (!rc) {
        char *ini = xasprintf("%s/hsds.ini", a->dir);
        rc = hsds_map_load(ini, &m, err);
        free(ini);
    }
    struct hsds_result res = {0};
    if (!rc)
        rc = hsds_map_package(&p, m, &res, err);
    hsds_pkg_fini(&p);
    hsds_map_free(m);
    if (rc)
        return rc;
    struct hsds_write w = {a, &res, 0};
    store_reserve(a->store, res.n * 4096 + ((size_t)4 << 20), NULL);
    rc = store_write(a->store, hsds_import_write, &w, err);
    if (!rc && counts)
        *counts = (struct app_hsds_counts){res.n, w.changed};
    if (warnings && res.warnings.len)
        buf_append(warnings, res.warnings.data, res.warnings.len);
    hsds_result_fini(&res);
    return rc;
}

struct collect {
    struct wt_record *recs;
    size_t n, cap;
};

static int collect_one(void *ctx, const struct wt_record *r)
{
    struct collect *c = ctx;
    if (r->damaged)
        return WT_ECORRUPT;
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 64;
        c->recs = xrealloc(c->recs, c->cap * sizeof *c->recs);
    }
    record_copy(&c->recs[c->n++], r);
    return 0;
}

static int write_new(const char *dir, const char *name, const char *data, size_t len,
                     struct wt_error *err)
{
    char *path = xasprintf("%s/%s", dir, name);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    int rc = 0;
    if (fd < 0 || (len && write(fd, data, len) != (ssize_t)len))
        rc = wt_error_set(err, WT_EIO, _("%s: kan niet schrijven: %s"), path, strerror(errno));
    if (fd >= 0 && close(fd) != 0 && !rc)
        rc = wt_error_set(err, WT_EIO, _("%s: kan niet schrijven: %s"), path, strerror(errno));
    free(path);
    return rc;
}

int app_export_hsds(struct app *a, const char *dir, size_t *count, struct wt_error *err)
{
    int rc = app_allowed(a, WT_RESOURCES, APP_OP_EXPORT, err);
    if (rc)
        return rc;
    struct collect c = {0};
    rc = app_each(a, WT_RESOURCES, collect_one, &c, err);
    if (rc == WT_ECORRUPT)
        wt_error_reset(err, rc, _("%s: een kaartitem is beschadigd en wordt niet geëxporteerd "
                                  "(zie 'wijktafel check')"),
                       a->dir);
    if (!rc && mkdir(dir, 0700) != 0 && errno != EEXIST)
        rc = wt_error_set(err, WT_EIO, _("%s: kan de map niet maken: %s"), dir,
                          strerror(errno));
    if (!rc) {
        struct buf out[HT_COUNT] = {{0}};
        hsds_write_package(c.recs, c.n, a->team && *a->team ? a->team : "wijktafel", out);
        for (int t = 0; t < HT_COUNT && !rc; t++)
            rc = write_new(dir, hsds_tabdef(t)->file, out[t].data, out[t].len, err);
        for (int t = 0; t < HT_COUNT; t++)
            buf_fini(&out[t]);
        char *dp = hsds_datapackage_json();
        if (!rc)
            rc = write_new(dir, "datapackage.json", dp, strlen(dp), err);
        free(dp);
    }
    if (!rc) {
        app_log(a, "export", WT_RESOURCES, NULL, "hsds");
        if (count)
            *count = c.n;
    }
    for (size_t i = 0; i < c.n; i++)
        record_fini(&c.recs[i]);
    free(c.recs);
    return rc;
}
