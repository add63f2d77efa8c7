/* cmd_minutes.c: `minutes [--date YYYY-MM-DD]`: a meeting's minutes as Markdown. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "wijktafel/cli.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/meeting.h"

static int cmd_minutes_exec(const struct cli_globals *g, int argc, char **argv)
{
    static const struct option opts[] = {{"date", required_argument, NULL, 'd'},
                                         {NULL, 0, NULL, 0}};
    const char *date = NULL;
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'd' && date_parse(optarg, NULL) == 0)
            date = optarg;
        else if (c == 'd')
            return cli_fail(64, _("minutes: --date moet een datum JJJJ-MM-DD zijn, niet '%s'"),
                            optarg);
        else
            return cli_fail(64, _("minutes: onbekende of onvolledige optie '%s'"),
                            argv[optind - 1]);
    }
    if (optind != argc)
        return cli_fail(64, _("gebruik: wijktafel minutes [--date JJJJ-MM-DD]"));
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    int32_t day = a->today;
    if (date)
        date_parse(date, &day);
    struct buf out = {0};
    struct wt_error err = {0};
    int rc = meeting_minutes(a, day, &out, &err);
    app_close(a);
    code = rc ? cli_error(&err) : cli_write_stdout(out.data, out.len);
    buf_fini(&out);
    return code;
}

const struct cmd_entry cmd_minutes_entry = {
    "minutes", "[--date YYYY-MM-DD]", N_("de notulen van een overleg in Markdown"),
    cmd_minutes_exec};
