#include "store/store_internal.h"
#include "store/wal_batch.h"

#include "store/schema.h"
#include "base/strbuf.h"
#include "base/list.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int store_schema_version(void)
{
    return schema_migration_count();
}

/* SQLite found the file damaged (or not a database where it was one). */
static int is_damage(int sqlite_code)
{
    return (sqlite_code & 0xff) == SQLITE_CORRUPT || (sqlite_code & 0xff) == SQLITE_NOTADB;
}

int db_fail(store *st, duban_error *err, int code, const char *what)
{
    if ((sqlite3_extended_errcode(st->db) & 0xff) == SQLITE_FULL)
        return duban_fail(err, code, "%s: the disk is full; nothing was changed (free some space)",
                          st->path);
    if (is_damage(sqlite3_extended_errcode(st->db)))
        return duban_fail(err, code, "%s: %s: %s; the database is damaged: run 'duban check'",
                          st->path, what, sqlite3_errmsg(st->db));
    return duban_fail(err, code, "%s: %s: %s", st->path, what, sqlite3_errmsg(st->db));
}

int db_prepare(store *st, const char *sql, sqlite3_stmt **stmt, duban_error *err)
{
    if (sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL) != SQLITE_OK)
        return db_fail(st, err, DUBAN_EDB, "cannot prepare query");
    return DUBAN_OK;
}

char *db_text(sqlite3_stmt *stmt, int col)
{
    const unsigned char *t = sqlite3_column_text(stmt, col);
    return duban_strdup(t ? (const char *)t : "");
}

void db_text_into(sqlite3_stmt *stmt, int col, char *out, size_t outsz)
{
    /* memcpy, not snprintf: this runs for several columns of every row */
    const unsigned char *t = sqlite3_column_text(stmt, col);
    size_t n = t ? (size_t)sqlite3_column_bytes(stmt, col) : 0;
    if (n >= outsz)
        n = outsz - 1;
    memcpy(out, t ? (const char *)t : "", n);
    out[n] = '\0';
}

/* The directory part of path: "." for a bare name, "/" for the root. */
static void dir_of(const char *path, char *dir, size_t dirsz)
{
    snprintf(dir, dirsz, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash == dir)
        dir[1] = '\0';
    else if (slash)
        *slash = '\0';
    else
        snprintf(dir, dirsz, ".");
}

int store_can_write(const char *path, char *why, size_t whysz)
{
    char dir[4096];
    dir_of(path, dir, sizeof dir);
    if (access(path, W_OK) != 0 && errno != ENOENT) {
        snprintf(why, whysz, "the file is not writable (%s)", strerror(errno));
        return 0;
    }
    if (access(dir, W_OK) != 0) {
        snprintf(why, whysz, "its directory is not writable (%s)", strerror(errno));
        return 0;
    }
    return 1;
}

int db_fail_readonly(store *st, duban_error *err)
{
    char why[256] = "it is open read-only";
    if (store_can_write(st->path, why, sizeof why) && !st->readonly)
        snprintf(why, sizeof why, "SQLite opened it read-only");
    return duban_fail(err, DUBAN_EIO, "%s: read-only, cannot edit: %s", st->path, why);
}

int db_exec(store *st, const char *sql, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare_cached(st, sql, &stmt, err))
        return DUBAN_EDB;
    int rc = sqlite3_step(stmt);
    db_stmt_done(st, stmt);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        if (rc == SQLITE_READONLY)
            return db_fail_readonly(st, err);
        if ((rc & 0xff) == SQLITE_BUSY)
            return duban_fail(err, DUBAN_EDB,
                              "%s: another program is writing the database; waited %d s, "
                              "nothing was changed (try again)",
                              st->path, (st->wait ? st->waited_ms : STORE_BUSY_MS) / 1000);
        return db_fail(st, err, DUBAN_EDB, sql);
    }
    return DUBAN_OK;
}

