/* pick.c: an unknown area or tag in a form is kept only after a yes/no that names the closest
 * known one (issue 16). */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/area.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"

struct known {
    char **v;
    size_t n, cap;
};

static void known_add(struct known *k, const char *s, size_t len)
{
    for (size_t i = 0; i < k->n; i++)
        if (strlen(k->v[i]) == len && strncmp(k->v[i], s, len) == 0)
            return;
    if (k->n == k->cap) {
        k->cap = k->cap ? 2 * k->cap : 64;
        k->v = xrealloc(k->v, k->cap * sizeof *k->v);
    }
    k->v[k->n++] = xstrndup(s, len);
}

static void known_free(struct known *k)
{
    for (size_t i = 0; i < k->n; i++)
        free(k->v[i]);
    free(k->v);
}

/* Every area a record of the database names, and the areas above it. */
static int add_area(void *ctx, const struct wt_record *r)
{
    static const int col[WT_KIND_COUNT] = {MEMBER_AREA, CASE_AREA,  SIGNAL_AREA,
                                           RESOURCE_AREA, TALENT_AREA, -1};
    const char *a = col[r->kind] >= 0 ? r->v[col[r->kind]] : NULL;
    for (const char *p = a; p && *p; p++)
        if (*p == '/')
            known_add(ctx, a, (size_t)(p - a));
    if (a && *a)
        known_add(ctx, a, strlen(a));
    return 0;
}

/* The answer to "did you mean": 1 take the suggestion, 0 keep what was typed,
 * -1 go back to the form. */
static int ask(struct ui *u, bool area, const char *typed, const char *closest)
{
    char *q = !closest ? NULL
              : area   ? xasprintf(_("Wijk '%s' is nieuw. Bedoelt u %s?"), typed, closest)
                       : xasprintf(_("Woord '%s' is nieuw. Bedoelt u %s?"), typed, closest);
    bool take = q && dialog_confirm(u, q);
    free(q);
    if (take)
        return 1;
    q = area ? xasprintf(_("'%s' als nieuwe wijk bewaren?"), typed)
             : xasprintf(_("'%s' als nieuw woord bewaren?"), typed);
    bool keep = dialog_confirm(u, q);
    free(q);
    return keep ? 0 : -1;
}

int ui_pick_area(struct ui *u, const char *label, char **value, const char *before,
                 struct wt_error *err)
{
    if (!*value || !**value || (before && strcmp(*value, before) == 0))
        return 0;
    struct known k = {0};
    for (int kind = WT_MEMBERS; kind <= WT_TALENTS; kind++)
        if (app_each(u->a, (enum wt_kind)kind, add_area, &k, NULL) != 0)
            continue; /* a kind this member may not read adds nothing */
    bool same = false;
    int i = k.n ? area_closest(*value, (const char *const *)k.v, k.n, true, &same) : -1;
    const char *closest = i >= 0 && k.v ? k.v[i] : NULL;
    int rc = 0;
    if (!same || !closest) {
        int a = ask(u, true, *value, closest);
        if (a == 1 && closest) {
            free(*value);
            *value = xstrdup(closest);
        } else if (a < 0) {
            rc = wt_error_set(err, WT_EINVAL, _("%s: niet bewaard; pas de wijk aan"), label);
        }
    } else if (strcmp(closest, *value) != 0) {
        free(*value); /* the known spelling */
        *value = xstrdup(closest);
    }
    known_free(&k);
    return rc;
}

int ui_pick_tags(struct ui *u, const char *label, char **value, const char *before,
                 const char *const *vocabulary, struct wt_error *err)
{
    if (!*value || !**value || !vocabulary)
        return 0;
    struct known k = {0};
    for (const char *const *v = vocabulary; *v; v++)
        known_add(&k, *v, strlen(*v));
    struct taglist old, now;
    tags_split(before ? before : "", &old);
    for (size_t i = 0; i < old.n; i++)
        known_add(&k, old.items[i], strlen(old.items[i]));
    tags_split(*value, &now);
    struct buf out = {0};
    buf_puts(&out, "");
    int rc = 0;
    for (size_t t = 0; t < now.n && rc == 0; t++) {
        bool same = false;
        const char *tag = now.items[t];
        int i = k.n ? area_closest(tag, (const char *const *)k.v, k.n, false, &same) : -1;
        const char *closest = i >= 0 && k.v ? k.v[i] : NULL;
        if (!same || !closest) {
            int a = ask(u, false, tag, closest);
            if (a == 1 && closest)
                tag = closest;
            else if (a < 0)
                rc = wt_error_set(err, WT_EINVAL, _("%s: niet bewaard; pas het woord '%s' aan"),
                                  label, tag);
        }
        buf_printf(&out, "%s%s", t ? ";" : "", tag);
    }
    if (rc == 0) {
        free(*value);
        *value = buf_steal(&out);
    } else {
        buf_fini(&out);
    }
    tags_fini(&old);
    tags_fini(&now);
    known_free(&k);
    return rc;
}
