/* meeting.c: the meeting of the day and the changes the chair makes during it, each one write. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meeting_int.h"
#include "policy_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"

char *meeting_key(int32_t day, const char *tail)
{
    char d[11];
    date_format(day, d);
    return xasprintf("meeting/%s/%s", d, tail);
}

/* Puts key = value unless key is already there. */
static void meta_put_once(struct store_txn *t, const char *key, const char *value)
{
    char *old = NULL;
    if (store_meta_get(t, key, &old) == WT_ENOTFOUND)
        store_meta_put(t, key, value);
    free(old);
}

/* rc (a failure to read the social map for its digest) with a message. */
static int map_unreadable(int rc, struct wt_error *err)
{
    return wt_error_set(err, rc, _("de sociale kaart kan niet worden gelezen"));
}

static int open_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct app *a = ctx;
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    char hm[8];
    strftime(hm, sizeof hm, "%H:%M", &tm);
    /* Who opened the screen today is present (the minutes name them), a
     * volunteer too; the rest of the day's notes are the team's. */
    char *k = meeting_present_key(a->today, record_get(&a->member, MEMBER_ID));
    meta_put_once(t, k, hm);
    free(k);
    if (!app_may(a, WT_ACTIONS, APP_OP_WRITE))
        return store_txn_error(t);
    k = meeting_key(a->today, "opened");
    meta_put_once(t, k, hm);
    free(k);
    k = meeting_key(a->today, "map");
    char *old = NULL;
    int rc = 0;
    char *digest = NULL;
    if (store_meta_get(t, k, &old) == WT_ENOTFOUND && (rc = meeting_map_digest(t, &digest)) == 0)
        store_meta_put(t, k, digest);
    free(digest);
    free(old);
    free(k);
    /* Saves keep volunteers' copies of their actions one by one, and import,
     * erase and a merged bundle rebuild them; only what those could not
     * rebuild (a bundle merged by a volunteer, a database from before)
     * is made again here, when a team member opens the screen. */
    if (!rc)
        app_owned_if_stale(t, a);
    return rc ? map_unreadable(rc, err) : store_txn_error(t);
}

int meeting_open(struct app *a, struct wt_error *err)
{
    return store_write(a->store, open_write, a, err);
}

static int close_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct app *a = ctx;
    char *digest;
    int rc = meeting_map_digest(t, &digest);
    if (rc)
        return map_unreadable(rc, err);
    char *k = meeting_key(a->today, "map");
    store_meta_put(t, k, digest);
    free(digest);
    free(k);
    return store_txn_error(t);
}

int meeting_close(struct app *a, struct wt_error *err)
{
    return store_write(a->store, close_write, a, err);
}

struct times_op {
    struct app *a;
    const unsigned *secs;
    int n;
};

static int times_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    struct times_op *o = ctx;
    struct buf b = {0};
    for (int i = 0; i < o->n; i++)
        buf_printf(&b, "%s%u", i ? " " : "", o->secs[i]);
    char *k = meeting_key(o->a->today, "times");
    store_meta_put(t, k, b.data ? b.data : "");
    free(k);
    buf_fini(&b);
    return store_txn_error(t);
}

int meeting_times_put(struct app *a, const unsigned *secs, int n, struct wt_error *err)
{
    if (a->readonly)
        return wt_error_set(err, WT_EPERM, _("de muur toont alleen; hier wordt niets bewaard"));
    struct times_op o = {a, secs, n};
    return store_write(a->store, times_write, &o, err);
}

int meeting_times_get(struct app *a, unsigned *secs, int n)
{
    memset(secs, 0, (size_t)n * sizeof *secs);
    struct store_txn *t;
    if (store_read_begin(a->store, &t, NULL) != 0)
        return 0;
    char *k = meeting_key(a->today, "times"), *v = NULL;
    int got = 0;
    if (store_meta_get(t, k, &v) == 0) {
        const char *p = v;
        char *end;
        for (; got < n; got++) {
            unsigned long x = strtoul(p, &end, 10);
            if (end == p || x > 24UL * 3600)
                break;
            secs[got] = (unsigned)x;
            p = end;
        }
    }
    free(v);
    free(k);
    store_read_end(t);
    return got;
}

struct prev_search {
    int32_t today, best;
};

