/* themes.c: counting need tags of signals and cases per area in a window: "signals become themes". */
#include "wijktafel/themes.h"

#include <stdlib.h>
#include <string.h>

#include "wijktafel/area.h"
#include "wijktafel/date.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"
#include "wijktafel/xalloc.h"

struct mention {
    char *area_key; /* folded area */
    char *tag_key;  /* folded tag */
    char *area;     /* as recorded (the first one met names the group) */
    char *id;
};

struct themes_input {
    int32_t since, until;
    struct mention *m;
    size_t n, cap;
};

struct themes_input *themes_input_new(int32_t since, int32_t until)
{
    struct themes_input *in = xcalloc(1, sizeof *in);
    in->since = since;
    in->until = until;
    return in;
}

static void add_mention(struct themes_input *in, const char *area, const char *tag,
                        const char *id)
{
    if (in->n == in->cap) {
        in->cap = in->cap ? in->cap * 2 : 64;
        in->m = xrealloc(in->m, in->cap * sizeof *in->m);
    }
    struct mention *m = &in->m[in->n++];
    m->area_key = text_fold(area);
    m->tag_key = text_fold_tag(tag);
    if (!m->area_key)
        m->area_key = xstrdup(area);
    if (!m->tag_key)
        m->tag_key = xstrdup(tag);
    m->area = xstrdup(area);
    m->id = xstrdup(id);
}

void themes_input_add(struct themes_input *in, const struct wt_record *r)
{
    int date_f, tags_f, area_f;
    if (r->kind == WT_SIGNALS) {
        date_f = SIGNAL_DATE, tags_f = SIGNAL_THEMES, area_f = SIGNAL_AREA;
    } else if (r->kind == WT_CASES) {
        date_f = CASE_OPENED, tags_f = CASE_NEEDS, area_f = CASE_AREA;
    } else {
        return;
    }
    int32_t d;
    if (!r->v[tags_f] || !r->v[area_f] || date_parse(record_get(r, date_f), &d) != 0 ||
        d < in->since || d > in->until)
        return;
    struct taglist l;
    tags_split_folded(r->v[tags_f], &l); /* folded, so "Huiswerk;huiswerk" is one tag */
    for (size_t i = 0; i < l.n; i++) {
        bool twice = false; /* a tag listed twice in one record counts once */
        for (size_t k = 0; k < i && !twice; k++)
            twice = strcmp(l.items[k], l.items[i]) == 0;
        if (twice)
            continue;
        /* Counted in its own area and in each larger one but the whole
         * municipality: three homework questions in three streets of one
         * village are a theme of that village. */
        const char *area = r->v[area_f];
        add_mention(in, area, l.items[i], r->v[0]);
        int depth = area_depth(area);
        for (int up = depth - 1; up >= 2; up--) {
            const char *p = area;
            for (int k = 0; k < up && p; k++) {
                p = strchr(p, '/');
                if (p && k + 1 < up)
                    p++;
            }
            if (!p)
                break;
            char *parent = xstrndup(area, (size_t)(p - area));
            add_mention(in, parent, l.items[i], r->v[0]);
            free(parent);
        }
    }
    tags_fini(&l);
}

void themes_input_free(struct themes_input *in)
{
    if (!in)
        return;
    for (size_t i = 0; i < in->n; i++) {
        free(in->m[i].area_key);
        free(in->m[i].tag_key);
        free(in->m[i].area);
        free(in->m[i].id);
    }
    free(in->m);
    free(in);
}

static int by_group_then_id(const void *a, const void *b)
{
    const struct mention *x = *(const struct mention *const *)a;
    const struct mention *y = *(const struct mention *const *)b;
    int c = strcmp(x->area_key, y->area_key);
    if (!c)
        c = strcmp(x->tag_key, y->tag_key);
    if (!c)
        c = strcmp(x->id, y->id);
    return c;
}

static int by_count(const void *a, const void *b)
{
    const struct theme *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    int c = strcmp(x->area, y->area);
    return c ? c : strcmp(x->tag, y->tag);
}

void themes_compute(const struct themes_input *in, size_t min_count, struct themes *out)
{
    out->items = NULL;
    out->n = 0;
    const struct mention **order = xmalloc((in->n ? in->n : 1) * sizeof(const struct mention *));
    for (size_t i = 0; i < in->n; i++)
        order[i] = &in->m[i];
    qsort(order, in->n, sizeof(const struct mention *), by_group_then_id);
    size_t cap = 0;
    for (size_t i = 0; i < in->n;) {
        size_t j = i;
        while (j < in->n && strcmp(order[j]->area_key, order[i]->area_key) == 0 &&
               strcmp(order[j]->tag_key, order[i]->tag_key) == 0)
            j++;
        if (j - i >= (min_count ? min_count : 1)) {
            if (out->n == cap) {
                cap = cap ? cap * 2 : 16;
                out->items = xrealloc(out->items, cap * sizeof *out->items);
            }
            struct buf ids = {0};
            for (size_t k = i; k < j; k++) {
                if (k > i)
                    buf_putc(&ids, ';');
                buf_puts(&ids, order[k]->id);
            }
            out->items[out->n++] = (struct theme){xstrdup(order[i]->area),
                                                  xstrdup(order[i]->tag_key), j - i,
                                                  buf_steal(&ids)};
        }
        i = j;
    }
    free(order);
    if (out->n)
        qsort(out->items, out->n, sizeof *out->items, by_count);
}

void themes_fini(struct themes *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->items[i].area);
        free(t->items[i].tag);
        free(t->items[i].ids);
    }
    free(t->items);
    t->items = NULL;
    t->n = 0;
}

size_t themes_count_of(const struct themes *t, const char *area, const char *tag)
{
    char *want = text_fold(area);
    size_t n = 0;
    for (size_t i = 0; i < t->n && !n; i++) {
        if (strcmp(t->items[i].tag, tag) != 0)
            continue;
        char *have = text_fold(t->items[i].area);
        if (want && have ? strcmp(want, have) == 0 : strcmp(area, t->items[i].area) == 0)
            n = t->items[i].count;
        free(have);
    }
    free(want);
    return n;
}
