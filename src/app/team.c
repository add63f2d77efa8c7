/* team.c: the team's members: adding one with a one-time code, a new code, departures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "wijktafel/codewords.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"

char *app_code_new(unsigned nwords)
{
    unsigned char r[64];
    store_random_key(r);
    store_random_key(r + 32);
    struct buf b = {0};
    buf_puts(&b, "");
    codewords_make(r, sizeof r, nwords, &b);
    explicit_bzero(r, sizeof r);
    return buf_steal(&b);
}

int app_member_left(struct app *a, const char *member, int32_t *day)
{
    struct store_txn *t;
    if (store_read_begin(a->store, &t, NULL) != 0)
        return WT_EIO;
    int rc = app_left_in(t, member, day);
    store_read_end(t);
    return rc;
}

int app_left_in(struct store_txn *t, const char *member, int32_t *day)
{
    char *k = xasprintf("left/%s", member), *v = NULL;
    int rc = store_meta_get(t, k, &v);
    free(k);
    if (rc)
        return WT_ENOTFOUND;
    int32_t d = 0;
    date_parse(v, &d);
    free(v);
    if (day)
        *day = d;
    return 0;
}

/* The one line for a member who left: who, and since when. */
static int refuse_left(struct wt_error *err, int code, const char *member, int32_t day)
{
    char iso[11];
    date_format(day, iso);
    return wt_error_set(err, code, _("%s heeft het team verlaten (op %s)"), member, iso);
}

struct add_ctx {
    struct app *a;
    struct wt_record *m;
    const char *code; /* NULL: a plain database, no keyslot */
    bool reset;
};

static int add_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct add_ctx *c = ctx;
    char id[WT_MAX_ID + 1];
    snprintf(id, sizeof id, "%s", c->m->v[MEMBER_ID]);
    int32_t day;
    if (app_left_in(t, id, &day) == 0)
        return refuse_left(err, WT_EINVAL, id, day);
    bool exists = store_exists(t, WT_MEMBERS, id);
    if (!c->reset && exists)
        return wt_error_set(err, WT_EINVAL, _("lid %s bestaat al"), id);
    if (c->reset && !exists)
        return wt_error_set(err, WT_ENOTFOUND, _("lid %s bestaat niet"), id);
    if (c->reset) {
        record_fini(c->m);
        if (store_get(t, WT_MEMBERS, id, c->m) != 0 || c->m->damaged)
            return wt_error_set(err, WT_EIO, _("lid %s kan niet worden gelezen"), id);
    } else {
        store_put(t, c->m);
    }
    struct store_log_entry e;
    if (c->code) {
        int rc = store_keyslot_set_code(t, id, record_get(c->m, MEMBER_ROLE), c->code,
                                        c->a->today + APP_CODE_DAYS, err);
        if (rc)
            return rc;
        /* That a code was made, never the code. */
        app_log_fill(c->a, &e, "code-made", WT_MEMBERS, id, NULL);
        store_log_append(t, &e);
    }
    if (!c->reset) {
        app_log_fill(c->a, &e, "create", WT_MEMBERS, id, NULL);
        store_log_append(t, &e);
    }
    return store_txn_error(t);
}

/* Fills m from f: each column checked as an import checks it. */
static int member_fields(const struct app_member_fields *f, struct wt_record *m,
                         struct wt_error *err)
{
    const char *raw[MEMBER_NFIELDS] = {f->id, f->name, f->role, f->discipline, f->area,
                                       f->hours};
    for (int i = 0; i < MEMBER_NFIELDS; i++)
        if (raw[i] && *raw[i] && record_set_checked(m, i, raw[i], err) != 0)
            return WT_EINVAL;
    return record_complete(m, err) ? WT_EINVAL : 0;
}

int app_member_add(struct app *a, const struct app_member_fields *f, char **code,
                   struct wt_error *err)
{
    *code = NULL;
    int rc = app_leader_only(a, _("leden toevoegen"), err);
    if (rc)
        return rc;
    if (a->beamer || a->readonly) /* the one-time code would be on the wall */
        return wt_error_set(err, WT_EPERM, _("niet in beamermodus: de code zou op de muur staan"));
    struct wt_record m;
    record_init(&m, WT_MEMBERS);
    rc = member_fields(f, &m, err);
    char *c = !rc && store_encrypted(a->store) ? app_code_new(APP_CODE_WORDS) : NULL;
    struct add_ctx ctx = {a, &m, c, false};
    if (!rc)
        rc = store_write(a->store, add_write, &ctx, err);
    record_fini(&m);
    if (rc && c) {
        explicit_bzero(c, strlen(c));
        free(c);
        c = NULL;
    }
    *code = c;
    return rc;
}

