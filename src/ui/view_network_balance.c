/* view_network_balance.c: the Uren tab of item 4: the team's time for community building, a bar per member. */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"

#define BALANCE_SHOWN_WEEKS 4 /* the weeks shown, ending with this week */
#define BAR_CELLS 20 /* the bar's cells when the width allows */
#define BAR_CELLS_MIN 10

/* Loads the shown weeks (ending with this week) for the members one may see;
 * the caseload, when app gives it, comes later (balance_pane_idle): it reads
 * every case, which a key press must not wait for. */
static void load(struct balance_pane *p, struct ui *u)
{
    app_balance_fini(&p->b);
    int32_t to = balance_monday(app_day(u->a));
    struct wt_error err = {0};
    if (app_balance_get(u->a, to - 7 * (BALANCE_SHOWN_WEEKS - 1), to, &p->b, &err) != 0)
        ui_error(u, &err);
    p->caseload_due = app_balance_caseload_shown(u->a);
    p->l.n = p->b.n;
    list_clamp(&p->l);
    p->loaded = true;
}

bool balance_pane_busy(const struct balance_pane *p)
{
    return p->loaded && p->caseload_due;
}

bool balance_pane_idle(struct balance_pane *p, struct ui *u)
{
    if (!balance_pane_busy(p))
        return false;
    p->caseload_due = false;
    struct wt_error err = {0};
    if (app_balance_caseload(u->a, &p->b, &err) != 0) /* app decides whether it comes */
        ui_error(u, &err);
    return true;
}

/* "40 %" of community hours, or "-" without hours. */
static void share_text(char out[16], uint32_t casework, uint32_t community)
{
    if (casework + community == 0)
        snprintf(out, 16, "%s", "-");
    else
        snprintf(out, 16, "%u %%",
                 (unsigned)((balance_share_permille(casework, community) + 5) / 10 % 1000));
}

#define BCOLS (6 + BALANCE_SHOWN_WEEKS) /* lid, doel, balans, deel, weeks, casussen, let op */

struct brow_ctx {
    struct balance_pane *p;
    int widths[BCOLS];
    int cells; /* of the bar */
};

/* The open cases at the end of this week and the change since the week
 * before ("6 +2"), "…" while it is being read (due), or "" without one. */
static void load_text(char out[24], const struct app_balance_member *m, bool due)
{
    snprintf(out, 24, "%s", due ? "\u2026" : "");
    if (!m->load)
        return;
    const struct balance_load *l = &m->load[BALANCE_SHOWN_WEEKS - 1], *b = l - 1;
    if (l->open == b->open)
        snprintf(out, 24, "%u", (unsigned)l->open);
    else
        snprintf(out, 24, "%u %s%d", (unsigned)l->open, l->open > b->open ? "+" : "",
                 (int)l->open - (int)b->open);
}

/* What the let-op column says for m. */
static const char *warn_text(const struct app_balance_member *m, char *buf, size_t n)
{
    if (m->warn && m->squeeze)
        snprintf(buf, n, "%s, %s", _("[!] onder doel"), _("meer casussen"));
    else
        snprintf(buf, n, "%s", m->warn ? _("[!] onder doel")
                               : m->squeeze ? _("[!] meer casussen") : "");
    return buf;
}

/* One member: name, target, bar, share of the 4 weeks, share per week, warning. */
static void draw_row(void *ctx, size_t i, int y, int x, int w, bool sel)
{
    struct brow_ctx *c = ctx;
    const struct app_balance_member *m = &c->p->b.m[i];
    char target[16], total[16], weeks[BALANCE_SHOWN_WEEKS][16];
    char bar[BAR_CELLS * 3 + 1] = "";
    if (m->target)
        snprintf(target, sizeof target, "%d %%", m->target);
    else
        snprintf(target, sizeof target, "%s", "-");
    share_text(total, m->casework, m->community);
    /* The bar: community building full, casework light; by colour and by glyph. */
    if (m->casework + m->community) {
        size_t n = (size_t)c->cells;
        size_t full = (balance_share_permille(m->casework, m->community) * n + 500) / 1000;
        for (size_t k = 0; k < n; k++)
            strcat(bar, k < full ? "\u2588" : "\u2591");
    }
    const char *cells[BCOLS] = {m->name, target, bar, total};
    for (int k = 0; k < BALANCE_SHOWN_WEEKS; k++) {
        const struct balance_week *bw = app_balance_week(m, c->p->b.from + 7 * k);
        share_text(weeks[k], bw ? bw->casework : 0, bw ? bw->community : 0);
        cells[4 + k] = weeks[k];
    }
    char load[24], warn[96];
    load_text(load, m, c->p->caseload_due);
    cells[4 + BALANCE_SHOWN_WEEKS] = load;
    cells[5 + BALANCE_SHOWN_WEEKS] = warn_text(m, warn, sizeof warn);
    list_cells(y, x, w, cells, c->widths, BCOLS,
               sel ? TH_SEL : m->warn || m->squeeze ? TH_MARK : TH_NORMAL);
}

