/* hsds_map.c: an HSDS 3.0 package's services as resources, through the team's mapping file. */
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "hsds_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"
#include "wijktafel/weektime.h"

/* --- The mapping file: [needs], [interests], [kinds], [areas], [defaults]. --- */

enum { MS_NEEDS, MS_INTERESTS, MS_KINDS, MS_AREAS, MS_DEFAULTS, MS_COUNT };
static const char *const sections[MS_COUNT] = {"needs", "interests", "kinds", "areas",
                                               "defaults"};

struct hsds_pair {
    char *key, *value;
};

struct hsds_map {
    struct hsds_pair *p[MS_COUNT];
    size_t n[MS_COUNT];
};

struct ini_ctx {
    struct hsds_map *m;
    char *bad; /* the first section the file should not have */
};

static int map_handler(void *user, const char *section, const char *name, const char *value)
{
    struct ini_ctx *c = user;
    for (int s = 0; s < MS_COUNT; s++) {
        if (strcasecmp(section, sections[s]) != 0)
            continue;
        struct hsds_map *m = c->m;
        m->p[s] = xrealloc(m->p[s], (m->n[s] + 1) * sizeof *m->p[s]);
        m->p[s][m->n[s]++] = (struct hsds_pair){xstrdup(name), xstrdup(value)};
        return 1;
    }
    if (!c->bad)
        c->bad = xstrdup(section);
    return 0;
}

int hsds_map_load(const char *path, struct hsds_map **out, struct wt_error *err)
{
    struct hsds_map *m = xcalloc(1, sizeof *m);
    *out = m;
    if (!path || access(path, F_OK) != 0)
        return 0;
    struct ini_ctx c = {m, NULL};
    int line = ini_parse(path, map_handler, &c);
    int rc = 0;
    if (line < 0)
        rc = wt_error_set(err, WT_EIO, _("%s: kan het bestand niet lezen"), path);
    else if (c.bad)
        rc = wt_error_set(err, WT_EINVAL, _("%s:%d: onbekend onderdeel [%s] (kies uit needs, "
                                            "interests, kinds, areas, defaults)"),
                          path, line, c.bad);
    else if (line > 0)
        rc = wt_error_set(err, WT_EINVAL, _("%s:%d: geen regel NAAM = WAARDE"), path, line);
    free(c.bad);
    return rc;
}

void hsds_map_free(struct hsds_map *m)
{
    if (!m)
        return;
    for (int s = 0; s < MS_COUNT; s++) {
        for (size_t i = 0; i < m->n[s]; i++) {
            free(m->p[s][i].key);
            free(m->p[s][i].value);
        }
        free(m->p[s]);
    }
    free(m);
}

/* The value for key in section s (case-insensitive), or NULL. */
static const char *map_get(const struct hsds_map *m, int s, const char *key)
{
    for (size_t i = 0; key && i < m->n[s]; i++)
        if (strcasecmp(m->p[s][i].key, key) == 0)
            return m->p[s][i].value;
    return NULL;
}

/* --- Finding rows by id. --- */

struct byid {
    const char *id;
    size_t row;
};

static int byid_cmp(const void *a, const void *b)
{
    return strcmp(((const struct byid *)a)->id, ((const struct byid *)b)->id);
}

struct index {
    struct byid *e;
    size_t n;
};

static void index_build(struct index *x, const struct hsds_table *tb)
{
    x->e = xmalloc((tb->nrows ? tb->nrows : 1) * sizeof *x->e);
    x->n = 0;
    for (size_t i = 0; i < tb->nrows; i++)
        if (tb->rows[i].v[0])
            x->e[x->n++] = (struct byid){tb->rows[i].v[0], i};
    qsort(x->e, x->n, sizeof *x->e, byid_cmp);
}

/* The row of id, or -1. */
static long index_find(const struct index *x, const char *id)
{
    if (!id)
        return -1;
    struct byid key = {id, 0};
    struct byid *hit = bsearch(&key, x->e, x->n, sizeof *x->e, byid_cmp);
    return hit ? (long)hit->row : -1;
}

/* --- What is gathered per service before it becomes a record. --- */

struct src {
    enum hsds_tab t;
    size_t at;
    const char *col;
};

struct acc {
    bool skip;                  /* defunct */
    struct buf needs, interests, access, schedule;
    const char *kind, *reach, *capacity, *contact, *area;
    struct src kind_at, reach_at, cap_at, contact_at, area_at, needs_at, interests_at, access_at;
};

