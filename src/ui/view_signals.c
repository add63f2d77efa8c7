/* view_signals.c: item 3, Signalen uit de wijk: list, quick entry, status, link to a case, themes, rounds. */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/i18n.h"

struct signals {
    struct view v;
    struct rows rows;
    struct ui_sources src; /* partners, to show a source that names one by name */
    size_t *idx, nidx;
    struct list l;
    bool all, loaded;
    struct rect list_r;
    bool themes;            /* the Thema's pane instead of the list */
    struct themes_pane tp;
    bool rounds;            /* the Rondes pane instead of the list */
    struct rounds_pane rp;
};

/* qsort_r order of row indexes (ctx: the rows): newest first. */
static int by_date(const void *a, const void *b, void *ctx)
{
    const struct rows *rows = ctx;
    const struct wt_record *x = &rows->r[*(const size_t *)a];
    const struct wt_record *y = &rows->r[*(const size_t *)b];
    int c = strcmp(record_get(y, SIGNAL_DATE), record_get(x, SIGNAL_DATE));
    return c ? c : strcmp(y->v[0], x->v[0]);
}

static const struct wt_record *selected(const struct signals *s)
{
    return s->nidx ? &s->rows.r[s->idx[s->l.sel]] : NULL;
}

static void load(struct signals *s)
{
    const struct wt_record *cur = selected(s);
    char *keep = cur ? xstrdup(cur->v[0]) : NULL;
    struct wt_error err = {0};
    if (rows_load(&s->rows, s->v.u->a, WT_SIGNALS, &err) != 0)
        ui_error(s->v.u, &err);
    ui_sources_fini(&s->src);
    ui_sources_load(s->v.u, &s->src);
    free(s->idx);
    s->idx = xmalloc((s->rows.n + 1) * sizeof *s->idx);
    s->nidx = 0;
    for (size_t i = 0; i < s->rows.n; i++)
        if (s->all || strcmp(record_get(&s->rows.r[i], SIGNAL_STATUS), "closed") != 0 ||
            (keep && strcmp(s->rows.r[i].v[0], keep) == 0))
            s->idx[s->nidx++] = i;
    qsort_r(s->idx, s->nidx, sizeof *s->idx, by_date, &s->rows);
    s->l.n = s->nidx;
    size_t pos;
    if (keep && rows_find(&s->rows, s->idx, s->nidx, keep, &pos))
        s->l.sel = pos;
    list_clamp(&s->l);
    free(keep);
    s->loaded = true;
}

struct row_ctx {
    struct signals *s;
    int widths[8];
};

static void draw_row(void *ctx, size_t i, int y, int x, int w, bool sel)
{
    struct row_ctx *c = ctx;
    struct signals *s = c->s;
    const struct wt_record *r = &s->rows.r[s->idx[i]];
    char *text = ui_show(s->v.u, record_get(r, SIGNAL_TEXT));
    char *source = ui_show(s->v.u, ui_source_shown(&s->src, r->v[SIGNAL_SOURCE]));
    const char *st = record_get(r, SIGNAL_STATUS);
    char day[DATE_SHOW_MAX];
    const char *cells[] = {strcmp(st, "new") == 0 ? "*" : "", r->v[0],
                           ui_date(s->v.u, r->v[SIGNAL_DATE], DATE_LIST, day), ui_last_part(record_get(r, SIGNAL_AREA)),
                           text, source, ui_signal_status(st), record_get(r, SIGNAL_CASE)};
    list_cells(y, x, w, cells, c->widths, 8, sel ? TH_SEL : TH_NORMAL);
    free(text);
    free(source);
}

