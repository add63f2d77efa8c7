/* caseseq.c: case numbers (issue 19, point 5): cases appended under sequence numbers.
 *
 * Under tokens (caseid.c) a case's keys in "cases" and "casekeys" are random:
 * a big import splits their pages in half. Here each case gets a number when
 * it is first stored, so new cases append and pages fill; the keyed token
 * stays only in a small map in "casekeys" from token to number (store_int.h
 * says the layout). The numbers show creation order and count, which the
 * file's size and the log show already; no id is readable in any key. */
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/bytes.h"
#include "wijktafel/i18n.h"
#include "wijktafel/xalloc.h"

bool store_case_seq(const struct store *s)
{
    return s->encrypted && s->case_ids && s->case_seq;
}

bool store_is_case_seq(const MDB_val *k)
{
    return k->mv_size == CASE_SEQ_LEN && ((const unsigned char *)k->mv_data)[0] == CASE_SEQ;
}

bool store_is_case_map(const MDB_val *k)
{
    return k->mv_size == CASE_KEY_LEN && ((const unsigned char *)k->mv_data)[0] == CASE_MAP;
}


bool store_is_case_seq_idx(const MDB_val *k)
{
    return k->mv_size == CASE_SEQ_LEN && ((const unsigned char *)k->mv_data)[0] == CASE_SEQ_IDX;
}

static uint64_t reverse64(uint64_t n)
{
    uint64_t r = 0;
    for (int i = 0; i < 64; i++, n >>= 1)
        r = r << 1 | (n & 1);
    return r;
}

void store_case_seq_idx(const MDB_val *k, unsigned char out[CASE_SEQ_LEN])
{
    out[0] = CASE_SEQ_IDX;
    bytes_put_be64(out + 1, reverse64(bytes_be64((const unsigned char *)k->mv_data + 1)));
}

uint64_t store_case_seq_of(const MDB_val *k)
{
    return bytes_be64((const unsigned char *)k->mv_data + 1);
}

void store_key_ad(const MDB_val *k, char ad[CASE_AD_LEN])
{
    if (store_is_case_token(k)) {
        store_case_ad(k->mv_data, ad);
    } else if (store_is_case_seq(k)) {
        ad[0] = '#';
        sodium_bin2hex(ad + 1, CASE_AD_LEN - 1, (const unsigned char *)k->mv_data + 1, 8);
    } else {
        size_t il = k->mv_size < WT_MAX_ID ? k->mv_size : WT_MAX_ID;
        memcpy(ad, k->mv_data, il);
        ad[il] = '\0';
    }
}

/* The next number, read from meta "case-seq" once per write. */
static uint64_t next_number(struct store_txn *t)
{
    if (!t->case_seq_next) {
        char *v = NULL;
        t->case_seq_next = 1;
        if (store_meta_get(t, "case-seq", &v) == 0) {
            unsigned long long n = strtoull(v, NULL, 10);
            if (n > 1)
                t->case_seq_next = n;
        }
        free(v);
    }
    t->case_seq_dirty = true;
    return t->case_seq_next++;
}

int store_case_seq_flush(struct store_txn *t)
{
    if (t->err || !t->case_seq_dirty)
        return t->err;
    char v[24];
    snprintf(v, sizeof v, "%" PRIu64, t->case_seq_next);
    t->case_seq_dirty = false;
    return store_meta_put(t, "case-seq", v);
}

/* What a transaction remembers of the map: per id its number, or that it has
 * none. The map changes only through store_case_seq_key and
 * store_case_unmap, which keep it up to date; it goes with the transaction. */
#define CASE_MEMO_SLOTS 4096u
struct case_memo {
    char id[WT_MAX_ID + 1];
    unsigned char num[8];
    unsigned char token[CASE_KEY_LEN]; /* the map's key of id, once made */
    bool used, found, have_token;
};

/* id's slot (FNV-1a of the id), made on first use; NULL for an id too long
 * and in a read (a write asks for the same ids again and again; a read
 * seldom does, and its 256 KiB would be made for nothing). */
