/* check_ui_data.c: screen tests of what is typed and chosen: signals, options, minutes, failing writes. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check_ui.h"

/* ---- a signal typed with ë is stored as typed ---- */

int test_signal_entry(void)
{
    struct vt_term *t = ut_start(24, 80, "--demo", NULL);
    CHECK(t, t != NULL);
    vt_send(t, "3");
    CHECK(t, ut_wait(t, "[3 Signalen]") == 0);
    vt_send(t, "n");
    CHECK(t, ut_wait(t, "Nieuw signaal uit de wijk") == 0);
    /* Backspace over a two-byte character, Ctrl-W over a word. */
    CHECK(t, ut_type(t, "Geen licht bij de brug; bewoners zijn bang: \xc3\xab\xc3\xa9") == 0);
    CHECK(t, ut_key(t, "Backspace") == 0);
    CHECK(t, ut_type(t, " weg") == 0);
    CHECK(t, ut_key(t, "C-w") == 0);
    CHECK(t, ut_key(t, "Backspace") == 0);
    /* Home, then Delete and a character: the cursor moves over characters. */
    CHECK(t, ut_key(t, "Home") == 0 && ut_key(t, "Delete") == 0);
    CHECK(t, ut_type(t, "G") == 0);
    for (int i = 0; i < 4; i++)
        CHECK(t, ut_key(t, "Down") == 0);
    CHECK(t, ut_type(t, "veil") == 0);
    CHECK(t, ut_wait(t, "veiligheid") == 0); /* offered */
    CHECK(t, ut_key(t, "Tab") == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    /* Named by its text, never its id. */
    CHECK(t, ut_wait(t, "Bewaard als signaal 'Geen licht bij de brug;") == 0);
    char *msg = vt_row(t, 22); /* the message line */
    bool named = msg && strstr(msg, "Bewaard als") && !strstr(msg, "s-041");
    free(msg);
    CHECK(t, named);
    /* A pasted line break is no Enter. */
    vt_send(t, "n");
    CHECK(t, ut_wait(t, "Nieuw signaal uit de wijk") == 0);
    CHECK(t, ut_type(t, "\033[200~Eerste regel\rtweede regel\033[201~") == 0);
    CHECK(t, vt_contains(t, "Nieuw signaal uit de wijk"));
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Bewaard als signaal 'Eerste regel") == 0);
    CHECK(NULL, ut_quit_ok(t) == 0);

    char *csv = NULL;
    CHECK(NULL, ut_run(&csv, NULL, "--demo", "export", "signals", NULL) == 0);
    const char *want = "s-041,2026-11-30,Veenwaard,"
                       "Geen licht bij de brug; bewoners zijn bang: \xc3\xab,,veiligheid,,new,leider";
    bool ok = strstr(csv, want) && strstr(csv, "s-042,2026-11-30,Veenwaard,Eerste regel tweede regel,");
    if (!ok)
        fprintf(stderr, "export:\n%s\n", csv);
    free(csv);
    CHECK(NULL, ok);
    return 0;
}

/* ---- an option chosen and an action made; the options as suggest shows them ---- */

static const char *type_word(const char *type)
{
    return strcmp(type, "resource") == 0 ? "(sociale kaart)"
           : strcmp(type, "talent") == 0 ? "(buurtbewoner met talent)"
                                         : "(vergelijkbare casus";
}

int test_choose_option(void)
{
    struct vt_term *t = ut_start(60, 200, "--demo", NULL);
    CHECK(t, t != NULL);
    /* Search finds the case; Enter opens it. */
    vt_send(t, "/");
    CHECK(t, ut_wait(t, "Zoek:") == 0);
    CHECK(t, ut_type(t, "c-030") == 0);
    CHECK(t, ut_wait(t, "1 gevonden") == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "[2 Casussen]") == 0);
    CHECK(t, ut_wait(t, "c-030  Anton Postma") == 0);
    CHECK(t, vt_wait_gone(t, "Opties worden gezocht", UT_TIMEOUT) == 0);
    vt_wait_quiet(t, 100, UT_TIMEOUT);

    /* The same options in the same order as `wijktafel suggest --format tsv`. */
    char *tsv = NULL;
    CHECK(t, ut_run(&tsv, NULL, "--demo", "suggest", "c-030", "--format", "tsv", NULL) == 0);
    int last_row = -1, n = 0;
    char first[64] = "";
    for (char *line = strtok(tsv, "\n"); line; line = strtok(NULL, "\n")) {
        char *f[6] = {0};
        char *save = NULL;
        f[0] = strtok_r(line, "\t", &save);
        for (int i = 1; i < 6 && f[i - 1]; i++)
            f[i] = strtok_r(NULL, "\t", &save);
        CHECK(t, f[3] != NULL);
        char label[128];
        snprintf(label, sizeof label, "%s. ", f[0]);
        char tail[128]; /* the rank and the start of the name: ids are not on the screen */
        snprintf(tail, sizeof tail, "%s. %.18s", f[0], f[4] ? f[4] : "");
        int r = -1;
        if (vt_find(t, tail, &r, NULL) != 0)
            fprintf(stderr, "option %s (%s) not on the screen\n", f[3], tail);
        CHECK(t, r > last_row);
        CHECK(t, vt_contains(t, type_word(f[2]))); /* its kind in words */
        last_row = r;
        if (!n)
            snprintf(first, sizeof first, "%s", f[3]);
        n++;
    }
    free(tsv);
    CHECK(t, n > 0); /* the demo case has wellbeing options */

    /* Choose the first option, make an action of it. */
    CHECK(t, ut_key(t, "o") == 0 && ut_wait(t, "[Welzijnsopties]") == 0);
    vt_send(t, "k");
    CHECK(t, ut_wait(t, "(j/n)") == 0);
    vt_send(t, "j");
    CHECK(t, ut_wait(t, "Actiepunt maken") == 0);
    CHECK(t, vt_contains(t, "kennismaken met") || vt_contains(t, "in contact brengen"));
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Bewaard als actiepunt '") == 0 && !vt_contains(t, "a-013"));
    CHECK(t, ut_wait(t, "[gekozen]") == 0);
    CHECK(NULL, ut_quit_ok(t) == 0);

    char *cases = NULL, *actions = NULL, *minutes = NULL;
    CHECK(NULL, ut_run(&cases, NULL, "--demo", "export", "cases", NULL) == 0);
    CHECK(NULL, ut_run(&actions, NULL, "--demo", "export", "actions", NULL) == 0);
    CHECK(NULL, ut_run(&minutes, NULL, "--demo", "minutes", NULL) == 0);
    char want[128];
    /* chosen is followed by channel and closed, both empty for an open case. */
    snprintf(want, sizeof want, ",%s,,", first);
    char *row = strstr(cases, "\nc-030,");
    char *end = row ? strchr(row + 1, '\n') : NULL;
    size_t wl = strlen(want);
    bool chosen = row && end && (size_t)(end - row) > wl && strncmp(end - wl, want, wl) == 0;
    bool action = strstr(actions, "\na-013,") &&
                  strstr(actions, "2026-11-30,m-wouter,2026-12-07,open,c-030");
    bool in_minutes = strstr(minutes, "## Gekozen opties") && strstr(minutes, first) &&
                      strstr(minutes, "Casus c-030") && strstr(minutes, "a-013");
    if (!chosen || !action || !in_minutes)
        fprintf(stderr, "cases:\n%s\nactions:\n%s\nminutes:\n%s\n", cases, actions, minutes);
    /* Never a resident's name in the minutes. */
    char **names;
    size_t nn = ut_csv_column(cases, "resident", &names);
    bool clean = true;
    for (size_t i = 0; i < nn; i++)
        if (strstr(minutes, names[i])) {
            fprintf(stderr, "name in the minutes: %s\n", names[i]);
            clean = false;
        }
    ut_free_list(names, nn);
    free(cases);
    free(actions);
    free(minutes);
    CHECK(NULL, chosen && action && in_minutes && clean);
    return 0;
}

