/* rank.c: scoring resources and talents for one case through the inverted indexes, best first. */
#include <stdlib.h>
#include <string.h>

#include "match_int.h"

/* Evidence gathered from the postings for one option. */
struct acc {
    float need, words;
    uint8_t nstr;
    uint8_t seen;
};

/* x rounded to two decimals (half away from zero), never -0. */
double match_round(double x)
{
    double r = (double)(long long)(x * 100.0 + (x >= 0 ? 0.5 : -0.5)) / 100.0;
    return r == 0.0 ? 0.0 : r; /* no "-0.00" */
}

/* True when the sorted lists a and b have an id in common. */
static bool ids_meet(const struct match_idlist *a, const uint32_t *b, uint32_t nb)
{
    uint32_t i = 0, k = 0;
    while (i < a->n && k < nb) {
        if (a->ids[i] == b[k])
            return true;
        if (a->ids[i] < b[k])
            i++;
        else
            k++;
    }
    return false;
}

/* Area parts (0 to 3) a choice's case shares with the case of q. */
static int choice_shared(const struct match_query *q, const struct match_choice *ch)
{
    int k = 0;
    while (k < 3 && k < q->area.depth && q->area.part[k] && ch->part[k] == q->area.part[k])
        k++;
    return k;
}

/* Outcome history of option o for the case of q: the outcomes of other
 * cases in the same kern count fully, elsewhere in the municipality
 * F_HIST_GEMEENTE, farther not at all; and only cases that shared a need
 * with this one (all, when this case names no need). */
static void history(const struct match_query *q, const struct match_opt *o,
                    struct match_factors *f)
{
    struct match_counts w = {0};
    struct match_tally *n = &f->hist;
    f->hist_depth = 3;
    const struct match_corpus *c = q->c;
    for (uint32_t i = o->choice_lo; i < o->choice_hi; i++) {
        const struct match_choice *ch = &c->choices[i];
        if (ch->case_key == q->case_key && q->case_key)
            continue; /* an option does not recommend itself */
        int shared = choice_shared(q, ch);
        if (shared < 1)
            continue;
        if (q->needs.n && !ids_meet(&c->choice_needs[ch->needs], q->needs.sorted, q->needs.n))
            continue;
        double wt = shared >= 2 ? 1.0 : F_HIST_GEMEENTE;
        f->hist_depth = shared < f->hist_depth ? shared : f->hist_depth;
        switch (ch->outcome) {
        case OUTCOME_WORKED: w.worked += wt, n->worked++; break;
        case OUTCOME_FAILED: w.failed += wt, n->failed++; break;
        case OUTCOME_MWORKED: w.mworked += wt, n->mworked++; break;
        case OUTCOME_MFAILED: w.mfailed += wt, n->mfailed++; break;
        default: w.pending += wt, n->pending++; break;
        }
    }
    f->history = match_history_points(&w);
}

/* The nearest driving neighbour whose available time fits the option's
 * schedule (both known, sharing a part of the week), or -1. */
static int64_t driver_for(const struct match_query *q, const struct match_opt *o)
{
    for (int k = 0; k < q->ndrivers; k++)
        if (o->slots & q->c->opts[q->drivers[k]].slots)
            return q->drivers[k];
    return -1;
}

/* Mobility needs: whether the option answers them, brings transport, or a
 * neighbour can drive; fills transport, transport_credit and access. */
static void access_fit(const struct match_query *q, const struct match_opt *o,
                       struct match_factors *f)
{
    if (!q->nmob || o->type != MATCH_RESOURCE)
        return;
    double missing = 0.0;
    for (int k = 0; k < q->nmob; k++) {
        if (match_ids_has(o->needs.ids, o->needs.n, q->mob[k]))
            return; /* the option is itself about transport */
        missing += q->mob_w[k];
    }
    if (o->access & ACCESS_TRANSPORT) {
        f->transport = TRANSPORT_ENTRY;
        f->transport_credit = missing;
    } else if (o->buddy) {
        return; /* a buddy comes to the person */
    } else if ((f->driver = driver_for(q, o)) >= 0) {
        f->transport = TRANSPORT_DRIVER;
        f->transport_credit = F_DRIVER_CREDIT * missing;
    } else {
        f->transport = TRANSPORT_MISSING;
        f->access += W_NO_TRANSPORT;
    }
    if (!o->buddy && (o->access & ACCESS_WHEELCHAIR)) {
        f->wheelchair = true;
        f->access += W_WHEELCHAIR;
    }
}

