/* codewords.h: codes made of Dutch words (one-time codes, the recovery code). */
#ifndef WIJKTAFEL_CODEWORDS_H
#define WIJKTAFEL_CODEWORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "wijktafel/xalloc.h"

#define CODEWORDS_COUNT 2048u /* words in the list */
#define CODEWORDS_BITS 11u    /* bits of chance per word */

/* The word at index (0 .. CODEWORDS_COUNT-1), or NULL past the end. */
const char *codewords_word(unsigned index);

/* The index of word (lower case, exactly as listed), or -1. */
int codewords_index(const char *word);

/* Whether word was in the list once and was taken out (rude, hurtful or
 * grim): codewords_make never writes it, codewords_normalize still reads it,
 * so that a code made before keeps working. */
bool codewords_retired(const char *word);

/* Appends nwords words chosen by the bits of random (11 bits each, at least
 * ceil(nwords * 11 / 8) bytes of it), separated by one space, to out. */
void codewords_make(const unsigned char *random, size_t nbytes, unsigned nwords,
                    struct buf *out);

/* Appends the code typed as in to out in the form codewords_make writes it:
 * words separated by spaces, dashes, commas or dots, in any case, joined by
 * one space. 0, or -1 when in is not nwords words of the list or retired
 * words (out may then hold part of it). */
int codewords_normalize(const char *in, unsigned nwords, struct buf *out);

#endif
