/* bench_ui.c: the meeting screen on a large database: start to first screen, work per key press. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "uitest.h"

/*
 * Usage: bench_ui [CASES [RESOURCES]]   (default 100000 and 10000)
 * Builds a database of that size in a temporary folder (CSV, then
 * `wijktafel import`), then runs the real program in a pseudo-terminal with
 * WIJKTAFEL_UI_TIMING set, so that the program writes its own work per key
 * press (from reading the key to the screen sent). Prints the figures.
 * With BENCH_KEEP set the database stays (its folder is printed). With
 * BENCH_PASSPHRASE the database is encrypted with it (the screen gets it
 * through WIJKTAFEL_PASSPHRASE); with BENCH_FIRST_ONLY only the start-up
 * figures are measured (the beamer's first screen, issue 14). With BENCH_DB
 * the database is that folder: built there when it holds none, used as it
 * is when it does (the sizes must then match it), and kept. With
 * BENCH_UNIQUE_NAMES every resident has a surname of their own (as in a real
 * town), so that the beamer's name dictionary is as large as it gets. With
 * BENCH_HOURS only the start-up figures and the first visit to the Uren tab
 * (F7 in item 4) are measured.
 */

static unsigned long rng = 12345;

static unsigned rnd(unsigned n)
{
    rng = rng * 6364136223846793005ul + 1442695040888963407ul;
    return (unsigned)((rng >> 33) % n);
}

static const char *const words[] = {
    "mevrouw", "meneer", "woont", "alleen", "sinds", "kort", "in", "de", "wijk", "en", "zoekt",
    "hulp", "bij", "het", "huishouden", "tuin", "boodschappen", "vervoer", "naar", "buurthuis",
    "eetcafe", "wil", "graag", "mensen", "ontmoeten", "heeft", "schulden", "weinig", "contact",
    "met", "familie", "kinderen", "school", "taal", "leren", "koken", "wandelen", "fietsen",
    "klussen", "administratie", "post", "gemeente", "dochter", "zoon", "buurman", "buurvrouw",
    "moestuin", "vrijwilligerswerk", "eenzaam", "somber", "bewegen", "ziekenhuis", "operatie"};
static const char *const needs[] = {"eenzaamheid", "mobiliteit", "vervoer", "tuin", "huishouden",
                                    "klussen", "taal", "schulden", "administratie", "opvoeding",
                                    "huiswerk", "dagbesteding", "werk", "gezondheid", "mantelzorg"};
static const char *const interests[] = {"tuinieren", "koken", "eten", "wandelen", "fietsen",
                                        "muziek", "zingen", "handwerk", "klussen", "lezen"};
static const char *const first[] = {"Jan", "Anna", "Piet", "Fatma", "Kees", "Ria", "Mohamed",
                                    "Els", "Henk", "Sanne", "Daan", "Lotte"};
static const char *const last[] = {"de Vries", "Jansen", "van Dijk", "Bakker", "el Amrani",
                                   "van der Berg", "Visser", "Smit", "Meijer", "de Boer"};
static const char *const kinds[] = {"initiative", "activity", "organisation", "desk", "buddy"};

#define NW (sizeof words / sizeof words[0])

static void area(char *out, size_t n)
{
    snprintf(out, n, "Gemeente/Dorp%u/Buurt%u", rnd(20), rnd(10));
}

/* A surname of its own for resident i ("Kabedo"): syllables from i's digits. */
static void unique_surname(char *out, size_t n, unsigned i)
{
    static const char *const syl[] = {"ka", "be", "do", "ri", "mo", "lu", "sa", "ve", "ni", "to",
                                      "pa", "ge", "hu", "ja", "we", "zo"};
    size_t k = 0;
    do {
        const char *s = syl[i % 16];
        for (; *s && k + 1 < n; s++, k++)
            out[k] = k == 0 ? (char)(*s - 'a' + 'A') : *s;
        i /= 16;
    } while (i && k + 3 < n);
    out[k] = '\0';
}

static void sentence(FILE *f, int nwords)
{
    for (int i = 0; i < nwords; i++)
        fprintf(f, "%s%s", i ? " " : "", words[rnd(NW)]);
}

