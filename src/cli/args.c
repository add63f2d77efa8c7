/* args.c: the one option parser. Every command declares its options, arguments and usage in
 * its cmd_entry (as tmux's cmd-*.c and Git's parse-options do); this file reads them, checks
 * them and writes the usage message. It accepts what getopt_long accepted before it:
 * --name VALUE, --name=VALUE, an unambiguous prefix of a name, options after arguments, and
 * "--" to end the options. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cli_int.h"
#include "wijktafel/i18n.h"

/* The one line for an option that is not declared, is ambiguous, or lacks or
 * wrongly has a value. */
static int bad_option(const char *cmd, const char *arg)
{
    if (!cmd)
        return cli_fail(EX_USAGE, _("onbekende of onvolledige optie '%s' (zie wijktafel --help)"),
                        arg);
    return cli_fail(EX_USAGE, _("%s: onbekende of onvolledige optie '%s'"), cmd, arg);
}

/* The option that arg ("--name", "--name=value", "-X") names: an exact name,
 * else the one declared name it is a prefix of; -1 for none or several. */
static int find_option(const struct cli_option *opts, const char *arg, const char **eq)
{
    *eq = NULL;
    if (arg[1] != '-') {
        for (int i = 0; opts[i].name; i++)
            if (opts[i].short_name && arg[1] == opts[i].short_name && arg[2] == '\0')
                return i;
        return -1;
    }
    const char *name = arg + 2;
    *eq = strchr(name, '=');
    size_t len = *eq ? (size_t)(*eq - name) : strlen(name);
    int found = -1, prefixes = 0;
    for (int i = 0; opts[i].name; i++) {
        if (strncmp(opts[i].name, name, len) != 0)
            continue;
        if (opts[i].name[len] == '\0')
            return i;
        found = i;
        prefixes++;
    }
    return len > 0 && prefixes == 1 ? found : -1;
}

/* Reads the option in argv[*i] (and its value, which may be the next
 * element) and sets *k to its index; 0 or the exit code after a message. */
static int take_option(const char *cmd, const struct cli_option *opts, int argc, char **argv,
                       int *i, int *k_out, struct cli_args *out)
{
    const char *arg = argv[*i], *eq;
    int k = find_option(opts, arg, &eq);
    *k_out = k;
    if (k < 0)
        return bad_option(cmd, arg);
    const char *value = "";
    if (opts[k].has_value && eq)
        value = eq + 1;
    else if (opts[k].has_value && *i + 1 < argc)
        value = argv[++*i];
    else if (opts[k].has_value || eq)
        return bad_option(cmd, arg);
    out->value[k] = value;
    return opts[k].check ? opts[k].check(value) : 0;
}

int cli_parse(const char *cmd, const struct cli_option *options, int argc, char **argv,
              int flags, struct cli_args *out)
{
    static const struct cli_option none[] = {{NULL, 0, false, false, false, NULL}};
    memset(out, 0, sizeof *out);
    out->cmd = cmd;
    out->options = options ? options : none;
    out->argv = xmalloc((size_t)(argc > 0 ? argc : 1) * sizeof *out->argv);
    out->next = argc;
    bool options_end = !options;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        if (options_end || arg[0] != '-' || arg[1] == '\0') { /* "-" is an argument */
            if (flags & CLI_STOP_AT_ARG) {
                out->next = i;
                break;
            }
            out->argv[out->argc++] = argv[i];
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            options_end = true;
            continue;
        }
        int k;
        int code = take_option(cmd, out->options, argc, argv, &i, &k, out);
        if (code)
            return code;
        if (out->options[k].stops) {
            out->next = i + 1;
            break;
        }
    }
    return 0;
}

void cli_args_fini(struct cli_args *a)
{
    free(a->argv);
    a->argv = NULL;
    a->argc = 0;
}

/* The index of the declared option name; aborts for an undeclared one (a
 * mistake in the command's code, which its tests meet). */
