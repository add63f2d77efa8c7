/* bench_gen.c: generating 100,000 cases, 10,000 social-map entries and 20,000 talents, seeded. */
#include "bench_gen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wijktafel/date.h"
#include "wijktafel/tags.h"
#include "wijktafel/xalloc.h"

static uint64_t rng_state;

/* splitmix64: small, fast and the same everywhere. */
static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* A number in [0, n). */
static size_t pick(size_t n)
{
    return n ? (size_t)(rnd() % n) : 0;
}

/* A number in [0, n), small ones far more often (roughly Zipf-like). */
static size_t pick_skewed(size_t n)
{
    double u = (double)(rnd() >> 11) / 9007199254740992.0;
    return (size_t)(u * u * u * (double)n);
}

static const char *const villages[] = {"Ravenstede", "Elsterveld", "Oudendijk",
                                       "Kerkhoven", "Zandwijk", "Heeswaard"};
static const char *const hoods[] = {"Centrum", "Molenwijk", "Akkerwijk", "Havenkwartier",
                                    "Dijkbuurt"};
static const char *const first_names[] = {"Henk", "Gerard", "Ria", "Bram", "Joke", "Ahmet",
                                          "Marian", "Sjoerd", "Lotte", "Gerda", "Peter",
                                          "Yvonne", "Anouk", "Wim", "Khadija", "Fatma",
                                          "Kees", "Truus", "Daan", "Noa"};
static const char *const last_names[] = {"Bakker", "Kuipers", "Visser", "Mulder", "de Graaf",
                                         "Jansen", "Smit", "Dekker", "de Vries", "Bos",
                                         "Meijer", "Hofstede", "Yilmaz", "Wijnstra"};
/* Real words of requests and descriptions, then made-up ones from syllables. */
static const char *const common_words[] = {
    "samen", "buurthuis", "koffie", "eten", "tuin", "wandelen", "koken", "alleen", "contact",
    "moeder", "kinderen", "vrijwilliger", "activiteit", "bewoners", "wijk", "dorp", "ouderen",
    "jongeren", "gezellig", "praten", "lezen", "schulden", "post", "brieven", "vervoer",
    "auto", "fiets", "bus", "rolstoel", "huiswerk", "school", "taal", "nederlands", "werk",
    "planten", "groente", "muziek", "zingen", "spelletjes", "sport", "bewegen", "gezondheid",
    "dokter", "huisarts", "zorg", "mantelzorger", "dochter", "zoon", "buren", "overlast"};
static const char *const syl[] = {"ber", "ka", "wol", "den", "stee", "mar", "lin", "ho",
                                  "ver", "zan", "dri", "pel", "tu", "gra", "mo", "sch",
                                  "ling", "aar", "oek", "wijn", "dal", "ker", "bos", "vel"};

#define NVOCAB 1200
static char *vocab[NVOCAB];

static void make_vocab(void)
{
    size_t nc = sizeof common_words / sizeof common_words[0];
    for (size_t i = 0; i < NVOCAB; i++) {
        if (i < nc) {
            vocab[i] = xstrdup(common_words[i]);
            continue;
        }
        char w[32] = "";
        size_t ns = 2 + pick(3);
        for (size_t k = 0; k < ns; k++)
            strcat(w, syl[pick(sizeof syl / sizeof syl[0])]);
        vocab[i] = xstrdup(w);
    }
}

static size_t count_of(const char *const *list)
{
    size_t n = 0;
    while (list[n])
        n++;
    return n;
}

/* A ';'-list of k distinct tags from list, skewed towards the first ones. */
static char *tag_list(const char *const *list, size_t k)
{
    size_t n = count_of(list);
    struct buf b = {0};
    buf_puts(&b, "");
    size_t used[8];
    size_t nu = 0;
    for (size_t tries = 0; nu < k && tries < 50; tries++) {
        size_t t = pick(3) == 0 ? pick(n) : pick_skewed(n);
        bool dup = false;
        for (size_t i = 0; i < nu; i++)
            dup |= used[i] == t;
        if (dup)
            continue;
        used[nu++] = t;
        if (b.len)
            buf_putc(&b, ';');
        buf_puts(&b, list[t]);
    }
    return buf_steal(&b);
}

static char *sentence(size_t nwords, const char *extra)
{
    struct buf b = {0};
    buf_puts(&b, "");
    for (size_t i = 0; i < nwords; i++) {
        const char *w = vocab[pick_skewed(NVOCAB)];
        if (i)
            buf_putc(&b, i % 9 == 0 ? '.' : ' ');
        if (i % 9 == 0 && i)
            buf_putc(&b, ' ');
        if (i == 0) {
            buf_putc(&b, (char)(w[0] - 32));
            buf_puts(&b, w + 1);
        } else {
            buf_puts(&b, w);
        }
    }
    if (extra) {
        buf_puts(&b, ", ");
        buf_puts(&b, extra);
    }
    buf_putc(&b, '.');
    return buf_steal(&b);
}

/* An area at depth 1 (municipality), 2 (village) or 3 (neighbourhood). */
static char *area(int depth)
{
    const char *v = villages[pick(6)], *h = hoods[pick(5)];
    if (depth == 1)
        return xstrdup("Veenwaard");
    if (depth == 2)
        return xasprintf("Veenwaard/%s", v);
    return xasprintf("Veenwaard/%s/%s", v, h);
}

static void set_own(struct wt_record *r, int f, char *v)
{
    record_set(r, f, v);
    free(v);
}

static void set_date(struct wt_record *r, int f, int32_t day)
{
    char s[11];
    date_format(day, s);
    record_set(r, f, s);
}

