/* store.h: the LMDB database: records by kind, secondary indexes, meta, backup and check. */
#ifndef WIJKTAFEL_STORE_H
#define WIJKTAFEL_STORE_H

#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

#include "wijktafel/balance.h"
#include "wijktafel/error.h"
#include "wijktafel/measure.h"
#include "wijktafel/record.h"
#include "wijktafel/round.h"
#include "wijktafel/xalloc.h"

/* The schema version this program writes. */
#define STORE_SCHEMA_VERSION 7

struct store;     /* an open database folder */
struct store_txn; /* a read or write transaction with a sticky error */

struct store_opts {
    bool create;          /* create the folder (mode 0700) and database when missing */
    bool readonly;        /* open for reading only */
    size_t initial_map;   /* starting map size in bytes; 0 for the default (1 MiB) */
    int lock_timeout_ms;  /* how long a writer waits for another; 0 for the default (10 s) */
};

/* Opens (or creates) the database in dir. Runs mdb_reader_check, migrates
 * an older schema, refuses a newer one (WT_EVERSION). Errors: WT_ENOTFOUND
 * (no database there and !create), WT_ECREATE, WT_EIO, WT_EVERSION. */
int store_open(const char *dir, const struct store_opts *opts, struct store **out,
               struct wt_error *err);

/* Closes the database; store_close(NULL) is a no-op. */
void store_close(struct store *s);

const char *store_dir(const struct store *s);

/* Begins a read transaction (a consistent snapshot). */
int store_read_begin(struct store *s, struct store_txn **out, struct wt_error *err);

/* Ends a read transaction and returns its sticky error: 0, or the first
 * failure of LMDB that any read in it met (a caller that ran store_each
 * without looking at each result checks once here). NULL: a no-op, 0. */
int store_read_end(struct store_txn *t);

/* A write: called in a fresh write transaction, possibly more than once
 * (after the map has grown), so it must not keep state between calls that
 * the replay would duplicate. Returns 0 to commit, a wt_err to abort. */
typedef int (*store_write_fn)(struct store_txn *t, void *ctx, struct wt_error *err);

/* Runs fn in one write transaction and commits: all or nothing. Grows the
 * map and replays on a full map; waits at most lock_timeout_ms for another
 * writer (then WT_EBUSY). Errors: fn's, WT_EFULL (no room on disk), WT_EIO. */
int store_write(struct store *s, store_write_fn fn, void *ctx, struct wt_error *err);

/* Grows the map ahead of a large write so that it need not be replayed:
 * afterwards the map has room for the data in use plus extra bytes (as far
 * as the disk allows). Optional; store_write grows the map by itself. */
int store_reserve(struct store *s, size_t extra, struct wt_error *err);

/* The transaction's sticky error: once an operation fails, every later
 * operation is a no-op that returns the same error. */
int store_txn_error(const struct store_txn *t);
/* Records an error of the caller on the transaction (aborts the write). */
int store_txn_fail(struct store_txn *t, int code, const char *msg);

/* Reads the record kind/id into out (initialised here; caller record_fini).
 * WT_ENOTFOUND when absent (not sticky), WT_ECORRUPT when undecodable. */
int store_get(struct store_txn *t, enum wt_kind kind, const char *id, struct wt_record *out);

/* True when the record exists. */
bool store_exists(struct store_txn *t, enum wt_kind kind, const char *id);

/* Inserts or replaces r (by id), keeping its indexes in step. */
int store_put(struct store_txn *t, const struct wt_record *r);

/* Inserts or replaces n records of one kind with distinct ids, faster than
 * n calls of store_put: values and index entries go in in key order. */
int store_put_many(struct store_txn *t, const struct wt_record *const *recs, size_t n);

/* A batch: records handed over as they are read (an import's CSV), whose
 * values an encrypted store seals on helper threads meanwhile; then put
 * with store_batch_put like store_put_many. A record added must stay in
 * place and unchanged until the batch is freed. On a plain store, or with
 * the kind's keys locked, nothing happens before the put. */
struct store_batch;
struct store_log_entry;
struct store_batch *store_batch_new(struct store *s, enum wt_kind kind);
void store_batch_add(struct store_batch *b, const struct wt_record *r);
/* store_put_many of the records added, in the order they came (may be
 * called again for the same batch, when a write is done over). */
int store_batch_put(struct store_txn *t, struct store_batch *b);
/* How many helper threads seal and open values (imports, store_each on an
 * encrypted database): n, or -1 for the CPUs online less one (at most 3, the
 * default). For benchmarks and tests. */
