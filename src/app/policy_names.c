/* policy_names.c: the names the beamer and the wall never show, and their replacement by initials. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "policy_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/text.h"

/* Every name and name part, folded (text_fold: case and accents), words
 * joined by one space, with the initials it becomes: open addressing. */
struct policy_names {
    char **keys, **initials;
    size_t cap, n;
    size_t max_words; /* the longest key, in words */
    uint64_t seq;     /* store_seq when read */
};

static uint64_t str_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static void grow(struct policy_names *n);

static void put(struct policy_names *n, char *key, char *ini)
{
    if ((n->n + 1) * 2 > n->cap)
        grow(n);
    size_t i = str_hash(key) & (n->cap - 1);
    while (n->keys[i]) {
        if (strcmp(n->keys[i], key) == 0) {
            free(key); /* the first person's initials stay */
            free(ini);
            return;
        }
        i = (i + 1) & (n->cap - 1);
    }
    n->keys[i] = key;
    n->initials[i] = ini;
    n->n++;
}

static void grow(struct policy_names *n)
{
    size_t old = n->cap;
    char **k = n->keys, **v = n->initials;
    n->cap = old ? old * 2 : 256;
    n->keys = xcalloc(n->cap, sizeof *n->keys);
    n->initials = xcalloc(n->cap, sizeof *n->initials);
    n->n = 0;
    for (size_t i = 0; i < old; i++)
        if (k[i])
            put(n, k[i], v[i]);
    free(k);
    free(v);
}

static const char *lookup(const struct policy_names *n, const char *key)
{
    if (!n->cap)
        return NULL;
    for (size_t i = str_hash(key) & (n->cap - 1); n->keys[i]; i = (i + 1) & (n->cap - 1))
        if (strcmp(n->keys[i], key) == 0)
            return n->initials[i];
    return NULL;
}

/* A byte that belongs to a word of a name (letters, digits, any non-ASCII,
 * the hyphen of a double name). An apostrophe ends a word, so that
 * "Yusuf's" still shows the name "Yusuf" as a whole word. */
static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c >= 0x80 || c == '-';
}

#define MAX_NAME_WORDS 8

/* Words w[i..j) of a name, folded and joined, and their initials. */
static void add_part(struct policy_names *n, char *const *w, size_t i, size_t j)
{
    struct buf key = {0}, raw = {0};
    buf_puts(&key, "");
    buf_puts(&raw, "");
    for (size_t k = i; k < j; k++) {
        char *f = text_fold(w[k]);
        if (!f || !*f) {
            free(f);
            buf_fini(&key);
            buf_fini(&raw);
            return;
        }
        if (k > i) {
            buf_putc(&key, ' ');
            buf_putc(&raw, ' ');
        }
        buf_puts(&key, f);
        buf_puts(&raw, w[k]);
        free(f);
    }
    /* One letter is no name part (it would blank every "a" and "u"), nor is
     * a number (a house number, "Bewoner 17" in test data). */
    bool letter = false;
    for (const char *c = key.data; *c && !letter; c++)
        letter = (*c >= 'a' && *c <= 'z') || (unsigned char)*c >= 0x80;
    if (key.len < 2 || !letter) {
        buf_fini(&key);
        buf_fini(&raw);
        return;
    }
    char *ini = policy_initials(raw.data, i > 0);
    buf_fini(&raw);
    if (j - i > n->max_words)
        n->max_words = j - i;
    put(n, buf_steal(&key), ini);
}

/* Splits s into its words (word_byte runs); returns how many (at most max). */
static size_t split_words(const char *s, char **w, size_t max)
{
    size_t nw = 0;
    while (*s && nw < max) {
        while (*s && !word_byte((unsigned char)*s))
            s++;
        const char *b = s;
        while (*s && word_byte((unsigned char)*s))
            s++;
        if (s > b)
            w[nw++] = xstrndup(b, (size_t)(s - b));
    }
    return nw;
}

