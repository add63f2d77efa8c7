/* bench_crypto.c: unlock time, and import and suggest on an encrypted database against a plain one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "wijktafel/app.h"
#include "wijktafel/meeting.h"
#include "wijktafel/store.h"

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
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        exit(1);
}

static double cpu_now(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru); /* all threads: the helpers count */
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

static const char *const modes[2] = {NULL, "bench-geheim-1"};
static char base[] = "/tmp/wt-bench-XXXXXX";
static char *csv;
static size_t csv_len;
static const size_t ncases = 100000;

/* One import into a fresh database of mode m; the wall and CPU seconds. The
 * database is kept when keep is set (for suggest and unlock). */
static void import_once(int m, int run, bool keep, double *wall, double *cpu)
{
    char dir[600];
    snprintf(dir, sizeof dir, "%s/db-%d-%d", base, m, run);
    struct wt_error e = {0};
    if (app_init_encrypted(dir, "Bench", "leider", "Lea", modes[m], &e) != 0) {
        fprintf(stderr, "%s\n", e.text);
        exit(1);
    }
    struct app *a = open_db(dir, modes[m]);
    double t0 = now(), c0 = cpu_now();
    if (app_import(a, WT_CASES, "cases.csv", csv, csv_len, NULL, &e) != 0) {
        fprintf(stderr, "%s\n", e.text);
        exit(1);
    }
    *wall = now() - t0;
    *cpu = cpu_now() - c0;
    app_close(a);
    if (!keep)
        rmrf(dir);
}

/* Builds the suggest engine from the database and ranks 500 cases. */
static double suggest_once(int m)
{
    char dir[600];
    snprintf(dir, sizeof dir, "%s/db-%d-keep", base, m);
    struct app *a = open_db(dir, modes[m]);
    struct app_suggester *s;
    struct wt_error e = {0};
    double t0 = now();
    if (app_suggester_new(a, &s, &e) != 0) {
        fprintf(stderr, "%s\n", e.text);
        exit(1);
    }
    for (size_t i = 0; i < 500; i++) {
        char id[16];
        snprintf(id, sizeof id, "c-%06zu", i * 199);
        struct app_options r;
        if (app_suggest(s, id, 10, &r, &e) != 0) {
            fprintf(stderr, "%s\n", e.text);
            exit(1);
        }
        app_options_fini(&r);
    }
    double t = now() - t0;
    app_suggester_free(s);
    app_close(a);
    return t;
}

/* Saves one new case (id given by the program) in the kept database of mode
 * m: what Enter costs in the case form. */
static double add_once(int m)
{
    char dir[600];
    snprintf(dir, sizeof dir, "%s/db-%d-keep", base, m);
    struct app *a = open_db(dir, modes[m]);
    struct wt_record r;
    record_init(&r, WT_CASES);
    record_set(&r, CASE_OPENED, "2026-11-01");
    record_set(&r, CASE_AREA, "Veenwaard/Dorp1/Buurt1");
    record_set(&r, CASE_RESIDENT, "Nieuwe Bewoner");
    record_set(&r, CASE_REQUEST, "Zoekt hulp in de tuin");
    record_set(&r, CASE_STATUS, "open");
    struct wt_error e = {0};
    double t0 = now();
    if (meeting_add(a, &r, &e) != 0) {
        fprintf(stderr, "%s\n", e.text);
        exit(1);
    }
    double t = now() - t0;
    record_fini(&r);
    app_close(a);
    return t;
}

#define RUNS 5

/* Plain and encrypted imports, RUNS of each, alternating (which goes first
 * changes every run, so that drift on a shared machine hits both). */
static void import_runs(double wall[2][RUNS], double cpu[2][RUNS])
{
    for (int run = 0; run < RUNS; run++)
        for (int k = 0; k < 2; k++) {
            int m = (run + k) % 2;
            import_once(m, run, false, &wall[m][run], &cpu[m][run]);
        }
}

/* What one XChaCha20-Poly1305 seal costs here: the floor under an import on
 * one thread (a case's value, its key and its log entry are each sealed). */
static void seal_costs(void)
{
    if (sodium_init() < 0)
        exit(1);
    static unsigned char key[32], nonce[24], msg[256], out[256 + 16];
    randombytes_buf(key, sizeof key);
    const size_t sizes[] = {32, 150, 250};
    printf("one XChaCha20-Poly1305 seal (libsodium), median of 5 x 100,000:");
    for (size_t s = 0; s < 3; s++) {
        double t[5];
        for (int r = 0; r < 5; r++) {
            double t0 = now();
            for (int i = 0; i < 100000; i++) {
                nonce[0] = (unsigned char)i;
                crypto_aead_xchacha20poly1305_ietf_encrypt(out, NULL, msg, sizes[s], nonce, 12,
                                                           NULL, nonce, key);
            }
            t[r] = (now() - t0) / 100000;
        }
        printf("  %zu bytes %.2f us", sizes[s], median(t, 5) * 1e6);
    }
    printf("\n");
}

