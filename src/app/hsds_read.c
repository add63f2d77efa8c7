/* hsds_read.c: the tables of an HSDS 3.0 package, from CSV files or from HSDS JSON. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hsds_int.h"
#include "wijktafel/csv.h"
#include "wijktafel/i18n.h"
#include "wijktafel/text.h"

/* Column names as openreferral/specification schema/ (3.0) gives them. */
static const char *const org_cols[] = {
    "id", "name", "alternate_name", "description", "email", "website", "tax_status", "tax_id",
    "year_incorporated", "legal_status", "logo", "uri", "parent_organization_id", NULL};
static const char *const org_req[] = {"id", "name", NULL};
static const char *const svc_cols[] = {
    "id", "organization_id", "program_id", "name", "alternate_name", "description", "url",
    "email", "status", "interpretation_services", "application_process", "fees_description",
    "wait_time", "fees", "accreditations", "eligibility_description", "minimum_age",
    "maximum_age", "assured_date", "assurer_email", "licenses", "alert", "last_modified", NULL};
static const char *const svc_req[] = {"id", "organization_id", "name", "status", NULL};
static const char *const loc_cols[] = {
    "id", "location_type", "url", "organization_id", "name", "alternate_name", "description",
    "transportation", "latitude", "longitude", "external_identifier",
    "external_identifier_type", NULL};
static const char *const loc_req[] = {"id", "location_type", NULL};
static const char *const sal_cols[] = {"id", "service_id", "location_id", "description", NULL};
static const char *const sal_req[] = {"id", "service_id", "location_id", NULL};
static const char *const sch_cols[] = {
    "id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to",
    "dtstart", "timezone", "until", "count", "wkst", "freq", "interval", "byday", "byweekno",
    "bymonthday", "byyearday", "description", "opens_at", "closes_at", "schedule_link",
    "attending_type", "notes", NULL};
static const char *const id_req[] = {"id", NULL};
static const char *const term_cols[] = {"id", "code", "name", "description", "parent_id",
                                        "taxonomy", "language", "taxonomy_id", "term_uri",
                                        NULL};
static const char *const term_req[] = {"id", "name", NULL};
static const char *const attr_cols[] = {"id",    "link_id", "taxonomy_term_id", "link_type",
                                        "link_entity", "value", "label", NULL};
static const char *const attr_req[] = {"id", "link_id", "taxonomy_term_id", NULL};
static const char *const area_cols[] = {"id",     "service_id",  "service_at_location_id",
                                        "name",   "description", "extent",
                                        "extent_type", "uri", NULL};

static const struct hsds_tabdef tabdefs[HT_COUNT] = {
    [HT_ORGS] = {"organization", "organizations.csv", org_cols, org_req},
    [HT_SERVICES] = {"service", "services.csv", svc_cols, svc_req},
    [HT_LOCATIONS] = {"location", "locations.csv", loc_cols, loc_req},
    [HT_SAL] = {"service_at_location", "service_at_location.csv", sal_cols, sal_req},
    [HT_SCHEDULES] = {"schedule", "schedules.csv", sch_cols, id_req},
    [HT_TERMS] = {"taxonomy_term", "taxonomy_terms.csv", term_cols, term_req},
    [HT_ATTRS] = {"attribute", "attributes.csv", attr_cols, attr_req},
    [HT_AREAS] = {"service_area", "service_areas.csv", area_cols, id_req},
};

const struct hsds_tabdef *hsds_tabdef(enum hsds_tab t)
{
    return &tabdefs[t];
}

static size_t ncols(enum hsds_tab t)
{
    size_t n = 0;
    while (tabdefs[t].cols[n])
        n++;
    return n;
}

int hsds_col(enum hsds_tab t, const char *name)
{
    for (int i = 0; tabdefs[t].cols[i]; i++)
        if (strcmp(tabdefs[t].cols[i], name) == 0)
            return i;
    return -1;
}

static struct hsds_row *add_row(struct hsds_table *tb, enum hsds_tab t, size_t at)
{
    if (tb->nrows == tb->cap) {
        tb->cap = tb->cap ? tb->cap * 2 : 16;
        tb->rows = xrealloc(tb->rows, tb->cap * sizeof *tb->rows);
    }
    struct hsds_row *r = &tb->rows[tb->nrows++];
    r->at = at;
    r->v = xcalloc(ncols(t), sizeof *r->v);
    return r;
}