static int prev_meta(void *ctx, const char *key, const char *value)
{
    (void)value;
    struct prev_search *p = ctx;
    int32_t d;
    char date[11];
    /* "meeting/YYYY-MM-DD/opened" */
    if (strlen(key) < 19 || strcmp(key + 18, "/opened") != 0)
        return 0;
    memcpy(date, key + 8, 10);
    date[10] = '\0';
    if (date_parse(date, &d) == 0 && d < p->today && d > p->best)
        p->best = d;
    return 0;
}

static int prev_action(void *ctx, const struct wt_record *r)
{
    struct prev_search *p = ctx;
    int32_t d;
    if (r->v[ACTION_MEETING] && date_parse(r->v[ACTION_MEETING], &d) == 0 && d < p->today &&
        d > p->best)
        p->best = d;
    return 0;
}

int32_t meeting_previous(struct app *a)
{
    struct prev_search p = {a->today, INT32_MIN};
    struct store_txn *t;
    if (store_read_begin(a->store, &t, NULL) == 0) {
        store_meta_each(t, "meeting/", prev_meta, &p);
        if (p.best == INT32_MIN)
            store_each(t, WT_ACTIONS, prev_action, &p);
        store_read_end(t);
    }
    return p.best == INT32_MIN ? a->today - 7 : p.best;
}

int meeting_decisions_get(struct app *a, int32_t day, char **out, struct wt_error *err)
{
    *out = NULL;
    struct store_txn *t;
    int rc = store_read_begin(a->store, &t, err);
    if (rc)
        return rc;
    char *k = meeting_key(day, "decisions");
    rc = store_meta_get(t, k, out);
    free(k);
    store_read_end(t);
    if (rc == WT_ENOTFOUND) {
        *out = xstrdup("");
        rc = 0;
    }
    return rc ? wt_error_set(err, rc, _("%s: de besluiten kunnen niet worden gelezen"), a->dir)
              : 0;
}

struct meta_set {
    char *key;
    const char *value; /* NULL deletes */
};

static int meta_set_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    struct meta_set *m = ctx;
    if (m->value && *m->value)
        store_meta_put(t, m->key, m->value);
    else
        store_meta_del(t, m->key);
    return store_txn_error(t);
}

int meeting_decisions_put(struct app *a, const char *text, struct wt_error *err)
{
    /* Decisions are the team's; volunteers give their input as signals. */
    int rc = app_allowed(a, WT_ACTIONS, APP_OP_WRITE, err);
    if (rc)
        return rc;
    size_t n = strlen(text);
    if (n > (size_t)WT_MAX_FIELD_BYTES * 4 || !text_valid_utf8(text, n))
        return wt_error_set(err, WT_EINVAL, _("besluiten: te lang of geen geldige tekst"));
    struct meta_set m = {meeting_key(a->today, "decisions"), text};
    rc = store_write(a->store, meta_set_write, &m, err);
    free(m.key);
    return rc;
}

static const char *const id_prefix[WT_KIND_COUNT] = {"m-", "c-", "s-", "r-",
                                                     "t-", "a-", "p-", "pa-"};

/* A fresh id for kind inside the write (so two writers never pick the same). */
void app_next_id(struct store_txn *t, struct wt_record *r)
{
    const char *prefix = id_prefix[r->kind];
    long max = 0;
    /* No value is read (or opened, on an encrypted database): the ids, or
     * for cases under tokens the largest number kept with them. */
    store_id_max(t, r->kind, prefix, &max);
    char id[WT_MAX_ID + 1];
    snprintf(id, sizeof id, "%s%03ld", prefix, max + 1);
    record_set(r, 0, id);
}

struct put_op {
    struct app *a;
    struct wt_record *r;
    struct app_undo undo; /* a record made: app_undo removes it */
    char *made; /* or NULL */
};

