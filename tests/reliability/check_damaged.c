/* check_damaged.c: damaged, foreign and newer databases give one clear line and exit 74, never a crash. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "rel.h"
#include "wijktafel/app.h"
#include "wijktafel/store.h"

#define NBASE 3000

struct ctx {
    char *dir, *db, *data, *lock, *pristine, *small;
    size_t size; /* of the pristine data.mdb */
};

static void run_ok(struct ctx *c, const char *const argv[])
{
    struct rel_result r;
    rel_run(&r, c->dir, NULL, argv);
    ck_assert_msg(r.code == 0 && !rel_sanitizer_report(r.err), "%s: %s", argv[2],
                  rel_describe(&r));
    rel_result_fini(&r);
}

/* A database with NBASE cases; a copy of its data.mdb in "pristine". */
static void setup(struct ctx *c)
{
    c->dir = rel_tmpdir("damaged");
    c->db = rel_path(c->dir, "db");
    c->data = rel_path(c->db, "data.mdb");
    c->lock = rel_path(c->db, "lock.mdb");
    c->pristine = rel_path(c->dir, "pristine.mdb");
    c->small = rel_path(c->dir, "small.csv");
    size_t len;
    char *csv = rel_cases_csv("s", 0, 5, NULL, &len);
    rel_write_file(c->small, csv, len);
    free(csv);
    csv = rel_cases_csv("b", 0, NBASE, NULL, &len);
    char *base = rel_path(c->dir, "base.csv");
    rel_write_file(base, csv, len);
    free(csv);
    run_ok(c, (const char *const[]){"--db", c->db, "init", NULL});
    run_ok(c, (const char *const[]){"--db", c->db, "import", "cases", base, NULL});
    free(base);
    rel_copy_file(c->data, c->pristine);
    struct stat st;
    ck_assert_int_eq(stat(c->pristine, &st), 0);
    c->size = (size_t)st.st_size;
}

static void teardown(struct ctx *c)
{
    rel_rmtree(c->dir);
    free(c->dir);
    free(c->db);
    free(c->data);
    free(c->lock);
    free(c->pristine);
    free(c->small);
}

/* Every command on the damaged database fails cleanly with want, and none
 * of them changes data.mdb (the evidence stays as it was). */
static void expect_refused(struct ctx *c, int want, const char *what, const char *mention)
{
    size_t before_len;
    char *before = rel_read_file(c->data, &before_len);
    ck_assert_ptr_nonnull(before);
    char *dest = rel_path(c->dir, "kopie");
    const char *const cmds[][6] = {
        {"--db", c->db, "check", NULL},
        {"--db", c->db, "export", "cases", NULL},
        {"--db", c->db, "import", "cases", c->small, NULL},
        {"--db", c->db, "backup", dest, NULL},
    };
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        struct rel_result r;
        rel_run(&r, c->dir, NULL, cmds[i]);
        ck_assert_msg(rel_clean_failure(&r) && r.code == want, "%s: %s: %s", what, cmds[i][2],
                      rel_describe(&r));
        ck_assert_msg(!mention || strstr(r.err, mention), "%s: %s: no '%s' in: %s", what,
                      cmds[i][2], mention, r.err);
        rel_result_fini(&r);
        rel_rmtree(dest);
    }
    size_t after_len;
    char *after = rel_read_file(c->data, &after_len);
    ck_assert_ptr_nonnull(after);
    ck_assert_msg(after_len == before_len && memcmp(before, after, before_len) == 0,
                  "%s: data.mdb was changed (%zu bytes, was %zu)", what, after_len, before_len);
    free(before);
    free(after);
    free(dest);
}

START_TEST(test_truncated)
{
    struct ctx c;
    setup(&c);
    ck_assert_uint_gt(c.size, 16 * 4096);
    const size_t sizes[] = {0, 100, 4096, 8192, 3 * 4096, c.size / 2 / 4096 * 4096,
                            c.size - 4096, c.size - 1};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        rel_copy_file(c.pristine, c.data);
        ck_assert_int_eq(truncate(c.data, (off_t)sizes[i]), 0);
        char what[64];
        snprintf(what, sizeof what, "truncated to %zu of %zu bytes", sizes[i], c.size);
        expect_refused(&c, 74, what, NULL);
    }
    teardown(&c);
}
END_TEST

