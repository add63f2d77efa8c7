/* access.c: the role rules every path passes, and the access log (NEN 7513) written through the store. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app_int.h"
#include "dump_int.h"
#include "wijktafel/i18n.h"

static bool case_data(enum wt_kind kind)
{
    return kind == WT_CASES || kind == WT_ACTIONS;
}

static bool volunteer_input(enum wt_kind kind)
{
    return kind == WT_SIGNALS || kind == WT_RESOURCES || kind == WT_TALENTS ||
           kind == WT_PROJECTS || kind == WT_PARTNERS;
}

/* The kind as the interface says it, plural ("casussen"). */
static const char *kind_plural(enum wt_kind kind)
{
    switch (kind) {
    case WT_MEMBERS: return _("leden");
    case WT_CASES: return _("casussen");
    case WT_SIGNALS: return _("signalen");
    case WT_RESOURCES: return _("items van de sociale kaart");
    case WT_TALENTS: return _("talenten");
    case WT_ACTIONS: return _("actiepunten");
    case WT_PROJECTS: return _("projecten");
    case WT_PARTNERS: return _("partners");
    default: return record_kind(kind)->name;
    }
}

int app_allowed(const struct app *a, enum wt_kind kind, enum app_op op, struct wt_error *err)
{
    const char *name = kind_plural(kind);
    if (a->role == APP_LEADER)
        return 0;
    if (kind == WT_MEMBERS && op != APP_OP_READ)
        return wt_error_set(err, WT_EPERM, _("alleen een leider mag leden %s"),
                            op == APP_OP_EXPORT ? _("exporteren") : _("beheren"));
    if (a->role == APP_PROFESSIONAL)
        return 0;
    /* Volunteers: a new care request from a first intake goes to review. */
    if (kind == WT_CASES && op == APP_OP_CREATE)
        return 0;
    if (case_data(kind))
        return wt_error_set(err, WT_EPERM,
                            _("alleen leiders en professionals mogen %s zien of wijzigen"), name);
    if (op == APP_OP_READ || op == APP_OP_EXPORT || volunteer_input(kind))
        return 0;
    return wt_error_set(err, WT_EPERM, _("alleen leiders en professionals mogen %s wijzigen"),
                        name);
}

bool app_goes_to_review(const struct app *a, enum wt_kind kind)
{
    return a->role == APP_VOLUNTEER && (volunteer_input(kind) || kind == WT_CASES);
}

bool app_may(const struct app *a, enum wt_kind kind, enum app_op op)
{
    return app_allowed(a, kind, op, NULL) == 0;
}

bool app_decides(const struct app *a)
{
    return a->role == APP_LEADER;
}

bool app_has_review_item(const struct app *a)
{
    return a->role != APP_PROFESSIONAL;
}

int app_leader_only(const struct app *a, const char *what, struct wt_error *err)
{
    if (a->role == APP_LEADER)
        return 0;
    return wt_error_set(err, WT_EPERM, _("alleen een leider mag %s"), what);
}

void app_log_fill(const struct app *a, struct store_log_entry *e, const char *action,
                  enum wt_kind kind, const char *id, const char *detail)
{
    memset(e, 0, sizeof *e);
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(e->time, sizeof e->time, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(e->member, sizeof e->member, "%s", record_get(&a->member, MEMBER_ID));
    snprintf(e->behalf, sizeof e->behalf, "%s", a->team ? a->team : "");
    snprintf(e->path, sizeof e->path, "%s", a->path ? a->path : "scherm");
    snprintf(e->action, sizeof e->action, "%s", action);
    snprintf(e->kind, sizeof e->kind, "%s", (int)kind >= 0 ? record_kind(kind)->name : "");
    snprintf(e->id, sizeof e->id, "%s", id ? id : "");
    snprintf(e->detail, sizeof e->detail, "%s", detail ? detail : "");
}

struct log_batch {
    struct app *a;
    const char *action;
    enum wt_kind kind;
    const char *const *ids;
    size_t n;
    const char *detail;
};

static int log_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    struct log_batch *b = ctx;
    size_t n = b->n ? b->n : 1;
    struct store_log_entry *es = xmalloc(n * sizeof *es);
    app_log_fill(b->a, &es[0], b->action, b->kind, NULL, b->detail);
    for (size_t i = 0; i < n; i++) {
        es[i] = es[0];
        if (b->n)
            snprintf(es[i].id, sizeof es[i].id, "%s", b->ids[i]);
    }
    store_log_append_many(t, es, n);
    free(es);
    return store_txn_error(t);
}

