/* xalloc.h: allocation that ends the program (exit 74) on out-of-memory, and a growable buffer. */
#ifndef WIJKTAFEL_XALLOC_H
#define WIJKTAFEL_XALLOC_H

#include <stddef.h>

/* Out of memory: prints one line, runs the hook (xalloc_on_oom) and ends the
 * process with exit 74 (FORMATS.md: I/O error), never a crash. */
_Noreturn void xalloc_oom(void);
/* A function that xalloc_oom runs first (async-signal-safe work only: the
 * screen puts the terminal back); NULL for none. */
void xalloc_on_oom(void (*hook)(void));

/* These never return NULL: out of memory is xalloc_oom. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable byte buffer, always NUL-terminated. Zero-initialise, then
 * append; buf_fini frees. */
struct buf {
    char *data;
    size_t len;
    size_t cap;
};

void buf_append(struct buf *b, const void *data, size_t n);
/* Adds n bytes for the caller to fill in; returns where they start. */
char *buf_extend(struct buf *b, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the data over to the caller (who frees it) and resets b. */
char *buf_steal(struct buf *b);
void buf_reset(struct buf *b);
void buf_fini(struct buf *b);

#endif
