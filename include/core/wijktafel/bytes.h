/* bytes.h: reading a buffer of big-endian numbers and length-prefixed fields without ever
 * reading past its end (the bundle file and its body), and 64-bit big-endian numbers. */
#ifndef WIJKTAFEL_BYTES_H
#define WIJKTAFEL_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A reader over [p, end). bad becomes true at the first read that does not fit and
 * stays true: every later read fails too, so a caller checks once at the end. */
struct bytes_rd {
    const unsigned char *p, *end;
    bool bad;
};

/* The next n bytes, or NULL (and r->bad) when fewer are left or r is bad. */
const unsigned char *bytes_take(struct bytes_rd *r, size_t n);

/* The next big-endian 16-, 32- or 64-bit number; 0 with r->bad when cut off. */
size_t bytes_u16(struct bytes_rd *r);
size_t bytes_u32(struct bytes_rd *r);
uint64_t bytes_u64(struct bytes_rd *r);

/* v written big-endian into p[0..7], and read back from there: the fixed-width numbers of
 * keys and values (clocks, case numbers, bundles). */
void bytes_put_be64(unsigned char p[8], uint64_t v);
uint64_t bytes_be64(const unsigned char p[8]);

#endif
