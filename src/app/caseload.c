/* caseload.c: each member's open and new cases per week beside the time balance, and the warning when the caseload rises while community hours fall (issue 21). */
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "policy_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"

struct load_ctx {
    struct app_balance *b;
    int32_t first;              /* the Monday of the first week counted */
    size_t nweeks;              /* weeks from first to b->to */
    struct balance_load *loads; /* b->n rows of nweeks */
    int64_t *community;         /* the same, hundredths; -1: no hours */
};

/* The row of member id in b, or -1. */
static long member_row(const struct app_balance *b, const char *id)
{
    for (size_t i = 0; i < b->n; i++)
        if (strcmp(b->m[i].id, id) == 0)
            return (long)i;
    return -1;
}

/* Adds one visible case to its owner's weeks. */
static int add_case(void *ctx, const struct wt_record *r)
{
    struct load_ctx *c = ctx;
    long row = member_row(c->b, record_get(r, CASE_OWNER));
    int32_t opened, closed = -1;
    if (row < 0 || r->damaged || date_parse(record_get(r, CASE_OPENED), &opened) != 0)
        return 0;
    if (strcmp(record_get(r, CASE_STATUS), "closed") == 0 &&
        date_parse(record_get(r, CASE_CLOSED), &closed) != 0)
        closed = opened; /* closed, nobody knows since when: new, but never counted open */
    balance_load_add(&c->loads[(size_t)row * c->nweeks], c->nweeks, c->first, opened, closed);
    return 0;
}

/* Notes one stored week's community hours in its member's row. */
static int add_hours(void *ctx, const char *member, const struct balance_week *w)
{
    struct load_ctx *c = ctx;
    long row = member_row(c->b, member);
    if (row >= 0 && w->week >= c->first && w->week <= c->b->to &&
        w->casework + w->community > 0)
        c->community[(size_t)row * c->nweeks + (size_t)((w->week - c->first) / 7)] =
            w->community;
    return 0;
}

bool app_balance_caseload_shown(const struct app *a)
{
    return policy_caseload_shown(a);
}

int app_balance_caseload(struct app *a, struct app_balance *b, struct wt_error *err)
{
    b->caseload = false;
    if (!policy_caseload_shown(a) || b->to < b->from)
        return 0;
    int32_t first = b->to - 7 * (BALANCE_SQUEEZE_WEEKS + 1); /* a week more: see below */
    first = first < b->from ? first : b->from;
    struct load_ctx c = {b, first, (size_t)((b->to - first) / 7 + 1), NULL, NULL};
    size_t cells = (b->n ? b->n : 1) * c.nweeks;
    c.loads = xcalloc(cells, sizeof *c.loads);
    c.community = xmalloc(cells * sizeof *c.community);
    for (size_t i = 0; i < cells; i++)
        c.community[i] = -1;
    int rc = app_each(a, WT_CASES, add_case, &c, err);
    struct store_txn *t = NULL;
    if (!rc && (rc = store_read_begin(a->store, &t, err)) == 0) {
        int src = store_balance_each(t, NULL, first, b->to, add_hours, &c);
        store_read_end(t);
        if (src < 0)
            rc = wt_error_set(err, src, _("%s: de uren kunnen niet worden gelezen"), a->dir);
    }
    size_t skip = (size_t)((b->from - first) / 7), shown = c.nweeks - skip;
    for (size_t i = 0; i < b->n && !rc; i++) {
        struct balance_load *row = &c.loads[i * c.nweeks];
        free(b->m[i].load);
        b->m[i].load = xmalloc(shown * sizeof *b->m[i].load);
        memcpy(b->m[i].load, row + skip, shown * sizeof *row);
        /* The current week counts once it has hours; until then (a meeting on
         * Monday) the warning looks at the weeks that are done, as the
         * under-target warning does. */
        size_t base = i * c.nweeks;
        bool now = c.community[base + c.nweeks - 1] >= 0;
        b->m[i].squeeze = balance_squeezed(row, c.community + base, now ? c.nweeks : c.nweeks - 1);
    }
    b->caseload = rc == 0;
    free(c.loads);
    free(c.community);
    return rc;
}
