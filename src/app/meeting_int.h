/* meeting_int.h: what the meeting files of the app layer share. */
#ifndef WIJKTAFEL_MEETING_INT_H
#define WIJKTAFEL_MEETING_INT_H

#include "app_int.h"
#include "wijktafel/meeting.h"

/* The fingerprint of the current social map (resources and talents), one
 * "ID\tHASH" line per record, into *out (caller frees). 0, or store_each's
 * error with *out NULL: a digest of half the map is never made. */
int meeting_map_digest(struct store_txn *t, char **out);

/* "meeting/YYYY-MM-DD/" followed by tail; caller frees. */
char *meeting_key(int32_t day, const char *tail);

/* "present/YYYY-MM-DD/MEMBER": that member opened the screen on day (the
 * value the time, or "-" as the chair set it). Under the general key, so
 * that a volunteer's presence is noted too; days before kept it as
 * "meeting/DAY/present/MEMBER", which is still read. Caller frees. */
char *meeting_present_key(int32_t day, const char *member);

#endif
