/* check_hsds.c: the social map as Open Referral HSDS 3.0 through the real program: our
 * export imported into a fresh database, the standard's own examples, and bad packages. */
#include <check.h>
#include <sys/stat.h>

#include "testutil.h"
#include "wijktafel/xalloc.h"

static char *tmp, *db;

static void setup(void)
{
    tmp = tu_tmpdir();
    db = tu_path(tmp, "db");
    setenv("XDG_CACHE_HOME", tmp, 1);
    setenv("XDG_CONFIG_HOME", tmp, 1);
    setenv("XDG_DATA_HOME", tmp, 1);
    setenv("WIJKTAFEL_TODAY", "2026-11-30", 1);
    unsetenv("WIJKTAFEL_DB");
    unsetenv("WIJKTAFEL_PASSPHRASE");
}

static void teardown(void)
{
    free(db);
    tu_rmtree(tmp);
}

#define RUN(...) TU_RUN(tmp, __VA_ARGS__)

static void ok(struct run r)
{
    ck_assert_msg(r.code == 0, "exit %d: %s", r.code, r.err);
    rn_free(&r);
}

/* Every column HSDS carries, with quotes, commas, line breaks, Unicode, every
 * capacity and status, ages open on either side, and an id that is a UUID's. */
static const char map_csv[] =
    "id,name,kind,area,needs,interests,ages,access,schedule,contact,description,checked,"
    "capacity,reach\n"
    "r-eet,\"Eetcafé \"\"De Molen\"\"\",activity,Ĳsselmonde/Noord,eenzaamheid;voeding,eten;koken,"
    "65-,rolstoel;vervoer,\"do 17:30, wekelijks\",a@b.example,\"Lekker eten 🍲\nmet z'n allen\","
    "2026-01-02,full,buurt\n"
    "r-zero,Buurtbus,buddy,Ĳsselmonde,vervoer,,-12,,ma en do 15:30,\"Piet, 06-1234\",,,0,kern\n"
    "r-four,Taalcafé,initiative,Ĳsselmonde/Zuid,taal,lezen,18-80,,op afspraak,"
    "https://taal.example,,,4,regio\n"
    "r-paused,Klusbus,organisation,Ĳsselmonde,klussen,,,,\"raar ding, geen dag\",,,,paused,\n"
    "ac148810d857441c9679408f346de14b,Counselling,formal,Ĳsselmonde,gezondheid,,,,,,,,open,"
    "online\n";

static char *export_csv(const char *dir)
{
    struct run r = RUN("--db", (char *)dir, "export", "resources");
    ck_assert_msg(r.code == 0, "%s", r.err);
    char *out = r.out;
    r.out = NULL;
    rn_free(&r);
    return out;
}

