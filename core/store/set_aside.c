/* set_aside.c - indexes and triggers dropped for a bulk write and made
 * again once after it (store_internal.h: db_set_aside()). */
#include "store/store_internal.h"

int db_set_aside(store *st, const char *select_sql, strbuf *kept, duban_error *err)
{
    sqlite3_stmt *s;
    strbuf drops = {0};
    int oom = 0;
    if (db_prepare(st, select_sql, &s, err))
        return DUBAN_EDB;
    while (sqlite3_step(s) == SQLITE_ROW) {
        oom |= strbuf_printf(&drops, "DROP %s \"%s\";", (const char *)sqlite3_column_text(s, 0),
                             (const char *)sqlite3_column_text(s, 1));
        oom |= strbuf_printf(kept, "%s;", (const char *)sqlite3_column_text(s, 2));
    }
    int rc = sqlite3_finalize(s) == SQLITE_OK ? DUBAN_OK
                                              : db_fail(st, err, DUBAN_EDB, "cannot set aside");
    if (!rc && oom)
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    if (!rc && drops.len)
        rc = db_exec_script(st, strbuf_str(&drops), err);
    strbuf_free(&drops);
    return rc;
}