void store_set_now(store *st, const char *now)
{
    snprintf(st->fixed_now, sizeof st->fixed_now, "%s", now ? now : "");
}

void db_now(const store *st, char out[32])
{
    if (st->fixed_now[0]) {
        snprintf(out, 32, "%s", st->fixed_now);
        return;
    }
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int read_user_version(store *st, int *version, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
        sqlite3_step(stmt) != SQLITE_ROW) {
        int rc = sqlite3_errcode(st->db);
        sqlite3_finalize(stmt);
        if (rc == SQLITE_NOTADB)
            return duban_fail(err, DUBAN_EDB, "%s: not a duban database (not SQLite)", st->path);
        if (rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN)
            return duban_fail(err, DUBAN_EIO,
                              "%s: database is read-only (duban must write the file and its "
                              "directory)",
                              st->path);
        return db_fail(st, err, DUBAN_EDB, "cannot read schema version");
    }
    *version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return DUBAN_OK;
}

/* A version-0 file that already has tables belongs to some other program. */
static int check_foreign(store *st, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st, "SELECT count(*) FROM sqlite_schema", &stmt, err))
        return DUBAN_EDB;
    int tables = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : 0;
    sqlite3_finalize(stmt);
    if (tables > 0)
        return duban_fail(err, DUBAN_EDB, "%s: not a duban database (has other tables)", st->path);
    return DUBAN_OK;
}

/* Migration v in a transaction of its own: its SQL, then the C step
 * registered with it (schema.h). */
static int migrate_to(store *st, int v, duban_error *err)
{
    if (db_exec(st, "BEGIN IMMEDIATE", err))
        return err ? err->code : DUBAN_EDB;
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v);
    st->batch = 1;
    int rc = db_exec_script(st, schema_migration(v), err);
    schema_step step = schema_migration_step(v);
    if (!rc && step)
        rc = step(st, err);
    if (!rc)
        rc = db_exec_script(st, pragma, err);
    st->batch = 0;
    if (rc) {
        db_exec(st, "ROLLBACK", NULL);
        return duban_fail(err, rc, "%s: migration %d failed: %s", st->path, v, err ? err->msg : "");
    }
    return db_exec(st, "COMMIT", err) ? DUBAN_EDB : DUBAN_OK;
}

/* Brings the database from version `from` to the current one, each
 * migration in its own transaction, telling the store's progress
 * function how far it has got (store_open_progress()). */
static int migrate(store *st, int from, duban_error *err)
{
    int rc = DUBAN_OK, last = schema_migration_count();
    for (int v = from + 1; !rc && v <= last; v++) {
        /* from 0, a new file: nothing to rebuild, nothing worth a line */
        if (from)
            store_watch(st, "升级数据库 upgrading the database", (uint64_t)(v - from - 1),
                        (uint64_t)(last - from));
        rc = migrate_to(st, v, err);
    }
    store_watch(st, NULL, 0, 0);
    return rc;
}

int db_exec_script(store *st, const char *sql, duban_error *err)
{
    char *errmsg = NULL;
    /* Constant DDL with no parameters: exec is the right tool here. */
    if (sqlite3_exec(st->db, sql, NULL, NULL, &errmsg) != SQLITE_OK) {
        duban_fail(err, DUBAN_EDB, "%s", errmsg ? errmsg : sqlite3_errmsg(st->db));
        sqlite3_free(errmsg);
        return DUBAN_EDB;
    }
    return DUBAN_OK;
}

