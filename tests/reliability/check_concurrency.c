/* check_concurrency.c: a waiting writer gets exit 75, readers and backups see whole snapshots. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "testutil.h"
#include "rel.h"
#include "wijktafel/store.h"
#include "wijktafel/xalloc.h"

#define NBASE 500
#define NHOLD 3000
#define NBIG 20000

struct ctx {
    char *dir, *db, *small, *big;
};

static void run_ok(struct ctx *c, const char *const argv[], struct rel_result *r)
{
    rel_run(r, c->dir, NULL, argv);
    ck_assert_msg(r->code == 0 && !rel_sanitizer_report(r->err), "%s: %s", argv[2],
                  rel_describe(r));
}

static char *write_csv(struct ctx *c, const char *name, const char *prefix, size_t n)
{
    size_t len;
    char *csv = rel_cases_csv(prefix, 0, n, NULL, &len);
    char *path = rel_path(c->dir, name);
    rel_write_file(path, csv, len);
    free(csv);
    return path;
}

/* A database with NBASE cases "b..."; small.csv (10 "s..." cases) and
 * big.csv (NBIG "n..." cases) ready to import. */
static void setup(struct ctx *c)
{
    c->dir = rel_tmpdir("conc");
    c->db = rel_path(c->dir, "db");
    c->small = write_csv(c, "small.csv", "s", 10);
    c->big = write_csv(c, "big.csv", "n", NBIG);
    char *base = write_csv(c, "base.csv", "b", NBASE);
    struct rel_result r;
    run_ok(c, (const char *const[]){"--db", c->db, "init", NULL}, &r);
    rel_result_fini(&r);
    run_ok(c, (const char *const[]){"--db", c->db, "import", "cases", base, NULL}, &r);
    rel_result_fini(&r);
    free(base);
}

static void teardown(struct ctx *c)
{
    rel_rmtree(c->dir);
    free(c->dir);
    free(c->db);
    free(c->small);
    free(c->big);
}

/* Data rows of `export cases` on db, failing the test when export fails. */
static size_t export_rows(struct ctx *c, const char *db)
{
    struct rel_result r;
    run_ok(c, (const char *const[]){"--db", db, "export", "cases", NULL}, &r);
    size_t rows = rel_csv_rows(r.out, strlen(r.out));
    rel_result_fini(&r);
    ck_assert_uint_ne(rows, (size_t)-1);
    return rows;
}

START_TEST(test_second_writer_exits_75)
{
    struct ctx c;
    setup(&c);
    struct rel_holder h;
    ck_assert(rel_hold_start(&h, c.db, "h", 10));

    const char *const env[] = {"WIJKTAFEL_LOCK_TIMEOUT_MS=200", NULL};
    struct rel_result r;
    rel_run(&r, c.dir, env, (const char *const[]){"--db", c.db, "import", "cases", c.small, NULL});
    ck_assert_msg(r.code == 75 && rel_clean_failure(&r), "%s", rel_describe(&r));
    ck_assert_msg(r.secs >= 0.2 && r.secs < 5, "waited %.2f s", r.secs);
    rel_result_fini(&r);
    /* A reader is not held up by the writer. */
    run_ok(&c, (const char *const[]){"--db", c.db, "check", NULL}, &r);
    rel_result_fini(&r);

    ck_assert_int_eq(rel_hold_release(&h), 0);
    run_ok(&c, (const char *const[]){"--db", c.db, "import", "cases", c.small, NULL}, &r);
    rel_result_fini(&r);
    ck_assert_uint_eq(export_rows(&c, c.db), NBASE + 10 + 10);
    teardown(&c);
}
END_TEST

/* Entries of the access log that record an export of cases. */
static size_t logged_exports(struct ctx *c)
{
    struct rel_result r;
    run_ok(c, (const char *const[]){"--db", c->db, "log", "--format", "tsv", NULL}, &r);
    size_t n = 0;
    for (const char *p = r.out; (p = strstr(p, "\texport\tcases\t")) != NULL; p++)
        n++;
    rel_result_fini(&r);
    return n;
}

START_TEST(test_reader_sees_snapshot_during_write)
{
    struct ctx c;
    setup(&c);
    size_t logged = logged_exports(&c);
    struct rel_holder h;
    ck_assert(rel_hold_start(&h, c.db, "h", NHOLD));
    /* A reader neither waits for the writer nor sees its records. */
    struct rel_result r;
    run_ok(&c, (const char *const[]){"--db", c.db, "export", "cases", NULL}, &r);
    ck_assert_msg(r.secs < 3, "an export waited %.1f s for a writer", r.secs);
    ck_assert_uint_eq(rel_csv_rows(r.out, strlen(r.out)), NBASE);
    rel_result_fini(&r);
    ck_assert_int_eq(rel_hold_release(&h), 0);
    /* The access log holds that export (NEN 7513: no access goes unlogged). */
    ck_assert_uint_gt(logged_exports(&c), logged);
    ck_assert_uint_eq(export_rows(&c, c.db), NBASE + NHOLD);
    teardown(&c);
}
END_TEST

