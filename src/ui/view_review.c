/* view_review.c: item 6: a leader's "Te beoordelen" (accept, edit, merge, reject), a volunteer's "Mijn inzendingen". */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/i18n.h"

#define REVIEW_MAX_DUPS 6

struct review {
    struct view v;
    struct app_submission *subs;
    size_t nsubs;
    size_t *idx, nidx;
    struct list l;
    bool all, loaded, leader;
    struct rect list_r;
    char dups[REVIEW_MAX_DUPS][WT_MAX_ID + 1];
    size_t ndups, dup_sel;
    char dups_for[WT_MAX_ID + 1]; /* the submission the duplicates belong to */
    unsigned long dups_gen;
    struct wt_record dup;         /* the highlighted duplicate, kind WT_KIND_COUNT: none */
    int widths[6];                /* the list's columns, from their content (review_draw) */
};

static const struct keyhelp own_legend[] = {
    {N_("Pijltjes"), N_("uw inzendingen: wacht, geaccepteerd of afgewezen, met de reden")},
    {NULL, NULL}};

static const struct app_submission *selected(const struct review *s)
{
    return s->nidx ? &s->subs[s->idx[s->l.sel]] : NULL;
}

static void subs_free(struct review *s)
{
    for (size_t i = 0; i < s->nsubs; i++)
        record_fini(&s->subs[i].rec);
    free(s->subs);
    s->subs = NULL;
    s->nsubs = 0;
}

static int add_sub(void *ctx, const struct app_submission *sub)
{
    struct review *s = ctx;
    s->subs = xrealloc(s->subs, (s->nsubs + 1) * sizeof *s->subs);
    struct app_submission *c = &s->subs[s->nsubs++];
    memcpy(c, sub, sizeof *c);
    record_copy(&c->rec, &sub->rec);
    return 0;
}

static void load(struct review *s)
{
    const struct app_submission *cur = selected(s);
    char keep[WT_MAX_ID + 1] = "";
    if (cur)
        snprintf(keep, sizeof keep, "%s", cur->id);
    subs_free(s);
    struct wt_error err = {0};
    if (app_review_each(s->v.u->a, add_sub, s, &err) != 0)
        ui_error(s->v.u, &err);
    free(s->idx);
    s->idx = xmalloc((s->nsubs + 1) * sizeof *s->idx);
    s->nidx = 0;
    for (size_t i = 0; i < s->nsubs; i++)
        if (!s->leader || s->all || strcmp(s->subs[i].status, "pending") == 0)
            s->idx[s->nidx++] = i;
    s->l.n = s->nidx;
    for (size_t i = 0; i < s->nidx; i++)
        if (strcmp(s->subs[s->idx[i]].id, keep) == 0)
            s->l.sel = i;
    list_clamp(&s->l);
    s->dups_for[0] = '\0';
    s->loaded = true;
}

/* The column that says what a submission is about, in a few words. */
static int what_col(enum wt_kind kind)
{
    switch (kind) {
    case WT_SIGNALS: return SIGNAL_TEXT;
    case WT_RESOURCES: return RESOURCE_NAME;
    case WT_TALENTS: return TALENT_NAME;
    case WT_CASES: return CASE_REQUEST;
    default: return 0;
    }
}

/* Text of column col as it may be shown now (names as initials on the beamer). */
static char *shown(const struct ui *u, const struct wt_record *r, int col)
{
    if (r->kind == WT_TALENTS && col == TALENT_NAME)
        return ui_person(u, record_get(r, col));
    char buf[WT_MAX_FIELD_BYTES + 1];
    return ui_show(u, ui_value(u, r, col, buf, sizeof buf));
}

