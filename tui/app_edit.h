/* app_edit.h - edits from the keyboard: status keys, prompts for due
 * date, unit, leader and notes, undo and redo, and the search prompt.
 *
 * Every edit goes through core (edit.h): one transaction, one history
 * row.  Afterwards only the edited node and the statistics are re-read
 * (app_after_change), the statistics once the keys are handled.  The outcome, or core's error
 * message, is put on the status line; nothing asks for confirmation.  Areas take only notes.
 */
#ifndef DUBAN_TUI_APP_EDIT_H
#define DUBAN_TUI_APP_EDIT_H

#include "app.h"

/* Sets the selected item's status to status index idx of the set. */
void app_set_status(app *a, int idx);
/* Sets the selected item's status to the next one in the set. */
void app_next_status(app *a);
/* Opens a prompt (due, unit, leader, note, search) on the status line. */
void app_prompt(app *a, prompt_kind kind);
/* Feeds one key to the open prompt. */
void app_prompt_key(app *a, int is_fn, uint32_t key);
/* Undoes (redo = 0) or redoes the plan's last edit. */
void app_undo(app *a, int redo);
/* Re-reads node id after it changed and marks the statistics stale: they
 * cost a pass over the whole plan, so the main loop re-reads them
 * (app_refresh_stats) only once the new frame is shown and no key is
 * waiting. */
void app_after_change(app *a, int64_t id);
void app_refresh_stats(app *a);
/* Re-reads what is shown after another process changed the store. */
void app_reload(app *a);

#endif
