/* suggest.c: the options engine over one snapshot of the database, for the screen and the command. */
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "app_int.h"
#include "wijktafel/i18n.h"

struct app_suggester {
    struct app *a;
    struct match_corpus *corpus;
    char (*asked)[WT_MAX_ID + 1]; /* cases suggested for, logged when done */
    size_t n, cap;
};

struct feed {
    struct store_txn *t;
    struct match_corpus *corpus;
};

/* True when a chosen list ("r-a:worked;t-b") holds an option without an
 * explicit outcome: only then can the measures say something. */
static bool has_open_choice(const char *chosen)
{
    for (const char *p = chosen; p && *p;) {
        size_t n = strcspn(p, ";");
        const char *colon = memchr(p, ':', n);
        size_t tail = colon ? (size_t)(p + n - colon) : 0;
        bool explicit_outcome = tail == 7 && (memcmp(colon, ":worked", 7) == 0 ||
                                              memcmp(colon, ":failed", 7) == 0);
        if (n > 0 && !explicit_outcome)
            return true;
        p += n + (p[n] == ';');
    }
    return false;
}

/* What the case's measures at start and close say about its choices. A
 * measure that cannot be read says nothing: the options still come. */
static enum match_hint case_hint(struct store_txn *t, const struct wt_record *r)
{
    if (!r->v[CASE_ID] || !has_open_choice(r->v[CASE_CHOSEN]))
        return MATCH_HINT_NONE;
    struct measure start, close;
    if (store_measure_get(t, r->v[CASE_ID], MEASURE_START, &start) != 0 ||
        store_measure_get(t, r->v[CASE_ID], MEASURE_CLOSE, &close) != 0)
        return MATCH_HINT_NONE;
    return match_measure_hint(&start, &close);
}

static int add_one(void *ctx, const struct wt_record *r)
{
    struct feed *f = ctx;
    if (r->damaged)
        return 0;
    enum match_hint hint = r->kind == WT_CASES ? case_hint(f->t, r) : MATCH_HINT_NONE;
    match_corpus_add_case(f->corpus, r, hint);
    return 0;
}

static int region_handler(void *user, const char *section, const char *name, const char *value)
{
    char **region = user;
    if (strcmp(section, "team") == 0 && strcmp(name, "regio") == 0) {
        free(*region);
        *region = xstrdup(value);
    }
    return 1;
}

/* The team's region from the config file ([team] regio = A; B): the
 * municipalities an entry with reach regio also reaches. NULL when none. */
static char *config_region(void)
{
    const char *x = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    char *path = x && *x == '/' ? xasprintf("%s/wijktafel/config.ini", x)
                                : xasprintf("%s/.config/wijktafel/config.ini",
                                            home && *home ? home : ".");
    char *region = NULL;
    if (access(path, R_OK) == 0)
        ini_parse(path, region_handler, &region);
    free(path);
    return region;
}

int app_suggester_new(struct app *a, struct app_suggester **out, struct wt_error *err)
{
    *out = NULL;
    int rc = app_allowed(a, WT_CASES, APP_OP_READ, err);
    if (rc)
        return rc;
    struct store_txn *t;
    if ((rc = store_read_begin(a->store, &t, err)) != 0)
        return rc;
    struct app_suggester *s = xcalloc(1, sizeof *s);
    s->a = a;
    s->corpus = match_corpus_new(a->today);
    char *region = config_region();
    if (region)
        match_corpus_region(s->corpus, region);
    free(region);
    /* Members for their names only: a name is never a request word. */
    const enum wt_kind kinds[] = {WT_MEMBERS, WT_RESOURCES, WT_TALENTS, WT_CASES};
    struct feed f = {t, s->corpus};
    for (size_t i = 0; i < 4 && !rc; i++)
        rc = store_each(t, kinds[i], add_one, &f);
    store_read_end(t);
    if (rc) {
        app_suggester_free(s);
        return wt_error_set(err, rc, _("%s: de database kan niet worden gelezen"), a->dir);
    }
    match_corpus_finish(s->corpus);
    *out = s;
    return 0;
}

const struct match_corpus *app_suggester_corpus(const struct app_suggester *s)
{
    return s->corpus;
}

