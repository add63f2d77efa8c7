/* vt.c - pseudo-terminal plus libvterm screen behind vt.h, for screen tests of curses programs. */
#include "vt.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

extern char **environ;

#define VT_SLICE_MS 20          /* longest single poll() while pumping */
#define VT_DRAIN_MS 20          /* wait for in-flight output after the child exited */
#define VT_SEND_TIMEOUT_MS 5000 /* give up writing input after this */
#define VT_TERM_GRACE_MS 1000   /* wait after SIGTERM */
#define VT_KILL_WAIT_MS 5000    /* wait after SIGKILL */
#define VT_READ_CHUNK 4096

enum vt_child { VT_RUNNING, VT_REAPED, VT_LOST };

struct vt_term {
	VTerm *vt;
	VTermScreen *screen;
	int master;           /* pty master, non-blocking */
	pid_t pid;
	enum vt_child child;  /* VT_LOST: reaped by someone else, status unknown */
	int status;           /* waitpid status when child == VT_REAPED */
	int eof;              /* no more output can come */
	int feeding;          /* inside vterm_input_write */
	int reply_failed;     /* writing a libvterm reply or key failed */
	unsigned char *raw;   /* everything read from the master */
	size_t raw_len, raw_cap;
	size_t fed;           /* bytes of raw already given to libvterm */
};

/* Monotonic clock in milliseconds. */
static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Milliseconds from now until deadline, clamped to 0..cap. */
static int ms_left(long long deadline, int cap)
{
	long long left = deadline - now_ms();

	if (left < 0)
		return 0;
	return left > cap ? cap : (int)left;
}

/* poll() one fd for up to ms: returns its revents, 0 on timeout or EINTR
 * (callers loop on their own deadline), -1 on error. */
static int poll_fd(int fd, short events, int ms)
{
	struct pollfd p = { .fd = fd, .events = events, .revents = 0 };
	int r = poll(&p, 1, ms);

	if (r < 0)
		return errno == EINTR ? 0 : -1;
	return r == 0 ? 0 : p.revents;
}

/* Make room for at least extra more bytes in t->raw: 0 / -1 (ENOMEM). */
static int raw_reserve(struct vt_term *t, size_t extra)
{
	size_t cap = t->raw_cap ? t->raw_cap : VT_READ_CHUNK;
	unsigned char *p;

	while (cap - t->raw_len < extra)
		cap *= 2;
	if (cap == t->raw_cap)
		return 0;
	p = realloc(t->raw, cap);
	if (!p)
		return -1;
	t->raw = p;
	t->raw_cap = cap;
	return 0;
}

/* Read everything the master has right now into t->raw without blocking.
 * Sets t->eof on hang-up (EIO once every slave fd is closed).  Returns the
 * number of bytes read, or -1 (ENOMEM). */
static long read_avail(struct vt_term *t)
{
	long total = 0;

	while (!t->eof) {
		ssize_t n;

		if (raw_reserve(t, VT_READ_CHUNK) < 0)
			return -1;
		n = read(t->master, t->raw + t->raw_len, t->raw_cap - t->raw_len);
		if (n > 0) {
			t->raw_len += (size_t)n;
			total += n;
		} else if (n < 0 && errno == EINTR) {
			continue;
		} else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			break;
		} else {
			t->eof = 1;
		}
	}
	return total;
}

/* Give libvterm every byte read but not yet fed.  Chunks are copied because
 * libvterm replies may re-enter write_all, which can grow (move) t->raw. */
static void feed(struct vt_term *t)
{
	char chunk[VT_READ_CHUNK];

	if (t->feeding)
		return;
	t->feeding = 1;
	while (t->fed < t->raw_len) {
		size_t n = t->raw_len - t->fed;

		if (n > sizeof chunk)
			n = sizeof chunk;
		memcpy(chunk, t->raw + t->fed, n);
		t->fed += n;
		vterm_input_write(t->vt, chunk, n);
	}
	t->feeding = 0;
}

/* Write all len bytes to the master, waiting (bounded) while it is full and
 * reading output meanwhile so that the child cannot block us by blocking on
 * its own writes.  0 / -1 (EPIPE child gone, ETIMEDOUT, other errno). */
