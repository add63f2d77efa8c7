/* check_rank.c: unit tests of similar open cases, ordering, ties, limits and clean output. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "bench_gen.h"
#include "fixture.h"

#define MOTHERS "alleenstaande-ouder;jonge-kinderen"

START_TEST(test_similar_window_and_district)
{
    struct fx x = {0};
    /* The case itself is in the corpus too: it is never its own option. */
    struct wt_record *cs = CASE(&x, "c-me", "2026-10-01", "Veenwaard/Ravenstede/Akkerwijk",
                                MOTHERS ";eenzaamheid", END);
    CASE(&x, "c-near", "2026-10-20", "Veenwaard/Ravenstede/Akkerwijk", "jonge-kinderen", END);
    CASE(&x, "c-dorp", "2026-09-10", "Veenwaard/Ravenstede/Havenkwartier", MOTHERS,
         CASE_STATUS, "new", END);
    CASE(&x, "c-56", "2026-11-26", "Veenwaard/Ravenstede/Akkerwijk", MOTHERS, END);
    CASE(&x, "c-57", "2026-08-05", "Veenwaard/Ravenstede/Akkerwijk", MOTHERS, END);
    CASE(&x, "c-later", "2026-12-20", "Veenwaard/Ravenstede/Akkerwijk", MOTHERS, END);
    CASE(&x, "c-otherdorp", "2026-10-02", "Veenwaard/Oudendijk/Akkerwijk", MOTHERS, END);
    CASE(&x, "c-closed", "2026-10-02", "Veenwaard/Ravenstede/Akkerwijk", MOTHERS, CASE_STATUS,
         "closed", END);
    CASE(&x, "c-shielded", "2026-10-02", "Veenwaard/Ravenstede/Akkerwijk", MOTHERS,
         CASE_RESTRICTED, "yes", END);
    CASE(&x, "c-other", "2026-10-02", "Veenwaard/Ravenstede/Akkerwijk", "schulden", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    ck_assert_int_eq(fx_rank_of(&r, "c-me"), -1);
    ck_assert_int_ge(fx_rank_of(&r, "c-near"), 0);
    ck_assert_int_ge(fx_rank_of(&r, "c-dorp"), 0);
    ck_assert_int_ge(fx_rank_of(&r, "c-56"), 0); /* 56 days: still within 8 weeks */
    ck_assert_int_eq(fx_rank_of(&r, "c-57"), -1);
    ck_assert_int_eq(fx_rank_of(&r, "c-later"), -1);
    ck_assert_int_eq(fx_rank_of(&r, "c-otherdorp"), -1);
    ck_assert_int_eq(fx_rank_of(&r, "c-closed"), -1);
    ck_assert_int_eq(fx_rank_of(&r, "c-shielded"), -1);
    ck_assert_int_eq(fx_rank_of(&r, "c-other"), -1);
    const struct match_option *o = fx_opt(&r, "c-near");
    ck_assert_int_eq(o->type, MATCH_CASE);
    ck_assert_str_eq(o->name, "casus c-near (Akkerwijk)");
    ck_assert(strstr(o->reasons, "Jan") == NULL);
    ck_assert(fx_says(&r, "c-near", "lijkt op deze vraag: samen in contact brengen"));
    ck_assert(fx_says(&r, "c-near", "zelfde vraag: jonge-kinderen"));
    ck_assert(fx_says(&r, "c-near", "in Akkerwijk"));
    ck_assert(fx_says(&r, "c-near", "kort na elkaar gemeld: 19 dagen"));
    ck_assert(fx_says(&r, "c-dorp", "zelfde vraag: alleenstaande-ouder en jonge-kinderen"));
    ck_assert(fx_says(&r, "c-dorp", "ook in Ravenstede"));
    /* Two shared needs in the same village before one in the same street. */
    ck_assert_int_lt(fx_rank_of(&r, "c-dorp"), fx_rank_of(&r, "c-near"));
    match_result_fini(&r);
    fx_fini(&x);
}
END_TEST

