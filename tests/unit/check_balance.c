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

START_TEST(test_caseload_pure)
{
    /* Five weeks from Monday 2026-11-02. A case opened on Wed 4 Nov and closed on Fri 20 Nov
     * is open at the end of the weeks of 2 and 9 Nov, not of 16 Nov; new in the first. */
    int32_t first = day("2026-11-02");
    struct balance_load l[5] = {{0, 0}};
    balance_load_add(l, 5, first, day("2026-11-04"), day("2026-11-20"));
    ck_assert_uint_eq(l[0].open, 1);
    ck_assert_uint_eq(l[1].open, 1);
    ck_assert_uint_eq(l[2].open, 0);
    ck_assert_uint_eq(l[0].opened, 1);
    /* Opened before the window and still open: every week, new in none. */
    balance_load_add(l, 5, first, day("2026-10-01"), -1);
    ck_assert_uint_eq(l[4].open, 1);
    /* Opened in the last week (Sunday 6 Dec): open and new there only. */
    balance_load_add(l, 5, first, day("2026-12-06"), -1);
    ck_assert_uint_eq(l[4].open, 2);
    ck_assert_uint_eq(l[4].opened, 1);
    ck_assert_uint_eq(l[3].open, 1);
    /* Closed and opened in the same week: new, never open. */
    balance_load_add(l, 5, first, day("2026-11-24"), day("2026-11-26"));
    ck_assert_uint_eq(l[3].open, 1);
    ck_assert_uint_eq(l[3].opened, 1);
    /* Closed before the window: nothing. */
    balance_load_add(l, 5, first, day("2026-09-01"), day("2026-10-01"));
    ck_assert_uint_eq(l[0].open, 2);

    /* The squeeze: open cases 3, 4, 5, 6, 7 (four rises) while community hours go 10, 8, 8,
     * 6, 4 (never up, lower at the end). */
    struct balance_load up[5] = {{3, 0}, {4, 0}, {5, 0}, {6, 0}, {7, 0}};
    int64_t down[5] = {1000, 800, 800, 600, 400};
    ck_assert(balance_squeezed(up, down, 5));
    /* Only the last five weeks count: an earlier week changes nothing. */
    struct balance_load up6[6] = {{9, 0}, {3, 0}, {4, 0}, {5, 0}, {6, 0}, {7, 0}};
    int64_t down6[6] = {0, 1000, 800, 800, 600, 400};
    ck_assert(balance_squeezed(up6, down6, 6));
    /* Four weeks are not enough to see four rises. */
    ck_assert(!balance_squeezed(up + 1, down + 1, 4));
    /* The caseload stood still one week: no warning. */
    up[2].open = 4;
    ck_assert(!balance_squeezed(up, down, 5));
    up[2].open = 5;
    /* Community hours went up one week: no warning. */
    down[2] = 900;
    ck_assert(!balance_squeezed(up, down, 5));
    /* The same hours every week did not fall: no warning. */
    int64_t flat[5] = {800, 800, 800, 800, 800};
    ck_assert(!balance_squeezed(up, flat, 5));
    /* A week without hours breaks the run. */
    int64_t gap[5] = {1000, 800, -1, 600, 400};
    ck_assert(!balance_squeezed(up, gap, 5));
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
    /* On Monday 7 December this week has no hours yet: the three weeks that
     * are done still warn; once this week has hours at target, it does not. */
    ck_assert_int_eq(app_balance_get(a, day("2026-11-16"), day("2026-12-07"), &b, &e), 0);
    ck_assert_ptr_null(app_balance_week(&b.m[1], day("2026-12-07")));
    ck_assert(b.m[1].warn);
    app_balance_fini(&b);
    ck_assert_int_eq(app_balance_record(a, "m-bw", day("2026-12-07"), 1000, 1000, &e), 0);
    ck_assert_int_eq(app_balance_get(a, day("2026-11-16"), day("2026-12-07"), &b, &e), 0);
    ck_assert(!b.m[1].warn);
    app_balance_fini(&b);
    ck_assert_int_eq(app_balance_record(a, "m-bw", day("2026-12-07"), 0, 0, &e), 0);
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

/* Caseload beside the hours on a real database, counted by hand. The weeks (Mondays) are
 * W0 2 Nov, W1 9 Nov, W2 16 Nov, W3 23 Nov, W4 30 Nov; the balance shows W1..W4. Bas's cases:
 *   c-0 opened 20 Oct, open: every week;  c-1 W0;  c-2 W1;  c-3 W2;  c-4 W3;  c-5 W4 (1 Dec);
 *   c-6 opened W0, closed 25 Nov (W3): open at the end of W0, W1, W2;
 *   c-7 opened W3, closed without a date: new in W3, never open;
 *   c-9 opened W3, shielded (Bas's own): the leader sees it, Mia (professional) does not.
 * Open at the end of W0..W4 (leader): 3 (c-0, c-1, c-6), 4 (+c-2), 5 (+c-3), 6 (+c-4, +c-9,
 * -c-6), 7 (+c-5): four rises. New in W1..W4: 1, 1, 3 (c-4, c-7, c-9), 1.
 * Bas's community hours W0..W4: 10, 8, 8, 6, 4: never up, lower at the end: the warning.
 * Mia sees no c-9: 3, 4, 5, 5, 6: no warning for her. */
START_TEST(test_caseload_app)
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
    const char *cases = "id,opened,area,resident,request,owner,status,closed,restricted\n"
                        "c-0,2026-10-20,A,R,V,m-bw,open,,\n"
                        "c-1,2026-11-04,A,R,V,m-bw,open,,\n"
                        "c-2,2026-11-10,A,R,V,m-bw,new,,\n"
                        "c-3,2026-11-17,A,R,V,m-bw,open,,\n"
                        "c-4,2026-11-24,A,R,V,m-bw,open,,\n"
                        "c-5,2026-12-01,A,R,V,m-bw,open,,\n"
                        "c-6,2026-11-05,A,R,V,m-bw,closed,2026-11-25,\n"
                        "c-7,2026-11-25,A,R,V,m-bw,closed,,\n"
                        "c-9,2026-11-26,A,R,V,m-bw,open,,yes\n"
                        "c-x,2026-11-26,A,R,V,m-mw,open,,\n";
    ck_assert_msg(app_import(a, WT_MEMBERS, "m.csv", members, strlen(members), NULL, &e) == 0,
                  "%s", e.text);
    ck_assert_msg(app_import(a, WT_CASES, "c.csv", cases, strlen(cases), NULL, &e) == 0, "%s",
                  e.text);
    const char *weeks[5] = {"2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"};
    const uint32_t community[5] = {1000, 800, 800, 600, 400};
    for (int k = 0; k < 5; k++)
        ck_assert_int_eq(app_balance_record(a, "m-bw", day(weeks[k]), 2000, community[k], &e), 0);
    struct app_balance b;
    ck_assert_int_eq(app_balance_get(a, day("2026-11-09"), day("2026-12-06"), &b, &e), 0);
    ck_assert(!b.caseload); /* only when asked */
    ck_assert_int_eq(app_balance_caseload(a, &b, &e), 0);
    ck_assert(b.caseload);
    ck_assert_str_eq(b.m[1].id, "m-bw");
    const uint32_t open[4] = {4, 5, 6, 7}, opened[4] = {1, 1, 3, 1};
    for (int k = 0; k < 4; k++) {
        ck_assert_uint_eq(b.m[1].load[k].open, open[k]);
        ck_assert_uint_eq(b.m[1].load[k].opened, opened[k]);
    }
    ck_assert(b.m[1].squeeze);
    ck_assert_str_eq(b.m[2].id, "m-mw"); /* c-x, opened W3 */
    ck_assert_uint_eq(b.m[2].load[3].open, 1);
    ck_assert(!b.m[2].squeeze);
    app_balance_fini(&b);
    /* On Monday 7 Dec the week in progress has no hours yet: the warning looks at the five
     * weeks that are done (W0..W4), and still warns. */
    ck_assert_int_eq(app_balance_get(a, day("2026-11-16"), day("2026-12-07"), &b, &e), 0);
    ck_assert_int_eq(app_balance_caseload(a, &b, &e), 0);
    ck_assert_uint_eq(b.m[1].load[3].open, 7); /* the week of 7 Dec: nothing new */
    ck_assert(b.m[1].squeeze);
    app_balance_fini(&b);
    /* Hours in that week that rise again end the run. */
    ck_assert_int_eq(app_balance_record(a, "m-bw", day("2026-12-07"), 2000, 900, &e), 0);
    ck_assert_int_eq(app_balance_get(a, day("2026-11-16"), day("2026-12-07"), &b, &e), 0);
    ck_assert_int_eq(app_balance_caseload(a, &b, &e), 0);
    ck_assert(!b.m[1].squeeze);
    app_balance_fini(&b);
    ck_assert_int_eq(app_balance_record(a, "m-bw", day("2026-12-07"), 0, 0, &e), 0);
    /* The same on the beamer: the app hands no caseload at all. */
    app_set_beamer(a, true);
    ck_assert_int_eq(app_balance_get(a, day("2026-11-09"), day("2026-12-06"), &b, &e), 0);
    ck_assert_int_eq(app_balance_caseload(a, &b, &e), 0);
    ck_assert(!b.caseload);
    for (size_t i = 0; i < b.n; i++) {
        ck_assert_ptr_null(b.m[i].load);
        ck_assert(!b.m[i].squeeze);
    }
    ck_assert_uint_gt(b.m[1].community, 0); /* the hours themselves stay */
    app_balance_fini(&b);
    app_close(a);
    /* Mia does not see Bas's shielded c-9: 5 open at the end of W2 and of W3 (load[1] and
     * load[2]: the shown weeks start with W1), no rise, no warning. */
    a = open_as("m-mw");
    ck_assert_int_eq(app_balance_get(a, day("2026-11-09"), day("2026-12-06"), &b, &e), 0);
    ck_assert_int_eq(app_balance_caseload(a, &b, &e), 0);
    ck_assert(b.caseload);
    ck_assert_str_eq(b.m[1].id, "m-bw");
    ck_assert_uint_eq(b.m[1].load[1].open, 5); /* W2 */
    ck_assert_uint_eq(b.m[1].load[2].open, 5); /* W3 */
    ck_assert_uint_eq(b.m[1].load[2].opened, 2);
    ck_assert(!b.m[1].squeeze);
    app_balance_fini(&b);
    app_close(a);
    /* A volunteer sees no cases: no caseload. */
    a = open_as("m-vol");
    ck_assert_int_eq(app_balance_get(a, day("2026-11-09"), day("2026-12-06"), &b, &e), 0);
    ck_assert_int_eq(app_balance_caseload(a, &b, &e), 0);
    ck_assert(!b.caseload);
    app_balance_fini(&b);
    app_close(a);
    free(db);
    tu_rmtree(tmp);
}
END_TEST

int main(void)
{
    const TTest *const tests[] = {test_pure, test_warning, test_app, test_caseload_pure,
                                  test_caseload_app};
    return at_run("balance", tests, sizeof tests / sizeof *tests);
}
