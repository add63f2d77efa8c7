/* logseal.c: the access log's keys in an encrypted database (entry format 3).
 *
 * Every member appends to the log, but only a member with the case key may
 * read it: an entry names cases. So entries are sealed to a public key (an
 * X25519 key pair derived from the case key): a writer draws an ephemeral key
 * pair per batch, derives a symmetric key from the shared secret, and seals
 * each entry with XChaCha20-Poly1305 under it. The public key is kept in meta
 * ("log-key"), sealed with the general key, for members without the case key;
 * a member with the case key derives it instead of trusting meta.
 *
 * The chain runs over the stored (sealed) values, keyed with a key derived
 * from the general key: every member can verify that no entry was removed,
 * changed or moved, without reading one, and nobody without a member's key
 * can forge the chain. Stored value: [3][previous tag 32][ephemeral public
 * key 32][sealed text]; tag = keyed BLAKE2b(chain key; seq (8 bytes BE) ||
 * value).
 *
 * Format 4 (issue 19, point 5: an import logs one entry per case): the
 * entries of a batch after its first are [4][previous tag 32][ciphertext and
 * tag of the text], sealed with the same batch key as the format 3 entry that
 * begins the batch, the nonce and associated data made of the entry's number
 * (store_log_seal_next). They do not repeat the 32-byte ephemeral key nor
 * carry a 24-byte random nonce: 57 bytes less an entry. A reader walking the
 * log in order opens them with the key of that first entry. A batch always begins with format 3 (so does
 * every rewrite, and every entry after one that did not open). */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/xalloc.h"

/* The first byte of an entry of format 3. */
#define LOG_V3 3

void store_log_keypair(const unsigned char case_key[32], unsigned char pk[32],
                       unsigned char sk[32])
{
    static const unsigned char label[] = "wijktafel log key v1";
    unsigned char seed[crypto_box_SEEDBYTES];
    crypto_generichash(seed, sizeof seed, label, sizeof label - 1, case_key, 32);
    crypto_box_seed_keypair(pk, sk, seed);
    sodium_memzero(seed, sizeof seed);
}

void store_log_chainkey(const unsigned char gen_key[32], unsigned char ck[32])
{
    static const unsigned char label[] = "wijktafel log chain v1";
    crypto_generichash(ck, 32, label, sizeof label - 1, gen_key, 32);
}

/* The symmetric key between an ephemeral and the log's key pair. */
static int shared_key(const unsigned char my_sk[32], const unsigned char their_pk[32],
                      const unsigned char eph_pk[32], const unsigned char log_pk[32],
                      unsigned char k[32])
{
    unsigned char q[crypto_scalarmult_BYTES];
    if (crypto_scalarmult(q, my_sk, their_pk) != 0)
        return WT_ECORRUPT;
    crypto_generichash_state st;
    crypto_generichash_init(&st, NULL, 0, 32);
    crypto_generichash_update(&st, q, sizeof q);
    crypto_generichash_update(&st, eph_pk, 32);
    crypto_generichash_update(&st, log_pk, 32);
    crypto_generichash_final(&st, k, 32);
    sodium_memzero(q, sizeof q);
    return 0;
}

int store_log_sealer_init(struct store_log_sealer *ls, const unsigned char log_pk[32])
{
    unsigned char esk[32];
    crypto_box_keypair(ls->eph_pk, esk);
    int rc = shared_key(esk, log_pk, ls->eph_pk, log_pk, ls->k);
    sodium_memzero(esk, sizeof esk);
    return rc;
}

void store_log_seal_into(const struct store_log_sealer *ls, const unsigned char *plain,
                         size_t plen, unsigned char *out)
{
    memcpy(out, ls->eph_pk, 32);
    store_seal_into(ls->k, "log", "", plain, plen, out + 32);
}

