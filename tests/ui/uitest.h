/* uitest.h: helpers for the meeting-screen tests: a fresh home per test, the real program in a pty. */
#ifndef UITEST_H
#define UITEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "vt.h"

/* Generous: the tests also run under sanitizers on a busy two-core machine. */
/* Milliseconds to wait for the screen; longer under a wrapper (UT_WRAP). */
#include <stdlib.h>

#define UT_TIMEOUT (getenv("UT_WRAP") ? 60000 : 8000)

/* Fails the current test (returns -1 from it) with the screen of t. */
#define CHECK(t, cond)                                                                       \
    do {                                                                                     \
        if (!(cond)) {                                                                       \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);        \
            ut_dump(t);                                                                      \
            if (t)                                                                           \
                vt_close(t, NULL, 0);                                                        \
            return -1;                                                                       \
        }                                                                                    \
    } while (0)

/* A fresh temporary home (XDG_* and HOME inside it, WIJKTAFEL_DB unset,
 * WIJKTAFEL_TODAY=2026-11-30), so that --demo builds its own database.
 * Returns the folder (static storage). */
const char *ut_setup(void);

/* Removes the temporary home of ut_setup. */
void ut_teardown(void);

/* The program under test ($WIJKTAFEL). */
const char *ut_program(void);

/* Runs the program with args (NULL-terminated) and stdin from in (NULL:
 * /dev/null); *out (may be NULL) gets its standard output (caller frees).
 * Returns the exit code, or -1. */
int ut_run(char **out, const char *in, const char *arg, ...) __attribute__((sentinel));

/* Starts the program in a rows x cols terminal with args (NULL-terminated). */
struct vt_term *ut_spawn(int rows, int cols, const char *arg, ...) __attribute__((sentinel));

/* Prints the screen to stderr. */
void ut_dump(struct vt_term *t);

/* Sends UTF-8 text as typed. */
int ut_type(struct vt_term *t, const char *text);

/* Sends a key (a single character as it is, else a vt_send_key name) and
 * waits until the screen is quiet. */
int ut_key(struct vt_term *t, const char *name);

/* Waits for the screen to contain text, then for the output to pause. */
int ut_wait(struct vt_term *t, const char *text);

/* True when the raw output holds the bytes needle[0, n). */
bool ut_raw_has(struct vt_term *t, const char *needle, size_t n);

/* Splits CSV text of one column (by header name) into a list of values;
 * a minimal reader for the program's own export (quotes handled). Returns
 * the number of values, *vals malloc'd (each value malloc'd). */
size_t ut_csv_column(const char *csv, const char *column, char ***vals);
void ut_free_list(char **vals, size_t n);

/* The value of column in the row of id in CSV text from the program's
 * export ("" when empty), or NULL when there is no such row or column.
 * Caller frees. */
char *ut_csv_cell(const char *csv, const char *id, const char *column);

/* The same from `wijktafel --db DB export KIND` (db NULL: `--demo`), or NULL
 * when the export fails. Caller frees. */
char *ut_exported_value(const char *db, const char *kind, const char *id, const char *column);

/* Starts the program in a rows x cols terminal with args (NULL-terminated)
 * and waits for the meeting screen ("Open actiepunten"); NULL (the screen
 * dumped, the program closed) when it does not come. */
struct vt_term *ut_start(int rows, int cols, const char *arg, ...) __attribute__((sentinel));

/* Makes a new database at db (`init`), then imports into it each kind and
 * its CSV text, given as pairs and ended by NULL:
 * ut_new_db(db, "members", members_csv, "projects", projects_csv, NULL).
 * 0, or -1 with the step that failed on stderr. */
int ut_new_db(const char *db, ...) __attribute__((sentinel));

/* One screen test of a program: its name and the function (0: passed). */
struct ut_test {
    const char *name;
    int (*fn)(void);
};

/* The main of a screen-test program: runs the test named argv[1] (all
 * without one), each between ut_setup and ut_teardown, printing "ok" or
 * "FAIL" and its name, then the counts. Exit status 0, 1 when one failed,
 * 2 when no test has that name. */
int ut_main(int argc, char **argv, const struct ut_test *tests, size_t n);

#endif