void store_set_helpers(int n);
/* store_batch_put, and the n entries e appended to the access log in the
 * same write (their seq filled in); an encrypted log's entries are chained
 * and sealed by the batch's helpers while the records go in. */
int store_batch_put_logged(struct store_txn *t, struct store_batch *b, struct store_log_entry *e,
                           size_t n);
void store_batch_free(struct store_batch *b);

/* Deletes kind/id and its index entries; WT_ENOTFOUND when absent (not sticky). */
int store_del(struct store_txn *t, enum wt_kind kind, const char *id);

/* Calls fn for every record of kind in id order; stops when fn returns
 * non-zero and returns that value. The record is valid only during the call.
 * A value that cannot be read comes as a record with only its id and
 * `damaged` set. */
typedef int (*store_each_fn)(void *ctx, const struct wt_record *r);
int store_each(struct store_txn *t, enum wt_kind kind, store_each_fn fn, void *ctx);

/* Calls fn with the id of every record of kind whose column f (an indexed
 * column) holds value (compared folded), in id order. */
typedef int (*store_id_fn)(void *ctx, const char *id);
/* Calls fn with the id of every record of kind that starts with prefix, in
 * id order, without reading the records; stops when fn returns non-zero and
 * returns that value. */
int store_each_id(struct store_txn *t, enum wt_kind kind, const char *prefix, store_id_fn fn,
                  void *ctx);
/* The largest number N among the ids "PREFIX<N>" of kind (0 when none) into
 * *max: for cases in an encrypted database from a number kept with them
 * (it never goes down when a case goes), else from the ids themselves.
 * 0 or the sticky error. */
int store_id_max(struct store_txn *t, enum wt_kind kind, const char *prefix, long *max);
int store_find(struct store_txn *t, enum wt_kind kind, int f, const char *value,
               store_id_fn fn, void *ctx);

/* Number of records of kind. */
int store_count(struct store_txn *t, enum wt_kind kind, size_t *n);

/* Meta values (team name, ...): get returns a string the caller frees, or
 * WT_ENOTFOUND. */
int store_meta_get(struct store_txn *t, const char *key, char **out);
int store_meta_put(struct store_txn *t, const char *key, const char *value);

/* Deletes a meta value (absent is fine). */
int store_meta_del(struct store_txn *t, const char *key);
/* Deletes every meta value whose key starts with prefix (a non-empty one). */
int store_meta_del_prefix(struct store_txn *t, const char *prefix);

/* Calls fn for every meta key starting with prefix, in key order; stops when
 * fn returns non-zero and returns that value. key and value are valid only
 * during the call. Meta holds small program data (meeting notes, settings):
 * "schema", "team", "created" and keys under "meeting/" and "ui/". */
/* What is sealed to one member alone (a volunteer's own actions, issue 17),
 * with crypto_box_seal to the public key of their keyslot: plain into *out
 * as base64 (caller frees). WT_ENOTFOUND when the member has no keyslot. */
int store_owned_seal(struct store_txn *t, const char *member, const char *plain, char **out);
/* Opens what store_owned_seal sealed to the member who unlocked s: *out the
 * plain text (caller frees). WT_EPERM when it is not theirs (or s is not
 * unlocked), WT_ECORRUPT when it is no such value. */
int store_owned_open(struct store *s, const char *sealed, char **out);
typedef int (*store_meta_fn)(void *ctx, const char *key, const char *value);
int store_meta_each(struct store_txn *t, const char *prefix, store_meta_fn fn, void *ctx);

/* --- Time balance (meta keys "balance/..."): members' weekly hours on
 * casework and community building, and their target share. Not resident
 * data, so kept in plain meta. --- */

/* Stores member's hours for w->week (a Monday); both 0 removes the week. */
int store_balance_put(struct store_txn *t, const char *member, const struct balance_week *w);

/* Calls fn for the weeks in [from, to] (Mondays, days) of member (NULL: every
 * member), by member then week; stops when fn returns non-zero (returned). */
typedef int (*store_balance_fn)(void *ctx, const char *member, const struct balance_week *w);
int store_balance_each(struct store_txn *t, const char *member, int32_t from, int32_t to,
                       store_balance_fn fn, void *ctx);

/* Sets member's target share of community building in percent (0..100);
 * a negative percent removes it (the discipline's default applies). */
