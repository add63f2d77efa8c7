/* fuzz_hsds.c: arbitrary bytes as an Open Referral HSDS 3.0 package into the HSDS reader and
 * its mapping to resources (src/app/hsds_*.c). The first byte picks the form: even, HSDS JSON;
 * odd, a CSV package whose tables (in hsds_int.h's order) are the rest of the input cut at
 * form feeds. A refusal says what and where in one line and hands back no record; an accepted
 * package gives only valid resources with distinct ids, and those resources written as a
 * package (hsds_write_package) read back to the very same records. */
#include <string.h>

#include "fuzz.h"
#include "hsds_int.h"
#include "wijktafel/record.h"

static void check_refusal(const struct wt_error *err, const struct hsds_result *res)
{
    FUZZ_ASSERT(err->text[0] != '\0', "a refusal without a message");
    FUZZ_ASSERT(strchr(err->text, '\n') == NULL, "more than one line: %s", err->text);
    FUZZ_ASSERT(res->n == 0 && res->recs == NULL, "records handed back with: %s", err->text);
}

static void check_records(const struct hsds_result *res)
{
    for (size_t i = 0; i < res->n; i++) {
        struct wt_record copy;
        record_copy(&copy, &res->recs[i]);
        struct wt_error e = {0};
        FUZZ_ASSERT(record_validate(&copy, &e) == 0, "%s", e.text);
        FUZZ_ASSERT(record_equal(&copy, &res->recs[i]), "not canonical: %s", copy.v[0]);
        record_fini(&copy);
        for (size_t k = 0; k < i; k++)
            FUZZ_ASSERT(strcmp(res->recs[i].v[0], res->recs[k].v[0]) != 0, "twice: %s",
                        res->recs[i].v[0]);
    }
}

/* Our own package of the records reads back to them, field for field. */
static void check_round_trip(const struct hsds_result *res)
{
    struct buf out[HT_COUNT] = {{0}};
    hsds_write_package(res->recs, res->n, "Fuzz", out);
    struct hsds_pkg p = {0};
    struct wt_error err = {0};
    int rc = 0;
    for (int t = 0; t < HT_COUNT && !rc; t++)
        rc = hsds_read_csv(&p, t, hsds_tabdef(t)->file, out[t].data ? out[t].data : "",
                           out[t].len, &err);
    FUZZ_ASSERT(rc == 0, "our own package refused: %s", err.text);
    struct hsds_result back;
    rc = hsds_map_package(&p, NULL, &back, &err);
    FUZZ_ASSERT(rc == 0, "our own package refused: %s", err.text);
    FUZZ_ASSERT(back.n == res->n, "%zu records became %zu", res->n, back.n);
    for (size_t i = 0; i < res->n; i++)
        for (int f = 0; f < RESOURCE_NFIELDS; f++)
            FUZZ_ASSERT(strcmp(record_get(&res->recs[i], f), record_get(&back.recs[i], f)) == 0,
                        "%s: %s: '%s' came back as '%s'", res->recs[i].v[0],
                        record_kind(WT_RESOURCES)->fields[f].name, record_get(&res->recs[i], f),
                        record_get(&back.recs[i], f));
    hsds_result_fini(&back);
    hsds_pkg_fini(&p);
    for (int t = 0; t < HT_COUNT; t++)
        buf_fini(&out[t]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    struct hsds_pkg p = {0};
    struct wt_error err = {0};
    int rc = 0;
    if (data[0] % 2 == 0) {
        rc = hsds_read_json(&p, "fuzz.json", text, len, &err);
    } else {
        size_t start = 0;
        for (int t = 0; t < HT_COUNT && start <= len && !rc; t++) {
            const char *ff = memchr(text + start, '\f', len - start);
            size_t end = ff ? (size_t)(ff - text) : len;
            if (end > start || t == HT_SERVICES)
                rc = hsds_read_csv(&p, t, hsds_tabdef(t)->file, text + start, end - start, &err);
            start = end + 1;
        }
    }
    struct hsds_result res = {0};
    if (!rc)
        rc = hsds_map_package(&p, NULL, &res, &err);
    if (rc) {
        check_refusal(&err, &res);
    } else {
        check_records(&res);
        check_round_trip(&res);
    }
    hsds_result_fini(&res);
    hsds_pkg_fini(&p);
    return 0;
}
