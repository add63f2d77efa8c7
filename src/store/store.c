/* store.c: opening the LMDB environment, transactions with a sticky error, map growth, records. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "par.h"
#include "store_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/xalloc.h"

#define DEFAULT_MAP (1u << 20)
#define DEFAULT_LOCK_TIMEOUT_MS 10000

static int lock_writer(struct store *s, struct wt_error *err);

/* Transactions of this process that are open now (see store_reading_now). */
static volatile sig_atomic_t reading;

int store_reading_now(void)
{
    return reading;
}
static void compact_if_pending(struct store *s);
static void spool_forget(struct store *s);

static const char *const kind_dbnames[WT_KIND_COUNT] = {
    "members", "cases", "signals", "resources", "talents", "actions"};

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

const char *store_dir(const struct store *s)
{
    return s->dir;
}

static int mkdir_p(const char *dir)
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

static int meta_schema(struct store *s, MDB_txn *txn, long *out)
{
    MDB_val k = {6, "schema"}, v;
    int rc = mdb_get(txn, s->meta, &k, &v);
    if (rc)
        return rc;
    char tmp[16] = "";
    memcpy(tmp, v.mv_data, v.mv_size < 15 ? v.mv_size : 15);
    *out = strtol(tmp, NULL, 10);
    return 0;
}

static int open_dbis(struct store *s, MDB_txn *txn, unsigned flags)
{
    int rc = 0;
    for (int k = 0; k < WT_KIND_COUNT && !rc; k++)
        rc = mdb_dbi_open(txn, kind_dbnames[k], flags, &s->kinds[k]);
    static const char *const idx_names[WT_KIND_COUNT] = {
        "index.members", "index.cases", "index.signals", "index.resources", "index.talents",
        "index.actions"};
    for (int k = 0; k < WT_KIND_COUNT && !rc; k++)
        rc = mdb_dbi_open(txn, idx_names[k], flags, &s->idx[k]);
    if (!rc)
        rc = mdb_dbi_open(txn, "meta", flags, &s->meta);
    if (!rc)
        rc = mdb_dbi_open(txn, "casekeys", flags, &s->casekeys);
    if (!rc)
        rc = mdb_dbi_open(txn, "log", flags, &s->log);
    if (!rc)
        rc = mdb_dbi_open(txn, "review", flags, &s->review);
    if (!rc)
        rc = mdb_dbi_open(txn, "clock", flags, &s->clock);
    if (!rc)
        rc = mdb_dbi_open(txn, "tombs", flags, &s->tombs);
    return rc;
}

/* Migrations: step from version v to v + 1.
 * 1 -> 2: schema 1 kept no secondary indexes; they are built from the records.
 * 2 -> 3: the one "index" database became one "index.KIND" per kind, and the
 *         access log, review queue and case keys got their databases (opened
 *         with MDB_CREATE already); the indexes are rebuilt.
 * 3 -> 4: "clock" and "tombs" for bundles (opened with MDB_CREATE); records
 *         without clocks count as changed at HLC 0.
 * 4 -> 5: clock values rewritten in the compact format 2 (sync.c).
 * 5 -> 6: clocks and tombstones get tags (integrity.c); on an encrypted
 *         database that needs the general key and what names a case moves
 *         under the case key, at the first unlock with the keys (keymigrate.c).
 *         The step number keeps older programs from misreading the new formats. */
static int migrate(struct store_txn *t, long from)
{
    bool rebuild = false;
    for (long v = from; v < STORE_SCHEMA_VERSION && !t->err; v++) {
        if (v == 1 || v == 2)
            rebuild = true;
        if (v == 2) {
            MDB_dbi old;
            if (mdb_dbi_open(t->txn, "index", 0, &old) == 0)
                mdb_drop(t->txn, old, 1);
        }
        if (v == 4)
            store_clock_migrate(t);
        if (v == 5 && !t->s->encrypted) /* encrypted: at unlock (keymigrate.c) */
            store_clock_tag_all(t);
    }
    if (rebuild)
        index_rebuild(t);
    return t->err;
}

