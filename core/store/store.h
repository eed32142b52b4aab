/* store.h - the SQLite database that holds plans, their history and UI state.
 *
 * Call order: store_open() -> any number of queries (query.h) and edits
 * (edit.h) -> store_close().  A store is used from one thread.
 *
 * store_open() creates the file if flags has STORE_CREATE (the directory
 * must exist), turns on WAL, foreign keys and a busy timeout, and brings
 * the schema up to date with numbered migrations keyed on PRAGMA
 * user_version, each in its own transaction.  A database whose version is
 * newer than this program knows is refused with DUBAN_ENEWER before
 * anything is written.  A missing file without STORE_CREATE gives
 * DUBAN_ENOTFOUND; an unwritable file or directory gives DUBAN_EIO.
 *
 * An existing file is never turned into a database unless flags has
 * STORE_CREATE: a zero-length or table-less SQLite file is refused
 * (DUBAN_EDB) and left as it is, as is a file of another program or not
 * SQLite at all.  STORE_READONLY opens without writing anything (on a
 * read-only share, SQLite's immutable mode): queries work, every edit
 * fails with DUBAN_EIO saying why the database cannot be changed,
 * store_put_state() keeps nothing, and a database of an older schema is
 * refused (it cannot be upgraded there).
 *
 * STORE_BUILD (with STORE_CREATE, on a path that does not exist, else
 * DUBAN_EINVAL) writes a new file no other program reads yet: its
 * rollback journal is kept in memory instead of WAL, so a large batch's
 * pages are written to the file once, not to the WAL and again at the
 * checkpoint; its batches keep up to 1 GiB of them in memory, so as not
 * to spill and read them back; and store_add_plan() makes node's indexes
 * after the rows.  A crash can leave such a file half written: build it
 * under a name of its own and rename it into place when store_close()
 * returns (duban-gen does).  The next store_open() without STORE_BUILD
 * turns WAL on as for any database.
 */
#ifndef DUBAN_STORE_H
#define DUBAN_STORE_H

#include "base/error.h"
#include "base/progress.h"
#include "plan/plandoc.h"
#include "plan/status.h"

#include <stddef.h>
#include <stdint.h>

typedef struct store store;

enum store_flags {
    STORE_CREATE = 1,   /* create the file if missing, or initialise an empty one */
    STORE_READONLY = 2, /* open read-only; no migrations are run */
    STORE_BUILD = 4,    /* a new file, journal in memory until written (above) */
};

/* The schema version this build writes. */
int store_schema_version(void);

int store_open(const char *path, int flags, store **out, duban_error *err);
/* store_open() with p as its progress function from the start (as
 * store_set_progress(): the store keeps the pointer): bringing a file of
 * an older schema up to date tells p each migration done of those to
 * run, since one may rebuild an index of every item (a second at 100,000
 * items).  A new file's, or a current one's, tells nothing. */
int store_open_progress(const char *path, int flags, const progress_sink *p, store **out,
                        duban_error *err);
/* 1 if path (when it exists) and its directory can be written, as SQLite
 * needs for edits; else 0 with the reason in why ("its directory is not
 * writable (Read-only file system)"). */
int store_can_write(const char *path, char *why, size_t whysz);
void store_close(store *st); /* NULL is fine */
const char *store_path(const store *st);
/* 1 when st was opened STORE_READONLY: every edit will fail (say so before
 * asking anything), else 0. */
int store_readonly(const store *st);

/* The statuses used to validate edits and to tell done from not done.
 * Defaults to status_defaults(); the set is copied. */
void store_set_statuses(store *st, const status_set *set);
const status_set *store_statuses(const store *st);

/* The time stamp edits, notes, meetings and imports record: `now`
 * ("2021-10-01T09:00:00Z", copied, cut to 31 bytes) for every write from
 * here on, or the system clock (UTC) when now is NULL or "" (the
 * default).  The executable passes DUBAN_NOW; core reads no environment. */
void store_set_now(store *st, const char *now);

/* While an edit waits for another process that is writing, wait(arg,
 * waited_ms) is called about every 50 ms instead of SQLite's plain
 * timeout (STORE_BUSY_MS, 5 s): it returns 1 to go on waiting, 0 to give
 * up, and the edit then fails with DUBAN_EDB and nothing changed.  It must
 * not use the store (it runs inside SQLite's busy handler): the front end
 * draws its status line and reads keys there.  NULL restores the timeout. */
