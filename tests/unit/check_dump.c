/* check_dump.c: dump and restore through the real program (issue 20): every file the same after
 * `dump`, `restore`, `dump` from a plain and an encrypted database, the restore's own record
 * beside the log (shown by `log`, verified by `check`, sealed when encrypted), and refusals. */
#include <check.h>
#include <sys/stat.h>

#include "app_int.h" /* white-box: the store under the app, to forge what check must find */
#include "apptest.h"
#include "testutil.h"
#include "wijktafel/meeting.h"
#include "wijktafel/measure.h"
#include "wijktafel/store.h"
#include "wijktafel/xalloc.h"

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
#define PASS "lange-wachtwoordzin-voor-de-dump"

/* The file dir/name (caller frees). */
static char *slurp(const char *dir, const char *name)
{
    char *p = tu_path(dir, name);
    char *t = rn_slurp(p);
    free(p);
    return t;
}

/* The file dir/name with its length (binary-safe; caller frees). */
static char *slurp_len(const char *dir, const char *name, size_t *len)
{
    char *p = tu_path(dir, name);
    FILE *f = fopen(p, "rb");
    ck_assert_msg(f != NULL, "%s", p);
    struct buf b = {0};
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&b, chunk, got);
    fclose(f);
    free(p);
    *len = b.len;
    return b.data ? buf_steal(&b) : xstrdup("");
}

/* The names in dir, sorted, one a line (caller frees). */
static char *folder_names(const char *dir)
{
    char *cmd = xasprintf("ls -1 '%s'", dir);
    FILE *f = popen(cmd, "r");
    ck_assert_ptr_nonnull(f);
    struct buf b = {0};
    char line[256];
    while (fgets(line, sizeof line, f))
        buf_puts(&b, line);
    ck_assert_int_eq(pclose(f), 0);
    free(cmd);
    return b.data ? buf_steal(&b) : xstrdup("");
}

/* Every kind the program stores beside the records' kinds, and the log. */
static const char *const dump_files[] = {
    "members.csv", "resources.csv", "talents.csv", "cases.csv",    "signals.csv", "actions.csv",
    "measures.csv", "hours.csv", "targets.csv", "rounds.csv", "doors.csv", "meetings.csv",
    "present.csv", "review.csv", "log.csv", "projects.csv", "partners.csv", "manifest.json"};

/* The demo as a plain database in db, then a meeting's work through the app. */
static void demo_after_meeting(void)
{
    char *d0 = tu_path(tmp, "d0");
    tu_ok(RUN("--demo", "dump", d0, "--yes"));
    tu_ok(RUN("--db", db, "restore", d0));
    free(d0);
    struct app *a = at_open(db, "leider", false);
    struct wt_error e = {0};
    struct measure m;
    ck_assert_int_eq(measure_parse("3 2 4 - 2 3", &m), 0);
    ck_assert_msg(app_measure_set(a, "c-004", MEASURE_START, &m, &e) == 0, "%s", e.text);
    ck_assert_int_eq(measure_parse("4 3 4 3 - 4", &m), 0);
    ck_assert_msg(app_measure_set(a, "c-004", MEASURE_CLOSE, &m, &e) == 0, "%s", e.text);
    ck_assert_msg(app_balance_record(a, "m-wouter", app_day(a), 2400, 1200, &e) == 0, "%s",
                  e.text);
    ck_assert_msg(app_balance_set_target(a, "m-noor", 40, &e) == 0, "%s", e.text);
    ck_assert_msg(meeting_decisions_put(a, "Besluit: buurtmaaltijd \"elke\" week,\nvanaf nu",
                                        &e) == 0,
                  "%s", e.text);
    ck_assert_msg(meeting_present_put(a, "leider;m-wouter", &e) == 0, "%s", e.text);
    app_close(a);
    /* A volunteer's new signal waits in the review queue; opening the
     * meeting notes them present. */
    a = at_open(db, "m-annie", false);
    ck_assert_msg(meeting_open(a, &e) == 0, "%s", e.text);
    struct wt_record r;
    record_init(&r, WT_SIGNALS);
    record_set(&r, SIGNAL_ID, "s-900");
    record_set(&r, SIGNAL_DATE, "2026-11-29");
    record_set(&r, SIGNAL_AREA, "Veenwaard/Elsterveld");
    record_set(&r, SIGNAL_TEXT, "Bankje bij de vijver is stuk");
    ck_assert_msg(app_put(a, &r, &e) == 0, "%s", e.text);
    record_fini(&r);
    app_close(a);
}

