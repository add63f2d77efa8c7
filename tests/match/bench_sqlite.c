/* bench_sqlite.c: the same kind of ranking done in SQLite (FTS5 bm25, tag overlap, areas, similar cases). */
#include <libstemmer.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../src/match/match_int.h"
#include "bench_gen.h"
#include "wijktafel/date.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void die_sql(sqlite3 *db, const char *what)
{
    fprintf(stderr, "bench_match: sqlite: %s: %s\n", what, sqlite3_errmsg(db));
    exit(1);
}

static void exec(sqlite3 *db, const char *sql)
{
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
        die_sql(db, sql);
}

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        die_sql(db, sql);
    return st;
}

static void step_done(sqlite3 *db, sqlite3_stmt *st)
{
    if (sqlite3_step(st) != SQLITE_DONE)
        die_sql(db, "step");
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
}

/* Appends the stems of text, space-separated: the same tokenizer and
 * stemmer as the engine, so that both rank over the same terms. */
static void stem_cb(void *ctx, const char *stem, size_t len, const char *w, size_t wl)
{
    (void)w;
    (void)wl;
    struct buf *b = ctx;
    if (b->len)
        buf_putc(b, ' ');
    buf_append(b, stem, len);
}

/* The three folded parts of an area ("" when absent). */
static void area3(const char *area, char parts[3][64])
{
    char *f = text_fold(area ? area : "");
    char *save = NULL, *p = strtok_r(f ? f : NULL, "/", &save);
    for (int i = 0; i < 3; i++) {
        snprintf(parts[i], 64, "%s", p ? p : "");
        p = p ? strtok_r(NULL, "/", &save) : NULL;
    }
    free(f);
}

static const char schema[] =
    "CREATE TABLE opt(rowid INTEGER PRIMARY KEY, type INT, id TEXT, name TEXT, a1 TEXT,"
    " a2 TEXT, a3 TEXT, full INT, stale INT, age_min INT, age_max INT);"
    "CREATE TABLE opt_tag(ns INT, tag TEXT, opt INT);"
    "CREATE VIRTUAL TABLE opt_fts USING fts5(words);"
    "CREATE TABLE need_df(tag TEXT PRIMARY KEY, n INT) WITHOUT ROWID;"
    "CREATE TABLE need_w(tag TEXT PRIMARY KEY, w REAL) WITHOUT ROWID;"
    "CREATE TABLE kase(rowid INTEGER PRIMARY KEY, id TEXT, a1 TEXT, a2 TEXT, a3 TEXT,"
    " opened INT);"
    "CREATE TABLE case_need(tag TEXT, a1 TEXT, a2 TEXT, opened INT, kase INT);";

static const char indexes[] =
    "CREATE INDEX opt_tag_i ON opt_tag(ns, tag, opt);"
    "CREATE INDEX case_need_i ON case_need(tag, a1, a2, opened);";

struct loader {
    sqlite3 *db;
    sqlite3_stmt *opt, *tag, *fts, *df, *kase, *cneed;
    struct sb_stemmer *st;
    int64_t rowid;
    int32_t today;
};

static void add_tags(struct loader *l, int ns, const char *tags, int64_t opt)
{
    struct taglist t;
    tags_split_folded(tags, &t);
    for (size_t i = 0; i < t.n; i++) {
        sqlite3_bind_int(l->tag, 1, ns);
        sqlite3_bind_text(l->tag, 2, t.items[i], -1, SQLITE_STATIC);
        sqlite3_bind_int64(l->tag, 3, opt);
        step_done(l->db, l->tag);
    }
    tags_fini(&t);
}

static void count_needs(struct loader *l, const char *tags)
{
    struct taglist t;
    tags_split_folded(tags, &t);
    for (size_t i = 0; i < t.n; i++) {
        sqlite3_bind_text(l->df, 1, t.items[i], -1, SQLITE_STATIC);
        step_done(l->db, l->df);
    }
    tags_fini(&t);
}

