/* check_reach.c: unit tests of reach (buurt, kern, gemeente, regio, online), area reasons and capacity. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "wijktafel/date.h"
#include "wijktafel/xalloc.h"

#define ESPEL "Noordoostpolder/Emmeloord/Espelervaart"

/* One entry per reach level, all in Espelervaart, all answering taal. */
static void reach_map(struct fx *x)
{
    static const char *const levels[] = {"buurt", "kern", "gemeente", "regio", "online"};
    for (size_t i = 0; i < 5; i++) {
        char id[32];
        snprintf(id, sizeof id, "r-%s", levels[i]);
        fx_add(x, WT_RESOURCES, RESOURCE_ID, id, RESOURCE_NAME, id, RESOURCE_KIND, "activity",
               RESOURCE_AREA, ESPEL, RESOURCE_NEEDS, "taal", RESOURCE_CHECKED, "2026-10-01",
               RESOURCE_REACH, levels[i], END);
    }
    /* No reach written: gemeente. */
    RES(x, "r-default", ESPEL, "taal", "", END);
}

/* The ids ranked for a taal case in area, joined by spaces in id order of
 * the list given (present ones only). */
static char *reached(struct match_corpus *c, const char *area)
{
    struct fx q = {0};
    struct wt_record *cs = CASE(&q, "c-1", "2026-11-01", area, "taal", END);
    struct match_result r;
    ck_assert_int_eq(match_rank(c, cs, 0, &r), 0);
    static const char *const ids[] = {"r-buurt", "r-kern",   "r-gemeente",
                                      "r-regio", "r-online", "r-default"};
    struct buf b = {0};
    buf_puts(&b, "");
    for (size_t i = 0; i < 6; i++)
        if (fx_rank_of(&r, ids[i]) >= 0)
            buf_printf(&b, "%s%s", b.len ? " " : "", ids[i]);
    match_result_fini(&r);
    fx_fini(&q);
    return buf_steal(&b);
}

static struct match_corpus *reach_corpus(const struct fx *x, const char *region)
{
    int32_t today;
    ck_assert_int_eq(date_parse("2026-11-20", &today), 0);
    struct match_corpus *c = match_corpus_new(today);
    if (region)
        match_corpus_region(c, region);
    for (size_t i = 0; i < x->n; i++)
        match_corpus_add(c, &x->r[i]);
    match_corpus_finish(c);
    return c;
}

#define EXPECT_REACH(c, area, want)                                                            \
    do {                                                                                       \
        char *got = reached((c), (area));                                                      \
        ck_assert_str_eq(got, (want));                                                         \
        free(got);                                                                             \
    } while (0)

START_TEST(test_reach_levels)
{
    struct fx x = {0};
    reach_map(&x);
    struct match_corpus *c = reach_corpus(&x, "Urk; Lemsterland");
    EXPECT_REACH(c, ESPEL, "r-buurt r-kern r-gemeente r-regio r-online r-default");
    EXPECT_REACH(c, "noordoostpolder/EMMELOORD/espelervaart",
                 "r-buurt r-kern r-gemeente r-regio r-online r-default");
    EXPECT_REACH(c, "Noordoostpolder/Emmeloord/Centrum",
                 "r-kern r-gemeente r-regio r-online r-default");
    EXPECT_REACH(c, "Noordoostpolder/Marknesse", "r-gemeente r-regio r-online r-default");
    /* A case known only by its municipality is not in a kern's reach. */
    EXPECT_REACH(c, "Noordoostpolder", "r-gemeente r-regio r-online r-default");
    EXPECT_REACH(c, "Urk/Urk/Oude dorp", "r-regio r-online");
    EXPECT_REACH(c, "urk", "r-regio r-online");
    EXPECT_REACH(c, "Overbetuwe/Andelst", "r-online");
    match_corpus_free(c);
    /* Without a region, regio is the municipality. */
    c = reach_corpus(&x, NULL);
    EXPECT_REACH(c, "Urk/Urk/Oude dorp", "r-online");
    EXPECT_REACH(c, "Noordoostpolder/Marknesse", "r-gemeente r-regio r-online r-default");
    match_corpus_free(c);
    fx_fini(&x);
}
END_TEST

/* An entry for a whole area reaches down to where its area ends. */
START_TEST(test_reach_of_wide_entry)
{
    struct fx x = {0};
    fx_add(&x, WT_RESOURCES, RESOURCE_ID, "r-kern", RESOURCE_NAME, "Kern", RESOURCE_KIND,
           "activity", RESOURCE_AREA, "Noordoostpolder", RESOURCE_NEEDS, "taal",
           RESOURCE_CHECKED, "2026-10-01", RESOURCE_REACH, "buurt", END);
    struct match_corpus *c = reach_corpus(&x, NULL);
    char *got = reached(c, ESPEL);
    ck_assert_str_eq(got, "r-kern");
    free(got);
    got = reached(c, "Flevoland/Emmeloord");
    ck_assert_str_eq(got, "");
    free(got);
    match_corpus_free(c);
    fx_fini(&x);
}
END_TEST

