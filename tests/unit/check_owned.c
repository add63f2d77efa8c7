/* check_owned.c: a volunteer's sealed copies of their actions in an encrypted database are
 * kept one by one: a saved action seals its own copy again and leaves every other copy as it
 * was (byte for byte), an owner change moves the copy, a member's change touches only theirs. */
#include <check.h>

#include "apptest.h"
#include "testutil.h"
#include "wijktafel/app.h"
#include "wijktafel/meeting.h"
#include "wijktafel/store.h"

#define LEADER_PASS "leider-geheim"
#define MAX_COPIES 16

static char *tmp, *db;

static const char *pass_of(void *ctx, const char *member)
{
    (void)member;
    return ctx;
}

static struct app *open_pass(const char *member, const char *pass)
{
    struct app *a;
    struct wt_error e = {0};
    struct app_opts o = {.dir = db, .as_member = member, .passphrase = pass_of,
                         .passphrase_ctx = (void *)pass};
    ck_assert_msg(app_open(&o, &a, &e) == 0, "%s", e.text);
    return a;
}

/* The meta values under "owned/" as stored: key and sealed value. */
struct copies {
    size_t n;
    char key[MAX_COPIES][64];
    char *value[MAX_COPIES];
};

static int add_copy(void *ctx, const char *key, const char *value)
{
    struct copies *c = ctx;
    ck_assert_uint_lt(c->n, MAX_COPIES);
    snprintf(c->key[c->n], sizeof c->key[0], "%s", key);
    c->value[c->n++] = strdup(value);
    return 0;
}

/* Reads the copies past the app, straight from the store, as the leader. */
static void read_copies(struct copies *c)
{
    memset(c, 0, sizeof *c);
    struct store *s;
    struct wt_error e = {0};
    ck_assert_msg(store_open(db, NULL, &s, &e) == 0, "%s", e.text);
    ck_assert_msg(store_unlock(s, "leider", LEADER_PASS, &e) == 0, "%s", e.text);
    struct store_txn *t;
    ck_assert_int_eq(store_read_begin(s, &t, &e), 0);
    ck_assert_int_eq(store_meta_each(t, "owned/", add_copy, c), 0);
    ck_assert_int_eq(store_read_end(t), 0);
    store_close(s);
}

static void copies_fini(struct copies *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->value[i]);
}

static const char *copy_of(const struct copies *c, const char *key)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->key[i], key) == 0)
            return c->value[i];
    return NULL;
}

/* Every copy in before is in after with the same bytes, but those named in
 * changed (NULL-ended), which must differ or be gone. */
static void same_but(const struct copies *before, const struct copies *after,
                     const char *const *changed)
{
    for (size_t i = 0; i < before->n; i++) {
        bool expect_change = false;
        for (const char *const *k = changed; *k; k++)
            expect_change |= strcmp(*k, before->key[i]) == 0;
        const char *now = copy_of(after, before->key[i]);
        if (expect_change)
            ck_assert_msg(!now || strcmp(now, before->value[i]) != 0, "%s was not sealed again",
                          before->key[i]);
        else
            ck_assert_msg(now && strcmp(now, before->value[i]) == 0, "%s changed or went",
                          before->key[i]);
    }
}

static void setup(void)
{
    tmp = tu_tmpdir();
    db = tu_path(tmp, "db");
    setenv("XDG_CONFIG_HOME", tmp, 1);
    setenv("XDG_CACHE_HOME", tmp, 1);
    setenv("WIJKTAFEL_TODAY", "2026-12-08", 1);
    unsetenv("WIJKTAFEL_DB");
    struct wt_error e = {0};
    ck_assert_msg(app_init_encrypted(db, "T", "leider", "Wietske Bosma", LEADER_PASS, &e) == 0,
                  "%s", e.text);
    struct app *a = open_pass("leider", LEADER_PASS);
    const char *members = "id,name,role\nm-vol,Vera Vlijt,volunteer\nm-vol2,Kees Kort,volunteer\n"
                          "m-pro,Piet Prins,professional\n";
    const char *cases = "id,opened,area,resident,request\nc-1,2026-11-02,Veen,Ans de Wit,Alleen\n";
    const char *acts = "id,text,owner,case\na-1,Bellen met mevrouw,m-vol,c-1\n"
                       "a-2,Koffieochtend voorbereiden,m-vol,\na-3,Flyers rondbrengen,m-vol2,\n"
                       "a-4,Huisbezoek,m-pro,c-1\n";
    ck_assert_msg(app_import(a, WT_MEMBERS, "m.csv", members, strlen(members), NULL, &e) == 0,
                  "%s", e.text);
    ck_assert_int_eq(app_set_passphrase(a, "m-vol", "vera-geheim", &e), 0);
    ck_assert_int_eq(app_set_passphrase(a, "m-vol2", "kees-geheim", &e), 0);
    ck_assert_int_eq(app_set_passphrase(a, "m-pro", "piet-geheim", &e), 0);
    ck_assert_msg(app_import(a, WT_CASES, "c.csv", cases, strlen(cases), NULL, &e) == 0, "%s",
                  e.text);
    ck_assert_msg(app_import(a, WT_ACTIONS, "a.csv", acts, strlen(acts), NULL, &e) == 0, "%s",
                  e.text);
    app_close(a);
}

