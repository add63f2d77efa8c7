/* check_crypto.c: encryption at rest, keys per member, erasure and purge, on real databases. */
#include <check.h>
#include <dirent.h>
#include <lmdb.h>
#include <sys/stat.h>

#include "testutil.h"
#include "wijktafel/app.h"
#include "wijktafel/store.h"

static char *tmp, *db;

static void setup(void)
{
    tu_scratch_begin(&tmp, &db, "db");
}

static void teardown(void)
{
    tu_scratch_end(&tmp, &db);
}

#define RUN(...) TU_RUN(tmp, __VA_ARGS__)

/* --- Searching files for plain text ---------------------------------- */

struct needles {
    char **s;
    size_t n, cap;
};

static void add_needle(struct needles *nd, const char *s)
{
    if (strlen(s) < 5)
        return; /* too short to mean anything on its own */
    if (nd->n == nd->cap) {
        nd->cap = nd->cap ? nd->cap * 2 : 64;
        nd->s = realloc(nd->s, nd->cap * sizeof *nd->s);
    }
    nd->s[nd->n++] = strdup(s);
}

static void on_value(void *ctx, const char *value)
{
    add_needle(ctx, value);
}

static void needles_from(struct needles *nd, const char *file, const char *const *cols)
{
    ck_assert_uint_gt(tu_demo_values(file, cols, on_value, nd), 0);
}

/* UTF-16 (LE or BE) of an ASCII/Latin-1/BMP UTF-8 string. */
static size_t utf16(const char *s, unsigned char *out, int be)
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned cp;
        if (*p < 0x80) cp = *p++;
        else if ((*p & 0xe0) == 0xc0) { cp = (unsigned)(*p & 0x1f) << 6 | (p[1] & 0x3f); p += 2; }
        else if ((*p & 0xf0) == 0xe0) {
            cp = (unsigned)(*p & 0x0f) << 12 | (unsigned)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
            p += 3;
        } else { p += 4; cp = 0xfffd; }
        out[n++] = (unsigned char)(be ? cp >> 8 : cp & 0xff);
        out[n++] = (unsigned char)(be ? cp & 0xff : cp >> 8);
    }
    return n;
}

static const char *find_in(const char *hay, size_t hn, const void *needle, size_t nn)
{
    return nn && hn >= nn ? memmem(hay, hn, needle, nn) : NULL;
}

/* Returns how many needles were found in any regular file below dir (all forms). */
static int search_dir(const char *dir, const struct needles *nd, char *first, size_t cap)
{
    int found = 0;
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char *p = tu_path(dir, e->d_name);
        struct stat st;
        if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
            found += search_dir(p, nd, first, cap);
        } else {
            FILE *f = fopen(p, "rb");
            char *buf = malloc((size_t)st.st_size + 1);
            size_t n = f ? fread(buf, 1, (size_t)st.st_size, f) : 0;
            if (f)
                fclose(f);
            for (size_t i = 0; i < nd->n; i++) {
                unsigned char w[8192];
                size_t l16 = strlen(nd->s[i]) * 2 < sizeof w / 2 ? 1 : 0;
                int hit = find_in(buf, n, nd->s[i], strlen(nd->s[i])) != NULL;
                if (l16) {
                    size_t wl = utf16(nd->s[i], w, 0);
                    hit |= find_in(buf, n, w, wl) != NULL;
                    wl = utf16(nd->s[i], w, 1);
                    hit |= find_in(buf, n, w, wl) != NULL;
                }
                if (hit && !found++)
                    snprintf(first, cap, "%s in %s", nd->s[i], p);
            }
            free(buf);
        }
        free(p);
    }
    closedir(d);
    return found;
}

static void needles_free(struct needles *nd)
{
    for (size_t i = 0; i < nd->n; i++)
        free(nd->s[i]);
    free(nd->s);
}

