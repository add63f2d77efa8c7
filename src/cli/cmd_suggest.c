/* cmd_suggest.c: `suggest CASE_ID | --cases FILE`: the ranked wellbeing options, with reasons. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"

enum fmt { FMT_TEXT, FMT_TSV, FMT_JSON };

/* A field for a TSV or text line: tabs and line breaks, which would break the
 * line, become spaces; everything else as stored (cli_out neutralises it on a
 * terminal). */
static void put_field(struct buf *out, const char *s)
{
    for (const char *p = s ? s : ""; *p; p++)
        buf_putc(out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

static void write_tsv(struct buf *out, const char *case_id, const struct app_options *r)
{
    for (size_t i = 0; i < r->n; i++) {
        const struct app_option *o = &r->opts[i];
        if (case_id)
            buf_printf(out, "%s\t", case_id);
        buf_printf(out, "%zu\t%.3f\t%s\t%s\t", i + 1, o->score, app_option_type_name(o->type), o->id);
        put_field(out, o->name);
        buf_putc(out, '\t');
        put_field(out, o->reasons);
        buf_putc(out, '\n');
    }
}

static void write_text(struct buf *out, const char *case_id, const struct app_options *r)
{
    buf_printf(out, _("Welzijnsopties voor casus %s:\n"), case_id);
    if (r->n == 0)
        buf_printf(out, "  %s\n", _("(geen opties gevonden)"));
    for (size_t i = 0; i < r->n; i++) {
        const struct app_option *o = &r->opts[i];
        buf_printf(out, "%3zu. %-8s %-14s ", i + 1, app_option_type_name(o->type), o->id);
        put_field(out, o->name);
        buf_printf(out, "  (%.2f)\n", o->score);
        struct taglist l;
        tags_split(o->reasons, &l);
        for (size_t k = 0; k < l.n; k++) {
            buf_puts(out, "       - ");
            put_field(out, l.items[k]);
            buf_putc(out, '\n');
        }
        tags_fini(&l);
    }
}

static void write_json(struct buf *out, const struct app_options *r)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < r->n; i++) {
        const struct app_option *o = &r->opts[i];
        json_t *reasons = json_array();
        struct taglist l;
        tags_split(o->reasons, &l);
        for (size_t k = 0; k < l.n; k++)
            json_array_append_new(reasons, json_string(l.items[k]));
        tags_fini(&l);
        json_t *obj = json_pack("{s:I, s:f, s:s, s:s, s:s, s:o}", "rank", (json_int_t)i + 1,
                                "score", o->score, "type", app_option_type_name(o->type), "id",
                                o->id, "name", o->name ? o->name : "", "reasons", reasons);
        if (o->via[0])
            json_object_set_new(obj, "via", json_string(o->via));
        json_array_append_new(arr, obj);
    }
    char *s = json_dumps(arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    char *safe = text_json_escape(s);
    buf_puts(out, safe);
    buf_putc(out, '\n');
    free(safe);
    free(s);
    json_decref(arr);
}

static int suggest_one(struct app_suggester *s, const char *id, size_t limit, enum fmt fmt,
                       bool prefix, struct buf *out)
{
    struct app_options r;
    struct wt_error err = {0};
    if (app_suggest(s, id, limit, &r, &err) != 0)
        return cli_error(&err);
    if (fmt == FMT_TSV)
        write_tsv(out, prefix ? id : NULL, &r);
    else if (fmt == FMT_JSON)
        write_json(out, &r);
    else
        write_text(out, id, &r);
    app_options_fini(&r);
    return 0;
}

/* Each non-empty line of the file is a case id. */
static int suggest_file(struct app_suggester *s, const char *path, size_t limit,
                        struct buf *out)
{
    char *buf;
    size_t len;
    int code = cli_read_file(path, &buf, &len);
    if (code)
        return code;
    char *save = NULL;
    for (char *line = strtok_r(buf, "\n", &save); line && !code;
         line = strtok_r(NULL, "\n", &save)) {
        char *id = text_trim(line);
        if (*id)
            code = suggest_one(s, id, limit, FMT_TSV, true, out);
        free(id);
    }
    free(buf);
    return code;
}

/* The --limit as a number, or -1 when it is not one from 1 to 100000. */
static long limit_of(const char *value)
{
    char *end;
    long limit = strtol(value, &end, 10);
    return *end || limit < 1 || limit > 100000 ? -1 : limit;
}

static int check_limit(const char *value)
{
    if (limit_of(value) > 0)
        return 0;
    return cli_fail(EX_USAGE, _("suggest: --limit moet een getal vanaf 1 zijn"));
}

static const char *const fmt_names[] = {"text", "tsv", "json"};

static int check_format(const char *value)
{
    for (size_t i = 0; i < sizeof fmt_names / sizeof fmt_names[0]; i++)
        if (strcmp(value, fmt_names[i]) == 0)
            return 0;
    return cli_fail(EX_USAGE, _("suggest: --format moet text, tsv of json zijn"));
}

static int cmd_suggest_exec(const struct cli_globals *g, const struct cli_args *args)
{
    const char *f = cli_value(args, "format"), *cases = cli_value(args, "cases");
    enum fmt fmt = FMT_TEXT;
    for (size_t i = 0; f && i < sizeof fmt_names / sizeof fmt_names[0]; i++)
        if (strcmp(f, fmt_names[i]) == 0)
            fmt = (enum fmt)i;
    long limit = cli_given(args, "limit") ? limit_of(cli_value(args, "limit")) : 10;
    /* Either one case, or --cases in tsv and no case. */
    if ((cases && (args->argc != 0 || fmt != FMT_TSV)) || (!cases && args->argc != 1))
        return cli_usage(args);
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    struct app_suggester *s;
    struct wt_error err = {0};
    if (app_suggester_new(a, &s, &err) != 0) {
        app_close(a);
        return cli_error(&err);
    }
    struct buf out = {0};
    if (cases)
        code = suggest_file(s, cases, (size_t)limit, &out);
    else
        code = suggest_one(s, args->argv[0], (size_t)limit, fmt, false, &out);
    if (!code)
        code = cli_write_stdout(out.data ? out.data : "", out.len);
    buf_fini(&out);
    app_suggester_free(s);
    app_close(a);
    return code;
}

static const struct cli_option suggest_options[] = {
    {.name = "limit", .has_value = true, .check = check_limit},
    {.name = "format", .has_value = true, .check = check_format},
    {.name = "cases", .has_value = true},
    {.name = NULL}};

const struct cmd_entry cmd_suggest_entry = {
    .name = "suggest",
    .usage = N_("CASE_ID [--limit N] [--format text|tsv|json] of suggest --cases FILE --format tsv"),
    .summary = N_("welzijnsopties voor een casus, met redenen"), .options = suggest_options,
    .min_args = 0, .max_args = 1, .exec = cmd_suggest_exec};
