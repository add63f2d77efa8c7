/* check_meeting_faults.c: a full or failing disk during a meeting, on screen. The real program
 * runs in a pseudo-terminal (tests/ui/uitest.h); a user types a signal, an action or a decision
 * while the write fails. The screen says why in one Dutch line, keeps what was typed, and saves
 * it once the disk works again; nothing stored before is lost (the exports of all six kinds
 * before and after) and `check` passes.
 *
 *   disk_full    the database on a small tmpfs (a mount namespace of its own) filled to the
 *                last byte; signals are saved until the disk is full, the one typed then is
 *                kept, and saved once a file is removed. Needs CAP_SYS_ADMIN (root), else
 *                skipped (exit 77). Runs under the sanitizers too.
 *   map_full     the same, with the screen's map no larger than the data (MDB_MAP_FULL, and
 *                no room on the disk to grow the map)
 *   eio_write    EIO on every write of data.mdb while a signal is saved   (faultshim.c, which
 *   eio_sync     EIO on every fdatasync of data.mdb while an action is saved    reads the fault
 *   enospc_write ENOSPC on every write of data.mdb while a decision is saved    from a file)
 *   eio_meta     EIO on the write of LMDB's meta page while a signal is saved: a known bug,
 *                expected to fail (see eio_meta below)
 *
 * One test per run: `check_meeting_faults NAME`; 0 passed, 1 failed, 77 skipped. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "uitest.h"

#define SKIP 77

static const char *const kinds[] = {"members", "cases", "signals", "resources", "talents",
                                    "actions"};
#define NKINDS (sizeof kinds / sizeof kinds[0])

static char control[600]; /* the shim's fault file */

/* Every kind's export of the demo database, or NULL when one fails. */
static int export_all(char *out[NKINDS])
{
    for (size_t k = 0; k < NKINDS; k++) {
        out[k] = NULL;
        if (ut_run(&out[k], NULL, "--demo", "export", kinds[k], NULL) != 0) {
            fprintf(stderr, "export %s failed\n", kinds[k]);
            return -1;
        }
    }
    return 0;
}

static void free_all(char *e[NKINDS])
{
    for (size_t k = 0; k < NKINDS; k++)
        free(e[k]);
}

/* Text without its lines that hold mark; the caller frees. *removed gets their number. */
static char *without_lines(const char *text, const char *mark, int *removed)
{
    size_t len = strlen(text);
    char *out = malloc(len + 1), *o = out;
    *removed = 0;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) + 1 : strlen(p);
        char *line = strndup(p, n);
        if (strstr(line, mark))
            ++*removed;
        else
            o = stpcpy(o, line);
        free(line);
        p += n;
    }
    *o = '\0';
    return out;
}

/* Nothing stored before is lost: every kind's export is as before, apart from want_new added
 * rows (of kind added, each holding mark). 0 / -1. */
static int same_but_added(char *before[NKINDS], const char *added, const char *mark,
                          int want_new)
{
    char *after[NKINDS];
    int rc = export_all(after);
    for (size_t k = 0; rc == 0 && k < NKINDS; k++) {
        int n = 0;
        char *rest = without_lines(after[k], mark, &n);
        int want = strcmp(kinds[k], added) == 0 ? want_new : 0;
        if (n != want || strcmp(rest, before[k]) != 0) {
            fprintf(stderr, "%s: %d new rows (want %d)%s\n--- before:\n%s\n--- after:\n%s\n",
                    kinds[k], n, want, strcmp(rest, before[k]) ? ", old rows changed" : "",
                    before[k], after[k]);
            rc = -1;
        }
        free(rest);
    }
    free_all(after);
    return rc;
}

/* `wijktafel --demo check` passes. */
static int check_ok(void)
{
    char *out = NULL;
    int rc = ut_run(&out, NULL, "--demo", "check", NULL);
    if (rc != 0)
        fprintf(stderr, "check: exit %d\n%s\n", rc, out ? out : "");
    free(out);
    return rc == 0 ? 0 : -1;
}

