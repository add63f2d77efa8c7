/* fixture.c: test helper: records built in C, a corpus from them, and questions about a ranking. */
#include "fixture.h"

#include <check.h>
#include <stdarg.h>
#include <string.h>

#include "wijktafel/date.h"

struct wt_record *fx_add(struct fx *x, enum wt_kind k, ...)
{
    ck_assert_uint_lt(x->n, MAXREC);
    struct wt_record *r = &x->r[x->n++];
    record_init(r, k);
    va_list ap;
    va_start(ap, k);
    int f;
    while ((f = va_arg(ap, int)) != END) {
        const char *v = va_arg(ap, const char *);
        struct wt_error e = {0};
        ck_assert_msg(record_set_checked(r, f, v, &e) == 0, "%s", e.text);
    }
    va_end(ap);
    struct wt_error e = {0};
    ck_assert_msg(record_complete(r, &e) == 0, "%s", e.text);
    return r;
}

void fx_fini(struct fx *x)
{
    for (size_t i = 0; i < x->n; i++) {
        record_fini(&x->r[i]);
        x->hint[i] = MATCH_HINT_NONE;
    }
    x->n = 0;
}

struct match_corpus *fx_corpus(const struct fx *x)
{
    int32_t today;
    ck_assert_int_eq(date_parse("2026-11-20", &today), 0);
    struct match_corpus *c = match_corpus_new(today);
    for (size_t i = 0; i < x->n; i++)
        match_corpus_add_case(c, &x->r[i], x->hint[i]);
    match_corpus_finish(c);
    return c;
}

void fx_rank(const struct fx *x, const struct wt_record *cs, struct match_result *r)
{
    struct match_corpus *c = fx_corpus(x);
    ck_assert_int_eq(match_rank(c, cs, 0, r), 0);
    match_corpus_free(c);
}

int fx_rank_of(const struct match_result *r, const char *id)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->opts[i].id, id) == 0)
            return (int)i;
    return -1;
}

const struct match_option *fx_opt(const struct match_result *r, const char *id)
{
    int k = fx_rank_of(r, id);
    ck_assert_msg(k >= 0, "%s not ranked", id);
    return &r->opts[k];
}

bool fx_says(const struct match_result *r, const char *id, const char *phrase)
{
    return strstr(fx_opt(r, id)->reasons, phrase) != NULL;
}
