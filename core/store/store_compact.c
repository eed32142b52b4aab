/* store_compact.c - rewriting the database compactly (see
 * store_compact.h). */
#include "store/store_compact.h"
#include "store/store_internal.h"

#include <string.h>

static int open_elsewhere(store *st, duban_error *err)
{
    return duban_fail(err, DUBAN_EDB,
                      "%s: another program has the database open (the front end, a sync): "
                      "close it and compact again; nothing was changed",
                      st->path);
}

/* The file's size in bytes and its page size. */
static int file_size(store *st, int64_t *bytes, int *page, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st,
                   "SELECT s.page_size * c.page_count, s.page_size"
                   " FROM pragma_page_size AS s, pragma_page_count AS c",
                   &s, err))
        return DUBAN_EDB;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *bytes = sqlite3_column_int64(s, 0);
        *page = sqlite3_column_int(s, 1);
    }
    sqlite3_finalize(s);
    return rc == SQLITE_ROW ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot read the file's size");
}

/* Out of WAL mode, which only the one connection to the file may leave:
 * SQLite answers "busy", or leaves the mode as it was. */
static int leave_wal(store *st, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st, "PRAGMA journal_mode = DELETE", &s, err))
        return DUBAN_EDB;
    int rc = sqlite3_step(s);
    char mode[16] = "";
    if (rc == SQLITE_ROW)
        db_text_into(s, 0, mode, sizeof mode);
    sqlite3_finalize(s);
    if (rc == SQLITE_ROW && !strcmp(mode, "delete"))
        return DUBAN_OK;
    if (rc == SQLITE_ROW || (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        return open_elsewhere(st, err);
    return db_fail(st, err, DUBAN_EDB, "cannot leave WAL mode");
}

int store_compact(store *st, store_compact_sizes *sizes, duban_error *err)
{
    if (st->readonly)
        return db_fail_readonly(st, err);
    if (st->batch)
        return duban_fail(err, DUBAN_EINVAL, "compact: not inside a batch");
    store_compact_sizes got = {0};
    int rc = db_exec(st, "PRAGMA wal_checkpoint(TRUNCATE)", err);
    if (!rc)
        rc = file_size(st, &got.bytes_before, &got.page_before, err);
    if (rc || (rc = leave_wal(st, err))) {
        db_exec(st, "PRAGMA journal_mode = WAL", NULL);
        return rc;
    }
    store_watch(st, "整理数据库 compacting the database", 0, 0);
    rc = db_exec(st, STORE_PAGE_SIZE_SQL, err);
    if (!rc)
        rc = db_exec(st, "VACUUM", err);
    store_watch(st, NULL, 0, 0);
    /* back to WAL whatever happened (the next open would set it too) */
    int wal = db_exec(st, "PRAGMA journal_mode = WAL", rc ? NULL : err);
    if (!rc)
        rc = wal;
    if (!rc)
        rc = file_size(st, &got.bytes_after, &got.page_after, err);
    if (!rc)
        *sizes = got;
    return rc;
}
