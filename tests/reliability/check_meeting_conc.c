/* check_meeting_conc.c: a meeting screen, a wall (--beamer --follow), an import and a backup
 * on one database at once. The chair keeps working (items, a signal saved while the import
 * writes), the wall keeps following, both only ever count the cases before the import or after
 * it, never a part; the import and the backup end (the import may get 75 when it waited past
 * the lock's time, never hangs); `check` passes on the database and on the backup, and the
 * backup holds all of the import or none of it. Prints what happened (how long each took and
 * what the backup holds): figures, not assertions. */
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "rel.h"
#include "uitest.h"

#define NIMPORT 20000

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000 + (double)ts.tv_nsec / 1e6;
}

/* Waits until the screen shows a or b: 0 for a, 1 for b, -1 when neither came. */
static int wait_either(struct vt_term *t, const char *a, const char *b)
{
    double deadline = now_ms() + UT_TIMEOUT * 3;
    for (;;) {
        int pumped = vt_pump(t, 50);
        if (vt_contains(t, a))
            return vt_wait_quiet(t, 40, UT_TIMEOUT), 0;
        if (vt_contains(t, b))
            return vt_wait_quiet(t, 40, UT_TIMEOUT), 1;
        if (pumped != 0 || now_ms() > deadline)
            return -1;
    }
}

/* The total of "Casussen: X van Y" on the screen, or -1 when it is not there. */
static long cases_shown(struct vt_term *t)
{
    int row;
    if (vt_find(t, "Casussen: ", &row, NULL) != 0)
        return -1;
    char *line = vt_row(t, row);
    const char *at = line ? strstr(line, "Casussen: ") : NULL;
    long shown = -1, total = -1;
    if (!at || sscanf(at, "Casussen: %ld van %ld", &shown, &total) != 2)
        total = -1;
    free(line);
    return total;
}

/* The cases export of the database at db (NULL: the demo), or NULL. */
static char *export_cases(const char *db)
{
    char *csv = NULL;
    int rc = db ? ut_run(&csv, NULL, "--db", db, "export", "cases", NULL)
                : ut_run(&csv, NULL, "--demo", "export", "cases", NULL);
    if (rc == 0)
        return csv;
    fprintf(stderr, "export cases of %s: exit %d\n", db ? db : "the demo", rc);
    free(csv);
    return NULL;
}

/* Rows of the cases export of the database at db (NULL: the demo), or -1. */
static long count_cases(const char *db)
{
    char *csv = export_cases(db);
    long n = -1;
    if (csv) {
        char **ids;
        n = (long)ut_csv_column(csv, "id", &ids);
        ut_free_list(ids, (size_t)n);
    }
    free(csv);
    return n;
}

/* Rows of the import in the cases export of db (NULL: the demo), or -1. */
static long count_imported(const char *db)
{
    char *csv = export_cases(db);
    long n = -1;
    if (csv) {
        n = 0;
        for (const char *p = csv; (p = strstr(p, "\nimp-")) != NULL; p++)
            n++;
    }
    free(csv);
    return n;
}

/* Waits until the import (pid) holds the demo database's writer lock: 1, or 0 when it ended
 * first (a fast machine), -1 when neither happened within a minute. The lock is only tried,
 * never held. */
