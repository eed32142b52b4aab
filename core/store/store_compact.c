/* store_compact.c - rewriting the database compactly (see
 * store_compact.h). */
#include "store/store_compact.h"
#include "store/store_internal.h"

#include <string.h>

/* The first column of a one-row statement: its integer, or its text
 * (into text, when given). */
static int one_value(store *st, const char *sql, int64_t *n, char *text, size_t textsz,
                     duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st, sql, &s, err))
        return DUBAN_EDB;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        if (n)
            *n = sqlite3_column_int64(s, 0);
        if (text)
            db_text_into(s, 0, text, textsz);
    }
    sqlite3_finalize(s);
    if (rc == SQLITE_ROW)
        return DUBAN_OK;
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        return duban_fail(err, DUBAN_EDB,
                          "%s: another program has the database open (the front end, a sync): "
                          "close it and compact again; nothing was changed",
                          st->path);
    return db_fail(st, err, DUBAN_EDB, sql);
}

static int file_size(store *st, int64_t *bytes, int *page, duban_error *err)
{
    int64_t size = 0, count = 0;
    if (one_value(st, "PRAGMA page_size", &size, NULL, 0, err) ||
        one_value(st, "PRAGMA page_count", &count, NULL, 0, err))
        return DUBAN_EDB;
    *bytes = size * count;
    *page = (int)size;
    return DUBAN_OK;
}

/* Out of WAL mode: "delete" when this connection is the only one. */
static int leave_wal(store *st, duban_error *err)
{
    char mode[16] = "";
    if (one_value(st, "PRAGMA journal_mode = DELETE", NULL, mode, sizeof mode, err))
        return DUBAN_EDB;
    if (strcmp(mode, "delete"))
        return duban_fail(err, DUBAN_EDB,
                          "%s: another program has the database open (the front end, a sync): "
                          "close it and compact again; nothing was changed",
                          st->path);
    return DUBAN_OK;
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
