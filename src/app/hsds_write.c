/* hsds_write.c: the social map as an HSDS 3.0 tabular data package (CSV files and datapackage.json). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hsds_int.h"
#include "wijktafel/csv.h"
#include "wijktafel/store.h"
#include "wijktafel/tags.h"
#include "wijktafel/weektime.h"

#define MAXCOLS 32
#define ORG_ID "wijktafel-team"

/* One row of table t: values by column name, written in the table's order. */
struct row {
    enum hsds_tab t;
    const char *v[MAXCOLS];
};

static void put(struct row *r, const char *col, const char *v)
{
    int c = hsds_col(r->t, col);
    if (c >= 0)
        r->v[c] = v && *v ? v : NULL;
}

static void emit(struct buf out[HT_COUNT], const struct row *r)
{
    size_t n = 0;
    while (hsds_tabdef(r->t)->cols[n])
        n++;
    csv_write_row(&out[r->t], r->v, n);
}

/* An id of 32 hex digits (an HSDS UUID we read) goes out as a UUID again. */
static char *hsds_id(const char *id)
{
    size_t n = strlen(id);
    if (n != 32 || strspn(id, "0123456789abcdef") != 32)
        return xstrdup(id);
    return xasprintf("%.8s-%.4s-%.4s-%.4s-%.12s", id, id + 8, id + 12, id + 16, id + 20);
}

/* Sorted set of strings (the tags and areas the package names). */
struct strset {
    char **s;
    size_t n;
};

