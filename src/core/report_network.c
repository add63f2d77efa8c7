/* report_network.c: counting the period's projects and the partners' signals and referrals for `wijktafel report`. */
#include "wijktafel/report_network.h"

#include <stdlib.h>
#include <string.h>

#include "wijktafel/date.h"
#include "wijktafel/tags.h"
#include "wijktafel/xalloc.h"

const char *const report_event_codes[REPORT_EVENTS] = {"started", "handed-over", "stopped"};

struct rn_signal {
    char *source;
    int has_case;
};

struct report_network_input {
    int32_t from, to;
    struct report_project *projects;
    size_t n_projects, cap_projects;
    struct report_partner *partners;
    size_t n_partners, cap_partners;
    struct rn_signal *signals;
    size_t n_signals, cap_signals;
};

/* Grows *p (of elements of size sz) so that one more fits. */
static void grow(void **p, size_t n, size_t *cap, size_t sz)
{
    if (n < *cap)
        return;
    *cap = *cap ? *cap * 2 : 16;
    *p = xrealloc(*p, *cap * sz);
}

struct report_network_input *report_network_input_new(int32_t from, int32_t to)
{
    struct report_network_input *in = xcalloc(1, sizeof *in);
    in->from = from;
    in->to = to;
    return in;
}

/* The date column f of r in *day when it lies in the window. */
static int in_window(const struct report_network_input *in, const struct wt_record *r, int f,
                     int32_t *day)
{
    return date_parse(record_get(r, f), day) == 0 && *day >= in->from && *day <= in->to;
}

/* Adds one event of project r on day. */
static void add_event(struct report_network_input *in, const struct wt_record *r,
                      enum report_event ev, int32_t day)
{
    grow((void **)&in->projects, in->n_projects, &in->cap_projects, sizeof *in->projects);
    struct report_project *p = &in->projects[in->n_projects++];
    p->event = ev;
    p->day = day;
    p->id = xstrdup(record_get(r, PROJECT_ID));
    p->name = xstrdup(record_get(r, PROJECT_NAME));
    p->area = xstrdup(record_get(r, PROJECT_AREA));
    p->phase = xstrdup(record_get(r, PROJECT_PHASE));
    p->signals = xstrdup(record_get(r, PROJECT_SIGNALS));
    struct taglist l;
    tags_split(p->signals, &l);
    p->n_signals = l.n;
    tags_fini(&l);
}

/* A project: started by its start date; handed over or stopped by the date
 * the team stepped back, as its phase says. */
static void add_project(struct report_network_input *in, const struct wt_record *r)
{
    int32_t day;
    if (in_window(in, r, PROJECT_STARTED, &day))
        add_event(in, r, REPORT_STARTED, day);
    if (!in_window(in, r, PROJECT_STEPPED_BACK, &day))
        return;
    const char *phase = record_get(r, PROJECT_PHASE);
    if (strcmp(phase, "overdragen") == 0 || strcmp(phase, "zelfstandig") == 0)
        add_event(in, r, REPORT_HANDED_OVER, day);
    else if (strcmp(phase, "gestopt") == 0)
        add_event(in, r, REPORT_STOPPED, day);
}

void report_network_input_add(struct report_network_input *in, const struct wt_record *r)
{
    int32_t day;
    if (r->kind == WT_PROJECTS) {
        add_project(in, r);
    } else if (r->kind == WT_PARTNERS) {
        grow((void **)&in->partners, in->n_partners, &in->cap_partners, sizeof *in->partners);
        struct report_partner *p = &in->partners[in->n_partners++];
        *p = (struct report_partner){xstrdup(record_get(r, PARTNER_ID)),
                                     xstrdup(record_get(r, PARTNER_NAME)),
                                     xstrdup(record_get(r, PARTNER_ROLE)), 0, 0};
    } else if (r->kind == WT_SIGNALS && *record_get(r, SIGNAL_SOURCE) &&
               in_window(in, r, SIGNAL_DATE, &day)) {
        grow((void **)&in->signals, in->n_signals, &in->cap_signals, sizeof *in->signals);
        in->signals[in->n_signals++] =
            (struct rn_signal){xstrdup(record_get(r, SIGNAL_SOURCE)),
                               *record_get(r, SIGNAL_CASE) != '\0'};
    }
}

