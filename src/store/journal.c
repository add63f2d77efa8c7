/* journal.c: the chained access log and the review queue of volunteers' submissions. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "par.h"
#include "store_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/xalloc.h"

#define HASH 32

/* The text form of an entry: tab-separated fields (none holds a tab). */
static void entry_text(const struct store_log_entry *e, struct buf *b)
{
    /* Put together by hand: an import writes one entry per case. */
    char num[24];
    size_t n = sizeof num;
    unsigned long long v = e->seq;
    do {
        num[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v && n > 0);
    buf_append(b, num + n, sizeof num - n);
    const char *const parts[] = {e->time, e->member, e->behalf, e->path, e->action,
                                 e->kind, e->id, e->detail};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        buf_putc(b, '\t');
        buf_puts(b, parts[i]);
    }
}

static void copy_field(char *dst, size_t cap, const char *src, size_t n)
{
    size_t k = n < cap - 1 ? n : cap - 1;
    memcpy(dst, src, k);
    dst[k] = '\0';
    for (char *p = dst; *p; p++)
        if (*p == '\t' || *p == '\n')
            *p = ' ';
}

static int parse_entry(const char *text, size_t len, struct store_log_entry *e)
{
    memset(e, 0, sizeof *e);
    const char *f[9];
    size_t fl[9];
    size_t n = 0;
    const char *p = text, *end = text + len;
    while (n < 9) {
        const char *tab = memchr(p, '\t', (size_t)(end - p));
        f[n] = p;
        fl[n] = tab ? (size_t)(tab - p) : (size_t)(end - p);
        n++;
        if (!tab)
            break;
        p = tab + 1;
    }
    if (n != 9)
        return WT_ECORRUPT;
    e->seq = strtoull(f[0], NULL, 10);
    copy_field(e->time, sizeof e->time, f[1], fl[1]);
    copy_field(e->member, sizeof e->member, f[2], fl[2]);
    copy_field(e->behalf, sizeof e->behalf, f[3], fl[3]);
    copy_field(e->path, sizeof e->path, f[4], fl[4]);
    copy_field(e->action, sizeof e->action, f[5], fl[5]);
    copy_field(e->kind, sizeof e->kind, f[6], fl[6]);
    copy_field(e->id, sizeof e->id, f[7], fl[7]);
    copy_field(e->detail, sizeof e->detail, f[8], fl[8]);
    return 0;
}

/* The log is sealed with the general key: every member appends to it. */
static int log_seal(struct store_txn *t, const char *key, struct buf *plain, unsigned char **out,
                    size_t *len)
{
    if (!t->s->encrypted) {
        *len = plain->len;
        *out = (unsigned char *)xstrndup(plain->data, plain->len);
        return 0;
    }
    if (!t->s->unlocked[COMP_GEN])
        return WT_EPERM;
    store_seal(t->s->dkey[COMP_GEN], "log", key, (unsigned char *)plain->data, plain->len, out,
               len);
    return 0;
}

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
    return store_unseal(t->s->dkey[COMP_GEN], "log", key, v->mv_data, v->mv_size, out, len);
}

static void seq_key(uint64_t seq, unsigned char k[8], char name[24])
{
    for (int i = 0; i < 8; i++)
        k[i] = (unsigned char)(seq >> (56 - 8 * i));
    /* Decimal by hand: an import logs one entry per case. */
    char tmp[24];
    size_t n = sizeof tmp;
    do {
        tmp[--n] = (char)('0' + seq % 10);
        seq /= 10;
    } while (seq && n > 0);
    memcpy(name, tmp + n, sizeof tmp - n);
    name[sizeof tmp - n] = '\0';
}

