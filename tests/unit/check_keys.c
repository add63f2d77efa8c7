/* check_keys.c: keys enforce roles (issue 14, point 4). A volunteer's keyslot
 * opens no case value, no case id and no access-log entry, with every role
 * check out of the way: the test calls the store directly, then walks every
 * LMDB database and every file of the database folder and tries every key the
 * volunteer holds on every value. */
#include <check.h>
#include <dirent.h>
#include <sys/stat.h>
#include <lmdb.h>
#include <sodium.h>
#include <sys/stat.h>

#include "../../src/store/store_int.h"
#include "demostore.h"
#include "wijktafel/app.h"
#include "wijktafel/store.h"

/* --- what must not come out: case ids, residents, requests, actions ---- */

struct needles {
    char *s[512];
    bool id[512]; /* an id: found only as a whole word */
    size_t n;
};

static void add(struct needles *nd, const char *s, bool id)
{
    if (strlen(s) < 5 || nd->n == 512)
        return;
    nd->id[nd->n] = id;
    nd->s[nd->n++] = strdup(s);
}

static void on_value(void *ctx, const char *value)
{
    add(ctx, value, strncmp(value, "c-", 2) == 0 && strlen(value) < 12);
}

static void needles_from(struct needles *nd, const char *file, const char *const *cols)
{
    ck_assert_uint_gt(tu_demo_values(file, cols, on_value, nd), 0);
}

static bool id_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

/* The first needle in buf (len bytes), or NULL. */
static const char *find_needle(const struct needles *nd, const unsigned char *buf, size_t len)
{
    for (size_t i = 0; i < nd->n; i++) {
        size_t nl = strlen(nd->s[i]);
        const unsigned char *p = buf, *end = buf + len;
        while (p < end && (p = memmem(p, (size_t)(end - p), nd->s[i], nl))) {
            bool whole = !nd->id[i] || ((p == buf || !id_char(p[-1])) &&
                                        (p + nl == end || !id_char(p[nl])));
            if (whole)
                return nd->s[i];
            p++;
        }
    }
    return NULL;
}

/* --- trying every key on every value ---------------------------------- */

struct walker {
    const struct needles *nd;
    unsigned char keys[5][32];
    size_t nkeys;
    size_t tries, opened, opened_log;
    bool saw_signal_text; /* what a volunteer may read, read: the walk works */
    char found[600];      /* the first case datum that came out */
    size_t keys_seen;     /* LMDB keys scanned */
    char key_found[600];  /* the first LMDB key that names a case (none may, issue 14 point 4) */
};

static const char *const tags[] = {"members", "cases", "signals", "resources", "talents",
                                   "actions", "log", "meta", "casekey", "link", "review"};

static void opened_text(struct walker *w, const char *where, const unsigned char *p, size_t n);

/* Tries every key, tag and associated id on val at the offsets a sealed
 * value can start (plain value, format 3 log body, base64 of either). */
static void try_open(struct walker *w, const char *where, const char *const *ids, size_t nids,
                     const unsigned char *val, size_t len)
{
    static const size_t offs[] = {0, 1, 32, 1 + 32 + 32};
    for (size_t o = 0; o < sizeof offs / sizeof *offs; o++) {
        if (len <= offs[o] + STORE_SEAL_LEN(0) - 1)
            continue;
        for (size_t k = 0; k < w->nkeys; k++)
            for (size_t t = 0; t < sizeof tags / sizeof *tags; t++)
                for (size_t i = 0; i < nids; i++) {
                    unsigned char *p;
                    size_t pl;
                    w->tries++;
                    if (store_unseal(w->keys[k], tags[t], ids[i], val + offs[o], len - offs[o],
                                     &p, &pl) != 0)
                        continue;
                    w->opened++;
                    if (strncmp(where, "log", 3) == 0)
                        w->opened_log++;
                    opened_text(w, where, p, pl);
                    free(p);
                }
    }
}

