/* schema_steps.c - the C steps of migrations, registered with their SQL in
 * the migration table (schema.c, see schema.h).  They run inside the
 * migration's transaction and use only the store and what lies below it. */
#include "store/schema.h"

#include "base/list.h"
#include "plan/target.h"
#include "store/store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Calls step on every plan of the database, in id order. */
static int each_plan(store *st, int (*step)(store *, int64_t, duban_error *), duban_error *err)
{
    sqlite3_stmt *stmt;
    int64_t *ids = NULL;
    size_t n = 0;
    int rc = db_prepare(st, "SELECT id FROM plan ORDER BY id", &stmt, err);
    if (!rc)
        rc = db_collect(st, stmt, sizeof *ids, (void **)&ids, &n, db_read_int64, db_release_nothing,
                        err);
    for (size_t i = 0; !rc && i < n; i++)
        rc = step(st, ids[i], err);
    free(ids);
    return rc;
}

static int scan_targets(store *st, int64_t plan_id, duban_error *err)
{
    return target_rescan_plan(st, plan_id, NULL, err);
}

int schema_step_targets(store *st, duban_error *err)
{
    return each_plan(st, scan_targets, err);
}

static int store_row_state(store *st, sqlite3_stmt *upd, int64_t id, int64_t done_top,
                           int64_t redo_top, duban_error *err)
{
    sqlite3_reset(upd);
    sqlite3_bind_int64(upd, 1, done_top);
    sqlite3_bind_int64(upd, 2, redo_top);
    sqlite3_bind_int64(upd, 3, id);
    return sqlite3_step(upd) == SQLITE_DONE ? DUBAN_OK
                                            : db_fail(st, err, DUBAN_EDB, "cannot fill history");
}

/* Fills the undo state of every history row of the plan by replaying it
 * (edit/undo_state.c says what the state is). */
static int backfill_undo(store *st, int64_t plan_id, duban_error *err)
{
    sqlite3_stmt *rows = NULL, *upd = NULL;
    int64_t *done = NULL, *redo = NULL;
    size_t ndone = 0, nredo = 0, dcap = 0, rcap = 0;
    int rc =
        db_prepare(st, "SELECT id, action FROM history WHERE plan_id = ? ORDER BY id", &rows, err);
    if (!rc)
        rc =
            db_prepare(st, "UPDATE history SET done_top = ?, redo_top = ? WHERE id = ?", &upd, err);
    if (!rc)
        sqlite3_bind_int64(rows, 1, plan_id);
    while (!rc && sqlite3_step(rows) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(rows, 0);
        const char *action = (const char *)sqlite3_column_text(rows, 1);
        if (ARRAY_GROW(done, dcap, ndone + 1) || ARRAY_GROW(redo, rcap, nredo + 1)) {
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
            break;
        }
        if (!strcmp(action, "edit")) {
            done[ndone++] = id;
            nredo = 0;
        } else if (!strcmp(action, "undo") && ndone) {
            ndone--;
            redo[nredo++] = id;
        } else if (!strcmp(action, "redo") && nredo) {
            nredo--;
            done[ndone++] = id;
        }
        rc = store_row_state(st, upd, id, ndone ? done[ndone - 1] : 0, nredo ? redo[nredo - 1] : 0,
                             err);
    }
    sqlite3_finalize(rows);
    sqlite3_finalize(upd);
    free(done);
    free(redo);
    return rc;
}

int schema_step_undo(store *st, duban_error *err)
{
    int rc = each_plan(st, backfill_undo, err);
    return rc ? rc : db_exec_script(st, schema_append_only_trigger(), err);
}

/* ?1 the constraint as migration 1 wrote it, ?2 the same test as ORs. */
static const char history_check_sql[] =
    "UPDATE sqlite_schema SET sql = replace(sql, ?1, ?2)"
    " WHERE type = 'table' AND name = 'history' AND instr(sql, ?1) > 0";

static int read_schema_version(store *st, int *version, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st, "PRAGMA schema_version", &s, err))
        return DUBAN_EDB;
    int rc = sqlite3_step(s) == SQLITE_ROW ? DUBAN_OK : DUBAN_EDB;
    *version = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return rc ? db_fail(st, err, rc, "cannot read the schema version") : DUBAN_OK;
}

int schema_step_history_check(store *st, duban_error *err)
{
    int version, changed = 0;
    if (read_schema_version(st, &version, err) || db_exec(st, "PRAGMA writable_schema = ON", err))
        return DUBAN_EDB;
    sqlite3_stmt *s;
    int rc = db_prepare(st, history_check_sql, &s, err);
    if (!rc) {
        sqlite3_bind_text(s, 1, "CHECK (action IN ('edit', 'undo', 'redo'))", -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, "CHECK (action = 'edit' OR action = 'undo' OR action = 'redo')", -1,
                          SQLITE_STATIC);
        rc = sqlite3_step(s) == SQLITE_DONE
                 ? DUBAN_OK
                 : db_fail(st, err, DUBAN_EDB, "cannot rewrite history's definition");
        changed = sqlite3_changes(st->db);
        sqlite3_finalize(s);
    }
    /* other connections read the definition again when the version moves */
    char bump[64];
    snprintf(bump, sizeof bump, "PRAGMA schema_version = %d", version + 1);
    if (!rc && changed)
        rc = db_exec(st, bump, err);
    int off = db_exec(st, "PRAGMA writable_schema = RESET", rc ? NULL : err);
    return rc ? rc : off;
}
