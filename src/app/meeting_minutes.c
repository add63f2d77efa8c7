/* meeting_minutes.c: a meeting's minutes in Markdown, without any resident's name. */
#include <stdlib.h>
#include <string.h>

#include "meeting_int.h"
#include "policy_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"
#include "wijktafel/words.h"

struct note {
    char *what; /* "chosen", "closed", "moved", "signal" */
    char *id;   /* "CASE/OPT" or a record id */
    char *value;
};

struct notes {
    size_t prefix_len;
    struct note *n;
    size_t count;
    char *opened, *decisions;
};

static int collect(void *ctx, const char *key, const char *value)
{
    struct notes *ns = ctx;
    const char *tail = key + ns->prefix_len;
    if (strcmp(tail, "opened") == 0) {
        free(ns->opened);
        ns->opened = xstrdup(value);
        return 0;
    }
    if (strcmp(tail, "decisions") == 0) {
        free(ns->decisions);
        ns->decisions = xstrdup(value);
        return 0;
    }
    const char *slash = strchr(tail, '/');
    if (!slash)
        return 0;
    ns->n = xrealloc(ns->n, (ns->count + 1) * sizeof *ns->n);
    ns->n[ns->count++] = (struct note){xstrndup(tail, (size_t)(slash - tail)),
                                       xstrdup(slash + 1), xstrdup(value)};
    return 0;
}

/* The minutes never name a resident, whoever reads them. */
struct minutes_names {
    struct app *a;
    struct policy_names *names;
};

/* One line of text for a list item: inert, names replaced, no private lines,
 * no id of a case the reader may not see. */
static void put_text(struct buf *out, const struct minutes_names *r, const char *s)
{
    char *priv = meeting_strip_private(s);
    char *red = r ? policy_names_redact(r->names, priv) : xstrdup(priv);
    char *shown = r ? app_shown_text(r->a, red) : xstrdup(red);
    char *inert = text_inert(shown, false);
    buf_puts(out, inert);
    free(inert);
    free(shown);
    free(red);
    free(priv);
}

struct new_actions {
    struct app *a;
    const char *day;
    struct buf *out;
    const struct minutes_names *r;
    size_t n;
};

/* A member as the minutes name them: the name, or the id of one not (or no
 * longer) in the team. */
static void put_member(struct buf *out, struct app *a, const char *id)
{
    struct wt_record m;
    if (app_get_unlogged(a, WT_MEMBERS, id, &m) == 0 && m.v[MEMBER_NAME])
        put_text(out, NULL, m.v[MEMBER_NAME]);
    else
        put_text(out, NULL, id);
    record_fini(&m);
}

/* A stored date as the minutes show it (8-12-2026), or the value itself. */
static const char *shown(const char *iso, char out[DATE_SHOW_MAX])
{
    return date_show_iso(iso, DATE_FULL, 0, out);
}

static int new_action(void *ctx, const struct wt_record *a)
{
    struct new_actions *na = ctx;
    if (strcmp(record_get(a, ACTION_MEETING), na->day) != 0)
        return 0;
    buf_printf(na->out, "- %s: ", a->v[ACTION_ID]);
    put_text(na->out, na->r, record_get(a, ACTION_TEXT));
    char day[DATE_SHOW_MAX];
    if (a->v[ACTION_OWNER]) {
        buf_puts(na->out, _(" Eigenaar: "));
        put_member(na->out, na->a, a->v[ACTION_OWNER]);
        buf_putc(na->out, '.');
    }
    if (a->v[ACTION_DUE])
        buf_printf(na->out, _(" Uiterlijk: %s."), shown(a->v[ACTION_DUE], day));
    if (a->v[ACTION_CASE])
        buf_printf(na->out, _(" Casus: %s."), a->v[ACTION_CASE]);
    if (strcmp(record_get(a, ACTION_STATUS), "open") != 0)
        buf_printf(na->out, " (%s)", words_of("actions.status", a->v[ACTION_STATUS]));
    buf_putc(na->out, '\n');
    na->n++;
    return 0;
}

/* The outcome (a stored code, a static string) recorded for opt among the
 * case's chosen options, or NULL when none is known yet. */
