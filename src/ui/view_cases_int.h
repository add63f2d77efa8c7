/* view_cases_int.h: what the files of the Casussen view share (list, panes, the view). */
#ifndef WIJKTAFEL_VIEW_CASES_INT_H
#define WIJKTAFEL_VIEW_CASES_INT_H

#include "ui_int.h"

/* What the list shows of a case; the rest is read when it is selected. */
struct case_row {
    char *id, *area, *request, *owner, *status, *needs, *chosen, *opened;
    bool restricted;
};

enum { FOCUS_LIST, FOCUS_DETAIL, FOCUS_OPTIONS };
enum { SORT_NEW, SORT_ID, SORT_AREA, SORT_OWNER, SORT_WAITING, SORT_COUNT };

struct cases {
    struct view v;
    struct case_row *rows;
    size_t n, cap;
    size_t *idx, nidx;
    struct list l;
    bool loaded;
    bool hidden; /* the wall was asked for a case it may not show */
    char *f_status, *f_owner, *f_area, *f_need; /* the filter ("" = any) */
    int sort;
    int focus;
    struct wt_record detail; /* the selected case, read in full */
    bool have_detail;
    unsigned long detail_gen;
    int detail_top;
    struct measure meas[2]; /* its wellbeing measures (MEASURE_START, MEASURE_CLOSE) */
    char meas_id[WT_MAX_ID + 1]; /* whose, "" when not read */
    unsigned long meas_gen;
    struct app_options opts; /* its options, exactly as app_suggest returns them */
    char opts_id[WT_MAX_ID + 1];
    unsigned long opts_gen;
    bool have_opts;
    size_t opt_sel;
    struct rect list_r, detail_r, opts_r;
    char **logged; /* cases whose view is in the access log */
    size_t nlogged;
    bool own; /* a volunteer: the rows are their own care requests sent for review */
    struct app_submission *subs; /* those requests (own) */
    size_t nsubs;
};

#define OPTION_LIMIT 10 /* as `wijktafel suggest` without --limit */

/* view_cases_list.c: the rows, their filter and order, the list pane. */

/* The status filter's value ("actief", "new", ...) in the user's words. */
const char *view_cases_status_word(const char *value);
/* The id of the selected case, or NULL. */
const char *view_cases_selected_id(const struct cases *s);
/* Filters and sorts the rows, keeping the case keep selected (may be NULL). */
void view_cases_refilter(struct cases *s, const char *keep);
/* Loads every case the member may see (again). */
void view_cases_load(struct cases *s);
/* Draws the list pane into r. */
void view_cases_draw_list(struct cases *s, struct rect r);
/* Frees the rows. */
void view_cases_free_rows(struct cases *s);
/* The name of the current order. */
const char *view_cases_sort_name(int sort);
/* The filter form (f, F6). */
void view_cases_edit_filter(struct cases *s);

/* view_cases_panes.c: the selected case and its options. */

/* The selected case in full (read again when it or the data changed), or NULL. */
const struct wt_record *view_cases_detail(struct cases *s);
/* True when the options shown belong to the selected case and today's data. */
bool view_cases_opts_current(const struct cases *s);
/* Draws the detail pane / the options pane into r (with a title line when title). */
void view_cases_draw_detail(struct cases *s, struct rect r, bool title);
void view_cases_draw_options(struct cases *s, struct rect r, bool title);
/* view_cases_outcome.c: outcomes and un-choosing. */

/* The option as cases.chosen stores it: its id, or "ID+VIA" for a composite. */
void view_cases_option_key(const struct app_option *o, char out[2 * WT_MAX_ID + 2]);
/* True when opt is in the chosen list; outcome (may be NULL) gets its
 * outcome ("worked", ...) or "". */
bool view_cases_chosen(const char *list, const char *opt, char outcome[16]);
/* u: asks the highlighted chosen option's outcome (1, 2, 3) and stores it. */
void view_cases_outcome(struct cases *s);
/* x: un-chooses the highlighted chosen option after a yes/no. */
void view_cases_unchoose(struct cases *s);

/* Records the highlighted option for the case and offers an action made from it. */
void view_cases_choose(struct cases *s);
/* Computes the options of the selected case (idle work); true when shown changed. */
bool view_cases_idle_options(struct cases *s);

/* view_cases_own.c: a volunteer's own care requests (s->own). */

/* Loads the member's own care requests into rows and subs. */
void view_cases_load_own(struct cases *s);
void view_cases_free_own(struct cases *s);
/* The selected request, or NULL. */
const struct app_submission *view_cases_own_selected(const struct cases *s);
/* Draws the selected request and what became of it into in. */
void view_cases_draw_own(struct cases *s, struct rect in);

#endif
