/* restore.c: a new database filled from a dump folder (dump.c), checked against its manifest. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "wijktafel/csv.h"
#include "wijktafel/i18n.h"

struct dump_file {
    char *name, *data;
    size_t len;
};

struct restore {
    const char *dir;
    struct dump_file *files;
    size_t n;
    char *team;
    char leader[WT_MAX_ID + 1];
    char *leader_name;
};

static struct dump_file *find_file(struct restore *r, const char *name)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->files[i].name, name) == 0)
            return &r->files[i];
    return NULL;
}

static int read_path(const char *path, char **data, size_t *len, struct wt_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return wt_error_set(err, WT_ENOTFOUND, _("%s: niet gevonden"), path);
    struct buf b = {0};
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&b, chunk, got);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        buf_fini(&b);
        return wt_error_set(err, WT_EIO, _("%s: kan niet lezen"), path);
    }
    *len = b.len;
    *data = b.data ? buf_steal(&b) : xstrdup("");
    return 0;
}

/* Reads manifest.json and every file it names, checking each SHA-256. */
static int read_manifest(struct restore *r, struct wt_error *err)
{
    char *path = xasprintf("%s/manifest.json", r->dir), *text = NULL;
    size_t len = 0;
    int rc = read_path(path, &text, &len, err);
    if (rc) {
        free(path);
        return rc;
    }
    json_error_t je;
    json_t *m = json_loadb(text, len, 0, &je), *files = json_object_get(m, "files");
    free(text);
    const char *format = json_string_value(json_object_get(m, "format"));
    json_int_t schema = json_integer_value(json_object_get(m, "schema"));
    if (!m || !format || strcmp(format, "wijktafel-dump") != 0 || !json_is_array(files))
        rc = wt_error_set(err, WT_EINVAL, _("%s: geen manifest van een wijktafel-dump"), path);
    else if (schema < 1 || schema > STORE_SCHEMA_VERSION)
        rc = wt_error_set(err, WT_EVERSION, _("%s: schema %lld is nieuwer dan dit programma"),
                          path, (long long)schema);
    const char *team = json_string_value(json_object_get(m, "team"));
    r->team = xstrdup(team ? team : "");
    size_t n = rc ? 0 : json_array_size(files);
    r->files = xcalloc(n ? n : 1, sizeof *r->files);
    for (size_t i = 0; i < n && !rc; i++) {
        json_t *f = json_array_get(files, i);
        const char *name = json_string_value(json_object_get(f, "name"));
        const char *sum = json_string_value(json_object_get(f, "sha256"));
        if (!name || !sum || strchr(name, '/') || name[0] == '.') {
            rc = wt_error_set(err, WT_EINVAL, _("%s: bestand %zu: naam of sha256 ontbreekt"),
                              path, i + 1);
            break;
        }
        struct dump_file *df = &r->files[r->n++];
        df->name = xstrdup(name);
        char *fp = xasprintf("%s/%s", r->dir, name);
        rc = read_path(fp, &df->data, &df->len, err);
        if (!rc) {
            char hex[65];
            store_sha256_hex(df->data, df->len, hex);
            if (strcmp(hex, sum) != 0)
                rc = wt_error_set(err, WT_EINVAL,
                                  _("%s: de SHA-256 klopt niet met manifest.json (beschadigd "
                                    "of veranderd)"),
                                  fp);
        }
        free(fp);
    }
    json_decref(m);
    free(path);
    return rc;
}

static int first_leader(void *ctx, size_t line, char **fields, size_t n)
{
    struct restore *r = ctx;
    (void)line;
    if (r->leader[0] || n < 3 || strcmp(fields[2], "leader") != 0)
        return 0;
    snprintf(r->leader, sizeof r->leader, "%s", fields[0]);
    r->leader_name = xstrdup(fields[1]);
    return 0;
}

struct meta_in {
    struct restore *r;
    const char *prefix, *fname;
    struct store_txn *t;
    bool header;
    int review;
    struct wt_error *err;
};

