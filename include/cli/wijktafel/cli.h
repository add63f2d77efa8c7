/* cli.h: the commands of FORMATS.md, one file each, found through one table. */
#ifndef WIJKTAFEL_CLI_H
#define WIJKTAFEL_CLI_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

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

/* One option of a command, or of the global options (main.c), declared as data.
 * Given as --name VALUE, --name=VALUE, an unambiguous prefix of the name (as
 * getopt_long allows) or, with short_name, -X. */
struct cli_option {
    const char *name;  /* the long name without "--"; NULL ends a table */
    char short_name;   /* 0, or a one-letter alias such as 'h' */
    bool has_value;    /* false: a flag, which takes no value */
    bool required;     /* a command without it gets its usage message */
    bool stops;        /* parsing ends right after it (--help, --version) */
    /* Checks the value as soon as the option is met (in command-line order);
     * 0, or the exit code after printing one line. May be NULL. */
    int (*check)(const char *value);
};

/* The most options one command or the global options declare. */
#define CLI_MAX_OPTIONS 16
/* max_args of a command that takes any number of arguments. */
#define CLI_ANY_ARGS (-1)

struct cmd_entry;

/* What cli_parse found: the value of each declared option and the positional
 * arguments, in their order. */
struct cli_args {
    const char *cmd;                 /* "export", "bundle export"; NULL: global options */
    const struct cmd_entry *entry;   /* the command (NULL for the global options) */
    const struct cli_option *options;
    const char *value[CLI_MAX_OPTIONS]; /* per option: its value, "" for a flag, NULL if absent */
    int argc;                        /* positional arguments */
    char **argv;                     /* (owned; cli_args_fini frees the array) */
    int next;                        /* with CLI_STOP_AT_ARG: index of the first argument left */
};

/* cli_parse flags. CLI_STOP_AT_ARG: the first positional argument ends the
 * options (the global options stop at the command's name); otherwise options
 * and arguments may be mixed and "--" ends the options. */
enum { CLI_STOP_AT_ARG = 1 };

/* A command, declared once: its options, its arguments and its usage. */
struct cmd_entry {
    const char *name;
    /* N_(): what follows "wijktafel NAME" in the usage message and in --help,
     * or NULL for a command made of subcommands (built from theirs). */
    const char *usage;
    const char *summary;              /* N_(): one line for --help */
    /* NULL: the arguments are taken as they are, also one that starts with a
     * dash (a file named "-" or "--x"); else the table, ended by {NULL}. */
    const struct cli_option *options;
    int min_args, max_args;           /* positional arguments (max CLI_ANY_ARGS: any) */
    const struct cmd_entry *const *subs; /* subcommands ending with NULL, or NULL */
    /* Runs the command with what the parser found (options present and
     * required ones given, argument count in range). Returns the exit code. */
    int (*exec)(const struct cli_globals *g, const struct cli_args *a);
};

/* Parses argv[0..argc) against options (NULL-terminated table). On an unknown
 * option, a flag given a value or a value missing, prints one line (for a
 * command "CMD: onbekende of onvolledige optie 'ARG'"; cmd NULL: the global
 * options' line) and returns 64 (EX_USAGE); a check's exit code likewise.
 * 0 otherwise, with out filled; call cli_args_fini after either. */
int cli_parse(const char *cmd, const struct cli_option *options, int argc, char **argv,
              int flags, struct cli_args *out);

/* Frees what cli_parse allocated. */
void cli_args_fini(struct cli_args *a);

/* The value of the declared option name ("" for a given flag), or NULL when
 * it was not given. Aborts for a name the table does not declare. */
const char *cli_value(const struct cli_args *a, const char *name);

/* True when the declared option name was given. */
bool cli_given(const struct cli_args *a, const char *name);

/* Prints the command's usage message ("gebruik: wijktafel CMD USAGE") as one
 * line on stderr and returns 64 (EX_USAGE). */
int cli_usage(const struct cli_args *a);

/* Appends e's usage (its own, or "SUB USAGE | SUB USAGE" of its subcommands),
 * translated, to out; for --help. */
void cli_usage_text(const struct cmd_entry *e, struct buf *out);

/* Runs argv[0] as a command: finds it (and its subcommand), parses its
 * options and arguments as declared and runs it; 64 with a message for an
 * unknown command or wrong usage. */
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

/* Opens path ("-": standard input) to be read as a stream; NULL after a
 * message (the exit code is 66). cli_close_input closes it (not stdin). */
FILE *cli_open_input(const char *path);
void cli_close_input(FILE *f);

/* Writes n bytes to standard output; 0 or 74 after a message. On a terminal
 * control characters and bidi overrides are neutralised (cli_out). */
int cli_write_stdout(const char *data, size_t n);

/* Writes n bytes to f: byte-exact to a file or pipe; to a terminal with control
 * characters (but line breaks and tabs), escape sequences, C1 codes, bidi
 * controls and invalid UTF-8 shown as U+FFFD, as the screen shows them.
 * 0, or -1 when the write failed (errno set). */
int cli_out(FILE *f, const char *data, size_t n);

/* printf to f through cli_out: what every command prints goes this way. */
void cli_printf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_vprintf(FILE *f, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

#endif
