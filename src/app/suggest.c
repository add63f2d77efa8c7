/* suggest.c: the options engine over one snapshot of the database, for the screen and the command. */
#include <stdio.h>
#include <stdlib.h>

#include "app_int.h"
#include "wijktafel/i18n.h"

struct app_suggester {
    struct app *a;
    struct match_corpus *corpus;
    char (*asked)[WT_MAX_ID + 1]; /* cases suggested for, logged when done */
    size_t n, cap;
};

static int add_one(void *ctx, const struct wt_record *r)
{
    if (!r->damaged)
        match_corpus_add(ctx, r);
    return 0;
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
    const enum wt_kind kinds[] = {WT_RESOURCES, WT_TALENTS, WT_CASES};
    for (size_t i = 0; i < 3 && !rc; i++)
        rc = store_each(t, kinds[i], add_one, s->corpus);
    store_read_end(t);
    if (rc) {
        app_suggester_free(s);
        return wt_error_set(err, rc, _("%s: de database kan niet worden gelezen"), a->dir);
    }
    match_corpus_finish(s->corpus);
    *out = s;
    return 0;
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
        if (o->type == MATCH_CASE && s->a->role != APP_LEADER) {
            struct wt_record r;
            keep = app_get_unlogged(s->a, WT_CASES, o->id, &r) == 0;
            record_fini(&r);
        }
        if (keep) {
            res->opts[k++] = *o;
        } else {
            free(o->name);
            free(o->reasons);
        }
    }
    res->n = k;
}

int app_suggest(struct app_suggester *s, const char *case_id, size_t limit,
                struct match_result *out, struct wt_error *err)
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
    /* The engine never offers shielded cases, so nothing it returns is hidden
     * from a member who may ask for options: the limit goes straight in. */
    match_rank(s->corpus, &cs, limit, out);
    record_fini(&cs);
    filter_visible(s, out);
    if (limit && out->n > limit) {
        for (size_t i = limit; i < out->n; i++) {
            free(out->opts[i].name);
            free(out->opts[i].reasons);
        }
        out->n = limit;
    }
    return 0;
}
