/* words.c: the screen's shared words (statuses, kinds, ages) and what may be shown of people. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/words.h"

/* The statuses read from the one table of words (core/words.c). */
const char *ui_case_status(const char *s)
{
    return words_of("cases.status", s && *s ? s : "open");
}

const char *ui_signal_status(const char *s)
{
    return words_of("signals.status", s && *s ? s : "new");
}

const char *ui_action_status(const char *s)
{
    return words_of("actions.status", s && *s ? s : "open");
}

const char *ui_kind_label(enum wt_kind kind)
{
    static const char *const labels[WT_KIND_COUNT] = {
        N_("lid"), N_("casus"), N_("signaal"), N_("kaartitem"), N_("talent"), N_("actiepunt"),
        N_("project"), N_("partner")};
    return _(labels[kind]);
}

const char *ui_last_part(const char *area)
{
    const char *s = strrchr(area ? area : "", '/');
    return s ? s + 1 : area ? area : "";
}

char *ui_date(const struct ui *u, const char *iso, enum date_style st, char out[DATE_SHOW_MAX])
{
    return date_show_iso(iso, st, app_day(u->a), out);
}

const char *ui_value(const struct ui *u, const struct wt_record *r, int col, char *buf, size_t n)
{
    const struct wt_field_def *fd = &record_kind(r->kind)->fields[col];
    const char *v = r->v[col];
    if (!v)
        return "";
    char domain[64];
    snprintf(domain, sizeof domain, "%s.%s", record_kind(r->kind)->name, fd->name);
    switch (fd->type) {
    case FT_DATE:
        return n >= DATE_SHOW_MAX ? date_show_iso(v, DATE_FULL, app_day(u->a), buf) : v;
    case FT_ENUM: return words_of(domain, v);
    case FT_SET: return words_list(domain, v, buf, n);
    case FT_TAGS: return words_list(NULL, v, buf, n);
    case FT_CHOSEN: return words_chosen(v, buf, n);
    case FT_YESNO: return words_of("yesno", v);
    case FT_REF: return fd->ref == WT_MEMBERS ? ui_member_name(u, v) : v;
    default: return v;
    }
}

void ui_age(int32_t today, const char *date, char out[16])
{
    int32_t d;
    out[0] = '\0';
    if (!date || date_parse(date, &d) != 0)
        return;
    int days = today - d;
    if (days < 0)
        days = 0;
    if (days < 14)
        snprintf(out, 16, _("%d d"), days);
    else if (days < 70)
        snprintf(out, 16, _("%d wk"), days / 7);
    else if (days < 730)
        snprintf(out, 16, _("%d mnd"), days / 30);
    else
        snprintf(out, 16, _("%d jr"), days / 365);
}

char *ui_show(const struct ui *u, const char *text)
{
    return app_shown_text(u->a, text); /* app decides what the room may see */
}

char *ui_person(const struct ui *u, const char *name)
{
    return app_shown_person(u->a, name);
}

const char *ui_member_name(const struct ui *u, const char *id)
{
    if (!id || !*id)
        return "";
    for (size_t i = 0; i < u->nmembers; i++)
        if (strcmp(u->member_ids[i], id) == 0)
            return u->member_names[i];
    return id;
}

const char *const *ui_member_ids(const struct ui *u)
{
    return (const char *const *)u->member_ids;
}

const char *const *ui_member_names(const struct ui *u)
{
    return (const char *const *)u->member_names;
}

size_t ui_member_count(const struct ui *u)
{
    return u->nmembers;
}

bool ui_queued(struct ui *u, enum wt_kind kind)
{
    if (!app_goes_to_review(u->a, kind))
        return false;
    ui_message(u, false, _("Ingediend: een leider bekijkt het eerst"));
    return true;
}

const char *ui_review_status(const char *st)
{
    if (strcmp(st, "accepted") == 0)
        return _("geaccepteerd");
    if (strcmp(st, "rejected") == 0)
        return _("afgewezen");
    return _("wacht");
}

char *ui_decision_line(struct ui *u, const struct app_submission *sub)
{
    char sent[DATE_SHOW_MAX], day[DATE_SHOW_MAX];
    char *by = xasprintf(_("ingezonden door %s op %s"), ui_member_name(u, sub->submitter),
                         ui_date(u, sub->date, DATE_FULL, sent));
    char *line;
    if (sub->decider[0])
        line = xasprintf(_("%s door %s op %s; %s"), ui_review_status(sub->status),
                         ui_member_name(u, sub->decider), ui_date(u, sub->decided, DATE_FULL, day),
                         by);
    else
        line = xasprintf("%s; %s", ui_review_status(sub->status), by);
    free(by);
    return line;
}
