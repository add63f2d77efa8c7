/* rotate.c: new data keys for a compartment (a departure, encrypting a plain database):
 * resealed to every member that held the old one, every value re-encrypted or re-wrapped. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/xalloc.h"

/* Reseals compartment c's (new) key to every member that had it. */
static int reseal_members(struct store_txn *t, enum store_comp c, const unsigned char dkey[32])
{
    MDB_cursor *cur;
    int rc = mdb_cursor_open(t->txn, t->s->meta, &cur);
    if (rc)
        return store_txn_mdb_fail(t, rc, "meta");
    char suffix[8];
    snprintf(suffix, sizeof suffix, "/%s", keyring_comp_names[c]);
    size_t sl = strlen(suffix);
    struct { char *member; unsigned char pk[32]; } *list = NULL;
    size_t n = 0;
    MDB_val k = {4, "key/"}, v;
    for (rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE); rc == 0;
         rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
        if (k.mv_size < 4 || memcmp(k.mv_data, "key/", 4) != 0)
            break;
        if (k.mv_size < 4 + sl + 1 || memcmp((char *)k.mv_data + k.mv_size - sl, suffix, sl) != 0)
            continue;
        list = xrealloc(list, (n + 1) * sizeof *list);
        list[n++].member = xstrndup((char *)k.mv_data + 4, k.mv_size - 4 - sl);
    }
    mdb_cursor_close(cur);
    for (size_t i = 0; i < n; i++) {
        char *pkk = keyring_slot_key(list[i].member, "pk"), *pkv = NULL;
        unsigned char *pk;
        size_t pl;
        if (keyring_meta_get(t->txn, t->s, pkk, &pkv) == 0 && keyring_unb64(pkv, &pk, &pl) == 0) {
            if (pl == 32)
                keyring_seal_to(t, list[i].member, pk, c, dkey);
            free(pk);
        }
        free(pkv);
        free(pkk);
        free(list[i].member);
    }
    free(list);
    return t->err;
}

struct reseal {
    struct store_txn *t;
    struct wt_record *recs;
    size_t n, cap;
};

static int keep_record(void *ctx, const struct wt_record *r)
{
    struct reseal *rs = ctx;
    if (r->damaged)
        return WT_ECORRUPT; /* re-sealing would replace it with an empty record */
    if (rs->n == rs->cap) {
        rs->cap = rs->cap ? rs->cap * 2 : 64;
        rs->recs = xrealloc(rs->recs, rs->cap * sizeof *rs->recs);
    }
    record_copy(&rs->recs[rs->n++], r);
    return 0;
}

/* Reads every record of the kinds in compartment c (with the keys in s now),
 * or of every kind when c < 0. The caller frees the records. */
static int read_all(struct store_txn *t, int c, struct reseal *rs)
{
    for (int k = 0; k < WT_KIND_COUNT && !t->err; k++)
        if (c < 0 || (int)store_comp_of((enum wt_kind)k) == c)
            store_each(t, (enum wt_kind)k, keep_record, rs);
    return t->err;
}

static int write_all(struct store_txn *t, struct reseal *rs)
{
    for (size_t i = 0; i < rs->n && !t->err; i++) {
        unsigned char kb[CASE_KEY_LEN];
        MDB_val k = store_rec_key_new(t, rs->recs[i].kind, rs->recs[i].v[0], kb);
        unsigned char *val;
        size_t len;
        if (store_value_make(t, &rs->recs[i], &val, &len) != 0)
            break;
        MDB_val v = {len, val};
        int rc = mdb_put(t->txn, t->s->kinds[rs->recs[i].kind], &k, &v, 0);
        free(val);
        if (rc)
            store_txn_mdb_fail(t, rc, rs->recs[i].v[0]);
    }
    return t->err;
}

static void free_all(struct reseal *rs)
{
    for (size_t i = 0; i < rs->n; i++)
        record_fini(&rs->recs[i]);
    free(rs->recs);
}

/* Re-encrypts, from old to new key, every value of dbi whose key starts with
 * prefix (plen bytes; 0 for all), sealed with tag and the key as associated
 * data. A value that does not open is left for check to report. */
