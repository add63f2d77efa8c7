/* streamfeed.c: big bad input through a pipe to the real program (streamfeed.h). */
#include "streamfeed.h"

#include <signal.h>
#include <stdbool.h>
#include <sys/resource.h>
#include <time.h>

#include "testutil.h"

#define GB 1000000000L

struct stream_result tu_feed(const char *tmp, const char *db, const char *head, size_t hl,
                             char filler, long as_limit, char *const args[])
{
    int in[2];
    ck_assert_int_eq(pipe(in), 0);
    char *errpath = tu_path(tmp, "stream.err");
    pid_t pid = fork();
    if (pid == 0) {
        dup2(in[0], 0);
        close(in[0]), close(in[1]);
        int e = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(e, 2);
        int o = open("/dev/null", O_WRONLY);
        dup2(o, 1);
        if (!getenv("WT_SANITIZED") && as_limit) {
            struct rlimit rl = {(rlim_t)as_limit, (rlim_t)as_limit};
            setrlimit(RLIMIT_AS, &rl);
        }
        char *argv[16] = {getenv("WIJKTAFEL"), "--db", (char *)db};
        for (int i = 0; args[i] && i < 12; i++)
            argv[3 + i] = args[i];
        execv(argv[0], argv);
        _exit(127);
    }
    close(in[0]);
    signal(SIGPIPE, SIG_IGN);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    struct stream_result res = {0};
    static char chunk[65536];
    memset(chunk, filler, sizeof chunk);
    bool ok = write(in[1], head, hl) == (ssize_t)hl;
    res.written = (long)hl;
    while (ok && res.written < GB) {
        ssize_t w = write(in[1], chunk, sizeof chunk);
        ok = w > 0;
        res.written += ok ? w : 0;
    }
    close(in[1]);
    int status;
    waitpid(pid, &status, 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    res.seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    res.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    res.err = rn_slurp(errpath);
    free(errpath);
    return res;
}

void tu_assert_refused(struct stream_result r, const char *where, const char *what,
                       double seconds)
{
    ck_assert_msg(r.code == 65, "exit %d: %s", r.code, r.err);
    ck_assert_int_eq(rn_lines(r.err), 1);
    ck_assert_msg(strstr(r.err, where) && strstr(r.err, what), "%s", r.err);
    ck_assert_msg(r.seconds < seconds, "refused after %.2f s", r.seconds);
    /* Not read whole: the pipe stopped taking bytes long before 1 GB. */
    ck_assert_msg(r.written < 64L << 20, "%ld bytes read", r.written);
    free(r.err);
}

void tu_assert_import_oom(const char *tmp, const char *db, const char *path)
{
    pid_t pid = fork();
    if (pid == 0) {
        struct rlimit rl = {TU_FEED_AS_LIMIT, TU_FEED_AS_LIMIT};
        setrlimit(RLIMIT_AS, &rl);
        struct run r = TU_RUN(tmp, "--db", db, "import", "cases", path);
        char *e = tu_path(tmp, "oom.err");
        FILE *g = fopen(e, "w");
        fputs(r.err, g);
        fclose(g);
        _exit(r.code);
    }
    int status;
    waitpid(pid, &status, 0);
    char *e = tu_path(tmp, "oom.err"), *err = rn_slurp(e);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 74, "status %d: %s", status, err);
    ck_assert_int_eq(rn_lines(err), 1);
    ck_assert_msg(strstr(err, "geheugen"), "%s", err);
    free(err), free(e);
}
