/* view_cases_panes.c: the selected case in full and its wellbeing options, exactly as app_suggest gives them. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "view_cases_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"
#include "wijktafel/words.h"

const struct wt_record *view_cases_detail(struct cases *s)
{
    const char *id = view_cases_selected_id(s);
    if (!id)
        return NULL;
    if (s->have_detail && s->detail_gen == s->v.u->gen && strcmp(s->detail.v[0], id) == 0)
        return &s->detail;
    if (s->have_detail)
        record_fini(&s->detail);
    /* Read without a log entry: scrolling past a case is not opening it.
     * The view is logged once the selection rests (view_cases_idle_options). */
    s->have_detail = meeting_peek(s->v.u->a, WT_CASES, id, &s->detail) == 0;
    if (!s->have_detail)
        record_fini(&s->detail);
    s->detail_gen = s->v.u->gen;
    s->detail_top = 0;
    return s->have_detail ? &s->detail : NULL;
}

bool view_cases_opts_current(const struct cases *s)
{
    const char *id = view_cases_selected_id(s);
    return !id || (s->have_opts && s->opts_gen == s->v.u->gen &&
                   strcmp(s->opts_id, id) == 0);
}

/* The selected case's measures, read again when it or the data changed.
 * Without an access-log entry: the view of the case is logged once. */
static const struct measure *case_measures(struct cases *s, const char *id)
{
    struct ui *u = s->v.u;
    if (s->meas_gen != u->gen || strcmp(s->meas_id, id) != 0) {
        struct wt_error err = {0};
        for (int p = 0; p < 2; p++)
            if (app_measure_peek(u->a, id, p == 0 ? MEASURE_START : MEASURE_CLOSE, &s->meas[p],
                                 &err) != 0)
                memset(&s->meas[p], 0, sizeof s->meas[p]);
        snprintf(s->meas_id, sizeof s->meas_id, "%s", id);
        s->meas_gen = u->gen;
    }
    return s->meas;
}

/* The measures in one line: "lichaam 3→4, mentaal 2→3, ... (gemiddeld +0.5)",
 * where a domain scored at both moments shows its change; with only one
 * measure "start: lichaam 3, ...". NULL when there is none. Caller frees. */
static char *measure_text(const struct measure m[2])
{
    bool has[2] = {!measure_empty(&m[0]), !measure_empty(&m[1])};
    if (!has[0] && !has[1])
        return NULL;
    struct buf b = {0};
    if (!has[0] || !has[1])
        buf_printf(&b, "%s ", has[0] ? _("start:") : _("afsluiting:"));
    int before = 0, after = 0, both = 0;
    const char *sep = "";
    for (int i = 0; i < MEASURE_DOMAINS; i++) {
        int x = m[0].score[i], y = m[1].score[i];
        if (!x && !y)
            continue;
        buf_printf(&b, "%s%s ", sep, measure_domain_word(i));
        sep = ", ";
        if (has[0] && has[1]) {
            char from[4] = "-", to[4] = "-";
            if (x)
                snprintf(from, sizeof from, "%d", x);
            if (y)
                snprintf(to, sizeof to, "%d", y);
            buf_printf(&b, "%s\u2192%s", from, to);
        } else {
            buf_printf(&b, "%d", x ? x : y);
        }
        if (x && y) {
            before += x;
            after += y;
            both++;
        }
    }
    if (both)
        buf_printf(&b, _(" (gemiddeld %+.1f)"), (double)(after - before) / both);
    return buf_steal(&b);
}

