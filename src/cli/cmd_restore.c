/* cmd_restore.c: `restore DIR`: a new database filled from a dump. */
#include <stdio.h>
#include <stdlib.h>
#include <sysexits.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"

static int cmd_restore_exec(const struct cli_globals *g, const struct cli_args *args)
{
    const char *from = args->argv[0];
    if (g->demo)
        return cli_fail(EX_USAGE, _("restore: de demodatabase maakt zichzelf; gebruik --db"));
    int code;
    char *dir = cli_db_dir(g, &code);
    if (!dir)
        return code;
    struct wt_error err = {0};
    int rc = app_restore(dir, from, &err);
    if (!rc)
        fprintf(stderr, _("Database in %s gevuld uit %s\n"), dir, from);
    free(dir);
    return rc ? cli_error(&err) : 0;
}

const struct cmd_entry cmd_restore_entry = {
    .name = "restore", .usage = N_("DIR"), .summary = N_("maak een nieuwe database uit een dump"),
    .min_args = 1, .max_args = 1, .exec = cmd_restore_exec};
