/* sync_check.c: check's look at the bundles' clocks and tombstones (split from sync.c). */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/i18n.h"

/* What is wrong with a clock or tombstone's tag, or NULL; *unverified is
 * set when it could not be checked (no key, or untagged before schema 6's step). */
static const char *tag_wrong(const MDB_val *k, const MDB_val *v, bool tomb, bool have_key,
                             const unsigned char ikey[32], bool tags_on, bool *unverified)
{
    const unsigned char *p = v->mv_data;
    if (v->mv_size > 0 && p[0] == (tomb ? SYNC_TOMB_FORMAT : SYNC_CLOCK_FORMAT)) {
        if (tags_on)
            return _("zonder controlegetal");
        *unverified = true;
        return NULL;
    }
    if (!have_key) {
        *unverified = true;
        return NULL;
    }
    unsigned char tag[STORE_ITAG];
    size_t len = v->mv_size - STORE_ITAG;
    store_itag(ikey, tomb ? "tomb" : "clock", k->mv_data, k->mv_size, p, len, tag);
    return sodium_memcmp(tag, p + len, STORE_ITAG) == 0 ? NULL : _("gewijzigd");
}

size_t store_sync_check(struct store_txn *t, store_report_fn report, void *ctx,
                        size_t *unverified)
{
    size_t problems = 0;
    char line[200];
    unsigned char ikey[32];
    bool have_key = store_ikey(t->s, ikey);
    MDB_val tk = {10, "clock-tags"}, tv;
    bool tags_on = mdb_get(t->txn, t->s->meta, &tk, &tv) == 0;
    *unverified = 0;
    for (int tomb = 0; tomb < 2; tomb++) {
        MDB_dbi dbi = tomb ? t->s->tombs : t->s->clock;
        const char *what = tomb ? "tombs" : "clock";
        MDB_cursor *c;
        if (mdb_cursor_open(t->txn, dbi, &c) != 0)
            continue;
        MDB_val k, v;
        int rc;
        for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
             rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
            enum wt_kind kind = WT_MEMBERS;
            char id[WT_MAX_ID + 1] = "";
            const char *wrong = NULL;
            struct store_stamp st;
            bool seq = !tomb && SYNC_SEQ_KEY(&k); /* a case's clock under its number */
            bool hashed = seq || SYNC_HASHED_KEY(&k);
            int hrc = 0;
            size_t vlen = sync_untagged_len(tomb, v.mv_data, v.mv_size);
            if (hashed) { /* the sealed id, checked against its key (tomb.c) */
                kind = seq ? WT_CASES
                           : (enum wt_kind)(((const unsigned char *)k.mv_data)[0] % WT_KIND_COUNT);
                hrc = !tomb ? sync_clock_open_id(t, &k, v.mv_data, v.mv_size, id)
                      : vlen <= SYNC_TOMB_LEN
                          ? WT_ECORRUPT
                          : tomb_open_id(t, k.mv_data, k.mv_size,
                                         (const unsigned char *)v.mv_data + SYNC_TOMB_LEN,
                                         vlen - SYNC_TOMB_LEN, id);
                if (hrc)
                    snprintf(id, sizeof id, "#");
            }
            /* A locked compartment's: only its tag can be checked. */
            bool locked = hrc == WT_EPERM;
            bool ok_key = hashed ? hrc == 0 : sync_key_parse(&k, &kind, id);
            bool exists = ok_key && store_exists(t, kind, id);
            bool unv = false;
            if (locked) {
                wrong = NULL;
            } else if (!ok_key) {
                wrong = _("sleutel beschadigd");
            } else if (!tomb && !hashed && kind == WT_CASES && t->s->case_clocks) {
                wrong = _("deze id staat leesbaar in het bestand (hoort verborgen te zijn)");
            } else if (tomb) {
                if (hashed ? vlen <= SYNC_TOMB_LEN : vlen != SYNC_TOMB_LEN)
                    wrong = _("grafsteen beschadigd");
                else if (exists)
                    wrong = _("grafsteen van een record dat bestaat");
            } else {
                memset(&st, 0, sizeof st);
                st.n = record_kind(kind)->nfields;
                if (sync_clock_decode(&k, v.mv_data, v.mv_size, &st) != 0)
                    wrong = _("klok beschadigd");
                else if (!exists)
                    wrong = _("klok van een record dat niet bestaat");
            }
            if (!wrong)
                wrong = tag_wrong(&k, &v, tomb, have_key, ikey, tags_on, &unv);
            *unverified += unv;
            if (!wrong)
                continue;
            problems++;
            snprintf(line, sizeof line, "%s: %s/%s: %s", what, record_kind(kind)->name, id,
                     wrong);
            if (report)
                report(ctx, line);
        }
        mdb_cursor_close(c);
    }
    sodium_memzero(ikey, sizeof ikey);
    return problems;
}
