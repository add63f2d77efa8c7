/* screen.c: the screen manager: status line, agenda tabs, the current view, messages, key bar. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui_int.h"
#include "wijktafel/words.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"

double ui_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct rect ui_content(const struct ui *u)
{
    (void)u;
    return (struct rect){2, 0, LINES - 4, COLS};
}

void ui_message(struct ui *u, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(u->msg, sizeof u->msg, fmt, ap);
    va_end(ap);
    u->msg_error = error;
}

const char *ui_error_text(const struct ui *u, const struct wt_error *err)
{
    const char *t = err->text;
    if (!*t)
        return _("het lukte niet");
    /* The screen works in one database: its folder needs no repeating. */
    size_t n = strlen(app_dir(u->a));
    if (strncmp(t, app_dir(u->a), n) == 0 && t[n] == ':' && t[n + 1] == ' ')
        t += n + 2;
    return t;
}

void ui_error(struct ui *u, const struct wt_error *err)
{
    ui_message(u, true, "%s", ui_error_text(u, err));
}

void ui_changed(struct ui *u)
{
    u->gen++;
    for (int i = 0; i < UI_NITEMS; i++)
        if (u->views[i]->ops->reload)
            u->views[i]->ops->reload(u->views[i]);
}

bool ui_may_edit_shown(struct ui *u)
{
    struct wt_error err = {0};
    if (app_may_edit_shown(u->a, &err) == 0)
        return true;
    ui_error(u, &err);
    return false;
}

bool ui_may_write(struct ui *u)
{
    if (!u->follow)
        return true;
    ui_message(u, true, _("Dit is het scherm voor de muur: hier verandert niets"));
    return false;
}

static double item_elapsed(const struct ui *u, int item)
{
    double t = u->started[item];
    if (item == u->cur)
        t += ui_now() - u->item_since;
    return t;
}

static const char *beamer_word(const struct ui *u)
{
    return u->follow ? _("BEAMER AAN (muur)") : u->beamer ? _("BEAMER AAN") : _("BEAMER UIT");
}

static void mmss(char *out, size_t n, int secs)
{
    snprintf(out, n, "%d:%02d", secs / 60, secs % 60);
}

/* Row 0: team, date, item with its time against the timebox, member, beamer. */
static void draw_status(struct ui *u)
{
    char date[DATE_SHOW_MAX], spent[16], box[16];
    date_show(app_day(u->a), DATE_LIST, app_day(u->a), date); /* "ma 30 nov": the year is known */
    int secs = (int)item_elapsed(u, u->cur);
    bool over = secs > u->timebox[u->cur];
    mmss(spent, sizeof spent, secs);
    mmss(box, sizeof box, u->timebox[u->cur]);
    const char *beamer = beamer_word(u);
    char right[64];
    snprintf(right, sizeof right, " %s ", beamer);
    int rw = draw_width(right);
    char timer[96];
    snprintf(timer, sizeof timer, " %s%d %s %s/%s ", over ? "[!] " : "", u->cur + 1,
             _(u->views[u->cur]->ops->title), spent, box);
    char *who = xasprintf(" %s %s (%s) ", date,
                          app_member_name(u->a), words_of("members.role", record_get(app_member(u->a), MEMBER_ROLE)));
    char *team = xasprintf(" %s ", *app_team(u->a) ? app_team(u->a) : "wijktafel");
    int tw = draw_width(timer), ww = draw_width(who), teamw = draw_width(team);
    /* The beamer state and the clock always; then the team and the member
     * share what is left, the team at least a short start. */
    int left = COLS - rw - tw;
    if (teamw + ww > left) {
        int team_min = teamw < 18 ? teamw : 18;
        ww = left - team_min > 0 ? left - team_min : 0;
        if (ww > draw_width(who))
            ww = draw_width(who);
        teamw = left - ww;
    }
    draw_fill(0, 0, COLS, TH_STATUS);
    draw_text(0, 0, teamw, team, TH_STATUS, true);
    int x = teamw;
    draw_text(0, x, ww, who, TH_STATUS, false);
    draw_text(0, COLS - rw - tw, tw, timer, over ? TH_STATUS_OVER : TH_STATUS, true);
    draw_text(0, COLS - rw, rw, right, u->beamer ? TH_BEAMER_ON : TH_STATUS, true);
    free(who);
    free(team);
}

/* Row 1: the agenda; the current item in brackets (not by colour alone). */
static int tab_x[UI_NITEMS + 1];

int ui_nitems(const struct ui *u)
{
    return !app_has_review_item(u->a) || u->follow ? MEETING_NITEMS : UI_NITEMS;
}

