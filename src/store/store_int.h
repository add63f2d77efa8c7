/* store_int.h: what the store's own files share: the handle, transactions, index keys. */
#ifndef WIJKTAFEL_STORE_INT_H
#define WIJKTAFEL_STORE_INT_H

#include <lmdb.h>
#include <string.h>

#include "wijktafel/store.h"

/* Key compartments: case data apart from the rest, so that a volunteer's
 * key opens signals, the social map and talents but not one byte of cases. */
enum store_comp { COMP_GEN, COMP_CASE, COMP_COUNT };

/* The meta prefixes sealed on an encrypted database, each with the
 * compartment whose key seals it: meeting notes and wellbeing measures are
 * case data; rounds are for every member (volunteers go on them). */
struct store_sealed_prefix {
    const char *prefix;
    enum store_comp comp;
    bool since6; /* stored plain before schema 6 (sealed by store_keys_migrate) */
    /* The rest of the name may name a case ("closed/c-013"): in an encrypted
     * database the entry is stored as PREFIX#TOKEN (STORE_NAME_TOKEN bytes of
     * a keyed BLAKE2b of the whole name, in hex), its value sealing the name
     * and the value: "name\0value" (docs/security.md). */
    bool hide_names;
};
extern const struct store_sealed_prefix store_sealed_prefixes[];
#define STORE_N_SEALED_PREFIXES 10
#define STORE_NAME_TOKEN 16
/* tomb.c: the token of a meta name in hex, keyed with a key derived from the
 * case compartment's tombstone secret (made when create and none exists);
 * false in a plain database, with the case compartment locked, or without
 * a secret. */
bool store_name_token(struct store_txn *t, const char *name, bool create,
                      char out[2 * STORE_NAME_TOKEN + 1]);
/* meta.c: moves every meta entry whose name names a case (hide_names) under
 * its token; needs the case key. Marks meta "meta-names" when done. Returns
 * how many moved, or -1 (the sticky error is set). A value that does not
 * open stays under its name, for check to report. */
int store_meta_hide_names(struct store_txn *t);
/* meta.c: true when key, as stored in meta, is a name's token (PREFIX#TOKEN). */
bool store_meta_is_token(const struct store *s, const char *key);
/* meta.c: true when an encrypted database still has meta names to hide. */
bool store_meta_names_pending(const struct store *s, MDB_txn *txn);

struct store_txn;
/* The plain text of the meta value v of key (caller frees); NULL with *rc
 * WT_EPERM (its compartment is locked) or WT_ECORRUPT (it does not open). */
char *store_meta_open(struct store_txn *t, const char *key, const MDB_val *v, int *rc);

/* Checks the bundles' clocks and tombstones (sync.c): every entry decodes and
 * its tag matches, a clock belongs to a record that exists, a tombstone to one
 * that does not. Reports each problem; returns how many. *unverified: how
 * many could not be checked (no key, or untagged before schema 6's step). */
size_t store_sync_check(struct store_txn *t, store_report_fn report, void *ctx,
                        size_t *unverified);
/* sync.c: tags every clock and tombstone with the tag key held now (schema 6,
 * and after the general key changed) and marks meta "clock-tags": from then
 * on an untagged one is a problem. Needs the general key. */
int store_clock_tag_all(struct store_txn *t);

struct store {
    MDB_env *env;
    MDB_dbi casekeys; /* per-case keys, sealed with the case compartment key */
    MDB_dbi log;      /* the access log: 8-byte big-endian sequence -> entry */
    MDB_dbi review;   /* volunteers' submissions waiting for a leader */
    MDB_dbi clock;    /* per record: local change sequence and each field's HLC and origin */
    MDB_dbi tombs;    /* deleted records: their HLC and origin (bundles carry deletions) */
    bool encrypted;
    /* Index hashes of 12 bytes in 16 base64 characters (meta "index-hash" 2,
     * databases made or re-keyed since), else 16 bytes in 32 hex digits. */
    bool short_hash;
    /* The clocks of cases are under hashed keys (meta "case-clocks"), read
     * at the start of every transaction like the hash form. */
    bool case_clocks;
    /* Case ids are keyed tokens in "cases" and "casekeys" (meta "case-ids",
     * read like case_clocks); idkey, derived from the case compartment's
     * tombstone secret, makes them (caseid.c). */
    bool case_ids;
    bool case_index; /* the same at the end of the keys of "index.cases" (meta "case-index") */
    /* Cases and their keys are stored under sequence numbers, the tokens
     * only in a map to them (meta "case-seq", read like case_ids; caseseq.c). */
    bool case_seq;
    bool have_idkey;
    unsigned char idkey[32];
    bool unlocked[COMP_COUNT];
    unsigned char dkey[COMP_COUNT][32]; /* data keys */
    unsigned char hkey[COMP_COUNT][32]; /* index hash keys, derived from the data keys */
    unsigned char member_sk[32]; /* the unlocked member's secret key (what is sealed to them) */
    bool have_member_sk;
    uint64_t hgen; /* which index hash tables are for these keys (crypto.c) */
    char **spool;   /* spool files drained into the open write (journal.c) */
    size_t nspool;
    MDB_dbi kinds[WT_KIND_COUNT];
    MDB_dbi idx[WT_KIND_COUNT]; /* secondary indexes, one database per kind */
    MDB_dbi meta;
    char *dir;
    int lockfd;
    int openfd; /* open.lock: shared while open, exclusive to compact in place */
    unsigned env_flags;
    int lock_timeout_ms;
    bool readonly;
};

