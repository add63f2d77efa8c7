/* records.c: the entry forms of actions, signals, map entries, talents and cases. */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"

/* A field of a form: label, column, kind of input, completion. */
struct spec {
    const char *label;
    int col;
    enum form_kind kind;
    const char *const *choices; /* NULL: from the column's values, or none */
};

#define MEMBERS ((const char *const *)1) /* a person: shows and completes names, takes a name or an id */
#define CASES ((const char *const *)2)   /* a case: completes on id, resident and request */
/* A list of people (stored as ids, ";"-separated): shown and typed as names. */
#define MEMBER_LIST ((const char *const *)3) /* team members */
#define TALENT_LIST ((const char *const *)4) /* residents with a talent */
/* A signal's source: the usual words or a partner, shown and typed by name, stored as its id. */
#define SOURCES ((const char *const *)5)

static const struct spec action_spec[] = {
    {N_("Wat"), ACTION_TEXT, FORM_LONG, NULL},
    {N_("Wie"), ACTION_OWNER, FORM_ID, MEMBERS},
    {N_("Uiterlijk"), ACTION_DUE, FORM_DATE, NULL},
    {N_("Casus"), ACTION_CASE, FORM_ID, CASES},
    {NULL, 0, 0, NULL}};

static const struct spec signal_spec[] = {
    {N_("Wat is er gezien"), SIGNAL_TEXT, FORM_LONG, NULL},
    {N_("Datum"), SIGNAL_DATE, FORM_DATE, NULL},
    {N_("Wijk"), SIGNAL_AREA, FORM_AREA, NULL},
    {N_("Bron"), SIGNAL_SOURCE, FORM_CHOICE, SOURCES},
    {N_("Thema's"), SIGNAL_THEMES, FORM_TAGS, tags_needs_vocabulary},
    {N_("Casus"), SIGNAL_CASE, FORM_ID, CASES},
    {NULL, 0, 0, NULL}};

static const struct spec resource_spec[] = {
    {N_("Naam"), RESOURCE_NAME, FORM_TEXT, NULL},
    {N_("Soort"), RESOURCE_KIND, FORM_CHOICE, NULL},
    {N_("Wijk"), RESOURCE_AREA, FORM_AREA, NULL},
    {N_("Helpt bij"), RESOURCE_NEEDS, FORM_TAGS, tags_needs_vocabulary},
    {N_("Interesses"), RESOURCE_INTERESTS, FORM_TAGS, tags_interests_vocabulary},
    {N_("Leeftijd"), RESOURCE_AGES, FORM_TEXT, NULL},
    {N_("Toegang"), RESOURCE_ACCESS, FORM_TAGS, NULL},
    {N_("Wanneer"), RESOURCE_SCHEDULE, FORM_TEXT, NULL},
    {N_("Contact"), RESOURCE_CONTACT, FORM_TEXT, NULL},
    {N_("Beschrijving"), RESOURCE_DESCRIPTION, FORM_LONG, NULL},
    {N_("Gecontroleerd"), RESOURCE_CHECKED, FORM_DATE, NULL},
    {N_("Plek"), RESOURCE_CAPACITY, FORM_CHOICE, NULL},
    {NULL, 0, 0, NULL}};

static const struct spec talent_spec[] = {
    {N_("Naam"), TALENT_NAME, FORM_TEXT, NULL},
    {N_("Wijk"), TALENT_AREA, FORM_AREA, NULL},
    {N_("Kan helpen bij"), TALENT_OFFERS, FORM_TAGS, tags_needs_vocabulary},
    {N_("Interesses"), TALENT_INTERESTS, FORM_TAGS, tags_interests_vocabulary},
    {N_("Wanneer"), TALENT_AVAILABLE, FORM_TEXT, NULL},
    {N_("Toestemming"), TALENT_CONSENT, FORM_DATE, NULL},
    {NULL, 0, 0, NULL}};

static const char *const yes_no[] = {"nee", "ja", NULL};

/* A care request (FORMATS.md: the new-request form's fields in this order);
 * editing a case shows the same fields with its status and formal care. */
