/* meeting.h - review meetings (调度会 / 推进会) and what changed in them.
 *
 * A plan has at most one open meeting.  While it is open every history
 * row of the plan (edits, undos, redos, from any process) records the
 * meeting's id, so the meeting's changes are read back from history.
 *
 * Call order: meeting_start() -> edits (edit.h, target.h) ->
 * meeting_end(); meeting_changes() and meeting_silent_items() work on open
 * and ended meetings alike.
 *
 * Changes are the net effect of the meeting: for each item and field, the
 * value before the meeting's first row against the value after its last
 * row; a field set and then undone (or set back by hand) in the same
 * meeting is not a change, and an undo in the meeting of an earlier edit
 * is.  A note (field "note") counts when its edit was made in the meeting
 * and was not undone by the end of it.
 *
 * "No progress reported" (未报进展): items (depth 2) not done whose subtree
 * has no standing report (an edit of the status, a progress note, a
 * target's value or an extension; a change of due date, unit or leader is
 * not a report) since the previous
 * meeting ended (since the plan was imported for the first meeting) up to
 * the end of this one.  "Standing" means not undone (as of that end).  An
 * item added in that time (a decision's tracked item, an item added at the
 * meeting) has had no time to report and is not listed.
 *
 * All lists are caller-provided; free them with the matching _free.
 * Errors: DUBAN_EINVAL for a bad title/date or a meeting already open,
 * DUBAN_ENOTFOUND for an unknown meeting, DUBAN_EDB.
 */
#ifndef DUBAN_MEETING_H
#define DUBAN_MEETING_H

#include "base/error.h"
#include "plan/model.h"
#include "store/store.h"

#include <stddef.h>
#include <stdint.h>

typedef struct meeting {
    int64_t id;
    int64_t plan_id;
    int seq; /* 1-based number of the meeting within its plan */
    char *title;
    char date[DATE_LEN];
    char *started_at; /* ISO timestamp, UTC */
    char *ended_at;   /* "" while open */
    int open;
    int64_t history_start; /* largest history id when it started */
    int64_t history_end;   /* ... when it ended; 0 while open */
} meeting;
typedef struct meeting_list {
    meeting *v;
    size_t n;
} meeting_list;

void meeting_free(meeting *m);
void meeting_list_free(meeting_list *l);

/* Opens a meeting of plan_id titled `title` (trimmed, non-empty, UTF-8) on
 * `date` (YYYY-MM-DD, required: the caller passes today).  Refuses
 * with DUBAN_EINVAL naming the open meeting when there is one.  *id (may
 * be NULL) is the new meeting's id. */
int meeting_start(store *st, int64_t plan_id, const char *title, const char *date, int64_t *id,
                  duban_error *err);
/* Closes the plan's open meeting; DUBAN_EINVAL when none is open (ask
 * meeting_current() first to know which one it is). */
int meeting_end(store *st, int64_t plan_id, duban_error *err);

/* The plan's meetings, oldest first. */
int meeting_list_all(store *st, int64_t plan_id, meeting_list *out, duban_error *err);
/* The open meeting into *out (DUBAN_OK); when none is open *out is zeroed
 * (out->id == 0) and DUBAN_OK is returned. */
int meeting_current(store *st, int64_t plan_id, meeting *out, duban_error *err);
int meeting_get(store *st, int64_t meeting_id, meeting *out, duban_error *err);
/* Chooses a meeting of plan_id: selector NULL/"" = the open one, else the
 * most recent; a number = that meeting id.  DUBAN_ENOTFOUND when the plan
 * has no such meeting (or none at all). */
int meeting_resolve(store *st, int64_t plan_id, const char *selector, int64_t *meeting_id,
                    duban_error *err);

/* One net change. */
typedef struct meeting_change {
    int64_t node_id;
    char ref[REF_LEN];
    char *title; /* the item's title */
    int area_seq;
    char field[32];  /* status, due, unit, leader, note, extension, target.N, title,
                        body, ms.N.due|done|state, note.H, plan.title|period; and
                        for structural changes: added (new: the title),
                        added_cancelled (added, then cancelled in the same
                        window; new: the title, note: the reason),
                        deleted, cancelled, restored (old and new ""), moved
                        (old: the ref it had, new: the ref now),
                        reordered (renumbered or moved up or down),
                        ms_added, ms_deleted, ms_done, ms_reopened, ms_due
                        (label: the milestone's word), note_deleted,
                        note_restored */
    char *label;     /* target label for target.N, else "" */
    char *old_value; /* as stored (status keys); "" for a note */
    char *new_value; /* for a note: its text */
    char *note;      /* note given with the edit that stands, "" if none */
    char *at;        /* time of the last row of the change */
} meeting_change;
typedef struct meeting_change_list {
    meeting_change *v;
    size_t n;
    size_t total; /* the window's changes: v holds the first n of them */
} meeting_change_list;
void meeting_change_list_free(meeting_change_list *l);

/* The net changes of a meeting, in outline order, then in the order they
 * were first made. */
int meeting_changes(store *st, int64_t meeting_id, meeting_change_list *out, duban_error *err);
/* The net changes of plan_id since the last ended meeting (since import
 * when there is none), including an open meeting's. */
int changes_since_last_meeting(store *st, int64_t plan_id, meeting_change_list *out,
                               duban_error *err);
/* The net changes made between the end of the meeting before meeting_id
 * (the import for the first) and its start: the reports that came in
 * between meetings.  Only the first max are kept (0: none, only counted;
 * SIZE_MAX: all); out->total counts them all.  A first meeting after a
 * long history had hundreds of thousands, and who starts a meeting reads
 * a few. */
int changes_before_meeting(store *st, int64_t meeting_id, size_t max, meeting_change_list *out,
                           duban_error *err);
/* Items with no progress reported (see above), in outline order; read
 * without their text (body "") and children (-1): what the lists print
 * (number, title, status, unit, leader) only, not every column. */
int meeting_silent_items(store *st, int64_t meeting_id, node_list *out, duban_error *err);

/* A field name for people: 状态 时限 责任单位 分管领导 进展 延期 目标; the
 * field itself when unknown. */
const char *meeting_field_title(const char *field);

#endif
