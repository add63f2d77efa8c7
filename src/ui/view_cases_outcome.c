/* view_cases_outcome.c: a chosen option's outcome (u 1/2/3), un-choosing it (x), and the
 * outcomes asked when a case is closed. */
#include <stdlib.h>
#include <string.h>

#include "view_cases_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"
#include "wijktafel/words.h"

void view_cases_option_key(const struct app_option *o, char out[2 * WT_MAX_ID + 2])
{
    if (o->via[0])
        snprintf(out, 2 * WT_MAX_ID + 2, "%s+%s", o->id, o->via);
    else
        snprintf(out, 2 * WT_MAX_ID + 2, "%s", o->id);
}

bool view_cases_chosen(const char *list, const char *opt, char outcome[16])
{
    struct taglist l;
    tags_split(list, &l);
    bool yes = false;
    if (outcome)
        outcome[0] = '\0';
    for (size_t i = 0; i < l.n && !yes; i++) {
        size_t n = strcspn(l.items[i], ":");
        yes = strlen(opt) == n && strncmp(l.items[i], opt, n) == 0;
        if (yes && outcome && l.items[i][n] == ':')
            snprintf(outcome, 16, "%s", l.items[i] + n + 1);
    }
    tags_fini(&l);
    return yes;
}

/* The outcome menu: 1 werkte, 2 werkte niet, 3 niet doorgegaan; the stored
 * word, or NULL on Esc. */
static const char *ask_outcome(struct ui *u, const char *title, const char *current)
{
    static const char *const codes[3] = {"worked", "failed", "dropped"};
    const char *labels[3] = {_("werkte"), _("werkte niet"), _("niet doorgegaan")};
    static const int letters[3] = {'1', '2', '3'};
    int cur = -1;
    for (int i = 0; i < 3; i++)
        if (current && strcmp(current, codes[i]) == 0)
            cur = i;
    int k = dialog_menu(u, title, labels, letters, 3, cur);
    return k < 0 ? NULL : codes[k];
}

/* Stores outcome (NULL: un-choose) of opt for case_id and says so. */
static bool store_outcome(struct ui *u, const char *case_id, const char *opt,
                          const char *outcome)
{
    struct wt_error err = {0};
    if (meeting_chosen_outcome(u->a, case_id, opt, outcome, &err) != 0) {
        ui_error(u, &err);
        return false;
    }
    ui_changed(u);
    char *name = app_option_label(u->a, opt), *c = app_record_name(u->a, WT_CASES, case_id);
    if (outcome)
        ui_message(u, false, _("Uitkomst van %s bij %s: %s"), name, c,
                   words_of("outcome", outcome));
    else
        ui_message(u, false, _("%s is niet meer gekozen voor %s"), name, c);
    free(c);
    free(name);
    return true;
}

/* The highlighted option of the selected case when it is chosen: its key
 * into opt, the case into case_id; else a message and false. */
static bool chosen_here(struct cases *s, char case_id[WT_MAX_ID + 1],
                        char opt[2 * WT_MAX_ID + 2], char outcome[16])
{
    struct ui *u = s->v.u;
    if (!ui_may_write(u) || !view_cases_selected_id(s))
        return false;
    if (!view_cases_opts_current(s) || !s->opts.n || !view_cases_detail(s)) {
        ui_message(u, true, _("Er is (nog) geen optie"));
        return false;
    }
    snprintf(case_id, WT_MAX_ID + 1, "%s", view_cases_selected_id(s));
    view_cases_option_key(&s->opts.opts[s->opt_sel], opt);
    if (!view_cases_chosen(record_get(&s->detail, CASE_CHOSEN), opt, outcome)) {
        char *name = app_option_label(u->a, opt);
        ui_message(u, true, _("%s is niet gekozen; k kiest het"), name);
        free(name);
        return false;
    }
    return true;
}

void view_cases_outcome(struct cases *s)
{
    char case_id[WT_MAX_ID + 1], opt[2 * WT_MAX_ID + 2], outcome[16];
    if (!chosen_here(s, case_id, opt, outcome))
        return;
    char *name = app_option_label(s->v.u->a, opt);
    char *title = xasprintf(_("Hoe ging %s?"), name);
    free(name);
    const char *o = ask_outcome(s->v.u, title, outcome);
    free(title);
    if (o)
        store_outcome(s->v.u, case_id, opt, o);
}

void view_cases_unchoose(struct cases *s)
{
    char case_id[WT_MAX_ID + 1], opt[2 * WT_MAX_ID + 2], outcome[16];
    if (!chosen_here(s, case_id, opt, outcome))
        return;
    char *name = app_option_label(s->v.u->a, opt);
    char *c = app_record_name(s->v.u->a, WT_CASES, case_id);
    char *q = xasprintf(_("Niet meer kiezen voor %s: %s?"), c, name);
    free(c);
    free(name);
    bool yes = dialog_confirm(s->v.u, q);
    free(q);
    if (yes)
        store_outcome(s->v.u, case_id, opt, NULL);
}

void ui_ask_outcomes(struct ui *u, const char *case_id)
{
    char id[WT_MAX_ID + 1];
    snprintf(id, sizeof id, "%s", case_id);
    struct wt_record r;
    if (meeting_peek(u->a, WT_CASES, id, &r) != 0) {
        record_fini(&r);
        return;
    }
    struct taglist l;
    tags_split(r.v[CASE_CHOSEN], &l);
    record_fini(&r);
    for (size_t i = 0; i < l.n; i++) {
        if (strchr(l.items[i], ':'))
            continue; /* its outcome is known */
        char *c = app_record_name(u->a, WT_CASES, id);
        char *name = app_option_label(u->a, l.items[i]);
        char *title = xasprintf(_("%s sluit: hoe ging %s? (Esc: nog niet bekend)"), c, name);
        free(name);
        free(c);
        const char *o = ask_outcome(u, title, NULL);
        free(title);
        if (o)
            store_outcome(u, id, l.items[i], o);
    }
    tags_fini(&l);
}
