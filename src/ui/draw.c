/* draw.c: text on the screen: made inert, measured with wcwidth, cut, wrapped; frames and titles. */
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <unilbrk.h>

#include "ui_int.h"
#include "wijktafel/text.h"
#include "wijktafel/xalloc.h"

/* The wide text of the last conversion; one buffer, reused. */
static wchar_t *wbuf;
static int *wwid;
static size_t wcap;

/* Converts s, made inert, to wide characters in wbuf with their widths in
 * wwid; characters the terminal cannot show become U+FFFD. Returns the count. */
static size_t widen(const char *s, bool keep_newlines)
{
    char *in = text_inert(s ? s : "", keep_newlines);
    size_t n = strlen(in);
    if (n + 1 > wcap) {
        wcap = n + 64;
        wbuf = xrealloc(wbuf, wcap * sizeof *wbuf);
        wwid = xrealloc(wwid, wcap * sizeof *wwid);
    }
    mbstate_t st;
    memset(&st, 0, sizeof st);
    size_t k = 0;
    for (const char *p = in; *p;) {
        wchar_t wc;
        size_t r = mbrtowc(&wc, p, strlen(p), &st);
        if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
            wc = 0xFFFD;
            r = 1;
            memset(&st, 0, sizeof st);
        }
        p += r;
        int w = wc == '\n' ? 0 : wcwidth(wc);
        if (w < 0) {
            wc = 0xFFFD;
            w = 1;
        }
        /* A combining mark with nothing to combine with stands alone. */
        if (w == 0 && wc != '\n' && (k == 0 || wbuf[k - 1] == '\n')) {
            wc = 0xFFFD;
            w = 1;
        }
        wbuf[k] = wc;
        wwid[k++] = w;
    }
    wbuf[k] = 0;
    free(in);
    return k;
}

int draw_width(const char *s)
{
    size_t n = widen(s, false);
    int w = 0;
    for (size_t i = 0; i < n; i++)
        w += wwid[i];
    return w;
}

/* Draws wbuf[from, to) at y, x, at most w cells; "…" when cut. */
static int put_range(int y, int x, int w, size_t from, size_t to, attr_t attr)
{
    if (w <= 0)
        return 0;
    int total = 0;
    for (size_t i = from; i < to; i++)
        total += wwid[i];
    size_t end = to;
    bool cut = total > w;
    if (cut) {
        int used = 0;
        end = from;
        while (end < to && used + wwid[end] <= w - 1) {
            used += wwid[end];
            end++;
        }
        while (end < to && wwid[end] == 0) /* keep combining marks with their base */
            end++;
        total = used + 1;
    }
    attrset(attr);
    if (end > from)
        mvaddnwstr(y, x, wbuf + from, (int)(end - from));
    else
        move(y, x);
    if (cut)
        addwstr(L"\u2026");
    return total;
}

int draw_text(int y, int x, int w, const char *s, enum theme_role role, bool pad)
{
    if (w <= 0)
        return 0;
    size_t n = widen(s, false);
    attr_t attr = theme_attr(role);
    int used = put_range(y, x, w, 0, n, attr);
    if (pad && used < w)
        draw_fill(y, x + used, w - used, role);
    return used;
}

void draw_fill(int y, int x, int w, enum theme_role role)
{
    if (w <= 0)
        return;
    attrset(theme_attr(role));
    mvhline(y, x, ' ', w);
}

/* The chosen line breaks of the paragraph wbuf[from, to) at width w, by
 * Unicode line breaking (UAX #14, libunistring): brk[i - from] is
 * UC_BREAK_POSSIBLE where a line starts at i. The buffer is reused. */
static char *breaks(size_t from, size_t to, int w)
{
    static char *brk;
    static size_t cap;
    size_t n = to - from;
    if (n + 1 > cap) {
        cap = n + 64;
        brk = xrealloc(brk, cap);
    }
    if (n)
        u32_width_linebreaks((const uint32_t *)(wbuf + from), n, w, 0, 0, NULL, "UTF-8", brk);
    return brk;
}

/* Calls line(ctx, from, to, no) for every wrapped line of wbuf[0, n) at
 * width w: at the breaks Unicode line breaking chooses (between words, after
 * a hyphen or a slash), inside a word only when the word alone is wider than
 * the line. Spaces at the end of a line are not drawn. Returns the number of
 * lines. */
