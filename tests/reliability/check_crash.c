/* check_crash.c: an import killed with SIGKILL at random moments leaves all of it or none. */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "testutil.h"
#include "rel.h"
#include "wijktafel/csv.h"
#include "wijktafel/xalloc.h"

#define NBASE 1000   /* records that must always be present */
#define NREC 20000   /* records of each import, replaced in every round */

/* What an export holds: base records, and the import rounds' records. */
struct tally {
    size_t base;
    size_t other;   /* rows that are neither */
    int round;      /* the first import round seen, or -1 */
    size_t count;   /* its records */
    bool mixed;     /* records of more than one round */
    int col_request;
    bool header_seen;
};

static int tally_row(void *ctx, size_t line, char **f, size_t n)
{
    (void)line;
    struct tally *t = ctx;
    if (!t->header_seen) {
        t->header_seen = true;
        for (size_t i = 0; i < n; i++)
            if (strcmp(f[i], "request") == 0)
                t->col_request = (int)i;
        return 0;
    }
    int r;
    if (f[0][0] == 'b') {
        t->base++;
    } else if (f[0][0] == 'n' && t->col_request > 0 && (size_t)t->col_request < n &&
               sscanf(f[t->col_request], "ronde %d", &r) == 1) {
        if (t->round < 0)
            t->round = r;
        t->mixed |= r != t->round;
        t->count++;
    } else {
        t->other++;
    }
    return 0;
}

struct ctx {
    char *dir, *db;
};

static void run_ok(struct ctx *c, const char *const argv[], struct rel_result *r)
{
    rel_run(r, c->dir, NULL, argv);
    ck_assert_msg(r->code == 0 && !rel_sanitizer_report(r->err), "%s %s: %s", argv[2],
                  argv[3] ? argv[3] : "", rel_describe(r));
}

/* Runs check and export; returns the import round whose records the
 * database holds (-1 for none), failing the test on any inconsistency. */
static int verify(struct ctx *c, int round, double delay)
{
    struct rel_result r;
    rel_run(&r, c->dir, NULL, (const char *const[]){"--db", c->db, "check", NULL});
    ck_assert_msg(r.code == 0, "round %d (kill after %.3f s): check: %s\n%s", round, delay,
                  rel_describe(&r), r.out);
    rel_result_fini(&r);
    run_ok(c, (const char *const[]){"--db", c->db, "export", "cases", NULL}, &r);
    struct tally t = {.col_request = -1, .round = -1};
    ck_assert_int_eq(csv_read(r.out, strlen(r.out), "export", tally_row, &t, NULL), 0);
    rel_result_fini(&r);
    ck_assert_msg(t.base == NBASE && t.other == 0,
                  "round %d (kill after %.3f s): %zu base records, %zu others", round, delay,
                  t.base, t.other);
    ck_assert_msg(!t.mixed && (t.round < 0 || t.count == NREC),
                  "round %d (kill after %.3f s): %zu import records%s: a partial import", round,
                  delay, t.count, t.mixed ? " of different rounds" : "");
    return t.round;
}

/* True when path's size or modification time differs from before. */
static bool file_changed(const char *path, const struct stat *before)
{
    struct stat now;
    return stat(path, &now) == 0 &&
           (now.st_size != before->st_size || now.st_mtim.tv_sec != before->st_mtim.tv_sec ||
            now.st_mtim.tv_nsec != before->st_mtim.tv_nsec);
}

/* True when the child has ended; it stays unreaped for rel_wait. */
static bool has_ended(pid_t pid)
{
    siginfo_t si;
    memset(&si, 0, sizeof si);
    return waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 && si.si_pid == pid;
}

static char *write_import(struct ctx *c, int round)
{
    char name[32], request[32];
    snprintf(name, sizeof name, "ronde%d.csv", round);
    snprintf(request, sizeof request, "ronde %d", round);
    size_t len;
    char *csv = rel_cases_csv("n", 0, NREC, request, &len);
    char *path = rel_path(c->dir, name);
    rel_write_file(path, csv, len);
    free(csv);
    return path;
}

