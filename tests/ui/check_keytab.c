/* check_keytab.c: every view's F-key bar and help are built from its one key table; every key
 * the help names dispatches to what the help says, no key has two meanings in a view, and a
 * key a member may not use is neither offered nor done (issue 15 point 3). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apptest.h"
#include "ui_int.h"
#include "wijktafel/i18n.h"

static char db[512];

/* A database with a leader ("leider"), a professional and a volunteer. */
static void make_db(void)
{
    const char *prog = getenv("WIJKTAFEL");
    ck_assert_msg(prog != NULL, "WIJKTAFEL not set");
    char home[] = "/tmp/wt-keytab-XXXXXX";
    ck_assert(mkdtemp(home) != NULL);
    snprintf(db, sizeof db, "%s/db", home);
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "'%s' --db '%s' init --team Kern >/dev/null && printf '%%s\\n' "
             "'id,name,role,area' 'vera,Vera Vrijwillig,volunteer,Dorp' "
             "'piet,Piet Prof,professional,Dorp' | '%s' --db '%s' import members - >/dev/null",
             prog, db, prog, db);
    ck_assert_msg(system(cmd) == 0, "%s", cmd);
}

/* The screen's views over a as member, without a terminal. */
static struct ui *open_ui(const char *member)
{
    struct ui *u = calloc(1, sizeof *u);
    u->a = at_open(db, member, true);
    struct view *(*const makers[UI_NITEMS])(struct ui *) = {
        view_actions_new, view_cases_new, view_signals_new, view_network_new,
        view_decisions_new, view_review_new};
    for (int i = 0; i < UI_NITEMS; i++)
        u->views[i] = makers[i](u);
    return u;
}

static void close_ui(struct ui *u)
{
    for (int i = 0; i < UI_NITEMS; i++)
        u->views[i]->ops->free(u->views[i]);
    app_close(u->a);
    free(u);
}

/* The key code of one name in the help's key column; 0 when unknown. */
static int code_of(const char *name)
{
    static const struct {
        const char *name;
        int key;
    } named[] = {
        {"Enter", '\r'}, {"Esc", UI_ESC}, {"Tab", '\t'}, {"Shift-Tab", UI_KEY(KEY_BTAB)},
        {"Links", UI_KEY(KEY_LEFT)}, {"Rechts", UI_KEY(KEY_RIGHT)}, {"PgDn", UI_KEY(KEY_NPAGE)},
        {"PgUp", UI_KEY(KEY_PPAGE)}, {"Spatie", ' '}};
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (strcmp(name, named[i].name) == 0)
            return named[i].key;
    if (strncmp(name, "Ctrl-", 5) == 0 && name[5] && !name[6])
        return name[5] - '@';
    if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9')
        return UI_KEY(KEY_F(atoi(name + 1)));
    return name[0] && !name[1] ? (unsigned char)name[0] : 0;
}

/* The entry that key reaches in view v (its table in mode, then the
 * global ones), as the screen's dispatch does; F-keys through the bar. */
static const struct ui_key *reach(struct view *v, int mode, int key, const struct ui_bar *bar)
{
    int fn = fkeys_number(key);
    if (fn) {
        if (!bar->label[fn - 1])
            return NULL;
        key = bar->key[fn - 1];
    }
    const struct ui_key *e = keys_find(v->ops->keys, mode, key);
    return e ? e : keys_find(ui_global_keys, 0, key);
}

/* Checks the help lines of table in mode; returns how many keys it checked. */
static int check_help(struct view *v, const struct ui_key *table, int mode,
                      const struct ui_bar *bar)
{
    char lines[64][256];
    int n = help_lines(v, table, mode, lines, 64), checked = 0;
    for (int i = 0; i < n; i++) {
        char *tab = strchr(lines[i], '\t');
        ck_assert_msg(tab != NULL, "%s", lines[i]);
        *tab = '\0';
        const char *what = tab + 1;
        /* "k  Enter  F5": each name, two spaces apart; "1-5": a range. */
        for (char *tok = strtok(lines[i], " "); tok; tok = strtok(NULL, " ")) {
            int first = code_of(tok), last = first;
            if (!first && strlen(tok) == 3 && tok[1] == '-') {
                first = (unsigned char)tok[0];
                last = (unsigned char)tok[2];
            }
            ck_assert_msg(first != 0, "%s: unknown key name '%s' in the help",
                          _(v->ops->title), tok);
            for (int k = first; k <= last; k++) {
                const struct ui_key *e = reach(v, mode, k, bar);
                ck_assert_msg(e != NULL, "%s mode %d: '%s' in the help dispatches nowhere",
                              _(v->ops->title), mode, tok);
                ck_assert_msg(e->help && strcmp(_(e->help), what) == 0,
                              "%s mode %d: '%s' does '%s', the help says '%s'",
                              _(v->ops->title), mode, tok, e->help ? e->help : "", what);
                ck_assert(keys_allowed(e, v));
                checked++;
            }
        }
    }
    return checked;
}

