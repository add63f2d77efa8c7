/* app.h: the use cases shared by the meeting screen and the commands (over store and match, whose
 * headers it never includes: the faces see only app's and core's types). */
#ifndef WIJKTAFEL_APP_H
#define WIJKTAFEL_APP_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "wijktafel/balance.h"
#include "wijktafel/error.h"
#include "wijktafel/measure.h"
#include "wijktafel/record.h"
#include "wijktafel/report.h"
#include "wijktafel/report_network.h"
#include "wijktafel/round.h"
#include "wijktafel/themes.h"
#include "wijktafel/xalloc.h"

enum app_role { APP_LEADER, APP_PROFESSIONAL, APP_VOLUNTEER };

/* An open database with the member who works in it: opaque outside src/app
 * (app_int.h); the faces read it through the accessors below. */
struct app;

/* The member's role. */
enum app_role app_member_role(const struct app *a);
/* The app's today (days since 1970-01-01): app_today() when it was opened. */
int32_t app_day(const struct app *a);
/* The member who works (MEMBER_* columns), their id and their name. */
const struct wt_record *app_member(const struct app *a);
const char *app_member_id(const struct app *a);
const char *app_member_name(const struct app *a);
/* The team name from the database, "" when unset. */
const char *app_team(const struct app *a);
/* The database folder. */
const char *app_dir(const struct app *a);
/* How the member works, for the access log: "scherm" (the default, the
 * screen) or a command's name. path must outlive the app. */
void app_set_path(struct app *a, const char *path);

/* Asks for the passphrase of member (terminal, file, environment); returns a
 * string that stays valid until the next call, or NULL when none can be had. */
typedef const char *(*app_passphrase_fn)(void *ctx, const char *member);

struct app_opts {
    const char *dir;        /* database folder */
    const char *as_member;  /* --as, or NULL for the config file's or the only leader */
    bool readonly;          /* the wall: also beamer mode, for good */
    bool beamer;            /* start in beamer mode (app_set_beamer) */
    app_passphrase_fn passphrase; /* asked only when the database is encrypted */
    void *passphrase_ctx;
    bool defer_unlock; /* encrypted: open locked without asking; the meeting screen asks
                          the passphrase itself and calls app_unlock */
    /* The member's own new passphrase, asked when the passphrase given was a
     * one-time code (FORMATS.md "Team"): NULL when none can be had, "" when
     * the two typed differ. May be NULL. */
    app_passphrase_fn new_passphrase;
    bool recovery; /* the passphrase asked is the recovery code; the member must be a leader */
    const char *path; /* for the access log: the command, or NULL for "scherm" (static) */
};

/* Opens the database in opts->dir and resolves the member. Errors:
 * WT_ENOTFOUND (no database), WT_EPERM (unknown member, or none can be
 * chosen), WT_EIO, WT_EVERSION, WT_EBUSY. */
int app_open(const struct app_opts *opts, struct app **out, struct wt_error *err);
void app_close(struct app *a);

/* The member whose passphrase an app opened with defer_unlock still waits
 * for, or NULL when it is open. While locked, nothing but app_unlock and
 * app_close may be called. */
const char *app_locked(const struct app *a);

/* Unlocks an app opened with defer_unlock and loads its member. 0, also when
 * it was not locked. WT_EPERM ("de wachtwoordzin klopt niet", the same sentence
 * for an unknown member and a wrong passphrase) leaves it locked, to be tried
 * again; other errors as app_open. */
int app_unlock(struct app *a, const char *passphrase, struct wt_error *err);

/* The screen's first open with a one-time code (app_unlock answered
 * WT_EUSAGE for it): opens the locked member's keyslot with code and gives it
 * fresh, the passphrase the member chose twice (NULL when the two differed),
 * in one step; the code then no longer works. WT_EINVAL for a passphrase too
 * short or two that differ (still locked, the code still good), WT_EPERM for
 * a wrong or expired code. */
int app_unlock_with_code(struct app *a, const char *code, const char *fresh,
                         struct wt_error *err);

/* True while this process reads the database file (store_reading_now): a
 * fault then most likely comes from a damaged page. For the commands' fault
 * handler; async-signal-safe. */
bool app_reading_now(void);

/* True when a SIGSEGV or SIGBUS at addr, raised by the instruction at pc
 * (NULL when not known), comes from the database: a read under way
 * (app_reading_now), or store_fault_is_ours. Async-signal-safe. */
bool app_fault_is_ours(const void *addr, const void *pc);

/* True when the database is encrypted (a member switch asks a passphrase). */
bool app_encrypted(const struct app *a);

/* Another member takes over (a shared laptop): checks that member exists
 * and, in an encrypted database, their passphrase, before the current member
 * lets go; then closes *ap and opens the database again as member. On
 * WT_EPERM (unknown member, wrong passphrase) *ap is unchanged; on another
 * error after the close *ap is NULL and the caller must stop. */
int app_switch(struct app **ap, const char *member, const char *passphrase,
               struct wt_error *err);

