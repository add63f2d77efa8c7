/* bytes.c: the bounded big-endian reader of bytes.h. */
#include "wijktafel/bytes.h"

const unsigned char *bytes_take(struct bytes_rd *r, size_t n)
{
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = true;
        return NULL;
    }
    const unsigned char *q = r->p;
    r->p += n;
    return q;
}

/* The next n (at most 8) bytes as a big-endian number; 0 when cut off. */
static uint64_t take_be(struct bytes_rd *r, size_t n)
{
    const unsigned char *p = bytes_take(r, n);
    uint64_t v = 0;
    for (size_t i = 0; p && i < n; i++)
        v = v << 8 | p[i];
    return v;
}

size_t bytes_u16(struct bytes_rd *r)
{
    return (size_t)take_be(r, 2);
}

size_t bytes_u32(struct bytes_rd *r)
{
    return (size_t)take_be(r, 4);
}

uint64_t bytes_u64(struct bytes_rd *r)
{
    return take_be(r, 8);
}

void bytes_put_be64(unsigned char p[8], uint64_t v)
{
    for (int i = 7; i >= 0; i--, v >>= 8)
        p[i] = (unsigned char)v;
}

uint64_t bytes_be64(const unsigned char p[8])
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | p[i];
    return v;
}
