/* edit_db.c - the SQL behind edits: load, write a field, append history. */
#include "edit/edit_internal.h"

#include "store/store_internal.h"
#include "base/strbuf.h"
#include "edit/struct_internal.h"
#include "store/target_internal.h"

#include <stdlib.h>
#include <string.h>

/* Column names cannot be bound, so each field has its own constant SQL. */
static const struct {
    const char *field, *select, *update;
} field_sql[] = {
    {"status", "SELECT plan_id, ref, status FROM node WHERE id = ?",
     "UPDATE node SET status = ? WHERE id = ?"},
    {"due", "SELECT plan_id, ref, due FROM node WHERE id = ?",
     "UPDATE node SET due = ? WHERE id = ?"},
    {"unit", "SELECT plan_id, ref, unit FROM node WHERE id = ?",
     "UPDATE node SET unit = ? WHERE id = ?"},
    {"leader", "SELECT plan_id, ref, leader FROM node WHERE id = ?",
     "UPDATE node SET leader = ? WHERE id = ?"},
    {"extension", "SELECT plan_id, ref, extended_due FROM node WHERE id = ?",
     "UPDATE node SET extended_due = ? WHERE id = ?"},
    {"title", "SELECT plan_id, ref, title FROM node WHERE id = ?",
     "UPDATE node SET title = ? WHERE id = ?"},
    {"body", "SELECT plan_id, ref, body FROM node WHERE id = ?",
     "UPDATE node SET body = ? WHERE id = ?"},
    {"state", "SELECT plan_id, ref, state FROM node WHERE id = ?",
     "UPDATE node SET state = ? WHERE id = ?"},
};

static int field_index(const char *field)
{
    for (size_t i = 0; i < sizeof field_sql / sizeof field_sql[0]; i++)
        if (!strcmp(field, field_sql[i].field))
            return (int)i;
    return -1;
}

int edit_load_target(store *st, int64_t node_id, const char *field, edit_target *t,
                     duban_error *err)
{
    memset(t, 0, sizeof *t);
    if (target_field_seq(field) > 0) /* "target.N": a numeric target's value */
        return target_load_field(st, node_id, field, t, err);
    if (struct_field_kind(field)) /* place, order, ms.N.*, note.N */
        return struct_load_field(st, node_id, field, t, err);
    int fi = field_index(field);
    if (fi < 0)
        return duban_fail(err, DUBAN_EINVAL, "unknown field '%s'", field);
    sqlite3_stmt *stmt;
    if (db_prepare_cached(st, field_sql[fi].select, &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, node_id);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        t->node_id = node_id;
        t->plan_id = sqlite3_column_int64(stmt, 0);
        db_text_into(stmt, 1, t->ref, sizeof t->ref);
        t->value = db_text(stmt, 2);
    }
    db_stmt_done(st, stmt);
    if (rc == SQLITE_DONE)
        return duban_fail(err, DUBAN_ENOTFOUND, "no item with id %lld", (long long)node_id);
    if (rc != SQLITE_ROW)
        return db_fail(st, err, DUBAN_EDB, "cannot read item");
    return t->value ? DUBAN_OK : duban_fail(err, DUBAN_ENOMEM, "out of memory");
}

void edit_target_free(edit_target *t)
{
    free(t->value);
    t->value = NULL;
}

static int step_done(store *st, sqlite3_stmt *stmt, const char *what, duban_error *err)
{
    int rc = sqlite3_step(stmt);
    db_stmt_done(st, stmt);
    if (rc == SQLITE_DONE)
        return DUBAN_OK;
    if (rc == SQLITE_READONLY)
        return db_fail_readonly(st, err);
    return db_fail(st, err, DUBAN_EDB, what);
}

int edit_write_field(store *st, int64_t node_id, const char *field, const char *value,
                     duban_error *err)
{
    if (target_field_seq(field) > 0)
        return target_write_field(st, node_id, field, value, err);
    if (struct_field_kind(field))
        return struct_write_field(st, node_id, field, value, err);
    int fi = field_index(field);
    if (fi < 0)
        return duban_fail(err, DUBAN_EINVAL, "unknown field '%s'", field);
    sqlite3_stmt *stmt;
    if (db_prepare_cached(st, field_sql[fi].update, &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_text(stmt, 1, value, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 2, node_id);
    return step_done(st, stmt, "cannot change item", err);
}

int edit_insert_history(store *st, const history_new *h, int64_t *id, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare_cached(
            st,
            "INSERT INTO history(plan_id, node_id, at, action, target_id, field,"
            " old_value, new_value, note, meeting_id, done_top, redo_top)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
            " (SELECT id FROM meeting WHERE plan_id = ?1 AND ended_at IS NULL), ?10, ?11)",
            &stmt, err))
        return DUBAN_EDB;
    char now[32];
    db_now(st, now);
    sqlite3_bind_int64(stmt, 1, h->plan_id);
    sqlite3_bind_int64(stmt, 2, h->node_id);
    sqlite3_bind_text(stmt, 3, now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 4, h->action, -1, SQLITE_STATIC);
    if (h->target_id)
        sqlite3_bind_int64(stmt, 5, h->target_id);
    else
        sqlite3_bind_null(stmt, 5);
    sqlite3_bind_text(stmt, 6, h->field, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 7, h->old_value ? h->old_value : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 8, h->new_value ? h->new_value : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 9, h->note ? h->note : "", -1, SQLITE_STATIC);
    int is_edit = !strcmp(h->action, "edit");
    sqlite3_bind_int64(stmt, 10, is_edit ? -1 : h->done_top);
    sqlite3_bind_int64(stmt, 11, is_edit ? 0 : h->redo_top);
    int rc = step_done(st, stmt, "cannot record history", err);
    int64_t row = rc ? 0 : sqlite3_last_insert_rowid(st->db);
    if (!rc) /* its global identity (sync), once a trigger's work */
        rc = store_stamp_history(st, row, h->node_id, now, h->field,
                                 h->old_value ? h->old_value : "", h->new_value ? h->new_value : "",
                                 err);
    if (!rc && id)
        *id = row;
    return rc;
}

int edit_insert_note(store *st, int64_t node_id, int64_t history_id, const char *at,
                     const char *text, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare_cached(st, "INSERT INTO note(node_id, history_id, at, text) VALUES (?, ?, ?, ?)",
                          &stmt, err))
        return DUBAN_EDB;
    char now[32];
    db_now(st, now);
    sqlite3_bind_int64(stmt, 1, node_id);
    sqlite3_bind_int64(stmt, 2, history_id);
    sqlite3_bind_text(stmt, 3, at ? at : now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 4, text, -1, SQLITE_STATIC);
    return step_done(st, stmt, "cannot add note", err);
}

int edit_delete_notes(store *st, int64_t history_id, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare_cached(st, "DELETE FROM note WHERE history_id = ?", &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, history_id);
    return step_done(st, stmt, "cannot remove note", err);
}
