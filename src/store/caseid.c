/* caseid.c: case ids out of the file's keys (issue 14, point 4): the step that moves them.
 *
 * LMDB keys are not encrypted. In an encrypted database the clocks of cases
 * are stored under the key a case's tombstone has ([kind][TOMB_HASHED][keyed
 * BLAKE2b of the id], tomb.c), their value carrying the id sealed like a
 * tombstone's. A database from before has them under [kind][id]: the first
 * member who holds the case key moves them, in one write transaction, and
 * marks meta "case-clocks"; the old keys go with a compaction. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/xalloc.h"

bool store_case_clocks_pending(const struct store *s, MDB_txn *txn)
{
    MDB_val k = {11, "case-clocks"}, v;
    return s->encrypted && mdb_get(txn, s->meta, &k, &v) == MDB_NOTFOUND;
}

/* The plain keys of the case clocks: each [kind][id], one after another as
 * [length][key]. */
static void collect_plain(struct store_txn *t, struct buf *keys)
{
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->clock, &c);
    if (rc) {
        store_txn_mdb_fail(t, rc, "clock");
        return;
    }
    unsigned char first = (unsigned char)WT_CASES;
    MDB_val k = {1, &first}, v;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE); rc == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        const unsigned char *p = k.mv_data;
        if (p[0] != (unsigned char)WT_CASES)
            break;
        if (SYNC_HASHED_KEY(&k) || k.mv_size < 2 || k.mv_size > WT_MAX_ID + 1)
            continue;
        unsigned char len = (unsigned char)k.mv_size;
        buf_append(keys, &len, 1);
        buf_append(keys, k.mv_data, k.mv_size);
    }
    mdb_cursor_close(c);
    if (rc != MDB_NOTFOUND)
        store_txn_mdb_fail(t, rc, "clock");
}

int store_case_clocks_hide(struct store_txn *t)
{
    struct store *s = t->s;
    if (t->err)
        return -1;
    if (!s->encrypted)
        return 0;
    if (!s->unlocked[COMP_CASE] || !s->unlocked[COMP_GEN]) {
        store_txn_fail(t, WT_EPERM, "clock");
        return -1;
    }
    struct buf keys = {0};
    collect_plain(t, &keys);
    s->case_clocks = true; /* from here on a case's clock goes under its hashed key */
    int moved = 0;
    for (size_t at = 0; at < keys.len && !t->err;) {
        size_t klen = (unsigned char)keys.data[at];
        MDB_val k = {klen, keys.data + at + 1}, v;
        at += 1 + klen;
        enum wt_kind kind;
        char id[WT_MAX_ID + 1];
        if (!sync_key_parse(&k, &kind, id) || mdb_get(t->txn, s->clock, &k, &v) != 0)
            continue;
        struct store_stamp st;
        memset(&st, 0, sizeof st);
        st.n = record_kind(kind)->nfields;
        if (sync_clock_decode(&k, v.mv_data, v.mv_size, &st) != 0)
            continue; /* damaged: left where it is, for check to report */
        sync_clock_write(t, kind, id, &st);
        int rc = mdb_del(t->txn, s->clock, &k, NULL);
        if (rc)
            store_txn_mdb_fail(t, rc, "clock");
        moved++;
    }
    buf_fini(&keys);
    store_meta_put(t, "case-clocks", "1");
    return t->err ? -1 : moved;
}

/* --- case ids in "cases" and "casekeys" --------------------------------- */

bool store_case_tokens(const struct store *s)
{
    return s->encrypted && s->case_ids;
}

bool store_case_token(const struct store *s, const char *id, unsigned char k[CASE_KEY_LEN])
{
    if (!s->have_idkey)
        return false;
    k[0] = CASE_TOKEN;
    crypto_generichash(k + 1, CASE_KEY_LEN - 1, (const unsigned char *)id, strlen(id), s->idkey,
                       sizeof s->idkey);
    return true;
}

bool store_is_case_token(const MDB_val *k)
{
    return k->mv_size == CASE_KEY_LEN && ((const unsigned char *)k->mv_data)[0] == CASE_TOKEN;
}

void store_case_ad(const unsigned char k[CASE_KEY_LEN], char ad[CASE_AD_LEN])
{
    ad[0] = '#';
    sodium_bin2hex(ad + 1, CASE_AD_LEN - 1, k + 1, CASE_KEY_LEN - 1);
}

