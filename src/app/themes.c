/* themes.c: the themes use case: signals and cases the member may see, counted per area and tag. */
#include <stdio.h>

#include "app_int.h"
#include "wijktafel/date.h"

static int add_one(void *ctx, const struct wt_record *r)
{
    themes_input_add(ctx, r);
    return 0;
}

int app_themes(struct app *a, int32_t since, int32_t until, size_t min_count,
               struct themes *out, struct wt_error *err)
{
    out->items = NULL;
    out->n = 0;
    struct themes_input *in = themes_input_new(since, until);
    int rc = app_each(a, WT_SIGNALS, add_one, in, err);
    if (!rc)
        rc = app_each(a, WT_CASES, add_one, in, err); /* none for volunteers */
    if (!rc)
        themes_compute(in, min_count, out);
    themes_input_free(in);
    if (!rc) {
        char from[11], to[11], detail[40];
        date_format(since, from);
        date_format(until, to);
        snprintf(detail, sizeof detail, "%s..%s", from, to);
        app_log(a, "themes", APP_NO_KIND, NULL, detail);
    }
    return rc;
}

struct trend_feed {
    struct themes_input *now, *before;
};

/* Gives one visible record to both windows; never fails. */
static int add_two(void *ctx, const struct wt_record *r)
{
    struct trend_feed *f = ctx;
    themes_input_add(f->now, r);
    themes_input_add(f->before, r);
    return 0;
}

int app_themes_trend(struct app *a, int32_t until, struct themes *now, size_t **before,
                     struct wt_error *err)
{
    now->items = NULL;
    now->n = 0;
    *before = NULL;
    /* Two windows of 8 weeks, both ends included: [until-55, until] and the 56 days before. */
    struct trend_feed f = {themes_input_new(until - 55, until),
                           themes_input_new(until - 111, until - 56)};
    int rc = app_each(a, WT_SIGNALS, add_two, &f, err);
    if (!rc)
        rc = app_each(a, WT_CASES, add_two, &f, err); /* none for volunteers */
    if (!rc) {
        struct themes old;
        themes_compute(f.now, 2, now);
        themes_compute(f.before, 1, &old);
        *before = xcalloc(now->n + 1, sizeof **before);
        for (size_t i = 0; i < now->n; i++)
            (*before)[i] = themes_count_of(&old, now->items[i].area, now->items[i].tag);
        themes_fini(&old);
    }
    themes_input_free(f.now);
    themes_input_free(f.before);
    if (!rc) {
        char to[11], detail[40];
        date_format(until, to);
        snprintf(detail, sizeof detail, "trend ..%s", to);
        app_log(a, "themes", APP_NO_KIND, NULL, detail);
    }
    return rc;
}
