/* check_privacy.c: shielded ids never leave (every path, the real program) and the beamer's redacted reads. */
#include <check.h>
#include <ctype.h>
#include <stdint.h>

#include "testutil.h"
#include "wijktafel/app.h"
#include "wijktafel/meeting.h"

#define PASS "leider-geheim-1"
#define PPASS "piet-geheim-12"

static char *tmp, *db;

static void setup(void)
{
    tu_scratch_begin(&tmp, &db, "db");
    setenv("WIJKTAFEL_PASSPHRASE", PASS, 1);
}

static void teardown(void)
{
    tu_scratch_end(&tmp, &db);
}

#define RUN(...) TU_RUN(tmp, __VA_ARGS__)

/* The data set: names in request, signal, action and talent text; a shielded
 * case (c-geheim, owner m-own) linked from a signal, an action and another
 * case's chosen options. */
static const char *const data[][2] = {
    {"members", "id,name,role\nm-own,Olga Eigenaar,professional\n"
                "m-pro,Piet Prof,professional\n"},
    {"resources", "id,name,kind,area,needs\n"
                  "r-eet,Eetcafé De Molen,activity,Veen/Noord,eenzaamheid\n"},
    {"talents", "id,name,area,offers,consent\n"
                "t-a1,Anneke de Wit,Veen/Noord,koken,2026-01-01\n"},
    {"cases", "id,opened,area,resident,request,age,owner,needs,restricted\n"
              "c-geheim,2026-11-02,Veen/Noord,Daan van der Berg,Schulden en zorgen,41,m-own,"
              "eenzaamheid,yes\n"
              "c-open,2026-11-03,Veen/Noord,Yusuf Kaya,Yusuf wil wel leren koken; KAYA is "
              "vaak alleen. Daan kent hem.,14,m-own,eenzaamheid,no\n"},
    {"signals", "id,date,area,text,themes,case\n"
                "s-link,2026-11-20,Veen/Noord,Buurvrouw zorgt zich om Daan,eenzaamheid,c-geheim\n"
                "s-free,2026-11-21,Veen/Noord,Koffie met Anneke de Wit en yusuf,eenzaamheid,\n"},
    {"actions", "id,text,owner,due,case\n"
                "a-link,Bellen met Van der Berg,m-pro,2026-12-04,c-geheim\n"
                "a-open,Kennismaken met Yusuf,m-pro,2026-12-04,c-open\n"},
};

static const char *given_pass(void *ctx, const char *member)
{
    (void)member;
    return ctx;
}

static struct app *open_as(const char *member, const char *pass, bool beamer)
{
    struct app_opts o = {.dir = db, .as_member = member, .passphrase = given_pass,
                         .passphrase_ctx = (void *)pass, .beamer = beamer};
    struct app *a;
    struct wt_error err = {0};
    ck_assert_msg(app_open(&o, &a, &err) == 0, "%s", err.text);
    return a;
}

/* An encrypted team database with the data set; m-pro has a passphrase. */
static void make_team(void)
{
    tu_ok(RUN("--db", db, "init", "--team", "Testteam"));
    for (size_t i = 0; i < sizeof data / sizeof data[0]; i++) {
        char name[32];
        snprintf(name, sizeof name, "%s.csv", data[i][0]);
        char *p = tu_write(tmp, name, data[i][1], strlen(data[i][1]));
        tu_ok(RUN("--db", db, "import", data[i][0], p));
        free(p);
    }
    /* init with WIJKTAFEL_PASSPHRASE made it encrypted from the start. */
    setenv("WIJKTAFEL_NEW_PASSPHRASE", PPASS, 1);
    tu_ok(RUN("--db", db, "passphrase", "m-pro"));
    unsetenv("WIJKTAFEL_NEW_PASSPHRASE");
    /* Today's meeting: the shielded case chosen as a similar case for c-open,
     * the linked signal discussed. */
    struct app *a = open_as("leider", PASS, false);
    struct wt_error err = {0};
    ck_assert_msg(meeting_choose(a, "c-open", APP_OPTION_CASE, "c-geheim", "casus c-geheim", &err) ==
                      0, "%s", err.text);
    ck_assert_msg(meeting_signal_status(a, "s-link", "discussed", &err) == 0, "%s", err.text);
    app_close(a);
}

