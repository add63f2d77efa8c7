/* app_int.h: what the app layer's own files share. */
#ifndef WIJKTAFEL_APP_INT_H
#define WIJKTAFEL_APP_INT_H

#include <stddef.h>

#include "wijktafel/app.h"
#include "wijktafel/match.h"
#include "wijktafel/store.h"

/* An open database with the member who works in it. */
struct app_undo;

struct app {
    struct store *store;
    char *dir;
    char *team;             /* team name from the database, "" when unset */
    struct wt_record member; /* the member who works (MEMBER_* columns) */
    enum app_role role;
    int32_t today;          /* days since 1970-01-01 */
    const char *path;       /* how the member works, for the access log: "scherm" or a command */
    bool readonly;          /* the wall: shows, never writes (nor logs) */
    bool restoring;         /* restore: the dump's log is put back as it was, and nothing
                               is added to it (restored.c keeps the restore's record) */
    bool beamer;            /* beamer mode (always on the wall): everything the app hands
                               out is redacted for the room (policy.c) */
    struct policy_names *names; /* the beamer's names to hide, read when first needed
                                   (the stored dictionary, policy_dict.c) */
    struct policy_dict_delta *names_pending; /* an import's changes to it, applied at the
                                                end of its write (import.c) */
    char *locked_member;    /* opened with defer_unlock and not yet unlocked: the member whose
                               passphrase app_unlock needs; NULL when open */
    struct app_undo *undo;  /* the member's last change in this session (undo.c), or NULL */
    bool opened_by_code;     /* opened with a one-time code (the member then chose a passphrase) */
    bool opened_by_recovery; /* opened with the recovery code (app_recovery_reset follows) */
};

/* In app_open: when member's keyslot is opened by a one-time code, checks
 * given against it (and its expiry), has the member choose a passphrase
 * (o->new_passphrase) and wraps the keyslot with it. 1 when the keyslot is
 * not a code's (unlock as usual), 0 when unlocked, or an error. */
int app_code_unlock(struct app *a, const struct app_opts *o, const char *member,
                    const char *given, struct wt_error *err);

/* app_member_left inside a transaction. */
int app_left_in(struct store_txn *t, const char *member, int32_t *day);

/* The leaders who have not left, but (an id), inside t. */
size_t app_other_leaders(struct store_txn *t, const char *but);

/* In app_unlock (the screen's box): when member's keyslot is a one-time
 * code's, nothing is unlocked: WT_EUSAGE naming the command when given is the
 * code, WT_EPERM otherwise (also when it expired); 1 when it is no code's. */
int app_code_refuse(struct app *a, const char *member, const char *given, struct wt_error *err);
/* The store of a locked app is open now: loads the locked member, who then
 * works (app_unlock and app_unlock_with_code end here). */
int app_unlocked(struct app *a, struct wt_error *err);

/* In app_open with opts.recovery: unlocks with the recovery code given. */
int app_recovery_unlock(struct app *a, const char *given, struct wt_error *err);

/* A set of ids (open addressing, idset.c); ids are copied into one buffer. */
struct idset {
    uint32_t *slots; /* per slot: 1 + where its id starts in text; 0 when empty */
    uint32_t *lines; /* per slot: the line where the id was seen */
    struct buf text; /* the ids, each ending in its NUL */
    size_t cap, n;
};
void idset_init(struct idset *s);
/* Adds id; returns 0, or the line of the earlier occurrence when present. */
size_t idset_add(struct idset *s, const char *id, size_t line);
bool idset_has(const struct idset *s, const char *id);
void idset_fini(struct idset *s);

/* May the app's member see this record? (roles come with issue 5; cases
 * restricted to their owner and leaders already count here.) */
bool app_may_see(const struct app *a, const struct wt_record *r);

/* A word from an input file (a column name) for a message: made inert and cut
 * to about 40 bytes. Caller frees. */
char *app_file_word(const char *s);

/* What an import (CSV or JSON) has read and is about to store: n records of
 * kind, the i-th from rec(ctx, i); the file's ids; the batch that holds them
 * (NULL when they go to review). */
struct app_import_set {
    struct app *a;
    enum wt_kind kind;
    size_t n;
    const struct wt_record *(*rec)(const void *ctx, size_t i);
    const void *ctx;
    const struct idset *ids;
    struct store_batch *batch;
    /* A CSV import stores its file a chunk at a time: a record whose reference
     * misses is handed to later (it may point further on in the file) instead
     * of failing, and file_entry_later leaves the one log entry of a file that
     * is not cases to the caller. NULL and false for a whole file at once. */
    void (*later)(const void *ctx, size_t i);
    bool file_entry_later;
};

