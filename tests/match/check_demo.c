/* check_demo.c: the demo team's data (data/demo) through the engine: no option out of reach, reasons name the area. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "load_csv.h"
#include "wijktafel/date.h"
#include "wijktafel/match.h"
#include "wijktafel/xalloc.h"

#ifndef WT_DEMO_DIR
#define WT_DEMO_DIR "data/demo"
#endif

static struct record_set res, tal, cas;

static void load(const char *file, enum wt_kind kind, struct record_set *out)
{
    char *path = xasprintf("%s/%s", WT_DEMO_DIR, file);
    struct wt_error err = {0};
    ck_assert_msg(load_csv(path, kind, out, &err) == 0, "%s", err.text);
    free(path);
}

/* Leading '/'-parts (trimmed, case-blind) areas a and b share. */
static int shared_parts(const char *a, const char *b)
{
    int n = 0;
    for (;;) {
        size_t la = strcspn(a, "/"), lb = strcspn(b, "/");
        if (la != lb || strncasecmp(a, b, la) != 0 || la == 0)
            return n;
        n++;
        if (!a[la] || !b[lb])
            return n;
        a += la + 1;
        b += lb + 1;
    }
}

static int depth(const char *a)
{
    int n = 1;
    for (; *a; a++)
        n += *a == '/';
    return n;
}

/* The record of option o (a resource or talent), or NULL. */
static const struct wt_record *record_of(const struct match_option *o)
{
    const struct record_set *s = o->type == MATCH_RESOURCE ? &res : &tal;
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(record_get(&s->v[i], 0), o->id) == 0)
            return &s->v[i];
    return NULL;
}

START_TEST(test_demo_reach_and_reasons)
{
    load("resources.csv", WT_RESOURCES, &res);
    load("talents.csv", WT_TALENTS, &tal);
    load("cases.csv", WT_CASES, &cas);
    int32_t today;
    ck_assert_int_eq(date_parse("2026-11-20", &today), 0);
    struct match_corpus *c = match_corpus_new(today);
    const struct record_set *sets[] = {&res, &tal, &cas};
    for (int k = 0; k < 3; k++)
        for (size_t i = 0; i < sets[k]->n; i++)
            match_corpus_add(c, &sets[k]->v[i]);
    match_corpus_finish(c);
    size_t shown = 0, narrow = 0;
    for (size_t i = 0; i < cas.n; i++) {
        const char *area = record_get(&cas.v[i], CASE_AREA);
        struct match_result r;
        match_rank(c, &cas.v[i], 0, &r);
        for (size_t k = 0; k < r.n; k++) {
            const struct match_option *o = &r.opts[k];
            if (o->type == MATCH_CASE)
                continue;
            const struct wt_record *rec = record_of(o);
            ck_assert_ptr_nonnull(rec);
            const char *oarea = record_get(rec, o->type == MATCH_RESOURCE ? RESOURCE_AREA
                                                                          : TALENT_AREA);
            const char *reach = o->type == MATCH_RESOURCE ? record_get(rec, RESOURCE_REACH)
                                                          : "kern";
            int need = strcmp(reach, "buurt") == 0 ? 3 : strcmp(reach, "kern") == 0 ? 2 : 1;
            need = need < depth(oarea) ? need : depth(oarea);
            int s = shared_parts(area, oarea);
            ck_assert_msg(s >= need, "%s: %s (%s, reach %s) is out of reach of %s",
                          record_get(&cas.v[i], 0), o->id, oarea, reach, area);
            narrow += need >= 2;
            /* The reason names the deepest shared part of the case's area. */
            char part[128] = "";
            const char *p = area;
            for (int d = 1; d < s; d++)
                p = strchr(p, '/') + 1;
            snprintf(part, sizeof part, "%.*s", (int)strcspn(p, "/"), p);
            char *in = xasprintf("in %s", part), *all = xasprintf("voor heel %s", part);
            ck_assert_msg(strstr(o->reasons, in) || strstr(o->reasons, all),
                          "%s: %s does not name %s: %s", record_get(&cas.v[i], 0), o->id, part,
                          o->reasons);
            free(all);
            ck_assert(!strstr(o->reasons, "hetzelfde dorp") && !strstr(o->reasons, "dezelfde"));
            free(in);
            shown++;
        }
        match_result_fini(&r);
    }
    /* Not vacuous: the demo shows options, some of them of a narrow reach. */
    ck_assert_uint_gt(shown, 100);
    ck_assert_uint_gt(narrow, 10);
    match_corpus_free(c);
    record_set_fini(&res);
    record_set_fini(&tal);
    record_set_fini(&cas);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("demo");
    TCase *tc = tcase_create("demo");
    tcase_add_test(tc, test_demo_reach_and_reasons);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
