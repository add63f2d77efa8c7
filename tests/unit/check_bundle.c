/* check_bundle.c: bundles between real databases through the real program (issue 7). */
#include <check.h>
#include <dirent.h>
#include <sys/stat.h>

#include "bundle_int.h"
#include "testutil.h"
#include "wijktafel/app.h"
#include "wijktafel/csv.h"

#define PASS "leider-geheim-1"
#define VPASS "annie-geheim-1"

static char *tmp;
static const char *const kinds[] = {"members", "resources", "talents", "cases", "signals",
                                    "actions"};

static void setup(void)
{
    tmp = tu_tmpdir();
    setenv("XDG_CACHE_HOME", tmp, 1);
    setenv("XDG_CONFIG_HOME", tmp, 1);
    setenv("WIJKTAFEL_TODAY", "2026-11-30", 1);
    setenv("WIJKTAFEL_PASSPHRASE", PASS, 1);
    unsetenv("WIJKTAFEL_DB");
    unsetenv("WIJKTAFEL_NEW_PASSPHRASE");
}

static void teardown(void)
{
    tu_rmtree(tmp);
}

#define RUN(...) TU_RUN(tmp, __VA_ARGS__)

static char *P(const char *name)
{
    return tu_path(tmp, name);
}

/* The demo's team as an encrypted team database in tmp/name. */
static void team_db(const char *name)
{
    char *db = P(name);
    tu_ok(RUN("--db", db, "init", "--team", "Veenwaard"));
    for (size_t i = 0; i < 6; i++) {
        char *csv;
        ck_assert_int_ge(asprintf(&csv, "%s/%s.csv", getenv("WT_DEMO_DATA"), kinds[i]), 0);
        tu_ok(RUN("--db", db, "import", kinds[i], csv));
        free(csv);
    }
    free(db);
}

static void bundle_export(const char *db, const char *target, const char *file, bool all)
{
    char *d = P(db), *f = P(file);
    tu_ok(all ? RUN("--db", d, "bundle", "export", "--for", target, "--all", f)
           : RUN("--db", d, "bundle", "export", "--for", target, f));
    free(d);
    free(f);
}

static void bundle_import(const char *db, const char *file)
{
    char *d = P(db), *f = P(file);
    tu_ok(RUN("--db", d, "bundle", "import", f));
    free(d);
    free(f);
}

static void init_from(const char *db, const char *file)
{
    char *d = P(db), *f = P(file);
    tu_ok(RUN("--db", d, "init", "--from", f));
    free(d);
    free(f);
}

/* Every kind's CSV export of a database, concatenated (caller frees). */
static char *exports(const char *db)
{
    char *d = P(db), *all = strdup("");
    for (size_t i = 0; i < 6; i++) {
        struct run r = RUN("--db", d, "export", kinds[i]);
        ck_assert_msg(r.code == 0, "%s: %s", db, r.err);
        char *n;
        ck_assert_int_ge(asprintf(&n, "%s%s", all, r.out), 0);
        free(all);
        all = n;
        rn_free(&r);
    }
    free(d);
    return all;
}

/* Imports CSV text of kind into db. */
static void import_text(const char *db, const char *kind, const char *csv)
{
    char *f = tu_write(tmp, "change.csv", csv, strlen(csv)), *d = P(db);
    tu_ok(RUN("--db", d, "import", kind, f));
    free(f);
    free(d);
}

static const char *const RES_HDR =
    "id,name,kind,area,needs,interests,ages,access,schedule,contact,description,checked,"
    "capacity\n";

/* r-test with the given schedule, contact and capacity. */
static void put_res(const char *db, const char *schedule, const char *contact, const char *cap)
{
    char csv[600];
    snprintf(csv, sizeof csv,
             "%sr-test,Testgroep,activity,Veenwaard,eenzaamheid,,,,%s,%s,Een groep.,"
             "2026-11-01,%s\n",
             RES_HDR, schedule, contact, cap);
    import_text(db, "resources", csv);
}

static size_t review_count(const char *db, const char *prefix);