/* The write of an import in t, the same for CSV and JSON: a volunteer's
 * records go to the review queue; otherwise every reference must point into
 * the file or the database, and the batch is stored with the access log (one
 * entry per case, one for the whole file otherwise). A bad reference:
 * WT_EINVAL, *bad the record's index and e the message without a place, for
 * the caller to prefix; otherwise 0 or the transaction's error. */
int app_import_store(struct store_txn *t, const struct app_import_set *s, size_t *bad,
                     struct wt_error *e);

/* The elements of a JSON array read from input in pieces of any size
 * (json_stream.c): it finds the array's start, the separators and each
 * element's end; jansson parses the element. Limits: an element (with the
 * space before it) over JSON_MAX_RECORD bytes, as a CSV line; a string over
 * JSON_MAX_STRING_READ raw bytes (so over 4000 bytes however it is escaped:
 * \u0001 is six bytes for one); a NUL byte. */
#define JSON_MAX_RECORD ((size_t)1 << 20)
#define JSON_MAX_STRING_READ ((size_t)6 * WT_MAX_FIELD_BYTES)
/* Called for each element no (from 1), text[0..len) from '{' to its '}'
 * (valid only during the call). 0 to go on, or an error that stops the stream. */
typedef int (*json_elem_fn)(void *ctx, size_t no, const char *text, size_t len);
struct json_stream;
struct json_stream *json_stream_new(const char *fname, json_elem_fn fn, void *ctx);
/* Reads len more bytes, calling fn for each element completed. 0, or the
 * first error: "FILE: record N: what" (input that is no array of objects, a
 * limit, a NUL byte) or fn's; nothing more is read after it. */
int json_stream_feed(struct json_stream *s, const char *buf, size_t len, struct wt_error *err);
/* The end of the input: 0 when the array was closed, else the error. */
int json_stream_end(struct json_stream *s, struct wt_error *err);
/* NULL is a no-op. */
void json_stream_free(struct json_stream *s);

/* Fills r (initialised to its kind) from one element of a JSON import,
 * text[0..len), parsed by jansson (duplicate keys refused); a's policy keeps
 * the links it masked. 0, or WT_EINVAL with "COLUMN: what" or "geen geldige
 * JSON: ...". */
int app_json_record(struct app *a, const char *text, size_t len, struct wt_record *r,
                    struct wt_error *err);

/* Checks the references of r (owner, case, reporter, chosen options) against
 * the file's ids (file may be NULL) and the database. */
int app_check_refs(struct store_txn *t, const struct wt_record *r, const struct idset *file,
                   struct wt_error *err);

/* Keeps cases.closed in step with the status of a case about to be written
 * in t: a case that becomes closed gets today (or the day it was closed
 * before), a reopened case loses it. A project in phase overdragen,
 * zelfstandig or gestopt without projects.stepped_back gets today (one that
 * has it keeps it). Other kinds are left alone. */
void app_case_closing(struct store_txn *t, const struct app *a, struct wt_record *r);

/* The day a closed case was closed (cases.closed, or the meta note older
 * databases kept) into *day: 0, or WT_ENOTFOUND when none is known. */
int app_case_closed_day(struct store_txn *t, const struct wt_record *r, int32_t *day);

/* r as a JSON object keyed by column names, as export --format json writes
 * it (lists as arrays, empty columns null). Caller json_decref's it. */
struct json_t;
struct json_t *app_record_json(const struct wt_record *r);

/* Fills r (initialised to its kind) from the JSON object text json, as the
 * JSON import reads a record. 0, or WT_EINVAL with "COLUMN: what". */
int app_record_from_json(const char *json, struct wt_record *r, struct wt_error *err);

/* Queues a volunteer's record for review, in the caller's write transaction. */
int app_review_submit(struct store_txn *t, const struct app *a, const struct wt_record *r);

/* The same, giving the submission's id in sub_id (when not NULL). */
int app_review_submit_id(struct store_txn *t, const struct app *a, const struct wt_record *r,
                         char sub_id[WT_MAX_ID + 1]);

/* Checks a new record as meeting_add does (role, defaults, validation,
 * who may see it), before the write. */
int app_add_check(struct app *a, struct wt_record *r, struct wt_error *err);

/* Adds a new record in the caller's write as meeting_add does (review for a
 * volunteer, a fresh id, references, the log); made (when not NULL) gets the
 * record's id or the submission's. */
int app_add_in(struct store_txn *t, const struct app *a, struct wt_record *r,
               char made[WT_MAX_ID + 1], struct wt_error *err);

/* Doors of rounds whose finding became submission old_id now point at
 * new_id (accepted or merged), or at nothing (new_id NULL: rejected), in the
 * caller's write. */
