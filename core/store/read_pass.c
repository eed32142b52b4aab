/* read_pass.c - one-pass reads through a small page cache (see
 * store_internal.h, db_pass_begin()). */
#include "store/store_internal.h"

/* Enough for a b-tree's path from the root and the page being read. */
#define PASS_CACHE_SQL "PRAGMA cache_size = 16"

/* Whether a pass may shrink the cache: not inside a transaction. */
static int may_shrink(store *st)
{
    return st->db && sqlite3_get_autocommit(st->db);
}

void db_pass_begin(store *st)
{
    if (may_shrink(st))
        db_exec(st, PASS_CACHE_SQL, NULL);
}

void db_pass_end(store *st)
{
    if (may_shrink(st))
        db_exec(st, st->cache_sql ? st->cache_sql : STORE_CACHE_SQL, NULL);
}
