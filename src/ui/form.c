/* form.c: a modal entry form: labelled line editors, completion from a vocabulary, $EDITOR. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/text.h"

struct form {
    struct ui_layer l;
    const char *title;
    struct form_field *f;
    struct lineedit *e;
    char **long_text; /* per field: the text as the editor left it, with its line breaks */
    int n, cur;
    char err[512];
    form_save_fn save;
    void *ctx;
    bool saved;
};

/* The part of the field being typed: after the last ';' (or '+', which
 * pairs people) for a list. */
static const char *token_start(const struct form_field *f, const char *text)
{
    if (f->kind != FORM_TAGS)
        return text;
    const char *semi = strrchr(text, ';'), *plus = strrchr(text, '+');
    if (plus > semi)
        semi = plus;
    const char *t = semi ? semi + 1 : text;
    while (*t == ' ')
        t++;
    return t;
}

/* The choices whose words start with what is typed (case and accents do not
 * matter: "noor" and "haddou" offer Noor Haddou), at most max. */
static int candidates(const struct form_field *f, const char *text, const char **out, int max)
{
    if (!f->choices)
        return 0;
    const char *tok = token_start(f, text);
    size_t tl = strlen(tok);
    int n = 0;
    for (const char *const *c = f->choices; *c && n < max; c++)
        if (tl == 0 || text_words_match(tok, *c))
            out[n++] = *c;
    return n;
}

/* Completes the field to the first candidate; false when nothing changed. */
static bool complete(struct form *fm)
{
    struct form_field *f = &fm->f[fm->cur];
    char *text = lineedit_text(&fm->e[fm->cur]);
    const char *c[1];
    bool changed = false;
    const char *tok = token_start(f, text);
    if (*tok && candidates(f, text, c, 1) == 1 && strcmp(c[0], tok) != 0) {
        char *head = xstrndup(text, (size_t)(tok - text));
        char *full = xasprintf("%s%s", head, c[0]);
        lineedit_set(&fm->e[fm->cur], full);
        fm->e[fm->cur].cur = fm->e[fm->cur].len;
        free(full);
        free(head);
        changed = true;
    }
    free(text);
    return changed;
}

/* F6: the whole list of the field's choices; the one taken replaces what is
 * being typed (for a list, its last item). */
static void pick_from_list(struct ui *u, struct form *fm)
{
    struct form_field *f = &fm->f[fm->cur];
    char *text = lineedit_text(&fm->e[fm->cur]);
    const char *tok = token_start(f, text);
    int k = ui_pick_list(u, _(f->label), f->choices, tok);
    if (k >= 0) {
        char *full = xasprintf("%.*s%s", (int)(tok - text), text, f->choices[k]);
        lineedit_set(&fm->e[fm->cur], full);
        fm->e[fm->cur].cur = fm->e[fm->cur].len;
        free(full);
    }
    free(text);
}

/* How a date field's text reads, in hint: the day it understood, or a
 * note that it is no date. */
static void date_hint(struct ui *u, const char *text, struct buf *hint)
{
    char *t = text_trim(text);
    int32_t d;
    char shown[DATE_SHOW_MAX];
    if (!*t)
        buf_puts(hint, _("bijv. 18-12-2026, 18 dec, morgen, vrijdag, over 2 weken of +7"));
    else if (date_read(t, app_day(u->a), &d) == 0)
        buf_printf(hint, _("Begrepen als: %s"), date_show(d, DATE_DAY, app_day(u->a), shown));
    else
        buf_puts(hint, _("Geen datum; typ bijv. 18-12-2026, morgen of vrijdag"));
    free(t);
}

/* A date field's text after leaving it: the day it was understood as
 * ("vr 11-12-2026"), so that the form shows what will be saved. */
static void settle_date(struct ui *u, struct form *fm, int i)
{
    if (fm->f[i].kind != FORM_DATE)
        return;
    char *t = lineedit_text(&fm->e[i]);
    int32_t d;
    if (date_read(t, app_day(u->a), &d) == 0) {
        char shown[DATE_SHOW_MAX];
        lineedit_set(&fm->e[i], date_show(d, DATE_DAY, app_day(u->a), shown));
        fm->e[i].cur = fm->e[i].len;
    }
    free(t);
}

