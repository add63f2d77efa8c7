/* check_caseids.c: case ids out of the file's keys (issue 14, point 4) and
 * case numbers (issue 19, point 5). In an encrypted database "cases" and
 * "casekeys" hold each case under its sequence number, "casekeys" also a map
 * from each case's keyed token to its number, and "clock" a case's clocks
 * under a hashed key; databases in the layouts from before (plain ids, then
 * tokens; built here through those layouts) move at the first unlock with
 * the case key; check names an id left readable, a value moved to another
 * case, and a map that does not agree with the cases. */
#include <check.h>
#include <lmdb.h>
#include <sodium.h>

#include "../../src/store/store_int.h"
#include "demostore.h"
#include "wijktafel/app.h"
#include "wijktafel/store.h"

/* --- what the file's keys show ------------------------------------------ */

struct key_census {
    size_t cases, cases_plain, casekeys, casekeys_plain, clocks, clocks_plain;
    size_t cases_seq, casekeys_seq, map, clocks_seq; /* under numbers; the map's entries */
    size_t cases_token, casekeys_token; /* under tokens */
    size_t index, index_plain; /* entries of index.cases; those that end in an id */
    size_t index_seq; /* those that end in a number */
    bool saw_c013; /* "c-013" in some key of the three databases */
};

static void census_db(MDB_txn *txn, const char *name, size_t *all, size_t *plain,
                      struct key_census *kc)
{
    MDB_dbi dbi;
    ck_assert_int_eq(mdb_dbi_open(txn, name, 0, &dbi), 0);
    MDB_cursor *c;
    ck_assert_int_eq(mdb_cursor_open(txn, dbi, &c), 0);
    MDB_val k, v;
    bool clock = strcmp(name, "clock") == 0, index = strcmp(name, "index.cases") == 0;
    while (mdb_cursor_get(c, &k, &v, MDB_NEXT) == 0) {
        const unsigned char *p = k.mv_data;
        if (clock && p[0] != (unsigned char)WT_CASES && p[0] != SYNC_SEQ_CLOCK)
            continue;
        ++*all;
        bool hashed;
        if (clock) {
            kc->clocks_seq += SYNC_SEQ_KEY(&k);
            hashed = SYNC_HASHED_KEY(&k) || SYNC_SEQ_KEY(&k);
        } else if (index) { /* [field][hash][0][token or number] */
            size_t at = k.mv_size > CASE_KEY_LEN + 1 ? k.mv_size - CASE_KEY_LEN : 0;
            MDB_val tail = {CASE_KEY_LEN, (void *)(p + at)};
            size_t sat = k.mv_size > CASE_SEQ_LEN + 1 ? k.mv_size - CASE_SEQ_LEN : 0;
            MDB_val stail = {CASE_SEQ_LEN, (void *)(p + sat)};
            bool seq = sat && p[sat - 1] == 0 && store_is_case_seq_idx(&stail);
            kc->index_seq += seq;
            hashed = seq || (at && p[at - 1] == 0 && store_is_case_token(&tail));
        } else {
            bool seq = store_is_case_seq(&k), map = store_is_case_map(&k) && v.mv_size == 8;
            bool tok = store_is_case_token(&k);
            hashed = seq || map || tok;
            bool cases = strcmp(name, "cases") == 0;
            *(cases ? &kc->cases_seq : &kc->casekeys_seq) += seq;
            *(cases ? &kc->cases_token : &kc->casekeys_token) += tok;
            kc->map += map;
        }
        *plain += !hashed;
        if (memmem(k.mv_data, k.mv_size, "c-013", 5))
            kc->saw_c013 = true;
    }
    mdb_cursor_close(c);
}

static struct key_census census(struct store *s)
{
    struct key_census kc = {0};
    MDB_txn *txn;
    ck_assert_int_eq(mdb_txn_begin(s->env, NULL, MDB_RDONLY, &txn), 0);
    census_db(txn, "cases", &kc.cases, &kc.cases_plain, &kc);
    census_db(txn, "casekeys", &kc.casekeys, &kc.casekeys_plain, &kc);
    census_db(txn, "clock", &kc.clocks, &kc.clocks_plain, &kc);
    census_db(txn, "index.cases", &kc.index, &kc.index_plain, &kc);
    mdb_txn_abort(txn);
    return kc;
}

/* --- the records as the store hands them out ---------------------------- */

struct ids {
    char v[256][WT_MAX_ID + 1];
    size_t n;
};