int store_balance_target_put(struct store_txn *t, const char *member, int percent);
/* The target set for member; WT_ENOTFOUND when none is set. */
int store_balance_target_get(struct store_txn *t, const char *member, int *percent);
/* Removes all of member's weeks and target. */
int store_balance_forget(struct store_txn *t, const char *member);

/* --- Wellbeing measures of a case at its start and at closing (meta keys
 * "measure/CASE/PHASE", sealed like case data on an encrypted database). --- */

/* Stores case_id's measure of phase; an empty measure removes it. */
int store_measure_put(struct store_txn *t, const char *case_id, enum measure_phase phase,
                      const struct measure *m);
/* Reads it into out; WT_ENOTFOUND (out empty) when there is none. */
int store_measure_get(struct store_txn *t, const char *case_id, enum measure_phase phase,
                      struct measure *out);
/* Removes both measures of case_id (the case is erased). */
int store_measure_forget(struct store_txn *t, const char *case_id);

/* Writes a consistent, compacted copy of the database into the folder
 * dest (created; must not already hold a database). Safe while others write. */
int store_backup(struct store *s, const char *dest, struct wt_error *err);

/* Verifies the whole database: every value decodes and validates, every
 * index entry matches its record and every record has its index entries.
 * Calls report (when not NULL) with a line for each problem; returns 0 when
 * sound, WT_ECORRUPT otherwise. */
typedef void (*store_report_fn)(void *ctx, const char *line);
int store_check(struct store *s, store_report_fn report, void *ctx, struct wt_error *err);

/* Encodes a record as a stored value (format version byte first); the
 * caller frees *out. Decodes one; WT_ECORRUPT when malformed. */
void store_encode(const struct wt_record *r, unsigned char **out, size_t *len);
int store_decode(enum wt_kind kind, const unsigned char *val, size_t len, struct wt_record *out);

/* --- Encryption (libsodium). An encrypted database seals every value with
 * XChaCha20-Poly1305 (kind and id as associated data), keys its indexes with
 * keyed BLAKE2b hashes, and gives each case its own key. Data keys come in
 * two compartments (case data apart from the rest) and are sealed to each
 * member's key pair, whose secret key is wrapped with an Argon2id key from the
 * member's passphrase. --- */

/* What a link to a case in a record of the general compartment (a signal's
 * case) reads as to a member without the case key: that there is a link,
 * not which case. Writing it back is refused (WT_EPERM). */
#define STORE_LINK_HIDDEN "*"

/* True when the database is encrypted. */
bool store_encrypted(const struct store *s);

/* Opens the member's data keys with their passphrase. WT_EPERM for a wrong
 * passphrase (no hint which part was wrong) or a member without a keyslot. */
int store_unlock(struct store *s, const char *member, const char *passphrase,
                 struct wt_error *err);

/* Checks a member's passphrase without changing what is unlocked (a member
 * switch on a shared laptop): 0, or WT_EPERM as store_unlock. */
int store_passphrase_check(struct store *s, const char *member, const char *passphrase,
                           struct wt_error *err);

/* True when records of kind can be read (plain database, or its compartment unlocked). */
bool store_can_read(const struct store *s, enum wt_kind kind);
bool store_txn_can_read(const struct store_txn *t, enum wt_kind kind);
bool store_txn_encrypted(const struct store_txn *t);

/* Gives member a new key pair wrapped with passphrase and seals to it the data
 * keys of their role (volunteers: no case key). Needs the keys unlocked. */
int store_keyslot_set(struct store_txn *t, const char *member, const char *role,
                      const char *passphrase, struct wt_error *err);

/* The keyslot of the recovery code (docs/security.md): a leader's keys, no
 * member's; store_keyslot_each does not list it. */
#define STORE_RECOVERY_SLOT "@recovery"

/* Like store_keyslot_set, with a one-time code for passphrase: the slot is
 * marked as opened by a code that expires on day expires (days since
 * 1970-01-01), until store_keyslot_repass gives it the member's own. */
int store_keyslot_set_code(struct store_txn *t, const char *member, const char *role,
                           const char *code, int32_t expires, struct wt_error *err);

/* 0 with *expires set when member's keyslot is still opened by a one-time
 * code; WT_ENOTFOUND when not (or when there is no keyslot). */
int store_keyslot_code(struct store_txn *t, const char *member, int32_t *expires);

/* In its own write: opens member's secret key with old_pass and wraps it
 * again with new_pass; the one-time code mark goes. WT_EPERM when old_pass
 * does not open it (nothing changes). */
int store_keyslot_repass(struct store *s, const char *member, const char *old_pass,
                         const char *new_pass, struct wt_error *err);

