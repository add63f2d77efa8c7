/* each.c: walking a kind's records (on helper threads when encrypted) and its ids. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "par.h"
#include "store_int.h"
#include "wijktafel/xalloc.h"

/* The id a key of a kind's database stands for (cut at WT_MAX_ID). */
static void key_id(const MDB_val *k, char id[WT_MAX_ID + 1])
{
    size_t il = k->mv_size < WT_MAX_ID ? k->mv_size : WT_MAX_ID;
    memcpy(id, k->mv_data, il);
    id[il] = '\0';
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
    char id[WT_MAX_ID + 1];
    const unsigned char *val, *wkey;
    size_t len, wlen;
    int rc;
    struct wt_record r;
};

static void *open_one(void *ctx, void *in)
{
    const struct store *s = ctx;
    struct each_item *it = in;
    it->rc = store_value_open(s, it->kind, it->id, it->wkey, it->wlen, it->val, it->len, &it->r);
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

int store_each(struct store_txn *t, enum wt_kind kind, store_each_fn fn, void *ctx)
{
    if (t->err)
        return t->err;
    if (!store_can_read(t->s, kind))
        return WT_EPERM;
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
        char id[WT_MAX_ID + 1];
        key_id(&k, id);
        int drc = store_value_read(t, kind, id, v.mv_data, v.mv_size, &r);
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

int store_each_id(struct store_txn *t, enum wt_kind kind, const char *prefix, store_id_fn fn,
                  void *ctx)
{
    if (t->err)
        return t->err;
    if (!store_can_read(t->s, kind))
        return WT_EPERM;
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
        char id[WT_MAX_ID + 1];
        key_id(&k, id);
        ret = fn(ctx, id);
    }
    mdb_cursor_close(c);
    if (rc && rc != MDB_NOTFOUND && !ret)
        return store_txn_mdb_fail(t, rc, record_kind(kind)->name);
    return ret;
}