/* True when dir holds a database file (made by app_init or earlier). */
bool app_db_exists(const char *dir);

/* Creates a database in dir with its first member, a leader. WT_EEXIST when
 * dir already holds a wijktafel database with members; WT_ECREATE when it
 * cannot be made; WT_EINVAL for a bad id or name. */
int app_init(const char *dir, const char *team, const char *leader_id, const char *leader_name,
             struct wt_error *err);

/* Like app_init; with a passphrase (not NULL) the database is encrypted from
 * the start and the leader's passphrase protects it. */
int app_init_encrypted(const char *dir, const char *team, const char *leader_id,
                       const char *leader_name, const char *passphrase, struct wt_error *err);

/* The fixed passphrase of the demo database (it is fictional data). */
#define APP_DEMO_PASSPHRASE "demo-veenwaard"

/* Shortest passphrase accepted. */
#define APP_MIN_PASSPHRASE 8

/* Sets or changes a member's passphrase (FORMATS.md `passphrase`): for
 * oneself, or by a leader for another member. On a plain database a leader's
 * own passphrase encrypts it. WT_EPERM when not allowed, WT_EINVAL for a
 * passphrase that is too short. */
int app_set_passphrase(struct app *a, const char *member, const char *passphrase,
                       struct wt_error *err);

/* --- The team (FORMATS.md "Team"; team.c, codes.c) --- */

#define APP_CODE_WORDS 6      /* words of a one-time code */
#define APP_RECOVERY_WORDS 12 /* words of the recovery code */
#define APP_CODE_DAYS 14      /* an unused one-time code expires after this many days */

/* A new member's columns as given (raw: checked like an import's). */
struct app_member_fields {
    const char *id, *name, *role, *discipline, *area, *hours;
};

/* A leader adds a member. In an encrypted database *code receives a new
 * one-time code (APP_CODE_WORDS words; caller frees) that opens the member's
 * new keyslot once, until APP_CODE_DAYS days from today; in a plain one
 * *code is NULL. The access log records that a code was made, never the
 * code. WT_EPERM for a non-leader, WT_EINVAL for a bad column, an id that
 * exists or a member who left; nothing is stored then. */
int app_member_add(struct app *a, const struct app_member_fields *f, char **code,
                   struct wt_error *err);

/* A leader gives a member who forgot their passphrase a new keyslot opened by
 * a new one-time code (*code, caller frees); their old passphrase stops
 * working. WT_ENOTFOUND, WT_EPERM, WT_EINVAL (plain database, oneself, left). */
int app_member_reset(struct app *a, const char *member, char **code, struct wt_error *err);

/* A leader marks a member as left, in one transaction: the day in meta
 * (`left/ID`), their keyslot removed, every data key their role could open
 * rotated (per-case keys re-wrapped), the file compacted; their record and
 * their name on what they did stay. WT_EPERM for the last leader or oneself,
 * WT_ENOTFOUND, WT_EINVAL when they left already. */
int app_member_leave(struct app *a, const char *member, struct wt_error *err);

/* 0 with *day (may be NULL) the day member left; WT_ENOTFOUND when they did not. */
int app_member_left(struct app *a, const char *member, int32_t *day);

/* Whether a member can open the database, as the Team view shows it. */
enum app_pass {
    APP_PASS_SET,     /* a passphrase of their own */
    APP_PASS_CODE,    /* a one-time code, not used yet */
    APP_PASS_EXPIRED, /* a one-time code that expired */
    APP_PASS_NONE,    /* no keyslot (left, or never given one) */
    APP_PASS_PLAIN,   /* the database is not encrypted */
    APP_PASS_HIDDEN,  /* not for this member to know (only leaders see it) */
};

struct app_team_member {
    struct wt_record m; /* the member record (MEMBER_*) */
    int32_t left;       /* the day they left, 0 while in the team */
    enum app_pass pass;
};

/* The team, by name (those who left last). may_manage: the member may change it here (a
 * leader, not on the wall and not in beamer mode, where a one-time code
 * would be projected). */
struct app_team {
    struct app_team_member *m;
    size_t n;
    bool may_manage;
    const char *why_not; /* when !may_manage: why, in the interface's language */
};

/* Fills team (app_team_fini frees it); WT_EIO when the members cannot be read. */
int app_team_get(struct app *a, struct app_team *team, struct wt_error *err);
void app_team_fini(struct app_team *team);

/* A leader changes a member's role, area or hours (NULL: unchanged), checked
 * as an import checks them. In an encrypted database a new role changes the
 * keyslot: the case key sealed to them, or, for one who becomes a volunteer,
 * taken away and rotated. WT_EPERM for a non-leader or for the last leader's
 * role, WT_EINVAL for a bad value or a member who left. */
int app_member_change(struct app *a, const char *member, const char *role, const char *area,
                      const char *hours, struct wt_error *err);

/* True when a was opened with a one-time code: its member has just chosen
 * their passphrase (passphrase need not ask again). */
