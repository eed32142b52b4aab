/* store_internal.h - what core's own files share about the store.
 * Not part of the public API: the front end never sees sqlite3. */
#ifndef DUBAN_STORE_INTERNAL_H
#define DUBAN_STORE_INTERNAL_H

#include "store/store.h"
#include "base/strbuf.h"

#include <sqlite3.h>

#define STORE_BUSY_MS 5000 /* how long a write waits for another writer */

struct store {
    sqlite3 *db;
    struct wal_batch_vfs *vfs; /* a writer's VFS (wal_batch.h), NULL read-only */
    char *path;
    status_set statuses;
    int batch;                  /* inside store_begin() .. store_commit() */
    int readonly;               /* opened with STORE_READONLY */
    int build;                  /* opened with STORE_BUILD */
    int keep_counts;            /* store_keep_counts() */
    struct kept_count *pending; /* a count not yet written (query/summary_memo.c) */
    char fixed_now[32];         /* store_set_now(); "" = the system clock */
    store_wait_fn wait;         /* store_set_wait(); NULL = STORE_BUSY_MS */
    void *wait_arg;
    long wait_start_ms; /* when the current wait began */
    int waited_ms;      /* how long the last wait lasted */
    struct {
        const char *sql;
        sqlite3_stmt *stmt;
    } * cached; /* db_prepare_cached(), finalised by store_close() */
    size_t ncached, cap_cached;
    char *search_triggers;            /* store_defer_search_index(): their SQL, or NULL */
    const progress_sink *progress;    /* store_set_progress(), or NULL */
    const char *cache_sql;            /* the page cache's size outside a pass (read_pass.c) */
    int in_pass;                      /* between db_pass_begin() and db_pass_end() */
    const char *watching;             /* store_watch(): what the statements running do, */
    uint64_t watch_done, watch_total; /* and how far they are */
};

/* Prepares sql (a constant) on st; DUBAN_EDB with SQLite's message. */
int db_prepare(store *st, const char *sql, sqlite3_stmt **stmt, duban_error *err);
/* The same, prepared once per store and kept until store_close() (the
 * statements every edit runs: stmt_cache.c).  sql must be a constant:
 * its address is the key.  The statement comes back reset with no
 * bindings; hand it back with db_stmt_done(), never sqlite3_finalize().
 * A statement still being stepped is not handed out twice: a nested use
 * gets a private one, which db_stmt_done() finalises. */
int db_prepare_cached(store *st, const char *sql, sqlite3_stmt **stmt, duban_error *err);
/* Resets a cached statement (and clears its bindings), or finalises any
 * other; NULL is fine. */
void db_stmt_done(store *st, sqlite3_stmt *stmt);
/* Finalises every cached statement (store_close()). */
void db_cache_clear(store *st);
/* Fills err with what SQLite said about the last failure; returns code. */
int db_fail(store *st, duban_error *err, int code, const char *what);
/* Heap copy of a text column, "" for NULL; NULL only when out of memory. */
char *db_text(sqlite3_stmt *stmt, int col);
/* Copies a text column into a fixed buffer (truncating safely). */
void db_text_into(sqlite3_stmt *stmt, int col, char *out, size_t outsz);
/* DUBAN_EIO: st is read-only, saying why (file, directory or the
 * read-only open) so an edit can tell people why it cannot be made. */
int db_fail_readonly(store *st, duban_error *err);
/* Puts back the busy handling store_set_wait() chose (after a call that
 * turned it off to fail at once). */
void store_wait_again(store *st);
/* Runs one constant statement without results (BEGIN, SAVEPOINT, ...). */
int db_exec(store *st, const char *sql, duban_error *err);

/* Steps stmt to the end, appending each row to a growing heap array of
 * elem_size elements filled by read (which returns non-zero when out of
 * memory; release then frees the partial element).  Hands stmt back with
 * db_stmt_done() (a cached statement is reset, any other finalized).  On
 * failure every element is released and *items is NULL, *count 0. */
int db_collect(store *st, sqlite3_stmt *stmt, size_t elem_size, void **items, size_t *count,
               int (*read)(sqlite3_stmt *, void *), void (*release)(void *), duban_error *err);
