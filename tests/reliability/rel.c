/* rel.c: temporary folders, generated CSV and running the real program with a deadline. */
#include "rel.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "wijktafel/csv.h"
#include "wijktafel/store.h"
#include "wijktafel/xalloc.h"

static void die(const char *what)
{
    fprintf(stderr, "rel: %s: %s\n", what, strerror(errno));
    abort();
}

char *rel_tmpdir(const char *tag)
{
    const char *base = getenv("TMPDIR");
    char *path = xasprintf("%s/wt-%s-XXXXXX", base && *base ? base : "/tmp", tag);
    if (!mkdtemp(path))
        die(path);
    return path;
}

static char *fixture_base, *fixture_saved;

void rel_fixture_begin(void)
{
    const char *old = getenv("TMPDIR");
    fixture_saved = old ? xstrdup(old) : NULL;
    fixture_base = rel_tmpdir("reltests");
    setenv("TMPDIR", fixture_base, 1);
}

void rel_fixture_end(void)
{
    if (!getenv("WT_KEEP_TMP"))
        rel_rmtree(fixture_base);
    free(fixture_base);
    fixture_base = NULL;
    if (fixture_saved)
        setenv("TMPDIR", fixture_saved, 1);
    else
        unsetenv("TMPDIR");
    free(fixture_saved);
    fixture_saved = NULL;
}

static int rm_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    if (type == FTW_DP)
        rmdir(path);
    else
        unlink(path);
    return 0;
}

void rel_rmtree(const char *dir)
{
    if (dir)
        nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

char *rel_path(const char *dir, const char *name)
{
    return xasprintf("%s/%s", dir, name);
}

void rel_write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        die(path);
    if (fwrite(data, 1, len, f) != len || fclose(f) != 0)
        die(path);
}

char *rel_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct buf b = {0};
    char chunk[65536];
    size_t n;
    buf_append(&b, "", 0);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&b, chunk, n);
    fclose(f);
    if (len)
        *len = b.len;
    return buf_steal(&b);
}

void rel_copy_file(const char *src, const char *dst)
{
    size_t len;
    char *data = rel_read_file(src, &len);
    if (!data)
        die(src);
    rel_write_file(dst, data, len);
    free(data);
}

const char *const rel_cases_columns[] = {"id", "opened", "area", "resident", "request", "age",
                                         "owner", "status", "needs", "strengths", "network",
                                         "restricted"};

static const char *const towns[] = {"Emmeloord", "Marknesse", "Ens", "Luttelgeest", "Bant"};
static const char *const quarters[] = {"Centrum", "Espelervaart", "Zuidervaart", "Erf",
                                       "Lemsterpoort", "Noord", "Oost"};
static const char *const firsts[] = {"Jan", "Fatima", "Anneke", "Mohamed", "Gerrit", "Sanne",
                                     "Piet", "Yasmin", "Klaas", "Ilse", "Jože", "Zoë"};
static const char *const lasts[] = {"de Vries", "van Dijk", "Bakker", "el Amrani", "Visser",
                                    "Smit", "de Boer", "Mulder", "van der Meer", "Bos"};
static const char *const requests[] = {
    "Hulp bij de boodschappen", "Zoekt gezelschap, vooral in het weekend",
    "Tuin is te veel werk geworden", "Wil graag \"iets nuttigs\" doen",
    "Vragen over brieven van de gemeente", "Kinderen hebben hulp bij huiswerk nodig",
    "Vervoer naar het ziekenhuis, elke dinsdag", "Eenzaam sinds de verhuizing"};
static const char *const needs[] = {"eenzaamheid", "mobiliteit", "vervoer", "tuin",
                                    "huishouden", "klussen", "taal", "schulden",
                                    "administratie", "huiswerk", "dagbesteding", "gezondheid"};
static const char *const interests[] = {"tuinieren", "koken", "wandelen", "fietsen", "muziek",
                                        "handwerk", "lezen", "spelletjes", "gezelschap"};
static const char *const statuses[] = {"open", "open", "new", "closed"};

#define PICK(a, i) ((a)[(size_t)(i) % (sizeof(a) / sizeof((a)[0]))])

/* Appends a field, quoted (RFC 4180) when it holds a comma, quote or line break. */
static void put_field(struct buf *b, const char *s, bool last)
{
    if (strpbrk(s, ",\"\n")) {
        buf_putc(b, '"');
        for (; *s; s++) {
            if (*s == '"')
                buf_putc(b, '"');
            buf_putc(b, *s);
        }
        buf_putc(b, '"');
    } else {
        buf_puts(b, s);
    }
    buf_putc(b, last ? '\n' : ',');
}

