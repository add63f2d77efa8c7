/* dump.c: everything a leader may see as one folder of CSV files with a manifest, and back. */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app_int.h"
#include "wijktafel/csv.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"

/* The kinds kept in meta, each as a CSV file key,value (the key without the prefix). */
static const struct {
    const char *file, *prefix;
} meta_files[] = {
    {"measures.csv", "measure/"},  /* CASE/start, CASE/close: six scores */
    {"rounds.csv", "round/"},      /* ID, ID/door/NNNNNN: round.h's lines */
    {"hours.csv", "balance/"},     /* week/MEMBER/MONDAY, target/MEMBER */
    {"meetings.csv", "meeting/"},  /* DAY/decisions, DAY/times, DAY/chosen/..., notes */
};
#define N_META (sizeof meta_files / sizeof meta_files[0])

/* The order of restore: what others point at first. */
static const enum wt_kind kind_order[] = {WT_MEMBERS, WT_RESOURCES, WT_TALENTS,
                                          WT_CASES,   WT_SIGNALS,   WT_ACTIONS};

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
    size_t plen, n;
};

static int meta_row(void *ctx, const char *key, const char *value)
{
    struct meta_out *m = ctx;
    const char *row[2] = {key + m->plen, value};
    csv_write_row(m->b, row, 2);
    m->n++;
    return 0;
}

static int review_row(void *ctx, const struct store_submission *s)
{
    struct meta_out *m = ctx;
    json_t *o = app_record_json(&s->rec);
    char *rec = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    const char *row[7] = {s->id, s->status, s->submitter, s->date, s->reason,
                          record_kind(s->rec.kind)->name, rec};
    csv_write_row(m->b, row, 7);
    free(rec);
    m->n++;
    return 0;
}

/* The non-record kinds, read in one transaction, into the folder. */
static int dump_meta(struct app *a, const char *dir, json_t *files, struct wt_error *err)
{
    struct store_txn *t;
    int rc = store_read_begin(a->store, &t, err);
    for (size_t i = 0; i < N_META && !rc; i++) {
        struct buf b = {0};
        const char *head[2] = {"key", "value"};
        csv_write_row(&b, head, 2);
        struct meta_out m = {&b, strlen(meta_files[i].prefix), 0};
        rc = store_meta_each(t, meta_files[i].prefix, meta_row, &m);
        if (rc)
            rc = wt_error_set(err, rc, _("%s: %s kan niet worden gelezen"), a->dir,
                              meta_files[i].file);
        else if (!(rc = write_file(dir, meta_files[i].file, &b, err)))
            manifest_add(files, meta_files[i].file, m.n, &b);
        buf_fini(&b);
    }
    if (!rc) {
        struct buf b = {0};
        const char *head[7] = {"id", "status", "submitter", "date", "reason", "kind", "record"};
        csv_write_row(&b, head, 7);
        struct meta_out m = {&b, 0, 0};
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
                              "version", 1, "schema", STORE_SCHEMA_VERSION, "team", a->team,
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