START_TEST(test_two_databases_converge)
{
    team_db("a");
    put_res("a", "maandag", "0512-1", "open");
    bundle_export("a", "leider", "a0.wtb", false);
    init_from("b", "a0.wtb");
    char *ea = exports("a"), *eb = exports("b");
    ck_assert_str_eq(ea, eb);
    free(ea), free(eb);
    /* Diverge: different fields of r-test, and both change its capacity. */
    put_res("a", "maandag", "0512-2", "full");
    put_res("b", "dinsdag", "0512-1", "paused");
    import_text("b", "talents", "id,name,area,offers,interests,available,consent\n"
                                "t-new,Piet Nieuw,Veenwaard,koken,,,2026-11-01\n");
    char *aa = P("a");
    tu_ok(RUN("--db", aa, "erase", "--case", "c-002"));
    free(aa);
    bundle_export("a", "leider", "a1.wtb", false);
    bundle_export("b", "leider", "b1.wtb", false);
    bundle_import("a", "b1.wtb");
    bundle_import("b", "a1.wtb");
    ea = exports("a"), eb = exports("b");
    ck_assert_str_eq(ea, eb);
    ck_assert_ptr_nonnull(strstr(ea, "dinsdag,0512-2")); /* both fields merged */
    ck_assert_ptr_nonnull(strstr(ea, "t-new"));
    ck_assert_ptr_null(strstr(ea, "c-002,"));
    free(ea), free(eb);
    /* The capacity changed on both sides: one conflict in each review queue. */
    ck_assert_uint_eq(review_count("a", "k-"), 1);
    ck_assert_uint_eq(review_count("b", "k-"), 1);
    /* The beamer's name dictionary followed the merges (a talent in, an
     * erased case's resident out): check compares it with the records. */
    char *da = P("a"), *db = P("b");
    tu_ok(RUN("--db", da, "check"));
    tu_ok(RUN("--db", db, "check"));
    free(da), free(db);
}
END_TEST

START_TEST(test_same_bundle_twice)
{
    team_db("a");
    bundle_export("a", "leider", "a0.wtb", false);
    init_from("b", "a0.wtb");
    put_res("a", "woensdag", "0512-3", "open");
    put_res("b", "donderdag", "0512-3", "full");
    bundle_export("a", "leider", "a1.wtb", false);
    bundle_import("b", "a1.wtb");
    char *e1 = exports("b");
    size_t r1 = review_count("b", "");
    bundle_import("b", "a1.wtb");
    bundle_import("b", "a0.wtb"); /* an old bundle changes nothing either */
    char *e2 = exports("b");
    ck_assert_str_eq(e1, e2);
    ck_assert_uint_eq(review_count("b", ""), r1);
    free(e1), free(e2);
}
END_TEST

static void cp_db(const char *from, const char *to)
{
    char *cmd;
    ck_assert_int_ge(asprintf(&cmd, "cp -r '%s/%s' '%s/%s'", tmp, from, tmp, to), 0);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
}

START_TEST(test_three_databases_any_order)
{
    team_db("a");
    put_res("a", "maandag", "0512-1", "open");
    bundle_export("a", "leider", "a0.wtb", false);
    init_from("b", "a0.wtb");
    init_from("c", "a0.wtb");
    put_res("a", "maandag", "0512-1", "full");
    put_res("b", "dinsdag", "0512-1", "paused");
    put_res("c", "dinsdag", "0512-9", "open");
    char *cc = P("c");
    tu_ok(RUN("--db", cc, "erase", "--case", "c-003"));
    free(cc);
    bundle_export("a", "leider", "a.wtb", true);
    bundle_export("b", "leider", "b.wtb", true);
    bundle_export("c", "leider", "c.wtb", true);
    /* Each database takes the other two in both orders. */
    static const char *const plan[6][3] = {{"a", "b.wtb", "c.wtb"}, {"a", "c.wtb", "b.wtb"},
                                           {"b", "a.wtb", "c.wtb"}, {"b", "c.wtb", "a.wtb"},
                                           {"c", "a.wtb", "b.wtb"}, {"c", "b.wtb", "a.wtb"}};
    char *first = NULL;
    for (int i = 0; i < 6; i++) {
        char name[8];
        snprintf(name, sizeof name, "x%d", i);
        cp_db(plan[i][0], name);
        bundle_import(name, plan[i][1]);
        bundle_import(name, plan[i][2]);
        char *e = exports(name);
        if (!first)
            first = e;
        else {
            ck_assert_msg(strcmp(first, e) == 0, "order %d differs", i);
            free(e);
        }
    }
    ck_assert_ptr_null(strstr(first, "c-003,"));
    free(first);
}
END_TEST

