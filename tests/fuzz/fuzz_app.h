/* fuzz_app.h: what the fuzz targets over the app layer share: a real database made in a fresh
 * folder and opened as its leader, with seed records for the input to meet. */
#ifndef WT_TEST_FUZZ_APP_H
#define WT_TEST_FUZZ_APP_H

#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "rel.h"
#include "wijktafel/app.h"

/* Makes a folder *root (under FUZZ_TMPDIR, which run.sh and the replay test set, else in
 * memory: no disk syncs) named after tag, a database "db" in it with the leader "leider", and
 * imports the n seeds ({kind, CSV}); returns the app opened as the leader. The caller closes
 * it, removes *root with rel_rmtree and frees it. */
static inline struct app *fuzz_app_open(const char *tag, const char *const (*seeds)[2], size_t n,
                                        char **root)
{
    const char *base = getenv("FUZZ_TMPDIR");
    if (!base || !*base)
        base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    *root = xasprintf("%s/wt-%s-XXXXXX", base, tag);
    FUZZ_ASSERT(mkdtemp(*root) != NULL, "%s", *root);
    char *db = rel_path(*root, "db");
    struct wt_error err = {0};
    FUZZ_ASSERT(app_init(db, "Fuzz", "leider", "Lea", &err) == 0, "%s", err.text);
    struct app_opts o = {.dir = db, .as_member = "leider"};
    struct app *app;
    FUZZ_ASSERT(app_open(&o, &app, &err) == 0, "%s", err.text);
    for (size_t i = 0; i < n; i++) {
        enum wt_kind k;
        FUZZ_ASSERT(record_kind_by_name(seeds[i][0], &k) == 0, "%s", seeds[i][0]);
        FUZZ_ASSERT(app_import(app, k, "seed.csv", seeds[i][1], strlen(seeds[i][1]), NULL,
                               &err) == 0, "%s", err.text);
    }
    free(db);
    return app;
}

#endif
