/* caseid.c: case ids out of the file's keys (issue 14, point 4): the step that moves them.
 *
 * LMDB keys are not encrypted. In an encrypted database the clocks of cases
 * are stored under the key a case's tombstone has ([kind][TOMB_HASHED][keyed
 * BLAKE2b of the id], tomb.c), their value carrying the id sealed like a
 * tombstone's. A database from before has them under [kind][id]: the first
 * member who holds the case key moves them, in one write transaction, and
 * marks meta "case-clocks"; the old keys go with a compaction. */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/xalloc.h"

bool store_case_clocks_pending(const struct store *s, MDB_txn *txn)
{
    MDB_val k = {11, "case-clocks"}, v;
    return s->encrypted && mdb_get(txn, s->meta, &k, &v) == MDB_NOTFOUND;
}

/* The plain keys of the case clocks: each [kind][id], one after another as
 * [length][key]. */
static void collect_plain(struct store_txn *t, struct buf *keys)
{
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->clock, &c);
    if (rc) {
        store_txn_mdb_fail(t, rc, "clock");
        return;
    }
    unsigned char first = (unsigned char)WT_CASES;
    MDB_val k = {1, &first}, v;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE); rc == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        const unsigned char *p = k.mv_data;
        if (p[0] != (unsigned char)WT_CASES)
            break;
        if (SYNC_HASHED_KEY(&k) || k.mv_size < 2 || k.mv_size > WT_MAX_ID + 1)
            continue;
        unsigned char len = (unsigned char)k.mv_size;
        buf_append(keys, &len, 1);
        buf_append(keys, k.mv_data, k.mv_size);
    }
    mdb_cursor_close(c);
    if (rc != MDB_NOTFOUND)
        store_txn_mdb_fail(t, rc, "clock");
}

int store_case_clocks_hide(struct store_txn *t)
{
    struct store *s = t->s;
    if (t->err)
        return -1;
    if (!s->encrypted)
        return 0;
    if (!s->unlocked[COMP_CASE] || !s->unlocked[COMP_GEN]) {
        store_txn_fail(t, WT_EPERM, "clock");
        return -1;
    }
    struct buf keys = {0};
    collect_plain(t, &keys);
    s->case_clocks = true; /* from here on a case's clock goes under its hashed key */
    int moved = 0;
    for (size_t at = 0; at < keys.len && !t->err;) {
        size_t klen = (unsigned char)keys.data[at];
        MDB_val k = {klen, keys.data + at + 1}, v;
        at += 1 + klen;
        enum wt_kind kind;
        char id[WT_MAX_ID + 1];
        if (!sync_key_parse(&k, &kind, id) || mdb_get(t->txn, s->clock, &k, &v) != 0)
            continue;
        struct store_stamp st;
        memset(&st, 0, sizeof st);
        st.n = record_kind(kind)->nfields;
        if (sync_clock_decode(&k, v.mv_data, v.mv_size, &st) != 0)
            continue; /* damaged: left where it is, for check to report */
        sync_clock_write(t, kind, id, &st);
        int rc = mdb_del(t->txn, s->clock, &k, NULL);
        if (rc)
            store_txn_mdb_fail(t, rc, "clock");
        moved++;
    }
    buf_fini(&keys);
    store_meta_put(t, "case-clocks", "1");
    return t->err ? -1 : moved;
}
