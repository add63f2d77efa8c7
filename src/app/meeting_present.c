/* meeting_present.c: who was at a meeting: noted when a member opens the screen, corrected by the chair. */
#include <stdlib.h>
#include <string.h>

#include "meeting_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"

struct present_list {
    size_t prefix_len;
    struct buf b;
};

static int present_one(void *ctx, const char *key, const char *value)
{
    (void)value;
    struct present_list *l = ctx;
    buf_printf(&l->b, "%s%s", l->b.len ? ";" : "", key + l->prefix_len);
    return 0;
}

int meeting_present_get(struct app *a, int32_t day, char **out, struct wt_error *err)
{
    *out = NULL;
    struct store_txn *t;
    int rc = store_read_begin(a->store, &t, err);
    if (rc)
        return rc;
    char *prefix = meeting_key(day, "present/");
    struct present_list l = {strlen(prefix), {0}};
    rc = store_meta_each(t, prefix, present_one, &l);
    store_read_end(t);
    free(prefix);
    if (rc) {
        buf_fini(&l.b);
        return wt_error_set(err, rc, _("%s: de aanwezigen kunnen niet worden gelezen"), a->dir);
    }
    *out = l.b.data ? buf_steal(&l.b) : xstrdup("");
    return 0;
}

struct present_put {
    struct app *a;
    struct taglist ids;
};

static int present_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct present_put *p = ctx;
    for (size_t i = 0; i < p->ids.n; i++)
        if (!store_exists(t, WT_MEMBERS, p->ids.items[i]))
            return wt_error_set(err, WT_EINVAL, _("aanwezig: %s is geen lid van het team"),
                                p->ids.items[i]);
    char *prefix = meeting_key(p->a->today, "present/");
    store_meta_del_prefix(t, prefix);
    for (size_t i = 0; i < p->ids.n; i++) {
        char *k = xasprintf("%s%s", prefix, p->ids.items[i]);
        store_meta_put(t, k, "-");
        free(k);
    }
    free(prefix);
    return store_txn_error(t);
}

int meeting_present_put(struct app *a, const char *ids, struct wt_error *err)
{
    /* The minutes are the team's: as the decisions, not a volunteer's to change. */
    int rc = app_allowed(a, WT_ACTIONS, APP_OP_WRITE, err);
    if (rc)
        return rc;
    struct present_put p = {a, {0}};
    tags_split(ids, &p.ids);
    rc = store_write(a->store, present_write, &p, err);
    tags_fini(&p.ids);
    return rc;
}
