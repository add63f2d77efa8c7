/* round.c: door-to-door rounds: validation, figures and the stored line format. */
#include "wijktafel/round.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wijktafel/area.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/text.h"
#include "wijktafel/xalloc.h"

const char *const round_kinds[] = {"wijkscan", "bakkie", "anders", NULL};

#define ROUND_FORMAT '1'
#define MAX_DOORS 100000
#define MAX_ADDRESSES 10000

const char *round_kind_label(const char *kind)
{
    if (strcmp(kind, "bakkie") == 0)
        return _("Bakkie in de Wijk");
    if (strcmp(kind, "wijkscan") == 0)
        return _("wijkscan");
    return _("ronde");
}

bool round_clock_after(const struct round_clock *a, const struct round_clock *b)
{
    return a->hlc != b->hlc ? a->hlc > b->hlc : a->origin > b->origin;
}

void round_init(struct round *r)
{
    memset(r, 0, sizeof *r);
    r->area = xstrdup("");
    r->pairs = xstrdup("");
    snprintf(r->kind, sizeof r->kind, "%s", round_kinds[0]);
}

void round_fini(struct round *r)
{
    free(r->area);
    free(r->pairs);
    memset(r, 0, sizeof *r);
}

void round_copy(struct round *dst, const struct round *src)
{
    *dst = *src;
    dst->area = xstrdup(src->area);
    dst->pairs = xstrdup(src->pairs);
}

enum wt_kind round_finding_kind(enum round_finding what)
{
    return what == FINDING_SIGNAL ? WT_SIGNALS : what == FINDING_CASE ? WT_CASES : WT_TALENTS;
}

const char *round_door_mark(const struct round_door *d, enum round_finding what)
{
    return what == FINDING_SIGNAL ? d->signal : what == FINDING_CASE ? d->made_case : d->talent;
}

void round_door_set_mark(struct round_door *d, enum round_finding what, const char *id)
{
    char *mark = what == FINDING_SIGNAL ? d->signal : what == FINDING_CASE ? d->made_case
                                                                           : d->talent;
    snprintf(mark, WT_MAX_ID + 1, "%s", id);
}

void round_door_init(struct round_door *d)
{
    memset(d, 0, sizeof *d);
    d->where = xstrdup("");
    d->note = xstrdup("");
    d->ideas = xstrdup("");
    d->care = xstrdup("");
    d->talents = xstrdup("");
}

void round_door_fini(struct round_door *d)
{
    free(d->where);
    free(d->note);
    free(d->ideas);
    free(d->care);
    free(d->talents);
    memset(d, 0, sizeof *d);
}

void round_door_copy(struct round_door *dst, const struct round_door *src)
{
    *dst = *src;
    dst->where = xstrdup(src->where);
    dst->note = xstrdup(src->note);
    dst->ideas = xstrdup(src->ideas);
    dst->care = xstrdup(src->care);
    dst->talents = xstrdup(src->talents);
}

void round_set(char **field, const char *value)
{
    char *copy = xstrdup(value ? value : "");
    free(*field);
    *field = copy;
}

/* A short text: valid UTF-8, no control characters, at most the field limit. */
static int check_text(const char *what, const char *s, struct wt_error *err)
{
    size_t n = strlen(s);
    if (n > WT_MAX_FIELD_BYTES)
        return wt_error_set(err, WT_EINVAL, _("%s: langer dan %d bytes"), what,
                            WT_MAX_FIELD_BYTES);
    if (!text_valid_utf8(s, n))
        return wt_error_set(err, WT_EINVAL, _("%s: geen geldige UTF-8"), what);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return wt_error_set(err, WT_EINVAL, _("%s: bevat een stuurteken"), what);
    return 0;
}

struct pair_check {
    bool bad;
};

static int pair_id(void *ctx, const char *id)
{
    struct pair_check *c = ctx;
    if (!record_id_valid(id)) {
        c->bad = true;
        return 1;
    }
    return 0;
}

int round_pairs_each(const char *pairs, int (*fn)(void *ctx, const char *id), void *ctx)
{
    const char *p = pairs;
    while (*p) {
        while (*p == ' ' || *p == ';' || *p == '+' || *p == ',')
            p++;
        if (!*p)
            break;
        size_t n = strcspn(p, " ;+,");
        char id[WT_MAX_ID + 2];
        snprintf(id, sizeof id, "%.*s", (int)(n > WT_MAX_ID ? WT_MAX_ID + 1 : n), p);
        int rc = fn(ctx, id);
        if (rc)
            return rc;
        p += n;
    }
    return 0;
}