/* Runs a bundle import that must fail with 65 and one line, changing nothing. */
static void refused(const char *db, const char *file)
{
    char *before = exports(db), *d = P(db), *f = P(file);
    struct run r = RUN("--db", d, "bundle", "import", f);
    ck_assert_msg(r.code == 65, "%s: exit %d: %s", file, r.code, r.err);
    ck_assert_int_eq(rn_lines(r.err), 1);
    rn_free(&r);
    char *after = exports(db);
    ck_assert_str_eq(before, after);
    free(before), free(after), free(d), free(f);
}

static char *slurp_len(const char *file, size_t *n)
{
    char *p = P(file);
    FILE *f = fopen(p, "rb");
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    *n = (size_t)ftell(f);
    rewind(f);
    char *buf = malloc(*n + 1);
    ck_assert_uint_eq(fread(buf, 1, *n, f), *n);
    fclose(f);
    free(p);
    return buf;
}

START_TEST(test_bad_bundles_refused)
{
    team_db("a");
    bundle_export("a", "leider", "a0.wtb", false);
    init_from("b", "a0.wtb");
    put_res("a", "vrijdag", "0512-5", "open");
    bundle_export("a", "leider", "a1.wtb", false);
    size_t n;
    char *buf = slurp_len("a1.wtb", &n);
    free(tu_write(tmp, "trunc.wtb", buf, n - 7));
    free(tu_write(tmp, "half.wtb", buf, n / 2));
    free(tu_write(tmp, "empty.wtb", buf, 0));
    size_t at[] = {12, 40, n / 2, n - 20, n - 1};
    for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
        buf[at[i]] ^= 0x10;
        free(tu_write(tmp, "flip.wtb", buf, n));
        buf[at[i]] ^= 0x10;
        refused("b", "flip.wtb");
    }
    buf[8] = 2; /* format version */
    free(tu_write(tmp, "newer.wtb", buf, n));
    free(buf);
    refused("b", "trunc.wtb");
    refused("b", "half.wtb");
    refused("b", "empty.wtb");
    refused("b", "newer.wtb");
    team_db("other");
    bundle_export("other", "leider", "other.wtb", false);
    refused("b", "other.wtb");
    /* The good one still goes in afterwards. */
    bundle_import("b", "a1.wtb");
}
END_TEST

/* --- No case text in the community centre's files ---------------------- */

struct needles {
    char **s;
    size_t n;
    int want[16], header;
};

static int pick(void *ctx, size_t line, char **fields, size_t n)
{
    (void)line;
    struct needles *nd = ctx;
    for (size_t i = 0; i < n && i < 16; i++) {
        if (!nd->header)
            nd->want[i] = strcmp(fields[i], "resident") == 0 || strcmp(fields[i], "request") == 0;
        else if (nd->want[i] && strlen(fields[i]) >= 5) {
            nd->s = realloc(nd->s, (nd->n + 1) * sizeof *nd->s);
            nd->s[nd->n++] = strdup(fields[i]);
        }
    }
    nd->header = 1;
    return 0;
}

/* How many of the needles occur in the file (UTF-8 or UTF-16LE). */
static size_t hits(const char *path, const struct needles *nd)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    struct stat st;
    stat(path, &st);
    char *buf = malloc((size_t)st.st_size + 1);
    size_t n = fread(buf, 1, (size_t)st.st_size, f);
    fclose(f);
    size_t found = 0;
    for (size_t i = 0; i < nd->n; i++) {
        size_t l = strlen(nd->s[i]);
        char *w = calloc(2 * l + 1, 1);
        for (size_t j = 0; j < l; j++)
            w[2 * j] = nd->s[i][j];
        found += memmem(buf, n, nd->s[i], l) != NULL || memmem(buf, n, w, 2 * l) != NULL;
        free(w);
    }
    free(buf);
    return found;
}

