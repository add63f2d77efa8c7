/* check_mapgrow.c: from the smallest starting map, large imports grow the map and lose nothing. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "testutil.h"
#include "app_int.h" /* white-box: the app's store */
#include "rel.h"
#include "wijktafel/app.h"
#include "wijktafel/store.h"

#define NCASES 50000
#define SMALL_MAP 65536

/* Through the app API: WIJKTAFEL_INITIAL_MAP is read by app_init and app_open. */
START_TEST(test_import_50000_from_small_map)
{
    char *dir = rel_tmpdir("mapgrow");
    char *db = rel_path(dir, "db");
    setenv("WIJKTAFEL_INITIAL_MAP", "65536", 1);
    struct wt_error err = {0};
    ck_assert_msg(app_init(db, "Groei", "leider", "Lea", &err) == 0, "%s", err.text);
    struct app *a;
    struct app_opts o = {.dir = db, .as_member = "leider"};
    ck_assert_msg(app_open(&o, &a, &err) == 0, "%s", err.text);
    size_t before = store_map_size(a->store);
    ck_assert_uint_le(before, SMALL_MAP);

    size_t len, n = 0;
    char *csv = rel_cases_csv("g", 0, NCASES, NULL, &len);
    ck_assert_msg(app_import(a, WT_CASES, "groot.csv", csv, len, &n, &err) == 0, "%s", err.text);
    ck_assert_uint_eq(n, NCASES);
    size_t after = store_map_size(a->store);
    ck_assert_uint_gt(after, before);
    struct stat st;
    char *data = rel_path(db, "data.mdb");
    ck_assert_int_eq(stat(data, &st), 0);
    ck_assert_uint_ge(after, (size_t)st.st_size);

    struct buf out = {0};
    ck_assert_msg(app_export(a, WT_CASES, APP_CSV, &out, &err) == 0, "%s", err.text);
    /* Some requests hold a quoted line break: count rows, not lines. */
    ck_assert_uint_eq(rel_csv_rows(out.data, out.len), NCASES);
    ck_assert_ptr_nonnull(strstr(out.data, "\ng000000,"));
    ck_assert_ptr_nonnull(strstr(out.data, "\ng049999,"));
    buf_fini(&out);
    ck_assert_msg(app_check(a, NULL, NULL, &err) == 0, "%s", err.text);
    app_close(a);

    /* Reopened with the default map: everything is there and sound. */
    unsetenv("WIJKTAFEL_INITIAL_MAP");
    ck_assert_msg(app_open(&o, &a, &err) == 0, "%s", err.text);
    struct store_txn *t;
    ck_assert_int_eq(store_read_begin(a->store, &t, &err), 0);
    size_t count = 0;
    ck_assert_int_eq(store_count(t, WT_CASES, &count), 0);
    store_read_end(t);
    ck_assert_uint_eq(count, NCASES);
    ck_assert_uint_ge(store_map_size(a->store), (size_t)st.st_size);
    ck_assert_msg(app_check(a, NULL, NULL, &err) == 0, "%s", err.text);
    app_close(a);

    free(csv);
    free(data);
    free(db);
    rel_rmtree(dir);
    free(dir);
}
END_TEST

struct many {
    size_t first, n;
    int calls; /* how often store_write ran the function */
};

static int put_many(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    struct many *m = ctx;
    m->calls++;
    for (size_t i = m->first; i < m->first + m->n && !store_txn_error(t); i++) {
        struct wt_record r;
        record_init(&r, WT_SIGNALS);
        char id[32], text[200];
        snprintf(id, sizeof id, "s%06zu", i);
        snprintf(text, sizeof text, "Signaal %zu: %s", i,
                 "overlast van een scooter in de straat, al weken, ook 's avonds laat");
        record_set(&r, SIGNAL_ID, id);
        record_set(&r, SIGNAL_DATE, "2024-03-01");
        record_set(&r, SIGNAL_AREA, "Noordoostpolder/Emmeloord/Centrum");
        record_set(&r, SIGNAL_TEXT, text);
        record_set(&r, SIGNAL_THEMES, "overlast;veiligheid");
        record_set(&r, SIGNAL_STATUS, "new");
        store_put(t, &r);
        record_fini(&r);
    }
    return store_txn_error(t);
}