bool app_opened_by_code(const struct app *a);

/* With an app opened with app_opts.recovery: sets the leader's new
 * passphrase and replaces the recovery code by a new one (*code, caller
 * frees), in one transaction. WT_EPERM when not opened so, WT_EINVAL for a
 * passphrase that is too short. */
int app_recovery_reset(struct app *a, const char *passphrase, char **code, struct wt_error *err);

/* A new code of nwords words from the list (codewords.h); caller frees. */
char *app_code_new(unsigned nwords);

/* Like app_init_encrypted; with a passphrase, *recovery (when not NULL)
 * receives the recovery code (APP_RECOVERY_WORDS words, caller frees) that
 * opens a keyslot of its own with a leader's keys; NULL without one. */
int app_init_team(const char *dir, const char *team, const char *leader_id,
                  const char *leader_name, const char *passphrase, char **recovery,
                  struct wt_error *err);

/* Removes a member (leader only): their record, their keyslot, and rotates
 * the data keys they had. WT_EINVAL while records still point at them. */
int app_member_remove(struct app *a, const char *member, struct wt_error *err);

/* Removes a resident's case and everything about it (signals and actions
 * linked to it, mentions in other cases' chosen options) beyond recovery:
 * its key is destroyed and the database compacted. Leader only. */
int app_erase_case(struct app *a, const char *case_id, struct wt_error *err);

/* The copies made before that may still hold the case (case_id), or any
 * case (NULL, for purge): the backups and the bundles with cases that the
 * access log names since the case came in, with their dates. Appends one
 * line for people to out, or nothing when the log names none. */
void app_copies_note(struct app *a, const char *case_id, struct buf *out);

/* Removes closed cases closed (cases.closed) before the date (days) and all
 * that points at them, as app_erase_case. A closed case without a closing
 * day makes it remove nothing and return WT_EINVAL naming it, unless
 * use_opened lets its opening day stand in. *count receives the number of
 * cases removed. Leader only (WT_EPERM). */
int app_purge(struct app *a, int32_t closed_before, bool use_opened, size_t *count,
              struct wt_error *err);

/* Today (days since 1970-01-01), local time; WIJKTAFEL_TODAY=YYYY-MM-DD
 * overrides it (tests, demonstrations). */
int32_t app_today(void);

/* Default database folder: $WIJKTAFEL_DB, else $XDG_DATA_HOME/wijktafel,
 * else ~/.local/share/wijktafel. Caller frees. */
char *app_default_dir(void);

/* The demo database folder: $XDG_CACHE_HOME/wijktafel/demo, else
 * ~/.cache/wijktafel/demo. Caller frees. */
char *app_demo_dir(void);

/* Creates the demo database in dir when it is missing (dates shifted so that
 * the demo's reference day is today). */
int app_demo_ensure(const char *dir, struct wt_error *err);

/* Reads CSV records of kind from buf (fname names it in messages) and
 * inserts or replaces them by id in one transaction: all or nothing.
 * Bad input: WT_EINVAL, err "FILE:LINE: COLUMN: what is wrong".
 * *count (when not NULL) receives the number of records stored. */
int app_import(struct app *a, enum wt_kind kind, const char *fname, const char *buf, size_t len,
               size_t *count, struct wt_error *err);

/* Like app_import, reading CSV from in as it comes (a file, a pipe) in
 * pieces of 64 KiB: bad input (app_import's, or past csv.h's limits) is
 * refused at the first bad piece, without reading the rest. */
int app_import_stream(struct app *a, enum wt_kind kind, const char *fname, FILE *in,
                      size_t *count, struct wt_error *err);

/* Like app_import, from JSON as app_export(APP_JSON) writes it: one array of
 * objects keyed by column names, list values as arrays (or ';'-strings),
 * null or a missing key for an empty column. Read one element at a time and
 * stored a chunk at a time in one write, as CSV: all or nothing. Bad input:
 * WT_EINVAL, err "FILE: record N: COLUMN: what is wrong" (N from 1), or
 * "FILE: record N: what" for an element that is no valid JSON, is over 1 MiB
 * or holds a string over 4000 bytes (escaped) or a NUL byte; "FILE: what"
 * for input that is no JSON array. */
int app_import_json(struct app *a, enum wt_kind kind, const char *fname, const char *buf,
                    size_t len, size_t *count, struct wt_error *err);

/* Like app_import_json, reading from in as it comes (a file, a pipe) in
 * pieces of 64 KiB: refused at the first bad element, without reading the
 * rest. */
int app_import_json_stream(struct app *a, enum wt_kind kind, const char *fname, FILE *in,
                           size_t *count, struct wt_error *err);

/* Like app_import, shifting every date by shift days (the demo data). */
int app_import_shifted(struct app *a, enum wt_kind kind, const char *fname, const char *buf,
                       size_t len, int32_t shift, size_t *count, struct wt_error *err);

enum app_format { APP_CSV, APP_JSON };

