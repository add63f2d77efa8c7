/* form.c: a modal entry form: labelled line editors, completion from a vocabulary, $EDITOR. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/text.h"

struct form {
    struct form_field *f;
    struct lineedit *e;
    int n, cur;
    char err[512];
};

/* The part of the field being typed: after the last ';' for a list. */
static const char *token_start(const struct form_field *f, const char *text)
{
    if (f->kind != FORM_TAGS)
        return text;
    const char *semi = strrchr(text, ';');
    const char *t = semi ? semi + 1 : text;
    while (*t == ' ')
        t++;
    return t;
}

/* The choices that start with what is typed (case-insensitive), at most max. */
static int candidates(const struct form_field *f, const char *text, const char **out, int max)
{
    if (!f->choices)
        return 0;
    const char *tok = token_start(f, text);
    size_t tl = strlen(tok);
    int n = 0;
    for (const char *const *c = f->choices; *c && n < max; c++)
        if (strncasecmp(*c, tok, tl) == 0)
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

static void draw_form(struct ui *u, struct form *fm, const char *title)
{
    ui_draw(u);
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
        buf_puts(&hint, _("   F4: in de editor"));
    if (f->kind == FORM_DATE)
        buf_puts(&hint, _("JJJJ-MM-DD"));
    draw_text(hy + 1, r.x + 2, r.w - 4, hint.data, TH_DIM, false);
    buf_fini(&hint);
    if (fm->err[0]) {
        char *m = xasprintf("[!] %s", fm->err);
        draw_text(hy + 2, r.x + 2, r.w - 4, m, TH_ERROR, false);
        free(m);
    }
    draw_text(hy + 3, r.x + 2, r.w - 4,
              _("Enter: bewaren   Esc: annuleren   Tab/pijltjes: ander veld"), TH_DIM, false);
    int cy = r.y + 1 + (fm->cur - first);
    lineedit_draw(&fm->e[fm->cur], cy, fx, fw, true);
}

static void to_fields(struct form *fm)
{
    for (int i = 0; i < fm->n; i++) {
        free(fm->f[i].value);
        char *t = lineedit_text(&fm->e[i]);
        fm->f[i].value = text_trim(t);
        free(t);
    }
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

bool form_run(struct ui *u, const char *title, struct form_field *f, int n, form_save_fn save,
              void *ctx)
{
    u->modal = true;
    struct form fm = {.f = f, .n = n};
    fm.e = xcalloc((size_t)n, sizeof *fm.e);
    char **long_text = xcalloc((size_t)n, sizeof *long_text);
    for (int i = 0; i < n; i++) {
        lineedit_init(&fm.e[i], f[i].value);
        fm.e[i].cur = fm.e[i].len;
        if (f[i].value && strchr(f[i].value, '\n'))
            long_text[i] = xstrdup(f[i].value);
    }
    bool saved = false;
    for (;;) {
        draw_form(u, &fm, title);
        refresh();
        int key;
        if (!term_read_key(1000, &key))
            continue;
        struct lineedit *e = &fm.e[fm.cur];
        if (e->pasting) {
            lineedit_key(e, key);
            continue;
        }
        if (key == UI_ESC)
            break;
        if (ui_key_enter(key)) {
            to_fields(&fm);
            for (int i = 0; i < n; i++) {
                /* Keep the editor's line breaks unless the line was changed. */
                char *flat = long_text[i] ? text_inert(long_text[i], false) : NULL;
                char *flat_trim = flat ? text_trim(flat) : NULL;
                if (flat_trim && strcmp(flat_trim, f[i].value) == 0) {
                    free(f[i].value);
                    f[i].value = xstrdup(long_text[i]);
                }
                free(flat_trim);
                free(flat);
            }
            struct wt_error err = {0};
            if (save(u, f, n, ctx, &err) == 0) {
                saved = true;
                break;
            }
            /* The form stays, with what was typed; the status line says why. */
            snprintf(fm.err, sizeof fm.err, "%s", ui_error_text(u, &err));
            ui_message(u, true, "%s", fm.err);
            continue;
        }
        if (key == '\t') {
            if (!complete(&fm))
                fm.cur = (fm.cur + 1) % n;
        } else if (key == UI_KEY(KEY_DOWN)) {
            fm.cur = (fm.cur + 1) % n;
        } else if (key == UI_KEY(KEY_BTAB) || key == UI_KEY(KEY_UP)) {
            fm.cur = (fm.cur + n - 1) % n;
        } else if ((key == UI_KEY(KEY_F(4)) || key == UI_CTRL('e')) &&
                   f[fm.cur].kind == FORM_LONG) {
            edit_long(u, &fm, long_text);
        } else if (key != UI_KEY(KEY_RESIZE)) {
            lineedit_key(e, key);
        }
    }
    for (int i = 0; i < n; i++) {
        lineedit_fini(&fm.e[i]);
        free(long_text[i]);
    }
    free(long_text);
    free(fm.e);
    curs_set(0);
    return saved;
}

void form_fields_fini(struct form_field *f, int n)
{
    for (int i = 0; i < n; i++) {
        free(f[i].value);
        f[i].value = NULL;
    }
}