START_TEST(test_community_centre_holds_no_case_text)
{
    struct needles nd = {0};
    char *path;
    ck_assert_int_ge(asprintf(&path, "%s/cases.csv", getenv("WT_DEMO_DATA")), 0);
    char *text = rn_slurp(path);
    ck_assert_int_eq(csv_read(text, strlen(text), path, pick, &nd, NULL), 0);
    free(text), free(path);
    ck_assert_uint_ge(nd.n, 40);
    team_db("a");
    char *a = P("a");
    setenv("WIJKTAFEL_NEW_PASSPHRASE", VPASS, 1);
    tu_ok(RUN("--db", a, "passphrase", "m-annie"));
    bundle_export("a", "m-annie", "bh0.wtb", false);
    bundle_export("a", "volunteer", "vol.wtb", true);
    /* The search works: a leader's bundle is no plain text either, but the
     * plain export is. */
    struct run r = RUN("--db", a, "export", "cases");
    char *exp = tu_write(tmp, "cases.out", r.out, strlen(r.out));
    ck_assert_uint_gt(hits(exp, &nd), 30);
    rn_free(&r), free(exp);
    setenv("WIJKTAFEL_PASSPHRASE", VPASS, 1);
    init_from("bh", "bh0.wtb");
    char *bh = P("bh");
    r = RUN("--db", bh, "export", "cases");
    ck_assert_int_eq(r.code, 77);
    rn_free(&r);
    /* A volunteer enters a signal at the walk-in; it reaches the leader's review. */
    import_text("bh", "signals", "id,date,area,text,source,themes,case,status,reporter\n"
                                 "s-900,2026-11-20,Veenwaard,Nieuw: eenzaamheid in de flat,"
                                 "buurthuis,eenzaamheid,,new,m-annie\n");
    bundle_export("bh", "leader", "bh1.wtb", false);
    setenv("WIJKTAFEL_PASSPHRASE", PASS, 1);
    bundle_import("a", "bh1.wtb");
    bundle_import("a", "bh1.wtb");
    char *ea = exports("a");
    ck_assert_ptr_null(strstr(ea, "s-900"));
    free(ea);
    ck_assert_uint_eq(review_count("a", "b-"), 1);
    /* The team's next bundle brings the buurthuis up to date. */
    put_res("a", "zaterdag", "0512-7", "open");
    bundle_export("a", "m-annie", "bh2.wtb", false);
    setenv("WIJKTAFEL_PASSPHRASE", VPASS, 1);
    bundle_import("bh", "bh2.wtb");
    r = RUN("--db", bh, "export", "resources");
    ck_assert_ptr_nonnull(strstr(r.out, "zaterdag"));
    rn_free(&r);
    const char *files[] = {"bh0.wtb", "bh1.wtb", "bh2.wtb", "vol.wtb", "bh/data.mdb"};
    for (size_t i = 0; i < 5; i++) {
        char *p = P(files[i]);
        ck_assert_msg(hits(p, &nd) == 0, "case text in %s", files[i]);
        free(p);
    }
    /* Not even encrypted: the volunteer's database holds no case record. */
    char *data = P("bh/data.mdb");
    size_t n;
    char *buf = slurp_len("bh/data.mdb", &n);
    ck_assert_ptr_null(memmem(buf, n, "c-001", 5));
    free(buf), free(data);
    for (size_t i = 0; i < nd.n; i++)
        free(nd.s[i]);
    free(nd.s), free(a), free(bh);
}
END_TEST

static const char *given_pass(void *ctx, const char *member)
{
    (void)member;
    return ctx;
}

/* Opens db as member with passphrase pass (the app API: rounds have no command). */
static struct app *open_app(const char *db, const char *member, const char *pass)
{
    char *d = P(db);
    struct app_opts o = {.dir = d, .as_member = member, .passphrase = given_pass,
                         .passphrase_ctx = (void *)pass};
    struct app *a;
    struct wt_error err = {0};
    ck_assert_msg(app_open(&o, &a, &err) == 0, "%s", err.text);
    free(d);
    return a;
}

static struct app_round *rounds_of(struct app *a, size_t *n)
{
    struct app_round *rs;
    struct wt_error err = {0};
    ck_assert_msg(app_rounds_list(a, INT32_MIN, INT32_MAX, &rs, n, &err) == 0, "%s", err.text);
    return rs;
}

static struct round_door new_door(const char *where, const char *care)
{
    struct round_door d;
    round_door_init(&d);
    d.answered = true;
    d.talked = true;
    round_set(&d.where, where);
    round_set(&d.care, care);
    return d;
}

