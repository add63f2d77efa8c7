/* check_report_network.c: the report's projects and partners (issue 21) through the real
 * program on a real database, against counts made by hand. */
#include <check.h>

#include "testutil.h"

static char *tmp, *db;

#define RUN(...) TU_RUN(tmp, "--db", db, __VA_ARGS__)

/* The period is October 2026. By hand:
 *   signals naming a partner (source = the partner's id) in October:
 *     pa-school: s-1 (case c-1), s-2 (none) = 2, referrals 1 (50.0 %);
 *     pa-agent:  s-3 (case c-r, shielded, owner leider) = 1, referrals 1 (100.0 %);
 *     pa-kerk:   none. Not counted: s-4 (September), s-5 (free text `wijkagent`, not an id),
 *     s-6 (`PA-SCHOOL`: ids are exact), s-7 (November).
 *   projects: started p-1 (10-05), p-3 (10-10) = 2; handed over p-4 (10-12, overdragen),
 *     p-2 (10-15, zelfstandig) = 2; stopped p-3 (10-28) = 1. Not counted: p-5 (started in
 *     November), p-6 (stepped back in October but still `loopt`), p-7 (started 09-30). */
static void setup(void)
{
    tu_scratch_begin(&tmp, &db, "db");
    tu_ok(RUN("init", "--team", "Overbetuwe"));
    tu_import(tmp, db, NULL, "members", "id,name,role\nm-pro,Piet,professional\n");
    tu_import(tmp, db, NULL, "cases",
              "id,opened,area,resident,request,owner,restricted\n"
              "c-1,2026-10-02,Overbetuwe/Elst,Ans Open,Huiswerk,m-pro,no\n"
              "c-r,2026-10-20,Overbetuwe/Elst,Rob Shielded,Zorgen,leider,yes\n");
    tu_import(tmp, db, NULL, "partners",
              "id,name,role,area,last_contact\n"
              "pa-school,Juf Anja,school,Overbetuwe/Elst,2026-10-01\n"
              "pa-agent,Wijkagent Bas,wijkagent,Overbetuwe/Elst,2026-10-01\n"
              "pa-kerk,Dominee Kees,kerk,Overbetuwe/Elst,\n");
    tu_import(tmp, db, NULL, "signals",
              "id,date,area,text,source,case,themes\n"
              "s-1,2026-10-02,Overbetuwe/Elst,Kind zonder hulp,pa-school,c-1,huiswerk\n"
              "s-2,2026-10-09,Overbetuwe/Elst,Meer kinderen,pa-school,,huiswerk\n"
              "s-3,2026-10-20,Overbetuwe/Elst,Zorgen om een man,pa-agent,c-r,veiligheid\n"
              "s-4,2026-09-20,Overbetuwe/Elst,Vroeger,pa-school,c-1,huiswerk\n"
              "s-5,2026-10-21,Overbetuwe/Elst,Overlast,wijkagent,,overlast\n"
              "s-6,2026-10-22,Overbetuwe/Elst,Hoofdletters,PA-SCHOOL,,huiswerk\n"
              "s-7,2026-11-01,Overbetuwe/Elst,Later,pa-agent,c-1,overlast\n");
    tu_import(tmp, db, NULL, "projects",
              "id,name,area,phase,signals,started,stepped_back\n"
              "p-1,Huiswerkklas,Overbetuwe/Elst,loopt,s-1;s-2,2026-10-05,\n"
              "p-2,Moestuin,Overbetuwe/Elst,zelfstandig,s-4,2026-03-01,2026-10-15\n"
              "p-3,Buurtbus,Overbetuwe/Elst,gestopt,,2026-10-10,2026-10-28\n"
              "p-4,Straatfeest,Overbetuwe/Elst,overdragen,s-3;s-5,2026-06-01,2026-10-12\n"
              "p-5,Repaircafe,Overbetuwe/Elst,idee,,2026-11-02,\n"
              "p-6,Koor,Overbetuwe/Elst,loopt,s-6,2026-01-01,2026-10-20\n"
              "p-7,Wandelclub,Overbetuwe/Elst,opstart,,2026-09-30,\n");
}

static void teardown(void)
{
    tu_scratch_end(&tmp, &db);
}

static const char leader_rows[] = "\nprojects,,started,2,\n"
                                  "projects,,handed-over,2,\n"
                                  "projects,,stopped,1,\n"
                                  "projects,p-1,started,2,\n"
                                  "projects,p-3,started,0,\n"
                                  "projects,p-4,handed-over,2,\n"
                                  "projects,p-2,handed-over,1,\n"
                                  "projects,p-3,stopped,0,\n"
                                  "partners,pa-school,signals,2,\n"
                                  "partners,pa-school,referrals,1,50.0\n"
                                  "partners,pa-agent,signals,1,\n"
                                  "partners,pa-agent,referrals,1,100.0\n"
                                  "partners,pa-kerk,signals,0,\n"
                                  "partners,pa-kerk,referrals,0,\n";

