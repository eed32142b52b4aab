/* app_edit.h - edits from the keyboard: status keys, prompts for due
 * date, unit, leader and notes, extensions and target progress (two
 * questions each), meetings, undo and redo, and the search prompt.
 *
 * Every edit goes through core (edit.h, target.h): one transaction, one
 * history row.  Afterwards only the edited node and its area's numbers
 * are re-read (app_after_change): no whole-plan query follows an edit.
 * The outcome, or core's error message, is put on the status line;
 * nothing asks for confirmation.  Areas take only notes.
 *
 * app_edit.c has the one-question edits, app_flow.c the others.
 *
 * Layer: app, below dispatch and above the views: it invalidates views
 * through the registry (views_invalidate), never by name.
 */
#ifndef DUBAN_TUI_APP_EDIT_H
#define DUBAN_TUI_APP_EDIT_H

#include "screen/app.h"
#include "edit/edit.h"

/* Sets the selected item's status to status index idx of the set. */
void app_set_status(app *a, int idx);
/* Sets the selected item's status to the next one in the set. */
void app_next_status(app *a);
/* Opens the prompt for a new value of field f of the selected node
 * (fields.def: due, unit, leader, note) on the status line. */
void app_prompt_field(app *a, edit_field f);
/* Opens the search prompt. */
void app_prompt_search(app *a);
/* Feeds one key to the open prompt. */
void app_prompt_key(app *a, int is_fn, uint32_t key);
/* Undoes (redo = 0) or redoes the plan's last edit. */
void app_undo(app *a, int redo);
/* Re-reads node id and its area's statistics and lights after it changed;
 * drops what other views loaded. */
void app_after_change(app *a, int64_t id);
/* Re-reads what is shown after another process changed the store. */
void app_reload(app *a);
/* Re-reads the open meeting into a->mtg. */
void app_load_meeting(app *a);

/* app_flow.c: x asks for the approved date, then the reason (延期);
 * P for the target (when the item has several), then its value; M starts
 * a meeting (asking its title) or ends the open one. */
void app_extend(app *a);
void app_progress(app *a);
void app_meeting(app *a);
/* u when a->undo_kind is not UNDO_LAST_EDIT: reopens the meeting M just
 * ended, or takes back (decision_withdraw()) the decision Y just recorded
 * without an item (it has no history row to undo). */
void app_undo_flow(app *a);
/* After an edit of one's own: u undoes the history's last edit again. */
void app_edited(app *a);
/* Y: asks for a decision of the open meeting, about the selected item. */
void app_decide(app *a);
/* Enter (accepted 1) or Esc on one of their prompts (the kinds after
 * PROMPT_FIELD). */
void app_flow_done(app *a, int accepted);

/* app_struct.c: i adds an item after the selected one (asks its title), r
 * renames in place, X cancels (asks the reason) or restores, D marks a
 * milestone done or reopens it (asks which, when several), b edits the
 * body in $VISUAL / $EDITOR; < > T move it (below). */
void app_add_item(app *a);
void app_rename(app *a);
void app_cancel_item(app *a);
void app_milestone_done(app *a);
void app_edit_body(app *a);
/* < and > move the selected item one place up (dir -1) or down; T asks
 * where to move it (an area's or an item's ref). */
void app_move_item(app *a, int dir);
void app_move_to(app *a);
/* Enter or Esc on their prompts (kind >= PROMPT_ADD_TITLE). */
void app_struct_done(app *a, int accepted);

/* For app_flow.c. */
/* The selected node into *n (node_free it) when it takes field; else 0
 * with a message (areas take only notes). */
int app_editable(app *a, edit_field field, node *n);
/* edit_apply() with the outcome on the status line and the model updated;
 * returns core's status (its message then on the status line). */
int app_apply(app *a, int64_t id, edit_field field, const char *value, const char *note);
/* Opens prompt kind about node id on the status line: its label from fmt,
 * its text prefill (NULL: empty). */
void app_ask(app *a, prompt_kind kind, int64_t id, const char *prefill, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* After an answer that cannot be taken (a bad date, an empty reason): the
 * same prompt stays open with what was typed, saying why, so nothing typed
 * before is lost; Esc still cancels. */
void app_ask_again(app *a, const char *why);
/* "5.1 未启动 → 已完成", "5.1 延期 — → 2022-03-31", "8.2 目标 美丽乡村 — → 9". */
void app_describe(app *a, const edit_result *r, char *out, size_t outsz);

#endif
