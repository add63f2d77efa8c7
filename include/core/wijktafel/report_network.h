/* report_network.h: the report's collective work (issue 21): projects started, handed over and stopped in the period, and per partner its signals and referrals; pure functions. */
#ifndef WIJKTAFEL_REPORT_NETWORK_H
#define WIJKTAFEL_REPORT_NETWORK_H

#include <stddef.h>
#include <stdint.h>

#include "wijktafel/record.h"

/* What happened to a project in the period. */
enum report_event {
    REPORT_STARTED,     /* projects.started lies in the period */
    REPORT_HANDED_OVER, /* stepped_back lies in it, phase overdragen or zelfstandig */
    REPORT_STOPPED,     /* stepped_back lies in it, phase gestopt */
    REPORT_EVENTS
};

/* The CSV item of an event: "started", "handed-over", "stopped". */
extern const char *const report_event_codes[REPORT_EVENTS];

/* One event of one project; a project started and handed over in the same
 * period has two. Strings belong to the report. */
struct report_project {
    enum report_event event;
    int32_t day;   /* the event's date (days since 1970-01-01) */
    char *id, *name, *area, *phase;
    char *signals; /* the signals it answered, as stored (a ';'-list), "" for none */
    size_t n_signals;
};

/* One partner: the period's signals whose source is the partner's id, and
 * of those the ones linked to a case (signals.case): a referral. */
struct report_partner {
    char *id, *name, *role;
    size_t signals, referrals;
};

struct report_network {
    size_t events[REPORT_EVENTS];     /* projects per event */
    struct report_project *projects;  /* by date, then event, then id */
    size_t n_projects;
    struct report_partner *partners;  /* most signals first, then referrals, then id */
    size_t n_partners;
};

struct report_network_input;

/* Collects projects, partners and signals (other kinds are ignored) for the
 * window [from, to] (days, both included). Free with
 * report_network_input_free. */
struct report_network_input *report_network_input_new(int32_t from, int32_t to);
/* Adds one record; what is kept is copied. A signal outside the window, or
 * a project date that is missing or bad, counts for nothing. */
void report_network_input_add(struct report_network_input *in, const struct wt_record *r);
void report_network_input_free(struct report_network_input *in);

/* Computes the figures; out is initialised here, free with
 * report_network_fini. Every partner added is listed, also with nothing
 * counted. */
void report_network_compute(const struct report_network_input *in, struct report_network *out);
void report_network_fini(struct report_network *n);

#endif