int store_log_unseal(struct store_log_opener *lo, const unsigned char *body, size_t len,
                     unsigned char **out, size_t *olen)
{
    if (len < 32 + STORE_SEAL_LEN(0))
        return WT_ECORRUPT;
    if (!lo->have || memcmp(lo->eph_pk, body, 32) != 0) {
        lo->have = false;
        memcpy(lo->eph_pk, body, 32);
        if (shared_key(lo->sk, lo->eph_pk, lo->eph_pk, lo->pk, lo->k) != 0)
            return WT_ECORRUPT;
        lo->have = true;
    }
    return store_unseal(lo->k, "log", "", body + 32, len - 32, out, olen);
}

/* Format 4's nonce and associated data: "log4" and the entry's number. A
 * batch key is fresh (a new ephemeral key pair per batch and per rewrite)
 * and seals each number once, so no nonce repeats under a key; the batch's
 * first entry has a random one. */
static void next_nonce(uint64_t seq, unsigned char nonce[24], unsigned char ad[12])
{
    memset(nonce, 0, 24);
    ad[0] = 'l', ad[1] = 'o', ad[2] = 'g', ad[3] = '4';
    for (int i = 0; i < 8; i++)
        ad[4 + i] = nonce[16 + i] = (unsigned char)(seq >> (56 - 8 * i));
    nonce[0] = 4;
}

void store_log_seal_next(const struct store_log_sealer *ls, uint64_t seq,
                         const unsigned char *plain, size_t plen, unsigned char *out)
{
    unsigned char nonce[24], ad[12];
    next_nonce(seq, nonce, ad);
    crypto_aead_xchacha20poly1305_ietf_encrypt(out, NULL, plain, plen, ad, sizeof ad, NULL,
                                               nonce, ls->k);
}

int store_log_unseal_next(struct store_log_opener *lo, uint64_t seq, const unsigned char *body,
                          size_t len, unsigned char **out, size_t *olen)
{
    if (!lo->have || len < STORE_LOG_NEXT_LEN(0))
        return WT_ECORRUPT;
    unsigned char nonce[24], ad[12];
    next_nonce(seq, nonce, ad);
    unsigned char *p = xmalloc(len);
    unsigned long long pl;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(p, &pl, NULL, body, len, ad, sizeof ad,
                                                   nonce, lo->k) != 0) {
        sodium_memzero(p, len);
        free(p);
        return WT_ECORRUPT;
    }
    *out = p;
    *olen = (size_t)pl;
    return 0;
}

void store_log_opener_init(struct store_log_opener *lo, const unsigned char case_key[32])
{
    memset(lo, 0, sizeof *lo);
    store_log_keypair(case_key, lo->pk, lo->sk);
}

void store_log_opener_fini(struct store_log_opener *lo)
{
    sodium_memzero(lo, sizeof *lo);
}

void store_log_tag(const unsigned char ck[32], uint64_t seq, const unsigned char *val, size_t len,
                   unsigned char tag[32])
{
    unsigned char sb[8];
    for (int i = 0; i < 8; i++)
        sb[i] = (unsigned char)(seq >> (56 - 8 * i));
    crypto_generichash_state st;
    crypto_generichash_init(&st, ck, 32, 32);
    crypto_generichash_update(&st, sb, sizeof sb);
    crypto_generichash_update(&st, val, len);
    crypto_generichash_final(&st, tag, 32);
}

/* meta "log-key": the log's public key sealed with the general key. */
int store_logkey_put(struct store_txn *t)
{
    struct store *s = t->s;
    if (t->err)
        return t->err;
    if (!s->unlocked[COMP_GEN] || !s->unlocked[COMP_CASE])
        return store_txn_fail(t, WT_EPERM, "log-key");
    unsigned char pk[32], sk[32], *sealed;
    size_t sl;
    store_log_keypair(s->dkey[COMP_CASE], pk, sk);
    sodium_memzero(sk, sizeof sk);
    store_seal(s->dkey[COMP_GEN], "meta", "log-key", pk, sizeof pk, &sealed, &sl);
    MDB_val k = {7, "log-key"}, v = {sl, sealed};
    int rc = mdb_put(t->txn, s->meta, &k, &v, 0);
    free(sealed);
    return rc ? store_txn_mdb_fail(t, rc, "log-key") : 0;
}