static int create_or_migrate(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx;
    (void)err;
    struct store *s = t->s;
    int rc = open_dbis(s, t->txn, MDB_CREATE);
    if (rc)
        return store_txn_mdb_fail(t, rc, s->dir);
    long schema = 0;
    rc = meta_schema(s, t->txn, &schema);
    if (rc == MDB_NOTFOUND) {
        char today[16];
        time_t now = time(NULL);
        strftime(today, sizeof today, "%Y-%m-%d", localtime(&now));
        store_meta_put(t, "created", today);
        store_meta_put(t, "clock-tags", "1"); /* every clock is tagged from the start */
        store_short_hash_on(t);
    } else if (rc) {
        return store_txn_mdb_fail(t, rc, s->dir);
    } else if (schema > STORE_SCHEMA_VERSION) {
        return store_txn_fail(t, WT_EVERSION, "");
    } else if (schema < STORE_SCHEMA_VERSION) {
        migrate(t, schema < 1 ? 1 : schema);
    }
    char v[16];
    snprintf(v, sizeof v, "%d", STORE_SCHEMA_VERSION);
    return store_meta_put(t, "schema", v);
}

static void hash_form(struct store *s, MDB_txn *txn);

static int version_error(struct store *s, long schema, struct wt_error *err)
{
    return wt_error_set(err, WT_EVERSION,
                        _("%s: de database is van een nieuwere versie (schema %ld); deze wijktafel "
                          "kent schema %d: werk wijktafel bij"),
                        s->dir, schema, STORE_SCHEMA_VERSION);
}

/* Opens the named databases in a read transaction when they exist; otherwise
 * (a new or older database) creates or migrates them in a write transaction.
 * A data file that was there before but holds no schema is damaged, or not a
 * wijktafel database: it is refused, never silently made anew. */
