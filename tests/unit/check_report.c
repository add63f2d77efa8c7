/* check_report.c: `wijktafel report`: every figure against small sets counted by hand. */
#include <check.h>
#include <pty.h>

#include "testutil.h"
#include "wijktafel/app.h"
#include "wijktafel/date.h"
#include "wijktafel/report.h"

static int32_t day(const char *s)
{
    int32_t d;
    ck_assert_int_eq(date_parse(s, &d), 0);
    return d;
}

static void add(struct report_input *in, enum wt_kind kind, const char *const *cols,
                const char *const *vals)
{
    struct wt_record r;
    record_init(&r, kind);
    for (int i = 0; cols[i]; i++)
        record_set(&r, record_field_index(kind, cols[i]), vals[i]);
    report_input_add(in, &r);
    record_fini(&r);
}

#define CASE(in, id, opened, area, needs, formal, chosen)                                      \
    add(in, WT_CASES,                                                                          \
        (const char *[]){"id", "opened", "area", "needs", "formal", "chosen", NULL},            \
        (const char *[]){id, opened, area, needs, formal, chosen})
#define SIGNAL(in, id, date, area, themes)                                                     \
    add(in, WT_SIGNALS, (const char *[]){"id", "date", "area", "themes", NULL},               \
        (const char *[]){id, date, area, themes})
#define RESOURCE(in, id, name, kind)                                                           \
    add(in, WT_RESOURCES, (const char *[]){"id", "name", "kind", NULL},                       \
        (const char *[]){id, name, kind})

