/* check_tamper.c: `check` finds a changed byte in every clock, every
 * tombstone and every meta value (issue 19, point 3), as the leader and as a
 * volunteer, and a volunteer's check names what it could not verify; the
 * log's compact batch entries (format 4) read, are checked and rotate. */
#include <check.h>
#include <lmdb.h>

#include "../../src/store/store_int.h"
#include "demostore.h"
#include "wijktafel/app.h"
#include "wijktafel/store.h"

/* The leader leaves a tombstone, a meeting note, a closing date, a measure. */
static int leader_adds(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx, (void)err;
    store_del(t, WT_SIGNALS, "s-001");
    store_meta_put(t, "meeting/2026-11-30/note/c-013", "Henk Bakker wil de tuin samen doen");
    store_meta_put(t, "closed/c-013", "2019-02-03");
    struct measure m = {{2, 3, 4, 2, 3, 1}};
    store_measure_put(t, "c-013", MEASURE_START, &m);
    return store_txn_error(t);
}

struct lines {
    size_t n, unverified;
    char first[300];
};

static void collect(void *ctx, const char *line)
{
    struct lines *l = ctx;
    if (strncmp(line, "niet nagegaan", 13) == 0) {
        l->unverified++;
        return;
    }
    if (!l->n++)
        snprintf(l->first, sizeof l->first, "%s", line);
}

/* One entry of a database: its key, to flip its value. */
struct entry {
    MDB_dbi dbi;
    const char *db;
    unsigned char key[512];
    size_t klen;
};

static size_t list_entries(struct store *s, MDB_dbi dbi, const char *name, struct entry *out,
                           size_t cap)
{
    MDB_txn *txn;
    ck_assert_int_eq(mdb_txn_begin(s->env, NULL, MDB_RDONLY, &txn), 0);
    MDB_cursor *c;
    ck_assert_int_eq(mdb_cursor_open(txn, dbi, &c), 0);
    MDB_val k, v;
    size_t n = 0;
    while (n < cap && mdb_cursor_get(c, &k, &v, MDB_NEXT) == 0) {
        ck_assert_uint_le(k.mv_size, sizeof out[n].key);
        out[n].dbi = dbi;
        out[n].db = name;
        memcpy(out[n].key, k.mv_data, k.mv_size);
        out[n].klen = k.mv_size;
        n++;
    }
    mdb_cursor_close(c);
    mdb_txn_abort(txn);
    return n;
}

/* Writes value v (len bytes) under e's key straight into LMDB, past the store
 * (and so past the digest it keeps over meta): as someone with the file would. */
static void raw_put(struct store *s, const struct entry *e, const void *v, size_t len)
{
    MDB_txn *txn;
    ck_assert_int_eq(mdb_txn_begin(s->env, NULL, 0, &txn), 0);
    MDB_val k = {e->klen, (void *)e->key}, val = {len, (void *)v};
    ck_assert_int_eq(mdb_put(txn, e->dbi, &k, &val, 0), 0);
    ck_assert_int_eq(mdb_txn_commit(txn), 0);
}

static unsigned char *raw_get(struct store *s, const struct entry *e, size_t *len)
{
    MDB_txn *txn;
    ck_assert_int_eq(mdb_txn_begin(s->env, NULL, MDB_RDONLY, &txn), 0);
    MDB_val k = {e->klen, (void *)e->key}, v;
    ck_assert_int_eq(mdb_get(txn, e->dbi, &k, &v), 0);
    unsigned char *copy = malloc(v.mv_size + 1);
    memcpy(copy, v.mv_data, v.mv_size);
    *len = v.mv_size;
    mdb_txn_abort(txn);
    return copy;
}

/* Flips one byte of every entry in turn; check must find each, and be clean
 * again once the byte is back. Returns how many were flipped. */
