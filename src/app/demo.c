/* demo.c: the demo database, a fictional team made from the domain stories, apart from real data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app_int.h"
#include "demo_data.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"

/* The demo data is written as if today were this day; every date is moved
 * so that it lies as far from the real today. */
#define DEMO_REFERENCE_DAY "2026-11-30"

static const char *demo_passphrase(void *ctx, const char *member)
{
    (void)ctx, (void)member;
    return APP_DEMO_PASSPHRASE;
}

struct demo_ids {
    char ids[32][WT_MAX_ID + 1];
    size_t n;
};

static int demo_member_id(void *ctx, const struct wt_record *m)
{
    struct demo_ids *d = ctx;
    if (d->n < 32)
        snprintf(d->ids[d->n++], WT_MAX_ID + 1, "%s", m->v[MEMBER_ID]);
    return 0;
}

/* The demo's door-to-door rounds: a wijkscan twelve days ago and a Bakkie in
 * de Wijk five days ago, with doors of every sort (all invented). */
struct demo_door {
    int round; /* 0 or 1 */
    const char *where;
    bool answered, talked, lonely;
    const char *note, *ideas, *care, *talents;
};

static const struct demo_door demo_doors[] = {
    {0, "Molenstraat 2", true, true, false, "Jong gezin, net verhuisd",
     "Speelplek aan het water opknappen", "", "Wil wel meehelpen met klussen"},
    {0, "Molenstraat 4", false, false, false, "", "", "", ""},
    {0, "Molenstraat 6", true, true, true, "Oudere heer, weinig bezoek sinds de dood van zijn vrouw",
     "", "Boodschappen lukken niet meer goed", ""},
    {0, "Molenstraat 8", true, false, false, "Geen tijd, folder gegeven", "", "", ""},
    {0, "Molenstraat 10", false, false, false, "", "", "", ""},
    {0, "Molenstraat 12", true, true, false, "", "Een buurtmoestuin op het braakliggende veld",
     "", "Tuiniert graag, heeft gereedschap"},
    {0, "Molenstraat 14", true, true, true, "Woont alleen, kent niemand in de straat",
     "Koffieochtend in het buurthuis", "", ""},
    {0, "Molenstraat 16", false, false, false, "", "", "", ""},
    {0, "Molenstraat 18", true, true, false, "Zorgen over geldzaken",
     "", "Hulp bij de post en rekeningen", ""},
    {1, "Havenplein (bakkie)", true, true, true, "Mevrouw komt elke week, eet vaak alleen",
     "Samen koken op donderdag", "", "Kookt graag voor anderen"},
    {1, "Havenplein (bakkie)", true, true, false, "Vader met twee kinderen",
     "Huiswerkhulp in het buurthuis", "Hulp bij opvoeding gezocht", ""},
    {1, "Havenplein (bakkie)", true, true, false, "", "Bankjes langs de haven", "",
     "Is timmerman, wil bankjes maken"},
    {1, "Havenplein (bakkie)", true, false, false, "Alleen even koffie gehaald", "", "", ""},
};

static int demo_rounds(struct app *a, struct wt_error *err)
{
    static const struct {
        int days_ago;
        const char *area, *kind, *pairs;
        int addresses;
    } rounds[] = {
        {12, "Veenwaard/Ravenstede/Molenwijk", "wijkscan", "m-wouter+m-annie; m-noor+m-jos", 40},
        {5, "Veenwaard/Ravenstede/Havenkwartier", "bakkie", "m-noor+m-annie", 0},
    };
    char ids[2][WT_MAX_ID + 1];
    int rc = 0;
    for (int i = 0; i < 2 && !rc; i++) {
        struct round r;
        round_init(&r);
        date_format(a->today - rounds[i].days_ago, r.date);
        round_set(&r.area, rounds[i].area);
        snprintf(r.kind, sizeof r.kind, "%s", rounds[i].kind);
        round_set(&r.pairs, rounds[i].pairs);
        r.addresses = rounds[i].addresses;
        rc = app_round_save(a, &r, err);
        snprintf(ids[i], sizeof ids[i], "%s", r.id);
        round_fini(&r);
    }
    for (size_t i = 0; i < sizeof demo_doors / sizeof *demo_doors && !rc; i++) {
        const struct demo_door *dd = &demo_doors[i];
        struct round_door d;
        round_door_init(&d);
        round_set(&d.where, dd->where);
        d.answered = dd->answered;
        d.talked = dd->talked;
        d.lonely = dd->lonely;
        round_set(&d.note, dd->note);
        round_set(&d.ideas, dd->ideas);
        round_set(&d.care, dd->care);
        round_set(&d.talents, dd->talents);
        rc = app_door_save(a, ids[dd->round], &d, err);
        round_door_fini(&d);
    }
    return rc;
}

