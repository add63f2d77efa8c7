/* view_network.c: item 4, Netwerk: what changed on the social map, stale and full entries, talents, hours. */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"

enum { TAB_CHANGED, TAB_STALE, TAB_FULL, TAB_ALL, TAB_TALENTS, TAB_BALANCE, TAB_TEAM,
       TAB_PROJECTS, TAB_COUNT };

#define STALE_DAYS 183       /* "not checked for over 6 months" */
#define TALENT_BIT ((size_t)1 << (sizeof(size_t) * 8 - 1))

struct network {
    struct view v;
    struct rows res, tal;
    struct meeting_changes *changes;
    size_t *idx, nidx; /* index into res, or into tal with TALENT_BIT */
    struct list l;
    int tab;
    bool loaded;
    struct rect list_r, tabs_r;
    int tab_x[TAB_COUNT + 1];
    struct balance_pane bp; /* the Uren tab */
    struct team_pane tp;    /* the Team tab */
    struct projects_pane pp; /* the Projecten tab */
};

static const char *const tab_names[TAB_COUNT] = {N_("Nieuw of gewijzigd"), N_("Niet gecheckt"),
                                                 N_("Vol of gepauzeerd"), N_("Hele kaart"),
                                                 N_("Talenten"), N_("Uren"), N_("Team"),
                                                 N_("Projecten")};
/* The same, short, for when the tabs do not fit (80 columns). */
static const char *const tab_short[TAB_COUNT] = {N_("Nieuw"),    N_("Niet gecheckt"),
                                                 N_("Vol/pauze"), N_("Hele kaart"),
                                                 N_("Talenten"), N_("Uren"), N_("Team"),
                                                 N_("Projecten")};

static const struct keyhelp legend[] = {
    {N_("nieuw  gewijzigd"), N_("sinds het vorige overleg")},
    {"[!] oud", N_("langer dan 6 maanden niet gecheckt")},
    {NULL, NULL}};

static const struct wt_record *rec(const struct network *s, size_t k)
{
    return k & TALENT_BIT ? &s->tal.r[k & ~TALENT_BIT] : &s->res.r[k];
}

static bool stale(const struct network *s, const struct wt_record *r)
{
    int32_t d;
    const char *c = record_get(r, RESOURCE_CHECKED);
    return !*c || (date_parse(c, &d) == 0 && d < app_day(s->v.u->a) - STALE_DAYS);
}

static bool in_tab(const struct network *s, const struct wt_record *r)
{
    bool talent = r->kind == WT_TALENTS;
    switch (s->tab) {
    case TAB_CHANGED: return meeting_changes_of(s->changes, r) != MEETING_SAME;
    case TAB_STALE: return !talent && stale(s, r);
    case TAB_FULL:
        return !talent && strcmp(record_get(r, RESOURCE_CAPACITY), "open") != 0 &&
               record_capacity_places(record_get(r, RESOURCE_CAPACITY)) <= 0;
    case TAB_ALL: return !talent;
    case TAB_BALANCE:
    case TAB_TEAM:
    case TAB_PROJECTS: return false;
    default: return talent;
    }
}

static const struct wt_record *selected(const struct network *s)
{
    return s->nidx ? rec(s, s->idx[s->l.sel]) : NULL;
}

static void refilter(struct network *s, const struct wt_record *keep_rec)
{
    char *keep = keep_rec ? xstrdup(keep_rec->v[0]) : NULL;
    enum wt_kind keep_kind = keep_rec ? keep_rec->kind : WT_RESOURCES;
    free(s->idx);
    s->idx = xmalloc((s->res.n + s->tal.n + 1) * sizeof *s->idx);
    s->nidx = 0;
    for (size_t i = 0; i < s->res.n; i++)
        if (in_tab(s, &s->res.r[i]))
            s->idx[s->nidx++] = i;
    for (size_t i = 0; i < s->tal.n; i++)
        if (in_tab(s, &s->tal.r[i]))
            s->idx[s->nidx++] = i | TALENT_BIT;
    s->l.n = s->nidx;
    s->l.sel = 0;
    for (size_t i = 0; keep && i < s->nidx; i++) {
        const struct wt_record *r = rec(s, s->idx[i]);
        if (r->kind == keep_kind && strcmp(r->v[0], keep) == 0)
            s->l.sel = i;
    }
    list_clamp(&s->l);
    free(keep);
}

