/* import.c: CSV records in, validated with their references, stored in one transaction. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app_int.h"
#include "policy_int.h"
#include "wijktafel/csv.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"

struct pending {
    struct wt_record r;
    size_t line;
};

/* Records go into the write as they are read, a chunk at a time: an import
 * holds one chunk, the ids of the file and the records whose references
 * point forward, never the whole file (docs/performance.md). */
#define IMPORT_CHUNK_RECS 1024
#define IMPORT_CHUNK 65536 /* bytes read at a time from a stream */

struct import {
    struct app *a;
    enum wt_kind kind;
    const char *fname;
    int32_t shift;
    int col[WT_MAX_FIELDS * 2]; /* column of the file -> field, -1 unknown */
    size_t ncols;
    bool header_seen;
    /* The input: a buffer, or a stream (rewound when the write is done over). */
    const char *buf;
    size_t len;
    FILE *in;
    bool rewindable;
    struct buf seen; /* a pipe's bytes so far, for a write done over */
    int attempts;
    size_t size; /* bytes read */
    /* The write in progress. */
    struct store_txn *t;
    struct pending chunk[IMPORT_CHUNK_RECS];
    size_t nchunk, n;
    struct store_batch *batch; /* the chunk's; NULL for submissions to review */
    struct pending *later;     /* records whose references are checked at the end */
    size_t nlater, caplater;
    struct csv_stream *csv;
    bool json;              /* the input is JSON: records are numbered, not lines */
    struct json_stream *js; /* its reader */
    struct idset ids;
    struct wt_error *err;
};

static int header(struct import *im, size_t line, char **fields, size_t n)
{
    const struct wt_kind_def *kd = record_kind(im->kind);
    bool seen[WT_MAX_FIELDS] = {false};
    if (n > sizeof im->col / sizeof im->col[0])
        return wt_error_set(im->err, WT_EINVAL, _("%s:%zu: te veel kolommen"), im->fname, line);
    for (size_t i = 0; i < n; i++) {
        char *name = fields[i];
        /* A byte order mark before the first column name is not part of it. */
        if (i == 0 && strncmp(name, "\xef\xbb\xbf", 3) == 0)
            name += 3;
        if (n == 1 && !*name) /* an empty first line, or only a byte order mark */
            return wt_error_set(im->err, WT_EINVAL, _("%s:%zu: geen kopregel (de eerste regel "
                                                      "is leeg)"),
                                im->fname, line);
        int f = record_field_index(im->kind, name);
        if (f < 0 || seen[f]) {
            char *shown = app_file_word(name);
            int rc = f < 0 ? wt_error_set(im->err, WT_EINVAL,
                                          _("%s:%zu: %s: onbekende kolom voor %s"), im->fname,
                                          line, shown, kd->name)
                           : wt_error_set(im->err, WT_EINVAL,
                                          _("%s:%zu: %s: kolom staat er twee keer"), im->fname,
                                          line, shown);
            free(shown);
            return rc;
        }
        seen[f] = true;
        im->col[i] = f;
    }
    for (int f = 0; f < kd->nfields; f++)
        if (kd->fields[f].required && !seen[f])
            return wt_error_set(im->err, WT_EINVAL, _("%s:%zu: %s: verplichte kolom ontbreekt"),
                                im->fname, line, kd->fields[f].name);
    im->ncols = n;
    im->header_seen = true;
    return 0;
}

static int shift_dates(struct import *im, struct wt_record *r)
{
    const struct wt_kind_def *kd = record_kind(im->kind);
    for (int f = 0; f < kd->nfields; f++) {
        int32_t d;
        if (kd->fields[f].type != FT_DATE || !r->v[f] || date_parse(r->v[f], &d) != 0)
            continue;
        char out[11];
        date_format(d + im->shift, out);
        record_set(r, f, out);
    }
    return 0;
}

static int flush_chunk(struct import *im);

/* The message of a bad record: "FILE:LINE: what" (CSV) or "FILE: record N:
 * what" (JSON, FORMATS.md). */