/* The keys e answers to (key, alt, range) and its F-key. */
static bool shares_key(const struct ui_key *a, const struct ui_key *b)
{
    int keys[3] = {b->key, b->alt, b->last ? b->last : 0};
    for (int i = 0; i < 3; i++)
        if (keys[i] && keys_matches(a, keys[i]))
            return true;
    for (int k = b->key; b->last && k <= b->last; k++)
        if (keys_matches(a, k))
            return true;
    return a->fn && a->fn == b->fn;
}

static bool in_mode(const struct ui_key *e, int mode)
{
    return !e->modes || (e->modes & (1u << mode));
}

/* No key or F-key of the view has two meanings in one mode; a view's key
 * is no global key, but Esc (back) and a (a new action, for what is shown). */
static void check_unique(struct view *v, int mode)
{
    for (const struct ui_key *a = v->ops->keys; a->run; a++) {
        if (!in_mode(a, mode))
            continue;
        for (const struct ui_key *b = a + 1; b->run; b++)
            ck_assert_msg(!in_mode(b, mode) || !shares_key(a, b),
                          "%s mode %d: '%s' and '%s' share a key", _(v->ops->title), mode,
                          a->help, b->help);
        for (const struct ui_key *g = ui_global_keys; g->run; g++) {
            if (g->key == UI_ESC || g->key == 'a')
                continue;
            ck_assert_msg(!shares_key(a, g), "%s mode %d: '%s' is also the global '%s'",
                          _(v->ops->title), mode, a->help, g->help);
        }
    }
}

/* Every view of member, every mode: the bar, the help, one meaning a key. */
static int check_member(const char *member)
{
    struct ui *u = open_ui(member);
    int checked = 0;
    for (int i = 0; i < ui_nitems(u); i++) {
        struct view *v = u->views[i];
        int nmodes = v->ops->nmodes > 0 ? v->ops->nmodes : 1;
        for (int mode = 0; mode < nmodes; mode++) {
            struct ui_bar bar;
            keys_bar(&bar, v->ops->keys, mode, v, ui_global_keys);
            /* Every label on the bar is a key that does what the table says. */
            int labels = 0;
            for (int fn = 1; fn <= 10; fn++) {
                if (!bar.label[fn - 1])
                    continue;
                labels++;
                const struct ui_key *e = reach(v, mode, UI_KEY(KEY_F(fn)), &bar);
                ck_assert_msg(e && e->fn == fn && strcmp(e->label, bar.label[fn - 1]) == 0,
                              "%s: F%d", _(v->ops->title), fn);
                ck_assert(keys_allowed(e, v));
            }
            ck_assert_msg(labels >= 4, "%s mode %d: %d labels", _(v->ops->title), mode,
                          labels);
            checked += check_help(v, v->ops->keys, mode, &bar);
            checked += check_help(v, ui_global_keys, 0, &bar);
            check_unique(v, mode);
        }
    }
    close_ui(u);
    return checked;
}

START_TEST(tables_leader)
{
    make_db();
    /* Not vacuous: the leader's six views have well over a hundred keys to reach. */
    ck_assert_int_ge(check_member("leider"), 150);
}
END_TEST

START_TEST(tables_others)
{
    make_db();
    ck_assert_int_ge(check_member("piet"), 100);
    ck_assert_int_ge(check_member("vera"), 100);
}
END_TEST

/* The review's acts are the leader's: a volunteer neither sees them on the
 * bar or in the help, nor does them by typing the key; one line says so. */
START_TEST(not_allowed)
{
    make_db();
    struct ui *lead = open_ui("leider"), *vol = open_ui("vera");
    struct view *lv = lead->views[UI_ITEM_REVIEW], *vv = vol->views[UI_ITEM_REVIEW];
    struct ui_bar lb, vb;
    keys_bar(&lb, lv->ops->keys, 0, lv, ui_global_keys);
    keys_bar(&vb, vv->ops->keys, 0, vv, ui_global_keys);
    ck_assert_str_eq(lb.label[4], "Accept");
    ck_assert_ptr_null(vb.label[4]);
    char lines[64][256];
    int ln = help_lines(lv, lv->ops->keys, 0, lines, 64);
    ck_assert_int_ge(ln, 5);
    ck_assert_int_eq(help_lines(vv, vv->ops->keys, 0, lines, 64), 0);
    ck_assert(keys_dispatch(vv, vv->ops->keys, 0, 'g'));
    ck_assert_msg(strstr(vol->msg, "niet voor u") != NULL, "%s", vol->msg);
    /* a is a new action there too, as everywhere (FORMATS.md), never an acceptance. */
    ck_assert_ptr_null(keys_find(lv->ops->keys, 0, 'a'));
    const struct ui_key *a = keys_find(ui_global_keys, 0, 'a');
    ck_assert(a && keys_allowed(a, lv) && !keys_allowed(a, vv));
    close_ui(vol);
    close_ui(lead);
}
END_TEST

int main(void)
{
    const TTest *const tests[] = {tables_leader, tables_others, not_allowed};
    return at_run("keytab", tests, sizeof tests / sizeof tests[0]);
}