static void draw_detail(struct signals *s, struct rect r)
{
    draw_title(r.y, r.x, r.w, _("Signaal"), false);
    const struct wt_record *g = selected(s);
    if (!g) {
        draw_text(r.y + 1, r.x + 1, r.w - 1, _("Geen signalen. n: nieuw signaal"), TH_DIM,
                  false);
        return;
    }
    struct ui *u = s->v.u;
    struct rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
    int lw = 12, y = in.y;
    char *text = ui_show(u, record_get(g, SIGNAL_TEXT));
    char *source = ui_show(u, ui_source_shown(&s->src, g->v[SIGNAL_SOURCE]));
    char *area = ui_show(u, record_get(g, SIGNAL_AREA));
    char list[WT_MAX_FIELD_BYTES + 1];
    char *themes = ui_show(u, words_list(NULL, g->v[SIGNAL_THEMES], list, sizeof list));
    char day[DATE_SHOW_MAX];
    char *head = xasprintf("%s  %s  %s", g->v[0], ui_date(u, g->v[SIGNAL_DATE], DATE_DAY, day),
                           ui_signal_status(record_get(g, SIGNAL_STATUS)));
    y = draw_field(in, y, _("Signaal"), head, lw);
    y = draw_field(in, y, _("Wat"), text, lw);
    y = draw_field(in, y, _("Wijk"), area, lw);
    y = draw_field(in, y, _("Bron"), source, lw);
    y = draw_field(in, y, _("Thema's"), themes, lw);
    y = draw_field(in, y, _("Casus"), record_get(g, SIGNAL_CASE), lw);
    draw_field(in, y, _("Gemeld door"), ui_member_name(u, g->v[SIGNAL_REPORTER]), lw);
    free(head);
    free(text);
    free(source);
    free(area);
    free(themes);
}

static void signals_draw(struct view *v, struct rect r)
{
    struct signals *s = (struct signals *)v;
    if (s->themes) {
        themes_pane_draw(&s->tp, v->u, r);
        return;
    }
    if (s->rounds) {
        rounds_pane_draw(&s->rp, v->u, r);
        return;
    }
    if (!s->loaded)
        load(s);
    bool wide = r.w >= UI_WIDE_COLS;
    struct rect lr = r, dr;
    if (wide) {
        lr.w = r.w * 3 / 5;
        dr = (struct rect){r.y, r.x + lr.w + 1, r.h, r.w - lr.w - 1};
    } else {
        lr.h = r.h - 8;
        dr = (struct rect){r.y + lr.h, r.x, r.h - lr.h, r.w};
    }
    char *title = xasprintf(s->all ? _("Alle signalen (%zu)   m: thema's  r: rondes")
                                   : _("Signalen, zonder gesloten (%zu)   m: thema's  r: rondes"),
                            s->nidx);
    draw_title(lr.y, lr.x, lr.w, title, true);
    free(title);
    struct row_ctx c = {.s = s};
    /* Ids (the signal's and its case's) as wide as the widest: never cut. */
    const char *heads[] = {"", _("id"), _("datum"), _("wijk"), _("wat"), _("bron"),
                           _("status"), _("casus")};
    /* Left out first: the case, then the source. */
    const struct ui_col cols[] = {
        {.want = 1},
        {.head = heads[1], .want = ui_rows_width(&s->rows, s->idx, s->nidx, SIGNAL_ID, 2)},
        {.head = heads[2], .want = 10},
        {.head = heads[3], .want = lr.w < 100 ? 9 : 12},
        {.head = heads[4]},
        {.head = heads[5], .want = lr.w < 100 ? 8 : 11, .drop = 1},
        {.head = heads[6], .want = 9},
        {.head = heads[7], .want = ui_rows_width(&s->rows, s->idx, s->nidx, SIGNAL_CASE, 5),
         .drop = 2}};
    ui_fit_columns(cols, 8, 4, 20, lr.w, c.widths);
    list_cells(lr.y + 1, lr.x, lr.w, heads, c.widths, 8, TH_HEADER);
    s->list_r = (struct rect){lr.y + 2, lr.x, lr.h - 2, lr.w};
    list_draw(&s->l, s->list_r, draw_row, &c);
    draw_detail(s, dr);
}

