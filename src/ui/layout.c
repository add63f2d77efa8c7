/* layout.c: column widths from the content and the width at hand (issue 16). */
#include <stdbool.h>
#include <string.h>

#include "ui_int.h"

/* The room left for column flex after the shown columns and the spaces between. */
static int room_left(const int *out, int n, int flex, int width)
{
    int used = 0, shown = 0;
    for (int i = 0; i < n; i++) {
        if (out[i] < 0)
            continue;
        shown++;
        if (i != flex)
            used += out[i];
    }
    return width - used - (shown - 1);
}

/* The shown column (not flex) with the highest shrink > 0 that is still above
 * its least (shrink true), or with the highest drop > 0 (false); or -1. */
static int next_to_give(const struct ui_col *cols, const int *out, int n, int flex, bool shrink)
{
    int best = -1;
    for (int i = 0; i < n; i++) {
        int rank = shrink ? cols[i].shrink : cols[i].drop;
        if (i == flex || out[i] < 0 || rank <= 0 || (shrink && out[i] <= cols[i].least))
            continue;
        if (best < 0 || rank > (shrink ? cols[best].shrink : cols[best].drop))
            best = i;
    }
    return best;
}

/* The wider of col's want and its header. */
static int full_width(const struct ui_col *col)
{
    int hw = col->head ? draw_width(col->head) : 0;
    return col->want > hw ? col->want : hw;
}

/* Shrinks the shrinkable columns, highest first, until the flex column has
 * flex_min or none can give more. Returns the flex column's room. */
static int shrink_to_fit(const struct ui_col *cols, int n, int flex, int flex_min, int width,
                         int *out)
{
    int left = room_left(out, n, flex, width), k;
    while (left < flex_min && (k = next_to_give(cols, out, n, flex, true)) >= 0) {
        int cut = out[k] - cols[k].least;
        out[k] -= cut < flex_min - left ? cut : flex_min - left;
        left = room_left(out, n, flex, width);
    }
    return left;
}

int ui_fit_columns(const struct ui_col *cols, int n, int flex, int flex_min, int width, int *out)
{
    for (int i = 0; i < n; i++)
        out[i] = cols[i].want < 0 ? -1 : full_width(&cols[i]);
    for (;;) {
        int left = shrink_to_fit(cols, n, flex, flex_min, width, out), k;
        if (left >= flex_min || (k = next_to_give(cols, out, n, flex, false)) < 0) {
            out[flex] = left > 1 ? left : 1;
            return left;
        }
        /* This column goes before the free text shrinks; the shrunk ones
         * get their room back from it. */
        out[k] = -1;
        for (int i = 0; i < n; i++)
            if (out[i] >= 0)
                out[i] = full_width(&cols[i]);
    }
}

int ui_rows_width(const struct rows *rs, const size_t *idx, size_t n, int col, int least)
{
    int w = least;
    for (size_t i = 0; i < n; i++) {
        const struct wt_record *r = &rs->r[idx ? idx[i] : i];
        int tw = r->v[col] ? draw_width(r->v[col]) : 0;
        if (tw > w)
            w = tw;
    }
    return w;
}

int ui_text_width_max(int least, const char *const *texts, size_t n, int cap)
{
    int w = least;
    for (size_t i = 0; i < n; i++) {
        int tw = texts[i] ? draw_width(texts[i]) : 0;
        if (tw > w)
            w = tw;
    }
    return cap > 0 && w > cap ? cap : w;
}
