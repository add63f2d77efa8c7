/* check_rounds.c: door-to-door rounds: validation, the stored line, figures, and the use cases on a real database. */
#include <check.h>

#include "app_int.h" /* white-box: the app's store */
#include "apptest.h"
#include "testutil.h"
#include "wijktafel/app.h"
#include "wijktafel/round.h"

static struct round_door door(int no, bool answered, bool talked, bool lonely, const char *care,
                              const char *talents)
{
    struct round_door d;
    round_door_init(&d);
    d.no = no;
    d.answered = answered;
    d.talked = talked;
    d.lonely = lonely;
    round_set(&d.care, care);
    round_set(&d.talents, talents);
    return d;
}

START_TEST(test_validate)
{
    struct wt_error e = {0};
    struct round r;
    round_init(&r);
    snprintf(r.id, sizeof r.id, "ronde-1");
    snprintf(r.date, sizeof r.date, "2026-11-28");
    round_set(&r.area, "Veenwaard/Elst");
    round_set(&r.pairs, "m-a+m-b; m-c+m-d");
    r.addresses = 40;
    ck_assert_int_eq(round_validate(&r, &e), 0);
    snprintf(r.date, sizeof r.date, "2026-02-30");
    ck_assert_int_eq(round_validate(&r, &e), WT_EINVAL);
    ck_assert_msg(strstr(e.text, "datum"), "%s", e.text);
    snprintf(r.date, sizeof r.date, "2026-11-28");
    round_set(&r.area, "Veenwaard//Elst");
    ck_assert_int_eq(round_validate(&r, &(struct wt_error){0}), WT_EINVAL);
    round_set(&r.area, "Veenwaard/Elst");
    snprintf(r.kind, sizeof r.kind, "feest");
    ck_assert_int_eq(round_validate(&r, &(struct wt_error){0}), WT_EINVAL);
    snprintf(r.kind, sizeof r.kind, "bakkie");
    r.addresses = 10001;
    ck_assert_int_eq(round_validate(&r, &(struct wt_error){0}), WT_EINVAL);
    r.addresses = 0;
    round_set(&r.pairs, "m a+b"); /* "m" and "a" are ids; fine */
    ck_assert_int_eq(round_validate(&r, &(struct wt_error){0}), 0);
    round_set(&r.pairs, "m-ä+b");
    e = (struct wt_error){0};
    ck_assert_int_eq(round_validate(&r, &e), WT_EINVAL);
    ck_assert_msg(strstr(e.text, "wie met wie"), "%s", e.text);
    round_fini(&r);

    struct round_door d = door(1, true, true, true, "boodschappen", "");
    ck_assert_int_eq(round_door_validate(&d, &e), 0);
    d.answered = false; /* a conversation at a closed door */
    e = (struct wt_error){0};
    ck_assert_int_eq(round_door_validate(&d, &e), WT_EINVAL);
    ck_assert_msg(strstr(e.text, "openging"), "%s", e.text);
    d.answered = true;
    round_set(&d.note, "regel\nbreuk");
    ck_assert_int_eq(round_door_validate(&d, &(struct wt_error){0}), WT_EINVAL);
    round_set(&d.note, "\xff");
    ck_assert_int_eq(round_door_validate(&d, &(struct wt_error){0}), WT_EINVAL);
    char *long_text = calloc(1, WT_MAX_FIELD_BYTES + 2);
    memset(long_text, 'a', WT_MAX_FIELD_BYTES + 1);
    round_set(&d.note, long_text);
    free(long_text);
    ck_assert_int_eq(round_door_validate(&d, &(struct wt_error){0}), WT_EINVAL);
    round_set(&d.note, "");
    d.no = 0;
    ck_assert_int_eq(round_door_validate(&d, &(struct wt_error){0}), WT_EINVAL);
    round_door_fini(&d);
}
END_TEST

