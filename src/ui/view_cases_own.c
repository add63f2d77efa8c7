/* view_cases_own.c: Casussen for a volunteer: the care requests they sent, and what became of them. */
#include <stdlib.h>
#include <string.h>

#include "view_cases_int.h"
#include "wijktafel/i18n.h"

static int add_own(void *ctx, const struct app_submission *sub)
{
    struct cases *s = ctx;
    if (sub->rec.kind != WT_CASES)
        return 0;
    s->subs = xrealloc(s->subs, (s->nsubs + 1) * sizeof *s->subs);
    struct app_submission *c = &s->subs[s->nsubs++];
    *c = *sub;
    record_copy(&c->rec, &sub->rec);
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->rows = xrealloc(s->rows, s->cap * sizeof *s->rows);
    }
    const struct wt_record *r = &sub->rec;
    s->rows[s->n++] = (struct case_row){
        .id = xstrdup(sub->id), .area = xstrdup(record_get(r, CASE_AREA)),
        .request = xstrdup(record_get(r, CASE_REQUEST)), .owner = xstrdup(""),
        .status = xstrdup(sub->status), .needs = xstrdup(record_get(r, CASE_NEEDS)),
        .chosen = xstrdup(""), .opened = xstrdup(sub->date),
        .restricted = strcmp(record_get(r, CASE_RESTRICTED), "yes") == 0};
    return 0;
}

void view_cases_free_own(struct cases *s)
{
    for (size_t i = 0; i < s->nsubs; i++)
        record_fini(&s->subs[i].rec);
    free(s->subs);
    s->subs = NULL;
    s->nsubs = 0;
}

void view_cases_load_own(struct cases *s)
{
    view_cases_free_own(s);
    struct wt_error err = {0};
    if (app_review_each(s->v.u->a, add_own, s, &err) != 0)
        ui_error(s->v.u, &err);
}

const struct app_submission *view_cases_own_selected(const struct cases *s)
{
    const char *id = view_cases_selected_id(s);
    for (size_t i = 0; id && i < s->nsubs; i++)
        if (strcmp(s->subs[i].id, id) == 0)
            return &s->subs[i];
    return NULL;
}

void view_cases_draw_own(struct cases *s, struct rect in)
{
    const struct app_submission *sub = view_cases_own_selected(s);
    struct ui *u = s->v.u;
    if (!sub) {
        draw_wrap(in, 0, _("U heeft nog geen hulpvraag ingestuurd. n: nieuwe hulpvraag"), TH_DIM);
        return;
    }
    int lw = 18, y = in.y;
    char *line = ui_decision_line(u, sub);
    y = draw_field(in, y, _("Status"), line, lw);
    free(line);
    if (sub->reason[0])
        y = draw_field(in, y, _("Reden"), sub->reason, lw);
    if (strcmp(sub->status, "accepted") == 0) {
        /* The case is the team's now: the volunteer sees that, not the case. */
        y = draw_field(in, y, _("Vraag"), record_get(&sub->rec, CASE_REQUEST), lw);
        draw_wrap((struct rect){y + 1, in.x, in.h - (y + 1 - in.y), in.w}, 0,
                  _("Aangenomen: het team pakt de hulpvraag op."), TH_DIM);
        return;
    }
    const struct wt_kind_def *k = record_kind(WT_CASES);
    for (int col = 1; col < k->nfields && y < in.y + in.h; col++) {
        const char *label = ui_field_label(WT_CASES, col);
        if (!*label || col == CASE_STATUS || col == CASE_OPENED)
            continue;
        char buf[WT_MAX_FIELD_BYTES + 1];
        char *v = ui_show(u, ui_value(u, &sub->rec, col, buf, sizeof buf));
        y = draw_field(in, y, label, v, lw);
        free(v);
    }
    if (strcmp(sub->status, "rejected") == 0 && y + 1 < in.y + in.h)
        draw_text(y + 1, in.x, in.w, _("e: verbeteren en opnieuw insturen"), TH_DIM, false);
}