#define CASE_REQUEST_FIELDS                                                                 \
    {N_("Vraag"), CASE_REQUEST, FORM_LONG, NULL},                                           \
    {N_("Bewoner"), CASE_RESIDENT, FORM_TEXT, NULL},                                        \
    {N_("Wijk"), CASE_AREA, FORM_AREA, NULL},                                               \
    {N_("Leeftijd"), CASE_AGE, FORM_TEXT, NULL},                                            \
    {N_("Behoeften"), CASE_NEEDS, FORM_TAGS, tags_needs_vocabulary},                        \
    {N_("Kan en wil"), CASE_STRENGTHS, FORM_TAGS, tags_interests_vocabulary},               \
    {N_("Eigen netwerk"), CASE_NETWORK, FORM_LONG, NULL},                                   \
    {N_("Binnengekomen via"), CASE_CHANNEL, FORM_CHOICE, NULL},                             \
    {N_("Eigenaar"), CASE_OWNER, FORM_ID, MEMBERS},                                         \
    {N_("Afgeschermd"), CASE_RESTRICTED, FORM_CHOICE, yes_no}

static const struct spec case_request_spec[] = {CASE_REQUEST_FIELDS, {NULL, 0, 0, NULL}};

/* Status first: what a meeting changes most. */
static const struct spec case_spec[] = {
    {N_("Status"), CASE_STATUS, FORM_CHOICE, NULL},
    CASE_REQUEST_FIELDS,
    {N_("Formele zorg"), CASE_FORMAL, FORM_LONG, NULL},
    {NULL, 0, 0, NULL}};

/* A new case from a door of a round: who it is comes first. */
static const struct spec case_new_spec[] = {
    {N_("Bewoner"), CASE_RESIDENT, FORM_TEXT, NULL},
    {N_("Wijk"), CASE_AREA, FORM_AREA, NULL},
    {N_("Hulpvraag"), CASE_REQUEST, FORM_LONG, NULL},
    {N_("Behoeften"), CASE_NEEDS, FORM_TAGS, tags_needs_vocabulary},
    {N_("Eigenaar"), CASE_OWNER, FORM_ID, MEMBERS},
    {N_("Geopend"), CASE_OPENED, FORM_DATE, NULL},
    {NULL, 0, 0, NULL}};

/* A project (issue 21): made from a theme with name, area and phase; the
 * rest filled in as it grows. */
static const struct spec project_spec[] = {
    {N_("Naam"), PROJECT_NAME, FORM_TEXT, NULL},
    {N_("Wijk"), PROJECT_AREA, FORM_AREA, NULL},
    {N_("Fase"), PROJECT_PHASE, FORM_CHOICE, NULL},
    {N_("Thema's"), PROJECT_THEMES, FORM_TAGS, tags_needs_vocabulary},
    {N_("Teamleden"), PROJECT_MEMBERS, FORM_TAGS, MEMBER_LIST},
    {N_("Bewoners met talent"), PROJECT_RESIDENTS, FORM_TAGS, TALENT_LIST},
    {N_("Volgende stap"), PROJECT_NEXT, FORM_TEXT, NULL},
    {N_("Wanneer"), PROJECT_NEXT_DATE, FORM_DATE, NULL},
    {N_("Geld van"), PROJECT_FUNDING, FORM_TEXT, NULL},
    {N_("Bedrag"), PROJECT_AMOUNT, FORM_TEXT, NULL},
    {N_("Beschrijving"), PROJECT_DESCRIPTION, FORM_LONG, NULL},
    {N_("Begonnen"), PROJECT_STARTED, FORM_DATE, NULL},
    {N_("Team trok zich terug"), PROJECT_STEPPED_BACK, FORM_DATE, NULL},
    {NULL, 0, 0, NULL}};

static const struct spec partner_spec[] = {
    {N_("Naam"), PARTNER_NAME, FORM_TEXT, NULL},
    {N_("Rol"), PARTNER_ROLE, FORM_CHOICE, NULL},
    {N_("Wijk"), PARTNER_AREA, FORM_AREA, NULL},
    {N_("Organisatie"), PARTNER_ORGANISATION, FORM_TEXT, NULL},
    {N_("Contact"), PARTNER_CONTACT, FORM_TEXT, NULL},
    {N_("Laatste contact"), PARTNER_LAST_CONTACT, FORM_DATE, NULL},
    {N_("Notities"), PARTNER_NOTES, FORM_LONG, NULL},
    {NULL, 0, 0, NULL}};

