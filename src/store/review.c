/* review.c: the review queue of volunteers' submissions (and conflicts from bundles). */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/xalloc.h"

/* Review queue values are sealed with the key of their record's
 * compartment: a volunteer's submission with the general key, a conflict
 * about a case or an action (its id and field) with the case key. */
static int log_seal(struct store_txn *t, enum store_comp comp, const char *key, struct buf *plain,
                    unsigned char **out, size_t *len)
{
    if (!t->s->encrypted) {
        *len = plain->len;
        *out = (unsigned char *)xstrndup(plain->data, plain->len);
        return 0;
    }
    if (!t->s->unlocked[comp])
        return WT_EPERM;
    store_seal(t->s->dkey[comp], "log", key, (unsigned char *)plain->data, plain->len, out, len);
    return 0;
}

/* Opens a value sealed by log_seal with whichever key opens it: WT_EPERM
 * when none of the keys held does (and the case key is not held). */
static int log_open(struct store_txn *t, const char *key, const MDB_val *v, unsigned char **out,
                    size_t *len)
{
    if (!t->s->encrypted) {
        *out = (unsigned char *)xstrndup(v->mv_data, v->mv_size);
        *len = v->mv_size;
        return 0;
    }
    if (!t->s->unlocked[COMP_GEN])
        return WT_EPERM;
    int rc = store_unseal(t->s->dkey[COMP_GEN], "log", key, v->mv_data, v->mv_size, out, len);
    if (rc && t->s->unlocked[COMP_CASE])
        rc = store_unseal(t->s->dkey[COMP_CASE], "log", key, v->mv_data, v->mv_size, out, len);
    else if (rc)
        rc = WT_EPERM;
    return rc;
}

/* The flag on a stored value's kind byte: who decided and when follow the reason. */
#define REVIEW_DECIDED 0x40

/* The key a submission is sealed with: a volunteer's new care request with
 * the general key (its submitter reads it), the rest by its record's kind. */
static enum store_comp review_comp(enum wt_kind kind, const char *status)
{
    if (kind == WT_CASES && strcmp(status, "conflict") != 0)
        return COMP_GEN;
    return store_comp_of(kind);
}

/* Whether a stored value (plain: kind byte, then the status) belongs under
 * the case key. */
static bool sealed_with_case_key(const unsigned char *p, size_t len)
{
    unsigned kind = p[0] & ~REVIEW_DECIDED;
    size_t n;
    if (kind >= WT_KIND_COUNT || len < 1 + sizeof n)
        return false;
    memcpy(&n, p + 1, sizeof n);
    char status[12] = "";
    if (n < sizeof status && n <= len - 1 - sizeof n)
        memcpy(status, p + 1 + sizeof n, n);
    return review_comp((enum wt_kind)kind, status) == COMP_CASE;
}

int store_review_reseal_cases(struct store_txn *t)
{
    struct store *s = t->s;
    if (t->err || !s->encrypted || !s->unlocked[COMP_GEN] || !s->unlocked[COMP_CASE])
        return t->err;
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, s->review, &c);
    if (rc)
        return store_txn_mdb_fail(t, rc, "review");
    MDB_val k, v;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0 && !t->err;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        char name[40];
        store_copy_field(name, sizeof name, k.mv_data, k.mv_size);
        unsigned char *p, *sealed;
        size_t pl, sl;
        if (store_unseal(s->dkey[COMP_GEN], "log", name, v.mv_data, v.mv_size, &p, &pl) != 0)
            continue; /* sealed with the case key already, or damaged */
        if (pl > 0 && sealed_with_case_key(p, pl)) {
            store_seal(s->dkey[COMP_CASE], "log", name, p, pl, &sealed, &sl);
            MDB_val nv = {sl, sealed};
            int prc = store_cursor_replace(c, &k, &nv);
            if (prc)
                store_txn_mdb_fail(t, prc, "review");
            free(sealed);
        }
        sodium_memzero(p, pl);
        free(p);
    }
    mdb_cursor_close(c);
    return t->err;
}

/* --- review queue ----------------------------------------------------- */

static void put_str(struct buf *b, const char *s)
{
    size_t n = strlen(s);
    buf_append(b, &n, sizeof n);
    buf_append(b, s, n);
}

static int get_str(const unsigned char **p, const unsigned char *end, char *out, size_t cap)
{
    size_t n;
    if ((size_t)(end - *p) < sizeof n)
        return -1;
    memcpy(&n, *p, sizeof n);
    *p += sizeof n;
    if ((size_t)(end - *p) < n || n >= cap)
        return -1;
    memcpy(out, *p, n);
    out[n] = '\0';
    *p += n;
    return 0;
}

