/* check_ui.h: the screen tests, one function each (0 pass, -1 fail), and what they share. */
#ifndef CHECK_UI_H
#define CHECK_UI_H

#include "uitest.h"

/* Quits with q and checks the exit status 0: 0 / -1. */
int ut_quit_ok(struct vt_term *t);
/* Milliseconds on the monotonic clock. */
double ut_now_ms(void);

/* check_ui.c: the screen itself. */
int test_items_80x24(void);
int test_items_200x60(void);
int test_resize(void);
int test_quit_sane(void);
int test_themes(void);
int test_lang_en(void);

/* check_ui_data.c: typing, choosing, the minutes, writes that fail. */
int test_signal_entry(void);
int test_choose_option(void);
int test_minutes(void);
int test_editor_and_log(void);
int test_write_locked(void);
int test_volunteer(void);

/* check_ui_privacy.c: the beamer, the wall, escape sequences. */
int test_beamer_names(void);
int test_wall_follows(void);
int test_escapes(void);

/* check_ui_review.c: the leader's review, submissions, shielded cases, switching member. */
int test_review_flow(void);
int test_review_duplicate(void);
int test_shielded_professional(void);
int test_switch_member(void);

/* check_ui_themes.c: the Thema's pane of item 3. */
int test_signal_themes(void);
int test_theme_project(void);
int test_partners_quiet(void);
int test_homework_scenario(void);
int test_project_people(void);
int test_project_handover(void);
int test_projects_widths(void);

/* check_ui_sources.c: a signal's source names a partner (issue 21). */
int test_signal_partner(void);

/* check_ui_balance.c: the Uren tab of item 4. */
int test_balance(void);
int test_caseload(void);
int test_balance_en_heads(void);
int test_caseload_idle(void);

/* check_ui_measure.c: a wellbeing measure in item 2. */
int test_measure(void);

/* check_ui_times.c: time per item kept across a restart. */
int test_times_kept(void);

/* check_ui_rounds.c: a door-to-door round in item 3. */
int test_rounds(void);

/* check_ui_wall.c: every view in beamer mode and on the wall (issue 14). */
int test_privacy_views(void);
int test_wall_new_signal(void);
int test_beamer_first_screen(void);
/* check_ui_closing.c: closing a case on the screen sets its closing day. */
int test_closing(void);

#endif
