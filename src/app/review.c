/* review.c: volunteers' submissions waiting for a leader: accept, edit, merge into a duplicate, reject. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting_int.h"
#include "policy_int.h"
#include "wijktafel/area.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/text.h"

struct review_filter {
    struct policy_read p;
    app_review_fn fn;
    void *ctx;
};

/* The member's own submissions (a leader: all), shaped as app hands out records. */
static int own_only(void *ctx, const struct store_submission *s)
{
    struct review_filter *f = ctx;
    const struct app *a = f->p.a;
    bool own = strcmp(s->submitter, record_get(&a->member, MEMBER_ID)) == 0;
    if (a->role != APP_LEADER && !own)
        return 0;
    struct app_submission shown;
    /* A volunteer's own request is theirs (as sent), never the case it became. */
    bool sent = own && s->rec.kind == WT_CASES && a->role == APP_VOLUNTEER;
    if (sent ? !policy_shape_own(&f->p, &s->rec, &shown.rec)
             : !policy_shape(&f->p, &s->rec, &shown.rec))
        return 0;
    snprintf(shown.id, sizeof shown.id, "%s", s->id);
    snprintf(shown.status, sizeof shown.status, "%s", s->status);
    snprintf(shown.submitter, sizeof shown.submitter, "%s", s->submitter);
    snprintf(shown.date, sizeof shown.date, "%s", s->date);
    snprintf(shown.reason, sizeof shown.reason, "%s", s->reason);
    snprintf(shown.decider, sizeof shown.decider, "%s", s->decider);
    snprintf(shown.decided, sizeof shown.decided, "%s", s->decided);
    int rc = f->fn(f->ctx, &shown);
    record_fini(&shown.rec);
    return rc;
}

int app_review_each(struct app *a, app_review_fn fn, void *ctx, struct wt_error *err)
{
    struct store_txn *t;
    int rc = store_read_begin(a->store, &t, err);
    if (rc)
        return rc;
    struct review_filter f = {.fn = fn, .ctx = ctx};
    rc = policy_read_init(&f.p, a, t);
    if (!rc)
        rc = store_review_each(t, own_only, &f);
    policy_read_fini(&f.p);
    store_read_end(t);
    if (rc < 0)
        return wt_error_set(err, rc, _("%s: de beoordelingslijst kan niet worden gelezen"), a->dir);
    return rc;
}

/* Queues a volunteer's record as a pending submission (called in a write). */
int app_review_submit(struct store_txn *t, const struct app *a, const struct wt_record *r)
{
    return app_review_submit_id(t, a, r, NULL);
}

int app_review_submit_id(struct store_txn *t, const struct app *a, const struct wt_record *r,
                         char sub_id[WT_MAX_ID + 1])
{
    struct store_submission s;
    memset(&s, 0, sizeof s);
    snprintf(s.status, sizeof s.status, "pending");
    snprintf(s.submitter, sizeof s.submitter, "%s", record_get(&a->member, MEMBER_ID));
    date_format(a->today, s.date);
    record_copy(&s.rec, r);
    /* A volunteer does not see cases: a link to one is not theirs to make. */
    if (r->kind == WT_SIGNALS)
        record_set(&s.rec, SIGNAL_CASE, NULL);
    /* A new record gets its id on acceptance (two pending ones must not
     * share one); until then it carries the submission's id. */
    bool fresh = !r->v[0] || !*r->v[0];
    if (fresh)
        record_set(&s.rec, 0, "v-new");
    store_review_put(t, &s);
    if (fresh) {
        record_set(&s.rec, 0, s.id);
        store_review_put(t, &s);
    }
    struct store_log_entry e;
    app_log_fill(a, &e, "submit", r->kind, r->v[0], s.id);
    store_log_append(t, &e);
    record_fini(&s.rec);
    if (sub_id)
        snprintf(sub_id, WT_MAX_ID + 1, "%s", s.id);
    return store_txn_error(t);
}

/* Marks s decided by this member today, and notes the decision in today's
 * minutes ("review/SUB" = "STATUS\tKIND\tRECORD"), in the caller's write. */
static void mark_decided(struct store_txn *t, const struct app *a, struct store_submission *s,
                         const char *status, const char *record_id)
{
    snprintf(s->status, sizeof s->status, "%s", status);
    snprintf(s->decider, sizeof s->decider, "%s", record_get(&a->member, MEMBER_ID));
    date_format(a->today, s->decided);
    char *tail = xasprintf("review/%s", s->id);
    char *key = meeting_key(a->today, tail);
    char *note = xasprintf("%s\t%s\t%s", status, record_kind(s->rec.kind)->name,
                           record_id ? record_id : "");
    store_meta_put(t, key, note);
    free(note);
    free(key);
    free(tail);
}

/* What stays in the queue of an accepted care request: what the volunteer
 * sent about the request itself, never the resident (the case is the team's).
 * The resident's name gives way to "-", so that the record stays a valid
 * case (a dump's review.csv is restored through the same checks). */
