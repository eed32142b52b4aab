/* note_edit.c - deleting a mistaken progress note (history field note.H,
 * H the history row that wrote the note: stable when undo and redo take
 * the note away and put it back; note.iN for a note no edit wrote, such
 * as an imported first note, N its own id, which nothing changes). */
#include "edit/structure.h"

#include "edit/struct_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The history row (*hid) or, for "note.iN", the note id (*nid) of field. */
static void note_key(const char *field, int64_t *hid, int64_t *nid)
{
    *hid = *nid = 0;
    int own = !strncmp(field, "note.i", 6);
    const char *num = field + (own ? 6 : 5);
    if (strncmp(field, "note.", 5) || !isdigit((unsigned char)*num))
        return;
    char *end;
    long long v = strtoll(num, &end, 10);
    if (!*end)
        *(own ? nid : hid) = (int64_t)v;
}

/* Binds node ?1, history row ?2 and note id ?3 of field. */
static void bind_key(sqlite3_stmt *s, int64_t node_id, const char *field)
{
    int64_t hid, nid;
    note_key(field, &hid, &nid);
    sqlite3_bind_int64(s, 1, node_id);
    sqlite3_bind_int64(s, 2, hid);
    sqlite3_bind_int64(s, 3, nid);
}

#define NOTE_KEY_SQL "((?2 > 0 AND t.history_id = ?2) OR (?3 > 0 AND t.id = ?3))"

int note_load(store *st, int64_t node_id, const char *field, edit_target *t, duban_error *err)
{
    memset(t, 0, sizeof *t);
    sqlite3_stmt *s;
    if (db_prepare(st,
                   "SELECT n.plan_id, n.ref, t.state FROM note t JOIN node n ON n.id = t.node_id"
                   " WHERE t.node_id = ?1 AND " NOTE_KEY_SQL,
                   &s, err))
        return DUBAN_EDB;
    bind_key(s, node_id, field);
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
    if (db_prepare(st, "UPDATE note AS t SET state = ?4 WHERE t.node_id = ?1 AND " NOTE_KEY_SQL, &s,
                   err))
        return DUBAN_EDB;
    bind_key(s, node_id, field);
    sqlite3_bind_text(s, 4, value, -1, SQLITE_STATIC);
    return struct_step(st, s, "cannot change note", err);
}

int edit_note_delete(store *st, int64_t node_id, int n, edit_result *result, duban_error *err)
{
    memset(result, 0, sizeof *result);
    sqlite3_stmt *s;
    if (db_prepare(st,
                   "SELECT coalesce(history_id, 0), id FROM note WHERE node_id = ? AND state = ''"
                   " ORDER BY at, id LIMIT 1 OFFSET ?",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, node_id);
    sqlite3_bind_int(s, 2, n - 1);
    int rc = n >= 1 ? sqlite3_step(s) : SQLITE_DONE;
    int64_t hid = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    int64_t nid = rc == SQLITE_ROW ? sqlite3_column_int64(s, 1) : 0;
    sqlite3_finalize(s);
    if (rc == SQLITE_DONE)
        return duban_fail(err, DUBAN_ENOTFOUND, "no note %d (duban show lists them)", n);
    if (rc != SQLITE_ROW)
        return db_fail(st, err, DUBAN_EDB, "cannot read note");
    char field[32];
    if (hid)
        snprintf(field, sizeof field, "note.%lld", (long long)hid);
    else /* written by no edit (an imported first note): its own id */
        snprintf(field, sizeof field, "note.i%lld", (long long)nid);
    edit_target t;
    if (!(rc = note_load(st, node_id, field, &t, err))) {
        rc = struct_commit(st, t.plan_id, node_id, field, "", "removed", "", NULL, NULL, result,
                           err);
        edit_target_free(&t);
    }
    return rc;
}
