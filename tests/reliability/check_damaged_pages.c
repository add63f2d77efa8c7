/* check_damaged_pages.c: a data.mdb with intact meta pages but damaged data pages: check and
 * export give one line and exit 74, never a crash. (Import and backup are not covered: LMDB
 * keeps no page checksums, and copying a damaged page, as a write or a compacting copy does,
 * can overrun its buffer before anything notices.) */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "rel.h"

#define NBASE 3000
#define PAGE 4096

static unsigned long long next_rand(unsigned long long *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Damages copy (len bytes) past the two meta pages, in one of three ways:
 * all of it random, 20 random bytes changed (bit rot), or one page random. */
static const char *damage(unsigned char *copy, size_t len, int trial)
{
    unsigned long long s = 0x2545f4914f6cdd1dull * (unsigned long long)(trial + 1);
    size_t pages = len / PAGE;
    switch (trial % 3) {
    case 0:
        for (size_t i = 2 * PAGE; i < len; i++)
            copy[i] = (unsigned char)(next_rand(&s) >> 24);
        return "all data pages random";
    case 1:
        for (int i = 0; i < 20; i++)
            copy[2 * PAGE + next_rand(&s) % (len - 2 * PAGE)] = (unsigned char)next_rand(&s);
        return "20 bytes changed";
    default: {
        size_t pg = 2 + next_rand(&s) % (pages - 2);
        for (size_t i = pg * PAGE; i < (pg + 1) * PAGE; i++)
            copy[i] = (unsigned char)(next_rand(&s) >> 24);
        return "one page random";
    }
    }
}

START_TEST(test_damaged_pages)
{
    char *dir = rel_tmpdir("pages");
    char *db = rel_path(dir, "db");
    char *data = rel_path(db, "data.mdb");
    char *base = rel_path(dir, "base.csv");
    size_t len;
    char *csv = rel_cases_csv("b", 0, NBASE, NULL, &len);
    rel_write_file(base, csv, len);
    free(csv);
    struct rel_result r;
    rel_run(&r, dir, NULL, (const char *const[]){"--db", db, "init", NULL});
    ck_assert_int_eq(r.code, 0);
    rel_result_fini(&r);
    rel_run(&r, dir, NULL, (const char *const[]){"--db", db, "import", "cases", base, NULL});
    ck_assert_int_eq(r.code, 0);
    rel_result_fini(&r);
    size_t size;
    unsigned char *pristine = (unsigned char *)rel_read_file(data, &size);
    ck_assert_ptr_nonnull(pristine);
    ck_assert_uint_gt(size, 16 * PAGE);

    /* WT_DAMAGE_TRIALS=N for a longer run. */
    int trials = 30;
    const char *env = getenv("WT_DAMAGE_TRIALS");
    if (env && atoi(env) > 0)
        trials = atoi(env);
    unsigned char *copy = malloc(size);
    for (int trial = 0; trial < trials; trial++) {
        memcpy(copy, pristine, size);
        const char *how = damage(copy, size, trial);
        rel_write_file(data, copy, size);
        const char *const cmds[][5] = {
            {"--db", db, "check", NULL},
            {"--db", db, "export", "cases", NULL},
        };
        for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
            rel_run(&r, dir, NULL, cmds[i]);
            ck_assert_msg(r.code == 0 || (r.code == 74 && rel_clean_failure(&r)),
                          "trial %d (%s): %s: %s", trial, how, cmds[i][2], rel_describe(&r));
            rel_result_fini(&r);
        }
    }
    free(copy);
    free(pristine);
    free(base);
    free(data);
    free(db);
    rel_rmtree(dir);
    free(dir);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_damaged_pages};
    const struct tu_suite suite = {
        .name = "damaged_pages",
        .timeout = 120,
        .begin = rel_fixture_begin, .end = rel_fixture_end};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