static int keep_id(void *ctx, const struct wt_record *r)
{
    struct ids *ids = ctx;
    ck_assert(!r->damaged);
    ck_assert_uint_lt(ids->n, 256);
    snprintf(ids->v[ids->n++], WT_MAX_ID + 1, "%s", r->v[0]);
    return 0;
}

static int keep_id_only(void *ctx, const char *id)
{
    struct ids *ids = ctx;
    ck_assert_uint_lt(ids->n, 256);
    snprintf(ids->v[ids->n++], WT_MAX_ID + 1, "%s", id);
    return 0;
}

/* Every case in id order, as many as the database holds. */
static struct ids all_cases(struct store *s)
{
    struct ids ids = {0};
    struct store_txn *t;
    struct wt_error e = {0};
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    ck_assert_int_eq(store_each(t, WT_CASES, keep_id, &ids), 0);
    size_t n;
    ck_assert_int_eq(store_count(t, WT_CASES, &n), 0);
    ck_assert_uint_eq(ids.n, n);
    store_read_end(t);
    for (size_t i = 1; i < ids.n; i++)
        ck_assert_msg(strcmp(ids.v[i - 1], ids.v[i]) < 0, "%s before %s", ids.v[i - 1],
                      ids.v[i]);
    return ids;
}

struct snapshot {
    struct wt_record r;
    struct store_stamp st;
};

static void take(struct store *s, const char *id, struct snapshot *snap)
{
    struct store_txn *t;
    struct wt_error e = {0};
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    ck_assert_int_eq(store_get(t, WT_CASES, id, &snap->r), 0);
    ck_assert_int_eq(store_stamp_get(t, WT_CASES, id, &snap->st), 0);
    store_read_end(t);
}

static void same(const struct snapshot *a, const struct snapshot *b)
{
    for (int f = 0; f < record_kind(WT_CASES)->nfields; f++) {
        ck_assert_msg((a->r.v[f] == NULL) == (b->r.v[f] == NULL), "field %d", f);
        if (a->r.v[f])
            ck_assert_str_eq(a->r.v[f], b->r.v[f]);
    }
    ck_assert_uint_eq(a->st.seq, b->st.seq);
    for (int f = 0; f < a->st.n; f++) {
        ck_assert_uint_eq(a->st.f[f].hlc, b->st.f[f].hlc);
        ck_assert_uint_eq(a->st.prev[f].hlc, b->st.prev[f].hlc);
    }
}

/* The largest number among the ids c-NNN, from the ids and from the store. */
static void idmax_agrees(struct store *s, const struct ids *ids)
{
    long want = 0;
    for (size_t i = 0; i < ids->n; i++) {
        char *end;
        long n = strtol(ids->v[i] + 2, &end, 10);
        if (strncmp(ids->v[i], "c-", 2) == 0 && *end == '\0' && n > want)
            want = n;
    }
    ck_assert_int_ge(want, 15);
    struct store_txn *t;
    struct wt_error e = {0};
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    long got = -1;
    ck_assert_int_eq(store_id_max(t, WT_CASES, "c-", &got), 0);
    ck_assert_int_eq(got, want);
    char *v = NULL;
    ck_assert_int_eq(store_meta_get(t, "case-idmax/c-", &v), 0); /* kept, not walked */
    free(v);
    store_read_end(t);
}

/* --- the layout from before, written through the store ------------------ */

/* Rewrites every case, its key and its clocks as the code before wrote
 * them: under the plain id, sealed with the id as associated data, and
 * takes the marks away; what a database from before looks like. */
