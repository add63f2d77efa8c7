/* view_cases.c: item 2, Casussen: the list (filter, sort), the selected case, its wellbeing options. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "view_cases_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"

static const struct keyhelp legend[] = {
    {"A", N_("afgeschermde casus: alleen eigenaar en leiders zien hem")},
    {"[gekozen]", N_("deze optie is al gekozen")},
    {NULL, NULL}};

/* Records the wellbeing measure of the selected case, at its start or at
 * closing: six scores 1-5 in the order of the domains ("-" for none). */
static void cases_measure(struct cases *s, struct ui *u)
{
    const char *sel = view_cases_selected_id(s);
    if (!sel || !ui_may_write(u))
        return;
    char id[WT_MAX_ID + 1];
    snprintf(id, sizeof id, "%s", sel);
    const char *labels[2] = {_("bij de start"), _("bij afsluiting")};
    static const int letters[2] = {'s', 'a'};
    char *name = app_record_name(u->a, WT_CASES, id);
    char *title = xasprintf(_("Welzijnsmeting: %s"), name);
    int k = dialog_menu(u, title, labels, letters, 2, 0);
    free(title);
    if (k < 0) {
        free(name);
        return;
    }
    enum measure_phase phase = k == 0 ? MEASURE_START : MEASURE_CLOSE;
    struct measure m;
    struct wt_error err = {0};
    if (app_measure_get(u->a, id, phase, &m, &err) != 0) {
        ui_error(u, &err);
        free(name);
        return;
    }
    char init[16];
    measure_format(&m, init);
    char *in = dialog_input(u, _("Scores 1-5 (- = geen):"), measure_empty(&m) ? "" : init);
    if (!in) {
        free(name);
        return;
    }
    if (measure_parse(in, &m) != 0)
        ui_message(u, true, _("Zes scores van 1 tot 5 of -, bijvoorbeeld 3 2 4 - 2 3"));
    else if (app_measure_set(u->a, id, phase, &m, &err) != 0)
        ui_error(u, &err);
    else {
        ui_changed(u); /* the detail shows it; the options learn from it */
        ui_message(u, false, _("Welzijnsmeting %s bewaard: %s"), labels[k], name);
    }
    free(in);
    free(name);
}

static void cases_draw(struct view *v, struct rect r)
{
    struct cases *s = (struct cases *)v;
    if (!s->loaded)
        view_cases_load(s);
    if (r.w >= 200) {
        /* Three side by side: the detail and the options a fifth each, the
         * list (and its request column) the rest, growing with the width. */
        int pw = r.w / 5, lw = r.w - 2 * pw - 2;
        struct rect lr = {r.y, r.x, r.h, lw};
        s->detail_r = (struct rect){r.y, r.x + lw + 1, r.h, pw};
        s->opts_r = (struct rect){r.y, r.x + lw + pw + 2, r.h, r.w - lw - pw - 2};
        view_cases_draw_list(s, lr);
        view_cases_draw_detail(s, s->detail_r, true);
        view_cases_draw_options(s, s->opts_r, true);
        return;
    }
    if (r.w >= UI_WIDE_COLS) {
        /* The list two thirds wide (a request column of 30 and more at 120),
         * the detail above the options beside it. */
        int lw = r.w * 2 / 3, dh = r.h / 2;
        struct rect lr = {r.y, r.x, r.h, lw};
        s->detail_r = (struct rect){r.y, r.x + lw + 1, dh, r.w - lw - 1};
        s->opts_r = (struct rect){r.y + dh, r.x + lw + 1, r.h - dh, r.w - lw - 1};
        view_cases_draw_list(s, lr);
        view_cases_draw_detail(s, s->detail_r, true);
        view_cases_draw_options(s, s->opts_r, true);
        return;
    }
    int lh = r.h * 2 / 5;
    view_cases_draw_list(s, (struct rect){r.y, r.x, lh, r.w});
    /* One pane below the list: the detail or the options, as tabs. */
    struct rect br = {r.y + lh, r.x, r.h - lh, r.w};
    bool opts = s->focus == FOCUS_OPTIONS;
    draw_fill(br.y, br.x, br.w, TH_HEADER);
    int x = draw_text(br.y, br.x, br.w / 2, opts ? _(" Casus ") : _("[Casus]"),
                      opts ? TH_HEADER : (s->focus == FOCUS_DETAIL ? TH_TAB_CUR : TH_SEL_DIM),
                      false);
    draw_text(br.y, br.x + x + 1, br.w - x - 1, opts ? _("[Welzijnsopties]") : _(" Welzijnsopties (o) "),
              opts ? TH_TAB_CUR : TH_HEADER, false);
    struct rect in = {br.y + 1, br.x, br.h - 1, br.w};
    s->detail_r = s->opts_r = in;
    if (opts)
        view_cases_draw_options(s, in, false);
    else
        view_cases_draw_detail(s, in, false);
}

