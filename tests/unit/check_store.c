/* check_store.c: the LMDB store on real databases in temporary folders. */
#include <check.h>
#include <lmdb.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"
#include "wijktafel/store.h"

static char *dir;

static void setup(void)
{
    dir = tu_tmpdir();
}

static void teardown(void)
{
    tu_rmtree(dir);
}

static void make_case(struct wt_record *r, const char *id, const char *area, const char *status,
                      const char *needs)
{
    record_init(r, WT_CASES);
    record_set(r, CASE_ID, id);
    record_set(r, CASE_OPENED, "2026-11-02");
    record_set(r, CASE_AREA, area);
    record_set(r, CASE_RESIDENT, "Jan de Vries");
    record_set(r, CASE_REQUEST, "Hulp bij de tuin, graag.");
    record_set(r, CASE_STATUS, status);
    record_set(r, CASE_NEEDS, needs);
    record_set(r, CASE_RESTRICTED, "no");
}

struct puts {
    struct wt_record *recs;
    size_t n;
};

static int put_all(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    struct puts *p = ctx;
    for (size_t i = 0; i < p->n; i++)
        store_put(t, &p->recs[i]);
    return store_txn_error(t);
}

static struct store *open_db(size_t map)
{
    struct store *s;
    struct wt_error e = {0};
    struct store_opts o = {.create = true, .initial_map = map};
    ck_assert_msg(store_open(dir, &o, &s, &e) == 0, "%s", e.text);
    return s;
}

struct idlist {
    char ids[64][WT_MAX_ID + 1];
    size_t n;
};

static int collect_id(void *ctx, const char *id)
{
    struct idlist *l = ctx;
    snprintf(l->ids[l->n++], WT_MAX_ID + 1, "%s", id);
    return 0;
}

static size_t find(struct store *s, enum wt_kind k, int f, const char *v, struct idlist *l)
{
    struct store_txn *t;
    memset(l, 0, sizeof *l);
    ck_assert_int_eq(store_read_begin(s, &t, NULL), 0);
    ck_assert_int_eq(store_find(t, k, f, v, collect_id, l), 0);
    store_read_end(t);
    return l->n;
}

