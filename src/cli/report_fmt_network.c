/* report_fmt_network.c: the report's projects and partners (issue 21) as Markdown or CSV rows. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_fmt.h"
#include "wijktafel/csv.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"
#include "wijktafel/words.h"

/* Appends s as one Markdown table cell's text: inert, '|' escaped. */
static void md_text(struct buf *out, const char *s)
{
    char *t = text_inert(s ? s : "", false);
    for (const char *p = t; *p; p++) {
        if (*p == '|')
            buf_putc(out, '\\');
        buf_putc(out, *p);
    }
    free(t);
}

/* The word for what happened to a project. */
static const char *event_word(enum report_event ev)
{
    switch (ev) {
    case REPORT_STARTED: return _("begonnen");
    case REPORT_HANDED_OVER: return _("overgedragen");
    case REPORT_STOPPED: return _("gestopt");
    default: return "";
    }
}

/* Appends a ';'-list of ids as "a, b". */
static void md_ids(struct buf *out, const char *list)
{
    struct taglist l;
    tags_split(list, &l);
    for (size_t i = 0; i < l.n; i++) {
        if (i)
            buf_puts(out, ", ");
        md_text(out, l.items[i]);
    }
    tags_fini(&l);
}

/* The projects started, handed over and stopped in the period, each with
 * the signals it answered. */
static void md_projects(struct buf *out, const struct report_network *n, bool bars)
{
    buf_printf(out, "## %s\n\n", _("Projecten: begonnen, overgedragen en gestopt"));
    buf_printf(out, _("Begonnen: %zu. Overgedragen (fase overdragen of zelfstandig): %zu. "
                      "Gestopt: %zu.\n\n"),
               n->events[REPORT_STARTED], n->events[REPORT_HANDED_OVER],
               n->events[REPORT_STOPPED]);
    if (!n->n_projects)
        return;
    size_t max = 0;
    for (size_t i = 0; i < n->n_projects; i++)
        max = n->projects[i].n_signals > max ? n->projects[i].n_signals : max;
    buf_printf(out, "| %s | %s | %s | %s | %s | %s | %s |%s\n|---|---|---|---|---|---|---:|%s\n",
               _("datum"), _("wat"), _("project"), _("wijk"), _("fase nu"),
               _("beantwoordt signalen"), _("signalen"), bars ? " |" : "", bars ? "---|" : "");
    for (size_t i = 0; i < n->n_projects; i++) {
        const struct report_project *p = &n->projects[i];
        char d[DATE_SHOW_MAX];
        date_show(p->day, DATE_FULL, p->day, d);
        buf_printf(out, "| %s | %s | ", d, event_word(p->event));
        md_text(out, p->name);
        buf_puts(out, " (");
        md_text(out, p->id);
        buf_puts(out, ") | ");
        md_text(out, p->area);
        buf_puts(out, " | ");
        md_text(out, words_of("projects.phase", p->phase));
        buf_puts(out, " | ");
        if (p->n_signals)
            md_ids(out, p->signals);
        else
            buf_putc(out, '-');
        buf_printf(out, " | %zu |", p->n_signals);
        if (bars) {
            buf_putc(out, ' ');
            report_fmt_bar(out, p->n_signals, max);
            buf_puts(out, " |");
        }
        buf_putc(out, '\n');
    }
    buf_putc(out, '\n');
}

/* Per partner: the period's signals whose source names it, and the
 * referrals among them (signals linked to a care request). */
static void md_partners(struct buf *out, const struct report_network *n, bool bars)
{
    buf_printf(out, "## %s\n\n", _("Partners: signalen en doorverwijzingen"));
    if (!n->n_partners) {
        buf_printf(out, "%s\n\n", _("Geen partners vastgelegd."));
        return;
    }
    buf_printf(out, "%s\n\n",
               _("Signalen: de signalen van de periode met de partner als bron. "
                 "Doorverwezen: daarvan de signalen die bij een hulpvraag horen."));
    buf_printf(out, "| %s | %s | %s | %s |%s\n|---|---|---:|---:|%s\n", _("partner"),
               _("rol"), _("signalen"), _("doorverwezen"), bars ? " |" : "",
               bars ? "---|" : "");
    size_t max = n->partners[0].signals;
    for (size_t i = 0; i < n->n_partners; i++) {
        const struct report_partner *p = &n->partners[i];
        buf_puts(out, "| ");
        md_text(out, p->name);
        buf_puts(out, " (");
        md_text(out, p->id);
        buf_puts(out, ") | ");
        md_text(out, words_of("partners.role", p->role));
        buf_printf(out, " | %zu | %zu |", p->signals, p->referrals);
        if (bars) {
            buf_putc(out, ' ');
            report_fmt_bar(out, p->signals, max);
            buf_puts(out, " |");
        }
        buf_putc(out, '\n');
    }
    buf_putc(out, '\n');
}

void report_fmt_md_network(struct buf *out, const struct report_network *n, bool bars)
{
    md_projects(out, n, bars);
    md_partners(out, n, bars);
}

/* Appends one CSV row of the section. */
static void csv_put(struct buf *out, const char *section, const char *key, const char *item,
                    size_t count, const char *share)
{
    char c[24];
    snprintf(c, sizeof c, "%zu", count);
    const char *f[5] = {section, key, item, c, share};
    csv_write_row(out, f, 5);
}

void report_fmt_csv_network(struct buf *out, const struct report_network *n)
{
    if (n->n_projects)
        for (int ev = 0; ev < REPORT_EVENTS; ev++)
            csv_put(out, "projects", "", report_event_codes[ev], n->events[ev], "");
    for (size_t i = 0; i < n->n_projects; i++)
        csv_put(out, "projects", n->projects[i].id, report_event_codes[n->projects[i].event],
                n->projects[i].n_signals, "");
    for (size_t i = 0; i < n->n_partners; i++) {
        const struct report_partner *p = &n->partners[i];
        char share[24] = "";
        size_t pm = report_permille(p->referrals, p->signals);
        if (p->signals)
            snprintf(share, sizeof share, "%zu.%zu", pm / 10, pm % 10);
        csv_put(out, "partners", p->id, "signals", p->signals, "");
        csv_put(out, "partners", p->id, "referrals", p->referrals, share);
    }
}
