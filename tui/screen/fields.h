/* fields.h - what the front end says about each field an edit changes:
 * labels, the one-question prompts and what they start with, all from
 * fields.def.  No curses, no store.
 *
 * Every function takes one of core's edit_field values (edit/edit.h);
 * a value outside the list gives "" / NULL / 0.
 */
#ifndef DUBAN_TUI_FIELDS_H
#define DUBAN_TUI_FIELDS_H

#include "edit/edit.h"
#include "plan/model.h"
#include "screen/actions.h"

/* The short label, "时限" ("" when unknown). */
const char *field_label(edit_field f);
/* The label a change on the status line starts with: "时限 ", or "" for
 * a field whose values speak for themselves (status). */
const char *field_change_label(edit_field f);
/* The one-question prompt's label, or NULL when f is asked another way. */
const char *field_prompt(edit_field f);
/* What the prompt for f on node n starts with ("" for an empty line). */
const char *field_prefill(edit_field f, const node *n);
/* The field whose one question act asks (1), or 0 when act asks none. */
int field_for_action(action act, edit_field *f);

#endif
