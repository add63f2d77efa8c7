/* area.c: areas as paths from large to small, and how close two areas are. */
#include "wijktafel/area.h"

#include <stdlib.h>
#include <string.h>

#include "wijktafel/text.h"

bool area_valid(const char *s)
{
    if (!s || !*s)
        return false;
    const char *p = s;
    for (;;) {
        const char *slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        if (len == 0)
            return false;
        /* A part must hold more than white space. */
        bool visible = false;
        for (size_t i = 0; i < len; i++)
            if (p[i] != ' ' && p[i] != '\t')
                visible = true;
        if (!visible)
            return false;
        if (!slash)
            return true;
        p = slash + 1;
    }
}

int area_depth(const char *s)
{
    if (!s || !*s)
        return 0;
    int d = 1;
    for (; *s; s++)
        if (*s == '/')
            d++;
    return d;
}

int area_shared(const char *a, const char *b)
{
    if (!a || !b || !*a || !*b)
        return 0;
    char *fa = text_fold(a), *fb = text_fold(b);
    int shared = 0;
    if (fa && fb) {
        const char *p = fa, *q = fb;
        for (;;) {
            const char *ps = strchr(p, '/'), *qs = strchr(q, '/');
            size_t pl = ps ? (size_t)(ps - p) : strlen(p);
            size_t ql = qs ? (size_t)(qs - q) : strlen(q);
            if (pl != ql || memcmp(p, q, pl) != 0)
                break;
            shared++;
            if (!ps || !qs)
                break;
            p = ps + 1;
            q = qs + 1;
        }
    }
    free(fa);
    free(fb);
    return shared;
}

bool area_within(const char *a, const char *b)
{
    int db = area_depth(b);
    return db > 0 && area_shared(a, b) == db;
}

/* Edits (insert, delete, replace) between a and b, bytes of folded text. */
static size_t edits(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t *row = malloc((lb + 1) * sizeof *row);
    if (!row)
        abort();
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    size_t d = row[lb];
    free(row);
    return d;
}

/* True when the folded path k ends with the folded path t, at a part boundary. */
static bool ends_with_parts(const char *k, const char *t)
{
    size_t lk = strlen(k), lt = strlen(t);
    return lt <= lk && strcmp(k + lk - lt, t) == 0 && (lk == lt || k[lk - lt - 1] == '/');
}

static const char *last_part(const char *s)
{
    const char *p = strrchr(s, '/');
    return p ? p + 1 : s;
}

int area_closest(const char *typed, const char *const *known, size_t n, bool parts, bool *same)
{
    *same = false;
    char *t = text_fold(typed ? typed : "");
    if (!t || !*t) {
        free(t);
        return -1;
    }
    int best = -1, best_depth = 0;
    size_t best_edits = (size_t)-1;
    bool best_suffix = false;
    for (size_t i = 0; i < n; i++) {
        char *k = text_fold(known[i] ? known[i] : "");
        if (!k)
            continue;
        if (strcmp(k, t) == 0) {
            free(k);
            best = (int)i;
            *same = true;
            break;
        }
        if (parts && ends_with_parts(k, t)) {
            int d = area_depth(k);
            if (!best_suffix || d < best_depth) {
                best = (int)i;
                best_depth = d;
                best_suffix = true;
            }
        } else if (!best_suffix) {
            const char *kl = parts ? last_part(k) : k, *tl = parts ? last_part(t) : t;
            size_t e = edits(kl, tl), len = strlen(kl);
            size_t allowed = len / 3 ? len / 3 : 1;
            if (e <= allowed && e < best_edits) {
                best = (int)i;
                best_edits = e;
            }
        }
        free(k);
    }
    free(t);
    return best;
}
