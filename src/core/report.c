/* report.c: counting the period's cases, chosen options and signals for `wijktafel report`. */
#include "wijktafel/report.h"

#include <stdlib.h>
#include <string.h>

#include "wijktafel/date.h"
#include "wijktafel/tags.h"
#include "wijktafel/xalloc.h"

struct rp_case {
    char *id;
    char *area;
    char *channel;        /* "" when not recorded */
    struct taglist needs; /* folded */
    int has_formal;       /* `formal` filled */
    struct taglist chosen; /* "ID" or "ID:worked" / "ID:failed", as written */
};

struct rp_resource {
    char *id, *name;
    int formal;
};

struct report_input {
    int32_t from, to;
    struct rp_case *cases;
    size_t n_cases, cap_cases;
    struct rp_resource *res;
    size_t n_res, cap_res;
    size_t signals;
    size_t n_weeks;
    size_t *week_requests, *week_signals; /* per week from the Monday of `from` */
    size_t measured[2], domain_n[2][MEASURE_DOMAINS], domain_sum[2][MEASURE_DOMAINS];
    char **themes; /* folded theme tags of the period's signals, one per mention */
    size_t n_themes, cap_themes;
};

/* Grows *p (of elements of size sz) so that one more fits. */
static void grow(void **p, size_t n, size_t *cap, size_t sz)
{
    if (n < *cap)
        return;
    *cap = *cap ? *cap * 2 : 32;
    *p = xrealloc(*p, *cap * sz);
}

struct report_input *report_input_new(int32_t from, int32_t to)
{
    struct report_input *in = xcalloc(1, sizeof *in);
    in->from = from;
    in->to = to;
    int32_t first = from - date_weekday(from);
    in->n_weeks = to >= from ? (size_t)((to - first) / 7 + 1) : 0;
    in->week_requests = xcalloc(in->n_weeks + 1, sizeof *in->week_requests);
    in->week_signals = xcalloc(in->n_weeks + 1, sizeof *in->week_signals);
    return in;
}

/* True when the date column f of r lies in the window; *week gets its week's
 * number, counted from the week of `from`. */
static int in_period(const struct report_input *in, const struct wt_record *r, int f,
                     size_t *week)
{
    int32_t d;
    if (date_parse(record_get(r, f), &d) != 0 || d < in->from || d > in->to)
        return 0;
    *week = (size_t)((d - (in->from - date_weekday(in->from))) / 7);
    return 1;
}

void report_input_add(struct report_input *in, const struct wt_record *r)
{
    size_t week = 0;
    if (r->kind == WT_RESOURCES) {
        grow((void **)&in->res, in->n_res, &in->cap_res, sizeof *in->res);
        struct rp_resource *x = &in->res[in->n_res++];
        x->id = xstrdup(record_get(r, RESOURCE_ID));
        x->name = xstrdup(record_get(r, RESOURCE_NAME));
        x->formal = strcmp(record_get(r, RESOURCE_KIND), "formal") == 0;
    } else if (r->kind == WT_CASES && in_period(in, r, CASE_OPENED, &week)) {
        in->week_requests[week]++;
        grow((void **)&in->cases, in->n_cases, &in->cap_cases, sizeof *in->cases);
        struct rp_case *c = &in->cases[in->n_cases++];
        c->id = xstrdup(record_get(r, CASE_ID));
        c->area = xstrdup(record_get(r, CASE_AREA));
        c->channel = xstrdup(record_get(r, CASE_CHANNEL));
        tags_split_folded(record_get(r, CASE_NEEDS), &c->needs);
        c->has_formal = *record_get(r, CASE_FORMAL) != '\0';
        tags_split(record_get(r, CASE_CHOSEN), &c->chosen);
    } else if (r->kind == WT_SIGNALS && in_period(in, r, SIGNAL_DATE, &week)) {
        in->signals++;
        in->week_signals[week]++;
        struct taglist t;
        tags_split_folded(record_get(r, SIGNAL_THEMES), &t);
        for (size_t i = 0; i < t.n; i++) {
            int dup = 0; /* a theme written twice on one signal counts once */
            for (size_t j = 0; j < i; j++)
                dup |= strcmp(t.items[j], t.items[i]) == 0;
            if (dup)
                continue;
            grow((void **)&in->themes, in->n_themes, &in->cap_themes, sizeof *in->themes);
            in->themes[in->n_themes++] = xstrdup(t.items[i]);
        }
        tags_fini(&t);
    }
}

void report_input_free(struct report_input *in)
{
    if (!in)
        return;
    for (size_t i = 0; i < in->n_cases; i++) {
        free(in->cases[i].id);
        free(in->cases[i].area);
        free(in->cases[i].channel);
        tags_fini(&in->cases[i].needs);
        tags_fini(&in->cases[i].chosen);
    }
    for (size_t i = 0; i < in->n_res; i++) {
        free(in->res[i].id);
        free(in->res[i].name);
    }
    for (size_t i = 0; i < in->n_themes; i++)
        free(in->themes[i]);
    free(in->week_requests);
    free(in->week_signals);
    free(in->cases);
    free(in->res);
    free(in->themes);
    free(in);
}

