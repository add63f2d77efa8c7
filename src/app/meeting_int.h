/* meeting_int.h: what the meeting files of the app layer share. */
#ifndef WIJKTAFEL_MEETING_INT_H
#define WIJKTAFEL_MEETING_INT_H

#include "app_int.h"
#include "wijktafel/meeting.h"

/* The fingerprint of the current social map (resources and talents), one
 * "ID\tHASH" line per record. Caller frees. */
char *meeting_map_digest(struct store_txn *t);

/* "meeting/YYYY-MM-DD/" followed by tail; caller frees. */
char *meeting_key(int32_t day, const char *tail);

#endif
