/* check_projects.c: projects and partners (issue 21) through the real program: CSV and JSON
 * round trips, bad input, dump and restore, bundles, and what a volunteer receives. */
#include <check.h>

#include "testutil.h"

static char *tmp, *db;

static void setup(void)
{
    tu_scratch_begin(&tmp, &db, "db");
}

static void teardown(void)
{
    tu_scratch_end(&tmp, &db);
}

#define RUN(...) TU_RUN(tmp, __VA_ARGS__)

static const char *const PROJECTS =
    "id,name,area,phase,themes,members,residents,signals,cases,funding,amount,next,next_date,"
    "started,stepped_back,description\n"
    "p-1,\"Huiswerkklas, Elst\",Overbetuwe/Elst,opstart,huiswerk;opvoeding,m-pro;m-vol,t-1,s-1,"
    "c-1;c-r,Wijkbudget,250.50,Bel de school,2026-11-20,2026-10-01,,\"Ouders en \"\"school\"\"\n"
    "samen 🙂\"\n"
    "p-2,Moestuin,Veenwaard,zelfstandig,tuin,,,,,,75,,,2026-01-05,2026-09-01,\n";

static const char *const PARTNERS =
    "id,name,role,area,organisation,contact,last_contact,notes\n"
    "pa-1,Juf Anja,school,Overbetuwe/Elst,De Regenboog,anja@example.org,2026-08-01,\n"
    "pa-2,Wijkagent Bas,wijkagent,Veenwaard,Politie,\"06-1234, alleen overdag\",2026-11-02,"
    "\"twee\nregels\"\n";

/* A team in dbdir with everything a project points at, then the projects
 * and partners. */
static void make_team(const char *dbdir)
{
    tu_ok(RUN("--db", (char *)dbdir, "init", "--team", "Overbetuwe"));
    tu_import(tmp, dbdir, NULL, "members",
              "id,name,role,area\nm-pro,Piet Prof,professional,\n"
              "m-vol,Vera Vrijwillig,volunteer,Overbetuwe/Elst\n");
    tu_import(tmp, dbdir, NULL, "talents",
              "id,name,area,offers,consent\nt-1,Henk Bakker,Overbetuwe/Elst,huiswerk,2026-01-01\n");
    tu_import(tmp, dbdir, NULL, "cases",
              "id,opened,area,resident,request,owner,restricted\n"
              "c-1,2026-11-02,Overbetuwe/Elst,Ans Open,Huiswerk,m-pro,no\n"
              "c-r,2026-11-02,Overbetuwe/Elst,Rob Shielded,Schulden,m-pro,yes\n");
    tu_import(tmp, dbdir, NULL, "signals",
              "id,date,area,text,themes\n"
              "s-1,2026-11-20,Overbetuwe/Elst,Kinderen zonder hulp bij huiswerk,huiswerk\n");
    tu_import(tmp, dbdir, NULL, "projects", PROJECTS);
    tu_import(tmp, dbdir, NULL, "partners", PARTNERS);
}

static char *export(const char *dbdir, const char *as, const char *kind, const char *format)
{
    struct run r = as ? RUN("--db", (char *)dbdir, "--as", (char *)as, "export", (char *)kind,
                            "--format", (char *)format)
                      : RUN("--db", (char *)dbdir, "export", (char *)kind, "--format",
                            (char *)format);
    ck_assert_msg(r.code == 0, "export %s: %s", kind, r.err);
    char *out = r.out;
    r.out = NULL;
    rn_free(&r);
    return out;
}

START_TEST(test_csv_round_trip)
{
    make_team(db);
    char *p = export(db, NULL, "projects", "csv"), *n = export(db, NULL, "partners", "csv");
    ck_assert_str_eq(p, PROJECTS);
    ck_assert_str_eq(n, PARTNERS);
    /* Importing the export again changes nothing. */
    tu_import(tmp, db, NULL, "projects", p);
    char *again = export(db, NULL, "projects", "csv");
    ck_assert_str_eq(again, PROJECTS);
    tu_ok(RUN("--db", db, "check"));
    free(p);
    free(n);
    free(again);
}
END_TEST