int app_add_in(struct store_txn *t, const struct app *a, struct wt_record *r,
               char made[WT_MAX_ID + 1], struct wt_error *err)
{
    bool fresh = !r->v[0];
    if (!fresh && store_exists(t, r->kind, r->v[0]))
        return wt_error_set(err, WT_EEXIST, _("id: %s bestaat al"), r->v[0]);
    /* A volunteer's entry waits for a leader's review (as every path does);
     * a new one gets its id when it is accepted, so that two pending
     * entries never share one. */
    if (app_goes_to_review(a, r->kind))
        return app_review_submit_id(t, a, r, made);
    if (fresh)
        app_next_id(t, r);
    int rc = app_check_refs(t, r, NULL, err);
    if (rc)
        return rc;
    app_case_closing(t, a, r);
    policy_put(t, r); /* the beamer's name dictionary follows */
    if (r->kind == WT_ACTIONS)
        app_owned_action(t, a, r, NULL);
    if (made)
        snprintf(made, WT_MAX_ID + 1, "%s", r->v[0]);
    struct store_log_entry e;
    app_log_fill(a, &e, "create", r->kind, r->v[0], NULL);
    store_log_append(t, &e);
    return store_txn_error(t);
}

static int put_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct put_op *p = ctx;
    app_undo_fini(&p->undo);
    int rc = app_add_in(t, p->a, p->r, p->made, err);
    if (rc == 0 && !app_goes_to_review(p->a, p->r->kind))
        app_undo_created(&p->undo, p->r->kind, p->r->v[0]);
    return rc;
}

static void fill_defaults(struct app *a, struct wt_record *r)
{
    char today[11];
    date_format(a->today, today);
    if (r->kind == WT_ACTIONS && !r->v[ACTION_MEETING])
        record_set(r, ACTION_MEETING, today);
    if (r->kind == WT_CASES) {
        if (!r->v[CASE_OPENED])
            record_set(r, CASE_OPENED, today);
        /* The member owns what they register; a volunteer's request gets
         * its owner from the leader who accepts it. */
        if (!r->v[CASE_OWNER] && a->role != APP_VOLUNTEER)
            record_set(r, CASE_OWNER, record_get(&a->member, MEMBER_ID));
    }
    if (r->kind == WT_SIGNALS) {
        if (!r->v[SIGNAL_DATE])
            record_set(r, SIGNAL_DATE, today);
        if (!r->v[SIGNAL_REPORTER])
            record_set(r, SIGNAL_REPORTER, record_get(&a->member, MEMBER_ID));
    }
}

int app_add_check(struct app *a, struct wt_record *r, struct wt_error *err)
{
    int rc = app_allowed(a, r->kind, APP_OP_CREATE, err);
    if (rc)
        return rc;
    fill_defaults(a, r);
    /* Validate with a placeholder id so that a missing id is not an error. */
    bool no_id = !r->v[0];
    if (no_id)
        record_set(r, 0, "x");
    rc = record_validate(r, err);
    if (no_id)
        record_set(r, 0, NULL);
    if (rc)
        return rc;
    /* A volunteer's request is theirs to send, not to see once stored. */
    if (!app_may_see(a, r) && !app_goes_to_review(a, r->kind))
        return wt_error_set(err, WT_EPERM, _("u mag deze casus niet wijzigen"));
    return 0;
}

int meeting_add_made(struct app *a, struct wt_record *r, char made[WT_MAX_ID + 1],
                     struct wt_error *err)
{
    int rc = app_add_check(a, r, err);
    if (rc)
        return rc;
    struct put_op p = {a, r, {0}, made};
    rc = store_write(a->store, put_write, &p, err);
    if (rc == 0)
        app_undo_keep(a, &p.undo);
    app_undo_fini(&p.undo);
    return rc;
}

int meeting_add(struct app *a, struct wt_record *r, struct wt_error *err)
{
    return meeting_add_made(a, r, NULL, err);
}

int meeting_update(struct app *a, struct wt_record *r, struct wt_error *err)
{
    /* The same path as every other change: roles, review, the access log. */
    return app_put(a, r, err);
}

int meeting_peek(struct app *a, enum wt_kind kind, const char *id, struct wt_record *out)
{
    return app_get_unlogged(a, kind, id, out);
}

