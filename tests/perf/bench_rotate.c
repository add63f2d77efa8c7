/* bench_rotate.c: a member leaves a database of 100,000 cases: the keys are rotated (issue 22). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "wijktafel/app.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* n cases and n / 10 signals, as bench_crypto makes them. */
static void make_csv(size_t n, struct buf *cases, struct buf *signals)
{
    static const char *const needs[] = {"eenzaamheid", "mobiliteit", "vervoer", "tuin",
                                        "huishouden", "klussen", "taal", "schulden"};
    buf_puts(cases, "id,opened,area,resident,request,age,status,needs,strengths\n");
    buf_puts(signals, "id,date,area,text,themes\n");
    unsigned x = 12345;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        buf_printf(cases, "c-%06zu,2026-%02u-%02u,Veenwaard/Dorp%u/Buurt%u,Bewoner %zu,"
                   "Vraagt hulp bij de tuin en zoekt contact met buren,%u,open,%s;%s,tuinieren\n",
                   i, 1 + (x >> 8) % 11, 1 + (x >> 12) % 28, (x >> 4) % 6, (x >> 16) % 5, i,
                   18 + (x >> 20) % 80, needs[(x >> 3) % 8], needs[(x >> 9) % 8]);
        if (i % 10 == 0)
            buf_printf(signals, "s-%06zu,2026-11-%02u,Veenwaard/Dorp%u,Losse tegels bij nummer "
                       "%zu,%s\n", i, 1 + (x >> 12) % 28, (x >> 4) % 6, i, needs[(x >> 3) % 8]);
    }
}

static double cpu_now(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru); /* all threads: the helpers count */
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

static const char *pass_fn(void *ctx, const char *member)
{
    (void)member;
    return ctx;
}

static void die(const struct wt_error *e)
{
    fprintf(stderr, "%s\n", e->text);
    exit(1);
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)atol(argv[1]) : 100000;
    char base[] = "/tmp/wt-bench-rotate-XXXXXX";
    if (!mkdtemp(base))
        return 1;
    char dir[600];
    snprintf(dir, sizeof dir, "%s/db", base);
    struct wt_error e = {0};
    if (app_init_encrypted(dir, "Bench", "leider", "Lea", "bench-geheim-1", &e) != 0)
        die(&e);
    struct app *a;
    struct app_opts o = {.dir = dir, .as_member = "leider", .passphrase = pass_fn,
                         .passphrase_ctx = "bench-geheim-1"};
    if (app_open(&o, &a, &e) != 0)
        die(&e);
    struct buf cases = {0}, signals = {0};
    make_csv(n, &cases, &signals);
    double t0 = now();
    if (app_import(a, WT_CASES, "cases.csv", cases.data, cases.len, NULL, &e) != 0 ||
        app_import(a, WT_SIGNALS, "signals.csv", signals.data, signals.len, NULL, &e) != 0)
        die(&e);
    printf("import of %zu cases and %zu signals: %.2f s\n", n, n / 10, now() - t0);
    struct app_member_fields f = {.id = "pia", .name = "Pia Prof", .role = "professional"};
    char *code = NULL;
    if (app_member_add(a, &f, &code, &e) != 0)
        die(&e);
    free(code);
    /* The departure: one transaction (keyslot, both keys rotated, per-case
     * keys re-wrapped, indexes and log sealed again), then the compaction. */
    t0 = now();
    double c0 = cpu_now();
    if (app_member_leave(a, "pia", &e) != 0)
        die(&e);
    double leave = now() - t0, leave_cpu = cpu_now() - c0;
    printf("member leave (rotation and compaction): %.2f s (CPU %.2f s)\n", leave, leave_cpu);
    /* What a CPU second costs in wall time on this machine now (shared machines). */
    t0 = now();
    c0 = cpu_now();
    volatile unsigned long spin = 0;
    while (cpu_now() - c0 < 0.5)
        spin++;
    printf("wall time per CPU second on this machine now: %.2f s\n", (now() - t0) / 0.5);
    app_close(a);
    buf_fini(&cases);
    buf_fini(&signals);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", base);
    return system(cmd) == 0 ? 0 : 1;
}
