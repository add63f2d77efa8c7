/* app.c: opening a database as a member, creating one, and the rules shared by every path. */
#include <ini.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app_int.h"
#include "dump_int.h"
#include "policy_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/text.h"
#include "wijktafel/weektime.h"

static const char *const role_names[] = {"leader", "professional", "volunteer"};

const char *app_role_name(enum app_role r)
{
    return role_names[r];
}

int32_t app_today(void)
{
    int32_t d;
    const char *env = getenv("WIJKTAFEL_TODAY");
    if (env && date_parse(env, &d) == 0)
        return d;
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    char s[16];
    strftime(s, sizeof s, "%Y-%m-%d", &tm);
    date_parse(s, &d);
    return d;
}

static char *home_path(const char *xdg_var, const char *fallback, const char *tail)
{
    const char *x = getenv(xdg_var);
    if (x && *x == '/')
        return xasprintf("%s/%s", x, tail);
    const char *home = getenv("HOME");
    return xasprintf("%s/%s/%s", home && *home ? home : ".", fallback, tail);
}

char *app_default_dir(void)
{
    const char *env = getenv("WIJKTAFEL_DB");
    if (env && *env)
        return xstrdup(env);
    return home_path("XDG_DATA_HOME", ".local/share", "wijktafel");
}

char *app_demo_dir(void)
{
    return home_path("XDG_CACHE_HOME", ".cache", "wijktafel/demo");
}

static int config_handler(void *user, const char *section, const char *name, const char *value)
{
    char **member = user;
    if ((!*section || strcmp(section, "wijktafel") == 0) && strcmp(name, "member") == 0) {
        free(*member);
        *member = xstrdup(value);
    }
    return 1;
}

/* The config file's member (XDG_CONFIG_HOME/wijktafel/config.ini), or NULL. */
static char *config_member(void)
{
    char *path = home_path("XDG_CONFIG_HOME", ".config", "wijktafel/config.ini");
    char *member = NULL;
    if (access(path, R_OK) == 0)
        ini_parse(path, config_handler, &member);
    free(path);
    return member;
}

struct leader_search {
    size_t n;
    char id[WT_MAX_ID + 1];
};

static int count_leader(void *ctx, const char *id)
{
    struct leader_search *l = ctx;
    if (l->n++ == 0)
        snprintf(l->id, sizeof l->id, "%s", id);
    return 0;
}

static int count_leader_slot(void *ctx, const char *member, const char *role)
{
    return strcmp(role, "leader") == 0 ? count_leader(ctx, member) : 0;
}

/* The same from the member records themselves: a damaged one stops it. */
static int count_leader_record(void *ctx, const struct wt_record *r)
{
    if (r->damaged)
        return WT_ECORRUPT;
    return strcmp(record_get(r, MEMBER_ROLE), "leader") == 0 ? count_leader(ctx, r->v[MEMBER_ID])
                                                             : 0;
}

/* Any keyslot: a database made from a bundle (the community centre's) holds
 * one member's keyslot, who then works there without --as. */
static int count_any_slot(void *ctx, const char *member, const char *role)
{
    (void)role;
    return count_leader(ctx, member);
}

/* Reads the member record of id and their role (the database readable). */
static int load_member(struct app *a, const char *id, struct wt_error *err)
{
    struct store_txn *t;
    int rc = store_read_begin(a->store, &t, err);
    if (rc)
        return rc;
    rc = store_get(t, WT_MEMBERS, id, &a->member);
    store_read_end(t);
    if (rc == WT_ENOTFOUND)
        return wt_error_set(err, WT_EPERM, _("--as %s: dit lid bestaat niet in %s"), id, a->dir);
    if (rc)
        return wt_error_set(err, rc, _("%s: lid %s kan niet worden gelezen"), a->dir, id);
    const char *role = record_get(&a->member, MEMBER_ROLE);
    a->role = strcmp(role, "leader") == 0         ? APP_LEADER
              : strcmp(role, "professional") == 0 ? APP_PROFESSIONAL
                                                  : APP_VOLUNTEER;
    return 0;
}

