/* check_data.c: data in and out through the real program: JSON import, closing dates, purge,
 * imports in chunks (dump and restore: check_dump.c). */
#include <check.h>
#include <jansson.h>
#include <sys/stat.h>

#include "app_int.h" /* white-box: the app's today */
#include "apptest.h"
#include "testutil.h"
#include "wijktafel/xalloc.h"
#include "wijktafel/meeting.h"
#include "wijktafel/measure.h"

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

static const char *const kinds[] = {"members", "resources", "talents", "cases", "signals",
                                    "actions"};

/* Every column of every kind, with quotes, commas, line breaks and Unicode. */
static const char *const full[] = {
    "id,name,role,discipline,area,hours\n"
    "leider,\"Lea, de \"\"Leider\"\"\",leader,\"twee\nregels\",Ĳsselmonde,7.5\n"
    "m-e,Émile 🙂,professional,wijkverpleegkundige,Ĳsselmonde/Noord,36\n",
    "id,name,kind,area,needs,interests,ages,access,schedule,contact,description,checked,capacity\n"
    "r-1,\"Eetcafé \"\"De Molen\"\"\",activity,Ĳsselmonde/Noord,eenzaamheid;voeding,eten,65-,"
    "rolstoel;vervoer,\"do 17:30, vr 12:00\",a@b.example,\"Lekker eten 🍲\r\nmet z'n allen\","
    "2026-01-02,full\n"
    "r-2,Buurthuis,desk,Ĳsselmonde,,,,,,,,,paused\n",
    "id,name,area,offers,interests,available,consent\n"
    "t-1,Zoë van 't Hof,Ĳsselmonde,vervoer;tuin,tuinieren,\"ma, di\",2026-05-05\n",
    "id,opened,area,resident,request,age,owner,status,needs,strengths,network,formal,restricted,"
    "chosen,channel,closed\n"
    "c-1,2026-11-02,Ĳsselmonde/Noord,Renée el Amrani,\"Wil graag \"\"iets\"\" doen, met ë\","
    "41,m-e,open,eenzaamheid;Tuin,tuinieren,zus,\"thuiszorg, 2x\",yes,r-1:worked;t-1,huisarts,\n"
    "c-2,2026-11-03,Ĳsselmonde,Ali,Vraag,,,closed,,,,,no,c-1,ronde,2026-11-20\n",
    "id,date,area,text,source,themes,case,status,reporter\n"
    "s-1,2026-11-20,Ĳsselmonde,\"Veel, heel veel\n\"\"overlast\"\" 🙂\",wijkagent,overlast,c-1,"
    "discussed,m-e\n",
    "id,text,meeting,owner,due,status,case\n"
    "a-1,\"Bel Zoë, over de tuin\",2026-11-23,m-e,2026-12-07,done,c-1\n"};

static void import_file(const char *kind, const char *name, const char *text)
{
    char *p = tu_write(tmp, name, text, strlen(text));
    tu_ok(RUN("--db", db, "import", (char *)kind, p));
    free(p);
}

static void make_full(void)
{
    tu_ok(RUN("--db", db, "init"));
    for (int k = 0; k < 6; k++)
        import_file(kinds[k], "in.csv", full[k]);
}

/* Every kind as CSV, in one string. */
static char *snapshot(const char *dbdir)
{
    char *all = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&all, &len);
    for (int k = 0; k < 6; k++) {
        struct run r = RUN("--db", (char *)dbdir, "export", (char *)kinds[k]);
        ck_assert_int_eq(r.code, 0);
        fprintf(m, "== %s\n%s", kinds[k], r.out);
        rn_free(&r);
    }
    fclose(m);
    return all;
}

