/* words.c: the interface language and the table of words for stored codes (FORMATS.md values). */
#include "wijktafel/words.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static enum wt_lang current = WT_LANG_NL;

void words_set_lang(enum wt_lang lang)
{
    current = lang == WT_LANG_EN ? WT_LANG_EN : WT_LANG_NL;
}

enum wt_lang words_lang(void)
{
    return current;
}

struct word {
    const char *code, *nl, *en;
};

struct domain {
    const char *name;
    const struct word *words; /* ends with a NULL code */
    const char *const *codes;
};

#define W(c, n, e) {(c), (n), (e)}
#define END {NULL, NULL, NULL}

static const struct word roles[] = {
    W("leader", "leider", "leader"), W("professional", "professional", "professional"),
    W("volunteer", "vrijwilliger", "volunteer"), END};
static const struct word case_status[] = {
    W("new", "nieuw", "new"), W("open", "open", "open"), W("closed", "gesloten", "closed"), END};
static const struct word signal_status[] = {
    W("new", "nieuw", "new"), W("discussed", "besproken", "discussed"),
    W("taken-up", "opgepakt", "taken up"), W("closed", "gesloten", "closed"), END};
static const struct word action_status[] = {
    W("open", "open", "open"), W("done", "klaar", "done"), W("dropped", "vervallen", "dropped"),
    END};
static const struct word resource_kinds[] = {
    W("initiative", "initiatief", "initiative"), W("activity", "activiteit", "activity"),
    W("organisation", "organisatie", "organisation"), W("desk", "loket", "help desk"),
    W("buddy", "maatje", "buddy"), W("formal", "formele zorg", "formal care"), END};
static const struct word capacities[] = {
    W("open", "plek vrij", "places free"), W("full", "vol", "full"),
    W("paused", "gepauzeerd", "paused"), END};
static const struct word access[] = {
    W("rolstoel", "rolstoel", "wheelchair"), W("vervoer", "vervoer", "transport"), END};
static const struct word outcomes[] = {
    W("worked", "gewerkt", "worked"), W("failed", "niet gewerkt", "did not work"),
    W("dropped", "afgehaakt", "dropped out"), END};
static const struct word channels[] = {
    W("zelf", "zelf", "themselves"), W("netwerk", "eigen netwerk", "own network"),
    W("buurthuis", "buurthuis", "community centre"), W("inloop", "inloop", "walk-in"),
    W("stip", "Stip", "Stip"), W("huisarts", "huisarts", "GP"),
    W("fysiotherapeut", "fysiotherapeut", "physiotherapist"),
    W("wijkverpleging", "wijkverpleging", "district nursing"),
    W("wijkagent", "wijkagent", "community police officer"),
    W("woningcorporatie", "woningcorporatie", "housing corporation"),
    W("school", "school", "school"), W("vrijwilliger", "vrijwilliger", "volunteer"),
    W("ronde", "ronde door de wijk", "door-to-door round"), W("partner", "partner", "partner"),
    W("anders", "anders", "other"), END};
static const struct word yesno[] = {W("yes", "ja", "yes"), W("no", "nee", "no"), END};
static const struct word measure[] = {
    W("lichaam", "lichaam", "body"), W("mentaal", "mentaal", "mind"),
    W("zingeving", "zingeving", "meaning"), W("kwaliteit", "kwaliteit", "quality of life"),
    W("meedoen", "meedoen", "taking part"), W("dagelijks", "dagelijks", "daily life"), END};

static const struct word phases[] = {
    W("idee", "idee", "idea"), W("opstart", "opstart", "starting"),
    W("loopt", "loopt", "running"), W("overdragen", "overdragen", "handing over"),
    W("zelfstandig", "zelfstandig", "on its own"), W("gestopt", "gestopt", "stopped"), END};
static const struct word reaches[] = {
    W("buurt", "buurt", "neighbourhood"), W("kern", "kern", "village or district"),
    W("gemeente", "gemeente", "municipality"), W("regio", "regio", "region"),
    W("online", "online", "online"), END};
static const struct word partner_roles[] = {
    W("gebiedsregisseur", "gebiedsregisseur", "area coordinator"),
    W("wijkagent", "wijkagent", "community police officer"),
    W("woningcorporatie", "woningcorporatie", "housing corporation"),
    W("huisarts", "huisarts", "GP"), W("fysiotherapeut", "fysiotherapeut", "physiotherapist"),
    W("kerk", "kerk", "church"), W("moskee", "moskee", "mosque"), W("school", "school", "school"),
    W("bibliotheek", "bibliotheek", "library"), W("welzijn", "welzijn", "welfare organisation"),
    W("gemeente", "gemeente", "municipality"), W("anders", "anders", "other"), END};

#define CODES(name, ...) static const char *const name[] = {__VA_ARGS__, NULL}
CODES(roles_c, "leader", "professional", "volunteer");
CODES(case_status_c, "new", "open", "closed");
CODES(signal_status_c, "new", "discussed", "taken-up", "closed");
CODES(action_status_c, "open", "done", "dropped");
CODES(resource_kinds_c, "initiative", "activity", "organisation", "desk", "buddy", "formal");
CODES(capacities_c, "open", "full", "paused");
CODES(access_c, "rolstoel", "vervoer");
CODES(outcomes_c, "worked", "failed", "dropped");
CODES(channels_c, "zelf", "netwerk", "buurthuis", "inloop", "stip", "huisarts", "fysiotherapeut",
      "wijkverpleging", "wijkagent", "woningcorporatie", "school", "vrijwilliger", "ronde",
      "partner", "anders");
