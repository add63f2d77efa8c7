/* similar.c: open cases in the same district, opened within 8 weeks, that share a need. */
#include <stdlib.h>
#include <string.h>

#include "match_int.h"

/* Orders a case against the key (p1, p2, date) of the case postings. */
static int cmp_key(const struct match_case *k, uint32_t p1, uint32_t p2, int32_t date)
{
    uint32_t k1 = k->area.depth > 0 ? k->area.part[0] : 0;
    uint32_t k2 = k->area.depth > 1 ? k->area.part[1] : 0;
    if (k1 != p1)
        return k1 < p1 ? -1 : 1;
    if (k2 != p2)
        return k2 < p2 ? -1 : 1;
    return (k->opened > date) - (k->opened < date);
}

struct idvec {
    uint32_t *v;
    size_t n, cap;
};

/* Appends x to v, growing it. */
static void idvec_push(struct idvec *v, uint32_t x)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 64;
        v->v = xrealloc(v->v, v->cap * sizeof *v->v);
    }
    v->v[v->n++] = x;
}

/* Collects the cases of need t's postings from key (p1, p2, lo) on that
 * have district p1/p2 (any p2 when any_p2) and were opened by hi. */
static void window(const struct match_corpus *c, uint32_t t, uint32_t p1, uint32_t p2,
                   bool any_p2, int32_t lo, int32_t hi, struct idvec *out)
{
    const uint32_t *items = c->case_by_need.items;
    uint32_t a = c->case_by_need.off[t], b = c->case_by_need.off[t + 1];
    while (a < b) {
        uint32_t mid = a + (b - a) / 2;
        if (cmp_key(&c->cases[items[mid]], p1, any_p2 ? 0 : p2, any_p2 ? INT32_MIN : lo) < 0)
            a = mid + 1;
        else
            b = mid;
    }
    for (uint32_t j = a; j < c->case_by_need.off[t + 1]; j++) {
        const struct match_case *k = &c->cases[items[j]];
        if (k->area.depth < 1 || k->area.part[0] != p1)
            break;
        if (any_p2) {
            if (k->opened >= lo && k->opened <= hi)
                idvec_push(out, items[j]);
            continue;
        }
        uint32_t k2 = k->area.depth > 1 ? k->area.part[1] : 0;
        if (k2 != p2 || k->opened > hi)
            break;
        idvec_push(out, items[j]);
    }
}

/* Score of similar case k for q (shared need points, closeness, time);
 * *shared_area and *days get the area parts shared and the days apart. */
double match_similar_score(const struct match_query *q, uint32_t k, int *shared_area,
                           int *days)
{
    const struct match_corpus *c = q->c;
    const struct match_case *o = &c->cases[k];
    double need = 0.0;
    for (uint32_t i = 0; i < o->needs.n; i++)
        if (match_ids_has(q->needs.sorted, q->needs.n, o->needs.ids[i]))
            need += c->need_w[o->needs.ids[i]];
    int s = match_area_shared(&q->area, &o->area);
    double area = s >= 3 ? W_AREA_BUURT : s == 2 ? W_AREA_DORP : s == 1 ? W_AREA_GEMEENTE : 0;
    int d = o->opened > q->opened ? o->opened - q->opened : q->opened - o->opened;
    *shared_area = s;
    *days = d;
    return match_round(need + area + W_SIMILAR_TIME * (1.0 - (double)d / SIMILAR_DAYS));
}

/* qsort order of unsigned ids. */
static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Pushes into t every open, unshielded case (not q itself) in q's district,
 * opened within SIMILAR_DAYS of q, that shares a need with q. */
void match_similar(const struct match_query *q, struct match_top *t)
{
    const struct match_corpus *c = q->c;
    if (!q->has_opened || q->area.depth < 1 || q->area.part[0] == 0 || c->ncases == 0)
        return;
    int32_t lo = q->opened - SIMILAR_DAYS, hi = q->opened + SIMILAR_DAYS;
    uint32_t p1 = q->area.part[0], p2 = q->area.depth > 1 ? q->area.part[1] : 0;
    struct idvec found = {0};
    for (uint32_t i = 0; i < q->needs.n; i++) {
        uint32_t need = q->needs.sorted[i];
        if (q->area.depth < 2) {
            window(c, need, p1, 0, true, lo, hi, &found);
            continue;
        }
        if (p2 == 0)
            continue; /* unknown village: no district to share */
        window(c, need, p1, p2, false, lo, hi, &found);
        window(c, need, p1, 0, false, lo, hi, &found); /* cases for the whole municipality */
    }
    if (found.n)
        qsort(found.v, found.n, sizeof *found.v, cmp_u32);
    for (size_t i = 0; i < found.n; i++) {
        uint32_t k = found.v[i];
        if ((i && found.v[i - 1] == k) || strcmp(c->cases[k].id, q->id) == 0)
            continue;
        int s, d;
        double score = match_similar_score(q, k, &s, &d);
        match_top_push(t, (struct match_cand){score, k, MATCH_CASE});
    }
    free(found.v);
}
