/* check_core.c: core validation: dates, ids, text folding, inert text, areas, tags, records, CSV. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "wijktafel/area.h"
#include "wijktafel/csv.h"
#include "wijktafel/date.h"
#include "wijktafel/record.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"

START_TEST(test_dates)
{
    int32_t d;
    ck_assert_int_eq(date_parse("1970-01-01", &d), 0);
    ck_assert_int_eq(d, 0);
    ck_assert_int_eq(date_parse("2024-02-29", &d), 0);
    char out[11];
    date_format(d, out);
    ck_assert_str_eq(out, "2024-02-29");
    ck_assert_int_eq(date_parse("2026-02-30", NULL), WT_EINVAL);
    ck_assert_int_eq(date_parse("2025-02-29", NULL), WT_EINVAL);
    ck_assert_int_eq(date_parse("2026-13-01", NULL), WT_EINVAL);
    ck_assert_int_eq(date_parse("2026-1-01", NULL), WT_EINVAL);
    ck_assert_int_eq(date_parse("2026-01-01 ", NULL), WT_EINVAL);
    ck_assert_int_eq(date_parse("", NULL), WT_EINVAL);
    ck_assert_int_eq(date_parse("2000-02-29", NULL), 0);
    ck_assert_int_eq(date_parse("1900-02-29", NULL), WT_EINVAL);
    date_parse("2026-11-30", &d);
    ck_assert_int_eq(date_weekday(d), 0); /* a Monday */
    for (int32_t i = -1000; i < 40000; i += 37) {
        date_format(i, out);
        int32_t back;
        ck_assert_int_eq(date_parse(out, &back), 0);
        ck_assert_int_eq(back, i);
    }
}
END_TEST

START_TEST(test_ids)
{
    ck_assert(record_id_valid("c-001"));
    ck_assert(record_id_valid("A.b_c-9"));
    ck_assert(record_id_valid("12345678901234567890123456789012"));
    ck_assert(!record_id_valid("123456789012345678901234567890123"));
    ck_assert(!record_id_valid(""));
    ck_assert(!record_id_valid("c 001"));
    ck_assert(!record_id_valid("c/001"));
    ck_assert(!record_id_valid("cë"));
}
END_TEST

START_TEST(test_fold)
{
    char *a = text_fold("Cliënt"), *b = text_fold("cliënt"), *c = text_fold("CLIËNT");
    char *d = text_fold("client");
    ck_assert_str_eq(a, b);
    ck_assert_str_eq(b, c);
    ck_assert_str_eq(c, d);
    free(a), free(b), free(c), free(d);
    /* Tags keep accents but fold case and normal form (NFD e + combining). */
    a = text_fold_tag("Cliënt");
    b = text_fold_tag("CLIE\xcc\x88NT");
    ck_assert_str_eq(a, b);
    ck_assert_str_eq(a, "cliënt");
    free(a), free(b);
    a = text_fold_tag("Ĳssel");
    ck_assert_str_eq(a, "ijssel");
    free(a);
    ck_assert_ptr_null(text_fold("\xff"));
    /* Ids made from names: accents dropped, other runs one dash, cut at max. */
    a = text_id_of_name("B\u00e9atrix van 't Hoff", 32);
    ck_assert_str_eq(a, "beatrix-van-t-hoff");
    free(a);
    a = text_id_of_name("  Fatima  el-Amrani! ", 32);
    ck_assert_str_eq(a, "fatima-el-amrani");
    free(a);
    a = text_id_of_name("Anne-Marie Ĳzerman", 10);
    ck_assert_str_eq(a, "anne-marie");
    free(a);
    a = text_id_of_name("?!", 32);
    ck_assert_str_eq(a, "");
    free(a);
}
END_TEST

START_TEST(test_utf8)
{
    ck_assert(text_valid_utf8("héllo 🙂", strlen("héllo 🙂")));
    ck_assert(!text_valid_utf8("h\xc3", 2));
    ck_assert(!text_valid_utf8("\xed\xa0\x80", 3)); /* surrogate */
    ck_assert(!text_valid_utf8("a\0b", 3));
    ck_assert(!text_valid_utf8("\xc0\xaf", 2)); /* overlong */
}
END_TEST

