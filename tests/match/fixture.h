/* fixture.h: test helper: records built in C, a corpus from them, and questions about a ranking. */
#ifndef WT_TEST_FIXTURE_H
#define WT_TEST_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>

#include "wijktafel/match.h"
#include "wijktafel/record.h"

#define END (-1)
#define MAXREC 48

/* A set of records for one test. */
struct fx {
    struct wt_record r[MAXREC];
    enum match_hint hint[MAXREC]; /* a case's measure hint (set after fx_add) */
    size_t n;
};

/* Adds a record of kind k from (column, value) pairs ended by END,
 * validated as on import (record_set_checked, record_complete); a bad
 * value fails the test. Returns the record, owned by x. */
struct wt_record *fx_add(struct fx *x, enum wt_kind k, ...);

/* A fresh open activity with the given needs and interests. */
#define RES(x, id, area, needs, interests, ...)                                                \
    fx_add(x, WT_RESOURCES, RESOURCE_ID, id, RESOURCE_NAME, "Activiteit " id, RESOURCE_KIND,     \
        "activity", RESOURCE_AREA, area, RESOURCE_NEEDS, needs, RESOURCE_INTERESTS,           \
        interests, RESOURCE_CHECKED, "2026-10-01", __VA_ARGS__)
/* A talent named "Buur ID"; consent "" means none. */
#define TAL(x, id, area, offers, consent, ...)                                                 \
    fx_add(x, WT_TALENTS, TALENT_ID, id, TALENT_NAME, "Buur " id, TALENT_AREA, area,              \
        TALENT_OFFERS, offers, TALENT_CONSENT, consent, __VA_ARGS__)
/* An open case of Jan Jansen whose request holds no word that counts. */
#define CASE(x, id, opened, area, needs, ...)                                                  \
    fx_add(x, WT_CASES, CASE_ID, id, CASE_OPENED, opened, CASE_AREA, area, CASE_RESIDENT,         \
        "Jan Jansen", CASE_REQUEST, "hulp", CASE_NEEDS, needs, __VA_ARGS__)

#define HERE "Veenwaard/Ravenstede/Molenwijk"

void fx_fini(struct fx *x);

/* A finished corpus of all records of x; today is 2026-11-20. */
struct match_corpus *fx_corpus(const struct fx *x);

/* Builds the corpus of x, ranks cs without a limit into r, frees the corpus. */
void fx_rank(const struct fx *x, const struct wt_record *cs, struct match_result *r);

/* The 0-based rank of id in r, or -1. */
int fx_rank_of(const struct match_result *r, const char *id);

/* The option id of r; fails the test when it is not there. */
const struct match_option *fx_opt(const struct match_result *r, const char *id);

/* True when the reasons of option id hold the phrase. */
bool fx_says(const struct match_result *r, const char *id, const char *phrase);

#endif