static int refuse(struct import *im, int rc, size_t place, const char *what)
{
    if (im->json)
        return wt_error_set(im->err, rc, _("%s: record %zu: %s"), im->fname, place, what);
    return wt_error_set(im->err, rc, "%s:%zu: %s", im->fname, place, what);
}

/* The record just read into the chunk's next slot p (rc the result of
 * reading it, e its message): links kept, its id checked against the file's
 * ids, then into the chunk and the batch. The same for CSV and JSON. */
static int take(struct import *im, struct pending *p, int rc, struct wt_error *e)
{
    if (!rc && im->shift)
        shift_dates(im, &p->r);
    if (!rc && im->kind == WT_PROJECTS && im->a->role != APP_LEADER)
        policy_restore(im->a, &p->r); /* links to cases the member was not shown stay */
    if (!rc) {
        size_t earlier = idset_add(&im->ids, p->r.v[0], p->line);
        if (earlier)
            rc = im->json ? wt_error_set(e, WT_EINVAL, _("id: %s staat ook al in record %zu"),
                                         p->r.v[0], earlier)
                          : wt_error_set(e, WT_EINVAL, _("id: %s staat ook al op regel %zu"),
                                         p->r.v[0], earlier);
    }
    if (rc) {
        record_fini(&p->r);
        return refuse(im, rc, p->line, e->text);
    }
    im->nchunk++;
    im->n++;
    if (im->batch)
        store_batch_add(im->batch, &p->r);
    return im->nchunk == IMPORT_CHUNK_RECS ? flush_chunk(im) : 0;
}

static int on_row(void *ctx, size_t line, char **fields, size_t n)
{
    struct import *im = ctx;
    if (!im->header_seen)
        return header(im, line, fields, n);
    if (n != im->ncols)
        return wt_error_set(im->err, WT_EINVAL,
                            _("%s:%zu: %zu velden, maar de kopregel heeft %zu kolommen"),
                            im->fname, line, n, im->ncols);
    struct pending *p = &im->chunk[im->nchunk];
    record_init(&p->r, im->kind);
    p->line = line;
    struct wt_error e = {0};
    int rc = 0;
    bool masked = false;
    for (size_t i = 0; i < n && !rc; i++) {
        if (policy_masked_link(im->kind, im->col[i], fields[i])) {
            record_set(&p->r, im->col[i], fields[i]);
            masked = true;
        } else {
            rc = record_set_checked(&p->r, im->col[i], fields[i], &e);
        }
    }
    if (!rc && masked) /* an export read back: the stored link stays */
        policy_restore(im->a, &p->r);
    if (!rc)
        rc = record_complete(&p->r, &e);
    return take(im, p, rc, &e);
}

/* One element of a JSON import, record no: parsed by jansson (import_json.c). */
static int on_element(void *ctx, size_t no, const char *text, size_t len)
{
    struct import *im = ctx;
    struct pending *p = &im->chunk[im->nchunk];
    record_init(&p->r, im->kind);
    p->line = no;
    struct wt_error e = {0};
    int rc = app_json_record(im->a, text, len, &p->r, &e);
    return take(im, p, rc, &e);
}

/* Each id of a list column (projects.members) names a record of fd->ref in
 * the database, or of the file when the list names the file's own kind. */
static int refs_exist(struct store_txn *t, const struct wt_record *r,
                      const struct wt_field_def *fd, const char *value, const struct idset *file,
                      struct wt_error *err)
{
    struct taglist l;
    tags_split(value, &l);
    int rc = 0;
    for (size_t i = 0; i < l.n && !rc; i++)
        if (!(file && fd->ref == r->kind && idset_has(file, l.items[i])) &&
            !store_exists(t, fd->ref, l.items[i]))
            rc = wt_error_field(err, WT_EINVAL, fd->name, _("er is geen %s '%s'"),
                                record_kind_noun(fd->ref), l.items[i]);
    tags_fini(&l);
    return rc;
}

/* Checks that the references of r point at records in the file (same kind)
 * or in the database. Message without place, for the caller to prefix. */