static int wrap(size_t n, int w, void (*line)(void *, size_t, size_t, int), void *ctx)
{
    int lines = 0;
    if (w < 1)
        w = 1;
    size_t p = 0;
    for (;;) {
        size_t pe = p;
        while (pe < n && wbuf[pe] != '\n')
            pe++;
        const char *brk = breaks(p, pe, w);
        size_t start = p;
        while (start < pe || start == p) {
            size_t end, i;
            int used = start < pe ? wwid[start] : 0;
            for (i = start + 1; i < pe && brk[i - p] != UC_BREAK_POSSIBLE; i++) {
                if (used + wwid[i] > w && wbuf[i] != ' ')
                    break; /* a word wider than the line: cut it here */
                used += wwid[i];
            }
            end = i > pe ? pe : i;
            size_t shown = end;
            while (shown > start && wbuf[shown - 1] == ' ')
                shown--;
            if (line)
                line(ctx, start, shown, lines);
            lines++;
            if (end >= pe)
                break;
            start = end;
        }
        if (pe >= n)
            break;
        p = pe + 1;
        if (p >= n)
            break; /* a final line break adds no empty line */
    }
    return lines;
}

struct wrap_draw {
    struct rect r;
    int skip;
    attr_t attr;
};

static void wrap_line(void *ctx, size_t from, size_t to, int no)
{
    struct wrap_draw *d = ctx;
    int row = no - d->skip;
    if (row < 0 || row >= d->r.h)
        return;
    put_range(d->r.y + row, d->r.x, d->r.w, from, to, d->attr);
}

int draw_wrap(struct rect r, int skip, const char *s, enum theme_role role)
{
    size_t n = widen(s, true);
    struct wrap_draw d = {r, skip, theme_attr(role)};
    return wrap(n, r.w, wrap_line, &d);
}

int draw_wrap_lines(int w, const char *s)
{
    size_t n = widen(s, true);
    return wrap(n, w, NULL, NULL);
}

void draw_box(struct rect r, const char *title)
{
    if (r.h < 2 || r.w < 2)
        return;
    attr_t a = theme_attr(TH_BORDER);
    for (int y = r.y + 1; y < r.y + r.h - 1; y++)
        draw_fill(y, r.x + 1, r.w - 2, TH_NORMAL);
    attrset(a);
    mvhline(r.y, r.x + 1, ACS_HLINE, r.w - 2);
    mvhline(r.y + r.h - 1, r.x + 1, ACS_HLINE, r.w - 2);
    mvvline(r.y + 1, r.x, ACS_VLINE, r.h - 2);
    mvvline(r.y + 1, r.x + r.w - 1, ACS_VLINE, r.h - 2);
    mvaddch(r.y, r.x, ACS_ULCORNER);
    mvaddch(r.y, r.x + r.w - 1, ACS_URCORNER);
    mvaddch(r.y + r.h - 1, r.x, ACS_LLCORNER);
    mvaddch(r.y + r.h - 1, r.x + r.w - 1, ACS_LRCORNER);
    if (title && *title) {
        draw_text(r.y, r.x + 2, 1, " ", TH_TITLE, false);
        int n = draw_text(r.y, r.x + 3, r.w - 6, title, TH_TITLE, false);
        draw_text(r.y, r.x + 3 + n, 1, " ", TH_TITLE, false);
    }
}

void draw_title(int y, int x, int w, const char *title, bool focus)
{
    char *t = xasprintf(focus ? "[%s]" : " %s ", title);
    draw_text(y, x, w, t, focus ? TH_TAB_CUR : TH_HEADER, true);
    free(t);
}

int draw_field(struct rect r, int y, const char *label, const char *value, int label_w)
{
    int bottom = r.y + r.h;
    if (y >= bottom || !value || !*value)
        return y;
    draw_text(y, r.x, label_w, label, TH_TITLE, false);
    struct rect vr = {y, r.x + label_w, bottom - y, r.w - label_w};
    int lines = draw_wrap(vr, 0, value, TH_NORMAL);
    return y + (lines < vr.h ? lines : vr.h);
}
