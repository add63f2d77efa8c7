/* rounds.c: door-to-door rounds: making a round, recording doors, turning findings into records. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "policy_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"

/* Nothing is written on the wall. */
static int may_write(const struct app *a, struct wt_error *err)
{
    if (a->readonly)
        return wt_error_set(err, WT_EPERM, _("de muur toont alleen; hier wordt niets bewaard"));
    return 0;
}

/* The clock of a change made now in this write. */
static struct round_clock clock_now(struct store_txn *t)
{
    struct store_clock c = store_clock_now(t);
    return (struct round_clock){c.hlc, c.origin};
}

static void log_round(struct store_txn *t, const struct app *a, const char *action,
                      const char *id, const char *detail)
{
    struct store_log_entry e;
    app_log_fill(a, &e, action, (enum wt_kind)-1, id, detail);
    store_log_append(t, &e);
}

/* ---- reading ---- */

struct list_ctx {
    struct app_round *rs;
    size_t n;
    int32_t from, to;
};

static int add_round(void *ctx, const struct round *r)
{
    struct list_ctx *c = ctx;
    int32_t day;
    if (date_parse(r->date, &day) != 0 || day < c->from || day > c->to)
        return 0;
    c->rs = xrealloc(c->rs, (c->n + 1) * sizeof *c->rs);
    struct app_round *ar = &c->rs[c->n++];
    memset(ar, 0, sizeof *ar);
    round_copy(&ar->r, r);
    return 0;
}

static int add_door(void *ctx, const struct round_door *d)
{
    struct app_round *ar = ctx;
    ar->doors = xrealloc(ar->doors, (ar->ndoors + 1) * sizeof *ar->doors);
    round_door_copy(&ar->doors[ar->ndoors++], d);
    round_tally_add(&ar->tally, d);
    return 0;
}

/* Newest first, then by id. */
static int newest_first(const void *a, const void *b)
{
    const struct app_round *x = a, *y = b;
    int c = strcmp(y->r.date, x->r.date);
    return c ? c : strcmp(x->r.id, y->r.id);
}

int app_rounds_list(struct app *a, int32_t from, int32_t to, struct app_round **out, size_t *n,
                    struct wt_error *err)
{
    *out = NULL;
    *n = 0;
    struct store_txn *t;
    int rc = store_read_begin(a->store, &t, err);
    if (rc)
        return rc;
    struct list_ctx c = {NULL, 0, from, to};
    rc = store_round_each(t, add_round, &c);
    for (size_t i = 0; i < c.n && !rc; i++)
        rc = store_door_each(t, c.rs[i].r.id, add_door, &c.rs[i]);
    if (!rc) { /* the doors as this app may hand them out */
        struct policy_read p;
        rc = policy_read_init(&p, a, t);
        for (size_t i = 0; i < c.n && !rc; i++)
            for (size_t j = 0; j < c.rs[i].ndoors; j++)
                policy_shape_door(&p, &c.rs[i].doors[j]);
        policy_read_fini(&p);
    }
    store_read_end(t);
    if (rc) {
        app_rounds_free(c.rs, c.n);
        if (rc == WT_EPERM)
            return wt_error_set(err, rc, _("%s: de rondes zijn niet te openen met uw sleutel"),
                                a->dir);
        return wt_error_set(err, rc, _("%s: de rondes kunnen niet worden gelezen"), a->dir);
    }
    if (c.n > 1)
        qsort(c.rs, c.n, sizeof *c.rs, newest_first);
    *out = c.rs;
    *n = c.n;
    return 0;
}

void app_rounds_free(struct app_round *rs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        round_fini(&rs[i].r);
        for (size_t j = 0; j < rs[i].ndoors; j++)
            round_door_fini(&rs[i].doors[j]);
        free(rs[i].doors);
    }
    free(rs);
}

/* ---- a round ---- */

struct round_op {
    const struct app *a;
    struct round *r;
    bool fresh;
};

struct first_missing {
    struct store_txn *t;
    char id[WT_MAX_ID + 1];
};

static int find_missing(void *ctx, const char *id)
{
    struct first_missing *m = ctx;
    if (store_exists(m->t, WT_MEMBERS, id))
        return 0;
    snprintf(m->id, sizeof m->id, "%s", id);
    return 1;
}

