/* query.c: the case being ranked, read against the corpus: its tags, request words, area, age. */
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match_int.h"
#include "wijktafel/date.h"
#include "wijktafel/tags.h"

/* True when the sorted array ids[0..n) holds id (binary search). */
bool match_ids_has(const uint32_t *ids, uint32_t n, uint32_t id)
{
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && ids[lo] == id;
}

/* Known tags of the case, in written order and sorted; unknown tags match
 * nothing in the corpus and are left out. */
static void qtags_init(struct match_qtags *t, const struct match_corpus *c, char ns,
                       const char *tags)
{
    struct taglist l;
    tags_split_folded(tags, &l);
    t->written = xmalloc((l.n ? l.n : 1) * sizeof *t->written);
    t->sorted = xmalloc((l.n ? l.n : 1) * sizeof *t->sorted);
    t->n = 0;
    for (size_t i = 0; i < l.n; i++) {
        uint32_t id = match_dict_lookup(&c->dict, ns, l.items[i], strlen(l.items[i]));
        bool dup = false;
        for (uint32_t k = 0; k < t->n && !dup; k++)
            dup = t->written[k] == id;
        if (id && !dup)
            t->written[t->n++] = id;
    }
    memcpy(t->sorted, t->written, t->n * sizeof *t->sorted);
    match_ids_sort_unique(t->sorted, t->n);
    tags_fini(&l);
}

struct qword_acc {
    struct match_query *q;
    uint32_t cap, pos;
};

/* match_word_fn keeping a request word whose stem counts in the corpus. */
static void add_qword(void *ctx, const char *stem, size_t len, const char *word, size_t wlen)
{
    struct qword_acc *a = ctx;
    struct match_query *q = a->q;
    uint32_t id = match_dict_lookup(&q->c->dict, NS_WORD, stem, len);
    a->pos++;
    if (!id || q->c->word_w[id] <= 0.0f ||
        match_dict_lookup(&q->c->dict, NS_NOTWORD, stem, len))
        return;
    if (q->nwords == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 16;
        q->words = xrealloc(q->words, a->cap * sizeof *q->words);
    }
    char *text = xstrndup(word, wlen);
    for (char *p = text; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p + 32);
    q->words[q->nwords++] = (struct match_qword){id, a->pos, text};
}

/* qsort order of request words: stem id, then first position. */
static int cmp_qword(const void *a, const void *b)
{
    const struct match_qword *x = a, *y = b;
    if (x->id != y->id)
        return x->id < y->id ? -1 : 1;
    return (x->pos > y->pos) - (x->pos < y->pos);
}

/* The request's words that count, one per stem (its first appearance). */
static void query_words(struct match_query *q, const char *request)
{
    struct sb_stemmer *st = sb_stemmer_new("dutch", NULL);
    if (!st)
        abort(); /* only fails when out of memory */
    struct qword_acc a = {.q = q};
    match_words(st, request, add_qword, &a);
    sb_stemmer_delete(st);
    if (q->nwords)
        qsort(q->words, q->nwords, sizeof *q->words, cmp_qword);
    uint32_t k = 0;
    for (uint32_t i = 0; i < q->nwords; i++) {
        if (k && q->words[k - 1].id == q->words[i].id)
            free(q->words[i].text);
        else
            q->words[k++] = q->words[i];
    }
    q->nwords = k;
}

/* The talents with consent who offer transport in the case's kern: the
 * same neighbourhood before the rest of the kern, then by id; at most
 * MAX_DRIVERS. Farther than the kern does not count. */
