/* check_team.c: one-time codes, the recovery code and departures (FORMATS.md "Team"), with
 * the real program on real databases. */
#include <check.h>
#include <lmdb.h>
#include <stdbool.h>

#include "testutil.h"
#include "wijktafel/app.h"
#include "wijktafel/codewords.h"

static char *tmp, *db;

static void setup(void)
{
    tmp = tu_tmpdir();
    db = tu_path(tmp, "db");
    setenv("XDG_CACHE_HOME", tmp, 1);
    setenv("XDG_CONFIG_HOME", tmp, 1);
    setenv("WIJKTAFEL_TODAY", "2026-11-30", 1);
    setenv("WIJKTAFEL_DB", db, 1);
    unsetenv("WIJKTAFEL_PASSPHRASE");
    unsetenv("WIJKTAFEL_NEW_PASSPHRASE");
    unsetenv("WIJKTAFEL_RECOVERY_CODE");
}

static void teardown(void)
{
    free(db);
    tu_rmtree(tmp);
}

#define RUN(...) rn_exec(tmp, NULL, 0, (char *[]){"wijktafel", __VA_ARGS__, NULL})
#define S(x) ((char *)(x))

static void ok_at(struct run r, int line)
{
    ck_assert_msg(r.code == 0, "line %d: exit %d: %s", line, r.code, r.err);
    rn_free(&r);
}
#define ok(r) ok_at(r, __LINE__)

/* Asserts the exit code and that stderr is one line; frees r. */
static void refused(struct run r, int code, const char *says)
{
    ck_assert_msg(r.code == code, "exit %d, not %d: %s", r.code, code, r.err);
    ck_assert_int_eq(rn_lines(r.err), 1);
    ck_assert_msg(strstr(r.err, says), "'%s' not in: %s", says, r.err);
    rn_free(&r);
}

/* The last line of s (without its newline); caller frees. */
static char *last_line(const char *s)
{
    size_t n = strlen(s);
    while (n && s[n - 1] == '\n')
        n--;
    size_t b = n;
    while (b && s[b - 1] != '\n')
        b--;
    return strndup(s + b, n - b);
}

/* Number of words of s that are in the code word list; -1 when one is not. */
static int code_words(const char *s)
{
    char *copy = strdup(s), *save = NULL;
    int n = 0;
    for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
        n = n < 0 || codewords_index(w) < 0 ? -1 : n + 1;
    free(copy);
    return n;
}

/* An encrypted database with its leader; returns the recovery code. */
static char *make_team(void)
{
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    struct run r = RUN("init", "--team", "Team Oost", "--name", "Lea Leider");
    ck_assert_msg(r.code == 0, "%s", r.err);
    char *code = last_line(r.out);
    rn_free(&r);
    ck_assert_int_eq(code_words(code), 12);
    return code;
}

/* member add; returns the one-time code printed. */
static char *add_member(const char *id, const char *role)
{
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    struct run r = RUN("member", "add", S(id), "--name", "Nieuw Lid", "--role", S(role), "--area",
                       "Oost");
    ck_assert_msg(r.code == 0, "%s", r.err);
    ck_assert_int_eq(rn_lines(r.out), 1);
    char *code = last_line(r.out);
    rn_free(&r);
    ck_assert_int_eq(code_words(code), 6);
    return code;
}

/* Runs `--as member export signals` with pass (and the new passphrase next,
 * NULL for none). */
static struct run as_member(const char *member, const char *pass, const char *next)
{
    setenv("WIJKTAFEL_PASSPHRASE", pass, 1);
    if (next)
        setenv("WIJKTAFEL_NEW_PASSPHRASE", next, 1);
    else
        unsetenv("WIJKTAFEL_NEW_PASSPHRASE");
    struct run r = RUN("--as", S(member), "export", "signals");
    unsetenv("WIJKTAFEL_NEW_PASSPHRASE");
    return r;
}

