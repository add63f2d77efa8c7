/* ui_int.h: what the files of the meeting screen share: keys, layout, drawing, views, the screen. */
#ifndef WIJKTAFEL_UI_INT_H
#define WIJKTAFEL_UI_INT_H

#include <curses.h>
#include <stdbool.h>
#include <stdio.h>
#include <wchar.h>

#include "wijktafel/app.h"
#include "wijktafel/date.h"
#include "wijktafel/meeting.h"
#include "wijktafel/ui.h"
#include "wijktafel/words.h"

/* ---- keys ----
 * One int per key: a character is its code point, a curses key code is
 * UI_KEY(code), so that the two never collide (KEY_MIN is a code point too). */
#define UI_KEY(k) (0x40000000 | (k))
#define UI_IS_KEY(k) (((k) & 0x40000000) != 0)
#define UI_CTRL(c) ((c) & 0x1f)
#define UI_ESC 27
#define UI_PASTE_BEGIN (KEY_MAX + 1) /* bracketed paste, through define_key */
#define UI_PASTE_END (KEY_MAX + 2)
#define UI_MIN_ROWS 24
#define UI_MIN_COLS 80
#define UI_WIDE_COLS 120 /* from here on more panes side by side */

/* Enter (CR, LF or the keypad's Enter). */
bool ui_key_enter(int key);

struct rect {
    int y, x, h, w;
};

/* ---- term.c: the terminal, owned by one file ---- */

/* Starts curses on the terminal (cbreak, no echo, keypad, mouse, bracketed
 * paste) and installs handlers that restore the terminal on SIGINT, SIGTERM,
 * SIGHUP, SIGSEGV, SIGBUS, SIGFPE and SIGABRT before re-raising. 0, or -1
 * when there is no usable terminal (message printed). */
int term_init(void);
/* Restores the terminal; safe to call twice. */
void term_fini(void);
/* True between term_init and term_fini (the first-start form hands the terminal on). */
bool term_active(void);
/* Leaves curses for a child program ($EDITOR) and comes back. */
void term_suspend(void);
void term_resume(void);
/* A file that a fatal signal (SIGTERM, SIGHUP, a crash) removes before the
 * process ends: the editor's temporary file while the editor runs. NULL:
 * none. The path is copied. */
void term_remove_on_signal(const char *path);
/* Reads one key (see UI_KEY) waiting at most ms (-1: forever); returns
 * false on timeout. Mouse events come as UI_KEY(KEY_MOUSE). */
bool term_read_key(int ms, int *key);

/* ---- theme.c ---- */

enum theme_role {
    TH_NORMAL, TH_STATUS, TH_STATUS_OVER, TH_BEAMER_ON, TH_TAB, TH_TAB_CUR, TH_HEADER, TH_SEL,
    TH_SEL_DIM, TH_FKEY_NUM, TH_FKEY_LABEL, TH_MSG, TH_ERROR, TH_DIM, TH_TITLE, TH_BORDER,
    TH_MARK, TH_INPUT, TH_NROLES
};

/* Sets up colours (none when NO_COLOR is set or the terminal has none). */
void theme_init(void);
/* The high-contrast beamer theme (true) or the normal one (false). */
void theme_set_beamer(bool on);
/* The curses attributes of a role in the current theme. */
attr_t theme_attr(enum theme_role r);
bool theme_is_mono(void);
/* The 256-colour palette of role r (xterm colour numbers) and its attribute
 * without colour: for the contrast test. */
void theme_colors256(bool beamer_on, enum theme_role r, short *fg, short *bg, attr_t *mono_attr);

/* ---- draw.c: every string from outside is made inert here ---- */

/* Display width of s (UTF-8) once made inert. */
int draw_width(const char *s);
/* Draws s (made inert, newlines as spaces) at y, x in at most w cells with
 * role's attributes; cuts with "…" when too long; fills the rest of w with
 * spaces when pad. Returns the cells drawn (without padding). */
int draw_text(int y, int x, int w, const char *s, enum theme_role role, bool pad);
/* Fills w cells with spaces. */
void draw_fill(int y, int x, int w, enum theme_role role);
/* Word-wraps s (inert; keeps newlines) into r, skipping the first skip
 * lines; returns the total number of lines s needs at width r.w. */
int draw_wrap(struct rect r, int skip, const char *s, enum theme_role role);
/* The number of lines s needs at width w. */
int draw_wrap_lines(int w, const char *s);
/* A frame around r with a title on its top edge; clears the inside. */
void draw_box(struct rect r, const char *title);
/* "label value" at line y of r, the value wrapped beside the label (label_w
 * cells); nothing for an empty value. Returns the next free line. */
