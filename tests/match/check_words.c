/* check_words.c: unit tests of request words: the stemmer's exceptions, and names that never count. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "wijktafel/date.h"

#define ESPEL "Noordoostpolder/Emmeloord/Espelervaart"

/* An entry whose only text is its description. */
static void text_entry(struct fx *x, const char *id, const char *area, const char *text)
{
    fx_add(x, WT_RESOURCES, RESOURCE_ID, id, RESOURCE_NAME, id, RESOURCE_KIND, "activity",
           RESOURCE_AREA, area, RESOURCE_DESCRIPTION, text, RESOURCE_CHECKED, "2026-10-01",
           END);
}

/* The ranking of a case with no tags, only the request text, in ESPEL. */
static void rank_text(const struct fx *x, const char *request, struct match_result *r)
{
    struct fx q = {0};
    struct wt_record *cs = fx_add(&q, WT_CASES, CASE_ID, "c-1", CASE_OPENED, "2026-11-01",
                                  CASE_AREA, ESPEL, CASE_RESIDENT, "Kees", CASE_REQUEST,
                                  request, END);
    fx_rank(x, cs, r);
    fx_fini(&q);
}

/* Each merged pair: a request with one word does not find an entry that
 * only has the other; each still finds its own other forms. */
static const struct {
    const char *request, *same, *other;
} pairs[] = {
    {"Koor voor ouderen gezocht", "Een koor van en voor oudere zangers", "Contact met andere ouders"},
    {"Zij zoekt contact met andere ouders", "Koffie voor ouders en kind", "Zingen met ouderen"},
    {"Een jonge moeder met een baby", "Voor jonge gezinnen", "Wandelen, jong en oud"},
    {"Iets voor jong en oud", "Jong en oud samen", "Spelen met jonge kinderen"},
    {"Een jongen van twaalf zoekt een club", "Voetbal voor jongens", "Wandelen, jong en oud"},
};

START_TEST(test_stem_exception_pairs)
{
    size_t i = (size_t)_i;
    struct fx x = {0};
    text_entry(&x, "r-same", ESPEL, pairs[i].same);
    text_entry(&x, "r-other", ESPEL, pairs[i].other);
    struct match_result r;
    rank_text(&x, pairs[i].request, &r);
    ck_assert_msg(fx_rank_of(&r, "r-same") >= 0, "%s: %s not found", pairs[i].request,
                  pairs[i].same);
    ck_assert_msg(fx_rank_of(&r, "r-other") < 0, "%s matched %s", pairs[i].request,
                  pairs[i].other);
    match_result_fini(&r);
    fx_fini(&x);
}
END_TEST

/* A place name in the request is not a request word, even when an entry's
 * description holds it; the other words still count. */
START_TEST(test_area_names_are_not_words)
{
    struct fx x = {0};
    text_entry(&x, "r-elster", ESPEL, "Wandelen door Elsterveld en Espelervaart");
    text_entry(&x, "r-tuin", ESPEL, "Tuinieren in de moestuin");
    RES(&x, "r-ander", "Veenwaard/Elsterveld", "taal", "", END);
    struct match_result r;
    rank_text(&x, "Mevrouw uit Espelervaart wil naar Elsterveld; zij houdt van tuinieren", &r);
    ck_assert_int_eq(fx_rank_of(&r, "r-elster"), -1);
    ck_assert_int_eq(fx_rank_of(&r, "r-tuin"), 0);
    ck_assert(fx_says(&r, "r-tuin", "woorden uit de vraag: tuinieren"));
    for (size_t i = 0; i < r.n; i++)
        ck_assert(!strstr(r.opts[i].reasons, "elsterveld") &&
                  !strstr(r.opts[i].reasons, "espelervaart"));
    match_result_fini(&r);
    fx_fini(&x);
}
END_TEST

/* Names of team members and of residents on the map are not request words. */
START_TEST(test_names_are_not_words)
{
    struct fx x = {0};
    fx_add(&x, WT_MEMBERS, MEMBER_ID, "m-1", MEMBER_NAME, "Wouter Hiemstra", MEMBER_ROLE,
           "professional", END);
    TAL(&x, "t-gerard", ESPEL, "vervoer", "2026-01-01", TALENT_NAME, "Gerard Kuipers", END);
    text_entry(&x, "r-namen", ESPEL, "Wouter en Gerard Kuipers schenken koffie; hiemstra bakt");
    text_entry(&x, "r-koffie", ESPEL, "Koffie schenken voor de buurt");
    struct match_result r;
    rank_text(&x, "Wouter Hiemstra belde: Gerard Kuipers wil koffie schenken", &r);
    ck_assert_int_ge(fx_rank_of(&r, "r-namen"), 0); /* through koffie and schenken */
    ck_assert_str_eq(fx_opt(&r, "r-namen")->reasons, "woorden uit de vraag: koffie, schenken;"
                                                     "in Espelervaart");
    ck_assert_double_eq(fx_opt(&r, "r-namen")->score, fx_opt(&r, "r-koffie")->score);
    match_result_fini(&r);
    /* Only names in the request: nothing to go on. */
    rank_text(&x, "Wouter Hiemstra en Gerard Kuipers", &r);
    ck_assert_int_eq((int)r.n, 0);
    match_result_fini(&r);
    fx_fini(&x);
}
END_TEST

/* Stop words never count, however rare they are in the map. */
START_TEST(test_stop_words)
{
    struct fx x = {0};
    text_entry(&x, "r-1", ESPEL, "Mevrouw vraagt hulp omdat zij het niet meer weet");
    struct match_result r;
    rank_text(&x, "Mevrouw vraagt hulp omdat zij het niet meer weet", &r);
    ck_assert_int_eq((int)r.n, 0);
    match_result_fini(&r);
    fx_fini(&x);
}
END_TEST

static Suite *words_suite(void)
{
    Suite *s = suite_create("words");
    TCase *tc = tcase_create("words");
    tcase_add_loop_test(tc, test_stem_exception_pairs, 0,
                        (int)(sizeof pairs / sizeof pairs[0]));
    tcase_add_test(tc, test_area_names_are_not_words);
    tcase_add_test(tc, test_names_are_not_words);
    tcase_add_test(tc, test_stop_words);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(words_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
