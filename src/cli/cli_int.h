/* cli_int.h: what the command files share inside the cli layer. */
#ifndef WIJKTAFEL_CLI_INT_H
#define WIJKTAFEL_CLI_INT_H

#include "wijktafel/cli.h"

/* Parses KIND for command cmd (import, export) or prints the usage error and
 * returns 64; 0 with *kind set otherwise. */
int cli_parse_kind(const char *cmd, const char *name, enum wt_kind *kind);

/* Names the command that runs, for the access log's path (cli_open sets it
 * on the app). */
void cli_set_path(const char *command);

#endif
