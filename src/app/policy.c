/* policy.c: the one room where it is decided what a member, the beamer and the wall receive. */
#include <stdlib.h>
#include <string.h>

#include "policy_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/meeting.h"

static bool shielded(const struct wt_record *c)
{
    return strcmp(record_get(c, CASE_RESTRICTED), "yes") == 0;
}

bool app_may_see(const struct app *a, const struct wt_record *r)
{
    if (a->role == APP_VOLUNTEER)
        return r->kind != WT_CASES && r->kind != WT_ACTIONS;
    if (r->kind != WT_CASES || a->role == APP_LEADER)
        return true;
    if (shielded(r))
        return strcmp(record_get(r, CASE_OWNER), record_get(&a->member, MEMBER_ID)) == 0;
    return true;
}

bool policy_case_hidden(const struct app *a, const struct wt_record *c)
{
    /* Whether a damaged case is shielded cannot be known: leaders only, never on the wall. */
    if (c->damaged)
        return a->role != APP_LEADER || a->beamer;
    if (!app_may_see(a, c) || (a->beamer && shielded(c)))
        return true;
    /* The wall follows the chair, but never into closed cases. */
    return a->readonly && strcmp(record_get(c, CASE_STATUS), "closed") == 0;
}

void app_set_beamer(struct app *a, bool on)
{
    a->beamer = on || a->readonly; /* the wall never leaves beamer mode */
}

bool app_beamer(const struct app *a)
{
    return a->beamer;
}

int app_may_edit_shown(const struct app *a, struct wt_error *err)
{
    /* The form would show the stored text as it is, names and all. */
    if (a->beamer)
        return wt_error_set(err, WT_EPERM,
                            _("Bewerken kan niet op de beamer: zet de beamer eerst uit (b)"));
    return 0;
}

static int collect_name(void *ctx, const struct wt_record *r)
{
    if (!r->damaged)
        policy_names_add(ctx, record_get(r, r->kind == WT_CASES ? CASE_RESIDENT : TALENT_NAME));
    return 0;
}

int policy_names_read(struct store_txn *t, struct policy_names **out)
{
    struct policy_names *n = policy_names_new(store_seq(t));
    /* All cases, the shielded ones too: their names must not reach the wall
     * through the free text of other records. */
    int rc = store_each(t, WT_CASES, collect_name, n);
    if (!rc || rc == WT_EPERM) /* a volunteer's keys open no case */
        rc = store_each(t, WT_TALENTS, collect_name, n);
    if (rc) {
        policy_names_free(n);
        n = NULL;
    }
    *out = n;
    return rc;
}

struct names_since {
    struct store_txn *t;
    struct policy_names *n;
};

/* A case or talent written since the names were read: its name is added (a
 * name that went stays hidden too: more is hidden, never less). */
static int add_changed(void *ctx, enum wt_kind kind, const char *id, bool tomb,
                       const struct store_stamp *st)
{
    (void)st;
    struct names_since *c = ctx;
    if (tomb || (kind != WT_CASES && kind != WT_TALENTS))
        return 0;
    struct wt_record r;
    if (store_get(c->t, kind, id, &r) == 0)
        collect_name(c->n, &r);
    record_fini(&r);
    return 0;
}

/* The names to hide, read in t when missing: the stored dictionary (one
 * read), or every case and talent where there is none or it is sealed with
 * a key this member does not hold. When the data changed since, only the
 * cases and talents written since are read (a new record on the wall costs
 * one record, not the whole database). */
static int load_names(struct app *a, struct store_txn *t)
{
    uint64_t seq = store_seq(t);
    if (a->names && policy_names_seq(a->names) == seq)
        return 0;
    if (a->names && policy_names_seq(a->names) < seq) {
        struct names_since c = {t, a->names};
        int rc = store_changes_each(t, policy_names_seq(a->names), add_changed, &c);
        if (rc == 0) {
            policy_names_set_seq(a->names, seq);
            return 0;
        }
    }
    struct policy_names *n;
    int rc = policy_dict_load(t, &n);
    if (rc == WT_ENOTFOUND || rc == WT_EPERM || rc == WT_ECORRUPT)
        rc = policy_names_read(t, &n);
    if (rc)
        return rc;
    policy_names_free(a->names);
    a->names = n;
    return 0;
}