void policy_names_add(struct policy_names *n, const char *name)
{
    char *w[MAX_NAME_WORDS];
    size_t nw = split_words(name ? name : "", w, MAX_NAME_WORDS);
    if (nw == 0)
        return;
    add_part(n, w, 0, nw); /* the full name */
    for (size_t i = 0; i < nw; i++) {
        bool particle = i > 0 && i + 1 < nw && policy_is_particle(w[i]);
        if (!particle)
            add_part(n, w, i, i + 1); /* a first name, a surname */
        else if (i == 1 || !policy_is_particle(w[i - 1]))
            add_part(n, w, i, nw); /* the surname with its particles */
    }
    for (size_t i = 0; i < nw; i++)
        free(w[i]);
}

struct policy_names *policy_names_new(uint64_t seq)
{
    struct policy_names *n = xcalloc(1, sizeof *n);
    n->seq = seq;
    return n;
}

uint64_t policy_names_seq(const struct policy_names *n)
{
    return n->seq;
}

void policy_names_set_seq(struct policy_names *n, uint64_t seq)
{
    n->seq = seq;
}

void policy_names_free(struct policy_names *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->cap; i++) {
        free(n->keys[i]);
        free(n->initials[i]);
    }
    free(n->keys);
    free(n->initials);
    free(n);
}

/* One word of a text: where it starts and ends, and its folded form. */
struct word {
    size_t b, e;
    char *fold;
};

/* True when only blanks (no line break) lie between two words of a name. */
static bool blank_gap(const char *text, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (text[i] != ' ' && text[i] != '\t')
            return false;
    return true;
}

/* The initials of the longest name that starts at word i, and how many
 * words it covers, or NULL. */
static const char *longest(const struct policy_names *n, const char *text, const struct word *w,
                           size_t nw, size_t i, size_t *covered)
{
    size_t most = n->max_words < nw - i ? n->max_words : nw - i;
    size_t k = 1;
    while (k < most && blank_gap(text, w[i + k - 1].e, w[i + k].b))
        k++;
    for (; k >= 1; k--) {
        struct buf key = {0};
        buf_puts(&key, "");
        for (size_t j = i; j < i + k; j++) {
            if (j > i)
                buf_putc(&key, ' ');
            buf_puts(&key, w[j].fold ? w[j].fold : "");
        }
        const char *ini = lookup(n, key.data);
        buf_fini(&key);
        if (ini) {
            *covered = k;
            return ini;
        }
    }
    return NULL;
}

char *policy_names_redact(const struct policy_names *n, const char *text)
{
    if (!text)
        return xstrdup("");
    if (!n || !n->n)
        return xstrdup(text);
    size_t len = strlen(text), nw = 0, cap = 16;
    struct word *w = xmalloc(cap * sizeof *w);
    for (size_t i = 0; i < len;) {
        if (!word_byte((unsigned char)text[i])) {
            i++;
            continue;
        }
        size_t b = i;
        while (i < len && word_byte((unsigned char)text[i]))
            i++;
        if (nw == cap)
            w = xrealloc(w, (cap *= 2) * sizeof *w);
        char *raw = xstrndup(text + b, i - b);
        w[nw++] = (struct word){b, i, text_fold(raw)};
        free(raw);
    }
    struct buf out = {0};
    buf_puts(&out, "");
    size_t at = 0;
    for (size_t i = 0; i < nw;) {
        size_t k = 0;
        const char *ini = longest(n, text, w, nw, i, &k);
        if (!ini) {
            i++;
            continue;
        }
        buf_append(&out, text + at, w[i].b - at);
        buf_puts(&out, ini);
        at = w[i + k - 1].e;
        i += k;
    }
    buf_puts(&out, text + at);
    for (size_t i = 0; i < nw; i++)
        free(w[i].fold);
    free(w);
    return buf_steal(&out);
}