/* meta "log-tip": "SEQ HEX" of the last entry's hash. */
static int read_tip(struct store_txn *t, uint64_t *seq, unsigned char hash[HASH])
{
    MDB_val k = {7, "log-tip"}, v;
    *seq = 0;
    memset(hash, 0, HASH);
    int rc = mdb_get(t->txn, t->s->meta, &k, &v);
    if (rc == MDB_NOTFOUND)
        return 0;
    if (rc)
        return store_txn_mdb_fail(t, rc, "log-tip");
    char buf[128];
    size_t n = v.mv_size < sizeof buf - 1 ? v.mv_size : sizeof buf - 1;
    memcpy(buf, v.mv_data, n);
    buf[n] = '\0';
    char *sp = strchr(buf, ' ');
    if (!sp || sodium_hex2bin(hash, HASH, sp + 1, strlen(sp + 1), NULL, NULL, NULL) != 0)
        return WT_ECORRUPT;
    *seq = strtoull(buf, NULL, 10);
    return 0;
}

static int write_tip(struct store_txn *t, uint64_t seq, const unsigned char hash[HASH])
{
    char tip[128], hex[2 * HASH + 1];
    sodium_bin2hex(hex, sizeof hex, hash, HASH);
    snprintf(tip, sizeof tip, "%llu %s", (unsigned long long)seq, hex);
    MDB_val tk = {7, "log-tip"}, tv = {strlen(tip), tip};
    int rc = mdb_put(t->txn, t->s->meta, &tk, &tv, 0);
    return rc ? store_txn_mdb_fail(t, rc, "log-tip") : 0;
}

/* The chain hash is over the plain text: in an encrypted database nobody
 * without a key can compute it (the entries are sealed), and it survives
 * the rotation of the keys that seal them. */
static void chain_hash(const unsigned char prev[HASH], const char *text,
                       size_t len, unsigned char out[HASH])
{
    crypto_generichash_state st;
    crypto_generichash_init(&st, NULL, 0, HASH);
    crypto_generichash_update(&st, prev, HASH);
    crypto_generichash_update(&st, (const unsigned char *)text, len);
    crypto_generichash_final(&st, out, HASH);
}

/* Puts e's text (after the previous hash) into text and moves prev on to
 * e's own hash (e->seq set by the caller). */
static void chain_entry(const struct store_log_entry *e, unsigned char prev[HASH], struct buf *text)
{
    buf_reset(text);
    buf_append(text, prev, HASH);
    entry_text(e, text);
    chain_hash(prev, text->data + HASH, text->len - HASH, prev);
}

/* --- the spool: log entries that could not wait for a long write ------- */

/* Appends entries to DIR/log.spool, one line each, with fsync: a reader that
 * finds the database busy with a long write logs here instead of waiting.
 * The lines hold ids only, like the log itself. */
int store_log_spool(struct store *s, const struct store_log_entry *e, size_t n,
                    struct wt_error *err)
{
    char *path = xasprintf("%s/log.spool", s->dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    free(path);
    if (fd < 0)
        return wt_error_set(err, WT_EIO, "%s: %s", s->dir, store_err_text(errno));
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        struct buf line = {0};
        entry_text(&e[i], &line);
        buf_putc(&line, '\n');
        /* One write() per line: O_APPEND keeps lines of several programs whole. */
        if (write(fd, line.data, line.len) != (ssize_t)line.len)
            rc = wt_error_set(err, WT_EIO, "%s: %s", s->dir, store_err_text(errno));
        buf_fini(&line);
    }
    if (!rc && fsync(fd) != 0)
        rc = wt_error_set(err, WT_EIO, "%s: %s", s->dir, store_err_text(errno));
    close(fd);
    return rc;
}

/* Takes the spool over (renamed, so that new lines start a fresh one) and
 * returns its entries; *taken names the file to delete once they are
 * committed. Files left by a program that died while draining come along. */
