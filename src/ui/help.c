/* help.c: the help overlay: every key of the current view, then the keys that work everywhere. */
#include <stdio.h>
#include <stdlib.h>

#include "ui_int.h"
#include "wijktafel/i18n.h"

/* What every list and the mouse do: no key of a table, but in the help. */
static const struct keyhelp moving[] = {
    {N_("Pijltjes  Home  End"), N_("door de lijst; Ctrl-F en Ctrl-B: een bladzijde verder of terug")},
    {N_("muis"), N_("klik op een regel, een agendapunt of een F-toets")},
    {NULL, NULL}};

static const struct keyhelp editing_keys[] = {
    {N_("In een invulveld"), ""},
    {N_("Links  Rechts  Home  End"), N_("cursor; Ctrl-A en Ctrl-E: begin en eind")},
    {N_("Backspace  Delete"), N_("teken weg voor of na de cursor")},
    {"Ctrl-W  Ctrl-U  Ctrl-K", N_("woord terug, alles ervoor, alles erna weg")},
    {N_("Tab  Shift-Tab"), N_("aanvullen of volgend veld; vorig veld")},
    {"F4  Ctrl-X", N_("lange tekst in de editor ($EDITOR)")},
    {N_("Enter  Esc"), N_("bewaren; annuleren")},
    {NULL, NULL}};

struct help_line {
    char keys[64];
    const char *what; /* translated */
    bool heading;
};

/* Appends a line (keys copied) when there is room. */
static int add(struct help_line *out, int n, int max, const char *keys, const char *what,
               bool heading)
{
    if (n >= max)
        return n;
    out[n] = (struct help_line){.what = what, .heading = heading};
    snprintf(out[n].keys, sizeof out[n].keys, "%s", keys ? keys : "");
    return n + 1;
}

/* The keys of table the member may use in mode, then the legend lines; a
 * key of the screen that the view's table takes in its mode is left out. */
static int collect(struct help_line *out, int n, int max, const char *heading, struct view *v,
                   const struct ui_key *table, int mode, const struct keyhelp *legend)
{
    n = add(out, n, max, heading, "", true);
    bool global = table == ui_global_keys;
    for (const struct ui_key *e = table; e && e->run; e++) {
        if (!e->help || (e->modes && !(e->modes & (1u << mode))) || !keys_allowed(e, v))
            continue;
        if (global && keys_find(v->ops->keys, keys_mode(v), e->key))
            continue;
        char keys[64];
        keys_label(e, keys, sizeof keys);
        n = add(out, n, max, keys, _(e->help), false);
    }
    for (const struct keyhelp *k = legend; k && k->keys; k++)
        n = add(out, n, max, _(k->keys), _(k->what), !*k->what);
    return add(out, n, max, "", "", false);
}

int help_lines(struct view *v, const struct ui_key *table, int mode, char (*out)[256], int max)
{
    struct help_line lines[64];
    int n = collect(lines, 0, 64, "", v, table, mode, NULL);
    int k = 0;
    for (int i = 1; i < n && k < max; i++)
        if (*lines[i].keys)
            snprintf(out[k++], 256, "%s\t%s", lines[i].keys, lines[i].what);
    return k;
}

/* One screen row of the overlay: an entry, or the skip-th wrapped line of it. */
struct help_row {
    const struct help_line *line;
    int skip;
};

struct help {
    struct ui_layer l;
    struct help_line lines[128];
    int n, top;
};

static void help_draw(struct ui_layer *l, struct ui *u)
{
    struct help *h = (struct help *)l;
    if (u->too_small)
        return;
    struct rect r = {u->content.y, 2, u->content.h, COLS - 4};
    draw_box(r, _("Hulp (Esc of q: terug, pijltjes: verder)"));
    int kw = r.w / 3 > 26 ? 26 : r.w / 3;
    int ww = r.w - kw - 6;
    /* Long descriptions wrap: lay the entries out in rows. */
    static struct help_row rows[400];
    int nrows = 0;
    for (int i = 0; i < h->n && nrows < 400; i++) {
        int lh = h->lines[i].heading || !*h->lines[i].what
                     ? 1
                     : draw_wrap_lines(ww, h->lines[i].what);
        for (int k = 0; k < lh && nrows < 400; k++)
            rows[nrows++] = (struct help_row){&h->lines[i], k};
    }
    int inner = r.h - 2;
    if (h->top > nrows - inner) /* scrolled no further than the end */
        h->top = nrows - inner > 0 ? nrows - inner : 0;
    for (int i = 0; i < inner && h->top + i < nrows; i++) {
        const struct help_line *hl = rows[h->top + i].line;
        int skip = rows[h->top + i].skip, y = r.y + 1 + i;
        if (hl->heading) {
            draw_text(y, r.x + 2, r.w - 4, hl->keys, TH_TITLE, false);
            continue;
        }
        if (!skip)
            draw_text(y, r.x + 3, kw, hl->keys, TH_MARK, false);
        if (*hl->what)
            draw_wrap((struct rect){y, r.x + 4 + kw, 1, ww}, skip, hl->what, TH_NORMAL);
    }
}

static void help_key(struct ui_layer *l, struct ui *u, int key)
{
    (void)u;
    struct help *h = (struct help *)l;
    if (key == UI_KEY(KEY_DOWN) || key == UI_CTRL('f') || key == ' ')
        h->top += key == UI_KEY(KEY_DOWN) ? 1 : 10;
    else if (key == UI_KEY(KEY_UP) || key == UI_CTRL('b'))
        h->top -= key == UI_KEY(KEY_UP) ? 1 : 10;
    else
        l->done = true;
    if (h->top < 0)
        h->top = 0;
}

void help_show(struct ui *u)
{
    struct view *v = u->views[u->cur];
    struct help *h = xcalloc(1, sizeof *h);
    h->l = (struct ui_layer){.draw = help_draw, .key = help_key};
    char *view_heading = xasprintf(_("Toetsen bij %s"), _(v->ops->title));
    h->n = collect(h->lines, h->n, 128, view_heading, v, v->ops->keys, keys_mode(v),
                   v->ops->legend);
    h->n = collect(h->lines, h->n, 128, _("Overal"), v, ui_global_keys, 0, moving);
    h->n = collect(h->lines, h->n, 128, _("Invullen"), v, NULL, 0, editing_keys);
    ui_layer_run(u, &h->l);
    free(view_heading);
    free(h);
}