static int open_schema(struct store *s, bool existed, struct wt_error *err)
{
    MDB_txn *txn;
    int rc;
    /* Another program may grow the map between our open and this read. */
    for (int tries = 0; (rc = mdb_txn_begin(s->env, NULL, MDB_RDONLY, &txn)) == MDB_MAP_RESIZED &&
                        tries < 5;
         tries++)
        mdb_env_set_mapsize(s->env, 0);
    if (rc)
        return wt_error_set(err, store_err_code(rc), "%s: %s", s->dir, store_err_text(rc));
    long schema = -1;
    int mrc = mdb_dbi_open(txn, "meta", 0, &s->meta);
    if (!mrc)
        mrc = meta_schema(s, txn, &schema);
    rc = mrc ? mrc : open_dbis(s, txn, 0);
    if (!rc) {
        MDB_val ck = {6, "crypto"}, cv;
        s->encrypted = mdb_get(txn, s->meta, &ck, &cv) == 0;
        hash_form(s, txn);
    }
    /* Handles opened in a transaction live on only if it commits. */
    if (!rc)
        rc = mdb_txn_commit(txn);
    else
        mdb_txn_abort(txn);
    if (existed && mrc == MDB_NOTFOUND)
        return wt_error_set(err, WT_ECORRUPT,
                            _("%s: het databasebestand is beschadigd of geen wijktafel-database "
                              "(zet een reservekopie terug)"),
                            s->dir);
    if (mrc && mrc != MDB_NOTFOUND)
        return wt_error_set(err, store_err_code(mrc), "%s: %s", s->dir, store_err_text(mrc));
    if (!rc && schema == STORE_SCHEMA_VERSION)
        return 0;
    if (schema > STORE_SCHEMA_VERSION)
        return version_error(s, schema, err);
    if (rc && rc != MDB_NOTFOUND)
        return wt_error_set(err, store_err_code(rc), "%s: %s", s->dir, store_err_text(rc));
    if (s->readonly)
        return wt_error_set(err, WT_EIO, _("%s: de database moet worden bijgewerkt, maar is "
                                           "alleen te lezen"), s->dir);
    struct wt_error e2 = {0};
    rc = store_write(s, create_or_migrate, NULL, &e2);
    if (rc == WT_EVERSION)
        return version_error(s, schema, err);
    if (rc)
        return wt_error_set(err, rc, "%s", e2.text);
    return 0;
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
    if (!exists && mkdir_p(dir) != 0)
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
    if ((rc = lock_open(s, err)) != 0 || (rc = open_schema(s, exists, err)) != 0) {
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
    spool_forget(s);
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
static int reopen_env(struct store *s, size_t mapsize)
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
        rc = open_dbis(s, txn, 0);
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
    int rc = lock_writer(s, err);
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
        int rrc = reopen_env(s, mapsize);
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

static int recover_panic(struct store *s);

/* The form of the index hashes is what the transaction sees in meta: a
 * re-keying that did not commit, here or in another program, changes it
 * back. */
static void hash_form(struct store *s, MDB_txn *txn)
{
    if (!s->encrypted)
        return;
    MDB_val k = {10, "index-hash"}, v;
    bool want = mdb_get(txn, s->meta, &k, &v) == 0 && v.mv_size == 1 &&
                *(const char *)v.mv_data == '2';
    if (want != s->short_hash) {
        s->short_hash = want;
        store_hcache_clear(s);
    }
}

int store_short_hash_on(struct store_txn *t)
{
    if (t->err || t->s->short_hash)
        return t->err;
    t->s->short_hash = true;
    store_hcache_clear(t->s);
    return store_meta_put(t, "index-hash", "2");
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
    hash_form(s, txn);
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
    free(t);
    return rc;
}

static int lock_writer(struct store *s, struct wt_error *err)
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
    int rc = lock_writer(s, err);
    if (rc)
        return rc;
    rc = mdb_env_set_mapsize(s->env, want);
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
    if (rc)
        return wt_error_set(err, store_err_code(rc), "%s: %s", s->dir, store_err_text(rc));
    return 0;
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
static void spool_forget(struct store *s)
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
    return reopen_env(s, mapsize);
}

int store_write(struct store *s, store_write_fn fn, void *ctx, struct wt_error *err)
{
    int rc = lock_writer(s, err);
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
        hash_form(s, txn);
        struct store_txn t = {.s = s, .txn = txn, .write = true};
        struct wt_error local = {0};
        spool_forget(s);
        reading++;
        rc = fn(&t, ctx, &local);
        reading--;
        if (t.mdb_rc == MDB_MAP_FULL) {
            mdb_txn_abort(txn);
            if ((rc = grow_map(s, err)) != 0)
                break;
            continue;
        }
        if (!rc)
            rc = t.err;
        if (!rc)
            rc = store_sync_flush(&t);
        if (!rc)
            rc = store_meta_mac_put(&t); /* meta as committed is authenticated */
        if (rc) {
            mdb_txn_abort(txn);
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
    spool_forget(s);
    flock(s->lockfd, LOCK_UN);
    return rc;
}

static MDB_val id_key(const char *id)
{
    MDB_val k = {strlen(id), (void *)id};
    return k;
}

int store_get(struct store_txn *t, enum wt_kind kind, const char *id, struct wt_record *out)
{
    record_init(out, kind);
    if (t->err)
        return t->err;
    MDB_val k = id_key(id), v;
    int rc = mdb_get(t->txn, t->s->kinds[kind], &k, &v);
    if (rc == MDB_NOTFOUND)
        return WT_ENOTFOUND;
    if (rc)
        return store_txn_mdb_fail(t, rc, id);
    record_fini(out);
    return store_value_read(t, kind, id, v.mv_data, v.mv_size, out);
}

bool store_exists(struct store_txn *t, enum wt_kind kind, const char *id)
{
    if (t->err)
        return false;
    MDB_val k = id_key(id), v;
    return mdb_get(t->txn, t->s->kinds[kind], &k, &v) == 0;
}

int store_put(struct store_txn *t, const struct wt_record *r)
{
    if (t->err)
        return t->err;
    if (!t->write)
        return store_txn_fail(t, WT_EIO, "read-only transaction");
    struct wt_record old;
    int rc = store_get(t, r->kind, r->v[0], &old);
    if (rc == 0)
        index_del_record(t, &old);
    store_sync_stamp(t, rc == 0 ? &old : NULL, r);
    record_fini(&old);
    if (t->err)
        return t->err;
    unsigned char *val;
    size_t len;
    if (store_value_make(t, r, &val, &len) != 0)
        return t->err;
    MDB_val k = id_key(r->v[0]), v = {len, val};
    rc = mdb_put(t->txn, t->s->kinds[r->kind], &k, &v, 0);
    free(val);
    if (rc)
        return store_txn_mdb_fail(t, rc, r->v[0]);
    return index_put_record(t, r);
}

struct key_arena {
    struct buf bytes;
    size_t *offs, *lens;
    size_t n, cap;
};

static int collect_key(void *ctx, const MDB_val *key)
{
    struct key_arena *a = ctx;
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 1024;
        a->offs = xrealloc(a->offs, a->cap * sizeof *a->offs);
        a->lens = xrealloc(a->lens, a->cap * sizeof *a->lens);
    }
    a->offs[a->n] = a->bytes.len;
    a->lens[a->n++] = key->mv_size;
    buf_append(&a->bytes, key->mv_data, key->mv_size);
    return 0;
}

/* The id a key of a kind's database stands for (cut at WT_MAX_ID). */
static void key_id(const MDB_val *k, char id[WT_MAX_ID + 1])
{
    size_t il = k->mv_size < WT_MAX_ID ? k->mv_size : WT_MAX_ID;
    memcpy(id, k->mv_data, il);
    id[il] = '\0';
}

/* A value that cannot be read comes to store_each's caller as a record with
 * only its id, marked damaged: one damaged value does not hide the others,
 * and the caller decides (show "beschadigd", refuse to export, skip). */
static void make_damaged(struct wt_record *r, enum wt_kind kind, const char *id)
{
    record_fini(r);
    record_init(r, kind);
    r->v[0] = xstrdup(id);
    r->damaged = true;
}

/* qsort_r order of record indexes (ctx: the records) by id. */
static int cmp_rec_ids(const void *a, const void *b, void *ctx)
{
    const struct wt_record *const *recs = ctx;
    return strcmp(recs[*(const size_t *)a]->v[0], recs[*(const size_t *)b]->v[0]);
}

struct store_batch {
    /* What the helpers seal and hash with: the store as the batch began (its
     * keys and index hash form), apart from anything the store's own thread
     * changes meanwhile. Its values are used only while the store's keys are
     * still those (the same generation of hash tables). */
    struct store snap;
    struct par *par; /* sealing helpers; NULL when there is nothing to seal */
    const struct wt_record **recs;
    size_t n, cap;
};

/* What a helper makes of a record: its sealed value and its index keys. */
struct batch_out {
    struct store_sealed *sv;
    struct buf keys; /* [length, 2 bytes big-endian][key] for each */
};

static int collect_into(void *ctx, const MDB_val *key)
{
    unsigned char *at = (unsigned char *)buf_extend(ctx, 2 + key->mv_size);
    at[0] = (unsigned char)(key->mv_size >> 8);
    at[1] = (unsigned char)key->mv_size;
    memcpy(at + 2, key->mv_data, key->mv_size);
    return 0;
}

static void *seal_one(void *ctx, void *in)
{
    struct store_batch *b = ctx;
    struct batch_out *o = xcalloc(1, sizeof *o);
    o->sv = store_seal_record(&b->snap, in);
    if (o->sv) /* hashing the index values is part of the encryption's cost */
        index_each_key(&b->snap, in, collect_into, &o->keys);
    return o;
}

static void sealed_free(void *ctx, void *out)
{
    (void)ctx;
    struct batch_out *o = out;
    if (!o) /* a job with no result (the log's) */
        return;
    store_sealed_free(o->sv);
    buf_fini(&o->keys);
    free(o);
}

void store_set_helpers(int n)
{
    par_set_helpers(n);
}

struct store_batch *store_batch_new(struct store *s, enum wt_kind kind)
{
    struct store_batch *b = xcalloc(1, sizeof *b);
    b->snap = *s;
    if (s->encrypted && s->unlocked[store_comp_of(kind)])
        b->par = par_new(seal_one, b, store_thread_end);
    return b;
}

void store_batch_add(struct store_batch *b, const struct wt_record *r)
{
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 256;
        b->recs = xrealloc(b->recs, b->cap * sizeof(const struct wt_record *));
    }
    b->recs[b->n++] = r;
    if (b->par)
        par_add(b->par, (void *)r);
}

