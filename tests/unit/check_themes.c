/* check_themes.c: recurring needs per area, counted by hand on small sets; and the themes command. */
#include <check.h>

#include "testutil.h"
#include "wijktafel/date.h"
#include "wijktafel/themes.h"

static void sig(struct themes_input *in, const char *id, const char *date, const char *area,
                const char *themes)
{
    struct wt_record r;
    record_init(&r, WT_SIGNALS);
    record_set(&r, SIGNAL_ID, id);
    record_set(&r, SIGNAL_DATE, date);
    record_set(&r, SIGNAL_AREA, area);
    record_set(&r, SIGNAL_THEMES, themes);
    themes_input_add(in, &r);
    record_fini(&r);
}

static void cas(struct themes_input *in, const char *id, const char *opened, const char *area,
                const char *needs)
{
    struct wt_record r;
    record_init(&r, WT_CASES);
    record_set(&r, CASE_ID, id);
    record_set(&r, CASE_OPENED, opened);
    record_set(&r, CASE_AREA, area);
    record_set(&r, CASE_NEEDS, needs);
    themes_input_add(in, &r);
    record_fini(&r);
}

static int32_t day(const char *s)
{
    int32_t d;
    ck_assert_int_eq(date_parse(s, &d), 0);
    return d;
}

START_TEST(test_counts)
{
    struct themes_input *in = themes_input_new(day("2026-10-01"), day("2026-11-30"));
    sig(in, "s-1", "2026-11-01", "Gem/Elst/Noord", "huiswerk;Taal");
    sig(in, "s-2", "2026-11-02", "Gem/Elst/Zuid", "HUISWERK");
    cas(in, "c-1", "2026-11-03", "Gem/Elst/Noord", "huiswerk;huiswerk");
    cas(in, "c-2", "2026-09-30", "Gem/Elst/Noord", "huiswerk");   /* before the window */
    sig(in, "s-3", "2026-12-01", "Gem/Elst/Noord", "huiswerk");   /* after the window */
    sig(in, "s-4", "2026-11-30", "Gem/Oost", "taal");             /* last day counts */
    sig(in, "s-5", "2026-10-01", "Gem/Oost", "taal;overlast");    /* first day counts */
    sig(in, "s-6", "2026-11-05", "Gem", "overlast");              /* municipality only */
    struct themes t;
    themes_compute(in, 2, &t);
    /* By hand: Gem/Elst huiswerk 3 (s-1, s-2, c-1); Gem/Elst/Noord huiswerk 2 (s-1, c-1);
     * Gem/Oost taal 2 (s-4, s-5). Not: Gem/Elst/Zuid huiswerk 1, Gem/Elst taal 1,
     * overlast (1 in Gem/Oost, 1 in Gem), the municipality as a whole. */
    ck_assert_uint_eq(t.n, 3);
    ck_assert_str_eq(t.items[0].area, "Gem/Elst");
    ck_assert_str_eq(t.items[0].tag, "huiswerk");
    ck_assert_uint_eq(t.items[0].count, 3);
    ck_assert_str_eq(t.items[0].ids, "c-1;s-1;s-2");
    ck_assert_str_eq(t.items[1].area, "Gem/Elst/Noord");
    ck_assert_uint_eq(t.items[1].count, 2);
    ck_assert_str_eq(t.items[1].ids, "c-1;s-1");
    ck_assert_str_eq(t.items[2].area, "Gem/Oost");
    ck_assert_str_eq(t.items[2].tag, "taal");
    ck_assert_str_eq(t.items[2].ids, "s-4;s-5");
    /* Looked up by area (folded) and tag; absent is 0. */
    ck_assert_uint_eq(themes_count_of(&t, "gem/ELST", "huiswerk"), 3);
    ck_assert_uint_eq(themes_count_of(&t, "Gem/Oost", "taal"), 2);
    ck_assert_uint_eq(themes_count_of(&t, "Gem/Oost", "huiswerk"), 0);
    themes_fini(&t);
    themes_compute(in, 1, &t);
    ck_assert_uint_eq(t.n, 8); /* Noord 2, Elst 2, Zuid 1, Oost 2, Gem 1 */
    themes_fini(&t);
    themes_input_free(in);
}
END_TEST

