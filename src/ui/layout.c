/* layout.c: column widths from the content and the width at hand (issue 16). */
#include <string.h>

#include "ui_int.h"

int ui_fit_columns(const int *want, const int *drop, int n, int flex, int flex_min, int width,
                   int *out)
{
    for (int i = 0; i < n; i++)
        out[i] = want[i];
    for (;;) {
        int used = 0, shown = 0, worst = -1;
        for (int i = 0; i < n; i++) {
            if (out[i] < 0)
                continue;
            shown++;
            if (i != flex)
                used += out[i];
            if (drop && drop[i] > 0 && out[i] >= 0 && (worst < 0 || drop[i] > drop[worst]))
                worst = i;
        }
        int left = width - used - (shown - 1);
        if (left >= flex_min || worst < 0) {
            out[flex] = left > 1 ? left : 1;
            return left;
        }
        out[worst] = -1; /* this column goes before the free text shrinks */
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
