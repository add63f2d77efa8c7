/* each.c: walking a kind's records (on helper threads when encrypted) and its ids. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "par.h"
#include "store_int.h"
#include "wijktafel/xalloc.h"

/* What a key of a kind's database stands for: the id (cut at WT_MAX_ID),
 * or a case's token or number as "#" and hex (store_key_ad). */
#define KEY_ID_MAX (CASE_AD_LEN > WT_MAX_ID + 1 ? CASE_AD_LEN : WT_MAX_ID + 1)
static void key_id(const MDB_val *k, char id[KEY_ID_MAX])
{
    store_key_ad(k, id);
}

/* True when k is a case's token or number: the id is inside the value. */
static bool hidden_key(const MDB_val *k)
{
    return store_is_case_token(k) || store_is_case_seq(k);
}

/* A value that cannot be read comes to store_each's caller as a record with
 * only its id, marked damaged: one damaged value does not hide the others,
 * and the caller decides (show "beschadigd", refuse to export, skip). */
static void make_damaged(struct wt_record *r, enum wt_kind kind, const char *id)
{
    record_fini(r);
    record_init(r, kind);
    r->v[0] = xstrdup(id);
    r->damaged = true;
}

/* store_each on an encrypted database in a read transaction: the values are
 * opened on helper threads, at most EACH_WINDOW records ahead of the caller's
 * fn, which gets them in id order on its own thread. The values stay where
 * LMDB maps them (valid until the read transaction ends). */
#define EACH_PAR_MIN 512
#define EACH_WINDOW 1024

struct each_item {
    enum wt_kind kind;
    char id[KEY_ID_MAX];
    bool hidden; /* under a case's token or number, key (klen bytes) */
    unsigned char key[CASE_KEY_LEN];
    size_t klen;
    const unsigned char *val, *wkey;
    size_t len, wlen;
    int rc;
    struct wt_record r;
};

static void *open_one(void *ctx, void *in)
{
    const struct store *s = ctx;
    struct each_item *it = in;
    MDB_val k = {it->klen, it->key};
    if (it->hidden && store_is_case_seq(&k))
        it->rc = store_value_open_seq(s, it->kind, &k, it->wkey, it->wlen, it->val, it->len,
                                      &it->r);
    else if (it->hidden)
        it->rc = store_value_open_token(s, it->kind, it->key, it->wkey, it->wlen, it->val,
                                        it->len, &it->r);
    else
        it->rc = store_value_open(s, it->kind, it->id, it->wkey, it->wlen, it->val, it->len,
                                  &it->r);
    return it;
}

static int each_par(struct store_txn *t, enum wt_kind kind, MDB_cursor *c, store_each_fn fn,
                    void *ctx)
{
    MDB_cursor *kc = NULL; /* the case keys, walked in step with the cases */
    MDB_val ck = {0, NULL}, cv = {0, NULL};
    bool have_key = false;
    int rc;
    if (kind == WT_CASES) {
        if ((rc = mdb_cursor_open(t->txn, t->s->casekeys, &kc)) != 0)
            return store_txn_mdb_fail(t, rc, "casekeys");
        have_key = mdb_cursor_get(kc, &ck, &cv, MDB_FIRST) == 0;
    }
    struct each_item *ring = xcalloc(EACH_WINDOW, sizeof *ring);
    /* The helpers open with the keys as they are now, whatever fn does. */
    struct store snap = *t->s;
    struct par *par = par_new(open_one, &snap, store_thread_end);
    MDB_val k, v;
    rc = mdb_cursor_get(c, &k, &v, MDB_FIRST);
    size_t added = 0, done = 0;
    int ret = 0;
    while (!ret) {
        /* Keep the helpers up to EACH_WINDOW records ahead. */
        while (rc == 0 && added < done + EACH_WINDOW) {
            struct each_item *it = &ring[added % EACH_WINDOW];
            it->kind = kind;
            key_id(&k, it->id);
            it->hidden = hidden_key(&k);
            if (it->hidden) {
                memcpy(it->key, k.mv_data, k.mv_size);
                it->klen = k.mv_size;
            }
            it->val = v.mv_data;
            it->len = v.mv_size;
            it->wkey = NULL;
            it->wlen = 0;
            while (have_key && store_key_cmp(&ck, &k) < 0)
                have_key = mdb_cursor_get(kc, &ck, &cv, MDB_NEXT) == 0;
            if (have_key && store_key_cmp(&ck, &k) == 0) {
                it->wkey = cv.mv_data;
                it->wlen = cv.mv_size;
            }
            par_add(par, it);
            added++;
            rc = mdb_cursor_get(c, &k, &v, MDB_NEXT);
        }
        if (done == added)
            break;
        struct each_item *it = par_need(par, done);
        if (it->rc == WT_ECORRUPT) {
            make_damaged(&it->r, kind, it->id);
            it->rc = 0;
        }
        ret = it->rc ? it->rc : fn(ctx, &it->r);
        record_fini(&it->r);
        done++;
    }
    /* Stopped early: what the helpers opened ahead is let go. */
    for (; done < added; done++)
        record_fini(&((struct each_item *)par_need(par, done))->r);
    par_free(par, NULL);
    sodium_memzero(&snap, sizeof snap);
    free(ring);
    if (kc)
        mdb_cursor_close(kc);
    if (rc && rc != MDB_NOTFOUND && !ret)
        return store_txn_mdb_fail(t, rc, record_kind(kind)->name);
    return ret;
}