/* Up and Down in the detail or the options, and the list keys. */
static bool cases_key(struct view *v, int key)
{
    struct cases *s = (struct cases *)v;
    if (s->focus == FOCUS_OPTIONS && (key == UI_KEY(KEY_UP) || key == UI_KEY(KEY_DOWN))) {
        if (key == UI_KEY(KEY_UP) && s->opt_sel > 0)
            s->opt_sel--;
        else if (key == UI_KEY(KEY_DOWN) && s->opt_sel + 1 < s->opts.n)
            s->opt_sel++;
        return true;
    }
    if (s->focus == FOCUS_DETAIL && (key == UI_KEY(KEY_UP) || key == UI_KEY(KEY_DOWN))) {
        s->detail_top += key == UI_KEY(KEY_DOWN) ? 1 : (s->detail_top > 0 ? -1 : 0);
        return true;
    }
    size_t before = s->l.sel;
    if (list_key(&s->l, key)) {
        s->hidden = false;
        if (s->l.sel != before)
            s->opt_sel = 0;
        return true;
    }
    return false;
}

static void key_focus(struct view *v, int key)
{
    struct cases *s = (struct cases *)v;
    if (key == UI_KEY(KEY_RIGHT))
        s->focus = s->focus == FOCUS_OPTIONS ? FOCUS_OPTIONS : s->focus + 1;
    else
        s->focus = s->focus == FOCUS_LIST ? FOCUS_LIST : s->focus - 1;
}

static void key_options(struct view *v, int key)
{
    (void)key;
    struct cases *s = (struct cases *)v;
    s->focus = s->focus == FOCUS_OPTIONS ? FOCUS_LIST : FOCUS_OPTIONS;
}

static void key_back(struct view *v, int key)
{
    (void)key;
    ((struct cases *)v)->focus = FOCUS_LIST;
}

static void key_choose(struct view *v, int key)
{
    (void)key;
    view_cases_choose((struct cases *)v);
}

static void key_to_options(struct view *v, int key)
{
    (void)key;
    ((struct cases *)v)->focus = FOCUS_OPTIONS;
}

static void key_filter(struct view *v, int key)
{
    (void)key;
    view_cases_edit_filter((struct cases *)v);
}

static void key_sort(struct view *v, int key)
{
    (void)key;
    struct cases *s = (struct cases *)v;
    s->sort = (s->sort + 1) % SORT_COUNT;
    view_cases_refilter(s, view_cases_selected_id(s));
    ui_message(v->u, false, _("Volgorde: %s"), view_cases_sort_name(s->sort));
}

static void key_action(struct view *v, int key)
{
    (void)key;
    struct cases *s = (struct cases *)v;
    if (view_cases_selected_id(s) && ui_may_write(v->u)) {
        char id[WT_MAX_ID + 1];
        snprintf(id, sizeof id, "%s", view_cases_selected_id(s));
        ui_new_action(v->u, id, NULL,
                      s->have_detail ? record_get(&s->detail, CASE_OWNER) : NULL);
    }
}

