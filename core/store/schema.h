/* schema.h - the database schema as numbered migrations (internal). */
#ifndef DUBAN_SCHEMA_H
#define DUBAN_SCHEMA_H

/* Number of migrations == the schema version this build writes. */
int schema_migration_count(void);
/* SQL of migration `version` (1-based), or NULL. */
const char *schema_migration(int version);

/* The trigger that keeps history append-only (created by migration 1,
 * lifted and recreated by migration 3's backfill). */
const char *schema_append_only_trigger(void);

#endif