/* text_cut: whole characters (a letter with its accent stays whole), the
 * first line, at a space in the second half, with "…" counted in. */
START_TEST(test_cut)
{
    static const struct {
        const char *in;
        size_t max;
        const char *want;
    } cases[] = {
        {"kort", 10, "kort"},
        {"precies tien", 12, "precies tien"},
        {"Jongerenwerk vragen of de tieneravond", 20, "Jongerenwerk vragen…"},
        {"abcdefghijklmnop", 6, "abcde…"},
        {"e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 3, "e\xcc\x81" "e\xcc\x81" "…"}, /* e + accent */
        {"één twee", 4, "één…"},
        {"eerste regel\ntweede", 40, "eerste regel…"},
        {"", 5, ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = text_cut(cases[i].in, cases[i].max);
        ck_assert_msg(strcmp(got, cases[i].want) == 0, "%zu: '%s', not '%s'", i, got,
                      cases[i].want);
        ck_assert(text_valid_utf8(got, strlen(got)));
        free(got);
    }
}
END_TEST

START_TEST(test_inert)
{
    const char *bad[] = {"\x1b[2J", "\x1b]52;c;aGk=\x07", "\x1b]8;;http://x\x1b\\l\x1b]8;;\x1b\\",
                         "\xc2\x9b" "31m", "a\xe2\x80\xae" "b", "\x07\x08\x7f", "\xff\xfe"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *s = text_inert(bad[i], false);
        for (const unsigned char *p = (const unsigned char *)s; *p; p++)
            ck_assert_msg(*p >= 0x20 && *p != 0x7f, "control byte in %zu", i);
        ck_assert_ptr_null(strstr(s, "\xc2\x9b"));
        ck_assert_ptr_null(strstr(s, "\xe2\x80\xae"));
        ck_assert(text_valid_utf8(s, strlen(s)));
        free(s);
    }
    char *s = text_inert("één\nregel\ttab", true);
    ck_assert_str_eq(s, "één\nregel tab");
    free(s);
    s = text_inert("één\nregel", false);
    ck_assert_str_eq(s, "één regel");
    free(s);
}
END_TEST

START_TEST(test_areas)
{
    ck_assert(area_valid("Noordoostpolder/Emmeloord/Espelervaart"));
    ck_assert(area_valid("Elst"));
    ck_assert(!area_valid(""));
    ck_assert(!area_valid("/Elst"));
    ck_assert(!area_valid("Elst/"));
    ck_assert(!area_valid("A//B"));
    ck_assert(!area_valid("A/ /B"));
    ck_assert_int_eq(area_depth("A/B/C"), 3);
    ck_assert_int_eq(area_shared("A/B/C", "A/B/D"), 2);
    ck_assert_int_eq(area_shared("A/B/C", "a/b/c"), 3);
    ck_assert_int_eq(area_shared("A/B", "X/B"), 0);
    ck_assert_int_eq(area_shared("A/Bc", "A/B"), 1);
    ck_assert(area_within("A/B/C", "A/B"));
    ck_assert(!area_within("A/B", "A/B/C"));
}
END_TEST

START_TEST(test_tags)
{
    struct taglist l;
    tags_split(" tuin ; ;Klussen;", &l);
    ck_assert_uint_eq(l.n, 2);
    ck_assert_str_eq(l.items[0], "tuin");
    ck_assert_str_eq(l.items[1], "Klussen");
    tags_fini(&l);
    tags_split_folded("TUIN;Ëten", &l);
    ck_assert(tags_has(&l, "tuin"));
    ck_assert(tags_has(&l, "ëten"));
    tags_fini(&l);
}
END_TEST

static int set(struct wt_record *r, const char *col, const char *v, struct wt_error *e)
{
    wt_error_clear(e);
    return record_set_checked(r, record_field_index(r->kind, col), v, e);
}

START_TEST(test_record_values)
{
    struct wt_record r;
    struct wt_error e = {0};
    record_init(&r, WT_CASES);
    ck_assert_int_eq(set(&r, "id", "c 1", &e), WT_EINVAL);
    ck_assert_ptr_nonnull(strstr(e.text, "id:"));
    ck_assert_int_eq(set(&r, "id", " c-1 ", &e), 0);
    ck_assert_str_eq(r.v[CASE_ID], "c-1");
    ck_assert_int_eq(set(&r, "opened", "2026-02-30", &e), WT_EINVAL);
    ck_assert_ptr_nonnull(strstr(e.text, "opened: "));
    ck_assert_ptr_nonnull(strstr(e.text, "2026-02-30"));
    ck_assert_int_eq(set(&r, "status", "half", &e), WT_EINVAL);
    ck_assert_int_eq(set(&r, "restricted", "ja", &e), WT_EINVAL);
    ck_assert_int_eq(set(&r, "age", "151", &e), WT_EINVAL);
    ck_assert_int_eq(set(&r, "age", "82", &e), 0);
    ck_assert_int_eq(set(&r, "area", "A//B", &e), WT_EINVAL);
    ck_assert_int_eq(set(&r, "needs", "tuin; eenzaamheid;;", &e), 0);
    ck_assert_str_eq(r.v[CASE_NEEDS], "tuin;eenzaamheid");
    ck_assert_int_eq(set(&r, "chosen", "r-eetcafe:worked;t-henk:maybe", &e), WT_EINVAL);
    ck_assert_int_eq(set(&r, "chosen", "r-eetcafe:worked;t-henk", &e), 0);
    /* FORMATS.md: a composite option is two ids joined by +; an outcome may be :dropped. */
    ck_assert_int_eq(set(&r, "chosen", "r-eetcafe+t-rijder:worked;t-henk:dropped", &e), 0);
    ck_assert_str_eq(r.v[CASE_CHOSEN], "r-eetcafe+t-rijder:worked;t-henk:dropped");
    ck_assert_int_eq(set(&r, "chosen", "r-eetcafe+t-rijder", &e), 0);
    ck_assert_int_eq(set(&r, "chosen", "r-eetcafe+t-rijder+t-henk", &e), WT_EINVAL);
    ck_assert_int_eq(set(&r, "chosen", "r-eetcafe+", &e), WT_EINVAL);
    ck_assert_int_eq(set(&r, "chosen", "+t-rijder", &e), WT_EINVAL);
    ck_assert_int_eq(set(&r, "chosen", "r-eetcafe+t rijder", &e), WT_EINVAL);
    ck_assert_int_eq(set(&r, "chosen", "r-eetcafe:gedaan", &e), WT_EINVAL);
    ck_assert_ptr_nonnull(strstr(e.text, ":dropped"));
    ck_assert_int_eq(set(&r, "request", "h\xc3", &e), WT_EINVAL);
    ck_assert_ptr_nonnull(strstr(e.text, "UTF-8"));
    char *big = malloc(4002);
    memset(big, 'x', 4001);
    big[4001] = 0;
    wt_error_clear(&e);
    ck_assert_int_eq(set(&r, "request", big, &e), WT_EINVAL);
    ck_assert_ptr_nonnull(strstr(e.text, "request: te lang"));
    /* The column is known apart from the words, for a form to name its field. */
    ck_assert_str_eq(e.field, "request");
    ck_assert_ptr_eq(strstr(e.text + e.what, "te lang"), e.text + e.what);
    big[4000] = 0;
    ck_assert_int_eq(set(&r, "request", big, &e), 0);
    free(big);
    /* Required columns and defaults. */
    wt_error_clear(&e);
    ck_assert_int_eq(record_complete(&r, &e), WT_EINVAL);
    ck_assert_ptr_nonnull(strstr(e.text, "opened"));
    set(&r, "opened", "2026-11-02", &e);
    set(&r, "area", "Veenwaard/Elst", &e);
    set(&r, "resident", "Jan de Vries", &e);
    wt_error_clear(&e);
    ck_assert_int_eq(record_complete(&r, &e), 0);
    ck_assert_str_eq(r.v[CASE_STATUS], "open");
    ck_assert_str_eq(r.v[CASE_RESTRICTED], "no");
    record_fini(&r);

    record_init(&r, WT_RESOURCES);
    ck_assert_int_eq(set(&r, "ages", "12-18", &e), 0);
    ck_assert_int_eq(set(&r, "ages", "65-", &e), 0);
    ck_assert_int_eq(set(&r, "ages", "-12", &e), 0);
    ck_assert_int_eq(set(&r, "ages", "18-12", &e), WT_EINVAL);
    ck_assert_int_eq(set(&r, "access", "rolstoel;vervoer", &e), 0);
    ck_assert_int_eq(set(&r, "access", "lift", &e), WT_EINVAL);
    ck_assert_int_eq(set(&r, "kind", "formal", &e), 0);
    ck_assert_int_eq(set(&r, "kind", "cafe", &e), WT_EINVAL);
    ck_assert_int_eq(set(&r, "capacity", "paused", &e), 0);
    record_fini(&r);

    record_init(&r, WT_MEMBERS);
    ck_assert_int_eq(set(&r, "role", "boss", &e), WT_EINVAL);
    ck_assert_ptr_nonnull(strstr(e.text, "leader"));
    ck_assert_int_eq(set(&r, "hours", "7.5", &e), 0);
    ck_assert_int_eq(set(&r, "hours", "7,5", &e), WT_EINVAL);
    record_fini(&r);
}
END_TEST

struct rows {
    size_t n;
    size_t lines[16];
    char *cells[16][4];
    size_t widths[16];
};

static int collect(void *ctx, size_t line, char **fields, size_t n)
{
    struct rows *r = ctx;
    r->lines[r->n] = line;
    r->widths[r->n] = n;
    for (size_t i = 0; i < n && i < 4; i++)
        r->cells[r->n][i] = strdup(fields[i]);
    r->n++;
    return 0;
}

/* Counts rows only (for inputs with more than 16). */
static int count_rows(void *ctx, size_t line, char **fields, size_t n)
{
    (void)line;
    (void)fields;
    (void)n;
    ((struct rows *)ctx)->n++;
    return 0;
}

static void rows_free(struct rows *r)
{
    for (size_t i = 0; i < r->n; i++)
        for (size_t k = 0; k < r->widths[i] && k < 4; k++)
            free(r->cells[i][k]);
}

START_TEST(test_csv_read)
{
    const char *in = "id,text\r\n"
                     "a,\"komma, en \"\"quote\"\"\"\r\n"
                     "\r\n"
                     "b,\"twee\nregels\"\n"
                     "c,ë\n";
    struct rows r = {0};
    struct wt_error e = {0};
    ck_assert_int_eq(csv_read(in, strlen(in), "f.csv", collect, &r, &e), 0);
    ck_assert_uint_eq(r.n, 4);
    ck_assert_str_eq(r.cells[1][1], "komma, en \"quote\"");
    ck_assert_uint_eq(r.lines[1], 2);
    ck_assert_str_eq(r.cells[2][1], "twee\nregels");
    ck_assert_uint_eq(r.lines[2], 4);
    ck_assert_uint_eq(r.lines[3], 6);
    ck_assert_str_eq(r.cells[3][1], "ë");
    rows_free(&r);

    struct rows r2 = {0};
    const char *bad = "id,text\na,\"open\nb,c\n";
    ck_assert_int_eq(csv_read(bad, strlen(bad), "g.csv", collect, &r2, &e), WT_EINVAL);
    ck_assert_ptr_nonnull(strstr(e.text, "g.csv:2:"));
    rows_free(&r2);

    struct rows r3 = {0};
    wt_error_clear(&e);
    const char *bad2 = "id,text\na,b\"c\n";
    ck_assert_int_eq(csv_read(bad2, strlen(bad2), "h.csv", collect, &r3, &e), WT_EINVAL);
    ck_assert_ptr_nonnull(strstr(e.text, "h.csv:2:"));
    rows_free(&r3);
}
END_TEST

/* Reads text as a stream fed in pieces of `piece` bytes (0: all at once). */
static int stream_in_pieces(const char *text, size_t len, size_t piece, struct rows *r,
                            struct wt_error *e)
{
    struct csv_stream *cs = csv_stream_new("s.csv", collect, r);
    int rc = 0;
    for (size_t off = 0; off < len && !rc;) {
        size_t n = piece && piece < len - off ? piece : len - off;
        rc = csv_stream_feed(cs, text + off, n, e);
        off += n;
    }
    if (!rc)
        rc = csv_stream_end(cs, e);
    csv_stream_free(cs);
    return rc;
}

/* A field over 4000 bytes that ends is handed on (its reader names the column),
 * one that reaches 16,000 bytes stops the read, and a line over 1 MiB stops it:
 * at the same byte, with the same rows handed on, however the input is cut. */
START_TEST(test_csv_limits_any_cut)
{
    struct buf b = {0};
    buf_puts(&b, "a,");
    for (int i = 0; i < 4060; i++)
        buf_putc(&b, 'x');
    buf_puts(&b, ",b\n");
    static const size_t pieces[] = {0, 1, 7, 64, 4003, 4004};
    for (size_t i = 0; i < sizeof pieces / sizeof pieces[0]; i++) {
        struct rows r = {0};
        struct wt_error e = {0};
        ck_assert_int_eq(stream_in_pieces(b.data, b.len, pieces[i], &r, &e), WT_EINVAL);
        ck_assert_uint_eq(r.n, 1); /* handed on before the read stopped */
        ck_assert_uint_eq(strlen(r.cells[0][1]), 4060);
        ck_assert_str_eq(e.text, "s.csv:1: een veld is langer dan 4000 bytes (of een "
                                 "aanhalingsteken wordt niet gesloten)");
        rows_free(&r);
    }
    /* A row ended by '\r', then an unclosed quote far beyond the limit. */
    buf_reset(&b);
    buf_puts(&b, "ok,1\r\"");
    for (int i = 0; i < 20000; i++)
        buf_putc(&b, 'y');
    for (size_t i = 0; i < sizeof pieces / sizeof pieces[0]; i++) {
        struct rows r = {0};
        struct wt_error e = {0};
        ck_assert_int_eq(stream_in_pieces(b.data, b.len, pieces[i], &r, &e), WT_EINVAL);
        ck_assert_uint_eq(r.n, 1);
        ck_assert_str_eq(r.cells[0][0], "ok");
        ck_assert_ptr_nonnull(strstr(e.text, "s.csv:1: een veld is langer"));
        rows_free(&r);
    }
    /* Short rows ended by '\r' on one line over 1 MiB: every row that ends
     * before the limit's byte is handed on, whatever the cut. */
    buf_reset(&b);
    while (b.len < CSV_MAX_LINE + 100)
        buf_puts(&b, "abcdefghi\r");
    size_t want = CSV_MAX_LINE / 10; /* rows of 10 bytes wholly within the limit */
    static const size_t big[] = {0, 3, 4096, 65537};
    for (size_t i = 0; i < sizeof big / sizeof big[0]; i++) {
        struct rows r = {0};
        struct wt_error e = {0};
        struct csv_stream *cs = csv_stream_new("s.csv", count_rows, &r);
        int rc = 0;
        for (size_t off = 0; off < b.len && !rc;) {
            size_t n = big[i] && big[i] < b.len - off ? big[i] : b.len - off;
            rc = csv_stream_feed(cs, b.data + off, n, &e);
            off += n;
        }
        csv_stream_free(cs);
        ck_assert_int_eq(rc, WT_EINVAL);
        ck_assert_str_eq(e.text, "s.csv:1: een regel is te lang");
        ck_assert_uint_eq(r.n, want);
    }
    buf_fini(&b);
}
END_TEST

START_TEST(test_csv_write)
{
    struct buf b = {0};
    const char *row[] = {"plain", "a,b", "say \"hi\"", "two\nlines", " lead", NULL, "🙂"};
    csv_write_row(&b, row, 7);
    ck_assert_str_eq(b.data, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" lead\",,🙂\n");
    struct rows r = {0};
    struct wt_error e = {0};
    ck_assert_int_eq(csv_read(b.data, b.len, "x", collect, &r, &e), 0);
    ck_assert_str_eq(r.cells[0][1], "a,b");
    ck_assert_str_eq(r.cells[0][2], "say \"hi\"");
    ck_assert_str_eq(r.cells[0][3], "two\nlines");
    rows_free(&r);
    buf_fini(&b);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_dates, test_ids, test_fold, test_utf8, test_cut, test_inert, test_areas,
                            test_tags, test_record_values, test_csv_read, test_csv_limits_any_cut, test_csv_write};
    const struct tu_suite suite = {.name = "core"};
    return tu_run(&suite, tests, sizeof tests / sizeof tests[0]);
}