void view_cases_draw_detail(struct cases *s, struct rect r, bool title)
{
    if (title)
        draw_title(r.y, r.x, r.w, _("Casus"), s->focus == FOCUS_DETAIL);
    struct rect in = {r.y + (title ? 1 : 0), r.x + 1, r.h - (title ? 1 : 0), r.w - 2};
    if (s->hidden) {
        draw_wrap(in, 0, _("[A] Deze casus is afgeschermd: hij staat niet op de muur."), TH_MARK);
        return;
    }
    if (s->own) {
        view_cases_draw_own(s, in);
        return;
    }
    if (!app_may(s->v.u->a, WT_CASES, APP_OP_READ)) {
        draw_wrap(in, 0, _("Casussen zijn er alleen voor leiders en professionals."), TH_DIM);
        return;
    }
    const struct wt_record *c = view_cases_detail(s);
    if (!c)
        return;
    struct ui *u = s->v.u;
    int lw = 14, y = in.y - s->detail_top;
    char *person = ui_person(u, record_get(c, CASE_RESIDENT));
    char *head = xasprintf("%s  %s%s", c->v[CASE_ID], person,
                           strcmp(record_get(c, CASE_RESTRICTED), "yes") == 0
                               ? _("  [A] afgeschermd")
                               : "");
    char age[16];
    ui_age(app_day(u->a), c->v[CASE_OPENED], age);
    char day[DATE_SHOW_MAX];
    int32_t opened = 0;
    bool today = date_parse(record_get(c, CASE_OPENED), &opened) == 0 && opened >= app_day(u->a);
    const char *shown = ui_date(u, c->v[CASE_OPENED], DATE_FULL, day);
    const char *status = ui_case_status(record_get(c, CASE_STATUS));
    char *since = today ? xasprintf(_("%s (vandaag), %s"), shown, status)
                        : xasprintf(_("%s (%s geleden), %s"), shown, age, status);
    char *req = ui_show(u, record_get(c, CASE_REQUEST));
    char *net = ui_show(u, record_get(c, CASE_NETWORK));
    char *formal = ui_show(u, record_get(c, CASE_FORMAL));
    char strlist[WT_MAX_FIELD_BYTES + 1];
    char *strengths = ui_show(u, words_list(NULL, c->v[CASE_STRENGTHS], strlist, sizeof strlist));
    /* Health data: app hands none to the beamer or the wall. */
    char *wellbeing = measure_text(case_measures(s, c->v[CASE_ID]));
    char yrs[16] = "", needs[WT_MAX_FIELD_BYTES + 1], chosen[WT_MAX_FIELD_BYTES + 1];
    if (c->v[CASE_AGE])
        snprintf(yrs, sizeof yrs, _("%s jaar"), c->v[CASE_AGE]);
    struct { const char *label, *value; } fields[] = {
        {_("Casus"), head},
        {_("Wijk"), record_get(c, CASE_AREA)},
        {_("Leeftijd"), yrs},
        {_("Sinds"), since},
        {_("Eigenaar"), ui_member_name(u, c->v[CASE_OWNER])},
        {_("Vraag"), req},
        {_("Kan en wil"), strengths},
        {_("Behoeften"), words_list(NULL, c->v[CASE_NEEDS], needs, sizeof needs)},
        {_("Eigen netwerk"), net},
        {_("Formele zorg"), formal},
        {_("Gekozen"), words_chosen(c->v[CASE_CHOSEN], chosen, sizeof chosen)},
        {_("Welzijn"), wellbeing},
    };
    /* Scrolling: lines above the pane are drawn into a clipped rect. */
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        const char *v = fields[i].value;
        if (!v || !*v)
            continue;
        int lines = draw_wrap_lines(in.w - lw, v);
        if (y + lines <= in.y) {
            y += lines;
            continue;
        }
        if (y >= in.y + in.h)
            break;
        int skip = y < in.y ? in.y - y : 0;
        struct rect vr = {y + skip, in.x + lw, in.y + in.h - (y + skip), in.w - lw};
        if (!skip)
            draw_text(y, in.x, lw, fields[i].label, TH_TITLE, false);
        draw_wrap(vr, skip, v, TH_NORMAL);
        y += lines;
    }
    free(person);
    free(head);
    free(since);
    free(req);
    free(net);
    free(formal);
    free(strengths);
    free(wellbeing);
}

/* What kind of option it is, in words; a similar case keeps its id, the one
 * handle a worker has to look it up (a name would tell the room who it is). */
static char *type_label(const struct app_option *o)
{
    if (o->type == APP_OPTION_RESOURCE)
        return xstrdup(_("sociale kaart"));
    if (o->type == APP_OPTION_TALENT)
        return xstrdup(_("buurtbewoner met talent"));
    return xasprintf(_("vergelijkbare casus %s"), o->id);
}

/* The option's name as it may be shown now. */
static char *option_name(struct cases *s, const struct app_option *o)
{
    return o->type == APP_OPTION_TALENT ? ui_person(s->v.u, o->name) : ui_show(s->v.u, o->name);
}

/* The option's kind in words, then the reasons as they may be shown,
 * separated by "; ". Ids and scores are for --format outputs. Caller frees. */