static int to_old_layout(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    const struct ids *ids = ctx;
    struct store *s = t->s;
    for (size_t i = 0; i < ids->n; i++) {
        const char *id = ids->v[i];
        struct wt_record r;
        struct store_stamp st;
        ck_assert_int_eq(store_get(t, WT_CASES, id, &r), 0);
        ck_assert_int_eq(store_stamp_get(t, WT_CASES, id, &st), 0);
        unsigned char kb[CASE_KEY_LEN], hk[CASE_SEQ_LEN];
        MDB_val k = store_rec_key(t, WT_CASES, id, kb);
        ck_assert_uint_eq(k.mv_size, CASE_SEQ_LEN);
        hk[0] = SYNC_SEQ_CLOCK; /* the case's clock, under its number */
        memcpy(hk + 1, kb + 1, 8);
        MDB_val h = {CASE_SEQ_LEN, hk};
        ck_assert_int_eq(mdb_del(t->txn, s->kinds[WT_CASES], &k, NULL), 0);
        ck_assert_int_eq(mdb_del(t->txn, s->casekeys, &k, NULL), 0);
        ck_assert_int_eq(store_case_unmap(t, id), 0);
        ck_assert_int_eq(mdb_del(t->txn, s->clock, &h, NULL), 0);
        s->case_ids = false;
        s->case_seq = false;
        s->case_clocks = false;
        unsigned char *val;
        size_t len;
        ck_assert_int_eq(store_value_make(t, &r, &val, &len), 0);
        MDB_val pk = store_id_key(id), pv = {len, val};
        ck_assert_int_eq(mdb_put(t->txn, s->kinds[WT_CASES], &pk, &pv, 0), 0);
        free(val);
        ck_assert_int_eq(sync_clock_write(t, WT_CASES, id, &st), 0);
        s->case_ids = true;
        s->case_seq = true;
        s->case_clocks = true;
        record_fini(&r);
    }
    s->case_ids = false;
    s->case_seq = false;
    store_meta_del(t, "case-seq");
    s->case_index = false;
    ck_assert_int_eq(index_rebuild_kind(t, WT_CASES), 0);
    store_meta_del(t, "case-ids");
    store_meta_del(t, "case-clocks");
    store_meta_del(t, "case-index");
    store_meta_del(t, "case-idmax");
    store_meta_del(t, "case-idmax/c-");
    return store_txn_error(t);
}

/* Rewrites every case and its key as the token layout (issue 14) wrote
 * them: under the keyed token, sealed with the token's text as associated
 * data, no map and no numbers; what main's binary made before issue 19. */
static int to_token_layout(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    const struct ids *ids = ctx;
    struct store *s = t->s;
    for (size_t i = 0; i < ids->n; i++) {
        const char *id = ids->v[i];
        struct wt_record r;
        ck_assert_int_eq(store_get(t, WT_CASES, id, &r), 0);
        struct store_stamp st;
        ck_assert_int_eq(store_stamp_get(t, WT_CASES, id, &st), 0);
        unsigned char kb[CASE_KEY_LEN], ck[CASE_SEQ_LEN];
        MDB_val k = store_rec_key(t, WT_CASES, id, kb);
        ck_assert_uint_eq(k.mv_size, CASE_SEQ_LEN);
        ck[0] = SYNC_SEQ_CLOCK;
        memcpy(ck + 1, kb + 1, 8);
        MDB_val cv = {CASE_SEQ_LEN, ck};
        ck_assert_int_eq(mdb_del(t->txn, s->clock, &cv, NULL), 0);
        ck_assert_int_eq(mdb_del(t->txn, s->kinds[WT_CASES], &k, NULL), 0);
        ck_assert_int_eq(mdb_del(t->txn, s->casekeys, &k, NULL), 0);
        ck_assert_int_eq(store_case_unmap(t, id), 0);
        s->case_seq = false;
        unsigned char *val;
        size_t len;
        ck_assert_int_eq(store_value_make(t, &r, &val, &len), 0);
        MDB_val tk = store_rec_key(t, WT_CASES, id, kb), tv = {len, val};
        ck_assert_uint_eq(tk.mv_size, CASE_KEY_LEN);
        ck_assert_int_eq(mdb_put(t->txn, s->kinds[WT_CASES], &tk, &tv, 0), 0);
        free(val);
        ck_assert_int_eq(sync_clock_write(t, WT_CASES, id, &st), 0); /* under its hashed key */
        s->case_seq = true;
        record_fini(&r);
    }
    s->case_seq = false;
    ck_assert_int_eq(index_rebuild_kind(t, WT_CASES), 0); /* ending in tokens */
    store_meta_del(t, "case-seq");
    return store_txn_error(t);
}

struct reported {
    char text[4096];
};

static void report_line(void *ctx, const char *line)
{
    struct reported *r = ctx;
    size_t l = strlen(r->text);
    snprintf(r->text + l, sizeof r->text - l, "%s\n", line);
}

