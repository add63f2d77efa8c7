/* check_par.c: the helper threads that seal and open an encrypted database's values. Every
 * item is done once and its result comes where it is needed, with 0, 1 and 3 helpers; an
 * import gives the same database whoever sealed it; store_each gives every record once, in
 * id order, also when stopped early or when a value is damaged. Real LMDB databases. */
#include <check.h>
#include <lmdb.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/stat.h>

#include "../../src/store/par.h"
#include "../../src/store/store_int.h"
#include "testutil.h"
#include "wijktafel/app.h"
#include "wijktafel/store.h"

static const int helper_counts[] = {0, 1, 3};

/* --- the queue itself ------------------------------------------------ */

static atomic_int calls;

static void *square(void *ctx, void *in)
{
    (void)ctx;
    atomic_fetch_add(&calls, 1);
    long v = (long)(intptr_t)in;
    long *out = malloc(sizeof *out);
    *out = v * v;
    return out;
}

static atomic_int freed;

static void count_free(void *ctx, void *out)
{
    (void)ctx;
    free(out);
    atomic_fetch_add(&freed, 1);
}

START_TEST(test_queue_every_item_once)
{
    par_set_helpers(helper_counts[_i]);
    atomic_store(&calls, 0);
    atomic_store(&freed, 0);
    struct par *p = par_new(square, NULL, NULL);
    const long n = 20000;
    /* Needed while items still come, in an order of their own. */
    for (long i = 0; i < n; i++) {
        ck_assert_uint_eq(par_add(p, (void *)(intptr_t)i), (size_t)i);
        if (i % 1000 == 999) {
            long j = (i * 7919) % (i + 1);
            ck_assert_int_eq(*(long *)par_need(p, (size_t)j), j * j);
        }
    }
    ck_assert_uint_eq(par_count(p), (size_t)n);
    for (long k = 0; k < n; k++) {
        long i = (k * 7919) % n; /* 7919 is prime: every index once */
        ck_assert_int_eq(*(long *)par_need(p, (size_t)i), i * i);
    }
    par_free(p, count_free);
    ck_assert_int_eq(atomic_load(&calls), n);
    ck_assert_int_eq(atomic_load(&freed), n);
    par_set_helpers(-1);
}
END_TEST

START_TEST(test_queue_left_early)
{
    /* Items never needed may be done or not; each done one is freed once. */
    par_set_helpers(helper_counts[_i]);
    atomic_store(&calls, 0);
    atomic_store(&freed, 0);
    struct par *p = par_new(square, NULL, NULL);
    for (long i = 0; i < 5000; i++)
        par_add(p, (void *)(intptr_t)i);
    for (long i = 0; i < 100; i++)
        ck_assert_int_eq(*(long *)par_need(p, (size_t)i), i * i);
    par_free(p, count_free);
    ck_assert_int_ge(atomic_load(&calls), 100);
    ck_assert_int_eq(atomic_load(&freed), atomic_load(&calls));
    par_set_helpers(-1);
}
END_TEST

/* --- an encrypted database ------------------------------------------- */

#define NCASES 3000
#define PASS "helpers-geheim-1"

static char *tmp;

static void setup(void)
{
    tmp = tu_tmpdir();
    setenv("WIJKTAFEL_TODAY", "2026-11-30", 1);
}

static void teardown(void)
{
    par_set_helpers(-1);
    tu_rmtree(tmp);
}

static const char *pass_fn(void *ctx, const char *member)
{
    (void)ctx;
    (void)member;
    return PASS;
}

/* NCASES cases; with renamed, the ones from 1000 to 1999 again under new names. */
static char *cases_csv(bool renamed, size_t *len)
{
    struct buf b = {0};
    buf_puts(&b, "id,opened,area,resident,request,status,needs\n");
    for (int i = renamed ? 1000 : 0; i < (renamed ? 2000 : NCASES); i++)
        buf_printf(&b, "c-%05d,2026-%02d-%02d,Wijk%d/Buurt%d,%s %d,Vraag %d,open,tuin;taal\n", i,
                   1 + i % 12, 1 + i % 28, i % 7, i % 3, renamed ? "Nieuw" : "Bewoner", i, i);
    *len = b.len;
    return buf_steal(&b);
}

static struct app *open_app(const char *dir)
{
    struct app *a;
    struct wt_error e = {0};
    struct app_opts o = {.dir = dir, .as_member = "lea", .passphrase = pass_fn};
    ck_assert_msg(app_open(&o, &a, &e) == 0, "%s", e.text);
    return a;
}

/* A fresh encrypted database with the cases imported twice (the second time
 * replacing a third of them), sealed with the given number of helpers. */
