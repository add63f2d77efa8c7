/* view_network_team.c: the Team tab of item 4: the members, and a leader's changes (issue 22). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/text.h"
#include "wijktafel/words.h"

/* The roles as stored. */
static const char *const roles[] = {"leader", "professional", "volunteer"};

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
                  : p->t.why_not,
              TH_DIM, true);
}

bool team_pane_key(struct team_pane *p, int key)
{
    return list_key(&p->l, key);
}

/* Shows a one-time code once, in a box of its own; any key closes it. */
static void show_code(struct ui *u, const char *member, const char *code)
{
    char *name = app_record_name(u->a, WT_MEMBERS, member);
    char *who = xasprintf(_("De eenmalige code voor %s (6 woorden):"), name);
    char *days = xasprintf(_("De code werkt één keer, %d dagen lang. Daarna kiest het"),
                           APP_CODE_DAYS);
    const char *text[] = {who,
                          code,
                          "",
                          _("Geef deze code zelf aan het nieuwe lid, niet per e-mail."),
                          days,
                          _("lid een eigen wachtwoordzin, die u niet kent."),
                          _("U ziet de code maar één keer.")};
    dialog_notice(u, _("Eenmalige code"), text, (int)(sizeof text / sizeof text[0]), 1);
    free(days);
    free(who);
    free(name);
}

/* The roles as the form offers them (words of this language), NULL-terminated. */
static void role_words(const char *words[4])
{
    for (int i = 0; i < 3; i++)
        words[i] = words_of("members.role", roles[i]);
    words[3] = NULL;
}

/* The stored role of the word typed in a form, or NULL. */
static const char *role_of(const char *typed)
{
    for (int i = 0; i < 3; i++)
        if (strcasecmp(typed, words_of("members.role", roles[i])) == 0 ||
            strcmp(typed, roles[i]) == 0)
            return roles[i];
    return NULL;
}

static int bad_role(struct wt_error *err)
{
    return wt_error_set(err, WT_EINVAL, _("%s: kies %s, %s of %s"), _("Rol"),
                        words_of("members.role", roles[0]), words_of("members.role", roles[1]),
                        words_of("members.role", roles[2]));
}

enum { NF_NAME, NF_ID, NF_ROLE, NF_DISC, NF_AREA, NF_HOURS, NF_COUNT };

struct new_member {
    char id[WT_MAX_ID + 1]; /* the id given, once saved */
    char *code;             /* the one-time code, once saved (encrypted database) */
};

static int save_new_member(struct ui *u, struct form_field *f, int n, void *ctx,
                           struct wt_error *err)
{
    (void)n;
    struct new_member *nm = ctx;
    const char *role = role_of(f[NF_ROLE].value);
    if (!role)
        return bad_role(err);
    /* The id: as typed, or made from the name. */
    char *id = *f[NF_ID].value ? xstrdup(f[NF_ID].value) : text_id_of_name(f[NF_NAME].value,
                                                                           WT_MAX_ID);
    struct app_member_fields m = {.id = id,
                                  .name = f[NF_NAME].value,
                                  .role = role,
                                  .discipline = f[NF_DISC].value,
                                  .area = f[NF_AREA].value,
                                  .hours = f[NF_HOURS].value};
    int rc = app_member_add(u->a, &m, &nm->code, err);
    if (!rc)
        snprintf(nm->id, sizeof nm->id, "%s", id);
    free(id);
    return rc;
}

/* The new-member form: the name first; the id is made from it unless typed. */
static void add_member(struct team_pane *p, struct ui *u)
{
    const char *words[4];
    role_words(words);
    struct form_field f[NF_COUNT] = {
        {N_("Naam"), FORM_TEXT, NULL, xstrdup(""), 0},
        {N_("Id (leeg: uit de naam)"), FORM_TEXT, NULL, xstrdup(""), 0},
        {N_("Rol"), FORM_CHOICE, words, xstrdup(words[2]), 0},
        {N_("Vak"), FORM_TEXT, NULL, xstrdup(""), 0},
        {N_("Wijk"), FORM_AREA, NULL, xstrdup(""), 0},
        {N_("Uren per week"), FORM_TEXT, NULL, xstrdup(""), 0}};
    struct new_member nm = {{0}, NULL};
    if (form_run(u, _("Nieuw teamlid"), f, NF_COUNT, save_new_member, &nm)) {
        if (nm.code)
            show_code(u, nm.id, nm.code);
        char *shown = app_record_name(u->a, WT_MEMBERS, nm.id);
        ui_message(u, false, _("Lid %s toegevoegd (id %s)"), shown, nm.id);
        free(shown);
        if (nm.code)
            explicit_bzero(nm.code, strlen(nm.code));
        free(nm.code);
        ui_changed(u);
    }
    form_fields_fini(f, NF_COUNT);
    p->loaded = false;
}

enum { CF_ROLE, CF_AREA, CF_HOURS, CF_COUNT };

static int save_change(struct ui *u, struct form_field *f, int n, void *ctx,
                       struct wt_error *err)
{
    (void)n;
    const char *role = role_of(f[CF_ROLE].value);
    if (!role)
        return bad_role(err);
    return app_member_change(u->a, ctx, role, f[CF_AREA].value, f[CF_HOURS].value, err);
}

/* A member's role, area and hours in one form. */
static void change_member(struct team_pane *p, struct ui *u, const struct app_team_member *m)
{
    const char *words[4];
    role_words(words);
    char id[WT_MAX_ID + 1];
    snprintf(id, sizeof id, "%s", m->m.v[MEMBER_ID]);
    const char *role = role_of(record_get(&m->m, MEMBER_ROLE));
    struct form_field f[CF_COUNT] = {
        {N_("Rol"), FORM_CHOICE, words,
         xstrdup(role ? words_of("members.role", role) : record_get(&m->m, MEMBER_ROLE)), 0},
        {N_("Wijk"), FORM_AREA, NULL, xstrdup(record_get(&m->m, MEMBER_AREA)), 0},
        {N_("Uren per week"), FORM_TEXT, NULL, xstrdup(record_get(&m->m, MEMBER_HOURS)), 0}};
    char *title = xasprintf(_("%s wijzigen"), record_get(&m->m, MEMBER_NAME));
    if (form_run(u, title, f, CF_COUNT, save_change, id)) {
        ui_message(u, false, _("Lid %s gewijzigd"), record_get(&m->m, MEMBER_NAME));
        ui_changed(u);
    }
    free(title);
    form_fields_fini(f, CF_COUNT);
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