START_TEST(test_csv_leader)
{
    struct run r = RUN("report", "--from", "2026-10-01", "--to", "2026-10-31", "--format", "csv");
    ck_assert_msg(r.code == 0, "%s", r.err);
    const char *at = strstr(r.out, leader_rows);
    ck_assert_msg(at, "missing in:\n%s", r.out);
    ck_assert_str_eq(at, leader_rows); /* the last rows: nothing more, nothing in between */
    ck_assert_ptr_null(strstr(r.out, "p-5"));
    ck_assert_ptr_null(strstr(r.out, "p-6"));
    ck_assert_ptr_null(strstr(r.out, "p-7"));
    rn_free(&r);
}
END_TEST

START_TEST(test_csv_professional)
{
    /* m-pro may not see the shielded c-r: it is not among the requests (1, c-1 only), but
     * s-3 still shows m-pro that it is linked to a shielded case, so the referral counts,
     * without naming the case (by hand: pa-agent 1 signal, 1 referral). */
    struct run r = RUN("--as", "m-pro", "report", "--from", "2026-10-01", "--to", "2026-10-31",
                       "--format", "csv");
    ck_assert_msg(r.code == 0, "%s", r.err);
    ck_assert_msg(strstr(r.out, "\npartners,pa-school,signals,2,\n"
                                "partners,pa-school,referrals,1,50.0\n"
                                "partners,pa-agent,signals,1,\n"
                                "partners,pa-agent,referrals,1,100.0\n"),
                  "%s", r.out);
    ck_assert_ptr_nonnull(strstr(r.out, "\nrequests,,,1,\n"));
    ck_assert_ptr_null(strstr(r.out, "c-r"));
    ck_assert_ptr_nonnull(strstr(r.out, "\nprojects,,started,2,\n"));
    rn_free(&r);
}
END_TEST

START_TEST(test_md)
{
    struct run r = RUN("report", "--from", "2026-10-01", "--to", "2026-10-31");
    ck_assert_msg(r.code == 0, "%s", r.err);
    const char *want[] = {
        "## Projecten: begonnen, overgedragen en gestopt\n\n"
        "Begonnen: 2. Overgedragen (fase overdragen of zelfstandig): 2. Gestopt: 1.\n",
        "| 5-10-2026 | begonnen | Huiswerkklas (p-1) | Overbetuwe/Elst | loopt | s-1, s-2 | 2 |\n"
        "| 10-10-2026 | begonnen | Buurtbus (p-3) | Overbetuwe/Elst | gestopt | - | 0 |\n"
        "| 12-10-2026 | overgedragen | Straatfeest (p-4) | Overbetuwe/Elst | overdragen | "
        "s-3, s-5 | 2 |\n"
        "| 15-10-2026 | overgedragen | Moestuin (p-2) | Overbetuwe/Elst | zelfstandig | s-4 | 1 |\n"
        "| 28-10-2026 | gestopt | Buurtbus (p-3) | Overbetuwe/Elst | gestopt | - | 0 |\n\n",
        "| Juf Anja (pa-school) | school | 2 | 1 |\n"
        "| Wijkagent Bas (pa-agent) | wijkagent | 1 | 1 |\n"
        "| Dominee Kees (pa-kerk) | kerk | 0 | 0 |\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        ck_assert_msg(strstr(r.out, want[i]), "missing %s in:\n%s", want[i], r.out);
    ck_assert_ptr_null(strstr(r.out, "Repaircafe"));
    rn_free(&r);
    r = RUN("--lang", "en", "report", "--from", "2026-10-01", "--to", "2026-10-31");
    ck_assert_int_eq(r.code, 0);
    ck_assert_msg(strstr(r.out, "Started: 2. Handed over (phase handing over or on its own): 2. "
                                "Stopped: 1.\n"),
                  "%s", r.out);
    ck_assert_msg(strstr(r.out, "| 15 Oct 2026 | handed over | Moestuin (p-2) | Overbetuwe/Elst | "
                                "on its own |"),
                  "%s", r.out);
    rn_free(&r);
    /* A period without projects says so, and still lists the partners (nothing counted). */
    r = RUN("report", "--from", "2025-01-01", "--to", "2025-01-31");
    ck_assert_int_eq(r.code, 0);
    ck_assert_msg(strstr(r.out, "Begonnen: 0. Overgedragen (fase overdragen of zelfstandig): 0. "
                                "Gestopt: 0.\n\n## Partners"),
                  "%s", r.out);
    ck_assert_ptr_nonnull(strstr(r.out, "| Juf Anja (pa-school) | school | 0 | 0 |\n"));
    rn_free(&r);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_csv_leader, test_csv_professional, test_md};
    const struct tu_suite s = {.name = "report_network", .timeout = 60, .setup = setup,
                               .teardown = teardown};
    return tu_run(&s, tests, sizeof tests / sizeof *tests);
}