static int round_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct round_op *o = ctx;
    struct first_missing m = {t, ""};
    if (round_pairs_each(o->r->pairs, find_missing, &m))
        return wt_error_set(err, WT_EINVAL, _("wie met wie: %s is geen lid van het team"), m.id);
    if (o->fresh) {
        /* "ronde-DATE", then "-2", "-3", ... inside the write, so that two
         * writers never take the same id. */
        char id[WT_MAX_ID + 16], base[WT_MAX_ID + 1];
        snprintf(base, sizeof base, "ronde-%s", o->r->date);
        /* On a laptop made from a bundle (the community centre) the id carries
         * a mark of that laptop, so that its rounds never take an id the
         * team's database gives the same day. */
        char *community = NULL;
        if (store_meta_get(t, "sync/community", &community) == 0)
            snprintf(base, sizeof base, "ronde-%s-%04x", o->r->date,
                     (unsigned)(store_db_id(t) & 0xffff));
        free(community);
        snprintf(id, sizeof id, "%s", base);
        struct round have;
        for (int i = 2; store_round_get(t, id, &have) != WT_ENOTFOUND; i++) {
            round_fini(&have);
            snprintf(id, sizeof id, "%s-%d", base, i);
        }
        round_fini(&have);
        size_t idlen = strlen(id);
        if (idlen > WT_MAX_ID)
            return wt_error_set(err, WT_EINVAL, _("te veel rondes op %s"), o->r->date);
        memcpy(o->r->id, id, idlen + 1);
        o->r->made = clock_now(t);
        o->r->changed = o->r->made;
    } else {
        struct round have;
        int grc = store_round_get(t, o->r->id, &have);
        if (grc == 0) {
            o->r->made = have.made;
            snprintf(o->r->by, sizeof o->r->by, "%s", have.by);
        }
        round_fini(&have);
        if (grc)
            return wt_error_set(err, grc, _("ronde %s bestaat niet"), o->r->id);
        o->r->changed = clock_now(t);
    }
    store_round_put(t, o->r);
    log_round(t, o->a, o->fresh ? "create" : "change", o->r->id, "ronde");
    return store_txn_error(t);
}

int app_round_save(struct app *a, struct round *r, struct wt_error *err)
{
    int rc = may_write(a, err);
    if (rc)
        return rc;
    bool fresh = !*r->id;
    if (fresh) {
        snprintf(r->by, sizeof r->by, "%s", record_get(&a->member, MEMBER_ID));
        snprintf(r->id, sizeof r->id, "ronde-new"); /* a placeholder to validate */
    }
    rc = round_validate(r, err);
    if (fresh)
        r->id[0] = 0;
    if (rc)
        return rc;
    struct round_op o = {a, r, fresh};
    rc = store_write(a->store, round_write, &o, err);
    if (rc && fresh)
        r->id[0] = 0;
    return rc;
}

struct del_op {
    const struct app *a;
    const char *id;
};

static int round_del_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct del_op *o = ctx;
    struct round r;
    int rc = store_round_get(t, o->id, &r);
    if (rc == WT_ENOTFOUND) {
        round_fini(&r);
        return wt_error_set(err, rc, _("ronde %s bestaat niet"), o->id);
    }
    bool mine = strcmp(r.by, record_get(&o->a->member, MEMBER_ID)) == 0;
    round_fini(&r);
    if (o->a->role != APP_LEADER && !mine)
        return wt_error_set(err, WT_EPERM,
                            _("alleen een leider of wie de ronde maakte mag haar weggooien"));
    struct store_clock now = store_clock_now(t);
    store_round_gone(t, o->id, &now);
    log_round(t, o->a, "delete", o->id, "ronde");
    return store_txn_error(t);
}

int app_round_delete(struct app *a, const char *id, struct wt_error *err)
{
    int rc = may_write(a, err);
    if (rc)
        return rc;
    struct del_op o = {a, id};
    return store_write(a->store, round_del_write, &o, err);
}

/* ---- doors ---- */

struct door_op {
    const struct app *a;
    const char *round_id;
    struct round_door *d;
    bool fresh;
};

static int last_no(void *ctx, const struct round_door *d)
{
    int *max = ctx;
    if (d->no > *max)
        *max = d->no;
    return 0;
}