static void find_drivers(struct match_query *q, uint32_t transport_need)
{
    const struct match_corpus *c = q->c;
    const struct match_postings *p = &c->by_need;
    int shared[MAX_DRIVERS];
    q->ndrivers = 0;
    for (uint32_t j = p->off[transport_need]; j < p->off[transport_need + 1]; j++) {
        const struct match_opt *o = &c->opts[p->items[j]];
        if (o->type != MATCH_TALENT)
            continue;
        int s = match_area_shared(&q->area, &o->area);
        s = s > 3 ? 3 : s;
        if (s < 2)
            continue;
        /* Insertion into the short sorted list; the worst falls off. */
        int k = q->ndrivers < MAX_DRIVERS ? q->ndrivers++ : MAX_DRIVERS;
        while (k > 0 && (shared[k - 1] < s ||
                         (shared[k - 1] == s && strcmp(c->opts[q->drivers[k - 1]].id, o->id) > 0))) {
            if (k < MAX_DRIVERS) {
                q->drivers[k] = q->drivers[k - 1];
                shared[k] = shared[k - 1];
            }
            k--;
        }
        if (k < MAX_DRIVERS) {
            q->drivers[k] = p->items[j];
            shared[k] = s;
        }
    }
}

/* The case's area parts as written (trimmed), for reasons that name them. */
static void area_parts(struct match_query *q, const char *area)
{
    const char *p = area ? area : "";
    for (int i = 0; i < AREA_MAX && *p; i++) {
        size_t n = strcspn(p, "/");
        const char *s = p, *e = p + n;
        while (s < e && (*s == ' ' || *s == '\t'))
            s++;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
            e--;
        q->area_part[i] = match_clean(s, true);
        q->area_part[i][e - s] = '\0';
        p += n + (p[n] == '/');
    }
}

/* Reads case cs against corpus c (lookups only; c is not changed). The
 * query borrows c; free it with match_query_fini before c. */
void match_query_init(struct match_query *q, const struct match_corpus *c,
                      const struct wt_record *cs)
{
    memset(q, 0, sizeof *q);
    q->c = c;
    snprintf(q->id, sizeof q->id, "%s", record_get(cs, CASE_ID));
    qtags_init(&q->needs, c, NS_NEED, cs->v[CASE_NEEDS]);
    qtags_init(&q->strengths, c, NS_INTEREST, cs->v[CASE_STRENGTHS]);
    query_words(q, cs->v[CASE_REQUEST]);
    match_area_lookup(&c->dict, cs->v[CASE_AREA], &q->area);
    area_parts(q, cs->v[CASE_AREA]);
    q->in_region = q->area.depth > 0 && q->area.part[0] &&
                   match_ids_has(c->region.ids, c->region.n, q->area.part[0]);
    q->age = -1;
    const char *age = cs->v[CASE_AGE];
    if (age && *age && strlen(age) <= 3 && strspn(age, "0123456789") == strlen(age))
        q->age = atoi(age);
    q->has_opened = cs->v[CASE_OPENED] && date_parse(cs->v[CASE_OPENED], &q->opened) == 0;
    static const char *const mobility[] = {"mobiliteit", "vervoer"};
    for (int i = 0; i < 2; i++) {
        uint32_t id = match_dict_lookup(&c->dict, NS_NEED, mobility[i], strlen(mobility[i]));
        if (id && match_ids_has(q->needs.sorted, q->needs.n, id)) {
            q->mob[q->nmob] = id;
            q->mob_w[q->nmob++] = c->need_w[id];
        }
    }
    uint32_t transport = match_dict_lookup(&c->dict, NS_NEED, "vervoer", 7);
    if (q->nmob && transport)
        find_drivers(q, transport);
    q->case_key = match_dict_lookup(&c->dict, NS_CASE, q->id, strlen(q->id));
}

/* Frees what match_query_init allocated. */
void match_query_fini(struct match_query *q)
{
    free(q->needs.sorted);
    free(q->needs.written);
    free(q->strengths.sorted);
    free(q->strengths.written);
    for (uint32_t i = 0; i < q->nwords; i++)
        free(q->words[i].text);
    free(q->words);
    for (int i = 0; i < AREA_MAX; i++)
        free(q->area_part[i]);
}
