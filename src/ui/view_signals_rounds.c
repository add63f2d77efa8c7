/* view_signals_rounds.c: the Rondes pane of item 3: rounds, their doors and the look-back. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"

static const char *const yes_no[] = {"ja", "nee", NULL};
static const char *const kinds[] = {"wijkscan", "bakkie", "anders", NULL};

static void load(struct rounds_pane *p, struct ui *u)
{
    char keep[WT_MAX_ID + 1] = "";
    if (p->n)
        snprintf(keep, sizeof keep, "%s", p->rs[p->l.sel].r.id);
    app_rounds_free(p->rs, p->n);
    p->rs = NULL;
    p->n = 0;
    struct wt_error err = {0};
    if (app_rounds_list(u->a, INT32_MIN, INT32_MAX, &p->rs, &p->n, &err) != 0)
        ui_error(u, &err);
    p->l.n = p->n;
    for (size_t i = 0; i < p->n && *keep; i++)
        if (strcmp(p->rs[i].r.id, keep) == 0)
            p->l.sel = i;
    list_clamp(&p->l);
    p->dl.n = p->n ? p->rs[p->l.sel].ndoors : 0;
    list_clamp(&p->dl);
    p->loaded = true;
}

static struct app_round *current(struct rounds_pane *p)
{
    return p->n ? &p->rs[p->l.sel] : NULL;
}

static const struct round_door *current_door(struct rounds_pane *p)
{
    struct app_round *ar = current(p);
    return ar && ar->ndoors ? &ar->doors[p->dl.sel] : NULL;
}

/* The last part of an area path: the neighbourhood itself. */
static const char *area_tail(const char *area)
{
    const char *s = strrchr(area, '/');
    return s ? s + 1 : area;
}

struct row_ctx {
    struct rounds_pane *p;
    struct ui *u;
    int widths[5];
};

static void round_row(void *ctx, size_t i, int y, int x, int w, bool sel)
{
    struct row_ctx *c = ctx;
    const struct app_round *ar = &c->p->rs[i];
    char doors[48], planned[16];
    snprintf(doors, sizeof doors, "%zu/%zu/%zu", ar->tally.rung, ar->tally.answered,
             ar->tally.talked);
    if (ar->r.addresses)
        snprintf(planned, sizeof planned, "%d", ar->r.addresses);
    else
        snprintf(planned, sizeof planned, "-");
    char day[DATE_SHOW_MAX];
    const char *cells[] = {ui_date(c->u, ar->r.date, DATE_LIST, day),
                           round_kind_label(ar->r.kind), area_tail(ar->r.area),
                           planned, doors};
    list_cells(y, x, w, cells, c->widths, 5, sel && !c->p->doors ? TH_SEL
                                              : sel                ? TH_SEL_DIM
                                                                   : TH_NORMAL);
}

/* The findings of a door as letters: I(deeën) Z(orgvraag) E(enzaam) T(alent). */
static void finding_marks(const struct round_door *d, char out[16])
{
    snprintf(out, 16, "%s%s%s%s", *d->ideas ? "I" : "-", *d->care ? "Z" : "-",
             d->lonely ? "E" : "-", *d->talents ? "T" : "-");
}

static void door_row(void *ctx, size_t i, int y, int x, int w, bool sel)
{
    struct row_ctx *c = ctx;
    const struct round_door *d = &current(c->p)->doors[i];
    char no[16], marks[16];
    snprintf(no, sizeof no, "%3d", d->no);
    finding_marks(d, marks);
    const char *open = d->answered ? (d->talked ? _("gesprek") : _("open")) : _("niet open");
    const char *where = d->where; /* app hands the beamer no addresses */
    struct buf made = {0};
    buf_puts(&made, "");
    const char *ids[] = {d->signal, d->made_case, d->talent};
    for (int k = 0; k < 3; k++)
        if (*ids[k]) /* a volunteer's finding waits for review under a submission's id */
            buf_printf(&made, "%s%s", made.len ? " " : "",
                       strncmp(ids[k], "v-", 2) == 0 ? _("ingediend") : ids[k]);
    const char *cells[] = {no, where, open, marks, made.data};
    list_cells(y, x, w, cells, c->widths, 5, sel && c->p->doors ? TH_SEL : TH_NORMAL);
    buf_fini(&made);
}