int draw_field(struct rect r, int y, const char *label, const char *value, int label_w);
/* A pane's title line: the title in the title role, padded to w. */
void draw_title(int y, int x, int w, const char *title, bool focus);

/* ---- list.c: a windowed list: only the visible rows are ever drawn ---- */

struct list {
    size_t n;        /* rows */
    size_t top, sel; /* first visible row, selected row */
    int height;      /* visible rows, set by list_draw */
};

/* Draws one row i at y, x in w cells; sel: the selected row. */
typedef void (*list_row_fn)(void *ctx, size_t i, int y, int x, int w, bool sel);

/* Keeps sel and top in range and sel visible. */
void list_clamp(struct list *l);
/* Moves the selection for Up, Down, Home, End, Ctrl-F/Ctrl-B (page);
 * true when the key was one of those. */
bool list_key(struct list *l, int key);
/* Draws the visible rows of l into r (one row per line). */
void list_draw(struct list *l, struct rect r, list_row_fn row, void *ctx);
/* Selects the row shown at screen line y within r; true when there is one. */
bool list_click(struct list *l, struct rect r, int y);
/* Draws a row: cells separated by a space, widths w[i] (0 = take the rest,
 * negative = a column left out). */
void list_cells(int y, int x, int w, const char *const *cells, const int *widths, int n,
                enum theme_role role);

/* ---- pick.c: unknown areas and tags are asked about ---- */

struct ui;

/* When *value (an area typed in field label) is neither before nor a known
 * area of the database, asks whether the closest known one was meant (then
 * *value becomes it) or the new one is wanted; a known area in another case
 * or accent becomes its known spelling. 0, or WT_EINVAL with err when the
 * person wants to change it. */
int ui_pick_area(struct ui *u, const char *label, char **value, const char *before,
                 struct wt_error *err);
/* The same for each tag of the ';'-list *value that is neither in
 * vocabulary nor in before. */
int ui_pick_tags(struct ui *u, const char *label, char **value, const char *before,
                 const char *const *vocabulary, struct wt_error *err);
/* The areas the database knows (those of its records and the areas above
 * them), sorted, NULL-terminated: an area field's choices. Free with
 * ui_choices_free. */
char **ui_area_choices(struct ui *u);
void ui_choices_free(char **v);
/* The whole list of choices (NULL-terminated) to choose from, opened with
 * one key in a form field: typing narrows it (words of a choice starting
 * with the typed words, ignoring case and accents), Up/Down/PgUp/PgDn move,
 * Enter takes the selected one, Esc goes back. Starts narrowed by typed.
 * Returns the index in choices, or -1. */
int ui_pick_list(struct ui *u, const char *title, const char *const *choices,
                 const char *typed);

/* ---- layout.c: column widths from the content ---- */

/* One column of a table, as ui_fit_columns sizes it. */
struct ui_col {
    const char *head; /* its header: the column is never narrower (NULL or "": none) */
    int want;         /* the widest content (0 for the flex column); < 0: not shown */
    int least;        /* with shrink > 0: the width it may give way to */
    int shrink;       /* > 0: gives way to least, highest first, before any column is left out */
    int drop;         /* > 0: left out (-1), highest first, when shrinking is not enough */
};
/* Fills out[0..n) for a row of width: each column gets the wider of its
 * want and its header, and column flex the rest. While the rest is under
 * flex_min, the column with the highest shrink > 0 gives way towards its
 * least (as far as needed), then the column with the highest drop > 0 is
 * left out (out[i] = -1). The flex column's own want is ignored. Returns
 * what the flex column got before clamping to 1. */
int ui_fit_columns(const struct ui_col *cols, int n, int flex, int flex_min, int width, int *out);
/* The widest display width of column col among the records idx[0..n) of rs
 * (idx NULL: the first n), at least least: an id column that cuts no id. */
struct rows;
int ui_rows_width(const struct rows *rs, const size_t *idx, size_t n, int col, int least);
/* The widest display width among texts[0..n) (NULL counts 0), at least least,
 * at most cap when cap > 0. */
int ui_text_width_max(int least, const char *const *texts, size_t n, int cap);

/* ---- rows.c: the records a view holds ---- */

struct rows {
    struct wt_record *r;
    size_t n, cap;
};

/* Loads every record of kind the member may see (replacing what rs held). */
int rows_load(struct rows *rs, struct app *a, enum wt_kind kind, struct wt_error *err);
void rows_free(struct rows *rs);
/* The position in idx[0, n) of the row with id; false when absent. */
bool rows_find(const struct rows *rs, const size_t *idx, size_t n, const char *id, size_t *pos);

/* ---- sources.c: a signal's source: the usual words and the partners (issue 21) ---- */

