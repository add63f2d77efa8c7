/* fkeys.c: the function-key bar in the style of htop and Midnight Commander; labels per view. */
#include <stdio.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/i18n.h"

/* The label of Fn, or NULL for an empty slot. */
static const char *label_of(const struct ui_bar *bar, int fn)
{
    return bar->label[fn - 1];
}

/* Which slots go first when even cut labels do not fit: the view's own keys
 * from the right, then search, new, beamer; help and stop stay. */
static const int drop_order[] = {7, 6, 5, 4, 3, 2, 1, 8, 0};

/* Column where each slot starts (slots[10] is the end; an empty slot is a key
 * left out): each slot its number, its label and one space, so that labels
 * never run together; an F-key without a label in this view and mode is not
 * shown at all (a bare "F8" would promise a key that does nothing); longer
 * labels are cut first (to three letters and "…"), then whole keys are left
 * out; what is spare is shared out. */
static void layout(const struct ui_bar *bar, int cols, int slots[11])
{
    int want[10], total = 0;
    for (int i = 0; i < 10; i++) {
        const char *l = label_of(bar, i + 1);
        want[i] = l ? (i == 9 ? 3 : 2) + draw_width(_(l)) + 1 : 0;
        total += want[i];
    }
    while (total > cols) {
        int longest = 0;
        for (int i = 1; i < 10; i++)
            if (want[i] - (i == 9) > want[longest] - (longest == 9))
                longest = i;
        if (want[longest] - (longest == 9) <= 2 + 4 + 1)
            break;
        want[longest]--;
        total--;
    }
    for (size_t d = 0; total > cols && d < sizeof drop_order / sizeof drop_order[0]; d++) {
        total -= want[drop_order[d]];
        want[drop_order[d]] = 0;
    }
    int spare = cols > total ? cols - total : 0, shown = 0;
    for (int i = 0; i < 10; i++)
        shown += want[i] > 0;
    int each = shown ? spare / shown : 0, rest = shown ? spare % shown : 0;
    slots[0] = 0;
    for (int i = 0, k = 0; i < 10; i++) {
        int extra = want[i] ? each + (k++ < rest ? 1 : 0) : 0;
        slots[i + 1] = slots[i] + want[i] + extra;
    }
    if (slots[10] > cols)
        slots[10] = cols;
}

void fkeys_draw(const struct ui_bar *bar, int y, int cols)
{
    int slots[11];
    layout(bar, cols, slots);
    for (int i = 0; i < 10; i++) {
        const char *l = label_of(bar, i + 1);
        char num[4];
        snprintf(num, sizeof num, "F%d", i + 1);
        int w = slots[i + 1] - slots[i];
        if (w <= 0)
            continue;
        int n = draw_text(y, slots[i], w, num, TH_FKEY_NUM, false);
        /* The label, then at least one plain space before the next key; the
         * last label runs to the end of the line, as it always did. */
        bool last = slots[i + 1] >= cols;
        draw_text(y, slots[i] + n, w - n - (last ? 0 : 1), l ? _(l) : "", TH_FKEY_LABEL,
                  true);
        if (!last)
            draw_fill(y, slots[i + 1] - 1, 1, TH_NORMAL);
    }
}

int fkeys_number(int key)
{
    for (int fn = 1; fn <= 10; fn++)
        if (key == UI_KEY(KEY_F(fn)))
            return fn;
    return 0;
}

int fkeys_click(const struct ui_bar *bar, int x, int cols)
{
    int slots[11];
    layout(bar, cols, slots);
    for (int i = 0; i < 10; i++)
        if (x >= slots[i] && x < slots[i + 1])
            return bar->label[i] ? bar->key[i] : 0;
    return 0;
}