/* The leader's passphrase on db: from now on an encrypted database. */
static void encrypt_db(const char *dbdir)
{
    setenv("WIJKTAFEL_NEW_PASSPHRASE", PASS, 1);
    tu_ok(RUN("--db", (char *)dbdir, "passphrase"));
    unsetenv("WIJKTAFEL_NEW_PASSPHRASE");
    setenv("WIJKTAFEL_PASSPHRASE", PASS, 1);
    struct run r = RUN("--db", (char *)dbdir, "check");
    ck_assert_msg(r.code == 0 && strstr(r.out, ": in orde\n"), "%.300s", r.err);
    rn_free(&r);
}

/* The SHA-256 of dir/name in hex (sha256sum). */
static char *sha256_of(const char *dir, const char *name)
{
    char *p = tu_path(dir, name), *cmd = xasprintf("sha256sum '%s'", p);
    FILE *f = popen(cmd, "r");
    ck_assert_ptr_nonnull(f);
    char hex[65] = "";
    ck_assert_int_eq(fscanf(f, "%64s", hex), 1);
    pclose(f);
    free(cmd);
    free(p);
    return xstrdup(hex);
}

/* `dump`, `restore`, `dump` from db (encrypted or not): every file byte for byte the same, the
 * manifest apart from its date; the restored log is the dumped one, its restore beside it. */
