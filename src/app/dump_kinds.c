/* dump_kinds.c: the kinds kept in meta (measures, hours, rounds, doors) as CSV with a column per field, both ways. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dump_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"
#include "wijktafel/measure.h"
#include "wijktafel/round.h"

/* --- measures.csv: case,phase,<the six domains> (1-5, empty when not scored) --- */

static const char *const measure_head[] = {"case", "phase", NULL, NULL, NULL,
                                           NULL,   NULL,    NULL, NULL};

static int measure_out(const char *key, const char *value, char **f)
{
    const char *slash = strrchr(key, '/');
    struct measure m;
    if (!slash || measure_parse(value, &m) != 0)
        return WT_ECORRUPT;
    f[0] = xstrndup(key, (size_t)(slash - key));
    f[1] = xstrdup(slash + 1);
    for (int d = 0; d < MEASURE_DOMAINS; d++)
        f[2 + d] = m.score[d] ? xasprintf("%d", m.score[d]) : xstrdup("");
    return 0;
}

static int measure_in(char **f, char **key, char **value, struct wt_error *e)
{
    if (strcmp(f[1], "start") != 0 && strcmp(f[1], "close") != 0)
        return wt_error_set(e, WT_EINVAL, _("phase: moet start of close zijn"));
    if (!record_id_valid(f[0]))
        return wt_error_set(e, WT_EINVAL, _("case: geen geldige id"));
    struct buf b = {0};
    for (int d = 0; d < MEASURE_DOMAINS; d++) {
        const char *v = f[2 + d];
        if (v[0] && (v[1] || v[0] < '1' || v[0] > '5')) {
            buf_fini(&b);
            return wt_error_set(e, WT_EINVAL, _("%s: een score is 1 tot 5, of leeg"),
                                measure_domains[d]);
        }
        buf_printf(&b, "%s%s", d ? " " : "", v[0] ? v : "-");
    }
    struct measure m;
    if (measure_parse(b.data, &m) != 0) {
        buf_fini(&b);
        return wt_error_set(e, WT_EINVAL, _("%s: een score is 1 tot 5, of leeg"),
                            measure_domains[0]);
    }
    char out[16];
    measure_format(&m, out);
    buf_fini(&b);
    *key = xasprintf("%s/%s", f[0], f[1]);
    *value = xstrdup(out);
    return 0;
}

/* --- hours.csv: member,week,casework,community (hours); targets.csv: member,community_percent --- */

static char *hundredths(unsigned long v)
{
    char *s = xasprintf("%lu.%02lu", v / 100, v % 100);
    size_t n = strlen(s); /* 7.50 -> 7.5, 8.00 -> 8 */
    while (s[n - 1] == '0')
        s[--n] = '\0';
    if (s[n - 1] == '.')
        s[--n] = '\0';
    return s;
}

/* "7.5" -> 750; -1 for anything but a decimal number with at most two decimals. */
static long parse_hundredths(const char *s)
{
    long whole = 0, frac = 0;
    int digits = 0, fd = 0;
    const char *p = s;
    for (; *p >= '0' && *p <= '9' && digits < 6; p++, digits++)
        whole = whole * 10 + (*p - '0');
    if (!digits)
        return -1;
    if (*p == '.')
        for (p++; *p >= '0' && *p <= '9' && fd < 2; p++, fd++)
            frac = frac * 10 + (*p - '0');
    if (*p)
        return -1;
    return whole * 100 + (fd == 1 ? frac * 10 : frac);
}

static const char *const hours_head[] = {"member", "week", "casework", "community", NULL};

static int hours_out(const char *key, const char *value, char **f)
{
    const char *slash = strchr(key, '/');
    unsigned long cw, cm;
    char extra;
    if (!slash || sscanf(value, "%lu;%lu%c", &cw, &cm, &extra) != 2)
        return WT_ECORRUPT;
    f[0] = xstrndup(key, (size_t)(slash - key));
    f[1] = xstrdup(slash + 1);
    f[2] = hundredths(cw);
    f[3] = hundredths(cm);
    return 0;
}

static int hours_in(char **f, char **key, char **value, struct wt_error *e)
{
    int32_t day;
    long cw = parse_hundredths(f[2]), cm = parse_hundredths(f[3]);
    if (!record_id_valid(f[0]))
        return wt_error_set(e, WT_EINVAL, _("member: geen geldige id"));
    if (date_parse(f[1], &day) != 0)
        return wt_error_set(e, WT_EINVAL, _("week: geen datum (JJJJ-MM-DD)"));
    if (cw < 0 || cm < 0)
        return wt_error_set(e, WT_EINVAL, _("%s: geen aantal uren (bijvoorbeeld 8 of 7.5)"),
                            cw < 0 ? "casework" : "community");
    *key = xasprintf("%s/%s", f[0], f[1]);
    *value = xasprintf("%ld;%ld", cw, cm);
    return 0;
}

