/* fkeys.c: the function-key bar in the style of htop and Midnight Commander; labels per view. */
#include <stdio.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/i18n.h"

/* What F1..F10 do everywhere, unless the view says otherwise. Every one has
 * a letter too: F-keys fail on some laptops and terminals. */
static const struct fkey globals[] = {
    {1, N_("Hulp"), '?'},   {2, N_("Nieuw"), 'n'},  {3, N_("Zoek"), '/'},
    {4, N_("Bewerk"), 'e'}, {9, N_("Beamer"), 'b'}, {10, N_("Stop"), 'q'},
    {0, NULL, 0}};

/* The label and key of Fn: the view's first, then the global one. */
static const struct fkey *lookup(const struct fkey *view, int fn)
{
    for (const struct fkey *k = view; k && k->fn; k++)
        if (k->fn == fn)
            return k->label ? k : NULL; /* a NULL label hides a global key */
    for (const struct fkey *k = globals; k->fn; k++)
        if (k->fn == fn)
            return k;
    return NULL;
}

/* Column where each slot starts (slots[10] is the end): each slot its
 * number and label, then a space for as many slots as there is room;
 * labels cut (longest first) only when even that does not fit. */
static void layout(const struct fkey *view, int cols, int slots[11])
{
    int want[10], total = 0;
    for (int i = 0; i < 10; i++) {
        const struct fkey *k = lookup(view, i + 1);
        want[i] = (i == 9 ? 3 : 2) + (k ? draw_width(_(k->label)) : 0);
        total += want[i];
    }
    while (total > cols) {
        int longest = 0;
        for (int i = 1; i < 10; i++)
            if (want[i] > want[longest])
                longest = i;
        if (want[longest] <= 3)
            break;
        want[longest]--;
        total--;
    }
    int spare = cols - total;
    int each = spare >= 10 ? spare / 10 : 0, rest = spare >= 10 ? spare % 10 : spare;
    slots[0] = 0;
    for (int i = 0; i < 10; i++)
        slots[i + 1] = slots[i] + want[i] + each + (i < rest ? 1 : 0);
    if (slots[10] > cols)
        slots[10] = cols;
}

void fkeys_draw(const struct fkey *view, int y, int cols)
{
    int slots[11];
    layout(view, cols, slots);
    for (int i = 0; i < 10; i++) {
        const struct fkey *k = lookup(view, i + 1);
        char num[4];
        snprintf(num, sizeof num, "F%d", i + 1);
        int w = slots[i + 1] - slots[i];
        int n = draw_text(y, slots[i], w, num, TH_FKEY_NUM, false);
        draw_text(y, slots[i] + n, w - n, k ? _(k->label) : "", TH_FKEY_LABEL, true);
    }
}

int fkeys_translate(const struct fkey *view, int key)
{
    for (int fn = 1; fn <= 10; fn++)
        if (key == UI_KEY(KEY_F(fn))) {
            const struct fkey *k = lookup(view, fn);
            return k ? k->key : 0;
        }
    return key;
}

int fkeys_click(const struct fkey *view, int x, int cols)
{
    int slots[11];
    layout(view, cols, slots);
    for (int i = 0; i < 10; i++)
        if (x >= slots[i] && x < slots[i + 1]) {
            const struct fkey *k = lookup(view, i + 1);
            return k ? k->key : 0;
        }
    return 0;
}
