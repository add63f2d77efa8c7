/* cmd_check.c: `check`: verify the whole database; exit 0 when sound. */
#include <stdio.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"

static void print_problem(void *ctx, const char *line)
{
    (void)ctx;
    printf("%s\n", line);
}

static int cmd_check_exec(const struct cli_globals *g, int argc, char **argv)
{
    (void)argv;
    if (argc != 1)
        return cli_fail(64, _("gebruik: wijktafel check"));
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    struct wt_error err = {0};
    int rc = app_check(a, print_problem, NULL, &err);
    if (!rc)
        printf(_("%s: in orde\n"), a->dir);
    fflush(stdout);
    app_close(a);
    return rc ? cli_error(&err) : 0;
}

const struct cmd_entry cmd_check_entry = {
    "check", "", N_("controleer de hele database"), cmd_check_exec};
