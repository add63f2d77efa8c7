/* index.c: secondary indexes (area, status, tag, date, reference) kept with their records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"
#include "wijktafel/xalloc.h"

size_t index_key_build(unsigned char *out, int field, const char *folded, const char *id)
{
    size_t vl = strlen(folded);
    if (vl > INDEX_VALUE_MAX) {
        vl = INDEX_VALUE_MAX;
        /* Do not cut a UTF-8 sequence in half. */
        while (vl > 0 && ((unsigned char)folded[vl] & 0xc0) == 0x80)
            vl--;
    }
    size_t n = 0;
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

/* tok: what index.cases ends its keys in instead of the id (the case's token
 * or number, made once per record), else NULL. */
static int emit(struct store *s, index_key_fn fn, void *ctx, const struct wt_record *r,
                const MDB_val *tok, int f, const char *value)
{
    unsigned char key[512];
    size_t vl = strlen(value);
    bool ascii = vl <= INDEX_VALUE_MAX;
    for (size_t i = 0; i < vl && ascii; i++)
        ascii = (unsigned char)value[i] < 0x80;
    if (s->encrypted) {
        enum store_comp comp = store_index_comp(r->kind, f);
        if (!s->unlocked[comp] || strcmp(value, STORE_LINK_HIDDEN) == 0)
            return 0; /* a link to a case without the case key: not known here */
        /* Keys reveal no personal data: a keyed hash of the folded value.
         * ASCII folds to lower case (as below), without utf8proc. */
        char lower[INDEX_VALUE_MAX + 1], *folded = lower;
        if (ascii) {
            for (size_t i = 0; i <= vl; i++)
                lower[i] = value[i] >= 'A' && value[i] <= 'Z' ? (char)(value[i] - 'A' + 'a')
                                                              : value[i];
        } else if (!(folded = text_fold_tag(value))) {
            return 0;
        }
        char hex[40];
        store_index_value(s, comp, folded, hex, sizeof hex);
        if (folded != lower)
            free(folded);
        /* A case's id is its token here too (docs/security.md). */
        MDB_val k = {index_key_build(key, f, hex, tok ? NULL : r->v[0]), key};
        if (tok) {
            memcpy(key + k.mv_size, tok->mv_data, tok->mv_size);
            k.mv_size += tok->mv_size;
        }
        return fn(ctx, &k);
    }
    if (ascii) {
        /* ASCII folds to lower case: build the key without allocating. */
        size_t n = 0, il = strlen(r->v[0]);
        key[n++] = (unsigned char)f;
        for (size_t i = 0; i < vl; i++) {
            char c = value[i];
            key[n++] = (unsigned char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
        key[n++] = 0;
        memcpy(key + n, r->v[0], il);
        MDB_val k = {n + il, key};
        return fn(ctx, &k);
    }
    char *folded = text_fold_tag(value);
    if (!folded)
        return 0;
    MDB_val k = {index_key_build(key, f, folded, r->v[0]), key};
    free(folded);
    return fn(ctx, &k);
}

static int each_key(struct store *s, const struct wt_record *r, const MDB_val *suffix,
                    index_key_fn fn, void *ctx);

int index_each_key(struct store *s, const struct wt_record *r, index_key_fn fn, void *ctx)
{
    return each_key(s, r, NULL, fn, ctx);
}

int index_each_key_in(struct store_txn *t, const struct wt_record *r, index_key_fn fn, void *ctx)
{
    if (r->kind != WT_CASES || !t->s->case_index || !store_case_seq(t->s))
        return each_key(t->s, r, NULL, fn, ctx);
    unsigned char kb[CASE_KEY_LEN], sb[CASE_SEQ_LEN];
    MDB_val k = store_rec_key(t, WT_CASES, r->v[0], kb);
    if (!k.mv_size)
        return 0; /* never: whoever writes loads the key first (index_put_record) */
    store_case_seq_idx(&k, sb);
    MDB_val suffix = {CASE_SEQ_LEN, sb};
    return each_key(t->s, r, &suffix, fn, ctx);
}

/* suffix: what a case's keys end in (its number), NULL for the id or token. */
static int each_key(struct store *s, const struct wt_record *r, const MDB_val *suffix,
                    index_key_fn fn, void *ctx)
{
    const struct wt_kind_def *kd = record_kind(r->kind);
    int rc = 0;
    unsigned char tokb[CASE_KEY_LEN];
    MDB_val tokv = {CASE_KEY_LEN, tokb};
    const MDB_val *tok = NULL;
    if (r->kind == WT_CASES && s->encrypted && s->case_index) {
        if (suffix)
            tok = suffix;
        else if (!store_case_token(s, r->v[0], tokb))
            return 0; /* never: whoever writes loads the key first (index_put_record) */
        else
            tok = &tokv;
    }
    for (int f = 1; f < kd->nfields && !rc; f++) {
        if (!r->v[f] || kd->fields[f].index == FIDX_NONE)
            continue;
        if (kd->fields[f].index == FIDX_VALUE) {
            rc = emit(s, fn, ctx, r, tok, f, r->v[f]);
            continue;
        }
        struct taglist l;
        tags_split(r->v[f], &l);
        for (size_t i = 0; i < l.n && !rc; i++)
            rc = emit(s, fn, ctx, r, tok, f, l.items[i]);
        tags_fini(&l);
    }
    return rc;
}

struct key_op {
    struct store_txn *t;
    MDB_dbi dbi;
};

static int put_key(void *ctx, const MDB_val *key)
{
    struct key_op *op = ctx;
    MDB_val k = *key, v = {0, ""};
    int rc = mdb_put(op->t->txn, op->dbi, &k, &v, 0);
    return rc ? store_txn_mdb_fail(op->t, rc, "index") : 0;
}

static int del_key(void *ctx, const MDB_val *key)
{
    struct key_op *op = ctx;
    MDB_val k = *key;
    int rc = mdb_del(op->t->txn, op->dbi, &k, NULL);
    return rc && rc != MDB_NOTFOUND ? store_txn_mdb_fail(op->t, rc, "index") : 0;
}

int index_put_record(struct store_txn *t, const struct wt_record *r)
{
    if (t->err)
        return t->err;
    if (r->kind == WT_CASES && t->s->case_index)
        store_case_idkey(t, false);
    struct key_op op = {t, t->s->idx[r->kind]};
    return index_each_key_in(t, r, put_key, &op);
}

int index_del_record(struct store_txn *t, const struct wt_record *r)
{
    if (t->err)
        return t->err;
    if (r->kind == WT_CASES && t->s->case_index)
        store_case_idkey(t, false);
    struct key_op op = {t, t->s->idx[r->kind]};
    return index_each_key_in(t, r, del_key, &op);
}

enum store_comp store_index_comp(enum wt_kind kind, int f)
{
    return store_case_link(kind, f) ? COMP_CASE : store_comp_of(kind);
}

int store_key_cmp(const MDB_val *a, const MDB_val *b)
{
    size_t n = a->mv_size < b->mv_size ? a->mv_size : b->mv_size;
    int c = memcmp(a->mv_data, b->mv_data, n);
    if (c)
        return c;
    return a->mv_size < b->mv_size ? -1 : a->mv_size > b->mv_size;
}

static int cmp_keys(const void *a, const void *b)
{
    return store_key_cmp(a, b);
}

/* Length of a key's prefix: the field byte and the value up to its NUL. */
static size_t prefix_len(const MDB_val *k)
{
    const unsigned char *nul = memchr(k->mv_data, 0, k->mv_size);
    return nul ? (size_t)(nul - (const unsigned char *)k->mv_data) + 1 : k->mv_size;
}

static size_t hash_bytes(const void *p, size_t n)
{
    const unsigned char *b = p;
    size_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211ull;
    return h;
}

struct group {
    MDB_val prefix;
    size_t count, start;
};

static int cmp_groups(const void *a, const void *b)
{
    return store_key_cmp(&((const struct group *)a)->prefix, &((const struct group *)b)->prefix);
}

/* Sorts keys and drops duplicates in O(n) for the common case: few distinct
 * field values, each with many ids that arrive in id order. Groups keys by
 * prefix with a hash table, sorts the (few) prefixes, then places each group
 * in order; a group whose ids did not arrive in order is sorted on its own.
 * Returns the number of keys left. */
static size_t sort_keys(MDB_val *keys, size_t n)
{
    /* The table holds group numbers + 1 (0 = empty) and grows with the
     * number of groups, which is small, not with the number of keys. */
    size_t cap = 1024;
    size_t *slot = xcalloc(cap, sizeof *slot);
    size_t ngroups = 0, gcap = 64;
    size_t *hashes = xmalloc(gcap * sizeof *hashes);
    struct group *groups = xmalloc(gcap * sizeof *groups);
    size_t *gof = xmalloc((n ? n : 1) * sizeof *gof);
    for (size_t i = 0; i < n; i++) {
        MDB_val p = {prefix_len(&keys[i]), keys[i].mv_data};
        size_t h = hash_bytes(p.mv_data, p.mv_size);
        size_t j = h & (cap - 1);
        while (slot[j] && (hashes[slot[j] - 1] != h ||
                           store_key_cmp(&groups[slot[j] - 1].prefix, &p) != 0))
            j = (j + 1) & (cap - 1);
        if (!slot[j]) {
            if (ngroups == gcap) {
                gcap *= 2;
                groups = xrealloc(groups, gcap * sizeof *groups);
                hashes = xrealloc(hashes, gcap * sizeof *hashes);
            }
            groups[ngroups] = (struct group){p, 0, 0};
            hashes[ngroups] = h;
            slot[j] = ++ngroups;
            if (ngroups * 2 > cap) {
                cap *= 2;
                free(slot);
                slot = xcalloc(cap, sizeof *slot);
                for (size_t g = 0; g < ngroups; g++) {
                    size_t k = hashes[g] & (cap - 1);
                    while (slot[k])
                        k = (k + 1) & (cap - 1);
                    slot[k] = g + 1;
                }
                for (j = h & (cap - 1); slot[j] != ngroups; j = (j + 1) & (cap - 1))
                    ;
            }
        }
        gof[i] = slot[j] - 1;
        groups[gof[i]].count++;
    }
    /* Order the groups by prefix; remember where each old group number went. */
    size_t *rank = xmalloc((ngroups ? ngroups : 1) * sizeof *rank);
    for (size_t g = 0; g < ngroups; g++)
        groups[g].start = g; /* borrow start to carry the old number */
    if (ngroups)
        qsort(groups, ngroups, sizeof *groups, cmp_groups);
    size_t pos = 0;
    for (size_t g = 0; g < ngroups; g++) {
        rank[groups[g].start] = g;
        groups[g].start = pos;
        pos += groups[g].count;
    }
    MDB_val *out = xmalloc((n ? n : 1) * sizeof *out);
    size_t *fill = xcalloc(ngroups ? ngroups : 1, sizeof *fill);
    for (size_t i = 0; i < n; i++) {
        size_t g = rank[gof[i]];
        out[groups[g].start + fill[g]++] = keys[i];
    }
    /* Within a group the keys differ only after the prefix: compare that part. */
    size_t kept = 0;
    for (size_t g = 0; g < ngroups; g++) {
        MDB_val *run = out + groups[g].start;
        size_t pl = groups[g].prefix.mv_size, cnt = groups[g].count;
        for (size_t i = 1; i < cnt; i++) {
            MDB_val a = {run[i - 1].mv_size - pl, (char *)run[i - 1].mv_data + pl};
            MDB_val b = {run[i].mv_size - pl, (char *)run[i].mv_data + pl};
            if (store_key_cmp(&a, &b) > 0) {
                qsort(run, cnt, sizeof *run, cmp_keys);
                break;
            }
        }
        for (size_t i = 0; i < cnt; i++) {
            if (i > 0 && run[i].mv_size == run[i - 1].mv_size &&
                memcmp((char *)run[i].mv_data + pl, (char *)run[i - 1].mv_data + pl,
                       run[i].mv_size - pl) == 0)
                continue;
            keys[kept++] = run[i];
        }
    }
    free(out);
    free(fill);
    free(rank);
    free(gof);
    free(groups);
    free(hashes);
    free(slot);
    return kept;
}

int index_put_keys(struct store_txn *t, enum wt_kind kind, MDB_val *keys, size_t n)
{
    if (t->err || n == 0)
        return t->err;
    n = sort_keys(keys, n);
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->idx[kind], &c);
    if (rc)
        return store_txn_mdb_fail(t, rc, "index");
    /* Keys beyond the last one in the database are appended: LMDB then fills
     * pages in order instead of splitting them. */
    MDB_val last, lv;
    bool have_last = mdb_cursor_get(c, &last, &lv, MDB_LAST) == 0;
    unsigned char lastbuf[512];
    if (have_last) {
        memcpy(lastbuf, last.mv_data, last.mv_size);
        last.mv_data = lastbuf;
    }
    for (size_t i = 0; i < n && !rc; i++) {
        MDB_val v = {0, ""};
        bool append = !have_last || store_key_cmp(&keys[i], &last) > 0;
        rc = mdb_cursor_put(c, &keys[i], &v, append ? MDB_APPEND : 0);
    }
    mdb_cursor_close(c);
    return rc ? store_txn_mdb_fail(t, rc, "index") : 0;
}

static int rebuild_one(void *ctx, const struct wt_record *r)
{
    return index_put_record(ctx, r);
}

int index_rebuild_kind(struct store_txn *t, enum wt_kind kind)
{
    int rc = t->err ? t->err : mdb_drop(t->txn, t->s->idx[kind], 0);
    if (rc)
        return t->err ? t->err : store_txn_mdb_fail(t, rc, "index");
    store_each(t, kind, rebuild_one, t);
    return t->err;
}

int index_rebuild(struct store_txn *t)
{
    for (int k = 0; k < WT_KIND_COUNT && !t->err; k++) {
        int rc = mdb_drop(t->txn, t->s->idx[k], 0);
        if (rc)
            return store_txn_mdb_fail(t, rc, "index");
        store_each(t, (enum wt_kind)k, rebuild_one, t);
    }
    return t->err;
}

/* True when an index of kind is hashed with compartment c's key. */
static bool kind_hashed_with(enum wt_kind kind, enum store_comp c)
{
    const struct wt_kind_def *d = record_kind(kind);
    for (int f = 0; f < d->nfields; f++)
        if (d->fields[f].index != FIDX_NONE && store_index_comp(kind, f) == c)
            return true;
    return false;
}

int index_rebuild_comp(struct store_txn *t, enum store_comp c)
{
    for (int k = 0; k < WT_KIND_COUNT && !t->err; k++) {
        if (!kind_hashed_with((enum wt_kind)k, c))
            continue;
        int rc = mdb_drop(t->txn, t->s->idx[k], 0);
        if (rc)
            return store_txn_mdb_fail(t, rc, "index");
        store_each(t, (enum wt_kind)k, rebuild_one, t);
    }
    return t->err;
}

int index_token_id(struct store_txn *t, enum wt_kind kind, const MDB_val *tk,
                   char id[WT_MAX_ID + 1])
{
    unsigned char kb[CASE_KEY_LEN];
    MDB_val k = store_case_token_rec(t, tk, kb), v;
    if (!k.mv_size)
        return WT_ENOTFOUND;
    int rc = mdb_get(t->txn, t->s->kinds[kind], &k, &v);
    if (rc)
        return rc == MDB_NOTFOUND ? WT_ENOTFOUND : store_txn_mdb_fail(t, rc, "index");
    struct wt_record r;
    rc = store_read_stored(t, kind, &k, &v, &r);
    if (rc == 0)
        snprintf(id, WT_MAX_ID + 1, "%s", r.v[0]);
    record_fini(&r);
    return rc;
}

int store_find(struct store_txn *t, enum wt_kind kind, int f, const char *value,
               store_id_fn fn, void *ctx)
{
    if (t->err)
        return t->err;
    if (!store_can_read(t->s, kind))
        return WT_EPERM;
    if (t->s->encrypted && !t->s->unlocked[store_index_comp(kind, f)])
        return WT_EPERM;
    char *folded = text_fold_tag(value);
    if (!folded)
        return 0;
    bool truncated = !t->s->encrypted && strlen(folded) > INDEX_VALUE_MAX;
    unsigned char prefix[512];
    size_t pl;
    if (t->s->encrypted) {
        char hex[40];
        store_index_value(t->s, store_index_comp(kind, f), folded, hex, sizeof hex);
        pl = index_key_build(prefix, f, hex, NULL);
    } else {
        pl = index_key_build(prefix, f, folded, NULL);
    }
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->idx[kind], &c);
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
        MDB_val tk = {il, (char *)k.mv_data + pl};
        if (store_is_case_token(&tk) || store_is_case_seq_idx(&tk)) {
            /* A case under its token or number: its id is inside its value. */
            if (index_token_id(t, kind, &tk, id) != 0)
                continue;
        } else if (il == 0 || il > WT_MAX_ID) {
            continue;
        } else {
            memcpy(id, (char *)k.mv_data + pl, il);
            id[il] = '\0';
        }
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
