/* cmd_themes.c: `themes [--since D] [--until D] [--format text|tsv]`: recurring needs per area. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "wijktafel/cli.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/text.h"

static int parse_day(const char *opt, const char *s, int32_t *out)
{
    if (date_parse(s, out) == 0)
        return 0;
    return cli_fail(EX_USAGE, _("themes: %s: geen bestaande datum '%s' (JJJJ-MM-DD)"), opt, s);
}

static int check_format(const char *value)
{
    if (strcmp(value, "text") == 0 || strcmp(value, "tsv") == 0)
        return 0;
    return cli_fail(EX_USAGE, _("themes: --format moet text of tsv zijn"));
}

static int cmd_themes_exec(const struct cli_globals *g, const struct cli_args *args)
{
    const char *since = cli_value(args, "since"), *until = cli_value(args, "until");
    const char *format = cli_value(args, "format");
    bool tsv = format && strcmp(format, "tsv") == 0;
    int32_t from, to = app_today();
    int code = 0;
    if (until && (code = parse_day("--until", until, &to)) != 0)
        return code;
    from = to - 55; /* the last 8 weeks, both ends included */
    if (since && (code = parse_day("--since", since, &from)) != 0)
        return code;
    if (from > to)
        return cli_fail(EX_USAGE, _("themes: --since ligt na --until"));
    struct app *a;
    if ((code = cli_open(g, &a)) != 0)
        return code;
    struct themes t;
    struct wt_error err = {0};
    int rc = app_themes(a, from, to, 2, &t, &err);
    app_close(a);
    if (rc)
        return cli_error(&err);
    struct buf out = {0};
    if (!tsv) {
        char f[DATE_SHOW_MAX], u[DATE_SHOW_MAX]; /* text for people: dates as they read them */
        date_show(from, DATE_FULL, from, f);
        date_show(to, DATE_FULL, to, u);
        buf_printf(&out, _("Terugkerende thema's van %s tot en met %s:\n"), f, u);
        if (t.n == 0)
            buf_printf(&out, "  %s\n", _("(geen: niets kwam twee keer of vaker voor)"));
    }
    for (size_t i = 0; i < t.n; i++) {
        char *area = text_inert(t.items[i].area, false), *tag = text_inert(t.items[i].tag, false);
        if (tsv)
            buf_printf(&out, "%s\t%s\t%zu\t%s\n", area, tag, t.items[i].count, t.items[i].ids);
        else
            buf_printf(&out, "  %-40s %-20s %3zu  %s\n", area, tag, t.items[i].count,
                       t.items[i].ids);
        free(area);
        free(tag);
    }
    themes_fini(&t);
    code = cli_write_stdout(out.data ? out.data : "", out.len);
    buf_fini(&out);
    return code;
}

static const struct cli_option themes_options[] = {
    {.name = "since", .has_value = true}, {.name = "until", .has_value = true},
    {.name = "format", .has_value = true, .check = check_format},
    {.name = NULL}};

const struct cmd_entry cmd_themes_entry = {
    .name = "themes", .usage = N_("[--since JJJJ-MM-DD] [--until JJJJ-MM-DD] [--format text|tsv]"),
    .summary = N_("terugkerende vragen en signalen per gebied (standaard de laatste 8 weken)"),
    .options = themes_options, .min_args = 0, .max_args = 0, .exec = cmd_themes_exec};
