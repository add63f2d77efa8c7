/* idset.c: a compact open-addressing set of ids, for duplicates and references within one file.
 *
 * An import keeps every id of its file here until its write ends (issue 19, point 5: memory).
 * The ids lie one after another in one buffer, each ending in its NUL, and a slot holds two
 * 32-bit numbers (where its id starts, the line it came from): about 8 bytes an id and 16 a
 * slot at most half full, where a string of its own and two pointer-sized slot fields took
 * about 64. */
#include <stdint.h>
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
    memset(s, 0, sizeof *s);
    s->cap = 64;
    s->slots = xcalloc(s->cap, sizeof *s->slots);
    s->lines = xcalloc(s->cap, sizeof *s->lines);
}

/* The id of a slot that holds one. */
static const char *slot_id(const struct idset *s, size_t j)
{
    return s->text.data + (s->slots[j] - 1);
}

static void grow(struct idset *s)
{
    size_t cap = s->cap * 2;
    uint32_t *slots = xcalloc(cap, sizeof *slots);
    uint32_t *lines = xcalloc(cap, sizeof *lines);
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->slots[i])
            continue;
        size_t j = hash(slot_id(s, i)) & (cap - 1);
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
        if (strcmp(slot_id(s, j), id) == 0)
            return s->lines[j] ? s->lines[j] : 1;
        j = (j + 1) & (s->cap - 1);
    }
    size_t len = strlen(id) + 1;
    if (s->text.len + len >= UINT32_MAX)
        xalloc_oom(); /* 4 GiB of ids: far beyond any map this import could fill */
    s->slots[j] = (uint32_t)(s->text.len + 1);
    s->lines[j] = line < UINT32_MAX ? (uint32_t)line : UINT32_MAX;
    buf_append(&s->text, id, len);
    s->n++;
    return 0;
}

bool idset_has(const struct idset *s, const char *id)
{
    size_t j = hash(id) & (s->cap - 1);
    while (s->slots[j]) {
        if (strcmp(slot_id(s, j), id) == 0)
            return true;
        j = (j + 1) & (s->cap - 1);
    }
    return false;
}

void idset_fini(struct idset *s)
{
    free(s->slots);
    free(s->lines);
    buf_fini(&s->text);
    s->slots = NULL;
    s->lines = NULL;
    s->n = s->cap = 0;
}