START_TEST(test_case_ids_are_tokens)
{
    struct wt_error e = {0};
    ck_assert_msg(app_demo_ensure(db, &e) == 0, "%s", e.text);
    struct store *s = open_as("leider");
    struct key_census kc = census(s);
    ck_assert_uint_ge(kc.cases, 15);
    /* Every case under its number, its key too, and one map entry each. */
    ck_assert_uint_eq(kc.cases_seq, kc.cases);
    ck_assert_uint_eq(kc.casekeys_seq, kc.cases);
    ck_assert_uint_eq(kc.map, kc.cases);
    ck_assert_uint_eq(kc.casekeys, 2 * kc.cases);
    ck_assert_uint_eq(kc.index_seq, kc.index);
    ck_assert_uint_ge(kc.clocks, kc.cases);
    ck_assert_uint_eq(kc.clocks_seq, kc.cases); /* each case's clock under its number */
    ck_assert_uint_ge(kc.index, 3 * kc.cases);
    ck_assert_uint_eq(kc.cases_plain + kc.casekeys_plain + kc.clocks_plain + kc.index_plain, 0);
    ck_assert(!kc.saw_c013);
    /* The cases read as before: in id order, by id, by prefix, by index. */
    struct ids ids = all_cases(s);
    ck_assert_uint_eq(ids.n, kc.cases);
    struct ids pre = {0};
    struct store_txn *t;
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    ck_assert_int_eq(store_each_id(t, WT_CASES, "c-01", keep_id_only, &pre), 0);
    ck_assert(store_exists(t, WT_CASES, "c-013"));
    ck_assert(!store_exists(t, WT_CASES, "c-999"));
    struct ids area = {0};
    ck_assert_int_eq(store_find(t, WT_CASES, CASE_AREA, "Veenwaard/Ravenstede/Molenwijk",
                                keep_id_only, &area),
                     0);
    bool has13 = false;
    for (size_t i = 0; i < area.n; i++)
        has13 |= strcmp(area.v[i], "c-013") == 0;
    ck_assert_msg(has13, "%zu found", area.n);
    store_read_end(t);
    size_t want = 0;
    for (size_t i = 0; i < ids.n; i++)
        if (strncmp(ids.v[i], "c-01", 4) == 0)
            ck_assert_str_eq(pre.v[want++], ids.v[i]);
    ck_assert_uint_ge(want, 5);
    ck_assert_uint_eq(pre.n, want);
    idmax_agrees(s, &ids);
    ck_assert_int_eq(store_check(s, NULL, NULL, &e), 0);
    store_close(s);
    /* A volunteer cannot tell whether a case exists. */
    s = open_as("m-annie");
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    struct wt_record r;
    ck_assert_int_eq(store_get(t, WT_CASES, "c-013", &r), WT_EPERM);
    record_fini(&r);
    ck_assert(!store_exists(t, WT_CASES, "c-013"));
    store_read_end(t);
    store_close(s);
}
END_TEST

START_TEST(test_old_layout_moves_at_unlock)
{
    struct wt_error e = {0};
    ck_assert_msg(app_demo_ensure(db, &e) == 0, "%s", e.text);
    struct store *s = open_as("leider");
    struct ids ids = all_cases(s);
    struct snapshot before, after;
    take(s, "c-013", &before);
    ck_assert_int_eq(store_write(s, to_old_layout, &ids, &e), 0);
    store_close(s);
    /* The layout from before: ids readable, and a volunteer cannot move them. */
    s = open_as("m-annie");
    struct key_census kc = census(s);
    ck_assert_uint_eq(kc.cases_plain, ids.n);
    ck_assert_uint_eq(kc.casekeys_plain, ids.n);
    ck_assert_uint_eq(kc.clocks_plain, ids.n);
    ck_assert_uint_eq(kc.index_plain, kc.index);
    ck_assert(kc.saw_c013);
    store_close(s);
    /* The leader's unlock moves them, in one write, and marks the compaction. */
    s = open_as("leider");
    kc = census(s);
    ck_assert_uint_eq(kc.cases, ids.n);
    ck_assert_uint_eq(kc.cases_plain + kc.casekeys_plain + kc.clocks_plain + kc.index_plain, 0);
    ck_assert_uint_eq(kc.cases_seq, ids.n); /* through tokens to numbers, in one write */
    ck_assert_uint_eq(kc.index_seq, kc.index);
    ck_assert_uint_eq(kc.clocks_seq, ids.n);
    ck_assert_uint_eq(kc.map, ids.n);
    ck_assert_uint_eq(kc.cases_token + kc.casekeys_token, 0);
    ck_assert(!kc.saw_c013);
    ck_assert(!store_keys_pending(s));
    take(s, "c-013", &after);
    same(&before, &after);
    struct ids again = all_cases(s);
    ck_assert_uint_eq(again.n, ids.n);
    idmax_agrees(s, &ids);
    struct store_txn *t;
    char *v = NULL;
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    ck_assert_int_eq(store_meta_get(t, "compact-pending", &v), 0);
    free(v);
    store_read_end(t);
    ck_assert_int_eq(store_check(s, NULL, NULL, &e), 0);
    record_fini(&before.r);
    record_fini(&after.r);
    store_close(s);
}
END_TEST