static void strip_case(struct wt_record *r)
{
    for (int f = 1; f < CASE_NFIELDS; f++)
        if (f != CASE_OPENED && f != CASE_AREA && f != CASE_REQUEST && f != CASE_CHANNEL)
            record_set(r, f, NULL);
    record_set(r, CASE_RESIDENT, "-");
}

struct decide {
    struct app *a;
    const char *sub_id;
    struct wt_record *edited;
    const char *reason;
    const char *target;
};

static int load_pending(struct store_txn *t, const char *id, struct store_submission *s,
                        struct wt_error *err)
{
    int rc = store_review_get(t, id, s);
    if (rc == WT_ENOTFOUND)
        return wt_error_set(err, rc, _("inzending %s bestaat niet"), id);
    if (rc)
        return wt_error_set(err, rc, _("inzending %s kan niet worden gelezen"), id);
    if (strcmp(s->status, "pending") != 0)
        return wt_error_set(err, WT_EINVAL, _("inzending %s is al beoordeeld (%s)"), id,
                            s->status);
    return 0;
}

/* Stores the decided submission s, logs action on kind/id, and points the
 * doors that named the submission at made (NULL: at nothing). */
static void decided(struct store_txn *t, const struct decide *d, struct store_submission *s,
                    const char *action, enum wt_kind kind, const char *id, const char *made)
{
    store_review_put(t, s);
    struct store_log_entry e;
    app_log_fill(d->a, &e, action, kind, id, d->sub_id);
    store_log_append(t, &e);
    app_rounds_relink(t, d->sub_id, made);
}

static int accept_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct decide *d = ctx;
    struct store_submission s;
    int rc = load_pending(t, d->sub_id, &s, err);
    struct wt_record r;
    if (!rc) {
        record_copy(&r, d->edited ? d->edited : &s.rec);
        if (!r.v[0] || !*r.v[0] || strcmp(r.v[0], s.id) == 0)
            app_next_id(t, &r); /* a new record: its id is given now */
        if (r.kind == WT_CASES && !r.v[CASE_OWNER]) /* the leader who takes it in */
            record_set(&r, CASE_OWNER, record_get(&d->a->member, MEMBER_ID));
        rc = record_validate(&r, err);
        if (!rc)
            rc = app_check_refs(t, &r, NULL, err);
        if (!rc)
            app_case_closing(t, d->a, &r); /* cases and projects */
        if (!rc && policy_put(t, &r) == 0) {
            if (r.kind == WT_ACTIONS)
                app_owned_action(t, d->a, &r, NULL);
            mark_decided(t, d->a, &s, "accepted", r.v[0]);
            if (s.rec.kind == WT_CASES)
                strip_case(&s.rec);
            if (d->edited)
                snprintf(s.reason, sizeof s.reason, _("aangepast en geaccepteerd"));
            decided(t, d, &s, "accept", r.kind, r.v[0], r.v[0]);
        }
        record_fini(&r);
    }
    record_fini(&s.rec);
    return rc ? rc : store_txn_error(t);
}

int app_review_accept(struct app *a, const char *sub_id, struct wt_record *edited,
                      struct wt_error *err)
{
    int rc = app_leader_only(a, _("inzendingen beoordelen"), err);
    if (rc)
        return rc;
    struct decide d = {a, sub_id, edited, NULL, NULL};
    return store_write(a->store, accept_write, &d, err);
}

static int reject_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct decide *d = ctx;
    struct store_submission s;
    int rc = load_pending(t, d->sub_id, &s, err);
    if (!rc) {
        mark_decided(t, d->a, &s, "rejected", NULL);
        snprintf(s.reason, sizeof s.reason, "%s", d->reason);
        decided(t, d, &s, "reject", s.rec.kind, s.rec.v[0], NULL);
    }
    record_fini(&s.rec);
    return rc ? rc : store_txn_error(t);
}

int app_review_reject(struct app *a, const char *sub_id, const char *reason,
                      struct wt_error *err)
{
    int rc = app_leader_only(a, _("inzendingen beoordelen"), err);
    if (rc)
        return rc;
    if (!reason || !*reason)
        return wt_error_set(err, WT_EINVAL, _("geef een reden voor de afwijzing"));
    struct decide d = {a, sub_id, NULL, reason, NULL};
    return store_write(a->store, reject_write, &d, err);
}

static int merge_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct decide *d = ctx;
    struct store_submission s;
    int rc = load_pending(t, d->sub_id, &s, err);
    struct wt_record target;
    record_init(&target, s.rec.kind);
    if (!rc) {
        record_fini(&target);
        rc = store_get(t, s.rec.kind, d->target, &target);
        if (rc == WT_ENOTFOUND)
            rc = wt_error_set(err, rc, _("%s %s bestaat niet"), record_kind(s.rec.kind)->name,
                              d->target);
    }
    if (!rc) {
        const struct wt_kind_def *kd = record_kind(s.rec.kind);
        for (int f = 1; f < kd->nfields; f++)
            if (!target.v[f] && s.rec.v[f])
                record_set(&target, f, s.rec.v[f]);
        if (policy_put(t, &target) == 0) {
            /* Only empty columns were filled: an owner was none before. */
            if (target.kind == WT_ACTIONS)
                app_owned_action(t, d->a, &target, NULL);
            mark_decided(t, d->a, &s, "merged", d->target);
            snprintf(s.status, sizeof s.status, "accepted");
            if (s.rec.kind == WT_CASES)
                strip_case(&s.rec);
            snprintf(s.reason, sizeof s.reason, _("samengevoegd met %s"), d->target);
            decided(t, d, &s, "merge", s.rec.kind, d->target, d->target);
        }
    }
    record_fini(&target);
    record_fini(&s.rec);
    return rc ? rc : store_txn_error(t);
}

