/* par.h: work on items done by helper threads while the caller goes on (store-internal).
 *
 * The caller hands items over one by one (par_add); helpers take them in
 * the order they came and run fn on each, on their own thread; the caller
 * gets an item's result with par_need, which does the item itself when no
 * helper has taken it yet. So the results come in whatever order the caller
 * needs them, and with no helper at all (one CPU, or a thread that could
 * not be started) everything is done in par_need, on the caller's thread.
 *
 * fn must touch nothing the caller changes meanwhile: in the store, it
 * seals or opens bytes with keys that stay put, and never calls LMDB. */
#ifndef WIJKTAFEL_PAR_H
#define WIJKTAFEL_PAR_H

#include <stddef.h>

struct par;
typedef void *(*par_fn)(void *ctx, void *in);

/* A queue with as many helpers as par_helpers() says. thread_end (or NULL)
 * runs on each helper before it ends (to wipe what it kept). */
struct par *par_new(par_fn fn, void *ctx, void (*thread_end)(void));
/* Adds an item; returns its index (0, 1, ...). The helpers may take it at
 * once, so in must be ready. */
size_t par_add(struct par *p, void *in);
/* Adds an item done by fn(ctx, in) instead of the queue's fn. */
size_t par_add_job(struct par *p, par_fn fn, void *ctx, void *in);
/* How many items have been added. */
size_t par_count(const struct par *p);
/* The result of item i, done here if no helper has taken it. */
void *par_need(struct par *p, size_t i);
/* Stops the helpers (each finishes the item it has) and frees the queue;
 * for every item that was done, free_out (or NULL) gets its result. */
void par_free(struct par *p, void (*free_out)(void *ctx, void *out));

/* The number of helper threads a queue gets: the CPUs online less one, at
 * most 3; par_set_helpers overrides it (-1: back to that), for benchmarks
 * and tests. */
int par_helpers(void);
void par_set_helpers(int n);

#endif
