/* check_ui_outcome.c: a case's wellbeing measures at start and close shown in its detail at
 * 80x24 (domains, scores, the change), and never on the beamer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "uitest.h"

/* Records a measure of the selected case with the m key: phase 's' or 'a'. */
static int measure(struct vt_term *t, const char *phase, const char *scores)
{
    CHECK(t, ut_key(t, "m") == 0);
    CHECK(t, ut_wait(t, "Welzijnsmeting: casus van Ans Bakker") == 0);
    CHECK(t, ut_key(t, phase) == 0);
    CHECK(t, ut_wait(t, "Scores 1-5 (- = geen):") == 0);
    CHECK(t, ut_type(t, scores) == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "bewaard: casus van Ans Bakker") == 0);
    return 0;
}

/* Scrolls the detail pane down until text shows (at most 12 lines). */
static int scroll_to(struct vt_term *t, const char *text)
{
    for (int i = 0; i < 12 && !vt_contains(t, text); i++) {
        CHECK(t, ut_key(t, "Down") == 0);
        vt_wait_quiet(t, 50, UT_TIMEOUT);
    }
    return vt_contains(t, text) ? 0 : -1;
}

static int test_measures_in_detail(void)
{
    ut_setup();
    char db[600];
    snprintf(db, sizeof db, "%s/db", getenv("HOME"));
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "init", NULL) == 0);
    CHECK(NULL, ut_run(NULL,
                       "id,opened,area,resident,request,needs\n"
                       "c-1,2026-11-02,Gem/Dorp/Buurt,Ans Bakker,Weinig contact,eenzaamheid\n",
                       "--db", db, "import", "cases", "-", NULL) == 0);
    struct vt_term *t = ut_start(24, 80, "--db", db, NULL);
    CHECK(t, t != NULL);
    vt_send(t, "2");
    CHECK(t, ut_wait(t, "c-1") == 0);
    /* Only a start measure: its scores, no change yet. */
    CHECK(t, measure(t, "s", "2 2 3 - 1 3") == 0);
    CHECK(t, ut_key(t, "Right") == 0); /* the detail pane */
    CHECK(t, scroll_to(t, "start: lichaam 2") == 0);
    /* Then the close measure: per domain the change, and the mean of the
     * domains scored both times: (3+3+3+2+3 - (2+2+3+1+3)) / 5 = +0.6. */
    CHECK(t, ut_key(t, "Left") == 0);
    CHECK(t, measure(t, "a", "3 3 3 4 2 3") == 0);
    CHECK(t, ut_key(t, "Right") == 0);
    CHECK(t, scroll_to(t, "lichaam 2\u21923") == 0);
    CHECK(t, vt_contains(t, " Welzijn "));
    CHECK(t, vt_contains(t, "kwaliteit -\u21924"));
    CHECK(t, vt_contains(t, "(gemiddeld +0.6)"));
    /* On the beamer: health data is not on the wall. */
    vt_send(t, "b");
    CHECK(t, ut_wait(t, "BEAMER AAN") == 0);
    vt_wait_quiet(t, 100, UT_TIMEOUT);
    for (int i = 0; i < 12; i++) {
        /* " Welzijn " is the label; "Welzijnsopties" is the options tab. */
        CHECK(t, !vt_contains(t, " Welzijn ") && !vt_contains(t, "lichaam") &&
                     !vt_contains(t, "gemiddeld"));
        CHECK(t, ut_key(t, "Down") == 0);
        vt_wait_quiet(t, 50, UT_TIMEOUT);
    }
    /* And back when the beamer is off. */
    vt_send(t, "b");
    CHECK(t, ut_wait(t, "BEAMER UIT") == 0);
    for (int i = 0; i < 12; i++)
        CHECK(t, ut_key(t, "Up") == 0);
    CHECK(t, ut_wait(t, "lichaam 2\u21923") == 0);
    vt_send(t, "q");
    int st = -1;
    CHECK(NULL, vt_close(t, &st, UT_TIMEOUT) == 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0);
    ut_teardown();
    return 0;
}

int main(void)
{
    int rc = test_measures_in_detail();
    printf("%d passed, %d failed\n", rc == 0, rc != 0);
    return rc == 0 ? 0 : 1;
}
