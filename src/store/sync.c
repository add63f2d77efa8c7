/* sync.c: hybrid logical clocks per field, the local change sequence, tombstones (for bundles). */
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_int.h"
#include "wijktafel/bytes.h"
#include "wijktafel/i18n.h"
#include "wijktafel/xalloc.h"

/* Clock value (format 2, schema 5): [2][seq, 8 bytes BE][n][base hlc][base
 * origin] then, in increasing field order, one entry per field whose clock is
 * not the base or that replaced a clock: [field][flags] followed by the
 * field's hlc and origin when flags & 1 and the replaced hlc and origin when
 * flags & 2 (8 bytes BE each). A field without an entry has the base clock and
 * replaced nothing: a freshly stamped record takes 26 bytes instead of the
 * 458 of format 1, where every field carried both clocks:
 * [1][seq][n][n x (hlc, origin, previous hlc, previous origin)] (schema 4,
 * rewritten by store_clock_migrate).
 * Tombstone value: [1][seq][hlc][origin]. Key of both: [kind byte][id].
 * Kept apart from the record's value, so that the value format, `check` and
 * every reader of older databases stay as they were; a record without a
 * clock entry counts as stamped at HLC 0.
 * Format 3 (schema 6) is format 2 with a tag of STORE_ITAG bytes at the end,
 * and tombstone format 2 the same for tombstones (integrity.c): a changed
 * byte shows in `check`. Untagged values are still read. */
#define CLOCK_FORMAT SYNC_CLOCK_FORMAT
#define CLOCK_TAGGED 3
#define CLOCK_FORMAT_V1 1
#define TOMB_FORMAT SYNC_TOMB_FORMAT
#define TOMB_TAGGED 2
#define TOMB_LEN SYNC_TOMB_LEN
#define CLOCK_HEAD 26
/* A clock of a case under a hashed key (s->case_clocks, caseid.c) carries
 * its id after the clocks: [sealed id][the id's length, 1 byte], sealed like
 * a tombstone's (tomb_seal_id), before the tag. */
#define CLOCK_ID_MAX (STORE_SEAL_LEN(WT_MAX_ID) + 1)
/* Largest value: the head and every field with both clocks, the id, the tag. */
#define CLOCK_MAX (CLOCK_HEAD + (2 + 32) * WT_MAX_FIELDS + CLOCK_ID_MAX + STORE_ITAG)

/* Makes a value of format 2 (clock) or 1 (tombstone) tagged: its format
 * byte one up and the tag over key and value appended; returns the length. */
static size_t tag_value(const unsigned char ikey[32], bool tomb, const MDB_val *k,
                        unsigned char *val, size_t len)
{
    val[0] = tomb ? TOMB_TAGGED : CLOCK_TAGGED;
    store_itag(ikey, tomb ? "tomb" : "clock", k->mv_data, k->mv_size, val, len, val + len);
    return len + STORE_ITAG;
}

size_t sync_untagged_len(bool tomb, const unsigned char *p, size_t len)
{
    if (len == 0)
        return 0;
    if (p[0] == (tomb ? TOMB_FORMAT : CLOCK_FORMAT))
        return len;
    if (p[0] == (tomb ? TOMB_TAGGED : CLOCK_TAGGED) && len > STORE_ITAG)
        return len - STORE_ITAG;
    return 0;
}

size_t sync_tomb_body(const unsigned char *p, size_t len)
{
    return sync_untagged_len(true, p, len);
}

size_t sync_tomb_tag(struct store_txn *t, const MDB_val *k, unsigned char *val, size_t len)
{
    unsigned char ikey[32];
    if (!store_ikey(t->s, ikey))
        return 0;
    val[0] = TOMB_FORMAT;
    return tag_value(ikey, true, k, val, len);
}


/* Builds [kind][id] into k (at least WT_MAX_ID + 2 bytes); returns its length. */
static size_t sync_key(unsigned char *k, enum wt_kind kind, const char *id)
{
    size_t n = strlen(id);
    k[0] = (unsigned char)kind;
    memcpy(k + 1, id, n + 1); /* the NUL is copied, not part of the key */
    return n + 1;
}

/* The key of kind/id's clock into k (WT_MAX_ID + 2 bytes): [kind][id], or
 * for a case once its clocks are hidden (s->case_clocks) the hashed key its
 * tombstone has; 0 when that cannot be made (the case key is locked). */
