/* read_pass.c - one-pass reads through a small page cache (see
 * store_internal.h, db_pass_begin()). */
#include "store/store_internal.h"

/* Enough for a b-tree's path from the root and the page being read. */
#define PASS_CACHE_SQL "PRAGMA cache_size = 16"
/* A cache holding more than this has pages the reads after the pass may
 * want (the front end counting again after a filter, its open areas'
 * rows cached): shrinking it would evict them, and reading them again
 * costs more than the faults the pass saves.  At the front end's start
 * the cache holds the schema and a few pages. */
#define PASS_WARM_CACHE (256 * 1024)

/* Whether a pass may shrink the cache: not inside a transaction, and
 * only a cache that holds little. */
static int may_shrink(store *st)
{
    int used = 0, high;
    return st->db && sqlite3_get_autocommit(st->db) &&
           sqlite3_db_status(st->db, SQLITE_DBSTATUS_CACHE_USED, &used, &high, 0) == SQLITE_OK &&
           used < PASS_WARM_CACHE;
}

void db_pass_begin(store *st)
{
    st->in_pass = may_shrink(st) && !db_exec(st, PASS_CACHE_SQL, NULL);
}

void db_pass_end(store *st)
{
    if (st->in_pass)
        db_exec(st, st->cache_sql ? st->cache_sql : STORE_CACHE_SQL, NULL);
    st->in_pass = 0;
}
