/* check_ui_unlock.c: the passphrase of an encrypted database asked on the meeting screen itself
 * (issue 6): three tries, nothing of it shown, exit 77 with the terminal restored. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "uitest.h"

#define RIGHT "leider-geheim-42"
#define WRONG "fout-fout-fout"

static char db[600];

/* An encrypted database with a leader (leider), a volunteer (vera) and one signal. */
static int make_db(void)
{
    snprintf(db, sizeof db, "%s/db", getenv("HOME"));
    setenv("WIJKTAFEL_PASSPHRASE", RIGHT, 1);
    int rc = ut_run(NULL, NULL, "--db", db, "init", "--team", "Team Kern", NULL);
    if (!rc)
        rc = ut_run(NULL, "id,name,role,area\nvera,Vera Vrijwillig,volunteer,Dorp/Kern\n", "--db",
                    db, "import", "members", "-", NULL);
    if (!rc)
        rc = ut_run(NULL,
                    "id,date,area,text,source,themes,case,status,reporter\n"
                    "s-001,2026-11-20,Dorp/Kern,Lantaarnpaal kapot bij de Molenweg,bewoner,"
                    "veiligheid,,new,leider\n",
                    "--db", db, "import", "signals", "-", NULL);
    unsetenv("WIJKTAFEL_PASSPHRASE");
    return rc;
}

/* The terminal is restored after the last switch to the alternate screen. */
static bool restored(struct vt_term *t)
{
    vt_pump(t, 0);
    size_t len;
    const unsigned char *raw = vt_raw(t, &len);
    const unsigned char *p = raw, *last = NULL;
    while ((p = memmem(p, len - (size_t)(p - raw), "\033[?1049h", 8)) != NULL)
        last = p++;
    if (!last)
        return false;
    size_t rest = len - (size_t)(last - raw);
    return memmem(last, rest, "\033[?1049l", 8) && memmem(last, rest, "\033[?25h", 6) &&
           memmem(last, rest, "\033[?2004l", 8);
}

/* Every line of the dialog whole (not cut with "…") inside the terminal. */
static bool dialog_whole(struct vt_term *t, const char *member)
{
    char prompt[128];
    snprintf(prompt, sizeof prompt, "Wachtwoordzin voor lid %s:", member);
    int row = -1, col = -1;
    return vt_find(t, prompt, &row, &col) == 0 && col + (int)strlen(prompt) <= 80 &&
           vt_contains(t, "Database openen") && vt_contains(t, "Enter: openen   Esc: stoppen") &&
           vt_contains(t, "Team Kern") && vt_contains(t, "10Stop") && !vt_contains(t, "…");
}

/* Waits for the program to end; its exit code, or -1. */
static int exit_code(struct vt_term *t)
{
    int st = -1;
    if (vt_close(t, &st, UT_TIMEOUT) != 0 || !WIFEXITED(st))
        return -1;
    return WEXITSTATUS(st);
}

/* A wrong, then the right passphrase: the meeting opens, the passphrase never shown. */
/* Whether the timing file (WIJKTAFEL_UI_TIMING) names any character of secret as a key. */
static bool timing_has_key_of(const char *path, const char *secret)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return true; /* no file: the guard below fails anyway */
    char line[256];
    bool found = false;
    while (fgets(line, sizeof line, f) && !found) {
        int code;
        char what[32];
        if (sscanf(line, "%31s %d", what, &code) == 2 &&
            (strcmp(what, "key") == 0 || strcmp(what, "modal") == 0))
            found = code > 0 && code < 128 && strchr(secret, code) != NULL;
    }
    fclose(f);
    return found;
}