START_TEST(test_line)
{
    struct round r, back;
    round_init(&r);
    snprintf(r.id, sizeof r.id, "ronde-2026-11-28");
    snprintf(r.date, sizeof r.date, "2026-11-28");
    round_set(&r.area, "Veenwaard/Elst\tmet tab\\en\nregel");
    round_set(&r.pairs, "m-a+m-b");
    r.addresses = 120;
    snprintf(r.by, sizeof r.by, "leider");
    char *line = round_encode(&r);
    ck_assert_ptr_null(strchr(line, '\n'));
    ck_assert_int_eq(round_decode(line, &back), 0);
    ck_assert_str_eq(back.id, r.id);
    ck_assert_str_eq(back.area, r.area);
    ck_assert_str_eq(back.pairs, r.pairs);
    ck_assert_int_eq(back.addresses, 120);
    ck_assert_str_eq(back.by, "leider");
    round_fini(&back);
    free(line);
    round_fini(&r);

    struct round_door d = door(7, true, false, true, "hulp bij ë-formulieren", "zingt; kookt");
    round_set(&d.where, "Kerkstraat 12\\a");
    snprintf(d.signal, sizeof d.signal, "s-041");
    struct round_door db;
    line = round_door_encode(&d);
    ck_assert_int_eq(round_door_decode(line, &db), 0);
    ck_assert_int_eq(db.no, 7);
    ck_assert(db.answered && !db.talked && db.lonely);
    ck_assert_str_eq(db.where, "Kerkstraat 12\\a");
    ck_assert_str_eq(db.care, "hulp bij ë-formulieren");
    ck_assert_str_eq(db.talents, "zingt; kookt");
    ck_assert_str_eq(db.signal, "s-041");
    ck_assert_str_eq(db.made_case, "");
    round_door_fini(&db);
    free(line);
    round_door_fini(&d);

    /* Anything malformed is damaged, never a crash. */
    const char *bad[] = {"", "2\tx", "1", "1\tr\t2026-11-28", "1\ta\\qb\t\t\t\t0\t\t",
                         "1\t0\t\t1\t0\t0\t\t\t\t\t\t\t\t", "1\t1\t\t2\t0\t0\t\t\t\t\t\t\t\t",
                         "1\t1\t\t1\t0\t0\t\t\t\t\t\t\t\t\textra"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        struct round rr;
        ck_assert_msg(round_decode(bad[i], &rr) == WT_ECORRUPT, "round %zu", i);
        round_fini(&rr);
        ck_assert_msg(round_door_decode(bad[i], &db) == WT_ECORRUPT, "door %zu", i);
        round_door_fini(&db);
    }
}
END_TEST

START_TEST(test_tally)
{
    /* Counted by hand: 4 doors rung, 3 opened, 2 conversations, 1 lonely,
     * 1 care question, 2 with talents, 1 made into a signal. */
    struct round_door ds[] = {door(1, true, true, true, "administratie", "koken"),
                              door(2, false, false, false, "", ""),
                              door(3, true, false, false, "", "tuin"),
                              door(4, true, true, false, "", "")};
    snprintf(ds[0].signal, sizeof ds[0].signal, "s-1");
    struct round_tally t = {0};
    for (int i = 0; i < 4; i++)
        round_tally_add(&t, &ds[i]);
    ck_assert_uint_eq(t.rung, 4);
    ck_assert_uint_eq(t.answered, 3);
    ck_assert_uint_eq(t.talked, 2);
    ck_assert_uint_eq(t.lonely, 1);
    ck_assert_uint_eq(t.care, 1);
    ck_assert_uint_eq(t.talents, 2);
    ck_assert_uint_eq(t.signals, 1);
    ck_assert_uint_eq(t.cases, 0);
    for (int i = 0; i < 4; i++)
        round_door_fini(&ds[i]);
}
END_TEST

static char *tmp, *db;

static struct app *open_as(const char *member, bool readonly)
{
    return at_open(db, member, readonly);
}

static size_t count_kind(struct app *a, enum wt_kind kind)
{
    size_t n = 0;
    struct store_txn *t;
    ck_assert_int_eq(store_read_begin(a->store, &t, NULL), 0);
    ck_assert_int_eq(store_count(t, kind, &n), 0);
    store_read_end(t);
    return n;
}

