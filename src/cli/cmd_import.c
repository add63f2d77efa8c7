/* cmd_import.c: `import KIND FILE`: read records from CSV, all or nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <sysexits.h>

#include "cli_int.h"
#include "wijktafel/i18n.h"

/* Shared with export: parses KIND or prints the usage error (64). */
int cli_parse_kind(const char *cmd, const char *name, enum wt_kind *kind)
{
    if (record_kind_by_name(name, kind) == 0)
        return 0;
    return cli_fail(EX_USAGE, _("%s: onbekende soort '%s' (kies uit members, cases, signals, "
                          "resources, talents, actions)"),
                    cmd, name);
}

static int cmd_import_exec(const struct cli_globals *g, const struct cli_args *args)
{
    const char *kind_name = args->argv[0], *path = args->argv[1];
    enum wt_kind kind;
    int code = cli_parse_kind("import", kind_name, &kind);
    if (code)
        return code;
    /* Read as a stream: a huge bad file is refused at its first bad piece. */
    FILE *in = cli_open_input(path);
    if (!in)
        return EX_NOINPUT;
    struct app *a;
    if ((code = cli_open(g, &a)) != 0) {
        cli_close_input(in);
        return code;
    }
    struct wt_error err = {0};
    size_t n = 0;
    int rc = app_import_stream(a, kind, in == stdin ? "stdin" : path, in, &n, &err);
    cli_close_input(in);
    app_close(a);
    if (rc)
        return cli_error(&err);
    cli_printf(stderr, _("%zu %s ingelezen\n"), n, kind_name);
    return 0;
}

const struct cmd_entry cmd_import_entry = {
    .name = "import", .usage = N_("KIND FILE"),
    .summary = N_("lees records uit een CSV-bestand (- is standaardinvoer)"),
    .min_args = 2, .max_args = 2, .exec = cmd_import_exec};