void hsds_pkg_fini(struct hsds_pkg *p)
{
    for (int t = 0; t < HT_COUNT; t++) {
        struct hsds_table *tb = &p->t[t];
        for (size_t i = 0; i < tb->nrows; i++) {
            for (size_t c = 0; tabdefs[t].cols[c]; c++)
                free(tb->rows[i].v[c]);
            free(tb->rows[i].v);
        }
        free(tb->rows);
        free(tb->where);
        memset(tb, 0, sizeof *tb);
    }
}

/* A name from the file, inert and short enough for one message line. */
static char *shown(const char *s)
{
    char *v = text_inert(s, false);
    if (strlen(v) > 40) {
        size_t cut = 37;
        while (cut > 0 && ((unsigned char)v[cut] & 0xc0) == 0x80)
            cut--;
        strcpy(v + cut, "...");
    }
    return v;
}

struct csv_ctx {
    struct hsds_pkg *p;
    enum hsds_tab t;
    int col[CSV_MAX_ROW_FIELDS]; /* file column -> table column, -1 skipped */
    size_t n;
    bool header_seen;
    struct wt_error *err;
};

static int csv_header(struct csv_ctx *c, size_t line, char **f, size_t n)
{
    const char *where = c->p->t[c->t].where;
    bool seen[64] = {false};
    for (size_t i = 0; i < n; i++) {
        const char *name = f[i];
        if (i == 0 && strncmp(name, "\xef\xbb\xbf", 3) == 0)
            name += 3;
        int k = hsds_col(c->t, name);
        if (k >= 0 && seen[k]) {
            char *s = shown(name);
            int rc = wt_error_set(c->err, WT_EINVAL, _("%s:%zu: %s: kolom staat er twee keer"),
                                  where, line, s);
            free(s);
            return rc;
        }
        if (k >= 0)
            seen[k] = true;
        c->col[i] = k;
    }
    for (const char *const *r = tabdefs[c->t].required; *r; r++)
        if (!seen[hsds_col(c->t, *r)])
            return wt_error_set(c->err, WT_EINVAL, _("%s:%zu: %s: verplichte kolom ontbreekt"),
                                where, line, *r);
    c->n = n;
    c->header_seen = true;
    return 0;
}

static int csv_row(void *ctx, size_t line, char **f, size_t n)
{
    struct csv_ctx *c = ctx;
    if (!c->header_seen)
        return csv_header(c, line, f, n);
    struct hsds_table *tb = &c->p->t[c->t];
    /* Fewer fields: the last ones are empty (the standard's own examples
     * write rows so); more than the header names cannot be placed. */
    if (n > c->n)
        return wt_error_set(c->err, WT_EINVAL,
                            _("%s:%zu: %zu velden, maar de kopregel heeft %zu kolommen"),
                            tb->where, line, n, c->n);
    struct hsds_row *r = add_row(tb, c->t, line);
    for (size_t i = 0; i < n; i++)
        if (c->col[i] >= 0 && f[i][0])
            r->v[c->col[i]] = xstrdup(f[i]);
    return 0;
}

int hsds_read_csv(struct hsds_pkg *p, enum hsds_tab t, const char *where, const char *buf,
                  size_t len, struct wt_error *err)
{
    struct hsds_table *tb = &p->t[t];
    free(tb->where);
    tb->where = xstrdup(where);
    tb->json = false;
    struct csv_ctx c = {.p = p, .t = t, .err = err};
    int rc = csv_read(buf, len, where, csv_row, &c, err);
    if (!rc && !c.header_seen)
        rc = wt_error_set(err, WT_EINVAL, _("%s:1: het bestand is leeg (de kopregel ontbreekt)"),
                          where);
    return rc;
}

/* The table a datapackage resource describes, by its name or path. */
static int tab_of_resource(json_t *res)
{
    const char *name = json_string_value(json_object_get(res, "name"));
    const char *path = json_string_value(json_object_get(res, "path"));
    for (int t = 0; t < HT_COUNT; t++)
        if ((name && strcmp(name, tabdefs[t].name) == 0) ||
            (path && strcmp(path, tabdefs[t].file) == 0))
            return t;
    return -1;
}

