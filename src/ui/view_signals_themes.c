/* view_signals_themes.c: the Thema's pane of item 3: recurring needs per area, 8 weeks against the 8 before. */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/i18n.h"

/* The trend as words and an arrow, so that it never rests on colour alone. */
static const char *trend_text(size_t now, size_t before)
{
    if (now > before)
        return _("\u2191 meer");
    if (now < before)
        return _("\u2193 minder");
    return _("= gelijk");
}

/* Counts both windows again over what the member may see now. */
static void load(struct themes_pane *p, struct ui *u)
{
    themes_fini(&p->now);
    free(p->before);
    p->before = NULL;
    struct wt_error err = {0};
    if (app_themes_trend(u->a, app_day(u->a), &p->now, &p->before, &err) != 0)
        ui_error(u, &err);
    p->l.n = p->now.n;
    list_clamp(&p->l);
    p->loaded = true;
}

struct trow_ctx {
    struct themes_pane *p;
    int widths[5];
};

/* One theme: area, tag, count now, count before, trend in words. */
static void draw_row(void *ctx, size_t i, int y, int x, int w, bool sel)
{
    struct trow_ctx *c = ctx;
    const struct theme *t = &c->p->now.items[i];
    size_t before = c->p->before ? c->p->before[i] : 0;
    char now_s[24], before_s[24];
    snprintf(now_s, sizeof now_s, "%4zu", t->count);
    snprintf(before_s, sizeof before_s, "%6zu", before);
    const char *cells[] = {t->area, t->tag, now_s, before_s, trend_text(t->count, before)};
    list_cells(y, x, w, cells, c->widths, 5, sel ? TH_SEL : TH_NORMAL);
}

void themes_pane_draw(struct themes_pane *p, struct ui *u, struct rect r)
{
    if (!p->loaded)
        load(p, u);
    struct rect lr = r;
    lr.h = r.h - 4;
    char *title = xasprintf(_("Thema's van de laatste 8 weken (%zu), tegen de 8 weken ervoor"),
                            p->now.n);
    draw_title(lr.y, lr.x, lr.w, title, true);
    free(title);
    struct trow_ctx c = {.p = p, .widths = {0, 18, 4, 6, 10}};
    int used = 4 + 18 + 4 + 6 + 10;
    c.widths[0] = lr.w - used > 10 ? lr.w - used : 10;
    const char *heads[] = {_("gebied"), _("thema"), _("  nu"), _("ervoor"), _("trend")};
    list_cells(lr.y + 1, lr.x, lr.w, heads, c.widths, 5, TH_HEADER);
    p->list_r = (struct rect){lr.y + 2, lr.x, lr.h - 2, lr.w};
    if (p->now.n == 0)
        draw_text(lr.y + 2, lr.x + 1, lr.w - 1,
                  _("Geen terugkerende thema's: niets kwam twee keer of vaker voor."), TH_DIM,
                  false);
    else
        list_draw(&p->l, p->list_r, draw_row, &c);
    struct rect dr = {r.y + lr.h, r.x, r.h - lr.h, r.w};
    draw_title(dr.y, dr.x, dr.w, _("Signalen en casussen bij dit thema"), false);
    if (p->now.n)
        draw_wrap((struct rect){dr.y + 1, dr.x + 1, dr.h - 1, dr.w - 2}, 0,
                  p->now.items[p->l.sel].ids, TH_NORMAL);
}

bool themes_pane_key(struct themes_pane *p, int key)
{
    return list_key(&p->l, key);
}

void themes_pane_action(struct themes_pane *p, struct ui *u)
{
    if (!p->now.n || !ui_may_write(u))
        return;
    const struct theme *t = &p->now.items[p->l.sel];
    /* The ids as a readable list, cut short where a theme has very many. */
    struct buf ids = {0};
    for (const char *c = t->ids; *c && ids.len < 600; c++) {
        if (*c == ';')
            buf_puts(&ids, ", ");
        else
            buf_putc(&ids, *c);
    }
    if (ids.len >= 600)
        buf_puts(&ids, " …");
    char *text = xasprintf(_("Samen oppakken: %s in %s (%s)"), t->tag, t->area,
                           ids.data ? ids.data : "");
    buf_fini(&ids);
    ui_new_action(u, NULL, text, NULL);
    free(text);
}

void themes_pane_project(struct themes_pane *p, struct ui *u)
{
    if (!p->now.n || !ui_may_write(u))
        return;
    const struct theme *t = &p->now.items[p->l.sel];
    ui_new_project(u, t->tag, t->area, t->ids);
}

void themes_pane_click(struct themes_pane *p, int y)
{
    list_click(&p->l, p->list_r, y);
}

void themes_pane_reload(struct themes_pane *p)
{
    p->loaded = false;
}

void themes_pane_fini(struct themes_pane *p)
{
    themes_fini(&p->now);
    free(p->before);
    p->before = NULL;
}