void store_batch_free(struct store_batch *b)
{
    if (!b)
        return;
    par_free(b->par, sealed_free);
    sodium_memzero(&b->snap, sizeof b->snap);
    free(b->recs);
    free(b);
}

static int put_many(struct store_txn *t, const struct wt_record *const *recs, size_t n,
                    struct store_batch *b);

int store_batch_put(struct store_txn *t, struct store_batch *b)
{
    return put_many(t, b->recs, b->n, b);
}

int store_batch_put_logged(struct store_txn *t, struct store_batch *b, struct store_log_entry *e,
                           size_t n)
{
    struct store_log_batch *lb = store_log_batch_begin(t, e, n, b->par);
    put_many(t, b->recs, b->n, b);
    return store_log_batch_finish(t, lb);
}

int store_put_many(struct store_txn *t, const struct wt_record *const *recs, size_t n)
{
    return put_many(t, recs, n, NULL);
}

static int put_many(struct store_txn *t, const struct wt_record *const *recs, size_t n,
                    struct store_batch *b)
{
    if (t->err || n == 0)
        return t->err;
    if (!t->write)
        return store_txn_fail(t, WT_EIO, "read-only transaction");
    enum wt_kind kind = recs[0]->kind;
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->kinds[kind], &c);
    if (rc)
        return store_txn_mdb_fail(t, rc, record_kind(kind)->name);
    MDB_val last, lv;
    bool have_last = mdb_cursor_get(c, &last, &lv, MDB_LAST) == 0;
    char lastid[WT_MAX_ID + 1] = "";
    if (have_last)
        memcpy(lastid, last.mv_data, last.mv_size < WT_MAX_ID ? last.mv_size : WT_MAX_ID);
    /* Records that replace others first lose their old index entries; an id
     * beyond the last one in the database is new without a look-up. */
    bool *existed = xcalloc(n, sizeof *existed);
    for (size_t i = 0; i < n && !t->err; i++) {
        if (!have_last)
            break;
        if (strcmp(recs[i]->v[0], lastid) > 0)
            continue;
        struct wt_record old;
        int grc = store_get(t, kind, recs[i]->v[0], &old);
        if (grc == 0)
            index_del_record(t, &old);
        existed[i] = grc == 0;
        record_fini(&old);
    }
    size_t *order = xmalloc(n * sizeof *order);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    qsort_r(order, n, sizeof *order, cmp_rec_ids, (void *)recs);
    /* The clocks, in id order: their pages are written one after another. */
    store_sync_batch_begin(t);
    for (size_t k = 0; k < n && !t->err; k++) {
        size_t i = order[k];
        struct wt_record old;
        bool have = existed[i] && store_get(t, kind, recs[i]->v[0], &old) == 0;
        if (!have)
            record_init(&old, kind);
        store_sync_stamp(t, have ? &old : NULL, recs[i]);
        record_fini(&old);
    }
    store_sync_batch_end(t);
    free(existed);
    if (t->err) {
        mdb_cursor_close(c);
        free(order);
        return t->err;
    }
    struct key_arena keys = {0};
    if (kind == WT_CASES)
        store_casekey_batch_begin(t);
    for (size_t i = 0; i < n && !rc; i++) {
        const struct wt_record *r = recs[order[i]];
        bool append = !have_last || strcmp(r->v[0], lastid) > 0;
        /* Sealed by the batch's helpers, when there are some (the same
         * sealed values again when the write is done over). */
        struct batch_out *bo = b && b->par && b->snap.hgen == t->s->hgen
                                   ? par_need(b->par, order[i])
                                   : NULL;
        const struct store_sealed *sv = bo ? bo->sv : NULL;
        if ((sv ? store_value_put_sealed(t, c, r, sv, append ? MDB_APPEND : 0)
                : store_value_put(t, c, r, append ? MDB_APPEND : 0)) != 0)
            break;
        if (!sv) {
            index_each_key(t->s, r, collect_key, &keys);
            continue;
        }
        const unsigned char *p = (const unsigned char *)bo->keys.data;
        const unsigned char *end = p + bo->keys.len;
        while (p + 2 <= end) {
            MDB_val k = {(size_t)p[0] << 8 | p[1], (void *)(p + 2)};
            collect_key(&keys, &k);
            p += 2 + k.mv_size;
        }
    }
    store_casekey_batch_end(t);
    mdb_cursor_close(c);
    free(order);
    if (rc || t->err) {
        buf_fini(&keys.bytes);
        free(keys.offs);
        free(keys.lens);
        return t->err ? t->err : store_txn_mdb_fail(t, rc, record_kind(kind)->name);
    }
    MDB_val *kv = xmalloc((keys.n ? keys.n : 1) * sizeof *kv);
    for (size_t i = 0; i < keys.n; i++) {
        kv[i].mv_size = keys.lens[i];
        kv[i].mv_data = keys.bytes.data + keys.offs[i];
    }
    index_put_keys(t, kind, kv, keys.n);
    free(kv);
    buf_fini(&keys.bytes);
    free(keys.offs);
    free(keys.lens);
    return t->err;
}

