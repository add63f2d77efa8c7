/* check_bytes.c: the bounded big-endian reader (core/bytes.c) that the bundle file and body use. */
#include <check.h>
#include <string.h>
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

/* 64-bit numbers written big-endian and read back, as keys sort them. */
START_TEST(test_be64_round_trip)
{
    unsigned char p[8], q[8];
    bytes_put_be64(p, 0x0102030405060708ULL);
    static const unsigned char want[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    ck_assert_mem_eq(p, want, 8);
    ck_assert(bytes_be64(p) == 0x0102030405060708ULL);
    bytes_put_be64(q, 0x0102030405060709ULL);
    ck_assert_int_lt(memcmp(p, q, 8), 0); /* byte order is number order */
    bytes_put_be64(p, UINT64_MAX);
    ck_assert(bytes_be64(p) == UINT64_MAX);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_numbers_in_order, test_cut_off_is_sticky, test_be64_round_trip};
    const struct tu_suite suite = {.name = "bytes"};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