/* Runs the program as m-pro; its output (caller frees) and exit code. */
static char *as_pro5(int *code, char **errout, const char *a1, const char *a2, const char *a3,
                     const char *a4, const char *a5)
{
    setenv("WIJKTAFEL_PASSPHRASE", PPASS, 1);
    struct run r = rn_exec(tmp, NULL, 0,
                           (char *const *)(const char *[]){"wijktafel", "--db", db, "--as",
                                                           "m-pro", a1, a2, a3, a4, a5, NULL});
    setenv("WIJKTAFEL_PASSPHRASE", PASS, 1);
    *code = r.code;
    if (errout)
        *errout = strdup(r.err);
    char *out = strdup(r.out);
    rn_free(&r);
    return out;
}

#define as_pro(c, e, a1, a2, a3, a4) as_pro5(c, e, a1, a2, a3, a4, NULL)

#define NO_ID(text, what)                                                                    \
    ck_assert_msg(!strstr(text, "c-geheim"), "%s gives the shielded id:\n%s", what, text)

START_TEST(test_shielded_id_never_leaves)
{
    make_team();
    int code;
    /* export, both formats, every kind that can point at a case */
    const char *kinds[] = {"cases", "signals", "actions"};
    const char *guard[] = {"c-open", "s-link", "a-link"};
    for (int f = 0; f < 2; f++)
        for (int k = 0; k < 3; k++) {
            char *out = as_pro(&code, NULL, "export", kinds[k], "--format", f ? "json" : "csv");
            ck_assert_msg(code == 0, "export %s: %d", kinds[k], code);
            ck_assert_msg(strstr(out, guard[k]), "export %s lacks %s:\n%s", kinds[k], guard[k],
                          out);
            NO_ID(out, kinds[k]);
            if (k == 1)
                ck_assert_msg(strstr(out, "gekoppeld aan een afgeschermde casus"), "%s", out);
            free(out);
        }
    /* The leader's export does carry it: the paths above were not empty. */
    struct run r = RUN("--db", db, "export", "signals");
    ck_assert(r.code == 0 && strstr(r.out, "c-geheim"));
    rn_free(&r);

    char *out = as_pro5(&code, NULL, "themes", "--since", "2026-10-01", "--format", "tsv");
    ck_assert_msg(code == 0 && strstr(out, "s-link"), "themes: %d\n%s", code, out);
    NO_ID(out, "themes");
    free(out);
    /* The text for people: dates as they read them, no ISO date (FORMATS.md "Dates"). */
    out = as_pro5(&code, NULL, "themes", "--since", "2026-10-01", "--format", "text");
    ck_assert_msg(code == 0 && strstr(out, " van 1-10-2026 tot en met ") &&
                      !strstr(out, "2026-10-01"),
                  "themes: %d\n%s", code, out);
    NO_ID(out, "themes");
    free(out);
    out = as_pro5(&code, NULL, "report", "--from", "2026-10-01", "--to", "2026-11-30");
    ck_assert_msg(code == 0 && strstr(out, "eenzaamheid"), "report: %d\n%s", code, out);
    NO_ID(out, "report");
    free(out);
    out = as_pro(&code, NULL, "minutes", "--date", "2026-11-30", NULL);
    ck_assert_msg(code == 0 && strstr(out, "s-link"), "minutes: %d\n%s", code, out);
    NO_ID(out, "minutes");
    free(out);
    r = RUN("--db", db, "minutes", "--date", "2026-11-30");
    ck_assert_msg(r.code == 0 && strstr(r.out, "c-geheim"), "the leader's minutes:\n%s", r.out);
    rn_free(&r);
    out = as_pro(&code, NULL, "suggest", "c-open", "--format", "tsv");
    ck_assert_msg(code == 0 && strstr(out, "r-eet"), "suggest: %d\n%s", code, out);
    NO_ID(out, "suggest");
    free(out);

    /* suggest answers about the shielded case exactly as about none. */
    char *e1, *e2;
    int c1, c2;
    char *o1 = as_pro(&c1, &e1, "suggest", "c-geheim", NULL, NULL);
    char *o2 = as_pro(&c2, &e2, "suggest", "c-nergens", NULL, NULL);
    ck_assert_int_eq(c1, c2);
    ck_assert_int_ne(c1, 0);
    ck_assert_str_eq(o1, o2);
    char *p = strstr(e2, "c-nergens");
    ck_assert_msg(p, "%s", e2);
    char *same;
    ck_assert_int_ge(asprintf(&same, "%.*sc-geheim%s", (int)(p - e2), e2, p + strlen("c-nergens")),
                     0);
    ck_assert_str_eq(e1, same);
    free(same);
    free(o1), free(o2), free(e1), free(e2);

    /* The access log is the leaders'. */
    out = as_pro(&code, NULL, "log", NULL, NULL, NULL);
    ck_assert_int_eq(code, 77);
    NO_ID(out, "log");
    free(out);

    /* Their bundle, and the database made from it. */
    char *bundle = tu_path(tmp, "pro.wtb"), *pdb = tu_path(tmp, "pro-db");
    tu_ok(RUN("--db", db, "bundle", "export", "--for", "m-pro", bundle));
    setenv("WIJKTAFEL_PASSPHRASE", PPASS, 1);
    tu_ok(RUN("--db", pdb, "init", "--from", bundle));
    const char *all[] = {"resources", "talents", "cases", "signals", "actions"};
    bool saw_link = false;
    for (int k = 0; k < 5; k++) {
        r = RUN("--db", pdb, "export", all[k]);
        ck_assert_msg(r.code == 0, "%s: %s", all[k], r.err);
        saw_link |= strstr(r.out, "s-link") != NULL;
        NO_ID(r.out, "the bundle's database");
        rn_free(&r);
    }
    ck_assert(saw_link);
    setenv("WIJKTAFEL_PASSPHRASE", PASS, 1);
    free(bundle);
    free(pdb);
}
END_TEST

