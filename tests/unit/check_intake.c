/* check_intake.c: a new care request, a volunteer's first intake through review, the channel in
 * the report, and complete minutes (issue 17 points 1, 2, 3, 7, 8), on a real database. */
#include <check.h>

#include "apptest.h"
#include "testutil.h"
#include "wijktafel/app.h"
#include "wijktafel/meeting.h"

static char *tmp, *db;

static void setup(void)
{
    tmp = tu_tmpdir();
    db = tu_path(tmp, "db");
    setenv("XDG_CONFIG_HOME", tmp, 1);
    setenv("XDG_CACHE_HOME", tmp, 1);
    setenv("WIJKTAFEL_TODAY", "2026-12-08", 1);
    unsetenv("WIJKTAFEL_DB");
    struct wt_error e = {0};
    ck_assert_msg(app_init(db, "Team Veen", "leider", "Wietske Bosma", &e) == 0, "%s", e.text);
    struct app *a = at_open(db, "leider", false);
    const char *members = "id,name,role\nm-pro,Piet Prins,professional\n"
                          "m-vol,Vera Vlijt,volunteer\nm-vol2,Kees Kort,volunteer\n";
    const char *cases =
        "id,opened,area,resident,request,owner,status,needs,channel,chosen\n"
        "c-1,2026-11-02,Veen/Noord,Ans de Wit,Eenzaam en wil naar het eetcafe,m-pro,open,"
        "eenzaamheid,stip,r-eet\n"
        "c-2,2026-11-03,Veen/Noord,Bert Oud,Tuin onderhoud,m-pro,closed,tuin,stip,\n"
        "c-3,2026-11-04,Veen/Zuid,Carla Zon,Schulden,m-pro,open,schulden,huisarts,\n";
    const char *res = "id,name,kind,area,needs\nr-eet,Eetcafe De Molen,activity,Veen,eenzaamheid\n";
    struct wt_error e2 = {0};
    ck_assert_msg(app_import(a, WT_MEMBERS, "m.csv", members, strlen(members), NULL, &e2) == 0,
                  "%s", e2.text);
    ck_assert_msg(app_import(a, WT_RESOURCES, "r.csv", res, strlen(res), NULL, &e2) == 0, "%s",
                  e2.text);
    ck_assert_msg(app_import(a, WT_CASES, "c.csv", cases, strlen(cases), NULL, &e2) == 0, "%s",
                  e2.text);
    app_close(a);
}

static void teardown(void)
{
    free(db);
    tu_rmtree(tmp);
}

static void set(struct wt_record *r, int f, const char *v)
{
    record_set(r, f, v);
}

/* The cases as `export cases` writes them. */
static char *export_cases(struct app *a)
{
    struct buf b = {0};
    struct wt_error e = {0};
    ck_assert_msg(app_export(a, WT_CASES, APP_CSV, &b, &e) == 0, "%s", e.text);
    return buf_steal(&b);
}

START_TEST(test_new_request)
{
    struct app *a = at_open(db, "m-pro", false);
    struct wt_record r;
    record_init(&r, WT_CASES);
    set(&r, CASE_REQUEST, "Wil graag onder de mensen komen");
    set(&r, CASE_AREA, "Veen/Noord");
    struct wt_error e = {0};
    /* Without the resident nothing is stored and the message names the column. */
    ck_assert_int_eq(meeting_add(a, &r, &e), WT_EINVAL);
    ck_assert_msg(strstr(e.text, "resident"), "%s", e.text);
    char *before = export_cases(a);
    ck_assert_ptr_null(strstr(before, "onder de mensen"));
    free(before);
    set(&r, CASE_RESIDENT, "Dirk Dam");
    set(&r, CASE_AGE, "81");
    set(&r, CASE_NEEDS, "eenzaamheid;vervoer");
    set(&r, CASE_STRENGTHS, "koken");
    set(&r, CASE_NETWORK, "Dochter woont in Zwolle");
    set(&r, CASE_CHANNEL, "buurthuis");
    /* A channel outside the list is refused. */
    set(&r, CASE_CHANNEL, "telefoon");
    e = (struct wt_error){0};
    ck_assert_int_eq(meeting_add(a, &r, &e), WT_EINVAL);
    ck_assert_msg(strstr(e.text, "channel"), "%s", e.text);
    set(&r, CASE_CHANNEL, "buurthuis");
    ck_assert_msg(meeting_add(a, &r, &e) == 0, "%s", e.text);
    ck_assert_str_eq(record_get(&r, CASE_ID), "c-004");
    char *csv = export_cases(a);
    /* Opened today, owned by the member who made it, its channel kept. */
    ck_assert_msg(strstr(csv, "c-004,2026-12-08,Veen/Noord,Dirk Dam,Wil graag onder de mensen "
                              "komen,81,m-pro,open,eenzaamheid;vervoer,koken,Dochter woont in "
                              "Zwolle,,no,,buurthuis,"),
                  "%s", csv);
    free(csv);
    record_fini(&r);
    app_close(a);
}
END_TEST

