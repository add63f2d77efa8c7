/* check_roles.c: who may see what, through every command, the review of volunteers' input, the access log. */
#include <check.h>
#include <lmdb.h>

#include "testutil.h"
#include "wijktafel/app.h"
#include "wijktafel/meeting.h"

static char *tmp, *db;

static void setup(void)
{
    tu_scratch_begin(&tmp, &db, "db");
}

static void teardown(void)
{
    tu_scratch_end(&tmp, &db);
}

#define RUN(...) TU_RUN(tmp, "--db", db, __VA_ARGS__)

static void make_team(void)
{
    tu_ok(RUN("init", "--team", "Testteam"));
    tu_import(tmp, db, "leider", "members",
              "id,name,role\nm-own,Olga Eigenaar,professional\nm-pro,Piet Prof,professional\n"
              "m-vol,Vera Vrijwillig,volunteer\n");
    tu_import(tmp, db, "leider", "resources",
              "id,name,kind,area,needs\nr-eet,Eetcafé De Molen,activity,Veen/Noord,eenzaamheid\n");
    tu_import(tmp, db, "leider", "talents", "id,name,area,offers,consent\n"
                                            "t-henk,Henk Bakker,Veen/Noord,tuin,2026-01-01\n");
    tu_import(tmp, db, "leider", "cases",
              "id,opened,area,resident,request,owner,needs,restricted\n"
              "c-1,2026-11-02,Veen/Noord,Ans Open,Eenzaam,m-own,eenzaamheid,no\n"
              "c-r,2026-11-02,Veen/Noord,Rob Shielded,Schulden,m-own,eenzaamheid,yes\n");
    tu_import(tmp, db, "leider", "signals", "id,date,area,text,case\n"
                                            "s-1,2026-11-20,Veen/Noord,Over Ans,c-1\n");
    tu_import(tmp, db, "leider", "actions", "id,text,owner,case\na-1,Bellen,m-own,c-1\n");
}

struct row {
    const char *what;
    const char *args[8];
    int leader, pro, vol; /* exit codes */
};

