/* check_ui_projects.c: from theme to project (p in Thema's) and the Projecten tab of item 4 (issue 21). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_ui.h"

/* Today is 2026-11-30 (ut_setup). Gem/Elst huiswerk recurs: s-1, s-2, s-3. */
static const char signals_csv[] = "id,date,area,text,themes\n"
                                  "s-1,2026-11-01,Gem/Elst,T,huiswerk\n"
                                  "s-2,2026-11-10,Gem/Elst,T,huiswerk\n"
                                  "s-3,2026-11-20,Gem/Elst,T,huiswerk\n"
                                  "s-9,2026-11-20,Gem/Oost,T,tuin\n";

/* pa-1 spoke 13 weeks ago (2026-08-31 < 2026-09-07): out of touch; pa-2 three
 * weeks ago: not listed; pa-3 never. p-2's next step was due yesterday. */
static const char partners_csv[] = "id,name,role,area,last_contact\n"
                                   "pa-1,Juf Anja,school,Gem/Elst,2026-08-31\n"
                                   "pa-2,Wijkagent Bas,wijkagent,Gem/Elst,2026-11-09\n"
                                   "pa-3,Dominee Kees,kerk,Gem/Oost,\n";
static const char projects_csv[] = "id,name,area,phase,next,next_date\n"
                                   "p-2,Moestuin Oost,Gem/Oost,loopt,Subsidie aanvragen,2026-11-29\n"
                                   "p-3,Repaircafe,Gem/Oost,opstart,Ruimte zoeken,2026-12-15\n";

int test_theme_project(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/db", getenv("HOME"));
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "init", NULL) == 0);
    CHECK(NULL, ut_run(NULL, signals_csv, "--db", db, "import", "signals", "-", NULL) == 0);
    struct vt_term *t = ut_start(24, 80, "--db", db, NULL);
    CHECK(t, t != NULL);
    vt_send(t, "3");
    CHECK(t, ut_wait(t, "[3 Signalen]") == 0);
    CHECK(t, ut_key(t, "m") == 0);
    CHECK(t, ut_wait(t, "Thema's van de laatste 8 weken (1)") == 0);
    CHECK(t, ut_key(t, "p") == 0);
    CHECK(t, ut_wait(t, "Van thema naar project") == 0);
    CHECK(t, ut_wait(t, "huiswerk in Elst") == 0);
    CHECK(t, vt_contains(t, "idee"));
    CHECK(t, ut_key(t, "Enter") == 0);
    /* Saved: item 4 shows it on the Projecten tab, selected. */
    CHECK(t, ut_wait(t, "[4 Netwerk]") == 0);
    CHECK(t, ut_wait(t, "Projecten per fase (1, 0 te laat)") == 0);
    CHECK(t, ut_wait(t, "huiswerk in Elst") == 0);
    CHECK(NULL, ut_quit_ok(t) == 0);
    char *csv = NULL;
    CHECK(NULL, ut_run(&csv, NULL, "--db", db, "export", "projects", NULL) == 0);
    bool ok = strstr(csv, "p-001,huiswerk in Elst,Gem/Elst,idee,huiswerk,,,s-1;s-2;s-3,,,,,,"
                          "2026-11-30,,\n") != NULL;
    if (!ok)
        fprintf(stderr, "projects:\n%s\n", csv);
    free(csv);
    CHECK(NULL, ok);
    return 0;
}

int test_partners_quiet(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/db", getenv("HOME"));
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "init", NULL) == 0);
    CHECK(NULL, ut_run(NULL, partners_csv, "--db", db, "import", "partners", "-", NULL) == 0);
    CHECK(NULL, ut_run(NULL, projects_csv, "--db", db, "import", "projects", "-", NULL) == 0);
    setenv("NO_COLOR", "1", 1); /* the marks must read without colour */
    struct vt_term *t = ut_start(24, 100, "--db", db, NULL);
    CHECK(t, t != NULL);
    vt_send(t, "4");
    CHECK(t, ut_wait(t, "[4 Netwerk]") == 0);
    CHECK(t, ut_key(t, "j") == 0);
    CHECK(t, ut_wait(t, "Projecten per fase (2, 1 te laat)") == 0);
    CHECK(t, ut_wait(t, "partners zonder contact in 12 weken (2)") == 0);
    CHECK(t, vt_contains(t, "[!] te laat: zo 29 nov Subsidie aanvragen"));
    CHECK(t, vt_contains(t, "Juf Anja"));
    CHECK(t, vt_contains(t, "[!] laatste contact ma 31 aug"));
    CHECK(t, vt_contains(t, "Dominee Kees"));
    CHECK(t, vt_contains(t, "[!] nog geen contact"));
    CHECK(t, !vt_contains(t, "Wijkagent Bas"));
    /* Phase order: opstart before loopt. */
    int r1 = -1, r2 = -1, c = -1;
    CHECK(t, vt_find(t, "Repaircafe", &r1, &c) == 0 && vt_find(t, "Moestuin Oost", &r2, &c) == 0);
    CHECK(t, r1 < r2);
    unsetenv("NO_COLOR");
    CHECK(NULL, ut_quit_ok(t) == 0);
    return 0;
}

