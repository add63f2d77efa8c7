/* txn.c: transactions with a sticky error, the writer lock, map growth and recovery. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>

#include "store_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/xalloc.h"

static int recover_panic(struct store *s);

/* Transactions of this process that are open now (see store_reading_now). */
static volatile sig_atomic_t reading;

int store_reading_now(void)
{
    return reading;
}

int store_err_code(int rc)
{
    switch (rc) {
    case 0: return WT_OK;
    case MDB_NOTFOUND: return WT_ENOTFOUND;
    case MDB_MAP_FULL: case ENOSPC: case EDQUOT: return WT_EFULL;
    case MDB_CORRUPTED: case MDB_PAGE_NOTFOUND: case MDB_INVALID: case MDB_BAD_VALSIZE:
        return WT_ECORRUPT;
    case MDB_VERSION_MISMATCH: return WT_EVERSION;
    case MDB_READERS_FULL: case EAGAIN: case EBUSY: return WT_EBUSY;
    default: return WT_EIO; /* EACCES, EPERM, EROFS, EIO, ... */
    }
}

const char *store_err_text(int rc)
{
    switch (rc) {
    case MDB_MAP_FULL: case ENOSPC: case EDQUOT: return _("de schijf is vol");
    case MDB_MAP_RESIZED: return _("de database is intussen gegroeid; probeer het nog eens");
    case MDB_CORRUPTED: case MDB_PAGE_NOTFOUND: case MDB_INVALID:
        return _("het databasebestand is beschadigd of geen wijktafel-database");
    case MDB_VERSION_MISMATCH: return _("het databasebestand is van een andere LMDB-versie");
    case MDB_READERS_FULL: return _("te veel programma's lezen tegelijk");
    case EACCES: case EPERM: return _("geen toestemming");
    case EROFS: return _("alleen-lezen bestandssysteem");
    case EIO: case MDB_PANIC: return _("lees- of schrijffout op de schijf");
    case ENOMEM: return _("geen geheugen meer");
    default: return rc > 0 ? strerror(rc) : mdb_strerror(rc);
    }
}

int store_txn_mdb_fail(struct store_txn *t, int rc, const char *what)
{
    if (t->err)
        return t->err;
    t->err = store_err_code(rc);
    t->mdb_rc = rc;
    snprintf(t->msg, sizeof t->msg, "%s: %s", what, store_err_text(rc));
    return t->err;
}

int store_cursor_replace(MDB_cursor *c, const MDB_val *k, MDB_val *v)
{
    unsigned char kb[512]; /* LMDB's largest key is 511 bytes */
    if (k->mv_size > sizeof kb)
        return MDB_BAD_VALSIZE;
    memcpy(kb, k->mv_data, k->mv_size);
    MDB_val kk = {k->mv_size, kb};
    return mdb_cursor_put(c, &kk, v, MDB_CURRENT);
}

int store_txn_error(const struct store_txn *t)
{
    return t->err;
}

int store_txn_fail(struct store_txn *t, int code, const char *msg)
{
    if (!t->err) {
        t->err = code;
        snprintf(t->msg, sizeof t->msg, "%s", msg ? msg : "");
    }
    return t->err;
}

int store_read_begin(struct store *s, struct store_txn **out, struct wt_error *err)
{
    MDB_txn *txn;
    int rc;
    for (int tries = 0;; tries++) {
        rc = mdb_txn_begin(s->env, NULL, MDB_RDONLY, &txn);
        if (rc == MDB_MAP_RESIZED && tries < 3) {
            mdb_env_set_mapsize(s->env, 0);
            continue;
        }
        if (rc == MDB_PANIC && tries < 3 && recover_panic(s) == 0)
            continue;
        if (rc == MDB_READERS_FULL && tries < 3) {
            int dead;
            mdb_reader_check(s->env, &dead);
            continue;
        }
        break;
    }
    if (rc) {
        *out = NULL;
        return wt_error_set(err, store_err_code(rc), "%s: %s", s->dir, store_err_text(rc));
    }
    store_hash_form(s, txn);
    struct store_txn *t = xcalloc(1, sizeof *t);
    t->s = s;
    t->txn = txn;
    *out = t;
    reading++;
    return 0;
}

int store_read_end(struct store_txn *t)
{
    if (!t)
        return 0;
    int rc = t->err;
    reading--;
    mdb_txn_abort(t->txn);
    store_case_memo_free(t);
    free(t);
    return rc;
}

