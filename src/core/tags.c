/* tags.c: ';'-separated tag lists and the shared vocabulary of FORMATS.md. */
#include "wijktafel/tags.h"

#include <stdlib.h>
#include <string.h>

#include "wijktafel/text.h"
#include "wijktafel/xalloc.h"

const char *const tags_needs_vocabulary[] = {
    "eenzaamheid", "mobiliteit", "vervoer", "tuin", "huishouden", "klussen", "taal",
    "schulden", "administratie", "opvoeding", "huiswerk", "dagbesteding", "werk",
    "gezondheid", "mantelzorg", "wonen", "veiligheid", "overlast", "leefbaarheid",
    "bewegen", "zingeving", "digitaal", "voeding", "alleenstaande-ouder", "jonge-kinderen",
    "nieuwkomer", NULL};

const char *const tags_interests_vocabulary[] = {
    "tuinieren", "koken", "eten", "wandelen", "fietsen", "muziek", "zingen", "handwerk",
    "klussen", "lezen", "sport", "dieren", "creatief", "techniek", "spelletjes", "gezelschap",
    "vrijwilligerswerk", "taal", NULL};

static void split(const char *s, struct taglist *out, bool fold)
{
    out->items = NULL;
    out->n = 0;
    if (!s)
        return;
    size_t cap = 0;
    const char *p = s;
    while (*p) {
        const char *semi = strchr(p, ';');
        size_t len = semi ? (size_t)(semi - p) : strlen(p);
        char *raw = xstrndup(p, len);
        char *item = text_trim(raw);
        free(raw);
        if (*item && fold) {
            char *f = text_fold_tag(item);
            free(item);
            item = f ? f : xstrdup("");
        }
        if (*item) {
            if (out->n == cap) {
                cap = cap ? cap * 2 : 4;
                out->items = xrealloc(out->items, cap * sizeof *out->items);
            }
            out->items[out->n++] = item;
        } else {
            free(item);
        }
        if (!semi)
            break;
        p = semi + 1;
    }
}

void tags_split(const char *s, struct taglist *out)
{
    split(s, out, false);
}

void tags_split_folded(const char *s, struct taglist *out)
{
    split(s, out, true);
}

bool tags_has(const struct taglist *l, const char *folded_tag)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i], folded_tag) == 0)
            return true;
    return false;
}

void tags_fini(struct taglist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = 0;
}