START_TEST(test_compute)
{
    struct report_input *in = report_input_new(day("2026-10-01"), day("2026-10-31"));
    RESOURCE(in, "r-wmo", "Wmo-loket", "formal");
    CASE(in, "c-1", "2026-10-01", "Gem/Elst", "huiswerk;taal", NULL, "r-eet:worked");
    CASE(in, "c-2", "2026-10-15", "Gem/Elst", "huiswerk;Huiswerk", NULL, "r-wmo");
    CASE(in, "c-3", "2026-10-31", "Gem/Oost", "eenzaamheid", "wijkverpleging",
         "r-eet:failed;r-koor");
    CASE(in, "c-4", "2026-10-20", "Gem/Oost", NULL, NULL, NULL);
    CASE(in, "c-5", "2026-09-30", "Gem/Elst", "huiswerk", NULL, "r-eet:worked"); /* before */
    CASE(in, "c-6", "2026-11-01", "Gem/Oost", NULL, NULL, "r-koor");             /* after */
    RESOURCE(in, "r-eet", "Eetcafe", "initiative"); /* order of adding does not matter */
    SIGNAL(in, "s-1", "2026-10-02", "Gem/Elst", "huiswerk;taal");
    SIGNAL(in, "s-2", "2026-10-03", "Gem/Elst/Noord", "Huiswerk;huiswerk");
    SIGNAL(in, "s-3", "2026-10-04", "Gem/Oost", NULL);
    SIGNAL(in, "s-4", "2026-09-01", "Gem/Elst", "huiswerk"); /* before */
    struct report r;
    report_compute(in, &r);
    report_input_free(in);
    /* By hand: in the period c-1..c-4 (4 requests): Gem/Elst c-1, c-2 = 2; Gem/Oost c-3,
     * c-4 = 2. Needs: Gem/Elst huiswerk c-1, c-2 (c-2's twice counts once) = 2; Gem/Elst
     * taal c-1 = 1; Gem/Oost eenzaamheid c-3 = 1. */
    ck_assert_uint_eq(r.requests, 4);
    ck_assert_uint_eq(r.n_areas, 2);
    ck_assert_str_eq(r.areas[0].key, "Gem/Elst");
    ck_assert_uint_eq(r.areas[0].count, 2);
    ck_assert_str_eq(r.areas[1].key, "Gem/Oost");
    ck_assert_uint_eq(r.areas[1].count, 2);
    ck_assert_uint_eq(r.n_needs, 3);
    ck_assert_str_eq(r.needs[0].item, "huiswerk");
    ck_assert_uint_eq(r.needs[0].count, 2);
    ck_assert_str_eq(r.needs[1].item, "taal");
    ck_assert_uint_eq(r.needs[1].count, 1);
    ck_assert_str_eq(r.needs[2].key, "Gem/Oost");
    ck_assert_str_eq(r.needs[2].item, "eenzaamheid");
    /* Wellbeing: c-1 (r-eet), c-3 (r-eet, r-koor) = 2; formal: c-2 (r-wmo is formal), c-3
     * (formal filled) = 2; neither: c-4 = 1. Shares of 4: 50.0 %, 50.0 %, 25.0 %. */
    ck_assert_uint_eq(r.wellbeing, 2);
    ck_assert_uint_eq(r.formal, 2);
    ck_assert_uint_eq(r.neither, 1);
    ck_assert_uint_eq(report_permille(r.neither, r.requests), 250);
    /* Options: r-eet 2 (c-1 worked, c-3 failed), then r-koor 1 (open), r-wmo 1 (formal). */
    ck_assert_uint_eq(r.n_options, 3);
    ck_assert_str_eq(r.options[0].id, "r-eet");
    ck_assert_str_eq(r.options[0].name, "Eetcafe");
    ck_assert_uint_eq(r.options[0].chosen, 2);
    ck_assert_uint_eq(r.options[0].worked, 1);
    ck_assert_uint_eq(r.options[0].failed, 1);
    ck_assert_str_eq(r.options[1].id, "r-koor");
    ck_assert_ptr_null(r.options[1].name); /* not on the map: shown by id */
    ck_assert_uint_eq(r.options[1].worked + r.options[1].failed, 0);
    ck_assert_str_eq(r.options[2].id, "r-wmo");
    ck_assert_int_eq(r.options[2].formal, 1);
    /* Signals in the period: s-1, s-2, s-3 = 3; huiswerk s-1, s-2 = 2; taal s-1 = 1. */
    ck_assert_uint_eq(r.signals, 3);
    ck_assert_uint_eq(r.n_themes, 2);
    ck_assert_str_eq(r.themes[0].item, "huiswerk");
    ck_assert_uint_eq(r.themes[0].count, 2);
    ck_assert_str_eq(r.themes[1].item, "taal");
    ck_assert_uint_eq(r.themes[1].count, 1);
    /* Weeks from Monday 2026-09-28 to Monday 2026-10-26: 5. Requests c-1 (wk 0), c-2 (wk 2),
     * c-4 (wk 3), c-3 (wk 4); signals s-1, s-2, s-3 (Thu-Sat of wk 0). */
    ck_assert_uint_eq(r.n_weeks, 5);
    const size_t req[5] = {1, 0, 1, 1, 1}, sig[5] = {3, 0, 0, 0, 0};
    for (int i = 0; i < 5; i++) {
        ck_assert_uint_eq(r.week_requests[i], req[i]);
        ck_assert_uint_eq(r.week_signals[i], sig[i]);
    }
    report_fini(&r);
    /* Rounding of shares: 2 of 3 is 66.7 %, 1 of 3 is 33.3 %, nothing of nothing 0. */
    ck_assert_uint_eq(report_permille(2, 3), 667);
    ck_assert_uint_eq(report_permille(1, 3), 333);
    ck_assert_uint_eq(report_permille(0, 0), 0);
    /* Sparkline: 0 is the lowest block, the largest the full one. */
    char line[32];
    report_sparkline((size_t[]){0, 4, 2, 1}, 4, line);
    ck_assert_str_eq(line, "\u2581\u2588\u2585\u2583"); /* levels 0, 7, (14+2)/4=4, (7+2)/4=2 */
    report_sparkline((size_t[]){0, 0}, 2, line);
    ck_assert_str_eq(line, "\u2581\u2581");
}
END_TEST

