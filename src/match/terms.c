/* terms.c: from record text to term ids: Dutch words and stems, folded tags, area parts. */
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "match_int.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"

/* Dutch words too common to tell entries apart (after folding), sorted for
 * bsearch: Snowball's Dutch stop list, plus words that every request and
 * description of a social team holds ("hulp", "vraag", "komt", "week").
 * Words shorter than three letters are dropped before this list is asked. */
static const char *const stop_words[] = {
    "aan", "alle", "alles", "als", "altijd", "andere", "ben", "bent", "bij", "daar", "dag",
    "dagen", "dan", "dat", "der", "deze", "die", "dit", "doch", "doen", "door", "dus",
    "een", "eens", "eigen", "elk", "elke", "even", "gaan", "gaat", "geen", "geweest",
    "goed", "goede", "graag", "groot", "grote", "haar", "had", "heb", "hebben", "hebt",
    "heeft", "heel", "help", "helpen", "helpt", "hem", "hen", "het", "hier", "hij", "hoe",
    "hulp", "hun", "iedereen", "iemand", "iets", "jaar", "jaren", "jullie", "kan", "keer",
    "kennen", "kent", "klein", "kleine", "kom", "komen", "komt", "kon", "krijgen",
    "krijgt", "kunnen", "kunt", "laat", "laten", "lukken", "lukt", "maakt", "maand",
    "maanden", "maar", "maken", "meer", "men", "meneer", "mensen", "met", "mevrouw", "mij",
    "mijn", "moet", "naar", "niet", "niets", "nieuwe", "nog", "omdat", "onder", "ons",
    "onze", "ook", "over", "reeds", "soms", "staan", "staat", "steeds", "tegen", "toch",
    "toen", "tot", "uit", "vaak", "van", "veel", "voor", "vraag", "vraagt", "vragen",
    "waar", "want", "waren", "was", "wat", "week", "weer", "weet", "weken", "wel", "welke",
    "werd", "weten", "wezen", "wie", "wil", "willen", "wilt", "woont", "word", "worden",
    "wordt", "zal", "zeer", "zeggen", "zegt", "zelf", "zich", "zij", "zijn", "zit",
    "zitten", "zonder", "zou", "zouden",
};

/* Words the Dutch stemmer merges with a word of another meaning, and the
 * stem they get instead (sorted by word for bsearch). Without this list
 * "ouderen" (the elderly) would match "ouders" (parents), and "jonge"
 * (jonge kinderen) or "jongen" (a boy) would match "jong" (jong en oud).
 * Each pair has a test in tests/match/check_words.c. */
static const struct stem_exception {
    const char *word, *stem;
} stem_exceptions[] = {
    {"jonge", "jonge"},     {"jongen", "jongen"},   {"oudere", "ouderen"},
    {"ouderen", "ouderen"},
};

#define WORD_MAX 64 /* longer "words" are not words */

/* bsearch order of C strings. */
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* True when the folded word w is on the stop list. */
static bool is_stop_word(const char *w)
{
    return bsearch(&w, stop_words, sizeof stop_words / sizeof stop_words[0],
                   sizeof stop_words[0], cmp_str) != NULL;
}

/* Bytes of the separator at p (punctuation, spaces, symbols), or 0 when p
 * starts a word character. Non-ASCII letters are word characters; the
 * Latin-1 punctuation block and general punctuation are not. */
static size_t sep_len(const unsigned char *p)
{
    if (p[0] < 0x80) {
        bool alnum = (p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z') ||
                     (p[0] >= '0' && p[0] <= '9');
        return alnum ? 0 : 1;
    }
    if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0xbf)
        return 2; /* U+0080..U+00BF: no-break space, quotes, symbols */
    if (p[0] == 0xc3 && (p[1] == 0x97 || p[1] == 0xb7))
        return 2; /* multiplication and division signs */
    if (p[0] == 0xe2 && p[1] >= 0x80 && p[1] <= 0x82 && p[2] >= 0x80 && p[2] <= 0xbf)
        return 3; /* U+2000..U+20BF: spaces, dashes, quotes, currency */
    if (p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
        return 3; /* byte order mark */
    return 0;
}

/* Folds one word into out (at most WORD_MAX bytes); returns its length or 0. */
static size_t fold_word(const char *w, size_t len, char *out)
{
    bool ascii = true;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)w[i] >= 0x80)
            ascii = false;
    if (ascii) {
        for (size_t i = 0; i < len; i++)
            out[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] + 32) : w[i];
        return len;
    }
    char *raw = xstrndup(w, len);
    char *f = text_fold(raw);
    free(raw);
    size_t n = f ? strlen(f) : 0;
    if (n > WORD_MAX)
        n = 0;
    if (n)
        memcpy(out, f, n + 1);
    free(f);
    return n;
}

/* bsearch order of a word against a stem exception. */
static int cmp_exception(const void *key, const void *e)
{
    return strcmp(key, ((const struct stem_exception *)e)->word);
}

/* The stem the exception list gives the folded word w, or NULL. */
static const char *stem_exception(const char *w)
{
    const struct stem_exception *e =
        bsearch(w, stem_exceptions, sizeof stem_exceptions / sizeof stem_exceptions[0],
                sizeof stem_exceptions[0], cmp_exception);
    return e ? e->stem : NULL;
}