static int write_all(struct vt_term *t, const void *buf, size_t len)
{
	const char *p = buf;
	long long deadline = now_ms() + VT_SEND_TIMEOUT_MS;

	while (len > 0) {
		ssize_t n = write(t->master, p, len);
		int re;

		if (n > 0) {
			p += n;
			len -= (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EIO) {
			errno = EPIPE;
			return -1;
		}
		if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
			return -1;
		if (now_ms() >= deadline) {
			errno = ETIMEDOUT;
			return -1;
		}
		re = poll_fd(t->master, POLLOUT | POLLIN, ms_left(deadline, VT_SLICE_MS));
		if (re < 0)
			return -1;
		if ((re & (POLLIN | POLLHUP | POLLERR)) && read_avail(t) < 0)
			return -1;
	}
	return 0;
}

/* libvterm output callback: replies to queries and generated keys go to the
 * program's input. */
static void on_vterm_output(const char *s, size_t len, void *user)
{
	struct vt_term *t = user;

	if (write_all(t, s, len) < 0)
		t->reply_failed = 1;
}

/* 1 if the direct child has exited (without reaping it), else 0. */
static int child_exited(struct vt_term *t)
{
	siginfo_t si;

	if (t->child != VT_RUNNING)
		return 1;
	for (;;) {
		memset(&si, 0, sizeof si);
		if (waitid(P_PID, (id_t)t->pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0)
			return si.si_pid != 0;
		if (errno != EINTR)
			return errno == ECHILD;
	}
}

/* Reap the child if it has exited: 1 when it is gone (reaped now or before,
 * or lost), 0 while it runs. */
static int try_reap(struct vt_term *t)
{
	while (t->child == VT_RUNNING) {
		int st;
		pid_t r = waitpid(t->pid, &st, WNOHANG);

		if (r == t->pid) {
			t->child = VT_REAPED;
			t->status = st;
		} else if (r < 0 && errno == EINTR) {
			continue;
		} else if (r < 0) {
			t->child = VT_LOST;
		} else {
			return 0;
		}
	}
	return 1;
}

/*
 * Read and feed output for up to ms (0: what is there now).  With
 * stop_on_data, return as soon as some output was read and fed.  *got (may be
 * NULL) is increased by the bytes read.  Returns -1 once no more output can
 * come (everything read is fed) or on error, else 0.  The child counts as
 * finished when it has exited and a poll finds nothing pending; a descendant
 * still holding the pty is then ignored.
 */
static int pump(struct vt_term *t, int ms, int stop_on_data, long *got)
{
	long long deadline = now_ms() + (ms > 0 ? ms : 0);

	for (;;) {
		int slice, re;

		feed(t);
		if (t->eof)
			return -1;
		slice = ms_left(deadline, VT_SLICE_MS);
		re = poll_fd(t->master, POLLIN, slice);
		if (re < 0)
			return -1;
		if (re) {
			long n = read_avail(t);

			if (n < 0)
				return -1;
			if (got)
				*got += n;
			feed(t);
			if (n > 0 && stop_on_data)
				return t->eof ? -1 : 0;
		} else if (child_exited(t)) {
			while (!t->eof && poll_fd(t->master, POLLIN, VT_DRAIN_MS) > 0) {
				long n = read_avail(t);

				if (n <= 0)
					break;
				if (got)
					*got += n;
			}
			t->eof = 1;
		}
		if (now_ms() >= deadline) {
			feed(t);
			return t->eof ? -1 : 0;
		}
	}
}

/* Append code point c as UTF-8 to out (room for 4 bytes); returns the length.
 * Surrogates and out-of-range values become U+FFFD. */
static size_t utf8_put(char *out, uint32_t c)
{
	if ((c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		c = 0xfffd;
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/*
 * Render rows r0..r1-1 as UTF-8, joined by '\n', trailing spaces trimmed.
 * If pos is non-NULL, *pos gets an array with, for every byte of the result
 * plus one, row * cols + col of the cell it came from.  Both are malloc'd and
 * owned by the caller; returns NULL (ENOMEM) on failure.
 */
static char *render(struct vt_term *t, int r0, int r1, int **pos)
{
	int rows, cols;
	size_t cap, len = 0;
	char *buf;
	int *where = NULL;

	vterm_get_size(t->vt, &rows, &cols);
	cap = (size_t)(r1 - r0) * ((size_t)cols * VTERM_MAX_CHARS_PER_CELL * 4 + 1) + 1;
	buf = malloc(cap);
	if (pos) {
		where = malloc(cap * sizeof *where);
		if (!where) {
			free(buf);
			buf = NULL;
		}
	}
	if (!buf) {
		errno = ENOMEM;
		return NULL;
	}
	for (int r = r0; r < r1; r++) {
		int col = 0, end_col = 0;

		while (col < cols) {
			VTermScreenCell cell;
			VTermPos p = { .row = r, .col = col };
			size_t start = len;
			int width;

			if (!vterm_screen_get_cell(t->screen, p, &cell))
				memset(&cell, 0, sizeof cell);
			width = cell.width > 0 ? cell.width : 1;
			if (cell.chars[0] == (uint32_t)-1) {
				col++; /* right half of a wide character */
				continue;
			}
			if (cell.chars[0] == 0)
				buf[len++] = ' ';
			for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i]; i++)
				len += utf8_put(buf + len, cell.chars[i]);
			if (where)
				for (size_t b = start; b < len; b++)
					where[b] = r * cols + col;
			col += width;
			if (!(len == start + 1 && buf[start] == ' '))
				end_col = col;
		}
		while (len > 0 && buf[len - 1] == ' ')
			len--;
		if (r + 1 < r1) {
			if (where)
				where[len] = r * cols + (end_col < cols ? end_col : cols - 1);
			buf[len++] = '\n';
		}
	}
	buf[len] = '\0';
	if (where) {
		where[len] = 0;
		*pos = where;
	}
	return buf;
}

/* Environment variable name length of entry s ("NAME=value" or "NAME"). */
static size_t env_name_len(const char *s)
{
	const char *eq = strchr(s, '=');

	return eq ? (size_t)(eq - s) : strlen(s);
}

/* 1 if entries a and b name the same variable. */
static int env_same_name(const char *a, const char *b)
{
	size_t n = env_name_len(a);

	return n == env_name_len(b) && strncmp(a, b, n) == 0;
}

/* The child's environment (see vt_spawn): a malloc'd NULL-terminated array of
 * pointers into environ, env and string literals; the caller frees only the
 * array.  NULL on ENOMEM. */
static char **build_env(char *const env[])
{
	static char term[] = "TERM=xterm-256color", lang[] = "LANG=C.UTF-8";
	size_t n_environ = 0, n_env = 0, n = 0;
	char **ov, **out;

	while (environ && environ[n_environ])
		n_environ++;
	while (env && env[n_env])
		n_env++;
	ov = malloc((n_env + 2) * sizeof *ov);
	out = malloc((n_environ + n_env + 3) * sizeof *out);
	if (!ov || !out) {
		free(ov);
		free(out);
		errno = ENOMEM;
		return NULL;
	}
	ov[0] = term;
	ov[1] = lang;
	for (size_t i = 0; i < n_env; i++)
		ov[i + 2] = env[i];
	for (size_t i = 0; i < n_environ; i++) {
		const char *e = environ[i];
		int drop = strncmp(e, "LC_", 3) == 0 || env_same_name(e, "COLUMNS") ||
			   env_same_name(e, "LINES");

		for (size_t j = 0; j < n_env + 2 && !drop; j++)
			drop = env_same_name(e, ov[j]);
		if (!drop)
			out[n++] = environ[i];
	}
	for (size_t j = 0; j < n_env + 2; j++) {
		int later = 0;

		for (size_t k = j + 1; k < n_env + 2 && !later; k++)
			later = env_same_name(ov[j], ov[k]);
		if (!later && strchr(ov[j], '='))
			out[n++] = ov[j];
	}
	out[n] = NULL;
	free(ov);
	return out;
}

/* In the forked child: reset signals, exec, or report errno on errfd and
 * _exit(127).  Never returns; only async-signal-safe calls. */
static void child_exec(char *const argv[], char **envp, int errfd)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGCHLD,
				    SIGWINCH, SIGTSTP, SIGTTIN, SIGTTOU, SIGALRM, SIGUSR1, SIGUSR2 };
	sigset_t none;
	int err;
	ssize_t r;

	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	execvpe(argv[0], argv, envp);
	err = errno;
	r = write(errfd, &err, sizeof err);
	(void)r;
	_exit(127);
}

/* Free t's resources without touching the child. */
static void vt_free(struct vt_term *t)
{
	if (t->master >= 0)
		close(t->master);
	if (t->vt)
		vterm_free(t->vt);
	free(t->raw);
	free(t);
}

struct vt_term *vt_spawn(int rows, int cols, char *const argv[], char *const env[])
{
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
	struct vt_term *t;
	char **envp;
	int errpipe[2], err = 0, flags;
	ssize_t n;

	if (rows <= 0 || cols <= 0 || rows > 0xffff || cols > 0xffff || !argv || !argv[0]) {
		errno = EINVAL;
		return NULL;
	}
	t = calloc(1, sizeof *t);
	if (!t) {
		errno = ENOMEM;
		return NULL;
	}
	t->master = -1;
	t->vt = vterm_new(rows, cols);
	if (!t->vt || raw_reserve(t, VT_READ_CHUNK) < 0) {
		vt_free(t);
		errno = ENOMEM;
		return NULL;
	}
	vterm_set_utf8(t->vt, 1);
	vterm_output_set_callback(t->vt, on_vterm_output, t);
	t->screen = vterm_obtain_screen(t->vt);
	vterm_screen_enable_altscreen(t->screen, 1);
	vterm_screen_reset(t->screen, 1);

	envp = build_env(env);
	if (!envp) {
		vt_free(t);
		return NULL;
	}
	if (pipe2(errpipe, O_CLOEXEC) < 0) {
		err = errno;
		free(envp);
		vt_free(t);
		errno = err;
		return NULL;
	}
	t->pid = forkpty(&t->master, NULL, NULL, &ws);
	if (t->pid == 0)
		child_exec(argv, envp, errpipe[1]);
	err = errno;
	free(envp);
	close(errpipe[1]);
	if (t->pid < 0) {
		close(errpipe[0]);
		t->master = -1;
		vt_free(t);
		errno = err;
		return NULL;
	}
	/* The write end closes on a successful exec (EOF) or carries errno. */
	do
		n = read(errpipe[0], &err, sizeof err);
	while (n < 0 && errno == EINTR);
	close(errpipe[0]);
	if (n == (ssize_t)sizeof err) {
		int st;

		while (waitpid(t->pid, &st, 0) < 0 && errno == EINTR)
			;
		vt_free(t);
		errno = err;
		return NULL;
	}
	flags = fcntl(t->master, F_GETFL);
	if (flags < 0 || fcntl(t->master, F_SETFL, flags | O_NONBLOCK) < 0 ||
	    fcntl(t->master, F_SETFD, FD_CLOEXEC) < 0) {
		err = errno;
		vt_close(t, NULL, 0);
		errno = err;
		return NULL;
	}
	return t;
}

int vt_send(struct vt_term *t, const char *bytes)
{
	if (!t || !bytes) {
		errno = EINVAL;
		return -1;
	}
	return write_all(t, bytes, strlen(bytes));
}

int vt_send_key(struct vt_term *t, const char *name)
{
	static const struct {
		const char *name;
		int key; /* VTermKey */
		VTermModifier mod;
	} keys[] = {
		{ "Up", VTERM_KEY_UP, VTERM_MOD_NONE },
		{ "Down", VTERM_KEY_DOWN, VTERM_MOD_NONE },
		{ "Left", VTERM_KEY_LEFT, VTERM_MOD_NONE },
		{ "Right", VTERM_KEY_RIGHT, VTERM_MOD_NONE },
		{ "Home", VTERM_KEY_HOME, VTERM_MOD_NONE },
		{ "End", VTERM_KEY_END, VTERM_MOD_NONE },
		{ "PgUp", VTERM_KEY_PAGEUP, VTERM_MOD_NONE },
		{ "PgDn", VTERM_KEY_PAGEDOWN, VTERM_MOD_NONE },
		{ "Insert", VTERM_KEY_INS, VTERM_MOD_NONE },
		{ "Delete", VTERM_KEY_DEL, VTERM_MOD_NONE },
		{ "Tab", VTERM_KEY_TAB, VTERM_MOD_NONE },
		{ "BTab", VTERM_KEY_TAB, VTERM_MOD_SHIFT },
		{ "Enter", VTERM_KEY_ENTER, VTERM_MOD_NONE },
		{ "Esc", VTERM_KEY_ESCAPE, VTERM_MOD_NONE },
		{ "Backspace", VTERM_KEY_BACKSPACE, VTERM_MOD_NONE },
	};
	char *end;
	long fn;

	if (!t || !name) {
		errno = EINVAL;
		return -1;
	}
	if (name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z' && !name[3]) {
		char c[2] = { (char)(name[2] - 'a' + 1), 0 };

		return write_all(t, c, 1);
	}
	if (strcmp(name, "Space") == 0)
		return write_all(t, " ", 1);

	/* Let libvterm encode it: it knows the modes the program has set. */
	feed(t);
	t->reply_failed = 0;
	if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
		fn = strtol(name + 1, &end, 10);
		if (*end || fn < 1 || fn > 12) {
			errno = EINVAL;
			return -1;
		}
		vterm_keyboard_key(t->vt, VTERM_KEY_FUNCTION(fn), VTERM_MOD_NONE);
		return t->reply_failed ? -1 : 0;
	}
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (strcmp(name, keys[i].name) == 0) {
			vterm_keyboard_key(t->vt, (VTermKey)keys[i].key, keys[i].mod);
			return t->reply_failed ? -1 : 0;
		}
	}
	errno = EINVAL;
	return -1;
}

