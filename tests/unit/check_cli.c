/* check_cli.c: the commands through the real binary: exit codes, messages, bad input, round trip. */
#include <check.h>
#include <lmdb.h>
#include <sys/stat.h>

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
#define RUN_IN(in, ...) rn_exec(tmp, in, 0, (char *[]){"wijktafel", __VA_ARGS__, NULL})

static const char *const kinds[] = {"members", "resources", "talents", "cases", "signals",
                                    "actions"};

static const char *const base[] = {
    "id,name,role,discipline,area,hours\n"
    "leider,Lea Leider,leader,teamleider,Veenwaard,32\n"
    "m-bw,Bram Werker,professional,buurtwerker,Veenwaard/Elst,36\n",
    "id,name,kind,area,needs,interests,ages,access,checked,capacity\n"
    "r-eet,Eetcafé,activity,Veenwaard/Elst,eenzaamheid;voeding,eten,,rolstoel,2026-10-01,open\n",
    "id,name,area,offers,consent\n"
    "t-henk,Henk Bakker,Veenwaard/Elst,tuin,2026-09-01\n",
    "id,opened,area,resident,request,owner,needs,chosen\n"
    "c-1,2026-11-02,Veenwaard/Elst,Jan de Vries,Tuin is verwilderd,m-bw,tuin,t-henk\n",
    "id,date,area,text,case,reporter\n"
    "s-1,2026-11-20,Veenwaard/Elst,Veel eenzame ouderen,c-1,m-bw\n",
    "id,text,owner,due,case\n"
    "a-1,Henk bellen,m-bw,2026-12-07,c-1\n"};

static void make_base(void)
{
    tu_ok(RUN("--db", db, "init", "--team", "Testteam"));
    for (int k = 0; k < 6; k++)
        tu_import(tmp, db, NULL, kinds[k], base[k]);
}

static char *snapshot(void)
{
    char *all = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&all, &len);
    for (int k = 0; k < 6; k++) {
        struct run r = RUN("--db", db, "export", (char *)kinds[k]);
        ck_assert_int_eq(r.code, 0);
        fprintf(m, "== %s\n%s", kinds[k], r.out);
        rn_free(&r);
    }
    fclose(m);
    return all;
}

START_TEST(test_init_and_summary)
{
    struct run r = RUN("--db", db, "init", "--team", "Doen!-team", "--leader", "lea", "--name",
                       "Lea Leider");
    ck_assert_int_eq(r.code, 0);
    rn_free(&r);
    struct stat st;
    ck_assert_int_eq(stat(db, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0700);
    r = RUN("--db", db, "export", "members");
    ck_assert_str_eq(r.out, "id,name,role,discipline,area,hours\nlea,Lea Leider,leader,,,\n");
    rn_free(&r);
    r = RUN("--db", db, "init");
    ck_assert_int_eq(r.code, 73);
    ck_assert_int_eq(rn_lines(r.err), 1);
    rn_free(&r);
    tu_ok(RUN("--db", db, "check"));
}
END_TEST

START_TEST(test_usage_errors)
{
    make_base();
    struct run r = RUN("--db", db, "frobnicate");
    ck_assert_int_eq(r.code, 64);
    ck_assert_int_eq(rn_lines(r.err), 1);
    rn_free(&r);
    r = RUN("--db", db, "--bogus");
    ck_assert_int_eq(r.code, 64);
    rn_free(&r);
    r = RUN("--db", db, "export");
    ck_assert_int_eq(r.code, 64);
    rn_free(&r);
    r = RUN("--db", db, "export", "cases", "--format", "xml");
    ck_assert_int_eq(r.code, 64);
    rn_free(&r);
    r = RUN("--db", db, "import", "pets", "x.csv");
    ck_assert_int_eq(r.code, 64);
    ck_assert_ptr_nonnull(strstr(r.err, "pets"));
    ck_assert_int_eq(rn_lines(r.err), 1);
    rn_free(&r);
    r = RUN("--db", db, "--as", "ghost", "export", "cases");
    ck_assert_int_eq(r.code, 77);
    ck_assert_ptr_nonnull(strstr(r.err, "ghost"));
    rn_free(&r);
    r = RUN("--db", db, "--as", "m-bw", "export", "cases");
    ck_assert_int_eq(r.code, 0);
    rn_free(&r);
    r = RUN("--version");
    ck_assert_int_eq(r.code, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "wijktafel "));
    rn_free(&r);
    r = RUN("--help");
    ck_assert_int_eq(r.code, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "import"));
    rn_free(&r);
    char *none = tu_path(tmp, "nothing-here");
    r = RUN("--db", none, "export", "cases");
    ck_assert_int_eq(r.code, 66);
    ck_assert_int_eq(rn_lines(r.err), 1);
    rn_free(&r);
    free(none);
    r = RUN("--db", db, "suggest", "c-404");
    ck_assert_int_eq(r.code, 66);
    ck_assert_int_eq(rn_lines(r.err), 1);
    rn_free(&r);
}
END_TEST