static int resolve_member(struct app *a, const struct app_opts *o, struct wt_error *err)
{
    const char *as = o->as_member;
    struct store_txn *t;
    int rc = store_read_begin(a->store, &t, err);
    if (rc)
        return rc;
    char *conf = as ? NULL : config_member();
    const char *want = as ? as : conf;
    struct leader_search ls = {0};
    if (!want) {
        /* In an encrypted database the roles are read from the keyring: the
         * member records cannot be read before unlocking. */
        if (store_encrypted(a->store)) {
            store_keyslot_each(t, count_leader_slot, &ls);
            if (ls.n == 0)
                store_keyslot_each(t, count_any_slot, &ls);
        }
        else
            store_find(t, WT_MEMBERS, MEMBER_ROLE, "leader", count_leader, &ls);
        if (ls.n != 1 && !store_encrypted(a->store)) {
            /* Every database has a leader: when the role index finds none (or
             * several), ask the records, so that a damaged index or record
             * says so (74) instead of asking who works. */
            ls.n = 0;
            rc = store_each(t, WT_MEMBERS, count_leader_record, &ls);
        }
        if (ls.n == 1)
            want = ls.id;
    }
    store_read_end(t);
    if (rc < 0) {
        free(conf);
        return wt_error_set(err, rc, _("%s: de leden kunnen niet worden gelezen"), a->dir);
    }
    if (!want)
        return wt_error_set(err, WT_EPERM,
                            _("%s: kies met --as wie er werkt (er is niet precies één leider)"),
                            a->dir);
    if (store_encrypted(a->store) && o->defer_unlock) {
        /* The screen asks; until then the app holds no member and the least rights. */
        a->locked_member = xstrdup(want);
        a->role = APP_VOLUNTEER;
        free(conf);
        return 0;
    }
    int32_t left;
    if (app_member_left(a, want, &left) == 0) {
        char iso[11];
        date_format(left, iso);
        rc = wt_error_set(err, WT_EPERM, _("%s: %s heeft het team verlaten (op %s)"), a->dir,
                          want, iso);
    } else if (store_encrypted(a->store)) {
        const char *pass = o->passphrase ? o->passphrase(o->passphrase_ctx, want) : NULL;
        if (!pass)
            rc = wt_error_set(err, WT_EPERM,
                              _("%s: de database is versleuteld; geef de wachtwoordzin (terminal, "
                                "WIJKTAFEL_PASSPHRASE of --passphrase-file)"),
                              a->dir);
        else if (o->recovery)
            rc = app_recovery_unlock(a, pass, err);
        else if ((rc = app_code_unlock(a, o, want, pass, err)) == 1)
            rc = store_unlock(a->store, want, pass, err);
    } else if (o->recovery) {
        rc = wt_error_set(err, WT_EPERM, _("%s: de database is niet versleuteld"), a->dir);
    }
    if (!rc)
        rc = load_member(a, want, err);
    if (!rc && o->recovery && a->role != APP_LEADER)
        rc = wt_error_set(err, WT_EPERM, _("de herstelcode is voor een leider; %s is geen leider"),
                          want);
    if (!rc && o->recovery)
        a->opened_by_recovery = true;
    if (!rc && a->opened_by_code)
        app_log(a, "code-used", WT_MEMBERS, want, NULL); /* that it was used, never the code */
    free(conf);
    return rc;
}

bool app_db_exists(const char *dir)
{
    char *data = xasprintf("%s/data.mdb", dir);
    bool there = access(data, F_OK) == 0;
    free(data);
    return there;
}

const char *app_locked(const struct app *a)
{
    return a->locked_member;
}

/* Another member's keyslot, so that an unknown member costs the same
 * Argon2id run as a wrong passphrase (no hint in how long the answer takes). */
