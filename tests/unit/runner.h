/* runner.h: run the real wijktafel binary and capture its exit code, stdout and stderr. */
#ifndef WIJKTAFEL_RUNNER_H
#define WIJKTAFEL_RUNNER_H

#include <fcntl.h>
#include <stdarg.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

struct run {
    int code;   /* exit status, or 128 + signal */
    char *out;  /* standard output */
    char *err;  /* standard error */
};

static inline char *rn_slurp(const char *path)
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

/* Runs WIJKTAFEL (env) with argv (NULL-terminated), stdin from in_path (or
 * /dev/null), in a scratch folder tmp; drop_to_nobody runs it as uid 65534. */
static inline struct run rn_exec(const char *tmp, const char *in_path, int drop_to_nobody,
                                 char *const argv[])
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

static inline void rn_free(struct run *r)
{
    free(r->out);
    free(r->err);
}

/* Number of lines in s (a last line without newline counts). */
static inline int rn_lines(const char *s)
{
    int n = 0;
    for (const char *p = s; *p; p++)
        n += *p == '\n';
    if (*s && s[strlen(s) - 1] != '\n')
        n++;
    return n;
}

/* Like rn_lines, not counting lines that contain skip. */
static inline int rn_lines_but(const char *s, const char *skip)
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

#endif
