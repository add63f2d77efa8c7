/* report_fmt.c: writes the report's figures as Markdown tables (with bars on a terminal) or as CSV. */
#include "report_fmt.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wijktafel/balance.h"
#include "wijktafel/csv.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/text.h"
#include "wijktafel/words.h"

void report_fmt_bar(struct buf *out, size_t n, size_t max)
{
    if (max == 0)
        return;
    size_t cells = (n * REPORT_BAR_WIDTH + max - 1) / max;
    for (size_t i = 0; i < cells; i++)
        buf_puts(out, "\u2588");
}

/* Appends s as one Markdown table cell's text: inert, '|' escaped. */
static void md_cell(struct buf *out, const char *s)
{
    char *t = text_inert(s ? s : "", false);
    for (const char *p = t; *p; p++) {
        if (*p == '|')
            buf_putc(out, '\\');
        buf_putc(out, *p);
    }
    free(t);
}

/* Appends "| n |" and, with bars, the bar cell "bar |", then a line break. */
static void md_count_end(struct buf *out, size_t n, size_t max, bool bars)
{
    buf_printf(out, " %zu |", n);
    if (bars) {
        buf_putc(out, ' ');
        report_fmt_bar(out, n, max);
        buf_puts(out, " |");
    }
    buf_putc(out, '\n');
}

/* Appends a share in tenths of a percent as "66,7 %" (language's decimal sign). */
static void md_share(struct buf *out, size_t permille)
{
    buf_printf(out, _("%zu,%zu %%"), permille / 10, permille % 10);
}

/* The largest count of n rows (0 for none). */
static size_t max_count(const struct report_count *c, size_t n)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        m = c[i].count > m ? c[i].count : m;
    return m;
}

/* Requests per area (with the total), then per area and need. */
static void md_requests(struct buf *out, const struct report *r, bool bars)
{
    buf_printf(out, "## %s\n\n", _("Hulpvragen per gebied"));
    if (r->requests == 0) {
        buf_printf(out, "%s\n\n", _("Geen hulpvragen in deze periode."));
        return;
    }
    buf_printf(out, "| %s | %s |%s\n|---|---:|%s\n", _("gebied"), _("hulpvragen"),
               bars ? " |" : "", bars ? "---|" : "");
    size_t m = max_count(r->areas, r->n_areas);
    for (size_t i = 0; i < r->n_areas; i++) {
        buf_puts(out, "| ");
        md_cell(out, r->areas[i].key);
        buf_puts(out, " |");
        md_count_end(out, r->areas[i].count, m, bars);
    }
    buf_printf(out, "| **%s** | %zu |%s\n\n", _("totaal"), r->requests, bars ? " |" : "");
    buf_printf(out, "## %s\n\n", _("Hulpvragen per gebied en behoefte"));
    if (r->n_needs == 0) {
        buf_printf(out, "%s\n\n", _("Geen behoeften vastgelegd."));
        return;
    }
    buf_printf(out, "| %s | %s | %s |%s\n|---|---|---:|%s\n", _("gebied"), _("behoefte"),
               _("hulpvragen"), bars ? " |" : "", bars ? "---|" : "");
    m = max_count(r->needs, r->n_needs);
    for (size_t i = 0; i < r->n_needs; i++) {
        buf_puts(out, "| ");
        md_cell(out, r->needs[i].key);
        buf_puts(out, " | ");
        md_cell(out, r->needs[i].item);
        buf_puts(out, " |");
        md_count_end(out, r->needs[i].count, m, bars);
    }
    buf_putc(out, '\n');
}