static int other_slot(void *ctx, const char *member, const char *role)
{
    (void)role;
    struct leader_search *l = ctx;
    if (l->n == 0)
        snprintf(l->id, sizeof l->id, "%s", member);
    l->n++;
    return 0;
}

static bool has_keyslot(struct app *a, const char *member, struct leader_search *any)
{
    struct store_txn *t;
    if (store_read_begin(a->store, &t, NULL) != 0)
        return true; /* store_unlock will say what is wrong */
    char *role = NULL;
    bool has = store_keyslot_role(t, member, &role) == 0;
    free(role);
    if (!has)
        store_keyslot_each(t, other_slot, any);
    store_read_end(t);
    return has;
}

int app_unlock(struct app *a, const char *passphrase, struct wt_error *err)
{
    if (!a->locked_member)
        return 0;
    if (!passphrase)
        passphrase = "";
    struct leader_search any = {0};
    int rc;
    if (!has_keyslot(a, a->locked_member, &any)) {
        if (any.n > 0)
            store_passphrase_check(a->store, any.id, passphrase, NULL);
        rc = WT_EPERM;
    } else if ((rc = app_code_refuse(a, a->locked_member, passphrase, err)) == 1) {
        rc = store_unlock(a->store, a->locked_member, passphrase, err);
    }
    if (!rc)
        rc = app_unlocked(a, err);
    if (rc == WT_EPERM)
        /* One sentence for an unknown member, a member without a keyslot and a
         * wrong passphrase: the screen must not tell them apart. */
        return wt_error_reset(err, WT_EPERM, _("%s: de wachtwoordzin klopt niet"), a->dir);
    return rc;
}

/* The beamer's name dictionary is built at open where it is missing (a
 * database from before it): a failure only means that the beamer reads
 * every name, as it did before. */
static void dict_ensure(struct app *a)
{
    struct wt_error ignored = {0};
    policy_dict_ensure(a, &ignored);
}

int app_unlocked(struct app *a, struct wt_error *err)
{
    int rc = load_member(a, a->locked_member, err);
    if (rc)
        return rc;
    free(a->locked_member);
    a->locked_member = NULL;
    dict_ensure(a);
    return 0;
}

static int open_store(const char *dir, bool create, struct store **s, struct wt_error *err)
{
    struct store_opts o = {.create = create};
    const char *t = getenv("WIJKTAFEL_LOCK_TIMEOUT_MS");
    if (t && atoi(t) > 0)
        o.lock_timeout_ms = atoi(t);
    const char *m = getenv("WIJKTAFEL_INITIAL_MAP");
    if (m && atol(m) > 0)
        o.initial_map = (size_t)atol(m);
    return store_open(dir, &o, s, err);
}

int app_open(const struct app_opts *opts, struct app **out, struct wt_error *err)
{
    *out = NULL;
    struct app *a = xcalloc(1, sizeof *a);
    a->dir = xstrdup(opts->dir);
    a->today = app_today();
    a->path = opts->path ? opts->path : "scherm";
    a->readonly = opts->readonly;
    a->beamer = opts->beamer || opts->readonly;
    record_init(&a->member, WT_MEMBERS);
    int rc = open_store(opts->dir, false, &a->store, err);
    if (!rc) {
        struct store_txn *t;
        rc = store_read_begin(a->store, &t, err);
        if (!rc) {
            if (store_meta_get(t, "team", &a->team) != 0)
                a->team = xstrdup("");
            store_read_end(t);
        }
    }
    if (!rc)
        rc = resolve_member(a, opts, err);
    if (rc) {
        app_close(a);
        return rc;
    }
    dict_ensure(a);
    *out = a;
    return 0;
}

void app_close(struct app *a)
{
    if (!a)
        return;
    store_close(a->store);
    app_undo_free(a);
    policy_names_free(a->names);
    record_fini(&a->member);
    free(a->locked_member);
    free(a->team);
    free(a->dir);
    free(a);
}