struct store_txn {
    struct store *s;
    MDB_txn *txn;
    bool write;
    int err;    /* sticky wt_err */
    int mdb_rc; /* the LMDB code behind err, for the map-growth replay */
    char msg[256];
    /* Bundles (sync.c): loaded from meta on first use, written back before commit. */
    bool sync_loaded, sync_dirty;
    int tombs_state; /* 0 not looked at, 1 the tombs database is empty, 2 it is not */
    signed char tkey_state[COMP_COUNT]; /* tomb.c: 0 not looked at, 1 in tkey, -1 none */
    unsigned char tkey[COMP_COUNT][32];
    uint64_t hlc, seq, dbid;
    const struct store_stamp *stamp_override; /* a merge writes the clocks it was given */
    /* A batch (store_put_many) writes clocks in key order through one cursor,
     * appending keys beyond the largest one in the database. */
    MDB_cursor *clock_cur;
    bool clock_have_last;
    size_t clock_last_len;
    unsigned char clock_last[WT_MAX_ID + 2];
    /* The same for new case keys in an encrypted database (crypto.c). */
    MDB_cursor *casekey_cur;
    bool casekey_have_last;
    size_t casekey_last_len;
    unsigned char casekey_last[WT_MAX_ID + 1]; /* the largest key, as stored */
    /* caseseq.c: the next case number (0: not read from meta yet), and
     * whether it moved in this write (written to meta before the commit). */
    uint64_t case_seq_next;
    bool case_seq_dirty;
    /* caseseq.c: the numbers of the case ids this transaction looked up (an
     * import asks for each case's number several times), or NULL. */
    struct case_memo *case_memo;
};

/* sync.c: stamps the fields of r that differ from old (NULL: a new record)
 * with a new HLC and this database's id, and records the change sequence. */
int store_sync_stamp(struct store_txn *t, const struct wt_record *old, const struct wt_record *r);
/* sync.c: clocks written between these two go through one cursor, with
 * MDB_APPEND for keys beyond the largest (callers stamp in key order). */
int store_sync_batch_begin(struct store_txn *t);
void store_sync_batch_end(struct store_txn *t);
/* sync.c: value formats that sync_check.c reads too. */
#define SYNC_CLOCK_FORMAT 2
#define SYNC_TOMB_FORMAT 1
#define SYNC_TOMB_LEN 25
/* sync.c: the length of a clock (tomb false) or tombstone value without its
 * integrity tag; 0 when its format is unknown. */
size_t sync_untagged_len(bool tomb, const unsigned char *p, size_t len);
/* sync.c: decodes the clock value p (len bytes, as stored under key k) into
 * out, whose n is the kind's number of fields; -1 when it is not well formed.
 * A clock under a hashed key (SYNC_HASHED_KEY) ends in its sealed id, which
 * is skipped here (sync_clock_open_id opens it). */
int sync_clock_decode(const MDB_val *k, const unsigned char *p, size_t len,
                      struct store_stamp *out);
/* sync.c: kind and id of a plain key of the clock or tombs database; false
 * when malformed. */
bool sync_key_parse(const MDB_val *k, enum wt_kind *kind, char id[WT_MAX_ID + 1]);
/* A key of the clock or tombs database in its hashed form ([kind][TOMB_HASHED][hash]). */
#define SYNC_HASHED_KEY(k) ((k)->mv_size == TOMB_KEY_LEN && \
                            ((const unsigned char *)(k)->mv_data)[1] == TOMB_HASHED)
/* sync.c: the id sealed in the clock value p under the hashed key k, checked
 * against k: 0, WT_EPERM (the case compartment is locked) or WT_ECORRUPT. */
int sync_clock_open_id(struct store_txn *t, const MDB_val *k, const unsigned char *p, size_t len,
                       char id[WT_MAX_ID + 1]);
/* sync.c: stores the clocks st of kind/id under the key it has now (and
 * drops its tombstone); 0 or the sticky error. */
int sync_clock_write(struct store_txn *t, enum wt_kind kind, const char *id,
                     const struct store_stamp *st);
/* caseid.c: in an encrypted database whose step is done (meta "case-clocks",
 * s->case_clocks), the clocks of cases are stored under the key their
 * tombstone would have, their value ending in the sealed id. Moves the
 * clocks of cases stored under their plain id there and sets the mark;
 * needs the case key. Returns how many moved, or -1 (sticky error set). */
int store_case_clocks_hide(struct store_txn *t);
/* caseid.c: true when an encrypted database still has that step to do. */
bool store_case_clocks_pending(const struct store *s, MDB_txn *txn);

