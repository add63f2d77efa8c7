/* cmd_passphrase.c: `passphrase [MEMBER]` and `passphrase --recovery`: set a member's passphrase. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"

/* The recovery code: WIJKTAFEL_RECOVERY_CODE, else asked on the terminal. */
static const char *recovery_code(void *ctx, const char *member)
{
    (void)ctx, (void)member;
    const char *env = getenv("WIJKTAFEL_RECOVERY_CODE");
    if (env && *env)
        return env;
    static char line[512];
    if (!isatty(STDIN_FILENO))
        return NULL;
    cli_printf(stderr, _("Herstelcode (12 woorden): "));
    if (!fgets(line, sizeof line, stdin))
        return NULL;
    line[strcspn(line, "\r\n")] = '\0';
    return line;
}

/* The new passphrase, read twice; an error line when it cannot be had. */
static int new_passphrase(const char **pass, struct wt_error *err)
{
    *pass = cli_new_passphrase();
    if (!*pass)
        return wt_error_set(err, WT_EUSAGE,
                            _("passphrase: geen terminal; geef de nieuwe wachtwoordzin in "
                              "WIJKTAFEL_NEW_PASSPHRASE"));
    if (!**pass)
        return wt_error_set(err, WT_EINVAL, _("passphrase: de twee wachtwoordzinnen verschillen"));
    return 0;
}

/* `passphrase --recovery`: a new leader passphrase and a new recovery code. */
static int recover(const struct cli_globals *g)
{
    int code;
    char *dir = cli_db_dir(g, &code);
    if (!dir)
        return code;
    struct wt_error err = {0};
    struct app_opts o = {.dir = dir, .as_member = g->as, .passphrase = recovery_code,
                         .recovery = true, .path = "passphrase"};
    struct app *a;
    int rc = app_open(&o, &a, &err);
    free(dir);
    if (rc)
        return cli_error(&err);
    const char *pass;
    char *fresh = NULL;
    rc = new_passphrase(&pass, &err);
    if (!rc)
        rc = app_recovery_reset(a, pass, &fresh, &err);
    cli_forget_passphrase();
    char member[WT_MAX_ID + 1];
    snprintf(member, sizeof member, "%s", app_member_id(a));
    app_close(a);
    if (rc)
        return cli_error(&err);
    cli_printf(stderr, _("Wachtwoordzin gezet voor %s. De oude herstelcode werkt niet meer; dit "
                         "is de nieuwe (print hem en berg hem achter slot op):\n"),
               member);
    cli_printf(stdout, "%s\n", fresh);
    explicit_bzero(fresh, strlen(fresh));
    free(fresh);
    return 0;
}

static int cmd_passphrase_exec(const struct cli_globals *g, const struct cli_args *args)
{
    if (g->demo)
        return cli_fail(EX_USAGE, _("passphrase: de demodatabase heeft een vaste wachtwoordzin"));
    if (cli_given(args, "recovery")) {
        if (args->argc > 0)
            return cli_usage(args);
        return recover(g);
    }
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    char member[WT_MAX_ID + 1];
    snprintf(member, sizeof member, "%s",
             args->argc == 1 ? args->argv[0] : app_member_id(a));
    struct wt_error err = {0};
    int rc = 0;
    /* Opened with a one-time code: the member has just chosen it. */
    bool chosen = app_opened_by_code(a) && strcmp(member, app_member_id(a)) == 0;
    const char *pass = NULL;
    if (!chosen)
        rc = new_passphrase(&pass, &err);
    if (!rc && !chosen)
        rc = app_set_passphrase(a, member, pass, &err);
    cli_forget_passphrase();
    app_close(a);
    if (rc)
        return cli_error(&err);
    cli_printf(stderr, _("Wachtwoordzin gezet voor %s\n"), member);
    return 0;
}

static const struct cli_option passphrase_options[] = {{.name = "recovery"}, {.name = NULL}};

const struct cmd_entry cmd_passphrase_entry = {
    .name = "passphrase", .usage = N_("[MEMBER] | --recovery"),
    .summary = N_("zet of wijzig de wachtwoordzin van een lid"), .options = passphrase_options,
    .min_args = 0, .max_args = 1, .exec = cmd_passphrase_exec};
