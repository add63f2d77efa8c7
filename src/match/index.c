/* index.c: finishing the corpus: rarity weights, outcome history and the inverted indexes. */
#include <libstemmer.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "match_int.h"

/* Builds term -> item postings from the idlist at byte offset field of n
 * items of size stride starting at base. Items appear in index order. */
static void build_postings(struct match_postings *p, uint32_t nterms, const void *base,
                           size_t stride, size_t n, size_t field, const uint32_t *order)
{
    p->off = xcalloc((size_t)nterms + 2, sizeof *p->off);
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        const struct match_idlist *l = (const void *)((const char *)base + i * stride + field);
        for (uint32_t k = 0; k < l->n; k++)
            p->off[l->ids[k] + 1]++;
        total += l->n;
    }
    for (uint32_t t = 0; t <= nterms; t++)
        p->off[t + 1] += p->off[t];
    p->items = xmalloc((total ? total : 1) * sizeof *p->items);
    uint32_t *fill = xmalloc(((size_t)nterms + 1) * sizeof *fill);
    memcpy(fill, p->off, ((size_t)nterms + 1) * sizeof *fill);
    for (size_t j = 0; j < n; j++) {
        size_t i = order ? order[j] : j;
        const struct match_idlist *l = (const void *)((const char *)base + i * stride + field);
        for (uint32_t k = 0; k < l->n; k++)
            p->items[fill[l->ids[k]]++] = (uint32_t)i;
    }
    free(fill);
}

struct case_key {
    uint32_t p1, p2;
    int32_t opened;
    uint32_t idx;
};

/* qsort order of case keys: municipality, village, opening date, index. */
static int cmp_case_key(const void *a, const void *b)
{
    const struct case_key *x = a, *y = b;
    if (x->p1 != y->p1)
        return x->p1 < y->p1 ? -1 : 1;
    if (x->p2 != y->p2)
        return x->p2 < y->p2 ? -1 : 1;
    if (x->opened != y->opened)
        return x->opened < y->opened ? -1 : 1;
    return (x->idx > y->idx) - (x->idx < y->idx);
}

/* Case postings ordered by district (first two area parts) and opening
 * date, so that a district's window of 8 weeks is one binary search. */
static void build_case_postings(struct match_corpus *c)
{
    struct case_key *keys = xmalloc((c->ncases ? c->ncases : 1) * sizeof *keys);
    for (size_t i = 0; i < c->ncases; i++) {
        const struct match_case *k = &c->cases[i];
        keys[i] = (struct case_key){k->area.depth > 0 ? k->area.part[0] : 0,
                                    k->area.depth > 1 ? k->area.part[1] : 0, k->opened,
                                    (uint32_t)i};
    }
    qsort(keys, c->ncases, sizeof *keys, cmp_case_key);
    uint32_t *order = xmalloc((c->ncases ? c->ncases : 1) * sizeof *order);
    for (size_t i = 0; i < c->ncases; i++)
        order[i] = keys[i].idx;
    build_postings(&c->case_by_need, c->nterms, c->cases, sizeof *c->cases, c->ncases,
                   offsetof(struct match_case, needs), order);
    free(order);
    free(keys);
}

/* Rarity of a term held by df of n records: 1 when only one holds it, down
 * towards 0 when all do (a smoothed inverse document frequency). */
static double rarity(uint32_t df, uint32_t n)
{
    if (df == 0 || n < 2)
        return 1.0;
    double r = log(1.0 + (double)n / df) / log(1.0 + n);
    return r > 1.0 ? 1.0 : r;
}

/* Points per need and per word from their document frequencies. */
static void compute_weights(struct match_corpus *c)
{
    size_t n = (size_t)c->nterms + 1;
    c->need_w = xcalloc(n, sizeof *c->need_w);
    c->word_w = xcalloc(n, sizeof *c->word_w);
    for (uint32_t t = 1; t <= c->nterms; t++) {
        uint32_t df = c->df[t];
        char ns = c->dict.keys[t][0];
        if (ns == NS_NEED) {
            c->need_w[t] = (float)(W_NEED * (1.0 + rarity(df, c->ndocs_needs)));
        } else if (ns == NS_WORD) {
            /* In a large map, a word that half the entries use tells nothing. */
            bool common = c->ndocs_words >= 20 && df > WORD_MAX_DF_SHARE * c->ndocs_words;
            c->word_w[t] = common ? 0.0f : (float)(W_WORD * rarity(df, c->ndocs_words));
        }
    }
}

/* qsort order of choices: by option, then by case. */
static int cmp_choice(const void *a, const void *b)
{
    const struct match_choice *x = a, *y = b;
    if (x->hist != y->hist)
        return x->hist < y->hist ? -1 : 1;
    return (x->case_key > y->case_key) - (x->case_key < y->case_key);
}

/* History points from outcome counts: W_HISTORY times (success rate with
 * one imagined success and failure - 0.5), where an outcome read from the
 * measures counts W_MEASURED, plus W_PENDING when an outcome is still open. */
double match_history_points(const struct match_counts *k)
{
    double worked = k->worked + W_MEASURED * k->mworked;
    double n = worked + k->failed + W_MEASURED * k->mfailed, pts = 0.0;
    if (n > 0) /* success rate with one imagined success and one failure */
        pts = W_HISTORY * ((worked + 1.0) / (n + 2.0) - 0.5);
    return k->pending > 0 ? pts + W_PENDING : pts;
}

