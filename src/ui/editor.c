/* editor.c: long texts in $VISUAL or $EDITOR, like git and mutt: leave curses, run, come back. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ui_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/text.h"

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct buf b = {0};
    buf_puts(&b, "");
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&b, chunk, n);
    fclose(f);
    return buf_steal(&b);
}

/* Runs the editor on path; its exit status, or -1. */
static int run_editor(const char *path)
{
    const char *ed = getenv("VISUAL");
    if (!ed || !*ed)
        ed = getenv("EDITOR");
    if (!ed || !*ed)
        ed = "vi";
    struct sigaction ign, old_int, old_quit;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigaction(SIGINT, &ign, &old_int);
    sigaction(SIGQUIT, &ign, &old_quit);
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGINT, SIG_DFL);
        signal(SIGQUIT, SIG_DFL);
        /* Through the shell, so that EDITOR may hold arguments ("code -w"). */
        char *cmd = xasprintf("%s \"$1\"", ed);
        execl("/bin/sh", "sh", "-c", cmd, "sh", path, (char *)NULL);
        _exit(127);
    }
    int status = -1;
    if (pid > 0)
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGQUIT, &old_quit, NULL);
    if (pid < 0)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

char *editor_run(struct ui *u, const char *text)
{
    u->modal = true;
    const char *tmpdir = getenv("TMPDIR");
    char *path = xasprintf("%s/wijktafel-XXXXXX.txt", tmpdir && *tmpdir ? tmpdir : "/tmp");
    int fd = mkstemps(path, 4);
    if (fd < 0) {
        ui_message(u, true, _("Geen tijdelijk bestand voor de editor: %s"), strerror(errno));
        free(path);
        return NULL;
    }
    size_t n = strlen(text ? text : "");
    bool ok = write(fd, text ? text : "", n) == (ssize_t)n && write(fd, "\n", 1) == 1;
    close(fd);
    char *result = NULL;
    if (ok) {
        term_suspend();
        int rc = run_editor(path);
        term_resume();
        result = rc == 0 ? read_all(path) : NULL;
        if (rc != 0)
            ui_message(u, true, _("De editor stopte met een fout; de tekst is niet veranderd"));
    }
    unlink(path);
    free(path);
    if (result && !text_valid_utf8(result, strlen(result))) {
        ui_message(u, true, _("De tekst uit de editor is geen geldige UTF-8; niet overgenomen"));
        free(result);
        return NULL;
    }
    if (result) {
        size_t len = strlen(result);
        while (len && (result[len - 1] == '\n' || result[len - 1] == '\r'))
            result[--len] = '\0';
    }
    return result;
}
