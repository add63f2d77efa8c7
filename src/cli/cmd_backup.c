/* cmd_backup.c: `backup DEST`: a consistent, compacted copy while the database may be in use. */
#include <stdio.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"

static int cmd_backup_exec(const struct cli_globals *g, int argc, char **argv)
{
    if (argc != 2)
        return cli_fail(64, _("gebruik: wijktafel backup DEST"));
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    struct wt_error err = {0};
    int rc = app_backup(a, argv[1], &err);
    app_close(a);
    if (rc)
        return cli_error(&err);
    fprintf(stderr, _("Reservekopie gemaakt in %s\n"), argv[1]);
    return 0;
}

const struct cmd_entry cmd_backup_entry = {
    "backup", "DEST", N_("maak een reservekopie in de map DEST"), cmd_backup_exec};