/* The demo imported with sealing helpers: they seal before the numbers are
 * known and end index keys in tokens; the write wraps each case's key for
 * its number and ends the keys in it. */
START_TEST(test_numbers_with_helpers)
{
    store_set_helpers(2);
    struct wt_error e = {0};
    ck_assert_msg(app_demo_ensure(db, &e) == 0, "%s", e.text);
    struct store *s = open_as("leider");
    struct key_census kc = census(s);
    ck_assert_uint_ge(kc.cases, 15);
    ck_assert_uint_eq(kc.cases_seq, kc.cases);
    ck_assert_uint_eq(kc.casekeys_seq, kc.cases);
    ck_assert_uint_eq(kc.map, kc.cases);
    ck_assert_uint_ge(kc.index, 3 * kc.cases);
    ck_assert_uint_eq(kc.index_seq, kc.index);
    struct ids ids = all_cases(s);
    ck_assert_uint_eq(ids.n, kc.cases);
    struct store_txn *t;
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    struct ids area = {0};
    ck_assert_int_eq(store_find(t, WT_CASES, CASE_AREA, "Veenwaard/Ravenstede/Molenwijk",
                                keep_id_only, &area),
                     0);
    bool has13 = false;
    for (size_t i = 0; i < area.n; i++)
        has13 |= strcmp(area.v[i], "c-013") == 0;
    ck_assert_msg(has13, "%zu found", area.n);
    store_read_end(t);
    ck_assert_int_eq(store_check(s, NULL, NULL, &e), 0);
    store_close(s);
    store_set_helpers(0);
}
END_TEST

START_TEST(test_token_layout_moves_to_numbers)
{
    struct wt_error e = {0};
    ck_assert_msg(app_demo_ensure(db, &e) == 0, "%s", e.text);
    struct store *s = open_as("leider");
    struct ids ids = all_cases(s);
    struct snapshot before, after;
    take(s, "c-013", &before);
    ck_assert_int_eq(store_write(s, to_token_layout, &ids, &e), 0);
    store_close(s);
    /* The token layout: every case under its token, no map; a volunteer
     * cannot move it and reads nothing of it. */
    s = open_as("m-annie");
    struct key_census kc = census(s);
    ck_assert_uint_eq(kc.cases_token, ids.n);
    ck_assert_uint_eq(kc.casekeys_token, ids.n);
    ck_assert_uint_eq(kc.cases_seq + kc.casekeys_seq + kc.map + kc.index_seq + kc.clocks_seq, 0);
    ck_assert_uint_ge(kc.index, 3 * ids.n);
    ck_assert(store_keys_pending(s) == false);
    store_close(s);
    /* The leader's unlock moves them under numbers, in one write. */
    s = open_as("leider");
    kc = census(s);
    ck_assert_uint_eq(kc.cases, ids.n);
    ck_assert_uint_eq(kc.cases_seq, ids.n);
    ck_assert_uint_eq(kc.casekeys_seq, ids.n);
    ck_assert_uint_eq(kc.map, ids.n);
    ck_assert_uint_eq(kc.index_seq, kc.index);
    ck_assert_uint_eq(kc.clocks_seq, ids.n);
    ck_assert_uint_eq(kc.cases_token + kc.casekeys_token, 0);
    ck_assert_uint_eq(kc.cases_plain + kc.casekeys_plain + kc.clocks_plain + kc.index_plain, 0);
    ck_assert(!kc.saw_c013);
    ck_assert(!store_keys_pending(s));
    take(s, "c-013", &after);
    same(&before, &after);
    struct ids again = all_cases(s);
    ck_assert_uint_eq(again.n, ids.n);
    for (size_t i = 0; i < ids.n; i++)
        ck_assert_str_eq(again.v[i], ids.v[i]);
    struct store_txn *t;
    char *v = NULL;
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    ck_assert_int_eq(store_meta_get(t, "compact-pending", &v), 0);
    free(v);
    /* The next number lies beyond every case's. */
    ck_assert_int_eq(store_meta_get(t, "case-seq", &v), 0);
    ck_assert_uint_eq(strtoull(v, NULL, 10), ids.n + 1);
    free(v);
    store_read_end(t);
    ck_assert_int_eq(store_check(s, NULL, NULL, &e), 0);
    record_fini(&before.r);
    record_fini(&after.r);
    store_close(s);
}
END_TEST

