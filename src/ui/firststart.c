/* firststart.c: the set-up form of a first start (no database yet), then the recovery code. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "ui_int.h"
#include "wijktafel/text.h"
#include "wijktafel/i18n.h"

enum { F_TEAM, F_NAME, F_ID, F_PASS, F_PASS2, F_COUNT };

static const char *const labels[F_COUNT] = {
    N_("Teamnaam"), N_("Uw naam"), N_("Uw id"), N_("Wachtwoordzin"),
    N_("Herhaal wachtwoordzin")};

/* The bar at the bottom: only F10, which stops like Esc. */
static const struct ui_bar first_bar = {.label = {[9] = N_("Stop")}, .key = {[9] = UI_ESC}};

/* The form, a modal layer over the whole screen (there is no meeting yet). */
struct first {
    struct ui_layer l;
    const char *dir;
    char **recovery; /* receives the recovery code once the database is made */
    bool made;
    struct lineedit f[F_COUNT];
    int focus;
    bool id_typed; /* the id was changed by hand: the name no longer makes it */
    char note[sizeof ((struct wt_error *)0)->text];
};

/* An id made from a name (text_id_of_name); "leider" when nothing is left. */
static char *id_from_name(const char *name)
{
    char *id = text_id_of_name(name, WT_MAX_ID);
    if (!*id) {
        free(id);
        id = xstrdup("leider");
    }
    return id;
}

static bool secret(int i)
{
    return i == F_PASS || i == F_PASS2;
}

static void draw(struct ui_layer *l, struct ui *u)
{
    (void)u;
    struct first *s = (struct first *)l;
    erase();
    draw_text(0, 0, COLS, _(" wijktafel: een nieuw team "), TH_STATUS, true);
    int w = COLS - 4 < 70 ? COLS - 4 : 70;
    struct rect r = {1, (COLS - w) / 2, 19, w};
    draw_box(r, _("Eerste start"));
    int x = r.x + 2, cw = r.w - 4, lw = 24;
    draw_text(r.y + 1, x, cw, _("Nog geen database. Enter op de laatste regel maakt hem."),
              TH_NORMAL, false);
    for (int i = 0; i < F_COUNT; i++) {
        int y = r.y + 3 + 2 * i;
        draw_text(y, x, lw, _(labels[i]), i == s->focus ? TH_TITLE : TH_NORMAL, false);
        if (secret(i)) {
            draw_fill(y, x + lw, cw - lw, TH_INPUT);
            size_t n = s->f[i].len < (size_t)(cw - lw) ? s->f[i].len : (size_t)(cw - lw);
            char stars[128];
            n = n < sizeof stars - 1 ? n : sizeof stars - 1;
            memset(stars, '*', n);
            stars[n] = '\0';
            draw_text(y, x + lw, cw - lw, stars, TH_INPUT, false);
        } else {
            lineedit_draw(&s->f[i], y, x + lw, cw - lw, i == s->focus);
        }
    }
    if (s->note[0])
        draw_text(r.y + 14, x, cw, s->note, TH_ERROR, false);
    draw_text(r.y + 16, x, cw, _("Omlaag/Omhoog: ander veld   Enter: verder   Esc: stoppen"),
              TH_DIM, false);
    fkeys_draw(&first_bar, LINES - 1, COLS);
    if (secret(s->focus)) {
        move(r.y + 3 + 2 * s->focus, x + lw + (int)(s->f[s->focus].len < (size_t)(cw - lw)
                                                         ? s->f[s->focus].len
                                                         : (size_t)(cw - lw - 1)));
        curs_set(1);
    }
}

static char *field(const struct first *s, int i)
{
    return lineedit_text(&s->f[i]);
}

/* Checks the form and creates the database; 0, or a note for the form. */
static int create(struct first *s, char **recovery)
{
    char *team = field(s, F_TEAM), *name = field(s, F_NAME), *id = field(s, F_ID);
    char *p1 = field(s, F_PASS), *p2 = field(s, F_PASS2);
    struct wt_error err = {0};
    int rc = -1;
    if (!*team)
        snprintf(s->note, sizeof s->note, "%s", _("Vul de naam van het team in."));
    else if (!*name)
        snprintf(s->note, sizeof s->note, "%s", _("Vul uw naam in."));
    else if (!record_id_valid(id))
        snprintf(s->note, sizeof s->note, "%s",
                 _("Uw id: 1 tot 32 tekens a-z, A-Z, 0-9, punt, streepje of liggend streepje."));
    else if (strlen(p1) < APP_MIN_PASSPHRASE)
        snprintf(s->note, sizeof s->note, _("De wachtwoordzin is te kort (minstens %d tekens)."),
                 APP_MIN_PASSPHRASE);
    else if (strcmp(p1, p2) != 0)
        snprintf(s->note, sizeof s->note, "%s", _("De twee wachtwoordzinnen verschillen."));
    else if ((rc = app_init_team(s->dir, team, id, name, p1, recovery, &err)) != 0)
        snprintf(s->note, sizeof s->note, "%s", err.text);
    explicit_bzero(p1, strlen(p1));
    explicit_bzero(p2, strlen(p2));
    free(team), free(name), free(id), free(p1), free(p2);
    return rc;
}

/* Moves the focus by d fields (no wrap). */
static void move_focus(struct first *s, int d)
{
    int f = s->focus + d;
    if (f >= 0 && f < F_COUNT)
        s->focus = f;
}

