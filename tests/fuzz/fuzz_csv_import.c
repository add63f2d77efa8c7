/* fuzz_csv_import.c: arbitrary bytes as a CSV file of a kind (the first byte picks it) into
 * app_import on a real database: a rejected file changes nothing and says why in one line;
 * an accepted one touches only its kind, leaves a database that checks sound, and its
 * export imports again without a change (FORMATS.md: export then import, same database).
 * The streaming reader (csv_stream) fed in pieces of sizes drawn from the input gives the
 * same rows and the same message as the whole buffer at once; every other input goes in
 * through app_import_stream, as `import` reads a file or a pipe. */
#include <string.h>
#include <unistd.h>

#include "fuzz_import.h"
#include "wijktafel/csv.h"

static int collect_row(void *ctx, size_t line, char **fields, size_t n)
{
    buf_printf(ctx, "%zu:%zu", line, n);
    for (size_t i = 0; i < n; i++) {
        buf_printf(ctx, "|%zu:", strlen(fields[i]));
        buf_puts(ctx, fields[i]);
    }
    buf_putc(ctx, '\n');
    return 0;
}

/* The rows and the message of csv_read on the whole text, and of a stream
 * fed in pieces of 1 to 64 bytes (sizes from a generator seeded by the
 * input), agree. */
static void stream_agrees(const char *text, size_t len, unsigned seed)
{
    struct buf whole = {0}, parts = {0};
    buf_append(&whole, "", 0);
    buf_append(&parts, "", 0);
    struct wt_error e1 = {0}, e2 = {0};
    int r1 = csv_read(text, len, "f.csv", collect_row, &whole, &e1);
    struct csv_stream *cs = csv_stream_new("f.csv", collect_row, &parts);
    FUZZ_ASSERT(cs != NULL, "csv_stream_new");
    int r2 = 0;
    for (size_t off = 0; off < len && !r2;) {
        seed = seed * 1103515245u + 12345u;
        size_t n = 1 + (seed >> 16) % 64;
        if (n > len - off)
            n = len - off;
        r2 = csv_stream_feed(cs, text + off, n, &e2);
        off += n;
    }
    if (!r2)
        r2 = csv_stream_end(cs, &e2);
    csv_stream_free(cs);
    FUZZ_ASSERT(r1 == r2, "whole %d (%s), in pieces %d (%s)", r1, e1.text, r2, e2.text);
    FUZZ_ASSERT(strcmp(e1.text, e2.text) == 0, "'%s' / '%s'", e1.text, e2.text);
    FUZZ_ASSERT(whole.len == parts.len && memcmp(whole.data, parts.data, whole.len) == 0,
                "the rows differ");
    buf_fini(&whole);
    buf_fini(&parts);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct fuzz_format csv = {"fuzz.csv", "export.csv", "fuzz.csv:", APP_CSV,
                                           app_import, app_import_stream};
    if (size < 1)
        return 0;
    stream_agrees((const char *)data + 1, size - 1, data[0]);
    fuzz_db_ready("fuzz");
    fuzz_import_one(&csv, data, size);
    return 0;
}
