/* list.c: a windowed list: a selection and a first row; only the visible rows are drawn. */
#include "ui_int.h"

void list_clamp(struct list *l)
{
    if (l->n == 0) {
        l->sel = l->top = 0;
        return;
    }
    if (l->sel >= l->n)
        l->sel = l->n - 1;
    size_t h = l->height > 0 ? (size_t)l->height : 1;
    if (l->sel < l->top)
        l->top = l->sel;
    if (l->sel >= l->top + h)
        l->top = l->sel - h + 1;
    if (l->top + h > l->n)
        l->top = l->n > h ? l->n - h : 0;
}

bool list_key(struct list *l, int key)
{
    size_t page = l->height > 1 ? (size_t)l->height - 1 : 1;
    switch (key) {
    case UI_KEY(KEY_UP):
        if (l->sel > 0)
            l->sel--;
        break;
    case UI_KEY(KEY_DOWN):
        if (l->sel + 1 < l->n)
            l->sel++;
        break;
    case UI_KEY(KEY_HOME):
        l->sel = 0;
        break;
    case UI_KEY(KEY_END):
        l->sel = l->n ? l->n - 1 : 0;
        break;
    case UI_CTRL('f'):
    case UI_CTRL('d'):
        l->sel = l->sel + page < l->n ? l->sel + page : (l->n ? l->n - 1 : 0);
        l->top += page;
        break;
    case UI_CTRL('b'):
        l->sel = l->sel > page ? l->sel - page : 0;
        l->top = l->top > page ? l->top - page : 0;
        break;
    default:
        return false;
    }
    list_clamp(l);
    return true;
}

void list_draw(struct list *l, struct rect r, list_row_fn row, void *ctx)
{
    l->height = r.h;
    list_clamp(l);
    for (int i = 0; i < r.h; i++) {
        size_t k = l->top + (size_t)i;
        if (k >= l->n) {
            draw_fill(r.y + i, r.x, r.w, TH_NORMAL);
            continue;
        }
        row(ctx, k, r.y + i, r.x, r.w, k == l->sel);
    }
}

bool list_click(struct list *l, struct rect r, int y)
{
    if (y < r.y || y >= r.y + r.h)
        return false;
    size_t k = l->top + (size_t)(y - r.y);
    if (k >= l->n)
        return false;
    l->sel = k;
    return true;
}

void list_cells(int y, int x, int w, const char *const *cells, const int *widths, int n,
                enum theme_role role)
{
    int col = x, end = x + w;
    draw_fill(y, x, w, role);
    for (int i = 0; i < n && col < end; i++) {
        if (widths[i] < 0)
            continue; /* a column the width has no room for */
        int cw = widths[i] > 0 ? widths[i] : end - col;
        if (cw > end - col)
            cw = end - col;
        draw_text(y, col, cw, cells[i] ? cells[i] : "", role, false);
        col += cw + 1;
    }
}
