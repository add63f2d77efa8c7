/* bundle.c: the bundle file: a plain header, a wrapped stream key, a secretstream body. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/bytes.h"
#include "wijktafel/i18n.h"
#include "wijktafel/xalloc.h"

/* Layout (docs/sync.md): "WTBUNDLE", version byte, compartment byte, team id,
 * origin (8 bytes BE), recipient, six keyslot strings (u16 BE length each),
 * then the stream key wrapped (XChaCha20-Poly1305, the header so far as
 * associated data) under the team's bundle key of that compartment, the
 * secretstream header, and chunks [u32 BE length][ciphertext]; the first
 * chunk authenticates the whole header, the last carries TAG_FINAL. */
#define MAGIC "WTBUNDLE"
#define CHUNK 65536
#define STR_MAX 4096
#define NPUB crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define WRAPPED (NPUB + 32 + crypto_aead_xchacha20poly1305_ietf_ABYTES)
#define SSHDR crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define SSA crypto_secretstream_xchacha20poly1305_ABYTES

static const char *const slot_parts[6] = {NULL, "role", "pk", "sk", "gen", "case"};

void store_bundle_hdr_fini(struct store_bundle_hdr *h)
{
    for (int i = 0; i < 6; i++) {
        free(h->slot[i]);
        h->slot[i] = NULL;
    }
}

/* The team's bundle key of a compartment: derived from its data key, so it
 * is sealed to the members exactly as the data keys are. */
static void bundle_key(const unsigned char dkey[32], unsigned char out[32])
{
    static const char ctx[] = "wijktafel bundle key 1";
    crypto_generichash(out, 32, (const unsigned char *)ctx, sizeof ctx - 1, dkey, 32);
}

void store_bundle_key(const unsigned char dkey[32], unsigned char out[32])
{
    bundle_key(dkey, out);
}

/* Appends s (NULL: empty) as a u16 BE length and its bytes. */
static void put_str(struct buf *b, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    unsigned char l[2] = {(unsigned char)(n >> 8), (unsigned char)n};
    buf_append(b, l, 2);
    buf_append(b, s ? s : "", n);
}

/* Appends v big-endian. */
static void put_u64(struct buf *b, uint64_t v)
{
    unsigned char p[8];
    bytes_put_be64(p, v);
    buf_append(b, p, 8);
}

/* One part of member's keyslot as stored in meta ("" when absent); caller frees. */
static char *slot_get(struct store_txn *t, const char *member, const char *part)
{
    char *key = xasprintf("key/%s/%s", member, part);
    MDB_val k = {strlen(key), key}, v;
    char *out = mdb_get(t->txn, t->s->meta, &k, &v) == 0 ? xstrndup(v.mv_data, v.mv_size)
                                                          : xstrdup("");
    free(key);
    return out;
}