static int check_path(const char *path, int flags, duban_error *err)
{
    struct stat sb;
    if ((flags & STORE_BUILD) && (!(flags & STORE_CREATE) || (flags & STORE_READONLY)))
        return duban_fail(err, DUBAN_EINVAL, "%s: a build creates a new file", path);
    if ((flags & STORE_BUILD) && lstat(path, &sb) == 0)
        return duban_fail(err, DUBAN_EINVAL, "%s: exists; a build writes a new file only", path);
    if (stat(path, &sb) == 0) {
        if (S_ISDIR(sb.st_mode))
            return duban_fail(err, DUBAN_EIO, "%s: is a directory, not a database", path);
        if (!S_ISREG(sb.st_mode))
            return duban_fail(err, DUBAN_EIO, "%s: not a regular file, not a database", path);
        return DUBAN_OK;
    }
    if (!(flags & STORE_CREATE))
        return duban_fail(err, DUBAN_ENOTFOUND, "%s: no such database", path);
    char dir[4096];
    dir_of(path, dir, sizeof dir);
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return duban_fail(err, DUBAN_EIO, "%s: cannot create database: directory %s does not exist",
                          path, dir);
    if (access(dir, W_OK) != 0)
        return duban_fail(err, DUBAN_EIO,
                          "%s: cannot create database: directory %s is not writable", path, dir);
    return DUBAN_OK;
}

/* A version-0 file with no tables (a zero-length file, or an empty SQLite
 * file) becomes a duban database only when asked to (STORE_CREATE); a
 * read-only one, or one of an older schema, cannot be brought up to date. */
static int check_version(store *st, int flags, int version, duban_error *err)
{
    if (version == 0 && check_foreign(st, err))
        return DUBAN_EDB;
    if (version == 0 && !(flags & STORE_CREATE))
        return duban_fail(err, DUBAN_EDB, "%s: an empty file, not a duban database (left as it is)",
                          st->path);
    if (version < schema_migration_count() && (flags & STORE_READONLY))
        return duban_fail(err, DUBAN_EIO,
                          "%s: written by an older duban (schema %d of %d) and read-only here; "
                          "open it once where it can be written to upgrade it",
                          st->path, version, schema_migration_count());
    return DUBAN_OK;
}

static int configure(store *st, int flags, duban_error *err)
{
    int version = 0, rc;
    sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
    if ((rc = read_user_version(st, &version, err)))
        return rc;
    if (version > schema_migration_count())
        return duban_fail(err, DUBAN_ENEWER,
                          "%s: database schema version %d is newer than this duban (%s) "
                          "understands (%d); upgrade duban",
                          st->path, version, DUBAN_VERSION, schema_migration_count());
    if ((rc = check_version(st, flags, version, err)))
        return rc;
    if (flags & STORE_READONLY)
        return db_exec(st, "PRAGMA foreign_keys = ON", err);
    if (sqlite3_db_readonly(st->db, "main") == 1)
        return db_fail_readonly(st, err);
    /* a new file's page size, set before its first write (an existing
     * file keeps its own: SQLite changes it only by a VACUUM out of WAL) */
    if (version == 0 && db_exec(st, STORE_PAGE_SIZE_SQL, err))
        return err ? err->code : DUBAN_EDB;
    /* a build's file is read by no one until it is renamed (store.h) */
    if (db_exec(st,
                (flags & STORE_BUILD) ? "PRAGMA journal_mode = MEMORY"
                                      : "PRAGMA journal_mode = WAL",
                err) ||
        db_exec(st, "PRAGMA synchronous = FULL", err) ||
        db_exec(st, "PRAGMA foreign_keys = ON", err))
        return err ? err->code : DUBAN_EDB;
    return migrate(st, version, err);
}

/* "file:PATH?mode=ro" with PATH percent-encoded; with "&immutable=1"
 * when the directory cannot hold the WAL index (-shm) and there is none:
 * a read-only share, where SQLite could not open the file otherwise (and
 * where nobody writes while we read). */