struct init_ctx {
    const struct wt_record *leader;
    const char *team;
    const char *dir;
    const char *passphrase;
    const char *recovery; /* the recovery code, or NULL */
    unsigned char gen[32], cases[32];
};

static int init_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    struct init_ctx *c = ctx;
    size_t n = 0;
    store_count(t, WT_MEMBERS, &n);
    if (n > 0)
        return wt_error_set(err, WT_EEXIST, _("%s: daar staat al een database met leden"),
                            c->dir);
    if (c->passphrase) {
        store_encrypt_all(t, c->gen, c->cases);
        int rc = store_keyslot_set(t, c->leader->v[MEMBER_ID], "leader", c->passphrase, err);
        if (!rc && c->recovery)
            rc = store_keyslot_set(t, STORE_RECOVERY_SLOT, "leader", c->recovery, err);
        if (rc)
            return rc;
    }
    policy_dict_init(t); /* complete, and empty */
    store_put(t, c->leader);
    if (c->team && *c->team)
        store_meta_put(t, "team", c->team);
    return store_txn_error(t);
}

int app_init(const char *dir, const char *team, const char *leader_id, const char *leader_name,
             struct wt_error *err)
{
    return app_init_encrypted(dir, team, leader_id, leader_name, NULL, err);
}

int app_init_encrypted(const char *dir, const char *team, const char *leader_id,
                       const char *leader_name, const char *passphrase, struct wt_error *err)
{
    return app_init_team(dir, team, leader_id, leader_name, passphrase, NULL, err);
}

int app_init_team(const char *dir, const char *team, const char *leader_id,
                  const char *leader_name, const char *passphrase, char **recovery,
                  struct wt_error *err)
{
    if (recovery)
        *recovery = NULL;
    if (passphrase && strlen(passphrase) < APP_MIN_PASSPHRASE)
        return wt_error_set(err, WT_EINVAL,
                            _("de wachtwoordzin is te kort (minstens %d tekens)"),
                            APP_MIN_PASSPHRASE);
    struct wt_record m;
    record_init(&m, WT_MEMBERS);
    int rc = record_set_checked(&m, MEMBER_ID, leader_id ? leader_id : "leider", err);
    if (!rc)
        rc = record_set_checked(&m, MEMBER_NAME, leader_name && *leader_name ? leader_name
                                                                               : _("Teamleider"),
                                err);
    if (!rc)
        rc = record_set_checked(&m, MEMBER_ROLE, "leader", err);
    if (!rc)
        rc = record_complete(&m, err);
    if (!rc && team && !text_valid_utf8(team, strlen(team)))
        rc = wt_error_set(err, WT_EINVAL, _("--team: geen geldige UTF-8"));
    if (rc) {
        record_fini(&m);
        return rc;
    }
    struct store *s;
    rc = open_store(dir, true, &s, err);
    if (!rc) {
        char *code = passphrase && recovery ? app_code_new(APP_RECOVERY_WORDS) : NULL;
        struct init_ctx c = {&m, team, dir, passphrase, code, {0}, {0}};
        store_random_key(c.gen);
        store_random_key(c.cases);
        rc = store_write(s, init_write, &c, err);
        store_close(s);
        if (!rc && code)
            *recovery = code;
        else if (code) {
            explicit_bzero(code, strlen(code));
            free(code);
        }
    }
    record_fini(&m);
    return rc;
}

int app_get_unlogged(struct app *a, enum wt_kind kind, const char *id, struct wt_record *out)
{
    record_init(out, kind);
    if (a->role == APP_VOLUNTEER && kind == WT_CASES)
        return WT_ENOTFOUND;
    if (a->role == APP_VOLUNTEER && kind == WT_ACTIONS && app_encrypted(a))
        return app_owned_read(a, id, out, NULL, NULL);
    struct store_txn *t;
    int rc = store_read_begin(a->store, &t, NULL);
    if (rc)
        return rc;
    struct policy_read p;
    rc = policy_read_init(&p, a, t);
    struct wt_record r;
    if (!rc)
        rc = store_get(t, kind, id, &r);
    else
        record_init(&r, kind);
    /* What may not be handed out answers as what does not exist. */
    if (rc == 0 && !policy_shape(&p, &r, out))
        rc = WT_ENOTFOUND;
    if (rc == WT_ECORRUPT && kind == WT_CASES && a->role != APP_LEADER)
        rc = WT_ENOTFOUND;
    record_fini(&r);
    policy_read_fini(&p);
    store_read_end(t);
    return rc;
}

