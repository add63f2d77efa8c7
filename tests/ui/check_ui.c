/* check_ui.c: screen tests of the meeting screen: the real program in a pty, one test per run. */
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

double ut_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* Quits with q and checks the exit status 0. */
int ut_quit_ok(struct vt_term *t)
{
    int st = -1;
    vt_send(t, "q");
    int rc = vt_close(t, &st, UT_TIMEOUT);
    if (rc != 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        fprintf(stderr, "quit: close %d, status %d\n", rc, st);
        return -1;
    }
    return 0;
}

/* ---- all five items at a size ---- */

static int items_at(int rows, int cols)
{
    struct vt_term *t = ut_start(rows, cols, "--demo", NULL);
    CHECK(t, t != NULL);
    CHECK(t, vt_contains(t, "[1 Actiepunten]"));
    CHECK(t, vt_contains(t, "BEAMER UIT"));
    CHECK(t, vt_contains(t, "Doen!-team"));
    CHECK(t, vt_contains(t, "F10Stop"));
    CHECK(t, vt_contains(t, "a-006") && vt_contains(t, "[!]")); /* overdue, marked */
    CHECK(t, vt_contains(t, "0:0") && vt_contains(t, "/10:00"));  /* time against timebox */

    vt_send(t, "2");
    CHECK(t, ut_wait(t, "[2 Casussen]") == 0);
    CHECK(t, ut_wait(t, "c-030") == 0);
    CHECK(t, vt_contains(t, "Anton Postma")); /* the detail of the first case */
    CHECK(t, vt_contains(t, "Vraag"));
    if (cols >= 120) { /* list | detail | options side by side */
        CHECK(t, vt_wait_gone(t, "Opties worden gezocht", UT_TIMEOUT) == 0);
        CHECK(t, ut_wait(t, " 1. ") == 0);
        int r1 = -1, c1 = -1, r2 = -1, c2 = -1;
        CHECK(t, vt_find(t, "Welzijnsopties", &r1, &c1) == 0 && c1 > cols / 2);
        CHECK(t, vt_find(t, "Kan en wil", &r2, &c2) == 0 && c2 > cols / 3 && c2 < c1);
    } else {
        CHECK(t, ut_key(t, "Right") == 0 && ut_key(t, "Right") == 0);
        CHECK(t, ut_wait(t, "[Welzijnsopties]") == 0);
        CHECK(t, vt_wait_gone(t, "Opties worden gezocht", UT_TIMEOUT) == 0);
        CHECK(t, ut_key(t, "Esc") == 0);
        CHECK(t, ut_wait(t, "[Casus]") == 0);
    }

    vt_send(t, "3");
    CHECK(t, ut_wait(t, "[3 Signalen]") == 0);
    CHECK(t, ut_wait(t, "Signalen, zonder gesloten") == 0);
    CHECK(t, vt_contains(t, "Gemeld door"));

    vt_send(t, "4");
    CHECK(t, ut_wait(t, "[4 Netwerk]") == 0);
    bool narrow = cols < 100; /* the tabs take their short names */
    CHECK(t, ut_wait(t, narrow ? "[Nieuw]" : "[Nieuw of gewijzigd]") == 0);
    const char *tabs[] = {"[Niet gecheckt]", narrow ? "[Vol/pauze]" : "[Vol of gepauzeerd]",
                          "[Hele kaart]", "[Talenten]"};
    for (int i = 0; i < 4; i++) {
        CHECK(t, ut_key(t, "Right") == 0);
        CHECK(t, ut_wait(t, tabs[i]) == 0);
    }
    CHECK(t, vt_contains(t, "t-henk")); /* the talents */

    vt_send(t, "5");
    CHECK(t, ut_wait(t, "[5 Rondvraag & besluiten]") == 0);
    CHECK(t, ut_wait(t, "Besluiten van vandaag") == 0);
    CHECK(t, ut_wait(t, "Notulen tot nu toe") == 0);

    /* In order with Tab / Shift-Tab and PgDn / PgUp. */
    CHECK(t, ut_key(t, "Tab") == 0 && ut_wait(t, "[1 Actiepunten]") == 0);
    CHECK(t, ut_key(t, "BTab") == 0 && ut_wait(t, "[5 Rondvraag") == 0);
    CHECK(t, ut_key(t, "PgDn") == 0 && ut_wait(t, "[1 Actiepunten]") == 0);
    CHECK(t, ut_key(t, "PgDn") == 0 && ut_wait(t, "[2 Casussen]") == 0);
    CHECK(t, ut_key(t, "PgUp") == 0 && ut_wait(t, "[1 Actiepunten]") == 0);

    /* The help overlay lists the keys of the current view. */
    CHECK(t, ut_key(t, "F1") == 0 && ut_wait(t, "Toetsen bij Actiepunten") == 0);
    CHECK(t, vt_contains(t, "verzetten naar een nieuwe datum"));
    CHECK(t, ut_key(t, "Esc") == 0 && vt_wait_gone(t, "Toetsen bij", UT_TIMEOUT) == 0);

    /* Mouse: a click on a tab, a click on a row. */
    int r = -1, c = -1;
    CHECK(t, vt_find(t, " 3 Signalen", &r, &c) == 0);
    CHECK(t, vt_mouse_click(t, r, c + 2) == 0);
    CHECK(t, ut_wait(t, "[3 Signalen]") == 0);
    vt_send(t, "1");
    CHECK(t, ut_wait(t, "[1 Actiepunten]") == 0);
    CHECK(t, vt_find(t, "a-012 ", &r, &c) == 0);
    CHECK(t, vt_mouse_click(t, r, c) == 0);
    CHECK(t, ut_wait(t, "woningcorporatie en de wijkagent") == 0);
    return ut_quit_ok(t);
}

