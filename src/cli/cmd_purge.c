/* cmd_purge.c: `purge --closed-before YYYY-MM-DD [--use-opened]`: remove cases closed before the date. */
#include <stdio.h>
#include <sysexits.h>

#include "wijktafel/cli.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"

static int cmd_purge_exec(const struct cli_globals *g, const struct cli_args *args)
{
    const char *date = cli_value(args, "closed-before");
    int32_t before;
    if (date_parse(date, &before) != 0)
        return cli_fail(EX_USAGE, _("purge: --closed-before: geen bestaande datum '%s'"), date);
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    struct wt_error err = {0};
    size_t n = 0;
    int rc = app_purge(a, before, cli_given(args, "use-opened"), &n, &err);
    struct buf note = {0};
    if (!rc && n)
        app_copies_note(a, NULL, &note); /* the whole truth: copies made before */
    app_close(a);
    if (rc)
        return cli_error(&err);
    cli_printf(stderr, _("%zu gesloten casussen verwijderd\n"), n);
    cli_out(stderr, note.data ? note.data : "", note.len);
    buf_fini(&note);
    return 0;
}

static const struct cli_option purge_options[] = {
    {.name = "closed-before", .has_value = true, .required = true},
    {.name = "use-opened"},
    {.name = NULL}};

const struct cmd_entry cmd_purge_entry = {
    .name = "purge", .usage = N_("--closed-before JJJJ-MM-DD [--use-opened]"),
    .summary = N_("verwijder gesloten casussen van voor die datum, met alles wat ernaar verwijst"),
    .options = purge_options, .min_args = 0, .max_args = 0, .exec = cmd_purge_exec};