START_TEST(test_demo_files_hold_no_personal_text)
{
    tu_ok(RUN("--demo", "check"));
    struct needles nd = {0};
    needles_from(&nd, "cases.csv", (const char *const[]){"resident", "request", NULL});
    needles_from(&nd, "talents.csv", (const char *const[]){"name", NULL});
    ck_assert_uint_ge(nd.n, 40);
    /* Doors of the demo's rounds (src/app/demo.c): addresses and notes. */
    const char *doors[] = {"Molenstraat 14", "Oudere heer, weinig bezoek",
                           "Hulp bij de post en rekeningen", "Mevrouw komt elke week",
                           "Is timmerman, wil bankjes maken"};
    for (size_t i = 0; i < sizeof doors / sizeof *doors; i++)
        add_needle(&nd, doors[i]);
    char *demo = tu_path(tmp, "wijktafel/demo");
    char *backup = tu_path(tmp, "backup");
    tu_ok(RUN("--demo", "backup", backup));
    char first[512] = "";
    ck_assert_msg(search_dir(demo, &nd, first, sizeof first) == 0, "found %s", first);
    ck_assert_msg(search_dir(backup, &nd, first, sizeof first) == 0, "found %s", first);
    /* The search itself works: a plain export holds the names. */
    struct run r = RUN("--demo", "export", "cases");
    ck_assert_ptr_nonnull(strstr(r.out, nd.s[0]));
    rn_free(&r);
    /* A backup stays encrypted: without the passphrase it does not open. */
    setenv("WIJKTAFEL_PASSPHRASE", "niet-de-goede", 1);
    r = RUN("--db", backup, "export", "cases");
    ck_assert_int_eq(r.code, 77);
    rn_free(&r);
    setenv("WIJKTAFEL_PASSPHRASE", APP_DEMO_PASSPHRASE, 1);
    tu_ok(RUN("--db", backup, "check"));
    needles_free(&nd);
    free(demo);
    free(backup);
}
END_TEST

static void make_encrypted(void)
{
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    tu_ok(RUN("--db", db, "init", "--team", "Test"));
    const char *members = "id,name,role\nm-pro,Pia Prof,professional\nm-vol,Vera Vrijwillig,volunteer\n";
    char *p = tu_write(tmp, "members.csv", members, strlen(members));
    tu_ok(RUN("--db", db, "import", "members", p));
    free(p);
    const char *cases = "id,opened,area,resident,request,owner,status\n"
                        "c-1,2026-11-02,A/B,Geheime Bewonersnaam,Hulp bij de tuin,m-pro,open\n"
                        "c-2,2020-01-02,A/B,Oude Afgeslotenzaak,Oud verhaal,m-pro,closed\n";
    p = tu_write(tmp, "cases.csv", cases, strlen(cases));
    tu_ok(RUN("--db", db, "import", "cases", p));
    free(p);
    const char *signals = "id,date,area,text,case\ns-1,2026-11-03,A/B,Signaal over c-1,c-1\n"
                          "s-2,2026-11-03,A/B,Los signaal,\n";
    p = tu_write(tmp, "signals.csv", signals, strlen(signals));
    tu_ok(RUN("--db", db, "import", "signals", p));
    free(p);
}

