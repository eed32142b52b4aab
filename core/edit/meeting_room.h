/* meeting_room.h - what a meeting carries beyond its edits: who attended,
 * its minutes frozen when it ended, and reopening it.
 *
 * Frozen minutes: when a meeting ends, the caller renders its minutes
 * (report/minutes.h, minutes_freeze) and keeps one body per format here;
 * printing the minutes of an ended meeting later reprints those bodies,
 * so they show the meeting's figures, not today's.  Reopening a meeting
 * drops them (they are made again when it ends again).
 *
 * Errors: DUBAN_EINVAL (no meeting to reopen, one already open, bad
 * text), DUBAN_ENOTFOUND, DUBAN_EDB, DUBAN_EIO (read-only database).
 */
#ifndef DUBAN_MEETING_ROOM_H
#define DUBAN_MEETING_ROOM_H

#include "base/error.h"
#include "store/store.h"

#include <stdint.h>

/* Reopens the plan's most recent meeting when it has ended and no other
 * is open; its frozen minutes are dropped.  *id (may be NULL) is the
 * meeting reopened. */
int meeting_reopen(store *st, int64_t plan_id, int64_t *id, duban_error *err);

/* The attendees of a meeting (参会人员), free text such as "王县长、李副县长、
 * 各责任单位负责人"; "" clears.  Valid UTF-8, at most 2000 bytes. */
int meeting_set_attendees(store *st, int64_t meeting_id, const char *text, duban_error *err);
/* A heap copy of them ("" when none) into *out. */
int meeting_attendees(store *st, int64_t meeting_id, char **out, duban_error *err);

/* Keeps body as the frozen minutes of meeting_id in format (e.g. "md"),
 * replacing an earlier one. */
int meeting_minutes_put(store *st, int64_t meeting_id, const char *format, const char *body,
                        duban_error *err);
/* The frozen body of that format as a heap string into *out, or NULL
 * when there is none (DUBAN_OK either way). */
int meeting_minutes_get(store *st, int64_t meeting_id, const char *format, char **out,
                        duban_error *err);

#endif
