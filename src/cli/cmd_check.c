/* cmd_check.c: `check`: verify the whole database; exit 0 when sound. */
#include <stdio.h>
#include <string.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"

/* Prints a line of the check; counts those that name what was not verified. */
static void print_problem(void *ctx, const char *line)
{
    const char *unverified = _("niet nagegaan");
    if (strncmp(line, unverified, strlen(unverified)) == 0)
        ++*(int *)ctx;
    cli_printf(stdout, "%s\n", line);
}

static int cmd_check_exec(const struct cli_globals *g, const struct cli_args *args)
{
    (void)args;
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    struct wt_error err = {0};
    int unverified = 0;
    int rc = app_check(a, print_problem, &unverified, &err);
    if (!rc && unverified)
        cli_printf(stdout, _("%s: in orde voor wat deze sleutels openen; de rest is niet nagegaan\n"),
                   app_dir(a));
    else if (!rc)
        cli_printf(stdout, _("%s: in orde\n"), app_dir(a));
    fflush(stdout);
    app_close(a);
    return rc ? cli_error(&err) : 0;
}

const struct cmd_entry cmd_check_entry = {
    .name = "check", .usage = "", .summary = N_("controleer de hele database"),
    .min_args = 0, .max_args = 0, .exec = cmd_check_exec};
