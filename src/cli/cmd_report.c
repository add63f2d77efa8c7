/* cmd_report.c: `report --from D --to D [--format md|csv]`: the period's figures. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report_fmt.h"
#include "wijktafel/cli.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"

#define REPORT_USAGE "--from JJJJ-MM-DD --to JJJJ-MM-DD [--format md|csv]"

/* Parses the date of option opt; 0, or 64 after a message. */
static int report_day(const char *opt, const char *s, int32_t *out)
{
    if (date_parse(s, out) == 0)
        return 0;
    return cli_fail(64, _("report: %s: geen bestaande datum '%s' (JJJJ-MM-DD)"), opt, s);
}

/* Both dates are required: a report always names its period. Exit codes as
 * FORMATS.md: 64 usage, 77 for a volunteer (the report is about cases). */
static int cmd_report_exec(const struct cli_globals *g, int argc, char **argv)
{
    static const struct option opts[] = {{"from", required_argument, NULL, 'f'},
                                         {"to", required_argument, NULL, 't'},
                                         {"format", required_argument, NULL, 'm'},
                                         {NULL, 0, NULL, 0}};
    const char *from_s = NULL, *to_s = NULL;
    bool csv = false;
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'f': from_s = optarg; break;
        case 't': to_s = optarg; break;
        case 'm':
            if (strcmp(optarg, "csv") == 0)
                csv = true;
            else if (strcmp(optarg, "md") != 0)
                return cli_fail(64, _("report: --format moet md of csv zijn"));
            break;
        default:
            return cli_fail(64, _("report: onbekende of onvolledige optie '%s'"),
                            argv[optind - 1]);
        }
    }
    if (optind != argc || !from_s || !to_s)
        return cli_fail(64, _("gebruik: wijktafel report %s"), REPORT_USAGE);
    int32_t from, to;
    int code;
    if ((code = report_day("--from", from_s, &from)) != 0 ||
        (code = report_day("--to", to_s, &to)) != 0)
        return code;
    if (from > to)
        return cli_fail(64, _("report: --from ligt na --to"));
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

const struct cmd_entry cmd_report_entry = {
    "report", REPORT_USAGE,
    N_("de cijfers van een periode: hulpvragen, antwoorden, opties, thema's, signalen, "
       "rondes en tijdsbesteding"),
    cmd_report_exec};