int policy_read_init(struct policy_read *p, struct app *a, struct store_txn *t)
{
    p->a = a;
    p->t = t;
    idset_init(&p->shown);
    idset_init(&p->hidden);
    return a->beamer ? load_names(a, t) : 0;
}

void policy_read_fini(struct policy_read *p)
{
    idset_fini(&p->shown);
    idset_fini(&p->hidden);
}

bool policy_id_hidden(struct policy_read *p, const char *id)
{
    if (!id || !*id || idset_has(&p->shown, id))
        return false;
    if (idset_has(&p->hidden, id))
        return true;
    bool hidden;
    if (p->a->role == APP_VOLUNTEER) {
        hidden = store_exists(p->t, WT_CASES, id);
    } else {
        struct wt_record c;
        int rc = store_get(p->t, WT_CASES, id, &c);
        if (rc == WT_ECORRUPT) {
            record_fini(&c);
            record_init(&c, WT_CASES);
            c.damaged = true;
        }
        hidden = rc == WT_ENOTFOUND ? false : rc == 0 || rc == WT_ECORRUPT ? policy_case_hidden(p->a, &c) : true;
        record_fini(&c);
    }
    idset_add(hidden ? &p->hidden : &p->shown, id, 0);
    return hidden;
}

/* A byte of an id (record_id_valid). */
static bool id_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '_' || c == '-';
}

/* text with every id of a hidden case replaced by "[...]". */
static char *hide_ids(struct policy_read *p, const char *text)
{
    struct buf out = {0};
    buf_puts(&out, "");
    const char *s = text;
    while (*s) {
        if (!id_byte((unsigned char)*s)) {
            buf_putc(&out, *s++);
            continue;
        }
        const char *b = s;
        while (id_byte((unsigned char)*s))
            s++;
        size_t n = (size_t)(s - b);
        char *w = xstrndup(b, n);
        /* Only a word that can be an id and has a mark of one is looked up. */
        bool hide = n <= WT_MAX_ID && strpbrk(w, "-_.0123456789") && record_id_valid(w) &&
                    policy_id_hidden(p, w);
        if (hide)
            buf_puts(&out, "[...]");
        else
            buf_append(&out, b, n);
        free(w);
    }
    return buf_steal(&out);
}

char *policy_text(struct policy_read *p, const char *text)
{
    if (!text)
        return xstrdup("");
    if (!p->a->beamer) /* a leader may see every case: no id to hide */
        return p->a->role == APP_LEADER ? xstrdup(text) : hide_ids(p, text);
    if (!p->a->names) /* the names could not be read: nothing of it */
        return xstrdup(*text ? "..." : "");
    char *priv = meeting_strip_private(text);
    char *named = policy_names_redact(p->a->names, priv);
    free(priv);
    char *out = hide_ids(p, named);
    free(named);
    return out;
}

const char *policy_age_band(const char *age)
{
    if (!age || !*age)
        return "";
    long y = strtol(age, NULL, 10);
    return y < 12 ? "0-11" : y < 18 ? "12-17" : y < 27 ? "18-26" : y < 65 ? "27-64"
                   : y < 80 ? "65-79" : "80+";
}

/* cases.chosen without the options that name a hidden case; NULL when none is left. */
static char *chosen_shown(struct policy_read *p, const char *chosen)
{
    struct buf out = {0};
    buf_puts(&out, "");
    const char *s = chosen;
    while (*s) {
        size_t n = strcspn(s, ";");
        char *item = xstrndup(s, n);
        bool hide = false;
        char *save = NULL, *ids = xstrndup(item, strcspn(item, ":"));
        for (char *id = strtok_r(ids, "+", &save); id && !hide; id = strtok_r(NULL, "+", &save))
            hide = policy_id_hidden(p, id);
        free(ids);
        if (!hide) {
            if (out.len)
                buf_putc(&out, ';');
            buf_puts(&out, item);
        }
        free(item);
        s += n + (s[n] ? 1 : 0);
    }
    if (!out.len) {
        buf_fini(&out);
        return NULL;
    }
    return buf_steal(&out);
}

