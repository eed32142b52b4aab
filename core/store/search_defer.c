/* search_defer.c - a batch that leaves the search index (node_fts) to
 * be rebuilt once at its end instead of updated edit by edit (store.h:
 * store_defer_search_index()).  SQLite 3.40's FTS5 flushes its pending
 * terms at every statement, so each note or unit edit costs a segment
 * write; a generator batch of a million edits spends a third of its
 * time there.  The rebuilt rows are those the triggers would have left:
 * the same columns, the notes joined by the same expression. */
#include "store/store_internal.h"

#include <stdlib.h>
#include <string.h>

/* The triggers that keep node_fts current (schema migration 5). */
static const char *const trigger_names[] = {"node_fts_insert", "node_fts_update",
                                            "node_fts_delete", "note_fts_insert",
                                            "note_fts_update", "note_fts_delete"};
/* clang-format off */
static const char *const drop_sql[] = {
    "DROP TRIGGER node_fts_insert", "DROP TRIGGER node_fts_update",
    "DROP TRIGGER node_fts_delete", "DROP TRIGGER note_fts_insert",
    "DROP TRIGGER note_fts_update", "DROP TRIGGER note_fts_delete"};
static const char *const rebuild_sql =
    "INSERT INTO node_fts(rowid, title, body, notes, unit, leader)"
    "  SELECT n.id, n.title, n.body, coalesce((SELECT group_concat(t.text, ' ') FROM note t"
    "    WHERE t.node_id = n.id AND t.state = ''), ''), n.unit, n.leader FROM node n";
/* clang-format on */
#define NTRIGGERS (sizeof trigger_names / sizeof trigger_names[0])

/* Appends the trigger's CREATE statement (as sqlite_schema keeps it) and
 * ";" to *script. */
static int save_trigger(store *st, const char *name, char **script, size_t *len, duban_error *err)
{
    sqlite3_stmt *stmt;
    int rc = db_prepare(st, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?",
                        &stmt, err);
    if (rc)
        return rc;
    sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(stmt) != SQLITE_ROW) {
        rc = db_fail(st, err, DUBAN_EDB, "search index trigger");
        sqlite3_finalize(stmt);
        return rc;
    }
    const char *sql = (const char *)sqlite3_column_text(stmt, 0);
    size_t n = sql ? strlen(sql) : 0;
    char *grown = realloc(*script, *len + n + 3);
    if (!grown) {
        sqlite3_finalize(stmt);
        return DUBAN_ENOMEM;
    }
    memcpy(grown + *len, sql ? sql : "", n);
    memcpy(grown + *len + n, ";\n", 3);
    *script = grown;
    *len += n + 2;
    sqlite3_finalize(stmt);
    return DUBAN_OK;
}

int store_defer_search_index(store *st, duban_error *err)
{
    if (!st->batch || st->search_triggers)
        return st->batch ? DUBAN_OK : DUBAN_EINVAL;
    char *script = NULL;
    size_t len = 0;
    int rc = DUBAN_OK;
    for (size_t i = 0; !rc && i < NTRIGGERS; i++)
        rc = save_trigger(st, trigger_names[i], &script, &len, err);
    for (size_t i = 0; !rc && i < NTRIGGERS; i++)
        rc = db_exec(st, drop_sql[i], err);
    if (rc) {
        free(script);
        return rc;
    }
    st->search_triggers = script;
    return DUBAN_OK;
}

int search_defer_finish(store *st, duban_error *err)
{
    if (!st->search_triggers)
        return DUBAN_OK;
    char *script = st->search_triggers;
    st->search_triggers = NULL;
    int rc = db_exec(st, "DELETE FROM node_fts", err);
    if (!rc)
        rc = db_exec(st, rebuild_sql, err);
    if (!rc)
        rc = db_exec_script(st, script, err);
    free(script);
    return rc;
}

void search_defer_drop(store *st)
{
    free(st->search_triggers);
    st->search_triggers = NULL;
}