/* A new case takes the next number, appended; a deleted one's number is
 * not given again. */
static int add_and_drop(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)err;
    const char *const *ids = ctx; /* the one to add, the one to delete */
    struct wt_record r;
    ck_assert_int_eq(store_get(t, WT_CASES, "c-013", &r), 0);
    record_set(&r, 0, ids[0]);
    ck_assert_int_eq(store_put(t, &r), 0);
    record_fini(&r);
    ck_assert_int_eq(store_del(t, WT_CASES, ids[1]), 0);
    return store_txn_error(t);
}

static uint64_t number_of(struct store *s, const char *id)
{
    struct store_txn *t;
    struct wt_error e = {0};
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    unsigned char kb[CASE_KEY_LEN];
    MDB_val k = store_rec_key(t, WT_CASES, id, kb);
    ck_assert_uint_eq(k.mv_size, CASE_SEQ_LEN);
    uint64_t n = store_case_seq_of(&k);
    MDB_val v;
    bool there = mdb_get(t->txn, s->kinds[WT_CASES], &k, &v) == 0;
    store_read_end(t);
    return there ? n : 0;
}

/* Within one write (where the store remembers each id's number): a case
 * looked for before it exists, made, read, deleted, looked for, made again. */
static int lookup_add_drop_add(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx, (void)err;
    struct wt_record r, got;
    ck_assert_int_eq(store_get(t, WT_CASES, "c-950", &got), WT_ENOTFOUND);
    ck_assert(!store_exists(t, WT_CASES, "c-950"));
    ck_assert_int_eq(store_get(t, WT_CASES, "c-013", &r), 0);
    record_set(&r, 0, "c-950");
    ck_assert_int_eq(store_put(t, &r), 0);
    ck_assert_int_eq(store_get(t, WT_CASES, "c-950", &got), 0);
    ck_assert_str_eq(got.v[0], "c-950");
    record_fini(&got);
    ck_assert_int_eq(store_del(t, WT_CASES, "c-950"), 0);
    ck_assert_int_eq(store_get(t, WT_CASES, "c-950", &got), WT_ENOTFOUND);
    record_set(&r, CASE_REQUEST, "Tweede keer gemaakt");
    ck_assert_int_eq(store_put(t, &r), 0);
    record_fini(&r);
    ck_assert_int_eq(store_get(t, WT_CASES, "c-950", &got), 0);
    ck_assert_str_eq(got.v[CASE_REQUEST], "Tweede keer gemaakt");
    record_fini(&got);
    return store_txn_error(t);
}

START_TEST(test_numbers_within_one_write)
{
    struct wt_error e = {0};
    ck_assert_msg(app_demo_ensure(db, &e) == 0, "%s", e.text);
    struct store *s = open_as("leider");
    uint64_t top = 0;
    struct ids ids = all_cases(s);
    for (size_t i = 0; i < ids.n; i++) {
        uint64_t n = number_of(s, ids.v[i]);
        top = n > top ? n : top;
    }
    ck_assert_msg(store_write(s, lookup_add_drop_add, NULL, &e) == 0, "%s", e.text);
    ck_assert_uint_eq(number_of(s, "c-950"), top + 2); /* made twice: its first number is gone */
    struct store_txn *t;
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    struct wt_record got;
    ck_assert_int_eq(store_get(t, WT_CASES, "c-950", &got), 0);
    ck_assert_str_eq(got.v[CASE_REQUEST], "Tweede keer gemaakt");
    record_fini(&got);
    store_read_end(t);
    ck_assert_int_eq(store_check(s, NULL, NULL, &e), 0);
    store_close(s);
}
END_TEST

START_TEST(test_numbers_append_never_reused)
{
    struct wt_error e = {0};
    ck_assert_msg(app_demo_ensure(db, &e) == 0, "%s", e.text);
    struct store *s = open_as("leider");
    struct ids ids = all_cases(s);
    uint64_t n14 = number_of(s, "c-014");
    ck_assert_uint_gt(n14, 0);
    uint64_t top = 0;
    for (size_t i = 0; i < ids.n; i++) {
        uint64_t n = number_of(s, ids.v[i]);
        top = n > top ? n : top;
    }
    const char *first[] = {"c-900", "c-014"}, *second[] = {"c-014", "c-900"};
    ck_assert_int_eq(store_write(s, add_and_drop, first, &e), 0);
    ck_assert_uint_eq(number_of(s, "c-900"), top + 1);
    ck_assert_uint_eq(number_of(s, "c-014"), 0);
    /* c-014 again: a new number, not its old one. */
    ck_assert_int_eq(store_write(s, add_and_drop, second, &e), 0);
    ck_assert_uint_eq(number_of(s, "c-014"), top + 2);
    ck_assert_int_eq(store_check(s, NULL, NULL, &e), 0);
    store_close(s);
}
END_TEST

