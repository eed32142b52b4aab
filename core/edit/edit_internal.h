/* edit_internal.h - the SQL steps edits, undo and redo share (internal). */
#ifndef DUBAN_EDIT_INTERNAL_H
#define DUBAN_EDIT_INTERNAL_H

#include "edit/edit.h"

/* An item about to be edited, with the current value of one field. */
typedef struct edit_target {
    int64_t node_id;
    int64_t plan_id;
    char ref[REF_LEN];
    char *value; /* heap */
} edit_target;

typedef struct history_new {
    int64_t plan_id;
    int64_t node_id;
    const char *action; /* edit, undo, redo */
    int64_t target_id;  /* 0 for an edit */
    const char *field;
    const char *old_value;
    const char *new_value;
    const char *note;
    /* The undo/redo stacks after this row (schema 3; see undo.c).  Ignored
     * for "edit" rows, which always push themselves and empty redo. */
    int64_t done_top, redo_top;
} history_new;

/* A title checked and trimmed (*out on the heap); DUBAN_EINVAL names the
 * problem (empty, control characters, too long, bad UTF-8). */
int edit_check_title(const char *value, char **out, duban_error *err);

/* field: status, due, unit or leader. DUBAN_ENOTFOUND for unknown ids. */
/* Text people type into the plan (unit, leader, notes, meeting titles,
 * labels): valid UTF-8 of at most EDIT_TEXT_MAX bytes (EDIT_NOTE_MAX for
 * notes: multiline).  DUBAN_EINVAL naming what. */
#define EDIT_TEXT_MAX 1000
#define EDIT_NOTE_MAX 128000
int edit_check_text(const char *what, const char *s, int multiline, duban_error *err);

int edit_load_target(store *st, int64_t node_id, const char *field, edit_target *t,
                     duban_error *err);
void edit_target_free(edit_target *t);
int edit_write_field(store *st, int64_t node_id, const char *field, const char *value,
                     duban_error *err);
int edit_insert_history(store *st, const history_new *h, int64_t *id, duban_error *err);
/* at NULL = now. */
int edit_insert_note(store *st, int64_t node_id, int64_t history_id, const char *at,
                     const char *text, duban_error *err);
int edit_delete_notes(store *st, int64_t history_id, duban_error *err);
/* The node's ref as it stands (after a move or a renumber). */
int edit_current_ref(store *st, int64_t node_id, char *ref, size_t refsz, duban_error *err);
/* The current value of node_id's target "target.N" as decimal text (""
 * if none), for edit_load_target (target_progress.c). */
int target_load_field(store *st, int64_t node_id, const char *field, edit_target *t,
                      duban_error *err);

/* undo_state.c: the undo/redo stacks stored with each history row. */
typedef struct undo_state {
    int64_t last_id;  /* the row the state is after, 0 when none */
    int64_t done_top; /* row that pushed the top of the undo stack, 0 empty */
    int64_t redo_top; /* undo row at the top of the redo stack, 0 empty */
} undo_state;
/* The state after the plan's last row before before_id (0: after the
 * newest row); all zero when there is none. */
int undo_state_after(store *st, int64_t plan_id, int64_t before_id, undo_state *out,
                     duban_error *err);
/* The edit a history row is or acts on (its target, or itself). */
int undo_edit_of(store *st, int64_t row_id, int64_t *edit_id, duban_error *err);

#endif