static struct case_memo *memo_slot(struct store_txn *t, const char *id)
{
    size_t len = strlen(id);
    if (len > WT_MAX_ID || !t->write)
        return NULL;
    if (!t->case_memo)
        t->case_memo = xcalloc(CASE_MEMO_SLOTS, sizeof *t->case_memo);
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)id[i]) * 16777619u;
    return &t->case_memo[h & (CASE_MEMO_SLOTS - 1)];
}

/* Remembers id's number (NULL: it has none) and the map key mk made for it. */
static void memo_set(struct case_memo *m, const char *id, const unsigned char *num,
                     const unsigned char mk[CASE_KEY_LEN])
{
    if (!m)
        return;
    memcpy(m->id, id, strlen(id) + 1); /* memo_slot took only ids that fit */
    m->used = true;
    m->found = num != NULL;
    if (num)
        memcpy(m->num, num, 8);
    memcpy(m->token, mk, CASE_KEY_LEN);
    m->have_token = true;
}

void store_case_memo_free(struct store_txn *t)
{
    free(t->case_memo);
    t->case_memo = NULL;
}

MDB_val store_case_seq_key(struct store_txn *t, const char *id, bool create,
                           unsigned char buf[CASE_KEY_LEN])
{
    buf[0] = CASE_SEQ;
    struct case_memo *m = t->s->have_idkey ? memo_slot(t, id) : NULL;
    bool known = m && m->used && strcmp(m->id, id) == 0;
    if (known && m->found) {
        memcpy(buf + 1, m->num, 8);
        return (MDB_val){CASE_SEQ_LEN, buf};
    }
    bool absent = known; /* known to have no number yet */
    if (absent && (!create || t->err || !t->write)) {
        memset(buf + 1, 0xff, 8); /* a number no case gets */
        return (MDB_val){CASE_SEQ_LEN, buf};
    }
    unsigned char mk[CASE_KEY_LEN];
    if (absent && m->have_token)
        memcpy(mk, m->token, CASE_KEY_LEN);
    else if (!store_case_token(t->s, id, mk))
        return (MDB_val){0, NULL};
    mk[0] = CASE_MAP;
    MDB_val k = {CASE_KEY_LEN, mk}, v;
    int rc = absent ? MDB_NOTFOUND : mdb_get(t->txn, t->s->casekeys, &k, &v);
    if (rc == 0 && v.mv_size == 8) {
        memcpy(buf + 1, v.mv_data, 8);
        memo_set(m, id, buf + 1, mk);
        return (MDB_val){CASE_SEQ_LEN, buf};
    }
    if (rc && rc != MDB_NOTFOUND)
        store_txn_mdb_fail(t, rc, "casekeys");
    if (!create || t->err || !t->write) {
        if (rc == MDB_NOTFOUND)
            memo_set(m, id, NULL, mk);
        memset(buf + 1, 0xff, 8); /* a number no case gets */
        return (MDB_val){CASE_SEQ_LEN, buf};
    }
    bytes_put_be64(buf + 1, next_number(t));
    MDB_val nv = {8, buf + 1};
    if ((rc = mdb_put(t->txn, t->s->casekeys, &k, &nv, 0)) != 0)
        store_txn_mdb_fail(t, rc, id);
    else
        memo_set(m, id, buf + 1, mk);
    return (MDB_val){CASE_SEQ_LEN, buf};
}

MDB_val store_rec_key_new(struct store_txn *t, enum wt_kind kind, const char *id,
                          unsigned char buf[CASE_KEY_LEN])
{
    if (kind != WT_CASES || !store_case_seq(t->s))
        return store_rec_key(t, kind, id, buf);
    if (!store_case_idkey(t, false))
        return (MDB_val){0, NULL};
    return store_case_seq_key(t, id, true, buf);
}

MDB_val store_case_token_rec(struct store_txn *t, const MDB_val *tk,
                             unsigned char buf[CASE_KEY_LEN])
{
    if (store_is_case_seq_idx(tk)) {
        buf[0] = CASE_SEQ;
        bytes_put_be64(buf + 1, reverse64(bytes_be64((const unsigned char *)tk->mv_data + 1)));
        return (MDB_val){CASE_SEQ_LEN, buf};
    }
    if (!store_case_seq(t->s))
        return *tk;
    if (!store_is_case_token(tk))
        return (MDB_val){0, NULL};
    unsigned char mk[CASE_KEY_LEN];
    memcpy(mk, tk->mv_data, CASE_KEY_LEN);
    mk[0] = CASE_MAP;
    MDB_val k = {CASE_KEY_LEN, mk}, v;
    if (mdb_get(t->txn, t->s->casekeys, &k, &v) != 0 || v.mv_size != 8)
        return (MDB_val){0, NULL};
    buf[0] = CASE_SEQ;
    memcpy(buf + 1, v.mv_data, 8);
    return (MDB_val){CASE_SEQ_LEN, buf};
}

