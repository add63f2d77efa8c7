/* demo_data.h: the demo team's CSV files, built into the program from data/demo. */
#ifndef WIJKTAFEL_DEMO_DATA_H
#define WIJKTAFEL_DEMO_DATA_H

#include <stddef.h>

struct demo_file {
    const char *kind;  /* "members" */
    const char *fname; /* "members.csv", for messages */
    size_t len;
    const char *data;
};

/* In import order (references first); ends with a NULL kind. */
extern const struct demo_file demo_files[];

#endif