/* Nijmegen and Overbetuwe: homework signals in Elst become a project with the
 * school as a partner; it reaches zelfstandig, goes on the social map with k,
 * and is offered to a new homework request. */
int test_homework_scenario(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/db", getenv("HOME"));
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "init", NULL) == 0);
    CHECK(NULL, ut_run(NULL,
                       "id,date,area,text,themes\n"
                       "s-1,2026-11-02,Overbetuwe/Elst,Moeder: zoon loopt vast met huiswerk,huiswerk\n"
                       "s-2,2026-11-12,Overbetuwe/Elst,School ziet kinderen zonder hulp,huiswerk\n"
                       "s-3,2026-11-19,Overbetuwe/Elst,Vader vraagt naar bijles,huiswerk\n",
                       "--db", db, "import", "signals", "-", NULL) == 0);
    CHECK(NULL, ut_run(NULL, "id,name,role,area,organisation,last_contact\n"
                             "pa-1,Juf Anja,school,Overbetuwe/Elst,De Regenboog,2026-11-20\n",
                       "--db", db, "import", "partners", "-", NULL) == 0);
    struct vt_term *t = ut_start(24, 100, "--db", db, NULL);
    CHECK(t, t != NULL);
    vt_send(t, "3");
    CHECK(t, ut_wait(t, "[3 Signalen]") == 0);
    CHECK(t, ut_key(t, "m") == 0);
    CHECK(t, ut_wait(t, "Thema's van de laatste 8 weken (1)") == 0);
    CHECK(t, ut_key(t, "p") == 0);
    CHECK(t, ut_wait(t, "Van thema naar project") == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Projecten per fase (1, 0 te laat)") == 0);
    CHECK(NULL, ut_quit_ok(t) == 0);
    /* The homework class runs by itself now: the team stepped back. */
    CHECK(NULL, ut_run(NULL,
                       "id,name,area,phase,themes,signals,next,stepped_back,description\n"
                       "p-001,Huiswerkklas Elst,Overbetuwe/Elst,zelfstandig,huiswerk,s-1;s-2;s-3,,"
                       "2026-11-27,Ouders en De Regenboog: di en do na school\n",
                       "--db", db, "import", "projects", "-", NULL) == 0);
    t = ut_spawn(24, 100, "--db", db, NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "Open actiepunten") == 0);
    vt_send(t, "4");
    CHECK(t, ut_wait(t, "[4 Netwerk]") == 0);
    CHECK(t, ut_key(t, "j") == 0);
    CHECK(t, ut_wait(t, "Huiswerkklas Elst") == 0);
    CHECK(t, ut_key(t, "k") == 0);
    CHECK(t, ut_wait(t, "Van project naar de sociale kaart") == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Bewaard als kaartitem") == 0);
    CHECK(NULL, ut_quit_ok(t) == 0);
    char *csv = NULL;
    CHECK(NULL, ut_run(&csv, NULL, "--db", db, "export", "resources", NULL) == 0);
    bool ok = strstr(csv, ",Huiswerkklas Elst,initiative,Overbetuwe/Elst,huiswerk,") != NULL;
    if (!ok)
        fprintf(stderr, "resources:\n%s\n", csv);
    free(csv);
    CHECK(NULL, ok);
    /* A new homework request in Elst is offered the homework class. */
    CHECK(NULL, ut_run(NULL,
                       "id,opened,area,resident,request,needs\n"
                       "c-9,2026-11-30,Overbetuwe/Elst,Sanne de Wit,Dochter heeft hulp nodig bij "
                       "huiswerk,huiswerk\n",
                       "--db", db, "import", "cases", "-", NULL) == 0);
    char *tsv = NULL;
    CHECK(NULL, ut_run(&tsv, NULL, "--db", db, "suggest", "c-9", "--format", "tsv", NULL) == 0);
    ok = strstr(tsv, "\tresource\t") != NULL && strstr(tsv, "\tHuiswerkklas Elst\t") != NULL;
    if (!ok)
        fprintf(stderr, "suggest:\n%s\n", tsv);
    free(tsv);
    CHECK(NULL, ok);
    return 0;
}

