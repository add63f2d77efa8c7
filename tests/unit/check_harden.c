/* check_harden.c: the findings of the hostile test (issue 19), each through the real program:
 * output to a terminal, the editor's temporary files, backup, bad input streams, small ones. */
#include <check.h>
#include <lmdb.h>
#include <stdbool.h>
#include <signal.h>
#include <errno.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "streamfeed.h"
#include "testutil.h"
#include "vt.h"

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

/* What a hostile value holds: an OSC 52 clipboard write, a screen clear, a bell,
 * a C1 CSI (U+009B) and a right-to-left override (U+202E). */
#define HOSTILE "Eet\033]52;c;SGVsbG8=\007caf\033[2J\xc2\x9b" "6n\xe2\x80\xae" "eind"

static void make_hostile(void)
{
    tu_ok(RUN("--db", db, "init", "--team", "Testteam"));
    tu_import(tmp, db, NULL, "resources", "id,name,kind,area,needs\n"
                                          "r-1,\"" HOSTILE "\",activity,Dorp/Kern,tuin\n");
    tu_import(tmp, db, NULL, "cases",
              "id,opened,area,resident,request,needs\n"
              "c-1,2026-11-02,Dorp/Kern,Jan de Vries,Tuin verwilderd,tuin\n");
    tu_import(tmp, db, NULL, "signals", "id,date,area,text\n"
                                        "s-1,2026-11-20,Dorp/Kern,\"" HOSTILE "\"\n");
}

static bool has(const char *hay, size_t n, const char *needle)
{
    return memmem(hay, n, needle, strlen(needle)) != NULL;
}

/* Nothing a terminal acts on: no ESC, BEL, C1 code or bidi control. */
static void assert_inert(const char *raw, size_t n)
{
    ck_assert_msg(!memchr(raw, 0x1b, n), "ESC reached the terminal");
    ck_assert_msg(!memchr(raw, 0x07, n), "BEL reached the terminal");
    ck_assert_msg(!has(raw, n, "\xc2\x9b"), "a C1 code reached the terminal");
    ck_assert_msg(!has(raw, n, "\xe2\x80\xae"), "a bidi override reached the terminal");
}

/* Runs the program on a pseudo-terminal until it exits; returns every byte it
 * wrote there (stdout and stderr both), caller frees; *code its exit code. */
static char *run_pty(char *const argv[], size_t *n, int *code)
{
    struct vt_term *t = vt_spawn(30, 200, argv, NULL);
    ck_assert_ptr_nonnull(t);
    for (int i = 0; i < 100 && vt_pump(t, 100) == 0; i++) {
    }
    const unsigned char *raw = vt_raw(t, n);
    char *copy = malloc(*n + 1);
    memcpy(copy, raw, *n);
    copy[*n] = '\0';
    int status = 0;
    vt_close(t, &status, 5000);
    *code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    return copy;
}

#define PTY(n, code, ...)                                                                         \
    run_pty((char *[]){getenv("WIJKTAFEL"), "--db", db, __VA_ARGS__, NULL}, n, code)

