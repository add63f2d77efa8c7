/* check_scenarios_cli.c: the domain stories of tests/scenarios through the real `wijktafel suggest`. */
#include <check.h>
#include <dirent.h>

#include "testutil.h"
#include "wijktafel/app.h"
#include "wijktafel/measure.h"

static char *tmp;

static const char *no_pass(void *ctx, const char *m)
{
    (void)ctx, (void)m;
    return NULL;
}

/* Stores the scenario's measures ("CASE start|close SCORES" lines of the
 * file measures, if any) through the app layer: there is no command for them. */
static void set_measures(const char *dir, const char *db)
{
    char *path = tu_path(dir, "measures");
    char *text = access(path, R_OK) == 0 ? rn_slurp(path) : NULL;
    free(path);
    if (!text)
        return;
    struct app *a;
    struct wt_error e = {0};
    struct app_opts o = {.dir = db, .passphrase = no_pass};
    ck_assert_msg(app_open(&o, &a, &e) == 0, "%s", e.text);
    char *save = NULL;
    for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        char id[40], phase[8];
        int off = 0;
        struct measure m;
        if (l[0] == '#' || sscanf(l, "%39s %7s %n", id, phase, &off) != 2)
            continue;
        ck_assert_msg(measure_parse(l + off, &m) == 0, "%s/measures: %s", dir, l);
        ck_assert_msg(app_measure_set(a, id, strcmp(phase, "close") == 0 ? MEASURE_CLOSE
                                                                         : MEASURE_START,
                                      &m, &e) == 0,
                      "%s/measures: %s: %s", dir, l, e.text);
    }
    app_close(a);
    free(text);
}

/* Runs one scenario folder; returns the number of checks made. */
static int run_scenario(const char *dir)
{
    char *db = tu_path(tmp, "db");
    setenv("WIJKTAFEL_TODAY", "2026-11-30", 1);
    char *expect_path = tu_path(dir, "expect");
    char *expect = rn_slurp(expect_path);
    for (char *l = expect; l && *l;) {
        if (strncmp(l, "today ", 6) == 0) {
            char day[11];
            snprintf(day, sizeof day, "%.10s", l + 6);
            setenv("WIJKTAFEL_TODAY", day, 1);
        }
        char *nl = strchr(l, '\n');
        l = nl ? nl + 1 : NULL;
    }
    struct run r = rn_exec(tmp, NULL, 0, (char *[]){"wijktafel", "--db", db, "init", NULL});
    ck_assert_int_eq(r.code, 0);
    rn_free(&r);
    const char *kinds[] = {"members", "resources", "talents", "cases"};
    for (int k = 0; k < 4; k++) {
        char name[32];
        snprintf(name, sizeof name, "%s.csv", kinds[k]);
        char *csv = tu_path(dir, name);
        if (access(csv, R_OK) == 0) {
            r = rn_exec(tmp, NULL, 0,
                        (char *[]){"wijktafel", "--db", db, "import", (char *)kinds[k], csv, NULL});
            ck_assert_msg(r.code == 0, "%s: %s", csv, r.err);
            rn_free(&r);
        }
        free(csv);
    }
    set_measures(dir, db);
    int checks = 0;
    char *out = NULL, case_id[40] = "";
    for (char *l = expect; l && *l;) {
        char *nl = strchr(l, '\n');
        if (nl)
            *nl = '\0';
        char what[16], opt[80];
        int off = 0;
        if (sscanf(l, "case %39s", case_id) == 1) {
            free(out);
            r = rn_exec(tmp, NULL, 0,
                        (char *[]){"wijktafel", "--db", db, "suggest", case_id, "--limit", "1000",
                                   "--format", "tsv", NULL});
            ck_assert_msg(r.code == 0, "%s %s: %s", dir, case_id, r.err);
            out = r.out;
            free(r.err);
        } else if (sscanf(l, "%15s %79s %n", what, opt, &off) == 2 &&
                   (!strcmp(what, "first") || !strcmp(what, "top3") || !strcmp(what, "never") ||
                    !strcmp(what, "says"))) {
            char *colon = strchr(opt, ':');
            ck_assert_ptr_nonnull(colon);
            *colon = '\0';
            char needle[160];
            snprintf(needle, sizeof needle, "\t%s\t%s\t", opt, colon + 1);
            /* The rank is the first column of the line that holds the option. */
            char *hit = strstr(out, needle);
            int rank = 0;
            if (hit) {
                char *line = hit;
                while (line > out && line[-1] != '\n')
                    line--;
                rank = atoi(line);
            }
            if (!strcmp(what, "says")) {
                /* The reasons are on the option's line: "says TYPE:ID TEXT". */
                char *end = hit ? strchr(hit, '\n') : NULL;
                if (end)
                    *end = '\0';
                bool said = hit && off && l[off] && strstr(hit, l + off);
                ck_assert_msg(said, "%s %s: %s:%s does not say '%s'\n%s", dir, case_id, opt,
                              colon + 1, off ? l + off : "", hit ? hit : out);
                if (end)
                    *end = '\n';
            } else if (!strcmp(what, "first"))
                ck_assert_msg(rank == 1, "%s %s: %s:%s at %d\n%s", dir, case_id, opt, colon + 1,
                              rank, out);
            else if (!strcmp(what, "top3"))
                ck_assert_msg(rank >= 1 && rank <= 3, "%s %s: %s:%s at %d", dir, case_id, opt,
                              colon + 1, rank);
            else
                ck_assert_msg(rank == 0, "%s %s: %s:%s shown at %d", dir, case_id, opt,
                              colon + 1, rank);
            checks++;
        }
        l = nl ? nl + 1 : NULL;
    }
    free(out);
    free(expect);
    free(expect_path);
    char *cmd;
    if (asprintf(&cmd, "rm -rf '%s'", db) >= 0) {
        if (system(cmd) != 0)
            ck_abort_msg("rm failed");
        free(cmd);
    }
    free(db);
    return checks;
}

START_TEST(test_stories_through_the_program)
{
    tmp = tu_tmpdir();
    setenv("XDG_CONFIG_HOME", tmp, 1);
    const char *root = getenv("WT_SCENARIOS");
    ck_assert_ptr_nonnull(root);
    DIR *d = opendir(root);
    ck_assert_ptr_nonnull(d);
    struct dirent *e;
    int stories = 0, checks = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char *dir = tu_path(root, e->d_name);
        char *ex = tu_path(dir, "expect");
        if (access(ex, R_OK) == 0) {
            checks += run_scenario(dir);
            stories++;
        }
        free(ex);
        free(dir);
    }
    closedir(d);
    ck_assert_int_ge(stories, 10);
    ck_assert_int_ge(checks, 30);
    tu_rmtree(tmp);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_stories_through_the_program};
    const struct tu_suite suite = {.name = "scenarios-cli", .timeout = 120};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