/* Switches the shim's fault: "eio write", "eio sync", "enospc write", or NULL for none. */
static int set_fault(const char *fault)
{
    if (!fault)
        return unlink(control) == 0 || errno == ENOENT ? 0 : -1;
    FILE *f = fopen(control, "w");
    if (!f)
        return -1;
    fprintf(f, "%s\n", fault);
    return fclose(f);
}

/* Waits until the screen shows a or b: 0 for a, 1 for b, -1 when neither came. */
static int wait_either(struct vt_term *t, const char *a, const char *b)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    double deadline = (double)ts.tv_sec * 1000 + (double)ts.tv_nsec / 1e6 + UT_TIMEOUT;
    for (;;) {
        int pumped = vt_pump(t, 50);
        if (vt_contains(t, a))
            return vt_wait_quiet(t, 40, UT_TIMEOUT), 0;
        if (vt_contains(t, b))
            return vt_wait_quiet(t, 40, UT_TIMEOUT), 1;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        if (pumped != 0 || (double)ts.tv_sec * 1000 + (double)ts.tv_nsec / 1e6 > deadline)
            return -1;
    }
}

/* How many rows of the screen hold text. */
static int rows_with(struct vt_term *t, const char *text)
{
    int n = 0;
    for (int r = 0;; r++) {
        char *row = vt_row(t, r);
        if (!row)
            return n;
        n += strstr(row, text) != NULL;
        free(row);
    }
}

/* The screen after a failed save: the form with what was typed, the message said once on
 * one row (besides the form's own line with "[!]"), the frame around it whole. */
static int failed_save_shown(struct vt_term *t, const char *title, const char *typed,
                             const char *says)
{
    CHECK(t, ut_wait(t, says) == 0);
    CHECK(t, vt_contains(t, title));
    CHECK(t, vt_contains(t, typed));
    CHECK(t, vt_contains(t, "Enter: bewaren"));
    /* The form's line names the fault; the status line under it may say it again. */
    CHECK(t, vt_contains(t, "[!] "));
    CHECK(t, rows_with(t, says) >= 1 && rows_with(t, says) <= 2);
    /* The title and tab bars are still on the top rows, the keys on the bottom one: nothing
     * scribbled over the screen. */
    char *title_bar = vt_row(t, 0), *tabs = vt_row(t, 1), *keys = vt_row(t, 23);
    bool whole = title_bar && strstr(title_bar, "BEAMER UIT") && tabs &&
                 strstr(tabs, "2 Casussen") && keys && strstr(keys, "F1Hulp");
    free(title_bar);
    free(tabs);
    free(keys);
    CHECK(t, whole);
    return 0;
}

/* ---- injected faults (the shim) ---- */

struct shim_case {
    const char *name, *fault, *says;
    const char *fault2, *says2;    /* the fault at the second try, and what that says */
    const char *item, *item_shows; /* the item to open and what it shows */
    const char *title;             /* the form's title, or NULL for a decision's line */
    const char *typed, *saved, *kind;
};

static const struct shim_case shim_cases[] = {
    {"eio_write", "eio write", "schrijffout op de schijf", "enospc write", "de schijf is vol", "3", "[3 Signalen]",
     "Nieuw signaal uit de wijk", "Lekkage in de flat aan de Bl\xc3\xa9 straat",
     "Bewaard als signaal 'Lekkage in de flat", "signals"},
    {"eio_sync", "eio sync", "schrijffout op de schijf", "enospc write", "de schijf is vol", "1", "[1 Actiepunten]",
     "Nieuw actiepunt", "Bel de woningcorporatie over de lekkage", "Bewaard als actiepunt 'Bel de woningcorporatie",
     "actions"},
    /* The write of LMDB's meta page fails: LMDB marks the environment as failed (MDB_PANIC)
     * and the store does not open it again, so the screen cannot save until it is restarted.
     * Expected to fail (meson should_fail) until src/store reopens the environment. */
    {"eio_meta", "eio meta", "schrijffout op de schijf", "enospc write", "de schijf is vol", "3", "[3 Signalen]",
     "Nieuw signaal uit de wijk", "Stoeptegels los bij de school", "Bewaard als signaal 'Stoeptegels los",
     "signals"},
    {"enospc_write", "enospc write", "de schijf is vol", "eio write", "schrijffout op de schijf",
     "5", "Besluiten van vandaag", NULL,
     "Het buurthuis opent op zondag", "Besluit bewaard", NULL},
};

