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
