/* keyring.c: members' keys: Argon2id-wrapped key pairs, data keys sealed to each member (rotation: rotate.c). */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/xalloc.h"

#define SALT crypto_pwhash_SALTBYTES
#define NONCE crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define MAC crypto_aead_xchacha20poly1305_ietf_ABYTES
#define KEY_STALE 1 /* unlock_in: the keyslot holds keys that were replaced */

const char *const keyring_comp_names[COMP_COUNT] = {"gen", "case"};

/* Meta values are strings: binary goes in as base64. */
static char *b64(const unsigned char *bin, size_t n)
{
    size_t cap = sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL);
    char *s = xmalloc(cap);
    sodium_bin2base64(s, cap, bin, n, sodium_base64_VARIANT_ORIGINAL);
    return s;
}

int keyring_unb64(const char *s, unsigned char **bin, size_t *n)
{
    size_t cap = strlen(s);
    *bin = xmalloc(cap ? cap : 1);
    if (sodium_base642bin(*bin, cap, s, strlen(s), NULL, n, NULL,
                          sodium_base64_VARIANT_ORIGINAL) != 0) {
        free(*bin);
        return WT_ECORRUPT;
    }
    return 0;
}

char *keyring_slot_key(const char *member, const char *what)
{
    return xasprintf("key/%s/%s", member, what);
}

int keyring_meta_put(struct store_txn *t, const char *key, const char *value)
{
    MDB_val k = {strlen(key), (void *)key}, v = {strlen(value), (void *)value};
    int rc = mdb_put(t->txn, t->s->meta, &k, &v, 0);
    return rc ? store_txn_mdb_fail(t, rc, key) : 0;
}

int keyring_meta_get(MDB_txn *txn, struct store *s, const char *key, char **out)
{
    MDB_val k = {strlen(key), (void *)key}, v;
    int rc = mdb_get(txn, s->meta, &k, &v);
    if (rc)
        return rc;
    *out = xstrndup(v.mv_data, v.mv_size);
    return 0;
}

static void put_b64(struct store_txn *t, const char *member, const char *what,
                    const unsigned char *bin, size_t n)
{
    char *k = keyring_slot_key(member, what), *v = b64(bin, n);
    keyring_meta_put(t, k, v);
    free(k);
    free(v);
}

/* Seals the compartment key c to the member's public key. */
void keyring_seal_to(struct store_txn *t, const char *member, const unsigned char pk[32],
                     enum store_comp c, const unsigned char dkey[32])
{
    unsigned char sealed[32 + crypto_box_SEALBYTES];
    crypto_box_seal(sealed, dkey, 32, pk);
    put_b64(t, member, keyring_comp_names[c], sealed, sizeof sealed);
}

/* Wraps the secret key sk with a key derived from passphrase (Argon2id) into
 * the keyslot's "sk" value: salt, limits, nonce, sealed key. */
