/* bundle_merge.c: importing a bundle (per-field merge by clock) and a new database from one. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app_int.h"
#include "policy_int.h"
#include "bundle_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"

struct merge_ctx {
    struct app *a;
    struct store_txn *t;
    const unsigned char *file;
    size_t len;
    struct store_bundle_hdr h;
    struct bundle_sender who;
    bool from_volunteer; /* everything arrives as pending submissions */
    struct app_bundle_stats st;
};

/* FNV-1a: stable ids for what a bundle puts in the review queue, so that a
 * second import finds them and changes nothing. */
static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ c[i]) * 1099511628211ULL;
    return h;
}

/* True when two column values (NULL: empty) differ. */
static bool differ(const char *x, const char *y)
{
    return (!x || !y) ? x != y : strcmp(x, y) != 0;
}

/* True when two clocks are the same change. */
static bool clock_eq(const struct store_clock *x, const struct store_clock *y)
{
    return x->hlc == y->hlc && x->origin == y->origin;
}

/* True for the kinds sealed with the case key (cases, actions). */
static bool case_kind(enum wt_kind k)
{
    return k == WT_CASES || k == WT_ACTIONS;
}

/* Puts s in the review queue under id unless it is there already. */
static void queue_once(struct merge_ctx *m, struct store_submission *s, size_t *count)
{
    struct store_submission have;
    if (store_review_get(m->t, s->id, &have) == 0) {
        record_fini(&have.rec);
        return;
    }
    if (s->rec.kind == WT_SIGNALS)
        record_set(&s->rec, SIGNAL_CASE, NULL);
    store_review_put(m->t, s);
    (*count)++;
}

/* The losing value of field f (clock c) of a record changed on both sides. */
static void conflict(struct merge_ctx *m, const struct wt_record *loser, int f,
                     const struct store_clock *c)
{
    struct store_submission s;
    memset(&s, 0, sizeof s);
    uint64_t h = fnv(1469598103934665603ULL, loser->v[0], strlen(loser->v[0]));
    h = fnv(h, &loser->kind, sizeof loser->kind);
    h = fnv(h, &f, sizeof f);
    h = fnv(h, c, sizeof *c);
    snprintf(s.id, sizeof s.id, "k-%016" PRIx64, h);
    snprintf(s.submitter, sizeof s.submitter, "%s", m->who.member);
    date_format(m->a->today, s.date);
    snprintf(s.reason, sizeof s.reason, _("conflict: veld %s is aan twee kanten veranderd"),
             record_kind(loser->kind)->fields[f].name);
    /* The review queue is sealed with the general key: case data stays out;
     * the leader sees which case and field, and looks there. */
    if (case_kind(loser->kind)) {
        snprintf(s.status, sizeof s.status, "conflict");
        record_init(&s.rec, loser->kind);
        record_set(&s.rec, 0, loser->v[0]);
    } else {
        snprintf(s.status, sizeof s.status, "pending");
        record_copy(&s.rec, loser);
    }
    queue_once(m, &s, &m->st.conflicts);
    record_fini(&s.rec);
}

/* Merges one incoming record field by field (the later clock wins; a value
 * changed on both sides that loses goes to the review queue); a record deleted
 * here after its last change stays deleted. */
static void merge_record(struct merge_ctx *m, const struct bundle_item *it)
{
    const struct wt_record *in = &it->rec;
    struct store_clock top = {0, 0};
    for (int i = 0; i < it->stamp.n; i++) {
        store_hlc_observe(m->t, it->stamp.f[i].hlc);
        if (store_clock_after(&it->stamp.f[i], &top))
            top = it->stamp.f[i];
    }
    struct wt_record loc;
    int rc = store_get(m->t, in->kind, in->v[0], &loc);
    if (rc == WT_ENOTFOUND) {
        struct store_clock tomb;
        if (store_tomb_get(m->t, in->kind, in->v[0], &tomb) == 0 &&
            !store_clock_after(&top, &tomb))
            return;
        policy_dict_replace(m->t, in->kind, NULL, in); /* the beamer's names follow */
        store_put_stamped(m->t, in, &it->stamp);
        m->st.records++;
        return;
    }
    if (rc)
        return;
    struct store_stamp ls;
    store_stamp_get(m->t, in->kind, in->v[0], &ls);
    struct wt_record merged;
    record_copy(&merged, &loc);
    bool changed = false;
    for (int i = 0; i < ls.n; i++) {
        const struct store_clock *ic = &it->stamp.f[i], *lc = &ls.f[i];
        bool same = !differ(loc.v[i], in->v[i]);
        if (store_clock_after(ic, lc)) {
            /* Changed on both sides: the incoming change was not made on
             * top of the local value. */
            if (!same && lc->hlc && !clock_eq(&it->stamp.prev[i], lc))
                conflict(m, &loc, i, lc);
            if (!same)
                record_set(&merged, i, in->v[i]);
            ls.f[i] = *ic;
            ls.prev[i] = it->stamp.prev[i];
            changed = true;
        } else if (!same && ic->hlc && !clock_eq(&ls.prev[i], ic) && !clock_eq(ic, lc)) {
            conflict(m, in, i, ic);
        }
    }
    if (changed) {
        policy_dict_replace(m->t, merged.kind, merged.v[0], &merged);
        store_put_stamped(m->t, &merged, &ls);
        m->st.records++;
    }
    record_fini(&merged);
    record_fini(&loc);
}