MDB_val store_rec_key(struct store_txn *t, enum wt_kind kind, const char *id,
                      unsigned char buf[CASE_KEY_LEN])
{
    if (kind != WT_CASES || !store_case_tokens(t->s))
        return store_id_key(id);
    if (!store_case_idkey(t, false))
        return (MDB_val){0, NULL};
    if (store_case_seq(t->s))
        return store_case_seq_key(t, id, false, buf);
    if (!store_case_token(t->s, id, buf))
        return (MDB_val){0, NULL};
    return (MDB_val){CASE_KEY_LEN, buf};
}

const char *store_rec_ad(const struct store *s, enum wt_kind kind, const char *id,
                         char ad[CASE_AD_LEN])
{
    if (kind != WT_CASES || !store_case_tokens(s))
        return id;
    unsigned char k[CASE_KEY_LEN];
    if (!store_case_token(s, id, k))
        return NULL;
    store_case_ad(k, ad);
    return ad;
}

void store_case_idkey_ready(struct store *s)
{
    if (s->have_idkey || !s->encrypted || !s->unlocked[COMP_CASE])
        return;
    struct store_txn *t;
    struct wt_error e = {0};
    if (store_read_begin(s, &t, &e) != 0)
        return;
    if (store_case_tokens(s))
        store_case_idkey(t, false);
    store_read_end(t);
}

bool store_case_ids_pending(const struct store *s, MDB_txn *txn)
{
    MDB_val k = {8, "case-ids"}, v;
    return s->encrypted && mdb_get(txn, s->meta, &k, &v) == MDB_NOTFOUND;
}

bool store_case_index_pending(const struct store *s, MDB_txn *txn)
{
    MDB_val k = {10, "case-index"}, v;
    return s->encrypted && mdb_get(txn, s->meta, &k, &v) == MDB_NOTFOUND;
}

int store_case_index_hide(struct store_txn *t)
{
    struct store *s = t->s;
    if (t->err || !s->encrypted)
        return t->err;
    if (!s->unlocked[COMP_CASE] || !store_case_idkey(t, true))
        return store_txn_fail(t, WT_EPERM, "index");
    s->case_index = true;
    index_rebuild_kind(t, WT_CASES);
    return store_meta_put(t, "case-index", "1");
}

/* Keeps each case that store_each hands over. */
static int hold(void *ctx, const struct wt_record *r)
{
    struct store_held *h = ctx;
    if (r->damaged)
        return 0; /* stays where it is: check names it */
    if (h->n == h->cap) {
        h->cap = h->cap ? h->cap * 2 : 64;
        h->recs = xrealloc(h->recs, h->cap * sizeof *h->recs);
    }
    record_copy(&h->recs[h->n++], r);
    return 0;
}

void store_hold_cases(struct store_txn *t, struct store_held *h)
{
    store_each(t, WT_CASES, hold, h);
}

void store_held_fini(struct store_held *h)
{
    for (size_t i = 0; i < h->n; i++)
        record_fini(&h->recs[i]);
    free(h->recs);
    *h = (struct store_held){0};
}

int store_case_ids_hide(struct store_txn *t)
{
    struct store *s = t->s;
    if (t->err)
        return -1;
    if (!s->encrypted)
        return 0;
    if (!s->unlocked[COMP_CASE] || !store_case_idkey(t, true)) {
        store_txn_fail(t, WT_EPERM, "cases");
        return -1;
    }
    /* Read as stored (under ids), then written under tokens. */
    struct store_held h = {0};
    s->case_ids = false;
    store_hold_cases(t, &h);
    s->case_ids = true;
    for (size_t i = 0; i < h.n && !t->err; i++) {
        const struct wt_record *r = &h.recs[i];
        MDB_val old = store_id_key(r->v[0]);
        int rc = mdb_del(t->txn, s->kinds[WT_CASES], &old, NULL);
        if (rc == 0)
            rc = mdb_del(t->txn, s->casekeys, &old, NULL);
        if (rc && rc != MDB_NOTFOUND) {
            store_txn_mdb_fail(t, rc, r->v[0]);
            break;
        }
        /* A fresh case key, under the token; the old one goes with its value. */
        unsigned char *val;
        size_t len;
        unsigned char kb[CASE_KEY_LEN];
        MDB_val k = store_rec_key(t, WT_CASES, r->v[0], kb);
        if (store_value_make(t, r, &val, &len) != 0)
            break;
        MDB_val v = {len, val};
        if ((rc = mdb_put(t->txn, s->kinds[WT_CASES], &k, &v, 0)) != 0)
            store_txn_mdb_fail(t, rc, r->v[0]);
        free(val);
    }
    int moved = (int)h.n;
    /* From now on the largest case numbers are kept (store_id_max). */
    store_meta_put(t, "case-idmax", "1");
    const char **ids = xmalloc((h.n ? h.n : 1) * sizeof *ids);
    for (size_t i = 0; i < h.n; i++)
        ids[i] = h.recs[i].v[0];
    store_case_idmax_note_many(t, ids, h.n);
    free(ids);
    store_held_fini(&h);
    store_meta_put(t, "case-ids", "1");
    return t->err ? -1 : moved;
}

