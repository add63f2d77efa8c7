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

/* Parses hours "12", "12.5", "12,25" (at most two decimals, at most 168) into
 * hundredths; 0 or -1. */
int balance_parse_hours(const char *s, uint32_t *out);

/* Formats hundredths as hours: "12", "12.5", "12.25" (decimal point). */
void balance_format_hours(uint32_t h, char out[16]);

#endif
