/* view_cases_list.c: the case rows (compact, one read), their filter and order, the list pane. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "view_cases_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"

static const char *const sort_names[SORT_COUNT] = {N_("nieuw eerst"), N_("id"), N_("wijk"),
                                                   N_("eigenaar"), N_("langst open")};

/* The status filter in the user's words (Dutch or English) to its value. */
static const char *status_value(const char *word)
{
    static const char *const map[][2] = {
        {"actief", "actief"}, {"active", "actief"}, {"nieuw", "new"},     {"new", "new"},
        {"open", "open"},     {"gesloten", "closed"}, {"closed", "closed"}, {"alle", "alle"},
        {"all", "alle"},      {"", "actief"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcasecmp(word, map[i][0]) == 0)
            return map[i][1];
    return NULL;
}

const char *view_cases_status_word(const char *value)
{
    return strcmp(value, "actief") == 0 ? _("actief")
           : strcmp(value, "alle") == 0 ? _("alle")
                                        : ui_case_status(value);
}

static char *short_text(const char *s, size_t max)
{
    size_t n = strlen(s ? s : "");
    if (n <= max)
        return xstrdup(s ? s : "");
    while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
        max--;
    return xstrndup(s, max);
}

static int add_row(void *ctx, const struct wt_record *r)
{
    struct cases *s = ctx;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 256;
        s->rows = xrealloc(s->rows, s->cap * sizeof *s->rows);
    }
    struct case_row *c = &s->rows[s->n++];
    c->id = xstrdup(r->v[CASE_ID]);
    c->area = xstrdup(record_get(r, CASE_AREA));
    c->request = short_text(record_get(r, CASE_REQUEST), 160);
    c->owner = xstrdup(record_get(r, CASE_OWNER));
    c->status = xstrdup(record_get(r, CASE_STATUS));
    c->needs = xstrdup(record_get(r, CASE_NEEDS));
    c->chosen = xstrdup(record_get(r, CASE_CHOSEN));
    c->opened = xstrdup(record_get(r, CASE_OPENED));
    c->restricted = strcmp(record_get(r, CASE_RESTRICTED), "yes") == 0;
    return 0;
}

void view_cases_free_rows(struct cases *s)
{
    for (size_t i = 0; i < s->n; i++) {
        struct case_row *c = &s->rows[i];
        free(c->id);
        free(c->area);
        free(c->request);
        free(c->owner);
        free(c->status);
        free(c->needs);
        free(c->chosen);
        free(c->opened);
    }
    free(s->rows);
    s->rows = NULL;
    s->n = s->cap = 0;
}

static bool has_need(const char *needs, const char *need)
{
    struct taglist l;
    tags_split_folded(needs, &l);
    char *f = text_fold_tag(need);
    bool yes = f && tags_has(&l, f);
    free(f);
    tags_fini(&l);
    return yes;
}

static bool passes(const struct cases *s, const struct case_row *c)
{
    const char *st = s->f_status;
    if (strcmp(st, "alle") != 0) {
        if (strcmp(st, "actief") == 0 ? strcmp(c->status, "closed") == 0
                                      : strcmp(c->status, st) != 0)
            return false;
    }
    if (*s->f_owner && strcmp(c->owner, s->f_owner) != 0)
        return false;
    if (*s->f_area && !strcasestr(c->area, s->f_area))
        return false;
    if (*s->f_need && !has_need(c->needs, s->f_need))
        return false;
    return true;
}

static int status_rank(const char *st)
{
    return strcmp(st, "new") == 0 ? 0 : strcmp(st, "open") == 0 ? 1 : 2;
}

/* qsort_r order of row indexes (ctx: the cases view) by the view's sort. */
static int compare(const void *a, const void *b, void *ctx)
{
    const struct cases *s = ctx;
    const struct case_row *x = &s->rows[*(const size_t *)a];
    const struct case_row *y = &s->rows[*(const size_t *)b];
    int c = 0;
    switch (s->sort) {
    case SORT_NEW:
        c = status_rank(x->status) - status_rank(y->status);
        if (!c)
            c = -strcmp(x->opened, y->opened);
        break;
    case SORT_AREA: c = strcmp(x->area, y->area); break;
    case SORT_OWNER: c = strcmp(x->owner, y->owner); break;
    case SORT_WAITING: c = strcmp(x->opened, y->opened); break;
    default: break;
    }
    return c ? c : strcmp(x->id, y->id);
}