START_TEST(test_json_round_trip)
{
    make_team(db);
    char *db2 = tu_path(tmp, "db2");
    make_team(db2);
    /* Empty db2's projects and partners by changing them, then JSON puts them back. */
    tu_import(tmp, db2, NULL, "projects",
              "id,name,area,phase\np-1,Anders,Elst,gestopt\np-2,Anders,Elst,idee\n");
    tu_import(tmp, db2, NULL, "partners", "id,name,role,area\npa-1,X,kerk,Elst\npa-2,Y,kerk,Elst\n");
    const char *kinds[] = {"projects", "partners"};
    for (int k = 0; k < 2; k++) {
        char *j = export(db, NULL, kinds[k], "json");
        char name[32];
        snprintf(name, sizeof name, "%s.json", kinds[k]);
        char *f = tu_write(tmp, name, j, strlen(j));
        tu_ok(RUN("--db", db2, "import", (char *)kinds[k], f));
        if (k == 0) { /* lists are arrays, the amount a number */
            ck_assert_ptr_nonnull(strstr(j, "\"members\": [\n      \"m-pro\",\n      \"m-vol\""));
            ck_assert_ptr_nonnull(strstr(j, "\"amount\": 250.5"));
            ck_assert_ptr_nonnull(strstr(j, "\"amount\": 75,"));
        }
        free(f);
        free(j);
    }
    char *p = export(db2, NULL, "projects", "csv"), *n = export(db2, NULL, "partners", "csv");
    /* JSON writes 250.50 as the number 250.5. */
    char *want = strdup(PROJECTS);
    char *at = strstr(want, "250.50");
    memmove(at + 5, at + 6, strlen(at + 6) + 1);
    ck_assert_str_eq(p, want);
    ck_assert_str_eq(n, PARTNERS);
    free(want);
    free(p);
    free(n);
    free(db2);
}
END_TEST

static void refused(const char *kind, const char *csv, const char *msg)
{
    char *f = tu_write(tmp, "bad.csv", csv, strlen(csv));
    char *before = export(db, NULL, kind, "csv");
    struct run r = RUN("--db", db, "import", (char *)kind, f);
    ck_assert_int_eq(r.code, 65);
    ck_assert_msg(strstr(r.err, msg) != NULL, "want '%s' in '%s'", msg, r.err);
    ck_assert_int_eq(rn_lines(r.err), 1);
    char *after = export(db, NULL, kind, "csv");
    ck_assert_str_eq(before, after); /* nothing of the file is stored */
    rn_free(&r);
    free(before);
    free(after);
    free(f);
}

START_TEST(test_bad_input)
{
    make_team(db);
    refused("projects", "id,name,area,phase\np-9,X,Elst,idee\np-8,Y,Elst,bezig\n",
            "bad.csv:3: phase: onbekende waarde (kies uit idee, opstart, loopt, overdragen, "
            "zelfstandig, gestopt): 'bezig'");
    refused("projects", "id,name,area\np-9,X,Elst\n", "bad.csv:1: phase: verplichte kolom ontbreekt");
    refused("projects", "id,name,area,phase,members\np-9,X,Elst,idee,m-pro;m-niemand\n",
            "bad.csv:2: members: er is geen lid 'm-niemand'");
    refused("projects", "id,name,area,phase,residents\np-9,X,Elst,idee,m-pro\n",
            "bad.csv:2: residents: er is geen talent 'm-pro'");
    refused("projects", "id,name,area,phase,signals\np-9,X,Elst,idee,s 1\n",
            "bad.csv:2: signals: geen geldige id");
    refused("projects", "id,name,area,phase,amount\np-9,X,Elst,idee,\"12,50\"\n",
            "bad.csv:2: amount: geen geldig bedrag in euro's");
    refused("projects", "id,name,area,phase,next_date\np-9,X,Elst,idee,2026-02-30\n",
            "bad.csv:2: next_date: geen bestaande datum");
    refused("partners", "id,name,role,area\npa-9,X,dominee,Elst\n",
            "bad.csv:2: role: onbekende waarde (kies uit gebiedsregisseur, wijkagent, "
            "woningcorporatie, huisarts, fysiotherapeut, kerk, moskee, school, bibliotheek, "
            "welzijn, gemeente, anders): 'dominee'");
    refused("partners", "id,name,role\npa-9,X,kerk\n", "bad.csv:1: area: verplichte kolom ontbreekt");
}
END_TEST

