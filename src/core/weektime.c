/* weektime.c: reading schedules and availability ("ma en do 15:30", "di-avond") as parts of the week. */
#include "wijktafel/weektime.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "wijktafel/error.h"

#define ALL_DAYS 0x7f
#define ALL_PARTS 0x7
#define WEEKDAYS 0x1f
#define WEEKEND 0x60
#define TOKEN_MAX 40

/* Words that name days, parts of the day, or say nothing about time. */
enum wclass { W_DAY, W_PART, W_DAYPART, W_ANY, W_RANGE, W_FILLER };

static const struct word {
    const char *w;
    enum wclass cls;
    unsigned days, parts; /* days: bit 0 = Monday; parts: bit 0 = morning */
} words[] = {
    {"ma", W_DAY, 1, 0}, {"di", W_DAY, 2, 0}, {"wo", W_DAY, 4, 0}, {"do", W_DAY, 8, 0},
    {"vr", W_DAY, 16, 0}, {"za", W_DAY, 32, 0}, {"zo", W_DAY, 64, 0},
    {"maandag", W_DAY, 1, 0}, {"dinsdag", W_DAY, 2, 0}, {"woensdag", W_DAY, 4, 0},
    {"donderdag", W_DAY, 8, 0}, {"vrijdag", W_DAY, 16, 0}, {"zaterdag", W_DAY, 32, 0},
    {"zondag", W_DAY, 64, 0},
    {"doordeweeks", W_DAY, WEEKDAYS, 0}, {"werkdagen", W_DAY, WEEKDAYS, 0},
    {"weekend", W_DAY, WEEKEND, 0}, {"weekenden", W_DAY, WEEKEND, 0},
    {"weekends", W_DAY, WEEKEND, 0}, {"dagelijks", W_DAY, ALL_DAYS, 0},
    {"dag", W_DAY, ALL_DAYS, 0}, {"dagen", W_DAY, ALL_DAYS, 0},
    {"ochtend", W_PART, 0, 1}, {"ochtenden", W_PART, 0, 1}, {"ochtends", W_PART, 0, 1},
    {"morgen", W_PART, 0, 1}, {"morgens", W_PART, 0, 1}, {"middag", W_PART, 0, 2},
    {"middagen", W_PART, 0, 2}, {"middags", W_PART, 0, 2}, {"avond", W_PART, 0, 4},
    {"avonden", W_PART, 0, 4}, {"avonds", W_PART, 0, 4}, {"overdag", W_PART, 0, 3},
    {"schooltijd", W_DAYPART, WEEKDAYS, 3}, {"schooltijden", W_DAYPART, WEEKDAYS, 3},
    {"afspraak", W_ANY, 0, 0}, {"overleg", W_ANY, 0, 0}, {"altijd", W_ANY, 0, 0},
    {"flexibel", W_ANY, 0, 0}, {"dagdeel", W_ANY, 0, 0},
    {"t/m", W_RANGE, 0, 0}, {"tm", W_RANGE, 0, 0}, {"tot", W_RANGE, 0, 0},
    {"en", W_FILLER, 0, 0}, {"of", W_FILLER, 0, 0}, {"op", W_FILLER, 0, 0},
    {"in", W_FILLER, 0, 0}, {"het", W_FILLER, 0, 0}, {"de", W_FILLER, 0, 0},
    {"s", W_FILLER, 0, 0}, {"elke", W_FILLER, 0, 0}, {"elk", W_FILLER, 0, 0},
    {"iedere", W_FILLER, 0, 0}, {"per", W_FILLER, 0, 0}, {"week", W_FILLER, 0, 0},
    {"wekelijks", W_FILLER, 0, 0}, {"tweewekelijks", W_FILLER, 0, 0},
    {"om", W_FILLER, 0, 0}, {"van", W_FILLER, 0, 0}, {"vanaf", W_FILLER, 0, 0},
    {"maand", W_FILLER, 0, 0}, {"eerste", W_FILLER, 0, 0}, {"tweede", W_FILLER, 0, 0},
    {"derde", W_FILLER, 0, 0}, {"vierde", W_FILLER, 0, 0}, {"laatste", W_FILLER, 0, 0},
    {"na", W_FILLER, 0, 0}, {"school", W_FILLER, 0, 0}, {"uur", W_FILLER, 0, 0},
    {"u", W_FILLER, 0, 0}, {"x", W_FILLER, 0, 0}, {"keer", W_FILLER, 0, 0},
    {"e", W_FILLER, 0, 0}, {"ste", W_FILLER, 0, 0}, {"vooraf", W_FILLER, 0, 0},
    {"bellen", W_FILLER, 0, 0},
};

/* What has been read so far: finished clauses in out, the current one in
 * days and parts ("di en do middagen" is one clause, "do-avond en za" two). */
struct reader {
    uint32_t out;
    unsigned days, parts;
    bool any;          /* "op afspraak": every part of the week */
    bool range;        /* the last word was "t/m" or a dash */
    int last_day;      /* the last single day read, or -1 */
    int last_time;     /* the last time read, in minutes, or -1 */
    bool said;         /* something about time was read */
};

/* Ends the current clause: its days (all when none) at its parts (all when none). */
static void flush(struct reader *r)
{
    if (!r->days && !r->parts)
        return;
    unsigned days = r->days ? r->days : ALL_DAYS, parts = r->parts ? r->parts : ALL_PARTS;
    for (int d = 0; d < 7; d++)
        for (int p = 0; p < 3; p++)
            if ((days >> d & 1) && (parts >> p & 1))
                r->out |= WEEKTIME_BIT(d, p);
    r->days = r->parts = 0;
}