/* The shares answered with a wellbeing option, with formal care, and neither. */
static void md_answered(struct buf *out, const struct report *r, bool bars)
{
    if (r->requests == 0)
        return;
    buf_printf(out, "## %s\n\n", _("Beantwoord"));
    buf_printf(out, "| %s | %s | %s |%s\n|---|---:|---:|%s\n", _("antwoord"), _("hulpvragen"),
               _("aandeel"), bars ? " |" : "", bars ? "---|" : "");
    const char *label[3] = {_("met een welzijnsoptie"), _("met formele zorg"),
                            _("nog zonder antwoord")};
    size_t n[3] = {r->wellbeing, r->formal, r->neither};
    for (int i = 0; i < 3; i++) {
        size_t pm = report_permille(n[i], r->requests);
        buf_printf(out, "| %s | %zu | ", label[i], n[i]);
        md_share(out, pm);
        buf_puts(out, " |");
        if (bars) {
            buf_putc(out, ' ');
            report_fmt_bar(out, pm, 1000);
            buf_puts(out, " |");
        }
        buf_putc(out, '\n');
    }
    buf_printf(out, "\n%s\n\n",
               _("Een hulpvraag kan zowel een welzijnsoptie als formele zorg hebben."));
}

/* Requests per channel (cases.channel) and the share of each answered with
 * a wellbeing option. */
static void md_channels(struct buf *out, const struct report *r, bool bars)
{
    if (r->requests == 0)
        return;
    buf_printf(out, "## %s\n\n", _("Binnengekomen via"));
    buf_printf(out, "| %s | %s | %s | %s |%s\n|---|---:|---:|---:|%s\n", _("kanaal"),
               _("hulpvragen"), _("met een welzijnsoptie"), _("aandeel"), bars ? " |" : "",
               bars ? "---|" : "");
    for (size_t i = 0; i < r->n_channels; i++) {
        const struct report_channel *c = &r->channels[i];
        size_t pm = report_permille(c->wellbeing, c->requests);
        buf_puts(out, "| ");
        md_cell(out, *c->channel ? words_of("cases.channel", c->channel) : _("niet vastgelegd"));
        buf_printf(out, " | %zu | %zu | ", c->requests, c->wellbeing);
        md_share(out, pm);
        buf_puts(out, " |");
        if (bars) {
            buf_putc(out, ' ');
            report_fmt_bar(out, pm, 1000);
            buf_puts(out, " |");
        }
        buf_putc(out, '\n');
    }
    buf_putc(out, '\n');
}

/* The chosen options, most chosen first, with their outcomes. */
static void md_options(struct buf *out, const struct report *r, bool bars)
{
    if (r->n_options == 0)
        return;
    buf_printf(out, "## %s\n\n", _("Meest gekozen opties en hun uitkomst"));
    buf_printf(out, "| %s | %s | %s | %s | %s | %s |%s\n|---|---|---:|---:|---:|---:|%s\n",
               _("optie"), _("soort"), _("gekozen"), _("werkte"), _("werkte niet"),
               _("nog open"), bars ? " |" : "", bars ? "---|" : "");
    size_t m = r->options[0].chosen;
    for (size_t i = 0; i < r->n_options; i++) {
        const struct report_option *o = &r->options[i];
        buf_puts(out, "| ");
        md_cell(out, o->id);
        if (o->name) {
            buf_puts(out, " (");
            md_cell(out, o->name);
            buf_putc(out, ')');
        }
        buf_printf(out, " | %s | %zu | %zu | %zu |", o->formal ? _("formele zorg") : _("welzijn"),
                   o->chosen, o->worked, o->failed);
        /* the last column counts the open ones; the bar shows how often it was chosen */
        buf_printf(out, " %zu |", o->chosen - o->worked - o->failed);
        if (bars) {
            buf_putc(out, ' ');
            report_fmt_bar(out, o->chosen, m);
            buf_puts(out, " |");
        }
        buf_putc(out, '\n');
    }
    buf_putc(out, '\n');
}