char *rel_cases_csv(const char *prefix, size_t first, size_t n, const char *request,
                    size_t *len)
{
    struct buf b = {0};
    for (size_t c = 0; c < REL_CASES_NCOLS; c++)
        put_field(&b, rel_cases_columns[c], c + 1 == REL_CASES_NCOLS);
    char tmp[256];
    for (size_t g = first; g < first + n; g++) {
        snprintf(tmp, sizeof tmp, "%s%06zu", prefix, g);
        put_field(&b, tmp, false);
        snprintf(tmp, sizeof tmp, "%04zu-%02zu-%02zu", 2019 + g % 6, 1 + g / 3 % 12,
                 1 + g / 5 % 28);
        put_field(&b, tmp, false);
        snprintf(tmp, sizeof tmp, "Noordoostpolder/%s/%s", PICK(towns, g), PICK(quarters, g / 5));
        put_field(&b, tmp, false);
        snprintf(tmp, sizeof tmp, "%s %s", PICK(firsts, g), PICK(lasts, g / 3));
        put_field(&b, tmp, false);
        if (request)
            put_field(&b, request, false);
        else if (g % 50 == 7)
            put_field(&b, "Twee vragen:\nboodschappen en de tuin", false);
        else
            put_field(&b, PICK(requests, g / 2), false);
        snprintf(tmp, sizeof tmp, "%zu", 10 + g % 89);
        put_field(&b, g % 13 == 0 ? "" : tmp, false);
        put_field(&b, g % 3 == 0 ? "leider" : "", false);
        put_field(&b, PICK(statuses, g), false);
        snprintf(tmp, sizeof tmp, "%s;%s", PICK(needs, g), PICK(needs, g / 7 + 3));
        put_field(&b, tmp, false);
        snprintf(tmp, sizeof tmp, "%s;%s", PICK(interests, g / 2), PICK(interests, g / 11 + 1));
        put_field(&b, g % 4 == 0 ? "" : tmp, false);
        put_field(&b, g % 5 == 0 ? "buurvrouw, dochter in Zwolle" : "", false);
        put_field(&b, g % 29 == 0 ? "yes" : "no", true);
    }
    if (len)
        *len = b.len;
    return buf_steal(&b);
}

