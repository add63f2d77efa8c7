/* meeting_config.c: the meeting's settings from the config file ([timebox] per agenda item). */
#include <ini.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "meeting_int.h"

static const char *const item_keys[MEETING_NITEMS][3] = {
    {"actiepunten", "actions", "1"}, {"casussen", "cases", "2"},
    {"signalen", "signals", "3"},    {"netwerk", "network", "4"},
    {"rondvraag", "decisions", "5"}};

static int timebox_handler(void *user, const char *section, const char *name, const char *value)
{
    int *seconds = user;
    if (strcmp(section, "timebox") != 0)
        return 1;
    for (int i = 0; i < MEETING_NITEMS; i++)
        for (int k = 0; k < 3; k++)
            if (strcasecmp(name, item_keys[i][k]) == 0) {
                char *end;
                double min = strtod(value, &end);
                if (end != value && min >= 0 && min <= 24 * 60)
                    seconds[i] = (int)(min * 60 + 0.5);
            }
    return 1;
}

void meeting_timeboxes(int seconds[MEETING_NITEMS])
{
    static const int dflt[MEETING_NITEMS] = {10, 30, 15, 10, 10};
    for (int i = 0; i < MEETING_NITEMS; i++)
        seconds[i] = dflt[i] * 60;
    const char *x = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    char *path = x && *x == '/' ? xasprintf("%s/wijktafel/config.ini", x)
                                : xasprintf("%s/.config/wijktafel/config.ini",
                                            home && *home ? home : ".");
    if (access(path, R_OK) == 0)
        ini_parse(path, timebox_handler, seconds);
    free(path);
}