/* The one line a run wrote to stderr is exactly want, with exit code 64. */
static void usage_line(struct run r, const char *want)
{
    ck_assert_msg(r.code == 64, "exit %d: %s", r.code, r.err);
    ck_assert_str_eq(r.err, want);
    rn_free(&r);
}

/* The parser (src/cli/args.c) through the program: the usage message and --help come from
 * one declaration per command, in both languages; unknown options and missing values. */
START_TEST(test_declared_usage)
{
    make_base();
    usage_line(RUN("--db", db, "export"),
               "gebruik: wijktafel export KIND [--format csv|json] | resources --format hsds DIR\n");
    usage_line(RUN("--lang", "en", "--db", db, "purge"),
               "usage: wijktafel purge --closed-before YYYY-MM-DD [--use-opened]\n");
    usage_line(RUN("--db", db, "purge"),
               "gebruik: wijktafel purge --closed-before JJJJ-MM-DD [--use-opened]\n");
    usage_line(RUN("--db", db, "report", "--from", "2026-01-01"),
               "gebruik: wijktafel report --from JJJJ-MM-DD --to JJJJ-MM-DD [--format md|csv]\n");
    usage_line(RUN("--db", db, "bundle"),
               "gebruik: wijktafel bundle export --for ROL|LID [--all] BESTAND, of wijktafel "
               "bundle import BESTAND\n");
    usage_line(RUN("--lang", "en", "--db", db, "bundle", "export", "--for", "leider"),
               "usage: wijktafel bundle export --for ROLE|MEMBER [--all] FILE\n");
    usage_line(RUN("--db", db, "check", "--x"), "gebruik: wijktafel check\n");
    usage_line(RUN("--db", db, "suggest", "--cases", "f"),
               "gebruik: wijktafel suggest CASE_ID [--limit N] [--format text|tsv|json] of "
               "suggest --cases FILE --format tsv\n");
    /* Unknown options, a flag with a value, a missing value, an ambiguous prefix. */
    usage_line(RUN("--db", db, "export", "cases", "--bogus"),
               "export: onbekende of onvolledige optie '--bogus'\n");
    usage_line(RUN("--lang", "en", "--db", db, "log", "--bogus"),
               "log: unknown or incomplete option '--bogus'\n");
    usage_line(RUN("--db", db, "bundle", "export", "--all=1", "f"),
               "bundle export: onbekende of onvolledige optie '--all=1'\n");
    usage_line(RUN("--db", db, "erase", "--case"), "erase: onbekende of onvolledige optie '--case'\n");
    usage_line(RUN("--db", db, "init", "--team"), "init: onbekende of onvolledige optie '--team'\n");
    usage_line(RUN("--db", db, "themes", "--s", "2026-01-01", "--format", "x"),
               "themes: --format moet text of tsv zijn\n");
    usage_line(RUN("--bogus"), "onbekende of onvolledige optie '--bogus' (zie wijktafel --help)\n");
    /* A check runs where its option stands: before a later unknown option. */
    usage_line(RUN("--db", db, "export", "cases", "--format", "xml", "--bogus"),
               "export: --format moet csv, json of hsds zijn, niet 'xml'\n");
    /* A unique prefix and options after the argument, as before. */
    struct run r = RUN("--db", db, "export", "members", "--form", "json");
    ck_assert_int_eq(r.code, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "\"id\": \"leider\""));
    rn_free(&r);
    /* Commands without options take their arguments as they are. */
    r = RUN("--db", db, "bundle", "import", "--x");
    ck_assert_int_eq(r.code, 66);
    ck_assert_ptr_nonnull(strstr(r.err, "--x: "));
    rn_free(&r);
    /* --help shows the same usage as the message, per language. */
    r = RUN("--help");
    ck_assert_ptr_nonnull(strstr(r.out, "  purge    --closed-before JJJJ-MM-DD [--use-opened]\n"));
    ck_assert_ptr_nonnull(strstr(r.out, "  bundle   export --for ROL|LID [--all] BESTAND | "
                                        "import BESTAND\n"));
    rn_free(&r);
    r = RUN("--lang", "en", "--help");
    ck_assert_ptr_nonnull(strstr(r.out, "  purge    --closed-before YYYY-MM-DD [--use-opened]\n"));
    ck_assert_ptr_nonnull(strstr(r.out, "  check    \n"));
    rn_free(&r);
    /* --help ends the options: a later unknown one is not looked at. */
    r = RUN("-h", "--bogus");
    ck_assert_int_eq(r.code, 0);
    rn_free(&r);
}
END_TEST