/* A text that opened: no case datum in it, and its sealed links do not open. */
static void opened_text(struct walker *w, const char *where, const unsigned char *p, size_t n)
{
    const char *hit = find_needle(w->nd, p, n);
    if (hit && !w->found[0])
        snprintf(w->found, sizeof w->found, "%.60s opened in %.500s", hit, where);
    if (memmem(p, n, "verwaarloosde tuin", 18))
        w->saw_signal_text = true;
    /* "~" and base64url: a link to a case, sealed with the case key. */
    for (const unsigned char *q = p; (q = memchr(q, '~', (size_t)(p + n - q))); q++) {
        size_t l = 1;
        while (q + l < p + n && (id_char(q[l]) || q[l] == '_'))
            l++;
        unsigned char bin[512];
        size_t bl;
        if (l < 8 || sodium_base642bin(bin, sizeof bin, (const char *)q + 1, l - 1, NULL, &bl,
                                       NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
            continue;
        char ad[160];
        const char *colon = strchr(where, ':');
        snprintf(ad, sizeof ad, "signals/%s/%d", colon ? colon + 1 : where, SIGNAL_CASE);
        const char *ids[] = {ad, ""};
        try_open(w, "link", ids, 2, bin, bl);
    }
}

/* Every value of every named database, and the keys' decimal and text forms as ids. */
static void walk_db(struct walker *w, MDB_txn *txn, const char *name)
{
    MDB_dbi dbi;
    ck_assert_int_eq(mdb_dbi_open(txn, name, 0, &dbi), 0);
    MDB_cursor *c;
    ck_assert_int_eq(mdb_cursor_open(txn, dbi, &c), 0);
    MDB_val k, v;
    while (mdb_cursor_get(c, &k, &v, MDB_NEXT) == 0) {
        char key[600], dec[24] = "", where[700];
        size_t kl = k.mv_size < sizeof key - 1 ? k.mv_size : sizeof key - 1;
        memcpy(key, k.mv_data, kl);
        key[kl] = '\0';
        if (k.mv_size == 8) {
            uint64_t seq = 0;
            for (int i = 0; i < 8; i++)
                seq = seq << 8 | ((unsigned char *)k.mv_data)[i];
            snprintf(dec, sizeof dec, "%llu", (unsigned long long)seq);
        }
        snprintf(where, sizeof where, "%.40s:%.600s", name, key);
        /* A key names no case: anyone with the file reads the keys. Cases,
         * their keys, clocks and index entries are under tokens, meta names
         * such as "closed/c-013" too. */
        const char *khit = find_needle(w->nd, k.mv_data, k.mv_size);
        w->keys_seen++;
        if (khit && !w->key_found[0])
            snprintf(w->key_found, sizeof w->key_found, "%.60s in the key %.500s", khit, where);
        /* A value never holds a case datum as it is stored. */
        const char *hit = find_needle(w->nd, v.mv_data, v.mv_size);
        if (hit && !w->found[0])
            snprintf(w->found, sizeof w->found, "%.60s stored plain in %.500s", hit, where);
        const char *ids[] = {key, dec, "", "log-key"};
        try_open(w, where, ids, 4, v.mv_data, v.mv_size);
        unsigned char bin[4096];
        size_t bl;
        if (v.mv_size < 4000 &&
            sodium_base642bin(bin, sizeof bin, v.mv_data, v.mv_size, NULL, &bl, NULL,
                              sodium_base64_VARIANT_ORIGINAL) == 0)
            try_open(w, where, ids, 4, bin, bl);
    }
    mdb_cursor_close(c);
}

/* Every file of the folder but the database (the log's spool, locks). */
static void walk_files(struct walker *w, const char *dir)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "data.mdb") == 0)
            continue;
        char *path = tu_path(dir, e->d_name);
        char *text = rn_slurp(path);
        const char *hit = find_needle(w->nd, (unsigned char *)text, strlen(text));
        if (hit && !w->found[0])
            snprintf(w->found, sizeof w->found, "%.60s plain in %.300s", hit, e->d_name);
        for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
            unsigned char bin[4096];
            size_t bl;
            const char *ids[] = {""};
            if (strncmp(line, "S ", 2) == 0 &&
                sodium_base642bin(bin, sizeof bin, line + 2, strlen(line + 2), NULL, &bl, NULL,
                                  sodium_base64_VARIANT_ORIGINAL) == 0)
                try_open(w, "log.spool", ids, 1, bin, bl);
        }
        free(text);
        free(path);
    }
    closedir(d);
}