/* A project's people are typed and shown by name (issue 16's talent picker):
 * "bram" completes with Tab to the talent's name, "noor" to the member's, and
 * the project stores their ids; a name that fits no one is refused, naming
 * the field, and nothing is stored. */
int test_project_people(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/db", getenv("HOME"));
    CHECK(NULL, ut_new_db(db, "members",
                          "id,name,role,area\n"
                          "m-noor,Noor Haddou,professional,Gem/Oost\n",
                          "talents",
                          "id,name,area,offers,consent\n"
                          "t-bram,Bram Visser,Gem/Oost,klussen,2026-01-05\n"
                          "t-bea,Béatrix Smit,Gem/Oost,tuin,2026-01-05\n",
                          "projects", projects_csv, NULL) == 0);
    struct vt_term *t = ut_start(36, 120, "--db", db, NULL);
    CHECK(t, t != NULL);
    vt_send(t, "4");
    CHECK(t, ut_wait(t, "[4 Netwerk]") == 0);
    CHECK(t, ut_key(t, "j") == 0);
    CHECK(t, ut_wait(t, "Projecten per fase") == 0);
    CHECK(t, ut_key(t, "e") == 0);
    CHECK(t, ut_wait(t, "Bewoners met talent") == 0);
    for (int i = 0; i < 4; i++) /* Naam, Wijk, Fase, Thema's: to Teamleden */
        CHECK(t, ut_key(t, "Down") == 0);
    CHECK(t, ut_type(t, "noor") == 0 && ut_key(t, "Tab") == 0);
    CHECK(t, ut_wait(t, "Noor Haddou") == 0);
    CHECK(t, ut_key(t, "Down") == 0);
    CHECK(t, ut_type(t, "nobody") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "[!] Bewoners met talent: 'nobody' staat niet in de lijst") == 0);
    for (int i = 0; i < 6; i++)
        CHECK(t, ut_key(t, "Backspace") == 0);
    CHECK(t, ut_type(t, "bram") == 0 && ut_key(t, "Tab") == 0);
    CHECK(t, ut_wait(t, "Bram Visser") == 0);
    CHECK(t, ut_type(t, "; beatrix") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "is bijgewerkt") == 0);
    CHECK(NULL, ut_quit_ok(t) == 0);
    char *csv = NULL;
    CHECK(NULL, ut_run(&csv, NULL, "--db", db, "export", "projects", NULL) == 0);
    bool ok = csv && strstr(csv, ",m-noor,t-bram;t-bea");
    if (!ok)
        fprintf(stderr, "export projects:\n%s", csv ? csv : "(none)");
    free(csv);
    CHECK(NULL, ok);
    return 0;
}

/* A project that reaches zelfstandig on the screen gets the day the team stepped back (today),
 * so that the report counts it as handed over in the period; Begonnen and Team trok zich terug
 * are in the form. */
