/* editor.c: long texts in $VISUAL or $EDITOR, like git and mutt: leave curses, run, come back. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/* The private folder for the editor's files: $XDG_RUNTIME_DIR/wijktafel
 * (the user's own, in memory, gone at logout) or, without it, the database
 * folder's "editor". Caller frees. */
static char *editor_dir(const char *db_dir, bool runtime)
{
    const char *rt = getenv("XDG_RUNTIME_DIR");
    if (runtime)
        return rt && *rt == '/' ? xasprintf("%s/wijktafel", rt) : NULL;
    return db_dir ? xasprintf("%s/editor", db_dir) : NULL;
}

/* Makes dir (0700) when missing; 0 when it is a folder of ours that nobody
 * else may enter, else -1 with errno. */
static int private_dir(const char *dir)
{
    if (mkdir(dir, 0700) != 0 && errno != EEXIST)
        return -1;
    struct stat st;
    if (lstat(dir, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode) || st.st_uid != geteuid()) {
        errno = EPERM;
        return -1;
    }
    return (st.st_mode & 077) && chmod(dir, 0700) != 0 ? -1 : 0;
}

/* Removes the files in dir whose process (the number their name starts
 * with, after a dot for an editor's swap file) no longer runs. */
static void cleanup_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *n = e->d_name + (e->d_name[0] == '.');
        char *end;
        long pid = strtol(n, &end, 10);
        if (end == n || *end != '-' || pid <= 0 || pid == (long)getpid())
            continue;
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue;
        char *p = xasprintf("%s/%s", dir, e->d_name);
        unlink(p);
        free(p);
    }
    closedir(d);
}

void editor_cleanup(const char *db_dir)
{
    for (int i = 0; i < 2; i++) {
        char *dir = editor_dir(db_dir, i == 0);
        if (dir)
            cleanup_dir(dir);
        free(dir);
    }
}

/* A new file (0600) for the editor in the private folder; -1 with errno. */
static int editor_file(const char *db_dir, char **path)
{
    *path = NULL;
    int fd = -1;
    for (int i = 0; i < 2 && fd < 0; i++) {
        char *dir = editor_dir(db_dir, i == 0);
        if (dir && private_dir(dir) == 0) {
            *path = xasprintf("%s/%ld-XXXXXX.txt", dir, (long)getpid());
            if ((fd = mkstemps(*path, 4)) < 0) {
                free(*path);
                *path = NULL;
            }
        }
        free(dir);
    }
    return fd;
}

char *editor_run(struct ui *u, const char *text)
{
    u->modal = true;
    char *path;
    int fd = editor_file(app_dir(u->a), &path);
    if (fd < 0) {
        ui_message(u, true, _("Geen tijdelijk bestand voor de editor: %s"), strerror(errno));
        return NULL;
    }
    term_remove_on_signal(path);
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
    term_remove_on_signal(NULL);
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
