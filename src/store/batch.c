/* batch.c: many records in one write, sealed and hashed on helper threads. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "par.h"
#include "store_int.h"
#include "wijktafel/xalloc.h"

struct key_arena {
    struct buf bytes;
    size_t *offs, *lens;
    size_t n, cap;
};

static int collect_key(void *ctx, const MDB_val *key)
{
    struct key_arena *a = ctx;
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 1024;
        a->offs = xrealloc(a->offs, a->cap * sizeof *a->offs);
        a->lens = xrealloc(a->lens, a->cap * sizeof *a->lens);
    }
    a->offs[a->n] = a->bytes.len;
    a->lens[a->n++] = key->mv_size;
    buf_append(&a->bytes, key->mv_data, key->mv_size);
    return 0;
}

/* qsort_r order of record indexes by their keys of klen bytes (ctx: the
 * keys, one after another): a case's token, a case's clock key. */
struct key_order {
    const unsigned char *keys;
    size_t klen;
};

static int cmp_rec_keys(const void *a, const void *b, void *ctx)
{
    const struct key_order *ko = ctx;
    return memcmp(ko->keys + *(const size_t *)a * ko->klen,
                  ko->keys + *(const size_t *)b * ko->klen, ko->klen);
}

/* Under tokens: order (records and case keys) by the cases' tokens, corder
 * (clocks) by their hashed keys, so that each goes in key order as ids did.
 * toks gets the tokens (n x CASE_KEY_LEN). 0 or the sticky error. */
static int order_by_tokens(struct store_txn *t, const struct wt_record *const *recs, size_t n,
                           size_t *order, size_t *corder, unsigned char *toks)
{
    if (!store_case_idkey(t, false))
        return store_txn_fail(t, WT_EPERM, "cases");
    for (size_t i = 0; i < n; i++)
        store_case_token(t->s, recs[i]->v[0], toks + i * CASE_KEY_LEN);
    struct key_order ko = {toks, CASE_KEY_LEN};
    qsort_r(order, n, sizeof *order, cmp_rec_keys, &ko);
    if (store_case_seq(t->s)) { /* the clocks take the numbers, in the records' order */
        memcpy(corder, order, n * sizeof *order);
        return 0;
    }
    if (!t->s->case_clocks)
        return 0;
    unsigned char *ck = xmalloc(n * TOMB_KEY_LEN);
    for (size_t i = 0; i < n && !t->err; i++)
        if (!tomb_key(t, WT_CASES, recs[i]->v[0], true, ck + i * TOMB_KEY_LEN))
            store_txn_fail(t, WT_EPERM, "clock");
    struct key_order kc = {ck, TOMB_KEY_LEN};
    qsort_r(corder, n, sizeof *corder, cmp_rec_keys, &kc);
    free(ck);
    return t->err;
}

/* qsort_r order of record indexes (ctx: the records) by id. */
static int cmp_rec_ids(const void *a, const void *b, void *ctx)
{
    const struct wt_record *const *recs = ctx;
    return strcmp(recs[*(const size_t *)a]->v[0], recs[*(const size_t *)b]->v[0]);
}

struct store_batch {
    /* What the helpers seal and hash with: the store as the batch began (its
     * keys and index hash form), apart from anything the store's own thread
     * changes meanwhile. Its values are used only while the store's keys are
     * still those (the same generation of hash tables). */
    struct store snap;
    struct par *par; /* sealing helpers; NULL when there is nothing to seal */
    const struct wt_record **recs;
    size_t n, cap;
};

/* What a helper makes of a record: its sealed value and its index keys. */
struct batch_out {
    struct store_sealed *sv;
    struct buf keys; /* [length, 2 bytes big-endian][key] for each */
};

static int collect_into(void *ctx, const MDB_val *key)
{
    unsigned char *at = (unsigned char *)buf_extend(ctx, 2 + key->mv_size);
    at[0] = (unsigned char)(key->mv_size >> 8);
    at[1] = (unsigned char)key->mv_size;
    memcpy(at + 2, key->mv_data, key->mv_size);
    return 0;
}

static void *seal_one(void *ctx, void *in)
{
    struct store_batch *b = ctx;
    struct batch_out *o = xcalloc(1, sizeof *o);
    o->sv = store_seal_record(&b->snap, in);
    if (o->sv) /* hashing the index values is part of the encryption's cost */
        index_each_key(&b->snap, in, collect_into, &o->keys);
    return o;
}