static const struct spec *spec_of(enum wt_kind kind)
{
    switch (kind) {
    case WT_ACTIONS: return action_spec;
    case WT_SIGNALS: return signal_spec;
    case WT_RESOURCES: return resource_spec;
    case WT_TALENTS: return talent_spec;
    case WT_CASES: return case_spec;
    case WT_PROJECTS: return project_spec;
    case WT_PARTNERS: return partner_spec;
    default: return NULL;
    }
}

struct save_ctx {
    struct wt_record *r;
    const struct spec *spec;
    bool is_new;
    const char *sub_id; /* a submission accepted as edited, or NULL */
    const char *round_id; /* made from door door_no of this round, or NULL */
    int door_no;
    enum round_finding what;
    const struct case_choices *cases; /* for case fields, set by edit_spec */
    const char *resubmit; /* one's own rejected submission sent again, or NULL */
    char made[WT_MAX_ID + 1]; /* the new record's id, or its submission's */
    const struct case_choices *talents; /* for talent lists: names and ids, set by edit_spec */
    const struct ui_sources *sources;   /* for a signal's source, set by edit_spec */
};

/* The cases the member may see, as "ID resident: request" labels for
 * completion, NULL-terminated; ids[i] is label i's id. */
struct case_choices {
    char **labels, **ids;
    size_t n;
};

static int add_case(void *ctx, const struct wt_record *r)
{
    struct case_choices *c = ctx;
    c->labels = xrealloc(c->labels, (c->n + 2) * sizeof *c->labels);
    c->ids = xrealloc(c->ids, (c->n + 2) * sizeof *c->ids);
    char *req = text_inert(record_get(r, CASE_REQUEST), false);
    int cut = 40; /* bytes of the request, at a character boundary */
    while ((size_t)cut < strlen(req) && cut > 0 && ((unsigned char)req[cut] & 0xC0) == 0x80)
        cut--;
    c->labels[c->n] = xasprintf("%s %s: %.*s%s", r->v[CASE_ID], record_get(r, CASE_RESIDENT), cut,
                                req, strlen(req) > (size_t)cut ? "\u2026" : "");
    c->ids[c->n++] = xstrdup(r->v[CASE_ID]);
    c->labels[c->n] = c->ids[c->n] = NULL;
    free(req);
    return 0;
}

/* A talent as a choice: its name as it may be shown, and its id. */
static int add_talent(void *ctx, const struct wt_record *r)
{
    struct case_choices *c = ctx;
    c->labels = xrealloc(c->labels, (c->n + 2) * sizeof *c->labels);
    c->ids = xrealloc(c->ids, (c->n + 2) * sizeof *c->ids);
    c->labels[c->n] = xstrdup(record_get(r, TALENT_NAME));
    c->ids[c->n++] = xstrdup(r->v[TALENT_ID]);
    c->labels[c->n] = c->ids[c->n] = NULL;
    return 0;
}

static void case_choices_free(struct case_choices *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->labels[i]);
        free(c->ids[i]);
    }
    free(c->labels);
    free(c->ids);
    *c = (struct case_choices){0};
}

/* The case id that a case field's text names: an id (alone or at the start
 * of a completed label), or the one case whose label has the typed words; NULL
 * for an empty field. Else -1 with err. */
static int case_of(const struct case_choices *cc, const struct form_field *f, const char **id,
                   struct wt_error *err)
{
    *id = NULL;
    if (!f->value || !*f->value)
        return 0;
    size_t tl = strcspn(f->value, " ");
    for (size_t i = 0; i < cc->n; i++)
        if (strlen(cc->ids[i]) == tl && strncmp(cc->ids[i], f->value, tl) == 0) {
            *id = cc->ids[i];
            return 0;
        }
    int k = text_pick(f->value, NULL, (const char *const *)cc->labels, cc->n);
    if (k >= 0) {
        *id = cc->ids[k];
        return 0;
    }
    *id = f->value; /* not a case of the list: the app says what is wrong */
    if (k == -2)
        return wt_error_set(err, WT_EINVAL, _("%s: '%s' past bij meer casussen; typ meer of kies met Tab"),
                            _(f->label), f->value);
    return 0;
}

int ui_member_of(struct ui *u, const char *label, const char *typed, const char **id,
                 struct wt_error *err)
{
    *id = NULL;
    if (!typed || !*typed)
        return 0;
    int k = text_pick(typed, ui_member_ids(u), ui_member_names(u), ui_member_count(u));
    if (k == -2)
        return wt_error_set(err, WT_EINVAL, _("%s: '%s' past bij meer leden; typ meer van de naam"),
                            label, typed);
    if (k < 0)
        return wt_error_set(err, WT_EINVAL, _("%s: '%s' is geen lid van het team"), label, typed);
    *id = ui_member_ids(u)[k];
    return 0;
}

