/* check_sync.c: the store's clocks per field, change sequence and tombstones (issue 7). */
#include <check.h>
#include <lmdb.h>

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

static struct store *open_db(void)
{
    struct store *s;
    struct wt_error e = {0};
    struct store_opts o = {.create = true};
    ck_assert_msg(store_open(dir, &o, &s, &e) == 0, "%s", e.text);
    return s;
}

static void make_res(struct wt_record *r, const char *id, const char *contact)
{
    record_init(r, WT_RESOURCES);
    record_set(r, 0, id);
    record_set(r, record_field_index(WT_RESOURCES, "name"), "Testgroep");
    record_set(r, record_field_index(WT_RESOURCES, "kind"), "activity");
    record_set(r, record_field_index(WT_RESOURCES, "area"), "Veenwaard");
    record_set(r, record_field_index(WT_RESOURCES, "contact"), contact);
}

static int put_one(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    return store_put(t, ctx);
}

static int del_one(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    return store_del(t, WT_RESOURCES, ctx);
}

static struct store_stamp stamp_of(struct store *s, const char *id, int *rc)
{
    struct store_txn *t;
    struct store_stamp st;
    ck_assert_int_eq(store_read_begin(s, &t, NULL), 0);
    *rc = store_stamp_get(t, WT_RESOURCES, id, &st);
    store_read_end(t);
    return st;
}

START_TEST(test_fields_stamped_on_change_only)
{
    struct store *s = open_db();
    struct wt_record r;
    make_res(&r, "r-1", "0512-1");
    ck_assert_int_eq(store_write(s, put_one, &r, NULL), 0);
    int rc;
    struct store_stamp a = stamp_of(s, "r-1", &rc);
    ck_assert_int_eq(rc, 0);
    int contact = record_field_index(WT_RESOURCES, "contact");
    int name = record_field_index(WT_RESOURCES, "name");
    ck_assert(a.f[contact].hlc != 0 && a.f[contact].origin != 0);
    ck_assert_uint_eq(a.seq, 1);
    /* The same record again: no new clock, no new sequence number. */
    ck_assert_int_eq(store_write(s, put_one, &r, NULL), 0);
    struct store_stamp b = stamp_of(s, "r-1", &rc);
    ck_assert_uint_eq(b.seq, 1);
    /* One field changed: only its clock moves, and it remembers the one before. */
    record_set(&r, contact, "0512-2");
    ck_assert_int_eq(store_write(s, put_one, &r, NULL), 0);
    struct store_stamp c = stamp_of(s, "r-1", &rc);
    ck_assert_uint_eq(c.seq, 2);
    ck_assert(c.f[contact].hlc > a.f[contact].hlc);
    ck_assert(c.prev[contact].hlc == a.f[contact].hlc);
    ck_assert(c.f[name].hlc == a.f[name].hlc);
    /* A delete leaves a tombstone later than every field. */
    ck_assert_int_eq(store_write(s, del_one, "r-1", NULL), 0);
    stamp_of(s, "r-1", &rc);
    ck_assert_int_eq(rc, WT_ENOTFOUND);
    struct store_txn *t;
    struct store_clock tomb;
    ck_assert_int_eq(store_read_begin(s, &t, NULL), 0);
    ck_assert_int_eq(store_tomb_get(t, WT_RESOURCES, "r-1", &tomb), 0);
    ck_assert(tomb.hlc > c.f[contact].hlc && tomb.origin == c.f[contact].origin);
    ck_assert_uint_eq(store_seq(t), 3);
    store_read_end(t);
    /* Written anew, the record is alive again. */
    ck_assert_int_eq(store_write(s, put_one, &r, NULL), 0);
    ck_assert_int_eq(store_read_begin(s, &t, NULL), 0);
    ck_assert_int_eq(store_tomb_get(t, WT_RESOURCES, "r-1", &tomb), WT_ENOTFOUND);
    store_read_end(t);
    ck_assert_int_eq(store_check(s, NULL, NULL, NULL), 0);
    record_fini(&r);
    store_close(s);
}
END_TEST

struct merge {
    struct wt_record *r;
    struct store_stamp st;
    struct store_clock tomb;
};

static int put_stamped(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    struct merge *m = ctx;
    return store_put_stamped(t, m->r, &m->st);
}

static int tomb_put(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    struct merge *m = ctx;
    return store_tomb_put(t, WT_RESOURCES, "r-2", &m->tomb);
}

