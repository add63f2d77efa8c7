/* check_ui_team.c: the first start on the screen (issue 22): from an empty data folder to the
 * meeting screen, the recovery code shown once and working. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "uitest.h"

#define PASS "geheim-genoeg-1"

/* Waits for the program to end; its exit code, or -1. */
static int exit_code(struct vt_term *t)
{
    int st = -1;
    if (vt_close(t, &st, UT_TIMEOUT) != 0 || !WIFEXITED(st))
        return -1;
    return WEXITSTATUS(st);
}

static bool db_made(void)
{
    char path[700];
    snprintf(path, sizeof path, "%s/wijktafel/data.mdb", getenv("XDG_DATA_HOME"));
    return access(path, F_OK) == 0;
}

/* The row below the one holding text, trimmed (caller frees), or NULL. */
static char *row_after(struct vt_term *t, const char *text, int below)
{
    int row, col;
    if (vt_find(t, text, &row, &col) != 0)
        return NULL;
    char *line = vt_row(t, row + below);
    if (!line)
        return NULL;
    /* Inside the box: between the two vertical lines. */
    char *p = strstr(line, "│");
    char *s = p ? p + strlen("│") : line;
    char *e = strstr(s, "│");
    if (e)
        *e = '\0';
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        s[--n] = '\0';
    char *out = strdup(s);
    free(line);
    return out;
}

static int count_words(const char *s)
{
    int n = 0;
    for (const char *p = s; *p; p++)
        n += (p == s || p[-1] == ' ') && *p != ' ';
    return n;
}

static int test_first_start(void)
{
    unsetenv("WIJKTAFEL_PASSPHRASE");
    CHECK(NULL, !db_made());
    struct vt_term *t = ut_spawn(24, 80, "--lang", "nl", NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "Eerste start") == 0);
    CHECK(t, vt_contains(t, "Teamnaam") && vt_contains(t, "Uw naam") &&
                 vt_contains(t, "Herhaal wachtwoordzin") && !vt_contains(t, "…"));
    CHECK(t, ut_type(t, "Team Oost") == 0);
    CHECK(t, ut_key(t, "Down") == 0);
    CHECK(t, ut_type(t, "Lea de Vries") == 0);
    CHECK(t, ut_wait(t, "lea-de-vries") == 0); /* the id made from the name */
    CHECK(t, ut_key(t, "Down") == 0);
    CHECK(t, ut_key(t, "Down") == 0);
    CHECK(t, ut_type(t, PASS) == 0);
    CHECK(t, ut_key(t, "Down") == 0);
    CHECK(t, ut_type(t, "iets-anders-1") == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    /* Two that differ: said so, nothing made, and no passphrase on the screen. */
    CHECK(t, ut_wait(t, "verschillen") == 0);
    CHECK(t, !db_made());
    CHECK(t, !vt_contains(t, "geheim") && !vt_contains(t, "anders"));
    for (int i = 0; i < 13; i++)
        CHECK(t, ut_key(t, "Backspace") == 0);
    CHECK(t, ut_type(t, PASS) == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "De database is gemaakt") == 0);
    CHECK(t, vt_contains(t, "/wijktafel") && vt_contains(t, "achter slot"));
    CHECK(t, !vt_contains(t, "…"));
    char *w1 = row_after(t, "Uw herstelcode", 1), *w2 = row_after(t, "Uw herstelcode", 2);
    CHECK(t, w1 && w2 && count_words(w1) == 6 && count_words(w2) == 6);
    char code[300];
    snprintf(code, sizeof code, "%s %s", w1, w2);
    free(w1);
    free(w2);
    CHECK(t, db_made());
    CHECK(t, ut_key(t, "x") == 0);
    /* The meeting screen, the team's name in the header. */
    CHECK(t, ut_wait(t, "1 Actiepunten") == 0);
    char *top = vt_row(t, 0);
    bool named = top && strstr(top, "Team Oost") && strstr(top, "Lea de Vries");
    free(top);
    CHECK(t, named);
    CHECK(t, !vt_contains(t, "Uw herstelcode"));
    CHECK(t, ut_key(t, "q") == 0);
    CHECK(NULL, exit_code(t) == 0);
    /* What the form made opens with its passphrase, and the code shown resets it. */
    setenv("WIJKTAFEL_PASSPHRASE", PASS, 1);
    CHECK(NULL, ut_run(NULL, NULL, "check", NULL) == 0);
    unsetenv("WIJKTAFEL_PASSPHRASE");
    setenv("WIJKTAFEL_RECOVERY_CODE", code, 1);
    setenv("WIJKTAFEL_NEW_PASSPHRASE", "nog-een-geheim-2", 1);
    CHECK(NULL, ut_run(NULL, NULL, "passphrase", "--recovery", NULL) == 0);
    setenv("WIJKTAFEL_PASSPHRASE", "nog-een-geheim-2", 1);
    char *out = NULL;
    CHECK(NULL, ut_run(&out, NULL, "--as", "lea-de-vries", "export", "members", NULL) == 0);
    bool member = out && strstr(out, "lea-de-vries,Lea de Vries,leader");
    free(out);
    CHECK(NULL, member);
    unsetenv("WIJKTAFEL_RECOVERY_CODE");
    unsetenv("WIJKTAFEL_NEW_PASSPHRASE");
    unsetenv("WIJKTAFEL_PASSPHRASE");
    return 0;
}