/* Search, the screen's reads and an edit, through the app as m-pro. */
/* A professional who exports signals and actions and imports the file back
 * (CSV and JSON) keeps the stored links to the shielded case: the masked
 * text is not an id, and nothing stored is lost. */
START_TEST(test_masked_link_read_back)
{
    make_team();
    const char *kinds[] = {"signals", "actions"};
    for (int f = 0; f < 2; f++)
        for (int k = 0; k < 2; k++) {
            int code;
            char *out = as_pro(&code, NULL, "export", kinds[k], "--format", f ? "json" : "csv");
            ck_assert_int_eq(code, 0);
            ck_assert_msg(strstr(out, "gekoppeld aan een afgeschermde casus"), "%s", out);
            char name[32];
            snprintf(name, sizeof name, "%s.%s", kinds[k], f ? "json" : "csv");
            char *path = tu_write(tmp, name, out, strlen(out));
            char *err = NULL;
            free(as_pro5(&code, &err, "import", kinds[k], path, NULL, NULL));
            ck_assert_msg(code == 0, "import %s back: %d %s", name, code, err);
            free(err);
            free(path);
            free(out);
            struct run r = RUN("--db", db, "export", kinds[k]);
            ck_assert_msg(r.code == 0 && strstr(r.out, k ? "a-link" : "s-link") &&
                              strstr(r.out, "c-geheim"),
                          "%s", r.out);
            rn_free(&r);
        }
}
END_TEST

