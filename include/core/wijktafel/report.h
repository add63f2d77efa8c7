/* report.h: the period's figures of `wijktafel report` (requests, answers, options, signal themes); pure functions. */
#ifndef WIJKTAFEL_REPORT_H
#define WIJKTAFEL_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "wijktafel/measure.h"
#include "wijktafel/record.h"

/* One counted row: key (an area, or NULL) and item (a need or theme tag, or
 * NULL for the key's total). Strings belong to the report. */
struct report_count {
    char *key;
    char *item;
    size_t count;
};

/* One option chosen for cases of the period, with its outcomes. */
struct report_option {
    char *id;      /* the option's id as written in cases.chosen */
    char *name;    /* the resource's name, or NULL (talents: a resident, never named) */
    int formal;    /* 1 for a resource of kind formal */
    size_t chosen; /* cases that chose it */
    size_t worked; /* of those, marked :worked */
    size_t failed; /* of those, marked :failed */
};

/* The requests of the period that came in through one channel
 * (cases.channel), and how many of them were answered with a wellbeing
 * option (as report.wellbeing counts). */
struct report_channel {
    char *channel; /* the stored code, "" when none was recorded */
    size_t requests, wellbeing;
};

/* The figures. Case figures count the cases opened in [from, to]; signal
 * figures the signals dated in it (days since 1970-01-01, both included). */
struct report {
    int32_t from, to;
    size_t requests;  /* cases opened in the period */
    size_t wellbeing; /* with a chosen option that is not a formal resource */
    size_t formal;    /* with `formal` filled or a chosen formal resource */
    size_t neither;   /* with neither */
    struct report_channel *channels; /* most requests first, then by code ("" last) */
    size_t n_channels;
    struct report_count *areas; /* per area (as recorded): key = area, item = NULL */
    size_t n_areas;
    struct report_count *needs; /* per area and folded need tag */
    size_t n_needs;
    struct report_option *options; /* most chosen first, then by id */
    size_t n_options;
    size_t signals; /* signals dated in the period */
    /* Per week (Monday to Sunday) from the week of `from` to that of `to`:
     * requests opened and signals dated in the period that week. */
    size_t n_weeks;
    size_t *week_requests, *week_signals;
    struct report_count *themes; /* per folded signal theme: key = NULL */
    size_t n_themes;
    /* Wellbeing measures of the period's cases, per phase (MEASURE_START,
     * MEASURE_CLOSE): cases measured, and per domain the cases scored and
     * the sum of their scores. */
    size_t measured[2];
    size_t domain_n[2][MEASURE_DOMAINS], domain_sum[2][MEASURE_DOMAINS];
};

struct report_input;

/* Collects cases, signals and resources (other kinds are ignored) for the
 * window [from, to]. Free with report_input_free. */
struct report_input *report_input_new(int32_t from, int32_t to);
/* Adds one record; what is kept is copied. Records with a missing or bad date
 * are left out of the period. */
void report_input_add(struct report_input *in, const struct wt_record *r);
/* Adds case_id's measure of phase when case_id is one of the period's cases
 * (added before); otherwise nothing. */
void report_input_add_measure(struct report_input *in, const char *case_id,
                              enum measure_phase phase, const struct measure *m);
void report_input_free(struct report_input *in);

/* The average of sum over n in tenths, rounded half up (0 when n is 0). */
size_t report_avg_tenths(size_t sum, size_t n);

/* Computes the figures; out is initialised here, free with report_fini.
 * Areas and needs are sorted by area then need; themes by count (most
 * first) then tag. */
void report_compute(const struct report_input *in, struct report *out);
void report_fini(struct report *r);

/* Writes into out (at least n * 3 + 1 bytes) a sparkline of n counts, one
 * block character per count: the lowest block for 0, the full one for the
 * largest count. */
void report_sparkline(const size_t *counts, size_t n, char *out);

/* n as a share of total in tenths of a percent, rounded (0 when total is 0). */
size_t report_permille(size_t n, size_t total);

#endif
