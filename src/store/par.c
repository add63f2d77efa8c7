/* par.c: items done by helper threads while the caller goes on (see par.h). */
#include "par.h"

#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "wijktafel/xalloc.h"

#define MAX_HELPERS 3
#define BLOCK 4096
#define MAX_BLOCKS 16384 /* 67 million items */

enum { WAITING, TAKEN, DONE };

struct slot {
    par_fn fn; /* NULL: the queue's */
    void *ctx;
    void *in;
    void *out;
    atomic_int state;
};

struct par {
    par_fn fn;
    void *ctx;
    void (*thread_end)(void);
    struct slot **blocks; /* MAX_BLOCKS pointers, filled as items come */
    atomic_size_t count;  /* items added */
    atomic_size_t next;   /* the next item for a helper to take */
    atomic_int sleeping;  /* helpers waiting for items */
    atomic_bool stop;
    pthread_mutex_t mu;
    pthread_cond_t more;
    pthread_t threads[MAX_HELPERS];
    int nthreads;
};

static atomic_int helpers_override = -1;

int par_helpers(void)
{
    int o = atomic_load(&helpers_override);
    if (o >= 0)
        return o < MAX_HELPERS ? o : MAX_HELPERS;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    if (cpus <= 1)
        return 0;
    return cpus - 1 < MAX_HELPERS ? (int)cpus - 1 : MAX_HELPERS;
}

void par_set_helpers(int n)
{
    atomic_store(&helpers_override, n);
}

static struct slot *slot_of(const struct par *p, size_t i)
{
    return &p->blocks[i / BLOCK][i % BLOCK];
}

/* Does item i unless somebody else took it first. */
static void run(struct par *p, size_t i)
{
    struct slot *s = slot_of(p, i);
    int expect = WAITING;
    if (!atomic_compare_exchange_strong(&s->state, &expect, TAKEN))
        return;
    s->out = s->fn ? s->fn(s->ctx, s->in) : p->fn(p->ctx, s->in);
    atomic_store_explicit(&s->state, DONE, memory_order_release);
}

/* Takes the next item in order, if there is one; false when none. */
static bool take_next(struct par *p)
{
    size_t i = atomic_load(&p->next);
    while (i < atomic_load(&p->count)) {
        if (atomic_compare_exchange_weak(&p->next, &i, i + 1)) {
            run(p, i);
            return true;
        }
    }
    return false;
}

static void *helper(void *arg)
{
    struct par *p = arg;
    while (!atomic_load(&p->stop)) {
        if (take_next(p))
            continue;
        pthread_mutex_lock(&p->mu);
        atomic_fetch_add(&p->sleeping, 1);
        /* Looked at again with the lock held: par_add signals under it. */
        if (!atomic_load(&p->stop) && atomic_load(&p->next) >= atomic_load(&p->count))
            pthread_cond_wait(&p->more, &p->mu);
        atomic_fetch_sub(&p->sleeping, 1);
        pthread_mutex_unlock(&p->mu);
    }
    if (p->thread_end)
        p->thread_end();
    return NULL;
}

struct par *par_new(par_fn fn, void *ctx, void (*thread_end)(void))
{
    struct par *p = xcalloc(1, sizeof *p);
    p->fn = fn;
    p->ctx = ctx;
    p->thread_end = thread_end;
    p->blocks = xcalloc(MAX_BLOCKS, sizeof(struct slot *));
    atomic_init(&p->count, 0);
    atomic_init(&p->next, 0);
    atomic_init(&p->sleeping, 0);
    atomic_init(&p->stop, false);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->more, NULL);
    /* Helpers take no signals: the caller's handlers (the screen's resize,
     * Ctrl-C) stay with the caller's thread. */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int want = par_helpers();
    for (int i = 0; i < want; i++) {
        if (pthread_create(&p->threads[p->nthreads], NULL, helper, p) != 0)
            break; /* fewer helpers; par_need does the rest */
        p->nthreads++;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return p;
}

size_t par_add(struct par *p, void *in)
{
    return par_add_job(p, NULL, NULL, in);
}

size_t par_add_job(struct par *p, par_fn fn, void *ctx, void *in)
{
    size_t i = atomic_load_explicit(&p->count, memory_order_relaxed);
    if (i / BLOCK >= MAX_BLOCKS)
        abort(); /* far beyond any import (see MAX_BLOCKS) */
    if (!p->blocks[i / BLOCK])
        p->blocks[i / BLOCK] = xcalloc(BLOCK, sizeof(struct slot));
    struct slot *s = slot_of(p, i);
    s->fn = fn;
    s->ctx = ctx;
    s->in = in;
    atomic_init(&s->state, WAITING);
    atomic_store(&p->count, i + 1);
    if (atomic_load(&p->sleeping) > 0) {
        pthread_mutex_lock(&p->mu);
        pthread_cond_signal(&p->more);
        pthread_mutex_unlock(&p->mu);
    }
    return i;
}

size_t par_count(const struct par *p)
{
    return atomic_load(&p->count);
}

void *par_need(struct par *p, size_t i)
{
    struct slot *s = slot_of(p, i);
    run(p, i);
    while (atomic_load_explicit(&s->state, memory_order_acquire) != DONE) {
        /* A helper has it: do a later item meanwhile, or let it run. */
        if (!take_next(p))
            sched_yield();
    }
    return s->out;
}

void par_free(struct par *p, void (*free_out)(void *ctx, void *out))
{
    if (!p)
        return;
    pthread_mutex_lock(&p->mu);
    atomic_store(&p->stop, true);
    pthread_cond_broadcast(&p->more);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->nthreads; i++)
        pthread_join(p->threads[i], NULL);
    size_t n = atomic_load(&p->count);
    for (size_t i = 0; i < n; i++) {
        struct slot *s = slot_of(p, i);
        if (free_out && atomic_load(&s->state) == DONE)
            free_out(p->ctx, s->out);
    }
    for (size_t b = 0; b < MAX_BLOCKS && p->blocks[b]; b++)
        free(p->blocks[b]);
    free(p->blocks);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->more);
    free(p);
}
