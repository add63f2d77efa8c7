/* view_decisions.c: item 5, Rondvraag & besluiten: decisions as free text, the minutes so far. */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/text.h"

struct decisions {
    struct view v;
    char **lines; /* one decision a line */
    size_t n;
    struct list l;
    char *minutes;
    int minutes_top;
    bool focus_minutes;
    bool loaded;
    struct rect list_r, minutes_r;
};

static void free_lines(struct decisions *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->lines[i]);
    free(s->lines);
    s->lines = NULL;
    s->n = 0;
}

static void split(struct decisions *s, const char *text)
{
    free_lines(s);
    for (const char *p = text; *p;) {
        size_t len = strcspn(p, "\n");
        if (len) {
            s->lines = xrealloc(s->lines, (s->n + 1) * sizeof *s->lines);
            s->lines[s->n++] = xstrndup(p, len);
        }
        p += len + (p[len] ? 1 : 0);
    }
    s->l.n = s->n;
    list_clamp(&s->l);
}

static void load(struct decisions *s)
{
    struct ui *u = s->v.u;
    char *text = NULL;
    struct wt_error err = {0};
    if (meeting_decisions_get(u->a, app_day(u->a), &text, &err) != 0)
        ui_error(u, &err);
    split(s, text ? text : "");
    free(text);
    struct buf m = {0};
    free(s->minutes);
    s->minutes = NULL;
    if (meeting_minutes(u->a, app_day(u->a), &m, NULL) == 0)
        s->minutes = buf_steal(&m);
    buf_fini(&m);
    s->loaded = true;
}

/* Stores the decisions (all lines); false on failure (message shown). */
static bool store(struct decisions *s)
{
    struct buf b = {0};
    buf_puts(&b, "");
    for (size_t i = 0; i < s->n; i++)
        buf_printf(&b, "%s\n", s->lines[i]);
    struct wt_error err = {0};
    bool ok = meeting_decisions_put(s->v.u->a, b.data, &err) == 0;
    if (!ok)
        ui_error(s->v.u, &err);
    buf_fini(&b);
    if (ok)
        ui_changed(s->v.u);
    return ok;
}

struct row_ctx {
    struct decisions *s;
};

static void draw_row(void *ctx, size_t i, int y, int x, int w, bool sel)
{
    struct decisions *s = ((struct row_ctx *)ctx)->s;
    char *t = ui_show(s->v.u, s->lines[i]);
    char *line = xasprintf("%2zu. %s", i + 1, t);
    draw_text(y, x, w, line, sel ? (s->focus_minutes ? TH_SEL_DIM : TH_SEL) : TH_NORMAL, true);
    free(line);
    free(t);
}

/* One line of the minutes' Markdown as people read it: no "#" before a
 * heading, a bullet for "- ", no "_" or "**" around what they emphasise
 * ("_Geen._" reads "Geen."). Caller frees. */
static char *md_plain(const char *line)
{
    const char *p = line;
    struct buf b = {0};
    if (*p == '#') {
        while (*p == '#')
            p++;
        while (*p == ' ')
            p++;
    } else if (p[0] == '-' && p[1] == ' ') {
        buf_puts(&b, "\u2022 ");
        p += 2;
    }
    size_t n = strlen(p);
    if (n >= 2 && p[0] == '_' && p[n - 1] == '_') { /* a whole line in italics */
        p++;
        n -= 2;
    }
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '*' && i + 1 < n && p[i + 1] == '*') {
            i++;
            continue;
        }
        buf_putc(&b, p[i]);
    }
    return b.data ? buf_steal(&b) : xstrdup("");
}

static void draw_minutes(struct decisions *s, struct rect r)
{
    draw_title(r.y, r.x, r.w, _("Notulen tot nu toe (wijktafel minutes)"), s->focus_minutes);
    struct rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
    s->minutes_r = in;
    if (!s->minutes) {
        draw_text(in.y, in.x, in.w, _("Nog niets vastgelegd."), TH_DIM, false);
        return;
    }
    int y = in.y - s->minutes_top;
    for (const char *p = s->minutes; *p && y < in.y + in.h;) {
        size_t len = strcspn(p, "\n");
        char *line = xstrndup(p, len);
        bool head = line[0] == '#';
        char *text = md_plain(line);
        int n = draw_wrap_lines(in.w, text);
        int skip = y < in.y ? in.y - y : 0;
        if (skip < n)
            draw_wrap((struct rect){y + skip, in.x, in.y + in.h - (y + skip), in.w}, skip, text,
                      head ? TH_TITLE : TH_NORMAL);
        y += n;
        free(text);
        free(line);
        p += len + (p[len] ? 1 : 0);
    }
}

