/* edit.h - changing items, with history, undo and redo.
 *
 * Every edit is one transaction that changes the item and appends one
 * history row (time, field, old value, new value, note).  History is
 * append-only: undo and redo append rows of their own (action "undo" /
 * "redo" pointing at the edit they revert or re-apply), so the undo state
 * survives a restart and is derived from history alone.  Undo and redo are
 * per plan.  A new edit clears what could be redone.
 *
 * Values: status by key, name, alias or number (status_lookup); due as
 * YYYY-MM-DD (validated); unit and leader as free text (trimmed; "" clears);
 * a note must be non-empty; a title is one non-empty line of at most
 * EDIT_TITLE_MAX characters.  Text must be valid UTF-8.  A status change may
 * carry a note; it is also recorded as a progress note on the item.
 */
#ifndef DUBAN_EDIT_H
#define DUBAN_EDIT_H

#include "base/error.h"
#include "plan/model.h"
#include "store/store.h"

typedef enum edit_field {
    FIELD_STATUS,
    FIELD_DUE,
    FIELD_UNIT,
    FIELD_LEADER,
    FIELD_NOTE,
    FIELD_EXTENSION, /* 延期: approved new due date (YYYY-MM-DD, "" withdraws it); the
                        original due is kept; the note is the reason */
    FIELD_TITLE,     /* the title: one line, 1..EDIT_TITLE_MAX characters */
    FIELD_BODY,      /* the body text (may be empty) */
    FIELD_STATE,     /* "cancelled" (取消, the note is the reason) or "" (restored);
                        other states are set by structure.h */
} edit_field;

/* The longest title accepted, in characters. */
#define EDIT_TITLE_MAX 500

/* What an edit, undo or redo did.  Values are as stored (status keys);
 * old_value/new_value are "" for a note edit's old value. */
typedef struct edit_result {
    int64_t history_id;
    int64_t node_id;
    char ref[REF_LEN];
    char field[32];
    char *old_value; /* value before this operation */
    char *new_value; /* value after this operation */
    char *note;      /* "" when none */
    int changed;     /* 0 when the new value equals the old one (no row written) */
    int superseded;  /* undo/redo: the field holds another replica's later value, which
                        stays (sync/sync.h); the row is written, the field is not.  2: an
                        undo of a move whose old number an item from another replica
                        holds now; the item stays where it is (the undo is popped) */
} edit_result;

void edit_result_free(edit_result *r);

const char *edit_field_name(edit_field f);
/* Parses "status", "due", "unit", "leader", "note", "extension", "title",
 * "body", "state"; returns 0
 * or -1.  (Numeric target progress is recorded with field "target.N", see
 * target.h.) */
int edit_field_parse(const char *name, edit_field *f);
/* Is field one of an item's plain values (status, due, unit, leader,
 * extension, target.N), as opposed to a note or the plan's structure
 * (titles, places, states...)?  Sync exchanges these and notes; undo and
 * redo leave such a field alone when another replica's value replaced
 * the edit's (sync/sync.h). */
int edit_field_is_value(const char *field);
/* Is field a register that sync merges by the later edit (the values
 * above, titles, bodies, states, milestones' dates and done days, the
 * plan's title and period)?  Undo and redo of an edit of one leave the
 * field alone when another replica's value replaced the edit's; places
 * and orders are given back (when their number is still free). */
int edit_field_is_register(const char *field);

/* Applies one edit.  Setting a field to its current value without a note
 * changes nothing (result->changed == 0, DUBAN_OK).  DUBAN_EINVAL for a bad
 * value, DUBAN_ENOTFOUND for an unknown node. */
int edit_apply(store *st, int64_t node_id, edit_field field, const char *value, const char *note,
               edit_result *result, duban_error *err);

/* Reverts the plan's most recent edit not yet undone; DUBAN_EEMPTY when
 * there is none.  result describes the edit that was undone (its old and
 * new value, so old_value is what the field holds again) and history_id is
 * the new "undo" row. */
int edit_undo(store *st, int64_t plan_id, edit_result *result, duban_error *err);
/* Re-applies the most recently undone edit; DUBAN_EEMPTY when none.
 * result describes the re-applied edit (new_value is what the field holds
 * again). */
int edit_redo(store *st, int64_t plan_id, edit_result *result, duban_error *err);

/* Counts of what undo/redo would act on (for the status line). */
int edit_undo_depth(store *st, int64_t plan_id, int *undo, int *redo, duban_error *err);

/* Sets the current value of node_id's numeric target (plan/target.h)
 * matched by label (as target_find) to value: a decimal number, or "" to
 * clear it.  One transaction and one history row (field "target.SEQ",
 * values as decimal text); note as in edit_apply().  Setting the same value without a note
 * changes nothing (result->changed 0).  DUBAN_EINVAL for a value that is
 * not a number. */
int target_set_progress(store *st, int64_t node_id, const char *label, const char *value,
                        const char *note, edit_result *result, duban_error *err);

#endif