/* Case ids as keys of "cases" and "casekeys" in an encrypted database once
 * meta "case-ids" is there (caseid.c): [CASE_TOKEN][BLAKE2b-128 of the id,
 * keyed with s->idkey]. The value and the case's wrapped key are sealed
 * with "#" and the hash in hex as associated data instead of the id; the
 * id inside the record is checked against its key on reading. */
#define CASE_TOKEN 0x01 /* never a byte of an id */
#define CASE_KEY_LEN 17
#define CASE_AD_LEN 34
/* True when the cases of s are stored under tokens. */
bool store_case_tokens(const struct store *s);
/* tomb.c: loads s->idkey (from the case compartment's tombstone secret,
 * made when create and there is none); false without the case key. */
bool store_case_idkey(struct store_txn *t, bool create);
/* caseid.c: loads s->idkey in a read transaction of its own, when the
 * cases are under tokens and the case key is held (before helpers copy s). */
void store_case_idkey_ready(struct store *s);
/* caseid.c: the token key of case id into k; false without s->idkey. */
bool store_case_token(const struct store *s, const char *id, unsigned char k[CASE_KEY_LEN]);
/* caseid.c: true when k is a token key. */
bool store_is_case_token(const MDB_val *k);
/* caseid.c: the associated data ("#" and hex) of token key k. */
void store_case_ad(const unsigned char k[CASE_KEY_LEN], char ad[CASE_AD_LEN]);
/* caseid.c: the LMDB key of kind/id in its kind's database and in
 * "casekeys": the id itself (not copied), or a case's token in buf; size 0
 * when the token cannot be made (the case key is locked). */
MDB_val store_rec_key(struct store_txn *t, enum wt_kind kind, const char *id,
                      unsigned char buf[CASE_KEY_LEN]);
/* caseid.c: the id that kind/id's value and case key are sealed with as
 * associated data: id, or the token's text in ad; NULL when it cannot be
 * made (no s->idkey). */
const char *store_rec_ad(const struct store *s, enum wt_kind kind, const char *id,
                         char ad[CASE_AD_LEN]);
/* caseid.c: moves every case and case key stored under its plain id under
 * its token (a fresh case key each), and sets meta "case-ids"; needs the
 * case key. Returns how many moved, or -1 (the sticky error is set). A
 * case whose value does not open stays under its id, for check to report. */
int store_case_ids_hide(struct store_txn *t);
/* Every whole case of t, as store_each hands them over (a damaged one stays
 * where it is, for check to name), for a step that moves them all; free with
 * store_held_fini. */
struct store_held {
    struct wt_record *recs;
    size_t n, cap;
};
void store_hold_cases(struct store_txn *t, struct store_held *h);
void store_held_fini(struct store_held *h);
/* caseid.c: true when an encrypted database still has that step to do. */
bool store_case_ids_pending(const struct store *s, MDB_txn *txn);
/* caseid.c: rebuilds "index.cases" with each case's token instead of its
 * id at the end of its keys and sets meta "case-index"; needs the case key.
 * 0 or the sticky error. */
int store_case_index_hide(struct store_txn *t);
/* caseid.c: notes case id as stored under its token: meta
 * "case-idmax/PREFIX" keeps the largest number of the ids PREFIX<digits>
 * (sealed with the case key), so that the next free id needs no walk over
 * every case (store_id_max). Only where meta "case-idmax" says the numbers
 * are kept (set by store_case_ids_hide). */
void store_case_idmax_note(struct store_txn *t, const char *id);
/* caseid.c: the same for many ids at once (one meta write per prefix). */
void store_case_idmax_note_many(struct store_txn *t, const char *const *ids, size_t n);
/* caseid.c: true when an encrypted database still has that step to do. */
bool store_case_index_pending(const struct store *s, MDB_txn *txn);
/* Case numbers (caseseq.c, issue 19 point 5). In an encrypted database whose
 * meta "case-seq" is there (s->case_seq), each case gets a number when it is
 * first stored, never reused; meta "case-seq" keeps the next one. "cases" and
 * "casekeys" hold a case under [CASE_SEQ][number, 8 bytes big-endian], so new
 * cases append. The keyed token (store_case_token) stays only in "casekeys",
 * as [CASE_MAP][the token's 16 bytes] -> the 8-byte number: lookups by id go
 * token -> number -> record. A case's value is sealed with its own key and
 * CASE_SEQ_VALUE_AD; its key is wrapped with "#" and the number in hex as
 * associated data (store_key_ad), so a value or key moved to another number
 * does not open. */
#define CASE_SEQ 0x02 /* never a byte of an id */
#define CASE_SEQ_LEN 9
#define CASE_MAP 0x00
/* The keys of index.cases end in [CASE_SEQ_IDX][the number's 64 bits in
 * reverse order]: the numbers of a batch spread over each value's range as
 * tokens did, instead of piling up at its end (pages split in half, left
 * half full). */
