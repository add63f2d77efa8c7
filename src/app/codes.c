/* codes.c: opening with a one-time code or the recovery code, and what must follow. */
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "wijktafel/codewords.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"

/* The new passphrase a member chooses at once: from the callback, checked. */
static int choose_passphrase(struct app *a, const struct app_opts *o, const char *member,
                             char **out, struct wt_error *err)
{
    const char *p = o->new_passphrase ? o->new_passphrase(o->passphrase_ctx, member) : NULL;
    if (!p)
        return wt_error_set(err, WT_EUSAGE,
                            _("%s: kies eerst uw eigen wachtwoordzin (twee keer op de terminal, "
                              "of in WIJKTAFEL_NEW_PASSPHRASE)"),
                            a->dir);
    if (!*p)
        return wt_error_set(err, WT_EINVAL, _("de twee wachtwoordzinnen verschillen"));
    if (strlen(p) < APP_MIN_PASSPHRASE)
        return wt_error_set(err, WT_EINVAL, _("de wachtwoordzin is te kort (minstens %d tekens)"),
                            APP_MIN_PASSPHRASE);
    *out = xstrdup(p);
    return 0;
}

/* The one path every use of a one-time code starts with: 1 when member's
 * keyslot is no code's (a passphrase of their own); otherwise given
 * normalised into code (the caller wipes it), 0 while the code has not
 * expired, WT_EPERM with a message when given is no code at all (answered as
 * a wrong passphrase) or the code expired. */
static int code_given(struct app *a, const char *member, const char *given, struct buf *code,
                      struct wt_error *err)
{
    struct store_txn *t;
    int32_t expires;
    if (store_read_begin(a->store, &t, NULL) != 0)
        return 1;
    bool by_code = store_keyslot_code(t, member, &expires) == 0;
    store_read_end(t);
    if (!by_code)
        return 1; /* a passphrase of their own: the usual unlock */
    if (codewords_normalize(given, APP_CODE_WORDS, code) != 0)
        return wt_error_set(err, WT_EPERM, _("%s: de wachtwoordzin klopt niet"), a->dir);
    if (a->today > expires) {
        char iso[11];
        date_format(expires, iso);
        return wt_error_set(err, WT_EPERM,
                            _("%s: de code voor %s is verlopen (%s); een leider maakt een nieuwe "
                              "met 'wijktafel member reset %s'"),
                            a->dir, member, iso, member);
    }
    return 0;
}

static void code_wipe(struct buf *code)
{
    if (code->data)
        explicit_bzero(code->data, code->len);
    buf_fini(code);
}

/* Opens member's keyslot with the one-time code given and, at once, gives it
 * the member's own passphrase (*fresh from choose, called only once the code
 * opened); 1 when the member has no code (a passphrase of their own). */
static int code_open(struct app *a, const char *member, const char *given,
                     int (*choose)(void *ctx, char **fresh, struct wt_error *err), void *ctx,
                     struct wt_error *err)
{
    struct buf code = {0};
    buf_puts(&code, "");
    int rc = code_given(a, member, given, &code, err);
    if (!rc)
        rc = store_unlock(a->store, member, code.data, err);
    char *fresh = NULL;
    if (!rc)
        rc = choose(ctx, &fresh, err);
    if (!rc)
        rc = store_keyslot_repass(a->store, member, code.data, fresh, err);
    code_wipe(&code);
    if (fresh) {
        explicit_bzero(fresh, strlen(fresh));
        free(fresh);
    }
    if (!rc)
        a->opened_by_code = true;
    return rc; /* on an error the caller closes the store (or stays locked) */
}

struct by_callback {
    struct app *a;
    const struct app_opts *o;
    const char *member;
};

static int choose_by_callback(void *ctx, char **fresh, struct wt_error *err)
{
    struct by_callback *c = ctx;
    return choose_passphrase(c->a, c->o, c->member, fresh, err);
}

int app_code_unlock(struct app *a, const struct app_opts *o, const char *member,
                    const char *given, struct wt_error *err)
{
    struct by_callback c = {a, o, member};
    return code_open(a, member, given, choose_by_callback, &c, err);
}