struct ui_sources {
    struct rows partners;  /* the partners the member may see */
    const char **choices;  /* the usual words, then the partners' names; NULL-terminated */
    const char **ids, **names; /* the partners' ids and names, parallel, NULL-terminated */
};

/* Loads the partners the member may see into s (an error is shown, and the
 * usual words still work). Free with ui_sources_fini. */
void ui_sources_load(struct ui *u, struct ui_sources *s);
void ui_sources_fini(struct ui_sources *s);
/* What a stored source shows: the partner's name for a partner's id, else
 * the text as stored ("" for NULL). Valid while s is. */
const char *ui_source_shown(const struct ui_sources *s, const char *stored);
/* What to store for the source typed in the field label: one of the usual
 * words as typed; a partner's id for its id or name (as text_pick finds
 * it); any other text as typed. Two partners that fit: WT_EINVAL with err
 * naming the field. *out points into typed or s. */
int ui_source_stored(const struct ui_sources *s, const char *label, const char *typed,
                     const char **out, struct wt_error *err);

/* ---- lineedit.c: one line of text on wide characters ---- */

struct lineedit {
    wchar_t *s;
    size_t len, cap, cur; /* in characters */
    size_t scroll;        /* first character shown */
    bool pasting;         /* inside a bracketed paste */
};

enum lineedit_result { LE_IGNORED, LE_HANDLED };

void lineedit_init(struct lineedit *e, const char *utf8);
void lineedit_fini(struct lineedit *e);
void lineedit_set(struct lineedit *e, const char *utf8);
/* The text as UTF-8; caller frees. */
char *lineedit_text(const struct lineedit *e);
/* Inserts UTF-8 text at the cursor (controls dropped, line breaks as spaces). */
void lineedit_insert(struct lineedit *e, const char *utf8);
/* Edits with a key: characters, Left/Right, Home/End (Ctrl-A/Ctrl-E),
 * Backspace, Delete, Ctrl-W (word back), Ctrl-U (to the start), Ctrl-K (to
 * the end), pasted text. LE_IGNORED for keys it does not use. */
enum lineedit_result lineedit_key(struct lineedit *e, int key);
/* Draws the text in w cells at y, x; with focus, leaves the cursor there. */
void lineedit_draw(struct lineedit *e, int y, int x, int w, bool focus);

/* ---- keys.c: one table of keys per view: the F-key bar, the help, the dispatch ---- */

struct view;

/* One key of a view (or of the screen): what it does, where it shows, when
 * the member may use it. A table ends with an entry whose run is NULL. */
struct ui_key {
    int key;            /* the letter, '\r' for Enter, or UI_KEY(code) */
    int alt;            /* a second key for the same, or 0 */
    int last;           /* a range key..last (the agenda's digits), or 0 */
    int fn;             /* its F-key 1..10 on the bar, or 0 */
    const char *label;  /* N_(), the bar's label (with fn) */
    const char *help;   /* N_(), its line in the help */
    unsigned modes;     /* the view's modes (bit 1 << mode) it works in; 0: all */
    /* Whether the member may use it (asks app); NULL: always. A key that is
     * not allowed is neither on the bar nor in the help, and typed it says so. */
    bool (*when)(struct view *v);
    void (*run)(struct view *v, int key);
};

/* What the F-key bar shows: per F1..F10 a label (N_()) and the key it stands for. */
struct ui_bar {
    const char *label[10];
    int key[10];
};

/* The view's current mode (ops->mode, else 0). */
int keys_mode(const struct view *v);
/* Whether the member may use e in v now. */
bool keys_allowed(const struct ui_key *e, struct view *v);
/* Whether key (Enter in any of its forms) is e's key, its alt or in its range. */
bool keys_matches(const struct ui_key *e, int key);
/* The entry of table for key in mode, or NULL. */
const struct ui_key *keys_find(const struct ui_key *table, int mode, int key);
/* The entry of table on F-key fn in mode, or NULL. */
const struct ui_key *keys_find_fn(const struct ui_key *table, int mode, int fn);
/* The bar of a view: its own keys in mode, then global's on the F-keys it
 * leaves free; with v, only keys the member may use. */
void keys_bar(struct ui_bar *bar, const struct ui_key *view_keys, int mode, struct view *v,
              const struct ui_key *global);
/* How e's keys read in the help: "k  Enter  F5", "1-5". */
void keys_label(const struct ui_key *e, char *out, size_t n);
/* Runs table's entry for key in mode when the member may (else one line says
 * they may not); false when table has no such key. */
bool keys_dispatch(struct view *v, const struct ui_key *table, int mode, int key);

/* ---- fkeys.c: the function-key bar ---- */

