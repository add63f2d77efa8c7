/* cmd_init.c: `init [--team NAME] [--leader ID] [--name NAME]`: create an empty database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"

static const char *init_passphrase(void *ctx, const char *member)
{
    return cli_passphrase(ctx, member);
}

/* `init --from BUNDLE`: a database made from a bundle with a member's keyslot. */
static int init_from(const struct cli_globals *g, const char *path)
{
    if (g->demo)
        return cli_fail(EX_USAGE, _("init: de demodatabase maakt zichzelf; gebruik --db"));
    FILE *in = cli_open_input(path);
    if (!in)
        return EX_NOINPUT;
    struct buf file = {0};
    struct wt_error err = {0};
    int rc = app_bundle_read(NULL, in, &file, &err); /* refused at its first bad piece */
    cli_close_input(in);
    if (rc) {
        buf_fini(&file);
        return cli_fail(wt_error_exit_code(rc), "%s: %s", path, err.text);
    }
    int code;
    char *dir = cli_db_dir(g, &code);
    if (!dir) {
        buf_fini(&file);
        return code;
    }
    char *member = NULL;
    rc = app_bundle_init(dir, (unsigned char *)file.data, file.len, init_passphrase, (void *)g,
                         &member, &err);
    cli_forget_passphrase();
    buf_fini(&file);
    if (rc) {
        free(dir);
        return cli_fail(wt_error_exit_code(rc), "%s: %s", path, err.text);
    }
    cli_printf(stdout, _("Database gemaakt in %s uit %s; lid: %s\n"), dir, path, member);
    free(member);
    free(dir);
    return 0;
}

static int cmd_init_exec(const struct cli_globals *g, const struct cli_args *args)
{
    const char *team = cli_value(args, "team"), *name = cli_value(args, "name");
    const char *leader = cli_given(args, "leader") ? cli_value(args, "leader") : "leider";
    const char *from = cli_value(args, "from");
    /* Declared with any count of arguments, so that this names the first one. */
    if (args->argc > 0)
        return cli_fail(EX_USAGE, _("init: onverwacht argument '%s'"), args->argv[0]);
    if (g->demo)
        return cli_fail(EX_USAGE, _("init: de demodatabase maakt zichzelf; gebruik --db"));
    int code;
    if (from)
        return init_from(g, from);
    char *dir = cli_db_dir(g, &code);
    struct wt_error err = {0};
    /* The passphrase from the environment or a file, else asked twice on the
     * terminal; with none at all the database is made unencrypted. */
    const char *pass = getenv("WIJKTAFEL_PASSPHRASE");
    if ((!pass || !*pass) && g->passphrase_file)
        pass = cli_passphrase(g, leader);
    if (!pass || !*pass)
        pass = cli_new_passphrase();
    if (pass && !*pass && isatty(STDIN_FILENO)) {
        free(dir);
        return cli_fail(EX_DATAERR, _("init: de twee wachtwoordzinnen verschillen"));
    }
    char *recovery = NULL;
    int rc = app_init_team(dir, team, leader, name, pass && *pass ? pass : NULL, &recovery,
                           &err);
    bool encrypted = pass && *pass;
    cli_forget_passphrase();
    if (rc) {
        free(dir);
        return cli_error(&err);
    }
    cli_printf(stdout, _("Database gemaakt in %s; eerste lid: %s (leider)\n"), dir, leader);
    if (!encrypted)
        cli_printf(stderr, _("Let op: deze database is niet versleuteld; zet een wachtwoordzin met "
                          "'wijktafel passphrase'\n"));
    if (recovery) {
        /* The last line of standard output: scripts take it from there. */
        cli_printf(stderr, _("Herstelcode (wordt maar één keer getoond; print hem en berg hem "
                             "achter slot op):\n"));
        cli_printf(stdout, "%s\n", recovery);
        explicit_bzero(recovery, strlen(recovery));
        free(recovery);
    }
    free(dir);
    return 0;
}

static const struct cli_option init_options[] = {
    {.name = "team", .has_value = true}, {.name = "leader", .has_value = true},
    {.name = "name", .has_value = true}, {.name = "from", .has_value = true},
    {.name = NULL}};

const struct cmd_entry cmd_init_entry = {
    .name = "init", .usage = N_("[--team NAAM] [--leader ID] [--name NAAM] | --from BUNDEL"),
    .summary = N_("maak een lege database"), .options = init_options,
    .min_args = 0, .max_args = CLI_ANY_ARGS, .exec = cmd_init_exec};
