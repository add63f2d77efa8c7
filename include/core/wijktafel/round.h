/* round.h: door-to-door rounds (wijkscan, Bakkie in de Wijk): a round, its doors, their
 * figures; validation and the stored line format (pure functions). */
#ifndef WIJKTAFEL_ROUND_H
#define WIJKTAFEL_ROUND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wijktafel/error.h"
#include "wijktafel/record.h"

/* The kinds of round, as stored. */
extern const char *const round_kinds[]; /* "wijkscan", "bakkie", "anders", NULL */

/* A kind of round as people say it ("Bakkie in de Wijk", "wijkscan", "ronde"). */
const char *round_kind_label(const char *kind);

/* A change's clock for bundles (docs/sync.md): a hybrid logical clock and
 * the id of the database where the change was made. */
struct round_clock {
    uint64_t hlc, origin;
};

/* True when a is later than b: higher clock, ties broken by origin. */
bool round_clock_after(const struct round_clock *a, const struct round_clock *b);

/* A round: who goes where, when, to how many addresses. */
struct round {
    char id[WT_MAX_ID + 1]; /* "ronde-2026-11-28", "-2" etc. when taken */
    char date[11];          /* YYYY-MM-DD */
    char *area;             /* an area path */
    char kind[12];          /* one of round_kinds */
    int addresses;          /* addresses planned (0: not said) */
    char *pairs;            /* who goes with whom: "m-anna+m-bert; m-carla+v-dirk" */
    char by[WT_MAX_ID + 1]; /* the member who made it */
    struct round_clock made;    /* when and where it was made: who it is between databases */
    struct round_clock changed; /* its last change (of the round itself, not its doors) */
};

/* One door rung. Text fields are short lines ("" when empty, never NULL
 * once decoded or initialised). */
struct round_door {
    int no;                 /* 1, 2, ... within the round */
    char *where;            /* street and number, or a description */
    bool answered;          /* the door opened */
    bool talked;            /* a conversation was held */
    bool lonely;            /* signs of loneliness */
    char *note;             /* a short note */
    char *ideas;            /* ideas for the neighbourhood */
    char *care;             /* a care question */
    char *talents;          /* talents met: what someone can or wants to do */
    /* What the findings became (ids, "" for not yet). */
    char signal[WT_MAX_ID + 1];
    char made_case[WT_MAX_ID + 1];
    char talent[WT_MAX_ID + 1];
    char by[WT_MAX_ID + 1]; /* who recorded it */
    struct round_clock made;    /* when and where it was recorded: who it is between databases */
    struct round_clock changed; /* its last change */
};

/* What a door's finding can become. */
enum round_finding { FINDING_SIGNAL, FINDING_CASE, FINDING_TALENT };

/* The record kind a finding becomes (signals, cases, talents). */
enum wt_kind round_finding_kind(enum round_finding what);
/* The door's mark for a finding: the id of what it became ("" for nothing
 * yet); set_mark replaces it. */
const char *round_door_mark(const struct round_door *d, enum round_finding what);
void round_door_set_mark(struct round_door *d, enum round_finding what, const char *id);

/* A round's figures. */
struct round_tally {
    size_t rung, answered, talked, lonely;
    size_t ideas, care, talents;          /* doors with that finding */
    size_t signals, cases, talents_made;  /* findings turned into records */
};

void round_init(struct round *r);
void round_fini(struct round *r);
/* dst (not initialised) becomes a copy of src. */
void round_copy(struct round *dst, const struct round *src);
void round_door_init(struct round_door *d);
void round_door_fini(struct round_door *d);
void round_door_copy(struct round_door *dst, const struct round_door *src);

/* Sets a text field of a door or round (copies; NULL is ""). */
void round_set(char **field, const char *value);

/* Checks a round: a real date, a valid area, a known kind, 0 to 10,000
 * addresses, pairs of member ids ("a+b; c+d"; every id of the id pattern),
 * valid UTF-8 and no field over WT_MAX_FIELD_BYTES. 0, or WT_EINVAL with a
 * message that names the field. */
int round_validate(const struct round *r, struct wt_error *err);

/* Checks a door: number 1 to 100,000, valid UTF-8 text without control
 * characters, no field over WT_MAX_FIELD_BYTES; a conversation or a
 * finding needs an opened door. 0, or WT_EINVAL naming the field. */
int round_door_validate(const struct round_door *d, struct wt_error *err);

/* Calls fn with each member id of pairs ("a+b; c+d"); stops at non-zero. */
int round_pairs_each(const char *pairs, int (*fn)(void *ctx, const char *id), void *ctx);

/* Adds door d to the tally t. */
void round_tally_add(struct round_tally *t, const struct round_door *d);

/* The stored line of a round or door: fields separated by tabs, with
 * backslash, tab and newline escaped; a format version first. The caller
 * frees. Decoding gives WT_ECORRUPT for anything malformed (out is then
 * initialised and empty, ready for fini). */
char *round_encode(const struct round *r);
int round_decode(const char *line, struct round *out);
char *round_door_encode(const struct round_door *d);
int round_door_decode(const char *line, struct round_door *out);

#endif
