/* check_faults.c: a full or failing disk during an import: one clear line, exit 74, nothing stored,
 * and everything works again once the disk does. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "rel.h"

static char *export_cases(const char *dir, const char *db)
{
    struct rel_result r;
    const char *argv[] = {"--db", db, "export", "cases", NULL};
    rel_run(&r, dir, NULL, argv);
    ck_assert_msg(r.code == 0, "export: %s", rel_describe(&r));
    char *out = strdup(r.out);
    rel_result_fini(&r);
    return out;
}

struct fault {
    const char *kind, *op, *after, *says;
};

START_TEST(test_import_on_failing_disk)
{
    static const struct fault faults[] = {
        {"enospc", "write", "0", "schijf is vol"},
        {"enospc", "write", "3", "schijf is vol"},
        {"eio", "write", "0", "schrijffout"},
        {"eio", "sync", "0", "schrijffout"},
    };
    char *dir = rel_tmpdir("faults");
    char *db = rel_path(dir, "db");
    char *base = rel_path(dir, "base.csv"), *big = rel_path(dir, "big.csv");
    size_t len;
    char *csv = rel_cases_csv("b", 0, 100, NULL, &len);
    rel_write_file(base, csv, len);
    free(csv);
    csv = rel_cases_csv("n", 0, 3000, NULL, &len);
    rel_write_file(big, csv, len);
    free(csv);
    struct rel_result r;
    const char *init[] = {"--db", db, "init", NULL};
    rel_run(&r, dir, NULL, init);
    ck_assert_int_eq(r.code, 0);
    rel_result_fini(&r);
    const char *imp_base[] = {"--db", db, "import", "cases", base, NULL};
    rel_run(&r, dir, NULL, imp_base);
    ck_assert_int_eq(r.code, 0);
    rel_result_fini(&r);
    char *before = export_cases(dir, db);
    const char *shim = getenv("WT_FAULTSHIM");
    ck_assert_ptr_nonnull(shim);
    for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++) {
        char pre[600], k[64], o[64], a[64];
        snprintf(pre, sizeof pre, "LD_PRELOAD=%s", shim);
        snprintf(k, sizeof k, "WT_FAULT=%s", faults[i].kind);
        snprintf(o, sizeof o, "WT_FAULT_OP=%s", faults[i].op);
        snprintf(a, sizeof a, "WT_FAULT_AFTER=%s", faults[i].after);
        const char *env[] = {pre, k, o, a, NULL};
        const char *imp[] = {"--db", db, "import", "cases", big, NULL};
        rel_run(&r, dir, env, imp);
        ck_assert_msg(rel_clean_failure(&r) && r.code == 74, "%s %s after %s: %s",
                      faults[i].kind, faults[i].op, faults[i].after, rel_describe(&r));
        ck_assert_msg(strstr(r.err, faults[i].says) && strstr(r.err, db),
                      "%s %s: says what and where? %s", faults[i].kind, faults[i].op, r.err);
        rel_result_fini(&r);
        /* The disk works again: the database is sound and exactly as before. */
        const char *check[] = {"--db", db, "check", NULL};
        rel_run(&r, dir, NULL, check);
        ck_assert_msg(r.code == 0, "check after %s %s: %s", faults[i].kind, faults[i].op,
                      rel_describe(&r));
        rel_result_fini(&r);
        char *after = export_cases(dir, db);
        ck_assert_msg(strcmp(before, after) == 0, "%s %s: the database changed",
                      faults[i].kind, faults[i].op);
        free(after);
    }
    /* And the same import now goes through. */
    const char *imp[] = {"--db", db, "import", "cases", big, NULL};
    rel_run(&r, dir, NULL, imp);
    ck_assert_msg(r.code == 0, "import after the faults: %s", rel_describe(&r));
    rel_result_fini(&r);
    char *after = export_cases(dir, db);
    ck_assert_uint_eq(rel_csv_rows(after, strlen(after)), 3100);
    free(after);
    free(before);
    free(base);
    free(big);
    free(db);
    rel_rmtree(dir);
    free(dir);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_import_on_failing_disk};
    const struct tu_suite suite = {
        .name = "faults",
        .timeout = 120,
        .begin = rel_fixture_begin, .end = rel_fixture_end};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
