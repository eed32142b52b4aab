/* wal_batch: a commit's WAL frames reach the file beneath in one write,
 * before any other connection can see the commit; reads, spills, big
 * transactions and a failed write keep the database whole. */
#include "store/wal_batch.h"
#include "testutil.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

/* Beneath the batch: the default VFS, counting the writes to a WAL file
 * and failing the next one when asked. */
typedef struct probe {
    sqlite3_vfs vfs;
    int wal_writes;  /* xWrite calls on WAL files */
    int big_writes;  /* ... of more than one frame */
    int fail_writes; /* fail this many next WAL writes */
} probe;

typedef struct probe_file {
    sqlite3_file base;
    sqlite3_file *real;
    probe *owner;
} probe_file;

static sqlite3_vfs *root(void)
{
    return sqlite3_vfs_find("unix");
}

static int p_close(sqlite3_file *f)
{
    probe_file *p = (probe_file *)f;
    return p->real->pMethods->xClose(p->real);
}
static int p_read(sqlite3_file *f, void *b, int n, sqlite3_int64 o)
{
    probe_file *p = (probe_file *)f;
    return p->real->pMethods->xRead(p->real, b, n, o);
}
static int p_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o)
{
    probe_file *p = (probe_file *)f;
    p->owner->wal_writes++;
    if (n > 2 * 4096 + 48)
        p->owner->big_writes++;
    if (p->owner->fail_writes > 0) {
        p->owner->fail_writes--;
        return SQLITE_IOERR_WRITE;
    }
    return p->real->pMethods->xWrite(p->real, b, n, o);
}
static int p_truncate(sqlite3_file *f, sqlite3_int64 s)
{
    probe_file *p = (probe_file *)f;
    return p->real->pMethods->xTruncate(p->real, s);
}
static int p_sync(sqlite3_file *f, int fl)
{
    probe_file *p = (probe_file *)f;
    return p->real->pMethods->xSync(p->real, fl);
}
static int p_size(sqlite3_file *f, sqlite3_int64 *s)
{
    probe_file *p = (probe_file *)f;
    return p->real->pMethods->xFileSize(p->real, s);
}
static int p_lock(sqlite3_file *f, int l)
{
    probe_file *p = (probe_file *)f;
    return p->real->pMethods->xLock(p->real, l);
}
static int p_unlock(sqlite3_file *f, int l)
{
    probe_file *p = (probe_file *)f;
    return p->real->pMethods->xUnlock(p->real, l);
}
static int p_reserved(sqlite3_file *f, int *o)
{
    probe_file *p = (probe_file *)f;
    return p->real->pMethods->xCheckReservedLock(p->real, o);
}
static int p_control(sqlite3_file *f, int op, void *a)
{
    probe_file *p = (probe_file *)f;
    return p->real->pMethods->xFileControl(p->real, op, a);
}
static int p_sector(sqlite3_file *f)
{
    probe_file *p = (probe_file *)f;
    return p->real->pMethods->xSectorSize(p->real);
}
static int p_device(sqlite3_file *f)
{
    probe_file *p = (probe_file *)f;
    return p->real->pMethods->xDeviceCharacteristics(p->real);
}
static const sqlite3_io_methods probe_methods = {
    1,      p_close,  p_read,     p_write,   p_truncate, p_sync,   p_size,
    p_lock, p_unlock, p_reserved, p_control, p_sector,   p_device, NULL,
    NULL,   NULL,     NULL,       NULL,      NULL};

static int p_open(sqlite3_vfs *v, sqlite3_filename name, sqlite3_file *f, int flags, int *out)
{
    if (!(flags & SQLITE_OPEN_WAL))
        return root()->xOpen(root(), name, f, flags, out);
    probe_file *p = (probe_file *)f;
    p->real = (sqlite3_file *)(p + 1);
    p->owner = (probe *)v;
    int rc = root()->xOpen(root(), name, p->real, flags, out);
    p->base.pMethods = rc == SQLITE_OK ? &probe_methods : NULL;
    return rc;
}
static int p_delete(sqlite3_vfs *v, const char *n, int s)
{
    (void)v;
    return root()->xDelete(root(), n, s);
}
static int p_access(sqlite3_vfs *v, const char *n, int fl, int *o)
{
    (void)v;
    return root()->xAccess(root(), n, fl, o);
}
static int p_full(sqlite3_vfs *v, const char *n, int k, char *o)
{
    (void)v;
    return root()->xFullPathname(root(), n, k, o);
}
static int p_random(sqlite3_vfs *v, int n, char *o)
{
    (void)v;
    return root()->xRandomness(root(), n, o);
}
static int p_sleep(sqlite3_vfs *v, int us)
{
    (void)v;
    return root()->xSleep(root(), us);
}
static int p_time(sqlite3_vfs *v, double *o)
{
    (void)v;
    return root()->xCurrentTime(root(), o);
}

