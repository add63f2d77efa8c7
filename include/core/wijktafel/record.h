/* record.h: the eight record kinds of FORMATS.md, their columns, and records as validated strings. */
#ifndef WIJKTAFEL_RECORD_H
#define WIJKTAFEL_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wijktafel/error.h"

enum wt_kind {
    WT_MEMBERS,
    WT_CASES,
    WT_SIGNALS,
    WT_RESOURCES,
    WT_TALENTS,
    WT_ACTIONS,
    WT_PROJECTS,
    WT_PARTNERS,
    WT_KIND_COUNT
};

/* Column numbers per kind; column 0 is always the id. */
enum { MEMBER_ID, MEMBER_NAME, MEMBER_ROLE, MEMBER_DISCIPLINE, MEMBER_AREA, MEMBER_HOURS,
       MEMBER_NFIELDS };
enum { CASE_ID, CASE_OPENED, CASE_AREA, CASE_RESIDENT, CASE_REQUEST, CASE_AGE, CASE_OWNER,
       CASE_STATUS, CASE_NEEDS, CASE_STRENGTHS, CASE_NETWORK, CASE_FORMAL, CASE_RESTRICTED,
       CASE_CHOSEN, CASE_CHANNEL, CASE_CLOSED, CASE_NFIELDS };
enum { SIGNAL_ID, SIGNAL_DATE, SIGNAL_AREA, SIGNAL_TEXT, SIGNAL_SOURCE, SIGNAL_THEMES,
       SIGNAL_CASE, SIGNAL_STATUS, SIGNAL_REPORTER, SIGNAL_NFIELDS };
enum { RESOURCE_ID, RESOURCE_NAME, RESOURCE_KIND, RESOURCE_AREA, RESOURCE_NEEDS,
       RESOURCE_INTERESTS, RESOURCE_AGES, RESOURCE_ACCESS, RESOURCE_SCHEDULE, RESOURCE_CONTACT,
       RESOURCE_DESCRIPTION, RESOURCE_CHECKED, RESOURCE_CAPACITY, RESOURCE_REACH, RESOURCE_NFIELDS };
enum { TALENT_ID, TALENT_NAME, TALENT_AREA, TALENT_OFFERS, TALENT_INTERESTS, TALENT_AVAILABLE,
       TALENT_CONSENT, TALENT_NFIELDS };
enum { ACTION_ID, ACTION_TEXT, ACTION_MEETING, ACTION_OWNER, ACTION_DUE, ACTION_STATUS,
       ACTION_CASE, ACTION_NFIELDS };
enum { PROJECT_ID, PROJECT_NAME, PROJECT_AREA, PROJECT_PHASE, PROJECT_THEMES, PROJECT_MEMBERS,
       PROJECT_RESIDENTS, PROJECT_SIGNALS, PROJECT_CASES, PROJECT_FUNDING, PROJECT_AMOUNT,
       PROJECT_NEXT, PROJECT_NEXT_DATE, PROJECT_STARTED, PROJECT_STEPPED_BACK,
       PROJECT_DESCRIPTION, PROJECT_NFIELDS };
enum { PARTNER_ID, PARTNER_NAME, PARTNER_ROLE, PARTNER_AREA, PARTNER_ORGANISATION,
       PARTNER_CONTACT, PARTNER_LAST_CONTACT, PARTNER_NOTES, PARTNER_NFIELDS };

#define WT_MAX_FIELDS 16
#define WT_MAX_FIELD_BYTES 4000
#define WT_MAX_ID 32

