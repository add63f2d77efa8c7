/* view_actions.c: item 1, Actiepunten: open actions of earlier meetings: done, move, drop. */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"

struct actions {
    struct view v;
    struct rows rows;
    size_t *idx, nidx;
    struct list l;
    bool all;       /* every action, also closed ones of earlier meetings */
    bool loaded;
    char **touched; /* changed in this session: stay in the list */
    size_t ntouched;
    struct rect list_r;
};

static const struct keyhelp legend[] = {
    {"[!]", N_("de datum is voorbij")},
    {NULL, NULL}};

static bool touched(const struct actions *s, const char *id)
{
    for (size_t i = 0; i < s->ntouched; i++)
        if (strcmp(s->touched[i], id) == 0)
            return true;
    return false;
}

static void touch(struct actions *s, const char *id)
{
    if (touched(s, id))
        return;
    s->touched = xrealloc(s->touched, (s->ntouched + 1) * sizeof *s->touched);
    s->touched[s->ntouched++] = xstrdup(id);
}

/* qsort_r order of row indexes (ctx: the rows): by due date (none last), then id, so that a
 * row does not jump when its status changes. */
static int by_due(const void *a, const void *b, void *ctx)
{
    const struct rows *rows = ctx;
    const struct wt_record *x = &rows->r[*(const size_t *)a];
    const struct wt_record *y = &rows->r[*(const size_t *)b];
    const char *dx = record_get(x, ACTION_DUE), *dy = record_get(y, ACTION_DUE);
    if (!*dx != !*dy)
        return *dx ? -1 : 1;
    int c = strcmp(dx, dy);
    return c ? c : strcmp(x->v[0], y->v[0]);
}

static const char *selected_id(const struct actions *s)
{
    return s->nidx ? s->rows.r[s->idx[s->l.sel]].v[0] : NULL;
}

static void load(struct actions *s)
{
    char *keep = selected_id(s) ? xstrdup(selected_id(s)) : NULL;
    struct wt_error err = {0};
    if (rows_load(&s->rows, s->v.u->a, WT_ACTIONS, &err) != 0)
        ui_error(s->v.u, &err);
    char today[11];
    date_format(app_day(s->v.u->a), today);
    free(s->idx);
    s->idx = xcalloc(s->rows.n + 1, sizeof *s->idx);
    s->nidx = 0;
    for (size_t i = 0; i < s->rows.n; i++) {
        const struct wt_record *r = &s->rows.r[i];
        bool open = strcmp(record_get(r, ACTION_STATUS), "open") == 0;
        if (s->all || open || strcmp(record_get(r, ACTION_MEETING), today) == 0 ||
            touched(s, r->v[0]))
            s->idx[s->nidx++] = i;
    }
    qsort_r(s->idx, s->nidx, sizeof *s->idx, by_due, &s->rows);
    s->l.n = s->nidx;
    size_t pos;
    if (keep && rows_find(&s->rows, s->idx, s->nidx, keep, &pos))
        s->l.sel = pos;
    list_clamp(&s->l);
    free(keep);
    s->loaded = true;
}

static bool overdue(const struct actions *s, const struct wt_record *r)
{
    int32_t due;
    return strcmp(record_get(r, ACTION_STATUS), "open") == 0 && r->v[ACTION_DUE] &&
           date_parse(r->v[ACTION_DUE], &due) == 0 && due < app_day(s->v.u->a);
}

struct row_ctx {
    struct actions *s;
    int widths[7];
    int n;
};

static void draw_row(void *ctx, size_t i, int y, int x, int w, bool sel)
{
    struct row_ctx *c = ctx;
    struct actions *s = c->s;
    const struct wt_record *r = &s->rows.r[s->idx[i]];
    char *text = ui_show(s->v.u, record_get(r, ACTION_TEXT));
    const char *status = ui_action_status(record_get(r, ACTION_STATUS));
    char st[32], due[DATE_SHOW_MAX];
    snprintf(st, sizeof st, "%s%s", strcmp(record_get(r, ACTION_STATUS), "open") ? "[x] " : "",
             status);
    const char *cells[] = {overdue(s, r) ? "[!]" : "", r->v[0], text,
                           ui_member_name(s->v.u, r->v[ACTION_OWNER]),
                           ui_date(s->v.u, r->v[ACTION_DUE], DATE_LIST, due), st,
                           record_get(r, ACTION_CASE)};
    list_cells(y, x, w, cells, c->widths, c->n, sel ? TH_SEL : TH_NORMAL);
    free(text);
}