/* Frees the strings of n project events and the array. */
static void projects_free(struct report_project *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(p[i].id);
        free(p[i].name);
        free(p[i].area);
        free(p[i].phase);
        free(p[i].signals);
    }
    free(p);
}

/* Frees the strings of n partners and the array. */
static void partners_free(struct report_partner *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(p[i].id);
        free(p[i].name);
        free(p[i].role);
    }
    free(p);
}

void report_network_input_free(struct report_network_input *in)
{
    if (!in)
        return;
    projects_free(in->projects, in->n_projects);
    partners_free(in->partners, in->n_partners);
    for (size_t i = 0; i < in->n_signals; i++)
        free(in->signals[i].source);
    free(in->signals);
    free(in);
}

/* By date, then event, then id. */
static int cmp_project(const void *a, const void *b)
{
    const struct report_project *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    if (x->event != y->event)
        return x->event < y->event ? -1 : 1;
    return strcmp(x->id, y->id);
}

static int cmp_partner_id(const void *a, const void *b)
{
    return strcmp(((const struct report_partner *)a)->id,
                  ((const struct report_partner *)b)->id);
}

/* Most signals first, then most referrals, then by id. */
static int cmp_partner(const void *a, const void *b)
{
    const struct report_partner *x = a, *y = b;
    if (x->signals != y->signals)
        return x->signals > y->signals ? -1 : 1;
    if (x->referrals != y->referrals)
        return x->referrals > y->referrals ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* Copies n project events; the copy owns its strings. */
static struct report_project *projects_copy(const struct report_project *p, size_t n)
{
    struct report_project *out = xcalloc(n ? n : 1, sizeof *out);
    for (size_t i = 0; i < n; i++) {
        out[i] = p[i];
        out[i].id = xstrdup(p[i].id);
        out[i].name = xstrdup(p[i].name);
        out[i].area = xstrdup(p[i].area);
        out[i].phase = xstrdup(p[i].phase);
        out[i].signals = xstrdup(p[i].signals);
    }
    return out;
}

void report_network_compute(const struct report_network_input *in, struct report_network *out)
{
    memset(out, 0, sizeof *out);
    out->n_projects = in->n_projects;
    out->projects = projects_copy(in->projects, in->n_projects);
    if (out->n_projects)
        qsort(out->projects, out->n_projects, sizeof *out->projects, cmp_project);
    for (size_t i = 0; i < out->n_projects; i++)
        out->events[out->projects[i].event]++;
    out->n_partners = in->n_partners;
    out->partners = xcalloc(in->n_partners ? in->n_partners : 1, sizeof *out->partners);
    for (size_t i = 0; i < in->n_partners; i++)
        out->partners[i] = (struct report_partner){xstrdup(in->partners[i].id),
                                                   xstrdup(in->partners[i].name),
                                                   xstrdup(in->partners[i].role), 0, 0};
    if (!out->n_partners)
        return;
    qsort(out->partners, out->n_partners, sizeof *out->partners, cmp_partner_id);
    for (size_t i = 0; i < in->n_signals; i++) {
        struct report_partner key = {.id = in->signals[i].source};
        struct report_partner *p = bsearch(&key, out->partners, out->n_partners,
                                           sizeof *out->partners, cmp_partner_id);
        if (p) {
            p->signals++;
            p->referrals += (size_t)in->signals[i].has_case;
        }
    }
    qsort(out->partners, out->n_partners, sizeof *out->partners, cmp_partner);
}

void report_network_fini(struct report_network *n)
{
    if (!n)
        return;
    projects_free(n->projects, n->n_projects);
    partners_free(n->partners, n->n_partners);
    memset(n, 0, sizeof *n);
}