static void sealed_free(void *ctx, void *out)
{
    (void)ctx;
    struct batch_out *o = out;
    if (!o) /* a job with no result (the log's) */
        return;
    store_sealed_free(o->sv);
    buf_fini(&o->keys);
    free(o);
}

void store_set_helpers(int n)
{
    par_set_helpers(n);
}

struct store_batch *store_batch_new(struct store *s, enum wt_kind kind)
{
    struct store_batch *b = xcalloc(1, sizeof *b);
    if (kind == WT_CASES)
        store_case_idkey_ready(s); /* the helpers make the tokens */
    b->snap = *s;
    if (s->encrypted && s->unlocked[store_comp_of(kind)])
        b->par = par_new(seal_one, b, store_thread_end);
    return b;
}

void store_batch_add(struct store_batch *b, const struct wt_record *r)
{
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 256;
        b->recs = xrealloc(b->recs, b->cap * sizeof(const struct wt_record *));
    }
    b->recs[b->n++] = r;
    if (b->par)
        par_add(b->par, (void *)r);
}

void store_batch_free(struct store_batch *b)
{
    if (!b)
        return;
    par_free(b->par, sealed_free);
    sodium_memzero(&b->snap, sizeof b->snap);
    free(b->recs);
    free(b);
}

static int put_many(struct store_txn *t, const struct wt_record *const *recs, size_t n,
                    struct store_batch *b);

int store_batch_put(struct store_txn *t, struct store_batch *b)
{
    return put_many(t, b->recs, b->n, b);
}

int store_batch_put_logged(struct store_txn *t, struct store_batch *b, struct store_log_entry *e,
                           size_t n)
{
    struct store_log_batch *lb = store_log_batch_begin(t, e, n, b->par);
    put_many(t, b->recs, b->n, b);
    return store_log_batch_finish(t, lb);
}

int store_put_many(struct store_txn *t, const struct wt_record *const *recs, size_t n)
{
    return put_many(t, recs, n, NULL);
}