int vt_pump(struct vt_term *t, int ms)
{
	if (!t) {
		errno = EINVAL;
		return -1;
	}
	return pump(t, ms, 0, NULL);
}

/* Shared loop of vt_wait_for (want = 1) and vt_wait_gone (want = 0). */
static int wait_text(struct vt_term *t, const char *text, int want, int timeout_ms)
{
	long long deadline = now_ms() + (timeout_ms > 0 ? timeout_ms : 0);

	if (!t || !text) {
		errno = EINVAL;
		return -1;
	}
	for (;;) {
		char *s;
		int has;

		s = vt_screen(t);
		if (!s)
			return -1;
		has = strstr(s, text) != NULL;
		free(s);
		if (has == want)
			return 0;
		if (t->eof) {
			errno = EPIPE;
			return -1;
		}
		if (now_ms() >= deadline) {
			errno = ETIMEDOUT;
			return -1;
		}
		pump(t, ms_left(deadline, 1 << 30), 1, NULL);
	}
}

int vt_wait_for(struct vt_term *t, const char *text, int timeout_ms)
{
	return wait_text(t, text, 1, timeout_ms);
}

int vt_wait_gone(struct vt_term *t, const char *text, int timeout_ms)
{
	return wait_text(t, text, 0, timeout_ms);
}