static void load(struct network *s)
{
    const struct wt_record *cur = selected(s);
    struct wt_record keep;
    bool have = cur != NULL;
    if (have)
        record_copy(&keep, cur);
    struct wt_error err = {0};
    if (rows_load(&s->res, s->v.u->a, WT_RESOURCES, &err) != 0 ||
        rows_load(&s->tal, s->v.u->a, WT_TALENTS, &err) != 0)
        ui_error(s->v.u, &err);
    meeting_changes_free(s->changes);
    s->changes = NULL;
    meeting_changes_new(s->v.u->a, &s->changes, NULL);
    s->loaded = true;
    refilter(s, have ? &keep : NULL);
    if (have)
        record_fini(&keep);
}

/* The marker column: never colour alone. */
static const char *mark(const struct network *s, const struct wt_record *r)
{
    enum meeting_change c = meeting_changes_of(s->changes, r);
    if (c == MEETING_NEW)
        return _("nieuw");
    if (c == MEETING_CHANGED)
        return _("gewijzigd");
    if (r->kind == WT_TALENTS)
        return r->v[TALENT_CONSENT] ? "" : _("[!] geen ok");
    if (stale(s, r))
        return _("[!] oud");
    return "";
}

static const char *capacity_word(const char *c)
{
    return words_of("resources.capacity", *c ? c : "open");
}

/* A resource's column as people read it: words for codes, lists with ", ",
 * dates as dates. Returns out or the stored value. */
static const char *resource_value(const struct ui *u, const struct wt_record *e, int col,
                                  char *out, size_t n)
{
    const char *v = record_get(e, col);
    switch (col) {
    case RESOURCE_KIND: return words_of("resources.kind", v);
    case RESOURCE_NEEDS:
    case RESOURCE_INTERESTS: return words_list(NULL, v, out, n);
    case RESOURCE_ACCESS: return words_list("resources.access", v, out, n);
    case RESOURCE_CHECKED: return ui_date(u, e->v[col], DATE_FULL, out);
    default: return v;
    }
}

struct row_ctx {
    struct network *s;
    int n;
    int widths[7];
};

static void draw_row(void *ctx, size_t i, int y, int x, int w, bool sel)
{
    struct row_ctx *c = ctx;
    struct network *s = c->s;
    const struct wt_record *r = rec(s, s->idx[i]);
    bool talent = r->kind == WT_TALENTS;
    char *name = talent ? ui_person(s->v.u, record_get(r, TALENT_NAME))
                        : ui_show(s->v.u, record_get(r, RESOURCE_NAME));
    char day[DATE_SHOW_MAX];
    const char *cells[] = {
        mark(s, r), r->v[0], name,
        talent ? _("talent") : words_of("resources.kind", record_get(r, RESOURCE_KIND)),
        ui_last_part(record_get(r, talent ? TALENT_AREA : RESOURCE_AREA)),
        ui_date(s->v.u, r->v[talent ? TALENT_CONSENT : RESOURCE_CHECKED], DATE_LIST, day),
        talent ? "" : capacity_word(record_get(r, RESOURCE_CAPACITY))};
    list_cells(y, x, w, cells, c->widths, c->n, sel ? TH_SEL : TH_NORMAL);
    free(name);
}