struct mapper {
    const struct hsds_pkg *p;
    const struct hsds_map *m;
    struct index ix[HT_COUNT];
    struct acc *acc; /* per service row */
    struct hsds_result *out;
    struct buf unmapped; /* names of terms the mapping did not know, ";"-joined */
    size_t n_unmapped;
    struct wt_error *err;
};

static const char *val(const struct mapper *mp, enum hsds_tab t, size_t row, const char *col)
{
    return mp->p->t[t].rows[row].v[hsds_col(t, col)];
}

/* "FILE:LINE" or "FILE: record N" of row at in table t. */
static char *where(const struct mapper *mp, enum hsds_tab t, size_t at)
{
    const struct hsds_table *tb = &mp->p->t[t];
    return tb->json ? xasprintf(_("%s: record %zu"), tb->where, at)
                    : xasprintf("%s:%zu", tb->where, at);
}

static int fail(struct mapper *mp, enum hsds_tab t, size_t at, const char *col,
                const char *what)
{
    char *w = where(mp, t, at);
    int rc = wt_error_set(mp->err, WT_EINVAL, "%s: %s: %s", w, col, what);
    free(w);
    return rc;
}

static void warn(struct mapper *mp, enum hsds_tab t, size_t at, const char *col,
                 const char *what, const char *id)
{
    char *w = where(mp, t, at);
    char *s = text_inert(id ? id : "", false);
    buf_printf(&mp->out->warnings, "%s: %s: %s '%s'\n", w, col, what, s);
    free(s);
    free(w);
}

/* The service row a link row points at through col, via service_at_location
 * when that is how it links; -1 when it names none we hold. */
static long service_of(const struct mapper *mp, enum hsds_tab t, size_t row, bool *named)
{
    const char *sid = t == HT_ATTRS ? val(mp, t, row, "link_id") : val(mp, t, row, "service_id");
    const char *salid = t == HT_ATTRS ? sid : val(mp, t, row, "service_at_location_id");
    *named = sid || salid;
    long s = index_find(&mp->ix[HT_SERVICES], sid);
    if (s >= 0)
        return s;
    long sal = index_find(&mp->ix[HT_SAL], salid);
    if (sal >= 0)
        return index_find(&mp->ix[HT_SERVICES], val(mp, HT_SAL, (size_t)sal, "service_id"));
    return -1;
}

static void list_add(struct buf *b, const char *item)
{
    if (b->len)
        buf_putc(b, ';');
    buf_puts(b, item);
}

/* "TH,FR" with opens_at and freq as Dutch words weektime.c reads. */
static char *schedule_words(const struct mapper *mp, size_t row)
{
    static const char *const codes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    static const char *const days[] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
    const char *byday = val(mp, HT_SCHEDULES, row, "byday");
    if (!byday)
        return NULL;
    struct buf b = {0};
    for (int d = 0; d < 7; d++)
        if (strstr(byday, codes[d])) {
            if (b.len)
                buf_puts(&b, " en ");
            buf_puts(&b, days[d]);
        }
    if (!b.len)
        return NULL;
    const char *opens = val(mp, HT_SCHEDULES, row, "opens_at");
    const char *closes = val(mp, HT_SCHEDULES, row, "closes_at");
    if (opens && strlen(opens) >= 5)
        buf_printf(&b, " %.5s", opens);
    if (opens && closes && strlen(closes) >= 5)
        buf_printf(&b, "-%.5s", closes);
    const char *freq = val(mp, HT_SCHEDULES, row, "freq");
    const char *interval = val(mp, HT_SCHEDULES, row, "interval");
    if (freq && strcasecmp(freq, "MONTHLY") == 0)
        buf_puts(&b, ", elke maand"); /* data, in the words weektime.c reads */
    else if (interval && strcmp(interval, "2") == 0)
        buf_puts(&b, ", tweewekelijks");
    else
        buf_puts(&b, ", wekelijks");
    return buf_steal(&b);
}