static void key_edit(struct view *v, int key)
{
    (void)key;
    struct cases *s = (struct cases *)v;
    if (s->own) { /* one's own request: correct a rejected one and send it again */
        const struct app_submission *sub = view_cases_own_selected(s);
        if (sub && strcmp(sub->status, "rejected") == 0)
            ui_resubmit(v->u, sub->id, &sub->rec);
        else if (sub)
            ui_message(v->u, true, _("Alleen een afgewezen hulpvraag kunt u verbeteren"));
        return;
    }
    if (view_cases_detail(s))
        ui_edit_record(v->u, &s->detail);
}

/* A new care request; the new case is selected with its options in view (a
 * volunteer's request: it waits in the list as sent). */
static void key_new(struct view *v, int key)
{
    (void)key;
    struct cases *s = (struct cases *)v;
    char made[WT_MAX_ID + 1];
    if (!ui_may_write(v->u) || !ui_new_request(v->u, made) || !*made)
        return;
    view_cases_load(s);
    v->ops->select(v, WT_CASES, made, s->own ? FOCUS_LIST : FOCUS_OPTIONS);
}

static bool may_new(struct view *v)
{
    return app_may(v->u->a, WT_CASES, APP_OP_CREATE);
}

static bool may_change(struct view *v)
{
    return app_may(v->u->a, WT_CASES, APP_OP_WRITE);
}

static bool may_edit(struct view *v)
{
    return may_change(v) || ((struct cases *)v)->own;
}

static void key_measure(struct view *v, int key)
{
    (void)key;
    cases_measure((struct cases *)v, v->u);
}

static void key_outcome(struct view *v, int key)
{
    (void)key;
    view_cases_outcome((struct cases *)v);
}

static void key_unchoose(struct view *v, int key)
{
    (void)key;
    view_cases_unchoose((struct cases *)v);
}

static int cases_mode(const struct view *v)
{
    return ((const struct cases *)v)->focus;
}

#define IN_OPTIONS (1u << FOCUS_OPTIONS)
#define NOT_IN_OPTIONS ((1u << FOCUS_LIST) | (1u << FOCUS_DETAIL))

static const struct ui_key keys[] = {
    {.key = UI_KEY(KEY_LEFT), .alt = UI_KEY(KEY_RIGHT),
     .help = N_("naar de lijst, het detail of de opties"), .run = key_focus},
    {.key = 'o', .fn = 8, .label = N_("Opties"), .help = N_("naar de welzijnsopties en terug"),
     .run = key_options},
    {.key = 'k', .alt = '\r', .fn = 5, .label = N_("Kies"), .modes = IN_OPTIONS,
     .help = N_("de gemarkeerde optie kiezen en er een actiepunt van maken: k, j, Enter "
                "(3 toetsen); een optie met vervoer door een buurtbewoner wordt als geheel "
                "bewaard"),
     .when = may_change, .run = key_choose},
    {.key = 'k', .fn = 5, .label = N_("Kies"), .modes = NOT_IN_OPTIONS,
     .help = N_("de bovenste (gemarkeerde) optie vastleggen bij de casus, en een actiepunt "
                "maken"),
     .when = may_change, .run = key_choose},
    {.key = 'u', .modes = IN_OPTIONS,
     .help = N_("uitkomst van de gekozen optie: dan 1 werkte, 2 werkte niet, 3 niet "
                "doorgegaan (2 toetsen)"),
     .when = may_change, .run = key_outcome},
    {.key = 'x', .modes = IN_OPTIONS, .help = N_("de gekozen optie niet meer kiezen (na j/n)"),
     .when = may_change, .run = key_unchoose},
    {.key = '\r', .modes = NOT_IN_OPTIONS, .help = N_("naar de welzijnsopties"),
     .run = key_to_options},
    {.key = 'f', .fn = 6, .label = N_("Filter"),
     .help = N_("filter op status, eigenaar, wijk en behoefte"), .run = key_filter},
    {.key = 's', .fn = 7, .label = N_("Sorteer"),
     .help = N_("andere volgorde: nieuw eerst, id, wijk, eigenaar, langst open"),
     .run = key_sort},
    {.key = 'n', .fn = 2, .label = N_("Nieuw"),
     .help = N_("nieuwe hulpvraag (van een vrijwilliger: een leider bekijkt hem eerst)"),
     .when = may_new, .run = key_new},
    {.key = 'a', .help = N_("nieuw actiepunt bij deze casus"), .when = ui_may_new_action,
     .run = key_action},
    {.key = 'e', .fn = 4, .label = N_("Bewerk"),
     .help = N_("casus bewerken (vraag, bewoner, wijk, ..., status); uw eigen afgewezen "
                "hulpvraag verbeteren en opnieuw insturen"),
     .when = may_edit, .run = key_edit},
    {.key = 'm',
     .help = N_("welzijnsmeting bij de start of bij afsluiting: zes scores 1-5 (lichaam, "
                "mentaal, zingeving, kwaliteit van leven, meedoen, dagelijks functioneren); "
                "staat bij de casus onder Welzijn, niet op de beamer"),
     .when = may_change, .run = key_measure},
    {.key = UI_ESC, .help = N_("terug naar de lijst"), .run = key_back},
    {0}};

