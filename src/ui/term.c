/* term.c: the one owner of the terminal: curses setup and teardown, and restore on crash signals. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "ui_int.h"
#include "wijktafel/i18n.h"

/* What a signal handler writes to put the terminal back: prepared while
 * curses runs, written with write(2) only (async-signal-safe). */
static char restore_seq[256];
static size_t restore_len;
static struct termios saved_tio;
static bool have_tio, active;
static SCREEN *screen;
static char remove_path[4096]; /* term_remove_on_signal */

static const int fatal_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS,
                                    SIGFPE, SIGILL, SIGABRT};

/* Mouse reports, bracketed paste and the keypad off; then the terminfo
 * strings that leave the alternate screen and show the cursor. */
static void prepare_restore(void)
{
    static const char fixed[] = "\033[?1006l\033[?1002l\033[?1000l\033[?2004l";
    restore_len = 0;
    memcpy(restore_seq, fixed, sizeof fixed - 1);
    restore_len = sizeof fixed - 1;
    const char *caps[] = {"sgr0", "rmkx", "cnorm", "rmcup"};
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
        char *s = tigetstr(caps[i]);
        if (!s || s == (char *)-1)
            continue;
        size_t n = strlen(s);
        /* Strings with padding or parameters are not written raw. */
        if (strchr(s, '$') || strchr(s, '%') || restore_len + n >= sizeof restore_seq)
            continue;
        memcpy(restore_seq + restore_len, s, n + 1); /* with its NUL */
        restore_len += n;
    }
}

void term_remove_on_signal(const char *path)
{
    /* Cleared first, so that a signal meanwhile never sees half a path. */
    remove_path[0] = '\0';
    if (path && strlen(path) < sizeof remove_path) {
        memcpy(remove_path + 1, path + 1, strlen(path));
        remove_path[0] = path[0];
    }
}

/* What a sudden end does: the editor's file goes, the terminal comes back.
 * Async-signal-safe; also run when memory runs out (xalloc_on_oom). */
static void last_rites(void)
{
    if (remove_path[0])
        unlink(remove_path); /* case text must not outlive the process */
    if (active) {
        ssize_t w = write(STDOUT_FILENO, restore_seq, restore_len);
        (void)w;
        if (have_tio)
            tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
    }
}

static void on_fatal(int sig)
{
    last_rites();
    /* SA_RESETHAND put the default action back: this ends the process the
     * way the signal meant to, with the terminal sane. */
    raise(sig);
}

static void install_handlers(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal;
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++)
        sigaction(fatal_signals[i], &sa, NULL);
}

static void enable_extras(void)
{
    mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
    putp("\033[?2004h"); /* bracketed paste: a pasted line break is no Enter */
    fflush(stdout);
}

bool term_active(void)
{
    return active;
}

int term_init(void)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
        return -1;
    have_tio = tcgetattr(STDIN_FILENO, &saved_tio) == 0;
    const char *t = getenv("TERM");
    screen = newterm(t && *t ? t : "xterm", stdout, stdin);
    if (!screen) {
        fprintf(stderr, _("wijktafel: de terminal '%s' is onbekend; probeer TERM=xterm\n"),
                t ? t : "");
        return -1;
    }
    set_term(screen);
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    intrflush(stdscr, FALSE);
    set_escdelay(25);
    curs_set(0);
    define_key("\033[200~", UI_PASTE_BEGIN);
    define_key("\033[201~", UI_PASTE_END);
    prepare_restore();
    enable_extras();
    active = true;
    install_handlers();
    xalloc_on_oom(last_rites);
    return 0;
}

void term_fini(void)
{
    if (!active)
        return;
    active = false;
    putp("\033[?2004l");
    mousemask(0, NULL);
    curs_set(1);
    endwin();
    delscreen(screen);
    screen = NULL;
    fflush(stdout);
    if (have_tio)
        tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
    for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++)
        signal(fatal_signals[i], SIG_DFL);
}

void term_suspend(void)
{
    putp("\033[?2004l");
    mousemask(0, NULL);
    def_prog_mode();
    endwin();
    fflush(stdout);
}

void term_resume(void)
{
    reset_prog_mode();
    enable_extras();
    clearok(curscr, TRUE);
    refresh();
}

bool term_read_key(int ms, int *key)
{
    timeout(ms);
    wint_t wc;
    int r = get_wch(&wc);
    if (r == ERR)
        return false;
    *key = r == KEY_CODE_YES ? UI_KEY((int)wc) : (int)wc;
    return true;
}

bool ui_key_enter(int key)
{
    return key == '\r' || key == '\n' || key == UI_KEY(KEY_ENTER);
}