/* The parts of the day that minutes [from, to) touch. */
static unsigned parts_between(int from, int to)
{
    static const int start[3] = {0, 12 * 60, 17 * 60}, end[3] = {12 * 60, 17 * 60, 24 * 60};
    unsigned p = 0;
    if (to <= from)
        to = from + 1;
    for (int i = 0; i < 3; i++)
        if (from < end[i] && to > start[i])
            p |= 1u << i;
    return p;
}

/* Days from a to b, both included, wrapping past Sunday. */
static unsigned day_span(int a, int b)
{
    unsigned d = 0;
    for (int i = a;; i = (i + 1) % 7) {
        d |= 1u << i;
        if (i == b)
            return d;
    }
}

static void add_days(struct reader *r, unsigned days)
{
    if (r->parts)
        flush(r); /* "do-avond en za": a day after parts starts a new clause */
    int single = -1;
    for (int i = 0; i < 7; i++)
        if (days == 1u << i)
            single = i;
    if (r->range && single >= 0 && r->last_day >= 0)
        days = day_span(r->last_day, single);
    r->days |= days;
    r->last_day = single;
    r->said = true;
}

static const struct word *lookup(const char *w)
{
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(words[i].w, w) == 0)
            return &words[i];
    return NULL;
}

/* A word that is a day and a part at once: "woensdagmiddag", "zaterdagen". */
static bool compound(struct reader *r, const char *w)
{
    static const char *const days[] = {"maandag", "dinsdag", "woensdag", "donderdag",
                                       "vrijdag", "zaterdag", "zondag"};
    for (int d = 0; d < 7; d++) {
        size_t n = strlen(days[d]);
        if (strncmp(w, days[d], n) != 0)
            continue;
        const char *rest = w + n;
        const struct word *p = *rest ? lookup(rest) : NULL;
        if (strcmp(rest, "en") == 0 || strcmp(rest, "s") == 0) {
            add_days(r, 1u << d);
            return true;
        }
        if (p && p->cls == W_PART) {
            add_days(r, 1u << d);
            r->parts |= p->parts;
            return true;
        }
    }
    return false;
}

/* Reads a time H:MM, HH:MM, H.MM or HH.MM (24:00 allowed) into minutes. */
static int read_time(const char *w)
{
    int h = 0, i = 0;
    while (w[i] >= '0' && w[i] <= '9' && i < 2)
        h = h * 10 + (w[i++] - '0');
    if (i == 0 || (w[i] != ':' && w[i] != '.'))
        return -1;
    const char *m = w + i + 1;
    if (!(m[0] >= '0' && m[0] <= '5' && m[1] >= '0' && m[1] <= '9' && !m[2]))
        return -1;
    int t = h * 60 + (m[0] - '0') * 10 + (m[1] - '0');
    return h > 24 || t > 24 * 60 ? -1 : t;
}

/* Reads one word (lower case); false when it is not understood. */
static bool word(struct reader *r, const char *w)
{
    if (*w >= '0' && *w <= '9') {
        int t = read_time(w);
        if (t < 0) { /* "1x", "2e", "24": counts, not times */
            size_t k = strspn(w, "0123456789");
            return !w[k] || lookup(w + k);
        }
        if (r->range && r->last_time >= 0)
            r->parts |= parts_between(r->last_time, t);
        else
            r->parts |= parts_between(t, t + 1);
        r->last_time = t;
        r->said = true;
        return true;
    }
    const struct word *k = lookup(w);
    if (!k)
        return compound(r, w);
    switch (k->cls) {
    case W_DAY: add_days(r, k->days); break;
    case W_PART: r->parts |= k->parts, r->said = true; break;
    case W_DAYPART:
        add_days(r, k->days);
        r->parts |= k->parts;
        break;
    case W_ANY: r->any = r->said = true; break;
    case W_RANGE: r->range = true; return true;
    case W_FILLER: break;
    }
    r->range = false;
    return true;
}

int weektime_parse(const char *s, uint32_t *slots)
{
    struct reader r = {.last_day = -1, .last_time = -1};
    *slots = 0;
    if (!s)
        return WT_EINVAL;
    char w[TOKEN_MAX + 1] = {0};
    size_t n = 0;
    for (const char *p = s;; p++) {
        unsigned char c = (unsigned char)*p;
        bool in_word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9') ||
                       ((c == ':' || c == '.') && n && w[n - 1] >= '0' && w[n - 1] <= '9') ||
                       (c == '/' && n == 1 && w[0] == 't');
        if (in_word) {
            if (n == TOKEN_MAX)
                return WT_EINVAL;
            w[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            continue;
        }
        if (n) {
            w[n] = '\0';
            if (n > 1 && (w[n - 1] == '.' || w[n - 1] == ':'))
                w[--n] = '\0'; /* "10.00." at the end of a sentence */
            if (!word(&r, w))
                return WT_EINVAL;
            n = 0;
        }
        if (c == '-')
            r.range = true; /* "ma-vr", "10:00-12:00"; "do-avond" ignores it */
        else if (c != ' ' && c != '\t' && c != '\'' && c != '\0')
            r.range = false; /* ',', ';', '(' end a range */
        if (c >= 0x80)
            return WT_EINVAL; /* no Dutch time word needs more than ASCII */
        if (!c)
            break;
    }
    flush(&r);
    if (r.any)
        r.out = WEEKTIME_ALL;
    if (!r.said || !r.out)
        return WT_EINVAL;
    *slots = r.out;
    return 0;
}
