/* words.h: the interface language, and one Dutch and one English word for every stored code. */
#ifndef WIJKTAFEL_WORDS_H
#define WIJKTAFEL_WORDS_H

#include <stddef.h>

enum wt_lang { WT_LANG_NL, WT_LANG_EN };

/* Sets the language of words and dates shown to people (main does, from --lang).
 * The default is Dutch. */
void words_set_lang(enum wt_lang lang);

/* The language set by words_set_lang. */
enum wt_lang words_lang(void);

/* The word people read for a stored code in the current language. domain names
 * where the code is stored: "members.role", "cases.status", "signals.status",
 * "actions.status", "resources.kind", "resources.capacity", "resources.access",
 * "outcome" (worked, failed, dropped), "measure" (the six domain identifiers).
 * A number of free places ("3") reads "3 vrij". An unknown domain or code
 * returns code itself (NULL gives ""); the result is static or code. */
const char *words_of(const char *domain, const char *code);

/* The stored code that a person's word (either language, any case) stands for
 * in domain, or the code itself when word is a code of domain; NULL when it is
 * neither. */
const char *words_code(const char *domain, const char *word);

/* The codes of domain in table order, NULL-terminated (static); NULL for an
 * unknown domain. */
const char *const *words_codes(const char *domain);

/* Writes the ';'-list list (codes of domain, or plain values when domain is
 * NULL) as people read it: words separated by ", ". Returns out (always
 * NUL-terminated, cut at a character boundary when it does not fit). */
char *words_list(const char *domain, const char *list, char *out, size_t n);

/* Writes a case's chosen options (cases.chosen: "r-eetcafe+t-rijder:worked;t-bram")
 * as people read them: "r-eetcafe + t-rijder (gewerkt), t-bram". Returns out,
 * cut as words_list cuts. */
char *words_chosen(const char *chosen, char *out, size_t n);

#endif
