/* cmd_purge.c: `purge --closed-before YYYY-MM-DD`: remove closed cases older than the date. */
#include <getopt.h>
#include <stdio.h>

#include "wijktafel/cli.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"

static int cmd_purge_exec(const struct cli_globals *g, int argc, char **argv)
{
    static const struct option opts[] = {{"closed-before", required_argument, NULL, 'b'},
                                         {NULL, 0, NULL, 0}};
    const char *date = NULL;
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c != 'b')
            return cli_fail(64, _("purge: onbekende of onvolledige optie '%s'"), argv[optind - 1]);
        date = optarg;
    }
    int32_t before;
    if (!date || optind != argc)
        return cli_fail(64, _("gebruik: wijktafel purge --closed-before JJJJ-MM-DD"));
    if (date_parse(date, &before) != 0)
        return cli_fail(64, _("purge: --closed-before: geen bestaande datum '%s'"), date);
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    struct wt_error err = {0};
    size_t n = 0;
    int rc = app_purge(a, before, &n, &err);
    app_close(a);
    if (rc)
        return cli_error(&err);
    fprintf(stderr, _("%zu gesloten casussen verwijderd\n"), n);
    return 0;
}

const struct cmd_entry cmd_purge_entry = {
    "purge", "--closed-before JJJJ-MM-DD",
    N_("verwijder gesloten casussen van voor die datum, met alles wat ernaar verwijst"),
    cmd_purge_exec};