static void dump_restore_dump(bool encrypted)
{
    demo_after_meeting();
    if (encrypted)
        encrypt_db(db);
    char *d1 = tu_path(tmp, "d1"), *d2 = tu_path(tmp, "d2"), *db2 = tu_path(tmp, "db2");
    tu_ok(RUN("--db", db, "dump", d1, "--yes"));
    tu_ok(RUN("--db", db2, "restore", d1));
    setenv("WIJKTAFEL_TODAY", "2026-12-01", 1); /* a later day: only the manifest's date moves */
    tu_ok(RUN("--db", db2, "dump", d2));
    tu_ok(RUN("--db", db2, "check"));
    /* Every file of both folders, byte for byte (the manifest below): the same names, and
     * every kind the program stores among them, none empty. */
    char *names1 = folder_names(d1), *names2 = folder_names(d2);
    ck_assert_str_eq(names1, names2);
    for (size_t i = 0; i < sizeof dump_files / sizeof dump_files[0]; i++) {
        char *line = xasprintf("%s\n", dump_files[i]);
        ck_assert_msg(strstr(names1, line), "%s is missing", dump_files[i]);
        free(line);
    }
    for (char *n = names1, *end; (end = strchr(n, '\n')) != NULL; n = end + 1) {
        *end = '\0';
        if (strcmp(n, "manifest.json") != 0) {
            size_t lx, ly;
            char *x = slurp_len(d1, n, &lx), *y = slurp_len(d2, n, &ly);
            ck_assert_msg(lx == ly && memcmp(x, y, lx) == 0, "%s differs", n);
            ck_assert_msg(rn_lines(x) >= 2, "%s is empty", n);
            free(x);
            free(y);
        }
    }
    free(names1);
    free(names2);
    /* Not vacuous: every kind holds what the meeting made. */
    char *t = slurp(d1, "measures.csv");
    ck_assert_ptr_nonnull(strstr(t, "case,phase,lichaam,mentaal,zingeving,kwaliteit,meedoen,"
                                    "dagelijks\n"));
    ck_assert_ptr_nonnull(strstr(t, "c-004,start,3,2,4,,2,3\n"));
    ck_assert_ptr_nonnull(strstr(t, "c-004,close,"));
    free(t);
    t = slurp(d1, "hours.csv");
    ck_assert_ptr_nonnull(strstr(t, "member,week,casework,community\n"));
    ck_assert_ptr_nonnull(strstr(t, "\nm-wouter,2026-"));
    free(t);
    t = slurp(d1, "targets.csv");
    ck_assert_ptr_nonnull(strstr(t, "member,community_percent\nm-"));
    ck_assert_ptr_nonnull(strstr(t, "\nm-noor,40\n"));
    free(t);
    t = slurp(d1, "meetings.csv");
    ck_assert_ptr_nonnull(strstr(t, "2026-11-30/decisions,"));
    ck_assert_ptr_nonnull(strstr(t, "\"\"elke\"\" week,\nvanaf nu"));
    free(t);
    t = slurp(d1, "present.csv");
    ck_assert_ptr_nonnull(strstr(t, "key,value\n"));
    ck_assert_ptr_nonnull(strstr(t, "/m-annie,"));
    ck_assert_ptr_nonnull(strstr(t, "/m-wouter,-\n"));
    free(t);
    t = slurp(d1, "rounds.csv");
    ck_assert_ptr_nonnull(strstr(t, "id,date,area,kind,addresses,pairs,by,made_hlc,"));
    ck_assert_int_ge(rn_lines(t), 2);
    free(t);
    t = slurp(d1, "doors.csv");
    ck_assert_ptr_nonnull(strstr(t, "round,no,where,answered,talked,lonely,"));
    ck_assert_int_ge(rn_lines(t), 2);
    free(t);
    t = slurp(d1, "review.csv");
    ck_assert_ptr_nonnull(strstr(t, "Bankje bij de vijver"));
    ck_assert_ptr_nonnull(strstr(t, ",pending,m-annie,"));
    free(t);
    /* The log: the meeting's work in it; neither dump's own entries, nor anything of the
     * restore. */
    char *l1 = slurp(d1, "log.csv");
    ck_assert_ptr_nonnull(strstr(l1, "time,member,behalf,path,action,kind,id,detail\n"));
    ck_assert_int_ge(rn_lines(l1), 10);
    ck_assert_ptr_nonnull(strstr(l1, ",measure,cases,c-004,"));
    ck_assert_ptr_null(strstr(l1, ",dump,dump,"));
    ck_assert_ptr_null(strstr(l1, ",restore,"));
    /* The manifests differ in their date only. */
    char *m1 = slurp(d1, "manifest.json"), *m2 = slurp(d2, "manifest.json");
    ck_assert_ptr_nonnull(strstr(m1, "\"date\": \"2026-11-30\""));
    ck_assert_ptr_nonnull(strstr(m1, "\"name\": \"log.csv\""));
    char *p = strstr(m2, "\"date\": \"2026-12-01\"");
    ck_assert_ptr_nonnull(p);
    memcpy(p + 9, "2026-11-30", 10);
    ck_assert_str_eq(m1, m2);
    /* The restore's record: the first line of `log`, numbered 0, naming the manifest. */
    char *sum = sha256_of(d1, "manifest.json");
    struct run r = RUN("--db", db2, "log", "--format", "tsv");
    ck_assert_int_eq(r.code, 0);
    char *want = xasprintf("\tleider\tDoen!-team Veenwaard (demo)\trestore\trestore\t\t\tregels 1-%d "
                           "uit dump, manifest %s\n1\t",
                           rn_lines(l1) - 1, sum);
    ck_assert_msg(strncmp(r.out, "0\t", 2) == 0 && strstr(r.out, want) &&
                      strstr(r.out, want) < strchr(r.out, '\n'),
                  "%.200s", r.out);
    rn_free(&r);
    free(want);
    free(sum);
    free(l1);
    free(m1);
    free(m2);
    free(d1);
    free(d2);
    free(db2);
    unsetenv("WIJKTAFEL_PASSPHRASE");
}

START_TEST(test_dump_restore_dump)
{
    dump_restore_dump(false);
}
END_TEST

START_TEST(test_dump_restore_dump_encrypted)
{
    dump_restore_dump(true);
}
END_TEST

/* Puts value under meta key in the database as the leader: a legitimate write, so meta's
 * digest agrees; only check's reading of the restore's record can find it. */
struct forge {
    const char *key, *value;
};

static int forge_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    const struct forge *f = ctx;
    store_meta_put(t, f->key, f->value);
    return store_txn_error(t);
}

