/* check_json_import.c: `import KIND FILE --format json` read as a stream (issue 19): a huge bad
 * stream is refused at once in bounded memory, a bad record anywhere in a file stores nothing,
 * and each limit names the record. Through the real program and a real database. */
#include <check.h>
#include <stdbool.h>
#include <sys/resource.h>

#include "streamfeed.h"
#include "testutil.h"
#include "wijktafel/xalloc.h"

static char *tmp, *db;

static void setup(void)
{
    tu_scratch_begin(&tmp, &db, "db");
    tu_ok(TU_RUN(tmp, "--db", db, "init", "--team", "Testteam"));
}

static void teardown(void)
{
    tu_scratch_end(&tmp, &db);
}

#define RUN(...) TU_RUN(tmp, __VA_ARGS__)
#define CASE(ID, REQUEST)                                                                   \
    "{\"id\": \"" ID "\", \"opened\": \"2026-11-02\", \"area\": \"Dorp/Kern\", "            \
    "\"resident\": \"Jan\", \"request\": \"" REQUEST "\"}"

static struct stream_result feed(const char *head, char filler)
{
    char *const args[] = {"import", "cases", "-", "--format", "json", NULL};
    return tu_feed(tmp, db, head, strlen(head), filler, TU_FEED_AS_LIMIT, args);
}

static void assert_refused(struct stream_result r, const char *where, const char *what)
{
    tu_assert_refused(r, where, what, 1.0);
}

/* The number of cases stored, through export --format json. */
static int stored(void)
{
    struct run r = RUN("--db", db, "export", "cases", "--format", "json");
    ck_assert_int_eq(r.code, 0);
    int n = 0;
    for (const char *p = r.out; (p = strstr(p, "\"id\":")) != NULL; p++)
        n++;
    rn_free(&r);
    return n;
}

/* 1 GB through a pipe, under 64 MiB of address space: refused within 1 s. */
START_TEST(test_big_bad_json_stream)
{
    /* A string without end, as a column's value: the column is named. */
    assert_refused(feed("[{\"id\": \"c-1\", \"request\": \"", 'x'),
                   "stdin: record 1: request: ", "4000 bytes");
    /* The same after a good record, and as a key. */
    assert_refused(feed("[" CASE("c-1", "Tuin") ",\n {\"", 'k'), "stdin: record 2: ",
                   "4000 bytes");
    /* Space without end inside a record, between records, or nesting. */
    assert_refused(feed("[{\"id\":", ' '), "stdin: record 1: ", "langer dan 1 MiB");
    assert_refused(feed("[" CASE("c-1", "Tuin") ",", '\n'), "stdin: record 2: ",
                   "langer dan 1 MiB");
    assert_refused(feed("[{\"needs\": ", '['), "stdin: record 1: ", "langer dan 1 MiB");
    /* NUL bytes after a good record. */
    assert_refused(feed("[" CASE("c-1", "Tuin") ",", '\0'), "stdin: record 2: ", "NUL");
    /* No list at all. */
    assert_refused(feed("", '{'), "stdin: ", "geen JSON-lijst");
    ck_assert_int_eq(stored(), 0);
}
END_TEST

/* Five records, the third one as given. */
static char *five(const char *third)
{
    struct buf b = {0};
    buf_puts(&b, "[\n");
    for (int i = 1; i <= 5; i++) {
        if (i == 3)
            buf_puts(&b, third);
        else
            buf_printf(&b, "{\"id\": \"c-%d\", \"opened\": \"2026-11-02\", \"area\": "
                           "\"Dorp/Kern\", \"resident\": \"Jan\", \"request\": \"Tuin\"}",
                       i);
        buf_puts(&b, i < 5 ? ",\n" : "\n]\n");
    }
    return buf_steal(&b);
}

/* Imports text as bad.json; returns the run. */
static struct run import_text(const char *text, size_t len)
{
    char *p = tu_write(tmp, "bad.json", text, len);
    struct run r = RUN("--db", db, "import", "cases", p);
    free(p);
    return r;
}

static void assert_bad(const char *third, size_t len, const char *want)
{
    char *text = five(third);
    size_t n = strlen(text);
    if (len != strlen(third)) { /* a NUL in the third: the rest goes after it */
        char *with = xmalloc(n + len);
        char *at = strstr(text, third);
        size_t before = (size_t)(at - text), tl = strlen(third);
        memcpy(with, text, before);
        memcpy(with + before, third, len);
        memcpy(with + before + len, at + tl, n - before - tl);
        free(text);
        text = with;
        n += len - tl;
    }
    struct run r = import_text(text, n);
    ck_assert_msg(r.code == 65, "exit %d: %s", r.code, r.err);
    ck_assert_int_eq(rn_lines(r.err), 1);
    ck_assert_msg(strstr(r.err, want), "want '%s': %s", want, r.err);
    rn_free(&r);
    free(text);
    ck_assert_int_eq(stored(), 0);
}

