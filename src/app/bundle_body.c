/* bundle_body.c: the plain body of a bundle: records with their clocks, tombstones, submissions. */
#include <stdlib.h>
#include <string.h>

#include "bundle_int.h"
#include "wijktafel/bytes.h"

/* Body: "WTB1", sender member, sender role, then items until 'E':
 *   'R' kind, u32 len, stored value (store_encode), n, n x (hlc, origin,
 *       previous hlc, previous origin)
 *   'T' kind, id, hlc, origin
 *   'S' id, status, submitter, date, reason, kind, u32 len, stored value
 *   'U' u32 len, a round's stored line (round.h)
 *   'D' round id, u32 len, a door's stored line
 *   'X' round id, hlc, origin (a deleted round)
 * Strings are u16 BE length + UTF-8; integers big-endian. */

/* Appends v big-endian. */
static void put_u64(struct buf *b, uint64_t v)
{
    unsigned char p[8];
    bytes_put_be64(p, v);
    buf_append(b, p, 8);
}

/* Appends the low 32 bits of v big-endian. */
static void put_u32(struct buf *b, size_t v)
{
    unsigned char p[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 8), (unsigned char)v};
    buf_append(b, p, 4);
}

/* Appends s as a u16 BE length and its bytes. */
static void put_str(struct buf *b, const char *s)
{
    size_t n = strlen(s);
    unsigned char l[2] = {(unsigned char)(n >> 8), (unsigned char)n};
    buf_append(b, l, 2);
    buf_append(b, s, n);
}

/* Appends kind, length and stored value of r. */
static void put_rec(struct buf *b, const struct wt_record *r)
{
    unsigned char *enc;
    size_t len;
    store_encode(r, &enc, &len);
    buf_putc(b, (char)r->kind);
    put_u32(b, len);
    buf_append(b, enc, len);
    free(enc);
}

void bundle_body_start(struct buf *b, const char *member, const char *role)
{
    buf_append(b, "WTB1", 4);
    put_str(b, member);
    put_str(b, role);
}

void bundle_body_record(struct buf *b, const struct wt_record *r, const struct store_stamp *st)
{
    buf_putc(b, 'R');
    put_rec(b, r);
    buf_putc(b, (char)st->n);
    for (int i = 0; i < st->n; i++) {
        put_u64(b, st->f[i].hlc);
        put_u64(b, st->f[i].origin);
        put_u64(b, st->prev[i].hlc);
        put_u64(b, st->prev[i].origin);
    }
}

void bundle_body_tomb(struct buf *b, enum wt_kind kind, const char *id,
                      const struct store_clock *c)
{
    buf_putc(b, 'T');
    buf_putc(b, (char)kind);
    put_str(b, id);
    put_u64(b, c->hlc);
    put_u64(b, c->origin);
}

void bundle_body_submission(struct buf *b, const struct store_submission *s)
{
    buf_putc(b, 'S');
    put_str(b, s->id);
    put_str(b, s->status);
    put_str(b, s->submitter);
    put_str(b, s->date);
    put_str(b, s->reason);
    put_rec(b, &s->rec);
}

/* Appends a u32 length and the line. */
static void put_line(struct buf *b, const char *line)
{
    size_t n = strlen(line);
    put_u32(b, n);
    buf_append(b, line, n);
}

void bundle_body_round(struct buf *b, const struct round *r)
{
    char *line = round_encode(r);
    buf_putc(b, 'U');
    put_line(b, line);
    free(line);
}

void bundle_body_door(struct buf *b, const char *round_id, const struct round_door *d)
{
    char *line = round_door_encode(d);
    buf_putc(b, 'D');
    put_str(b, round_id);
    put_line(b, line);
    free(line);
}

void bundle_body_round_gone(struct buf *b, const char *round_id, const struct store_clock *c)
{
    buf_putc(b, 'X');
    put_str(b, round_id);
    put_u64(b, c->hlc);
    put_u64(b, c->origin);
}

void bundle_body_end(struct buf *b)
{
    buf_putc(b, 'E');
}

/* Copies a string of at most cap - 1 bytes without NUL into out. */
static void get_str(struct bytes_rd *r, char *out, size_t cap)
{
    size_t n = bytes_u16(r);
    const unsigned char *q = n < cap ? bytes_take(r, n) : NULL;
    if (!q || memchr(q, 0, n)) {
        r->bad = true;
        out[0] = '\0';
        return;
    }
    memcpy(out, q, n);
    out[n] = '\0';
}

/* Reads kind, length and stored value into rec; validates every column. */
static void get_rec(struct bytes_rd *r, struct wt_record *rec)
{
    const unsigned char *k = bytes_take(r, 5);
    record_init(rec, WT_MEMBERS);
    if (!k || k[0] >= WT_KIND_COUNT) {
        r->bad = true;
        return;
    }
    size_t n = (size_t)k[1] << 24 | (size_t)k[2] << 16 | (size_t)k[3] << 8 | k[4];
    const unsigned char *v = bytes_take(r, n);
    struct wt_error err = {0};
    if (!v || store_decode((enum wt_kind)k[0], v, n, rec) != 0) {
        record_init(rec, WT_MEMBERS);
        r->bad = true;
    } else if (!record_id_valid(rec->v[0]) || record_validate(rec, &err) != 0) {
        r->bad = true;
    }
}

