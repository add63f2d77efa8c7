/* check_names.c: the beamer's stored name dictionary on a real encrypted database: kept by every write, equal to a full build. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy_int.h" /* white-box: the stored dictionary */
#include "testutil.h"
#include "wijktafel/meeting.h"

#define PASS "leider-geheim-1"
#define VPASS "vrijwilliger-geheim-1"

static char *tmp, *db;

static void setup(void)
{
    tu_scratch_begin(&tmp, &db, "db");
    setenv("WIJKTAFEL_PASSPHRASE", PASS, 1); /* init encrypts */
}

static void teardown(void)
{
    tu_scratch_end(&tmp, &db);
}

#define RUN(...) TU_RUN(tmp, __VA_ARGS__)

static const char *given(void *ctx, const char *member)
{
    (void)member;
    return ctx;
}

static struct app *open_as(const char *member, const char *pass)
{
    struct app_opts o = {.dir = db, .as_member = member, .passphrase = given,
                         .passphrase_ctx = (void *)pass};
    struct app *a;
    struct wt_error err = {0};
    ck_assert_msg(app_open(&o, &a, &err) == 0, "%s", err.text);
    return a;
}

static void import(const char *kind, const char *csv)
{
    char name[64];
    snprintf(name, sizeof name, "%s.csv", kind);
    char *p = tu_write(tmp, name, csv, strlen(csv));
    tu_ok(RUN("--db", db, "import", kind, p));
    free(p);
}

static void count_line(void *ctx, const char *line)
{
    (void)line;
    ++*(int *)ctx;
}

/* The number of shards in which the stored dictionary differs from one built
 * from the records (what check reports). */
static int differences(struct app *a)
{
    struct store_txn *t;
    ck_assert_int_eq(store_read_begin(a->store, &t, NULL), 0);
    int n = 0;
    policy_dict_check(t, count_line, &n);
    store_read_end(t);
    return n;
}

/* text as the stored dictionary alone redacts it. */
static char *redacted(struct app *a, const char *text)
{
    struct store_txn *t;
    ck_assert_int_eq(store_read_begin(a->store, &t, NULL), 0);
    struct policy_names *n;
    ck_assert_int_eq(policy_dict_load(t, &n), 0);
    store_read_end(t);
    char *out = policy_names_redact(n, text);
    policy_names_free(n);
    return out;
}

#define REDACTS(a, text, want)                                                              \
    do {                                                                                    \
        char *r_ = redacted(a, text);                                                       \
        ck_assert_str_eq(r_, want);                                                         \
        free(r_);                                                                           \
    } while (0)

static void team(void)
{
    tu_ok(RUN("--db", db, "init", "--team", "Testteam"));
    import("members", "id,name,role\nm-pro,Piet Prof,professional\nm-vol,Vera Vrij,volunteer\n");
    import("cases", "id,opened,area,resident,request,owner,needs\n"
                    "c-1,2026-11-02,Veen/Noord,Jan Jansen,Koken,m-pro,eenzaamheid\n"
                    "c-2,2026-11-03,Veen/Noord,Els Jansen,Tuin,m-pro,tuin\n"
                    "c-3,2026-11-03,Veen/Noord,Daan van der Berg,Werk,m-pro,werk\n");
    import("talents", "id,name,area,offers,consent\n"
                      "t-1,Anneke de Wit,Veen/Noord,koken,2026-01-01\n");
}

START_TEST(test_after_import)
{
    team();
    struct app *a = open_as("leider", PASS);
    ck_assert_int_eq(differences(a), 0);
    /* Not vacuous: the dictionary holds the names, with their parts. */
    REDACTS(a, "Jan en Els Jansen; daan VAN DER BERG en Anneke", "J. en E.J.; D.v.d.B. en A.");
    REDACTS(a, "Jansen kookt met de Wit", "J. kookt met d.W.");
    app_close(a);
}
END_TEST

START_TEST(test_saves_renames_erasure)
{
    team();
    struct app *a = open_as("leider", PASS);
    struct wt_error err = {0};
    /* A new case on the screen's path. */
    struct wt_record r;
    record_init(&r, WT_CASES);
    record_set(&r, CASE_AREA, "Veen/Noord");
    record_set(&r, CASE_RESIDENT, "Zeger Brouwersma");
    record_set(&r, CASE_REQUEST, "Zoekt werk");
    record_set(&r, CASE_OWNER, "m-pro");
    record_set(&r, CASE_NEEDS, "werk");
    ck_assert_msg(meeting_add(a, &r, &err) == 0, "%s", err.text);
    record_fini(&r);
    ck_assert_int_eq(differences(a), 0);
    REDACTS(a, "Zeger", "Z.");
    /* A rename: the old name goes where nobody else has it; "Jansen" stays
     * (Els has it too). */
    struct wt_record c;
    ck_assert_int_eq(meeting_peek(a, WT_CASES, "c-1", &c), 0);
    record_set(&c, CASE_RESIDENT, "Karel Appel");
    ck_assert_msg(app_put(a, &c, &err) == 0, "%s", err.text);
    record_fini(&c);
    ck_assert_int_eq(differences(a), 0);
    REDACTS(a, "Jan Jansen en Karel", "Jan J. en K.");
    /* Undo puts Jan back. */
    struct app_undone u;
    ck_assert_msg(app_undo(a, &u, &err) == 0, "%s", err.text);
    app_undone_fini(&u);
    ck_assert_int_eq(differences(a), 0);
    REDACTS(a, "Jan en Karel", "J. en Karel");
    /* Erasure: Daan leaves the dictionary. */
    ck_assert_msg(app_erase_case(a, "c-3", &err) == 0, "%s", err.text);
    ck_assert_int_eq(differences(a), 0);
    REDACTS(a, "Daan van der Berg", "Daan van der Berg");
    app_close(a);
    /* An import that replaces a record by id, and one from another process. */
    import("cases", "id,opened,area,resident,request,owner,needs\n"
                    "c-2,2026-11-03,Veen/Noord,Els de Groot,Tuin,m-pro,tuin\n");
    import("talents", "id,name,area,offers,consent\n"
                      "t-2,Mo el Amrani,Veen/Noord,klussen,2026-01-01\n");
    a = open_as("leider", PASS);
    ck_assert_int_eq(differences(a), 0);
    REDACTS(a, "Els Jansen, Mo el Amrani", "E. J., M.e.A.");
    app_close(a);
    /* Purge (closed cases) and check on the command line agree. */
    tu_ok(RUN("--db", db, "check"));
}
END_TEST

