/* corpus.c: collecting resources, talents and cases, and preparing weights, history and indexes. */
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match_int.h"
#include "wijktafel/date.h"
#include "wijktafel/tags.h"
#include "wijktafel/weektime.h"

/* Grows *arr (of *cap items of elem bytes) so that index id fits, zeroing
 * the new items; aborts when out of memory. */
void match_grow_zeroed(void **arr, size_t *cap, size_t id, size_t elem)
{
    if (id < *cap)
        return;
    size_t n = *cap ? *cap : 1024;
    while (n <= id)
        n *= 2;
    *arr = xrealloc(*arr, n * elem);
    memset((char *)*arr + *cap * elem, 0, (n - *cap) * elem);
    *cap = n;
}

/* A new empty corpus for the day today; the caller frees it with
 * match_corpus_free. Aborts when out of memory. */
struct match_corpus *match_corpus_new(int32_t today)
{
    struct match_corpus *c = xcalloc(1, sizeof *c);
    c->today = today;
    match_dict_init(&c->dict);
    c->stemmer = sb_stemmer_new("dutch", NULL);
    if (!c->stemmer)
        abort(); /* only fails when out of memory */
    return c;
}

/* Counts each id of the list once in the document frequencies. */
static void count_df(struct match_corpus *c, const struct match_idlist *l)
{
    for (uint32_t i = 0; i < l->n; i++) {
        match_grow_zeroed((void **)&c->df, &c->capdf, l->ids[i], sizeof *c->df);
        c->df[l->ids[i]]++;
    }
}

struct word_acc {
    struct match_dict *dict;
    uint32_t *ids;
    uint32_t n, cap;
};

/* match_word_fn collecting the interned stem ids of an option's words. */
static void add_word(void *ctx, const char *stem, size_t len, const char *word, size_t wlen)
{
    (void)word;
    (void)wlen;
    struct word_acc *w = ctx;
    if (w->n == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 32;
        w->ids = xrealloc(w->ids, w->cap * sizeof *w->ids);
    }
    w->ids[w->n++] = match_dict_intern(w->dict, NS_WORD, stem, len);
}

/* match_word_fn marking a stem as never a request word. */
static void add_notword(void *ctx, const char *stem, size_t len, const char *word, size_t wlen)
{
    (void)word;
    (void)wlen;
    match_dict_intern(ctx, NS_NOTWORD, stem, len);
}

/* The parts of area as ids into a; the first time a part is seen, the
 * words of the area are marked as never request words (a place name in a
 * request is not what the person asks for). */
static void intern_area(struct match_corpus *c, const char *area, struct match_area *a)
{
    uint32_t before = c->dict.n;
    match_area_intern(&c->dict, area, a);
    if (c->dict.n != before && area)
        match_words(c->stemmer, area, add_notword, &c->dict);
}

/* The words of an option: its texts, and its tags read as words (so that a
 * request in plain words finds a talent who offers "tuin"). */
static void option_words(struct match_corpus *c, const char *const *texts, size_t n,
                         struct match_idlist *out)
{
    struct word_acc w = {.dict = &c->dict};
    for (size_t i = 0; i < n; i++)
        match_words(c->stemmer, texts[i], add_word, &w);
    out->ids = w.ids ? w.ids : xmalloc(sizeof *out->ids);
    out->n = match_ids_sort_unique(out->ids, w.n);
}

/* Appends a zeroed option (open ages, never checked) and returns it. */
static struct match_opt *new_opt(struct match_corpus *c)
{
    if (c->nopts == c->capopts) {
        c->capopts = c->capopts ? c->capopts * 2 : 256;
        c->opts = xrealloc(c->opts, c->capopts * sizeof *c->opts);
    }
    struct match_opt *o = &c->opts[c->nopts++];
    memset(o, 0, sizeof *o);
    o->age_min = o->age_max = -1;
    o->checked = INT32_MIN;
    return o;
}

/* The REACH_* of a resources.reach value; absent or unknown is gemeente. */
static uint8_t reach_of(const char *v)
{
    static const struct {
        const char *name;
        uint8_t reach;
    } names[] = {{"buurt", REACH_BUURT}, {"kern", REACH_KERN}, {"regio", REACH_REGIO},
                 {"online", REACH_ONLINE}};
    for (size_t i = 0; v && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(v, names[i].name) == 0)
            return names[i].reach;
    return REACH_GEMEENTE;
}

