/* match.h: ranking wellbeing options (resources, talents, similar open cases) for one case. */
#ifndef WIJKTAFEL_MATCH_H
#define WIJKTAFEL_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "wijktafel/measure.h"
#include "wijktafel/record.h"

enum match_type { MATCH_RESOURCE, MATCH_TALENT, MATCH_CASE };

/* One ranked option. Strings belong to the result. */
struct match_option {
    enum match_type type;
    char id[WT_MAX_ID + 1];
    char *name;       /* resource or talent name; for a case "casus ID (area)", never a resident's name */
    double score;     /* higher is better */
    char *reasons;    /* short Dutch reasons separated by ';' */
    char via[WT_MAX_ID + 1]; /* a talent that completes the option (transport), or "" */
};

struct match_result {
    struct match_option *opts;
    size_t n;
};

/* Everything the ranking looks at, prepared once (stems, need rarity,
 * outcome history) and then asked for many cases. */
struct match_corpus;

/* today: days since 1970-01-01 (freshness, age of cases). */
struct match_corpus *match_corpus_new(int32_t today);

/* Adds a resource, talent or case record (copied); other kinds are ignored.
 * All cases are added, closed ones too: they carry the outcome history.
 * A member adds only their name, which like the names of talents and of
 * areas is never counted as a word of a request. */
void match_corpus_add(struct match_corpus *c, const struct wt_record *r);

/* What a case's wellbeing measures say about the options chosen for it. */
enum match_hint {
    MATCH_HINT_NONE,   /* no pair of measures, or no change */
    MATCH_HINT_BETTER, /* the mean of the domains scored at start and close went up */
    MATCH_HINT_WORSE,  /* it went down */
};

/* The hint of a case's measures at its start and at closing: compares the
 * mean of the domains scored in both (NONE when no domain is). */
enum match_hint match_measure_hint(const struct measure *start, const struct measure *close);

/* As match_corpus_add for a case with the hint of its measures: each option
 * chosen for it without ":worked" or ":failed" counts as worked (BETTER) or
 * failed (WORSE), at the weight docs/matching.md gives measured outcomes;
 * an explicit outcome always wins. Other kinds are added as by
 * match_corpus_add, the hint ignored. */
void match_corpus_add_case(struct match_corpus *c, const struct wt_record *r,
                           enum match_hint hint);

/* Names the municipalities of the team's region (a ';'-list, as in the
 * settings): an entry with reach "regio" reaches the cases of its own
 * municipality and of these. Call before match_corpus_finish; a later
 * call replaces the list. */
void match_corpus_region(struct match_corpus *c, const char *municipalities);

/* Prepares the corpus after the last add; required before match_rank. */
void match_corpus_finish(struct match_corpus *c);

void match_corpus_free(struct match_corpus *c);

/* Ranks the options for the case record cs (which need not be in the corpus):
 * at most limit options (0 for no limit), best first, ties by type then id.
 * Formal resources, paused resources and talents without consent never appear.
 * Returns 0; out is initialised here, free with match_result_fini. */
int match_rank(const struct match_corpus *c, const struct wt_record *cs, size_t limit,
               struct match_result *out);

void match_result_fini(struct match_result *r);

/* "resource", "talent" or "case". */
const char *match_type_name(enum match_type t);

#endif