static void gather_schedules(struct mapper *mp)
{
    for (size_t i = 0; i < mp->p->t[HT_SCHEDULES].nrows; i++) {
        bool named;
        long s = service_of(mp, HT_SCHEDULES, i, &named);
        size_t at = mp->p->t[HT_SCHEDULES].rows[i].at;
        if (s < 0) {
            if (named) /* a location's own hours are not a service's */
                warn(mp, HT_SCHEDULES, at, "service_id", _("overgeslagen: geen dienst"),
                     val(mp, HT_SCHEDULES, i, "service_id"));
            continue;
        }
        /* Our own words come back as they went; others' days as ours. */
        const char *desc = val(mp, HT_SCHEDULES, i, "description");
        uint32_t slots;
        char *words = NULL;
        const char *text = desc;
        if (!desc || weektime_parse(desc, &slots) != 0)
            if ((words = schedule_words(mp, i)) != NULL)
                text = words;
        if (text) {
            struct buf *b = &mp->acc[s].schedule;
            if (b->len)
                buf_puts(b, "; ");
            buf_puts(b, text);
        }
        free(words);
    }
}

static void gather_areas(struct mapper *mp)
{
    for (size_t i = 0; i < mp->p->t[HT_AREAS].nrows; i++) {
        bool named;
        long s = service_of(mp, HT_AREAS, i, &named);
        size_t at = mp->p->t[HT_AREAS].rows[i].at;
        if (s < 0) {
            if (named)
                warn(mp, HT_AREAS, at, "service_id", _("overgeslagen: geen dienst"),
                     val(mp, HT_AREAS, i, "service_id"));
            continue;
        }
        const char *name = val(mp, HT_AREAS, i, "name");
        if (!name || mp->acc[s].area) /* one area per entry: the first */
            continue;
        const char *mapped = map_get(mp->m, MS_AREAS, name);
        mp->acc[s].area = mapped ? mapped : name;
        mp->acc[s].area_at = (struct src){HT_AREAS, at, "name"};
    }
}

static bool in_vocabulary(const char *const *voc, const char *w)
{
    for (size_t i = 0; w && voc[i]; i++)
        if (strcasecmp(voc[i], w) == 0)
            return true;
    return false;
}

/* Applies term row tr (with the attribute's value) to service s. */
static void apply_term(struct mapper *mp, size_t s, size_t tr, const char *value, size_t at)
{
    struct acc *a = &mp->acc[s];
    const char *tax = val(mp, HT_TERMS, tr, "taxonomy");
    const char *code = val(mp, HT_TERMS, tr, "code");
    const char *name = val(mp, HT_TERMS, tr, "name");
    const char *w = code ? code : name;
    struct src src = {HT_ATTRS, at, "value"};
    if (!w)
        return; /* a term without code or name says nothing */
    if (tax && strcmp(tax, HSDS_TAX_NEEDS) == 0) {
        list_add(&a->needs, w);
        a->needs_at = (struct src){HT_TERMS, mp->p->t[HT_TERMS].rows[tr].at, "code"};
        return;
    }
    if (tax && strcmp(tax, HSDS_TAX_INTERESTS) == 0) {
        list_add(&a->interests, w);
        a->interests_at = (struct src){HT_TERMS, mp->p->t[HT_TERMS].rows[tr].at, "code"};
        return;
    }
    if (tax && strcmp(tax, HSDS_TAX_OWN) == 0 && code && value) {
        if (strcmp(code, "kind") == 0)
            a->kind = value, a->kind_at = src;
        else if (strcmp(code, "reach") == 0)
            a->reach = value, a->reach_at = src;
        else if (strcmp(code, "capacity") == 0)
            a->capacity = value, a->cap_at = src;
        else if (strcmp(code, "contact") == 0)
            a->contact = value, a->contact_at = src;
        else if (strcmp(code, "access") == 0)
            list_add(&a->access, value), a->access_at = src;
        return;
    }
    const char *v;
    struct src tsrc = {HT_TERMS, mp->p->t[HT_TERMS].rows[tr].at, code ? "code" : "name"};
    bool used = false;
    if ((v = map_get(mp->m, MS_NEEDS, code)) || (v = map_get(mp->m, MS_NEEDS, name)))
        list_add(&a->needs, v), a->needs_at = tsrc, used = true;
    if ((v = map_get(mp->m, MS_INTERESTS, code)) || (v = map_get(mp->m, MS_INTERESTS, name)))
        list_add(&a->interests, v), a->interests_at = tsrc, used = true;
    if ((v = map_get(mp->m, MS_KINDS, code)) || (v = map_get(mp->m, MS_KINDS, name)))
        a->kind = v, a->kind_at = tsrc, used = true;
    if (!used && in_vocabulary(tags_needs_vocabulary, name))
        list_add(&a->needs, name), a->needs_at = tsrc, used = true;
    if (!used && in_vocabulary(tags_interests_vocabulary, name))
        list_add(&a->interests, name), a->interests_at = tsrc, used = true;
    if (!used && name && !strstr(mp->unmapped.data ? mp->unmapped.data : "", name)) {
        list_add(&mp->unmapped, name);
        mp->n_unmapped++;
    }
}