START_TEST(test_volunteer_sees_own_area)
{
    make_team(db);
    char *n = export(db, "m-vol", "partners", "csv");
    ck_assert_ptr_nonnull(strstr(n, "pa-1,Juf Anja"));
    ck_assert_ptr_null(strstr(n, "pa-2"));
    char *p = export(db, "m-vol", "projects", "csv");
    ck_assert_ptr_null(strstr(p, "p-2,"));
    /* A volunteer sees the project, not which cases it links. */
    ck_assert_ptr_nonnull(strstr(p, ",t-1,s-1,,Wijkbudget,"));
    char *pro = export(db, "m-pro", "projects", "csv");
    ck_assert_ptr_nonnull(strstr(pro, ",t-1,s-1,c-1;c-r,Wijkbudget,"));
    /* A proposal goes to review: not stored yet. */
    tu_import(tmp, db, "m-vol", "partners",
              "id,name,role,area\npa-9,Bieb Elst,bibliotheek,Overbetuwe/Elst\n");
    char *lead = export(db, NULL, "partners", "csv");
    ck_assert_ptr_null(strstr(lead, "pa-9"));
    ck_assert_int_eq(rn_lines(lead), 4); /* the header, two partners, a line break */
    free(n);
    free(p);
    free(pro);
    free(lead);
}
END_TEST

/* A professional who may not see shielded case c-r of m-pro: a change of the
 * project keeps the link they were not shown. */
START_TEST(test_hidden_case_link_kept)
{
    make_team(db);
    tu_import(tmp, db, NULL, "members", "id,name,role\nm-ander,Anna Ander,professional\n");
    char *p = export(db, "m-ander", "projects", "csv");
    ck_assert_ptr_nonnull(strstr(p, ",s-1,c-1,Wijkbudget,"));
    char *at = strstr(p, "opstart");
    memcpy(at, "loopt", 5);
    memmove(at + 5, at + 7, strlen(at + 7) + 1);
    tu_import(tmp, db, "m-ander", "projects", p);
    char *lead = export(db, NULL, "projects", "csv");
    ck_assert_ptr_nonnull(strstr(lead, "Overbetuwe/Elst,loopt,"));
    ck_assert_ptr_nonnull(strstr(lead, ",s-1,c-1;c-r,Wijkbudget,"));
    free(p);
    free(lead);
}
END_TEST

START_TEST(test_dump_restore)
{
    make_team(db);
    char *d = tu_path(tmp, "d1"), *db2 = tu_path(tmp, "db2");
    tu_ok(RUN("--db", db, "dump", d));
    char *f = tu_path(d, "projects.csv");
    char *text = rn_slurp(f);
    ck_assert_str_eq(text, PROJECTS);
    free(text);
    free(f);
    tu_ok(RUN("--db", db2, "restore", d));
    char *p = export(db2, NULL, "projects", "csv"), *n = export(db2, NULL, "partners", "csv");
    ck_assert_str_eq(p, PROJECTS);
    ck_assert_str_eq(n, PARTNERS);
    tu_ok(RUN("--db", db2, "check"));
    free(p);
    free(n);
    free(d);
    free(db2);
}
END_TEST

START_TEST(test_bundles)
{
    setenv("WIJKTAFEL_PASSPHRASE", "een lange wachtwoordzin voor de test", 1);
    make_team(db);
    char *b0 = tu_path(tmp, "a0.wtb"), *b1 = tu_path(tmp, "a1.wtb"), *db2 = tu_path(tmp, "db2");
    tu_ok(RUN("--db", db, "bundle", "export", "--for", "leider", b0));
    tu_ok(RUN("--db", db2, "init", "--from", b0));
    char *p = export(db2, NULL, "projects", "csv"), *n = export(db2, NULL, "partners", "csv");
    ck_assert_str_eq(p, PROJECTS);
    ck_assert_str_eq(n, PARTNERS);
    /* A later contact travels too. */
    tu_import(tmp, db, NULL, "partners",
              "id,name,role,area,last_contact\npa-1,Juf Anja,school,Overbetuwe/Elst,2026-11-27\n");
    tu_ok(RUN("--db", db, "bundle", "export", "--for", "leider", b1));
    tu_ok(RUN("--db", db2, "bundle", "import", b1));
    char *n2 = export(db2, NULL, "partners", "csv");
    ck_assert_ptr_nonnull(strstr(n2, "pa-1,Juf Anja,school,Overbetuwe/Elst,,,2026-11-27,\n"));
    tu_ok(RUN("--db", db2, "check"));
    unsetenv("WIJKTAFEL_PASSPHRASE");
    free(p);
    free(n);
    free(n2);
    free(b0);
    free(b1);
    free(db2);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("projects");
    TCase *tc = tcase_create("kinds");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_csv_round_trip);
    tcase_add_test(tc, test_json_round_trip);
    tcase_add_test(tc, test_bad_input);
    tcase_add_test(tc, test_volunteer_sees_own_area);
    tcase_add_test(tc, test_hidden_case_link_kept);
    tcase_add_test(tc, test_dump_restore);
    tcase_add_test(tc, test_bundles);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