int app_log_ids(struct app *a, const char *action, enum wt_kind kind, const char *const *ids,
                size_t n, const char *detail)
{
    if ((n == 0 && ids) || a->readonly || a->restoring)
        return 0; /* the wall shows what the chair opened, and logged */
    struct log_batch b = {a, action, kind, ids, n, detail};
    /* A reader does not wait for a long import: after a short while the
     * entries go to the spool, and the next write moves them into the log. */
    int rc = store_write_wait(a->store, 250, log_write, &b, NULL);
    if (rc == WT_EBUSY) {
        size_t cnt = n ? n : 1;
        struct store_log_entry *es = xmalloc(cnt * sizeof *es);
        app_log_fill(a, &es[0], action, kind, NULL, detail);
        for (size_t i = 0; i < cnt; i++) {
            es[i] = es[0];
            if (n)
                snprintf(es[i].id, sizeof es[i].id, "%s", ids[i]);
        }
        rc = store_log_spool(a->store, es, cnt, NULL);
        free(es);
    }
    return rc;
}

int app_log(struct app *a, const char *action, enum wt_kind kind, const char *id,
            const char *detail)
{
    const char *ids[1] = {id};
    return app_log_ids(a, action, kind, id ? ids : NULL, id ? 1 : 0, detail);
}

struct log_filter {
    const char *case_id, *member;
    app_log_fn fn;
    void *ctx;
};

static int log_match(void *ctx, const struct store_log_entry *e)
{
    struct log_filter *f = ctx;
    if (f->case_id && (strcmp(e->kind, "cases") != 0 || strcmp(e->id, f->case_id) != 0))
        return 0;
    if (f->member && strcmp(e->member, f->member) != 0)
        return 0;
    struct app_log_entry out = {.seq = e->seq};
    snprintf(out.time, sizeof out.time, "%s", e->time);
    snprintf(out.member, sizeof out.member, "%s", e->member);
    snprintf(out.behalf, sizeof out.behalf, "%s", e->behalf);
    snprintf(out.path, sizeof out.path, "%s", e->path);
    snprintf(out.action, sizeof out.action, "%s", e->action);
    snprintf(out.kind, sizeof out.kind, "%s", e->kind);
    snprintf(out.id, sizeof out.id, "%s", e->id);
    snprintf(out.detail, sizeof out.detail, "%s", e->detail);
    return f->fn(f->ctx, &out);
}

int app_log_read(struct app *a, const char *case_id, const char *member, app_log_fn fn,
                 void *ctx, struct wt_error *err)
{
    int rc = app_leader_only(a, _("het toegangslog lezen"), err);
    if (rc)
        return rc;
    /* Reading the log is itself an event, logged before the reading. */
    char detail[80];
    snprintf(detail, sizeof detail, "%s%s%s%s", case_id ? "casus " : "", case_id ? case_id : "",
             member ? " lid " : "", member ? member : "");
    app_log(a, "log-read", APP_NO_KIND, NULL, detail);
    struct store_txn *t;
    if ((rc = store_read_begin(a->store, &t, err)) != 0)
        return rc;
    struct log_filter f = {case_id, member, fn, ctx};
    struct dump_restored r; /* damaged: check says so; the log is still read */
    if (dump_restored_get(t, &r) == 0 && !case_id && (!member || strcmp(member, r.member) == 0)) {
        struct app_log_entry first;
        dump_restored_entry(&r, &first);
        rc = fn(ctx, &first);
    }
    if (!rc)
        rc = store_log_each(t, log_match, &f);
    store_read_end(t);
    if (rc < 0)
        return wt_error_set(err, rc, _("%s: het toegangslog kan niet worden gelezen"), a->dir);
    return 0;
}
