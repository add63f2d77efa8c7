/* report_fmt.h: the report as Markdown (with bars for the terminal) or CSV. */
#ifndef WIJKTAFEL_REPORT_FMT_H
#define WIJKTAFEL_REPORT_FMT_H

#include <stdbool.h>

#include "wijktafel/app.h"
#include "wijktafel/xalloc.h"

/* Width of a full bar in the terminal, in cells. */
#define REPORT_BAR_WIDTH 20

/* Appends the report as Markdown to out; with bars, every count table gains
 * a column of bars (for a terminal, where people look rather than read). */
void report_fmt_md(struct buf *out, const struct app_report *rep, bool bars);

/* Appends the report as CSV (header section,key,item,count,share; see
 * docs/handleiding.md) to out. */
void report_fmt_csv(struct buf *out, const struct app_report *rep);

/* Appends the projects started, handed over and stopped in the period and
 * the partners' signals and referrals as Markdown sections
 * (report_fmt_network.c). */
void report_fmt_md_network(struct buf *out, const struct report_network *n, bool bars);

/* Appends the CSV rows of sections projects (key a project's id, or empty
 * for the number of projects; item started, handed-over or stopped; count
 * the project's signals) and partners (key a partner's id; item signals or
 * referrals; the share of referrals is of the partner's signals). No rows
 * without projects in the period or partners. */
void report_fmt_csv_network(struct buf *out, const struct report_network *n);

/* Appends a bar of n out of max, REPORT_BAR_WIDTH cells at most, at least one
 * cell for any n > 0; nothing when max is 0. */
void report_fmt_bar(struct buf *out, size_t n, size_t max);

#endif
