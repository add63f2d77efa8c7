/* check_ui_damaged.c: a damaged stored value shows as "beschadigd" on screen and the meeting goes
 * on; export refuses it and check names it. */
#include <lmdb.h>
#include <stdlib.h>
#include <string.h>

#include "uitest.h"

/* Flips one byte in the middle of the stored value of signals/id. */
static int damage(const char *db, const char *id)
{
    MDB_env *env;
    MDB_txn *txn;
    MDB_dbi dbi;
    if (mdb_env_create(&env) || mdb_env_set_maxdbs(env, 32) || mdb_env_open(env, db, 0, 0600))
        return -1;
    int rc = mdb_txn_begin(env, NULL, 0, &txn);
    if (!rc)
        rc = mdb_dbi_open(txn, "signals", 0, &dbi);
    MDB_val k = {strlen(id), (void *)id}, v;
    if (!rc)
        rc = mdb_get(txn, dbi, &k, &v);
    if (!rc) {
        unsigned char *c = malloc(v.mv_size);
        memcpy(c, v.mv_data, v.mv_size);
        c[v.mv_size / 2] ^= 0x10;
        MDB_val nv = {v.mv_size, c};
        rc = mdb_put(txn, dbi, &k, &nv, 0);
        free(c);
    }
    rc = rc ? (mdb_txn_abort(txn), rc) : mdb_txn_commit(txn);
    mdb_env_close(env);
    return rc;
}

static int test_damaged_signal(void)
{
    const char *home = ut_setup();
    CHECK(NULL, ut_run(NULL, NULL, "--demo", "check", NULL) == 0);
    char db[512];
    snprintf(db, sizeof db, "%s/wijktafel/demo", getenv("XDG_CACHE_HOME"));
    (void)home;
    /* The most recent signal, so that it is on the first screen of the list. */
    char *csv = NULL;
    CHECK(NULL, ut_run(&csv, NULL, "--demo", "export", "signals", NULL) == 0);
    char **dates, **ids;
    size_t n = ut_csv_column(csv, "date", &dates), m = ut_csv_column(csv, "id", &ids);
    CHECK(NULL, n == m && n > 2);
    size_t newest = 0;
    for (size_t i = 1; i < n; i++)
        if (strcmp(dates[i], dates[newest]) > 0)
            newest = i;
    char victim[64];
    snprintf(victim, sizeof victim, "%s", ids[newest]);
    ut_free_list(dates, n);
    ut_free_list(ids, m);
    free(csv);
    CHECK(NULL, damage(db, victim) == 0);

    struct vt_term *t = ut_start(60, 200, "--demo", NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_key(t, "3") == 0);
    CHECK(t, ut_wait(t, "[beschadigd]") == 0);
    CHECK(t, vt_contains(t, victim));
    /* The meeting goes on: the other items still work, and so does quitting. */
    CHECK(t, ut_key(t, "4") == 0);
    CHECK(t, ut_key(t, "2") == 0);
    CHECK(t, ut_wait(t, "Casussen") == 0);
    CHECK(t, ut_key(t, "q") == 0);
    int st;
    CHECK(NULL, vt_close(t, &st, UT_TIMEOUT) == 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0);

    /* Export does not pass it off as whole; check names it. */
    char *out = NULL;
    CHECK(NULL, ut_run(&out, NULL, "--demo", "export", "signals", NULL) == 74);
    free(out);
    out = NULL;
    CHECK(NULL, ut_run(&out, NULL, "--demo", "check", NULL) == 74);
    char want[80];
    snprintf(want, sizeof want, "signals/%s", victim);
    CHECK(NULL, out && strstr(out, want));
    free(out);
    ut_teardown();
    return 0;
}

int main(void)
{
    int rc = test_damaged_signal();
    printf("%d passed, %d failed\n", rc == 0, rc != 0);
    return rc == 0 ? 0 : 1;
}