/* A stored list of ids (";"-separated) as names ("Wim van Leeuwen; Anouk
 * Dekker"); an id with no name stays as it is. Caller frees. */
static char *people_names(const char *stored, const char *const *ids, const char *const *names,
                          size_t n)
{
    struct taglist l;
    tags_split(stored, &l);
    struct buf b = {0};
    buf_puts(&b, "");
    for (size_t i = 0; i < l.n; i++) {
        const char *shown = l.items[i];
        for (size_t k = 0; k < n; k++)
            if (strcmp(ids[k], l.items[i]) == 0)
                shown = names[k];
        buf_printf(&b, "%s%s", i ? "; " : "", shown);
    }
    tags_fini(&l);
    return buf_steal(&b);
}

/* The names (or ids) typed in a people field as the stored id list in *out;
 * a name that fits no one or several is refused naming the field. */
static int people_ids(const char *label, const char *typed, const char *const *ids,
                      const char *const *names, size_t n, char **out, struct wt_error *err)
{
    struct taglist l;
    tags_split(typed, &l);
    struct buf b = {0};
    buf_puts(&b, "");
    int rc = 0;
    for (size_t i = 0; i < l.n && rc == 0; i++) {
        int k = text_pick(l.items[i], ids, names, n);
        if (k == -2)
            rc = wt_error_set(err, WT_EINVAL, _("%s: '%s' past bij meer mensen; typ meer van de naam"),
                              label, l.items[i]);
        else if (k < 0)
            rc = wt_error_set(err, WT_EINVAL, _("%s: '%s' staat niet in de lijst (F6 toont hem)"),
                              label, l.items[i]);
        else
            buf_printf(&b, "%s%s", i ? ";" : "", ids[k]);
    }
    tags_fini(&l);
    if (rc) {
        buf_fini(&b);
        return rc;
    }
    *out = buf_steal(&b);
    return 0;
}

/* The stored code of a yes/no field ("ja" or "nee", or the code itself). */
static const char *yes_code(const char *v)
{
    if (!v || !*v)
        return v;
    if (strcmp(v, _("ja")) == 0 || strcmp(v, "ja") == 0)
        return "yes";
    if (strcmp(v, _("nee")) == 0 || strcmp(v, "nee") == 0)
        return "no";
    return v;
}

/* A message about a column of the record names the field as the form shows
 * it ("Beschrijving: te lang ..."), not the column (FORMATS.md's name). */
static void name_field(const struct spec *spec, enum wt_kind kind, struct wt_error *err)
{
    if (!err || !err->field[0])
        return;
    const struct wt_kind_def *kd = record_kind(kind);
    for (; spec->label; spec++)
        if (strcmp(kd->fields[spec->col].name, err->field) == 0) {
            char what[sizeof err->text];
            snprintf(what, sizeof what, "%s", err->text + err->what);
            wt_error_reset(err, err->code, "%s: %s", _(spec->label), what);
            return;
        }
}

