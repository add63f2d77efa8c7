/* meeting_names.c: what the wall may show of people: initials instead of names, no private lines. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "meeting_int.h"
#include "policy_int.h"
#include "wijktafel/i18n.h"

/* Dutch (and a few other) name particles, written small in initials. */
static const char *const particles[] = {
    "de", "van", "der", "den", "het", "'t", "'s", "ter", "ten", "te", "in", "op", "onder",
    "over", "uit", "bij", "aan", "d'", "el", "al", "la", "le", "du", "da", "di", "von",
    "vom", "zu", "bin", "ben", "ibn", "dos", "das", "del", NULL};

static bool particle_n(const char *w, size_t n)
{
    for (size_t i = 0; particles[i]; i++)
        if (strlen(particles[i]) == n && strncasecmp(particles[i], w, n) == 0)
            return true;
    return false;
}

/* Length of the UTF-8 sequence that starts at p (1 for a stray byte). */
static size_t u8len(const unsigned char *p)
{
    if (*p < 0x80)
        return 1;
    size_t n = *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : *p >= 0xc0 ? 2 : 1;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xc0) != 0x80)
            return 1;
    return n;
}

bool policy_is_particle(const char *word)
{
    return particle_n(word, strlen(word));
}

char *meeting_initials(const char *name)
{
    return policy_initials(name, false);
}

char *policy_initials(const char *name, bool particle_first)
{
    struct buf b = {0};
    buf_puts(&b, "");
    const char *p = name ? name : "";
    const char *words[64];
    size_t lens[64], nw = 0;
    while (*p && nw < 64) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        if (!*p)
            break;
        const char *s = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            p++;
        words[nw] = s;
        lens[nw++] = (size_t)(p - s);
    }
    for (size_t i = 0; i < nw; i++) {
        const unsigned char *w = (const unsigned char *)words[i];
        bool particle = (i > 0 || particle_first) && i + 1 < nw && particle_n(words[i], lens[i]);
        if (w[lens[i] - 1] == '.') {
            buf_append(&b, w, lens[i]); /* initials already ("J.", "A.v.d.B."): as they are */
            continue;
        }
        if (particle && w[0] == '\'') {
            buf_append(&b, w, lens[i]); /* 't, 's stay as written */
        } else if (particle) {
            buf_putc(&b, (char)tolower(w[0]));
        } else {
            size_t n = u8len(w);
            if (n == 1 && w[0] < 0x80)
                buf_putc(&b, (char)toupper(w[0]));
            else
                buf_append(&b, w, n);
        }
        buf_putc(&b, '.');
    }
    return buf_steal(&b);
}

static bool private_line(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    static const char *const marks[] = {"privé:", "prive:", "[privé]", "[prive]", "PRIVÉ:",
                                        "[PRIVÉ]", NULL};
    for (size_t i = 0; marks[i]; i++) {
        size_t m = strlen(marks[i]);
        if (n >= m && strncasecmp(s, marks[i], m) == 0)
            return true;
    }
    return false;
}

char *meeting_strip_private(const char *text)
{
    struct buf b = {0};
    buf_puts(&b, "");
    const char *p = text ? text : "";
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (!private_line(p, n)) {
            if (b.len)
                buf_putc(&b, '\n');
            buf_append(&b, p, n);
        }
        p += n + (nl ? 1 : 0);
    }
    return buf_steal(&b);
}
