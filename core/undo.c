/* undo.c - undo and redo derived from the append-only history.
 *
 * Replaying the plan's history rows in order through two stacks gives the
 * edits that can be undone (top = most recent) and those that can be
 * redone: an edit pushes on "done" and empties "undone"; an undo moves its
 * target from done to undone; a redo moves it back. */
#include "edit.h"

#include "edit_internal.h"
#include "store_internal.h"
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct stacks {
    int64_t *done, *undone;
    size_t ndone, nundone;
} stacks;

static void stacks_free(stacks *s)
{
    free(s->done);
    free(s->undone);
}

static int replay(store *st, int64_t plan_id, stacks *s, duban_error *err)
{
    memset(s, 0, sizeof *s);
    sqlite3_stmt *stmt;
    if (db_prepare(st, "SELECT count(*) FROM history WHERE plan_id = ?", &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    size_t cap = sqlite3_step(stmt) == SQLITE_ROW ? (size_t)sqlite3_column_int64(stmt, 0) : 0;
    sqlite3_finalize(stmt);
    s->done = malloc((cap + 1) * sizeof *s->done);
    s->undone = malloc((cap + 1) * sizeof *s->undone);
    if (!s->done || !s->undone)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    if (db_prepare(st, "SELECT id, action, target_id FROM history WHERE plan_id = ? ORDER BY id",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && s->ndone < cap + 1) {
        const char *action = (const char *)sqlite3_column_text(stmt, 1);
        if (!strcmp(action, "edit")) {
            s->done[s->ndone++] = sqlite3_column_int64(stmt, 0);
            s->nundone = 0;
        } else if (!strcmp(action, "undo") && s->ndone) {
            s->undone[s->nundone++] = s->done[--s->ndone];
        } else if (!strcmp(action, "redo") && s->nundone) {
            s->done[s->ndone++] = s->undone[--s->nundone];
        }
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? DUBAN_OK
                                                 : db_fail(st, err, DUBAN_EDB, "cannot read history");
}

int edit_undo_depth(store *st, int64_t plan_id, int *undo, int *redo, duban_error *err)
{
    stacks s;
    int rc = replay(st, plan_id, &s, err);
    if (!rc) {
        *undo = (int)s.ndone;
        *redo = (int)s.nundone;
    }
    stacks_free(&s);
    return rc;
}

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
    if (db_prepare(st,
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
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW)
        return db_fail(st, err, DUBAN_EDB, "cannot read history row");
    return e->note ? DUBAN_OK : duban_fail(err, DUBAN_ENOMEM, "out of memory");
}

/* Reverts (undo) or re-applies (redo) edit row `target`; the caller holds
 * the transaction. */
static int revert_or_reapply(store *st, int64_t plan_id, int64_t target, int redo,
                             edit_result *result, duban_error *err)
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
    const char *value = redo ? e.new_value : e.old_value;
    const char *before = is_note ? (redo ? "" : e.new_value) : t.value;
    const char *after = is_note ? (redo ? e.new_value : "") : value;
    history_new h = {plan_id, e.node_id, redo ? "redo" : "undo", target, e.field, before,
                     after,   ""};
    int64_t hid = 0;
    if (!is_note)
        rc = edit_write_field(st, e.node_id, e.field, value, err);
    const char *progress = is_note ? e.new_value : e.note;
    if (!rc && redo && *progress)
        rc = edit_insert_note(st, e.node_id, target, e.at, progress, err);
    else if (!rc && !redo)
        rc = edit_delete_notes(st, target, err);
    if (!rc)
        rc = edit_insert_history(st, &h, &hid, err);
    if (rc)
        goto out;
    result->history_id = hid;
    result->node_id = e.node_id;
    result->changed = 1;
    snprintf(result->ref, sizeof result->ref, "%s", t.ref);
    snprintf(result->field, sizeof result->field, "%s", e.field);
    result->old_value = duban_strdup(is_note ? "" : e.old_value);
    result->new_value = duban_strdup(e.new_value);
    result->note = duban_strdup(e.note);
out:
    edit_row_free(&e);
    edit_target_free(&t);
    return rc;
}

static int undo_redo(store *st, int64_t plan_id, int redo, edit_result *result,
                     duban_error *err)
{
    memset(result, 0, sizeof *result);
    /* One transaction from reading the history to writing the undo row, so
     * two processes cannot undo the same edit twice. */
    if (db_tx_begin(st, err))
        return err ? err->code : DUBAN_EDB;
    stacks s;
    int rc = replay(st, plan_id, &s, err);
    if (!rc) {
        size_t n = redo ? s.nundone : s.ndone;
        if (!n)
            rc = duban_fail(err, DUBAN_EEMPTY, redo ? "nothing to redo" : "nothing to undo");
        else
            rc = revert_or_reapply(st, plan_id, redo ? s.undone[n - 1] : s.done[n - 1], redo,
                                   result, err);
    }
    stacks_free(&s);
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