static size_t clock_key(struct store_txn *t, enum wt_kind kind, const char *id, bool create,
                        unsigned char *k)
{
    if (kind == WT_CASES && store_case_seq(t->s)) { /* under its number (caseseq.c) */
        unsigned char nb[CASE_KEY_LEN];
        MDB_val n = create ? store_rec_key_new(t, kind, id, nb) : store_rec_key(t, kind, id, nb);
        if (!n.mv_size)
            return 0;
        k[0] = SYNC_SEQ_CLOCK;
        memcpy(k + 1, nb + 1, 8);
        return CASE_SEQ_LEN;
    }
    if (kind == WT_CASES && t->s->case_clocks)
        return tomb_key(t, kind, id, create, k);
    return sync_key(k, kind, id);
}

/* A number kept as text in meta; 0 when absent. */
static uint64_t meta_u64(struct store_txn *t, const char *key, int base)
{
    char *v = NULL;
    uint64_t out = 0;
    if (store_meta_get(t, key, &v) == 0 && v)
        out = strtoull(v, NULL, base);
    free(v);
    return out;
}

/* Loads db id, HLC and sequence once per transaction; a write makes the id. */
static void sync_load(struct store_txn *t)
{
    if (t->sync_loaded || t->err)
        return;
    t->sync_loaded = true;
    t->dbid = meta_u64(t, "db-id", 16);
    t->hlc = meta_u64(t, "sync/hlc", 10);
    t->seq = meta_u64(t, "sync/seq", 10);
    if (t->dbid == 0 && t->write) {
        while (t->dbid == 0)
            randombytes_buf(&t->dbid, sizeof t->dbid);
        char v[20];
        snprintf(v, sizeof v, "%016" PRIx64, t->dbid);
        store_meta_put(t, "db-id", v);
    }
}

int store_sync_flush(struct store_txn *t)
{
    if (t->err || !t->sync_dirty)
        return t->err;
    char v[24];
    snprintf(v, sizeof v, "%" PRIu64, t->hlc);
    store_meta_put(t, "sync/hlc", v);
    snprintf(v, sizeof v, "%" PRIu64, t->seq);
    store_meta_put(t, "sync/seq", v);
    t->sync_dirty = false;
    return t->err;
}

/* The next HLC: the wall clock in milliseconds, shifted, or one past the last. */
static uint64_t hlc_next(struct store_txn *t)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t ms = (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
    uint64_t phys = (ms & 0xffffffffffffULL) << 16;
    t->hlc = phys > t->hlc ? phys : t->hlc + 1;
    t->sync_dirty = true;
    return t->hlc;
}

void store_hlc_observe(struct store_txn *t, uint64_t remote)
{
    sync_load(t);
    if (remote > t->hlc) {
        t->hlc = remote;
        t->sync_dirty = true;
    }
}

bool store_clock_after(const struct store_clock *a, const struct store_clock *b)
{
    return a->hlc != b->hlc ? a->hlc > b->hlc : a->origin > b->origin;
}

uint64_t store_db_id(struct store_txn *t)
{
    sync_load(t);
    return t->dbid;
}

uint64_t store_seq(struct store_txn *t)
{
    sync_load(t);
    return t->seq;
}

char *store_team_id(struct store_txn *t)
{
    char *v = NULL;
    if (store_meta_get(t, "team-id", &v) == 0)
        return v;
    free(v);
    if (!t->write || t->err)
        return NULL;
    unsigned char r[12];
    randombytes_buf(r, sizeof r);
    char hex[sizeof r * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, r, sizeof r);
    store_meta_put(t, "team-id", hex);
    return xstrdup(hex);
}

static bool clock_eq(const struct store_clock *a, const struct store_clock *b)
{
    return a->hlc == b->hlc && a->origin == b->origin;
}

/* The clock most fields of st carry (the first of them on a tie). */
static struct store_clock clock_base(const struct store_stamp *st)
{
    int best = 0, best_n = 0;
    for (int i = 0; i < st->n && best_n <= st->n / 2; i++) {
        int same = 0;
        for (int j = i; j < st->n; j++)
            same += clock_eq(&st->f[i], &st->f[j]);
        if (same > best_n) {
            best = i;
            best_n = same;
        }
    }
    return st->n ? st->f[best] : (struct store_clock){0, 0};
}