START_TEST(test_create_mode_and_meta)
{
    char *sub = tu_path(dir, "a/b/db");
    struct store *s;
    struct wt_error e = {0};
    ck_assert_int_eq(store_open(sub, NULL, &s, &e), WT_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(e.text, "wijktafel init"));
    struct store_opts o = {.create = true};
    ck_assert_int_eq(store_open(sub, &o, &s, NULL), 0);
    struct stat st;
    ck_assert_int_eq(stat(sub, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0700);
    struct store_txn *t;
    store_read_begin(s, &t, NULL);
    char *v;
    ck_assert_int_eq(store_meta_get(t, "schema", &v), 0);
    ck_assert_int_eq(atoi(v), STORE_SCHEMA_VERSION);
    free(v);
    store_read_end(t);
    store_close(s);
    free(sub);
}
END_TEST

START_TEST(test_put_get_replace_delete_indexes)
{
    struct store *s = open_db(0);
    struct wt_record recs[3];
    make_case(&recs[0], "c-2", "Veenwaard/Elst", "open", "tuin;Eenzaamheid");
    make_case(&recs[1], "c-1", "Veenwaard/Elst", "closed", "taal");
    make_case(&recs[2], "c-3", "Veenwaard/Oost", "open", "eenzaamheid");
    struct puts p = {recs, 3};
    ck_assert_int_eq(store_write(s, put_all, &p, NULL), 0);

    struct idlist l;
    ck_assert_uint_eq(find(s, WT_CASES, CASE_AREA, "veenwaard/elst", &l), 2);
    ck_assert_str_eq(l.ids[0], "c-1");
    ck_assert_str_eq(l.ids[1], "c-2");
    ck_assert_uint_eq(find(s, WT_CASES, CASE_NEEDS, "EENZAAMHEID", &l), 2);
    ck_assert_uint_eq(find(s, WT_CASES, CASE_STATUS, "open", &l), 2);
    ck_assert_uint_eq(find(s, WT_CASES, CASE_OPENED, "2026-11-02", &l), 3);

    /* Replace c-2: its old index entries go, the new ones come. */
    record_set(&recs[0], CASE_STATUS, "closed");
    record_set(&recs[0], CASE_NEEDS, "taal");
    p.n = 1;
    ck_assert_int_eq(store_write(s, put_all, &p, NULL), 0);
    ck_assert_uint_eq(find(s, WT_CASES, CASE_STATUS, "open", &l), 1);
    ck_assert_str_eq(l.ids[0], "c-3");
    ck_assert_uint_eq(find(s, WT_CASES, CASE_NEEDS, "tuin", &l), 0);
    ck_assert_uint_eq(find(s, WT_CASES, CASE_NEEDS, "taal", &l), 2);

    struct store_txn *t;
    store_read_begin(s, &t, NULL);
    struct wt_record got;
    ck_assert_int_eq(store_get(t, WT_CASES, "c-2", &got), 0);
    ck_assert(record_equal(&got, &recs[0]));
    record_fini(&got);
    ck_assert_int_eq(store_get(t, WT_CASES, "nope", &got), WT_ENOTFOUND);
    record_fini(&got);
    ck_assert_int_eq(store_txn_error(t), 0); /* not found is not sticky */
    size_t n;
    store_count(t, WT_CASES, &n);
    ck_assert_uint_eq(n, 3);
    store_read_end(t);
    ck_assert_int_eq(store_check(s, NULL, NULL, NULL), 0);

    for (int i = 0; i < 3; i++)
        record_fini(&recs[i]);
    store_close(s);
}
END_TEST

static int del_c3(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx, (void)err;
    ck_assert_int_eq(store_del(t, WT_CASES, "nope"), WT_ENOTFOUND);
    return store_del(t, WT_CASES, "c-3");
}

START_TEST(test_delete)
{
    struct store *s = open_db(0);
    struct wt_record r;
    make_case(&r, "c-3", "Veenwaard/Oost", "open", "eenzaamheid");
    struct puts p = {&r, 1};
    ck_assert_int_eq(store_write(s, put_all, &p, NULL), 0);
    ck_assert_int_eq(store_write(s, del_c3, NULL, NULL), 0);
    struct idlist l;
    ck_assert_uint_eq(find(s, WT_CASES, CASE_NEEDS, "eenzaamheid", &l), 0);
    ck_assert_uint_eq(find(s, WT_CASES, CASE_AREA, "Veenwaard/Oost", &l), 0);
    ck_assert_int_eq(store_check(s, NULL, NULL, NULL), 0);
    record_fini(&r);
    store_close(s);
}
END_TEST

static int fail_midway(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct puts *p = ctx;
    store_put(t, &p->recs[0]);
    return wt_error_set(err, WT_EINVAL, "stop");
}

START_TEST(test_all_or_nothing)
{
    struct store *s = open_db(0);
    struct wt_record r;
    make_case(&r, "c-9", "Veenwaard/Oost", "open", "taal");
    struct puts p = {&r, 1};
    struct wt_error e = {0};
    ck_assert_int_eq(store_write(s, fail_midway, &p, &e), WT_EINVAL);
    ck_assert_str_eq(e.text, "stop");
    struct store_txn *t;
    store_read_begin(s, &t, NULL);
    ck_assert(!store_exists(t, WT_CASES, "c-9"));
    store_read_end(t);
    record_fini(&r);
    store_close(s);
}
END_TEST

struct ids {
    char got[8][16];
    int n, stop_at;
};

static int take_id(void *ctx, const char *id)
{
    struct ids *x = ctx;
    if (x->n < 8)
        snprintf(x->got[x->n], sizeof x->got[0], "%s", id);
    return ++x->n == x->stop_at ? 5 : 0;
}

START_TEST(test_each_id)
{
    struct store *s = open_db(0);
    const char *ids[] = {"c-10", "c-2", "c-9", "x-5", "c-1"};
    struct wt_record r[5];
    for (int i = 0; i < 5; i++)
        make_case(&r[i], ids[i], "Veenwaard/Oost", "open", "taal");
    struct puts p = {r, 5};
    struct wt_error e = {0};
    ck_assert_int_eq(store_write(s, put_all, &p, &e), 0);
    struct store_txn *t;
    store_read_begin(s, &t, NULL);
    struct ids x = {0};
    ck_assert_int_eq(store_each_id(t, WT_CASES, "c-", take_id, &x), 0);
    ck_assert_int_eq(x.n, 4);
    ck_assert_str_eq(x.got[0], "c-1");
    ck_assert_str_eq(x.got[1], "c-10");
    ck_assert_str_eq(x.got[2], "c-2");
    ck_assert_str_eq(x.got[3], "c-9");
    struct ids all = {0};
    ck_assert_int_eq(store_each_id(t, WT_CASES, "", take_id, &all), 0);
    ck_assert_int_eq(all.n, 5);
    ck_assert_str_eq(all.got[4], "x-5");
    struct ids none = {0};
    ck_assert_int_eq(store_each_id(t, WT_SIGNALS, "s-", take_id, &none), 0);
    ck_assert_int_eq(none.n, 0);
    struct ids stop = {.stop_at = 2};
    ck_assert_int_eq(store_each_id(t, WT_CASES, "c-", take_id, &stop), 5);
    ck_assert_int_eq(stop.n, 2);
    /* A sound read ends with no sticky error; NULL is a no-op. */
    ck_assert_int_eq(store_read_end(t), 0);
    ck_assert_int_eq(store_read_end(NULL), 0);
    for (int i = 0; i < 5; i++)
        record_fini(&r[i]);
    store_close(s);
}
END_TEST

struct many {
    size_t n;
    int calls;
};

static int put_many(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    struct many *m = ctx;
    m->calls++;
    for (size_t i = 0; i < m->n && !store_txn_error(t); i++) {
        struct wt_record r;
        char id[32];
        snprintf(id, sizeof id, "c-%06zu", i);
        make_case(&r, id, "Veenwaard/Elst/Kerkakker", "open", "tuin;eenzaamheid;vervoer");
        store_put(t, &r);
        record_fini(&r);
    }
    return store_txn_error(t);
}

START_TEST(test_map_grows_by_replay)
{
    struct store *s = open_db(64 * 1024);
    size_t before = store_map_size(s);
    struct many m = {20000, 0};
    struct wt_error e = {0};
    ck_assert_msg(store_write(s, put_many, &m, &e) == 0, "%s", e.text);
    ck_assert_int_gt(m.calls, 1); /* replayed after growing */
    ck_assert_uint_gt(store_map_size(s), before);
    struct store_txn *t;
    store_read_begin(s, &t, NULL);
    size_t n;
    store_count(t, WT_CASES, &n);
    ck_assert_uint_eq(n, 20000);
    store_read_end(t);
    store_close(s);
}
END_TEST

static int set_schema(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    return store_meta_put(t, "schema", ctx);
}

START_TEST(test_newer_schema_refused)
{
    struct store *s = open_db(0);
    ck_assert_int_eq(store_write(s, set_schema, "99", NULL), 0);
    store_close(s);
    struct wt_error e = {0};
    ck_assert_int_eq(store_open(dir, NULL, &s, &e), WT_EVERSION);
    ck_assert_ptr_nonnull(strstr(e.text, "nieuwere versie"));
    ck_assert_ptr_nonnull(strstr(e.text, "99"));
}
END_TEST

/* Raw LMDB access, only to damage or age a database for the tests. */
static void raw(void (*fn)(MDB_txn *, MDB_env *))
{
    MDB_env *env;
    MDB_txn *txn;
    ck_assert_int_eq(mdb_env_create(&env), 0);
    mdb_env_set_maxdbs(env, 16);
    ck_assert_int_eq(mdb_env_open(env, dir, 0, 0600), 0);
    ck_assert_int_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
    fn(txn, env);
    ck_assert_int_eq(mdb_txn_commit(txn), 0);
    mdb_env_close(env);
}

static void age_to_schema1(MDB_txn *txn, MDB_env *env)
{
    (void)env;
    MDB_dbi idx, meta;
    ck_assert_int_eq(mdb_dbi_open(txn, "index.cases", 0, &idx), 0);
    mdb_dbi_open(txn, "meta", 0, &meta);
    ck_assert_int_eq(mdb_drop(txn, idx, 1), 0); /* schema 1 had no index */
    MDB_val k = {6, "schema"}, v = {1, "1"};
    ck_assert_int_eq(mdb_put(txn, meta, &k, &v, 0), 0);
}

START_TEST(test_migration_from_schema1)
{
    struct store *s = open_db(0);
    struct wt_record r;
    make_case(&r, "c-5", "Veenwaard/Oost", "open", "taal");
    struct puts p = {&r, 1};
    store_write(s, put_all, &p, NULL);
    record_fini(&r);
    store_close(s);
    raw(age_to_schema1);
    s = open_db(0);
    struct idlist l;
    ck_assert_uint_eq(find(s, WT_CASES, CASE_NEEDS, "taal", &l), 1);
    struct store_txn *t;
    store_read_begin(s, &t, NULL);
    char *v;
    store_meta_get(t, "schema", &v);
    ck_assert_int_eq(atoi(v), STORE_SCHEMA_VERSION);
    free(v);
    store_read_end(t);
    ck_assert_int_eq(store_check(s, NULL, NULL, NULL), 0);
    store_close(s);
}
END_TEST

/* A schema 6 database (the access log's entry format 4 came without a step)
 * is raised to the program's schema at open, its data as it was, so that a
 * program of schema 6 refuses it from then on. */
START_TEST(test_migration_from_schema6)
{
    ck_assert_int_ge(STORE_SCHEMA_VERSION, 7);
    struct store *s = open_db(0);
    struct wt_record r;
    make_case(&r, "c-6", "Veenwaard/Oost", "open", "taal");
    struct puts p = {&r, 1};
    ck_assert_int_eq(store_write(s, put_all, &p, NULL), 0);
    record_fini(&r);
    ck_assert_int_eq(store_write(s, set_schema, "6", NULL), 0);
    store_close(s);
    s = open_db(0);
    struct store_txn *t;
    ck_assert_int_eq(store_read_begin(s, &t, NULL), 0);
    char *v = NULL;
    ck_assert_int_eq(store_meta_get(t, "schema", &v), 0);
    ck_assert_int_eq(atoi(v), STORE_SCHEMA_VERSION);
    free(v);
    store_read_end(t);
    struct idlist l;
    ck_assert_uint_eq(find(s, WT_CASES, CASE_NEEDS, "taal", &l), 1);
    ck_assert_int_eq(store_check(s, NULL, NULL, NULL), 0);
    store_close(s);
}
END_TEST

/* The clocks of c-ID as the store reads them. */
static struct store_stamp stamp_of(struct store *s, const char *id)
{
    struct store_txn *t;
    struct store_stamp st;
    ck_assert_int_eq(store_read_begin(s, &t, NULL), 0);
    ck_assert_int_eq(store_stamp_get(t, WT_CASES, id, &st), 0);
    store_read_end(t);
    return st;
}

static void assert_same_clocks(const struct store_stamp *a, const struct store_stamp *b)
{
    ck_assert_int_eq(a->n, b->n);
    for (int i = 0; i < a->n; i++) {
        ck_assert_msg(a->f[i].hlc == b->f[i].hlc && a->f[i].origin == b->f[i].origin,
                      "field %d: clock differs", i);
        ck_assert_msg(a->prev[i].hlc == b->prev[i].hlc &&
                          a->prev[i].origin == b->prev[i].origin,
                      "field %d: replaced clock differs", i);
    }
}

/* Size of the stored clock value of case id (read with LMDB itself). */
static size_t clock_len;
static const char *clock_id;
static void read_clock_len(MDB_txn *txn, MDB_env *env)
{
    (void)env;
    MDB_dbi clock;
    ck_assert_int_eq(mdb_dbi_open(txn, "clock", 0, &clock), 0);
    unsigned char kb[WT_MAX_ID + 2];
    kb[0] = (unsigned char)WT_CASES;
    memcpy(kb + 1, clock_id, strlen(clock_id));
    MDB_val k = {strlen(clock_id) + 1, kb}, v;
    ck_assert_int_eq(mdb_get(txn, clock, &k, &v), 0);
    clock_len = v.mv_size;
}

static size_t stored_clock_len(const char *id)
{
    clock_id = id;
    raw(read_clock_len);
    return clock_len;
}

struct stamped {
    struct wt_record *r;
    const struct store_stamp *st;
};

static int put_given(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    struct stamped *p = ctx;
    return store_put_stamped(t, p->r, p->st);
}

/* Clocks are stored compactly (one clock for the record, entries only for
 * the fields that differ or replaced one) and read back exactly. */
START_TEST(test_clocks_compact_and_exact)
{
    struct store *s = open_db(0);
    struct wt_record r;
    make_case(&r, "c-1", "Veenwaard/Oost", "open", "taal");
    struct puts p = {&r, 1};
    ck_assert_int_eq(store_write(s, put_all, &p, NULL), 0);
    struct store_stamp fresh = stamp_of(s, "c-1");
    ck_assert(fresh.f[0].hlc != 0 && fresh.prev[0].hlc == 0);
    for (int i = 1; i < fresh.n; i++)
        ck_assert(fresh.f[i].hlc == fresh.f[0].hlc && fresh.prev[i].hlc == 0);
    store_close(s);
    ck_assert_uint_eq(stored_clock_len("c-1"), 26 + 16); /* was 10 + 32 per field; + its tag */
    s = open_db(0);
    /* One field changed: its clock differs and it remembers the one it replaced. */
    record_set(&r, CASE_STATUS, "closed");
    ck_assert_int_eq(store_write(s, put_all, &p, NULL), 0);
    struct store_stamp changed = stamp_of(s, "c-1");
    for (int i = 0; i < changed.n; i++) {
        bool is = i == CASE_STATUS;
        ck_assert(is ? changed.f[i].hlc > fresh.f[i].hlc : changed.f[i].hlc == fresh.f[i].hlc);
        ck_assert(is ? changed.prev[i].hlc == fresh.f[i].hlc : changed.prev[i].hlc == 0);
    }
    /* Given clocks of every shape come back as given: all different, some
     * zero, field 0 apart from the rest, a tie, replaced clocks here and there. */
    struct store_stamp shapes[4];
    memset(shapes, 0, sizeof shapes);
    for (int k = 0; k < 4; k++) {
        struct store_stamp *st = &shapes[k];
        st->n = fresh.n;
        for (int i = 0; i < st->n; i++) {
            uint64_t h = k == 0 ? 1000u + (uint64_t)i            /* all different */
                         : k == 1 ? (i == 0 ? 7u : 9u)           /* field 0 apart */
                         : k == 2 ? (uint64_t)(i % 2) * 5u       /* a tie, zeros */
                                  : (i < 3 ? 0xffffffffffffffffu : 3u);
            st->f[i] = (struct store_clock){h, k == 3 ? (uint64_t)i % 2 : 42u};
            if (i % 3 == k % 3)
                st->prev[i] = (struct store_clock){h / 2 + 1, 0x8000000000000001u};
        }
        char id[16];
        snprintf(id, sizeof id, "c-%d", 10 + k);
        record_set(&r, CASE_ID, id);
        struct stamped g = {&r, st};
        ck_assert_int_eq(store_write(s, put_given, &g, NULL), 0);
        struct store_stamp got = stamp_of(s, id);
        assert_same_clocks(&got, st);
    }
    ck_assert_int_eq(store_check(s, NULL, NULL, NULL), 0);
    record_fini(&r);
    store_close(s);
}
END_TEST

/* Schema 4 kept every field's two clocks: [1][seq][n][n x (hlc, origin,
 * previous hlc, previous origin)], 8 bytes big-endian each. */
static struct store_stamp v1_stamps[2];
static const char *const v1_ids[2] = {"c-1", "c-2"};
static void put_be(unsigned char *p, uint64_t v)
{
    for (int i = 7; i >= 0; i--, v >>= 8)
        p[i] = (unsigned char)v;
}

static void age_to_schema4(MDB_txn *txn, MDB_env *env)
{
    (void)env;
    MDB_dbi clock, meta;
    ck_assert_int_eq(mdb_dbi_open(txn, "clock", 0, &clock), 0);
    ck_assert_int_eq(mdb_dbi_open(txn, "meta", 0, &meta), 0);
    for (int r = 0; r < 2; r++) {
        const struct store_stamp *st = &v1_stamps[r];
        unsigned char kb[8], val[10 + 32 * WT_MAX_FIELDS];
        kb[0] = (unsigned char)WT_CASES;
        memcpy(kb + 1, v1_ids[r], 3);
        val[0] = 1;
        put_be(val + 1, st->seq);
        val[9] = (unsigned char)st->n;
        for (int i = 0; i < st->n; i++) {
            put_be(val + 10 + 32 * i, st->f[i].hlc);
            put_be(val + 18 + 32 * i, st->f[i].origin);
            put_be(val + 26 + 32 * i, st->prev[i].hlc);
            put_be(val + 34 + 32 * i, st->prev[i].origin);
        }
        MDB_val k = {4, kb}, v = {10 + 32 * (size_t)st->n, val};
        ck_assert_int_eq(mdb_put(txn, clock, &k, &v, 0), 0);
    }
    MDB_val k = {6, "schema"}, v = {1, "4"};
    ck_assert_int_eq(mdb_put(txn, meta, &k, &v, 0), 0);
}

static int count_change(void *ctx, enum wt_kind kind, const char *id, bool tomb,
                        const struct store_stamp *st)
{
    (void)kind;
    (void)tomb;
    int *seen = ctx;
    for (int r = 0; r < 2; r++)
        if (strcmp(id, v1_ids[r]) == 0 && st->seq == v1_stamps[r].seq) {
            assert_same_clocks(st, &v1_stamps[r]);
            seen[r]++;
        }
    return 0;
}

/* A schema 4 database (clocks written in the old format here, with LMDB
 * itself) is migrated: every clock reads as it was, and is stored compactly. */
START_TEST(test_migration_from_schema4)
{
    struct store *s = open_db(0);
    struct wt_record r[2];
    make_case(&r[0], "c-1", "Veenwaard/Oost", "open", "taal");
    make_case(&r[1], "c-2", "Veenwaard/West", "open", "tuin");
    struct puts p = {r, 2};
    ck_assert_int_eq(store_write(s, put_all, &p, NULL), 0);
    record_set(&r[1], CASE_NEEDS, "vervoer");
    p = (struct puts){&r[1], 1};
    ck_assert_int_eq(store_write(s, put_all, &p, NULL), 0);
    for (int i = 0; i < 2; i++)
        v1_stamps[i] = stamp_of(s, v1_ids[i]);
    ck_assert(v1_stamps[1].prev[CASE_NEEDS].hlc != 0);
    store_close(s);
    raw(age_to_schema4);
    ck_assert_uint_eq(stored_clock_len("c-1"), 10 + 32 * (size_t)v1_stamps[0].n);
    s = open_db(0);
    for (int i = 0; i < 2; i++) {
        struct store_stamp got = stamp_of(s, v1_ids[i]);
        ck_assert(got.seq == v1_stamps[i].seq);
        assert_same_clocks(&got, &v1_stamps[i]);
    }
    int seen[2] = {0, 0};
    struct store_txn *t;
    ck_assert_int_eq(store_read_begin(s, &t, NULL), 0);
    ck_assert_int_eq(store_changes_each(t, 0, count_change, seen), 0);
    char *v;
    ck_assert_int_eq(store_meta_get(t, "schema", &v), 0);
    ck_assert_int_eq(atoi(v), STORE_SCHEMA_VERSION);
    free(v);
    store_read_end(t);
    ck_assert(seen[0] == 1 && seen[1] == 1);
    ck_assert_int_eq(store_check(s, NULL, NULL, NULL), 0);
    store_close(s);
    ck_assert_uint_eq(stored_clock_len("c-1"), 26 + 16); /* and its tag (schema 6) */
    ck_assert_uint_eq(stored_clock_len("c-2"), 26 + 2 + 16 + 16 + 16);
    record_fini(&r[0]);
    record_fini(&r[1]);
}
END_TEST

static void flip_value(MDB_txn *txn, MDB_env *env)
{
    (void)env;
    MDB_dbi cases, idx;
    mdb_dbi_open(txn, "cases", 0, &cases);
    ck_assert_int_eq(mdb_dbi_open(txn, "index.cases", 0, &idx), 0);
    MDB_val k = {3, "c-1"}, v;
    ck_assert_int_eq(mdb_get(txn, cases, &k, &v), 0);
    unsigned char *copy = malloc(v.mv_size);
    memcpy(copy, v.mv_data, v.mv_size);
    copy[0] ^= 0xff; /* the format version byte */
    MDB_val nv = {v.mv_size, copy};
    ck_assert_int_eq(mdb_put(txn, cases, &k, &nv, 0), 0);
    free(copy);
    /* And a stale index entry pointing at a record that does not exist. */
    unsigned char key[] = {CASE_STATUS, 'o', 'p', 'e', 'n', 0, 'g', 'o', 'n', 'e'};
    MDB_val ik = {sizeof key, key}, iv = {0, ""};
    ck_assert_int_eq(mdb_put(txn, idx, &ik, &iv, 0), 0);
}

struct lines {
    int n;
    char text[8][600];
};

static void note(void *ctx, const char *line)
{
    struct lines *l = ctx;
    if (l->n < 8)
        snprintf(l->text[l->n], 600, "%s", line);
    l->n++;
}

START_TEST(test_check_finds_damage)
{
    struct store *s = open_db(0);
    struct wt_record r;
    make_case(&r, "c-1", "Veenwaard/Oost", "open", "taal");
    struct puts p = {&r, 1};
    store_write(s, put_all, &p, NULL);
    record_fini(&r);
    store_close(s);
    raw(flip_value);
    s = open_db(0);
    struct lines l = {0};
    struct wt_error e = {0};
    ck_assert_int_eq(store_check(s, note, &l, &e), WT_ECORRUPT);
    ck_assert_int_ge(l.n, 2);
    int named = 0, stale = 0;
    for (int i = 0; i < l.n && i < 8; i++) {
        named += strstr(l.text[i], "cases/c-1") != NULL;
        stale += strstr(l.text[i], "cases/gone") != NULL;
    }
    ck_assert_int_ge(named, 1);
    ck_assert_int_eq(stale, 1);
    store_close(s);
}
END_TEST

/* A clock for a record that is not there, a tombstone beside a live record, and
 * a clock that does not decode. */
static void bad_clocks(MDB_txn *txn, MDB_env *env)
{
    (void)env;
    MDB_dbi clock, tombs;
    ck_assert_int_eq(mdb_dbi_open(txn, "clock", 0, &clock), 0);
    ck_assert_int_eq(mdb_dbi_open(txn, "tombs", 0, &tombs), 0);
    unsigned char ck[] = {WT_CASES, 'c', '-', '1'};
    MDB_val k = {sizeof ck, ck}, v;
    ck_assert_int_eq(mdb_get(txn, clock, &k, &v), 0);
    unsigned char *copy = malloc(v.mv_size);
    memcpy(copy, v.mv_data, v.mv_size);
    unsigned char ghost[] = {WT_CASES, 'g', 'h', 'o', 's', 't'};
    MDB_val gk = {sizeof ghost, ghost}, gv = {v.mv_size, copy};
    ck_assert_int_eq(mdb_put(txn, clock, &gk, &gv, 0), 0);
    copy[0] = 99; /* no clock format */
    unsigned char odd[] = {WT_CASES, 'c', '-', '2'};
    MDB_val ok = {sizeof odd, odd};
    ck_assert_int_eq(mdb_put(txn, clock, &ok, &gv, 0), 0);
    free(copy);
    unsigned char tomb[25] = {1};
    MDB_val tv = {sizeof tomb, tomb};
    ck_assert_int_eq(mdb_put(txn, tombs, &k, &tv, 0), 0);
}

START_TEST(test_check_finds_bad_clocks)
{
    struct store *s = open_db(0);
    struct wt_record r[2];
    make_case(&r[0], "c-1", "Veenwaard/Oost", "open", "taal");
    make_case(&r[1], "c-2", "Veenwaard/Oost", "open", "taal");
    struct puts p = {r, 2};
    store_write(s, put_all, &p, NULL);
    record_fini(&r[0]);
    record_fini(&r[1]);
    ck_assert_int_eq(store_check(s, NULL, NULL, NULL), 0);
    store_close(s);
    raw(bad_clocks);
    s = open_db(0);
    struct lines l = {0};
    struct wt_error e = {0};
    ck_assert_int_eq(store_check(s, note, &l, &e), WT_ECORRUPT);
    int ghost = 0, tomb = 0, odd = 0;
    for (int i = 0; i < l.n && i < 8; i++) {
        ghost += strstr(l.text[i], "clock: cases/ghost: klok van een record dat niet bestaat") != 0;
        tomb += strstr(l.text[i], "tombs: cases/c-1: grafsteen van een record dat bestaat") != 0;
        odd += strstr(l.text[i], "clock: cases/c-2: klok beschadigd") != 0;
    }
    ck_assert_msg(ghost == 1 && tomb == 1 && odd == 1, "%d lines, first: %s", l.n, l.text[0]);
    store_close(s);
}
END_TEST

START_TEST(test_codec)
{
    struct wt_record r, back;
    make_case(&r, "c-1", "A/B", "open", "tuin");
    record_set(&r, CASE_REQUEST, "ë, \"quote\"\nline 🙂");
    unsigned char *v;
    size_t n;
    store_encode(&r, &v, &n);
    ck_assert_int_eq(store_decode(WT_CASES, v, n, &back), 0);
    ck_assert(record_equal(&r, &back));
    record_fini(&back);
    for (size_t cut = 0; cut < n; cut++)
        ck_assert_int_eq(store_decode(WT_CASES, v, cut, &back), WT_ECORRUPT);
    v[0] = 9;
    ck_assert_int_eq(store_decode(WT_CASES, v, n, &back), WT_ECORRUPT);
    free(v);
    record_fini(&r);
}
END_TEST

static int slow_writer(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)t, (void)err;
    int *fd = ctx;
    ck_assert_int_eq(write(*fd, "x", 1), 1);
    sleep(2);
    return 0;
}

