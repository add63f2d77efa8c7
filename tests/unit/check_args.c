/* check_args.c: the one option parser (src/cli/args.c) on its own: the forms getopt_long
 * accepted, unknown options, missing values, the checks' order, the usage message, and every
 * command's declaration in cli_commands. Messages go to stderr, which each test captures. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "testutil.h"
#include "wijktafel/cli.h"

/* stderr into a temporary file while a test runs, and what was written. */
static FILE *err_file;
static int saved_err;

static void capture(void)
{
    fflush(stderr);
    err_file = tmpfile();
    ck_assert_ptr_nonnull(err_file);
    saved_err = dup(STDERR_FILENO);
    dup2(fileno(err_file), STDERR_FILENO);
}

/* What went to stderr since capture(); caller frees. */
static char *captured(void)
{
    fflush(stderr);
    dup2(saved_err, STDERR_FILENO);
    close(saved_err);
    long n = ftell(err_file);
    char *s = calloc(1, (size_t)n + 1);
    rewind(err_file);
    ck_assert_int_eq(fread(s, 1, (size_t)n, err_file), (size_t)n);
    fclose(err_file);
    return s;
}

static int checks_run;

static int check_even(const char *v)
{
    checks_run++;
    return strlen(v) % 2 == 0 ? 0 : cli_fail(EX_DATAERR, "oneven: '%s'", v);
}

static const struct cli_option opts[] = {
    {.name = "format", .has_value = true, .check = check_even},
    {.name = "for", .has_value = true},
    {.name = "all"},
    {.name = "help", .short_name = 'h', .stops = true},
    {.name = NULL}};

/* Parses the NULL-terminated words as command "cmd"; returns the exit code. */
static int parse(struct cli_args *a, int flags, char **words)
{
    int n = 0;
    while (words[n])
        n++;
    return cli_parse("cmd", opts, n, words, flags, a);
}

#define PARSE(a, flags, ...) parse(a, flags, (char *[]){__VA_ARGS__, NULL})

START_TEST(test_forms)
{
    struct cli_args a;
    capture();
    /* Options after arguments, =value, a unique prefix, a flag, "-" as an argument. */
    int code = PARSE(&a, 0, "one", "--format=ab", "-", "--for", "x", "--all", "two");
    char *err = captured();
    ck_assert_int_eq(code, 0);
    ck_assert_str_eq(err, "");
    ck_assert_int_eq(a.argc, 3);
    ck_assert_str_eq(a.argv[0], "one");
    ck_assert_str_eq(a.argv[1], "-");
    ck_assert_str_eq(a.argv[2], "two");
    ck_assert_str_eq(cli_value(&a, "format"), "ab");
    ck_assert_str_eq(cli_value(&a, "for"), "x"); /* exact, though also a prefix of format */
    ck_assert(cli_given(&a, "all"));
    ck_assert(!cli_given(&a, "help"));
    cli_args_fini(&a);
    free(err);

    /* A value that starts with a dash is still the value; the last one given wins. */
    capture();
    code = PARSE(&a, 0, "--for", "-x", "--for", "y", "--", "--all", "--format");
    err = captured();
    ck_assert_int_eq(code, 0);
    ck_assert_str_eq(cli_value(&a, "for"), "y");
    ck_assert(!cli_given(&a, "all"));
    ck_assert_int_eq(a.argc, 2); /* after "--" everything is an argument */
    ck_assert_str_eq(a.argv[0], "--all");
    ck_assert_str_eq(a.argv[1], "--format");
    cli_args_fini(&a);
    free(err);
}
END_TEST

START_TEST(test_prefix)
{
    /* A prefix of two names ("--fo": for, format) is ambiguous, as for getopt_long. */
    struct cli_args a;
    capture();
    int code = PARSE(&a, 0, "--fo", "x");
    char *err = captured();
    ck_assert_int_eq(code, EX_USAGE);
    ck_assert_str_eq(err, "cmd: onbekende of onvolledige optie '--fo'\n");
    cli_args_fini(&a);
    free(err);
    capture();
    code = PARSE(&a, 0, "--form", "xy");
    err = captured();
    ck_assert_int_eq(code, 0);
    ck_assert_str_eq(cli_value(&a, "format"), "xy");
    cli_args_fini(&a);
    free(err);
}
END_TEST

START_TEST(test_unknown_and_missing)
{
    static const char *const bad[][3] = {
        {"--bogus", NULL, "--bogus"},      /* not declared */
        {"-x", NULL, "-x"},                /* no short name */
        {"--all=1", NULL, "--all=1"},      /* a flag takes no value */
        {"one", "--for", "--for"},         /* the value is missing */
        {"--", NULL, NULL},                /* fine: nothing after it */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct cli_args a;
        char *words[3] = {(char *)bad[i][0], (char *)bad[i][1], NULL};
        capture();
        int code = parse(&a, 0, words);
        char *err = captured();
        if (!bad[i][2]) {
            ck_assert_int_eq(code, 0);
            ck_assert_str_eq(err, "");
        } else {
            char want[128];
            snprintf(want, sizeof want, "cmd: onbekende of onvolledige optie '%s'\n", bad[i][2]);
            ck_assert_msg(code == EX_USAGE, "%s: exit %d", bad[i][0], code);
            ck_assert_str_eq(err, want);
        }
        cli_args_fini(&a);
        free(err);
    }
    /* The global options (cmd NULL) point at --help. */
    struct cli_args a;
    capture();
    int code = cli_parse(NULL, opts, 1, (char *[]){"--bogus", NULL}, 0, &a);
    char *err = captured();
    ck_assert_int_eq(code, EX_USAGE);
    ck_assert_str_eq(err, "onbekende of onvolledige optie '--bogus' (zie wijktafel --help)\n");
    cli_args_fini(&a);
    free(err);
}
END_TEST