static const char *outcome_of(const struct wt_record *cs, const char *opt)
{
    static const char *const codes[] = {"worked", "failed", "dropped"};
    const char *p = record_get(cs, CASE_CHOSEN);
    size_t len = strlen(opt);
    while (*p) {
        size_t item = strcspn(p, ";");
        if (item > len && strncmp(p, opt, len) == 0 && p[len] == ':')
            for (size_t i = 0; i < 3; i++)
                if (item - len - 1 == strlen(codes[i]) &&
                    strncmp(p + len + 1, codes[i], item - len - 1) == 0)
                    return codes[i];
        p += item + (p[item] ? 1 : 0);
    }
    return NULL;
}

static const char *signal_word(const char *status)
{
    return words_of("signals.status", *status ? status : "new");
}

static void section(struct buf *out, const char *title)
{
    buf_printf(out, "\n## %s\n\n", title);
}

/* The section of notes of one kind; returns how many were written. */
static size_t write_notes(struct app *a, const struct notes *ns, const char *what,
                          const struct minutes_names *r, struct buf *out)
{
    size_t written = 0;
    for (size_t i = 0; i < ns->count; i++) {
        const struct note *n = &ns->n[i];
        if (strcmp(n->what, what) != 0)
            continue;
        if (strcmp(what, "chosen") == 0) {
            const char *slash = strchr(n->id, '/');
            if (!slash)
                continue;
            char *cs = xstrndup(n->id, (size_t)(slash - n->id));
            struct wt_record rec;
            bool visible = app_get_unlogged(a, WT_CASES, cs, &rec) == 0;
            const char *outcome = visible ? outcome_of(&rec, slash + 1) : NULL;
            record_fini(&rec);
            /* An option that is a similar case: only one the reader may see. */
            if (visible && app_get_unlogged(a, WT_CASES, slash + 1, &rec) == WT_ENOTFOUND) {
                struct store_txn *t;
                visible = false;
                if (store_read_begin(a->store, &t, NULL) == 0) {
                    visible = !store_exists(t, WT_CASES, slash + 1);
                    store_read_end(t);
                }
            }
            record_fini(&rec);
            if (visible) {
                const char *tab = strchr(n->value, '\t');
                char *type = tab ? xstrndup(n->value, (size_t)(tab - n->value)) : xstrdup("");
                const char *name = tab ? tab + 1 : "";
                buf_printf(out, _("- Casus %s: %s "), cs, slash + 1);
                if (strcmp(type, "talent") == 0) {
                    char *ini = policy_initials(name, false);
                    buf_printf(out, "(%s %s)", _("talent"), ini);
                    free(ini);
                } else if (*name) {
                    buf_putc(out, '(');
                    put_text(out, r, name);
                    buf_putc(out, ')');
                }
                if (outcome)
                    buf_printf(out, _(": %s"), words_of("outcome", outcome));
                buf_putc(out, '\n');
                free(type);
                written++;
            }
            free(cs);
            continue;
        }
        enum wt_kind kind = strcmp(what, "signal") == 0 ? WT_SIGNALS : WT_ACTIONS;
        struct wt_record rec;
        if (app_get_unlogged(a, kind, n->id, &rec) != 0) {
            record_fini(&rec);
            continue;
        }
        buf_printf(out, "- %s: ", n->id);
        put_text(out, r, record_get(&rec, kind == WT_SIGNALS ? SIGNAL_TEXT : ACTION_TEXT));
        if (strcmp(what, "closed") == 0)
            buf_printf(out, " (%s)", words_of("actions.status", n->value));
        else if (strcmp(what, "moved") == 0) {
            char *gt = strchr(n->value, '>');
            if (gt)
                *gt = '\0';
            char from[DATE_SHOW_MAX], to[DATE_SHOW_MAX];
            buf_printf(out, _(" (verzet van %s naar %s)"), *n->value ? shown(n->value, from) : "-",
                       gt ? shown(gt + 1, to) : "-");
        } else
            buf_printf(out, " (%s)", signal_word(n->value));
        buf_putc(out, '\n');
        record_fini(&rec);
        written++;
    }
    return written;
}

static void none(struct buf *out, size_t n)
{
    if (n == 0)
        buf_printf(out, "%s\n", _("_Geen._"));
}

