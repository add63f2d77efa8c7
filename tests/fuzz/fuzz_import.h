/* fuzz_import.h: what the import targets (CSV and JSON) share: every stored record as stored, to
 * see what an import changed, and the form of a refusal's message. White-box: the app's store. */
#ifndef WT_TEST_FUZZ_IMPORT_H
#define WT_TEST_FUZZ_IMPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "fuzz_app.h"
#include "wijktafel/store.h"
#include "wijktafel/text.h"

static inline int fuzz_append_value(void *ctx, const struct wt_record *r)
{
    unsigned char *val;
    size_t len;
    store_encode(r, &val, &len);
    buf_printf(ctx, "%zu:", len);
    buf_append(ctx, val, len);
    free(val);
    return 0;
}

/* Every stored record of every kind, as stored, read through the store (an
 * export would add to the access log each time); the caller frees each. */
static inline void fuzz_snapshot(struct app *app, struct buf out[WT_KIND_COUNT])
{
    struct store_txn *t;
    struct wt_error err = {0};
    FUZZ_ASSERT(store_read_begin(app->store, &t, &err) == 0, "%s", err.text);
    for (int k = 0; k < WT_KIND_COUNT; k++) {
        out[k] = (struct buf){0};
        buf_append(&out[k], "", 0);
        FUZZ_ASSERT(store_each(t, (enum wt_kind)k, fuzz_append_value, &out[k]) == 0, "read %d",
                    k);
    }
    store_read_end(t);
}

/* Number of records in a snapshot of one kind. */
static inline size_t fuzz_records(const struct buf *b)
{
    size_t n = 0;
    for (const char *p = b->data, *end = b->data + b->len; p < end; n++) {
        char *colon;
        size_t len = strtoul(p, &colon, 10);
        p = colon + 1 + len;
    }
    return n;
}

static inline bool fuzz_same(const struct buf *a, const struct buf *b)
{
    return a->len == b->len && memcmp(a->data, b->data, a->len) == 0;
}

/* One line a person can read: valid UTF-8 without control characters. */
static inline bool fuzz_one_clean_line(const char *s)
{
    if (!*s || !text_valid_utf8(s, strlen(s)))
        return false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return false;
    return true;
}

/* The database an import target works on: made on first use with records for
 * the input's references to meet, made again after 200 accepted imports so
 * that every run stays fast, removed at exit. */
static char *fuzz_root;          /* this process's folder */
static struct app *fuzz_db;      /* opened as the leader */
static size_t fuzz_imports;      /* accepted imports since the database was made */

static inline void fuzz_db_close(void)
{
    app_close(fuzz_db);
    fuzz_db = NULL;
    rel_rmtree(fuzz_root);
    free(fuzz_root);
    fuzz_root = NULL;
}

/* The database for this run, tag naming its folder. */
static inline struct app *fuzz_db_ready(const char *tag)
{
    static const char *const seeds[][2] = {
        {"members", "id,name,role\nm1,Mia Jansen,professional\nv1,Vera de Wit,volunteer\n"},
        {"cases", "id,opened,area,resident,request,owner,needs\n"
                  "c1,2024-01-05,Noordoostpolder/Ens,Jan de Vries,Boodschappen,m1,eenzaamheid\n"},
        {"resources",
         "id,name,kind,area,needs\nr1,Eetcafe,initiative,Noordoostpolder,eenzaamheid\n"},
        {"talents", "id,name,area,offers\nt1,Piet Bos,Noordoostpolder/Ens,klussen\n"},
    };
    if (fuzz_db && fuzz_imports <= 200)
        return fuzz_db;
    if (fuzz_db)
        fuzz_db_close();
    else
        atexit(fuzz_db_close);
    fuzz_db = fuzz_app_open(tag, seeds, sizeof seeds / sizeof seeds[0], &fuzz_root);
    fuzz_imports = 0;
    return fuzz_db;
}

