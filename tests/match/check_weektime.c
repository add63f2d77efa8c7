/* check_weektime.c: unit tests of reading schedules and availability as parts of the week. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wijktafel/error.h"
#include "wijktafel/weektime.h"

/* Parts of the week written as "ma:oma do:a": a day and its parts
 * (o morning, m afternoon, a evening). */
static uint32_t slots_of(const char *spec)
{
    static const char *const days[] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
    uint32_t s = 0;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", spec);
    for (char *t = strtok(buf, " "); t; t = strtok(NULL, " ")) {
        char *colon = strchr(t, ':');
        ck_assert_ptr_nonnull(colon);
        *colon = '\0';
        int d = -1;
        for (int i = 0; i < 7; i++)
            if (strcmp(t, days[i]) == 0)
                d = i;
        ck_assert_int_ge(d, 0);
        for (const char *p = colon + 1; *p; p++)
            s |= WEEKTIME_BIT(d, *p == 'o' ? 0 : *p == 'm' ? 1 : 2);
    }
    return s;
}

static const struct {
    const char *text, *want; /* want NULL: all of the week */
} good[] = {
    {"do 17:30, wekelijks", "do:a"},
    {"ma en do 15:30", "ma:m do:m"},
    {"dagelijks", NULL},
    {"op afspraak", NULL},
    {"in overleg", NULL},
    {"1x per week, in overleg", NULL},
    {"do 17:30-19:30", "do:a"},
    {"om de week wo 10:00-12:00", "wo:o"},
    {"eerste di van de maand 14:00-16:00", "di:m"},
    {"di en za 10:00-13:00", "di:om za:om"},
    {"wo 14:00 en za 9:30", "wo:m za:o"},
    {"ma-do 9:00-12:00", "ma:o di:o wo:o do:o"},
    {"2e di van de maand 20:00", "di:a"},
    {"ma-za 7:30-18:30, elk uur", "ma:oma di:oma wo:oma do:oma vr:oma za:oma"},
    {"ochtenden", "ma:o di:o wo:o do:o vr:o za:o zo:o"},
    {"middagen", "ma:m di:m wo:m do:m vr:m za:m zo:m"},
    {"Avonden", "ma:a di:a wo:a do:a vr:a za:a zo:a"},
    {"doordeweeks", "ma:oma di:oma wo:oma do:oma vr:oma"},
    {"weekend", "za:oma zo:oma"},
    {"di en do middagen", "di:m do:m"},
    {"ma t/m wo overdag", "ma:om di:om wo:om"},
    {"do-avond en za", "do:a za:oma"},
    {"ma- en wo-middag na school", "ma:m wo:m"},
    {"di- en do-ochtend", "di:o do:o"},
    {"doordeweeks avonden", "ma:a di:a wo:a do:a vr:a"},
    {"ochtenden en weekend", "ma:o di:o wo:o do:o vr:o za:oma zo:oma"},
    {"woensdagmiddag", "wo:m"},
    {"zaterdagen", "za:oma"},
    {"'s avonds", "ma:a di:a wo:a do:a vr:a za:a zo:a"},
    {"schooltijden", "ma:om di:om wo:om do:om vr:om"},
    {"vr-zo", "vr:oma za:oma zo:oma"},
    {"DO 17.30", "do:a"},
    {"za 11:59-12:00", "za:o"},
};

START_TEST(test_parse_good)
{
    size_t i = (size_t)_i;
    uint32_t s = 1;
    ck_assert_msg(weektime_parse(good[i].text, &s) == 0, "%s not read", good[i].text);
    uint32_t want = good[i].want ? slots_of(good[i].want) : WEEKTIME_ALL;
    ck_assert_msg(s == want, "%s: %#x, want %#x", good[i].text, (unsigned)s, (unsigned)want);
}
END_TEST

/* Odd input: unknown (0) and an error, never a guess. */
static const char *const bad[] = {
    "",
    "   ",
    "via huisarts of praktijkondersteuner",
    "avondrondes en app-groep",
    "wekelijks",
    "op indicatie",
    "ma 25:00",
    "do 17:75",
    "maandagochtendje",
    "één keer per maand",
    "zondagmiddagen-achtig",
    "ma;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;; xyz",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
};

START_TEST(test_parse_bad)
{
    size_t i = (size_t)_i;
    uint32_t s = 5;
    ck_assert_msg(weektime_parse(bad[i], &s) == WT_EINVAL, "%s was read", bad[i]);
    ck_assert_int_eq(s, 0);
}
END_TEST

START_TEST(test_parse_null)
{
    uint32_t s = 5;
    ck_assert_int_eq(weektime_parse(NULL, &s), WT_EINVAL);
    ck_assert_int_eq(s, 0);
}
END_TEST

static Suite *weektime_suite(void)
{
    Suite *s = suite_create("weektime");
    TCase *tc = tcase_create("parse");
    tcase_add_loop_test(tc, test_parse_good, 0, (int)(sizeof good / sizeof good[0]));
    tcase_add_loop_test(tc, test_parse_bad, 0, (int)(sizeof bad / sizeof bad[0]));
    tcase_add_test(tc, test_parse_null);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(weektime_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
