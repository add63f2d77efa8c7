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

/* First start: there is no database in dir. On a terminal, asks in a form
 * (Teamnaam, Uw naam, Uw id, Wachtwoordzin twice), creates the database
 * (app_init_team), shows where it lives and the recovery code once, and
 * opens it as that leader into *a; the terminal stays set up for ui_run.
 * Returns 0, or the exit code after one line on stderr (Esc: 66). */
int ui_first_start(const char *dir, struct app **a);

#endif