/* Recurring themes per area, then the period's signals per theme. */
static void md_themes(struct buf *out, const struct report *r, const struct themes *t, bool bars)
{
    buf_printf(out, "## %s\n\n", _("Terugkerende thema's per gebied (vanaf 2)"));
    if (t->n == 0) {
        buf_printf(out, "%s\n\n", _("Geen: niets kwam twee keer of vaker voor."));
    } else {
        buf_printf(out, "| %s | %s | %s |%s\n|---|---|---:|%s\n", _("gebied"), _("thema"),
                   _("aantal"), bars ? " |" : "", bars ? "---|" : "");
        for (size_t i = 0; i < t->n; i++) {
            buf_puts(out, "| ");
            md_cell(out, t->items[i].area);
            buf_puts(out, " | ");
            md_cell(out, t->items[i].tag);
            buf_puts(out, " |");
            md_count_end(out, t->items[i].count, t->items[0].count, bars);
        }
        buf_putc(out, '\n');
    }
    buf_printf(out, "## %s\n\n", _("Signalen per thema"));
    buf_printf(out, _("Signalen in deze periode: %zu.\n\n"), r->signals);
    if (r->n_themes == 0)
        return;
    buf_printf(out, "| %s | %s |%s\n|---|---:|%s\n", _("thema"), _("signalen"),
               bars ? " |" : "", bars ? "---|" : "");
    for (size_t i = 0; i < r->n_themes; i++) {
        buf_puts(out, "| ");
        md_cell(out, r->themes[i].item);
        buf_puts(out, " |");
        md_count_end(out, r->themes[i].count, r->themes[0].count, bars);
    }
    buf_putc(out, '\n');
}

/* Appends an average in tenths ("2,5", the language's decimal sign), or "-". */
static void md_avg(struct buf *out, size_t n, size_t sum)
{
    if (!n) {
        buf_putc(out, '-');
        return;
    }
    size_t t = report_avg_tenths(sum, n);
    buf_printf(out, _("%zu,%zu"), t / 10, t % 10);
}

/* The average score per domain at the start and at closing, with bars (of 5). */
static void md_measures(struct buf *out, const struct report *r, bool bars)
{
    if (!r->measured[0] && !r->measured[1])
        return;
    buf_printf(out, "## %s\n\n", _("Welzijnsmeting (Positieve Gezondheid, 1 tot 5)"));
    buf_printf(out, _("Gemeten bij de start: %zu hulpvragen; bij afsluiting: %zu.\n\n"),
               r->measured[0], r->measured[1]);
    buf_printf(out, "| %s | %s | %s |%s\n|---|---:|---:|%s\n", _("domein"), _("start"),
               _("afsluiting"), bars ? " |" : "", bars ? "---|" : "");
    for (int d = 0; d < MEASURE_DOMAINS; d++) {
        buf_printf(out, "| %s | ", measure_domain_label(d));
        md_avg(out, r->domain_n[0][d], r->domain_sum[0][d]);
        buf_puts(out, " | ");
        md_avg(out, r->domain_n[1][d], r->domain_sum[1][d]);
        buf_puts(out, " |");
        if (bars) { /* the closing average when there is one, else the start */
            int p = r->domain_n[1][d] ? 1 : 0;
            buf_putc(out, ' ');
            report_fmt_bar(out, report_avg_tenths(r->domain_sum[p][d], r->domain_n[p][d]), 50);
            buf_puts(out, " |");
        }
        buf_putc(out, '\n');
    }
    buf_putc(out, '\n');
}

/* Appends "| casework | community | share | target |" for one member or the team. */
static void md_balance_row(struct buf *out, const char *who, uint32_t cw, uint32_t cb,
                           int target, bool bars)
{
    char h1[16], h2[16];
    balance_format_hours(cw, h1);
    balance_format_hours(cb, h2);
    buf_puts(out, "| ");
    md_cell(out, who);
    buf_printf(out, " | %s | %s | ", h1, h2);
    size_t pm = balance_share_permille(cw, cb);
    md_share(out, pm);
    if (target > 0)
        buf_printf(out, " | %d %% |", target);
    else
        buf_puts(out, " | - |");
    if (bars) {
        buf_putc(out, ' ');
        report_fmt_bar(out, pm, 1000);
        buf_puts(out, " |");
    }
    buf_putc(out, '\n');
}

