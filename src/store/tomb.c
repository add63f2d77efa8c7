/* tomb.c: tombstones of an encrypted database under a keyed hash of the id, the id sealed;
 * the keyed tokens that hide meta names naming a case (meta.c). */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/xalloc.h"

/* The compartment's tombstone secret: 32 random bytes, kept in meta as hex
 * under "tombkey/gen" or "tombkey/case", sealed like the compartment's other
 * meta values (store_sealed_prefixes), so that rotation reseals it and never
 * changes it. Cached in the transaction; made when create and none exists.
 * False in a plain database, a locked compartment, or without one. */
static bool tomb_secret(struct store_txn *t, enum store_comp c, bool create)
{
    if (!t->s->encrypted || !t->s->unlocked[c] || t->err)
        return false;
    if (t->tkey_state[c] == 1)
        return true;
    if (t->tkey_state[c] == -1 && !create)
        return false;
    const char *name = c == COMP_CASE ? "tombkey/case" : "tombkey/gen";
    char *hex = NULL;
    if (store_meta_get(t, name, &hex) == 0 && strlen(hex) == 64 &&
        sodium_hex2bin(t->tkey[c], 32, hex, 64, NULL, NULL, NULL) == 0) {
        free(hex);
        t->tkey_state[c] = 1;
        return true;
    }
    free(hex);
    if (!create || !t->write) {
        t->tkey_state[c] = -1;
        return false;
    }
    char text[65];
    randombytes_buf(t->tkey[c], 32);
    sodium_bin2hex(text, sizeof text, t->tkey[c], 32);
    store_meta_put(t, name, text);
    sodium_memzero(text, sizeof text);
    t->tkey_state[c] = t->err ? -1 : 1;
    return !t->err;
}

size_t tomb_key(struct store_txn *t, enum wt_kind kind, const char *id, bool create,
                unsigned char k[TOMB_KEY_LEN])
{
    enum store_comp c = store_comp_of(kind);
    if (!tomb_secret(t, c, create))
        return 0;
    k[0] = (unsigned char)kind;
    k[1] = TOMB_HASHED;
    crypto_generichash(k + 2, TOMB_HASH, (const unsigned char *)id, strlen(id), t->tkey[c], 32);
    return TOMB_KEY_LEN;
}

bool store_name_token(struct store_txn *t, const char *name, bool create,
                      char out[2 * STORE_NAME_TOKEN + 1])
{
    if (!tomb_secret(t, COMP_CASE, create))
        return false;
    /* A key of its own, derived from the secret: a name's token never
     * equals a tombstone's hash. */
    static const char ctx[] = "wijktafel meta names 1";
    unsigned char sub[32], tok[STORE_NAME_TOKEN];
    crypto_generichash(sub, sizeof sub, (const unsigned char *)ctx, sizeof ctx - 1,
                       t->tkey[COMP_CASE], 32);
    crypto_generichash(tok, sizeof tok, (const unsigned char *)name, strlen(name), sub,
                       sizeof sub);
    sodium_bin2hex(out, 2 * STORE_NAME_TOKEN + 1, tok, sizeof tok);
    sodium_memzero(sub, sizeof sub);
    return true;
}

bool store_case_idkey(struct store_txn *t, bool create)
{
    struct store *s = t->s;
    if (s->have_idkey)
        return true;
    if (!tomb_secret(t, COMP_CASE, create))
        return false;
    /* A key of its own, derived from the secret, as for meta names. */
    static const char ctx[] = "wijktafel case ids 1";
    crypto_generichash(s->idkey, sizeof s->idkey, (const unsigned char *)ctx, sizeof ctx - 1,
                       t->tkey[COMP_CASE], 32);
    s->have_idkey = true;
    return true;
}

/* The key as text: what binds the sealed id to its key. */
static void key_text(const unsigned char k[TOMB_KEY_LEN], char out[2 * TOMB_KEY_LEN + 1])
{
    sodium_bin2hex(out, 2 * TOMB_KEY_LEN + 1, k, TOMB_KEY_LEN);
}

