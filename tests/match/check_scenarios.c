/* check_scenarios.c: the stories of the domain text, kept as data (tests/scenarios), through the engine. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "load_csv.h"
#include "wijktafel/date.h"
#include "wijktafel/match.h"
#include "wijktafel/xalloc.h"

#ifndef WT_SCENARIOS_DEFAULT
#define WT_SCENARIOS_DEFAULT "tests/scenarios"
#endif
#define DEFAULT_TODAY "2026-11-20"
#define MIN_SCENARIOS 10

static const char *root;
static char **dirs;
static size_t ndirs;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The scenario directories under root (those with an expect file), sorted. */
static void list_scenarios(void)
{
    DIR *d = opendir(root);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char *expect = xasprintf("%s/%s/expect", root, e->d_name);
        struct stat st;
        if (stat(expect, &st) == 0 && S_ISREG(st.st_mode)) {
            dirs = xrealloc(dirs, (ndirs + 1) * sizeof *dirs);
            dirs[ndirs++] = xstrdup(e->d_name);
        }
        free(expect);
    }
    closedir(d);
    if (ndirs)
        qsort(dirs, ndirs, sizeof *dirs, cmp_str);
}

struct scenario {
    const char *name;
    struct record_set res, tal, cas;
    struct match_corpus *corpus;
    const struct wt_record *cs; /* the case of the current "case" line */
    struct match_result r;
    bool ranked;
    int checks;
};

static void load(struct scenario *s, const char *file, enum wt_kind kind, struct record_set *out)
{
    char *path = xasprintf("%s/%s/%s", root, s->name, file);
    struct wt_error err = {0};
    int rc = load_csv(path, kind, out, &err);
    ck_assert_msg(rc == 0, "%s", err.text);
    free(path);
}

/* The best options as "TYPE:ID score" for a failure message. */
static char *summary(const struct match_result *r)
{
    struct buf b = {0};
    buf_puts(&b, "");
    for (size_t i = 0; i < r->n && i < 6; i++)
        buf_printf(&b, "%s%s:%s %.2f", i ? ", " : "", match_type_name(r->opts[i].type),
                   r->opts[i].id, r->opts[i].score);
    return buf_steal(&b);
}

static int rank_of(const struct match_result *r, const char *type_id)
{
    for (size_t i = 0; i < r->n; i++) {
        char *t = xasprintf("%s:%s", match_type_name(r->opts[i].type), r->opts[i].id);
        bool same = strcmp(t, type_id) == 0;
        free(t);
        if (same)
            return (int)i;
    }
    return -1;
}

static void select_case(struct scenario *s, const char *id, int line)
{
    if (s->ranked)
        match_result_fini(&s->r);
    s->ranked = false;
    s->cs = NULL;
    for (size_t i = 0; i < s->cas.n; i++)
        if (strcmp(record_get(&s->cas.v[i], CASE_ID), id) == 0)
            s->cs = &s->cas.v[i];
    ck_assert_msg(s->cs, "%s/expect:%d: no case %s in cases.csv", s->name, line, id);
    match_rank(s->corpus, s->cs, 0, &s->r);
    s->ranked = true;
}

/* Checks one "first|top3|never TYPE:ID" or "says TYPE:ID TEXT" line (text:
 * the rest of the line) against the current ranking. */
static void check_line(struct scenario *s, const char *verb, const char *what, const char *text,
                       int line)
{
    ck_assert_msg(s->ranked, "%s/expect:%d: '%s' before any 'case' line", s->name, line, verb);
    int k = rank_of(&s->r, what);
    bool ok;
    if (strcmp(verb, "says") == 0)
        ok = k >= 0 && *text && strstr(s->r.opts[k].reasons, text) != NULL;
    else if (strcmp(verb, "first") == 0)
        ok = k == 0;
    else if (strcmp(verb, "top3") == 0)
        ok = k >= 0 && k < 3;
    else if (strcmp(verb, "never") == 0)
        ok = k < 0;
    else
        ck_abort_msg("%s/expect:%d: unknown line '%s'", s->name, line, verb);
    if (!ok) {
        char *top = summary(&s->r);
        ck_abort_msg("%s/expect:%d: case %s: %s %s failed (at rank %d); best: %s", s->name, line,
                     record_get(s->cs, CASE_ID), verb, what, k + 1, top);
    }
    s->checks++;
}