static void teardown(void)
{
    free(db);
    tu_rmtree(tmp);
}

/* The action id as member reads it on their own (its status), or NULL. */
static char *read_as(const char *member, const char *pass, const char *id)
{
    struct app *v = open_pass(member, pass);
    struct wt_record r;
    struct wt_error e = {0};
    char *status = NULL;
    if (app_get(v, WT_ACTIONS, id, &r, &e) == 0)
        status = strdup(record_get(&r, ACTION_STATUS));
    record_fini(&r);
    app_close(v);
    return status;
}

START_TEST(test_one_save_one_copy)
{
    struct copies before, after;
    read_copies(&before);
    /* The import made the three volunteers' copies, none for the professional. */
    ck_assert_uint_eq(before.n, 3);
    ck_assert_ptr_nonnull(copy_of(&before, "owned/m-vol/a-1"));
    ck_assert_ptr_nonnull(copy_of(&before, "owned/m-vol/a-2"));
    ck_assert_ptr_nonnull(copy_of(&before, "owned/m-vol2/a-3"));
    struct app *a = open_pass("leider", LEADER_PASS);
    struct wt_error e = {0};
    ck_assert_msg(meeting_action_status(a, "a-1", "done", &e) == 0, "%s", e.text);
    app_close(a);
    read_copies(&after);
    ck_assert_uint_eq(after.n, 3);
    same_but(&before, &after, (const char *const[]){"owned/m-vol/a-1", NULL});
    char *status = read_as("m-vol", "vera-geheim", "a-1");
    ck_assert_str_eq(status, "done");
    free(status);
    copies_fini(&before);
    copies_fini(&after);
}
END_TEST

START_TEST(test_owner_change_moves_copy)
{
    struct copies before, after;
    read_copies(&before);
    struct app *a = open_pass("leider", LEADER_PASS);
    struct wt_error e = {0};
    struct wt_record r;
    ck_assert_int_eq(app_get(a, WT_ACTIONS, "a-2", &r, &e), 0);
    record_set(&r, ACTION_OWNER, "m-vol2");
    ck_assert_msg(app_put(a, &r, &e) == 0, "%s", e.text);
    record_fini(&r);
    app_close(a);
    read_copies(&after);
    ck_assert_uint_eq(after.n, 3);
    ck_assert_ptr_null(copy_of(&after, "owned/m-vol/a-2"));
    ck_assert_ptr_nonnull(copy_of(&after, "owned/m-vol2/a-2"));
    same_but(&before, &after, (const char *const[]){"owned/m-vol/a-2", NULL});
    char *gone = read_as("m-vol", "vera-geheim", "a-2");
    char *moved = read_as("m-vol2", "kees-geheim", "a-2");
    ck_assert_ptr_null(gone);
    ck_assert_ptr_nonnull(moved);
    free(moved);
    /* Undone: back to the first owner, the second's copy gone. */
    copies_fini(&before);
    before = after;
    a = open_pass("leider", LEADER_PASS);
    ck_assert_int_eq(app_get(a, WT_ACTIONS, "a-2", &r, &e), 0);
    record_set(&r, ACTION_OWNER, "m-vol");
    ck_assert_msg(app_put(a, &r, &e) == 0, "%s", e.text);
    record_fini(&r);
    struct app_undone u;
    ck_assert_msg(app_undo(a, &u, &e) == 0, "%s", e.text);
    app_undone_fini(&u);
    app_close(a);
    read_copies(&after);
    ck_assert_ptr_nonnull(copy_of(&after, "owned/m-vol2/a-2"));
    ck_assert_ptr_null(copy_of(&after, "owned/m-vol/a-2"));
    same_but(&before, &after, (const char *const[]){"owned/m-vol2/a-2", NULL});
    copies_fini(&before);
    copies_fini(&after);
}
END_TEST

