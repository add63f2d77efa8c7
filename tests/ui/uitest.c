/* uitest.c: helpers for the meeting-screen tests (see uitest.h). */
#include "uitest.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char home[256];

const char *ut_setup(void)
{
    snprintf(home, sizeof home, "%s/wt-ui-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(home)) {
        perror("mkdtemp");
        exit(99);
    }
    char path[512];
    const char *sub[] = {"cache", "config", "data"};
    const char *var[] = {"XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", home, sub[i]);
        mkdir(path, 0700);
        setenv(var[i], path, 1);
    }
    setenv("HOME", home, 1);
    setenv("WIJKTAFEL_TODAY", "2026-11-30", 1);
    unsetenv("WIJKTAFEL_DB");
    unsetenv("NO_COLOR");
    unsetenv("WIJKTAFEL_UI_TIMING");
    return home;
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

void ut_teardown(void)
{
    if (home[0])
        nftw(home, remove_one, 16, FTW_DEPTH | FTW_PHYS);
    home[0] = '\0';
}

const char *ut_program(void)
{
    const char *p = getenv("WIJKTAFEL");
    return p && *p ? p : "wijktafel";
}

/* UT_WRAP (for example "valgrind --error-exitcode=99 -q") runs the program
 * under a tool: its words go before the program's path. */
static char wrap_words[512];

static int collect_args(const char *first, va_list ap, const char **argv, int max)
{
    int n = 0;
    const char *wrap = getenv("UT_WRAP");
    if (wrap && *wrap) {
        snprintf(wrap_words, sizeof wrap_words, "%s", wrap);
        for (char *w = strtok(wrap_words, " "); w && n < max / 2; w = strtok(NULL, " "))
            argv[n++] = w;
    }
    argv[n++] = ut_program();
    for (const char *a = first; a && n < max - 1; a = va_arg(ap, const char *))
        argv[n++] = a;
    argv[n] = NULL;
    return n;
}