static int gather_attributes(struct mapper *mp)
{
    const struct hsds_table *tb = &mp->p->t[HT_ATTRS];
    for (size_t i = 0; i < tb->nrows; i++) {
        bool named;
        long s = service_of(mp, HT_ATTRS, i, &named);
        const char *link = val(mp, HT_ATTRS, i, "link_id");
        if (s < 0) {
            bool elsewhere = index_find(&mp->ix[HT_ORGS], link) >= 0 ||
                             index_find(&mp->ix[HT_LOCATIONS], link) >= 0 ||
                             index_find(&mp->ix[HT_SCHEDULES], link) >= 0 ||
                             index_find(&mp->ix[HT_AREAS], link) >= 0;
            if (!elsewhere) /* about an organisation or a place: not ours to keep */
                warn(mp, HT_ATTRS, tb->rows[i].at, "link_id",
                     _("overgeslagen: verwijst naar niets in het pakket"), link);
            continue;
        }
        const char *tid = val(mp, HT_ATTRS, i, "taxonomy_term_id");
        long tr = index_find(&mp->ix[HT_TERMS], tid);
        if (tr < 0) {
            char *s2 = text_inert(tid ? tid : "", false);
            char *what = xasprintf(_("%s bestaat niet in taxonomy_terms"), s2);
            int rc = fail(mp, HT_ATTRS, tb->rows[i].at, "taxonomy_term_id", what);
            free(what);
            free(s2);
            return rc;
        }
        apply_term(mp, (size_t)s, (size_t)tr, val(mp, HT_ATTRS, i, "value"), tb->rows[i].at);
    }
    return 0;
}

/* Our id for an HSDS id: itself when it is one, a UUID without its hyphens. */
static char *our_id(const char *id)
{
    if (record_id_valid(id))
        return xstrdup(id);
    if (strlen(id) != 36)
        return NULL;
    char out[33];
    size_t k = 0;
    for (size_t i = 0; i < 36; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        char c = id[i];
        if (dash ? c != '-' : !strchr("0123456789abcdefABCDEF", c))
            return NULL;
        if (!dash)
            out[k++] = (char)(c >= 'A' && c <= 'F' ? c + 32 : c);
    }
    out[k] = '\0';
    return xstrdup(out);
}

/* A whole number of years, 0 to 150 ("12" or "12.0"), or -1. */
static long age_bound(const char *s)
{
    char *end;
    double d = strtod(s, &end);
    if (end == s || *end || d < 0 || d > 150 || d != (double)(long)d)
        return -1;
    return (long)d;
}

static int set_field(struct mapper *mp, struct wt_record *r, int f, const char *v, struct src at)
{
    if (!v || !*v)
        return 0;
    struct wt_error e = {0};
    if (record_set_checked(r, f, v, &e) == 0)
        return 0;
    return fail(mp, at.t, at.at, at.col, e.text);
}

/* What status says about capacity; NULL for defunct, "" for a bad value. */
static const char *status_capacity(const char *status)
{
    static const char *const map[][2] = {{"active", "open"},
                                         {"inactive", "paused"},
                                         {"temporarily closed", "full"},
                                         {"defunct", NULL}};
    for (size_t i = 0; status && i < sizeof map / sizeof map[0]; i++)
        if (strcasecmp(status, map[i][0]) == 0)
            return map[i][1];
    return "";
}

