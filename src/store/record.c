/* record.c: one record at a time: get, exists, put, delete, count. */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

int store_get(struct store_txn *t, enum wt_kind kind, const char *id, struct wt_record *out)
{
    record_init(out, kind);
    if (t->err)
        return t->err;
    unsigned char kb[CASE_KEY_LEN];
    MDB_val k = store_rec_key(t, kind, id, kb), v;
    if (!k.mv_size)
        return WT_EPERM; /* without the case key nobody can tell whether it exists */
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
    unsigned char kb[CASE_KEY_LEN];
    MDB_val k = store_rec_key(t, kind, id, kb), v;
    return k.mv_size && mdb_get(t->txn, t->s->kinds[kind], &k, &v) == 0;
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
    unsigned char kb[CASE_KEY_LEN];
    MDB_val k = store_rec_key_new(t, r->kind, r->v[0], kb), v = {len, val};
    rc = mdb_put(t->txn, t->s->kinds[r->kind], &k, &v, 0);
    free(val);
    if (rc)
        return store_txn_mdb_fail(t, rc, r->v[0]);
    if (r->kind == WT_CASES)
        store_case_idmax_note(t, r->v[0]);
    return index_put_record(t, r);
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
    unsigned char kb[CASE_KEY_LEN];
    MDB_val k = store_rec_key(t, kind, id, kb);
    rc = mdb_del(t->txn, t->s->kinds[kind], &k, NULL);
    if (rc && rc != MDB_NOTFOUND)
        return store_txn_mdb_fail(t, rc, id);
    /* A case's own key goes with it: what remains in freed pages cannot be read. */
    if (kind == WT_CASES)
        store_casekey_destroy(t, id);
    store_sync_deleted(t, kind, id); /* its clock goes, found through its number */
    if (kind == WT_CASES)
        store_case_unmap(t, id); /* its number is not given again */
    return t->err;
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