static int test_retry(void)
{
    CHECK(NULL, make_db() == 0);
    /* The timing log (for the benchmarks) never names the keys of a passphrase. */
    char timing[700];
    snprintf(timing, sizeof timing, "%s/timing.log", getenv("HOME"));
    setenv("WIJKTAFEL_UI_TIMING", timing, 1);
    struct vt_term *t = ut_spawn(24, 80, "--db", db, NULL);
    unsetenv("WIJKTAFEL_UI_TIMING");
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "Wachtwoordzin voor lid leider:") == 0);
    CHECK(t, dialog_whole(t, "leider"));
    CHECK(t, !vt_contains(t, "Lantaarnpaal"));
    CHECK(t, ut_type(t, WRONG) == 0);
    CHECK(t, !vt_contains(t, "fout") && !vt_contains(t, "*") && !vt_contains(t, "•"));
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "[!] Dat klopt niet. Nog 2 pogingen.") == 0);
    CHECK(t, ut_raw_has(t, "Bezig", 5)); /* shown while Argon2id ran */
    CHECK(t, dialog_whole(t, "leider"));
    CHECK(t, ut_type(t, RIGHT) == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "(leider)") == 0);
    CHECK(t, !vt_contains(t, "Wachtwoordzin"));
    vt_send(t, "3");
    CHECK(t, ut_wait(t, "Lantaarnpaal kapot") == 0);
    CHECK(t, !ut_raw_has(t, RIGHT, strlen(RIGHT)) && !ut_raw_has(t, WRONG, strlen(WRONG)));
    vt_send(t, "q");
    CHECK(NULL, exit_code(t) == 0);
    FILE *tf = fopen(timing, "r");
    char tl[4096] = "";
    size_t tn = tf ? fread(tl, 1, sizeof tl - 1, tf) : 0;
    tl[tn] = '\0';
    if (tf)
        fclose(tf);
    CHECK(NULL, strstr(tl, "unlock") && strstr(tl, "key 51 ")); /* not vacuous: it logs */
    CHECK(NULL, !timing_has_key_of(timing, RIGHT WRONG));

    /* Backspace and Ctrl-U edit what cannot be seen; a volunteer opens too. */
    t = ut_spawn(24, 80, "--db", db, "--as", "vera", NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "Wachtwoordzin voor lid vera:") == 0);
    CHECK(t, ut_type(t, "xyz") == 0 && ut_key(t, "C-u") == 0);
    CHECK(t, ut_type(t, "vera-geheim!") == 0 && ut_key(t, "Backspace") == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Dat klopt niet. Nog 2 pogingen.") == 0); /* no passphrase yet */
    vt_send(t, "\033");
    CHECK(NULL, exit_code(t) == 77);
    setenv("WIJKTAFEL_PASSPHRASE", RIGHT, 1);
    setenv("WIJKTAFEL_NEW_PASSPHRASE", "vera-geheim", 1);
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "passphrase", "vera", NULL) == 0);
    unsetenv("WIJKTAFEL_NEW_PASSPHRASE");
    unsetenv("WIJKTAFEL_PASSPHRASE");
    t = ut_spawn(24, 80, "--db", db, "--as", "vera", NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "Wachtwoordzin voor lid vera:") == 0);
    CHECK(t, ut_type(t, "xyz") == 0 && ut_key(t, "C-u") == 0);
    CHECK(t, ut_type(t, "vera-geheim!") == 0 && ut_key(t, "Backspace") == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Vera Vrijwillig (v") == 0);
    /* Past the box, Ctrl-C is a signal again: restored, then the signal's end. */
    vt_send_key(t, "C-c");
    vt_pump(t, 300);
    CHECK(t, restored(t));
    int st = -1;
    CHECK(NULL, vt_close(t, &st, UT_TIMEOUT) == 0 && WIFSIGNALED(st) && WTERMSIG(st) == SIGINT);
    return 0;
}

/* Three wrong ones: the program ends, terminal restored, one line, exit 77.
 * An unknown member (an id of the same length) looks exactly the same. */
static int test_three_wrong(void)
{
    CHECK(NULL, make_db() == 0);
    char *screens[2][3] = {{NULL}};
    const char *ids[2] = {"leider", "nadine"};
    for (int m = 0; m < 2; m++) {
        struct vt_term *t = ut_spawn(24, 80, "--db", db, "--as", ids[m], NULL);
        CHECK(t, t != NULL);
        char prompt[64];
        snprintf(prompt, sizeof prompt, "Wachtwoordzin voor lid %s:", ids[m]);
        CHECK(t, ut_wait(t, prompt) == 0);
        const char *after[] = {"Nog 2 pogingen.", "Nog 1 poging.", NULL};
        for (int i = 0; i < 3; i++) {
            CHECK(t, ut_type(t, WRONG) == 0 && ut_key(t, "Enter") == 0);
            if (after[i]) {
                CHECK(t, ut_wait(t, after[i]) == 0);
                CHECK(t, dialog_whole(t, ids[m]));
                screens[m][i] = vt_screen(t);
            }
        }
        CHECK(t, ut_wait(t, "de wachtwoordzin klopt niet") == 0); /* stderr, after the screen */
        CHECK(t, restored(t));
        CHECK(t, !ut_raw_has(t, WRONG, strlen(WRONG)));
        CHECK(t, !vt_contains(t, "bestaat niet") && !vt_contains(t, "nog geen wachtwoordzin"));
        CHECK(NULL, exit_code(t) == 77);
    }
    for (int i = 0; i < 2; i++) {
        char *p = strstr(screens[1][i], "nadine");
        CHECK(NULL, p != NULL);
        for (size_t k = 0; k < strlen("leider"); k++) /* as long as "nadine": the rest stays */
            p[k] = "leider"[k];
        if (strcmp(screens[0][i], screens[1][i]) != 0)
            fprintf(stderr, "--- leider ---\n%s\n--- nadine ---\n%s\n", screens[0][i],
                    screens[1][i]);
        CHECK(NULL, strcmp(screens[0][i], screens[1][i]) == 0);
        free(screens[0][i]);
        free(screens[1][i]);
    }
    return 0;
}

/* Esc, Ctrl-C and F10 in the dialog: stopped cleanly, exit 77; in English too. */
static int test_escape(void)
{
    CHECK(NULL, make_db() == 0);
    const char *keys[] = {"Esc", "C-c", "F10"};
    for (int i = 0; i < 3; i++) {
        struct vt_term *t = ut_spawn(24, 80, "--db", db, NULL);
        CHECK(t, t != NULL);
        CHECK(t, ut_wait(t, "Wachtwoordzin voor lid leider:") == 0);
        CHECK(t, ut_type(t, "half") == 0);
        vt_send_key(t, keys[i]);
        CHECK(t, ut_wait(t, "geen wachtwoordzin gegeven") == 0);
        CHECK(t, restored(t));
        CHECK(NULL, exit_code(t) == 77);
    }
    struct vt_term *t = ut_spawn(24, 80, "--db", db, "--lang", "en", NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "Passphrase for member leider:") == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "That is not right. 2 more tries.") == 0);
    vt_send_key(t, "Esc");
    CHECK(t, ut_wait(t, "no passphrase given") == 0);
    CHECK(NULL, exit_code(t) == 77);
    return 0;
}