/* "Aangebeld 12 van 40 · open 8 · gesprekken 5" and the findings. */
static void draw_lookback(struct ui *u, const struct app_round *ar, int y, int x, int w)
{
    const struct round_tally *t = &ar->tally;
    char *a;
    if (strcmp(ar->r.kind, "bakkie") == 0) /* people who came by, not doors */
        a = xasprintf(_("Mensen gesproken %zu \u00b7 echte gesprekken %zu"), t->answered,
                      t->talked);
    else if (ar->r.addresses)
        a = xasprintf(_("Aangebeld %zu van %d adressen \u00b7 open %zu \u00b7 gesprekken %zu"),
                      t->rung, ar->r.addresses, t->answered, t->talked);
    else
        a = xasprintf(_("Aangebeld %zu \u00b7 open %zu \u00b7 gesprekken %zu"), t->rung,
                      t->answered, t->talked);
    draw_text(y, x, w, a, TH_NORMAL, true);
    free(a);
    char *b = xasprintf(_("Ideeën %zu \u00b7 zorgvragen %zu \u00b7 eenzaamheid %zu \u00b7 talenten "
                          "%zu   gemaakt: %zu signalen, %zu casussen, %zu talenten"),
                        t->ideas, t->care, t->lonely, t->talents, t->signals, t->cases,
                        t->talents_made);
    draw_text(y + 1, x, w, b, TH_NORMAL, true);
    free(b);
    (void)u;
}

/* The selected door in full (texts as they may be shown now). */
static void draw_door(struct ui *u, const struct round_door *d, struct rect r)
{
    int lw = 11, y = r.y;
    struct {
        const char *label, *text;
    } f[] = {{_("Notitie"), d->note}, {_("Ideeën"), d->ideas}, {_("Zorgvraag"), d->care},
             {_("Talenten"), d->talents}};
    for (size_t i = 0; i < sizeof f / sizeof f[0] && y < r.y + r.h; i++) {
        char *shown = ui_show(u, f[i].text);
        y = draw_field((struct rect){r.y, r.x, r.h, r.w}, y, f[i].label, shown, lw);
        free(shown);
    }
}

/* Who goes with whom, with names: "Noor Haddou + Annie Brouwer; ...". */
static char *pairs_names(const struct ui *u, const char *pairs)
{
    struct buf b = {0};
    const char *p = pairs;
    while (*p) {
        size_t sep = strspn(p, " ;+,");
        for (size_t i = 0; i < sep; i++)
            if (p[i] == ';' || p[i] == ',')
                buf_puts(&b, "; ");
            else if (p[i] == '+')
                buf_puts(&b, " + ");
        p += sep;
        size_t n = strcspn(p, " ;+,");
        if (!n)
            break;
        char id[WT_MAX_ID + 1];
        snprintf(id, sizeof id, "%.*s", (int)(n > WT_MAX_ID ? WT_MAX_ID : n), p);
        buf_puts(&b, ui_member_name(u, id));
        p += n;
    }
    char *plain = buf_steal(&b), *shown = ui_show(u, plain);
    free(plain);
    return shown;
}