START_TEST(test_export_pty_vs_pipe)
{
    make_hostile();
    /* To a pipe: byte-exact, the stored value as it was imported. */
    struct run r = RUN("--db", db, "export", "signals");
    ck_assert_int_eq(r.code, 0);
    ck_assert_msg(strstr(r.out, "s-1,2026-11-20,Dorp/Kern," HOSTILE ","), "%s", r.out);
    rn_free(&r);
    /* To a terminal: the same rows, neutralised. */
    size_t n;
    int code;
    char *raw = PTY(&n, &code, "export", "signals");
    ck_assert_int_eq(code, 0);
    ck_assert_msg(has(raw, n, "s-1,2026-11-20,Dorp/Kern"), "%s", raw); /* not vacuous */
    ck_assert_msg(has(raw, n, "52;c;SGVsbG8=\xef\xbf\xbd" "caf"), "%s", raw);
    assert_inert(raw, n);
    free(raw);
    raw = PTY(&n, &code, "export", "resources", "--format", "json");
    ck_assert_int_eq(code, 0);
    ck_assert_msg(has(raw, n, "\"r-1\""), "%s", raw);
    assert_inert(raw, n);
    free(raw);
    raw = PTY(&n, &code, "suggest", "c-1");
    ck_assert_int_eq(code, 0);
    ck_assert_msg(has(raw, n, "r-1"), "%s", raw);
    assert_inert(raw, n);
    free(raw);
    /* A message on standard error names a hostile column: neutralised too. */
    static const char bad_csv[] = "id,na\033]0;x\007me\n";
    char *bad = tu_write(tmp, "bad.csv", bad_csv, sizeof bad_csv - 1);
    raw = PTY(&n, &code, "import", "signals", bad);
    ck_assert_int_eq(code, 65);
    ck_assert_msg(has(raw, n, "bad.csv:1:"), "%s", raw);
    assert_inert(raw, n);
    free(raw);
    free(bad);
    /* Nothing changed what is stored. */
    r = RUN("--db", db, "export", "resources");
    ck_assert_msg(strstr(r.out, "r-1," HOSTILE ","), "%s", r.out);
    rn_free(&r);
}
END_TEST

START_TEST(test_json_escapes_controls)
{
    make_hostile();
    static const char *const want =
        "Eet\\u001B]52;c;SGVsbG8=\\u0007caf\\u001B[2J\\u009B6n\\u202Eeind";
    struct run r = RUN("--db", db, "export", "resources", "--format", "json");
    ck_assert_int_eq(r.code, 0);
    ck_assert_msg(strstr(r.out, want), "%s", r.out);
    assert_inert(r.out, strlen(r.out));
    rn_free(&r);
    /* suggest keeps the data: ESC is escaped, not a space. */
    r = RUN("--db", db, "suggest", "c-1", "--format", "json");
    ck_assert_int_eq(r.code, 0);
    ck_assert_msg(strstr(r.out, want), "%s", r.out);
    rn_free(&r);
    /* tsv to a pipe: the name as stored. */
    r = RUN("--db", db, "suggest", "c-1", "--format", "tsv");
    ck_assert_int_eq(r.code, 0);
    ck_assert_msg(strstr(r.out, "\tr-1\t" HOSTILE "\t"), "%s", r.out);
    rn_free(&r);
}
END_TEST

/* Runs with no controlling terminal (a new session): as from cron or a script. */
static struct run run_detached(char *const argv[])
{
    pid_t pid = fork();
    if (pid == 0) {
        setsid();
        struct run r = rn_exec(tmp, NULL, 0, argv);
        char *o = tu_path(tmp, "detached.out"), *e = tu_path(tmp, "detached.err");
        FILE *f = fopen(o, "w"), *g = fopen(e, "w");
        fputs(r.out, f), fputs(r.err, g), fclose(f), fclose(g);
        _exit(r.code);
    }
    int status;
    waitpid(pid, &status, 0);
    char *o = tu_path(tmp, "detached.out"), *e = tu_path(tmp, "detached.err");
    struct run r = {WIFEXITED(status) ? WEXITSTATUS(status) : 128, rn_slurp(o), rn_slurp(e)};
    free(o), free(e);
    return r;
}