START_TEST(test_passphrases_and_compartments)
{
    make_encrypted();
    struct run r;
    setenv("WIJKTAFEL_PASSPHRASE", "fout-fout-fout", 1);
    r = RUN("--db", db, "export", "signals");
    ck_assert_int_eq(r.code, 77);
    ck_assert_int_eq(rn_lines(r.err), 1);
    ck_assert_ptr_nonnull(strstr(r.err, "klopt niet"));
    rn_free(&r);
    /* The leader gives the volunteer and the professional a passphrase. */
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    setenv("WIJKTAFEL_NEW_PASSPHRASE", "vrijwilliger-1", 1);
    tu_ok(RUN("--db", db, "passphrase", "m-vol"));
    setenv("WIJKTAFEL_NEW_PASSPHRASE", "kort", 1);
    r = RUN("--db", db, "passphrase", "m-pro");
    ck_assert_int_eq(r.code, 65);
    rn_free(&r);
    setenv("WIJKTAFEL_NEW_PASSPHRASE", "professional-1", 1);
    tu_ok(RUN("--db", db, "passphrase", "m-pro"));
    /* The volunteer's key opens signals but no case data. */
    setenv("WIJKTAFEL_PASSPHRASE", "vrijwilliger-1", 1);
    r = RUN("--db", db, "--as", "m-vol", "export", "signals");
    ck_assert_int_eq(r.code, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "Los signaal"));
    rn_free(&r);
    r = RUN("--db", db, "--as", "m-vol", "export", "cases");
    ck_assert_int_eq(r.code, 77);
    rn_free(&r);
    /* A volunteer may not set another member's passphrase. */
    setenv("WIJKTAFEL_NEW_PASSPHRASE", "iets-anders-1", 1);
    r = RUN("--db", db, "--as", "m-vol", "passphrase", "m-pro");
    ck_assert_int_eq(r.code, 77);
    rn_free(&r);
    /* The professional reads the cases and can change their own passphrase. */
    setenv("WIJKTAFEL_PASSPHRASE", "professional-1", 1);
    r = RUN("--db", db, "--as", "m-pro", "export", "cases");
    ck_assert_int_eq(r.code, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "Geheime Bewonersnaam"));
    rn_free(&r);
    setenv("WIJKTAFEL_NEW_PASSPHRASE", "professional-2", 1);
    tu_ok(RUN("--db", db, "--as", "m-pro", "passphrase"));
    r = RUN("--db", db, "--as", "m-pro", "export", "cases");
    ck_assert_int_eq(r.code, 77);
    rn_free(&r);
    setenv("WIJKTAFEL_PASSPHRASE", "professional-2", 1);
    tu_ok(RUN("--db", db, "--as", "m-pro", "check"));
}
END_TEST

static const char *fixed_pass(void *ctx, const char *member)
{
    (void)member;
    return ctx;
}

static int count_rec(void *ctx, const struct wt_record *r)
{
    (void)r;
    ++*(int *)ctx;
    return 0;
}

/* Counts the records that could be read (not damaged). */
static int count_whole(void *ctx, const struct wt_record *r)
{
    if (!r->damaged)
        ++*(int *)ctx;
    return 0;
}

START_TEST(test_removed_member_opens_nothing)
{
    make_encrypted();
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    setenv("WIJKTAFEL_NEW_PASSPHRASE", "vrijwilliger-1", 1);
    tu_ok(RUN("--db", db, "passphrase", "m-vol"));
    /* The volunteer opens the database and keeps it open. */
    struct store *vs;
    struct wt_error e = {0};
    ck_assert_int_eq(store_open(db, NULL, &vs, &e), 0);
    ck_assert_int_eq(store_unlock(vs, "m-vol", "vrijwilliger-1", &e), 0);
    struct store_txn *t;
    int n = 0;
    store_read_begin(vs, &t, NULL);
    ck_assert_int_eq(store_each(t, WT_SIGNALS, count_rec, &n), 0);
    store_read_end(t);
    ck_assert_int_eq(n, 2);
    /* The leader removes the volunteer. */
    struct app *a;
    struct app_opts o = {.dir = db, .as_member = "leider", .passphrase = fixed_pass,
                         .passphrase_ctx = "leider-geheim-1"};
    ck_assert_msg(app_open(&o, &a, &e) == 0, "%s", e.text);
    ck_assert_int_eq(app_member_remove(a, "m-pro", &e), WT_EINVAL); /* still owns cases */
    wt_error_clear(&e);
    ck_assert_msg(app_member_remove(a, "m-vol", &e) == 0, "%s", e.text);
    app_close(a);
    /* The keys the volunteer still holds in memory no longer open the data. */
    store_read_begin(vs, &t, NULL);
    int whole = 0;
    ck_assert_int_eq(store_each(t, WT_SIGNALS, count_whole, &whole), 0);
    ck_assert_int_eq(whole, 0);
    store_read_end(t);
    store_close(vs);
    /* And the passphrase opens nothing any more. */
    ck_assert_int_eq(store_open(db, NULL, &vs, &e), 0);
    ck_assert_int_eq(store_unlock(vs, "m-vol", "vrijwilliger-1", &e), WT_EPERM);
    store_close(vs);
    /* The others still work. */
    tu_ok(RUN("--db", db, "check"));
    struct run r = RUN("--db", db, "export", "signals");
    ck_assert_ptr_nonnull(strstr(r.out, "Los signaal"));
    rn_free(&r);
}
END_TEST