/* Draws bar at row y: F1..F10 and their labels. */
void fkeys_draw(const struct ui_bar *bar, int y, int cols);
/* The key that a click at column x of the bar stands for; 0 for none. */
int fkeys_click(const struct ui_bar *bar, int x, int cols);
/* The function key number 1..10 of key, or 0. */
int fkeys_number(int key);

/* ---- help.c, dialog.c, form.c, editor.c ---- */

/* A line of the help that is no key of a table: a mark in a list ("[!]"),
 * the arrows of every list, the mouse. */
struct keyhelp {
    const char *keys; /* N_() */
    const char *what; /* N_() */
};

struct ui;

/* The help overlay: the keys of the current view in its mode, then the keys
 * that work everywhere, then the keys of a field. */
void help_show(struct ui *u);
/* The help's lines of table's keys in mode as the member of view v sees
 * them (no legend), as "KEYS\tWHAT" into out (at most max); returns how
 * many. For the test of the key tables. */
int help_lines(struct view *v, const struct ui_key *table, int mode, char (*out)[256], int max);

/* A yes/no question on the message line: true for j (and y in English),
 * false for n or Esc; any other key is ignored with a hint beside it. */
bool dialog_confirm(struct ui *u, const char *question);
/* A box over the screen with n lines of text (line mark highlighted, -1:
 * none) under title; any key closes it. */
void dialog_notice(struct ui *u, const char *title, const char *const *text, int n, int mark);
/* One line of input on the message line, starting with initial; NULL on Esc.
 * Caller frees. */
char *dialog_input(struct ui *u, const char *prompt, const char *initial);
/* A secret on the message line: nothing of it is shown; NULL on Esc.
 * Caller wipes and frees. */
char *dialog_secret(struct ui *u, const char *prompt);
/* A small menu of labels (letters shown as given); index or -1 on Esc. */
int dialog_menu(struct ui *u, const char *title, const char *const *labels, const int *letters,
                int n, int current);

enum form_kind { FORM_TEXT, FORM_LONG, FORM_DATE, FORM_TAGS, FORM_CHOICE, FORM_AREA, FORM_ID };

struct form_field {
    const char *label;            /* N_() */
    enum form_kind kind;
    const char *const *choices;   /* completions (NULL-terminated), or NULL */
    char *value;                  /* in and out; malloc'd (form_fields_fini frees) */
    int col;                      /* record column, for form_edit_record */
};

/* Saves the form's values; 0, or a wt_err with err set (the form stays
 * open, with what the user typed). */
typedef int (*form_save_fn)(struct ui *u, struct form_field *f, int n, void *ctx,
                            struct wt_error *err);

/* A modal form over the screen: Tab/Down and Shift-Tab/Up move, Tab
 * completes, F4 or Ctrl-X opens a long text in $EDITOR (Ctrl-E stays the
 * end of the line), Enter saves (calls
 * save), Esc cancels. True when saved. */
bool form_run(struct ui *u, const char *title, struct form_field *f, int n, form_save_fn save,
              void *ctx);
void form_fields_fini(struct form_field *f, int n);

/* Edits text in $VISUAL/$EDITOR (else vi); NULL when the editor failed or
 * left invalid text (message shown). Caller frees. The text goes to a file
 * (0600) in a private folder (0700): $XDG_RUNTIME_DIR/wijktafel, else the
 * database folder's "editor"; removed when the editor is done and on a
 * fatal signal. */
char *editor_run(struct ui *u, const char *text);

/* Removes what editors of earlier runs left in those folders when they were
 * killed (SIGKILL, power loss): files of processes that no longer run. */
void editor_cleanup(const char *db_dir);

/* ---- views ---- */

struct view;

struct view_ops {
    const char *title;           /* N_(), the agenda item */
    /* Its keys: the bar, the help and the dispatch (see struct ui_key). */
    const struct ui_key *keys;
    /* Marks of its lists for the help, NULL-terminated; may be NULL. */
    const struct keyhelp *legend;
    /* Its current mode (a pane, a tab): which of its keys work; NULL: 0. */
    int (*mode)(const struct view *v);
    /* How many modes it has (1 when mode is NULL). */
    int nmodes;
    /* Draws the view into r. */
    void (*draw)(struct view *v, struct rect r);
    /* Moves within the view (lists, panes) for a key its table does not
     * have; false lets it fall through to the screen manager. */
    bool (*key)(struct view *v, int key);
    /* The terminal changed size: r is the new content area. */
    void (*resize)(struct view *v, struct rect r);
    /* A click at the screen cell y, x within the view's area. */
    void (*click)(struct view *v, int y, int x);
    /* The data changed (a write here or by the chair): load again. */
    void (*reload)(struct view *v);
    /* Shows the record kind/id (search, the wall); pane < 0: keep the view's.
     * False when the view does not have it. */
    bool (*select)(struct view *v, enum wt_kind kind, const char *id, int pane);
    /* What is selected now, for the wall. */
    void (*selection)(const struct view *v, struct meeting_wall *w);
    /* The wall: show what the chair's view has (filter, order, selection,
     * cursor); NULL: select() is enough. */
    void (*follow)(struct view *v, const struct meeting_wall *w);
    /* Deferred work (options for the selected case); true when it changed
     * what is shown. */
    bool (*idle)(struct view *v);
    /* True while idle work is waiting. */
    bool (*busy)(const struct view *v);
    /* Loads what the view will need, once, while the chair has not yet
     * pressed a key (the first idle moments after the start). */
    void (*warm)(struct view *v);
    void (*free)(struct view *v);
};

