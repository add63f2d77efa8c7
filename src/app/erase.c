/* erase.c: retention and erasure: a resident's case and all that points at it, beyond recovery. */
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "policy_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"

struct idvec {
    char (*ids)[WT_MAX_ID + 1];
    size_t n, cap;
};

static int push_id(void *ctx, const char *id)
{
    struct idvec *v = ctx;
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 16;
        v->ids = xrealloc(v->ids, v->cap * sizeof *v->ids);
    }
    snprintf(v->ids[v->n++], WT_MAX_ID + 1, "%s", id);
    return 0;
}

/* Drops `id` (with any outcome) from a chosen list; true when it was there. */
static bool drop_chosen(struct wt_record *r, const char *id)
{
    struct taglist l;
    tags_split(r->v[CASE_CHOSEN], &l);
    struct buf b = {0};
    bool found = false;
    size_t il = strlen(id);
    for (size_t i = 0; i < l.n; i++) {
        const char *it = l.items[i];
        if (strncmp(it, id, il) == 0 && (it[il] == '\0' || it[il] == ':')) {
            found = true;
            continue;
        }
        if (b.len)
            buf_putc(&b, ';');
        buf_puts(&b, it);
    }
    tags_fini(&l);
    if (found)
        record_set(r, CASE_CHOSEN, b.data);
    buf_fini(&b);
    return found;
}

struct chosen_fix {
    struct app *a;
    const char *action;
    const char *const *ids;
    size_t n;
    struct idvec touched;
};

static int note_mentions(void *ctx, const struct wt_record *r)
{
    struct chosen_fix *f = ctx;
    if (!r->v[CASE_CHOSEN])
        return 0;
    for (size_t i = 0; i < f->n; i++)
        if (strstr(r->v[CASE_CHOSEN], f->ids[i])) {
            push_id(&f->touched, r->v[CASE_ID]);
            break;
        }
    return 0;
}

/* Deletes the cases and everything that points at them, in one transaction. */
static int erase_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct chosen_fix *f = ctx;
    (void)err;
    for (size_t i = 0; i < f->n && !store_txn_error(t); i++) {
        struct idvec linked = {0};
        store_find(t, WT_SIGNALS, SIGNAL_CASE, f->ids[i], push_id, &linked);
        for (size_t k = 0; k < linked.n; k++)
            store_del(t, WT_SIGNALS, linked.ids[k]);
        linked.n = 0;
        store_find(t, WT_ACTIONS, ACTION_CASE, f->ids[i], push_id, &linked);
        for (size_t k = 0; k < linked.n; k++)
            store_del(t, WT_ACTIONS, linked.ids[k]);
        free(linked.ids);
        policy_del(t, WT_CASES, f->ids[i]); /* its resident leaves the beamer's names */
        store_measure_forget(t, f->ids[i]); /* the wellbeing measures go with the case */
        struct store_log_entry e;
        app_log_fill(f->a, &e, f->action, WT_CASES, f->ids[i], NULL);
        store_log_append(t, &e);
        char *key = xasprintf("closed/%s", f->ids[i]);
        store_meta_del(t, key);
        free(key);
    }
    /* No tombstone keeps an id readable, an earlier one neither. */
    store_tombs_hide(t);
    /* Should the compaction have to wait, the next exclusive open does it. */
    store_meta_put(t, "compact-pending", "1");
    /* No volunteer keeps a copy of an action that went (a rebuild: erase is rare). */
    app_owned_refresh(t, f->a);
    /* Other cases that chose one of these as a similar case forget it. */
    f->touched.n = 0;
    store_each(t, WT_CASES, note_mentions, f);
    for (size_t i = 0; i < f->touched.n && !store_txn_error(t); i++) {
        struct wt_record r;
        if (store_get(t, WT_CASES, f->touched.ids[i], &r) == 0) {
            bool changed = false;
            for (size_t k = 0; k < f->n; k++)
                changed |= drop_chosen(&r, f->ids[k]);
            if (changed)
                policy_put(t, &r);
        }
        record_fini(&r);
    }
    return store_txn_error(t);
}