static void draw_detail(struct network *s, struct rect r)
{
    const struct wt_record *e = selected(s);
    draw_title(r.y, r.x, r.w, e && e->kind == WT_TALENTS ? _("Talent") : _("Kaartitem"), false);
    if (!e) {
        draw_text(r.y + 1, r.x + 1, r.w - 1, _("Niets in deze lijst."), TH_DIM, false);
        return;
    }
    struct ui *u = s->v.u;
    struct rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
    int lw = 14, y = in.y;
    if (e->kind == WT_TALENTS) {
        char *name = ui_person(u, record_get(e, TALENT_NAME));
        char *avail = ui_show(u, record_get(e, TALENT_AVAILABLE));
        char *head = xasprintf("%s  %s", e->v[0], name);
        y = draw_field(in, y, _("Talent"), head, lw);
        y = draw_field(in, y, _("Wijk"), record_get(e, TALENT_AREA), lw);
        char list[WT_MAX_FIELD_BYTES + 1];
        y = draw_field(in, y, _("Helpt bij"),
                       words_list(NULL, e->v[TALENT_OFFERS], list, sizeof list), lw);
        y = draw_field(in, y, _("Interesses"),
                       words_list(NULL, e->v[TALENT_INTERESTS], list, sizeof list), lw);
        y = draw_field(in, y, _("Wanneer"), avail, lw);
        char day[DATE_SHOW_MAX];
        draw_field(in, y, _("Toestemming"),
                   e->v[TALENT_CONSENT] ? ui_date(u, e->v[TALENT_CONSENT], DATE_FULL, day)
                                        : _("[!] nog niet: wordt niet voorgesteld"),
                   lw);
        free(head);
        free(name);
        free(avail);
        return;
    }
    const int cols[] = {RESOURCE_NAME, RESOURCE_KIND, RESOURCE_AREA, RESOURCE_NEEDS,
                        RESOURCE_INTERESTS, RESOURCE_AGES, RESOURCE_ACCESS, RESOURCE_SCHEDULE,
                        RESOURCE_CONTACT, RESOURCE_DESCRIPTION, RESOURCE_CHECKED};
    const char *labels[] = {_("Naam"), _("Soort"), _("Wijk"), _("Helpt bij"), _("Interesses"),
                            _("Leeftijd"), _("Toegang"), _("Wanneer"), _("Contact"),
                            _("Wat"), _("Gecheckt")};
    char *head = xasprintf("%s  (%s, %s)", record_get(e, RESOURCE_NAME), e->v[0],
                           capacity_word(record_get(e, RESOURCE_CAPACITY)));
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
        char shown[WT_MAX_FIELD_BYTES + 1];
        char *v = ui_show(u, i == 0 ? head : resource_value(u, e, cols[i], shown, sizeof shown));
        if (cols[i] == RESOURCE_CHECKED && stale(s, e)) {
            char *m = xasprintf(_("%s  [!] langer dan 6 maanden geleden"), *v ? v : "-");
            free(v);
            v = m;
        }
        y = draw_field(in, y, labels[i], v, lw);
        free(v);
    }
    free(head);
}

