/* policy_int.h: the policy room's parts shared inside the app layer (policy.c, policy_names.c). */
#ifndef WIJKTAFEL_POLICY_INT_H
#define WIJKTAFEL_POLICY_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "app_int.h"

/* ---- names (policy_names.c, meeting_names.c) ---- */

/* Initials of a name, Dutch particles small ("Jan de Vries" -> "J.d.V.");
 * particle_first: the name is a surname that may start with one ("van der
 * Berg" -> "v.d.B."). Caller frees. */
char *policy_initials(const char *name, bool particle_first);

/* True when word is a name particle (de, van, der, ...), any case. */
bool policy_is_particle(const char *word);

/* The names of people who are not team members, for the beamer: every
 * resident and talent, each as the full name, every part (first name,
 * surname) and the surname with its particles. */
struct policy_names;
/* An empty set, read when the database's change sequence was seq. */
struct policy_names *policy_names_new(uint64_t seq);
uint64_t policy_names_seq(const struct policy_names *n);
void policy_names_set_seq(struct policy_names *n, uint64_t seq);
/* Adds a person's name with its parts. */
void policy_names_add(struct policy_names *n, const char *name);
/* Receives one part of a name: its key (folded words joined by one space),
 * its initials and how many words it has. */
typedef void (*policy_part_fn)(void *ctx, const char *key, const char *initials, size_t words);
/* Hands fn every part of name that the beamer hides: the full name, each
 * first name and surname, the surname with its particles. */
void policy_name_parts(const char *name, policy_part_fn fn, void *ctx);

/* The stored name dictionary is split by a key's first letter: "names/a"
 * ... "names/z", and "names/_" for the rest. */
#define POLICY_SHARDS 27
/* The shard (0 .. POLICY_SHARDS - 1) that holds key. */
int policy_shard_of(const char *key);
/* Takes text, a stored shard s as read ("key\tinitials\tcount\n" lines sorted
 * by key, then initials), as part of n's names: searched in place, freed
 * with n. False when a line is not well formed (what follows it is left
 * out: the caller must not trust n). */
bool policy_names_take_shard(struct policy_names *n, int s, char *text);
void policy_names_free(struct policy_names *n);
/* Reads the names of every case (shielded ones too) and talent in t into
 * *out (caller frees); a volunteer's keys give the talents only. 0 or a
 * read error. */
int policy_names_read(struct store_txn *t, struct policy_names **out);
/* A copy of text in which every known name or name part (whole words, case
 * and accents ignored, the longest first) is replaced by its initials.
 * n may be NULL (a plain copy). Caller frees. */
char *policy_names_redact(const struct policy_names *n, const char *text);

/* ---- the stored name dictionary (policy_dict.c) ----
 * Every part of every name the beamer hides (residents of cases, talents),
 * with the number of people who have it, sealed with the case key in meta
 * "names/...": the beamer reads it at once instead of every case. Every
 * write that adds, changes or removes such a person changes it in the same
 * transaction; "names/state" says it is complete. */

/* Changes to the dictionary gathered in one write, applied at once. */
struct policy_dict_delta;
struct policy_dict_delta *policy_dict_delta_new(void);
void policy_dict_delta_free(struct policy_dict_delta *d);
/* Counts r's name (a case's resident, a talent's name) once more (sign 1) or
 * once less (sign -1); other kinds and damaged records count nothing. */
void policy_dict_delta_record(struct policy_dict_delta *d, const struct wt_record *r, int sign);
/* Applies d to the stored dictionary in t (nothing when there is none yet).
 * Without the case key the dictionary cannot follow: it is removed, to be
 * built again by the next member who holds the key. d is merged in place
 * (sorted, equal entries added up: the same counts), not copied, so that an
 * import's peak does not hold its names twice. Returns t's error. */
int policy_dict_apply(struct store_txn *t, struct policy_dict_delta *d);

/* Before kind/id becomes now in t (now NULL: deleted): the dictionary
 * follows (one read of the stored version). Returns t's error. */
int policy_dict_replace(struct store_txn *t, enum wt_kind kind, const char *id,
                        const struct wt_record *now);
/* store_put and store_del with the dictionary kept (every kind). */
int policy_put(struct store_txn *t, const struct wt_record *r);
int policy_del(struct store_txn *t, enum wt_kind kind, const char *id);

/* Builds the dictionary in t from every case and talent, replacing what was
 * stored. WT_EPERM without the case key. */