/* True when o reaches q's case: the case's area shares the option's area
 * down to the option's reach (at most as deep as the option's area goes);
 * regio: the same municipality, or the case's is in the team's region;
 * online: everywhere. */
bool match_in_reach(const struct match_query *q, const struct match_opt *o)
{
    if (o->reach == REACH_ONLINE)
        return true;
    int shared = match_area_shared(&q->area, &o->area);
    if (o->reach == REACH_REGIO)
        return shared >= 1 || q->in_region;
    int need = o->reach < o->area.depth ? o->reach : o->area.depth;
    return shared >= need;
}

/* Scores option i for q from its gathered evidence (need points, word
 * points, matching strengths) and the option's other factors; f gets every
 * factor and the total; f->excluded when the case's age is outside the
 * option's range. */
void match_score_opt(const struct match_query *q, uint32_t i, double need, double words,
                     unsigned nstr, struct match_factors *f)
{
    const struct match_opt *o = &q->c->opts[i];
    memset(f, 0, sizeof *f);
    if (!match_in_reach(q, o)) {
        f->excluded = true;
        return;
    }
    if (q->age >= 0 && ((o->age_min >= 0 && q->age < o->age_min) ||
                        (o->age_max >= 0 && q->age > o->age_max))) {
        f->excluded = true;
        return;
    }
    if (q->age >= 0 && (o->age_min >= 0 || o->age_max >= 0))
        f->age = W_AGE_FIT;
    f->need = need;
    f->strength = W_STRENGTH * (nstr < MAX_STRENGTHS ? nstr : MAX_STRENGTHS);
    f->words = words < MAX_WORD_POINTS ? words : MAX_WORD_POINTS;
    f->shared = match_area_shared(&q->area, &o->area);
    f->area = f->shared >= 3   ? W_AREA_BUURT
              : f->shared == 2 ? W_AREA_DORP
              : f->shared == 1 ? W_AREA_GEMEENTE
                               : 0.0;
    access_fit(q, o, f);
    history(q, o, f);
    f->factor = 1.0;
    if (o->full) {
        f->full = true;
        f->factor *= F_FULL;
    }
    if (o->type == MATCH_RESOURCE &&
        (o->checked == INT32_MIN || q->c->today - o->checked > STALE_DAYS)) {
        f->stale = true;
        f->factor *= F_STALE;
    }
    f->total = match_round((f->need + f->transport_credit + f->strength + f->words + f->area +
                            f->age + f->access + f->history) *
                           f->factor);
}

/* True when a ranks before b: higher score, then resource, talent, case,
 * then id, then the order of adding. */
static bool better(const struct match_corpus *c, const struct match_cand *a,
                   const struct match_cand *b)
{
    if (a->score != b->score)
        return a->score > b->score;
    if (a->type != b->type)
        return a->type < b->type;
    const char *ia = a->type == MATCH_CASE ? c->cases[a->idx].id : c->opts[a->idx].id;
    const char *ib = b->type == MATCH_CASE ? c->cases[b->idx].id : c->opts[b->idx].id;
    int d = strcmp(ia, ib);
    if (d)
        return d < 0;
    return a->idx < b->idx;
}

/* The heap keeps its worst candidate at the root. */
static void sift_down(struct match_top *t, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, w = i;
        if (l < t->n && better(t->c, &t->v[w], &t->v[l]))
            w = l;
        if (r < t->n && better(t->c, &t->v[w], &t->v[r]))
            w = r;
        if (w == i)
            return;
        struct match_cand tmp = t->v[i];
        t->v[i] = t->v[w];
        t->v[w] = tmp;
        i = w;
    }
}