static void gen_resource(struct bench_data *d, struct wt_record *r, size_t i)
{
    static const char *const kinds[] = {"activity", "activity", "activity", "initiative",
                                        "initiative", "organisation", "desk", "buddy",
                                        "buddy", "activity", "initiative", "activity",
                                        "desk", "organisation", "buddy", "activity",
                                        "initiative", "activity", "buddy", "formal"};
    static const char *const ages[] = {"12-18", "65-", "18-", "10-16", "55-", "4-12"};
    record_init(r, WT_RESOURCES);
    set_own(r, RESOURCE_ID, xasprintf("r%05zu", i));
    set_own(r, RESOURCE_NAME, sentence(2 + pick(3), NULL));
    record_set(r, RESOURCE_KIND, kinds[pick(20)]);
    size_t a = pick(20);
    set_own(r, RESOURCE_AREA, area(a < 3 ? 1 : a < 8 ? 2 : 3));
    set_own(r, RESOURCE_NEEDS, tag_list(tags_needs_vocabulary, 1 + pick(3)));
    set_own(r, RESOURCE_INTERESTS, tag_list(tags_interests_vocabulary, pick(4)));
    if (pick(4) == 0)
        record_set(r, RESOURCE_AGES, ages[pick(6)]);
    size_t acc = pick(10);
    record_set(r, RESOURCE_ACCESS, acc < 3 ? "rolstoel" : acc < 4 ? "rolstoel;vervoer" : NULL);
    set_own(r, RESOURCE_DESCRIPTION, sentence(12 + pick(19), NULL));
    set_date(r, RESOURCE_CHECKED, d->today - (int32_t)pick(900));
    size_t cap = pick(100);
    record_set(r, RESOURCE_CAPACITY, cap < 5 ? "full" : cap < 8 ? "paused" : "open");
}

static void gen_talent(struct bench_data *d, struct wt_record *r, size_t i)
{
    record_init(r, WT_TALENTS);
    set_own(r, TALENT_ID, xasprintf("t%05zu", i));
    set_own(r, TALENT_NAME, xasprintf("%s %s", first_names[pick(20)], last_names[pick(14)]));
    set_own(r, TALENT_AREA, area(3));
    set_own(r, TALENT_OFFERS, tag_list(tags_needs_vocabulary, 1 + pick(3)));
    set_own(r, TALENT_INTERESTS, tag_list(tags_interests_vocabulary, 1 + pick(3)));
    if (pick(100) < 85)
        set_date(r, TALENT_CONSENT, d->today - (int32_t)pick(700));
}

static void gen_case(struct bench_data *d, struct wt_record *r, size_t i)
{
    record_init(r, WT_CASES);
    set_own(r, CASE_ID, xasprintf("c%06zu", i));
    int32_t age = (int32_t)pick(1096);
    set_date(r, CASE_OPENED, d->today - age);
    set_own(r, CASE_AREA, area(pick(20) == 0 ? 2 : 3));
    set_own(r, CASE_RESIDENT, xasprintf("%s %s", first_names[pick(20)], last_names[pick(14)]));
    char *needs = tag_list(tags_needs_vocabulary, 1 + pick(4));
    char *first = xstrdup(needs);
    char *semi = strchr(first, ';');
    if (semi)
        *semi = '\0';
    set_own(r, CASE_REQUEST, sentence(8 + pick(18), first));
    free(first);
    set_own(r, CASE_AGE, xasprintf("%zu", 5 + pick(91)));
    bool recent = age < 120;
    bool closed = recent ? pick(10) < 3 : pick(10) < 9;
    record_set(r, CASE_STATUS, closed ? "closed" : pick(3) == 0 ? "new" : "open");
    set_own(r, CASE_NEEDS, needs);
    set_own(r, CASE_STRENGTHS, tag_list(tags_interests_vocabulary, pick(4)));
    record_set(r, CASE_RESTRICTED, pick(20) == 0 ? "yes" : "no");
    if (closed && pick(10) < 6) {
        struct buf b = {0};
        size_t n = 1 + pick(2);
        for (size_t k = 0; k < n; k++) {
            static const char *const out[] = {":worked", ":worked", ":failed", ""};
            if (k)
                buf_putc(&b, ';');
            if (pick(2))
                buf_printf(&b, "r%05zu%s", pick(d->nresources), out[pick(4)]);
            else
                buf_printf(&b, "t%05zu%s", pick(d->ntalents), out[pick(4)]);
        }
        set_own(r, CASE_CHOSEN, buf_steal(&b));
    }
}

void bench_generate(struct bench_data *d, size_t nresources, size_t ntalents, size_t ncases,
                    uint64_t seed)
{
    rng_state = seed;
    memset(d, 0, sizeof *d);
    date_parse("2026-11-20", &d->today);
    make_vocab();
    d->nresources = nresources;
    d->ntalents = ntalents;
    d->ncases = ncases;
    d->resources = xcalloc(nresources, sizeof *d->resources);
    d->talents = xcalloc(ntalents, sizeof *d->talents);
    d->cases = xcalloc(ncases, sizeof *d->cases);
    for (size_t i = 0; i < nresources; i++)
        gen_resource(d, &d->resources[i], i);
    for (size_t i = 0; i < ntalents; i++)
        gen_talent(d, &d->talents[i], i);
    for (size_t i = 0; i < ncases; i++)
        gen_case(d, &d->cases[i], i);
    for (size_t i = 0; i < NVOCAB; i++)
        free(vocab[i]);
}

void bench_data_fini(struct bench_data *d)
{
    for (size_t i = 0; i < d->nresources; i++)
        record_fini(&d->resources[i]);
    for (size_t i = 0; i < d->ntalents; i++)
        record_fini(&d->talents[i]);
    for (size_t i = 0; i < d->ncases; i++)
        record_fini(&d->cases[i]);
    free(d->resources);
    free(d->talents);
    free(d->cases);
}