typedef int (*store_wait_fn)(void *arg, int waited_ms);
void store_set_wait(store *st, store_wait_fn wait, void *arg);

/* Long work on the store (store_check(), sync_clone(), ledger_load(),
 * sync_export()) tells p how far it has got (base/progress.h).  The
 * store keeps the pointer: p must outlive it or be replaced; NULL stops
 * it.  p's function must not use the store. */
void store_set_progress(store *st, const progress_sink *p);

/* Lets a count of the whole plan keep what it counted in the database
 * for the next one (the areas' numbers: query/area_summary.h,
 * query_keep_counts()): for the front end, whose every start needs them.
 * Off by default, so that a command that only reads writes nothing (not
 * even to a damaged file).  Kept counts are read whether or not this is
 * on. */
void store_keep_counts(store *st, int on);

/* Lets SQLite read the file through a memory map (up to 256 MiB) rather
 * than a system call a page: for a process that reads much of a plan
 * once (the command line).  The mapped pages count in the process's
 * resident size, so the front end does not.  Nothing is written. */
int store_map_file(store *st, duban_error *err);

/* PRAGMA data_version: changes when another connection commits. */
int store_data_version(store *st, int64_t *version, duban_error *err);

/* Several reads as one (the minutes, a report, a listing read twice):
 * from store_read_begin() to store_read_end() every statement sees the
 * database as the first one found it, whatever another program commits
 * meanwhile, and the connection takes its read lock once instead of once
 * a statement.  *own is set when this began a transaction (0 inside one
 * the caller holds, which then serves); store_read_end() ends it when
 * own.  Nothing may be written between them.  DUBAN_EDB. */
int store_read_begin(store *st, int *own, duban_error *err);
void store_read_end(store *st, int own);

/* Group many edits into one transaction (the generator, bulk scripts).
 * Edits inside run in savepoints; store_commit() ends the batch.  From
 * store_begin() on, the connection keeps its savepoint journals in memory
 * and lets its page cache grow to 256 MiB. */
int store_begin(store *st, duban_error *err);
int store_commit(store *st, duban_error *err);
void store_rollback(store *st);
/* Inside a batch (DUBAN_EINVAL outside): the search index is no longer
 * updated edit by edit; store_commit() rebuilds it once from the rows
 * (the same content) before committing, store_rollback() leaves it as it
 * was.  For batches of many edits: the rebuild reads the whole plan. */
int store_defer_search_index(store *st, duban_error *err);

/* Writes a parsed plan (and its milestones) in one transaction; sets
 * *plan_id.  On failure nothing is written.  Tells the store's progress
 * (store_set_progress()) how many nodes are written. */
int store_add_plan(store *st, const plan_doc *doc, int64_t *plan_id, duban_error *err);

/* Per-plan key/value state the front end keeps across restarts (folds,
 * last view).  get returns a heap string (free it) or NULL when unset. */
int store_get_state(store *st, int64_t plan_id, const char *key, char **value, duban_error *err);
int store_put_state(store *st, int64_t plan_id, const char *key, const char *value,
                    duban_error *err);
/* The same without waiting for another process that is writing the
 * database (view state is not worth a wait, nor the "waiting" line an
 * edit shows): then nothing is written, *saved is 0 and the caller tries
 * again later; else *saved is 1.  DUBAN_OK or an error code. */
int store_try_put_state(store *st, int64_t plan_id, const char *key, const char *value, int *saved,
                        duban_error *err);

/* The state key under which `duban import` leaves "WARNINGS<TAB>FILE" for
 * the front end to say once when it next opens that plan. */
#define IMPORT_NOTICE_KEY "import_notice"

/* Numeric targets as stored (target_list: plan/target.h). */
struct target_list;
/* Targets of one node, by seq. */
int node_targets(store *st, int64_t node_id, struct target_list *out, duban_error *err);
/* Targets of a plan, in outline order then seq. */
int plan_targets(store *st, int64_t plan_id, struct target_list *out, duban_error *err);
/* Targets of the items and sub-items below one area (a depth-1 node), in
 * outline order then seq; the cost follows the area's size. */
int area_targets(store *st, int64_t area_id, struct target_list *out, duban_error *err);

/* For databases whose plans were stored before targets existed: scans
 * every node of the plan when the plan has no targets at all, and stores
 * what it finds (one transaction).  *added (may be NULL) is the number of
 * targets stored. */
int target_rescan_plan(store *st, int64_t plan_id, int *added, duban_error *err);

#endif