/* The selected member's weeks in rows: hours on casework and community
 * building, then (with a caseload) open cases at the end of the week and
 * new cases; the week heads are wk. Returns the lines drawn. */
static int draw_weeks(const struct balance_pane *p, struct rect r, int ww,
                      char wk[][DATE_SHOW_MAX])
{
    const struct app_balance_member *m = &p->b.m[p->l.sel];
    const char *labels[4] = {_("uur casuswerk"), _("uur samenlevingsopbouw"),
                             _("open casussen"), _("nieuwe casussen")};
    int rows = m->load || p->caseload_due ? 4 : 2, lw = 0;
    for (int i = 0; i < rows; i++)
        lw = draw_width(labels[i]) > lw ? draw_width(labels[i]) : lw;
    lw += 2;
    draw_text(r.y, r.x, lw - 1, m->name, TH_TITLE, true);
    for (int k = 0; k < BALANCE_SHOWN_WEEKS; k++)
        draw_text(r.y, r.x + lw + k * (ww + 2), ww + 2, wk[k], TH_HEADER, true);
    for (int i = 0; i < rows && 1 + i < r.h; i++) {
        draw_text(r.y + 1 + i, r.x, lw, labels[i], TH_DIM, true);
        for (int k = 0; k < BALANCE_SHOWN_WEEKS; k++) {
            const struct balance_week *bw = app_balance_week(m, p->b.from + 7 * k);
            char v[24];
            if (i < 2 && !bw)
                snprintf(v, sizeof v, "-");
            else if (i >= 2 && !m->load)
                snprintf(v, sizeof v, "\u2026"); /* still being read */
            else if (i < 2)
                balance_format_hours(i == 0 ? bw->casework : bw->community, v);
            else
                snprintf(v, sizeof v, "%u",
                         (unsigned)(i == 2 ? m->load[k].open : m->load[k].opened));
            draw_text(r.y + 1 + i, r.x + lw + k * (ww + 2), ww + 2, v, TH_NORMAL, true);
        }
    }
    return 1 + rows;
}