/* Hours per member who entered some, and the team, over the weeks of the period. */
static void md_balance(struct buf *out, const struct app_balance *b, bool bars)
{
    buf_printf(out, "## %s\n\n", _("Tijdsbesteding: casuswerk en samenlevingsopbouw"));
    uint32_t cw = 0, cb = 0;
    for (size_t i = 0; i < b->n; i++)
        cw += b->m[i].casework, cb += b->m[i].community;
    if (cw + cb == 0) {
        buf_printf(out, "%s\n\n", _("Geen uren ingevuld in deze weken."));
        return;
    }
    char d1[DATE_SHOW_MAX], d2[DATE_SHOW_MAX];
    date_show(b->from, DATE_FULL, b->from, d1);
    date_show(b->to, DATE_FULL, b->to, d2);
    buf_printf(out, _("De weken van maandag %s tot en met die van %s. Het doel is het deel "
                      "samenlevingsopbouw dat een lid nastreeft.\n\n"), d1, d2);
    buf_printf(out, "| %s | %s | %s | %s | %s |%s\n|---|---:|---:|---:|---:|%s\n", _("lid"),
               _("uur casuswerk"), _("uur samenlevingsopbouw"), _("aandeel"), _("doel"),
               bars ? " |" : "", bars ? "---|" : "");
    for (size_t i = 0; i < b->n; i++)
        if (b->m[i].casework + b->m[i].community)
            md_balance_row(out, b->m[i].name, b->m[i].casework, b->m[i].community,
                           b->m[i].target, bars);
    char *team = xasprintf("**%s**", _("team"));
    md_balance_row(out, team, cw, cb, 0, bars);
    free(team);
    buf_putc(out, '\n');
}

/* Per round: doors rung, opened, conversations, and what was found and made. */
static void md_rounds(struct buf *out, const struct app_round *rs, size_t n, bool bars)
{
    buf_printf(out, "## %s\n\n", _("Rondes door de wijk"));
    if (!n) {
        buf_printf(out, "%s\n\n", _("Geen rondes in deze periode."));
        return;
    }
    buf_printf(out, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%s\n"
                    "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|%s\n",
               _("datum"), _("soort"), _("wijk"), _("adressen"), _("aangebeld"), _("open"),
               _("gesprekken"), _("eenzaam"), _("zorgvragen"), _("ideeën"), _("talenten"),
               bars ? " |" : "", bars ? "---|" : "");
    struct round_tally sum = {0};
    for (size_t i = 0; i < n; i++) {
        const struct app_round *ar = &rs[i];
        const struct round_tally *t = &ar->tally;
        buf_printf(out, "| %s | %s | ", ar->r.date, round_kind_label(ar->r.kind));
        md_cell(out, ar->r.area);
        if (ar->r.addresses)
            buf_printf(out, " | %d", ar->r.addresses);
        else
            buf_puts(out, " | -");
        buf_printf(out, " | %zu | %zu | %zu | %zu | %zu | %zu | %zu |", t->rung, t->answered,
                   t->talked, t->lonely, t->care, t->ideas, t->talents);
        if (bars) { /* the doors that opened, of those rung */
            buf_putc(out, ' ');
            report_fmt_bar(out, t->answered, t->rung);
            buf_puts(out, " |");
        }
        buf_putc(out, '\n');
        sum.rung += t->rung, sum.answered += t->answered, sum.talked += t->talked;
        sum.signals += t->signals, sum.cases += t->cases, sum.talents_made += t->talents_made;
    }
    buf_printf(out, _("\nSamen: %zu deuren aangebeld, %zu open ("), sum.rung, sum.answered);
    md_share(out, report_permille(sum.answered, sum.rung));
    buf_printf(out, _("), %zu gesprekken. Daaruit gemaakt: %zu signalen, %zu hulpvragen, %zu "
                      "talenten.\n\n"),
               sum.talked, sum.signals, sum.cases, sum.talents_made);
}

