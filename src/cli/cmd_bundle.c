/* cmd_bundle.c: `bundle export --for ROLE|MEMBER [--all] FILE` and `bundle import FILE`. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
    return ok ? 0 : cli_fail(74, _("%s: de bundel kan niet worden geschreven: %s"), path,
                             strerror(e));
}

/* `bundle export`: argv[0] is "export"; returns the exit code. */
static int bundle_export(const struct cli_globals *g, int argc, char **argv)
{
    static const struct option opts[] = {{"for", required_argument, NULL, 'f'},
                                         {"all", no_argument, NULL, 'a'},
                                         {NULL, 0, NULL, 0}};
    const char *target = NULL;
    bool all = false;
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'f')
            target = optarg;
        else if (c == 'a')
            all = true;
        else
            return cli_fail(64, _("bundle export: onbekende of onvolledige optie '%s'"),
                            argv[optind - 1]);
    }
    if (!target || argc - optind != 1)
        return cli_fail(64, _("gebruik: wijktafel bundle export --for ROL|LID [--all] BESTAND"));
    struct app *a;
    int code = cli_open(g, &a);
    if (code)
        return code;
    struct buf out = {0};
    struct wt_error err = {0};
    size_t n = 0;
    int rc = app_bundle_export(a, target, all, &out, &n, &err);
    app_close(a);
    code = rc ? cli_error(&err) : write_file(argv[optind], out.data, out.len);
    buf_fini(&out);
    if (!code)
        fprintf(stderr, _("bundel voor %s geschreven in %s (%zu onderdelen)\n"), target,
                argv[optind], n);
    return code;
}

/* `bundle import FILE`: argv[0] is "import"; returns the exit code. */
static int bundle_import(const struct cli_globals *g, int argc, char **argv)
{
    if (argc != 2)
        return cli_fail(64, _("gebruik: wijktafel bundle import BESTAND"));
    char *buf;
    size_t len;
    int code = cli_read_file(argv[1], &buf, &len);
    if (code)
        return code;
    struct app *a;
    if ((code = cli_open(g, &a)) != 0) {
        free(buf);
        return code;
    }
    struct wt_error err = {0};
    struct app_bundle_stats st;
    int rc = app_bundle_import(a, (unsigned char *)buf, len, &st, &err);
    app_close(a);
    free(buf);
    if (rc)
        return cli_fail(wt_error_exit_code(rc), "%s: %s", argv[1], err.text);
    fprintf(stderr,
            _("%s ingelezen: %zu records bijgewerkt, %zu verwijderd, %zu ter beoordeling, "
              "%zu conflicten, %zu rondes of deuren\n"),
            argv[1], st.records, st.tombs, st.submissions, st.conflicts, st.rounds);
    return 0;
}

/* Dispatches to the subcommand; 64 for anything else. */
static int cmd_bundle_exec(const struct cli_globals *g, int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "export") == 0)
        return bundle_export(g, argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "import") == 0)
        return bundle_import(g, argc - 1, argv + 1);
    return cli_fail(64, _("gebruik: wijktafel bundle export --for ROL|LID BESTAND, of "
                          "wijktafel bundle import BESTAND"));
}

const struct cmd_entry cmd_bundle_entry = {
    "bundle", "export --for ROLE|MEMBER [--all] FILE | import FILE",
    N_("wissel gegevens uit met een andere database (USB-stick, gedeelde map)"), cmd_bundle_exec};
