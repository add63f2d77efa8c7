/* weektime.h: parts of the week (morning, afternoon, evening of each day) read from Dutch text. */
#ifndef WIJKTAFEL_WEEKTIME_H
#define WIJKTAFEL_WEEKTIME_H

#include <stdint.h>

/* A set of parts of the week: bit day * 3 + part, day 0 = Monday .. 6 =
 * Sunday, part 0 = morning (before 12:00), 1 = afternoon (12:00-17:00),
 * 2 = evening (from 17:00). */
#define WEEKTIME_ALL ((UINT32_C(1) << 21) - 1)
#define WEEKTIME_BIT(day, part) (UINT32_C(1) << ((day) * 3 + (part)))

/* Reads a resource's schedule ("do 17:30, wekelijks", "ma en do 15:30",
 * "dagelijks", "op afspraak") or a talent's availability ("ochtenden",
 * "doordeweeks", "di en do middagen", "ma t/m wo overdag", "do-avond en za")
 * into *slots: the parts of the week it covers (by appointment or "in
 * overleg": all of them). Returns 0, or WT_EINVAL when a word is not
 * understood or nothing says when (then *slots is 0: unknown). */
int weektime_parse(const char *s, uint32_t *slots);

#endif
