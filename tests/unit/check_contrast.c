/* check_contrast.c: every role of the normal and the beamer theme reaches WCAG AA contrast
 * (4.5:1) in the 256-colour palette, and no meaning rests on colour alone (issue 16). */
#include <check.h>
#include <math.h>

#include "testutil.h"
#include "ui_int.h"

/* The xterm palette's colour n (16-255) as 0-255 RGB; false for 0-15, which
 * every terminal sets its own way. */
static bool xterm_rgb(int n, int rgb[3])
{
    if (n < 16 || n > 255)
        return false;
    if (n >= 232) {
        rgb[0] = rgb[1] = rgb[2] = 8 + 10 * (n - 232);
        return true;
    }
    static const int level[6] = {0, 95, 135, 175, 215, 255};
    n -= 16;
    rgb[0] = level[n / 36];
    rgb[1] = level[n / 6 % 6];
    rgb[2] = level[n % 6];
    return true;
}

/* WCAG 2 relative luminance. */
static double luminance(const int rgb[3])
{
    double c[3];
    for (int i = 0; i < 3; i++) {
        double s = rgb[i] / 255.0;
        c[i] = s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static double ratio(int fg, int bg)
{
    int a[3], b[3];
    ck_assert(xterm_rgb(fg, a) && xterm_rgb(bg, b));
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

START_TEST(test_known_ratios)
{
    /* Guards for the arithmetic: black on white is 21, a colour on itself 1. */
    ck_assert(fabs(ratio(16, 231) - 21.0) < 0.01);
    ck_assert(fabs(ratio(124, 124) - 1.0) < 0.001);
    /* The old reason text, bold dark blue (xterm 18 as the nearest) on black, fails. */
    ck_assert(ratio(18, 16) < 4.5);
}
END_TEST

START_TEST(test_themes_aa)
{
    static const char *const names[TH_NROLES] = {
        "normal", "status", "status_over", "beamer_on", "tab", "tab_cur", "header", "sel",
        "sel_dim", "fkey_num", "fkey_label", "msg", "error", "dim", "title", "border", "mark",
        "input"};
    int checked = 0;
    for (int beamer = 0; beamer < 2; beamer++)
        for (int r = 0; r < TH_NROLES; r++) {
            short fg, bg;
            attr_t mono;
            theme_colors256(beamer, (enum theme_role)r, &fg, &bg, &mono);
            double q = ratio(fg, bg);
            ck_assert_msg(q >= 4.5, "%s theme, %s: %d on %d is %.2f:1",
                          beamer ? "beamer" : "normal", names[r], fg, bg, q);
            checked++;
        }
    ck_assert_int_eq(checked, 2 * TH_NROLES);
}
END_TEST

/* Roles that carry meaning differ from plain text without colour too. */
START_TEST(test_not_colour_alone)
{
    static const enum theme_role meaning[] = {TH_STATUS_OVER, TH_TAB_CUR, TH_HEADER, TH_SEL,
                                              TH_SEL_DIM, TH_ERROR, TH_TITLE, TH_MARK,
                                              TH_BEAMER_ON, TH_INPUT};
    for (int beamer = 0; beamer < 2; beamer++) {
        short fg, bg;
        attr_t plain, mono;
        theme_colors256(beamer, TH_NORMAL, &fg, &bg, &plain);
        for (size_t i = 0; i < sizeof meaning / sizeof meaning[0]; i++) {
            theme_colors256(beamer, meaning[i], &fg, &bg, &mono);
            ck_assert_msg(mono != plain, "role %d looks like plain text without colour",
                          meaning[i]);
        }
    }
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_known_ratios, test_themes_aa, test_not_colour_alone};
    const struct tu_suite suite = {.name = "contrast"};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