START_TEST(test_hsds_round_trip)
{
    ok(RUN("--db", db, "init"));
    char *in = tu_write(tmp, "map.csv", map_csv, strlen(map_csv));
    ok(RUN("--db", db, "import", "resources", in));
    char *pkg = tu_path(tmp, "pkg");
    ok(RUN("--db", db, "export", "resources", "--format", "hsds", pkg));
    /* The package has the tables of HSDS 3.0, by their names. */
    const char *const files[] = {"organizations.csv", "services.csv", "locations.csv",
                                 "service_at_location.csv", "schedules.csv",
                                 "taxonomy_terms.csv", "attributes.csv", "service_areas.csv",
                                 "datapackage.json"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char *p = tu_path(pkg, files[i]);
        struct stat st;
        ck_assert_msg(stat(p, &st) == 0 && st.st_size > 0, "%s", files[i]);
        free(p);
    }
    char *services = tu_path(pkg, "services.csv");
    char *text = rn_slurp(services);
    ck_assert_ptr_nonnull(strstr(text, "id,organization_id,program_id,name,"));
    ck_assert_ptr_nonnull(strstr(text, "ac148810-d857-441c-9679-408f346de14b,wijktafel-team,"));
    ck_assert_ptr_nonnull(strstr(text, ",temporarily closed,"));
    ck_assert_ptr_nonnull(strstr(text, ",inactive,"));
    free(text);
    free(services);

    /* Into a fresh database: the same social map, column for column. */
    char *db2 = tu_path(tmp, "db2");
    ok(RUN("--db", db2, "init"));
    struct run r = RUN("--db", db2, "import", "resources", pkg);
    ck_assert_msg(r.code == 0, "%s", r.err);
    ck_assert_ptr_nonnull(strstr(r.err, "5 kaartitems ingelezen, 5 nieuw of gewijzigd"));
    rn_free(&r);
    char *a = export_csv(db), *b = export_csv(db2);
    ck_assert_ptr_nonnull(strstr(a, "Eetcafé")); /* not two empty exports */
    ck_assert_str_eq(a, b);
    /* Again: nothing changes, and nothing is written. */
    r = RUN("--db", db2, "import", "resources", pkg);
    ck_assert_msg(r.code == 0, "%s", r.err);
    ck_assert_ptr_nonnull(strstr(r.err, "5 kaartitems ingelezen, 0 nieuw of gewijzigd"));
    rn_free(&r);
    char *c = export_csv(db2);
    ck_assert_str_eq(a, c);
    /* A second export of the imported map is the same package. */
    char *pkg2 = tu_path(tmp, "pkg2");
    ok(RUN("--db", db2, "export", "resources", "--format", "hsds", pkg2));
    for (size_t i = 0; i + 1 < sizeof files / sizeof files[0]; i++) {
        char *p1 = tu_path(pkg, files[i]), *p2 = tu_path(pkg2, files[i]);
        char *t1 = rn_slurp(p1), *t2 = rn_slurp(p2);
        if (strcmp(files[i], "organizations.csv") != 0) /* the team's name differs */
            ck_assert_msg(strcmp(t1, t2) == 0, "%s differs", files[i]);
        free(t1);
        free(t2);
        free(p1);
        free(p2);
    }
    /* Never over a package that is there. */
    r = RUN("--db", db2, "export", "resources", "--format", "hsds", pkg2);
    ck_assert_int_eq(r.code, 74);
    rn_free(&r);
    free(a);
    free(b);
    free(c);
    free(pkg2);
    free(db2);
    free(pkg);
    free(in);
}
END_TEST

static char *spec_dir(const char *name)
{
    const char *d = getenv("HSDS_SPEC");
    ck_assert_ptr_nonnull(d);
    return tu_path(d, name);
}

START_TEST(test_hsds_spec_examples)
{
    ok(RUN("--db", db, "init"));
    char *dir = spec_dir("");
    struct run r = RUN("--db", db, "import", "resources", dir);
    ck_assert_msg(r.code == 0, "%s", r.err);
    /* The examples' links to services they do not hold are skipped, and said. */
    ck_assert_ptr_nonnull(strstr(r.err, "schedules.csv:2: service_id: overgeslagen"));
    ck_assert_ptr_nonnull(strstr(r.err, "attributes.csv:2: link_id: overgeslagen"));
    ck_assert_ptr_nonnull(strstr(r.err, "1 kaartitems ingelezen, 1 nieuw of gewijzigd"));
    rn_free(&r);
    char *out = export_csv(db);
    ck_assert_ptr_nonnull(strstr(out, "ac148810d857441c9679408f346de14b,Community Counselling,"
                                      "organisation,The service is available"));
    ck_assert_ptr_nonnull(strstr(out, ",12-100,,,email@example.com,\"Counselling Services"));
    ck_assert_ptr_nonnull(strstr(out, ",2005-01-01,open,gemeente\n"));
    free(out);
    free(dir);

    /* The JSON example, with the team's mapping of its term and its area. */
    char *db2 = tu_path(tmp, "db2");
    ok(RUN("--db", db2, "init"));
    const char ini[] = "; how our team reads the regional directory\n"
                       "[needs]\ncode = gezondheid\n"
                       "[interests]\nname = gezelschap\n"
                       "[areas]\nThe service is available to all residents of the MyCity area. "
                       "We provide the service in our offices or via video conferencing to any "
                       "who can provide evidence of their residency. = Ĳsselmonde/MyCity\n"
                       "[defaults]\nkind = desk\n";
    char *ip = tu_write(db2, "hsds.ini", ini, strlen(ini));
    char *json = spec_dir("service_full.json");
    r = RUN("--db", db2, "import", "resources", json, "--format", "hsds");
    ck_assert_msg(r.code == 0, "%s", r.err);
    rn_free(&r);
    out = export_csv(db2);
    ck_assert_str_eq(out,
                     "id,name,kind,area,needs,interests,ages,access,schedule,contact,"
                     "description,checked,capacity,reach\n"
                     "ac148810d857441c9679408f346de14b,Community Counselling,desk,"
                     "Ĳsselmonde/MyCity,gezondheid,gezelschap,12-100,,"
                     "\"do en vr 10:00-18:00, wekelijks\",email@example.com,\"Counselling "
                     "Services provided by trained professionals. Suitable for people with "
                     "mental health conditions such as anxiety, depression, or eating "
                     "disorders as well as people experiencing difficult life events and "
                     "circumstances. \",2005-01-01,open,gemeente\n");
    free(out);
    /* A mapping file with a section it cannot have is refused, naming it. */
    const char bad_ini[] = "[needs]\ncode = gezondheid\n[soorten]\nx = y\n";
    free(tu_write(db2, "hsds.ini", bad_ini, strlen(bad_ini)));
    r = RUN("--db", db2, "import", "resources", json, "--format", "hsds");
    ck_assert_int_eq(r.code, 65);
    ck_assert_ptr_nonnull(strstr(r.err, "hsds.ini:4: onbekend onderdeel [soorten]"));
    rn_free(&r);
    free(json);
    free(ip);
    free(db2);
}
END_TEST

