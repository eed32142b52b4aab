/* note_edit.c - deleting a mistaken progress note (history field note.H,
 * H the history row that wrote the note: stable when undo and redo take
 * the note away and put it back). */
#include "edit/structure.h"

#include "edit/struct_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int64_t note_key(const char *field)
{
    if (strncmp(field, "note.", 5) || !isdigit((unsigned char)field[5]))
        return 0;
    char *end;
    long long h = strtoll(field + 5, &end, 10);
    return *end ? 0 : (int64_t)h;
}

int note_load(store *st, int64_t node_id, const char *field, edit_target *t, duban_error *err)
{
    memset(t, 0, sizeof *t);
    sqlite3_stmt *s;
    if (db_prepare(st,
                   "SELECT n.plan_id, n.ref, t.state FROM note t JOIN node n ON n.id = t.node_id"
                   " WHERE t.node_id = ? AND t.history_id = ?",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, node_id);
    sqlite3_bind_int64(s, 2, note_key(field));
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        t->node_id = node_id;
        t->plan_id = sqlite3_column_int64(s, 0);
        db_text_into(s, 1, t->ref, sizeof t->ref);
        t->value = db_text(s, 2);
    }
    sqlite3_finalize(s);
    if (rc == SQLITE_DONE)
        return duban_fail(err, DUBAN_ENOTFOUND, "no such note");
    if (rc != SQLITE_ROW)
        return db_fail(st, err, DUBAN_EDB, "cannot read note");
    return t->value ? DUBAN_OK : duban_fail(err, DUBAN_ENOMEM, "out of memory");
}

int note_write(store *st, int64_t node_id, const char *field, const char *value, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st, "UPDATE note SET state = ? WHERE node_id = ? AND history_id = ?", &s, err))
        return DUBAN_EDB;
    sqlite3_bind_text(s, 1, value, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, node_id);
    sqlite3_bind_int64(s, 3, note_key(field));
    return struct_step(st, s, "cannot change note", err);
}

int edit_note_delete(store *st, int64_t node_id, int n, edit_result *result, duban_error *err)
{
    memset(result, 0, sizeof *result);
    sqlite3_stmt *s;
    if (db_prepare(st,
                   "SELECT coalesce(history_id, 0), text FROM note WHERE node_id = ? AND state = ''"
                   " ORDER BY at, id LIMIT 1 OFFSET ?",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, node_id);
    sqlite3_bind_int(s, 2, n - 1);
    int rc = n >= 1 ? sqlite3_step(s) : SQLITE_DONE;
    int64_t hid = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    char *text = rc == SQLITE_ROW ? db_text(s, 1) : NULL;
    sqlite3_finalize(s);
    if (rc == SQLITE_DONE)
        return duban_fail(err, DUBAN_ENOTFOUND, "no note %d (duban show lists them)", n);
    if (rc != SQLITE_ROW || !text)
        return text ? db_fail(st, err, DUBAN_EDB, "cannot read note")
                    : duban_fail(err, DUBAN_ENOMEM, "out of memory");
    char field[32];
    snprintf(field, sizeof field, "note.%lld", (long long)hid);
    edit_target t;
    rc = hid ? note_load(st, node_id, field, &t, err)
             : duban_fail(err, DUBAN_EINVAL, "note %d was not written by an edit", n);
    if (!rc)
        rc = struct_commit(st, t.plan_id, node_id, field, "", "removed", "", NULL, NULL, result,
                           err);
    if (hid)
        edit_target_free(&t);
    free(text);
    return rc;
}