/* One import format, as the import targets drive it. */
struct fuzz_format {
    const char *file, *exported; /* the names the input and the export go under */
    const char *refusal;         /* how a refusal's message starts */
    enum app_format fmt;
    int (*import)(struct app *, enum wt_kind, const char *, const char *, size_t, size_t *,
                  struct wt_error *);
    int (*import_stream)(struct app *, enum wt_kind, const char *, FILE *, size_t *,
                         struct wt_error *);
};

/* The input after its first byte as a file of the kind that byte picks, in f's format, into
 * the database: as a buffer or (by that byte) as a stream, as `import` reads a file or a pipe.
 * A rejected file changes nothing and says why in one line that starts with its name; an
 * accepted one touches only its kind, leaves a database that checks sound, and its export
 * imports again without a change. */
static inline void fuzz_import_one(const struct fuzz_format *f, const uint8_t *data, size_t size)
{
    enum wt_kind kind = (enum wt_kind)(data[0] % WT_KIND_COUNT);
    struct buf before[WT_KIND_COUNT], after[WT_KIND_COUNT];
    fuzz_snapshot(fuzz_db, before);
    struct wt_error err = {0};
    size_t n = 0;
    int rc;
    if ((data[0] / WT_KIND_COUNT) % 2) {
        FILE *in = fmemopen((void *)(data + 1), size - 1 ? size - 1 : 1, "rb");
        FUZZ_ASSERT(in != NULL, "fmemopen");
        if (size == 1)
            fgetc(in); /* an empty stream */
        rc = f->import_stream(fuzz_db, kind, f->file, in, &n, &err);
        fclose(in);
    } else {
        rc = f->import(fuzz_db, kind, f->file, (const char *)data + 1, size - 1, &n, &err);
    }
    fuzz_snapshot(fuzz_db, after);
    if (rc != 0) {
        FUZZ_ASSERT(rc == WT_EINVAL, "rc %d: %s", rc, err.text);
        FUZZ_ASSERT(err.code == rc, "err.code %d, rc %d", err.code, rc);
        FUZZ_ASSERT(strncmp(err.text, f->refusal, strlen(f->refusal)) == 0, "message: %s",
                    err.text);
        FUZZ_ASSERT(fuzz_one_clean_line(err.text), "message: %s", err.text);
        for (int k = 0; k < WT_KIND_COUNT; k++)
            FUZZ_ASSERT(fuzz_same(&before[k], &after[k]), "a rejected import changed %s: %s",
                        record_kind((enum wt_kind)k)->name, err.text);
    } else {
        fuzz_imports++;
        for (int k = 0; k < WT_KIND_COUNT; k++)
            FUZZ_ASSERT(k == (int)kind || fuzz_same(&before[k], &after[k]),
                        "an import of %s changed %s", record_kind(kind)->name,
                        record_kind((enum wt_kind)k)->name);
        /* Insert or replace: never fewer records, at most n more. */
        size_t rb = fuzz_records(&before[kind]), ra = fuzz_records(&after[kind]);
        FUZZ_ASSERT(ra >= rb && ra <= rb + n, "%zu records, were %zu, %zu imported", ra, rb, n);
        FUZZ_ASSERT(app_check(fuzz_db, NULL, NULL, &err) == 0, "check after an import: %s",
                    err.text);
        /* Export then import of kind changes nothing stored. */
        struct buf exported = {0};
        FUZZ_ASSERT(app_export(fuzz_db, kind, f->fmt, &exported, &err) == 0, "%s", err.text);
        FUZZ_ASSERT(f->import(fuzz_db, kind, f->exported, exported.data, exported.len, NULL,
                              &err) == 0,
                    "the export does not import again: %s", err.text);
        buf_fini(&exported);
        struct buf again[WT_KIND_COUNT];
        fuzz_snapshot(fuzz_db, again);
        for (int k = 0; k < WT_KIND_COUNT; k++) {
            FUZZ_ASSERT(fuzz_same(&again[k], &after[k]), "export then import changed %s",
                        record_kind((enum wt_kind)k)->name);
            buf_fini(&again[k]);
        }
    }
    for (int k = 0; k < WT_KIND_COUNT; k++) {
        buf_fini(&before[k]);
        buf_fini(&after[k]);
    }
}

#endif
