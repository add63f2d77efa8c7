/* cmd_log.c: `log [--case ID] [--member ID] [--format text|tsv]`: the access log, for leaders. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"

struct log_out {
    struct buf *out;
    bool tsv;
    size_t n;
};

static int print_entry(void *ctx, const struct app_log_entry *e)
{
    struct log_out *o = ctx;
    o->n++;
    if (o->tsv)
        buf_printf(o->out, "%llu\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", (unsigned long long)e->seq,
                   e->time, e->member, e->behalf, e->path, e->action, e->kind, e->id, e->detail);
    else
        buf_printf(o->out, "%6llu  %s  %-12s %-10s %-10s %s%s%s%s%s\n",
                   (unsigned long long)e->seq, e->time, e->member, e->path, e->action, e->kind,
                   *e->id ? "/" : "", e->id, *e->detail ? "  " : "", e->detail);
    return 0;
}

static int check_format(const char *value)
{
    if (strcmp(value, "text") == 0 || strcmp(value, "tsv") == 0)
        return 0;
    return cli_fail(EX_USAGE, _("log: --format moet text of tsv zijn"));
}

static int cmd_log_exec(const struct cli_globals *g, const struct cli_args *args)
{
    const char *case_id = cli_value(args, "case"), *member = cli_value(args, "member");
    const char *f = cli_value(args, "format");
    bool tsv = f && strcmp(f, "tsv") == 0;
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    struct buf out = {0};
    struct log_out o = {&out, tsv, 0};
    struct wt_error err = {0};
    int rc = app_log_read(a, case_id, member, print_entry, &o, &err);
    app_close(a);
    if (rc) {
        buf_fini(&out);
        return cli_error(&err);
    }
    if (!tsv && o.n == 0)
        buf_puts(&out, _("(geen regels)\n"));
    code = cli_write_stdout(out.data ? out.data : "", out.len);
    buf_fini(&out);
    return code;
}

static const struct cli_option log_options[] = {
    {.name = "case", .has_value = true}, {.name = "member", .has_value = true},
    {.name = "format", .has_value = true, .check = check_format},
    {.name = NULL}};

const struct cmd_entry cmd_log_entry = {
    .name = "log", .usage = N_("[--case ID] [--member ID] [--format text|tsv]"),
    .summary = N_("het toegangslog: wie deed wat met welk record (leiders)"),
    .options = log_options, .min_args = 0, .max_args = 0, .exec = cmd_log_exec};