static void draw_detail(struct actions *s, struct rect r)
{
    draw_title(r.y, r.x, r.w, _("Actiepunt"), false);
    if (!s->nidx) {
        draw_text(r.y + 1, r.x + 1, r.w - 1, _("Geen open actiepunten. a: nieuw actiepunt"),
                  TH_DIM, false);
        return;
    }
    const struct wt_record *a = &s->rows.r[s->idx[s->l.sel]];
    struct rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
    int lw = 12, y = in.y;
    char *text = ui_show(s->v.u, record_get(a, ACTION_TEXT));
    char *st = xasprintf("%s%s", ui_action_status(record_get(a, ACTION_STATUS)),
                         overdue(s, a) ? _("  [!] de datum is voorbij") : "");
    y = draw_field(in, y, _("Wat"), text, lw);
    y = draw_field(in, y, _("Wie"), ui_member_name(s->v.u, a->v[ACTION_OWNER]), lw);
    char due[DATE_SHOW_MAX], met[DATE_SHOW_MAX];
    y = draw_field(in, y, _("Uiterlijk"), ui_date(s->v.u, a->v[ACTION_DUE], DATE_DAY, due), lw);
    y = draw_field(in, y, _("Status"), st, lw);
    y = draw_field(in, y, _("Overleg"), ui_date(s->v.u, a->v[ACTION_MEETING], DATE_DAY, met),
                   lw);
    draw_field(in, y, _("Casus"), record_get(a, ACTION_CASE), lw);
    free(st);
    free(text);
}

static void actions_draw(struct view *v, struct rect r)
{
    struct actions *s = (struct actions *)v;
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
    char *title = xasprintf(s->all ? _("Alle actiepunten (%zu)") : _("Open actiepunten (%zu)"),
                            s->nidx);
    draw_title(lr.y, lr.x, lr.w, title, true);
    free(title);
    struct row_ctx c = {.s = s, .n = 7};
    /* Ids (the action's and its case's) as wide as the widest: never cut. */
    const char *heads[] = {"", _("id"), _("wat"), _("wie"), _("uiterlijk"), _("status"),
                           _("casus")};
    const struct ui_col cols[] = {
        {.want = 3},
        {.head = heads[1], .want = ui_rows_width(&s->rows, s->idx, s->nidx, ACTION_ID, 2)},
        {.head = heads[2]},
        {.head = heads[3], .want = lr.w >= 100 ? 16 : 12},
        {.head = heads[4], .want = 10},
        {.head = heads[5], .want = 13},
        {.head = heads[6], .want = ui_rows_width(&s->rows, s->idx, s->nidx, ACTION_CASE, 5),
         .drop = 1}}; /* the case goes first */
    ui_fit_columns(cols, 7, 2, 20, lr.w, c.widths);
    list_cells(lr.y + 1, lr.x, lr.w, heads, c.widths, c.n, TH_HEADER);
    s->list_r = (struct rect){lr.y + 2, lr.x, lr.h - 2, lr.w};
    list_draw(&s->l, s->list_r, draw_row, &c);
    draw_detail(s, dr);
}

static void set_status(struct actions *s, const char *status)
{
    const char *id = selected_id(s);
    if (!id || !ui_may_write(s->v.u))
        return;
    struct wt_error err = {0};
    if (meeting_action_status(s->v.u->a, id, status, &err) != 0) {
        ui_error(s->v.u, &err);
        return;
    }
    touch(s, id);
    char *name = app_record_name(s->v.u->a, WT_ACTIONS, id);
    ui_changed(s->v.u);
    ui_message(s->v.u, false, _("%s: %s"), name, ui_action_status(status));
    free(name);
}

static void move_due(struct actions *s)
{
    const char *id = selected_id(s);
    if (!id || !ui_may_write(s->v.u))
        return;
    const struct wt_record *a = &s->rows.r[s->idx[s->l.sel]];
    int32_t due = app_day(s->v.u->a);
    if (a->v[ACTION_DUE] && date_parse(a->v[ACTION_DUE], &due) == 0 && due < app_day(s->v.u->a))
        due = app_day(s->v.u->a);
    char proposal[DATE_SHOW_MAX], shown[DATE_SHOW_MAX];
    date_show(due + 7, DATE_DAY, app_day(s->v.u->a), proposal);
    char *keep = xstrdup(id);
    char *in = dialog_input(s->v.u, _("Nieuwe datum (bijv. 18-12-2026, vrijdag, +7):"), proposal);
    int32_t d;
    struct wt_error err = {0};
    if (in && date_read(in, app_day(s->v.u->a), &d) != 0)
        ui_message(s->v.u, true, _("'%s' is geen datum; typ bijv. 18-12-2026, morgen of vrijdag"), in);
    else if (in && meeting_action_move(s->v.u->a, keep, d, &err) != 0)
        ui_error(s->v.u, &err);
    else if (in) {
        touch(s, keep);
        ui_changed(s->v.u);
        char *name = app_record_name(s->v.u->a, WT_ACTIONS, keep);
        ui_message(s->v.u, false, _("%s verzet naar %s"), name,
                   date_show(d, DATE_DAY, app_day(s->v.u->a), shown));
        free(name);
    }
    free(in);
    free(keep);
}

static const struct wt_record *current(const struct actions *s)
{
    return s->nidx ? &s->rows.r[s->idx[s->l.sel]] : NULL;
}

static void key_done(struct view *v, int key)
{
    (void)key;
    set_status((struct actions *)v, "done");
}

static void key_open(struct view *v, int key)
{
    (void)key;
    set_status((struct actions *)v, "open");
}

