/* csv.h: RFC 4180 reading (through libcsv) and writing, with line numbers for messages. */
#ifndef WIJKTAFEL_CSV_H
#define WIJKTAFEL_CSV_H

#include <stddef.h>

#include "wijktafel/error.h"
#include "wijktafel/xalloc.h"

/* Called once per row: line is the 1-based line on which the row starts,
 * fields[i] NUL-terminated (valid only during the call). Return 0 to go on
 * or a negative wt_err to stop (that value is returned by csv_read). */
typedef int (*csv_row_fn)(void *ctx, size_t line, char **fields, size_t n);

/* Reads all rows of buf (CRLF or LF line ends; quoted fields with commas,
 * quotes and line breaks). Malformed CSV: WT_EINVAL with
 * "FILE:LINE: what is wrong" in err. */
int csv_read(const char *buf, size_t len, const char *fname, csv_row_fn fn, void *ctx,
             struct wt_error *err);

/* Appends one row (quoted where needed) and a CRLF-free "\n" to out. NULL fields are empty. */
void csv_write_row(struct buf *out, const char *const *fields, size_t n);

#endif
