/* crypto.c: sealed values, keyed index hashes, per-case keys and the members' keyring (libsodium). */
#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/xalloc.h"

/* Stored value format 2: [2][nonce 24][XChaCha20-Poly1305 ciphertext of the
 * format-1 encoding], with the kind and id as associated data. */
#define SEALED_FORMAT 2
#define NONCE crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define MAC crypto_aead_xchacha20poly1305_ietf_ABYTES

enum store_comp store_comp_of(enum wt_kind kind)
{
    return kind == WT_CASES || kind == WT_ACTIONS ? COMP_CASE : COMP_GEN;
}

int store_crypto_init(void)
{
    return sodium_init() < 0 ? -1 : 0;
}

/* Random bytes from a buffer filled 4 KiB at a time: a nonce per value and a
 * key per case would otherwise cost a getrandom() system call each. One
 * buffer per thread: the helpers that seal an import draw their own. */
static _Thread_local unsigned char rnd_buf[4096];
static _Thread_local size_t rnd_left;


static void rnd(unsigned char *out, size_t n)
{
    while (n) {
        if (rnd_left == 0) {
            randombytes_buf(rnd_buf, sizeof rnd_buf);
            rnd_left = sizeof rnd_buf;
        }
        size_t take = n < rnd_left ? n : rnd_left;
        unsigned char *src = rnd_buf + sizeof rnd_buf - rnd_left;
        memcpy(out, src, take);
        sodium_memzero(src, take);
        rnd_left -= take;
        out += take;
        n -= take;
    }
}

static void make_ad(unsigned char *ad, size_t *adlen, const char *tag, const char *id)
{
    size_t tl = strlen(tag), il = strlen(id);
    memcpy(ad, tag, tl);
    ad[tl] = 0;
    memcpy(ad + tl + 1, id, il);
    *adlen = tl + 1 + il;
}

#define SEAL_LEN(plen) STORE_SEAL_LEN(plen)
_Static_assert(SEAL_LEN(0) == 1 + NONCE + MAC, "STORE_SEAL_LEN matches the construction");
void store_seal_into(const unsigned char key[32], const char *tag, const char *id,
                      const unsigned char *plain, size_t plen, unsigned char *v)
{
    unsigned char ad[600];
    size_t adlen;
    make_ad(ad, &adlen, tag, id);
    v[0] = SEALED_FORMAT;
    rnd(v + 1, NONCE);
    crypto_aead_xchacha20poly1305_ietf_encrypt(v + 1 + NONCE, NULL, plain, plen, ad, adlen, NULL,
                                               v + 1, key);
}

void store_seal(const unsigned char key[32], const char *tag, const char *id,
                const unsigned char *plain, size_t plen, unsigned char **out, size_t *olen)
{
    unsigned char *v = xmalloc(SEAL_LEN(plen));
    store_seal_into(key, tag, id, plain, plen, v);
    *out = v;
    *olen = SEAL_LEN(plen);
}

int store_unseal(const unsigned char key[32], const char *tag, const char *id,
                 const unsigned char *val, size_t vlen, unsigned char **out, size_t *olen)
{
    if (vlen < 1 + NONCE + MAC || val[0] != SEALED_FORMAT)
        return WT_ECORRUPT;
    unsigned char ad[600];
    size_t adlen;
    make_ad(ad, &adlen, tag, id);
    unsigned char *p = xmalloc(vlen);
    unsigned long long plen;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(p, &plen, NULL, val + 1 + NONCE,
                                                   vlen - 1 - NONCE, ad, adlen, val + 1,
                                                   key) != 0) {
        sodium_memzero(p, vlen);
        free(p);
        return WT_ECORRUPT;
    }
    *out = p;
    *olen = (size_t)plen;
    return 0;
}

static const char *kind_tag(enum wt_kind kind)
{
    return record_kind(kind)->name;
}

/* A case's key from its wrapped form as stored (NULL: none), sealed with
 * ad (store_rec_ad); WT_ECORRUPT when there is none or it does not open:
 * erased or damaged. */
