/* cmd_erase.c: `erase --case ID`: remove a resident's case and everything about them. */
#include <getopt.h>
#include <stdio.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"

static int cmd_erase_exec(const struct cli_globals *g, int argc, char **argv)
{
    static const struct option opts[] = {{"case", required_argument, NULL, 'c'},
                                         {NULL, 0, NULL, 0}};
    const char *id = NULL;
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c != 'c')
            return cli_fail(64, _("erase: onbekende of onvolledige optie '%s'"), argv[optind - 1]);
        id = optarg;
    }
    if (!id || optind != argc)
        return cli_fail(64, _("gebruik: wijktafel erase --case ID"));
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    struct wt_error err = {0};
    int rc = app_erase_case(a, id, &err);
    app_close(a);
    if (rc)
        return cli_error(&err);
    fprintf(stderr, _("Casus %s en alles wat erbij hoort is gewist\n"), id);
    return 0;
}

const struct cmd_entry cmd_erase_entry = {
    "erase", "--case ID", N_("wis een casus en alles over de bewoner, onherstelbaar"),
    cmd_erase_exec};