static char *option_reasons(struct cases *s, const struct app_option *o)
{
    char *shown = ui_show(s->v.u, o->reasons);
    char *kind = type_label(o);
    struct buf b = {0};
    buf_printf(&b, "(%s) ", kind);
    free(kind);
    for (const char *p = shown; *p; p++) {
        buf_putc(&b, *p);
        if (*p == ';' && p[1] != ' ')
            buf_putc(&b, ' ');
    }
    free(shown);
    return buf_steal(&b);
}

static int option_lines(struct cases *s, const struct app_option *o, int w)
{
    char *reasons = option_reasons(s, o);
    int n = 1 + (*reasons ? draw_wrap_lines(w - 4, reasons) : 0);
    free(reasons);
    return n;
}

void view_cases_draw_options(struct cases *s, struct rect r, bool title)
{
    if (title)
        draw_title(r.y, r.x, r.w, _("Welzijnsopties"), s->focus == FOCUS_OPTIONS);
    struct rect in = {r.y + (title ? 1 : 0), r.x + 1, r.h - (title ? 1 : 0), r.w - 2};
    if (!view_cases_selected_id(s) || s->hidden)
        return;
    if (s->own) {
        draw_wrap(in, 0, _("Het team zoekt de welzijnsopties als de hulpvraag is aangenomen."),
                  TH_DIM);
        return;
    }
    view_cases_detail(s); /* for the options already chosen */
    if (!view_cases_opts_current(s)) {
        draw_text(in.y, in.x, in.w, _("Opties worden gezocht..."), TH_DIM, false);
        return;
    }
    if (s->opts.n == 0) {
        draw_text(in.y, in.x, in.w, _("Geen welzijnsopties gevonden voor deze vraag."), TH_DIM,
                  false);
        return;
    }
    if (s->opt_sel >= s->opts.n)
        s->opt_sel = s->opts.n - 1;
    /* Start so that the selected option is fully visible. */
    size_t first = 0;
    for (;;) {
        int h = 0;
        for (size_t i = first; i <= s->opt_sel; i++)
            h += option_lines(s, &s->opts.opts[i], in.w);
        if (h <= in.h || first == s->opt_sel)
            break;
        first++;
    }
    const char *list = record_get(&s->detail, CASE_CHOSEN);
    int y = in.y;
    for (size_t i = first; i < s->opts.n && y < in.y + in.h; i++) {
        const struct app_option *o = &s->opts.opts[i];
        char *name = option_name(s, o);
        char key[2 * WT_MAX_ID + 2], outcome[16], mark[64] = "";
        view_cases_option_key(o, key);
        if (s->have_detail && view_cases_chosen(list, key, outcome) && *outcome)
            snprintf(mark, sizeof mark, _("[gekozen: %s] "), words_of("outcome", outcome));
        else if (s->have_detail && view_cases_chosen(list, key, NULL))
            snprintf(mark, sizeof mark, "%s", _("[gekozen] "));
        /* The name has the first line; kind, id and score open the reasons. */
        char *line = xasprintf("%2zu. %s%s", i + 1, mark, name);
        bool sel = i == s->opt_sel;
        enum theme_role role = sel ? (s->focus == FOCUS_OPTIONS ? TH_SEL : TH_SEL_DIM)
                                   : TH_NORMAL;
        draw_fill(y, in.x, in.w, role);
        draw_text(y, in.x, in.w, line, role, false);
        y++;
        char *reasons = option_reasons(s, o);
        if (*reasons && y < in.y + in.h)
            y += draw_wrap((struct rect){y, in.x + 4, in.y + in.h - y, in.w - 4}, 0, reasons,
                           TH_DIM);
        free(reasons);
        free(line);
        free(name);
    }
}

/* The name of a composite option's second part (the resident who drives),
 * as it may be shown; "" when it cannot be read. Caller frees. */
static char *via_name(struct ui *u, const char *via)
{
    struct wt_record t;
    bool have = meeting_peek(u->a, WT_TALENTS, via, &t) == 0;
    char *name = ui_person(u, have ? record_get(&t, TALENT_NAME) : "");
    record_fini(&t);
    return name;
}

/* Option chosen: record it, then offer an action made from it. A composite
 * option (an activity and the resident who takes the person there) is
 * stored whole, "A+B", and the action names both. */
