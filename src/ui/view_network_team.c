/* view_network_team.c: the Team tab of item 4: the members, and a leader's changes (issue 22). */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/words.h"

/* The roles as stored, and the letters that choose them in the menu. */
static const char *const roles[] = {"leader", "professional", "volunteer"};
static const int role_letters[] = {'l', 'p', 'v'};

static void load(struct team_pane *p, struct ui *u)
{
    app_team_fini(&p->t);
    struct wt_error err = {0};
    if (app_team_get(u->a, &p->t, &err) != 0)
        ui_error(u, &err);
    p->l.n = p->t.n;
    list_clamp(&p->l);
    p->loaded = true;
}

/* Whether the member can open the database, in words. */
static const char *pass_word(const struct app_team_member *m)
{
    if (m->left)
        return _("vertrokken");
    switch (m->pass) {
    case APP_PASS_SET: return _("ja");
    case APP_PASS_CODE: return _("code gegeven");
    case APP_PASS_EXPIRED: return _("code verlopen");
    case APP_PASS_NONE: return _("nee");
    case APP_PASS_PLAIN: return _("niet nodig");
    default: return "";
    }
}

struct trow_ctx {
    struct team_pane *p;
    int widths[6];
};

static void draw_row(void *ctx, size_t i, int y, int x, int w, bool sel)
{
    struct trow_ctx *c = ctx;
    const struct app_team_member *m = &c->p->t.m[i];
    char hours[32] = "";
    if (*record_get(&m->m, MEMBER_HOURS))
        snprintf(hours, sizeof hours, _("%s u/wk"), record_get(&m->m, MEMBER_HOURS));
    const char *cells[6] = {record_get(&m->m, MEMBER_NAME),
                            words_of("members.role", record_get(&m->m, MEMBER_ROLE)),
                            record_get(&m->m, MEMBER_DISCIPLINE), record_get(&m->m, MEMBER_AREA),
                            hours, pass_word(m)};
    list_cells(y, x, w, cells, c->widths, c->p->t.may_manage ? 6 : 5,
               sel ? TH_SEL : m->left ? TH_DIM : TH_NORMAL);
}

/* The columns: each as wide as its widest text; when the row is too wide,
 * vak and wijk give way first (to 12 each), then the name (to 16). The last
 * column takes the rest. */
static void fit_widths(const struct team_pane *p, const char *const *heads, int ncols, int width,
                       int *widths)
{
    struct ui_col cols[6] = {{.least = 16, .shrink = 1}, {0}, {.least = 12, .shrink = 3},
                             {.least = 12, .shrink = 2}, {.want = draw_width("000 u/wk")}, {0}};
    for (int k = 0; k < ncols; k++)
        cols[k].head = heads[k];
    for (size_t i = 0; i < p->t.n; i++) {
        const struct wt_record *m = &p->t.m[i].m;
        const char *cells[6] = {record_get(m, MEMBER_NAME),
                                words_of("members.role", record_get(m, MEMBER_ROLE)),
                                record_get(m, MEMBER_DISCIPLINE), record_get(m, MEMBER_AREA), "",
                                pass_word(&p->t.m[i])};
        for (int k = 0; k < ncols; k++)
            if (draw_width(cells[k]) > cols[k].want)
                cols[k].want = draw_width(cells[k]);
    }
    int last = ncols - 1, last_min = draw_width(heads[last]);
    if (cols[last].want > last_min)
        last_min = cols[last].want;
    ui_fit_columns(cols, ncols, last, last_min, width, widths);
}

void team_pane_draw_load(struct team_pane *p, struct ui *u)
{
    load(p, u);
}

void team_pane_draw(struct team_pane *p, struct ui *u, struct rect r)
{
    if (!p->loaded)
        load(p, u);
    draw_title(r.y, r.x, r.w, _("Het team"), true);
    const char *heads[6] = {_("naam"), _("rol"), _("vak"), _("wijk"), _("uren"),
                            _("wachtwoordzin")};
    int ncols = p->t.may_manage ? 6 : 5;
    struct trow_ctx c = {.p = p};
    fit_widths(p, heads, ncols, r.w, c.widths);
    list_cells(r.y + 1, r.x, r.w, heads, c.widths, ncols, TH_HEADER);
    p->list_r = (struct rect){r.y + 2, r.x, r.h - 3, r.w};
    list_draw(&p->l, p->list_r, draw_row, &c);
    draw_text(r.y + r.h - 1, r.x, r.w,
              p->t.may_manage
                  ? _("n: nieuw lid   e: rol, wijk, uren   r: nieuwe code   x: vertrokken")
                  : _("Alleen een leider wijzigt het team."),
              TH_DIM, true);
}

