/* main.c: global options, language, then the meeting screen or one command. */
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"
#include "wijktafel/ui.h"
#include "wijktafel/words.h"

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
    for (size_t i = 0; cli_commands[i]; i++) {
        struct buf u = {0};
        buf_puts(&u, "");
        cli_usage_text(cli_commands[i], &u);
        fprintf(f, "  %-8s %s\n           %s\n", cli_commands[i]->name, u.data,
                _(cli_commands[i]->summary));
        buf_fini(&u);
    }
}

/* Dutch is the default whatever the environment says; the msgids are Dutch. */
static void setup_language(const char *lang)
{
    setlocale(LC_ALL, "");
    if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        setlocale(LC_ALL, "C.UTF-8");
    bool en = lang && strcmp(lang, "en") == 0;
    setenv("LANGUAGE", en ? "en" : "nl", 1);
    words_set_lang(en ? WT_LANG_EN : WT_LANG_NL);
    const char *dir = access(WT_LOCALEDIR "/en/LC_MESSAGES/wijktafel.mo", R_OK) == 0
                          ? WT_LOCALEDIR
                          : WT_BUILD_LOCALEDIR;
    bindtextdomain("wijktafel", dir);
    bind_textdomain_codeset("wijktafel", "UTF-8");
    textdomain("wijktafel");
}

static int check_lang(const char *value)
{
    if (strcmp(value, "nl") == 0 || strcmp(value, "en") == 0)
        return 0;
    return cli_fail(EX_USAGE, _("--lang moet nl of en zijn, niet '%s'"), value);
}

/* The global options of FORMATS.md; the command's name ends them. */
static const struct cli_option global_options[] = {
    {.name = "db", .has_value = true},
    {.name = "as", .has_value = true},
    {.name = "beamer"},
    {.name = "follow"},
    {.name = "demo"},
    {.name = "lang", .has_value = true, .check = check_lang},
    {.name = "passphrase-file", .has_value = true},
    {.name = "help", .short_name = 'h', .stops = true},
    {.name = "version", .stops = true},
    {.name = NULL}};

/* Parses the global options into g; returns -1 to go on, else the exit code
 * (after the help, the version or a message). */
static int parse_globals(int argc, char **argv, struct cli_globals *g, int *next)
{
    struct cli_args a;
    int code = cli_parse(NULL, global_options, argc - 1, argv + 1, CLI_STOP_AT_ARG, &a);
    *next = a.next + 1;
    if (!code && cli_given(&a, "help"))
        usage(stdout);
    else if (!code && cli_given(&a, "version"))
        printf("wijktafel %s\n", WT_VERSION);
    else if (!code)
        code = -1;
    g->db = cli_value(&a, "db");
    g->as = cli_value(&a, "as");
    g->beamer = cli_given(&a, "beamer");
    g->follow = cli_given(&a, "follow");
    g->demo = cli_given(&a, "demo");
    g->lang = cli_value(&a, "lang");
    g->passphrase_file = cli_value(&a, "passphrase-file");
    cli_args_fini(&a);
    return code;
}

int main(int argc, char **argv)
{
    struct cli_globals g = {0};
    const char *lang = NULL;
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], "--lang") == 0)
            lang = argv[i + 1];
    setup_language(lang);
    int first, code = parse_globals(argc, argv, &g, &first);
    if (code >= 0)
        return code;
    if (g.demo && g.db)
        return cli_fail(EX_USAGE, _("--demo en --db gaan niet samen"));
    if (first < argc) {
        cli_fault_install();
        return cli_run(&g, argc - first, argv + first);
    }
    struct app *a = NULL;
    /* No database at the chosen place: the first start sets one up on the screen. */
    if (!g.demo && !g.follow && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
        char *dir = cli_db_dir(&g, &code);
        if (dir && !app_db_exists(dir))
            code = ui_first_start(dir, &a);
        free(dir);
        if (code)
            return code;
    }
    if (!a)
        code = cli_open_screen(&g, &a);
    if (code)
        return code;
    struct ui_opts uo = {.beamer = g.beamer, .follow = g.follow};
    code = ui_run(&a, &uo);
    app_close(a);
    return code;
}