START_TEST(test_given_clocks_and_tombstones)
{
    struct store *s = open_db();
    struct wt_record r;
    make_res(&r, "r-2", "0512-9");
    struct merge m = {&r, {0}, {0}};
    m.st.n = record_kind(WT_RESOURCES)->nfields;
    for (int i = 0; i < m.st.n; i++)
        m.st.f[i] = (struct store_clock){1000 + (uint64_t)i, 77};
    ck_assert_int_eq(store_write(s, put_stamped, &m, NULL), 0);
    int rc;
    struct store_stamp got = stamp_of(s, "r-2", &rc);
    ck_assert_int_eq(rc, 0);
    for (int i = 0; i < m.st.n; i++)
        ck_assert(got.f[i].hlc == 1000 + (uint64_t)i && got.f[i].origin == 77);
    /* An older tombstone is kept only if later than the one there. */
    m.tomb = (struct store_clock){5000, 3};
    ck_assert_int_eq(store_write(s, tomb_put, &m, NULL), 0);
    m.tomb = (struct store_clock){4000, 9};
    ck_assert_int_eq(store_write(s, tomb_put, &m, NULL), 0);
    struct store_txn *t;
    struct store_clock tomb;
    ck_assert_int_eq(store_read_begin(s, &t, NULL), 0);
    ck_assert(!store_exists(t, WT_RESOURCES, "r-2"));
    ck_assert_int_eq(store_tomb_get(t, WT_RESOURCES, "r-2", &tomb), 0);
    ck_assert(tomb.hlc == 5000 && tomb.origin == 3);
    store_read_end(t);
    struct store_clock x = {5, 1}, y = {5, 2}, z = {6, 0};
    ck_assert(store_clock_after(&y, &x) && !store_clock_after(&x, &y));
    ck_assert(store_clock_after(&z, &y));
    record_fini(&r);
    store_close(s);
}
END_TEST

/* Makes the database look like schema 3: no clocks, no tombstones. */
static void age_to_schema3(void)
{
    MDB_env *env;
    MDB_txn *txn;
    MDB_dbi clock, tombs, meta;
    ck_assert_int_eq(mdb_env_create(&env), 0);
    mdb_env_set_maxdbs(env, 24);
    ck_assert_int_eq(mdb_env_open(env, dir, 0, 0600), 0);
    ck_assert_int_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
    ck_assert_int_eq(mdb_dbi_open(txn, "clock", 0, &clock), 0);
    ck_assert_int_eq(mdb_dbi_open(txn, "tombs", 0, &tombs), 0);
    ck_assert_int_eq(mdb_dbi_open(txn, "meta", 0, &meta), 0);
    ck_assert_int_eq(mdb_drop(txn, clock, 1), 0);
    ck_assert_int_eq(mdb_drop(txn, tombs, 1), 0);
    MDB_val k = {6, "schema"}, v = {1, "3"};
    ck_assert_int_eq(mdb_put(txn, meta, &k, &v, 0), 0);
    ck_assert_int_eq(mdb_txn_commit(txn), 0);
    mdb_env_close(env);
}

START_TEST(test_schema3_database_migrates)
{
    struct store *s = open_db();
    struct wt_record r;
    make_res(&r, "r-3", "0512-3");
    ck_assert_int_eq(store_write(s, put_one, &r, NULL), 0);
    store_close(s);
    age_to_schema3();
    s = open_db();
    int rc;
    struct store_stamp st = stamp_of(s, "r-3", &rc);
    ck_assert_int_eq(rc, WT_ENOTFOUND); /* an old record: clock 0 */
    ck_assert(st.f[0].hlc == 0);
    struct store_txn *t;
    struct wt_record got;
    ck_assert_int_eq(store_read_begin(s, &t, NULL), 0);
    ck_assert_int_eq(store_get(t, WT_RESOURCES, "r-3", &got), 0);
    char *v;
    ck_assert_int_eq(store_meta_get(t, "schema", &v), 0);
    ck_assert_int_eq(atoi(v), STORE_SCHEMA_VERSION);
    free(v);
    store_read_end(t);
    record_fini(&got);
    record_set(&r, record_field_index(WT_RESOURCES, "contact"), "0512-4");
    ck_assert_int_eq(store_write(s, put_one, &r, NULL), 0);
    stamp_of(s, "r-3", &rc);
    ck_assert_int_eq(rc, 0);
    ck_assert_int_eq(store_check(s, NULL, NULL, NULL), 0);
    record_fini(&r);
    store_close(s);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_fields_stamped_on_change_only, test_given_clocks_and_tombstones,
                            test_schema3_database_migrates};
    const struct tu_suite suite = {.name = "sync", .setup = setup, .teardown = teardown};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