/* Counts a resource in the frequencies and keeps it as an option unless
 * it is formal or paused. */
static void add_resource(struct match_corpus *c, const struct wt_record *r)
{
    struct match_idlist needs, interests, words;
    match_tags_ids(&c->dict, NS_NEED, r->v[RESOURCE_NEEDS], true, &needs);
    match_tags_ids(&c->dict, NS_INTEREST, r->v[RESOURCE_INTERESTS], true, &interests);
    const char *texts[] = {r->v[RESOURCE_NAME], r->v[RESOURCE_DESCRIPTION],
                           r->v[RESOURCE_NEEDS], r->v[RESOURCE_INTERESTS]};
    option_words(c, texts, 4, &words);
    c->ndocs_needs++;
    c->ndocs_words++;
    count_df(c, &needs);
    count_df(c, &words);

    const char *kind = r->v[RESOURCE_KIND] ? r->v[RESOURCE_KIND] : "";
    const char *cap = r->v[RESOURCE_CAPACITY] ? r->v[RESOURCE_CAPACITY] : "open";
    /* Formal care is never a wellbeing answer; a paused entry takes nobody. */
    if (strcmp(kind, "formal") == 0 || strcmp(cap, "paused") == 0 || !r->v[RESOURCE_ID]) {
        free(needs.ids);
        free(interests.ids);
        free(words.ids);
        return;
    }
    struct match_opt *o = new_opt(c);
    o->type = MATCH_RESOURCE;
    snprintf(o->id, sizeof o->id, "%s", r->v[RESOURCE_ID]);
    o->name = xstrdup(r->v[RESOURCE_NAME] ? r->v[RESOURCE_NAME] : ""); /* as stored */
    o->places = (int16_t)record_capacity_places(cap);
    o->full = strcmp(cap, "full") == 0 || o->places == 0;
    o->reach = reach_of(r->v[RESOURCE_REACH]);
    weektime_parse(r->v[RESOURCE_SCHEDULE], &o->slots); /* unknown: 0, never fits */
    o->buddy = strcmp(kind, "buddy") == 0;
    o->needs = needs;
    o->interests = interests;
    o->words = words;
    intern_area(c, r->v[RESOURCE_AREA], &o->area);
    int lo, hi;
    if (r->v[RESOURCE_AGES] && record_parse_ages(r->v[RESOURCE_AGES], &lo, &hi) == 0) {
        o->age_min = (int16_t)lo;
        o->age_max = (int16_t)hi;
    }
    struct taglist acc;
    tags_split(r->v[RESOURCE_ACCESS], &acc);
    if (tags_has(&acc, "rolstoel"))
        o->access |= ACCESS_WHEELCHAIR;
    if (tags_has(&acc, "vervoer"))
        o->access |= ACCESS_TRANSPORT;
    tags_fini(&acc);
    int32_t d;
    if (r->v[RESOURCE_CHECKED] && date_parse(r->v[RESOURCE_CHECKED], &d) == 0)
        o->checked = d;
}

/* Counts a talent in the frequencies and keeps it as an option when the
 * resident gave consent. */
static void add_talent(struct match_corpus *c, const struct wt_record *r)
{
    struct match_idlist needs, interests, words;
    match_tags_ids(&c->dict, NS_NEED, r->v[TALENT_OFFERS], true, &needs);
    match_tags_ids(&c->dict, NS_INTEREST, r->v[TALENT_INTERESTS], true, &interests);
    /* Not the name: it is a person's name, not a description of the offer. */
    const char *texts[] = {r->v[TALENT_OFFERS], r->v[TALENT_INTERESTS]};
    option_words(c, texts, 2, &words);
    c->ndocs_needs++;
    c->ndocs_words++;
    count_df(c, &needs);
    count_df(c, &words);
    /* A neighbour's name in a request is not a request word. */
    match_words(c->stemmer, r->v[TALENT_NAME], add_notword, &c->dict);
    /* Without recorded consent a resident is never put forward. */
    if (!r->v[TALENT_CONSENT] || !r->v[TALENT_ID]) {
        free(needs.ids);
        free(interests.ids);
        free(words.ids);
        return;
    }
    struct match_opt *o = new_opt(c);
    o->type = MATCH_TALENT;
    snprintf(o->id, sizeof o->id, "%s", r->v[TALENT_ID]);
    o->name = xstrdup(r->v[TALENT_NAME] ? r->v[TALENT_NAME] : ""); /* as stored */
    o->buddy = true; /* a neighbour comes to the person */
    o->reach = REACH_KERN;
    o->places = -1;
    weektime_parse(r->v[TALENT_AVAILABLE], &o->slots); /* unknown: 0, never fits */
    o->needs = needs;
    o->interests = interests;
    o->words = words;
    intern_area(c, r->v[TALENT_AREA], &o->area);
}

