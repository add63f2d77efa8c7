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

/* An id made from a person's name, as a first start or a new member gets
 * one: accents dropped ("Béatrix" as "beatrix"), lower-case letters and
 * digits, every other run as one dash, at most max bytes (max < 64). An
 * empty string when the name has no letter or digit. Caller frees. */
char *text_id_of_name(const char *name, size_t max);

/* Like text_fold, but keeps accents: NFC and case folding only. Used for
 * tags, where FORMATS.md asks normalisation and case folding. */
char *text_fold_tag(const char *s);

/* A copy of s that is safe to draw on a terminal: control characters,
 * escape sequences, C1 codes and bidirectional controls become U+FFFD;
 * invalid UTF-8 bytes become U+FFFD; newlines become spaces unless
 * keep_newlines. The caller frees. */
char *text_inert(const char *s, bool keep_newlines);

/* Appends s[0..n) to out for a terminal: like text_inert, but byte by byte
 * (NUL and invalid UTF-8 become U+FFFD) and keeping line breaks and tabs,
 * which carry the layout of what a command prints. */
struct buf;
void text_inert_append(struct buf *out, const char *s, size_t n);

/* A copy of json (the text of a JSON document, as jansson writes it) with
 * every DEL, C1 control, bidirectional control and hiding format character
 * written as a \u escape. They can only occur inside strings, so the
 * document means the same; jansson itself escapes only C0. Caller frees. */
char *text_json_escape(const char *json);

/* A copy of s with leading and trailing ASCII white space removed. */
char *text_trim(const char *s);

/* A copy of s (valid UTF-8) of at most max characters (whole grapheme
 * clusters), its first line only; when it was cut, it ends at the last space
 * in its second half (if any) and with "…" (counted in max). Caller frees. */
char *text_cut(const char *s, size_t max);

/* Which of n entries a person meant by typed (a name or an id), compared
 * after text_fold, so case and accents do not matter: an id equal to typed,
 * else a name equal to it, else the only name that has the typed words as
 * whole words in order ("noor" is Noor Haddou rather than Noortje), else the
 * only name with words that start so ("jel", "noor h"). ids may be NULL. Returns the
 * index, -1 when nothing matches, -2 when more than one does. */
int text_pick(const char *typed, const char *const *ids, const char *const *names, size_t n);

/* True when the folded words of typed start words of name, in order (words
 * are separated by spaces, and by / in an area path; the match text_pick
 * uses; also for completion lists). */
bool text_words_match(const char *typed, const char *name);

#endif