static void flip(MDB_txn *txn)
{
    MDB_dbi dbi;
    ck_assert_int_eq(mdb_dbi_open(txn, "signals", 0, &dbi), 0);
    MDB_val k = {3, "s-2"}, v;
    ck_assert_int_eq(mdb_get(txn, dbi, &k, &v), 0);
    unsigned char *c = malloc(v.mv_size);
    memcpy(c, v.mv_data, v.mv_size);
    c[v.mv_size / 2] ^= 0x01;
    MDB_val nv = {v.mv_size, c};
    ck_assert_int_eq(mdb_put(txn, dbi, &k, &nv, 0), 0);
    free(c);
}

START_TEST(test_flipped_byte_detected)
{
    make_encrypted();
    MDB_env *env;
    MDB_txn *txn;
    mdb_env_create(&env);
    mdb_env_set_maxdbs(env, 16);
    ck_assert_int_eq(mdb_env_open(env, db, 0, 0600), 0);
    mdb_txn_begin(env, NULL, 0, &txn);
    flip(txn);
    mdb_txn_commit(txn);
    mdb_env_close(env);
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    struct run r = RUN("--db", db, "check");
    ck_assert_int_eq(r.code, 74);
    ck_assert_ptr_nonnull(strstr(r.out, "signals/s-2"));
    ck_assert_int_eq(rn_lines(r.err), 1);
    rn_free(&r);
}
END_TEST

START_TEST(test_erase_leaves_nothing)
{
    /* On a plain database the name is in the file until erased: the strongest test. */
    tu_ok(RUN("--db", db, "init"));
    const char *cases = "id,opened,area,resident,request,status,chosen\n"
                        "c-1,2026-11-02,A/B,Zeldzame Naamvanbewoner,Verhaal van de bewoner,open,\n"
                        "c-2,2026-11-02,A/B,Ander,Vraag,open,c-1\n";
    char *p = tu_write(tmp, "cases.csv", cases, strlen(cases));
    tu_ok(RUN("--db", db, "import", "cases", p));
    free(p);
    const char *sig = "id,date,area,text,case\ns-1,2026-11-03,A/B,Gezien bij c-1,c-1\n";
    p = tu_write(tmp, "signals.csv", sig, strlen(sig));
    tu_ok(RUN("--db", db, "import", "signals", p));
    free(p);
    /* Change it a few times so that old copies sit in freed pages. */
    for (int i = 0; i < 3; i++) {
        p = tu_write(tmp, "cases2.csv", cases, strlen(cases));
        tu_ok(RUN("--db", db, "import", "cases", p));
        free(p);
    }
    struct needles nd = {0};
    add_needle(&nd, "Zeldzame Naamvanbewoner");
    add_needle(&nd, "Gezien bij c-1");
    char first[512];
    ck_assert_int_gt(search_dir(db, &nd, first, sizeof first), 0);
    tu_ok(RUN("--db", db, "erase", "--case", "c-1"));
    ck_assert_msg(search_dir(db, &nd, first, sizeof first) == 0, "found %s", first);
    struct run r = RUN("--db", db, "export", "cases");
    ck_assert_ptr_null(strstr(r.out, "c-1,"));
    ck_assert_ptr_nonnull(strstr(r.out, "c-2,2026-11-02,A/B,Ander,Vraag,,,open,,,,,no,,,\n"));
    rn_free(&r);
    r = RUN("--db", db, "export", "signals");
    ck_assert_ptr_null(strstr(r.out, "s-1"));
    rn_free(&r);
    tu_ok(RUN("--db", db, "check"));
    r = RUN("--db", db, "erase", "--case", "c-1");
    ck_assert_int_eq(r.code, 66);
    rn_free(&r);
    needles_free(&nd);
}
END_TEST

/* The length of the hashed value in the keys of the signals' index (all the
 * same, or -1 when they differ), and meta "index-hash" into form. */
