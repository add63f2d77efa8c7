/* cmd_member.c: `member add`, `member reset`, `member leave`: the team's members (FORMATS.md "Team"). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"

/* Prints a one-time code as the one line on standard output, with what to
 * do with it on standard error; frees it. */
static void print_code(const char *member, char *code)
{
    cli_printf(stdout, "%s\n", code);
    cli_printf(stderr,
               _("Geef %s deze code zelf (niet per e-mail). Die opent de database één keer, "
                 "binnen %d dagen; daarna kiest %s een eigen wachtwoordzin.\n"),
               member, APP_CODE_DAYS, member);
    explicit_bzero(code, strlen(code));
    free(code);
}

/* `member add ID --name NAME --role ROLE [...]`; returns the exit code. */
static int member_add(const struct cli_globals *g, const struct cli_args *args)
{
    struct app_member_fields f = {
        .id = args->argv[0], .name = cli_value(args, "name"), .role = cli_value(args, "role"),
        .discipline = cli_value(args, "discipline"), .area = cli_value(args, "area"),
        .hours = cli_value(args, "hours")};
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    struct wt_error err = {0};
    char *otc = NULL;
    int rc = app_member_add(a, &f, &otc, &err);
    app_close(a);
    if (rc)
        return cli_fail(wt_error_exit_code(rc), "member add %s: %s", f.id, err.text);
    if (otc)
        print_code(f.id, otc);
    else
        cli_printf(stderr, _("Lid %s toegevoegd (de database is niet versleuteld: er is geen "
                             "code nodig)\n"),
                   f.id);
    return 0;
}

/* `member reset ID`; returns the exit code. */
static int member_reset(const struct cli_globals *g, const struct cli_args *args)
{
    const char *id = args->argv[0];
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    struct wt_error err = {0};
    char *otc = NULL;
    int rc = app_member_reset(a, id, &otc, &err);
    app_close(a);
    if (rc)
        return cli_fail(wt_error_exit_code(rc), "member reset %s: %s", id, err.text);
    print_code(id, otc);
    return 0;
}

/* A yes/no on the terminal: true for j (or y). */
static bool leave_confirm(const char *id)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDERR_FILENO))
        return false;
    cli_printf(stderr,
               _("%s vertrekt: de sleutel van %s verdwijnt en alle sleutels worden vervangen. "
                 "Doorgaan? (j/n) "),
               id, id);
    char line[16];
    if (!fgets(line, sizeof line, stdin))
        return false;
    return line[0] == 'j' || line[0] == 'J' || line[0] == 'y' || line[0] == 'Y';
}

/* `member leave ID [--yes]`; returns the exit code. */
static int member_leave(const struct cli_globals *g, const struct cli_args *args)
{
    const char *id = args->argv[0];
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    if (!cli_given(args, "yes") && !leave_confirm(id)) {
        app_close(a);
        return cli_fail(EX_USAGE, _("member leave %s: bevestig op een terminal of met --yes"), id);
    }
    struct wt_error err = {0};
    int rc = app_member_leave(a, id, &err);
    app_close(a);
    if (rc)
        return cli_fail(wt_error_exit_code(rc), "member leave %s: %s", id, err.text);
    cli_printf(stderr, _("%s heeft het team verlaten; de sleutels zijn vervangen\n"), id);
    return 0;
}

static const struct cli_option add_options[] = {
    {.name = "name", .has_value = true, .required = true},
    {.name = "role", .has_value = true, .required = true},
    {.name = "discipline", .has_value = true}, {.name = "area", .has_value = true},
    {.name = "hours", .has_value = true}, {.name = NULL}};

static const struct cli_option leave_options[] = {{.name = "yes"}, {.name = NULL}};

static const struct cli_option no_options[] = {{.name = NULL}};

static const struct cmd_entry member_add_entry = {
    .name = "add",
    .usage = N_("ID --name NAAM --role ROL [--discipline VAK] [--area WIJK] [--hours UREN]"),
    .options = add_options, .min_args = 1, .max_args = 1, .exec = member_add};

static const struct cmd_entry member_reset_entry = {
    .name = "reset", .usage = N_("ID"), .options = no_options, .min_args = 1, .max_args = 1,
    .exec = member_reset};

static const struct cmd_entry member_leave_entry = {
    .name = "leave", .usage = N_("ID [--yes]"), .options = leave_options, .min_args = 1,
    .max_args = 1, .exec = member_leave};

static const struct cmd_entry *const member_subs[] = {&member_add_entry, &member_reset_entry,
                                                      &member_leave_entry, NULL};

/* No usage of its own: the parser names the subcommands. */
const struct cmd_entry cmd_member_entry = {
    .name = "member",
    .summary = N_("voeg een lid toe, geef een nieuwe code, of laat een lid vertrekken"),
    .subs = member_subs};