static char *tmp, *db;

static struct run wt(const char *as, const char *const *args)
{
    char *argv[16] = {"wijktafel", "--db", db};
    int n = 3;
    if (as) {
        argv[n++] = "--as";
        argv[n++] = (char *)as;
    }
    for (int i = 0; args[i]; i++)
        argv[n++] = (char *)args[i];
    argv[n] = NULL;
    return rn_exec(tmp, NULL, 0, argv);
}

#define WT(as, ...) wt(as, (const char *[]){__VA_ARGS__, NULL})

static void record_hours(void);

static void setup_db(void)
{
    tmp = tu_tmpdir();
    db = tu_path(tmp, "db");
    setenv("XDG_CONFIG_HOME", tmp, 1);
    setenv("WIJKTAFEL_TODAY", "2026-11-30", 1);
    unsetenv("WIJKTAFEL_PASSPHRASE");
    struct run r = WT(NULL, "init");
    ck_assert_int_eq(r.code, 0);
    rn_free(&r);
    const char *files[][2] = {
        {"members", "id,name,role\nm-pro,Piet,professional\nm-vol,Vera,volunteer\n"},
        {"resources", "id,name,kind,area\nr-eet,Eetcafe,initiative,Gem/Elst\n"
                      "r-wmo,Wmo-loket,formal,Gem\nr-koor,Koor,activity,Gem/Oost\n"},
        {"talents", "id,name,area\nt-jan,Jan,Gem/Elst\n"},
        {"cases", "id,opened,area,resident,request,needs,formal,chosen,owner,restricted\n"
                  "c-1,2026-10-01,Gem/Elst,A,V,huiswerk;taal,,r-eet:worked,,\n"
                  "c-2,2026-10-15,Gem/Elst,B,V,huiswerk;Huiswerk,,r-wmo,,\n"
                  "c-3,2026-10-31,Gem/Oost,C,V,eenzaamheid,wijkverpleging,r-eet:failed;r-koor,,\n"
                  "c-4,2026-10-20,Gem/Oost,D,V,,,,,\n"
                  "c-5,2026-09-30,Gem/Elst,E,V,huiswerk,,r-eet:worked,,\n"
                  "c-6,2026-11-01,Gem/Oost,F,V,,,r-koor,,\n"
                  "c-7,2026-10-10,Gem/Elst,G,V,taal,,t-jan:worked,,\n"
                  "c-8,2026-10-05,Gem/Oost,H,V,eenzaamheid,,,leider,yes\n"},
        {"signals", "id,date,area,text,themes\n"
                    "s-1,2026-10-02,Gem/Elst,T,huiswerk;taal\n"
                    "s-2,2026-10-03,Gem/Elst/Noord,T,Huiswerk;huiswerk\n"
                    "s-3,2026-10-04,Gem/Oost,T,\n"
                    "s-4,2026-09-01,Gem/Elst,T,huiswerk\n"}};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char name[32];
        snprintf(name, sizeof name, "%s.csv", files[i][0]);
        char *p = tu_write(tmp, name, files[i][1], strlen(files[i][1]));
        r = WT(NULL, "import", files[i][0], p);
        ck_assert_msg(r.code == 0, "%s: %s", files[i][0], r.err);
        rn_free(&r);
        free(p);
    }
    record_hours();
}

static const char *no_pass(void *ctx, const char *m)
{
    (void)ctx, (void)m;
    return NULL;
}