void view_cases_choose(struct cases *s)
{
    struct ui *u = s->v.u;
    if (!ui_may_write(u) || !view_cases_selected_id(s))
        return;
    if (!view_cases_opts_current(s) || !s->opts.n) {
        ui_message(u, true, _("Er is (nog) geen optie om te kiezen"));
        return;
    }
    const struct app_option *o = &s->opts.opts[s->opt_sel];
    char case_id[WT_MAX_ID + 1], opt_id[2 * WT_MAX_ID + 2];
    snprintf(case_id, sizeof case_id, "%s", view_cases_selected_id(s));
    view_cases_option_key(o, opt_id);
    if (view_cases_detail(s) &&
        view_cases_chosen(record_get(&s->detail, CASE_CHOSEN), opt_id, NULL)) {
        char *name = app_option_label(u->a, opt_id);
        char *c = app_record_name(u->a, WT_CASES, case_id);
        ui_message(u, true, _("%s is al gekozen voor %s (x: niet meer kiezen)"), name, c);
        free(c);
        free(name);
        return;
    }
    char *name = option_name(s, o);
    char *driver = o->via[0] ? via_name(u, o->via) : NULL;
    char *full = driver ? xasprintf(_("%s, met vervoer door %s"), name, driver) : xstrdup(name);
    char *c = app_record_name(u->a, WT_CASES, case_id);
    char *q = xasprintf(_("Kiezen voor %s: %s?"), c, full);
    bool yes = dialog_confirm(u, q);
    free(q);
    if (!yes) {
        free(c);
        free(full);
        free(driver);
        free(name);
        return;
    }
    struct wt_error err = {0};
    char *owner = s->have_detail ? xstrdup(record_get(&s->detail, CASE_OWNER)) : NULL;
    char *stored = o->via[0] ? xasprintf("%s + %s", o->name, o->via) : xstrdup(o->name);
    if (meeting_choose(u->a, case_id, o->type, opt_id, stored, &err) != 0) {
        ui_error(u, &err);
    } else {
        /* The action's text is kept with the ids: it outlives today's names. */
        char *with = driver ? xasprintf(_("%s, met vervoer door %s (%s)"), name, driver, o->via)
                            : xstrdup(name);
        char *text = o->type == APP_OPTION_CASE
                         ? xasprintf(_("Casus %s in contact brengen met casus %s."), case_id,
                                     opt_id)
                         : xasprintf(_("Casus %s: kennismaken met %s."), case_id, with);
        free(with);
        ui_changed(u);
        ui_message(u, false, _("Vastgelegd: %s gekozen voor %s"), full, c);
        char msg[sizeof u->msg];
        memcpy(msg, u->msg, sizeof msg);
        if (!ui_new_action(u, case_id, text, owner))
            memcpy(u->msg, msg, sizeof msg);
        free(text);
    }
    free(stored);
    free(owner);
    free(c);
    free(full);
    free(driver);
    free(name);
}

/* The access log (NEN 7513): a case shown with its detail and options is a
 * case viewed; once per case per session. The wall never writes: the
 * chair's screen logs what both show. */
static void view_cases_log_view(struct cases *s, const char *id)
{
    struct ui *u = s->v.u;
    if (u->follow)
        return;
    for (size_t i = 0; i < s->nlogged; i++)
        if (strcmp(s->logged[i], id) == 0)
            return;
    s->logged = xrealloc(s->logged, (s->nlogged + 1) * sizeof *s->logged);
    s->logged[s->nlogged++] = xstrdup(id);
    app_log(u->a, "view", WT_CASES, id, NULL);
}

/* The options of the selected case, computed when the keyboard is idle so
 * that scrolling through the list stays quick. */
bool view_cases_idle_options(struct cases *s)
{
    struct view *v = &s->v;
    if (s->own || view_cases_opts_current(s))
        return false;
    struct app_suggester *sg = ui_suggester(v->u);
    if (!sg)
        return true;
    if (s->have_opts)
        app_options_fini(&s->opts);
    const char *id = view_cases_selected_id(s);
    struct wt_error err = {0};
    if (app_suggest(sg, id, OPTION_LIMIT, &s->opts, &err) != 0) {
        s->opts.opts = NULL;
        s->opts.n = 0;
    }
    view_cases_log_view(s, id);
    snprintf(s->opts_id, sizeof s->opts_id, "%s", id);
    s->opts_gen = v->u->gen;
    s->have_opts = true;
    return true;
}