/* ---- minutes (the command) ---- */

int test_minutes(void)
{
    char *out = NULL;
    CHECK(NULL, ut_run(&out, NULL, "--demo", "minutes", "--date", "2026-13-01", NULL) == 64);
    free(out);
    CHECK(NULL, ut_run(&out, NULL, "--demo", "minutes", "--date", "2026-11-30", NULL) == 66);
    free(out);
    /* The meeting of 2026-11-09 made a-005, whose text names a talent. */
    CHECK(NULL, ut_run(&out, NULL, "--demo", "minutes", "--date", "2026-11-09", NULL) == 0);
    bool ok = strstr(out, "# Notulen teamoverleg 9-11-2026") && strstr(out, "Eigenaar: ") &&
              !strstr(out, "Eigenaar: m-") && !strstr(out, "2026-1") &&
              strstr(out, "## Nieuwe actiepunten") && strstr(out, "- a-005: ") &&
              strstr(out, "G.K.") && !strstr(out, "Gerard Kuipers");
    if (!ok)
        fprintf(stderr, "%s\n", out);
    free(out);
    CHECK(NULL, ok);
    /* Decisions typed at item 5 appear in today's minutes. */
    struct vt_term *t = ut_start(24, 80, "--demo", NULL);
    CHECK(t, t != NULL);
    vt_send(t, "5");
    CHECK(t, ut_wait(t, "Besluiten van vandaag") == 0);
    vt_send(t, "n");
    CHECK(t, ut_wait(t, "Nieuw besluit:") == 0);
    CHECK(t, ut_type(t, "Het eetcaf\xc3\xa9 krijgt een tweede avond.") == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Besluit bewaard") == 0);
    vt_send(t, "1");
    CHECK(t, ut_wait(t, "a-006") == 0);
    vt_send(t, "d"); /* a-006 is done */
    CHECK(t, ut_wait(t, "actiepunt 'Jongerenwerk vragen of de") == 0);
    CHECK(t, ut_wait(t, "': klaar") == 0);
    CHECK(t, ut_key(t, "Down") == 0);
    vt_send(t, "m"); /* a-010 moves a week */
    CHECK(t, ut_wait(t, "Nieuwe datum") == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "verzet naar di 8-12-2026") == 0);
    CHECK(NULL, ut_quit_ok(t) == 0);
    CHECK(NULL, ut_run(&out, NULL, "--demo", "minutes", NULL) == 0);
    ok = strstr(out, "- Het eetcaf\xc3\xa9 krijgt een tweede avond.") &&
         strstr(out, "- a-006: Jongerenwerk") && strstr(out, "(klaar)") &&
         strstr(out, "- a-010: ") && strstr(out, "1-12-2026 naar 8-12-2026");
    if (!ok)
        fprintf(stderr, "%s\n", out);
    free(out);
    CHECK(NULL, ok);
    return 0;
}