/* WIJKTAFEL_PASSPHRASE, as the program reads it (NULL on a plain database). */
static const char *env_pass(void *ctx, const char *member)
{
    (void)ctx, (void)member;
    return getenv("WIJKTAFEL_PASSPHRASE");
}

/* The database as the leader, plain or encrypted. */
static struct app *open_leader(const char *dbdir, bool readonly)
{
    struct app *a;
    struct wt_error e = {0};
    struct app_opts o = {.dir = dbdir, .as_member = "leider", .passphrase = env_pass,
                         .readonly = readonly};
    ck_assert_msg(app_open(&o, &a, &e) == 0, "%s", e.text);
    return a;
}

static void forge(const char *dbdir, const char *key, const char *value)
{
    struct app *a = open_leader(dbdir, false);
    struct forge f = {key, value};
    struct wt_error e = {0};
    ck_assert_msg(store_write(a->store, forge_write, &f, &e) == 0, "%s", e.text);
    app_close(a);
}

/* The record as stored (white-box: meta "log-restored"); caller frees. */
static char *stored_record(const char *dbdir)
{
    struct app *a = open_leader(dbdir, true);
    struct store_txn *t;
    struct wt_error e = {0};
    ck_assert_int_eq(store_read_begin(a->store, &t, &e), 0);
    char *v = NULL;
    ck_assert_int_eq(store_meta_get(t, "log-restored", &v), 0);
    store_read_end(t);
    app_close(a);
    return v;
}

/* check finds a record that does not fit the log it stands beside. */
static void check_finds(const char *dbdir, const char *value, const char *says)
{
    char *before = stored_record(dbdir);
    forge(dbdir, "log-restored", value);
    struct run r = RUN("--db", (char *)dbdir, "check");
    ck_assert_msg(r.code == 74 && strstr(r.out, says), "exit %d: %.300s", r.code, r.out);
    ck_assert_msg(strstr(r.err, "1 problemen gevonden"), "%s", r.err);
    rn_free(&r);
    forge(dbdir, "log-restored", before);
    tu_ok(RUN("--db", (char *)dbdir, "check"));
    free(before);
}

START_TEST(test_restore_record_checked)
{
    demo_after_meeting();
    char *d1 = tu_path(tmp, "d1"), *db2 = tu_path(tmp, "db2");
    tu_ok(RUN("--db", db, "dump", d1));
    tu_ok(RUN("--db", db2, "restore", d1));
    tu_ok(RUN("--db", db2, "check"));
    char *rec = stored_record(db2);
    /* 1, time, member, team, entries, log.csv's and the manifest's SHA-256 */
    char *sum = sha256_of(d1, "log.csv"), *msum = sha256_of(d1, "manifest.json");
    char *tail = xasprintf("\t%s\t%s", sum, msum);
    ck_assert_msg(strncmp(rec, "1\t", 2) == 0 && strstr(rec, tail), "%s", rec);
    /* One entry fewer than the dump's, or another log.csv: both found. */
    char *entries = strstr(rec, tail);
    while (entries[-1] != '\t')
        entries--;
    unsigned long n = strtoul(entries, NULL, 10);
    ck_assert_uint_ge(n, 10);
    char *fewer = xstrdup(rec);
    snprintf(fewer + (entries - rec), strlen(rec) - (size_t)(entries - rec) + 1, "%lu%s", n - 1,
             tail);
    check_finds(db2, fewer, "zijn niet meer die van de dump");
    char *other = xstrdup(rec);
    char *s = strstr(other, sum);
    s[0] = s[0] == '0' ? '1' : '0';
    check_finds(db2, other, "de SHA-256 van log.csv klopt niet");
    char *more = xasprintf("%.*s%lu%s", (int)(entries - rec), rec, n + 1000, tail);
    check_finds(db2, more, "kwamen uit de dump");
    check_finds(db2, "1\tkapot", "log-restored: beschadigd");
    /* A member filter: the record is the restoring leader's; a case filter: not about a case. */
    struct run r = RUN("--db", db2, "log", "--member", "m-noor", "--format", "tsv");
    ck_assert_int_eq(r.code, 0);
    ck_assert_ptr_null(strstr(r.out, "\trestore\trestore\t"));
    rn_free(&r);
    r = RUN("--db", db2, "log", "--case", "c-004", "--format", "tsv");
    ck_assert_ptr_nonnull(strstr(r.out, "\tcases\tc-004\t"));
    ck_assert_ptr_null(strstr(r.out, "\trestore\trestore\t"));
    rn_free(&r);
    /* Encrypted after the restore: the record is sealed (its hashes are not in the file), still
     * the first line of the log, and still verified. */
    encrypt_db(db2);
    r = RUN("--db", db2, "log", "--format", "tsv");
    ck_assert_msg(r.code == 0 && strncmp(r.out, "0\t", 2) == 0 && strstr(r.out, msum), "%.300s",
                  r.err);
    rn_free(&r);
    char *file = tu_path(db2, "data.mdb"), *cmd = xasprintf("grep -c -a '%.16s' '%s'", msum, file);
    FILE *g = popen(cmd, "r");
    int found = -1;
    ck_assert_int_eq(fscanf(g, "%d", &found), 1);
    pclose(g);
    ck_assert_int_eq(found, 0);
    check_finds(db2, fewer, "zijn niet meer die van de dump");
    unsetenv("WIJKTAFEL_PASSPHRASE");
    free(file);
    free(cmd);
    free(fewer);
    free(other);
    free(more);
    free(tail);
    free(sum);
    free(msum);
    free(rec);
    free(d1);
    free(db2);
}
END_TEST