static int save_record(struct ui *u, struct form_field *f, int n, void *ctx,
                       struct wt_error *err)
{
    struct save_ctx *c = ctx;
    struct wt_record r;
    record_copy(&r, c->r);
    for (int i = 0; i < n; i++) {
        const char *before = record_get(c->r, f[i].col);
        const char *const *people = c->spec[i].choices;
        if (people == MEMBER_LIST || people == TALENT_LIST) {
            bool team = people == MEMBER_LIST;
            char *ids = NULL;
            int rc = people_ids(_(f[i].label), f[i].value,
                                team ? ui_member_ids(u) : (const char *const *)c->talents->ids,
                                team ? ui_member_names(u) : (const char *const *)c->talents->labels,
                                team ? ui_member_count(u) : c->talents->n, &ids, err);
            if (rc != 0) {
                record_fini(&r);
                return rc;
            }
            record_set(&r, f[i].col, *ids ? ids : NULL);
            free(ids);
            continue;
        }
        int rc = f[i].kind == FORM_AREA ? ui_pick_area(u, _(f[i].label), &f[i].value, before, err)
                 : f[i].kind == FORM_TAGS
                     ? ui_pick_tags(u, _(f[i].label), &f[i].value, before, f[i].choices, err)
                     : 0;
        if (rc != 0) {
            record_fini(&r);
            return rc;
        }
        const char *v = f[i].value, *id;
        if (c->spec[i].choices == yes_no)
            v = yes_code(v);
        if (c->spec[i].choices == CASES) {
            if (case_of(c->cases, &f[i], &id, err) != 0) {
                record_fini(&r);
                return err ? err->code : WT_EINVAL;
            }
            v = id;
        } else if (c->spec[i].choices == SOURCES) {
            if (ui_source_stored(c->sources, _(f[i].label), f[i].value, &v, err) != 0) {
                record_fini(&r);
                return err ? err->code : WT_EINVAL;
            }
        } else if (c->spec[i].choices == MEMBERS) {
            if (ui_member_of(u, _(f[i].label), f[i].value, &id, err) != 0) {
                record_fini(&r);
                return err ? err->code : WT_EINVAL;
            }
            v = id;
        }
        record_set(&r, f[i].col, v);
    }
    /* What is required, in the form's order: the first empty field named. */
    for (int i = 0; i < n; i++)
        if (record_kind(r.kind)->fields[f[i].col].required && !r.v[f[i].col]) {
            record_fini(&r);
            return wt_error_set(err, WT_EINVAL, "%s: %s", _(f[i].label), _("moet ingevuld zijn"));
        }
    int rc = c->sub_id     ? app_review_accept(u->a, c->sub_id, &r, err)
             : c->resubmit ? app_review_resubmit(u->a, c->resubmit, &r, err)
             : c->round_id ? app_door_make(u->a, c->round_id, c->door_no, c->what, &r, err)
             : c->is_new   ? meeting_add_made(u->a, &r, c->made, err)
                           : meeting_update(u->a, &r, err);
    if (rc)
        name_field(c->spec, r.kind, err);
    if (rc == 0 && (c->resubmit || c->sub_id)) {
        ui_changed(u);
        char *name = app_record_label(u->a, &r);
        ui_message(u, false,
                   c->resubmit ? _("Opnieuw ingestuurd: %s") : _("Aangepast en geaccepteerd: %s"),
                   name);
        free(name);
    } else if (rc == 0) {
        record_fini(c->r);
        record_copy(c->r, &r);
        ui_changed(u);
        bool queued = ui_queued(u, r.kind);
        if (!queued) {
            char *name = app_record_name(u->a, r.kind, r.v[0]);
            ui_message(u, false, c->is_new ? _("Bewaard als %s") : _("%s is bijgewerkt"), name);
            free(name);
        }
        if (!queued && c->is_new && !c->round_id) /* a door's finding: the doors keep it */
            ui_show_new(u, r.kind, r.v[0]);
    }
    record_fini(&r);
    return rc;
}

/* Runs the form of r's kind over r; true when saved (r then holds it).
 * With sub_id, saving accepts that submission as edited. */
static bool edit_spec(struct ui *u, struct wt_record *r, const struct spec *spec,
                      const char *title, struct save_ctx *c);

static bool edit(struct ui *u, struct wt_record *r, bool is_new, const char *title,
                 const char *sub_id)
{
    struct save_ctx c = {r, spec_of(r->kind), is_new, sub_id, NULL, 0, FINDING_SIGNAL, NULL,
                         NULL, "", NULL, NULL};
    return edit_spec(u, r, c.spec, title, &c);
}

