/* cmd_themes.c: `themes [--since D] [--until D] [--format text|tsv]`: recurring needs per area. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wijktafel/cli.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/text.h"

static int parse_day(const char *opt, const char *s, int32_t *out)
{
    if (date_parse(s, out) == 0)
        return 0;
    return cli_fail(64, _("themes: %s: geen bestaande datum '%s' (JJJJ-MM-DD)"), opt, s);
}

static int cmd_themes_exec(const struct cli_globals *g, int argc, char **argv)
{
    static const struct option opts[] = {{"since", required_argument, NULL, 's'},
                                         {"until", required_argument, NULL, 'u'},
                                         {"format", required_argument, NULL, 'f'},
                                         {NULL, 0, NULL, 0}};
    const char *since = NULL, *until = NULL;
    bool tsv = false;
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 's': since = optarg; break;
        case 'u': until = optarg; break;
        case 'f':
            if (strcmp(optarg, "tsv") == 0)
                tsv = true;
            else if (strcmp(optarg, "text") != 0)
                return cli_fail(64, _("themes: --format moet text of tsv zijn"));
            break;
        default:
            return cli_fail(64, _("themes: onbekende of onvolledige optie '%s'"),
                            argv[optind - 1]);
        }
    }
    if (optind != argc)
        return cli_fail(64, _("gebruik: wijktafel themes [--since JJJJ-MM-DD] [--until "
                              "JJJJ-MM-DD] [--format text|tsv]"));
    int32_t from, to = app_today();
    int code = 0;
    if (until && (code = parse_day("--until", until, &to)) != 0)
        return code;
    from = to - 55; /* the last 8 weeks, both ends included */
    if (since && (code = parse_day("--since", since, &from)) != 0)
        return code;
    if (from > to)
        return cli_fail(64, _("themes: --since ligt na --until"));
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
        char f[11], u[11];
        date_format(from, f);
        date_format(to, u);
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

const struct cmd_entry cmd_themes_entry = {
    "themes", "[--since JJJJ-MM-DD] [--until JJJJ-MM-DD] [--format text|tsv]",
    N_("terugkerende vragen en signalen per gebied (standaard de laatste 8 weken)"),
    cmd_themes_exec};