/* A volunteer's record or submission becomes a pending submission here. */
static void submit(struct merge_ctx *m, const struct wt_record *r, const char *key,
                   const struct store_submission *orig)
{
    struct store_submission s;
    memset(&s, 0, sizeof s);
    uint64_t h = fnv(1469598103934665603ULL, &m->h.origin, sizeof m->h.origin);
    h = fnv(h, key, strlen(key));
    snprintf(s.id, sizeof s.id, "b-%016" PRIx64, h);
    snprintf(s.status, sizeof s.status, "pending");
    snprintf(s.submitter, sizeof s.submitter, "%s", orig ? orig->submitter : m->who.member);
    if (orig)
        snprintf(s.date, sizeof s.date, "%s", orig->date);
    else
        date_format(m->a->today, s.date);
    record_copy(&s.rec, r);
    queue_once(m, &s, &m->st.submissions);
    record_fini(&s.rec);
}

/* ---- rounds: the later clock wins, per round header and per door (a door is
 * who it is by the clock it was made with); a deleted round stays deleted
 * unless it changed after. From a volunteer's database too: rounds are the
 * team's field notes, not records; what a finding became went through review. */

static bool round_eq(const struct round_clock *a, const struct round_clock *b)
{
    return a->hlc == b->hlc && a->origin == b->origin;
}

/* True when a tombstone kept here is at least as late as c. */
static bool round_buried(struct merge_ctx *m, const char *id, const struct round_clock *c)
{
    struct store_clock tomb;
    if (store_round_gone_get(m->t, id, &tomb) != 0)
        return false;
    struct round_clock t = {tomb.hlc, tomb.origin};
    return !round_clock_after(c, &t);
}

static void merge_round(struct merge_ctx *m, const struct round *in)
{
    store_hlc_observe(m->t, in->changed.hlc);
    if (round_buried(m, in->id, &in->changed))
        return;
    struct round loc;
    int rc = store_round_get(m->t, in->id, &loc);
    if (rc == WT_ENOTFOUND || (rc == 0 && round_eq(&loc.made, &in->made) &&
                               round_clock_after(&in->changed, &loc.changed))) {
        store_round_put(m->t, in);
        m->st.rounds++;
    }
    /* The same id for another round (made elsewhere the same day): kept apart
     * by leaving the incoming one out; rounds made on a community laptop
     * carry that laptop's mark in their id, so this is rare. */
    round_fini(&loc);
}

/* One walk over a round's doors: the door made with in's clock, the highest
 * number, and whether in's number is taken here. */
struct door_find {
    const struct round_door *in;
    struct round_door found;
    bool have, taken;
    int max;
};

static int find_door(void *ctx, const struct round_door *d)
{
    struct door_find *f = ctx;
    if (d->no > f->max)
        f->max = d->no;
    f->taken |= d->no == f->in->no;
    if (!f->have && round_eq(&d->made, &f->in->made)) {
        round_door_copy(&f->found, d);
        f->have = true;
    }
    return 0;
}

static void merge_door(struct merge_ctx *m, const char *round_id, const struct round_door *in)
{
    store_hlc_observe(m->t, in->changed.hlc);
    struct round have;
    int rc = store_round_get(m->t, round_id, &have);
    round_fini(&have);
    if (rc)
        return; /* the round is not here (deleted, or another round of that id) */
    struct door_find f = {in, {0}, false, false, 0};
    store_door_each(m->t, round_id, find_door, &f);
    struct round_door d;
    round_door_copy(&d, in);
    if (f.have) {
        bool later = round_clock_after(&in->changed, &f.found.changed);
        d.no = f.found.no; /* numbers are local: the door keeps its place here */
        round_door_fini(&f.found);
        if (!later) {
            round_door_fini(&d);
            return;
        }
    } else if (f.taken) {
        d.no = f.max + 1;
    }
    store_door_put(m->t, round_id, &d);
    m->st.rounds++;
    round_door_fini(&d);
}

