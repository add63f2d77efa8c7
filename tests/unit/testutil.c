/* testutil.c: scratch folders, files and the real program for the Check suites (testutil.h). */
#include "testutil.h"

#include <check.h>
#include <stdbool.h>

#include "wijktafel/csv.h"

char *tu_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char *p;
    if (asprintf(&p, "%s/wt-test-XXXXXX", base && *base ? base : "/tmp") < 0 || !mkdtemp(p))
        abort();
    return p;
}

void tu_rmtree(char *dir)
{
    char *cmd;
    if (asprintf(&cmd, "rm -rf '%s'", dir) >= 0) {
        if (system(cmd) != 0)
            fprintf(stderr, "could not remove %s\n", dir);
        free(cmd);
    }
    free(dir);
}

char *tu_path(const char *dir, const char *name)
{
    char *p;
    if (asprintf(&p, "%s/%s", dir, name) < 0)
        abort();
    return p;
}

char *tu_write(const char *dir, const char *name, const char *text, size_t len)
{
    char *p = tu_path(dir, name);
    FILE *f = fopen(p, "wb");
    if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0)
        abort();
    return p;
}

void tu_scratch_begin(char **tmp, char **db, const char *dbname)
{
    *tmp = tu_tmpdir();
    *db = tu_path(*tmp, dbname);
    setenv("XDG_CACHE_HOME", *tmp, 1);
    setenv("XDG_CONFIG_HOME", *tmp, 1);
    setenv("XDG_DATA_HOME", *tmp, 1);
    setenv("WIJKTAFEL_TODAY", "2026-11-30", 1);
    unsetenv("WIJKTAFEL_DB");
    unsetenv("WIJKTAFEL_PASSPHRASE");
    unsetenv("WIJKTAFEL_NEW_PASSPHRASE");
}

void tu_scratch_end(char **tmp, char **db)
{
    free(*db);
    *db = NULL;
    tu_rmtree(*tmp);
    *tmp = NULL;
}

char *rn_slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return strdup("");
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        fwrite(chunk, 1, n, m);
    fclose(f);
    fclose(m);
    return buf;
}

struct run rn_exec(const char *tmp, const char *in_path, int drop_to_nobody, char *const argv[])
{
    char *out = tu_path(tmp, ".stdout"), *err = tu_path(tmp, ".stderr");
    pid_t pid = fork();
    if (pid == 0) {
        int i = open(in_path ? in_path : "/dev/null", O_RDONLY);
        int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(i, 0), dup2(o, 1), dup2(e, 2);
        /* A coverage build writes its counters on exit: somewhere nobody may. */
        if (drop_to_nobody) {
            setenv("GCOV_PREFIX", "/tmp/wt-gcov-nobody", 1);
            /* LeakSanitizer cannot inspect a process that changed its user. */
            setenv("ASAN_OPTIONS", "detect_leaks=0", 1);
        }
        if (drop_to_nobody && (setgid(65534) != 0 || setuid(65534) != 0))
            _exit(99);
        const char *bin = getenv("WIJKTAFEL");
        execv(bin ? bin : "./wijktafel", argv);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    struct run r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = rn_slurp(out);
    r.err = rn_slurp(err);
    free(out);
    free(err);
    return r;
}

void rn_free(struct run *r)
{
    free(r->out);
    free(r->err);
}

int rn_lines(const char *s)
{
    int n = 0;
    for (const char *p = s; *p; p++)
        n += *p == '\n';
    if (*s && s[strlen(s) - 1] != '\n')
        n++;
    return n;
}

int rn_lines_but(const char *s, const char *skip)
{
    int n = 0;
    for (const char *p = s; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *line = strndup(p, len);
        if (!strstr(line, skip))
            n++;
        free(line);
        if (!nl)
            break;
        p = nl + 1;
    }
    return n;
}

void tu_ok(struct run r)
{
    ck_assert_msg(r.code == 0, "exit %d: %s", r.code, r.err);
    rn_free(&r);
}

void tu_import(const char *tmp, const char *db, const char *as, const char *kind,
               const char *text)
{
    char *name;
    if (asprintf(&name, "%s-%s.csv", as ? as : "in", kind) < 0)
        abort();
    char *p = tu_write(tmp, name, text, strlen(text));
    if (as)
        tu_ok(TU_RUN(tmp, "--db", db, "--as", as, "import", kind, p));
    else
        tu_ok(TU_RUN(tmp, "--db", db, "import", kind, p));
    free(p);
    free(name);
}

struct demo_pick {
    const char *const *cols;
    bool want[32];
    bool header;
    size_t rows;
    void (*fn)(void *ctx, const char *value);
    void *ctx;
};

static int demo_row(void *ctx, size_t line, char **fields, size_t n)
{
    (void)line;
    struct demo_pick *p = ctx;
    for (size_t i = 0; i < n && i < sizeof p->want; i++) {
        if (!p->header) {
            p->want[i] = false;
            for (const char *const *c = p->cols; *c; c++)
                p->want[i] |= strcmp(fields[i], *c) == 0;
        } else if (p->want[i]) {
            p->fn(p->ctx, fields[i]);
        }
    }
    p->rows += p->header;
    p->header = true;
    return 0;
}

size_t tu_demo_values(const char *file, const char *const *cols,
                      void (*fn)(void *ctx, const char *value), void *ctx)
{
    const char *dir = getenv("WT_DEMO_DATA");
    ck_assert_msg(dir != NULL, "WT_DEMO_DATA is not set");
    char *path = tu_path(dir, file);
    char *text = rn_slurp(path);
    struct demo_pick p = {.cols = cols, .fn = fn, .ctx = ctx};
    ck_assert_msg(csv_read(text, strlen(text), path, demo_row, &p, NULL) == 0, "%s", path);
    free(text);
    free(path);
    return p.rows;
}

int tu_run(const struct tu_suite *s, const TTest *const *tests, size_t n)
{
    Suite *suite = suite_create(s->name);
    TCase *tc = tcase_create(s->name);
    if (s->timeout > 0)
        tcase_set_timeout(tc, s->timeout);
    if (s->setup || s->teardown)
        tcase_add_checked_fixture(tc, s->setup, s->teardown);
    if (s->begin || s->end)
        tcase_add_unchecked_fixture(tc, s->begin, s->end);
    for (size_t i = 0; i < n; i++)
        tcase_add_test(tc, tests[i]);
    suite_add_tcase(suite, tc);
    SRunner *sr = srunner_create(suite);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