/* Hours (there is no command for them: the screen enters them). */
static void record_hours(void)
{
    struct app *a;
    struct wt_error e = {0};
    struct app_opts o = {.dir = db, .as_member = "leider", .passphrase = no_pass};
    ck_assert_msg(app_open(&o, &a, &e) == 0, "%s", e.text);
    const struct {
        const char *member, *day;
        uint32_t cw, cb;
    } h[] = {
        {"leider", "2026-10-07", 1000, 500}, /* week of Mon 2026-10-05 */
        {"leider", "2026-10-30", 400, 400},  /* week of Mon 2026-10-26 */
        {"leider", "2026-09-30", 250, 0},    /* week of Mon 2026-09-28: overlaps 1 October */
        {"leider", "2026-09-25", 900, 900},  /* week of Mon 2026-09-21: before */
        {"leider", "2026-11-02", 900, 900},  /* week of Mon 2026-11-02: after */
        {"m-pro", "2026-10-12", 800, 0},
        {"m-vol", "2026-10-12", 0, 300},     /* a volunteer: not in the team's figures */
    };
    for (size_t i = 0; i < sizeof h / sizeof *h; i++)
        ck_assert_int_eq(app_balance_record(a, h[i].member, day(h[i].day), h[i].cw, h[i].cb, &e),
                         0);
    /* Wellbeing measures (the screen enters them too). */
    const struct {
        const char *id;
        enum measure_phase phase;
        const char *scores;
    } ms[] = {{"c-1", MEASURE_START, "2 2 3 2 1 3"}, {"c-1", MEASURE_CLOSE, "3 3 4 3 3 4"},
              {"c-2", MEASURE_START, "4 - 3 2 1 1"}, {"c-8", MEASURE_START, "1 1 1 1 1 1"},
              {"c-5", MEASURE_START, "5 5 5 5 5 5"}}; /* c-5: September */
    for (size_t i = 0; i < sizeof ms / sizeof *ms; i++) {
        struct measure m;
        ck_assert_int_eq(measure_parse(ms[i].scores, &m), 0);
        ck_assert_int_eq(app_measure_set(a, ms[i].id, ms[i].phase, &m, &e), 0);
    }
    app_close(a);
}

static void teardown_db(void)
{
    free(db);
    tu_rmtree(tmp);
}

/* The leader sees all 8 cases; in October: c-1, c-2, c-3, c-4, c-7, c-8 (c-5 is in September,
 * c-6 in November). Counted by hand:
 *   requests 6: Gem/Elst c-1, c-2, c-7 = 3; Gem/Oost c-3, c-4, c-8 = 3.
 *   needs: Gem/Elst huiswerk c-1, c-2 = 2; Gem/Elst taal c-1, c-7 = 2;
 *          Gem/Oost eenzaamheid c-3, c-8 = 2.
 *   wellbeing c-1, c-3, c-7 = 3 (50.0 %); formal c-2 (r-wmo), c-3 (formal filled) = 2
 *   (33.3 %); neither c-4, c-8 = 2 (33.3 %).
 *   options: r-eet 2 (worked 1: c-1, failed 1: c-3); r-koor 1, r-wmo 1, t-jan 1 (worked).
 *   themes (from 2, areas rolled up, not the municipality): Gem/Elst huiswerk c-1, c-2, s-1,
 *   s-2 = 4; Gem/Elst taal c-1, c-7, s-1 = 3; Gem/Oost eenzaamheid c-3, c-8 = 2.
 *   signals s-1, s-2, s-3 = 3 (s-4 is in September): huiswerk s-1, s-2 = 2; taal s-1 = 1.
 *   balance, weeks of Mondays 2026-09-28..2026-10-26: leider casework 2.5 + 10 + 4 = 16.5 h,
 *   community 0 + 5 + 4 = 9 h, 9 / 25.5 = 35.3 %; m-pro 8 h and 0 h = 0.0 %; m-vol is a
 *   volunteer (left out); the team 24.5 h and 9 h, 9 / 33.5 = 26.9 %.
 *   measures at the start: c-1, c-2, c-8 (c-5 is in September) = 3; per domain
 *   lichaam 2 + 4 + 1 = 7 / 3 = 2.3; mentaal 2 + 1 = 3 / 2 = 1.5 (c-2 has none);
 *   zingeving 3 + 3 + 1 = 7 / 3 = 2.3; kwaliteit 2 + 2 + 1 = 5 / 3 = 1.7;
 *   meedoen 1 + 1 + 1 = 1.0; dagelijks 3 + 1 + 1 = 5 / 3 = 1.7. At closing c-1 only:
 *   3 3 4 3 3 4. */
