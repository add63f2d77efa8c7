/* view_network_projects.c: the Projecten tab of item 4: projects per phase, overdue next steps, partners out of touch. */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/words.h"

#define PARTNER_QUIET_DAYS 84 /* "no contact in 12 weeks" (issue 21) */

static const char *const phases[] = {"idee",        "opstart", "loopt", "overdragen",
                                     "zelfstandig", "gestopt", NULL};

static int phase_rank(const char *p)
{
    for (int i = 0; phases[i]; i++)
        if (strcmp(phases[i], p) == 0)
            return i;
    return 6;
}

static bool overdue(struct ui *u, const struct wt_record *r)
{
    int32_t d;
    const char *ph = record_get(r, PROJECT_PHASE);
    return strcmp(ph, "zelfstandig") != 0 && strcmp(ph, "gestopt") != 0 &&
           date_parse(record_get(r, PROJECT_NEXT_DATE), &d) == 0 && d < app_day(u->a);
}

static bool quiet(struct ui *u, const struct wt_record *r)
{
    int32_t d;
    const char *c = record_get(r, PARTNER_LAST_CONTACT);
    return !*c || (date_parse(c, &d) == 0 && d < app_day(u->a) - PARTNER_QUIET_DAYS);
}

static struct projects_pane *sort_pane; /* qsort has no context */

static int by_phase(const void *x, const void *y)
{
    const struct wt_record *a = &sort_pane->pr.r[*(const size_t *)x];
    const struct wt_record *b = &sort_pane->pr.r[*(const size_t *)y];
    int d = phase_rank(record_get(a, PROJECT_PHASE)) - phase_rank(record_get(b, PROJECT_PHASE));
    return d ? d : strcmp(record_get(a, PROJECT_NAME), record_get(b, PROJECT_NAME));
}

static void load(struct projects_pane *p, struct ui *u)
{
    struct wt_error err = {0};
    if (rows_load(&p->pr, u->a, WT_PROJECTS, &err) != 0 ||
        rows_load(&p->pa, u->a, WT_PARTNERS, &err) != 0)
        ui_error(u, &err);
    free(p->idx);
    p->idx = xmalloc((p->pr.n + p->pa.n + 1) * sizeof *p->idx);
    p->nproj = 0;
    for (size_t i = 0; i < p->pr.n; i++)
        p->idx[p->nproj++] = i;
    sort_pane = p;
    qsort(p->idx, p->nproj, sizeof *p->idx, by_phase);
    p->n = p->nproj;
    for (size_t i = 0; i < p->pa.n; i++)
        if (quiet(u, &p->pa.r[i]))
            p->idx[p->n++] = i;
    p->l.n = p->n;
    list_clamp(&p->l);
    p->loaded = true;
}

struct prow_ctx {
    struct projects_pane *p;
    struct ui *u;
    int widths[4];
};

/* Row i's record and its first three cells: phase or role, name, area. */
static const struct wt_record *row_cells(const struct projects_pane *p, size_t i,
                                         const char *cells[3])
{
    bool proj = i < p->nproj;
    const struct wt_record *r = proj ? &p->pr.r[p->idx[i]] : &p->pa.r[p->idx[i]];
    cells[0] = proj ? words_of("projects.phase", record_get(r, PROJECT_PHASE))
                    : words_of("partners.role", record_get(r, PARTNER_ROLE));
    cells[1] = record_get(r, proj ? PROJECT_NAME : PARTNER_NAME);
    cells[2] = ui_last_part(record_get(r, proj ? PROJECT_AREA : PARTNER_AREA));
    return r;
}

/* The columns from the content: phase or role, name and area as wide as
 * their widest; the next step or the last contact takes the rest. When the
 * row is too narrow, the area gives way (to 10), then the name (to 20), then
 * the first column (to 12), and the area goes before the rest gets under 30
 * ("[!] laatste contact ma 17 aug"). */
