/* structure.h - editing the plan's structure: adding, moving, renumbering,
 * deleting nodes; milestones; deleting notes.
 *
 * Every function here is one transaction with one history row, undone and
 * redone by edit_undo()/edit_redo() like any edit (edit.h), across
 * restarts.  Renaming, bodies, cancelling and restoring are plain edits:
 * edit_apply() with FIELD_TITLE, FIELD_BODY and FIELD_STATE.
 *
 * Refs stay true: a new node takes the next free number among its
 * siblings (a number once given, even to a node since moved away or
 * removed, is never given to another); a moved node keeps a record of the
 * refs it had (node_moved_to).  Renumbering is explicit (edit_renumber).
 * A cancelled node ('cancelled', with a reason) is shown, marked, and left
 * out of counts, lights and overdue, with everything under it.  A removed
 * node (an undone addition, a deleted item) is shown nowhere.
 *
 * Errors: DUBAN_EINVAL for bad input (empty or over-long title, invalid
 * UTF-8, a move into itself, a bad date), DUBAN_ENOTFOUND for unknown
 * nodes or milestones; nothing is changed then.  result is filled on
 * success (free with edit_result_free) and zeroed on failure.
 */
#ifndef DUBAN_STRUCTURE_H
#define DUBAN_STRUCTURE_H

#include "edit/edit.h"

/* A node to add.  Only title is required; NULL means "" (due: for an
 * item, the end of the plan's period). */
typedef struct node_new {
    const char *title;
    const char *body;
    const char *due; /* YYYY-MM-DD */
    const char *unit;
    const char *leader;
    int64_t after_id; /* a sibling to place it after; 0: at the end */
} node_new;

/* Adds an area (parent_id 0), an item (parent an area) or a sub-item
 * (parent an item) to plan_id.  result->node_id is the new node, ref its
 * ref; history field "state" ('removed' -> ''). */
int edit_add_node(store *st, int64_t plan_id, int64_t parent_id, const node_new *nn,
                  edit_result *result, duban_error *err);

/* Removes an item that has no history at all and nothing under it (an
 * item added by mistake); undo brings it back.  Otherwise DUBAN_EINVAL
 * suggests cancelling. */
int edit_delete_node(store *st, int64_t node_id, edit_result *result, duban_error *err);

/* Moves node_id (with everything under it) under parent_id, placed after
 * after_id (0: at the end); it takes the next free number there and its
 * old refs lead to it.  History field "place". */
int edit_move_node(store *st, int64_t node_id, int64_t parent_id, int64_t after_id,
                   edit_result *result, duban_error *err);

/* Numbers the children of parent_id 1..n in outline order.  The refs they
 * had lead to them until given again.  DUBAN_EEMPTY when already in
 * order.  History field "order". */
int edit_renumber(store *st, int64_t parent_id, edit_result *result, duban_error *err);

/* Moves node_id one place up (dir < 0) or down among its siblings; its
 * number (ref) stays.  DUBAN_EEMPTY when it is already first or last;
 * DUBAN_EINVAL for an area.  History field "order" of the parent;
 * result->node_id and ref are the moved node's. */
int edit_reorder(store *st, int64_t node_id, int dir, edit_result *result, duban_error *err);

/* The node an old ref of plan_id now leads to (after a move or a
 * renumber).  DUBAN_ENOTFOUND when the ref never moved. */
int node_moved_to(store *st, int64_t plan_id, const char *ref, int64_t *node_id, duban_error *err);

/* Milestones of a node are numbered 1.. in order of addition; a deleted
 * one keeps its number (the list skips it).  History fields ms.N.due,
 * ms.N.done, ms.N.state. */
int edit_milestone_add(store *st, int64_t node_id, const char *phrase, const char *due,
                       edit_result *result, duban_error *err);
typedef enum milestone_op { MS_DATE, MS_DONE, MS_REOPEN, MS_DELETE } milestone_op;
/* date: the new date for MS_DATE, the day for MS_DONE (NULL: today is
 * not known to core, so the caller passes it). */
int edit_milestone(store *st, int64_t node_id, int n, milestone_op op, const char *date,
                   edit_result *result, duban_error *err);

/* Deletes the node's n-th note (1-based, as node_notes() lists them); the
 * note stays in the history and undo brings it back.  Field note.ID. */
int edit_note_delete(store *st, int64_t node_id, int n, edit_result *result, duban_error *err);

#endif
