/* measure.h: a wellbeing measure (the six domains of Positieve Gezondheid, each 1 to 5); pure functions. */
#ifndef WIJKTAFEL_MEASURE_H
#define WIJKTAFEL_MEASURE_H

#include <stdbool.h>

#define MEASURE_DOMAINS 6

/* The domains, in the order of a measure's scores: identifiers, as in the
 * report's CSV (never translated). */
extern const char *const measure_domains[MEASURE_DOMAINS];

/* Domain d as the interface names it: in full ("kwaliteit van leven") or in
 * one word ("kwaliteit"), in the interface's language. */
const char *measure_domain_label(int d);
const char *measure_domain_word(int d);

enum measure_phase { MEASURE_START, MEASURE_CLOSE };

/* Scores 1..5 per domain; 0 where not scored. */
struct measure {
    int score[MEASURE_DOMAINS];
};

/* Parses six scores separated by spaces, each 1-5 or "-" (not scored), for
 * example "3 2 4 - 2 3". 0, or -1 for anything else. */
int measure_parse(const char *s, struct measure *out);

/* Writes the six scores as measure_parse reads them ("-" for not scored). */
void measure_format(const struct measure *m, char out[16]);

/* True when no domain is scored. */
bool measure_empty(const struct measure *m);

#endif
