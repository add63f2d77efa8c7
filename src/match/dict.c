/* dict.c: interning of tags, word stems and area parts as small integer ids. */
#include <stdlib.h>
#include <string.h>

#include "match_int.h"

/* FNV-1a over the namespace byte and the string. */
static uint32_t hash_key(char ns, const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    h = (h ^ (unsigned char)ns) * 16777619u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* True when the stored key is ns followed by exactly s[0..len). */
static bool key_equal(const char *key, char ns, const char *s, size_t len)
{
    return key[0] == ns && strncmp(key + 1, s, len) == 0 && key[len + 1] == '\0';
}

/* Initialises an empty dictionary. */
void match_dict_init(struct match_dict *d)
{
    d->cap = 1024;
    d->slots = xcalloc(d->cap, sizeof *d->slots);
    d->keys = xmalloc(d->cap * sizeof *d->keys);
    d->hash = xmalloc(d->cap * sizeof *d->hash);
    d->keys[0] = NULL;
    d->hash[0] = 0;
    d->n = 0;
}

/* Frees everything the dictionary holds; d may then be initialised again. */
void match_dict_fini(struct match_dict *d)
{
    for (uint32_t i = 1; i <= d->n; i++)
        free(d->keys[i]);
    free(d->keys);
    free(d->hash);
    free(d->slots);
    memset(d, 0, sizeof *d);
}

/* The slot holding ns+s, or the empty slot where it would go. */
static size_t find_slot(const struct match_dict *d, uint32_t h, char ns, const char *s,
                        size_t len)
{
    size_t mask = d->cap - 1, i = h & mask;
    for (;;) {
        uint32_t id = d->slots[i];
        if (id == 0 || (d->hash[id] == h && key_equal(d->keys[id], ns, s, len)))
            return i;
        i = (i + 1) & mask;
    }
}

/* Doubles the table; keys and hashes arrays are sized with it (ids < cap/2). */
static void grow(struct match_dict *d)
{
    size_t cap = d->cap * 2;
    uint32_t *slots = xcalloc(cap, sizeof *slots);
    for (uint32_t id = 1; id <= d->n; id++) {
        size_t i = d->hash[id] & (cap - 1);
        while (slots[i])
            i = (i + 1) & (cap - 1);
        slots[i] = id;
    }
    free(d->slots);
    d->slots = slots;
    d->cap = cap;
    d->keys = xrealloc(d->keys, cap * sizeof *d->keys);
    d->hash = xrealloc(d->hash, cap * sizeof *d->hash);
}

/* The id of ns+s[0..len), added (copied) when new; ids start at 1. */
uint32_t match_dict_intern(struct match_dict *d, char ns, const char *s, size_t len)
{
    uint32_t h = hash_key(ns, s, len);
    size_t i = find_slot(d, h, ns, s, len);
    if (d->slots[i])
        return d->slots[i];
    /* Keep the load under one half. */
    if ((size_t)(d->n + 1) * 2 > d->cap) {
        grow(d);
        i = find_slot(d, h, ns, s, len);
    }
    uint32_t id = ++d->n;
    char *key = xmalloc(len + 2);
    key[0] = ns;
    memcpy(key + 1, s, len);
    key[len + 1] = '\0';
    d->keys[id] = key;
    d->hash[id] = h;
    d->slots[i] = id;
    return id;
}

/* The id of ns+s[0..len), or 0 when it was never interned. */
uint32_t match_dict_lookup(const struct match_dict *d, char ns, const char *s, size_t len)
{
    return d->slots[find_slot(d, hash_key(ns, s, len), ns, s, len)];
}