/* Esc on the form: nothing is made, one line, exit 66. */
static int test_first_start_escape(void)
{
    unsetenv("WIJKTAFEL_PASSPHRASE");
    struct vt_term *t = ut_spawn(24, 80, "--lang", "nl", NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "Eerste start") == 0);
    CHECK(t, ut_type(t, "Team") == 0);
    CHECK(t, ut_key(t, "Esc") == 0);
    CHECK(NULL, exit_code(t) == 66);
    CHECK(NULL, !db_made());
    return 0;
}

/* The Team tab of item 4: a leader sees who can open, adds a member and gets the code
 * once; a volunteer sees the list without that and cannot change it. */
static int test_team_view(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/db", getenv("HOME"));
    setenv("WIJKTAFEL_PASSPHRASE", PASS, 1);
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "init", "--team", "Team Oost", NULL) == 0);
    char *code = NULL;
    CHECK(NULL, ut_run(&code, NULL, "--db", db, "member", "add", "vera", "--name",
                       "Vera Vrijwillig", "--role", "volunteer", NULL) == 0);
    /* Columns as wide as their words where the screen has room; vak and
     * wijk give way first where it has not. */
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "member", "add", "m-mw", "--name", "Mo Maas",
                       "--role", "professional", "--discipline", "maatschappelijk werker",
                       "--area", "Veenwaard/Ravenstede", NULL) == 0);
    struct vt_term *t = ut_spawn(36, 120, "--db", db, NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "1 Actiepunten") == 0);
    CHECK(t, ut_key(t, "4") == 0 && ut_key(t, "T") == 0 && ut_wait(t, "Het team") == 0);
    CHECK(t, vt_contains(t, "maatschappelijk werker Veenwaard/Ravenstede"));
    CHECK(t, ut_key(t, "q") == 0 && exit_code(t) == 0);
    t = ut_spawn(24, 80, "--db", db, NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "1 Actiepunten") == 0);
    CHECK(t, ut_key(t, "4") == 0);
    CHECK(t, ut_key(t, "T") == 0);
    CHECK(t, ut_wait(t, "Het team") == 0);
    CHECK(t, vt_contains(t, "Vera Vrijwillig") && vt_contains(t, "vrijwilliger") &&
                 vt_contains(t, "code gegeven") && vt_contains(t, "wachtwoordzin"));
    /* A new member from the screen, in one form: the code shown once. */
    CHECK(t, ut_key(t, "n") == 0);
    CHECK(t, ut_wait(t, "Nieuw teamlid") == 0);
    CHECK(t, ut_type(t, "Piet Prof") == 0 && ut_key(t, "Down") == 0);
    CHECK(t, ut_type(t, "piet") == 0 && ut_key(t, "Down") == 0); /* an id of one's own */
    CHECK(t, ut_key(t, "C-u") == 0 && ut_type(t, "professional") == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "De eenmalige code voor Piet Prof (6 woorden):") == 0); /* by name */
    int row, col;
    CHECK(t, vt_find(t, "De eenmalige code voor Piet Prof", &row, &col) == 0);
    char *line = vt_row(t, row + 1), *left = line ? strstr(line, "\u2502") : NULL;
    char shown[300] = "";
    if (left) /* between the box's two sides */
        snprintf(shown, sizeof shown, "%s", left + strlen("\u2502"));
    free(line);
    char *bar = strstr(shown, "\u2502");
    if (bar)
        *bar = '\0';
    /* The whole code shows at 80 columns: six words, none cut. */
    CHECK(t, count_words(shown) == 6 && !strstr(shown, "\u2026"));
    CHECK(t, vt_contains(t, "14 dagen"));
    CHECK(t, ut_key(t, "x") == 0); /* any key closes the box */
    CHECK(t, ut_wait(t, "Lid Piet Prof toegevoegd (id piet)") == 0);
    /* The id made from the name, accents and all; every field stored. */
    CHECK(t, ut_key(t, "n") == 0 && ut_wait(t, "Nieuw teamlid") == 0);
    CHECK(t, ut_type(t, "B\u00e9atrix van 't Hoff") == 0);
    CHECK(t, ut_key(t, "Down") == 0 && ut_key(t, "Down") == 0 && ut_key(t, "Down") == 0);
    CHECK(t, ut_type(t, "buurtwerker") == 0 && ut_key(t, "Down") == 0);
    CHECK(t, ut_type(t, "Veenwaard") == 0 && ut_key(t, "Down") == 0);
    CHECK(t, ut_type(t, "20") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "De eenmalige code voor B\u00e9atrix van 't Hoff") == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "(id beatrix-van-t-hoff)") == 0);
    /* The list reads by name: B\u00e9atrix before Mo Maas before Piet Prof. */
    int rb, rm, rp, c2;
    CHECK(t, vt_find(t, "B\u00e9atrix van", &rb, &c2) == 0 && vt_find(t, "Mo Maas", &rm, &c2) == 0 &&
                 vt_find(t, "Piet Prof", &rp, &c2) == 0);
    CHECK(t, rb < rm && rm < rp);
    /* On the beamer the leader changes nothing and is told why; no passphrase state shows. */
    CHECK(t, ut_key(t, "b") == 0);
    CHECK(t, ut_wait(t, "Op de beamer wijzigt niemand het team") == 0);
    CHECK(t, !vt_contains(t, "code gegeven") && !vt_contains(t, "wachtwoordzin"));
    CHECK(t, ut_key(t, "b") == 0);
    CHECK(t, ut_key(t, "q") == 0);
    CHECK(NULL, exit_code(t) == 0);
    char *out = NULL;
    CHECK(NULL, ut_run(&out, NULL, "--db", db, "export", "members", NULL) == 0);
    bool added = out && strstr(out, "piet,Piet Prof,professional") &&
                 strstr(out, "beatrix-van-t-hoff,B\u00e9atrix van 't Hoff,volunteer,buurtwerker,"
                             "Veenwaard,20");
    free(out);
    CHECK(NULL, added);
    /* The volunteer's own code opens for them; they see the team, not who can open. */
    code[strcspn(code, "\n")] = '\0';
    setenv("WIJKTAFEL_PASSPHRASE", code, 1);
    setenv("WIJKTAFEL_NEW_PASSPHRASE", "vera-geheim-1", 1);
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "--as", "vera", "export", "signals", NULL) == 0);
    free(code);
    unsetenv("WIJKTAFEL_NEW_PASSPHRASE");
    setenv("WIJKTAFEL_PASSPHRASE", "vera-geheim-1", 1);
    t = ut_spawn(24, 80, "--db", db, "--as", "vera", NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "Actiepunten") == 0);
    CHECK(t, ut_key(t, "4") == 0);
    CHECK(t, ut_key(t, "T") == 0);
    CHECK(t, ut_wait(t, "Het team") == 0);
    CHECK(t, vt_contains(t, "Piet Prof") && vt_contains(t, "Alleen een leider"));
    CHECK(t, !vt_contains(t, "wachtwoordzin") && !vt_contains(t, "code gegeven"));
    CHECK(t, ut_key(t, "x") == 0);
    CHECK(t, !vt_contains(t, "vertrekt"));
    CHECK(t, ut_key(t, "q") == 0);
    CHECK(NULL, exit_code(t) == 0);
    unsetenv("WIJKTAFEL_PASSPHRASE");
    return 0;
}

