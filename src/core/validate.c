/* validate.c: checking and canonicalising column values on the way in. */
#include <stdlib.h>
#include <string.h>

#include "wijktafel/area.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/record.h"
#include "wijktafel/tags.h"
#include "wijktafel/text.h"
#include "wijktafel/xalloc.h"

bool record_id_valid(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++) {
        char c = s[n];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-'))
            return false;
    }
    return n >= 1 && n <= WT_MAX_ID;
}

static int parse_uint(const char *s, long max, long *out)
{
    if (!*s)
        return WT_EINVAL;
    long v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return WT_EINVAL;
        v = v * 10 + (*p - '0');
        if (v > max)
            return WT_EINVAL;
    }
    *out = v;
    return 0;
}

int record_parse_ages(const char *s, int *min, int *max)
{
    const char *dash = strchr(s, '-');
    if (!dash || strchr(dash + 1, '-'))
        return WT_EINVAL;
    char lo[16] = "", hi[16] = "";
    size_t ll = (size_t)(dash - s), hl = strlen(dash + 1);
    if (ll >= sizeof lo || hl >= sizeof hi)
        return WT_EINVAL;
    memcpy(lo, s, ll);
    memcpy(hi, dash + 1, hl);
    long a = -1, b = -1;
    if (*lo && parse_uint(lo, 150, &a))
        return WT_EINVAL;
    if (*hi && parse_uint(hi, 150, &b))
        return WT_EINVAL;
    if (a >= 0 && b >= 0 && a > b)
        return WT_EINVAL;
    if (min)
        *min = (int)a;
    if (max)
        *max = (int)b;
    return 0;
}

int record_capacity_places(const char *s)
{
    long n;
    if (!s || !*s || strlen(s) > 4 || parse_uint(s, 9999, &n))
        return -1;
    return (int)n;
}

static bool in_list(const char *const *vals, const char *v)
{
    for (; *vals; vals++)
        if (strcmp(*vals, v) == 0)
            return true;
    return false;
}

static char *join_list(const char *const *vals)
{
    struct buf b = {0};
    for (; *vals; vals++) {
        if (b.len)
            buf_puts(&b, ", ");
        buf_puts(&b, *vals);
    }
    return buf_steal(&b);
}

static int bad(struct wt_error *err, const struct wt_field_def *fd, const char *what,
               const char *value)
{
    char *shown = text_inert(value, false);
    if (strlen(shown) > 60) {
        /* Cut at a character boundary, never inside a UTF-8 sequence. */
        size_t cut = 57;
        while (cut > 0 && ((unsigned char)shown[cut] & 0xc0) == 0x80)
            cut--;
        strcpy(shown + cut, "...");
    }
    wt_error_field(err, WT_EINVAL, fd->name, "%s: '%s'", what, shown);
    free(shown);
    return WT_EINVAL;
}

