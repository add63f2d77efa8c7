/* balance.c: shares of community building per week and the three-weeks-under-target warning. */
#include "wijktafel/balance.h"

#include <stdio.h>
#include <string.h>

#include "wijktafel/date.h"

int balance_default_target(const char *discipline)
{
    return discipline && strcmp(discipline, "buurtwerker") == 0 ? 50 : 0;
}

int32_t balance_monday(int32_t day)
{
    int wd = date_weekday(day); /* see date.h: 0 = Monday */
    return day - wd;
}

size_t balance_share_permille(uint32_t casework, uint32_t community)
{
    uint64_t total = (uint64_t)casework + community;
    return total ? (size_t)(((uint64_t)community * 1000 + total / 2) / total) : 0;
}

bool balance_under_target(const struct balance_week *weeks, size_t n, int32_t last_week,
                          int target_pct)
{
    if (target_pct <= 0)
        return false;
    for (int k = 0; k < BALANCE_WARN_WEEKS; k++) {
        int32_t want = last_week - 7 * k;
        const struct balance_week *w = NULL;
        for (size_t i = 0; i < n && !w; i++)
            if (weeks[i].week == want)
                w = &weeks[i];
        if (!w || w->casework + w->community == 0)
            return false;
        /* community / total < target / 100, in whole numbers */
        if ((uint64_t)w->community * 100 >= (uint64_t)target_pct * (w->casework + w->community))
            return false;
    }
    return true;
}

int balance_parse_hours(const char *s, uint32_t *out)
{
    uint32_t whole = 0, frac = 0;
    int digits = 0, decimals = -1;
    for (const char *p = s; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            if (decimals >= 0) {
                if (++decimals > 2)
                    return -1;
                frac = frac * 10 + (uint32_t)(*p - '0');
            } else {
                if (++digits > 3)
                    return -1;
                whole = whole * 10 + (uint32_t)(*p - '0');
            }
        } else if ((*p == '.' || *p == ',') && decimals < 0 && digits > 0) {
            decimals = 0;
        } else {
            return -1;
        }
    }
    if (digits == 0 || decimals == 0)
        return -1;
    if (decimals == 1)
        frac *= 10;
    uint32_t h = whole * 100 + frac;
    if (h > 16800)
        return -1;
    *out = h;
    return 0;
}

void balance_format_hours(uint32_t h, char out[16])
{
    if (h % 100 == 0)
        snprintf(out, 16, "%u", (unsigned)(h / 100));
    else if (h % 10 == 0)
        snprintf(out, 16, "%u.%u", (unsigned)(h / 100), (unsigned)(h % 100 / 10));
    else
        snprintf(out, 16, "%u.%02u", (unsigned)(h / 100), (unsigned)(h % 100));
}
