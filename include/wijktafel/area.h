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

#endif
