/* label.c: how a message on the screen names a record: by what a person reads, never its id. */
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/text.h"

/* How many characters of a name or text a message quotes: short enough
 * that a title or question keeps its words at 80 columns. */
#define LABEL_TEXT_MAX 40

/* The column that names a record of kind (for a signal or action its text). */
static int name_col(enum wt_kind kind)
{
    switch (kind) {
    case WT_MEMBERS: return MEMBER_NAME;
    case WT_CASES: return CASE_RESIDENT;
    case WT_SIGNALS: return SIGNAL_TEXT;
    case WT_RESOURCES: return RESOURCE_NAME;
    case WT_TALENTS: return TALENT_NAME;
    case WT_ACTIONS: return ACTION_TEXT;
    case WT_PROJECTS: return PROJECT_NAME;
    case WT_PARTNERS: return PARTNER_NAME;
    default: return -1;
    }
}

/* "<kind> '<name>'" for the kinds that are named so. */
static char *kind_and_name(enum wt_kind kind, const char *name)
{
    switch (kind) {
    case WT_SIGNALS: return xasprintf(_("signaal '%s'"), name);
    case WT_RESOURCES: return xasprintf(_("kaartitem '%s'"), name);
    case WT_TALENTS: return xasprintf(_("talent '%s'"), name);
    case WT_ACTIONS: return xasprintf(_("actiepunt '%s'"), name);
    case WT_PROJECTS: return xasprintf(_("project '%s'"), name);
    case WT_PARTNERS: return xasprintf(_("partner '%s'"), name);
    case WT_CASES: return xasprintf(_("casus van %s"), name);
    default: return xstrdup(name); /* a member: their name */
    }
}

/* A record of kind without a name it may show. */
static char *unnamed(enum wt_kind kind)
{
    switch (kind) {
    case WT_MEMBERS: return xstrdup(_("een lid"));
    case WT_CASES: return xstrdup(_("een casus"));
    case WT_SIGNALS: return xstrdup(_("een signaal"));
    case WT_RESOURCES: return xstrdup(_("een kaartitem"));
    case WT_TALENTS: return xstrdup(_("een talent"));
    case WT_ACTIONS: return xstrdup(_("een actiepunt"));
    case WT_PROJECTS: return xstrdup(_("een project"));
    default: return xstrdup(_("een partner"));
    }
}

/* The phrase for r; shape: r is as the member typed it (not yet shaped by
 * the policy), so its name is shaped here as the screen may show it; bare:
 * the name alone, without the kind (a case keeps "casus van"). */
static char *label_of(struct app *a, const struct wt_record *r, bool shape, bool bare)
{
    int col = name_col(r->kind);
    if (col < 0 || r->damaged || !r->v[col] || !*r->v[col])
        return unnamed(r->kind);
    char *shown = NULL;
    if (shape && (r->kind == WT_CASES || r->kind == WT_TALENTS))
        shown = app_shown_person(a, r->v[col]);
    else if (shape && r->kind != WT_MEMBERS)
        shown = app_shown_text(a, r->v[col]);
    const char *name = shown ? shown : r->v[col];
    char *out = NULL;
    if (*name) {
        char *cut = text_cut(name, LABEL_TEXT_MAX);
        out = bare && r->kind != WT_CASES ? xstrdup(cut) : kind_and_name(r->kind, cut);
        free(cut);
    }
    free(shown);
    return out ? out : unnamed(r->kind);
}

char *app_record_label(struct app *a, const struct wt_record *r)
{
    return label_of(a, r, true, false);
}

char *app_record_name(struct app *a, enum wt_kind kind, const char *id)
{
    if (!id || !*id)
        return unnamed(kind);
    struct wt_record r;
    /* Not logged as a view: the member named the record or just saved it.
     * Shaped by the policy already: initials and redacted text on the beamer. */
    int rc = app_get_unlogged(a, kind, id, &r);
    char *out = rc == 0 ? label_of(a, &r, false, false) : unnamed(kind);
    record_fini(&r);
    return out;
}

/* The record that the option id stands for, as label_of names it; NULL when
 * it is none the member may see. */
static char *option_part(struct app *a, const char *id)
{
    static const enum wt_kind kinds[] = {WT_RESOURCES, WT_TALENTS, WT_CASES, WT_PROJECTS};
    char *out = NULL;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0] && !out; i++) {
        struct wt_record r;
        if (app_get_unlogged(a, kinds[i], id, &r) == 0)
            out = label_of(a, &r, false, true);
        record_fini(&r);
    }
    return out;
}

char *app_option_label(struct app *a, const char *key)
{
    char id[WT_MAX_ID + 1];
    size_t n = strcspn(key, "+");
    snprintf(id, sizeof id, "%.*s", (int)(n < WT_MAX_ID ? n : WT_MAX_ID), key);
    char *name = option_part(a, id);
    if (!name)
        name = xstrdup(_("een optie"));
    if (!key[n])
        return name;
    char *via = option_part(a, key + n + 1);
    if (!via)
        via = xstrdup(_("een talent"));
    char *out = xasprintf(_("%s, met vervoer door %s"), name, via);
    free(via);
    free(name);
    return out;
}