START_TEST(test_sigkill_during_import)
{
    struct ctx c;
    c.dir = rel_tmpdir("crash");
    c.db = rel_path(c.dir, "db");
    char *data = rel_path(c.db, "data.mdb");
    unsigned seed = 20240601;
    const char *s = getenv("WT_CRASH_SEED");
    if (s && *s)
        seed = (unsigned)strtoul(s, NULL, 10);
    srand(seed);
    /* WT_CRASH_ROUNDS=200 in the slow suite (issue 9 asks for 200 kills). */
    int rounds = 20;
    s = getenv("WT_CRASH_ROUNDS");
    if (s && atoi(s) > 0)
        rounds = atoi(s);

    struct rel_result r;
    run_ok(&c, (const char *const[]){"--db", c.db, "init", NULL}, &r);
    rel_result_fini(&r);
    size_t len;
    char *base_csv = rel_cases_csv("b", 0, NBASE, NULL, &len);
    char *base = rel_path(c.dir, "base.csv");
    rel_write_file(base, base_csv, len);
    free(base_csv);
    run_ok(&c, (const char *const[]){"--db", c.db, "import", "cases", base, NULL}, &r);
    rel_result_fini(&r);

    /* Rounds 0 and 1 run to the end: a first import and a replacing one. The
     * shorter one's duration spreads the kills of the other rounds (under a
     * sanitizer or on a busy machine an import's time varies a lot). */
    double duration = 0;
    for (int round = 0; round < 2; round++) {
        char *file = write_import(&c, round);
        run_ok(&c, (const char *const[]){"--db", c.db, "import", "cases", file, NULL}, &r);
        duration = round == 0 || r.secs < duration ? r.secs : duration;
        rel_result_fini(&r);
        free(file);
        ck_assert_int_eq(verify(&c, round, -1), round);
    }

    int committed = 1, killed = 0, killed_after_commit = 0;
    for (int round = 2; round < rounds + 2; round++) {
        char *file = write_import(&c, round);
        double u = (double)rand() / ((double)RAND_MAX + 1.0);
        struct stat before;
        ck_assert_int_eq(stat(data, &before), 0);
        struct rel_proc p;
        rel_spawn(&p, c.dir, NULL,
                  (const char *const[]){"--db", c.db, "import", "cases", file, NULL});
        double delay;
        if (round % 2) {
            /* Anywhere in the import (most of it is reading and checking). */
            delay = 0.9 * duration * u;
            rel_sleep(delay - (rel_now() - p.started));
        } else {
            /* In the commit: once data.mdb starts to change, within 10 ms. */
            while (!file_changed(data, &before) && !has_ended(p.pid) &&
                   rel_now() - p.started < 10 * duration + 5)
                rel_sleep(0.0002);
            rel_sleep(0.010 * u);
            delay = rel_now() - p.started;
        }
        kill(p.pid, SIGKILL);
        rel_wait(&p, 60, &r);
        ck_assert_msg(r.sig == SIGKILL || (r.code == 0 && !r.sig),
                      "round %d (kill after %.3f s): %s", round, delay, rel_describe(&r));
        bool acknowledged = r.code == 0;
        rel_result_fini(&r);
        free(file);
        int present = verify(&c, round, delay);
        ck_assert_msg(present == committed || present == round,
                      "round %d (kill after %.3f s): the database holds round %d, expected %d "
                      "or %d", round, delay, present, committed, round);
        ck_assert_msg(!acknowledged || present == round,
                      "round %d: the import finished, but its records are missing", round);
        printf("round %d: kill after %.3f s: %s, the database holds round %d\n", round, delay,
               acknowledged ? "it had finished" : "killed", present);
        killed += !acknowledged;
        killed_after_commit += !acknowledged && present == round;
        committed = present;
    }
    printf("crash: seed %u, import %.3f s, %d of %d rounds killed (%d after the commit)\n",
           seed, duration, killed, rounds, killed_after_commit);
    /* The kills land inside the imports, not after them. */
    ck_assert_int_ge(killed, rounds / 2);

    free(base);
    free(data);
    free(c.db);
    rel_rmtree(c.dir);
    free(c.dir);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_sigkill_during_import};
    const struct tu_suite suite = {
        .name = "crash",
        .timeout = 3600,
        .begin = rel_fixture_begin, .end = rel_fixture_end};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