static struct round new_round(const char *date, const char *pairs)
{
    struct round r;
    round_init(&r);
    snprintf(r.date, sizeof r.date, "%s", date);
    round_set(&r.area, "Veenwaard/Elst");
    round_set(&r.pairs, pairs);
    r.addresses = 30;
    return r;
}

static int put_bad_door(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    return store_meta_put(t, ctx, "1\tniet\tgoed");
}

static int del_bad_door(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    return store_meta_del(t, ctx);
}

struct lines {
    char *text;
};

static void collect_line(void *ctx, const char *line)
{
    struct lines *l = ctx;
    size_t n = l->text ? strlen(l->text) : 0;
    l->text = realloc(l->text, n + strlen(line) + 2);
    strcpy(l->text + n, line);
    strcat(l->text, "\n");
}

START_TEST(test_app)
{
    tmp = tu_tmpdir();
    db = tu_path(tmp, "db");
    setenv("XDG_CONFIG_HOME", tmp, 1);
    struct wt_error e = {0};
    ck_assert_int_eq(app_init(db, "T", "leider", "Lea", &e), 0);
    struct app *a = open_as("leider", false);
    const char *members = "id,name,role,discipline,area\n"
                          "m-bw,Bas,professional,buurtwerker,Veenwaard/Elst\n"
                          "m-mw,Mia,professional,maatschappelijk werker,Veenwaard\n"
                          "m-vol,Vera,volunteer,,Veenwaard/Elst\n";
    ck_assert_msg(app_import(a, WT_MEMBERS, "m.csv", members, strlen(members), NULL, &e) == 0,
                  "%s", e.text);
    /* Ids from the date; a second round that day gets "-2". */
    struct round r = new_round("2026-11-28", "m-bw+m-vol");
    ck_assert_msg(app_round_save(a, &r, &e) == 0, "%s", e.text);
    ck_assert_str_eq(r.id, "ronde-2026-11-28");
    ck_assert_str_eq(r.by, "leider");
    struct round r2 = new_round("2026-11-28", "m-mw+m-nobody");
    e = (struct wt_error){0};
    ck_assert_int_eq(app_round_save(a, &r2, &e), WT_EINVAL);
    ck_assert_msg(strstr(e.text, "m-nobody"), "%s", e.text);
    ck_assert_str_eq(r2.id, "");
    round_set(&r2.pairs, "m-mw+leider");
    ck_assert_int_eq(app_round_save(a, &r2, &e), 0);
    ck_assert_str_eq(r2.id, "ronde-2026-11-28-2");

    /* Doors numbered in order; a closed door with a finding is refused. */
    struct round_door d1 = door(0, true, true, true, "hulp bij administratie", "kan goed koken");
    round_set(&d1.ideas, "buurtmaaltijd");
    ck_assert_int_eq(app_door_save(a, r.id, &d1, &e), 0);
    ck_assert_int_eq(d1.no, 1);
    struct round_door d2 = door(0, false, false, false, "", "");
    ck_assert_int_eq(app_door_save(a, r.id, &d2, &e), 0);
    ck_assert_int_eq(d2.no, 2);
    struct round_door bad = door(0, false, true, false, "", "");
    ck_assert_int_eq(app_door_save(a, r.id, &bad, &(struct wt_error){0}), WT_EINVAL);
    ck_assert_int_eq(bad.no, 0);
    ck_assert_int_eq(app_door_save(a, "ronde-none", &d2, &(struct wt_error){0}), WT_ENOTFOUND);

    /* The finding becomes a signal, a case and a talent, each marked on the door. */
    size_t signals = count_kind(a, WT_SIGNALS), cases = count_kind(a, WT_CASES);
    struct wt_record rec;
    app_door_draft(a, &r, &d1, FINDING_SIGNAL, &rec);
    ck_assert_str_eq(record_get(&rec, SIGNAL_SOURCE), "wijkscan");
    ck_assert_str_eq(record_get(&rec, SIGNAL_THEMES), "eenzaamheid");
    ck_assert_str_eq(record_get(&rec, SIGNAL_DATE), "2026-11-28");
    ck_assert_msg(strstr(record_get(&rec, SIGNAL_TEXT), "buurtmaaltijd"), "%s",
                  record_get(&rec, SIGNAL_TEXT));
    ck_assert_msg(app_door_make(a, r.id, 1, FINDING_SIGNAL, &rec, &e) == 0, "%s", e.text);
    record_fini(&rec);
    ck_assert_uint_eq(count_kind(a, WT_SIGNALS), signals + 1);
    app_door_draft(a, &r, &d1, FINDING_CASE, &rec);
    ck_assert_str_eq(record_get(&rec, CASE_REQUEST), "hulp bij administratie");
    e = (struct wt_error){0};
    ck_assert_int_eq(app_door_make(a, r.id, 1, FINDING_CASE, &rec, &e), WT_EINVAL); /* no name */
    record_set(&rec, CASE_RESIDENT, "Bewoner Kerkstraat");
    ck_assert_msg(app_door_make(a, r.id, 1, FINDING_CASE, &rec, &e) == 0, "%s", e.text);
    record_fini(&rec);
    ck_assert_uint_eq(count_kind(a, WT_CASES), cases + 1);
    app_door_draft(a, &r, &d1, FINDING_TALENT, &rec);
    ck_assert_str_eq(record_get(&rec, TALENT_INTERESTS), "koken");
    ck_assert_str_eq(record_get(&rec, TALENT_CONSENT), ""); /* not until the resident agrees */
    record_set(&rec, TALENT_NAME, "K. de Vries");
    ck_assert_int_eq(app_door_make(a, r.id, 1, FINDING_TALENT, &rec, &e), 0);
    record_fini(&rec);
    app_door_draft(a, &r, &d1, FINDING_TALENT, &rec);
    record_set(&rec, TALENT_NAME, "Niemand");
    ck_assert_int_eq(app_door_make(a, r.id, 9, FINDING_TALENT, &rec, &(struct wt_error){0}),
                     WT_ENOTFOUND); /* no door 9: nothing is added */
    record_fini(&rec);

    struct app_round *rs;
    size_t n;
    ck_assert_int_eq(app_rounds_list(a, INT32_MIN, INT32_MAX, &rs, &n, &e), 0);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(rs[0].r.id, "ronde-2026-11-28"); /* same date: by id */
    ck_assert_uint_eq(rs[0].ndoors, 2);
    ck_assert_uint_eq(rs[0].tally.rung, 2);
    ck_assert_uint_eq(rs[0].tally.answered, 1);
    ck_assert_uint_eq(rs[0].tally.signals, 1);
    ck_assert_uint_eq(rs[0].tally.cases, 1);
    ck_assert_uint_eq(rs[0].tally.talents_made, 1);
    ck_assert(*rs[0].doors[0].signal && *rs[0].doors[0].made_case && *rs[0].doors[0].talent);
    /* Editing the door later keeps what it became. */
    struct round_door edit;
    round_door_copy(&edit, &rs[0].doors[0]);
    memset(edit.signal, 0, sizeof edit.signal);
    round_set(&edit.note, "later aangevuld");
    ck_assert_int_eq(app_door_save(a, r.id, &edit, &e), 0);
    app_rounds_free(rs, n);
    ck_assert_int_eq(app_rounds_list(a, INT32_MIN, INT32_MAX, &rs, &n, &e), 0);
    ck_assert_str_eq(rs[0].doors[0].note, "later aangevuld");
    ck_assert_str_ne(rs[0].doors[0].signal, "");
    app_rounds_free(rs, n);
    round_door_fini(&edit);
    app_close(a);

    /* A volunteer records doors; what a finding becomes waits for review,
     * and the door keeps the submission's id. */
    a = open_as("m-vol", false);
    struct round_door d3 = door(0, true, true, false, "", "");
    round_set(&d3.ideas, "speeltuin opknappen");
    ck_assert_int_eq(app_door_save(a, r.id, &d3, &e), 0);
    ck_assert_int_eq(d3.no, 3);
    signals = count_kind(a, WT_SIGNALS);
    app_door_draft(a, &r, &d3, FINDING_SIGNAL, &rec);
    ck_assert_msg(app_door_make(a, r.id, 3, FINDING_SIGNAL, &rec, &e) == 0, "%s", e.text);
    record_fini(&rec);
    ck_assert_uint_eq(count_kind(a, WT_SIGNALS), signals);
    ck_assert_int_eq(app_rounds_list(a, INT32_MIN, INT32_MAX, &rs, &n, &e), 0);
    ck_assert_str_eq(rs[0].doors[2].signal, "v-000001");
    app_rounds_free(rs, n);
    /* Not theirs to delete. */
    ck_assert_int_eq(app_round_delete(a, r2.id, &(struct wt_error){0}), WT_EPERM);
    app_close(a);

    /* The leader accepts it: the door points at the new signal. */
    a = open_as("leider", false);
    ck_assert_msg(app_review_accept(a, "v-000001", NULL, &e) == 0, "%s", e.text);
    ck_assert_int_eq(app_rounds_list(a, INT32_MIN, INT32_MAX, &rs, &n, &e), 0);
    ck_assert_msg(strncmp(rs[0].doors[2].signal, "s-", 2) == 0, "%s", rs[0].doors[2].signal);
    struct wt_record sig;
    ck_assert_int_eq(app_get(a, WT_SIGNALS, rs[0].doors[2].signal, &sig, &e), 0);
    ck_assert_str_eq(record_get(&sig, SIGNAL_TEXT), "speeltuin opknappen");
    record_fini(&sig);
    app_rounds_free(rs, n);
    app_close(a);

    /* Nothing is written on the wall. */
    a = open_as("leider", true);
    struct round r3 = new_round("2026-11-29", "");
    ck_assert_int_eq(app_round_save(a, &r3, &(struct wt_error){0}), WT_EPERM);
    app_close(a);

    /* A leader deletes a round with its doors; the database stays sound. */
    a = open_as("leider", false);
    ck_assert_int_eq(app_round_delete(a, r.id, &e), 0);
    ck_assert_int_eq(app_round_delete(a, r.id, &(struct wt_error){0}), WT_ENOTFOUND);
    ck_assert_int_eq(app_rounds_list(a, INT32_MIN, INT32_MAX, &rs, &n, &e), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(rs[0].ndoors, 0);
    app_rounds_free(rs, n);
    ck_assert_int_eq(app_check(a, NULL, NULL, &e), 0);
    /* A damaged door is named by check; without it the database is sound again. */
    char key[80];
    snprintf(key, sizeof key, "round/%s/door/000009", r2.id);
    ck_assert_int_eq(store_write(a->store, put_bad_door, key, &e), 0);
    struct lines got = {0};
    e = (struct wt_error){0};
    ck_assert_int_eq(app_check(a, collect_line, &got, &e), WT_ECORRUPT);
    ck_assert_msg(strstr(got.text, key) && strstr(got.text, "beschadigd"), "%s", got.text);
    free(got.text);
    ck_assert_int_eq(store_write(a->store, del_bad_door, key, &e), 0);
    ck_assert_int_eq(app_check(a, NULL, NULL, &e), 0);
    app_close(a);
    round_fini(&r);
    round_fini(&r2);
    round_fini(&r3);
    round_door_fini(&d1);
    round_door_fini(&d2);
    round_door_fini(&d3);
    round_door_fini(&bad);
    free(db);
    tu_rmtree(tmp);
}
END_TEST

/* The report's rounds, counted by hand, through the real program. */
START_TEST(test_report)
{
    tmp = tu_tmpdir();
    db = tu_path(tmp, "db");
    setenv("XDG_CONFIG_HOME", tmp, 1);
    struct wt_error e = {0};
    ck_assert_int_eq(app_init(db, "T", "leider", "Lea", &e), 0);
    struct app *a = open_as("leider", false);
    /* In October: a wijkscan with 5 doors (4 open, 3 conversations, 2
     * lonely, 1 care question, 2 with ideas, 1 with a talent) and a Bakkie
     * without doors; in November one outside the period. */
    struct round r1 = new_round("2026-10-10", ""), r2 = new_round("2026-10-20", ""),
                 r3 = new_round("2026-11-02", "");
    snprintf(r2.kind, sizeof r2.kind, "bakkie");
    r2.addresses = 0;
    ck_assert_int_eq(app_round_save(a, &r1, &e), 0);
    ck_assert_int_eq(app_round_save(a, &r2, &e), 0);
    ck_assert_int_eq(app_round_save(a, &r3, &e), 0);
    struct round_door ds[] = {door(0, true, true, true, "administratie", ""),
                              door(0, true, true, true, "", "zingt"),
                              door(0, true, true, false, "", ""),
                              door(0, true, false, false, "", ""),
                              door(0, false, false, false, "", "")};
    round_set(&ds[0].ideas, "bankje");
    round_set(&ds[2].ideas, "moestuin");
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(app_door_save(a, r1.id, &ds[i], &e), 0);
    struct round_door later = door(0, true, true, false, "", "");
    ck_assert_int_eq(app_door_save(a, r3.id, &later, &e), 0);
    struct wt_record rec;
    app_door_draft(a, &r1, &ds[0], FINDING_SIGNAL, &rec);
    ck_assert_int_eq(app_door_make(a, r1.id, 1, FINDING_SIGNAL, &rec, &e), 0);
    record_fini(&rec);
    app_close(a);

    char *argv[] = {"wijktafel", "--db", db, "report", "--from", "2026-10-01", "--to",
                    "2026-10-31", "--format", "csv", NULL};
    struct run run = rn_exec(tmp, NULL, 0, argv);
    ck_assert_msg(run.code == 0, "%s", run.err);
    const char *want[] = {
        "rounds,ronde-2026-10-20,addresses,0,\n",  "rounds,ronde-2026-10-20,rung,0,\n",
        "rounds,ronde-2026-10-10,addresses,30,\n", "rounds,ronde-2026-10-10,rung,5,\n",
        "rounds,ronde-2026-10-10,answered,4,80.0\n", "rounds,ronde-2026-10-10,talked,3,60.0\n",
        "rounds,ronde-2026-10-10,lonely,2,\n",     "rounds,ronde-2026-10-10,care,1,\n",
        "rounds,ronde-2026-10-10,ideas,2,\n",      "rounds,ronde-2026-10-10,talents,1,\n",
        "rounds,ronde-2026-10-10,signals-made,1,\n", "rounds,ronde-2026-10-10,cases-made,0,\n"};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        ck_assert_msg(strstr(run.out, want[i]), "missing %s in\n%s", want[i], run.out);
    ck_assert_ptr_null(strstr(run.out, "ronde-2026-11-02"));
    /* Newest first. */
    ck_assert(strstr(run.out, "ronde-2026-10-20") < strstr(run.out, "ronde-2026-10-10"));
    rn_free(&run);
    argv[8] = NULL;
    run = rn_exec(tmp, NULL, 0, argv);
    ck_assert_int_eq(run.code, 0);
    ck_assert_msg(strstr(run.out, "## Rondes door de wijk"), "%s", run.out);
    ck_assert_msg(strstr(run.out, "| 2026-10-10 | wijkscan | Veenwaard/Elst | 30 | 5 | 4 | 3 | 2 "
                                  "| 1 | 2 | 1 |"),
                  "%s", run.out);
    ck_assert_msg(strstr(run.out, "Samen: 5 deuren aangebeld, 4 open (80"), "%s", run.out);
    rn_free(&run);
    for (int i = 0; i < 5; i++)
        round_door_fini(&ds[i]);
    round_door_fini(&later);
    round_fini(&r1);
    round_fini(&r2);
    round_fini(&r3);
    free(db);
    tu_rmtree(tmp);
}
END_TEST

int main(void)
{
    const TTest *const tests[] = {test_validate, test_line, test_tally, test_app, test_report};
    return at_run("rounds", tests, sizeof tests / sizeof *tests);
}
