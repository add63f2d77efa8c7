/* bench_import.c: import speed. 100,000 generated cases through app_import into a fresh
 * database (median of 3 runs), the same through the program, and the sqlite3 command-line
 * tool's .import of the same file into a table with the same columns and indexes.
 * Usage: bench_import [RECORDS], or bench_import --csv FILE [RECORDS] to write the CSV only
 * (to profile the program on it: valgrind --tool=callgrind wijktafel import). Environment: WIJKTAFEL (the program, optional), SQLITE3
 * (the sqlite3 tool, default: found in PATH). The goal (docs/performance): at least
 * 100,000 records/s and at least as fast as sqlite3. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rel.h"
#include "wijktafel/app.h"

#define RUNS 3

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double v[RUNS])
{
    qsort(v, RUNS, sizeof v[0], cmp_double);
    return v[RUNS / 2];
}

static void print_runs(const char *what, size_t n, double secs[RUNS])
{
    printf("%-26s", what);
    for (int i = 0; i < RUNS; i++)
        printf(" %.3f s", secs[i]);
    double m = median(secs);
    printf("  -> median %.3f s, %.0f records/s\n", m, (double)n / m);
}

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "bench_import: %s: %s\n", what, detail);
    exit(EXIT_FAILURE);
}

/* Seconds app_import takes for the CSV on a fresh database in dir/name. */
static double import_api(const char *dir, const char *name, const char *csv, size_t len,
                         size_t n)
{
    char *db = rel_path(dir, name);
    struct wt_error err = {0};
    if (app_init(db, "Bench", "leider", "Lea", &err) != 0)
        die("init", err.text);
    struct app *a;
    struct app_opts o = {.dir = db, .as_member = "leider"};
    if (app_open(&o, &a, &err) != 0)
        die("open", err.text);
    size_t count = 0;
    double t0 = rel_now();
    if (app_import(a, WT_CASES, "cases.csv", csv, len, &count, &err) != 0)
        die("import", err.text);
    double secs = rel_now() - t0;
    if (count != n)
        die("import", "wrong count");
    app_close(a);
    rel_rmtree(db);
    free(db);
    return secs;
}

/* Seconds `wijktafel import cases FILE` takes (the whole process). */
static double import_cli(const char *dir, const char *name, const char *file)
{
    char *db = rel_path(dir, name);
    struct rel_result r;
    rel_run(&r, dir, NULL, (const char *const[]){"--db", db, "init", NULL});
    if (r.code != 0)
        die("wijktafel init", rel_describe(&r));
    rel_result_fini(&r);
    rel_run(&r, dir, NULL, (const char *const[]){"--db", db, "import", "cases", file, NULL});
    if (r.code != 0)
        die("wijktafel import", rel_describe(&r));
    double secs = r.secs;
    rel_result_fini(&r);
    rel_rmtree(db);
    free(db);
    return secs;
}

/* Runs sqlite3 DB with script on its standard input; returns the result. */
static void sqlite_run(struct rel_result *r, const char *sqlite, const char *dir, const char *db,
                       const char *script_path, const char *script)
{
    rel_write_file(script_path, script, strlen(script));
    struct rel_proc p;
    rel_spawn_prog(&p, dir, sqlite, (const char *const[]){sqlite, "-batch", "-bail", db, NULL},
                   script_path, NULL);
    rel_wait(&p, 600, r);
    if (r->code != 0 || r->err[0])
        die("sqlite3", rel_describe(r));
}

/* Seconds the sqlite3 tool takes to .import the file into a fresh table
 * with the same columns, a primary key on id and indexes on area, status,
 * opened and owner (created beforehand, not timed). */