/* The passphrase the screen asked twice (NULL: they differed). */
static int choose_given(void *ctx, char **fresh, struct wt_error *err)
{
    const char *p = ctx;
    if (!p)
        return wt_error_set(err, WT_EINVAL, _("de twee wachtwoordzinnen verschillen"));
    if (strlen(p) < APP_MIN_PASSPHRASE)
        return wt_error_set(err, WT_EINVAL, _("de wachtwoordzin is te kort (minstens %d tekens)"),
                            APP_MIN_PASSPHRASE);
    *fresh = xstrdup(p);
    return 0;
}

int app_unlock_with_code(struct app *a, const char *code, const char *fresh,
                         struct wt_error *err)
{
    if (!a->locked_member)
        return 0;
    int rc = code_open(a, a->locked_member, code, choose_given, (void *)fresh, err);
    if (rc == 1)
        rc = wt_error_set(err, WT_EPERM, _("%s: de wachtwoordzin klopt niet"), a->dir);
    if (!rc)
        rc = app_unlocked(a, err);
    if (!rc)
        app_log(a, "code-used", WT_MEMBERS, app_member_id(a), NULL); /* never the code */
    return rc;
}

int app_code_refuse(struct app *a, const char *member, const char *given, struct wt_error *err)
{
    struct buf code = {0};
    buf_puts(&code, "");
    int rc = code_given(a, member, given, &code, err);
    if (!rc && store_passphrase_check(a->store, member, code.data, NULL) != 0)
        rc = WT_EPERM;
    else if (!rc)
        /* The right code: nothing is opened here, the member chooses first. */
        rc = wt_error_set(err, WT_EUSAGE,
                          _("%s: dit is een eenmalige code; kies eerst uw eigen wachtwoordzin "
                            "met 'wijktafel --as %s passphrase' (de code werkt daar)"),
                          a->dir, member);
    code_wipe(&code);
    return rc;
}

int app_recovery_unlock(struct app *a, const char *given, struct wt_error *err)
{
    struct buf code = {0};
    buf_puts(&code, "");
    int rc;
    if (codewords_normalize(given, APP_RECOVERY_WORDS, &code) != 0) {
        rc = WT_EPERM;
    } else {
        struct wt_error e2 = {0};
        rc = store_unlock(a->store, STORE_RECOVERY_SLOT, code.data, &e2);
    }
    explicit_bzero(code.data, code.len);
    buf_fini(&code);
    if (rc)
        return wt_error_set(err, WT_EPERM, _("%s: de herstelcode klopt niet"), a->dir);
    return 0;
}

struct recover_ctx {
    struct app *a;
    const char *passphrase, *code;
};

static int recover_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct recover_ctx *c = ctx;
    const char *leader = record_get(&c->a->member, MEMBER_ID);
    int rc = store_keyslot_set(t, leader, "leader", c->passphrase, err);
    if (!rc)
        rc = store_keyslot_set(t, STORE_RECOVERY_SLOT, "leader", c->code, err);
    if (rc)
        return rc;
    struct store_log_entry e;
    app_log_fill(c->a, &e, "recovery", WT_MEMBERS, leader, NULL);
    store_log_append(t, &e);
    return store_txn_error(t);
}

int app_recovery_reset(struct app *a, const char *passphrase, char **code, struct wt_error *err)
{
    *code = NULL;
    if (!a->opened_by_recovery)
        return wt_error_set(err, WT_EPERM, _("alleen met de herstelcode"));
    if (strlen(passphrase) < APP_MIN_PASSPHRASE)
        return wt_error_set(err, WT_EINVAL, _("de wachtwoordzin is te kort (minstens %d tekens)"),
                            APP_MIN_PASSPHRASE);
    struct recover_ctx c = {a, passphrase, app_code_new(APP_RECOVERY_WORDS)};
    int rc = store_write(a->store, recover_write, &c, err);
    if (rc) {
        explicit_bzero((char *)c.code, strlen(c.code));
        free((char *)c.code);
        return rc;
    }
    *code = (char *)c.code;
    return 0;
}

bool app_opened_by_code(const struct app *a)
{
    return a->opened_by_code;
}
