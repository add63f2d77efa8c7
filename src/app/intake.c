/* intake.c: a new care request, from a team member or from a volunteer's first intake (review). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"

size_t app_intake_similar(struct app *a, const struct wt_record *r, char ids[][WT_MAX_ID + 1],
                          size_t have, size_t max, struct wt_error *err)
{
    struct app_suggester *s;
    if (max == 0 || app_suggester_new(a, &s, err) != 0)
        return 0;
    struct match_result res;
    /* The engine ranks a record that is not stored as well as a stored one. */
    size_t added = 0;
    if (match_rank(app_suggester_corpus(s), r, 0, &res) == 0) {
        for (size_t i = 0; i < res.n && added < max; i++) {
            const struct match_option *o = &res.opts[i];
            if (o->type != MATCH_CASE)
                continue;
            bool dup = false;
            for (size_t k = 0; k < have + added && !dup; k++)
                dup = strcmp(ids[k], o->id) == 0;
            struct wt_record c;
            bool visible = app_get_unlogged(a, WT_CASES, o->id, &c) == 0;
            record_fini(&c);
            if (!dup && visible)
                snprintf(ids[have + added++], WT_MAX_ID + 1, "%s", o->id);
        }
        match_result_fini(&res);
    }
    app_suggester_free(s);
    return added;
}

struct resubmit {
    struct app *a;
    const char *sub_id;
    struct wt_record *rec;
};

static int resubmit_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct resubmit *r = ctx;
    struct store_submission s;
    int rc = store_review_get(t, r->sub_id, &s);
    if (rc == WT_ENOTFOUND ||
        (!rc && strcmp(s.submitter, record_get(&r->a->member, MEMBER_ID)) != 0))
        rc = wt_error_set(err, WT_ENOTFOUND, _("inzending %s bestaat niet"), r->sub_id);
    else if (rc)
        rc = wt_error_set(err, rc, _("inzending %s kan niet worden gelezen"), r->sub_id);
    else if (s.rec.kind != r->rec->kind)
        rc = wt_error_set(err, WT_EINVAL, _("inzending %s is geen %s"), r->sub_id,
                          record_kind(r->rec->kind)->name);
    else if (strcmp(s.status, "rejected") != 0)
        rc = wt_error_set(err, WT_EINVAL,
                          _("inzending %s is niet afgewezen; alleen een afgewezen inzending "
                            "kan opnieuw worden ingestuurd"), r->sub_id);
    if (!rc) {
        /* A new record keeps the submission's id, a change its record's. */
        char *id = xstrdup(record_get(&s.rec, 0));
        record_fini(&s.rec);
        record_copy(&s.rec, r->rec);
        record_set(&s.rec, 0, id);
        free(id);
        snprintf(s.status, sizeof s.status, "pending");
        s.decider[0] = s.decided[0] = '\0';
        s.reason[0] = '\0';
        date_format(r->a->today, s.date);
        store_review_put(t, &s);
        struct store_log_entry e;
        app_log_fill(r->a, &e, "submit", s.rec.kind, s.id, s.id);
        store_log_append(t, &e);
        rc = store_txn_error(t);
    }
    record_fini(&s.rec);
    return rc;
}

int app_review_resubmit(struct app *a, const char *sub_id, struct wt_record *rec,
                        struct wt_error *err)
{
    int rc = app_allowed(a, rec->kind, APP_OP_CREATE, err);
    if (rc)
        return rc;
    /* Validated with a placeholder id; the stored one is the submission's. */
    record_set(rec, 0, "x");
    if ((rc = record_validate(rec, err)) != 0)
        return rc;
    struct resubmit r = {a, sub_id, rec};
    return store_write(a->store, resubmit_write, &r, err);
}

void app_case_draft(const struct app *a, struct wt_record *out)
{
    record_init(out, WT_CASES);
    char today[11];
    date_format(a->today, today);
    record_set(out, CASE_OPENED, today);
    record_set(out, CASE_AREA, record_get(&a->member, MEMBER_AREA));
    record_set(out, CASE_STATUS, "new"); /* the team has not discussed it yet */
    record_set(out, CASE_RESTRICTED, "no");
    /* A volunteer's request gets its owner from the leader who accepts it. */
    if (a->role != APP_VOLUNTEER)
        record_set(out, CASE_OWNER, record_get(&a->member, MEMBER_ID));
    if (a->role == APP_VOLUNTEER)
        record_set(out, CASE_CHANNEL, "vrijwilliger");
}