static int service_fields(struct mapper *mp, size_t i, struct wt_record *r)
{
    struct acc *a = &mp->acc[i];
    size_t at = mp->p->t[HT_SERVICES].rows[i].at;
#define S(col) ((struct src){HT_SERVICES, at, col})
    int rc = set_field(mp, r, RESOURCE_NAME, val(mp, HT_SERVICES, i, "name"), S("name"));
    const char *kind = a->kind ? a->kind : map_get(mp->m, MS_DEFAULTS, "kind");
    if (!rc)
        rc = set_field(mp, r, RESOURCE_KIND, kind ? kind : "organisation",
                       a->kind ? a->kind_at : S("id"));
    const char *area = a->area ? a->area : map_get(mp->m, MS_DEFAULTS, "area");
    if (!rc && !area)
        rc = fail(mp, HT_SERVICES, at, "service_areas",
                  _("geen gebied: geef een service_area, of area onder [defaults] in hsds.ini"));
    if (!rc)
        rc = set_field(mp, r, RESOURCE_AREA, area, a->area ? a->area_at : S("id"));
    if (!rc)
        rc = set_field(mp, r, RESOURCE_NEEDS, a->needs.data, a->needs_at);
    if (!rc)
        rc = set_field(mp, r, RESOURCE_INTERESTS, a->interests.data, a->interests_at);
    const char *lo = val(mp, HT_SERVICES, i, "minimum_age");
    const char *hi = val(mp, HT_SERVICES, i, "maximum_age");
    if (!rc && lo && age_bound(lo) < 0)
        rc = fail(mp, HT_SERVICES, at, "minimum_age", _("geen leeftijd (0 tot 150)"));
    if (!rc && hi && age_bound(hi) < 0)
        rc = fail(mp, HT_SERVICES, at, "maximum_age", _("geen leeftijd (0 tot 150)"));
    if (!rc && (lo || hi)) {
        char ages[48];
        if (lo && hi)
            snprintf(ages, sizeof ages, "%ld-%ld", age_bound(lo), age_bound(hi));
        else if (lo)
            snprintf(ages, sizeof ages, "%ld-", age_bound(lo));
        else
            snprintf(ages, sizeof ages, "-%ld", age_bound(hi));
        rc = set_field(mp, r, RESOURCE_AGES, ages, S(lo ? "minimum_age" : "maximum_age"));
    }
    if (!rc)
        rc = set_field(mp, r, RESOURCE_ACCESS, a->access.data, a->access_at);
    if (!rc)
        rc = set_field(mp, r, RESOURCE_SCHEDULE, a->schedule.data,
                       (struct src){HT_SCHEDULES, at, "description"});
    const char *email = val(mp, HT_SERVICES, i, "email");
    const char *url = val(mp, HT_SERVICES, i, "url");
    if (!rc)
        rc = a->contact ? set_field(mp, r, RESOURCE_CONTACT, a->contact, a->contact_at)
                        : set_field(mp, r, RESOURCE_CONTACT, email ? email : url,
                                    S(email ? "email" : "url"));
    if (!rc)
        rc = set_field(mp, r, RESOURCE_DESCRIPTION, val(mp, HT_SERVICES, i, "description"),
                       S("description"));
    const char *assured = val(mp, HT_SERVICES, i, "assured_date");
    if (!rc && assured) {
        char day[11];
        int32_t d;
        snprintf(day, sizeof day, "%s", assured); /* a date-time's day */
        if (date_parse(day, &d) != 0)
            rc = fail(mp, HT_SERVICES, at, "assured_date", _("geen datum (JJJJ-MM-DD)"));
        else
            rc = set_field(mp, r, RESOURCE_CHECKED, day, S("assured_date"));
    }
    const char *cap = status_capacity(val(mp, HT_SERVICES, i, "status"));
    if (!rc)
        rc = a->capacity ? set_field(mp, r, RESOURCE_CAPACITY, a->capacity, a->cap_at)
                         : set_field(mp, r, RESOURCE_CAPACITY, cap, S("status"));
    const char *reach = a->reach ? a->reach : map_get(mp->m, MS_DEFAULTS, "reach");
    if (!rc)
        rc = set_field(mp, r, RESOURCE_REACH, reach, a->reach ? a->reach_at : S("id"));
    struct wt_error e = {0};
    if (!rc && record_complete(r, &e) != 0)
        rc = fail(mp, HT_SERVICES, at, "id", e.text);
#undef S
    return rc;
}

