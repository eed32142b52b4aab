/* wal_batch.h - a VFS that writes a transaction's WAL frames in one call.
 *
 * SQLite writes each frame of a commit to the write-ahead log as two
 * writes (its 24-byte header, then the page) and syncs the log: a status
 * edit, a dozen pages, makes some 25 write() calls before its fdatasync.
 * This VFS passes every call to the one beneath it, except that writes to
 * a WAL file which continue the frames just written are kept in a buffer
 * and written as one when the frame that commits a transaction (a frame
 * header whose "database size" field is not zero) is complete, when the
 * buffer is full, or before any other call on the file (a read, a sync,
 * its size, a truncation, a lock, its close).  A commit's frames are thus
 * in the file before SQLite publishes them in the WAL index, with or
 * without a sync, and a failed write is the commit's own error.  Frames
 * of an uncommitted transaction (a spilled cache) wait until then; no
 * reader looks at them.  Any write that is not a frame header or the page
 * that follows one is written at once.
 *
 * The database file is passed through but for one call: when the log's
 * write lock is taken or released (xShmLock on WAL_WRITE_LOCK), what its
 * log still keeps is dropped.  That can only be frames a rolled-back
 * transaction spilled; written later, they would land on the frames
 * another connection committed in their place once the lock was free.
 * The log finds its database through sqlite3_database_file_object(); a
 * log whose database did not come through this VFS keeps nothing.
 *
 * The VFS is owned by its caller, who registers it (wal_batch_init) before
 * opening connections with it by name and unregisters it
 * (wal_batch_release) after the last of them is closed.  No state is
 * shared between VFS objects. */
#ifndef DUBAN_STORE_WAL_BATCH_H
#define DUBAN_STORE_WAL_BATCH_H

#include <sqlite3.h>

typedef struct wal_batch_vfs {
    sqlite3_vfs vfs; /* registered with SQLite under name */
    char name[48];
} wal_batch_vfs;

/* Fills v to pass calls to under (NULL: SQLite's default VFS) and
 * registers it as "duban-wal-<address>", not as the default.  SQLITE_OK,
 * or SQLite's error code (v is then not registered). */
int wal_batch_init(wal_batch_vfs *v, sqlite3_vfs *under);

/* Unregisters v.  Every connection opened with it must be closed. */
void wal_batch_release(wal_batch_vfs *v);

#endif