int store_lock_writer(struct store *s, struct wt_error *err)
{
    if (s->lockfd < 0)
        return wt_error_set(err, WT_EIO, _("%s: de database is alleen te lezen"), s->dir);
    struct timespec pause = {0, 10L * 1000 * 1000};
    for (int waited = 0;; waited += 10) {
        if (flock(s->lockfd, LOCK_EX | LOCK_NB) == 0)
            return 0;
        if (errno != EWOULDBLOCK && errno != EINTR)
            return wt_error_set(err, WT_EIO, "%s: %s", s->dir, store_err_text(errno));
        if (waited >= s->lock_timeout_ms)
            return wt_error_set(err, WT_EBUSY,
                                _("%s: de database is bezig met een andere wijziging; probeer "
                                  "het zo nog eens"), s->dir);
        nanosleep(&pause, NULL);
    }
}

/* Bytes the disk can give the data file: its size now plus the free space. */
static size_t disk_room(struct store *s)
{
    struct statvfs vfs;
    struct stat st;
    char *data = xasprintf("%s/data.mdb", s->dir);
    int have = statvfs(s->dir, &vfs) == 0 && stat(data, &st) == 0;
    free(data);
    return have ? (size_t)st.st_size + (size_t)vfs.f_bavail * (size_t)vfs.f_frsize : SIZE_MAX;
}

/* True when the disk of the database has less than 1 MiB free. */
static bool disk_full_now(struct store *s)
{
    struct statvfs vfs;
    return statvfs(s->dir, &vfs) == 0 && (size_t)vfs.f_bavail * (size_t)vfs.f_frsize < ((size_t)1 << 20);
}

int store_reserve(struct store *s, size_t extra, struct wt_error *err)
{
    MDB_envinfo info;
    MDB_stat st;
    mdb_env_info(s->env, &info);
    mdb_env_stat(s->env, &st);
    size_t used = (info.me_last_pgno + 1) * (size_t)st.ms_psize;
    size_t want = used + extra;
    size_t room = disk_room(s);
    if (want > room)
        want = room;
    if (want <= info.me_mapsize)
        return 0;
    /* mdb_env_set_mapsize needs no transaction of this process open, and
     * holding the writer lock keeps other processes from growing it meanwhile. */
    int rc = store_lock_writer(s, err);
    if (rc)
        return rc;
    rc = mdb_env_set_mapsize(s->env, want);
    /* No room for that much address space (a memory limit): LMDB has let go
     * of its map, so the environment is opened again with the map it had. */
    if (rc && !reading && store_reopen_env(s, info.me_mapsize) != 0)
        rc = EIO;
    flock(s->lockfd, LOCK_UN);
    if (rc)
        return wt_error_set(err, store_err_code(rc), "%s: %s", s->dir, store_err_text(rc));
    return 0;
}

/* Grows the map after MDB_MAP_FULL; WT_EFULL when the disk has no room for it. */
static int grow_map(struct store *s, struct wt_error *err)
{
    MDB_envinfo info;
    mdb_env_info(s->env, &info);
    size_t cur = info.me_mapsize;
    size_t next = cur < ((size_t)64 << 20) ? cur * 4 : cur * 2;
    size_t room = disk_room(s);
    if (next > room)
        next = room;
    if (next <= cur)
        return wt_error_set(err, WT_EFULL, "%s: %s", s->dir, store_err_text(ENOSPC));
    int rc = mdb_env_set_mapsize(s->env, next);
    if (rc) {
        if (!reading) /* keep the environment usable, with the map it had */
            store_reopen_env(s, cur);
        return wt_error_set(err, store_err_code(rc), "%s: %s", s->dir, store_err_text(rc));
    }
    return 0;
}

int store_map_reserve(struct store *s, unsigned factor, struct wt_error *err)
{
    int rc = store_lock_writer(s, err);
    if (rc)
        return rc;
    MDB_envinfo info;
    MDB_stat st;
    mdb_env_info(s->env, &info);
    mdb_env_stat(s->env, &st);
    size_t used = ((size_t)info.me_last_pgno + 1) * st.ms_psize;
    size_t want = used * factor, room = disk_room(s);
    if (want > room)
        want = room;
    if (want > info.me_mapsize)
        rc = mdb_env_set_mapsize(s->env, want);
    flock(s->lockfd, LOCK_UN);
    return rc ? wt_error_set(err, store_err_code(rc), "%s: %s", s->dir, store_err_text(rc)) : 0;
}

int store_write_wait(struct store *s, int timeout_ms, store_write_fn fn, void *ctx,
                     struct wt_error *err)
{
    int keep = s->lock_timeout_ms;
    s->lock_timeout_ms = timeout_ms;
    int rc = store_write(s, fn, ctx, err);
    s->lock_timeout_ms = keep;
    return rc;
}

/* Forgets spool files taken by an aborted write: they stay for the next one. */
void store_spool_forget(struct store *s)
{
    for (size_t i = 0; i < s->nspool; i++)
        free(s->spool[i]);
    free(s->spool);
    s->spool = NULL;
    s->nspool = 0;
}

/* After a failed write of a meta page LMDB refuses every transaction of the
 * environment (MDB_PANIC) although the file on disk is sound: the environment
 * is opened again, when no transaction of this process is open. 0 when done. */