struct view {
    const struct view_ops *ops;
    struct ui *u;
};

struct view *view_actions_new(struct ui *u);
struct view *view_cases_new(struct ui *u);
struct view *view_signals_new(struct ui *u);
struct view *view_network_new(struct ui *u);
struct view *view_decisions_new(struct ui *u);
/* Item 6: "Te beoordelen" for a leader, "Mijn inzendingen" for a volunteer. */
struct view *view_review_new(struct ui *u);

/* The screen's items: the meeting's five, then the review (not on the wall). */
#define UI_NITEMS (MEETING_NITEMS + 1)
#define UI_ITEM_REVIEW MEETING_NITEMS

/* ---- screen.c: the screen manager ---- */

struct finder;

/* ---- view_signals_themes.c: the Thema's pane of item 3 ---- */

/* Recurring needs per area over the last 8 weeks with the trend against the
 * 8 weeks before; zero-initialised, loaded lazily when drawn. */
struct themes_pane {
    struct themes now;
    size_t *before; /* per now.items[i]: its count in the 8 weeks before */
    struct list l;
    bool loaded;
    struct rect list_r;
};

/* Draws the pane into r (loads it first when needed). */
void themes_pane_draw(struct themes_pane *p, struct ui *u, struct rect r);
/* Moves the selection; true when the key was a list key. */
bool themes_pane_key(struct themes_pane *p, int key);
/* Proposes an action for the selected theme, its signals and cases named in
 * its text, so that the theme becomes a collective activity. */
void themes_pane_action(struct themes_pane *p, struct ui *u);
/* Makes the selected theme a project (issue 21): a form with name, area and
 * phase idee, carrying the theme's signals and cases. */
void themes_pane_project(struct themes_pane *p, struct ui *u);
/* Selects the row clicked at screen line y. */
void themes_pane_click(struct themes_pane *p, int y);
/* Marks the pane to be loaded again when drawn next. */
void themes_pane_reload(struct themes_pane *p);
/* Frees what the pane holds (it stays usable, empty). */
void themes_pane_fini(struct themes_pane *p);

/* ---- view_signals_rounds.c: the Rondes pane of item 3 ---- */

/* Door-to-door rounds: the rounds, the chosen round's look-back and doors;
 * zero-initialised, loaded lazily when drawn. */
struct rounds_pane {
    struct app_round *rs;
    size_t n;
    struct list l, dl; /* rounds, doors of the chosen round */
    bool doors;        /* the keys go to the doors */
    bool loaded;
    struct rect list_r, doors_r;
};

void rounds_pane_draw(struct rounds_pane *p, struct ui *u, struct rect r);
/* Moves in the list of rounds or of doors; true when the key was a list key. */
bool rounds_pane_key(struct rounds_pane *p, struct ui *u, int key);
/* The pane's acts (the signals view's key table decides which key when).
 * Rounds: n new, e edit, Enter/Right into the doors. Doors: n a door that
 * opened, x one that did not, e/Enter edit, s/c/t the finding becomes a
 * signal, a case or a talent, Esc/Left back. */
void rounds_pane_act(struct rounds_pane *p, struct ui *u, int key);
void rounds_pane_click(struct rounds_pane *p, int y);
void rounds_pane_reload(struct rounds_pane *p);
void rounds_pane_fini(struct rounds_pane *p);

/* ---- view_network_balance.c: the Uren tab of item 4 ---- */

/* The team's hours on casework and community building over the last weeks;
 * zero-initialised, loaded lazily when drawn. */
struct balance_pane {
    struct app_balance b;
    struct list l;
    bool loaded;
    bool caseload_due; /* the caseload is shown but not yet read: it comes while idle */
    struct rect list_r;
};