int store_case_unmap(struct store_txn *t, const char *id)
{
    if (t->err || !store_case_seq(t->s))
        return t->err;
    unsigned char mk[CASE_KEY_LEN];
    if (!store_case_idkey(t, false) || !store_case_token(t->s, id, mk))
        return store_txn_fail(t, WT_EPERM, id);
    mk[0] = CASE_MAP;
    MDB_val k = {CASE_KEY_LEN, mk};
    struct case_memo *m = memo_slot(t, id);
    if (m && m->used && strcmp(m->id, id) == 0)
        m->used = false;
    int rc = mdb_del(t->txn, t->s->casekeys, &k, NULL);
    return rc && rc != MDB_NOTFOUND ? store_txn_mdb_fail(t, rc, id) : 0;
}

int store_case_seq_clock_id(struct store_txn *t, const MDB_val *k, char id[WT_MAX_ID + 1])
{
    if (!t->s->unlocked[COMP_CASE] || !store_case_idkey(t, false))
        return WT_EPERM;
    unsigned char rk[CASE_SEQ_LEN] = {CASE_SEQ};
    memcpy(rk + 1, (const unsigned char *)k->mv_data + 1, 8);
    MDB_val key = {CASE_SEQ_LEN, rk}, v;
    if (mdb_get(t->txn, t->s->kinds[WT_CASES], &key, &v) != 0)
        return WT_ECORRUPT;
    struct wt_record r;
    int rc = store_read_stored(t, WT_CASES, &key, &v, &r);
    if (rc == 0) {
        unsigned char kb[CASE_KEY_LEN];
        MDB_val back = store_rec_key(t, WT_CASES, r.v[0], kb);
        if (store_key_cmp(&back, &key) != 0)
            rc = WT_ECORRUPT;
        else
            snprintf(id, WT_MAX_ID + 1, "%s", r.v[0]);
    }
    record_fini(&r);
    return rc == WT_EPERM ? rc : rc ? WT_ECORRUPT : 0;
}

bool store_case_seq_pending(const struct store *s, MDB_txn *txn)
{
    MDB_val k = {8, "case-seq"}, v;
    return s->encrypted && mdb_get(txn, s->meta, &k, &v) == MDB_NOTFOUND;
}