double rel_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void rel_sleep(double secs)
{
    if (secs <= 0)
        return;
    struct timespec ts = {(time_t)secs, (long)((secs - (double)(time_t)secs) * 1e9)};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

const char *rel_binary(void)
{
    const char *b = getenv("WIJKTAFEL");
    if (!b || !*b) {
        fprintf(stderr, "rel: set WIJKTAFEL to the program under test\n");
        abort();
    }
    return b;
}

static unsigned spawn_counter;

void rel_spawn_prog(struct rel_proc *p, const char *workdir, const char *prog,
                    const char *const argv[], const char *in_path, const char *const env[])
{
    unsigned id = spawn_counter++;
    p->out_path = xasprintf("%s/.out-%d-%u", workdir, (int)getpid(), id);
    p->err_path = xasprintf("%s/.err-%d-%u", workdir, (int)getpid(), id);
    fflush(NULL);
    p->started = rel_now();
    p->pid = fork();
    if (p->pid < 0)
        die("fork");
    if (p->pid == 0) {
        int in = open(in_path ? in_path : "/dev/null", O_RDONLY);
        int out = open(p->out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int err = open(p->err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || out < 0 || err < 0)
            _exit(126);
        dup2(in, 0);
        dup2(out, 1);
        dup2(err, 2);
        for (size_t i = 0; env && env[i]; i++) {
            if (strchr(env[i], '='))
                putenv((char *)env[i]);
            else
                unsetenv(env[i]);
        }
        /* A test's own time limit must not be inherited as a pending alarm. */
        signal(SIGALRM, SIG_DFL);
        execv(prog, (char *const *)argv);
        _exit(127);
    }
}

void rel_spawn(struct rel_proc *p, const char *workdir, const char *const env[],
               const char *const argv[])
{
    size_t n = 0;
    while (argv[n])
        n++;
    const char **full = xcalloc(n + 2, sizeof *full);
    full[0] = rel_binary();
    memcpy(full + 1, argv, n * sizeof *argv);
    rel_spawn_prog(p, workdir, rel_binary(), full, NULL, env);
    free(full);
}

void rel_wait(struct rel_proc *p, double timeout, struct rel_result *r)
{
    memset(r, 0, sizeof *r);
    int status = 0;
    double deadline = p->started + timeout;
    for (;;) {
        pid_t w = waitpid(p->pid, &status, WNOHANG);
        if (w == p->pid)
            break;
        if (w < 0 && errno != EINTR)
            die("waitpid");
        if (rel_now() > deadline && !r->timed_out) {
            r->timed_out = true;
            kill(p->pid, SIGKILL);
        }
        rel_sleep(0.002);
    }
    r->secs = rel_now() - p->started;
    r->code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r->sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    r->out = rel_read_file(p->out_path, NULL);
    r->err = rel_read_file(p->err_path, NULL);
    if (!r->out)
        r->out = xstrdup("");
    if (!r->err)
        r->err = xstrdup("");
    unlink(p->out_path);
    unlink(p->err_path);
    free(p->out_path);
    free(p->err_path);
    p->out_path = p->err_path = NULL;
}

void rel_run(struct rel_result *r, const char *workdir, const char *const env[],
             const char *const argv[])
{
    struct rel_proc p;
    rel_spawn(&p, workdir, env, argv);
    rel_wait(&p, 60, r);
}

void rel_result_fini(struct rel_result *r)
{
    free(r->out);
    free(r->err);
    r->out = r->err = NULL;
}

static int count_row(void *ctx, size_t line, char **fields, size_t n)
{
    (void)line;
    (void)fields;
    (void)n;
    ++*(size_t *)ctx;
    return 0;
}

size_t rel_csv_rows(const char *csv, size_t len)
{
    size_t rows = 0;
    if (csv_read(csv, len, "export", count_row, &rows, NULL) != 0)
        return (size_t)-1;
    return rows ? rows - 1 : 0;
}

size_t rel_count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

bool rel_sanitizer_report(const char *text)
{
    return strstr(text, "Sanitizer") || strstr(text, "runtime error:");
}

bool rel_clean_failure(const struct rel_result *r)
{
    size_t len = strlen(r->err);
    return r->code > 0 && !r->sig && !r->timed_out && !rel_sanitizer_report(r->err) &&
           len > 1 && rel_count_lines(r->err) == 1 && r->err[len - 1] == '\n';
}

const char *rel_describe(const struct rel_result *r)
{
    static char text[700];
    snprintf(text, sizeof text, "exit %d, signal %d%s, %.2f s, stderr: %.500s", r->code, r->sig,
             r->timed_out ? ", TIMED OUT" : "", r->secs, r->err ? r->err : "");
    return text;
}

struct hold_ctx {
    const char *prefix;
    size_t n;
    int ready_fd, go_fd;
};

static int hold_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    struct hold_ctx *h = ctx;
    for (size_t i = 0; i < h->n && !store_txn_error(t); i++) {
        struct wt_record r;
        record_init(&r, WT_CASES);
        char id[48];
        snprintf(id, sizeof id, "%s%06zu", h->prefix, i);
        record_set(&r, CASE_ID, id);
        record_set(&r, CASE_OPENED, "2024-05-01");
        record_set(&r, CASE_AREA, "Noordoostpolder/Ens/Centrum");
        record_set(&r, CASE_RESIDENT, "Wachtende Schrijver");
        record_set(&r, CASE_REQUEST, "Een lange wijziging");
        record_set(&r, CASE_STATUS, "open");
        record_set(&r, CASE_RESTRICTED, "no");
        store_put(t, &r);
        record_fini(&r);
    }
    /* Residents written below the app: the beamer's name dictionary (app,
     * meta "names/") cannot follow, so it goes, as the app does when it cannot
     * keep it; the next open builds it again. */
    store_meta_del_prefix(t, "names/");
    /* A full map aborts this run and replays it: only a complete one waits. */
    if (store_txn_error(t))
        return store_txn_error(t);
    char c = 'r';
    if (write(h->ready_fd, &c, 1) != 1)
        return WT_EIO;
    while (read(h->go_fd, &c, 1) < 0 && errno == EINTR)
        ;
    return 0;
}

bool rel_hold_start(struct rel_holder *h, const char *db, const char *prefix, size_t n)
{
    int ready[2], go[2];
    /* Close-on-exec: programs started meanwhile must not keep the holder waiting. */
    if (pipe2(ready, O_CLOEXEC) != 0 || pipe2(go, O_CLOEXEC) != 0)
        die("pipe");
    fflush(NULL);
    h->pid = fork();
    if (h->pid < 0)
        die("fork");
    if (h->pid == 0) {
        close(ready[0]);
        close(go[1]);
        struct store *s;
        struct store_txn *reader;
        if (store_open(db, NULL, &s, NULL) != 0 || store_read_begin(s, &reader, NULL) != 0)
            _exit(3);
        struct hold_ctx c = {prefix, n, ready[1], go[0]};
        int rc = store_write(s, hold_write, &c, NULL);
        store_read_end(reader);
        store_close(s);
        _exit(rc ? 4 : 0);
    }
    close(ready[1]);
    close(go[0]);
    h->ready_fd = ready[0];
    h->go_fd = go[1];
    struct pollfd pfd = {h->ready_fd, POLLIN, 0};
    char c;
    return poll(&pfd, 1, 60000) == 1 && read(h->ready_fd, &c, 1) == 1;
}

static int reap(struct rel_holder *h)
{
    int status = 0;
    while (waitpid(h->pid, &status, 0) < 0 && errno == EINTR)
        ;
    close(h->ready_fd);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int rel_hold_release(struct rel_holder *h)
{
    close(h->go_fd);
    return reap(h);
}

void rel_hold_kill(struct rel_holder *h)
{
    kill(h->pid, SIGKILL);
    close(h->go_fd);
    reap(h);
}