static int signal_hash_len(const char *dir, char *form, size_t cap)
{
    MDB_env *env;
    MDB_txn *txn;
    MDB_dbi idx, meta;
    mdb_env_create(&env);
    mdb_env_set_maxdbs(env, 24);
    ck_assert_int_eq(mdb_env_open(env, dir, MDB_RDONLY, 0600), 0);
    ck_assert_int_eq(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), 0);
    ck_assert_int_eq(mdb_dbi_open(txn, "index.signals", 0, &idx), 0);
    ck_assert_int_eq(mdb_dbi_open(txn, "meta", 0, &meta), 0);
    MDB_val k = {10, "index-hash"}, v;
    snprintf(form, cap, "%s", "");
    if (mdb_get(txn, meta, &k, &v) == 0)
        snprintf(form, cap, "%.*s", (int)v.mv_size, (char *)v.mv_data);
    MDB_cursor *c;
    mdb_cursor_open(txn, idx, &c);
    int len = 0;
    while (mdb_cursor_get(c, &k, &v, MDB_NEXT) == 0) {
        /* [field][hashed value][0][id] */
        const char *zero = memchr((const char *)k.mv_data + 1, 0, k.mv_size - 1);
        ck_assert_ptr_nonnull(zero);
        int l = (int)(zero - (const char *)k.mv_data - 1);
        len = len == 0 || len == l ? l : -1;
    }
    mdb_cursor_close(c);
    mdb_txn_abort(txn);
    mdb_env_close(env);
    return len;
}

/* A database made before index hashes got their short form (tests/data/hex-index) is
 * still searched through its indexes, and a re-keying moves it to the short form. */
START_TEST(test_old_index_form)
{
    const char *data = getenv("WT_TEST_DATA");
    ck_assert_ptr_nonnull(data);
    char *src = tu_path(data, "hex-index/data.mdb");
    ck_assert_int_eq(mkdir(db, 0700), 0);
    char *dst = tu_path(db, "data.mdb");
    FILE *in = fopen(src, "rb"), *out = fopen(dst, "wb");
    ck_assert_ptr_nonnull(in);
    ck_assert_ptr_nonnull(out);
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        ck_assert_uint_eq(fwrite(buf, 1, n, out), n);
    fclose(in);
    fclose(out);
    free(src);
    free(dst);
    char form[16];
    ck_assert_int_eq(signal_hash_len(db, form, sizeof form), 32);
    ck_assert_str_eq(form, "");
    setenv("WIJKTAFEL_PASSPHRASE", "oud-geheim-1", 1);
    tu_ok(RUN("--db", db, "--as", "lea", "check"));
    /* erase finds the signal linked to c-1 through the signals' case index. */
    tu_ok(RUN("--db", db, "--as", "lea", "erase", "--case", "c-1"));
    struct run r = RUN("--db", db, "--as", "lea", "export", "signals");
    ck_assert_int_eq(r.code, 0);
    ck_assert_ptr_null(strstr(r.out, "s-1"));
    ck_assert_ptr_nonnull(strstr(r.out, "s-2,"));
    rn_free(&r);
    /* Removing a member re-keys: the indexes are rebuilt in the short form. */
    const char *members = "id,name,role\nm-x,Xander,professional\n";
    char *p = tu_write(tmp, "members.csv", members, strlen(members));
    tu_ok(RUN("--db", db, "--as", "lea", "import", "members", p));
    free(p);
    setenv("WIJKTAFEL_NEW_PASSPHRASE", "xander-geheim-1", 1);
    tu_ok(RUN("--db", db, "--as", "lea", "passphrase", "m-x"));
    struct app *a;
    struct wt_error e = {0};
    struct app_opts o = {.dir = db, .as_member = "lea", .passphrase = fixed_pass,
                         .passphrase_ctx = "oud-geheim-1"};
    ck_assert_msg(app_open(&o, &a, &e) == 0, "%s", e.text);
    ck_assert_msg(app_member_remove(a, "m-x", &e) == 0, "%s", e.text);
    app_close(a);
    ck_assert_int_eq(signal_hash_len(db, form, sizeof form), 16);
    ck_assert_str_eq(form, "2");
    tu_ok(RUN("--db", db, "--as", "lea", "check"));
    /* And lookups find what they should in the new form: erasing c-2 keeps s-2. */
    const char *sig = "id,date,area,text,case\ns-3,2026-11-03,Noord,Bij c-2,c-2\n";
    p = tu_write(tmp, "signals.csv", sig, strlen(sig));
    tu_ok(RUN("--db", db, "--as", "lea", "import", "signals", p));
    free(p);
    tu_ok(RUN("--db", db, "--as", "lea", "erase", "--case", "c-2"));
    r = RUN("--db", db, "--as", "lea", "export", "signals");
    ck_assert_ptr_null(strstr(r.out, "s-3"));
    ck_assert_ptr_nonnull(strstr(r.out, "s-2,"));
    rn_free(&r);
}
END_TEST

