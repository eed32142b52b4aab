/* store_tx.c - the store's transactions: an edit's (db_tx_*: its own,
 * or a savepoint inside a batch), a read's, and a batch's (store_begin()
 * .. store_commit(), store.h). */
#include "store/store_internal.h"

int db_tx_begin(store *st, duban_error *err)
{
    /* IMMEDIATE takes the write lock up front so a second duban waits
     * (busy timeout) instead of failing half-way through an edit.  A
     * read-only store says why before anything is tried. */
    if (st->readonly)
        return db_fail_readonly(st, err);
    return db_exec(st, st->batch ? "SAVEPOINT edit" : "BEGIN IMMEDIATE", err);
}

int db_tx_commit(store *st, duban_error *err)
{
    return db_exec(st, st->batch ? "RELEASE edit" : "COMMIT", err);
}

void db_tx_rollback(store *st)
{
    if (st->batch) {
        db_exec(st, "ROLLBACK TO edit", NULL);
        db_exec(st, "RELEASE edit", NULL);
    } else {
        db_exec(st, "ROLLBACK", NULL);
    }
}

int store_read_begin(store *st, int *own, duban_error *err)
{
    *own = sqlite3_get_autocommit(st->db);
    if (*own && db_exec(st, "BEGIN", err)) {
        *own = 0;
        return DUBAN_EDB;
    }
    return DUBAN_OK;
}

void store_read_end(store *st, int own)
{
    if (own)
        db_exec(st, "COMMIT", NULL); /* a read transaction: nothing to fail */
}

int store_begin(store *st, duban_error *err)
{
    if (st->readonly)
        return db_fail_readonly(st, err);
    /* A batch runs each edit in a savepoint: keep the savepoint journals
     * in memory rather than in a temporary file (tens of writes per
     * edit), and enough pages in the cache that the batch's dirty pages
     * are not spilled to the WAL and read back. */
    const char *cache = st->build ? BUILD_CACHE_SQL : BATCH_CACHE_SQL;
    if (db_exec(st, "PRAGMA temp_store = MEMORY", err) || db_exec(st, cache, err) ||
        db_exec(st, "BEGIN IMMEDIATE", err))
        return DUBAN_EDB;
    st->cache_sql = cache;
    st->batch = 1;
    return DUBAN_OK;
}

int store_commit(store *st, duban_error *err)
{
    int rc = search_defer_finish(st, err);
    if (rc) {
        store_rollback(st);
        return rc;
    }
    st->batch = 0;
    return db_exec(st, "COMMIT", err);
}

void store_rollback(store *st)
{
    search_defer_drop(st);
    st->batch = 0;
    db_exec(st, "ROLLBACK", NULL);
}