static void network_draw(struct view *v, struct rect r)
{
    struct network *s = (struct network *)v;
    if (!s->loaded)
        load(s);
    /* The lists as tabs, the current one in brackets. */
    s->tabs_r = (struct rect){r.y, r.x, 1, r.w};
    draw_fill(r.y, r.x, r.w, TH_HEADER);
    int x = r.x, need = 0;
    for (int t = 0; t < TAB_COUNT; t++)
        need += draw_width(_(tab_names[t])) + 2;
    bool compact = need > r.w; /* at 80 columns: short names, one space between the tabs */
    const char *const *names = compact ? tab_short : tab_names;
    for (int t = 0; t < TAB_COUNT; t++) {
        char *label = xasprintf(t == s->tab ? "[%s]" : compact ? "%s" : " %s ", _(names[t]));
        s->tab_x[t] = x;
        x += draw_text(r.y, x, r.x + r.w - x, label, t == s->tab ? TH_TAB_CUR : TH_HEADER,
                       false);
        if (compact)
            x++;
        free(label);
    }
    s->tab_x[TAB_COUNT] = x;
    if (s->tab == TAB_TEAM) {
        team_pane_draw(&s->tp, v->u, (struct rect){r.y + 1, r.x, r.h - 1, r.w});
        return;
    }
    if (s->tab == TAB_BALANCE) {
        balance_pane_draw(&s->bp, v->u, (struct rect){r.y + 1, r.x, r.h - 1, r.w});
        return;
    }
    if (s->tab == TAB_PROJECTS) {
        projects_pane_draw(&s->pp, v->u, (struct rect){r.y + 1, r.x, r.h - 1, r.w});
        return;
    }
    /* The count says what it counts, and only where it fits beside the tabs. */
    char *count = xasprintf(_(" %zu in de lijst "), s->nidx);
    int cw = draw_width(count);
    if (x + cw + 1 < r.x + r.w)
        draw_text(r.y, r.x + r.w - cw, cw, count, TH_HEADER, false);
    free(count);
    struct rect body = {r.y + 1, r.x, r.h - 1, r.w};
    bool wide = r.w >= UI_WIDE_COLS;
    struct rect lr = body, dr;
    if (wide) {
        lr.w = body.w * 3 / 5;
        dr = (struct rect){body.y, body.x + lr.w + 1, body.h, body.w - lr.w - 1};
    } else {
        lr.h = body.h - 9;
        dr = (struct rect){body.y + lr.h, body.x, body.h - lr.h, body.w};
    }
    struct row_ctx c = {.s = s, .n = 7};
    /* The id as wide as the widest shown: ids are never cut. */
    int idw = 2;
    for (size_t i = 0; i < s->nidx; i++) {
        int w = draw_width(rec(s, s->idx[i])->v[0]);
        idw = w > idw ? w : idw;
    }
    const char *heads[] = {"", _("id"), _("naam"), _("soort"), _("wijk"), _("datum"),
                           _("plek")};
    const struct ui_col cols[] = {{.want = 11},
                                  {.head = heads[1], .want = idw},
                                  {.head = heads[2]},
                                  {.head = heads[3], .want = 12},
                                  {.head = heads[4], .want = 12, .drop = 1}, /* goes first */
                                  {.head = heads[5], .want = 10},
                                  {.head = heads[6], .want = 10}};
    ui_fit_columns(cols, 7, 2, 20, lr.w, c.widths);
    list_cells(lr.y, lr.x, lr.w, heads, c.widths, c.n, TH_HEADER);
    s->list_r = (struct rect){lr.y + 1, lr.x, lr.h - 1, lr.w};
    list_draw(&s->l, s->list_r, draw_row, &c);
    draw_detail(s, dr);
}

static void checked_today(struct network *s)
{
    const struct wt_record *e = selected(s);
    if (!e || !ui_may_write(s->v.u))
        return;
    if (e->kind != WT_RESOURCES) {
        ui_message(s->v.u, true, _("Alleen een kaartitem kan gecheckt worden"));
        return;
    }
    char id[WT_MAX_ID + 1];
    snprintf(id, sizeof id, "%s", e->v[0]);
    struct wt_error err = {0};
    if (meeting_resource_checked(s->v.u->a, id, &err) != 0) {
        ui_error(s->v.u, &err);
        return;
    }
    ui_changed(s->v.u);
    if (!ui_queued(s->v.u, WT_RESOURCES))
    {
        char *name = app_record_name(s->v.u->a, WT_RESOURCES, id);
        ui_message(s->v.u, false, _("%s klopt: vandaag gecheckt"), name);
        free(name);
    }
}