bool team_pane_key(struct team_pane *p, int key)
{
    return list_key(&p->l, key);
}

/* Shows a one-time code once, on a layer of its own; any key closes it. */
static void show_code(struct ui *u, const char *member, const char *code)
{
    /* Short, so that six words fit 80 columns on the message line. */
    char *name = app_record_name(u->a, WT_MEMBERS, member);
    char *q = xasprintf(_("Code %s: %s"), name, code);
    free(name);
    dialog_confirm(u, q);
    explicit_bzero(q, strlen(q));
    free(q);
}

static void add_member(struct team_pane *p, struct ui *u)
{
    const char *labels[3];
    for (int i = 0; i < 3; i++)
        labels[i] = words_of("members.role", roles[i]);
    char *id = dialog_input(u, _("Id van het nieuwe lid:"), "");
    char *name = id ? dialog_input(u, _("Naam:"), "") : NULL;
    int role = name ? dialog_menu(u, _("Rol"), labels, role_letters, 3, 2) : -1;
    char *area = role >= 0 ? dialog_input(u, _("Wijk (mag leeg):"), "") : NULL;
    if (area) {
        struct app_member_fields f = {.id = id, .name = name, .role = roles[role], .area = area};
        char *code = NULL;
        struct wt_error err = {0};
        if (app_member_add(u->a, &f, &code, &err) != 0) {
            ui_error(u, &err);
        } else {
            if (code)
                show_code(u, id, code);
            char *shown = app_record_name(u->a, WT_MEMBERS, id);
            ui_message(u, false, _("Lid %s toegevoegd"), shown);
            free(shown);
            if (code)
                explicit_bzero(code, strlen(code));
            free(code);
            ui_changed(u);
        }
    }
    free(id), free(name), free(area);
    p->loaded = false;
}

static void change_member(struct team_pane *p, struct ui *u, const struct app_team_member *m)
{
    const char *labels[3];
    int cur = 0;
    for (int i = 0; i < 3; i++) {
        labels[i] = words_of("members.role", roles[i]);
        if (strcmp(roles[i], record_get(&m->m, MEMBER_ROLE)) == 0)
            cur = i;
    }
    char id[WT_MAX_ID + 1];
    snprintf(id, sizeof id, "%s", m->m.v[MEMBER_ID]);
    int role = dialog_menu(u, _("Rol"), labels, role_letters, 3, cur);
    char *area = role >= 0 ? dialog_input(u, _("Wijk:"), record_get(&m->m, MEMBER_AREA)) : NULL;
    char *hours = area ? dialog_input(u, _("Uren per week:"), record_get(&m->m, MEMBER_HOURS))
                       : NULL;
    if (hours) {
        struct wt_error err = {0};
        if (app_member_change(u->a, id, roles[role], area, hours, &err) != 0)
            ui_error(u, &err);
        else
            ui_message(u, false, _("Lid %s gewijzigd"), record_get(&m->m, MEMBER_NAME));
        ui_changed(u);
    }
    free(area), free(hours);
    p->loaded = false;
}

void team_pane_act(struct team_pane *p, struct ui *u, int key)
{
    if (!p->loaded)
        load(p, u);
    if (key == 'n') {
        add_member(p, u);
        return;
    }
    if (!p->t.n)
        return;
    const struct app_team_member *m = &p->t.m[p->l.sel];
    char id[WT_MAX_ID + 1];
    snprintf(id, sizeof id, "%s", m->m.v[MEMBER_ID]);
    struct wt_error err = {0};
    if (key == 'e') {
        change_member(p, u, m);
    } else if (key == 'r') {
        char *code = NULL;
        if (app_member_reset(u->a, id, &code, &err) != 0) {
            ui_error(u, &err);
        } else {
            show_code(u, id, code);
            explicit_bzero(code, strlen(code));
            free(code);
        }
    } else if (key == 'x') {
        const char *name = record_get(&m->m, MEMBER_NAME);
        char *q = xasprintf(_("%s vertrekt: de sleutel gaat weg en alle sleutels worden "
                              "vervangen. Doorgaan? (j/n)"),
                            name);
        bool yes = dialog_confirm(u, q);
        free(q);
        if (yes && app_member_leave(u->a, id, &err) != 0)
            ui_error(u, &err);
        else if (yes)
            ui_message(u, false, _("%s heeft het team verlaten; de sleutels zijn vervangen"), name);
        ui_changed(u);
    }
    p->loaded = false;
}

void team_pane_click(struct team_pane *p, int y)
{
    list_click(&p->l, p->list_r, y);
}

void team_pane_reload(struct team_pane *p)
{
    p->loaded = false;
}

void team_pane_fini(struct team_pane *p)
{
    app_team_fini(&p->t);
}