START_TEST(test_similar_short_area)
{
    struct fx x = {0};
    struct wt_record *cs = CASE(&x, "c-me", "2026-10-01", "Veenwaard", "taal", END);
    CASE(&x, "c-a", "2026-10-03", "Veenwaard/Ravenstede/Akkerwijk", "taal", END);
    CASE(&x, "c-b", "2026-10-03", "Elders/Ravenstede", "taal", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    /* An area of one part: all its parts shared is enough. */
    ck_assert_int_ge(fx_rank_of(&r, "c-a"), 0);
    ck_assert_int_eq(fx_rank_of(&r, "c-b"), -1);
    match_result_fini(&r);
    fx_fini(&x);
}
END_TEST

START_TEST(test_tie_by_type_then_id)
{
    struct fx x = {0};
    RES(&x, "r-b", HERE, "taal", "", END);
    TAL(&x, "t-a", HERE, "taal", "2026-01-01", END);
    RES(&x, "r-c", HERE, "taal", "", END);
    RES(&x, "r-a", HERE, "taal", "", END);
    struct fx q = {0};
    struct wt_record *cs = CASE(&q, "c-1", "2026-11-01", HERE, "taal", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    ck_assert_int_eq(r.n, 4);
    ck_assert_str_eq(r.opts[0].id, "r-a");
    ck_assert_str_eq(r.opts[1].id, "r-b");
    ck_assert_str_eq(r.opts[2].id, "r-c");
    ck_assert_str_eq(r.opts[3].id, "t-a");
    for (size_t i = 1; i < 4; i++)
        ck_assert_double_eq(r.opts[i].score, r.opts[0].score);
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

START_TEST(test_limit_and_determinism)
{
    struct fx x = {0};
    const char *areas[] = {HERE, "Veenwaard/Ravenstede/Akkerwijk", "Veenwaard/Oudendijk"};
    const char *ids[] = {"r-01", "r-02", "r-03", "r-04", "r-05", "r-06", "r-07", "r-08", "r-09",
                         "r-10", "r-11", "r-12"};
    for (int i = 0; i < 12; i++)
        fx_add(&x, WT_RESOURCES, RESOURCE_ID, ids[i], RESOURCE_NAME, "Activiteit", RESOURCE_KIND,
               "activity", RESOURCE_AREA, areas[i % 3], RESOURCE_NEEDS,
               i % 2 ? "taal;werk" : "taal", RESOURCE_INTERESTS, i % 4 ? "" : "lezen",
               RESOURCE_CHECKED, i % 5 ? "2026-10-01" : "2024-01-01", END);
    struct fx q = {0};
    struct wt_record *cs = CASE(&q, "c-1", "2026-11-01", HERE, "taal;werk", CASE_STRENGTHS,
                                "lezen", END);
    struct match_corpus *c = fx_corpus(&x);
    struct match_result all, all2, top;
    match_rank(c, cs, 0, &all);
    match_rank(c, cs, 0, &all2);
    ck_assert_int_eq(all.n, 12);
    for (size_t i = 0; i < all.n; i++) {
        ck_assert_str_eq(all.opts[i].id, all2.opts[i].id);
        ck_assert_str_eq(all.opts[i].reasons, all2.opts[i].reasons);
        if (i)
            ck_assert(all.opts[i - 1].score >= all.opts[i].score);
    }
    for (size_t limit = 1; limit <= 13; limit++) {
        match_rank(c, cs, limit, &top);
        ck_assert_uint_eq(top.n, limit < 12 ? limit : 12);
        for (size_t i = 0; i < top.n; i++) {
            ck_assert_str_eq(top.opts[i].id, all.opts[i].id);
            ck_assert_double_eq(top.opts[i].score, all.opts[i].score);
        }
        match_result_fini(&top);
    }
    match_result_fini(&all);
    match_result_fini(&all2);
    match_corpus_free(c);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

START_TEST(test_reasons_are_clean)
{
    struct fx x = {0};
    RES(&x, "r-eten", HERE, "eenzaamheid", "", RESOURCE_SCHEDULE, "op afspraak", END);
    struct wt_record *t = TAL(&x, "t-x", HERE, "vervoer", "2026-01-01", TALENT_AVAILABLE,
                              "middagen", END);
    record_set(t, TALENT_NAME, "Jan;\tde\nVries");
    struct fx q = {0};
    struct wt_record *cs = CASE(&q, "c-1", "2026-11-01", HERE, "eenzaamheid;vervoer", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    for (size_t i = 0; i < r.n; i++)
        ck_assert(strpbrk(r.opts[i].reasons, "\t\n\r") == NULL);
    /* The name stays as stored (issue 19): each output format makes it fit. */
    ck_assert_ptr_nonnull(fx_opt(&r, "t-x"));
    ck_assert_str_eq(fx_opt(&r, "t-x")->name, "Jan;\tde\nVries");
    ck_assert(fx_says(&r, "r-eten", "vervoer door een buurtbewoner (t-x)"));
    ck_assert_str_eq(fx_opt(&r, "r-eten")->reasons,
                     "helpt bij eenzaamheid;vervoer door een buurtbewoner (t-x);"
                     "in Molenwijk");
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

START_TEST(test_empty_and_unfinished)
{
    struct fx q = {0};
    struct wt_record *cs = CASE(&q, "c-1", "2026-11-01", HERE, "taal", END);
    struct match_corpus *c = match_corpus_new(0);
    struct match_result r;
    ck_assert_int_eq(match_rank(c, cs, 10, &r), 0); /* not finished: nothing */
    ck_assert_uint_eq(r.n, 0);
    match_result_fini(&r);
    match_corpus_finish(c);
    ck_assert_int_eq(match_rank(c, cs, 10, &r), 0);
    ck_assert_uint_eq(r.n, 0);
    match_result_fini(&r);
    match_corpus_free(c);
    match_corpus_free(NULL);
    ck_assert_str_eq(match_type_name(MATCH_RESOURCE), "resource");
    ck_assert_str_eq(match_type_name(MATCH_TALENT), "talent");
    ck_assert_str_eq(match_type_name(MATCH_CASE), "case");
    fx_fini(&q);
}
END_TEST

START_TEST(test_unknown_everything)
{
    struct fx x = {0};
    RES(&x, "r-a", HERE, "taal", "lezen", END);
    struct fx q = {0};
    /* Tags, words and area the corpus never saw match nothing, and do no harm. */
    struct wt_record *cs = fx_add(&q, WT_CASES, CASE_ID, "c-1", CASE_OPENED, "2026-11-01",
                                  CASE_AREA, "Nergens/Niets", CASE_RESIDENT, "X", CASE_REQUEST,
                                  "Ëën wéírd verzoek zonder bekende woorden", CASE_NEEDS,
                                  "onbekend", CASE_STRENGTHS, "vliegeren", END);
    struct match_result r;
    fx_rank(&x, cs, &r);
    ck_assert_uint_eq(r.n, 0);
    match_result_fini(&r);
    fx_fini(&x);
    fx_fini(&q);
}
END_TEST

/* With a limit, hopeless options are skipped without scoring; on a generated
 * map of some size the best N must still be exactly the first N of all. */
START_TEST(test_pruning_is_exact)
{
    struct bench_data d;
    bench_generate(&d, 400, 800, 4000, 7);
    struct match_corpus *c = match_corpus_new(d.today);
    for (size_t i = 0; i < d.nresources; i++)
        match_corpus_add(c, &d.resources[i]);
    for (size_t i = 0; i < d.ntalents; i++)
        match_corpus_add(c, &d.talents[i]);
    for (size_t i = 0; i < d.ncases; i++)
        match_corpus_add(c, &d.cases[i]);
    match_corpus_finish(c);
    size_t compared = 0;
    for (size_t i = 0; i < d.ncases; i += 17) {
        size_t limit = 1 + i % 12;
        struct match_result top, all;
        match_rank(c, &d.cases[i], limit, &top);
        match_rank(c, &d.cases[i], 0, &all);
        ck_assert_uint_eq(top.n, all.n < limit ? all.n : limit);
        for (size_t k = 0; k < top.n; k++) {
            ck_assert_str_eq(top.opts[k].id, all.opts[k].id);
            ck_assert_double_eq(top.opts[k].score, all.opts[k].score);
            ck_assert_str_eq(top.opts[k].reasons, all.opts[k].reasons);
            ck_assert_str_eq(top.opts[k].via, all.opts[k].via);
        }
        compared += top.n;
        match_result_fini(&top);
        match_result_fini(&all);
    }
    ck_assert_uint_gt(compared, 1000);
    match_corpus_free(c);
    bench_data_fini(&d);
}
END_TEST

static Suite *rank_suite(void)
{
    Suite *s = suite_create("match-rank");
    TCase *tc = tcase_create("rank");
    tcase_add_test(tc, test_similar_window_and_district);
    tcase_add_test(tc, test_similar_short_area);
    tcase_add_test(tc, test_tie_by_type_then_id);
    tcase_add_test(tc, test_limit_and_determinism);
    tcase_add_test(tc, test_reasons_are_clean);
    tcase_add_test(tc, test_empty_and_unfinished);
    tcase_add_test(tc, test_unknown_everything);
    tcase_add_test(tc, test_pruning_is_exact);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(rank_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