/* Encodes st in format 2 into val (CLOCK_MAX bytes); returns the length. */
static size_t clock_encode(const struct store_stamp *st, unsigned char *val)
{
    static const struct store_clock zero = {0, 0};
    struct store_clock base = clock_base(st);
    int n = st->n < WT_MAX_FIELDS ? st->n : WT_MAX_FIELDS; /* val holds no more */
    val[0] = CLOCK_FORMAT;
    bytes_put_be64(val + 1, st->seq);
    val[9] = (unsigned char)n;
    bytes_put_be64(val + 10, base.hlc);
    bytes_put_be64(val + 18, base.origin);
    size_t len = CLOCK_HEAD;
    for (int i = 0; i < n; i++) {
        unsigned flags = (clock_eq(&st->f[i], &base) ? 0u : 1u) |
                         (clock_eq(&st->prev[i], &zero) ? 0u : 2u);
        if (!flags)
            continue;
        val[len++] = (unsigned char)i;
        val[len++] = (unsigned char)flags;
        if (flags & 1) {
            bytes_put_be64(val + len, st->f[i].hlc);
            bytes_put_be64(val + len + 8, st->f[i].origin);
            len += 16;
        }
        if (flags & 2) {
            bytes_put_be64(val + len, st->prev[i].hlc);
            bytes_put_be64(val + len + 8, st->prev[i].origin);
            len += 16;
        }
    }
    return len;
}

/* The length of the clocks in value p (len bytes) under key k: without the
 * tag, and without the sealed id under a hashed key; 0 when malformed. */
static size_t clock_body(const MDB_val *k, const unsigned char *p, size_t len)
{
    len = sync_untagged_len(false, p, len);
    if (!SYNC_HASHED_KEY(k))
        return len;
    if (len < CLOCK_HEAD + 1 || p[len - 1] == 0 || p[len - 1] > WT_MAX_ID ||
        len < CLOCK_HEAD + 1 + STORE_SEAL_LEN((size_t)p[len - 1]))
        return 0;
    return len - 1 - STORE_SEAL_LEN((size_t)p[len - 1]);
}

int sync_clock_open_id(struct store_txn *t, const MDB_val *k, const unsigned char *p, size_t len,
                       char id[WT_MAX_ID + 1])
{
    if (SYNC_SEQ_KEY(k))
        return store_case_seq_clock_id(t, k, id);
    size_t body = clock_body(k, p, len);
    if (!body || !SYNC_HASHED_KEY(k))
        return WT_ECORRUPT;
    size_t slen = STORE_SEAL_LEN((size_t)p[sync_untagged_len(false, p, len) - 1]);
    return tomb_open_id(t, k->mv_data, k->mv_size, p + body, slen, id);
}

int sync_clock_decode(const MDB_val *k, const unsigned char *p, size_t len,
                      struct store_stamp *out)
{
    len = clock_body(k, p, len);
    if (len < CLOCK_HEAD || p[9] > WT_MAX_FIELDS)
        return -1;
    int n = p[9];
    out->seq = bytes_be64(p + 1);
    struct store_clock base = {bytes_be64(p + 10), bytes_be64(p + 18)};
    for (int i = 0; i < n && i < out->n; i++)
        out->f[i] = base;
    size_t at = CLOCK_HEAD;
    int last = -1;
    while (at < len) {
        if (len - at < 2)
            return -1;
        int i = p[at];
        unsigned flags = p[at + 1];
        size_t need = 2 + ((flags & 1) ? 16u : 0u) + ((flags & 2) ? 16u : 0u);
        if (i <= last || i >= n || flags == 0 || flags > 3 || len - at < need)
            return -1;
        last = i;
        at += 2;
        struct store_clock f = base, prev = {0, 0};
        if (flags & 1) {
            f = (struct store_clock){bytes_be64(p + at), bytes_be64(p + at + 8)};
            at += 16;
        }
        if (flags & 2) {
            prev = (struct store_clock){bytes_be64(p + at), bytes_be64(p + at + 8)};
            at += 16;
        }
        if (i < out->n) {
            out->f[i] = f;
            out->prev[i] = prev;
        }
    }
    return 0;
}