static size_t flip_each(struct store *s, const struct entry *es, size_t n)
{
    size_t flipped = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        unsigned char *orig = raw_get(s, &es[i], &len);
        if (len == 0) {
            free(orig);
            continue;
        }
        for (int at = 0; at < 2; at++) {
            unsigned char *bad = malloc(len);
            memcpy(bad, orig, len);
            bad[at ? len - 1 : len / 2] ^= 0x01;
            raw_put(s, &es[i], bad, len);
            struct lines l = {0};
            int rc = store_check(s, collect, &l, NULL);
            ck_assert_msg(rc == WT_ECORRUPT && l.n > 0, "a flipped byte in %s:%.*s passes check",
                          es[i].db, (int)es[i].klen, es[i].key);
            free(bad);
            flipped++;
        }
        raw_put(s, &es[i], orig, len);
        free(orig);
    }
    struct lines l = {0};
    ck_assert_msg(store_check(s, collect, &l, NULL) == 0, "%s", l.first);
    return flipped;
}

static void flip_all(struct store *s, size_t *nclock, size_t *nmeta)
{
    static struct entry es[4096];
    size_t n = list_entries(s, s->clock, "clock", es, 4096);
    size_t nt = list_entries(s, s->tombs, "tombs", es + n, 4096 - n);
    ck_assert_uint_ge(n, 140); /* every record of the demo has its clock */
    ck_assert_uint_ge(nt, 1);
    *nclock = flip_each(s, es, n + nt);
    n = list_entries(s, s->meta, "meta", es, 4096);
    ck_assert_uint_ge(n, 40); /* keyslots, roles, notes, HLC, db-id, ... */
    *nmeta = flip_each(s, es, n);
}

START_TEST(test_check_finds_every_flipped_byte)
{
    struct wt_error e = {0};
    ck_assert_msg(app_demo_ensure(db, &e) == 0, "%s", e.text);
    struct store *s = open_as("leider");
    ck_assert_int_eq(store_write(s, leader_adds, NULL, &e), 0);
    struct lines l = {0};
    ck_assert_msg(store_check(s, collect, &l, NULL) == 0, "%s", l.first);
    ck_assert_uint_eq(l.unverified, 0); /* the leader opens everything */
    size_t nclock, nmeta;
    flip_all(s, &nclock, &nmeta);
    fprintf(stderr, "leader: %zu flips in clocks and tombstones, %zu in meta, all found\n",
            nclock, nmeta);
    store_close(s);
    /* A volunteer verifies the same without the case key, and says what it did not open. */
    s = open_as("m-annie");
    memset(&l, 0, sizeof l);
    ck_assert_msg(store_check(s, collect, &l, NULL) == 0, "%s", l.first);
    ck_assert_uint_ge(l.unverified, 2); /* case values, the log's entries */
    flip_all(s, &nclock, &nmeta);
    fprintf(stderr, "volunteer: %zu flips in clocks and tombstones, %zu in meta, all found\n",
            nclock, nmeta);
    store_close(s);
}
END_TEST

/* A member's role in the keyring is compared with the member's record, and a
 * volunteer's keyslot may not hold the case key. */
START_TEST(test_roles_changed_are_found)
{
    struct wt_error e = {0};
    ck_assert_msg(app_demo_ensure(db, &e) == 0, "%s", e.text);
    struct store *s = open_as("leider");
    struct entry role = {.dbi = s->meta, .db = "meta"};
    role.klen = (size_t)snprintf((char *)role.key, sizeof role.key, "key/m-annie/role");
    raw_put(s, &role, "leader", 6);
    struct lines l = {0};
    ck_assert_int_eq(store_check(s, collect, &l, NULL), WT_ECORRUPT);
    ck_assert_uint_ge(l.n, 2); /* the digest over meta, and the role against the record */
    store_close(s);
}
END_TEST

static int count_entry(void *ctx, const struct store_log_entry *e)
{
    (void)e;
    ++*(size_t *)ctx;
    return 0;
}

