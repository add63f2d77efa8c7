/* meeting_names.c: what the wall may show of people: initials instead of names, no private lines. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "meeting_int.h"
#include "wijktafel/i18n.h"

/* Dutch (and a few other) name particles, written small in initials. */
static const char *const particles[] = {
    "de", "van", "der", "den", "het", "'t", "'s", "ter", "ten", "te", "in", "op", "onder",
    "over", "uit", "bij", "aan", "d'", "el", "al", "la", "le", "du", "da", "di", "von",
    "vom", "zu", "bin", "ben", "ibn", "dos", "das", "del", NULL};

static bool is_particle(const char *w, size_t n)
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

char *meeting_initials(const char *name)
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
        bool particle = i > 0 && i + 1 < nw && is_particle(words[i], lens[i]);
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

struct name_entry {
    char *first;    /* first word, ASCII lower-case */
    char *name;     /* the full name as stored */
    size_t len;
    char *initials;
};

struct meeting_redactor {
    struct name_entry *e;
    size_t n, cap;
};

static char *lower_word(const char *s, size_t n)
{
    char *w = xstrndup(s, n);
    for (char *p = w; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return w;
}

static void add_name(struct meeting_redactor *r, const char *name)
{
    if (!name)
        return;
    while (*name == ' ')
        name++;
    size_t len = strlen(name);
    while (len && name[len - 1] == ' ')
        len--;
    size_t fl = strcspn(name, " \t\n");
    /* A single word (a first name only) is no full name: leave text alone. */
    if (len < 3 || fl >= len)
        return;
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 64;
        r->e = xrealloc(r->e, r->cap * sizeof *r->e);
    }
    struct name_entry *e = &r->e[r->n++];
    e->first = lower_word(name, fl);
    e->name = xstrndup(name, len);
    e->len = len;
    e->initials = meeting_initials(e->name);
}

static int cmp_entry(const void *a, const void *b)
{
    const struct name_entry *x = a, *y = b;
    int c = strcmp(x->first, y->first);
    if (c)
        return c;
    return x->len > y->len ? -1 : x->len < y->len ? 1 : 0; /* longest first */
}

static int collect(void *ctx, const struct wt_record *rec)
{
    add_name(ctx, rec->kind == WT_CASES ? rec->v[CASE_RESIDENT] : rec->v[TALENT_NAME]);
    return 0;
}

struct meeting_redactor *meeting_redactor_new(struct app *a, struct wt_error *err)
{
    struct meeting_redactor *r = xcalloc(1, sizeof *r);
    struct store_txn *t;
    /* All cases, the shielded ones too: their names must not reach the wall
     * through the free text of other records. */
    int rc = store_read_begin(a->store, &t, err);
    if (!rc) {
        rc = store_each(t, WT_CASES, collect, r);
        if (!rc)
            rc = store_each(t, WT_TALENTS, collect, r);
        store_read_end(t);
    }
    if (rc) {
        wt_error_set(err, rc, _("%s: de namen kunnen niet worden gelezen"), a->dir);
        meeting_redactor_free(r);
        return NULL;
    }
    if (r->n)
        qsort(r->e, r->n, sizeof *r->e, cmp_entry);
    return r;
}

void meeting_redactor_free(struct meeting_redactor *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++) {
        free(r->e[i].first);
        free(r->e[i].name);
        free(r->e[i].initials);
    }
    free(r->e);
    free(r);
}

static bool word_byte(unsigned char c)
{
    return isalnum(c) || c >= 0x80 || c == '\'' || c == '-';
}

/* The first entry whose first word is w (n bytes), or r->n. */
static size_t find_first(const struct meeting_redactor *r, const char *w, size_t n)
{
    size_t lo = 0, hi = r->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strncmp(r->e[mid].first, w, n);
        if (c == 0 && r->e[mid].first[n] != '\0')
            c = 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < r->n && strlen(r->e[lo].first) == n && strncmp(r->e[lo].first, w, n) == 0
               ? lo
               : r->n;
}

char *meeting_redact(const struct meeting_redactor *r, const char *text)
{
    if (!text)
        return xstrdup("");
    if (!r || !r->n)
        return xstrdup(text);
    struct buf b = {0};
    buf_puts(&b, "");
    size_t n = strlen(text), i = 0;
    char word[128];
    while (i < n) {
        bool start = i == 0 || !word_byte((unsigned char)text[i - 1]);
        size_t wl = 0;
        while (i + wl < n && word_byte((unsigned char)text[i + wl]))
            wl++;
        if (!start || wl == 0 || wl >= sizeof word) {
            size_t step = wl ? wl : 1;
            buf_append(&b, text + i, step);
            i += step;
            continue;
        }
        for (size_t k = 0; k < wl; k++)
            word[k] = (char)tolower((unsigned char)text[i + k]);
        size_t e = find_first(r, word, wl);
        bool done = false;
        for (; e < r->n && strlen(r->e[e].first) == wl && strncmp(r->e[e].first, word, wl) == 0;
             e++) {
            size_t len = r->e[e].len;
            if (i + len <= n && strncasecmp(text + i, r->e[e].name, len) == 0 &&
                (i + len == n || !word_byte((unsigned char)text[i + len]))) {
                buf_puts(&b, r->e[e].initials);
                i += len;
                done = true;
                break;
            }
        }
        if (!done) {
            buf_append(&b, text + i, wl);
            i += wl;
        }
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