int store_stamp_get(struct store_txn *t, enum wt_kind kind, const char *id,
                    struct store_stamp *out)
{
    memset(out, 0, sizeof *out);
    out->n = record_kind(kind)->nfields;
    if (t->err)
        return t->err;
    unsigned char kb[WT_MAX_ID + 2];
    if (strlen(id) > WT_MAX_ID)
        return WT_ENOTFOUND;
    MDB_val k = {clock_key(t, kind, id, false, kb), kb}, v;
    if (!k.mv_size)
        return WT_ENOTFOUND; /* no clock this key can read */
    int rc = mdb_get(t->txn, t->s->clock, &k, &v);
    if (rc == MDB_NOTFOUND)
        return WT_ENOTFOUND;
    if (rc)
        return store_txn_mdb_fail(t, rc, id);
    if (sync_clock_decode(&k, v.mv_data, v.mv_size, out) != 0)
        return store_txn_fail(t, WT_ECORRUPT, id);
    return 0;
}

/* Stores the clocks st of kind/id and drops its tombstone; 0 or the sticky error. */
static int stamp_write(struct store_txn *t, enum wt_kind kind, const char *id,
                       const struct store_stamp *st)
{
    unsigned char kb[WT_MAX_ID + 2], val[CLOCK_MAX], ikey[32];
    if (!store_ikey(t->s, ikey))
        return store_txn_fail(t, WT_EPERM, "clock");
    MDB_val k = {clock_key(t, kind, id, true, kb), kb}, v = {0, val};
    if (!k.mv_size)
        return store_txn_fail(t, WT_EPERM, "clock");
    size_t len = clock_encode(st, val);
    if (SYNC_HASHED_KEY(&k)) {
        len += tomb_seal_id(t, kb, id, val + len);
        val[len++] = (unsigned char)strlen(id);
    }
    v.mv_size = tag_value(ikey, false, &k, val, len);
    int rc;
    if (t->clock_cur) {
        MDB_val last = {t->clock_last_len, t->clock_last};
        bool beyond = !t->clock_have_last || store_key_cmp(&k, &last) > 0;
        rc = mdb_cursor_put(t->clock_cur, &k, &v, beyond ? MDB_APPEND : 0);
        if (!rc && beyond) {
            memcpy(t->clock_last, kb, k.mv_size);
            t->clock_last_len = k.mv_size;
            t->clock_have_last = true;
        }
    } else {
        rc = mdb_put(t->txn, t->s->clock, &k, &v, 0);
    }
    if (rc)
        return store_txn_mdb_fail(t, rc, id);
    if (t->tombs_state == 0) {
        MDB_stat ts;
        t->tombs_state = mdb_stat(t->txn, t->s->tombs, &ts) == 0 && ts.ms_entries == 0 ? 1 : 2;
    }
    if (t->tombs_state == 2) { /* a record written anew is alive */
        mdb_del(t->txn, t->s->tombs, &k, NULL);
        k = (MDB_val){sync_key(kb, kind, id), kb}; /* a tombstone of the plain form */
        mdb_del(t->txn, t->s->tombs, &k, NULL);
        unsigned char hk[TOMB_KEY_LEN];
        MDB_val h = {tomb_key(t, kind, id, false, hk), hk};
        if (h.mv_size)
            mdb_del(t->txn, t->s->tombs, &h, NULL);
    }
    return 0;
}

int sync_clock_write(struct store_txn *t, enum wt_kind kind, const char *id,
                     const struct store_stamp *st)
{
    return stamp_write(t, kind, id, st);
}

int store_sync_batch_begin(struct store_txn *t)
{
    if (t->err || t->clock_cur)
        return t->err;
    int rc = mdb_cursor_open(t->txn, t->s->clock, &t->clock_cur);
    if (rc) {
        t->clock_cur = NULL;
        return store_txn_mdb_fail(t, rc, "clock");
    }
    MDB_val k, v;
    t->clock_have_last = mdb_cursor_get(t->clock_cur, &k, &v, MDB_LAST) == 0 &&
                         k.mv_size <= sizeof t->clock_last;
    if (t->clock_have_last) {
        memcpy(t->clock_last, k.mv_data, k.mv_size);
        t->clock_last_len = k.mv_size;
    } else if (mdb_cursor_get(t->clock_cur, &k, &v, MDB_FIRST) == 0) {
        /* A key too long to be ours: never append. */
        t->clock_have_last = true;
        memset(t->clock_last, 0xff, sizeof t->clock_last);
        t->clock_last_len = sizeof t->clock_last;
    }
    return 0;
}

void store_sync_batch_end(struct store_txn *t)
{
    if (t->clock_cur)
        mdb_cursor_close(t->clock_cur);
    t->clock_cur = NULL;
}