/* Writes everything a leader may see into the folder dir (made 0700 when
 * missing; files already there are never overwritten): a CSV per record kind
 * as app_export writes it, measures.csv, rounds.csv, hours.csv and
 * meetings.csv (key,value: the stored meta values under measure/, round/,
 * balance/ and meeting/, key without that prefix), review.csv (the review
 * queue, the record as a JSON object), and manifest.json (format, version,
 * schema, team, date, and per file its name, count and SHA-256).
 * Leader only (WT_EPERM); the access log records it. The caller asks before
 * dumping an encrypted database in plain text. */
int app_dump(struct app *a, const char *dir, struct wt_error *err);

/* Creates a database in dbdir (as app_init: WT_ECREATE when one is there,
 * unencrypted) from the dump folder dumpdir, after checking every file
 * against its manifest (WT_EINVAL naming the file). The first leader of
 * members.csv becomes the database's leader. The access log is put back
 * exactly and nothing is added to it; the restore's own record is kept
 * beside it (app_log_read's entry 0, verified by app_check). Records go in
 * kind by kind, the other kinds in one last write; on a failure after the
 * creation the message says that the new database is incomplete. */
int app_restore(const char *dbdir, const char *dumpdir, struct wt_error *err);

/* What an HSDS import found: entries in the package, and those that differ
 * from the database (the only ones written; 0 for the same package again). */
struct app_hsds_counts {
    size_t entries, changed;
};

/* Reads the social map from path, an Open Referral HSDS 3.0 tabular data
 * package folder or an HSDS JSON file (one service, a list, or a page with
 * "contents"), mapped to resources through the database folder's hsds.ini
 * (docs/data.md), and stores in one write the entries that differ: all or
 * nothing. Bad input: WT_EINVAL, err "FILE:ROW: COLUMN: what" (JSON: "FILE:
 * record N: ..."); a missing folder or services.csv: WT_ENOTFOUND. Lines
 * about what was skipped (dangling optional links, defunct services,
 * unmapped taxonomy terms) are appended to warnings (may be NULL). */
int app_import_hsds(struct app *a, const char *path, struct app_hsds_counts *counts,
                    struct buf *warnings, struct wt_error *err);

/* Writes every resource as an HSDS 3.0 tabular data package into the folder
 * dir (made 0700; files already there are never overwritten): the eight
 * tables of hsds_int.h and datapackage.json. *count gets the entries. */
int app_export_hsds(struct app *a, const char *dir, size_t *count, struct wt_error *err);

/* Appends every record of kind, in id order, to out as CSV (header row
 * first) or as a JSON array of objects (list values as arrays). */
int app_export(struct app *a, enum wt_kind kind, enum app_format fmt, struct buf *out,
               struct wt_error *err);

/* The database's change sequence: it grows with every record written, by
 * any program (one read transaction and one small read: cheap enough for
 * the wall to ask ten times a second). 0 when it cannot be read. */
uint64_t app_data_seq(struct app *a);

/* Receives one line of check's findings. */
typedef void (*app_check_fn)(void *ctx, const char *line);

/* Verifies the whole database (the store's check, and in a restored database
 * that the log's first entries are still the dump's): each problem is handed
 * to report (may be NULL) as one line, then warnings about what is sound but
 * cannot be used (a schedule that is no part of the week). */
int app_check(struct app *a, app_check_fn report, void *ctx, struct wt_error *err);

/* A consistent, compacted copy into the folder dest. */
int app_backup(struct app *a, const char *dest, struct wt_error *err);

/* A short summary of the database (team, counts per kind) for people. */
int app_summary(struct app *a, struct buf *out, struct wt_error *err);

/* What a wellbeing option is: a social-map entry, a talent, or a similar case. */
enum app_option_type { APP_OPTION_RESOURCE, APP_OPTION_TALENT, APP_OPTION_CASE };

/* One ranked option, as this app may hand it out (names as initials in
 * beamer mode). Strings belong to the list. */
struct app_option {
    enum app_option_type type;
    char id[WT_MAX_ID + 1];
    char *name;       /* resource or talent name; for a case "casus ID (area)", never a resident's name */
    double score;     /* higher is better */
    char *reasons;    /* short Dutch reasons separated by ';' */
    char via[WT_MAX_ID + 1]; /* a talent that completes the option (transport), or "" */
};

/* Ranked options, best first. Free with app_options_fini. */
struct app_options {
    struct app_option *opts;
    size_t n;
};
void app_options_fini(struct app_options *o);

/* "resource", "talent" or "case" (a static string). */
const char *app_option_type_name(enum app_option_type t);

/* Prepared options engine over the current database (one snapshot). */
struct app_suggester;
int app_suggester_new(struct app *a, struct app_suggester **out, struct wt_error *err);
void app_suggester_free(struct app_suggester *s);
/* Ranked options for case_id (WT_ENOTFOUND for an unknown case). */
int app_suggest(struct app_suggester *s, const char *case_id, size_t limit,
                struct app_options *out, struct wt_error *err);

