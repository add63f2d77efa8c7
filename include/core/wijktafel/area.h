/* area.h: areas as paths from large to small ("Gemeente/Dorp/Buurt"). */
#ifndef WIJKTAFEL_AREA_H
#define WIJKTAFEL_AREA_H

#include <stdbool.h>

/* True when s is a non-empty path of non-empty parts separated by '/'. */
bool area_valid(const char *s);

/* The number of parts of the area. */
int area_depth(const char *s);

/* The number of leading parts a and b share (compared after folding). */
int area_shared(const char *a, const char *b);

/* True when area a lies within (or is) area b. */
bool area_within(const char *a, const char *b);

#include <stddef.h>

/* Which of the n known values (areas, or tags when parts is false) a person
 * most likely meant by typed, compared after folding (case and accents do not
 * matter): one equal to it; else an area that ends with the typed parts
 * ("Molenwijk" is "Veenwaard/Molenwijk"), the shallowest first; else the one
 * with the fewest edits in its last part, if that is at most a third of its
 * length (at least 1). Sets *same when the match is equal to typed. Returns
 * the index, or -1 when nothing is close. */
int area_closest(const char *typed, const char *const *known, size_t n, bool parts, bool *same);

#endif