int store_bundle_seal(struct store_txn *t, int comp, const char *recipient, const char *member,
                      const unsigned char *body, size_t blen, struct buf *out,
                      struct wt_error *err)
{
    struct store *s = t->s;
    if (!s->encrypted || !s->unlocked[comp])
        return wt_error_set(err, WT_EPERM,
                            _("bundels kunnen alleen uit een versleutelde database; zet eerst "
                              "een wachtwoordzin met 'wijktafel passphrase'"));
    char *team = store_team_id(t);
    if (!team)
        return wt_error_set(err, WT_EIO, _("%s: de team-id ontbreekt"), s->dir);
    buf_append(out, MAGIC, 8);
    buf_putc(out, STORE_BUNDLE_VERSION);
    buf_putc(out, (char)comp);
    put_str(out, team);
    free(team);
    put_u64(out, store_db_id(t));
    put_str(out, recipient);
    for (int i = 0; i < 6; i++) {
        char *v = !member ? xstrdup("") : i == 0 ? xstrdup(member)
                                                 : slot_get(t, member, slot_parts[i]);
        /* A volunteer's keyslot never carries the case key. */
        if (i == 5 && comp == 0)
            v[0] = '\0';
        put_str(out, v);
        free(v);
    }
    unsigned char k[32], bk[32], w[WRAPPED];
    randombytes_buf(k, sizeof k);
    randombytes_buf(w, NPUB);
    bundle_key(s->dkey[comp], bk);
    crypto_aead_xchacha20poly1305_ietf_encrypt(w + NPUB, NULL, k, 32,
                                               (unsigned char *)out->data, out->len, NULL, w, bk);
    sodium_memzero(bk, sizeof bk);
    buf_append(out, w, sizeof w);
    crypto_secretstream_xchacha20poly1305_state st;
    unsigned char hdr[SSHDR];
    crypto_secretstream_xchacha20poly1305_init_push(&st, hdr, k);
    sodium_memzero(k, sizeof k);
    buf_append(out, hdr, sizeof hdr);
    size_t hlen = out->len;
    unsigned char *ad = xmalloc(hlen);
    memcpy(ad, out->data, hlen);
    unsigned char *c = xmalloc(CHUNK + SSA);
    size_t off = 0;
    do {
        size_t n = blen - off < CHUNK ? blen - off : CHUNK;
        unsigned char tag = off + n == blen ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0;
        unsigned long long clen;
        crypto_secretstream_xchacha20poly1305_push(&st, c, &clen, body + off, n,
                                                   off == 0 ? ad : NULL, off == 0 ? hlen : 0,
                                                   tag);
        unsigned char l[4] = {(unsigned char)(clen >> 24), (unsigned char)(clen >> 16),
                              (unsigned char)(clen >> 8), (unsigned char)clen};
        buf_append(out, l, 4);
        buf_append(out, c, (size_t)clen);
        off += n;
    } while (off < blen);
    free(c);
    free(ad);
    return 0;
}

/* A u16-length string of at most max bytes (caller frees), or NULL with r->bad. */
static char *take_str(struct bytes_rd *r, size_t max)
{
    size_t n = bytes_u16(r);
    if (n > max)
        r->bad = true;
    const unsigned char *q = bytes_take(r, n);
    return q ? xstrndup((const char *)q, n) : NULL;
}

/* WT_EINVAL with why as the message. */
static int bad_bundle(struct wt_error *err, const char *why)
{
    return wt_error_set(err, WT_EINVAL, "%s", why);
}

/* Parses the header; *hlen receives its length up to the wrapped key. */
static int parse_hdr(const unsigned char *file, size_t len, struct store_bundle_hdr *h,
                     size_t *hlen, struct wt_error *err)
{
    memset(h, 0, sizeof *h);
    struct bytes_rd r = {file, file + len, false};
    const unsigned char *m = bytes_take(&r, 10);
    if (!m || memcmp(m, MAGIC, 8) != 0)
        return bad_bundle(err, _("dit is geen wijktafel-bundel (of het begin is beschadigd)"));
    h->version = m[8];
    h->comp = m[9];
    if (h->version > STORE_BUNDLE_VERSION)
        return wt_error_set(err, WT_EINVAL,
                            _("deze bundel is van een nieuwere wijktafel (versie %d); werk "
                              "wijktafel bij"),
                            h->version);
    if (h->version != STORE_BUNDLE_VERSION || h->comp > 1)
        return bad_bundle(err, _("de bundel is beschadigd (kop)"));
    char *team = take_str(&r, sizeof h->team - 1);
    const unsigned char *o = bytes_take(&r, 8);
    char *rcpt = take_str(&r, sizeof h->recipient - 1);
    for (int i = 0; i < 6; i++)
        h->slot[i] = take_str(&r, STR_MAX);
    if (!r.bad) {
        snprintf(h->team, sizeof h->team, "%s", team);
        snprintf(h->recipient, sizeof h->recipient, "%s", rcpt);
        for (int i = 0; i < 8; i++)
            h->origin = h->origin << 8 | o[i];
    }
    free(team);
    free(rcpt);
    *hlen = (size_t)(r.p - file);
    if (r.bad || (size_t)(r.end - r.p) < WRAPPED + SSHDR + 4) {
        store_bundle_hdr_fini(h);
        return bad_bundle(err, _("de bundel is afgekapt of beschadigd"));
    }
    return 0;
}

int store_bundle_peek(const unsigned char *file, size_t len, struct store_bundle_hdr *h,
                      struct wt_error *err)
{
    size_t hlen = 0;
    return parse_hdr(file, len, h, &hlen, err);
}