static int reseal_range(struct store_txn *t, MDB_dbi dbi, const char *prefix, size_t plen,
                        const char *tag, const unsigned char oldk[32],
                        const unsigned char newk[32])
{
    MDB_cursor *cur;
    int rc = mdb_cursor_open(t->txn, dbi, &cur);
    if (rc)
        return store_txn_mdb_fail(t, rc, tag);
    MDB_val k = {plen, (void *)prefix}, v;
    for (rc = mdb_cursor_get(cur, &k, &v, plen ? MDB_SET_RANGE : MDB_FIRST); rc == 0 && !t->err;
         rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
        if (k.mv_size < plen || memcmp(k.mv_data, prefix, plen) != 0)
            break;
        char *key;
        if (store_is_case_token(&k) || store_is_case_seq(&k)) { /* a case key */
            key = xmalloc(CASE_AD_LEN);
            store_key_ad(&k, key);
        } else {
            key = xstrndup(k.mv_data, k.mv_size);
        }
        unsigned char *p, *sealed;
        size_t pl, sl;
        if (store_unseal(oldk, tag, key, v.mv_data, v.mv_size, &p, &pl) == 0) {
            store_seal(newk, tag, key, p, pl, &sealed, &sl);
            MDB_val nv = {sl, sealed};
            int prc = store_cursor_replace(cur, &k, &nv);
            if (prc)
                store_txn_mdb_fail(t, prc, key);
            free(sealed);
            sodium_memzero(p, pl);
            free(p);
        }
        free(key);
    }
    mdb_cursor_close(cur);
    return t->err;
}

/* Re-encrypts every meta value sealed with compartment c's key from old to new. */
static int reseal_meta(struct store_txn *t, enum store_comp c, const unsigned char oldk[32],
                       const unsigned char newk[32])
{
    for (size_t i = 0; i < STORE_N_SEALED_PREFIXES && !t->err; i++)
        if (store_sealed_prefixes[i].comp == c)
            reseal_range(t, t->s->meta, store_sealed_prefixes[i].prefix,
                         strlen(store_sealed_prefixes[i].prefix), "meta", oldk, newk);
    return t->err;
}

/* Re-encrypts the per-case keys from old to new case key. */
static int reseal_casekeys(struct store_txn *t, const unsigned char oldk[32],
                           const unsigned char newk[32])
{
    /* Under numbers only those keys: the map's entries are not sealed. */
    static const char seq[1] = {CASE_SEQ};
    bool numbers = store_case_seq(t->s);
    return reseal_range(t, t->s->casekeys, numbers ? seq : "", numbers ? 1 : 0, "casekey", oldk,
                        newk);
}

int store_rotate(struct store_txn *t, int comp, const unsigned char newkey[32])
{
    struct store *s = t->s;
    enum store_comp c = (enum store_comp)comp;
    if (t->err)
        return t->err;
    if (!s->encrypted || !s->unlocked[c])
        return store_txn_fail(t, WT_EPERM, _("de sleutels zijn niet geopend"));
    /* The log and links under the case key first (schema 6's step). */
    bool both = s->unlocked[COMP_GEN] && s->unlocked[COMP_CASE];
    MDB_val lk = {7, "log-key"}, lv;
    if (both && mdb_get(t->txn, s->meta, &lk, &lv) == MDB_NOTFOUND)
        store_keys_migrate(t);
    unsigned char oldk[32];
    memcpy(oldk, s->dkey[c], 32);
    struct reseal rs = {.t = t};
    if (c == COMP_CASE) {
        /* Case records keep their own keys; those keys are rewrapped. The
         * links from signals to cases are sealed with the case key. */
        int only = WT_ACTIONS;
        store_each(t, (enum wt_kind)only, keep_record, &rs);
        store_each(t, WT_SIGNALS, keep_record, &rs);
        reseal_casekeys(t, oldk, newkey);
    } else {
        read_all(t, c, &rs);
    }
    /* The review queue's values of this compartment (and a log of format 2). */
    store_journal_reseal(t, oldk, newkey);
    reseal_meta(t, c, oldk, newkey);
    memcpy(s->dkey[c], newkey, 32);
    store_derive_hkey(newkey, s->hkey[c]);
    store_hcache_clear(s);
    write_all(t, &rs);
    free_all(&rs);
    /* Only the indexes hashed with this key change; an older database gets
     * the short hash form now, and so every index anew. */
    bool was_short = s->short_hash;
    store_short_hash_on(t);
    if (was_short)
        index_rebuild_comp(t, c);
    else
        index_rebuild(t);
    reseal_members(t, c, newkey);
    keyring_keyid_put(t);
    /* The log: sealed to a key pair derived from the case key, chained with
     * a key derived from the general key; both change with their key. */
    if (both && !t->err) {
        store_log_rewrite(t, false, NULL, c == COMP_CASE ? oldk : NULL);
        store_logkey_put(t);
    }
    if (c == COMP_GEN) /* the tags' key derives from the general key */
        store_clock_tag_all(t);
    if (t->err) {
        memcpy(s->dkey[c], oldk, 32);
        store_derive_hkey(oldk, s->hkey[c]);
        store_hcache_clear(s);
    }
    sodium_memzero(oldk, sizeof oldk);
    return t->err;
}

