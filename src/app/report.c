/* report.c: the report use case: the period's figures over what the member may see. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"

struct report_feed {
    struct report_input *rep;
    struct themes_input *themes;
    struct report_network_input *net;
    char **case_ids; /* the visible cases, for their measures */
    size_t n_cases;
};

/* Gives one visible record to both counters and notes a case's id; never fails. */
static int feed_one(void *ctx, const struct wt_record *r)
{
    struct report_feed *f = ctx;
    report_input_add(f->rep, r);
    themes_input_add(f->themes, r);
    report_network_input_add(f->net, r);
    if (r->kind == WT_CASES) {
        f->case_ids = xrealloc(f->case_ids, (f->n_cases + 1) * sizeof *f->case_ids);
        f->case_ids[f->n_cases++] = xstrdup(r->v[CASE_ID]);
    }
    return 0;
}

/* Adds the measures of the visible cases (the input keeps those of the period). */
static int feed_measures(struct app *a, struct report_feed *f, struct wt_error *err)
{
    struct store_txn *t = NULL;
    int rc = store_read_begin(a->store, &t, err);
    for (size_t i = 0; i < f->n_cases && !rc; i++)
        for (int p = MEASURE_START; p <= MEASURE_CLOSE && !rc; p++) {
            struct measure m;
            int grc = store_measure_get(t, f->case_ids[i], (enum measure_phase)p, &m);
            if (grc == 0)
                report_input_add_measure(f->rep, f->case_ids[i], (enum measure_phase)p, &m);
            else if (grc != WT_ENOTFOUND)
                rc = wt_error_set(err, grc, _("%s: de meting van %s kan niet worden gelezen"),
                                  a->dir, f->case_ids[i]);
        }
    if (t)
        store_read_end(t);
    return rc;
}

int app_report(struct app *a, int32_t from, int32_t to, struct app_report *out,
               struct wt_error *err)
{
    memset(out, 0, sizeof *out);
    /* The report is about the team's cases: a volunteer, who may not see
     * cases, gets none of it (exit 77), rather than a report that would look
     * complete but miss the requests. */
    int rc = app_allowed(a, WT_CASES, APP_OP_EXPORT, err);
    if (rc)
        return rc;
    struct report_feed f = {report_input_new(from, to), themes_input_new(from, to),
                            report_network_input_new(from, to), NULL, 0};
    rc = app_each(a, WT_RESOURCES, feed_one, &f, err);
    if (!rc)
        rc = app_each(a, WT_CASES, feed_one, &f, err);
    if (!rc)
        rc = app_each(a, WT_SIGNALS, feed_one, &f, err);
    if (!rc)
        rc = app_each(a, WT_PROJECTS, feed_one, &f, err);
    if (!rc)
        rc = app_each(a, WT_PARTNERS, feed_one, &f, err);
    if (!rc)
        rc = feed_measures(a, &f, err);
    for (size_t i = 0; i < f.n_cases; i++)
        free(f.case_ids[i]);
    free(f.case_ids);
    if (!rc) {
        report_compute(f.rep, &out->r);
        themes_compute(f.themes, 2, &out->themes);
        report_network_compute(f.net, &out->network);
    }
    report_input_free(f.rep);
    themes_input_free(f.themes);
    report_network_input_free(f.net);
    if (rc)
        return rc;
    if ((rc = app_balance_get(a, from, to, &out->balance, err)) == 0)
        rc = app_rounds_list(a, from, to, &out->rounds, &out->nrounds, err);
    if (rc) {
        app_report_fini(out);
        return rc;
    }
    char d1[11], d2[11], detail[40];
    date_format(from, d1);
    date_format(to, d2);
    snprintf(detail, sizeof detail, "%s..%s", d1, d2);
    app_log(a, "report", APP_NO_KIND, NULL, detail);
    return 0;
}

void app_report_fini(struct app_report *rep)
{
    report_fini(&rep->r);
    themes_fini(&rep->themes);
    report_network_fini(&rep->network);
    app_balance_fini(&rep->balance);
    app_rounds_free(rep->rounds, rep->nrounds);
    memset(rep, 0, sizeof *rep);
}
