/* unlock.c: the passphrase of an encrypted database, asked on the meeting screen before it opens. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui_int.h"
#include "wijktafel/i18n.h"

enum { UNLOCK_TRIES = 3, UNLOCK_CAP = 1024 };

/* The bar at the bottom: only F10, which stops like Esc. */
static const struct ui_bar unlock_bar = {.label = {[9] = N_("Stop")}, .key = {[9] = UI_ESC}};

struct unlock {
    struct ui_layer l;
    struct ui *u;
    char *prompt;
    const char *note;    /* under the field: why the last try failed, or "busy" */
    bool note_error;
    char note_buf[600]; /* holds an error text whole */
    char buf[UNLOCK_CAP]; /* the passphrase being typed; never drawn */
    size_t len;
    bool pasting; /* inside a bracketed paste: a line break is no Enter */
    bool given;   /* Enter: the passphrase is in buf */
};

/* The screen behind the question: the status line and the key bar of the
 * meeting screen, a centred box; nothing of the typed passphrase, not even
 * its length. Fits 80 x 24 (and is cut, never wrapped, below that). */
static void draw(struct ui_layer *l, struct ui *u)
{
    const struct unlock *k = (const struct unlock *)l;
    erase();
    char *team = xasprintf(" %s ", *app_team(u->a) ? app_team(u->a) : "wijktafel");
    draw_text(0, 0, COLS, team, TH_STATUS, true);
    free(team);
    int w = COLS - 4 < 60 ? COLS - 4 : 60;
    struct rect r = {(LINES - 9) / 2, (COLS - w) / 2, 9, w};
    if (r.y < 1)
        r.y = 1;
    draw_box(r, _("Database openen"));
    int x = r.x + 2, cw = r.w - 4;
    draw_text(r.y + 2, x, cw, k->prompt, TH_NORMAL, false);
    draw_fill(r.y + 3, x, cw, TH_INPUT);
    if (k->note) {
        char *n = k->note_error ? xasprintf("[!] %s", k->note) : xstrdup(k->note);
        draw_text(r.y + 5, x, cw, n, k->note_error ? TH_ERROR : TH_MSG, false);
        free(n);
    }
    draw_text(r.y + 7, x, cw, _("Enter: openen   Esc: stoppen"), TH_DIM, false);
    fkeys_draw(&unlock_bar, LINES - 1, COLS);
}

static void wipe(struct unlock *k)
{
    explicit_bzero(k->buf, sizeof k->buf);
    k->len = 0;
}

/* Appends the code point c as UTF-8 when it fits. */
static void add_char(struct unlock *k, int c)
{
    char mb[MB_LEN_MAX];
    mbstate_t st;
    memset(&st, 0, sizeof st);
    size_t n = wcrtomb(mb, (wchar_t)c, &st);
    if (n != (size_t)-1 && k->len + n < sizeof k->buf) {
        memcpy(k->buf + k->len, mb, n);
        k->len += n;
    }
    explicit_bzero(mb, sizeof mb);
}

/* A key of the passphrase: Enter gives it, Esc, Ctrl-C or F10 stop. */
static void unlock_key(struct ui_layer *l, struct ui *u, int key)
{
    (void)u;
    struct unlock *k = (struct unlock *)l;
    if (fkeys_number(key)) /* F10: Esc; other F-keys: nothing */
        key = unlock_bar.key[fkeys_number(key) - 1];
    if (key == UI_ESC || key == UI_CTRL('c')) {
        l->done = true;
    } else if (key == UI_KEY(UI_PASTE_BEGIN) || key == UI_KEY(UI_PASTE_END)) {
        k->pasting = key == UI_KEY(UI_PASTE_BEGIN);
    } else if (ui_key_enter(key)) {
        if (!k->pasting)
            k->given = l->done = true; /* a line break inside a paste is no Enter */
    } else if (key == UI_KEY(KEY_BACKSPACE) || key == 127 || key == '\b') {
        while (k->len > 0 && (k->buf[k->len - 1] & 0xc0) == 0x80)
            k->buf[--k->len] = '\0';
        if (k->len > 0)
            k->buf[--k->len] = '\0';
    } else if (key == UI_CTRL('u')) {
        wipe(k);
    } else if (!UI_IS_KEY(key) && key >= ' ' && key != 127 && key <= 0x10ffff) {
        add_char(k, key);
    }
}