START_TEST(test_word_list)
{
    for (unsigned i = 0; i < CODEWORDS_COUNT; i++) {
        const char *w = codewords_word(i);
        ck_assert_uint_ge(strlen(w), 4);
        ck_assert_uint_le(strlen(w), 8);
        ck_assert_uint_eq(strspn(w, "abcdefghijklmnopqrstuvwxyz"), strlen(w));
        if (i)
            ck_assert_msg(strcmp(codewords_word(i - 1), w) < 0, "%s", w);
        ck_assert_int_eq(codewords_index(w), (int)i);
        ck_assert_msg(!codewords_retired(w), "%s is retired but still drawn", w);
    }
    ck_assert_ptr_null(codewords_word(CODEWORDS_COUNT));
    /* Words taken out are never drawn but still read, so that a recovery code
     * printed before keeps working. */
    static const char *const gone[] = {"kakhoofd", "neukhoer", "kapo", "bloedbad", "druiper"};
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++) {
        ck_assert_msg(codewords_retired(gone[i]), "%s", gone[i]);
        ck_assert_int_eq(codewords_index(gone[i]), -1);
    }
    ck_assert(!codewords_retired(codewords_word(0)));
    struct buf old = {0};
    buf_puts(&old, "");
    char typed_old[128];
    snprintf(typed_old, sizeof typed_old, "Kakhoofd %s bloedbad", codewords_word(5));
    ck_assert_int_eq(codewords_normalize(typed_old, 3, &old), 0);
    char want_old[128];
    snprintf(want_old, sizeof want_old, "kakhoofd %s bloedbad", codewords_word(5));
    ck_assert_str_eq(old.data, want_old);
    free(old.data);
    struct buf b = {0};
    buf_puts(&b, "");
    char typed[128];
    snprintf(typed, sizeof typed, " %s-%s, %s\t", codewords_word(7), codewords_word(2047),
             codewords_word(0));
    typed[1] = (char)(typed[1] - 'a' + 'A');
    ck_assert_int_eq(codewords_normalize(typed, 3, &b), 0);
    char want[128];
    snprintf(want, sizeof want, "%s %s %s", codewords_word(7), codewords_word(2047),
             codewords_word(0));
    ck_assert_str_eq(b.data, want);
    buf_reset(&b);
    ck_assert_int_eq(codewords_normalize(typed, 4, &b), -1); /* too few */
    buf_reset(&b);
    ck_assert_int_eq(codewords_normalize("geenwoordhier x", 2, &b), -1);
    buf_fini(&b);
    /* All 2,048 words can come out: 11 bits each. */
    unsigned char ones[3] = {0xff, 0xe0, 0x00};
    struct buf c = {0};
    buf_puts(&c, "");
    codewords_make(ones, sizeof ones, 2, &c);
    snprintf(want, sizeof want, "%s %s", codewords_word(2047), codewords_word(0));
    ck_assert_str_eq(c.data, want);
    buf_fini(&c);
}
END_TEST

START_TEST(test_code_works_once)
{
    free(make_team());
    char *code = add_member("pieter", "professional");
    /* The leader's passphrase does not open the new member's keyslot. */
    refused(as_member("pieter", "leider-geheim-1", "pieter-geheim-1"), 77, "klopt niet");
    /* The code without a new passphrase: refused, and the code still works. */
    struct run r = as_member("pieter", code, NULL);
    ck_assert_int_eq(r.code, 64);
    ck_assert_ptr_nonnull(strstr(r.err, "kies eerst uw eigen wachtwoordzin"));
    rn_free(&r);
    refused(as_member("pieter", code, "kort"), 65, "te kort");
    /* Typed in another case and with dashes, it still is the code. */
    char *typed = strdup(code);
    for (char *p = typed; *p; p++)
        *p = *p == ' ' ? '-' : (char)(*p - 'a' + 'A');
    ok(as_member("pieter", typed, "pieter-geheim-1"));
    free(typed);
    /* Used: refused; their own passphrase opens. */
    refused(as_member("pieter", code, "pieter-geheim-2"), 77, "klopt niet");
    ok(as_member("pieter", "pieter-geheim-1", NULL));
    /* The log says a code was made and used, and never holds it. */
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    r = RUN("log", "--member", "pieter", "--format", "tsv");
    ck_assert_msg(strstr(r.out, "code-used"), "%s", r.out);
    rn_free(&r);
    r = RUN("log", "--format", "tsv");
    ck_assert_ptr_nonnull(strstr(r.out, "code-made"));
    char *first = strndup(code, strcspn(code, " "));
    ck_assert_ptr_null(strstr(r.out, first));
    free(first);
    rn_free(&r);
    free(code);
}
END_TEST