START_TEST(test_readers_during_import)
{
    struct ctx c;
    setup(&c);
    struct rel_proc p;
    rel_spawn(&p, c.dir, NULL, (const char *const[]){"--db", c.db, "import", "cases", c.big, NULL});
    size_t exports = 0, before = 0, after = 0;
    int status;
    /* Export until the import has ended, and once more after. */
    for (bool done = false; !done;) {
        done = waitpid(p.pid, &status, WNOHANG) == p.pid;
        size_t rows = export_rows(&c, c.db);
        ck_assert_msg(rows == NBASE || rows == NBASE + NBIG, "an export saw %zu rows", rows);
        exports++;
        before += rows == NBASE;
        after += rows == NBASE + NBIG;
        ck_assert_msg(rel_now() - p.started < 120, "the import does not end");
    }
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "import status %d", status);
    ck_assert_uint_ge(after, 1);
    printf("readers: %zu exports during the import, %zu before its commit\n", exports, before);
    free(p.out_path);
    free(p.err_path);
    teardown(&c);
}
END_TEST

START_TEST(test_backup_during_held_write)
{
    struct ctx c;
    setup(&c);
    struct rel_holder h;
    ck_assert(rel_hold_start(&h, c.db, "h", NHOLD));
    char *dest = rel_path(c.dir, "kopie");
    struct rel_result r;
    rel_run(&r, c.dir, NULL, (const char *const[]){"--db", c.db, "backup", dest, NULL});
    ck_assert_msg(r.code == 0 && r.secs < 30, "backup: %s", rel_describe(&r));
    rel_result_fini(&r);
    ck_assert_int_eq(rel_hold_release(&h), 0);
    run_ok(&c, (const char *const[]){"--db", dest, "check", NULL}, &r);
    rel_result_fini(&r);
    ck_assert_uint_eq(export_rows(&c, dest), NBASE);
    free(dest);
    teardown(&c);
}
END_TEST

START_TEST(test_backup_during_import)
{
    struct ctx c;
    setup(&c);
    /* How long an import takes, to aim the backup at its middle. */
    char *first = rel_path(c.dir, "eerst");
    struct rel_result r;
    run_ok(&c, (const char *const[]){"--db", c.db, "backup", first, NULL}, &r);
    rel_result_fini(&r);
    run_ok(&c, (const char *const[]){"--db", first, "import", "cases", c.big, NULL}, &r);
    double duration = r.secs;
    rel_result_fini(&r);

    /* Aimed at 30, 60 and 90 % of the import, and just after it. */
    const double at[] = {0.3, 0.6, 0.9, 1.3};
    size_t seen[2] = {0, 0};
    for (int i = 0; i < 4; i++) {
        char name[16];
        snprintf(name, sizeof name, "kopie%d", i);
        char *dest = rel_path(c.dir, name);
        /* Each round imports a fresh copy of the base. */
        char *db = rel_path(c.dir, "werk");
        rel_rmtree(db);
        run_ok(&c, (const char *const[]){"--db", c.db, "backup", db, NULL}, &r);
        rel_result_fini(&r);
        struct rel_proc p;
        rel_spawn(&p, c.dir, NULL, (const char *const[]){"--db", db, "import", "cases", c.big, NULL});
        rel_sleep(duration * at[i] - (rel_now() - p.started));
        run_ok(&c, (const char *const[]){"--db", db, "backup", dest, NULL}, &r);
        rel_result_fini(&r);
        rel_wait(&p, 120, &r);
        ck_assert_msg(r.code == 0, "import: %s", rel_describe(&r));
        rel_result_fini(&r);
        run_ok(&c, (const char *const[]){"--db", dest, "check", NULL}, &r);
        rel_result_fini(&r);
        size_t rows = export_rows(&c, dest);
        ck_assert_msg(rows == NBASE || rows == NBASE + NBIG, "the backup holds %zu rows", rows);
        seen[rows == NBASE + NBIG]++;
        free(db);
        free(dest);
    }
    printf("backups: %zu before the import's commit, %zu after\n", seen[0], seen[1]);
    free(first);
    teardown(&c);
}
END_TEST

/* This process maps the database; another grows it well past that map and
 * commits. Reads, a backup and a check from here still work. */
START_TEST(test_backup_after_growth_elsewhere)
{
    struct ctx c;
    setup(&c);
    struct rel_holder h;
    ck_assert(rel_hold_start(&h, c.db, "h", NBIG));
    struct store *s;
    struct wt_error err = {0};
    ck_assert_msg(store_open(c.db, NULL, &s, &err) == 0, "%s", err.text);
    size_t mapped = store_map_size(s);
    ck_assert_int_eq(rel_hold_release(&h), 0);

    char *dest = rel_path(c.dir, "kopie");
    ck_assert_msg(store_backup(s, dest, &err) == 0, "backup: %s", err.text);
    ck_assert_msg(store_check(s, NULL, NULL, &err) == 0, "check: %s", err.text);
    struct store_txn *t;
    ck_assert_msg(store_read_begin(s, &t, &err) == 0, "read: %s", err.text);
    size_t n = 0;
    ck_assert_int_eq(store_count(t, WT_CASES, &n), 0);
    store_read_end(t);
    ck_assert_uint_eq(n, NBASE + NBIG);
    ck_assert_uint_gt(store_map_size(s), mapped);
    store_close(s);
    struct rel_result r;
    run_ok(&c, (const char *const[]){"--db", dest, "check", NULL}, &r);
    rel_result_fini(&r);
    ck_assert_uint_eq(export_rows(&c, dest), NBASE + NBIG);
    free(dest);
    teardown(&c);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_second_writer_exits_75, test_reader_sees_snapshot_during_write,
                            test_readers_during_import, test_backup_during_held_write,
                            test_backup_during_import, test_backup_after_growth_elsewhere};
    const struct tu_suite suite = {
        .name = "concurrency",
        .timeout = 120,
        .begin = rel_fixture_begin, .end = rel_fixture_end};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
