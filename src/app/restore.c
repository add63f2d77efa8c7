/* restore.c: a new database filled from a dump folder (dump.c), checked against its manifest. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "dump_int.h"
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
    int version; /* the manifest's: 1 kept the meta kinds as key,value */
    struct app *a;
    struct dump_restored note; /* the restore's own record (restored.c) */
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
    store_sha256_hex(text, len, r->note.manifest_sha);
    free(text);
    const char *format = json_string_value(json_object_get(m, "format"));
    json_int_t schema = json_integer_value(json_object_get(m, "schema"));
    if (!m || !format || strcmp(format, "wijktafel-dump") != 0 || !json_is_array(files))
        rc = wt_error_set(err, WT_EINVAL, _("%s: geen manifest van een wijktafel-dump"), path);
    else if (schema < 1 || schema > STORE_SCHEMA_VERSION)
        rc = wt_error_set(err, WT_EVERSION, _("%s: schema %lld is nieuwer dan dit programma"),
                          path, (long long)schema);
    r->version = (int)json_integer_value(json_object_get(m, "version"));
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
    const struct dump_family *fam; /* NULL: review.csv */
    const char *prefix, *fname;
    struct store_txn *t;
    bool header;
    struct wt_error *err;
};

static int review_in(struct meta_in *m, size_t line, char **fields, size_t n)
{
    struct store_submission s = {0};
    enum wt_kind kind;
    /* Dumps before issue 17 have no decider and decided columns. */
    if ((n != 7 && n != 9) || record_kind_by_name(fields[5], &kind) != 0)
        return wt_error_set(m->err, WT_EINVAL, _("%s:%zu: kind: onbekende soort"), m->fname,
                            line);
    snprintf(s.id, sizeof s.id, "%s", fields[0]);
    snprintf(s.status, sizeof s.status, "%s", fields[1]);
    snprintf(s.submitter, sizeof s.submitter, "%s", fields[2]);
    snprintf(s.date, sizeof s.date, "%s", fields[3]);
    snprintf(s.reason, sizeof s.reason, "%s", fields[4]);
    if (n == 9) {
        snprintf(s.decider, sizeof s.decider, "%s", fields[7]);
        snprintf(s.decided, sizeof s.decided, "%s", fields[8]);
    }
    record_init(&s.rec, kind);
    struct wt_error e = {0};
    int rc = app_record_from_json(fields[6], &s.rec, &e);
    if (!rc)
        store_review_put(m->t, &s);
    record_fini(&s.rec);
    return rc ? wt_error_set(m->err, rc, "%s:%zu: record: %s", m->fname, line, e.text) : 0;
}

/* The header must name the family's columns, in order. */
static int family_header(struct meta_in *m, char **fields, size_t n)
{
    const struct dump_family *f = m->fam;
    bool same = n == f->ncols;
    for (size_t i = 0; same && i < n; i++)
        same = strcmp(fields[i], dump_family_col(f, i)) == 0;
    if (same)
        return 0;
    struct buf want = {0};
    for (size_t i = 0; i < f->ncols; i++)
        buf_printf(&want, "%s%s", i ? "," : "", dump_family_col(f, i));
    int rc = wt_error_set(m->err, WT_EINVAL, _("%s:1: de kopregel hoort %s te zijn"), m->fname,
                          want.data);
    buf_fini(&want);
    return rc;
}

static int meta_in_row(void *ctx, size_t line, char **fields, size_t n)
{
    struct meta_in *m = ctx;
    if (!m->header) {
        m->header = true;
        return m->fam ? family_header(m, fields, n) : 0;
    }
    if (!m->fam)
        return review_in(m, line, fields, n);
    if (n != m->fam->ncols)
        return wt_error_set(m->err, WT_EINVAL,
                            _("%s:%zu: %zu velden, maar de kopregel heeft %zu kolommen"),
                            m->fname, line, n, m->fam->ncols);
    char *key = NULL, *value = NULL;
    struct wt_error e = {0};
    int rc = m->fam->in(fields, &key, &value, &e);
    if (rc)
        return wt_error_set(m->err, rc, "%s:%zu: %s", m->fname, line, e.text);
    char *full = xasprintf("%s%s", m->prefix, key);
    store_meta_put(m->t, full, value);
    free(full);
    free(key);
    free(value);
    return 0;
}

/* Version 1 of the dump: the meta kinds as key,value under their old prefixes. */
static const struct dump_family *v1_family(const struct dump_family *kv, const char *file,
                                           const char **prefix)
{
    static const struct {
        const char *file, *prefix;
    } v1[] = {{"measures.csv", "measure/"}, {"rounds.csv", "round/"}, {"hours.csv", "balance/"}};
    for (size_t i = 0; i < sizeof v1 / sizeof v1[0]; i++)
        if (strcmp(file, v1[i].file) == 0) {
            *prefix = v1[i].prefix;
            return kv;
        }
    return NULL;
}

static int read_family(struct restore *r, struct store_txn *t, const struct dump_family *fam,
                       const char *file, const char *prefix, struct wt_error *err)
{
    struct dump_file *f = find_file(r, file);
    if (!f)
        return 0;
    struct meta_in m = {.r = r, .fam = fam, .prefix = prefix, .fname = f->name, .t = t,
                        .err = err};
    return csv_read(f->data, f->len, f->name, meta_in_row, &m, err);
}