static size_t spool_take(struct store *s, struct store_log_entry **out, char ***taken,
                         size_t *ntaken)
{
    *out = NULL;
    *taken = NULL;
    *ntaken = 0;
    char *spool = xasprintf("%s/log.spool", s->dir);
    char *mine = xasprintf("%s/log.spool.%ld", s->dir, (long)getpid());
    if (access(spool, F_OK) == 0)
        rename(spool, mine);
    free(spool);
    free(mine);
    DIR *d = opendir(s->dir);
    size_t n = 0, cap = 0;
    struct dirent *de;
    while (d && (de = readdir(d))) {
        if (strncmp(de->d_name, "log.spool.", 10) != 0)
            continue;
        char *path = xasprintf("%s/%s", s->dir, de->d_name);
        FILE *f = fopen(path, "r");
        char line[1024];
        while (f && fgets(line, sizeof line, f)) {
            size_t len = strcspn(line, "\n");
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                *out = xrealloc(*out, cap * sizeof **out);
            }
            if (parse_entry(line, len, &(*out)[n]) == 0)
                n++;
        }
        if (f)
            fclose(f);
        *taken = xrealloc(*taken, (*ntaken + 1) * sizeof **taken);
        (*taken)[(*ntaken)++] = path;
    }
    if (d)
        closedir(d);
    return n;
}

void store_spool_done(struct store *s)
{
    for (size_t i = 0; i < s->nspool; i++) {
        unlink(s->spool[i]);
        free(s->spool[i]);
    }
    free(s->spool);
    s->spool = NULL;
    s->nspool = 0;
}

/* What readers spooled while the database was busy goes in first. */
static int spool_drain(struct store_txn *t)
{
    if (t->s->nspool == 0) {
        struct store_log_entry *sp;
        char **taken;
        size_t ntaken, ns = spool_take(t->s, &sp, &taken, &ntaken);
        t->s->spool = taken;
        t->s->nspool = ntaken;
        if (ns) {
            int src = store_log_append_many_raw(t, sp, ns);
            free(sp);
            if (src)
                return src;
        } else {
            free(sp);
        }
    }
    return t->err;
}

int store_log_append_many(struct store_txn *t, struct store_log_entry *e, size_t n)
{
    if (t->err || n == 0)
        return t->err;
    int rc = spool_drain(t);
    return rc ? rc : store_log_append_many_raw(t, e, n);
}

static struct store_log_batch *log_batch_start(struct store_txn *t, struct store_log_entry *e,
                                               size_t n, struct par *par);

int store_log_append_many_raw(struct store_txn *t, struct store_log_entry *e, size_t n)
{
    /* A few entries (one action, the spool): sealed here, with no helpers. */
    return store_log_batch_finish(t, log_batch_start(t, e, n, NULL));
}

int store_log_append(struct store_txn *t, struct store_log_entry *e)
{
    return store_log_append_many(t, e, 1);
}

/* --- appending: chained on the caller's thread, sealed in chunks -------- */

/* Entries sealed per chunk: with a queue, the helpers and the caller share
 * the chunks (an import's thousands of entries). */
#define LOG_CHUNK 2048

struct log_chunk {
    struct store_log_batch *lb;
    size_t from, to;
    struct buf out;  /* the sealed entries, one after another */
    size_t *ends;    /* where each ends in out */
};

struct store_log_batch {
    struct store_log_entry *e;
    size_t n;
    uint64_t seq; /* the tip before */
    unsigned char prev[HASH];
    unsigned char key[32]; /* the general key, when sealed */
    bool sealed;
    /* Each entry's text after the previous hash, one after another. */
    struct buf texts;
    size_t *ends;
    unsigned char last[HASH];
    /* Sealed: the chunks, as jobs on par when there is one. */
    struct par *par;
    struct log_chunk *chunks;
    size_t *jobs, nchunks;
};