START_TEST(test_command)
{
    char *tmp = tu_tmpdir(), *db = tu_path(tmp, "db");
    setenv("XDG_CONFIG_HOME", tmp, 1);
    setenv("WIJKTAFEL_TODAY", "2026-11-30", 1);
    unsetenv("WIJKTAFEL_PASSPHRASE");
    struct run r = rn_exec(tmp, NULL, 0, (char *[]){"wijktafel", "--db", db, "init", NULL});
    ck_assert_int_eq(r.code, 0);
    rn_free(&r);
    const char *files[][2] = {
        {"members", "id,name,role\nm-vol,Vera,volunteer\n"},
        {"cases", "id,opened,area,resident,request,needs\n"
                  "c-1,2026-11-03,Gem/Elst/Noord,A B,V,huiswerk\n"
                  "c-2,2026-08-01,Gem/Elst/Noord,C D,V,huiswerk\n"},
        {"signals", "id,date,area,text,themes\ns-1,2026-11-01,Gem/Elst/Noord,T,huiswerk\n"
                    "s-2,2026-10-20,Gem/Elst/Zuid,T,Huiswerk\n"}};
    for (int i = 0; i < 3; i++) {
        char name[32];
        snprintf(name, sizeof name, "%s.csv", files[i][0]);
        char *p = tu_write(tmp, name, files[i][1], strlen(files[i][1]));
        r = rn_exec(tmp, NULL, 0,
                    (char *[]){"wijktafel", "--db", db, "import", (char *)files[i][0], p, NULL});
        ck_assert_int_eq(r.code, 0);
        rn_free(&r);
        free(p);
    }
    /* Default window: the last 8 weeks (c-2 is older). */
    r = rn_exec(tmp, NULL, 0, (char *[]){"wijktafel", "--db", db, "themes", "--format", "tsv", NULL});
    ck_assert_int_eq(r.code, 0);
    ck_assert_str_eq(r.out, "Gem/Elst\thuiswerk\t3\tc-1;s-1;s-2\n"
                            "Gem/Elst/Noord\thuiswerk\t2\tc-1;s-1\n");
    rn_free(&r);
    r = rn_exec(tmp, NULL, 0, (char *[]){"wijktafel", "--db", db, "themes", "--since",
                                         "2026-01-01", "--format", "tsv", NULL});
    ck_assert_ptr_nonnull(strstr(r.out, "Gem/Elst\thuiswerk\t4\tc-1;c-2;s-1;s-2\n"));
    rn_free(&r);
    /* A volunteer counts signals only. */
    r = rn_exec(tmp, NULL, 0, (char *[]){"wijktafel", "--db", db, "--as", "m-vol", "themes",
                                         "--format", "tsv", NULL});
    ck_assert_int_eq(r.code, 0);
    ck_assert_str_eq(r.out, "Gem/Elst\thuiswerk\t2\ts-1;s-2\n");
    rn_free(&r);
    r = rn_exec(tmp, NULL, 0, (char *[]){"wijktafel", "--db", db, "themes", "--since",
                                         "2026-02-30", NULL});
    ck_assert_int_eq(r.code, 64);
    ck_assert_int_eq(rn_lines(r.err), 1);
    rn_free(&r);
    r = rn_exec(tmp, NULL, 0, (char *[]){"wijktafel", "--db", db, "themes", "--since",
                                         "2026-12-01", "--until", "2026-11-01", NULL});
    ck_assert_int_eq(r.code, 64);
    rn_free(&r);
    free(db);
    tu_rmtree(tmp);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_counts, test_command};
    const struct tu_suite suite = {.name = "themes", .timeout = 60};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
