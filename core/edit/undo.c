/* undo.c - undo and redo: revert or re-apply an edit, appending a history
 * row that carries the new state of the stacks (see undo_state.c). */
#include "edit/edit.h"

#include "edit/edit_internal.h"
#include "store/store_internal.h"
#include "base/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct edit_row {
    int64_t node_id;
    char *at, *field, *old_value, *new_value, *note;
} edit_row;

static void edit_row_free(edit_row *e)
{
    free(e->at);
    free(e->field);
    free(e->old_value);
    free(e->new_value);
    free(e->note);
}

static int load_edit(store *st, int64_t id, edit_row *e, duban_error *err)
{
    memset(e, 0, sizeof *e);
    sqlite3_stmt *stmt;
    if (db_prepare_cached(st,
                          "SELECT node_id, at, field, old_value, new_value, note FROM history"
                          " WHERE id = ?",
                          &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, id);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        e->node_id = sqlite3_column_int64(stmt, 0);
        e->at = db_text(stmt, 1);
        e->field = db_text(stmt, 2);
        e->old_value = db_text(stmt, 3);
        e->new_value = db_text(stmt, 4);
        e->note = db_text(stmt, 5);
    }
    db_stmt_done(st, stmt);
    if (rc != SQLITE_ROW)
        return db_fail(st, err, DUBAN_EDB, "cannot read history row");
    if (!e->at || !e->field || !e->old_value || !e->new_value || !e->note)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory"); /* the caller frees e */
    return DUBAN_OK;
}

/* Reverts (undo) or re-applies (redo) edit row `target`; the caller holds
 * the transaction. */
static int revert_or_reapply(store *st, int64_t plan_id, int64_t target, int redo,
                             const undo_state *next, edit_result *result, duban_error *err)
{
    edit_row e;
    edit_target t = {0};
    int is_note = 0;
    int rc = load_edit(st, target, &e, err);
    if (!rc) {
        is_note = !strcmp(e.field, "note");
        rc = edit_load_target(st, e.node_id, is_note ? "status" : e.field, &t, err);
    }
    if (rc)
        goto out;
    /* After a sync the field may hold another replica's value: an undo
     * (redo) then leaves it alone unless it still holds what the edit
     * wrote (what its undo put back), so only this replica's own edit is
     * reverted (see sync/sync.h).  Such a row records old == new. */
    int stale =
        edit_field_is_register(e.field) && strcmp(t.value, redo ? e.old_value : e.new_value) != 0;
    const char *value = stale ? t.value : redo ? e.new_value : e.old_value;
    const char *before = is_note ? (redo ? "" : e.new_value) : t.value;
    const char *after = is_note ? (redo ? e.new_value : "") : value;
    history_new h = {plan_id, e.node_id, redo ? "redo" : "undo", target,        e.field, before,
                     after,   "",        next->done_top,         next->redo_top};
    int64_t hid = 0;
    if (!is_note && !stale)
        rc = edit_write_field(st, e.node_id, e.field, value, err);
    /* The number a move took the item from now belongs to an item that
     * came with a sync (place.c refuses it before writing anything): the
     * undo is popped and the item stays, so later edits can be undone. */
    if (rc == DUBAN_EINVAL && !redo && !strcmp(e.field, "place")) {
        rc = DUBAN_OK;
        stale = 2;
        h.new_value = t.value;
    }
    const char *progress = is_note ? e.new_value : e.note;
    if (!rc && redo && *progress)
        rc = edit_insert_note(st, e.node_id, target, e.at, progress, err);
    else if (!rc && !redo)
        rc = edit_delete_notes(st, target, err);
    if (!rc)
        rc = edit_insert_history(st, &h, &hid, err);
    if (!rc && !is_note) /* a move changes the ref: report the one it has now */
        rc = edit_current_ref(st, e.node_id, t.ref, sizeof t.ref, err);
    if (rc)
        goto out;
    result->history_id = hid;
    result->node_id = e.node_id;
    result->changed = 1;
    result->superseded = stale;
    snprintf(result->ref, sizeof result->ref, "%s", t.ref);
    snprintf(result->field, sizeof result->field, "%s", e.field);
    result->old_value = duban_strdup(is_note ? "" : e.old_value);
    result->new_value = duban_strdup(e.new_value);
    result->note = duban_strdup(e.note);
    if (!result->old_value || !result->new_value || !result->note)
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory"); /* undo_redo rolls back */
out:
    edit_row_free(&e);
    edit_target_free(&t);
    return rc;
}

/* The edit to act on and the stacks after acting: an undo pops the row
 * that pushed the top of done and becomes the top of redo (-1 = itself);
 * a redo pops the undo row on top of redo and becomes the top of done. */
static int plan_step(store *st, int64_t plan_id, int redo, int64_t *edit_id, undo_state *next,
                     duban_error *err)
{
    undo_state now, below;
    int rc = undo_state_after(st, plan_id, 0, &now, err);
    int64_t top = redo ? now.redo_top : now.done_top;
    if (!rc && !top)
        return duban_fail(err, DUBAN_EEMPTY, redo ? "nothing to redo" : "nothing to undo");
    if (!rc)
        rc = undo_state_after(st, plan_id, top, &below, err);
    if (!rc)
        rc = undo_edit_of(st, top, edit_id, err);
    next->done_top = redo ? -1 : below.done_top;
    next->redo_top = redo ? below.redo_top : -1;
    return rc;
}

static int undo_redo(store *st, int64_t plan_id, int redo, edit_result *result, duban_error *err)
{
    memset(result, 0, sizeof *result);
    /* One transaction from reading the stacks to writing the new row, so
     * two processes cannot undo the same edit twice. */
    if (db_tx_begin(st, err))
        return err ? err->code : DUBAN_EDB;
    int64_t edit_id = 0;
    undo_state next = {0};
    int rc = plan_step(st, plan_id, redo, &edit_id, &next, err);
    if (!rc)
        rc = revert_or_reapply(st, plan_id, edit_id, redo, &next, result, err);
    if (!rc)
        rc = db_tx_commit(st, err);
    if (rc) {
        db_tx_rollback(st);
        edit_result_free(result);
    }
    return rc;
}

int edit_undo(store *st, int64_t plan_id, edit_result *result, duban_error *err)
{
    return undo_redo(st, plan_id, 0, result, err);
}

int edit_redo(store *st, int64_t plan_id, edit_result *result, duban_error *err)
{
    return undo_redo(st, plan_id, 1, result, err);
}