START_TEST(test_busy_writer_times_out)
{
    struct store *s = open_db(0);
    store_close(s);
    int pipefd[2];
    ck_assert_int_eq(pipe(pipefd), 0);
    pid_t pid = fork();
    if (pid == 0) {
        struct store *cs;
        if (store_open(dir, NULL, &cs, NULL) != 0)
            _exit(2);
        store_write(cs, slow_writer, &pipefd[1], NULL);
        store_close(cs);
        _exit(0);
    }
    char c;
    ck_assert_int_eq(read(pipefd[0], &c, 1), 1); /* the child holds the writer lock */
    struct store_opts o = {.lock_timeout_ms = 100};
    ck_assert_int_eq(store_open(dir, &o, &s, NULL), 0);
    struct wt_error e = {0};
    ck_assert_int_eq(store_write(s, set_schema, "2", &e), WT_EBUSY);
    ck_assert_ptr_nonnull(strstr(e.text, "probeer het zo nog eens"));
    store_close(s);
    int status;
    waitpid(pid, &status, 0);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    close(pipefd[0]);
    close(pipefd[1]);
}
END_TEST

START_TEST(test_backup)
{
    struct store *s = open_db(0);
    struct many m = {500, 0};
    store_write(s, put_many, &m, NULL);
    char *dest = tu_path(dir, "copy");
    struct wt_error e = {0};
    ck_assert_msg(store_backup(s, dest, &e) == 0, "%s", e.text);
    ck_assert_int_eq(store_backup(s, dest, &e), WT_EEXIST);
    struct store *b;
    ck_assert_int_eq(store_open(dest, NULL, &b, NULL), 0);
    ck_assert_int_eq(store_check(b, NULL, NULL, NULL), 0);
    struct store_txn *t;
    store_read_begin(b, &t, NULL);
    size_t n;
    store_count(t, WT_CASES, &n);
    ck_assert_uint_eq(n, 500);
    store_read_end(t);
    store_close(b);
    store_close(s);
    free(dest);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_create_mode_and_meta, test_put_get_replace_delete_indexes,
                            test_delete, test_all_or_nothing, test_each_id,
                            test_map_grows_by_replay, test_newer_schema_refused,
                            test_migration_from_schema1, test_migration_from_schema6,
                            test_clocks_compact_and_exact,
                            test_migration_from_schema4, test_check_finds_damage,
                            test_check_finds_bad_clocks, test_codec, test_busy_writer_times_out,
                            test_backup};
    const struct tu_suite suite = {
        .name = "store",
        .timeout = 60,
        .setup = setup,
        .teardown = teardown};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