START_TEST(test_checks_in_order)
{
    /* A check runs when its option is met: the bad value before a later unknown
     * option is what is reported, and parsing stops there. */
    struct cli_args a;
    checks_run = 0;
    capture();
    int code = PARSE(&a, 0, "--format", "abc", "--bogus");
    char *err = captured();
    ck_assert_int_eq(code, EX_DATAERR);
    ck_assert_str_eq(err, "oneven: 'abc'\n");
    ck_assert_int_eq(checks_run, 1);
    cli_args_fini(&a);
    free(err);
    capture();
    code = PARSE(&a, 0, "--bogus", "--format", "abc");
    err = captured();
    ck_assert_int_eq(code, EX_USAGE);
    ck_assert_int_eq(checks_run, 1); /* never reached */
    cli_args_fini(&a);
    free(err);
}
END_TEST

START_TEST(test_stop_at_arg)
{
    /* The global options: the first argument (the command) ends them; a stopping
     * option (--help) ends them too, before a later unknown one. */
    struct cli_args a;
    capture();
    int code = PARSE(&a, CLI_STOP_AT_ARG, "--for", "x", "export", "--bogus");
    char *err = captured();
    ck_assert_int_eq(code, 0);
    ck_assert_int_eq(a.next, 2);
    ck_assert_int_eq(a.argc, 0);
    cli_args_fini(&a);
    free(err);
    capture();
    code = PARSE(&a, CLI_STOP_AT_ARG, "-h", "--bogus");
    err = captured();
    ck_assert_int_eq(code, 0);
    ck_assert(cli_given(&a, "help"));
    ck_assert_int_eq(a.next, 1);
    cli_args_fini(&a);
    free(err);
}
END_TEST

static int exec_none(const struct cli_globals *g, const struct cli_args *a)
{
    (void)g;
    (void)a;
    return 0;
}

static const struct cli_option sub_opts[] = {{.name = "for", .has_value = true, .required = true},
                                             {.name = NULL}};
static const struct cmd_entry sub_a = {.name = "export", .usage = "--for ROL BESTAND",
                                       .options = sub_opts, .min_args = 1, .max_args = 1,
                                       .exec = exec_none};
static const struct cmd_entry sub_b = {.name = "import", .usage = "BESTAND", .min_args = 1,
                                       .max_args = 1, .exec = exec_none};
static const struct cmd_entry *const subs[] = {&sub_a, &sub_b, NULL};
static const struct cmd_entry parent = {.name = "bundle", .summary = "x", .subs = subs};

START_TEST(test_usage_text)
{
    /* --help's line for a command of subcommands is built from theirs. */
    struct buf b = {0};
    buf_puts(&b, "");
    cli_usage_text(&parent, &b);
    ck_assert_str_eq(b.data, "export --for ROL BESTAND | import BESTAND");
    buf_fini(&b);
    /* The usage message names each subcommand in full. */
    struct cli_args a = {.cmd = "bundle", .entry = &parent};
    capture();
    int code = cli_usage(&a);
    char *err = captured();
    ck_assert_int_eq(code, EX_USAGE);
    ck_assert_str_eq(err, "gebruik: wijktafel bundle export --for ROL BESTAND, of wijktafel "
                          "bundle import BESTAND\n");
    free(err);
    struct cli_args one = {.cmd = "bundle import", .entry = &sub_b};
    capture();
    cli_usage(&one);
    err = captured();
    ck_assert_str_eq(err, "gebruik: wijktafel bundle import BESTAND\n");
    free(err);
}
END_TEST

START_TEST(test_declared_commands)
{
    /* Every command of the real table: a name, a summary, a usage (or subcommands),
     * a consistent argument range, a run function, and at most CLI_MAX_OPTIONS
     * options with distinct names. */
    size_t n = 0;
    for (size_t i = 0; cli_commands[i]; i++, n++) {
        const struct cmd_entry *e = cli_commands[i];
        ck_assert_msg(e->name && e->summary, "command %zu", i);
        ck_assert_msg(e->usage || e->subs, "%s: no usage", e->name);
        const struct cmd_entry *const one[] = {e, NULL};
        const struct cmd_entry *const *list = e->subs ? e->subs : one;
        for (size_t k = 0; list[k]; k++) {
            const struct cmd_entry *c = list[k];
            ck_assert_msg(c->exec && c->usage, "%s %s", e->name, c->name);
            ck_assert_msg(c->max_args == CLI_ANY_ARGS || c->max_args >= c->min_args, "%s",
                          c->name);
            size_t no = 0;
            for (; c->options && c->options[no].name; no++)
                for (size_t j = 0; j < no; j++)
                    ck_assert_msg(strcmp(c->options[j].name, c->options[no].name) != 0,
                                  "%s: --%s twice", c->name, c->options[no].name);
            ck_assert_msg(no <= CLI_MAX_OPTIONS, "%s: %zu options", c->name, no);
        }
    }
    ck_assert_uint_ge(n, 14);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_forms, test_prefix, test_unknown_and_missing, test_checks_in_order,
                            test_stop_at_arg, test_usage_text, test_declared_commands};
    const struct tu_suite suite = {.name = "args"};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
