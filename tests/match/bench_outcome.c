/* bench_outcome.c: building the options engine from a database, with and without reading each
 * case's wellbeing measures (issue 8): figures, not pass/fail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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

static const char *no_pass(void *ctx, const char *m)
{
    (void)ctx, (void)m;
    return NULL;
}

/* n closed cases that each chose r-1 and r-2, with suffix after each id
 * (":worked": no measure is read; "": both measures are looked up). */
static char *make_csv(size_t n, const char *suffix, size_t *len)
{
    struct buf b = {0};
    buf_puts(&b, "id,opened,area,resident,request,status,needs,chosen\n");
    for (size_t i = 0; i < n; i++)
        buf_printf(&b, "c-%06zu,2025-%02zu-%02zu,Gem/Dorp%zu/Buurt,Bewoner %zu,Zoekt contact,"
                       "closed,eenzaamheid,r-1%s;r-2%s\n",
                   i, 1 + i % 12, 1 + i % 28, i % 6, i, suffix, suffix);
    *len = b.len;
    return buf_steal(&b);
}

/* Median seconds of five app_suggester_new on a fresh database of n cases,
 * of which the first m get a start and a close measure; -1 on failure. */
static double build_time(const char *root, const char *name, size_t n, const char *suffix,
                         size_t m)
{
    char dir[600];
    snprintf(dir, sizeof dir, "%s/%s", root, name);
    struct wt_error e = {0};
    struct app *a;
    struct app_opts o = {.dir = dir, .passphrase = no_pass};
    if (app_init(dir, "T", "leider", "Lea", &e) != 0 || app_open(&o, &a, &e) != 0) {
        fprintf(stderr, "%s\n", e.text);
        return -1;
    }
    const char *res = "id,name,kind,area,needs\nr-1,Koffie,activity,Gem,eenzaamheid\n"
                      "r-2,Bezoek,buddy,Gem,eenzaamheid\n";
    size_t len;
    char *csv = make_csv(n, suffix, &len);
    int rc = app_import(a, WT_RESOURCES, "r.csv", res, strlen(res), NULL, &e);
    if (!rc)
        rc = app_import(a, WT_CASES, "c.csv", csv, len, NULL, &e);
    free(csv);
    struct measure start = {{2, 2, 3, 2, 1, 3}}, close = {{3, 3, 3, 2, 2, 3}};
    for (size_t i = 0; i < m && !rc; i++) {
        char id[32];
        snprintf(id, sizeof id, "c-%06zu", i);
        rc = app_measure_set(a, id, MEASURE_START, &start, &e);
        if (!rc)
            rc = app_measure_set(a, id, MEASURE_CLOSE, &close, &e);
    }
    double t[5] = {0};
    for (int k = 0; k < 5 && !rc; k++) {
        struct app_suggester *s;
        double t0 = now();
        rc = app_suggester_new(a, &s, &e);
        t[k] = now() - t0;
        app_suggester_free(s);
    }
    app_close(a);
    if (rc) {
        fprintf(stderr, "%s\n", e.text);
        return -1;
    }
    qsort(t, 5, sizeof *t, cmp_double);
    return t[2];
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 20000;
    size_t m = argc > 2 ? strtoul(argv[2], NULL, 10) : 1000;
    char root[] = "/tmp/wt-bench-outcome-XXXXXX";
    if (!mkdtemp(root))
        return 1;
    setenv("XDG_CONFIG_HOME", root, 1);
    double explicit_t = build_time(root, "explicit", n, ":worked", 0);
    double open_t = build_time(root, "open", n, "", 0);
    double measured_t = build_time(root, "measured", n, "", m);
    printf("engine built from %zu closed cases with 2 choices each (median of 5):\n", n);
    printf("  outcomes written (:worked), no measure read:      %.1f ms\n", explicit_t * 1e3);
    printf("  no outcomes, both measures looked up, none stored: %.1f ms\n", open_t * 1e3);
    printf("  no outcomes, %zu cases with both measures stored:  %.1f ms\n", m, measured_t * 1e3);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 && explicit_t >= 0 && open_t >= 0 && measured_t >= 0 ? 0 : 1;
}