int app_get(struct app *a, enum wt_kind kind, const char *id, struct wt_record *out,
            struct wt_error *err)
{
    int rc = app_get_unlogged(a, kind, id, out);
    /* Every view of a case file is logged (NEN 7513). */
    if (rc == 0 && kind == WT_CASES)
        app_log(a, "view", kind, id, NULL);
    if (rc == WT_ENOTFOUND)
        return wt_error_set(err, rc, _("%s %s bestaat niet"), record_kind(kind)->name, id);
    if (rc == WT_ECORRUPT)
        return wt_error_set(err, rc, _("%s %s is beschadigd"), record_kind(kind)->name, id);
    return rc ? wt_error_set(err, rc, _("%s: %s %s kan niet worden gelezen"), a->dir,
                             record_kind(kind)->name, id)
              : 0;
}

struct each_ctx {
    struct policy_read p;
    app_each_fn fn;
    void *ctx;
};

/* The main text of a kind, where a damaged record says so on screen. */
static int main_text_field(enum wt_kind kind)
{
    static const int f[WT_KIND_COUNT] = {MEMBER_NAME, CASE_REQUEST, SIGNAL_TEXT, RESOURCE_NAME,
                                         TALENT_NAME, ACTION_TEXT, PROJECT_NAME, PARTNER_NAME};
    return f[kind];
}

static int each_visible(void *ctx, const struct wt_record *r)
{
    struct each_ctx *c = ctx;
    struct wt_record shown;
    if (!policy_shape(&c->p, r, &shown))
        return 0;
    if (r->damaged) {
        record_set(&shown, main_text_field(r->kind), _("[beschadigd]"));
        if (r->kind == WT_CASES)
            record_set(&shown, CASE_RESIDENT, _("[beschadigd]"));
    }
    int rc = c->fn(c->ctx, &shown);
    record_fini(&shown);
    return rc;
}

int app_each(struct app *a, enum wt_kind kind, app_each_fn fn, void *ctx, struct wt_error *err)
{
    if (a->role == APP_VOLUNTEER && kind == WT_CASES)
        return 0; /* not listed */
    /* A volunteer's key does not open the actions of an encrypted database:
     * the copies sealed to them of the ones they own (owned.c). */
    if (a->role == APP_VOLUNTEER && kind == WT_ACTIONS && app_encrypted(a)) {
        int orc = app_owned_read(a, NULL, NULL, fn, ctx);
        if (orc < 0)
            wt_error_set(err, orc, _("%s: %s kan niet worden gelezen"), a->dir,
                         record_kind(kind)->name);
        return orc;
    }
    struct store_txn *t;
    int rc = store_read_begin(a->store, &t, err);
    if (rc)
        return rc;
    struct each_ctx c = {.fn = fn, .ctx = ctx};
    rc = policy_read_init(&c.p, a, t);
    if (!rc)
        rc = store_each(t, kind, each_visible, &c);
    policy_read_fini(&c.p);
    store_read_end(t);
    if (rc < 0)
        wt_error_set(err, rc, _("%s: %s kan niet worden gelezen"), a->dir, record_kind(kind)->name);
    return rc;
}

uint64_t app_data_seq(struct app *a)
{
    struct store_txn *t;
    if (store_read_begin(a->store, &t, NULL) != 0)
        return 0;
    uint64_t seq = store_seq(t);
    store_read_end(t);
    return seq;
}