size_t tomb_seal_id(struct store_txn *t, const unsigned char k[TOMB_KEY_LEN], const char *id,
                    unsigned char *out)
{
    char at[2 * TOMB_KEY_LEN + 1];
    key_text(k, at);
    size_t n = strlen(id);
    store_seal_into(t->tkey[store_comp_of((enum wt_kind)k[0])], "tomb", at,
                    (const unsigned char *)id, n, out);
    return STORE_SEAL_LEN(n);
}

int tomb_open_id(struct store_txn *t, const unsigned char *k, size_t klen,
                 const unsigned char *sealed, size_t slen, char id[WT_MAX_ID + 1])
{
    if (klen != TOMB_KEY_LEN || k[1] != TOMB_HASHED || k[0] >= WT_KIND_COUNT)
        return WT_ECORRUPT;
    enum wt_kind kind = (enum wt_kind)k[0];
    if (!tomb_secret(t, store_comp_of(kind), false))
        return WT_EPERM;
    char at[2 * TOMB_KEY_LEN + 1];
    key_text(k, at);
    unsigned char *plain = NULL;
    size_t plen = 0;
    if (store_unseal(t->tkey[store_comp_of(kind)], "tomb", at, sealed, slen, &plain, &plen) != 0)
        return WT_ECORRUPT;
    bool ok = plen >= 1 && plen <= WT_MAX_ID && !memchr(plain, 0, plen);
    if (ok) {
        memcpy(id, plain, plen);
        id[plen] = '\0';
        unsigned char again[TOMB_KEY_LEN];
        ok = tomb_key(t, kind, id, false, again) == TOMB_KEY_LEN &&
             memcmp(again, k, TOMB_KEY_LEN) == 0;
    }
    free(plain);
    return ok ? 0 : WT_ECORRUPT;
}

int store_tombs_hide(struct store_txn *t)
{
    if (t->err || !t->s->encrypted)
        return t->err;
    /* Collected first: the cursor must not walk what is being rewritten. */
    struct buf old = {0};
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->tombs, &c);
    if (rc)
        return store_txn_mdb_fail(t, rc, "tombs");
    MDB_val k, v;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        const unsigned char *p = k.mv_data;
        if (k.mv_size < 2 || k.mv_size > WT_MAX_ID + 1 || p[1] == TOMB_HASHED ||
            sync_tomb_body(v.mv_data, v.mv_size) != 25 ||
            p[0] >= WT_KIND_COUNT)
            continue;
        unsigned char len = (unsigned char)k.mv_size;
        buf_append(&old, &len, 1);
        buf_append(&old, k.mv_data, k.mv_size);
        buf_append(&old, v.mv_data, 25);
    }
    mdb_cursor_close(c);
    for (size_t at = 0; at < old.len && !t->err;) {
        size_t klen = (unsigned char)old.data[at];
        unsigned char *kb = (unsigned char *)old.data + at + 1, *vb = kb + klen;
        at += 1 + klen + 25;
        char id[WT_MAX_ID + 1];
        memcpy(id, kb + 1, klen - 1);
        id[klen - 1] = '\0';
        unsigned char hk[TOMB_KEY_LEN], val[25 + STORE_SEAL_LEN(WT_MAX_ID) + STORE_ITAG];
        MDB_val h = {tomb_key(t, (enum wt_kind)kb[0], id, true, hk), hk};
        if (!h.mv_size)
            continue; /* a locked compartment's: left for a member who can */
        memcpy(val, vb, 25);
        size_t body = 25 + tomb_seal_id(t, hk, id, val + 25);
        MDB_val nv = {sync_tomb_tag(t, &h, val, body), val}, ok = {klen, kb};
        if (!nv.mv_size)
            store_txn_fail(t, WT_EPERM, "tombs");
        else if ((rc = mdb_put(t->txn, t->s->tombs, &h, &nv, 0)) != 0 ||
            (rc = mdb_del(t->txn, t->s->tombs, &ok, NULL)) != 0)
            store_txn_mdb_fail(t, rc, "tombs");
    }
    sodium_memzero(old.data ? old.data : (char *)&old, old.data ? old.len : 0);
    buf_fini(&old);
    return t->err;
}