int app_check_refs(struct store_txn *t, const struct wt_record *r, const struct idset *file,
                   struct wt_error *err)
{
    const struct wt_kind_def *kd = record_kind(r->kind);
    for (int f = 1; f < kd->nfields; f++) {
        if (!r->v[f])
            continue;
        const struct wt_field_def *fd = &kd->fields[f];
        if (fd->type == FT_REF) {
            bool ok = (file && fd->ref == r->kind && idset_has(file, r->v[f])) ||
                      store_exists(t, fd->ref, r->v[f]);
            if (!ok)
                return wt_error_field(err, WT_EINVAL, fd->name, _("er is geen %s '%s'"),
                                      record_kind_noun(fd->ref), r->v[f]);
        } else if (fd->type == FT_REFS) {
            int rc = refs_exist(t, r, fd, r->v[f], file, err);
            if (rc)
                return rc;
        } else if (fd->type == FT_CHOSEN) {
            char *list = xstrdup(r->v[f]);
            char *save = NULL;
            int rc = 0;
            for (char *it = strtok_r(list, ";", &save); it && !rc;
                 it = strtok_r(NULL, ";", &save)) {
                char *colon = strchr(it, ':');
                if (colon)
                    *colon = '\0';
                /* A composite option names two: each must exist. */
                for (char *part = it, *plus; part && !rc; part = plus) {
                    if ((plus = strchr(part, '+')) != NULL)
                        *plus++ = '\0';
                    bool ok = store_exists(t, WT_RESOURCES, part) ||
                              store_exists(t, WT_TALENTS, part) ||
                              store_exists(t, WT_CASES, part) ||
                              (file && r->kind == WT_CASES && idset_has(file, part));
                    if (!ok)
                        rc = wt_error_field(err, WT_EINVAL, fd->name,
                                            _("er is geen kaartitem, talent of casus '%s'"),
                                            part);
                }
            }
            free(list);
            if (rc)
                return rc;
        }
    }
    return store_txn_error(t);
}

char *app_file_word(const char *s)
{
    char *v = text_inert(s, false);
    if (strlen(v) > 40) {
        size_t cut = 37;
        while (cut > 0 && ((unsigned char)v[cut] & 0xc0) == 0x80)
            cut--;
        strcpy(v + cut, "...");
    }
    return v;
}

/* The access log of an import: one entry per case (a resident may ask who
 * touched their file), one for the whole file otherwise; with the batch. */
static void import_logged(struct store_txn *t, const struct app_import_set *s)
{
    if (s->a->restoring) { /* the dump's log says how these records came */
        store_batch_put(t, s->batch);
        return;
    }
    if (s->kind == WT_CASES) {
        struct store_log_entry *es = xmalloc((s->n ? s->n : 1) * sizeof *es);
        app_log_fill(s->a, &es[0], "import", s->kind, NULL, NULL);
        for (size_t i = 0; i < s->n; i++) {
            es[i] = es[0];
            const char *id = s->rec(s->ctx, i)->v[0];
            size_t il = strlen(id);
            if (il >= sizeof es[i].id)
                il = sizeof es[i].id - 1;
            memcpy(es[i].id, id, il);
            es[i].id[il] = '\0';
        }
        store_batch_put_logged(t, s->batch, es, s->n);
        free(es);
    } else {
        store_batch_put(t, s->batch);
        if (s->file_entry_later) /* one entry for the whole file, by the caller */
            return;
        char detail[32];
        snprintf(detail, sizeof detail, "%zu", s->n);
        struct store_log_entry e;
        app_log_fill(s->a, &e, "import", s->kind, NULL, detail);
        store_log_append(t, &e);
    }
}

/* The beamer's name dictionary follows the set's residents or talents (and
 * the versions they replace): gathered for the whole file when the write
 * gathers (a->names_pending), else applied at once. */
static void names_follow(struct store_txn *t, const struct app_import_set *s)
{
    if (s->kind != WT_CASES && s->kind != WT_TALENTS)
        return;
    struct policy_dict_delta *d = s->a->names_pending;
    if (!d)
        d = policy_dict_delta_new();
    for (size_t i = 0; i < s->n; i++) {
        const struct wt_record *r = s->rec(s->ctx, i);
        struct wt_record old; /* the version it replaces, if any: one lookup */
        if (store_get(t, s->kind, r->v[0], &old) == 0)
            policy_dict_delta_record(d, &old, -1);
        record_fini(&old);
        policy_dict_delta_record(d, r, 1);
    }
    if (d != s->a->names_pending) {
        policy_dict_apply(t, d);
        policy_dict_delta_free(d);
    }
}