static void set_tab(struct network *s, int tab)
{
    const struct wt_record *cur = selected(s);
    struct wt_record keep;
    bool have = cur != NULL;
    if (have)
        record_copy(&keep, cur);
    s->tab = (tab + TAB_COUNT) % TAB_COUNT;
    refilter(s, have ? &keep : NULL);
    if (have)
        record_fini(&keep);
}

enum { MODE_LISTS, MODE_BALANCE, MODE_TEAM, MODE_PROJECTS, MODE_COUNT };

static int network_mode(const struct view *v)
{
    int tab = ((const struct network *)v)->tab;
    return tab == TAB_BALANCE    ? MODE_BALANCE
           : tab == TAB_TEAM     ? MODE_TEAM
           : tab == TAB_PROJECTS ? MODE_PROJECTS
                                 : MODE_LISTS;
}

/* The list keys of the list or of the hours. */
static bool network_key(struct view *v, int key)
{
    struct network *s = (struct network *)v;
    if (s->tab == TAB_BALANCE)
        return balance_pane_key(&s->bp, key);
    if (s->tab == TAB_TEAM)
        return team_pane_key(&s->tp, key);
    if (s->tab == TAB_PROJECTS)
        return projects_pane_key(&s->pp, key);
    return list_key(&s->l, key);
}

static void key_hours(struct view *v, int key)
{
    (void)key;
    set_tab((struct network *)v, TAB_BALANCE);
}

static void key_in_hours(struct view *v, int key)
{
    balance_pane_act(&((struct network *)v)->bp, v->u, key);
}

static void key_team(struct view *v, int key)
{
    (void)key;
    set_tab((struct network *)v, TAB_TEAM);
}

static void key_in_team(struct view *v, int key)
{
    team_pane_act(&((struct network *)v)->tp, v->u, key);
}

static void key_tab(struct view *v, int key)
{
    struct network *s = (struct network *)v;
    set_tab(s, s->tab + (key == UI_KEY(KEY_LEFT) ? -1 : 1));
}

static void key_checked(struct view *v, int key)
{
    (void)key;
    checked_today((struct network *)v);
}

static void key_new(struct view *v, int key)
{
    (void)key;
    struct network *s = (struct network *)v;
    ui_new_record(v->u, s->tab == TAB_TALENTS ? WT_TALENTS : WT_RESOURCES);
}

static void key_talent(struct view *v, int key)
{
    (void)key;
    ui_new_record(v->u, WT_TALENTS);
}

static void key_edit(struct view *v, int key)
{
    (void)key;
    const struct wt_record *e = selected((struct network *)v);
    if (e)
        ui_edit_record(v->u, e);
}

static void key_projects(struct view *v, int key)
{
    (void)key;
    set_tab((struct network *)v, TAB_PROJECTS);
}

static void key_edit_project(struct view *v, int key)
{
    (void)key;
    const struct wt_record *e = projects_pane_selected(&((struct network *)v)->pp);
    if (e)
        ui_edit_record(v->u, e);
}

static void key_project_map(struct view *v, int key)
{
    (void)key;
    const struct wt_record *e = projects_pane_selected(&((struct network *)v)->pp);
    if (e && e->kind == WT_PROJECTS)
        ui_project_to_map(v->u, e);
}

static void key_new_partner(struct view *v, int key)
{
    (void)key;
    ui_new_record(v->u, WT_PARTNERS);
}

static bool may_decide(struct view *v)
{
    return app_decides(v->u->a);
}

/* The team may be changed here (app decides: a leader, not on the wall or beamer). */
static bool may_manage(struct view *v)
{
    struct network *s = (struct network *)v;
    if (!s->tp.loaded)
        team_pane_draw_load(&s->tp, v->u);
    return s->tp.t.may_manage;
}

#define M_LISTS (1u << MODE_LISTS)
#define M_BALANCE (1u << MODE_BALANCE)
#define M_TEAM (1u << MODE_TEAM)
#define M_PROJECTS (1u << MODE_PROJECTS)

