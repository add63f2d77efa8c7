/* check_ui_closing.c: closing a case on the screen sets cases.closed, and purge counts from it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_ui.h"

static int set_status(struct vt_term *t, const char *status)
{
    CHECK(t, ut_key(t, "e") == 0 && ut_wait(t, "casus van A B bewerken") == 0);
    CHECK(t, ut_key(t, "C-u") == 0 && ut_type(t, status) == 0);
    CHECK(t, ut_key(t, "Enter") == 0 && ut_wait(t, "is bijgewerkt") == 0);
    return 0;
}

int test_closing(void)
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
    CHECK(t, set_status(t, "closed") == 0);
    CHECK(NULL, ut_quit_ok(t) == 0);

    char *csv = NULL;
    CHECK(NULL, ut_run(&csv, NULL, "--db", db, "export", "cases", NULL) == 0);
    char *status = ut_csv_cell(csv, "c-1", "status"), *closed = ut_csv_cell(csv, "c-1", "closed");
    bool ok = status && closed && strcmp(status, "closed") == 0 &&
              strcmp(closed, "2026-11-30") == 0; /* WIJKTAFEL_TODAY of ut_setup */
    if (!ok)
        fprintf(stderr, "after closing:\n%s\n", csv);
    free(status);
    free(closed);
    free(csv);
    CHECK(NULL, ok);

    /* A purge before the closing day keeps it, one after removes it. */
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "purge", "--closed-before", "2026-11-30", NULL) == 0);
    CHECK(NULL, ut_run(&csv, NULL, "--db", db, "export", "cases", NULL) == 0);
    ok = strstr(csv, "\nc-1,") != NULL;
    free(csv);
    CHECK(NULL, ok);

    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "purge", "--closed-before", "2026-12-01", NULL) == 0);
    CHECK(NULL, ut_run(&csv, NULL, "--db", db, "export", "cases", NULL) == 0);
    ok = strstr(csv, "\nc-1,") == NULL;
    free(csv);
    CHECK(NULL, ok);
    return 0;
}
