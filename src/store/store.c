/* store.c: opening and closing the LMDB environment, compaction in place, the map's size. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/xalloc.h"

#define DEFAULT_MAP (1u << 20)
#define DEFAULT_LOCK_TIMEOUT_MS 10000

static void compact_if_pending(struct store *s);

const char *store_dir(const struct store *s)
{
    return s->dir;
}

int store_mkdir_p(const char *dir)
{
    char *p = xstrdup(dir);
    for (char *q = p + 1; *q; q++) {
        if (*q != '/')
            continue;
        *q = '\0';
        if (mkdir(p, 0700) != 0 && errno != EEXIST) {
            free(p);
            return -1;
        }
        *q = '/';
    }
    int rc = mkdir(p, 0700) != 0 && errno != EEXIST ? -1 : 0;
    free(p);
    return rc;
}

static int lock_open(struct store *s, struct wt_error *err)
{
    char *path = xasprintf("%s/open.lock", s->dir);
    s->openfd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    free(path);
    if (s->openfd >= 0)
        flock(s->openfd, LOCK_SH);
    path = xasprintf("%s/write.lock", s->dir);
    s->lockfd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    free(path);
    if (s->lockfd < 0 && !s->readonly)
        return wt_error_set(err, WT_EIO, "%s: %s", s->dir, store_err_text(errno));
    return 0;
}

/* LMDB stops at an internal assertion when it meets a page that cannot be
 * (a damaged file). Instead of an abort with a core dump, one clear line and
 * exit 74; exit() runs the atexit handlers, so the terminal is restored. */
static void on_lmdb_assert(MDB_env *env, const char *msg)
{
    const char *path = NULL;
    mdb_env_get_path(env, &path);
    fprintf(stderr, _("%s: de database is beschadigd (%s); zet een reservekopie terug\n"),
            path ? path : "?", msg);
    exit(wt_error_exit_code(WT_ECORRUPT)); /* 74 */
}

int store_open(const char *dir, const struct store_opts *opts, struct store **out,
               struct wt_error *err)
{
    struct store_opts o = opts ? *opts : (struct store_opts){0};
    *out = NULL;
    char *data = xasprintf("%s/data.mdb", dir);
    bool exists = access(data, F_OK) == 0;
    struct stat dst;
    /* A data file shorter than LMDB's two meta pages is damaged: refuse it
     * before LMDB would quietly start a new database in it. */
    bool too_short = exists && stat(data, &dst) == 0 && dst.st_size < 2L * 4096;
    free(data);
    if (too_short)
        return wt_error_set(err, WT_ECORRUPT,
                            _("%s: het databasebestand is beschadigd of afgekapt (zet een "
                              "reservekopie terug)"),
                            dir);
    if (!exists && !o.create)
        return wt_error_set(err, WT_ENOTFOUND,
                            _("%s: hier staat geen database (maak er een met 'wijktafel init')"),
                            dir);
    if (!exists && store_mkdir_p(dir) != 0)
        return wt_error_set(err, WT_ECREATE, _("%s: de map kan niet worden gemaakt: %s"), dir,
                            store_err_text(errno));
    if (!exists && access(dir, W_OK) != 0)
        return wt_error_set(err, WT_ECREATE, _("%s: in deze map kan niet worden geschreven"),
                            dir);

    struct store *s = xcalloc(1, sizeof *s);
    store_hcache_clear(s); /* a generation of index hash tables of its own */
    s->dir = xstrdup(dir);
    s->lockfd = -1;
    s->openfd = -1;
    s->readonly = o.readonly;
    s->lock_timeout_ms = o.lock_timeout_ms > 0 ? o.lock_timeout_ms : DEFAULT_LOCK_TIMEOUT_MS;
    int rc = mdb_env_create(&s->env);
    if (!rc)
        rc = mdb_env_set_maxdbs(s->env, 24);
    if (!rc)
        mdb_env_set_assert(s->env, on_lmdb_assert);
    if (!rc)
        rc = mdb_env_set_mapsize(s->env, o.initial_map ? o.initial_map : DEFAULT_MAP);
    s->env_flags = MDB_NOTLS | (o.readonly ? MDB_RDONLY : 0);
    if (!rc)
        rc = mdb_env_open(s->env, dir, s->env_flags, 0600);
    if (rc) {
        int code = store_err_code(rc);
        if (!exists)
            code = WT_ECREATE;
        wt_error_set(err, code, "%s: %s", dir, store_err_text(rc));
        store_close(s);
        return code;
    }
    /* A file shorter than the pages the database says it uses was cut off:
     * reading on would end in a bus error, writing would lose data. */
    if (exists) {
        MDB_envinfo info;
        MDB_stat est;
        char *dpath = xasprintf("%s/data.mdb", dir);
        bool cut = mdb_env_info(s->env, &info) == 0 && mdb_env_stat(s->env, &est) == 0 &&
                   stat(dpath, &dst) == 0 &&
                   (size_t)dst.st_size < (info.me_last_pgno + 1) * (size_t)est.ms_psize;
        free(dpath);
        if (cut) {
            store_close(s);
            return wt_error_set(err, WT_ECORRUPT,
                                _("%s: het databasebestand is beschadigd of afgekapt (zet een "
                                  "reservekopie terug)"),
                                dir);
        }
    }
    int dead;
    mdb_reader_check(s->env, &dead);
    if (store_crypto_init() != 0) {
        store_close(s);
        return wt_error_set(err, WT_EIO, _("libsodium kan niet starten"));
    }
    if ((rc = lock_open(s, err)) != 0 || (rc = store_open_schema(s, exists, err)) != 0) {
        store_close(s);
        return rc;
    }
    compact_if_pending(s);
    *out = s;
    return 0;
}