/* How many log entries the store hands a reader, and how many are stored. */
static void log_counts(struct store *s, size_t *read, size_t *stored)
{
    struct store_txn *t;
    struct wt_error e = {0};
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    *read = 0;
    ck_assert_int_eq(store_log_each(t, count_entry, read), 0);
    MDB_stat st;
    ck_assert_int_eq(mdb_stat(t->txn, s->log, &st), 0);
    *stored = st.ms_entries;
    store_read_end(t);
}

static int rotate_case_key(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx, (void)err;
    unsigned char k[32];
    store_random_key(k);
    store_rotate(t, COMP_CASE, k);
    return store_txn_error(t);
}

/* The entries of a batch after its first (an import's, one per case) are
 * format 4: without the batch's ephemeral key and random nonce. They read,
 * check finds a flipped byte in each and two swapped, and they read again
 * after the case key (and so the log's key pair) is rotated. */
START_TEST(test_log_batches)
{
    struct wt_error e = {0};
    ck_assert_msg(app_demo_ensure(db, &e) == 0, "%s", e.text);
    struct store *s = open_as("leider");
    static struct entry es[4096];
    size_t n = list_entries(s, s->log, "log", es, 4096), v3 = 0, v4 = 0, v4at = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        unsigned char *v = raw_get(s, &es[i], &len);
        v3 += v[0] == STORE_LOG_V3;
        if (v[0] == STORE_LOG_V4 && !v4++)
            v4at = i;
        ck_assert_msg(v[0] == STORE_LOG_V3 || v[0] == STORE_LOG_V4, "entry %zu: format %d", i,
                      v[0]);
        free(v);
    }
    ck_assert_uint_ge(v3, 1);
    ck_assert_uint_ge(v4, 25); /* the demo's 30 cases: one batch, an entry each */
    size_t read, stored;
    log_counts(s, &read, &stored);
    ck_assert_uint_eq(read, stored);
    ck_assert_uint_eq(stored, n);
    ck_assert_uint_eq(flip_each(s, es, n), 2 * n);
    /* Two entries of one batch swapped: each opens with the batch's key, but not as the other. */
    size_t la, lb;
    unsigned char *a = raw_get(s, &es[v4at], &la), *b = raw_get(s, &es[v4at + 1], &lb);
    ck_assert_int_eq(b[0], STORE_LOG_V4);
    raw_put(s, &es[v4at], b, lb);
    raw_put(s, &es[v4at + 1], a, la);
    struct lines l = {0};
    ck_assert_int_eq(store_check(s, collect, &l, NULL), WT_ECORRUPT);
    ck_assert_uint_ge(l.n, 2);
    raw_put(s, &es[v4at], a, la);
    raw_put(s, &es[v4at + 1], b, lb);
    free(a);
    free(b);
    /* A new log key pair: every entry sealed anew (format 3, then 4), all read, check clean. */
    ck_assert_msg(store_write(s, rotate_case_key, NULL, &e) == 0, "%s", e.text);
    memset(&l, 0, sizeof l);
    ck_assert_msg(store_check(s, collect, &l, NULL) == 0, "%s", l.first);
    log_counts(s, &read, &stored);
    ck_assert_uint_eq(read, stored);
    ck_assert_uint_ge(stored, n);
    n = list_entries(s, s->log, "log", es, 4096);
    size_t first;
    unsigned char *v = raw_get(s, &es[0], &first);
    ck_assert_int_eq(v[0], STORE_LOG_V3);
    free(v);
    v = raw_get(s, &es[1], &first);
    ck_assert_int_eq(v[0], STORE_LOG_V4);
    free(v);
    store_close(s);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_check_finds_every_flipped_byte, test_roles_changed_are_found,
                            test_log_batches};
    const struct tu_suite suite = {
        .name = "tamper",
        .timeout = 280,
        .setup = setup, .teardown = teardown};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