/* The first five cells of submission i of the list (day: its buffer). */
static void row_cells(const struct review *s, size_t i, char day[DATE_SHOW_MAX],
                      const char *cells[5])
{
    const struct app_submission *sub = &s->subs[s->idx[i]];
    cells[0] = sub->id;
    cells[1] = ui_kind_label(sub->rec.kind);
    cells[2] = ui_date(s->v.u, sub->date, DATE_LIST, day);
    cells[3] = ui_member_name(s->v.u, sub->submitter);
    cells[4] = ui_review_status(sub->status);
}

static void draw_row(void *ctx, size_t i, int y, int x, int w, bool sel)
{
    struct review *s = ctx;
    const struct app_submission *sub = &s->subs[s->idx[i]];
    char day[DATE_SHOW_MAX];
    const char *cells[6];
    row_cells(s, i, day, cells);
    char *what = shown(s->v.u, &sub->rec, what_col(sub->rec.kind));
    cells[5] = what;
    list_cells(y, x, w, cells, s->widths, 6, sel ? TH_SEL : TH_NORMAL);
    free(what);
}

/* The list's columns as wide as their widest cell; the submitter's name
 * gives way first, then the date goes, so "wat" keeps 20. */
static void fit_widths(struct review *s, int width)
{
    struct ui_col cols[6] = {{.want = 0},
                             {.want = 0},
                             {.want = 0, .drop = 1},
                             {.want = 0, .least = 10, .shrink = 1},
                             {.want = 0},
                             {0}};
    static const char *const heads[] = {N_("id"), N_("soort"), N_("datum"), N_("door"),
                                        N_("status"), N_("wat")};
    for (int k = 0; k < 6; k++)
        cols[k].head = _(heads[k]);
    for (size_t i = 0; i < s->nidx; i++) {
        char day[DATE_SHOW_MAX];
        const char *cells[5];
        row_cells(s, i, day, cells);
        for (int k = 0; k < 5; k++)
            if (draw_width(cells[k]) > cols[k].want)
                cols[k].want = draw_width(cells[k]);
    }
    ui_fit_columns(cols, 6, 5, 20, width, s->widths);
}

/* Every filled column of r with its label, from line y of in; returns the
 * next line. A new record carries its submission's id (sub_id) until accepted. */
/* The labels' width for r's fields in pane in: as wide as the widest label
 * ("Wat is er gezien"), at least 15, at most half the pane. */
static int label_width(const struct wt_record *r, struct rect in)
{
    const struct wt_kind_def *k = record_kind(r->kind);
    int lw = 15;
    for (int col = 1; col < k->nfields; col++)
        if (draw_width(ui_field_label(r->kind, col)) + 1 > lw)
            lw = draw_width(ui_field_label(r->kind, col)) + 1;
    int most = in.w / 2 > 8 ? in.w / 2 : 8;
    return lw < most ? lw : most;
}

static int draw_record(const struct ui *u, struct rect in, int y, const struct wt_record *r,
                       const char *sub_id)
{
    const struct wt_kind_def *k = record_kind(r->kind);
    const char *id = record_get(r, 0);
    int lw = label_width(r, in);
    y = draw_field(in, y, _("id"), !*id || strcmp(id, sub_id) == 0 ? _("(nieuw)") : id, lw);
    for (int col = 1; col < k->nfields && y < in.y + in.h; col++) {
        const char *label = ui_field_label(r->kind, col);
        if (!*label)
            continue;
        char *v = shown(u, r, col);
        y = draw_field(in, y, label, v, lw);
        free(v);
    }
    return y;
}

/* The likely duplicates of the selected submission, found again when it changed. */
static void find_dups(struct review *s, const struct app_submission *sub)
{
    struct ui *u = s->v.u;
    if (strcmp(s->dups_for, sub->id) == 0 && s->dups_gen == u->gen)
        return;
    snprintf(s->dups_for, sizeof s->dups_for, "%s", sub->id);
    s->dups_gen = u->gen;
    struct wt_error err = {0};
    s->ndups = s->leader ? app_review_duplicates(u->a, sub, s->dups, REVIEW_MAX_DUPS, &err) : 0;
    if (err.code)
        ui_error(u, &err);
    s->dup_sel = 0;
    record_fini(&s->dup);
    record_init(&s->dup, WT_MEMBERS);
    s->dup.kind = WT_KIND_COUNT;
}

