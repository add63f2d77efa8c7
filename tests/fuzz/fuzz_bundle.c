/* fuzz_bundle.c: arbitrary bytes as a bundle: the first byte picks the header reader
 * (store_bundle_peek, which runs on any file before a key is tried) or the body reader
 * (bundle_body_read, which runs on what a team member's key has authenticated). Neither
 * reads out of bounds, and what they accept is well formed (records, tombstones,
 * submissions, rounds, doors and round tombstones). */
#include <string.h>

#include "bundle_int.h"
#include "fuzz.h"

static int check_item(void *ctx, const struct bundle_item *it)
{
    size_t *n = ctx;
    (*n)++;
    FUZZ_ASSERT(strchr("RTSUDX", it->type) && it->type, "type %d", it->type);
    if (it->type == 'U') {
        struct wt_error err = {0};
        FUZZ_ASSERT(round_validate(&it->round, &err) == 0, "an invalid round accepted");
    } else if (it->type == 'D') {
        struct wt_error err = {0};
        FUZZ_ASSERT(record_id_valid(it->id) && round_door_validate(&it->door, &err) == 0,
                    "an invalid door accepted");
    } else if (it->type == 'X') {
        FUZZ_ASSERT(record_id_valid(it->id), "a round tombstone without a valid id");
    } else if (it->type == 'R') {
        FUZZ_ASSERT(it->rec.v[0] && record_id_valid(it->rec.v[0]), "record without a valid id");
        FUZZ_ASSERT(it->stamp.n == record_kind(it->rec.kind)->nfields, "clock count");
    } else if (it->type == 'T') {
        FUZZ_ASSERT(record_id_valid(it->id) && it->kind < WT_KIND_COUNT, "bad tombstone");
    } else {
        FUZZ_ASSERT(it->sub.rec.v[0] && strlen(it->sub.id) <= WT_MAX_ID, "bad submission");
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    /* A copy of exactly the input's size, so that ASan sees any overread. */
    size_t len = size - 1;
    unsigned char *buf = malloc(len ? len : 1);
    memcpy(buf, data + 1, len);
    if (data[0] & 1) {
        struct bundle_sender who;
        size_t n = 0;
        int rc = bundle_body_read(buf, len, &who, check_item, &n);
        FUZZ_ASSERT(rc == 0 || rc == WT_EINVAL, "rc %d", rc);
        FUZZ_ASSERT(strlen(who.member) <= WT_MAX_ID || rc, "sender too long");
    } else {
        struct store_bundle_hdr h;
        struct wt_error err = {0};
        int rc = store_bundle_peek(buf, len, &h, &err);
        FUZZ_ASSERT(rc == 0 || rc == WT_EINVAL, "rc %d", rc);
        FUZZ_ASSERT(rc == 0 || err.text[0], "a refusal without a message");
        if (rc == 0) {
            FUZZ_ASSERT(h.version == STORE_BUNDLE_VERSION && h.comp <= 1, "bad header accepted");
            FUZZ_ASSERT(strlen(h.team) < sizeof h.team, "team");
            for (int i = 0; i < 6; i++)
                FUZZ_ASSERT(h.slot[i] != NULL, "slot %d missing", i);
            store_bundle_hdr_fini(&h);
        }
    }
    free(buf);
    return 0;
}
