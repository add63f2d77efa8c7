/* bench_gen.h: a deterministic synthetic social map and case load for the ranking benchmark. */
#ifndef WT_BENCH_GEN_H
#define WT_BENCH_GEN_H

#include <stddef.h>
#include <stdint.h>

#include "wijktafel/record.h"

struct bench_data {
    struct wt_record *resources, *talents, *cases;
    size_t nresources, ntalents, ncases;
    int32_t today;
};

/* Generates the data from seed: Dutch-like words, one municipality with 6
 * villages of 5 neighbourhoods, needs and interests from the shared
 * vocabulary, closed cases with outcomes. Same seed, same data. */
void bench_generate(struct bench_data *d, size_t nresources, size_t ntalents, size_t ncases,
                    uint64_t seed);

void bench_data_fini(struct bench_data *d);

#define BENCH_LIMIT 10

/* The ids of one case's best options. */
struct bench_top {
    char id[BENCH_LIMIT][WT_MAX_ID + 1];
};

/* bench_sqlite.c: loads d into an in-memory SQLite database (tables,
 * indexes, an FTS5 table over stemmed words), then ranks the cases
 * d->cases[pick[k]] with one SQL query each, storing milliseconds in
 * times[k]. Returns how many of the best BENCH_LIMIT ids agree with top[k]
 * on average. */
double bench_sqlite(const struct bench_data *d, const size_t *pick, size_t np, double *times,
                    const struct bench_top *top);

#endif
