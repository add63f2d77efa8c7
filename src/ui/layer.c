/* layer.c: the screen manager's stack of modal layers (dialogs, forms, search, help, unlock) and
 * the one loop that sends each key to the top layer, as htop's ScreenManager does. */
#include "ui_int.h"

/* Draws l and the layers below it that show, bottom first. */
static void draw_from(struct ui *u, struct ui_layer *l)
{
    if (!l)
        return;
    if (!l->whole)
        draw_from(u, l->below);
    if (l->draw)
        l->draw(l, u);
}

bool layers_cover(const struct ui *u)
{
    for (const struct ui_layer *l = u->top; l; l = l->below)
        if (l->whole)
            return true;
    return false;
}

void layers_draw(struct ui *u)
{
    draw_from(u, u->top);
}

/* The terminal changed size: the views and every layer learn it. */
static void resize_all(struct ui *u)
{
    if (!layers_cover(u) && u->views[0])
        ui_handle_key(u, UI_KEY(KEY_RESIZE));
    for (struct ui_layer *l = u->top; l; l = l->below)
        if (l->resize)
            l->resize(l, u);
}

void ui_layer_run(struct ui *u, struct ui_layer *l)
{
    l->below = u->top;
    l->done = false;
    u->top = l;
    if (l->below)
        u->modal = true; /* the key that opened it includes the time spent in it */
    ui_refresh(u);
    double last_draw = ui_now();
    while (!l->done) {
        int key;
        if (!term_read_key(l->wait_ms ? l->wait_ms(l, u) : 1000, &key)) {
            bool changed = l->idle && l->idle(l, u);
            if (l->done)
                break;
            if (changed || ui_now() - last_draw >= 1.0) {
                ui_refresh(u); /* the clock in the status line */
                last_draw = ui_now();
            }
            continue;
        }
        double t0 = ui_now();
        if (!l->below)
            u->modal = false;
        if (key == UI_KEY(KEY_RESIZE))
            resize_all(u);
        else
            l->key(l, u, key);
        if (l->done)
            break;
        ui_refresh(u);
        last_draw = ui_now();
        if (l->after_key)
            l->after_key(l, u, key, t0);
    }
    u->top = l->below;
}