static void set_status(struct signals *s)
{
    const struct wt_record *g = selected(s);
    if (!g || !ui_may_write(s->v.u))
        return;
    static const char *const values[] = {"new", "discussed", "taken-up", "closed"};
    const char *labels[4];
    for (int i = 0; i < 4; i++)
        labels[i] = ui_signal_status(values[i]);
    static const int letters[] = {'n', 'b', 'o', 'g'};
    int cur = 0;
    for (int i = 0; i < 4; i++)
        if (strcmp(values[i], record_get(g, SIGNAL_STATUS)) == 0)
            cur = i;
    char id[WT_MAX_ID + 1];
    snprintf(id, sizeof id, "%s", g->v[0]);
    char *name = app_record_name(s->v.u->a, WT_SIGNALS, id);
    char *title = xasprintf(_("Status van %s"), name);
    int k = dialog_menu(s->v.u, title, labels, letters, 4, cur);
    free(title);
    struct wt_error err = {0};
    if (k >= 0 && meeting_signal_status(s->v.u->a, id, values[k], &err) != 0) {
        ui_error(s->v.u, &err);
    } else if (k >= 0) {
        ui_changed(s->v.u);
        if (!ui_queued(s->v.u, WT_SIGNALS))
            ui_message(s->v.u, false, _("%s: %s"), name, labels[k]);
    }
    free(name);
}

static void link_case(struct signals *s)
{
    const struct wt_record *g = selected(s);
    if (!g || !ui_may_write(s->v.u))
        return;
    char id[WT_MAX_ID + 1];
    snprintf(id, sizeof id, "%s", g->v[0]);
    char *in = dialog_input(s->v.u, _("Koppelen aan casus (id, leeg = los):"),
                            record_get(g, SIGNAL_CASE));
    if (!in)
        return;
    struct wt_error err = {0};
    if (meeting_signal_link(s->v.u->a, id, in, &err) != 0) {
        ui_error(s->v.u, &err);
    } else {
        ui_changed(s->v.u);
        char *name = app_record_name(s->v.u->a, WT_SIGNALS, id);
        char *c = *in ? app_record_name(s->v.u->a, WT_CASES, in) : NULL;
        if (c)
            ui_message(s->v.u, false, _("%s hoort nu bij %s"), name, c);
        else
            ui_message(s->v.u, false, _("%s hoort niet meer bij een casus"), name);
        free(c);
        free(name);
    }
    free(in);
}

enum { MODE_LIST, MODE_THEMES, MODE_ROUNDS, MODE_DOORS, MODE_COUNT };

static int signals_mode(const struct view *v)
{
    const struct signals *s = (const struct signals *)v;
    if (s->rounds)
        return s->rp.doors ? MODE_DOORS : MODE_ROUNDS;
    return s->themes ? MODE_THEMES : MODE_LIST;
}

/* The list keys of the list, or of the pane shown. */
static bool signals_key(struct view *v, int key)
{
    struct signals *s = (struct signals *)v;
    if (s->rounds)
        return rounds_pane_key(&s->rp, v->u, key);
    if (s->themes)
        return themes_pane_key(&s->tp, key);
    return list_key(&s->l, key);
}

static void key_themes(struct view *v, int key)
{
    (void)key;
    struct signals *s = (struct signals *)v;
    s->themes = !s->themes;
    s->rounds = false;
}

static void key_rounds(struct view *v, int key)
{
    (void)key;
    struct signals *s = (struct signals *)v;
    s->rounds = !s->rounds;
    s->themes = false;
}

static void key_in_rounds(struct view *v, int key)
{
    rounds_pane_act(&((struct signals *)v)->rp, v->u, key);
}

static void key_leave_rounds(struct view *v, int key)
{
    (void)key;
    ((struct signals *)v)->rounds = false;
}