START_TEST(test_shielded_id_not_in_search_or_reads)
{
    make_team();
    struct app *a = open_as("m-pro", PPASS, false);
    struct wt_error err = {0};
    struct meeting_search *s;
    ck_assert_msg(meeting_search_new(a, &s, &err) == 0, "%s", err.text);
    const char *queries[] = {"geheim", "daan van der berg", "schulden"};
    for (size_t q = 0; q < 3; q++) {
        meeting_search_start(s, queries[q]);
        while (!meeting_search_step(s, 100))
            ;
        for (size_t i = 0; i < meeting_search_nhits(s); i++) {
            struct meeting_hit h = meeting_search_hit(s, i);
            ck_assert_msg(strcmp(h.id, "c-geheim") != 0 && !strstr(h.label, "c-geheim"),
                          "%s finds %s: %s", queries[q], h.id, h.label);
        }
    }
    meeting_search_start(s, "buurvrouw"); /* the linked signal itself is found */
    while (!meeting_search_step(s, 100))
        ;
    ck_assert_uint_eq(meeting_search_nhits(s), 1);
    meeting_search_free(s);

    struct wt_record sig;
    ck_assert_int_eq(meeting_peek(a, WT_SIGNALS, "s-link", &sig), 0);
    ck_assert_str_eq(record_get(&sig, SIGNAL_CASE), "gekoppeld aan een afgeschermde casus");
    /* Changing the signal keeps its link as stored. */
    record_set(&sig, SIGNAL_STATUS, "taken-up");
    ck_assert_msg(meeting_update(a, &sig, &err) == 0, "%s", err.text);
    record_fini(&sig);
    struct wt_record c;
    ck_assert_int_eq(meeting_peek(a, WT_CASES, "c-open", &c), 0);
    ck_assert_msg(!strstr(record_get(&c, CASE_CHOSEN), "c-geheim"), "%s",
                  record_get(&c, CASE_CHOSEN));
    record_set(&c, CASE_NETWORK, "een buurman");
    ck_assert_msg(meeting_update(a, &c, &err) == 0, "%s", err.text);
    record_fini(&c);
    ck_assert_int_eq(meeting_peek(a, WT_CASES, "c-geheim", &c), WT_ENOTFOUND);
    record_fini(&c);
    app_close(a);

    a = open_as("leider", PASS, false);
    ck_assert_int_eq(meeting_peek(a, WT_SIGNALS, "s-link", &sig), 0);
    ck_assert_str_eq(record_get(&sig, SIGNAL_CASE), "c-geheim");
    ck_assert_str_eq(record_get(&sig, SIGNAL_STATUS), "taken-up");
    record_fini(&sig);
    ck_assert_int_eq(meeting_peek(a, WT_CASES, "c-open", &c), 0);
    ck_assert_str_eq(record_get(&c, CASE_CHOSEN), "c-geheim");
    ck_assert_str_eq(record_get(&c, CASE_NETWORK), "een buurman");
    record_fini(&c);
    app_close(a);
}
END_TEST

/* True when word occurs in text as a whole word, ASCII case ignored. */
static bool has_word(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = text; (p = strcasestr(p, word)) != NULL; p++) {
        bool start = p == text || !isalnum((unsigned char)p[-1]);
        bool end = !isalnum((unsigned char)p[n]);
        if (start && end)
            return true;
    }
    return false;
}

static const char *const name_parts[] = {"Yusuf", "Kaya", "Daan", "Berg", "van der Berg",
                                         "Anneke", "Wit", "c-geheim", NULL};

struct scan {
    struct buf all;
};

static int scan_one(void *ctx, const struct wt_record *r)
{
    struct scan *s = ctx;
    for (int f = 0; f < record_kind(r->kind)->nfields; f++) {
        buf_puts(&s->all, record_get(r, f));
        buf_putc(&s->all, '\n');
    }
    return 0;
}