/* The link of a signal or action to a case, as the reader may receive it. */
static void shape_link(struct policy_read *p, struct wt_record *r, int f)
{
    if (!r->v[f])
        return;
    if (p->a->role == APP_VOLUNTEER)
        record_set(r, f, _("gekoppeld")); /* a volunteer sees that, not which */
    else if (policy_id_hidden(p, r->v[f]))
        record_set(r, f, p->a->beamer ? NULL : _("gekoppeld aan een afgeschermde casus"));
}

/* Names, free text and ages for the beamer and the wall. */
static void shape_for_wall(struct policy_read *p, struct wt_record *r)
{
    const struct wt_kind_def *kd = record_kind(r->kind);
    if (r->kind == WT_MEMBERS)
        return; /* team members are named on the wall */
    for (int f = 1; f < kd->nfields; f++) {
        if (!r->v[f])
            continue;
        char *v = NULL;
        if (kd->fields[f].personal)
            v = policy_initials(r->v[f], false);
        else if (kd->fields[f].type == FT_TEXT)
            v = policy_text(p, r->v[f]);
        if (v) {
            record_set(r, f, v);
            free(v);
        }
    }
    if (r->kind == WT_CASES && r->v[CASE_AGE])
        record_set(r, CASE_AGE, policy_age_band(r->v[CASE_AGE]));
}

bool policy_shape(struct policy_read *p, const struct wt_record *r, struct wt_record *out)
{
    const struct app *a = p->a;
    if (r->kind == WT_CASES && policy_case_hidden(a, r))
        return false;
    /* A volunteer receives the actions they own (issue 17), with the link to
     * a case masked; never another's. */
    if (r->kind == WT_ACTIONS && a->role == APP_VOLUNTEER &&
        (r->damaged ||
         strcmp(record_get(r, ACTION_OWNER), record_get(&a->member, MEMBER_ID)) != 0))
        return false;
    if (r->kind == WT_ACTIONS && r->damaged && a->beamer)
        return false;
    if (r->kind == WT_ACTIONS && a->beamer && r->v[ACTION_CASE] &&
        policy_id_hidden(p, r->v[ACTION_CASE]))
        return false; /* an action about a shielded case is that case's data */
    if ((r->kind == WT_PROJECTS || r->kind == WT_PARTNERS) && !policy_network_visible(a, r))
        return false;
    record_copy(out, r);
    if (r->damaged)
        return true;
    if (r->kind == WT_SIGNALS)
        shape_link(p, out, SIGNAL_CASE);
    else if (r->kind == WT_ACTIONS)
        shape_link(p, out, ACTION_CASE);
    else if (r->kind == WT_PROJECTS)
        policy_shape_project(p, out);
    else if (r->kind == WT_CASES && r->v[CASE_CHOSEN]) {
        char *c = chosen_shown(p, r->v[CASE_CHOSEN]);
        record_set(out, CASE_CHOSEN, c);
        free(c);
    }
    if (a->beamer) {
        shape_for_wall(p, out);
    } else if (a->role != APP_LEADER) { /* a leader may see every case: nothing to hide */
        const struct wt_kind_def *kd = record_kind(r->kind);
        for (int f = 1; f < kd->nfields; f++)
            if (out->v[f] && kd->fields[f].type == FT_TEXT && r->kind != WT_MEMBERS) {
                char *v = hide_ids(p, out->v[f]);
                record_set(out, f, v);
                free(v);
            }
    }
    return true;
}

bool policy_shape_own(struct policy_read *p, const struct wt_record *r, struct wt_record *out)
{
    record_copy(out, r);
    if (p->a->beamer && !r->damaged)
        shape_for_wall(p, out);
    return true;
}

bool policy_caseload_shown(const struct app *a)
{
    /* How busy a colleague is stays off the wall, and a volunteer sees no cases. */
    return !a->beamer && a->role != APP_VOLUNTEER;
}

/* Whether v is what shape_link put in place of a link. */
static bool masked_link(const char *v)
{
    return v && (strcmp(v, _("gekoppeld")) == 0 ||
                 strcmp(v, _("gekoppeld aan een afgeschermde casus")) == 0);
}

bool policy_masked_link(enum wt_kind kind, int f, const char *v)
{
    int lf = kind == WT_SIGNALS ? SIGNAL_CASE : kind == WT_ACTIONS ? ACTION_CASE : -1;
    return f == lf && masked_link(v);
}