int app_import_store(struct store_txn *t, const struct app_import_set *s, size_t *bad,
                     struct wt_error *e)
{
    if (app_goes_to_review(s->a, s->kind)) {
        /* A volunteer's file waits, record by record, for a leader. */
        for (size_t i = 0; i < s->n && !store_txn_error(t); i++)
            app_review_submit(t, s->a, s->rec(s->ctx, i));
        return store_txn_error(t);
    }
    for (size_t i = 0; i < s->n; i++)
        if (app_check_refs(t, s->rec(s->ctx, i), s->ids, e) != 0) {
            if (store_txn_error(t))
                return store_txn_error(t);
            if (s->later) { /* perhaps a record further on in the file: asked again at the end */
                wt_error_clear(e);
                s->later(s->ctx, i);
                continue;
            }
            *bad = i;
            return WT_EINVAL;
        }
    names_follow(t, s);
    import_logged(t, s);
    if (s->kind == WT_ACTIONS || s->kind == WT_MEMBERS)
        app_owned_refresh(t, s->a);
    return store_txn_error(t);
}

/* The chunk's records into the write (app_import_store: the review queue, or
 * references, values and the log); a reference that misses may point at a
 * record further on in the file: that record is checked again at the end. */
static const struct wt_record *chunk_rec(const void *ctx, size_t i)
{
    return &((const struct import *)ctx)->chunk[i].r;
}

static void chunk_later(const void *ctx, size_t i)
{
    struct import *im = (struct import *)ctx;
    if (im->nlater == im->caplater) {
        im->caplater = im->caplater ? im->caplater * 2 : 16;
        im->later = xrealloc(im->later, im->caplater * sizeof *im->later);
    }
    im->later[im->nlater].line = im->chunk[i].line;
    record_copy(&im->later[im->nlater++].r, &im->chunk[i].r);
}

static int flush_chunk(struct import *im)
{
    struct app_import_set s = {im->a,      im->kind, im->nchunk, chunk_rec, im, &im->ids,
                               im->batch, chunk_later, true};
    struct wt_error e = {0};
    size_t bad = 0;
    int rc = app_import_store(im->t, &s, &bad, &e);
    for (size_t i = 0; i < im->nchunk; i++)
        record_fini(&im->chunk[i].r);
    im->nchunk = 0;
    store_batch_free(im->batch);
    im->batch = app_goes_to_review(im->a, im->kind) ? NULL : store_batch_new(im->a->store,
                                                                             im->kind);
    return rc;
}

/* Frees what one attempt of the write holds. */
static void import_reset(struct import *im)
{
    csv_stream_free(im->csv);
    im->csv = NULL;
    json_stream_free(im->js);
    im->js = NULL;
    store_batch_free(im->batch);
    im->batch = NULL;
    for (size_t i = 0; i < im->nchunk; i++)
        record_fini(&im->chunk[i].r);
    for (size_t i = 0; i < im->nlater; i++)
        record_fini(&im->later[i].r);
    im->nchunk = im->nlater = im->n = 0;
    im->header_seen = false;
    idset_fini(&im->ids);
}

/* Bytes of the input to its reader. */
static int feed(struct import *im, const char *data, size_t n)
{
    if (im->json)
        return json_stream_feed(im->js, data, n, im->err);
    return csv_stream_feed(im->csv, data, n, im->err);
}

/* Feeds the whole input to the reader. */
static int import_read(struct import *im)
{
    if (!im->in)
        return feed(im, im->buf, im->len);
    int rc = 0;
    if (!im->rewindable && im->seen.len) /* a pipe cannot be read again: what it gave */
        rc = feed(im, im->seen.data, im->seen.len);
    char *chunk = xmalloc(IMPORT_CHUNK);
    size_t got;
    while (!rc && (got = fread(chunk, 1, IMPORT_CHUNK, im->in)) > 0) {
        im->size += got;
        if (!im->rewindable)
            buf_append(&im->seen, chunk, got);
        rc = feed(im, chunk, got);
    }
    if (!rc && ferror(im->in))
        rc = wt_error_set(im->err, WT_EIO, _("%s: bestand kan niet worden gelezen: %s"),
                          im->fname, strerror(errno));
    free(chunk);
    return rc;
}

