/* check_ui_balance.c: the Uren tab of item 4 at 80x24: hours typed over three weeks, the warning. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_ui.h"

/* Types this week's hours for Bas (the second member by id) as the leader, on day today. */
static int week_of(const char *db, const char *today, const char *casework,
                   const char *community, struct vt_term **keep)
{
    setenv("WIJKTAFEL_TODAY", today, 1);
    struct vt_term *t = ut_start(24, 80, "--db", db, NULL);
    CHECK(t, t != NULL);
    vt_send(t, "4");
    CHECK(t, ut_wait(t, "[4 Netwerk]") == 0);
    CHECK(t, ut_key(t, "F7") == 0);
    CHECK(t, ut_wait(t, "Tijd voor samenlevingsopbouw") == 0);
    CHECK(t, ut_key(t, "Down") == 0);
    CHECK(t, ut_key(t, "i") == 0);
    CHECK(t, ut_wait(t, "Uren casuswerk deze week:") == 0);
    CHECK(t, ut_type(t, casework) == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Uren samenlevingsopbouw deze week:") == 0);
    CHECK(t, ut_type(t, community) == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Uren van Bas bewaard") == 0);
    if (keep) {
        *keep = t;
        return 0;
    }
    return ut_quit_ok(t);
}

int test_balance(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/db", getenv("HOME"));
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "init", NULL) == 0);
    CHECK(NULL, ut_run(NULL, "id,name,role,discipline\nm-bw,Bas,professional,buurtwerker\n",
                       "--db", db, "import", "members", "-", NULL) == 0);
    /* Bas, buurtwerker (target 50 %), by hand: week of 16-11: 20 h cases, 4 h community =
     * 4/24 = 17 %; 23-11: 5/25 = 20 %; 30-11: 6/26 = 23 %; the four weeks 15/75 = 20 %, a bar
     * of 4 of 20 cells. Three weeks running under 50 %: the warning. */
    CHECK(NULL, week_of(db, "2026-11-18", "20", "4", NULL) == 0);
    CHECK(NULL, week_of(db, "2026-11-23", "20", "5", NULL) == 0);
    struct vt_term *t = NULL;
    CHECK(NULL, week_of(db, "2026-12-03", "20", "6", &t) == 0);
    int r = -1, c = -1;
    CHECK(t, vt_find(t, "Bas", &r, &c) == 0);
    char *row = vt_row(t, r);
    /* At 80 columns the bar gives way to the dates: 16 cells, 20 % of them 3. */
    bool ok = row && strstr(row, "50 %") && strstr(row, "\u2588\u2588\u2588\u2591") &&
              !strstr(row, "\u2588\u2588\u2588\u2588") && strstr(row, "20 %") &&
              strstr(row, "17 %") && strstr(row, "23 %") && strstr(row, "[!] onder doel");
    if (!ok)
        fprintf(stderr, "row: %s\n", row ? row : "(none)");
    free(row);
    CHECK(t, ok);
    /* The four Mondays, as people read dates, and no ISO fragment. */
    CHECK(t, vt_contains(t, " 9 nov ") && vt_contains(t, "16 nov") && vt_contains(t, "30 nov"));
    CHECK(t, !vt_contains(t, "09-11") && !vt_contains(t, "30-11"));
    CHECK(t, vt_contains(t, "Talenten [Uren]")); /* every tab fits at 80 columns */
    /* Below the list, the selected member's weeks: hours, open and new cases. */
    CHECK(t, vt_contains(t, "uur casuswerk           -       20      20      20"));
    CHECK(t, vt_contains(t, "uur samenlevingsopbouw  -       4       5       6"));
    CHECK(t, vt_contains(t, "open casussen           0       0       0       0"));
    /* A target of 15 % is reached every week: no warning. */
    CHECK(t, ut_key(t, "d") == 0);
    CHECK(t, ut_wait(t, "Doel samenlevingsopbouw voor Bas") == 0);
    CHECK(t, ut_key(t, "C-u") == 0);
    CHECK(t, ut_type(t, "15") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "15 %") == 0);
    CHECK(t, !vt_contains(t, "[!] onder doel"));
    /* A bad number is refused with a message. */
    CHECK(t, ut_key(t, "i") == 0);
    CHECK(t, ut_wait(t, "Uren casuswerk deze week:") == 0);
    CHECK(t, ut_key(t, "C-u") == 0);
    CHECK(t, ut_type(t, "veel") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Geen aantal uren") == 0);
    /* An earlier week: only one of the four shown; 2026-11-09 gets 20 h and 2 h = 2/22 = 9 %;
     * the four weeks then (2 + 4 + 5 + 6) / (22 + 24 + 25 + 26) = 17/97 = 17.5 %, shown 18 %. */
    CHECK(t, ut_key(t, "I") == 0);
    CHECK(t, ut_wait(t, "Welke week?") == 0);
    CHECK(t, ut_key(t, "C-u") == 0);
    CHECK(t, ut_type(t, "2026-10-01") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Alleen de 4 weken die hier staan") == 0);
    CHECK(t, ut_key(t, "I") == 0);
    CHECK(t, ut_wait(t, "Welke week?") == 0);
    CHECK(t, ut_key(t, "C-u") == 0);
    CHECK(t, ut_type(t, "2026-11-12") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Uren casuswerk, week 9 nov:") == 0);
    CHECK(t, ut_type(t, "20") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Uren samenlevingsopbouw, week 9 nov:") == 0);
    CHECK(t, ut_type(t, "2") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Uren van Bas bewaard") == 0);
    CHECK(t, vt_find(t, "Bas", &r, &c) == 0);
    row = vt_row(t, r);
    ok = row && strstr(row, "15 % ") && strstr(row, " 18 % 9 %    17 %   20 %   23 %");
    if (!ok)
        fprintf(stderr, "row: %s\n", row ? row : "(none)");
    free(row);
    CHECK(t, ok);
    return ut_quit_ok(t);
}

/* Types Bas's hours (Bas selected) for the week that holds day, one of the shown weeks but
 * this one (I), or this week (day NULL: i). */
static int hours_for(struct vt_term *t, const char *day, const char *cw, const char *cb)
{
    CHECK(t, ut_key(t, day ? "I" : "i") == 0);
    if (day) {
        CHECK(t, ut_wait(t, "Welke week?") == 0);
        CHECK(t, ut_key(t, "C-u") == 0);
        CHECK(t, ut_type(t, day) == 0 && ut_key(t, "Enter") == 0);
    }
    CHECK(t, ut_wait(t, "Uren casuswerk") == 0);
    CHECK(t, ut_key(t, "C-u") == 0);
    CHECK(t, ut_type(t, cw) == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Uren samenlevingsopbouw") == 0);
    CHECK(t, ut_key(t, "C-u") == 0);
    CHECK(t, ut_type(t, cb) == 0 && ut_key(t, "Enter") == 0);
    return ut_wait(t, "Uren van Bas bewaard");
}

/* Opens the Uren tab at rows x cols on day today, Bas selected. */
static struct vt_term *hours_tab(const char *db, const char *today, int rows, int cols)
{
    setenv("WIJKTAFEL_TODAY", today, 1);
    struct vt_term *t = ut_spawn(rows, cols, "--db", db, NULL);
    if (!t || ut_wait(t, "Open actiepunten") != 0)
        return t;
    vt_send(t, "4");
    if (ut_wait(t, "[4 Netwerk]") == 0 && ut_key(t, "F7") == 0 &&
        ut_wait(t, "Tijd voor samenlevingsopbouw") == 0)
        ut_key(t, "Down");
    return t;
}

/* Caseload beside the hours (issue 21), five weeks made by hand. Mondays W0 2 Nov .. W4 30 Nov.
 * Bas's cases: c-0 (October, open), c-1 W0, c-2 W1, c-3 W2, c-4 W3, c-9 W3, c-5 W4 (open);
 * c-6 opened W0, closed 25 Nov (W3); c-7 opened W3, closed without a date (new, never open).
 * Open at the end of W0..W4: 3, 4, 5, 6, 7; new in W1..W4: 1, 1, 3, 1. Community hours 20,
 * 18, 18, 16, 14 beside 10 h of cases (always above the 50 % target, so only the new warning):
 * four weeks more cases and fewer community hours. */
int test_caseload(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/db", getenv("HOME"));
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "init", NULL) == 0);
    CHECK(NULL, ut_run(NULL, "id,name,role,discipline\nm-bw,Bas,professional,buurtwerker\n",
                       "--db", db, "import", "members", "-", NULL) == 0);
    CHECK(NULL, ut_run(NULL,
                       "id,opened,area,resident,request,owner,status,closed\n"
                       "c-0,2026-10-20,A,R,V,m-bw,open,\n"
                       "c-1,2026-11-04,A,R,V,m-bw,open,\n"
                       "c-2,2026-11-10,A,R,V,m-bw,open,\n"
                       "c-3,2026-11-17,A,R,V,m-bw,open,\n"
                       "c-4,2026-11-24,A,R,V,m-bw,open,\n"
                       "c-5,2026-12-01,A,R,V,m-bw,open,\n"
                       "c-6,2026-11-05,A,R,V,m-bw,closed,2026-11-25\n"
                       "c-7,2026-11-25,A,R,V,m-bw,closed,\n"
                       "c-9,2026-11-26,A,R,V,m-bw,open,\n",
                       "--db", db, "import", "cases", "-", NULL) == 0);
    /* In the week of 23 Nov the tab shows W0..W3: the earlier weeks with I, this one with i. */
    struct vt_term *t = hours_tab(db, "2026-11-25", 24, 80);
    CHECK(t, t != NULL);
    CHECK(t, hours_for(t, "2026-11-04", "10", "20") == 0);
    CHECK(t, hours_for(t, "2026-11-11", "10", "18") == 0);
    CHECK(t, hours_for(t, "2026-11-18", "10", "18") == 0);
    CHECK(t, hours_for(t, NULL, "10", "16") == 0);
    /* Three rises so far (3, 4, 5, 6): no warning yet. The caseload comes
     * while the keyboard rests, after the hours: wait for it. */
    CHECK(t, ut_wait(t, "open casussen           3       4       5       6") == 0);
    CHECK(t, !vt_contains(t, "[!] meer casussen"));
    CHECK(NULL, ut_quit_ok(t) == 0);
    /* A week on: the fourth rise, and community hours down to 14. */
    t = hours_tab(db, "2026-12-02", 24, 80);
    CHECK(t, t != NULL);
    CHECK(t, hours_for(t, NULL, "10", "14") == 0);
    CHECK(t, ut_wait(t, "[!] meer casussen") == 0);
    CHECK(t, vt_contains(t, "uur samenlevingsopbouw  18      18      16      14"));
    CHECK(t, vt_contains(t, "open casussen           4       5       6       7"));
    CHECK(t, vt_contains(t, "nieuwe casussen         1       1       3       1"));
    CHECK(t, !vt_contains(t, "[!] onder doel"));
    /* On the beamer the app hands no caseload: no cases, no warning; the hours stay. */
    CHECK(t, ut_key(t, "b") == 0);
    CHECK(t, ut_wait(t, "BEAMER AAN") == 0);
    CHECK(t, vt_wait_gone(t, "open casussen", UT_TIMEOUT) == 0);
    CHECK(t, !vt_contains(t, "[!] meer casussen"));
    CHECK(t, !vt_contains(t, "nieuwe casussen"));
    CHECK(t, vt_contains(t, "uur samenlevingsopbouw  18      18      16      14"));
    CHECK(NULL, ut_quit_ok(t) == 0);
    /* At 120 columns the list has room for the open cases beside the hours: 7, 1 up. */
    t = hours_tab(db, "2026-12-02", 36, 120);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "[!] meer casussen") == 0);
    int r = -1, c = -1;
    CHECK(t, vt_find(t, "casussen let op", &r, &c) == 0);
    CHECK(t, vt_find(t, "Bas", &r, &c) == 0);
    char *row = vt_row(t, r);
    bool ok = row && strstr(row, "7 +1     [!] meer casussen");
    if (!ok)
        fprintf(stderr, "row: %s\n", row ? row : "(none)");
    free(row);
    CHECK(t, ok);
    return ut_quit_ok(t);
}

/* The Uren tab in English at 80x24: every header shows its whole word, also where the
 * English word is longer than the Dutch one the column was sized for ("target", "share"). */
int test_balance_en_heads(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/db", getenv("HOME"));
    CHECK(NULL, ut_new_db(db, "members",
                          "id,name,role,discipline\nm-bw,Bas,professional,buurtwerker\n",
                          NULL) == 0);
    setenv("WIJKTAFEL_TODAY", "2026-12-03", 1);
    struct vt_term *t = ut_spawn(24, 80, "--db", db, "--lang", "en", NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "Open actions") == 0);
    vt_send(t, "4");
    CHECK(t, ut_wait(t, "[4 Network]") == 0);
    CHECK(t, ut_key(t, "F7") == 0);
    CHECK(t, ut_wait(t, "Time for community building") == 0);
    int r = -1, c = -1;
    CHECK(t, vt_find(t, "member", &r, &c) == 0);
    char *row = vt_row(t, r);
    /* The Dutch words are gone (the tab is English), and no head is cut. */
    bool ok = row && strstr(row, "member ") && strstr(row, " target ") &&
              strstr(row, " balance ") && strstr(row, " share ") && strstr(row, "30 Nov") &&
              strstr(row, " note") && !strstr(row, "\u2026") && !strstr(row, "doel");
    if (!ok)
        fprintf(stderr, "header: %s\n", row ? row : "(none)");
    free(row);
    CHECK(t, ok);
    return ut_quit_ok(t);
}

