/* wal_batch.c - a VFS that writes a transaction's WAL frames in one call
 * (see wal_batch.h). */
#include "store/wal_batch.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define WAL_HEADER 32       /* the log's own header, before the first frame */
#define FRAME_HEADER 24     /* each frame's header, before its page */
#define BATCH_MAX (1 << 20) /* a buffer this full is written out */
#define WRITE_MAX (1 << 16) /* bytes a write to the file beneath */

struct db_file;

typedef struct batch_file {
    sqlite3_file base;   /* pMethods = &batch_methods */
    sqlite3_file *real;  /* the file beneath, in the same allocation */
    struct db_file *db;  /* the database whose log this is, NULL unknown */
    unsigned char *buf;  /* frames kept, from offset start (sqlite3_malloc) */
    sqlite3_int64 start; /* where buf's first byte goes in the file */
    size_t len, cap;
    int expect_page; /* the last write was a frame's header */
    int commit;      /* ... of a frame that commits a transaction */
} batch_file;

/* A database file: its calls pass through, but that releasing (or
 * taking) the log's write lock drops what its log still keeps. */
typedef struct db_file {
    sqlite3_file base;  /* pMethods = &db_methods */
    sqlite3_file *real; /* the file beneath, in the same allocation */
    batch_file *wal;    /* its log, while open */
} db_file;

#define ROUND8(n) (((n) + 7) & ~(size_t)7)
#define REAL_OFFSET                                                                                \
    ROUND8(sizeof(batch_file) > sizeof(db_file) ? sizeof(batch_file) : sizeof(db_file))
#define WAL_WRITE_LOCK 0 /* SQLite's wal.c: the shared-memory lock a writer holds */

static sqlite3_vfs *under_of(sqlite3_vfs *v)
{
    return (sqlite3_vfs *)v->pAppData;
}

/* Writes the buffer in calls of at most WRITE_MAX bytes: the unix VFS
 * writes at most 128 KiB - 1 a call (seekAndWriteFd masks the length) and
 * takes a short write for a full disk. */
static int flush(batch_file *b)
{
    int rc = SQLITE_OK;
    for (size_t done = 0; done < b->len && rc == SQLITE_OK; done += WRITE_MAX) {
        size_t n = b->len - done < WRITE_MAX ? b->len - done : WRITE_MAX;
        rc = b->real->pMethods->xWrite(b->real, b->buf + done, (int)n,
                                       b->start + (sqlite3_int64)done);
    }
    b->len = 0;
    return rc;
}

/* What the log keeps when its write lock is released (or taken) is no
 * commit's: a commit's frames went out with its last frame (batch_write),
 * so these are frames a rolled-back transaction spilled.  Dropped: once
 * the lock is gone another connection may write its own frames there. */
static void drop(batch_file *b)
{
    b->len = 0;
    b->expect_page = b->commit = 0;
}

/* Keeps n bytes for offset off, which follow the buffer (or start it);
 * writes them through when the buffer cannot grow. */
static int keep(batch_file *b, const void *p, int n, sqlite3_int64 off)
{
    if (b->len + (size_t)n > b->cap) {
        size_t cap = b->cap ? b->cap : 64 * 1024;
        while (cap < b->len + (size_t)n)
            cap *= 2;
        unsigned char *grown = sqlite3_realloc64(b->buf, cap);
        if (!grown) {
            int rc = flush(b);
            return rc ? rc : b->real->pMethods->xWrite(b->real, p, n, off);
        }
        b->buf = grown;
        b->cap = cap;
    }
    if (!b->len)
        b->start = off;
    memcpy(b->buf + b->len, p, (size_t)n);
    b->len += (size_t)n;
    return SQLITE_OK;
}

static int commits(const unsigned char *header)
{
    /* bytes 4-7, big-endian: the database's size after a commit, else 0 */
    return header[4] | header[5] | header[6] | header[7];
}

static int batch_write(sqlite3_file *f, const void *p, int n, sqlite3_int64 off)
{
    batch_file *b = (batch_file *)f;
    if (!b->db) /* no database seen: nothing would drop a rolled-back batch */
        return b->real->pMethods->xWrite(b->real, p, n, off);
    int follows = b->len && off == b->start + (sqlite3_int64)b->len;
    if (b->expect_page && follows) {
        b->expect_page = 0;
        int rc = keep(b, p, n, off);
        if (!rc && (b->commit || b->len >= BATCH_MAX))
            rc = flush(b);
        b->commit = 0;
        return rc;
    }
    b->expect_page = b->commit = 0;
    int rc = follows ? SQLITE_OK : flush(b);
    if (rc)
        return rc;
    if (n == FRAME_HEADER && off >= WAL_HEADER) {
        b->expect_page = 1;
        b->commit = commits(p);
        return keep(b, p, n, off);
    }
    return (rc = flush(b)) ? rc : b->real->pMethods->xWrite(b->real, p, n, off);
}