int ut_run(char **out, const char *in, const char *arg, ...)
{
    const char *argv[32];
    va_list ap;
    va_start(ap, arg);
    collect_args(arg, ap, argv, 32);
    va_end(ap);
    int opipe[2], ipipe[2];
    if (pipe(opipe) != 0 || pipe(ipipe) != 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(ipipe[0], 0);
        dup2(opipe[1], 1);
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 2);
        close(opipe[0]);
        close(ipipe[1]);
        execvp(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(opipe[1]);
    close(ipipe[0]);
    if (in) {
        size_t n = strlen(in);
        if (write(ipipe[1], in, n) != (ssize_t)n)
            perror("write");
    }
    close(ipipe[1]);
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    ssize_t r;
    while ((r = read(opipe[0], buf + len, cap - len - 1)) > 0 || (r < 0 && errno == EINTR)) {
        if (r < 0)
            continue;
        len += (size_t)r;
        if (cap - len < 1024)
            buf = realloc(buf, cap *= 2);
    }
    buf[len] = '\0';
    close(opipe[0]);
    int st;
    waitpid(pid, &st, 0);
    if (out)
        *out = buf;
    else
        free(buf);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

struct vt_term *ut_spawn(int rows, int cols, const char *arg, ...)
{
    const char *argv[32];
    va_list ap;
    va_start(ap, arg);
    collect_args(arg, ap, argv, 32);
    va_end(ap);
    return vt_spawn(rows, cols, (char *const *)argv, NULL);
}

struct vt_term *ut_start(int rows, int cols, const char *arg, ...)
{
    const char *argv[32];
    va_list ap;
    va_start(ap, arg);
    collect_args(arg, ap, argv, 32);
    va_end(ap);
    struct vt_term *t = vt_spawn(rows, cols, (char *const *)argv, NULL);
    if (t && ut_wait(t, "Open actiepunten") != 0) {
        fprintf(stderr, "ut_start: the meeting screen did not come\n");
        ut_dump(t);
        vt_close(t, NULL, 0);
        t = NULL;
    }
    return t;
}

int ut_new_db(const char *db, ...)
{
    if (ut_run(NULL, NULL, "--db", db, "init", NULL) != 0) {
        fprintf(stderr, "ut_new_db: init %s failed\n", db);
        return -1;
    }
    va_list ap;
    va_start(ap, db);
    int rc = 0;
    for (const char *kind; rc == 0 && (kind = va_arg(ap, const char *)) != NULL;) {
        const char *csv = va_arg(ap, const char *);
        if (ut_run(NULL, csv, "--db", db, "import", kind, "-", NULL) != 0) {
            fprintf(stderr, "ut_new_db: import %s failed\n", kind);
            rc = -1;
        }
    }
    va_end(ap);
    return rc;
}

void ut_dump(struct vt_term *t)
{
    char *s = t ? vt_screen(t) : NULL;
    if (s)
        fprintf(stderr, "--- screen ---\n%s\n--------------\n", s);
    free(s);
}

int ut_type(struct vt_term *t, const char *text)
{
    int rc = vt_send(t, text);
    vt_wait_quiet(t, 60, UT_TIMEOUT);
    return rc;
}

int ut_key(struct vt_term *t, const char *name)
{
    int rc = strlen(name) == 1 ? vt_send(t, name) : vt_send_key(t, name);
    /* ncurses holds a lone ESC for ESCDELAY (25 ms) to tell it from an
     * Alt-key: a key sent before the program has read it would join it. */
    vt_wait_quiet(t, strcmp(name, "Esc") == 0 ? 150 : 60, UT_TIMEOUT);
    return rc;
}

int ut_wait(struct vt_term *t, const char *text)
{
    if (vt_wait_for(t, text, UT_TIMEOUT) != 0)
        return -1;
    /* The rest of that screen may still be on its way. */
    vt_wait_quiet(t, 40, UT_TIMEOUT);
    return 0;
}

bool ut_raw_has(struct vt_term *t, const char *needle, size_t n)
{
    vt_pump(t, 0);
    size_t len;
    const unsigned char *raw = vt_raw(t, &len);
    return raw && memmem(raw, len, needle, n) != NULL;
}

/* Reads one CSV field at *p; advances past its separator. */
static char *csv_field(const char **p, bool *eol)
{
    const char *s = *p;
    size_t cap = 64, n = 0;
    char *out = malloc(cap);
    if (*s == '"') {
        s++;
        while (*s) {
            if (*s == '"' && s[1] == '"') {
                s += 2;
                out[n++] = '"';
            } else if (*s == '"') {
                s++;
                break;
            } else {
                out[n++] = *s++;
            }
            if (n + 2 > cap)
                out = realloc(out, cap *= 2);
        }
    }
    while (*s && *s != ',' && *s != '\n') {
        out[n++] = *s++;
        if (n + 2 > cap)
            out = realloc(out, cap *= 2);
    }
    out[n] = '\0';
    *eol = *s != ',';
    if (*s)
        s++;
    *p = s;
    return out;
}

size_t ut_csv_column(const char *csv, const char *column, char ***vals)
{
    const char *p = csv;
    int col = -1, i = 0;
    bool eol = false;
    while (!eol && *p) {
        char *f = csv_field(&p, &eol);
        if (strcmp(f, column) == 0)
            col = i;
        free(f);
        i++;
    }
    size_t n = 0;
    *vals = NULL;
    while (*p && col >= 0) {
        i = 0;
        eol = false;
        while (!eol && *p) {
            char *f = csv_field(&p, &eol);
            if (i++ == col) {
                *vals = realloc(*vals, (n + 1) * sizeof **vals);
                (*vals)[n++] = f;
            } else {
                free(f);
            }
        }
    }
    return n;
}

void ut_free_list(char **vals, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(vals[i]);
    free(vals);
}

char *ut_csv_cell(const char *csv, const char *id, const char *column)
{
    char **ids, **vals;
    size_t n = ut_csv_column(csv, "id", &ids), m = ut_csv_column(csv, column, &vals);
    char *out = NULL;
    for (size_t i = 0; i < n && i < m && !out; i++)
        if (strcmp(ids[i], id) == 0)
            out = strdup(vals[i] ? vals[i] : "");
    ut_free_list(ids, n);
    ut_free_list(vals, m);
    return out;
}

char *ut_exported_value(const char *db, const char *kind, const char *id, const char *column)
{
    char *csv = NULL;
    int rc = db ? ut_run(&csv, NULL, "--db", db, "export", kind, NULL)
                : ut_run(&csv, NULL, "--demo", "export", kind, NULL);
    char *out = rc == 0 && csv ? ut_csv_cell(csv, id, column) : NULL;
    free(csv);
    return out;
}

int ut_main(int argc, char **argv, const struct ut_test *tests, size_t n)
{
    int failed = 0, ran = 0;
    for (size_t i = 0; i < n; i++) {
        if (argc > 1 && strcmp(argv[1], tests[i].name) != 0)
            continue;
        ut_setup();
        int ok = tests[i].fn() == 0;
        ut_teardown();
        printf("%s %s\n", ok ? "ok  " : "FAIL", tests[i].name);
        failed += !ok;
        ran++;
    }
    if (!ran) {
        fprintf(stderr, "no test named %s\n", argc > 1 ? argv[1] : "");
        return 2;
    }
    printf("%d passed, %d failed\n", ran - failed, failed);
    return failed ? 1 : 0;
}