void rounds_pane_draw(struct rounds_pane *p, struct ui *u, struct rect r)
{
    if (!p->loaded)
        load(p, u);
    /* The rounds on top (at most a third of the height), the chosen round's
     * look-back and doors below, the chosen door at the bottom. */
    int top_h = r.h / 3 < 4 ? 4 : r.h / 3;
    char *title = xasprintf(_("Rondes door de wijk (%zu): datum, soort, buurt, adressen, "
                              "deuren aangebeld/open/gesprek"),
                            p->n);
    draw_title(r.y, r.x, r.w, title, !p->doors);
    free(title);
    struct row_ctx c = {.p = p, .u = u, .widths = {10, 17, 0, 8, 12}};
    c.widths[2] = r.w - (10 + 17 + 8 + 12 + 4) > 8 ? r.w - (10 + 17 + 8 + 12 + 4) : 8;
    p->list_r = (struct rect){r.y + 1, r.x, top_h - 1, r.w};
    if (!p->n) {
        draw_text(r.y + 1, r.x + 1, r.w - 1,
                  _("Nog geen rondes. n: een ronde maken (wijkscan, Bakkie in de Wijk)."), TH_DIM,
                  false);
        return;
    }
    list_draw(&p->l, p->list_r, round_row, &c);
    struct app_round *ar = current(p);
    int y = r.y + top_h;
    char *pairs = pairs_names(u, ar->r.pairs);
    char day[DATE_SHOW_MAX];
    ui_date(u, ar->r.date, DATE_FULL, day);
    char *head = *pairs ? xasprintf(_("Terugblik %s %s %s \u2014 %s"),
                                    round_kind_label(ar->r.kind), day,
                                    area_tail(ar->r.area), pairs)
                        : xasprintf(_("Terugblik %s %s %s"), round_kind_label(ar->r.kind),
                                    day, area_tail(ar->r.area));
    draw_title(y, r.x, r.w, head, p->doors);
    free(head);
    free(pairs);
    draw_lookback(u, ar, y + 1, r.x + 1, r.w - 1);
    int detail_h = 4;
    int list_h = r.h - top_h - 3 - detail_h;
    if (list_h < 2) {
        detail_h = 0;
        list_h = r.h - top_h - 3;
    }
    c.widths[0] = 3;
    c.widths[1] = u->beamer ? 1 : 22;
    c.widths[2] = 9;
    c.widths[3] = 4;
    c.widths[4] = 0;
    p->doors_r = (struct rect){y + 3, r.x, list_h, r.w};
    p->dl.n = ar->ndoors;
    list_clamp(&p->dl);
    if (!ar->ndoors)
        draw_text(y + 3, r.x + 1, r.w - 1,
                  _("Nog geen deuren. Enter, dan n: deur open, x: niet open."), TH_DIM, false);
    else
        list_draw(&p->dl, p->doors_r, door_row, &c);
    const struct round_door *d = current_door(p);
    if (detail_h && d && p->doors)
        draw_door(u, d, (struct rect){y + 3 + list_h, r.x + 1, detail_h, r.w - 2});
    else if (detail_h)
        draw_text(y + 3 + list_h, r.x + 1, r.w - 1,
                  _("I ideeën, Z zorgvraag, E eenzaamheid, T talent. Enter: de deuren in."),
                  TH_DIM, false);
}

/* ---- forms ---- */

/* Who goes with whom, typed with names ("Noor + Annie; Wouter + Jos") or ids,
 * as stored: member ids, "a+b; c+d". 0, or WT_EINVAL with err. */
static int pairs_ids(struct ui *u, const char *label, const char *typed, char **out,
                     struct wt_error *err)
{
    struct buf b = {0};
    buf_puts(&b, "");
    int rc = 0;
    const char *p = typed;
    while (*p && !rc) {
        size_t n = strcspn(p, ";,+");
        char *part = xstrndup(p, n), *name = text_trim(part);
        const char *id = NULL;
        rc = ui_member_of(u, label, name, &id, err);
        if (!rc && id)
            buf_printf(&b, "%s%s", b.len && b.data[b.len - 1] != '+' ? "; " : "", id);
        free(name);
        free(part);
        p += n;
        if (*p == '+' && !rc && id)
            buf_putc(&b, '+');
        if (*p)
            p++;
    }
    if (rc) {
        buf_fini(&b);
        return rc;
    }
    *out = buf_steal(&b);
    return 0;
}