int round_validate(const struct round *r, struct wt_error *err)
{
    int32_t day;
    if (!record_id_valid(r->id))
        return wt_error_set(err, WT_EINVAL, _("ronde: geen geldige id: %s"), r->id);
    if (date_parse(r->date, &day) != 0)
        return wt_error_set(err, WT_EINVAL, _("datum: geen geldige datum: %s"), r->date);
    int rc = check_text(_("wijk"), r->area, err);
    if (rc)
        return rc;
    if (!area_valid(r->area))
        return wt_error_set(err, WT_EINVAL, _("wijk: geef een wijk als pad, bijvoorbeeld "
                                              "Gemeente/Dorp/Buurt"));
    bool known = false;
    for (int i = 0; round_kinds[i]; i++)
        known = known || strcmp(r->kind, round_kinds[i]) == 0;
    if (!known)
        return wt_error_set(err, WT_EINVAL,
                            _("soort: onbekende waarde (kies uit wijkscan, bakkie, anders)"));
    if (r->addresses < 0 || r->addresses > MAX_ADDRESSES)
        return wt_error_set(err, WT_EINVAL, _("adressen: een aantal van 0 tot %d"),
                            MAX_ADDRESSES);
    rc = check_text(_("wie met wie"), r->pairs, err);
    if (rc)
        return rc;
    struct pair_check c = {false};
    round_pairs_each(r->pairs, pair_id, &c);
    if (c.bad)
        return wt_error_set(err, WT_EINVAL, _("wie met wie: geef id's van leden, twee aan "
                                              "twee, zoals a+b; c+d"));
    return 0;
}

int round_door_validate(const struct round_door *d, struct wt_error *err)
{
    if (d->no < 1 || d->no > MAX_DOORS)
        return wt_error_set(err, WT_EINVAL, _("deur: een nummer van 1 tot %d"), MAX_DOORS);
    const struct {
        const char *what;
        const char *s;
    } texts[] = {{_("adres"), d->where}, {_("notitie"), d->note}, {_("ideeën"), d->ideas},
                 {_("zorgvraag"), d->care}, {_("talenten"), d->talents}};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        int rc = check_text(texts[i].what, texts[i].s, err);
        if (rc)
            return rc;
    }
    if (!d->answered && (d->talked || d->lonely || *d->care || *d->talents))
        return wt_error_set(err, WT_EINVAL, _("deur: een gesprek of bevinding hoort bij een "
                                              "deur die openging"));
    return 0;
}

void round_tally_add(struct round_tally *t, const struct round_door *d)
{
    t->rung++;
    t->answered += d->answered;
    t->talked += d->talked;
    t->lonely += d->lonely;
    t->ideas += *d->ideas != 0;
    t->care += *d->care != 0;
    t->talents += *d->talents != 0;
    t->signals += *d->signal != 0;
    t->cases += *d->made_case != 0;
    t->talents_made += *d->talent != 0;
}

/* ---- the stored line ---- */

static void put_field(struct buf *b, const char *s)
{
    buf_putc(b, '\t');
    for (; *s; s++) {
        if (*s == '\\')
            buf_puts(b, "\\\\");
        else if (*s == '\t')
            buf_puts(b, "\\t");
        else if (*s == '\n')
            buf_puts(b, "\\n");
        else
            buf_putc(b, *s);
    }
}

static void put_int(struct buf *b, long v)
{
    char n[24];
    snprintf(n, sizeof n, "%ld", v);
    put_field(b, n);
}

static void put_clock(struct buf *b, const struct round_clock *c)
{
    char n[48];
    snprintf(n, sizeof n, "%" PRIu64, c->hlc);
    put_field(b, n);
    snprintf(n, sizeof n, "%" PRIu64, c->origin);
    put_field(b, n);
}

/* A clock from two decimal fields; false when either is not a number. */
static bool to_clock(const char *hlc, const char *origin, struct round_clock *out)
{
    char *e1, *e2;
    if (!*hlc || !*origin || strspn(hlc, "0123456789") != strlen(hlc) ||
        strspn(origin, "0123456789") != strlen(origin) || strlen(hlc) > 20 || strlen(origin) > 20)
        return false;
    out->hlc = strtoull(hlc, &e1, 10);
    out->origin = strtoull(origin, &e2, 10);
    return !*e1 && !*e2;
}

/* Splits line into at most max unescaped fields after the version byte;
 * returns the count, or -1 when the version is unknown or an escape bad.
 * The fields are malloc'd (caller frees each). */
static int split(const char *line, char **f, int max)
{
    if (line[0] != ROUND_FORMAT)
        return -1;
    int n = 0;
    const char *p = line + 1;
    while (*p == '\t' && n < max) {
        p++;
        struct buf b = {0};
        for (; *p && *p != '\t'; p++) {
            if (*p != '\\') {
                buf_putc(&b, *p);
                continue;
            }
            p++;
            char c = *p == '\\' ? '\\' : *p == 't' ? '\t' : *p == 'n' ? '\n' : 0;
            if (!c) {
                buf_fini(&b);
                for (int i = 0; i < n; i++)
                    free(f[i]);
                return -1;
            }
            buf_putc(&b, c);
        }
        f[n++] = buf_steal(&b);
    }
    if (*p) { /* more fields than this version has */
        for (int i = 0; i < n; i++)
            free(f[i]);
        return -1;
    }
    return n;
}

