/* undo.c: the member's last change in this app session, and undoing it through the normal
 * write path (z on the screen). One level: what was undone is not undone again. */
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "policy_int.h"
#include "wijktafel/i18n.h"

void app_undo_stage(struct store_txn *t, struct app_undo *u, enum wt_kind kind, const char *id)
{
    app_undo_fini(u); /* the write may be replayed */
    u->kind = kind;
    snprintf(u->id, sizeof u->id, "%s", id ? id : "");
    int rc = store_get(t, kind, u->id, &u->before);
    u->created = rc == WT_ENOTFOUND;
    u->have_before = rc == 0;
    if (rc)
        record_fini(&u->before);
    u->set = rc == 0 || rc == WT_ENOTFOUND;
}

void app_undo_created(struct app_undo *u, enum wt_kind kind, const char *id)
{
    app_undo_fini(u);
    u->kind = kind;
    snprintf(u->id, sizeof u->id, "%s", id);
    u->created = u->set = true;
}

void app_undo_fini(struct app_undo *u)
{
    if (u->have_before)
        record_fini(&u->before);
    memset(u, 0, sizeof *u);
}

void app_undo_keep(struct app *a, struct app_undo *u)
{
    if (!u->set || !u->id[0]) {
        app_undo_fini(u);
        return;
    }
    if (!a->undo)
        a->undo = xcalloc(1, sizeof *a->undo);
    app_undo_fini(a->undo);
    *a->undo = *u;
    memset(u, 0, sizeof *u); /* the record moved into a->undo */
}

void app_undo_free(struct app *a)
{
    if (a->undo)
        app_undo_fini(a->undo);
    free(a->undo);
    a->undo = NULL;
}

bool app_can_undo(const struct app *a)
{
    return a->undo && a->undo->set;
}

/* The column that says what a record is, in a few words. */
static int label_col(enum wt_kind kind)
{
    switch (kind) {
    case WT_ACTIONS: return ACTION_TEXT;
    case WT_CASES: return CASE_REQUEST;
    case WT_SIGNALS: return SIGNAL_TEXT;
    case WT_RESOURCES: return RESOURCE_NAME;
    case WT_TALENTS: return TALENT_NAME;
    case WT_PROJECTS: return PROJECT_NAME;
    case WT_PARTNERS: return PARTNER_NAME;
    default: return 0;
    }
}

struct remove_ctx {
    struct app *a;
    const struct app_undo *u;
};

/* A record this session made goes again: deleted (a tombstone for bundles)
 * and logged, in one write. */
static int remove_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct remove_ctx *c = ctx;
    char *owner = NULL; /* an action's: its volunteer's copy goes too */
    if (c->u->kind == WT_ACTIONS) {
        struct wt_record r;
        if (store_get(t, WT_ACTIONS, c->u->id, &r) == 0)
            owner = xstrdup(record_get(&r, ACTION_OWNER));
        record_fini(&r);
    }
    int rc = policy_del(t, c->u->kind, c->u->id);
    if (rc == 0 && owner)
        app_owned_drop(t, c->a, owner, c->u->id);
    free(owner);
    if (rc == WT_ENOTFOUND)
        return wt_error_set(err, rc, _("%s %s bestaat niet meer"),
                            record_kind(c->u->kind)->name, c->u->id);
    struct store_log_entry e;
    app_log_fill(c->a, &e, "undo", c->u->kind, c->u->id, "remove");
    store_log_append(t, &e);
    return store_txn_error(t);
}

int app_undo(struct app *a, struct app_undone *out, struct wt_error *err)
{
    memset(out, 0, sizeof *out);
    if (!app_can_undo(a))
        return wt_error_set(err, WT_ENOTFOUND, _("Er is niets om ongedaan te maken"));
    struct app_undo *u = a->undo;
    out->kind = u->kind;
    snprintf(out->id, sizeof out->id, "%s", u->id);
    out->removed = u->created;
    struct wt_record now;
    const char *label = NULL;
    bool have_now = app_get_unlogged(a, u->kind, u->id, &now) == 0;
    if (!have_now)
        record_fini(&now);
    label = u->have_before ? record_get(&u->before, label_col(u->kind))
            : have_now     ? record_get(&now, label_col(u->kind))
                           : "";
    out->label = app_shown_text(a, label);
    if (have_now)
        record_fini(&now);
    int rc;
    if (u->created) {
        if ((rc = app_allowed(a, u->kind, APP_OP_WRITE, err)) == 0) {
            struct remove_ctx c = {a, u};
            rc = store_write(a->store, remove_write, &c, err);
        }
    } else {
        /* The version before, through the same path as every change: roles,
         * validation, references, the closing day, the access log. */
        struct wt_record r;
        record_copy(&r, &u->before);
        rc = app_put(a, &r, err);
        record_fini(&r);
        if (rc == 0) /* u now holds app_put's own undo record: out names the record */
            app_log(a, "undo", out->kind, out->id, "restore");
    }
    if (rc == 0)
        app_undo_free(a); /* one level: the undo itself is not undone */
    else {
        free(out->label);
        out->label = NULL;
    }
    return rc;
}

void app_undone_fini(struct app_undone *d)
{
    free(d->label);
    d->label = NULL;
}
