/* match_int.h: the inside of the ranking engine: weights, the prepared corpus and its indexes. */
#ifndef WIJKTAFEL_MATCH_INT_H
#define WIJKTAFEL_MATCH_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wijktafel/match.h"
#include "wijktafel/xalloc.h"

/*
 * Weights. docs/matching.md explains each of them to a team leader; keep
 * the two in step. A score is the sum of points, then multiplied by the
 * capacity and freshness factors.
 */
#define W_NEED 3.0           /* per need answered, times 1 (common) to 2 (rare) */
#define W_STRENGTH 2.0       /* per interest that matches a strength */
#define MAX_STRENGTHS 3      /* at most this many strengths count */
#define W_WORD 2.0           /* per request word found, times 0..1 for its rarity */
#define MAX_WORD_POINTS 6.0  /* words together never count more than this */
#define W_AREA_BUURT 3.0     /* same neighbourhood (3 or more area parts shared) */
#define W_AREA_DORP 2.0      /* same village or district (2 parts) */
#define W_AREA_GEMEENTE 1.0  /* same municipality (1 part) */
#define W_AGE_FIT 1.0        /* the case's age lies within the entry's range */
#define F_DRIVER_CREDIT 0.5  /* share of the mobility needs a driving neighbour answers */
#define W_WHEELCHAIR 1.0     /* mobility need and the place is wheelchair accessible */
#define W_NO_TRANSPORT (-1.0) /* mobility need, a place to go, and no way to get there */
#define F_FULL 0.5           /* capacity full: the score counts half */
#define F_STALE 0.8          /* not checked for over STALE_DAYS */
#define STALE_DAYS 365
#define W_HISTORY 6.0        /* times (success rate - 0.5): -3 .. +3 */
#define W_PENDING 0.5        /* chosen before, outcome not yet known */
#define W_MEASURED 0.5       /* an outcome from the measures counts half an explicit one */
#define F_HIST_GEMEENTE 0.5  /* an outcome elsewhere in the municipality counts half;
                              * in the same kern fully, outside it not at all */
#define SIMILAR_DAYS 56      /* similar cases: opened within 8 weeks */
#define W_SIMILAR_TIME 1.0   /* up to this for cases opened close together */
#define WORD_MAX_DF_SHARE 0.5 /* words in more than half the entries are ignored */

#define AREA_MAX 6 /* area parts kept; deeper parts are ignored */
#define MAX_DRIVERS 16 /* driving neighbours looked at for one case */

/* How far an option reaches (resources.reach; a talent reaches its kern):
 * the number of leading area parts a case must share with it, or one of
 * the two that do not count parts. */
enum { REACH_GEMEENTE = 1, REACH_KERN = 2, REACH_BUURT = 3, REACH_REGIO = 8, REACH_ONLINE = 9 };

/* Bits of match_opt.access. */
enum { ACCESS_WHEELCHAIR = 1, ACCESS_TRANSPORT = 2 };

/* Term namespaces in the dictionary. */
enum { NS_NEED = 'n', NS_INTEREST = 'i', NS_WORD = 'w', NS_AREA = 'a', NS_HIST = 'h',
       NS_CASE = 'c', NS_NOTWORD = 'x' /* stems of area and people's names */ };

/* A sorted array of unique term ids. */
struct match_idlist {
    uint32_t *ids;
    uint32_t n;
};

/* Interns strings per namespace as ids 1..n (0 means "not known"). */
struct match_dict {
    uint32_t *slots; /* open addressing: id or 0 */
    size_t cap;      /* a power of two */
    char **keys;     /* keys[id]: the namespace byte followed by the string */
    uint32_t *hash;  /* hash[id] */
    uint32_t n;
};

/* An area as interned folded parts. */
struct match_area {
    uint32_t part[AREA_MAX];
    uint8_t depth;
};

/* A resource or talent that may be suggested. */
struct match_opt {
    char id[WT_MAX_ID + 1];
    char *name;              /* display name, control characters made spaces */
    uint8_t type;            /* MATCH_RESOURCE or MATCH_TALENT */
    bool full;               /* capacity full */
    bool buddy;              /* comes to the person: no access question */
    uint8_t access;          /* ACCESS_* */
    uint8_t reach;           /* REACH_* */
    uint32_t slots;          /* parts of the week (weektime.h): the schedule of a
                              * resource, the availability of a talent; 0 unknown */
    int16_t places;          /* free places, or -1 when not given as a number */
    int32_t checked;         /* days, or INT32_MIN when never checked (resources) */
    int16_t age_min, age_max; /* -1 when open */
    struct match_area area;
    struct match_idlist needs, interests, words;
    uint32_t hist_key;       /* dict id of the id in NS_HIST, or 0 */
    uint16_t worked, failed, pending; /* outcome history, everywhere */
    uint16_t mworked, mfailed;        /* outcomes from measures, everywhere */
    uint32_t choice_lo, choice_hi;    /* its choices: corpus choices[lo..hi) */
};

