/* check_ui_themes.c: the Thema's pane of item 3 at 80x24, counted by hand on a small database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_ui.h"

/* Today is 2026-11-30 (ut_setup): the last 8 weeks are 2026-10-06..2026-11-30, the 8 before
 * 2026-08-11..2026-10-05. Counted by hand (the municipality Gem as a whole never counts):
 *   Gem/Elst huiswerk:     now s-1, s-2, s-3 = 3; before s-4 = 1          -> up
 *   Gem/Noord taal:        now s-10, s-11 = 2; before s-12, s-13 = 2      -> same
 *                          (s-14 on 2026-08-10 lies before both windows)
 *   Gem/Oost eenzaamheid:  now s-5, s-6 = 2; before s-7, s-8, s-9 = 3     -> down
 *   Gem/Zuid tuin:         now s-15 = 1: not recurring, not shown. */
static const char signals_csv[] = "id,date,area,text,themes\n"
                                  "s-1,2026-11-01,Gem/Elst,T,huiswerk\n"
                                  "s-2,2026-11-10,Gem/Elst,T,huiswerk\n"
                                  "s-3,2026-11-20,Gem/Elst,T,Huiswerk\n"
                                  "s-4,2026-09-01,Gem/Elst,T,huiswerk\n"
                                  "s-5,2026-11-02,Gem/Oost,T,eenzaamheid\n"
                                  "s-6,2026-11-03,Gem/Oost,T,eenzaamheid\n"
                                  "s-7,2026-09-02,Gem/Oost,T,eenzaamheid\n"
                                  "s-8,2026-09-03,Gem/Oost,T,eenzaamheid\n"
                                  "s-9,2026-09-04,Gem/Oost,T,eenzaamheid\n"
                                  "s-10,2026-10-06,Gem/Noord,T,taal\n"
                                  "s-11,2026-11-30,Gem/Noord,T,taal\n"
                                  "s-12,2026-10-05,Gem/Noord,T,taal\n"
                                  "s-13,2026-08-11,Gem/Noord,T,taal\n"
                                  "s-14,2026-08-10,Gem/Noord,T,taal\n"
                                  "s-15,2026-11-29,Gem/Zuid,T,tuin\n";

/* The screen row that holds text, or NULL (caller frees). */
static char *row_with(struct vt_term *t, const char *text)
{
    int r = -1, c = -1;
    if (vt_find(t, text, &r, &c) != 0)
        return NULL;
    return vt_row(t, r);
}

/* True when row holds each of the words in order. */
static bool in_order(const char *row, const char *const *words, int n)
{
    const char *p = row;
    for (int i = 0; i < n && p; i++) {
        p = strstr(p, words[i]);
        if (p)
            p += strlen(words[i]);
    }
    return p != NULL;
}

int test_signal_themes(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/db", getenv("HOME"));
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "init", NULL) == 0);
    CHECK(NULL, ut_run(NULL, signals_csv, "--db", db, "import", "signals", "-", NULL) == 0);
    setenv("NO_COLOR", "1", 1); /* the trend must read without colour */
    struct vt_term *t = ut_start(24, 80, "--db", db, NULL);
    CHECK(t, t != NULL);
    vt_send(t, "3");
    CHECK(t, ut_wait(t, "[3 Signalen]") == 0);
    CHECK(t, ut_wait(t, "F7") == 0);
    CHECK(t, ut_key(t, "F7") == 0);
    CHECK(t, ut_wait(t, "Thema's van de laatste 8 weken (3)") == 0);
    char *row = row_with(t, "huiswerk");
    bool ok = row && in_order(row, (const char *[]){"Gem/Elst", "huiswerk", "3", "1",
                                                    "\u2191 meer"}, 5);
    free(row);
    CHECK(t, ok);
    row = row_with(t, "taal");
    ok = row && in_order(row, (const char *[]){"Gem/Noord", "taal", "2", "2", "= gelijk"}, 5);
    free(row);
    CHECK(t, ok);
    row = row_with(t, "eenzaamheid");
    ok = row && in_order(row, (const char *[]){"Gem/Oost", "eenzaamheid", "2", "3",
                                               "\u2193 minder"}, 5);
    free(row);
    CHECK(t, ok);
    CHECK(t, !vt_contains(t, "tuin"));
    /* Most frequent first; the selected theme's signals below. */
    int r1 = -1, r2 = -1, c = -1;
    CHECK(t, vt_find(t, "huiswerk", &r1, &c) == 0 && vt_find(t, "taal", &r2, &c) == 0);
    CHECK(t, r1 < r2);
    CHECK(t, vt_contains(t, "s-1;s-2;s-3"));
    CHECK(t, ut_key(t, "Down") == 0);
    CHECK(t, ut_wait(t, "s-10;s-11") == 0);
    /* a proposes an action that names the theme and its signals. */
    CHECK(t, ut_key(t, "Up") == 0);
    CHECK(t, ut_key(t, "a") == 0);
    CHECK(t, ut_wait(t, "Nieuw actiepunt") == 0);
    CHECK(t, ut_wait(t, "Samen oppakken: huiswerk in Gem/Elst") == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Thema's van de laatste 8 weken") == 0);
    /* m goes back to the list of signals. */
    CHECK(t, ut_key(t, "m") == 0);
    CHECK(t, ut_wait(t, "Signalen, zonder gesloten (15)") == 0);
    unsetenv("NO_COLOR");
    CHECK(NULL, ut_quit_ok(t) == 0);
    char *csv = NULL;
    CHECK(NULL, ut_run(&csv, NULL, "--db", db, "export", "actions", NULL) == 0);
    bool ok2 = strstr(csv, "Samen oppakken: huiswerk in Gem/Elst (s-1, s-2, s-3)") != NULL;
    if (!ok2)
        fprintf(stderr, "actions:\n%s\n", csv);
    free(csv);
    CHECK(NULL, ok2);
    return 0;
}
