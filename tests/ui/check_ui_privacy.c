/* check_ui_privacy.c: screen tests of what may reach the wall and the terminal: names, shielded cases, escapes. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check_ui.h"

/* ---- beamer: none of the residents' names, no shielded case ---- */

struct people {
    char **names;
    size_t n;
    char **shielded;
    size_t ns;
};

static int load_people(struct people *p)
{
    char *cases = NULL, *talents = NULL;
    if (ut_run(&cases, NULL, "--demo", "export", "cases", NULL) != 0 ||
        ut_run(&talents, NULL, "--demo", "export", "talents", NULL) != 0)
        return -1;
    char **a, **b, **ids, **restricted;
    size_t na = ut_csv_column(cases, "resident", &a);
    size_t nb = ut_csv_column(talents, "name", &b);
    size_t ni = ut_csv_column(cases, "id", &ids);
    size_t nr = ut_csv_column(cases, "restricted", &restricted);
    p->names = malloc((na + nb) * sizeof *p->names);
    p->n = 0;
    for (size_t i = 0; i < na; i++)
        p->names[p->n++] = a[i];
    for (size_t i = 0; i < nb; i++)
        p->names[p->n++] = b[i];
    free(a);
    free(b);
    p->shielded = malloc((ni + 1) * sizeof *p->shielded);
    p->ns = 0;
    for (size_t i = 0; i < ni && i < nr; i++)
        if (strcmp(restricted[i], "yes") == 0)
            p->shielded[p->ns++] = strdup(ids[i]);
    ut_free_list(ids, ni);
    ut_free_list(restricted, nr);
    free(cases);
    free(talents);
    return na > 20 && nb > 10 && p->ns > 0 ? 0 : -1;
}

/* The name on the screen that must not be there, or NULL. */
static const char *leaked(struct vt_term *t, const struct people *p, bool shielded_too)
{
    for (size_t i = 0; i < p->n; i++)
        if (vt_contains(t, p->names[i]))
            return p->names[i];
    for (size_t i = 0; shielded_too && i < p->ns; i++)
        if (vt_contains(t, p->shielded[i]))
            return p->shielded[i];
    return NULL;
}

#define NO_LEAK(t, p, sh)                                                                    \
    do {                                                                                     \
        const char *l_ = leaked(t, p, sh);                                                   \
        if (l_)                                                                              \
            fprintf(stderr, "on the beamer: %s\n", l_);                                      \
        CHECK(t, l_ == NULL);                                                                \
    } while (0)

int test_beamer_names(void)
{
    struct vt_term *t = ut_spawn(24, 80, "--demo", NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "BEAMER UIT") == 0);
    vt_send(t, "b"); /* the key switches it on and off */
    CHECK(t, ut_wait(t, "BEAMER AAN") == 0);
    vt_send(t, "b");
    CHECK(t, ut_wait(t, "BEAMER UIT") == 0);
    CHECK(NULL, ut_quit_ok(t) == 0);

    struct people p;
    CHECK(NULL, load_people(&p) == 0);
    t = ut_spawn(60, 200, "--demo", "--beamer", NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "BEAMER AAN") == 0);
    CHECK(t, ut_wait(t, "Open actiepunten") == 0);
    NO_LEAK(t, &p, false);
    vt_send(t, "h"); /* all actions, also those that name talents */
    CHECK(t, ut_wait(t, "Alle actiepunten") == 0);
    CHECK(t, ut_wait(t, "G.K.") == 0); /* "Gerard Kuipers" in a-005 */
    NO_LEAK(t, &p, false);
    for (int i = 0; i < 12; i++) {
        CHECK(t, ut_key(t, "Down") == 0);
        NO_LEAK(t, &p, false);
    }
    /* Every case in the list, with its detail and its options. */
    vt_send(t, "2");
    CHECK(t, ut_wait(t, "[2 Casussen]") == 0);
    for (int i = 0; i < 30; i++) {
        CHECK(t, vt_wait_gone(t, "Opties worden gezocht", UT_TIMEOUT) == 0);
        vt_wait_quiet(t, 50, UT_TIMEOUT);
        NO_LEAK(t, &p, true);
        CHECK(t, ut_key(t, "Down") == 0);
    }
    vt_send(t, "f"); /* all statuses, the closed cases too */
    CHECK(t, ut_wait(t, "Filter") == 0);
    CHECK(t, ut_key(t, "C-u") == 0 && ut_type(t, "alle") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "(alle,") == 0);
    CHECK(t, ut_key(t, "Home") == 0);
    for (int i = 0; i < 30; i++) {
        CHECK(t, vt_wait_gone(t, "Opties worden gezocht", UT_TIMEOUT) == 0);
        NO_LEAK(t, &p, true);
        CHECK(t, ut_key(t, "Down") == 0);
    }
    vt_send(t, "3");
    CHECK(t, ut_wait(t, "[3 Signalen]") == 0);
    vt_send(t, "h");
    CHECK(t, ut_wait(t, "Alle signalen") == 0);
    for (int i = 0; i < 45; i++) {
        NO_LEAK(t, &p, false);
        CHECK(t, ut_key(t, "Down") == 0);
    }
    vt_send(t, "4");
    CHECK(t, ut_wait(t, "[4 Netwerk]") == 0);
    for (int tab = 0; tab < 5; tab++) {
        /* The first three lists are parts of the whole map (tab 3). */
        int rows = tab == 3 ? 42 : tab == 4 ? 16 : 1;
        for (int i = 0; i < rows; i++) {
            NO_LEAK(t, &p, false);
            CHECK(t, ut_key(t, "Down") == 0);
        }
        CHECK(t, ut_key(t, "Right") == 0);
    }
    vt_send(t, "5");
    CHECK(t, ut_wait(t, "[5 Rondvraag") == 0);
    NO_LEAK(t, &p, false);
    /* Search shows initials and does not match on a resident's name. */
    vt_send(t, "/");
    CHECK(t, ut_wait(t, "Zoek:") == 0);
    CHECK(t, ut_type(t, "Vries") == 0);
    CHECK(t, ut_wait(t, "0 gevonden") == 0);
    CHECK(t, ut_key(t, "C-u") == 0 && ut_type(t, "c-017") == 0);
    CHECK(t, ut_wait(t, "A.v.d.B.") == 0);
    NO_LEAK(t, &p, true);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "c-017  A.v.d.B.") == 0);
    NO_LEAK(t, &p, true);
    /* Editing on the beamer would show the stored text as it is. */
    vt_send(t, "e");
    CHECK(t, ut_wait(t, "zet de beamer eerst uit") == 0);
    ut_free_list(p.names, p.n);
    ut_free_list(p.shielded, p.ns);
    return ut_quit_ok(t);
}