/* The chain, in order: every entry's seq and text. */
static void chain_all(struct store_log_batch *lb)
{
    struct buf text = {0};
    unsigned char prev[HASH];
    memcpy(prev, lb->prev, HASH);
    lb->ends = xmalloc(lb->n * sizeof *lb->ends);
    for (size_t i = 0; i < lb->n; i++) {
        lb->e[i].seq = lb->seq + 1 + i;
        chain_entry(&lb->e[i], prev, &text);
        buf_append(&lb->texts, text.data, text.len);
        lb->ends[i] = lb->texts.len;
    }
    memcpy(lb->last, prev, HASH);
    buf_fini(&text);
}

static void *seal_chunk(void *ctx, void *in)
{
    (void)ctx;
    struct log_chunk *ch = in;
    const struct store_log_batch *lb = ch->lb;
    ch->ends = xmalloc((ch->to - ch->from) * sizeof *ch->ends);
    for (size_t i = ch->from; i < ch->to; i++) {
        size_t at = i ? lb->ends[i - 1] : 0, len = lb->ends[i] - at;
        unsigned char k[8];
        char name[24];
        seq_key(lb->e[i].seq, k, name);
        store_seal_into(lb->key, "log", name, (const unsigned char *)lb->texts.data + at, len,
                        (unsigned char *)buf_extend(&ch->out, STORE_SEAL_LEN(len)));
        ch->ends[i - ch->from] = ch->out.len;
    }
    return NULL;
}

/* Reads the tip and chains the entries; sealed, the chunks go to par as jobs
 * (NULL: store_log_batch_finish seals them). NULL on an error (sticky in t). */
static struct store_log_batch *log_batch_start(struct store_txn *t, struct store_log_entry *e,
                                               size_t n, struct par *par)
{
    if (t->err || n == 0)
        return NULL;
    struct store_log_batch *lb = xcalloc(1, sizeof *lb);
    lb->e = e;
    lb->n = n;
    int rc = read_tip(t, &lb->seq, lb->prev);
    if (rc) {
        store_txn_fail(t, rc, _("het toegangslog is beschadigd"));
        free(lb);
        return NULL;
    }
    lb->sealed = t->s->encrypted;
    if (lb->sealed && !t->s->unlocked[COMP_GEN]) {
        store_txn_fail(t, WT_EPERM, "log");
        free(lb);
        return NULL;
    }
    chain_all(lb);
    if (!lb->sealed)
        return lb;
    memcpy(lb->key, t->s->dkey[COMP_GEN], 32);
    lb->par = par;
    lb->nchunks = (n + LOG_CHUNK - 1) / LOG_CHUNK;
    lb->chunks = xcalloc(lb->nchunks, sizeof *lb->chunks);
    lb->jobs = xmalloc(lb->nchunks * sizeof *lb->jobs);
    for (size_t c = 0; c < lb->nchunks; c++) {
        struct log_chunk *ch = &lb->chunks[c];
        ch->lb = lb;
        ch->from = c * LOG_CHUNK;
        ch->to = ch->from + LOG_CHUNK < n ? ch->from + LOG_CHUNK : n;
        /* Sealing is the costly part: the helpers do it while the records
         * go in, after what they had to do already. */
        if (par)
            lb->jobs[c] = par_add_job(par, seal_chunk, NULL, ch);
    }
    return lb;
}

struct store_log_batch *store_log_batch_begin(struct store_txn *t, struct store_log_entry *e,
                                              size_t n, struct par *par)
{
    if (t->err || n == 0 || spool_drain(t))
        return NULL;
    return log_batch_start(t, e, n, par);
}

/* A chunk's sealed entries: from its job, or sealed here. */
static void chunk_ready(struct store_log_batch *lb, size_t c)
{
    if (lb->par)
        par_need(lb->par, lb->jobs[c]);
    else if (!lb->chunks[c].ends)
        seal_chunk(NULL, &lb->chunks[c]);
}

