/* bench_crypto.c: unlock time, and import and suggest on an encrypted database against a plain one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wijktafel/app.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return v[n / 2];
}

/* 100,000 cases in 30 neighbourhoods with needs from the vocabulary. */
static char *make_csv(size_t n, size_t *len)
{
    static const char *const needs[] = {"eenzaamheid", "mobiliteit", "vervoer", "tuin",
                                        "huishouden", "klussen", "taal", "schulden",
                                        "administratie", "opvoeding", "huiswerk"};
    struct buf b = {0};
    buf_puts(&b, "id,opened,area,resident,request,age,status,needs,strengths\n");
    unsigned x = 12345;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        buf_printf(&b, "c-%06zu,2026-%02u-%02u,Veenwaard/Dorp%u/Buurt%u,Bewoner %zu,"
                   "Vraagt hulp bij de tuin en zoekt contact met buren,%u,open,%s;%s,tuinieren\n",
                   i, 1 + (x >> 8) % 11, 1 + (x >> 12) % 28, (x >> 4) % 6, (x >> 16) % 5, i,
                   18 + (x >> 20) % 80, needs[(x >> 3) % 11], needs[(x >> 9) % 11]);
    }
    *len = b.len;
    return buf_steal(&b);
}

static const char *pass_fn(void *ctx, const char *member)
{
    (void)member;
    return ctx;
}

static struct app *open_db(const char *dir, const char *pass)
{
    struct app *a;
    struct wt_error e = {0};
    struct app_opts o = {.dir = dir, .as_member = "leider", .passphrase = pass_fn,
                         .passphrase_ctx = (void *)pass};
    if (app_open(&o, &a, &e) != 0) {
        fprintf(stderr, "%s\n", e.text);
        exit(1);
    }
    return a;
}

static void rmrf(const char *dir)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        exit(1);
}

int main(void)
{
    char base[] = "/tmp/wt-bench-XXXXXX";
    if (!mkdtemp(base))
        return 1;
    size_t len;
    const size_t ncases = 100000;
    char *csv = make_csv(ncases, &len);
    const char *modes[2] = {NULL, "bench-geheim-1"};
    double imp[2], sug[2], unlock = 0;
    for (int m = 0; m < 2; m++) {
        double t[3];
        char dir[600];
        for (int run = 0; run < 3; run++) {
            snprintf(dir, sizeof dir, "%s/db-%d-%d", base, m, run);
            struct wt_error e = {0};
            if (app_init_encrypted(dir, "Bench", "leider", "Lea", modes[m], &e) != 0) {
                fprintf(stderr, "%s\n", e.text);
                return 1;
            }
            struct app *a = open_db(dir, modes[m]);
            double t0 = now();
            if (app_import(a, WT_CASES, "cases.csv", csv, len, NULL, &e) != 0) {
                fprintf(stderr, "%s\n", e.text);
                return 1;
            }
            t[run] = now() - t0;
            app_close(a);
            if (run < 2)
                rmrf(dir);
        }
        imp[m] = median(t, 3);
        if (m == 1) {
            double u[5];
            for (int i = 0; i < 5; i++) {
                double t0 = now();
                struct app *a = open_db(dir, modes[m]);
                u[i] = now() - t0;
                app_close(a);
            }
            unlock = median(u, 5);
        }
        /* Suggest for 500 cases: build the engine once, then rank each. */
        struct app *a = open_db(dir, modes[m]);
        struct app_suggester *s;
        struct wt_error e = {0};
        double t0 = now();
        if (app_suggester_new(a, &s, &e) != 0) {
            fprintf(stderr, "%s\n", e.text);
            return 1;
        }
        for (size_t i = 0; i < 500; i++) {
            char id[16];
            snprintf(id, sizeof id, "c-%06zu", i * 199);
            struct match_result r;
            if (app_suggest(s, id, 10, &r, &e) != 0) {
                fprintf(stderr, "%s\n", e.text);
                return 1;
            }
            match_result_fini(&r);
        }
        sug[m] = now() - t0;
        app_suggester_free(s);
        app_close(a);
    }
    printf("unlock (Argon2id, 64 MiB), median of 5:  %.0f ms\n", unlock * 1e3);
    printf("import %zu cases, median of 3:  plain %.2f s (%.0f/s)   encrypted %.2f s (%.0f/s)"
           "   encrypted/plain %.2f\n",
           ncases, imp[0], (double)ncases / imp[0], imp[1], (double)ncases / imp[1],
           imp[1] / imp[0]);
    printf("suggest 500 cases (engine built from the database, then ranked):  plain %.2f s"
           "   encrypted %.2f s   encrypted/plain %.2f\n",
           sug[0], sug[1], sug[1] / sug[0]);
    free(csv);
    rmrf(base);
    return 0;
}