START_TEST(test_every_command_for_every_role)
{
    make_team();
    char *sig = tu_write(tmp, "sig.csv", "id,date,area,text\ns-9,2026-11-29,Veen/Noord,Nieuw\n",
                         strlen("id,date,area,text\ns-9,2026-11-29,Veen/Noord,Nieuw\n"));
    char *cas = tu_write(tmp, "cas.csv", "id,opened,area,resident,request\nc-9,2026-11-29,Veen,X Y,Z\n",
                         strlen("id,opened,area,resident,request\nc-9,2026-11-29,Veen,X Y,Z\n"));
    char *mem = tu_write(tmp, "mem.csv", "id,name,role\nm-9,Nieuw Lid,volunteer\n",
                         strlen("id,name,role\nm-9,Nieuw Lid,volunteer\n"));
    char *bk = tu_path(tmp, "bk");
    const struct row rows[] = {
        {"export members", {"export", "members"}, 0, 77, 77},
        {"export cases", {"export", "cases"}, 0, 0, 77},
        {"export actions", {"export", "actions"}, 0, 0, 77},
        {"export signals", {"export", "signals"}, 0, 0, 0},
        {"export resources", {"export", "resources", "--format", "json"}, 0, 0, 0},
        {"export talents", {"export", "talents"}, 0, 0, 0},
        {"import signals", {"import", "signals", sig}, 0, 0, 0},
        {"import cases", {"import", "cases", cas}, 0, 0, 77},
        {"import members", {"import", "members", mem}, 0, 77, 77},
        {"suggest open case", {"suggest", "c-1", "--format", "tsv"}, 0, 0, 77},
        {"suggest shielded case", {"suggest", "c-r"}, 0, 66, 77},
        {"log", {"log"}, 0, 77, 77},
        {"check", {"check"}, 0, 0, 0},
        {"themes", {"themes", "--format", "tsv"}, 0, 0, 0},
        {"report", {"report", "--from", "2026-01-01", "--to", "2026-12-31"}, 0, 0, 77},
        {"report csv", {"report", "--from", "2026-01-01", "--to", "2026-12-31", "--format",
                        "csv"}, 0, 0, 77},
        {"purge", {"purge", "--closed-before", "2000-01-01"}, 0, 77, 77},
        {"erase", {"erase", "--case", "c-9"}, 0, 77, 77},
    };
    const char *who[3] = {"leider", "m-pro", "m-vol"};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        for (int w = 0; w < 3; w++) {
            const int want = w == 0 ? rows[i].leader : w == 1 ? rows[i].pro : rows[i].vol;
            char *argv[16] = {"wijktafel", "--db", db, "--as", (char *)who[w]};
            int n = 5;
            for (int k = 0; k < 8 && rows[i].args[k]; k++)
                argv[n++] = (char *)rows[i].args[k];
            argv[n] = NULL;
            struct run r = rn_exec(tmp, NULL, 0, argv);
            ck_assert_msg(r.code == want, "%s as %s: exit %d, want %d (%s)", rows[i].what,
                          who[w], r.code, want, r.err);
            if (want == 77) {
                ck_assert_msg(rn_lines(r.err) == 1, "%s as %s: %s", rows[i].what, who[w], r.err);
                ck_assert_msg(strstr(r.err, "leider") || strstr(r.err, "professional"),
                              "%s as %s: says no role: %s", rows[i].what, who[w], r.err);
            }
            /* What each may see. */
            if (strcmp(rows[i].what, "export cases") == 0 && w < 2) {
                ck_assert(strstr(r.out, "c-1,") != NULL);
                ck_assert((strstr(r.out, "c-r,") != NULL) == (w == 0));
            }
            if (strcmp(rows[i].what, "export signals") == 0) {
                ck_assert_msg((strstr(r.out, ",c-1,") != NULL) == (w < 2), "%s", r.out);
                ck_assert((strstr(r.out, "gekoppeld") != NULL) == (w == 2));
            }
            if (strcmp(rows[i].what, "suggest open case") == 0 && w == 1)
                ck_assert_msg(strstr(r.out, "c-r") == NULL, "%s", r.out);
            rn_free(&r);
        }
    }
    /* The professional who owns the shielded case sees it. */
    struct run r = RUN("--as", "m-own", "export", "cases");
    ck_assert_ptr_nonnull(strstr(r.out, "c-r,"));
    rn_free(&r);
    /* The volunteer's signal waits: the team's records do not show it. */
    r = RUN("export", "signals");
    ck_assert_int_eq(r.code, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "s-9")); /* imported by the leader and professional */
    rn_free(&r);
    tu_ok(RUN("backup", bk));
    free(sig), free(cas), free(mem), free(bk);
}
END_TEST

static const char *no_pass(void *ctx, const char *m)
{
    (void)ctx, (void)m;
    return NULL;
}

static struct app *open_as(const char *member)
{
    struct app *a;
    struct wt_error e = {0};
    struct app_opts o = {.dir = db, .as_member = member, .passphrase = no_pass};
    ck_assert_msg(app_open(&o, &a, &e) == 0, "%s", e.text);
    return a;
}

struct subs {
    struct app_submission s[8];
    int n;
};

static int keep_sub(void *ctx, const struct app_submission *s)
{
    struct subs *l = ctx;
    if (l->n < 8) {
        l->s[l->n] = *s;
        record_copy(&l->s[l->n].rec, &s->rec);
        l->n++;
    }
    return 0;
}

static void subs_free(struct subs *l)
{
    for (int i = 0; i < l->n; i++)
        record_fini(&l->s[i].rec);
    l->n = 0;
}