/* Offers candidate x to t: appended when t has no limit or room, else it
 * replaces the worst kept candidate when it ranks before it. */
void match_top_push(struct match_top *t, struct match_cand x)
{
    if (t->limit && t->n == t->limit) {
        if (better(t->c, &x, &t->v[0])) {
            t->v[0] = x;
            sift_down(t, 0);
        }
        return;
    }
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 64;
        t->v = xrealloc(t->v, t->cap * sizeof *t->v);
    }
    size_t i = t->n++;
    t->v[i] = x;
    while (t->limit && i > 0) {
        size_t parent = (i - 1) / 2;
        if (!better(t->c, &t->v[parent], &t->v[i]))
            break;
        struct match_cand tmp = t->v[i];
        t->v[i] = t->v[parent];
        t->v[parent] = tmp;
        i = parent;
    }
}

/* qsort_r order: best candidate first (see better). */
static int cmp_cand(const void *a, const void *b, void *corpus)
{
    const struct match_cand *x = a, *y = b;
    if (better(corpus, x, y))
        return -1;
    return better(corpus, y, x) ? 1 : 0;
}

/* Adds weight w to every option in the postings of term t. */
static void gather(const struct match_postings *p, uint32_t t, struct acc *acc,
                   uint32_t *touched, size_t *nt, int what, float w)
{
    for (uint32_t j = p->off[t]; j < p->off[t + 1]; j++) {
        uint32_t i = p->items[j];
        struct acc *a = &acc[i];
        if (!a->seen) {
            a->seen = 1;
            touched[(*nt)++] = i;
        }
        if (what == 0)
            a->need += w;
        else if (what == 1 && a->nstr < UINT8_MAX)
            a->nstr++;
        else
            a->words += w;
    }
}

/* Points from needs, strengths and words: what the postings gathered. */
static double evidence_of(const struct acc *a)
{
    double words = a->words < MAX_WORD_POINTS ? a->words : MAX_WORD_POINTS;
    unsigned nstr = a->nstr < MAX_STRENGTHS ? a->nstr : MAX_STRENGTHS;
    return a->need + words + W_STRENGTH * nstr;
}

/* The most an option can score given its evidence ev: what area, age,
 * history and access could add, times its capacity and freshness factor
 * (a negative score is never above it either), with room for rounding. */
static double upper_bound(const struct match_query *q, double mobsum, uint32_t i, double ev)
{
    const struct match_corpus *c = q->c;
    double extra = c->bound_extra[i];
    uint8_t b = c->bound_access[i];
    if (q->nmob) {
        if (b & BOUND_TRANSPORT)
            extra += mobsum;
        else if ((b & BOUND_PLACE) && q->ndrivers > 0)
            extra += F_DRIVER_CREDIT * mobsum;
        if (b & BOUND_WHEELCHAIR)
            extra += W_WHEELCHAIR;
    }
    return (ev + extra) * c->bound_factor[i] + 0.01;
}

/* Scores option i and pushes it into t unless the age excludes it. */
static void score_push(const struct match_query *q, struct match_top *t, uint32_t i,
                       const struct acc *a)
{
    struct match_factors f;
    match_score_opt(q, i, a->need, a->words, a->nstr, &f);
    if (!f.excluded)
        match_top_push(t, (struct match_cand){f.total, i, q->c->opts[i].type});
}

#define NBUCKETS 64

/* Scores the touched options. With a limit, the options that could score
 * highest go first, so that the heap fills with strong ones; then an
 * option whose upper bound stays below the weakest kept one is skipped
 * without scoring. The result is the same as scoring them all. */