const char *view_cases_selected_id(const struct cases *s)
{
    return s->nidx ? s->rows[s->idx[s->l.sel]].id : NULL;
}

/* Filters and sorts the rows, keeping the selected case selected. */
void view_cases_refilter(struct cases *s, const char *keep)
{
    char *k = keep ? xstrdup(keep) : NULL;
    free(s->idx);
    s->idx = xmalloc((s->n + 1) * sizeof *s->idx);
    s->nidx = 0;
    for (size_t i = 0; i < s->n; i++)
        if (passes(s, &s->rows[i]))
            s->idx[s->nidx++] = i;
    qsort_r(s->idx, s->nidx, sizeof *s->idx, compare, s);
    s->l.n = s->nidx;
    s->l.sel = 0;
    if (k)
        for (size_t i = 0; i < s->nidx; i++)
            if (strcmp(s->rows[s->idx[i]].id, k) == 0)
                s->l.sel = i;
    list_clamp(&s->l);
    free(k);
}

void view_cases_load(struct cases *s)
{
    char *keep = view_cases_selected_id(s) ? xstrdup(view_cases_selected_id(s)) : NULL;
    view_cases_free_rows(s);
    struct app *a = s->v.u->a;
    /* A volunteer sees no cases: their own requests, as sent, instead. */
    s->own = !app_may(a, WT_CASES, APP_OP_READ) && app_may(a, WT_CASES, APP_OP_CREATE);
    struct wt_error err = {0};
    if (s->own)
        view_cases_load_own(s);
    else if (app_each(a, WT_CASES, add_row, s, &err) != 0)
        ui_error(s->v.u, &err);
    s->loaded = true;
    view_cases_refilter(s, keep);
    free(keep);
}

struct row_ctx {
    struct cases *s;
    int widths[8];
    bool first_names; /* owners by first name: the full names do not fit */
};

/* The owner as the list shows them: the name, or only its first word. */
static const char *owner_shown(const struct cases *s, const char *id, bool first, char *buf,
                               size_t n)
{
    const char *name = ui_member_name(s->v.u, id);
    if (!first)
        return name;
    snprintf(buf, n, "%.*s", (int)strcspn(name, " "), name);
    return buf;
}

/* A row's status in words: a case's, or what became of one's own request. */
static const char *row_status(const struct cases *s, const struct case_row *r)
{
    return s->own ? ui_review_status(r->status) : ui_case_status(r->status);
}

static void draw_row(void *ctx, size_t i, int y, int x, int w, bool sel)
{
    struct row_ctx *c = ctx;
    struct cases *s = c->s;
    const struct case_row *r = &s->rows[s->idx[i]];
    char age[16], nch[16], owner[128];
    ui_age(app_day(s->v.u->a), r->opened, age);
    struct taglist l;
    tags_split(r->chosen, &l);
    snprintf(nch, sizeof nch, "%zu", l.n);
    tags_fini(&l);
    char *req = ui_show(s->v.u, r->request);
    const char *cells[] = {r->restricted ? "A" : "", r->id, ui_last_part(r->area), req,
                           owner_shown(s, r->owner, c->first_names, owner, sizeof owner),
                           row_status(s, r), age, nch};
    list_cells(y, x, w, cells, c->widths, 8,
               sel ? (s->focus == FOCUS_LIST ? TH_SEL : TH_SEL_DIM) : TH_NORMAL);
    free(req);
}

/* The widest value of each column among the cases shown (ids are never cut). */
static void content_widths(struct cases *s, const char *const *heads, bool first, int *want)
{
    for (int k = 0; k < 8; k++)
        want[k] = draw_width(heads[k]);
    want[0] = 1;
    want[6] = want[6] > 6 ? want[6] : 6; /* "10 mnd" */
    for (size_t i = 0; i < s->nidx; i++) {
        const struct case_row *r = &s->rows[s->idx[i]];
        char owner[128];
        const char *v[] = {r->id, ui_last_part(r->area),
                           owner_shown(s, r->owner, first, owner, sizeof owner),
                           row_status(s, r)};
        const int col[] = {1, 2, 4, 5};
        for (int k = 0; k < 4; k++) {
            int w = draw_width(v[k]);
            if (w > want[col[k]])
                want[col[k]] = w;
        }
    }
    if (want[2] > 16)
        want[2] = 16;
    if (want[4] > 18)
        want[4] = 18;
}

