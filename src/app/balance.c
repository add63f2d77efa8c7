/* balance.c: the time balance use case: members' weekly hours, targets, and the team's view of them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"

/* 0 when the member may record hours (or a target) for member; leaders for
 * anyone, others for themselves; nothing on the wall. */
static int may_write_for(const struct app *a, const char *member, bool target,
                         struct wt_error *err)
{
    if (a->readonly)
        return wt_error_set(err, WT_EPERM, _("de muur toont alleen; hier wordt niets bewaard"));
    if (a->role == APP_LEADER)
        return 0;
    if (target)
        return wt_error_set(err, WT_EPERM, _("alleen een leider mag het doel van een lid zetten"));
    if (strcmp(member, record_get(&a->member, MEMBER_ID)) != 0)
        return wt_error_set(err, WT_EPERM, _("u mag alleen uw eigen uren invullen"));
    return 0;
}

struct put_ctx {
    const struct app *a;
    const char *member;
    struct balance_week w;
    int target; /* -2: no change of target */
};

/* Stores the week or the target and logs it, in one transaction. */
static int put_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct put_ctx *p = ctx;
    if (!store_exists(t, WT_MEMBERS, p->member))
        return wt_error_set(err, WT_ENOTFOUND, _("lid %s bestaat niet"), p->member);
    if (p->target == -2)
        store_balance_put(t, p->member, &p->w);
    else
        store_balance_target_put(t, p->member, p->target);
    struct store_log_entry e;
    app_log_fill(p->a, &e, p->target == -2 ? "balance" : "balance-target", WT_MEMBERS,
                  p->member, NULL);
    store_log_append(t, &e);
    return store_txn_error(t);
}

int app_balance_record(struct app *a, const char *member, int32_t day, uint32_t casework,
                       uint32_t community, struct wt_error *err)
{
    int rc = may_write_for(a, member, false, err);
    if (rc)
        return rc;
    struct put_ctx p = {a, member, {balance_monday(day), casework, community}, -2};
    return store_write(a->store, put_write, &p, err);
}

int app_balance_set_target(struct app *a, const char *member, int percent, struct wt_error *err)
{
    int rc = may_write_for(a, member, true, err);
    if (rc)
        return rc;
    if (percent > 100)
        return wt_error_set(err, WT_EINVAL, _("een doel ligt tussen 0 en 100 %%"));
    struct put_ctx p = {a, member, {0, 0, 0}, percent < 0 ? -1 : percent};
    return store_write(a->store, put_write, &p, err);
}

struct load_ctx {
    struct app *a;
    struct app_balance *b;
};

/* Adds a member row for every member this member may see the hours of. */
static int add_member(void *ctx, const struct wt_record *r)
{
    struct load_ctx *c = ctx;
    const char *id = r->v[MEMBER_ID], *me = record_get(&c->a->member, MEMBER_ID);
    bool self = strcmp(id, me) == 0;
    if (c->a->role == APP_VOLUNTEER && !self)
        return 0; /* volunteers see only their own hours */
    if (!self && strcmp(record_get(r, MEMBER_ROLE), "volunteer") == 0)
        return 0; /* volunteers' hours are their own */
    struct app_balance *b = c->b;
    b->m = xrealloc(b->m, (b->n + 1) * sizeof *b->m);
    struct app_balance_member *m = &b->m[b->n++];
    memset(m, 0, sizeof *m);
    snprintf(m->id, sizeof m->id, "%s", id);
    m->name = xstrdup(record_get(r, MEMBER_NAME));
    m->target = balance_default_target(r->v[MEMBER_DISCIPLINE]);
    return 0;
}

/* Adds one stored week to its member's row (weeks of members not shown are skipped). */
static int add_week(void *ctx, const char *member, const struct balance_week *w)
{
    struct app_balance *b = ctx;
    for (size_t i = 0; i < b->n; i++) {
        struct app_balance_member *m = &b->m[i];
        if (strcmp(m->id, member) != 0)
            continue;
        m->weeks = xrealloc(m->weeks, (m->n + 1) * sizeof *m->weeks);
        m->weeks[m->n++] = *w;
        m->casework += w->casework;
        m->community += w->community;
    }
    return 0;
}

int app_balance_get(struct app *a, int32_t from, int32_t to, struct app_balance *out,
                    struct wt_error *err)
{
    memset(out, 0, sizeof *out);
    out->from = balance_monday(from);
    out->to = balance_monday(to);
    struct load_ctx c = {a, out};
    int rc = app_each(a, WT_MEMBERS, add_member, &c, err);
    if (rc)
        return rc;
    struct store_txn *t;
    if ((rc = store_read_begin(a->store, &t, err)) != 0)
        return rc;
    for (size_t i = 0; i < out->n && !rc; i++) {
        int pct;
        if (store_balance_target_get(t, out->m[i].id, &pct) == 0)
            out->m[i].target = pct;
    }
    rc = store_balance_each(t, NULL, out->from, out->to, add_week, out);
    store_read_end(t);
    if (rc < 0)
        return wt_error_set(err, rc, _("%s: de uren kunnen niet worden gelezen"), a->dir);
    /* The current week counts once it has hours; until then (a meeting on
     * Monday) the warning looks at the weeks that are done. */
    for (size_t i = 0; i < out->n; i++) {
        int32_t last = app_balance_week(&out->m[i], out->to) ? out->to : out->to - 7;
        out->m[i].warn = balance_under_target(out->m[i].weeks, out->m[i].n, last,
                                              out->m[i].target);
    }
    return 0;
}

void app_balance_fini(struct app_balance *b)
{
    for (size_t i = 0; i < b->n; i++) {
        free(b->m[i].name);
        free(b->m[i].weeks);
        free(b->m[i].load);
    }
    free(b->m);
    memset(b, 0, sizeof *b);
}

const struct balance_week *app_balance_week(const struct app_balance_member *m, int32_t week)
{
    for (size_t i = 0; i < m->n; i++)
        if (m->weeks[i].week == week)
            return &m->weeks[i];
    return NULL;
}
