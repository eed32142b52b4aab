/* store_compact.h - rewriting the database compactly (duban compact). */
#ifndef DUBAN_STORE_COMPACT_H
#define DUBAN_STORE_COMPACT_H

#include "base/error.h"
#include "store/store.h"

#include <stdint.h>

typedef struct store_compact_sizes {
    int64_t bytes_before, bytes_after; /* the database file, its log written back first */
    int page_before, page_after;       /* page sizes */
} store_compact_sizes;

/* Rewrites the database with SQLite's VACUUM: the free pages a deleted
 * plan or a long history left are given back, every table and index is
 * written in order, and the pages take the size new files get (2,048
 * bytes, store_internal.h) whatever the file had.  VACUUM cannot change
 * the page size in WAL mode, so the file leaves WAL mode for the rewrite,
 * which only this connection may do: when another program has the
 * database open (the front end, a sync), DUBAN_EDB says so and nothing
 * is changed.  The rewrite is one transaction with a rollback journal: a
 * crash leaves the file as it was (the journal is played back at the
 * next open).  WAL mode is set again in every case.  The store's
 * progress function (store_set_progress()) is told the work.  st must be
 * writable and outside a batch; sizes is filled on success. */
int store_compact(store *st, store_compact_sizes *sizes, duban_error *err);

#endif