/* A round made at the community centre reaches the team; the team turns a
 * door's care question into a case; that mark and a later edit travel back;
 * a deleted round stays deleted; importing twice changes nothing. */
START_TEST(test_rounds_travel)
{
    team_db("a");
    char *a = P("a");
    setenv("WIJKTAFEL_NEW_PASSPHRASE", VPASS, 1);
    tu_ok(RUN("--db", a, "passphrase", "m-annie"));
    bundle_export("a", "m-annie", "bh0.wtb", false);
    setenv("WIJKTAFEL_PASSPHRASE", VPASS, 1);
    init_from("bh", "bh0.wtb");
    /* At the community centre: a Bakkie with two doors. */
    struct app *v = open_app("bh", "m-annie", VPASS);
    struct round r;
    round_init(&r);
    snprintf(r.date, sizeof r.date, "2026-11-20");
    round_set(&r.area, "Veenwaard/Elsterveld");
    snprintf(r.kind, sizeof r.kind, "bakkie");
    round_set(&r.pairs, "m-annie");
    struct wt_error err = {0};
    ck_assert_msg(app_round_save(v, &r, &err) == 0, "%s", err.text);
    ck_assert_msg(strncmp(r.id, "ronde-2026-11-20-", 17) == 0, "%s", r.id); /* the laptop's mark */
    struct round_door d1 = new_door("Plein", "Hulp bij formulieren"), d2 = new_door("Plein", "");
    ck_assert_int_eq(app_door_save(v, r.id, &d1, &err), 0);
    ck_assert_int_eq(app_door_save(v, r.id, &d2, &err), 0);
    app_close(v);
    bundle_export("bh", "leader", "bh1.wtb", false);
    setenv("WIJKTAFEL_PASSPHRASE", PASS, 1);
    bundle_import("a", "bh1.wtb");
    bundle_import("a", "bh1.wtb");
    /* The team sees the round and turns door 1's care question into a case. */
    struct app *t = open_app("a", "leider", PASS);
    size_t n;
    struct app_round *rs = rounds_of(t, &n);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(rs[0].r.id, r.id);
    ck_assert_uint_eq(rs[0].ndoors, 2);
    ck_assert_str_eq(rs[0].doors[0].care, "Hulp bij formulieren");
    struct wt_record rec;
    app_door_draft(t, &rs[0].r, &rs[0].doors[0], FINDING_CASE, &rec);
    record_set(&rec, CASE_RESIDENT, "Bewoner van het plein");
    ck_assert_msg(app_door_make(t, r.id, 1, FINDING_CASE, &rec, &err) == 0, "%s", err.text);
    record_fini(&rec);
    app_rounds_free(rs, n);
    /* A round of the team's own, deleted again: the deletion travels too. */
    struct round own;
    round_init(&own);
    snprintf(own.date, sizeof own.date, "2026-11-21");
    round_set(&own.area, "Veenwaard");
    ck_assert_int_eq(app_round_save(t, &own, &err), 0);
    ck_assert_str_eq(own.id, "ronde-2026-11-21");
    app_close(t);
    bundle_export("a", "m-annie", "bh2.wtb", false);
    t = open_app("a", "leider", PASS);
    ck_assert_int_eq(app_round_delete(t, own.id, &err), 0);
    app_close(t);
    bundle_export("a", "m-annie", "bh3.wtb", false);
    setenv("WIJKTAFEL_PASSPHRASE", VPASS, 1);
    bundle_import("bh", "bh2.wtb");
    v = open_app("bh", "m-annie", VPASS);
    rs = rounds_of(v, &n);
    ck_assert_uint_eq(n, 2);
    app_rounds_free(rs, n);
    app_close(v);
    bundle_import("bh", "bh3.wtb");
    bundle_import("bh", "bh2.wtb"); /* an old bundle again: the round stays deleted */
    v = open_app("bh", "m-annie", VPASS);
    rs = rounds_of(v, &n);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(rs[0].r.id, r.id);
    ck_assert_msg(*rs[0].doors[0].made_case, "the case's id came back with the door");
    ck_assert_str_eq(rs[0].doors[1].made_case, "");
    /* A later note at the centre on door 2 wins over the older one at the team. */
    struct round_door edit;
    round_door_copy(&edit, &rs[0].doors[1]);
    round_set(&edit.note, "komt volgende week terug");
    ck_assert_int_eq(app_door_save(v, r.id, &edit, &err), 0);
    round_door_fini(&edit);
    app_rounds_free(rs, n);
    app_close(v);
    bundle_export("bh", "leader", "bh4.wtb", false);
    setenv("WIJKTAFEL_PASSPHRASE", PASS, 1);
    bundle_import("a", "bh4.wtb");
    t = open_app("a", "leider", PASS);
    rs = rounds_of(t, &n);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(rs[0].doors[1].note, "komt volgende week terug");
    ck_assert_msg(*rs[0].doors[0].made_case, "the team's mark is kept");
    app_rounds_free(rs, n);
    ck_assert_int_eq(app_check(t, NULL, NULL, &err), 0);
    app_close(t);
    round_fini(&r);
    round_fini(&own);
    round_door_fini(&d1);
    round_door_fini(&d2);
    free(a);
}
END_TEST

