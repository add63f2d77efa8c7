/* tags.h: ';'-separated lists of tags, and the shared vocabulary. */
#ifndef WIJKTAFEL_TAGS_H
#define WIJKTAFEL_TAGS_H

#include <stdbool.h>
#include <stddef.h>

/* A list of strings. */
struct taglist {
    char **items;
    size_t n;
};

/* Splits a ';'-list into trimmed, non-empty items (as written). */
void tags_split(const char *s, struct taglist *out);

/* Like tags_split, but each item folded with text_fold_tag. */
void tags_split_folded(const char *s, struct taglist *out);

/* True when the folded list holds the folded tag. */
bool tags_has(const struct taglist *l, const char *folded_tag);

void tags_fini(struct taglist *l);

/* The shared vocabulary of FORMATS.md, NULL-terminated. */
extern const char *const tags_needs_vocabulary[];
extern const char *const tags_interests_vocabulary[];

#endif