START_TEST(test_small_ones)
{
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    tu_ok(RUN("--db", db, "init", "--team", "Testteam"));
    /* An empty WIJKTAFEL_PASSPHRASE without a terminal: one line, not three. */
    setenv("WIJKTAFEL_PASSPHRASE", "", 1);
    struct run r = run_detached((char *[]){"wijktafel", "--db", db, "export", "cases", NULL});
    ck_assert_int_eq(r.code, 77);
    ck_assert_msg(strstr(r.err, "wachtwoordzin"), "%s", r.err);
    ck_assert_int_eq(rn_lines(r.err), 1);
    rn_free(&r);
    /* A passphrase file that is not there is named, with 66. */
    unsetenv("WIJKTAFEL_PASSPHRASE");
    r = run_detached((char *[]){"wijktafel", "--db", db, "--passphrase-file",
                                "/nonexistent/pass.txt", "export", "cases", NULL});
    ck_assert_int_eq(r.code, 66);
    ck_assert_msg(strstr(r.err, "/nonexistent/pass.txt"), "%s", r.err);
    ck_assert_int_eq(rn_lines(r.err), 1);
    rn_free(&r);
    /* A file holding only a byte order mark has no header row. */
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    char *bom = tu_write(tmp, "bom.csv", "\xef\xbb\xbf", 3);
    r = RUN("--db", db, "import", "cases", bom);
    ck_assert_int_eq(r.code, 65);
    ck_assert_msg(strstr(r.err, "bom.csv:1: geen kopregel"), "%s", r.err);
    rn_free(&r);
    free(bom);
}
END_TEST

/* A volunteer's bundle for themself would make a database that refuses every
 * command: it is refused, and init --from never leaves such a database. */
START_TEST(test_volunteer_bundle_for_self)
{
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    tu_ok(RUN("--db", db, "init", "--team", "Testteam"));
    tu_import(tmp, db, NULL, "members",
              "id,name,role,area\nvera,Vera Vrijwillig,volunteer,Dorp/Kern\n");
    setenv("WIJKTAFEL_NEW_PASSPHRASE", "vera-geheim-12", 1);
    tu_ok(RUN("--db", db, "passphrase", "vera"));
    unsetenv("WIJKTAFEL_NEW_PASSPHRASE");
    char *b1 = tu_path(tmp, "vera.wtb"), *b2 = tu_path(tmp, "self.wtb");
    char *vdb = tu_path(tmp, "vdb"), *cdb = tu_path(tmp, "cdb");
    tu_ok(RUN("--db", db, "bundle", "export", "--for", "vera", b1));
    setenv("WIJKTAFEL_PASSPHRASE", "vera-geheim-12", 1);
    tu_ok(RUN("--db", vdb, "init", "--from", b1));
    tu_ok(RUN("--db", vdb, "export", "signals")); /* the member's own database opens */
    struct run r = RUN("--db", vdb, "bundle", "export", "--for", "vera", b2);
    ck_assert_int_eq(r.code, 65);
    ck_assert_int_eq(rn_lines(r.err), 1);
    ck_assert_int_ne(access(b2, F_OK), 0);
    rn_free(&r);
    /* What a volunteer's database does send (for the team) makes no database
     * either, and leaves nothing behind. */
    tu_ok(RUN("--db", vdb, "bundle", "export", "--for", "leader", b2));
    r = RUN("--db", cdb, "init", "--from", b2);
    ck_assert_int_ne(r.code, 0);
    rn_free(&r);
    ck_assert_int_ne(access(cdb, F_OK), 0);
    free(b1), free(b2), free(vdb), free(cdb);
}
END_TEST

/* ---- the editor's temporary file ---- */

/* An editor that notes the file it was given, then stays open. */
static void slow_editor(void)
{
    char *marker = tu_path(tmp, "editing");
    char *script;
    ck_assert_int_ge(asprintf(&script, "#!/bin/sh\necho \"$1\" > %s.new\nmv %s.new %s\n"
                                       "exec sleep 60\n", marker, marker, marker), 0);
    char *ed = tu_write(tmp, "editor.sh", script, strlen(script));
    chmod(ed, 0755);
    setenv("EDITOR", ed, 1);
    unsetenv("VISUAL");
    free(ed), free(script), free(marker);
}

/* Opens the demo's decisions in the editor; returns the file's path (caller frees). */
static char *open_editor(struct vt_term *t)
{
    ck_assert_int_eq(vt_wait_for(t, "Open actiepunten", 20000), 0);
    vt_send(t, "5");
    ck_assert_int_eq(vt_wait_for(t, "Besluiten van vandaag", 10000), 0);
    vt_send(t, "E");
    char *marker = tu_path(tmp, "editing"), *path = NULL;
    for (int i = 0; i < 200 && access(marker, F_OK) != 0; i++)
        vt_pump(t, 50);
    path = rn_slurp(marker);
    free(marker);
    ck_assert_msg(*path, "the editor did not start");
    path[strcspn(path, "\n")] = '\0';
    return path;
}

