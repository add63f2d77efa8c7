/* backup.c: a compacted copy of the database, written whole or not at all. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "store_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/xalloc.h"

/* Copies the database into fd (from its start): a compacted snapshot. */
static int backup_copy(struct store *s, int fd)
{
    int rc;
    for (int tries = 0;; tries++) {
        rc = mdb_env_copyfd2(s->env, fd, MDB_CP_COMPACT);
        /* Another program grew the map meanwhile: adopt its size and copy again. */
        if (rc != MDB_MAP_RESIZED || tries >= 5)
            break;
        mdb_env_set_mapsize(s->env, 0);
        if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0)
            return errno;
    }
    return rc ? rc : fsync(fd) != 0 ? errno : 0;
}

int store_backup(struct store *s, const char *dest, struct wt_error *err)
{
    char *data = xasprintf("%s/data.mdb", dest);
    if (access(data, F_OK) == 0) {
        free(data);
        return wt_error_set(err, WT_EEXIST, _("%s: daar staat al een database; kies een lege map"),
                            dest);
    }
    if (store_mkdir_p(dest) != 0) {
        free(data);
        return wt_error_set(err, WT_ECREATE, _("%s: de map kan niet worden gemaakt: %s"), dest,
                            store_err_text(errno));
    }
    /* Written under a temporary name (0600, like the database) and renamed
     * only when whole and on disk: a full disk leaves nothing behind. */
    char *tmp = xasprintf("%s/.data.mdb.XXXXXX", dest);
    int fd = mkostemp(tmp, O_CLOEXEC), rc = fd < 0 ? errno : backup_copy(s, fd);
    if (fd >= 0 && close(fd) != 0 && !rc)
        rc = errno;
    if (!rc && rename(tmp, data) != 0)
        rc = errno;
    if (rc && fd >= 0)
        unlink(tmp);
    if (!rc) { /* the rename itself on disk */
        int dfd = open(dest, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd >= 0) {
            fsync(dfd);
            close(dfd);
        }
    }
    free(tmp);
    free(data);
    if (rc)
        return wt_error_set(err, store_err_code(rc), "%s: %s", dest, store_err_text(rc));
    return 0;
}