START_TEST(test_dump_refusals)
{
    demo_after_meeting();
    char *d1 = tu_path(tmp, "d1"), *db2 = tu_path(tmp, "db2");
    /* Only a leader dumps. */
    struct run r = RUN("--db", db, "--as", "m-wouter", "dump", d1);
    ck_assert_int_eq(r.code, 77);
    rn_free(&r);
    tu_ok(RUN("--db", db, "dump", d1));
    /* Plain text of residents: for the owner only. */
    struct stat st;
    ck_assert_int_eq(stat(d1, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0700);
    char *cp = tu_path(d1, "cases.csv");
    ck_assert_int_eq(stat(cp, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    free(cp);
    /* A dump never overwrites, a restore never fills a database that is there. */
    r = RUN("--db", db, "dump", d1);
    ck_assert_int_ne(r.code, 0);
    ck_assert_int_eq(rn_lines(r.err), 1);
    rn_free(&r);
    r = RUN("--db", db, "restore", d1);
    ck_assert_int_eq(r.code, 73);
    rn_free(&r);
    /* A changed file is refused, naming it, and no database is made. */
    char *p = tu_path(d1, "cases.csv");
    FILE *f = fopen(p, "ab");
    ck_assert_ptr_nonnull(f);
    fputs("x", f);
    fclose(f);
    free(p);
    r = RUN("--db", db2, "restore", d1);
    ck_assert_int_eq(r.code, 65);
    ck_assert_ptr_nonnull(strstr(r.err, "cases.csv"));
    ck_assert_ptr_nonnull(strstr(r.err, "SHA-256"));
    rn_free(&r);
    ck_assert_int_ne(stat(db2, &st), 0);
    /* The demo is encrypted: no dump without --yes when nobody can be asked. */
    char *d3 = tu_path(tmp, "d3");
    r = RUN("--demo", "dump", d3);
    ck_assert_int_eq(r.code, 77);
    ck_assert_ptr_nonnull(strstr(r.err, "--yes"));
    rn_free(&r);
    ck_assert_int_ne(stat(d3, &st), 0);
    tu_ok(RUN("--demo", "dump", d3, "--yes"));
    r = RUN("--demo", "log", "--format", "tsv");
    ck_assert_int_eq(r.code, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "\tdump\t"));
    rn_free(&r);
    free(d1);
    free(d3);
    free(db2);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_dump_restore_dump, test_dump_restore_dump_encrypted,
                            test_restore_record_checked, test_dump_refusals};
    const struct tu_suite suite = {
        .name = "dump",
        .timeout = 120,
        .setup = setup, .teardown = teardown};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
