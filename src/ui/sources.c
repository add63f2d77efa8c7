/* sources.c: a signal's source on the screen: the usual words, and the partners of the area network by name (issue 21). */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/text.h"

/* FORMATS.md's examples of signals.source, and where signals usually come from. */
static const char *const source_words[] = {"bewoner",  "vrijwilliger", "wijkagent",
                                           "woningcorporatie", "buurthuis", "inloop",
                                           "wijkscan", "huisarts", "school", NULL};

void ui_sources_load(struct ui *u, struct ui_sources *s)
{
    memset(s, 0, sizeof *s);
    struct wt_error err = {0};
    if (rows_load(&s->partners, u->a, WT_PARTNERS, &err) != 0)
        ui_error(u, &err); /* the words still work */
    size_t nw = sizeof source_words / sizeof *source_words - 1, np = s->partners.n;
    s->choices = xcalloc(nw + np + 1, sizeof *s->choices);
    s->ids = xcalloc(np + 1, sizeof *s->ids);
    s->names = xcalloc(np + 1, sizeof *s->names);
    for (size_t i = 0; i < nw; i++)
        s->choices[i] = source_words[i];
    for (size_t i = 0; i < np; i++) {
        s->ids[i] = s->partners.r[i].v[PARTNER_ID];
        s->names[i] = record_get(&s->partners.r[i], PARTNER_NAME);
        s->choices[nw + i] = s->names[i];
    }
}

void ui_sources_fini(struct ui_sources *s)
{
    free(s->choices);
    free(s->ids);
    free(s->names);
    rows_free(&s->partners);
    memset(s, 0, sizeof *s);
}

const char *ui_source_shown(const struct ui_sources *s, const char *stored)
{
    if (!stored)
        return "";
    for (size_t i = 0; i < s->partners.n; i++)
        if (strcmp(s->ids[i], stored) == 0)
            return s->names[i];
    return stored;
}

int ui_source_stored(const struct ui_sources *s, const char *label, const char *typed,
                     const char **out, struct wt_error *err)
{
    *out = typed;
    if (!typed || !*typed)
        return 0;
    char *t = text_fold(typed);
    bool word = false;
    for (size_t i = 0; source_words[i] && !word; i++) {
        char *w = text_fold(source_words[i]);
        word = strcmp(t, w) == 0;
        free(w);
    }
    free(t);
    if (word)
        return 0; /* the usual words stay words, also where a partner's name has them */
    int k = text_pick(typed, s->ids, s->names, s->partners.n);
    if (k == -2)
        return wt_error_set(err, WT_EINVAL,
                            _("%s: '%s' past bij meer partners; typ meer of kies met F6"), label,
                            typed);
    if (k >= 0)
        *out = s->ids[k];
    return 0; /* free text, as FORMATS.md allows */
}