static int save_round(struct ui *u, struct form_field *f, int n, void *ctx, struct wt_error *err)
{
    (void)n;
    struct round *r = ctx;
    char *pairs = NULL;
    if (pairs_ids(u, _(f[4].label), f[4].value, &pairs, err) != 0)
        return WT_EINVAL;
    snprintf(r->date, sizeof r->date, "%s", f[0].value);
    round_set(&r->area, f[1].value);
    snprintf(r->kind, sizeof r->kind, "%s", f[2].value);
    char *end = NULL;
    long addr = *f[3].value ? strtol(f[3].value, &end, 10) : 0;
    if (end && *end)
        return wt_error_set(err, WT_EINVAL, _("adressen: geef een aantal"));
    r->addresses = addr < 0 || addr > 100000 ? -1 : (int)addr;
    round_set(&r->pairs, pairs);
    free(pairs);
    int rc = app_round_save(u->a, r, err);
    if (rc == 0) {
        ui_changed(u);
        char day[DATE_SHOW_MAX];
        ui_date(u, r->date, DATE_DAY, day);
        ui_message(u, false, _("Ronde van %s in %s is bewaard"), day, ui_last_part(r->area));
    }
    return rc;
}

/* A new round (r->id empty) or changes to one. */
static void edit_round(struct rounds_pane *p, struct ui *u, const struct round *from)
{
    if (!ui_may_write(u))
        return;
    struct round r;
    char addr[16] = "";
    if (from) {
        round_copy(&r, from);
        if (from->addresses)
            snprintf(addr, sizeof addr, "%d", from->addresses);
    } else {
        round_init(&r);
        date_format(app_day(u->a), r.date);
        round_set(&r.area, record_get(app_member(u->a), MEMBER_AREA));
    }
    struct form_field f[] = {
        {N_("Datum"), FORM_DATE, NULL, xstrdup(r.date), 0},
        {N_("Wijk"), FORM_AREA, NULL, xstrdup(r.area), 0},
        {N_("Soort"), FORM_CHOICE, kinds, xstrdup(r.kind), 0},
        {N_("Adressen"), FORM_TEXT, NULL, xstrdup(addr), 0},
        {N_("Wie met wie"), FORM_TAGS, ui_member_names(u), pairs_names(u, r.pairs), 0},
    };
    bool saved = form_run(u, from ? _("Ronde bewerken (wie met wie: a+b; c+d)")
                                  : _("Nieuwe ronde door de wijk (wie met wie: a+b; c+d)"),
                          f, 5, save_round, &r);
    form_fields_fini(f, 5);
    if (saved) {
        load(p, u);
        for (size_t i = 0; i < p->n; i++)
            if (strcmp(p->rs[i].r.id, r.id) == 0)
                p->l.sel = i;
        list_clamp(&p->l);
    }
    round_fini(&r);
}

struct door_form {
    const char *round_id;
    struct round_door *d;
};

/* A yes/no field: j, ja, y, yes or n, nee, no (any case); empty gives dflt.
 * -1 for anything else. */
static int yes_no_value(const char *s, bool dflt)
{
    static const char *const yes[] = {"j", "ja", "y", "yes"}, *const no[] = {"n", "nee", "no"};
    if (!*s)
        return dflt;
    for (size_t i = 0; i < 4; i++)
        if (strcasecmp(s, yes[i]) == 0)
            return 1;
    for (size_t i = 0; i < 3; i++)
        if (strcasecmp(s, no[i]) == 0)
            return 0;
    return -1;
}