/* The map made to disagree: c-013's entry names c-015's number, and an
 * entry names a number no case has. */
static int bend_map(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx, (void)err;
    unsigned char a[CASE_KEY_LEN], b[CASE_KEY_LEN];
    ck_assert(store_case_token(t->s, "c-013", a));
    ck_assert(store_case_token(t->s, "c-015", b));
    a[0] = b[0] = CASE_MAP;
    MDB_val ka = {CASE_KEY_LEN, a}, kb = {CASE_KEY_LEN, b}, vb;
    ck_assert_int_eq(mdb_get(t->txn, t->s->casekeys, &kb, &vb), 0);
    unsigned char num[8];
    memcpy(num, vb.mv_data, 8);
    MDB_val nv = {8, num};
    ck_assert_int_eq(mdb_put(t->txn, t->s->casekeys, &ka, &nv, 0), 0);
    unsigned char ghost[CASE_KEY_LEN] = {CASE_MAP, 0x42}, far[8] = {0, 0, 0, 0, 0, 0x0f, 0x42, 0x40};
    MDB_val kg = {CASE_KEY_LEN, ghost}, vg = {8, far};
    ck_assert_int_eq(mdb_put(t->txn, t->s->casekeys, &kg, &vg, 0), 0);
    return 0;
}

START_TEST(test_check_names_map_problems)
{
    struct wt_error e = {0};
    ck_assert_msg(app_demo_ensure(db, &e) == 0, "%s", e.text);
    struct store *s = open_as("leider");
    ck_assert_int_eq(store_check(s, NULL, NULL, &e), 0);
    uint64_t n15 = number_of(s, "c-015");
    ck_assert_int_eq(store_write(s, bend_map, NULL, &e), 0);
    struct store_txn *t;
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    struct wt_record r;
    /* c-013 by id leads to c-015's value: refused, not handed out as c-013. */
    ck_assert_int_eq(store_get(t, WT_CASES, "c-013", &r), WT_ECORRUPT);
    record_fini(&r);
    ck_assert_int_eq(store_get(t, WT_CASES, "c-015", &r), 0);
    record_fini(&r);
    store_read_end(t);
    struct reported rp = {0};
    ck_assert_int_ne(store_check(s, report_line, &rp, &e), 0);
    char want[120];
    snprintf(want, sizeof want, "casekeys: twee verwijzingen naar casus nummer %llu",
             (unsigned long long)n15);
    ck_assert_msg(strstr(rp.text, want), "%s", rp.text);
    ck_assert_msg(strstr(rp.text, "casekeys: verwijst naar casus nummer 1000000, dat niet bestaat"),
                  "%s", rp.text);
    /* c-013's own value, under its number, no longer maps back to it. */
    ck_assert_msg(strstr(rp.text, ": de opgeslagen waarde is beschadigd"), "%s", rp.text);
    store_close(s);
}
END_TEST

/* The clocks of c-013 and c-015 swapped between their numbers. */
static int swap_clocks(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx, (void)err;
    unsigned char ka[CASE_KEY_LEN], kb[CASE_KEY_LEN], ca[CASE_SEQ_LEN], cb[CASE_SEQ_LEN];
    MDB_val a = store_rec_key(t, WT_CASES, "c-013", ka), b = store_rec_key(t, WT_CASES, "c-015", kb);
    ck_assert_uint_eq(a.mv_size + b.mv_size, (size_t)2 * CASE_SEQ_LEN);
    ca[0] = cb[0] = SYNC_SEQ_CLOCK;
    memcpy(ca + 1, ka + 1, 8);
    memcpy(cb + 1, kb + 1, 8);
    MDB_val kca = {CASE_SEQ_LEN, ca}, kcb = {CASE_SEQ_LEN, cb}, va, vb;
    ck_assert_int_eq(mdb_get(t->txn, t->s->clock, &kca, &va), 0);
    ck_assert_int_eq(mdb_get(t->txn, t->s->clock, &kcb, &vb), 0);
    unsigned char *pa = malloc(va.mv_size), *pb = malloc(vb.mv_size);
    memcpy(pa, va.mv_data, va.mv_size);
    memcpy(pb, vb.mv_data, vb.mv_size);
    MDB_val na = {vb.mv_size, pb}, nb = {va.mv_size, pa};
    ck_assert_int_eq(mdb_put(t->txn, t->s->clock, &kca, &na, 0), 0);
    ck_assert_int_eq(mdb_put(t->txn, t->s->clock, &kcb, &nb, 0), 0);
    free(pa);
    free(pb);
    return 0;
}

