/* switch.c: another member takes over the open database (a shared laptop at the community centre). */
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "wijktafel/i18n.h"

bool app_encrypted(const struct app *a)
{
    return store_encrypted(a->store);
}

/* The passphrase app_open asks for: the one already checked. */
static const char *given(void *ctx, const char *member)
{
    (void)member;
    return ctx;
}

int app_switch(struct app **ap, const char *member, const char *passphrase,
               struct wt_error *err)
{
    struct app *a = *ap;
    if (!member || !*member)
        return wt_error_set(err, WT_EINVAL, _("geef het id van een lid"));
    struct store_txn *t;
    int rc = store_read_begin(a->store, &t, err);
    if (rc)
        return rc;
    struct wt_record m;
    record_init(&m, WT_MEMBERS);
    rc = store_get(t, WT_MEMBERS, member, &m);
    store_read_end(t);
    record_fini(&m);
    if (rc == WT_ENOTFOUND)
        return wt_error_set(err, WT_EPERM, _("lid %s bestaat niet"), member);
    if (rc)
        return wt_error_set(err, rc, _("lid %s kan niet worden gelezen"), member);
    /* Checked before the old member lets go: a wrong passphrase leaves the
     * screen as it was. */
    if (store_encrypted(a->store)) {
        if (!passphrase)
            return wt_error_set(err, WT_EPERM, _("%s: de wachtwoordzin klopt niet"), a->dir);
        rc = store_passphrase_check(a->store, member, passphrase, err);
        if (rc)
            return rc;
    }
    char *dir = xstrdup(a->dir);
    const char *path = a->path;
    struct app_opts o = {.dir = dir, .as_member = member, .readonly = a->readonly,
                         .passphrase = given, .passphrase_ctx = (void *)passphrase};
    app_log(a, "switch-out", APP_NO_KIND, NULL, member);
    app_close(a);
    *ap = NULL;
    rc = app_open(&o, ap, err);
    free(dir);
    if (rc)
        return rc;
    (*ap)->path = path;
    app_log(*ap, "switch-in", APP_NO_KIND, NULL, NULL);
    return 0;
}