static void probe_init(probe *p)
{
    memset(p, 0, sizeof *p);
    p->vfs.iVersion = 1;
    p->vfs.szOsFile = (int)sizeof(probe_file) + root()->szOsFile;
    p->vfs.mxPathname = root()->mxPathname;
    p->vfs.zName = "duban-test-probe";
    p->vfs.xOpen = p_open;
    p->vfs.xDelete = p_delete;
    p->vfs.xAccess = p_access;
    p->vfs.xFullPathname = p_full;
    p->vfs.xRandomness = p_random;
    p->vfs.xSleep = p_sleep;
    p->vfs.xCurrentTime = p_time;
}

typedef struct world {
    probe probe;
    wal_batch_vfs batch;
    sqlite3 *db; /* through the batch */
    char *dir;   /* test_dir_setup()'s */
    char path[1024];
} world;

static void exec_ok(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql, msg ? msg : "?");
}

static sqlite3_int64 scalar(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    sqlite3_int64 v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

static void integrity_ok(sqlite3 *db)
{
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(s, 0), "ok");
    sqlite3_finalize(s);
}

static int world_setup(void **state)
{
    if (test_dir_setup(state))
        return -1;
    world *w = calloc(1, sizeof *w);
    assert_non_null(w);
    w->dir = *state;
    test_path_in(w->path, sizeof w->path, w->dir, "b.db");
    probe_init(&w->probe);
    assert_int_equal(sqlite3_vfs_register(&w->probe.vfs, 0), SQLITE_OK);
    assert_int_equal(wal_batch_init(&w->batch, &w->probe.vfs), SQLITE_OK);
    assert_int_equal(
        sqlite3_open_v2(w->path, &w->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, w->batch.name),
        SQLITE_OK);
    exec_ok(w->db, "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL;"
                   " PRAGMA synchronous = FULL;"
                   " CREATE TABLE t(id INTEGER PRIMARY KEY, k INTEGER, v BLOB);"
                   " CREATE INDEX t_k ON t(k);");
    *state = w;
    return 0;
}

static int world_teardown(void **state)
{
    world *w = *state;
    if (w->db)
        assert_int_equal(sqlite3_close(w->db), SQLITE_OK);
    wal_batch_release(&w->batch);
    sqlite3_vfs_unregister(&w->probe.vfs);
    *state = w->dir;
    free(w);
    return test_dir_teardown(state);
}

/* rows on pages of their own: a transaction writing about n pages */
static void insert_rows(sqlite3 *db, int from, int n, int size)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "WITH RECURSIVE i(x) AS (SELECT %d UNION ALL SELECT x + 1 FROM i WHERE x < %d)"
             " INSERT INTO t(id, k, v) SELECT x, x * 7 %% 1000, zeroblob(%d) FROM i",
             from, from + n - 1, size);
    exec_ok(db, sql);
}

static void a_commit_is_one_write(void **state)
{
    world *w = *state;
    insert_rows(w->db, 1, 40, 3000);
    w->probe.wal_writes = w->probe.big_writes = 0;
    exec_ok(w->db, "UPDATE t SET k = k + 1 WHERE id % 4 = 0"); /* ~20 pages */
    assert_int_equal(w->probe.wal_writes, 1);
    assert_int_equal(w->probe.big_writes, 1);
    /* what was written is the commit: another connection reads it */
    sqlite3 *plain;
    assert_int_equal(sqlite3_open(w->path, &plain), SQLITE_OK);
    assert_int_equal(scalar(plain, "SELECT sum(k) FROM t"), scalar(w->db, "SELECT sum(k) FROM t"));
    assert_int_equal(scalar(plain, "SELECT count(*) FROM t WHERE length(v) = 3000"), 40);
    sqlite3_close(plain);
}

/* Without a sync (synchronous = NORMAL) the commit is still in the file
 * when another connection looks, before this one does anything else. */
static void an_unsynced_commit_is_visible_at_once(void **state)
{
    world *w = *state;
    exec_ok(w->db, "PRAGMA synchronous = NORMAL");
    sqlite3 *plain;
    assert_int_equal(sqlite3_open(w->path, &plain), SQLITE_OK);
    for (int i = 1; i <= 30; i++) {
        char sql[128];
        snprintf(sql, sizeof sql, "INSERT INTO t(id, k, v) VALUES (%d, %d, zeroblob(2500))", i, i);
        exec_ok(w->db, sql);
        assert_int_equal(scalar(plain, "SELECT count(*) FROM t"), i);
        assert_int_equal(scalar(plain, "SELECT sum(k) FROM t"), i * (i + 1) / 2);
    }
    sqlite3_close(plain);
}

/* A transaction bigger than the page cache spills frames to the log and
 * reads them back; one of several MiB crosses the buffer's limit and the
 * file beneath's largest write. */
