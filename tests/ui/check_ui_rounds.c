/* check_ui_rounds.c: a round door by door at 80x24: making the round, two doors, the look-back, a finding made a signal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_ui.h"

int test_rounds(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/db", getenv("HOME"));
    setenv("WIJKTAFEL_TODAY", "2026-11-28", 1);
    CHECK(NULL, ut_run(NULL, NULL, "--db", db, "init", NULL) == 0);
    CHECK(NULL, ut_run(NULL,
                       "id,name,role,discipline,area\n"
                       "m-bw,Bas Wijkstra,professional,buurtwerker,Veenwaard/Elst\n"
                       "m-vol,Vera Smit,volunteer,,Veenwaard/Elst\n",
                       "--db", db, "import", "members", "-", NULL) == 0);
    struct vt_term *t = ut_start(24, 80, "--db", db, NULL);
    CHECK(t, t != NULL);
    vt_send(t, "3");
    CHECK(t, ut_wait(t, "r: rondes") == 0);
    vt_send(t, "r");
    CHECK(t, ut_wait(t, "Nog geen rondes") == 0);
    /* The round: date and area filled in, kind wijkscan, 30 addresses, who goes with whom. */
    vt_send(t, "n");
    CHECK(t, ut_wait(t, "Nieuwe ronde door de wijk") == 0);
    CHECK(t, vt_contains(t, "za 28-11-2026"));
    CHECK(t, ut_key(t, "Down") == 0 && ut_key(t, "C-u") == 0);
    CHECK(t, ut_type(t, "Veenwaard/Elst") == 0);
    CHECK(t, ut_key(t, "Down") == 0 && ut_key(t, "Down") == 0);
    CHECK(t, ut_type(t, "30") == 0 && ut_key(t, "Down") == 0);
    /* People by name (an id is taken too), and no id in the form. */
    CHECK(t, ut_type(t, "bas + ve") == 0);
    CHECK(t, ut_wait(t, "Tab vult aan: Vera Smit") == 0 && !vt_contains(t, "m-vol"));
    CHECK(t, ut_key(t, "Tab") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Ronde van za 28-11-2026 in Elst is bewaard") == 0);
    CHECK(t, ut_wait(t, "Bas Wijkstra + Vera Smit") == 0);
    /* Into the doors: one that opened, with a conversation and findings. */
    CHECK(t, ut_key(t, "Enter") == 0);
    vt_send(t, "n");
    CHECK(t, ut_wait(t, "Volgende deur") == 0);
    CHECK(t, ut_type(t, "Kerkstraat 12") == 0);
    CHECK(t, ut_key(t, "Down") == 0 && ut_key(t, "Down") == 0 && ut_key(t, "Down") == 0);
    CHECK(t, ut_type(t, "ja") == 0 && ut_key(t, "Down") == 0);
    CHECK(t, ut_type(t, "Woont sinds kort alleen") == 0 && ut_key(t, "Down") == 0);
    CHECK(t, ut_type(t, "Bankje bij de speeltuin") == 0 && ut_key(t, "Down") == 0);
    CHECK(t, ut_key(t, "Down") == 0);
    CHECK(t, ut_type(t, "Kookt graag") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Deur 1 is bewaard") == 0);
    /* One that did not open: two keys and an address. */
    vt_send(t, "x");
    CHECK(t, ut_wait(t, "Niet open. Adres") == 0);
    CHECK(t, ut_type(t, "Kerkstraat 14") == 0 && ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Deur 2: niet open") == 0);
    /* The look-back, counted by hand. */
    CHECK(t, vt_contains(t, "Aangebeld 2 van 30 adressen \u00b7 open 1 \u00b7 gesprekken 1"));
    CHECK(t, vt_contains(t, "Ideeën 1 \u00b7 zorgvragen 0 \u00b7 eenzaamheid 1"));
    int r = -1, c = -1;
    CHECK(t, vt_find(t, "Kerkstraat 12", &r, &c) == 0);
    char *row = vt_row(t, r);
    bool ok = row && strstr(row, "gesprek") && strstr(row, "I-ET");
    if (!ok)
        fprintf(stderr, "row: %s\n", row ? row : "(none)");
    free(row);
    CHECK(t, ok);
    /* The first door's idea becomes a signal with one key and Enter. */
    CHECK(t, ut_key(t, "Up") == 0);
    vt_send(t, "s");
    CHECK(t, ut_wait(t, "Van deur 1: nieuw signaal") == 0);
    CHECK(t, vt_contains(t, "wijkscan") && vt_contains(t, "eenzaamheid"));
    CHECK(t, ut_key(t, "Enter") == 0);
    CHECK(t, ut_wait(t, "Bewaard als signaal") == 0);
    CHECK(t, ut_wait(t, "gemaakt: 1 signalen") == 0);
    /* A second time is refused: the door knows what it became. */
    vt_send(t, "s");
    CHECK(t, ut_wait(t, "Deur 1 werd al signaal") == 0);
    /* On the beamer no addresses. */
    vt_send(t, "b");
    CHECK(t, ut_wait(t, "BEAMER AAN") == 0);
    CHECK(t, !vt_contains(t, "Kerkstraat"));
    CHECK(t, vt_contains(t, "Aangebeld 2 van 30"));
    vt_send(t, "b");
    CHECK(t, ut_wait(t, "Kerkstraat 12") == 0);
    CHECK(t, ut_quit_ok(t) == 0);
    /* The signal is stored as the screen said. */
    char *out = NULL;
    CHECK(NULL, ut_run(&out, NULL, "--db", db, "export", "signals", NULL) == 0);
    ok = out && strstr(out, "Bankje bij de speeltuin. Woont sinds kort alleen") &&
         strstr(out, "2026-11-28,Veenwaard/Elst") && strstr(out, "wijkscan,eenzaamheid");
    if (!ok)
        fprintf(stderr, "export: %s\n", out ? out : "(none)");
    free(out);
    CHECK(NULL, ok);
    return 0;
}