/* The value of the "today" line, or DEFAULT_TODAY. */
static int32_t today_of(const char *expect)
{
    const char *t = strstr(expect, "today ");
    char day[11] = DEFAULT_TODAY;
    if (t && (t == expect || t[-1] == '\n'))
        snprintf(day, sizeof day, "%.10s", t + 6);
    int32_t d = 0;
    ck_assert_msg(date_parse(day, &d) == 0, "bad today line: %s", day);
    return d;
}

/* The text of the scenario's file, or NULL when optional and missing. */
static char *read_file(const char *name, const char *file, bool optional)
{
    char *path = xasprintf("%s/%s/%s", root, name, file);
    FILE *f = fopen(path, "r");
    if (!f && optional) {
        free(path);
        return NULL;
    }
    ck_assert_msg(f != NULL, "%s: cannot open", path);
    struct buf b = {0};
    char chunk[1024];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&b, chunk, n);
    fclose(f);
    free(path);
    return buf_steal(&b);
}

/* The measure hint of case id from the scenario's measures file ("CASE
 * start|close SCORES" lines), as the app layer computes it. */
static enum match_hint hint_of(const struct scenario *s, const char *measures, const char *id)
{
    struct measure m[2] = {{{0}}, {{0}}};
    char *copy = xstrdup(measures ? measures : ""), *save = NULL;
    for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        char cid[40], phase[8];
        int off = 0;
        if (l[0] == '#' || sscanf(l, "%39s %7s %n", cid, phase, &off) != 2 || strcmp(cid, id) != 0)
            continue;
        ck_assert_msg(strcmp(phase, "start") == 0 || strcmp(phase, "close") == 0,
                      "%s/measures: %s", s->name, l);
        ck_assert_msg(measure_parse(l + off, &m[phase[0] == 'c']) == 0, "%s/measures: %s",
                      s->name, l);
    }
    free(copy);
    return match_measure_hint(&m[0], &m[1]);
}

START_TEST(test_scenario)
{
    struct scenario s = {.name = dirs[_i]};
    load(&s, "resources.csv", WT_RESOURCES, &s.res);
    load(&s, "talents.csv", WT_TALENTS, &s.tal);
    load(&s, "cases.csv", WT_CASES, &s.cas);
    char *expect = read_file(s.name, "expect", false);
    char *measures = read_file(s.name, "measures", true);
    s.corpus = match_corpus_new(today_of(expect));
    const struct record_set *sets[] = {&s.res, &s.tal, &s.cas};
    for (size_t k = 0; k < 3; k++)
        for (size_t i = 0; i < sets[k]->n; i++) {
            const struct wt_record *r = &sets[k]->v[i];
            enum match_hint h = k == 2 ? hint_of(&s, measures, record_get(r, CASE_ID))
                                       : MATCH_HINT_NONE;
            match_corpus_add_case(s.corpus, r, h);
        }
    match_corpus_finish(s.corpus);
    free(measures);

    int line = 0;
    char *save = NULL;
    for (char *l = strtok_r(expect, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        line++;
        char verb[16], arg[80];
        int off = 0;
        if (l[0] == '#' || sscanf(l, "%15s %79s %n", verb, arg, &off) != 2)
            continue;
        if (strcmp(verb, "today") == 0)
            continue;
        if (strcmp(verb, "case") == 0)
            select_case(&s, arg, line);
        else
            check_line(&s, verb, arg, off ? l + off : "", line);
    }
    ck_assert_msg(s.checks > 0, "%s/expect: no checks", s.name);
    if (s.ranked)
        match_result_fini(&s.r);
    free(expect);
    match_corpus_free(s.corpus);
    record_set_fini(&s.res);
    record_set_fini(&s.tal);
    record_set_fini(&s.cas);
}
END_TEST

START_TEST(test_enough_stories)
{
    ck_assert_msg(ndirs >= MIN_SCENARIOS, "%s: %zu scenarios, at least %d wanted", root, ndirs,
                  MIN_SCENARIOS);
}
END_TEST

int main(void)
{
    root = getenv("WT_SCENARIOS");
    if (!root || !*root)
        root = WT_SCENARIOS_DEFAULT;
    list_scenarios();
    Suite *suite = suite_create("scenarios");
    TCase *tc = tcase_create("stories");
    tcase_add_test(tc, test_enough_stories);
    tcase_add_loop_test(tc, test_scenario, 0, (int)ndirs);
    suite_add_tcase(suite, tc);
    SRunner *sr = srunner_create(suite);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    for (size_t i = 0; i < ndirs; i++)
        free(dirs[i]);
    free(dirs);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
