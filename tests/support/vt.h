/* vt.h - run a program in a pseudo-terminal emulated by libvterm and inspect its screen, for screen tests. */
#ifndef VT_H
#define VT_H

#include <stddef.h>
#include <sys/types.h>

/*
 * Conventions: rows and columns are 0-based screen cells; every text is
 * UTF-8; functions returning int give 0 on success and -1 on failure (errno
 * set: EINVAL bad argument, ETIMEDOUT timeout, EPIPE child gone, ENOMEM, or
 * the failing system call's errno), unless their comment says otherwise.
 * Output is only read from the program inside vt_pump, the vt_wait_* calls,
 * vt_send* (to avoid a write/write deadlock) and vt_close; the screen
 * queries never block.  A struct vt_term must only be used from one thread.
 */

/* Opaque handle: the pty master, the child process and its libvterm screen. */
struct vt_term;

/*
 * Start argv[0] (looked up in PATH like execvp, argv NULL-terminated) in a new
 * session on a new pseudo-terminal of rows x cols.  The child inherits the
 * caller's environment with TERM=xterm-256color and LANG=C.UTF-8 set, LC_ALL,
 * every other LC_* variable, COLUMNS and LINES removed (so the locale and size
 * are deterministic), then each "NAME=value" string of env (NULL-terminated,
 * env itself may be NULL) added, overriding any earlier value; an entry "NAME"
 * without '=' removes NAME.  Signal dispositions and the signal mask are reset
 * to defaults in the child.  Returns a handle to release with vt_close, or
 * NULL on failure (including when argv[0] cannot be executed; errno is then
 * the execvp error).
 */
struct vt_term *vt_spawn(int rows, int cols, char *const argv[], char *const env[]);

/* Write the NUL-terminated bytes to the program's input, exactly as given
 * (no translation).  Gives up with ETIMEDOUT after 5 s of a full pty input
 * queue.  0 / -1. */
int vt_send(struct vt_term *t, const char *bytes);

/*
 * Send the key the way xterm does, honouring the cursor-key (DECCKM) and
 * newline modes the program set: "F1".."F12", "Up", "Down", "Left", "Right",
 * "Home", "End", "PgUp", "PgDn", "Insert", "Delete", "Tab", "BTab"
 * (shift-tab), "Enter", "Esc", "Backspace" (DEL, 0x7f), "Space", and
 * "C-a".."C-z" (control characters 0x01..0x1a, e.g. "C-c", "C-w", "C-u").
 * 0, or -1 with EINVAL for an unknown name or the vt_send errors.
 */
int vt_send_key(struct vt_term *t, const char *name);

/*
 * Read the program's output for ms milliseconds (0: only what is already
 * there), feeding it to the terminal emulator and answering the program's
 * terminal queries.  Returns 0, or -1 once the program can produce no more
 * output (the pty is hung up, or the child has exited and nothing is pending);
 * all output is on the screen by then.
 */
int vt_pump(struct vt_term *t, int ms);

/* Pump until the screen (as vt_screen shows it, so text may span rows with
 * '\n') contains text.  0 found; -1 with ETIMEDOUT after timeout_ms, or with
 * EPIPE when the program can produce no more output and text is absent. */
int vt_wait_for(struct vt_term *t, const char *text, int timeout_ms);

/* Pump until text is no longer on the screen.  0 gone; -1 with ETIMEDOUT, or
 * EPIPE when the program has finished and text is still shown. */
int vt_wait_gone(struct vt_term *t, const char *text, int timeout_ms);

/* Pump until the program has written nothing for quiet_ms (counted from the
 * call or its last output), or has finished: 0; -1 with ETIMEDOUT when that
 * did not happen within timeout_ms. */
int vt_wait_quiet(struct vt_term *t, int quiet_ms, int timeout_ms);

/* The whole screen as UTF-8, rows joined by '\n' (no final newline), each
 * row's trailing spaces trimmed, wide characters once, combining characters
 * kept.  Malloc'd: the caller frees.  NULL on failure. */
char *vt_screen(struct vt_term *t);

/* Row row (0-based) as vt_screen renders it, without newline.  Malloc'd: the
 * caller frees.  NULL if row is out of range or on failure. */
char *vt_row(struct vt_term *t, int row);

/* 1 if the screen (as vt_screen renders it) contains text, else 0 (also on
 * failure). */
int vt_contains(struct vt_term *t, const char *text);

/* Position of the first occurrence of text on the screen, scanning rows top
 * to bottom: *row and *col (either may be NULL) get the cell where it starts
 * (wide characters count as 2 columns).  0 found, -1 not found (ENOENT) or
 * failure. */
int vt_find(struct vt_term *t, const char *text, int *row, int *col);

/*
 * Attributes of the cell at row, col (the right half of a wide character
 * reports its left half).  Each output pointer may be NULL.  *bold and
 * *reverse get 1/0; *fg_index and *bg_index get the palette index 0..255,
 * -1 for the terminal's default colour, or -2 for a direct (24-bit RGB)
 * colour.  0 / -1 (EINVAL: outside the screen).
 */
int vt_cell_attrs(struct vt_term *t, int row, int col, int *bold, int *reverse, int *fg_index, int *bg_index);

/* Resize both the pty (TIOCSWINSZ: the program's foreground process group
 * gets SIGWINCH) and the emulated screen to rows x cols.  0 / -1. */
int vt_resize(struct vt_term *t, int rows, int cols);

/* Every byte read from the program so far (*len, if len is non-NULL, gets the
 * count; call vt_pump first to include output not read yet).  The buffer
 * belongs to t and stays valid until the next vt_* call on t other than
 * vt_raw and vt_pid.  NULL only if t is NULL. */
const unsigned char *vt_raw(struct vt_term *t, size_t *len);

/* Send an xterm SGR mouse press and release of button 1 at the 0-based cell
 * row, col (\e[<0;col+1;row+1M then ...m), whatever mouse mode the program
 * asked for.  0 / -1. */
int vt_mouse_click(struct vt_term *t, int row, int col);

/*
 * Wait up to timeout_ms for the child to exit (still reading its output),
 * then send SIGTERM to its process group and wait 1 s, then SIGKILL and wait
 * up to 5 s; then close the pty and free t in every case (t is invalid after
 * the call; NULL is allowed and gives -1).  If the child was reaped and status
 * is non-NULL, *status gets its waitpid status.  Returns 0 if the child exited
 * by itself within timeout_ms, -1 if it had to be signalled or could not be
 * reaped.
 */
int vt_close(struct vt_term *t, int *status, int timeout_ms);

/* Process id of the child (a session and process group leader), -1 if t is
 * NULL.  Do not waitpid it yourself: vt_close reaps it. */
pid_t vt_pid(struct vt_term *t);

#endif /* VT_H */