/* Moves to field next, settling the date field that is left. */
static void go_to(struct ui *u, struct form *fm, int next)
{
    settle_date(u, fm, fm->cur);
    fm->cur = next;
}

static int label_width(const struct form *fm)
{
    int w = 0;
    for (int i = 0; i < fm->n; i++) {
        int lw = draw_width(_(fm->f[i].label));
        if (lw > w)
            w = lw;
    }
    return w + 1;
}

static void draw_form(struct ui_layer *l, struct ui *u)
{
    struct form *fm = (struct form *)l;
    const char *title = fm->title;
    if (u->too_small)
        return;
    int w = COLS - 4 > 100 ? 100 : COLS - 4;
    int h = fm->n + 6;
    if (h > LINES - 2)
        h = LINES - 2;
    struct rect r = {(LINES - h) / 2, (COLS - w) / 2, h, w};
    draw_box(r, title);
    int lw = label_width(fm);
    int fx = r.x + 2 + lw + 1, fw = r.w - lw - 5;
    int shown = h - 6 < fm->n ? h - 6 : fm->n;
    int first = fm->cur >= shown ? fm->cur - shown + 1 : 0;
    for (int i = 0; i < shown; i++) {
        int k = first + i, y = r.y + 1 + i;
        draw_text(y, r.x + 2, lw, _(fm->f[k].label), k == fm->cur ? TH_TITLE : TH_NORMAL,
                  false);
        if (k != fm->cur)
            lineedit_draw(&fm->e[k], y, fx, fw, false);
    }
    int hy = r.y + h - 5;
    const struct form_field *f = &fm->f[fm->cur];
    char *text = lineedit_text(&fm->e[fm->cur]);
    const char *c[8];
    int nc = candidates(f, text, c, 8);
    free(text);
    struct buf hint = {0};
    buf_puts(&hint, "");
    for (int i = 0; i < nc; i++)
        buf_printf(&hint, "%s%s", i ? "  " : _("Tab vult aan: "), c[i]);
    if (f->kind == FORM_LONG)
        buf_puts(&hint, _("   F4 of Ctrl-X: in de editor"));
    if (f->kind == FORM_DATE) {
        char *t = lineedit_text(&fm->e[fm->cur]);
        date_hint(u, t, &hint);
        free(t);
    }
    draw_text(hy + 1, r.x + 2, r.w - 4, hint.data, TH_DIM, false);
    buf_fini(&hint);
    if (fm->err[0]) {
        char *m = xasprintf("[!] %s", fm->err);
        draw_text(hy + 2, r.x + 2, r.w - 4, m, TH_ERROR, false);
        free(m);
    }
    draw_text(hy + 3, r.x + 2, r.w - 4,
              f->choices && f->choices[0]
                  ? _("Enter: bewaren   Esc: annuleren   Tab/pijltjes: ander veld   F6: lijst")
                  : _("Enter: bewaren   Esc: annuleren   Tab/pijltjes: ander veld"),
              TH_DIM, false);
    int cy = r.y + 1 + (fm->cur - first);
    lineedit_draw(&fm->e[fm->cur], cy, fx, fw, true);
}

/* The fields' values from what was typed, a date as YYYY-MM-DD. Returns the
 * first date field that is no date (fm->err says so), or -1. */
static int to_fields(struct ui *u, struct form *fm)
{
    int bad = -1;
    for (int i = 0; i < fm->n; i++) {
        free(fm->f[i].value);
        char *t = lineedit_text(&fm->e[i]);
        fm->f[i].value = text_trim(t);
        free(t);
        int32_t d;
        if (fm->f[i].kind != FORM_DATE || !*fm->f[i].value)
            continue;
        if (date_read(fm->f[i].value, app_day(u->a), &d) == 0) {
            free(fm->f[i].value);
            fm->f[i].value = xmalloc(11);
            date_format(d, fm->f[i].value);
        } else if (bad < 0) {
            bad = i;
            snprintf(fm->err, sizeof fm->err,
                     _("%s: '%s' is geen datum; typ bijv. 18-12-2026, morgen of vrijdag"),
                     _(fm->f[i].label), fm->f[i].value);
        }
    }
    return bad;
}

/* A long text goes to $EDITOR; it comes back with its line breaks, which
 * the one-line field shows as spaces but the value keeps. */