int store_logkey_get(struct store *s, MDB_txn *txn, unsigned char pk[32])
{
    MDB_val k = {7, "log-key"}, v;
    int rc = mdb_get(txn, s->meta, &k, &v);
    if (rc == MDB_NOTFOUND)
        return WT_ENOTFOUND;
    if (rc)
        return store_err_code(rc);
    if (!s->unlocked[COMP_GEN])
        return WT_EPERM;
    if (s->unlocked[COMP_CASE]) {
        /* Derived, not read: a member with the general key alone could
         * have put a key of their own there. */
        unsigned char sk[32];
        store_log_keypair(s->dkey[COMP_CASE], pk, sk);
        sodium_memzero(sk, sizeof sk);
        return 0;
    }
    unsigned char *p;
    size_t pl;
    if (store_unseal(s->dkey[COMP_GEN], "meta", "log-key", v.mv_data, v.mv_size, &p, &pl) != 0)
        return WT_ECORRUPT;
    rc = pl == 32 ? 0 : WT_ECORRUPT;
    if (!rc)
        memcpy(pk, p, 32);
    free(p);
    return rc;
}

int store_logkey_verify(struct store_txn *t)
{
    struct store *s = t->s;
    MDB_val k = {7, "log-key"}, v;
    if (mdb_get(t->txn, s->meta, &k, &v) != 0)
        return WT_ENOTFOUND;
    if (!s->unlocked[COMP_GEN])
        return WT_EPERM;
    unsigned char *p;
    size_t pl;
    if (store_unseal(s->dkey[COMP_GEN], "meta", "log-key", v.mv_data, v.mv_size, &p, &pl) != 0)
        return WT_ECORRUPT;
    int rc = pl == 32 ? 0 : WT_ECORRUPT;
    if (!rc && s->unlocked[COMP_CASE]) {
        unsigned char pk[32], sk[32];
        store_log_keypair(s->dkey[COMP_CASE], pk, sk);
        sodium_memzero(sk, sizeof sk);
        if (memcmp(pk, p, 32) != 0)
            rc = WT_ECORRUPT;
    }
    free(p);
    return rc;
}

/* The text of a stored entry for store_log_rewrite: into *body, sealed anew
 * (format 3, or 4 after an entry this rewrite sealed: *sealing says so), or
 * as it was when only the chain changes; returns the format to store, or 0
 * when it does not open (then it stays as stored). */