int test_project_handover(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/db", getenv("HOME"));
    CHECK(NULL, ut_new_db(db, "signals", signals_csv, "projects",
                          "id,name,area,phase,signals,started\n"
                          "p-1,Huiswerkklas,Gem/Elst,loopt,s-1;s-2,2026-09-01\n",
                          NULL) == 0);
    struct vt_term *t = ut_spawn(24, 80, "--db", db, NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "Open actiepunten") == 0);
    vt_send(t, "4");
    CHECK(t, ut_wait(t, "[4 Netwerk]") == 0);
    CHECK(t, ut_key(t, "j") == 0);
    CHECK(t, ut_wait(t, "Huiswerkklas") == 0);
    CHECK(t, ut_key(t, "e") == 0);
    CHECK(t, ut_wait(t, "Team trok zich terug") == 0); /* every field fits at 80x24 */
    CHECK(t, vt_contains(t, "Begonnen"));
    CHECK(t, ut_key(t, "Down") == 0 && ut_key(t, "Down") == 0); /* Naam, Wijk: to Fase */
    CHECK(t, ut_key(t, "C-u") == 0);
    CHECK(t, ut_type(t, "zelfstandig") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "is bijgewerkt") == 0);
    CHECK(NULL, ut_quit_ok(t) == 0);
    char *csv = NULL;
    CHECK(NULL, ut_run(&csv, NULL, "--db", db, "export", "projects", NULL) == 0);
    bool ok = strstr(csv, "p-1,Huiswerkklas,Gem/Elst,zelfstandig,,,,s-1;s-2,,,,,,2026-09-01,"
                          "2026-11-30,\n") != NULL;
    if (!ok)
        fprintf(stderr, "projects:\n%s\n", csv);
    free(csv);
    CHECK(NULL, ok);
    char *rep = NULL;
    CHECK(NULL, ut_run(&rep, NULL, "--db", db, "report", "--from", "2026-11-01", "--to",
                       "2026-11-30", "--format", "csv", NULL) == 0);
    ok = strstr(rep, "\nprojects,p-1,handed-over,2,\n") != NULL;
    if (!ok)
        fprintf(stderr, "report:\n%s\n", rep);
    free(rep);
    CHECK(NULL, ok);
    return 0;
}

/* The Projecten tab sizes its first column from the content: a partner's role of 16
 * characters ("woningcorporatie") shows whole at 80 and at 120 columns (it was cut at 12),
 * and the last contact keeps its room beside it. */
int test_projects_widths(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/db", getenv("HOME"));
    CHECK(NULL, ut_new_db(db, "partners",
                          "id,name,role,area,last_contact\n"
                          "pa-1,Juf Anja,school,Gem/Elst,2026-08-31\n"
                          "pa-2,Sem de Wit,woningcorporatie,Gem/Oost,\n",
                          "projects", projects_csv, NULL) == 0);
    static const int cols[] = {80, 120};
    for (int i = 0; i < 2; i++) {
        struct vt_term *t = ut_start(24, cols[i], "--db", db, NULL);
        CHECK(t, t != NULL);
        vt_send(t, "4");
        CHECK(t, ut_wait(t, "[4 Netwerk]") == 0);
        CHECK(t, ut_key(t, "j") == 0);
        CHECK(t, ut_wait(t, "partners zonder contact") == 0);
        int r = -1, c = -1;
        CHECK(t, vt_find(t, "Sem de Wit", &r, &c) == 0);
        char *row = vt_row(t, r);
        bool ok = row && strstr(row, "woningcorporatie Sem de Wit") &&
                  strstr(row, "[!] nog geen contact");
        if (!ok)
            fprintf(stderr, "%d columns, row: %s\n", cols[i], row ? row : "(none)");
        free(row);
        CHECK(t, ok);
        /* The projects' rows use the same columns: the phase, then the name. */
        CHECK(t, vt_find(t, "Moestuin Oost", &r, &c) == 0);
        row = vt_row(t, r);
        ok = row && strstr(row, "loopt            Moestuin Oost");
        if (!ok)
            fprintf(stderr, "%d columns, row: %s\n", cols[i], row ? row : "(none)");
        free(row);
        CHECK(t, ok);
        CHECK(NULL, ut_quit_ok(t) == 0);
    }
    /* In English the phase and the role are words too, never the stored codes. */
    struct vt_term *t = ut_spawn(24, 120, "--db", db, "--lang", "en", NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "[1 Actions]") == 0);
    vt_send(t, "4");
    CHECK(t, ut_wait(t, "[4 Network]") == 0);
    CHECK(t, ut_key(t, "j") == 0);
    CHECK(t, ut_wait(t, "Sem de Wit") == 0);
    CHECK(t, vt_contains(t, "housing corporation Sem de Wit") && vt_contains(t, "running"));
    CHECK(t, !vt_contains(t, "woningcorporatie") && !vt_contains(t, "loopt"));
    CHECK(NULL, ut_quit_ok(t) == 0);
    return 0;
}