void app_suggester_free(struct app_suggester *s)
{
    if (!s)
        return;
    if (s->n) {
        const char **ids = xmalloc(s->n * sizeof(const char *));
        for (size_t i = 0; i < s->n; i++)
            ids[i] = s->asked[i];
        app_log_ids(s->a, "suggest", WT_CASES, ids, s->n, NULL);
        free(ids);
    }
    free(s->asked);
    match_corpus_free(s->corpus);
    free(s);
}

/* Drops options the member may not see (shielded cases of others). */
static void filter_visible(struct app_suggester *s, struct match_result *res)
{
    size_t k = 0;
    for (size_t i = 0; i < res->n; i++) {
        struct match_option *o = &res->opts[i];
        bool keep = true;
        if (o->type == MATCH_CASE) { /* app decides: shielded of others, or on the wall */
            struct wt_record r;
            keep = app_get_unlogged(s->a, WT_CASES, o->id, &r) == 0;
            record_fini(&r);
        }
        if (keep) {
            /* What the engine says of people, as this app may hand it out. */
            char *name = o->type == MATCH_TALENT ? app_shown_person(s->a, o->name)
                                                 : app_shown_text(s->a, o->name);
            char *reasons = app_shown_text(s->a, o->reasons);
            free(o->name);
            free(o->reasons);
            o->name = name;
            o->reasons = reasons;
            res->opts[k++] = *o;
        } else {
            free(o->name);
            free(o->reasons);
        }
    }
    res->n = k;
}

void app_options_fini(struct app_options *o)
{
    for (size_t i = 0; i < o->n; i++) {
        free(o->opts[i].name);
        free(o->opts[i].reasons);
    }
    free(o->opts);
    o->opts = NULL;
    o->n = 0;
}

const char *app_option_type_name(enum app_option_type t)
{
    switch (t) {
    case APP_OPTION_RESOURCE: return "resource";
    case APP_OPTION_TALENT: return "talent";
    case APP_OPTION_CASE: return "case";
    }
    return "?";
}

static enum app_option_type option_type(enum match_type t)
{
    switch (t) {
    case MATCH_RESOURCE: return APP_OPTION_RESOURCE;
    case MATCH_TALENT: return APP_OPTION_TALENT;
    case MATCH_CASE: break;
    }
    return APP_OPTION_CASE;
}

/* Moves the engine's first n options (their strings too) into out and frees
 * the rest of res. */
static void options_take(struct match_result *res, size_t n, struct app_options *out)
{
    out->opts = n ? xcalloc(n, sizeof *out->opts) : NULL;
    out->n = n;
    for (size_t i = 0; i < n; i++) {
        const struct match_option *m = &res->opts[i];
        struct app_option *o = &out->opts[i];
        o->type = option_type(m->type);
        memcpy(o->id, m->id, sizeof o->id);
        o->name = m->name;
        o->score = m->score;
        o->reasons = m->reasons;
        memcpy(o->via, m->via, sizeof o->via);
        res->opts[i].name = res->opts[i].reasons = NULL;
    }
    match_result_fini(res);
}

int app_suggest(struct app_suggester *s, const char *case_id, size_t limit,
                struct app_options *out, struct wt_error *err)
{
    out->opts = NULL;
    out->n = 0;
    struct wt_record cs;
    int rc = app_get_unlogged(s->a, WT_CASES, case_id, &cs);
    if (rc) {
        record_fini(&cs);
        if (rc == WT_ENOTFOUND)
            return wt_error_set(err, rc, _("casus %s bestaat niet"), case_id);
        return wt_error_set(err, rc, _("casus %s kan niet worden gelezen"), case_id);
    }
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->asked = xrealloc(s->asked, s->cap * sizeof *s->asked);
    }
    snprintf(s->asked[s->n++], WT_MAX_ID + 1, "%s", case_id);
    if (s->a->beamer) {
        /* Visible, so ranked on what is stored (the age, not its band). */
        struct store_txn *t;
        if (store_read_begin(s->a->store, &t, NULL) == 0) {
            struct wt_record raw;
            if (store_get(t, WT_CASES, case_id, &raw) == 0) {
                record_fini(&cs);
                cs = raw;
            } else {
                record_fini(&raw);
            }
            store_read_end(t);
        }
    }
    /* The engine never offers shielded cases, so nothing it returns is hidden
     * from a member who may ask for options: the limit goes straight in. */
    struct match_result res;
    match_rank(s->corpus, &cs, limit, &res);
    record_fini(&cs);
    filter_visible(s, &res);
    options_take(&res, limit && res.n > limit ? limit : res.n, out);
    return 0;
}