/* The whole import in one write: read, check and store chunk by chunk;
 * anything wrong aborts the write, so nothing of the file is stored. */
static int import_write_all(struct store_txn *t, struct import *im, struct wt_error *err)
{
    import_reset(im);
    im->t = t;
    im->err = err;
    if (im->attempts++ > 0 && im->in && im->rewindable) {
        /* The map grew and the write is done over: the input again. */
        im->size = 0;
        if (fseek(im->in, 0, SEEK_SET) != 0)
            return wt_error_set(err, WT_EIO, _("%s: bestand kan niet worden gelezen: %s"),
                                im->fname, strerror(errno));
    }
    idset_init(&im->ids);
    if (!app_goes_to_review(im->a, im->kind))
        im->batch = store_batch_new(im->a->store, im->kind);
    if (im->json)
        im->js = json_stream_new(im->fname, on_element, im);
    else if (!(im->csv = csv_stream_new(im->fname, on_row, im)))
        return wt_error_set(err, WT_EIO, "%s: %s", im->fname, _("CSV-lezer kan niet starten"));
    int rc = import_read(im);
    if (!rc)
        rc = im->json ? json_stream_end(im->js, err) : csv_stream_end(im->csv, err);
    if (!rc && !im->json && !im->header_seen)
        rc = wt_error_set(err, WT_EINVAL, _("%s:1: het bestand is leeg (de kopregel ontbreekt)"),
                          im->fname);
    if (!rc && im->nchunk)
        rc = flush_chunk(im);
    for (size_t i = 0; !rc && i < im->nlater; i++) {
        struct wt_error e = {0};
        if (app_check_refs(t, &im->later[i].r, &im->ids, &e) != 0)
            rc = store_txn_error(t) ? store_txn_error(t)
                                    : refuse(im, WT_EINVAL, im->later[i].line, e.text);
    }
    if (!rc && im->kind != WT_CASES && !app_goes_to_review(im->a, im->kind) &&
        !im->a->restoring) {
        char detail[32];
        snprintf(detail, sizeof detail, "%zu", im->n);
        struct store_log_entry e;
        app_log_fill(im->a, &e, "import", im->kind, NULL, detail);
        store_log_append(t, &e);
    }
    return rc ? rc : store_txn_error(t);
}

/* The import's write: the beamer's name dictionary changes once, for the
 * whole file, at its end. */
static int import_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct import *im = ctx;
    struct app *a = im->a;
    policy_dict_delta_free(a->names_pending); /* a write done over starts again */
    a->names_pending = policy_dict_delta_new();
    int rc = import_write_all(t, im, err);
    if (!rc)
        rc = policy_dict_apply(t, a->names_pending);
    policy_dict_delta_free(a->names_pending);
    a->names_pending = NULL;
    return rc;
}

static int import_run(struct import *im, size_t *count)
{
    int rc = app_allowed(im->a, im->kind, APP_OP_IMPORT, im->err);
    if (rc)
        return rc;
    /* Records, index entries, clocks and log take about 3.3 times the CSV
     * (8 encrypted, where cases, their keys and clocks lie under tokens that
     * come in no order across the import's batches, so pages are half
     * full); a map that turns out too small costs a replay of the write, and
     * a larger map is only address space. JSON as export writes it is about
     * three times the CSV of the same records (keys, indents): 4 times its
     * size (2.4 measured, encrypted). A pipe's size is not
     * known: its bytes are kept for a write done over (a file is read again). */
    size_t size = im->in ? 0 : im->len;
    struct stat st;
    if (im->in && fstat(fileno(im->in), &st) == 0 && S_ISREG(st.st_mode)) {
        im->rewindable = true;
        size = (size_t)st.st_size;
    } else if (im->in) {
        size = (size_t)4 << 20; /* a pipe: the map grows as it comes */
    }
    size_t times = im->json ? 4 : im->rewindable || !im->in ? 10 : 6;
    store_reserve(im->a->store, size * times + ((size_t)4 << 20),
                  NULL);
    struct wt_error *caller = im->err;
    rc = store_write(im->a->store, import_write, im, caller);
    if (!rc && count)
        *count = im->n;
    import_reset(im);
    free(im->later);
    buf_fini(&im->seen);
    return rc;
}

