/* dump_int.h: what dump.c, restore.c and restored.c share: the kinds kept in meta, each a CSV
 * file with its columns; the access log as log.csv; the restore's own record. */
#ifndef WIJKTAFEL_DUMP_INT_H
#define WIJKTAFEL_DUMP_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wijktafel/app.h"
#include "wijktafel/error.h"
#include "wijktafel/xalloc.h"

/* One kind kept in meta under prefix, dumped as file with ncols columns. */
struct dump_family {
    const char *file, *prefix;
    const char *const *head;          /* column names (dump_family_col fills gaps) */
    size_t ncols;
    bool (*match)(const char *key);   /* which keys under prefix (NULL: all) */
    /* The stored value of key (prefix cut off) as ncols fresh strings in f;
     * WT_ECORRUPT when the value cannot be read. */
    int (*out)(const char *key, const char *value, char **f);
    /* A row back to key (without prefix) and value, both fresh; WT_EINVAL
     * with "COLUMN: what" in e. */
    int (*in)(char **f, char **key, char **value, struct wt_error *e);
};

/* The families, in the order of the dump. */
const struct dump_family *dump_families(size_t *n);

/* The name of column i of f. */
const char *dump_family_col(const struct dump_family *f, size_t i);

/* The access log's columns in log.csv, in order. */
#define DUMP_LOG_COLS 8
extern const char *const dump_log_head[DUMP_LOG_COLS];

struct store_txn;

/* Appends to b the log.csv of the access log's entries 1 to upto (all:
 * UINT64_MAX), header first, as dump writes it; *n gets the entries. 0, or
 * the error of reading the log (WT_EPERM without the key that opens it). */
int dump_log_csv(struct store_txn *t, uint64_t upto, struct buf *b, size_t *n);

/* The restore's own record (restored.c), kept in meta beside the log's chain
 * (sealed with the case key, like the log, and under meta's digest): who
 * restored the database from which dump, when, and which entries of the
 * log came from the dump's log.csv. */
struct dump_restored {
    char time[20];              /* YYYY-MM-DDTHH:MM:SS, local time */
    char member[WT_MAX_ID + 1]; /* the leader the restore worked as */
    char behalf[64];            /* the team */
    uint64_t entries;           /* the log's entries 1 to entries are the dump's */
    char log_sha[65];           /* SHA-256 of the dump's log.csv ("" without one) */
    char manifest_sha[65];      /* SHA-256 of the dump's manifest.json */
};

/* Puts r in t (for the restore's last write). */
void dump_restored_put(struct store_txn *t, const struct dump_restored *r);

/* Reads the record: 0, WT_ENOTFOUND (not a restored database), WT_EPERM
 * (without the case key), WT_ECORRUPT, or the transaction's error. */
int dump_restored_get(struct store_txn *t, struct dump_restored *r);

/* The record as an access-log line (seq 0, path and action "restore"). */
void dump_restored_entry(const struct dump_restored *r, struct app_log_entry *e);

/* check's part: the record reads, and the log's first entries are still the
 * dump's log.csv byte for byte (its SHA-256). Each problem goes to report;
 * returns how many. Nothing when the keys do not open the log. */
size_t dump_restored_check(struct app *a, app_check_fn report, void *ctx);

#endif