int test_items_80x24(void)
{
    return items_at(24, 80);
}

int test_items_200x60(void)
{
    return items_at(60, 200);
}

/* ---- resize ---- */

int test_resize(void)
{
    struct vt_term *t = ut_start(24, 80, "--demo", NULL);
    CHECK(t, t != NULL);
    vt_send(t, "2");
    CHECK(t, ut_wait(t, "[Casus]") == 0); /* narrow: detail and options as tabs */
    CHECK(t, vt_resize(t, 60, 200) == 0);
    CHECK(t, vt_wait_gone(t, "[Casus]", UT_TIMEOUT) == 0);
    int r = -1, c = -1;
    CHECK(t, ut_wait(t, "Welzijnsopties") == 0);
    CHECK(t, vt_find(t, "Welzijnsopties", &r, &c) == 0 && c > 100);
    char *last = vt_row(t, 59);
    CHECK(t, last && strstr(last, "F10Stop"));
    free(last);
    CHECK(t, vt_resize(t, 20, 70) == 0);
    CHECK(t, ut_wait(t, "te klein") == 0);
    CHECK(t, ut_wait(t, "80 x 24") == 0);
    CHECK(t, vt_contains(t, "BEAMER UIT"));
    CHECK(t, vt_resize(t, 24, 80) == 0);
    CHECK(t, ut_wait(t, "[2 Casussen]") == 0);
    last = vt_row(t, 23);
    CHECK(t, last && strstr(last, "F10Stop"));
    free(last);
    return ut_quit_ok(t);
}

/* ---- quit, Ctrl-C: the terminal is sane ---- */

/* The bytes after the last switch to the alternate screen. */
static int restored(struct vt_term *t)
{
    vt_pump(t, 0);
    size_t len;
    const unsigned char *raw = vt_raw(t, &len);
    const unsigned char *p = raw, *last = NULL;
    while ((p = memmem(p, len - (size_t)(p - raw), "\033[?1049h", 8)) != NULL)
        last = p++;
    if (!last)
        return -1;
    size_t rest = len - (size_t)(last - raw);
    bool rmcup = memmem(last, rest, "\033[?1049l", 8) != NULL;
    bool cnorm = memmem(last, rest, "\033[?25h", 6) != NULL;
    bool paste = memmem(last, rest, "\033[?2004l", 8) != NULL;
    if (!rmcup || !cnorm || !paste)
        fprintf(stderr, "restore: rmcup %d cnorm %d paste-off %d\n", rmcup, cnorm, paste);
    return rmcup && cnorm && paste ? 0 : -1;
}

int test_quit_sane(void)
{
    struct vt_term *t = ut_start(24, 80, "--demo", NULL);
    CHECK(t, t != NULL);
    vt_send(t, "q");
    int st = -1;
    vt_pump(t, 300);
    CHECK(t, restored(t) == 0);
    CHECK(NULL, vt_close(t, &st, UT_TIMEOUT) == 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0);

    /* Ctrl-C: restored, then the signal ends the program as it meant to. */
    t = ut_spawn(24, 80, "--demo", NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "Open actiepunten") == 0);
    vt_send_key(t, "C-c");
    vt_pump(t, 300);
    CHECK(t, restored(t) == 0);
    CHECK(NULL, vt_close(t, &st, UT_TIMEOUT) == 0 && WIFSIGNALED(st) && WTERMSIG(st) == SIGINT);

    /* SIGTERM and SIGABRT: the same. */
    const int sigs[] = {SIGTERM, SIGABRT};
    for (int i = 0; i < 2; i++) {
        t = ut_spawn(24, 80, "--demo", NULL);
        CHECK(t, t != NULL);
        CHECK(t, ut_wait(t, "Open actiepunten") == 0);
        kill(vt_pid(t), sigs[i]);
        vt_pump(t, 300);
        CHECK(t, restored(t) == 0);
        CHECK(NULL, vt_close(t, &st, UT_TIMEOUT) == 0 && WIFSIGNALED(st) &&
                        WTERMSIG(st) == sigs[i]);
    }

    /* The terminal modes themselves, seen by stty after the program. */
    char script[1024];
    snprintf(script, sizeof script, "'%s' --demo; echo STATUS=$?; stty -a", ut_program());
    char *argv[] = {"/bin/sh", "-c", script, NULL};
    t = vt_spawn(24, 80, argv, NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "Open actiepunten") == 0);
    vt_send(t, "q");
    CHECK(t, ut_wait(t, "STATUS=0") == 0);
    CHECK(t, ut_wait(t, "icanon") == 0);
    CHECK(t, !vt_contains(t, "-icanon") && !vt_contains(t, "-echo ") && vt_contains(t, " echo "));
    vt_close(t, NULL, UT_TIMEOUT);
    return 0;
}