#define CASE_SEQ_IDX 0x03
/* Under numbers a case's clock is stored under [SYNC_SEQ_CLOCK][its number,
 * 8 bytes]: after every kind's clocks ([kind][...]), so that an import's
 * new clocks append; its value holds no id (the case under that number
 * has it, store_case_seq_clock_id), the tag binds it to its number. */
#define SYNC_SEQ_CLOCK 0x81
#define SYNC_SEQ_KEY(k) ((k)->mv_size == CASE_SEQ_LEN && \
                         ((const unsigned char *)(k)->mv_data)[0] == SYNC_SEQ_CLOCK)
/* The id of the case whose clock is under key k (SYNC_SEQ_KEY): read from
 * the case under the same number, which must map back to it: 0, WT_EPERM
 * (the case key is locked) or WT_ECORRUPT (no such case, or it does not
 * open or map back). */
int store_case_seq_clock_id(struct store_txn *t, const MDB_val *k, char id[WT_MAX_ID + 1]);
/* True when k is an index suffix [CASE_SEQ_IDX][8 bytes]. */
bool store_is_case_seq_idx(const MDB_val *k);
/* The index suffix of number key k into out (CASE_SEQ_LEN bytes). */
void store_case_seq_idx(const MDB_val *k, unsigned char out[CASE_SEQ_LEN]);
#define CASE_SEQ_VALUE_AD "#"
/* True when the cases of s are stored under numbers. */
bool store_case_seq(const struct store *s);
/* True when k is a number key ([CASE_SEQ][8 bytes]). */
bool store_is_case_seq(const MDB_val *k);
/* True when k is an entry of the map ([CASE_MAP][16 bytes]). */
bool store_is_case_map(const MDB_val *k);
/* The number in number key k. */
uint64_t store_case_seq_of(const MDB_val *k);
/* The associated data a stored key k stands for: "#" and hex for a token or
 * a number, else the key itself (an id, cut at WT_MAX_ID). */
void store_key_ad(const MDB_val *k, char ad[CASE_AD_LEN]);
/* The number key of case id in buf: its map entry's; when it has none, a
 * new number (create; the map entry is written) or a key that no case has.
 * Size 0 without the id key. Needs s->idkey loaded (store_case_idkey). */
MDB_val store_case_seq_key(struct store_txn *t, const char *id, bool create,
                           unsigned char buf[CASE_KEY_LEN]);
/* The key in "cases" of the case whose token key is tk ([CASE_TOKEN][16],
 * as index entries end): tk itself, or in buf the number the map gives
 * (size 0 when the map has none); for an index suffix (CASE_SEQ_IDX) the
 * number key in buf. */
MDB_val store_case_token_rec(struct store_txn *t, const MDB_val *tk,
                             unsigned char buf[CASE_KEY_LEN]);
/* Removes case id's map entry (after the case was deleted); 0 or the sticky error. */
int store_case_unmap(struct store_txn *t, const char *id);
/* Frees what store_case_seq_key remembered for t (the end of a transaction). */
void store_case_memo_free(struct store_txn *t);
/* Writes the next case number to meta when it moved (before a commit). */
int store_case_seq_flush(struct store_txn *t);
/* Moves every case and case key stored under its token under a new number
 * (a fresh case key each; numbers in id order) with a map entry, and sets
 * meta "case-seq"; needs the case key. Returns how many moved, or -1 (the
 * sticky error is set). A case whose value does not open stays under its
 * token, for check to report. */
int store_case_seq_hide(struct store_txn *t);
/* True when an encrypted database still has that step to do. */
bool store_case_seq_pending(const struct store *s, MDB_txn *txn);
/* The same as store_rec_key, but a case without a number gets one. */
MDB_val store_rec_key_new(struct store_txn *t, enum wt_kind kind, const char *id,
                          unsigned char buf[CASE_KEY_LEN]);
/* check.c's part (caseseq.c): the map's entries: each names a number that
 * holds a case, no two the same number; reports each problem, returns how many. */
size_t store_case_map_check(struct store_txn *t, store_report_fn report, void *ctx);

/* index.c: the id of the case stored under token tk (opened): 0,
 * WT_ENOTFOUND, WT_EPERM or WT_ECORRUPT. */
int index_token_id(struct store_txn *t, enum wt_kind kind, const MDB_val *tk,
                   char id[WT_MAX_ID + 1]);
/* index.c: rebuilds the index of one kind from its records. */
int index_rebuild_kind(struct store_txn *t, enum wt_kind kind);
/* each.c: reads the value v stored under key k of kind's database, under
 * a token or an id, like store_value_read. */
int store_read_stored(struct store_txn *t, enum wt_kind kind, const MDB_val *k, const MDB_val *v,
                      struct wt_record *out);
/* crypto.c: store_value_open for a value found under token key k (the id
 * not known before): the record's id must give k. */
int store_value_open_token(const struct store *s, enum wt_kind kind,
                           const unsigned char k[CASE_KEY_LEN], const unsigned char *wkey,
                           size_t wlen, const unsigned char *val, size_t len,
                           struct wt_record *out);
/* crypto.c: store_value_open for a value found under number key k (the id
 * not known before; that it maps back to k is check's to verify). */
