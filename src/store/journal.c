/* journal.c: the chained access log (appending, the spool, re-sealing); logwalk.c reads it. */
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

#define HASH STORE_LOG_HASH
#define LOG_V3 STORE_LOG_V3

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

void store_copy_field(char *dst, size_t cap, const char *src, size_t n)
{
    size_t k = n < cap - 1 ? n : cap - 1;
    memcpy(dst, src, k);
    dst[k] = '\0';
    for (char *p = dst; *p; p++)
        if (*p == '\t' || *p == '\n')
            *p = ' ';
}

int store_log_parse_entry(const char *text, size_t len, struct store_log_entry *e)
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
    store_copy_field(e->time, sizeof e->time, f[1], fl[1]);
    store_copy_field(e->member, sizeof e->member, f[2], fl[2]);
    store_copy_field(e->behalf, sizeof e->behalf, f[3], fl[3]);
    store_copy_field(e->path, sizeof e->path, f[4], fl[4]);
    store_copy_field(e->action, sizeof e->action, f[5], fl[5]);
    store_copy_field(e->kind, sizeof e->kind, f[6], fl[6]);
    store_copy_field(e->id, sizeof e->id, f[7], fl[7]);
    store_copy_field(e->detail, sizeof e->detail, f[8], fl[8]);
    return 0;
}

void store_log_seq_key(uint64_t seq, unsigned char k[8], char name[24])
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
int store_log_read_tip(struct store_txn *t, uint64_t *seq, unsigned char hash[HASH])
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

int store_log_tip_put(struct store_txn *t, uint64_t seq, const unsigned char hash[HASH])
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
void store_log_chain_hash(const unsigned char prev[HASH], const char *text,
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
    store_log_chain_hash(prev, text->data + HASH, text->len - HASH, prev);
}

/* --- the spool: log entries that could not wait for a long write ------- */

/* Appends entries to DIR/log.spool, one line each, with fsync: a reader that
 * finds the database busy with a long write logs here instead of waiting.
 * The lines hold ids only, like the log itself. */
int store_log_spool(struct store *s, const struct store_log_entry *e, size_t n,
                    struct wt_error *err)
{
    /* Sealed to the log's key when the database has one: "S " and the
     * base64 of what store_log_seal_into wrote; the drainer need not open it. */
    unsigned char pk[32];
    struct store_log_sealer ls;
    bool sealed = false;
    MDB_txn *txn;
    if (s->encrypted && mdb_txn_begin(s->env, NULL, MDB_RDONLY, &txn) == 0) {
        sealed = store_logkey_get(s, txn, pk) == 0 && store_log_sealer_init(&ls, pk) == 0;
        mdb_txn_abort(txn);
    }
    char *path = xasprintf("%s/log.spool", s->dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    free(path);
    if (fd < 0)
        return wt_error_set(err, WT_EIO, "%s: %s", s->dir, store_err_text(errno));
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        struct buf line = {0};
        struct store_log_entry copy = e[i];
        copy.seq = 0; /* numbered as it is moved into the log */
        entry_text(&copy, &line);
        if (sealed) {
            size_t bl = STORE_LOG_BODY_LEN(line.len);
            unsigned char *body = xmalloc(bl);
            store_log_seal_into(&ls, (unsigned char *)line.data, line.len, body);
            sodium_memzero(line.data, line.len);
            buf_reset(&line);
            size_t cap = sodium_base64_encoded_len(bl, sodium_base64_VARIANT_ORIGINAL);
            char *b64 = buf_extend(&line, 2 + cap);
            b64[0] = 'S';
            b64[1] = ' ';
            sodium_bin2base64(b64 + 2, cap, body, bl, sodium_base64_VARIANT_ORIGINAL);
            line.len = 2 + strlen(b64 + 2);
            free(body);
        }
        buf_putc(&line, '\n');
        /* One write() per line: O_APPEND keeps lines of several programs whole. */
        if (write(fd, line.data, line.len) != (ssize_t)line.len)
            rc = wt_error_set(err, WT_EIO, "%s: %s", s->dir, store_err_text(errno));
        buf_fini(&line);
    }
    sodium_memzero(&ls, sizeof ls);
    if (!rc && fsync(fd) != 0)
        rc = wt_error_set(err, WT_EIO, "%s: %s", s->dir, store_err_text(errno));
    close(fd);
    return rc;
}

