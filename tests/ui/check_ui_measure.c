/* check_ui_measure.c: a wellbeing measure typed in item 2 at 80x24, and read back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_ui.h"

int test_measure(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/db", getenv("HOME"));
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "init", NULL) == 0);
    CHECK(NULL, ut_run(NULL, "id,opened,area,resident,request\nc-1,2026-11-02,Gem,A B,Hulp\n",
                       "--db", db, "import", "cases", "-", NULL) == 0);
    struct vt_term *t = ut_start(24, 80, "--db", db, NULL);
    CHECK(t, t != NULL);
    vt_send(t, "2");
    CHECK(t, ut_wait(t, "c-1") == 0);
    CHECK(t, ut_key(t, "m") == 0);
    CHECK(t, ut_wait(t, "Welzijnsmeting: casus van A B") == 0);
    CHECK(t, ut_key(t, "s") == 0);
    CHECK(t, ut_wait(t, "Scores 1-5 (- = geen):") == 0);
    CHECK(t, ut_type(t, "3 2 9 - 2 3") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Zes scores van 1 tot 5") == 0);
    CHECK(t, ut_key(t, "m") == 0);
    CHECK(t, ut_wait(t, "Welzijnsmeting: casus van A B") == 0);
    CHECK(t, ut_key(t, "s") == 0);
    CHECK(t, ut_wait(t, "Scores 1-5 (- = geen):") == 0);
    CHECK(t, ut_type(t, "3 2 4 - 2 3") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Welzijnsmeting bij de start bewaard: casus van A B") == 0);
    /* Asked again, the scores are there to change. */
    CHECK(t, ut_key(t, "m") == 0);
    CHECK(t, ut_wait(t, "Welzijnsmeting: casus van A B") == 0);
    CHECK(t, ut_key(t, "s") == 0);
    CHECK(t, ut_wait(t, "3 2 4 - 2 3") == 0);
    CHECK(t, ut_key(t, "Esc") == 0);
    return ut_quit_ok(t);
}
