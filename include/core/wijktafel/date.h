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

/* Reads a date as a person types it in a form, relative to today (days since
 * 1970-01-01), in Dutch or English whatever the interface language:
 *   8-12-2026, 8-12-26, 8/12/2026, 8-12 (the nearest 8 December to today),
 *   8 dec, 8 december 2026, dec 8, 2026-12-08,
 *   vandaag, morgen, overmorgen, gisteren / today, tomorrow, yesterday,
 *   a weekday (vrijdag, vr, friday, fri: the next one after today),
 *   over 2 weken, over 3 dagen, over 1 maand / in 2 weeks, in 3 days, +7, -1;
 * a day name may stand before a date (vr 11-12-2026) and must then agree.
 * Case, surrounding spaces and a dot after an abbreviation do not matter.
 * Returns 0 with *days set, or WT_EINVAL (nothing written). */
int date_read(const char *s, int32_t today, int32_t *days);

enum date_style {
    DATE_FULL, /* 8-12-2026 / 8 Dec 2026 */
    DATE_LIST, /* di 8 dec / Tue 8 Dec; as DATE_FULL in another year than today's */
    DATE_DAY,  /* di 8-12-2026 / Tue 8 Dec 2026: how a form understood an entry */
    DATE_WEEK, /* 7 dec / 7 Dec: a column head of a recent week, whose day and year are clear */
};

#define DATE_SHOW_MAX 24

/* Writes days as people read it, in the language of words_lang(); today
 * decides whether DATE_LIST shows the year. Returns out. */
char *date_show(int32_t days, enum date_style style, int32_t today, char out[DATE_SHOW_MAX]);

/* date_show of a stored YYYY-MM-DD; a value that is not a date is copied as
 * it is (cut to fit), NULL gives "". Returns out. */
char *date_show_iso(const char *iso, enum date_style style, int32_t today,
                    char out[DATE_SHOW_MAX]);

/* The names of weekday wd (0 = Monday) and month m (1-12), short, in the
 * current language ("di", "Tue"; "dec", "Dec"). */
const char *date_day_name(int wd);
const char *date_month_name(int m);

#endif
