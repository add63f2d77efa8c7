/* projects.c: who may see projects and partners, and their links to cases (issue 21). */
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "policy_int.h"
#include "wijktafel/area.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"
#include "wijktafel/xalloc.h"

/* The area column of a project or partner. */
static int area_col(enum wt_kind kind)
{
    return kind == WT_PROJECTS ? PROJECT_AREA : PARTNER_AREA;
}

bool policy_network_visible(const struct app *a, const struct wt_record *r)
{
    if (a->role != APP_VOLUNTEER || r->damaged)
        return true;
    const char *mine = record_get(&a->member, MEMBER_AREA);
    if (!*mine)
        return true; /* a volunteer for the whole team */
    const char *theirs = record_get(r, area_col(r->kind));
    return area_within(theirs, mine) || area_within(mine, theirs);
}

/* The case ids of list that the member may receive (keep true), or those
 * they may not (keep false), as a ';'-list; NULL when none. */
static char *cases_filtered(struct policy_read *p, const char *list, bool keep)
{
    struct taglist l;
    tags_split(list, &l);
    struct buf b = {0};
    for (size_t i = 0; i < l.n; i++) {
        bool shown = p->a->role != APP_VOLUNTEER && !policy_id_hidden(p, l.items[i]);
        if (shown != keep)
            continue;
        if (b.len)
            buf_putc(&b, ';');
        buf_puts(&b, l.items[i]);
    }
    tags_fini(&l);
    return buf_steal(&b);
}

void policy_shape_project(struct policy_read *p, struct wt_record *out)
{
    if (!out->v[PROJECT_CASES])
        return;
    char *v = cases_filtered(p, out->v[PROJECT_CASES], true);
    record_set(out, PROJECT_CASES, v);
    free(v);
}

void policy_restore_project(struct policy_read *p, struct wt_record *r,
                            const struct wt_record *old)
{
    if (!old->v[PROJECT_CASES])
        return;
    char *hidden = cases_filtered(p, old->v[PROJECT_CASES], false);
    if (hidden && *hidden) {
        char *all = r->v[PROJECT_CASES] ? xasprintf("%s;%s", r->v[PROJECT_CASES], hidden)
                                        : xstrdup(hidden);
        record_set(r, PROJECT_CASES, all);
        free(all);
    }
    free(hidden);
}