/* ---- $EDITOR for long texts; the access log notes what the screen showed ---- */

int test_editor_and_log(void)
{
    char path[600];
    snprintf(path, sizeof path, "%s/editor.sh", getenv("HOME"));
    FILE *f = fopen(path, "w");
    CHECK(NULL, f != NULL);
    fputs("#!/bin/sh\nprintf 'Besluit uit de editor: caf\303\251 open\\n' >> \"$1\"\n", f);
    fclose(f);
    chmod(path, 0755);
    setenv("EDITOR", path, 1);
    unsetenv("VISUAL");
    struct vt_term *t = ut_start(24, 80, "--demo", NULL);
    CHECK(t, t != NULL);
    vt_send(t, "5");
    CHECK(t, ut_wait(t, "Besluiten van vandaag (0)") == 0);
    vt_send(t, "E");
    CHECK(t, ut_wait(t, "Besluiten bewaard") == 0);
    CHECK(t, ut_wait(t, "Besluit uit de editor: caf\303\251 open") == 0);
    CHECK(t, ut_wait(t, "[5 Rondvraag & besluiten]") == 0); /* the screen is back */
    vt_send(t, "2");
    CHECK(t, ut_wait(t, "c-030  Anton Postma") == 0);
    CHECK(t, vt_wait_gone(t, "Opties worden gezocht", UT_TIMEOUT) == 0);
    CHECK(NULL, ut_quit_ok(t) == 0);
    char *log = NULL;
    CHECK(NULL, ut_run(&log, NULL, "--demo", "log", "--case", "c-030", "--format", "tsv",
                       NULL) == 0);
    bool ok = strstr(log, "\tview\t") && strstr(log, "scherm");
    if (!ok)
        fprintf(stderr, "log:\n%s\n", log);
    free(log);
    CHECK(NULL, ok);
    return 0;
}

