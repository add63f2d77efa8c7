/* lineedit.c: a one-line editor on wide characters (get_wch, wcwidth), right for Dutch text. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "ui_int.h"
#include "wijktafel/xalloc.h"

/* Characters that never go into a text: controls, C1, bidirectional
 * overrides and isolates (they would reorder what the wall shows). */
static bool refused(wchar_t c)
{
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        return true;
    if (c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
        (c >= 0x2066 && c <= 0x2069) || c == 0xfeff || (c >= 0xfff9 && c <= 0xfffb))
        return true;
    if (c >= 0xd800 && c <= 0xdfff)
        return true;
    return wcwidth(c) < 0;
}

static int width_of(wchar_t c)
{
    int w = wcwidth(c);
    return w < 0 ? 1 : w;
}

static void reserve(struct lineedit *e, size_t extra)
{
    if (e->len + extra + 1 > e->cap) {
        e->cap = (e->len + extra + 1) * 2;
        e->s = xrealloc(e->s, e->cap * sizeof *e->s);
    }
}

static void insert_char(struct lineedit *e, wchar_t c)
{
    if (c == '\n' || c == '\r' || c == '\t')
        c = ' ';
    if (refused(c))
        return;
    /* A combining mark at the start has nothing to sit on. */
    if (wcwidth(c) == 0 && e->cur == 0)
        return;
    reserve(e, 1);
    memmove(e->s + e->cur + 1, e->s + e->cur, (e->len - e->cur) * sizeof *e->s);
    e->s[e->cur++] = c;
    e->len++;
    e->s[e->len] = 0;
}

void lineedit_init(struct lineedit *e, const char *utf8)
{
    memset(e, 0, sizeof *e);
    reserve(e, 16);
    e->s[0] = 0;
    lineedit_insert(e, utf8);
}

void lineedit_fini(struct lineedit *e)
{
    free(e->s);
    memset(e, 0, sizeof *e);
}

void lineedit_set(struct lineedit *e, const char *utf8)
{
    e->len = e->cur = e->scroll = 0;
    e->s[0] = 0;
    lineedit_insert(e, utf8);
}

void lineedit_insert(struct lineedit *e, const char *utf8)
{
    mbstate_t st;
    memset(&st, 0, sizeof st);
    const char *p = utf8 ? utf8 : "";
    size_t left = strlen(p);
    while (left) {
        wchar_t wc;
        size_t r = mbrtowc(&wc, p, left, &st);
        if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
            memset(&st, 0, sizeof st);
            r = 1;
            wc = 0xFFFD;
        }
        insert_char(e, wc);
        p += r;
        left -= r;
    }
}

char *lineedit_text(const struct lineedit *e)
{
    struct buf b = {0};
    buf_puts(&b, "");
    char mb[MB_LEN_MAX];
    mbstate_t st;
    memset(&st, 0, sizeof st);
    for (size_t i = 0; i < e->len; i++) {
        size_t r = wcrtomb(mb, e->s[i], &st);
        if (r != (size_t)-1)
            buf_append(&b, mb, r);
    }
    return buf_steal(&b);
}

/* Start of the word before the cursor (skipping spaces first). */
static size_t word_start(const struct lineedit *e)
{
    size_t i = e->cur;
    while (i > 0 && iswspace((wint_t)e->s[i - 1]))
        i--;
    while (i > 0 && !iswspace((wint_t)e->s[i - 1]))
        i--;
    return i;
}

static void delete_range(struct lineedit *e, size_t from, size_t to)
{
    memmove(e->s + from, e->s + to, (e->len - to + 1) * sizeof *e->s);
    e->len -= to - from;
    if (e->cur > to)
        e->cur -= to - from;
    else if (e->cur > from)
        e->cur = from;
}

/* The cursor moves by whole characters: a base with its combining marks. */
static size_t next_pos(const struct lineedit *e, size_t i)
{
    if (i < e->len)
        i++;
    while (i < e->len && wcwidth(e->s[i]) == 0)
        i++;
    return i;
}

static size_t prev_pos(const struct lineedit *e, size_t i)
{
    while (i > 0) {
        i--;
        if (wcwidth(e->s[i]) != 0)
            break;
    }
    return i;
}

enum lineedit_result lineedit_key(struct lineedit *e, int key)
{
    if (key == UI_KEY(UI_PASTE_BEGIN)) {
        e->pasting = true;
        return LE_HANDLED;
    }
    if (key == UI_KEY(UI_PASTE_END)) {
        e->pasting = false;
        return LE_HANDLED;
    }
    if (e->pasting && (key == '\r' || key == '\n' || key == '\t')) {
        insert_char(e, ' ');
        return LE_HANDLED;
    }
    switch (key) {
    case UI_KEY(KEY_LEFT):
        e->cur = prev_pos(e, e->cur);
        return LE_HANDLED;
    case UI_KEY(KEY_RIGHT):
        e->cur = next_pos(e, e->cur);
        return LE_HANDLED;
    case UI_KEY(KEY_HOME):
    case UI_CTRL('a'):
        e->cur = 0;
        return LE_HANDLED;
    case UI_KEY(KEY_END):
    case UI_CTRL('e'):
        e->cur = e->len;
        return LE_HANDLED;
    case UI_KEY(KEY_BACKSPACE):
    case 127:
    case UI_CTRL('h'):
        if (e->cur > 0)
            delete_range(e, prev_pos(e, e->cur), e->cur);
        return LE_HANDLED;
    case UI_KEY(KEY_DC):
    case UI_CTRL('d'):
        if (e->cur < e->len)
            delete_range(e, e->cur, next_pos(e, e->cur));
        return LE_HANDLED;
    case UI_CTRL('w'):
        delete_range(e, word_start(e), e->cur);
        return LE_HANDLED;
    case UI_CTRL('u'):
        delete_range(e, 0, e->cur);
        return LE_HANDLED;
    case UI_CTRL('k'):
        delete_range(e, e->cur, e->len);
        return LE_HANDLED;
    default:
        break;
    }
    if (UI_IS_KEY(key) || key < 0x20 || key == 127)
        return LE_IGNORED;
    insert_char(e, (wchar_t)key);
    return LE_HANDLED;
}

void lineedit_draw(struct lineedit *e, int y, int x, int w, bool focus)
{
    if (w < 2)
        return;
    /* Scroll so that the cursor stays inside the field, one cell spare. */
    if (e->scroll > e->cur)
        e->scroll = e->cur;
    for (;;) {
        int used = 0;
        for (size_t i = e->scroll; i < e->cur; i++)
            used += width_of(e->s[i]);
        if (used <= w - 1 || e->scroll >= e->cur)
            break;
        e->scroll = next_pos(e, e->scroll);
    }
    draw_fill(y, x, w, TH_INPUT);
    attrset(theme_attr(TH_INPUT));
    int used = 0, cx = x;
    size_t i = e->scroll;
    move(y, x);
    for (; i < e->len; i++) {
        int cw = width_of(e->s[i]);
        if (used + cw > w)
            break;
        if (i == e->cur)
            cx = x + used;
        addnwstr(e->s + i, 1);
        used += cw;
    }
    if (e->cur >= i)
        cx = x + used;
    if (focus) {
        curs_set(1);
        move(y, cx < x + w ? cx : x + w - 1);
    }
}