static void score_touched(const struct match_query *q, struct match_top *t,
                          const struct acc *acc, const uint32_t *touched, size_t nt)
{
    if (!t->limit) {
        for (size_t k = 0; k < nt; k++)
            score_push(q, t, touched[k], &acc[touched[k]]);
        return;
    }
    double mobsum = q->nmob ? q->mob_w[0] + (q->nmob > 1 ? q->mob_w[1] : 0.0) : 0.0;
    float *ub = xmalloc((nt ? nt : 1) * sizeof *ub);
    double maxub = 0.0;
    for (size_t k = 0; k < nt; k++) {
        ub[k] = (float)upper_bound(q, mobsum, touched[k], evidence_of(&acc[touched[k]]));
        maxub = ub[k] > maxub ? ub[k] : maxub;
    }
    double scale = maxub > 0 ? (NBUCKETS - 1) / maxub : 0.0;
    size_t count[NBUCKETS] = {0};
    for (size_t k = 0; k < nt; k++)
        count[(size_t)(ub[k] * scale)]++;
    size_t first = NBUCKETS - 1, sum = count[first];
    while (first > 0 && sum < t->limit)
        sum += count[--first];
    for (size_t k = 0; k < nt; k++)
        if ((size_t)(ub[k] * scale) >= first)
            score_push(q, t, touched[k], &acc[touched[k]]);
    for (size_t k = 0; k < nt; k++) {
        if ((size_t)(ub[k] * scale) >= first)
            continue;
        if (t->n == t->limit && ub[k] < t->v[0].score)
            continue;
        score_push(q, t, touched[k], &acc[touched[k]]);
    }
    free(ub);
}

/* Resources and talents with any evidence (a need, a strength or a word),
 * scored and pushed into t. */
static void rank_options(const struct match_query *q, struct match_top *t)
{
    const struct match_corpus *c = q->c;
    if (c->nopts == 0)
        return;
    struct acc *acc = xcalloc(c->nopts, sizeof *acc);
    uint32_t *touched = xmalloc(c->nopts * sizeof *touched);
    size_t nt = 0;
    for (uint32_t k = 0; k < q->needs.n; k++) {
        uint32_t id = q->needs.sorted[k];
        gather(&c->by_need, id, acc, touched, &nt, 0, c->need_w[id]);
    }
    for (uint32_t k = 0; k < q->strengths.n; k++)
        gather(&c->by_interest, q->strengths.sorted[k], acc, touched, &nt, 1, 0.0f);
    for (uint32_t k = 0; k < q->nwords; k++) {
        uint32_t id = q->words[k].id;
        gather(&c->by_word, id, acc, touched, &nt, 2, c->word_w[id]);
    }
    score_touched(q, t, acc, touched, nt);
    free(touched);
    free(acc);
}

/* See match.h. Returns 0; out is empty when the corpus is not finished or
 * cs is not a case. */
int match_rank(const struct match_corpus *c, const struct wt_record *cs, size_t limit,
               struct match_result *out)
{
    out->opts = NULL;
    out->n = 0;
    if (!c->finished || cs->kind != WT_CASES)
        return 0;
    struct match_query q;
    match_query_init(&q, c, cs);
    struct match_top t = {.c = c, .limit = limit};
    match_similar(&q, &t); /* first: few, and they raise the bar for pruning */
    rank_options(&q, &t);
    if (t.n)
        qsort_r(t.v, t.n, sizeof *t.v, cmp_cand, (void *)c);
    out->opts = xcalloc(t.n ? t.n : 1, sizeof *out->opts);
    for (size_t i = 0; i < t.n; i++)
        match_option_fill(&q, &t.v[i], &out->opts[i]);
    out->n = t.n;
    free(t.v);
    match_query_fini(&q);
    return 0;
}

/* Frees the options of r and empties it; safe on an empty result. */
void match_result_fini(struct match_result *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->opts[i].name);
        free(r->opts[i].reasons);
    }
    free(r->opts);
    r->opts = NULL;
    r->n = 0;
}

/* "resource", "talent" or "case" (a static string). */
const char *match_type_name(enum match_type t)
{
    switch (t) {
    case MATCH_RESOURCE: return "resource";
    case MATCH_TALENT: return "talent";
    case MATCH_CASE: return "case";
    }
    return "?";
}