static const char *const target_head[] = {"member", "community_percent", NULL};

static int target_out(const char *key, const char *value, char **f)
{
    f[0] = xstrdup(key);
    f[1] = xstrdup(value);
    return 0;
}

static int target_in(char **f, char **key, char **value, struct wt_error *e)
{
    char *end;
    long pct = strtol(f[1], &end, 10);
    if (!record_id_valid(f[0]))
        return wt_error_set(e, WT_EINVAL, _("member: geen geldige id"));
    if (!f[1][0] || *end || pct < 0 || pct > 100)
        return wt_error_set(e, WT_EINVAL, _("community_percent: een getal van 0 tot 100"));
    *key = xstrdup(f[0]);
    *value = xasprintf("%ld", pct);
    return 0;
}

/* --- rounds.csv and doors.csv: round.h's fields, clocks included (bundles use them) --- */

static const char *const round_head[] = {"id",       "date",          "area",        "kind",
                                         "addresses", "pairs",        "by",          "made_hlc",
                                         "made_origin", "changed_hlc", "changed_origin", NULL};

static char *u64(uint64_t v)
{
    return xasprintf("%llu", (unsigned long long)v);
}

static bool parse_u64(const char *s, uint64_t *out)
{
    char *end;
    if (!*s || *s == '-')
        return false;
    *out = strtoull(s, &end, 10);
    return *end == '\0';
}

static bool is_door(const char *key)
{
    return strstr(key, "/door/") != NULL;
}

static bool is_round(const char *key)
{
    return !is_door(key);
}

static int round_out(const char *key, const char *value, char **f)
{
    struct round r;
    (void)key;
    if (round_decode(value, &r) != 0) {
        round_fini(&r);
        return WT_ECORRUPT;
    }
    const char *v[] = {r.id, r.date, r.area, r.kind, NULL, r.pairs, r.by};
    for (int i = 0; i < 7; i++)
        f[i] = xstrdup(v[i] ? v[i] : "");
    free(f[4]);
    f[4] = r.addresses ? xasprintf("%d", r.addresses) : xstrdup("");
    f[7] = u64(r.made.hlc);
    f[8] = u64(r.made.origin);
    f[9] = u64(r.changed.hlc);
    f[10] = u64(r.changed.origin);
    round_fini(&r);
    return 0;
}

static int round_in(char **f, char **key, char **value, struct wt_error *e)
{
    struct round r;
    round_init(&r);
    int rc = 0;
    if (strlen(f[0]) > WT_MAX_ID || strlen(f[1]) > 10 || strlen(f[3]) >= sizeof r.kind ||
        strlen(f[6]) > WT_MAX_ID)
        rc = wt_error_set(e, WT_EINVAL, _("id, date, kind of by: te lang"));
    snprintf(r.id, sizeof r.id, "%s", f[0]);
    snprintf(r.date, sizeof r.date, "%s", f[1]);
    round_set(&r.area, f[2]);
    snprintf(r.kind, sizeof r.kind, "%s", f[3]);
    char *end;
    r.addresses = (int)strtol(f[4], &end, 10);
    if (*end)
        rc = wt_error_set(e, WT_EINVAL, _("addresses: geen getal"));
    round_set(&r.pairs, f[5]);
    snprintf(r.by, sizeof r.by, "%s", f[6]);
    if (!rc && !(parse_u64(f[7], &r.made.hlc) && parse_u64(f[8], &r.made.origin) &&
                 parse_u64(f[9], &r.changed.hlc) && parse_u64(f[10], &r.changed.origin)))
        rc = wt_error_set(e, WT_EINVAL, _("made_hlc ... changed_origin: geen getallen"));
    if (!rc && !record_id_valid(r.id))
        rc = wt_error_set(e, WT_EINVAL, _("id: geen geldige id"));
    if (!rc)
        rc = round_validate(&r, e);
    if (!rc) {
        *key = xstrdup(r.id);
        *value = round_encode(&r);
    }
    round_fini(&r);
    return rc;
}

static const char *const door_head[] = {
    "round",  "no",     "where",   "answered", "talked",   "lonely",   "note",
    "ideas",  "care",   "talents", "signal",   "case",     "talent",   "by",
    "made_hlc", "made_origin", "changed_hlc", "changed_origin", NULL};