static void cases_click(struct view *v, int y, int x)
{
    struct cases *s = (struct cases *)v;
    if (list_click(&s->l, s->list_r, y) && x < s->list_r.x + s->list_r.w) {
        s->focus = FOCUS_LIST;
        s->opt_sel = 0;
    } else if (x >= s->opts_r.x && s->focus != FOCUS_OPTIONS &&
               (COLS >= UI_WIDE_COLS || y >= s->opts_r.y)) {
        s->focus = x >= s->opts_r.x && COLS >= UI_WIDE_COLS ? FOCUS_OPTIONS : FOCUS_DETAIL;
    }
}

static void cases_reload(struct view *v)
{
    /* Lazily: loaded again when shown. */
    ((struct cases *)v)->loaded = false;
}

static bool cases_select(struct view *v, enum wt_kind kind, const char *id, int pane)
{
    struct cases *s = (struct cases *)v;
    if (!s->loaded)
        view_cases_load(s);
    if (pane >= FOCUS_LIST && pane <= FOCUS_OPTIONS)
        s->focus = pane;
    if (kind == WT_MEMBERS && id && *id) {
        free(s->f_owner);
        s->f_owner = xstrdup(id);
        view_cases_refilter(s, NULL);
        return true;
    }
    if (kind != WT_CASES || !id || !*id)
        return false;
    const char *cur = view_cases_selected_id(s);
    if (cur && strcmp(cur, id) == 0)
        return true;
    s->hidden = false;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < s->nidx; i++)
            if (strcmp(s->rows[s->idx[i]].id, id) == 0) {
                s->l.sel = i;
                s->opt_sel = 0;
                list_clamp(&s->l);
                return true;
            }
        if (pass == 0) { /* not in this filter: show all */
            free(s->f_status);
            free(s->f_owner);
            free(s->f_area);
            free(s->f_need);
            s->f_status = xstrdup("alle");
            s->f_owner = xstrdup("");
            s->f_area = xstrdup("");
            s->f_need = xstrdup("");
            view_cases_refilter(s, id);
        }
    }
    /* The wall was asked for a case app does not hand it (shielded): say so,
     * show nothing of it. */
    s->hidden = v->u->follow;
    return false;
}

static void cases_selection(const struct view *v, struct meeting_wall *w)
{
    const struct cases *s = (const struct cases *)v;
    w->kind = WT_CASES;
    w->pane = s->focus;
    const char *id = view_cases_selected_id(s);
    snprintf(w->id, sizeof w->id, "%s", id ? id : "");
    w->sort = s->sort;
    w->opt = (int)s->opt_sel;
    snprintf(w->filter, sizeof w->filter, "%s\t%s\t%s\t%s", s->f_status ? s->f_status : "",
             s->f_owner ? s->f_owner : "", s->f_area ? s->f_area : "",
             s->f_need ? s->f_need : "");
}

/* The wall takes the chair's filter and order, then the case and the option
 * cursor. What app does not hand the wall (closed, shielded) stays away. */
