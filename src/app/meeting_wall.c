/* meeting_wall.c: the chair's selection for the wall, as a small file replaced atomically. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "meeting_int.h"
#include "wijktafel/i18n.h"

/* A file beside the database rather than a meta key: the chair moves the
 * selection with every key press, and a file rename costs no database
 * commit (fsync). The wall only reads it. */
#define WALL_FILE "meeting-wall"

int meeting_wall_publish(struct app *a, const struct meeting_wall *w, struct wt_error *err)
{
    char *path = xasprintf("%s/%s", a->dir, WALL_FILE);
    char *tmp = xasprintf("%s/.%s.%ld", a->dir, WALL_FILE, (long)getpid());
    char filter[sizeof w->filter];
    snprintf(filter, sizeof filter, "%s", w->filter);
    for (char *c = filter; *c; c++)
        if (*c == '\n' || *c == '\r')
            *c = ' ';
    char *text = xasprintf("item=%d\npane=%d\nkind=%s\nid=%s\ngen=%lu\nsort=%d\nopt=%d\n"
                           "filter=%s\n",
                           w->item, w->pane, record_kind(w->kind)->name, w->id, w->gen, w->sort,
                           w->opt, filter);
    int rc = 0;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    size_t n = strlen(text);
    if (fd < 0 || write(fd, text, n) != (ssize_t)n || close(fd) != 0 || rename(tmp, path) != 0) {
        rc = wt_error_set(err, WT_EIO, _("%s: de keuze voor de muur kan niet worden bewaard: %s"),
                          a->dir, strerror(errno));
        unlink(tmp);
    }
    free(text);
    free(tmp);
    free(path);
    return rc;
}

int meeting_wall_read(struct app *a, struct meeting_wall *w)
{
    char *path = xasprintf("%s/%s", a->dir, WALL_FILE);
    FILE *f = fopen(path, "r");
    free(path);
    if (!f)
        return WT_ENOTFOUND;
    struct meeting_wall r = {.item = -1, .kind = WT_CASES};
    char line[512];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        char *eq = strchr(line, '=');
        if (!eq)
            continue;
        *eq = '\0';
        const char *v = eq + 1;
        if (strcmp(line, "item") == 0)
            r.item = atoi(v);
        else if (strcmp(line, "pane") == 0)
            r.pane = atoi(v);
        else if (strcmp(line, "kind") == 0)
            record_kind_by_name(v, &r.kind);
        else if (strcmp(line, "id") == 0 && (!*v || record_id_valid(v)))
            snprintf(r.id, sizeof r.id, "%s", v);
        else if (strcmp(line, "gen") == 0)
            r.gen = strtoul(v, NULL, 10);
        else if (strcmp(line, "sort") == 0)
            r.sort = atoi(v);
        else if (strcmp(line, "opt") == 0)
            r.opt = atoi(v);
        else if (strcmp(line, "filter") == 0)
            snprintf(r.filter, sizeof r.filter, "%s", v);
    }
    fclose(f);
    if (r.item < 0 || r.item >= MEETING_NITEMS)
        return WT_EINVAL;
    *w = r;
    return 0;
}