START_TEST(test_beamer_reads_are_redacted)
{
    make_team();
    struct app *a = open_as("leider", PASS, true);
    struct wt_error err = {0};
    struct scan s = {{0}};
    buf_puts(&s.all, "");
    for (int k = 0; k < WT_KIND_COUNT; k++)
        ck_assert_msg(app_each(a, (enum wt_kind)k, scan_one, &s, &err) == 0, "%s", err.text);
    /* Not vacuous: the initials, the unshielded ids and the age band are there. */
    ck_assert_msg(strstr(s.all.data, "Y.K.") && strstr(s.all.data, "A.d.W.") &&
                      strstr(s.all.data, "c-open") && strstr(s.all.data, "s-link") &&
                      strstr(s.all.data, "12-17"),
                  "%s", s.all.data);
    for (size_t i = 0; name_parts[i]; i++)
        ck_assert_msg(!has_word(s.all.data, name_parts[i]), "the beamer reads %s:\n%s",
                      name_parts[i], s.all.data);
    ck_assert_msg(!has_word(s.all.data, "14"), "an age: %s", s.all.data);
    buf_fini(&s.all);

    /* Search matches only what the wall may show. */
    struct meeting_search *ms;
    ck_assert_msg(meeting_search_new(a, &ms, &err) == 0, "%s", err.text);
    const char *none[] = {"daan", "yusuf", "kaya", "geheim", "schulden"};
    for (size_t q = 0; q < 5; q++) {
        meeting_search_start(ms, none[q]);
        while (!meeting_search_step(ms, 100))
            ;
        ck_assert_msg(meeting_search_nhits(ms) == 0, "%s found on the beamer", none[q]);
    }
    meeting_search_start(ms, "koken");
    while (!meeting_search_step(ms, 100))
        ;
    ck_assert_uint_ge(meeting_search_nhits(ms), 1);
    meeting_search_free(ms);

    /* Themes do not count the shielded case. */
    struct themes th;
    ck_assert_int_eq(app_themes(a, app_day(a) - 60, app_day(a), 1, &th, &err), 0);
    size_t counted = 0;
    for (size_t i = 0; i < th.n; i++) {
        ck_assert_msg(!strstr(th.items[i].ids, "c-geheim"), "%s", th.items[i].ids);
        counted += th.items[i].count;
    }
    ck_assert_uint_eq(counted, 3); /* c-open, s-link, s-free */
    themes_fini(&th);

    /* An action written in beamer mode keeps the full words and shows them redacted. */
    struct wt_record act;
    record_init(&act, WT_ACTIONS);
    record_set(&act, ACTION_TEXT, "kennismaken met Yusuf Kaya");
    record_set(&act, ACTION_CASE, "c-open");
    ck_assert_msg(meeting_add(a, &act, &err) == 0, "%s", err.text);
    char id[WT_MAX_ID + 1];
    snprintf(id, sizeof id, "%s", act.v[ACTION_ID]);
    record_fini(&act);
    ck_assert_int_eq(meeting_peek(a, WT_ACTIONS, id, &act), 0);
    ck_assert_str_eq(record_get(&act, ACTION_TEXT), "kennismaken met Y.K.");
    record_fini(&act);
    app_set_beamer(a, false);
    ck_assert_int_eq(meeting_peek(a, WT_ACTIONS, id, &act), 0);
    ck_assert_str_eq(record_get(&act, ACTION_TEXT), "kennismaken met Yusuf Kaya");
    record_fini(&act);
    app_set_beamer(a, true);
    /* A resident imported by another program meanwhile is known at the next read. */
    const char *nc = "id,opened,area,resident,request,owner,needs\n"
                     "c-nieuw,2026-11-30,Veen/Noord,Zoltan Mulder,Hulp bij post,m-own,post\n";
    const char *ns = "id,date,area,text\ns-nieuw,2026-11-30,Veen/Noord,Zoltan komt langs\n";
    char *pc = tu_write(tmp, "nc.csv", nc, strlen(nc)), *ps = tu_write(tmp, "ns.csv", ns, strlen(ns));
    tu_ok(RUN("--db", db, "import", "cases", pc));
    tu_ok(RUN("--db", db, "import", "signals", ps));
    free(pc), free(ps);
    struct wt_record sg;
    ck_assert_int_eq(meeting_peek(a, WT_SIGNALS, "s-nieuw", &sg), 0);
    ck_assert_str_eq(record_get(&sg, SIGNAL_TEXT), "Z. komt langs");
    record_fini(&sg);
    app_close(a);
}
END_TEST