/* --- the next free case id without a walk ------------------------------- */

/* Splits id into PREFIX and the number of its last digits; false when it
 * ends in none or in too many. */
static bool id_split(const char *id, char prefix[WT_MAX_ID + 1], long *n)
{
    size_t l = strlen(id), d = l;
    while (d > 0 && id[d - 1] >= '0' && id[d - 1] <= '9')
        d--;
    if (d == l || d == 0 || l - d > 9 || d > WT_MAX_ID)
        return false;
    memcpy(prefix, id, d);
    prefix[d] = '\0';
    *n = strtol(id + d, NULL, 10);
    return true;
}

static bool idmax_kept(struct store_txn *t)
{
    MDB_val k = {10, "case-idmax"}, v;
    return store_case_tokens(t->s) && mdb_get(t->txn, t->s->meta, &k, &v) == 0;
}

/* The number kept for prefix: 0, WT_ENOTFOUND or an error. */
static int idmax_get(struct store_txn *t, const char *prefix, long *n)
{
    char name[WT_MAX_ID + 16], *v = NULL;
    snprintf(name, sizeof name, "case-idmax/%s", prefix);
    int rc = store_meta_get(t, name, &v);
    *n = rc == 0 ? strtol(v, NULL, 10) : 0;
    free(v);
    return rc;
}

static void idmax_raise(struct store_txn *t, const char *prefix, long n)
{
    long have;
    if (idmax_get(t, prefix, &have) == 0 && have >= n)
        return;
    char name[WT_MAX_ID + 16], v[24];
    snprintf(name, sizeof name, "case-idmax/%s", prefix);
    snprintf(v, sizeof v, "%ld", n);
    store_meta_put(t, name, v);
}

void store_case_idmax_note(struct store_txn *t, const char *id)
{
    store_case_idmax_note_many(t, &id, 1);
}

void store_case_idmax_note_many(struct store_txn *t, const char *const *ids, size_t n)
{
    if (t->err || n == 0 || !idmax_kept(t))
        return;
    /* The largest per prefix first: a batch's ids mostly share one. */
    enum { SLOTS = 4 };
    char pre[SLOTS][WT_MAX_ID + 1];
    long max[SLOTS];
    size_t np = 0;
    for (size_t i = 0; i < n; i++) {
        char p[WT_MAX_ID + 1];
        long v;
        if (!id_split(ids[i], p, &v))
            continue;
        size_t j = 0;
        while (j < np && strcmp(pre[j], p) != 0)
            j++;
        if (j == np && np == SLOTS) {
            idmax_raise(t, p, v); /* a fifth prefix: at once */
            continue;
        }
        if (j == np) {
            memcpy(pre[np], p, sizeof p);
            max[np++] = v;
        } else if (v > max[j]) {
            max[j] = v;
        }
    }
    for (size_t j = 0; j < np; j++)
        idmax_raise(t, pre[j], max[j]);
}

struct max_walk {
    size_t pl;
    long max;
};

static int max_one(void *ctx, const char *id)
{
    struct max_walk *m = ctx;
    char *end;
    long n = strtol(id + m->pl, &end, 10);
    if (*end == '\0' && end != id + m->pl && n > m->max)
        m->max = n;
    return 0;
}

int store_id_max(struct store_txn *t, enum wt_kind kind, const char *prefix, long *max)
{
    *max = 0;
    if (t->err)
        return t->err;
    if (kind == WT_CASES && idmax_kept(t)) {
        int rc = idmax_get(t, prefix, max);
        return rc == WT_ENOTFOUND ? 0 : rc;
    }
    struct max_walk m = {strlen(prefix), 0};
    int rc = store_each_id(t, kind, prefix, max_one, &m);
    *max = m.max;
    return rc;
}