/* Runs the form of spec over r with the save context c. */
static bool edit_spec(struct ui *u, struct wt_record *r, const struct spec *spec,
                      const char *title, struct save_ctx *c)
{
    if (!spec || !ui_may_write(u))
        return false;
    /* Never a form the member cannot save: app says who may. */
    enum app_op op = c->sub_id || (!c->is_new && !c->resubmit) ? APP_OP_WRITE : APP_OP_CREATE;
    struct wt_error e = {0};
    if (app_allowed(u->a, r->kind, op, &e) != 0) {
        ui_message(u, true, "%s", e.text);
        return false;
    }
    /* No field the member could never fill: a case, for one who sees no case. */
    bool sees_cases = app_may(u->a, WT_CASES, APP_OP_READ);
    int all = 0, n = 0;
    while (spec[all].label)
        all++;
    struct spec *offered = xcalloc((size_t)all + 1, sizeof *offered);
    for (int i = 0; i < all; i++)
        if (spec[i].choices != CASES || sees_cases)
            offered[n++] = spec[i];
    const struct spec *given = c->spec;
    c->spec = spec = offered;
    struct form_field *f = xcalloc((size_t)(n ? n : 1), sizeof *f);
    struct case_choices cc = {0};
    for (int i = 0; i < n; i++)
        if (spec[i].choices == CASES && !cc.n)
            app_each(u->a, WT_CASES, add_case, &cc, NULL); /* what the member may see */
    /* Both lists live while the form runs, and are unset before they go. */
    // cppcheck-suppress autoVariables
    c->cases = &cc;
    struct case_choices tc = {0};
    for (int i = 0; i < n; i++)
        if (spec[i].choices == TALENT_LIST && !tc.n)
            app_each(u->a, WT_TALENTS, add_talent, &tc, NULL); /* names as they may be shown */
    // cppcheck-suppress autoVariables
    c->talents = &tc;
    struct ui_sources sc = {0};
    for (int i = 0; i < n; i++)
        if (spec[i].choices == SOURCES && !sc.choices)
            ui_sources_load(u, &sc); /* the partners the member may see */
    // cppcheck-suppress autoVariables
    c->sources = &sc;
    char **areas = NULL;
    for (int i = 0; i < n && !areas; i++)
        if (spec[i].kind == FORM_AREA)
            areas = ui_area_choices(u);
    for (int i = 0; i < n; i++) {
        const struct wt_field_def *fd = &record_kind(r->kind)->fields[spec[i].col];
        f[i].label = spec[i].label;
        f[i].kind = spec[i].kind;
        f[i].col = spec[i].col;
        f[i].choices = spec[i].choices == MEMBERS || spec[i].choices == MEMBER_LIST
                           ? ui_member_names(u)
                       : spec[i].choices == TALENT_LIST ? (const char *const *)tc.labels
                       : spec[i].choices == CASES ? (const char *const *)cc.labels
                       : spec[i].choices == SOURCES ? (const char *const *)sc.choices
                       : spec[i].choices         ? spec[i].choices
                       : spec[i].kind == FORM_AREA ? (const char *const *)areas
                                                   : fd->values;
        const char *v = record_get(r, spec[i].col);
        if (spec[i].choices == MEMBER_LIST)
            f[i].value = people_names(v, ui_member_ids(u), ui_member_names(u), ui_member_count(u));
        else if (spec[i].choices == TALENT_LIST)
            f[i].value = people_names(v, (const char *const *)tc.ids,
                                      (const char *const *)tc.labels, tc.n);
        if (f[i].value)
            continue;
        if (spec[i].choices == MEMBERS)
            v = ui_member_name(u, r->v[spec[i].col]);
        else if (spec[i].choices == SOURCES)
            v = ui_source_shown(&sc, r->v[spec[i].col]);
        else if (spec[i].choices == yes_no)
            v = strcmp(v, "yes") == 0 ? _("ja") : _("nee");
        f[i].value = xstrdup(v);
    }
    bool saved = form_run(u, title, f, n, save_record, c);
    c->cases = NULL;
    c->talents = NULL;
    c->sources = NULL;
    ui_sources_fini(&sc);
    case_choices_free(&cc);
    case_choices_free(&tc);
    ui_choices_free(areas);
    form_fields_fini(f, n);
    free(f);
    c->spec = given;
    free(offered);
    return saved;
}

bool ui_new_action(struct ui *u, const char *case_id, const char *text, const char *owner)
{
    struct wt_record r;
    record_init(&r, WT_ACTIONS);
    char due[11];
    date_format(app_day(u->a) + 7, due);
    record_set(&r, ACTION_TEXT, text);
    record_set(&r, ACTION_OWNER, owner && *owner ? owner : app_member_id(u->a));
    record_set(&r, ACTION_DUE, due);
    record_set(&r, ACTION_CASE, case_id);
    bool saved = edit(u, &r, true, case_id ? _("Actiepunt maken (Esc: geen actiepunt)")
                                           : _("Nieuw actiepunt"), NULL);
    record_fini(&r);
    return saved;
}