static int save_door(struct ui *u, struct form_field *f, int n, void *ctx, struct wt_error *err)
{
    (void)n;
    struct door_form *c = ctx;
    round_set(&c->d->where, f[0].value);
    round_set(&c->d->note, f[4].value);
    round_set(&c->d->ideas, f[5].value);
    round_set(&c->d->care, f[6].value);
    round_set(&c->d->talents, f[7].value);
    /* Left empty: the door opened (it is the key for one that did), a
     * conversation was held when something was noted, no loneliness. */
    bool noted = *f[4].value || *f[5].value || *f[6].value || *f[7].value;
    int flags[3] = {yes_no_value(f[1].value, true), yes_no_value(f[2].value, noted),
                    yes_no_value(f[3].value, false)};
    for (int i = 0; i < 3; i++)
        if (flags[i] < 0)
            return wt_error_set(err, WT_EINVAL, _("%s: ja of nee"), _(f[i + 1].label));
    c->d->answered = flags[0];
    c->d->talked = flags[1];
    c->d->lonely = flags[2];
    int rc = app_door_save(u->a, c->round_id, c->d, err);
    if (rc == 0) {
        ui_changed(u);
        ui_message(u, false, _("Deur %d is bewaard"), c->d->no);
    }
    return rc;
}

/* Selects door no of the current round after a load. */
static void select_door(struct rounds_pane *p, int no)
{
    struct app_round *ar = current(p);
    for (size_t i = 0; ar && i < ar->ndoors; i++)
        if (ar->doors[i].no == no)
            p->dl.sel = i;
    p->dl.n = ar ? ar->ndoors : 0;
    list_clamp(&p->dl);
}

/* A door: from (NULL for a new one that opened). */
static void edit_door(struct rounds_pane *p, struct ui *u, const struct round_door *from)
{
    struct app_round *ar = current(p);
    if (!ar || !ui_may_write(u))
        return;
    if (from && !ui_may_edit_shown(u))
        return;
    struct round_door d;
    if (from)
        round_door_copy(&d, from);
    else
        round_door_init(&d);
    /* A new door leaves the questions empty: the defaults fit most doors. */
    const char *open = from ? (d.answered ? "ja" : "nee") : "";
    const char *talked = from ? (d.talked ? "ja" : "nee") : "";
    const char *lonely = from ? (d.lonely ? "ja" : "nee") : "";
    struct form_field f[] = {
        {N_("Adres"), FORM_TEXT, NULL, xstrdup(d.where), 0},
        {N_("Open (leeg: ja)"), FORM_CHOICE, yes_no, xstrdup(open), 0},
        {N_("Gesprek"), FORM_CHOICE, yes_no, xstrdup(talked), 0},
        {N_("Eenzaam (leeg: nee)"), FORM_CHOICE, yes_no, xstrdup(lonely), 0},
        {N_("Notitie"), FORM_LONG, NULL, xstrdup(d.note), 0},
        {N_("Ideeën voor de wijk"), FORM_LONG, NULL, xstrdup(d.ideas), 0},
        {N_("Zorgvraag"), FORM_LONG, NULL, xstrdup(d.care), 0},
        {N_("Talenten"), FORM_LONG, NULL, xstrdup(d.talents), 0},
    };
    char round_id[WT_MAX_ID + 1];
    snprintf(round_id, sizeof round_id, "%s", ar->r.id);
    struct door_form c = {round_id, &d};
    char *title = from ? xasprintf(_("Deur %d bewerken (geen namen)"), from->no)
                       : xasprintf(_("Volgende deur (geen namen; Enter bewaart)"));
    bool saved = form_run(u, title, f, 8, save_door, &c);
    free(title);
    form_fields_fini(f, 8);
    if (saved) {
        load(p, u);
        select_door(p, d.no);
    }
    round_door_fini(&d);
}

/* x: a door that did not open, recorded at once (the address may stay empty). */
static void door_not_open(struct rounds_pane *p, struct ui *u)
{
    struct app_round *ar = current(p);
    if (!ar || !ui_may_write(u))
        return;
    char *where = dialog_input(u, _("Niet open. Adres (mag leeg):"), "");
    if (!where)
        return;
    struct round_door d;
    round_door_init(&d);
    round_set(&d.where, where);
    free(where);
    char round_id[WT_MAX_ID + 1];
    snprintf(round_id, sizeof round_id, "%s", ar->r.id);
    struct wt_error err = {0};
    if (app_door_save(u->a, round_id, &d, &err) != 0) {
        ui_error(u, &err);
    } else {
        ui_changed(u);
        ui_message(u, false, _("Deur %d: niet open"), d.no);
        load(p, u);
        select_door(p, d.no);
    }
    round_door_fini(&d);
}