/* True when two column values (NULL: empty) differ. */
static bool differ(const char *a, const char *b)
{
    if (!a || !b)
        return a != b;
    return strcmp(a, b) != 0;
}

int store_sync_stamp(struct store_txn *t, const struct wt_record *old, const struct wt_record *r)
{
    sync_load(t);
    if (t->err || strlen(r->v[0]) > WT_MAX_ID)
        return t->err;
    struct store_stamp st;
    if (t->stamp_override) {
        st = *t->stamp_override;
    } else {
        /* A record that was not there has no clocks (a deletion leaves a
         * tombstone instead): nothing to look up for a new one. */
        if (old) {
            store_stamp_get(t, r->kind, r->v[0], &st);
        } else {
            memset(&st, 0, sizeof st);
            st.n = record_kind(r->kind)->nfields;
        }
        bool changed = false;
        uint64_t now = 0;
        for (int i = 0; i < st.n; i++) {
            if (old && !differ(old->v[i], r->v[i]))
                continue;
            if (!now)
                now = hlc_next(t);
            st.prev[i] = st.f[i];
            st.f[i] = (struct store_clock){now, t->dbid};
            changed = true;
        }
        if (!changed)
            return t->err;
    }
    st.seq = ++t->seq;
    t->sync_dirty = true;
    return stamp_write(t, r->kind, r->v[0], &st);
}

int store_put_stamped(struct store_txn *t, const struct wt_record *r,
                      const struct store_stamp *st)
{
    t->stamp_override = st;
    store_put(t, r);
    t->stamp_override = NULL;
    return t->err;
}

/* Replaces the clocks of kind/id by a tombstone with clock c and the next sequence number. */
static int tomb_write(struct store_txn *t, enum wt_kind kind, const char *id,
                      const struct store_clock *c)
{
    t->tombs_state = 2;
    unsigned char kb[WT_MAX_ID + 2], hk[TOMB_KEY_LEN], ikey[32];
    unsigned char val[TOMB_LEN + STORE_SEAL_LEN(WT_MAX_ID) + STORE_ITAG];
    if (!store_ikey(t->s, ikey))
        return store_txn_fail(t, WT_EPERM, "tombs");
    MDB_val k = {sync_key(kb, kind, id), kb}, v;
    val[0] = TOMB_FORMAT;
    bytes_put_be64(val + 1, ++t->seq);
    bytes_put_be64(val + 9, c->hlc);
    bytes_put_be64(val + 17, c->origin);
    size_t len = TOMB_LEN;
    t->sync_dirty = true;
    mdb_del(t->txn, t->s->clock, &k, NULL);
    if (kind == WT_CASES && store_case_seq(t->s)) { /* a case's clock under its number */
        unsigned char nk[WT_MAX_ID + 2];
        MDB_val ck = {clock_key(t, kind, id, false, nk), nk};
        if (ck.mv_size)
            mdb_del(t->txn, t->s->clock, &ck, NULL);
    }
    /* Encrypted: under a keyed hash, the id sealed, so that an erased id
     * cannot be read from the tombstone (tomb.c). */
    MDB_val h = {tomb_key(t, kind, id, true, hk), hk};
    if (h.mv_size) {
        mdb_del(t->txn, t->s->clock, &h, NULL); /* a case's clock under its hashed key */
        mdb_del(t->txn, t->s->tombs, &k, NULL); /* one written before in the plain form */
        len += tomb_seal_id(t, hk, id, val + TOMB_LEN);
        k = h;
    }
    /* The tag covers the key the value is stored under and the whole body. */
    v = (MDB_val){tag_value(ikey, true, &k, val, len), val};
    int rc = t->err ? t->err : mdb_put(t->txn, t->s->tombs, &k, &v, 0);
    return rc ? store_txn_mdb_fail(t, rc, id) : 0;
}

int store_sync_deleted(struct store_txn *t, enum wt_kind kind, const char *id)
{
    sync_load(t);
    if (t->err || strlen(id) > WT_MAX_ID)
        return t->err;
    struct store_clock c = {hlc_next(t), t->dbid};
    return tomb_write(t, kind, id, &c);
}