START_TEST(test_json_round_trip)
{
    make_full();
    char *first = snapshot(db);
    char *db2 = tu_path(tmp, "db2");
    tu_ok(RUN("--db", db2, "init"));
    /* Members first: the others point at them. The name picks the format. */
    for (int k = 0; k < 6; k++) {
        struct run r = RUN("--db", db, "export", (char *)kinds[k], "--format", "json");
        ck_assert_int_eq(r.code, 0);
        /* Written a record at a time, the text is what jansson writes of the
         * whole array (one JSON document, indented by two). */
        json_error_t je;
        json_t *all = json_loads(r.out, JSON_REJECT_DUPLICATES, &je);
        ck_assert_msg(all && json_is_array(all) && json_array_size(all) > 0, "%s", je.text);
        char *whole = json_dumps(all, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        ck_assert_ptr_nonnull(whole);
        ck_assert_uint_eq(strlen(r.out), strlen(whole) + 1);
        ck_assert(strncmp(r.out, whole, strlen(whole)) == 0 && r.out[strlen(whole)] == '\n');
        free(whole);
        json_decref(all);
        char name[32];
        snprintf(name, sizeof name, "%s.json", kinds[k]);
        char *p = tu_write(tmp, name, r.out, strlen(r.out));
        tu_ok(RUN("--db", db2, "import", (char *)kinds[k], p));
        free(p);
        rn_free(&r);
    }
    char *second = snapshot(db2);
    ck_assert_str_eq(first, second);
    /* Not vacuous: the values that JSON types differently are there. */
    ck_assert_ptr_nonnull(strstr(second, ",7.5\n"));
    ck_assert_ptr_nonnull(strstr(second, ",41,"));
    ck_assert_ptr_nonnull(strstr(second, "r-1:worked;t-1,huisarts,\n"));
    ck_assert_ptr_nonnull(strstr(second, "\"Lekker eten 🍲\r\nmet z'n allen\""));
    ck_assert_ptr_nonnull(strstr(second, "ronde,2026-11-20\n"));
    /* Importing the same JSON again replaces by id: nothing changes. */
    char *p = tu_path(tmp, "cases.json");
    tu_ok(RUN("--db", db2, "import", "cases", p, "--format", "json"));
    free(p);
    char *third = snapshot(db2);
    ck_assert_str_eq(second, third);
    free(first);
    free(second);
    free(third);
    tu_ok(RUN("--db", db2, "check"));
    free(db2);
}
END_TEST

/* Imports text as cases JSON; returns the run (caller frees). */
static struct run import_json(const char *kind, const char *text)
{
    char *p = tu_write(tmp, "bad.json", text, strlen(text));
    struct run r = RUN("--db", db, "import", (char *)kind, p);
    free(p);
    return r;
}

START_TEST(test_json_bad_input)
{
    make_full();
    char *before = snapshot(db);
    static const struct {
        const char *kind, *text, *want;
    } bad[] = {
        {"cases", "{\"id\": \"c-9\"}", "bad.json: geen JSON-lijst van records"},
        {"cases", "[{\"id\": \"c-9\",", "bad.json: record 1: geen geldige JSON"},
        {"cases", "[{\"id\": \"c-9\", \"id\": \"c-8\"}]", "geen geldige JSON"},
        {"cases", "[1]", "bad.json: record 1: geen object"},
        /* The second record is bad, the first fine: nothing is stored. */
        {"cases",
         "[{\"id\":\"c-7\",\"opened\":\"2026-11-01\",\"area\":\"A\",\"resident\":\"X\","
         "\"request\":\"V\"},"
         "{\"id\":\"c-8\",\"opened\":\"2026-02-30\",\"area\":\"A\",\"resident\":\"X\","
         "\"request\":\"V\"}]",
         "bad.json: record 2: opened: geen bestaande datum"},
        {"cases", "[{\"id\":\"c-8\",\"opened\":\"2026-11-01\",\"area\":\"A\",\"resident\":\"X\"}]",
         "bad.json: record 1: request: moet ingevuld zijn"},
        {"cases",
         "[{\"id\":\"c-8\",\"opened\":\"2026-11-01\",\"area\":\"A\",\"resident\":\"X\","
         "\"request\":\"V\",\"kleur\":\"rood\"}]",
         "bad.json: record 1: kleur: onbekende kolom voor cases"},
        {"cases",
         "[{\"id\":\"c-8\",\"opened\":\"2026-11-01\",\"area\":\"A\",\"resident\":\"X\","
         "\"request\":\"V\",\"needs\":[\"tuin\",3]}]",
         "bad.json: record 1: needs: de lijst mag alleen tekst bevatten"},
        {"cases",
         "[{\"id\":\"c-8\",\"opened\":\"2026-11-01\",\"area\":\"A\",\"resident\":\"X\","
         "\"request\":\"V\",\"restricted\":true}]",
         "bad.json: record 1: restricted: moet tekst zijn"},
        {"cases",
         "[{\"id\":\"c-8\",\"opened\":\"2026-11-01\",\"area\":\"A\",\"resident\":\"X\","
         "\"request\":\"V\",\"channel\":\"fax\"}]",
         "bad.json: record 1: channel: onbekende waarde"},
        {"cases",
         "[{\"id\":\"c-8\",\"opened\":\"2026-11-01\",\"area\":\"A\",\"resident\":\"X\","
         "\"request\":\"V\",\"owner\":\"niemand\"}]",
         "bad.json: record 1: owner: er is geen lid 'niemand'"},
        /* A reference checked at the write names the record it is in. */
        {"actions",
         "[{\"id\":\"a-8\",\"text\":\"Bellen\"},"
         "{\"id\":\"a-9\",\"text\":\"Bellen\",\"case\":\"c-404\"}]",
         "bad.json: record 2: case: er is geen casus 'c-404'"},
        {"cases",
         "[{\"id\":\"c-8\",\"opened\":\"2026-11-01\",\"area\":\"A\",\"resident\":\"X\","
         "\"request\":\"V\"},{\"id\":\"c-8\",\"opened\":\"2026-11-01\",\"area\":\"A\","
         "\"resident\":\"X\",\"request\":\"V\"}]",
         "bad.json: record 2: id: c-8 staat ook al in record 1"},
        {"members", "[{\"id\":\"m-9\",\"name\":\"N\",\"role\":\"leader\",\"hours\":-3}]",
         "bad.json: record 1: hours: mag niet negatief zijn"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct run r = import_json(bad[i].kind, bad[i].text);
        ck_assert_msg(r.code == 65, "case %zu: exit %d (%s)", i, r.code, r.err);
        ck_assert_msg(strstr(r.err, bad[i].want), "case %zu: %s", i, r.err);
        ck_assert_int_eq(rn_lines(r.err), 1);
        rn_free(&r);
    }
    char *after = snapshot(db);
    ck_assert_str_eq(before, after);
    free(before);
    free(after);
    /* An unknown format is a usage error. */
    struct run r = RUN("--db", db, "import", "cases", "x.csv", "--format", "xml");
    ck_assert_int_eq(r.code, 64);
    rn_free(&r);
}
END_TEST

/* Import says what it read as a word, singular or plural, in either language;
 * a bad value names its column and says what is wrong in words. */
START_TEST(test_import_says)
{
    tu_ok(RUN("--db", db, "init"));
    static const char one[] = "id,opened,area,resident,request\nc-1,2026-11-02,A,X,V\n";
    static const char two[] = "id,opened,area,resident,request\nc-2,2026-11-02,A,X,V\n"
                              "c-3,2026-11-02,A,Y,W\n";
    char *p1 = tu_write(tmp, "one.csv", one, strlen(one));
    char *p2 = tu_write(tmp, "two.csv", two, strlen(two));
    struct run r = RUN("--db", db, "import", "cases", p1);
    ck_assert_msg(r.code == 0 && strcmp(r.err, "1 casus ingelezen\n") == 0, "%s", r.err);
    rn_free(&r);
    r = RUN("--db", db, "import", "cases", p2);
    ck_assert_msg(r.code == 0 && strcmp(r.err, "2 casussen ingelezen\n") == 0, "%s", r.err);
    rn_free(&r);
    r = RUN("--db", db, "--lang", "en", "import", "cases", p1);
    ck_assert_msg(r.code == 0 && strcmp(r.err, "1 case read\n") == 0, "%s", r.err);
    rn_free(&r);
    static const char sig[] = "id,date,area,text,case\ns-1,2026-11-02,A,T,c-1\n"
                              "s-2,2026-11-02,A,T,c-2\ns-3,2026-11-02,A,T,\n";
    char *p3 = tu_write(tmp, "sig.csv", sig, strlen(sig));
    r = RUN("--db", db, "--lang", "en", "import", "signals", p3);
    ck_assert_msg(r.code == 0 && strcmp(r.err, "3 signals read\n") == 0, "%s", r.err);
    rn_free(&r);
    static const char bad[] = "id,date,area,text,case\ns-4,18-12-2026,A,T,c-9\n";
    char *p4 = tu_write(tmp, "bad.csv", bad, strlen(bad));
    r = RUN("--db", db, "import", "signals", p4);
    ck_assert_int_eq(r.code, 65);
    ck_assert_msg(strstr(r.err, "bad.csv:2: date: geen bestaande datum in de vorm JJJJ-MM-DD: "
                                "'18-12-2026'"),
                  "%s", r.err);
    rn_free(&r);
    static const char ref[] = "id,date,area,text,case\ns-4,2026-12-18,A,T,c-9\n";
    char *p5 = tu_write(tmp, "ref.csv", ref, strlen(ref));
    r = RUN("--db", db, "import", "signals", p5);
    ck_assert_int_eq(r.code, 65);
    ck_assert_msg(strstr(r.err, "ref.csv:2: case: er is geen casus 'c-9'"), "%s", r.err);
    rn_free(&r);
    free(p1), free(p2), free(p3), free(p4), free(p5);
}
END_TEST

START_TEST(test_purge_by_closing_date)
{
    make_full();
    /* c-2 was closed on 2026-11-20 though opened on 2026-11-03. */
    tu_ok(RUN("--db", db, "purge", "--closed-before", "2026-11-20"));
    char *s = snapshot(db);
    ck_assert_ptr_nonnull(strstr(s, "\nc-2,"));
    free(s);
    tu_ok(RUN("--db", db, "purge", "--closed-before", "2026-11-21"));
    s = snapshot(db);
    ck_assert_ptr_null(strstr(s, "\nc-2,"));
    ck_assert_ptr_nonnull(strstr(s, "\nc-1,"));
    free(s);
    /* A case that comes in closed without a date stops the purge. */
    import_file("cases", "old.csv",
                "id,opened,area,resident,request,status\nc-3,2020-01-01,A,Y,V,closed\n"
                "c-4,2020-01-01,A,Z,V,closed\n");
    struct run r = RUN("--db", db, "purge", "--closed-before", "2021-01-01");
    ck_assert_int_eq(r.code, 65);
    ck_assert_int_eq(rn_lines(r.err), 1);
    ck_assert_ptr_nonnull(strstr(r.err, "c-3"));
    ck_assert_ptr_nonnull(strstr(r.err, "--use-opened"));
    rn_free(&r);
    s = snapshot(db);
    ck_assert_ptr_nonnull(strstr(s, "\nc-3,"));
    free(s);
    r = RUN("--db", db, "purge", "--closed-before", "2021-01-01", "--use-opened");
    ck_assert_int_eq(r.code, 0);
    ck_assert_ptr_nonnull(strstr(r.err, "2 "));
    rn_free(&r);
    s = snapshot(db);
    ck_assert_ptr_null(strstr(s, "\nc-3,"));
    ck_assert_ptr_null(strstr(s, "\nc-4,"));
    free(s);
    tu_ok(RUN("--db", db, "check"));
}
END_TEST

/* Closing through the app sets cases.closed once; reopening clears it. */
START_TEST(test_close_and_reopen)
{
    make_full();
    struct app *a = at_open(db, "leider", false);
    struct wt_error e = {0};
    struct wt_record r;
    ck_assert_int_eq(app_get(a, WT_CASES, "c-1", &r, &e), 0);
    ck_assert_ptr_null(r.v[CASE_CLOSED]);
    record_set(&r, CASE_STATUS, "closed");
    ck_assert_msg(app_put(a, &r, &e) == 0, "%s", e.text);
    record_fini(&r);
    ck_assert_int_eq(app_get(a, WT_CASES, "c-1", &r, &e), 0);
    ck_assert_str_eq(record_get(&r, CASE_CLOSED), "2026-11-30");
    /* An edit on a later day keeps the day it was closed. */
    a->today += 3; /* white-box: the app's today (app_int.h) */
    record_set(&r, CASE_FORMAL, "afgerond");
    ck_assert_msg(app_put(a, &r, &e) == 0, "%s", e.text);
    record_fini(&r);
    ck_assert_int_eq(app_get(a, WT_CASES, "c-1", &r, &e), 0);
    ck_assert_str_eq(record_get(&r, CASE_CLOSED), "2026-11-30");
    record_set(&r, CASE_STATUS, "open");
    ck_assert_msg(app_put(a, &r, &e) == 0, "%s", e.text);
    record_fini(&r);
    ck_assert_int_eq(app_get(a, WT_CASES, "c-1", &r, &e), 0);
    ck_assert_ptr_null(r.v[CASE_CLOSED]);
    ck_assert_str_eq(record_get(&r, CASE_STATUS), "open");
    record_fini(&r);
    app_close(a);
}
END_TEST

/* An import larger than one chunk of the write (import.c: 1,024 records): a reference to a
 * record further on in the file, a bad row or reference after the first chunks, a pipe. */
static char *many_cases(size_t n, const char *first_chosen, size_t bad_line)
{
    static char request[1001];
    for (size_t i = 0; i + 5 <= 1000; i += 5)
        memcpy(request + i, "Tuin ", 5); /* long with n large: the map must grow */
    request[n > 10000 ? 999 : 4] = '\0';
    struct buf b = {0};
    buf_puts(&b, "id,opened,area,resident,request,chosen\n");
    for (size_t i = 0; i < n; i++) {
        size_t line = i + 2;
        buf_printf(&b, "c-%05zu,%s,Dorp/Kern,Jan de Vries,%s,%s\n", i,
                   line == bad_line ? "2026-13-01" : "2026-11-02", request,
                   i == 0 ? first_chosen : "");
    }
    return buf_steal(&b);
}

/* `cat FILE | wijktafel import cases -`: standard error (exit 65 or 0 asserted). */
static char *pipe_import(const char *file)
{
    char *errp = tu_path(tmp, "pipe.err");
    char *cmd = xasprintf("cat '%s' | '%s' --db '%s' import cases - 2>'%s'", file,
                          getenv("WIJKTAFEL"), db, errp);
    int st = system(cmd);
    ck_assert(WIFEXITED(st));
    ck_assert_msg(WEXITSTATUS(st) == 0 || WEXITSTATUS(st) == 65, "exit %d", WEXITSTATUS(st));
    char *err = rn_slurp(errp);
    free(cmd);
    free(errp);
    return err;
}

START_TEST(test_import_in_chunks)
{
    tu_ok(RUN("--db", db, "init"));
    /* The first case chose the last one: a reference forward, 2,999 rows on. */
    char *text = many_cases(3000, "c-02999:worked", 0);
    char *p = tu_write(tmp, "many.csv", text, strlen(text));
    struct run r = RUN("--db", db, "import", "cases", p);
    ck_assert_msg(r.code == 0, "%s", r.err);
    ck_assert_str_eq(r.err, "3000 casussen ingelezen\n");
    rn_free(&r);
    r = RUN("--db", db, "export", "cases");
    ck_assert_ptr_nonnull(strstr(r.out, "c-00000,2026-11-02,Dorp/Kern,Jan de Vries,Tuin,,,open,,,"
                                        ",,no,c-02999:worked,"));
    ck_assert_ptr_nonnull(strstr(r.out, "\nc-02999,"));
    char *before = r.out;
    r.out = NULL;
    rn_free(&r);
    free(text);
    free(p);
    /* A reference to nothing, found only at the end; a bad date in the third chunk: either
     * refuses the whole file, and nothing of the earlier chunks stays. */
    text = many_cases(3000, "c-09999", 0);
    for (int i = 0; text[i]; i++) /* other ids, so that a partial write would show */
        if (text[i] == 'c' && text[i + 1] == '-')
            text[i] = 'x';
    p = tu_write(tmp, "dangling.csv", text, strlen(text));
    r = RUN("--db", db, "import", "cases", p);
    ck_assert_int_eq(r.code, 65);
    char *want = xasprintf("%s:2: chosen: er is geen kaartitem, talent of casus 'x-09999'\n",
                           p);
    ck_assert_str_eq(r.err, want);
    free(want);
    rn_free(&r);
    free(text);
    free(p);
    text = many_cases(3000, "", 2500);
    for (int i = 0; text[i]; i++)
        if (text[i] == 'c' && text[i + 1] == '-')
            text[i] = 'y';
    p = tu_write(tmp, "late.csv", text, strlen(text));
    r = RUN("--db", db, "import", "cases", p);
    ck_assert_int_eq(r.code, 65);
    ck_assert_ptr_nonnull(strstr(r.err, "late.csv:2500: opened: "));
    rn_free(&r);
    r = RUN("--db", db, "export", "cases");
    ck_assert_str_eq(r.out, before);
    rn_free(&r);
    /* From a pipe, as from a file. */
    char *err = pipe_import(p);
    ck_assert_ptr_nonnull(strstr(err, "stdin:2500: opened: "));
    free(err);
    free(text);
    free(p);
    /* 30,000 long cases (30 MB) through a pipe outgrow the map the import reserved (a
     * pipe's size is not known): the write is done over from the bytes the pipe gave. */
    text = many_cases(30000, "", 0);
    for (int i = 0; text[i]; i++)
        if (text[i] == 'c' && text[i + 1] == '-')
            text[i] = 'z';
    p = tu_write(tmp, "pipe.csv", text, strlen(text));
    err = pipe_import(p);
    ck_assert_str_eq(err, "30000 casussen ingelezen\n");
    free(err);
    r = RUN("--db", db, "export", "cases");
    ck_assert_int_eq(rn_lines(r.out), 33001);
    rn_free(&r);
    free(before);
    free(text);
    free(p);
}
END_TEST


int main(void)
{
    const TTest *tests[] = {test_json_round_trip, test_json_bad_input, test_purge_by_closing_date,
                            test_close_and_reopen, test_import_in_chunks, test_import_says};
    const struct tu_suite suite = {
        .name = "data",
        .timeout = 120,
        .setup = setup, .teardown = teardown};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