int hsds_check_datapackage(const char *where, const char *buf, size_t len,
                           struct wt_error *err)
{
    json_error_t je;
    json_t *root = json_loadb(buf, len, 0, &je);
    if (!root)
        return wt_error_set(err, WT_EINVAL, _("%s:%d: geen geldige JSON: %s"), where, je.line,
                            je.text);
    int rc = 0;
    json_t *resources = json_object_get(root, "resources");
    for (size_t i = 0; i < json_array_size(resources) && !rc; i++) {
        json_t *res = json_array_get(resources, i);
        int t = tab_of_resource(res);
        json_t *fields = json_object_get(json_object_get(res, "schema"), "fields");
        for (size_t k = 0; t >= 0 && k < json_array_size(fields) && !rc; k++) {
            json_t *fd = json_array_get(fields, k);
            const char *name = json_string_value(json_object_get(fd, "name"));
            json_t *req = json_object_get(json_object_get(fd, "constraints"), "required");
            if (name && json_is_true(req) && hsds_col(t, name) < 0) {
                char *s = shown(name);
                rc = wt_error_set(err, WT_EINVAL,
                                  _("%s: %s: %s: verplichte kolom die HSDS 3.0 niet kent"),
                                  where, tabdefs[t].file, s);
                free(s);
            }
        }
    }
    json_decref(root);
    return rc;
}

/* --- HSDS JSON: each service object and what it holds, flattened into the tables. --- */

struct jctx {
    struct hsds_pkg *p;
    size_t rec; /* the service's number, from 1 */
    struct wt_error *err;
};

/* The text of a JSON scalar for a column, or NULL (null); bad types fail. */
static int scalar(struct jctx *j, const char *col, json_t *v, char **out)
{
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (json_is_string(v))
        *out = json_string_length(v) ? xstrdup(json_string_value(v)) : NULL;
    else if (json_is_integer(v))
        *out = xasprintf("%lld", (long long)json_integer_value(v));
    else if (json_is_real(v))
        *out = xasprintf("%.15g", json_real_value(v));
    else if (json_is_boolean(v))
        *out = xstrdup(json_is_true(v) ? "true" : "false");
    else
        return wt_error_set(j->err, WT_EINVAL, _("%s: record %zu: %s: moet tekst of een getal "
                                                 "zijn"),
                            j->p->t[HT_SERVICES].where, j->rec, col);
    return 0;
}

static bool has_id(const struct hsds_table *tb, const char *id)
{
    for (size_t i = 0; id && i < tb->nrows; i++)
        if (tb->rows[i].v[0] && strcmp(tb->rows[i].v[0], id) == 0)
            return true;
    return false;
}

/* Adds object o as a row of t (once per id), its columns as they are, then
 * sets column link (when not NULL) to link_id where the object left it empty. */
static int add_object(struct jctx *j, enum hsds_tab t, json_t *o, const char *link,
                      const char *link_id, struct hsds_row **out)
{
    if (out)
        *out = NULL;
    if (!json_is_object(o))
        return wt_error_set(j->err, WT_EINVAL, _("%s: record %zu: %s: geen object"),
                            j->p->t[HT_SERVICES].where, j->rec, tabdefs[t].name);
    struct hsds_table *tb = &j->p->t[t];
    const char *id = json_string_value(json_object_get(o, "id"));
    if (t != HT_SERVICES && id && has_id(tb, id))
        return 0; /* the same schedule, term or organisation told twice */
    struct hsds_row *r = add_row(tb, t, j->rec);
    for (int c = 0; tabdefs[t].cols[c]; c++) {
        int rc = scalar(j, tabdefs[t].cols[c], json_object_get(o, tabdefs[t].cols[c]), &r->v[c]);
        if (rc)
            return rc;
    }
    if (link && link_id && !r->v[hsds_col(t, link)])
        r->v[hsds_col(t, link)] = xstrdup(link_id);
    if (out)
        *out = r;
    return 0;
}