/* ---- themes: NO_COLOR, the timebox marker ---- */

int test_themes(void)
{
    char path[600];
    snprintf(path, sizeof path, "%s/wijktafel", getenv("XDG_CONFIG_HOME"));
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/wijktafel/config.ini", getenv("XDG_CONFIG_HOME"));
    FILE *f = fopen(path, "w");
    CHECK(NULL, f != NULL);
    fputs("[timebox]\nactiepunten = 0\ncasussen = 45\n", f);
    fclose(f);
    setenv("NO_COLOR", "1", 1);
    struct vt_term *t = ut_start(24, 80, "--demo", NULL);
    CHECK(t, t != NULL);
    /* Over its timebox: marked [!] in the status line, not by colour alone. */
    CHECK(t, ut_wait(t, "[!] 1 Actiepunten") == 0);
    CHECK(t, ut_wait(t, "/0:00") == 0);
    vt_send(t, "2");
    CHECK(t, ut_wait(t, "/45:00") == 0);
    /* Monochrome: no cell has a colour. */
    for (int r = 0; r < 24; r++)
        for (int c = 0; c < 80; c += 7) {
            int fg = 0, bg = 0;
            CHECK(t, vt_cell_attrs(t, r, c, NULL, NULL, &fg, &bg) == 0);
            CHECK(t, fg == -1 && bg == -1);
        }
    int rev = 0;
    CHECK(t, vt_cell_attrs(t, 0, 1, NULL, &rev, NULL, NULL) == 0 && rev == 1); /* status bar */
    vt_send(t, "b");
    CHECK(t, ut_wait(t, "BEAMER AAN") == 0);
    CHECK(NULL, ut_quit_ok(t) == 0);
    unsetenv("NO_COLOR");
    /* With colours, the beamer theme is high contrast: black on white. */
    t = ut_spawn(24, 80, "--demo", "--beamer", NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "Open actiepunten") == 0);
    int r = -1, c = -1, bold = 0, fg = 0, bg = 0;
    CHECK(t, vt_find(t, "a-003", &r, &c) == 0);
    CHECK(t, vt_cell_attrs(t, r, c, &bold, NULL, &fg, &bg) == 0);
    CHECK(t, bold == 1 && fg == 16 && bg == 231); /* xterm-256color: the 256-colour palette */
    return ut_quit_ok(t);
}

/* ---- English ---- */

int test_lang_en(void)
{
    struct vt_term *t = ut_spawn(24, 80, "--demo", "--lang", "en", NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "[1 Actions]") == 0);
    CHECK(t, vt_contains(t, "BEAMER OFF") && vt_contains(t, "F10Quit"));
    vt_send(t, "2");
    CHECK(t, ut_wait(t, "[2 Cases]") == 0);
    vt_send(t, "5");
    CHECK(t, ut_wait(t, "Decisions of today") == 0);
    return ut_quit_ok(t);
}

int main(int argc, char **argv)
{
    static const struct ut_test tests[] = {
        {"items_80x24", test_items_80x24},
        {"items_200x60", test_items_200x60},
        {"signal_entry", test_signal_entry},
        {"choose_option", test_choose_option},
        {"resize", test_resize},
        {"beamer_names", test_beamer_names},
        {"wall_follows", test_wall_follows},
        {"quit_sane", test_quit_sane},
        {"escapes", test_escapes},
        {"minutes", test_minutes},
        {"themes", test_themes},
        {"lang_en", test_lang_en},
        {"editor_and_log", test_editor_and_log},
        {"write_locked", test_write_locked},
        {"volunteer", test_volunteer},
        {"review_flow", test_review_flow},
        {"review_duplicate", test_review_duplicate},
        {"shielded_professional", test_shielded_professional},
        {"switch_member", test_switch_member},
        {"signal_themes", test_signal_themes},
        {"theme_project", test_theme_project},
        {"partners_quiet", test_partners_quiet},
        {"homework_scenario", test_homework_scenario},
        {"project_people", test_project_people},
        {"project_handover", test_project_handover},
        {"signal_partner", test_signal_partner},
        {"balance", test_balance},
        {"caseload", test_caseload},
        {"balance_en_heads", test_balance_en_heads},
        {"caseload_idle", test_caseload_idle},
        {"projects_widths", test_projects_widths},
        {"measure", test_measure},
        {"rounds", test_rounds},
        {"times_kept", test_times_kept},
        {"privacy_views", test_privacy_views},
        {"wall_new_signal", test_wall_new_signal},
        {"beamer_first_screen", test_beamer_first_screen},
        {"closing", test_closing},
    };
    return ut_main(argc, argv, tests, sizeof tests / sizeof tests[0]);
}