static int shim_test(const struct shim_case *c)
{
    const char *shim = getenv("WT_FAULTSHIM");
    if (!shim || !*shim) {
        printf("skipped: no fault shim in this build (sanitizers)\n");
        return SKIP;
    }
    const char *home = ut_setup();
    CHECK(NULL, ut_run(NULL, NULL, "--demo", "check", NULL) == 0);
    char *before[NKINDS];
    CHECK(NULL, export_all(before) == 0);
    snprintf(control, sizeof control, "%s/fault", home);
    setenv("WT_FAULT_CONTROL", control, 1);
    setenv("LD_PRELOAD", shim, 1);

    struct vt_term *t = ut_spawn(24, 80, "--demo", NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "Open actiepunten") == 0);
    vt_send(t, c->item);
    CHECK(t, ut_wait(t, c->item_shows) == 0);
    vt_send(t, "n");
    CHECK(t, ut_wait(t, c->title ? c->title : "Nieuw besluit:") == 0);
    CHECK(t, ut_type(t, c->typed) == 0);
    /* The disk fails while the user types; Enter saves. */
    CHECK(t, set_fault(c->fault) == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    if (c->title) {
        if (failed_save_shown(t, c->title, c->typed, c->says) != 0)
            return -1;
    } else {
        CHECK(t, ut_wait(t, c->says) == 0);
        CHECK(t, vt_contains(t, "Nieuw besluit:") && vt_contains(t, c->typed));
        CHECK(t, rows_with(t, c->says) == 1);
    }
    /* Saving again while the disk fails in another way: the new message replaces the old one
     * (so this try did reach the disk), the text still kept. */
    CHECK(t, set_fault(c->fault2) == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, c->says2) == 0);
    CHECK(t, vt_wait_gone(t, c->says, UT_TIMEOUT) == 0);
    CHECK(t, vt_contains(t, c->typed));
    CHECK(t, !vt_contains(t, c->saved));
    /* The disk works again: Enter saves what was typed. */
    CHECK(t, set_fault(NULL) == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, c->saved) == 0);
    CHECK(t, vt_wait_gone(t, c->says2, UT_TIMEOUT) == 0);
    /* And the meeting goes on: another item, then quitting normally. */
    vt_send(t, "2");
    CHECK(t, ut_wait(t, "[2 Casussen]") == 0);
    vt_send(t, "q");
    int st = -1;
    CHECK(NULL, vt_close(t, &st, UT_TIMEOUT) == 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0);
    unsetenv("LD_PRELOAD");

    CHECK(NULL, check_ok() == 0);
    if (c->kind) {
        CHECK(NULL, same_but_added(before, c->kind, c->typed, 1) == 0);
    } else {
        char *after[NKINDS], *minutes = NULL;
        CHECK(NULL, export_all(after) == 0);
        for (size_t k = 0; k < NKINDS; k++)
            CHECK(NULL, strcmp(before[k], after[k]) == 0);
        free_all(after);
        CHECK(NULL, ut_run(&minutes, NULL, "--demo", "minutes", NULL) == 0);
        /* Once: the failed tries stored nothing. */
        const char *at = strstr(minutes, c->typed);
        bool in = at && at > minutes + 1 && strncmp(at - 2, "- ", 2) == 0 &&
                  !strstr(at + 1, c->typed);
        if (!in)
            fprintf(stderr, "minutes:\n%s\n", minutes);
        free(minutes);
        CHECK(NULL, in);
    }
    free_all(before);
    ut_teardown();
    return 0;
}

/* ---- a real full disk: the database on a small tmpfs ---- */

/* Fills the file system of dir to the last byte with one file; 0 / -1. */
static int fill_disk(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return -1;
    static char block[4096];
    size_t chunk = sizeof block;
    for (;;) {
        ssize_t w = write(fd, block, chunk);
        if (w < 0 && errno == ENOSPC && chunk > 1) {
            chunk /= 2;
            continue;
        }
        if (w < 0)
            break;
    }
    int rc = errno == ENOSPC ? 0 : -1;
    close(fd);
    return rc;
}