static void merge_round_gone(struct merge_ctx *m, const char *id, const struct store_clock *c)
{
    store_hlc_observe(m->t, c->hlc);
    struct round loc;
    int rc = store_round_get(m->t, id, &loc);
    struct round_clock rc_c = {c->hlc, c->origin};
    bool keep = rc == 0 && round_clock_after(&loc.changed, &rc_c);
    round_fini(&loc);
    if (keep)
        return; /* changed here after it was deleted there */
    store_round_gone(m->t, id, c);
    m->st.rounds += rc == 0;
}

/* Applies one item of the body; always 0 (errors stick to the transaction). */
static int merge_item(void *ctx, const struct bundle_item *it)
{
    struct merge_ctx *m = ctx;
    char key[80];
    if (it->type == 'U') {
        merge_round(m, &it->round);
        return 0;
    }
    if (it->type == 'D') {
        merge_door(m, it->id, &it->door);
        return 0;
    }
    if (it->type == 'X') {
        merge_round_gone(m, it->id, &it->stamp.f[0]);
        return 0;
    }
    if (it->type == 'S') {
        if (case_kind(it->sub.rec.kind))
            return 0;
        snprintf(key, sizeof key, "S/%s", it->sub.id);
        submit(m, &it->sub.rec, key, &it->sub);
        return 0;
    }
    enum wt_kind kind = it->type == 'R' ? it->rec.kind : it->kind;
    if (case_kind(kind) && !store_txn_can_read(m->t, kind))
        return 0;
    if (m->from_volunteer) {
        if (it->type == 'R' && !case_kind(kind)) {
            snprintf(key, sizeof key, "R/%d/%s/%016" PRIx64, (int)kind, it->rec.v[0],
                     fnv(1469598103934665603ULL, it->stamp.f, sizeof it->stamp.f));
            submit(m, &it->rec, key, NULL);
        }
        return 0;
    }
    if (it->type == 'R') {
        merge_record(m, it);
        return 0;
    }
    /* A tombstone deletes unless the record changed after it. */
    store_hlc_observe(m->t, it->stamp.f[0].hlc);
    struct store_stamp ls;
    if (store_stamp_get(m->t, kind, it->id, &ls) == 0)
        for (int i = 0; i < ls.n; i++)
            if (store_clock_after(&ls.f[i], &it->stamp.f[0]))
                return 0;
    struct store_clock have;
    bool existed = store_exists(m->t, kind, it->id);
    if (!existed && store_tomb_get(m->t, kind, it->id, &have) == 0 &&
        !store_clock_after(&it->stamp.f[0], &have))
        return 0;
    if (existed)
        policy_dict_replace(m->t, kind, it->id, NULL);
    store_tomb_put(m->t, kind, it->id, &it->stamp.f[0]);
    m->st.tombs += existed;
    return 0;
}

/* Accepts every item (the checking pass). */
static int no_item(void *ctx, const struct bundle_item *it)
{
    (void)ctx, (void)it;
    return 0;
}

/* The import as a replayable write: opens and checks the bundle, then merges it. */
static int merge_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct merge_ctx *m = ctx;
    memset(&m->st, 0, sizeof m->st);
    m->t = t;
    unsigned char *body;
    size_t blen;
    int rc = store_bundle_open(t, m->file, m->len, &m->h, &body, &blen, err);
    if (rc)
        return rc;
    /* Check the whole body first: a bad item anywhere stores nothing. */
    rc = bundle_body_read(body, blen, &m->who, no_item, NULL);
    if (rc) {
        free(body);
        store_bundle_hdr_fini(&m->h);
        return wt_error_set(err, WT_EINVAL, _("de bundel is beschadigd (inhoud)"));
    }
    char *community = NULL;
    bool is_community = store_meta_get(t, "sync/community", &community) == 0;
    free(community);
    m->from_volunteer = strcmp(m->who.role, "volunteer") == 0 ||
                        (m->h.comp == 0 && !is_community);
    rc = bundle_body_read(body, blen, &m->who, merge_item, m);
    free(body);
    store_bundle_hdr_fini(&m->h);
    if (!rc)
        rc = store_txn_error(t);
    if (!rc) {
        /* The merged actions and members pass the one-by-one copies by:
         * rebuild them all now, or (a member who does not read actions)
         * when a team member next opens the meeting. */
        app_owned_stale(t);
        app_owned_refresh(t, m->a);
        struct store_log_entry e;
        char detail[80];
        snprintf(detail, sizeof detail, "bundel: %zu records, %zu verwijderd, %zu conflicten",
                 m->st.records, m->st.tombs, m->st.conflicts);
        app_log_fill(m->a, &e, "import", APP_NO_KIND, "", detail);
        store_log_append(t, &e);
        rc = store_txn_error(t);
    }
    return rc;
}