void balance_pane_draw(struct balance_pane *p, struct ui *u, struct rect r)
{
    if (!p->loaded)
        load(p, u);
    bool cl = p->b.caseload || p->caseload_due; /* its room kept while it is read */
    int foot = cl ? 2 + 5 + 1 : 1 + 3 + 1; /* legend, the selected member's weeks, keys */
    struct rect lr = r;
    lr.h = r.h - foot;
    draw_title(lr.y, lr.x, lr.w,
               _("Tijd voor samenlevingsopbouw, laatste 4 weken (deel van de uren)"), true);
    const char *heads[BCOLS] = {_("lid"), _("doel"), _("balans"), _("deel")};
    /* The weeks by their Monday, as people read dates ("9 nov"). */
    char wk[BALANCE_SHOWN_WEEKS][DATE_SHOW_MAX];
    int ww = 4; /* "23 %" */
    for (int k = 0; k < BALANCE_SHOWN_WEEKS; k++) {
        heads[4 + k] = date_show(p->b.from + 7 * k, DATE_WEEK, app_day(u->a), wk[k]);
        if (draw_width(wk[k]) > ww)
            ww = draw_width(wk[k]);
    }
    /* The warning's room: the widest one shown (the last column takes the rest). */
    char warn[96];
    int lw = draw_width(_("let op"));
    for (size_t i = 0; i < p->b.n; i++) {
        int w = draw_width(warn_text(&p->b.m[i], warn, sizeof warn));
        lw = w > lw ? w : lw;
    }
    heads[4 + BALANCE_SHOWN_WEEKS] = _("casussen");
    heads[5 + BALANCE_SHOWN_WEEKS] = _("let op");
    /* Each column at least as wide as its header. The bar takes the rest, up
     * to its full length; when there is too little, the names give way first
     * (up to the longest, 24 at most, down to 10), then the column of open
     * cases goes, which the weeks below the list show too. */
    int namew = 10;
    for (size_t i = 0; i < p->b.n; i++)
        if (draw_width(p->b.m[i].name) > namew)
            namew = draw_width(p->b.m[i].name);
    struct ui_col cols[BCOLS] = {
        {.want = namew > 24 ? 24 : namew, .least = 10, .shrink = 1}, {.want = 4}, {0},
        {.want = 4}};
    for (int k = 0; k < BALANCE_SHOWN_WEEKS; k++)
        cols[4 + k].want = ww;
    cols[4 + BALANCE_SHOWN_WEEKS] = (struct ui_col){.want = cl ? 0 : -1, .drop = 1};
    cols[5 + BALANCE_SHOWN_WEEKS].want = lw;
    for (int k = 0; k < BCOLS; k++)
        cols[k].head = heads[k];
    struct brow_ctx c = {.p = p};
    ui_fit_columns(cols, BCOLS, 2, BAR_CELLS_MIN, lr.w, c.widths);
    c.cells = c.widths[2] > BAR_CELLS ? BAR_CELLS : c.widths[2];
    c.cells = c.cells < BAR_CELLS_MIN ? BAR_CELLS_MIN : c.cells;
    c.widths[2] = c.cells;
    c.widths[5 + BALANCE_SHOWN_WEEKS] = 0; /* the warning takes the rest */
    list_cells(lr.y + 1, lr.x, lr.w, heads, c.widths, BCOLS, TH_HEADER);
    p->list_r = (struct rect){lr.y + 2, lr.x, lr.h - 2, lr.w};
    list_draw(&p->l, p->list_r, draw_row, &c);
    struct rect dr = {r.y + lr.h, r.x, r.h - lr.h, r.w};
    draw_text(dr.y, dr.x, dr.w,
              cl ? _("\u2588 samenlevingsopbouw  \u2591 casuswerk")
                 : _("\u2588 samenlevingsopbouw  \u2591 casuswerk  [!] 3 weken op rij onder het doel"),
              TH_DIM, true);
    if (cl)
        draw_text(dr.y + 1, dr.x, dr.w,
                  _("[!] 3 weken onder het doel, of 4 weken meer casussen en minder opbouw"),
                  TH_DIM, true);
    if (p->b.n)
        draw_weeks(p, (struct rect){dr.y + (cl ? 2 : 1), dr.x, dr.h - (cl ? 3 : 2), dr.w}, ww,
                   wk);
    draw_text(dr.y + dr.h - 1, dr.x, dr.w,
              _("i: uren deze week   I: andere week   d: doel zetten (leider)"), TH_DIM, true);
}

/* Asks for hours ("" keeps 0); false on Esc or a bad number (message shown). */
static bool ask_hours(struct ui *u, const char *prompt, uint32_t have, uint32_t *out)
{
    char init[16];
    balance_format_hours(have, init);
    char *in = dialog_input(u, prompt, have ? init : "");
    if (!in)
        return false;
    bool ok = !*in || balance_parse_hours(in, out) == 0;
    if (!*in)
        *out = 0;
    if (!ok)
        ui_message(u, true, _("Geen aantal uren: '%s' (bijvoorbeeld 12 of 12,5)"), in);
    free(in);
    return ok;
}

/* Hours of the week that holds day (one of the weeks shown) for the selected
 * member (a leader) or oneself. */