static void walk_all(struct walker *w, struct store *s)
{
    MDB_txn *txn;
    ck_assert_int_eq(mdb_txn_begin(s->env, NULL, MDB_RDONLY, &txn), 0);
    MDB_dbi main;
    ck_assert_int_eq(mdb_dbi_open(txn, NULL, 0, &main), 0);
    MDB_cursor *c;
    ck_assert_int_eq(mdb_cursor_open(txn, main, &c), 0);
    MDB_val k, v;
    char names[32][32];
    size_t n = 0;
    while (mdb_cursor_get(c, &k, &v, MDB_NEXT) == 0 && n < 32) {
        snprintf(names[n], sizeof names[n], "%.*s", (int)k.mv_size, (char *)k.mv_data);
        n++;
    }
    mdb_cursor_close(c);
    ck_assert_uint_ge(n, 17); /* the six kinds, their indexes, meta, log, ... */
    for (size_t i = 0; i < n; i++)
        walk_db(w, txn, names[i]);
    mdb_txn_abort(txn);
    walk_files(w, s->dir);
}

/* The volunteer's symmetric keys: the general data key and what derives from it. */
static void volunteer_keys(struct walker *w, const struct store *s)
{
    memcpy(w->keys[0], s->dkey[COMP_GEN], 32);
    memcpy(w->keys[1], s->hkey[COMP_GEN], 32);
    store_log_chainkey(s->dkey[COMP_GEN], w->keys[2]);
    static const char ctx[] = "wijktafel bundle key 1";
    crypto_generichash(w->keys[3], 32, (const unsigned char *)ctx, sizeof ctx - 1,
                       s->dkey[COMP_GEN], 32);
    MDB_txn *txn;
    ck_assert_int_eq(mdb_txn_begin(s->env, NULL, MDB_RDONLY, &txn), 0);
    ck_assert_int_eq(store_logkey_get((struct store *)s, txn, w->keys[4]), 0); /* public */
    mdb_txn_abort(txn);
    w->nkeys = 5;
}

/* --- the data: the demo, and the leader's case data outside records ---- */

static int leader_adds(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx, (void)err;
    struct store_log_entry e[2] = {
        {.member = "leider", .behalf = "team", .path = "scherm", .action = "view",
         .kind = "cases", .id = "c-013", .time = "2026-11-30T10:00:00"},
        {.member = "leider", .behalf = "team", .path = "suggest", .action = "suggest",
         .kind = "cases", .id = "c-015", .time = "2026-11-30T10:01:00"}};
    store_log_append_many(t, e, 2);
    store_meta_put(t, "meeting/2026-11-30/note/c-013", "Henk Bakker wil de tuin samen doen");
    store_meta_put(t, "closed/c-013", "2019-02-03");
    struct measure m = {{2, 3, 4, 2, 3, 1}};
    store_measure_put(t, "c-013", MEASURE_START, &m);
    struct store_submission sub = {.status = "conflict", .submitter = "leider",
                                   .date = "2026-11-30", .reason = "veld status"};
    record_init(&sub.rec, WT_CASES);
    record_set(&sub.rec, CASE_ID, "c-015");
    store_review_put(t, &sub);
    record_fini(&sub.rec);
    return store_txn_error(t);
}