/* Reads one passphrase into k->buf: true on Enter, false on Esc, Ctrl-C or F10. */
static bool read_secret(struct unlock *k)
{
    wipe(k);
    k->pasting = k->given = false;
    ui_layer_run(k->u, &k->l);
    return k->given;
}

/* The member opened with their one-time code (in code): asks their own
 * passphrase twice and opens with both, until they agree and are long
 * enough; WT_EPERM when the member stops (Esc). */
static int choose_own(struct unlock *k, const char *code, struct wt_error *err)
{
    struct ui *u = k->u;
    char *first = NULL;
    int rc = WT_EINVAL;
    k->note = NULL;
    while (rc == WT_EINVAL) {
        free(k->prompt);
        k->prompt = xstrdup(first ? _("Typ dezelfde wachtwoordzin nog een keer:")
                                  : _("De code klopt. Kies nu uw eigen wachtwoordzin:"));
        if (!read_secret(k)) {
            rc = wt_error_reset(err, WT_EPERM, _("%s: geen wachtwoordzin gekozen; gestopt (de code "
                                                 "werkt nog)"),
                                app_dir(u->a));
            break;
        }
        if (!first) {
            first = xstrdup(k->buf);
            wipe(k);
            k->note = NULL;
            continue;
        }
        bool same = strcmp(first, k->buf) == 0;
        wipe(k);
        k->note = _("Bezig met openen...");
        k->note_error = false;
        draw(&k->l, u);
        refresh();
        wt_error_clear(err);
        rc = app_unlock_with_code(u->a, code, same ? first : NULL, err);
        explicit_bzero(first, strlen(first));
        free(first);
        first = NULL;
        if (rc == WT_EINVAL) { /* they differ, or too short: once more */
            snprintf(k->note_buf, sizeof k->note_buf, "%s", err->text);
            k->note = k->note_buf;
            k->note_error = true;
        }
    }
    if (first) {
        explicit_bzero(first, strlen(first));
        free(first);
    }
    return rc;
}

int ui_unlock(struct ui *u, struct wt_error *err)
{
    struct unlock *k = xcalloc(1, sizeof *k);
    k->l = (struct ui_layer){.draw = draw, .key = unlock_key, .whole = true};
    k->u = u;
    k->prompt = xasprintf(_("Wachtwoordzin voor lid %s:"), app_locked(u->a));
    /* Ctrl-C arrives as a key here and stops like Esc: with exit 77, the
     * terminal restored, rather than the signal's ending. */
    raw();
    int rc = WT_EPERM;
    for (int left = UNLOCK_TRIES; left > 0 && rc == WT_EPERM;) {
        if (!read_secret(k)) {
            rc = wt_error_reset(err, WT_EPERM, _("%s: geen wachtwoordzin gegeven; gestopt"),
                                app_dir(u->a));
            break;
        }
        k->note = _("Bezig met openen...");
        k->note_error = false;
        draw(&k->l, u); /* shown while the passphrase is checked */
        refresh();
        double t0 = ui_now();
        wt_error_clear(err);
        rc = app_unlock(u->a, k->buf, err);
        ui_log_timing(u, "unlock", 0, t0);
        if (rc == WT_EUSAGE) { /* a one-time code: the member chooses their own now */
            char *code = xstrdup(k->buf);
            wipe(k);
            rc = choose_own(k, code, err);
            explicit_bzero(code, strlen(code));
            free(code);
            break;
        }
        wipe(k);
        if (rc == WT_EPERM && --left > 0) {
            /* No hint of what was wrong: member, passphrase or data. */
            snprintf(k->note_buf, sizeof k->note_buf,
                     left == 1 ? _("Dat klopt niet. Nog %d poging.")
                               : _("Dat klopt niet. Nog %d pogingen."),
                     left);
            k->note = k->note_buf;
            k->note_error = true;
        }
    }
    noraw();
    cbreak();
    free(k->prompt);
    explicit_bzero(k, sizeof *k);
    free(k);
    return rc;
}