static int casekey_unwrap(const struct store *s, const char *ad, const unsigned char *wkey,
                          size_t wlen, unsigned char key[32])
{
    unsigned char *p;
    size_t pl;
    if (!wkey || store_unseal(s->dkey[COMP_CASE], "casekey", ad, wkey, wlen, &p, &pl) != 0)
        return WT_ECORRUPT;
    if (pl != 32) {
        free(p);
        return WT_ECORRUPT;
    }
    memcpy(key, p, 32);
    sodium_memzero(p, pl);
    free(p);
    return 0;
}

bool store_case_link(enum wt_kind kind, int f)
{
    const struct wt_field_def *fd = &record_kind(kind)->fields[f];
    return store_comp_of(kind) == COMP_GEN && fd->type == FT_REF && fd->ref == WT_CASES;
}

static bool has_case_links(enum wt_kind kind)
{
    for (int f = 1; f < record_kind(kind)->nfields; f++)
        if (store_case_link(kind, f))
            return true;
    return false;
}

/* A link to a case inside a record of the general compartment (a signal's
 * case) is sealed again, with the case key: "~" and the base64 of the sealed
 * id. The general key alone opens the signal but not which case it names. */
#define LINK_MARK '~'

static void link_ad(char *ad, size_t cap, const struct wt_record *r, int f)
{
    snprintf(ad, cap, "%s/%s/%d", record_kind(r->kind)->name, r->v[0], f);
}

/* Makes *copy (when r has a link to seal) with its links sealed: 1 when
 * it did, 0 when r needs none, WT_EPERM when the case key is not held. */
static int links_seal(const struct store *s, const struct wt_record *r, struct wt_record *copy)
{
    if (!has_case_links(r->kind))
        return 0;
    bool any = false;
    for (int f = 1; f < record_kind(r->kind)->nfields; f++)
        any |= store_case_link(r->kind, f) && r->v[f];
    if (!any)
        return 0;
    if (!s->unlocked[COMP_CASE])
        return WT_EPERM;
    record_copy(copy, r);
    for (int f = 1; f < record_kind(r->kind)->nfields; f++) {
        if (!store_case_link(r->kind, f) || !r->v[f])
            continue;
        if (strcmp(r->v[f], STORE_LINK_HIDDEN) == 0) {
            record_fini(copy);
            return WT_EPERM; /* written back by someone who could not read it */
        }
        char ad[WT_MAX_ID * 2 + 32];
        link_ad(ad, sizeof ad, r, f);
        size_t il = strlen(r->v[f]);
        unsigned char sealed[STORE_SEAL_LEN(WT_MAX_ID + 64)];
        if (il > WT_MAX_ID + 64)
            il = WT_MAX_ID + 64;
        store_seal_into(s->dkey[COMP_CASE], "link", ad, (const unsigned char *)r->v[f], il,
                        sealed);
        size_t cap = sodium_base64_encoded_len(STORE_SEAL_LEN(il),
                                               sodium_base64_VARIANT_URLSAFE_NO_PADDING);
        char *text = xmalloc(cap + 1);
        text[0] = LINK_MARK;
        sodium_bin2base64(text + 1, cap, sealed, STORE_SEAL_LEN(il),
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING);
        record_set(copy, f, text);
        free(text);
    }
    return 1;
}

/* Opens the sealed links of a decoded record in place: the case's id with
 * the case key, STORE_LINK_HIDDEN without it. */