static char *write_csvs(const char *dir, unsigned ncases, unsigned nres)
{
    char path[700], a[96];
    snprintf(path, sizeof path, "%s/members.csv", dir);
    FILE *f = fopen(path, "w");
    fprintf(f, "id,name,role,area\nleider,Lea Leider,leader,Gemeente\n");
    for (int i = 1; i <= 20; i++)
        fprintf(f, "m-%02d,Medewerker %d,professional,Gemeente/Dorp%d\n", i, i, i % 20);
    fclose(f);
    snprintf(path, sizeof path, "%s/resources.csv", dir);
    f = fopen(path, "w");
    fprintf(f, "id,name,kind,area,needs,interests,description,checked,capacity\n");
    for (unsigned i = 1; i <= nres; i++) {
        area(a, sizeof a);
        fprintf(f, "r-%05u,Activiteit %u %s,%s,%s,%s;%s,%s,", i, i, words[rnd(NW)],
                kinds[rnd(5)], a, needs[rnd(15)], needs[rnd(15)], interests[rnd(10)]);
        sentence(f, 12);
        fprintf(f, ",2026-%02u-%02u,%s\n", 1 + rnd(11), 1 + rnd(28),
                rnd(10) ? "open" : "full");
    }
    fclose(f);
    snprintf(path, sizeof path, "%s/talents.csv", dir);
    f = fopen(path, "w");
    fprintf(f, "id,name,area,offers,interests,consent\n");
    for (unsigned i = 1; i <= nres / 10; i++) {
        area(a, sizeof a);
        fprintf(f, "t-%05u,%s %s,%s,%s,%s,2026-01-01\n", i, first[rnd(12)], last[rnd(10)], a,
                needs[rnd(15)], interests[rnd(10)]);
    }
    fclose(f);
    snprintf(path, sizeof path, "%s/cases.csv", dir);
    f = fopen(path, "w");
    fprintf(f, "id,opened,area,resident,request,age,owner,status,needs,strengths\n");
    bool unique = getenv("BENCH_UNIQUE_NAMES") != NULL;
    for (unsigned i = 1; i <= ncases; i++) {
        area(a, sizeof a);
        char own[40];
        unique_surname(own, sizeof own, i);
        fprintf(f, "c-%06u,20%02u-%02u-%02u,%s,%s %s,", i, 20 + rnd(7), 1 + rnd(12),
                1 + rnd(28), a, first[rnd(12)], unique ? own : last[rnd(10)]);
        sentence(f, 20 + (int)rnd(15));
        fprintf(f, ",%u,m-%02u,%s,%s;%s,%s\n", 18 + rnd(70), 1 + rnd(20),
                rnd(3) ? "open" : rnd(2) ? "new" : "closed", needs[rnd(15)], needs[rnd(15)],
                interests[rnd(10)]);
    }
    fclose(f);
    snprintf(path, sizeof path, "%s/signals.csv", dir);
    f = fopen(path, "w");
    fprintf(f, "id,date,area,text,source,themes,status\n");
    for (unsigned i = 1; i <= 2000; i++) {
        area(a, sizeof a);
        fprintf(f, "s-%05u,2026-%02u-%02u,%s,", i, 1 + rnd(11), 1 + rnd(28), a);
        sentence(f, 15);
        fprintf(f, ",bewoner,%s,new\n", needs[rnd(15)]);
    }
    fclose(f);
    snprintf(path, sizeof path, "%s/actions.csv", dir);
    f = fopen(path, "w");
    fprintf(f, "id,text,meeting,owner,due,status\n");
    for (unsigned i = 1; i <= 300; i++) {
        fprintf(f, "a-%04u,", i);
        sentence(f, 10);
        fprintf(f, ",2026-11-%02u,m-%02u,2026-12-%02u,open\n", 1 + rnd(28), 1 + rnd(20),
                1 + rnd(28));
    }
    fclose(f);
    char *db = malloc(700);
    snprintf(db, 700, "%s/db", dir);
    return db;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Prints median, 95th percentile and maximum of v[0, n). */
static void report(const char *what, double *v, size_t n, const char *unit)
{
    if (!n) {
        printf("%-34s (no samples)\n", what);
        return;
    }
    qsort(v, n, sizeof *v, cmp_double);
    printf("%-34s n=%-4zu median %8.2f  p95 %8.2f  max %8.2f %s\n", what, n, v[n / 2],
           v[(n * 95) / 100 < n ? (n * 95) / 100 : n - 1], v[n - 1], unit);
}

/* The unlock's own cost: Argon2id with the keyslot's parameters (keyring.c:
 * 64 MiB, 2 passes), n times into out (ms). */
static size_t argon2id_alone(double *out, size_t n)
{
    if (sodium_init() < 0)
        return 0;
    unsigned char salt[crypto_pwhash_SALTBYTES] = {1}, key[32];
    const char *pass = "bench-geheim-1";
    size_t got = 0;
    for (size_t i = 0; i < n; i++) {
        double t0 = now_ms();
        if (crypto_pwhash(key, sizeof key, pass, strlen(pass), salt,
                          crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                          crypto_pwhash_ALG_ARGON2ID13) == 0)
            out[got++] = now_ms() - t0;
    }
    return got;
}

/* Reads "WHAT KEY MICROSECONDS" lines of what into ms values. */
static size_t timings(const char *file, const char *what, double *out, size_t max)
{
    FILE *f = fopen(file, "r");
    if (!f)
        return 0;
    char w[64];
    int key;
    double us;
    size_t n = 0;
    while (fscanf(f, "%63s %d %lf", w, &key, &us) == 3)
        if (strcmp(w, what) == 0 && n < max)
            out[n++] = us / 1000.0;
    fclose(f);
    return n;
}

/* Starts the screen and measures the wall clock to its first screen (in
 * beamer mode with free text already redacted: the name dictionary is read
 * before it). */
static int run_screen(const char *db, const char *timing, int rows, int cols, bool beamer,
                      double *first_ms)
{
    unlink(timing);
    setenv("WIJKTAFEL_UI_TIMING", timing, 1);
    double t0 = now_ms();
    struct vt_term *t = beamer ? ut_spawn(rows, cols, "--db", db, "--beamer", NULL)
                               : ut_spawn(rows, cols, "--db", db, NULL);
    if (!t || vt_wait_for(t, "F10", 60000) != 0) {
        ut_dump(t);
        return -1;
    }
    *first_ms = now_ms() - t0;
    vt_send(t, "q");
    vt_close(t, NULL, 30000);
    return 0;
}

/* The last "key" line of key code code, in ms (0: none). */
static double key_time(const char *file, int code)
{
    FILE *f = fopen(file, "r");
    if (!f)
        return 0;
    char w[64];
    int key;
    double us, ms = 0;
    while (fscanf(f, "%63s %d %lf", w, &key, &us) == 3)
        if (strcmp(w, "key") == 0 && (key & ~0x40000000) == code) /* UI_KEY or not */
            ms = us / 1000.0;
    fclose(f);
    return ms;
}

/* BENCH_HOURS: the first visit to the Uren tab of item 4 (F7), whose caseload
 * reads every case the member may see: the key press and the work done while
 * idle after it, from the program's own timing log, and the wall clock until
 * the tab shows; HOURS_RUNS starts of the screen (the tab loads once each). */
#define HOURS_RUNS 3
static int bench_hours(const char *db, const char *timing)
{
    double shown[HOURS_RUNS], key[HOURS_RUNS], idle[HOURS_RUNS];
    for (int i = 0; i < HOURS_RUNS; i++) {
        unlink(timing);
        setenv("WIJKTAFEL_UI_TIMING", timing, 1);
        struct vt_term *t = ut_spawn(24, 80, "--db", db, NULL);
        if (!t || vt_wait_for(t, "F10", 60000) != 0)
            return fprintf(stderr, "no screen\n"), -1;
        vt_wait_quiet(t, 1500, 120000); /* the warm-up, as in the meeting */
        vt_send(t, "4");
        vt_wait_for(t, "[4 Netwerk]", 120000);
        vt_wait_quiet(t, 300, 120000);
        double k0 = now_ms();
        vt_send_key(t, "F7");
        vt_wait_for(t, "Tijd voor samenlevingsopbouw", 120000);
        shown[i] = now_ms() - k0;
        /* The selected member's weeks show "…" until the caseload is read
         * (80 columns: the weeks 8 apart); the program before did it in the key. */
        vt_wait_gone(t, "\u2026       \u2026", 120000);
        vt_wait_quiet(t, 300, 120000);
        vt_send(t, "q");
        vt_close(t, NULL, 30000);
        key[i] = key_time(timing, 0410 + 7); /* KEY_F(7), as ncurses numbers it */
        static double v[4096];
        size_t n = timings(timing, "idle", v, 4096);
        idle[i] = 0;
        for (size_t k = 0; k < n; k++)
            idle[i] += v[k];
        printf("F7: tab shown after %.1f ms (wall clock); in the key %.1f ms, then idle "
               "work %.1f ms\n", shown[i], key[i], idle[i]);
    }
    report("F7 to the Uren tab shown (wall)", shown, HOURS_RUNS, "ms");
    report("F7, inside the key press", key, HOURS_RUNS, "ms");
    report("then while idle (the caseload)", idle, HOURS_RUNS, "ms");
    return 0;
}

int main(int argc, char **argv)
{
    unsigned ncases = argc > 1 ? (unsigned)atoi(argv[1]) : 100000;
    unsigned nres = argc > 2 ? (unsigned)atoi(argv[2]) : 10000;
    const char *home = ut_setup();
    char timing[600];
    snprintf(timing, sizeof timing, "%s/timing.txt", home);
    printf("wijktafel meeting screen benchmark: %u cases, %u social-map entries, %u talents\n",
           ncases, nres, nres / 10);
    double t0 = now_ms();
    const char *pass = getenv("BENCH_PASSPHRASE");
    if (pass && *pass) {
        setenv("WIJKTAFEL_PASSPHRASE", pass, 1); /* init encrypts, every run unlocks */
        printf("encrypted database\n");
    }
    char *db = write_csvs(home, ncases, nres);
    const char *keep = getenv("BENCH_DB"); /* a database built before, or to build and keep */
    char probe[700];
    snprintf(probe, sizeof probe, "%s/data.mdb", keep ? keep : "");
    if (keep && *keep) {
        snprintf(db, 700, "%s", keep);
        printf("database %s\n", db);
    }
    if (!keep || !*keep || access(probe, F_OK) != 0) {
        if (ut_run(NULL, NULL, "--db", db, "init", "--team", "Bench", NULL) != 0)
            return fprintf(stderr, "init failed\n"), 1;
        const char *order[] = {"members", "resources", "talents", "cases", "signals", "actions"};
        for (int i = 0; i < 6; i++) {
            char path[700];
            snprintf(path, sizeof path, "%s/%s.csv", home, order[i]);
            if (ut_run(NULL, NULL, "--db", db, "import", order[i], path, NULL) != 0)
                return fprintf(stderr, "import %s failed\n", order[i]), 1;
        }
        printf("database built in %.1f s\n", (now_ms() - t0) / 1000.0);
    }
    char *summary = NULL; /* without a terminal the program prints its counts */
    ut_run(&summary, NULL, "--db", db, NULL);
    printf("%s\n", summary ? summary : "");
    free(summary);

    double start_ms[8], internal[64];
    size_t nf = 0;
    /* The start without a screen (the program prints its counts): process,
     * open and, when encrypted, the Argon2id unlock of the passphrase. */
    for (int i = 0; i < 5; i++) {
        double s0 = now_ms();
        if (ut_run(NULL, NULL, "--db", db, NULL) == 0)
            start_ms[nf++] = now_ms() - s0;
    }
    if (pass && *pass) {
        double argon[8];
        size_t na = argon2id_alone(argon, 5);
        report("Argon2id alone (64 MiB, 2 passes)", argon, na, "ms (the unlock's own cost)");
    }
    report("start and unlock, no screen", start_ms, nf,
           pass && *pass ? "ms (process, open, Argon2id)" : "ms (process, open)");
    nf = 0;
    for (int i = 0; i < 5; i++)
        if (run_screen(db, timing, 24, 80, false, &start_ms[nf]) == 0)
            nf++;
    report("start to first screen, 80x24", start_ms, nf, "ms (wall clock, pty)");
    size_t ni = timings(timing, "first-screen", internal, 64);
    report("  of which the screen itself", internal, ni, "ms (last run)");
    nf = 0;
    for (int i = 0; i < 3; i++)
        if (run_screen(db, timing, 60, 200, false, &start_ms[nf]) == 0)
            nf++;
    report("start to first screen, 200x60", start_ms, nf, "ms");
    nf = 0;
    for (int i = 0; i < 5; i++)
        if (run_screen(db, timing, 24, 80, true, &start_ms[nf]) == 0)
            nf++;
    report("start to first screen, --beamer", start_ms, nf, "ms (free text redacted)");
    size_t ni2 = timings(timing, "first-screen", internal, 64);
    report("  of which the screen itself", internal, ni2, "ms (last run)");
    if (getenv("BENCH_HOURS")) {
        int rc = bench_hours(db, timing);
        ut_teardown();
        free(db);
        return rc ? 1 : 0;
    }
    if (getenv("BENCH_FIRST_ONLY")) {
        ut_teardown();
        free(db);
        return 0;
    }

    /* Keys: one at a time, with a pause so that idle work can run. */
    unlink(timing);
    setenv("WIJKTAFEL_UI_TIMING", timing, 1);
    struct vt_term *t = ut_spawn(24, 80, "--db", db, NULL);
    if (!t || vt_wait_for(t, "F10", 60000) != 0)
        return fprintf(stderr, "no screen\n"), 1;
    /* The chair looks at item 1 for a moment: the screen warms up meanwhile. */
    vt_wait_quiet(t, 1500, 60000);
    double k0 = now_ms();
    vt_send(t, "2");
    vt_wait_for(t, "[2 Casussen]", 120000);
    printf("\nkey '2' to the case list (%u rows, loaded while idle): %.1f ms wall clock\n",
           ncases, now_ms() - k0);
    vt_wait_quiet(t, 300, 120000);
    for (int i = 0; i < 200; i++) {
        vt_send_key(t, i % 50 == 49 ? "C-f" : "Down");
        vt_wait_quiet(t, 15, 10000);
    }
    /* Rest on a few cases: their options are computed while idle. */
    for (int i = 0; i < 6; i++) {
        vt_send_key(t, "Down");
        vt_wait_quiet(t, 400, 60000);
    }
    vt_send(t, "/");
    vt_wait_for(t, "Zoek:", 120000);
    vt_wait_quiet(t, 200, 120000);
    const char *query = "moestuin wandelen";
    for (const char *p = query; *p; p++) {
        char c[2] = {*p, 0};
        vt_send(t, c);
        vt_wait_quiet(t, 40, 10000);
    }
    vt_wait_quiet(t, 500, 60000);
    vt_send_key(t, "Esc");
    vt_send(t, "q");
    vt_close(t, NULL, 30000);

    static double v[4096];
    size_t n = timings(timing, "warm", v, 4096);
    for (size_t i = 0; i < n; i++)
        printf("warm-up while idle after the start, step %zu     %8.2f ms\n", i + 1, v[i]);
    n = timings(timing, "key", v, 4096);
    /* The first keys: '2' (loading the list); the rest: scrolling. */
    if (n > 1) {
        printf("key '2' (to the case list, warmed up)           %8.2f ms\n", v[0]);
        report("key press: list scroll (Down, Ctrl-F)", v + 1, n - 1, "ms");
    }
    n = timings(timing, "idle", v, 4096);
    report("idle work: options of a resting case", v, n, "ms (between keys)");
    n = timings(timing, "search-index", v, 4096);
    report("search index built (once, on '/')", v, n, "ms");
    n = timings(timing, "search", v, 4096);
    report("key press: search keystroke", v, n, "ms");
    n = timings(timing, "search-idle", v, 4096);
    report("search continued while idle (slices)", v, n, "ms");
    if (getenv("BENCH_KEEP"))
        printf("\ndatabase kept in %s (BENCH_KEEP)\n", db);
    else
        ut_teardown();
    free(db);
    return 0;
}