static void make_demo(void)
{
    struct wt_error e = {0};
    ck_assert_msg(app_demo_ensure(db, &e) == 0, "%s", e.text);
    struct store *s = open_as("leider");
    ck_assert_int_eq(store_write(s, leader_adds, NULL, &e), 0);
    /* A reader that could not wait: its entries wait in the spool file. */
    struct store_log_entry sp = {.member = "leider", .behalf = "team", .path = "scherm",
                                 .action = "view", .kind = "cases", .id = "c-009",
                                 .time = "2026-11-30T10:02:00"};
    ck_assert_int_eq(store_log_spool(s, &sp, 1, &e), 0);
    store_close(s);
}

static int count_log(void *ctx, const struct store_log_entry *e)
{
    if (strcmp(e->id, "c-013") == 0 || strcmp(e->id, "c-015") == 0)
        ++*(int *)ctx;
    return 0;
}

/* The leader's keys open all of it: the data is there to be kept from the volunteer. */
static void leader_sees_it(void)
{
    struct store *s = open_as("leider");
    struct store_txn *t;
    struct wt_error e = {0};
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    int n = 0;
    ck_assert_int_eq(store_log_each(t, count_log, &n), 0);
    ck_assert_int_ge(n, 2);
    struct wt_record r;
    ck_assert_int_eq(store_get(t, WT_SIGNALS, "s-007", &r), 0);
    ck_assert_str_eq(r.v[SIGNAL_CASE], "c-013");
    record_fini(&r);
    char *v;
    ck_assert_int_eq(store_meta_get(t, "closed/c-013", &v), 0);
    ck_assert_str_eq(v, "2019-02-03");
    free(v);
    struct store_submission sub;
    ck_assert_int_eq(store_review_get(t, "v-000001", &sub), 0);
    ck_assert_str_eq(sub.rec.v[CASE_ID], "c-015");
    record_fini(&sub.rec);
    store_read_end(t);
    store_close(s);
}

static int signal_links(void *ctx, const struct wt_record *r)
{
    int *n = ctx;
    const char *c = r->v[SIGNAL_CASE];
    ck_assert_msg(!c || strcmp(c, STORE_LINK_HIDDEN) == 0, "%s names case %s", r->v[0], c);
    *n += c != NULL;
    return 0;
}

static int review_kinds(void *ctx, const struct store_submission *sub)
{
    ck_assert_int_ne(store_comp_of(sub->rec.kind), COMP_CASE);
    ++*(int *)ctx;
    return 0;
}

/* Through the store's own functions, no role check between: nothing of cases. */
static void volunteer_api(struct store *s)
{
    struct store_txn *t;
    struct wt_error e = {0};
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    ck_assert_int_eq(store_log_each(t, count_log, &(int){0}), WT_EPERM);
    struct wt_record r;
    ck_assert_int_eq(store_get(t, WT_CASES, "c-013", &r), WT_EPERM);
    record_fini(&r);
    int linked = 0;
    ck_assert_int_eq(store_each(t, WT_SIGNALS, signal_links, &linked), 0);
    ck_assert_int_ge(linked, 3); /* s-006, s-007, s-009 are linked: shown as linked only */
    char *v = NULL;
    ck_assert_int_eq(store_meta_get(t, "closed/c-013", &v), WT_EPERM);
    ck_assert_int_eq(store_meta_get(t, "meeting/2026-11-30/note/c-013", &v), WT_EPERM);
    struct measure m;
    ck_assert_int_ne(store_measure_get(t, "c-013", MEASURE_START, &m), 0);
    ck_assert_int_eq(store_find(t, WT_SIGNALS, SIGNAL_CASE, "c-013", NULL, NULL), WT_EPERM);
    int subs = 0;
    ck_assert_int_eq(store_review_each(t, review_kinds, &subs), 0);
    store_read_end(t);
}

