/* idset.c: a small open-addressing set of ids, for duplicates and references within one file. */
#include <stdlib.h>
#include <string.h>

#include "app_int.h"

static size_t hash(const char *s)
{
    size_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

void idset_init(struct idset *s)
{
    s->cap = 64;
    s->n = 0;
    s->slots = xcalloc(s->cap, sizeof *s->slots);
    s->lines = xcalloc(s->cap, sizeof *s->lines);
}

static void grow(struct idset *s)
{
    size_t cap = s->cap * 2;
    char **slots = xcalloc(cap, sizeof *slots);
    size_t *lines = xcalloc(cap, sizeof *lines);
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->slots[i])
            continue;
        size_t j = hash(s->slots[i]) & (cap - 1);
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = s->slots[i];
        lines[j] = s->lines[i];
    }
    free(s->slots);
    free(s->lines);
    s->slots = slots;
    s->lines = lines;
    s->cap = cap;
}

size_t idset_add(struct idset *s, const char *id, size_t line)
{
    if ((s->n + 1) * 2 > s->cap)
        grow(s);
    size_t j = hash(id) & (s->cap - 1);
    while (s->slots[j]) {
        if (strcmp(s->slots[j], id) == 0)
            return s->lines[j] ? s->lines[j] : 1;
        j = (j + 1) & (s->cap - 1);
    }
    s->slots[j] = xstrdup(id);
    s->lines[j] = line;
    s->n++;
    return 0;
}

bool idset_has(const struct idset *s, const char *id)
{
    size_t j = hash(id) & (s->cap - 1);
    while (s->slots[j]) {
        if (strcmp(s->slots[j], id) == 0)
            return true;
        j = (j + 1) & (s->cap - 1);
    }
    return false;
}

void idset_fini(struct idset *s)
{
    for (size_t i = 0; i < s->cap; i++)
        free(s->slots[i]);
    free(s->slots);
    free(s->lines);
    s->slots = NULL;
    s->lines = NULL;
    s->n = s->cap = 0;
}