static int recover_panic(struct store *s)
{
    if (reading)
        return -1;
    size_t mapsize = store_map_size(s);
    mdb_env_close(s->env);
    s->env = NULL;
    return store_reopen_env(s, mapsize);
}

/* The keys a write may change (a rotation): put back when it does not commit,
 * so that a write run again after the map grew reads with the keys it had. */
struct keys_saved {
    bool unlocked[COMP_COUNT];
    unsigned char dkey[COMP_COUNT][32], hkey[COMP_COUNT][32];
    bool have_idkey; /* made from a secret a write that did not commit may have made */
    unsigned char idkey[32];
};

static void keys_save(const struct store *s, struct keys_saved *k)
{
    memcpy(k->unlocked, s->unlocked, sizeof k->unlocked);
    memcpy(k->dkey, s->dkey, sizeof k->dkey);
    memcpy(k->hkey, s->hkey, sizeof k->hkey);
    k->have_idkey = s->have_idkey;
    memcpy(k->idkey, s->idkey, sizeof k->idkey);
}

static void keys_restore(struct store *s, const struct keys_saved *k)
{
    s->have_idkey = k->have_idkey;
    memcpy(s->idkey, k->idkey, sizeof s->idkey);
    if (memcmp(k->dkey, s->dkey, sizeof k->dkey) == 0 &&
        memcmp(k->unlocked, s->unlocked, sizeof k->unlocked) == 0)
        return;
    memcpy(s->unlocked, k->unlocked, sizeof k->unlocked);
    memcpy(s->dkey, k->dkey, sizeof k->dkey);
    memcpy(s->hkey, k->hkey, sizeof k->hkey);
    store_hcache_clear(s);
}

static int store_write_keys(struct store *s, store_write_fn fn, void *ctx, struct wt_error *err,
                            const struct keys_saved *saved);

int store_write(struct store *s, store_write_fn fn, void *ctx, struct wt_error *err)
{
    struct keys_saved saved;
    keys_save(s, &saved);
    int rc = store_write_keys(s, fn, ctx, err, &saved);
    explicit_bzero(&saved, sizeof saved);
    return rc;
}

/* store_write, putting the keys back to saved whenever a try does not commit. */
static int store_write_keys(struct store *s, store_write_fn fn, void *ctx, struct wt_error *err,
                            const struct keys_saved *saved)
{
    int rc = store_lock_writer(s, err);
    if (rc)
        return rc;
    bool recovered = false;
    for (;;) {
        MDB_txn *txn;
        int mrc = mdb_txn_begin(s->env, NULL, 0, &txn);
        if (mrc == MDB_MAP_RESIZED) {
            mdb_env_set_mapsize(s->env, 0);
            continue;
        }
        if (mrc == MDB_PANIC && !recovered) {
            recovered = true;
            if (recover_panic(s) == 0)
                continue;
            mrc = EIO;
        }
        if (mrc) {
            rc = wt_error_set(err, store_err_code(mrc), "%s: %s", s->dir, store_err_text(mrc));
            break;
        }
        store_hash_form(s, txn);
        struct store_txn t = {.s = s, .txn = txn, .write = true};
        struct wt_error local = {0};
        store_spool_forget(s);
        reading++;
        rc = fn(&t, ctx, &local);
        reading--;
        store_case_memo_free(&t);
        if (t.mdb_rc == MDB_MAP_FULL) {
            mdb_txn_abort(txn);
            keys_restore(s, saved);
            if ((rc = grow_map(s, err)) != 0)
                break;
            continue;
        }
        if (!rc)
            rc = t.err;
        if (!rc)
            rc = store_case_seq_flush(&t);
        if (!rc)
            rc = store_sync_flush(&t);
        if (!rc)
            rc = store_meta_mac_put(&t); /* meta as committed is authenticated */
        if (rc) {
            mdb_txn_abort(txn);
            keys_restore(s, saved);
            if (local.code)
                wt_error_set(err, local.code, "%s", local.text);
            else
                wt_error_set(err, rc, "%s", t.msg);
            break;
        }
        mrc = mdb_txn_commit(txn);
        /* LMDB reports a short write as EIO: on a disk without room it is a full disk. */
        if (mrc == EIO && disk_full_now(s))
            mrc = ENOSPC;
        if (mrc)
            keys_restore(s, saved); /* nothing of the write holds */
        if (mrc == MDB_MAP_FULL) {
            if ((rc = grow_map(s, err)) != 0)
                break;
            continue;
        }
        if (mrc)
            rc = wt_error_set(err, store_err_code(mrc), "%s: %s", s->dir, store_err_text(mrc));
        else
            store_spool_done(s);
        break;
    }
    store_spool_forget(s);
    flock(s->lockfd, LOCK_UN);
    return rc;
}