/* ---- the wall follows the chair ---- */

int test_wall_follows(void)
{
    struct vt_term *chair = ut_start(24, 80, "--demo", NULL);
    CHECK(chair, chair != NULL);
    struct vt_term *wall = ut_spawn(24, 80, "--demo", "--beamer", "--follow", NULL);
    CHECK(wall, wall != NULL);
    CHECK(wall, ut_wait(wall, "BEAMER AAN (muur)") == 0);
    CHECK(wall, ut_wait(wall, "[1 Actiepunten]") == 0);

    double worst = 0;
    struct {
        const char *keys[5], *chair_sees, *wall_sees;
    } steps[] = {
        {{"2"}, "[2 Casussen]", "[2 Casussen]"},
        {{"Down", "Down"}, "c-027  Ilse van Dam", "c-027  I.v.D."},
        {{"o"}, "[Welzijnsopties]", "[Welzijnsopties]"},
        {{"4"}, "[4 Netwerk]", "[4 Netwerk]"},
        {{"Right", "Right", "Right", "Right"}, "[Talenten]", "[Talenten]"},
        {{"3"}, "[3 Signalen]", "[3 Signalen]"},
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        for (int k = 0; k < 5 && steps[i].keys[k]; k++)
            ut_key(chair, steps[i].keys[k]);
        CHECK(chair, ut_wait(chair, steps[i].chair_sees) == 0);
        double t0 = ut_now_ms();
        CHECK(wall, ut_wait(wall, steps[i].wall_sees) == 0);
        double took = ut_now_ms() - t0;
        if (took > worst)
            worst = took;
        CHECK(wall, !vt_contains(wall, "Ilse van Dam"));
    }
    printf("the wall followed within %.0f ms (worst step)\n", worst);
    CHECK(wall, worst < 500);
    /* The wall never writes: a key that would open a form only explains. */
    vt_send(wall, "n");
    CHECK(wall, ut_wait(wall, "volgt de voorzitter") == 0);
    CHECK(wall, !vt_contains(wall, "Nieuw signaal"));
    /* A shielded case the chair selects is not shown on the wall. */
    vt_send(chair, "/");
    CHECK(chair, ut_wait(chair, "Zoek:") == 0);
    CHECK(chair, ut_type(chair, "c-007") == 0 && ut_wait(chair, "1 gevonden") == 0);
    CHECK(chair, ut_key(chair, "Enter") == 0);
    CHECK(chair, ut_key(chair, "Esc") == 0); /* from the options back to the case */
    CHECK(chair, ut_wait(chair, "c-007  Sandra Post") == 0);
    CHECK(wall, ut_wait(wall, "afgeschermd: hij staat niet op de muur") == 0);
    CHECK(wall, !vt_contains(wall, "c-007") && !vt_contains(wall, "Sandra Post"));
    CHECK(chair, ut_quit_ok(wall) == 0);
    return ut_quit_ok(chair);
}

/* ---- escape sequences in every text field never reach the terminal ---- */

/* No '\r' or '\n' (tags refuse them), no '/' (areas), no ',' or '"' (plain CSV). */
#define EVIL "EVIL\033[31mRED\033]52;c;ZXZpbA==\007\033]8;;mailto:x@evil.example\033\\LINK" \
             "\033]8;;\033\\\302\2332J\342\200\256RTL\010\033P+q\033\\\033[6n\302\205END"

