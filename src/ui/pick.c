/* pick.c: pickers (issue 16): the whole list of a field's choices opened with one key, and an
 * unknown area or tag kept only after a yes/no that names the closest known one. */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/area.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"

struct known {
    char **v;
    size_t n, cap;
};

static void known_add(struct known *k, const char *s, size_t len)
{
    for (size_t i = 0; i < k->n; i++)
        if (strlen(k->v[i]) == len && strncmp(k->v[i], s, len) == 0)
            return;
    if (k->n == k->cap) {
        k->cap = k->cap ? 2 * k->cap : 64;
        k->v = xrealloc(k->v, k->cap * sizeof *k->v);
    }
    k->v[k->n++] = xstrndup(s, len);
}

static void known_free(struct known *k)
{
    for (size_t i = 0; i < k->n; i++)
        free(k->v[i]);
    free(k->v);
}

/* Every area a record of the database names, and the areas above it. */
static int add_area(void *ctx, const struct wt_record *r)
{
    static const int col[WT_KIND_COUNT] = {MEMBER_AREA, CASE_AREA,  SIGNAL_AREA,
                                           RESOURCE_AREA, TALENT_AREA, -1,
                                           PROJECT_AREA,  PARTNER_AREA};
    const char *a = col[r->kind] >= 0 ? r->v[col[r->kind]] : NULL;
    for (const char *p = a; p && *p; p++)
        if (*p == '/')
            known_add(ctx, a, (size_t)(p - a));
    if (a && *a)
        known_add(ctx, a, strlen(a));
    return 0;
}

/* Every area known to the database, and the areas above them. */
static void known_areas(struct ui *u, struct known *k)
{
    for (int kind = WT_MEMBERS; kind <= WT_TALENTS; kind++)
        if (app_each(u->a, (enum wt_kind)kind, add_area, k, NULL) != 0)
            continue; /* a kind this member may not read adds nothing */
}

