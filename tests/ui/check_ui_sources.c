/* check_ui_sources.c: a signal's source names a partner (issue 21): picked by name in the form, stored as the partner's id, shown by name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_ui.h"

static const char partners_csv[] = "id,name,role,area\n"
                                   "pa-1,Juf Anja,school,Gem/Elst\n"
                                   "pa-2,Wijkagent Bas,wijkagent,Gem/Elst\n"
                                   "pa-3,Juf Bea,school,Gem/Elst\n";

/* s-1 came from the police officer by id (import keeps it); s-2 from a resident. */
static const char signals_csv[] = "id,date,area,text,source\n"
                                  "s-1,2026-11-02,Gem/Elst,Fietsen gestolen,pa-2\n"
                                  "s-2,2026-11-01,Gem/Elst,Lantaarn kapot,bewoner\n";

/* Types a new signal in Gem/Elst with the source typed as src, then Tab
 * (completion) when tab, then Enter. */
static int new_signal(struct vt_term *t, const char *text, const char *src, bool tab)
{
    vt_send(t, "n");
    CHECK(t, ut_wait(t, "Nieuw signaal uit de wijk") == 0);
    CHECK(t, ut_type(t, text) == 0);
    CHECK(t, ut_key(t, "Down") == 0 && ut_key(t, "Down") == 0); /* Datum, Wijk */
    CHECK(t, ut_type(t, "Gem/Elst") == 0);
    CHECK(t, ut_key(t, "Down") == 0); /* Bron */
    CHECK(t, ut_type(t, src) == 0);
    if (tab)
        CHECK(t, ut_key(t, "Tab") == 0);
    return ut_key(t, "Enter");
}

int test_signal_partner(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/db", getenv("HOME"));
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "init", NULL) == 0);
    CHECK(NULL, ut_run(NULL, partners_csv, "--db", db, "import", "partners", "-", NULL) == 0);
    CHECK(NULL, ut_run(NULL, signals_csv, "--db", db, "import", "signals", "-", NULL) == 0);
    struct vt_term *t = ut_start(24, 100, "--db", db, NULL);
    CHECK(t, t != NULL);
    vt_send(t, "3");
    CHECK(t, ut_wait(t, "[3 Signalen]") == 0);
    /* The imported id is shown as the partner's name, in the detail of s-1 (newest first). */
    CHECK(t, ut_wait(t, "Fietsen gestolen") == 0);
    CHECK(t, ut_wait(t, "Bron        Wijkagent Bas") == 0);
    CHECK(t, !vt_contains(t, "pa-2"));
    /* "juf" fits two partners: Tab offers both, Enter refuses it naming the field. */
    CHECK(t, new_signal(t, "Kinderen zonder huiswerkhulp", "juf", false) == 0);
    CHECK(t, ut_wait(t, "[!] Bron: 'juf' past bij meer partners") == 0);
    CHECK(t, vt_contains(t, "Nieuw signaal uit de wijk")); /* the form stays, nothing stored */
    /* "juf a" and Tab: the one partner, by name. */
    CHECK(t, ut_type(t, " a") == 0 && ut_key(t, "Tab") == 0);
    CHECK(t, ut_wait(t, "Juf Anja") == 0);
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Bewaard als signaal") == 0);
    CHECK(t, ut_wait(t, "Bron        Juf Anja") == 0);
    /* "wijkagent" is one of the usual words: it stays a word, not Wijkagent Bas. */
    CHECK(t, new_signal(t, "Hangjongeren bij de brug", "wijkagent", false) == 0);
    CHECK(t, ut_wait(t, "Bewaard als signaal") == 0);
    CHECK(t, ut_wait(t, "Bron        wijkagent") == 0);
    /* Editing the first new signal shows the partner's name in the field, not the id. */
    CHECK(t, ut_key(t, "Down") == 0);
    CHECK(t, ut_wait(t, "Kinderen zonder huiswerkhulp") == 0);
    CHECK(t, ut_key(t, "e") == 0);
    CHECK(t, ut_wait(t, "Juf Anja") == 0);
    CHECK(t, !vt_contains(t, "pa-1"));
    CHECK(t, ut_key(t, "Esc") == 0);
    /* In beamer mode the partner is still named (partners are not residents). */
    CHECK(t, ut_key(t, "b") == 0);
    CHECK(t, ut_wait(t, "BEAMER AAN") == 0);
    CHECK(t, ut_wait(t, "Juf Anja") == 0);
    CHECK(NULL, ut_quit_ok(t) == 0);
    char *csv = NULL;
    CHECK(NULL, ut_run(&csv, NULL, "--db", db, "export", "signals", NULL) == 0);
    bool ok = strstr(csv, ",Gem/Elst,Kinderen zonder huiswerkhulp,pa-1,") != NULL &&
              strstr(csv, ",Gem/Elst,Hangjongeren bij de brug,wijkagent,") != NULL &&
              strstr(csv, "s-1,2026-11-02,Gem/Elst,Fietsen gestolen,pa-2,") != NULL;
    if (!ok)
        fprintf(stderr, "signals:\n%s\n", csv);
    free(csv);
    CHECK(NULL, ok);
    return 0;
}
