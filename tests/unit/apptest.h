/* apptest.h: what the Check suites over the app layer share: a database opened as a member,
 * and one suite of tests run to an exit status. */
#ifndef WIJKTAFEL_APPTEST_H
#define WIJKTAFEL_APPTEST_H

#include <check.h>
#include <stdbool.h>
#include <stddef.h>

#include "testutil.h"
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
    const struct tu_suite s = {.name = name, .timeout = 60};
    return tu_run(&s, tests, n);
}

#endif