bool ui_new_record(struct ui *u, enum wt_kind kind)
{
    struct wt_record r;
    record_init(&r, kind);
    char today[11];
    date_format(app_day(u->a), today);
    const char *title = _("Nieuw");
    if (kind == WT_SIGNALS) {
        record_set(&r, SIGNAL_DATE, today);
        record_set(&r, SIGNAL_AREA, record_get(app_member(u->a), MEMBER_AREA));
        title = _("Nieuw signaal uit de wijk");
    } else if (kind == WT_RESOURCES) {
        record_set(&r, RESOURCE_CHECKED, today);
        record_set(&r, RESOURCE_KIND, "initiative");
        record_set(&r, RESOURCE_AREA, record_get(app_member(u->a), MEMBER_AREA));
        title = _("Nieuw op de sociale kaart");
    } else if (kind == WT_TALENTS) {
        record_set(&r, TALENT_AREA, record_get(app_member(u->a), MEMBER_AREA));
        title = _("Nieuw talent (met toestemming van de bewoner)");
    } else if (kind == WT_PARTNERS) {
        record_set(&r, PARTNER_AREA, record_get(app_member(u->a), MEMBER_AREA));
        record_set(&r, PARTNER_LAST_CONTACT, today);
        title = _("Nieuwe partner in het netwerk");
    } else if (kind == WT_ACTIONS) {
        record_fini(&r);
        return ui_new_action(u, NULL, NULL, NULL);
    }
    bool saved = edit(u, &r, true, title, NULL);
    record_fini(&r);
    return saved;
}

bool ui_new_from_door(struct ui *u, struct wt_record *rec, const char *round_id, int no,
                      enum round_finding what)
{
    if (!ui_may_edit_shown(u))
        return false;
    const struct spec *spec = rec->kind == WT_CASES ? case_new_spec : spec_of(rec->kind);
    struct save_ctx c = {rec, spec, true, NULL, round_id, no, what, NULL, NULL, "", NULL, NULL};
    char *title = xasprintf(rec->kind == WT_CASES ? _("Van deur %d: nieuwe casus (Enter bewaart)")
                            : rec->kind == WT_SIGNALS
                                ? _("Van deur %d: nieuw signaal (Enter bewaart)")
                                : _("Van deur %d: nieuw talent, met toestemming (Enter bewaart)"),
                            no);
    bool saved = edit_spec(u, rec, spec, title, &c);
    free(title);
    return saved;
}

bool ui_new_request(struct ui *u, char made[WT_MAX_ID + 1])
{
    made[0] = '\0';
    /* Never a form the member cannot save. */
    if (!app_may(u->a, WT_CASES, APP_OP_CREATE)) {
        struct wt_error e = {0};
        app_allowed(u->a, WT_CASES, APP_OP_CREATE, &e);
        ui_message(u, true, "%s", e.text);
        return false;
    }
    struct wt_record r;
    app_case_draft(u->a, &r);
    struct save_ctx c = {&r, case_request_spec, true, NULL, NULL, 0, FINDING_SIGNAL, NULL,
                         NULL, "", NULL, NULL};
    bool saved = edit_spec(u, &r, case_request_spec,
                           app_goes_to_review(u->a, WT_CASES)
                               ? _("Nieuwe hulpvraag (een leider bekijkt hem eerst)")
                               : _("Nieuwe hulpvraag"),
                           &c);
    if (saved)
        snprintf(made, WT_MAX_ID + 1, "%s", c.made);
    record_fini(&r);
    return saved;
}

bool ui_resubmit(struct ui *u, const char *sub_id, const struct wt_record *r)
{
    const struct spec *spec = r->kind == WT_CASES ? case_request_spec : spec_of(r->kind);
    if (!spec || !app_may(u->a, r->kind, APP_OP_CREATE) || !ui_may_edit_shown(u))
        return false;
    struct wt_record copy;
    record_copy(&copy, r);
    struct save_ctx c = {&copy, spec,  false, NULL, NULL, 0, FINDING_SIGNAL,
                         NULL,  sub_id, "",   NULL, NULL};
    char *name = app_record_label(u->a, r);
    char *title = xasprintf(_("Inzending verbeteren, Enter stuurt opnieuw in: %s"), name);
    free(name);
    bool saved = edit_spec(u, &copy, spec, title, &c);
    free(title);
    record_fini(&copy);
    return saved;
}

