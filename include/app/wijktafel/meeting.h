/* meeting.h: the weekly meeting's use cases (app layer): the day's meeting, decisions, chosen
 * options, actions, signals, map checks, search, minutes, the wall, timeboxes, beamer names. */
#ifndef WIJKTAFEL_MEETING_H
#define WIJKTAFEL_MEETING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wijktafel/app.h"

/* The standing agenda items, in their order. */
enum meeting_item {
    MEETING_ACTIONS,
    MEETING_CASES,
    MEETING_SIGNALS,
    MEETING_NETWORK,
    MEETING_DECISIONS,
    MEETING_NITEMS
};

/* ---- the meeting of the day (meeting.c) ---- */

/* Records that today's meeting has been held (meta "meeting/D/opened") and,
 * the first time today, a fingerprint of the social map, so that the next
 * meeting can show what changed. Idempotent. Errors: store write errors. */
int meeting_open(struct app *a, struct wt_error *err);

/* Refreshes today's fingerprint of the social map (called when the chair
 * closes the screen). Errors: store write errors. */
int meeting_close(struct app *a, struct wt_error *err);

/* The seconds spent on each agenda item of today's meeting (n items), kept
 * in meta "meeting/D/times" (sealed like the meeting's notes) so that a
 * restarted screen goes on counting. get returns how many it read (0 when
 * none or unreadable; secs zeroed first). */
int meeting_times_put(struct app *a, const unsigned *secs, int n, struct wt_error *err);
int meeting_times_get(struct app *a, unsigned *secs, int n);

/* The date of the previous meeting (before today): the latest meeting held
 * with this program, else the latest actions.meeting before today, else a
 * week ago. Never fails. */
int32_t meeting_previous(struct app *a);

/* The decisions of the meeting of day, one per line, into *out (caller
 * frees; "" when none). Errors: WT_EIO. */
int meeting_decisions_get(struct app *a, int32_t day, char **out, struct wt_error *err);

/* Replaces the decisions of today's meeting with text (valid UTF-8, at most
 * WT_MAX_FIELD_BYTES * 4 bytes). Errors: WT_EPERM (volunteers), WT_EINVAL,
 * store write errors. */
int meeting_decisions_put(struct app *a, const char *text, struct wt_error *err);

/* Stores a new record r (case, action, signal, resource or talent) with a
 * fresh id ("c-014", "a-013", "s-041", ...) when r has none; defaults: a case
 * gets opened = today and owner = the member (not for a volunteer), an action
 * meeting = today and status open, a signal date = today, reporter = the
 * member and status new. Validates (WT_EINVAL with a message that names the column) and
 * checks references; WT_EPERM when the member's role may not. A volunteer's
 * record goes to the review queue (app_goes_to_review) instead. On success r
 * holds the stored values (with its id). Logged as "create". */
int meeting_add(struct app *a, struct wt_record *r, struct wt_error *err);
/* As meeting_add; made (when not NULL) receives the new record's id, or the
 * submission's id when it went to review. */
int meeting_add_made(struct app *a, struct wt_record *r, char made[WT_MAX_ID + 1],
                     struct wt_error *err);

/* Replaces an existing record by r: app_put (roles, review, access log). */
int meeting_update(struct app *a, struct wt_record *r, struct wt_error *err);

/* Reads a record the member may see WITHOUT an access-log entry: for a screen
 * that shows a record only once the selection rests on it, and then logs the
 * view itself with app_log(a, "view", ...). 0, WT_ENOTFOUND or a read error;
 * out is always initialised. */
int meeting_peek(struct app *a, enum wt_kind kind, const char *id, struct wt_record *out);

/* The changes below check the member's role (WT_EPERM), log a "change", and
 * for a volunteer go to the review queue instead (without a note in the
 * minutes). */

/* Sets an action's status ("open", "done" or "dropped") and notes it in the
 * minutes of today. Errors: WT_ENOTFOUND, WT_EINVAL, store write errors. */
int meeting_action_status(struct app *a, const char *id, const char *status,
                          struct wt_error *err);

/* Moves an action's due date to due and notes it in today's minutes. */
int meeting_action_move(struct app *a, const char *id, int32_t due, struct wt_error *err);

/* Gives option opt_id (an id, or "A+B" for a composite option) chosen for
 * case_id its outcome: "worked", "failed" or "dropped" (cases.chosen gets
 * "opt_id:outcome", replacing one given before); outcome NULL un-chooses it.
 * The same write path as every change (review, log, undo). WT_ENOTFOUND when
 * the option is not chosen or the case is not the member's to see. */
int meeting_chosen_outcome(struct app *a, const char *case_id, const char *opt_id,
                           const char *outcome, struct wt_error *err);

/* Records the option (type, id, name) as chosen for case_id: appends the id
 * to cases.chosen (once) and notes it in today's minutes. WT_ENOTFOUND for a
 * case the member may not see. */
int meeting_choose(struct app *a, const char *case_id, enum app_option_type type, const char *opt_id,
                   const char *opt_name, struct wt_error *err);

/* Sets a signal's status ("new", "discussed", "taken-up", "closed"). */
int meeting_signal_status(struct app *a, const char *id, const char *status,
                          struct wt_error *err);