int store_case_seq_hide(struct store_txn *t)
{
    struct store *s = t->s;
    if (t->err)
        return -1;
    if (!s->encrypted || s->case_seq)
        return 0;
    if (!s->case_ids || !s->unlocked[COMP_CASE] || !store_case_idkey(t, true)) {
        store_txn_fail(t, WT_EPERM, "cases");
        return -1;
    }
    /* Read under tokens (in id order), then written under numbers; their
     * clocks from their hashed keys to their numbers. */
    struct store_held h = {0};
    store_hold_cases(t, &h);
    struct store_stamp *st = xcalloc(h.n ? h.n : 1, sizeof *st);
    bool *clocked = xcalloc(h.n ? h.n : 1, sizeof *clocked);
    for (size_t i = 0; i < h.n && !t->err; i++) {
        clocked[i] = store_stamp_get(t, WT_CASES, h.recs[i].v[0], &st[i]) == 0;
        unsigned char hk[TOMB_KEY_LEN], pk[WT_MAX_ID + 1] = {WT_CASES};
        MDB_val ck = {tomb_key(t, WT_CASES, h.recs[i].v[0], false, hk), hk};
        if (clocked[i] && ck.mv_size)
            mdb_del(t->txn, s->clock, &ck, NULL);
        size_t il = strlen(h.recs[i].v[0]); /* or still under its plain key */
        memcpy(pk + 1, h.recs[i].v[0], il < WT_MAX_ID ? il : WT_MAX_ID);
        MDB_val plain = {1 + (il < WT_MAX_ID ? il : WT_MAX_ID), pk};
        if (clocked[i])
            mdb_del(t->txn, s->clock, &plain, NULL);
        unsigned char tk[CASE_KEY_LEN];
        store_case_token(s, h.recs[i].v[0], tk);
        MDB_val k = {CASE_KEY_LEN, tk};
        int rc = mdb_del(t->txn, s->kinds[WT_CASES], &k, NULL);
        if (rc == 0 || rc == MDB_NOTFOUND)
            rc = mdb_del(t->txn, s->casekeys, &k, NULL);
        if (rc && rc != MDB_NOTFOUND)
            store_txn_mdb_fail(t, rc, h.recs[i].v[0]);
    }
    s->case_seq = true;
    t->case_seq_next = 1;
    t->case_seq_dirty = true; /* the mark, even with no case yet */
    for (size_t i = 0; i < h.n && !t->err; i++) {
        const struct wt_record *r = &h.recs[i];
        unsigned char kb[CASE_KEY_LEN];
        MDB_val k = store_case_seq_key(t, r->v[0], true, kb);
        unsigned char *val;
        size_t len;
        if (store_value_make(t, r, &val, &len) != 0)
            break;
        MDB_val v = {len, val};
        int rc = mdb_put(t->txn, s->kinds[WT_CASES], &k, &v, MDB_APPEND);
        if (rc)
            store_txn_mdb_fail(t, rc, r->v[0]);
        free(val);
        if (clocked[i])
            sync_clock_write(t, WT_CASES, r->v[0], &st[i]);
    }
    free(st);
    free(clocked);
    store_case_seq_flush(t);
    if (s->case_index) /* index.cases ends in numbers too */
        index_rebuild_kind(t, WT_CASES);
    int moved = (int)h.n;
    store_held_fini(&h);
    if (t->err)
        s->case_seq = false;
    return t->err ? -1 : moved;
}

/* --- check ----------------------------------------------------------------- */

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static void report(store_report_fn fn, void *ctx, size_t *n, const char *line)
{
    ++*n;
    if (fn)
        fn(ctx, line);
}

size_t store_case_map_check(struct store_txn *t, store_report_fn fn, void *ctx)
{
    struct store *s = t->s;
    if (!store_case_seq(s))
        return 0;
    MDB_cursor *cur;
    if (mdb_cursor_open(t->txn, s->casekeys, &cur) != 0)
        return 0;
    size_t problems = 0, n = 0, cap = 0;
    uint64_t *nums = NULL;
    MDB_val k, v;
    while (mdb_cursor_get(cur, &k, &v, MDB_NEXT) == 0) {
        if (!store_is_case_map(&k))
            continue;
        if (v.mv_size != 8) {
            report(fn, ctx, &problems,
                   _("casekeys: een verwijzing naar een casusnummer is beschadigd"));
            continue;
        }
        unsigned char rk[CASE_SEQ_LEN] = {CASE_SEQ};
        memcpy(rk + 1, v.mv_data, 8);
        MDB_val key = {CASE_SEQ_LEN, rk}, rv;
        uint64_t num = bytes_be64(rk + 1);
        char line[200];
        if (mdb_get(t->txn, s->kinds[WT_CASES], &key, &rv) == MDB_NOTFOUND) {
            snprintf(line, sizeof line, _("casekeys: verwijst naar casus nummer %llu, dat niet "
                                          "bestaat"),
                     (unsigned long long)num);
            report(fn, ctx, &problems, line);
        }
        if (n == cap) {
            cap = cap ? 2 * cap : 1024;
            nums = xrealloc(nums, cap * sizeof *nums);
        }
        nums[n++] = num;
    }
    mdb_cursor_close(cur);
    if (n > 1)
        qsort(nums, n, sizeof *nums, cmp_u64);
    for (size_t i = 1; i < n; i++) {
        if (nums[i] != nums[i - 1] || (i >= 2 && nums[i - 2] == nums[i]))
            continue;
        char line[200];
        snprintf(line, sizeof line, _("casekeys: twee verwijzingen naar casus nummer %llu"),
                 (unsigned long long)nums[i]);
        report(fn, ctx, &problems, line);
    }
    free(nums);
    return problems;
}
