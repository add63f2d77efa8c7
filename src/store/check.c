/* check.c: verifying a whole database: values, validation, references and indexes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/tags.h"
#include "wijktafel/xalloc.h"

struct checker {
    struct store_txn *t;
    store_report_fn report;
    void *ctx;
    size_t problems;
    size_t skipped; /* records of a compartment the member cannot open */
    bool unverified; /* something was left unchecked for want of a key */
    bool meta_unverified; /* meta's digest could not be checked */
    size_t clocks_unverified;
    const struct wt_record *rec; /* the record whose index keys are checked */
};

static void problem(struct checker *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(struct checker *c, const char *fmt, ...)
{
    char line[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    c->problems++;
    if (c->report)
        c->report(c->ctx, line);
}

static int key_present(void *ctx, const MDB_val *key)
{
    struct checker *c = ctx;
    MDB_val k = *key, v;
    if (mdb_get(c->t->txn, c->t->s->idx[c->rec->kind], &k, &v) != 0)
        problem(c, _("%s/%s: index ontbreekt voor een waarde"), record_kind(c->rec->kind)->name,
                c->rec->v[0]);
    return 0;
}

static void check_refs(struct checker *c, const struct wt_record *r)
{
    const struct wt_kind_def *kd = record_kind(r->kind);
    for (int f = 0; f < kd->nfields; f++) {
        if (kd->fields[f].type != FT_REF || !r->v[f])
            continue;
        if (store_can_read(c->t->s, kd->fields[f].ref) &&
            !store_exists(c->t, kd->fields[f].ref, r->v[f]))
            problem(c, _("%s/%s: %s verwijst naar %s, dat niet bestaat"), kd->name, r->v[0],
                    kd->fields[f].name, r->v[f]);
    }
}

/* Under numbers the id inside a case must lead back, through its token,
 * to the number it is stored under; a token key is not one of the layout. */
static bool maps_back(struct store_txn *t, const MDB_val *k, const char *id)
{
    if (!store_case_seq(t->s))
        return !store_is_case_seq(k);
    if (!store_is_case_seq(k))
        return false;
    unsigned char kb[CASE_KEY_LEN];
    MDB_val back = store_rec_key(t, WT_CASES, id, kb);
    return store_key_cmp(&back, k) == 0;
}

static void check_kind(struct checker *c, enum wt_kind kind)
{
    const char *name = record_kind(kind)->name;
    MDB_cursor *cur;
    if (mdb_cursor_open(c->t->txn, c->t->s->kinds[kind], &cur) != 0) {
        problem(c, _("%s: kan niet worden gelezen"), name);
        return;
    }
    MDB_val k, v;
    int rc;
    for (rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
        char *id;
        bool token = store_is_case_token(&k) || store_is_case_seq(&k);
        if (token) {
            id = xmalloc(CASE_AD_LEN);
            store_key_ad(&k, id);
        } else {
            id = xstrndup(k.mv_data, k.mv_size < 64 ? k.mv_size : 64);
            if (kind == WT_CASES && store_case_tokens(c->t->s))
                problem(c, _("%s/%s: deze id staat leesbaar in het bestand (hoort verborgen te "
                             "zijn)"),
                        name, id);
        }
        struct wt_record r;
        int drc = store_read_stored(c->t, kind, &k, &v, &r);
        if (drc == WT_EPERM) {
            record_fini(&r);
            free(id);
            c->skipped++;
            continue;
        }
        if (drc != 0) {
            problem(c, _("%s/%s: de opgeslagen waarde is beschadigd"), name, id);
            record_fini(&r);
            free(id);
            continue;
        }
        struct wt_record copy;
        record_copy(&copy, &r);
        /* A link to a case this key does not open: there is one, that is all. */
        for (int f = 1; f < record_kind(kind)->nfields; f++)
            if (store_case_link(kind, f) && copy.v[f] && strcmp(copy.v[f], STORE_LINK_HIDDEN) == 0)
                record_set(&copy, f, NULL);
        struct wt_error e = {0};
        if (!token && strcmp(r.v[0], id) != 0)
            problem(c, _("%s/%s: de sleutel hoort niet bij de id %s"), name, id, r.v[0]);
        else if (token && !maps_back(c->t, &k, r.v[0]))
            problem(c, _("%s/%s: de opgeslagen waarde is beschadigd"), name, id);
        else if (record_validate(&copy, &e) != 0)
            problem(c, "%s/%s: %s", name, id, e.text);
        check_refs(c, &r);
        c->rec = &r;
        index_each_key_in(c->t, &r, key_present, c);
        c->rec = NULL;
        record_fini(&copy);
        record_fini(&r);
        free(id);
    }
    if (rc != MDB_NOTFOUND)
        problem(c, "%s: %s", name, store_err_text(rc));
    mdb_cursor_close(cur);
}

struct key_match {
    const MDB_val *want;
    int found;
};

static int key_equal(void *ctx, const MDB_val *key)
{
    struct key_match *m = ctx;
    if (key->mv_size == m->want->mv_size && memcmp(key->mv_data, m->want->mv_data,
                                                   key->mv_size) == 0)
        m->found = 1;
    return m->found;
}

/* Every index entry must belong to an existing record that yields it. */
static void check_index(struct checker *c, enum wt_kind kind)
{
    if (!store_can_read(c->t->s, kind))
        return;
    const char *name = record_kind(kind)->name;
    MDB_cursor *cur;
    if (mdb_cursor_open(c->t->txn, c->t->s->idx[kind], &cur) != 0) {
        problem(c, _("index %s: kan niet worden gelezen"), name);
        return;
    }
    MDB_val k, v;
    int rc;
    for (rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
        const unsigned char *p = k.mv_data;
        const unsigned char *nul = k.mv_size > 1 ? memchr(p + 1, 0, k.mv_size - 1) : NULL;
        if (!nul || p[0] >= record_kind(kind)->nfields) {
            problem(c, _("index %s: een onbekende sleutel"), name);
            continue;
        }
        if (!c->t->s->unlocked[store_index_comp(kind, p[0])] && c->t->s->encrypted) {
            c->skipped++; /* a link to a case, hashed with the case key */
            continue;
        }
        size_t il = k.mv_size - (size_t)(nul + 1 - p);
        MDB_val tk = {il, (void *)(nul + 1)};
        char *id;
        struct wt_record r;
        int grc;
        if (store_is_case_token(&tk) || store_is_case_seq_idx(&tk)) { /* the record under it */
            MDB_val rv;
            unsigned char kb[CASE_KEY_LEN];
            MDB_val rk = store_case_token_rec(c->t, &tk, kb);
            id = xmalloc(CASE_AD_LEN);
            store_key_ad(store_is_case_seq_idx(&tk) ? &rk : &tk, id);
            grc = rk.mv_size ? mdb_get(c->t->txn, c->t->s->kinds[kind], &rk, &rv) : MDB_NOTFOUND;
            if (grc == 0)
                grc = store_read_stored(c->t, kind, &rk, &rv, &r);
            else
                record_init(&r, kind);
            if (grc == MDB_NOTFOUND)
                grc = WT_ENOTFOUND;
        } else {
            id = xstrndup((const char *)nul + 1, il);
            grc = store_get(c->t, kind, id, &r);
            if (grc == 0 && kind == WT_CASES && c->t->s->case_index)
                problem(c, _("%s/%s: deze id staat leesbaar in het bestand (hoort verborgen te "
                             "zijn)"),
                        "index.cases", id);
        }
        struct key_match m = {&k, 0};
        if (grc == 0)
            index_each_key_in(c->t, &r, key_equal, &m);
        if (grc == 0 && !m.found)
            problem(c, _("index: %s/%s heeft een verouderde indexwaarde"), name, id);
        else if (grc == WT_ENOTFOUND)
            problem(c, _("index: verwijst naar %s/%s, dat niet bestaat"), name, id);
        record_fini(&r);
        free(id);
    }
    if (rc != MDB_NOTFOUND)
        problem(c, "index %s: %s", name, store_err_text(rc));
    mdb_cursor_close(cur);
}

/* A round or door that opened decodes and validates. */
static void check_round_line(struct checker *c, const char *key, const char *line)
{
    struct wt_error e = {0};
    if (strstr(key + 6, "/door/")) {
        struct round_door d;
        if (round_door_decode(line, &d) != 0)
            problem(c, _("%s: beschadigd"), key);
        else if (round_door_validate(&d, &e) != 0)
            problem(c, _("%s: beschadigd: %s"), key, e.text);
        round_door_fini(&d);
    } else {
        struct round r;
        if (round_decode(line, &r) != 0)
            problem(c, _("%s: beschadigd"), key);
        else if (round_validate(&r, &e) != 0)
            problem(c, _("%s: beschadigd: %s"), key, e.text);
        round_fini(&r);
    }
}

/* Every sealed meta value (meeting notes, measures, closing dates, rounds)
 * opens with its key; rounds and doors also decode and validate. */
static void check_sealed_meta(struct checker *c)
{
    MDB_cursor *cur;
    if (mdb_cursor_open(c->t->txn, c->t->s->meta, &cur) != 0)
        return;
    for (size_t i = 0; i < STORE_N_SEALED_PREFIXES; i++) {
        const char *prefix = store_sealed_prefixes[i].prefix;
        size_t pl = strlen(prefix);
        bool round = strcmp(prefix, "round/") == 0;
        /* After the step, a name that names a case is never stored plain. */
        bool hidden = store_sealed_prefixes[i].hide_names && c->t->s->encrypted &&
                      !store_meta_names_pending(c->t->s, c->t->txn);
        MDB_val k = {pl, (void *)prefix}, v;
        int rc;
        for (rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE); rc == 0;
             rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
            if (k.mv_size < pl || memcmp(k.mv_data, prefix, pl) != 0)
                break;
            char *key = xstrndup(k.mv_data, k.mv_size);
            if (hidden && !store_meta_is_token(c->t->s, key))
                problem(c, _("%s: deze naam staat leesbaar in het bestand (hoort verborgen te "
                             "zijn)"),
                        key);
            int orc;
            char *line = store_meta_open(c->t, key, &v, &orc);
            if (!line && orc == WT_EPERM)
                c->skipped++;
            else if (!line)
                problem(c, _("%s: beschadigd (opent niet)"), key);
            else if (round)
                check_round_line(c, key, line);
            free(line);
            free(key);
        }
    }
    mdb_cursor_close(cur);
}

/* A member's keyslot agrees with the member: the same role, and no case key
 * for a volunteer. */
static int check_slot(void *ctx, const char *member, const char *role)
{
    struct checker *c = ctx;
    bool volunteer = strcmp(role, "volunteer") == 0;
    if (!volunteer && strcmp(role, "leader") != 0 && strcmp(role, "professional") != 0)
        problem(c, _("sleutel van %s: onbekende rol %s"), member, role);
    char *ck = xasprintf("key/%s/case", member);
    MDB_val k = {strlen(ck), ck}, v;
    if (volunteer && mdb_get(c->t->txn, c->t->s->meta, &k, &v) == 0)
        problem(c, _("sleutel van %s: een vrijwilliger met de sleutel van de casussen"), member);
    free(ck);
    /* A member who left has no keyslot: one that is there is a copy put back. */
    char *lk = xasprintf("left/%s", member), *day = NULL;
    if (store_meta_get(c->t, lk, &day) == 0)
        problem(c, _("sleutel van %s: dit lid heeft het team verlaten (op %s); deze sleutelplek "
                     "is teruggezet en hoort er niet"),
                member, day);
    free(day);
    free(lk);
    struct wt_record r;
    if (store_can_read(c->t->s, WT_MEMBERS) && store_get(c->t, WT_MEMBERS, member, &r) == 0 &&
        !r.damaged && r.v[MEMBER_ROLE] && strcmp(r.v[MEMBER_ROLE], role) != 0)
        problem(c, _("sleutel van %s: rol %s, maar het lid heeft rol %s"), member, role,
                r.v[MEMBER_ROLE]);
    record_fini(&r);
    return 0;
}

/* Meta: the digest over its values, the log's key, the keyslots, the marks. */
static void check_meta(struct checker *c)
{
    char *v = NULL;
    if (store_meta_get(c->t, "schema", &v) != 0)
        problem(c, _("meta: het schemaversienummer ontbreekt"));
    else if (atoi(v) != STORE_SCHEMA_VERSION || strspn(v, "0123456789") != strlen(v))
        problem(c, _("meta: schema %s, maar de database is bijgewerkt tot %d"), v,
                STORE_SCHEMA_VERSION);
    free(v);
    v = NULL;
    if (store_meta_get(c->t, "compact-pending", &v) == 0 && strcmp(v, "1") != 0)
        problem(c, _("meta: compact-pending is beschadigd"));
    free(v);
    int rc = store_meta_mac_check(c->t);
    MDB_val lk = {7, "log-key"}, lv;
    bool migrated = !c->t->s->encrypted || mdb_get(c->t->txn, c->t->s->meta, &lk, &lv) == 0;
    if (rc == WT_ECORRUPT || (rc == WT_ENOTFOUND && migrated))
        problem(c, _("meta: een waarde is gewijzigd, toegevoegd of weg (het controlegetal "
                     "klopt niet)"));
    else if (rc)
        c->meta_unverified = true;
    rc = c->t->s->encrypted ? store_logkey_verify(c->t) : 0;
    if (rc == WT_ECORRUPT || (rc == WT_ENOTFOUND && migrated))
        problem(c, _("meta: de sleutel van het toegangslog klopt niet"));
    store_keyslot_each(c->t, check_slot, c);
    check_sealed_meta(c);
}

/* Names what the keys held could not open, so that no "in orde" covers it. */
static void unverified(struct checker *c, size_t log_unopened)
{
    char line[300];
    if (c->skipped && c->report) {
        snprintf(line, sizeof line,
                 _("niet nagegaan: %zu waarden die deze sleutel niet opent (casussen, acties, "
                   "notities)"),
                 c->skipped);
        c->report(c->ctx, line);
    }
    if (log_unopened == SIZE_MAX && c->report)
        c->report(c->ctx, _("niet nagegaan: het toegangslog (de sleutels zijn niet geopend)"));
    else if (log_unopened && c->report) {
        snprintf(line, sizeof line,
                 _("niet nagegaan: de inhoud van %zu regels van het toegangslog (de keten wel)"),
                 log_unopened);
        c->report(c->ctx, line);
    }
    if (c->meta_unverified && c->report)
        c->report(c->ctx, _("niet nagegaan: de waarden in meta (geen sleutel, of nog niet "
                            "bijgewerkt)"));
    if (c->clocks_unverified && c->report) {
        snprintf(line, sizeof line,
                 _("niet nagegaan: %zu klokken en grafstenen (geen sleutel, of nog niet "
                   "bijgewerkt)"),
                 c->clocks_unverified);
        c->report(c->ctx, line);
    }
    c->unverified = c->skipped || log_unopened || c->meta_unverified || c->clocks_unverified;
}

/* Under tokens, no case key is stored under a case's id (issue 14, point 4). */
static void check_casekeys(struct checker *c)
{
    if (!store_case_tokens(c->t->s))
        return;
    MDB_cursor *cur;
    if (mdb_cursor_open(c->t->txn, c->t->s->casekeys, &cur) != 0)
        return;
    MDB_val k, v;
    bool seq = store_case_seq(c->t->s);
    while (mdb_cursor_get(cur, &k, &v, MDB_NEXT) == 0)
        if (seq ? !store_is_case_map(&k) && !store_is_case_seq(&k) && !store_is_case_token(&k)
                : !store_is_case_token(&k))
            problem(c, _("casekeys/%.*s: deze id staat leesbaar in het bestand (hoort verborgen "
                         "te zijn)"),
                    (int)(k.mv_size < 64 ? k.mv_size : 64), (const char *)k.mv_data);
    mdb_cursor_close(cur);
    c->problems += store_case_map_check(c->t, c->report, c->ctx);
}

int store_check(struct store *s, store_report_fn report, void *ctx, struct wt_error *err)
{
    struct store_txn *t;
    int rc = store_read_begin(s, &t, err);
    if (rc)
        return rc;
    struct checker c = {.t = t, .report = report, .ctx = ctx};
    check_meta(&c);
    for (int k = 0; k < WT_KIND_COUNT; k++) {
        check_kind(&c, (enum wt_kind)k);
        check_index(&c, (enum wt_kind)k);
    }
    check_casekeys(&c);
    c.problems += store_sync_check(t, report, ctx, &c.clocks_unverified);
    size_t unopened;
    c.problems += store_log_verify(t, report, ctx, &unopened);
    unverified(&c, unopened);
    store_read_end(t);
    if (c.problems)
        return wt_error_set(err, WT_ECORRUPT, _("%s: %zu problemen gevonden"), s->dir,
                            c.problems);
    return 0;
}
