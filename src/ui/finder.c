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
    /* A member is named by the label; their id is not for the screen. */
    const char *cells[] = {ui_kind_label(h.kind), h.kind == WT_MEMBERS ? "" : h.id, h.label};
    const int widths[] = {10, 12, 0};
    list_cells(y, x, w, cells, widths, 3, sel ? TH_SEL : TH_NORMAL);
}

/* The search as a layer over the screen. */
struct finding {
    struct ui_layer l;
    struct meeting_search *s;
    struct lineedit e;
    struct list list;
    bool done; /* the search has been through everything */
};

static void finder_draw(struct ui_layer *l, struct ui *u)
{
    struct finding *f = (struct finding *)l;
    if (u->too_small)
        return;
    struct rect r = u->content;
    draw_box(r, _("Zoeken (Enter: openen, Esc: terug)"));
    char *count = xasprintf(f->done ? _("%zu gevonden") : _("%zu gevonden, zoekt nog..."),
                            meeting_search_nhits(f->s));
    int cw = draw_width(count) + 2;
    draw_text(r.y + 1, r.x + r.w - cw - 1, cw, count, TH_DIM, true);
    free(count);
    const char *cells[] = {_("soort"), _("id"), _("omschrijving")};
    const int widths[] = {10, 12, 0};
    list_cells(r.y + 2, r.x + 1, r.w - 2, cells, widths, 3, TH_HEADER);
    f->list.n = meeting_search_nhits(f->s);
    struct row_ctx c = {f->s};
    list_draw(&f->list, (struct rect){r.y + 3, r.x + 1, r.h - 4, r.w - 2}, draw_hit, &c);
    int pw = draw_text(r.y + 1, r.x + 2, 10, _("Zoek:"), TH_TITLE, false) + 1;
    lineedit_draw(&f->e, r.y + 1, r.x + 2 + pw, r.w - pw - cw - 5, true);
}

static int finder_wait(struct ui_layer *l, struct ui *u)
{
    (void)u;
    return ((struct finding *)l)->done ? 1000 : 0;
}

/* The rest of the search, a slice at a time while no key comes. */
static bool finder_idle(struct ui_layer *l, struct ui *u)
{
    struct finding *f = (struct finding *)l;
    if (f->done)
        return false;
    double t0 = ui_now();
    f->done = step_for(f->s, 0.004, (size_t)-1);
    ui_log_timing(u, "search-idle", 0, t0);
    return true;
}

static void finder_key(struct ui_layer *l, struct ui *u, int key)
{
    struct finding *f = (struct finding *)l;
    double t0 = ui_now();
    if (key == UI_ESC && !f->e.pasting) {
        l->done = true;
        return;
    }
    if (ui_key_enter(key) && !f->e.pasting) {
        if (f->list.n) {
            struct meeting_hit h = meeting_search_hit(f->s, f->list.sel);
            char id[WT_MAX_ID + 1];
            snprintf(id, sizeof id, "%s", h.id);
            ui_goto(u, ui_item_of(h.kind), h.kind, id);
            l->done = true;
        }
        return;
    }
    if (key == UI_KEY(KEY_MOUSE)) {
        MEVENT ev;
        struct rect lr = {u->content.y + 3, 1, u->content.h - 4, COLS - 2};
        if (getmouse(&ev) == OK && (ev.bstate & BUTTON1_PRESSED))
            list_click(&f->list, lr, ev.y);
        return;
    }
    if (!f->e.pasting && list_key(&f->list, key))
        return;
    char *before = lineedit_text(&f->e);
    lineedit_key(&f->e, key);
    char *after = lineedit_text(&f->e);
    if (strcmp(before, after) != 0) {
        meeting_search_start(f->s, after);
        f->list.sel = f->list.top = 0;
        size_t want = (size_t)(f->list.height > 0 ? f->list.height : LINES);
        f->done = step_for(f->s, 0.003, want);
        ui_refresh(u);
        ui_log_timing(u, "search", key, t0);
    }
    free(before);
    free(after);
}

void finder_run(struct ui *u)
{
    u->modal = true;
    if (!prepare(u))
        return;
    struct finding f = {.l = {.draw = finder_draw, .key = finder_key, .idle = finder_idle,
                              .wait_ms = finder_wait},
                        .s = u->finder->s, .done = true};
    lineedit_init(&f.e, "");
    meeting_search_start(f.s, "");
    ui_layer_run(u, &f.l);
    lineedit_fini(&f.e);
    curs_set(0);
}
