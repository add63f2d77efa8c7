/* measure.c: the wellbeing measure of a case at its start and at closing, under the case's rules. */
#include <stdio.h>
#include <string.h>

#include "app_int.h"
#include "wijktafel/i18n.h"

/* 0 when the member may see case_id (and, for write, change cases); with
 * log, the look at the case is in the access log. */
static int may(struct app *a, const char *case_id, bool write, bool log, struct wt_error *err)
{
    if (write && a->readonly)
        return wt_error_set(err, WT_EPERM, _("de muur toont alleen; hier wordt niets bewaard"));
    int rc = app_allowed(a, WT_CASES, write ? APP_OP_WRITE : APP_OP_READ, err);
    if (rc)
        return rc;
    struct wt_record r;
    /* Shielded cases stay hidden. */
    rc = log ? app_get(a, WT_CASES, case_id, &r, err) : app_get_unlogged(a, WT_CASES, case_id, &r);
    if (rc == 0)
        record_fini(&r);
    else if (!log)
        return wt_error_set(err, rc, rc == WT_ENOTFOUND ? _("casus %s bestaat niet")
                                                        : _("casus %s kan niet worden gelezen"),
                            case_id);
    return rc;
}

struct measure_put {
    struct app *a;
    const char *case_id;
    enum measure_phase phase;
    const struct measure *m;
};

/* Stores the measure and logs it (ids only), in one transaction. */
static int measure_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    struct measure_put *p = ctx;
    store_measure_put(t, p->case_id, p->phase, p->m);
    struct store_log_entry e;
    app_log_fill(p->a, &e, "measure", WT_CASES, p->case_id,
                  p->phase == MEASURE_START ? "start" : "close");
    store_log_append(t, &e);
    return store_txn_error(t);
}

int app_measure_set(struct app *a, const char *case_id, enum measure_phase phase,
                    const struct measure *m, struct wt_error *err)
{
    int rc = may(a, case_id, true, true, err);
    if (rc)
        return rc;
    for (int i = 0; i < MEASURE_DOMAINS; i++)
        if (m->score[i] < 0 || m->score[i] > 5)
            return wt_error_set(err, WT_EINVAL, _("een score ligt tussen 1 en 5"));
    struct measure_put p = {a, case_id, phase, m};
    return store_write(a->store, measure_write, &p, err);
}

/* Both app_measure_get and app_measure_peek: the same rule, with or without
 * an access-log entry. */
static int measure_read(struct app *a, const char *case_id, enum measure_phase phase, bool log,
                        struct measure *out, struct wt_error *err)
{
    memset(out, 0, sizeof *out);
    int rc = may(a, case_id, false, log, err);
    if (rc || a->beamer)
        return rc; /* health data: never on the beamer or the wall (empty there) */
    struct store_txn *t;
    if ((rc = store_read_begin(a->store, &t, err)) != 0)
        return rc;
    rc = store_measure_get(t, case_id, phase, out);
    store_read_end(t);
    if (rc == WT_ENOTFOUND)
        return 0; /* none yet: empty */
    if (rc)
        return wt_error_set(err, rc, _("%s: de meting van %s kan niet worden gelezen"), a->dir,
                            case_id);
    return 0;
}

int app_measure_get(struct app *a, const char *case_id, enum measure_phase phase,
                    struct measure *out, struct wt_error *err)
{
    return measure_read(a, case_id, phase, true, out, err);
}

int app_measure_peek(struct app *a, const char *case_id, enum measure_phase phase,
                     struct measure *out, struct wt_error *err)
{
    return measure_read(a, case_id, phase, false, out, err);
}
