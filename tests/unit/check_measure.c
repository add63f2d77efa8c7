/* check_measure.c: wellbeing measures: reading and writing scores, who may, and erasure. */
#include <check.h>

#include "apptest.h"
#include "testutil.h"
#include "wijktafel/app.h"
#include "wijktafel/measure.h"

START_TEST(test_parse)
{
    struct measure m;
    ck_assert_int_eq(measure_parse("3 2 4 - 2 3", &m), 0);
    ck_assert_int_eq(m.score[0], 3);
    ck_assert_int_eq(m.score[3], 0);
    ck_assert_int_eq(m.score[5], 3);
    char s[16];
    measure_format(&m, s);
    ck_assert_str_eq(s, "3 2 4 - 2 3");
    ck_assert_int_eq(measure_parse("  1  5 5 5 5 5 ", &m), 0);
    const char *bad[] = {"", "3 2 4 2 3", "3 2 4 2 3 1 1", "6 2 4 2 3 1", "0 1 1 1 1 1",
                         "12 1 1 1 1", "a 1 1 1 1 1", "3,2,4,2,3,1"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        ck_assert_msg(measure_parse(bad[i], &m) != 0, "%s", bad[i]);
    ck_assert(measure_parse("- - - - - -", &m) == 0 && measure_empty(&m));
}
END_TEST

static char *tmp, *db;

static struct app *open_as(const char *member)
{
    return at_open(db, member, false);
}

static void import(struct app *a, enum wt_kind kind, const char *csv)
{
    struct wt_error e = {0};
    ck_assert_msg(app_import(a, kind, "x.csv", csv, strlen(csv), NULL, &e) == 0, "%s", e.text);
}

START_TEST(test_app)
{
    tmp = tu_tmpdir();
    db = tu_path(tmp, "db");
    setenv("XDG_CONFIG_HOME", tmp, 1);
    struct wt_error e = {0};
    ck_assert_int_eq(app_init(db, "T", "leider", "Lea", &e), 0);
    struct app *a = open_as("leider");
    import(a, WT_MEMBERS, "id,name,role\nm-pro,Piet,professional\nm-vol,Vera,volunteer\n");
    import(a, WT_CASES, "id,opened,area,resident,request,owner,restricted\n"
                        "c-1,2026-10-01,Gem,A,V,,\nc-2,2026-10-01,Gem,B,V,leider,yes\n");
    struct measure start, close, got;
    ck_assert_int_eq(measure_parse("2 2 3 2 1 3", &start), 0);
    ck_assert_int_eq(measure_parse("3 3 4 3 3 4", &close), 0);
    ck_assert_int_eq(app_measure_set(a, "c-1", MEASURE_START, &start, &e), 0);
    ck_assert_int_eq(app_measure_set(a, "c-2", MEASURE_START, &start, &e), 0);
    ck_assert_int_eq(app_measure_set(a, "c-9", MEASURE_START, &start, &e), WT_ENOTFOUND);
    app_close(a);
    /* A professional: the open case yes, the shielded one not. */
    a = open_as("m-pro");
    ck_assert_int_eq(app_measure_get(a, "c-1", MEASURE_START, &got, &e), 0);
    ck_assert_int_eq(memcmp(&got, &start, sizeof got), 0);
    ck_assert_int_eq(app_measure_get(a, "c-1", MEASURE_CLOSE, &got, &e), 0);
    ck_assert(measure_empty(&got)); /* none at closing yet */
    ck_assert_int_eq(app_measure_set(a, "c-1", MEASURE_CLOSE, &close, &e), 0);
    ck_assert_int_eq(app_measure_get(a, "c-2", MEASURE_START, &got, &e), WT_ENOTFOUND);
    ck_assert_int_eq(app_measure_set(a, "c-2", MEASURE_CLOSE, &close, &e), WT_ENOTFOUND);
    app_close(a);
    /* A volunteer sees no cases. */
    a = open_as("m-vol");
    ck_assert_int_eq(app_measure_get(a, "c-1", MEASURE_START, &got, &e), WT_EPERM);
    ck_assert_int_eq(app_measure_set(a, "c-1", MEASURE_START, &start, &e), WT_EPERM);
    app_close(a);
    /* Erasing the case erases its measures: a new c-1 starts without any. */
    a = open_as("leider");
    ck_assert_int_eq(app_measure_get(a, "c-1", MEASURE_CLOSE, &got, &e), 0);
    ck_assert_int_eq(memcmp(&got, &close, sizeof got), 0);
    ck_assert_int_eq(app_erase_case(a, "c-1", &e), 0);
    import(a, WT_CASES, "id,opened,area,resident,request\nc-1,2026-11-01,Gem,C,V\n");
    ck_assert_int_eq(app_measure_get(a, "c-1", MEASURE_START, &got, &e), 0);
    ck_assert(measure_empty(&got));
    ck_assert_int_eq(app_measure_get(a, "c-1", MEASURE_CLOSE, &got, &e), 0);
    ck_assert(measure_empty(&got));
    ck_assert_int_eq(app_check(a, NULL, NULL, &e), 0);
    app_close(a);
    free(db);
    tu_rmtree(tmp);
}
END_TEST

static const char *the_pass(void *ctx, const char *m)
{
    (void)ctx, (void)m;
    return "geheim-genoeg";
}

/* On an encrypted database the measure is sealed like case data, also after the keys turn. */
START_TEST(test_sealed)
{
    tmp = tu_tmpdir();
    db = tu_path(tmp, "db");
    setenv("XDG_CONFIG_HOME", tmp, 1);
    struct wt_error e = {0};
    ck_assert_int_eq(app_init_encrypted(db, "T", "leider", "Lea", "geheim-genoeg", &e), 0);
    struct app *a;
    struct app_opts o = {.dir = db, .as_member = "leider", .passphrase = the_pass};
    ck_assert_msg(app_open(&o, &a, &e) == 0, "%s", e.text);
    import(a, WT_MEMBERS, "id,name,role\nm-pro,Piet,professional\n");
    import(a, WT_CASES, "id,opened,area,resident,request\nc-1,2026-10-01,Gem,A,V\n");
    struct measure m, got;
    ck_assert_int_eq(measure_parse("1 2 3 4 5 1", &m), 0);
    ck_assert_int_eq(app_measure_set(a, "c-1", MEASURE_START, &m, &e), 0);
    /* Removing a member turns the data keys: the measure is sealed again, still readable. */
    ck_assert_msg(app_member_remove(a, "m-pro", &e) == 0, "%s", e.text);
    app_close(a);
    ck_assert_msg(app_open(&o, &a, &e) == 0, "%s", e.text);
    ck_assert_int_eq(app_measure_get(a, "c-1", MEASURE_START, &got, &e), 0);
    ck_assert_int_eq(memcmp(&got, &m, sizeof got), 0);
    app_close(a);
    char *path = tu_path(db, "data.mdb");
    char *raw = rn_slurp(path);
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fclose(f);
    ck_assert_ptr_null(memmem(raw, (size_t)n, "1 2 3 4 5 1", 11));
    free(raw);
    free(path);
    free(db);
    tu_rmtree(tmp);
}
END_TEST

int main(void)
{
    const TTest *const tests[] = {test_parse, test_app, test_sealed};
    return at_run("measure", tests, sizeof tests / sizeof *tests);
}