static int door_out(const char *key, const char *value, char **f)
{
    const char *d = strstr(key, "/door/");
    struct round_door r;
    if (round_door_decode(value, &r) != 0) {
        round_door_fini(&r);
        return WT_ECORRUPT;
    }
    f[0] = xstrndup(key, (size_t)(d - key));
    f[1] = xasprintf("%d", r.no);
    const char *txt[] = {r.where, r.answered ? "yes" : "no", r.talked ? "yes" : "no",
                         r.lonely ? "yes" : "no", r.note, r.ideas, r.care, r.talents,
                         r.signal, r.made_case, r.talent, r.by};
    for (int i = 0; i < 12; i++)
        f[2 + i] = xstrdup(txt[i] ? txt[i] : "");
    f[14] = u64(r.made.hlc);
    f[15] = u64(r.made.origin);
    f[16] = u64(r.changed.hlc);
    f[17] = u64(r.changed.origin);
    round_door_fini(&r);
    return 0;
}

static bool yes(const char *s, bool *out)
{
    *out = strcmp(s, "yes") == 0;
    return *out || strcmp(s, "no") == 0;
}

static int door_in(char **f, char **key, char **value, struct wt_error *e)
{
    struct round_door d;
    round_door_init(&d);
    int rc = 0;
    char *end;
    d.no = (int)strtol(f[1], &end, 10);
    if (!f[1][0] || *end)
        rc = wt_error_set(e, WT_EINVAL, _("no: geen nummer"));
    round_set(&d.where, f[2]);
    if (!rc && !(yes(f[3], &d.answered) && yes(f[4], &d.talked) && yes(f[5], &d.lonely)))
        rc = wt_error_set(e, WT_EINVAL, _("answered, talked, lonely: moet yes of no zijn"));
    round_set(&d.note, f[6]);
    round_set(&d.ideas, f[7]);
    round_set(&d.care, f[8]);
    round_set(&d.talents, f[9]);
    const char *ids[] = {f[0], f[10], f[11], f[12], f[13]};
    for (int i = 0; i < 5 && !rc; i++)
        if (strlen(ids[i]) > WT_MAX_ID || (i == 0 && !record_id_valid(ids[i])))
            rc = wt_error_set(e, WT_EINVAL, _("round, signal, case, talent of by: geen id"));
    if (!rc) {
        snprintf(d.signal, sizeof d.signal, "%s", f[10]);
        snprintf(d.made_case, sizeof d.made_case, "%s", f[11]);
        snprintf(d.talent, sizeof d.talent, "%s", f[12]);
        snprintf(d.by, sizeof d.by, "%s", f[13]);
    }
    if (!rc && !(parse_u64(f[14], &d.made.hlc) && parse_u64(f[15], &d.made.origin) &&
                 parse_u64(f[16], &d.changed.hlc) && parse_u64(f[17], &d.changed.origin)))
        rc = wt_error_set(e, WT_EINVAL, _("made_hlc ... changed_origin: geen getallen"));
    if (!rc)
        rc = round_door_validate(&d, e);
    if (!rc) {
        *key = xasprintf("%s/door/%06d", f[0], d.no);
        *value = round_door_encode(&d);
    }
    round_door_fini(&d);
    return rc;
}

/* --- meetings.csv: the day's notes stay key,value (free-form text fragments per day) --- */

static const char *const kv_head[] = {"key", "value", NULL};

static int kv_out(const char *key, const char *value, char **f)
{
    f[0] = xstrdup(key);
    f[1] = xstrdup(value);
    return 0;
}

static int kv_in(char **f, char **key, char **value, struct wt_error *e)
{
    if (!f[0][0])
        return wt_error_set(e, WT_EINVAL, _("key: ontbreekt"));
    *key = xstrdup(f[0]);
    *value = xstrdup(f[1]);
    return 0;
}

static const struct dump_family families[] = {
    {"measures.csv", "measure/", measure_head, 8, NULL, measure_out, measure_in},
    {"hours.csv", "balance/week/", hours_head, 4, NULL, hours_out, hours_in},
    {"targets.csv", "balance/target/", target_head, 2, NULL, target_out, target_in},
    {"rounds.csv", "round/", round_head, 11, is_round, round_out, round_in},
    {"doors.csv", "round/", door_head, 18, is_door, door_out, door_in},
    {"present.csv", "present/", kv_head, 2, NULL, kv_out, kv_in},
    /* Last: restore reads a version 1 dump's key,value files with it. */
    {"meetings.csv", "meeting/", kv_head, 2, NULL, kv_out, kv_in},
};

const char *const dump_log_head[DUMP_LOG_COLS] = {"time", "member", "behalf", "path",
                                                   "action", "kind", "id", "detail"};

const struct dump_family *dump_families(size_t *n)
{
    *n = sizeof families / sizeof families[0];
    return families;
}

const char *dump_family_col(const struct dump_family *f, size_t i)
{
    if (f->head == measure_head && i >= 2)
        return measure_domains[i - 2];
    return f->head[i];
}