int vt_wait_quiet(struct vt_term *t, int quiet_ms, int timeout_ms)
{
	long long start = now_ms();
	long long deadline = start + (timeout_ms > 0 ? timeout_ms : 0);
	long long last = start;

	if (!t) {
		errno = EINVAL;
		return -1;
	}
	for (;;) {
		long long now = now_ms();
		long long wait;
		long got = 0;

		if (now - last >= quiet_ms)
			return 0;
		if (now >= deadline) {
			errno = ETIMEDOUT;
			return -1;
		}
		wait = last + quiet_ms - now;
		if (wait > deadline - now)
			wait = deadline - now;
		if (pump(t, (int)wait, 1, &got) < 0)
			return t->eof ? 0 : -1;
		if (got > 0)
			last = now_ms();
	}
}

char *vt_screen(struct vt_term *t)
{
	int rows, cols;

	if (!t) {
		errno = EINVAL;
		return NULL;
	}
	feed(t);
	vterm_get_size(t->vt, &rows, &cols);
	return render(t, 0, rows, NULL);
}

char *vt_row(struct vt_term *t, int row)
{
	int rows, cols;

	if (!t) {
		errno = EINVAL;
		return NULL;
	}
	feed(t);
	vterm_get_size(t->vt, &rows, &cols);
	if (row < 0 || row >= rows) {
		errno = EINVAL;
		return NULL;
	}
	return render(t, row, row + 1, NULL);
}