int store_del(struct store_txn *t, enum wt_kind kind, const char *id)
{
    if (t->err)
        return t->err;
    struct wt_record old;
    int rc = store_get(t, kind, id, &old);
    if (rc == 0)
        index_del_record(t, &old);
    record_fini(&old);
    if (rc == WT_ENOTFOUND || t->err)
        return t->err ? t->err : rc;
    MDB_val k = id_key(id);
    rc = mdb_del(t->txn, t->s->kinds[kind], &k, NULL);
    if (rc && rc != MDB_NOTFOUND)
        return store_txn_mdb_fail(t, rc, id);
    /* A case's own key goes with it: what remains in freed pages cannot be read. */
    if (kind == WT_CASES)
        store_casekey_destroy(t, id);
    return store_sync_deleted(t, kind, id);
}

/* store_each on an encrypted database in a read transaction: the values are
 * opened on helper threads, at most EACH_WINDOW records ahead of the caller's
 * fn, which gets them in id order on its own thread. The values stay where
 * LMDB maps them (valid until the read transaction ends). */
#define EACH_PAR_MIN 512
#define EACH_WINDOW 1024

struct each_item {
    enum wt_kind kind;
    char id[WT_MAX_ID + 1];
    const unsigned char *val, *wkey;
    size_t len, wlen;
    int rc;
    struct wt_record r;
};

