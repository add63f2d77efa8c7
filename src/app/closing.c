/* closing.c: the day a case was closed (cases.closed) and the day the team stepped back from a project (projects.stepped_back), kept when written on screen. */
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "wijktafel/date.h"

/* Databases from before cases.closed kept the day in meta as "closed/ID". */
static char *legacy_closing(struct store_txn *t, const char *id)
{
    char *key = xasprintf("closed/%s", id), *v = NULL;
    if (store_meta_get(t, key, &v) != 0 || date_parse(v, NULL) != 0) {
        free(v);
        v = NULL;
    }
    free(key);
    return v;
}

/* A project that moves to overdragen, zelfstandig or gestopt without the day
 * the team stepped back gets today, so that the report can count it. */
static void project_stepping_back(const struct app *a, struct wt_record *r)
{
    const char *phase = record_get(r, PROJECT_PHASE);
    if (r->v[PROJECT_STEPPED_BACK] || (strcmp(phase, "overdragen") != 0 &&
                                       strcmp(phase, "zelfstandig") != 0 &&
                                       strcmp(phase, "gestopt") != 0))
        return;
    char day[11];
    date_format(a->today, day);
    record_set(r, PROJECT_STEPPED_BACK, day);
}

void app_case_closing(struct store_txn *t, const struct app *a, struct wt_record *r)
{
    if (r->kind == WT_PROJECTS)
        project_stepping_back(a, r);
    if (r->kind != WT_CASES)
        return;
    if (strcmp(record_get(r, CASE_STATUS), "closed") != 0) {
        record_set(r, CASE_CLOSED, NULL); /* reopened: no longer closed */
        return;
    }
    if (r->v[CASE_CLOSED])
        return;
    struct wt_record old;
    if (store_get(t, WT_CASES, r->v[CASE_ID], &old) == 0 &&
        strcmp(record_get(&old, CASE_STATUS), "closed") == 0) {
        char *day = old.v[CASE_CLOSED] ? xstrdup(old.v[CASE_CLOSED])
                                       : legacy_closing(t, r->v[CASE_ID]);
        record_set(r, CASE_CLOSED, day);
        free(day);
    }
    record_fini(&old);
    if (!r->v[CASE_CLOSED]) {
        char day[11];
        date_format(a->today, day);
        record_set(r, CASE_CLOSED, day);
    }
}

int app_case_closed_day(struct store_txn *t, const struct wt_record *r, int32_t *day)
{
    if (r->v[CASE_CLOSED])
        return date_parse(r->v[CASE_CLOSED], day) == 0 ? 0 : WT_ENOTFOUND;
    char *v = legacy_closing(t, r->v[CASE_ID]);
    int rc = v && date_parse(v, day) == 0 ? 0 : WT_ENOTFOUND;
    free(v);
    return rc;
}
