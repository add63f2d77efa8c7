/* schema.c: the named databases, the schema version and its migrations, the index hash form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_int.h"
#include "wijktafel/i18n.h"

static const char *const kind_dbnames[WT_KIND_COUNT] = {
    "members", "cases", "signals", "resources", "talents", "actions", "projects", "partners"};

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

int store_open_dbis(struct store *s, MDB_txn *txn, unsigned flags)
{
    int rc = 0;
    for (int k = 0; k < WT_KIND_COUNT && !rc; k++)
        rc = mdb_dbi_open(txn, kind_dbnames[k], flags, &s->kinds[k]);
    static const char *const idx_names[WT_KIND_COUNT] = {
        "index.members", "index.cases", "index.signals", "index.resources", "index.talents",
        "index.actions", "index.projects", "index.partners"};
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
 *         The step number keeps older programs from misreading the new formats.
 * 6 -> 7: nothing to rewrite at open: the access log's entries of a batch
 *         after its first no longer repeat the batch's key and nonce (entry
 *         format 4, journal.c), and an encrypted database's cases move under
 *         sequence numbers at the first unlock with the case key (caseseq.c);
 *         a program of schema 6 can read neither, and the step keeps it from
 *         opening such a file. */
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
    int rc = store_open_dbis(s, t->txn, MDB_CREATE);
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
    } else {
        /* Only named databases were missing (a kind added since, such as
         * projects and partners): created above. Meta is not touched, so its
         * digest, which needs the keys, stays valid. */
        return 0;
    }
    char v[16];
    snprintf(v, sizeof v, "%d", STORE_SCHEMA_VERSION);
    return store_meta_put(t, "schema", v);
}

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
int store_open_schema(struct store *s, bool existed, struct wt_error *err)
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
    rc = mrc ? mrc : store_open_dbis(s, txn, 0);
    /* Also when a kind's database is missing (added since): the write that
     * creates it must know whether the database is encrypted. */
    if (!mrc) {
        MDB_val ck = {6, "crypto"}, cv;
        s->encrypted = mdb_get(txn, s->meta, &ck, &cv) == 0;
        store_hash_form(s, txn);
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

/* The form of the index hashes is what the transaction sees in meta: a
 * re-keying that did not commit, here or in another program, changes it
 * back. */
void store_hash_form(struct store *s, MDB_txn *txn)
{
    if (!s->encrypted)
        return;
    MDB_val ck = {11, "case-clocks"}, cv;
    s->case_clocks = mdb_get(txn, s->meta, &ck, &cv) == 0;
    MDB_val ik = {8, "case-ids"};
    s->case_ids = mdb_get(txn, s->meta, &ik, &cv) == 0;
    MDB_val sk = {8, "case-seq"};
    s->case_seq = mdb_get(txn, s->meta, &sk, &cv) == 0;
    MDB_val xk = {10, "case-index"};
    s->case_index = mdb_get(txn, s->meta, &xk, &cv) == 0;
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
