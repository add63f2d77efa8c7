/* check_bytes.c: the bounded big-endian reader (core/bytes.c) that the bundle file and body use. */
#include <check.h>
#include <stdlib.h>

#include "testutil.h"
#include "wijktafel/bytes.h"

START_TEST(test_numbers_in_order)
{
    static const unsigned char b[] = {0x01, 0x02, 0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 0,
                                      0, 0, 0x01, 0x00, 'x', 'y'};
    struct bytes_rd r = {b, b + sizeof b, false};
    ck_assert_uint_eq(bytes_u16(&r), 0x0102);
    ck_assert_uint_eq(bytes_u32(&r), 0xdeadbeefu);
    ck_assert_uint_eq(bytes_u64(&r), 0x100);
    const unsigned char *q = bytes_take(&r, 2);
    ck_assert_ptr_eq(q, b + 14);
    ck_assert(!r.bad);
    ck_assert_ptr_eq(bytes_take(&r, 0), b + sizeof b); /* nothing left, nothing asked */
    ck_assert(!r.bad);
}
END_TEST

START_TEST(test_cut_off_is_sticky)
{
    static const unsigned char b[] = {0x00, 0x05, 0xaa, 0xbb, 0xcc};
    struct bytes_rd r = {b, b + sizeof b, false};
    size_t n = bytes_u16(&r);
    ck_assert_uint_eq(n, 5);
    ck_assert_ptr_null(bytes_take(&r, n)); /* only 3 left */
    ck_assert(r.bad);
    ck_assert_ptr_eq(r.p, b + 2); /* a failed read moves nothing */
    /* Once bad, every read fails, even one that would fit. */
    ck_assert_ptr_null(bytes_take(&r, 1));
    ck_assert_uint_eq(bytes_u16(&r), 0);
    ck_assert_uint_eq(bytes_u32(&r), 0);
    ck_assert_uint_eq(bytes_u64(&r), 0);
    /* A number cut in the middle reads as 0. */
    struct bytes_rd s = {b, b + 3, false};
    ck_assert_uint_eq(bytes_u32(&s), 0);
    ck_assert(s.bad);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_numbers_in_order, test_cut_off_is_sticky};
    const struct tu_suite suite = {.name = "bytes"};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