/* A new care request for this member to fill in (caller record_fini):
 * opened today, status new, the member's area, not shielded, owned by the member (a
 * volunteer's: no owner, channel "vrijwilliger"). Store it with meeting_add
 * (a volunteer's goes to review). */
void app_case_draft(const struct app *a, struct wt_record *out);

/* Loads one record the member may see; WT_ENOTFOUND otherwise. */
int app_get(struct app *a, enum wt_kind kind, const char *id, struct wt_record *out,
            struct wt_error *err);

/* How a message on the screen names the record kind/id, never by its id, as
 * this app may hand it out (not logged as a view): a case "casus van
 * <resident>" (initials on the beamer), a member their name, a project,
 * partner, map item or talent "<kind> '<name>'", a signal or action
 * "<kind> '<its first 40 characters>'". One the member may not see, or
 * without a name: "een casus", "een project", ... Caller frees. label.c. */
char *app_record_name(struct app *a, enum wt_kind kind, const char *id);
/* app_record_name for a record in hand (one typed, not stored, or a
 * submission's), its name shaped as the screen may show it. Caller frees. */
char *app_record_label(struct app *a, const struct wt_record *r);
/* The same for a chosen option's key ("ID", or "ID+TALENT" for one with a
 * talent who takes the resident there): the name of the map item or talent,
 * or "casus van ..." for a similar case, with ", met vervoer door <talent>";
 * "een optie" when none the member may see. Caller frees. */
char *app_option_label(struct app *a, const char *key);

/* Validates r (columns, references) and stores it (insert or replace). */
int app_put(struct app *a, struct wt_record *r, struct wt_error *err);

/* Receives one record (valid only during the call); a non-zero return
 * stops the walk and is returned. */
typedef int (*app_each_fn)(void *ctx, const struct wt_record *r);

/* --- Undo (z on the screen): the member's last change in this app session --- */

/* What app_undo did. */
struct app_undone {
    enum wt_kind kind;
    char id[WT_MAX_ID + 1];
    bool removed; /* a record this session made was removed; else its previous version is back */
    char *label;  /* what the record says (its text or name), as this app may show it */
};

/* True when this session changed a record that app_undo can restore. */
bool app_can_undo(const struct app *a);
/* Undoes the member's last change of a record in this session (app_put,
 * meeting_add, the meeting's one-column changes): the previous version goes
 * back through app_put (validated, logged "change" and "undo"), or a record
 * the session made is deleted (a tombstone; logged "undo"). One level: after
 * it there is nothing to undo. WT_ENOTFOUND when there is nothing; other
 * errors as app_put. Free out with app_undone_fini. */
int app_undo(struct app *a, struct app_undone *out, struct wt_error *err);
void app_undone_fini(struct app_undone *d);

/* Calls fn for every record of kind the member may see, in id order. */
int app_each(struct app *a, enum wt_kind kind, app_each_fn fn, void *ctx,
             struct wt_error *err);

const char *app_role_name(enum app_role r);

/* Recurring needs and signal themes per area between since and until
 * (days), a tag being recurring from min_count; over what the member may see. */
int app_themes(struct app *a, int32_t since, int32_t until, size_t min_count,
               struct themes *out, struct wt_error *err);

/* The recurring themes (from 2) of the 8 weeks up to until (days, included)
 * and, per theme, its count in the 8 weeks before: (*before)[i] belongs to
 * now->items[i] (0 when it did not occur). Free now with themes_fini and
 * *before with free. Over what the member may see, as app_themes. */
int app_themes_trend(struct app *a, int32_t until, struct themes *now, size_t **before,
                     struct wt_error *err);



/* --- Time balance: hours on casework and community building per week --- */

/* One member's weeks in a window. */
struct app_balance_member {
    char id[WT_MAX_ID + 1];
    char *name;
    int target;                 /* community share to reach, percent; 0: none */
    struct balance_week *weeks; /* the weeks with hours, by week */
    size_t n;
    uint32_t casework, community; /* totals over the window, hundredths */
    bool warn; /* under target BALANCE_WARN_WEEKS weeks running up to the last week */
    /* Filled by app_balance_caseload when app_balance.caseload: per week from
     * `from` to `to`, the member's open and new cases; else NULL. */
    struct balance_load *load;
    bool squeeze; /* caseload rose BALANCE_SQUEEZE_WEEKS weeks while community hours fell */
};

struct app_balance {
    int32_t from, to; /* Mondays (days) */
    struct app_balance_member *m; /* members in id order */
    size_t n;
    bool caseload; /* the members' load and squeeze are filled (app_balance_caseload) */
};

/* The weeks from the week of from to the week of to (days), for every member
 * who is not a volunteer (a volunteer sees only their own). The target is the
 * member's own, else balance_default_target of their discipline. Free with
 * app_balance_fini. */
int app_balance_get(struct app *a, int32_t from, int32_t to, struct app_balance *out,
                    struct wt_error *err);