int app_review_merge(struct app *a, const char *sub_id, const char *target_id,
                     struct wt_error *err)
{
    int rc = app_leader_only(a, _("inzendingen beoordelen"), err);
    if (rc)
        return rc;
    struct decide d = {a, sub_id, NULL, NULL, target_id};
    return store_write(a->store, merge_write, &d, err);
}

/* Words of a folded text (letters and digits), for a similarity measure. */
static size_t words(const char *s, char w[][32], size_t max)
{
    char *f = text_fold(s ? s : "");
    size_t n = 0, len = 0;
    for (const char *p = f ? f : ""; ; p++) {
        bool alnum = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
                     (unsigned char)*p >= 0x80;
        if (alnum && len < 31) {
            w[n][len++] = *p;
        } else if (!alnum && len) {
            w[n][len] = '\0';
            if (len >= 3 && n + 1 < max)
                n++;
            len = 0;
        }
        if (!*p)
            break;
    }
    free(f);
    return n;
}

static double similarity(const char *a, const char *b)
{
    char wa[64][32], wb[64][32];
    size_t na = words(a, wa, 64), nb = words(b, wb, 64), both = 0;
    for (size_t i = 0; i < na; i++)
        for (size_t k = 0; k < nb; k++)
            if (strcmp(wa[i], wb[k]) == 0) {
                both++;
                break;
            }
    size_t uni = na + nb - both;
    return uni ? (double)both / (double)uni : 0.0;
}

struct dup_scan {
    const struct app_submission *sub;
    int name_field, area_field;
    struct { char id[WT_MAX_ID + 1]; double score; } best[16];
    size_t n;
};

static int dup_one(void *ctx, const struct wt_record *r)
{
    struct dup_scan *d = ctx;
    const struct wt_record *s = &d->sub->rec;
    if (r->kind == WT_CASES && strcmp(record_get(r, CASE_STATUS), "closed") == 0)
        return 0; /* a new request is a duplicate of an open case only */
    const char *sa = record_get(s, d->area_field), *ra = record_get(r, d->area_field);
    if (!area_within(sa, ra) && !area_within(ra, sa))
        return 0;
    double sim = similarity(record_get(s, d->name_field), record_get(r, d->name_field));
    if (strcmp(r->v[0], s->v[0]) == 0)
        sim += 1.0; /* the same id: it would replace this record */
    if (sim < 0.34)
        return 0;
    size_t pos = d->n < 16 ? d->n++ : 15;
    if (pos == 15 && d->best[15].score >= sim)
        return 0;
    d->best[pos].score = sim;
    snprintf(d->best[pos].id, sizeof d->best[pos].id, "%s", r->v[0]);
    for (size_t i = pos; i > 0 && d->best[i].score > d->best[i - 1].score; i--) {
        __typeof__(d->best[0]) tmp = d->best[i];
        d->best[i] = d->best[i - 1];
        d->best[i - 1] = tmp;
    }
    return 0;
}

size_t app_review_duplicates(struct app *a, const struct app_submission *sub,
                             char ids[][WT_MAX_ID + 1], size_t max, struct wt_error *err)
{
    struct dup_scan d = {.sub = sub};
    switch (sub->rec.kind) {
    case WT_SIGNALS: d.name_field = SIGNAL_TEXT; d.area_field = SIGNAL_AREA; break;
    case WT_RESOURCES: d.name_field = RESOURCE_NAME; d.area_field = RESOURCE_AREA; break;
    case WT_TALENTS: d.name_field = TALENT_NAME; d.area_field = TALENT_AREA; break;
    case WT_CASES: d.name_field = CASE_RESIDENT; d.area_field = CASE_AREA; break;
    default: return 0;
    }
    struct store_txn *t;
    if (store_read_begin(a->store, &t, err) != 0)
        return 0;
    int rc = store_each(t, sub->rec.kind, dup_one, &d);
    int end = store_read_end(t);
    if (rc || end) {
        wt_error_set(err, rc ? rc : end, _("%s: de mogelijke dubbelen kunnen niet worden gezocht"),
                     a->dir);
        return 0;
    }
    size_t n = d.n < max ? d.n : max;
    for (size_t i = 0; i < n; i++)
        snprintf(ids[i], WT_MAX_ID + 1, "%s", d.best[i].id);
    /* A request: after the same resident, the open cases most like it. */
    if (sub->rec.kind == WT_CASES && n < max)
        n += app_intake_similar(a, &sub->rec, ids, n, max - n, err);
    return n;
}