/* Decrypts the chunks after the header with stream key k. */
static int open_body(const unsigned char *file, size_t len, size_t hlen, const unsigned char k[32],
                     unsigned char **body, size_t *blen, struct wt_error *err)
{
    struct bytes_rd r = {file + hlen + WRAPPED, file + len, false};
    const unsigned char *hdr = bytes_take(&r, SSHDR);
    size_t adlen = (size_t)(r.p - file);
    crypto_secretstream_xchacha20poly1305_state st;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&st, hdr, k) != 0)
        return bad_bundle(err, _("de bundel is beschadigd"));
    struct buf out = {0};
    unsigned char *m = xmalloc(CHUNK);
    unsigned char tag = 0;
    bool first = true;
    while (tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
        size_t n = bytes_u32(&r);
        const unsigned char *c = n >= SSA && n <= CHUNK + SSA ? bytes_take(&r, n) : NULL;
        unsigned long long mlen;
        if (!c || crypto_secretstream_xchacha20poly1305_pull(
                      &st, m, &mlen, &tag, c, n, first ? file : NULL, first ? adlen : 0) != 0) {
            free(m);
            buf_fini(&out);
            return bad_bundle(err, r.bad ? _("de bundel is afgekapt")
                                         : _("de bundel is beschadigd of veranderd"));
        }
        buf_append(&out, m, (size_t)mlen);
        first = false;
    }
    free(m);
    if (r.p != r.end) {
        buf_fini(&out);
        return bad_bundle(err, _("de bundel is beschadigd (er staat iets achter het einde)"));
    }
    *blen = out.len;
    *body = out.data ? (unsigned char *)buf_steal(&out) : xcalloc(1, 1);
    return 0;
}

int store_bundle_open(struct store_txn *t, const unsigned char *file, size_t len,
                      struct store_bundle_hdr *h, unsigned char **body, size_t *blen,
                      struct wt_error *err)
{
    struct store *s = t->s;
    size_t hlen = 0;
    *body = NULL;
    int rc = parse_hdr(file, len, h, &hlen, err);
    if (rc)
        return rc;
    char *team = store_team_id(t);
    if (!team || strcmp(team, h->team) != 0) {
        free(team);
        store_bundle_hdr_fini(h);
        return bad_bundle(err, _("deze bundel is van een ander team"));
    }
    free(team);
    if (!s->encrypted || !s->unlocked[h->comp]) {
        store_bundle_hdr_fini(h);
        return wt_error_set(err, WT_EPERM, _("deze database mag deze bundel niet openen"));
    }
    unsigned char bk[32], k[32];
    const unsigned char *w = file + hlen;
    bundle_key(s->dkey[h->comp], bk);
    rc = crypto_aead_xchacha20poly1305_ietf_decrypt(k, NULL, NULL, w + NPUB, WRAPPED - NPUB, file,
                                                    hlen, w, bk);
    sodium_memzero(bk, sizeof bk);
    if (rc != 0) {
        store_bundle_hdr_fini(h);
        return bad_bundle(err, _("de bundel is beschadigd, veranderd of van een ander team"));
    }
    rc = open_body(file, len, hlen, k, body, blen, err);
    sodium_memzero(k, sizeof k);
    if (rc)
        store_bundle_hdr_fini(h);
    return rc;
}

int store_bundle_adopt(struct store_txn *t, const struct store_bundle_hdr *h)
{
    struct store *s = t->s;
    if (t->err)
        return t->err;
    for (int i = 1; i < 6; i++) {
        if (!h->slot[i] || !*h->slot[i])
            continue;
        char *key = xasprintf("key/%s/%s", h->slot[0], slot_parts[i]);
        MDB_val k = {strlen(key), key}, v = {strlen(h->slot[i]), h->slot[i]};
        int rc = mdb_put(t->txn, s->meta, &k, &v, 0);
        free(key);
        if (rc)
            return store_txn_mdb_fail(t, rc, "meta");
    }
    store_meta_put(t, "team-id", h->team);
    MDB_val k = {6, "crypto"}, v = {1, "1"};
    int rc = mdb_put(t->txn, s->meta, &k, &v, 0);
    if (rc)
        return store_txn_mdb_fail(t, rc, "meta");
    s->encrypted = true;
    return t->err;
}
