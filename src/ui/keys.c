/* keys.c: one table of keys per view yields its F-key bar, its help and its dispatch. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/i18n.h"

int keys_mode(const struct view *v)
{
    return v->ops->mode ? v->ops->mode(v) : 0;
}

/* True when e works in mode (0 in modes: in every mode). */
static bool in_mode(const struct ui_key *e, int mode)
{
    return e->modes == 0 || (e->modes & (1u << mode)) != 0;
}

bool keys_allowed(const struct ui_key *e, struct view *v)
{
    return !e->when || e->when(v);
}

bool keys_matches(const struct ui_key *e, int key)
{
    if (ui_key_enter(key))
        key = '\r';
    if (key == 0)
        return false;
    if (e->last)
        return key >= e->key && key <= e->last;
    return key == e->key || (e->alt && key == e->alt);
}

const struct ui_key *keys_find(const struct ui_key *table, int mode, int key)
{
    for (const struct ui_key *e = table; e && e->run; e++)
        if (in_mode(e, mode) && keys_matches(e, key))
            return e;
    return NULL;
}

const struct ui_key *keys_find_fn(const struct ui_key *table, int mode, int fn)
{
    for (const struct ui_key *e = table; e && e->run; e++)
        if (e->fn == fn && in_mode(e, mode))
            return e;
    return NULL;
}

/* Fills the bar slots that table has for mode, where they are still empty. */
static void bar_fill(struct ui_bar *bar, const struct ui_key *table, int mode, struct view *v)
{
    for (const struct ui_key *e = table; e && e->run; e++) {
        if (!e->fn || !e->label || !in_mode(e, mode) || bar->key[e->fn - 1])
            continue;
        if (v && !keys_allowed(e, v))
            continue; /* a key the member may not use is not offered */
        bar->label[e->fn - 1] = e->label;
        bar->key[e->fn - 1] = e->key;
    }
}

void keys_bar(struct ui_bar *bar, const struct ui_key *view_keys, int mode, struct view *v,
              const struct ui_key *global)
{
    memset(bar, 0, sizeof *bar);
    bar_fill(bar, view_keys, mode, v);
    bar_fill(bar, global, 0, v);
}

/* Appends the name of key to out. */
static void name_of_key(int key, char *out, size_t n)
{
    static const struct {
        int key;
        const char *name;
    } named[] = {
        {'\r', N_("Enter")},
        {UI_ESC, "Esc"},
        {'\t', "Tab"},
        {' ', N_("Spatie")},
        {UI_KEY(KEY_BTAB), "Shift-Tab"},
        {UI_KEY(KEY_LEFT), N_("Links")},
        {UI_KEY(KEY_RIGHT), N_("Rechts")},
        {UI_KEY(KEY_UP), N_("Omhoog")},
        {UI_KEY(KEY_DOWN), N_("Omlaag")},
        {UI_KEY(KEY_NPAGE), "PgDn"},
        {UI_KEY(KEY_PPAGE), "PgUp"},
    };
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (named[i].key == key) {
            snprintf(out, n, "%s", _(named[i].name));
            return;
        }
    if (key > 0 && key < ' ')
        snprintf(out, n, "Ctrl-%c", key + '@');
    else if (!UI_IS_KEY(key) && key < 0x80)
        snprintf(out, n, "%c", key);
    else
        snprintf(out, n, "?");
}

void keys_label(const struct ui_key *e, char *out, size_t n)
{
    char a[32], b[32];
    name_of_key(e->key, a, sizeof a);
    if (e->last) {
        name_of_key(e->last, b, sizeof b);
        snprintf(out, n, "%s-%s", a, b);
    } else if (e->alt) {
        name_of_key(e->alt, b, sizeof b);
        snprintf(out, n, "%s  %s", a, b);
    } else {
        snprintf(out, n, "%s", a);
    }
    if (e->fn) {
        size_t len = strlen(out);
        snprintf(out + len, n - len, "  F%d", e->fn);
    }
}

bool keys_dispatch(struct view *v, const struct ui_key *table, int mode, int key)
{
    const struct ui_key *e = keys_find(table, mode, key);
    if (!e)
        return false;
    if (keys_allowed(e, v))
        e->run(v, key);
    else
        ui_message(v->u, true, _("Die toets is niet voor u: %s"), _(e->help));
    return true;
}