START_TEST(test_review_flow)
{
    make_team();
    tu_import(tmp, db, "m-vol", "signals",
              "id,date,area,text\ns-v1,2026-11-29,Veen/Noord,Veel eenzame ouderen in de flat\n"
              "s-v2,2026-11-29,Veen/Noord,Losse tegels op de stoep\n");
    tu_import(tmp, db, "m-vol", "resources",
              "id,name,kind,area\nr-eet2,Eetcafe de Molen,activity,Veen/Noord\n");
    struct run r = RUN("export", "signals");
    ck_assert_ptr_null(strstr(r.out, "s-v1"));
    rn_free(&r);
    r = RUN("export", "resources");
    ck_assert_ptr_null(strstr(r.out, "r-eet2"));
    rn_free(&r);

    /* The volunteer sees their own submissions, pending. */
    struct app *vol = open_as("m-vol");
    struct subs l = {0};
    struct wt_error e = {0};
    ck_assert_int_eq(app_review_each(vol, keep_sub, &l, &e), 0);
    ck_assert_int_eq(l.n, 3);
    ck_assert_str_eq(l.s[0].status, "pending");
    ck_assert_str_eq(l.s[0].submitter, "m-vol");
    ck_assert_int_eq(app_review_accept(vol, l.s[0].id, NULL, &e), WT_EPERM);
    subs_free(&l);

    struct app *lead = open_as("leider");
    ck_assert_int_eq(app_review_each(lead, keep_sub, &l, &e), 0);
    ck_assert_int_eq(l.n, 3);
    /* Likely duplicate: the resource is the eetcafé already on the map. */
    char dups[4][WT_MAX_ID + 1];
    struct wt_error derr = {0};
    ck_assert_uint_ge(app_review_duplicates(lead, &l.s[2], dups, 4, &derr), 1);
    ck_assert_int_eq(derr.code, 0);
    ck_assert_str_eq(dups[0], "r-eet");
    ck_assert_uint_eq(app_review_duplicates(lead, &l.s[1], dups, 4, &derr), 0);
    ck_assert_int_eq(derr.code, 0);
    /* Accept one (edited), reject one, merge one. */
    struct wt_record edited;
    record_copy(&edited, &l.s[0].rec);
    record_set(&edited, SIGNAL_THEMES, "eenzaamheid");
    ck_assert_msg(app_review_accept(lead, l.s[0].id, &edited, &e) == 0, "%s", e.text);
    record_fini(&edited);
    ck_assert_int_eq(app_review_reject(lead, l.s[1].id, "", &e), WT_EINVAL);
    ck_assert_int_eq(app_review_reject(lead, l.s[1].id, "Hoort bij de gemeente", &e), 0);
    ck_assert_int_eq(app_review_merge(lead, l.s[2].id, "r-eet", &e), 0);
    ck_assert_int_eq(app_review_accept(lead, l.s[1].id, NULL, &e), WT_EINVAL); /* decided */
    subs_free(&l);
    app_close(lead);

    /* The volunteer sees the outcome and the reason. */
    ck_assert_int_eq(app_review_each(vol, keep_sub, &l, &e), 0);
    ck_assert_str_eq(l.s[0].status, "accepted");
    ck_assert_str_eq(l.s[1].status, "rejected");
    ck_assert_str_eq(l.s[1].reason, "Hoort bij de gemeente");
    ck_assert_str_eq(l.s[2].status, "accepted");
    ck_assert_ptr_nonnull(strstr(l.s[2].reason, "r-eet"));
    subs_free(&l);
    app_close(vol);

    r = RUN("export", "signals");
    ck_assert_ptr_nonnull(strstr(r.out, "s-v1,2026-11-29,Veen/Noord,Veel eenzame ouderen in de "
                                        "flat,,eenzaamheid,,new,"));
    ck_assert_ptr_null(strstr(r.out, "s-v2"));
    rn_free(&r);
    r = RUN("export", "resources");
    ck_assert_ptr_null(strstr(r.out, "r-eet2"));
    rn_free(&r);
    tu_ok(RUN("check"));
}
END_TEST

struct log_seen {
    char actions[64][16];
    int n;
};

static int seen_entry(void *ctx, const struct app_log_entry *e)
{
    struct log_seen *s = ctx;
    if (s->n < 64)
        snprintf(s->actions[s->n++], 16, "%s", e->action);
    return 0;
}

static bool has(const struct log_seen *s, const char *action)
{
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->actions[i], action) == 0)
            return true;
    return false;
}