static void fit_widths(const struct projects_pane *p, int width, int *widths)
{
    struct ui_col cols[4] = {{.least = 12, .shrink = 1},
                             {.least = 20, .shrink = 2},
                             {.least = 10, .shrink = 3, .drop = 1},
                             {0}};
    for (size_t i = 0; i < p->n; i++) {
        const char *cells[3];
        row_cells(p, i, cells);
        for (int k = 0; k < 3; k++)
            if (draw_width(cells[k]) > cols[k].want)
                cols[k].want = draw_width(cells[k]);
    }
    ui_fit_columns(cols, 4, 3, 30, width, widths);
    widths[3] = 0; /* the rest */
}

static void draw_row(void *ctx, size_t i, int y, int x, int w, bool sel)
{
    struct prow_ctx *c = ctx;
    char day[DATE_SHOW_MAX];
    const char *cells[4];
    const struct wt_record *r = row_cells(c->p, i, cells);
    if (i < c->p->nproj) {
        bool late = overdue(c->u, r);
        char *next = xasprintf("%s%s %s", late ? _("[!] te laat: ") : "",
                               ui_date(c->u, record_get(r, PROJECT_NEXT_DATE), DATE_LIST, day),
                               record_get(r, PROJECT_NEXT));
        cells[3] = next;
        list_cells(y, x, w, cells, c->widths, 4, sel ? TH_SEL : late ? TH_MARK : TH_NORMAL);
        free(next);
        return;
    }
    const char *last = record_get(r, PARTNER_LAST_CONTACT);
    char *when = *last ? xasprintf(_("[!] laatste contact %s"),
                                   ui_date(c->u, last, DATE_LIST, day))
                       : xstrdup(_("[!] nog geen contact"));
    cells[3] = when;
    list_cells(y, x, w, cells, c->widths, 4, sel ? TH_SEL : TH_MARK);
    free(when);
}

void projects_pane_draw(struct projects_pane *p, struct ui *u, struct rect r)
{
    if (!p->loaded)
        load(p, u);
    size_t late = 0;
    for (size_t i = 0; i < p->nproj; i++)
        late += overdue(u, &p->pr.r[p->idx[i]]);
    char *title = xasprintf(_("Projecten per fase (%zu, %zu te laat) en partners zonder contact "
                              "in 12 weken (%zu)"),
                            p->nproj, late, p->n - p->nproj);
    draw_title(r.y, r.x, r.w, title, true);
    free(title);
    p->list_r = (struct rect){r.y + 1, r.x, r.h - 1, r.w};
    if (!p->n) {
        draw_text(r.y + 1, r.x + 1, r.w - 1,
                  _("Geen projecten, en geen partner die langer dan 12 weken niet sprak."),
                  TH_DIM, false);
        return;
    }
    struct prow_ctx c = {.p = p, .u = u};
    fit_widths(p, r.w, c.widths);
    list_draw(&p->l, p->list_r, draw_row, &c);
}

bool projects_pane_key(struct projects_pane *p, int key)
{
    return list_key(&p->l, key);
}

void projects_pane_click(struct projects_pane *p, int y)
{
    list_click(&p->l, p->list_r, y);
}

const struct wt_record *projects_pane_selected(const struct projects_pane *p)
{
    if (!p->n || p->l.sel >= p->n)
        return NULL;
    return p->l.sel < p->nproj ? &p->pr.r[p->idx[p->l.sel]] : &p->pa.r[p->idx[p->l.sel]];
}

bool projects_pane_select(struct projects_pane *p, struct ui *u, enum wt_kind kind,
                          const char *id)
{
    load(p, u);
    for (size_t i = 0; i < p->n; i++) {
        const struct wt_record *r = i < p->nproj ? &p->pr.r[p->idx[i]] : &p->pa.r[p->idx[i]];
        if (r->kind == kind && strcmp(r->v[0], id) == 0) {
            p->l.sel = i;
            list_clamp(&p->l);
            return true;
        }
    }
    return false;
}

void projects_pane_reload(struct projects_pane *p)
{
    p->loaded = false;
}

void projects_pane_fini(struct projects_pane *p)
{
    rows_free(&p->pr);
    rows_free(&p->pa);
    free(p->idx);
    p->idx = NULL;
}