bool ui_edit_record(struct ui *u, const struct wt_record *r)
{
    if (!spec_of(r->kind))
        return false;
    if (!ui_may_edit_shown(u))
        return false;
    struct wt_record copy;
    record_copy(&copy, r);
    bool was_closed = r->kind == WT_CASES && strcmp(record_get(r, CASE_STATUS), "closed") == 0;
    char *name = app_record_name(u->a, r->kind, r->v[0]);
    char *title = xasprintf(_("%s bewerken"), name);
    free(name);
    bool saved = edit(u, &copy, false, title, NULL);
    free(title);
    /* Closing a case: how did each chosen option work out? */
    if (saved && copy.kind == WT_CASES && !was_closed &&
        strcmp(record_get(&copy, CASE_STATUS), "closed") == 0)
        ui_ask_outcomes(u, copy.v[0]);
    record_fini(&copy);
    return saved;
}

bool ui_review_edit(struct ui *u, const char *sub_id, const struct wt_record *r)
{
    if (!spec_of(r->kind))
        return false;
    if (!ui_may_edit_shown(u))
        return false;
    struct wt_record copy;
    record_copy(&copy, r);
    char *name = app_record_label(u->a, r);
    char *title = xasprintf(_("Inzending aanpassen, Enter accepteert: %s"), name);
    free(name);
    const struct spec *spec = r->kind == WT_CASES ? case_request_spec : spec_of(r->kind);
    struct save_ctx c = {&copy, spec, false, sub_id, NULL, 0, FINDING_SIGNAL,
                         NULL,  NULL, "",    NULL,   NULL};
    bool saved = edit_spec(u, &copy, spec, title, &c);
    free(title);
    record_fini(&copy);
    return saved;
}

const char *ui_field_label(enum wt_kind kind, int col)
{
    const struct spec *spec = spec_of(kind);
    for (; spec && spec->label; spec++)
        if (spec->col == col)
            return _(spec->label);
    return "";
}

bool ui_new_project(struct ui *u, const char *tag, const char *area, const char *ids)
{
    struct wt_record r, seen;
    record_init(&r, WT_PROJECTS);
    char today[11];
    date_format(app_day(u->a), today);
    char *name = xasprintf(_("%s in %s"), tag, ui_last_part(area));
    record_set(&r, PROJECT_NAME, name);
    free(name);
    record_set(&r, PROJECT_AREA, area);
    record_set(&r, PROJECT_PHASE, "idee");
    record_set(&r, PROJECT_THEMES, tag);
    record_set(&r, PROJECT_STARTED, today);
    /* The theme's ids are signals and cases: each goes to its own column. */
    struct buf sig = {0}, cas = {0};
    struct taglist l;
    tags_split(ids, &l);
    for (size_t i = 0; i < l.n; i++) {
        record_init(&seen, WT_SIGNALS);
        struct buf *b = meeting_peek(u->a, WT_SIGNALS, l.items[i], &seen) == 0 ? &sig : &cas;
        record_fini(&seen);
        if (b->len)
            buf_putc(b, ';');
        buf_puts(b, l.items[i]);
    }
    tags_fini(&l);
    record_set(&r, PROJECT_SIGNALS, sig.data);
    record_set(&r, PROJECT_CASES, cas.data);
    buf_fini(&sig);
    buf_fini(&cas);
    bool saved = edit(u, &r, true, _("Van thema naar project (Enter bewaart)"), NULL);
    if (saved && r.v[0]) /* a volunteer's proposal has no id yet: it went to review */
        ui_goto(u, MEETING_NETWORK, WT_PROJECTS, r.v[0]);
    record_fini(&r);
    return saved;
}

bool ui_project_to_map(struct ui *u, const struct wt_record *project)
{
    if (strcmp(record_get(project, PROJECT_PHASE), "zelfstandig") != 0) {
        ui_message(u, true, _("Alleen een zelfstandig project kan op de sociale kaart"));
        return false;
    }
    struct wt_record r;
    record_init(&r, WT_RESOURCES);
    char today[11];
    date_format(app_day(u->a), today);
    record_set(&r, RESOURCE_NAME, record_get(project, PROJECT_NAME));
    record_set(&r, RESOURCE_KIND, "initiative");
    record_set(&r, RESOURCE_AREA, record_get(project, PROJECT_AREA));
    record_set(&r, RESOURCE_NEEDS, record_get(project, PROJECT_THEMES));
    record_set(&r, RESOURCE_DESCRIPTION, record_get(project, PROJECT_DESCRIPTION));
    record_set(&r, RESOURCE_CHECKED, today);
    bool saved = edit(u, &r, true, _("Van project naar de sociale kaart (Enter bewaart)"), NULL);
    record_fini(&r);
    return saved;
}
