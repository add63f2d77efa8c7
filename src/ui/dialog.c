/* dialog.c: small modal questions: yes or no, a notice, one line of input, a menu of choices. */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/words.h"

/* ---- yes or no ---- */

struct confirm {
    struct ui_layer l;
    const char *question;
    bool yes;
    bool hint; /* another key came: say which keys answer */
};

static void confirm_draw(struct ui_layer *l, struct ui *u)
{
    struct confirm *c = (struct confirm *)l;
    if (u->too_small)
        return;
    /* The answer keys (and the hint) always show; a long question is cut. */
    char *keys = c->hint ? xasprintf(" %s   [!] %s ", _("(j/n)"),
                                     _("Typ j of n; Esc annuleert"))
                         : xasprintf(" %s ", _("(j/n)"));
    char *q = xasprintf(" %s", c->question);
    int kw = draw_width(keys), qw = COLS - kw > 0 ? COLS - kw : 0;
    enum theme_role role = c->hint ? TH_ERROR : TH_INPUT;
    draw_fill(LINES - 2, 0, COLS, role);
    int n = draw_text(LINES - 2, 0, qw, q, role, false);
    draw_text(LINES - 2, n, COLS - n, keys, role, false);
    free(q);
    free(keys);
}

/* j (and y in English) is yes, n is no, Esc cancels (no); any other key is
 * ignored, with a hint, so that typing on never answers by accident. */
static void confirm_key(struct ui_layer *l, struct ui *u, int key)
{
    (void)u;
    struct confirm *c = (struct confirm *)l;
    bool en = words_lang() == WT_LANG_EN;
    if (key == 'j' || key == 'J' || (en && (key == 'y' || key == 'Y')))
        c->yes = l->done = true;
    else if (key == 'n' || key == 'N' || key == UI_ESC)
        l->done = true;
    else if (key != UI_KEY(KEY_MOUSE))
        c->hint = true;
}

bool dialog_confirm(struct ui *u, const char *question)
{
    struct confirm c = {.l = {.draw = confirm_draw, .key = confirm_key}, .question = question};
    ui_layer_run(u, &c.l);
    return c.yes;
}

/* ---- a notice in a box ---- */

struct notice {
    struct ui_layer l;
    const char *title;
    const char *const *text;
    int n, mark;
};

static void notice_draw(struct ui_layer *l, struct ui *u)
{
    struct notice *c = (struct notice *)l;
    if (u->too_small)
        return;
    int w = COLS - 4 < 70 ? COLS - 4 : 70, h = c->n + 5;
    struct rect r = {(LINES - h) / 2 > 0 ? (LINES - h) / 2 : 0, (COLS - w) / 2, h, w};
    draw_box(r, c->title);
    for (int i = 0; i < c->n; i++)
        draw_text(r.y + 2 + i, r.x + 2, r.w - 4, c->text[i], i == c->mark ? TH_MARK : TH_NORMAL,
                  false);
    draw_text(r.y + h - 2, r.x + 2, r.w - 4, _("Druk op een toets om verder te gaan."), TH_DIM,
              false);
}

static void notice_key(struct ui_layer *l, struct ui *u, int key)
{
    (void)u;
    if (key != UI_KEY(KEY_MOUSE))
        l->done = true;
}

void dialog_notice(struct ui *u, const char *title, const char *const *text, int n, int mark)
{
    struct notice c = {.l = {.draw = notice_draw, .key = notice_key},
                       .title = title,
                       .text = text,
                       .n = n,
                       .mark = mark};
    ui_layer_run(u, &c.l);
}

/* ---- one line of input ---- */

struct input {
    struct ui_layer l;
    const char *prompt;
    struct lineedit e;
    char *result;
};

/* Why the last try failed, on the line above a question. */
static void draw_last_error(struct ui *u)
{
    if (u->msg_error && u->msg[0]) {
        char *m = xasprintf(" [!] %s ", u->msg);
        draw_text(LINES - 3, 0, COLS, m, TH_ERROR, true);
        free(m);
    }
}

static void input_draw(struct ui_layer *l, struct ui *u)
{
    struct input *in = (struct input *)l;
    if (u->too_small)
        return;
    draw_last_error(u);
    char *p = xasprintf(" %s ", in->prompt);
    int n = draw_text(LINES - 2, 0, COLS / 2, p, TH_MSG, false);
    free(p);
    lineedit_draw(&in->e, LINES - 2, n, COLS - n - 1, true);
}