static void enter_hours(struct balance_pane *p, struct ui *u, int32_t day)
{
    if (!ui_may_write(u))
        return;
    const char *me = app_member_id(u->a);
    const struct app_balance_member *m = p->b.n ? &p->b.m[p->l.sel] : NULL;
    char id[WT_MAX_ID + 1];
    snprintf(id, sizeof id, "%s", app_decides(u->a) && m ? m->id : me);
    int32_t week = balance_monday(day);
    const struct balance_week *bw = NULL;
    for (size_t i = 0; p->b.m && i < p->b.n && !bw; i++)
        if (strcmp(p->b.m[i].id, id) == 0)
            bw = app_balance_week(&p->b.m[i], week);
    char *q1, *q2;
    if (week == p->b.to) {
        q1 = xstrdup(_("Uren casuswerk deze week:"));
        q2 = xstrdup(_("Uren samenlevingsopbouw deze week:"));
    } else {
        char dm[DATE_SHOW_MAX];
        date_show(week, DATE_WEEK, app_day(u->a), dm); /* as the column heads */
        q1 = xasprintf(_("Uren casuswerk, week %s:"), dm);
        q2 = xasprintf(_("Uren samenlevingsopbouw, week %s:"), dm);
    }
    uint32_t cw, cb;
    bool ok = ask_hours(u, q1, bw ? bw->casework : 0, &cw) &&
              ask_hours(u, q2, bw ? bw->community : 0, &cb);
    free(q1);
    free(q2);
    if (!ok)
        return;
    struct wt_error err = {0};
    if (app_balance_record(u->a, id, day, cw, cb, &err) != 0) {
        ui_error(u, &err);
        return;
    }
    p->loaded = false;
    ui_message(u, false, _("Uren van %s bewaard"), ui_member_name(u, id));
}

/* Asks which of the weeks shown (default the one before this), then its hours. */
static void enter_other_week(struct balance_pane *p, struct ui *u)
{
    if (!ui_may_write(u))
        return;
    char init[DATE_SHOW_MAX];
    date_show(p->b.to - 7, DATE_DAY, app_day(u->a), init);
    char *in = dialog_input(u, _("Welke week? Een dag erin:"), init);
    if (!in)
        return;
    int32_t day;
    if (date_read(in, app_day(u->a), &day) != 0)
        ui_message(u, true, _("'%s' is geen datum; typ bijv. 18-12-2026, morgen of vrijdag"), in);
    else if (balance_monday(day) < p->b.from || balance_monday(day) > p->b.to)
        ui_message(u, true, _("Alleen de 4 weken die hier staan"));
    else
        enter_hours(p, u, day);
    free(in);
}

/* The selected member's target share (leader). */
static void set_target(struct balance_pane *p, struct ui *u)
{
    if (!p->b.n || !ui_may_write(u))
        return;
    const struct app_balance_member *m = &p->b.m[p->l.sel];
    char id[WT_MAX_ID + 1], init[8];
    snprintf(id, sizeof id, "%s", m->id);
    snprintf(init, sizeof init, "%d", m->target);
    char *prompt = xasprintf(_("Doel samenlevingsopbouw voor %s (%%, leeg = standaard):"),
                             ui_member_name(u, id));
    char *in = dialog_input(u, prompt, init);
    free(prompt);
    if (!in)
        return;
    char *end = NULL;
    long pct = *in ? strtol(in, &end, 10) : -1;
    struct wt_error err = {0};
    if (*in && (*end || pct < 0 || pct > 100))
        ui_message(u, true, _("Een doel is een getal van 0 tot 100"));
    else if (app_balance_set_target(u->a, id, (int)pct, &err) != 0)
        ui_error(u, &err);
    else
        p->loaded = false;
    free(in);
}

bool balance_pane_key(struct balance_pane *p, int key)
{
    return list_key(&p->l, key);
}

void balance_pane_act(struct balance_pane *p, struct ui *u, int key)
{
    if (key == 'i')
        enter_hours(p, u, app_day(u->a));
    else if (key == 'I')
        enter_other_week(p, u);
    else if (key == 'd')
        set_target(p, u);
}

void balance_pane_click(struct balance_pane *p, int y)
{
    list_click(&p->l, p->list_r, y);
}

void balance_pane_reload(struct balance_pane *p)
{
    p->loaded = false;
}

void balance_pane_fini(struct balance_pane *p)
{
    app_balance_fini(&p->b);
}
