/* cmd_init.c: `init [--team NAME] [--leader ID] [--name NAME]`: create an empty database. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"

static const char *init_passphrase(void *ctx, const char *member)
{
    return cli_passphrase(ctx, member);
}

/* `init --from BUNDLE`: a database made from a bundle with a member's keyslot. */
static int init_from(const struct cli_globals *g, const char *path)
{
    if (g->demo)
        return cli_fail(64, _("init: de demodatabase maakt zichzelf; gebruik --db"));
    char *buf;
    size_t len;
    int code = cli_read_file(path, &buf, &len);
    if (code)
        return code;
    char *dir = cli_db_dir(g, &code);
    if (!dir) {
        free(buf);
        return code;
    }
    struct wt_error err = {0};
    char *member = NULL;
    int rc = app_bundle_init(dir, (unsigned char *)buf, len, init_passphrase, (void *)g, &member,
                             &err);
    cli_forget_passphrase();
    free(buf);
    if (rc) {
        free(dir);
        return cli_fail(wt_error_exit_code(rc), "%s: %s", path, err.text);
    }
    printf(_("Database gemaakt in %s uit %s; lid: %s\n"), dir, path, member);
    free(member);
    free(dir);
    return 0;
}

static int cmd_init_exec(const struct cli_globals *g, int argc, char **argv)
{
    static const struct option opts[] = {{"team", required_argument, NULL, 't'},
                                         {"leader", required_argument, NULL, 'l'},
                                         {"name", required_argument, NULL, 'n'},
                                         {"from", required_argument, NULL, 'f'},
                                         {NULL, 0, NULL, 0}};
    const char *team = NULL, *leader = "leider", *name = NULL, *from = NULL;
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 't': team = optarg; break;
        case 'l': leader = optarg; break;
        case 'n': name = optarg; break;
        case 'f': from = optarg; break;
        default:
            return cli_fail(64, _("init: onbekende of onvolledige optie '%s'"), argv[optind - 1]);
        }
    }
    if (optind < argc)
        return cli_fail(64, _("init: onverwacht argument '%s'"), argv[optind]);
    if (g->demo)
        return cli_fail(64, _("init: de demodatabase maakt zichzelf; gebruik --db"));
    int code;
    if (from)
        return init_from(g, from);
    char *dir = cli_db_dir(g, &code);
    struct wt_error err = {0};
    /* The passphrase from the environment or a file, else asked twice on the
     * terminal; with none at all the database is made unencrypted. */
    const char *pass = getenv("WIJKTAFEL_PASSPHRASE");
    if ((!pass || !*pass) && g->passphrase_file)
        pass = cli_passphrase(g, leader);
    if (!pass || !*pass)
        pass = cli_new_passphrase();
    if (pass && !*pass && isatty(STDIN_FILENO)) {
        free(dir);
        return cli_fail(65, _("init: de twee wachtwoordzinnen verschillen"));
    }
    int rc = app_init_encrypted(dir, team, leader, name, pass && *pass ? pass : NULL, &err);
    bool encrypted = pass && *pass;
    cli_forget_passphrase();
    if (rc) {
        free(dir);
        return cli_error(&err);
    }
    printf(_("Database gemaakt in %s; eerste lid: %s (leider)\n"), dir, leader);
    if (!encrypted)
        fprintf(stderr, _("Let op: deze database is niet versleuteld; zet een wachtwoordzin met "
                          "'wijktafel passphrase'\n"));
    free(dir);
    return 0;
}

const struct cmd_entry cmd_init_entry = {
    "init", "[--team NAME] [--leader ID] [--name NAME] | --from BUNDLE",
    N_("maak een lege database"),
    cmd_init_exec};
