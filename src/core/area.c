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