/* s, c, t: the door's finding becomes a signal, case or talent: the form
 * comes filled in, Enter saves, and the door remembers what it became. */
static void make_from(struct rounds_pane *p, struct ui *u, enum round_finding what)
{
    struct app_round *ar = current(p);
    const struct round_door *d = current_door(p);
    if (!ar || !d || !ui_may_write(u))
        return;
    if (*round_door_mark(d, what)) {
        char *name =
            app_record_name(u->a, round_finding_kind(what), round_door_mark(d, what));
        ui_message(u, true, _("Deur %d werd al %s"), d->no, name);
        free(name);
        return;
    }
    if (what == FINDING_SIGNAL && !*d->ideas && !*d->note && !d->lonely) {
        ui_message(u, true, _("Deur %d heeft geen idee of notitie voor een signaal"), d->no);
        return;
    }
    if (what == FINDING_CASE && !app_may(u->a, WT_CASES, APP_OP_WRITE)) {
        ui_message(u, true, _("Een casus maakt het team: de zorgvraag staat bij deur %d en gaat "
                              "met de ronde mee"),
                   d->no);
        return;
    }
    if (what == FINDING_CASE && !*d->care) {
        ui_message(u, true, _("Deur %d heeft geen zorgvraag"), d->no);
        return;
    }
    if (what == FINDING_TALENT && !*d->talents) {
        ui_message(u, true, _("Deur %d heeft geen talent"), d->no);
        return;
    }
    struct wt_record rec;
    app_door_draft(u->a, &ar->r, d, what, &rec);
    char round_id[WT_MAX_ID + 1];
    snprintf(round_id, sizeof round_id, "%s", ar->r.id);
    int no = d->no;
    if (ui_new_from_door(u, &rec, round_id, no, what)) {
        load(p, u);
        select_door(p, no);
    }
    record_fini(&rec);
}

bool rounds_pane_key(struct rounds_pane *p, struct ui *u, int key)
{
    if (!p->loaded)
        load(p, u);
    if (p->doors)
        return list_key(&p->dl, key);
    if (!list_key(&p->l, key))
        return false;
    p->dl.sel = 0;
    p->dl.top = 0;
    return true;
}

void rounds_pane_act(struct rounds_pane *p, struct ui *u, int key)
{
    if (!p->loaded)
        load(p, u);
    if (!p->doors) {
        if (key == 'n')
            edit_round(p, u, NULL);
        else if (key == 'e' && current(p))
            edit_round(p, u, &current(p)->r); /* copied before the form can reload */
        else if ((key == UI_KEY(KEY_RIGHT) || ui_key_enter(key)) && current(p))
            p->doors = true;
        return;
    }
    switch (key) {
    case UI_ESC:
    case UI_KEY(KEY_LEFT): p->doors = false; return;
    case 'n': edit_door(p, u, NULL); return;
    case 'x': door_not_open(p, u); return;
    case 's': make_from(p, u, FINDING_SIGNAL); return;
    case 'c': make_from(p, u, FINDING_CASE); return;
    case 't': make_from(p, u, FINDING_TALENT); return;
    default:
        if ((key == 'e' || ui_key_enter(key)) && current_door(p))
            edit_door(p, u, current_door(p)); /* copied before the form can reload */
        return;
    }
}

void rounds_pane_click(struct rounds_pane *p, int y)
{
    if (list_click(&p->l, p->list_r, y))
        p->doors = false;
    else if (list_click(&p->dl, p->doors_r, y))
        p->doors = true;
}

void rounds_pane_reload(struct rounds_pane *p)
{
    p->loaded = false;
}

void rounds_pane_fini(struct rounds_pane *p)
{
    app_rounds_free(p->rs, p->n);
    p->rs = NULL;
    p->n = 0;
}
