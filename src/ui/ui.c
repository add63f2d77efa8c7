/* ui.c: the meeting screen's entry point and main loop: keys, idle work, the chair and the wall. */
#include "wijktafel/ui.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "ui_int.h"
#include "wijktafel/i18n.h"

/* Without a terminal (a pipe, a script) the screen cannot run: say what is
 * in the database instead, as the program did before the screen existed. */
static int print_summary(struct app *a)
{
    struct buf out = {0};
    struct wt_error err = {0};
    if (app_summary(a, &out, &err) != 0) {
        fprintf(stderr, "%s\n", err.text);
        return wt_error_exit_code(err.code);
    }
    fputs(out.data, stdout);
    buf_fini(&out);
    return 0;
}

struct app_suggester *ui_suggester(struct ui *u)
{
    if (u->sugg && u->sugg_gen == u->gen)
        return u->sugg;
    app_suggester_free(u->sugg);
    u->sugg = NULL;
    struct wt_error err = {0};
    if (app_suggester_new(u->a, &u->sugg, &err) != 0) {
        ui_error(u, &err);
        return NULL;
    }
    u->sugg_gen = u->gen;
    return u->sugg;
}

/* Two wall selections are the same when every member is (no memcmp: the
 * struct has padding). */
static bool wall_same(const struct meeting_wall *a, const struct meeting_wall *b)
{
    return a->item == b->item && a->pane == b->pane && a->kind == b->kind &&
           strcmp(a->id, b->id) == 0 && a->gen == b->gen && a->sort == b->sort &&
           a->opt == b->opt && strcmp(a->filter, b->filter) == 0;
}

/* The chair: tell the wall what is selected, when it changed. */
static void publish(struct ui *u)
{
    if (u->cur >= MEETING_NITEMS)
        return; /* the review is no meeting item: the wall keeps what it shows */
    struct view *v = u->views[u->cur];
    struct meeting_wall w = {.item = u->cur, .kind = WT_CASES, .gen = u->gen};
    if (v->ops->selection)
        v->ops->selection(v, &w);
    if (u->have_published && wall_same(&w, &u->published))
        return;
    struct wt_error err = {0};
    if (meeting_wall_publish(u->a, &w, &err) == 0) {
        u->published = w;
        u->have_published = true;
    }
}

/* The wall: a record written by any program (the chair, an import, a
 * bundle) shows at the next tick; true when the data changed. */
static bool follow_data(struct ui *u)
{
    uint64_t seq = app_data_seq(u->a);
    if (seq == u->data_seq)
        return false;
    bool first = u->data_seq == 0;
    u->data_seq = seq;
    if (!first)
        ui_changed(u);
    return !first;
}

/* The wall: follow the chair's latest selection; true when it changed. */
static bool follow(struct ui *u)
{
    bool data_changed = follow_data(u);
    struct meeting_wall w;
    memset(&w, 0, sizeof w);
    if (meeting_wall_read(u->a, &w) != 0) {
        if (!u->msg[0])
            ui_message(u, false, _("Wacht op het scherm van de voorzitter..."));
        return data_changed;
    }
    if (u->have_published && wall_same(&w, &u->followed))
        return data_changed;
    bool data = (!u->have_published || w.gen != u->followed.gen) && !data_changed;
    u->followed = w;
    u->have_published = true;
    u->msg[0] = '\0';
    if (data)
        ui_changed(u);
    struct view *v = u->views[w.item];
    if (u->cur != w.item)
        ui_goto(u, w.item, w.kind, NULL);
    if (v->ops->follow)
        v->ops->follow(v, &w);
    else if (v->ops->select)
        v->ops->select(v, w.kind, w.id, w.pane);
    return true;
}

void ui_log_timing(struct ui *u, const char *what, int key, double since)
{
    if (u->timing) {
        fprintf(u->timing, "%s %d %.1f\n", what, key, (ui_now() - since) * 1e6);
        fflush(u->timing);
    }
}

/* The bottom layer: the meeting itself. Its keys go to the views and the
 * screen; while no key comes, it warms the views, follows the chair (the
 * wall) and runs the current view's deferred work. */
struct meeting_layer {
    struct ui_layer l;
    int warm; /* the next view to warm up while idle */
};

static int meeting_wait(struct ui_layer *l, struct ui *u)
{
    struct meeting_layer *m = (struct meeting_layer *)l;
    struct view *v = u->views[u->cur];
    bool busy = v->ops->busy && v->ops->busy(v);
    return u->follow ? 100 : busy ? 30 : m->warm < UI_NITEMS ? 20 : 1000;
}

static bool meeting_idle(struct ui_layer *l, struct ui *u)
{
    struct meeting_layer *m = (struct meeting_layer *)l;
    bool changed = false;
    if (m->warm < UI_NITEMS) {
        struct view *w = u->views[m->warm++];
        if (w->ops->warm) {
            double t0 = ui_now();
            w->ops->warm(w);
            ui_log_timing(u, "warm", m->warm, t0);
        }
    }
    if (u->follow)
        changed = follow(u);
    struct view *v = u->views[u->cur];
    if (v->ops->busy && v->ops->busy(v) && v->ops->idle) {
        double t0 = ui_now();
        changed |= v->ops->idle(v);
        ui_log_timing(u, "idle", 0, t0);
    }
    return changed;
}