static const struct ui_key keys[] = {
    {.key = 'v', .alt = UI_KEY(KEY_RIGHT), .fn = 6, .label = N_("Lijst"),
     .help = N_("andere lijst: nieuw of gewijzigd sinds het vorige overleg, niet gecheckt "
                "(meer dan 6 maanden), vol of gepauzeerd, hele kaart, talenten, uren"),
     .run = key_tab},
    {.key = UI_KEY(KEY_LEFT), .help = N_("vorige lijst"), .run = key_tab},
    {.key = 'u', .fn = 7, .label = N_("Uren"),
     .help = N_("uren: tijd voor samenlevingsopbouw per lid, de laatste 4 weken"),
     .run = key_hours},
    {.key = 'i', .modes = M_BALANCE,
     .help = N_("uw uren van deze week invullen (een leider: van het gekozen lid)"),
     .run = key_in_hours},
    {.key = 'I', .modes = M_BALANCE,
     .help = N_("de uren van een eerdere week invullen (een van de 4 weken)"),
     .run = key_in_hours},
    {.key = 'd', .modes = M_BALANCE, .when = may_decide,
     .help = N_("het doel van het gekozen lid zetten"), .run = key_in_hours},
    {.key = 'T', .help = N_("het team: leden, rollen, wie een wachtwoordzin heeft"),
     .run = key_team},
    {.key = 'n', .fn = 2, .label = N_("Nieuw lid"), .modes = M_TEAM, .when = may_manage,
     .help = N_("nieuw lid: de code om de eerste keer te openen staat één keer op het scherm"),
     .run = key_in_team},
    {.key = 'e', .fn = 4, .label = N_("Wijzig"), .modes = M_TEAM, .when = may_manage,
     .help = N_("rol, wijk of uren van het gekozen lid wijzigen"), .run = key_in_team},
    {.key = 'r', .modes = M_TEAM, .when = may_manage,
     .help = N_("nieuwe code voor het gekozen lid (wachtwoordzin vergeten)"), .run = key_in_team},
    {.key = 'x', .fn = 8, .label = N_("Vertrek"), .modes = M_TEAM, .when = may_manage,
     .help = N_("het gekozen lid is vertrokken: de sleutels worden vervangen (na ja/nee)"),
     .run = key_in_team},
    {.key = 'j',
     .help = N_("projecten per fase (te late volgende stap gemarkeerd) en partners zonder "
                "contact in 12 weken"),
     .run = key_projects},
    {.key = 'e', .fn = 4, .label = N_("Bewerk"), .modes = M_PROJECTS,
     .help = N_("project of partner bewerken"), .run = key_edit_project},
    {.key = 'n', .fn = 2, .label = N_("Nieuw"), .modes = M_PROJECTS,
     .help = N_("nieuwe partner"), .run = key_new_partner},
    {.key = 'k', .modes = M_PROJECTS,
     .help = N_("een zelfstandig project komt op de sociale kaart"), .run = key_project_map},
    {.key = 'c', .fn = 5, .label = N_("Klopt"), .modes = M_LISTS,
     .help = N_("kaartitem klopt nog: vandaag gecheckt"), .run = key_checked},
    {.key = 'n', .fn = 2, .label = N_("Nieuw"), .modes = M_LISTS | M_BALANCE,
     .help = N_("nieuw kaartitem (bij Talenten: nieuw talent)"), .run = key_new},
    {.key = 't', .help = N_("nieuw talent"), .run = key_talent},
    {.key = 'e', .fn = 4, .label = N_("Bewerk"), .modes = M_LISTS, .help = N_("bewerken"),
     .run = key_edit},
    {0}};

