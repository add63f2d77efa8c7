/* meeting_search.c: incremental accent- and case-insensitive search over every visible record. */
#include <stdlib.h>
#include <string.h>

#include "meeting_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/date.h"
#include "wijktafel/text.h"
#include "wijktafel/words.h"

struct entry {
    enum wt_kind kind;
    char *id;
    char *label;
    char *hay; /* folded text of the searchable columns, '\n' between them */
};

struct meeting_search {
    struct entry *e;
    size_t n, cap;
    char *query;           /* folded */
    char **words;          /* its words */
    size_t nwords;
    size_t *hits, nh, caph;
    size_t *cand, ncand;   /* the previous hits when refining */
    size_t cand_pos, scan_pos;
    char **member_ids, **member_names; /* while it is built: an action's owner by name */
    size_t nmembers;
};

#define LABEL_MAX 240

static const char *last_part(const char *area)
{
    const char *s = strrchr(area, '/');
    return s ? s + 1 : area;
}

/* Cuts s to at most max bytes on a UTF-8 boundary. */
static void cut(char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max)
        return;
    while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
        max--;
    s[max] = '\0';
}

static int add_member(void *ctx, const struct wt_record *r)
{
    struct meeting_search *s = ctx;
    s->member_ids = xrealloc(s->member_ids, (s->nmembers + 1) * sizeof *s->member_ids);
    s->member_names = xrealloc(s->member_names, (s->nmembers + 1) * sizeof *s->member_names);
    s->member_ids[s->nmembers] = xstrdup(r->v[MEMBER_ID]);
    s->member_names[s->nmembers++] = xstrdup(record_get(r, MEMBER_NAME));
    return 0;
}

static void free_members(struct meeting_search *s)
{
    for (size_t i = 0; i < s->nmembers; i++) {
        free(s->member_ids[i]);
        free(s->member_names[i]);
    }
    free(s->member_ids);
    free(s->member_names);
    s->member_ids = s->member_names = NULL;
    s->nmembers = 0;
}

/* A member as people know them: the name, or the id of one not (or no longer)
 * in the team; "" for none. */
static const char *member_shown(const struct meeting_search *s, const char *id)
{
    if (!id)
        return "";
    for (size_t i = 0; i < s->nmembers; i++)
        if (strcmp(s->member_ids[i], id) == 0 && *s->member_names[i])
            return s->member_names[i];
    return id;
}

static char *make_label(const struct meeting_search *s, const struct wt_record *r)
{
    const char *(*g)(const struct wt_record *, int) = record_get;
    char day[DATE_SHOW_MAX], list[LABEL_MAX];
    char *l;
    switch (r->kind) {
    case WT_CASES:
        l = xasprintf("%s, %s: %s", g(r, CASE_RESIDENT), last_part(g(r, CASE_AREA)),
                      g(r, CASE_REQUEST));
        break;
    case WT_SIGNALS:
        l = xasprintf("%s %s: %s", date_show_iso(r->v[SIGNAL_DATE], DATE_FULL, 0, day),
                      last_part(g(r, SIGNAL_AREA)),
                      g(r, SIGNAL_TEXT));
        break;
    case WT_RESOURCES:
        l = xasprintf("%s (%s, %s)", g(r, RESOURCE_NAME), words_of("resources.kind", g(r, RESOURCE_KIND)),
                      last_part(g(r, RESOURCE_AREA)));
        break;
    case WT_TALENTS:
        l = xasprintf("%s, %s: %s", g(r, TALENT_NAME), last_part(g(r, TALENT_AREA)),
                      words_list(NULL, r->v[TALENT_OFFERS], list, sizeof list));
        break;
    case WT_ACTIONS:
        l = xasprintf("%s (%s, %s)", g(r, ACTION_TEXT), member_shown(s, r->v[ACTION_OWNER]),
                      date_show_iso(r->v[ACTION_DUE], DATE_FULL, 0, day));
        break;
    case WT_PROJECTS:
        l = xasprintf("%s (%s, %s)", g(r, PROJECT_NAME),
                      words_of("projects.phase", g(r, PROJECT_PHASE)),
                      last_part(g(r, PROJECT_AREA)));
        break;
    case WT_PARTNERS:
        l = xasprintf("%s (%s, %s)", g(r, PARTNER_NAME),
                      words_of("partners.role", g(r, PARTNER_ROLE)),
                      last_part(g(r, PARTNER_AREA)));
        break;
    default:
        l = xasprintf("%s (%s)", g(r, MEMBER_NAME), words_of("members.role", g(r, MEMBER_ROLE)));
        break;
    }
    cut(l, LABEL_MAX);
    return l;
}