/* For db_collect: read the first column as an int64_t; release nothing. */
int db_read_int64(sqlite3_stmt *stmt, void *out);
void db_release_nothing(void *elem);

/* Runs a constant multi-statement script (migrations only). */
int db_exec_script(store *st, const char *sql, duban_error *err);

/* Drops the indexes and triggers select_sql names (rows of kind "INDEX"
 * or "TRIGGER", name, and the CREATE statement, never NULL), appending
 * to kept the statements that make them again, each with ";": a bulk
 * write inside a transaction then runs kept once after its rows (sorting
 * them once instead of inserting entries row by row) and does what a
 * dropped trigger would have done.  On an error the caller rolls the
 * transaction back (the drops with it). */
int db_set_aside(store *st, const char *select_sql, strbuf *kept, duban_error *err);

/* store_commit(): when the batch deferred the search index, rebuilds
 * node_fts from the rows and puts its triggers back (search_defer.c).
 * search_defer_drop(): forgets them (rollback undoes the drop). */
int search_defer_finish(store *st, duban_error *err);
void search_defer_drop(store *st);

/* Stamps history row id (just inserted: node_id, at, field, old and new
 * value) with its global identity in history_gid, as migration 7's
 * trigger history_stamp did before schema 14 (history_stamp.c).  A row
 * already stamped is left alone; nothing is stamped when no replica is
 * this one.  Rows brought in by sync carry their own identity. */
int store_stamp_history(store *st, int64_t id, int64_t node_id, const char *at, const char *field,
                        const char *old_value, const char *new_value, duban_error *err);

/* A new history row's gid (32 lowercase hex digits, sync_is_id()): the
 * low 48 bits of its clock hlc, then 80 random bits.  The rows made here
 * then sort by gid as they are made, so the gid index and the partial
 * prev_gid index take each new entry beside the last one (a page already
 * in the cache, seldom split) instead of in a random leaf of an index
 * packed by CREATE INDEX.  Unique as a random gid: two rows of one clock
 * differ in 80 random bits. */
void store_history_gid(int64_t hlc, char gid[33]);

/* Tells the progress function what, done and total (0: not known) now
 * and, while the statements that follow run (one may be long: an
 * integrity check, VACUUM INTO), every few thousand of SQLite's steps;
 * what NULL stops it and tells the function the work is over.  Nothing
 * when the store has no progress function. */
void store_watch(store *st, const char *what, uint64_t done, uint64_t total);

/* A whole-plan count waiting to be written (store_keep_counts()): the
 * plan, the memo key and the numbers (heap texts), and what the store
 * had written before it was counted (data_version: other connections'
 * commits; changes: this one's rows), so that it is written only if
 * nothing changed since.  store_close() frees it. */
typedef struct kept_count {
    int64_t plan_id;
    char *key, *numbers;
    int64_t data_version, changes;
} kept_count;
void kept_count_free(kept_count *k);

/* Commits from now on (on) do not sync the log, or (!on) do again: for
 * writes not worth a durable commit (UI state, the summary memo), which
 * the next durable commit or checkpoint makes durable; a crash may lose
 * them, never the database's consistency.  DUBAN_EDB on failure. */
int db_undurable(store *st, int on, duban_error *err);

/* A new database's page size.  A status edit changes one row of a dozen
 * b-trees (tests/unit/test_pages_written.c) and its commit writes and
 * syncs those pages whole: at 2,048 bytes it costs 0.81x what it does at
 * SQLite's default 4,096 (bench/core_bench status_edit, 10,000 items),
 * while a read of the plan costs 1.05x.  1,024 bytes would save a little
 * more, but an index entry past 231 bytes (a long title in node_late or
 * node_listing) would spill to an overflow page, and a row past 989
 * bytes (a long body) would put its status there. */
#define STORE_PAGE_SIZE_SQL "PRAGMA page_size = 2048"

/* The page cache's sizes (PRAGMA cache_size): SQLite's default (2 MiB),
 * a batch's (store_begin(): its dirty pages are never spilled) and a
 * build's batch (STORE_BUILD: every page of the new file is dirty until
 * the commit, some 450 MB for duban-gen's 100,000 items; spilled, they
 * would be written and read back).  Pages are allocated as they are
 * used: a small batch takes no more. */
