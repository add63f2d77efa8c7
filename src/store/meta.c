/* meta.c: the meta database: settings and notes, sealed by prefix in an encrypted database. */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/xalloc.h"

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
    MDB_val k = store_id_key(key), v;
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
    MDB_val k = store_id_key(key), v = {strlen(value), (void *)value};
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
    MDB_val k = store_id_key(key);
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
