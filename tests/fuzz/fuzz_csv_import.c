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
    if (size < 1)
        return 0;
    stream_agrees((const char *)data + 1, size - 1, data[0]);
    fuzz_db_ready("fuzz");
    enum wt_kind kind = (enum wt_kind)(data[0] % WT_KIND_COUNT);
    struct buf before[WT_KIND_COUNT], after[WT_KIND_COUNT];
    fuzz_snapshot(fuzz_db, before);
    struct wt_error err = {0};
    size_t n = 0;
    int rc;
    if ((data[0] / WT_KIND_COUNT) % 2) {
        FILE *in = fmemopen((void *)(data + 1), size - 1 ? size - 1 : 1, "rb");
        FUZZ_ASSERT(in != NULL, "fmemopen");
        if (size == 1)
            fgetc(in); /* an empty stream */
        rc = app_import_stream(fuzz_db, kind, "fuzz.csv", in, &n, &err);
        fclose(in);
    } else {
        rc = app_import(fuzz_db, kind, "fuzz.csv", (const char *)data + 1, size - 1, &n, &err);
    }
    fuzz_snapshot(fuzz_db, after);
    if (rc != 0) {
        FUZZ_ASSERT(rc == WT_EINVAL, "rc %d: %s", rc, err.text);
        FUZZ_ASSERT(err.code == rc, "err.code %d, rc %d", err.code, rc);
        FUZZ_ASSERT(strncmp(err.text, "fuzz.csv:", 9) == 0, "message: %s", err.text);
        FUZZ_ASSERT(fuzz_one_clean_line(err.text), "message: %s", err.text);
        for (int k = 0; k < WT_KIND_COUNT; k++)
            FUZZ_ASSERT(fuzz_same(&before[k], &after[k]), "a rejected import changed %s: %s",
                        record_kind((enum wt_kind)k)->name, err.text);
    } else {
        fuzz_imports++;
        for (int k = 0; k < WT_KIND_COUNT; k++)
            FUZZ_ASSERT(k == (int)kind || fuzz_same(&before[k], &after[k]),
                        "an import of %s changed %s", record_kind(kind)->name,
                        record_kind((enum wt_kind)k)->name);
        /* Insert or replace: never fewer records, at most n more. */
        size_t rb = fuzz_records(&before[kind]), ra = fuzz_records(&after[kind]);
        FUZZ_ASSERT(ra >= rb && ra <= rb + n, "%zu records, were %zu, %zu imported", ra, rb, n);
        FUZZ_ASSERT(app_check(fuzz_db, NULL, NULL, &err) == 0, "check after an import: %s",
                    err.text);
        struct buf exported = {0};
        FUZZ_ASSERT(app_export(fuzz_db, kind, APP_CSV, &exported, &err) == 0, "%s", err.text);
        FUZZ_ASSERT(app_import(fuzz_db, kind, "export.csv", exported.data, exported.len, NULL,
                               &err) == 0, "the export does not import again: %s", err.text);
        buf_fini(&exported);
        struct buf again[WT_KIND_COUNT];
        fuzz_snapshot(fuzz_db, again);
        for (int k = 0; k < WT_KIND_COUNT; k++) {
            FUZZ_ASSERT(fuzz_same(&again[k], &after[k]), "export then import changed %s",
                        record_kind((enum wt_kind)k)->name);
            buf_fini(&again[k]);
        }
    }
    for (int k = 0; k < WT_KIND_COUNT; k++) {
        buf_fini(&before[k]);
        buf_fini(&after[k]);
    }
    return 0;
}