enum wt_ftype {
    FT_ID,     /* the record's id */
    FT_TEXT,   /* free text, may hold line breaks */
    FT_DATE,   /* YYYY-MM-DD */
    FT_ENUM,   /* one of field->values */
    FT_SET,    /* ';'-list of field->values (resources.access) */
    FT_TAGS,   /* ';'-list of tags */
    FT_AREA,   /* path with '/' */
    FT_UINT,   /* whole number >= 0 (cases.age) */
    FT_HOURS,  /* decimal number >= 0 with at most two decimals */
    FT_REF,    /* id of a record of field->ref */
    FT_AGES,   /* MIN-MAX, either bound may be empty */
    FT_YESNO,  /* yes or no */
    FT_CHOSEN, /* ';'-list of option ids, each optionally ":worked" or ":failed" */
    FT_REFS,   /* ';'-list of ids of records of field->ref (projects.members) */
    FT_MONEY,  /* euros: decimal number >= 0 with at most two decimals */
};

/* Index kinds of a column: which secondary index the store keeps. */
enum { FIDX_NONE = 0, FIDX_VALUE = 1, FIDX_TAGS = 2 };

struct wt_field_def {
    const char *name;
    enum wt_ftype type;
    bool required;
    const char *const *values; /* FT_ENUM and FT_SET: NULL-terminated */
    enum wt_kind ref;          /* FT_REF */
    const char *dflt;          /* filled in when absent, or NULL */
    int index;                 /* FIDX_* */
    bool personal;             /* a resident's personal data (name) */
    bool count;                /* FT_ENUM: a whole number >= 0 is allowed too (capacity) */
};

struct wt_kind_def {
    const char *name; /* "cases" */
    int nfields;
    const struct wt_field_def *fields;
};

/* A record: per column a NUL-terminated UTF-8 value, NULL when empty.
 * The strings belong to the record; record_fini frees them. */
struct wt_record {
    enum wt_kind kind;
    char *v[WT_MAX_FIELDS];
    bool damaged; /* a stored value that could not be read: only the id is known */
};

const struct wt_kind_def *record_kind(enum wt_kind kind);

/* Finds a kind by its FORMATS.md name; returns 0 or WT_EINVAL. */
int record_kind_by_name(const char *name, enum wt_kind *out);

/* What one record of kind is called in the interface language ("casus",
 * "lid"; English "case", "member"): for messages about a record. */
const char *record_kind_noun(enum wt_kind kind);

/* The column number of name in kind, or -1. */
int record_field_index(enum wt_kind kind, const char *name);

void record_init(struct wt_record *r, enum wt_kind kind);
void record_fini(struct wt_record *r);
/* Deep copy of src into dst (dst is overwritten, not freed first). */
void record_copy(struct wt_record *dst, const struct wt_record *src);
/* Replaces column f with a copy of value (NULL or "" clears it). */
void record_set(struct wt_record *r, int f, const char *value);
/* Value of column f, "" when empty; never NULL. */
const char *record_get(const struct wt_record *r, int f);
/* True when both records hold the same values. */
bool record_equal(const struct wt_record *a, const struct wt_record *b);

/* Validates raw as the value of column f and stores its canonical form
 * (trimmed; lists without empty items). Returns 0, or WT_EINVAL with
 * err->text "COLUMN: what is wrong". An empty value clears the column. */
int record_set_checked(struct wt_record *r, int f, const char *raw, struct wt_error *err);

/* Checks that required columns are present and fills defaults.
 * Returns 0 or WT_EINVAL ("COLUMN: ontbreekt"). */
int record_complete(struct wt_record *r, struct wt_error *err);

/* Validates every column of an already filled record (as record_set_checked
 * would) and completes it. Used on records from outside the CSV path. */
int record_validate(struct wt_record *r, struct wt_error *err);

/* True when s is a valid id (1-32 of A-Z a-z 0-9 . _ -). */
bool record_id_valid(const char *s);

/* The free places of a capacity value that is a number ("0" to "9999"), or
 * -1 for open, full, paused or anything else. */
int record_capacity_places(const char *s);

/* Parses an ages value "MIN-MAX" into bounds (-1 for none). 0 or WT_EINVAL. */
int record_parse_ages(const char *s, int *min, int *max);

#endif
