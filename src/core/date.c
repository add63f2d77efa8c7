/* date.c: calendar dates as days since 1970-01-01 (proleptic Gregorian). */
#include "wijktafel/date.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "wijktafel/error.h"
#include "wijktafel/words.h"

/* Howard Hinnant's days_from_civil. */
static int32_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int yy = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp + (mp < 10 ? 3 : -9);
    *y = yy + (*m <= 2);
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int date_parse(const char *s, int32_t *days)
{
    if (!s)
        return WT_EINVAL;
    for (int i = 0; i < 10; i++)
        if (!s[i])
            return WT_EINVAL;
    if (s[10] != '\0' || s[4] != '-' || s[7] != '-')
        return WT_EINVAL;
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return WT_EINVAL;
    if (days)
        *days = days_from_civil(y, m, d);
    return 0;
}

void date_format(int32_t days, char out[11])
{
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    if (y < 0 || y > 9999)
        y = 0;
    unsigned uy = (unsigned)y, um = (unsigned)m, ud = (unsigned)d;
    out[0] = (char)('0' + uy / 1000 % 10);
    out[1] = (char)('0' + uy / 100 % 10);
    out[2] = (char)('0' + uy / 10 % 10);
    out[3] = (char)('0' + uy % 10);
    out[4] = '-';
    out[5] = (char)('0' + um / 10 % 10);
    out[6] = (char)('0' + um % 10);
    out[7] = '-';
    out[8] = (char)('0' + ud / 10 % 10);
    out[9] = (char)('0' + ud % 10);
    out[10] = '\0';
}

int date_weekday(int32_t days)
{
    /* 1970-01-01 was a Thursday (3 when Monday is 0). */
    int w = (int)((days % 7 + 7) % 7);
    return (w + 3) % 7;
}

/* ---- Dates as people read and type them ---- */