static char *make_db(const char *name, int helpers)
{
    par_set_helpers(helpers);
    char *dir = tu_path(tmp, name);
    struct wt_error e = {0};
    ck_assert_msg(app_init_encrypted(dir, "Test", "lea", "Lea", PASS, &e) == 0, "%s", e.text);
    struct app *a = open_app(dir);
    for (int round = 0; round < 2; round++) {
        size_t len;
        char *csv = cases_csv(round == 1, &len);
        ck_assert_msg(app_import(a, WT_CASES, "cases.csv", csv, len, NULL, &e) == 0, "%s",
                      e.text);
        free(csv);
    }
    app_close(a);
    par_set_helpers(-1);
    return dir;
}

static int problems;

static void count_problem(void *ctx, const char *line)
{
    (void)ctx;
    if (problems < 5 && getenv("SHOW_PROBLEMS"))
        fprintf(stderr, "%s\n", line);
    problems++;
}

static char *export_cases(const char *dir)
{
    struct app *a = open_app(dir);
    struct buf out = {0};
    struct wt_error e = {0};
    ck_assert_int_eq(app_export(a, WT_CASES, APP_CSV, &out, &e), 0);
    problems = 0;
    ck_assert_msg(app_check(a, count_problem, NULL, &e) == 0, "%s", e.text);
    ck_assert_int_eq(problems, 0);
    app_close(a);
    return buf_steal(&out);
}

START_TEST(test_import_same_whoever_seals)
{
    char *one = make_db("db0", 0), *many = make_db("db3", 3);
    char *a = export_cases(one), *b = export_cases(many);
    ck_assert_str_eq(a, b);
    ck_assert_ptr_nonnull(strstr(a, "c-01500,2026-01-17,Wijk2/Buurt0,Nieuw 1500,"));
    ck_assert_ptr_nonnull(strstr(a, "c-02500,2026-05-09,Wijk1/Buurt1,Bewoner 2500,"));
    free(a);
    free(b);
    free(one);
    free(many);
}
END_TEST

struct walk {
    bool renamed; /* the cases from 1000 to 1999 were imported again as "Nieuw" */
    int n, damaged, stop_at;
    char last[32];
    char damaged_id[40];
};

static int walk_one(void *ctx, const struct wt_record *r)
{
    struct walk *w = ctx;
    ck_assert_msg(strcmp(r->v[0], w->last) > 0, "%s after %s", r->v[0], w->last);
    snprintf(w->last, sizeof w->last, "%s", r->v[0]);
    if (r->damaged) {
        w->damaged++;
        snprintf(w->damaged_id, sizeof w->damaged_id, "%s", r->v[0]);
    } else {
        int i = atoi(r->v[0] + 2);
        char want[32];
        snprintf(want, sizeof want, "%s %d",
                 w->renamed && i >= 1000 && i < 2000 ? "Nieuw" : "Bewoner", i);
        ck_assert_str_eq(r->v[CASE_RESIDENT], want);
    }
    return ++w->n == w->stop_at ? 7 : 0;
}

static struct walk walk(const char *dir, int helpers, int stop_at, bool renamed)
{
    par_set_helpers(helpers);
    struct store *s;
    struct wt_error e = {0};
    ck_assert_msg(store_open(dir, NULL, &s, &e) == 0, "%s", e.text);
    ck_assert_msg(store_unlock(s, "lea", PASS, &e) == 0, "%s", e.text);
    struct store_txn *t;
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    struct walk w = {.stop_at = stop_at, .renamed = renamed};
    int rc = store_each(t, WT_CASES, walk_one, &w);
    ck_assert_int_eq(rc, stop_at ? 7 : 0);
    store_read_end(t);
    store_close(s);
    return w;
}

START_TEST(test_each_in_order_and_stopped)
{
    char *dir = make_db("db", -1);
    for (size_t h = 0; h < sizeof helper_counts / sizeof helper_counts[0]; h++) {
        struct walk w = walk(dir, helper_counts[h], 0, true);
        ck_assert_int_eq(w.n, NCASES);
        ck_assert_int_eq(w.damaged, 0);
        w = walk(dir, helper_counts[h], 1234, true);
        ck_assert_int_eq(w.n, 1234);
        ck_assert_str_eq(w.last, "c-01233");
    }
    free(dir);
}
END_TEST

/* Flips a byte in the sealed value of case c-02500, found under its number
 * in an encrypted database; ctx gets what the walk names it by: "#" and the
 * number in hex (the id is inside the value). */
static int flip_case(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    unsigned char kb[CASE_KEY_LEN];
    MDB_val k = store_rec_key(t, WT_CASES, "c-02500", kb), v;
    ck_assert_uint_eq(k.mv_size, CASE_SEQ_LEN);
    store_key_ad(&k, ctx);
    ck_assert_int_eq(mdb_get(t->txn, t->s->kinds[WT_CASES], &k, &v), 0);
    unsigned char *c = malloc(v.mv_size);
    memcpy(c, v.mv_data, v.mv_size);
    c[v.mv_size / 2] ^= 0x20;
    MDB_val nv = {v.mv_size, c};
    ck_assert_int_eq(mdb_put(t->txn, t->s->kinds[WT_CASES], &k, &nv, 0), 0);
    free(c);
    return 0;
}