int policy_dict_rebuild(struct store_txn *t);
/* An empty, complete dictionary (a new database). */
int policy_dict_init(struct store_txn *t);
/* Reads the stored dictionary into *out (caller frees): 0, WT_ENOTFOUND when
 * the database has none (yet), WT_EPERM without the case key, WT_ECORRUPT
 * when a value is damaged, or a read error. */
int policy_dict_load(struct store_txn *t, struct policy_names **out);
/* At open: builds the dictionary when it is missing and this app may write
 * and holds the case key (a database from before it, or one a volunteer's
 * write left without). 0 or the write's error. */
int policy_dict_ensure(struct app *a, struct wt_error *err);
/* For check: compares the stored dictionary with one built from the records;
 * each difference is handed to report. Returns the number of problems. */
size_t policy_dict_check(struct store_txn *t, void (*report)(void *, const char *), void *ctx);

/* ---- shaping what a read hands out (policy.c) ---- */

/* One read (a transaction) of the app: remembers which linked case ids it
 * found hidden, so that each is looked up once. */
struct policy_read {
    struct app *a;
    struct store_txn *t;
    struct idset shown, hidden;
};

/* Starts shaping the records of transaction t; on the beamer it first reads
 * the names to hide (again when the database changed since). 0 or a read
 * error (p is usable for policy_read_fini either way). */
int policy_read_init(struct policy_read *p, struct app *a, struct store_txn *t);
void policy_read_fini(struct policy_read *p);

/* True when this app may not receive the case record c at all: a shielded
 * case of another owner for a professional, every case for a volunteer,
 * every shielded or damaged case on the beamer and the wall, and every
 * closed case on the wall (an app opened readonly). */
bool policy_case_hidden(const struct app *a, const struct wt_record *c);

/* True when case_id names a case this app may not receive (looked up in the
 * read's transaction; an id of no case is not hidden). */
bool policy_id_hidden(struct policy_read *p, const char *case_id);

/* Whether the member receives the caseload beside the time balance: not in
 * beamer mode (nor on the wall), not a volunteer (issue 21). */
bool policy_caseload_shown(const struct app *a);

/* projects.c: a volunteer receives projects and partners of their own area
 * only (an area within theirs, or one theirs lies within); others all. */
bool policy_network_visible(const struct app *a, const struct wt_record *r);
/* Drops from out's projects.cases the cases the member may not see (a
 * volunteer: all of them). */
void policy_shape_project(struct policy_read *p, struct wt_record *out);
/* Puts back into r's projects.cases the ids of old that the member was not
 * shown, so that a write never drops a link the member could not see. */
void policy_restore_project(struct policy_read *p, struct wt_record *r,
                            const struct wt_record *old);

/* Fills out with r as the app may hand it out and returns true, or returns
 * false (out untouched) when r may not be handed out at all. On the beamer
 * and the wall: names as initials, free text without private lines and
 * without names, ages as bands, links to hidden cases gone; for a member:
 * links to cases they may not see masked. */
bool policy_shape(struct policy_read *p, const struct wt_record *r, struct wt_record *out);

/* Fills out with r, a record the read's member sent themselves (a
 * volunteer's care request in the review queue), as they may see it: as
 * sent, redacted for the room on the beamer. Returns true. */
bool policy_shape_own(struct policy_read *p, const struct wt_record *r, struct wt_record *out);

/* True when case_id names a shielded case the read's member may not see
 * (whatever their role may see of other cases), or any shielded case on the
 * beamer. */
bool policy_id_shielded(struct policy_read *p, const char *case_id);

/* Removes from r every link to a case the read's member may not see (a
 * signal's or action's case, chosen options naming one): for what leaves the
 * database for them (a bundle). */
void policy_strip_links(struct policy_read *p, struct wt_record *r);

/* A door of a round as the read may hand it out: no id of a hidden case; on
 * the beamer and the wall no address and no name in its notes. */
void policy_shape_door(struct policy_read *p, struct round_door *d);

/* Free text as the read may hand it out (beamer: no private lines, names as
 * initials; ids of hidden cases left out). Caller frees. */
char *policy_text(struct policy_read *p, const char *text);

/* Before r (as a member edited it) is stored: puts back what policy_shape
 * masked (a link to a case they may not see, hidden chosen options), from
 * the stored record. */
void policy_restore(struct app *a, struct wt_record *r);
/* True when v, in field f of kind, is what policy_shape put in place of a
 * link to a case (an export read back): policy_restore puts the stored link
 * back, so it is not read as an id. */
bool policy_masked_link(enum wt_kind kind, int f, const char *v);

/* The age band the wall shows for an age ("14" -> "12-17"); "" for none. */
const char *policy_age_band(const char *age);

#endif
