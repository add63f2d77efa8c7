/* cmd_export.c: `export KIND [--format csv|json]`: every record of a kind, in id order. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "wijktafel/i18n.h"


static int cmd_export_exec(const struct cli_globals *g, int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
                                         {NULL, 0, NULL, 0}};
    enum app_format fmt = APP_CSV;
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'f' && strcmp(optarg, "csv") == 0)
            fmt = APP_CSV;
        else if (c == 'f' && strcmp(optarg, "json") == 0)
            fmt = APP_JSON;
        else if (c == 'f')
            return cli_fail(64, _("export: --format moet csv of json zijn, niet '%s'"), optarg);
        else
            return cli_fail(64, _("export: onbekende of onvolledige optie '%s'"),
                            argv[optind - 1]);
    }
    if (argc - optind != 1)
        return cli_fail(64, _("gebruik: wijktafel export KIND [--format csv|json]"));
    enum wt_kind kind;
    int code = cli_parse_kind("export", argv[optind], &kind);
    if (code)
        return code;
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

const struct cmd_entry cmd_export_entry = {
    "export", "KIND [--format csv|json]", N_("schrijf alle records van een soort naar de uitvoer"),
    cmd_export_exec};