static int batch_close(sqlite3_file *f)
{
    batch_file *b = (batch_file *)f;
    if (b->db)
        b->db->wal = NULL;
    int rc = flush(b);
    sqlite3_free(b->buf);
    b->buf = NULL;
    int closed = b->real->pMethods->xClose(b->real);
    return rc ? rc : closed;
}

static int batch_read(sqlite3_file *f, void *p, int n, sqlite3_int64 off)
{
    batch_file *b = (batch_file *)f;
    int rc = flush(b);
    return rc ? rc : b->real->pMethods->xRead(b->real, p, n, off);
}

static int batch_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    batch_file *b = (batch_file *)f;
    int rc = flush(b);
    return rc ? rc : b->real->pMethods->xTruncate(b->real, size);
}

static int batch_sync(sqlite3_file *f, int flags)
{
    batch_file *b = (batch_file *)f;
    int rc = flush(b);
    return rc ? rc : b->real->pMethods->xSync(b->real, flags);
}

static int batch_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
    batch_file *b = (batch_file *)f;
    int rc = flush(b);
    return rc ? rc : b->real->pMethods->xFileSize(b->real, size);
}

static int batch_lock(sqlite3_file *f, int level)
{
    batch_file *b = (batch_file *)f;
    int rc = flush(b);
    return rc ? rc : b->real->pMethods->xLock(b->real, level);
}

static int batch_unlock(sqlite3_file *f, int level)
{
    batch_file *b = (batch_file *)f;
    int rc = flush(b);
    return rc ? rc : b->real->pMethods->xUnlock(b->real, level);
}

static int batch_check_reserved(sqlite3_file *f, int *out)
{
    batch_file *b = (batch_file *)f;
    return b->real->pMethods->xCheckReservedLock(b->real, out);
}

static int batch_file_control(sqlite3_file *f, int op, void *arg)
{
    batch_file *b = (batch_file *)f;
    int rc = flush(b);
    return rc ? rc : b->real->pMethods->xFileControl(b->real, op, arg);
}

static int batch_sector_size(sqlite3_file *f)
{
    batch_file *b = (batch_file *)f;
    return b->real->pMethods->xSectorSize(b->real);
}

static int batch_device(sqlite3_file *f)
{
    batch_file *b = (batch_file *)f;
    return b->real->pMethods->xDeviceCharacteristics(b->real);
}

/* A log has no shared memory nor mapping of its own (SQLite asks the
 * database file); these pass the calls on should it ever ask. */
static int batch_shm_map(sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
    batch_file *b = (batch_file *)f;
    return b->real->pMethods->xShmMap(b->real, page, size, extend, out);
}

static int batch_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
    batch_file *b = (batch_file *)f;
    int rc = flush(b);
    return rc ? rc : b->real->pMethods->xShmLock(b->real, offset, n, flags);
}

static void batch_shm_barrier(sqlite3_file *f)
{
    batch_file *b = (batch_file *)f;
    b->real->pMethods->xShmBarrier(b->real);
}

static int batch_shm_unmap(sqlite3_file *f, int del)
{
    batch_file *b = (batch_file *)f;
    return b->real->pMethods->xShmUnmap(b->real, del);
}

static int batch_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **out)
{
    batch_file *b = (batch_file *)f;
    int rc = flush(b);
    return rc ? rc : b->real->pMethods->xFetch(b->real, off, n, out);
}

static int batch_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
    batch_file *b = (batch_file *)f;
    return b->real->pMethods->xUnfetch(b->real, off, p);
}

static const sqlite3_io_methods batch_methods[] = {
    {1, batch_close, batch_read, batch_write, batch_truncate, batch_sync, batch_file_size,
     batch_lock, batch_unlock, batch_check_reserved, batch_file_control, batch_sector_size,
     batch_device, NULL, NULL, NULL, NULL, NULL, NULL},
    {2, batch_close, batch_read, batch_write, batch_truncate, batch_sync, batch_file_size,
     batch_lock, batch_unlock, batch_check_reserved, batch_file_control, batch_sector_size,
     batch_device, batch_shm_map, batch_shm_lock, batch_shm_barrier, batch_shm_unmap, NULL, NULL},
    {3, batch_close, batch_read, batch_write, batch_truncate, batch_sync, batch_file_size,
     batch_lock, batch_unlock, batch_check_reserved, batch_file_control, batch_sector_size,
     batch_device, batch_shm_map, batch_shm_lock, batch_shm_barrier, batch_shm_unmap, batch_fetch,
     batch_unfetch},
};

