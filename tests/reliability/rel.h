/* rel.h: what the reliability tests, the fuzz replay and the benchmark share: temporary
 * folders, generated CSV, running the real program with a deadline. */
#ifndef WT_TEST_REL_H
#define WT_TEST_REL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* A fresh folder "$TMPDIR/wt-TAG-XXXXXX" (mode 0700); the caller frees the
 * path and removes the folder with rel_rmtree. Aborts when it cannot be made. */
char *rel_tmpdir(const char *tag);

/* A Check unchecked fixture (it runs in the runner's process, failures or
 * not): begin points TMPDIR at a fresh folder, so that every folder the
 * tests make lands in it; end removes it (unless WT_KEEP_TMP is set, for
 * looking at a failure) and restores TMPDIR. */
void rel_fixture_begin(void);
void rel_fixture_end(void);

/* Removes dir and everything below it; a missing dir is fine. */
void rel_rmtree(const char *dir);

/* "DIR/NAME"; the caller frees. */
char *rel_path(const char *dir, const char *name);

/* Writes len bytes to path (created or truncated); aborts on failure. */
void rel_write_file(const char *path, const void *data, size_t len);

/* The whole file, NUL-terminated, or NULL when it cannot be read. The
 * caller frees. */
char *rel_read_file(const char *path, size_t *len);

/* Copies the file src to dst; aborts on failure. */
void rel_copy_file(const char *src, const char *dst);

/* The CSV columns rel_cases_csv writes, in order (also the sqlite3 table's). */
extern const char *const rel_cases_columns[];
#define REL_CASES_NCOLS 12

/* A cases CSV with a header and n deterministic rows with ids PREFIX000000
 * upwards from first. Every row is valid when the database holds member
 * "leider"; request, when not NULL, replaces the request column of every row
 * (to tell imports apart). Some values need quoting. The caller frees. */
char *rel_cases_csv(const char *prefix, size_t first, size_t n, const char *request,
                    size_t *len);

/* Seconds on a monotonic clock. */
double rel_now(void);

/* Sleeps for secs seconds (fractions allowed). */
void rel_sleep(double secs);

/* The program under test: $WIJKTAFEL. Aborts when it is not set. */
const char *rel_binary(void);

/* A child process whose standard output and error go to files. */
struct rel_proc {
    pid_t pid;
    char *out_path;
    char *err_path;
    double started;
};

/* The outcome of a child process. */
struct rel_result {
    int code;       /* exit code, or -1 when killed by a signal */
    int sig;        /* the signal that ended it, or 0 */
    bool timed_out; /* it was still running at the deadline (and was killed) */
    double secs;    /* wall time from start to end */
    char *out;      /* standard output (NUL-terminated) */
    char *err;      /* standard error (NUL-terminated) */
};

/* Starts prog (a path) with argv (argv[0] included, NULL-terminated) in
 * workdir's files, stdin from in_path (NULL for /dev/null). env holds
 * "NAME=value" entries to set and "NAME" entries to unset (NULL-terminated;
 * env itself may be NULL). Aborts when the child cannot be started. */
void rel_spawn_prog(struct rel_proc *p, const char *workdir, const char *prog,
                    const char *const argv[], const char *in_path, const char *const env[]);

/* Like rel_spawn_prog for the program under test: argv starts after the
 * program's name ("--db", dir, "check", NULL). */
void rel_spawn(struct rel_proc *p, const char *workdir, const char *const env[],
               const char *const argv[]);

/* Waits at most timeout seconds, then kills the child (SIGKILL) and marks
 * the result timed out; collects its output and removes the files. */
void rel_wait(struct rel_proc *p, double timeout, struct rel_result *r);

/* rel_spawn then rel_wait(timeout 60 s). */
void rel_run(struct rel_result *r, const char *workdir, const char *const env[],
             const char *const argv[]);

void rel_result_fini(struct rel_result *r);

/* A child process that holds the database's writer lock: it opens db through
 * the store API, starts a read transaction (a reader slot), then in one write
 * puts n cases with ids PREFIX000000 upwards and waits, the write still open,
 * until it is released or killed. */
struct rel_holder {
    pid_t pid;
    int ready_fd; /* the child writes one byte here once its records are in */
    int go_fd;    /* closing this lets the child commit */
};

/* Starts the holder and returns once its write holds the records (true), or
 * false when the child failed or did not get there within 60 s. */
bool rel_hold_start(struct rel_holder *h, const char *db, const char *prefix, size_t n);

/* Lets the holder commit and end; returns its exit code (0 after a commit). */
int rel_hold_release(struct rel_holder *h);

/* Kills the holder with SIGKILL in the middle of its write and reaps it. */
void rel_hold_kill(struct rel_holder *h);

/* Number of data rows (after the header) of a CSV text, or (size_t)-1 when
 * it is not valid CSV. */
size_t rel_csv_rows(const char *csv, size_t len);

/* Number of '\n' in s. */
size_t rel_count_lines(const char *s);

/* True when text holds a sanitizer's report (ASan, UBSan, LeakSanitizer). */
bool rel_sanitizer_report(const char *text);

/* True when the result is a clean failure: a non-zero exit without a signal,
 * a deadline or a sanitizer report, and exactly one non-empty line on
 * standard error. */
bool rel_clean_failure(const struct rel_result *r);

/* A one-line description of r for assertion messages (static buffer). */
const char *rel_describe(const struct rel_result *r);

#endif