CODES(yesno_c, "yes", "no");
CODES(measure_c, "lichaam", "mentaal", "zingeving", "kwaliteit", "meedoen", "dagelijks");
CODES(reaches_c, "buurt", "kern", "gemeente", "regio", "online");
CODES(phases_c, "idee", "opstart", "loopt", "overdragen", "zelfstandig", "gestopt");
CODES(partner_roles_c, "gebiedsregisseur", "wijkagent", "woningcorporatie", "huisarts",
      "fysiotherapeut", "kerk", "moskee", "school", "bibliotheek", "welzijn", "gemeente", "anders");

static const struct domain domains[] = {
    {"members.role", roles, roles_c},
    {"cases.status", case_status, case_status_c},
    {"signals.status", signal_status, signal_status_c},
    {"actions.status", action_status, action_status_c},
    {"resources.kind", resource_kinds, resource_kinds_c},
    {"resources.capacity", capacities, capacities_c},
    {"resources.access", access, access_c},
    {"cases.channel", channels, channels_c},
    {"outcome", outcomes, outcomes_c},
    {"yesno", yesno, yesno_c},
    {"measure", measure, measure_c},
    {"resources.reach", reaches, reaches_c},
    {"projects.phase", phases, phases_c},
    {"partners.role", partner_roles, partner_roles_c},
};

static const struct domain *domain_of(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < sizeof domains / sizeof domains[0]; i++)
        if (strcmp(domains[i].name, name) == 0)
            return &domains[i];
    return NULL;
}

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

const char *words_of(const char *domain, const char *code)
{
    if (!code)
        return "";
    const struct domain *d = domain_of(domain);
    if (!d)
        return code;
    for (const struct word *w = d->words; w->code; w++)
        if (strcmp(w->code, code) == 0)
            return current == WT_LANG_EN ? w->en : w->nl;
    if (d->words == capacities && all_digits(code)) {
        /* A number of free places: one static buffer per language is enough
         * for the callers, which copy or draw it at once. */
        static char buf[32];
        snprintf(buf, sizeof buf, current == WT_LANG_EN ? "%s free" : "%s vrij", code);
        return buf;
    }
    return code;
}

const char *words_code(const char *domain, const char *word)
{
    const struct domain *d = domain_of(domain);
    if (!d || !word)
        return NULL;
    for (const struct word *w = d->words; w->code; w++)
        if (strcasecmp(w->code, word) == 0 || strcasecmp(w->nl, word) == 0 ||
            strcasecmp(w->en, word) == 0)
            return w->code;
    return NULL;
}

const char *const *words_codes(const char *domain)
{
    const struct domain *d = domain_of(domain);
    return d ? d->codes : NULL;
}

/* Appends s to out[*len..n), cutting at a UTF-8 character boundary; false
 * when it was cut. */
static bool put(char *out, size_t n, size_t *len, const char *s, size_t sl)
{
    bool whole = *len + sl < n;
    if (!whole) {
        sl = n - 1 - *len;
        while (sl > 0 && ((unsigned char)s[sl] & 0xC0) == 0x80)
            sl--;
    }
    memcpy(out + *len, s, sl);
    *len += sl;
    out[*len] = '\0';
    return whole;
}

char *words_chosen(const char *chosen, char *out, size_t n)
{
    size_t len = 0;
    if (!n)
        return out;
    out[0] = '\0';
    const char *p = chosen ? chosen : "";
    bool first = true;
    while (*p) {
        size_t l = strcspn(p, ";");
        char item[256];
        snprintf(item, sizeof item, "%.*s", (int)l, p);
        char *colon = strchr(item, ':');
        if (colon)
            *colon++ = '\0';
        char shown[320];
        size_t o = 0;
        for (const char *c = item; *c && o + 4 < sizeof shown; c++) {
            if (*c == '+') {
                memcpy(shown + o, " + ", 3);
                o += 3;
            } else {
                shown[o++] = *c;
            }
        }
        shown[o] = '\0';
        if (*item) {
            char whole[400];
            if (colon)
                snprintf(whole, sizeof whole, "%s (%s)", shown, words_of("outcome", colon));
            else
                snprintf(whole, sizeof whole, "%s", shown);
            if ((!first && !put(out, n, &len, ", ", 2)) || !put(out, n, &len, whole, strlen(whole)))
                break;
            first = false;
        }
        p += l + (p[l] ? 1 : 0);
    }
    return out;
}

char *words_list(const char *domain, const char *list, char *out, size_t n)
{
    size_t len = 0;
    if (!n)
        return out;
    out[0] = '\0';
    const char *p = list ? list : "";
    bool first = true;
    while (*p) {
        const char *e = strchr(p, ';');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        while (l && *p == ' ')
            p++, l--;
        while (l && p[l - 1] == ' ')
            l--;
        if (l) {
            char item[256];
            snprintf(item, sizeof item, "%.*s", (int)l, p);
            const char *w = words_of(domain, item);
            if ((!first && !put(out, n, &len, ", ", 2)) || !put(out, n, &len, w, strlen(w)))
                break;
            first = false;
        }
        if (!e)
            break;
        p = e + 1;
    }
    return out;
}
