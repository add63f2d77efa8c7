/* main.c: global options, language, then the meeting screen or one command. */
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"
#include "wijktafel/ui.h"

static void usage(FILE *f)
{
    fprintf(f, _("gebruik: wijktafel [OPTIES]                 open het overlegscherm\n"
                 "         wijktafel [OPTIES] OPDRACHT [ARG]  voer een opdracht uit\n\n"
                 "Opties:\n"
                 "  --db MAP               de databasemap (standaard $WIJKTAFEL_DB of\n"
                 "                         ~/.local/share/wijktafel)\n"
                 "  --as LID               het teamlid dat werkt (een lid-id)\n"
                 "  --beamer               begin in beamerstand\n"
                 "  --follow               volg het scherm van de voorzitter (met --beamer)\n"
                 "  --demo                 werk in de demodatabase met een verzonnen team\n"
                 "  --lang nl|en           taal van het scherm (standaard nl)\n"
                 "  --passphrase-file BESTAND  wachtwoordzin uit een bestand\n"
                 "  -h, --help             deze hulp\n"
                 "  --version              de versie\n\n"
                 "Opdrachten:\n"));
    for (size_t i = 0; cli_commands[i]; i++)
        fprintf(f, "  %-8s %s\n           %s\n", cli_commands[i]->name, cli_commands[i]->usage,
                _(cli_commands[i]->summary));
}

/* Dutch is the default whatever the environment says; the msgids are Dutch. */
static void setup_language(const char *lang)
{
    setlocale(LC_ALL, "");
    if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        setlocale(LC_ALL, "C.UTF-8");
    setenv("LANGUAGE", lang && strcmp(lang, "en") == 0 ? "en" : "nl", 1);
    const char *dir = access(WT_LOCALEDIR "/en/LC_MESSAGES/wijktafel.mo", R_OK) == 0
                          ? WT_LOCALEDIR
                          : WT_BUILD_LOCALEDIR;
    bindtextdomain("wijktafel", dir);
    bind_textdomain_codeset("wijktafel", "UTF-8");
    textdomain("wijktafel");
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},     {"as", required_argument, NULL, 'a'},
        {"beamer", no_argument, NULL, 'b'},       {"follow", no_argument, NULL, 'F'},
        {"demo", no_argument, NULL, 'D'},         {"lang", required_argument, NULL, 'L'},
        {"passphrase-file", required_argument, NULL, 'P'},
        {"help", no_argument, NULL, 'h'},         {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0}};
    struct cli_globals g = {0};
    const char *lang = NULL;
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], "--lang") == 0)
            lang = argv[i + 1];
    setup_language(lang);
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': g.db = optarg; break;
        case 'a': g.as = optarg; break;
        case 'b': g.beamer = true; break;
        case 'F': g.follow = true; break;
        case 'D': g.demo = true; break;
        case 'P': g.passphrase_file = optarg; break;
        case 'L':
            if (strcmp(optarg, "nl") != 0 && strcmp(optarg, "en") != 0)
                return fprintf(stderr, _("--lang moet nl of en zijn, niet '%s'\n"), optarg), 64;
            g.lang = optarg;
            break;
        case 'h': usage(stdout); return 0;
        case 'V': printf("wijktafel %s\n", WT_VERSION); return 0;
        default:
            fprintf(stderr, _("onbekende of onvolledige optie '%s' (zie wijktafel --help)\n"),
                    argv[optind - 1]);
            return 64;
        }
    }
    if (g.demo && g.db)
        return fprintf(stderr, _("--demo en --db gaan niet samen\n")), 64;
    if (optind < argc) {
        cli_fault_install();
        return cli_run(&g, argc - optind, argv + optind);
    }
    struct app *a;
    int code = cli_open_screen(&g, &a);
    if (code)
        return code;
    struct ui_opts uo = {.beamer = g.beamer, .follow = g.follow};
    code = ui_run(&a, &uo);
    app_close(a);
    return code;
}