/* The outcome of one chosen option written as "ID" or "ID:OUTCOME" (the
 * suffix cut off in place): an explicit one, else what the hint says. */
static uint8_t choice_outcome(char *item, enum match_hint hint)
{
    char *colon = strchr(item, ':');
    if (colon) {
        bool worked = strcmp(colon, ":worked") == 0, failed = strcmp(colon, ":failed") == 0;
    /* ":dropped": the option was never really tried; it counts as open. */
        *colon = '\0';
        if (worked || failed)
            return worked ? OUTCOME_WORKED : OUTCOME_FAILED;
    }
    return hint == MATCH_HINT_BETTER  ? OUTCOME_MWORKED
           : hint == MATCH_HINT_WORSE ? OUTCOME_MFAILED
                                      : OUTCOME_PENDING;
}

/* Appends one choice of option id (NUL-terminated) to the history. */
static void add_choice(struct match_corpus *c, struct match_choice ch, const char *id)
{
    ch.hist = match_dict_intern(&c->dict, NS_HIST, id, strlen(id));
    match_grow_zeroed((void **)&c->hist, &c->caphist, ch.hist, sizeof *c->hist);
    struct match_hist *mh = &c->hist[ch.hist];
    uint16_t *n = ch.outcome == OUTCOME_WORKED    ? &mh->worked
                  : ch.outcome == OUTCOME_FAILED  ? &mh->failed
                  : ch.outcome == OUTCOME_MWORKED ? &mh->mworked
                  : ch.outcome == OUTCOME_MFAILED ? &mh->mfailed
                                                  : &mh->pending;
    if (*n < UINT16_MAX)
        (*n)++;
    if (c->nchoices == c->capchoices) {
        c->capchoices = c->capchoices ? c->capchoices * 2 : 256;
        c->choices = xrealloc(c->choices, c->capchoices * sizeof *c->choices);
    }
    c->choices[c->nchoices++] = ch;
}

/* Records the options chosen for case r, with their outcomes, where the
 * case was (area a) and what it needed (a copy of needs). A composite
 * option ("r-eetcafe+t-rijder") counts for each of its parts. */
static void add_choices(struct match_corpus *c, const struct wt_record *r, enum match_hint hint,
                        const struct match_area *a, const struct match_idlist *needs)
{
    if (!r->v[CASE_CHOSEN] || !r->v[CASE_ID])
        return;
    struct match_choice ch = {0};
    ch.case_key = match_dict_intern(&c->dict, NS_CASE, r->v[CASE_ID], strlen(r->v[CASE_ID]));
    for (int k = 0; k < 3 && k < a->depth; k++)
        ch.part[k] = a->part[k];
    if (c->nchoice_needs == c->capchoice_needs) {
        c->capchoice_needs = c->capchoice_needs ? c->capchoice_needs * 2 : 256;
        c->choice_needs = xrealloc(c->choice_needs, c->capchoice_needs * sizeof *c->choice_needs);
    }
    struct match_idlist *cn = &c->choice_needs[c->nchoice_needs];
    cn->n = needs->n;
    cn->ids = xmalloc((needs->n ? needs->n : 1) * sizeof *cn->ids);
    memcpy(cn->ids, needs->ids, needs->n * sizeof *cn->ids);
    ch.needs = (uint32_t)c->nchoice_needs++;
    struct taglist l;
    tags_split(r->v[CASE_CHOSEN], &l);
    for (size_t i = 0; i < l.n; i++) {
        ch.outcome = choice_outcome(l.items[i], hint);
        for (char *part = l.items[i], *plus; part; part = plus) {
            plus = strchr(part, '+');
            if (plus)
                *plus++ = '\0';
            if (*part)
                add_choice(c, ch, part);
        }
    }
    tags_fini(&l);
}