int app_bundle_read_header(FILE *in, struct buf *file, struct wt_error *err)
{
    return store_bundle_read_header(in, file, err);
}

int app_bundle_read(struct app *a, FILE *in, struct buf *file, struct wt_error *err)
{
    return store_bundle_read(a && !app_locked(a) ? a->store : NULL, in, file, err);
}

int app_bundle_import(struct app *a, const unsigned char *file, size_t len,
                      struct app_bundle_stats *st, struct wt_error *err)
{
    struct merge_ctx m;
    memset(&m, 0, sizeof m);
    m.a = a;
    m.file = file;
    m.len = len;
    int rc = store_write(a->store, merge_write, &m, err);
    if (st)
        *st = m.st;
    return rc;
}

struct init_ctx {
    const struct store_bundle_hdr *h;
};

/* Writes the bundle's keyslot and team id into the new database. */
static int adopt_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    struct init_ctx *c = ctx;
    store_bundle_adopt(t, c->h);
    if (c->h->comp == 0)
        store_meta_put(t, "sync/community", "1");
    return store_txn_error(t);
}

/* Removes what a failed init --from made (only the files a store creates). */
static void remove_db(const char *dir)
{
    static const char *const files[] = {"data.mdb", "lock.mdb", "open.lock", "write.lock"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char *p = xasprintf("%s/%s", dir, files[i]);
        unlink(p);
        free(p);
    }
    rmdir(dir);
}

/* A database that does not know its own member refuses every command: a
 * bundle that did not carry the member (one from a volunteer's database,
 * which passes on only what changed there) makes none. */
static int member_arrived(struct app *a, const char *id, struct wt_error *err)
{
    struct store_txn *t;
    int rc = store_read_begin(a->store, &t, err);
    if (rc)
        return rc;
    bool known = store_exists(t, WT_MEMBERS, id);
    store_read_end(t);
    if (known)
        return 0;
    return wt_error_set(err, WT_EINVAL,
                        _("deze bundel bevat lid %s niet en maakt geen database; maak hem in "
                          "de database van het team met 'bundle export --for %s'"),
                        id, id);
}

int app_bundle_init(const char *dir, const unsigned char *file, size_t len,
                    app_passphrase_fn pass, void *ctx, char **member, struct wt_error *err)
{
    struct store_bundle_hdr h;
    *member = NULL;
    int rc = store_bundle_peek(file, len, &h, err);
    if (rc)
        return rc;
    if (!h.slot[0][0] || !h.slot[1][0] || !h.slot[3][0] || !record_id_valid(h.slot[0])) {
        store_bundle_hdr_fini(&h);
        return wt_error_set(err, WT_EINVAL,
                            _("deze bundel heeft geen sleutel voor een lid; maak hem met "
                              "'bundle export --for LID'"));
    }
    char *data = xasprintf("%s/data.mdb", dir);
    bool exists = access(data, F_OK) == 0;
    free(data);
    if (exists) {
        store_bundle_hdr_fini(&h);
        return wt_error_set(err, WT_EEXIST, _("%s: hier staat al een database"), dir);
    }
    const char *p = pass ? pass(ctx, h.slot[0]) : NULL;
    struct app *a = xcalloc(1, sizeof *a);
    a->dir = xstrdup(dir);
    a->today = app_today();
    a->path = "bundle";
    a->team = xstrdup("");
    record_init(&a->member, WT_MEMBERS);
    record_set(&a->member, MEMBER_ID, h.slot[0]);
    enum app_role role = strcmp(h.slot[1], "leader") == 0         ? APP_LEADER
                         : strcmp(h.slot[1], "professional") == 0 ? APP_PROFESSIONAL
                                                                  : APP_VOLUNTEER;
    a->role = role;
    struct store_opts o = {.create = true};
    struct init_ctx c = {&h};
    if (!p)
        rc = wt_error_set(err, WT_EPERM, _("geef de wachtwoordzin van %s (terminal of "
                                           "WIJKTAFEL_PASSPHRASE)"), h.slot[0]);
    if (!rc)
        rc = store_open(dir, &o, &a->store, err);
    if (!rc)
        rc = store_write(a->store, adopt_write, &c, err);
    if (!rc)
        rc = store_unlock(a->store, h.slot[0], p, err);
    if (!rc)
        rc = app_bundle_import(a, file, len, NULL, err);
    if (!rc)
        rc = member_arrived(a, h.slot[0], err);
    if (!rc)
        *member = xstrdup(h.slot[0]);
    store_bundle_hdr_fini(&h);
    bool made = a->store != NULL;
    app_close(a);
    if (rc && made)
        remove_db(dir);
    return rc;
}