/* A small deterministic generator: the same bytes on every run. */
static unsigned long long next_rand(unsigned long long *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static void fill_random(unsigned char *p, size_t n, unsigned long long seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(next_rand(&seed) >> 24);
}

START_TEST(test_random_bytes)
{
    struct ctx c;
    setup(&c);
    const size_t sizes[] = {1, 4096, 8192, 65536, 262144};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        unsigned char *junk = malloc(sizes[i]);
        fill_random(junk, sizes[i], 0x9e3779b97f4a7c15ull + i);
        rel_write_file(c.data, junk, sizes[i]);
        free(junk);
        char what[64];
        snprintf(what, sizeof what, "%zu random bytes", sizes[i]);
        expect_refused(&c, 74, what, NULL);
    }
    /* Another program's text file in its place. */
    const char *text = "Dit is geen database, maar een boodschappenlijst.\n";
    rel_write_file(c.data, text, strlen(text));
    expect_refused(&c, 74, "a text file", NULL);
    teardown(&c);
}
END_TEST

START_TEST(test_stale_lock_of_dead_process)
{
    struct ctx c;
    setup(&c);
    /* A writer dies holding LMDB's writer mutex, a reader slot and write.lock. */
    struct rel_holder h;
    ck_assert(rel_hold_start(&h, c.db, "h", 200));
    rel_hold_kill(&h);
    struct stat st;
    ck_assert_int_eq(stat(c.lock, &st), 0);

    const char *const env[] = {"WIJKTAFEL_LOCK_TIMEOUT_MS=2000", NULL};
    const char *const check[] = {"--db", c.db, "check", NULL};
    const char *const export[] = {"--db", c.db, "export", "cases", NULL};
    const char *const import[] = {"--db", c.db, "import", "cases", c.small, NULL};
    struct rel_result r;
    rel_run(&r, c.dir, env, check);
    ck_assert_msg(r.code == 0, "check after a dead writer: %s", rel_describe(&r));
    rel_result_fini(&r);
    rel_run(&r, c.dir, env, export);
    ck_assert_msg(r.code == 0, "export after a dead writer: %s", rel_describe(&r));
    ck_assert_uint_eq(rel_csv_rows(r.out, strlen(r.out)), NBASE);
    rel_result_fini(&r);
    rel_run(&r, c.dir, env, import);
    ck_assert_msg(r.code == 0, "import after a dead writer: %s", rel_describe(&r));
    rel_result_fini(&r);

    /* A lock file of garbage, left when nobody has the database open. */
    unsigned char junk[8192];
    fill_random(junk, sizeof junk, 42);
    rel_write_file(c.lock, junk, sizeof junk);
    rel_run(&r, c.dir, env, export);
    ck_assert_msg(r.code == 0, "export after a garbage lock file: %s", rel_describe(&r));
    ck_assert_uint_eq(rel_csv_rows(r.out, strlen(r.out)), NBASE + 5);
    rel_result_fini(&r);
    rel_run(&r, c.dir, env, check);
    ck_assert_msg(r.code == 0, "check after a garbage lock file: %s", rel_describe(&r));
    rel_result_fini(&r);
    teardown(&c);
}
END_TEST

static int set_schema_99(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx;
    (void)err;
    return store_meta_put(t, "schema", "99");
}

START_TEST(test_newer_schema)
{
    struct ctx c;
    setup(&c);
    struct store *s;
    struct wt_error err = {0};
    ck_assert_msg(store_open(c.db, NULL, &s, &err) == 0, "%s", err.text);
    ck_assert_msg(store_write(s, set_schema_99, NULL, &err) == 0, "%s", err.text);
    store_close(s);

    wt_error_clear(&err);
    ck_assert_int_eq(store_open(c.db, NULL, &s, &err), WT_EVERSION);
    ck_assert_ptr_null(s);
    ck_assert_ptr_nonnull(strstr(err.text, "99"));
    struct store_opts ro = {.readonly = true};
    wt_error_clear(&err);
    ck_assert_int_eq(store_open(c.db, &ro, &s, &err), WT_EVERSION);
    struct app *a;
    struct app_opts o = {.dir = c.db};
    wt_error_clear(&err);
    ck_assert_int_eq(app_open(&o, &a, &err), WT_EVERSION);
    ck_assert_ptr_null(a);

    expect_refused(&c, 74, "schema 99", "99");
    teardown(&c);
}
END_TEST

START_TEST(test_missing_database)
{
    struct ctx c;
    setup(&c);
    char *none = rel_path(c.dir, "nergens");
    struct rel_result r;
    rel_run(&r, c.dir, NULL, (const char *const[]){"--db", none, "check", NULL});
    ck_assert_msg(rel_clean_failure(&r) && r.code == 66, "%s", rel_describe(&r));
    rel_result_fini(&r);
    ck_assert_int_ne(access(none, F_OK), 0);
    free(none);
    teardown(&c);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_truncated, test_random_bytes, test_stale_lock_of_dead_process,
                            test_newer_schema, test_missing_database};
    const struct tu_suite suite = {
        .name = "damaged",
        .timeout = 120,
        .begin = rel_fixture_begin, .end = rel_fixture_end};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
