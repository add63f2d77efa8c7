/* dialog.c: small modal questions: yes or no, one line of input, a menu of choices. */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/i18n.h"

/* Waits for the next key; redraws the screen under the dialog on a resize. */
static int next_key(void)
{
    int key;
    while (!term_read_key(1000, &key))
        ;
    return key;
}

bool dialog_confirm(struct ui *u, const char *question)
{
    u->modal = true;
    for (;;) {
        ui_draw(u);
        if (!u->too_small) {
            char *q = xasprintf(" %s %s ", question, _("(j/n)"));
            draw_text(LINES - 2, 0, COLS, q, TH_INPUT, true);
            free(q);
        }
        refresh();
        int key = next_key();
        if (key == 'j' || key == 'J' || key == 'y' || key == 'Y' || ui_key_enter(key))
            return true;
        if (key == 'n' || key == 'N' || key == UI_ESC || key == 'q')
            return false;
    }
}

char *dialog_input(struct ui *u, const char *prompt, const char *initial)
{
    u->modal = true;
    struct lineedit e;
    lineedit_init(&e, initial);
    e.cur = e.len;
    char *result = NULL;
    for (;;) {
        ui_draw(u);
        if (!u->too_small) {
            if (u->msg_error && u->msg[0]) { /* why the last try failed */
                char *m = xasprintf(" [!] %s ", u->msg);
                draw_text(LINES - 3, 0, COLS, m, TH_ERROR, true);
                free(m);
            }
            char *p = xasprintf(" %s ", prompt);
            int n = draw_text(LINES - 2, 0, COLS / 2, p, TH_MSG, false);
            free(p);
            lineedit_draw(&e, LINES - 2, n, COLS - n - 1, true);
        }
        refresh();
        int key = next_key();
        if (key == UI_ESC)
            break;
        if (ui_key_enter(key) && !e.pasting) {
            result = lineedit_text(&e);
            break;
        }
        lineedit_key(&e, key);
    }
    lineedit_fini(&e);
    curs_set(0);
    return result;
}

int dialog_menu(struct ui *u, const char *title, const char *const *labels, const int *letters,
                int n, int current)
{
    u->modal = true;
    int sel = current >= 0 && current < n ? current : 0;
    for (;;) {
        ui_draw(u);
        if (!u->too_small) {
            int w = draw_width(title) + 6;
            for (int i = 0; i < n; i++) {
                int lw = draw_width(labels[i]) + 10;
                if (lw > w)
                    w = lw;
            }
            if (w > COLS - 4)
                w = COLS - 4;
            struct rect r = {(LINES - n - 2) / 2, (COLS - w) / 2, n + 2, w};
            draw_box(r, title);
            for (int i = 0; i < n; i++) {
                char *line = xasprintf("%s %c  %s", i == current ? "*" : " ", letters[i],
                                       labels[i]);
                draw_text(r.y + 1 + i, r.x + 1, r.w - 2, line, i == sel ? TH_SEL : TH_NORMAL,
                          true);
                free(line);
            }
        }
        refresh();
        int key = next_key();
        if (key == UI_ESC || key == 'q')
            return -1;
        if (key == UI_KEY(KEY_UP) && sel > 0)
            sel--;
        else if (key == UI_KEY(KEY_DOWN) && sel + 1 < n)
            sel++;
        else if (ui_key_enter(key))
            return sel;
        for (int i = 0; i < n; i++)
            if (key == letters[i])
                return i;
    }
}

/* Appends the code point c to buf as UTF-8 when it fits. */
static void put_utf8(char *buf, size_t cap, size_t *len, int c)
{
    char tmp[4];
    size_t n;
    if (c < 0x80) {
        tmp[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        tmp[0] = (char)(0xc0 | (c >> 6));
        tmp[1] = (char)(0x80 | (c & 0x3f));
        n = 2;
    } else if (c < 0x10000) {
        tmp[0] = (char)(0xe0 | (c >> 12));
        tmp[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        tmp[2] = (char)(0x80 | (c & 0x3f));
        n = 3;
    } else {
        tmp[0] = (char)(0xf0 | (c >> 18));
        tmp[1] = (char)(0x80 | ((c >> 12) & 0x3f));
        tmp[2] = (char)(0x80 | ((c >> 6) & 0x3f));
        tmp[3] = (char)(0x80 | (c & 0x3f));
        n = 4;
    }
    if (*len + n < cap) {
        memcpy(buf + *len, tmp, n);
        *len += n;
    }
}

char *dialog_secret(struct ui *u, const char *prompt)
{
    u->modal = true;
    enum { CAP = 1024 };
    char *buf = xcalloc(1, CAP);
    size_t len = 0;
    for (;;) {
        ui_draw(u);
        if (!u->too_small) {
            if (u->msg_error && u->msg[0]) { /* why the last try failed */
                char *m = xasprintf(" [!] %s ", u->msg);
                draw_text(LINES - 3, 0, COLS, m, TH_ERROR, true);
                free(m);
            }
            /* Nothing of the secret: not even how long it is. */
            char *p = xasprintf(" %s ", prompt);
            draw_text(LINES - 2, 0, COLS, p, TH_INPUT, true);
            free(p);
        }
        refresh();
        int key = next_key();
        if (key == UI_ESC) {
            memset(buf, 0, CAP);
            free(buf);
            return NULL;
        }
        if (ui_key_enter(key))
            return buf;
        if (key == UI_KEY(KEY_BACKSPACE) || key == 127 || key == '\b') {
            while (len > 0 && (buf[len - 1] & 0xc0) == 0x80)
                buf[--len] = '\0';
            if (len > 0)
                buf[--len] = '\0';
        } else if (key == UI_CTRL('u')) {
            memset(buf, 0, CAP);
            len = 0;
        } else if (!UI_IS_KEY(key) && key >= ' ' && key <= 0x10ffff) {
            put_utf8(buf, CAP, &len, key);
        }
    }
}
