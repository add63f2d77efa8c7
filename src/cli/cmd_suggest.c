/* cmd_suggest.c: `suggest CASE_ID | --cases FILE`: the ranked wellbeing options, with reasons. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"

enum fmt { FMT_TEXT, FMT_TSV, FMT_JSON };

/* A field for a TSV line: no tabs or line breaks, nothing a terminal acts on. */
static void put_field(struct buf *out, const char *s)
{
    char *inert = text_inert(s, false);
    buf_puts(out, inert);
    free(inert);
}

static void write_tsv(struct buf *out, const char *case_id, const struct match_result *r)
{
    for (size_t i = 0; i < r->n; i++) {
        const struct match_option *o = &r->opts[i];
        if (case_id)
            buf_printf(out, "%s\t", case_id);
        buf_printf(out, "%zu\t%.3f\t%s\t%s\t", i + 1, o->score, match_type_name(o->type), o->id);
        put_field(out, o->name);
        buf_putc(out, '\t');
        put_field(out, o->reasons);
        buf_putc(out, '\n');
    }
}

static void write_text(struct buf *out, const char *case_id, const struct match_result *r)
{
    buf_printf(out, _("Welzijnsopties voor casus %s:\n"), case_id);
    if (r->n == 0)
        buf_printf(out, "  %s\n", _("(geen opties gevonden)"));
    for (size_t i = 0; i < r->n; i++) {
        const struct match_option *o = &r->opts[i];
        buf_printf(out, "%3zu. %-8s %-14s ", i + 1, match_type_name(o->type), o->id);
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

static void write_json(struct buf *out, const struct match_result *r)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < r->n; i++) {
        const struct match_option *o = &r->opts[i];
        json_t *reasons = json_array();
        struct taglist l;
        tags_split(o->reasons, &l);
        for (size_t k = 0; k < l.n; k++)
            json_array_append_new(reasons, json_string(l.items[k]));
        tags_fini(&l);
        json_t *obj = json_pack("{s:I, s:f, s:s, s:s, s:s, s:o}", "rank", (json_int_t)i + 1,
                                "score", o->score, "type", match_type_name(o->type), "id",
                                o->id, "name", o->name ? o->name : "", "reasons", reasons);
        if (o->via[0])
            json_object_set_new(obj, "via", json_string(o->via));
        json_array_append_new(arr, obj);
    }
    char *s = json_dumps(arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    buf_puts(out, s);
    buf_putc(out, '\n');
    free(s);
    json_decref(arr);
}

static int suggest_one(struct app_suggester *s, const char *id, size_t limit, enum fmt fmt,
                       bool prefix, struct buf *out)
{
    struct match_result r;
    struct wt_error err = {0};
    if (app_suggest(s, id, limit, &r, &err) != 0)
        return cli_error(&err);
    if (fmt == FMT_TSV)
        write_tsv(out, prefix ? id : NULL, &r);
    else if (fmt == FMT_JSON)
        write_json(out, &r);
    else
        write_text(out, id, &r);
    match_result_fini(&r);
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

static int cmd_suggest_exec(const struct cli_globals *g, int argc, char **argv)
{
    static const struct option opts[] = {{"limit", required_argument, NULL, 'l'},
                                         {"format", required_argument, NULL, 'f'},
                                         {"cases", required_argument, NULL, 'c'},
                                         {NULL, 0, NULL, 0}};
    enum fmt fmt = FMT_TEXT;
    long limit = 10;
    const char *cases = NULL;
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        char *end;
        switch (c) {
        case 'l':
            limit = strtol(optarg, &end, 10);
            if (*end || limit < 1 || limit > 100000)
                return cli_fail(64, _("suggest: --limit moet een getal vanaf 1 zijn"));
            break;
        case 'f':
            if (strcmp(optarg, "text") == 0)
                fmt = FMT_TEXT;
            else if (strcmp(optarg, "tsv") == 0)
                fmt = FMT_TSV;
            else if (strcmp(optarg, "json") == 0)
                fmt = FMT_JSON;
            else
                return cli_fail(64, _("suggest: --format moet text, tsv of json zijn"));
            break;
        case 'c': cases = optarg; break;
        default:
            return cli_fail(64, _("suggest: onbekende of onvolledige optie '%s'"),
                            argv[optind - 1]);
        }
    }
    if ((cases && (optind != argc || fmt != FMT_TSV)) || (!cases && argc - optind != 1))
        return cli_fail(64, _("gebruik: wijktafel suggest CASE_ID [--limit N] [--format "
                              "text|tsv|json] of suggest --cases FILE --format tsv"));
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
        code = suggest_one(s, argv[optind], (size_t)limit, fmt, false, &out);
    if (!code)
        code = cli_write_stdout(out.data ? out.data : "", out.len);
    buf_fini(&out);
    app_suggester_free(s);
    app_close(a);
    return code;
}

const struct cmd_entry cmd_suggest_entry = {
    "suggest", "CASE_ID [--limit N] [--format text|tsv|json] | --cases FILE --format tsv",
    N_("welzijnsopties voor een casus, met redenen"), cmd_suggest_exec};