void app_balance_fini(struct app_balance *b);
/* Adds to b (from app_balance_get) each member's caseload per week: the
 * cases they own, of those the member may see, open at the end of the week
 * (a closed case counts until the week of cases.closed; one closed without
 * that date never counts as open) and opened in it; and the squeeze warning
 * (balance_squeezed over the BALANCE_SQUEEZE_WEEKS + 1 weeks up to b->to,
 * or up to the week before when b->to has no hours yet, reading the hours of
 * weeks before b->from too). The app decides whether
 * the member receives it: not in beamer mode or on the wall, not a
 * volunteer; then b->caseload stays false and nothing is filled (0). */
int app_balance_caseload(struct app *a, struct app_balance *b, struct wt_error *err);
/* Whether app_balance_caseload fills the caseload for this member here (the
 * same rule), without reading a case: a screen can keep the caseload's room
 * and fill it later, while the keyboard rests. */
bool app_balance_caseload_shown(const struct app *a);
/* The week (a Monday) of m, or NULL when no hours were recorded. */
const struct balance_week *app_balance_week(const struct app_balance_member *m, int32_t week);

/* Records member's hours (hundredths) for the week that holds day; both 0
 * clears it. Oneself, or a leader for anyone; WT_EPERM otherwise,
 * WT_ENOTFOUND for an unknown member. Logged. */
int app_balance_record(struct app *a, const char *member, int32_t day, uint32_t casework,
                       uint32_t community, struct wt_error *err);
/* Sets member's target share in percent (negative: back to the default).
 * Leader only. */
int app_balance_set_target(struct app *a, const char *member, int percent, struct wt_error *err);

/* --- Door-to-door rounds (wijkscan, Bakkie in de Wijk) --- */

/* A round as read, with its doors by number and its figures. */
struct app_round {
    struct round r;
    struct round_door *doors;
    size_t ndoors;
    struct round_tally tally;
};

/* Every round, newest first (ties: id), with doors and figures; rounds
 * whose date lies outside [from, to] (days; INT32_MIN/INT32_MAX for all)
 * are left out. Every member may read rounds (volunteers go on them); not
 * logged per record: rounds hold no case data. Free with app_rounds_free. */
int app_rounds_list(struct app *a, int32_t from, int32_t to, struct app_round **out, size_t *n,
                    struct wt_error *err);
void app_rounds_free(struct app_round *rs, size_t n);

/* Creates a round (r->id empty: "ronde-DATE", with "-2", "-3" when taken;
 * r->by: this member) or replaces one with the same id. Checks the pairs
 * name members. Every member may; not on the wall. */
int app_round_save(struct app *a, struct round *r, struct wt_error *err);

/* Deletes a round and its doors (a leader, or the member who made it). */
int app_round_delete(struct app *a, const char *id, struct wt_error *err);

/* Records a door of round_id: d->no 0 takes the next number (set in d).
 * d->by is this member for a new door. */
int app_door_save(struct app *a, const char *round_id, struct round_door *d,
                  struct wt_error *err);

/* A new record made from a door's finding, for the user to complete: a
 * signal (source wijkscan or bakkie, the round's date and area, the ideas
 * or note as text, eenzaamheid when lonely), a case (the care question as
 * request) or a talent (what was met as offers). Caller record_fini. */
void app_door_draft(const struct app *a, const struct round *r, const struct round_door *d,
                    enum round_finding what, struct wt_record *out);

/* Stores rec (made from the door's finding) as meeting_add would, and marks
 * the door with the new id (or the submission's id when it waits for
 * review), in one transaction. */
int app_door_make(struct app *a, const char *round_id, int door_no, enum round_finding what,
                  struct wt_record *rec, struct wt_error *err);

/* The figures of `wijktafel report` for [from, to] (days) over what the
 * member may see, the recurring themes (from 2) of that window, the time
 * balance of the weeks that overlap it, the rounds of the period, and the
 * projects and partners (network: the projects started, handed over and
 * stopped in it, and per partner the period's signals naming it). */
struct app_report {
    struct report r;
    struct themes themes;
    struct report_network network;
    struct app_balance balance;
    struct app_round *rounds; /* newest first */
    size_t nrounds;
};

/* Fills out (initialised here; free with app_report_fini). WT_EPERM for a
 * volunteer: the report is about cases. Logged as "report". */
int app_report(struct app *a, int32_t from, int32_t to, struct app_report *out,
               struct wt_error *err);
void app_report_fini(struct app_report *rep);

/* --- Wellbeing measures (Positieve Gezondheid) of a case --- */

/* Stores case_id's measure at its start or at closing (an empty measure
 * removes it): a member who may see and change the case. WT_ENOTFOUND for a
 * case one may not see, WT_EPERM, WT_EINVAL for a score outside 0..5. */
int app_measure_set(struct app *a, const char *case_id, enum measure_phase phase,
                    const struct measure *m, struct wt_error *err);
