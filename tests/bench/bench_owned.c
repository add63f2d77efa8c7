/* bench_owned.c: what one saved action costs on an encrypted database whose volunteers hold
 * sealed copies of their actions (owned.c). ACTIONS actions (default 10,000), half of them
 * owned by VOLUNTEERS volunteers (default 5) with a passphrase each, so half are sealed to a
 * volunteer; then the leader marks one volunteer's action done and open again, RUNS times,
 * each one write (meeting_action_status), and the median is printed. Then the start of a
 * team member's meeting screen (app_open and meeting_open), RUNS times with nothing to merge,
 * and RUNS times with the copies noted out of date first (a bundle merged by a volunteer), which
 * rebuilds them all as every start used to.
 * Usage: bench_owned [ACTIONS [VOLUNTEERS]]. docs/performance.md has the figures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rel.h"
#include "wijktafel/app.h"
#include "wijktafel/meeting.h"
#include "wijktafel/store.h"

#define RUNS 9
#define PASS "bench-geheim-1"

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "bench_owned: %s: %s\n", what, detail);
    exit(EXIT_FAILURE);
}

static const char *pass_of(void *ctx, const char *member)
{
    (void)ctx, (void)member;
    return PASS;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* An encrypted database in db: the leader, v volunteers with a passphrase,
 * n actions of which every second one is a volunteer's. */
static void fill(const char *db, size_t n, size_t v)
{
    struct wt_error e = {0};
    if (app_init_encrypted(db, "Bench", "leider", "Lea", PASS, &e) != 0)
        die("init", e.text);
    struct app *a;
    struct app_opts o = {.dir = db, .as_member = "leider", .passphrase = pass_of};
    if (app_open(&o, &a, &e) != 0)
        die("open", e.text);
    struct buf b = {0};
    buf_puts(&b, "id,name,role\n");
    for (size_t i = 0; i < v; i++)
        buf_printf(&b, "m-vol%zu,Vrijwilliger %zu,volunteer\n", i, i);
    if (app_import(a, WT_MEMBERS, "m.csv", b.data, b.len, NULL, &e) != 0)
        die("members", e.text);
    for (size_t i = 0; i < v; i++) {
        char id[32];
        snprintf(id, sizeof id, "m-vol%zu", i);
        if (app_set_passphrase(a, id, PASS, &e) != 0)
            die("passphrase", e.text);
    }
    buf_reset(&b);
    buf_puts(&b, "id,text,owner\n");
    for (size_t i = 0; i < n; i++) {
        if (i % 2)
            buf_printf(&b, "a-%05zu,Actie %zu,m-vol%zu\n", i, i, (i / 2) % v);
        else
            buf_printf(&b, "a-%05zu,Actie %zu,leider\n", i, i);
    }
    if (app_import(a, WT_ACTIONS, "a.csv", b.data, b.len, NULL, &e) != 0)
        die("actions", e.text);
    buf_fini(&b);
    app_close(a);
}

static void print_runs(const char *what, double *secs)
{
    printf("%s, %d runs:", what, RUNS);
    for (int i = 0; i < RUNS; i++)
        printf(" %.1f", secs[i] * 1000);
    qsort(secs, RUNS, sizeof secs[0], cmp_double);
    printf(" ms -> median %.1f ms\n", secs[RUNS / 2] * 1000);
}

static int drop_fresh(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx, (void)err;
    store_meta_del(t, "owned-fresh");
    return store_txn_error(t);
}

/* Notes the copies out of date, as a bundle merged by a volunteer does. */
static void mark_stale(const char *db)
{
    struct store *s;
    struct wt_error e = {0};
    if (store_open(db, NULL, &s, &e) != 0 || store_unlock(s, "leider", PASS, &e) != 0 ||
        store_write(s, drop_fresh, NULL, &e) != 0)
        die("stale", e.text);
    store_close(s);
}

/* The leader's start RUNS times: open (with the unlock) and the meeting's
 * opening, into whole and opening; stale: the copies noted out of date first. */
static void time_starts(const char *db, bool stale, double *whole, double *opening)
{
    struct app_opts o = {.dir = db, .as_member = "leider", .passphrase = pass_of};
    for (int i = 0; i < RUNS; i++) {
        if (stale)
            mark_stale(db);
        struct app *a;
        struct wt_error e = {0};
        double t0 = rel_now();
        if (app_open(&o, &a, &e) != 0)
            die("open", e.text);
        double t1 = rel_now();
        if (meeting_open(a, &e) != 0)
            die("meeting", e.text);
        double t2 = rel_now();
        app_close(a);
        whole[i] = t2 - t0;
        opening[i] = t2 - t1;
    }
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 10000;
    size_t v = argc > 2 ? strtoul(argv[2], NULL, 10) : 5;
    if (n < 2 || v < 1)
        die("usage", "bench_owned [ACTIONS >= 2 [VOLUNTEERS >= 1]]");
    setenv("WIJKTAFEL_TODAY", "2026-12-08", 1);
    char *dir = rel_tmpdir("bench-owned");
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("XDG_CACHE_HOME", dir, 1);
    char *db = rel_path(dir, "db");
    double t0 = rel_now();
    fill(db, n, v);
    printf("%zu actions, %zu sealed to %zu volunteers: made in %.1f s\n", n, n / 2, v,
           rel_now() - t0);
    struct app *a;
    struct wt_error e = {0};
    struct app_opts o = {.dir = db, .as_member = "leider", .passphrase = pass_of};
    if (app_open(&o, &a, &e) != 0)
        die("open", e.text);
    double secs[RUNS];
    for (int i = 0; i < RUNS; i++) {
        t0 = rel_now();
        if (meeting_action_status(a, "a-00001", i % 2 ? "open" : "done", &e) != 0)
            die("save", e.text);
        secs[i] = rel_now() - t0;
    }
    app_close(a);
    print_runs("one action saved (meeting_action_status)", secs);
    double whole[RUNS];
    time_starts(db, false, whole, secs);
    print_runs("start, nothing to merge: meeting_open", secs);
    print_runs("start, nothing to merge: app_open + meeting_open", whole);
    time_starts(db, true, whole, secs);
    print_runs("start, copies out of date (every start before): meeting_open", secs);
    print_runs("start, copies out of date: app_open + meeting_open", whole);
    rel_rmtree(dir);
    free(db);
    free(dir);
    return 0;
}