static const char *const day_nl[7] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
static const char *const day_en[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
static const char *const mon_nl[12] = {"jan", "feb", "mrt", "apr", "mei", "jun",
                                       "jul", "aug", "sep", "okt", "nov", "dec"};
static const char *const mon_en[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

const char *date_day_name(int wd)
{
    wd = ((wd % 7) + 7) % 7;
    return words_lang() == WT_LANG_EN ? day_en[wd] : day_nl[wd];
}

const char *date_month_name(int m)
{
    if (m < 1 || m > 12)
        return "";
    return words_lang() == WT_LANG_EN ? mon_en[m - 1] : mon_nl[m - 1];
}

/* A date that does not fit (a year past 9999) shows as nothing rather than
 * cut; using snprintf's result also tells the compiler that truncation is seen. */
static void fit(char *out, int n)
{
    if (n < 0 || n >= DATE_SHOW_MAX)
        out[0] = '\0';
}

char *date_show(int32_t days, enum date_style style, int32_t today, char out[DATE_SHOW_MAX])
{
    int y, m, d, ty, tm, td;
    civil_from_days(days, &y, &m, &d);
    civil_from_days(today, &ty, &tm, &td);
    const char *wd = date_day_name(date_weekday(days)), *mn = date_month_name(m);
    bool en = words_lang() == WT_LANG_EN;
    switch (style) {
    case DATE_LIST:
        if (y == ty) {
            fit(out, snprintf(out, DATE_SHOW_MAX, "%s %d %s", wd, d, mn));
            break;
        }
        /* Another year: the full date, which fits the same column. */
        return date_show(days, DATE_FULL, today, out);
    case DATE_WEEK:
        fit(out, snprintf(out, DATE_SHOW_MAX, "%d %s", d, mn));
        break;
    case DATE_DAY:
        if (en)
            fit(out, snprintf(out, DATE_SHOW_MAX, "%s %d %s %d", wd, d, mn, y));
        else
            fit(out, snprintf(out, DATE_SHOW_MAX, "%s %d-%d-%d", wd, d, m, y));
        break;
    case DATE_FULL:
    default:
        if (en)
            fit(out, snprintf(out, DATE_SHOW_MAX, "%d %s %d", d, mn, y));
        else
            fit(out, snprintf(out, DATE_SHOW_MAX, "%d-%d-%d", d, m, y));
        break;
    }
    return out;
}

char *date_show_iso(const char *iso, enum date_style style, int32_t today,
                    char out[DATE_SHOW_MAX])
{
    int32_t d;
    if (iso && date_parse(iso, &d) == 0)
        return date_show(d, style, today, out);
    snprintf(out, DATE_SHOW_MAX, "%s", iso ? iso : "");
    return out;
}

/* Words of the typed forms, lower case; a name matches in full or as a prefix
 * of at least min letters (abbreviations such as "vr", "fri", "sept"). */
struct name {
    const char *word;
    int min;
    int value;
};

static const struct name day_names[] = {
    {"maandag", 2, 0}, {"dinsdag", 2, 1}, {"woensdag", 2, 2}, {"donderdag", 2, 3},
    {"vrijdag", 2, 4}, {"zaterdag", 2, 5}, {"zondag", 2, 6},  {"monday", 3, 0},
    {"tuesday", 3, 1}, {"tues", 4, 1},    {"wednesday", 3, 2}, {"thursday", 3, 3},
    {"thur", 4, 3},    {"thurs", 5, 3},   {"friday", 3, 4},   {"saturday", 3, 5},
    {"sunday", 3, 6},  {NULL, 0, 0}};

static const struct name month_names[] = {
    {"januari", 3, 1},   {"februari", 3, 2}, {"maart", 3, 3},     {"mrt", 3, 3},
    {"april", 3, 4},     {"mei", 3, 5},      {"juni", 3, 6},      {"juli", 3, 7},
    {"augustus", 3, 8},  {"september", 3, 9}, {"oktober", 3, 10}, {"november", 3, 11},
    {"december", 3, 12}, {"january", 3, 1},  {"february", 3, 2},  {"march", 3, 3},
    {"may", 3, 5},       {"june", 4, 6},     {"july", 4, 7},      {"august", 3, 8},
    {"october", 3, 10},  {NULL, 0, 0}};

static const struct name relative[] = {
    {"vandaag", 7, 0}, {"today", 5, 0},      {"morgen", 6, 1},    {"tomorrow", 8, 1},
    {"overmorgen", 10, 2}, {"gisteren", 8, -1}, {"yesterday", 9, -1}, {NULL, 0, 0}};

/* Units after "over N" / "in N": days per unit, 0 for a month. */
static const struct name units[] = {
    {"dag", 3, 1},   {"dagen", 5, 1}, {"day", 3, 1},    {"days", 4, 1},
    {"week", 4, 7},  {"weken", 5, 7}, {"weeks", 5, 7},  {"maand", 5, 0},
    {"maanden", 7, 0}, {"month", 5, 0}, {"months", 6, 0}, {NULL, 0, 0}};

/* The value of word w (length l) in table t, or -100 when none matches. */
static int lookup(const struct name *t, const char *w, size_t l)
{
    for (; t->word; t++)
        if (l >= (size_t)t->min && l <= strlen(t->word) && strncmp(t->word, w, l) == 0)
            return t->value;
    return -100;
}

/* The typed text as words: lower case letters, digits and the signs -/+.,
 * split at spaces and commas; a dot after letters is dropped. */
#define MAX_TOKENS 6
struct tokens {
    char buf[64];
    const char *t[MAX_TOKENS];
    int n;
};

static bool tokenize(const char *s, struct tokens *tk)
{
    size_t o = 0;
    tk->n = 0;
    bool in = false;
    for (const char *p = s;; p++) {
        char c = *p;
        bool sep = c == '\0' || c == ' ' || c == '\t' || c == ',';
        if (c == '.' && p > s && ((p[-1] | 0x20) >= 'a' && (p[-1] | 0x20) <= 'z'))
            sep = true;
        if (sep) {
            if (in) {
                tk->buf[o++] = '\0';
                in = false;
            }
            if (c == '\0')
                return tk->n > 0;
            continue;
        }
        if (o + 2 >= sizeof tk->buf || (!in && tk->n == MAX_TOKENS))
            return false;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c | 0x20);
        if (!in) {
            tk->t[tk->n++] = tk->buf + o;
            in = true;
        }
        tk->buf[o++] = c;
    }
}

static bool is_number(const char *s, int maxlen, int *v)
{
    int n = 0, x = 0;
    for (; s[n]; n++) {
        if (s[n] < '0' || s[n] > '9' || n >= maxlen)
            return false;
        x = x * 10 + (s[n] - '0');
    }
    if (n == 0)
        return false;
    *v = x;
    return true;
}

static bool make(int y, int m, int d, int32_t *out)
{
    if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return false;
    *out = days_from_civil(y, m, d);
    return true;
}

/* Day and month without a year: the one of the three years around today's
 * that lies nearest to today (8-12 typed in late December means this 8 December,
 * 5-1 means the coming January). */
static bool nearest(int m, int d, int32_t today, int32_t *out)
{
    int ty, tm, td;
    civil_from_days(today, &ty, &tm, &td);
    bool found = false;
    int32_t best = 0;
    for (int y = ty - 1; y <= ty + 1; y++) {
        int32_t c;
        if (!make(y, m, d, &c))
            continue;
        int32_t dist = c > today ? c - today : today - c;
        int32_t bdist = best > today ? best - today : today - best;
        if (!found || dist < bdist) {
            best = c;
            found = true;
        }
    }
    if (found)
        *out = best;
    return found;
}

static int year_of(int y, size_t len)
{
    return len <= 2 ? 2000 + y : y;
}

/* D-M-Y, D-M, Y-M-D with '-', '/' or '.' in one word. */
static bool numeric(const char *w, int32_t today, int32_t *out)
{
    int part[3], np = 0;
    size_t plen[3];
    char sep = 0;
    const char *p = w;
    for (;;) {
        const char *e = p;
        while (*e >= '0' && *e <= '9')
            e++;
        if (e == p || e - p > 4 || np == 3)
            return false;
        part[np] = digits(p, (int)(e - p));
        plen[np++] = (size_t)(e - p);
        if (!*e)
            break;
        if ((*e != '-' && *e != '/' && *e != '.') || (sep && *e != sep))
            return false;
        sep = *e;
        p = e + 1;
    }
    if (np == 3 && plen[0] == 4)
        return plen[1] <= 2 && plen[2] <= 2 && make(part[0], part[1], part[2], out);
    if (np == 3)
        return plen[0] <= 2 && plen[1] <= 2 && (plen[2] == 2 || plen[2] == 4) &&
               make(year_of(part[2], plen[2]), part[1], part[0], out);
    if (np == 2)
        return plen[0] <= 2 && plen[1] <= 2 && nearest(part[1], part[0], today, out);
    return false;
}

static int32_t add_months(int32_t day, int n)
{
    int y, m, d;
    civil_from_days(day, &y, &m, &d);
    int mm = m - 1 + n;
    y += mm >= 0 ? mm / 12 : -((11 - mm) / 12);
    m = ((mm % 12) + 12) % 12 + 1;
    if (d > days_in_month(y, m))
        d = days_in_month(y, m);
    return days_from_civil(y, m, d);
}

/* The words t[0..n) without a leading day name. */
static bool read_words(const char *const *t, int n, int32_t today, int32_t *out)
{
    int v, d;
    size_t l0 = strlen(t[0]);
    if (n == 1) {
        if ((v = lookup(relative, t[0], l0)) != -100) {
            *out = today + v;
            return true;
        }
        if ((t[0][0] == '+' || t[0][0] == '-') && is_number(t[0] + 1, 4, &v)) {
            *out = today + (t[0][0] == '+' ? v : -v);
            return true;
        }
        if ((v = lookup(day_names, t[0], l0)) != -100) {
            int ahead = (v - date_weekday(today) + 7) % 7;
            *out = today + (ahead ? ahead : 7);
            return true;
        }
        return numeric(t[0], today, out);
    }
    /* over 2 weken, in 2 weeks */
    if (n == 3 && (strcmp(t[0], "over") == 0 || strcmp(t[0], "in") == 0) &&
        is_number(t[1], 4, &v) && (d = lookup(units, t[2], strlen(t[2]))) != -100) {
        *out = d ? today + v * d : add_months(today, v);
        return true;
    }
    /* 8 dec [2026] or dec 8 [2026] */
    int m, y = -1;
    bool day_first = is_number(t[0], 2, &d) &&
                     (m = lookup(month_names, t[1], strlen(t[1]))) != -100;
    if (!day_first && !((m = lookup(month_names, t[0], l0)) != -100 && is_number(t[1], 2, &d)))
        return false;
    if (n == 3 && is_number(t[2], 4, &y))
        y = year_of(y, strlen(t[2]));
    else if (n != 2)
        return false;
    return y < 0 ? nearest(m, d, today, out) : make(y, m, d, out);
}

int date_read(const char *s, int32_t today, int32_t *days)
{
    struct tokens tk;
    if (!s || !tokenize(s, &tk))
        return WT_EINVAL;
    int32_t d;
    if (read_words(tk.t, tk.n, today, &d)) {
        *days = d;
        return 0;
    }
    /* A day name before a date: "vr 11-12-2026", "Fri 11 Dec". */
    int wd = lookup(day_names, tk.t[0], strlen(tk.t[0]));
    if (tk.n > 1 && wd != -100 && read_words(tk.t + 1, tk.n - 1, today, &d) &&
        date_weekday(d) == wd) {
        *days = d;
        return 0;
    }
    return WT_EINVAL;
}