/* A one-time code typed in the screen's passphrase box: the member chooses
 * their own passphrase there, twice (two that differ are asked again), and
 * the meeting opens; the code then no longer works, and the chosen passphrase
 * does; the log says a code was used, never which. */
static int test_code_on_screen(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/db", getenv("HOME"));
    setenv("WIJKTAFEL_PASSPHRASE", PASS, 1);
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "init", NULL) == 0);
    char *code = NULL;
    CHECK(NULL, ut_run(&code, NULL, "--db", db, "member", "add", "vera", "--name", "Vera",
                       "--role", "volunteer", NULL) == 0);
    code[strcspn(code, "\n")] = '\0';
    unsetenv("WIJKTAFEL_PASSPHRASE");
    struct vt_term *t = ut_spawn(24, 80, "--db", db, "--as", "vera", NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "Wachtwoordzin voor lid vera:") == 0);
    CHECK(t, ut_type(t, code) == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "De code klopt. Kies nu uw eigen wachtwoordzin:") == 0);
    CHECK(t, ut_type(t, "vera-geheim-1") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Typ dezelfde wachtwoordzin nog een keer:") == 0);
    CHECK(t, ut_type(t, "vera-geheim-2") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "de twee wachtwoordzinnen verschillen") == 0);
    CHECK(t, ut_wait(t, "De code klopt. Kies nu uw eigen wachtwoordzin:") == 0);
    CHECK(t, ut_type(t, "vera-geheim-1") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Typ dezelfde wachtwoordzin nog een keer:") == 0);
    CHECK(t, ut_type(t, "vera-geheim-1") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "1 Actiepunten") == 0);
    CHECK(t, !vt_contains(t, "vera-geheim"));
    CHECK(t, ut_key(t, "q") == 0);
    CHECK(NULL, exit_code(t) == 0);
    setenv("WIJKTAFEL_PASSPHRASE", code, 1); /* used: refused */
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "--as", "vera", "export", "signals", NULL) == 77);
    setenv("WIJKTAFEL_PASSPHRASE", "vera-geheim-1", 1);
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "--as", "vera", "export", "signals", NULL) == 0);
    setenv("WIJKTAFEL_PASSPHRASE", PASS, 1);
    char *log = NULL;
    CHECK(NULL, ut_run(&log, NULL, "--db", db, "log", "--format", "tsv", NULL) == 0);
    bool used = log && strstr(log, "code-used") && !strstr(log, code);
    free(log);
    CHECK(NULL, used);
    unsetenv("WIJKTAFEL_PASSPHRASE");
    free(code);
    return 0;
}

int main(int argc, char **argv)
{
    static const struct ut_test tests[] = {
        {"first_start", test_first_start},
        {"first_start_escape", test_first_start_escape},
        {"team_view", test_team_view},
        {"code_on_screen", test_code_on_screen},
    };
    signal(SIGPIPE, SIG_IGN);
    return ut_main(argc, argv, tests, sizeof tests / sizeof tests[0]);
}
