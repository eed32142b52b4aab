/* target_internal.h - how edits, undo and store_add_plan reach the target
 * table (internal to core; the edit side is in edit/target_progress.c). */
#ifndef DUBAN_TARGET_INTERNAL_H
#define DUBAN_TARGET_INTERNAL_H

#include "store/store.h"

#include <stdint.h>

/* N for a history field "target.N" (N >= 1), else 0. */
int target_field_seq(const char *field);
/* Sets it from decimal text ("" clears it); the caller holds the transaction. */
int target_write_field(store *st, int64_t node_id, const char *field, const char *value,
                       duban_error *err);
/* Scans title and body (target_scan) and inserts the targets of node_id
 * numbered from 1; the caller holds the transaction.  *added may be NULL. */
int target_store_node(store *st, int64_t node_id, const char *title, const char *body, int *added,
                      duban_error *err);
/* Sets the current value of target seq of node_id as a plan brings it
 * (a ledger's 量化指标), without history; the caller holds the
 * transaction.  A seq the node does not have changes nothing. */
int target_store_current(store *st, int64_t node_id, int seq, double value, duban_error *err);

#endif