static double import_sqlite(const char *sqlite, const char *dir, const char *name,
                            const char *file, size_t n)
{
    char *db = rel_path(dir, name);
    char *script = rel_path(dir, "script.sql");
    struct buf sql = {0};
    buf_puts(&sql, "CREATE TABLE cases (id TEXT PRIMARY KEY");
    for (size_t c = 1; c < REL_CASES_NCOLS; c++)
        buf_printf(&sql, ", %s TEXT", rel_cases_columns[c]);
    buf_puts(&sql, ");\n");
    const char *idx[] = {"area", "status", "opened", "owner"};
    for (size_t i = 0; i < 4; i++)
        buf_printf(&sql, "CREATE INDEX cases_%s ON cases(%s);\n", idx[i], idx[i]);
    struct rel_result r;
    sqlite_run(&r, sqlite, dir, db, script, sql.data);
    rel_result_fini(&r);
    buf_reset(&sql);
    buf_printf(&sql, ".mode csv\n.import --skip 1 %s cases\n", file);
    sqlite_run(&r, sqlite, dir, db, script, sql.data);
    double secs = r.secs;
    rel_result_fini(&r);
    sqlite_run(&r, sqlite, dir, db, script, "SELECT count(*) FROM cases;\n");
    if (strtoul(r.out, NULL, 10) != n)
        die("sqlite3 count", r.out);
    rel_result_fini(&r);
    buf_fini(&sql);
    unlink(db);
    free(script);
    free(db);
    return secs;
}

/* The sqlite3 tool: $SQLITE3, else the first in PATH; NULL when none. */
static char *find_sqlite(void)
{
    const char *env = getenv("SQLITE3");
    if (env && *env)
        return access(env, X_OK) == 0 ? xstrdup(env) : NULL;
    const char *path = getenv("PATH");
    char *copy = xstrdup(path ? path : "/usr/bin:/bin");
    char *found = NULL, *save = NULL;
    for (char *d = strtok_r(copy, ":", &save); d && !found; d = strtok_r(NULL, ":", &save)) {
        char *p = rel_path(d, "sqlite3");
        if (access(p, X_OK) == 0)
            found = p;
        else
            free(p);
    }
    free(copy);
    return found;
}

int main(int argc, char **argv)
{
    const char *only_csv = NULL;
    if (argc > 2 && strcmp(argv[1], "--csv") == 0) {
        only_csv = argv[2];
        argc -= 2;
        argv += 2;
    }
    size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000;
    if (n == 0)
        die("usage", "bench_import [--csv FILE] [RECORDS]");
    if (only_csv) {
        size_t len;
        char *csv = rel_cases_csv("c", 0, n, NULL, &len);
        rel_write_file(only_csv, csv, len);
        free(csv);
        return EXIT_SUCCESS;
    }
    char *dir = rel_tmpdir("bench");
    size_t len;
    char *csv = rel_cases_csv("c", 0, n, NULL, &len);
    char *file = rel_path(dir, "cases.csv");
    rel_write_file(file, csv, len);
    printf("bench_import: %zu cases, %.1f MB of CSV, in %s\n", n, (double)len / 1e6, dir);

    double api[RUNS], cli[RUNS], sql[RUNS];
    for (int i = 0; i < RUNS; i++)
        api[i] = import_api(dir, "wt", csv, len, n);
    print_runs("wijktafel app_import:", n, api);
    double wt = (double)n / median(api);
    if (getenv("WIJKTAFEL")) {
        for (int i = 0; i < RUNS; i++)
            cli[i] = import_cli(dir, "wtcli", file);
        print_runs("wijktafel import (process):", n, cli);
    }
    char *sqlite = find_sqlite();
    int status = EXIT_SUCCESS;
    if (sqlite) {
        for (int i = 0; i < RUNS; i++)
            sql[i] = import_sqlite(sqlite, dir, "bench.sqlite", file, n);
        print_runs("sqlite3 .import (process):", n, sql);
        double sq = (double)n / median(sql);
        printf("ratio wijktafel (app_import) / sqlite3: %.2f\n", wt / sq);
        printf("goal (>= 100000 records/s and >= sqlite3): %s\n",
               wt >= 100000 && wt >= sq ? "met" : "NOT met");
    } else {
        printf("sqlite3: not found (set SQLITE3); goal >= 100000 records/s: %s\n",
               wt >= 100000 ? "met" : "NOT met");
    }
    free(sqlite);
    free(file);
    free(csv);
    rel_rmtree(dir);
    free(dir);
    return status;
}