int store_tomb_get(struct store_txn *t, enum wt_kind kind, const char *id,
                   struct store_clock *out)
{
    memset(out, 0, sizeof *out);
    if (t->err)
        return t->err;
    if (strlen(id) > WT_MAX_ID)
        return WT_ENOTFOUND;
    unsigned char kb[WT_MAX_ID + 2], hk[TOMB_KEY_LEN];
    MDB_val k = {tomb_key(t, kind, id, false, hk), hk}, v;
    bool hashed = k.mv_size != 0;
    int rc = hashed ? mdb_get(t->txn, t->s->tombs, &k, &v) : MDB_NOTFOUND;
    if (rc == MDB_NOTFOUND) { /* one written before in the plain form */
        hashed = false;
        k = (MDB_val){sync_key(kb, kind, id), kb};
        rc = mdb_get(t->txn, t->s->tombs, &k, &v);
    }
    if (rc == MDB_NOTFOUND)
        return WT_ENOTFOUND;
    if (rc)
        return store_txn_mdb_fail(t, rc, id);
    size_t vlen = sync_untagged_len(true, v.mv_data, v.mv_size);
    if (hashed ? vlen <= TOMB_LEN : vlen != TOMB_LEN)
        return store_txn_fail(t, WT_ECORRUPT, id);
    out->hlc = bytes_be64((const unsigned char *)v.mv_data + 9);
    out->origin = bytes_be64((const unsigned char *)v.mv_data + 17);
    return 0;
}

int store_tomb_put(struct store_txn *t, enum wt_kind kind, const char *id,
                   const struct store_clock *c)
{
    sync_load(t);
    struct store_clock have;
    if (store_tomb_get(t, kind, id, &have) == 0 && !store_clock_after(c, &have))
        return t->err;
    if (store_exists(t, kind, id)) {
        store_del(t, kind, id); /* writes a tombstone of its own, replaced below */
        t->seq--;
    }
    return t->err ? t->err : tomb_write(t, kind, id, c);
}

/* Walks one of the two databases for entries after since. */
static int walk(struct store_txn *t, MDB_dbi dbi, bool tomb, uint64_t since,
                store_change_fn fn, void *ctx)
{
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, dbi, &c);
    if (rc)
        return store_txn_mdb_fail(t, rc, tomb ? "tombs" : "clock");
    MDB_val k, v;
    int ret = 0;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0 && !ret;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        const unsigned char *p = v.mv_data;
        size_t vlen = sync_untagged_len(tomb, p, v.mv_size);
        bool seq = !tomb && SYNC_SEQ_KEY(&k); /* a case's clock under its number */
        if (k.mv_size < 2 || k.mv_size > WT_MAX_ID + 1 || vlen < 10 ||
            (((const unsigned char *)k.mv_data)[0] >= WT_KIND_COUNT && !seq))
            continue;
        if (bytes_be64(p + 1) <= since)
            continue;
        enum wt_kind kind = seq ? WT_CASES : (enum wt_kind)((const unsigned char *)k.mv_data)[0];
        char id[WT_MAX_ID + 1];
        bool hashed = seq || ((const unsigned char *)k.mv_data)[1] == TOMB_HASHED;
        int orc = !hashed ? 0
                  : tomb  ? (vlen <= TOMB_LEN ? WT_ECORRUPT
                                              : tomb_open_id(t, k.mv_data, k.mv_size,
                                                             p + TOMB_LEN, vlen - TOMB_LEN, id))
                          : sync_clock_open_id(t, &k, p, v.mv_size, id);
        if (orc)
            continue; /* a locked compartment's: not ours to send */
        if (!hashed) {
            memcpy(id, (const char *)k.mv_data + 1, k.mv_size - 1);
            id[k.mv_size - 1] = '\0';
        }
        struct store_stamp st = {.seq = bytes_be64(p + 1), .n = record_kind(kind)->nfields};
        if (tomb && (hashed ? vlen > TOMB_LEN : vlen == TOMB_LEN)) {
            st.f[0].hlc = bytes_be64(p + 9);
            st.f[0].origin = bytes_be64(p + 17);
        } else if (tomb || sync_clock_decode(&k, p, v.mv_size, &st) != 0) {
            continue;
        }
        ret = fn(ctx, kind, id, tomb, &st);
    }
    mdb_cursor_close(c);
    return ret;
}

int store_changes_each(struct store_txn *t, uint64_t since, store_change_fn fn, void *ctx)
{
    if (t->err)
        return t->err;
    int ret = walk(t, t->s->clock, false, since, fn, ctx);
    return ret ? ret : walk(t, t->s->tombs, true, since, fn, ctx);
}