static int wrap_secret(struct store_txn *t, const char *member,
                       const unsigned char sk[crypto_box_SECRETKEYBYTES], const char *passphrase,
                       struct wt_error *err)
{
    unsigned char blob[SALT + 16 + NONCE + crypto_box_SECRETKEYBYTES + MAC];
    unsigned long long ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
    unsigned long long mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    randombytes_buf(blob, SALT);
    for (int i = 0; i < 8; i++) {
        blob[SALT + i] = (unsigned char)(ops >> (8 * i));
        blob[SALT + 8 + i] = (unsigned char)(mem >> (8 * i));
    }
    randombytes_buf(blob + SALT + 16, NONCE);
    unsigned char wrap[32];
    if (crypto_pwhash(wrap, sizeof wrap, passphrase, strlen(passphrase), blob, ops, mem,
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        return wt_error_set(err, WT_EIO, _("te weinig geheugen voor het sleutelwerk"));
    unsigned long long clen;
    crypto_aead_xchacha20poly1305_ietf_encrypt(blob + SALT + 16 + NONCE, &clen, sk,
                                               crypto_box_SECRETKEYBYTES,
                                               (const unsigned char *)member, strlen(member),
                                               NULL, blob + SALT + 16, wrap);
    sodium_memzero(wrap, sizeof wrap);
    put_b64(t, member, "sk", blob, sizeof blob);
    return t->err;
}

static void slot_del(struct store_txn *t, const char *member, const char *what)
{
    char *k = keyring_slot_key(member, what);
    MDB_val key = {strlen(k), k};
    int rc = mdb_del(t->txn, t->s->meta, &key, NULL);
    if (rc && rc != MDB_NOTFOUND)
        store_txn_mdb_fail(t, rc, k);
    free(k);
}

int store_keyslot_set(struct store_txn *t, const char *member, const char *role,
                      const char *passphrase, struct wt_error *err)
{
    struct store *s = t->s;
    if (t->err)
        return t->err;
    if (!s->encrypted || !s->unlocked[COMP_GEN])
        return wt_error_set(err, WT_EPERM, _("de sleutels zijn niet geopend"));
    bool with_case = strcmp(role, "volunteer") != 0;
    if (with_case && !s->unlocked[COMP_CASE])
        return wt_error_set(err, WT_EPERM,
                            _("alleen wie zelf bij de casussen kan, mag dit lid een sleutel geven"));
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    crypto_box_keypair(pk, sk);
    int rc = wrap_secret(t, member, sk, passphrase, err);
    sodium_memzero(sk, sizeof sk);
    if (rc)
        return rc;
    put_b64(t, member, "pk", pk, sizeof pk);
    char *rk = keyring_slot_key(member, "role");
    keyring_meta_put(t, rk, role);
    free(rk);
    keyring_seal_to(t, member, pk, COMP_GEN, s->dkey[COMP_GEN]);
    slot_del(t, member, "case");
    slot_del(t, member, "code"); /* a passphrase of their own from now on */
    if (with_case)
        keyring_seal_to(t, member, pk, COMP_CASE, s->dkey[COMP_CASE]);
    return t->err;
}

int store_keyslot_set_code(struct store_txn *t, const char *member, const char *role,
                           const char *code, int32_t expires, struct wt_error *err)
{
    int rc = store_keyslot_set(t, member, role, code, err);
    if (rc)
        return rc;
    char *k = keyring_slot_key(member, "code"), v[16];
    snprintf(v, sizeof v, "%ld", (long)expires);
    keyring_meta_put(t, k, v);
    free(k);
    return t->err;
}

int store_keyslot_code(struct store_txn *t, const char *member, int32_t *expires)
{
    char *k = keyring_slot_key(member, "code"), *v = NULL;
    int rc = keyring_meta_get(t->txn, t->s, k, &v);
    free(k);
    if (rc)
        return WT_ENOTFOUND;
    *expires = (int32_t)strtol(v, NULL, 10);
    free(v);
    return 0;
}

/* Opens the member's secret key with the passphrase into sk (wiped by the
 * caller): 0, WT_ENOTFOUND (no keyslot), WT_EPERM (wrong), WT_ECORRUPT, or
 * WT_EFULL when Argon2id found too little memory for the keyslot's limits
 * (*mib: how much it asks), which says nothing about the passphrase. */
static int open_secret(struct store *s, MDB_txn *txn, const char *member, const char *passphrase,
                       unsigned char sk[crypto_box_SECRETKEYBYTES], unsigned long long *mib)
{
    char *k = keyring_slot_key(member, "sk"), *v = NULL;
    int rc = keyring_meta_get(txn, s, k, &v);
    free(k);
    if (rc)
        return WT_ENOTFOUND;
    unsigned char *blob;
    size_t n;
    rc = keyring_unb64(v, &blob, &n);
    free(v);
    if (rc || n != SALT + 16 + NONCE + crypto_box_SECRETKEYBYTES + MAC) {
        if (!rc)
            free(blob);
        return WT_ECORRUPT;
    }
    unsigned long long ops = 0, mem = 0;
    for (int i = 0; i < 8; i++) {
        ops |= (unsigned long long)blob[SALT + i] << (8 * i);
        mem |= (unsigned long long)blob[SALT + 8 + i] << (8 * i);
    }
    unsigned char wrap[32];
    rc = 0;
    *mib = mem >> 20;
    /* Limits the keyslot cannot have been written with are damage; within
     * them, Argon2id fails only for want of memory. */
    if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > 16 || mem < crypto_pwhash_MEMLIMIT_MIN ||
        mem > ((unsigned long long)1 << 31))
        rc = WT_ECORRUPT;
    else if (crypto_pwhash(wrap, sizeof wrap, passphrase, strlen(passphrase), blob, ops,
                           (size_t)mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
        rc = WT_EFULL;
    else if (crypto_aead_xchacha20poly1305_ietf_decrypt(
                 sk, NULL, NULL, blob + SALT + 16 + NONCE, crypto_box_SECRETKEYBYTES + MAC,
                 (const unsigned char *)member, strlen(member), blob + SALT + 16, wrap) != 0)
        rc = WT_EPERM;
    sodium_memzero(wrap, sizeof wrap);
    free(blob);
    return rc;
}

/* The id of a data key: a keyed hash that names it without giving it away. */
static void keyid_of(const unsigned char key[32], unsigned char id[16])
{
    static const char ctx[] = "wijktafel key id 1";
    crypto_generichash(id, 16, (const unsigned char *)ctx, sizeof ctx - 1, key, 32);
}

/* False when meta names another key for compartment c than the one opened
 * (a keyslot from before a rotation: a copy kept by someone who left). */
static bool keyid_matches(struct store *s, MDB_txn *txn, enum store_comp c)
{
    char *k = xasprintf("keyid/%s", keyring_comp_names[c]), *v = NULL;
    int rc = keyring_meta_get(txn, s, k, &v);
    free(k);
    if (rc)
        return true; /* from before key ids: written at the next rotation */
    unsigned char id[16], *want;
    size_t n;
    keyid_of(s->dkey[c], id);
    bool same = false;
    if (keyring_unb64(v, &want, &n) == 0) {
        same = n == sizeof id && sodium_memcmp(id, want, sizeof id) == 0;
        free(want);
    }
    free(v);
    return same;
}

/* Writes the ids of the data keys held now. */
void keyring_keyid_put(struct store_txn *t)
{
    for (int c = 0; c < COMP_COUNT; c++) {
        if (!t->s->unlocked[c])
            continue;
        unsigned char id[16];
        keyid_of(t->s->dkey[c], id);
        char *k = xasprintf("keyid/%s", keyring_comp_names[c]), *v = b64(id, sizeof id);
        keyring_meta_put(t, k, v);
        free(k);
        free(v);
    }
}

/* Reads and opens the member's secret key and data keys into s. */
static int unlock_in(struct store *s, MDB_txn *txn, const char *member, const char *passphrase,
                     unsigned long long *mib)
{
    unsigned char sk[crypto_box_SECRETKEYBYTES], pk[crypto_box_PUBLICKEYBYTES];
    int rc = open_secret(s, txn, member, passphrase, sk, mib);
    if (rc) {
        sodium_memzero(sk, sizeof sk);
        return rc;
    }
    char *k, *v;
    size_t n;
    bool stale = false;
    crypto_scalarmult_base(pk, sk);
    for (int c = 0; c < COMP_COUNT; c++) {
        k = keyring_slot_key(member, keyring_comp_names[c]);
        v = NULL;
        int grc = keyring_meta_get(txn, s, k, &v);
        free(k);
        if (grc)
            continue;
        unsigned char *sealed;
        if (keyring_unb64(v, &sealed, &n) == 0) {
            if (n == 32 + crypto_box_SEALBYTES &&
                crypto_box_seal_open(s->dkey[c], sealed, n, pk, sk) == 0) {
                if (keyid_matches(s, txn, (enum store_comp)c)) {
                    store_derive_hkey(s->dkey[c], s->hkey[c]);
                    store_hcache_clear(s);
                    s->unlocked[c] = true;
                } else {
                    sodium_memzero(s->dkey[c], 32);
                    stale = true;
                }
            }
            free(sealed);
        }
        free(v);
    }
    /* Kept to open what is sealed to this member alone (store_owned_open). */
    memcpy(s->member_sk, sk, sizeof s->member_sk);
    s->have_member_sk = true;
    sodium_memzero(sk, sizeof sk);
    return s->unlocked[COMP_GEN] ? 0 : stale ? KEY_STALE : WT_ECORRUPT;
}

int store_owned_seal(struct store_txn *t, const char *member, const char *plain, char **out)
{
    *out = NULL;
    if (t->err)
        return t->err;
    char *k = keyring_slot_key(member, "pk"), *v = NULL;
    int rc = keyring_meta_get(t->txn, t->s, k, &v);
    free(k);
    if (rc) {
        free(v);
        return rc == MDB_NOTFOUND ? WT_ENOTFOUND : store_txn_mdb_fail(t, rc, "meta");
    }
    unsigned char *pk;
    size_t n;
    rc = keyring_unb64(v, &pk, &n);
    free(v);
    if (rc)
        return rc;
    if (n != crypto_box_PUBLICKEYBYTES) {
        free(pk);
        return WT_ECORRUPT;
    }
    size_t len = strlen(plain);
    unsigned char *sealed = xmalloc(len + crypto_box_SEALBYTES);
    crypto_box_seal(sealed, (const unsigned char *)plain, len, pk);
    *out = b64(sealed, len + crypto_box_SEALBYTES);
    free(sealed);
    free(pk);
    return 0;
}

int store_owned_open(struct store *s, const char *sealed, char **out)
{
    *out = NULL;
    if (!s->have_member_sk)
        return WT_EPERM;
    unsigned char *bin;
    size_t n;
    if (keyring_unb64(sealed, &bin, &n) != 0)
        return WT_ECORRUPT;
    if (n < crypto_box_SEALBYTES) {
        free(bin);
        return WT_ECORRUPT;
    }
    unsigned char pk[crypto_box_PUBLICKEYBYTES];
    crypto_scalarmult_base(pk, s->member_sk);
    char *plain = xmalloc(n - crypto_box_SEALBYTES + 1);
    int rc = crypto_box_seal_open((unsigned char *)plain, bin, n, pk, s->member_sk);
    free(bin);
    if (rc != 0) {
        free(plain);
        return WT_EPERM;
    }
    plain[n - crypto_box_SEALBYTES] = '\0';
    *out = plain;
    return 0;
}

static int keys_migrate_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx, (void)err;
    return store_keys_upgrade(t);
}

/* Argon2id had too little memory: out of memory (exit 74), not a wrong passphrase. */
static int out_of_memory(struct store *s, unsigned long long mib, struct wt_error *err)
{
    store_wipe_keys(s);
    return wt_error_set(err, WT_EIO,
                        _("%s: te weinig geheugen om de wachtwoordzin na te gaan (Argon2id vraagt "
                          "%llu MiB); sluit andere programma's of verhoog de limiet"),
                        s->dir, mib);
}

int store_unlock(struct store *s, const char *member, const char *passphrase,
                 struct wt_error *err)
{
    if (!s->encrypted)
        return 0;
    MDB_txn *txn;
    int rc = mdb_txn_begin(s->env, NULL, MDB_RDONLY, &txn);
    if (rc)
        return wt_error_set(err, store_err_code(rc), "%s: %s", s->dir, store_err_text(rc));
    store_wipe_keys(s);
    unsigned long long mib = 0;
    rc = unlock_in(s, txn, member, passphrase, &mib);
    mdb_txn_abort(txn);
    if (rc == WT_EFULL)
        return out_of_memory(s, mib, err);
    if (rc == WT_ENOTFOUND)
        return wt_error_set(err, WT_EPERM,
                            _("%s heeft nog geen wachtwoordzin voor deze database (een leider "
                              "zet die met 'wijktafel passphrase %s')"),
                            member, member);
    if (rc == KEY_STALE) {
        store_wipe_keys(s);
        return wt_error_set(err, WT_EPERM,
                            _("%s: de sleutel van %s is vervangen (een lid is vertrokken); deze "
                              "sleutelplek opent niets meer"),
                            s->dir, member);
    }
    if (rc) {
        store_wipe_keys(s);
        /* No hint of what was wrong: member, passphrase or data. */
        return wt_error_set(err, WT_EPERM, _("%s: de wachtwoordzin klopt niet"), s->dir);
    }
    /* Schema 6's step needs the keys: the first member who has them does it
     * (when another program writes meanwhile, the next unlock does). */
    if (!s->readonly && store_keys_pending(s)) {
        struct wt_error e2 = {0};
        store_write(s, keys_migrate_write, NULL, &e2);
    }
    return 0;
}

int store_passphrase_check(struct store *s, const char *member, const char *passphrase,
                           struct wt_error *err)
{
    if (!s->encrypted)
        return 0;
    MDB_txn *txn;
    int rc = mdb_txn_begin(s->env, NULL, MDB_RDONLY, &txn);
    if (rc)
        return wt_error_set(err, store_err_code(rc), "%s: %s", s->dir, store_err_text(rc));
    unsigned char sk[crypto_box_SECRETKEYBYTES];
    unsigned long long mib = 0;
    rc = open_secret(s, txn, member, passphrase, sk, &mib);
    sodium_memzero(sk, sizeof sk);
    mdb_txn_abort(txn);
    if (rc == WT_EFULL)
        return out_of_memory(s, mib, err);
    if (rc == WT_ENOTFOUND)
        return wt_error_set(err, WT_EPERM,
                            _("%s heeft nog geen wachtwoordzin voor deze database (een leider "
                              "zet die met 'wijktafel passphrase %s')"),
                            member, member);
    if (rc)
        return wt_error_set(err, WT_EPERM, _("%s: de wachtwoordzin klopt niet"), s->dir);
    return 0;
}

struct repass {
    const char *member, *old, *new;
};

static int repass_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct repass *r = ctx;
    unsigned char sk[crypto_box_SECRETKEYBYTES];
    unsigned long long mib = 0;
    int rc = open_secret(t->s, t->txn, r->member, r->old, sk, &mib);
    if (rc == WT_EFULL)
        rc = wt_error_set(err, WT_EIO, _("te weinig geheugen voor het sleutelwerk"));
    else if (rc)
        rc = wt_error_set(err, WT_EPERM, _("%s: de wachtwoordzin klopt niet"), t->s->dir);
    else
        rc = wrap_secret(t, r->member, sk, r->new, err);
    sodium_memzero(sk, sizeof sk);
    if (!rc)
        slot_del(t, r->member, "code");
    return rc ? rc : t->err;
}

int store_keyslot_repass(struct store *s, const char *member, const char *old_pass,
                         const char *new_pass, struct wt_error *err)
{
    if (!s->encrypted)
        return wt_error_set(err, WT_EPERM, _("de database is niet versleuteld"));
    struct repass r = {member, old_pass, new_pass};
    return store_write(s, repass_write, &r, err);
}

bool store_encrypted(const struct store *s)
{
    return s->encrypted;
}

bool store_can_read(const struct store *s, enum wt_kind kind)
{
    return !s->encrypted || s->unlocked[store_comp_of(kind)];
}

bool store_txn_can_read(const struct store_txn *t, enum wt_kind kind)
{
    return store_can_read(t->s, kind);
}

bool store_txn_encrypted(const struct store_txn *t)
{
    return t->s->encrypted;
}

int store_keyslot_role(struct store_txn *t, const char *member, char **role)
{
    char *k = keyring_slot_key(member, "role");
    int rc = keyring_meta_get(t->txn, t->s, k, role);
    free(k);
    return rc == 0 ? 0 : WT_ENOTFOUND;
}

int store_keyslot_each(struct store_txn *t, store_meta_fn fn, void *ctx)
{
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->meta, &c);
    if (rc)
        return store_txn_mdb_fail(t, rc, "meta");
    MDB_val k = {4, "key/"}, v;
    int ret = 0;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE); rc == 0 && !ret;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        if (k.mv_size < 4 || memcmp(k.mv_data, "key/", 4) != 0)
            break;
        const char *p = (const char *)k.mv_data + 4;
        size_t rest = k.mv_size - 4;
        if (rest < 6 || memcmp(p + rest - 5, "/role", 5) != 0)
            continue;
        if (*p == '@')
            continue; /* the recovery code's slot is no member's */
        char *member = xstrndup(p, rest - 5);
        char *role = xstrndup(v.mv_data, v.mv_size);
        ret = fn(ctx, member, role);
        free(member);
        free(role);
    }
    mdb_cursor_close(c);
    return ret;
}