void report_fmt_md(struct buf *out, const struct app_report *rep, bool bars)
{
    const struct report *r = &rep->r;
    const struct themes *t = &rep->themes;
    const struct app_balance *b = &rep->balance;
    char from[DATE_SHOW_MAX], to[DATE_SHOW_MAX]; /* as people read them (FORMATS.md) */
    date_show(r->from, DATE_FULL, r->from, from);
    date_show(r->to, DATE_FULL, r->to, to);
    buf_printf(out, _("# Rapportage van %s tot en met %s\n\n"), from, to);
    if (bars && r->n_weeks > 1) { /* the weeks at a glance, first week left */
        char *line = xmalloc(r->n_weeks * 3 + 1);
        report_sparkline(r->week_requests, r->n_weeks, line);
        buf_printf(out, "%s %s  \n", _("Hulpvragen per week:"), line);
        report_sparkline(r->week_signals, r->n_weeks, line);
        buf_printf(out, "%s %s\n\n", _("Signalen per week:  "), line);
        free(line);
    }
    md_requests(out, r, bars);
    md_answered(out, r, bars);
    md_channels(out, r, bars);
    md_options(out, r, bars);
    md_themes(out, r, t, bars);
    md_measures(out, r, bars);
    md_rounds(out, rep->rounds, rep->nrounds, bars);
    report_fmt_md_network(out, &rep->network, bars);
    md_balance(out, b, bars);
    if (out->len >= 2 && out->data[out->len - 2] == '\n')
        out->len--; /* one line break at the end */
}

/* Appends one CSV row; share is in tenths of a percent, or SIZE_MAX for none. */
static void csv_row(struct buf *out, const char *section, const char *key, const char *item,
                    size_t count, size_t share)
{
    char n[24], s[24] = "";
    snprintf(n, sizeof n, "%zu", count);
    if (share != SIZE_MAX)
        snprintf(s, sizeof s, "%zu.%zu", share / 10, share % 10);
    const char *f[5] = {section, key ? key : "", item ? item : "", n, s};
    csv_write_row(out, f, 5);
}

/* Appends the two balance rows of one member (or the team, key NULL); the
 * count column holds hours with up to two decimals. */
static void csv_balance(struct buf *out, const char *key, uint32_t cw, uint32_t cb)
{
    char h1[16], h2[16], share[24];
    balance_format_hours(cw, h1);
    balance_format_hours(cb, h2);
    size_t pm = balance_share_permille(cw, cb);
    snprintf(share, sizeof share, "%zu.%zu", pm / 10, pm % 10);
    const char *f1[5] = {"balance", key ? key : "", "casework", h1, ""};
    const char *f2[5] = {"balance", key ? key : "", "community", h2, share};
    csv_write_row(out, f1, 5);
    csv_write_row(out, f2, 5);
}

/* The rows of one round: key the round's id, item what was counted; the
 * share of opened doors and conversations is of the doors rung. */
static void csv_round(struct buf *out, const struct app_round *ar)
{
    const struct round_tally *t = &ar->tally;
    const char *id = ar->r.id;
    csv_row(out, "rounds", id, "addresses", (size_t)ar->r.addresses, SIZE_MAX);
    csv_row(out, "rounds", id, "rung", t->rung, SIZE_MAX);
    csv_row(out, "rounds", id, "answered", t->answered, report_permille(t->answered, t->rung));
    csv_row(out, "rounds", id, "talked", t->talked, report_permille(t->talked, t->rung));
    csv_row(out, "rounds", id, "lonely", t->lonely, SIZE_MAX);
    csv_row(out, "rounds", id, "care", t->care, SIZE_MAX);
    csv_row(out, "rounds", id, "ideas", t->ideas, SIZE_MAX);
    csv_row(out, "rounds", id, "talents", t->talents, SIZE_MAX);
    csv_row(out, "rounds", id, "signals-made", t->signals, SIZE_MAX);
    csv_row(out, "rounds", id, "cases-made", t->cases, SIZE_MAX);
    csv_row(out, "rounds", id, "talents-made", t->talents_made, SIZE_MAX);
}

