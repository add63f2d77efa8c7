/* testutil.h: what the Check suites share: scratch folders with the environment the program
 * starts from, files, the demo data's columns, and running the real wijktafel binary
 * (tests/unit/testutil.c). */
#ifndef WIJKTAFEL_TESTUTIL_H
#define WIJKTAFEL_TESTUTIL_H

#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Makes a fresh temporary folder; caller frees the path (and removes it). */
char *tu_tmpdir(void);

/* Removes a folder tree (rm -rf) and frees the path. */
void tu_rmtree(char *dir);

/* dir/name; caller frees. */
char *tu_path(const char *dir, const char *name);

/* Writes text to dir/name; returns the path (caller frees). */
char *tu_write(const char *dir, const char *name, const char *text, size_t len);

/* A suite's fixture: a fresh scratch folder (*tmp) and the database path
 * *tmp/dbname (*db), with the environment every suite starts from: the
 * program's cache, config and data folders in *tmp, WIJKTAFEL_TODAY
 * 2026-11-30, and no WIJKTAFEL_DB, WIJKTAFEL_PASSPHRASE or
 * WIJKTAFEL_NEW_PASSPHRASE. */
void tu_scratch_begin(char **tmp, char **db, const char *dbname);
/* Removes the scratch folder and frees both paths. */
void tu_scratch_end(char **tmp, char **db);

/* The whole file at path ("" when it cannot be read); caller frees. */
char *rn_slurp(const char *path);

struct run {
    int code;   /* exit status, or 128 + signal */
    char *out;  /* standard output */
    char *err;  /* standard error */
};

/* Runs WIJKTAFEL (env) with argv (NULL-terminated), stdin from in_path (or
 * /dev/null), in a scratch folder tmp; drop_to_nobody runs it as uid 65534. */
struct run rn_exec(const char *tmp, const char *in_path, int drop_to_nobody, char *const argv[]);

/* Runs wijktafel with the arguments that follow, in the scratch folder tmp. */
#define TU_RUN(tmp, ...) \
    rn_exec(tmp, NULL, 0, (char *const *)(const char *[]){"wijktafel", __VA_ARGS__, NULL})

void rn_free(struct run *r);

/* Number of lines in s (a last line without newline counts). */
int rn_lines(const char *s);

/* Like rn_lines, not counting lines that contain skip. */
int rn_lines_but(const char *s, const char *skip);

/* Fails the test unless r exited 0 (showing its standard error); frees r. */
void tu_ok(struct run r);

/* Imports text as CSV records of kind into the database db (as the member
 * as, or NULL for the default), through the real program; fails the test
 * unless it succeeds. The file is written into tmp. */
void tu_import(const char *tmp, const char *db, const char *as, const char *kind,
               const char *text);

/* Calls fn with every value of the columns named in cols (NULL-terminated)
 * in the demo data's file (WT_DEMO_DATA/file: members.csv, cases.csv, ...),
 * row by row; returns how many rows it read. Fails the test when the file
 * cannot be read as CSV. */
size_t tu_demo_values(const char *file, const char *const *cols,
                      void (*fn)(void *ctx, const char *value), void *ctx);

/* How tu_run runs a Check suite: its name; the seconds each test may take
 * (0: Check's default, CK_DEFAULT_TIMEOUT); setup and teardown around each
 * test, in its own process (NULL: none); begin and end once around them all
 * (NULL: none). */
struct tu_suite {
    const char *name;
    int timeout;
    void (*setup)(void);
    void (*teardown)(void);
    void (*begin)(void);
    void (*end)(void);
};

/* Runs the n tests as the one case of suite s; the exit status (0 when all
 * passed). */
int tu_run(const struct tu_suite *s, const TTest *const *tests, size_t n);

#endif