/* "Aanwezig: NAME, NAME." from the members who opened the screen that day
 * (or as the chair corrected the list); nothing when none is known. */
static void minutes_present(struct app *a, int32_t day, struct buf *out)
{
    char *ids = NULL;
    if (meeting_present_get(a, day, &ids, NULL) != 0 || !*ids) {
        free(ids);
        return;
    }
    struct taglist l = {0};
    tags_split(ids, &l);
    buf_printf(out, "\n%s: ", _("Aanwezig"));
    for (size_t i = 0; i < l.n; i++) {
        buf_puts(out, i ? ", " : "");
        put_member(out, a, l.items[i]);
    }
    buf_puts(out, ".\n");
    tags_fini(&l);
    free(ids);
}

struct day_scan {
    struct app *a;
    const char *day;
    const struct minutes_names *r;
    struct buf *out; /* NULL: count only */
    size_t n;
};

static int closed_case(void *ctx, const struct wt_record *c)
{
    struct day_scan *ds = ctx;
    if (strcmp(record_get(c, CASE_CLOSED), ds->day) != 0)
        return 0;
    ds->n++;
    buf_printf(ds->out, "- %s: ", c->v[CASE_ID]);
    put_text(ds->out, ds->r, record_get(c, CASE_REQUEST));
    if (c->v[CASE_OWNER]) {
        buf_puts(ds->out, _(" Eigenaar: "));
        put_member(ds->out, ds->a, c->v[CASE_OWNER]);
        buf_putc(ds->out, '.');
    }
    buf_putc(ds->out, '\n');
    return 0;
}

/* The cases closed on day (cases.closed); how many. */
static size_t minutes_closed_cases(struct app *a, const char *day, struct buf *out)
{
    struct day_scan ds = {a, day, NULL, out, 0};
    if (app_may(a, WT_CASES, APP_OP_READ))
        app_each(a, WT_CASES, closed_case, &ds, NULL);
    return ds.n;
}

static int new_signal(void *ctx, const struct wt_record *sg)
{
    struct day_scan *ds = ctx;
    if (strcmp(record_get(sg, SIGNAL_DATE), ds->day) != 0)
        return 0;
    ds->n++;
    if (!ds->out)
        return 0;
    buf_printf(ds->out, "- %s: ", sg->v[SIGNAL_ID]);
    put_text(ds->out, ds->r, record_get(sg, SIGNAL_TEXT));
    buf_puts(ds->out, " (");
    put_text(ds->out, NULL, record_get(sg, SIGNAL_AREA));
    if (sg->v[SIGNAL_REPORTER]) {
        buf_puts(ds->out, _(", gemeld door "));
        put_member(ds->out, ds->a, sg->v[SIGNAL_REPORTER]);
    }
    buf_puts(ds->out, ")\n");
    return 0;
}

/* The signals recorded for day (signals.date), or only their number when out
 * is NULL. */
static size_t minutes_new_signals(struct app *a, const char *day, const struct minutes_names *r,
                                  struct buf *out)
{
    struct day_scan ds = {a, day, r, out, 0};
    app_each(a, WT_SIGNALS, new_signal, &ds, NULL);
    return ds.n;
}

/* A kind as the minutes name one record of it. */
static const char *kind_one(const char *kind)
{
    if (strcmp(kind, "cases") == 0)
        return _("hulpvraag");
    if (strcmp(kind, "signals") == 0)
        return _("signaal");
    if (strcmp(kind, "resources") == 0)
        return _("sociale kaart");
    if (strcmp(kind, "talents") == 0)
        return _("talent");
    return kind;
}

/* The review decisions of the day: "- v-000003 (signaal): aangenomen als s-042". */
static size_t minutes_reviewed(struct app *a, const struct notes *ns, struct buf *out)
{
    size_t n = 0;
    for (size_t i = 0; i < ns->count; i++) {
        const struct note *no = &ns->n[i];
        if (strcmp(no->what, "review") != 0)
            continue;
        char status[16] = "", kind[16] = "", id[WT_MAX_ID + 1] = "";
        if (sscanf(no->value, "%15[^\t]\t%15[^\t]\t%32s", status, kind, id) < 2)
            continue;
        /* A request that became a case the reader may not see: no id. */
        if (*id && strcmp(kind, "cases") == 0) {
            struct wt_record c;
            if (app_get_unlogged(a, WT_CASES, id, &c) != 0)
                *id = '\0';
            record_fini(&c);
        }
        buf_printf(out, "- %s (%s): ", no->id, kind_one(kind));
        if (strcmp(status, "accepted") == 0)
            buf_printf(out, *id ? _("aangenomen als %s") : _("aangenomen"), id);
        else if (strcmp(status, "merged") == 0)
            buf_printf(out, *id ? _("samengevoegd met %s") : _("samengevoegd"), id);
        else
            buf_puts(out, _("afgewezen"));
        buf_putc(out, '\n');
        n++;
    }
    return n;
}