static void cases_follow(struct view *v, const struct meeting_wall *w)
{
    struct cases *s = (struct cases *)v;
    if (!s->loaded)
        view_cases_load(s);
    char *parts[4] = {NULL, NULL, NULL, NULL};
    const char *p = w->filter;
    for (int i = 0; i < 4; i++) {
        size_t n = strcspn(p, "\t");
        parts[i] = xstrndup(p, n);
        p += n + (p[n] ? 1 : 0);
    }
    bool same = s->f_status && strcmp(parts[0], s->f_status) == 0 &&
                strcmp(parts[1], s->f_owner) == 0 && strcmp(parts[2], s->f_area) == 0 &&
                strcmp(parts[3], s->f_need) == 0 && s->sort == w->sort;
    if (!same && *parts[0]) {
        free(s->f_status), free(s->f_owner), free(s->f_area), free(s->f_need);
        s->f_status = parts[0], s->f_owner = parts[1], s->f_area = parts[2];
        s->f_need = parts[3];
        parts[0] = parts[1] = parts[2] = parts[3] = NULL;
        if (w->sort >= 0 && w->sort < SORT_COUNT)
            s->sort = w->sort;
        view_cases_refilter(s, NULL);
    }
    for (int i = 0; i < 4; i++)
        free(parts[i]);
    const char *cur = view_cases_selected_id(s);
    if (*w->id && (!cur || strcmp(cur, w->id) != 0)) {
        s->hidden = true; /* until found in the list as the wall may show it */
        for (size_t i = 0; i < s->nidx; i++)
            if (strcmp(s->rows[s->idx[i]].id, w->id) == 0) {
                s->l.sel = i;
                list_clamp(&s->l);
                s->hidden = false;
                break;
            }
    } else {
        s->hidden = false;
    }
    if (w->pane >= FOCUS_LIST && w->pane <= FOCUS_OPTIONS)
        s->focus = w->pane;
    s->opt_sel = w->opt > 0 ? (size_t)w->opt : 0;
}

static bool cases_busy(const struct view *v)
{
    const struct cases *s = (const struct cases *)v;
    return s->loaded && !s->own && !view_cases_opts_current(s);
}

/* The options of the selected case, computed when the keyboard is idle so
 * that scrolling through the list stays quick. */
static bool cases_idle(struct view *v)
{
    return view_cases_idle_options((struct cases *)v);
}

/* The case list and the options engine take the longest to load: do it
 * before the chair gets to item 2. */
static void cases_warm(struct view *v)
{
    struct cases *s = (struct cases *)v;
    if (!s->loaded)
        view_cases_load(s);
    if (app_may(v->u->a, WT_CASES, APP_OP_READ))
        ui_suggester(v->u);
}

static void cases_resize(struct view *v, struct rect r)
{
    (void)r;
    list_clamp(&((struct cases *)v)->l);
}

static void cases_free(struct view *v)
{
    struct cases *s = (struct cases *)v;
    view_cases_free_rows(s);
    view_cases_free_own(s);
    free(s->idx);
    if (s->have_detail)
        record_fini(&s->detail);
    if (s->have_opts)
        app_options_fini(&s->opts);
    free(s->f_status);
    free(s->f_owner);
    free(s->f_area);
    free(s->f_need);
    for (size_t i = 0; i < s->nlogged; i++)
        free(s->logged[i]);
    free(s->logged);
    free(s);
}

static const struct view_ops ops = {
    .title = N_("Casussen"),
    .keys = keys,
    .legend = legend,
    .mode = cases_mode,
    .nmodes = 3,
    .draw = cases_draw,
    .key = cases_key,
    .resize = cases_resize,
    .click = cases_click,
    .reload = cases_reload,
    .select = cases_select,
    .selection = cases_selection,
    .follow = cases_follow,
    .idle = cases_idle,
    .busy = cases_busy,
    .warm = cases_warm,
    .free = cases_free,
};

struct view *view_cases_new(struct ui *u)
{
    struct cases *s = xcalloc(1, sizeof *s);
    s->v.ops = &ops;
    s->v.u = u;
    s->f_status = xstrdup("actief");
    s->f_owner = xstrdup("");
    s->f_area = xstrdup("");
    s->f_need = xstrdup("");
    return &s->v;
}
