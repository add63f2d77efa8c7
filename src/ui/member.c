/* member.c: who works at the screen: the member list, and another member taking over (key w). */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "wijktafel/i18n.h"

static int add_member(void *ctx, const struct wt_record *r)
{
    struct ui *u = ctx;
    u->member_ids = xrealloc(u->member_ids, (u->nmembers + 2) * sizeof *u->member_ids);
    u->member_names = xrealloc(u->member_names, (u->nmembers + 2) * sizeof *u->member_names);
    u->member_ids[u->nmembers] = xstrdup(r->v[MEMBER_ID]);
    u->member_names[u->nmembers++] = xstrdup(record_get(r, MEMBER_NAME));
    u->member_ids[u->nmembers] = NULL;
    u->member_names[u->nmembers] = NULL;
    return 0;
}

int ui_members_load(struct ui *u, struct wt_error *err)
{
    ui_members_free(u);
    return app_each(u->a, WT_MEMBERS, add_member, u, err);
}

void ui_members_free(struct ui *u)
{
    for (size_t i = 0; i < u->nmembers; i++) {
        free(u->member_ids[i]);
        free(u->member_names[i]);
    }
    free(u->member_ids);
    free(u->member_names);
    u->member_ids = u->member_names = NULL;
    u->nmembers = 0;
}

static void wipe_free(char *s)
{
    if (s) {
        volatile char *p = s;
        while (*p)
            *p++ = '\0';
        free(s);
    }
}

/* Everything the screen built over the old member's view of the data. */
static void rebuild(struct ui *u)
{
    finder_free(u->finder);
    u->finder = NULL;
    app_suggester_free(u->sugg);
    u->sugg = NULL;
    struct wt_error err = {0};
    app_set_beamer(u->a, u->beamer); /* the new member's app, in the room's mode */
    if (ui_members_load(u, &err) != 0)
        ui_error(u, &err);
    /* Item 6 is another view for another role. */
    u->views[UI_ITEM_REVIEW]->ops->free(u->views[UI_ITEM_REVIEW]);
    u->views[UI_ITEM_REVIEW] = view_review_new(u);
    if (u->cur >= ui_nitems(u))
        ui_switch_to(u, 0);
    ui_changed(u);
}

bool ui_switch_member(struct ui *u)
{
    if (!ui_may_write(u))
        return true;
    char *id = dialog_input(u, _("Wissel van lid; uw id:"), "");
    if (!id)
        return true;
    if (!*id) {
        free(id);
        return true;
    }
    struct wt_error err = {0};
    int rc;
    if (app_encrypted(u->a)) {
        rc = WT_EPERM;
        u->msg[0] = '\0';
        for (int tries = 0; tries < 3 && rc == WT_EPERM && u->a; tries++) {
            char *prompt = xasprintf(_("Wachtwoordzin voor %s:"), id);
            char *pass = dialog_secret(u, prompt);
            free(prompt);
            if (!pass) {
                free(id);
                u->msg[0] = '\0';
                return true;
            }
            wt_error_clear(&err);
            rc = app_switch(&u->a, id, pass, &err);
            wipe_free(pass);
            /* Shown above the next try, as in the box at the start: the same
             * words for an unknown member and a wrong passphrase. */
            if (rc == WT_EPERM && u->a && tries < 2)
                ui_message(u, true,
                           tries == 1 ? _("Dat klopt niet. Nog %d poging.")
                                      : _("Dat klopt niet. Nog %d pogingen."),
                           2 - tries);
        }
        if (rc == WT_EPERM && u->a) {
            free(id);
            ui_message(u, true, _("Dat klopt niet. %s werkt verder."),
                       app_member_name(u->a));
            return true;
        }
    } else {
        rc = app_switch(&u->a, id, NULL, &err);
    }
    free(id);
    if (!u->a) {
        ui_message(u, true, "%s", err.text);
        return false;
    }
    if (rc) {
        ui_error(u, &err);
        return true;
    }
    rebuild(u);
    if (!u->follow) /* the member who takes over is at the meeting too */
        meeting_open(u->a, NULL);
    ui_message(u, false, _("Nu aan het werk: %s"), app_member_name(u->a));
    return true;
}