/* The request column wants this much before owners go to first names and
 * columns are left out. */
#define REQUEST_MIN 30

void view_cases_draw_list(struct cases *s, struct rect r)
{
    char *title = s->own ? xasprintf(_("Mijn hulpvragen: %zu"), s->nidx) :
                           xasprintf(_("Casussen: %zu van %zu (%s%s%s%s%s%s%s, %s)"), s->nidx, s->n,
                            view_cases_status_word(s->f_status), *s->f_owner ? ", " : "", ui_member_name(s->v.u, s->f_owner),
                            *s->f_area ? ", " : "", s->f_area, *s->f_need ? ", " : "",
                            s->f_need, _(sort_names[s->sort]));
    draw_title(r.y, r.x, r.w, title, s->focus == FOCUS_LIST);
    free(title);
    struct row_ctx c = {.s = s};
    const char *heads[] = {"", _("id"), _("wijk"), _("vraag"), _("eigenaar"), _("status"),
                           _("duur"), _("gek.")};
    /* Left out first: the count of chosen options, then the owner, then the area. */
    static const int drop[] = {0, 0, 1, 0, 2, 0, 0, 3};
    int want[8];
    struct ui_col cols[8];
    content_widths(s, heads, false, want);
    for (int k = 0; k < 8; k++)
        cols[k] = (struct ui_col){.head = heads[k], .want = want[k], .drop = drop[k]};
    ui_fit_columns(cols, 8, 3, REQUEST_MIN, r.w, c.widths);
    if (c.widths[4] < 0) { /* no room for whole names: first names, if they fit */
        content_widths(s, heads, true, want);
        for (int k = 0; k < 8; k++)
            cols[k].want = want[k];
        ui_fit_columns(cols, 8, 3, REQUEST_MIN, r.w, c.widths);
        c.first_names = true;
    }
    list_cells(r.y + 1, r.x, r.w, heads, c.widths, 8, TH_HEADER);
    s->list_r = (struct rect){r.y + 2, r.x, r.h - 2, r.w};
    list_draw(&s->l, s->list_r, draw_row, &c);
    if (!s->nidx)
        draw_text(r.y + 2, r.x + 1, r.w - 1,
                  s->own ? _("Nog geen hulpvragen ingestuurd. n: nieuwe hulpvraag")
                         : _("Geen casussen met dit filter. f: filter aanpassen"),
                  TH_DIM, false);
}

struct filter_ctx {
    struct cases *s;
};

static int save_filter(struct ui *u, struct form_field *f, int n, void *ctx,
                       struct wt_error *err)
{
    (void)n;
    struct cases *s = ((struct filter_ctx *)ctx)->s;
    const char *status = status_value(f[0].value);
    if (!status)
        return wt_error_set(err, WT_EINVAL, _("status: kies actief, nieuw, open, gesloten of alle"));
    const char *owner;
    if (ui_member_of(u, _(f[1].label), f[1].value, &owner, err) != 0)
        return WT_EINVAL;
    free(s->f_status);
    free(s->f_owner);
    free(s->f_area);
    free(s->f_need);
    s->f_status = xstrdup(status);
    s->f_owner = xstrdup(owner ? owner : "");
    s->f_area = xstrdup(f[2].value);
    s->f_need = xstrdup(f[3].value);
    view_cases_refilter(s, view_cases_selected_id(s));
    return 0;
}

void view_cases_edit_filter(struct cases *s)
{
    static const char *const st[] = {"actief", "nieuw", "open", "gesloten", "alle", NULL};
    struct form_field f[] = {
        {N_("Status"), FORM_CHOICE, st, xstrdup(view_cases_status_word(s->f_status)), 0},
        {N_("Eigenaar"), FORM_ID, ui_member_names(s->v.u),
         xstrdup(ui_member_name(s->v.u, s->f_owner)), 0},
        {N_("Wijk bevat"), FORM_TEXT, NULL, xstrdup(s->f_area), 0},
        {N_("Behoefte"), FORM_TAGS, tags_needs_vocabulary, xstrdup(s->f_need), 0},
    };
    struct filter_ctx c = {s};
    form_run(s->v.u, _("Filter (leeg: alles)"), f, 4, save_filter, &c);
    form_fields_fini(f, 4);
}


const char *view_cases_sort_name(int sort)
{
    return _(sort_names[sort]);
}
