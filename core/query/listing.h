/* listing.h - the plan's nodes as `duban list` prints them, streamed.
 *
 * node_all() reads every column of every node (body, child count) into
 * heap structs; a listing shows eight short columns.  query_list_each()
 * reads only those, in outline order, and hands each row to a callback
 * with strings borrowed from SQLite: nothing is allocated per row.
 */
#ifndef DUBAN_LISTING_H
#define DUBAN_LISTING_H

#include "base/error.h"
#include "store/store.h"

#include <stdint.h>

typedef struct list_row {
    int64_t id;
    int depth; /* NODE_AREA, NODE_ITEM or NODE_SUBITEM (model.h) */
    const char *ref, *title, *status, *due, *unit, *leader;
    const char *state; /* "" or "cancelled" (removed nodes never come) */
} list_row;

/* Called once a row; the strings are valid during the call only.  A
 * non-zero return stops the walk and is returned by query_list_each(). */
typedef int (*list_row_fn)(void *arg, const list_row *row);

/* Every node of the plan in outline (pre-)order, as node_all() orders
 * them.  DUBAN_OK, fn's non-zero value, or DUBAN_EDB. */
int query_list_each(store *st, int64_t plan_id, list_row_fn fn, void *arg, duban_error *err);
/* Every node to first, then every node again to then, both passes from
 * one snapshot of the file (inside a read transaction, unless one is
 * open): a listing that measures its rows before it writes them holds
 * none.  first may be NULL (one pass); the second pass is left out when
 * again (if not NULL) returns 0 after the first (what it needs was kept).
 * DUBAN_OK, a callback's non-zero value, or DUBAN_EDB. */
int query_list_twice(store *st, int64_t plan_id, list_row_fn first, int (*again)(void *arg),
                     list_row_fn then, void *arg, duban_error *err);
/* The same rows for the nodes ids[0..n), in that order (a search's
 * matches: one look-up each); an id that is gone or removed is skipped. */
int query_list_ids_each(store *st, const int64_t *ids, size_t n, list_row_fn fn, void *arg,
                        duban_error *err);

#endif