static char *readonly_uri(const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    char dir[4096];
    dir_of(path, dir, sizeof dir);
    strbuf shm = {0}, uri = {0};
    int rc = strbuf_printf(&shm, "%s-shm", path);
    struct stat sb;
    /* only where SQLite cannot make the -shm: a read-only file in a
     * writable directory is read normally (its owner may be writing it) */
    int immutable = !rc && stat(strbuf_str(&shm), &sb) != 0 && access(dir, W_OK) != 0;
    strbuf_free(&shm);
    rc |= strbuf_append(&uri, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("/._-~", *p))
            rc |= strbuf_appendc(&uri, (char)*p);
        else
            rc |= strbuf_printf(&uri, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
    }
    rc |= strbuf_append(&uri, immutable ? "?mode=ro&immutable=1" : "?mode=ro");
    if (rc) {
        strbuf_free(&uri);
        return NULL;
    }
    return strbuf_take(&uri);
}

int store_open(const char *path, int flags, store **out, duban_error *err)
{
    return store_open_progress(path, flags, NULL, out, err);
}

int store_open_progress(const char *path, int flags, const progress_sink *p, store **out,
                        duban_error *err)
{
    *out = NULL;
    if (check_path(path, flags, err))
        return err ? err->code : DUBAN_EIO;
    store *st = calloc(1, sizeof *st);
    if (!st || !(st->path = duban_strdup(path))) {
        free(st);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    st->statuses = *status_defaults();
    st->progress = p;
    st->readonly = !!(flags & STORE_READONLY);
    st->build = !!(flags & STORE_BUILD);
    int oflags = st->readonly ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI : SQLITE_OPEN_READWRITE;
    if (flags & STORE_CREATE)
        oflags |= SQLITE_OPEN_CREATE;
    /* One thread uses a store (store.h): no mutex around every call. */
    oflags |= SQLITE_OPEN_NOMUTEX;
    char *uri = st->readonly ? readonly_uri(path) : NULL;
    if (st->readonly && !uri) {
        store_close(st);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    /* Page caches start empty: by default each one (every materialised
     * subquery and sorter has its own) lays out 20 pages at once, ~80 KB
     * touched before a row is read: 2 ms of page faults for one statement
     * of the conflicts on a virtual machine.  Process-wide, so it holds
     * from the first open on (later calls answer SQLITE_MISUSE: ignored). */
    sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)NULL, 0, 0);
    /* a writer's commits reach its log in one write (wal_batch.h) */
    if (!st->readonly &&
        (!(st->vfs = malloc(sizeof *st->vfs)) || wal_batch_init(st->vfs, NULL) != SQLITE_OK)) {
        free(st->vfs);
        st->vfs = NULL;
        store_close(st);
        return duban_fail(err, DUBAN_ENOMEM, "%s: cannot open database: out of memory", path);
    }
    int orc = sqlite3_open_v2(uri ? uri : path, &st->db, oflags, st->vfs ? st->vfs->name : NULL);
    free(uri);
    if (orc != SQLITE_OK) {
        int code = (flags & STORE_CREATE) ? DUBAN_EIO : DUBAN_EDB;
        duban_fail(err, code, "%s: cannot open database: %s", path,
                   st->db ? sqlite3_errmsg(st->db) : "out of memory");
        store_close(st);
        return code;
    }
    int rc = configure(st, flags, err);
    if (rc) {
        store_close(st);
        return rc;
    }
    *out = st;
    return DUBAN_OK;
}

void store_close(store *st)
{
    if (!st)
        return;
    db_cache_clear(st);
    search_defer_drop(st);
    kept_count_free(st->pending);
    /* a connection left open (a statement not finalised) keeps its VFS */
    if (sqlite3_close(st->db) == SQLITE_OK && st->vfs) {
        wal_batch_release(st->vfs);
        free(st->vfs);
    }
    free(st->path);
    free(st);
}

const char *store_path(const store *st)
{
    return st->path;
}

int store_readonly(const store *st)
{
    return st->readonly;
}

void store_set_statuses(store *st, const status_set *set)
{
    st->statuses = *set;
}

const status_set *store_statuses(const store *st)
{
    return &st->statuses;
}