static bool valid_hours(const char *s)
{
    const char *dot = strchr(s, '.');
    size_t intlen = dot ? (size_t)(dot - s) : strlen(s);
    if (intlen == 0 || intlen > 3)
        return false;
    for (size_t i = 0; i < intlen; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    if (dot) {
        size_t fl = strlen(dot + 1);
        if (fl == 0 || fl > 2)
            return false;
        for (size_t i = 1; i <= fl; i++)
            if (dot[i] < '0' || dot[i] > '9')
                return false;
    }
    return atof(s) <= 168.0;
}

/* Euros: 1 to 9 digits, optionally a point and one or two decimals. */
static bool valid_money(const char *s)
{
    size_t intlen = strspn(s, "0123456789");
    if (intlen == 0 || intlen > 9)
        return false;
    if (!s[intlen])
        return true;
    size_t fl = strspn(s + intlen + 1, "0123456789");
    return s[intlen] == '.' && fl >= 1 && fl <= 2 && !s[intlen + 1 + fl];
}

/* True when a tag list is already canonical: no empty items, no white space
 * around items, no line breaks (the common case, checked without allocating). */
static bool plain_tag_list(const char *v)
{
    if (!*v || *v == ';')
        return false;
    char prev = ';';
    for (const char *p = v; *p; p++) {
        char c = *p;
        if (c == '\n' || c == '\r' || c == '\t')
            return false;
        if ((c == ';' || c == ' ') && (prev == ';' || prev == ' '))
            return false;
        if (c == ';' && prev == ' ')
            return false;
        prev = c;
    }
    return prev != ';' && prev != ' ';
}

/* Canonicalises a ';'-list; checks each item with the field's rule. */
/* One chosen option: an id, or two joined by '+' (a composite option: an
 * activity and the resident who takes the person there), then perhaps its
 * outcome (FORMATS.md, cases.chosen). */
static int check_chosen(const struct wt_field_def *fd, const char *it, struct wt_error *err)
{
    const char *colon = strchr(it, ':');
    char *id = colon ? xstrndup(it, (size_t)(colon - it)) : xstrdup(it);
    char *plus = strchr(id, '+');
    int rc = 0;
    if (plus)
        *plus = '\0';
    if (!record_id_valid(id) || (plus && (!record_id_valid(plus + 1) || strchr(plus + 1, '+')))) {
        if (plus)
            *plus = '+';
        rc = bad(err, fd, _("geen geldige id (of twee ids met +)"), id);
    } else if (colon && strcmp(colon, ":worked") != 0 && strcmp(colon, ":failed") != 0 &&
               strcmp(colon, ":dropped") != 0) {
        rc = bad(err, fd, _("uitkomst moet :worked, :failed of :dropped zijn"), it);
    }
    free(id);
    return rc;
}

static int check_list(const struct wt_field_def *fd, const char *v, char **canon,
                      struct wt_error *err)
{
    struct taglist l;
    tags_split(v, &l);
    struct buf b = {0};
    int rc = 0;
    for (size_t i = 0; i < l.n && rc == 0; i++) {
        const char *it = l.items[i];
        if (fd->type == FT_SET && !in_list(fd->values, it)) {
            char *all = join_list(fd->values);
            char *what = xasprintf(_("onbekende waarde (kies uit %s)"), all);
            rc = bad(err, fd, what, it);
            free(what);
            free(all);
        } else if (fd->type == FT_CHOSEN) {
            rc = check_chosen(fd, it, err);
        } else if (fd->type == FT_REFS && !record_id_valid(it)) {
            rc = bad(err, fd, _("geen geldige id (1 tot 32 tekens A-Z a-z 0-9 . _ -)"), it);
        } else if (fd->type == FT_TAGS && (strchr(it, '\n') || strchr(it, '\r'))) {
            rc = bad(err, fd, _("een woord in de lijst mag geen regeleinde bevatten"), it);
        }
        if (b.len)
            buf_putc(&b, ';');
        buf_puts(&b, it);
    }
    tags_fini(&l);
    if (rc) {
        buf_fini(&b);
        return rc;
    }
    *canon = buf_steal(&b);
    return 0;
}

int record_set_checked(struct wt_record *r, int f, const char *raw, struct wt_error *err)
{
    const struct wt_kind_def *kd = record_kind(r->kind);
    const struct wt_field_def *fd = &kd->fields[f];
    size_t len = strlen(raw);
    if (len > WT_MAX_FIELD_BYTES)
        return wt_error_field(err, WT_EINVAL, fd->name,
                              _("te lang: %zu bytes, hoogstens %d (ongeveer evenveel letters)"),
                              len, WT_MAX_FIELD_BYTES);
    if (!text_valid_utf8(raw, len))
        return wt_error_field(err, WT_EINVAL, fd->name,
                              _("bevat tekens die geen UTF-8 zijn; bewaar het bestand als UTF-8"));

    /* Trimmed as text_trim does (free text is kept as typed), without an
     * allocation for what ends up empty. */
    const char *a = raw, *e = raw + len;
    if (fd->type != FT_TEXT) {
        while (a < e && (*a == ' ' || *a == '\t' || *a == '\r' || *a == '\n'))
            a++;
        while (e > a && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
            e--;
    }
    if (a == e) {
        record_set(r, f, NULL);
        return 0;
    }
    char *v = xstrndup(a, (size_t)(e - a));
    char *canon = NULL;
    int rc = 0;
    switch (fd->type) {
    case FT_ID:
    case FT_REF:
        if (!record_id_valid(v))
            rc = bad(err, fd, _("geen geldige id (1 tot 32 tekens A-Z a-z 0-9 . _ -)"), v);
        break;
    case FT_TEXT:
        break;
    case FT_DATE:
        if (date_parse(v, NULL))
            rc = bad(err, fd, _("geen bestaande datum in de vorm JJJJ-MM-DD"), v);
        break;
    case FT_ENUM:
        if (!in_list(fd->values, v) && !(fd->count && record_capacity_places(v) >= 0)) {
            char *all = join_list(fd->values);
            char *what = fd->count ? xasprintf(_("onbekende waarde (kies uit %s of een aantal "
                                                 "vrije plaatsen)"),
                                               all)
                                   : xasprintf(_("onbekende waarde (kies uit %s)"), all);
            rc = bad(err, fd, what, v);
            free(what);
            free(all);
        }
        break;
    case FT_TAGS:
        if (plain_tag_list(v))
            break;
        rc = check_list(fd, v, &canon, err);
        break;
    case FT_SET:
    case FT_CHOSEN:
    case FT_REFS:
        rc = check_list(fd, v, &canon, err);
        break;
    case FT_AREA:
        if (!area_valid(v) || strchr(v, '\n'))
            rc = bad(err, fd, _("geen geldig gebied (delen gescheiden door /)"), v);
        break;
    case FT_UINT: {
        long n;
        if (parse_uint(v, 150, &n))
            rc = bad(err, fd, _("geen geldige leeftijd (0 tot 150)"), v);
        break;
    }
    case FT_HOURS:
        if (!valid_hours(v))
            rc = bad(err, fd, _("geen geldig aantal uren (bijvoorbeeld 8 of 7.5)"), v);
        break;
    case FT_MONEY:
        if (!valid_money(v))
            rc = bad(err, fd, _("geen geldig bedrag in euro's (bijvoorbeeld 250 of 99.50)"), v);
        break;
    case FT_AGES:
        if (record_parse_ages(v, NULL, NULL))
            rc = bad(err, fd, _("geen geldige leeftijden (MIN-MAX, bijvoorbeeld 12-18 of 65-)"), v);
        break;
    case FT_YESNO:
        if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0)
            rc = bad(err, fd, _("kies yes (ja) of no (nee)"), v);
        break;
    }
    if (rc) {
        free(v);
        free(canon);
        return rc;
    }
    if (canon) {
        free(v);
        v = canon;
    }
    free(r->v[f]);
    r->v[f] = *v ? v : NULL;
    if (!*v)
        free(v);
    return 0;
}

int record_complete(struct wt_record *r, struct wt_error *err)
{
    const struct wt_kind_def *kd = record_kind(r->kind);
    for (int i = 0; i < kd->nfields; i++) {
        const struct wt_field_def *fd = &kd->fields[i];
        if (!r->v[i] && fd->dflt)
            r->v[i] = xstrdup(fd->dflt);
        if (!r->v[i] && fd->required)
            return wt_error_field(err, WT_EINVAL, fd->name, _("moet ingevuld zijn"));
    }
    return 0;
}

int record_validate(struct wt_record *r, struct wt_error *err)
{
    const struct wt_kind_def *kd = record_kind(r->kind);
    for (int i = 0; i < kd->nfields; i++) {
        if (!r->v[i])
            continue;
        char *raw = r->v[i];
        r->v[i] = NULL;
        int rc = record_set_checked(r, i, raw, err);
        free(raw);
        if (rc)
            return rc;
    }
    for (int i = kd->nfields; i < WT_MAX_FIELDS; i++) {
        free(r->v[i]);
        r->v[i] = NULL;
    }
    return record_complete(r, err);
}
