/* cmd_import.c: `import KIND FILE`: read records from CSV, all or nothing. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
    bool std = strcmp(path, "-") == 0;
    FILE *in = std ? stdin : fopen(path, "rb");
    if (!in)
        return cli_fail(EX_NOINPUT, _("%s: bestand kan niet worden geopend: %s"), path,
                        strerror(errno));
    struct app *a;
    if ((code = cli_open(g, &a)) != 0) {
        if (!std)
            fclose(in);
        return code;
    }
    struct wt_error err = {0};
    size_t n = 0;
    int rc = app_import_stream(a, kind, std ? "stdin" : path, in, &n, &err);
    if (!std)
        fclose(in);
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