static void free_fields(char **f, int n)
{
    for (int i = 0; i < n; i++)
        free(f[i]);
}

/* A whole non-negative number of at most 9 digits; -1 otherwise. */
static long to_num(const char *s)
{
    if (!*s || strlen(s) > 9 || strspn(s, "0123456789") != strlen(s))
        return -1;
    return strtol(s, NULL, 10);
}

char *round_encode(const struct round *r)
{
    struct buf b = {0};
    buf_putc(&b, ROUND_FORMAT);
    put_field(&b, r->id);
    put_field(&b, r->date);
    put_field(&b, r->area);
    put_field(&b, r->kind);
    put_int(&b, r->addresses);
    put_field(&b, r->pairs);
    put_field(&b, r->by);
    put_clock(&b, &r->made);
    put_clock(&b, &r->changed);
    return buf_steal(&b);
}

int round_decode(const char *line, struct round *out)
{
    round_init(out);
    char *f[11];
    int n = split(line, f, 11);
    if (n < 0)
        return WT_ECORRUPT;
    long addresses = n == 11 ? to_num(f[4]) : -1;
    if (n != 11 || strlen(f[0]) > WT_MAX_ID || strlen(f[1]) > 10 ||
        strlen(f[3]) >= sizeof out->kind || strlen(f[6]) > WT_MAX_ID || addresses < 0 ||
        !to_clock(f[7], f[8], &out->made) || !to_clock(f[9], f[10], &out->changed)) {
        free_fields(f, n);
        return WT_ECORRUPT;
    }
    snprintf(out->id, sizeof out->id, "%s", f[0]);
    snprintf(out->date, sizeof out->date, "%s", f[1]);
    round_set(&out->area, f[2]);
    snprintf(out->kind, sizeof out->kind, "%s", f[3]);
    out->addresses = (int)addresses;
    round_set(&out->pairs, f[5]);
    snprintf(out->by, sizeof out->by, "%s", f[6]);
    free_fields(f, n);
    return 0;
}

char *round_door_encode(const struct round_door *d)
{
    struct buf b = {0};
    buf_putc(&b, ROUND_FORMAT);
    put_int(&b, d->no);
    put_field(&b, d->where);
    put_field(&b, d->answered ? "1" : "0");
    put_field(&b, d->talked ? "1" : "0");
    put_field(&b, d->lonely ? "1" : "0");
    put_field(&b, d->note);
    put_field(&b, d->ideas);
    put_field(&b, d->care);
    put_field(&b, d->talents);
    put_field(&b, d->signal);
    put_field(&b, d->made_case);
    put_field(&b, d->talent);
    put_field(&b, d->by);
    put_clock(&b, &d->made);
    put_clock(&b, &d->changed);
    return buf_steal(&b);
}

/* "0" or "1"; -1 otherwise. */
static int to_flag(const char *s)
{
    return strcmp(s, "1") == 0 ? 1 : strcmp(s, "0") == 0 ? 0 : -1;
}

int round_door_decode(const char *line, struct round_door *out)
{
    round_door_init(out);
    char *f[17];
    int n = split(line, f, 17);
    if (n < 0)
        return WT_ECORRUPT;
    bool ok = n == 17 && to_num(f[0]) >= 1 && to_flag(f[2]) >= 0 && to_flag(f[3]) >= 0 &&
              to_flag(f[4]) >= 0 && to_clock(f[13], f[14], &out->made) &&
              to_clock(f[15], f[16], &out->changed);
    for (int i = 9; ok && i < 13; i++)
        ok = strlen(f[i]) <= WT_MAX_ID;
    if (!ok) {
        free_fields(f, n);
        return WT_ECORRUPT;
    }
    out->no = (int)to_num(f[0]);
    round_set(&out->where, f[1]);
    out->answered = to_flag(f[2]);
    out->talked = to_flag(f[3]);
    out->lonely = to_flag(f[4]);
    round_set(&out->note, f[5]);
    round_set(&out->ideas, f[6]);
    round_set(&out->care, f[7]);
    round_set(&out->talents, f[8]);
    snprintf(out->signal, sizeof out->signal, "%s", f[9]);
    snprintf(out->made_case, sizeof out->made_case, "%s", f[10]);
    snprintf(out->talent, sizeof out->talent, "%s", f[11]);
    snprintf(out->by, sizeof out->by, "%s", f[12]);
    free_fields(f, n);
    return 0;
}
