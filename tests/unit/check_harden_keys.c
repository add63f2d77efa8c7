/* check_harden_keys.c: two findings of the hostile test (issue 19) about passphrases, through
 * the real program: encrypting a database keeps its access log's chain whole, and Argon2id
 * running out of memory is told as out of memory (74), never as a wrong passphrase. */
#include <check.h>
#include <stdbool.h>
#include <sys/resource.h>

#include "testutil.h"
#include "wijktafel/store.h"

#define PASS "geheim-geheim-1"
#define AS_LIMIT (64L << 20) /* the address space of the program under a limit */

static char *tmp, *db;

static void setup(void)
{
    tu_scratch_begin(&tmp, &db, "db");
}

static void teardown(void)
{
    unsetenv("WIJKTAFEL_PASSPHRASE");
    unsetenv("WIJKTAFEL_NEW_PASSPHRASE");
    tu_scratch_end(&tmp, &db);
}

#define RUN(...) TU_RUN(tmp, __VA_ARGS__)
#define ok tu_ok

static void import_case(const char *id)
{
    char text[128];
    snprintf(text, sizeof text, "id,opened,area,resident,request\n%s,2026-11-02,Dorp,X,Tuin\n", id);
    char *p = tu_write(tmp, "in.csv", text, strlen(text));
    ok(RUN("--db", db, "import", "cases", p));
    free(p);
}

/* The log's entries for case ids, in the order the log lists them, as one string. */
static char *logged_cases(void)
{
    struct run r = RUN("--db", db, "log");
    ck_assert_msg(r.code == 0, "log: exit %d: %s", r.code, r.err);
    char *out = calloc(1, strlen(r.out) + 1);
    for (const char *p = strstr(r.out, "cases/"); p; p = strstr(p + 1, "cases/")) {
        size_t n = strcspn(p, " \n");
        strncat(out, p, n);
        strcat(out, " ");
    }
    rn_free(&r);
    return out;
}

/* The repro of the finding: init, two imports, a passphrase, then check and log. Before the
 * fix (efebcf3) check said "het einde van het log klopt niet" (74) and log stopped after the
 * first entry. */
START_TEST(test_passphrase_keeps_the_chain)
{
    ok(RUN("--db", db, "init", "--team", "Testteam"));
    import_case("c-1");
    import_case("c-2");
    char *before = logged_cases();
    ck_assert_str_eq(before, "cases/c-1 cases/c-2 "); /* guard: the log has both */
    setenv("WIJKTAFEL_NEW_PASSPHRASE", PASS, 1);
    ok(RUN("--db", db, "passphrase"));
    unsetenv("WIJKTAFEL_NEW_PASSPHRASE");
    setenv("WIJKTAFEL_PASSPHRASE", PASS, 1);
    struct run r = RUN("--db", db, "check");
    ck_assert_msg(r.code == 0 && strstr(r.out, "in orde") && !strstr(r.out, "log:") &&
                      !strstr(r.err, "log:"),
                  "check: exit %d: %s%s", r.code, r.out, r.err);
    rn_free(&r);
    char *after = logged_cases();
    ck_assert_str_eq(after, before);
    /* The chain goes on under the new keys. */
    import_case("c-3");
    r = RUN("--db", db, "check");
    ck_assert_msg(r.code == 0, "check after another import: exit %d: %s", r.code, r.err);
    rn_free(&r);
    char *more = logged_cases();
    ck_assert_str_eq(more, "cases/c-1 cases/c-2 cases/c-3 ");
    free(before), free(after), free(more);
}
END_TEST

/* Runs `check` in a child whose address space is limited to limit bytes. */
static struct run check_limited(long limit)
{
    char *e = tu_path(tmp, "limited.err");
    pid_t pid = fork();
    if (pid == 0) {
        struct rlimit rl = {(rlim_t)limit, (rlim_t)limit};
        setrlimit(RLIMIT_AS, &rl);
        struct run r = RUN("--db", db, "check");
        FILE *g = fopen(e, "w");
        fputs(r.err, g);
        fclose(g);
        _exit(r.code);
    }
    int status;
    waitpid(pid, &status, 0);
    struct run r = {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
                    strdup(""), rn_slurp(e)};
    free(e);
    return r;
}

/* Under a memory limit too small for Argon2id (64 MiB), the right passphrase is out of memory:
 * exit 74 with one line that says so; before, it was "de wachtwoordzin klopt niet" (77). */
START_TEST(test_argon2_out_of_memory)
{
    if (getenv("WT_SANITIZED")) {
        printf("skipped: no RLIMIT_AS under a sanitizer\n");
        return;
    }
    ok(RUN("--db", db, "init", "--team", "Testteam"));
    import_case("c-1");
    setenv("WIJKTAFEL_NEW_PASSPHRASE", PASS, 1);
    ok(RUN("--db", db, "passphrase"));
    unsetenv("WIJKTAFEL_NEW_PASSPHRASE");
    /* Guards: without a limit the passphrase opens it, and a wrong one is told as wrong. */
    setenv("WIJKTAFEL_PASSPHRASE", "fout-fout-fout", 1);
    struct run r = RUN("--db", db, "check");
    ck_assert_msg(r.code == 77 && strstr(r.err, "klopt niet"), "exit %d: %s", r.code, r.err);
    rn_free(&r);
    setenv("WIJKTAFEL_PASSPHRASE", PASS, 1);
    ok(RUN("--db", db, "check"));
    r = check_limited(AS_LIMIT);
    ck_assert_msg(r.code == 74, "exit %d: %s", r.code, r.err);
    ck_assert_int_eq(rn_lines(r.err), 1);
    ck_assert_msg(strstr(r.err, "te weinig geheugen") && strstr(r.err, "Argon2id") &&
                      !strstr(r.err, "klopt niet"),
                  "%s", r.err);
    rn_free(&r);
    /* With room enough the same program under a limit opens it (the limit alone is no fault). */
    r = check_limited(AS_LIMIT * 4);
    ck_assert_msg(r.code == 0, "exit %d: %s", r.code, r.err);
    rn_free(&r);
}
END_TEST