START_TEST(test_bad_third_of_five)
{
#define BAD(text, want) assert_bad(text, sizeof text - 1, want)
    BAD("{\"id\": \"c-3\", \"opened\": 2026-11-02}", "bad.json: record 3: geen geldige JSON");
    BAD("{\"id\": \"c-3\", \"id\": \"c-4\"}", "bad.json: record 3: geen geldige JSON");
    BAD("{\"id\": \"c-3\", \"opened\": \"2026-11-02\"", "bad.json: record 3: geen geldige JSON");
    BAD("{\"id\": \"c-3\",\0 \"x\": 1}", "bad.json: record 3: het bestand bevat een NUL-byte");
    /* A value over 4000 bytes: named by its column, escaped or not. */
    struct buf b = {0};
    buf_puts(&b, "{\"id\": \"c-3\", \"opened\": \"2026-11-02\", \"area\": \"Dorp/Kern\", "
                 "\"resident\": \"Jan\", \"request\": \"");
    size_t head = b.len;
    for (int i = 0; i < 5000; i++)
        buf_putc(&b, 'x');
    buf_puts(&b, "\"}");
    assert_bad(b.data, b.len, "bad.json: record 3: request: te lang: 5000 bytes");
    b.len = head;
    for (int i = 0; i < 5000; i++)
        buf_puts(&b, "\\u00e9"); /* 30,000 bytes in the file */
    buf_puts(&b, "\"}");
    assert_bad(b.data, b.len, "bad.json: record 3: request: een waarde is langer dan 4000");
    /* A record over 1 MiB, each value short. */
    b.len = 0;
    buf_puts(&b, "{\"id\": \"c-3\", \"needs\": [\"a\"");
    for (int i = 0; i < 300000; i++)
        buf_puts(&b, ", \"a\"");
    buf_puts(&b, "]}");
    assert_bad(b.data, b.len, "bad.json: record 3: een record is langer dan 1 MiB");
    buf_fini(&b);
    /* Not vacuous: the five good ones are stored. */
    char *good = five(CASE("c-3", "Tuin"));
    struct run r = import_text(good, strlen(good));
    ck_assert_msg(r.code == 0, "%s", r.err);
    rn_free(&r);
    free(good);
    ck_assert_int_eq(stored(), 5);
}
END_TEST

/* The list's form: a comma with no record, no closing ], text after it. */
START_TEST(test_list_form)
{
    static const struct {
        const char *text, *want;
    } bad[] = {
        {"[" CASE("c-1", "Tuin") ",]", "bad.json: record 2: geen geldige JSON"},
        {"[" CASE("c-1", "Tuin") " " CASE("c-2", "Tuin") "]", "bad.json: record 2: geen geldige"},
        {"[" CASE("c-1", "Tuin") "", "bad.json: geen geldige JSON: de lijst wordt na record 1"},
        {"[" CASE("c-1", "Tuin") "] []", "bad.json: geen geldige JSON: na het einde"},
        {"[\"c-1\"]", "bad.json: record 1: geen object met kolommen"},
        {"", "bad.json: geen JSON-lijst van records"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct run r = import_text(bad[i].text, strlen(bad[i].text));
        ck_assert_msg(r.code == 65, "case %zu: exit %d (%s)", i, r.code, r.err);
        ck_assert_msg(strstr(r.err, bad[i].want), "case %zu: %s", i, r.err);
        ck_assert_int_eq(rn_lines(r.err), 1);
        rn_free(&r);
    }
    ck_assert_int_eq(stored(), 0);
    /* An empty list is fine, and so is a list from a pipe. */
    struct run r = import_text(" [ ]\n", 5);
    ck_assert_msg(r.code == 0, "%s", r.err);
    rn_free(&r);
}
END_TEST

/* Out of memory is exit 74 with one line, never a crash (134) nor bad input (65). */
START_TEST(test_out_of_memory)
{
    if (getenv("WT_SANITIZED")) {
        printf("skipped: no RLIMIT_AS under a sanitizer\n");
        return;
    }
    char *path = tu_path(tmp, "big.json");
    FILE *f = fopen(path, "w");
    fputs("[\n", f);
    for (int i = 0; i < 400000; i++)
        fprintf(f, "%s{\"id\":\"c-%d\",\"opened\":\"2026-11-02\",\"area\":\"Dorp/Kern\","
                   "\"resident\":\"Jan de Vries\",\"request\":\"Tuin is verwilderd\"}\n",
                i ? "," : "", i);
    fputs("]\n", f);
    fclose(f);
    tu_assert_import_oom(tmp, db, path);
    free(path);
    ck_assert_int_eq(stored(), 0);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_big_bad_json_stream, test_bad_third_of_five, test_list_form,
                            test_out_of_memory};
    const struct tu_suite suite = {
        .name = "json_import", .timeout = 120, .setup = setup, .teardown = teardown};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
