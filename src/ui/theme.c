/* theme.c: the normal theme, the high-contrast beamer theme, and monochrome (NO_COLOR). */
#include <stdlib.h>

#include "ui_int.h"

struct role_def {
    short fg, bg;   /* -1: the terminal's default */
    attr_t attr;    /* added to the colour */
    attr_t mono;    /* without colour */
};

/* Normal: calm, in the style of htop. Meaning is never carried by colour
 * alone: every coloured state also has a text marker ([!], [x], brackets). */
static const struct role_def normal[TH_NROLES] = {
    [TH_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
    [TH_STATUS] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
    [TH_STATUS_OVER] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD},
    [TH_BEAMER_ON] = {COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_BOLD},
    [TH_TAB] = {-1, -1, A_NORMAL, A_NORMAL},
    [TH_TAB_CUR] = {COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD},
    [TH_HEADER] = {COLOR_BLACK, COLOR_GREEN, A_NORMAL, A_UNDERLINE | A_BOLD},
    [TH_SEL] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
    [TH_SEL_DIM] = {COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_UNDERLINE},
    [TH_FKEY_NUM] = {-1, -1, A_NORMAL, A_NORMAL},
    [TH_FKEY_LABEL] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
    [TH_MSG] = {-1, -1, A_NORMAL, A_NORMAL},
    [TH_ERROR] = {COLOR_RED, -1, A_BOLD, A_BOLD},
    [TH_DIM] = {COLOR_BLUE, -1, A_BOLD, A_NORMAL},
    [TH_TITLE] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
    [TH_BORDER] = {-1, -1, A_NORMAL, A_NORMAL},
    [TH_MARK] = {COLOR_RED, -1, A_BOLD, A_BOLD},
    [TH_INPUT] = {COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_UNDERLINE},
};

/* Beamer: black on white, bold everywhere (thin strokes vanish on a
 * washed-out projector), selection as solid black bars, red only as a
 * block behind white text. */
static const struct role_def beamer[TH_NROLES] = {
    [TH_NORMAL] = {COLOR_BLACK, COLOR_WHITE, A_BOLD, A_BOLD},
    [TH_STATUS] = {COLOR_WHITE, COLOR_BLACK, A_BOLD, A_REVERSE | A_BOLD},
    [TH_STATUS_OVER] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD | A_UNDERLINE},
    [TH_BEAMER_ON] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD},
    [TH_TAB] = {COLOR_BLACK, COLOR_WHITE, A_BOLD, A_BOLD},
    [TH_TAB_CUR] = {COLOR_WHITE, COLOR_BLACK, A_BOLD, A_REVERSE | A_BOLD},
    [TH_HEADER] = {COLOR_BLACK, COLOR_WHITE, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE},
    [TH_SEL] = {COLOR_WHITE, COLOR_BLACK, A_BOLD, A_REVERSE | A_BOLD},
    [TH_SEL_DIM] = {COLOR_BLACK, COLOR_WHITE, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE},
    [TH_FKEY_NUM] = {COLOR_BLACK, COLOR_WHITE, A_BOLD, A_BOLD},
    [TH_FKEY_LABEL] = {COLOR_WHITE, COLOR_BLACK, A_BOLD, A_REVERSE | A_BOLD},
    [TH_MSG] = {COLOR_BLACK, COLOR_WHITE, A_BOLD, A_BOLD},
    [TH_ERROR] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD},
    [TH_DIM] = {COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_NORMAL},
    [TH_TITLE] = {COLOR_BLACK, COLOR_WHITE, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE},
    [TH_BORDER] = {COLOR_BLACK, COLOR_WHITE, A_BOLD, A_BOLD},
    [TH_MARK] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD},
    [TH_INPUT] = {COLOR_WHITE, COLOR_BLACK, A_BOLD, A_UNDERLINE | A_BOLD},
};

static bool mono = true;
static bool is_beamer;

void theme_init(void)
{
    const char *nc = getenv("NO_COLOR");
    mono = (nc && *nc) || !has_colors();
    if (mono)
        return;
    start_color();
    use_default_colors();
}

static void apply(const struct role_def *t)
{
    if (!mono)
        for (int r = 0; r < TH_NROLES; r++)
            init_pair((short)(r + 1), t[r].fg, t[r].bg);
    bkgdset(' ' | theme_attr(TH_NORMAL));
}

void theme_set_beamer(bool on)
{
    is_beamer = on;
    apply(on ? beamer : normal);
}

attr_t theme_attr(enum theme_role r)
{
    const struct role_def *t = is_beamer ? beamer : normal;
    if (mono)
        return t[r].mono;
    return t[r].attr | (attr_t)COLOR_PAIR(r + 1);
}

bool theme_is_mono(void)
{
    return mono;
}