static int put_many(struct store_txn *t, const struct wt_record *const *recs, size_t n,
                    struct store_batch *b)
{
    if (t->err || n == 0)
        return t->err;
    if (!t->write)
        return store_txn_fail(t, WT_EIO, "read-only transaction");
    enum wt_kind kind = recs[0]->kind;
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->kinds[kind], &c);
    if (rc)
        return store_txn_mdb_fail(t, rc, record_kind(kind)->name);
    MDB_val last, lv;
    bool have_last = mdb_cursor_get(c, &last, &lv, MDB_LAST) == 0;
    /* Under tokens the last key says nothing of ids: each id is looked up. */
    bool tokens = kind == WT_CASES && store_case_tokens(t->s);
    bool seq = kind == WT_CASES && store_case_seq(t->s);
    char lastid[WT_MAX_ID + 1] = "";
    unsigned char lastkey[WT_MAX_ID + 1];
    MDB_val lastk = {0, lastkey};
    if (have_last) {
        memcpy(lastid, last.mv_data, last.mv_size < WT_MAX_ID ? last.mv_size : WT_MAX_ID);
        lastk.mv_size = last.mv_size < WT_MAX_ID ? last.mv_size : WT_MAX_ID;
        memcpy(lastkey, last.mv_data, lastk.mv_size);
    }
    /* Records that replace others first lose their old index entries; an id
     * beyond the last one in the database is new without a look-up. */
    bool *existed = xcalloc(n, sizeof *existed);
    for (size_t i = 0; i < n && !t->err; i++) {
        if (!have_last)
            break;
        if (!tokens && strcmp(recs[i]->v[0], lastid) > 0)
            continue;
        struct wt_record old;
        int grc = store_get(t, kind, recs[i]->v[0], &old);
        if (grc == 0)
            index_del_record(t, &old);
        existed[i] = grc == 0;
        record_fini(&old);
    }
    size_t *order = xmalloc(n * sizeof *order), *corder = xmalloc(n * sizeof *corder);
    for (size_t i = 0; i < n; i++)
        order[i] = corder[i] = i;
    unsigned char *toks = tokens ? xmalloc(n * CASE_KEY_LEN) : NULL;
    if (tokens) {
        order_by_tokens(t, recs, n, order, corder, toks);
    } else {
        qsort_r(order, n, sizeof *order, cmp_rec_ids, (void *)recs);
        memcpy(corder, order, n * sizeof *order);
    }
    /* The clocks, in key order: their pages are written one after another. */
    store_sync_batch_begin(t);
    for (size_t k = 0; k < n && !t->err; k++) {
        size_t i = corder[k];
        struct wt_record old;
        bool have = existed[i] && store_get(t, kind, recs[i]->v[0], &old) == 0;
        if (!have)
            record_init(&old, kind);
        store_sync_stamp(t, have ? &old : NULL, recs[i]);
        record_fini(&old);
    }
    store_sync_batch_end(t);
    free(existed);
    free(corder);
    if (t->err) {
        mdb_cursor_close(c);
        free(order);
        free(toks);
        return t->err;
    }
    struct key_arena keys = {0};
    if (kind == WT_CASES)
        store_casekey_batch_begin(t);
    for (size_t i = 0; i < n && !rc; i++) {
        const struct wt_record *r = recs[order[i]];
        MDB_val tk = {CASE_KEY_LEN, toks ? toks + order[i] * CASE_KEY_LEN : NULL};
        unsigned char nb[CASE_KEY_LEN];
        if (seq) /* a new case gets the next number: beyond the last, appended */
            tk = store_rec_key_new(t, kind, r->v[0], nb);
        if (t->err)
            break;
        bool append = !have_last || (tokens ? store_key_cmp(&tk, &lastk) > 0
                                            : strcmp(r->v[0], lastid) > 0);
        if (seq && append) {
            memcpy(lastkey, tk.mv_data, tk.mv_size);
            lastk.mv_size = tk.mv_size;
            have_last = true;
        }
        /* Sealed by the batch's helpers, when there are some (the same
         * sealed values again when the write is done over). */
        struct batch_out *bo = b && b->par && b->snap.hgen == t->s->hgen &&
                                       b->snap.case_ids == t->s->case_ids &&
                                       b->snap.case_seq == t->s->case_seq &&
                                       b->snap.case_index == t->s->case_index
                                   ? par_need(b->par, order[i])
                                   : NULL;
        const struct store_sealed *sv = bo ? bo->sv : NULL;
        if ((sv ? store_value_put_sealed(t, c, r, sv, append ? MDB_APPEND : 0)
                : store_value_put(t, c, r, append ? MDB_APPEND : 0)) != 0)
            break;
        if (!sv) {
            index_each_key_in(t, r, collect_key, &keys);
            continue;
        }
        const unsigned char *p = (const unsigned char *)bo->keys.data;
        const unsigned char *end = p + bo->keys.len;
        bool swap = seq && t->s->case_index; /* the helpers' token, this number */
        unsigned char sk[512]; /* a swapped key, until collect_key copies it */
        while (p + 2 <= end) {
            MDB_val k = {(size_t)p[0] << 8 | p[1], (void *)(p + 2)};
            p += 2 + k.mv_size;
            if (swap && k.mv_size > CASE_KEY_LEN && k.mv_size - CASE_KEY_LEN + CASE_SEQ_LEN <= 512) {
                memcpy(sk, k.mv_data, k.mv_size - CASE_KEY_LEN);
                store_case_seq_idx(&tk, sk + k.mv_size - CASE_KEY_LEN);
                k = (MDB_val){k.mv_size - CASE_KEY_LEN + CASE_SEQ_LEN, sk};
            }
            collect_key(&keys, &k);
        }
    }
    store_casekey_batch_end(t);
    mdb_cursor_close(c);
    free(order);
    free(toks);
    if (rc || t->err) {
        buf_fini(&keys.bytes);
        free(keys.offs);
        free(keys.lens);
        return t->err ? t->err : store_txn_mdb_fail(t, rc, record_kind(kind)->name);
    }
    MDB_val *kv = xmalloc((keys.n ? keys.n : 1) * sizeof *kv);
    for (size_t i = 0; i < keys.n; i++) {
        kv[i].mv_size = keys.lens[i];
        kv[i].mv_data = keys.bytes.data + keys.offs[i];
    }
    index_put_keys(t, kind, kv, keys.n);
    if (kind == WT_CASES && store_case_tokens(t->s)) {
        const char **ids = xmalloc(n * sizeof *ids);
        for (size_t i = 0; i < n; i++)
            ids[i] = recs[i]->v[0];
        store_case_idmax_note_many(t, ids, n);
        free(ids);
    }
    free(kv);
    buf_fini(&keys.bytes);
    free(keys.offs);
    free(keys.lens);
    return t->err;
}