START_TEST(test_undo_of_new_action)
{
    struct copies before, after;
    read_copies(&before);
    struct app *a = open_pass("leider", LEADER_PASS);
    struct wt_error e = {0};
    struct wt_record n;
    record_init(&n, WT_ACTIONS);
    record_set(&n, ACTION_TEXT, "Stip bemensen");
    record_set(&n, ACTION_OWNER, "m-vol2");
    ck_assert_msg(meeting_add(a, &n, &e) == 0, "%s", e.text);
    char *key = xasprintf("owned/m-vol2/%s", n.v[ACTION_ID]);
    record_fini(&n);
    read_copies(&after);
    ck_assert_ptr_nonnull(copy_of(&after, key));
    copies_fini(&after);
    struct app_undone u;
    ck_assert_msg(app_undo(a, &u, &e) == 0, "%s", e.text);
    ck_assert(u.removed);
    app_undone_fini(&u);
    app_close(a);
    read_copies(&after);
    ck_assert_ptr_null(copy_of(&after, key));
    ck_assert_uint_eq(after.n, before.n);
    same_but(&before, &after, (const char *const[]){NULL});
    free(key);
    copies_fini(&before);
    copies_fini(&after);
}
END_TEST

START_TEST(test_member_changes)
{
    struct copies before, after;
    read_copies(&before);
    /* A professional becomes a volunteer: they get the copy of their action. */
    struct app *a = open_pass("leider", LEADER_PASS);
    struct wt_error e = {0};
    ck_assert_msg(app_member_change(a, "m-pro", "volunteer", NULL, NULL, &e) == 0, "%s", e.text);
    app_close(a);
    read_copies(&after);
    ck_assert_uint_eq(after.n, 4);
    ck_assert_ptr_nonnull(copy_of(&after, "owned/m-pro/a-4"));
    same_but(&before, &after, (const char *const[]){NULL});
    char *status = read_as("m-pro", "piet-geheim", "a-4");
    ck_assert_ptr_nonnull(status);
    free(status);
    copies_fini(&before);
    before = after;
    /* A volunteer leaves: their copies go, the others stay as they were. */
    a = open_pass("leider", LEADER_PASS);
    ck_assert_msg(app_member_leave(a, "m-vol2", &e) == 0, "%s", e.text);
    app_close(a);
    read_copies(&after);
    ck_assert_uint_eq(after.n, 3);
    ck_assert_ptr_null(copy_of(&after, "owned/m-vol2/a-3"));
    same_but(&before, &after, (const char *const[]){"owned/m-vol2/a-3", NULL});
    copies_fini(&before);
    before = after;
    /* Back to a professional: their copy goes. */
    a = open_pass("leider", LEADER_PASS);
    ck_assert_msg(app_member_change(a, "m-pro", "professional", NULL, NULL, &e) == 0, "%s",
                  e.text);
    app_close(a);
    read_copies(&after);
    ck_assert_uint_eq(after.n, 2);
    ck_assert_ptr_null(copy_of(&after, "owned/m-pro/a-4"));
    same_but(&before, &after, (const char *const[]){"owned/m-pro/a-4", NULL});
    copies_fini(&before);
    copies_fini(&after);
}
END_TEST

/* Opens the meeting as the leader, as the screen does at every start. */
static void start_meeting(void)
{
    struct app *a = open_pass("leider", LEADER_PASS);
    struct wt_error e = {0};
    ck_assert_msg(meeting_open(a, &e) == 0, "%s", e.text);
    app_close(a);
}

static int drop_fresh(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx, (void)err;
    char *v = NULL;
    ck_assert_int_eq(store_meta_get(t, "owned-fresh", &v), 0); /* the import's rebuild set it */
    free(v);
    store_meta_del(t, "owned-fresh");
    return store_txn_error(t);
}

/* Removes the note that the copies are up to date, past the app, as a bundle
 * merged by a volunteer leaves it (or a database from before the note). */
static void mark_stale(void)
{
    struct store *s;
    struct wt_error e = {0};
    ck_assert_msg(store_open(db, NULL, &s, &e) == 0, "%s", e.text);
    ck_assert_msg(store_unlock(s, "leider", LEADER_PASS, &e) == 0, "%s", e.text);
    ck_assert_msg(store_write(s, drop_fresh, NULL, &e) == 0, "%s", e.text);
    store_close(s);
}

