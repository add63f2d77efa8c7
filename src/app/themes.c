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