/* A change of one column of one record, plus a note in today's minutes. */
struct change {
    struct app *a;
    enum wt_kind kind;
    const char *id;
    int field;
    const char *value;    /* new value of field (NULL clears) */
    bool append;          /* FT_CHOSEN: append value to the list once */
    bool outcome;         /* FT_CHOSEN: give the option value its outcome (or remove it) */
    const char *result;   /* with outcome: "worked", "failed", "dropped"; NULL removes */
    char *note_key;       /* meta key for the minutes, or NULL */
    const char *note;     /* its value; NULL deletes the key */
    bool note_with_old;   /* note is "OLD>NEW" of field */
    bool queued;          /* went to the review queue */
    struct app_undo undo; /* the version before, for app_undo */
};

/* In the chosen list of r's column field: option opt (an id or "A+B") gets
 * the outcome result, or goes when result is NULL. WT_ENOTFOUND when opt is
 * not chosen. */
static int chosen_edit(struct wt_record *r, int field, const char *opt, const char *result,
                       struct wt_error *err)
{
    struct taglist l;
    tags_split(r->v[field], &l);
    struct buf b = {0};
    buf_puts(&b, "");
    bool found = false;
    for (size_t i = 0; i < l.n; i++) {
        size_t n = strcspn(l.items[i], ":");
        bool it = !found && strlen(opt) == n && strncmp(l.items[i], opt, n) == 0;
        found |= it;
        if (it && !result)
            continue;
        if (b.len)
            buf_putc(&b, ';');
        if (it)
            buf_printf(&b, "%s:%s", opt, result);
        else
            buf_puts(&b, l.items[i]);
    }
    tags_fini(&l);
    if (found)
        record_set(r, field, b.len ? b.data : NULL);
    buf_fini(&b);
    if (!found)
        return wt_error_set(err, WT_ENOTFOUND, _("%s is niet gekozen voor casus %s"), opt,
                            r->v[0]);
    return 0;
}

static int change_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct change *c = ctx;
    c->queued = false; /* the write may be replayed */
    struct wt_record r;
    int rc = store_get(t, c->kind, c->id, &r);
    if (rc == 0 && !app_may_see(c->a, &r))
        rc = WT_ENOTFOUND;
    if (rc) {
        record_fini(&r);
        if (rc == WT_ENOTFOUND)
            return wt_error_set(err, rc, _("%s %s bestaat niet"), record_kind(c->kind)->name,
                                c->id);
        return store_txn_error(t) ? store_txn_error(t) : rc;
    }
    char *old = xstrdup(record_get(&r, c->field));
    if (c->append) {
        struct taglist l;
        tags_split(r.v[c->field], &l);
        bool have = false;
        for (size_t i = 0; i < l.n && !have; i++) {
            size_t n = strcspn(l.items[i], ":");
            have = strlen(c->value) == n && strncmp(l.items[i], c->value, n) == 0;
        }
        tags_fini(&l);
        if (!have) {
            char *v = *old ? xasprintf("%s;%s", old, c->value) : xstrdup(c->value);
            record_set(&r, c->field, v);
            free(v);
        }
    } else if (c->outcome) {
        rc = chosen_edit(&r, c->field, c->value, c->result, err);
    } else {
        record_set(&r, c->field, c->value);
    }
    if (!rc)
        rc = record_validate(&r, err);
    if (!rc && app_goes_to_review(c->a, c->kind)) {
        /* A volunteer's change waits for a leader; nothing in the minutes yet. */
        rc = app_review_submit(t, c->a, &r);
        c->queued = true;
    } else if (!rc) {
        rc = app_check_refs(t, &r, NULL, err);
    }
    if (!rc && !c->queued) {
        app_undo_stage(t, &c->undo, c->kind, c->id);
        policy_put(t, &r);
        if (c->kind == WT_ACTIONS) /* old is the owner before when the owner changed */
            app_owned_action(t, c->a, &r, c->field == ACTION_OWNER ? old : NULL);
        struct store_log_entry e;
        app_log_fill(c->a, &e, "change", c->kind, c->id, NULL);
        store_log_append(t, &e);
        if (c->note_key && c->note && c->note_with_old) {
            char *v = xasprintf("%s>%s", old, c->note);
            store_meta_put(t, c->note_key, v);
            free(v);
        } else if (c->note_key && c->note) {
            store_meta_put(t, c->note_key, c->note);
        } else if (c->note_key) {
            store_meta_del(t, c->note_key);
        }
        rc = store_txn_error(t);
    }
    free(old);
    record_fini(&r);
    return rc;
}

