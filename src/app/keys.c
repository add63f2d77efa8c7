/* keys.c: passphrases and members' keys: encrypting a database, setting a passphrase, removing a member. */
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "wijktafel/i18n.h"

struct pass_ctx {
    const struct app *a;
    const char *member;
    const char *role;
    const char *passphrase;
    bool encrypt;
    unsigned char gen[32], cases[32];
};

static int pass_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct pass_ctx *p = ctx;
    if (p->encrypt && store_encrypt_all(t, p->gen, p->cases) != 0)
        return store_txn_error(t);
    /* The plain values now lie in freed pages: the file is rewritten. */
    if (p->encrypt)
        store_meta_put(t, "compact-pending", "1");
    int rc = store_keyslot_set(t, p->member, p->role, p->passphrase, err);
    /* A volunteer's new key pair: their copies of their actions sealed to it. */
    if (!rc && !p->encrypt && strcmp(p->role, "volunteer") == 0)
        app_owned_member(t, p->a, p->member);
    return rc ? rc : store_txn_error(t);
}

int app_set_passphrase(struct app *a, const char *member, const char *passphrase,
                       struct wt_error *err)
{
    const char *self = record_get(&a->member, MEMBER_ID);
    bool own = strcmp(member, self) == 0;
    if (!own && a->role != APP_LEADER)
        return wt_error_set(err, WT_EPERM,
                            _("alleen een leider mag de wachtwoordzin van een ander lid zetten"));
    if (strlen(passphrase) < APP_MIN_PASSPHRASE)
        return wt_error_set(err, WT_EINVAL,
                            _("de wachtwoordzin is te kort (minstens %d tekens)"),
                            APP_MIN_PASSPHRASE);
    bool encrypt = !store_encrypted(a->store);
    if (encrypt && (!own || a->role != APP_LEADER))
        return wt_error_set(err, WT_EPERM,
                            _("de database is nog niet versleuteld: een leider zet eerst zijn eigen "
                              "wachtwoordzin"));
    struct wt_record m;
    int rc = app_get(a, WT_MEMBERS, member, &m, err);
    if (rc) {
        record_fini(&m);
        return rc == WT_ENOTFOUND ? wt_error_set(err, WT_ENOTFOUND, _("lid %s bestaat niet"),
                                                 member)
                                  : rc;
    }
    struct pass_ctx p = {a, member, record_get(&m, MEMBER_ROLE), passphrase, encrypt, {0}, {0}};
    store_random_key(p.gen);
    store_random_key(p.cases);
    rc = store_write(a->store, pass_write, &p, err);
    record_fini(&m);
    if (!rc && encrypt)
        store_compact(a->store, NULL); /* or at the next open, when it is in use elsewhere */
    return rc;
}

struct ref_search {
    size_t n;
    char what[64];
};

static int count_ref(void *ctx, const char *id)
{
    struct ref_search *r = ctx;
    if (r->n++ == 0)
        snprintf(r->what, sizeof r->what, "%s", id);
    return 0;
}

struct remove_ctx {
    const char *member;
    bool had_case;
    unsigned char gen[32], cases[32];
};

static int remove_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct remove_ctx *r = ctx;
    static const struct { enum wt_kind kind; int field; } refs[] = {
        {WT_CASES, CASE_OWNER}, {WT_ACTIONS, ACTION_OWNER}, {WT_SIGNALS, SIGNAL_REPORTER}};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        struct ref_search rs = {0};
        if (store_txn_can_read(t, refs[i].kind))
            store_find(t, refs[i].kind, refs[i].field, r->member, count_ref, &rs);
        if (rs.n)
            return wt_error_set(err, WT_EINVAL,
                                _("%s staat nog bij %zu %s (zoals %s); draag die eerst over"),
                                r->member, rs.n, record_kind(refs[i].kind)->name, rs.what);
    }
    if (store_del(t, WT_MEMBERS, r->member) != 0 && store_txn_error(t))
        return store_txn_error(t);
    store_balance_forget(t, r->member); /* their hours go with them */
    if (store_txn_encrypted(t)) {
        store_keyslot_remove(t, r->member);
        /* The removed member may have kept a copy of the keys: replace them. */
        store_rotate(t, 0, r->gen);
        if (r->had_case)
            store_rotate(t, 1, r->cases);
        /* Values sealed with the old keys lie in freed pages: rewrite the file. */
        store_meta_put(t, "compact-pending", "1");
    }
    return store_txn_error(t);
}

int app_member_remove(struct app *a, const char *member, struct wt_error *err)
{
    if (a->role != APP_LEADER)
        return wt_error_set(err, WT_EPERM, _("alleen een leider mag leden verwijderen"));
    if (strcmp(member, record_get(&a->member, MEMBER_ID)) == 0)
        return wt_error_set(err, WT_EPERM, _("u kunt uzelf niet verwijderen"));
    struct wt_record m;
    int rc = app_get(a, WT_MEMBERS, member, &m, err);
    if (rc) {
        record_fini(&m);
        return rc;
    }
    struct remove_ctx r = {member, strcmp(record_get(&m, MEMBER_ROLE), "volunteer") != 0, {0}, {0}};
    record_fini(&m);
    store_random_key(r.gen);
    store_random_key(r.cases);
    rc = store_write(a->store, remove_write, &r, err);
    if (!rc && store_encrypted(a->store))
        store_compact(a->store, NULL);
    return rc;
}
