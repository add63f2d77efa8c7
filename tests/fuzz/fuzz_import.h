/* fuzz_import.h: what the import targets (CSV and JSON) share: every stored record as stored, to
 * see what an import changed, and the form of a refusal's message. White-box: the app's store. */
#ifndef WT_TEST_FUZZ_IMPORT_H
#define WT_TEST_FUZZ_IMPORT_H

#include <stdbool.h>
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

#endif