/* One package folder of the named files and texts. */
static char *package(const char *name, const char *const *files)
{
    char *dir = tu_path(tmp, name);
    mkdir(dir, 0700);
    for (size_t i = 0; files[i]; i += 2)
        free(tu_write(dir, files[i], files[i + 1], strlen(files[i + 1])));
    return dir;
}

#define ORGS "organizations.csv", "id,name,description\no1,Gemeente,Alles\n"
#define SVC_HEAD "id,organization_id,name,status,minimum_age\n"

static void refused(const char *name, const char *const *files, int code, const char *msg)
{
    char *dir = package(name, files);
    char *before = export_csv(db);
    struct run r = RUN("--db", db, "import", "resources", dir);
    ck_assert_msg(r.code == code, "%s: exit %d: %s", name, r.code, r.err);
    char *want = xasprintf("%s/%s\n", dir, msg);
    ck_assert_str_eq(r.err, want);
    rn_free(&r);
    char *after = export_csv(db);
    ck_assert_str_eq(before, after); /* nothing of it stored */
    free(want);
    free(before);
    free(after);
    free(dir);
}

START_TEST(test_hsds_bad_input)
{
    ok(RUN("--db", db, "init"));
    const char *const good[] = {ORGS, "services.csv", SVC_HEAD "s1,o1,Koffie,active,\n",
                                "service_areas.csv", "id,service_id,name\na1,s1,Ĳsselmonde\n",
                                NULL};
    char *dir = package("good", good);
    ok(RUN("--db", db, "import", "resources", dir)); /* the guard: a good one goes in */
    free(dir);
    const char *const dangling_org[] = {ORGS, "services.csv",
                                        SVC_HEAD "s1,o1,Koffie,active,\ns2,o9,Thee,active,\n",
                                        "service_areas.csv",
                                        "id,service_id,name\na1,s1,Ĳsselmonde\n", NULL};
    refused("p1", dangling_org, 65, "services.csv:3: organization_id: bestaat niet in "
                                    "organizations");
    const char *const no_status[] = {ORGS, "services.csv", "id,organization_id,name\ns1,o1,K\n",
                                     NULL};
    refused("p2", no_status, 65, "services.csv:1: status: verplichte kolom ontbreekt");
    const char *const bad_status[] = {ORGS, "services.csv", SVC_HEAD "s1,o1,K,open,\n", NULL};
    refused("p3", bad_status, 65,
            "services.csv:2: status: moet active, inactive, defunct of temporarily closed zijn");
    const char *const bad_age[] = {ORGS, "services.csv", SVC_HEAD "s1,o1,K,active,twaalf\n",
                                   "service_areas.csv", "id,service_id,name\na1,s1,Ĳsselmonde\n",
                                   NULL};
    refused("p4", bad_age, 65, "services.csv:2: minimum_age: geen leeftijd (0 tot 150)");
    const char *const dangling_term[] = {
        ORGS, "services.csv", SVC_HEAD "s1,o1,K,active,\n", "service_areas.csv",
        "id,service_id,name\na1,s1,Ĳsselmonde\n", "attributes.csv",
        "id,link_id,taxonomy_term_id\nx1,s1,t9\n", NULL};
    refused("p5", dangling_term, 65, "attributes.csv:2: taxonomy_term_id: t9 bestaat niet in "
                                     "taxonomy_terms");
    const char *const no_area[] = {ORGS, "services.csv", SVC_HEAD "s1,o1,K,active,\n", NULL};
    refused("p6", no_area, 65, "services.csv:2: service_areas: geen gebied: geef een "
                               "service_area, of area onder [defaults] in hsds.ini");
    const char *const bad_id[] = {ORGS, "services.csv", SVC_HEAD "s 1,o1,K,active,\n",
                                  "service_areas.csv", "id,service_id,name\na1,s 1,Ĳsselmonde\n",
                                  NULL};
    refused("p7", bad_id, 65, "services.csv:2: id: geen bruikbare id (1 tot 32 tekens A-Z a-z "
                              "0-9 . _ -, of een UUID)");
    const char *const bad_kind[] = {
        ORGS, "services.csv", SVC_HEAD "s1,o1,K,active,\n", "service_areas.csv",
        "id,service_id,name\na1,s1,Ĳsselmonde\n", "taxonomy_terms.csv",
        "id,code,name,taxonomy\nwk,kind,kind,wijktafel\n", "attributes.csv",
        "id,link_id,taxonomy_term_id,value\nx1,s1,wk,kroeg\n", NULL};
    char *dir8 = package("p8", bad_kind);
    struct run r = RUN("--db", db, "import", "resources", dir8);
    ck_assert_int_eq(r.code, 65);
    ck_assert_ptr_nonnull(strstr(r.err, "p8/attributes.csv:2: value: kind: "));
    rn_free(&r);
    free(dir8);
    const char *const unknown_required[] = {
        ORGS, "services.csv", SVC_HEAD "s1,o1,K,active,\n", "datapackage.json",
        "{\"resources\": [{\"name\": \"service\", \"path\": \"services.csv\", \"schema\": "
        "{\"fields\": [{\"name\": \"id\"}, {\"name\": \"postcode\", \"constraints\": "
        "{\"required\": true}}]}}]}",
        NULL};
    refused("p9", unknown_required, 65, "datapackage.json: services.csv: postcode: verplichte "
                                        "kolom die HSDS 3.0 niet kent");
    const char *const too_many[] = {ORGS, "services.csv", SVC_HEAD "s1,o1,K,active,,extra\n",
                                    NULL};
    refused("p10", too_many, 65, "services.csv:2: 6 velden, maar de kopregel heeft 5 kolommen");
    const char *const no_services[] = {ORGS, NULL};
    char *dir11 = package("p11", no_services);
    r = RUN("--db", db, "import", "resources", dir11);
    ck_assert_int_eq(r.code, 66);
    rn_free(&r);
    free(dir11);
    /* JSON: the place is the service's record number. */
    const char bad_json[] = "[{\"id\": \"s1\", \"name\": \"K\", \"status\": \"active\", "
                            "\"service_areas\": [{\"id\": \"a\", \"name\": \"X\"}]},"
                            " {\"id\": \"s2\", \"name\": [1], \"status\": \"active\"}]";
    char *jp = tu_write(tmp, "bad.json", bad_json, strlen(bad_json));
    r = RUN("--db", db, "import", "resources", jp, "--format", "hsds");
    ck_assert_int_eq(r.code, 65);
    char *want = xasprintf("%s: record 2: name: moet tekst of een getal zijn\n", jp);
    ck_assert_str_eq(r.err, want);
    free(want);
    rn_free(&r);
    free(jp);
    /* Only resources are a social map. */
    r = RUN("--db", db, "import", "cases", tmp, "--format", "hsds");
    ck_assert_int_eq(r.code, 64);
    rn_free(&r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("hsds");
    TCase *tc = tcase_create("hsds");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_hsds_round_trip);
    tcase_add_test(tc, test_hsds_spec_examples);
    tcase_add_test(tc, test_hsds_bad_input);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