struct bad {
    const char *kind;
    const char *text; /* NULL: the file does not exist */
    int code;
    const char *where; /* expected at the start of the one stderr line, after the path */
};

static const struct bad bad_inputs[] = {
    {"members", "id,name,role,shoe\nx,X,leader,42\n", 65, ":1: shoe: "},
    {"cases", "id,area,resident,request\nc-2,A/B,Ann,Vraag\n", 65, ":1: opened: "},
    {"cases", "id,opened,area,resident,request\nc-2,2026-11-01,A/B,Ann,V\nc-3,2026-02-30,A/B,B,V\n",
     65, ":3: opened: "},
    {"members", "id,name,role\nm-x,X,boss\n", 65, ":2: role: "},
    {"signals", "id,date,area,text\ns-2,2026-11-01,A,t\ns-2,2026-11-02,A,u\n", 65, ":3: id: "},
    {"talents", "id,name,area\nt x,Tom,A\n", 65, ":2: id: "},
    {"cases", "id,opened,area,resident,request\nc-2,2026-11-01,A/B,Ann,\xff\xfe\n", 65,
     ":2: request: "},
    {"cases", "id,opened,area,resident,request,owner\nc-2,2026-11-01,A/B,Ann,V,ghost\n", 65,
     ":2: owner: "},
    {"actions", "id,text,case\na-2,Bellen,c-404\n", 65, ":2: case: "},
    {"actions", "id,text,case\na-2,Bellen,c-1\na-3,Bellen,c-404\n", 65, ":3: case: "},
    {"cases", "id,opened,area,resident,request,chosen\nc-2,2026-11-01,A/B,Ann,V,r-nope\n", 65,
     ":2: chosen: "},
    {"members", "", 65, ":1: "},
    {"members", "id,name,role\nm-y,\"Y,leader\n", 65, ":2: "},
    {"members", "id,name,role\nm-y,Y\n", 65, ":2: "},
    {"members", NULL, 66, ": "},
};

START_TEST(test_bad_input_changes_nothing)
{
    make_base();
    char *before = snapshot();
    for (size_t i = 0; i < sizeof bad_inputs / sizeof bad_inputs[0]; i++) {
        const struct bad *b = &bad_inputs[i];
        char name[32];
        snprintf(name, sizeof name, "bad%zu.csv", i);
        char *path = b->text ? tu_write(tmp, name, b->text, strlen(b->text)) : tu_path(tmp, name);
        struct run r = RUN("--db", db, "import", (char *)b->kind, path);
        ck_assert_msg(r.code == b->code, "case %zu: exit %d, want %d (%s)", i, r.code, b->code,
                      r.err);
        ck_assert_msg(rn_lines(r.err) == 1, "case %zu: stderr '%s'", i, r.err);
        ck_assert_msg(strncmp(r.err, path, strlen(path)) == 0 &&
                          strncmp(r.err + strlen(path), b->where, strlen(b->where)) == 0,
                      "case %zu: stderr '%s', want '%s%s'", i, r.err, path, b->where);
        rn_free(&r);
        free(path);
    }
    /* An over-long field (4,001 bytes). */
    static const char head[] = "id,opened,area,resident,request\nc-2,2026-11-01,A/B,Ann,";
    const size_t n = sizeof head - 1;
    char *big = malloc(n + 4001 + 2);
    memcpy(big, head, n);
    memset(big + n, 'x', 4001);
    big[n + 4001] = '\n';
    big[n + 4002] = '\0';
    char *path = tu_write(tmp, "long.csv", big, strlen(big));
    struct run r = RUN("--db", db, "import", "cases", path);
    ck_assert_int_eq(r.code, 65);
    ck_assert_ptr_nonnull(strstr(r.err, "long.csv:2: request: te lang"));
    rn_free(&r);
    free(path);
    free(big);

    char *after = snapshot();
    ck_assert_str_eq(before, after);
    free(before);
    free(after);
}
END_TEST