int store_value_open_seq(const struct store *s, enum wt_kind kind, const MDB_val *k,
                         const unsigned char *wkey, size_t wlen, const unsigned char *val,
                         size_t len, struct wt_record *out);
/* sync.c: after a delete: the record's clocks go, a tombstone comes. */
int store_sync_deleted(struct store_txn *t, enum wt_kind kind, const char *id);
/* sync.c: rewrites every clock value of format 1 (schema 4) in format 2. */
int store_clock_migrate(struct store_txn *t);
/* tomb.c: in an encrypted database a tombstone's key is [kind][TOMB_HASHED]
 * [keyed BLAKE2b of the id, TOMB_HASH bytes] and its value carries the id
 * sealed (docs/security.md); elsewhere, and for tombstones written before,
 * the key is [kind][id] like a clock's. */
#define TOMB_HASHED 0x01 /* never a byte of an id */
#define TOMB_HASH 16
#define TOMB_KEY_LEN (2 + TOMB_HASH)
/* sync.c: the length of a tombstone value without its integrity tag (0 when its
 * format is unknown), and the tag appended to val[0..len) for key k, which also
 * sets the value's format byte: the new length, 0 without an integrity key. */
size_t sync_tomb_body(const unsigned char *p, size_t len);
size_t sync_tomb_tag(struct store_txn *t, const MDB_val *k, unsigned char *val, size_t len);
/* The hashed key of kind/id into k: TOMB_KEY_LEN, or 0 when there is none
 * (a plain database, a locked compartment, no secret yet and !create). */
size_t tomb_key(struct store_txn *t, enum wt_kind kind, const char *id, bool create,
                unsigned char k[TOMB_KEY_LEN]);
/* Seals id for the value of hashed key k (made by tomb_key just before) into
 * out (STORE_SEAL_LEN(strlen(id)) bytes); returns that length. */
size_t tomb_seal_id(struct store_txn *t, const unsigned char k[TOMB_KEY_LEN], const char *id,
                    unsigned char *out);
/* The id sealed in a hashed tombstone, checked against its key: 0, WT_EPERM
 * (its compartment is locked) or WT_ECORRUPT. */
int tomb_open_id(struct store_txn *t, const unsigned char *k, size_t klen,
                 const unsigned char *sealed, size_t slen, char id[WT_MAX_ID + 1]);

/* bundle.c: the team's bundle key of a compartment, from its data key. */
void store_bundle_key(const unsigned char dkey[32], unsigned char out[32]);

/* sync.c: writes the HLC and sequence back to meta (before a commit). */
int store_sync_flush(struct store_txn *t);

/* Translates an LMDB (or errno) code to a wt_err; the one place that does. */
int store_err_code(int rc);
/* A Dutch sentence for an LMDB (or errno) code. */
const char *store_err_text(int rc);
/* Marks the transaction failed with an LMDB code; returns the wt_err. */
int store_txn_mdb_fail(struct store_txn *t, int rc, const char *what);
/* Replaces the value under cursor c (positioned on key k, as mdb_cursor_get
 * left it) with v: mdb_cursor_put(MDB_CURRENT) with a copy of the key. A
 * value of another size makes LMDB move the node within its page, and a key
 * that points into that page would change under the put (issue 19: sealing a
 * plain log broke its chain). Returns LMDB's code. */
int store_cursor_replace(MDB_cursor *c, const MDB_val *k, MDB_val *v);

/* Largest part of a folded value kept in an index key (LMDB keys are at most 511 bytes). */
#define INDEX_VALUE_MAX 400

/* Calls fn with every index key of r (hashed values in an encrypted database). */
typedef int (*index_key_fn)(void *ctx, const MDB_val *key);
int index_each_key(struct store *s, const struct wt_record *r, index_key_fn fn, void *ctx);
/* The same in a transaction: under case numbers (store_case_seq) the keys of
 * index.cases end in the case's number (looked up here) instead of its token;
 * index_each_key, which has no transaction (helpers), still ends them in
 * the token, for the caller to swap (batch.c). */
int index_each_key_in(struct store_txn *t, const struct wt_record *r, index_key_fn fn, void *ctx);

/* journal.c: re-seals the log and review queue after the general key changed
 * (oldk NULL: they were plain and get sealed). */
int store_journal_reseal(struct store_txn *t, const unsigned char *oldk,
                         const unsigned char newk[32]);
/* journal.c: moves the review queue's conflicts about cases and actions from
 * the general key to the case key (both held). */
int store_review_reseal_cases(struct store_txn *t);
/* journal.c: rewrites the whole log in format 3 with the keys held now (both
 * needed) and chains it anew: entries that were plain (plain set), sealed
 * with the general key oldgen (format 2), or sealed to the log key derived
 * from oldcase (NULL: the log key did not change). An entry that does not
 * open stays as stored. */
int store_log_rewrite(struct store_txn *t, bool plain, const unsigned char *oldgen,
                      const unsigned char *oldcase);
