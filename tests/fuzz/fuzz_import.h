/* fuzz_import.h: what the import targets (CSV and JSON) share: every stored record as stored, to
 * see what an import changed, and the form of a refusal's message. White-box: the app's store. */
#ifndef WT_TEST_FUZZ_IMPORT_H
#define WT_TEST_FUZZ_IMPORT_H

#include <stdbool.h>
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

#endif