/* Folds, filters (length, digits, stop words) and stems one word (the
 * exception list before the stemmer), and passes the stem to fn. */
static void one_word(struct sb_stemmer *st, const char *w, size_t len, match_word_fn fn,
                     void *ctx)
{
    char folded[WORD_MAX + 1];
    if (len > WORD_MAX)
        return;
    size_t n = fold_word(w, len, folded);
    if (n < 3)
        return;
    folded[n] = '\0';
    for (size_t i = 0; i < n; i++)
        if (folded[i] >= '0' && folded[i] <= '9')
            return; /* times, dates, phone numbers */
    if (is_stop_word(folded))
        return;
    const char *fixed = stem_exception(folded);
    if (fixed) {
        fn(ctx, fixed, strlen(fixed), w, len);
        return;
    }
    const sb_symbol *s = sb_stemmer_stem(st, (const sb_symbol *)folded, (int)n);
    int sl = s ? sb_stemmer_length(st) : 0;
    if (sl > 0)
        fn(ctx, (const char *)s, (size_t)sl, w, len);
}

/* Calls fn for each word of text that is not a stop word, with its stem. */
void match_words(struct sb_stemmer *st, const char *text, match_word_fn fn, void *ctx)
{
    if (!text)
        return;
    const unsigned char *p = (const unsigned char *)text;
    while (*p) {
        size_t k = sep_len(p);
        if (k) {
            p += k;
            continue;
        }
        const unsigned char *start = p;
        while (*p && sep_len(p) == 0)
            p++;
        one_word(st, (const char *)start, (size_t)(p - start), fn, ctx);
    }
}

/* qsort order of unsigned ids. */
static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Sorts ids[0..n) and removes duplicates; returns the new count. */
uint32_t match_ids_sort_unique(uint32_t *ids, uint32_t n)
{
    if (n < 2)
        return n;
    qsort(ids, n, sizeof *ids, cmp_u32);
    uint32_t k = 1;
    for (uint32_t i = 1; i < n; i++)
        if (ids[i] != ids[k - 1])
            ids[k++] = ids[i];
    return k;
}

/* The folded tags of a ';'-list as a sorted idlist (list->ids is always
 * allocated; the caller frees it). With intern false, unknown tags are left out. */
void match_tags_ids(struct match_dict *d, char ns, const char *tags, bool intern,
                    struct match_idlist *list)
{
    struct taglist l;
    tags_split_folded(tags, &l);
    list->ids = xmalloc((l.n ? l.n : 1) * sizeof *list->ids);
    list->n = 0;
    for (size_t i = 0; i < l.n; i++) {
        size_t len = strlen(l.items[i]);
        uint32_t id = intern ? match_dict_intern(d, ns, l.items[i], len)
                             : match_dict_lookup(d, ns, l.items[i], len);
        if (id)
            list->ids[list->n++] = id;
    }
    list->n = match_ids_sort_unique(list->ids, list->n);
    tags_fini(&l);
}

/* Where area parts get their ids: added to rw, or looked up in ro. */
struct area_dicts {
    struct match_dict *rw;
    const struct match_dict *ro;
};

/* Splits the folded area into trimmed parts (at most AREA_MAX), each made
 * an id through d. */
static void area_split(const char *area, struct match_area *a, const struct area_dicts *d)
{
    memset(a, 0, sizeof *a);
    char *f = area ? text_fold(area) : NULL;
    if (!f)
        return;
    const char *p = f;
    while (a->depth < AREA_MAX) {
        const char *slash = strchr(p, '/');
        const char *end = slash ? slash : p + strlen(p);
        const char *s = p;
        while (s < end && (*s == ' ' || *s == '\t'))
            s++;
        while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
            end--;
        size_t len = (size_t)(end - s);
        a->part[a->depth++] = d->rw ? match_dict_intern(d->rw, NS_AREA, s, len)
                                    : match_dict_lookup(d->ro, NS_AREA, s, len);
        if (!slash)
            break;
        p = slash + 1;
    }
    free(f);
}

/* The parts of area as ids, added to d when new. */
void match_area_intern(struct match_dict *d, const char *area, struct match_area *a)
{
    struct area_dicts ds = {.rw = d};
    area_split(area, a, &ds);
}

/* The parts of area as ids of d; unknown parts become 0, which equals no
 * stored part. d is not changed. */
void match_area_lookup(const struct match_dict *d, const char *area, struct match_area *a)
{
    struct area_dicts ds = {.ro = d};
    area_split(area, a, &ds);
}

/* The number of leading parts a and b share (unknown parts never match). */
int match_area_shared(const struct match_area *a, const struct match_area *b)
{
    int n = a->depth < b->depth ? a->depth : b->depth, k = 0;
    while (k < n && a->part[k] && a->part[k] == b->part[k])
        k++;
    return k;
}

/* A copy of s (NULL: "") with control characters as spaces and, with
 * no_semicolon, ';' as ','. The caller frees it. */
char *match_clean(const char *s, bool no_semicolon)
{
    char *r = xstrdup(s ? s : "");
    for (char *p = r; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20 || c == 0x7f)
            *p = ' ';
        else if (no_semicolon && c == ';')
            *p = ',';
    }
    return r;
}
