/* query_view.h - read-only questions asked by the full-screen front end.
 *
 * Same conventions as query.h: caller-provided outputs (free them with
 * model.h), DUBAN_OK or an error code, no state between calls, no output.
 */
#ifndef DUBAN_QUERY_VIEW_H
#define DUBAN_QUERY_VIEW_H

#include "base/error.h"
#include "plan/model.h"
#include "store/store.h"

/* The items and sub-items below area_id (a depth-1 node), in outline
 * order: each item followed by its sub-items.  One query, whatever the
 * number of items.  Their body is "" and children -1 (not read: the
 * outline shows neither; node_by_id gives a whole node). */
int node_subtree(store *st, int64_t area_id, node_list *out, duban_error *err);
/* The first max (at least one) of those rows: what a screen shows of a
 * large area at once, the read stopping there. */
int node_subtree_head(store *st, int64_t area_id, size_t max, node_list *out, duban_error *err);

#endif