static void spills_and_big_transactions_stay_whole(void **state)
{
    world *w = *state;
    exec_ok(w->db, "PRAGMA cache_size = 8");
    exec_ok(w->db, "BEGIN");
    insert_rows(w->db, 1, 1500, 3000); /* ~1,500 pages, the cache holds 8 */
    assert_int_equal(scalar(w->db, "SELECT count(*) FROM t WHERE length(v) = 3000"), 1500);
    exec_ok(w->db, "UPDATE t SET k = -k WHERE id % 3 = 0");
    exec_ok(w->db, "COMMIT");
    assert_int_equal(w->probe.fail_writes, 0);
    sqlite3 *plain;
    assert_int_equal(sqlite3_open(w->path, &plain), SQLITE_OK);
    assert_int_equal(scalar(plain, "SELECT count(*) FROM t WHERE k < 0"), 500);
    assert_int_equal(scalar(plain, "SELECT count(*) FROM t"), 1500);
    integrity_ok(plain);
    sqlite3_close(plain);
    exec_ok(w->db, "PRAGMA wal_checkpoint(TRUNCATE)");
    assert_int_equal(scalar(w->db, "SELECT count(*) FROM t"), 1500);
}

/* The one write failing is the commit's failure: the database keeps what
 * it had, and the next commit goes through. */
static void a_failed_write_fails_the_commit(void **state)
{
    world *w = *state;
    insert_rows(w->db, 1, 20, 3000);
    sqlite3_int64 before = scalar(w->db, "SELECT sum(k) FROM t");
    w->probe.fail_writes = 1;
    assert_int_not_equal(sqlite3_exec(w->db, "UPDATE t SET k = k + 1", NULL, NULL, NULL),
                         SQLITE_OK);
    assert_int_equal(w->probe.fail_writes, 0);
    assert_int_equal(scalar(w->db, "SELECT sum(k) FROM t"), before);
    sqlite3 *plain;
    assert_int_equal(sqlite3_open(w->path, &plain), SQLITE_OK);
    assert_int_equal(scalar(plain, "SELECT sum(k) FROM t"), before);
    exec_ok(w->db, "UPDATE t SET k = k + 1");
    assert_int_equal(scalar(plain, "SELECT sum(k) FROM t"), before + 20);
    sqlite3_close(plain);
}

/* Frames spilled by a transaction that then rolls back are not the
 * file's: another connection then commits frames at the same place in
 * the log, and nothing this connection does afterwards (a read, a write)
 * may put the rolled-back frames over them. */
static void rolled_back_frames_never_reach_the_file(void **state)
{
    world *w = *state;
    insert_rows(w->db, 1, 10, 3000);
    /* every page in the database file: the rollback reads none back from
     * the log (which would write what the log keeps while the lock holds) */
    exec_ok(w->db, "PRAGMA wal_checkpoint(TRUNCATE)");
    exec_ok(w->db, "PRAGMA cache_size = 8");
    exec_ok(w->db, "BEGIN");
    insert_rows(w->db, 100, 40, 3000); /* spilled: kept, not committed */
    exec_ok(w->db, "ROLLBACK");
    sqlite3 *plain;
    assert_int_equal(sqlite3_open(w->path, &plain), SQLITE_OK);
    exec_ok(plain, "INSERT INTO t(id, k, v) SELECT id + 1000, k + 1, zeroblob(2900) FROM t");
    sqlite3_close(plain);
    /* this connection reads the other's frames, writes, and closes
     * (its checkpoint copies the log into the database) */
    assert_int_equal(scalar(w->db, "SELECT count(*) FROM t"), 20);
    assert_int_equal(scalar(w->db, "SELECT sum(k) FROM t WHERE id > 1000"),
                     scalar(w->db, "SELECT sum(k) + 10 FROM t WHERE id <= 10"));
    exec_ok(w->db, "INSERT INTO t(id, k, v) VALUES (5000, 1, zeroblob(10))");
    assert_int_equal(sqlite3_close(w->db), SQLITE_OK);
    w->db = NULL;
    assert_int_equal(sqlite3_open(w->path, &plain), SQLITE_OK);
    assert_int_equal(scalar(plain, "SELECT count(*) FROM t"), 21);
    assert_int_equal(scalar(plain, "SELECT count(*) FROM t WHERE id >= 100 AND id < 140"), 0);
    integrity_ok(plain);
    sqlite3_close(plain);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_commit_is_one_write, world_setup, world_teardown),
        cmocka_unit_test_setup_teardown(an_unsynced_commit_is_visible_at_once, world_setup,
                                        world_teardown),
        cmocka_unit_test_setup_teardown(spills_and_big_transactions_stay_whole, world_setup,
                                        world_teardown),
        cmocka_unit_test_setup_teardown(a_failed_write_fails_the_commit, world_setup,
                                        world_teardown),
        cmocka_unit_test_setup_teardown(rolled_back_frames_never_reach_the_file, world_setup,
                                        world_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