void report_fmt_csv(struct buf *out, const struct app_report *rep)
{
    const struct report *r = &rep->r;
    const struct themes *t = &rep->themes;
    const struct app_balance *b = &rep->balance;
    const char *head[5] = {"section", "key", "item", "count", "share"};
    csv_write_row(out, head, 5);
    csv_row(out, "requests", NULL, NULL, r->requests, SIZE_MAX);
    for (size_t i = 0; i < r->n_areas; i++)
        csv_row(out, "requests", r->areas[i].key, NULL, r->areas[i].count, SIZE_MAX);
    for (size_t i = 0; i < r->n_needs; i++)
        csv_row(out, "needs", r->needs[i].key, r->needs[i].item, r->needs[i].count, SIZE_MAX);
    csv_row(out, "answered", NULL, "wellbeing", r->wellbeing,
            report_permille(r->wellbeing, r->requests));
    csv_row(out, "answered", NULL, "formal", r->formal, report_permille(r->formal, r->requests));
    csv_row(out, "answered", NULL, "none", r->neither, report_permille(r->neither, r->requests));
    for (size_t i = 0; i < r->n_channels; i++) {
        const struct report_channel *c = &r->channels[i];
        csv_row(out, "channels", c->channel, "requests", c->requests, SIZE_MAX);
        csv_row(out, "channels", c->channel, "wellbeing", c->wellbeing,
                report_permille(c->wellbeing, c->requests));
    }
    for (size_t i = 0; i < r->n_options; i++) {
        const struct report_option *o = &r->options[i];
        csv_row(out, "options", o->id, "chosen", o->chosen, SIZE_MAX);
        csv_row(out, "options", o->id, "worked", o->worked, SIZE_MAX);
        csv_row(out, "options", o->id, "failed", o->failed, SIZE_MAX);
    }
    for (size_t i = 0; i < t->n; i++)
        csv_row(out, "themes", t->items[i].area, t->items[i].tag, t->items[i].count, SIZE_MAX);
    csv_row(out, "signals", NULL, NULL, r->signals, SIZE_MAX);
    for (size_t i = 0; i < r->n_themes; i++)
        csv_row(out, "signals", NULL, r->themes[i].item, r->themes[i].count, SIZE_MAX);
    for (int d = 0; d < MEASURE_DOMAINS && (r->measured[0] || r->measured[1]); d++)
        for (int p = 0; p < 2; p++) { /* share: the average score, one decimal */
            size_t n = r->domain_n[p][d], avg = report_avg_tenths(r->domain_sum[p][d], n);
            char c[24], a[24] = "";
            snprintf(c, sizeof c, "%zu", n);
            if (n)
                snprintf(a, sizeof a, "%zu.%zu", avg / 10, avg % 10);
            const char *f[5] = {"measures", measure_domains[d], p ? "close" : "start", c, a};
            csv_write_row(out, f, 5);
        }
    for (size_t i = 0; i < rep->nrounds; i++)
        csv_round(out, &rep->rounds[i]);
    report_fmt_csv_network(out, &rep->network);
    uint32_t cw = 0, cb = 0;
    for (size_t i = 0; i < b->n; i++) {
        if (b->m[i].casework + b->m[i].community == 0)
            continue;
        csv_balance(out, b->m[i].id, b->m[i].casework, b->m[i].community);
        cw += b->m[i].casework;
        cb += b->m[i].community;
    }
    if (cw + cb)
        csv_balance(out, NULL, cw, cb);
}