int vt_contains(struct vt_term *t, const char *text)
{
	char *s;
	int has;

	if (!text)
		return 0;
	s = vt_screen(t);
	if (!s)
		return 0;
	has = strstr(s, text) != NULL;
	free(s);
	return has;
}

int vt_find(struct vt_term *t, const char *text, int *row, int *col)
{
	int rows, cols, *pos = NULL;
	char *s, *hit;

	if (!t || !text) {
		errno = EINVAL;
		return -1;
	}
	feed(t);
	vterm_get_size(t->vt, &rows, &cols);
	s = render(t, 0, rows, &pos);
	if (!s)
		return -1;
	hit = strstr(s, text);
	if (hit) {
		int p = pos[hit - s];

		if (row)
			*row = p / cols;
		if (col)
			*col = p % cols;
	}
	free(s);
	free(pos);
	if (!hit) {
		errno = ENOENT;
		return -1;
	}
	return 0;
}

/* Palette index of a cell colour: 0..255, -1 default, -2 direct RGB. */
static int colour_index(const VTermColor *c, int is_fg)
{
	if (is_fg ? VTERM_COLOR_IS_DEFAULT_FG(c) : VTERM_COLOR_IS_DEFAULT_BG(c))
		return -1;
	if (VTERM_COLOR_IS_INDEXED(c))
		return c->indexed.idx;
	return -2;
}