static int option_index(const struct cli_args *a, const char *name)
{
    for (int i = 0; a->options[i].name; i++)
        if (strcmp(a->options[i].name, name) == 0)
            return i;
    fprintf(stderr, "wijktafel: option --%s is not declared for %s\n", name,
            a->cmd ? a->cmd : "the global options");
    abort();
}

const char *cli_value(const struct cli_args *a, const char *name)
{
    return a->value[option_index(a, name)];
}

bool cli_given(const struct cli_args *a, const char *name)
{
    return cli_value(a, name) != NULL;
}

void cli_usage_text(const struct cmd_entry *e, struct buf *out)
{
    if (e->usage) {
        buf_puts(out, *e->usage ? _(e->usage) : "");
        return;
    }
    for (size_t i = 0; e->subs && e->subs[i]; i++) {
        buf_printf(out, "%s%s", i ? " | " : "", e->subs[i]->name);
        if (e->subs[i]->usage && *e->subs[i]->usage)
            buf_printf(out, " %s", _(e->subs[i]->usage));
    }
}

/* Appends "wijktafel CMD USAGE" for e, named path. */
static void usage_of(struct buf *b, const char *path, const struct cmd_entry *e)
{
    buf_printf(b, "wijktafel %s", path);
    if (e->usage && *e->usage)
        buf_printf(b, " %s", _(e->usage));
}

int cli_usage(const struct cli_args *a)
{
    struct buf b = {0};
    buf_puts(&b, "");
    const struct cmd_entry *e = a->entry;
    if (e->usage) {
        usage_of(&b, a->cmd, e);
    } else { /* one line for each subcommand */
        for (size_t i = 0; e->subs && e->subs[i]; i++) {
            char *path = xasprintf("%s %s", a->cmd, e->subs[i]->name);
            if (i)
                buf_puts(&b, _(", of "));
            usage_of(&b, path, e->subs[i]);
            free(path);
        }
    }
    int code = cli_fail(EX_USAGE, _("gebruik: %s"), b.data);
    buf_fini(&b);
    return code;
}

/* The declared count of arguments and the required options; 0 or the usage. */
static int check_declared(const struct cli_args *a)
{
    const struct cmd_entry *e = a->entry;
    for (int i = 0; a->options[i].name; i++)
        if (a->options[i].required && !a->value[i])
            return cli_usage(a);
    if (a->argc < e->min_args || (e->max_args != CLI_ANY_ARGS && a->argc > e->max_args))
        return cli_usage(a);
    return 0;
}

/* Runs entry e, called path, on argv (argv[0] is its name). */
static int run_entry(const struct cli_globals *g, const struct cmd_entry *e, const char *path,
                     int argc, char **argv)
{
    if (e->subs) {
        for (size_t i = 0; argc >= 2 && e->subs[i]; i++)
            if (strcmp(e->subs[i]->name, argv[1]) == 0) {
                char *sub = xasprintf("%s %s", path, e->subs[i]->name);
                int code = run_entry(g, e->subs[i], sub, argc - 1, argv + 1);
                free(sub);
                return code;
            }
        struct cli_args a = {.cmd = path, .entry = e};
        return cli_usage(&a);
    }
    struct cli_args a;
    int code = cli_parse(path, e->options, argc - 1, argv + 1, 0, &a);
    a.entry = e;
    if (!code)
        code = check_declared(&a);
    if (!code)
        code = e->exec(g, &a);
    cli_args_fini(&a);
    return code;
}

int cli_run(const struct cli_globals *g, int argc, char **argv)
{
    cli_set_path(argv[0]);
    for (size_t i = 0; cli_commands[i]; i++)
        if (strcmp(cli_commands[i]->name, argv[0]) == 0)
            return run_entry(g, cli_commands[i], argv[0], argc, argv);
    return cli_fail(EX_USAGE, _("onbekende opdracht '%s' (zie wijktafel --help)"), argv[0]);
}
