/* record.c: the columns of the eight record kinds (FORMATS.md) and record lifecycle. */
#include "wijktafel/record.h"
#include "wijktafel/i18n.h"

#include <stdlib.h>
#include <string.h>

#include "wijktafel/xalloc.h"

static const char *const roles[] = {"leader", "professional", "volunteer", NULL};
static const char *const case_status[] = {"new", "open", "closed", NULL};
/* FORMATS.md leaves signal statuses open; the meeting screen marks a signal
 * discussed, taken up or closed (issue 3). */
/* How a request came in (FORMATS.md, cases.channel). */
static const char *const case_channels[] = {
    "zelf", "netwerk", "buurthuis", "inloop", "stip", "huisarts", "fysiotherapeut",
    "wijkverpleging", "wijkagent", "woningcorporatie", "school", "vrijwilliger", "ronde",
    "partner", "anders", NULL};
static const char *const signal_status[] = {"new", "discussed", "taken-up", "closed", NULL};
static const char *const resource_kinds[] = {"initiative", "activity", "organisation", "desk",
                                             "buddy", "formal", NULL};
static const char *const access_values[] = {"rolstoel", "vervoer", NULL};
static const char *const capacities[] = {"open", "full", "paused", NULL};
static const char *const reaches[] = {"buurt", "kern", "gemeente", "regio", "online", NULL};
static const char *const action_status[] = {"open", "done", "dropped", NULL};
/* FORMATS.md, projects.phase and partners.role (issue 21). */
static const char *const project_phases[] = {"idee",        "opstart", "loopt", "overdragen",
                                             "zelfstandig", "gestopt", NULL};
static const char *const partner_roles[] = {
    "gebiedsregisseur", "wijkagent", "woningcorporatie", "huisarts", "fysiotherapeut", "kerk",
    "moskee", "school", "bibliotheek", "welzijn", "gemeente", "anders", NULL};

#define F(n, t, req) {.name = (n), .type = (t), .required = (req)}
#define FE(n, vals, d) {.name = (n), .type = FT_ENUM, .values = (vals), .dflt = (d), .index = FIDX_VALUE}
#define FR(n, k) {.name = (n), .type = FT_REF, .ref = (k), .index = FIDX_VALUE}
#define FA(n, req) {.name = (n), .type = FT_AREA, .required = (req), .index = FIDX_VALUE}
#define FD(n, req) {.name = (n), .type = FT_DATE, .required = (req), .index = FIDX_VALUE}
#define FT(n) {.name = (n), .type = FT_TAGS, .index = FIDX_TAGS}

static const struct wt_field_def member_fields[] = {
    F("id", FT_ID, true),
    F("name", FT_TEXT, true),
    {.name = "role", .type = FT_ENUM, .required = true, .values = roles, .index = FIDX_VALUE},
    F("discipline", FT_TEXT, false),
    FA("area", false),
    F("hours", FT_HOURS, false),
};

static const struct wt_field_def case_fields[] = {
    F("id", FT_ID, true),
    FD("opened", true),
    FA("area", true),
    {.name = "resident", .type = FT_TEXT, .required = true, .personal = true},
    F("request", FT_TEXT, true),
    F("age", FT_UINT, false),
    FR("owner", WT_MEMBERS),
    FE("status", case_status, "open"),
    FT("needs"),
    /* Strengths are matched in memory by the options engine; no index. */
    {.name = "strengths", .type = FT_TAGS},
    F("network", FT_TEXT, false),
    F("formal", FT_TEXT, false),
    {.name = "restricted", .type = FT_YESNO, .dflt = "no"},
    F("chosen", FT_CHOSEN, false),
    {.name = "channel", .type = FT_ENUM, .values = case_channels},
    /* The day the case was closed: retention (purge) counts from it. */
    F("closed", FT_DATE, false),
};

static const struct wt_field_def signal_fields[] = {
    F("id", FT_ID, true),
    FD("date", true),
    FA("area", true),
    F("text", FT_TEXT, true),
    F("source", FT_TEXT, false),
    FT("themes"),
    FR("case", WT_CASES),
    FE("status", signal_status, "new"),
    FR("reporter", WT_MEMBERS),
};

static const struct wt_field_def resource_fields[] = {
    F("id", FT_ID, true),
    F("name", FT_TEXT, true),
    {.name = "kind", .type = FT_ENUM, .required = true, .values = resource_kinds,
     .index = FIDX_VALUE},
    FA("area", true),
    FT("needs"),
    FT("interests"),
    F("ages", FT_AGES, false),
    {.name = "access", .type = FT_SET, .values = access_values},
    F("schedule", FT_TEXT, false),
    F("contact", FT_TEXT, false),
    F("description", FT_TEXT, false),
    FD("checked", false),
    /* open, full, paused, or a number of free places (0 behaves as full). */
    {.name = "capacity", .type = FT_ENUM, .values = capacities, .dflt = "open",
     .index = FIDX_VALUE, .count = true},
    FE("reach", reaches, "gemeente"),
};

