/* streamfeed.h: big bad input through a pipe, generated on the fly (never a file), to the real
 * program under a memory limit: is it refused at once, in bounded memory? (issue 19) */
#ifndef WIJKTAFEL_STREAMFEED_H
#define WIJKTAFEL_STREAMFEED_H

#include <stddef.h>

/* The address-space limit of the program fed (RLIMIT_AS). */
#define TU_FEED_AS_LIMIT (64L << 20)

struct stream_result {
    int code;
    double seconds; /* from the first byte written to the program's exit */
    long written;   /* bytes the program took before it stopped reading */
    char *err;      /* its standard error; tu_assert_refused frees it */
};

/* Runs `wijktafel --db DB ARGS...` (args NULL-terminated, at most 12) with
 * standard input from a pipe fed with head[0..hl), then filler repeated up
 * to 1 GB, in a child limited to as_limit bytes of address space (0: none;
 * none either under a sanitizer, WT_SANITIZED, whose shadow memory needs
 * more). Its standard error goes through a file in tmp. */
struct stream_result tu_feed(const char *tmp, const char *db, const char *head, size_t hl,
                             char filler, long as_limit, char *const args[]);

/* Fails the test unless r exited 65 with one line holding where and what,
 * within seconds, having read less than 64 MiB of the pipe; frees r.err. */
void tu_assert_refused(struct stream_result r, const char *where, const char *what,
                       double seconds);

/* Runs `wijktafel --db DB import cases PATH` in a child limited to TU_FEED_AS_LIMIT bytes of
 * address space and fails the test unless it ends with exit 74 (out of memory) and one line
 * that says so. Its standard error goes through a file in tmp. The caller skips it under a
 * sanitizer (WT_SANITIZED). */
void tu_assert_import_oom(const char *tmp, const char *db, const char *path);

#endif