START_TEST(test_unwritable_and_newer)
{
    /* A folder where the database cannot be made: as root, drop to nobody. */
    char *ro = tu_path(tmp, "ro");
    mkdir(ro, 0555);
    chmod(tmp, 0755);
    char *inner = tu_path(ro, "db");
    struct run r = rn_exec(tmp, NULL, geteuid() == 0,
                           (char *[]){"wijktafel", "--db", inner, "init", NULL});
    ck_assert_msg(r.code == 73, "exit %d: %s", r.code, r.err);
    /* A coverage build's counters (libgcov) may complain about the unprivileged
     * user's files: those lines are the build's, not the program's. */
    ck_assert_msg(rn_lines_but(r.err, "profiling") == 1, "%.600s", r.err);
    ck_assert_ptr_nonnull(strstr(r.err, inner));
    rn_free(&r);
    free(inner);
    free(ro);

    /* A database of a newer schema version (written here with LMDB itself). */
    tu_ok(RUN("--db", db, "init"));
    MDB_env *env;
    MDB_txn *txn;
    MDB_dbi meta;
    ck_assert_int_eq(mdb_env_create(&env), 0);
    mdb_env_set_maxdbs(env, 16);
    ck_assert_int_eq(mdb_env_open(env, db, 0, 0600), 0);
    ck_assert_int_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
    ck_assert_int_eq(mdb_dbi_open(txn, "meta", 0, &meta), 0);
    MDB_val k = {6, "schema"}, v = {2, "99"};
    ck_assert_int_eq(mdb_put(txn, meta, &k, &v, 0), 0);
    ck_assert_int_eq(mdb_txn_commit(txn), 0);
    mdb_env_close(env);
    r = RUN("--db", db, "export", "members");
    ck_assert_int_eq(r.code, 74);
    ck_assert_int_eq(rn_lines(r.err), 1);
    ck_assert_ptr_nonnull(strstr(r.err, "nieuwere versie"));
    rn_free(&r);
}
END_TEST

START_TEST(test_crlf_quotes_and_stdin)
{
    tu_ok(RUN("--db", db, "init"));
    const char *csv = "id,name,role\r\nm-1,\"Bakker, Henk\",professional\r\n"
                      "m-2,\"Zegt \"\"hoi\"\"\",volunteer\r\n";
    char *p = tu_write(tmp, "m.csv", csv, strlen(csv));
    tu_ok(RUN_IN(p, "--db", db, "import", "members", "-"));
    struct run r = RUN("--db", db, "export", "members", "--format", "json");
    ck_assert_int_eq(r.code, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "\"name\": \"Bakker, Henk\""));
    ck_assert_ptr_nonnull(strstr(r.out, "\"name\": \"Zegt \\\"hoi\\\"\""));
    rn_free(&r);
    free(p);
}
END_TEST

static const char *const tricky[] = {
    "id,name,role,discipline,area,hours\n"
    "leider,\"Lea, de \"\"Leider\"\"\",leader,\"twee\nregels\",Ĳsselmonde,7.5\n"
    "m-e,Émile 🙂,professional,wijkverpleegkundige,Ĳsselmonde/Noord,\n",
    "id,name,kind,area,needs,interests,ages,access,schedule,contact,description,checked,capacity\n"
    "r-1,\"Eetcafé \"\"De Molen\"\"\",activity,Ĳsselmonde/Noord,eenzaamheid;voeding,eten,65-,"
    "rolstoel;vervoer,\"do 17:30, vr 12:00\",a@b.example,\"Lekker eten 🍲\r\nmet z'n allen\","
    "2026-01-02,full\n",
    "id,name,area,offers,interests,available,consent\n"
    "t-1,Zoë van 't Hof,Ĳsselmonde,vervoer;tuin,tuinieren,\"ma, di\",2026-05-05\n",
    "id,opened,area,resident,request,age,owner,status,needs,strengths,network,formal,restricted,"
    "chosen\n"
    "c-1,2026-11-02,Ĳsselmonde/Noord,Renée el Amrani,\"Wil graag \"\"iets\"\" doen, met ë\","
    "41,m-e,open,eenzaamheid;Tuin,tuinieren,zus,\"thuiszorg, 2x\",yes,r-1:worked;t-1\n"
    "c-2,2026-11-03,Ĳsselmonde,Ali,Vraag,,,closed,,,,,no,c-1\n",
    "id,date,area,text,source,themes,case,status,reporter\n"
    "s-1,2026-11-20,Ĳsselmonde,\"Veel, heel veel\n\"\"overlast\"\" 🙂\",wijkagent,overlast,c-1,"
    "discussed,m-e\n",
    "id,text,meeting,owner,due,status,case\n"
    "a-1,\"Bel Zoë, over de tuin\",2026-11-23,m-e,2026-12-07,done,c-1\n"};

