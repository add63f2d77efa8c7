/* cmd_report.c: `report --from D --to D [--format md|csv]`: the period's figures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "report_fmt.h"
#include "wijktafel/cli.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"

/* Parses the date of option opt; 0, or 64 after a message. */
static int report_day(const char *opt, const char *s, int32_t *out)
{
    if (date_parse(s, out) == 0)
        return 0;
    return cli_fail(EX_USAGE, _("report: %s: geen bestaande datum '%s' (JJJJ-MM-DD)"), opt, s);
}

/* Both dates are required: a report always names its period. Exit codes as
 * FORMATS.md: 64 usage, 77 for a volunteer (the report is about cases). */
static int cmd_report_exec(const struct cli_globals *g, const struct cli_args *args)
{
    const char *from_s = cli_value(args, "from"), *to_s = cli_value(args, "to");
    const char *f = cli_value(args, "format");
    bool csv = f && strcmp(f, "csv") == 0;
    int32_t from, to;
    int code;
    if ((code = report_day("--from", from_s, &from)) != 0 ||
        (code = report_day("--to", to_s, &to)) != 0)
        return code;
    if (from > to)
        return cli_fail(EX_USAGE, _("report: --from ligt na --to"));
    struct app *a;
    if ((code = cli_open(g, &a)) != 0)
        return code;
    struct app_report rep;
    struct wt_error err = {0};
    int rc = app_report(a, from, to, &rep, &err);
    app_close(a);
    if (rc)
        return cli_error(&err);
    struct buf out = {0};
    if (csv)
        report_fmt_csv(&out, &rep);
    else
        report_fmt_md(&out, &rep, isatty(STDOUT_FILENO));
    app_report_fini(&rep);
    code = cli_write_stdout(out.data ? out.data : "", out.len);
    buf_fini(&out);
    return code;
}

static int check_format(const char *value)
{
    if (strcmp(value, "md") == 0 || strcmp(value, "csv") == 0)
        return 0;
    return cli_fail(EX_USAGE, _("report: --format moet md of csv zijn"));
}

static const struct cli_option report_options[] = {
    {.name = "from", .has_value = true, .required = true},
    {.name = "to", .has_value = true, .required = true},
    {.name = "format", .has_value = true, .check = check_format},
    {.name = NULL}};

const struct cmd_entry cmd_report_entry = {
    .name = "report", .usage = N_("--from JJJJ-MM-DD --to JJJJ-MM-DD [--format md|csv]"),
    .summary = N_("de cijfers van een periode: hulpvragen, antwoorden, opties, thema's, "
                  "signalen, rondes en tijdsbesteding"),
    .options = report_options, .min_args = 0, .max_args = 0, .exec = cmd_report_exec};