int vt_cell_attrs(struct vt_term *t, int row, int col, int *bold, int *reverse, int *fg_index, int *bg_index)
{
	VTermScreenCell cell;
	VTermPos p = { .row = row, .col = col };
	int rows, cols;

	if (!t) {
		errno = EINVAL;
		return -1;
	}
	feed(t);
	vterm_get_size(t->vt, &rows, &cols);
	if (row < 0 || row >= rows || col < 0 || col >= cols) {
		errno = EINVAL;
		return -1;
	}
	if (!vterm_screen_get_cell(t->screen, p, &cell))
		return -1;
	if (cell.chars[0] == (uint32_t)-1 && col > 0) {
		p.col--;
		if (!vterm_screen_get_cell(t->screen, p, &cell))
			return -1;
	}
	if (bold)
		*bold = cell.attrs.bold;
	if (reverse)
		*reverse = cell.attrs.reverse;
	if (fg_index)
		*fg_index = colour_index(&cell.fg, 1);
	if (bg_index)
		*bg_index = colour_index(&cell.bg, 0);
	return 0;
}

int vt_resize(struct vt_term *t, int rows, int cols)
{
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };

	if (!t || rows <= 0 || cols <= 0 || rows > 0xffff || cols > 0xffff) {
		errno = EINVAL;
		return -1;
	}
	feed(t); /* output written for the old size lands on the old size */
	vterm_set_size(t->vt, rows, cols);
	while (ioctl(t->master, TIOCSWINSZ, &ws) < 0)
		if (errno != EINTR)
			return -1;
	return 0;
}

const unsigned char *vt_raw(struct vt_term *t, size_t *len)
{
	if (!t) {
		errno = EINVAL;
		if (len)
			*len = 0;
		return NULL;
	}
	if (len)
		*len = t->raw_len;
	return t->raw;
}

int vt_mouse_click(struct vt_term *t, int row, int col)
{
	char seq[64];

	if (!t || row < 0 || col < 0) {
		errno = EINVAL;
		return -1;
	}
	snprintf(seq, sizeof seq, "\033[<0;%d;%dM\033[<0;%d;%dm", col + 1, row + 1, col + 1, row + 1);
	return write_all(t, seq, strlen(seq));
}

/* Wait up to ms for the child to be reaped, reading output meanwhile:
 * 1 gone, 0 still running. */
static int reap_wait(struct vt_term *t, int ms)
{
	long long deadline = now_ms() + (ms > 0 ? ms : 0);

	for (;;) {
		int slice;

		if (try_reap(t))
			return 1;
		slice = ms_left(deadline, 10);
		if (slice == 0)
			return 0;
		if (t->eof || pump(t, slice, 1, NULL) < 0)
			poll(NULL, 0, slice);
	}
}

/* Send sig to the child's process group, or to the child alone if the group
 * is gone; only while the child is unreaped (its pid cannot be reused). */
static void signal_child(struct vt_term *t, int sig)
{
	if (t->child != VT_RUNNING)
		return;
	if (kill(-t->pid, sig) < 0)
		kill(t->pid, sig);
}

int vt_close(struct vt_term *t, int *status, int timeout_ms)
{
	int rc = -1;

	if (!t) {
		errno = EINVAL;
		return -1;
	}
	if (reap_wait(t, timeout_ms)) {
		rc = 0;
	} else {
		signal_child(t, SIGTERM);
		if (!reap_wait(t, VT_TERM_GRACE_MS)) {
			signal_child(t, SIGKILL);
			reap_wait(t, VT_KILL_WAIT_MS);
		}
	}
	if (t->child == VT_REAPED) {
		if (status)
			*status = t->status;
	} else {
		rc = -1;
	}
	vt_free(t);
	return rc;
}

pid_t vt_pid(struct vt_term *t)
{
	if (!t) {
		errno = EINVAL;
		return -1;
	}
	return t->pid;
}