START_TEST(test_name_parts_and_bands)
{
    char *ini = meeting_initials("Anneke van der Berg");
    ck_assert_str_eq(ini, "A.v.d.B.");
    free(ini);
    make_team();
    struct app *a = open_as("leider", PASS, true);
    char *t = app_shown_text(a, "Gesprek met DAAN en mevrouw Van der Berg; "
                                "Daan's buurman, Anneke-de-Wit, yusufs.\nprivé: Yusuf");
    ck_assert_str_eq(t, "Gesprek met D. en mevrouw v.d.B.; D.'s buurman, Anneke-de-Wit, yusufs.");
    free(t);
    app_close(a);
}
END_TEST

/* A message names a record by what a person reads, as the policy allows:
 * never an id, initials on the beamer, a shielded case only as "een casus"
 * where it may not be seen, a signal's text redacted on the beamer. */
static void name_is(struct app *a, enum wt_kind kind, const char *id, const char *want)
{
    char *got = app_record_name(a, kind, id);
    ck_assert_msg(strcmp(got, want) == 0, "%s: '%s', not '%s'", id, got, want);
    free(got);
}

START_TEST(test_messages_name_records)
{
    make_team();
    struct app *a = open_as("leider", PASS, false);
    name_is(a, WT_CASES, "c-open", "casus van Yusuf Kaya");
    name_is(a, WT_CASES, "c-geheim", "casus van Daan van der Berg"); /* the leader sees it */
    name_is(a, WT_MEMBERS, "m-pro", "Piet Prof");
    name_is(a, WT_RESOURCES, "r-eet", "kaartitem 'Eetcafé De Molen'");
    name_is(a, WT_SIGNALS, "s-free", "signaal 'Koffie met Anneke de Wit en yusuf'");
    name_is(a, WT_ACTIONS, "a-open", "actiepunt 'Kennismaken met Yusuf'");
    name_is(a, WT_CASES, "c-none", "een casus");
    char *opt = app_option_label(a, "r-eet+t-a1");
    ck_assert_str_eq(opt, "Eetcafé De Molen, met vervoer door Anneke de Wit");
    free(opt);
    /* Beamer: initials, the names inside text too; the shielded case unnamed. */
    app_set_beamer(a, true);
    name_is(a, WT_CASES, "c-open", "casus van Y.K.");
    name_is(a, WT_CASES, "c-geheim", "een casus");
    name_is(a, WT_SIGNALS, "s-free", "signaal 'Koffie met A.d.W. en Y.'"); /* "yusuf": a first name */
    name_is(a, WT_TALENTS, "t-a1", "talent 'A.d.W.'");
    app_close(a);
    /* A professional who does not own the shielded case never gets its name. */
    a = open_as("m-pro", PPASS, false);
    name_is(a, WT_CASES, "c-geheim", "een casus");
    name_is(a, WT_CASES, "c-open", "casus van Yusuf Kaya");
    app_close(a);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_shielded_id_never_leaves, test_shielded_id_not_in_search_or_reads,
                            test_masked_link_read_back, test_beamer_reads_are_redacted,
                            test_name_parts_and_bands, test_messages_name_records};
    const struct tu_suite suite = {
        .name = "privacy",
        .timeout = 240,
        .setup = setup, .teardown = teardown};
    return tu_run(&suite, tests, sizeof tests / sizeof tests[0]);
}