static int by_text(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char **ui_area_choices(struct ui *u)
{
    struct known k = {0};
    known_areas(u, &k);
    if (k.n)
        qsort(k.v, k.n, sizeof *k.v, by_text);
    k.v = xrealloc(k.v, (k.n + 1) * sizeof *k.v);
    k.v[k.n] = NULL;
    return k.v;
}

void ui_choices_free(char **v)
{
    for (size_t i = 0; v && v[i]; i++)
        free(v[i]);
    free(v);
}

/* The answer to "did you mean": 1 take the suggestion, 0 keep what was typed,
 * -1 go back to the form. */
static int ask(struct ui *u, bool area, const char *typed, const char *closest)
{
    char *q = !closest ? NULL
              : area   ? xasprintf(_("Wijk '%s' is nieuw. Bedoelt u %s?"), typed, closest)
                       : xasprintf(_("Woord '%s' is nieuw. Bedoelt u %s?"), typed, closest);
    bool take = q && dialog_confirm(u, q);
    free(q);
    if (take)
        return 1;
    q = area ? xasprintf(_("'%s' als nieuwe wijk bewaren?"), typed)
             : xasprintf(_("'%s' als nieuw woord bewaren?"), typed);
    bool keep = dialog_confirm(u, q);
    free(q);
    return keep ? 0 : -1;
}

int ui_pick_area(struct ui *u, const char *label, char **value, const char *before,
                 struct wt_error *err)
{
    if (!*value || !**value || (before && strcmp(*value, before) == 0))
        return 0;
    struct known k = {0};
    known_areas(u, &k);
    bool same = false;
    int i = k.n ? area_closest(*value, (const char *const *)k.v, k.n, true, &same) : -1;
    const char *closest = i >= 0 && k.v ? k.v[i] : NULL;
    int rc = 0;
    if (!same || !closest) {
        int a = ask(u, true, *value, closest);
        if (a == 1 && closest) {
            free(*value);
            *value = xstrdup(closest);
        } else if (a < 0) {
            rc = wt_error_set(err, WT_EINVAL, _("%s: niet bewaard; pas de wijk aan"), label);
        }
    } else if (strcmp(closest, *value) != 0) {
        free(*value); /* the known spelling */
        *value = xstrdup(closest);
    }
    known_free(&k);
    return rc;
}

int ui_pick_tags(struct ui *u, const char *label, char **value, const char *before,
                 const char *const *vocabulary, struct wt_error *err)
{
    if (!*value || !**value || !vocabulary)
        return 0;
    struct known k = {0};
    for (const char *const *v = vocabulary; *v; v++)
        known_add(&k, *v, strlen(*v));
    struct taglist old, now;
    tags_split(before ? before : "", &old);
    for (size_t i = 0; i < old.n; i++)
        known_add(&k, old.items[i], strlen(old.items[i]));
    tags_split(*value, &now);
    struct buf out = {0};
    buf_puts(&out, "");
    int rc = 0;
    for (size_t t = 0; t < now.n && rc == 0; t++) {
        bool same = false;
        const char *tag = now.items[t];
        int i = k.n ? area_closest(tag, (const char *const *)k.v, k.n, false, &same) : -1;
        const char *closest = i >= 0 && k.v ? k.v[i] : NULL;
        if (!same || !closest) {
            int a = ask(u, false, tag, closest);
            if (a == 1 && closest)
                tag = closest;
            else if (a < 0)
                rc = wt_error_set(err, WT_EINVAL, _("%s: niet bewaard; pas het woord '%s' aan"),
                                  label, tag);
        }
        buf_printf(&out, "%s%s", t ? ";" : "", tag);
    }
    if (rc == 0) {
        free(*value);
        *value = buf_steal(&out);
    } else {
        buf_fini(&out);
    }
    tags_fini(&old);
    tags_fini(&now);
    known_free(&k);
    return rc;
}

/* ---- the list opened with one key ---- */

/* The list as a layer over the form. */
struct picking {
    struct ui_layer l;
    const char *title;
    const char *const *choices;
    size_t all;
    size_t *idx, n; /* the choices that match what is typed */
    struct lineedit e;
    struct list list;
    struct rect lr; /* where the rows were drawn, for a click */
    int picked;
};

static void narrow(struct picking *p, const char *typed)
{
    p->n = 0;
    for (size_t i = 0; i < p->all; i++)
        if (!*typed || text_words_match(typed, p->choices[i]))
            p->idx[p->n++] = i;
}

static void draw_choice(void *ctx, size_t i, int y, int x, int w, bool sel)
{
    const struct picking *p = ctx;
    draw_text(y, x, w, p->choices[p->idx[i]], sel ? TH_SEL : TH_NORMAL, true);
}

static void pick_draw(struct ui_layer *l, struct ui *u)
{
    struct picking *p = (struct picking *)l;
    if (u->too_small)
        return;
    int w = COLS - 4 > 90 ? 90 : COLS - 4;
    int h = (int)p->all + 3 < LINES - 4 ? (int)p->all + 3 : LINES - 4;
    if (h < 5)
        h = 5;
    struct rect r = {(LINES - h) / 2, (COLS - w) / 2, h, w};
    char *t = xasprintf(_("%s: kies (Enter: nemen, Esc: terug)"), p->title);
    draw_box(r, t);
    free(t);
    char *count = xasprintf(_("%zu van %zu"), p->n, p->all);
    int cw = draw_width(count) + 1;
    draw_text(r.y + 1, r.x + r.w - cw - 1, cw, count, TH_DIM, true);
    free(count);
    p->lr = (struct rect){r.y + 2, r.x + 1, r.h - 3, r.w - 2};
    p->list.n = p->n;
    list_draw(&p->list, p->lr, draw_choice, p);
    if (!p->n)
        draw_text(p->lr.y, p->lr.x + 1, p->lr.w - 1, _("Niets dat hierbij past; typ minder"),
                  TH_DIM, false);
    int pw = draw_text(r.y + 1, r.x + 2, 10, _("Zoek:"), TH_TITLE, false) + 1;
    lineedit_draw(&p->e, r.y + 1, r.x + 2 + pw, r.w - pw - cw - 5, true);
}

static void pick_key(struct ui_layer *l, struct ui *u, int key)
{
    (void)u;
    struct picking *p = (struct picking *)l;
    if (key == UI_ESC && !p->e.pasting) {
        l->done = true;
        return;
    }
    if (ui_key_enter(key) && !p->e.pasting) {
        if (p->n) {
            p->picked = (int)p->idx[p->list.sel < p->n ? p->list.sel : 0];
            l->done = true;
        }
        return;
    }
    p->list.n = p->n;
    if (key == UI_KEY(KEY_MOUSE)) {
        MEVENT ev;
        if (getmouse(&ev) == OK && (ev.bstate & BUTTON1_PRESSED))
            list_click(&p->list, p->lr, ev.y);
        return;
    }
    if (!p->e.pasting && list_key(&p->list, key))
        return;
    char *before = lineedit_text(&p->e);
    lineedit_key(&p->e, key);
    char *after = lineedit_text(&p->e);
    if (strcmp(before, after) != 0) {
        narrow(p, after);
        p->list.sel = p->list.top = 0;
    }
    free(before);
    free(after);
}

int ui_pick_list(struct ui *u, const char *title, const char *const *choices,
                 const char *typed)
{
    if (!choices || !choices[0])
        return -1;
    u->modal = true;
    struct picking p = {.l = {.draw = pick_draw, .key = pick_key}, .title = title,
                        .choices = choices, .picked = -1};
    while (choices[p.all])
        p.all++;
    p.idx = xcalloc(p.all, sizeof *p.idx);
    /* A field that holds one of the choices opens the whole list, on it. */
    size_t current = p.all;
    for (size_t i = 0; typed && i < p.all && current == p.all; i++)
        if (strcmp(choices[i], typed) == 0)
            current = i;
    const char *start = typed && current == p.all ? typed : "";
    lineedit_init(&p.e, start);
    p.e.cur = p.e.len;
    narrow(&p, start);
    p.list = (struct list){.n = p.n, .sel = current < p.all ? current : 0};
    ui_layer_run(u, &p.l);
    lineedit_fini(&p.e);
    free(p.idx);
    curs_set(0);
    return p.picked;
}
