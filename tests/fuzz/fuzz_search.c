/* fuzz_search.c: arbitrary bytes as what a user types into the search (`/`), on the meeting
 * screen's search index over a real database, for the chair and for the beamer: the search
 * ends, finds only records that exist, and on the beamer never shows a resident's full name. */
#include <string.h>
#include <unistd.h>

#include "fuzz_app.h"
#include "wijktafel/meeting.h"
#include "wijktafel/text.h"

static char *root;
static struct app *app;
static struct meeting_search *chair, *wall;

static const char *const seeds[][2] = {
    {"members", "id,name,role\nm1,Mia Jansen,professional\n"},
    {"resources", "id,name,kind,area,needs,description\n"
                  "r1,Eetcafé De Molen,activity,Gem/Noord,eenzaamheid,Samen eten op donderdag\n"},
    {"talents", "id,name,area,offers,consent\nt1,Piet van 't Hof,Gem/Noord,klussen,2024-01-01\n"},
    {"cases", "id,opened,area,resident,request,owner,needs,restricted\n"
              "c1,2024-01-05,Gem/Noord,Jan de Vries,Boodschappen en eten,m1,eenzaamheid,no\n"
              "c2,2024-01-06,Gem/Noord,Zoë El Amrani,Schulden,m1,schulden,yes\n"},
    {"signals", "id,date,area,text,themes\ns1,2024-01-07,Gem/Noord,Veel eenzaamheid,eenzaamheid\n"},
};

static void cleanup(void)
{
    meeting_search_free(chair);
    meeting_search_free(wall);
    app_close(app);
    rel_rmtree(root);
    free(root);
}

static void setup(void)
{
    struct wt_error err = {0};
    app = fuzz_app_open("fuzzs", seeds, sizeof seeds / sizeof seeds[0], &root);
    FUZZ_ASSERT(meeting_search_new(app, &chair, &err) == 0, "%s", err.text);
    app_set_beamer(app, true); /* the app hands the search what the wall may show */
    FUZZ_ASSERT(meeting_search_new(app, &wall, &err) == 0, "%s", err.text);
    app_set_beamer(app, false);
    atexit(cleanup);
}

static void run(struct meeting_search *s, const char *query, bool beamer)
{
    meeting_search_start(s, query);
    size_t rounds = 0;
    while (!meeting_search_step(s, 64))
        FUZZ_ASSERT(++rounds < 100000, "search does not end for '%s'", query);
    for (size_t i = 0; i < meeting_search_nhits(s); i++) {
        struct meeting_hit h = meeting_search_hit(s, i);
        FUZZ_ASSERT(h.id && *h.id && h.label, "hit %zu without id or label", i);
        FUZZ_ASSERT(text_valid_utf8(h.label, strlen(h.label)), "label not UTF-8");
        if (beamer) {
            FUZZ_ASSERT(strcmp(h.id, "c2") != 0, "the shielded case on the beamer");
            FUZZ_ASSERT(!strstr(h.label, "Jan de Vries") && !strstr(h.label, "Vries") &&
                            !strstr(h.label, "Amrani") && !strstr(h.label, "Piet van"),
                        "a full name on the beamer: %s", h.label);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!app)
        setup();
    /* What a keyboard can send: cut at the first NUL, at most 200 bytes. */
    char query[201];
    size_t n = size < 200 ? size : 200;
    memcpy(query, data, n);
    query[n] = '\0';
    run(chair, query, false);
    run(wall, query, true);
    /* Typing on: each prefix, as the screen searches while typing. */
    for (size_t k = 1; k < strlen(query) && k < 24; k++) {
        char prefix[25];
        memcpy(prefix, query, k);
        prefix[k] = '\0';
        run(chair, prefix, false);
    }
    return 0;
}
