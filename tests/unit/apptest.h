/* apptest.h: what the Check suites over the app layer share: a database opened as a member,
 * and one suite of tests run to an exit status. */
#ifndef WIJKTAFEL_APPTEST_H
#define WIJKTAFEL_APPTEST_H

#include <check.h>
#include <stdbool.h>
#include <stddef.h>

#include "wijktafel/app.h"

/* A plain database asks no passphrase. */
static inline const char *at_no_pass(void *ctx, const char *member)
{
    (void)ctx, (void)member;
    return NULL;
}

/* Opens the plain database in db as member (the test fails when it cannot). */
static inline struct app *at_open(const char *db, const char *member, bool readonly)
{
    struct app *a;
    struct wt_error e = {0};
    struct app_opts o = {.dir = db, .as_member = member, .passphrase = at_no_pass,
                         .readonly = readonly};
    ck_assert_msg(app_open(&o, &a, &e) == 0, "%s", e.text);
    return a;
}

/* Runs the n tests as one suite called name (60 s each at most); the exit status. */
static inline int at_run(const char *name, const TTest *const *tests, size_t n)
{
    Suite *s = suite_create(name);
    TCase *tc = tcase_create(name);
    tcase_set_timeout(tc, 60);
    for (size_t i = 0; i < n; i++)
        tcase_add_test(tc, tests[i]);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}

#endif