/* Reads a format 1 value into out; -1 when it is not well formed. */
static int clock_decode_v1(const unsigned char *p, size_t len, struct store_stamp *out)
{
    if (len < 10 || p[0] != CLOCK_FORMAT_V1 || p[9] > WT_MAX_FIELDS ||
        len != 10 + (size_t)p[9] * 32)
        return -1;
    out->seq = bytes_be64(p + 1);
    out->n = p[9];
    for (int i = 0; i < out->n; i++) {
        out->f[i].hlc = bytes_be64(p + 10 + 32 * (size_t)i);
        out->f[i].origin = bytes_be64(p + 18 + 32 * (size_t)i);
        out->prev[i].hlc = bytes_be64(p + 26 + 32 * (size_t)i);
        out->prev[i].origin = bytes_be64(p + 34 + 32 * (size_t)i);
    }
    return 0;
}

int store_clock_migrate(struct store_txn *t)
{
    if (t->err)
        return t->err;
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->clock, &c);
    if (rc)
        return store_txn_mdb_fail(t, rc, "clock");
    MDB_val k, v;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        struct store_stamp st;
        memset(&st, 0, sizeof st);
        if (clock_decode_v1(v.mv_data, v.mv_size, &st) != 0)
            continue; /* not readable before either: left for `check` to ignore */
        unsigned char val[CLOCK_MAX];
        MDB_val nv = {clock_encode(&st, val), val};
        rc = store_cursor_replace(c, &k, &nv);
        if (rc)
            break;
    }
    mdb_cursor_close(c);
    return rc && rc != MDB_NOTFOUND ? store_txn_mdb_fail(t, rc, "clock") : 0;
}

struct store_clock store_clock_now(struct store_txn *t)
{
    sync_load(t);
    uint64_t hlc = hlc_next(t);
    return (struct store_clock){hlc, store_db_id(t)};
}

bool sync_key_parse(const MDB_val *k, enum wt_kind *kind, char id[WT_MAX_ID + 1])
{
    const unsigned char *p = k->mv_data;
    if (k->mv_size < 2 || k->mv_size > WT_MAX_ID + 1 || p[0] >= WT_KIND_COUNT)
        return false;
    *kind = (enum wt_kind)p[0];
    memcpy(id, p + 1, k->mv_size - 1);
    id[k->mv_size - 1] = '\0';
    return memchr(id, 0, k->mv_size - 1) == NULL;
}

int store_clock_tag_all(struct store_txn *t)
{
    unsigned char ikey[32];
    if (t->err)
        return t->err;
    if (!store_ikey(t->s, ikey))
        return store_txn_fail(t, WT_EPERM, "clock");
    for (int tomb = 0; tomb < 2 && !t->err; tomb++) {
        MDB_cursor *c;
        int rc = mdb_cursor_open(t->txn, tomb ? t->s->tombs : t->s->clock, &c);
        if (rc)
            return store_txn_mdb_fail(t, rc, "clock");
        MDB_val k, v;
        while (!t->err && (rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) == 0) {
            const unsigned char *p = v.mv_data;
            size_t len = sync_untagged_len(tomb, p, v.mv_size);
            unsigned char kb[WT_MAX_ID + 2], val[CLOCK_MAX];
            if (len == 0 || len > CLOCK_MAX - STORE_ITAG || k.mv_size > sizeof kb)
                continue; /* not ours: check says so */
            /* Copies: with a longer value LMDB moves the node under the cursor. */
            memcpy(kb, k.mv_data, k.mv_size);
            memcpy(val, p, len);
            val[0] = tomb ? TOMB_FORMAT : CLOCK_FORMAT;
            MDB_val kk = {k.mv_size, kb};
            MDB_val nv = {tag_value(ikey, tomb, &kk, val, len), val};
            if ((rc = mdb_cursor_put(c, &kk, &nv, MDB_CURRENT)) != 0)
                store_txn_mdb_fail(t, rc, "clock");
        }
        if (rc != MDB_NOTFOUND && !t->err) /* the walk itself failed */
            store_txn_mdb_fail(t, rc, "clock");
        mdb_cursor_close(c);
    }
    sodium_memzero(ikey, sizeof ikey);
    return t->err ? t->err : store_meta_put(t, "clock-tags", "1");
}
