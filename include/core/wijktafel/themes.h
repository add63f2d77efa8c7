/* themes.h: recurring needs and signal themes per area in a window of days (pure functions). */
#ifndef WIJKTAFEL_THEMES_H
#define WIJKTAFEL_THEMES_H

#include <stddef.h>
#include <stdint.h>

#include "wijktafel/record.h"

/* One recurring tag in one area. Strings belong to the result. */
struct theme {
    char *area;  /* as recorded */
    char *tag;   /* folded (tags are compared after normalisation and case folding) */
    size_t count;
    char *ids;   /* ';'-separated, in id order */
};

struct themes {
    struct theme *items;
    size_t n;
};

struct themes_input;

/* Collects signals (by date, themes) and cases (by opening date, needs) whose
 * date lies in [since, until] (days since 1970-01-01). */
struct themes_input *themes_input_new(int32_t since, int32_t until);
/* Adds a signal or case record (others are ignored); copied as needed. */
void themes_input_add(struct themes_input *in, const struct wt_record *r);
void themes_input_free(struct themes_input *in);

/* The tags that occur at least min_count times in one area, most frequent
 * first, then by area and tag. out is initialised here; free with themes_fini. */
void themes_compute(const struct themes_input *in, size_t min_count, struct themes *out);
void themes_fini(struct themes *t);

/* The count of tag (folded) in area (compared after folding) in t; 0 when
 * t does not hold it. */
size_t themes_count_of(const struct themes *t, const char *area, const char *tag);

#endif