START_TEST(test_plain_database_cannot_bundle)
{
    unsetenv("WIJKTAFEL_PASSPHRASE");
    char *d = P("plain"), *f = P("x.wtb");
    tu_ok(RUN("--db", d, "init"));
    struct run r = RUN("--db", d, "bundle", "export", "--for", "leader", f);
    ck_assert_int_eq(r.code, 77);
    rn_free(&r);
    r = RUN("--db", d, "bundle", "export", f);
    ck_assert_int_eq(r.code, 64);
    rn_free(&r);
    free(d), free(f);
}
END_TEST

START_TEST(test_init_from_refusals)
{
    team_db("a");
    bundle_export("a", "leider", "lead.wtb", false);
    bundle_export("a", "volunteer", "role.wtb", false);
    char *nb = P("nb"), *lead = P("lead.wtb"), *role = P("role.wtb"), *a = P("a");
    /* A wrong passphrase: 77, and no database is left behind. */
    setenv("WIJKTAFEL_PASSPHRASE", "niet-de-goede", 1);
    struct run r = RUN("--db", nb, "init", "--from", lead);
    ck_assert_int_eq(r.code, 77);
    ck_assert_int_eq(rn_lines(r.err), 1);
    rn_free(&r);
    struct stat st;
    ck_assert_int_ne(stat(nb, &st), 0);
    setenv("WIJKTAFEL_PASSPHRASE", PASS, 1);
    /* A bundle for a role carries nobody's key. */
    r = RUN("--db", nb, "init", "--from", role);
    ck_assert_int_eq(r.code, 65);
    rn_free(&r);
    /* Not over an existing database. */
    r = RUN("--db", a, "init", "--from", lead);
    ck_assert_int_eq(r.code, 73);
    rn_free(&r);
    /* Unknown target, missing file. */
    r = RUN("--db", a, "bundle", "export", "--for", "m-niemand", role);
    ck_assert_int_eq(r.code, 66);
    rn_free(&r);
    r = RUN("--db", a, "bundle", "import", nb);
    ck_assert_int_eq(r.code, 66);
    rn_free(&r);
    free(nb), free(lead), free(role), free(a);
}
END_TEST

/* --- Inside a volunteer's bundle: opened with the team's keys ------------- */

struct kinds_seen {
    size_t n[WT_KIND_COUNT], tombs, linked, restricted;
};

static int see_item(void *ctx, const struct bundle_item *it)
{
    struct kinds_seen *k = ctx;
    if (it->type == 'R') {
        k->n[it->rec.kind]++;
        k->linked += it->rec.kind == WT_SIGNALS && record_get(&it->rec, SIGNAL_CASE)[0];
        k->restricted += it->rec.kind == WT_CASES &&
                         strcmp(record_get(&it->rec, CASE_RESTRICTED), "yes") == 0;
    } else if (it->type == 'T') {
        k->n[it->kind]++;
        k->tombs++;
    }
    return 0;
}