/* An open case that may be suggested as a similar case. */
struct match_case {
    char id[WT_MAX_ID + 1];
    char *label;     /* last area part, for "casus ID (label)" */
    int32_t opened;
    struct match_area area;
    struct match_idlist needs;
};

/* One chosen option of one case, with where the case was and what it
 * needed: history counts by place and need, and leaves a case's own
 * choices out when it is ranked. */
struct match_choice {
    uint32_t case_key; /* dict id of the case id (NS_CASE) */
    uint32_t hist;     /* dict id of the option id (NS_HIST) */
    uint32_t part[3];  /* the case's municipality, kern and neighbourhood ids (0: none) */
    uint32_t needs;    /* the case's needs: corpus choice_needs[needs] */
    uint8_t outcome;   /* OUTCOME_* */
};

/* How a choice turned out: said by the team, or read from the measures. */
enum { OUTCOME_PENDING, OUTCOME_WORKED, OUTCOME_FAILED, OUTCOME_MWORKED, OUTCOME_MFAILED };

/* Outcomes of an option id over all cases. */
struct match_hist {
    uint16_t worked, failed, pending, mworked, mfailed;
};

/* Outcome counts of an option: explicit, from measures, and still open;
 * each weighted by where it happened (1 in the same kern). */
struct match_counts {
    double worked, failed, mworked, mfailed, pending;
};

/* The same outcomes as whole numbers, for the reasons. */
struct match_tally {
    unsigned worked, failed, mworked, mfailed, pending;
};

/* A posting list table: for term t the items items[off[t] .. off[t+1]). */
struct match_postings {
    uint32_t *off;
    uint32_t *items;
};

struct match_corpus {
    int32_t today;
    bool finished;
    struct match_dict dict;
    struct sb_stemmer *stemmer; /* for adding; freed by finish */

    struct match_idlist region; /* NS_AREA ids of the region's municipalities, sorted */

    struct match_opt *opts; /* suggestible resources and talents */
    size_t nopts, capopts;
    struct match_case *cases; /* open, unshielded cases */
    size_t ncases, capcases;

    /* By dict id: how many records hold the need tag or word. */
    uint32_t *df;
    size_t capdf;
    uint32_t ndocs_needs; /* resources + talents + cases added */
    uint32_t ndocs_words; /* resources + talents added */

    struct match_hist *hist; /* by dict id (NS_HIST) */
    size_t caphist;
    struct match_choice *choices; /* sorted by option, then case, after finish */
    size_t nchoices, capchoices;
    struct match_idlist *choice_needs; /* the needs of cases with choices */
    size_t nchoice_needs, capchoice_needs;

    /* Prepared by match_corpus_finish, by dict id (nterms + 1 entries). */
    uint32_t nterms;
    float *need_w; /* points for answering a need */
    float *word_w; /* points for a request word found */
    struct match_postings by_need, by_interest, by_word; /* -> option index */
    struct match_postings case_by_need; /* -> case index, by district then date */
    /* Per option, for skipping hopeless ones without touching the option:
     * the most area, age and history can add, the capacity and freshness
     * factor, and BOUND_* bits for what access can add. */
    float *bound_extra, *bound_factor;
    uint8_t *bound_access;
};

enum { BOUND_PLACE = 1, BOUND_TRANSPORT = 2, BOUND_WHEELCHAIR = 4 };

/* Tags of the case being ranked: known ids sorted (for matching) and in
 * the order written (for reasons). */
struct match_qtags {
    uint32_t *sorted, *written;
    uint32_t n;
};

/* A request word: its stem id and the word as written, lower case. */
struct match_qword {
    uint32_t id, pos;
    char *text;
};

/* The case being ranked, parsed against the corpus dictionary. */
struct match_query {
    const struct match_corpus *c;
    char id[WT_MAX_ID + 1];
    struct match_qtags needs, strengths;
    struct match_qword *words; /* sorted by id, unique, only words that count */
    uint32_t nwords;
    struct match_area area;
    char *area_part[AREA_MAX]; /* the case's area parts as written, trimmed */
    bool in_region;            /* the case's municipality is in the team's region */
    int age;                   /* -1 when unknown */
    int32_t opened;
    bool has_opened;
    uint32_t mob[2];           /* the case's mobility needs (mobiliteit, vervoer) */
    float mob_w[2];
    int nmob;
    uint32_t drivers[MAX_DRIVERS]; /* option indexes of talents in the kern who drive,
                                    * nearest first, then by id */
    int ndrivers;
    uint32_t case_key;         /* the case's id in NS_CASE, or 0 */
};

