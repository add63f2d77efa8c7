/* cmd_dump.c: `dump DIR [--yes]`: everything a leader may see, as CSV files with a manifest. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"

/* A yes/no on the terminal: true for j (or y). */
static bool dump_confirm(const char *dir)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDERR_FILENO))
        return false;
    fprintf(stderr,
            _("De database is versleuteld, maar de dump in %s is dat niet: iedereen die de map "
              "kan lezen, leest alles. Doorgaan? (j/n) "),
            dir);
    char line[16];
    if (!fgets(line, sizeof line, stdin))
        return false;
    return line[0] == 'j' || line[0] == 'J' || line[0] == 'y' || line[0] == 'Y';
}

static int cmd_dump_exec(const struct cli_globals *g, const struct cli_args *args)
{
    const char *dir = args->argv[0];
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    if (app_encrypted(a) && !cli_given(args, "yes") && !dump_confirm(dir)) {
        app_close(a);
        return cli_fail(EX_NOPERM, _("dump: de database is versleuteld en de dump niet; "
                                     "bevestig op een terminal of met --yes"));
    }
    struct wt_error err = {0};
    int rc = app_dump(a, dir, &err);
    app_close(a);
    if (rc)
        return cli_error(&err);
    fprintf(stderr, _("Dump geschreven in %s\n"), dir);
    return 0;
}

static const struct cli_option dump_options[] = {{.name = "yes"}, {.name = NULL}};

const struct cmd_entry cmd_dump_entry = {
    .name = "dump", .usage = N_("DIR [--yes]"),
    .summary = N_("schrijf alles als CSV-bestanden met manifest.json in een map (leiders)"),
    .options = dump_options, .min_args = 1, .max_args = 1, .exec = cmd_dump_exec};