static void load_dup(struct review *s, const struct app_submission *sub)
{
    if (s->ndups == 0 || (s->dup.kind == sub->rec.kind &&
                          strcmp(record_get(&s->dup, 0), s->dups[s->dup_sel]) == 0))
        return;
    struct wt_error err = {0};
    record_fini(&s->dup);
    if (app_get(s->v.u->a, sub->rec.kind, s->dups[s->dup_sel], &s->dup, &err) != 0) {
        record_init(&s->dup, WT_MEMBERS);
        s->dup.kind = WT_KIND_COUNT;
    }
}

static void draw_dups(struct review *s, const struct app_submission *sub, struct rect r)
{
    draw_title(r.y, r.x, r.w, _("Lijkt op"), false);
    struct rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
    if (s->ndups == 0) {
        draw_text(in.y, in.x, in.w, _("Geen mogelijke dubbele gevonden"), TH_DIM, false);
        return;
    }
    int x = in.x;
    for (size_t i = 0; i < s->ndups && x < in.x + in.w; i++) {
        char *t = xasprintf(i == s->dup_sel ? "[%s]" : " %s ", s->dups[i]);
        x += draw_text(in.y, x, in.x + in.w - x, t, i == s->dup_sel ? TH_SEL : TH_NORMAL,
                       false) + 1;
        free(t);
    }
    load_dup(s, sub);
    if (s->dup.kind == sub->rec.kind)
        draw_record(s->v.u, (struct rect){in.y + 1, in.x, in.h - 1, in.w}, in.y + 1, &s->dup,
                    "");
}

static void draw_detail(struct review *s, struct rect r, struct rect dr)
{
    const struct app_submission *sub = selected(s);
    struct ui *u = s->v.u;
    if (!sub) {
        if (dr.w > 0) /* nothing to compare with: the hint takes both panes */
            r.w = dr.x + dr.w - r.x;
        draw_title(r.y, r.x, r.w, _("Inzending"), false);
        draw_text(r.y + 1, r.x + 1, r.w - 1,
                  s->leader ? _("Niets te beoordelen. h: ook beoordeelde tonen")
                            : _("U heeft nog niets ingezonden"),
                  TH_DIM, false);
        return;
    }
    char *title = xasprintf(_("Inzending %s: %s"), sub->id, ui_kind_label(sub->rec.kind));
    draw_title(r.y, r.x, r.w, title, false);
    free(title);
    struct rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
    char *head = ui_decision_line(u, sub);
    int y = draw_field(in, in.y, _("Status"), head, label_width(&sub->rec, in));
    free(head);
    if (sub->reason[0])
        y = draw_field(in, y, _("Reden"), sub->reason, label_width(&sub->rec, in));
    draw_record(u, in, y, &sub->rec, sub->id);
    if (s->leader && dr.w > 0) {
        find_dups(s, sub);
        draw_dups(s, sub, dr);
    }
}

static void review_draw(struct view *v, struct rect r)
{
    struct review *s = (struct review *)v;
    if (!s->loaded)
        load(s);
    int lh = r.h * 2 / 5 > 5 ? r.h * 2 / 5 : 5;
    struct rect lr = {r.y, r.x, lh, r.w};
    char *title = xasprintf(!s->leader ? _("Mijn inzendingen (%zu)")
                            : s->all   ? _("Alle inzendingen (%zu)")
                                       : _("Te beoordelen (%zu)"),
                            s->nidx);
    draw_title(lr.y, lr.x, lr.w, title, true);
    free(title);
    const char *heads[] = {_("id"), _("soort"), _("datum"), _("door"), _("status"), _("wat")};
    fit_widths(s, lr.w);
    list_cells(lr.y + 1, lr.x, lr.w, heads, s->widths, 6, TH_HEADER);
    s->list_r = (struct rect){lr.y + 2, lr.x, lr.h - 2, lr.w};
    list_draw(&s->l, s->list_r, draw_row, s);
    struct rect dr = {r.y + lh, r.x, r.h - lh, r.w}, pr = {0, 0, 0, 0};
    if (s->leader) { /* the submission and its likely duplicates side by side */
        dr.w = r.w / 2;
        pr = (struct rect){dr.y, r.x + dr.w + 1, dr.h, r.w - dr.w - 1};
    }
    draw_detail(s, dr, pr);
}