START_TEST(test_volunteer_keys_open_no_case)
{
    make_demo();
    leader_sees_it();
    struct needles nd = {0};
    needles_from(&nd, "cases.csv", (const char *const[]){"id", "resident", "request", NULL});
    needles_from(&nd, "actions.csv", (const char *const[]){"text", NULL});
    add(&nd, "Henk Bakker wil de tuin", false);
    add(&nd, "2019-02-03", false);
    ck_assert_uint_ge(nd.n, 60);
    struct store *s = open_as("m-annie");
    ck_assert(s->unlocked[COMP_GEN]);
    ck_assert(!s->unlocked[COMP_CASE]);
    volunteer_api(s);
    struct walker w = {.nd = &nd};
    volunteer_keys(&w, s);
    /* The walk finds a case datum where one opens: sealed with the volunteer's key. */
    unsigned char *probe;
    size_t pl;
    store_seal(w.keys[0], "meta", "probe", (const unsigned char *)"zie c-013 morgen", 16, &probe,
               &pl);
    const char *pid[] = {"probe"};
    try_open(&w, "probe", pid, 1, probe, pl);
    ck_assert_str_eq(w.found, "c-013 opened in probe");
    free(probe);
    w.found[0] = '\0';
    w.opened = 0;
    walk_all(&w, s);
    ck_assert_msg(!w.found[0], "%s", w.found);
    ck_assert_msg(!w.key_found[0], "%s", w.key_found);
    /* The key scan is not blind: it reads every key, and finds an id in one. */
    ck_assert_uint_gt(w.keys_seen, 1000);
    ck_assert_str_eq(find_needle(&nd, (const unsigned char *)"closed/c-013", 12), "c-013");
    ck_assert_uint_eq(w.opened_log, 0);
    ck_assert_msg(w.saw_signal_text && w.opened > 50, "opened %zu of %zu tries", w.opened,
                  w.tries);
    fprintf(stderr, "volunteer: %zu values opened, %zu tries, no case datum\n", w.opened,
            w.tries);
    sodium_memzero(w.keys, sizeof w.keys);
    store_close(s);
    for (size_t i = 0; i < nd.n; i++)
        free(nd.s[i]);
}
END_TEST

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    ck_assert_ptr_nonnull(in);
    ck_assert_ptr_nonnull(out);
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        ck_assert_uint_eq(fwrite(buf, 1, n, out), n);
    fclose(in);
    ck_assert_int_eq(fclose(out), 0);
}

static int give_volunteer(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx;
    return store_keyslot_set(t, "vera", "volunteer", "vera-geheim-1", err);
}

static int count_all(void *ctx, const struct store_log_entry *e)
{
    (void)e;
    ++*(int *)ctx;
    return 0;
}

/* A database of schema 5 (tests/data/hex-index: log sealed with the general
 * key, s-1 linked to c-1 in plain inside the signal) is migrated at the first
 * unlock with the case key, in one write; then a volunteer opens none of it. */