/* --- the store where encryption is switched on: every sealed kind of value, many of each --- */

#define N_EACH 24

static int plain_values(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx, (void)err;
    for (int i = 0; i < N_EACH; i++) {
        /* Values of many lengths: sealing makes each longer, and moves it in its page. */
        char key[64], val[256];
        snprintf(key, sizeof key, "meeting/2026-11-30/note/c-%03d", i);
        snprintf(val, sizeof val, "%.*s", 1 + (i * 37) % 200,
                 "Notitie over de buurt en de tuin en de buren en nog veel meer woorden die "
                 "samen een lange regel maken, langer dan de vorige, en nog langer dan dat, "
                 "tot het einde van deze zin die echt heel erg lang is geworden bij elkaar.");
        store_meta_put(t, key, val);
        snprintf(key, sizeof key, "meeting/2026-12-07/note/c-%03d", i);
        store_meta_put(t, key, val + (i % 7));
        struct store_submission sub = {.status = "pending", .submitter = "m-v",
                                       .date = "2026-11-30", .reason = ""};
        record_init(&sub.rec, i % 2 ? WT_SIGNALS : WT_CASES);
        char id[16];
        snprintf(id, sizeof id, "x-%03d", i);
        record_set(&sub.rec, 0, id);
        record_set(&sub.rec, i % 2 ? SIGNAL_TEXT : CASE_REQUEST, val);
        store_review_put(t, &sub);
        record_fini(&sub.rec);
    }
    return store_txn_error(t);
}

static int encrypt(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx, (void)err;
    unsigned char gen[32], cases[32];
    store_random_key(gen);
    store_random_key(cases);
    return store_encrypt_all(t, gen, cases);
}

struct seen {
    char keys[3 * N_EACH][64];
    size_t n;
};

static int see_meta(void *ctx, const char *key, const char *value)
{
    (void)value;
    struct seen *s = ctx;
    if (s->n < 3 * N_EACH)
        snprintf(s->keys[s->n], sizeof s->keys[0], "%s", key);
    s->n++;
    return 0;
}

static int see_sub(void *ctx, const struct store_submission *sub)
{
    struct seen *s = ctx;
    if (s->n < 3 * N_EACH)
        snprintf(s->keys[s->n], sizeof s->keys[0], "%s %s", sub->id, sub->rec.v[0]);
    s->n++;
    return 0;
}

/* The keys of the meeting notes (sealed meta) and of the review queue, as one string. */
static char *held(struct store *s)
{
    struct store_txn *t;
    ck_assert_int_eq(store_read_begin(s, &t, NULL), 0);
    struct seen sn = {0};
    ck_assert_int_eq(store_meta_each(t, "meeting/", see_meta, &sn), 0);
    ck_assert_int_eq(store_review_each(t, see_sub, &sn), 0);
    store_read_end(t);
    ck_assert_uint_eq(sn.n, 3 * N_EACH);
    char *out = calloc(sn.n, 80);
    for (size_t i = 0; i < sn.n; i++) {
        strcat(out, sn.keys[i]);
        strcat(out, "\n");
    }
    return out;
}

static void print_problem(void *ctx, const char *what)
{
    (void)ctx;
    fprintf(stderr, "check: %s\n", what);
}

/* Sealing values in place with a cursor must not change a key: with a longer value LMDB moves
 * the node, and a key that points into the page moves with it (what broke the log's chain). */
START_TEST(test_encrypt_keeps_every_key)
{
    struct store *s;
    struct wt_error e = {0};
    struct store_opts o = {.create = true};
    ck_assert_msg(store_open(db, &o, &s, &e) == 0, "%s", e.text);
    ck_assert_msg(store_write(s, plain_values, NULL, &e) == 0, "%s", e.text);
    char *before = held(s);
    ck_assert_ptr_nonnull(strstr(before, "meeting/2026-11-30/note/c-023\n")); /* guard */
    ck_assert_msg(store_write(s, encrypt, NULL, &e) == 0, "%s", e.text);
    char *after = held(s);
    ck_assert_str_eq(after, before);
    ck_assert_msg(store_check(s, print_problem, NULL, &e) == 0, "%s", e.text);
    store_close(s);
    free(before), free(after);
}
END_TEST

static Suite *harden_keys_suite(void)
{
    Suite *s = suite_create("harden_keys");
    TCase *tc = tcase_create("passphrase");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_passphrase_keeps_the_chain);
    tcase_add_test(tc, test_argon2_out_of_memory);
    tcase_add_test(tc, test_encrypt_keeps_every_key);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(harden_keys_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
