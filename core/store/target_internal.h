/* target_internal.h - how edits, undo and store_add_plan reach the target
 * table (internal to core). */
#ifndef DUBAN_TARGET_INTERNAL_H
#define DUBAN_TARGET_INTERNAL_H

#include "edit/edit_internal.h"

/* N for a history field "target.N" (N >= 1), else 0. */
int target_field_seq(const char *field);
/* The current value of node_id's target N as decimal text ("" if none). */
int target_load_field(store *st, int64_t node_id, const char *field, edit_target *t,
                      duban_error *err);
/* Sets it from decimal text ("" clears it); the caller holds the transaction. */
int target_write_field(store *st, int64_t node_id, const char *field, const char *value,
                       duban_error *err);
/* Scans title and body (target_scan) and inserts the targets of node_id
 * numbered from 1; the caller holds the transaction.  *added may be NULL. */
int target_store_node(store *st, int64_t node_id, const char *title, const char *body, int *added,
                      duban_error *err);

#endif