/* Through the store API: several writes from a 64 KiB map; a write that
 * hits the full map is replayed once the map has grown, without duplicates. */
START_TEST(test_store_writes_replay_after_growth)
{
    char *dir = rel_tmpdir("mapgrow");
    char *db = rel_path(dir, "db");
    struct store_opts o = {.create = true, .initial_map = SMALL_MAP};
    struct store *s;
    struct wt_error err = {0};
    ck_assert_msg(store_open(db, &o, &s, &err) == 0, "%s", err.text);
    size_t start = store_map_size(s);
    int replays = 0;
    for (size_t round = 0; round < 10; round++) {
        struct many m = {round * 2000, 2000, 0};
        ck_assert_msg(store_write(s, put_many, &m, &err) == 0, "%s", err.text);
        ck_assert_int_ge(m.calls, 1);
        replays += m.calls - 1;
    }
    ck_assert_int_ge(replays, 1);
    ck_assert_uint_gt(store_map_size(s), start);
    struct store_txn *t;
    ck_assert_int_eq(store_read_begin(s, &t, &err), 0);
    size_t count = 0;
    ck_assert_int_eq(store_count(t, WT_SIGNALS, &count), 0);
    struct wt_record r;
    ck_assert_int_eq(store_get(t, WT_SIGNALS, "s019999", &r), 0);
    ck_assert_str_eq(record_get(&r, SIGNAL_THEMES), "overlast;veiligheid");
    record_fini(&r);
    store_read_end(t);
    ck_assert_uint_eq(count, 20000);
    ck_assert_msg(store_check(s, NULL, NULL, &err) == 0, "%s", err.text);
    store_close(s);
    free(db);
    rel_rmtree(dir);
    free(dir);
}
END_TEST

/* Through the program: init, import, export and check from a 64 KiB map. */
START_TEST(test_cli_import_50000_from_small_map)
{
    char *dir = rel_tmpdir("mapgrow");
    char *db = rel_path(dir, "db");
    char *file = rel_path(dir, "groot.csv");
    size_t len;
    char *csv = rel_cases_csv("g", 0, NCASES, NULL, &len);
    rel_write_file(file, csv, len);
    free(csv);
    const char *const env[] = {"WIJKTAFEL_INITIAL_MAP=65536", NULL};
    struct rel_result r;

    rel_run(&r, dir, env, (const char *const[]){"--db", db, "init", NULL});
    ck_assert_msg(r.code == 0, "init: %s", rel_describe(&r));
    rel_result_fini(&r);
    rel_run(&r, dir, env, (const char *const[]){"--db", db, "import", "cases", file, NULL});
    ck_assert_msg(r.code == 0, "import: %s", rel_describe(&r));
    ck_assert_ptr_nonnull(strstr(r.err, "50000"));
    rel_result_fini(&r);
    rel_run(&r, dir, env, (const char *const[]){"--db", db, "export", "cases", NULL});
    ck_assert_msg(r.code == 0, "export: %s", rel_describe(&r));
    ck_assert_uint_eq(rel_csv_rows(r.out, strlen(r.out)), NCASES);
    rel_result_fini(&r);
    rel_run(&r, dir, env, (const char *const[]){"--db", db, "check", NULL});
    ck_assert_msg(r.code == 0, "check: %s", rel_describe(&r));
    rel_result_fini(&r);

    free(file);
    free(db);
    rel_rmtree(dir);
    free(dir);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_import_50000_from_small_map, test_store_writes_replay_after_growth,
                            test_cli_import_50000_from_small_map};
    const struct tu_suite suite = {
        .name = "mapgrow",
        .timeout = 120,
        .begin = rel_fixture_begin, .end = rel_fixture_end};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
