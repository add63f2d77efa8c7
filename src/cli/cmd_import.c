/* cmd_import.c: `import KIND FILE [--format csv|json]`: read records, all or nothing. */
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

/* "12 casussen ingelezen": the count with the kind as a word, singular or plural. */
static void said_read(enum wt_kind kind, size_t n)
{
    unsigned long k = (unsigned long)n;
    switch (kind) {
    case WT_MEMBERS:
        cli_printf(stderr, ngettext("%zu lid ingelezen\n", "%zu leden ingelezen\n", k), n);
        break;
    case WT_CASES:
        cli_printf(stderr, ngettext("%zu casus ingelezen\n", "%zu casussen ingelezen\n", k), n);
        break;
    case WT_SIGNALS:
        cli_printf(stderr, ngettext("%zu signaal ingelezen\n", "%zu signalen ingelezen\n", k), n);
        break;
    case WT_RESOURCES:
        cli_printf(stderr, ngettext("%zu kaartitem ingelezen\n", "%zu kaartitems ingelezen\n", k),
                   n);
        break;
    case WT_TALENTS:
        cli_printf(stderr, ngettext("%zu talent ingelezen\n", "%zu talenten ingelezen\n", k), n);
        break;
    default:
        cli_printf(stderr,
                   ngettext("%zu actiepunt ingelezen\n", "%zu actiepunten ingelezen\n", k), n);
        break;
    }
}

static int check_format(const char *value)
{
    if (strcmp(value, "csv") == 0 || strcmp(value, "json") == 0)
        return 0;
    return cli_fail(EX_USAGE, _("import: --format moet csv of json zijn, niet '%s'"), value);
}

/* The format: --format, else the file name (".json"), else CSV. */
static enum app_format import_format(const char *given, const char *file)
{
    size_t n = strlen(file);
    if (given)
        return strcmp(given, "json") == 0 ? APP_JSON : APP_CSV;
    return n > 5 && strcmp(file + n - 5, ".json") == 0 ? APP_JSON : APP_CSV;
}

/* JSON is parsed whole (jansson): the file is read into memory first. */
static int import_json_file(struct app *a, enum wt_kind kind, const char *path, size_t *n,
                            struct wt_error *err, int *code)
{
    char *buf;
    size_t len;
    if ((*code = cli_read_file(path, &buf, &len)) != 0)
        return 0;
    const char *fname = path[0] == '-' && !path[1] ? "stdin" : path;
    int rc = app_import_json(a, kind, fname, buf, len, n, err);
    free(buf);
    return rc;
}

static int cmd_import_exec(const struct cli_globals *g, const struct cli_args *args)
{
    const char *kind_name = args->argv[0], *path = args->argv[1];
    enum wt_kind kind;
    int code = cli_parse_kind("import", kind_name, &kind);
    if (code)
        return code;
    if (import_format(cli_value(args, "format"), path) == APP_JSON) {
        struct app *a;
        if ((code = cli_open(g, &a)) != 0)
            return code;
        struct wt_error err = {0};
        size_t n = 0;
        int rc = import_json_file(a, kind, path, &n, &err, &code);
        app_close(a);
        if (code)
            return code;
        if (rc)
            return cli_error(&err);
        said_read(kind, n);
        return 0;
    }
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
    said_read(kind, n);
    return 0;
}

static const struct cli_option import_options[] = {
    {.name = "format", .has_value = true, .check = check_format},
    {.name = NULL}};

const struct cmd_entry cmd_import_entry = {
    .name = "import", .usage = N_("KIND FILE [--format csv|json]"),
    .summary = N_("lees records uit een CSV- of JSON-bestand (- is standaardinvoer)"),
    .options = import_options, .min_args = 2, .max_args = 2, .exec = cmd_import_exec};