static struct vt_term *screen(void)
{
    struct vt_term *t = vt_spawn(24, 80, (char *[]){getenv("WIJKTAFEL"), "--demo", NULL}, NULL);
    ck_assert_ptr_nonnull(t);
    return t;
}

/* The file is in a private folder, not in /tmp, and only we may read it. */
static void assert_private(const char *path, const char *folder)
{
    ck_assert_msg(strncmp(path, folder, strlen(folder)) == 0, "%s not in %s", path, folder);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    char *dir = strndup(path, (size_t)(strrchr(path, '/') - path));
    ck_assert_int_eq(stat(dir, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0700);
    free(dir);
}

START_TEST(test_editor_killed)
{
    slow_editor();
    char *run = tu_path(tmp, "run");
    mkdir(run, 0700);
    setenv("XDG_RUNTIME_DIR", run, 1);
    struct vt_term *t = screen();
    char *path = open_editor(t);
    assert_private(path, run);
    /* SIGKILL: nothing of ours runs; the file stays for now. */
    kill(vt_pid(t), SIGKILL);
    vt_close(t, NULL, 5000);
    ck_assert_int_eq(access(path, F_OK), 0);
    /* The next start removes it. */
    t = screen();
    ck_assert_int_eq(vt_wait_for(t, "Open actiepunten", 20000), 0);
    ck_assert_msg(access(path, F_OK) != 0, "%s is still there", path);
    vt_close(t, NULL, 0);
    free(path);
    free(run);
    unsetenv("XDG_RUNTIME_DIR");
}
END_TEST

START_TEST(test_editor_terminated)
{
    slow_editor();
    unsetenv("XDG_RUNTIME_DIR");
    struct vt_term *t = screen();
    char *path = open_editor(t);
    char *demo = tu_path(tmp, "wijktafel/demo/editor/");
    assert_private(path, demo); /* without XDG_RUNTIME_DIR: in the database folder */
    /* SIGTERM and SIGHUP end the program and the file with it. */
    kill(vt_pid(t), SIGTERM);
    int status = 0;
    for (int i = 0; i < 100 && access(path, F_OK) == 0; i++)
        usleep(20000);
    ck_assert_msg(access(path, F_OK) != 0, "%s is still there", path);
    vt_close(t, &status, 5000);
    free(demo);
    free(path);
}
END_TEST

/* ---- backup: 0600, and nothing half left on a full disk ---- */

/* A database of about 3 MB: 3,000 signals of 1,000 bytes. */
static void make_big(void)
{
    tu_ok(RUN("--db", db, "init", "--team", "Testteam"));
    char *csv = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&csv, &len);
    fputs("id,date,area,text\n", m);
    for (int i = 0; i < 3000; i++) {
        fprintf(m, "s-%04d,2026-11-20,Dorp/Kern,", i);
        for (int k = 0; k < 100; k++)
            fprintf(m, "%04d-tekst", (i * 7 + k) % 9973);
        fputc('\n', m);
    }
    fclose(m);
    tu_import(tmp, db, NULL, "signals", csv);
    free(csv);
}

/* The names in dir but . and ..; "" when empty. Caller frees. */
static char *names_in(const char *dir)
{
    char *cmd, *list = NULL;
    size_t len = 0;
    ck_assert_int_ge(asprintf(&cmd, "ls -A '%s'", dir), 0);
    FILE *p = popen(cmd, "r"), *m = open_memstream(&list, &len);
    int c;
    while ((c = fgetc(p)) != EOF)
        fputc(c, m);
    pclose(p);
    fclose(m);
    free(cmd);
    return list;
}