static int links_open(const struct store *s, struct wt_record *r)
{
    if (!has_case_links(r->kind))
        return 0;
    for (int f = 1; f < record_kind(r->kind)->nfields; f++) {
        const char *v = r->v[f];
        if (!store_case_link(r->kind, f) || !v)
            continue;
        if (!s->unlocked[COMP_CASE]) {
            record_set(r, f, STORE_LINK_HIDDEN);
            continue;
        }
        if (v[0] != LINK_MARK)
            continue; /* not sealed yet: a database from before (migrated at unlock) */
        size_t vl = strlen(v + 1), bl;
        unsigned char *bin = xmalloc(vl + 1), *p;
        size_t pl;
        char ad[WT_MAX_ID * 2 + 32];
        link_ad(ad, sizeof ad, r, f);
        int rc = sodium_base642bin(bin, vl + 1, v + 1, vl, NULL, &bl, NULL,
                                   sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0
                     ? WT_ECORRUPT
                     : store_unseal(s->dkey[COMP_CASE], "link", ad, bin, bl, &p, &pl);
        free(bin);
        if (rc)
            return WT_ECORRUPT;
        char *id = xstrndup((char *)p, pl);
        free(p);
        record_set(r, f, id);
        free(id);
    }
    return 0;
}

/* True in a batch (store_casekey_batch_begin) when key k lies beyond the
 * largest case key: it has none yet, and it can be appended. */
static bool casekey_beyond(const struct store_txn *t, const MDB_val *k)
{
    if (!t->casekey_cur || k->mv_size > WT_MAX_ID)
        return false;
    MDB_val last = {t->casekey_last_len, (void *)t->casekey_last};
    return !t->casekey_have_last || store_key_cmp(k, &last) > 0;
}

/* Stores a case's wrapped key under k (store_rec_key): appended in a batch
 * when it lies beyond the last one, put otherwise. */
static int casekey_put(struct store_txn *t, const char *id, MDB_val k,
                       const unsigned char wkey[STORE_SEAL_LEN(32)])
{
    MDB_val v = {STORE_SEAL_LEN(32), (void *)wkey};
    bool beyond = casekey_beyond(t, &k);
    int rc = beyond ? mdb_cursor_put(t->casekey_cur, &k, &v, MDB_APPEND)
                    : mdb_put(t->txn, t->s->casekeys, &k, &v, 0);
    if (rc)
        return store_txn_mdb_fail(t, rc, id);
    if (beyond) {
        memcpy(t->casekey_last, k.mv_data, k.mv_size);
        t->casekey_last_len = k.mv_size;
        t->casekey_have_last = true;
    }
    return 0;
}

/* The associated data a case's key is wrapped with: its number's under
 * numbers (k, as stored), else store_rec_ad's. */
static const char *wrap_ad(const struct store *s, enum wt_kind kind, const char *id,
                           const MDB_val *k, char ad[CASE_AD_LEN])
{
    if (kind == WT_CASES && store_case_seq(s)) {
        store_key_ad(k, ad);
        return ad;
    }
    return store_rec_ad(s, kind, id, ad);
}

/* The associated data a value of kind/id is sealed with: under numbers a
 * case's is the same for all (its own key binds it, the key its number). */
static const char *value_ad(const struct store *s, enum wt_kind kind, const char *id,
                            char ad[CASE_AD_LEN])
{
    if (kind == WT_CASES && store_case_seq(s))
        return CASE_SEQ_VALUE_AD;
    return store_rec_ad(s, kind, id, ad);
}

/* The key a record of kind/id is sealed with when it is written: its
 * compartment's, or for a case its own (made when it has none yet). */
static int value_key(struct store_txn *t, enum wt_kind kind, const char *id,
                     unsigned char key[32])
{
    struct store *s = t->s;
    enum store_comp c = store_comp_of(kind);
    if (!s->unlocked[c])
        return WT_EPERM;
    if (kind != WT_CASES) {
        memcpy(key, s->dkey[c], 32);
        return 0;
    }
    unsigned char kb[CASE_KEY_LEN];
    char adb[CASE_AD_LEN];
    MDB_val k = store_rec_key_new(t, kind, id, kb), v;
    const char *ad = k.mv_size ? wrap_ad(s, kind, id, &k, adb) : NULL;
    if (!k.mv_size || !ad)
        return WT_EPERM;
    /* In a batch, a key beyond the last case key has none yet. */
    int rc = casekey_beyond(t, &k) ? MDB_NOTFOUND : mdb_get(t->txn, s->casekeys, &k, &v);
    if (rc == 0)
        return casekey_unwrap(s, ad, v.mv_data, v.mv_size, key);
    if (rc != MDB_NOTFOUND)
        return store_txn_mdb_fail(t, rc, id);
    rnd(key, 32);
    unsigned char sealed[SEAL_LEN(32)];
    store_seal_into(s->dkey[COMP_CASE], "casekey", ad, key, 32, sealed);
    return casekey_put(t, id, k, sealed);
}

int store_casekey_batch_begin(struct store_txn *t)
{
    if (t->err || !t->s->encrypted || t->casekey_cur)
        return t->err;
    int rc = mdb_cursor_open(t->txn, t->s->casekeys, &t->casekey_cur);
    if (rc) {
        t->casekey_cur = NULL;
        return store_txn_mdb_fail(t, rc, "casekeys");
    }
    MDB_val k, v;
    t->casekey_have_last = false;
    if (mdb_cursor_get(t->casekey_cur, &k, &v, MDB_LAST) == 0) {
        t->casekey_have_last = true;
        if (k.mv_size > WT_MAX_ID) {
            /* Not a key of ours: append nothing. */
            store_casekey_batch_end(t);
            return 0;
        }
        memcpy(t->casekey_last, k.mv_data, k.mv_size);
        t->casekey_last_len = k.mv_size;
    }
    return 0;
}

void store_casekey_batch_end(struct store_txn *t)
{
    if (t->casekey_cur)
        mdb_cursor_close(t->casekey_cur);
    t->casekey_cur = NULL;
}

int store_value_make(struct store_txn *t, const struct wt_record *r, unsigned char **out,
                     size_t *len)
{
    unsigned char *plain;
    size_t plen;
    struct wt_record sealed_links;
    int lrc = t->s->encrypted ? links_seal(t->s, r, &sealed_links) : 0;
    if (lrc < 0)
        return store_txn_fail(t, WT_EPERM, _("een koppeling met een casus vraagt de sleutel van "
                                             "de casussen"));
    store_encode(lrc ? &sealed_links : r, &plain, &plen);
    if (lrc)
        record_fini(&sealed_links);
    if (!t->s->encrypted) {
        *out = plain;
        *len = plen;
        return 0;
    }
    unsigned char key[32];
    char adb[CASE_AD_LEN];
    int rc = value_key(t, r->kind, r->v[0], key);
    if (rc == 0)
        store_seal(key, kind_tag(r->kind), value_ad(t->s, r->kind, r->v[0], adb), plain, plen,
                   out, len);
    sodium_memzero(key, sizeof key);
    sodium_memzero(plain, plen);
    free(plain);
    if (rc == WT_EPERM)
        return store_txn_fail(t, WT_EPERM, _("deze gegevens zijn niet te openen met uw sleutel"));
    return rc;
}

int store_value_put(struct store_txn *t, MDB_cursor *c, const struct wt_record *r,
                    unsigned flags)
{
    unsigned char *plain;
    size_t plen;
    struct wt_record sealed_links;
    int lrc = t->s->encrypted ? links_seal(t->s, r, &sealed_links) : 0;
    if (lrc < 0)
        return store_txn_fail(t, WT_EPERM, _("een koppeling met een casus vraagt de sleutel van "
                                             "de casussen"));
    store_encode(lrc ? &sealed_links : r, &plain, &plen);
    if (lrc)
        record_fini(&sealed_links);
    MDB_val k = {strlen(r->v[0]), r->v[0]}, v = {plen, plain};
    if (!t->s->encrypted) {
        int rc = mdb_cursor_put(c, &k, &v, flags);
        free(plain);
        return rc ? store_txn_mdb_fail(t, rc, r->v[0]) : 0;
    }
    unsigned char key[32], kb[CASE_KEY_LEN];
    char adb[CASE_AD_LEN];
    k = store_rec_key_new(t, r->kind, r->v[0], kb);
    int rc = k.mv_size ? value_key(t, r->kind, r->v[0], key) : WT_EPERM;
    if (rc == 0) {
        /* Sealed straight into the page LMDB reserves for it. */
        v.mv_size = SEAL_LEN(plen);
        int mrc = mdb_cursor_put(c, &k, &v, flags | MDB_RESERVE);
        if (mrc)
            rc = store_txn_mdb_fail(t, mrc, r->v[0]);
        else
            store_seal_into(key, kind_tag(r->kind), value_ad(t->s, r->kind, r->v[0], adb),
                            plain, plen, v.mv_data);
    }
    sodium_memzero(key, sizeof key);
    sodium_memzero(plain, plen);
    free(plain);
    if (rc == WT_EPERM)
        return store_txn_fail(t, WT_EPERM, _("deze gegevens zijn niet te openen met uw sleutel"));
    return rc;
}

struct store_sealed *store_seal_record(const struct store *s, const struct wt_record *r)
{
    enum store_comp c = store_comp_of(r->kind);
    char adb[CASE_AD_LEN];
    const char *ad = s->encrypted ? value_ad(s, r->kind, r->v[0], adb) : NULL;
    if (!s->encrypted || !s->unlocked[c] || !ad)
        return NULL; /* store_value_put seals it */
    struct wt_record sealed_links;
    int lrc = links_seal(s, r, &sealed_links);
    if (lrc < 0)
        return NULL; /* store_value_put says why */
    struct store_sealed *sv = xcalloc(1, sizeof *sv);
    unsigned char *plain;
    size_t plen;
    store_encode(lrc ? &sealed_links : r, &plain, &plen);
    if (lrc)
        record_fini(&sealed_links);
    unsigned char key[32];
    if (r->kind == WT_CASES) {
        rnd(key, 32);
        sv->has_key = true;
        if (store_case_seq(s)) { /* wrapped once its number is known */
            sv->wrap_later = true;
            memcpy(sv->rawkey, key, 32);
        } else {
            store_seal_into(s->dkey[COMP_CASE], "casekey", ad, key, 32, sv->wkey);
        }
    } else {
        memcpy(key, s->dkey[c], 32);
    }
    sv->len = SEAL_LEN(plen);
    sv->val = xmalloc(sv->len);
    store_seal_into(key, kind_tag(r->kind), ad, plain, plen, sv->val);
    sodium_memzero(key, sizeof key);
    sodium_memzero(plain, plen);
    free(plain);
    return sv;
}

void store_sealed_free(struct store_sealed *sv)
{
    if (!sv)
        return;
    free(sv->val);
    sodium_memzero(sv, sizeof *sv);
    free(sv);
}

int store_value_put_sealed(struct store_txn *t, MDB_cursor *c, const struct wt_record *r,
                           const struct store_sealed *sv, unsigned flags)
{
    const char *id = r->v[0];
    unsigned char kb[CASE_KEY_LEN];
    MDB_val k = store_rec_key_new(t, r->kind, id, kb), v = {sv->len, NULL};
    if (!k.mv_size)
        return store_txn_fail(t, WT_EPERM, id);
    /* A case's key is new on every batch write: the value is sealed under it. */
    unsigned char wkey[STORE_SEAL_LEN(32)];
    const unsigned char *wk = sv->wkey;
    if (sv->wrap_later) {
        char ad[CASE_AD_LEN];
        store_key_ad(&k, ad);
        store_seal_into(t->s->dkey[COMP_CASE], "casekey", ad, sv->rawkey, 32, wkey);
        wk = wkey;
    }
    if (sv->has_key && casekey_put(t, id, k, wk) != 0)
        return t->err;
    int rc = mdb_cursor_put(c, &k, &v, flags | MDB_RESERVE);
    if (rc)
        return store_txn_mdb_fail(t, rc, id);
    memcpy(v.mv_data, sv->val, sv->len);
    return 0;
}

/* Opens a value sealed with ad (store_rec_ad) as associated data; the
 * record's id is the caller's to check. */
static int value_open(const struct store *s, enum wt_kind kind, const char *ad,
                      const char *kad, const unsigned char *wkey, size_t wlen,
                      const unsigned char *val, size_t len, struct wt_record *out)
{
    record_init(out, kind);
    enum store_comp c = store_comp_of(kind);
    if (!s->unlocked[c])
        return WT_EPERM;
    unsigned char key[32];
    if (kind == WT_CASES) {
        int rc = casekey_unwrap(s, kad, wkey, wlen, key);
        if (rc)
            return rc;
    } else {
        memcpy(key, s->dkey[c], 32);
    }
    unsigned char *plain;
    size_t plen;
    int rc = store_unseal(key, kind_tag(kind), ad, val, len, &plain, &plen);
    sodium_memzero(key, sizeof key);
    if (rc)
        return rc;
    rc = store_decode(kind, plain, plen, out);
    sodium_memzero(plain, plen);
    free(plain);
    if (rc == 0 && links_open(s, out) != 0) {
        record_fini(out);
        record_init(out, kind);
        return WT_ECORRUPT;
    }
    return rc;
}

int store_value_open(const struct store *s, enum wt_kind kind, const char *id,
                     const unsigned char *wkey, size_t wlen, const unsigned char *val, size_t len,
                     struct wt_record *out)
{
    char adb[CASE_AD_LEN];
    const char *ad = store_rec_ad(s, kind, id, adb);
    if (!ad) {
        record_init(out, kind);
        return WT_EPERM;
    }
    int rc = value_open(s, kind, ad, ad, wkey, wlen, val, len, out);
    if (rc == 0 && strcmp(out->v[0], id) != 0) {
        record_fini(out);
        record_init(out, kind);
        return WT_ECORRUPT;
    }
    return rc;
}

int store_value_open_token(const struct store *s, enum wt_kind kind,
                           const unsigned char k[CASE_KEY_LEN], const unsigned char *wkey,
                           size_t wlen, const unsigned char *val, size_t len,
                           struct wt_record *out)
{
    char ad[CASE_AD_LEN];
    store_case_ad(k, ad);
    int rc = value_open(s, kind, ad, ad, wkey, wlen, val, len, out);
    unsigned char again[CASE_KEY_LEN];
    /* The id inside must give the key it is stored under: no swapping. */
    if (rc == 0 && (!store_case_token(s, out->v[0], again) ||
                    sodium_memcmp(again, k, CASE_KEY_LEN) != 0)) {
        record_fini(out);
        record_init(out, kind);
        return WT_ECORRUPT;
    }
    return rc;
}

int store_value_open_seq(const struct store *s, enum wt_kind kind, const MDB_val *k,
                         const unsigned char *wkey, size_t wlen, const unsigned char *val,
                         size_t len, struct wt_record *out)
{
    char kad[CASE_AD_LEN];
    store_key_ad(k, kad);
    return value_open(s, kind, CASE_SEQ_VALUE_AD, kad, wkey, wlen, val, len, out);
}

int store_value_read(struct store_txn *t, enum wt_kind kind, const char *id,
                     const unsigned char *val, size_t len, struct wt_record *out)
{
    if (!t->s->encrypted) {
        int rc = store_decode(kind, val, len, out);
        if (rc == 0 && strcmp(out->v[0], id) != 0) {
            record_fini(out);
            return WT_ECORRUPT;
        }
        return rc;
    }
    MDB_val wk = {0, NULL};
    if (kind == WT_CASES && t->s->unlocked[COMP_CASE]) {
        unsigned char kb[CASE_KEY_LEN];
        MDB_val k = store_rec_key(t, kind, id, kb);
        if (!k.mv_size) {
            record_init(out, kind);
            return WT_EPERM;
        }
        int rc = mdb_get(t->txn, t->s->casekeys, &k, &wk);
        if (rc && rc != MDB_NOTFOUND) {
            record_init(out, kind);
            return store_txn_mdb_fail(t, rc, id);
        }
    }
    if (kind == WT_CASES && store_case_seq(t->s) && t->s->unlocked[COMP_CASE]) {
        unsigned char kb[CASE_KEY_LEN];
        MDB_val k = store_rec_key(t, kind, id, kb);
        int rc = store_value_open_seq(t->s, kind, &k, wk.mv_data, wk.mv_size, val, len, out);
        if (rc == 0 && strcmp(out->v[0], id) != 0) { /* the map sent it elsewhere */
            record_fini(out);
            record_init(out, kind);
            return WT_ECORRUPT;
        }
        return rc;
    }
    return store_value_open(t->s, kind, id, wk.mv_data, wk.mv_size, val, len, out);
}

int store_casekey_destroy(struct store_txn *t, const char *id)
{
    if (!t->s->encrypted)
        return 0;
    unsigned char kb[CASE_KEY_LEN];
    MDB_val k = store_rec_key(t, WT_CASES, id, kb);
    if (!k.mv_size)
        return store_txn_fail(t, WT_EPERM, id);
    int rc = mdb_del(t->txn, t->s->casekeys, &k, NULL);
    return rc && rc != MDB_NOTFOUND ? store_txn_mdb_fail(t, rc, id) : 0;
}

/* Index values repeat (areas, needs, statuses, dates): their hashes are
 * cached, in a table probed over HCACHE_WAYS slots so that a few thousand
 * distinct values (the days of some years) do not keep evicting each other.
 * One table per thread (an import's helpers hash too), valid for one store
 * and one set of hash keys: a generation number says which. */
#define HCACHE 8192
#define HCACHE_WAYS 8
struct hcache_entry {
    char *folded;
    int comp;
    char text[33]; /* the hash as it goes into a key */
};
static _Thread_local struct hcache_entry *hcache;
static _Thread_local uint64_t hcache_gen;
static atomic_uint_fast64_t hcache_gens;

static void hcache_free(void)
{
    if (!hcache)
        return;
    for (size_t i = 0; i < HCACHE; i++)
        free(hcache[i].folded);
    free(hcache);
    hcache = NULL;
}

void store_hcache_clear(struct store *s)
{
    /* The keys changed: every thread's table is out of date. Set on the
     * store's own thread, never while helpers hash. */
    s->hgen = atomic_fetch_add(&hcache_gens, 1) + 1;
    hcache_free();
}

void store_thread_end(void)
{
    hcache_free();
    sodium_memzero(rnd_buf, sizeof rnd_buf);
    rnd_left = 0;
}

size_t store_index_value(struct store *s, enum store_comp c, const char *folded, char *out,
                         size_t cap)
{
    if (hcache && hcache_gen != s->hgen)
        hcache_free();
    if (!hcache) {
        hcache = xcalloc(HCACHE, sizeof *hcache);
        hcache_gen = s->hgen;
    }
    if (cap < 33)
        return 0;
    size_t len = strlen(folded), h = 1469598103934665603ull ^ (size_t)c;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)folded[i]) * 1099511628211ull;
    struct hcache_entry *e = NULL;
    for (size_t w = 0; w < HCACHE_WAYS; w++) {
        struct hcache_entry *x = &hcache[(h + w) % HCACHE];
        if (!x->folded) {
            if (!e)
                e = x;
            break;
        }
        if (x->comp == (int)c && strcmp(x->folded, folded) == 0) {
            memcpy(out, x->text, 33);
            return strlen(out);
        }
    }
    if (!e) /* the window is full: replace one of its slots */
        e = &hcache[(h + (h >> 17) % HCACHE_WAYS) % HCACHE];
    unsigned char hash[16];
    size_t hl = s->short_hash ? 12 : 16;
    crypto_generichash(hash, hl, (const unsigned char *)folded, len, s->hkey[c], 32);
    if (s->short_hash)
        sodium_bin2base64(out, cap, hash, hl, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    else
        sodium_bin2hex(out, cap, hash, hl);
    if (len < 256) {
        free(e->folded);
        e->folded = xstrdup(folded);
        e->comp = (int)c;
        memcpy(e->text, out, 33);
    }
    return strlen(out);
}

void store_derive_hkey(const unsigned char dkey[32], unsigned char hkey[32])
{
    static const unsigned char label[] = "wijktafel index v1";
    crypto_generichash(hkey, 32, label, sizeof label - 1, dkey, 32);
}

void store_wipe_keys(struct store *s)
{
    store_hcache_clear(s);
    sodium_memzero(s->dkey, sizeof s->dkey);
    sodium_memzero(s->hkey, sizeof s->hkey);
    sodium_memzero(s->member_sk, sizeof s->member_sk);
    s->have_member_sk = false;
    sodium_memzero(s->idkey, sizeof s->idkey);
    s->have_idkey = false;
    memset(s->unlocked, 0, sizeof s->unlocked);
}

void store_sha256_hex(const void *data, size_t len, char hex[65])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, data, len);
    sodium_bin2hex(hex, 65, h, sizeof h);
}
