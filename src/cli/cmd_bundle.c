/* cmd_bundle.c: `bundle export --for ROLE|MEMBER [--all] FILE` and `bundle import FILE`. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "wijktafel/cli.h"
#include "wijktafel/i18n.h"

/* Writes data to path through a temporary file and a rename (mode 0600), so
 * that a reader never sees half a bundle. Returns 0 or the exit code. */
static int write_file(const char *path, const char *data, size_t n)
{
    char *tmp = xasprintf("%s.tmp", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    bool ok = fd >= 0;
    for (size_t off = 0; ok && off < n;) {
        ssize_t w = write(fd, data + off, n - off);
        ok = w > 0;
        off += ok ? (size_t)w : 0;
    }
    int e = errno;
    if (fd >= 0 && (fsync(fd) != 0 || close(fd) != 0))
        ok = false;
    if (ok && rename(tmp, path) != 0)
        ok = false, e = errno;
    if (!ok)
        unlink(tmp);
    free(tmp);
    return ok ? 0 : cli_fail(EX_IOERR, _("%s: de bundel kan niet worden geschreven: %s"), path,
                             strerror(e));
}

/* `bundle export`; returns the exit code. */
static int bundle_export(const struct cli_globals *g, const struct cli_args *args)
{
    const char *target = cli_value(args, "for"), *path = args->argv[0];
    bool all = cli_given(args, "all");
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    struct buf out = {0};
    struct wt_error err = {0};
    size_t n = 0;
    int rc = app_bundle_export(a, target, all, &out, &n, &err);
    app_close(a);
    code = rc ? cli_error(&err) : write_file(path, out.data, out.len);
    buf_fini(&out);
    if (!code)
        cli_printf(stderr, _("bundel voor %s geschreven in %s (%zu onderdelen)\n"), target,
                path, n);
    return code;
}

/* `bundle import FILE`; returns the exit code. */
static int bundle_import(const struct cli_globals *g, const struct cli_args *args)
{
    const char *path = args->argv[0];
    FILE *in = cli_open_input(path);
    if (!in)
        return EX_NOINPUT;
    struct wt_error err = {0};
    struct app_bundle_stats st;
    struct buf file = {0};
    /* As a stream: a bad or endless file is refused at its first bad piece,
     * what is no bundle at all before the passphrase is asked. */
    int rc = app_bundle_read_header(in, &file, &err);
    struct app *a = NULL;
    int code = rc ? 0 : cli_open(g, &a);
    if (rc || code) {
        cli_close_input(in);
        buf_fini(&file);
        return code ? code : cli_fail(wt_error_exit_code(rc), "%s: %s", path, err.text);
    }
    rc = app_bundle_read(a, in, &file, &err);
    cli_close_input(in);
    if (!rc)
        rc = app_bundle_import(a, (unsigned char *)file.data, file.len, &st, &err);
    app_close(a);
    buf_fini(&file);
    if (rc)
        return cli_fail(wt_error_exit_code(rc), "%s: %s", path, err.text);
    cli_printf(stderr,
            _("%s ingelezen: %zu records bijgewerkt, %zu verwijderd, %zu ter beoordeling, "
              "%zu conflicten, %zu rondes of deuren\n"),
            path, st.records, st.tombs, st.submissions, st.conflicts, st.rounds);
    return 0;
}

static const struct cli_option export_options[] = {
    {.name = "for", .has_value = true, .required = true}, {.name = "all"},
    {.name = NULL}};

static const struct cmd_entry bundle_export_entry = {
    .name = "export", .usage = N_("--for ROL|LID [--all] BESTAND"), .options = export_options,
    .min_args = 1, .max_args = 1, .exec = bundle_export};

static const struct cmd_entry bundle_import_entry = {
    .name = "import", .usage = N_("BESTAND"), .min_args = 1, .max_args = 1,
    .exec = bundle_import};

static const struct cmd_entry *const bundle_subs[] = {&bundle_export_entry, &bundle_import_entry,
                                                      NULL};

/* No usage of its own: the parser names both subcommands. */
const struct cmd_entry cmd_bundle_entry = {
    .name = "bundle",
    .summary = N_("wissel gegevens uit met een andere database (USB-stick, gedeelde map)"),
    .subs = bundle_subs};
