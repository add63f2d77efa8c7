/* bundle.c: writing a bundle for a role or member: what they may see and what changed. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "policy_int.h"
#include "bundle_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"

struct export_ctx {
    struct app *a;
    struct app peer;      /* the recipient, for app_may_see */
    const char *target;
    const char *member;   /* recipient member id, or NULL for a role */
    bool all, cases, from_volunteer;
    struct buf *out;
    struct buf body;
    struct store_txn *t;  /* the export's transaction */
    struct policy_read peer_read; /* which linked cases the recipient may not see */
    uint64_t since, dbid;
    char last_sub[WT_MAX_ID + 1]; /* the last submission sent to the target */
    size_t n;
};

/* Parses a role name into *r; -1 when name is no role. */
static int role_of(const char *name, enum app_role *r)
{
    if (strcmp(name, "leader") == 0)
        *r = APP_LEADER;
    else if (strcmp(name, "professional") == 0)
        *r = APP_PROFESSIONAL;
    else if (strcmp(name, "volunteer") == 0)
        *r = APP_VOLUNTEER;
    else
        return -1;
    return 0;
}

/* The role's name as in FORMATS.md (leader, professional, volunteer). */
static const char *role_name(enum app_role r)
{
    return r == APP_LEADER ? "leader" : r == APP_PROFESSIONAL ? "professional" : "volunteer";
}

/* One record the exporter and the recipient may both see, changed after the mark. */
static int export_record(void *ctx, const struct wt_record *r)
{
    struct export_ctx *x = ctx;
    if (!app_may_see(x->a, r) || !app_may_see(&x->peer, r))
        return 0;
    struct store_stamp st;
    store_stamp_get(x->t, r->kind, r->v[0], &st);
    if (x->since && st.seq <= x->since)
        return 0;
    bool own = false;
    for (int i = 0; i < st.n; i++)
        own |= st.f[i].origin == x->dbid && st.f[i].hlc;
    /* A volunteer's database passes on only what was changed there. */
    if (x->from_volunteer && !own)
        return 0;
    struct wt_record c;
    record_copy(&c, r);
    policy_strip_links(&x->peer_read, &c); /* no id of a case the recipient may not see */
    bundle_body_record(&x->body, &c, &st);
    record_fini(&c);
    x->n++;
    return 0;
}

/* Adds a tombstone to the body (not from a volunteer's database; case kinds
 * only with the case key). */
static int export_tomb(void *ctx, enum wt_kind kind, const char *id, bool tomb,
                       const struct store_stamp *st)
{
    struct export_ctx *x = ctx;
    if (!tomb || x->from_volunteer || (!x->cases && (kind == WT_CASES || kind == WT_ACTIONS)))
        return 0;
    bundle_body_tomb(&x->body, kind, id, &st->f[0]);
    x->n++;
    return 0;
}

/* Adds a pending submission not yet sent to the target. */
static int export_sub(void *ctx, const struct store_submission *s)
{
    struct export_ctx *x = ctx;
    if (strcmp(s->status, "pending") != 0 || s->rec.kind == WT_CASES ||
        s->rec.kind == WT_ACTIONS || strcmp(s->id, x->last_sub) <= 0)
        return 0;
    /* Ids grow ("v-000001", ...): the last one sent marks what is new. */
    bundle_body_submission(&x->body, s);
    if (strlen(s->id) >= strlen(x->last_sub))
        snprintf(x->last_sub, sizeof x->last_sub, "%s", s->id);
    x->n++;
    return 0;
}

/* ---- rounds: sent whole every time (they are small); from a volunteer's
 * database only what was changed there. Merged by their clocks. ---- */

struct round_export {
    struct export_ctx *x;
    const char *id;
    bool header_sent;
    const struct round *r;
};

static bool changed_here(const struct export_ctx *x, const struct round_clock *c)
{
    return c->origin == x->dbid;
}

static int export_door(void *ctx, const struct round_door *d)
{
    struct round_export *re = ctx;
    if (re->x->from_volunteer && !changed_here(re->x, &d->changed))
        return 0;
    if (!re->header_sent) { /* the round first, so that the door has a place to go */
        bundle_body_round(&re->x->body, re->r);
        re->header_sent = true;
        re->x->n++;
    }
    struct round_door shown;
    round_door_copy(&shown, d);
    if (shown.made_case[0] && policy_id_shielded(&re->x->peer_read, shown.made_case))
        shown.made_case[0] = '\0';
    bundle_body_door(&re->x->body, re->id, &shown);
    round_door_fini(&shown);
    re->x->n++;
    return 0;
}

static int export_round(void *ctx, const struct round *r)
{
    struct export_ctx *x = ctx;
    if (!*r->date)
        return 0; /* damaged: check reports it */
    struct round_export re = {x, r->id, false, r};
    if (!x->from_volunteer || changed_here(x, &r->changed)) {
        bundle_body_round(&x->body, r);
        re.header_sent = true;
        x->n++;
    }
    return store_door_each(x->t, r->id, export_door, &re);
}

