/* bench_match.c: ranking 500 cases on 100k cases / 10k entries / 20k talents, against SQLite FTS5. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_gen.h"
#include "wijktafel/match.h"
#include "wijktafel/xalloc.h"

#define NRANK 500

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Prints median, p95 and total of n timings (sorts them). */
static void report(const char *what, double *t, size_t n, double *median, double *total)
{
    qsort(t, n, sizeof *t, cmp_double);
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += t[i];
    *median = t[n / 2];
    *total = sum;
    printf("%-8s per case: median %.3f ms, p95 %.3f ms, max %.3f ms; %zu cases: %.1f ms\n", what,
           *median, t[n * 95 / 100], t[n - 1], n, sum);
}

int main(int argc, char **argv)
{
    size_t ncases = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000;
    size_t nres = argc > 2 ? strtoul(argv[2], NULL, 10) : 10000;
    size_t ntal = argc > 3 ? strtoul(argv[3], NULL, 10) : 20000;
    struct bench_data d;
    double t0 = now_ms();
    bench_generate(&d, nres, ntal, ncases, 20261120);
    printf("generated %zu cases, %zu entries, %zu talents in %.0f ms\n", ncases, nres, ntal,
           now_ms() - t0);

    /* The cases to rank: every so many open ones, as a meeting would. */
    size_t *pick = xmalloc(NRANK * sizeof *pick), np = 0;
    for (size_t i = 0; i < d.ncases && np < NRANK; i += 7)
        if (strcmp(record_get(&d.cases[i], CASE_STATUS), "closed") != 0)
            pick[np++] = i;

    t0 = now_ms();
    struct match_corpus *c = match_corpus_new(d.today);
    for (size_t i = 0; i < d.nresources; i++)
        match_corpus_add(c, &d.resources[i]);
    for (size_t i = 0; i < d.ntalents; i++)
        match_corpus_add(c, &d.talents[i]);
    for (size_t i = 0; i < d.ncases; i++)
        match_corpus_add(c, &d.cases[i]);
    match_corpus_finish(c);
    printf("wijktafel corpus built in %.0f ms\n", now_ms() - t0);

    double *tm = xmalloc(np * sizeof *tm), *ts = xmalloc(np * sizeof *ts);
    struct bench_top *top_m = xcalloc(np, sizeof *top_m);
    size_t nopts = 0;
    for (size_t k = 0; k < np; k++) {
        struct match_result r;
        double a = now_ms();
        match_rank(c, &d.cases[pick[k]], BENCH_LIMIT, &r);
        tm[k] = now_ms() - a;
        nopts += r.n;
        for (size_t i = 0; i < r.n && i < BENCH_LIMIT; i++)
            snprintf(top_m[k].id[i], sizeof top_m[k].id[i], "%s", r.opts[i].id);
        match_result_fini(&r);
    }
    double med_m, tot_m, med_s, tot_s;
    report("wijktafel", tm, np, &med_m, &tot_m);
    printf("          %.1f options per case on average\n", (double)nopts / np);

    double overlap = bench_sqlite(&d, pick, np, ts, top_m);
    report("sqlite", ts, np, &med_s, &tot_s);
    printf("          top %d in common with wijktafel: %.1f on average\n", BENCH_LIMIT, overlap);
    printf("ratio (sqlite / wijktafel): total %.1fx, median %.1fx\n", tot_s / tot_m,
           med_s / med_m);

    match_corpus_free(c);
    free(tm);
    free(ts);
    free(top_m);
    free(pick);
    bench_data_fini(&d);
    return 0;
}