/* Writes text as stored shard key (a wrong dictionary, as damage would). */
struct put_ctx {
    const char *key, *value;
};

static int put_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    struct put_ctx *p = ctx;
    if (p->value)
        return store_meta_put(t, p->key, p->value);
    return store_meta_del_prefix(t, p->key);
}

static void meta_write(struct app *a, const char *key, const char *value)
{
    struct put_ctx p = {key, value};
    struct wt_error err = {0};
    ck_assert_msg(store_write(a->store, put_write, &p, &err) == 0, "%s", err.text);
}

START_TEST(test_check_finds_wrong)
{
    team();
    struct app *a = open_as("leider", PASS);
    meta_write(a, "names/j", "jan\tJ.\t1\n"); /* Jansen left out */
    ck_assert_int_eq(differences(a), 1);
    app_close(a);
    struct run r = RUN("--db", db, "check");
    ck_assert_int_ne(r.code, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "names/j"));
    ck_assert_ptr_null(strstr(r.out, "Jansen")); /* check names no resident */
    rn_free(&r);
    /* A shard that is no dictionary: not trusted, the beamer reads every name. */
    a = open_as("leider", PASS);
    meta_write(a, "names/a", "anneke zonder tabs\n");
    struct store_txn *t;
    struct policy_names *n = NULL;
    ck_assert_int_eq(store_read_begin(a->store, &t, NULL), 0);
    ck_assert_int_eq(policy_dict_load(t, &n), WT_ECORRUPT);
    store_read_end(t);
    app_set_beamer(a, true);
    char *shown = app_shown_text(a, "Jan Jansen belt Anneke");
    ck_assert_str_eq(shown, "J.J. belt A.");
    free(shown);
    app_close(a);
}
END_TEST

START_TEST(test_missing_is_built_at_open)
{
    team();
    struct app *a = open_as("leider", PASS);
    meta_write(a, "names/", NULL); /* as a database from before the dictionary */
    struct store_txn *t;
    struct policy_names *n = NULL;
    ck_assert_int_eq(store_read_begin(a->store, &t, NULL), 0);
    ck_assert_int_eq(policy_dict_load(t, &n), WT_ENOTFOUND);
    store_read_end(t);
    /* A save while it is missing leaves it missing (never half built), */
    struct wt_record r;
    record_init(&r, WT_TALENTS);
    record_set(&r, TALENT_ID, "t-3");
    record_set(&r, TALENT_NAME, "Fleur Bos");
    record_set(&r, TALENT_AREA, "Veen/Noord");
    record_set(&r, TALENT_OFFERS, "koken");
    record_set(&r, TALENT_CONSENT, "2026-01-01");
    struct wt_error err = {0};
    ck_assert_msg(app_put(a, &r, &err) == 0, "%s", err.text);
    record_fini(&r);
    ck_assert_int_eq(store_read_begin(a->store, &t, NULL), 0);
    ck_assert_int_eq(policy_dict_load(t, &n), WT_ENOTFOUND);
    store_read_end(t);
    app_close(a);
    /* and the next open builds it whole. */
    a = open_as("leider", PASS);
    ck_assert_int_eq(differences(a), 0);
    REDACTS(a, "Fleur en Jan", "F. en J.");
    app_close(a);
}
END_TEST

START_TEST(test_sealed_from_a_volunteer)
{
    team();
    setenv("WIJKTAFEL_NEW_PASSPHRASE", VPASS, 1);
    tu_ok(RUN("--db", db, "passphrase", "m-vol"));
    unsetenv("WIJKTAFEL_NEW_PASSPHRASE");
    struct app *v = open_as("m-vol", VPASS);
    struct store_txn *t;
    struct policy_names *n = NULL;
    ck_assert_int_eq(store_read_begin(v->store, &t, NULL), 0);
    char *raw = NULL;
    ck_assert_int_eq(store_meta_get(t, "names/j", &raw), WT_EPERM);
    ck_assert_int_eq(policy_dict_load(t, &n), WT_EPERM);
    store_read_end(t);
    free(raw);
    app_close(v);
    /* The leader's copy is there and complete. */
    struct app *a = open_as("leider", PASS);
    ck_assert_int_eq(differences(a), 0);
    REDACTS(a, "Jansen", "J.");
    app_close(a);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_after_import, test_saves_renames_erasure, test_check_finds_wrong,
                            test_missing_is_built_at_open, test_sealed_from_a_volunteer};
    const struct tu_suite suite = {
        .name = "names", .timeout = 120, .setup = setup, .teardown = teardown};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
