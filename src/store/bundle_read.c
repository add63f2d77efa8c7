/* bundle_read.c: a bundle read from a file or pipe as it comes, checked piece by piece. */
#include <errno.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/xalloc.h"

/* The layout is bundle.c's: magic, version, compartment, strings, the wrapped
 * key, the secretstream header, [u32 BE length][chunk]... */
#define MAGIC "WTBUNDLE"
#define CHUNK 65536
#define STR_MAX 4096
#define NPUB crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define WRAPPED (NPUB + 32 + crypto_aead_xchacha20poly1305_ietf_ABYTES)
#define SSHDR crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define SSA crypto_secretstream_xchacha20poly1305_ABYTES

struct reading {
    FILE *in;
    struct buf *file;
    bool eof, failed;
};

/* Reads until the file holds total bytes; false at the end of the input. */
static bool need(struct reading *r, size_t total)
{
    while (r->file->len < total && !r->eof) {
        size_t want = total - r->file->len;
        char *at = buf_extend(r->file, want);
        size_t got = fread(at, 1, want, r->in);
        r->file->len -= want - got;
        r->file->data[r->file->len] = '\0';
        if (got < want) {
            r->eof = true;
            r->failed = ferror(r->in) != 0;
        }
    }
    return r->file->len >= total;
}

static const unsigned char *at(const struct reading *r, size_t off)
{
    return (const unsigned char *)r->file->data + off;
}

static int refuse(struct reading *r, const char *why, struct wt_error *err)
{
    if (r->failed)
        return wt_error_set(err, WT_EIO, _("de bundel kan niet worden gelezen: %s"),
                            strerror(errno));
    return wt_error_set(err, WT_EINVAL, "%s", why);
}

/* The header, string by string as it arrives; *hlen its length. */
static int read_header(struct reading *r, size_t *hlen, struct wt_error *err)
{
    if (!need(r, 10) || memcmp(at(r, 0), MAGIC, 8) != 0)
        return refuse(r, _("dit is geen wijktafel-bundel (of het begin is beschadigd)"), err);
    size_t off = 10;
    for (int i = 0; i < 9; i++) { /* team, origin (8 bytes), recipient, six slot parts */
        if (i == 1) {
            off += 8;
            continue;
        }
        if (!need(r, off + 2))
            return refuse(r, _("de bundel is afgekapt of beschadigd"), err);
        size_t n = (size_t)at(r, off)[0] << 8 | at(r, off)[1];
        if (n > STR_MAX)
            return refuse(r, _("de bundel is beschadigd (kop)"), err);
        off += 2 + n;
    }
    /* The complete header: bundle.c's own checks (version, sizes). */
    if (!need(r, off + WRAPPED + SSHDR + 4))
        return refuse(r, _("de bundel is afgekapt of beschadigd"), err);
    struct store_bundle_hdr h;
    int rc = store_bundle_peek(at(r, 0), r->file->len, &h, err);
    if (!rc)
        store_bundle_hdr_fini(&h);
    *hlen = off;
    return rc;
}

/* The stream key of the bundle, with s's keys; false when s cannot open it
 * (then store_bundle_open says why, after the reading). */
static bool stream_key(struct store *s, const struct reading *r, size_t hlen,
                       unsigned char k[32])
{
    int comp = at(r, 0)[9];
    if (!s || !s->encrypted || comp < 0 || comp >= COMP_COUNT || !s->unlocked[comp])
        return false;
    unsigned char bk[32];
    store_bundle_key(s->dkey[comp], bk);
    const unsigned char *w = at(r, hlen);
    bool ok = crypto_aead_xchacha20poly1305_ietf_decrypt(k, NULL, NULL, w + NPUB, WRAPPED - NPUB,
                                                         at(r, 0), hlen, w, bk) == 0;
    sodium_memzero(bk, sizeof bk);
    return ok;
}

int store_bundle_read_header(FILE *in, struct buf *file, struct wt_error *err)
{
    struct reading r = {in, file, false, false};
    size_t hlen = 0;
    return read_header(&r, &hlen, err);
}

int store_bundle_read(struct store *s, FILE *in, struct buf *file, struct wt_error *err)
{
    struct reading r = {in, file, false, false};
    size_t hlen = 0;
    int rc = read_header(&r, &hlen, err);
    if (rc)
        return rc;
    unsigned char k[32];
    crypto_secretstream_xchacha20poly1305_state st;
    bool keyed = stream_key(s, &r, hlen, k) &&
                 crypto_secretstream_xchacha20poly1305_init_pull(&st, at(&r, hlen + WRAPPED),
                                                                 k) == 0;
    sodium_memzero(k, sizeof k);
    size_t off = hlen + WRAPPED + SSHDR, adlen = off;
    unsigned char *m = keyed ? xmalloc(CHUNK) : NULL, tag = 0;
    for (bool first = true; tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL; first = false) {
        if (!keyed && !need(&r, off + 1) && !r.failed)
            break; /* without keys the end of the input is the end */
        if (!need(&r, off + 4)) {
            rc = refuse(&r, _("de bundel is afgekapt"), err);
            break;
        }
        const unsigned char *l = at(&r, off);
        size_t n = (size_t)l[0] << 24 | (size_t)l[1] << 16 | (size_t)l[2] << 8 | l[3];
        if (n < SSA || n > CHUNK + SSA) {
            rc = refuse(&r, _("de bundel is beschadigd of veranderd"), err);
            break;
        }
        if (!need(&r, off + 4 + n)) {
            rc = refuse(&r, _("de bundel is afgekapt"), err);
            break;
        }
        if (keyed && crypto_secretstream_xchacha20poly1305_pull(
                         &st, m, NULL, &tag, at(&r, off + 4), n, first ? at(&r, 0) : NULL,
                         first ? adlen : 0) != 0) {
            rc = refuse(&r, _("de bundel is beschadigd of veranderd"), err);
            break;
        }
        off += 4 + n;
    }
    if (m)
        sodium_memzero(m, CHUNK);
    free(m);
    if (!rc && keyed && need(&r, off + 1))
        rc = refuse(&r, _("de bundel is beschadigd (er staat iets achter het einde)"), err);
    if (!rc && r.failed)
        rc = refuse(&r, "", err);
    return rc;
}