/* The role recorded with a member's keyslot; WT_ENOTFOUND without one. */
int store_keyslot_role(struct store_txn *t, const char *member, char **role);

/* Calls fn(ctx, member, role) for every member with a keyslot. */
int store_keyslot_each(struct store_txn *t, store_meta_fn fn, void *ctx);

/* Gives member's keyslot another role without their passphrase: the case key
 * sealed to their public key, or (volunteer) taken out, after which the
 * caller rotates the case key. WT_ENOTFOUND without a keyslot. */
int store_keyslot_role_set(struct store_txn *t, const char *member, const char *role);

/* Removes a member's keyslot (then rotate the keys they had). */
int store_keyslot_remove(struct store_txn *t, const char *member);

/* Grows the map, when it is smaller, to factor times what the data file
 * uses now (at most the room on the disk): a write that rewrites most of the
 * file (a rotation) then runs once instead of again after each growth. Call
 * with no transaction of this process open. */
int store_map_reserve(struct store *s, unsigned factor, struct wt_error *err);

/* Replaces compartment comp's data key (0 general, 1 cases) with newkey:
 * re-seals what it protects and the keys of every member who had it. */
int store_rotate(struct store_txn *t, int comp, const unsigned char newkey[32]);

/* Encrypts a plain database with the two new data keys (the caller then adds
 * the first keyslot in the same transaction). */
int store_encrypt_all(struct store_txn *t, const unsigned char gen[32],
                      const unsigned char cases[32]);

/* 32 random bytes for a new data key. */
void store_random_key(unsigned char key[32]);

/* --- Access log (NEN 7513): append-only, each entry holding the hash of the
 * one before; the last hash is kept in meta so that a removed tail shows. --- */
struct store_log_entry {
    uint64_t seq;     /* 1, 2, ... (set by store_log_append) */
    char time[20];    /* YYYY-MM-DDTHH:MM:SS, local time */
    char member[WT_MAX_ID + 1];
    char behalf[64];  /* on whose behalf: the team */
    char path[24];    /* "scherm", or the command: "export", "suggest", ... */
    char action[16];  /* view, create, change, delete, export, search, suggest, ... */
    char kind[12];    /* record kind, or "" */
    char id[WT_MAX_ID + 1]; /* record id, or "" */
    char detail[80];  /* short extra: a count, a search's length; never personal data */
};

/* Appends e (seq filled in) in the caller's write transaction. */
int store_log_append(struct store_txn *t, struct store_log_entry *e);
/* Appends n entries at once (one read and one write of the chain's tip).
 * Entries spooled by readers (store_log_spool) are appended first. */
int store_log_append_many(struct store_txn *t, struct store_log_entry *e, size_t n);

/* For a reader that must not wait for a long write: appends the entries to
 * the spool file in the database folder, to be moved into the log by the
 * next write that logs. A program that dies between moving them and deleting
 * the spool leaves them to be moved twice: the log may hold an entry twice,
 * never lose one. */
int store_log_spool(struct store *s, const struct store_log_entry *e, size_t n,
                    struct wt_error *err);

/* Like store_write, but waits at most timeout_ms for another writer. */
int store_write_wait(struct store *s, int timeout_ms, store_write_fn fn, void *ctx,
                     struct wt_error *err);

/* Calls fn for every entry in order; stops when fn returns non-zero. */
typedef int (*store_log_fn)(void *ctx, const struct store_log_entry *e);
int store_log_each(struct store_txn *t, store_log_fn fn, void *ctx);

/* --- Review queue: what volunteers enter waits here for a leader. --- */
struct store_submission {
    char id[WT_MAX_ID + 1];        /* "v-000001", assigned by store_review_put when empty */
    char status[12];               /* pending, accepted, rejected */
    char submitter[WT_MAX_ID + 1];
    char date[11];
    char reason[400];              /* why it was rejected, or what it was merged into */
    char decider[WT_MAX_ID + 1];   /* the leader who decided, "" while pending (or unknown) */
    char decided[11];              /* the day of the decision, "" while pending */
    struct wt_record rec;          /* the record as submitted (kind in rec.kind) */
};

/* Stores (inserts or replaces) a submission. A volunteer's new care request
 * (a case that is no conflict) is sealed with the general key, so that its
 * submitter can read and correct it; a conflict about a case or an action
 * with the case key. */
