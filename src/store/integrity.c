/* integrity.c: what is stored outside the sealed values is authenticated too (issue 19).
 *
 * Clocks and tombstones carry a 16-byte keyed BLAKE2b tag over their key and
 * value; meta carries one keyed BLAKE2b over all its keys and values
 * ("meta-mac"), computed again by every write that commits. The key derives
 * from the general key, so every member writes and verifies them and nobody
 * without a member's key can forge them. An unencrypted database has no key:
 * its tags are unkeyed hashes, which find damage but not a forger. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

bool store_ikey(const struct store *s, unsigned char key[32])
{
    static const unsigned char label[] = "wijktafel integrity v1";
    if (!s->encrypted) {
        crypto_generichash(key, 32, label, sizeof label - 1, NULL, 0);
        return true;
    }
    if (!s->unlocked[COMP_GEN])
        return false;
    crypto_generichash(key, 32, label, sizeof label - 1, s->dkey[COMP_GEN], 32);
    return true;
}

void store_itag(const unsigned char key[32], const char *what, const void *k, size_t klen,
                const void *v, size_t vlen, unsigned char tag[STORE_ITAG])
{
    crypto_generichash_state st;
    crypto_generichash_init(&st, key, 32, STORE_ITAG);
    crypto_generichash_update(&st, (const unsigned char *)what, strlen(what) + 1);
    unsigned char kl[2] = {(unsigned char)(klen >> 8), (unsigned char)klen};
    crypto_generichash_update(&st, kl, 2);
    crypto_generichash_update(&st, k, klen);
    crypto_generichash_update(&st, v, vlen);
    crypto_generichash_final(&st, tag, STORE_ITAG);
}

/* Meta keys outside the digest: the digest itself, the schema (written at
 * open, before any key; check compares it with this program's) and the
 * compaction mark (cleared at open; check allows only "1"). */
static bool meta_skipped(const MDB_val *k)
{
    static const char *const skip[] = {"meta-mac", "schema", "compact-pending"};
    for (size_t i = 0; i < sizeof skip / sizeof *skip; i++)
        if (k->mv_size == strlen(skip[i]) && memcmp(k->mv_data, skip[i], k->mv_size) == 0)
            return true;
    return false;
}

/* The digest of meta as this transaction sees it, in hex. */
static int meta_digest(struct store_txn *t, const unsigned char key[32], char hex[65])
{
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->meta, &c);
    if (rc)
        return store_txn_mdb_fail(t, rc, "meta");
    crypto_generichash_state st;
    crypto_generichash_init(&st, key, 32, 32);
    MDB_val k, v;
    while ((rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) == 0) {
        if (meta_skipped(&k))
            continue;
        unsigned char len[8];
        for (int i = 0; i < 4; i++) {
            len[i] = (unsigned char)(k.mv_size >> (24 - 8 * i));
            len[4 + i] = (unsigned char)(v.mv_size >> (24 - 8 * i));
        }
        crypto_generichash_update(&st, len, sizeof len);
        crypto_generichash_update(&st, k.mv_data, k.mv_size);
        crypto_generichash_update(&st, v.mv_data, v.mv_size);
    }
    mdb_cursor_close(c);
    unsigned char out[32];
    crypto_generichash_final(&st, out, sizeof out);
    sodium_bin2hex(hex, 65, out, sizeof out);
    return rc == MDB_NOTFOUND ? 0 : store_txn_mdb_fail(t, rc, "meta");
}

int store_meta_mac_put(struct store_txn *t)
{
    unsigned char key[32];
    if (t->err || !store_ikey(t->s, key))
        return t->err; /* no key open (a write at open): check says so */
    char hex[65];
    if (meta_digest(t, key, hex) == 0) {
        MDB_val k = {8, "meta-mac"}, v;
        int rc = mdb_get(t->txn, t->s->meta, &k, &v);
        if (rc != 0 || v.mv_size != 64 || memcmp(v.mv_data, hex, 64) != 0) {
            MDB_val nv = {64, hex};
            if ((rc = mdb_put(t->txn, t->s->meta, &k, &nv, 0)) != 0)
                store_txn_mdb_fail(t, rc, "meta-mac");
        }
    }
    sodium_memzero(key, sizeof key);
    return t->err;
}

int store_meta_mac_check(struct store_txn *t)
{
    unsigned char key[32];
    if (!store_ikey(t->s, key))
        return WT_EPERM;
    MDB_val k = {8, "meta-mac"}, v;
    int rc = mdb_get(t->txn, t->s->meta, &k, &v);
    char hex[65];
    if (rc == 0 && meta_digest(t, key, hex) == 0)
        rc = v.mv_size == 64 && sodium_memcmp(v.mv_data, hex, 64) == 0 ? 0 : WT_ECORRUPT;
    else
        rc = rc == MDB_NOTFOUND ? WT_ENOTFOUND : WT_ECORRUPT;
    sodium_memzero(key, sizeof key);
    return rc;
}