int app_import_shifted(struct app *a, enum wt_kind kind, const char *fname, const char *buf,
                       size_t len, int32_t shift, size_t *count, struct wt_error *err)
{
    struct import *im = xcalloc(1, sizeof *im); /* a chunk is too big for the stack */
    im->a = a, im->kind = kind, im->fname = fname, im->shift = shift;
    im->buf = buf, im->len = len, im->err = err;
    int rc = import_run(im, count);
    free(im);
    return rc;
}

int app_import(struct app *a, enum wt_kind kind, const char *fname, const char *buf, size_t len,
               size_t *count, struct wt_error *err)
{
    return app_import_shifted(a, kind, fname, buf, len, 0, count, err);
}

int app_import_stream(struct app *a, enum wt_kind kind, const char *fname, FILE *in,
                      size_t *count, struct wt_error *err)
{
    struct import *im = xcalloc(1, sizeof *im);
    im->a = a, im->kind = kind, im->fname = fname, im->in = in, im->err = err;
    int rc = import_run(im, count);
    free(im);
    return rc;
}

int app_import_json(struct app *a, enum wt_kind kind, const char *fname, const char *buf,
                    size_t len, size_t *count, struct wt_error *err)
{
    struct import *im = xcalloc(1, sizeof *im);
    im->a = a, im->kind = kind, im->fname = fname, im->json = true;
    im->buf = buf, im->len = len, im->err = err;
    int rc = import_run(im, count);
    free(im);
    return rc;
}

int app_import_json_stream(struct app *a, enum wt_kind kind, const char *fname, FILE *in,
                           size_t *count, struct wt_error *err)
{
    struct import *im = xcalloc(1, sizeof *im);
    im->a = a, im->kind = kind, im->fname = fname, im->in = in, im->json = true, im->err = err;
    int rc = import_run(im, count);
    free(im);
    return rc;
}

struct put_ctx {
    struct app *a;
    struct wt_record *r;
    struct app_undo undo; /* the version before, for app_undo */
};

static int put_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct put_ctx *p = ctx;
    if (app_goes_to_review(p->a, p->r->kind))
        return app_review_submit(t, p->a, p->r);
    int rc = app_check_refs(t, p->r, NULL, err);
    if (rc)
        return rc;
    bool exists = store_exists(t, p->r->kind, p->r->v[0]);
    app_undo_stage(t, &p->undo, p->r->kind, p->r->v[0]);
    app_case_closing(t, p->a, p->r); /* retention counts from the closing day */
    policy_put(t, p->r); /* the beamer's name dictionary follows */
    if (p->r->kind == WT_ACTIONS)
        app_owned_action(t, p->a, p->r,
                         p->undo.have_before ? record_get(&p->undo.before, ACTION_OWNER) : NULL);
    else if (p->r->kind == WT_MEMBERS)
        app_owned_member(t, p->a, p->r->v[MEMBER_ID]);
    struct store_log_entry e;
    app_log_fill(p->a, &e, exists ? "change" : "create", p->r->kind, p->r->v[0], NULL);
    return store_log_append(t, &e);
}

int app_put(struct app *a, struct wt_record *r, struct wt_error *err)
{
    policy_restore(a, r); /* what the member was shown masked stays as stored */
    int rc = record_validate(r, err);
    if (rc)
        return rc;
    if ((rc = app_allowed(a, r->kind, APP_OP_WRITE, err)) != 0)
        return rc;
    if (!app_may_see(a, r))
        return wt_error_set(err, WT_EPERM, _("u mag deze casus niet wijzigen"));
    struct put_ctx p = {a, r, {0}};
    rc = store_write(a->store, put_write, &p, err);
    if (rc == 0)
        app_undo_keep(a, &p.undo);
    app_undo_fini(&p.undo);
    return rc;
}