int app_member_reset(struct app *a, const char *member, char **code, struct wt_error *err)
{
    *code = NULL;
    int rc = app_leader_only(a, _("een nieuwe code maken"), err);
    if (rc)
        return rc;
    if (a->beamer || a->readonly)
        return wt_error_set(err, WT_EPERM, _("niet in beamermodus: de code zou op de muur staan"));
    if (!store_encrypted(a->store))
        return wt_error_set(err, WT_EINVAL,
                            _("de database is niet versleuteld: er is geen wachtwoordzin om te "
                              "vergeten"));
    if (strcmp(member, record_get(&a->member, MEMBER_ID)) == 0)
        return wt_error_set(err, WT_EINVAL,
                            _("uw eigen wachtwoordzin wijzigt u met 'wijktafel passphrase' (of "
                              "met de herstelcode)"));
    if (!record_id_valid(member))
        return wt_error_set(err, WT_EINVAL, _("'%s' is geen geldig id"), member);
    struct wt_record m;
    record_init(&m, WT_MEMBERS);
    record_set(&m, MEMBER_ID, member);
    char *c = app_code_new(APP_CODE_WORDS);
    struct add_ctx ctx = {a, &m, c, true};
    rc = store_write(a->store, add_write, &ctx, err);
    record_fini(&m);
    if (rc) {
        explicit_bzero(c, strlen(c));
        free(c);
        return rc;
    }
    *code = c;
    return 0;
}

struct leave_ctx {
    struct app *a;
    const char *member;
    unsigned char gen[32], cases[32];
};

struct leaders {
    struct store_txn *t;
    const char *but;
    size_t n;
};


static int count_other_leader(void *ctx, const struct wt_record *r)
{
    struct leaders *l = ctx;
    if (!r->damaged && strcmp(record_get(r, MEMBER_ROLE), "leader") == 0 &&
        strcmp(r->v[MEMBER_ID], l->but) != 0 && app_left_in(l->t, r->v[MEMBER_ID], NULL) != 0)
        l->n++;
    return 0;
}

size_t app_other_leaders(struct store_txn *t, const char *but)
{
    struct leaders l = {t, but, 0};
    store_each(t, WT_MEMBERS, count_other_leader, &l);
    return l.n;
}

static int leave_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct leave_ctx *c = ctx;
    struct wt_record m;
    int32_t day;
    if (app_left_in(t, c->member, &day) == 0)
        return refuse_left(err, WT_EINVAL, c->member, day);
    int rc = store_get(t, WT_MEMBERS, c->member, &m);
    if (rc) {
        record_fini(&m);
        return wt_error_set(err, rc == WT_ENOTFOUND ? WT_ENOTFOUND : WT_EIO,
                            _("lid %s bestaat niet"), c->member);
    }
    const char *role = record_get(&m, MEMBER_ROLE);
    bool leader = strcmp(role, "leader") == 0, volunteer = strcmp(role, "volunteer") == 0;
    if (leader && app_other_leaders(t, c->member) == 0) {
        wt_error_set(err, WT_EPERM,
                     _("%s is de laatste leider en kan niet vertrekken; maak eerst een ander lid "
                       "leider"),
                     record_get(&m, MEMBER_NAME));
        record_fini(&m);
        return WT_EPERM;
    }
    record_fini(&m);
    char iso[11], *k = xasprintf("left/%s", c->member);
    date_format(c->a->today, iso);
    store_meta_put(t, k, iso);
    free(k);
    if (store_txn_encrypted(t)) {
        store_keyslot_remove(t, c->member);
        /* They may have kept a copy of their keyslot or the keys: replace
         * every key their role could open. */
        store_rotate(t, 0, c->gen);
        if (!volunteer)
            store_rotate(t, 1, c->cases);
        /* Values sealed with the old keys lie in freed pages: rewrite the file. */
        store_meta_put(t, "compact-pending", "1");
    }
    if (volunteer) /* their copies go with them */
        app_owned_member(t, c->a, c->member);
    struct store_log_entry e;
    app_log_fill(c->a, &e, "leave", WT_MEMBERS, c->member, NULL);
    store_log_append(t, &e);
    return store_txn_error(t);
}

int app_member_leave(struct app *a, const char *member, struct wt_error *err)
{
    int rc = app_leader_only(a, _("een lid laten vertrekken"), err);
    if (rc)
        return rc;
    struct leave_ctx c = {a, member, {0}, {0}};
    store_random_key(c.gen);
    store_random_key(c.cases);
    /* Every value is written again: room for the old and the new pages. */
    if (store_encrypted(a->store))
        store_map_reserve(a->store, 3, NULL);
    rc = store_write(a->store, leave_write, &c, err);
    explicit_bzero(c.gen, sizeof c.gen);
    explicit_bzero(c.cases, sizeof c.cases);
    if (!rc && store_encrypted(a->store))
        store_compact(a->store, NULL); /* or at the next open, when it is in use elsewhere */
    return rc;
}
