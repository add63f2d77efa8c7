/* finder.c: the search overlay: results while typing, a slice of the search per key, the rest idle. */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/i18n.h"

struct finder {
    struct meeting_search *s;
    unsigned long gen;
};

void finder_free(struct finder *f)
{
    if (!f)
        return;
    meeting_search_free(f->s);
    free(f);
}

/* The index over what the member may see now (again after writes, or when
 * the beamer changes what may be shown). */
static bool prepare(struct ui *u)
{
    if (!u->finder)
        u->finder = xcalloc(1, sizeof *u->finder);
    struct finder *f = u->finder;
    if (f->s && f->gen == u->gen)
        return true;
    ui_message(u, false, _("Zoeken wordt voorbereid..."));
    ui_refresh(u);
    meeting_search_free(f->s);
    f->s = NULL;
    struct wt_error err = {0};
    double t0 = ui_now();
    if (meeting_search_new(u->a, &f->s, &err) != 0) {
        ui_error(u, &err);
        return false;
    }
    ui_log_timing(u, "search-index", 0, t0);
    f->gen = u->gen;
    u->msg[0] = '\0';
    return true;
}

/* Searches for at most secs, or less once the visible rows are filled. */
static bool step_for(struct meeting_search *s, double secs, size_t want)
{
    double end = ui_now() + secs;
    bool done;
    do
        done = meeting_search_step(s, 1000);
    while (!done && ui_now() < end && meeting_search_nhits(s) < want);
    return done;
}

struct row_ctx {
    struct meeting_search *s;
};

static void draw_hit(void *ctx, size_t i, int y, int x, int w, bool sel)
{
    struct row_ctx *c = ctx;
    struct meeting_hit h = meeting_search_hit(c->s, i);
    const char *cells[] = {ui_kind_label(h.kind), h.id, h.label};
    const int widths[] = {10, 12, 0};
    list_cells(y, x, w, cells, widths, 3, sel ? TH_SEL : TH_NORMAL);
}

static int item_of(enum wt_kind kind)
{
    switch (kind) {
    case WT_ACTIONS: return MEETING_ACTIONS;
    case WT_SIGNALS: return MEETING_SIGNALS;
    case WT_RESOURCES:
    case WT_TALENTS: return MEETING_NETWORK;
    default: return MEETING_CASES;
    }
}

static void draw_finder(struct ui *u, struct lineedit *e, struct list *l, bool done)
{
    ui_draw(u);
    if (u->too_small)
        return;
    struct meeting_search *s = u->finder->s;
    struct rect r = u->content;
    draw_box(r, _("Zoeken (Enter: openen, Esc: terug)"));
    char *count = xasprintf(done ? _("%zu gevonden") : _("%zu gevonden, zoekt nog..."),
                            meeting_search_nhits(s));
    int cw = draw_width(count) + 2;
    draw_text(r.y + 1, r.x + r.w - cw - 1, cw, count, TH_DIM, true);
    free(count);
    const char *cells[] = {_("soort"), _("id"), _("omschrijving")};
    const int widths[] = {10, 12, 0};
    list_cells(r.y + 2, r.x + 1, r.w - 2, cells, widths, 3, TH_HEADER);
    l->n = meeting_search_nhits(s);
    struct row_ctx c = {s};
    list_draw(l, (struct rect){r.y + 3, r.x + 1, r.h - 4, r.w - 2}, draw_hit, &c);
    int pw = draw_text(r.y + 1, r.x + 2, 10, _("Zoek:"), TH_TITLE, false) + 1;
    lineedit_draw(e, r.y + 1, r.x + 2 + pw, r.w - pw - cw - 5, true);
}

void finder_run(struct ui *u)
{
    u->modal = true;
    if (!prepare(u))
        return;
    struct meeting_search *s = u->finder->s;
    struct lineedit e;
    lineedit_init(&e, "");
    struct list l = {0};
    meeting_search_start(s, "");
    bool done = true;
    for (;;) {
        draw_finder(u, &e, &l, done);
        refresh();
        int key;
        if (!term_read_key(done ? 1000 : 0, &key)) {
            if (!done) {
                double t0 = ui_now();
                done = step_for(s, 0.004, (size_t)-1);
                ui_log_timing(u, "search-idle", 0, t0);
            }
            continue;
        }
        double t0 = ui_now();
        if (key == UI_ESC && !e.pasting)
            break;
        if (ui_key_enter(key) && !e.pasting) {
            if (l.n) {
                struct meeting_hit h = meeting_search_hit(s, l.sel);
                char id[WT_MAX_ID + 1];
                snprintf(id, sizeof id, "%s", h.id);
                ui_goto(u, item_of(h.kind), h.kind, id);
                break;
            }
            continue;
        }
        if (key == UI_KEY(KEY_MOUSE)) {
            MEVENT ev;
            struct rect lr = {u->content.y + 3, 1, u->content.h - 4, COLS - 2};
            if (getmouse(&ev) == OK && (ev.bstate & BUTTON1_PRESSED))
                list_click(&l, lr, ev.y);
            continue;
        }
        if (!e.pasting && list_key(&l, key))
            continue;
        char *before = lineedit_text(&e);
        lineedit_key(&e, key);
        char *after = lineedit_text(&e);
        if (strcmp(before, after) != 0) {
            meeting_search_start(s, after);
            l.sel = l.top = 0;
            size_t want = (size_t)(l.height > 0 ? l.height : LINES);
            done = step_for(s, 0.003, want);
            draw_finder(u, &e, &l, done);
            refresh();
            ui_log_timing(u, "search", key, t0);
        }
        free(before);
        free(after);
    }
    lineedit_fini(&e);
    curs_set(0);
}