START_TEST(test_check_names_moved_clock)
{
    struct wt_error e = {0};
    ck_assert_msg(app_demo_ensure(db, &e) == 0, "%s", e.text);
    struct store *s = open_as("leider");
    ck_assert_int_eq(store_check(s, NULL, NULL, &e), 0);
    ck_assert_int_eq(store_write(s, swap_clocks, NULL, &e), 0);
    struct reported rp = {0};
    ck_assert_int_ne(store_check(s, report_line, &rp, &e), 0);
    ck_assert_msg(strstr(rp.text, "clock: cases/c-013: gewijzigd"), "%s", rp.text);
    ck_assert_msg(strstr(rp.text, "clock: cases/c-015: gewijzigd"), "%s", rp.text);
    store_close(s);
}
END_TEST

/* An id written plain after the step, and a case's value under another
 * case's token: check names both. */
static int plant_plain(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx, (void)err;
    MDB_val k = store_id_key("c-098"), v = {3, "abc"};
    ck_assert_int_eq(mdb_put(t->txn, t->s->kinds[WT_CASES], &k, &v, 0), 0);
    ck_assert_int_eq(mdb_put(t->txn, t->s->casekeys, &k, &v, 0), 0);
    return 0;
}

static int swap_values(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx, (void)err;
    unsigned char ka[CASE_KEY_LEN], kb[CASE_KEY_LEN];
    MDB_val a = store_rec_key(t, WT_CASES, "c-013", ka), b = store_rec_key(t, WT_CASES, "c-015", kb);
    MDB_val va, vb;
    ck_assert_int_eq(mdb_get(t->txn, t->s->kinds[WT_CASES], &a, &va), 0);
    ck_assert_int_eq(mdb_get(t->txn, t->s->kinds[WT_CASES], &b, &vb), 0);
    unsigned char *ca = malloc(va.mv_size), *cb = malloc(vb.mv_size);
    memcpy(ca, va.mv_data, va.mv_size);
    memcpy(cb, vb.mv_data, vb.mv_size);
    MDB_val na = {vb.mv_size, cb}, nb = {va.mv_size, ca};
    ck_assert_int_eq(mdb_put(t->txn, t->s->kinds[WT_CASES], &a, &na, 0), 0);
    ck_assert_int_eq(mdb_put(t->txn, t->s->kinds[WT_CASES], &b, &nb, 0), 0);
    free(ca);
    free(cb);
    return 0;
}

START_TEST(test_check_names_plain_and_swapped)
{
    struct wt_error e = {0};
    ck_assert_msg(app_demo_ensure(db, &e) == 0, "%s", e.text);
    struct store *s = open_as("leider");
    ck_assert_int_eq(store_check(s, NULL, NULL, &e), 0);
    ck_assert_int_eq(store_write(s, swap_values, NULL, &e), 0);
    struct store_txn *t;
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    struct wt_record r;
    ck_assert_int_eq(store_get(t, WT_CASES, "c-013", &r), WT_ECORRUPT);
    record_fini(&r);
    store_read_end(t);
    ck_assert_int_eq(store_write(s, plant_plain, NULL, &e), 0);
    struct reported rp = {0};
    ck_assert_int_ne(store_check(s, report_line, &rp, &e), 0);
    ck_assert_msg(strstr(rp.text, "de opgeslagen waarde is beschadigd"), "%s", rp.text);
    ck_assert_msg(strstr(rp.text, "cases/c-098: deze id staat leesbaar in het bestand"), "%s",
                  rp.text);
    ck_assert_msg(strstr(rp.text, "casekeys/c-098: deze id staat leesbaar in het bestand"), "%s",
                  rp.text);
    store_close(s);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_case_ids_are_tokens,         test_old_layout_moves_at_unlock,
                            test_token_layout_moves_to_numbers, test_numbers_append_never_reused,
                            test_numbers_within_one_write,
                            test_numbers_with_helpers,          test_check_names_moved_clock,
                            test_check_names_map_problems,    test_check_names_plain_and_swapped};
    const struct tu_suite suite = {
        .name = "caseids", .timeout = 240, .setup = setup, .teardown = teardown};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
