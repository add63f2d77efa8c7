/* ui.h: the meeting screen (ncurses). */
#ifndef WIJKTAFEL_UI_H
#define WIJKTAFEL_UI_H

#include <stdbool.h>

#include "wijktafel/app.h"

struct ui_opts {
    bool beamer; /* start in beamer mode */
    bool follow; /* the wall: follow the chair's selection, read-only */
};

/* Runs the meeting screen on the open database *a until the user stops.
 * Another member may take over on the way (key w): *a is then the app they
 * opened (the caller closes it), or NULL when it could not be opened again.
 * Returns the process exit code. */
int ui_run(struct app **a, const struct ui_opts *o);

#endif