static void key_drop(struct view *v, int key)
{
    (void)key;
    struct actions *s = (struct actions *)v;
    const struct wt_record *a = current(s);
    if (a && ui_may_write(v->u)) {
        char *name = app_record_name(v->u->a, WT_ACTIONS, a->v[0]);
        char *q = xasprintf(_("Laten vervallen: %s?"), name);
        free(name);
        if (dialog_confirm(v->u, q))
            set_status(s, "dropped");
        free(q);
    }
}

static void key_move(struct view *v, int key)
{
    (void)key;
    move_due((struct actions *)v);
}

static void key_all(struct view *v, int key)
{
    (void)key;
    struct actions *s = (struct actions *)v;
    s->all = !s->all;
    load(s);
}

static void key_new(struct view *v, int key)
{
    (void)key;
    if (ui_may_write(v->u))
        ui_new_action(v->u, NULL, NULL, NULL);
}

static void key_edit(struct view *v, int key)
{
    (void)key;
    const struct wt_record *a = current((struct actions *)v);
    if (a)
        ui_edit_record(v->u, a);
}

static void key_case(struct view *v, int key)
{
    (void)key;
    const struct wt_record *a = current((struct actions *)v);
    if (a && a->v[ACTION_CASE]) {
        char id[WT_MAX_ID + 1];
        snprintf(id, sizeof id, "%s", a->v[ACTION_CASE]);
        ui_goto(v->u, MEETING_CASES, WT_CASES, id);
    }
}

/* A volunteer sees the actions they own; changing them is the team's. */
static bool may_change(struct view *v)
{
    return app_may(v->u->a, WT_ACTIONS, APP_OP_WRITE);
}

static const struct ui_key keys[] = {
    {.key = 'd', .fn = 5, .label = N_("Klaar"), .help = N_("actiepunt is klaar"),
     .when = may_change, .run = key_done},
    {.key = 'm', .fn = 6, .label = N_("Verzet"), .help = N_("verzetten naar een nieuwe datum"),
     .when = may_change, .run = key_move},
    {.key = 'x', .fn = 7, .label = N_("Vervalt"), .help = N_("actiepunt vervalt"),
     .when = may_change, .run = key_drop},
    {.key = 'o', .help = N_("weer open zetten"), .when = may_change, .run = key_open},
    {.key = 'h', .fn = 8, .label = N_("Alles"),
     .help = N_("ook afgehandelde actiepunten tonen, of niet"), .run = key_all},
    {.key = 'n', .fn = 2, .label = N_("Nieuw"), .help = N_("nieuw actiepunt"),
     .when = ui_may_new_action, .run = key_new},
    {.key = 'e', .fn = 4, .label = N_("Bewerk"), .help = N_("actiepunt bewerken"),
     .when = may_change, .run = key_edit},
    {.key = '\r', .help = N_("naar de casus van het actiepunt"), .run = key_case},
    {0}};

static bool actions_key(struct view *v, int key)
{
    return list_key(&((struct actions *)v)->l, key);
}

static void actions_click(struct view *v, int y, int x)
{
    (void)x;
    struct actions *s = (struct actions *)v;
    list_click(&s->l, s->list_r, y);
}

static void actions_reload(struct view *v)
{
    /* Lazily: loaded again when shown. */
    ((struct actions *)v)->loaded = false;
}

static bool actions_select(struct view *v, enum wt_kind kind, const char *id, int pane)
{
    (void)pane;
    struct actions *s = (struct actions *)v;
    if (kind != WT_ACTIONS || !id || !*id)
        return false;
    if (!s->loaded)
        load(s);
    size_t pos;
    if (!rows_find(&s->rows, s->idx, s->nidx, id, &pos)) {
        touch(s, id); /* a closed action: show it anyway */
        load(s);
        if (!rows_find(&s->rows, s->idx, s->nidx, id, &pos))
            return false;
    }
    s->l.sel = pos;
    list_clamp(&s->l);
    return true;
}

static void actions_selection(const struct view *v, struct meeting_wall *w)
{
    const struct actions *s = (const struct actions *)v;
    w->kind = WT_ACTIONS;
    const char *id = selected_id(s);
    snprintf(w->id, sizeof w->id, "%s", id ? id : "");
}

static void actions_resize(struct view *v, struct rect r)
{
    (void)r;
    list_clamp(&((struct actions *)v)->l);
}

static void actions_free(struct view *v)
{
    struct actions *s = (struct actions *)v;
    rows_free(&s->rows);
    free(s->idx);
    for (size_t i = 0; i < s->ntouched; i++)
        free(s->touched[i]);
    free(s->touched);
    free(s);
}

static const struct view_ops ops = {
    .title = N_("Actiepunten"),
    .keys = keys,
    .legend = legend,
    .draw = actions_draw,
    .key = actions_key,
    .resize = actions_resize,
    .click = actions_click,
    .reload = actions_reload,
    .select = actions_select,
    .selection = actions_selection,
    .free = actions_free,
};

struct view *view_actions_new(struct ui *u)
{
    struct actions *s = xcalloc(1, sizeof *s);
    s->v.ops = &ops;
    s->v.u = u;
    return &s->v;
}