/* Opens file with db's keys (as the leader) and counts what the body holds. */
static struct kinds_seen bundle_contents(const char *db, const char *file, int *comp)
{
    char *d = P(db);
    struct store *s;
    struct wt_error err = {0};
    ck_assert_msg(store_open(d, NULL, &s, &err) == 0, "%s", err.text);
    ck_assert_msg(store_unlock(s, "leider", PASS, &err) == 0, "%s", err.text);
    size_t n;
    char *buf = slurp_len(file, &n);
    struct store_txn *t;
    ck_assert_int_eq(store_read_begin(s, &t, &err), 0);
    struct store_bundle_hdr h;
    unsigned char *body;
    size_t blen;
    ck_assert_msg(store_bundle_open(t, (unsigned char *)buf, n, &h, &body, &blen, &err) == 0,
                  "%s", err.text);
    store_read_end(t);
    *comp = h.comp;
    store_bundle_hdr_fini(&h);
    struct kinds_seen k;
    memset(&k, 0, sizeof k);
    struct bundle_sender who;
    ck_assert_int_eq(bundle_body_read(body, blen, &who, see_item, &k), 0);
    free(body), free(buf), free(d);
    store_close(s);
    return k;
}

START_TEST(test_volunteer_bundle_holds_no_case_records)
{
    team_db("a");
    char *a = P("a");
    tu_ok(RUN("--db", a, "erase", "--case", "c-004")); /* a case tombstone stays home too */
    free(a);
    bundle_export("a", "volunteer", "vol.wtb", true);
    bundle_export("a", "leader", "lead.wtb", true);
    int comp;
    struct kinds_seen v = bundle_contents("a", "vol.wtb", &comp);
    ck_assert_int_eq(comp, 0);
    ck_assert_uint_eq(v.n[WT_CASES] + v.n[WT_ACTIONS], 0);
    ck_assert_uint_gt(v.n[WT_SIGNALS], 10);
    ck_assert_uint_gt(v.n[WT_RESOURCES], 10);
    ck_assert_uint_eq(v.linked, 0);
    struct kinds_seen l = bundle_contents("a", "lead.wtb", &comp);
    ck_assert_int_eq(comp, 1);
    ck_assert_uint_gt(l.n[WT_CASES], 10);
    ck_assert_uint_gt(l.tombs, 0);
    ck_assert_uint_gt(l.linked, 0);
    ck_assert_uint_eq(l.restricted, 3);
    /* A professional's bundle leaves out the shielded cases of others. */
    char *aa = P("a");
    setenv("WIJKTAFEL_NEW_PASSPHRASE", "wouter-geheim-1", 1);
    tu_ok(RUN("--db", aa, "passphrase", "m-wouter"));
    free(aa);
    bundle_export("a", "m-wouter", "wouter.wtb", false);
    struct kinds_seen w = bundle_contents("a", "wouter.wtb", &comp);
    ck_assert_int_eq(comp, 1);
    ck_assert_uint_eq(w.restricted, 0);
    ck_assert_uint_eq(w.n[WT_CASES], l.n[WT_CASES] - 3);
}
END_TEST

/* --- The review queue, read through the app layer -------------------------- */

struct count {
    const char *prefix;
    size_t n;
};

static int count_sub(void *ctx, const struct app_submission *s)
{
    struct count *c = ctx;
    c->n += strncmp(s->id, c->prefix, strlen(c->prefix)) == 0;
    return 0;
}

static const char *pass_fn(void *ctx, const char *member)
{
    (void)ctx, (void)member;
    return PASS;
}

static size_t review_count(const char *db, const char *prefix)
{
    char *d = P(db);
    struct app_opts o = {.dir = d, .as_member = "leider", .passphrase = pass_fn};
    struct app *a;
    struct wt_error err = {0};
    ck_assert_msg(app_open(&o, &a, &err) == 0, "%s", err.text);
    struct count c = {prefix, 0};
    ck_assert_int_eq(app_review_each(a, count_sub, &c, &err), 0);
    app_close(a);
    free(d);
    return c.n;
}

int main(void)
{
    const TTest *tests[] = {test_two_databases_converge, test_same_bundle_twice,
                            test_three_databases_any_order, test_bad_bundles_refused,
                            test_community_centre_holds_no_case_text,
                            test_plain_database_cannot_bundle, test_init_from_refusals,
                            test_volunteer_bundle_holds_no_case_records, test_rounds_travel};
    const struct tu_suite suite = {
        .name = "bundle", .timeout = 240, .setup = setup, .teardown = teardown};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