/* A spooled line sealed by store_log_spool: its body, for the log as it is. */
struct spooled {
    unsigned char *body;
    size_t len;
};

/* Takes the spool over (renamed, so that new lines start a fresh one) and
 * returns its entries, plain ones in *out and sealed ones in *sealed;
 * *taken names the files to delete once they are committed. Files left by a
 * program that died while draining come along. */
static size_t spool_take(struct store *s, struct store_log_entry **out, struct spooled **sealed,
                         size_t *nsealed, char ***taken, size_t *ntaken)
{
    *out = NULL;
    *sealed = NULL;
    *nsealed = 0;
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
        char line[2048];
        while (f && fgets(line, sizeof line, f)) {
            size_t len = strcspn(line, "\n");
            if (len > 2 && memcmp(line, "S ", 2) == 0) {
                struct spooled sp = {xmalloc(len), 0};
                if (sodium_base642bin(sp.body, len, line + 2, len - 2, NULL, &sp.len, NULL,
                                      sodium_base64_VARIANT_ORIGINAL) != 0) {
                    free(sp.body);
                    continue;
                }
                *sealed = xrealloc(*sealed, (*nsealed + 1) * sizeof **sealed);
                (*sealed)[(*nsealed)++] = sp;
                continue;
            }
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                *out = xrealloc(*out, cap * sizeof **out);
            }
            if (store_log_parse_entry(line, len, &(*out)[n]) == 0)
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

static int log_put_v3(struct store_txn *t, MDB_cursor *c, uint64_t seq, const unsigned char ck[32],
                      unsigned char prev[HASH], unsigned char format,
                      const unsigned char *body, size_t blen);

/* Appends entries sealed by store_log_spool as they are (format 3). */
static int append_sealed(struct store_txn *t, struct spooled *sp, size_t n)
{
    uint64_t seq;
    unsigned char prev[HASH], ck[32];
    int rc = store_log_read_tip(t, &seq, prev);
    if (rc)
        return store_txn_fail(t, rc, _("het toegangslog is beschadigd"));
    if (!t->s->unlocked[COMP_GEN])
        return store_txn_fail(t, WT_EPERM, "log");
    store_log_chainkey(t->s->dkey[COMP_GEN], ck);
    MDB_cursor *c;
    if ((rc = mdb_cursor_open(t->txn, t->s->log, &c)) != 0)
        return store_txn_mdb_fail(t, rc, "log");
    for (size_t i = 0; i < n && !rc; i++)
        rc = log_put_v3(t, c, ++seq, ck, prev, LOG_V3, sp[i].body, sp[i].len);
    mdb_cursor_close(c);
    sodium_memzero(ck, sizeof ck);
    return rc ? rc : store_log_tip_put(t, seq, prev);
}

/* What readers spooled while the database was busy goes in first. */
static int spool_drain(struct store_txn *t)
{
    if (t->s->nspool == 0) {
        struct store_log_entry *sp;
        struct spooled *sealed;
        char **taken;
        size_t nsealed, ntaken;
        size_t ns = spool_take(t->s, &sp, &sealed, &nsealed, &taken, &ntaken);
        t->s->spool = taken;
        t->s->nspool = ntaken;
        if (nsealed)
            append_sealed(t, sealed, nsealed);
        for (size_t i = 0; i < nsealed; i++)
            free(sealed[i].body);
        free(sealed);
        if (ns && !t->err)
            store_log_append_many_raw(t, sp, ns);
        free(sp);
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
    unsigned char key[32]; /* format 2: the general key; 3: the chain key */
    bool sealed;
    bool v3; /* sealed to the log's public key (logseal.c) */
    struct store_log_sealer sealer;
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
        if (lb->v3) { /* chained over the sealed values, as they are put */
            entry_text(&lb->e[i], &lb->texts);
            lb->ends[i] = lb->texts.len;
            continue;
        }
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
        store_log_seq_key(lb->e[i].seq, k, name);
        if (lb->v3 && i == 0) /* the batch's key: once, in its first entry */
            store_log_seal_into(&lb->sealer, (const unsigned char *)lb->texts.data + at, len,
                                (unsigned char *)buf_extend(&ch->out, STORE_LOG_BODY_LEN(len)));
        else if (lb->v3)
            store_log_seal_next(&lb->sealer, lb->e[i].seq,
                                (const unsigned char *)lb->texts.data + at, len,
                                (unsigned char *)buf_extend(&ch->out, STORE_LOG_NEXT_LEN(len)));
        else
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
    int rc = store_log_read_tip(t, &lb->seq, lb->prev);
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
    if (lb->sealed) {
        unsigned char pk[32];
        rc = store_logkey_get(t->s, t->txn, pk);
        lb->v3 = rc == 0;
        if (lb->v3)
            rc = store_log_sealer_init(&lb->sealer, pk);
        else if (rc == WT_ENOTFOUND) /* an older log, or a volunteer's own database */
            rc = 0;
        if (rc) {
            store_txn_fail(t, rc, _("de sleutel van het toegangslog opent niet"));
            free(lb);
            return NULL;
        }
    }
    chain_all(lb);
    if (!lb->sealed)
        return lb;
    if (lb->v3)
        store_log_chainkey(t->s->dkey[COMP_GEN], lb->key);
    else
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

/* Puts entry seq as [format (3 or 4)][prev][body] through c (appended) and
 * moves prev on to its chain tag under chain key ck. */
static int log_put_v3(struct store_txn *t, MDB_cursor *c, uint64_t seq, const unsigned char ck[32],
                      unsigned char prev[HASH], unsigned char format,
                      const unsigned char *body, size_t blen)
{
    unsigned char k[8];
    char name[24];
    store_log_seq_key(seq, k, name);
    MDB_val key = {8, k}, v = {1 + HASH + blen, NULL};
    int rc = mdb_cursor_put(c, &key, &v, MDB_APPEND | MDB_RESERVE);
    if (rc)
        return store_txn_mdb_fail(t, rc, "log");
    unsigned char *p = v.mv_data;
    p[0] = format;
    memcpy(p + 1, prev, HASH);
    memcpy(p + 1 + HASH, body, blen);
    store_log_tag(ck, seq, p, v.mv_size, prev);
    return 0;
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
        store_log_seq_key(lb->e[i].seq, k, name);
        MDB_val key = {8, k}, v;
        if (lb->v3) {
            struct log_chunk *ch = &lb->chunks[i / LOG_CHUNK];
            if (i % LOG_CHUNK == 0)
                chunk_ready(lb, i / LOG_CHUNK);
            size_t j = i - ch->from, at = j ? ch->ends[j - 1] : 0;
            rc = log_put_v3(t, c, lb->e[i].seq, lb->key, lb->prev,
                            i == 0 ? LOG_V3 : STORE_LOG_V4,
                            (const unsigned char *)ch->out.data + at, ch->ends[j] - at);
            continue;
        }
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
        rc = store_log_tip_put(t, lb->seq + lb->n, lb->v3 ? lb->prev : lb->last);
    /* Every chunk's job is done before its memory goes. */
    for (size_t ch = 0; ch < lb->nchunks; ch++) {
        if (lb->par)
            par_need(lb->par, lb->jobs[ch]);
        buf_fini(&lb->chunks[ch].out);
        free(lb->chunks[ch].ends);
    }
    sodium_memzero(lb->key, sizeof lb->key);
    sodium_memzero(&lb->sealer, sizeof lb->sealer);
    free(lb->chunks);
    free(lb->jobs);
    buf_fini(&lb->texts);
    free(lb->ends);
    free(lb);
    return rc;
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
            store_log_seq_key(seq, kb, name);
        } else {
            store_copy_field(name, sizeof name, k.mv_data, k.mv_size);
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
        int prc = store_cursor_replace(c, &k, &nv);
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
    /* A plain log becomes format 3 (store_log_rewrite), not sealed here;
     * entries of format 3 do not open with oldk and stay as they are. */
    if (oldk)
        reseal_dbi(t, t->s->log, true, oldk, newk);
    return reseal_dbi(t, t->s->review, false, oldk, newk);
}
