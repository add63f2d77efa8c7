/* out.c: what commands print (neutralised on a terminal, byte-exact to a file or pipe), and
 * the input files they read as streams. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"
#include "wijktafel/text.h"

/* Whether f is a terminal, asked once per stream: the answer does not change. */
static bool out_is_tty(FILE *f)
{
    static int tty[3] = {-1, -1, -1};
    int fd = fileno(f);
    if (fd < 0 || fd > 2)
        return fd >= 0 && isatty(fd);
    if (tty[fd] < 0)
        tty[fd] = isatty(fd) ? 1 : 0;
    return tty[fd] == 1;
}

int cli_out(FILE *f, const char *data, size_t n)
{
    if (!out_is_tty(f))
        return fwrite(data, 1, n, f) == n ? 0 : -1;
    struct buf b = {0};
    text_inert_append(&b, data, n);
    int rc = fwrite(b.data ? b.data : "", 1, b.len, f) == b.len ? 0 : -1;
    buf_fini(&b);
    return rc;
}

void cli_vprintf(FILE *f, const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n <= 0)
        return;
    struct buf b = {0};
    vsnprintf(buf_extend(&b, (size_t)n), (size_t)n + 1, fmt, ap);
    (void)cli_out(f, b.data, b.len);
    buf_fini(&b);
}

void cli_printf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cli_vprintf(f, fmt, ap);
    va_end(ap);
}

int cli_write_stdout(const char *data, size_t n)
{
    if (cli_out(stdout, data, n) != 0 || fflush(stdout) != 0)
        return cli_fail(EX_IOERR, _("standaarduitvoer: schrijven mislukt: %s"), strerror(errno));
    return 0;
}

FILE *cli_open_input(const char *path)
{
    if (strcmp(path, "-") == 0)
        return stdin;
    FILE *f = fopen(path, "rb");
    if (!f)
        cli_fail(EX_NOINPUT, _("%s: bestand kan niet worden geopend: %s"), path, strerror(errno));
    return f;
}

void cli_close_input(FILE *f)
{
    if (f && f != stdin)
        fclose(f);
}