struct subs {
    struct app_submission s[8];
    size_t n;
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

static void subs_fini(struct subs *l)
{
    for (size_t i = 0; i < l->n; i++)
        record_fini(&l->s[i].rec);
    l->n = 0;
}

static void read_subs(struct app *a, struct subs *l)
{
    subs_fini(l);
    struct wt_error e = {0};
    ck_assert_msg(app_review_each(a, keep_sub, l, &e) == 0, "%s", e.text);
}

static int count_rec(void *ctx, const struct wt_record *r)
{
    (void)r;
    ++*(size_t *)ctx;
    return 0;
}

START_TEST(test_volunteer_intake)
{
    struct app *v = at_open(db, "m-vol", false);
    /* A volunteer may make a new request, not read or change cases. */
    ck_assert(app_may(v, WT_CASES, APP_OP_CREATE));
    ck_assert(!app_may(v, WT_CASES, APP_OP_WRITE));
    ck_assert(!app_may(v, WT_CASES, APP_OP_READ));
    struct wt_record r;
    record_init(&r, WT_CASES);
    set(&r, CASE_REQUEST, "Mevrouw zit veel alleen en wil naar het eetcafe");
    set(&r, CASE_RESIDENT, "Ans de Wit");
    set(&r, CASE_AREA, "Veen/Noord");
    set(&r, CASE_CHANNEL, "inloop");
    struct wt_error e = {0};
    ck_assert_msg(meeting_add(v, &r, &e) == 0, "%s", e.text);
    record_fini(&r);
    size_t n = 0;
    app_each(v, WT_CASES, count_rec, &n, &e); /* refused, or nothing handed out */
    ck_assert_int_eq(n, 0);
    struct subs l = {0};
    read_subs(v, &l);
    ck_assert_int_eq(l.n, 1);
    char sub[WT_MAX_ID + 1];
    snprintf(sub, sizeof sub, "%s", l.s[0].id);
    ck_assert_str_eq(l.s[0].status, "pending");
    ck_assert_str_eq(record_get(&l.s[0].rec, CASE_RESIDENT), "Ans de Wit");
    ck_assert_str_eq(record_get(&l.s[0].rec, CASE_OWNER), ""); /* the leader decides */
    app_close(v);
    /* Another volunteer does not see it. */
    struct app *v2 = at_open(db, "m-vol2", false);
    read_subs(v2, &l);
    ck_assert_int_eq(l.n, 0);
    app_close(v2);

    /* The leader sees it, with the open case of the same resident first. */
    struct app *a = at_open(db, "leider", false);
    read_subs(a, &l);
    ck_assert_int_eq(l.n, 1);
    char ids[8][WT_MAX_ID + 1];
    size_t nd = app_review_duplicates(a, &l.s[0], ids, 8, &e);
    ck_assert_uint_ge(nd, 1);
    ck_assert_str_eq(ids[0], "c-1");
    for (size_t i = 0; i < nd; i++)
        ck_assert_str_ne(ids[i], "c-2"); /* a closed case is no duplicate */
    ck_assert_msg(app_review_reject(a, sub, "Welke straat? Vul het adres aan.", &e) == 0, "%s",
                  e.text);
    app_close(a);

    /* The volunteer reads who rejected it, corrects it and sends it again. */
    v = at_open(db, "m-vol", false);
    read_subs(v, &l);
    ck_assert_str_eq(l.s[0].status, "rejected");
    ck_assert_str_eq(l.s[0].decider, "leider");
    ck_assert_str_eq(l.s[0].decided, "2026-12-08");
    record_copy(&r, &l.s[0].rec);
    set(&r, CASE_REQUEST, "Mevrouw (Molenstraat 4) zit veel alleen");
    v2 = at_open(db, "m-vol2", false);
    ck_assert_int_eq(app_review_resubmit(v2, sub, &r, &e), WT_ENOTFOUND);
    app_close(v2);
    ck_assert_msg(app_review_resubmit(v, sub, &r, &e) == 0, "%s", e.text);
    ck_assert_int_eq(app_review_resubmit(v, sub, &r, &e), WT_EINVAL); /* pending again */
    record_fini(&r);
    read_subs(v, &l);
    ck_assert_str_eq(l.s[0].status, "pending");
    ck_assert_str_eq(l.s[0].decider, "");
    ck_assert_str_eq(record_get(&l.s[0].rec, CASE_REQUEST), "Mevrouw (Molenstraat 4) zit veel alleen");
    app_close(v);

    /* Accepted: the case is the team's, owned by the leader who took it in. */
    a = at_open(db, "leider", false);
    ck_assert_msg(app_review_accept(a, sub, NULL, &e) == 0, "%s", e.text);
    char *csv = export_cases(a);
    ck_assert_msg(strstr(csv, "c-004,2026-12-08,Veen/Noord,Ans de Wit,Mevrouw (Molenstraat 4) zit "
                              "veel alleen,,leider,open,,,,,no,,inloop,"),
                  "%s", csv);
    free(csv);
    app_close(a);
    /* The volunteer sees that it was accepted, and not the case. */
    v = at_open(db, "m-vol", false);
    read_subs(v, &l);
    ck_assert_str_eq(l.s[0].status, "accepted");
    ck_assert_str_eq(l.s[0].decider, "leider");
    ck_assert_str_eq(record_get(&l.s[0].rec, CASE_RESIDENT), "-");
    ck_assert_str_eq(record_get(&l.s[0].rec, CASE_OWNER), "");
    ck_assert_str_eq(record_get(&l.s[0].rec, CASE_REQUEST), "Mevrouw (Molenstraat 4) zit veel alleen");
    app_close(v);

    /* Who decided survives a dump and a restore. */
    char *dump = tu_path(tmp, "dump"), *db2 = tu_path(tmp, "db2");
    e = (struct wt_error){0};
    a = at_open(db, "leider", false);
    ck_assert_msg(app_dump(a, dump, &e) == 0, "%s", e.text);
    app_close(a);
    ck_assert_msg(app_restore(db2, dump, &e) == 0, "%s", e.text);
    a = at_open(db2, "leider", false);
    read_subs(a, &l);
    ck_assert_uint_eq(l.n, 1);
    ck_assert_str_eq(l.s[0].status, "accepted");
    ck_assert_str_eq(l.s[0].decider, "leider");
    ck_assert_str_eq(l.s[0].decided, "2026-12-08");
    app_close(a);
    subs_fini(&l);
    free(dump);
    free(db2);
}
END_TEST

START_TEST(test_minutes_complete)
{
    struct app *a = at_open(db, "leider", false);
    struct wt_error e = {0};
    ck_assert_msg(meeting_open(a, &e) == 0, "%s", e.text);
    app_close(a);
    struct app *p = at_open(db, "m-pro", false);
    ck_assert_msg(meeting_open(p, &e) == 0, "%s", e.text);
    /* A signal recorded during the meeting, an action with an owner. */
    struct wt_record s;
    record_init(&s, WT_SIGNALS);
    set(&s, SIGNAL_AREA, "Veen/Noord");
    set(&s, SIGNAL_TEXT, "Bankje bij de speeltuin is kapot");
    ck_assert_msg(meeting_add(p, &s, &e) == 0, "%s", e.text);
    char sig[WT_MAX_ID + 1];
    snprintf(sig, sizeof sig, "%s", record_get(&s, SIGNAL_ID));
    record_fini(&s);
    struct wt_record ac;
    record_init(&ac, WT_ACTIONS);
    set(&ac, ACTION_TEXT, "Gemeente bellen over het bankje");
    set(&ac, ACTION_OWNER, "m-pro");
    ck_assert_msg(meeting_add(p, &ac, &e) == 0, "%s", e.text);
    record_fini(&ac);
    ck_assert_msg(meeting_choose(p, "c-3", APP_OPTION_RESOURCE, "r-eet", "Eetcafe De Molen", &e) == 0,
                  "%s", e.text);
    struct wt_record c;
    ck_assert_int_eq(app_get(p, WT_CASES, "c-3", &c, &e), 0);
    set(&c, CASE_CHOSEN, "r-eet:worked");
    set(&c, CASE_STATUS, "closed");
    ck_assert_msg(app_put(p, &c, &e) == 0, "%s", e.text);
    record_fini(&c);
    app_close(p);
    /* Two volunteer signals: one accepted, one rejected. */
    struct app *v = at_open(db, "m-vol", false);
    for (int i = 0; i < 2; i++) {
        record_init(&s, WT_SIGNALS);
        set(&s, SIGNAL_AREA, "Veen/Zuid");
        set(&s, SIGNAL_TEXT, i ? "Losliggende stoeptegels" : "Veel zwerfvuil");
        ck_assert_msg(meeting_add(v, &s, &e) == 0, "%s", e.text);
        record_fini(&s);
    }
    app_close(v);
    a = at_open(db, "leider", false);
    ck_assert_msg(app_review_accept(a, "v-000001", NULL, &e) == 0, "%s", e.text);
    ck_assert_msg(app_review_reject(a, "v-000002", "Staat al op de lijst", &e) == 0, "%s", e.text);
    struct buf m = {0};
    ck_assert_msg(meeting_minutes(a, app_today(), &m, &e) == 0, "%s", e.text);
    const char *md = m.data;
    ck_assert_msg(strstr(md, "Aanwezig: Wietske Bosma, Piet Prins."), "%s", md);
    ck_assert_msg(strstr(md, "- Casus c-3: r-eet (Eetcafe De Molen): gewerkt"), "%s", md);
    ck_assert_msg(strstr(md, "Gemeente bellen over het bankje Eigenaar: Piet Prins."), "%s", md);
    ck_assert_msg(strstr(md, "## Gesloten casussen\n\n- c-3: Schulden Eigenaar: Piet Prins."), "%s",
                  md);
    char line[160];
    snprintf(line, sizeof line, "- %s: Bankje bij de speeltuin is kapot (Veen/Noord, gemeld door "
                                "Piet Prins)", sig);
    ck_assert_msg(strstr(md, line), "%s", md);
    ck_assert_msg(strstr(md, "- v-000001 (signaal): aangenomen als s-"), "%s", md);
    ck_assert_msg(strstr(md, "- v-000002 (signaal): afgewezen"), "%s", md);
    /* People by name: no member id in the Markdown. */
    ck_assert_msg(!strstr(md, "m-pro") && !strstr(md, "leider"), "%s", md);
    buf_fini(&m);
    /* The chair corrects who was there; an unknown id changes nothing. */
    ck_assert_int_eq(meeting_present_put(a, "leider;m-niemand", &e), WT_EINVAL);
    char *ids;
    ck_assert_int_eq(meeting_present_get(a, app_today(), &ids, &e), 0);
    ck_assert_str_eq(ids, "leider;m-pro");
    free(ids);
    ck_assert_msg(meeting_present_put(a, "leider;m-vol", &e) == 0, "%s", e.text);
    ck_assert_msg(meeting_minutes(a, app_today(), &m, &e) == 0, "%s", e.text);
    ck_assert_msg(strstr(m.data, "Aanwezig: Wietske Bosma, Vera Vlijt."), "%s", m.data);
    buf_fini(&m);
    app_close(a);
}
END_TEST

START_TEST(test_report_channels)
{
    struct run r = rn_exec(tmp, NULL, 0,
                           (char *[]){"wijktafel", "--db", db, "--as", "leider", "report",
                                      "--from", "2026-11-01", "--to", "2026-11-30", "--format",
                                      "csv", NULL});
    ck_assert_msg(r.code == 0, "%s", r.err);
    /* stip: two requests, one answered with a wellbeing option; huisarts: one, none. */
    ck_assert_msg(strstr(r.out, "channels,stip,requests,2,\n"), "%s", r.out);
    ck_assert_msg(strstr(r.out, "channels,stip,wellbeing,1,50.0\n") ||
                      strstr(r.out, "channels,stip,wellbeing,1,"),
                  "%s", r.out);
    ck_assert_msg(strstr(r.out, "channels,huisarts,requests,1,\n"), "%s", r.out);
    ck_assert_msg(strstr(r.out, "channels,huisarts,wellbeing,0,"), "%s", r.out);
    rn_free(&r);
    r = rn_exec(tmp, NULL, 0,
                (char *[]){"wijktafel", "--db", db, "--as", "leider", "report", "--from",
                           "2026-11-01", "--to", "2026-11-30", NULL});
    ck_assert_msg(r.code == 0, "%s", r.err);
    ck_assert_msg(strstr(r.out, "## Binnengekomen via"), "%s", r.out);
    ck_assert_msg(strstr(r.out, "| Stip | 2 | 1 | 50,0 % |"), "%s", r.out);
    ck_assert_msg(strstr(r.out, "| huisarts | 1 | 0 | 0,0 % |"), "%s", r.out);
    rn_free(&r);
}
END_TEST

struct seen {
    char ids[8][WT_MAX_ID + 1];
    char cases[8][64];
    size_t n;
};

static int see_action(void *ctx, const struct wt_record *r)
{
    struct seen *s = ctx;
    if (s->n < 8) {
        snprintf(s->ids[s->n], sizeof s->ids[0], "%s", r->v[0]);
        snprintf(s->cases[s->n++], sizeof s->cases[0], "%s", record_get(r, ACTION_CASE));
    }
    return 0;
}

START_TEST(test_volunteer_own_actions)
{
    struct app *a = at_open(db, "leider", false);
    const char *acts = "id,text,owner,case\na-1,Bellen met mevrouw,m-pro,c-1\n"
                       "a-2,Koffieochtend voorbereiden,m-vol,c-1\na-3,Flyers,m-vol2,\n";
    struct wt_error e = {0};
    ck_assert_msg(app_import(a, WT_ACTIONS, "a.csv", acts, strlen(acts), NULL, &e) == 0, "%s",
                  e.text);
    app_close(a);
    struct app *v = at_open(db, "m-vol", false);
    struct seen s = {0};
    ck_assert_int_eq(app_each(v, WT_ACTIONS, see_action, &s, &e), 0);
    /* Only their own, and that it is linked, not to which case. */
    ck_assert_uint_eq(s.n, 1);
    ck_assert_str_eq(s.ids[0], "a-2");
    ck_assert_str_ne(s.cases[0], "c-1");
    ck_assert_str_ne(s.cases[0], "");
    struct wt_record r;
    ck_assert_int_eq(app_get(v, WT_ACTIONS, "a-2", &r, &e), 0);
    record_fini(&r);
    ck_assert_int_eq(app_get(v, WT_ACTIONS, "a-1", &r, &e), WT_ENOTFOUND);
    record_fini(&r);
    /* They are not offered what they cannot save. */
    ck_assert(!app_may(v, WT_ACTIONS, APP_OP_CREATE));
    ck_assert(!app_may(v, WT_ACTIONS, APP_OP_WRITE));
    app_close(v);
}
END_TEST

static const char *pass_of(void *ctx, const char *member)
{
    (void)member;
    return ctx;
}

static struct app *open_pass(const char *dir, const char *member, const char *pass)
{
    struct app *a;
    struct wt_error e = {0};
    struct app_opts o = {.dir = dir, .as_member = member, .passphrase = pass_of,
                         .passphrase_ctx = (void *)pass};
    ck_assert_msg(app_open(&o, &a, &e) == 0, "%s", e.text);
    return a;
}

/* In an encrypted database a volunteer's key opens no action: they get
 * copies of the actions they own, sealed to them alone. */
START_TEST(test_volunteer_own_actions_encrypted)
{
    char *dir = tu_path(tmp, "enc");
    struct wt_error e = {0};
    ck_assert_msg(app_init_encrypted(dir, "T", "leider", "Wietske Bosma", "leider-geheim", &e) == 0,
                  "%s", e.text);
    struct app *a = open_pass(dir, "leider", "leider-geheim");
    const char *members = "id,name,role\nm-vol,Vera Vlijt,volunteer\nm-vol2,Kees Kort,volunteer\n";
    const char *cases = "id,opened,area,resident,request\nc-1,2026-11-02,Veen,Ans de Wit,Alleen\n";
    const char *acts = "id,text,owner,case\na-1,Bellen met mevrouw,leider,c-1\n"
                       "a-2,Koffieochtend voorbereiden,m-vol,c-1\na-3,Flyers rondbrengen,m-vol2,\n";
    ck_assert_msg(app_import(a, WT_MEMBERS, "m.csv", members, strlen(members), NULL, &e) == 0,
                  "%s", e.text);
    ck_assert_int_eq(app_set_passphrase(a, "m-vol", "vera-geheim", &e), 0);
    ck_assert_int_eq(app_set_passphrase(a, "m-vol2", "kees-geheim", &e), 0);
    ck_assert_msg(app_import(a, WT_CASES, "c.csv", cases, strlen(cases), NULL, &e) == 0, "%s",
                  e.text);
    ck_assert_msg(app_import(a, WT_ACTIONS, "a.csv", acts, strlen(acts), NULL, &e) == 0, "%s",
                  e.text);
    app_close(a);
    struct app *v = open_pass(dir, "m-vol", "vera-geheim");
    struct seen s = {0};
    ck_assert_int_eq(app_each(v, WT_ACTIONS, see_action, &s, &e), 0);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_str_eq(s.ids[0], "a-2");
    ck_assert_str_ne(s.cases[0], "c-1");
    ck_assert_str_ne(s.cases[0], "");
    struct wt_record r;
    ck_assert_int_eq(app_get(v, WT_ACTIONS, "a-2", &r, &e), 0);
    ck_assert_str_eq(record_get(&r, ACTION_TEXT), "Koffieochtend voorbereiden");
    record_fini(&r);
    ck_assert_int_eq(app_get(v, WT_ACTIONS, "a-3", &r, &e), WT_ENOTFOUND);
    record_fini(&r);
    app_close(v);
    /* A change on the screen reaches the copies: marked done, a new one. */
    a = open_pass(dir, "leider", "leider-geheim");
    ck_assert_msg(meeting_action_status(a, "a-2", "done", &e) == 0, "%s", e.text);
    struct wt_record n;
    record_init(&n, WT_ACTIONS);
    record_set(&n, ACTION_TEXT, "Stip bemensen");
    record_set(&n, ACTION_OWNER, "m-vol");
    ck_assert_msg(meeting_add(a, &n, &e) == 0, "%s", e.text);
    record_fini(&n);
    app_close(a);
    v = open_pass(dir, "m-vol", "vera-geheim");
    s = (struct seen){0};
    ck_assert_int_eq(app_each(v, WT_ACTIONS, see_action, &s, &e), 0);
    ck_assert_uint_eq(s.n, 2);
    ck_assert_int_eq(app_get(v, WT_ACTIONS, "a-2", &r, &e), 0);
    ck_assert_str_eq(record_get(&r, ACTION_STATUS), "done");
    record_fini(&r);
    app_close(v);
    /* The other volunteer's key opens none of Vera's. */
    v = open_pass(dir, "m-vol2", "kees-geheim");
    s = (struct seen){0};
    ck_assert_int_eq(app_each(v, WT_ACTIONS, see_action, &s, &e), 0);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_str_eq(s.ids[0], "a-3");
    app_close(v);
    free(dir);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("intake");
    TCase *tc = tcase_create("intake");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_new_request);
    tcase_add_test(tc, test_volunteer_intake);
    tcase_add_test(tc, test_minutes_complete);
    tcase_add_test(tc, test_report_channels);
    tcase_add_test(tc, test_volunteer_own_actions);
    tcase_add_test(tc, test_volunteer_own_actions_encrypted);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