/* A talent reaches its own kern, not the rest of the municipality. */
START_TEST(test_talent_reaches_kern)
{
    struct fx x = {0};
    TAL(&x, "t-espel", ESPEL, "tuin", "2026-01-01", END);
    TAL(&x, "t-centrum", "Noordoostpolder/Emmeloord/Centrum", "tuin", "2026-01-01", END);
    TAL(&x, "t-marknesse", "Noordoostpolder/Marknesse", "tuin", "2026-01-01", END);
    TAL(&x, "t-haarlem", "Haarlem/Noord", "tuin", "2026-01-01", END);
    struct fx q = {0};
    struct wt_record *cs = CASE(&q, "c-1", "2026-11-01", ESPEL, "tuin", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    ck_assert_int_eq(fx_rank_of(&r, "t-espel"), 0);
    ck_assert_int_eq(fx_rank_of(&r, "t-centrum"), 1);
    ck_assert_int_eq(fx_rank_of(&r, "t-marknesse"), -1);
    ck_assert_int_eq(fx_rank_of(&r, "t-haarlem"), -1);
    ck_assert_int_eq(r.n, 2);
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

/* Reasons name the area: "in" where the case lives, "ook in" the shared
 * district, "voor heel" for an entry that covers the case's area. */
START_TEST(test_area_reason_names)
{
    struct fx x = {0};
    RES(&x, "r-buurt", "Nijmegen/Hatert/Hatertse Hei", "taal", "", END);
    RES(&x, "r-wijk", "Nijmegen/Hatert/Staddijk", "taal", "", END);
    RES(&x, "r-stad", "Nijmegen", "taal", "", END);
    RES(&x, "r-dorp", "Nijmegen/Hatert", "taal", "", END);
    struct fx q = {0};
    struct wt_record *cs = CASE(&q, "c-1", "2026-11-01", "Nijmegen / Hatert / Hatertse Hei",
                                "taal", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    ck_assert(fx_says(&r, "r-buurt", "in Hatertse Hei"));
    ck_assert(fx_says(&r, "r-wijk", "ook in Hatert"));
    ck_assert(fx_says(&r, "r-dorp", "voor heel Hatert"));
    ck_assert(fx_says(&r, "r-stad", "voor heel Nijmegen"));
    for (size_t i = 0; i < r.n; i++) {
        ck_assert(!strstr(r.opts[i].reasons, "dorp"));
        ck_assert(!strstr(r.opts[i].reasons, "dezelfde"));
    }
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

/* A number of free places: 0 is full, more is open. */
START_TEST(test_capacity_places)
{
    struct fx x = {0};
    RES(&x, "r-nul", ESPEL, "taal", "", RESOURCE_CAPACITY, "0", END);
    RES(&x, "r-vol", ESPEL, "taal", "", RESOURCE_CAPACITY, "full", END);
    RES(&x, "r-drie", ESPEL, "taal", "", RESOURCE_CAPACITY, "3", END);
    RES(&x, "r-open", ESPEL, "taal", "", END);
    struct fx q = {0};
    struct wt_record *cs = CASE(&q, "c-1", "2026-11-01", ESPEL, "taal", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    ck_assert(fx_says(&r, "r-nul", "vol: wachtlijst"));
    ck_assert_double_eq(fx_opt(&r, "r-nul")->score, fx_opt(&r, "r-vol")->score);
    ck_assert_double_eq(fx_opt(&r, "r-drie")->score, fx_opt(&r, "r-open")->score);
    ck_assert(fx_says(&r, "r-drie", "nog 3 plaatsen vrij"));
    ck_assert(!fx_says(&r, "r-drie", "vol"));
    ck_assert(!fx_says(&r, "r-open", "plaatsen"));
    ck_assert_double_eq_tol(fx_opt(&r, "r-nul")->score * 2, fx_opt(&r, "r-open")->score, 0.011);
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

/* The column takes words and whole numbers, nothing else. */
START_TEST(test_capacity_validation)
{
    static const char *const good[] = {"open", "full", "paused", "0", "12", "9999"};
    static const char *const bad[] = {"-1", "3.5", "veel", "10000", "1e3", "vol"};
    for (size_t i = 0; i < 6; i++) {
        struct wt_record r;
        record_init(&r, WT_RESOURCES);
        struct wt_error e = {0};
        ck_assert_int_eq(record_set_checked(&r, RESOURCE_CAPACITY, good[i], &e), 0);
        ck_assert_int_eq(record_set_checked(&r, RESOURCE_CAPACITY, bad[i], &e), WT_EINVAL);
        ck_assert_msg(strstr(e.text, "capacity") && strstr(e.text, bad[i]), "%s", e.text);
        ck_assert_int_eq(record_set_checked(&r, RESOURCE_REACH, "wereld", &e), WT_EINVAL);
        ck_assert_int_eq(record_set_checked(&r, RESOURCE_REACH, "kern", &e), 0);
        record_fini(&r);
    }
    ck_assert_int_eq(record_capacity_places("7"), 7);
    ck_assert_int_eq(record_capacity_places("open"), -1);
}
END_TEST

/* Outcomes count fully in the same kern, half elsewhere in the
 * municipality, not at all farther away, and only for the same need. */
START_TEST(test_history_by_place_and_need)
{
    struct fx x = {0};
    /* Online entries: reach is not what is tested here. */
    static const char *const ids[] = {"r-kern", "r-gemeente", "r-elders", "r-anders", "r-plain"};
    for (size_t i = 0; i < 5; i++)
        fx_add(&x, WT_RESOURCES, RESOURCE_ID, ids[i], RESOURCE_NAME, ids[i], RESOURCE_KIND,
               "activity", RESOURCE_AREA, ESPEL, RESOURCE_NEEDS, "eenzaamheid;schulden",
               RESOURCE_CHECKED, "2026-10-01", RESOURCE_REACH, "online", END);
    static const char *const where[] = {"Noordoostpolder/Emmeloord/Centrum",
                                        "Noordoostpolder/Marknesse", "Overbetuwe/Andelst",
                                        ESPEL};
    static const char *const needs[] = {"eenzaamheid", "eenzaamheid;taal", "eenzaamheid",
                                        "schulden"};
    for (int i = 0; i < 4; i++)
        for (int k = 0; k < 3; k++) {
            char id[32], chosen[64];
            snprintf(id, sizeof id, "c-%d%d", i, k);
            snprintf(chosen, sizeof chosen, "%s:worked", ids[i]);
            CASE(&x, id, "2025-01-01", where[i], needs[i], CASE_STATUS, "closed", CASE_CHOSEN,
                 chosen, END);
        }
    struct fx q = {0};
    struct wt_record *cs = CASE(&q, "c-9", "2026-11-01", ESPEL, "eenzaamheid", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    double plain = fx_opt(&r, "r-plain")->score;
    /* 3 of 3 in the kern: 6 x (4/5 - 0.5) = 1.8; half weight: 6 x (2.5/3.5 - 0.5). */
    ck_assert_double_eq_tol(fx_opt(&r, "r-kern")->score - plain, 1.8, 0.011);
    ck_assert_double_eq_tol(fx_opt(&r, "r-gemeente")->score - plain, 6 * (2.5 / 3.5 - 0.5),
                            0.011);
    ck_assert_double_eq(fx_opt(&r, "r-elders")->score, plain);
    ck_assert_double_eq(fx_opt(&r, "r-anders")->score, plain); /* schulden, not eenzaamheid */
    ck_assert(fx_says(&r, "r-kern", "werkte 3 van 3 keer in Emmeloord"));
    ck_assert(fx_says(&r, "r-gemeente", "werkte 3 van 3 keer in Noordoostpolder"));
    ck_assert(!fx_says(&r, "r-elders", "werkte"));
    ck_assert(!fx_says(&r, "r-anders", "werkte"));
    ck_assert_int_eq(fx_rank_of(&r, "r-kern"), 0);
    ck_assert_int_eq(fx_rank_of(&r, "r-gemeente"), 1);
    match_result_fini(&r);
    /* A case in the same neighbourhood with the same need: named there. */
    CASE(&x, "c-99", "2025-01-01", ESPEL, "eenzaamheid", CASE_STATUS, "closed", CASE_CHOSEN,
         "r-anders:failed", END);
    fx_rank(&x, cs, &r);
    ck_assert(fx_says(&r, "r-anders", "werkte 0 van 1 keer in Espelervaart"));
    match_result_fini(&r);
    /* A case that names no need looks at every need. */
    fx_fini(&q);
    cs = CASE(&q, "c-9", "2026-11-01", ESPEL, "", CASE_REQUEST, "eenzaam en schulden", END);
    fx_rank(&x, cs, &r);
    ck_assert(fx_says(&r, "r-anders", "werkte 3 van 4 keer in Espelervaart"));
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

static Suite *reach_suite(void)
{
    Suite *s = suite_create("reach");
    TCase *tc = tcase_create("reach");
    tcase_add_test(tc, test_reach_levels);
    tcase_add_test(tc, test_reach_of_wide_entry);
    tcase_add_test(tc, test_talent_reaches_kern);
    tcase_add_test(tc, test_area_reason_names);
    tcase_add_test(tc, test_capacity_places);
    tcase_add_test(tc, test_capacity_validation);
    tcase_add_test(tc, test_history_by_place_and_need);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(reach_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