/* A key of the form: Down/Up move, Enter on the last field creates, Esc or F10 stop. */
static void form_key(struct ui_layer *l, struct ui *u, int key)
{
    (void)u;
    struct first *s = (struct first *)l;
    if (fkeys_number(key))
        key = first_bar.key[fkeys_number(key) - 1];
    if (key == UI_ESC) {
        l->done = true;
    } else if (key == UI_KEY(KEY_DOWN) || key == '\t') {
        move_focus(s, 1);
    } else if (key == UI_KEY(KEY_UP) || key == UI_KEY(KEY_BTAB)) {
        move_focus(s, -1);
    } else if (ui_key_enter(key)) {
        if (s->focus < F_COUNT - 1)
            move_focus(s, 1);
        else if (create(s, s->recovery) == 0)
            s->made = l->done = true;
    } else if (lineedit_key(&s->f[s->focus], key) == LE_HANDLED) {
        s->note[0] = '\0';
        if (s->focus == F_ID)
            s->id_typed = true;
        if (s->focus == F_NAME && !s->id_typed) {
            char *name = field(s, F_NAME), *id = id_from_name(name);
            lineedit_set(&s->f[F_ID], id);
            free(name);
            free(id);
        }
    }
}

/* Where the database lives and the recovery code, once; any key goes on. */
struct shown {
    struct ui_layer l;
    const char *dir;
    char *first; /* the first six words */
    const char *rest;
};

static void recovery_draw(struct ui_layer *l, struct ui *u)
{
    (void)u;
    const struct shown *c = (const struct shown *)l;
    erase();
    draw_text(0, 0, COLS, _(" wijktafel: een nieuw team "), TH_STATUS, true);
    int w = COLS - 4 < 70 ? COLS - 4 : 70;
    struct rect r = {2, (COLS - w) / 2, 16, w};
    draw_box(r, _("De database is gemaakt"));
    int x = r.x + 2, cw = r.w - 4;
    draw_text(r.y + 2, x, cw, _("De database staat in:"), TH_NORMAL, false);
    draw_text(r.y + 3, x, cw, c->dir, TH_TITLE, false);
    draw_text(r.y + 5, x, cw, _("Uw herstelcode (12 woorden):"), TH_NORMAL, false);
    draw_text(r.y + 6, x, cw, c->first, TH_MARK, false);
    draw_text(r.y + 7, x, cw, c->rest, TH_MARK, false);
    draw_text(r.y + 9, x, cw, _("Print deze code en berg hem achter slot op."), TH_NORMAL,
              false);
    draw_text(r.y + 10, x, cw, _("U ziet hem maar één keer."), TH_NORMAL, false);
    draw_text(r.y + 11, x, cw, _("Wachtwoordzin kwijt? Met deze code zet u een nieuwe."),
              TH_NORMAL, false);
    draw_text(r.y + 13, x, cw, _("Druk op een toets om verder te gaan."), TH_DIM, false);
}

static void recovery_key(struct ui_layer *l, struct ui *u, int key)
{
    (void)u, (void)key;
    l->done = true;
}

static void show_recovery(struct ui *u, const char *dir, const char *code)
{
    /* Two lines of six words, so that it fits 80 columns. */
    const char *mid = code;
    for (int spaces = 0; *mid && spaces < 6; mid++)
        spaces += *mid == ' ';
    struct shown c = {.l = {.draw = recovery_draw, .key = recovery_key, .whole = true},
                      .dir = dir, .first = xstrndup(code, (size_t)(mid - code)), .rest = mid};
    ui_layer_run(u, &c.l);
    explicit_bzero(c.first, strlen(c.first));
    free(c.first);
}

static const char *given_passphrase(void *ctx, const char *member)
{
    (void)member;
    return ctx;
}

int ui_first_start(const char *dir, struct app **out)
{
    *out = NULL;
    if (term_init() != 0)
        return EX_NOINPUT;
    theme_init();
    theme_set_beamer(false);
    /* No meeting yet: a screen of layers only, the form at the bottom. */
    struct ui u;
    memset(&u, 0, sizeof u);
    char *recovery = NULL;
    struct first s = {.l = {.draw = draw, .key = form_key, .whole = true}, .dir = dir,
                      .recovery = &recovery};
    for (int i = 0; i < F_COUNT; i++)
        lineedit_init(&s.f[i], "");
    ui_layer_run(&u, &s.l);
    int rc = s.made ? 0 : -1;
    char *id = field(&s, F_ID), *pass = field(&s, F_PASS);
    for (int i = 0; i < F_COUNT; i++) {
        explicit_bzero(s.f[i].s, s.f[i].cap * sizeof *s.f[i].s);
        lineedit_fini(&s.f[i]);
    }
    struct wt_error err = {0};
    if (rc == 0) {
        show_recovery(&u, dir, recovery);
        explicit_bzero(recovery, strlen(recovery));
        struct app_opts o = {.dir = dir, .as_member = id, .passphrase = given_passphrase,
                             .passphrase_ctx = pass};
        rc = app_open(&o, out, &err);
    } else {
        wt_error_set(&err, WT_ENOTFOUND, _("%s: geen database gemaakt"), dir);
    }
    explicit_bzero(pass, strlen(pass));
    free(pass);
    free(id);
    free(recovery);
    if (rc) {
        term_fini();
        fprintf(stderr, "%s\n", err.text);
        return wt_error_exit_code(err.code ? err.code : WT_ENOTFOUND);
    }
    return 0; /* the terminal stays set up for ui_run */
}
