/* testutil.h: temporary folders and small helpers shared by the Check suites. */
#ifndef WIJKTAFEL_TESTUTIL_H
#define WIJKTAFEL_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Makes a fresh temporary folder; caller frees the path (and removes it). */
static inline char *tu_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char *p;
    if (asprintf(&p, "%s/wt-test-XXXXXX", base && *base ? base : "/tmp") < 0 || !mkdtemp(p))
        abort();
    return p;
}

/* Removes a folder tree (rm -rf) and frees the path. */
static inline void tu_rmtree(char *dir)
{
    char *cmd;
    if (asprintf(&cmd, "rm -rf '%s'", dir) >= 0) {
        if (system(cmd) != 0)
            fprintf(stderr, "could not remove %s\n", dir);
        free(cmd);
    }
    free(dir);
}

static inline char *tu_path(const char *dir, const char *name)
{
    char *p;
    if (asprintf(&p, "%s/%s", dir, name) < 0)
        abort();
    return p;
}

/* Writes text to dir/name; returns the path (caller frees). */
static inline char *tu_write(const char *dir, const char *name, const char *text, size_t len)
{
    char *p = tu_path(dir, name);
    FILE *f = fopen(p, "wb");
    if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0)
        abort();
    return p;
}

#endif