static void *open_one(void *ctx, void *in)
{
    const struct store *s = ctx;
    struct each_item *it = in;
    it->rc = store_value_open(s, it->kind, it->id, it->wkey, it->wlen, it->val, it->len, &it->r);
    return it;
}

static int each_par(struct store_txn *t, enum wt_kind kind, MDB_cursor *c, store_each_fn fn,
                    void *ctx)
{
    MDB_cursor *kc = NULL; /* the case keys, walked in step with the cases */
    MDB_val ck = {0, NULL}, cv = {0, NULL};
    bool have_key = false;
    int rc;
    if (kind == WT_CASES) {
        if ((rc = mdb_cursor_open(t->txn, t->s->casekeys, &kc)) != 0)
            return store_txn_mdb_fail(t, rc, "casekeys");
        have_key = mdb_cursor_get(kc, &ck, &cv, MDB_FIRST) == 0;
    }
    struct each_item *ring = xcalloc(EACH_WINDOW, sizeof *ring);
    /* The helpers open with the keys as they are now, whatever fn does. */
    struct store snap = *t->s;
    struct par *par = par_new(open_one, &snap, store_thread_end);
    MDB_val k, v;
    rc = mdb_cursor_get(c, &k, &v, MDB_FIRST);
    size_t added = 0, done = 0;
    int ret = 0;
    while (!ret) {
        /* Keep the helpers up to EACH_WINDOW records ahead. */
        while (rc == 0 && added < done + EACH_WINDOW) {
            struct each_item *it = &ring[added % EACH_WINDOW];
            it->kind = kind;
            key_id(&k, it->id);
            it->val = v.mv_data;
            it->len = v.mv_size;
            it->wkey = NULL;
            it->wlen = 0;
            while (have_key && store_key_cmp(&ck, &k) < 0)
                have_key = mdb_cursor_get(kc, &ck, &cv, MDB_NEXT) == 0;
            if (have_key && store_key_cmp(&ck, &k) == 0) {
                it->wkey = cv.mv_data;
                it->wlen = cv.mv_size;
            }
            par_add(par, it);
            added++;
            rc = mdb_cursor_get(c, &k, &v, MDB_NEXT);
        }
        if (done == added)
            break;
        struct each_item *it = par_need(par, done);
        if (it->rc == WT_ECORRUPT) {
            make_damaged(&it->r, kind, it->id);
            it->rc = 0;
        }
        ret = it->rc ? it->rc : fn(ctx, &it->r);
        record_fini(&it->r);
        done++;
    }
    /* Stopped early: what the helpers opened ahead is let go. */
    for (; done < added; done++)
        record_fini(&((struct each_item *)par_need(par, done))->r);
    par_free(par, NULL);
    sodium_memzero(&snap, sizeof snap);
    free(ring);
    if (kc)
        mdb_cursor_close(kc);
    if (rc && rc != MDB_NOTFOUND && !ret)
        return store_txn_mdb_fail(t, rc, record_kind(kind)->name);
    return ret;
}