START_TEST(test_log_has_every_event)
{
    make_team();
    tu_ok(RUN("suggest", "c-1"));
    tu_ok(RUN("export", "cases"));
    tu_import(tmp, db, "m-vol", "signals", "id,date,area,text\ns-v1,2026-11-29,Veen/Noord,Iets\n");
    struct app *a = open_as("leider");
    struct wt_record r;
    struct wt_error e = {0};
    ck_assert_int_eq(app_get(a, WT_CASES, "c-1", &r, &e), 0); /* a view */
    record_set(&r, CASE_STATUS, "closed");
    ck_assert_int_eq(app_put(a, &r, &e), 0);                  /* a change */
    record_fini(&r);
    ck_assert_int_eq(app_log(a, "search", APP_NO_KIND, NULL, "zoekterm van 4 tekens"), 0);
    app_close(a);
    tu_ok(RUN("erase", "--case", "c-r"));
    struct run run = RUN("log", "--case", "c-1", "--format", "tsv");
    ck_assert_int_eq(run.code, 0);
    ck_assert_ptr_nonnull(strstr(run.out, "\tleider\tTestteam\timport\timport\tcases\tc-1\t"));
    ck_assert_ptr_nonnull(strstr(run.out, "\tsuggest\tsuggest\tcases\tc-1\t"));
    ck_assert_ptr_nonnull(strstr(run.out, "\texport\texport\tcases\tc-1\t"));
    ck_assert_ptr_nonnull(strstr(run.out, "\tview\tcases\tc-1\t"));
    ck_assert_ptr_nonnull(strstr(run.out, "\tchange\tcases\tc-1\t"));
    ck_assert_ptr_null(strstr(run.out, "Ans Open")); /* ids only */
    rn_free(&run);
    struct log_seen s = {0};
    a = open_as("leider");
    ck_assert_int_eq(app_log_read(a, NULL, NULL, seen_entry, &s, &e), 0);
    app_close(a);
    const char *want[] = {"import", "suggest", "export", "view", "change", "search", "erase",
                          "submit", "log-read"};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        ck_assert_msg(has(&s, want[i]), "no %s in the log", want[i]);
}
END_TEST

/* Two new entries of a volunteer, pending side by side, get two ids on acceptance. */
START_TEST(test_new_entries_get_their_ids_on_acceptance)
{
    make_team();
    struct app *vol = open_as("m-vol");
    struct wt_error e = {0};
    const char *texts[] = {"Afval bij de kerk", "Lantaarn kapot"};
    for (int i = 0; i < 2; i++) {
        struct wt_record r;
        record_init(&r, WT_SIGNALS);
        record_set(&r, SIGNAL_TEXT, texts[i]);
        record_set(&r, SIGNAL_AREA, "Veen/Noord");
        ck_assert_msg(meeting_add(vol, &r, &e) == 0, "%s", e.text);
        record_fini(&r);
    }
    app_close(vol);
    struct app *lead = open_as("leider");
    struct subs l = {0};
    ck_assert_int_eq(app_review_each(lead, keep_sub, &l, &e), 0);
    ck_assert_int_eq(l.n, 2);
    for (int i = 0; i < 2; i++)
        ck_assert_msg(app_review_accept(lead, l.s[i].id, NULL, &e) == 0, "%s", e.text);
    subs_free(&l);
    app_close(lead);
    struct run r = RUN("export", "signals");
    ck_assert_ptr_nonnull(strstr(r.out, "Afval bij de kerk"));
    ck_assert_ptr_nonnull(strstr(r.out, "Lantaarn kapot"));
    rn_free(&r);
}
END_TEST

static const char *leader_pass(void *ctx, const char *m)
{
    (void)ctx, (void)m;
    return "leider-geheim";
}

/* A member switch on a shared laptop: a wrong passphrase or an unknown
 * member leaves the app as it was; the right one reopens it as that member. */