/* The database file's calls, passed through. */
static sqlite3_file *real_of(sqlite3_file *f)
{
    return ((db_file *)f)->real;
}
static int db_close(sqlite3_file *f)
{
    db_file *d = (db_file *)f;
    if (d->wal)
        d->wal->db = NULL;
    return d->real->pMethods->xClose(d->real);
}
static int db_read(sqlite3_file *f, void *p, int n, sqlite3_int64 off)
{
    return real_of(f)->pMethods->xRead(real_of(f), p, n, off);
}
static int db_write(sqlite3_file *f, const void *p, int n, sqlite3_int64 off)
{
    return real_of(f)->pMethods->xWrite(real_of(f), p, n, off);
}
static int db_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    return real_of(f)->pMethods->xTruncate(real_of(f), size);
}
static int db_sync(sqlite3_file *f, int flags)
{
    return real_of(f)->pMethods->xSync(real_of(f), flags);
}
static int db_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
    return real_of(f)->pMethods->xFileSize(real_of(f), size);
}
static int db_lock(sqlite3_file *f, int level)
{
    return real_of(f)->pMethods->xLock(real_of(f), level);
}
static int db_unlock(sqlite3_file *f, int level)
{
    return real_of(f)->pMethods->xUnlock(real_of(f), level);
}
static int db_check_reserved(sqlite3_file *f, int *out)
{
    return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out);
}
static int db_file_control(sqlite3_file *f, int op, void *arg)
{
    return real_of(f)->pMethods->xFileControl(real_of(f), op, arg);
}
static int db_sector_size(sqlite3_file *f)
{
    return real_of(f)->pMethods->xSectorSize(real_of(f));
}
static int db_device(sqlite3_file *f)
{
    return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f));
}
static int db_shm_map(sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
    return real_of(f)->pMethods->xShmMap(real_of(f), page, size, extend, out);
}
/* The one call looked at: the log's write lock taken or released. */
static int db_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
    db_file *d = (db_file *)f;
    if (d->wal && offset == WAL_WRITE_LOCK && (flags & SQLITE_SHM_EXCLUSIVE))
        drop(d->wal);
    return d->real->pMethods->xShmLock(d->real, offset, n, flags);
}
static void db_shm_barrier(sqlite3_file *f)
{
    real_of(f)->pMethods->xShmBarrier(real_of(f));
}
static int db_shm_unmap(sqlite3_file *f, int del)
{
    return real_of(f)->pMethods->xShmUnmap(real_of(f), del);
}
static int db_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **out)
{
    return real_of(f)->pMethods->xFetch(real_of(f), off, n, out);
}
static int db_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
    return real_of(f)->pMethods->xUnfetch(real_of(f), off, p);
}

static const sqlite3_io_methods db_methods[] = {
    {1, db_close, db_read, db_write, db_truncate, db_sync, db_file_size, db_lock, db_unlock,
     db_check_reserved, db_file_control, db_sector_size, db_device, NULL, NULL, NULL, NULL, NULL,
     NULL},
    {2, db_close, db_read, db_write, db_truncate, db_sync, db_file_size, db_lock, db_unlock,
     db_check_reserved, db_file_control, db_sector_size, db_device, db_shm_map, db_shm_lock,
     db_shm_barrier, db_shm_unmap, NULL, NULL},
    {3, db_close, db_read, db_write, db_truncate, db_sync, db_file_size, db_lock, db_unlock,
     db_check_reserved, db_file_control, db_sector_size, db_device, db_shm_map, db_shm_lock,
     db_shm_barrier, db_shm_unmap, db_fetch, db_unfetch},
};

static int methods_version(const sqlite3_file *real)
{
    int version = real->pMethods->iVersion;
    return version < 1 ? 1 : version > 3 ? 3 : version;
}

/* Opens the file beneath at SQLite's allocation f + REAL_OFFSET, the
 * wrapper's methods at f (SQLITE_CANTOPEN and none when it fails). */
static int open_beneath(sqlite3_vfs *under, sqlite3_filename name, sqlite3_file *f,
                        sqlite3_file **real, int flags, int *out_flags)
{
    *real = (sqlite3_file *)((char *)f + REAL_OFFSET);
    (*real)->pMethods = NULL;
    int rc = under->xOpen(under, name, *real, flags, out_flags);
    if (rc == SQLITE_OK && (*real)->pMethods)
        return SQLITE_OK;
    if ((*real)->pMethods)
        (*real)->pMethods->xClose(*real);
    f->pMethods = NULL;
    return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
}

/* A log gets a batch_file in front of its file, tied to its database's
 * db_file (SQLite opens the database first and closes it last); a main
 * database a db_file; any other file is the file beneath itself, at the
 * start of SQLite's allocation. */
