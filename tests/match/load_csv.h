/* load_csv.h: test helper: reads a CSV file of one record kind into records (scenario tests, tools). */
#ifndef WT_TEST_LOAD_CSV_H
#define WT_TEST_LOAD_CSV_H

#include <stddef.h>

#include "wijktafel/error.h"
#include "wijktafel/record.h"

struct record_set {
    struct wt_record *v;
    size_t n, cap;
};

/* Reads path as CSV of kind: the header names the columns (unknown column:
 * error), every row is checked with record_set_checked and record_complete.
 * Appends to out. Returns 0, WT_ENOTFOUND when the file is missing, or
 * WT_EINVAL with "FILE:LINE: COLUMN: what" in err. */
int load_csv(const char *path, enum wt_kind kind, struct record_set *out, struct wt_error *err);

void record_set_fini(struct record_set *s);

#endif
