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
    [TH_DIM] = {COLOR_CYAN, -1, A_NORMAL, A_NORMAL}, /* dark blue is unreadable on black */
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

/* With 256 colours: the same roles in xterm palette colours 16-255, whose
 * values are fixed (0-15 are the terminal's own), every one with an explicit
 * background, so that each text reaches WCAG AA contrast (4.5:1) against its
 * background; tests/unit/check_contrast.c computes the ratios. */
static const struct role_def normal256[TH_NROLES] = {
    [TH_NORMAL] = {252, 234, A_NORMAL, A_NORMAL},
    [TH_STATUS] = {16, 80, A_NORMAL, A_REVERSE},
    [TH_STATUS_OVER] = {231, 124, A_BOLD, A_BOLD},
    [TH_BEAMER_ON] = {16, 220, A_BOLD, A_BOLD},
    [TH_TAB] = {252, 234, A_NORMAL, A_NORMAL},
    [TH_TAB_CUR] = {16, 80, A_BOLD, A_REVERSE | A_BOLD},
    [TH_HEADER] = {16, 114, A_NORMAL, A_UNDERLINE | A_BOLD},
    [TH_SEL] = {16, 80, A_NORMAL, A_REVERSE},
    [TH_SEL_DIM] = {16, 250, A_NORMAL, A_UNDERLINE},
    [TH_FKEY_NUM] = {252, 234, A_NORMAL, A_NORMAL},
    [TH_FKEY_LABEL] = {16, 80, A_NORMAL, A_REVERSE},
    [TH_MSG] = {252, 234, A_NORMAL, A_NORMAL},
    [TH_ERROR] = {210, 234, A_BOLD, A_BOLD},
    [TH_DIM] = {111, 234, A_NORMAL, A_NORMAL},
    [TH_TITLE] = {117, 234, A_BOLD, A_BOLD},
    [TH_BORDER] = {245, 234, A_NORMAL, A_NORMAL},
    [TH_MARK] = {210, 234, A_BOLD, A_BOLD},
    [TH_INPUT] = {16, 252, A_NORMAL, A_UNDERLINE},
};

static const struct role_def beamer256[TH_NROLES] = {
    [TH_NORMAL] = {16, 231, A_BOLD, A_BOLD},
    [TH_STATUS] = {231, 16, A_BOLD, A_REVERSE | A_BOLD},
    [TH_STATUS_OVER] = {231, 124, A_BOLD, A_BOLD | A_UNDERLINE},
    [TH_BEAMER_ON] = {231, 19, A_BOLD, A_REVERSE | A_BOLD},
    [TH_TAB] = {16, 231, A_BOLD, A_BOLD},
    [TH_TAB_CUR] = {231, 16, A_BOLD, A_REVERSE | A_BOLD},
    [TH_HEADER] = {16, 231, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE},
    [TH_SEL] = {231, 16, A_BOLD, A_REVERSE | A_BOLD},
    [TH_SEL_DIM] = {16, 231, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE},
    [TH_FKEY_NUM] = {16, 231, A_BOLD, A_BOLD},
    [TH_FKEY_LABEL] = {231, 16, A_BOLD, A_REVERSE | A_BOLD},
    [TH_MSG] = {16, 231, A_BOLD, A_BOLD},
    [TH_ERROR] = {231, 124, A_BOLD, A_REVERSE | A_BOLD},
    [TH_DIM] = {238, 231, A_NORMAL, A_NORMAL},
    [TH_TITLE] = {16, 231, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE},
    [TH_BORDER] = {16, 231, A_BOLD, A_BOLD},
    [TH_MARK] = {231, 124, A_BOLD, A_REVERSE | A_BOLD},
    [TH_INPUT] = {231, 16, A_BOLD, A_UNDERLINE | A_BOLD},
};

static bool mono = true;
static bool is_beamer;
static bool has256;

void theme_init(void)
{
    const char *nc = getenv("NO_COLOR");
    mono = (nc && *nc) || !has_colors();
    if (mono)
        return;
    start_color();
    use_default_colors();
    has256 = COLORS >= 256 && COLOR_PAIRS > TH_NROLES;
}

/* The table in use: 256 colours where the terminal has them. */
static const struct role_def *table(bool beamer_on)
{
    if (has256)
        return beamer_on ? beamer256 : normal256;
    return beamer_on ? beamer : normal;
}

void theme_colors256(bool beamer_on, enum theme_role r, short *fg, short *bg, attr_t *mono_attr)
{
    const struct role_def *t = beamer_on ? beamer256 : normal256;
    *fg = t[r].fg;
    *bg = t[r].bg;
    *mono_attr = t[r].mono;
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
    apply(table(on));
}

attr_t theme_attr(enum theme_role r)
{
    const struct role_def *t = table(is_beamer);
    if (mono)
        return t[r].mono;
    return t[r].attr | (attr_t)COLOR_PAIR(r + 1);
}

bool theme_is_mono(void)
{
    return mono;
}
