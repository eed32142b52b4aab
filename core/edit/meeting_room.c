/* meeting_room.c - attendees, frozen minutes and reopening (see
 * meeting_room.h). */
#include "edit/meeting_room.h"

#include "base/strbuf.h"
#include "store/store_internal.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

static int step_done(store *st, sqlite3_stmt *stmt, const char *what, duban_error *err)
{
    int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (rc == SQLITE_READONLY)
        return duban_fail(err, DUBAN_EIO, "%s: database is read-only", store_path(st));
    return rc == SQLITE_DONE ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, what);
}

int meeting_reopen(store *st, int64_t plan_id, int64_t *id, duban_error *err)
{
    sqlite3_stmt *stmt;
    int rc = db_tx_begin(st, err);
    if (rc)
        return rc;
    rc = db_prepare(st,
                    "SELECT id, ended_at IS NULL FROM meeting WHERE plan_id = ? "
                    "ORDER BY id DESC LIMIT 1",
                    &stmt, err);
    int64_t mid = 0;
    int open = 0;
    if (!rc) {
        sqlite3_bind_int64(stmt, 1, plan_id);
        if (sqlite3_step(stmt) == SQLITE_ROW) {
            mid = sqlite3_column_int64(stmt, 0);
            open = sqlite3_column_int(stmt, 1);
        }
        sqlite3_finalize(stmt);
        if (!mid)
            rc = duban_fail(err, DUBAN_EINVAL, "this plan has no meeting to reopen");
        else if (open)
            rc = duban_fail(err, DUBAN_EINVAL, "meeting %lld is still open", (long long)mid);
    }
    if (!rc && !(rc = db_prepare(st,
                                 "UPDATE meeting SET ended_at = NULL, history_end = NULL"
                                 " WHERE id = ?",
                                 &stmt, err))) {
        sqlite3_bind_int64(stmt, 1, mid);
        rc = step_done(st, stmt, "cannot reopen meeting", err);
    }
    if (!rc &&
        !(rc = db_prepare(st, "DELETE FROM meeting_minutes WHERE meeting_id = ?", &stmt, err))) {
        sqlite3_bind_int64(stmt, 1, mid);
        rc = step_done(st, stmt, "cannot drop frozen minutes", err);
    }
    if (!rc)
        rc = db_tx_commit(st, err);
    if (rc)
        db_tx_rollback(st);
    else if (id)
        *id = mid;
    return rc;
}

int meeting_set_attendees(store *st, int64_t meeting_id, const char *text, duban_error *err)
{
    size_t n = text ? strlen(text) : 0;
    if (n > 2000)
        return duban_fail(err, DUBAN_EINVAL, "attendees: at most 2000 bytes");
    if (n && !utf8_valid(text, n, NULL))
        return duban_fail(err, DUBAN_EINVAL, "attendees: not valid UTF-8");
    sqlite3_stmt *stmt;
    if (db_prepare(st, "UPDATE meeting SET attendees = ?2 WHERE id = ?1", &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, meeting_id);
    sqlite3_bind_text(stmt, 2, text ? text : "", -1, SQLITE_STATIC);
    int rc = step_done(st, stmt, "cannot store attendees", err);
    if (!rc && !sqlite3_changes(st->db))
        rc = duban_fail(err, DUBAN_ENOTFOUND, "no meeting %lld", (long long)meeting_id);
    return rc;
}

/* One text column of one row into *out (NULL when no row). */
static int one_text(store *st, sqlite3_stmt *stmt, char **out, duban_error *err)
{
    *out = NULL;
    int rc = sqlite3_step(stmt), res = DUBAN_OK;
    if (rc == SQLITE_ROW && !(*out = db_text(stmt, 0)))
        res = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        res = db_fail(st, err, DUBAN_EDB, "cannot read meeting");
    sqlite3_finalize(stmt);
    return res;
}

int meeting_attendees(store *st, int64_t meeting_id, char **out, duban_error *err)
{
    sqlite3_stmt *stmt;
    *out = NULL;
    if (db_prepare(st, "SELECT attendees FROM meeting WHERE id = ?", &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, meeting_id);
    int rc = one_text(st, stmt, out, err);
    if (!rc && !*out && !(*out = duban_strdup("")))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    return rc;
}

int meeting_minutes_put(store *st, int64_t meeting_id, const char *format, const char *body,
                        duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st,
                   "INSERT OR REPLACE INTO meeting_minutes(meeting_id, format, body)"
                   " VALUES (?, ?, ?)",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, meeting_id);
    sqlite3_bind_text(stmt, 2, format, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 3, body, -1, SQLITE_STATIC);
    return step_done(st, stmt, "cannot keep the minutes", err);
}

int meeting_minutes_get(store *st, int64_t meeting_id, const char *format, char **out,
                        duban_error *err)
{
    sqlite3_stmt *stmt;
    *out = NULL;
    if (db_prepare(st, "SELECT body FROM meeting_minutes WHERE meeting_id = ? AND format = ?",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, meeting_id);
    sqlite3_bind_text(stmt, 2, format, -1, SQLITE_STATIC);
    return one_text(st, stmt, out, err);
}