static int erase_ids(struct app *a, const char *action, const char *const *ids, size_t n,
                     struct wt_error *err)
{
    if (n == 0)
        return 0;
    struct chosen_fix f = {a, action, ids, n, {0}};
    int rc = store_write(a->store, erase_write, &f, err);
    free(f.touched.ids);
    if (rc)
        return rc;
    /* Without free pages in the file, nothing of the erased records is left. */
    struct wt_error cerr = {0};
    if (store_compact(a->store, &cerr) != 0)
        return wt_error_set(err, cerr.code,
                            _("gewist; het bestand wordt gecompacteerd zodra niemand anders de "
                              "database open heeft (%s)"),
                            cerr.text);
    return 0;
}

int app_erase_case(struct app *a, const char *case_id, struct wt_error *err)
{
    if (a->role != APP_LEADER)
        return wt_error_set(err, WT_EPERM, _("alleen een leider mag een casus wissen"));
    struct wt_record r;
    int rc = app_get_unlogged(a, WT_CASES, case_id, &r);
    record_fini(&r);
    if (rc == WT_ENOTFOUND)
        return wt_error_set(err, rc, _("casus %s bestaat niet"), case_id);
    if (rc)
        return wt_error_set(err, rc, _("casus %s kan niet worden gelezen"), case_id);
    const char *ids[] = {case_id};
    return erase_ids(a, "erase", ids, 1, err);
}

struct purge_scan {
    struct app *a;
    int32_t before;
    bool use_opened;
    struct store_txn *t;
    struct idvec ids;
    struct idvec undated; /* closed cases without a closing day */
};

static int scan_closed(void *ctx, const struct wt_record *r)
{
    struct purge_scan *p = ctx;
    if (strcmp(record_get(r, CASE_STATUS), "closed") != 0)
        return 0;
    int32_t d;
    if (app_case_closed_day(p->t, r, &d) != 0) {
        if (!p->use_opened)
            return push_id(&p->undated, r->v[CASE_ID]);
        if (date_parse(record_get(r, CASE_OPENED), &d) != 0)
            return 0;
    }
    if (d < p->before)
        push_id(&p->ids, r->v[CASE_ID]);
    return 0;
}

int app_purge(struct app *a, int32_t closed_before, bool use_opened, size_t *count,
              struct wt_error *err)
{
    if (a->role != APP_LEADER)
        return wt_error_set(err, WT_EPERM, _("alleen een leider mag casussen opruimen"));
    struct purge_scan p = {.a = a, .before = closed_before, .use_opened = use_opened};
    int rc = store_read_begin(a->store, &p.t, err);
    if (!rc) {
        rc = app_each(a, WT_CASES, scan_closed, &p, err);
        store_read_end(p.t);
    }
    if (!rc && p.undated.n == 1)
        rc = wt_error_set(err, WT_EINVAL,
                          _("casus %s is gesloten maar heeft geen sluitdatum (closed); "
                            "vul die in, of gebruik --use-opened"),
                          p.undated.ids[0]);
    else if (!rc && p.undated.n > 1)
        rc = wt_error_set(err, WT_EINVAL,
                          _("casus %s en %zu andere zijn gesloten maar hebben geen sluitdatum "
                            "(closed); vul die in, of gebruik --use-opened"),
                          p.undated.ids[0], p.undated.n - 1);
    const char **ids = xmalloc((p.ids.n ? p.ids.n : 1) * sizeof(const char *));
    for (size_t i = 0; i < p.ids.n; i++)
        ids[i] = p.ids.ids[i];
    if (!rc)
        rc = erase_ids(a, "purge", ids, p.ids.n, err);
    if (!rc && count)
        *count = p.ids.n;
    free(ids);
    free(p.ids.ids);
    free(p.undated.ids);
    return rc;
}
