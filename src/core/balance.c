/* balance.c: shares of community building per week, the three-weeks-under-target warning, and the caseload beside the hours. */
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

void balance_load_add(struct balance_load *loads, size_t n, int32_t first, int32_t opened,
                      int32_t closed)
{
    int64_t start = ((int64_t)balance_monday(opened) - first) / 7;
    int64_t end = closed < 0 ? (int64_t)n : ((int64_t)balance_monday(closed) - first) / 7;
    if (balance_monday(opened) < first)
        start = -1; /* opened before the window: open from its start */
    for (int64_t k = start < 0 ? 0 : start; k < end && k < (int64_t)n; k++)
        loads[k].open++;
    if (start >= 0 && start < (int64_t)n)
        loads[start].opened++;
}

bool balance_squeezed(const struct balance_load *loads, const int64_t *community, size_t n)
{
    if (n < BALANCE_SQUEEZE_WEEKS + 1)
        return false;
    size_t first = n - BALANCE_SQUEEZE_WEEKS - 1;
    if (community[first] < 0)
        return false;
    for (size_t k = first + 1; k < n; k++)
        if (loads[k].open <= loads[k - 1].open || community[k] < 0 ||
            community[k] > community[k - 1])
            return false;
    return community[n - 1] < community[first];
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