static void assert_backup_ok(const char *dest)
{
    struct run r = RUN("--db", db, "backup", (char *)dest);
    ck_assert_msg(r.code == 0, "exit %d: %s", r.code, r.err);
    rn_free(&r);
    char *data = tu_path(dest, "data.mdb");
    struct stat st;
    ck_assert_int_eq(stat(data, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    free(data);
    char *names = names_in(dest);
    ck_assert_str_eq(names, "data.mdb\n"); /* no temporary file left */
    free(names);
    tu_ok(RUN("--db", (char *)dest, "check"));
}

START_TEST(test_backup_mode_and_faults)
{
    make_big();
    char *dest = tu_path(tmp, "bk1");
    assert_backup_ok(dest);
    free(dest);
    /* ENOSPC on the third write of the copy (through the fault shim). */
    const char *shim = getenv("WT_FAULTSHIM");
    if (!shim) {
        printf("fault shim part skipped: no WT_FAULTSHIM (sanitizer build)\n");
        return;
    }
    dest = tu_path(tmp, "bk2");
    setenv("LD_PRELOAD", shim, 1);
    setenv("WT_FAULT", "enospc", 1);
    setenv("WT_FAULT_OP", "write", 1);
    setenv("WT_FAULT_AFTER", "2", 1);
    setenv("WT_FAULT_PATH", "/bk2/", 1);
    struct run r = RUN("--db", db, "backup", dest);
    unsetenv("LD_PRELOAD");
    unsetenv("WT_FAULT");
    ck_assert_int_eq(r.code, 74);
    ck_assert_int_eq(rn_lines(r.err), 1);
    ck_assert_msg(strstr(r.err, "vol"), "%s", r.err);
    rn_free(&r);
    char *names = names_in(dest);
    ck_assert_str_eq(names, ""); /* no half file */
    free(names);
    assert_backup_ok(dest); /* the retry works */
    unsetenv("WT_FAULT_PATH");
    free(dest);
}
END_TEST

START_TEST(test_backup_full_disk)
{
    make_big();
    /* A real full disk: a 1 MiB tmpfs in a mount namespace of this test's own. */
    if (unshare(CLONE_NEWNS) != 0 || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) {
        printf("skipped: no mount namespace (%s); needs root\n", strerror(errno));
        return;
    }
    char *dest = tu_path(tmp, "stick");
    mkdir(dest, 0700);
    if (mount("wt-stick", dest, "tmpfs", 0, "size=1m,mode=0700") != 0) {
        printf("skipped: tmpfs cannot be mounted (%s)\n", strerror(errno));
        free(dest);
        return;
    }
    struct run r = RUN("--db", db, "backup", dest);
    ck_assert_int_eq(r.code, 74);
    ck_assert_int_eq(rn_lines(r.err), 1);
    ck_assert_msg(strstr(r.err, "vol"), "%s", r.err);
    rn_free(&r);
    char *names = names_in(dest);
    ck_assert_str_eq(names, "");
    free(names);
    /* Room again (a larger stick): the retry does not find "a database" there. */
    ck_assert_int_eq(mount(NULL, dest, NULL, MS_REMOUNT, "size=32m,mode=0700"), 0);
    assert_backup_ok(dest);
    umount2(dest, MNT_DETACH);
    free(dest);
}
END_TEST

/* ---- erase and purge name the copies made before ---- */

START_TEST(test_erase_names_copies)
{
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    tu_ok(RUN("--db", db, "init", "--team", "Testteam"));
    char *early = tu_path(tmp, "bk-early");
    tu_ok(RUN("--db", db, "backup", early)); /* before the case: it cannot hold it */
    tu_import(tmp, db, NULL, "members",
              "id,name,role,area\nvera,Vera Vrijwillig,volunteer,Dorp/Kern\n");
    tu_import(tmp, db, NULL, "cases",
              "id,opened,area,resident,request,needs,status,closed\n"
              "c-1,2026-11-02,Dorp/Kern,Jan de Vries,Tuin verwilderd,tuin,open,\n"
              "c-2,2026-01-02,Dorp/Kern,Els Bos,Boodschappen,vervoer,closed,"
              "2026-01-20\n");
    setenv("WIJKTAFEL_NEW_PASSPHRASE", "vera-geheim-12", 1);
    tu_ok(RUN("--db", db, "passphrase", "vera"));
    char *b1 = tu_path(tmp, "bk1"), *b2 = tu_path(tmp, "bk2"), *u1 = tu_path(tmp, "team.wtb"),
         *u2 = tu_path(tmp, "vera.wtb");
    tu_ok(RUN("--db", db, "backup", b1));
    tu_ok(RUN("--db", db, "backup", b2));
    tu_ok(RUN("--db", db, "bundle", "export", "--for", "leader", u1));
    tu_ok(RUN("--db", db, "bundle", "export", "--for", "vera", u2)); /* holds no case */
    char today[48];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    snprintf(today, sizeof today, "%d-%d-%d", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900);
    struct run r = RUN("--db", db, "erase", "--case", "c-1");
    ck_assert_int_eq(r.code, 0);
    char want[200];
    snprintf(want, sizeof want, "2 reservekopieën (%s, %s) en 1 bundel (%s)", today, today,
             today);
    ck_assert_msg(strstr(r.err, "gewist"), "%s", r.err);
    ck_assert_msg(strstr(r.err, want), "want %s in: %s", want, r.err);
    ck_assert_msg(strstr(r.err, "tot ze vernietigd zijn"), "%s", r.err);
    rn_free(&r);
    /* purge names them too */
    r = RUN("--db", db, "purge", "--closed-before", "2026-06-01");
    ck_assert_int_eq(r.code, 0);
    ck_assert_msg(strstr(r.err, "1 gesloten casussen verwijderd"), "%s", r.err);
    ck_assert_msg(strstr(r.err, "reservekopie"), "%s", r.err);
    rn_free(&r);
    free(early), free(b1), free(b2), free(u1), free(u2);
}
END_TEST

/* How often text occurs in the database file. */
static int occurrences(const char *text)
{
    char *path = tu_path(db, "data.mdb"), *data = rn_slurp(path);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    int n = 0;
    for (const char *p = data; (p = memmem(p, (size_t)st.st_size - (size_t)(p - data), text,
                                             strlen(text))) != NULL;
         p++)
        n++;
    free(data);
    free(path);
    return n;
}

/* An erased id is not readable in the tombstone that bundles need, nor in one
 * kept from before. */
START_TEST(test_tombstone_hides_id)
{
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    tu_ok(RUN("--db", db, "init", "--team", "Testteam"));
    tu_import(tmp, db, NULL, "cases", "id,opened,area,resident,request\n"
                                      "c-geheim-77,2026-11-02,Dorp/Kern,Els Bos,Boodschappen\n"
                                      "c-blijft-1,2026-11-03,Dorp/Kern,Piet Dam,Tuin\n");
    /* A tombstone as an earlier version wrote it: under the id itself. */
    MDB_env *env;
    MDB_txn *txn;
    MDB_dbi tombs;
    ck_assert_int_eq(mdb_env_create(&env), 0);
    mdb_env_set_maxdbs(env, 24);
    ck_assert_int_eq(mdb_env_open(env, db, 0, 0600), 0);
    ck_assert_int_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
    ck_assert_int_eq(mdb_dbi_open(txn, "tombs", MDB_CREATE, &tombs), 0);
    unsigned char kb[] = "\001c-vroeger-55", vb[25] = {1, 0, 0, 0, 0, 0, 0, 0, 1};
    MDB_val k = {sizeof kb - 1, kb}, v = {sizeof vb, vb};
    ck_assert_int_eq(mdb_put(txn, tombs, &k, &v, 0), 0);
    ck_assert_int_eq(mdb_txn_commit(txn), 0);
    mdb_env_close(env);
    ck_assert_int_gt(occurrences("c-vroeger-55"), 0); /* the search finds what is there */
    /* A live case's id is not in the file either: its keys are tokens (issue 14). */
    ck_assert_int_eq(occurrences("c-geheim-77"), 0);
    tu_ok(RUN("--db", db, "erase", "--case", "c-geheim-77"));
    ck_assert_int_eq(occurrences("c-geheim-77"), 0);
    ck_assert_int_eq(occurrences("c-vroeger-55"), 0); /* the earlier one is hidden too */
    tu_ok(RUN("--db", db, "check"));
    /* The deletion still travels: a database made from a bundle for the
     * leader, then told of the erasure, drops the case. */
    char *b1 = tu_path(tmp, "b1.wtb"), *b2 = tu_path(tmp, "b2.wtb"), *other = tu_path(tmp, "db2");
    tu_import(tmp, db, NULL, "cases", "id,opened,area,resident,request\n"
                                      "c-later-9,2026-11-04,Dorp/Kern,Ria Berg,Boodschappen\n");
    tu_ok(RUN("--db", db, "bundle", "export", "--for", "leider", b1));
    tu_ok(RUN("--db", other, "init", "--from", b1));
    struct run r = rn_exec(tmp, NULL, 0,
                           (char *[]){"wijktafel", "--db", other, "export", "cases", NULL});
    ck_assert_msg(strstr(r.out, "c-later-9"), "%s", r.out);
    rn_free(&r);
    tu_ok(RUN("--db", db, "erase", "--case", "c-later-9"));
    tu_ok(RUN("--db", db, "bundle", "export", "--for", "leider", b2));
    tu_ok(RUN("--db", other, "bundle", "import", b2));
    r = rn_exec(tmp, NULL, 0, (char *[]){"wijktafel", "--db", other, "export", "cases", NULL});
    ck_assert_int_eq(r.code, 0);
    ck_assert_msg(!strstr(r.out, "c-later-9") && strstr(r.out, "c-blijft-1"), "%s", r.out);
    rn_free(&r);
    tu_ok(RUN("--db", other, "check"));
    free(b1), free(b2), free(other);
}
END_TEST

/* ---- big bad input: read as a stream, refused at once, in bounded memory ---- */

#define AS_LIMIT TU_FEED_AS_LIMIT

static struct stream_result feed_bytes(const char *head, size_t hl, char filler, long as_limit,
                                       char *const args[])
{
    return tu_feed(tmp, db, head, hl, filler, as_limit, args);
}

static struct stream_result feed_stream(const char *head, char filler, char *const args[])
{
    return feed_bytes(head, strlen(head), filler, AS_LIMIT, args);
}

static void assert_refused(struct stream_result r, const char *where, const char *what)
{
    tu_assert_refused(r, where, what, 1.0);
}

START_TEST(test_big_bad_csv_stream)
{
    tu_ok(RUN("--db", db, "init", "--team", "Testteam"));
    char *const args[] = {"import", "cases", "-", NULL};
    const char *hdr = "id,opened,area,resident,request\n";
    char head[200];
    /* An unterminated quote. */
    snprintf(head, sizeof head, "%sc-1,2026-11-02,Dorp/Kern,\"", hdr);
    assert_refused(feed_stream(head, 'x', args), "stdin:2:", "4000 bytes");
    /* A field without end, no quote. */
    snprintf(head, sizeof head, "%sc-1,2026-11-02,Dorp/Kern,Jan,", hdr);
    assert_refused(feed_stream(head, 'y', args), "stdin:2:", "4000 bytes");
    /* A line of empty fields. */
    assert_refused(feed_stream(hdr, ',', args), "stdin:2:", "te veel velden");
    /* NUL bytes after a good row. */
    snprintf(head, sizeof head, "%sc-1,2026-11-02,Dorp/Kern,Jan,Tuin\n", hdr);
    assert_refused(feed_stream(head, '\0', args), "stdin:3:", "NUL");
    /* A line over the line limit, each field short: a quoted field's line breaks. */
    snprintf(head, sizeof head, "%sc-1,2026-11-02,Dorp/Kern,Jan,\"", hdr);
    assert_refused(feed_stream(head, '\n', args), "stdin:", "4000 bytes");
    /* Nothing of it was stored. */
    struct run r = RUN("--db", db, "export", "cases");
    ck_assert_msg(strncmp(r.out, "id,", 3) == 0 && rn_lines(r.out) == 1, "%s", r.out);
    rn_free(&r);
}
END_TEST

/* The same for bundles: what is no bundle is refused before the passphrase is
 * asked; a bundle whose chunk does not authenticate, at that chunk. */
START_TEST(test_big_bad_bundle_stream)
{
    setenv("WIJKTAFEL_PASSPHRASE", "leider-geheim-1", 1);
    tu_ok(RUN("--db", db, "init", "--team", "Testteam"));
    char *const imp[] = {"bundle", "import", "-", NULL};
    assert_refused(feed_stream("", 'x', imp), "-:", "geen wijktafel-bundel");
    assert_refused(feed_stream("WTBUNDLE\001", '\377', imp), "-:", "beschadigd");
    /* A real bundle's header, then a full-size chunk of garbage, again and
     * again: the first one fails. The unlock (Argon2id, 64 MiB by design)
     * comes first, so this one has more memory and time. */
    char *path = tu_path(tmp, "ok.wtb");
    tu_ok(RUN("--db", db, "bundle", "export", "--for", "leider", path));
    char *bytes = rn_slurp(path);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    /* This small bundle has one chunk: the header (and wrapped key and stream
     * header) ends where a length that reaches exactly to the end begins. */
    size_t len = (size_t)st.st_size, hlen = 0;
    for (size_t off = 10; off + 4 < len; off++) {
        const unsigned char *l = (const unsigned char *)bytes + off;
        size_t n = (size_t)l[0] << 24 | (size_t)l[1] << 16 | (size_t)l[2] << 8 | l[3];
        if (off + 4 + n == len) {
            hlen = off;
            break;
        }
    }
    ck_assert_uint_gt(hlen, 10);
    char head[4096];
    memcpy(head, bytes, hlen);
    memcpy(head + hlen, "\000\001\000\021", 4); /* 65553: a full chunk */
    tu_assert_refused(feed_bytes(head, hlen + 4, '\125', 256L << 20, imp), "-:",
                      "beschadigd of veranderd", 5.0);
    /* init --from has no keys yet: the form is checked (a bad length). */
    char *other = tu_path(tmp, "db2");
    char *const init[] = {"--db", other, "init", "--from", "-", NULL};
    memcpy(head + hlen, "\377\377\377\377", 4);
    assert_refused(feed_bytes(head, hlen + 4, 'x', AS_LIMIT, init), "-:", "beschadigd");
    ck_assert_int_ne(access(other, F_OK), 0);
    free(other), free(bytes), free(path);
}
END_TEST

/* Out of memory is exit 74 with one line, never a crash (134). */
START_TEST(test_out_of_memory)
{
    if (getenv("WT_SANITIZED")) {
        printf("skipped: no RLIMIT_AS under a sanitizer\n");
        return;
    }
    tu_ok(RUN("--db", db, "init", "--team", "Testteam"));
    char *path = tu_path(tmp, "big.csv");
    FILE *f = fopen(path, "w");
    fputs("id,opened,area,resident,request\n", f);
    for (int i = 0; i < 400000; i++)
        fprintf(f, "c-%d,2026-11-02,Dorp/Kern,Jan de Vries,Tuin is verwilderd en moet nodig worden "
                   "opgeknapt\n", i);
    fclose(f);
    tu_assert_import_oom(tmp, db, path);
    free(path);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {
        test_export_pty_vs_pipe, test_json_escapes_controls,         /* output */
        test_small_ones, test_volunteer_bundle_for_self,             /* small ones */
        test_editor_killed, test_editor_terminated,                  /* the editor */
        test_backup_mode_and_faults, test_backup_full_disk,          /* backup */
        test_erase_names_copies, test_tombstone_hides_id,            /* erasure */
        test_big_bad_csv_stream, test_big_bad_bundle_stream, test_out_of_memory}; /* streams */
    const struct tu_suite suite = {
        .name = "harden", .timeout = 120, .setup = setup, .teardown = teardown};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