int store_log_batch_finish(struct store_txn *t, struct store_log_batch *lb)
{
    if (!lb)
        return t->err;
    int rc = t->err;
    MDB_cursor *c = NULL;
    if (!rc && (rc = mdb_cursor_open(t->txn, t->s->log, &c)) != 0)
        rc = store_txn_mdb_fail(t, rc, "log");
    for (size_t i = 0; !rc && i < lb->n; i++) {
        unsigned char k[8];
        char name[24];
        seq_key(lb->e[i].seq, k, name);
        MDB_val key = {8, k}, v;
        if (lb->sealed) {
            struct log_chunk *ch = &lb->chunks[i / LOG_CHUNK];
            if (i % LOG_CHUNK == 0)
                chunk_ready(lb, i / LOG_CHUNK);
            size_t j = i - ch->from, at = j ? ch->ends[j - 1] : 0;
            v.mv_size = ch->ends[j] - at;
            v.mv_data = ch->out.data + at;
        } else {
            size_t at = i ? lb->ends[i - 1] : 0;
            v.mv_size = lb->ends[i] - at;
            v.mv_data = lb->texts.data + at;
        }
        if ((rc = mdb_cursor_put(c, &key, &v, MDB_APPEND)) != 0)
            rc = store_txn_mdb_fail(t, rc, "log");
    }
    if (c)
        mdb_cursor_close(c);
    if (!rc)
        rc = write_tip(t, lb->seq + lb->n, lb->last);
    /* Every chunk's job is done before its memory goes. */
    for (size_t ch = 0; ch < lb->nchunks; ch++) {
        if (lb->par)
            par_need(lb->par, lb->jobs[ch]);
        buf_fini(&lb->chunks[ch].out);
        free(lb->chunks[ch].ends);
    }
    sodium_memzero(lb->key, sizeof lb->key);
    free(lb->chunks);
    free(lb->jobs);
    buf_fini(&lb->texts);
    free(lb->ends);
    free(lb);
    return rc;
}

/* Walks the chain; calls fn for each entry and report for each break. */
static int log_walk(struct store_txn *t, store_log_fn fn, void *ctx, store_report_fn report,
                    void *rctx, size_t *problems)
{
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->log, &c);
    if (rc)
        return store_txn_mdb_fail(t, rc, "log");
    unsigned char prev[HASH] = {0}, hash[HASH];
    uint64_t expect = 1;
    MDB_val k, v;
    int ret = 0;
    char line[200];
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0 && !ret;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        uint64_t seq = 0;
        for (size_t i = 0; i < k.mv_size && i < 8; i++)
            seq = seq << 8 | ((unsigned char *)k.mv_data)[i];
        char name[24];
        unsigned char kb[8];
        seq_key(seq, kb, name);
        unsigned char *plain;
        size_t plen;
        int orc = log_open(t, name, &v, &plain, &plen);
        if (orc == WT_EPERM) {
            ret = WT_EPERM;
            break;
        }
        struct store_log_entry e;
        bool bad = orc != 0 || plen < HASH || parse_entry((char *)plain + HASH, plen - HASH, &e) ||
                   e.seq != seq;
        if (!bad && (seq != expect || memcmp(plain, prev, HASH) != 0)) {
            snprintf(line, sizeof line, _("log: de keten is gebroken bij regel %llu"),
                     (unsigned long long)seq);
            if (report)
                report(rctx, line);
            ++*problems;
        }
        if (bad) {
            snprintf(line, sizeof line, _("log: regel %llu is beschadigd of gewijzigd"),
                     (unsigned long long)seq);
            if (report)
                report(rctx, line);
            ++*problems;
        } else {
            chain_hash(plain, (char *)plain + HASH, plen - HASH, hash);
            memcpy(prev, hash, HASH);
            if (fn)
                ret = fn(ctx, &e);
        }
        if (orc == 0)
            free(plain);
        expect = seq + 1;
    }
    mdb_cursor_close(c);
    if (!ret && report) {
        uint64_t tipseq;
        unsigned char tip[HASH];
        if (read_tip(t, &tipseq, tip) != 0 || tipseq != expect - 1 ||
            (tipseq && memcmp(tip, prev, HASH) != 0)) {
            snprintf(line, sizeof line, _("log: het einde van het log klopt niet (regels weg?)"));
            report(rctx, line);
            ++*problems;
        }
    }
    return ret;
}