static const char leader_csv[] = "section,key,item,count,share\n"
                                 "requests,,,6,\n"
                                 "requests,Gem/Elst,,3,\n"
                                 "requests,Gem/Oost,,3,\n"
                                 "needs,Gem/Elst,huiswerk,2,\n"
                                 "needs,Gem/Elst,taal,2,\n"
                                 "needs,Gem/Oost,eenzaamheid,2,\n"
                                 "answered,,wellbeing,3,50.0\n"
                                 "answered,,formal,2,33.3\n"
                                 "answered,,none,2,33.3\n"
                                 "channels,,requests,6,\n"
                                 "channels,,wellbeing,3,50.0\n"
                                 "options,r-eet,chosen,2,\n"
                                 "options,r-eet,worked,1,\n"
                                 "options,r-eet,failed,1,\n"
                                 "options,r-koor,chosen,1,\n"
                                 "options,r-koor,worked,0,\n"
                                 "options,r-koor,failed,0,\n"
                                 "options,r-wmo,chosen,1,\n"
                                 "options,r-wmo,worked,0,\n"
                                 "options,r-wmo,failed,0,\n"
                                 "options,t-jan,chosen,1,\n"
                                 "options,t-jan,worked,1,\n"
                                 "options,t-jan,failed,0,\n"
                                 "themes,Gem/Elst,huiswerk,4,\n"
                                 "themes,Gem/Elst,taal,3,\n"
                                 "themes,Gem/Oost,eenzaamheid,2,\n"
                                 "signals,,,3,\n"
                                 "signals,,huiswerk,2,\n"
                                 "signals,,taal,1,\n"
                                 "measures,lichaam,start,3,2.3\n"
                                 "measures,lichaam,close,1,3.0\n"
                                 "measures,mentaal,start,2,1.5\n"
                                 "measures,mentaal,close,1,3.0\n"
                                 "measures,zingeving,start,3,2.3\n"
                                 "measures,zingeving,close,1,4.0\n"
                                 "measures,kwaliteit,start,3,1.7\n"
                                 "measures,kwaliteit,close,1,3.0\n"
                                 "measures,meedoen,start,3,1.0\n"
                                 "measures,meedoen,close,1,3.0\n"
                                 "measures,dagelijks,start,3,1.7\n"
                                 "measures,dagelijks,close,1,4.0\n"
                                 "balance,leider,casework,16.5,\n"
                                 "balance,leider,community,9,35.3\n"
                                 "balance,m-pro,casework,8,\n"
                                 "balance,m-pro,community,0,0.0\n"
                                 "balance,,casework,24.5,\n"
                                 "balance,,community,9,26.9\n";

START_TEST(test_csv_leader)
{
    struct run r = WT(NULL, "report", "--from", "2026-10-01", "--to", "2026-10-31", "--format",
                      "csv");
    ck_assert_msg(r.code == 0, "%s", r.err);
    ck_assert_str_eq(r.out, leader_csv);
    rn_free(&r);
}
END_TEST

START_TEST(test_csv_professional)
{
    /* m-pro does not see the shielded c-8 (owner leider): by hand 5 requests, Gem/Oost 2,
     * Gem/Oost eenzaamheid 1 (so no longer a theme), neither c-4 = 1 (20.0 %), wellbeing 3
     * of 5 (60.0 %), formal 2 of 5 (40.0 %). */
    struct run r = WT("m-pro", "report", "--from", "2026-10-01", "--to", "2026-10-31",
                      "--format", "csv");
    ck_assert_msg(r.code == 0, "%s", r.err);
    ck_assert_ptr_nonnull(strstr(r.out, "\nrequests,,,5,\nrequests,Gem/Elst,,3,\n"
                                        "requests,Gem/Oost,,2,\n"));
    ck_assert_ptr_nonnull(strstr(r.out, "\nneeds,Gem/Oost,eenzaamheid,1,\n"));
    ck_assert_ptr_nonnull(strstr(r.out, "\nanswered,,wellbeing,3,60.0\nanswered,,formal,2,40.0\n"
                                        "answered,,none,1,20.0\n"));
    ck_assert_ptr_null(strstr(r.out, "themes,Gem/Oost"));
    /* Without c-8: lichaam at the start (2 + 4) / 2 = 3.0. */
    ck_assert_ptr_nonnull(strstr(r.out, "\nmeasures,lichaam,start,2,3.0\n"));
    rn_free(&r);
}
END_TEST