/* The caseload reads every case the member may see: it is read while the keyboard rests
 * (the program's timing log has an idle step on item 4), not inside the key press that opens
 * the tab, and until then its room shows "…". */
int test_caseload_idle(void)
{
    char db[600], timing[600];
    snprintf(db, sizeof db, "%s/db", getenv("HOME"));
    snprintf(timing, sizeof timing, "%s/timing.txt", getenv("HOME"));
    CHECK(NULL, ut_new_db(db, "members", "id,name,role\nm-bw,Bas,professional\n", "cases",
                          "id,opened,area,resident,request,owner,status\n"
                          "c-1,2026-11-04,A,R,V,m-bw,open\n"
                          "c-2,2026-11-24,A,R,V,m-bw,open\n",
                          NULL) == 0);
    setenv("WIJKTAFEL_UI_TIMING", timing, 1);
    struct vt_term *t = hours_tab(db, "2026-11-25", 24, 80);
    unsetenv("WIJKTAFEL_UI_TIMING");
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "open casussen           1       1       1       2") == 0);
    CHECK(t, !vt_contains(t, "\u2026       \u2026")); /* the numbers replaced the dots */
    CHECK(NULL, ut_quit_ok(t) == 0);
    FILE *f = fopen(timing, "r");
    CHECK(NULL, f != NULL);
    char line[128];
    int idle = 0, keys = 0;
    while (fgets(line, sizeof line, f)) {
        idle += strncmp(line, "idle ", 5) == 0;
        keys += strncmp(line, "key ", 4) == 0;
    }
    fclose(f);
    if (idle < 1 || keys < 2)
        fprintf(stderr, "timing log: %d idle steps, %d keys\n", idle, keys);
    CHECK(NULL, keys >= 2); /* the log was written: '4' and F7 at least */
    CHECK(NULL, idle >= 1);
    return 0;
}