void app_rounds_relink(struct store_txn *t, const char *old_id, const char *new_id);

/* The open cases most like the request r (the match layer's similar cases,
 * that the member may see), appended to ids after its first have entries
 * that are not repeated, at most max; returns how many it added. intake.c. */
size_t app_intake_similar(struct app *a, const struct wt_record *r, char ids[][WT_MAX_ID + 1],
                          size_t have, size_t max, struct wt_error *err);

/* Rebuilds, in the caller's write, the copies of the actions each volunteer
 * owns, each sealed to that volunteer alone (meta "owned/MEMBER/ID", the case
 * link masked): an encrypted database's actions are in the case compartment,
 * which a volunteer's key does not open. Nothing on a plain database or for
 * a volunteer. Every copy is sealed again: for the paths that change many
 * records at once (import, erase, opening the meeting after a bundle); one
 * saved action or member takes the calls below. owned.c. */
void app_owned_refresh(struct store_txn *t, const struct app *a);

/* For a write that changed records past the one-by-one calls below and could
 * not seal them again itself (a bundle merged by a member who does not read
 * actions, a volunteer's own new key pair in app_owned_member): notes that the copies are out of date, so that the next
 * app_owned_if_stale rebuilds them. owned.c. */
void app_owned_stale(struct store_txn *t);

/* Rebuilds the copies (app_owned_refresh) only when they are out of date: a
 * write noted so with app_owned_stale, or no rebuild has run in this
 * database yet (one from before the note, or a restored one). Opening the
 * meeting calls it: a plain start leaves every copy as it was. owned.c. */
void app_owned_if_stale(struct store_txn *t, const struct app *a);

/* After action ac was stored in t: seals its one copy again when its owner
 * is a volunteer (who has not left and has a key pair), removes it otherwise,
 * and removes old_owner's copy when the owner changed (old_owner the owner
 * before, or NULL for a new action). No other copy is touched. Nothing where
 * app_owned_refresh does nothing. owned.c. */
void app_owned_action(struct store_txn *t, const struct app *a, const struct wt_record *ac,
                      const char *old_owner);

/* Removes owner's copy of action id (the action deleted in t). owned.c. */
void app_owned_drop(struct store_txn *t, const struct app *a, const char *owner, const char *id);

/* After member changed in t (a role to or from volunteer, a new key pair,
 * departure, removal): removes all of that member's copies and, when they are
 * a volunteer still in the team, seals again the actions they own. owned.c. */
void app_owned_member(struct store_txn *t, const struct app *a, const char *member);

/* The actions sealed to this app's member (a volunteer), shaped as policy
 * hands them out: each to fn, or (found not NULL) only the one with id into
 * found (WT_ENOTFOUND when none). owned.c. */
int app_owned_read(struct app *a, const char *id, struct wt_record *found, store_each_fn fn,
                   void *ctx);

/* The prepared corpus of a suggester (valid while it lives). suggest.c. */
const struct match_corpus *app_suggester_corpus(const struct app_suggester *s);

/* app_get without the access-log entry (for the app's own bookkeeping,
 * such as filtering options, not for showing a record to someone). */
int app_get_unlogged(struct app *a, enum wt_kind kind, const char *id, struct wt_record *out);

/* Gives r a fresh id of its kind inside the write (so two writers never
 * pick the same); meeting.c. */
void app_next_id(struct store_txn *t, struct wt_record *r);

/* Fills an entry with the member, team, path and time of now (for writes that
 * log inside their own transaction). */
void app_log_fill(const struct app *a, struct store_log_entry *e, const char *action,
                  enum wt_kind kind, const char *id, const char *detail);

/* ---- undo.c: the last change of this session ---- */

/* What undoing one write needs: the record, and its version before (or
 * that the write made it). */
struct app_undo {
    enum wt_kind kind;
    char id[WT_MAX_ID + 1];
    bool set;                /* something to undo */
    bool created;            /* the write made the record: undo removes it */
    bool have_before;        /* before holds the version before the write */
    struct wt_record before;
};

/* In a write of kind/id, before the record is stored: reads the version
 * before into u (or notes that there was none). */
void app_undo_stage(struct store_txn *t, struct app_undo *u, enum wt_kind kind, const char *id);
/* Notes in u that the write made kind/id. */
void app_undo_created(struct app_undo *u, enum wt_kind kind, const char *id);
/* After the write committed: u becomes the session's undo record (u is
 * emptied). */
void app_undo_keep(struct app *a, struct app_undo *u);
void app_undo_fini(struct app_undo *u);
/* Drops the session's undo record (app_close, after an undo). */
void app_undo_free(struct app *a);

#endif