struct time_warn {
    app_check_fn report;
    void *ctx;
};

/* Reports a schedule or availability that is not a part of the week: the
 * options engine treats it as unknown, so no driver is ever paired with it. */
static int warn_time(void *ctx, const struct wt_record *r)
{
    struct time_warn *w = ctx;
    int f = r->kind == WT_RESOURCES ? RESOURCE_SCHEDULE : TALENT_AVAILABLE;
    uint32_t slots;
    if (r->damaged || !r->v[f] || weektime_parse(r->v[f], &slots) == 0 || !w->report)
        return 0;
    char *line = xasprintf(_("waarschuwing: %s/%s: %s '%s' is niet te lezen als dagen en "
                             "dagdelen (bijvoorbeeld: di en do middagen); telt als onbekend"),
                           record_kind(r->kind)->name, record_get(r, 0),
                           record_kind(r->kind)->fields[f].name, r->v[f]);
    w->report(w->ctx, line);
    free(line);
    return 0;
}

/* The beamer's name dictionary against the records: the number of problems. */
static size_t dict_check(struct app *a, app_check_fn report, void *ctx)
{
    struct store_txn *t;
    if (store_read_begin(a->store, &t, NULL) != 0)
        return 0;
    size_t n = policy_dict_check(t, report, ctx);
    store_read_end(t);
    return n;
}

int app_check(struct app *a, app_check_fn report, void *ctx, struct wt_error *err)
{
    int rc = store_check(a->store, report, ctx, err);
    if (rc && rc != WT_ECORRUPT)
        return rc;
    /* A restored database: its record of the restore, and the log it put back. */
    size_t restored = dump_restored_check(a, report, ctx);
    if (rc && restored) {
        char *why = xstrdup(err->text);
        wt_error_reset(err, rc, _("%s, en %zu bij het herstel uit een dump"), why, restored);
        free(why);
    }
    size_t names = dict_check(a, report, ctx);
    if (rc)
        return rc;
    if (restored || names)
        return wt_error_set(err, WT_ECORRUPT, _("%s: %zu problemen gevonden"), a->dir,
                            restored + names);
    /* Warnings: the database is sound, but the ranking cannot use these. */
    struct store_txn *t;
    struct wt_error ignored = {0};
    if (store_read_begin(a->store, &t, &ignored) != 0)
        return 0;
    struct time_warn w = {report, ctx};
    store_each(t, WT_RESOURCES, warn_time, &w);
    store_each(t, WT_TALENTS, warn_time, &w);
    store_read_end(t);
    return 0;
}

int app_backup(struct app *a, const char *dest, struct wt_error *err)
{
    int rc = store_backup(a->store, dest, err);
    if (!rc) /* erase and purge name the copies that may still hold a case */
        app_log(a, "backup", APP_NO_KIND, NULL, NULL);
    return rc;
}

static const char *const kind_labels[WT_KIND_COUNT] = {
    N_("leden"), N_("casussen"), N_("signalen"), N_("kaartitems"), N_("talenten"),
    N_("actiepunten"), N_("projecten"), N_("partners")};

int app_summary(struct app *a, struct buf *out, struct wt_error *err)
{
    struct store_txn *t;
    int rc = store_read_begin(a->store, &t, err);
    if (rc)
        return rc;
    buf_printf(out, "%s: %s\n", _("Team"), *a->team ? a->team : "-");
    buf_printf(out, "%s: %s\n", _("Database"), a->dir);
    buf_printf(out, "%s: %s (%s)\n", _("Lid"), record_get(&a->member, MEMBER_NAME),
               app_role_name(a->role));
    for (int k = 0; k < WT_KIND_COUNT; k++) {
        size_t n = 0;
        store_count(t, (enum wt_kind)k, &n);
        buf_printf(out, "  %-12s %zu\n", _(kind_labels[k]), n);
    }
    store_read_end(t);
    return 0;
}

bool app_reading_now(void)
{
    return store_reading_now() > 0;
}
