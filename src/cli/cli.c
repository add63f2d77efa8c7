/* cli.c: the command table and what every command shares (opening, messages, files). */
#include "cli_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <termios.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "wijktafel/i18n.h"

extern const struct cmd_entry cmd_init_entry, cmd_import_entry, cmd_export_entry,
    cmd_check_entry, cmd_backup_entry, cmd_suggest_entry, cmd_passphrase_entry,
    cmd_erase_entry, cmd_purge_entry, cmd_minutes_entry, cmd_log_entry, cmd_themes_entry,
    cmd_bundle_entry, cmd_report_entry, cmd_dump_entry, cmd_restore_entry, cmd_member_entry;

const struct cmd_entry *const cli_commands[] = {
    &cmd_init_entry, &cmd_import_entry, &cmd_export_entry, &cmd_check_entry,
    &cmd_backup_entry, &cmd_suggest_entry, &cmd_minutes_entry, &cmd_passphrase_entry,
    &cmd_erase_entry, &cmd_purge_entry, &cmd_log_entry, &cmd_themes_entry, &cmd_bundle_entry,
    &cmd_report_entry, &cmd_dump_entry, &cmd_restore_entry, &cmd_member_entry, NULL};

int cli_fail(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cli_vprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return code;
}

int cli_error(const struct wt_error *err)
{
    int code = wt_error_exit_code(err->code ? err->code : WT_EIO);
    cli_printf(stderr, "%s\n", err->text[0] ? err->text : _("onbekende fout"));
    return code;
}

static const char *current_command; /* the access log's path */

void cli_set_path(const char *command)
{
    current_command = command;
}

char *cli_db_dir(const struct cli_globals *g, int *code)
{
    *code = 0;
    if (!g->demo)
        return g->db ? xstrdup(g->db) : app_default_dir();
    char *dir = app_demo_dir();
    struct wt_error err = {0};
    if (app_demo_ensure(dir, &err) != 0) {
        *code = cli_error(&err);
        free(dir);
        return NULL;
    }
    return dir;
}

static char passbuf[1024];
static bool asked_tty; /* the last passphrase was typed on the terminal */
static int passfile_errno; /* why --passphrase-file could not be read, or 0 */