/* With small_map, the screen opens the database with a map no larger than its data
 * (WIJKTAFEL_INITIAL_MAP), so that a write first hits MDB_MAP_FULL and the map cannot grow on
 * the full disk; else LMDB's write of a new page fails with ENOSPC. */
static int test_disk_full(bool small_map)
{
    const char *home = ut_setup();
    /* A mount namespace of this process and its children: the tmpfs goes when they end. */
    if (unshare(CLONE_NEWNS) != 0 || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) {
        printf("skipped: no mount namespace (%s); needs root\n", strerror(errno));
        ut_teardown();
        return SKIP;
    }
    char cache[600], filler[700];
    snprintf(cache, sizeof cache, "%s/cache", home);
    if (mount("wt-full", cache, "tmpfs", 0, "size=8m,mode=0700") != 0) {
        printf("skipped: tmpfs cannot be mounted (%s)\n", strerror(errno));
        ut_teardown();
        return SKIP;
    }
    CHECK(NULL, ut_run(NULL, NULL, "--demo", "check", NULL) == 0);
    char *before[NKINDS];
    CHECK(NULL, export_all(before) == 0);
    snprintf(filler, sizeof filler, "%s/filler", cache);
    CHECK(NULL, fill_disk(filler) == 0);

    if (small_map)
        setenv("WIJKTAFEL_INITIAL_MAP", "4096", 1);
    struct vt_term *t = ut_spawn(24, 80, "--demo", NULL);
    unsetenv("WIJKTAFEL_INITIAL_MAP");
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "Open actiepunten") == 0);
    vt_send(t, "3");
    CHECK(t, ut_wait(t, "[3 Signalen]") == 0);
    /* Pages LMDB freed earlier are used again first: signals are saved until those run out
     * and the data file must grow. Every one saved must stay. */
    const char *says = "de schijf is vol";
    char typed[128], saved[128];
    int nsaved = 0;
    for (;; nsaved++) {
        CHECK(t, nsaved < 500);
        vt_send(t, "n");
        CHECK(t, ut_wait(t, "Nieuw signaal uit de wijk") == 0);
        snprintf(typed, sizeof typed, "Volle schijf %03d: lantaarn kapot bij de sluis", nsaved);
        CHECK(t, ut_type(t, typed) == 0);
        CHECK(t, ut_key(t, "Enter") == 0);
        snprintf(saved, sizeof saved, "Bewaard als signaal 'Volle schijf %03d", nsaved);
        int got = wait_either(t, saved, says);
        CHECK(t, got >= 0);
        if (got == 1)
            break;
    }
    printf("%d signals saved before the disk was full\n", nsaved);
    if (failed_save_shown(t, "Nieuw signaal uit de wijk", typed, says) != 0)
        return -1;
    /* Space is freed: Enter saves what was typed. */
    CHECK(t, unlink(filler) == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, saved) == 0);
    vt_send(t, "q");
    int st = -1;
    CHECK(NULL, vt_close(t, &st, UT_TIMEOUT) == 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0);

    CHECK(NULL, check_ok() == 0);
    CHECK(NULL, same_but_added(before, "signals", "Volle schijf ", nsaved + 1) == 0);
    free_all(before);
    umount2(cache, MNT_DETACH);
    ut_teardown();
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s disk_full|map_full|eio_write|eio_sync|eio_meta|enospc_write\n", argv[0]);
        return 2;
    }
    int rc = -2;
    if (strcmp(argv[1], "disk_full") == 0 || strcmp(argv[1], "map_full") == 0)
        rc = test_disk_full(strcmp(argv[1], "map_full") == 0);
    for (size_t i = 0; i < sizeof shim_cases / sizeof shim_cases[0]; i++)
        if (strcmp(argv[1], shim_cases[i].name) == 0)
            rc = shim_test(&shim_cases[i]);
    if (rc == -2) {
        fprintf(stderr, "no test %s\n", argv[1]);
        return 2;
    }
    if (rc == SKIP)
        return SKIP;
    printf("%s: %s\n", argv[1], rc == 0 ? "passed" : "FAILED");
    return rc == 0 ? 0 : 1;
}