static unsigned char rewrite_body(uint64_t seq, const MDB_val *v, bool plain,
                                  const unsigned char *oldgen, struct store_log_opener *old,
                                  const struct store_log_sealer *ls, bool *sealing,
                                  struct buf *body)
{
    const unsigned char *p = v->mv_data;
    unsigned char *text = NULL;
    size_t tl = 0, skip = 0;
    int rc;
    buf_reset(body);
    bool v34 = !plain && v->mv_size >= 1 + 32 && (p[0] == LOG_V3 || p[0] == STORE_LOG_V4);
    if (v34 && !old) { /* the same log key: only the chain is new */
        buf_append(body, p + 1 + 32, v->mv_size - 1 - 32);
        *sealing = false;
        return p[0];
    }
    if (v34 && p[0] == LOG_V3) {
        rc = store_log_unseal(old, p + 1 + 32, v->mv_size - 1 - 32, &text, &tl);
    } else if (v34) {
        rc = store_log_unseal_next(old, seq, p + 1 + 32, v->mv_size - 1 - 32, &text, &tl);
    } else if (plain) {
        text = xmalloc(v->mv_size + 1);
        memcpy(text, p, v->mv_size);
        tl = v->mv_size;
        skip = 32;
        rc = tl >= 32 ? 0 : WT_ECORRUPT;
    } else {
        char name[24];
        unsigned char kb[8];
        store_log_seq_key(seq, kb, name);
        skip = 32;
        rc = oldgen ? store_unseal(oldgen, "log", name, p, v->mv_size, &text, &tl) : WT_ECORRUPT;
        if (!rc && tl < 32)
            rc = WT_ECORRUPT;
    }
    unsigned char format = 0;
    if (!rc && *sealing) {
        store_log_seal_next(ls, seq, text + skip, tl - skip,
                            (unsigned char *)buf_extend(body, STORE_LOG_NEXT_LEN(tl - skip)));
        format = STORE_LOG_V4;
    } else if (!rc) {
        store_log_seal_into(ls, text + skip, tl - skip,
                            (unsigned char *)buf_extend(body, STORE_LOG_BODY_LEN(tl - skip)));
        format = LOG_V3;
    }
    *sealing = format != 0; /* after one that did not open, format 3 again */
    if (text) {
        sodium_memzero(text, tl);
        free(text);
    }
    return format;
}

int store_log_rewrite(struct store_txn *t, bool plain, const unsigned char *oldgen,
                      const unsigned char *oldcase)
{
    struct store *s = t->s;
    if (t->err)
        return t->err;
    if (!s->unlocked[COMP_GEN] || !s->unlocked[COMP_CASE])
        return store_txn_fail(t, WT_EPERM, "log");
    unsigned char ck[32], pk[32], sk[32], prev[32] = {0};
    store_log_chainkey(s->dkey[COMP_GEN], ck);
    store_log_keypair(s->dkey[COMP_CASE], pk, sk);
    sodium_memzero(sk, sizeof sk);
    struct store_log_sealer ls;
    struct store_log_opener old;
    if (oldcase)
        store_log_opener_init(&old, oldcase);
    int rc = store_log_sealer_init(&ls, pk);
    MDB_cursor *c = NULL;
    if (!rc && (rc = mdb_cursor_open(t->txn, s->log, &c)) != 0)
        store_txn_mdb_fail(t, rc, "log");
    MDB_val k, v;
    uint64_t seq = 0;
    struct buf body = {0}, val = {0};
    bool sealing = false;
    for (rc = rc ? rc : mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0 && !t->err;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        seq = 0;
        for (size_t i = 0; i < k.mv_size && i < 8; i++)
            seq = seq << 8 | ((unsigned char *)k.mv_data)[i];
        buf_reset(&val);
        unsigned char format =
            rewrite_body(seq, &v, plain, oldgen, oldcase ? &old : NULL, &ls, &sealing, &body);
        if (format) {
            buf_putc(&val, (char)format);
            buf_append(&val, prev, 32);
            buf_append(&val, body.data, body.len);
        } else {
            buf_append(&val, v.mv_data, v.mv_size); /* damaged: check names it */
        }
        /* The key is copied: with a value of another size LMDB moves the
         * node, and a key pointing into the page would change under it. */
        unsigned char kb[8];
        store_log_seq_key(seq, kb, (char[24]){0});
        MDB_val kk = {8, kb}, nv = {val.len, val.data};
        int prc = mdb_cursor_put(c, &kk, &nv, MDB_CURRENT);
        if (prc)
            store_txn_mdb_fail(t, prc, "log");
        store_log_tag(ck, seq, (unsigned char *)val.data, val.len, prev);
    }
    if (c)
        mdb_cursor_close(c);
    if (!t->err && seq)
        store_log_tip_put(t, seq, prev);
    buf_fini(&body);
    buf_fini(&val);
    sodium_memzero(ck, sizeof ck);
    sodium_memzero(&ls, sizeof ls);
    if (oldcase)
        store_log_opener_fini(&old);
    return t->err;
}