START_TEST(test_purge)
{
    make_encrypted();
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    /* c-2 came in closed without a closing day: refused, naming it, nothing removed. */
    struct run r = RUN("--db", db, "purge", "--closed-before", "2021-01-01");
    ck_assert_int_eq(r.code, 65);
    ck_assert_int_eq(rn_lines(r.err), 1);
    ck_assert_ptr_nonnull(strstr(r.err, "c-2"));
    rn_free(&r);
    r = RUN("--db", db, "export", "cases");
    ck_assert_ptr_nonnull(strstr(r.out, "c-2"));
    rn_free(&r);
    r = RUN("--db", db, "purge", "--closed-before", "2021-01-01", "--use-opened");
    ck_assert_int_eq(r.code, 0);
    ck_assert_ptr_nonnull(strstr(r.err, "1 "));
    rn_free(&r);
    r = RUN("--db", db, "export", "cases");
    ck_assert_ptr_null(strstr(r.out, "c-2"));
    ck_assert_ptr_nonnull(strstr(r.out, "c-1"));
    rn_free(&r);
    r = RUN("--db", db, "purge", "--closed-before", "2021-02-30");
    ck_assert_int_eq(r.code, 64);
    rn_free(&r);
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    setenv("WIJKTAFEL_NEW_PASSPHRASE", "professional-1", 1);
    tu_ok(RUN("--db", db, "passphrase", "m-pro"));
    setenv("WIJKTAFEL_PASSPHRASE", "professional-1", 1);
    r = RUN("--db", db, "--as", "m-pro", "purge", "--closed-before", "2030-01-01");
    ck_assert_int_eq(r.code, 77);
    rn_free(&r);
}
END_TEST

START_TEST(test_plain_database_gets_encrypted)
{
    tu_ok(RUN("--db", db, "init"));
    const char *cases = "id,opened,area,resident,request\nc-1,2026-11-02,A/B,Bijzondere Naam,V\n";
    char *p = tu_write(tmp, "cases.csv", cases, strlen(cases));
    tu_ok(RUN("--db", db, "import", "cases", p));
    free(p);
    setenv("WIJKTAFEL_NEW_PASSPHRASE", "eerste-geheim", 1);
    tu_ok(RUN("--db", db, "passphrase"));
    setenv("WIJKTAFEL_PASSPHRASE", "eerste-geheim", 1);
    struct needles nd = {0};
    add_needle(&nd, "Bijzondere Naam");
    char first[512];
    ck_assert_msg(search_dir(db, &nd, first, sizeof first) == 0, "found %s", first);
    struct run r = RUN("--db", db, "export", "cases");
    ck_assert_ptr_nonnull(strstr(r.out, "Bijzondere Naam"));
    rn_free(&r);
    unsetenv("WIJKTAFEL_PASSPHRASE");
    r = RUN("--db", db, "export", "cases");
    ck_assert_int_eq(r.code, 77);
    rn_free(&r);
    needles_free(&nd);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_demo_files_hold_no_personal_text,
                            test_passphrases_and_compartments, test_removed_member_opens_nothing,
                            test_flipped_byte_detected, test_erase_leaves_nothing, test_purge,
                            test_old_index_form, test_plain_database_gets_encrypted};
    const struct tu_suite suite = {
        .name = "crypto",
        .timeout = 120,
        .setup = setup, .teardown = teardown};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