void policy_restore(struct app *a, struct wt_record *r)
{
    int f = r->kind == WT_SIGNALS ? SIGNAL_CASE : r->kind == WT_ACTIONS ? ACTION_CASE : -1;
    bool link = f >= 0 && masked_link(r->v[f]);
    if (!link && r->kind != WT_CASES && r->kind != WT_PROJECTS)
        return;
    if (!r->v[0] || !*r->v[0]) {
        if (link)
            record_set(r, f, NULL);
        return;
    }
    struct store_txn *t;
    if (store_read_begin(a->store, &t, NULL) != 0)
        return;
    struct wt_record old;
    int rc = store_get(t, r->kind, r->v[0], &old);
    if (link)
        record_set(r, f, rc == 0 ? old.v[f] : NULL);
    if (rc == 0 && r->kind == WT_PROJECTS) {
        struct policy_read p;
        policy_read_init(&p, a, t);
        policy_restore_project(&p, r, &old);
        policy_read_fini(&p);
    }
    if (rc == 0 && r->kind == WT_CASES && old.v[CASE_CHOSEN]) {
        /* Options naming a case this member may not see stay chosen. */
        struct policy_read p;
        policy_read_init(&p, a, t);
        struct buf b = {0};
        buf_puts(&b, record_get(r, CASE_CHOSEN));
        const char *s = old.v[CASE_CHOSEN];
        while (*s) {
            size_t n = strcspn(s, ";");
            char *item = xstrndup(s, n);
            char *one = chosen_shown(&p, item);
            if (!one) {
                if (b.len)
                    buf_putc(&b, ';');
                buf_puts(&b, item);
            }
            free(one);
            free(item);
            s += n + (s[n] ? 1 : 0);
        }
        record_set(r, CASE_CHOSEN, b.data);
        buf_fini(&b);
        policy_read_fini(&p);
    }
    record_fini(&old);
    store_read_end(t);
}

char *app_shown_text(struct app *a, const char *text)
{
    if (!text)
        return xstrdup("");
    struct store_txn *t;
    if (store_read_begin(a->store, &t, NULL) != 0)
        return xstrdup(a->beamer ? "" : text); /* on the wall: nothing rather than a name */
    struct policy_read p;
    char *out = policy_read_init(&p, a, t) == 0 ? policy_text(&p, text)
                                                : xstrdup(a->beamer ? "" : text);
    policy_read_fini(&p);
    store_read_end(t);
    return out;
}

char *app_shown_person(const struct app *a, const char *name)
{
    return a->beamer ? policy_initials(name, false) : xstrdup(name ? name : "");
}

bool policy_id_shielded(struct policy_read *p, const char *id)
{
    struct wt_record c;
    int rc = store_get(p->t, WT_CASES, id, &c);
    bool hidden = rc == 0 && !c.damaged && shielded(&c) &&
                  (p->a->beamer || (p->a->role != APP_LEADER &&
                                    strcmp(record_get(&c, CASE_OWNER),
                                           record_get(&p->a->member, MEMBER_ID)) != 0));
    record_fini(&c);
    return hidden;
}

void policy_shape_door(struct policy_read *p, struct round_door *d)
{
    /* What a door became stays known (so it is not made twice), except a
     * shielded case's id. */
    if (d->made_case[0] && policy_id_shielded(p, d->made_case))
        d->made_case[0] = '\0';
    if (!p->a->beamer)
        return;
    round_set(&d->where, ""); /* a door is a household on the wall */
    char **texts[] = {&d->note, &d->ideas, &d->care, &d->talents};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        if (!*texts[i])
            continue;
        char *v = policy_text(p, *texts[i]);
        round_set(texts[i], v);
        free(v);
    }
}

void policy_strip_links(struct policy_read *p, struct wt_record *r)
{
    int f = r->kind == WT_SIGNALS ? SIGNAL_CASE : r->kind == WT_ACTIONS ? ACTION_CASE : -1;
    if (f >= 0 && r->v[f] && policy_id_hidden(p, r->v[f]))
        record_set(r, f, NULL);
    if (r->kind == WT_CASES && r->v[CASE_CHOSEN]) {
        char *c = chosen_shown(p, r->v[CASE_CHOSEN]);
        record_set(r, CASE_CHOSEN, c);
        free(c);
    }
}