int store_review_put(struct store_txn *t, struct store_submission *s)
{
    if (t->err)
        return t->err;
    if (!s->id[0]) {
        MDB_cursor *c;
        int rc = mdb_cursor_open(t->txn, t->s->review, &c);
        if (rc)
            return store_txn_mdb_fail(t, rc, "review");
        MDB_val k, v;
        unsigned long n = 0;
        if (mdb_cursor_get(c, &k, &v, MDB_LAST) == 0 && k.mv_size > 2)
            n = strtoul((char *)k.mv_data + 2, NULL, 10);
        mdb_cursor_close(c);
        snprintf(s->id, sizeof s->id, "v-%06lu", n + 1);
    }
    struct buf b = {0};
    /* REVIEW_DECIDED marks the values that carry who decided and when (a
     * reader of older values finds the kind alone). */
    buf_putc(&b, (char)(s->rec.kind | REVIEW_DECIDED));
    put_str(&b, s->status);
    put_str(&b, s->submitter);
    put_str(&b, s->date);
    put_str(&b, s->reason);
    put_str(&b, s->decider);
    put_str(&b, s->decided);
    unsigned char *enc;
    size_t elen;
    store_encode(&s->rec, &enc, &elen);
    buf_append(&b, enc, elen);
    free(enc);
    unsigned char *val;
    size_t len;
    struct buf wrapped = b;
    if (log_seal(t, review_comp(s->rec.kind, s->status), s->id, &wrapped, &val, &len) != 0) {
        buf_fini(&b);
        return store_txn_fail(t, WT_EPERM, "review");
    }
    buf_fini(&b);
    MDB_val k = {strlen(s->id), s->id}, v = {len, val};
    int rc = mdb_put(t->txn, t->s->review, &k, &v, 0);
    free(val);
    return rc ? store_txn_mdb_fail(t, rc, "review") : 0;
}

static int decode_submission(struct store_txn *t, const char *id, const MDB_val *v,
                             struct store_submission *out)
{
    memset(out, 0, sizeof *out);
    record_init(&out->rec, WT_SIGNALS);
    unsigned char *plain;
    size_t plen;
    int rc = log_open(t, id, v, &plain, &plen);
    if (rc)
        return rc;
    const unsigned char *p = plain, *end = plain + plen;
    snprintf(out->id, sizeof out->id, "%s", id);
    bool decided = plen >= 1 && (*p & REVIEW_DECIDED);
    if (plen < 1 || (*p & ~REVIEW_DECIDED) >= WT_KIND_COUNT) {
        free(plain);
        return WT_ECORRUPT;
    }
    enum wt_kind kind = (enum wt_kind)(*p++ & ~REVIEW_DECIDED);
    rc = get_str(&p, end, out->status, sizeof out->status) ||
                 get_str(&p, end, out->submitter, sizeof out->submitter) ||
                 get_str(&p, end, out->date, sizeof out->date) ||
                 get_str(&p, end, out->reason, sizeof out->reason) ||
                 (decided && (get_str(&p, end, out->decider, sizeof out->decider) ||
                              get_str(&p, end, out->decided, sizeof out->decided)))
             ? WT_ECORRUPT
             : store_decode(kind, p, (size_t)(end - p), &out->rec);
    free(plain);
    return rc;
}

int store_review_get(struct store_txn *t, const char *id, struct store_submission *out)
{
    memset(out, 0, sizeof *out);
    record_init(&out->rec, WT_SIGNALS);
    if (t->err)
        return t->err;
    MDB_val k = {strlen(id), (void *)id}, v;
    int rc = mdb_get(t->txn, t->s->review, &k, &v);
    if (rc == MDB_NOTFOUND)
        return WT_ENOTFOUND;
    if (rc)
        return store_txn_mdb_fail(t, rc, id);
    return decode_submission(t, id, &v, out);
}

int store_review_each(struct store_txn *t, store_review_fn fn, void *ctx)
{
    if (t->err)
        return t->err;
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->review, &c);
    if (rc)
        return store_txn_mdb_fail(t, rc, "review");
    MDB_val k, v;
    int ret = 0;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0 && !ret;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        char id[WT_MAX_ID + 1];
        store_copy_field(id, sizeof id, k.mv_data, k.mv_size);
        struct store_submission s;
        ret = decode_submission(t, id, &v, &s);
        if (!ret)
            ret = fn(ctx, &s);
        else if (ret == WT_EPERM)
            ret = 0; /* about a case: sealed with the case key */
        record_fini(&s.rec);
    }
    mdb_cursor_close(c);
    return ret;
}
