/* keymigrate.c: schema 6 on an encrypted database: what names a case goes under the case key.
 *
 * Before schema 6 the access log, the review queue's conflicts about cases,
 * the links from signals to cases and the closing dates of cases were sealed
 * with the general key (which volunteers hold) or not at all. The step moves
 * them under keys a volunteer's keyslot does not hold. It needs the case key,
 * which no program has at open, so it runs in one write transaction at the
 * first unlock by a member who holds it (store_unlock); until then the
 * database works as before. Old ciphertexts in freed pages go with a
 * compaction at the next open by a program that has the database alone. */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/xalloc.h"

bool store_keys_pending(struct store *s)
{
    if (!s->encrypted)
        return false;
    MDB_txn *txn;
    if (mdb_txn_begin(s->env, NULL, MDB_RDONLY, &txn) != 0)
        return false;
    MDB_val k = {7, "log-key"}, tk = {10, "clock-tags"}, v;
    bool pending = (s->unlocked[COMP_CASE] && mdb_get(txn, s->meta, &k, &v) == MDB_NOTFOUND) ||
                   (s->unlocked[COMP_GEN] && mdb_get(txn, s->meta, &tk, &v) == MDB_NOTFOUND) ||
                   (s->unlocked[COMP_CASE] && store_meta_names_pending(s, txn)) ||
                   (s->unlocked[COMP_CASE] && s->unlocked[COMP_GEN] &&
                    store_case_clocks_pending(s, txn)) ||
                   (s->unlocked[COMP_CASE] && store_case_ids_pending(s, txn)) ||
                   (s->unlocked[COMP_CASE] && store_case_seq_pending(s, txn)) ||
                   (s->unlocked[COMP_CASE] && store_case_index_pending(s, txn));
    mdb_txn_abort(txn);
    return pending;
}

int store_keys_upgrade(struct store_txn *t)
{
    struct store *s = t->s;
    MDB_val k = {7, "log-key"}, tk = {10, "clock-tags"}, v;
    if (s->unlocked[COMP_GEN] && mdb_get(t->txn, s->meta, &tk, &v) == MDB_NOTFOUND)
        store_clock_tag_all(t);
    if (s->unlocked[COMP_CASE] && mdb_get(t->txn, s->meta, &k, &v) == MDB_NOTFOUND)
        store_keys_migrate(t);
    /* Meta names that name a case go under their tokens; the old names must
     * not linger in freed pages. */
    if (s->unlocked[COMP_CASE] && store_meta_names_pending(s, t->txn) &&
        store_meta_hide_names(t) > 0)
        store_meta_put(t, "compact-pending", "1");
    /* So do case ids in the clocks' keys (caseid.c). */
    if (s->unlocked[COMP_CASE] && s->unlocked[COMP_GEN] &&
        store_case_clocks_pending(s, t->txn) && store_case_clocks_hide(t) > 0)
        store_meta_put(t, "compact-pending", "1");
    if (s->unlocked[COMP_CASE] && store_case_ids_pending(s, t->txn) &&
        store_case_ids_hide(t) > 0)
        store_meta_put(t, "compact-pending", "1");
    /* Cases under tokens go under numbers (caseseq.c); the tokens' pages
     * go with the compaction. */
    if (s->unlocked[COMP_CASE] && store_case_seq_pending(s, t->txn) &&
        store_case_seq_hide(t) > 0)
        store_meta_put(t, "compact-pending", "1");
    if (s->unlocked[COMP_CASE] && store_case_index_pending(s, t->txn) &&
        store_case_index_hide(t) == 0)
        store_meta_put(t, "compact-pending", "1");
    return t->err;
}

struct links {
    struct store_txn *t;
};

/* Writes a signal (or other record with a link to a case) again: its link
 * gets sealed with the case key. */
static int reseal_links(void *ctx, const struct wt_record *r)
{
    struct store_txn *t = ctx;
    if (r->damaged)
        return 0; /* check names it */
    bool any = false;
    for (int f = 1; f < record_kind(r->kind)->nfields; f++)
        any |= store_case_link(r->kind, f) && r->v[f];
    if (!any)
        return 0;
    unsigned char *val;
    size_t len;
    if (store_value_make(t, r, &val, &len) != 0)
        return t->err;
    MDB_val k = {strlen(r->v[0]), r->v[0]}, v = {len, val};
    int rc = mdb_put(t->txn, t->s->kinds[r->kind], &k, &v, 0);
    free(val);
    return rc ? store_txn_mdb_fail(t, rc, r->v[0]) : 0;
}

/* Seals the meta values under a prefix sealed since schema 6 ("closed/"):
 * a value that does not open with its key yet is taken as plain. */
static void seal_new_prefixes(struct store_txn *t)
{
    for (size_t i = 0; i < STORE_N_SEALED_PREFIXES && !t->err; i++) {
        const struct store_sealed_prefix *sp = &store_sealed_prefixes[i];
        if (!sp->since6)
            continue;
        size_t pl = strlen(sp->prefix);
        MDB_cursor *c;
        int rc = mdb_cursor_open(t->txn, t->s->meta, &c);
        if (rc) {
            store_txn_mdb_fail(t, rc, "meta");
            return;
        }
        MDB_val k = {pl, (void *)sp->prefix}, v;
        for (rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE); rc == 0 && !t->err;
             rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
            if (k.mv_size < pl || memcmp(k.mv_data, sp->prefix, pl) != 0)
                break;
            char *key = xstrndup(k.mv_data, k.mv_size);
            int orc;
            char *plain = store_meta_open(t, key, &v, &orc);
            free(plain);
            if (orc == WT_ECORRUPT) {
                unsigned char *sealed;
                size_t sl;
                store_seal(t->s->dkey[sp->comp], "meta", key, v.mv_data, v.mv_size, &sealed,
                           &sl);
                /* A copy of the key: the node moves with a longer value. */
                MDB_val kk = {k.mv_size, key}, nv = {sl, sealed};
                int prc = mdb_cursor_put(c, &kk, &nv, MDB_CURRENT);
                if (prc)
                    store_txn_mdb_fail(t, prc, key);
                free(sealed);
            }
            free(key);
        }
        mdb_cursor_close(c);
    }
}

int store_keys_migrate(struct store_txn *t)
{
    struct store *s = t->s;
    if (t->err)
        return t->err;
    if (!s->encrypted || !s->unlocked[COMP_GEN] || !s->unlocked[COMP_CASE])
        return store_txn_fail(t, WT_EPERM, "keys");
    store_log_rewrite(t, false, s->dkey[COMP_GEN], NULL);
    for (int k = 0; k < WT_KIND_COUNT && !t->err; k++)
        if (store_comp_of((enum wt_kind)k) == COMP_GEN)
            store_each(t, (enum wt_kind)k, reseal_links, t);
    store_review_reseal_cases(t);
    seal_new_prefixes(t);
    index_rebuild(t); /* links are hashed with the case compartment's key now */
    store_logkey_put(t);
    /* The general key opened the old values: they must not linger in freed pages. */
    store_meta_put(t, "compact-pending", "1");
    return t->err;
}
