/* bundle_int.h: the bundle body's items, shared by the app's bundle files and the fuzz target. */
#ifndef WIJKTAFEL_BUNDLE_INT_H
#define WIJKTAFEL_BUNDLE_INT_H

#include "wijktafel/app.h"
#include "wijktafel/store.h"

/* Who wrote the bundle (from its authenticated body). */
struct bundle_sender {
    char member[WT_MAX_ID + 1];
    char role[16];
};

/* One item of a body: 'R' a record with its field clocks (rec, stamp), 'T' a
 * tombstone (kind, id, stamp.f[0]), 'S' a submission of the review queue (sub),
 * 'U' a door-to-door round (round), 'D' a door of round id (door), 'X' a
 * deleted round (id, stamp.f[0]). */
struct bundle_item {
    char type;
    struct wt_record rec;
    struct store_stamp stamp;
    enum wt_kind kind;
    char id[WT_MAX_ID + 1];
    struct store_submission sub;
    struct round round;
    struct round_door door;
};

/* Writing a body into b: start, any number of items, end. */
void bundle_body_start(struct buf *b, const char *member, const char *role);
void bundle_body_record(struct buf *b, const struct wt_record *r, const struct store_stamp *st);
void bundle_body_tomb(struct buf *b, enum wt_kind kind, const char *id,
                      const struct store_clock *c);
void bundle_body_submission(struct buf *b, const struct store_submission *s);
void bundle_body_round(struct buf *b, const struct round *r);
void bundle_body_door(struct buf *b, const char *round_id, const struct round_door *d);
void bundle_body_round_gone(struct buf *b, const char *round_id, const struct store_clock *c);
void bundle_body_end(struct buf *b);

/* Reads a body, calling fn for each item (valid only during the call) after
 * validating it. Returns 0, fn's non-zero value, or WT_EINVAL for a body that
 * is malformed anywhere (callers run it twice: first to check, then to merge). */
typedef int (*bundle_item_fn)(void *ctx, const struct bundle_item *it);
int bundle_body_read(const unsigned char *body, size_t len, struct bundle_sender *who,
                     bundle_item_fn fn, void *ctx);

#endif