static void input_key(struct ui_layer *l, struct ui *u, int key)
{
    (void)u;
    struct input *in = (struct input *)l;
    if (key == UI_ESC) {
        l->done = true;
    } else if (ui_key_enter(key) && !in->e.pasting) {
        in->result = lineedit_text(&in->e);
        l->done = true;
    } else {
        lineedit_key(&in->e, key);
    }
}

char *dialog_input(struct ui *u, const char *prompt, const char *initial)
{
    struct input in = {.l = {.draw = input_draw, .key = input_key}, .prompt = prompt};
    lineedit_init(&in.e, initial);
    in.e.cur = in.e.len;
    ui_layer_run(u, &in.l);
    lineedit_fini(&in.e);
    curs_set(0);
    return in.result;
}

/* ---- a menu ---- */

struct menu {
    struct ui_layer l;
    const char *title;
    const char *const *labels;
    const int *letters;
    int n, current, sel, result;
};

static void menu_draw(struct ui_layer *l, struct ui *u)
{
    struct menu *m = (struct menu *)l;
    if (u->too_small)
        return;
    int w = draw_width(m->title) + 6;
    for (int i = 0; i < m->n; i++) {
        int lw = draw_width(m->labels[i]) + 10;
        if (lw > w)
            w = lw;
    }
    if (w > COLS - 4)
        w = COLS - 4;
    struct rect r = {(LINES - m->n - 2) / 2, (COLS - w) / 2, m->n + 2, w};
    draw_box(r, m->title);
    for (int i = 0; i < m->n; i++) {
        char *line = xasprintf("%s %c  %s", i == m->current ? "*" : " ", m->letters[i],
                               m->labels[i]);
        draw_text(r.y + 1 + i, r.x + 1, r.w - 2, line, i == m->sel ? TH_SEL : TH_NORMAL, true);
        free(line);
    }
}

static void menu_key(struct ui_layer *l, struct ui *u, int key)
{
    (void)u;
    struct menu *m = (struct menu *)l;
    if (key == UI_ESC || key == 'q') {
        l->done = true;
        return;
    }
    if (key == UI_KEY(KEY_UP) && m->sel > 0)
        m->sel--;
    else if (key == UI_KEY(KEY_DOWN) && m->sel + 1 < m->n)
        m->sel++;
    else if (ui_key_enter(key))
        m->result = m->sel;
    for (int i = 0; i < m->n && m->result < 0; i++)
        if (key == m->letters[i])
            m->result = i;
    l->done = m->result >= 0;
}

int dialog_menu(struct ui *u, const char *title, const char *const *labels, const int *letters,
                int n, int current)
{
    struct menu m = {.l = {.draw = menu_draw, .key = menu_key}, .title = title,
                     .labels = labels, .letters = letters, .n = n, .current = current,
                     .sel = current >= 0 && current < n ? current : 0, .result = -1};
    ui_layer_run(u, &m.l);
    return m.result;
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

/* ---- a secret ---- */

enum { SECRET_CAP = 1024 };

struct secret {
    struct ui_layer l;
    const char *prompt;
    char *buf;
    size_t len;
    bool given;
};

static void secret_draw(struct ui_layer *l, struct ui *u)
{
    struct secret *s = (struct secret *)l;
    if (u->too_small)
        return;
    draw_last_error(u);
    /* Nothing of the secret: not even how long it is. */
    char *p = xasprintf(" %s ", s->prompt);
    draw_text(LINES - 2, 0, COLS, p, TH_INPUT, true);
    free(p);
}

static void secret_key(struct ui_layer *l, struct ui *u, int key)
{
    (void)u;
    struct secret *s = (struct secret *)l;
    if (key == UI_ESC) {
        l->done = true;
    } else if (ui_key_enter(key)) {
        s->given = l->done = true;
    } else if (key == UI_KEY(KEY_BACKSPACE) || key == 127 || key == '\b') {
        while (s->len > 0 && (s->buf[s->len - 1] & 0xc0) == 0x80)
            s->buf[--s->len] = '\0';
        if (s->len > 0)
            s->buf[--s->len] = '\0';
    } else if (key == UI_CTRL('u')) {
        memset(s->buf, 0, SECRET_CAP);
        s->len = 0;
    } else if (!UI_IS_KEY(key) && key >= ' ' && key <= 0x10ffff) {
        put_utf8(s->buf, SECRET_CAP, &s->len, key);
    }
}

char *dialog_secret(struct ui *u, const char *prompt)
{
    struct secret s = {.l = {.draw = secret_draw, .key = secret_key}, .prompt = prompt,
                       .buf = xcalloc(1, SECRET_CAP)};
    ui_layer_run(u, &s.l);
    if (s.given)
        return s.buf;
    memset(s.buf, 0, SECRET_CAP);
    free(s.buf);
    return NULL;
}