static int meta_in_row(void *ctx, size_t line, char **fields, size_t n)
{
    struct meta_in *m = ctx;
    if (!m->header) {
        m->header = true;
        return 0;
    }
    if (m->review) {
        struct store_submission s = {0};
        enum wt_kind kind;
        if (n != 7 || record_kind_by_name(fields[5], &kind) != 0)
            return wt_error_set(m->err, WT_EINVAL, _("%s:%zu: kind: onbekende soort"), m->fname,
                                line);
        snprintf(s.id, sizeof s.id, "%s", fields[0]);
        snprintf(s.status, sizeof s.status, "%s", fields[1]);
        snprintf(s.submitter, sizeof s.submitter, "%s", fields[2]);
        snprintf(s.date, sizeof s.date, "%s", fields[3]);
        snprintf(s.reason, sizeof s.reason, "%s", fields[4]);
        record_init(&s.rec, kind);
        struct wt_error e = {0};
        int rc = app_record_from_json(fields[6], &s.rec, &e);
        if (!rc)
            store_review_put(m->t, &s);
        record_fini(&s.rec);
        return rc ? wt_error_set(m->err, rc, "%s:%zu: record: %s", m->fname, line, e.text) : 0;
    }
    if (n != 2 || !fields[0][0])
        return wt_error_set(m->err, WT_EINVAL, _("%s:%zu: verwacht twee velden, key en value"),
                            m->fname, line);
    char *key = xasprintf("%s%s", m->prefix, fields[0]);
    store_meta_put(m->t, key, fields[1]);
    free(key);
    return 0;
}

static int meta_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct restore *r = ctx;
    static const struct {
        const char *file, *prefix;
    } fam[] = {{"measures.csv", "measure/"},
               {"rounds.csv", "round/"},
               {"hours.csv", "balance/"},
               {"meetings.csv", "meeting/"},
               {"review.csv", NULL}};
    for (size_t i = 0; i < sizeof fam / sizeof fam[0]; i++) {
        struct dump_file *f = find_file(r, fam[i].file);
        if (!f)
            continue;
        struct meta_in m = {r, fam[i].prefix ? fam[i].prefix : "", f->name, t, false,
                            !fam[i].prefix, err};
        int rc = csv_read(f->data, f->len, f->name, meta_in_row, &m, err);
        if (rc)
            return rc;
    }
    return store_txn_error(t);
}

static int fill(struct restore *r, const char *dbdir, struct wt_error *err)
{
    struct app_opts o = {.dir = dbdir, .as_member = r->leader};
    struct app *a;
    int rc = app_open(&o, &a, err);
    if (rc)
        return rc;
    static const enum wt_kind order[] = {WT_MEMBERS, WT_RESOURCES, WT_TALENTS,
                                         WT_CASES,   WT_SIGNALS,   WT_ACTIONS};
    for (size_t k = 0; k < sizeof order / sizeof order[0] && !rc; k++) {
        char *name = xasprintf("%s.csv", record_kind(order[k])->name);
        struct dump_file *f = find_file(r, name);
        if (!f)
            rc = wt_error_set(err, WT_EINVAL, _("%s: %s ontbreekt in manifest.json"), r->dir,
                              name);
        else
            rc = app_import(a, order[k], f->name, f->data, f->len, NULL, err);
        free(name);
    }
    if (!rc)
        rc = store_write(a->store, meta_write, r, err);
    if (!rc)
        app_log(a, "restore", WT_CASES, NULL, NULL);
    app_close(a);
    return rc;
}

int app_restore(const char *dbdir, const char *dumpdir, struct wt_error *err)
{
    struct restore r = {.dir = dumpdir};
    int rc = read_manifest(&r, err);
    struct dump_file *members = rc ? NULL : find_file(&r, "members.csv");
    if (!rc && members)
        rc = csv_read(members->data, members->len, "members.csv", first_leader, &r, err);
    if (!rc && !r.leader[0])
        rc = wt_error_set(err, WT_EINVAL, _("%s/members.csv: geen leider in de dump"), dumpdir);
    if (!rc)
        rc = app_init(dbdir, r.team, r.leader, r.leader_name, err);
    if (!rc) {
        rc = fill(&r, dbdir, err);
        if (rc) {
            char *why = xstrdup(err->text);
            wt_error_reset(err, rc, _("%s (de database in %s is onvolledig: verwijder die "
                                      "voor een nieuwe poging)"),
                           why, dbdir);
            free(why);
        }
    }
    for (size_t i = 0; i < r.n; i++) {
        free(r.files[i].name);
        free(r.files[i].data);
    }
    free(r.files);
    free(r.team);
    free(r.leader_name);
    return rc;
}
