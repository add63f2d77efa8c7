/* meeting_names.c: what the wall may show of people: initials instead of names, no private lines. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* The names as one text (an arena), chained in a hash table on their first
 * word in ASCII lower case: built in one pass over the cases, no sorting. */
struct name_entry {
    uint32_t off, len; /* the name in the arena */
    uint32_t first;    /* length of its first word */
    int32_t next;      /* next entry with the same hash, or -1 */
};

struct meeting_redactor {
    char *arena;
    size_t alen, acap;
    struct name_entry *e;
    size_t n, cap;
    int32_t *heads; /* per bucket: the first entry, or -1 */
    size_t nheads;  /* a power of two */
};

static uint32_t word_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint32_t)tolower((unsigned char)w[i])) * 16777619u;
    return h;
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
    if (len < 3 || fl >= len || len > 1000)
        return;
    if (r->alen + len + 1 > r->acap) {
        r->acap = (r->alen + len + 1) * 2;
        r->arena = xrealloc(r->arena, r->acap);
    }
    memcpy(r->arena + r->alen, name, len);
    r->arena[r->alen + len] = '\0';
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 256;
        r->e = xrealloc(r->e, r->cap * sizeof *r->e);
    }
    r->e[r->n++] = (struct name_entry){(uint32_t)r->alen, (uint32_t)len, (uint32_t)fl, -1};
    r->alen += len + 1;
}

static void build_table(struct meeting_redactor *r)
{
    r->nheads = 64;
    while (r->nheads < r->n * 2)
        r->nheads *= 2;
    r->heads = xmalloc(r->nheads * sizeof *r->heads);
    for (size_t i = 0; i < r->nheads; i++)
        r->heads[i] = -1;
    for (size_t i = 0; i < r->n; i++) {
        struct name_entry *e = &r->e[i];
        size_t b = word_hash(r->arena + e->off, e->first) & (r->nheads - 1);
        e->next = r->heads[b];
        r->heads[b] = (int32_t)i;
    }
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
    build_table(r);
    return r;
}

void meeting_redactor_free(struct meeting_redactor *r)
{
    if (!r)
        return;
    free(r->arena);
    free(r->e);
    free(r->heads);
    free(r);
}

static bool word_byte(unsigned char c)
{
    return isalnum(c) || c >= 0x80 || c == '\'' || c == '-';
}

/* The longest known name that starts at text[i] (a word of wl bytes), or NULL. */
static const struct name_entry *match_at(const struct meeting_redactor *r, const char *text,
                                         size_t n, size_t i, size_t wl)
{
    const struct name_entry *best = NULL;
    int32_t k = r->heads[word_hash(text + i, wl) & (r->nheads - 1)];
    for (; k >= 0; k = r->e[k].next) {
        const struct name_entry *e = &r->e[k];
        if (e->first != wl || e->len > n - i || (best && e->len <= best->len))
            continue;
        if (strncasecmp(text + i, r->arena + e->off, e->len) == 0 &&
            (i + e->len == n || !word_byte((unsigned char)text[i + e->len])))
            best = e;
    }
    return best;
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
    while (i < n) {
        bool start = i == 0 || !word_byte((unsigned char)text[i - 1]);
        size_t wl = 0;
        while (i + wl < n && word_byte((unsigned char)text[i + wl]))
            wl++;
        const struct name_entry *e = start && wl ? match_at(r, text, n, i, wl) : NULL;
        if (e) {
            char *ini = meeting_initials(r->arena + e->off);
            buf_puts(&b, ini);
            free(ini);
            i += e->len;
        } else {
            size_t step = wl ? wl : 1;
            buf_append(&b, text + i, step);
            i += step;
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