/* Each object of the array o[key] as a row of t linked by column link. */
static int add_list(struct jctx *j, json_t *o, const char *key, enum hsds_tab t,
                    const char *link, const char *link_id)
{
    json_t *arr = json_object_get(o, key);
    if (arr && !json_is_array(arr) && !json_is_null(arr))
        return wt_error_set(j->err, WT_EINVAL, _("%s: record %zu: %s: moet een lijst zijn"),
                            j->p->t[HT_SERVICES].where, j->rec, key);
    for (size_t i = 0; i < json_array_size(arr); i++) {
        json_t *it = json_array_get(arr, i);
        int rc = add_object(j, t, it, link, link_id, NULL);
        if (!rc && t == HT_ATTRS && json_is_object(json_object_get(it, "taxonomy_term"))) {
            struct hsds_table *at = &j->p->t[HT_ATTRS];
            rc = add_object(j, HT_TERMS, json_object_get(it, "taxonomy_term"), NULL, NULL,
                            NULL);
            /* The attribute names its term through the object it holds. */
            int tc = hsds_col(HT_ATTRS, "taxonomy_term_id");
            const char *tid =
                json_string_value(json_object_get(json_object_get(it, "taxonomy_term"), "id"));
            struct hsds_row *last = &at->rows[at->nrows - 1];
            if (!rc && tid && !last->v[tc])
                last->v[tc] = xstrdup(tid);
        }
        if (rc)
            return rc;
    }
    return 0;
}

static int one_service(struct jctx *j, json_t *s)
{
    struct hsds_row *row = NULL;
    int rc = add_object(j, HT_SERVICES, s, NULL, NULL, &row);
    if (rc || !row)
        return rc;
    const char *sid = row->v[0];
    json_t *org = json_object_get(s, "organization");
    if (!rc && json_is_object(org)) {
        rc = add_object(j, HT_ORGS, org, NULL, NULL, NULL);
        int oc = hsds_col(HT_SERVICES, "organization_id");
        const char *oid = json_string_value(json_object_get(org, "id"));
        if (!rc && oid && !row->v[oc])
            row->v[oc] = xstrdup(oid);
    }
    if (!rc)
        rc = add_list(j, s, "schedules", HT_SCHEDULES, "service_id", sid);
    if (!rc)
        rc = add_list(j, s, "service_areas", HT_AREAS, "service_id", sid);
    if (!rc)
        rc = add_list(j, s, "attributes", HT_ATTRS, "link_id", sid);
    json_t *sals = json_object_get(s, "service_at_locations");
    for (size_t i = 0; !rc && i < json_array_size(sals); i++) {
        json_t *sal = json_array_get(sals, i);
        /* What holds at one location belongs to the service all the same. */
        if (!(rc = add_list(j, sal, "schedules", HT_SCHEDULES, "service_id", sid)))
            rc = add_list(j, sal, "service_areas", HT_AREAS, "service_id", sid);
    }
    return rc;
}

int hsds_read_json(struct hsds_pkg *p, const char *where, const char *buf, size_t len,
                   struct wt_error *err)
{
    json_error_t je;
    json_t *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);
    if (!root)
        return wt_error_set(err, WT_EINVAL, _("%s:%d: geen geldige JSON: %s"), where, je.line,
                            je.text);
    for (int t = 0; t < HT_COUNT; t++) {
        free(p->t[t].where);
        p->t[t].where = xstrdup(where);
        p->t[t].json = true;
    }
    json_t *list = root;
    if (json_is_object(root) && json_is_array(json_object_get(root, "contents")))
        list = json_object_get(root, "contents"); /* a page of the HSDS API */
    struct jctx j = {.p = p, .err = err};
    int rc = 0;
    if (json_is_object(list)) {
        j.rec = 1;
        rc = one_service(&j, list);
    } else if (json_is_array(list)) {
        for (size_t i = 0; i < json_array_size(list) && !rc; i++) {
            j.rec = i + 1;
            rc = one_service(&j, json_array_get(list, i));
        }
    } else {
        rc = wt_error_set(err, WT_EINVAL, _("%s: geen HSDS-dienst of lijst van diensten"),
                          where);
    }
    json_decref(root);
    return rc;
}