START_TEST(test_md)
{
    struct run r = WT(NULL, "report", "--from", "2026-10-01", "--to", "2026-10-31");
    ck_assert_msg(r.code == 0, "%s", r.err);
    const char *want[] = {
        "# Rapportage van 1-10-2026 tot en met 31-10-2026\n", /* dates as people read them */
        "| Gem/Elst | 3 |\n| Gem/Oost | 3 |\n| **totaal** | 6 |\n",
        "| Gem/Oost | eenzaamheid | 2 |\n",
        "| met een welzijnsoptie | 3 | 50,0 % |\n| met formele zorg | 2 | 33,3 % |\n"
        "| nog zonder antwoord | 2 | 33,3 % |\n",
        "| r-eet (Eetcafe) | welzijn | 2 | 1 | 1 | 0 |\n",
        "| r-wmo (Wmo-loket) | formele zorg | 1 | 0 | 0 | 1 |\n",
        "| t-jan | welzijn | 1 | 1 | 0 | 0 |\n", /* a talent is a resident: never named */
        "| Gem/Elst | huiswerk | 4 |\n",
        "Signalen in deze periode: 3.\n",
        "| huiswerk | 2 |\n| taal | 1 |\n",
        "De weken van maandag 28-9-2026 tot en met die van 26-10-2026.",
        "Gemeten bij de start: 3 hulpvragen; bij afsluiting: 1.\n",
        "| lichaamsfuncties | 2,3 | 3,0 |\n| mentaal welbevinden | 1,5 | 3,0 |\n",
        "| Teamleider | 16.5 | 9 | 35,3 % | - |\n| Piet | 8 | 0 | 0,0 % | - |\n"
        "| **team** | 24.5 | 9 | 26,9 % | - |\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        ck_assert_msg(strstr(r.out, want[i]), "missing %s in:\n%s", want[i], r.out);
    ck_assert_ptr_null(strstr(r.out, "\u2588")); /* no bars into a file or pipe */
    ck_assert_ptr_null(strstr(r.out, "Jan"));
    rn_free(&r);
    /* English */
    r = WT(NULL, "--lang", "en", "report", "--from", "2026-10-01", "--to", "2026-10-31");
    ck_assert_int_eq(r.code, 0);
    ck_assert_msg(strstr(r.out, "| with a wellbeing option | 3 | 50.0 % |\n"), "%s", r.out);
    rn_free(&r);
    /* An empty period */
    r = WT(NULL, "report", "--from", "2025-01-01", "--to", "2025-01-31");
    ck_assert_int_eq(r.code, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "Geen hulpvragen in deze periode.\n"));
    ck_assert_ptr_nonnull(strstr(r.out, "Signalen in deze periode: 0.\n"));
    rn_free(&r);
}
END_TEST