static void key_theme_action(struct view *v, int key)
{
    (void)key;
    themes_pane_action(&((struct signals *)v)->tp, v->u);
}

static void key_theme_project(struct view *v, int key)
{
    (void)key;
    themes_pane_project(&((struct signals *)v)->tp, v->u);
}

static void key_new(struct view *v, int key)
{
    (void)key;
    ui_new_record(v->u, WT_SIGNALS);
}

static void key_edit(struct view *v, int key)
{
    (void)key;
    const struct wt_record *g = selected((struct signals *)v);
    if (g)
        ui_edit_record(v->u, g);
}

static void key_status(struct view *v, int key)
{
    (void)key;
    set_status((struct signals *)v);
}

static void key_link(struct view *v, int key)
{
    (void)key;
    link_case((struct signals *)v);
}

static void key_all(struct view *v, int key)
{
    (void)key;
    struct signals *s = (struct signals *)v;
    s->all = !s->all;
    load(s);
}

static void key_case(struct view *v, int key)
{
    (void)key;
    const struct wt_record *g = selected((struct signals *)v);
    if (g && g->v[SIGNAL_CASE]) {
        char id[WT_MAX_ID + 1];
        snprintf(id, sizeof id, "%s", g->v[SIGNAL_CASE]);
        ui_goto(v->u, MEETING_CASES, WT_CASES, id);
    }
}

#define M_LIST (1u << MODE_LIST)
#define M_THEMES (1u << MODE_THEMES)
#define M_ROUNDS (1u << MODE_ROUNDS)
#define M_DOORS (1u << MODE_DOORS)

static const struct ui_key keys[] = {
    {.key = 'n', .fn = 2, .label = N_("Nieuw"), .modes = M_LIST | M_THEMES,
     .help = N_("nieuw signaal (datum vandaag, uw wijk; Enter bewaart)"), .run = key_new},
    {.key = 'e', .fn = 4, .label = N_("Bewerk"), .modes = M_LIST,
     .help = N_("signaal bewerken"), .run = key_edit},
    {.key = 't', .fn = 5, .label = N_("Status"), .modes = M_LIST,
     .help = N_("status: nieuw, besproken, opgepakt, gesloten"), .run = key_status},
    {.key = 'l', .fn = 6, .label = N_("Koppel"), .modes = M_LIST,
     .help = N_("koppelen aan een casus (leeg: loskoppelen)"), .run = key_link},
    {.key = 'm', .fn = 7, .label = N_("Thema's"), .modes = M_LIST | M_THEMES | M_ROUNDS,
     .help = N_("thema's: terugkerende vragen per wijk, 8 weken tegen de 8 ervoor"),
     .run = key_themes},
    {.key = 'h', .fn = 8, .label = N_("Alles"), .modes = M_LIST,
     .help = N_("ook gesloten signalen tonen, of niet"), .run = key_all},
    {.key = '\r', .modes = M_LIST, .help = N_("naar de gekoppelde casus"), .run = key_case},
    {.key = 'a', .modes = M_THEMES,
     .help = N_("een actiepunt om het thema samen op te pakken"), .run = key_theme_action},
    {.key = 'p', .modes = M_THEMES, .help = N_("het thema wordt een project (fase idee)"),
     .run = key_theme_project},
    {.key = 'r', .help = N_("rondes door de wijk (wijkscan, Bakkie in de Wijk), of terug"),
     .run = key_rounds},
    {.key = 'n', .fn = 2, .label = N_("Nieuw"), .modes = M_ROUNDS, .help = N_("nieuwe ronde"),
     .run = key_in_rounds},
    {.key = 'e', .fn = 4, .label = N_("Bewerk"), .modes = M_ROUNDS,
     .help = N_("ronde bewerken"), .run = key_in_rounds},
    {.key = '\r', .alt = UI_KEY(KEY_RIGHT), .modes = M_ROUNDS,
     .help = N_("naar de deuren van de ronde"), .run = key_in_rounds},
    {.key = UI_ESC, .modes = M_ROUNDS, .help = N_("terug naar de signalen"),
     .run = key_leave_rounds},
    {.key = 'n', .fn = 2, .label = N_("Nieuw"), .modes = M_DOORS,
     .help = N_("een deur die openging"), .run = key_in_rounds},
    {.key = 'x', .modes = M_DOORS, .help = N_("een deur die niet openging"),
     .run = key_in_rounds},
    {.key = 'e', .alt = '\r', .fn = 4, .label = N_("Bewerk"), .modes = M_DOORS,
     .help = N_("deur bewerken"), .run = key_in_rounds},
    {.key = 's', .modes = M_DOORS, .help = N_("de bevinding wordt een signaal"),
     .run = key_in_rounds},
    {.key = 'c', .modes = M_DOORS, .help = N_("de bevinding wordt een casus"),
     .run = key_in_rounds},
    {.key = 't', .modes = M_DOORS, .help = N_("de bevinding wordt een talent"),
     .run = key_in_rounds},
    {.key = UI_ESC, .alt = UI_KEY(KEY_LEFT), .modes = M_DOORS,
     .help = N_("terug naar de rondes"), .run = key_in_rounds},
    {0}};

