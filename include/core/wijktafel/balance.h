/* balance.h: time for community building: weekly hours on casework and samenlevingsopbouw (pure functions). */
#ifndef WIJKTAFEL_BALANCE_H
#define WIJKTAFEL_BALANCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One member's week: hours in hundredths (150 = 1.5 hours). */
struct balance_week {
    int32_t week;       /* the week's Monday, days since 1970-01-01 */
    uint32_t casework;  /* hours on cases */
    uint32_t community; /* hours on community building (samenlevingsopbouw) */
};

/* Weeks in a row under target that make a warning. */
#define BALANCE_WARN_WEEKS 3

/* The default target share of community building, in percent, for a
 * member's discipline: 50 for a buurtwerker, else 0 (no target). */
int balance_default_target(const char *discipline);

/* The Monday of the week that holds day (days since 1970-01-01). */
int32_t balance_monday(int32_t day);

/* The community share of w in tenths of a percent (0 when no hours). */
size_t balance_share_permille(uint32_t casework, uint32_t community);

/* True when, in each of the BALANCE_WARN_WEEKS weeks ending with the week of
 * last_week (a Monday), weeks (any order) holds hours and the community share
 * lies under target_pct. A target of 0 never warns; a week without hours
 * breaks the run (nothing is known about it). */
bool balance_under_target(const struct balance_week *weeks, size_t n, int32_t last_week,
                          int target_pct);

/* Weeks in a row of a rising caseload, with community hours falling, that
 * make a warning (issue 21: "naarmate de caseload toenam"). */
#define BALANCE_SQUEEZE_WEEKS 4

/* A member's caseload in one week: the cases they own that were open at the
 * end of the week (Sunday), and the cases opened in it. */
struct balance_load {
    uint32_t open, opened;
};

/* Adds one case to loads[0, n), the n weeks from first (a Monday): open at
 * the end of each week from the week of opened up to, not including, the
 * week of closed (closed < 0: not closed), and opened in the week of
 * opened. Days since 1970-01-01. */
void balance_load_add(struct balance_load *loads, size_t n, int32_t first, int32_t opened,
                      int32_t closed);

/* True when, in the last BALANCE_SQUEEZE_WEEKS of n consecutive weeks, the
 * open cases rose every week (each above the week before) while the hours on
 * community building (community[i] in hundredths, negative for a week
 * without hours) never rose and ended below the week before the run. So it
 * needs BALANCE_SQUEEZE_WEEKS + 1 weeks, all with hours: a week without
 * hours breaks the run, as in balance_under_target. */
bool balance_squeezed(const struct balance_load *loads, const int64_t *community, size_t n);

/* Parses hours "12", "12.5", "12,25" (at most two decimals, at most 168) into
 * hundredths; 0 or -1. */
int balance_parse_hours(const char *s, uint32_t *out);

/* Formats hundredths as hours: "12", "12.5", "12.25" (decimal point). */
void balance_format_hours(uint32_t h, char out[16]);

#endif
