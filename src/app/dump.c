/* dump.c: everything a leader may see as one folder of CSV files with a manifest, and back. */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app_int.h"
#include "dump_int.h"
#include "wijktafel/csv.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"

/* The order of restore: what others point at first. */
static const enum wt_kind kind_order[] = {WT_MEMBERS, WT_RESOURCES, WT_TALENTS,
                                          WT_CASES,   WT_SIGNALS,   WT_ACTIONS,
                                          WT_PROJECTS, WT_PARTNERS};

static char *hex_sha256(const char *data, size_t len)
{
    char *out = xmalloc(65);
    store_sha256_hex(data, len, out);
    return out;
}

static int write_file(const char *dir, const char *name, const struct buf *b,
                      struct wt_error *err)
{
    char *path = xasprintf("%s/%s", dir, name);
    /* Readable by its owner only, and never over a file that is there. */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (fd >= 0 && !f)
        close(fd);
    int rc = 0;
    if (!f || (b->len && fwrite(b->data, 1, b->len, f) != b->len))
        rc = wt_error_set(err, WT_EIO, _("%s: kan niet schrijven: %s"), path, strerror(errno));
    if (f && fclose(f) != 0 && !rc)
        rc = wt_error_set(err, WT_EIO, _("%s: kan niet schrijven: %s"), path, strerror(errno));
    free(path);
    return rc;
}

/* Adds one file to the manifest. */
static void manifest_add(json_t *files, const char *name, size_t count, const struct buf *b)
{
    char *sum = hex_sha256(b->data ? b->data : "", b->len);
    json_array_append_new(files, json_pack("{s:s, s:I, s:s}", "name", name, "count",
                                           (json_int_t)count, "sha256", sum));
    free(sum);
}

struct meta_out {
    struct buf *b;
    const struct dump_family *fam;
    size_t plen, n;
    const char *bad; /* the first value that could not be read (a key in the store's buffer) */
    char *bad_key;
};

static int meta_row(void *ctx, const char *key, const char *value)
{
    struct meta_out *m = ctx;
    key += m->plen;
    if (m->fam->match && !m->fam->match(key))
        return 0;
    char *f[24] = {NULL};
    int rc = m->fam->out(key, value, f);
    if (!rc) {
        csv_write_row(m->b, (const char *const *)f, m->fam->ncols);
        m->n++;
    } else if (!m->bad_key) {
        m->bad_key = xstrdup(key);
    }
    for (size_t i = 0; i < m->fam->ncols; i++)
        free(f[i]);
    return rc;
}

struct log_out {
    struct buf *b;
    uint64_t upto;
    size_t n;
};

static int log_row(void *ctx, const struct store_log_entry *e)
{
    struct log_out *m = ctx;
    if (e->seq > m->upto)
        return 1;
    const char *row[DUMP_LOG_COLS] = {e->time, e->member, e->behalf, e->path,
                                      e->action, e->kind, e->id, e->detail};
    csv_write_row(m->b, row, DUMP_LOG_COLS);
    m->n++;
    return 0;
}

int dump_log_csv(struct store_txn *t, uint64_t upto, struct buf *b, size_t *n)
{
    csv_write_row(b, dump_log_head, DUMP_LOG_COLS);
    struct log_out m = {.b = b, .upto = upto};
    int rc = store_log_each(t, log_row, &m);
    *n = m.n;
    return rc < 0 ? rc : 0;
}

static int review_row(void *ctx, const struct store_submission *s)
{
    struct meta_out *m = ctx;
    json_t *o = app_record_json(&s->rec);
    char *rec = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    const char *row[9] = {s->id, s->status, s->submitter, s->date, s->reason,
                          record_kind(s->rec.kind)->name, rec, s->decider, s->decided};
    csv_write_row(m->b, row, 9);
    free(rec);
    m->n++;
    return 0;
}

