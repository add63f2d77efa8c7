/* vt_selftest.c - self-test of the vt.h screen-test support library against /bin/sh and coreutils. */
#include "vt.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

/* Report a failed condition with the screen, then fail the current test. */
#define CHECK(t, cond)                                                             \
	do {                                                                       \
		if (!(cond)) {                                                     \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
			dump(t);                                                   \
			if (t)                                                     \
				vt_close(t, NULL, 0);                              \
			return -1;                                                 \
		}                                                                  \
	} while (0)

/* Print t's screen to stderr, if there is one. */
static void dump(struct vt_term *t)
{
	char *s = t ? vt_screen(t) : NULL;

	if (s)
		fprintf(stderr, "--- screen ---\n%s\n--------------\n", s);
	free(s);
}

/* Start sh -c script at rows x cols; NULL on failure. */
static struct vt_term *sh(int rows, int cols, const char *script)
{
	char *argv[] = { "/bin/sh", "-c", (char *)script, NULL };

	return vt_spawn(rows, cols, argv, NULL);
}

/* UTF-8 output, input through the pty, clean exit.  0 pass, -1 fail. */
static int test_echo(void)
{
	struct vt_term *t = sh(24, 80, "printf \"h\303\251llo w\303\266rld\\n\"; read x; echo \"got:$x\"");
	char *row;
	int st = -1, r = -1, c = -1, ok;

	CHECK(t, t != NULL);
	CHECK(t, vt_wait_for(t, "h\303\251llo w\303\266rld", 3000) == 0);
	CHECK(t, vt_find(t, "w\303\266rld", &r, &c) == 0 && r == 0 && c == 6);
	CHECK(t, vt_send(t, "abc\r") == 0);
	CHECK(t, vt_wait_for(t, "got:abc", 3000) == 0);
	row = vt_row(t, 2);
	ok = row && strcmp(row, "got:abc") == 0;
	free(row);
	CHECK(t, ok);
	ok = vt_close(t, &st, 3000) == 0;
	CHECK(NULL, ok && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}

/* vt_resize reaches the pty: stty sees the new size.  0 pass, -1 fail. */
static int test_resize(void)
{
	struct vt_term *t = sh(24, 80, "sleep 0.3; stty size");
	int st = -1, ok;

	CHECK(t, t != NULL);
	CHECK(t, vt_resize(t, 30, 100) == 0);
	CHECK(t, vt_wait_for(t, "30 100", 3000) == 0);
	ok = vt_close(t, &st, 3000) == 0;
	CHECK(NULL, ok && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}

/* Wide characters, colours and bold on the emulated screen.  0 pass, -1 fail. */
static int test_wide_attrs(void)
{
	/* 日本 bold red, then é, 😀 on palette 200, x */
	struct vt_term *t = sh(5, 20, "printf '\\033[1;31m\346\227\245\346\234\254\\033[0m "
				      "\303\251\\033[48;5;200m\360\237\230\200\\033[0mx\\n'; sleep 5");
	char *row;
	int r = -1, c = -1, bold = -1, rev = -1, fg = -9, bg = -9, ok;

	CHECK(t, t != NULL);
	CHECK(t, vt_wait_for(t, "x", 3000) == 0);
	row = vt_row(t, 0);
	ok = row && strcmp(row, "\346\227\245\346\234\254 \303\251\360\237\230\200x") == 0;
	free(row);
	CHECK(t, ok);
	CHECK(t, vt_find(t, "x", &r, &c) == 0 && r == 0 && c == 8);
	CHECK(t, vt_cell_attrs(t, 0, 1, &bold, &rev, &fg, &bg) == 0);
	CHECK(t, bold == 1 && rev == 0 && fg == 1 && bg == -1);
	CHECK(t, vt_cell_attrs(t, 0, 6, &bold, NULL, &fg, &bg) == 0);
	CHECK(t, bold == 0 && fg == -1 && bg == 200);
	CHECK(t, vt_find(t, "nothere", NULL, NULL) == -1);
	CHECK(t, vt_contains(t, "\303\251\360\237\230\200x") == 1);
	ok = vt_close(t, NULL, 0) == -1; /* sleep must be terminated */
	CHECK(NULL, ok);
	return 0;
}

/* Terminal queries are answered and keys arrive as xterm sequences.  0 pass, -1 fail. */
static int test_query_keys(void)
{
	struct vt_term *t = sh(24, 80,
			       "stty raw -echo; printf '\\033[6n'; dd bs=1 count=6 2>/dev/null | od -An -tx1;"
			       " echo ready; dd bs=1 count=12 2>/dev/null | od -An -tx1");
	int st = -1, ok;

	CHECK(t, t != NULL);
	CHECK(t, vt_wait_for(t, "1b 5b 31 3b 31 52", 3000) == 0); /* ESC [ 1 ; 1 R */
	CHECK(t, vt_wait_for(t, "ready", 3000) == 0);
	CHECK(t, vt_send_key(t, "F1") == 0 && vt_send_key(t, "Up") == 0 && vt_send_key(t, "BTab") == 0);
	CHECK(t, vt_send_key(t, "C-c") == 0 && vt_send_key(t, "Backspace") == 0 && vt_send_key(t, "Enter") == 0);
	CHECK(t, vt_send_key(t, "Nope") == -1 && errno == EINVAL);
	CHECK(t, vt_wait_for(t, "1b 4f 50 1b 5b 41 1b 5b 5a 03 7f 0d", 3000) == 0);
	CHECK(t, vt_wait_quiet(t, 100, 3000) == 0);
	ok = vt_close(t, &st, 3000) == 0;
	CHECK(NULL, ok && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}

/* Spawn failure, raw output, forced close.  0 pass, -1 fail. */
static int test_lifecycle(void)
{
	char *bad[] = { "/nonexistent/program", NULL };
	char *env[] = { "VT_SELFTEST=yes", "TERM=dumb", NULL };
	char *argv[] = { "/bin/sh", "-c", "echo \"$VT_SELFTEST $TERM $LANG\"; trap '' TERM; sleep 30", NULL };
	struct vt_term *t;
	const unsigned char *raw;
	size_t len = 0;
	int st = -1, ok;

	errno = 0;
	CHECK(NULL, vt_spawn(24, 80, bad, NULL) == NULL && errno == ENOENT);
	t = vt_spawn(24, 80, argv, env);
	CHECK(t, t != NULL && vt_pid(t) > 0);
	CHECK(t, vt_wait_for(t, "yes dumb C.UTF-8", 3000) == 0);
	raw = vt_raw(t, &len);
	CHECK(t, raw && len >= 18 && memcmp(raw, "yes dumb C.UTF-8\r\n", 18) == 0);
	CHECK(t, vt_pump(t, 50) == 0);
	ok = vt_close(t, &st, 100) == -1; /* ignores SIGTERM: needs SIGKILL */
	CHECK(NULL, ok && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
	return 0;
}

int main(void)
{
	static const struct {
		const char *name;
		int (*fn)(void);
	} tests[] = {
		{ "echo", test_echo },
		{ "resize", test_resize },
		{ "wide_attrs", test_wide_attrs },
		{ "query_keys", test_query_keys },
		{ "lifecycle", test_lifecycle },
	};
	int passed = 0, failed = 0;

	for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
		int ok = tests[i].fn() == 0;

		printf("%s %s\n", ok ? "ok  " : "FAIL", tests[i].name);
		if (ok)
			passed++;
		else
			failed++;
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