static void network_click(struct view *v, int y, int x)
{
    struct network *s = (struct network *)v;
    if (y == s->tabs_r.y) {
        for (int t = 0; t < TAB_COUNT; t++)
            if (x >= s->tab_x[t] && x < s->tab_x[t + 1])
                set_tab(s, t);
        return;
    }
    if (s->tab == TAB_BALANCE)
        balance_pane_click(&s->bp, y);
    else if (s->tab == TAB_TEAM)
        team_pane_click(&s->tp, y);
    else if (s->tab == TAB_PROJECTS)
        projects_pane_click(&s->pp, y);
    else
        list_click(&s->l, s->list_r, y);
}

static void network_reload(struct view *v)
{
    /* Lazily: loaded again when shown. */
    ((struct network *)v)->loaded = false;
    balance_pane_reload(&((struct network *)v)->bp);
    team_pane_reload(&((struct network *)v)->tp);
    projects_pane_reload(&((struct network *)v)->pp);
}

static bool network_select(struct view *v, enum wt_kind kind, const char *id, int pane)
{
    struct network *s = (struct network *)v;
    if (!s->loaded)
        load(s);
    if (pane >= 0 && pane < TAB_COUNT && pane != s->tab) {
        s->tab = pane;
        refilter(s, NULL);
    }
    if ((kind == WT_PROJECTS || kind == WT_PARTNERS) && id && *id) {
        s->tab = TAB_PROJECTS;
        return projects_pane_select(&s->pp, v->u, kind, id);
    }
    if ((kind != WT_RESOURCES && kind != WT_TALENTS) || !id || !*id)
        return false;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < s->nidx; i++) {
            const struct wt_record *r = rec(s, s->idx[i]);
            if (r->kind == kind && strcmp(r->v[0], id) == 0) {
                s->l.sel = i;
                list_clamp(&s->l);
                return true;
            }
        }
        if (pass == 0) {
            s->tab = kind == WT_TALENTS ? TAB_TALENTS : TAB_ALL;
            refilter(s, NULL);
        }
    }
    return false;
}

static void network_selection(const struct view *v, struct meeting_wall *w)
{
    const struct network *s = (const struct network *)v;
    const struct wt_record *e = selected(s);
    w->pane = s->tab;
    w->kind = e ? e->kind : WT_RESOURCES;
    snprintf(w->id, sizeof w->id, "%s", e ? e->v[0] : "");
}

static void network_warm(struct view *v)
{
    struct network *s = (struct network *)v;
    if (!s->loaded)
        load(s);
}

static void network_resize(struct view *v, struct rect r)
{
    (void)r;
    list_clamp(&((struct network *)v)->l);
}

static void network_free(struct view *v)
{
    struct network *s = (struct network *)v;
    balance_pane_fini(&s->bp);
    team_pane_fini(&s->tp);
    projects_pane_fini(&s->pp);
    rows_free(&s->res);
    rows_free(&s->tal);
    meeting_changes_free(s->changes);
    free(s->idx);
    free(s);
}

/* The Uren tab's caseload is read while the keyboard rests. */
static bool network_busy(const struct view *v)
{
    const struct network *s = (const struct network *)v;
    return s->tab == TAB_BALANCE && balance_pane_busy(&s->bp);
}

static bool network_idle(struct view *v)
{
    struct network *s = (struct network *)v;
    return s->tab == TAB_BALANCE && balance_pane_idle(&s->bp, v->u);
}

static const struct view_ops ops = {
    .title = N_("Netwerk"),
    .keys = keys,
    .legend = legend,
    .mode = network_mode,
    .nmodes = MODE_COUNT,
    .draw = network_draw,
    .key = network_key,
    .resize = network_resize,
    .click = network_click,
    .reload = network_reload,
    .select = network_select,
    .selection = network_selection,
    .idle = network_idle,
    .busy = network_busy,
    .warm = network_warm,
    .free = network_free,
};

struct view *view_network_new(struct ui *u)
{
    struct network *s = xcalloc(1, sizeof *s);
    s->v.ops = &ops;
    s->v.u = u;
    return &s->v;
}