/* Counts a case in the need frequencies, records its choices, and keeps
 * it as a possible similar case when it is open, unshielded and has needs. */
static void add_case(struct match_corpus *c, const struct wt_record *r, enum match_hint hint)
{
    struct match_idlist needs;
    match_tags_ids(&c->dict, NS_NEED, r->v[CASE_NEEDS], true, &needs);
    c->ndocs_needs++;
    count_df(c, &needs);
    struct match_area where = {0};
    if (r->v[CASE_CHOSEN])
        intern_area(c, r->v[CASE_AREA], &where);
    add_choices(c, r, hint, &where, &needs);

    const char *status = r->v[CASE_STATUS] ? r->v[CASE_STATUS] : "open";
    const char *restricted = r->v[CASE_RESTRICTED] ? r->v[CASE_RESTRICTED] : "no";
    int32_t opened;
    /* Only open cases can be put in touch, and a shielded case is never
     * shown to anyone but its owner: it is not suggested at all. */
    if ((strcmp(status, "new") != 0 && strcmp(status, "open") != 0) ||
        strcmp(restricted, "yes") == 0 || needs.n == 0 || !r->v[CASE_ID] ||
        !r->v[CASE_OPENED] || date_parse(r->v[CASE_OPENED], &opened) != 0) {
        free(needs.ids);
        return;
    }
    if (c->ncases == c->capcases) {
        c->capcases = c->capcases ? c->capcases * 2 : 256;
        c->cases = xrealloc(c->cases, c->capcases * sizeof *c->cases);
    }
    struct match_case *k = &c->cases[c->ncases++];
    memset(k, 0, sizeof *k);
    snprintf(k->id, sizeof k->id, "%s", r->v[CASE_ID]);
    k->opened = opened;
    k->needs = needs;
    intern_area(c, r->v[CASE_AREA], &k->area);
    const char *area = r->v[CASE_AREA] ? r->v[CASE_AREA] : "";
    const char *last = strrchr(area, '/');
    k->label = match_clean(last ? last + 1 : area, false);
}

/* Interns the folded municipalities of the ';'-list as the region. */
void match_corpus_region(struct match_corpus *c, const char *municipalities)
{
    free(c->region.ids);
    match_tags_ids(&c->dict, NS_AREA, municipalities, true, &c->region);
}

/* Adds resources, talents and cases (their values are copied); other kinds
 * and adds after match_corpus_finish are ignored. */
void match_corpus_add(struct match_corpus *c, const struct wt_record *r)
{
    match_corpus_add_case(c, r, MATCH_HINT_NONE);
}

/* As match_corpus_add; a case's hint decides its open outcomes. */
void match_corpus_add_case(struct match_corpus *c, const struct wt_record *r,
                           enum match_hint hint)
{
    if (c->finished)
        return;
    if (r->kind == WT_RESOURCES)
        add_resource(c, r);
    else if (r->kind == WT_TALENTS)
        add_talent(c, r);
    else if (r->kind == WT_CASES)
        add_case(c, r, hint);
    else if (r->kind == WT_MEMBERS) /* a team member's name is not a request word */
        match_words(c->stemmer, r->v[MEMBER_NAME], add_notword, &c->dict);
}

/* Compares the sums of the domains scored in both measures: with the same
 * domains on both sides, that is comparing their means. */
enum match_hint match_measure_hint(const struct measure *start, const struct measure *close)
{
    int before = 0, after = 0;
    for (int i = 0; i < MEASURE_DOMAINS; i++) {
        if (start->score[i] > 0 && close->score[i] > 0) {
            before += start->score[i];
            after += close->score[i];
        }
    }
    return after > before   ? MATCH_HINT_BETTER
           : after < before ? MATCH_HINT_WORSE
                            : MATCH_HINT_NONE;
}
