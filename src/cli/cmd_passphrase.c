/* cmd_passphrase.c: `passphrase [MEMBER]`: set or change a member's passphrase. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"

static int cmd_passphrase_exec(const struct cli_globals *g, const struct cli_args *args)
{
    if (g->demo)
        return cli_fail(EX_USAGE, _("passphrase: de demodatabase heeft een vaste wachtwoordzin"));
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    char member[WT_MAX_ID + 1];
    snprintf(member, sizeof member, "%s",
             args->argc == 1 ? args->argv[0] : app_member_id(a));
    const char *pass = cli_new_passphrase();
    struct wt_error err = {0};
    int rc;
    if (!pass)
        rc = wt_error_set(&err, WT_EUSAGE,
                          _("passphrase: geen terminal; geef de nieuwe wachtwoordzin in "
                            "WIJKTAFEL_NEW_PASSPHRASE"));
    else if (!*pass)
        rc = wt_error_set(&err, WT_EINVAL, _("passphrase: de twee wachtwoordzinnen verschillen"));
    else
        rc = app_set_passphrase(a, member, pass, &err);
    cli_forget_passphrase();
    app_close(a);
    if (rc)
        return cli_error(&err);
    cli_printf(stderr, _("Wachtwoordzin gezet voor %s\n"), member);
    return 0;
}

const struct cmd_entry cmd_passphrase_entry = {
    .name = "passphrase", .usage = N_("[MEMBER]"),
    .summary = N_("zet of wijzig de wachtwoordzin van een lid"),
    .min_args = 0, .max_args = 1, .exec = cmd_passphrase_exec};