/* Reads it (empty when none was taken); the same visibility. */
int app_measure_get(struct app *a, const char *case_id, enum measure_phase phase,
                    struct measure *out, struct wt_error *err);
/* As app_measure_get without an access-log entry: for the case detail on the
 * screen, which logs the view of the case once itself. */
int app_measure_peek(struct app *a, const char *case_id, enum measure_phase phase,
                     struct measure *out, struct wt_error *err);

/* --- What the beamer and the wall may show (policy.c). With beamer mode on,
 * every record, list, search, theme, option, round and minutes the app hands
 * out is already redacted: residents and talents as initials (also every
 * part of their names inside free text), no private lines, ages as bands, no
 * shielded case nor any id of one. Stored text never changes. --- */

/* Beamer mode on or off (an app opened readonly, the wall, stays on). */
void app_set_beamer(struct app *a, bool on);

/* True in beamer mode: for the screen's colours and status line only. */
bool app_beamer(const struct app *a);
/* 0 when a stored record may be opened in a form here; WT_EPERM with the
 * sentence for the screen in beamer mode (the form shows the stored text). */
int app_may_edit_shown(const struct app *a, struct wt_error *err);
/* Text that is no record's (an option's name or reasons, a round's notes)
 * as this app may hand it out. Caller frees. */
char *app_shown_text(struct app *a, const char *text);
/* A person's name (resident, talent) as this app may hand it out: initials
 * in beamer mode. Caller frees. */
char *app_shown_person(const struct app *a, const char *name);

/* --- Who may do what (roles). Every path asks these, so the screen, search,
 * export, suggest, minutes and reports pass the same check. --- */
enum app_op {
    APP_OP_READ,
    APP_OP_WRITE,
    APP_OP_EXPORT,
    APP_OP_IMPORT,
    APP_OP_CREATE, /* a new record (a volunteer's new care request goes to review) */
};

/* 0 when the member's role may do op on kind; otherwise WT_EPERM with a line
 * that says which role may. Volunteers' writes of signals, social map and
 * talents are allowed, and their new care requests (APP_OP_CREATE on cases,
 * never a change of a case): they go to the review queue
 * (app_goes_to_review). */
int app_allowed(const struct app *a, enum wt_kind kind, enum app_op op, struct wt_error *err);

/* app_allowed without a message: for the screen's choices (what to offer). */
bool app_may(const struct app *a, enum wt_kind kind, enum app_op op);

/* True when this member decides for the team: reviews submissions, enters
 * others' hours, manages members (a leader). */
bool app_decides(const struct app *a);

/* True when this member has the screen's item 6: a leader (the review queue)
 * or a volunteer (their own submissions). */
bool app_has_review_item(const struct app *a);

/* True when what this member writes of kind waits for a leader's review (a
 * volunteer's signals, social map, talents and new care requests). */
bool app_goes_to_review(const struct app *a, enum wt_kind kind);

/* 0 for a leader; WT_EPERM ("alleen een leider mag WHAT") otherwise. */
int app_leader_only(const struct app *a, const char *what, struct wt_error *err);

/* --- Access log (NEN 7513). Entries hold ids, never names or text. --- */

/* The kind for log entries about no record (a search, reading the log). */
#define APP_NO_KIND ((enum wt_kind)-1)

/* Appends one entry (its own transaction); errors are not fatal for reads,
 * so they are returned but callers may ignore them. */
int app_log(struct app *a, const char *action, enum wt_kind kind, const char *id,
            const char *detail);

/* One entry per id, in one transaction (an export of cases: one per case). */
int app_log_ids(struct app *a, const char *action, enum wt_kind kind, const char *const *ids,
                size_t n, const char *detail);

/* One entry of the access log as app_log_read hands it out. */
struct app_log_entry {
    uint64_t seq;     /* 1, 2, ...; 0: how a restored database was made (kept beside the
                         chain: the dump's log goes on from 1 unchanged) */
    char time[20];    /* YYYY-MM-DDTHH:MM:SS, local time */
    char member[WT_MAX_ID + 1];
    char behalf[64];  /* on whose behalf: the team */
    char path[24];    /* "scherm", or the command: "export", "suggest", ... */
    char action[16];  /* view, create, change, delete, export, search, suggest, ... */
    char kind[12];    /* record kind, or "" */
    char id[WT_MAX_ID + 1]; /* record id, or "" */
    char detail[128]; /* short extra: a count, a search's length; never personal data */
};
/* Receives one entry (valid only during the call); non-zero stops the walk. */
typedef int (*app_log_fn)(void *ctx, const struct app_log_entry *e);

/* Calls fn for the log entries matching case_id / member (NULL: any), leader
 * only; reading the log is itself logged. A restored database's record of its
 * restore comes first, as entry 0 (path and action "restore"; not for a case). */
int app_log_read(struct app *a, const char *case_id, const char *member, app_log_fn fn,
                 void *ctx, struct wt_error *err);

/* --- Review of volunteers' submissions --- */