/* A passphrase from the environment or a file: no dialog; a wrong one is
 * exit 77 with one line, before any screen. The wall asks on its screen too. */
/* Writes text and a newline to path (a passphrase file); 0 or -1. */
static int put_line(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    int rc = fprintf(f, "%s\n", text) < 0 ? -1 : 0;
    return fclose(f) == 0 ? rc : -1;
}

static int test_given(void)
{
    CHECK(NULL, make_db() == 0);
    setenv("WIJKTAFEL_PASSPHRASE", WRONG, 1);
    struct vt_term *t = ut_spawn(24, 80, "--db", db, NULL);
    unsetenv("WIJKTAFEL_PASSPHRASE");
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "de wachtwoordzin klopt niet") == 0);
    CHECK(t, !ut_raw_has(t, "\033[?1049h", 8) && !vt_contains(t, "Wachtwoordzin voor"));
    CHECK(NULL, exit_code(t) == 77);

    char file[700];
    snprintf(file, sizeof file, "%s/pass", getenv("HOME"));
    CHECK(NULL, put_line(file, WRONG) == 0);
    t = ut_spawn(24, 80, "--db", db, "--passphrase-file", file, NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "de wachtwoordzin klopt niet") == 0);
    CHECK(t, !ut_raw_has(t, "\033[?1049h", 8));
    CHECK(NULL, exit_code(t) == 77);

    CHECK(NULL, put_line(file, RIGHT) == 0);
    t = ut_spawn(24, 80, "--db", db, "--passphrase-file", file, NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "(leider)") == 0);
    CHECK(t, !ut_raw_has(t, "Wachtwoordzin", 13));
    vt_send(t, "q");
    CHECK(NULL, exit_code(t) == 0);

    /* The wall reads the records too: it needs the key, asked on its screen. */
    t = ut_spawn(24, 80, "--db", db, "--beamer", "--follow", NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "Wachtwoordzin voor lid leider:") == 0);
    CHECK(t, ut_type(t, RIGHT) == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "BEAMER") == 0);
    CHECK(t, !vt_contains(t, "Wachtwoordzin"));
    vt_send(t, "q");
    CHECK(NULL, exit_code(t) == 0);
    return 0;
}

int main(int argc, char **argv)
{
    static const struct ut_test tests[] = {
        {"retry", test_retry},
        {"three_wrong", test_three_wrong},
        {"escape", test_escape},
        {"given", test_given},
    };
    signal(SIGPIPE, SIG_IGN);
    return ut_main(argc, argv, tests, sizeof tests / sizeof tests[0]);
}
