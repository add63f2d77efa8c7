/* logwalk.c: reading the access log: walking its chain for readers and for check. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/xalloc.h"

/* What walking the chain keeps between entries. */
struct walk {
    struct store_txn *t;
    store_report_fn report;
    void *rctx;
    size_t *problems;
    size_t unopened; /* entries of format 3 or 4 without the case key */
    unsigned char prev[STORE_LOG_HASH];
    uint64_t expect;
    bool have_ck, have_lo;
    unsigned char ck[32];
    struct store_log_opener lo;
};

static void walk_problem(struct walk *w, const char *line)
{
    if (w->report)
        w->report(w->rctx, line);
    ++*w->problems;
}

/* The plain text (after the previous hash, format 1 and 2) of entry seq, or
 * of a format 3 or 4 entry its text alone; *chain_ok tells whether it follows the
 * chain. WT_EPERM: a format 3 or 4 entry without the case key (chain checked). */
static int walk_open(struct walk *w, uint64_t seq, const MDB_val *v, unsigned char **plain,
                     size_t *plen, size_t *skip, bool *chain_ok)
{
    struct store *s = w->t->s;
    const unsigned char *p = v->mv_data;
    *skip = 0;
    bool v4 = v->mv_size > 0 && p[0] == STORE_LOG_V4;
    if (s->encrypted && v->mv_size > 0 && (p[0] == STORE_LOG_V3 || v4)) {
        if (!w->have_ck)
            return WT_EPERM;
        bool ok = v->mv_size >= 1 + STORE_LOG_HASH + (v4 ? STORE_LOG_NEXT_LEN(0)
                                                         : STORE_LOG_BODY_LEN(0));
        *chain_ok = ok && seq == w->expect && memcmp(p + 1, w->prev, STORE_LOG_HASH) == 0;
        store_log_tag(w->ck, seq, p, v->mv_size, w->prev);
        if (!ok)
            return WT_ECORRUPT;
        if (!w->have_lo)
            return WT_EPERM;
        if (v4) /* with the key of the format 3 entry that began its batch */
            return store_log_unseal_next(&w->lo, seq, p + 1 + STORE_LOG_HASH,
                                         v->mv_size - 1 - STORE_LOG_HASH, plain, plen);
        return store_log_unseal(&w->lo, p + 1 + STORE_LOG_HASH, v->mv_size - 1 - STORE_LOG_HASH,
                                plain, plen);
    }
    char name[24];
    unsigned char kb[8];
    store_log_seq_key(seq, kb, name);
    int rc;
    if (!s->encrypted) {
        *plain = (unsigned char *)xstrndup(v->mv_data, v->mv_size);
        *plen = v->mv_size;
        rc = 0;
    } else if (!s->unlocked[COMP_GEN]) {
        return WT_EPERM;
    } else {
        rc = store_unseal(s->dkey[COMP_GEN], "log", name, v->mv_data, v->mv_size, plain, plen);
    }
    if (rc || *plen < STORE_LOG_HASH) {
        if (!rc) {
            free(*plain);
            *plain = NULL; /* the caller frees what it is handed */
        }
        return WT_ECORRUPT;
    }
    *chain_ok = seq == w->expect && memcmp(*plain, w->prev, STORE_LOG_HASH) == 0;
    store_log_chain_hash(*plain, (char *)*plain + STORE_LOG_HASH, *plen - STORE_LOG_HASH, w->prev);
    *skip = STORE_LOG_HASH;
    return 0;
}

/* Walks the chain; calls fn for each entry and report for each break. A
 * reader (fn) without the key of an entry gets WT_EPERM; a check counts it. */
static int log_walk(struct store_txn *t, store_log_fn fn, void *ctx, store_report_fn report,
                    void *rctx, size_t *problems, size_t *unopened)
{
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->log, &c);
    if (rc)
        return store_txn_mdb_fail(t, rc, "log");
    struct walk w = {.t = t, .report = report, .rctx = rctx, .problems = problems, .expect = 1};
    if (t->s->encrypted && t->s->unlocked[COMP_GEN]) {
        store_log_chainkey(t->s->dkey[COMP_GEN], w.ck);
        w.have_ck = true;
    }
    if (t->s->encrypted && t->s->unlocked[COMP_CASE]) {
        store_log_opener_init(&w.lo, t->s->dkey[COMP_CASE]);
        w.have_lo = true;
    }
    MDB_val k, v;
    int ret = 0;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0 && !ret;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        uint64_t seq = 0;
        for (size_t i = 0; i < k.mv_size && i < 8; i++)
            seq = seq << 8 | ((unsigned char *)k.mv_data)[i];
        unsigned char *plain = NULL;
        size_t plen = 0, skip;
        bool chain_ok = true;
        int orc = walk_open(&w, seq, &v, &plain, &plen, &skip, &chain_ok);
        if (orc == WT_EPERM && (fn || !w.have_ck)) {
            ret = WT_EPERM;
            break;
        }
        struct store_log_entry e;
        bool bad = orc == WT_ECORRUPT ||
                   (orc == 0 && (store_log_parse_entry((char *)plain + skip, plen - skip, &e) ||
                                 (skip && e.seq != seq)));
        if (orc == 0 && !skip)
            e.seq = seq; /* format 3: the key says which entry it is */
        char line[200];
        if (!chain_ok) {
            snprintf(line, sizeof line, _("log: de keten is gebroken bij regel %llu"),
                     (unsigned long long)seq);
            walk_problem(&w, line);
        }
        if (bad) {
            snprintf(line, sizeof line, _("log: regel %llu is beschadigd of gewijzigd"),
                     (unsigned long long)seq);
            walk_problem(&w, line);
        }
        else if (orc == WT_EPERM)
            w.unopened++;
        else if (fn)
            ret = fn(ctx, &e);
        if (plain) {
            sodium_memzero(plain, plen);
            free(plain);
        }
        w.expect = seq + 1;
    }
    mdb_cursor_close(c);
    if (!ret && report) {
        uint64_t tipseq;
        unsigned char tip[STORE_LOG_HASH];
        if (store_log_read_tip(t, &tipseq, tip) != 0 || tipseq != w.expect - 1 ||
            (tipseq && memcmp(tip, w.prev, STORE_LOG_HASH) != 0))
            walk_problem(&w, _("log: het einde van het log klopt niet (regels weg?)"));
    }
    if (unopened)
        *unopened = w.unopened;
    store_log_opener_fini(&w.lo);
    sodium_memzero(w.ck, sizeof w.ck);
    return ret;
}

int store_log_each(struct store_txn *t, store_log_fn fn, void *ctx)
{
    size_t problems = 0;
    return log_walk(t, fn, ctx, NULL, NULL, &problems, NULL);
}

size_t store_log_verify(struct store_txn *t, store_report_fn report, void *ctx,
                        size_t *unopened)
{
    size_t problems = 0;
    *unopened = 0;
    if (log_walk(t, NULL, NULL, report, ctx, &problems, unopened) == WT_EPERM)
        *unopened = SIZE_MAX; /* the general key is locked: nothing was verified */
    return problems;
}

