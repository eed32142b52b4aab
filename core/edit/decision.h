/* decision.h - decisions (议定事项) of a meeting: what the meeting
 * decided, optionally about an item, with a responsible unit and a due
 * date.  A decision belongs to the plan's open meeting; it is listed in
 * that meeting's minutes (section 二, 议定事项).
 *
 * A decision with both a unit and a due date becomes a tracked item of
 * the plan (its "item"), with lights and overdue like any other: a
 * sub-item of the item it is about (of that item's parent when it is a
 * sub-item itself; an item of the area when it is about an area), or
 * else an item of the area DECISION_AREA, added at the end of the plan
 * the first time and reused after.  The item's title is the decision's
 * text (its first line, at most EDIT_TITLE_MAX characters; the whole
 * text is then its body).  The decision and its item are written in one
 * transaction; the item's addition is an ordinary history row, so
 * edit_undo() right after takes the item away and the decision with it
 * (a decision whose item is removed is listed nowhere) and edit_redo()
 * brings both back.  Adding the area, the first time, is a history row
 * of its own before it.
 *
 * Errors: DUBAN_EINVAL (no meeting open, empty or bad text, bad date),
 * DUBAN_EDB, DUBAN_EIO (read-only database).
 */
#ifndef DUBAN_DECISION_H
#define DUBAN_DECISION_H

#include "base/error.h"
#include "plan/model.h"
#include "store/store.h"

#include <stddef.h>
#include <stdint.h>

typedef struct decision {
    int64_t id;
    int64_t meeting_id;
    int64_t node_id;   /* the item it is about, 0 none */
    char ref[REF_LEN]; /* that item's ref, "" none */
    char *text;
    char *unit; /* "" none */
    char due[DATE_LEN];
    char *at;               /* when it was recorded (UTC) */
    int64_t item_id;        /* the tracked item it became, 0 none */
    char item_ref[REF_LEN]; /* that item's ref as it stands, "" none */
} decision;
typedef struct decision_list {
    decision *v;
    size_t n;
} decision_list;
void decision_list_free(decision_list *l);
/* Frees what one decision holds (not d itself). */
void decision_free(decision *d);

/* The area that holds the tracked items of decisions about no item. */
#define DECISION_AREA "会议议定事项"

/* What decision_add() recorded: the decision, and the tracked item it
 * became (item_id 0 and item_ref "" when it has no unit or no due). */
typedef struct decision_added {
    int64_t id;
    int64_t item_id;
    char item_ref[REF_LEN];
} decision_added;

/* Records a decision of plan_id's open meeting: text (trimmed, non-empty,
 * UTF-8, at most 2000 bytes), unit (trimmed; NULL or "" none), due
 * (YYYY-MM-DD, NULL or "" none), node_id (the node it is about, 0 none).
 * With a unit and a due it becomes a tracked item (see above).  *out
 * (may be NULL) says what was recorded.  Nothing is written on failure. */
int decision_add(store *st, int64_t plan_id, const char *text, const char *unit, const char *due,
                 int64_t node_id, decision_added *out, duban_error *err);
/* The decisions of a meeting, in the order they were made (those whose
 * tracked item was taken away by an undo left out). */
int decision_list_of(store *st, int64_t meeting_id, decision_list *out, duban_error *err);

/* What decision_withdraw() took back with the decision: its tracked item,
 * removed ("" none). */
typedef struct decision_withdrawn {
    char item_ref[REF_LEN];
} decision_withdrawn;

/* Takes back a decision of plan_id's open meeting recorded by mistake
 * (decision_id: decision.id, decision_added.id).  A plain decision is
 * deleted (nothing refers to it; no undo brings it back).  A tracked one
 * goes with its item, removed as edit_delete_node() removes an item added
 * by mistake (one history row: edit_undo() brings both back), and is
 * refused as there (DUBAN_EINVAL, suggesting to cancel the item) once the
 * item has an edit or a note of its own.  DUBAN_EINVAL without an open
 * meeting, or for a decision of an ended meeting (its minutes stand);
 * DUBAN_ENOTFOUND for a decision that is not there (or already taken
 * back).  *out may be NULL.  Nothing is changed on failure. */
int decision_withdraw(store *st, int64_t plan_id, int64_t decision_id, decision_withdrawn *out,
                      duban_error *err);

#endif
