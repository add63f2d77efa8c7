/* owned.c: a volunteer's own actions in an encrypted database, sealed to that volunteer alone. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "policy_int.h"

#define OWNED_PREFIX "owned/"
/* Present ("1") while the copies are up to date: set by the full rebuild,
 * removed by app_owned_stale. Outside OWNED_PREFIX, so that the rebuild's
 * sweep and a volunteer's reading of their copies never meet it. */
#define OWNED_FRESH "owned-fresh"

/* True when copies are made in this write: an encrypted database, and a
 * member who reads actions (on a plain database a volunteer reads the actions
 * themselves). */
static bool owned_active(struct store_txn *t, const struct app *a)
{
    return app_encrypted(a) && a->role != APP_VOLUNTEER && !store_txn_error(t);
}

/* True when m is a volunteer who has not left the team. */
static bool is_volunteer(struct store_txn *t, const struct wt_record *m)
{
    return !m->damaged && strcmp(record_get(m, MEMBER_ROLE), "volunteer") == 0 &&
           app_left_in(t, m->v[MEMBER_ID], NULL) != 0;
}

static bool member_is_volunteer(struct store_txn *t, const char *member)
{
    if (!*member)
        return false;
    struct wt_record m;
    bool yes = store_get(t, WT_MEMBERS, member, &m) == 0 && is_volunteer(t, &m);
    record_fini(&m);
    return yes;
}

static char *owned_key(const char *member, const char *id)
{
    return xasprintf(OWNED_PREFIX "%s/%s", member, id);
}

/* Removes member's copy of action id (absent is fine). */
static void drop_copy(struct store_txn *t, const char *member, const char *id)
{
    if (!*member)
        return;
    char *key = owned_key(member, id);
    store_meta_del(t, key);
    free(key);
}

/* Seals action ac to its owner (a volunteer) as "owned/OWNER/ID"; when the
 * owner has no key pair (no keyslot, or it was removed), no copy is left. */
static void seal_copy(struct store_txn *t, const struct wt_record *ac)
{
    const char *owner = record_get(ac, ACTION_OWNER);
    struct wt_record copy;
    record_copy(&copy, ac);
    /* That it is linked, never to which case (the policy shows "gekoppeld"). */
    if (copy.v[ACTION_CASE])
        record_set(&copy, ACTION_CASE, "gekoppeld"); /* a valid id, never a case's */
    json_t *o = app_record_json(&copy);
    char *json = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    record_fini(&copy);
    char *sealed = NULL;
    char *key = owned_key(owner, ac->v[ACTION_ID]);
    if (json && store_owned_seal(t, owner, json, &sealed) == 0)
        store_meta_put(t, key, sealed);
    else
        store_meta_del(t, key);
    free(key);
    free(sealed);
    free(json);
}

struct refresh {
    struct store_txn *t;
    char **volunteers;
    size_t n;
};

static int add_volunteer(void *ctx, const struct wt_record *m)
{
    struct refresh *r = ctx;
    if (is_volunteer(r->t, m)) {
        r->volunteers = xrealloc(r->volunteers, (r->n + 1) * sizeof *r->volunteers);
        r->volunteers[r->n++] = xstrdup(m->v[MEMBER_ID]);
    }
    return 0;
}

static int seal_action(void *ctx, const struct wt_record *ac)
{
    struct refresh *r = ctx;
    const char *owner = record_get(ac, ACTION_OWNER);
    bool volunteer = false;
    for (size_t i = 0; i < r->n && !volunteer; i++)
        volunteer = strcmp(r->volunteers[i], owner) == 0;
    if (volunteer && !ac->damaged)
        seal_copy(r->t, ac);
    return 0;
}

void app_owned_refresh(struct store_txn *t, const struct app *a)
{
    if (!owned_active(t, a))
        return;
    struct refresh r = {t, NULL, 0};
    if (store_each(t, WT_MEMBERS, add_volunteer, &r) == 0) {
        store_meta_del_prefix(t, OWNED_PREFIX);
        if (r.n)
            store_each(t, WT_ACTIONS, seal_action, &r);
        store_meta_put(t, OWNED_FRESH, "1");
    }
    for (size_t i = 0; i < r.n; i++)
        free(r.volunteers[i]);
    free(r.volunteers);
}

void app_owned_stale(struct store_txn *t)
{
    store_meta_del(t, OWNED_FRESH);
}