int store_log_each(struct store_txn *t, store_log_fn fn, void *ctx)
{
    size_t problems = 0;
    return log_walk(t, fn, ctx, NULL, NULL, &problems);
}

size_t store_log_verify(struct store_txn *t, store_report_fn report, void *ctx)
{
    size_t problems = 0;
    log_walk(t, NULL, NULL, report, ctx, &problems);
    return problems;
}

/* Re-seals every value of dbi (log or review) from old to new general key. */
static int reseal_dbi(struct store_txn *t, MDB_dbi dbi, bool seqkeys, const unsigned char *oldk,
                      const unsigned char newk[32])
{
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, dbi, &c);
    if (rc)
        return store_txn_mdb_fail(t, rc, "log");
    MDB_val k, v;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0 && !t->err;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        char name[40];
        if (seqkeys) {
            uint64_t seq = 0;
            for (size_t i = 0; i < k.mv_size && i < 8; i++)
                seq = seq << 8 | ((unsigned char *)k.mv_data)[i];
            unsigned char kb[8];
            seq_key(seq, kb, name);
        } else {
            copy_field(name, sizeof name, k.mv_data, k.mv_size);
        }
        unsigned char *p, *sealed;
        size_t pl, sl;
        if (!oldk) {
            /* A plain database being encrypted. */
            p = xmalloc(v.mv_size ? v.mv_size : 1);
            memcpy(p, v.mv_data, v.mv_size);
            pl = v.mv_size;
        } else if (store_unseal(oldk, "log", name, v.mv_data, v.mv_size, &p, &pl) != 0) {
            continue; /* damaged: check reports it */
        }
        store_seal(newk, "log", name, p, pl, &sealed, &sl);
        MDB_val nv = {sl, sealed};
        int prc = mdb_cursor_put(c, &k, &nv, MDB_CURRENT);
        if (prc)
            store_txn_mdb_fail(t, prc, "log");
        free(sealed);
        sodium_memzero(p, pl);
        free(p);
    }
    mdb_cursor_close(c);
    return t->err;
}

int store_journal_reseal(struct store_txn *t, const unsigned char *oldk,
                         const unsigned char newk[32])
{
    reseal_dbi(t, t->s->log, true, oldk, newk);
    return reseal_dbi(t, t->s->review, false, oldk, newk);
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
    buf_putc(&b, (char)s->rec.kind);
    put_str(&b, s->status);
    put_str(&b, s->submitter);
    put_str(&b, s->date);
    put_str(&b, s->reason);
    unsigned char *enc;
    size_t elen;
    store_encode(&s->rec, &enc, &elen);
    buf_append(&b, enc, elen);
    free(enc);
    unsigned char *val;
    size_t len;
    struct buf wrapped = b;
    if (log_seal(t, s->id, &wrapped, &val, &len) != 0) {
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
    if (plen < 1 || *p >= WT_KIND_COUNT) {
        free(plain);
        return WT_ECORRUPT;
    }
    enum wt_kind kind = (enum wt_kind)*p++;
    rc = get_str(&p, end, out->status, sizeof out->status) ||
                 get_str(&p, end, out->submitter, sizeof out->submitter) ||
                 get_str(&p, end, out->date, sizeof out->date) ||
                 get_str(&p, end, out->reason, sizeof out->reason)
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
        copy_field(id, sizeof id, k.mv_data, k.mv_size);
        struct store_submission s;
        ret = decode_submission(t, id, &v, &s);
        if (!ret)
            ret = fn(ctx, &s);
        record_fini(&s.rec);
    }
    mdb_cursor_close(c);
    return ret;
}