static int batch_open(sqlite3_vfs *v, sqlite3_filename name, sqlite3_file *f, int flags,
                      int *out_flags)
{
    sqlite3_vfs *under = under_of(v);
    if (flags & SQLITE_OPEN_MAIN_DB) {
        db_file *d = (db_file *)f;
        memset(d, 0, sizeof *d);
        int rc = open_beneath(under, name, f, &d->real, flags, out_flags);
        if (rc == SQLITE_OK)
            d->base.pMethods = &db_methods[methods_version(d->real) - 1];
        return rc;
    }
    if (!(flags & SQLITE_OPEN_WAL))
        return under->xOpen(under, name, f, flags, out_flags);
    batch_file *b = (batch_file *)f;
    memset(b, 0, sizeof *b);
    int rc = open_beneath(under, name, f, &b->real, flags, out_flags);
    if (rc != SQLITE_OK)
        return rc;
    b->base.pMethods = &batch_methods[methods_version(b->real) - 1];
    sqlite3_file *main = name ? sqlite3_database_file_object(name) : NULL;
    for (int k = 0; main && k < 3; k++)
        if (main->pMethods == &db_methods[k]) {
            b->db = (db_file *)main;
            b->db->wal = b;
        }
    return SQLITE_OK;
}

static int vfs_delete(sqlite3_vfs *v, const char *name, int sync)
{
    return under_of(v)->xDelete(under_of(v), name, sync);
}
static int vfs_access(sqlite3_vfs *v, const char *name, int flags, int *out)
{
    return under_of(v)->xAccess(under_of(v), name, flags, out);
}
static int vfs_full_pathname(sqlite3_vfs *v, const char *name, int n, char *out)
{
    return under_of(v)->xFullPathname(under_of(v), name, n, out);
}
static void *vfs_dl_open(sqlite3_vfs *v, const char *name)
{
    return under_of(v)->xDlOpen(under_of(v), name);
}
static void vfs_dl_error(sqlite3_vfs *v, int n, char *out)
{
    under_of(v)->xDlError(under_of(v), n, out);
}
static void (*vfs_dl_sym(sqlite3_vfs *v, void *lib, const char *sym))(void)
{
    return under_of(v)->xDlSym(under_of(v), lib, sym);
}
static void vfs_dl_close(sqlite3_vfs *v, void *lib)
{
    under_of(v)->xDlClose(under_of(v), lib);
}
static int vfs_randomness(sqlite3_vfs *v, int n, char *out)
{
    return under_of(v)->xRandomness(under_of(v), n, out);
}
static int vfs_sleep(sqlite3_vfs *v, int us)
{
    return under_of(v)->xSleep(under_of(v), us);
}
static int vfs_current_time(sqlite3_vfs *v, double *out)
{
    return under_of(v)->xCurrentTime(under_of(v), out);
}
static int vfs_last_error(sqlite3_vfs *v, int n, char *out)
{
    return under_of(v)->xGetLastError(under_of(v), n, out);
}
static int vfs_current_time64(sqlite3_vfs *v, sqlite3_int64 *out)
{
    return under_of(v)->xCurrentTimeInt64(under_of(v), out);
}

int wal_batch_init(wal_batch_vfs *v, sqlite3_vfs *under)
{
    under = under ? under : sqlite3_vfs_find(NULL);
    if (!under)
        return SQLITE_ERROR;
    memset(v, 0, sizeof *v);
    snprintf(v->name, sizeof v->name, "duban-wal-%p", (void *)v);
    sqlite3_vfs *s = &v->vfs;
    s->iVersion = under->iVersion < 2 ? under->iVersion : 2;
    s->szOsFile = (int)(REAL_OFFSET + (size_t)under->szOsFile);
    s->mxPathname = under->mxPathname;
    s->zName = v->name;
    s->pAppData = under;
    s->xOpen = batch_open;
    s->xDelete = vfs_delete;
    s->xAccess = vfs_access;
    s->xFullPathname = vfs_full_pathname;
    s->xDlOpen = vfs_dl_open;
    s->xDlError = vfs_dl_error;
    s->xDlSym = vfs_dl_sym;
    s->xDlClose = vfs_dl_close;
    s->xRandomness = vfs_randomness;
    s->xSleep = vfs_sleep;
    s->xCurrentTime = vfs_current_time;
    s->xGetLastError = vfs_last_error;
    if (under->iVersion >= 2 && under->xCurrentTimeInt64)
        s->xCurrentTimeInt64 = vfs_current_time64;
    return sqlite3_vfs_register(s, 0);
}

void wal_batch_release(wal_batch_vfs *v)
{
    sqlite3_vfs_unregister(&v->vfs);
}