static void strset_add(struct strset *x, const char *s)
{
    for (size_t i = 0; i < x->n; i++)
        if (strcmp(x->s[i], s) == 0)
            return;
    x->s = xrealloc(x->s, (x->n + 1) * sizeof *x->s);
    x->s[x->n++] = xstrdup(s);
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void strset_fini(struct strset *x)
{
    for (size_t i = 0; i < x->n; i++)
        free(x->s[i]);
    free(x->s);
}

/* Our own terms: a value each service holds in an attribute. */
static const struct {
    const char *code, *desc;
} own_terms[] = {
    {"kind", "Kind of entry on the wijktafel social map: initiative, activity, organisation, "
             "desk, buddy or formal"},
    {"reach", "How far the entry reaches: buurt, kern, gemeente, regio or online"},
    {"access", "Access: rolstoel (wheelchair access) or vervoer (transport is arranged)"},
    {"capacity", "Free places (a number), open, full or paused"},
    {"contact", "How to reach the entry, as the team wrote it"},
};

static void attr(struct buf out[HT_COUNT], const char *sid, const char *term, const char *value)
{
    char *id = xasprintf("%s-%s", sid, term);
    struct row r = {.t = HT_ATTRS};
    put(&r, "id", id);
    put(&r, "link_id", sid);
    put(&r, "taxonomy_term_id", term);
    put(&r, "link_entity", "service");
    put(&r, "value", value);
    emit(out, &r);
    free(id);
}

static void tag_attrs(struct buf out[HT_COUNT], const char *sid, const char *list,
                      const char *prefix, struct strset *seen)
{
    struct taglist l;
    tags_split(list, &l);
    for (size_t i = 0; i < l.n; i++) {
        char *term = xasprintf("%s-%s", prefix, l.items[i]);
        attr(out, sid, term, NULL);
        strset_add(seen, l.items[i]);
        free(term);
    }
    tags_fini(&l);
}

/* The days a schedule's text names (RFC 5545 codes), or NULL. */
static char *byday(const char *text)
{
    static const char *const codes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    uint32_t slots;
    if (!text || weektime_parse(text, &slots) != 0 || slots == WEEKTIME_ALL)
        return NULL;
    struct buf b = {0};
    for (int d = 0; d < 7; d++)
        if (slots & (WEEKTIME_BIT(d, 0) | WEEKTIME_BIT(d, 1) | WEEKTIME_BIT(d, 2))) {
            if (b.len)
                buf_putc(&b, ',');
            buf_puts(&b, codes[d]);
        }
    return b.len ? buf_steal(&b) : NULL;
}

static const char *status_of(const char *capacity)
{
    if (!capacity || strcmp(capacity, "open") == 0)
        return "active";
    if (strcmp(capacity, "paused") == 0)
        return "inactive";
    if (strcmp(capacity, "full") == 0 || strcmp(capacity, "0") == 0)
        return "temporarily closed";
    return "active"; /* free places */
}

static void area_location(const char *area, char out[22])
{
    char hex[65];
    store_sha256_hex(area, strlen(area), hex);
    snprintf(out, 22, "area-%.16s", hex);
}

static void one_service(struct buf out[HT_COUNT], const struct wt_record *rec,
                        struct strset *needs, struct strset *interests, struct strset *areas,
                        bool own_used[])
{
    char *sid = hsds_id(rec->v[RESOURCE_ID]);
    const char *contact = rec->v[RESOURCE_CONTACT];
    bool mail = contact && strchr(contact, '@') && !strpbrk(contact, " ,;\n");
    bool web = contact && strncmp(contact, "http", 4) == 0 && !strpbrk(contact, " ,;\n");
    int lo = -1, hi = -1;
    if (rec->v[RESOURCE_AGES])
        record_parse_ages(rec->v[RESOURCE_AGES], &lo, &hi);
    char los[16] = "", his[16] = "";
    if (lo >= 0)
        snprintf(los, sizeof los, "%d", lo);
    if (hi >= 0)
        snprintf(his, sizeof his, "%d", hi);
    struct row r = {.t = HT_SERVICES};
    put(&r, "id", sid);
    put(&r, "organization_id", ORG_ID);
    put(&r, "name", rec->v[RESOURCE_NAME]);
    put(&r, "description", rec->v[RESOURCE_DESCRIPTION]);
    put(&r, "email", mail ? contact : NULL);
    put(&r, "url", web ? contact : NULL);
    put(&r, "status", status_of(rec->v[RESOURCE_CAPACITY]));
    put(&r, "minimum_age", los);
    put(&r, "maximum_age", his);
    put(&r, "assured_date", rec->v[RESOURCE_CHECKED]);
    emit(out, &r);

    const char *area = rec->v[RESOURCE_AREA];
    char loc[22];
    area_location(area, loc);
    strset_add(areas, area);
    char *said = xasprintf("%s-at", sid);
    r = (struct row){.t = HT_SAL};
    put(&r, "id", said);
    put(&r, "service_id", sid);
    put(&r, "location_id", loc);
    emit(out, &r);
    char *arid = xasprintf("%s-area", sid);
    r = (struct row){.t = HT_AREAS};
    put(&r, "id", arid);
    put(&r, "service_id", sid);
    put(&r, "name", area);
    emit(out, &r);
    if (rec->v[RESOURCE_SCHEDULE]) {
        char *schid = xasprintf("%s-schedule", sid);
        char *days = byday(rec->v[RESOURCE_SCHEDULE]);
        r = (struct row){.t = HT_SCHEDULES};
        put(&r, "id", schid);
        put(&r, "service_id", sid);
        put(&r, "freq", days ? "WEEKLY" : NULL);
        put(&r, "byday", days);
        put(&r, "description", rec->v[RESOURCE_SCHEDULE]);
        emit(out, &r);
        free(days);
        free(schid);
    }
    /* What HSDS has no column for goes in attributes of our own taxonomy. */
    const char *own[] = {rec->v[RESOURCE_KIND], rec->v[RESOURCE_REACH], NULL,
                         record_capacity_places(rec->v[RESOURCE_CAPACITY]) >= 0
                             ? rec->v[RESOURCE_CAPACITY] : NULL,
                         contact};
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
        if (own[i]) {
            char *term = xasprintf("wijktafel-%s", own_terms[i].code);
            attr(out, sid, term, own[i]);
            own_used[i] = true;
            free(term);
        }
    struct taglist acc;
    tags_split(rec->v[RESOURCE_ACCESS], &acc);
    for (size_t i = 0; i < acc.n; i++) {
        char *id = xasprintf("%s-access-%s", sid, acc.items[i]);
        r = (struct row){.t = HT_ATTRS};
        put(&r, "id", id);
        put(&r, "link_id", sid);
        put(&r, "taxonomy_term_id", "wijktafel-access");
        put(&r, "link_entity", "service");
        put(&r, "value", acc.items[i]);
        emit(out, &r);
        own_used[2] = true;
        free(id);
    }
    tags_fini(&acc);
    tag_attrs(out, sid, rec->v[RESOURCE_NEEDS], "need", needs);
    tag_attrs(out, sid, rec->v[RESOURCE_INTERESTS], "interest", interests);
    free(arid);
    free(said);
    free(sid);
}

static void tag_terms(struct buf out[HT_COUNT], struct strset *tags, const char *prefix,
                      const char *tax, const char *what)
{
    if (tags->n > 1)
        qsort(tags->s, tags->n, sizeof *tags->s, str_cmp);
    for (size_t i = 0; i < tags->n; i++) {
        char *id = xasprintf("%s-%s", prefix, tags->s[i]);
        struct row r = {.t = HT_TERMS};
        put(&r, "id", id);
        put(&r, "code", tags->s[i]);
        put(&r, "name", tags->s[i]);
        put(&r, "description", what);
        put(&r, "taxonomy", tax);
        put(&r, "language", "nl");
        emit(out, &r);
        free(id);
    }
}

void hsds_write_package(const struct wt_record *recs, size_t n, const char *org,
                        struct buf out[HT_COUNT])
{
    for (int t = 0; t < HT_COUNT; t++) {
        size_t k = 0;
        while (hsds_tabdef(t)->cols[k])
            k++;
        csv_write_row(&out[t], hsds_tabdef(t)->cols, k);
    }
    char *desc = xasprintf("The social map of %s, written by wijktafel", org);
    struct row r = {.t = HT_ORGS};
    put(&r, "id", ORG_ID);
    put(&r, "name", org);
    put(&r, "description", desc);
    emit(out, &r);
    free(desc);
    struct strset needs = {0}, interests = {0}, areas = {0};
    bool own_used[sizeof own_terms / sizeof own_terms[0]] = {false};
    for (size_t i = 0; i < n; i++)
        if (!recs[i].damaged)
            one_service(out, &recs[i], &needs, &interests, &areas, own_used);
    if (areas.n > 1)
        qsort(areas.s, areas.n, sizeof *areas.s, str_cmp);
    for (size_t i = 0; i < areas.n; i++) {
        char loc[22];
        area_location(areas.s[i], loc);
        const char *slash = strrchr(areas.s[i], '/');
        r = (struct row){.t = HT_LOCATIONS};
        put(&r, "id", loc);
        put(&r, "location_type", "physical");
        put(&r, "organization_id", ORG_ID);
        put(&r, "name", slash ? slash + 1 : areas.s[i]);
        put(&r, "description", areas.s[i]);
        emit(out, &r);
    }
    for (size_t i = 0; i < sizeof own_terms / sizeof own_terms[0]; i++) {
        if (!own_used[i])
            continue;
        char *id = xasprintf("wijktafel-%s", own_terms[i].code);
        r = (struct row){.t = HT_TERMS};
        put(&r, "id", id);
        put(&r, "code", own_terms[i].code);
        put(&r, "name", own_terms[i].code);
        put(&r, "description", own_terms[i].desc);
        put(&r, "taxonomy", HSDS_TAX_OWN);
        put(&r, "language", "en");
        emit(out, &r);
        free(id);
    }
    tag_terms(out, &needs, "need", HSDS_TAX_NEEDS, "Need (wijktafel vocabulary)");
    tag_terms(out, &interests, "interest", HSDS_TAX_INTERESTS,
              "Interest (wijktafel vocabulary)");
    strset_fini(&needs);
    strset_fini(&interests);
    strset_fini(&areas);
}

char *hsds_datapackage_json(void)
{
    json_t *res = json_array();
    for (int t = 0; t < HT_COUNT; t++) {
        const struct hsds_tabdef *d = hsds_tabdef(t);
        json_t *fields = json_array();
        for (size_t c = 0; d->cols[c]; c++) {
            bool req = false;
            for (const char *const *q = d->required; *q; q++)
                req = req || strcmp(*q, d->cols[c]) == 0;
            json_array_append_new(fields, json_pack("{s:s, s:s, s:{s:b}}", "name", d->cols[c],
                                                    "type", "string", "constraints",
                                                    "required", req));
        }
        json_array_append_new(
            res, json_pack("{s:s, s:s, s:s, s:s, s:s, s:{s:o, s:s}}", "name", d->name, "path",
                           d->file, "format", "csv", "mediatype", "text/csv", "profile",
                           "tabular-data-resource", "schema", "fields", fields, "primaryKey",
                           "id"));
    }
    json_t *pkg = json_pack("{s:s, s:s, s:s, s:o}", "name", "wijktafel-social-map",
                            "description", "A social map as Open Referral HSDS 3.0 tables",
                            "profile", "tabular-data-package", "resources", res);
    char *s = json_dumps(pkg, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(pkg);
    return s;
}