static int door_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct door_op *o = ctx;
    struct round r;
    int rc = store_round_get(t, o->round_id, &r);
    round_fini(&r);
    if (rc == WT_ENOTFOUND)
        return wt_error_set(err, rc, _("ronde %s bestaat niet"), o->round_id);
    if (o->fresh) {
        int max = 0;
        store_door_each(t, o->round_id, last_no, &max);
        o->d->no = max + 1;
        o->d->made = clock_now(t);
        o->d->changed = o->d->made;
    } else {
        /* What the findings became is kept: a door edited later keeps its links. */
        struct round_door old;
        int grc = store_door_get(t, o->round_id, o->d->no, &old);
        if (grc == 0) {
            memcpy(o->d->signal, old.signal, sizeof old.signal);
            memcpy(o->d->made_case, old.made_case, sizeof old.made_case);
            memcpy(o->d->talent, old.talent, sizeof old.talent);
            memcpy(o->d->by, old.by, sizeof old.by);
            o->d->made = old.made;
        }
        round_door_fini(&old);
        if (grc)
            return wt_error_set(err, grc, _("deur %d van ronde %s is er niet"), o->d->no,
                                o->round_id);
        o->d->changed = clock_now(t);
    }
    store_door_put(t, o->round_id, o->d);
    char detail[32];
    snprintf(detail, sizeof detail, "deur %d", o->d->no);
    log_round(t, o->a, o->fresh ? "create" : "change", o->round_id, detail);
    return store_txn_error(t);
}

int app_door_save(struct app *a, const char *round_id, struct round_door *d,
                  struct wt_error *err)
{
    int rc = may_write(a, err);
    if (rc)
        return rc;
    bool fresh = d->no == 0;
    if (fresh) {
        d->no = 1; /* validated as a first door; numbered in the write */
        snprintf(d->by, sizeof d->by, "%s", record_get(&a->member, MEMBER_ID));
    }
    rc = round_door_validate(d, err);
    if (fresh)
        d->no = 0;
    if (rc)
        return rc;
    struct door_op o = {a, round_id, d, fresh};
    rc = store_write(a->store, door_write, &o, err);
    if (rc && fresh)
        d->no = 0;
    return rc;
}

/* ---- findings ---- */

/* Joins the non-empty texts with ". ". */
static char *join_texts(const char *const *texts, size_t n)
{
    struct buf b = {0};
    for (size_t i = 0; i < n; i++) {
        if (!texts[i] || !*texts[i])
            continue;
        if (b.len)
            buf_puts(&b, ". ");
        buf_puts(&b, texts[i]);
    }
    return buf_steal(&b);
}

/* The tags of vocab that occur in text (compared folded), ';'-separated. */
static char *vocabulary_in(const char *text, const char *const *vocab)
{
    struct buf b = {0};
    char *ft = text_fold(text);
    for (size_t i = 0; ft && vocab[i]; i++) {
        char *fv = text_fold(vocab[i]);
        if (fv && strstr(ft, fv))
            buf_printf(&b, "%s%s", b.len ? ";" : "", vocab[i]);
        free(fv);
    }
    free(ft);
    return buf_steal(&b);
}

void app_door_draft(const struct app *a, const struct round *r, const struct round_door *d,
                    enum round_finding what, struct wt_record *out)
{
    char today[11];
    date_format(a->today, today);
    const char *lonely = d->lonely ? "eenzaamheid" : NULL;
    switch (what) {
    case FINDING_SIGNAL: {
        record_init(out, WT_SIGNALS);
        const char *texts[] = {d->ideas, d->note, d->lonely ? _("tekenen van eenzaamheid") : ""};
        char *text = join_texts(texts, 3);
        record_set(out, SIGNAL_TEXT, text);
        free(text);
        record_set(out, SIGNAL_DATE, r->date);
        record_set(out, SIGNAL_AREA, r->area);
        record_set(out, SIGNAL_SOURCE, strcmp(r->kind, "bakkie") == 0 ? "buurthuis" : "wijkscan");
        record_set(out, SIGNAL_THEMES, lonely);
        break;
    }
    case FINDING_CASE: {
        record_init(out, WT_CASES);
        const char *texts[] = {d->care, d->note};
        char *text = join_texts(texts, 2);
        record_set(out, CASE_REQUEST, text);
        free(text);
        record_set(out, CASE_OPENED, today);
        record_set(out, CASE_AREA, r->area);
        record_set(out, CASE_STATUS, "new");
        record_set(out, CASE_NEEDS, lonely);
        record_set(out, CASE_OWNER, a->role == APP_VOLUNTEER ? NULL : record_get(&a->member,
                                                                                MEMBER_ID));
        break;
    }
    case FINDING_TALENT: {
        record_init(out, WT_TALENTS);
        record_set(out, TALENT_AREA, r->area);
        /* The words of the shared vocabulary in what was met, as a start;
         * consent stays empty until the resident has given it. */
        char *offers = vocabulary_in(d->talents, tags_needs_vocabulary);
        char *interests = vocabulary_in(d->talents, tags_interests_vocabulary);
        record_set(out, TALENT_OFFERS, *offers ? offers : NULL);
        record_set(out, TALENT_INTERESTS, *interests ? interests : NULL);
        free(offers);
        free(interests);
        break;
    }
    }
}