START_TEST(test_old_database_migrated)
{
    ck_assert_int_eq(mkdir(db, 0700), 0);
    char *src = tu_path(getenv("WT_TEST_DATA"), "hex-index/data.mdb");
    char *dst = tu_path(db, "data.mdb");
    copy_file(src, dst);
    free(src);
    free(dst);
    struct store *s;
    struct wt_error e = {0};
    ck_assert_int_eq(store_open(db, NULL, &s, &e), 0);
    struct store_txn *t;
    char *v = NULL;
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    ck_assert_int_eq(store_meta_get(t, "log-key", &v), WT_ENOTFOUND);
    store_read_end(t);
    ck_assert_msg(store_unlock(s, "lea", "oud-geheim-1", &e) == 0, "%s", e.text);
    ck_assert(!store_keys_pending(s));
    ck_assert_int_eq(store_write(s, give_volunteer, NULL, &e), 0);
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    int n = 0;
    ck_assert_int_eq(store_log_each(t, count_all, &n), 0);
    ck_assert_int_ge(n, 3); /* the old entries, opened with the new log key */
    struct wt_record r;
    ck_assert_int_eq(store_get(t, WT_SIGNALS, "s-1", &r), 0);
    ck_assert_str_eq(r.v[SIGNAL_CASE], "c-1");
    record_fini(&r);
    store_read_end(t);
    ck_assert_int_eq(store_check(s, NULL, NULL, &e), 0);
    store_close(s);
    /* The next open has the database alone: the old ciphertexts are compacted away. */
    ck_assert_int_eq(store_open(db, NULL, &s, &e), 0);
    ck_assert_msg(store_unlock(s, "vera", "vera-geheim-1", &e) == 0, "%s", e.text);
    ck_assert(!s->unlocked[COMP_CASE]);
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    ck_assert_int_eq(store_meta_get(t, "compact-pending", &v), WT_ENOTFOUND);
    ck_assert_int_eq(store_log_each(t, count_all, &n), WT_EPERM);
    ck_assert_int_eq(store_get(t, WT_SIGNALS, "s-1", &r), 0);
    ck_assert_str_eq(r.v[SIGNAL_CASE], STORE_LINK_HIDDEN);
    record_fini(&r);
    store_read_end(t);
    struct needles nd = {0};
    nd.s[nd.n] = strdup("c-1"), nd.id[nd.n++] = true;
    nd.s[nd.n] = strdup("Anna de Vries"), nd.id[nd.n++] = false;
    struct walker w = {.nd = &nd};
    volunteer_keys(&w, s);
    walk_all(&w, s);
    ck_assert_msg(!w.found[0], "%s", w.found);
    ck_assert_msg(!w.key_found[0], "%s", w.key_found);
    ck_assert_uint_eq(w.opened_log, 0);
    ck_assert_uint_gt(w.opened, 3); /* members, signals */
    sodium_memzero(w.keys, sizeof w.keys);
    store_close(s);
    for (size_t i = 0; i < nd.n; i++)
        free(nd.s[i]);
}
END_TEST

/* A database from before meta names were hidden: "closed/c-099" stored
 * under its name (sealed with the case key, as schema 6 left it). */
static int plain_name(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx, (void)err;
    const char *name = "closed/c-099", *val = "2020-01-02";
    unsigned char *sealed;
    size_t sl;
    store_seal(t->s->dkey[COMP_CASE], "meta", name, (const unsigned char *)val, strlen(val),
               &sealed, &sl);
    MDB_val k = {strlen(name), (void *)name}, v = {sl, sealed}, mk = {10, "meta-names"};
    ck_assert_int_eq(mdb_put(t->txn, t->s->meta, &k, &v, 0), 0);
    ck_assert_int_eq(mdb_del(t->txn, t->s->meta, &mk, NULL), 0);
    free(sealed);
    return 0;
}

/* The same after the step: the marker stays, the name is plain. */
static int plain_name_again(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx, (void)err;
    const char *name = "closed/c-098", *val = "2020-01-03";
    unsigned char *sealed;
    size_t sl;
    store_seal(t->s->dkey[COMP_CASE], "meta", name, (const unsigned char *)val, strlen(val),
               &sealed, &sl);
    MDB_val k = {strlen(name), (void *)name}, v = {sl, sealed};
    ck_assert_int_eq(mdb_put(t->txn, t->s->meta, &k, &v, 0), 0);
    free(sealed);
    return 0;
}

struct reported {
    char text[2048];
};

static void report_line(void *ctx, const char *line)
{
    struct reported *r = ctx;
    size_t l = strlen(r->text);
    snprintf(r->text + l, sizeof r->text - l, "%s\n", line);
}