int store_each(struct store_txn *t, enum wt_kind kind, store_each_fn fn, void *ctx)
{
    if (t->err)
        return t->err;
    if (!store_can_read(t->s, kind))
        return WT_EPERM;
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->kinds[kind], &c);
    if (rc)
        return store_txn_mdb_fail(t, rc, record_kind(kind)->name);
    MDB_stat st;
    if (t->s->encrypted && !t->write && par_helpers() > 0 &&
        mdb_stat(t->txn, t->s->kinds[kind], &st) == 0 && st.ms_entries >= EACH_PAR_MIN) {
        int prc = each_par(t, kind, c, fn, ctx);
        mdb_cursor_close(c);
        return prc;
    }
    MDB_val k, v;
    int ret = 0;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        struct wt_record r;
        char id[WT_MAX_ID + 1];
        key_id(&k, id);
        int drc = store_value_read(t, kind, id, v.mv_data, v.mv_size, &r);
        if (drc == WT_ECORRUPT) {
            make_damaged(&r, kind, id);
        } else if (drc) {
            record_fini(&r);
            ret = drc;
            break;
        }
        ret = fn(ctx, &r);
        record_fini(&r);
        if (ret)
            break;
    }
    mdb_cursor_close(c);
    if (rc && rc != MDB_NOTFOUND && !ret)
        return store_txn_mdb_fail(t, rc, record_kind(kind)->name);
    return ret;
}

int store_each_id(struct store_txn *t, enum wt_kind kind, const char *prefix, store_id_fn fn,
                  void *ctx)
{
    if (t->err)
        return t->err;
    if (!store_can_read(t->s, kind))
        return WT_EPERM;
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->kinds[kind], &c);
    if (rc)
        return store_txn_mdb_fail(t, rc, record_kind(kind)->name);
    size_t pl = strlen(prefix);
    MDB_val k = {pl, (void *)prefix}, v;
    int ret = 0;
    for (rc = mdb_cursor_get(c, &k, &v, pl ? MDB_SET_RANGE : MDB_FIRST); rc == 0 && !ret;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        if (k.mv_size < pl || memcmp(k.mv_data, prefix, pl) != 0)
            break;
        char id[WT_MAX_ID + 1];
        key_id(&k, id);
        ret = fn(ctx, id);
    }
    mdb_cursor_close(c);
    if (rc && rc != MDB_NOTFOUND && !ret)
        return store_txn_mdb_fail(t, rc, record_kind(kind)->name);
    return ret;
}

int store_count(struct store_txn *t, enum wt_kind kind, size_t *n)
{
    if (t->err)
        return t->err;
    MDB_stat st;
    int rc = mdb_stat(t->txn, t->s->kinds[kind], &st);
    if (rc)
        return store_txn_mdb_fail(t, rc, record_kind(kind)->name);
    *n = st.ms_entries;
    return 0;
}

const struct store_sealed_prefix store_sealed_prefixes[STORE_N_SEALED_PREFIXES] = {
    {"meeting/", COMP_CASE, false}, {"measure/", COMP_CASE, false}, {"round/", COMP_GEN, false},
    {"closed/", COMP_CASE, true}, /* a case's closing date */
    {"tombkey/case", COMP_CASE, false}, {"tombkey/gen", COMP_GEN, false}}; /* tomb.c */

/* The compartment whose key seals the meta value of key, or -1 when it is
 * stored plain (a plain database, or program data such as settings). */
static int meta_comp(const struct store *s, const char *key)
{
    if (!s->encrypted)
        return -1;
    for (size_t i = 0; i < STORE_N_SEALED_PREFIXES; i++)
        if (strncmp(key, store_sealed_prefixes[i].prefix,
                    strlen(store_sealed_prefixes[i].prefix)) == 0)
            return (int)store_sealed_prefixes[i].comp;
    return -1;
}

