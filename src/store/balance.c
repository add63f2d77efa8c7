/* balance.c: members' weekly hours and targets ("balance/..."), and cases' wellbeing measures ("measure/..."), in meta. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/date.h"

/* Keys: "balance/week/MEMBER/YYYY-MM-DD" -> "CASEWORK;COMMUNITY" (hundredths
 * of an hour), "balance/target/MEMBER" -> percent. Member ids cannot hold '/'. */

int store_balance_put(struct store_txn *t, const char *member, const struct balance_week *w)
{
    char day[11], key[80], val[32];
    date_format(w->week, day);
    snprintf(key, sizeof key, "balance/week/%s/%s", member, day);
    if (w->casework == 0 && w->community == 0)
        return store_meta_del(t, key);
    snprintf(val, sizeof val, "%u;%u", (unsigned)w->casework, (unsigned)w->community);
    return store_meta_put(t, key, val);
}

struct week_walk {
    int32_t from, to;
    store_balance_fn fn;
    void *ctx;
};

/* Parses one week key and value and passes it on when it lies in the window;
 * keys that do not parse are skipped. */
static int week_one(void *ctx, const char *key, const char *value)
{
    struct week_walk *ww = ctx;
    const char *member = key + strlen("balance/week/");
    const char *slash = strrchr(member, '/');
    if (!slash || (size_t)(slash - member) > WT_MAX_ID)
        return 0; /* not ours: skipped */
    char id[WT_MAX_ID + 1];
    snprintf(id, sizeof id, "%.*s", (int)(slash - member), member);
    struct balance_week w;
    unsigned cw, cb;
    if (date_parse(slash + 1, &w.week) != 0 || sscanf(value, "%u;%u", &cw, &cb) != 2)
        return 0;
    if (w.week < ww->from || w.week > ww->to)
        return 0;
    w.casework = cw;
    w.community = cb;
    return ww->fn(ww->ctx, id, &w);
}

int store_balance_each(struct store_txn *t, const char *member, int32_t from, int32_t to,
                       store_balance_fn fn, void *ctx)
{
    char prefix[64];
    snprintf(prefix, sizeof prefix, "balance/week/%s%s", member ? member : "", member ? "/" : "");
    struct week_walk ww = {from, to, fn, ctx};
    return store_meta_each(t, prefix, week_one, &ww);
}

int store_balance_target_put(struct store_txn *t, const char *member, int percent)
{
    char key[64], val[8];
    snprintf(key, sizeof key, "balance/target/%s", member);
    if (percent < 0)
        return store_meta_del(t, key);
    snprintf(val, sizeof val, "%d", percent > 100 ? 100 : percent);
    return store_meta_put(t, key, val);
}

int store_balance_target_get(struct store_txn *t, const char *member, int *percent)
{
    char key[64], *val = NULL;
    snprintf(key, sizeof key, "balance/target/%s", member);
    int rc = store_meta_get(t, key, &val);
    if (rc == 0) {
        *percent = atoi(val);
        free(val);
    }
    return rc;
}

int store_balance_forget(struct store_txn *t, const char *member)
{
    char prefix[64];
    snprintf(prefix, sizeof prefix, "balance/week/%s/", member);
    int rc = store_meta_del_prefix(t, prefix);
    return rc ? rc : store_balance_target_put(t, member, -1);
}

/* --- Wellbeing measures: "measure/CASE/start" and "measure/CASE/close",
 * sealed with the case data key on an encrypted database (meta.c). --- */

/* The meta key of case_id's measure of phase. */
static void measure_key(char out[64], const char *case_id, enum measure_phase phase)
{
    snprintf(out, 64, "measure/%s/%s", case_id, phase == MEASURE_START ? "start" : "close");
}

int store_measure_put(struct store_txn *t, const char *case_id, enum measure_phase phase,
                      const struct measure *m)
{
    char key[64], val[16];
    measure_key(key, case_id, phase);
    if (measure_empty(m))
        return store_meta_del(t, key);
    measure_format(m, val);
    return store_meta_put(t, key, val);
}

int store_measure_get(struct store_txn *t, const char *case_id, enum measure_phase phase,
                      struct measure *out)
{
    char key[64], *val = NULL;
    measure_key(key, case_id, phase);
    memset(out, 0, sizeof *out);
    int rc = store_meta_get(t, key, &val);
    if (rc == 0 && measure_parse(val, out) != 0)
        rc = WT_ECORRUPT;
    free(val);
    return rc;
}

int store_measure_forget(struct store_txn *t, const char *case_id)
{
    char key[64];
    measure_key(key, case_id, MEASURE_START);
    int rc = store_meta_del(t, key);
    measure_key(key, case_id, MEASURE_CLOSE);
    return rc ? rc : store_meta_del(t, key);
}