int store_review_put(struct store_txn *t, struct store_submission *s);
/* Reads one; WT_ENOTFOUND when absent. Caller record_fini(&out->rec). */
int store_review_get(struct store_txn *t, const char *id, struct store_submission *out);
typedef int (*store_review_fn)(void *ctx, const struct store_submission *s);
int store_review_each(struct store_txn *t, store_review_fn fn, void *ctx);

/* --- Door-to-door rounds (meta keys "round/ID" and "round/ID/door/N",
 * sealed with the general key on an encrypted database: volunteers go on
 * rounds). --- */

/* Stores (inserts or replaces) a round. */
int store_round_put(struct store_txn *t, const struct round *r);
/* Reads a round (out initialised; caller round_fini); WT_ENOTFOUND or WT_ECORRUPT. */
int store_round_get(struct store_txn *t, const char *id, struct round *out);
/* Calls fn for every round in id order (valid only during the call). */
typedef int (*store_round_fn)(void *ctx, const struct round *r);
int store_round_each(struct store_txn *t, store_round_fn fn, void *ctx);
/* Deletes a round and its doors. */
int store_round_del(struct store_txn *t, const char *id);
/* Deletes a round and its doors and keeps its tombstone with clock c (when
 * later than the one kept), so that a bundle does not bring it back. */
struct store_clock;
int store_round_gone(struct store_txn *t, const char *id, const struct store_clock *c);
/* The tombstone of a round; WT_ENOTFOUND when there is none. */
int store_round_gone_get(struct store_txn *t, const char *id, struct store_clock *out);
/* Calls fn for every round tombstone. */
typedef int (*store_gone_fn)(void *ctx, const char *id, const struct store_clock *c);
int store_round_gone_each(struct store_txn *t, store_gone_fn fn, void *ctx);
/* Stores (inserts or replaces, by number) a door of a round. */
int store_door_put(struct store_txn *t, const char *round_id, const struct round_door *d);
/* Reads door no of a round (out initialised; caller round_door_fini). */
int store_door_get(struct store_txn *t, const char *round_id, int no, struct round_door *out);
/* Calls fn for every door of a round by number. */
typedef int (*store_door_fn)(void *ctx, const struct round_door *d);
int store_door_each(struct store_txn *t, const char *round_id, store_door_fn fn, void *ctx);

/* --- Bundles: clocks, tombstones and the bundle file (sync.c, bundle.c). ---
 * Every record field carries a hybrid logical clock (48-bit milliseconds,
 * 16-bit counter) and the id of the database where it last changed; every
 * write of a record also takes the next local change sequence number, so a
 * bundle can hold what changed since the last one sent to a peer. */
struct store_clock {
    uint64_t hlc;    /* 0: never stamped (a record older than clocks) */
    uint64_t origin; /* database id */
};
struct store_stamp {
    uint64_t seq; /* local change sequence of the last write */
    int n;        /* number of fields */
    struct store_clock f[WT_MAX_FIELDS];
    /* per field, the clock of the value it replaced: when an incoming change
     * was made on top of the local value, it is no conflict */
    struct store_clock prev[WT_MAX_FIELDS];
};

/* True when clock a is later than b: higher HLC, ties broken by origin. */
bool store_clock_after(const struct store_clock *a, const struct store_clock *b);

/* This database's random 64-bit id (made in a write transaction on first
 * use; 0 in a read transaction before that). */
uint64_t store_db_id(struct store_txn *t);

/* The team's random id (meta "team-id"), made on first use in a write;
 * caller frees; NULL in a read transaction before that. */
char *store_team_id(struct store_txn *t);

/* The local change sequence number (0 for a database without changes). */
uint64_t store_seq(struct store_txn *t);

/* A new clock for a change made now in this write (the next HLC and this
 * database's id), for data outside the six kinds (rounds). */
struct store_clock store_clock_now(struct store_txn *t);

/* Moves this database's clock past remote (an HLC received in a bundle). */
void store_hlc_observe(struct store_txn *t, uint64_t remote);

/* The clocks of kind/id; WT_ENOTFOUND when it has none (then out is all 0). */
int store_stamp_get(struct store_txn *t, enum wt_kind kind, const char *id,
                    struct store_stamp *out);

/* Stores r with the given field clocks instead of new ones (a merge). */
int store_put_stamped(struct store_txn *t, const struct wt_record *r,
                      const struct store_stamp *st);

/* Rewrites the tombstones kept with their id readable (written before
 * tombstones were hashed, or while the database was plain) under a keyed hash
 * of the id, for every compartment that is open (erase calls it). */
int store_tombs_hide(struct store_txn *t);