static int export_round_gone(void *ctx, const char *id, const struct store_clock *c)
{
    struct export_ctx *x = ctx;
    if (x->from_volunteer && c->origin != x->dbid)
        return 0;
    bundle_body_round_gone(&x->body, id, c);
    x->n++;
    return 0;
}

/* Resolves the target: a role, or a member with a keyslot. */
static int export_target(struct store_txn *t, struct export_ctx *x, struct wt_error *err)
{
    record_init(&x->peer.member, WT_MEMBERS);
    if (role_of(x->target, &x->peer.role) == 0)
        return 0;
    char *role = NULL;
    int32_t left;
    if (record_id_valid(x->target) && app_left_in(t, x->target, &left) == 0) {
        char iso[11];
        date_format(left, iso);
        /* Nothing new goes to someone who left, whatever their old keys. */
        return wt_error_set(err, WT_EPERM,
                            _("bundle export --for %s: dit lid heeft het team verlaten (op %s)"),
                            x->target, iso);
    }
    if (!record_id_valid(x->target) || store_keyslot_role(t, x->target, &role) != 0) {
        free(role);
        return wt_error_set(err, WT_ENOTFOUND,
                            _("bundle export --for %s: geen rol (leader, professional, "
                              "volunteer) en geen lid met een wachtwoordzin"),
                            x->target);
    }
    role_of(role, &x->peer.role);
    free(role);
    record_set(&x->peer.member, MEMBER_ID, x->target);
    x->member = x->target;
    return 0;
}

/* The export as a replayable write: builds the body, seals it into x->out
 * and moves the target's marks. */
static int export_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct export_ctx *x = ctx;
    buf_reset(&x->body);
    buf_reset(x->out);
    x->n = 0;
    record_fini(&x->peer.member);
    int rc = export_target(t, x, err);
    if (rc)
        return rc;
    x->cases = x->peer.role != APP_VOLUNTEER && x->a->role != APP_VOLUNTEER &&
               store_txn_can_read(t, WT_CASES);
    x->dbid = store_db_id(t);
    char *key = xasprintf("bundle/sent/%s", x->target), *mark = NULL;
    x->since = 0;
    if (!x->all && store_meta_get(t, key, &mark) == 0)
        x->since = strtoull(mark, NULL, 10);
    free(mark);
    bundle_body_start(&x->body, record_get(&x->a->member, MEMBER_ID), role_name(x->a->role));
    x->t = t;
    policy_read_init(&x->peer_read, &x->peer, t); /* the recipient reads no beamer */
    for (int k = 0; k < WT_KIND_COUNT && !store_txn_error(t); k++)
        if (x->cases || (k != WT_CASES && k != WT_ACTIONS))
            store_each(t, (enum wt_kind)k, export_record, x);
    store_changes_each(t, x->since, export_tomb, x);
    store_round_each(t, export_round, x);
    store_round_gone_each(t, export_round_gone, x);
    char *subkey = xasprintf("bundle/sent-sub/%s", x->target), *last = NULL;
    x->last_sub[0] = '\0';
    if (!x->all && store_meta_get(t, subkey, &last) == 0)
        snprintf(x->last_sub, sizeof x->last_sub, "%s", last);
    free(last);
    if (x->from_volunteer)
        store_review_each(t, export_sub, x);
    policy_read_fini(&x->peer_read);
    bundle_body_end(&x->body);
    rc = store_txn_error(t);
    if (!rc)
        rc = store_bundle_seal(t, x->cases ? 1 : 0, x->target, x->member,
                               (unsigned char *)x->body.data, x->body.len, x->out, err);
    if (!rc) {
        char v[24];
        snprintf(v, sizeof v, "%" PRIu64, store_seq(t));
        store_meta_put(t, key, v);
        if (x->last_sub[0])
            store_meta_put(t, subkey, x->last_sub);
        struct store_log_entry e;
        char detail[80];
        snprintf(detail, sizeof detail, "bundel %s: %zu%s", x->target, x->n,
                 x->cases ? "" : " zonder casussen"); /* for erase (copies.c) */
        app_log_fill(x->a, &e, "export", APP_NO_KIND, "", detail);
        store_log_append(t, &e);
        rc = store_txn_error(t);
    }
    free(key);
    free(subkey);
    return rc;
}

int app_bundle_export(struct app *a, const char *target, bool all, struct buf *out, size_t *n,
                      struct wt_error *err)
{
    struct export_ctx x;
    memset(&x, 0, sizeof x);
    x.a = a;
    x.target = target;
    x.all = all;
    x.out = out;
    x.from_volunteer = a->role == APP_VOLUNTEER;
    /* It would carry only what changed here, not the member: no database
     * could be made from it (init --from), and it has no one to go to. */
    if (x.from_volunteer && strcmp(target, record_get(&a->member, MEMBER_ID)) == 0)
        return wt_error_set(err, WT_EINVAL,
                            _("bundle export --for %s: een bundel uit uw eigen database is voor "
                              "het team (--for leader); uw eigen database hebt u al"),
                            target);
    record_init(&x.peer.member, WT_MEMBERS);
    int rc = store_write(a->store, export_write, &x, err);
    record_fini(&x.peer.member);
    buf_fini(&x.body);
    if (n)
        *n = x.n;
    return rc;
}
