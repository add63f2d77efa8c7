/* text.h: UTF-8 validation, Unicode folding for comparisons, inert text for display. */
#ifndef WIJKTAFEL_TEXT_H
#define WIJKTAFEL_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..n) is valid UTF-8 without NUL bytes. */
bool text_valid_utf8(const char *s, size_t n);

/* NFKC, case-folded, accent-insensitive copy of s (valid UTF-8) for
 * comparisons and search keys: "Cliënt", "cliënt", "CLIËNT" and "client"
 * fold alike. Returns a string the caller frees; NULL when s is not valid UTF-8. */
char *text_fold(const char *s);

/* Like text_fold, but keeps accents: NFC and case folding only. Used for
 * tags, where FORMATS.md asks normalisation and case folding. */
char *text_fold_tag(const char *s);

/* A copy of s that is safe to draw on a terminal: control characters,
 * escape sequences, C1 codes and bidirectional controls become U+FFFD;
 * invalid UTF-8 bytes become U+FFFD; newlines become spaces unless
 * keep_newlines. The caller frees. */
char *text_inert(const char *s, bool keep_newlines);

/* A copy of s with leading and trailing ASCII white space removed. */
char *text_trim(const char *s);

#endif