static void decisions_draw(struct view *v, struct rect r)
{
    struct decisions *s = (struct decisions *)v;
    if (!s->loaded)
        load(s);
    struct rect lr = r, mr;
    if (r.w >= UI_WIDE_COLS) {
        lr.w = r.w / 2;
        mr = (struct rect){r.y, r.x + lr.w + 1, r.h, r.w - lr.w - 1};
    } else {
        lr.h = r.h / 2;
        mr = (struct rect){r.y + lr.h, r.x, r.h - lr.h, r.w};
    }
    char *title = xasprintf(_("Besluiten van vandaag (%zu)"), s->n);
    draw_title(lr.y, lr.x, lr.w, title, !s->focus_minutes);
    free(title);
    s->list_r = (struct rect){lr.y + 1, lr.x + 1, lr.h - 1, lr.w - 2};
    struct row_ctx c = {s};
    list_draw(&s->l, s->list_r, draw_row, &c);
    if (!s->n)
        draw_text(lr.y + 1, lr.x + 1, lr.w - 2,
                  _("Nog geen besluiten. n: nieuw besluit, a: nieuw actiepunt"), TH_DIM, false);
    draw_minutes(s, mr);
}

static void add_or_edit(struct decisions *s, bool edit)
{
    if (!ui_may_write(s->v.u))
        return;
    if (edit && !s->n)
        return;
    if (edit && !ui_may_edit_shown(s->v.u))
        return;
    size_t at = edit ? s->l.sel : s->n;
    char *typed = xstrdup(edit ? s->lines[at] : "");
    for (;;) {
        char *in = dialog_input(s->v.u, edit ? _("Besluit:") : _("Nieuw besluit:"), typed);
        if (!in)
            break;
        free(typed);
        typed = in;
        char *t = in;
        while (*t == ' ')
            t++;
        if (!*t)
            break;
        char **old = s->lines;
        size_t oldn = s->n;
        /* The new list; the old one stays until the write succeeded. */
        s->lines = xmalloc((oldn + 1) * sizeof *s->lines);
        for (size_t i = 0; i < oldn; i++)
            s->lines[i] = i == at ? xstrdup(t) : xstrdup(old[i]);
        if (!edit)
            s->lines[s->n++] = xstrdup(t);
        if (store(s)) {
            for (size_t i = 0; i < oldn; i++)
                free(old[i]);
            free(old);
            s->l.n = s->n;
            s->l.sel = at;
            ui_message(s->v.u, false, _("Besluit bewaard"));
            break;
        }
        /* Not stored (locked, disk full): back to the list as it was, and
         * ask again with what was typed; the message says why. */
        for (size_t i = 0; i < s->n; i++)
            free(s->lines[i]);
        free(s->lines);
        s->lines = old;
        s->n = oldn;
    }
    free(typed);
}

static void in_editor(struct decisions *s)
{
    if (!ui_may_write(s->v.u))
        return;
    if (!ui_may_edit_shown(s->v.u))
        return;
    struct buf b = {0};
    buf_puts(&b, "");
    for (size_t i = 0; i < s->n; i++)
        buf_printf(&b, "%s\n", s->lines[i]);
    char *edited = editor_run(s->v.u, b.data);
    buf_fini(&b);
    if (!edited)
        return;
    split(s, edited);
    free(edited);
    if (store(s))
        ui_message(s->v.u, false, _("Besluiten bewaard"));
}

static void wipe(struct decisions *s)
{
    if (!s->n || !ui_may_write(s->v.u))
        return;
    char *q = xasprintf(_("Besluit %zu wissen?"), s->l.sel + 1);
    bool yes = dialog_confirm(s->v.u, q);
    free(q);
    if (!yes)
        return;
    free(s->lines[s->l.sel]);
    memmove(s->lines + s->l.sel, s->lines + s->l.sel + 1,
            (s->n - s->l.sel - 1) * sizeof *s->lines);
    s->n--;
    s->l.n = s->n;
    list_clamp(&s->l);
    if (store(s))
        ui_message(s->v.u, false, _("Besluit gewist"));
}

/* Up and Down in the minutes, the list keys in the decisions. */
static bool decisions_key(struct view *v, int key)
{
    struct decisions *s = (struct decisions *)v;
    if (s->focus_minutes && (key == UI_KEY(KEY_UP) || key == UI_KEY(KEY_DOWN))) {
        s->minutes_top += key == UI_KEY(KEY_DOWN) ? 1 : (s->minutes_top > 0 ? -1 : 0);
        return true;
    }
    return !s->focus_minutes && list_key(&s->l, key);
}

static void key_focus(struct view *v, int key)
{
    ((struct decisions *)v)->focus_minutes = key == UI_KEY(KEY_RIGHT);
}

static void key_new(struct view *v, int key)
{
    (void)key;
    add_or_edit((struct decisions *)v, false);
}

static void key_edit(struct view *v, int key)
{
    (void)key;
    add_or_edit((struct decisions *)v, true);
}

static void key_editor(struct view *v, int key)
{
    (void)key;
    in_editor((struct decisions *)v);
}

static void key_wipe(struct view *v, int key)
{
    (void)key;
    wipe((struct decisions *)v);
}