/* A case stored under its token or number: its key from "casekeys" under
 * the same key. */
static int read_hidden(struct store_txn *t, enum wt_kind kind, const MDB_val *k, const MDB_val *v,
                      struct wt_record *r)
{
    MDB_val kk = *k, wk = {0, NULL};
    store_case_idkey(t, false); /* to check the id against its token */
    int rc = mdb_get(t->txn, t->s->casekeys, &kk, &wk);
    if (rc && rc != MDB_NOTFOUND) {
        record_init(r, kind);
        return store_txn_mdb_fail(t, rc, "casekeys");
    }
    if (store_is_case_seq(k))
        return store_value_open_seq(t->s, kind, k, wk.mv_data, wk.mv_size, v->mv_data,
                                    v->mv_size, r);
    return store_value_open_token(t->s, kind, k->mv_data, wk.mv_data, wk.mv_size, v->mv_data,
                                  v->mv_size, r);
}

static int each_stored(struct store_txn *t, enum wt_kind kind, store_each_fn fn, void *ctx);

int store_read_stored(struct store_txn *t, enum wt_kind kind, const MDB_val *k, const MDB_val *v,
                      struct wt_record *out)
{
    if (hidden_key(k))
        return read_hidden(t, kind, k, v, out);
    char id[KEY_ID_MAX];
    key_id(k, id);
    return store_value_read(t, kind, id, v->mv_data, v->mv_size, out);
}

/* The records of a walk under tokens, held to be handed over in id order. */
struct held {
    struct wt_record *recs;
    size_t n, cap;
};

/* Takes the record over (each_stored's records are its own, freed after fn). */
static int hold_record(void *ctx, const struct wt_record *r)
{
    struct held *h = ctx;
    if (h->n == h->cap) {
        h->cap = h->cap ? h->cap * 2 : 1024;
        h->recs = xrealloc(h->recs, h->cap * sizeof *h->recs);
    }
    struct wt_record *own = (struct wt_record *)r;
    h->recs[h->n++] = *own;
    record_init(own, r->kind);
    return 0;
}

/* qsort_r order of indexes into the held records (ctx) by id. */
static int cmp_held(const void *a, const void *b, void *ctx)
{
    const struct wt_record *recs = ctx;
    return strcmp(recs[*(const size_t *)a].v[0], recs[*(const size_t *)b].v[0]);
}