/* Reads a line from the terminal without echo; NULL without a terminal. */
static const char *ask_tty(const char *prompt)
{
    int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct termios old, quiet;
    bool have = tcgetattr(fd, &old) == 0;
    if (have) {
        quiet = old;
        quiet.c_lflag &= (tcflag_t)~ECHO;
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    if (write(fd, prompt, strlen(prompt)) < 0) {
        /* the prompt is a courtesy; reading goes on */
    }
    size_t n = 0;
    char c;
    while (n + 1 < sizeof passbuf && read(fd, &c, 1) == 1 && c != '\n')
        passbuf[n++] = c;
    passbuf[n] = '\0';
    if (have)
        tcsetattr(fd, TCSAFLUSH, &old);
    if (write(fd, "\n", 1) < 0) {
        /* as above */
    }
    close(fd);
    return passbuf;
}

const char *cli_passphrase(const struct cli_globals *g, const char *member)
{
    asked_tty = false;
    passfile_errno = 0;
    const char *env = getenv("WIJKTAFEL_PASSPHRASE");
    if (env && *env)
        return env;
    if (g->passphrase_file) {
        FILE *f = fopen(g->passphrase_file, "r");
        if (!f) {
            passfile_errno = errno;
            return NULL;
        }
        if (!fgets(passbuf, sizeof passbuf, f))
            passbuf[0] = '\0';
        fclose(f);
        passbuf[strcspn(passbuf, "\r\n")] = '\0';
        return passbuf;
    }
    if (g->demo)
        return APP_DEMO_PASSPHRASE;
    char prompt[128];
    snprintf(prompt, sizeof prompt, _("Wachtwoordzin voor %s: "), member ? member : "");
    const char *p = ask_tty(prompt);
    asked_tty = p != NULL; /* without a terminal nothing was typed: no second try */
    return p;
}

const char *cli_new_passphrase(void)
{
    const char *env = getenv("WIJKTAFEL_NEW_PASSPHRASE");
    if (env && *env)
        return env;
    static char first[sizeof passbuf];
    const char *p = ask_tty(_("Nieuwe wachtwoordzin: "));
    if (!p)
        return NULL;
    snprintf(first, sizeof first, "%s", p);
    p = ask_tty(_("Nog een keer: "));
    if (!p || strcmp(first, p) != 0) {
        memset(first, 0, sizeof first);
        return "";
    }
    memset(first, 0, sizeof first);
    return p;
}

void cli_forget_passphrase(void)
{
    memset(passbuf, 0, sizeof passbuf);
}

static const char *open_passphrase(void *ctx, const char *member)
{
    return cli_passphrase(ctx, member);
}

/* After a one-time code: the member's own passphrase (FORMATS.md "Team"). */
static const char *open_new_passphrase(void *ctx, const char *member)
{
    (void)ctx;
    const char *env = getenv("WIJKTAFEL_NEW_PASSPHRASE");
    if (!(env && *env) && isatty(STDIN_FILENO))
        cli_printf(stderr, _("Welkom, %s. Kies nu uw eigen wachtwoordzin; de code werkt daarna "
                         "niet meer.\n"),
               member);
    return cli_new_passphrase();
}

/* Opens the database; with defer an encrypted one stays locked for the
 * screen to ask (app_unlock). */
static int open_db(const struct cli_globals *g, struct app **a, bool defer)
{
    *a = NULL;
    int code;
    char *dir = cli_db_dir(g, &code);
    if (!dir)
        return code;
    struct wt_error err = {0};
    struct app_opts o = {.dir = dir, .as_member = g->as, .passphrase = open_passphrase,
                         .passphrase_ctx = (void *)g, .readonly = g->follow,
                         .defer_unlock = defer, .new_passphrase = open_new_passphrase,
                         .path = current_command};
    int rc = app_open(&o, a, &err);
    /* Typed on the terminal: three tries, like sudo. */
    for (int tries = 1; rc == WT_EPERM && asked_tty && tries < 3; tries++) {
        cli_printf(stderr, "%s\n", err.text);
        wt_error_clear(&err);
        rc = app_open(&o, a, &err);
    }
    cli_forget_passphrase();
    free(dir);
    if (rc == WT_EPERM && passfile_errno) {
        wt_error_clear(&err);
        return cli_fail(EX_NOINPUT, _("%s: bestand kan niet worden geopend: %s"),
                        g->passphrase_file, strerror(passfile_errno));
    }
    if (!rc && current_command)
        app_set_path(*a, current_command);
    return rc ? cli_error(&err) : 0;
}

int cli_open(const struct cli_globals *g, struct app **a)
{
    return open_db(g, a, false);
}

int cli_open_screen(const struct cli_globals *g, struct app **a)
{
    /* Only a passphrase that nobody types is used here; on a terminal the
     * screen asks for one itself, without one the terminal is asked. */
    const char *env = getenv("WIJKTAFEL_PASSPHRASE");
    bool given = (env && *env) || g->passphrase_file || g->demo;
    return open_db(g, a, !given && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO));
}

int cli_read_file(const char *path, char **buf, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return cli_fail(EX_NOINPUT, _("%s: bestand kan niet worden geopend: %s"),
                        path, strerror(errno));
    struct buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&b, chunk, n);
    int bad = ferror(f);
    int e = errno;
    if (f != stdin)
        fclose(f);
    if (bad) {
        buf_fini(&b);
        return cli_fail(EX_NOINPUT, _("%s: bestand kan niet worden gelezen: %s"), path, strerror(e));
    }
    *len = b.len;
    *buf = buf_steal(&b);
    return 0;
}
