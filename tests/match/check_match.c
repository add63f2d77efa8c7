/* check_match.c: unit tests of the ranking engine, one or more per factor. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

START_TEST(test_needs_rarity)
{
    struct fx x = {0};
    RES(&x, "r-common", HERE, "eenzaamheid", "", END);
    RES(&x, "r-rare", HERE, "tuin", "", END);
    /* Many entries answer loneliness: that need is common. */
    RES(&x, "r-1", "Elders/A", "eenzaamheid", "", END);
    RES(&x, "r-2", "Elders/A", "eenzaamheid", "", END);
    RES(&x, "r-3", "Elders/A", "eenzaamheid", "", END);
    struct fx q = {0};
    struct wt_record *cs = CASE(&q, "c-1", "2026-11-01", HERE, "eenzaamheid;tuin", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    ck_assert_int_eq(fx_rank_of(&r, "r-rare"), 0);
    ck_assert_int_eq(fx_rank_of(&r, "r-common"), 1);
    ck_assert(fx_opt(&r, "r-rare")->score > fx_opt(&r, "r-common")->score);
    ck_assert(fx_says(&r, "r-rare", "helpt bij tuin"));
    ck_assert(fx_says(&r, "r-common", "helpt bij eenzaamheid"));
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

START_TEST(test_needs_all_listed)
{
    struct fx x = {0};
    RES(&x, "r-both", HERE, "tuin;eenzaamheid", "", END);
    RES(&x, "r-one", HERE, "tuin", "", END);
    struct fx q = {0};
    struct wt_record *cs = CASE(&q, "c-1", "2026-11-01", HERE, "eenzaamheid;tuin", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    ck_assert_int_eq(fx_rank_of(&r, "r-both"), 0);
    /* In the order the case lists its needs. */
    ck_assert(fx_says(&r, "r-both", "helpt bij eenzaamheid en tuin"));
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

START_TEST(test_strengths)
{
    struct fx x = {0};
    RES(&x, "r-a", HERE, "eenzaamheid", "koken", END);
    RES(&x, "r-b", HERE, "eenzaamheid", "tuinieren;Wandelen", END);
    RES(&x, "r-hobby", "Veenwaard/Oudendijk", "", "tuinieren", END);
    struct fx q = {0};
    struct wt_record *cs =
        CASE(&q, "c-1", "2026-11-01", HERE, "eenzaamheid", CASE_STRENGTHS, "tuinieren;wandelen", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    ck_assert_int_eq(fx_rank_of(&r, "r-b"), 0);
    ck_assert(fx_says(&r, "r-b", "sluit aan bij wat iemand graag doet: tuinieren en wandelen"));
    ck_assert(!fx_says(&r, "r-a", "graag doet"));
    /* A strength alone is evidence enough to be shown. */
    ck_assert_int_ge(fx_rank_of(&r, "r-hobby"), 0);
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

START_TEST(test_words_without_tags)
{
    struct fx x = {0};
    fx_add(&x, WT_RESOURCES, RESOURCE_ID, "r-moestuin", RESOURCE_NAME, "Buurtmoestuin De Hoek",
        RESOURCE_KIND, "initiative", RESOURCE_AREA, HERE, RESOURCE_DESCRIPTION,
        "Bewoners tuinieren samen en onderhouden de tuinen.", RESOURCE_CHECKED, "2026-10-01",
        END);
    fx_add(&x, WT_RESOURCES, RESOURCE_ID, "r-koor", RESOURCE_NAME, "Buurtkoor", RESOURCE_KIND,
        "activity", RESOURCE_AREA, HERE, RESOURCE_DESCRIPTION, "Zingen zonder auditie.",
        RESOURCE_CHECKED, "2026-10-01", END);
    TAL(&x, "t-henk", HERE, "tuin;klussen", "2026-09-01", END);
    struct fx q = {0};
    /* No needs, no strengths: only the request's words. */
    struct wt_record *cs = fx_add(&q, WT_CASES, CASE_ID, "c-1", CASE_OPENED, "2026-11-01",
                               CASE_AREA, HERE, CASE_RESIDENT, "Kees", CASE_REQUEST,
                               "Meneer tuiniert niet meer; zijn TUIN en het onderhoud lukken "
                               "niet. Vroeger tuinieren was zijn hobby.",
                               END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    ck_assert_int_ge(fx_rank_of(&r, "r-moestuin"), 0);
    ck_assert_int_ge(fx_rank_of(&r, "t-henk"), 0);
    ck_assert_int_eq(fx_rank_of(&r, "r-koor"), -1);
    ck_assert(fx_says(&r, "t-henk", "woorden uit de vraag: tuin"));
    ck_assert(fx_says(&r, "r-moestuin", "onderhoud"));
    ck_assert(fx_says(&r, "r-moestuin", "tuinieren"));
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

START_TEST(test_area_closeness)
{
    struct fx x = {0};
    /* Ids in the opposite order, so that a tie would show. */
    RES(&x, "r-4", "Veenwaard/Ravenstede/Molenwijk", "taal", "", END);
    RES(&x, "r-3", "Veenwaard/Ravenstede/Akkerwijk", "taal", "", END);
    RES(&x, "r-2", "Veenwaard/Oudendijk", "taal", "", END);
    RES(&x, "r-1", "Elders/Ravenstede/Molenwijk", "taal", "", END);
    struct fx q = {0};
    struct wt_record *cs = CASE(&q, "c-1", "2026-11-01", "veenwaard/RAVENSTEDE/molenwijk", "taal", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    ck_assert_int_eq(fx_rank_of(&r, "r-4"), 0);
    ck_assert_int_eq(fx_rank_of(&r, "r-3"), 1);
    ck_assert_int_eq(fx_rank_of(&r, "r-2"), 2);
    /* Another municipality is out of a default (gemeente) reach. */
    ck_assert_int_eq(fx_rank_of(&r, "r-1"), -1);
    ck_assert_int_eq(r.n, 3);
    for (size_t i = 1; i < r.n; i++)
        ck_assert(r.opts[i - 1].score > r.opts[i].score);
    /* The reason names the shared area as the case wrote it. */
    ck_assert(fx_says(&r, "r-4", "in molenwijk"));
    ck_assert(fx_says(&r, "r-3", "ook in RAVENSTEDE"));
    ck_assert(fx_says(&r, "r-2", "ook in veenwaard"));
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

START_TEST(test_age)
{
    struct fx x = {0};
    RES(&x, "r-tiener", HERE, "eenzaamheid", "", RESOURCE_AGES, "12-18", END);
    RES(&x, "r-oud", HERE, "eenzaamheid", "", RESOURCE_AGES, "65-", END);
    RES(&x, "r-alle", HERE, "eenzaamheid", "", END);
    struct fx q = {0};
    struct wt_record *old = CASE(&q, "c-1", "2026-11-01", HERE, "eenzaamheid", CASE_AGE, "82", END);
    struct wt_record *any = CASE(&q, "c-2", "2026-11-01", HERE, "eenzaamheid", END);
    struct match_result r;
    fx_rank(&x, old, &r);
    ck_assert_int_eq(fx_rank_of(&r, "r-tiener"), -1);
    ck_assert_int_eq(fx_rank_of(&r, "r-oud"), 0);
    ck_assert(fx_says(&r, "r-oud", "past bij leeftijd"));
    ck_assert(!fx_says(&r, "r-alle", "leeftijd"));
    match_result_fini(&r);
    /* Without an age nothing is excluded. */
    fx_rank(&x, any, &r);
    ck_assert_int_ge(fx_rank_of(&r, "r-tiener"), 0);
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

START_TEST(test_transport_by_neighbour)
{
    struct fx x = {0};
    RES(&x, "r-eetcafe", HERE, "eenzaamheid;voeding", "eten", RESOURCE_ACCESS, "rolstoel",
        RESOURCE_SCHEDULE, "do 17:30", END);
    RES(&x, "r-bus", HERE, "eenzaamheid", "", RESOURCE_ACCESS, "vervoer", END);
    RES(&x, "r-koffie", HERE, "eenzaamheid", "", RESOURCE_SCHEDULE, "di 10:00", END);
    RES(&x, "r-vaag", HERE, "eenzaamheid", "", RESOURCE_SCHEDULE, "als het uitkomt", END);
    RES(&x, "r-zondag", HERE, "eenzaamheid", "", RESOURCE_SCHEDULE, "zo 14:00", END);
    TAL(&x, "t-ver", "Veenwaard/Oudendijk/Dijk", "vervoer", "2026-01-01", TALENT_AVAILABLE,
        "dagelijks", END);
    TAL(&x, "t-nee", HERE, "vervoer", "", TALENT_AVAILABLE, "dagelijks", END); /* no consent */
    TAL(&x, "t-gerard", HERE, "vervoer;mobiliteit", "2026-08-02", TALENT_AVAILABLE, "avonden",
        END);
    TAL(&x, "t-anna", HERE, "vervoer", "2026-08-02", TALENT_AVAILABLE, "do-avond", END);
    /* Farther (another neighbourhood of the kern), but free in the morning. */
    TAL(&x, "t-ochtend", "Veenwaard/Ravenstede/Akkerwijk", "vervoer", "2026-08-02",
        TALENT_AVAILABLE, "ochtenden", END);
    /* Free on Sundays, but what she wrote cannot be read: never a match. */
    TAL(&x, "t-onbekend", HERE, "vervoer", "2026-08-02", TALENT_AVAILABLE, "zo na de kerk",
        END);
    struct fx q = {0};
    struct wt_record *cs = CASE(&q, "c-1", "2026-11-01", HERE, "eenzaamheid;vervoer;mobiliteit",
                                CASE_STRENGTHS, "eten", CASE_AGE, "84", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    const struct match_option *o = fx_opt(&r, "r-eetcafe");
    ck_assert_str_eq(o->via, "t-anna"); /* same neighbourhood, then by id */
    ck_assert(fx_says(&r, "r-eetcafe", "vervoer door een buurtbewoner (t-anna)"));
    ck_assert(fx_says(&r, "r-eetcafe", "rolstoeltoegankelijk"));
    ck_assert(fx_says(&r, "r-bus", "vervoer geregeld"));
    ck_assert_str_eq(fx_opt(&r, "r-bus")->via, "");
    ck_assert_int_eq(fx_rank_of(&r, "t-nee"), -1);
    /* Only a driver whose time fits the activity's: the morning driver. */
    ck_assert_str_eq(fx_opt(&r, "r-koffie")->via, "t-ochtend");
    ck_assert(fx_says(&r, "r-koffie", "vervoer door een buurtbewoner (t-ochtend)"));
    /* An unreadable schedule or availability is never a match. */
    ck_assert_str_eq(fx_opt(&r, "r-vaag")->via, "");
    ck_assert(fx_says(&r, "r-vaag", "vervoer nog regelen"));
    ck_assert_str_eq(fx_opt(&r, "r-zondag")->via, "");
    ck_assert(fx_says(&r, "r-zondag", "vervoer nog regelen"));
    match_result_fini(&r);
    fx_fini(&x);

    /* No neighbour who drives: the place is harder to reach. */
    RES(&x, "r-eetcafe", HERE, "eenzaamheid;voeding", "eten", RESOURCE_ACCESS, "rolstoel",
        RESOURCE_SCHEDULE, "do 17:30", END);
    TAL(&x, "t-ver", "Veenwaard/Oudendijk/Dijk", "vervoer", "2026-01-01", TALENT_AVAILABLE,
        "dagelijks", END);
    fx_rank(&x, cs, &r);
    ck_assert(fx_says(&r, "r-eetcafe", "vervoer nog regelen"));
    ck_assert_str_eq(fx_opt(&r, "r-eetcafe")->via, "");
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

START_TEST(test_transport_raises)
{
    struct fx x = {0};
    RES(&x, "r-a", HERE, "eenzaamheid", "", RESOURCE_SCHEDULE, "ma 10:00", END);
    RES(&x, "r-b", HERE, "eenzaamheid", "", RESOURCE_SCHEDULE, "dagelijks", END);
    struct fx q = {0};
    struct wt_record *cs = CASE(&q, "c-1", "2026-11-01", HERE, "eenzaamheid;vervoer", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    double without = fx_opt(&r, "r-b")->score;
    match_result_fini(&r);
    TAL(&x, "t-driver", HERE, "vervoer", "2026-01-01", TALENT_AVAILABLE, "weekend", END);
    fx_rank(&x, cs, &r);
    ck_assert_str_eq(fx_opt(&r, "r-a")->via, ""); /* Monday: the driver is not free */
    /* Not only no longer "vervoer nog regelen" (-1): the need counts half. */
    ck_assert(fx_opt(&r, "r-b")->score > without + 2.0);
    ck_assert_str_eq(fx_opt(&r, "r-b")->via, "t-driver");
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

START_TEST(test_capacity)
{
    struct fx x = {0};
    RES(&x, "r-full", HERE, "taal", "", RESOURCE_CAPACITY, "full", END);
    RES(&x, "r-open", HERE, "taal", "", END);
    RES(&x, "r-paused", HERE, "taal", "", RESOURCE_CAPACITY, "paused", END);
    struct fx q = {0};
    struct wt_record *cs = CASE(&q, "c-1", "2026-11-01", HERE, "taal", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    ck_assert_int_eq(r.n, 2);
    ck_assert_int_eq(fx_rank_of(&r, "r-open"), 0);
    ck_assert_int_eq(fx_rank_of(&r, "r-paused"), -1);
    ck_assert(fx_says(&r, "r-full", "vol: wachtlijst"));
    ck_assert_double_eq_tol(fx_opt(&r, "r-full")->score, fx_opt(&r, "r-open")->score / 2, 0.011);
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

START_TEST(test_freshness)
{
    struct fx x = {0};
    RES(&x, "r-new", HERE, "taal", "", END);
    fx_add(&x, WT_RESOURCES, RESOURCE_ID, "r-old", RESOURCE_NAME, "Oud", RESOURCE_KIND, "activity",
        RESOURCE_AREA, HERE, RESOURCE_NEEDS, "taal", RESOURCE_CHECKED, "2025-03-01", END);
    fx_add(&x, WT_RESOURCES, RESOURCE_ID, "r-never", RESOURCE_NAME, "Nooit", RESOURCE_KIND,
        "activity", RESOURCE_AREA, HERE, RESOURCE_NEEDS, "taal", END);
    struct fx q = {0};
    struct wt_record *cs = CASE(&q, "c-1", "2026-11-01", HERE, "taal", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    ck_assert_int_eq(fx_rank_of(&r, "r-new"), 0);
    ck_assert(fx_says(&r, "r-old", "niet gecontroleerd sinds 2025-03-01"));
    ck_assert(fx_says(&r, "r-never", "nooit gecontroleerd"));
    ck_assert(fx_opt(&r, "r-old")->score < fx_opt(&r, "r-new")->score);
    ck_assert(!fx_says(&r, "r-new", "gecontroleerd"));
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

START_TEST(test_history)
{
    struct fx x = {0};
    RES(&x, "r-good", HERE, "taal", "", END);
    RES(&x, "r-bad", HERE, "taal", "", END);
    RES(&x, "r-plain", HERE, "taal", "", END);
    RES(&x, "r-own", HERE, "taal", "", END);
    CASE(&x, "c-1", "2025-01-01", HERE, "taal", CASE_STATUS, "closed", CASE_CHOSEN,
         "r-good:worked;r-bad:failed", END);
    CASE(&x, "c-2", "2025-01-01", HERE, "taal", CASE_STATUS, "closed", CASE_CHOSEN,
         "r-good:worked;r-bad:failed", END);
    CASE(&x, "c-3", "2025-01-01", HERE, "taal", CASE_STATUS, "closed", CASE_CHOSEN,
         "r-good:failed", END);
    CASE(&x, "c-4", "2025-01-01", HERE, "taal", CASE_STATUS, "closed", CASE_CHOSEN,
         "r-good:worked", END);
    /* The case being ranked chose r-own itself: that is not history. */
    struct wt_record *cs = CASE(&x, "c-9", "2026-11-01", HERE, "taal", CASE_CHOSEN,
                                "r-own:worked", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    ck_assert_int_eq(fx_rank_of(&r, "r-good"), 0);
    ck_assert(fx_says(&r, "r-good", "werkte 3 van 4 keer in Molenwijk"));
    ck_assert(fx_says(&r, "r-bad", "werkte 0 van 2 keer in Molenwijk"));
    ck_assert_int_eq(fx_rank_of(&r, "r-bad"), 3);
    ck_assert(!fx_says(&r, "r-own", "werkte"));
    ck_assert_double_eq(fx_opt(&r, "r-own")->score, fx_opt(&r, "r-plain")->score);
    match_result_fini(&r);
    fx_fini(&x);
}
END_TEST

START_TEST(test_history_pending)
{
    struct fx x = {0};
    RES(&x, "r-a", HERE, "taal", "", END);
    RES(&x, "r-b", HERE, "taal", "", END);
    CASE(&x, "c-1", "2026-10-01", HERE, "taal", CASE_CHOSEN, "r-b", END);
    struct fx q = {0};
    struct wt_record *cs = CASE(&q, "c-9", "2026-11-01", HERE, "taal", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    ck_assert_int_eq(fx_rank_of(&r, "r-b"), 0);
    ck_assert(fx_says(&r, "r-b", "1 keer eerder gekozen in Molenwijk, uitkomst nog onbekend"));
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

/* Measures: the mean of the domains scored at both start and close. */
START_TEST(test_measure_hint)
{
    struct measure a, b, none = {0};
    ck_assert_int_eq(measure_parse("2 2 3 2 1 3", &a), 0);
    ck_assert_int_eq(measure_parse("3 2 3 2 1 3", &b), 0);
    ck_assert_int_eq(match_measure_hint(&a, &b), MATCH_HINT_BETTER);
    ck_assert_int_eq(match_measure_hint(&b, &a), MATCH_HINT_WORSE);
    ck_assert_int_eq(match_measure_hint(&a, &a), MATCH_HINT_NONE);
    /* One measure only: nothing to compare. */
    ck_assert_int_eq(match_measure_hint(&a, &none), MATCH_HINT_NONE);
    ck_assert_int_eq(match_measure_hint(&none, &b), MATCH_HINT_NONE);
    /* Only domains scored in both count: the 5 at closing has no start. */
    ck_assert_int_eq(measure_parse("3 3 - - - -", &a), 0);
    ck_assert_int_eq(measure_parse("3 2 5 - - -", &b), 0);
    ck_assert_int_eq(match_measure_hint(&a, &b), MATCH_HINT_WORSE);
    /* Up in one domain, down as much in another: the mean stays. */
    ck_assert_int_eq(measure_parse("1 5 - - - -", &b), 0);
    ck_assert_int_eq(match_measure_hint(&a, &b), MATCH_HINT_NONE);
}
END_TEST

/* Ranks c-9 (needs taal) against r-x and r-plain, where a closed case c-1
 * chose r-x as written in chosen, with hint; returns score(r-x) - score(r-plain). */
static double measured_gain(const char *chosen, enum match_hint hint, const char *phrase)
{
    struct fx x = {0};
    RES(&x, "r-x", HERE, "taal", "", END);
    RES(&x, "r-plain", HERE, "taal", "", END);
    CASE(&x, "c-1", "2025-01-01", HERE, "taal", CASE_STATUS, "closed", CASE_CHOSEN, chosen,
         END);
    x.hint[x.n - 1] = hint;
    struct fx q = {0};
    struct wt_record *cs = CASE(&q, "c-9", "2026-11-01", HERE, "taal", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    ck_assert_msg(fx_says(&r, "r-x", phrase), "%s: %s", chosen, fx_opt(&r, "r-x")->reasons);
    double gain = fx_opt(&r, "r-x")->score - fx_opt(&r, "r-plain")->score;
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
    return gain;
}

/* Wellbeing went up on a case: its chosen option counts as worked, at half
 * weight: 6 x ((0.5 + 1) / (0.5 + 2) - 0.5) = +0.6. */
START_TEST(test_measure_better_counts_as_worked)
{
    double g = measured_gain("r-x", MATCH_HINT_BETTER,
                             "welzijnsmeting ging 1 van 1 keer vooruit in Molenwijk");
    ck_assert_double_eq_tol(g, 0.6, 0.011);
}
END_TEST

/* Wellbeing went down: counts as failed, at half weight: -0.6. */
START_TEST(test_measure_worse_counts_as_failed)
{
    double g = measured_gain("r-x", MATCH_HINT_WORSE,
                             "welzijnsmeting ging 0 van 1 keer vooruit in Molenwijk");
    ck_assert_double_eq_tol(g, -0.6, 0.011);
}
END_TEST

/* The team's word wins over the measures: failed although wellbeing went
 * up, at full weight (6 x (1/3 - 0.5) = -1), and no measure reason. */
START_TEST(test_measure_explicit_wins)
{
    double g = measured_gain("r-x:failed", MATCH_HINT_BETTER, "werkte 0 van 1 keer in Molenwijk");
    ck_assert_double_eq_tol(g, -1.0, 0.011);
    g = measured_gain("r-x:worked", MATCH_HINT_WORSE, "werkte 1 van 1 keer in Molenwijk");
    ck_assert_double_eq_tol(g, 1.0, 0.011);
    struct fx x = {0};
    RES(&x, "r-x", HERE, "taal", "", END);
    CASE(&x, "c-1", "2025-01-01", HERE, "werk", CASE_CHOSEN, "r-x:failed", END);
    x.hint[x.n - 1] = MATCH_HINT_BETTER;
    struct fx q = {0};
    struct match_result r;
    fx_rank(&x, CASE(&q, "c-9", "2026-11-01", HERE, "taal", END), &r);
    ck_assert(!fx_says(&r, "r-x", "welzijnsmeting"));
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

/* A start measure without a close one (or no change): still pending. */
START_TEST(test_measure_one_only_is_pending)
{
    struct measure start, none = {0};
    ck_assert_int_eq(measure_parse("2 2 3 2 1 3", &start), 0);
    double g = measured_gain("r-x", match_measure_hint(&start, &none),
                             "1 keer eerder gekozen in Molenwijk, uitkomst nog onbekend");
    ck_assert_double_eq_tol(g, 0.5, 0.011);
    g = measured_gain("r-x", match_measure_hint(&start, &start),
                      "1 keer eerder gekozen in Molenwijk, uitkomst nog onbekend");
    ck_assert_double_eq_tol(g, 0.5, 0.011);
}
END_TEST

/* A case's own measured choices are not its history either. */
START_TEST(test_measure_own_left_out)
{
    struct fx x = {0};
    RES(&x, "r-x", HERE, "taal", "", END);
    RES(&x, "r-plain", HERE, "taal", "", END);
    struct wt_record *cs = CASE(&x, "c-9", "2026-11-01", HERE, "taal", CASE_CHOSEN, "r-x", END);
    x.hint[x.n - 1] = MATCH_HINT_BETTER;
    struct match_result r;
    fx_rank(&x, cs, &r);
    ck_assert(!fx_says(&r, "r-x", "welzijnsmeting"));
    ck_assert_double_eq(fx_opt(&r, "r-x")->score, fx_opt(&r, "r-plain")->score);
    match_result_fini(&r);
    fx_fini(&x);
}
END_TEST

START_TEST(test_consent_and_formal)
{
    struct fx x = {0};
    TAL(&x, "t-nee", HERE, "taal", "", TALENT_INTERESTS, "lezen", END);
    TAL(&x, "t-ja", "Veenwaard/Ravenstede", "taal", "2026-01-01", END);
    fx_add(&x, WT_RESOURCES, RESOURCE_ID, "r-cursus", RESOURCE_NAME, "Taalcursus",
        RESOURCE_KIND, "formal", RESOURCE_AREA, HERE, RESOURCE_NEEDS, "taal;nieuwkomer",
        RESOURCE_CHECKED, "2026-10-01", END);
    struct fx q = {0};
    struct wt_record *cs = CASE(&q, "c-1", "2026-11-01", HERE, "taal;nieuwkomer",
                                CASE_STRENGTHS, "lezen", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    ck_assert_int_eq(r.n, 1);
    ck_assert_str_eq(r.opts[0].id, "t-ja");
    ck_assert_int_eq(r.opts[0].type, MATCH_TALENT);
    ck_assert_str_eq(r.opts[0].name, "Buur t-ja");
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

START_TEST(test_no_evidence)
{
    struct fx x = {0};
    RES(&x, "r-near", HERE, "schulden", "koken", END);
    struct fx q = {0};
    struct wt_record *cs = CASE(&q, "c-1", "2026-11-01", HERE, "taal", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    ck_assert_int_eq(r.n, 0);
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST


static Suite *match_suite(void)
{
    Suite *s = suite_create("match");
    TCase *tc = tcase_create("factors");
    tcase_add_test(tc, test_needs_rarity);
    tcase_add_test(tc, test_needs_all_listed);
    tcase_add_test(tc, test_strengths);
    tcase_add_test(tc, test_words_without_tags);
    tcase_add_test(tc, test_area_closeness);
    tcase_add_test(tc, test_age);
    tcase_add_test(tc, test_transport_by_neighbour);
    tcase_add_test(tc, test_transport_raises);
    tcase_add_test(tc, test_capacity);
    tcase_add_test(tc, test_freshness);
    tcase_add_test(tc, test_history);
    tcase_add_test(tc, test_history_pending);
    tcase_add_test(tc, test_measure_hint);
    tcase_add_test(tc, test_measure_better_counts_as_worked);
    tcase_add_test(tc, test_measure_worse_counts_as_failed);
    tcase_add_test(tc, test_measure_explicit_wins);
    tcase_add_test(tc, test_measure_one_only_is_pending);
    tcase_add_test(tc, test_measure_own_left_out);
    tcase_add_test(tc, test_consent_and_formal);
    tcase_add_test(tc, test_no_evidence);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(match_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
