/* help.c: the help overlay: every key of the current view, then the keys that work everywhere. */
#include <stdlib.h>

#include "ui_int.h"
#include "wijktafel/i18n.h"

static const struct keyhelp global_keys[] = {
    {"1 2 3 4 5", N_("naar agendapunt 1 tot en met 5")},
    {"6", N_("te beoordelen (leider), mijn inzendingen (vrijwilliger)")},
    {N_("Tab  PgDn"), N_("volgend agendapunt")},
    {N_("Shift-Tab  PgUp"), N_("vorig agendapunt")},
    {N_("Pijltjes  Home  End"), N_("door de lijst; Ctrl-F en Ctrl-B: een bladzijde verder of terug")},
    {"/  F3", N_("zoeken in alles wat u mag zien; Enter opent")},
    {"a", N_("nieuw actiepunt, waar u ook bent")},
    {"w", N_("wissel van lid (een gedeelde laptop); vraagt id en wachtwoordzin")},
    {"b  F9", N_("beamer aan of uit (geen namen, geen afgeschermde casussen)")},
    {"?  F1", N_("deze hulp")},
    {"q  F10", N_("stoppen (alles is al bewaard)")},
    {"Esc", N_("terug, of annuleren")},
    {"Ctrl-L", N_("scherm opnieuw tekenen")},
    {N_("muis"), N_("klik op een regel, een agendapunt of een F-toets")},
    {NULL, NULL}};

static const struct keyhelp editing_keys[] = {
    {N_("In een invulveld"), ""},
    {N_("Links  Rechts  Home  End"), N_("cursor; Ctrl-A en Ctrl-E: begin en eind")},
    {N_("Backspace  Delete"), N_("teken weg voor of na de cursor")},
    {"Ctrl-W  Ctrl-U  Ctrl-K", N_("woord terug, alles ervoor, alles erna weg")},
    {N_("Tab  Shift-Tab"), N_("aanvullen of volgend veld; vorig veld")},
    {"F4  Ctrl-E", N_("lange tekst in de editor ($EDITOR)")},
    {N_("Enter  Esc"), N_("bewaren; annuleren")},
    {NULL, NULL}};

struct help_line {
    const char *keys, *what;
    bool heading;
};

static int collect(struct help_line *out, int n, const char *heading, const struct keyhelp *k)
{
    out[n++] = (struct help_line){heading, "", true};
    for (; k && k->keys; k++)
        out[n++] = (struct help_line){k->keys, k->what, !*k->what};
    out[n++] = (struct help_line){"", "", false};
    return n;
}

/* One screen row of the overlay: an entry, or the skip-th wrapped line of it. */
struct help_row {
    const struct help_line *line;
    int skip;
};

void help_show(struct ui *u, const char *title, const struct keyhelp *keys)
{
    u->modal = true;
    struct help_line lines[96];
    int n = 0;
    char *view_heading = xasprintf(_("Toetsen bij %s"), title);
    n = collect(lines, n, view_heading, keys);
    n = collect(lines, n, _("Overal"), global_keys);
    n = collect(lines, n, _("Invullen"), editing_keys);
    struct help_row rows[400];
    int top = 0;
    for (;;) {
        ui_draw(u);
        if (!u->too_small) {
            struct rect r = {u->content.y, 2, u->content.h, COLS - 4};
            draw_box(r, _("Hulp (Esc of q: terug, pijltjes: verder)"));
            int kw = r.w / 3 > 26 ? 26 : r.w / 3;
            int ww = r.w - kw - 6;
            /* Long descriptions wrap: lay the entries out in rows. */
            int nrows = 0;
            for (int i = 0; i < n && nrows < 400; i++) {
                int h = lines[i].heading || !*lines[i].what
                            ? 1
                            : draw_wrap_lines(ww, _(lines[i].what));
                for (int k = 0; k < h && nrows < 400; k++)
                    rows[nrows++] = (struct help_row){&lines[i], k};
            }
            int inner = r.h - 2;
            if (top > nrows - inner)
                top = nrows - inner > 0 ? nrows - inner : 0;
            for (int i = 0; i < inner && top + i < nrows; i++) {
                const struct help_line *l = rows[top + i].line;
                int skip = rows[top + i].skip, y = r.y + 1 + i;
                if (l->heading) {
                    draw_text(y, r.x + 2, r.w - 4, _(l->keys), TH_TITLE, false);
                    continue;
                }
                if (!skip)
                    draw_text(y, r.x + 3, kw, *l->keys ? _(l->keys) : "", TH_MARK, false);
                if (*l->what)
                    draw_wrap((struct rect){y, r.x + 4 + kw, 1, ww}, skip, _(l->what),
                              TH_NORMAL);
            }
        }
        refresh();
        int key;
        if (!term_read_key(1000, &key))
            continue;
        if (key == UI_KEY(KEY_DOWN) || key == UI_CTRL('f') || key == ' ')
            top += key == UI_KEY(KEY_DOWN) ? 1 : 10;
        else if (key == UI_KEY(KEY_UP) || key == UI_CTRL('b'))
            top -= key == UI_KEY(KEY_UP) ? 1 : 10;
        else if (key != UI_KEY(KEY_RESIZE))
            break;
        if (top < 0)
            top = 0;
    }
    free(view_heading);
}
