/* codec.c: records as stored values: a format version byte, a field count, then length-prefixed fields. */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/text.h"
#include "wijktafel/xalloc.h"

/* Version 1: [1][varint n] then n times [varint len+1 (0 = empty)][bytes].
 * A later version may add fields at the end: a reader fills missing ones
 * as empty and the migration step brings old values up to date. */
#define VALUE_FORMAT 1

static int get_varint(const unsigned char **p, const unsigned char *end, size_t *out)
{
    size_t v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
        if (*p >= end)
            return -1;
        unsigned char c = *(*p)++;
        v |= (size_t)(c & 0x7f) << shift;
        if (!(c & 0x80)) {
            *out = v;
            return 0;
        }
    }
    return -1;
}

static size_t varint_len(size_t v)
{
    size_t n = 1;
    while (v >>= 7)
        n++;
    return n;
}

static unsigned char *put_varint_at(unsigned char *p, size_t v)
{
    do {
        *p = (unsigned char)(v & 0x7f);
        v >>= 7;
        if (v)
            *p |= 0x80;
        p++;
    } while (v);
    return p;
}

void store_encode(const struct wt_record *r, unsigned char **out, size_t *len)
{
    /* Measured first, then written into one allocation of the exact size. */
    const struct wt_kind_def *kd = record_kind(r->kind);
    size_t flen[WT_MAX_FIELDS];
    size_t total = 1 + varint_len((size_t)kd->nfields);
    for (int i = 0; i < kd->nfields; i++) {
        flen[i] = r->v[i] ? strlen(r->v[i]) : 0;
        total += r->v[i] ? varint_len(flen[i] + 1) + flen[i] : 1;
    }
    unsigned char *v = xmalloc(total), *p = v;
    *p++ = VALUE_FORMAT;
    p = put_varint_at(p, (size_t)kd->nfields);
    for (int i = 0; i < kd->nfields; i++) {
        if (!r->v[i]) {
            *p++ = 0;
            continue;
        }
        p = put_varint_at(p, flen[i] + 1);
        memcpy(p, r->v[i], flen[i]);
        p += flen[i];
    }
    *out = v;
    *len = total;
}

int store_decode(enum wt_kind kind, const unsigned char *val, size_t len, struct wt_record *out)
{
    const struct wt_kind_def *kd = record_kind(kind);
    const unsigned char *p = val, *end = val + len;
    record_init(out, kind);
    size_t n;
    if (len < 2 || *p++ != VALUE_FORMAT || get_varint(&p, end, &n) || n > WT_MAX_FIELDS ||
        n == 0)
        return WT_ECORRUPT;
    for (size_t i = 0; i < n; i++) {
        size_t fl;
        if (get_varint(&p, end, &fl) || fl > (size_t)(end - p) + 1 ||
            fl > WT_MAX_FIELD_BYTES + 1)
            goto bad;
        if (fl == 0)
            continue;
        fl--;
        if (fl == 0 || !text_valid_utf8((const char *)p, fl))
            goto bad;
        if ((int)i < kd->nfields)
            out->v[i] = xstrndup((const char *)p, fl);
        p += fl;
    }
    if (p != end || !out->v[0])
        goto bad;
    return 0;
bad:
    record_fini(out);
    return WT_ECORRUPT;
}
