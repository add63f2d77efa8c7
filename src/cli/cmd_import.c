/* cmd_import.c: `import KIND FILE [--format csv|json|hsds]`: read records, all or nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
    if (strcmp(value, "csv") == 0 || strcmp(value, "json") == 0 || strcmp(value, "hsds") == 0)
        return 0;
    return cli_fail(EX_USAGE, _("import: --format moet csv, json of hsds zijn, niet '%s'"),
                    value);
}

/* The format: --format, else a folder (HSDS), else the file name (".json"),
 * else CSV. */
static const char *import_format(const char *given, const char *file)
{
    size_t n = strlen(file);
    struct stat st;
    if (given)
        return given;
    if (stat(file, &st) == 0 && S_ISDIR(st.st_mode))
        return "hsds";
    return n > 5 && strcmp(file + n - 5, ".json") == 0 ? "json" : "csv";
}

/* An Open Referral HSDS 3.0 package (a folder) or HSDS JSON, resources only. */
static int import_hsds(const struct cli_globals *g, enum wt_kind kind, const char *path)
{
    if (kind != WT_RESOURCES)
        return cli_fail(EX_USAGE, _("import: --format hsds is er alleen voor resources"));
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    struct wt_error err = {0};
    struct buf warnings = {0};
    struct app_hsds_counts n = {0};
    int rc = app_import_hsds(a, path, &n, &warnings, &err);
    app_close(a);
    if (warnings.len)
        cli_printf(stderr, "%.*s", (int)warnings.len, warnings.data);
    buf_fini(&warnings);
    if (rc)
        return cli_error(&err);
    cli_printf(stderr, _("%zu kaartitems ingelezen, %zu nieuw of gewijzigd\n"), n.entries,
               n.changed);
    return 0;
}

static int cmd_import_exec(const struct cli_globals *g, const struct cli_args *args)
{
    const char *kind_name = args->argv[0], *path = args->argv[1];
    enum wt_kind kind;
    int code = cli_parse_kind("import", kind_name, &kind);
    if (code)
        return code;
    const char *format = import_format(cli_value(args, "format"), path);
    if (strcmp(format, "hsds") == 0)
        return import_hsds(g, kind, path);
    /* CSV and JSON are read as a stream: a huge bad file is refused at its
     * first bad piece. */
    bool json = strcmp(format, "json") == 0;
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
    const char *fname = in == stdin ? "stdin" : path;
    int rc = json ? app_import_json_stream(a, kind, fname, in, &n, &err)
                  : app_import_stream(a, kind, fname, in, &n, &err);
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
    .name = "import", .usage = N_("KIND FILE [--format csv|json|hsds]"),
    .summary = N_("lees records uit een CSV- of JSON-bestand (- is standaardinvoer) of een "
                  "HSDS-pakket"),
    .options = import_options, .min_args = 2, .max_args = 2, .exec = cmd_import_exec};
