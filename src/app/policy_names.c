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
    /* The stored dictionary's shards as read (policy_dict.c), searched in
     * place: each line's key and initials made strings, at[] their starts. */
    struct {
        char *text;
        size_t *at, n;
    } shard[POLICY_SHARDS];
    size_t nshard; /* lines in all shards */
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

/* The initials of key in a shard: the first line with that key (lines are
 * sorted by key, then initials), or NULL. */
static const char *shard_lookup(const struct policy_names *n, const char *key)
{
    int s = policy_shard_of(key);
    const char *text = n->shard[s].text;
    size_t lo = 0, hi = n->shard[s].n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(text + n->shard[s].at[mid], key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < n->shard[s].n && strcmp(text + n->shard[s].at[lo], key) == 0) {
        const char *k = text + n->shard[s].at[lo];
        return k + strlen(k) + 1;
    }
    return NULL;
}

static const char *lookup(const struct policy_names *n, const char *key)
{
    if (n->nshard) {
        const char *ini = shard_lookup(n, key);
        if (ini)
            return ini;
    }
    if (!n->cap)
        return NULL;
    for (size_t i = str_hash(key) & (n->cap - 1); n->keys[i]; i = (i + 1) & (n->cap - 1))
        if (strcmp(n->keys[i], key) == 0)
            return n->initials[i];
    return NULL;
}

int policy_shard_of(const char *key)
{
    unsigned char c = (unsigned char)key[0];
    return c >= 'a' && c <= 'z' ? c - 'a' : POLICY_SHARDS - 1;
}

bool policy_names_take_shard(struct policy_names *n, int s, char *text)
{
    free(n->shard[s].text);
    free(n->shard[s].at);
    n->nshard -= n->shard[s].n;
    size_t cap = 64, nl = 0;
    size_t *at = xmalloc(cap * sizeof *at);
    /* "key\tinitials\tcount\n": key and initials become strings in place. */
    bool whole = true;
    for (char *p = text; *p;) {
        char *t1 = strchr(p, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        char *nl_at = t2 ? strchr(t2 + 1, '\n') : NULL;
        if (!nl_at) {
            whole = false; /* not a line of the dictionary */
            break;
        }
        *t1 = *t2 = '\0';
        size_t words = 1;
        for (const char *c = p; *c; c++)
            words += *c == ' ';
        if (words > n->max_words)
            n->max_words = words;
        if (nl == cap)
            at = xrealloc(at, (cap *= 2) * sizeof *at);
        at[nl++] = (size_t)(p - text);
        p = nl_at + 1;
    }
    n->shard[s].text = text;
    n->shard[s].at = at;
    n->shard[s].n = nl;
    n->nshard += nl;
    return whole;
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

/* Words w[i..j) of a name, folded and joined, and their initials, to fn. */
static void add_part(char *const *w, size_t i, size_t j, policy_part_fn fn, void *ctx)
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
     * a number (a house number, "Bewoner 17" in test data). A tab or a line
     * break cannot be in a name part (the stored dictionary separates by them). */
    bool letter = false;
    for (const char *c = key.data; *c && !letter; c++)
        letter = (*c >= 'a' && *c <= 'z') || (unsigned char)*c >= 0x80;
    if (key.len >= 2 && letter && !strpbrk(key.data, "\t\n")) {
        char *ini = policy_initials(raw.data, i > 0);
        fn(ctx, key.data, ini, j - i);
        free(ini);
    }
    buf_fini(&key);
    buf_fini(&raw);
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

void policy_name_parts(const char *name, policy_part_fn fn, void *ctx)
{
    char *w[MAX_NAME_WORDS];
    size_t nw = split_words(name ? name : "", w, MAX_NAME_WORDS);
    if (nw == 0)
        return;
    add_part(w, 0, nw, fn, ctx); /* the full name */
    for (size_t i = 0; i < nw; i++) {
        bool particle = i > 0 && i + 1 < nw && policy_is_particle(w[i]);
        if (!particle)
            add_part(w, i, i + 1, fn, ctx); /* a first name, a surname */
        else if (i == 1 || !policy_is_particle(w[i - 1]))
            add_part(w, i, nw, fn, ctx); /* the surname with its particles */
    }
    for (size_t i = 0; i < nw; i++)
        free(w[i]);
}

static void put_part(void *ctx, const char *key, const char *ini, size_t words)
{
    struct policy_names *n = ctx;
    if (words > n->max_words)
        n->max_words = words;
    put(n, xstrdup(key), xstrdup(ini));
}

void policy_names_add(struct policy_names *n, const char *name)
{
    policy_name_parts(name, put_part, n);
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
    for (int s = 0; s < POLICY_SHARDS; s++) {
        free(n->shard[s].text);
        free(n->shard[s].at);
    }
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
    if (!n || (!n->n && !n->nshard))
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
