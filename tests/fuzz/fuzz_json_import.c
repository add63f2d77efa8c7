/* fuzz_json_import.c: arbitrary bytes as a JSON file of a kind (the first byte picks it, and
 * whether it comes as a buffer or a stream) into the JSON import on a real database: a rejected
 * file changes nothing and says why in one line; an accepted one touches only its kind, leaves a
 * database that checks sound, and its export imports again without a change (FORMATS.md). The
 * stream reader (json_stream) fed in pieces of sizes drawn from the input hands on the same
 * elements and gives the same message as the whole input at once. */
#include <string.h>
#include <unistd.h>

#include "fuzz_import.h"

static int collect(void *ctx, size_t no, const char *text, size_t len)
{
    buf_printf(ctx, "%zu:%zu:", no, len);
    buf_append(ctx, text, len);
    buf_putc(ctx, '\n');
    return 0;
}

/* The elements and the message of the reader fed the whole text at once, and
 * fed in pieces of 1 to 64 bytes (sizes from a generator seeded by the
 * input), agree. */
static void stream_agrees(const char *text, size_t len, unsigned seed)
{
    struct buf whole = {0}, parts = {0};
    buf_append(&whole, "", 0);
    buf_append(&parts, "", 0);
    struct wt_error e1 = {0}, e2 = {0};
    struct json_stream *s1 = json_stream_new("f.json", collect, &whole);
    int r1 = json_stream_feed(s1, text, len, &e1);
    if (!r1)
        r1 = json_stream_end(s1, &e1);
    json_stream_free(s1);
    struct json_stream *s2 = json_stream_new("f.json", collect, &parts);
    int r2 = 0;
    for (size_t off = 0; off < len && !r2;) {
        seed = seed * 1103515245u + 12345u;
        size_t n = 1 + (seed >> 16) % 64;
        if (n > len - off)
            n = len - off;
        r2 = json_stream_feed(s2, text + off, n, &e2);
        off += n;
    }
    if (!r2)
        r2 = json_stream_end(s2, &e2);
    json_stream_free(s2);
    FUZZ_ASSERT(r1 == r2, "whole %d (%s), in pieces %d (%s)", r1, e1.text, r2, e2.text);
    FUZZ_ASSERT(strcmp(e1.text, e2.text) == 0, "'%s' / '%s'", e1.text, e2.text);
    FUZZ_ASSERT(fuzz_same(&whole, &parts), "the elements differ");
    FUZZ_ASSERT(r1 || fuzz_one_clean_line(e1.text) || !*e1.text, "message: %s", e1.text);
    buf_fini(&whole);
    buf_fini(&parts);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct fuzz_format json = {"fuzz.json",      "export.json",
                                            "fuzz.json: ",    APP_JSON,
                                            app_import_json, app_import_json_stream};
    if (size < 1)
        return 0;
    stream_agrees((const char *)data + 1, size - 1, data[0]);
    fuzz_db_ready("fuzzjson");
    fuzz_import_one(&json, data, size);
    return 0;
}