/* A u32-length line (at most 1 MiB, no NUL) as a string the caller frees;
 * NULL with r->bad when malformed. */
static char *get_line(struct bytes_rd *r)
{
    size_t n = bytes_u32(r);
    const unsigned char *q = n <= ((size_t)1 << 20) ? bytes_take(r, n) : NULL;
    if (!q || memchr(q, 0, n)) {
        r->bad = true;
        return NULL;
    }
    return xstrndup((const char *)q, n);
}

/* Reads a round's line into it->round; validates it. */
static void get_round(struct bytes_rd *r, struct bundle_item *it)
{
    char *line = get_line(r);
    struct wt_error err = {0};
    if (!line || round_decode(line, &it->round) != 0 || round_validate(&it->round, &err) != 0)
        r->bad = true;
    free(line);
}

/* Reads a round id and a door's line into it->id and it->door; validates it. */
static void get_door(struct bytes_rd *r, struct bundle_item *it)
{
    get_str(r, it->id, sizeof it->id);
    char *line = get_line(r);
    struct wt_error err = {0};
    if (!line || !record_id_valid(it->id) || round_door_decode(line, &it->door) != 0 ||
        round_door_validate(&it->door, &err) != 0)
        r->bad = true;
    free(line);
}

int bundle_body_read(const unsigned char *body, size_t len, struct bundle_sender *who,
                     bundle_item_fn fn, void *ctx)
{
    struct bytes_rd r = {body, body + len, false};
    memset(who, 0, sizeof *who);
    const unsigned char *m = bytes_take(&r, 4);
    if (!m || memcmp(m, "WTB1", 4) != 0)
        return WT_EINVAL;
    get_str(&r, who->member, sizeof who->member);
    get_str(&r, who->role, sizeof who->role);
    int ret = 0;
    while (!r.bad && !ret) {
        const unsigned char *t = bytes_take(&r, 1);
        if (!t)
            break;
        if (*t == 'E')
            return r.p == r.end ? 0 : WT_EINVAL;
        struct bundle_item it;
        memset(&it, 0, sizeof it);
        it.type = *t;
        round_init(&it.round);
        round_door_init(&it.door);
        if (*t == 'U' || *t == 'D' || *t == 'X') {
            record_init(&it.rec, WT_MEMBERS);
            if (*t == 'U') {
                round_fini(&it.round);
                get_round(&r, &it);
            } else if (*t == 'D') {
                round_door_fini(&it.door);
                get_door(&r, &it);
            } else {
                get_str(&r, it.id, sizeof it.id);
                it.stamp.f[0].hlc = bytes_u64(&r);
                it.stamp.f[0].origin = bytes_u64(&r);
                if (!record_id_valid(it.id))
                    r.bad = true;
            }
        } else if (*t == 'R') {
            get_rec(&r, &it.rec);
            const unsigned char *n = bytes_take(&r, 1);
            it.stamp.n = record_kind(it.rec.kind)->nfields;
            if (!n || *n != it.stamp.n)
                r.bad = true;
            for (int i = 0; !r.bad && i < it.stamp.n; i++) {
                it.stamp.f[i].hlc = bytes_u64(&r);
                it.stamp.f[i].origin = bytes_u64(&r);
                it.stamp.prev[i].hlc = bytes_u64(&r);
                it.stamp.prev[i].origin = bytes_u64(&r);
            }
        } else if (*t == 'T') {
            const unsigned char *k = bytes_take(&r, 1);
            get_str(&r, it.id, sizeof it.id);
            it.stamp.f[0].hlc = bytes_u64(&r);
            it.stamp.f[0].origin = bytes_u64(&r);
            if (!k || *k >= WT_KIND_COUNT || !record_id_valid(it.id))
                r.bad = true;
            else
                it.kind = (enum wt_kind)*k;
            record_init(&it.rec, it.kind);
        } else if (*t == 'S') {
            get_str(&r, it.sub.id, sizeof it.sub.id);
            get_str(&r, it.sub.status, sizeof it.sub.status);
            get_str(&r, it.sub.submitter, sizeof it.sub.submitter);
            get_str(&r, it.sub.date, sizeof it.sub.date);
            get_str(&r, it.sub.reason, sizeof it.sub.reason);
            get_rec(&r, &it.sub.rec);
            record_init(&it.rec, WT_MEMBERS);
        } else {
            r.bad = true;
            record_init(&it.rec, WT_MEMBERS);
        }
        if (!r.bad)
            ret = fn(ctx, &it);
        record_fini(&it.rec);
        record_fini(&it.sub.rec);
        round_fini(&it.round);
        round_door_fini(&it.door);
    }
    return ret ? ret : WT_EINVAL;
}