static void edit_long(struct ui *u, struct form *fm, char **long_text)
{
    char *cur = lineedit_text(&fm->e[fm->cur]);
    const char *start = long_text[fm->cur] ? long_text[fm->cur] : cur;
    char *edited = editor_run(u, start);
    if (edited) {
        free(long_text[fm->cur]);
        long_text[fm->cur] = edited;
        lineedit_set(&fm->e[fm->cur], edited);
    }
    free(cur);
}

/* Enter: the values from what was typed, then save; the form closes when
 * that worked and stays, saying why, when not. */
static void enter(struct ui *u, struct form *fm)
{
    struct form_field *f = fm->f;
    int bad = to_fields(u, fm);
    if (bad >= 0) {
        fm->cur = bad;
        ui_message(u, true, "%s", fm->err);
        return;
    }
    for (int i = 0; i < fm->n; i++) {
        /* Keep the editor's line breaks unless the line was changed. */
        char *flat = fm->long_text[i] ? text_inert(fm->long_text[i], false) : NULL;
        char *flat_trim = flat ? text_trim(flat) : NULL;
        if (flat_trim && strcmp(flat_trim, f[i].value) == 0) {
            free(f[i].value);
            f[i].value = xstrdup(fm->long_text[i]);
        }
        free(flat_trim);
        free(flat);
    }
    struct wt_error err = {0};
    if (fm->save(u, f, fm->n, fm->ctx, &err) == 0) {
        fm->saved = fm->l.done = true;
        return;
    }
    /* The form stays, with what was typed; the status line says why. */
    snprintf(fm->err, sizeof fm->err, "%s", ui_error_text(u, &err));
    ui_message(u, true, "%s", fm->err);
}

static void form_key(struct ui_layer *l, struct ui *u, int key)
{
    struct form *fm = (struct form *)l;
    int n = fm->n;
    struct lineedit *e = &fm->e[fm->cur];
    if (e->pasting) { /* inside a paste every key is text */
        lineedit_key(e, key);
        return;
    }
    if (key == UI_ESC)
        l->done = true;
    else if (ui_key_enter(key))
        enter(u, fm);
    else if (key == '\t') {
        if (!complete(fm))
            go_to(u, fm, (fm->cur + 1) % n);
    } else if (key == UI_KEY(KEY_DOWN)) {
        go_to(u, fm, (fm->cur + 1) % n);
    } else if (key == UI_KEY(KEY_BTAB) || key == UI_KEY(KEY_UP)) {
        go_to(u, fm, (fm->cur + n - 1) % n);
    } else if (key == UI_KEY(KEY_F(6)) && fm->f[fm->cur].choices && fm->f[fm->cur].choices[0]) {
        pick_from_list(u, fm);
    } else if ((key == UI_KEY(KEY_F(4)) || key == UI_CTRL('x')) &&
               fm->f[fm->cur].kind == FORM_LONG) {
        /* Not Ctrl-E: that is the end of the line in every field. */
        edit_long(u, fm, fm->long_text);
    } else {
        lineedit_key(e, key);
    }
}

bool form_run(struct ui *u, const char *title, struct form_field *f, int n, form_save_fn save,
              void *ctx)
{
    struct form fm = {.l = {.draw = draw_form, .key = form_key}, .title = title, .f = f,
                      .n = n, .save = save, .ctx = ctx};
    fm.e = xcalloc((size_t)n, sizeof *fm.e);
    fm.long_text = xcalloc((size_t)n, sizeof *fm.long_text);
    for (int i = 0; i < n; i++) {
        char shown[DATE_SHOW_MAX];
        const char *v = f[i].kind == FORM_DATE && f[i].value
                            ? date_show_iso(f[i].value, DATE_DAY, app_day(u->a), shown)
                            : f[i].value;
        lineedit_init(&fm.e[i], v);
        fm.e[i].cur = fm.e[i].len;
        if (f[i].value && strchr(f[i].value, '\n'))
            fm.long_text[i] = xstrdup(f[i].value);
    }
    ui_layer_run(u, &fm.l);
    for (int i = 0; i < n; i++) {
        lineedit_fini(&fm.e[i]);
        free(fm.long_text[i]);
    }
    free(fm.long_text);
    free(fm.e);
    curs_set(0);
    return fm.saved;
}

void form_fields_fini(struct form_field *f, int n)
{
    for (int i = 0; i < n; i++) {
        free(f[i].value);
        f[i].value = NULL;
    }
}