/* Deletes kind/id (when present) and keeps the tombstone's clock c, when c is
 * later than the one kept. */
int store_tomb_put(struct store_txn *t, enum wt_kind kind, const char *id,
                   const struct store_clock *c);
/* The tombstone of kind/id; WT_ENOTFOUND when there is none. */
int store_tomb_get(struct store_txn *t, enum wt_kind kind, const char *id,
                   struct store_clock *out);

/* Calls fn for every record (tomb false) or tombstone (tomb true) written
 * locally after sequence number since; stamp->f holds the clocks (a
 * tombstone: f[0]). Stops when fn returns non-zero and returns that. */
typedef int (*store_change_fn)(void *ctx, enum wt_kind kind, const char *id, bool tomb,
                               const struct store_stamp *stamp);
int store_changes_each(struct store_txn *t, uint64_t since, store_change_fn fn, void *ctx);

/* The bundle file's plain header (see docs/sync.md). */
#define STORE_BUNDLE_VERSION 1
struct store_bundle_hdr {
    int version;
    int comp;             /* 0: general key (no case data), 1: case key */
    char team[40];        /* team id */
    uint64_t origin;      /* database id of the sender */
    char recipient[40];   /* role or member it is for */
    /* The recipient member's keyslot ("" when the bundle is for a role):
     * member, role, public key, wrapped secret key, sealed general and case keys. */
    char *slot[6];
};
void store_bundle_hdr_fini(struct store_bundle_hdr *h);

/* Writes a bundle: the header (with member's keyslot when member is not NULL)
 * and body, encrypted with a fresh stream key wrapped under the team's bundle
 * key of compartment comp. Needs that compartment unlocked. */
int store_bundle_seal(struct store_txn *t, int comp, const char *recipient, const char *member,
                      const unsigned char *body, size_t blen, struct buf *out,
                      struct wt_error *err);

/* Reads only the header of a bundle (file of len bytes). WT_EINVAL with a
 * clear message for anything that is not a bundle of this version. */
int store_bundle_peek(const unsigned char *file, size_t len, struct store_bundle_hdr *h,
                      struct wt_error *err);

/* Opens a bundle with this database's keys: checks the team, the version and
 * every byte; *body (caller frees) receives the plain body. WT_EINVAL for a
 * damaged, foreign or newer bundle; WT_EPERM when its compartment is locked. */
int store_bundle_open(struct store_txn *t, const unsigned char *file, size_t len,
                      struct store_bundle_hdr *h, unsigned char **body, size_t *blen,
                      struct wt_error *err);

/* Reads a bundle from in as it comes, into file (its bytes, for
 * store_bundle_open), checking it on the way so that a bad or endless input
 * is refused at its first bad piece without reading the rest: the header as
 * it arrives, then each chunk's length and, with s (a database that can
 * open the bundle), each chunk's authenticity, and nothing after the last.
 * Without s (init --from: no keys yet) only the form is checked. 0, or
 * WT_EINVAL (WT_EIO for a read error) with a message. */
int store_bundle_read(struct store *s, FILE *in, struct buf *file, struct wt_error *err);
/* Only the header, before a database is opened (store_bundle_read goes on
 * from what file holds already). */
int store_bundle_read_header(FILE *in, struct buf *file, struct wt_error *err);

/* A new database from a bundle: writes the team id and the keyslot of the
 * bundle's header into this (empty) database, which is then encrypted. */
int store_bundle_adopt(struct store_txn *t, const struct store_bundle_hdr *h);

/* Rewrites the data file without free pages, in place (after an erasure, so
 * that nothing of the erased records remains in the file). Needs the database
 * open nowhere else: WT_EBUSY otherwise. */
int store_compact(struct store *s, struct wt_error *err);

/* How many transactions of this process are reading the mapped file now: a
 * fault while it is non-zero most likely comes from a damaged page (LMDB 0.9
 * has no page checksums). For the fault handler of the commands. */
int store_reading_now(void);

/* True when a fault at addr, raised by the instruction at pc (NULL when not
 * known), is the database's: addr inside the mapped data file, or pc inside
 * the LMDB library. For the commands' fault handler; async-signal-safe. */
bool store_fault_is_ours(const void *addr, const void *pc);

/* Current map size in bytes (for tests and benchmarks). */
size_t store_map_size(struct store *s);

/* The SHA-256 of data[0..len) as 64 lowercase hex digits and a NUL in hex
 * (for manifests and other sums that outside tools check; no key involved). */
void store_sha256_hex(const void *data, size_t len, char hex[65]);

#endif
