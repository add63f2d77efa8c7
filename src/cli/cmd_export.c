/* cmd_export.c: `export KIND [--format csv|json]`, `export resources --format hsds DIR`. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cli_int.h"
#include "wijktafel/i18n.h"


static int check_format(const char *value)
{
    if (strcmp(value, "csv") == 0 || strcmp(value, "json") == 0 || strcmp(value, "hsds") == 0)
        return 0;
    return cli_fail(EX_USAGE, _("export: --format moet csv, json of hsds zijn, niet '%s'"),
                    value);
}

/* The social map as an Open Referral HSDS 3.0 tabular data package in dir. */
static int export_hsds(const struct cli_globals *g, enum wt_kind kind, int argc,
                       char *const *argv)
{
    if (kind != WT_RESOURCES || argc != 2)
        return cli_fail(EX_USAGE, _("gebruik: wijktafel export resources --format hsds DIR"));
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    struct wt_error err = {0};
    size_t n = 0;
    int rc = app_export_hsds(a, argv[1], &n, &err);
    app_close(a);
    if (rc)
        return cli_error(&err);
    cli_printf(stderr, _("%zu kaartitems geschreven in %s\n"), n, argv[1]);
    return 0;
}

static int cmd_export_exec(const struct cli_globals *g, const struct cli_args *args)
{
    const char *f = cli_value(args, "format");
    enum app_format fmt = f && strcmp(f, "json") == 0 ? APP_JSON : APP_CSV;
    enum wt_kind kind;
    int code = cli_parse_kind("export", args->argv[0], &kind);
    if (code)
        return code;
    if (f && strcmp(f, "hsds") == 0)
        return export_hsds(g, kind, args->argc, args->argv);
    if (args->argc != 1)
        return cli_fail(EX_USAGE, _("gebruik: wijktafel export KIND [--format csv|json]"));
    struct app *a;
    if ((code = cli_open(g, &a)) != 0)
        return code;
    struct buf out = {0};
    struct wt_error err = {0};
    int rc = app_export(a, kind, fmt, &out, &err);
    app_close(a);
    code = rc ? cli_error(&err) : cli_write_stdout(out.data, out.len);
    buf_fini(&out);
    return code;
}

static const struct cli_option export_options[] = {
    {.name = "format", .has_value = true, .check = check_format},
    {.name = NULL}};

const struct cmd_entry cmd_export_entry = {
    .name = "export", .usage = N_("KIND [--format csv|json] | resources --format hsds DIR"),
    .summary = N_("schrijf alle records van een soort naar de uitvoer"),
    .options = export_options, .min_args = 1, .max_args = 2, .exec = cmd_export_exec};