/* keymigrate.c: true when an encrypted database still waits for a part of
 * schema 6's step that the keys now held can do: tagging clocks (general
 * key), moving what names cases under the case key (case key). */
bool store_keys_pending(struct store *s);
/* keymigrate.c: does those parts in the caller's write. */
int store_keys_upgrade(struct store_txn *t);
/* keymigrate.c: that step, in the caller's write (both keys held). */
int store_keys_migrate(struct store_txn *t);
/* journal.c: copies n bytes of src into dst (cap bytes), cut, NUL-ended,
 * tabs and newlines made spaces. */
void store_copy_field(char *dst, size_t cap, const char *src, size_t n);
/* journal.c: the log's key of entry seq (8 bytes big-endian) and its decimal name. */
void store_log_seq_key(uint64_t seq, unsigned char k[8], char name[24]);
/* journal.c: the log's chain hashes are STORE_LOG_HASH bytes; an entry
 * sealed to the log's public key (logseal.c) starts with STORE_LOG_V3, or
 * with STORE_LOG_V4 when it is sealed with the key of the format 3 entry
 * before it (the same batch) and does not repeat that entry's ephemeral key. */
#define STORE_LOG_HASH 32
#define STORE_LOG_V3 3
#define STORE_LOG_V4 4
/* journal.c: reads an entry's text form (len bytes); 0, or WT_ECORRUPT when it is not one. */
int store_log_parse_entry(const char *text, size_t len, struct store_log_entry *e);
/* journal.c: meta "log-tip": the last entry's number and chain hash (0 and
 * zeros for an empty log); an error when it does not read. */
int store_log_read_tip(struct store_txn *t, uint64_t *seq, unsigned char hash[STORE_LOG_HASH]);
/* journal.c: the chain hash of an entry's text after the previous hash prev. */
void store_log_chain_hash(const unsigned char prev[STORE_LOG_HASH], const char *text, size_t len,
                          unsigned char out[STORE_LOG_HASH]);
/* journal.c: writes meta "log-tip": the last entry's number and chain hash. */
int store_log_tip_put(struct store_txn *t, uint64_t seq, const unsigned char hash[32]);
/* journal.c: appends without draining the spool. */
int store_log_append_many_raw(struct store_txn *t, struct store_log_entry *e, size_t n);
/* journal.c: appends n entries like store_log_append_many, in two steps:
 * begin chains them; an encrypted log's entries are sealed in chunks, as jobs
 * on par while the caller goes on in the same transaction (with par NULL, by
 * finish). e stays with the caller until finish, which puts them; nothing
 * else logs in between. */
struct par;
struct store_log_batch;
struct store_log_batch *store_log_batch_begin(struct store_txn *t, struct store_log_entry *e,
                                              size_t n, struct par *par);
int store_log_batch_finish(struct store_txn *t, struct store_log_batch *lb);
/* journal.c: deletes the spool files drained by the write just committed. */
void store_spool_done(struct store *s);
/* journal.c: checks the access log's chain; returns the number of problems.
 * *unopened: entries whose chain was checked but whose text the keys held do
 * not open (format 3 without the case key); SIZE_MAX when nothing could be
 * checked (the general key is locked). */
size_t store_log_verify(struct store_txn *t, store_report_fn report, void *ctx,
                        size_t *unopened);

/* logseal.c: the access log's keys (entry format 3, see there). */
/* The log's key pair, derived from the case key. */
void store_log_keypair(const unsigned char case_key[32], unsigned char pk[32],
                       unsigned char sk[32]);
/* The key of the log's chain tags, derived from the general key. */
void store_log_chainkey(const unsigned char gen_key[32], unsigned char ck[32]);
/* One batch of entries sealed to the log's public key: an ephemeral key pair. */
struct store_log_sealer {
    unsigned char eph_pk[32];
    unsigned char k[32];
};
int store_log_sealer_init(struct store_log_sealer *ls, const unsigned char log_pk[32]);
/* Writes [ephemeral public key][sealed plain] into out (STORE_LOG_BODY_LEN(plen) bytes). */
#define STORE_LOG_BODY_LEN(plen) (32 + STORE_SEAL_LEN(plen))
void store_log_seal_into(const struct store_log_sealer *ls, const unsigned char *plain,
                         size_t plen, unsigned char *out);
/* Opens entries with the log's secret key (derived from the case key),
 * keeping the last ephemeral key's shared key. */
struct store_log_opener {
    unsigned char pk[32], sk[32];
    bool have;
    unsigned char eph_pk[32], k[32];
};
void store_log_opener_init(struct store_log_opener *lo, const unsigned char case_key[32]);
void store_log_opener_fini(struct store_log_opener *lo);
/* Opens a body written by store_log_seal_into; WT_ECORRUPT when not authentic. */
int store_log_unseal(struct store_log_opener *lo, const unsigned char *body, size_t len,
                     unsigned char **out, size_t *olen);
/* Format 4: the plain of entry seq sealed with the batch's key (XChaCha20-
 * Poly1305, the nonce and associated data made of seq: each number is sealed
 * once under a batch's fresh key), without the ephemeral key and the random
 * nonce: STORE_LOG_NEXT_LEN(plen) bytes into out. */