int meeting_minutes(struct app *a, int32_t day, struct buf *out, struct wt_error *err)
{
    char d[11];
    date_format(day, d);
    char *prefix = meeting_key(day, "");
    struct notes ns = {.prefix_len = strlen(prefix)};
    struct store_txn *t;
    int rc = store_read_begin(a->store, &t, err);
    if (rc) {
        free(prefix);
        return rc;
    }
    rc = store_meta_each(t, prefix, collect, &ns);
    store_read_end(t);
    free(prefix);
    struct minutes_names names = {a, NULL};
    const struct minutes_names *r = &names;
    if (!rc && (rc = store_read_begin(a->store, &t, err)) == 0) {
        rc = policy_names_read(t, &names.names);
        store_read_end(t);
        if (rc)
            wt_error_set(err, rc, _("%s: de namen kunnen niet worden gelezen"), a->dir);
    }
    struct buf acts = {0};
    struct new_actions na = {a, d, &acts, r, 0};
    if (!rc)
        rc = app_each(a, WT_ACTIONS, new_action, &na, err);
    size_t nsig = 0;
    if (!rc)
        nsig = minutes_new_signals(a, d, r, NULL);
    if (!rc && !ns.opened && !ns.decisions && ns.count == 0 && na.n == 0 && nsig == 0)
        rc = wt_error_set(err, WT_ENOTFOUND, _("%s: op %s is geen overleg gehouden"), a->dir, d);
    if (!rc) {
        char title[DATE_SHOW_MAX];
        buf_printf(out, _("# Notulen teamoverleg %s\n"), shown(d, title));
        if (*a->team) {
            buf_printf(out, "\n%s: ", _("Team"));
            put_text(out, NULL, a->team);
            buf_putc(out, '\n');
        }
        minutes_present(a, day, out);
        section(out, _("Besluiten"));
        size_t nd = 0;
        for (const char *p = ns.decisions ? ns.decisions : ""; *p;) {
            size_t len = strcspn(p, "\n");
            char *line = xstrndup(p, len);
            char *trim = text_trim(line);
            if (*trim) {
                buf_puts(out, "- ");
                put_text(out, r, trim);
                buf_putc(out, '\n');
                nd++;
            }
            free(trim);
            free(line);
            p += len + (p[len] ? 1 : 0);
        }
        none(out, nd);
        section(out, _("Gekozen opties"));
        none(out, write_notes(a, &ns, "chosen", r, out));
        section(out, _("Nieuwe actiepunten"));
        buf_puts(out, acts.data ? acts.data : "");
        none(out, na.n);
        section(out, _("Afgehandelde actiepunten"));
        none(out, write_notes(a, &ns, "closed", r, out));
        section(out, _("Verzette actiepunten"));
        none(out, write_notes(a, &ns, "moved", r, out));
        section(out, _("Gesloten casussen"));
        none(out, minutes_closed_cases(a, d, out));
        section(out, _("Nieuwe signalen"));
        none(out, minutes_new_signals(a, d, r, out));
        section(out, _("Signalen"));
        none(out, write_notes(a, &ns, "signal", r, out));
        section(out, _("Beoordeelde inzendingen"));
        none(out, minutes_reviewed(a, &ns, out));
    }
    buf_fini(&acts);
    policy_names_free(names.names);
    for (size_t i = 0; i < ns.count; i++) {
        free(ns.n[i].what);
        free(ns.n[i].id);
        free(ns.n[i].value);
    }
    free(ns.n);
    free(ns.opened);
    free(ns.decisions);
    return rc;
}