/* Bounds for skipping options (see match_corpus.bound_extra). Taking a
 * case's own choices out lowers the counts; with no failures left the
 * history is at its highest. */
static void compute_bounds(struct match_corpus *c)
{
    size_t n = c->nopts ? c->nopts : 1;
    c->bound_extra = xmalloc(n * sizeof *c->bound_extra);
    c->bound_factor = xmalloc(n * sizeof *c->bound_factor);
    c->bound_access = xmalloc(n * sizeof *c->bound_access);
    for (size_t i = 0; i < c->nopts; i++) {
        const struct match_opt *o = &c->opts[i];
        const struct match_counts best = {.worked = o->worked, .mworked = o->mworked,
                                          .pending = o->pending};
        double extra = W_AREA_BUURT + match_history_points(&best);
        if (o->age_min >= 0 || o->age_max >= 0)
            extra += W_AGE_FIT;
        double factor = o->full ? F_FULL : 1.0;
        if (o->type == MATCH_RESOURCE &&
            (o->checked == INT32_MIN || c->today - o->checked > STALE_DAYS))
            factor *= F_STALE;
        uint8_t b = 0;
        if (o->type == MATCH_RESOURCE) {
            if (o->access & ACCESS_TRANSPORT)
                b |= BOUND_TRANSPORT;
            if (!o->buddy)
                b |= BOUND_PLACE;
            if (!o->buddy && (o->access & ACCESS_WHEELCHAIR))
                b |= BOUND_WHEELCHAIR;
        }
        c->bound_extra[i] = (float)extra;
        c->bound_factor[i] = (float)factor;
        c->bound_access[i] = b;
    }
}

/* Sorts the choices by option, and gives each option its range of them
 * and its outcome counts over all places (for the bounds). */
static void attach_history(struct match_corpus *c)
{
    if (c->nchoices)
        qsort(c->choices, c->nchoices, sizeof *c->choices, cmp_choice);
    for (size_t i = 0; i < c->nopts; i++) {
        struct match_opt *o = &c->opts[i];
        uint32_t h = match_dict_lookup(&c->dict, NS_HIST, o->id, strlen(o->id));
        o->hist_key = h;
        if (h && h < c->caphist) {
            o->worked = c->hist[h].worked;
            o->failed = c->hist[h].failed;
            o->pending = c->hist[h].pending;
            o->mworked = c->hist[h].mworked;
            o->mfailed = c->hist[h].mfailed;
        }
        struct match_choice key = {.hist = h};
        size_t lo = 0, hi = c->nchoices;
        while (h && lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (cmp_choice(&c->choices[mid], &key) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        size_t end = lo;
        while (h && end < c->nchoices && c->choices[end].hist == h)
            end++;
        o->choice_lo = (uint32_t)lo;
        o->choice_hi = (uint32_t)(h ? end : lo);
    }
}

/* Computes weights, history, bounds and the inverted indexes; frees the
 * stemmer. A second call does nothing. Required before match_rank. */
void match_corpus_finish(struct match_corpus *c)
{
    if (c->finished)
        return;
    c->finished = true;
    c->nterms = c->dict.n;
    match_grow_zeroed((void **)&c->df, &c->capdf, c->nterms, sizeof *c->df);
    match_grow_zeroed((void **)&c->hist, &c->caphist, c->nterms, sizeof *c->hist);
    compute_weights(c);
    attach_history(c);
    const size_t so = sizeof *c->opts;
    build_postings(&c->by_need, c->nterms, c->opts, so, c->nopts,
                   offsetof(struct match_opt, needs), NULL);
    build_postings(&c->by_interest, c->nterms, c->opts, so, c->nopts,
                   offsetof(struct match_opt, interests), NULL);
    build_postings(&c->by_word, c->nterms, c->opts, so, c->nopts,
                   offsetof(struct match_opt, words), NULL);
    build_case_postings(c);
    compute_bounds(c);
    sb_stemmer_delete(c->stemmer);
    c->stemmer = NULL;
}

/* Frees a posting table (NULL arrays are fine). */
static void postings_fini(struct match_postings *p)
{
    free(p->off);
    free(p->items);
}

/* Frees the corpus and all it holds; NULL is a no-op. */
void match_corpus_free(struct match_corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->nopts; i++) {
        free(c->opts[i].name);
        free(c->opts[i].needs.ids);
        free(c->opts[i].interests.ids);
        free(c->opts[i].words.ids);
    }
    for (size_t i = 0; i < c->ncases; i++) {
        free(c->cases[i].label);
        free(c->cases[i].needs.ids);
    }
    free(c->opts);
    free(c->cases);
    free(c->region.ids);
    free(c->df);
    free(c->hist);
    free(c->choices);
    for (size_t i = 0; i < c->nchoice_needs; i++)
        free(c->choice_needs[i].ids);
    free(c->choice_needs);
    free(c->need_w);
    free(c->word_w);
    free(c->bound_extra);
    free(c->bound_factor);
    free(c->bound_access);
    postings_fini(&c->by_need);
    postings_fini(&c->by_interest);
    postings_fini(&c->by_word);
    postings_fini(&c->case_by_need);
    if (c->stemmer)
        sb_stemmer_delete(c->stemmer);
    match_dict_fini(&c->dict);
    free(c);
}
