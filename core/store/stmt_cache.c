/* stmt_cache.c - statements prepared once per store, kept until close.
 *
 * An edit runs four or five statements, and SQLite compiles the schema's
 * triggers into each of them: preparing them anew cost about half of
 * every edit.  Callers ask for a statement by its constant SQL text (the
 * pointer is the key; the text is checked too, so a reused buffer never
 * gets another statement), step it, and hand it back with
 * db_stmt_done(), which resets it for the next caller. */
#include "store/store_internal.h"

#include "base/list.h"

#include <stdlib.h>
#include <string.h>

int db_prepare_cached(store *st, const char *sql, sqlite3_stmt **stmt, duban_error *err)
{
    size_t i;
    for (i = 0; i < st->ncached; i++)
        if (st->cached[i].sql == sql)
            break;
    if (i < st->ncached) {
        sqlite3_stmt *s = st->cached[i].stmt;
        /* already being stepped (a nested use): a private copy */
        if (sqlite3_stmt_busy(s))
            return db_prepare(st, sql, stmt, err);
        if (!strcmp(sqlite3_sql(s), sql)) {
            *stmt = s;
            return DUBAN_OK;
        }
        sqlite3_finalize(s); /* same address, other text: prepare it again */
    } else if (ARRAY_GROW(st->cached, st->cap_cached, st->ncached + 1)) {
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    } else {
        st->ncached++;
    }
    st->cached[i].sql = sql;
    st->cached[i].stmt = NULL;
    if (db_prepare(st, sql, &st->cached[i].stmt, err)) {
        st->cached[i] = st->cached[--st->ncached];
        return DUBAN_EDB;
    }
    *stmt = st->cached[i].stmt;
    return DUBAN_OK;
}

void db_stmt_done(store *st, sqlite3_stmt *stmt)
{
    for (size_t i = 0; i < st->ncached; i++)
        if (st->cached[i].stmt == stmt) {
            sqlite3_reset(stmt);
            sqlite3_clear_bindings(stmt);
            return;
        }
    sqlite3_finalize(stmt);
}

void db_cache_clear(store *st)
{
    for (size_t i = 0; i < st->ncached; i++)
        sqlite3_finalize(st->cached[i].stmt);
    free(st->cached);
    st->cached = NULL;
    st->ncached = st->cap_cached = 0;
}