/* The non-record kinds, read in one transaction, into the folder. */
static int dump_meta(struct app *a, const char *dir, json_t *files, struct wt_error *err)
{
    struct store_txn *t;
    int rc = store_read_begin(a->store, &t, err);
    size_t nf;
    const struct dump_family *fams = dump_families(&nf);
    for (size_t i = 0; i < nf && !rc; i++) {
        const struct dump_family *fam = &fams[i];
        struct buf b = {0};
        const char *head[24];
        for (size_t c = 0; c < fam->ncols; c++)
            head[c] = dump_family_col(fam, c);
        csv_write_row(&b, head, fam->ncols);
        struct meta_out m = {.b = &b, .fam = fam, .plen = strlen(fam->prefix)};
        rc = store_meta_each(t, fam->prefix, meta_row, &m);
        if (rc && m.bad_key)
            rc = wt_error_set(err, rc, _("%s: %s%s is beschadigd en wordt niet gedumpt (zie "
                                         "'wijktafel check')"),
                              a->dir, fam->prefix, m.bad_key);
        else if (rc)
            rc = wt_error_set(err, rc, _("%s: %s kan niet worden gelezen"), a->dir, fam->file);
        else if (!(rc = write_file(dir, fam->file, &b, err)))
            manifest_add(files, fam->file, m.n, &b);
        free(m.bad_key);
        buf_fini(&b);
    }
    if (!rc) {
        struct buf b = {0};
        const char *head[9] = {"id", "status", "submitter", "date", "reason", "kind", "record",
                               "decider", "decided"};
        csv_write_row(&b, head, 9);
        struct meta_out m = {.b = &b};
        rc = store_review_each(t, review_row, &m);
        if (rc)
            rc = wt_error_set(err, rc, _("%s: review.csv kan niet worden gelezen"), a->dir);
        else if (!(rc = write_file(dir, "review.csv", &b, err)))
            manifest_add(files, "review.csv", m.n, &b);
        buf_fini(&b);
    }
    if (t)
        store_read_end(t);
    return rc;
}

/* The access log as it stands before the dump reads anything: the dump's
 * exports and its own entry come after it, so that a dump never holds its
 * own traces and `dump`, `restore`, `dump` gives the same log.csv. */
static int dump_log(struct app *a, const char *dir, json_t *files, struct wt_error *err)
{
    struct store_txn *t = NULL;
    int rc = store_read_begin(a->store, &t, err);
    struct buf b = {0};
    size_t n = 0;
    if (!rc && (rc = dump_log_csv(t, UINT64_MAX, &b, &n)) != 0)
        rc = wt_error_set(err, rc, _("%s: het toegangslog kan niet worden gelezen"), a->dir);
    else if (!rc && !(rc = write_file(dir, "log.csv", &b, err)))
        manifest_add(files, "log.csv", n, &b);
    buf_fini(&b);
    if (t)
        store_read_end(t);
    return rc;
}

static size_t count_rows(const struct buf *b)
{
    /* Records, not lines: a quoted field may hold line breaks. */
    size_t n = 0;
    bool quoted = false;
    for (size_t i = 0; i < b->len; i++) {
        if (b->data[i] == '"')
            quoted = !quoted;
        else if (b->data[i] == '\n' && !quoted)
            n++;
    }
    return n ? n - 1 : 0;
}

int app_dump(struct app *a, const char *dir, struct wt_error *err)
{
    int rc = app_leader_only(a, _("een dump maken"), err);
    if (rc)
        return rc;
    if (mkdir(dir, 0700) != 0 && errno != EEXIST)
        return wt_error_set(err, WT_EIO, _("%s: kan de map niet maken: %s"), dir,
                            strerror(errno));
    json_t *files = json_array();
    rc = dump_log(a, dir, files, err);
    for (size_t k = 0; k < WT_KIND_COUNT && !rc; k++) {
        struct buf b = {0};
        rc = app_export(a, kind_order[k], APP_CSV, &b, err);
        char *name = xasprintf("%s.csv", record_kind(kind_order[k])->name);
        if (!rc && !(rc = write_file(dir, name, &b, err)))
            manifest_add(files, name, count_rows(&b), &b);
        free(name);
        buf_fini(&b);
    }
    if (!rc)
        rc = dump_meta(a, dir, files, err);
    if (!rc) {
        char day[11];
        date_format(a->today, day);
        json_t *m = json_pack("{s:s, s:i, s:i, s:s, s:s, s:o}", "format", "wijktafel-dump",
                              "version", 2, "schema", STORE_SCHEMA_VERSION, "team", a->team,
                              "date", day, "files", files);
        files = NULL;
        char *s = json_dumps(m, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        struct buf b = {0};
        buf_puts(&b, s);
        buf_putc(&b, '\n');
        rc = write_file(dir, "manifest.json", &b, err);
        buf_fini(&b);
        free(s);
        json_decref(m);
    }
    json_decref(files);
    if (!rc)
        app_log(a, "dump", WT_CASES, NULL, app_encrypted(a) ? "plain" : NULL);
    return rc;
}
