/* undo_state.c - the undo and redo stacks, kept in the history rows.
 *
 * History is append-only, and undo/redo append rows of their own.  The
 * stacks those rows imply (an edit pushes itself on "done" and empties
 * "redo"; an undo moves the top of done onto redo; a redo moves it back)
 * are stored with each row as the state after it: done_top is the row that
 * pushed the top of done (an edit or a redo row), redo_top the undo row at
 * the top of redo; -1 means the row itself, 0 an empty stack.  The state
 * before a row is the state after the plan's previous row, so popping a
 * stack is one indexed lookup, whatever the length of the history. */
#include "edit/edit_internal.h"
#include "store/store_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int undo_state_after(store *st, int64_t plan_id, int64_t before_id, undo_state *out,
                     duban_error *err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt;
    if (db_prepare_cached(st,
                          "SELECT id, CASE done_top WHEN -1 THEN id ELSE done_top END,"
                          " CASE redo_top WHEN -1 THEN id ELSE redo_top END FROM history"
                          " WHERE plan_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT 1",
                          &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    /* a range, not "?2 = 0 OR id < ?2", which no index can serve */
    sqlite3_bind_int64(stmt, 2, before_id ? before_id : INT64_MAX);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        out->last_id = sqlite3_column_int64(stmt, 0);
        out->done_top = sqlite3_column_int64(stmt, 1);
        out->redo_top = sqlite3_column_int64(stmt, 2);
    }
    db_stmt_done(st, stmt);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? DUBAN_OK
               : db_fail(st, err, DUBAN_EDB, "cannot read history");
}

int undo_edit_of(store *st, int64_t row_id, int64_t *edit_id, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare_cached(st, "SELECT coalesce(target_id, id) FROM history WHERE id = ?", &stmt,
                          err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, row_id);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *edit_id = sqlite3_column_int64(stmt, 0);
    db_stmt_done(st, stmt);
    return rc == SQLITE_ROW ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot read history row");
}

static int count_stack(store *st, int64_t plan_id, int64_t top, int done, int *n, duban_error *err)
{
    *n = 0;
    while (top) {
        undo_state s;
        if (undo_state_after(st, plan_id, top, &s, err))
            return DUBAN_EDB;
        ++*n;
        top = done ? s.done_top : s.redo_top;
    }
    return DUBAN_OK;
}

int edit_undo_depth(store *st, int64_t plan_id, int *undo, int *redo, duban_error *err)
{
    undo_state s;
    int rc = undo_state_after(st, plan_id, 0, &s, err);
    if (!rc)
        rc = count_stack(st, plan_id, s.done_top, 1, undo, err);
    if (!rc)
        rc = count_stack(st, plan_id, s.redo_top, 0, redo, err);
    return rc;
}