void report_input_add_measure(struct report_input *in, const char *case_id,
                              enum measure_phase phase, const struct measure *m)
{
    bool known = false;
    for (size_t i = 0; i < in->n_cases && !known; i++)
        known = strcmp(in->cases[i].id, case_id) == 0;
    if (!known || measure_empty(m))
        return;
    int p = phase == MEASURE_START ? 0 : 1;
    in->measured[p]++;
    for (int d = 0; d < MEASURE_DOMAINS; d++)
        if (m->score[d] >= 1 && m->score[d] <= 5) {
            in->domain_n[p][d]++;
            in->domain_sum[p][d] += (size_t)m->score[d];
        }
}

size_t report_avg_tenths(size_t sum, size_t n)
{
    return n ? (sum * 20 + n) / (2 * n) : 0;
}

size_t report_permille(size_t n, size_t total)
{
    return total ? (n * 1000 + total / 2) / total : 0;
}

/* qsort comparators: strings; resources by id. */
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Counts equal strings in keys (sorted here); each key is "KEY\x01ITEM" or
 * "ITEM" (split=0, key NULL). Takes ownership of the keys. */
static struct report_count *count_runs(char **keys, size_t n, int split, size_t *n_out)
{
    qsort(keys, n, sizeof *keys, cmp_str);
    struct report_count *out = xcalloc(n ? n : 1, sizeof *out);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k && strcmp(keys[i], keys[i - 1]) == 0) {
            out[k - 1].count++;
            continue;
        }
        char *sep = split ? strchr(keys[i], '\x01') : NULL;
        if (sep) {
            out[k].key = xstrndup(keys[i], (size_t)(sep - keys[i]));
            out[k].item = xstrdup(sep + 1);
        } else if (split) {
            out[k].key = xstrdup(keys[i]);
        } else {
            out[k].item = xstrdup(keys[i]);
        }
        out[k++].count = 1;
    }
    for (size_t i = 0; i < n; i++)
        free(keys[i]);
    free(keys);
    *n_out = k;
    return out;
}

static int cmp_res(const void *a, const void *b)
{
    return strcmp(((const struct rp_resource *)a)->id, ((const struct rp_resource *)b)->id);
}

/* The resource with id (resources sorted by id), or NULL. */
static const struct rp_resource *find_res(const struct report_input *in, const char *id)
{
    struct rp_resource key = {.id = (char *)id};
    return in->n_res ? bsearch(&key, in->res, in->n_res, sizeof *in->res, cmp_res) : NULL;
}

/* Most chosen first, then by id. */
static int cmp_option(const void *a, const void *b)
{
    const struct report_option *x = a, *y = b;
    if (x->chosen != y->chosen)
        return x->chosen > y->chosen ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* Most counted first, then by item. */
static int cmp_count_desc(const void *a, const void *b)
{
    const struct report_count *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->item, y->item);
}

/* Adds one mention of option id (outcome: 0 none, 1 worked, 2 failed). */
static void add_option(struct report *out, size_t *cap, const struct report_input *in,
                       const char *id, int outcome)
{
    struct report_option *o = NULL;
    for (size_t i = 0; i < out->n_options && !o; i++)
        if (strcmp(out->options[i].id, id) == 0)
            o = &out->options[i];
    if (!o) {
        grow((void **)&out->options, out->n_options, cap, sizeof *out->options);
        o = &out->options[out->n_options++];
        memset(o, 0, sizeof *o);
        o->id = xstrdup(id);
        const struct rp_resource *r = find_res(in, id);
        o->name = r ? xstrdup(r->name) : NULL;
        o->formal = r ? r->formal : 0;
    }
    o->chosen++;
    o->worked += outcome == 1;
    o->failed += outcome == 2;
}

/* Counts one request of channel, answered with a wellbeing option or not. */
static void add_channel(struct report *out, size_t *cap, const char *channel, int wellbeing)
{
    struct report_channel *ch = NULL;
    for (size_t i = 0; i < out->n_channels && !ch; i++)
        if (strcmp(out->channels[i].channel, channel) == 0)
            ch = &out->channels[i];
    if (!ch) {
        grow((void **)&out->channels, out->n_channels, cap, sizeof *out->channels);
        ch = &out->channels[out->n_channels++];
        *ch = (struct report_channel){xstrdup(channel), 0, 0};
    }
    ch->requests++;
    ch->wellbeing += (size_t)wellbeing;
}

/* Most requests first, then by code; no channel recorded last. */
static int cmp_channel(const void *a, const void *b)
{
    const struct report_channel *x = a, *y = b;
    if (!*x->channel != !*y->channel)
        return *x->channel ? -1 : 1;
    if (x->requests != y->requests)
        return x->requests > y->requests ? -1 : 1;
    return strcmp(x->channel, y->channel);
}

