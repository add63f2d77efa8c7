/* error.h: the error codes every layer returns and the message that goes with them. */
#ifndef WIJKTAFEL_ERROR_H
#define WIJKTAFEL_ERROR_H

#include <stdarg.h>

/* Functions return 0 or one of these (negative). */
enum wt_err {
    WT_OK = 0,
    WT_EINVAL = -1,    /* bad input data (a file, a field, a value) */
    WT_ENOTFOUND = -2, /* a file or record that does not exist */
    WT_EFULL = -3,     /* disk or map full with no room to grow */
    WT_EIO = -4,       /* I/O error, unreadable database */
    WT_ECORRUPT = -5,  /* damaged stored data */
    WT_EBUSY = -6,     /* locked by another writer for too long */
    WT_EPERM = -7,     /* not allowed (role, passphrase) */
    WT_EUSAGE = -8,    /* wrong usage of a command */
    WT_EVERSION = -9,  /* database of a newer schema version */
    WT_ECREATE = -10,  /* the database cannot be created */
    WT_EEXIST = -11,   /* already exists */
};

/* A message that says what and where, in words a user understands.
 * Every function taking a `struct wt_error *` accepts NULL. */
struct wt_error {
    int code;
    char text[512];
    /* When the message is about one column of a record (set by
     * wt_error_field): its name, and where in text the words after
     * "COLUMN: " begin, so that a form can name the field instead. */
    char field[32];
    int what;
};

/* Sets err (when not NULL) to code and the formatted text; returns code.
 * Keeps the first error: a later call does not overwrite an earlier one. */
int wt_error_set(struct wt_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Like wt_error_set, but always overwrites. */
int wt_error_reset(struct wt_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Like wt_error_set, for a message about the column field of a record: the
 * text is "FIELD: " and the formatted words (the form files and commands
 * show), and err->field and err->what say which column and where its words
 * begin. Keeps the first error. Returns code. */
int wt_error_field(struct wt_error *err, int code, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Clears err (when not NULL). */
void wt_error_clear(struct wt_error *err);

/* The sysexits code for an error (0 for WT_OK). */
int wt_error_exit_code(int code);

#endif