/* ---- a write that fails keeps what was typed and says why ---- */

int test_write_locked(void)
{
    setenv("WIJKTAFEL_LOCK_TIMEOUT_MS", "200", 1);
    struct vt_term *t = ut_start(24, 80, "--demo", NULL);
    CHECK(t, t != NULL);
    char lock[600];
    snprintf(lock, sizeof lock, "%s/wijktafel/demo/write.lock", getenv("XDG_CACHE_HOME"));
    int fd = open(lock, O_RDWR);
    CHECK(t, fd >= 0 && flock(fd, LOCK_EX) == 0); /* another writer holds the database */
    vt_send(t, "3");
    CHECK(t, ut_wait(t, "[3 Signalen]") == 0);
    vt_send(t, "n");
    CHECK(t, ut_wait(t, "Nieuw signaal uit de wijk") == 0);
    CHECK(t, ut_type(t, "Tekst tijdens het slot") == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "bezig met een andere wijziging") == 0);
    CHECK(t, vt_contains(t, "Nieuw signaal uit de wijk") && vt_contains(t, "Tekst tijdens het slot"));
    flock(fd, LOCK_UN);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Bewaard als signaal 'Tekst tijdens het slot'") == 0);
    /* The same for a decision typed on the message line. */
    CHECK(t, flock(fd, LOCK_EX) == 0);
    vt_send(t, "5");
    CHECK(t, ut_wait(t, "Besluiten van vandaag") == 0);
    vt_send(t, "n");
    CHECK(t, ut_type(t, "Besluit tijdens het slot") == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "bezig met een andere wijziging") == 0);
    CHECK(t, vt_contains(t, "Besluit tijdens het slot"));
    flock(fd, LOCK_UN);
    close(fd);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Besluit bewaard") == 0);
    CHECK(t, vt_contains(t, "1. Besluit tijdens het slot"));
    return ut_quit_ok(t);
}


/* ---- a volunteer: no cases; a signal goes to a leader's review ---- */

int test_volunteer(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/db", getenv("HOME"));
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "init", "--team", "Kern", NULL) == 0);
    CHECK(NULL, ut_run(NULL, "id,name,role,area\nvera,Vera Vrijwillig,volunteer,Dorp/Kern\n",
                       "--db", db, "import", "members", "-", NULL) == 0);
    CHECK(NULL, ut_run(NULL, "id,opened,area,resident,request,owner\n"
                             "c-1,2026-11-01,Dorp/Kern,Jan Jansen,Hulp bij de tuin,leider\n",
                       "--db", db, "import", "cases", "-", NULL) == 0);
    struct vt_term *t = ut_spawn(24, 80, "--db", db, "--as", "vera", NULL);
    CHECK(t, t != NULL);
    CHECK(t, ut_wait(t, "Vera Vrijwillig") == 0);
    vt_send(t, "2");
    /* No cases: their own requests (none yet) instead (issue 17). */
    CHECK(t, ut_wait(t, "Mijn hulpvragen: 0") == 0);
    CHECK(t, !vt_contains(t, "c-1") && !vt_contains(t, "Jan Jansen"));
    vt_send(t, "3");
    CHECK(t, ut_wait(t, "[3 Signalen]") == 0);
    vt_send(t, "n");
    CHECK(t, ut_wait(t, "Nieuw signaal uit de wijk") == 0);
    CHECK(t, ut_type(t, "Bij de kerk staat afval") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Ingediend: een leider bekijkt het eerst") == 0);
    CHECK(NULL, ut_quit_ok(t) == 0);
    char *csv = NULL;
    CHECK(NULL, ut_run(&csv, NULL, "--db", db, "export", "signals", NULL) == 0);
    bool waiting = !strstr(csv, "Bij de kerk"); /* not a signal before the review */
    free(csv);
    CHECK(NULL, waiting);
    return 0;
}