static int import_csv(const char *db, const char *kind, const char *csv)
{
    return ut_run(NULL, csv, "--db", db, "import", kind, "-", NULL);
}

int test_escapes(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/db", getenv("HOME"));
    const char *e = EVIL;
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "init", "--team", "Team " EVIL, NULL) == 0);
    char csv[8192];
    snprintf(csv, sizeof csv,
             "id,name,role,discipline,area,hours\nleider,\"Lea %s\",leader,\"%s\",\"Veen/%s\",\n"
             "m-x,\"Max %s\",professional,,,\n", e, e, e, e);
    CHECK(NULL, import_csv(db, "members", csv) == 0);
    snprintf(csv, sizeof csv,
             "id,name,kind,area,needs,interests,ages,access,schedule,contact,description,checked,capacity\n"
             "r-1,\"Koffie %s\",activity,\"Veen/%s\",\"eenzaamheid;%s\",\"koken;%s\",,,\"%s\",\"%s\",\"%s\",2020-01-01,full\n",
             e, e, e, e, e, e, e);
    CHECK(NULL, import_csv(db, "resources", csv) == 0);
    snprintf(csv, sizeof csv,
             "id,name,area,offers,interests,available,consent\n"
             "t-1,\"Tim %s\",\"Veen/%s\",\"eenzaamheid;%s\",\"koken;%s\",\"%s\",2026-01-01\n",
             e, e, e, e, e);
    CHECK(NULL, import_csv(db, "talents", csv) == 0);
    snprintf(csv, sizeof csv,
             "id,opened,area,resident,request,age,owner,status,needs,strengths,network,formal,restricted,chosen\n"
             "c-1,2026-11-01,\"Veen/%s\",\"Res %s\",\"Vraag %s\",70,leider,new,\"eenzaamheid;%s\",\"koken;%s\",\"%s\",\"%s\",no,r-1\n"
             "c-2,2026-11-02,\"Veen/%s\",\"Ander %s\",\"Vraag twee eenzaamheid %s\",71,m-x,open,eenzaamheid,koken,,,no,\n",
             e, e, e, e, e, e, e, e, e, e);
    CHECK(NULL, import_csv(db, "cases", csv) == 0);
    snprintf(csv, sizeof csv,
             "id,date,area,text,source,themes,case,status,reporter\n"
             "s-1,2026-11-29,\"Veen/%s\",\"Signaal %s\",\"%s\",\"eenzaamheid;%s\",c-1,new,leider\n",
             e, e, e, e);
    CHECK(NULL, import_csv(db, "signals", csv) == 0);
    snprintf(csv, sizeof csv,
             "id,text,meeting,owner,due,status,case\n"
             "a-1,\"Actie %s\",2026-11-23,leider,2026-11-25,open,c-1\n", e);
    CHECK(NULL, import_csv(db, "actions", csv) == 0);

    struct vt_term *t = ut_start(60, 200, "--db", db, NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "Actie EVIL") == 0);
    CHECK(t, vt_contains(t, "\357\277\275")); /* U+FFFD where the controls were */
    const char *walk[] = {"2", "o", "Down", "Up", "Esc", "3", "h", "4", "Right", "Right",
                          "Right", "Right", "5", "b", "1", "2", "3", "4", "Right", "5", "b",
                          NULL};
    for (size_t i = 0; walk[i]; i++)
        CHECK(t, ut_key(t, walk[i]) == 0);
    vt_send(t, "/");
    CHECK(t, ut_wait(t, "Zoek:") == 0);
    CHECK(t, ut_type(t, "evil") == 0);
    CHECK(t, ut_wait(t, "gevonden") == 0);
    CHECK(t, ut_key(t, "Esc") == 0);
    CHECK(t, ut_key(t, "?") == 0 && ut_key(t, "Esc") == 0);
    CHECK(t, ut_key(t, "2") == 0 && ut_key(t, "e") == 0); /* the edit form shows the text too */
    CHECK(t, ut_wait(t, "bewerken") == 0);
    CHECK(t, ut_key(t, "Esc") == 0);
    const struct {
        const char *what;
        const char *bytes;
        size_t n;
    } bad[] = {
        {"CSI SGR", "\033[31mRED", 9},
        {"OSC 52", "\033]52", 4},
        {"OSC 8", "\033]8;", 4},
        {"C1 CSI", "\302\233", 2},
        {"C1 NEL", "\302\205", 2},
        {"RLO", "\342\200\256", 3},
        {"DCS", "\033P", 2},
        {"CSI DSR", "\033[6n", 4},
        {"BEL", "\007", 1},
        {"BS", "\010", 1},
    };
    int leaks = 0;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (ut_raw_has(t, bad[i].bytes, bad[i].n)) {
            fprintf(stderr, "reached the terminal: %s\n", bad[i].what);
            leaks++;
        }
    CHECK(t, leaks == 0);
    return ut_quit_ok(t);
}