static int import_writing(pid_t pid)
{
    char lock[600];
    snprintf(lock, sizeof lock, "%s/wijktafel/demo/write.lock", getenv("XDG_CACHE_HOME"));
    int fd = open(lock, O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = -1;
    double deadline = now_ms() + 60000;
    while (now_ms() < deadline) {
        if (flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
            rc = 1;
            break;
        }
        flock(fd, LOCK_UN);
        if (waitpid(pid, NULL, WNOHANG | WNOWAIT) == pid) {
            rc = 0;
            break;
        }
        rel_sleep(0.001);
    }
    close(fd);
    return rc;
}

/* Quits a screen with q: 0 when it ends by itself with exit 0. */
static int quit_ok(struct vt_term *t)
{
    int st = -1;
    vt_send(t, "q");
    return vt_close(t, &st, UT_TIMEOUT) == 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

/* Both screens show item 2; their case totals, each before or after the whole import. */
static int totals_whole(struct vt_term *chair, struct vt_term *wall, long chair_base,
                        long wall_base, const char *when)
{
    vt_send(chair, "2");
    CHECK(chair, ut_wait(chair, "[2 Casussen]") == 0 && ut_wait(chair, "Casussen: ") == 0);
    CHECK(wall, ut_wait(wall, "[2 Casussen]") == 0 && ut_wait(wall, "Casussen: ") == 0);
    long c = cases_shown(chair), w = cases_shown(wall);
    printf("%s: the chair counts %ld cases, the wall %ld\n", when, c, w);
    CHECK(chair, c == chair_base || c == chair_base + NIMPORT);
    CHECK(wall, w == wall_base || w == wall_base + NIMPORT);
    CHECK(wall, !vt_contains(wall, "Bewoner Import"));
    return 0;
}

static int test_meeting_import_backup(void)
{
    const char *home = ut_setup();
    CHECK(NULL, ut_run(NULL, NULL, "--demo", "check", NULL) == 0);
    long base = count_cases(NULL);
    CHECK(NULL, base > 0);
    /* The import: NIMPORT open cases, with names the wall must never show. */
    char *csv_path = rel_path(home, "import.csv"), *backup = rel_path(home, "backup");
    FILE *f = fopen(csv_path, "w");
    CHECK(NULL, f != NULL);
    fputs("id,opened,area,resident,request,owner,status,needs\n", f);
    for (int i = 0; i < NIMPORT; i++)
        fprintf(f, "imp-%05d,2026-10-%02d,Veenwaard/Ravenstede/Akkerwijk,Bewoner Import %05d,"
                   "Zoekt hulp bij de tuin en gezelschap,,open,tuin;eenzaamheid\n",
                i, 1 + i % 28, i);
    CHECK(NULL, fclose(f) == 0);

    struct vt_term *chair = ut_spawn(60, 200, "--demo", NULL);
    CHECK(chair, chair != NULL);
    CHECK(chair, ut_wait(chair, "Open actiepunten") == 0);
    struct vt_term *wall = ut_spawn(60, 200, "--demo", "--beamer", "--follow", NULL);
    CHECK(wall, wall != NULL);
    CHECK(wall, ut_wait(wall, "BEAMER AAN (muur)") == 0);
    vt_send(chair, "2");
    CHECK(chair, ut_wait(chair, "Casussen: ") == 0);
    CHECK(wall, ut_wait(wall, "Casussen: ") == 0);
    long chair_base = cases_shown(chair), wall_base = cases_shown(wall);
    CHECK(chair, chair_base == base);
    CHECK(wall, wall_base > 0 && wall_base <= base); /* shielded cases are not on the wall */

    /* The chair types a signal; the import starts; once it writes (it holds the writer lock)
     * the backup starts and the chair saves. */
    vt_send(chair, "3");
    CHECK(chair, ut_wait(chair, "[3 Signalen]") == 0);
    CHECK(wall, ut_wait(wall, "[3 Signalen]") == 0);
    vt_send(chair, "n");
    CHECK(chair, ut_wait(chair, "Nieuw signaal uit de wijk") == 0);
    CHECK(chair, ut_type(chair, "Tijdens de import: de brug is weer stuk") == 0);
    struct rel_proc imp, bak;
    double t0 = now_ms();
    rel_spawn(&imp, home, NULL, (const char *const[]){"--demo", "import", "cases", csv_path, NULL});
    int writing = import_writing(imp.pid);
    CHECK(chair, writing >= 0);
    printf("the import %s when the backup started and the chair saved (%.0f ms)\n",
           writing ? "was writing" : "had already ended", now_ms() - t0);
    rel_spawn(&bak, home, NULL, (const char *const[]){"--demo", "backup", backup, NULL});
    CHECK(chair, ut_key(chair, "Enter") == 0);
    /* Saved once the import let go of the lock, or refused when it held it past the lock's
     * time (WIJKTAFEL_LOCK_TIMEOUT_MS): the form then keeps the text. */
    int busy = wait_either(chair, "Bewaard als signaal 'Tijdens de import", "bezig met een andere wijziging");
    CHECK(chair, busy >= 0);
    printf("the signal saved during the import was %s (%.0f ms)\n",
           busy ? "refused while the import wrote (kept on screen)" : "saved", now_ms() - t0);
    if (!busy) {
        CHECK(wall, ut_wait(wall, "s-041") == 0); /* the wall read the database again */
        if (totals_whole(chair, wall, chair_base, wall_base, "after the save during the import") != 0)
            return -1;
    }

    struct rel_result ri, rb;
    rel_wait(&imp, 300, &ri);
    double t_imp = now_ms() - t0;
    rel_wait(&bak, 300, &rb);
    double t_bak = now_ms() - t0;
    printf("import: %s (%.0f ms)\n", rel_describe(&ri), t_imp);
    printf("backup: %s (%.0f ms)\n", rel_describe(&rb), t_bak);
    CHECK(chair, !ri.timed_out && !rb.timed_out);
    CHECK(chair, ri.code == 0 || (ri.code == 75 && rel_clean_failure(&ri)));
    CHECK(chair, rb.code == 0);
    bool imported = ri.code == 0;
    rel_result_fini(&ri);
    rel_result_fini(&rb);

    if (busy) {
        CHECK(chair, vt_contains(chair, "Tijdens de import: de brug is weer stuk"));
        CHECK(chair, ut_key(chair, "Enter") == 0);
        CHECK(chair, ut_wait(chair, "Bewaard als signaal 'Tijdens de import") == 0);
        CHECK(wall, ut_wait(wall, "s-041") == 0);
    }
    /* A write of the chair's own after the import makes both screens read the database again. */
    vt_send(chair, "5");
    CHECK(chair, ut_wait(chair, "Besluiten van vandaag") == 0);
    vt_send(chair, "n");
    CHECK(chair, ut_type(chair, "Na de inleesronde verder") == 0);
    CHECK(chair, ut_key(chair, "Enter") == 0);
    CHECK(chair, ut_wait(chair, "Besluit bewaard") == 0);
    CHECK(wall, ut_wait(wall, "Na de inleesronde verder") == 0);
    if (totals_whole(chair, wall, chair_base, wall_base, "after the import") != 0)
        return -1;
    long want = imported ? NIMPORT : 0;
    CHECK(chair, cases_shown(chair) == chair_base + want);
    CHECK(wall, cases_shown(wall) == wall_base + want);
    CHECK(chair, quit_ok(wall) == 0);
    CHECK(NULL, quit_ok(chair) == 0);

    /* The database and the backup are sound; the backup holds all of the import or none. */
    CHECK(NULL, ut_run(NULL, NULL, "--demo", "check", NULL) == 0);
    CHECK(NULL, count_cases(NULL) == base + want);
    CHECK(NULL, count_imported(NULL) == want);
    setenv("WIJKTAFEL_PASSPHRASE", "demo-veenwaard", 1);
    char *out = NULL;
    int rc = ut_run(&out, NULL, "--db", backup, "check", NULL);
    if (rc != 0)
        fprintf(stderr, "check of the backup: exit %d\n%s\n", rc, out);
    free(out);
    CHECK(NULL, rc == 0);
    long in_backup = count_imported(backup);
    printf("the backup holds %ld of the %d imported cases\n", in_backup, NIMPORT);
    CHECK(NULL, in_backup == 0 || (imported && in_backup == NIMPORT));
    CHECK(NULL, count_cases(backup) == base + in_backup);
    unsetenv("WIJKTAFEL_PASSPHRASE");
    free(csv_path);
    free(backup);
    ut_teardown();
    return 0;
}

int main(void)
{
    int rc = test_meeting_import_backup();
    printf("%d passed, %d failed\n", rc == 0, rc != 0);
    return rc == 0 ? 0 : 1;
}
