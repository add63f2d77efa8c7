/* round.c: door-to-door rounds in meta: "round/ID" and "round/ID/door/NNNNNN". */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

#define ROUND_PREFIX "round/"

static void door_key(char out[80], const char *round_id, int no)
{
    snprintf(out, 80, ROUND_PREFIX "%s/door/%06d", round_id, no);
}

int store_round_put(struct store_txn *t, const struct round *r)
{
    char key[64];
    snprintf(key, sizeof key, ROUND_PREFIX "%s", r->id);
    char *line = round_encode(r);
    int rc = store_meta_put(t, key, line);
    free(line);
    return rc;
}

int store_round_get(struct store_txn *t, const char *id, struct round *out)
{
    char key[64], *line = NULL;
    snprintf(key, sizeof key, ROUND_PREFIX "%s", id);
    int rc = store_meta_get(t, key, &line);
    if (rc == 0)
        rc = round_decode(line, out);
    else
        round_init(out);
    free(line);
    return rc;
}

struct round_walk {
    store_round_fn fn;
    void *ctx;
};

/* Passes on the rounds themselves, not their doors; a round that does not
 * decode comes with only its id and date "" (check reports it). */
static int round_one(void *ctx, const char *key, const char *value)
{
    struct round_walk *w = ctx;
    const char *id = key + strlen(ROUND_PREFIX);
    if (strchr(id, '/'))
        return 0;
    struct round r;
    if (round_decode(value, &r) != 0)
        snprintf(r.id, sizeof r.id, "%.*s", WT_MAX_ID, id);
    int rc = w->fn(w->ctx, &r);
    round_fini(&r);
    return rc;
}

int store_round_each(struct store_txn *t, store_round_fn fn, void *ctx)
{
    struct round_walk w = {fn, ctx};
    return store_meta_each(t, ROUND_PREFIX, round_one, &w);
}

int store_door_put(struct store_txn *t, const char *round_id, const struct round_door *d)
{
    char key[80];
    door_key(key, round_id, d->no);
    char *line = round_door_encode(d);
    int rc = store_meta_put(t, key, line);
    free(line);
    return rc;
}

int store_door_get(struct store_txn *t, const char *round_id, int no, struct round_door *out)
{
    char key[80], *line = NULL;
    door_key(key, round_id, no);
    int rc = store_meta_get(t, key, &line);
    if (rc == 0)
        rc = round_door_decode(line, out);
    else
        round_door_init(out);
    free(line);
    return rc;
}

struct door_walk {
    store_door_fn fn;
    void *ctx;
};

static int door_one(void *ctx, const char *key, const char *value)
{
    (void)key;
    struct door_walk *w = ctx;
    struct round_door d;
    if (round_door_decode(value, &d) != 0)
        return 0; /* check reports it */
    int rc = w->fn(w->ctx, &d);
    round_door_fini(&d);
    return rc;
}

int store_door_each(struct store_txn *t, const char *round_id, store_door_fn fn, void *ctx)
{
    char prefix[64];
    snprintf(prefix, sizeof prefix, ROUND_PREFIX "%s/door/", round_id);
    struct door_walk w = {fn, ctx};
    return store_meta_each(t, prefix, door_one, &w);
}

int store_round_del(struct store_txn *t, const char *id)
{
    char key[64], prefix[64];
    snprintf(key, sizeof key, ROUND_PREFIX "%s", id);
    snprintf(prefix, sizeof prefix, ROUND_PREFIX "%s/", id);
    int rc = store_meta_del_prefix(t, prefix);
    return rc ? rc : store_meta_del(t, key);
}

/* A deleted round: "roundgone/ID" -> "HLC ORIGIN" (no personal data: not sealed). */
int store_round_gone(struct store_txn *t, const char *id, const struct store_clock *c)
{
    int rc = store_round_del(t, id);
    if (rc)
        return rc;
    char key[64], val[48];
    snprintf(key, sizeof key, "roundgone/%s", id);
    struct store_clock have;
    if (store_round_gone_get(t, id, &have) == 0 && !store_clock_after(c, &have))
        return 0;
    snprintf(val, sizeof val, "%" PRIu64 " %" PRIu64, c->hlc, c->origin);
    return store_meta_put(t, key, val);
}

int store_round_gone_get(struct store_txn *t, const char *id, struct store_clock *out)
{
    char key[64], *val = NULL;
    snprintf(key, sizeof key, "roundgone/%s", id);
    int rc = store_meta_get(t, key, &val);
    if (rc == 0 && sscanf(val, "%" SCNu64 " %" SCNu64, &out->hlc, &out->origin) != 2)
        rc = WT_ECORRUPT;
    free(val);
    return rc;
}

struct gone_walk {
    store_gone_fn fn;
    void *ctx;
};

static int gone_one(void *ctx, const char *key, const char *value)
{
    struct gone_walk *w = ctx;
    struct store_clock c;
    if (sscanf(value, "%" SCNu64 " %" SCNu64, &c.hlc, &c.origin) != 2)
        return 0;
    return w->fn(w->ctx, key + strlen("roundgone/"), &c);
}

int store_round_gone_each(struct store_txn *t, store_gone_fn fn, void *ctx)
{
    struct gone_walk w = {fn, ctx};
    return store_meta_each(t, "roundgone/", gone_one, &w);
}