/* Draws the pane into r (loads it first when needed). */
void balance_pane_draw(struct balance_pane *p, struct ui *u, struct rect r);
/* The list keys; true when the key was one. */
bool balance_pane_key(struct balance_pane *p, int key);
/* The pane's acts: i (enter this week's hours), I (another week's), d (a
 * leader sets a target). */
void balance_pane_act(struct balance_pane *p, struct ui *u, int key);
void balance_pane_click(struct balance_pane *p, int y);
void balance_pane_reload(struct balance_pane *p);
/* True while the caseload is still to be read (shown as "…" meanwhile). */
bool balance_pane_busy(const struct balance_pane *p);
/* Reads the caseload (every case the member may see: seconds at 100,000
 * cases), for the idle moments after the tab is shown; true when it did. */
bool balance_pane_idle(struct balance_pane *p, struct ui *u);
void balance_pane_fini(struct balance_pane *p);

/* ---- view_network_team.c: the Team tab of item 4 (issue 22) ---- */

/* The team as app_team_get gives it; zero-initialised, loaded lazily. */
struct team_pane {
    struct app_team t;
    struct list l;
    bool loaded;
    struct rect list_r;
};

/* Draws the pane into r (loads it first when needed). */
void team_pane_draw(struct team_pane *p, struct ui *u, struct rect r);
/* Loads the pane without drawing (for the keys' conditions). */
void team_pane_draw_load(struct team_pane *p, struct ui *u);
/* The list keys; true when the key was one. */
bool team_pane_key(struct team_pane *p, int key);
/* A leader's acts: n (new member, code shown once), e (role, area, hours),
 * r (a new code), x (left, after a yes/no). */
void team_pane_act(struct team_pane *p, struct ui *u, int key);
void team_pane_click(struct team_pane *p, int y);
void team_pane_reload(struct team_pane *p);
void team_pane_fini(struct team_pane *p);

/* ---- view_network_projects.c: the Projecten tab of item 4 (issue 21) ---- */

/* Projects by phase, then the partners with no contact in 12 weeks; loaded
 * lazily when drawn. */
struct projects_pane {
    struct rows pr, pa;
    size_t *idx, nproj, n; /* idx[0, nproj): projects; then quiet partners */
    struct list l;
    bool loaded;
    struct rect list_r;
};

/* Draws the pane into r (loads it first when needed). */
void projects_pane_draw(struct projects_pane *p, struct ui *u, struct rect r);
/* The list keys; true when the key was one. */
bool projects_pane_key(struct projects_pane *p, int key);
void projects_pane_click(struct projects_pane *p, int y);
/* The selected project or partner, or NULL. */
const struct wt_record *projects_pane_selected(const struct projects_pane *p);
/* Loads the pane and selects the record kind/id; false when it is not listed. */
bool projects_pane_select(struct projects_pane *p, struct ui *u, enum wt_kind kind,
                          const char *id);
void projects_pane_reload(struct projects_pane *p);
void projects_pane_fini(struct projects_pane *p);

/* records.c: the form of a new project made from a theme: tag in area,
 * phase idee, carrying the theme's signals and cases (ids, ';'-list); the
 * saved project is selected in item 4. True when saved. */
bool ui_new_project(struct ui *u, const char *tag, const char *area, const char *ids);
/* The form of a new social-map entry (an initiative) made from a project in
 * phase zelfstandig: its name, area, themes as needs and description; any
 * other phase says so. True when saved. */
bool ui_project_to_map(struct ui *u, const struct wt_record *project);

struct ui {
    struct app *a;
    bool beamer;  /* beamer mode */
    bool follow;  /* the wall: read-only, follows the chair */
    bool quit;
    struct view *views[UI_NITEMS];
    int cur;
    double started[UI_NITEMS]; /* seconds spent on each item before now */
    double item_since;         /* monotonic time the current item was entered */
    int timebox[UI_NITEMS];
    char msg[512];
    bool msg_error;
    struct finder *finder;
    unsigned long gen;                  /* data generation (bumped on writes) */
    struct meeting_wall published, followed;
    uint64_t data_seq; /* the wall: the database's change sequence last seen */
    bool have_published;
    char **member_ids, **member_names;
    size_t nmembers;
    struct app_suggester *sugg;
    unsigned long sugg_gen;
    FILE *timing;
    struct rect content;
    bool too_small;
    bool modal; /* a dialog, form, search or help ran inside the last key */
    struct ui_layer *top; /* the modal layer the keys go to; NULL: none yet */
};

/* ---- layer.c: the stack of modal layers ---- */

/* A layer of the screen: the meeting itself at the bottom, then a dialog,
 * a form, the search, the help over it. The loop sends each key to the top
 * layer only; every layer that shows is drawn, bottom first. */