START_TEST(test_code_expires)
{
    free(make_team());
    char *code = add_member("vera", "volunteer");
    setenv("WIJKTAFEL_TODAY", "2026-12-15", 1); /* 15 days on */
    refused(as_member("vera", code, "vera-geheim-1"), 77, "verlopen");
    setenv("WIJKTAFEL_TODAY", "2026-12-14", 1); /* the 14th day: still good */
    ok(as_member("vera", code, "vera-geheim-1"));
    free(code);
    /* member reset: a new code; the old passphrase stops working. */
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    struct run r = RUN("member", "reset", "vera");
    ck_assert_msg(r.code == 0, "%s", r.err);
    code = last_line(r.out);
    rn_free(&r);
    ck_assert_int_eq(code_words(code), 6);
    refused(as_member("vera", "vera-geheim-1", NULL), 77, "klopt niet");
    ok(as_member("vera", code, "vera-geheim-2"));
    free(code);
}
END_TEST

START_TEST(test_bad_input)
{
    free(make_team());
    free(add_member("pieter", "professional"));
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    struct run before = RUN("export", "members");
    ck_assert_int_eq(before.code, 0);
    refused(RUN("member", "add", "pieter", "--name", "Ander", "--role", "volunteer"), 65,
            "bestaat al");
    refused(RUN("member", "add", "x1", "--name", "X", "--role", "baas"), 65, "role");
    refused(RUN("member", "add", "x y", "--name", "X", "--role", "volunteer"), 65, "id");
    refused(RUN("member", "leave", "leider", "--yes"), 77, "laatste leider");
    refused(RUN("member", "leave", "niemand", "--yes"), 66, "bestaat niet");
    refused(RUN("member", "reset", "niemand"), 66, "bestaat niet");
    refused(RUN("member", "leave", "pieter"), 64, "--yes");
    /* Nothing changed: the same members, and the database is sound. */
    struct run after = RUN("export", "members");
    ck_assert_str_eq(before.out, after.out);
    rn_free(&before);
    rn_free(&after);
    ok(RUN("check"));
    /* Only a leader manages the team. */
    char *code = add_member("vera", "volunteer");
    ok(as_member("vera", code, "vera-geheim-1"));
    free(code);
    setenv("WIJKTAFEL_PASSPHRASE", "vera-geheim-1", 1);
    refused(RUN("--as", "vera", "member", "add", "v2", "--name", "V", "--role", "volunteer"), 77,
            "leider");
    refused(RUN("--as", "vera", "member", "leave", "pieter", "--yes"), 77, "leider");
}
END_TEST

START_TEST(test_recovery)
{
    char *rec = make_team();
    unsetenv("WIJKTAFEL_PASSPHRASE");
    setenv("WIJKTAFEL_NEW_PASSPHRASE", "nieuw-geheim-1", 1);
    /* A wrong code: refused, nothing changed. */
    char *wrong = strdup(rec);
    wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
    setenv("WIJKTAFEL_RECOVERY_CODE", wrong, 1);
    refused(RUN("passphrase", "--recovery"), 77, "herstelcode klopt niet");
    free(wrong);
    setenv("WIJKTAFEL_RECOVERY_CODE", rec, 1);
    struct run r = RUN("passphrase", "--recovery");
    ck_assert_msg(r.code == 0, "%s", r.err);
    char *rec2 = last_line(r.out);
    rn_free(&r);
    ck_assert_int_eq(code_words(rec2), 12);
    ck_assert_str_ne(rec, rec2);
    /* The old code and the old passphrase are gone; the new ones work. */
    setenv("WIJKTAFEL_NEW_PASSPHRASE", "nieuw-geheim-2", 1);
    refused(RUN("passphrase", "--recovery"), 77, "herstelcode klopt niet");
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    refused(RUN("check"), 77, "klopt niet");
    setenv("WIJKTAFEL_PASSPHRASE", "nieuw-geheim-1", 1);
    ok(RUN("check"));
    setenv("WIJKTAFEL_RECOVERY_CODE", rec2, 1);
    ok(RUN("passphrase", "--recovery"));
    setenv("WIJKTAFEL_PASSPHRASE", "nieuw-geheim-2", 1);
    r = RUN("log", "--format", "tsv");
    ck_assert_ptr_nonnull(strstr(r.out, "recovery"));
    rn_free(&r);
    free(rec);
    free(rec2);
}
END_TEST

/* Copies (save) or puts back (!save) the meta values whose key starts with prefix. */
struct slot_copy {
    MDB_val k[16], v[16];
    size_t n;
};