/* A volunteer's record waiting for a leader (or decided). */
struct app_submission {
    char id[WT_MAX_ID + 1];        /* "v-000001" */
    char status[12];               /* pending, accepted, rejected */
    char submitter[WT_MAX_ID + 1];
    char date[11];
    char reason[400];              /* why it was rejected, or what it was merged into */
    char decider[WT_MAX_ID + 1];   /* the leader who decided, "" while pending (or unknown) */
    char decided[11];              /* the day of the decision, "" while pending */
    struct wt_record rec;          /* the record as submitted (kind in rec.kind), shaped as
                                      this app hands out records */
};
/* Receives one submission (valid only during the call; copy rec with
 * record_copy to keep it); non-zero stops the walk. */
typedef int (*app_review_fn)(void *ctx, const struct app_submission *s);

/* Every submission (leader), or the member's own (others), in id order. */
int app_review_each(struct app *a, app_review_fn fn, void *ctx, struct wt_error *err);

/* Accepts a pending submission (leader): stores its record, or `edited`
 * instead when not NULL (a care request without owner: the leader owns it).
 * The submission records who decided and when, and today's minutes note the
 * decision; of an accepted care request the queue keeps only its request,
 * area, opening day and channel (the resident as "-", so that it stays a
 * valid case). */
int app_review_accept(struct app *a, const char *sub_id, struct wt_record *edited,
                      struct wt_error *err);

/* Rejects a pending submission with a reason the volunteer will see. */
int app_review_reject(struct app *a, const char *sub_id, const char *reason,
                      struct wt_error *err);

/* Merges a pending submission into the existing record target_id: columns the
 * target leaves empty are filled from the submission; then it is accepted. */
int app_review_merge(struct app *a, const char *sub_id, const char *target_id,
                     struct wt_error *err);

/* Sends one's own rejected submission again with rec (of its kind) as its
 * record: pending again, with today's date, the reason and decision cleared.
 * WT_ENOTFOUND for a submission that is not the member's, WT_EINVAL for one
 * that is not rejected or a record that does not validate. Logged. */
int app_review_resubmit(struct app *a, const char *sub_id, struct wt_record *rec,
                        struct wt_error *err);

/* Likely duplicates of a submission among the records of its kind: same or
 * nested area and a similar name (or text: for a care request the
 * resident's name), open cases only; for a care request then the open cases
 * the match layer finds most like it; ids best first, at most max.
 * Returns how many were written into ids; 0 with err set when the records
 * could not be read (err->code stays 0 otherwise). */
size_t app_review_duplicates(struct app *a, const struct app_submission *sub,
                             char ids[][WT_MAX_ID + 1], size_t max, struct wt_error *err);

/* --- Bundles (docs/sync.md): offline exchange between databases of one team. --- */
struct app_bundle_stats {
    size_t records, tombs, submissions, conflicts; /* what an import changed */
    size_t rounds; /* rounds and doors added, changed or deleted */
};

/* Writes into out a bundle for `target` (a role name or a member id): what
 * that role or member may see (never case or action data for a volunteer),
 * changed since the last bundle for that target (all when `all`), the
 * tombstones, and the pending submissions when written from a volunteer's
 * database. Remembers what was sent for the target (in meta); *n receives
 * the number of items. WT_ENOTFOUND for an unknown target, WT_EPERM on a
 * database that is not encrypted. */
int app_bundle_export(struct app *a, const char *target, bool all, struct buf *out, size_t *n,
                      struct wt_error *err);

/* Reads a bundle file from in (a file or a pipe) as it comes, refusing a bad
 * or endless one at its first bad piece (store_bundle_read): with a (an open
 * database) every chunk is authenticated on the way; with NULL (init --from)
 * only the form. file receives the bytes for app_bundle_import/_init. */
int app_bundle_read(struct app *a, FILE *in, struct buf *file, struct wt_error *err);
/* Only the header, before the database is opened: what is no bundle at all
 * is refused before a passphrase is asked. app_bundle_read goes on from it. */
int app_bundle_read_header(FILE *in, struct buf *file, struct wt_error *err);

/* Merges a bundle in one write transaction (per field the later clock wins,
 * the losing value of a field changed on both sides goes to the review queue;
 * from a volunteer's database everything arrives as pending submissions;
 * tombstones delete). Importing a bundle again changes nothing. WT_EINVAL
 * (nothing stored) for a damaged, foreign-team or newer bundle. */
int app_bundle_import(struct app *a, const unsigned char *file, size_t len,
                      struct app_bundle_stats *st, struct wt_error *err);

/* Creates a database in dir from a bundle with a member's keyslot: the
 * passphrase (asked through pass) opens it, the bundle's records fill it.
 * WT_EEXIST when dir holds a database; WT_EINVAL for a bundle without keyslot. */
int app_bundle_init(const char *dir, const unsigned char *file, size_t len,
                    app_passphrase_fn pass, void *ctx, char **member, struct wt_error *err);

#endif