struct ui_layer {
    /* Draws the layer over what is below it (NULL: nothing of its own). */
    void (*draw)(struct ui_layer *l, struct ui *u);
    /* Handles a key; sets done to close the layer. */
    void (*key)(struct ui_layer *l, struct ui *u, int key);
    /* The terminal changed size (the views already know); may be NULL. */
    void (*resize)(struct ui_layer *l, struct ui *u);
    /* Work while no key comes; true when it changed what is shown. May be NULL. */
    bool (*idle)(struct ui_layer *l, struct ui *u);
    /* How long to wait for a key before idle, in ms (NULL: 1000). */
    int (*wait_ms)(struct ui_layer *l, struct ui *u);
    /* After key (read at t0) was handled and the screen drawn; may be NULL.
     * Only the meeting's layer logs its keys' timing: never a passphrase's. */
    void (*after_key)(struct ui_layer *l, struct ui *u, int key, double t0);
    bool whole;  /* draws the whole screen: nothing below it shows */
    bool done;   /* set by the layer: the loop ends, the layer is popped */
    struct ui_layer *below;
};

/* Pushes l, sends it the keys (and idle time) until it is done, pops it.
 * The meeting's main loop is this loop with the bottom layer. */
void ui_layer_run(struct ui *u, struct ui_layer *l);
/* Draws the layers that show over the screen, bottom first. */
void layers_draw(struct ui *u);
/* True when a layer draws the whole screen (nothing of the meeting shows). */
bool layers_cover(const struct ui *u);

/* The items this member has: six for a leader (review) and a volunteer
 * (their submissions), five for a professional. */
int ui_nitems(const struct ui *u);
/* Switches to item (no record chosen). */
void ui_switch_to(struct ui *u, int item);

/* ---- member.c: who works at the screen ---- */

/* Loads the member ids and names (completion, names beside ids). */
int ui_members_load(struct ui *u, struct wt_error *err);
void ui_members_free(struct ui *u);
/* Key w: asks a member id and, in an encrypted database, their passphrase
 * (three tries, nothing shown), then reopens the database as that member.
 * False when the screen must stop (the database could not be opened again). */
bool ui_switch_member(struct ui *u);

/* ---- unlock.c: the passphrase asked on the screen (curses running) ---- */

/* Asks the passphrase of the locked app's member in a box, three tries,
 * "Bezig met openen..." while it is checked. 0 when unlocked; else WT_EPERM
 * (three wrong, or Esc, Ctrl-C, F10) or the error that stopped it, with err's
 * sentence for the one line on stderr. */
int ui_unlock(struct ui *u, struct wt_error *err);