START_TEST(test_switch_member)
{
    struct wt_error e = {0};
    ck_assert_int_eq(app_init_encrypted(db, "Team", "leider", "Lea", "leider-geheim", &e), 0);
    struct app *a;
    struct app_opts o = {.dir = db, .as_member = "leider", .passphrase = leader_pass};
    ck_assert_msg(app_open(&o, &a, &e) == 0, "%s", e.text);
    const char *csv = "id,name,role\nvera,Vera Vrijwillig,volunteer\n";
    ck_assert_msg(app_import(a, WT_MEMBERS, "m.csv", csv, strlen(csv), NULL, &e) == 0, "%s",
                  e.text);
    ck_assert_msg(app_set_passphrase(a, "vera", "vera-geheim", &e) == 0, "%s", e.text);
    ck_assert(app_encrypted(a));
    struct app *before = a;
    ck_assert_int_eq(app_switch(&a, "vera", "fout-fout-fout", &e), WT_EPERM);
    ck_assert_ptr_eq(a, before);
    ck_assert_int_eq(app_member_role(a), APP_LEADER);
    wt_error_clear(&e);
    ck_assert_int_eq(app_switch(&a, "niemand", "x", &e), WT_EPERM);
    ck_assert_ptr_eq(a, before);
    /* Still the leader, with the keys unlocked. */
    struct wt_record m;
    ck_assert_int_eq(app_get(a, WT_MEMBERS, "vera", &m, &e), 0);
    record_fini(&m);
    wt_error_clear(&e);
    ck_assert_msg(app_switch(&a, "vera", "vera-geheim", &e) == 0, "%s", e.text);
    ck_assert_ptr_nonnull(a);
    ck_assert_int_eq(app_member_role(a), APP_VOLUNTEER);
    ck_assert_str_eq(app_member_id(a), "vera");
    ck_assert_int_eq(app_switch(&a, "leider", "leider-geheim", &e), 0);
    ck_assert_int_eq(app_member_role(a), APP_LEADER);
    struct log_seen seen = {0};
    ck_assert_int_eq(app_log_read(a, NULL, NULL, seen_entry, &seen, &e), 0);
    ck_assert(has(&seen, "switch-out") && has(&seen, "switch-in"));
    app_close(a);
}
END_TEST

static void tamper(int mode)
{
    MDB_env *env;
    MDB_txn *txn;
    MDB_dbi log;
    mdb_env_create(&env);
    mdb_env_set_maxdbs(env, 16);
    ck_assert_int_eq(mdb_env_open(env, db, 0, 0600), 0);
    mdb_txn_begin(env, NULL, 0, &txn);
    ck_assert_int_eq(mdb_dbi_open(txn, "log", 0, &log), 0);
    unsigned char k3[8] = {0, 0, 0, 0, 0, 0, 0, 3};
    MDB_val k = {8, k3}, v;
    ck_assert_int_eq(mdb_get(txn, log, &k, &v), 0);
    if (mode == 0) {
        ck_assert_int_eq(mdb_del(txn, log, &k, NULL), 0); /* remove an entry */
    } else {
        char *c = malloc(v.mv_size);
        memcpy(c, v.mv_data, v.mv_size);
        char *m = memmem(c, v.mv_size, "leider", 6);
        ck_assert_ptr_nonnull(m);
        memcpy(m, "m-pro ", 6); /* change who did it */
        MDB_val nv = {v.mv_size, c};
        ck_assert_int_eq(mdb_put(txn, log, &k, &nv, 0), 0);
        free(c);
    }
    mdb_txn_commit(txn);
    mdb_env_close(env);
}

START_TEST(test_tampered_log_found)
{
    for (int mode = 0; mode < 2; mode++) {
        make_team();
        tu_ok(RUN("check"));
        tamper(mode);
        struct run r = RUN("check");
        ck_assert_int_eq(r.code, 74);
        ck_assert_ptr_nonnull(strstr(r.out, "log: "));
        rn_free(&r);
        tu_rmtree(db);
        db = tu_path(tmp, mode ? "db3" : "db2");
    }
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_every_command_for_every_role, test_review_flow,
                            test_log_has_every_event, test_tampered_log_found,
                            test_new_entries_get_their_ids_on_acceptance, test_switch_member};
    const struct tu_suite suite = {
        .name = "roles",
        .timeout = 120,
        .setup = setup, .teardown = teardown};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