int store_encrypt_all(struct store_txn *t, const unsigned char gen[32],
                      const unsigned char cases[32])
{
    struct store *s = t->s;
    if (t->err)
        return t->err;
    /* Read everything as it is stored now (plain), then write it sealed. */
    s->encrypted = false;
    struct reseal rs = {.t = t};
    read_all(t, -1, &rs);
    s->encrypted = true;
    memcpy(s->dkey[COMP_GEN], gen, 32);
    memcpy(s->dkey[COMP_CASE], cases, 32);
    for (int c = 0; c < COMP_COUNT; c++) {
        store_derive_hkey(s->dkey[c], s->hkey[c]);
        s->unlocked[c] = true;
    }
    store_hcache_clear(s);
    write_all(t, &rs);
    free_all(&rs);
    store_journal_reseal(t, NULL, s->dkey[COMP_GEN]);
    store_review_reseal_cases(t);
    store_log_rewrite(t, true, NULL, NULL);
    store_logkey_put(t);
    store_clock_tag_all(t);
    /* Meeting notes, wellbeing measures, closing dates and rounds in meta are
     * sealed from now on. */
    MDB_cursor *cur;
    for (size_t pi = 0; pi < STORE_N_SEALED_PREFIXES; pi++) {
        const char *prefix = store_sealed_prefixes[pi].prefix;
        size_t plen = strlen(prefix);
        const unsigned char *key32 = s->dkey[store_sealed_prefixes[pi].comp];
        if (!t->err && mdb_cursor_open(t->txn, s->meta, &cur) == 0) {
            MDB_val k = {plen, (void *)prefix}, v;
            int rc;
            for (rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE); rc == 0 && !t->err;
                 rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
                if (k.mv_size < plen || memcmp(k.mv_data, prefix, plen) != 0)
                    break;
                char *key = xstrndup(k.mv_data, k.mv_size);
                unsigned char *sealed;
                size_t sl;
                store_seal(key32, "meta", key, v.mv_data, v.mv_size, &sealed, &sl);
                MDB_val nv = {sl, sealed};
                if (store_cursor_replace(cur, &k, &nv) != 0)
                    store_txn_fail(t, WT_EIO, key);
                free(sealed);
                free(key);
            }
            mdb_cursor_close(cur);
        }
    }
    store_meta_hide_names(t); /* what names a case, under its token */
    store_case_clocks_hide(t);
    store_case_ids_hide(t);
    store_case_seq_hide(t);
    store_case_index_hide(t);
    store_short_hash_on(t);
    index_rebuild(t);
    keyring_meta_put(t, "crypto", "1");
    keyring_keyid_put(t);
    return t->err;
}

void store_random_key(unsigned char key[32])
{
    randombytes_buf(key, 32);
}