#define STORE_CACHE_SQL "PRAGMA cache_size = -2000"
#define BATCH_CACHE_SQL "PRAGMA cache_size = -262144"
#define BUILD_CACHE_SQL "PRAGMA cache_size = -1048576"

/* A one-pass read: a statement that reads much of the file once (the
 * whole plan's index in outline order) gains nothing from keeping the
 * pages it read, and a full cache takes fresh memory for every page (a
 * page fault each, ~150 at 10,000 items: a quarter of the front end's
 * first frame on a virtual machine).  Between db_pass_begin() and
 * db_pass_end() the cache keeps a few pages, reused; db_pass_end() gives
 * back the size the store had (st->cache_sql).  Inside a transaction
 * nothing changes (its dirty pages must stay in the cache), nor when the
 * cache already holds much (PASS_WARM_CACHE: reads after the pass may
 * want those pages).  Failures are ignored: the pass then only runs with
 * the larger cache. */
void db_pass_begin(store *st);
void db_pass_end(store *st);

/* Savepoint-based transaction that nests inside a store_begin() batch. */
int db_tx_begin(store *st, duban_error *err);
int db_tx_commit(store *st, duban_error *err);
void db_tx_rollback(store *st);

/* Current UTC time as ISO-8601 "YYYY-MM-DDTHH:MM:SSZ", or the time fixed
 * by store_set_now() (reproducible tests). */
void db_now(const store *st, char out[32]);

/* SQL shared by the readers of values after a sync (conflict rule,
 * sync.h): ME_CTE names this replica (me) in a WITH list, FOREIGN_GIDS
 * (after it) the history rows from another replica, through history_gid's
 * (origin, seq) index, so a database that never synced reads nothing.
 * TOUCHED_CTE names the nodes with rows from two origins or more
 * (touched): only those can have two heads or a value that is not their
 * last row's (one origin's rows are made, and arrive, in clock order).
 * They are found from the rows of every origin but the oldest row's
 * (bulk: in a clone, the replica it was copied from; in that replica,
 * itself), by the same index (CROSS JOIN: the rows, then their items), each
 * row's item kept when it has a row of
 * another origin: the cost follows the edits made on the other replicas,
 * not the plan's history (a 100,000-item clone read its 1,000,000
 * inherited rows: 9 s).
 * WINNER_ROW(col, node, field, more) is col of the assignment (a row that
 * changed the field) with the greatest (hlc, origin), the field's value,
 * among those that also meet the condition more ("" or e.g.
 * " AND w.id <= ?3": as of a history id). */
#define ME_CTE " me AS (SELECT uuid FROM replica WHERE is_self = 1)"
#define FOREIGN_GIDS                                                                               \
    " (SELECT g.history_id FROM history_gid g WHERE g.origin < (SELECT uuid FROM me)"              \
    "  OR g.origin > (SELECT uuid FROM me))"
#define TOUCHED_CTE                                                                                \
    " bulk AS (SELECT origin FROM history_gid ORDER BY history_id LIMIT 1),"                       \
    " touched AS MATERIALIZED (SELECT DISTINCT t.node_id FROM history_gid g"                       \
    "  CROSS JOIN history t ON t.id = g.history_id"                                                \
    "  WHERE (g.origin < (SELECT origin FROM bulk) OR g.origin > (SELECT origin FROM bulk))"       \
    "  AND EXISTS (SELECT 1 FROM history u JOIN history_gid ug ON ug.history_id = u.id"            \
    "  WHERE u.node_id = t.node_id AND ug.origin <> g.origin))"
#define WINNER_ROW(col, node, field, more)                                                         \
    "(SELECT w." col " FROM history w JOIN history_gid wg ON wg.history_id = w.id"                 \
    " WHERE w.node_id = " node " AND w.field = " field more                                        \
    " AND w.old_value <> w.new_value ORDER BY wg.hlc DESC, wg.origin DESC LIMIT 1)"

#endif