#define STORE_LOG_NEXT_LEN(plen) ((plen) + 16)
void store_log_seal_next(const struct store_log_sealer *ls, uint64_t seq,
                         const unsigned char *plain, size_t plen, unsigned char *out);
/* Opens a format 4 body of entry seq with the key of the last body that
 * store_log_unseal opened (the format 3 entry before it); WT_ECORRUPT when
 * there is none or it is not authentic. */
int store_log_unseal_next(struct store_log_opener *lo, uint64_t seq, const unsigned char *body,
                          size_t len, unsigned char **out, size_t *olen);
/* The chain tag of the stored value val of entry seq. */
void store_log_tag(const unsigned char ck[32], uint64_t seq, const unsigned char *val, size_t len,
                   unsigned char tag[32]);
/* Writes meta "log-key" (the public key, sealed with the general key); needs both keys. */
int store_logkey_put(struct store_txn *t);
/* The log's public key: derived with the case key, else read from meta.
 * WT_ENOTFOUND when the database has none yet (entries of format 2). */
int store_logkey_get(struct store *s, MDB_txn *txn, unsigned char pk[32]);
/* 0 when meta "log-key" opens (and, with the case key, is the derived key);
 * WT_ENOTFOUND, WT_EPERM (general key locked) or WT_ECORRUPT. */
int store_logkey_verify(struct store_txn *t);

/* integrity.c: tags on clocks and tombstones, a digest over meta. */
#define STORE_ITAG 16
/* The key of the tags (from the general key; a fixed one when the database
 * is plain); false when the general key is locked. */
bool store_ikey(const struct store *s, unsigned char key[32]);
/* The tag of one stored entry (what: "clock" or "tomb"). */
void store_itag(const unsigned char key[32], const char *what, const void *k, size_t klen,
                const void *v, size_t vlen, unsigned char tag[STORE_ITAG]);
/* Writes meta "meta-mac" for meta as the transaction leaves it (before a
 * commit); nothing when the general key is locked. */
int store_meta_mac_put(struct store_txn *t);
/* 0 when "meta-mac" matches; WT_ECORRUPT, WT_ENOTFOUND or WT_EPERM (locked). */
int store_meta_mac_check(struct store_txn *t);

/* crypto.c */
int store_crypto_init(void);
/* True when field f of kind links to a case from the general compartment (a
 * signal's case): sealed with the case key inside the value, indexed with
 * the case compartment's hash key. */
bool store_case_link(enum wt_kind kind, int f);
enum store_comp store_comp_of(enum wt_kind kind);
/* Seals plain under key with "tag\0id" as associated data; *out is malloc'd. */
void store_seal(const unsigned char key[32], const char *tag, const char *id,
                const unsigned char *plain, size_t plen, unsigned char **out, size_t *olen);
/* The length of a sealed value of plen bytes: [2][nonce 24][ciphertext][MAC 16]. */
#define STORE_SEAL_LEN(plen) (1 + 24 + (plen) + 16)
/* The same as store_seal, into out (STORE_SEAL_LEN(plen) bytes). */
void store_seal_into(const unsigned char key[32], const char *tag, const char *id,
                     const unsigned char *plain, size_t plen, unsigned char *out);
/* Opens a sealed value; WT_ECORRUPT when it is not authentic. */
int store_unseal(const unsigned char key[32], const char *tag, const char *id,
                 const unsigned char *val, size_t vlen, unsigned char **out, size_t *olen);
/* The stored value of r: encoded, and sealed in an encrypted database. */
int store_value_make(struct store_txn *t, const struct wt_record *r, unsigned char **out,
                     size_t *len);
/* Puts the stored value of r through cursor c (flags: MDB_APPEND or 0),
 * sealing it in place in an encrypted database; 0 or the sticky error. */
int store_value_put(struct store_txn *t, MDB_cursor *c, const struct wt_record *r,
                    unsigned flags);
/* Reads a stored value; WT_EPERM when its compartment is locked,
 * WT_ECORRUPT when damaged, tampered or swapped. */
int store_value_read(struct store_txn *t, enum wt_kind kind, const char *id,
                     const unsigned char *val, size_t len, struct wt_record *out);
/* The same with no LMDB call, on any thread: wkey (wlen bytes) is a case's
 * wrapped key as stored, NULL when there is none. */
int store_value_open(const struct store *s, enum wt_kind kind, const char *id,
                     const unsigned char *wkey, size_t wlen, const unsigned char *val, size_t len,
                     struct wt_record *out);
int store_casekey_destroy(struct store_txn *t, const char *id);
/* A record's value sealed away from LMDB, on any thread (an import's
 * helpers): a case gets a fresh key of its own, wrapped in wkey. */