static int change_run(struct change *c, struct wt_error *err)
{
    int rc = app_allowed(c->a, c->kind, APP_OP_WRITE, err);
    if (rc) {
        free(c->note_key);
        return rc;
    }
    rc = store_write(c->a->store, change_write, c, err);
    free(c->note_key);
    if (rc == 0 && !c->queued)
        app_undo_keep(c->a, &c->undo);
    app_undo_fini(&c->undo);
    return rc;
}

static char *note_key(struct app *a, const char *what, const char *id)
{
    char *tail = xasprintf("%s/%s", what, id);
    char *k = meeting_key(a->today, tail);
    free(tail);
    return k;
}

int meeting_action_status(struct app *a, const char *id, const char *status,
                          struct wt_error *err)
{
    bool open = strcmp(status, "open") == 0;
    struct change c = {.a = a, .kind = WT_ACTIONS, .id = id, .field = ACTION_STATUS,
                       .value = status, .note_key = note_key(a, "closed", id),
                       .note = open ? NULL : status};
    return change_run(&c, err);
}

int meeting_action_move(struct app *a, const char *id, int32_t due, struct wt_error *err)
{
    char d[11];
    date_format(due, d);
    struct change c = {.a = a, .kind = WT_ACTIONS, .id = id, .field = ACTION_DUE, .value = d,
                       .note_key = note_key(a, "moved", id), .note = d, .note_with_old = true};
    return change_run(&c, err);
}

int meeting_choose(struct app *a, const char *case_id, enum app_option_type type, const char *opt_id,
                   const char *opt_name, struct wt_error *err)
{
    char *what = xasprintf("chosen/%s", case_id);
    char *note = xasprintf("%s\t%s", app_option_type_name(type), opt_name ? opt_name : "");
    /* The name is as stored; in the note's one line a tab or line break is a space. */
    for (char *p = strchr(note, '\t') + 1; *p; p++)
        if (*p == '\t' || *p == '\n' || *p == '\r')
            *p = ' ';
    struct change c = {.a = a, .kind = WT_CASES, .id = case_id, .field = CASE_CHOSEN,
                       .value = opt_id, .append = true, .note_key = note_key(a, what, opt_id),
                       .note = note};
    int rc = change_run(&c, err);
    free(note);
    free(what);
    return rc;
}

int meeting_chosen_outcome(struct app *a, const char *case_id, const char *opt_id,
                           const char *outcome, struct wt_error *err)
{
    if (outcome && strcmp(outcome, "worked") != 0 && strcmp(outcome, "failed") != 0 &&
        strcmp(outcome, "dropped") != 0)
        return wt_error_set(err, WT_EINVAL, _("uitkomst moet worked, failed of dropped zijn"));
    struct change c = {.a = a, .kind = WT_CASES, .id = case_id, .field = CASE_CHOSEN,
                       .value = opt_id, .outcome = true, .result = outcome};
    return change_run(&c, err);
}

int meeting_signal_status(struct app *a, const char *id, const char *status,
                          struct wt_error *err)
{
    struct change c = {.a = a, .kind = WT_SIGNALS, .id = id, .field = SIGNAL_STATUS,
                       .value = status, .note_key = note_key(a, "signal", id), .note = status};
    return change_run(&c, err);
}

int meeting_signal_link(struct app *a, const char *id, const char *case_id,
                        struct wt_error *err)
{
    if (case_id && *case_id) {
        struct wt_record cs;
        int rc = app_get_unlogged(a, WT_CASES, case_id, &cs);
        record_fini(&cs);
        if (rc == WT_ENOTFOUND)
            return wt_error_set(err, rc, _("casus %s bestaat niet"), case_id);
        if (rc)
            return wt_error_set(err, rc, _("casus %s kan niet worden gelezen"), case_id);
    }
    struct change c = {.a = a, .kind = WT_SIGNALS, .id = id, .field = SIGNAL_CASE,
                       .value = case_id};
    return change_run(&c, err);
}

int meeting_resource_checked(struct app *a, const char *id, struct wt_error *err)
{
    char d[11];
    date_format(a->today, d);
    struct change c = {.a = a, .kind = WT_RESOURCES, .id = id, .field = RESOURCE_CHECKED,
                       .value = d};
    return change_run(&c, err);
}
