/* check_balance.c: the time balance: shares, the three-weeks warning, hours, and who may record what. */
#include <check.h>

#include "apptest.h"
#include "testutil.h"
#include "wijktafel/app.h"
#include "wijktafel/balance.h"
#include "wijktafel/date.h"

static int32_t day(const char *s)
{
    int32_t d;
    ck_assert_int_eq(date_parse(s, &d), 0);
    return d;
}

START_TEST(test_pure)
{
    /* 2026-11-30 is a Monday. */
    ck_assert_int_eq(balance_monday(day("2026-11-30")), day("2026-11-30"));
    ck_assert_int_eq(balance_monday(day("2026-12-03")), day("2026-11-30"));
    ck_assert_int_eq(balance_monday(day("2026-11-29")), day("2026-11-23"));
    ck_assert_uint_eq(balance_share_permille(600, 400), 400);  /* 4 of 10 hours */
    ck_assert_uint_eq(balance_share_permille(200, 100), 333);  /* 1 of 3 */
    ck_assert_uint_eq(balance_share_permille(0, 0), 0);
    ck_assert_int_eq(balance_default_target("buurtwerker"), 50);
    ck_assert_int_eq(balance_default_target("maatschappelijk werker"), 0);
    ck_assert_int_eq(balance_default_target(NULL), 0);
    uint32_t h;
    ck_assert_int_eq(balance_parse_hours("12", &h), 0);
    ck_assert_uint_eq(h, 1200);
    ck_assert_int_eq(balance_parse_hours("12.5", &h), 0);
    ck_assert_uint_eq(h, 1250);
    ck_assert_int_eq(balance_parse_hours("0,25", &h), 0);
    ck_assert_uint_eq(h, 25);
    const char *bad[] = {"", "1.234", "169", "abc", ".5", "5.", "-1", "1.2.3", "1000"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        ck_assert_msg(balance_parse_hours(bad[i], &h) != 0, "%s", bad[i]);
    char s[16];
    balance_format_hours(1200, s);
    ck_assert_str_eq(s, "12");
    balance_format_hours(1250, s);
    ck_assert_str_eq(s, "12.5");
    balance_format_hours(1225, s);
    ck_assert_str_eq(s, "12.25");
}
END_TEST

START_TEST(test_warning)
{
    int32_t w1 = day("2026-11-16"), w2 = day("2026-11-23"), w3 = day("2026-11-30");
    /* Shares by hand: 10/30 = 33 %, 12/32 = 37.5 %, 0/20 = 0 %: all under 50. */
    struct balance_week weeks[] = {
        {w3, 2000, 0}, {w1, 2000, 1000}, {w2, 2000, 1200}, {day("2026-11-09"), 100, 900}};
    ck_assert(balance_under_target(weeks, 4, w3, 50));
    ck_assert(!balance_under_target(weeks, 4, w3, 30)); /* 33 % and 37.5 % reach 30 % */
    ck_assert(!balance_under_target(weeks, 4, w3, 0));  /* no target, no warning */
    /* Ending a week earlier takes in 2026-11-09 (90 %): no run of three. */
    ck_assert(!balance_under_target(weeks, 4, w2, 50));
    /* Exactly on target is not under it: 15/30 = 50 %. */
    weeks[1].community = 2000;
    ck_assert(!balance_under_target(weeks, 4, w3, 50));
    /* A week without hours breaks the run. */
    ck_assert(!balance_under_target(weeks, 3, day("2026-12-07"), 50));
}
END_TEST

static char *tmp, *db;

static struct app *open_as(const char *member)
{
    return at_open(db, member, false);
}

START_TEST(test_app)
{
    tmp = tu_tmpdir();
    db = tu_path(tmp, "db");
    setenv("XDG_CONFIG_HOME", tmp, 1);
    struct wt_error e = {0};
    ck_assert_int_eq(app_init(db, "T", "leider", "Lea", &e), 0);
    struct app *a = open_as("leider");
    const char *members = "id,name,role,discipline\n"
                          "m-bw,Bas,professional,buurtwerker\n"
                          "m-mw,Mia,professional,maatschappelijk werker\n"
                          "m-vol,Vera,volunteer,\n";
    ck_assert_msg(app_import(a, WT_MEMBERS, "m.csv", members, strlen(members), NULL, &e) == 0,
                  "%s", e.text);
    /* Bas under 50 % three weeks running: 4/20, 5/20, 6/20 community/casework hours. */
    ck_assert_int_eq(app_balance_record(a, "m-bw", day("2026-11-18"), 2000, 400, &e), 0);
    ck_assert_int_eq(app_balance_record(a, "m-bw", day("2026-11-23"), 2000, 500, &e), 0);
    ck_assert_int_eq(app_balance_record(a, "m-bw", day("2026-12-05"), 2000, 600, &e), 0);
    ck_assert_int_eq(app_balance_record(a, "m-mw", day("2026-11-30"), 1000, 100, &e), 0);
    ck_assert_int_eq(app_balance_record(a, "nobody", day("2026-11-30"), 1, 1, &e), WT_ENOTFOUND);
    ck_assert_int_eq(app_balance_set_target(a, "m-mw", 101, &e), WT_EINVAL);
    struct app_balance b;
    ck_assert_int_eq(app_balance_get(a, day("2026-11-16"), day("2026-12-06"), &b, &e), 0);
    /* Leader, Bas and Mia; not the volunteer. */
    ck_assert_uint_eq(b.n, 3);
    ck_assert_str_eq(b.m[0].id, "leider");
    ck_assert_str_eq(b.m[1].id, "m-bw");
    ck_assert_int_eq(b.m[1].target, 50);
    ck_assert_uint_eq(b.m[1].n, 3);
    ck_assert_uint_eq(b.m[1].casework, 6000);
    ck_assert_uint_eq(b.m[1].community, 1500);
    ck_assert(b.m[1].warn);
    ck_assert_ptr_nonnull(app_balance_week(&b.m[1], day("2026-11-16"))); /* 18 Nov's Monday */
    ck_assert_str_eq(b.m[2].id, "m-mw");
    ck_assert_int_eq(b.m[2].target, 0); /* not a buurtwerker: no target, no warning */
    ck_assert(!b.m[2].warn);
    app_balance_fini(&b);
    /* A target of 10 % for Bas: 20 %, 25 %, 30 % reach it. */
    ck_assert_int_eq(app_balance_set_target(a, "m-bw", 10, &e), 0);
    ck_assert_int_eq(app_balance_get(a, day("2026-11-16"), day("2026-12-06"), &b, &e), 0);
    ck_assert_int_eq(b.m[1].target, 10);
    ck_assert(!b.m[1].warn);
    app_balance_fini(&b);
    app_close(a);
    /* A professional records their own hours only, and sets no targets. */
    a = open_as("m-mw");
    ck_assert_int_eq(app_balance_record(a, "m-mw", day("2026-11-23"), 100, 100, &e), 0);
    ck_assert_int_eq(app_balance_record(a, "m-bw", day("2026-11-23"), 100, 100, &e), WT_EPERM);
    ck_assert_int_eq(app_balance_set_target(a, "m-mw", 20, &e), WT_EPERM);
    app_close(a);
    /* A volunteer sees only their own row. */
    a = open_as("m-vol");
    ck_assert_int_eq(app_balance_record(a, "m-vol", day("2026-11-23"), 0, 300, &e), 0);
    ck_assert_int_eq(app_balance_get(a, day("2026-11-16"), day("2026-12-06"), &b, &e), 0);
    ck_assert_uint_eq(b.n, 1);
    ck_assert_str_eq(b.m[0].id, "m-vol");
    ck_assert_uint_eq(b.m[0].community, 300);
    app_balance_fini(&b);
    app_close(a);
    /* Clearing a week: both 0. */
    a = open_as("leider");
    ck_assert_int_eq(app_balance_record(a, "m-bw", day("2026-11-18"), 0, 0, &e), 0);
    ck_assert_int_eq(app_balance_get(a, day("2026-11-16"), day("2026-12-06"), &b, &e), 0);
    ck_assert_uint_eq(b.m[1].n, 2);
    ck_assert(!b.m[1].warn);
    app_balance_fini(&b);
    /* The database stays sound. */
    ck_assert_int_eq(app_check(a, NULL, NULL, &e), 0);
    app_close(a);
    free(db);
    tu_rmtree(tmp);
}
END_TEST

int main(void)
{
    const TTest *const tests[] = {test_pure, test_warning, test_app};
    return at_run("balance", tests, sizeof tests / sizeof *tests);
}
