/* cmd_backup.c: `backup DEST`: a consistent, compacted copy while the database may be in use. */
#include <stdio.h>
#include <sysexits.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"

static int cmd_backup_exec(const struct cli_globals *g, const struct cli_args *args)
{
    const char *dest = args->argv[0];
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    struct wt_error err = {0};
    int rc = app_backup(a, dest, &err);
    app_close(a);
    if (rc)
        return cli_error(&err);
    cli_printf(stderr, _("Reservekopie gemaakt in %s\n"), dest);
    return 0;
}

const struct cmd_entry cmd_backup_entry = {
    .name = "backup", .usage = N_("DEST"), .summary = N_("maak een reservekopie in de map DEST"),
    .min_args = 1, .max_args = 1, .exec = cmd_backup_exec};