/* The demo's time balance: four weeks of hours (casework, community
 * building) for the professionals, so that the Uren tab has something to show:
 * Wouter, a buurtwerker with a 50 % target, slides under it three weeks running;
 * Noor keeps to hers. The current week is left for the team to fill in. */
static int demo_hours(struct app *a, struct wt_error *err)
{
    static const struct {
        const char *member;
        uint32_t casework[3], community[3]; /* 3, 2 and 1 weeks ago, whole hours */
    } hours[] = {
        {"m-wouter", {20, 22, 25}, {16, 14, 11}}, {"m-noor", {14, 13, 14}, {14, 15, 13}},
        {"m-ingrid", {28, 30, 29}, {4, 2, 3}},    {"m-sanne", {20, 21, 19}, {3, 3, 4}},
        {"m-ruben", {30, 31, 33}, {5, 4, 2}},     {"m-esther", {27, 28, 29}, {2, 3, 2}},
    };
    int rc = 0;
    for (size_t i = 0; i < sizeof hours / sizeof *hours && !rc; i++)
        for (int w = 0; w < 3 && !rc; w++)
            rc = app_balance_record(a, hours[i].member, a->today - 7 * (3 - w),
                                    hours[i].casework[w] * 100, hours[i].community[w] * 100,
                                    err);
    return rc;
}

int app_demo_ensure(const char *dir, struct wt_error *err)
{
    char *data = xasprintf("%s/data.mdb", dir);
    bool exists = access(data, F_OK) == 0;
    free(data);
    if (exists)
        return 0;
    int rc = app_init_encrypted(dir, "Doen!-team Veenwaard (demo)", "leider", "Marieke de Boer",
                                APP_DEMO_PASSPHRASE, err);
    if (rc)
        return rc;
    struct app *a;
    struct app_opts o = {.dir = dir, .as_member = "leider", .passphrase = demo_passphrase};
    if ((rc = app_open(&o, &a, err)) != 0)
        return rc;
    a->path = "demo";
    int32_t ref;
    date_parse(DEMO_REFERENCE_DAY, &ref);
    for (const struct demo_file *f = demo_files; f->kind && !rc; f++) {
        enum wt_kind kind;
        if (record_kind_by_name(f->kind, &kind) != 0)
            continue;
        rc = app_import_shifted(a, kind, f->fname, f->data, f->len, a->today - ref, NULL, err);
    }
    if (!rc)
        rc = demo_rounds(a, err);
    if (!rc)
        rc = demo_hours(a, err);
    /* Every demo member opens the demo with the same passphrase, so that
     * `--demo --as m-...` shows each role. */
    struct demo_ids d = {.n = 0};
    if (!rc)
        rc = app_each(a, WT_MEMBERS, demo_member_id, &d, err);
    for (size_t i = 0; i < d.n && !rc; i++)
        if (strcmp(d.ids[i], record_get(&a->member, MEMBER_ID)) != 0)
            rc = app_set_passphrase(a, d.ids[i], APP_DEMO_PASSPHRASE, err);
    app_close(a);
    return rc;
}
