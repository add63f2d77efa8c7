/* index.c: secondary indexes (area, status, tag, date, reference) kept with their records. */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"
#include "wijktafel/xalloc.h"

size_t index_key_build(unsigned char *out, enum wt_kind kind, int field, const char *folded,
                       const char *id)
{
    size_t vl = strlen(folded);
    if (vl > INDEX_VALUE_MAX) {
        vl = INDEX_VALUE_MAX;
        /* Do not cut a UTF-8 sequence in half. */
        while (vl > 0 && ((unsigned char)folded[vl] & 0xc0) == 0x80)
            vl--;
    }
    size_t n = 0;
    out[n++] = (unsigned char)kind;
    out[n++] = (unsigned char)field;
    memcpy(out + n, folded, vl);
    n += vl;
    out[n++] = 0;
    if (id) {
        size_t il = strlen(id);
        memcpy(out + n, id, il);
        n += il;
    }
    return n;
}

static int emit(index_key_fn fn, void *ctx, const struct wt_record *r, int f, const char *value)
{
    unsigned char key[512];
    char *folded = text_fold_tag(value);
    if (!folded)
        return 0;
    MDB_val k = {index_key_build(key, r->kind, f, folded, r->v[0]), key};
    free(folded);
    return fn(ctx, &k);
}

int index_each_key(const struct wt_record *r, index_key_fn fn, void *ctx)
{
    const struct wt_kind_def *kd = record_kind(r->kind);
    int rc = 0;
    for (int f = 1; f < kd->nfields && !rc; f++) {
        if (!r->v[f] || kd->fields[f].index == FIDX_NONE)
            continue;
        if (kd->fields[f].index == FIDX_VALUE) {
            rc = emit(fn, ctx, r, f, r->v[f]);
            continue;
        }
        struct taglist l;
        tags_split(r->v[f], &l);
        for (size_t i = 0; i < l.n && !rc; i++)
            rc = emit(fn, ctx, r, f, l.items[i]);
        tags_fini(&l);
    }
    return rc;
}

static int put_key(void *ctx, const MDB_val *key)
{
    struct store_txn *t = ctx;
    MDB_val k = *key, v = {0, ""};
    int rc = mdb_put(t->txn, t->s->idx, &k, &v, 0);
    return rc ? store_txn_mdb_fail(t, rc, "index") : 0;
}

static int del_key(void *ctx, const MDB_val *key)
{
    struct store_txn *t = ctx;
    MDB_val k = *key;
    int rc = mdb_del(t->txn, t->s->idx, &k, NULL);
    return rc && rc != MDB_NOTFOUND ? store_txn_mdb_fail(t, rc, "index") : 0;
}

int index_put_record(struct store_txn *t, const struct wt_record *r)
{
    if (t->err)
        return t->err;
    return index_each_key(r, put_key, t);
}

int index_del_record(struct store_txn *t, const struct wt_record *r)
{
    if (t->err)
        return t->err;
    return index_each_key(r, del_key, t);
}

static int rebuild_one(void *ctx, const struct wt_record *r)
{
    return index_put_record(ctx, r);
}

int index_rebuild(struct store_txn *t)
{
    if (t->err)
        return t->err;
    int rc = mdb_drop(t->txn, t->s->idx, 0);
    if (rc)
        return store_txn_mdb_fail(t, rc, "index");
    for (int k = 0; k < WT_KIND_COUNT && !t->err; k++)
        store_each(t, (enum wt_kind)k, rebuild_one, t);
    return t->err;
}

int store_find(struct store_txn *t, enum wt_kind kind, int f, const char *value,
               store_id_fn fn, void *ctx)
{
    if (t->err)
        return t->err;
    char *folded = text_fold_tag(value);
    if (!folded)
        return 0;
    bool truncated = strlen(folded) > INDEX_VALUE_MAX;
    unsigned char prefix[512];
    size_t pl = index_key_build(prefix, kind, f, folded, NULL);
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->idx, &c);
    if (rc) {
        free(folded);
        return store_txn_mdb_fail(t, rc, "index");
    }
    MDB_val k = {pl, prefix}, v;
    int ret = 0;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE); rc == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        if (k.mv_size < pl || memcmp(k.mv_data, prefix, pl) != 0)
            break;
        char id[WT_MAX_ID + 1];
        size_t il = k.mv_size - pl;
        if (il == 0 || il > WT_MAX_ID)
            continue;
        memcpy(id, (char *)k.mv_data + pl, il);
        id[il] = '\0';
        if (truncated) {
            /* The key holds only the start of the value: compare the record's. */
            struct wt_record r;
            bool same = false;
            if (store_get(t, kind, id, &r) == 0 && r.v[f]) {
                char *rf = text_fold_tag(r.v[f]);
                same = rf && strcmp(rf, folded) == 0;
                free(rf);
            }
            record_fini(&r);
            if (!same)
                continue;
        }
        if ((ret = fn(ctx, id)) != 0)
            break;
    }
    mdb_cursor_close(c);
    free(folded);
    return ret ? ret : t->err;
}