static long monotonic_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* SQLite's busy handler when a wait function is set: sleep a little, then
 * ask it whether to go on. */
static int busy_wait(void *p, int count)
{
    store *st = p;
    if (count == 0)
        st->wait_start_ms = monotonic_ms();
    sqlite3_sleep(50);
    st->waited_ms = (int)(monotonic_ms() - st->wait_start_ms);
    return st->wait(st->wait_arg, st->waited_ms) ? 1 : 0;
}

void store_set_wait(store *st, store_wait_fn wait, void *arg)
{
    st->wait = wait;
    st->wait_arg = arg;
    store_wait_again(st);
}

void store_wait_again(store *st)
{
    if (st->wait)
        sqlite3_busy_handler(st->db, busy_wait, st);
    else
        sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
}

void store_set_progress(store *st, const progress_sink *p)
{
    st->progress = p;
    if (!p)
        store_watch(st, NULL, 0, 0);
}

/* SQLite's progress handler while store_watch() is on: never interrupts. */
static int watch_tick(void *arg)
{
    store *st = arg;
    progress_tell(st->progress, st->watching, st->watch_done, st->watch_total);
    return 0;
}

/* Steps of SQLite's virtual machine between two ticks: about a
 * millisecond's work, so a tick's cost (a clock read) does not count. */
#define WATCH_STEPS 20000

void store_watch(store *st, const char *what, uint64_t done, uint64_t total)
{
    int was = st->watching != NULL;
    st->watching = st->progress ? what : NULL;
    st->watch_done = done;
    st->watch_total = total;
    sqlite3_progress_handler(st->db, st->watching ? WATCH_STEPS : 0,
                             st->watching ? watch_tick : NULL, st);
    if (st->watching)
        progress_tell(st->progress, what, done, total);
    else if (was)
        progress_tell(st->progress, NULL, 0, 0); /* the work is over */
}

void store_keep_counts(store *st, int on)
{
    st->keep_counts = on;
}

void kept_count_free(kept_count *k)
{
    if (k) {
        free(k->key);
        free(k->numbers);
        free(k);
    }
}

int store_map_file(store *st, duban_error *err)
{
    return db_exec(st, "PRAGMA mmap_size = 268435456", err);
}

/* Asked after every key (the front end's poll for other programs'
 * writes): prepared once. */
int store_data_version(store *st, int64_t *version, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare_cached(st, "PRAGMA data_version", &stmt, err))
        return DUBAN_EDB;
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *version = sqlite3_column_int64(stmt, 0);
    db_stmt_done(st, stmt);
    return rc == SQLITE_ROW ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "data_version");
}

int db_read_int64(sqlite3_stmt *stmt, void *out)
{
    *(int64_t *)out = sqlite3_column_int64(stmt, 0);
    return DUBAN_OK;
}

void db_release_nothing(void *elem)
{
    (void)elem;
}

/* Steps stmt to the end, appending each row to a growing array of
 * elem_size elements read by `read`.  Finalizes stmt. */
int db_collect(store *st, sqlite3_stmt *stmt, size_t elem_size, void **items, size_t *count,
               int (*read)(sqlite3_stmt *, void *), void (*release)(void *), duban_error *err)
{
    size_t n = 0, cap = 0;
    char *v = NULL;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (grow_array((void **)&v, &cap, n + 1, elem_size))
            break;
        if (read(stmt, v + n * elem_size)) {
            release(v + n * elem_size);
            break;
        }
        n++;
    }
    db_stmt_done(st, stmt);
    *items = NULL;
    *count = 0;
    if (rc == SQLITE_DONE) {
        *items = v;
        *count = n;
        return DUBAN_OK;
    }
    /* a failure leaves nothing for the caller to free */
    for (size_t i = 0; i < n; i++)
        release(v + i * elem_size);
    free(v);
    if (rc == SQLITE_ROW)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    return db_fail(st, err, DUBAN_EDB, "query failed");
}
