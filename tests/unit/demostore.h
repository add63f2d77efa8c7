/* demostore.h: what the store-level suites over the demo share (check_caseids, check_keys,
 * check_tamper): a scratch folder with the database "demo" for each test, and the store opened
 * past the app, unlocked as a demo member. Each suite includes it once. */
#ifndef WT_TEST_DEMOSTORE_H
#define WT_TEST_DEMOSTORE_H

#include <check.h>

#include "testutil.h"
#include "wijktafel/app.h"
#include "wijktafel/store.h"

static char *tmp, *db; /* this test's scratch folder, and the database in it */

static void setup(void)
{
    tu_scratch_begin(&tmp, &db, "demo");
    store_set_helpers(0);
}

static void teardown(void)
{
    tu_scratch_end(&tmp, &db);
}

/* The store of db, unlocked as member with the demo's passphrase. */
static inline struct store *open_as(const char *member)
{
    struct store *s;
    struct wt_error e = {0};
    ck_assert_int_eq(store_open(db, NULL, &s, &e), 0);
    ck_assert_msg(store_unlock(s, member, APP_DEMO_PASSPHRASE, &e) == 0, "%s", e.text);
    return s;
}

#endif
