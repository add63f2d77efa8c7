/* dump_int.h: what dump.c and restore.c share: the kinds kept in meta, each a CSV file with its columns. */
#ifndef WIJKTAFEL_DUMP_INT_H
#define WIJKTAFEL_DUMP_INT_H

#include <stdbool.h>
#include <stddef.h>

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

#endif