/* One suggestible option: its row, tags and stemmed words. */
static void add_option(struct loader *l, const struct wt_record *r, int type, int area_f,
                       int needs_f, int interests_f, const char *const *texts, size_t ntexts)
{
    int64_t id = ++l->rowid;
    char parts[3][64];
    area3(r->v[area_f], parts);
    sqlite3_bind_int64(l->opt, 1, id);
    sqlite3_bind_int(l->opt, 2, type);
    sqlite3_bind_text(l->opt, 3, r->v[0], -1, SQLITE_STATIC);
    sqlite3_bind_text(l->opt, 4, r->v[1], -1, SQLITE_STATIC);
    for (int i = 0; i < 3; i++)
        sqlite3_bind_text(l->opt, 5 + i, parts[i], -1, SQLITE_TRANSIENT);
    if (type == 0) {
        int32_t checked = 0;
        int lo = -1, hi = -1;
        date_parse(record_get(r, RESOURCE_CHECKED), &checked);
        if (r->v[RESOURCE_AGES])
            record_parse_ages(r->v[RESOURCE_AGES], &lo, &hi);
        sqlite3_bind_int(l->opt, 8, strcmp(record_get(r, RESOURCE_CAPACITY), "full") == 0);
        sqlite3_bind_int(l->opt, 9, l->today - checked > STALE_DAYS);
        if (lo >= 0)
            sqlite3_bind_int(l->opt, 10, lo);
        if (hi >= 0)
            sqlite3_bind_int(l->opt, 11, hi);
    } else {
        sqlite3_bind_int(l->opt, 8, 0);
        sqlite3_bind_int(l->opt, 9, 0);
    }
    step_done(l->db, l->opt);
    add_tags(l, 0, r->v[needs_f], id);
    add_tags(l, 1, r->v[interests_f], id);
    struct buf b = {0};
    buf_puts(&b, "");
    for (size_t i = 0; i < ntexts; i++)
        match_words(l->st, texts[i], stem_cb, &b);
    sqlite3_bind_int64(l->fts, 1, id);
    sqlite3_bind_text(l->fts, 2, b.data, -1, SQLITE_STATIC);
    step_done(l->db, l->fts);
    buf_fini(&b);
}