/* Marks the screen changed and shows msg (made with xasprintf), which it frees. */
static void decided(struct review *s, char *msg)
{
    ui_changed(s->v.u);
    ui_message(s->v.u, false, "%s", msg);
    free(msg);
}

static void accept(struct review *s, const struct app_submission *sub)
{
    char id[WT_MAX_ID + 1];
    snprintf(id, sizeof id, "%s", sub->id);
    char *name = app_record_label(s->v.u->a, &sub->rec);
    char *q = xasprintf(_("Inzending accepteren: %s?"), name);
    bool yes = dialog_confirm(s->v.u, q);
    free(q);
    struct wt_error err = {0};
    if (yes && app_review_accept(s->v.u->a, id, NULL, &err) != 0)
        ui_error(s->v.u, &err);
    else if (yes)
        decided(s, xasprintf(_("Inzending %s is geaccepteerd"), name));
    free(name);
}

static void reject(struct review *s, const struct app_submission *sub)
{
    char id[WT_MAX_ID + 1];
    snprintf(id, sizeof id, "%s", sub->id);
    char *reason = dialog_input(s->v.u, _("Waarom afgewezen (de vrijwilliger ziet dit):"), "");
    if (!reason)
        return;
    struct wt_error err = {0};
    char *name = app_record_label(s->v.u->a, &sub->rec);
    char *q = *reason ? xasprintf(_("Inzending afwijzen: %s?"), name) : NULL;
    if (!*reason)
        ui_message(s->v.u, true, _("Geef een reden: de vrijwilliger wil weten waarom"));
    else if (!dialog_confirm(s->v.u, q))
        ui_message(s->v.u, false, _("Niet afgewezen"));
    else if (app_review_reject(s->v.u->a, id, reason, &err) != 0)
        ui_error(s->v.u, &err);
    else
        decided(s, xasprintf(_("Inzending %s is afgewezen"), name));
    free(q);
    free(name);
    free(reason);
}

static void merge(struct review *s, const struct app_submission *sub)
{
    if (s->ndups == 0) {
        ui_message(s->v.u, true, _("Geen mogelijke dubbele om mee samen te voegen"));
        return;
    }
    char id[WT_MAX_ID + 1], target[WT_MAX_ID + 1];
    snprintf(id, sizeof id, "%s", sub->id);
    snprintf(target, sizeof target, "%s", s->dups[s->dup_sel]);
    char *name = app_record_label(s->v.u->a, &sub->rec);
    char *other = app_record_name(s->v.u->a, sub->rec.kind, target);
    char *q = xasprintf(_("Inzending samenvoegen: %s met %s?"), name, other);
    bool yes = dialog_confirm(s->v.u, q);
    free(q);
    struct wt_error err = {0};
    if (yes && app_review_merge(s->v.u->a, id, target, &err) != 0) {
        ui_error(s->v.u, &err);
    } else if (yes) {
        ui_changed(s->v.u);
        ui_message(s->v.u, false, _("Inzending %s is samengevoegd met %s"), name, other);
    }
    free(other);
    free(name);
}

static bool review_key(struct view *v, int key)
{
    return list_key(&((struct review *)v)->l, key);
}

static void key_all(struct view *v, int key)
{
    (void)key;
    struct review *s = (struct review *)v;
    s->all = !s->all;
    load(s);
}