static void draw_tabs(struct ui *u)
{
    draw_fill(1, 0, COLS, TH_TAB);
    int n = ui_nitems(u);
    char *t[UI_NITEMS];
    int w[UI_NITEMS];
    for (int i = 0; i < n; i++)
        t[i] = xasprintf(i == u->cur ? "[%d %s]" : " %d %s ", i + 1, _(u->views[i]->ops->title));
    /* The current item in full; the longest of the others cut (with "…"),
     * the rightmost first, until all fit. */
    int total = 1;
    for (int i = 0; i < n; i++) {
        w[i] = draw_width(t[i]);
        total += w[i] + 1;
    }
    while (total > COLS) {
        int longest = -1;
        for (int i = 0; i < n; i++)
            if (i != u->cur && (longest < 0 || w[i] >= w[longest]))
                longest = i;
        if (longest < 0 || w[longest] <= 5)
            break;
        w[longest]--;
        total--;
    }
    int x = 1;
    for (int i = 0; i < n; i++) {
        tab_x[i] = x;
        x += draw_text(1, x, COLS - x < w[i] ? COLS - x : w[i], t[i],
                       i == u->cur ? TH_TAB_CUR : TH_TAB, false) + 1;
        free(t[i]);
    }
    tab_x[n] = x;
}

static void draw_message(struct ui *u)
{
    int y = LINES - 2;
    draw_fill(y, 0, COLS, TH_MSG);
    if (u->msg[0]) {
        char *m = xasprintf(u->msg_error ? " [!] %s " : " %s", u->msg);
        draw_text(y, 0, COLS, m, u->msg_error ? TH_ERROR : TH_MSG, false);
        free(m);
    } else if (u->follow) {
        draw_text(y, 0, COLS, _(" Volgt het scherm van de voorzitter.  q: stoppen"), TH_DIM,
                  false);
    } else {
        /* The items this member has: 1-6 with the review queue, else 1-5. */
        char *m = xasprintf(_(" 1-%d agendapunt  Tab volgende  / zoeken  a actiepunt  "
                              "? hulp  q stoppen"),
                            ui_nitems(u));
        draw_text(y, 0, COLS, m, TH_DIM, false);
        free(m);
    }
}

static void draw_too_small(const struct ui *u)
{
    erase();
    char *m = xasprintf(_("Het venster is te klein: minimaal %d x %d, nu %d x %d."), UI_MIN_COLS,
                        UI_MIN_ROWS, COLS, LINES);
    draw_text(LINES / 2 > 0 ? LINES / 2 - 1 : 0, 0, COLS, m, TH_ERROR, false);
    if (LINES > 1)
        draw_text(LINES / 2, 0, COLS, _("Maak het groter, of q om te stoppen."), TH_NORMAL,
                  false);
    if (LINES > 2) /* the beamer state, always */
        draw_text(LINES / 2 + 1, 0, COLS, beamer_word(u), u->beamer ? TH_BEAMER_ON : TH_NORMAL,
                  false);
    free(m);
}

void ui_draw(struct ui *u)
{
    curs_set(0);
    if (layers_cover(u)) {
        layers_draw(u);
        return;
    }
    u->too_small = LINES < UI_MIN_ROWS || COLS < UI_MIN_COLS;
    if (u->too_small) {
        draw_too_small(u);
        return;
    }
    erase();
    u->content = ui_content(u);
    draw_status(u);
    draw_tabs(u);
    struct view *v = u->views[u->cur];
    v->ops->draw(v, u->content);
    draw_message(u);
    struct ui_bar bar;
    ui_bar(u, &bar);
    fkeys_draw(&bar, LINES - 1, COLS);
    layers_draw(u);
}

void ui_refresh(struct ui *u)
{
    ui_draw(u);
    refresh();
}

void ui_switch_to(struct ui *u, int item)
{
    if (item == u->cur || item < 0 || item >= ui_nitems(u))
        return;
    double now = ui_now();
    u->started[u->cur] += now - u->item_since;
    u->item_since = now;
    u->cur = item;
}

void ui_goto(struct ui *u, int item, enum wt_kind kind, const char *id)
{
    ui_switch_to(u, item);
    struct view *v = u->views[item];
    if (id && v->ops->select && !v->ops->select(v, kind, id, -1)) {
        char *name = app_record_name(u->a, kind, id);
        ui_message(u, true, _("%s staat niet in deze lijst (filter?)"), name);
        free(name);
    }
}