START_TEST(test_round_trip)
{
    tu_ok(RUN("--db", db, "init"));
    for (int k = 0; k < 6; k++)
        tu_import(tmp, db, NULL, kinds[k], tricky[k]);
    tu_ok(RUN("--db", db, "check"));
    char *first = snapshot();
    /* Import the exports into a new database and export again. */
    char *db2 = tu_path(tmp, "db2");
    tu_ok(RUN("--db", db2, "init"));
    for (int k = 0; k < 6; k++) {
        struct run r = RUN("--db", db, "export", (char *)kinds[k]);
        char name[32];
        snprintf(name, sizeof name, "exp-%s.csv", kinds[k]);
        char *p = tu_write(tmp, name, r.out, strlen(r.out));
        tu_ok(RUN("--db", db2, "import", (char *)kinds[k], p));
        free(p);
        rn_free(&r);
    }
    char *keep = db;
    db = db2;
    char *second = snapshot();
    db = keep;
    ck_assert_str_eq(first, second);
    ck_assert_ptr_nonnull(strstr(first, "Zoë van 't Hof"));
    ck_assert_ptr_nonnull(strstr(first, "\"Lekker eten 🍲\r\nmet z'n allen\""));
    ck_assert_ptr_nonnull(strstr(first, "Ĳsselmonde"));
    free(first);
    free(second);
    free(db2);
}
END_TEST

START_TEST(test_json_export)
{
    make_base();
    struct run r = RUN("--db", db, "export", "cases", "--format", "json");
    ck_assert_int_eq(r.code, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "\"needs\": [\n      \"tuin\"\n    ]"));
    ck_assert_ptr_nonnull(strstr(r.out, "\"age\": null"));
    ck_assert_ptr_nonnull(strstr(r.out, "\"status\": \"open\""));
    rn_free(&r);
}
END_TEST

START_TEST(test_backup_and_check)
{
    make_base();
    char *dest = tu_path(tmp, "backup");
    tu_ok(RUN("--db", db, "backup", dest));
    tu_ok(RUN("--db", dest, "check"));
    char *orig = snapshot();
    char *keep = db;
    db = dest;
    char *copy = snapshot();
    db = keep;
    ck_assert_str_eq(orig, copy);
    struct run r = RUN("--db", db, "backup", dest);
    ck_assert_int_eq(r.code, 73);
    ck_assert_int_eq(rn_lines(r.err), 1);
    rn_free(&r);
    free(orig);
    free(copy);
    free(dest);
}
END_TEST

START_TEST(test_demo)
{
    struct run r = RUN("--demo");
    ck_assert_msg(r.code == 0, "%s", r.err);
    rn_free(&r);
    tu_ok(RUN("--demo", "check"));
    const char *want[][2] = {{"members", "9"}, {"cases", "30"}, {"signals", "40"},
                             {"resources", "40"}, {"talents", "15"}, {"actions", "12"}};
    for (int i = 0; i < 6; i++) {
        r = RUN("--demo", "export", (char *)want[i][0]);
        ck_assert_int_eq(rn_lines(r.out) - 1, atoi(want[i][1]));
        rn_free(&r);
    }
    /* The demo lives apart from real data: nothing in WIJKTAFEL_DB. */
    ck_assert_int_ne(access(db, F_OK), 0);
    r = RUN("--demo", "--db", db, "export", "cases");
    ck_assert_int_eq(r.code, 64);
    rn_free(&r);
}
END_TEST

START_TEST(test_demo_dates_follow_today)
{
    setenv("WIJKTAFEL_TODAY", "2027-03-01", 1); /* 91 days after the reference day */
    struct run r = RUN("--demo", "export", "actions");
    ck_assert_int_eq(r.code, 0);
    /* a-001 was made at the meeting of 2026-10-26 in the reference data. */
    ck_assert_ptr_nonnull(strstr(r.out, "2027-01-25"));
    ck_assert_ptr_null(strstr(r.out, "2026-10-26"));
    rn_free(&r);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_init_and_summary, test_usage_errors, test_declared_usage,
                            test_bad_input_changes_nothing, test_unwritable_and_newer,
                            test_crlf_quotes_and_stdin, test_round_trip, test_json_export,
                            test_backup_and_check, test_demo, test_demo_dates_follow_today};
    const struct tu_suite suite = {
        .name = "cli",
        .timeout = 60,
        .setup = setup,
        .teardown = teardown};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
