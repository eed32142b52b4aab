/* plan_edit.h - choosing, renaming, re-dating and deleting whole plans.
 *
 * plan_set_default() picks the plan commands use when no --plan is given
 * (otherwise the newest); plan_resolve() (query.h) honours it.
 * plan_rename() and plan_set_period() are edits like any other: one
 * transaction, one history row (fields "plan.title", "plan.period",
 * recorded on the plan's first area), undone and redone by
 * edit_undo()/edit_redo().  plan_delete() removes a plan and everything
 * in it for good (the caller asks for confirmation); it is refused while
 * a meeting of that plan is open, and tells the store's progress
 * (store_set_progress()) while it runs.
 *
 * Errors: DUBAN_ENOTFOUND for an unknown plan, DUBAN_EINVAL for a bad
 * title or period (FROM after TO, not YYYY-MM-DD); nothing changes then.
 */
#ifndef DUBAN_PLAN_EDIT_H
#define DUBAN_PLAN_EDIT_H

#include "edit/edit.h"

int plan_set_default(store *st, int64_t plan_id, duban_error *err);
/* The chosen default plan, 0 when none is chosen (or it was deleted). */
int plan_default(store *st, int64_t *plan_id, duban_error *err);
int plan_rename(store *st, int64_t plan_id, const char *title, edit_result *result,
                duban_error *err);
/* from, to: YYYY-MM-DD, from <= to. */
int plan_set_period(store *st, int64_t plan_id, const char *from, const char *to,
                    edit_result *result, duban_error *err);
int plan_delete(store *st, int64_t plan_id, duban_error *err);

#endif
