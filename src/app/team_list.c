/* team_list.c: the team as the Team view shows it, and a leader's changes of role, area and hours. */
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "wijktafel/text.h"
#include "wijktafel/i18n.h"

struct list_ctx {
    struct app *a;
    struct store_txn *t;
    struct app_team *team;
};

static int add_one(void *ctx, const struct wt_record *r)
{
    struct list_ctx *c = ctx;
    if (r->damaged)
        return 0;
    struct app_team *tm = c->team;
    tm->m = xrealloc(tm->m, (tm->n + 1) * sizeof *tm->m);
    struct app_team_member *m = &tm->m[tm->n++];
    memset(m, 0, sizeof *m);
    record_copy(&m->m, r);
    app_left_in(c->t, r->v[MEMBER_ID], &m->left);
    if (!tm->may_manage) {
        m->pass = APP_PASS_HIDDEN; /* the state of others' keys is for leaders */
    } else if (!store_txn_encrypted(c->t)) {
        m->pass = APP_PASS_PLAIN;
    } else {
        int32_t expires;
        char *role = NULL;
        if (store_keyslot_role(c->t, r->v[MEMBER_ID], &role) != 0)
            m->pass = APP_PASS_NONE;
        else if (store_keyslot_code(c->t, r->v[MEMBER_ID], &expires) == 0)
            m->pass = expires < c->a->today ? APP_PASS_EXPIRED : APP_PASS_CODE;
        else
            m->pass = APP_PASS_SET;
        free(role);
    }
    return 0;
}

/* By name as people read it (case and accents aside), those who left last. */
static int by_name(const void *x, const void *y)
{
    const struct app_team_member *a = x, *b = y;
    if ((a->left != 0) != (b->left != 0))
        return a->left ? 1 : -1;
    char *fa = text_fold(record_get(&a->m, MEMBER_NAME)),
         *fb = text_fold(record_get(&b->m, MEMBER_NAME));
    int c = strcmp(fa ? fa : "", fb ? fb : "");
    free(fa);
    free(fb);
    return c ? c : strcmp(a->m.v[MEMBER_ID], b->m.v[MEMBER_ID]);
}

int app_team_get(struct app *a, struct app_team *team, struct wt_error *err)
{
    memset(team, 0, sizeof *team);
    team->may_manage = a->role == APP_LEADER && !a->readonly && !a->beamer;
    team->why_not = a->role != APP_LEADER
                        ? _("Alleen een leider wijzigt het team.")
                        : _("Op de beamer wijzigt niemand het team: zet de beamer eerst uit (b).");
    struct store_txn *t;
    int rc = store_read_begin(a->store, &t, err);
    if (rc)
        return rc;
    struct list_ctx c = {a, t, team};
    rc = store_each(t, WT_MEMBERS, add_one, &c);
    store_read_end(t);
    if (rc)
        return wt_error_set(err, rc, _("%s: de leden kunnen niet worden gelezen"), a->dir);
    if (team->n > 1)
        qsort(team->m, team->n, sizeof *team->m, by_name);
    return 0;
}

void app_team_fini(struct app_team *team)
{
    for (size_t i = 0; i < team->n; i++)
        record_fini(&team->m[i].m);
    free(team->m);
    memset(team, 0, sizeof *team);
}

struct change_ctx {
    struct app *a;
    struct wt_record *m;
    bool to_volunteer, from_volunteer, role_changed;
    unsigned char cases[32];
};

static int change_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct change_ctx *c = ctx;
    const char *id = c->m->v[MEMBER_ID];
    struct wt_record old;
    if (store_get(t, WT_MEMBERS, id, &old) != 0) {
        record_fini(&old);
        return wt_error_set(err, WT_ENOTFOUND, _("lid %s bestaat niet"), id);
    }
    bool was_leader = strcmp(record_get(&old, MEMBER_ROLE), "leader") == 0;
    const char *role = record_get(c->m, MEMBER_ROLE);
    c->role_changed = strcmp(record_get(&old, MEMBER_ROLE), role) != 0;
    c->to_volunteer = c->role_changed && strcmp(role, "volunteer") == 0;
    c->from_volunteer = c->role_changed && strcmp(record_get(&old, MEMBER_ROLE), "volunteer") == 0;
    record_fini(&old);
    const char *name = record_get(c->m, MEMBER_NAME); /* named as people know them */
    if (app_left_in(t, id, NULL) == 0)
        return wt_error_set(err, WT_EINVAL, _("%s heeft het team al verlaten"), name);
    if (was_leader && c->role_changed && app_other_leaders(t, id) == 0)
        return wt_error_set(err, WT_EPERM,
                            _("%s is de laatste leider; maak eerst een ander lid leider"), name);
    store_put(t, c->m);
    if (c->role_changed && store_txn_encrypted(t) &&
        store_keyslot_role_set(t, id, role) == 0 && c->to_volunteer)
        store_rotate(t, 1, c->cases); /* they may have kept the case key */
    if (c->to_volunteer || c->from_volunteer) /* their copies made, or gone */
        app_owned_member(t, c->a, id);
    struct store_log_entry e;
    app_log_fill(c->a, &e, "update", WT_MEMBERS, id, c->role_changed ? role : NULL);
    store_log_append(t, &e);
    return store_txn_error(t);
}

int app_member_change(struct app *a, const char *member, const char *role, const char *area,
                      const char *hours, struct wt_error *err)
{
    int rc = app_leader_only(a, _("leden wijzigen"), err);
    if (rc)
        return rc;
    struct wt_record m;
    rc = app_get(a, WT_MEMBERS, member, &m, err);
    if (rc) {
        record_fini(&m);
        return rc;
    }
    if ((role && record_set_checked(&m, MEMBER_ROLE, role, err) != 0) ||
        (area && record_set_checked(&m, MEMBER_AREA, area, err) != 0) ||
        (hours && record_set_checked(&m, MEMBER_HOURS, hours, err) != 0)) {
        record_fini(&m);
        return WT_EINVAL;
    }
    struct change_ctx c = {a, &m, false, false, false, {0}};
    store_random_key(c.cases);
    if (store_encrypted(a->store))
        store_map_reserve(a->store, 3, NULL);
    rc = store_write(a->store, change_write, &c, err);
    explicit_bzero(c.cases, sizeof c.cases);
    if (!rc && c.to_volunteer && store_encrypted(a->store))
        store_compact(a->store, NULL);
    record_fini(&m);
    return rc;
}
