/* meeting_map.c: what is new or changed in the social map since the previous meeting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting_int.h"
#include "wijktafel/date.h"

/* FNV-1a over every column of the record, columns separated. */
static uint64_t record_hash(const struct wt_record *r)
{
    uint64_t h = 1469598103934665603ull;
    for (int f = 0; f < record_kind(r->kind)->nfields; f++) {
        for (const unsigned char *p = (const unsigned char *)record_get(r, f); *p; p++)
            h = (h ^ *p) * 1099511628211ull;
        h = (h ^ 0x1f) * 1099511628211ull;
    }
    return h;
}

static int digest_one(void *ctx, const struct wt_record *r)
{
    buf_printf(ctx, "%c:%s\t%016llx\n", r->kind == WT_TALENTS ? 't' : 'r', r->v[0],
               (unsigned long long)record_hash(r));
    return 0;
}

int meeting_map_digest(struct store_txn *t, char **out)
{
    struct buf b = {0};
    buf_puts(&b, "");
    int rc = store_each(t, WT_RESOURCES, digest_one, &b);
    if (!rc)
        rc = store_each(t, WT_TALENTS, digest_one, &b);
    if (rc) {
        buf_fini(&b);
        *out = NULL;
        return rc;
    }
    *out = buf_steal(&b);
    return 0;
}

/* The previous digest as an open-addressing table of "K:ID" -> hash. */
struct meeting_changes {
    char **keys;
    uint64_t *hashes;
    size_t cap;
    bool have_digest;
    int32_t since;          /* the previous meeting */
    int32_t fallback_since; /* without its fingerprint: changed = checked after this */
};

#define FALLBACK_DAYS 28

static size_t str_hash(const char *s, size_t n)
{
    size_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static void table_add(struct meeting_changes *c, const char *key, size_t n, uint64_t hash)
{
    size_t j = str_hash(key, n) & (c->cap - 1);
    while (c->keys[j])
        j = (j + 1) & (c->cap - 1);
    c->keys[j] = xstrndup(key, n);
    c->hashes[j] = hash;
}

static bool table_get(const struct meeting_changes *c, const char *key, uint64_t *hash)
{
    if (!c->cap)
        return false;
    size_t n = strlen(key);
    size_t j = str_hash(key, n) & (c->cap - 1);
    while (c->keys[j]) {
        if (strcmp(c->keys[j], key) == 0) {
            *hash = c->hashes[j];
            return true;
        }
        j = (j + 1) & (c->cap - 1);
    }
    return false;
}

static void load_digest(struct meeting_changes *c, const char *text)
{
    size_t lines = 0;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    c->cap = 16;
    while (c->cap < lines * 2 + 2)
        c->cap *= 2;
    c->keys = xcalloc(c->cap, sizeof *c->keys);
    c->hashes = xcalloc(c->cap, sizeof *c->hashes);
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        const char *tab = memchr(p, '\t', nl ? (size_t)(nl - p) : strlen(p));
        if (tab)
            table_add(c, p, (size_t)(tab - p), strtoull(tab + 1, NULL, 16));
        if (!nl)
            break;
        p = nl + 1;
    }
    c->have_digest = true;
}

int meeting_changes_new(struct app *a, struct meeting_changes **out, struct wt_error *err)
{
    struct meeting_changes *c = xcalloc(1, sizeof *c);
    c->since = meeting_previous(a);
    c->fallback_since = c->since < a->today - FALLBACK_DAYS ? c->since : a->today - FALLBACK_DAYS;
    struct store_txn *t;
    int rc = store_read_begin(a->store, &t, err);
    if (rc) {
        free(c);
        *out = NULL;
        return rc;
    }
    char *k = meeting_key(c->since, "map");
    char *digest = NULL;
    if (store_meta_get(t, k, &digest) == 0)
        load_digest(c, digest);
    free(digest);
    free(k);
    store_read_end(t);
    *out = c;
    return 0;
}

enum meeting_change meeting_changes_of(const struct meeting_changes *c, const struct wt_record *r)
{
    if (!c || (r->kind != WT_RESOURCES && r->kind != WT_TALENTS))
        return MEETING_SAME;
    if (c->have_digest) {
        char key[WT_MAX_ID + 4];
        snprintf(key, sizeof key, "%c:%s", r->kind == WT_TALENTS ? 't' : 'r', r->v[0]);
        uint64_t h;
        if (!table_get(c, key, &h))
            return MEETING_NEW;
        return h == record_hash(r) ? MEETING_SAME : MEETING_CHANGED;
    }
    /* No fingerprint of an earlier meeting (the first meetings with this
     * program): what was checked or got consent in the last four weeks. */
    int32_t d;
    int f = r->kind == WT_TALENTS ? TALENT_CONSENT : RESOURCE_CHECKED;
    if (r->v[f] && date_parse(r->v[f], &d) == 0 && d > c->fallback_since)
        return MEETING_CHANGED;
    return MEETING_SAME;
}

void meeting_changes_free(struct meeting_changes *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->cap; i++)
        free(c->keys[i]);
    free(c->keys);
    free(c->hashes);
    free(c);
}
