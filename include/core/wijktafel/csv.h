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
 * quotes and line breaks), as one csv_stream. Malformed CSV: WT_EINVAL with
 * "FILE:LINE: what is wrong" in err. */
int csv_read(const char *buf, size_t len, const char *fname, csv_row_fn fn, void *ctx,
             struct wt_error *err);

/* Limits of the reader: a field (WT_MAX_FIELD_BYTES, record.h), a physical
 * line, the fields of one row. Checked while reading, so that a huge bad
 * input (an unterminated quote, a line without end) is refused at once. */
#define CSV_MAX_LINE (1u << 20)
#define CSV_MAX_ROW_FIELDS 1000

/* A reader fed in pieces of any size (a stream, a pipe). */
struct csv_stream;
/* NULL when libcsv cannot start. fname names the input in messages. */
struct csv_stream *csv_stream_new(const char *fname, csv_row_fn fn, void *ctx);
/* Reads n more bytes, calling fn for each row completed. 0, or the first
 * error ("FILE:LINE: what" in err: malformed CSV, a field over 4000 bytes, a
 * line over CSV_MAX_LINE, a row over CSV_MAX_ROW_FIELDS fields, a NUL byte;
 * or fn's): nothing more is read after it. */
int csv_stream_feed(struct csv_stream *s, const char *buf, size_t n, struct wt_error *err);
/* The end of the input: the last row. 0 or the error as above. */
int csv_stream_end(struct csv_stream *s, struct wt_error *err);
/* NULL is a no-op. */
void csv_stream_free(struct csv_stream *s);

/* Appends one row (quoted where needed) and a CRLF-free "\n" to out. NULL fields are empty. */
void csv_write_row(struct buf *out, const char *const *fields, size_t n);

#endif