START_TEST(test_each_damaged_value)
{
    char *dir = make_db("db", -1);
    /* A flipped byte in one case's sealed value. */
    struct store *s;
    struct wt_error e = {0};
    ck_assert_msg(store_open(dir, NULL, &s, &e) == 0, "%s", e.text);
    ck_assert_msg(store_unlock(s, "lea", PASS, &e) == 0, "%s", e.text);
    char named[CASE_AD_LEN];
    ck_assert_int_eq(store_write(s, flip_case, named, &e), 0);
    store_close(s);
    for (size_t h = 0; h < sizeof helper_counts / sizeof helper_counts[0]; h++) {
        struct walk w = walk(dir, helper_counts[h], 0, true);
        ck_assert_int_eq(w.n, NCASES);
        ck_assert_int_eq(w.damaged, 1);
        ck_assert_str_eq(w.damaged_id, named);
    }
    free(dir);
}
END_TEST

/* A batch whose write is done over: the map is too small for it, grows, and
 * the same batch is put again (its values were let go after the first put:
 * the second seals them here). The log's chain and every value hold. */
struct replay {
    struct store_batch *b;
    struct store_log_entry *es;
    size_t n;
    int runs;
};

static int put_batch(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    struct replay *rp = ctx;
    rp->runs++;
    return store_batch_put_logged(t, rp->b, rp->es, rp->n);
}

START_TEST(test_batch_done_over)
{
    char *dir = tu_path(tmp, "db");
    struct wt_error e = {0};
    ck_assert_msg(app_init_encrypted(dir, "Test", "lea", "Lea", PASS, &e) == 0, "%s", e.text);
    par_set_helpers(helper_counts[_i]);
    struct store *s;
    struct store_opts o = {.initial_map = 64 << 10};
    ck_assert_msg(store_open(dir, &o, &s, &e) == 0, "%s", e.text);
    ck_assert_msg(store_unlock(s, "lea", PASS, &e) == 0, "%s", e.text);
    size_t map_before = store_map_size(s);
    struct wt_record *recs = calloc(NCASES, sizeof *recs);
    struct store_log_entry *es = calloc(NCASES, sizeof *es);
    struct store_batch *b = store_batch_new(s, WT_CASES);
    for (int i = 0; i < NCASES; i++) {
        char id[16], name[32], date[11];
        snprintf(id, sizeof id, "c-%05d", i);
        snprintf(name, sizeof name, "Bewoner %d", i);
        snprintf(date, sizeof date, "2026-%02d-%02d", 1 + i % 12, 1 + i % 28);
        record_init(&recs[i], WT_CASES);
        record_set(&recs[i], CASE_ID, id);
        record_set(&recs[i], CASE_OPENED, date);
        record_set(&recs[i], CASE_AREA, "Wijk1/Buurt2");
        record_set(&recs[i], CASE_RESIDENT, name);
        record_set(&recs[i], CASE_REQUEST, "Hulp bij de tuin");
        record_set(&recs[i], CASE_STATUS, "open");
        store_batch_add(b, &recs[i]);
        snprintf(es[i].member, sizeof es[i].member, "lea");
        snprintf(es[i].action, sizeof es[i].action, "import");
        snprintf(es[i].kind, sizeof es[i].kind, "cases");
        snprintf(es[i].id, sizeof es[i].id, "%s", id);
    }
    struct replay rp = {b, es, NCASES, 0};
    ck_assert_msg(store_write(s, put_batch, &rp, &e) == 0, "%s", e.text);
    ck_assert_int_gt(rp.runs, 1); /* it was done over */
    ck_assert_uint_gt(store_map_size(s), map_before);
    store_batch_free(b);
    for (int i = 0; i < NCASES; i++)
        record_fini(&recs[i]);
    free(recs);
    free(es);
    problems = 0;
    ck_assert_msg(store_check(s, count_problem, NULL, &e) == 0, "%s", e.text);
    ck_assert_int_eq(problems, 0);
    store_close(s);
    /* Read back through the program's own path. */
    struct walk w = walk(dir, 1, 0, false);
    ck_assert_int_eq(w.n, NCASES);
    ck_assert_int_eq(w.damaged, 0);
    free(dir);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("par");
    TCase *tq = tcase_create("queue");
    tcase_add_loop_test(tq, test_queue_every_item_once, 0, 3);
    tcase_add_loop_test(tq, test_queue_left_early, 0, 3);
    suite_add_tcase(s, tq);
    TCase *ts = tcase_create("store");
    tcase_add_checked_fixture(ts, setup, teardown);
    tcase_set_timeout(ts, 120);
    tcase_add_test(ts, test_import_same_whoever_seals);
    tcase_add_test(ts, test_each_in_order_and_stopped);
    tcase_add_test(ts, test_each_damaged_value);
    tcase_add_loop_test(ts, test_batch_done_over, 0, 3);
    suite_add_tcase(s, ts);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