/* How one option scored, factor by factor (rank.c fills, reasons.c tells). */
struct match_factors {
    bool excluded;     /* outside the age range or out of reach */
    double need, transport_credit, strength, words, area, age, access, history;
    double factor;     /* capacity and freshness, multiplied */
    int shared;        /* area parts shared with the case */
    int transport;     /* TRANSPORT_* */
    int64_t driver;    /* TRANSPORT_DRIVER: the talent's option index */
    bool wheelchair, full, stale;
    struct match_tally hist;   /* the outcomes that counted */
    int hist_depth;            /* area parts all of them share with the case */
    double total;
};

enum { TRANSPORT_NONE, TRANSPORT_ENTRY, TRANSPORT_DRIVER, TRANSPORT_MISSING };

/* One candidate in the ranking. */
struct match_cand {
    double score;
    uint32_t idx;  /* in corpus opts or cases */
    uint8_t type;  /* enum match_type */
};

/* The best candidates: a bounded heap when limit > 0, else all of them. */
struct match_top {
    const struct match_corpus *c;
    struct match_cand *v;
    size_t n, cap, limit;
};

/* dict.c */
void match_dict_init(struct match_dict *d);
void match_dict_fini(struct match_dict *d);
/* The id of ns+s[0..len), added when new. */
uint32_t match_dict_intern(struct match_dict *d, char ns, const char *s, size_t len);
/* The id of ns+s[0..len), or 0 when it was never interned. */
uint32_t match_dict_lookup(const struct match_dict *d, char ns, const char *s, size_t len);

/* terms.c */
/* Callback for each stemmed word of a text: stem[0..len) and the word as
 * written (word[0..wlen)). */
typedef void (*match_word_fn)(void *ctx, const char *stem, size_t len, const char *word,
                              size_t wlen);
/* Splits text into words, folds them, drops stop words and stems the rest
 * with the Dutch Snowball stemmer st. */
void match_words(struct sb_stemmer *st, const char *text, match_word_fn fn, void *ctx);
/* Sorts ids and removes duplicates in place; returns the new count. */
uint32_t match_ids_sort_unique(uint32_t *ids, uint32_t n);
/* Folded tags of a ';'-list as a sorted idlist; with intern false, unknown
 * tags are left out. The caller frees list->ids. */
void match_tags_ids(struct match_dict *d, char ns, const char *tags, bool intern,
                    struct match_idlist *list);
/* The folded parts of an area as ids: interned into d (added when new), or
 * looked up in d, where unknown parts become 0, which equals no stored part. */
void match_area_intern(struct match_dict *d, const char *area, struct match_area *a);
void match_area_lookup(const struct match_dict *d, const char *area, struct match_area *a);
/* Number of leading parts a and b share. */
int match_area_shared(const struct match_area *a, const struct match_area *b);
/* A copy of s with control characters as spaces and, with no_semicolon,
 * ';' as ','. The caller frees. */
char *match_clean(const char *s, bool no_semicolon);

/* True when option o reaches the case of q (see enum REACH_*). */
bool match_in_reach(const struct match_query *q, const struct match_opt *o);

/* query.c */
/* Parses case cs against corpus c; free with match_query_fini. */
void match_query_init(struct match_query *q, const struct match_corpus *c,
                      const struct wt_record *cs);
void match_query_fini(struct match_query *q);
/* True when the sorted list holds id. */
bool match_ids_has(const uint32_t *ids, uint32_t n, uint32_t id);

/* index.c */
/* History points of an option from its counts (rank.c and the bounds). */
double match_history_points(const struct match_counts *n);

/* rank.c */
/* Scores option i given its accumulated evidence; fills f. */
void match_score_opt(const struct match_query *q, uint32_t i, double need, double words,
                     unsigned nstr, struct match_factors *f);
void match_top_push(struct match_top *t, struct match_cand x);
/* Rounds a score to two decimals so that equal-looking scores tie. */
double match_round(double x);

/* similar.c */
/* Pushes the similar open cases of q into t. */
void match_similar(const struct match_query *q, struct match_top *t);
/* Scores similar case k for q: shared need points, area and time. */
double match_similar_score(const struct match_query *q, uint32_t k, int *shared_area,
                           int *days);

/* reasons.c */
/* Fills o (name, reasons, via) for candidate x; o->id and type too. */
void match_option_fill(const struct match_query *q, const struct match_cand *x,
                       struct match_option *o);

/* corpus.c */
/* Makes room for index id in the array *arr of *cap elem-sized items;
 * new items are zero. */
void match_grow_zeroed(void **arr, size_t *cap, size_t id, size_t elem);

#endif