static double file_mb(const char *dir)
{
    char path[700];
    snprintf(path, sizeof path, "%s/data.mdb", dir);
    struct stat st;
    return stat(path, &st) == 0 ? (double)st.st_blocks * 512 / 1e6 : 0;
}

int main(void)
{
    if (!mkdtemp(base))
        return 1;
    seal_costs();
    csv = make_csv(ncases, &csv_len);
    /* The databases for unlock and suggest. */
    double w, c;
    for (int m = 0; m < 2; m++) {
        import_once(m, 0, true, &w, &c);
        char from[700], to[700];
        snprintf(from, sizeof from, "%s/db-%d-0", base, m);
        snprintf(to, sizeof to, "%s/db-%d-keep", base, m);
        if (rename(from, to) != 0)
            return 1;
    }
    double u[5];
    for (int i = 0; i < 5; i++) {
        char dir[600];
        snprintf(dir, sizeof dir, "%s/db-1-keep", base);
        double t0 = now();
        app_close(open_db(dir, modes[1]));
        u[i] = now() - t0;
    }
    printf("unlock (Argon2id, 64 MiB), median of 5:  %.0f ms\n", median(u, 5) * 1e3);
    char pd[600], ed[600];
    snprintf(pd, sizeof pd, "%s/db-0-keep", base);
    snprintf(ed, sizeof ed, "%s/db-1-keep", base);
    printf("data.mdb after the import:  plain %.1f MB   encrypted %.1f MB\n", file_mb(pd),
           file_mb(ed));

    double wall[2][RUNS], cpu[2][RUNS];
    import_runs(wall, cpu);
    double ratio[RUNS];
    for (int r = 0; r < RUNS; r++)
        ratio[r] = wall[1][r] / wall[0][r];
    double pw = median(wall[0], RUNS), ew = median(wall[1], RUNS);
    median(ratio, RUNS); /* sorted: the lowest and highest run */
    printf("import %zu cases, median of %d alternating runs:  plain %.3f s (%.0f/s)   "
           "encrypted %.3f s (%.0f/s)   encrypted/plain %.2f (single runs %.2f to %.2f)\n",
           ncases, RUNS, pw, (double)ncases / pw, ew, (double)ncases / ew, ew / pw, ratio[0],
           ratio[RUNS - 1]);
    printf("  CPU time (all threads):  plain %.3f s   encrypted %.3f s   encrypted/plain %.2f\n",
           median(cpu[0], RUNS), median(cpu[1], RUNS), median(cpu[1], RUNS) / median(cpu[0], RUNS));

    /* The same with no helper threads: what one core does. */
    store_set_helpers(0);
    import_runs(wall, cpu);
    pw = median(wall[0], RUNS);
    ew = median(wall[1], RUNS);
    printf("  with no helper threads:  plain %.3f s   encrypted %.3f s   encrypted/plain %.2f\n",
           pw, ew, ew / pw);
    store_set_helpers(-1);

    double add[2][RUNS];
    for (int run = 0; run < RUNS; run++)
        for (int m = 0; m < 2; m++)
            add[m][run] = add_once(m);
    printf("a new case saved into the 100,000 (the commit included), median of %d:  plain %.1f ms"
           "   encrypted %.1f ms\n",
           RUNS, median(add[0], RUNS) * 1e3, median(add[1], RUNS) * 1e3);

    double sug[2][5];
    for (int run = 0; run < 5; run++)
        for (int k = 0; k < 2; k++) {
            int m = (run + k) % 2;
            sug[m][run] = suggest_once(m);
        }
    double ps = median(sug[0], 5), es = median(sug[1], 5);
    printf("suggest 500 cases (engine built from the database, then ranked), median of 5:  "
           "plain %.3f s   encrypted %.3f s   encrypted/plain %.2f\n",
           ps, es, es / ps);
    store_set_helpers(0);
    for (int run = 0; run < 5; run++)
        for (int k = 0; k < 2; k++) {
            int m = (run + k) % 2;
            sug[m][run] = suggest_once(m);
        }
    store_set_helpers(-1);
    ps = median(sug[0], 5);
    es = median(sug[1], 5);
    printf("  with no helper threads:  plain %.3f s   encrypted %.3f s   encrypted/plain %.2f\n",
           ps, es, es / ps);
    free(csv);
    rmrf(base);
    return 0;
}