static void slot_copy(struct slot_copy *c, const char *prefix, bool save)
{
    MDB_env *env;
    MDB_txn *txn;
    MDB_dbi meta;
    ck_assert_int_eq(mdb_env_create(&env), 0);
    mdb_env_set_maxdbs(env, 24);
    ck_assert_int_eq(mdb_env_open(env, db, 0, 0600), 0);
    ck_assert_int_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
    ck_assert_int_eq(mdb_dbi_open(txn, "meta", 0, &meta), 0);
    if (save) {
        MDB_cursor *cur;
        mdb_cursor_open(txn, meta, &cur);
        MDB_val k = {strlen(prefix), (void *)prefix}, v;
        for (int rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE); rc == 0 && c->n < 16;
             rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
            if (k.mv_size < strlen(prefix) || memcmp(k.mv_data, prefix, strlen(prefix)) != 0)
                break;
            c->k[c->n].mv_size = k.mv_size, c->k[c->n].mv_data = malloc(k.mv_size);
            memcpy(c->k[c->n].mv_data, k.mv_data, k.mv_size);
            c->v[c->n].mv_size = v.mv_size, c->v[c->n].mv_data = malloc(v.mv_size);
            memcpy(c->v[c->n].mv_data, v.mv_data, v.mv_size);
            c->n++;
        }
        mdb_cursor_close(cur);
    } else {
        for (size_t i = 0; i < c->n; i++)
            ck_assert_int_eq(mdb_put(txn, meta, &c->k[i], &c->v[i], 0), 0);
    }
    ck_assert_int_eq(mdb_txn_commit(txn), 0);
    mdb_env_close(env);
}

static void meta_del_prefix(const char *prefix)
{
    MDB_env *env;
    MDB_txn *txn;
    MDB_dbi meta;
    MDB_cursor *cur;
    ck_assert_int_eq(mdb_env_create(&env), 0);
    mdb_env_set_maxdbs(env, 24);
    ck_assert_int_eq(mdb_env_open(env, db, 0, 0600), 0);
    ck_assert_int_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
    ck_assert_int_eq(mdb_dbi_open(txn, "meta", 0, &meta), 0);
    mdb_cursor_open(txn, meta, &cur);
    MDB_val k = {strlen(prefix), (void *)prefix}, v;
    int n = 0;
    for (int rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE); rc == 0;
         rc = mdb_cursor_get(cur, &k, &v, MDB_GET_CURRENT)) {
        if (k.mv_size < strlen(prefix) || memcmp(k.mv_data, prefix, strlen(prefix)) != 0)
            break;
        ck_assert_int_eq(mdb_cursor_del(cur, 0), 0);
        n++;
    }
    ck_assert_int_gt(n, 0);
    mdb_cursor_close(cur);
    ck_assert_int_eq(mdb_txn_commit(txn), 0);
    mdb_env_close(env);
}