/* Links a signal to a case (case_id NULL or "" removes the link). */
int meeting_signal_link(struct app *a, const char *id, const char *case_id,
                        struct wt_error *err);

/* Marks a social-map entry as checked today. */
int meeting_resource_checked(struct app *a, const char *id, struct wt_error *err);

/* ---- what changed in the social map (meeting_map.c) ---- */

enum meeting_change { MEETING_SAME, MEETING_NEW, MEETING_CHANGED };

struct meeting_changes;

/* What changed in resources and talents since the previous meeting, compared
 * with that meeting's fingerprint; without one (the first meetings), what
 * was checked or got consent since the previous meeting or in the last four
 * weeks, whichever is longer. Free with meeting_changes_free. */
int meeting_changes_new(struct app *a, struct meeting_changes **out, struct wt_error *err);
enum meeting_change meeting_changes_of(const struct meeting_changes *c, const struct wt_record *r);
void meeting_changes_free(struct meeting_changes *c);

/* ---- who was present (meeting_present.c) ---- */

/* The members present at the meeting of day: those who opened the screen
 * that day (meeting_open), as corrected by meeting_present_put; a ';'-list of
 * member ids in id order into *out (caller frees; "" when none). */
int meeting_present_get(struct app *a, int32_t day, char **out, struct wt_error *err);

/* Replaces today's members present by ids (a ';'-list of member ids).
 * WT_EINVAL ("aanwezig: ID is geen lid van het team") for an id of no
 * member, nothing changed; WT_EPERM for a volunteer. */
int meeting_present_put(struct app *a, const char *ids, struct wt_error *err);

/* ---- minutes (meeting_minutes.c) ---- */

/* The minutes of the meeting of day as Markdown: the members present (by
 * name), decisions, chosen options with case ids and their outcome (never a
 * resident's name: names in free text are replaced by initials), new (owners
 * by name), closed and moved actions, closed cases, the signals recorded for
 * that day (reporters by name) and the changes of signals' status, and the
 * review decisions (accepted, rejected, merged). WT_ENOTFOUND when no
 * meeting was held that day and nothing was recorded. */
int meeting_minutes(struct app *a, int32_t day, struct buf *out, struct wt_error *err);

/* ---- names on the wall (meeting_names.c) ---- */

/* Initials of a full name with Dutch particles kept small: "Jan de Vries" ->
 * "J.d.V.", "Anneke van der Berg" -> "A.v.d.B.". Caller frees. */
char *meeting_initials(const char *name);

/* A copy of text without its private lines (those starting with "privé:",
 * "prive:" or "[privé]", any case): what the wall may show. Caller frees. */
char *meeting_strip_private(const char *text);

/* ---- search (meeting_search.c) ---- */

struct meeting_hit {
    enum wt_kind kind;
    const char *id;    /* valid while the search lives */
    const char *label; /* short description, beamer-safe when built for the beamer */
};

struct meeting_search;

/* An index over every record the app hands out (app_each): in beamer mode
 * without shielded cases, names as initials, so that a search never matches
 * what the wall may not show. Free with meeting_search_free. */
int meeting_search_new(struct app *a, struct meeting_search **out, struct wt_error *err);
void meeting_search_free(struct meeting_search *s);

/* Starts a search for query (accent- and case-insensitive substring, words
 * in any order). Refines the previous hits when query extends the last one. */
void meeting_search_start(struct meeting_search *s, const char *query);

/* Scans at most budget records; returns true when the search is complete. */
bool meeting_search_step(struct meeting_search *s, size_t budget);

size_t meeting_search_nhits(const struct meeting_search *s);
/* The i-th hit (i < meeting_search_nhits), valid while the search lives. */
struct meeting_hit meeting_search_hit(const struct meeting_search *s, size_t i);
/* Number of records in the index. */
size_t meeting_search_size(const struct meeting_search *s);

/* ---- the wall (meeting_wall.c) ---- */

/* What the chair's screen has selected, for the wall. */
struct meeting_wall {
    int item;                 /* enum meeting_item */
    int pane;                 /* a view's own sub-choice (list tab, focused pane) */
    enum wt_kind kind;        /* the selected record's kind */
    char id[WT_MAX_ID + 1];   /* its id, "" when nothing is selected */
    unsigned long gen;        /* bumped by the chair after every change of data */
    int sort;                 /* the view's order */
    int opt;                  /* the option cursor (Casussen) */
    char filter[256];         /* the view's filter, its parts separated by tabs */
};

/* Writes w for the wall (a small file in the database folder, replaced
 * atomically). Errors: WT_EIO. */
int meeting_wall_publish(struct app *a, const struct meeting_wall *w, struct wt_error *err);

/* Reads the chair's latest selection; WT_ENOTFOUND when no chair has
 * published one, WT_EINVAL when unreadable. Never writes. */
int meeting_wall_read(struct app *a, struct meeting_wall *w);

/* ---- settings (meeting_config.c) ---- */

/* The timebox of each item in seconds: the [timebox] section of the config
 * file (minutes per item: actiepunten, casussen, signalen, netwerk,
 * rondvraag; decimals allowed), defaults 10, 30, 15, 10 and 10 minutes. */
void meeting_timeboxes(int seconds[MEETING_NITEMS]);

#endif