/* True when some key of meta holds needle. */
static bool meta_key_has(struct store *s, const char *needle)
{
    MDB_txn *txn;
    ck_assert_int_eq(mdb_txn_begin(s->env, NULL, MDB_RDONLY, &txn), 0);
    MDB_cursor *c;
    ck_assert_int_eq(mdb_cursor_open(txn, s->meta, &c), 0);
    MDB_val k, v;
    bool has = false;
    while (!has && mdb_cursor_get(c, &k, &v, MDB_NEXT) == 0)
        has = memmem(k.mv_data, k.mv_size, needle, strlen(needle)) != NULL;
    mdb_cursor_close(c);
    mdb_txn_abort(txn);
    return has;
}

/* Such a database moves its meta names under tokens at the first unlock with
 * the case key, in one write; what they held reads the same. */
START_TEST(test_meta_names_hidden_at_unlock)
{
    make_demo();
    struct store *s = open_as("leider");
    struct wt_error e = {0};
    ck_assert_int_eq(store_write(s, plain_name, NULL, &e), 0);
    ck_assert(meta_key_has(s, "closed/c-099")); /* the test's own view of keys works */
    ck_assert(store_keys_pending(s));
    store_close(s);
    s = open_as("m-annie"); /* a volunteer cannot do the step: it waits */
    ck_assert(meta_key_has(s, "closed/c-099"));
    store_close(s);
    s = open_as("leider");
    ck_assert(!store_keys_pending(s));
    ck_assert(!meta_key_has(s, "closed/c-099"));
    ck_assert(!meta_key_has(s, "closed/c-013"));
    ck_assert(!meta_key_has(s, "measure/c-013"));
    ck_assert(meta_key_has(s, "closed/#"));
    struct store_txn *t;
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    char *v = NULL;
    ck_assert_int_eq(store_meta_get(t, "closed/c-099", &v), 0);
    ck_assert_str_eq(v, "2020-01-02");
    free(v);
    ck_assert_int_eq(store_meta_get(t, "closed/c-013", &v), 0);
    ck_assert_str_eq(v, "2019-02-03");
    free(v);
    ck_assert_int_eq(store_meta_get(t, "compact-pending", &v), 0); /* old names in freed pages */
    free(v);
    store_read_end(t);
    ck_assert_int_eq(store_check(s, NULL, NULL, &e), 0);
    /* After the step a plain name again is a problem check names. */
    ck_assert_int_eq(store_write(s, plain_name_again, NULL, &e), 0);
    struct reported rp = {0};
    ck_assert_int_ne(store_check(s, report_line, &rp, &e), 0);
    ck_assert_msg(strstr(rp.text, "closed/c-098: deze naam staat leesbaar"), "%s", rp.text);
    store_close(s);
}
END_TEST

static int names_put(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx, (void)err;
    store_meta_put(t, "measure/c-zz2/close", "b");
    store_meta_put(t, "measure/c-zz1/start", "a");
    store_meta_put(t, "measure/c-zz1/close", "c");
    store_meta_put(t, "meeting/2026-12-01/note/c-zz1", "n1");
    store_meta_put(t, "meeting/2026-12-01/times", "t");
    return store_txn_error(t);
}

struct seen {
    char text[512];
    int n;
};

static int see(void *ctx, const char *key, const char *value)
{
    struct seen *s = ctx;
    size_t l = strlen(s->text);
    snprintf(s->text + l, sizeof s->text - l, "%s=%s;", key, value);
    s->n++;
    return 0;
}

/* What store_meta_each(prefix) hands out, as "name=value;..." */
static struct seen walk_names(struct store *s, const char *prefix)
{
    struct store_txn *t;
    struct wt_error e = {0};
    struct seen out = {"", 0};
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    ck_assert_int_eq(store_meta_each(t, prefix, see, &out), 0);
    store_read_end(t);
    return out;
}

static int names_del(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx, (void)err;
    store_meta_del(t, "measure/c-zz1/start");
    store_meta_del_prefix(t, "measure/c-zz2");
    return store_txn_error(t);
}