static void signals_click(struct view *v, int y, int x)
{
    (void)x;
    struct signals *s = (struct signals *)v;
    if (s->themes)
        themes_pane_click(&s->tp, y);
    else if (s->rounds)
        rounds_pane_click(&s->rp, y);
    else
        list_click(&s->l, s->list_r, y);
}

static void signals_reload(struct view *v)
{
    /* Lazily: loaded again when shown. */
    ((struct signals *)v)->loaded = false;
    themes_pane_reload(&((struct signals *)v)->tp);
    rounds_pane_reload(&((struct signals *)v)->rp);
}

static bool signals_select(struct view *v, enum wt_kind kind, const char *id, int pane)
{
    (void)pane;
    struct signals *s = (struct signals *)v;
    if (kind != WT_SIGNALS || !id || !*id)
        return false;
    s->themes = false;
    s->rounds = false;
    if (!s->loaded)
        load(s);
    size_t pos;
    if (!rows_find(&s->rows, s->idx, s->nidx, id, &pos)) {
        s->all = true;
        load(s);
        if (!rows_find(&s->rows, s->idx, s->nidx, id, &pos))
            return false;
    }
    s->l.sel = pos;
    list_clamp(&s->l);
    return true;
}

static void signals_selection(const struct view *v, struct meeting_wall *w)
{
    const struct wt_record *g = selected((const struct signals *)v);
    w->kind = WT_SIGNALS;
    snprintf(w->id, sizeof w->id, "%s", g ? g->v[0] : "");
}

static void signals_resize(struct view *v, struct rect r)
{
    (void)r;
    list_clamp(&((struct signals *)v)->l);
    list_clamp(&((struct signals *)v)->tp.l);
    list_clamp(&((struct signals *)v)->rp.l);
}

static void signals_free(struct view *v)
{
    struct signals *s = (struct signals *)v;
    rows_free(&s->rows);
    ui_sources_fini(&s->src);
    themes_pane_fini(&s->tp);
    rounds_pane_fini(&s->rp);
    free(s->idx);
    free(s);
}

static const struct view_ops ops = {
    .title = N_("Signalen"),
    .keys = keys,
    .mode = signals_mode,
    .nmodes = MODE_COUNT,
    .draw = signals_draw,
    .key = signals_key,
    .resize = signals_resize,
    .click = signals_click,
    .reload = signals_reload,
    .select = signals_select,
    .selection = signals_selection,
    .free = signals_free,
};

struct view *view_signals_new(struct ui *u)
{
    struct signals *s = xcalloc(1, sizeof *s);
    s->v.ops = &ops;
    s->v.u = u;
    return &s->v;
}