static void key_dup(struct view *v, int key)
{
    struct review *s = (struct review *)v;
    if (s->ndups > 0)
        s->dup_sel = (s->dup_sel + (key == UI_KEY(KEY_RIGHT) ? 1 : s->ndups - 1)) % s->ndups;
}

/* g, e, m, r: on a submission that still waits; each asks first. */
static void key_decide(struct view *v, int key)
{
    struct review *s = (struct review *)v;
    const struct app_submission *sub = selected(s);
    if (!sub || !ui_may_write(v->u))
        return;
    if (strcmp(sub->status, "pending") != 0) {
        char *name = app_record_label(v->u->a, &sub->rec);
        ui_message(v->u, true, _("Inzending %s is al beoordeeld"), name);
        free(name);
        return;
    }
    if (key == 'g')
        accept(s, sub);
    else if (key == 'e')
        ui_review_edit(v->u, sub->id, &sub->rec);
    else if (key == 'm')
        merge(s, sub);
    else
        reject(s, sub);
}

static bool may_decide(struct view *v)
{
    return app_decides(v->u->a);
}

static const struct ui_key keys[] = {
    {.key = 'g', .fn = 5, .label = N_("Accept"), .when = may_decide,
     .help = N_("goedkeuren (na j/n): de inzending wordt een gewoon record"), .run = key_decide},
    {.key = 'e', .fn = 4, .label = N_("Aanpas"), .when = may_decide,
     .help = N_("aanpassen en accepteren (het formulier; Enter accepteert)"), .run = key_decide},
    {.key = 'm', .fn = 6, .label = N_("Samenv"), .when = may_decide,
     .help = N_("samenvoegen met de gemarkeerde dubbele, na j/n (lege velden worden aangevuld)"),
     .run = key_decide},
    {.key = UI_KEY(KEY_LEFT), .alt = UI_KEY(KEY_RIGHT), .when = may_decide,
     .help = N_("vorige of volgende mogelijke dubbele markeren"), .run = key_dup},
    {.key = 'r', .fn = 7, .label = N_("Afwijs"), .when = may_decide,
     .help = N_("afwijzen met een reden die de vrijwilliger ziet, na j/n"), .run = key_decide},
    {.key = 'h', .fn = 8, .label = N_("Beoord."), .when = may_decide,
     .help = N_("ook beoordeelde inzendingen tonen (status en reden), of niet"),
     .run = key_all},
    {0}};

static void review_click(struct view *v, int y, int x)
{
    (void)x;
    struct review *s = (struct review *)v;
    list_click(&s->l, s->list_r, y);
}

static void review_reload(struct view *v)
{
    ((struct review *)v)->loaded = false;
}

static void review_resize(struct view *v, struct rect r)
{
    (void)r;
    list_clamp(&((struct review *)v)->l);
}

static void review_free(struct view *v)
{
    struct review *s = (struct review *)v;
    subs_free(s);
    record_fini(&s->dup);
    free(s->idx);
    free(s);
}

static const struct view_ops leader_ops = {
    .title = N_("Te beoordelen"),
    .keys = keys,
    .draw = review_draw,
    .key = review_key,
    .resize = review_resize,
    .click = review_click,
    .reload = review_reload,
    .free = review_free,
};

static const struct view_ops own_ops = {
    .title = N_("Mijn inzendingen"),
    .keys = keys,
    .legend = own_legend,
    .draw = review_draw,
    .key = review_key,
    .resize = review_resize,
    .click = review_click,
    .reload = review_reload,
    .free = review_free,
};

struct view *view_review_new(struct ui *u)
{
    struct review *s = xcalloc(1, sizeof *s);
    s->leader = app_decides(u->a);
    s->v.ops = s->leader ? &leader_ops : &own_ops;
    s->v.u = u;
    record_init(&s->dup, WT_MEMBERS);
    s->dup.kind = WT_KIND_COUNT;
    return &s->v;
}