/* Opening the meeting with nothing to merge leaves every sealed copy as it
 * was, byte for byte, twice over; once the copies are noted out of date, the
 * next start seals them all again (each seal is random: new bytes), and the
 * volunteer still reads their actions. */
START_TEST(test_start_keeps_copies)
{
    struct copies before, after;
    read_copies(&before);
    ck_assert_uint_eq(before.n, 3);
    start_meeting();
    start_meeting();
    read_copies(&after);
    ck_assert_uint_eq(after.n, 3);
    same_but(&before, &after, (const char *const[]){NULL});
    copies_fini(&after);
    mark_stale();
    start_meeting();
    read_copies(&after);
    ck_assert_uint_eq(after.n, 3);
    same_but(&before, &after,
             (const char *const[]){"owned/m-vol/a-1", "owned/m-vol/a-2", "owned/m-vol2/a-3",
                                   NULL});
    char *status = read_as("m-vol", "vera-geheim", "a-2");
    ck_assert_str_eq(status, "open");
    free(status);
    copies_fini(&after);
    copies_fini(&before);
    /* Rebuilt once: the start after that is plain again. */
    read_copies(&before);
    start_meeting();
    read_copies(&after);
    same_but(&before, &after, (const char *const[]){NULL});
    copies_fini(&before);
    copies_fini(&after);
}
END_TEST

/* A volunteer who sets their own passphrase gets a new key pair and cannot
 * seal their copies to it: the next team member's start does, and only then
 * the volunteer reads their actions again. */
START_TEST(test_own_passphrase_then_start)
{
    struct app *v = open_pass("m-vol", "vera-geheim");
    struct wt_error e = {0};
    ck_assert_msg(app_set_passphrase(v, "m-vol", "vera-nieuw-geheim", &e) == 0, "%s", e.text);
    app_close(v);
    char *status = read_as("m-vol", "vera-nieuw-geheim", "a-2");
    ck_assert_ptr_null(status); /* the copies are still sealed to the old key pair */
    struct copies before, after;
    read_copies(&before);
    start_meeting();
    read_copies(&after);
    same_but(&before, &after, (const char *const[]){"owned/m-vol/a-1", "owned/m-vol/a-2",
                                                    "owned/m-vol2/a-3", NULL});
    status = read_as("m-vol", "vera-nieuw-geheim", "a-2");
    ck_assert_ptr_nonnull(status);
    ck_assert_str_eq(status, "open");
    free(status);
    copies_fini(&before);
    copies_fini(&after);
}
END_TEST

/* A merged bundle rebuilds every copy in its own write (each sealed anew: new
 * bytes), and notes them fresh: the start after it rewrites none. The team's
 * own bundle for the leader, merged back, is the simplest bundle to merge. */
START_TEST(test_bundle_merge_rebuilds)
{
    struct copies before, merged, after;
    read_copies(&before);
    struct app *a = open_pass("leider", LEADER_PASS);
    struct wt_error e = {0};
    struct buf b = {0};
    size_t n = 0;
    ck_assert_msg(app_bundle_export(a, "leider", true, &b, &n, &e) == 0, "%s", e.text);
    ck_assert_uint_gt(n, 0);
    ck_assert_msg(app_bundle_import(a, (const unsigned char *)b.data, b.len, NULL, &e) == 0,
                  "%s", e.text);
    app_close(a);
    buf_fini(&b);
    read_copies(&merged);
    ck_assert_uint_eq(merged.n, 3);
    same_but(&before, &merged, (const char *const[]){"owned/m-vol/a-1", "owned/m-vol/a-2",
                                                     "owned/m-vol2/a-3", NULL});
    start_meeting();
    read_copies(&after);
    same_but(&merged, &after, (const char *const[]){NULL});
    char *status = read_as("m-vol2", "kees-geheim", "a-3");
    ck_assert_ptr_nonnull(status);
    free(status);
    copies_fini(&before);
    copies_fini(&merged);
    copies_fini(&after);
}
END_TEST

int main(void)
{
    const TTest *const tests[] = {test_one_save_one_copy, test_owner_change_moves_copy,
                                  test_undo_of_new_action, test_member_changes,
                                  test_start_keeps_copies, test_own_passphrase_then_start,
                                  test_bundle_merge_rebuilds};
    const struct tu_suite s = {.name = "owned", .timeout = 120, .setup = setup,
                               .teardown = teardown};
    return tu_run(&s, tests, sizeof tests / sizeof tests[0]);
}
