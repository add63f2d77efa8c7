/* cmd_minutes.c: `minutes [--date YYYY-MM-DD]`: a meeting's minutes as Markdown. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "wijktafel/cli.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/meeting.h"

static int check_date(const char *value)
{
    if (date_parse(value, NULL) == 0)
        return 0;
    return cli_fail(EX_USAGE, _("minutes: --date moet een datum JJJJ-MM-DD zijn, niet '%s'"),
                    value);
}

static int cmd_minutes_exec(const struct cli_globals *g, const struct cli_args *args)
{
    const char *date = cli_value(args, "date");
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    int32_t day = app_day(a);
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

static const struct cli_option minutes_options[] = {
    {.name = "date", .has_value = true, .check = check_date},
    {.name = NULL}};

const struct cmd_entry cmd_minutes_entry = {
    .name = "minutes", .usage = N_("[--date JJJJ-MM-DD]"),
    .summary = N_("de notulen van een overleg in Markdown"), .options = minutes_options,
    .min_args = 0, .max_args = 0, .exec = cmd_minutes_exec};