/* The first stored key of meta that starts with prefix, into out. */
static void stored_key(struct store *s, const char *prefix, char *out, size_t cap)
{
    MDB_txn *txn;
    ck_assert_int_eq(mdb_txn_begin(s->env, NULL, MDB_RDONLY, &txn), 0);
    MDB_cursor *c;
    ck_assert_int_eq(mdb_cursor_open(txn, s->meta, &c), 0);
    MDB_val k = {strlen(prefix), (void *)prefix}, v;
    ck_assert_int_eq(mdb_cursor_get(c, &k, &v, MDB_SET_RANGE), 0);
    ck_assert(k.mv_size < cap && memcmp(k.mv_data, prefix, strlen(prefix)) == 0);
    memcpy(out, k.mv_data, k.mv_size);
    out[k.mv_size] = '\0';
    mdb_cursor_close(c);
    mdb_txn_abort(txn);
}

/* Puts the value stored under one token key under another (a swap by someone
 * who can write the file but holds no key). */
static int swap_values(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    char **keys = ctx;
    MDB_val a = {strlen(keys[0]), keys[0]}, b = {strlen(keys[1]), keys[1]}, va;
    ck_assert_int_eq(mdb_get(t->txn, t->s->meta, &a, &va), 0);
    unsigned char copy[512];
    ck_assert_uint_lt(va.mv_size, sizeof copy);
    memcpy(copy, va.mv_data, va.mv_size);
    MDB_val nv = {va.mv_size, copy};
    ck_assert_int_eq(mdb_put(t->txn, t->s->meta, &b, &nv, 0), 0);
    return 0;
}

/* Meta names under tokens read as before: by name, walked by any prefix in
 * name order, deleted by name and by prefix; a volunteer learns nothing of
 * them; a value moved to another token's key is found out. */
START_TEST(test_meta_names_read_as_before)
{
    make_demo();
    struct store *s = open_as("leider");
    struct wt_error e = {0};
    ck_assert_int_eq(store_write(s, names_put, NULL, &e), 0);
    ck_assert(!meta_key_has(s, "c-zz"));
    struct seen w = walk_names(s, "measure/c-zz");
    ck_assert_str_eq(w.text, "measure/c-zz1/close=c;measure/c-zz1/start=a;measure/c-zz2/close=b;");
    w = walk_names(s, "meeting/2026-12-01/");
    ck_assert_str_eq(w.text, "meeting/2026-12-01/note/c-zz1=n1;meeting/2026-12-01/times=t;");
    ck_assert_int_eq(store_write(s, names_del, NULL, &e), 0);
    w = walk_names(s, "measure/c-zz");
    ck_assert_str_eq(w.text, "measure/c-zz1/close=c;");
    /* A swap between two token keys does not open: the key is bound to the value. */
    char k1[128], k2[128];
    stored_key(s, "closed/#", k1, sizeof k1);
    stored_key(s, "measure/#", k2, sizeof k2);
    char *keys[] = {k1, k2};
    ck_assert_int_eq(store_write(s, swap_values, keys, &e), 0);
    int problems = store_check(s, NULL, NULL, &e);
    ck_assert_int_ne(problems, 0);
    store_close(s);
    s = open_as("m-annie");
    struct store_txn *t;
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    char *v = NULL;
    ck_assert_int_eq(store_meta_get(t, "measure/c-zz1/close", &v), WT_EPERM);
    ck_assert_int_eq(store_meta_get(t, "measure/c-none/close", &v), WT_EPERM);
    store_read_end(t);
    w = walk_names(s, "measure/");
    ck_assert_int_eq(w.n, 0);
    store_close(s);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_volunteer_keys_open_no_case, test_old_database_migrated,
                            test_meta_names_hidden_at_unlock, test_meta_names_read_as_before};
    const struct tu_suite suite = {
        .name = "keys",
        .timeout = 240,
        .setup = setup, .teardown = teardown};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