struct make_op {
    struct app *a;
    const char *round_id;
    int no;
    enum round_finding what;
    struct wt_record *rec;
};

static int make_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct make_op *o = ctx;
    struct round_door d;
    int rc = store_door_get(t, o->round_id, o->no, &d);
    if (rc) {
        round_door_fini(&d);
        return wt_error_set(err, rc == WT_ENOTFOUND ? rc : WT_ECORRUPT,
                            _("deur %d van ronde %s is er niet"), o->no, o->round_id);
    }
    char made[WT_MAX_ID + 1] = "";
    rc = app_add_in(t, o->a, o->rec, made, err);
    if (rc == 0) {
        round_door_set_mark(&d, o->what, made);
        d.changed = clock_now(t);
        store_door_put(t, o->round_id, &d);
        rc = store_txn_error(t);
    }
    round_door_fini(&d);
    return rc;
}

int app_door_make(struct app *a, const char *round_id, int door_no, enum round_finding what,
                  struct wt_record *rec, struct wt_error *err)
{
    int rc = app_add_check(a, rec, err);
    if (rc)
        return rc;
    struct make_op o = {a, round_id, door_no, what, rec};
    return store_write(a->store, make_write, &o, err);
}

/* ---- a submission decided: the doors that point at it follow ---- */

struct relink {
    const char *old_id, *new_id;
    const char *round_id;
    struct round_door *doors; /* doors to write, with their round */
    char (*rounds)[WT_MAX_ID + 1];
    size_t n;
};

static int relink_door(void *ctx, const struct round_door *d)
{
    struct relink *l = ctx;
    bool points = false;
    for (int k = FINDING_SIGNAL; k <= FINDING_TALENT; k++)
        points |= strcmp(round_door_mark(d, (enum round_finding)k), l->old_id) == 0;
    if (!points)
        return 0;
    l->doors = xrealloc(l->doors, (l->n + 1) * sizeof *l->doors);
    l->rounds = xrealloc(l->rounds, (l->n + 1) * sizeof *l->rounds);
    round_door_copy(&l->doors[l->n], d);
    snprintf(l->rounds[l->n], sizeof l->rounds[l->n], "%s", l->round_id);
    l->n++;
    return 0;
}

struct round_ids {
    char (*ids)[WT_MAX_ID + 1];
    size_t n;
};

static int collect_round(void *ctx, const struct round *r)
{
    struct round_ids *ri = ctx;
    ri->ids = xrealloc(ri->ids, (ri->n + 1) * sizeof *ri->ids);
    snprintf(ri->ids[ri->n++], WT_MAX_ID + 1, "%s", r->id);
    return 0;
}

void app_rounds_relink(struct store_txn *t, const char *old_id, const char *new_id)
{
    struct round_ids ri = {NULL, 0};
    store_round_each(t, collect_round, &ri);
    struct relink l = {old_id, new_id ? new_id : "", NULL, NULL, NULL, 0};
    for (size_t i = 0; i < ri.n; i++) {
        l.round_id = ri.ids[i];
        store_door_each(t, ri.ids[i], relink_door, &l);
    }
    for (size_t i = 0; i < l.n; i++) {
        struct round_door *d = &l.doors[i];
        for (int k = FINDING_SIGNAL; k <= FINDING_TALENT; k++)
            if (strcmp(round_door_mark(d, (enum round_finding)k), old_id) == 0)
                round_door_set_mark(d, (enum round_finding)k, l.new_id);
        d->changed = clock_now(t);
        store_door_put(t, l.rounds[i], d);
        round_door_fini(d);
    }
    free(l.doors);
    free(l.rounds);
    free(ri.ids);
}
