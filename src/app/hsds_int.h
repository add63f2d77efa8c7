/* hsds_int.h: Open Referral HSDS 3.0 packages as tables of strings, and their mapping to resources. */
#ifndef WIJKTAFEL_HSDS_INT_H
#define WIJKTAFEL_HSDS_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "wijktafel/error.h"
#include "wijktafel/record.h"
#include "wijktafel/xalloc.h"

/* The tables of HSDS 3.0 that wijktafel reads and writes. */
enum hsds_tab {
    HT_ORGS,
    HT_SERVICES,
    HT_LOCATIONS,
    HT_SAL,
    HT_SCHEDULES,
    HT_TERMS,
    HT_ATTRS,
    HT_AREAS,
    HT_COUNT
};

/* One table's shape in HSDS 3.0: its file, its columns (NULL-terminated),
 * and which of them the standard requires (constraints_required, or
 * tabular_required for the links a CSV package must spell out). */
struct hsds_tabdef {
    const char *name; /* "services" */
    const char *file; /* "services.csv" */
    const char *const *cols;
    const char *const *required;
};

/* The shapes of the HT_COUNT tables, in enum order. */
const struct hsds_tabdef *hsds_tabdef(enum hsds_tab t);

/* One row: a value per known column of its table (NULL when empty or
 * absent), and where it came from (a CSV line, or a JSON record number). */
struct hsds_row {
    size_t at;
    char **v;
};

struct hsds_table {
    char *where;   /* "DIR/services.csv", or the JSON file's name */
    bool json;     /* positions are "record N", not lines */
    size_t nrows, cap;
    struct hsds_row *rows;
};

/* A package as read: a table per enum hsds_tab (a missing file: no rows). */
struct hsds_pkg {
    struct hsds_table t[HT_COUNT];
};

/* The column number of name in table t, or -1. */
int hsds_col(enum hsds_tab t, const char *name);

/* Frees every row; the package is then empty. */
void hsds_pkg_fini(struct hsds_pkg *p);

/* Reads buf as table t of a CSV package (where names it in messages):
 * the header's columns must hold those t requires; a column HSDS 3.0 does
 * not name for t is skipped (profiles add their own). 0, or WT_EINVAL with
 * "WHERE:LINE: COLUMN: what". */
int hsds_read_csv(struct hsds_pkg *p, enum hsds_tab t, const char *where, const char *buf,
                  size_t len, struct wt_error *err);

/* Checks a datapackage.json text: a field it calls required that HSDS 3.0
 * (and so wijktafel) does not know cannot be honoured. 0 or WT_EINVAL. */
int hsds_check_datapackage(const char *where, const char *buf, size_t len,
                           struct wt_error *err);

/* Reads HSDS JSON (service_full.json style): one service object, an array of
 * them, or a page with "contents", into the tables. 0, or WT_EINVAL with
 * "WHERE: record N: COLUMN: what". */
int hsds_read_json(struct hsds_pkg *p, const char *where, const char *buf, size_t len,
                   struct wt_error *err);

/* The team's mapping of other taxonomies and areas to its own words
 * (hsds.ini in the database folder; docs/data.md). */
struct hsds_map;

/* Reads the mapping file at path (missing: an empty mapping). NULL path:
 * empty. A line the file cannot hold: WT_EINVAL "PATH:LINE: what". */
int hsds_map_load(const char *path, struct hsds_map **out, struct wt_error *err);
void hsds_map_free(struct hsds_map *m);

/* What the mapping gave besides the records: lines for the user. */
struct hsds_result {
    struct wt_record *recs; /* resources, in services order */
    size_t n;
    struct buf warnings;    /* one line each, "\n"-ended */
};

/* Maps the package to resources. Ids: an HSDS id that is a valid id stays
 * as it is, a UUID loses its hyphens (32 hex digits), anything else is
 * refused. 0, or WT_EINVAL naming the file, row and column. */
int hsds_map_package(const struct hsds_pkg *p, const struct hsds_map *m,
                     struct hsds_result *out, struct wt_error *err);
void hsds_result_fini(struct hsds_result *r);

/* Writes resources recs as a package into the buffers of out (one per
 * table, header first), organisation name org. */
void hsds_write_package(const struct wt_record *recs, size_t n, const char *org,
                        struct buf out[HT_COUNT]);

/* The datapackage.json text for the tables (caller frees). */
char *hsds_datapackage_json(void);

/* Our taxonomy's names (hsds_map.c and hsds_write.c agree on them). */
#define HSDS_TAX_NEEDS "wijktafel-needs"
#define HSDS_TAX_INTERESTS "wijktafel-interests"
#define HSDS_TAX_OWN "wijktafel"

#endif