/* The plain text of a meta value; NULL (WT_EPERM or WT_ECORRUPT in *rc) when
 * it cannot be opened. */
char *store_meta_open(struct store_txn *t, const char *key, const MDB_val *v, int *rc)
{
    *rc = 0;
    int comp = meta_comp(t->s, key);
    if (comp < 0)
        return xstrndup(v->mv_data, v->mv_size);
    if (!t->s->unlocked[comp]) {
        *rc = WT_EPERM;
        return NULL;
    }
    unsigned char *p;
    size_t pl;
    if (store_unseal(t->s->dkey[comp], "meta", key, v->mv_data, v->mv_size, &p, &pl)) {
        *rc = WT_ECORRUPT;
        return NULL;
    }
    char *str = xstrndup((char *)p, pl);
    free(p);
    return str;
}

int store_meta_get(struct store_txn *t, const char *key, char **out)
{
    *out = NULL;
    if (t->err)
        return t->err;
    MDB_val k = id_key(key), v;
    int rc = mdb_get(t->txn, t->s->meta, &k, &v);
    if (rc == MDB_NOTFOUND)
        return WT_ENOTFOUND;
    if (rc)
        return store_txn_mdb_fail(t, rc, key);
    *out = store_meta_open(t, key, &v, &rc);
    return rc;
}

int store_meta_put(struct store_txn *t, const char *key, const char *value)
{
    if (t->err)
        return t->err;
    MDB_val k = id_key(key), v = {strlen(value), (void *)value};
    unsigned char *sealed = NULL;
    int comp = meta_comp(t->s, key);
    if (comp >= 0) {
        if (!t->s->unlocked[comp])
            return store_txn_fail(t, WT_EPERM, key);
        size_t sl;
        store_seal(t->s->dkey[comp], "meta", key, (const unsigned char *)value, strlen(value),
                   &sealed, &sl);
        v.mv_size = sl;
        v.mv_data = sealed;
    }
    int rc = mdb_put(t->txn, t->s->meta, &k, &v, 0);
    free(sealed);
    if (rc)
        return store_txn_mdb_fail(t, rc, key);
    return 0;
}

int store_meta_del(struct store_txn *t, const char *key)
{
    if (t->err)
        return t->err;
    MDB_val k = id_key(key);
    int rc = mdb_del(t->txn, t->s->meta, &k, NULL);
    if (rc && rc != MDB_NOTFOUND)
        return store_txn_mdb_fail(t, rc, key);
    return 0;
}

int store_meta_del_prefix(struct store_txn *t, const char *prefix)
{
    if (t->err)
        return t->err;
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->meta, &c);
    if (rc)
        return store_txn_mdb_fail(t, rc, "meta");
    size_t pl = strlen(prefix);
    for (;;) {
        MDB_val k = {pl, (void *)prefix}, v;
        rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE);
        if (rc || k.mv_size < pl || memcmp(k.mv_data, prefix, pl) != 0)
            break;
        if ((rc = mdb_cursor_del(c, 0)) != 0)
            break;
    }
    mdb_cursor_close(c);
    if (rc && rc != MDB_NOTFOUND)
        return store_txn_mdb_fail(t, rc, prefix);
    return 0;
}

int store_meta_each(struct store_txn *t, const char *prefix, store_meta_fn fn, void *ctx)
{
    if (t->err)
        return t->err;
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->meta, &c);
    if (rc)
        return store_txn_mdb_fail(t, rc, "meta");
    size_t pl = strlen(prefix);
    MDB_val k = {pl, (void *)prefix}, v;
    int ret = 0;
    for (rc = mdb_cursor_get(c, &k, &v, pl ? MDB_SET_RANGE : MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        if (k.mv_size < pl || memcmp(k.mv_data, prefix, pl) != 0)
            break;
        char *key = xstrndup(k.mv_data, k.mv_size);
        int orc;
        char *val = store_meta_open(t, key, &v, &orc);
        if (val)
            ret = fn(ctx, key, val);
        free(key);
        free(val);
        if (ret)
            break;
    }
    mdb_cursor_close(c);
    return ret;
}

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
    if (mkdir_p(dest) != 0) {
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