START_TEST(test_bars_on_terminal)
{
    /* On a terminal the tables gain bars: Gem/Elst and Gem/Oost 3 of 3 = 20 cells; the
     * wellbeing share 50.0 % = 10 cells. */
    int master;
    pid_t pid = forkpty(&master, NULL, NULL, NULL);
    ck_assert_int_ne(pid, -1);
    if (pid == 0) {
        const char *bin = getenv("WIJKTAFEL");
        execl(bin ? bin : "./wijktafel", "wijktafel", "--db", db, "report", "--from",
              "2026-10-01", "--to", "2026-10-31", (char *)NULL);
        _exit(127);
    }
    char *out = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&out, &len);
    char chunk[4096];
    ssize_t n;
    while ((n = read(master, chunk, sizeof chunk)) > 0)
        fwrite(chunk, 1, (size_t)n, m);
    fclose(m);
    close(master);
    int status;
    waitpid(pid, &status, 0);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    char bar20[64] = "", bar10[32] = "";
    for (int i = 0; i < 20; i++)
        strcat(bar20, "\u2588");
    for (int i = 0; i < 10; i++)
        strcat(bar10, "\u2588");
    char want[160];
    snprintf(want, sizeof want, "| Gem/Elst | 3 | %s |", bar20);
    ck_assert_msg(strstr(out, want), "%s", out);
    snprintf(want, sizeof want, "| met een welzijnsoptie | 3 | 50,0 %% | %s |", bar10);
    ck_assert_msg(strstr(out, want), "%s", out);
    /* Sparklines per week, Mondays 09-28 .. 10-26 (5 weeks), by hand: requests c-1 | c-7, c-8 |
     * c-2 | c-4 | c-3 = 1 2 1 1 1 (level (1 * 7 + 1) / 2 = 4 of 0..7 for 1); signals s-1, s-2,
     * s-3 all in the first week = 3 0 0 0 0. */
    ck_assert_msg(strstr(out, "Hulpvragen per week: \u2585\u2588\u2585\u2585\u2585"), "%s", out);
    ck_assert_msg(strstr(out, "Signalen per week:   \u2588\u2581\u2581\u2581\u2581"), "%s", out);
    free(out);
}
END_TEST

START_TEST(test_refusals)
{
    /* A volunteer may not see cases, so gets no report (77), one line on stderr. */
    struct run r = WT("m-vol", "report", "--from", "2026-10-01", "--to", "2026-10-31");
    ck_assert_int_eq(r.code, 77);
    ck_assert_str_eq(r.out, "");
    ck_assert_int_eq(rn_lines(r.err), 1);
    rn_free(&r);
    /* No database there: 66. */
    char *none = tu_path(tmp, "none");
    r = rn_exec(tmp, NULL, 0, (char *[]){"wijktafel", "--db", none, "report", "--from",
                                         "2026-10-01", "--to", "2026-10-31", NULL});
    ck_assert_int_eq(r.code, 66);
    ck_assert_int_eq(rn_lines(r.err), 1);
    rn_free(&r);
    free(none);
    const char *bad[][8] = { /* each NULL-terminated */
        {"report", "--from", "2026-10-01", NULL},                       /* no --to */
        {"report", "--to", "2026-10-01", NULL},                         /* no --from */
        {"report", "--from", "2026-02-30", "--to", "2026-10-01", NULL}, /* no such day */
        {"report", "--from", "2026-11-01", "--to", "2026-10-01", NULL}, /* reversed */
        {"report", "--from", "2026-10-01", "--to", "2026-10-31", "--format", "xml"},
        {"report", "--from", "2026-10-01", "--to", "2026-10-31", "--fmt", NULL},
        {"report", "--from", "2026-10-01", "--to", "2026-10-31", "extra", NULL},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        r = wt(NULL, bad[i]);
        ck_assert_msg(r.code == 64, "case %zu: %d %s", i, r.code, r.err);
        ck_assert_int_eq(rn_lines(r.err), 1);
        rn_free(&r);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("compute");
    tcase_add_test(tc, test_compute);
    suite_add_tcase(s, tc);
    tc = tcase_create("command");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup_db, teardown_db);
    tcase_add_test(tc, test_csv_leader);
    tcase_add_test(tc, test_csv_professional);
    tcase_add_test(tc, test_md);
    tcase_add_test(tc, test_bars_on_terminal);
    tcase_add_test(tc, test_refusals);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
