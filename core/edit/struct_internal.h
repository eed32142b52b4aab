/* struct_internal.h - the history fields of structural edits (internal).
 *
 * Structural edits are recorded like any other edit: one history row whose
 * field names what changed and whose old and new values are enough to put
 * it back, so undo.c reverts and re-applies them through
 * edit_load_target()/edit_write_field() without knowing about them.
 *
 *   state        node.state: '' / 'cancelled' / 'removed' (add = removed -> '')
 *   place        where a node sits: "PARENT_ID SEQ SORT_KEY" (PARENT_ID 0: area)
 *   order        the places of all children of a node (renumber):
 *                "ID SEQ SORT_KEY;ID SEQ SORT_KEY;..."
 *   ms.N.due     milestone N's date; ms.N.done its done day ('' open);
 *   ms.N.state   '' or 'removed' (add = removed -> '')
 *   plan.title, plan.period   the plan's title, "FROM..TO"
 *   note.H       the state ('' or 'removed') of the note written by history row H
 *   note.iN      the same for note N, which no edit wrote (an imported note)
 *
 * Writers run inside the caller's transaction.  Moving a node records
 * the refs it and its descendants had in moved_ref, and forgets the refs
 * they take, so an old ref leads to the node until it is given again. */
#ifndef DUBAN_STRUCT_INTERNAL_H
#define DUBAN_STRUCT_INTERNAL_H

#include "edit/edit_internal.h"
#include "store/store_internal.h"

/* Non-zero when field is one of the structural fields above except state
 * (which edit_db.c's column table serves). */
int struct_field_kind(const char *field);
int struct_load_field(store *st, int64_t node_id, const char *field, edit_target *t,
                      duban_error *err);
int struct_write_field(store *st, int64_t node_id, const char *field, const char *value,
                       duban_error *err);

/* plan_edit.c: plan.title, plan.period (recorded on the plan's first area) */
int plan_field_load(store *st, int64_t node_id, const char *field, edit_target *t,
                    duban_error *err);
int plan_field_write(store *st, int64_t node_id, const char *field, const char *value,
                     duban_error *err);

/* place.c */
int place_load(store *st, int64_t node_id, const char *field, edit_target *t, duban_error *err);
int place_write(store *st, int64_t node_id, const char *field, const char *value, duban_error *err);
/* The next free number among parent_id's children (0: the plan's areas):
 * above every child's, removed ones included, and every number a moved
 * node had there. */
int place_next_seq(store *st, int64_t plan_id, int64_t parent_id, int *seq, duban_error *err);
/* The sort key of a new child of parent numbered seq, placed after
 * after_id (0: at the end by number). */
int place_sort_key(store *st, int64_t parent_id, int64_t after_id, int seq, char *out, size_t outsz,
                   duban_error *err);
/* The ref a child of parent_id numbered seq gets. */
int place_child_ref(store *st, int64_t parent_id, int seq, char *out, size_t outsz,
                    duban_error *err);

/* milestone_edit.c */
int ms_load(store *st, int64_t node_id, const char *field, edit_target *t, duban_error *err);
int ms_write(store *st, int64_t node_id, const char *field, const char *value, duban_error *err);
/* note_edit.c */
int note_load(store *st, int64_t node_id, const char *field, edit_target *t, duban_error *err);
int note_write(store *st, int64_t node_id, const char *field, const char *value, duban_error *err);

/* One structural edit in its own transaction: runs pre (may be NULL; an
 * addition inserts its row there, in the 'removed' state), writes
 * field := new_value on node_id, appends the history row (old_value ->
 * new_value, note) and fills result (ref as it stands afterwards).  The
 * note is not a progress note (undo and redo would take it for one's
 * text only for field "note").  When node_id is 0,
 * pre inserts the node and ctx starts with an int64_t where pre puts its
 * id. */
typedef int (*struct_pre_fn)(store *st, void *ctx, duban_error *err);
int struct_commit(store *st, int64_t plan_id, int64_t node_id, const char *field,
                  const char *old_value, const char *new_value, const char *note, struct_pre_fn pre,
                  void *ctx, edit_result *result, duban_error *err);

/* Runs one statement to its end (finalizes it). */
int struct_step(store *st, sqlite3_stmt *stmt, const char *what, duban_error *err);

#endif