START_TEST(test_departed_keyslot_opens_nothing_new)
{
    free(make_team());
    char *code = add_member("pieter", "professional");
    ok(as_member("pieter", code, "pieter-geheim-1"));
    free(code);
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    const char *before = "id,date,area,text\ns-1,2026-11-02,Oost,Losse stoeptegels bij de school\n";
    char *p = tu_write(tmp, "s1.csv", before, strlen(before));
    ok(RUN("import", "signals", p));
    free(p);
    /* Pieter keeps a copy of his keyslot. */
    struct slot_copy old = {0};
    slot_copy(&old, "key/pieter/", true);
    ck_assert_uint_ge(old.n, 4);
    /* His old passphrase opens what there is now. */
    struct run r = as_member("pieter", "pieter-geheim-1", NULL);
    ck_assert_ptr_nonnull(strstr(r.out, "stoeptegels"));
    rn_free(&r);
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    ok(RUN("member", "leave", "pieter", "--yes"));
    refused(as_member("pieter", "pieter-geheim-1", NULL), 77, "verlaten");
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    const char *after = "id,date,area,text\ns-2,2026-12-01,Oost,Zwerfvuil achter de sporthal\n";
    p = tu_write(tmp, "s2.csv", after, strlen(after));
    ok(RUN("import", "signals", p));
    free(p);
    /* His name stays on what he did. */
    r = RUN("export", "members");
    ck_assert_ptr_nonnull(strstr(r.out, "pieter,Nieuw Lid,professional"));
    rn_free(&r);
    refused(RUN("bundle", "export", "--for", "pieter", "b.wt"), 77, "verlaten");
    ok(RUN("check"));
    /* The copy is put back: check names it. */
    slot_copy(&old, "", false);
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    r = RUN("check");
    ck_assert_int_ne(r.code, 0);
    ck_assert_msg(strstr(r.out, "pieter") || strstr(r.err, "pieter"), "%s%s", r.out, r.err);
    ck_assert_msg(strstr(r.out, "teruggezet") || strstr(r.err, "teruggezet"), "%s%s", r.out,
                  r.err);
    rn_free(&r);
    /* As pieter, with the 'left' mark gone as well: the keys it holds are
     * the old ones, named as replaced. */
    meta_del_prefix("left/pieter");
    refused(as_member("pieter", "pieter-geheim-1", NULL), 77, "vervangen");
    /* Without the key ids too, the old keys open nothing written after the
     * departure (everything was sealed again with the new keys). */
    meta_del_prefix("keyid/");
    r = as_member("pieter", "pieter-geheim-1", NULL);
    ck_assert_int_ne(r.code, 0);
    ck_assert_ptr_null(strstr(r.out, "Zwerfvuil"));
    ck_assert_ptr_null(strstr(r.out, "stoeptegels"));
    rn_free(&r);
    /* The guard against a vacuous pass: the leader reads both. */
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    r = RUN("export", "signals");
    ck_assert_ptr_nonnull(strstr(r.out, "Zwerfvuil"));
    ck_assert_ptr_nonnull(strstr(r.out, "stoeptegels"));
    rn_free(&r);
    for (size_t i = 0; i < old.n; i++) {
        free(old.k[i].mv_data);
        free(old.v[i].mv_data);
    }
}
END_TEST

/* The screen's passphrase box (app_unlock) opens nothing with a one-time
 * code: the right code names the command that takes it; a wrong or expired
 * one gets the one sentence of a wrong passphrase; the code still works. */
static int unlock_as(const char *member, const char *given, struct wt_error *e)
{
    struct app *a;
    struct app_opts o = {.dir = db, .as_member = member, .defer_unlock = true};
    ck_assert_msg(app_open(&o, &a, e) == 0, "%s", e->text);
    ck_assert_str_eq(app_locked(a), member);
    int rc = app_unlock(a, given, e);
    ck_assert_ptr_nonnull(app_locked(a)); /* nothing opened */
    app_close(a);
    return rc;
}

START_TEST(test_screen_refuses_code)
{
    free(make_team());
    char *code = add_member("pieter", "professional");
    struct wt_error e = {0};
    ck_assert_int_eq(unlock_as("pieter", code, &e), WT_EUSAGE);
    ck_assert_msg(strstr(e.text, "eenmalige code") && strstr(e.text, "--as pieter passphrase"),
                  "%s", e.text);
    wt_error_clear(&e);
    ck_assert_int_eq(unlock_as("pieter", "abc abc abc", &e), WT_EPERM);
    ck_assert_msg(strstr(e.text, "klopt niet"), "%s", e.text);
    wt_error_clear(&e);
    char *other = strdup(code); /* well formed, but another code */
    other[0] = other[0] == 'a' ? 'b' : 'a';
    ck_assert_int_eq(unlock_as("pieter", other, &e), WT_EPERM);
    ck_assert_msg(strstr(e.text, "klopt niet"), "%s", e.text);
    wt_error_clear(&e);
    free(other);
    setenv("WIJKTAFEL_TODAY", "2026-12-15", 1); /* expired: the same sentence, no date */
    ck_assert_int_eq(unlock_as("pieter", code, &e), WT_EPERM);
    ck_assert_msg(strstr(e.text, "klopt niet") && !strstr(e.text, "verlopen"), "%s", e.text);
    setenv("WIJKTAFEL_TODAY", "2026-11-30", 1);
    ok(as_member("pieter", code, "pieter-geheim-1"));
    free(code);
}
END_TEST

int main(void)
{
    const TTest *const tests[] = {test_word_list,
                                  test_code_works_once,
                                  test_code_expires,
                                  test_screen_refuses_code,
                                  test_bad_input,
                                  test_recovery,
                                  test_departed_keyslot_opens_nothing_new};
    const struct tu_suite s = {.name = "team", .timeout = 120, .setup = setup,
                               .teardown = teardown};
    return tu_run(&s, tests, sizeof tests / sizeof tests[0]);
}
