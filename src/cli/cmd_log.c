/* cmd_log.c: `log [--case ID] [--member ID] [--format text|tsv]`: the access log, for leaders. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"

struct log_out {
    struct buf *out;
    bool tsv;
    size_t n;
};

static int print_entry(void *ctx, const struct store_log_entry *e)
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

static int cmd_log_exec(const struct cli_globals *g, int argc, char **argv)
{
    static const struct option opts[] = {{"case", required_argument, NULL, 'c'},
                                         {"member", required_argument, NULL, 'm'},
                                         {"format", required_argument, NULL, 'f'},
                                         {NULL, 0, NULL, 0}};
    const char *case_id = NULL, *member = NULL;
    bool tsv = false;
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'c': case_id = optarg; break;
        case 'm': member = optarg; break;
        case 'f':
            if (strcmp(optarg, "tsv") == 0)
                tsv = true;
            else if (strcmp(optarg, "text") != 0)
                return cli_fail(64, _("log: --format moet text of tsv zijn"));
            break;
        default:
            return cli_fail(64, _("log: onbekende of onvolledige optie '%s'"), argv[optind - 1]);
        }
    }
    if (optind != argc)
        return cli_fail(64, _("gebruik: wijktafel log [--case ID] [--member ID] [--format text|tsv]"));
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

const struct cmd_entry cmd_log_entry = {
    "log", "[--case ID] [--member ID] [--format text|tsv]",
    N_("het toegangslog: wie deed wat met welk record (leiders)"), cmd_log_exec};
