/* cli.h: the commands of FORMATS.md, one file each, found through one table. */
#ifndef WIJKTAFEL_CLI_H
#define WIJKTAFEL_CLI_H

#include <stdbool.h>

#include "wijktafel/app.h"

/* The global options of FORMATS.md. */
struct cli_globals {
    const char *db;              /* --db, or NULL for the default */
    const char *as;              /* --as */
    const char *lang;            /* --lang */
    const char *passphrase_file; /* --passphrase-file (used once encryption exists) */
    bool beamer;                 /* --beamer */
    bool follow;                 /* --follow */
    bool demo;                   /* --demo */
};

struct cmd_entry {
    const char *name;
    const char *usage; /* arguments after the name */
    const char *summary;
    /* argv[0] is the command's name. Returns the process exit code. */
    int (*exec)(const struct cli_globals *g, int argc, char **argv);
};

/* Runs argv[0] as a command; 64 with a message for an unknown one. */
int cli_run(const struct cli_globals *g, int argc, char **argv);

/* The command table, ending with NULL. */
extern const struct cmd_entry *const cli_commands[];

/* The database folder the globals name (--demo, --db, default); caller frees.
 * For --demo the demo database is created when missing; on failure prints
 * the message and returns NULL with *code set to the exit code. */
char *cli_db_dir(const struct cli_globals *g, int *code);

/* Opens the database as the member; on failure prints one line and returns
 * the exit code (a is then NULL). */
int cli_open(const struct cli_globals *g, struct app **a);

/* Like cli_open, for the meeting screen: when the passphrase would be typed
 * (no WIJKTAFEL_PASSPHRASE, --passphrase-file or --demo) and standard input and
 * output are a terminal, an encrypted database is opened locked (app_locked)
 * and the screen asks the passphrase itself. */
int cli_open_screen(const struct cli_globals *g, struct app **a);

/* The passphrase for member: WIJKTAFEL_PASSPHRASE, --passphrase-file, the
 * demo's own, or asked on the terminal; NULL when none can be had. */
const char *cli_passphrase(const struct cli_globals *g, const char *member);

/* A new passphrase: WIJKTAFEL_NEW_PASSPHRASE, or asked twice on the terminal
 * ("" when the two differ); NULL without a terminal. */
const char *cli_new_passphrase(void);

/* Wipes the buffer the passphrases were read into. */
void cli_forget_passphrase(void);

/* A damaged data file can make LMDB read outside its pages (SIGSEGV) or past
 * a cut-off file (SIGBUS). Installs handlers that turn a fault inside LMDB or
 * inside the mapped data file into one line and exit 74; any other fault (a
 * bug of ours) goes on to the handler before (a sanitizer's) or the default.
 * For commands; the meeting screen has its own, which restores the terminal. */
void cli_fault_install(void);

/* Prints err's text as one line on stderr and returns its exit code. */
int cli_error(const struct wt_error *err);

/* Prints a formatted line on stderr and returns code. */
int cli_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Reads a whole file ("-" for standard input) into *buf (NUL-terminated,
 * caller frees). Returns 0 or the exit code after printing a message. */
int cli_read_file(const char *path, char **buf, size_t *len);

/* Writes n bytes to standard output; 0 or 74 after a message. */
int cli_write_stdout(const char *data, size_t n);

#endif
