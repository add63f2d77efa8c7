/* date.h: calendar dates as days since 1970-01-01, in the YYYY-MM-DD form of FORMATS.md. */
#ifndef WIJKTAFEL_DATE_H
#define WIJKTAFEL_DATE_H

#include <stdint.h>

/* Parses exactly YYYY-MM-DD (a real date, years 1900-9999) into days since
 * 1970-01-01. Returns 0, or WT_EINVAL. */
int date_parse(const char *s, int32_t *days);

/* Writes YYYY-MM-DD and a NUL into out. */
void date_format(int32_t days, char out[11]);

/* Day of the week, 0 = Monday. */
int date_weekday(int32_t days);

#endif