static int meta_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct restore *r = ctx;
    size_t nf;
    const struct dump_family *fams = dump_families(&nf);
    const struct dump_family *kv = &fams[nf - 1]; /* meetings.csv: key,value */
    int rc = 0;
    for (size_t i = 0; i < nf && !rc; i++) {
        const char *prefix = fams[i].prefix;
        const struct dump_family *fam = &fams[i];
        if (r->version == 1 && v1_family(kv, fam->file, &prefix))
            fam = kv;
        rc = read_family(r, t, fam, fam == kv ? fams[i].file : fam->file, prefix, err);
    }
    if (!rc)
        rc = read_family(r, t, NULL, "review.csv", "", err);
    if (!rc) { /* the restore's own record, beside the log it put back */
        struct store_log_entry e;
        app_log_fill(r->a, &e, "restore", APP_NO_KIND, NULL, NULL);
        memcpy(r->note.time, e.time, sizeof r->note.time);
        memcpy(r->note.member, e.member, sizeof r->note.member);
        memcpy(r->note.behalf, e.behalf, sizeof r->note.behalf);
        dump_restored_put(t, &r->note);
    }
    return rc ? rc : store_txn_error(t);
}

/* log.csv: the dumped database's access log, put back as it was (the same
 * entries in the same order, chained anew in this database): the restore
 * adds no entry of its own (a->restoring), so that the log goes on where
 * the old one stopped and a dump of it writes the same log.csv. */
struct log_in {
    struct store_log_entry *e;
    size_t n, cap;
    const char *fname;
    bool header;
    struct wt_error *err;
};

static int log_in_row(void *ctx, size_t line, char **f, size_t n)
{
    struct log_in *l = ctx;
    if (!l->header) {
        l->header = true;
        bool same = n == DUMP_LOG_COLS;
        for (size_t i = 0; same && i < n; i++)
            same = strcmp(f[i], dump_log_head[i]) == 0;
        return same ? 0 : wt_error_set(l->err, WT_EINVAL, _("%s:1: de kopregel hoort "
                                                            "time,member,behalf,path,action,"
                                                            "kind,id,detail te zijn"),
                                       l->fname);
    }
    if (n != DUMP_LOG_COLS)
        return wt_error_set(l->err, WT_EINVAL,
                            _("%s:%zu: %zu velden, maar de kopregel heeft %zu kolommen"),
                            l->fname, line, n, (size_t)DUMP_LOG_COLS);
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 256;
        l->e = xrealloc(l->e, l->cap * sizeof *l->e);
    }
    struct store_log_entry *e = &l->e[l->n++];
    memset(e, 0, sizeof *e);
    struct {
        char *to;
        size_t size;
    } col[DUMP_LOG_COLS] = {{e->time, sizeof e->time},     {e->member, sizeof e->member},
                            {e->behalf, sizeof e->behalf}, {e->path, sizeof e->path},
                            {e->action, sizeof e->action}, {e->kind, sizeof e->kind},
                            {e->id, sizeof e->id},         {e->detail, sizeof e->detail}};
    for (size_t i = 0; i < DUMP_LOG_COLS; i++) {
        if (strlen(f[i]) >= col[i].size)
            return wt_error_set(l->err, WT_EINVAL, _("%s:%zu: %s: te lang"), l->fname, line,
                                dump_log_head[i]);
        memcpy(col[i].to, f[i], strlen(f[i]) + 1);
    }
    return 0;
}

static int log_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct log_in *l = ctx;
    (void)err;
    if (l->n)
        store_log_append_many(t, l->e, l->n);
    return store_txn_error(t);
}

static int restore_log(struct restore *r, struct app *a, struct wt_error *err)
{
    struct dump_file *f = find_file(r, "log.csv");
    if (!f)
        return 0; /* a dump of version 1 had none */
    struct log_in l = {.fname = f->name, .err = err};
    int rc = csv_read(f->data, f->len, f->name, log_in_row, &l, err);
    if (!rc)
        rc = store_write(a->store, log_write, &l, err);
    r->note.entries = l.n;
    store_sha256_hex(f->data, f->len, r->note.log_sha);
    free(l.e);
    return rc;
}

static int fill(struct restore *r, const char *dbdir, struct wt_error *err)
{
    struct app_opts o = {.dir = dbdir, .as_member = r->leader};
    struct app *a;
    int rc = app_open(&o, &a, err);
    if (rc)
        return rc;
    a->path = "restore";
    a->restoring = true; /* the log is the dump's; the restore's record is beside it */
    r->a = a;
    static const enum wt_kind order[] = {WT_MEMBERS, WT_RESOURCES, WT_TALENTS,
                                         WT_CASES,   WT_SIGNALS,   WT_ACTIONS,
                                         WT_PROJECTS, WT_PARTNERS};
    rc = restore_log(r, a, err);
    for (size_t k = 0; k < sizeof order / sizeof order[0] && !rc; k++) {
        char *name = xasprintf("%s.csv", record_kind(order[k])->name);
        struct dump_file *f = find_file(r, name);
        if (!f && order[k] >= WT_PROJECTS)
            ; /* a dump from before projects and partners (issue 21) */
        else if (!f)
            rc = wt_error_set(err, WT_EINVAL, _("%s: %s ontbreekt in manifest.json"), r->dir,
                              name);
        else
            rc = app_import(a, order[k], f->name, f->data, f->len, NULL, err);
        free(name);
    }
    if (!rc)
        rc = store_write(a->store, meta_write, r, err);
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