int store_each(struct store_txn *t, enum wt_kind kind, store_each_fn fn, void *ctx)
{
    if (t->err)
        return t->err;
    if (!store_can_read(t->s, kind))
        return WT_EPERM;
    if (kind != WT_CASES || !store_case_tokens(t->s))
        return each_stored(t, kind, fn, ctx);
    /* Tokens come in no order: every case is opened, then sorted by id. */
    store_case_idkey(t, false);
    struct held h = {0};
    int ret = each_stored(t, kind, hold_record, &h);
    /* Indexes are sorted, not the records (a record is some 150 bytes). */
    size_t *by_id = xmalloc((h.n ? h.n : 1) * sizeof *by_id);
    for (size_t i = 0; i < h.n; i++)
        by_id[i] = i;
    if (!ret && h.n > 1)
        qsort_r(by_id, h.n, sizeof *by_id, cmp_held, h.recs);
    for (size_t i = 0; i < h.n; i++) {
        if (!ret)
            ret = fn(ctx, &h.recs[by_id[i]]);
        record_fini(&h.recs[by_id[i]]);
    }
    free(by_id);
    free(h.recs);
    return ret;
}

/* store_each in the order of the stored keys. */
static int each_stored(struct store_txn *t, enum wt_kind kind, store_each_fn fn, void *ctx)
{
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->kinds[kind], &c);
    if (rc)
        return store_txn_mdb_fail(t, rc, record_kind(kind)->name);
    MDB_stat st;
    if (t->s->encrypted && !t->write && par_helpers() > 0 &&
        mdb_stat(t->txn, t->s->kinds[kind], &st) == 0 && st.ms_entries >= EACH_PAR_MIN) {
        int prc = each_par(t, kind, c, fn, ctx);
        mdb_cursor_close(c);
        return prc;
    }
    MDB_val k, v;
    int ret = 0;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        struct wt_record r;
        char id[KEY_ID_MAX];
        key_id(&k, id);
        int drc = hidden_key(&k) ? read_hidden(t, kind, &k, &v, &r)
                                 : store_value_read(t, kind, id, v.mv_data, v.mv_size, &r);
        if (drc == WT_ECORRUPT) {
            make_damaged(&r, kind, id);
        } else if (drc) {
            record_fini(&r);
            ret = drc;
            break;
        }
        ret = fn(ctx, &r);
        record_fini(&r);
        if (ret)
            break;
    }
    mdb_cursor_close(c);
    if (rc && rc != MDB_NOTFOUND && !ret)
        return store_txn_mdb_fail(t, rc, record_kind(kind)->name);
    return ret;
}

struct ids_of {
    const char *prefix;
    size_t pl;
    store_id_fn fn;
    void *ctx;
};

static int id_of(void *ctx, const struct wt_record *r)
{
    struct ids_of *io = ctx;
    if (r->damaged || strncmp(r->v[0], io->prefix, io->pl) != 0)
        return 0;
    return io->fn(io->ctx, r->v[0]);
}

int store_each_id(struct store_txn *t, enum wt_kind kind, const char *prefix, store_id_fn fn,
                  void *ctx)
{
    if (t->err)
        return t->err;
    if (!store_can_read(t->s, kind))
        return WT_EPERM;
    if (kind == WT_CASES && store_case_tokens(t->s)) {
        /* The ids are inside the values: every case is opened. */
        struct ids_of io = {prefix, strlen(prefix), fn, ctx};
        return store_each(t, kind, id_of, &io);
    }
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->kinds[kind], &c);
    if (rc)
        return store_txn_mdb_fail(t, rc, record_kind(kind)->name);
    size_t pl = strlen(prefix);
    MDB_val k = {pl, (void *)prefix}, v;
    int ret = 0;
    for (rc = mdb_cursor_get(c, &k, &v, pl ? MDB_SET_RANGE : MDB_FIRST); rc == 0 && !ret;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        if (k.mv_size < pl || memcmp(k.mv_data, prefix, pl) != 0)
            break;
        char id[KEY_ID_MAX];
        key_id(&k, id);
        ret = fn(ctx, id);
    }
    mdb_cursor_close(c);
    if (rc && rc != MDB_NOTFOUND && !ret)
        return store_txn_mdb_fail(t, rc, record_kind(kind)->name);
    return ret;
}