void app_owned_if_stale(struct store_txn *t, const struct app *a)
{
    if (!owned_active(t, a))
        return;
    char *fresh = NULL;
    bool stale = store_meta_get(t, OWNED_FRESH, &fresh) != 0;
    free(fresh);
    if (stale)
        app_owned_refresh(t, a);
}

void app_owned_action(struct store_txn *t, const struct app *a, const struct wt_record *ac,
                      const char *old_owner)
{
    if (!owned_active(t, a) || !ac->v[ACTION_ID])
        return;
    const char *owner = record_get(ac, ACTION_OWNER);
    if (old_owner && strcmp(old_owner, owner) != 0)
        drop_copy(t, old_owner, ac->v[ACTION_ID]);
    if (!ac->damaged && member_is_volunteer(t, owner))
        seal_copy(t, ac);
    else
        drop_copy(t, owner, ac->v[ACTION_ID]);
}

void app_owned_drop(struct store_txn *t, const struct app *a, const char *owner, const char *id)
{
    if (owned_active(t, a))
        drop_copy(t, owner, id);
}

struct ids {
    char **v;
    size_t n;
};

static int push_id(void *ctx, const char *id)
{
    struct ids *l = ctx;
    l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
    l->v[l->n++] = xstrdup(id);
    return 0;
}

void app_owned_member(struct store_txn *t, const struct app *a, const char *member)
{
    /* A volunteer's own new key pair (their passphrase): they cannot read
     * their actions to seal them again; a team member's next start does. */
    if (app_encrypted(a) && a->role == APP_VOLUNTEER && *member && !store_txn_error(t))
        app_owned_stale(t);
    if (!owned_active(t, a) || !*member)
        return;
    char *prefix = xasprintf(OWNED_PREFIX "%s/", member);
    store_meta_del_prefix(t, prefix);
    free(prefix);
    if (!member_is_volunteer(t, member))
        return;
    /* The ids first: no meta is written while the index is being read. */
    struct ids l = {NULL, 0};
    store_find(t, WT_ACTIONS, ACTION_OWNER, member, push_id, &l);
    for (size_t i = 0; i < l.n; i++) {
        struct wt_record ac;
        /* The index compares folded: the owner itself must be the member. */
        if (store_get(t, WT_ACTIONS, l.v[i], &ac) == 0 && !ac.damaged &&
            strcmp(record_get(&ac, ACTION_OWNER), member) == 0)
            seal_copy(t, &ac);
        record_fini(&ac);
        free(l.v[i]);
    }
    free(l.v);
}

struct owned_read {
    struct app *a;
    struct policy_read p;
    store_each_fn fn;
    void *ctx;
    const char *id; /* only this one, or NULL */
    struct wt_record *found;
    int rc;
};

static int owned_one(void *ctx, const char *key, const char *value)
{
    (void)key;
    struct owned_read *o = ctx;
    char *json = NULL;
    if (store_owned_open(o->a->store, value, &json) != 0)
        return 0; /* not theirs, or damaged: nothing to hand out */
    struct wt_record r, shown;
    record_init(&r, WT_ACTIONS);
    int rc = 0;
    if (app_record_from_json(json, &r, NULL) == 0 && r.v[0] &&
        (!o->id || strcmp(r.v[0], o->id) == 0) && policy_shape(&o->p, &r, &shown)) {
        if (o->found) {
            record_fini(o->found);
            *o->found = shown;
            rc = 1;
        } else {
            rc = o->fn(o->ctx, &shown);
            record_fini(&shown);
        }
    }
    record_fini(&r);
    free(json);
    return rc;
}

int app_owned_read(struct app *a, const char *id, struct wt_record *found, store_each_fn fn,
                   void *ctx)
{
    struct store_txn *t;
    int rc = store_read_begin(a->store, &t, NULL);
    if (rc)
        return rc;
    struct owned_read o = {.a = a, .fn = fn, .ctx = ctx, .id = id, .found = found};
    rc = policy_read_init(&o.p, a, t);
    char *prefix = xasprintf(OWNED_PREFIX "%s/", record_get(&a->member, MEMBER_ID));
    if (!rc)
        rc = store_meta_each(t, prefix, owned_one, &o);
    free(prefix);
    policy_read_fini(&o.p);
    store_read_end(t);
    if (found)
        return rc == 1 ? 0 : rc ? rc : WT_ENOTFOUND;
    return rc < 0 ? rc : 0;
}