/* The service rows' own checks: id, status, organisation. */
static int service_row(struct mapper *mp, size_t i)
{
    const struct hsds_table *tb = &mp->p->t[HT_SERVICES];
    size_t at = tb->rows[i].at;
    const char *id = val(mp, HT_SERVICES, i, "id");
    if (!id)
        return fail(mp, HT_SERVICES, at, "id", _("ontbreekt"));
    const char *status = val(mp, HT_SERVICES, i, "status");
    if (!status)
        return fail(mp, HT_SERVICES, at, "status", _("ontbreekt"));
    const char *cap = status_capacity(status);
    if (cap && !*cap)
        return fail(mp, HT_SERVICES, at, "status",
                    _("moet active, inactive, defunct of temporarily closed zijn"));
    const char *org = val(mp, HT_SERVICES, i, "organization_id");
    if (!tb->json && index_find(&mp->ix[HT_ORGS], org) < 0)
        return fail(mp, HT_SERVICES, at, "organization_id",
                    org ? _("bestaat niet in organizations") : _("ontbreekt"));
    if (!cap) {
        mp->acc[i].skip = true;
        warn(mp, HT_SERVICES, at, "status", _("overgeslagen: de dienst bestaat niet meer"), id);
    }
    return 0;
}

static int map_services(struct mapper *mp)
{
    const struct hsds_table *tb = &mp->p->t[HT_SERVICES];
    struct hsds_result *out = mp->out;
    out->recs = xcalloc(tb->nrows ? tb->nrows : 1, sizeof *out->recs);
    struct byid *seen = xmalloc((tb->nrows ? tb->nrows : 1) * sizeof *seen);
    int rc = 0;
    for (size_t i = 0; i < tb->nrows && !rc; i++)
        rc = service_row(mp, i);
    for (size_t i = 0; i < tb->nrows && !rc; i++) {
        if (mp->acc[i].skip)
            continue;
        char *id = our_id(val(mp, HT_SERVICES, i, "id"));
        if (!id) {
            rc = fail(mp, HT_SERVICES, tb->rows[i].at, "id",
                      _("geen bruikbare id (1 tot 32 tekens A-Z a-z 0-9 . _ -, of een UUID)"));
            break;
        }
        struct wt_record *r = &out->recs[out->n++];
        record_init(r, WT_RESOURCES);
        record_set(r, RESOURCE_ID, id);
        free(id);
        seen[out->n - 1] = (struct byid){r->v[0], i};
        rc = service_fields(mp, i, r);
    }
    if (!rc && out->n > 1) {
        qsort(seen, out->n, sizeof *seen, byid_cmp);
        for (size_t k = 1; k < out->n && !rc; k++)
            if (strcmp(seen[k].id, seen[k - 1].id) == 0)
                rc = fail(mp, HT_SERVICES, tb->rows[seen[k].row].at, "id",
                          _("staat er twee keer"));
    }
    free(seen);
    return rc;
}

int hsds_map_package(const struct hsds_pkg *p, const struct hsds_map *m,
                     struct hsds_result *out, struct wt_error *err)
{
    memset(out, 0, sizeof *out);
    struct hsds_map empty = {0};
    struct mapper mp = {.p = p, .m = m ? m : &empty, .out = out, .err = err};
    for (int t = 0; t < HT_COUNT; t++)
        index_build(&mp.ix[t], &p->t[t]);
    size_t ns = p->t[HT_SERVICES].nrows;
    mp.acc = xcalloc(ns ? ns : 1, sizeof *mp.acc);
    gather_schedules(&mp);
    gather_areas(&mp);
    int rc = gather_attributes(&mp);
    if (!rc)
        rc = map_services(&mp);
    if (!rc && mp.n_unmapped) {
        char *s = text_inert(mp.unmapped.data, false);
        buf_printf(&out->warnings,
                   _("%zu taxonomietermen staan niet in hsds.ini en zijn niet gebruikt: %s\n"),
                   mp.n_unmapped, s);
        free(s);
    }
    for (size_t i = 0; i < ns; i++) {
        buf_fini(&mp.acc[i].needs);
        buf_fini(&mp.acc[i].interests);
        buf_fini(&mp.acc[i].access);
        buf_fini(&mp.acc[i].schedule);
    }
    free(mp.acc);
    for (int t = 0; t < HT_COUNT; t++)
        free(mp.ix[t].e);
    buf_fini(&mp.unmapped);
    if (rc)
        hsds_result_fini(out);
    return rc;
}

void hsds_result_fini(struct hsds_result *r)
{
    for (size_t i = 0; i < r->n; i++)
        record_fini(&r->recs[i]);
    free(r->recs);
    buf_fini(&r->warnings);
    memset(r, 0, sizeof *r);
}