static int add_one(void *ctx, const struct wt_record *r)
{
    struct meeting_search *s = ctx;
    const struct wt_kind_def *kd = record_kind(r->kind);
    struct buf b = {0};
    for (int f = 0; f < kd->nfields; f++) {
        /* The record is as app hands it out: on the beamer already without
         * names, private lines and shielded cases, so search finds only
         * what the wall may show. */
        if (!r->v[f])
            continue;
        buf_puts(&b, r->v[f]);
        buf_putc(&b, '\n');
    }
    if (r->kind == WT_ACTIONS && r->v[ACTION_OWNER]) { /* found by the owner's name too */
        buf_puts(&b, member_shown(s, r->v[ACTION_OWNER]));
        buf_putc(&b, '\n');
    }
    char *hay = text_fold(b.data ? b.data : "");
    buf_fini(&b);
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 1024;
        s->e = xrealloc(s->e, s->cap * sizeof *s->e);
    }
    struct entry *e = &s->e[s->n++];
    e->kind = r->kind;
    e->id = xstrdup(r->v[0]);
    e->label = make_label(s, r);
    e->hay = hay ? hay : xstrdup("");
    return 0;
}

int meeting_search_new(struct app *a, struct meeting_search **out, struct wt_error *err)
{
    struct meeting_search *s = xcalloc(1, sizeof *s);
    s->query = xstrdup("");
    static const enum wt_kind order[] = {WT_CASES,   WT_SIGNALS, WT_RESOURCES,
                                         WT_TALENTS, WT_ACTIONS, WT_MEMBERS,
                                         WT_PROJECTS, WT_PARTNERS};
    /* Members first, so that an action's label names its owner; a member who
     * may not read the team sees ids. */
    if (app_each(a, WT_MEMBERS, add_member, s, NULL) != 0)
        free_members(s);
    int rc = 0;
    for (size_t i = 0; i < sizeof order / sizeof order[0] && !rc; i++)
        rc = app_each(a, order[i], add_one, s, err);
    free_members(s);
    if (rc) {
        meeting_search_free(s);
        *out = NULL;
        return rc;
    }
    /* Searching reads every visible record: noted, without the query. */
    app_log(a, "search", APP_NO_KIND, NULL, NULL);
    *out = s;
    return 0;
}

static void free_words(struct meeting_search *s)
{
    for (size_t i = 0; i < s->nwords; i++)
        free(s->words[i]);
    free(s->words);
    s->words = NULL;
    s->nwords = 0;
}

void meeting_search_free(struct meeting_search *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        free(s->e[i].id);
        free(s->e[i].label);
        free(s->e[i].hay);
    }
    free(s->e);
    free_words(s);
    free(s->query);
    free(s->hits);
    free(s->cand);
    free(s);
}

void meeting_search_start(struct meeting_search *s, const char *query)
{
    char *fq = text_fold(query ? query : "");
    if (!fq)
        fq = xstrdup("");
    bool refine = *s->query && strncmp(fq, s->query, strlen(s->query)) == 0;
    if (refine) {
        /* Every hit of the longer query is a hit of the shorter one: look
         * only at those, then at the candidates and records the last search
         * had not reached yet (all later in index order). */
        size_t rest = s->ncand - s->cand_pos;
        size_t *cand = xmalloc((s->nh + rest + 1) * sizeof *cand);
        if (s->nh)
            memcpy(cand, s->hits, s->nh * sizeof *cand);
        if (rest)
            memcpy(cand + s->nh, s->cand + s->cand_pos, rest * sizeof *cand);
        free(s->cand);
        s->cand = cand;
        s->ncand = s->nh + rest;
    } else {
        free(s->cand);
        s->cand = NULL;
        s->ncand = 0;
        s->scan_pos = 0;
    }
    s->nh = 0;
    s->cand_pos = 0;
    free(s->query);
    s->query = fq;
    free_words(s);
    char *copy = xstrdup(fq), *save = NULL;
    for (char *w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
        s->words = xrealloc(s->words, (s->nwords + 1) * sizeof *s->words);
        s->words[s->nwords++] = xstrdup(w);
    }
    free(copy);
    if (!s->nwords) /* nothing typed: no hits, and nothing to scan */
        s->scan_pos = s->n;
}

static bool matches(const struct meeting_search *s, const struct entry *e)
{
    for (size_t i = 0; i < s->nwords; i++)
        if (!strstr(e->hay, s->words[i]))
            return false;
    return true;
}

static void add_hit(struct meeting_search *s, size_t idx)
{
    if (s->nh == s->caph) {
        s->caph = s->caph ? s->caph * 2 : 256;
        s->hits = xrealloc(s->hits, s->caph * sizeof *s->hits);
    }
    s->hits[s->nh++] = idx;
}

bool meeting_search_step(struct meeting_search *s, size_t budget)
{
    while (budget && s->cand_pos < s->ncand) {
        size_t idx = s->cand[s->cand_pos++];
        if (matches(s, &s->e[idx]))
            add_hit(s, idx);
        budget--;
    }
    while (budget && s->cand_pos >= s->ncand && s->scan_pos < s->n) {
        if (matches(s, &s->e[s->scan_pos]))
            add_hit(s, s->scan_pos);
        s->scan_pos++;
        budget--;
    }
    return s->cand_pos >= s->ncand && s->scan_pos >= s->n;
}

size_t meeting_search_nhits(const struct meeting_search *s)
{
    return s->nh;
}

struct meeting_hit meeting_search_hit(const struct meeting_search *s, size_t i)
{
    const struct entry *e = &s->e[s->hits[i]];
    return (struct meeting_hit){e->kind, e->id, e->label};
}

size_t meeting_search_size(const struct meeting_search *s)
{
    return s->n;
}
