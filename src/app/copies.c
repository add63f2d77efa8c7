/* copies.c: the copies made before (backups, bundles) that may still hold an erased case. */
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "wijktafel/i18n.h"

#define COPIES_SHOWN 5 /* dates named per sort of copy; more are counted */

struct copies {
    const char *case_id;
    bool seen;             /* the case's first entry has been met */
    size_t n[2];           /* backups, bundles */
    char when[2][COPIES_SHOWN][16];
};

/* A bundle may hold cases unless its log entry says it did not (older
 * entries say nothing: counted, to be on the safe side). */
static bool bundle_with_cases(const struct store_log_entry *e)
{
    return strncmp(e->detail, "bundel ", 7) == 0 && !strstr(e->detail, " zonder casussen");
}

static int note_copy(void *ctx, const struct store_log_entry *e)
{
    struct copies *c = ctx;
    if (c->case_id && !c->seen) {
        c->seen = strcmp(e->kind, "cases") == 0 && strcmp(e->id, c->case_id) == 0;
        return 0;
    }
    int sort = strcmp(e->action, "backup") == 0                             ? 0
               : strcmp(e->action, "export") == 0 && bundle_with_cases(e) ? 1
                                                                          : -1;
    if (sort < 0)
        return 0;
    if (c->n[sort] < COPIES_SHOWN) {
        /* YYYY-MM-DD as people read it: 8-12-2026. */
        int y = atoi(e->time), m = atoi(e->time + 5), d = atoi(e->time + 8);
        snprintf(c->when[sort][c->n[sort]], sizeof c->when[0][0], "%d-%d-%d", d % 100, m % 100, y % 10000);
    }
    c->n[sort]++;
    return 0;
}

static void list_dates(struct buf *out, const struct copies *c, int sort)
{
    buf_puts(out, " (");
    for (size_t i = 0; i < c->n[sort] && i < COPIES_SHOWN; i++)
        buf_printf(out, "%s%s", i ? ", " : "", c->when[sort][i]);
    if (c->n[sort] > COPIES_SHOWN)
        buf_puts(out, ", ...");
    buf_putc(out, ')');
}

void app_copies_note(struct app *a, const char *case_id, struct buf *out)
{
    struct copies c = {.case_id = case_id};
    struct store_txn *t;
    if (store_read_begin(a->store, &t, NULL) != 0)
        return;
    store_log_each(t, note_copy, &c);
    store_read_end(t);
    if (case_id && !c.seen) { /* the log does not know when it came: every copy counts */
        c.case_id = NULL;
        memset(c.n, 0, sizeof c.n);
        if (store_read_begin(a->store, &t, NULL) != 0)
            return;
        store_log_each(t, note_copy, &c);
        store_read_end(t);
    }
    if (!c.n[0] && !c.n[1])
        return;
    buf_puts(out, _("Let op: eerder gemaakte kopieën kunnen dit nog bevatten:"));
    if (c.n[0]) {
        buf_printf(out, " %zu %s", c.n[0], c.n[0] == 1 ? _("reservekopie") : _("reservekopieën"));
        list_dates(out, &c, 0);
    }
    if (c.n[1]) {
        buf_printf(out, "%s %zu %s", c.n[0] ? _(" en") : "", c.n[1],
                   c.n[1] == 1 ? _("bundel") : _("bundels"));
        list_dates(out, &c, 1);
    }
    buf_printf(out, _(". Die kopieën houden de gegevens tot ze vernietigd zijn.\n"));
}