void report_compute(const struct report_input *in, struct report *out)
{
    memset(out, 0, sizeof *out);
    out->from = in->from;
    out->to = in->to;
    out->requests = in->n_cases;
    if (in->n_res) /* only reordered, never changed */
        qsort(in->res, in->n_res, sizeof *in->res, cmp_res);
    size_t n_needs = 0, cap_opts = 0, cap_channels = 0;
    for (size_t i = 0; i < in->n_cases; i++)
        n_needs += in->cases[i].needs.n;
    char **areas = xcalloc(in->n_cases + 1, sizeof *areas);
    char **needs = xcalloc(n_needs + 1, sizeof *needs);
    size_t k = 0;
    for (size_t i = 0; i < in->n_cases; i++) {
        const struct rp_case *c = &in->cases[i];
        areas[i] = xstrdup(c->area);
        for (size_t j = 0; j < c->needs.n; j++) {
            int dup = 0; /* a need written twice on one case counts once */
            for (size_t m = 0; m < j; m++)
                dup |= strcmp(c->needs.items[m], c->needs.items[j]) == 0;
            if (!dup)
                needs[k++] = xasprintf("%s\x01%s", c->area, c->needs.items[j]);
        }
        int wellbeing = 0, formal = c->has_formal;
        for (size_t j = 0; j < c->chosen.n; j++) {
            char *id = xstrdup(c->chosen.items[j]), *colon = strchr(id, ':');
            int outcome = 0;
            if (colon) {
                outcome = strcmp(colon + 1, "worked") == 0 ? 1
                          : strcmp(colon + 1, "failed") == 0 ? 2 : 0;
                *colon = '\0';
            }
            const struct rp_resource *r = find_res(in, id);
            if (r && r->formal)
                formal = 1;
            else
                wellbeing = 1;
            add_option(out, &cap_opts, in, id, outcome);
            free(id);
        }
        out->wellbeing += (size_t)wellbeing;
        out->formal += (size_t)formal;
        out->neither += !wellbeing && !formal;
        add_channel(out, &cap_channels, c->channel, wellbeing);
    }
    if (out->n_channels)
        qsort(out->channels, out->n_channels, sizeof *out->channels, cmp_channel);
    out->areas = count_runs(areas, in->n_cases, 1, &out->n_areas);
    out->needs = count_runs(needs, k, 1, &out->n_needs);
    if (out->n_options)
        qsort(out->options, out->n_options, sizeof *out->options, cmp_option);
    char **themes = xcalloc(in->n_themes + 1, sizeof *themes);
    for (size_t i = 0; i < in->n_themes; i++)
        themes[i] = xstrdup(in->themes[i]);
    out->themes = count_runs(themes, in->n_themes, 0, &out->n_themes);
    qsort(out->themes, out->n_themes, sizeof *out->themes, cmp_count_desc);
    out->signals = in->signals;
    memcpy(out->measured, in->measured, sizeof out->measured);
    memcpy(out->domain_n, in->domain_n, sizeof out->domain_n);
    memcpy(out->domain_sum, in->domain_sum, sizeof out->domain_sum);
    out->n_weeks = in->n_weeks;
    out->week_requests = xcalloc(in->n_weeks + 1, sizeof *out->week_requests);
    out->week_signals = xcalloc(in->n_weeks + 1, sizeof *out->week_signals);
    if (in->n_weeks) {
        memcpy(out->week_requests, in->week_requests, in->n_weeks * sizeof *in->week_requests);
        memcpy(out->week_signals, in->week_signals, in->n_weeks * sizeof *in->week_signals);
    }
}

void report_sparkline(const size_t *counts, size_t n, char *out)
{
    static const char *const blocks[8] = {"\u2581", "\u2582", "\u2583", "\u2584",
                                          "\u2585", "\u2586", "\u2587", "\u2588"};
    size_t max = 0;
    for (size_t i = 0; i < n; i++)
        max = counts[i] > max ? counts[i] : max;
    *out = '\0';
    for (size_t i = 0; i < n; i++)
        strcat(out, blocks[max ? (counts[i] * 7 + max / 2) / max : 0]);
}

/* Frees the strings of n counted rows and the array. */
static void counts_free(struct report_count *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(c[i].key);
        free(c[i].item);
    }
    free(c);
}

void report_fini(struct report *r)
{
    if (!r)
        return;
    counts_free(r->areas, r->n_areas);
    counts_free(r->needs, r->n_needs);
    counts_free(r->themes, r->n_themes);
    for (size_t i = 0; i < r->n_options; i++) {
        free(r->options[i].id);
        free(r->options[i].name);
    }
    free(r->options);
    for (size_t i = 0; i < r->n_channels; i++)
        free(r->channels[i].channel);
    free(r->channels);
    free(r->week_requests);
    free(r->week_signals);
    memset(r, 0, sizeof *r);
}
