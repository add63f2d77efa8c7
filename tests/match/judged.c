/* judged.c: the judged relevance set (tests/match/judged): nDCG@5 and forbidden options shown.
 *
 * `judged DIR` prints, per case, nDCG@5 and any forbidden option the
 * ranking shows, then the mean nDCG@5 and the number of forbidden options
 * shown (the benchmark of docs/matching.md). `judged --check DIR` prints
 * the same and exits 1 when a forbidden option is shown or the mean falls
 * below the `floor` line of DIR/judged (the test). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load_csv.h"
#include "wijktafel/date.h"
#include "wijktafel/match.h"
#include "wijktafel/xalloc.h"

#define AT 5
#define MAX_JUDGED 16

/* One judged case: the picks in order and the forbidden options, each "TYPE:ID". */
struct judged {
    char id[WT_MAX_ID + 1];
    char *pick[MAX_JUDGED], *never[MAX_JUDGED];
    int npick, nnever;
};

/* "TYPE:ID" of option o (a static buffer). */
static const char *key_of(const struct match_option *o)
{
    static char k[64];
    snprintf(k, sizeof k, "%s:%s", match_type_name(o->type), o->id);
    return k;
}

/* The gain of a picked option: 2 for the first pick, 1 for the others. */
static double gain(const struct judged *j, const char *key)
{
    for (int i = 0; i < j->npick; i++)
        if (strcmp(j->pick[i], key) == 0)
            return i == 0 ? 2.0 : 1.0;
    return 0.0;
}

/* nDCG@AT of result r for judged case j (graded gains 2^g - 1). */
static double ndcg(const struct judged *j, const struct match_result *r)
{
    double dcg = 0.0, ideal = 0.0;
    for (size_t i = 0; i < r->n && i < AT; i++)
        dcg += (pow(2.0, gain(j, key_of(&r->opts[i]))) - 1.0) / log2((double)i + 2.0);
    for (int i = 0; i < j->npick && i < AT; i++)
        ideal += (pow(2.0, i == 0 ? 2.0 : 1.0) - 1.0) / log2((double)i + 2.0);
    return ideal > 0 ? dcg / ideal : 1.0;
}

static int fail(const char *what, const char *detail)
{
    fprintf(stderr, "judged: %s: %s\n", what, detail);
    return 2;
}

int main(int argc, char **argv)
{
    bool check = argc > 1 && strcmp(argv[1], "--check") == 0;
    const char *dir = argc > 1 + check ? argv[1 + check] : "tests/match/judged";
    struct record_set res = {0}, tal = {0}, cas = {0};
    struct wt_error err = {0};
    const char *files[] = {"resources.csv", "talents.csv", "cases.csv"};
    const enum wt_kind kinds[] = {WT_RESOURCES, WT_TALENTS, WT_CASES};
    struct record_set *sets[] = {&res, &tal, &cas};
    for (int k = 0; k < 3; k++) {
        char *path = xasprintf("%s/%s", dir, files[k]);
        int rc = load_csv(path, kinds[k], sets[k], &err);
        free(path);
        if (rc)
            return fail(files[k], err.text);
    }
    char *path = xasprintf("%s/judged", dir);
    FILE *f = fopen(path, "r");
    free(path);
    if (!f)
        return fail(dir, "no judged file");
    struct judged *js = NULL;
    size_t nj = 0;
    double floor_ndcg = 0.0;
    char line[512], region[256] = "";
    int32_t today = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        char verb[16], arg[256];
        if (line[0] == '#' || sscanf(line, "%15s %255[^\n]", verb, arg) != 2)
            continue;
        struct judged *j = nj ? &js[nj - 1] : NULL;
        if (strcmp(verb, "today") == 0 && date_parse(arg, &today) == 0)
            continue;
        if (strcmp(verb, "floor") == 0) {
            floor_ndcg = atof(arg);
        } else if (strcmp(verb, "region") == 0) {
            snprintf(region, sizeof region, "%s", arg);
        } else if (strcmp(verb, "case") == 0) {
            js = xrealloc(js, (nj + 1) * sizeof *js);
            memset(&js[nj], 0, sizeof js[nj]);
            snprintf(js[nj++].id, sizeof js->id, "%.32s", arg);
        } else if (j && strcmp(verb, "pick") == 0 && j->npick < MAX_JUDGED) {
            j->pick[j->npick++] = xstrdup(arg);
        } else if (j && strcmp(verb, "never") == 0 && j->nnever < MAX_JUDGED) {
            j->never[j->nnever++] = xstrdup(arg);
        } else {
            fclose(f);
            return fail("judged", line);
        }
    }
    fclose(f);
    struct match_corpus *c = match_corpus_new(today);
    if (*region)
        match_corpus_region(c, region);
    for (int k = 0; k < 3; k++)
        for (size_t i = 0; i < sets[k]->n; i++)
            match_corpus_add(c, &sets[k]->v[i]);
    match_corpus_finish(c);

    double sum = 0.0;
    int forbidden = 0, missing = 0;
    for (size_t n = 0; n < nj; n++) {
        const struct wt_record *cs = NULL;
        for (size_t i = 0; i < cas.n; i++)
            if (strcmp(record_get(&cas.v[i], CASE_ID), js[n].id) == 0)
                cs = &cas.v[i];
        if (!cs) {
            fprintf(stderr, "judged: no case %s in cases.csv\n", js[n].id);
            missing++;
            continue;
        }
        struct match_result r;
        match_rank(c, cs, 0, &r); /* no limit: a forbidden option anywhere counts */
        double v = ndcg(&js[n], &r);
        sum += v;
        printf("%-6s nDCG@5 %.3f  top: ", js[n].id, v);
        for (size_t i = 0; i < r.n && i < AT; i++)
            printf("%s%s", i ? ", " : "", key_of(&r.opts[i]));
        printf("\n");
        for (size_t i = 0; i < r.n; i++)
            for (int k = 0; k < js[n].nnever; k++)
                if (strcmp(key_of(&r.opts[i]), js[n].never[k]) == 0) {
                    printf("       forbidden at %zu: %s (%s)\n", i + 1, js[n].never[k],
                           r.opts[i].reasons);
                    forbidden++;
                }
        match_result_fini(&r);
    }
    double mean = nj ? sum / (double)nj : 0.0;
    printf("judged cases: %zu\nnDCG@5: %.3f\nforbidden options shown: %d\n", nj, mean,
           forbidden);
    int bad = missing || nj < 25 || forbidden > 0 || mean < floor_ndcg;
    if (check && bad)
        printf("FAIL: need at least 25 cases, no forbidden option and nDCG@5 >= %.2f\n",
               floor_ndcg);
    match_corpus_free(c);
    for (size_t n = 0; n < nj; n++) {
        for (int k = 0; k < js[n].npick; k++)
            free(js[n].pick[k]);
        for (int k = 0; k < js[n].nnever; k++)
            free(js[n].never[k]);
    }
    free(js);
    for (int k = 0; k < 3; k++)
        record_set_fini(sets[k]);
    return check && bad ? 1 : 0;
}
