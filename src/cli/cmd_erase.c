/* cmd_erase.c: `erase --case ID`: remove a resident's case and everything about them. */
#include <stdio.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"

static int cmd_erase_exec(const struct cli_globals *g, const struct cli_args *args)
{
    const char *id = cli_value(args, "case");
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    struct wt_error err = {0};
    int rc = app_erase_case(a, id, &err);
    struct buf note = {0};
    if (!rc)
        app_copies_note(a, id, &note); /* the whole truth: copies made before */
    app_close(a);
    if (rc)
        return cli_error(&err);
    cli_printf(stderr, _("Casus %s en alles wat erbij hoort is gewist\n"), id);
    cli_out(stderr, note.data ? note.data : "", note.len);
    buf_fini(&note);
    return 0;
}

static const struct cli_option erase_options[] = {
    {.name = "case", .has_value = true, .required = true},
    {.name = NULL}};

const struct cmd_entry cmd_erase_entry = {
    .name = "erase", .usage = N_("--case ID"),
    .summary = N_("wis een casus en alles over de bewoner, onherstelbaar"),
    .options = erase_options, .min_args = 0, .max_args = 0, .exec = cmd_erase_exec};