static const struct wt_field_def talent_fields[] = {
    F("id", FT_ID, true),
    {.name = "name", .type = FT_TEXT, .required = true, .personal = true},
    FA("area", true),
    FT("offers"),
    FT("interests"),
    F("available", FT_TEXT, false),
    FD("consent", false),
};

static const struct wt_field_def action_fields[] = {
    F("id", FT_ID, true),
    F("text", FT_TEXT, true),
    FD("meeting", false),
    FR("owner", WT_MEMBERS),
    FD("due", false),
    FE("status", action_status, "open"),
    FR("case", WT_CASES),
};

/* A collective piece of work the team supports (issue 21). The id lists
 * are checked against the database in app; they carry no index. */
static const struct wt_field_def project_fields[] = {
    F("id", FT_ID, true),
    F("name", FT_TEXT, true),
    FA("area", true),
    {.name = "phase", .type = FT_ENUM, .required = true, .values = project_phases,
     .index = FIDX_VALUE},
    FT("themes"),
    {.name = "members", .type = FT_REFS, .ref = WT_MEMBERS},
    {.name = "residents", .type = FT_REFS, .ref = WT_TALENTS},
    {.name = "signals", .type = FT_REFS, .ref = WT_SIGNALS},
    {.name = "cases", .type = FT_REFS, .ref = WT_CASES},
    F("funding", FT_TEXT, false),
    F("amount", FT_MONEY, false),
    F("next", FT_TEXT, false),
    FD("next_date", false),
    FD("started", false),
    FD("stepped_back", false),
    F("description", FT_TEXT, false),
};

/* A person or organisation in the area network (issue 21). */
static const struct wt_field_def partner_fields[] = {
    F("id", FT_ID, true),
    F("name", FT_TEXT, true),
    {.name = "role", .type = FT_ENUM, .required = true, .values = partner_roles,
     .index = FIDX_VALUE},
    FA("area", true),
    F("organisation", FT_TEXT, false),
    F("contact", FT_TEXT, false),
    FD("last_contact", false),
    F("notes", FT_TEXT, false),
};

#define KIND(n, f) {(n), (int)(sizeof(f) / sizeof((f)[0])), (f)}
static const struct wt_kind_def kinds[WT_KIND_COUNT] = {
    KIND("members", member_fields),     KIND("cases", case_fields),
    KIND("signals", signal_fields),     KIND("resources", resource_fields),
    KIND("talents", talent_fields),     KIND("actions", action_fields),
    KIND("projects", project_fields),   KIND("partners", partner_fields),
};

const struct wt_kind_def *record_kind(enum wt_kind kind)
{
    return &kinds[kind];
}

int record_kind_by_name(const char *name, enum wt_kind *out)
{
    for (int k = 0; k < WT_KIND_COUNT; k++)
        if (strcmp(kinds[k].name, name) == 0) {
            *out = (enum wt_kind)k;
            return 0;
        }
    return WT_EINVAL;
}

const char *record_kind_noun(enum wt_kind kind)
{
    static const char *const nouns[WT_KIND_COUNT] = {
        N_("lid"), N_("casus"), N_("signaal"), N_("kaartitem"), N_("talent"), N_("actiepunt"),
        N_("project"), N_("partner")};
    return (unsigned)kind < WT_KIND_COUNT ? _(nouns[kind]) : "";
}

int record_field_index(enum wt_kind kind, const char *name)
{
    const struct wt_kind_def *d = &kinds[kind];
    for (int i = 0; i < d->nfields; i++)
        if (strcmp(d->fields[i].name, name) == 0)
            return i;
    return -1;
}

void record_init(struct wt_record *r, enum wt_kind kind)
{
    memset(r, 0, sizeof *r);
    r->kind = kind;
}

void record_fini(struct wt_record *r)
{
    for (int i = 0; i < WT_MAX_FIELDS; i++) {
        free(r->v[i]);
        r->v[i] = NULL;
    }
}

void record_copy(struct wt_record *dst, const struct wt_record *src)
{
    dst->kind = src->kind;
    dst->damaged = src->damaged;
    for (int i = 0; i < WT_MAX_FIELDS; i++)
        dst->v[i] = src->v[i] ? xstrdup(src->v[i]) : NULL;
}

void record_set(struct wt_record *r, int f, const char *value)
{
    free(r->v[f]);
    r->v[f] = value && *value ? xstrdup(value) : NULL;
}

const char *record_get(const struct wt_record *r, int f)
{
    return r->v[f] ? r->v[f] : "";
}

bool record_equal(const struct wt_record *a, const struct wt_record *b)
{
    if (a->kind != b->kind)
        return false;
    for (int i = 0; i < WT_MAX_FIELDS; i++)
        if (strcmp(record_get(a, i), record_get(b, i)) != 0)
            return false;
    return true;
}