static void meeting_key(struct ui_layer *l, struct ui *u, int key)
{
    ui_handle_key(u, key);
    l->done = u->quit;
}

static void meeting_after_key(struct ui_layer *l, struct ui *u, int key, double t0)
{
    (void)l;
    if (!u->follow)
        publish(u);
    /* A key that opened a dialog includes the time the user spent in it. */
    ui_log_timing(u, u->modal ? "modal" : "key", key, t0);
}

static void loop(struct ui *u)
{
    struct meeting_layer m = {.l = {.key = meeting_key, .idle = meeting_idle,
                                    .wait_ms = meeting_wait, .after_key = meeting_after_key}};
    ui_layer_run(u, &m.l);
}

static void ui_free(struct ui *u)
{
    for (int i = 0; i < UI_NITEMS; i++)
        if (u->views[i])
            u->views[i]->ops->free(u->views[i]);
    finder_free(u->finder);
    app_suggester_free(u->sugg);
    ui_members_free(u);
    if (u->timing)
        fclose(u->timing);
}

int ui_run(struct app **ap, const struct ui_opts *o)
{
    struct app *a = *ap;
    if (!app_locked(a) && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)))
        return print_summary(a);
    double t0 = ui_now();
    struct ui u;
    memset(&u, 0, sizeof u);
    u.a = a;
    u.follow = o->follow;
    editor_cleanup(app_dir(a)); /* what an editor left when we were killed */
    app_set_beamer(a, o->beamer || o->follow); /* the wall is always in beamer mode */
    u.beamer = app_beamer(a);                  /* for the colours and the status line */
    const char *tf = getenv("WIJKTAFEL_UI_TIMING");
    if (tf && *tf)
        u.timing = fopen(tf, "a");
    meeting_timeboxes(u.timebox);
    u.timebox[UI_ITEM_REVIEW] = 10 * 60;
    struct wt_error err = {0};
    bool started = term_active(); /* after the first-start form */
    if (app_locked(a)) {
        /* Encrypted and nobody gave the passphrase yet: the screen starts
         * first and asks it itself, then loads what it shows. */
        if (term_init() != 0) {
            fprintf(stderr, _("%s: de database is versleuteld; geef de wachtwoordzin "
                              "(WIJKTAFEL_PASSPHRASE of --passphrase-file)\n"),
                    app_dir(a));
            ui_free(&u);
            return EX_NOPERM;
        }
        started = true;
        theme_init();
        theme_set_beamer(u.beamer);
        if (ui_unlock(&u, &err) != 0) {
            term_fini();
            fprintf(stderr, "%s\n", err.text);
            ui_free(&u);
            return wt_error_exit_code(err.code);
        }
        t0 = ui_now(); /* first-screen: from here, without the typing */
    }
    if (ui_members_load(&u, &err) != 0) {
        term_fini();
        fprintf(stderr, "%s\n", err.text);
        ui_free(&u);
        return wt_error_exit_code(err.code);
    }
    if (!started) {
        if (term_init() != 0) {
            ui_free(&u);
            return print_summary(a);
        }
        theme_init();
        theme_set_beamer(u.beamer);
    }
    static struct view *(*const makers[UI_NITEMS])(struct ui *) = {
        view_actions_new, view_cases_new, view_signals_new, view_network_new,
        view_decisions_new, view_review_new};
    for (int i = 0; i < UI_NITEMS; i++)
        u.views[i] = makers[i](&u);
    u.item_since = ui_now();
    if (!u.follow) { /* a restarted screen goes on counting today's meeting */
        unsigned secs[UI_NITEMS];
        meeting_times_get(a, secs, UI_NITEMS);
        for (int i = 0; i < UI_NITEMS; i++)
            u.started[i] = secs[i];
    }
    ui_refresh(&u);
    ui_log_timing(&u, "first-screen", 0, t0);
    if (!u.follow) {
        /* After the first screen: the meeting of the day is noted once. */
        if (meeting_open(a, &err) != 0) {
            ui_error(&u, &err);
            ui_refresh(&u);
        }
        publish(&u);
    }
    loop(&u);
    if (!u.follow && u.a) {
        u.started[u.cur] += ui_now() - u.item_since;
        unsigned secs[UI_NITEMS];
        for (int i = 0; i < UI_NITEMS; i++)
            secs[i] = u.started[i] > 0 ? (unsigned)(u.started[i] + 0.5) : 0;
        meeting_times_put(u.a, secs, UI_NITEMS, NULL);
        meeting_close(u.a, NULL);
    }
    term_fini();
    ui_free(&u);
    *ap = u.a; /* another member may have taken over (w) */
    if (!u.a) {
        fprintf(stderr, "%s\n", u.msg);
        return 1;
    }
    return 0;
}