/* The content area of the current layout. */
struct rect ui_content(const struct ui *u);
/* Sets the message line (printf-style); error messages are marked [!]. */
void ui_message(struct ui *u, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* err's text for the screen (without the database folder in front). */
const char *ui_error_text(const struct ui *u, const struct wt_error *err);
/* Shows err on the message line. */
void ui_error(struct ui *u, const struct wt_error *err);
/* Data was written: every view loads again, the wall too. */
void ui_changed(struct ui *u);
/* Draws the whole screen into curses' buffer (not yet to the terminal). */
void ui_draw(struct ui *u);
/* Draws and sends the screen to the terminal. */
void ui_refresh(struct ui *u);
/* False (with app's message) where a stored record may not be opened in a
 * form (beamer mode: the form would show it unredacted). */
bool ui_may_edit_shown(struct ui *u);
/* False (with a message) on the wall, which never writes. */
bool ui_may_write(struct ui *u);
/* The agenda item that lists records of kind. */
int ui_item_of(enum wt_kind kind);
/* A record was just made: the item that lists it has its cursor on it
 * (without switching to that item), so that the next key acts on it. */
void ui_show_new(struct ui *u, enum wt_kind kind, const char *id);
/* Switches to item and shows the record there. */
void ui_goto(struct ui *u, int item, enum wt_kind kind, const char *id);
/* A member's name for an id ("" for none, the id when unknown). */
const char *ui_member_name(const struct ui *u, const char *id);
/* The member ids, NULL-terminated (completion). */
const char *const *ui_member_ids(const struct ui *u);
/* The members' names, in the order of ui_member_ids, NULL-terminated. */
const char *const *ui_member_names(const struct ui *u);
/* How many members ui_member_ids lists. */
size_t ui_member_count(const struct ui *u);
/* The member id that typed names in a person field called label (a name, part
 * of one, or an id: FORMATS.md); *id NULL for an empty field. 0, or WT_EINVAL
 * with err saying which field and why. */
int ui_member_of(struct ui *u, const char *label, const char *typed, const char **id,
                 struct wt_error *err);
/* Text as it may be shown now: on the beamer without private lines and
 * with residents' names replaced by initials. Caller frees. */
char *ui_show(const struct ui *u, const char *text);
/* A resident's or talent's name as it may be shown now (initials on the
 * beamer). Caller frees. */
char *ui_person(const struct ui *u, const char *name);
/* The options engine over the current data (rebuilt after writes). */
struct app_suggester *ui_suggester(struct ui *u);
/* The keys that work everywhere (after the view's), for the bar and the help. */
extern const struct ui_key ui_global_keys[];
/* A when predicate: the member may make actions (app_may). */
bool ui_may_new_action(struct view *v);
/* The F-key bar of the current view. */
void ui_bar(struct ui *u, struct ui_bar *bar);
/* Handles one key: the view's table, the view's moves, then the keys that
 * work everywhere. */
void ui_handle_key(struct ui *u, int key);
/* With WIJKTAFEL_UI_TIMING=FILE: appends "WHAT KEY MICROSECONDS" since since. */
void ui_log_timing(struct ui *u, const char *what, int key, double since);
/* Seconds on the monotonic clock. */
double ui_now(void);

/* ---- finder.c: search over everything ---- */

/* Opens the search overlay; Enter goes to the record. */
void finder_run(struct ui *u);
void finder_free(struct finder *f);

/* ---- records.c: the entry forms of the records ---- */

/* A new action (optionally for a case, with a proposed text and owner). */
bool ui_new_action(struct ui *u, const char *case_id, const char *text, const char *owner);
/* The new-request form (FORMATS.md's fields, owner the member); a
 * volunteer's request goes to review. True when saved; made then holds the
 * new case's id (or the submission's). Not opened for a member who may not
 * make one (message shown). */
bool ui_new_request(struct ui *u, char made[WT_MAX_ID + 1]);
/* The form over one's own rejected submission r; Enter sends it again
 * (app_review_resubmit). True when sent. */
bool ui_resubmit(struct ui *u, const char *sub_id, const struct wt_record *r);
/* Edits an existing record (an action, signal, resource, talent or case). */
bool ui_edit_record(struct ui *u, const struct wt_record *r);
/* A new signal, resource or talent. */
bool ui_new_record(struct ui *u, enum wt_kind kind);
/* The form over rec, drafted from door no of a round; Enter stores it and
 * marks the door (app_door_make). True when saved. */
bool ui_new_from_door(struct ui *u, struct wt_record *rec, const char *round_id, int no,
                      enum round_finding what);

/* The record form over a volunteer's submission; Enter accepts it as edited
 * (app_review_accept). True when accepted. */
bool ui_review_edit(struct ui *u, const char *sub_id, const struct wt_record *r);
/* The form's label of column col of kind ("" when the form has none). */
const char *ui_field_label(enum wt_kind kind, int col);

/* A case was closed: asks the outcome of each chosen option that has none
 * (1 werkte, 2 werkte niet, 3 niet doorgegaan; Esc leaves it open). */
void ui_ask_outcomes(struct ui *u, const char *case_id);

/* After a successful write of kind: true (with a message) when it went to a
 * leader's review instead of the record (a volunteer's input). */
bool ui_queued(struct ui *u, enum wt_kind kind);

/* A submission's status in words: "wacht", "geaccepteerd", "afgewezen". */
const char *ui_review_status(const char *status);
/* "afgewezen door Wietske Bosma op 8-12-2026; ingezonden door Annie Brouwer
 * op 7-12-2026": who decided, never read as the submitter's own act. Caller
 * frees. */
char *ui_decision_line(struct ui *u, const struct app_submission *sub);

/* Common texts. */
const char *ui_case_status(const char *status);   /* "nieuw", "open", "gesloten" */
const char *ui_signal_status(const char *status); /* "nieuw", "besproken", ... */
const char *ui_action_status(const char *status); /* "open", "klaar", "vervallen" */
const char *ui_kind_label(enum wt_kind kind);     /* "casus", "signaal", ... */
const char *ui_last_part(const char *area);
/* A stored date (YYYY-MM-DD) as people read it, in style st (date_show_iso
 * against today); returns out. */
char *ui_date(const struct ui *u, const char *iso, enum date_style st, char out[DATE_SHOW_MAX]);
/* Column col of r as people read it: dates as dates, codes as words, lists
 * with ", ", members by name; buf (n bytes, at least DATE_SHOW_MAX) may hold
 * the result. Returns buf, a static word or the stored value. */
const char *ui_value(const struct ui *u, const struct wt_record *r, int col, char *buf, size_t n);
/* "3 d", "5 wk", "4 mnd", "2 jr" since the date (YYYY-MM-DD); "" if none. */
void ui_age(int32_t today, const char *date, char out[16]);

#endif