int ui_item_of(enum wt_kind kind)
{
    switch (kind) {
    case WT_ACTIONS: return MEETING_ACTIONS;
    case WT_SIGNALS: return MEETING_SIGNALS;
    case WT_RESOURCES:
    case WT_TALENTS:
    case WT_PROJECTS:
    case WT_PARTNERS: return MEETING_NETWORK;
    default: return MEETING_CASES;
    }
}

void ui_show_new(struct ui *u, enum wt_kind kind, const char *id)
{
    struct view *v = u->views[ui_item_of(kind)];
    char keep[WT_MAX_ID + 1];
    snprintf(keep, sizeof keep, "%s", id); /* id may live in what select reloads */
    if (v->ops->select)
        v->ops->select(v, kind, keep, -1);
}

static void toggle_beamer(struct ui *u)
{
    app_set_beamer(u->a, !app_beamer(u->a));
    u->beamer = app_beamer(u->a);
    theme_set_beamer(u->beamer);
    clearok(curscr, TRUE);
    ui_changed(u); /* everything read again, as app now hands it out */
    ui_message(u, false, u->beamer ? _("Beamer aan: geen namen, geen afgeschermde casussen")
                                   : _("Beamer uit: alles zichtbaar voor u"));
}

static void handle_mouse(struct ui *u)
{
    MEVENT ev;
    if (getmouse(&ev) != OK)
        return;
    struct view *v = u->views[u->cur];
    if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
        if (v->ops->key)
            v->ops->key(v, UI_KEY(ev.bstate & BUTTON4_PRESSED ? KEY_UP : KEY_DOWN));
        return;
    }
    if (!(ev.bstate & BUTTON1_PRESSED))
        return;
    if (ev.y == 1) {
        for (int i = 0; i < ui_nitems(u); i++)
            if (ev.x >= tab_x[i] && ev.x < tab_x[i + 1])
                ui_switch_to(u, i);
        return;
    }
    if (ev.y == LINES - 1) {
        struct ui_bar bar;
        ui_bar(u, &bar);
        int key = fkeys_click(&bar, ev.x, COLS);
        if (key && UI_IS_KEY(key))
            ungetch(key & ~0x40000000);
        else if (key)
            unget_wch((wchar_t)key);
        return;
    }
    if (ev.y >= u->content.y && ev.y < u->content.y + u->content.h && v->ops->click)
        v->ops->click(v, ev.y, ev.x);
}

/* ---- the keys that work everywhere, after the view had its turn ---- */

static void g_item(struct view *v, int key)
{
    ui_switch_to(v->u, key - '1');
}

/* Tab goes round the meeting's five items; item 6 is reached with 6. */
static void g_next(struct view *v, int key)
{
    (void)key;
    ui_switch_to(v->u, (v->u->cur + 1) % MEETING_NITEMS);
}

static void g_prev(struct view *v, int key)
{
    (void)key;
    ui_switch_to(v->u, (v->u->cur + MEETING_NITEMS - 1) % MEETING_NITEMS);
}

static void g_member(struct view *v, int key)
{
    (void)key;
    if (!ui_switch_member(v->u))
        v->u->quit = true;
}

static void g_help(struct view *v, int key)
{
    (void)key;
    help_show(v->u);
}

static void g_find(struct view *v, int key)
{
    (void)key;
    finder_run(v->u);
}

static void g_action(struct view *v, int key)
{
    (void)key;
    if (ui_may_write(v->u))
        ui_new_action(v->u, NULL, NULL, NULL);
}

/* z: the member's last change in this session back to how it was (app_undo). */
static void g_undo(struct view *v, int key)
{
    (void)key;
    struct ui *u = v->u;
    if (!ui_may_write(u))
        return;
    struct app_undone d;
    struct wt_error err = {0};
    if (app_undo(u->a, &d, &err) != 0) {
        ui_message(u, err.code != WT_ENOTFOUND, "%s", ui_error_text(u, &err));
        return;
    }
    /* A few words of the record, cut at a character. */
    char what[48];
    size_t n = strlen(d.label);
    if (n >= 40) {
        n = 36;
        while (n > 0 && (d.label[n] & 0xc0) == 0x80)
            n--;
        snprintf(what, sizeof what, "%.*s …", (int)n, d.label);
    } else {
        snprintf(what, sizeof what, "%s", d.label);
    }
    ui_changed(u);
    if (d.removed)
        ui_message(u, false, _("Ongedaan: %s '%s' is weer weggehaald"), ui_kind_label(d.kind),
                   what);
    else
        ui_message(u, false, _("Ongedaan: %s '%s' terug naar de vorige versie"),
                   ui_kind_label(d.kind), what);
    app_undone_fini(&d);
}