int store_keyslot_role_set(struct store_txn *t, const char *member, const char *role)
{
    struct store *s = t->s;
    if (t->err)
        return t->err;
    char *pkk = keyring_slot_key(member, "pk"), *pkv = NULL;
    int rc = keyring_meta_get(t->txn, s, pkk, &pkv);
    free(pkk);
    if (rc)
        return WT_ENOTFOUND;
    unsigned char *pk;
    size_t pl;
    rc = keyring_unb64(pkv, &pk, &pl);
    free(pkv);
    if (rc || pl != 32) {
        if (!rc)
            free(pk);
        return store_txn_fail(t, WT_ECORRUPT, member);
    }
    char *rk = keyring_slot_key(member, "role");
    keyring_meta_put(t, rk, role);
    free(rk);
    if (strcmp(role, "volunteer") == 0)
        slot_del(t, member, "case"); /* the caller rotates the case key */
    else if (s->unlocked[COMP_CASE])
        keyring_seal_to(t, member, pk, COMP_CASE, s->dkey[COMP_CASE]);
    else
        store_txn_fail(t, WT_EPERM, member);
    free(pk);
    return t->err;
}

int store_keyslot_remove(struct store_txn *t, const char *member)
{
    static const char *const parts[] = {"pk", "sk", "role", "gen", "case", "code"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        char *k = keyring_slot_key(member, parts[i]);
        MDB_val key = {strlen(k), k};
        int rc = mdb_del(t->txn, t->s->meta, &key, NULL);
        free(k);
        if (rc && rc != MDB_NOTFOUND)
            return store_txn_mdb_fail(t, rc, member);
    }
    return t->err;
}
