/* i18n.h: interface strings through gettext; the source language is Dutch. */
#ifndef WIJKTAFEL_I18N_H
#define WIJKTAFEL_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
