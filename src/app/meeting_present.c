/* meeting_present.c: who was at a meeting: noted when a member opens the screen, corrected by the chair. */
#include <stdlib.h>
#include <string.h>

#include "meeting_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"

char *meeting_present_key(int32_t day, const char *member)
{
    char d[11];
    date_format(day, d);
    return xasprintf("present/%s/%s", d, member);
}

/* The place of day's presence: "present/DAY/", or, as days before kept it,
 * "meeting/DAY/present/". Caller frees. */
static char *present_prefix(int32_t day, bool old)
{
    return old ? meeting_key(day, "present/") : meeting_present_key(day, "");
}

struct present_list {
    size_t prefix_len;
    struct taglist ids;
};

static int present_one(void *ctx, const char *key, const char *value)
{
    (void)value;
    struct present_list *l = ctx;
    l->ids.items = xrealloc(l->ids.items, (l->ids.n + 1) * sizeof *l->ids.items);
    l->ids.items[l->ids.n++] = xstrdup(key + l->prefix_len);
    return 0;
}

static int by_id(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

int meeting_present_get(struct app *a, int32_t day, char **out, struct wt_error *err)
{
    *out = NULL;
    struct store_txn *t;
    int rc = store_read_begin(a->store, &t, err);
    if (rc)
        return rc;
    struct present_list l = {0, {0}};
    for (int old = 0; old < 2 && !rc; old++) {
        char *prefix = present_prefix(day, old);
        l.prefix_len = strlen(prefix);
        rc = store_meta_each(t, prefix, present_one, &l);
        free(prefix);
    }
    store_read_end(t);
    if (rc) {
        tags_fini(&l.ids);
        return wt_error_set(err, rc, _("%s: de aanwezigen kunnen niet worden gelezen"), a->dir);
    }
    if (l.ids.n > 1)
        qsort(l.ids.items, l.ids.n, sizeof *l.ids.items, by_id);
    struct buf b = {0};
    buf_puts(&b, "");
    for (size_t i = 0; i < l.ids.n; i++)
        if (i == 0 || strcmp(l.ids.items[i], l.ids.items[i - 1]) != 0)
            buf_printf(&b, "%s%s", b.len ? ";" : "", l.ids.items[i]);
    tags_fini(&l.ids);
    *out = buf_steal(&b);
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
    for (int old = 0; old < 2; old++) {
        char *prefix = present_prefix(p->a->today, old);
        store_meta_del_prefix(t, prefix);
        free(prefix);
    }
    for (size_t i = 0; i < p->ids.n; i++) {
        char *k = meeting_present_key(p->a->today, p->ids.items[i]);
        store_meta_put(t, k, "-");
        free(k);
    }
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