static void add_case(struct loader *l, const struct wt_record *r, int64_t rowid)
{
    count_needs(l, r->v[CASE_NEEDS]);
    const char *status = record_get(r, CASE_STATUS);
    if (strcmp(status, "closed") == 0 || strcmp(record_get(r, CASE_RESTRICTED), "yes") == 0)
        return;
    char parts[3][64];
    area3(r->v[CASE_AREA], parts);
    int32_t opened = 0;
    date_parse(r->v[CASE_OPENED], &opened);
    sqlite3_bind_int64(l->kase, 1, rowid);
    sqlite3_bind_text(l->kase, 2, r->v[CASE_ID], -1, SQLITE_STATIC);
    for (int i = 0; i < 3; i++)
        sqlite3_bind_text(l->kase, 3 + i, parts[i], -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(l->kase, 6, opened);
    step_done(l->db, l->kase);
    struct taglist t;
    tags_split_folded(r->v[CASE_NEEDS], &t);
    for (size_t i = 0; i < t.n; i++) {
        sqlite3_bind_text(l->cneed, 1, t.items[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(l->cneed, 2, parts[0], -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(l->cneed, 3, parts[1], -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(l->cneed, 4, opened);
        sqlite3_bind_int64(l->cneed, 5, rowid);
        step_done(l->db, l->cneed);
    }
    tags_fini(&t);
}

static void load(sqlite3 *db, const struct bench_data *d, struct sb_stemmer *st)
{
    exec(db, schema);
    exec(db, "BEGIN");
    struct loader l = {.db = db, .st = st, .today = d->today};
    l.opt = prepare(db, "INSERT INTO opt VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    l.tag = prepare(db, "INSERT INTO opt_tag VALUES(?,?,?)");
    l.fts = prepare(db, "INSERT INTO opt_fts(rowid, words) VALUES(?,?)");
    l.df = prepare(db, "INSERT INTO need_df VALUES(?,1) ON CONFLICT(tag) DO UPDATE SET n=n+1");
    l.kase = prepare(db, "INSERT INTO kase VALUES(?,?,?,?,?,?)");
    l.cneed = prepare(db, "INSERT INTO case_need VALUES(?,?,?,?,?)");
    for (size_t i = 0; i < d->nresources; i++) {
        const struct wt_record *r = &d->resources[i];
        count_needs(&l, r->v[RESOURCE_NEEDS]);
        if (strcmp(record_get(r, RESOURCE_KIND), "formal") == 0 ||
            strcmp(record_get(r, RESOURCE_CAPACITY), "paused") == 0)
            continue;
        const char *texts[] = {r->v[RESOURCE_NAME], r->v[RESOURCE_DESCRIPTION],
                               r->v[RESOURCE_NEEDS], r->v[RESOURCE_INTERESTS]};
        add_option(&l, r, 0, RESOURCE_AREA, RESOURCE_NEEDS, RESOURCE_INTERESTS, texts, 4);
    }
    for (size_t i = 0; i < d->ntalents; i++) {
        const struct wt_record *r = &d->talents[i];
        count_needs(&l, r->v[TALENT_OFFERS]);
        if (!r->v[TALENT_CONSENT])
            continue;
        const char *texts[] = {r->v[TALENT_OFFERS], r->v[TALENT_INTERESTS]};
        add_option(&l, r, 1, TALENT_AREA, TALENT_OFFERS, TALENT_INTERESTS, texts, 2);
    }
    for (size_t i = 0; i < d->ncases; i++)
        add_case(&l, &d->cases[i], (int64_t)i + 1);
    sqlite3_finalize(l.opt);
    sqlite3_finalize(l.tag);
    sqlite3_finalize(l.fts);
    sqlite3_finalize(l.df);
    sqlite3_finalize(l.kase);
    sqlite3_finalize(l.cneed);
    /* Need weights as the engine computes them: rarer needs weigh more. */
    double n = (double)(d->nresources + d->ntalents + d->ncases);
    sqlite3_stmt *sel = prepare(db, "SELECT tag, n FROM need_df");
    sqlite3_stmt *ins = prepare(db, "INSERT INTO need_w VALUES(?,?)");
    while (sqlite3_step(sel) == SQLITE_ROW) {
        double df = sqlite3_column_double(sel, 1);
        double w = W_NEED * (1.0 + log(1.0 + n / df) / log(1.0 + n));
        sqlite3_bind_text(ins, 1, (const char *)sqlite3_column_text(sel, 0), -1,
                          SQLITE_TRANSIENT);
        sqlite3_bind_double(ins, 2, w);
        step_done(db, ins);
    }
    sqlite3_finalize(sel);
    sqlite3_finalize(ins);
    exec(db, indexes);
    exec(db, "COMMIT");
    exec(db, "INSERT INTO opt_fts(opt_fts) VALUES('optimize'); ANALYZE;");
}

/* One case: evidence from need tags (weighted by rarity), interests, and
 * bm25 over the request's stems; then area closeness, age and capacity;
 * plus similar open cases in the district within 8 weeks. */
static const char query_sql[] =
    "WITH qn(tag) AS (SELECT value FROM json_each(?1)),"
    " qi(tag) AS (SELECT value FROM json_each(?2)),"
    " ev(opt, need, nstr, words) AS ("
    "  SELECT t.opt, w.w, 0, 0 FROM qn JOIN opt_tag t ON t.ns = 0 AND t.tag = qn.tag"
    "   JOIN need_w w ON w.tag = qn.tag"
    "  UNION ALL SELECT t.opt, 0, 1, 0 FROM qi JOIN opt_tag t ON t.ns = 1 AND t.tag = qi.tag"
    "  UNION ALL SELECT rowid, 0, 0, -bm25(opt_fts) FROM opt_fts WHERE opt_fts MATCH ?3),"
    " agg AS (SELECT opt, SUM(need) AS need, MIN(SUM(nstr), 3) * 2 AS str,"
    "  MIN(SUM(words), 6) AS words FROM ev GROUP BY opt),"
    " scored AS ("
    "  SELECT o.type AS type, o.id AS id, (agg.need + agg.str + agg.words"
    "   + CASE WHEN o.a1 = ?4 AND o.a2 = ?5 AND o.a3 = ?6 THEN 3"
    "     WHEN o.a1 = ?4 AND o.a2 = ?5 THEN 2 WHEN o.a1 = ?4 THEN 1 ELSE 0 END"
    "   + CASE WHEN ?7 IS NOT NULL AND (o.age_min IS NOT NULL OR o.age_max IS NOT NULL)"
    "     THEN 1 ELSE 0 END)"
    "   * CASE WHEN o.full THEN 0.5 ELSE 1 END * CASE WHEN o.stale THEN 0.8 ELSE 1 END AS score"
    "  FROM agg JOIN opt o ON o.rowid = agg.opt"
    "  WHERE ?7 IS NULL OR ((o.age_min IS NULL OR o.age_min <= ?7)"
    "   AND (o.age_max IS NULL OR o.age_max >= ?7))"
    "  UNION ALL"
    "  SELECT 2, k.id, SUM(w.w) + CASE WHEN k.a3 = ?6 THEN 3 ELSE 2 END"
    "   + 1.0 - abs(k.opened - ?8) / 56.0"
    "  FROM qn JOIN case_need cn ON cn.tag = qn.tag AND cn.a1 = ?4 AND cn.a2 = ?5"
    "   AND cn.opened BETWEEN ?8 - 56 AND ?8 + 56"
    "   JOIN kase k ON k.rowid = cn.kase JOIN need_w w ON w.tag = qn.tag"
    "  WHERE k.id <> ?9 GROUP BY k.rowid)"
    " SELECT type, id, score FROM scored ORDER BY score DESC, type, id LIMIT 10";

/* A JSON array of the folded tags. */
static char *json_tags(const char *tags)
{
    struct taglist t;
    tags_split_folded(tags, &t);
    struct buf b = {0};
    buf_putc(&b, '[');
    for (size_t i = 0; i < t.n; i++) {
        buf_puts(&b, i ? ",\"" : "\"");
        for (const char *p = t.items[i]; *p; p++) {
            if (*p == '"' || *p == '\\')
                buf_putc(&b, '\\');
            buf_putc(&b, *p);
        }
        buf_putc(&b, '"');
    }
    buf_putc(&b, ']');
    tags_fini(&t);
    return buf_steal(&b);
}

struct fts_query {
    struct buf b;
    char **seen;
    size_t n;
};

static void fts_cb(void *ctx, const char *stem, size_t len, const char *w, size_t wl)
{
    (void)w;
    (void)wl;
    struct fts_query *q = ctx;
    for (size_t i = 0; i < q->n; i++)
        if (strlen(q->seen[i]) == len && memcmp(q->seen[i], stem, len) == 0)
            return;
    q->seen = xrealloc(q->seen, (q->n + 1) * sizeof *q->seen);
    q->seen[q->n++] = xstrndup(stem, len);
    buf_puts(&q->b, q->b.len ? " OR \"" : "\"");
    buf_append(&q->b, stem, len);
    buf_putc(&q->b, '"');
}

/* "stem1" OR "stem2" ... for the request (a word nothing holds when empty). */
static char *fts_match(struct sb_stemmer *st, const char *request)
{
    struct fts_query q = {0};
    match_words(st, request, fts_cb, &q);
    for (size_t i = 0; i < q.n; i++)
        free(q.seen[i]);
    free(q.seen);
    if (!q.b.len)
        buf_puts(&q.b, "\"zzzgeenwoord\"");
    return buf_steal(&q.b);
}

/* Ranks one case; stores the ids found in ids; returns how many. */
static size_t rank_case(sqlite3 *db, sqlite3_stmt *q, struct sb_stemmer *st,
                        const struct wt_record *cs, char ids[BENCH_LIMIT][WT_MAX_ID + 1])
{
    char *needs = json_tags(cs->v[CASE_NEEDS]), *strengths = json_tags(cs->v[CASE_STRENGTHS]);
    char *match = fts_match(st, cs->v[CASE_REQUEST]);
    char parts[3][64];
    area3(cs->v[CASE_AREA], parts);
    int32_t opened = 0;
    date_parse(cs->v[CASE_OPENED], &opened);
    sqlite3_bind_text(q, 1, needs, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, strengths, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 3, match, -1, SQLITE_STATIC);
    for (int i = 0; i < 3; i++)
        sqlite3_bind_text(q, 4 + i, parts[i], -1, SQLITE_STATIC);
    if (cs->v[CASE_AGE])
        sqlite3_bind_int(q, 7, atoi(cs->v[CASE_AGE]));
    sqlite3_bind_int(q, 8, opened);
    sqlite3_bind_text(q, 9, cs->v[CASE_ID], -1, SQLITE_STATIC);
    size_t n = 0;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW)
        if (n < BENCH_LIMIT)
            snprintf(ids[n++], WT_MAX_ID + 1, "%s", (const char *)sqlite3_column_text(q, 1));
    if (rc != SQLITE_DONE)
        die_sql(db, "query");
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    free(needs);
    free(strengths);
    free(match);
    return n;
}

double bench_sqlite(const struct bench_data *d, const size_t *pick, size_t np, double *times,
                    const struct bench_top *top)
{
    sqlite3 *db;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK)
        die_sql(db, "open");
    struct sb_stemmer *st = sb_stemmer_new("dutch", NULL);
    double t0 = now_ms();
    load(db, d, st);
    printf("sqlite %s database loaded and indexed in %.0f ms\n", sqlite3_libversion(),
           now_ms() - t0);
    sqlite3_stmt *q = prepare(db, query_sql);
    size_t common = 0;
    for (size_t k = 0; k < np; k++) {
        char ids[BENCH_LIMIT][WT_MAX_ID + 1];
        double a = now_ms();
        size_t n = rank_case(db, q, st, &d->cases[pick[k]], ids);
        times[k] = now_ms() - a;
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < BENCH_LIMIT; j++)
                common += strcmp(ids[i], top[k].id[j]) == 0;
    }
    sqlite3_finalize(q);
    sb_stemmer_delete(st);
    sqlite3_close(db);
    return np ? (double)common / np : 0.0;
}