struct store_sealed {
    unsigned char *val;
    size_t len;
    bool has_key;
    unsigned char wkey[STORE_SEAL_LEN(32)];
    /* Under numbers the key is wrapped once the number is known (the
     * store's thread, store_value_put_sealed): the key itself, until then. */
    bool wrap_later;
    unsigned char rawkey[32];
};
/* NULL when the store is plain or the record's compartment is locked. */
struct store_sealed *store_seal_record(const struct store *s, const struct wt_record *r);
void store_sealed_free(struct store_sealed *sv);
/* Puts a value sealed by store_seal_record (and a case's key) like store_value_put. */
int store_value_put_sealed(struct store_txn *t, MDB_cursor *c, const struct wt_record *r,
                           const struct store_sealed *sv, unsigned flags);
/* A helper thread, as it ends: wipes its random bytes, frees its index hashes. */
void store_thread_end(void);
/* Case keys made between these two (for cases stored in id order) go through
 * one cursor; a key for an id beyond the last is appended without a look-up. */
int store_casekey_batch_begin(struct store_txn *t);
void store_casekey_batch_end(struct store_txn *t);
/* Writes the keyed hash of folded into out (at least 33 bytes), as text
 * (see short_hash); returns its length. */
size_t store_index_value(struct store *s, enum store_comp c, const char *folded, char *out,
                         size_t cap);
/* The compartment whose hash key indexes field f of kind. */
enum store_comp store_index_comp(enum wt_kind kind, int f);
void store_derive_hkey(const unsigned char dkey[32], unsigned char hkey[32]);
/* Index hashes in the short form from now on (before the indexes are rebuilt). */
int store_short_hash_on(struct store_txn *t);
void store_wipe_keys(struct store *s);
/* Forgets the cached index hashes (the hash keys changed): the calling
 * thread's table goes, the others' are no longer used. */
void store_hcache_clear(struct store *s);

/* Builds [field][folded value, truncated][0] (+ id when not NULL) into out
 * (at least 512 bytes); returns the length. Keys live in the kind's index database. */
size_t index_key_build(unsigned char *out, int field, const char *folded, const char *id);

/* Inserts n keys (sorted here, duplicates allowed) into the kind's index;
 * keys[i] point into caller memory. */
int index_put_keys(struct store_txn *t, enum wt_kind kind, MDB_val *keys, size_t n);

/* LMDB's default key order: memcmp, then the shorter first. */
int store_key_cmp(const MDB_val *a, const MDB_val *b);

/* Adds or removes the index entries of r. */
int index_put_record(struct store_txn *t, const struct wt_record *r);
int index_del_record(struct store_txn *t, const struct wt_record *r);

/* Rebuilds every index from the records (migration, repair). */
int index_rebuild(struct store_txn *t);
/* Rebuilds only the indexes of the kinds with a column hashed with
 * compartment c's key (after c's key was rotated). */
int index_rebuild_comp(struct store_txn *t, enum store_comp c);

/* The rooms of the store and what they share (store.c, schema.c, txn.c,
 * record.c, batch.c, each.c, meta.c, backup.c). */
/* store.c: makes dir and its parents (0700); 0 or -1 with errno. */
int store_mkdir_p(const char *dir);
/* store.c: opens the environment again (after its data file was replaced or
 * LMDB panicked) with the named databases; an LMDB code. */
int store_reopen_env(struct store *s, size_t mapsize);
/* schema.c: opens the named databases in txn (flags: MDB_CREATE or 0). */
int store_open_dbis(struct store *s, MDB_txn *txn, unsigned flags);
/* schema.c: at open: opens the named databases, or creates or migrates them
 * (existed: the data file was there before). */
int store_open_schema(struct store *s, bool existed, struct wt_error *err);
/* schema.c: takes the index hash form that txn sees in meta. */
void store_hash_form(struct store *s, MDB_txn *txn);
/* txn.c: takes the writer lock (waiting up to the store's lock timeout). */
int store_lock_writer(struct store *s, struct wt_error *err);
/* txn.c: forgets spool files taken by an aborted write. */
void store_spool_forget(struct store *s);
/* The LMDB key of an id or meta name (not copied). */
static inline MDB_val store_id_key(const char *id)
{
    MDB_val k = {strlen(id), (void *)id};
    return k;
}

/* keyring.c's helpers that rotate.c shares. */
extern const char *const keyring_comp_names[COMP_COUNT]; /* "gen", "case": meta suffixes */
/* Decodes base64 s into a new *bin of *n bytes; nonzero when s is not base64. */
int keyring_unb64(const char *s, unsigned char **bin, size_t *n);
/* The meta name of a member's keyslot part ("key/MEMBER/what"). Caller frees. */
char *keyring_slot_key(const char *member, const char *what);
/* Puts or gets a keyring meta value as stored (never sealed). */
int keyring_meta_put(struct store_txn *t, const char *key, const char *value);
int keyring_meta_get(MDB_txn *txn, struct store *s, const char *key, char **out);
/* Seals the key of compartment c to the member's public key pk, in t. */
void keyring_seal_to(struct store_txn *t, const char *member, const unsigned char pk[32],
                     enum store_comp c, const unsigned char dkey[32]);
/* Writes the ids of the data keys held now. */
void keyring_keyid_put(struct store_txn *t);

#endif
