/* fuzz_decode.c: arbitrary bytes as a stored value of a kind (the first byte picks it) into
 * store_decode: it never reads out of bounds, and what it accepts encodes canonically. */
#include <string.h>

#include "fuzz.h"
#include "wijktafel/store.h"
#include "wijktafel/text.h"

/* The decoder accepts more than the encoder writes (varints with redundant
 * 0x80 bytes, more or fewer fields than the kind has), so decoding then
 * encoding gives back the input only when the input was canonical. What
 * holds for every accepted value: the record is well formed, its encoding
 * decodes to the same record, and encoding that again gives the same bytes. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    enum wt_kind kind = (enum wt_kind)(data[0] % WT_KIND_COUNT);
    /* A copy of exactly the value's size, so that ASan sees any overread. */
    size_t len = size - 1;
    unsigned char *val = malloc(len ? len : 1);
    memcpy(val, data + 1, len);
    struct wt_record r;
    int rc = store_decode(kind, val, len, &r);
    if (rc != 0) {
        FUZZ_ASSERT(rc == WT_ECORRUPT, "rc %d", rc);
        for (int i = 0; i < WT_MAX_FIELDS; i++)
            FUZZ_ASSERT(r.v[i] == NULL, "a rejected value left column %d set", i);
        free(val);
        return 0;
    }
    const struct wt_kind_def *kd = record_kind(kind);
    FUZZ_ASSERT(r.kind == kind && r.v[0], "no id");
    for (int i = 0; i < WT_MAX_FIELDS; i++) {
        if (i >= kd->nfields) {
            FUZZ_ASSERT(r.v[i] == NULL, "column %d beyond the kind's %d", i, kd->nfields);
            continue;
        }
        FUZZ_ASSERT(!r.v[i] || (*r.v[i] && text_valid_utf8(r.v[i], strlen(r.v[i]))),
                    "column %d is empty or not UTF-8", i);
    }
    unsigned char *enc, *enc2;
    size_t elen, elen2;
    store_encode(&r, &enc, &elen);
    struct wt_record r2;
    FUZZ_ASSERT(store_decode(kind, enc, elen, &r2) == 0, "an encoding does not decode");
    FUZZ_ASSERT(record_equal(&r, &r2), "decode(encode(r)) != r");
    store_encode(&r2, &enc2, &elen2);
    FUZZ_ASSERT(elen == elen2 && memcmp(enc, enc2, elen) == 0, "the encoding is not canonical");
    free(enc);
    free(enc2);
    record_fini(&r);
    record_fini(&r2);
    free(val);
    return 0;
}
