/* schema.h - the database schema as numbered migrations (internal).
 *
 * Migration v (1-based) is its SQL, then, when SQL alone cannot do it, a
 * C step registered with it in the migration table (schema.c); both run
 * in one transaction, opened by the store's migration runner (store.c),
 * with st->batch set so that core's own writes nest as savepoints.  The
 * steps live here, beside the schema (schema_steps.c), and use only the
 * store and the layers below it: the store depends on nothing above it.
 */
#ifndef DUBAN_SCHEMA_H
#define DUBAN_SCHEMA_H

#include "base/error.h"
#include "store/store.h"

/* A migration's C step: DUBAN_OK, or an error code with err set. */
typedef int (*schema_step)(store *st, duban_error *err);

/* Number of migrations == the schema version this build writes. */
int schema_migration_count(void);
/* SQL of migration `version` (1-based), or NULL. */
const char *schema_migration(int version);
/* The C step of migration `version`, or NULL when it has none. */
schema_step schema_migration_step(int version);

/* The trigger that keeps history append-only (created by migration 1,
 * lifted and recreated by migration 3's step). */
const char *schema_append_only_trigger(void);

/* The steps (schema_steps.c).  2: every plan stored before targets
 * existed gets its numeric targets scanned from its nodes' text.  3: every
 * history row gets its undo state by replaying the plan's history, then
 * history is append-only again. */
int schema_step_targets(store *st, duban_error *err);
int schema_step_undo(store *st, duban_error *err);
/* 22: history's CHECK (action IN (...)) becomes the same test as ORs, in
 * the table's stored definition (SQLite's procedure for changing a CHECK
 * constraint without copying the table: the rows already satisfy it). */
int schema_step_history_check(store *st, duban_error *err);

#endif