/* Who was there: the names, separated by commas, each a name or an id. */
static void key_present(struct view *v, int key)
{
    (void)key;
    struct ui *u = v->u;
    if (!ui_may_write(u))
        return;
    struct wt_error err = {0};
    char *ids = NULL;
    if (meeting_present_get(u->a, app_day(u->a), &ids, &err) != 0) {
        ui_error(u, &err);
        return;
    }
    struct buf names = {0};
    for (const char *p = ids; *p;) {
        size_t len = strcspn(p, ";");
        char *id = xstrndup(p, len);
        buf_printf(&names, "%s%s", names.len ? ", " : "", ui_member_name(u, id));
        free(id);
        p += len + (p[len] ? 1 : 0);
    }
    free(ids);
    char *in = dialog_input(u, _("Aanwezig (namen, met komma's):"), names.data ? names.data : "");
    buf_fini(&names);
    if (!in)
        return;
    struct buf list = {0};
    int rc = 0;
    for (const char *p = in; *p && !rc;) {
        size_t len = strcspn(p, ",");
        char *raw = xstrndup(p, len), *name = text_trim(raw);
        if (*name) {
            int k = text_pick(name, ui_member_ids(u), ui_member_names(u), ui_member_count(u));
            if (k < 0)
                rc = wt_error_set(&err, WT_EINVAL,
                                  k == -2 ? _("aanwezig: '%s' past bij meer leden; typ meer van de naam")
                                          : _("aanwezig: '%s' is geen lid van het team"),
                                  name);
            else
                buf_printf(&list, "%s%s", list.len ? ";" : "", ui_member_ids(u)[k]);
        }
        free(name);
        free(raw);
        p += len + (p[len] ? 1 : 0);
    }
    if (!rc)
        rc = meeting_present_put(u->a, list.data ? list.data : "", &err);
    if (rc)
        ui_error(u, &err);
    else {
        ui_changed(u);
        ui_message(u, false, _("De aanwezigen zijn bijgewerkt"));
    }
    buf_fini(&list);
    free(in);
}

static bool may_present(struct view *v)
{
    return app_may(v->u->a, WT_ACTIONS, APP_OP_WRITE);
}

static const struct ui_key keys[] = {
    {.key = 'p', .fn = 7, .label = N_("Aanwezig"),
     .help = N_("wie er bij het overleg zijn (komt in de notulen); wie vandaag het scherm "
                "opende staat er al"),
     .when = may_present, .run = key_present},
    {.key = 'n', .fn = 2, .label = N_("Nieuw"), .help = N_("nieuw besluit (een regel)"),
     .run = key_new},
    {.key = 'e', .fn = 4, .label = N_("Bewerk"), .help = N_("het gekozen besluit bewerken"),
     .run = key_edit},
    {.key = 'E', .fn = 5, .label = N_("Editor"),
     .help = N_("alle besluiten in de editor ($EDITOR)"), .run = key_editor},
    {.key = 'x', .fn = 6, .label = N_("Wis"), .help = N_("het gekozen besluit wissen"),
     .run = key_wipe},
    {.key = UI_KEY(KEY_LEFT), .alt = UI_KEY(KEY_RIGHT),
     .help = N_("naar de besluiten of de notulen; pijltjes bladeren"), .run = key_focus},
    {0}};

static void decisions_click(struct view *v, int y, int x)
{
    struct decisions *s = (struct decisions *)v;
    if (list_click(&s->l, s->list_r, y) && x < s->list_r.x + s->list_r.w)
        s->focus_minutes = false;
    else if (y >= s->minutes_r.y && x >= s->minutes_r.x)
        s->focus_minutes = true;
}

static void decisions_reload(struct view *v)
{
    ((struct decisions *)v)->loaded = false;
}

static void decisions_selection(const struct view *v, struct meeting_wall *w)
{
    const struct decisions *s = (const struct decisions *)v;
    w->pane = (int)s->l.sel; /* the decision line the chair points at */
    w->kind = WT_ACTIONS;
    w->id[0] = '\0';
}

static bool decisions_select(struct view *v, enum wt_kind kind, const char *id, int pane)
{
    (void)kind;
    (void)id;
    struct decisions *s = (struct decisions *)v;
    if (!s->loaded)
        load(s);
    if (pane >= 0) {
        s->l.sel = (size_t)pane;
        list_clamp(&s->l);
    }
    return true;
}

static void decisions_resize(struct view *v, struct rect r)
{
    (void)r;
    list_clamp(&((struct decisions *)v)->l);
}

static void decisions_free(struct view *v)
{
    struct decisions *s = (struct decisions *)v;
    free_lines(s);
    free(s->minutes);
    free(s);
}

static const struct view_ops ops = {
    .title = N_("Rondvraag & besluiten"),
    .keys = keys,
    .draw = decisions_draw,
    .key = decisions_key,
    .resize = decisions_resize,
    .click = decisions_click,
    .reload = decisions_reload,
    .select = decisions_select,
    .selection = decisions_selection,
    .free = decisions_free,
};

struct view *view_decisions_new(struct ui *u)
{
    struct decisions *s = xcalloc(1, sizeof *s);
    s->v.ops = &ops;
    s->v.u = u;
    return &s->v;
}
