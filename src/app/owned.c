/* owned.c: a volunteer's own actions in an encrypted database, sealed to that volunteer alone. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "policy_int.h"

#define OWNED_PREFIX "owned/"

struct refresh {
    struct store_txn *t;
    char **volunteers;
    size_t n;
};

static int add_volunteer(void *ctx, const struct wt_record *m)
{
    struct refresh *r = ctx;
    if (strcmp(record_get(m, MEMBER_ROLE), "volunteer") == 0) {
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
    if (!volunteer || ac->damaged)
        return 0;
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
    if (json && store_owned_seal(r->t, owner, json, &sealed) == 0) {
        char *key = xasprintf(OWNED_PREFIX "%s/%s", owner, ac->v[ACTION_ID]);
        store_meta_put(r->t, key, sealed);
        free(key);
    }
    free(sealed);
    free(json);
    return 0;
}

void app_owned_refresh(struct store_txn *t, const struct app *a)
{
    /* On a plain database a volunteer reads the actions themselves; only a
     * member who reads actions can make the copies. */
    if (!app_encrypted(a) || a->role == APP_VOLUNTEER || store_txn_error(t))
        return;
    struct refresh r = {t, NULL, 0};
    if (store_each(t, WT_MEMBERS, add_volunteer, &r) == 0) {
        store_meta_del_prefix(t, OWNED_PREFIX);
        if (r.n)
            store_each(t, WT_ACTIONS, seal_action, &r);
    }
    for (size_t i = 0; i < r.n; i++)
        free(r.volunteers[i]);
    free(r.volunteers);
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