void store_close(struct store *s)
{
    if (!s)
        return;
    store_wipe_keys(s);
    store_spool_forget(s);
    if (s->env)
        mdb_env_close(s->env);
    if (s->lockfd >= 0)
        close(s->lockfd);
    if (s->openfd >= 0)
        close(s->openfd);
    free(s->dir);
    free(s);
}

static int clear_pending(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx, (void)err;
    return store_meta_del(t, "compact-pending");
}

/* Reopens the environment after its data file was replaced. */
int store_reopen_env(struct store *s, size_t mapsize)
{
    int rc = mdb_env_create(&s->env);
    if (!rc)
        rc = mdb_env_set_maxdbs(s->env, 24);
    if (!rc)
        mdb_env_set_assert(s->env, on_lmdb_assert);
    if (!rc)
        rc = mdb_env_set_mapsize(s->env, mapsize);
    if (!rc)
        rc = mdb_env_open(s->env, s->dir, s->env_flags, 0600);
    MDB_txn *txn;
    if (!rc)
        rc = mdb_txn_begin(s->env, NULL, MDB_RDONLY, &txn);
    if (!rc) {
        rc = store_open_dbis(s, txn, 0);
        if (!rc)
            rc = mdb_txn_commit(txn);
        else
            mdb_txn_abort(txn);
    }
    return rc;
}

int store_compact(struct store *s, struct wt_error *err)
{
    if (s->openfd < 0 || flock(s->openfd, LOCK_EX | LOCK_NB) != 0)
        return wt_error_set(err, WT_EBUSY,
                            _("%s: de database is ook elders geopend; sluit die eerst"), s->dir);
    int rc = store_lock_writer(s, err);
    if (rc) {
        flock(s->openfd, LOCK_SH);
        return rc;
    }
    char *tmp = xasprintf("%s/compact.tmp", s->dir);
    char *tmpdata = xasprintf("%s/data.mdb", tmp);
    char *data = xasprintf("%s/data.mdb", s->dir);
    unlink(tmpdata);
    rmdir(tmp);
    int mrc = mkdir(tmp, 0700) != 0 ? errno : mdb_env_copy2(s->env, tmp, MDB_CP_COMPACT);
    if (!mrc) {
        size_t mapsize = store_map_size(s);
        mdb_env_close(s->env);
        s->env = NULL;
        /* The old file's pages, freed ones included, go with it. */
        mrc = rename(tmpdata, data) != 0 ? errno : 0;
        int rrc = store_reopen_env(s, mapsize);
        if (!mrc)
            mrc = rrc;
    }
    unlink(tmpdata);
    rmdir(tmp);
    free(tmp);
    free(tmpdata);
    free(data);
    flock(s->lockfd, LOCK_UN);
    flock(s->openfd, LOCK_SH);
    if (mrc)
        return wt_error_set(err, store_err_code(mrc), _("%s: compacteren mislukt: %s"), s->dir,
                            store_err_text(mrc));
    return store_write(s, clear_pending, NULL, err);
}

/* At open: finish a compaction that an erasure had to leave for later. */
static void compact_if_pending(struct store *s)
{
    MDB_txn *txn;
    int rc = MDB_MAP_RESIZED;
    for (int tries = 0; !s->readonly && rc == MDB_MAP_RESIZED && tries < 5; tries++)
        if ((rc = mdb_txn_begin(s->env, NULL, MDB_RDONLY, &txn)) == MDB_MAP_RESIZED)
            mdb_env_set_mapsize(s->env, 0);
    if (s->readonly || rc != 0)
        return;
    MDB_val k = {15, "compact-pending"}, v;
    bool pending = mdb_get(txn, s->meta, &k, &v) == 0;
    mdb_txn_abort(txn);
    if (pending)
        store_compact(s, NULL);
}

size_t store_map_size(struct store *s)
{
    MDB_envinfo info;
    mdb_env_info(s->env, &info);
    return info.me_mapsize;
}