static void g_beamer(struct view *v, int key)
{
    (void)key;
    if (v->u->follow)
        ui_message(v->u, true, _("De muur blijft in beamerstand"));
    else
        toggle_beamer(v->u);
}

static void g_quit(struct view *v, int key)
{
    (void)key;
    v->u->quit = true;
}

static void g_redraw(struct view *v, int key)
{
    (void)v;
    (void)key;
    clearok(curscr, TRUE);
}

static void g_nothing(struct view *v, int key)
{
    (void)v;
    (void)key;
}

bool ui_may_new_action(struct view *v)
{
    return app_may(v->u->a, WT_ACTIONS, APP_OP_WRITE);
}

static bool g_has_review(struct view *v)
{
    return ui_nitems(v->u) > UI_ITEM_REVIEW;
}

const struct ui_key ui_global_keys[] = {
    {.key = '1', .last = '5', .help = N_("naar agendapunt 1 tot en met 5"), .run = g_item},
    {.key = '6', .help = N_("te beoordelen (leider), mijn inzendingen (vrijwilliger)"),
     .when = g_has_review, .run = g_item},
    {.key = '\t', .alt = UI_KEY(KEY_NPAGE), .help = N_("volgend agendapunt"), .run = g_next},
    {.key = UI_KEY(KEY_BTAB), .alt = UI_KEY(KEY_PPAGE), .help = N_("vorig agendapunt"),
     .run = g_prev},
    {.key = '/', .fn = 3, .label = N_("Zoek"),
     .help = N_("zoeken in alles wat u mag zien; Enter opent"), .run = g_find},
    {.key = 'a', .help = N_("nieuw actiepunt, waar u ook bent"), .when = ui_may_new_action,
     .run = g_action},
    {.key = 'z', .help = N_("ongedaan maken: uw laatste wijziging sinds het scherm openging gaat "
                            "terug naar de vorige versie (een nieuw record weer weg)"),
     .run = g_undo},
    {.key = 'w', .help = N_("wissel van lid (een gedeelde laptop); vraagt id en wachtwoordzin"),
     .run = g_member},
    {.key = 'b', .fn = 9, .label = N_("Beamer"),
     .help = N_("beamer aan of uit (geen namen, geen afgeschermde casussen)"), .run = g_beamer},
    {.key = '?', .fn = 1, .label = N_("Hulp"), .help = N_("deze hulp"), .run = g_help},
    {.key = 'q', .alt = UI_CTRL('q'), .fn = 10, .label = N_("Stop"),
     .help = N_("stoppen (alles is al bewaard)"), .run = g_quit},
    {.key = UI_ESC, .help = N_("terug, of annuleren"), .run = g_nothing},
    {.key = UI_CTRL('l'), .help = N_("scherm opnieuw tekenen"), .run = g_redraw},
    {0}};

void ui_bar(struct ui *u, struct ui_bar *bar)
{
    struct view *v = u->views[u->cur];
    keys_bar(bar, v->ops->keys, keys_mode(v), v, ui_global_keys);
}

/* The key an F-key stands for in the current view (0 for none). */
static int translate_fn(struct ui *u, int key)
{
    int fn = fkeys_number(key);
    if (!fn)
        return key;
    struct ui_bar bar;
    ui_bar(u, &bar);
    return bar.label[fn - 1] ? bar.key[fn - 1] : 0;
}

void ui_handle_key(struct ui *u, int key)
{
    if (key == UI_KEY(KEY_RESIZE)) {
        u->content = ui_content(u);
        for (int i = 0; i < UI_NITEMS; i++)
            if (u->views[i]->ops->resize)
                u->views[i]->ops->resize(u->views[i], u->content);
        return;
    }
    if (u->too_small) {
        if (key == 'q' || key == UI_CTRL('q'))
            u->quit = true;
        return;
    }
    u->msg[0] = '\0';
    if (key == UI_KEY(KEY_MOUSE)) {
        handle_mouse(u);
        return;
    }
    struct view *v = u->views[u->cur];
    int k = translate_fn(u, key);
    if (k == 0)
        return;
    if (u->follow && k != 'q' && k != '?' && k != UI_CTRL('l') && k != UI_KEY(KEY_RESIZE)) {
        ui_message(u, false, _("Dit is het scherm voor de muur; het volgt de voorzitter"));
        return;
    }
    if (keys_dispatch(v, v->ops->keys, keys_mode(v), k))
        return;
    if (v->ops->key && v->ops->key(v, k))
        return;
    if (keys_dispatch(v, ui_global_keys, 0, k))
        return;
    if (!UI_IS_KEY(k) && k >= ' ')
        ui_message(u, false, _("Die toets doet hier niets; ? toont de toetsen"));
}
