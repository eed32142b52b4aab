/* sync_internal.h - what the files of core/sync share (internal).
 *
 * The session extension's declarations in sqlite3.h need these two macros
 * before the header is first included (Debian's libsqlite3 has both). */
#ifndef DUBAN_SYNC_INTERNAL_H
#define DUBAN_SYNC_INTERNAL_H

#ifndef SQLITE_ENABLE_SESSION
#define SQLITE_ENABLE_SESSION 1
#endif
#ifndef SQLITE_ENABLE_PREUPDATE_HOOK
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#endif

#include "store/store_internal.h"
#include "sync/sync.h"

/* One history row on the wire (table dh of the payload). */
typedef struct sync_row {
    char *gid, *origin;
    int64_t seq, hlc;
    char *prev_gid, *target_gid, *node_gid; /* "" when none */
    char *at, *action, *field, *old_value, *new_value, *note;
} sync_row;

typedef struct sync_seen {
    char origin[SYNC_ID_LEN];
    int64_t seq;
} sync_seen;

typedef struct sync_range {
    char origin[SYNC_ID_LEN];
    int64_t from, to;
} sync_range;

typedef struct sync_name {
    char uuid[SYNC_ID_LEN];
    char *name;
} sync_name;

/* A change file, decoded (or about to be encoded). */
typedef struct change_file {
    int version;
    char plan_gid[SYNC_ID_LEN];
    char source[SYNC_ID_LEN];
    sync_seen *seen;
    size_t nseen;
    sync_range *ranges;
    size_t nranges;
    sync_row *rows;
    size_t nrows;
    sync_name *names;
    size_t nnames;
} change_file;

void change_file_free(change_file *cf);
/* Encodes cf into out (header, changeset payload, end line). */
int change_file_encode(const change_file *cf, strbuf *out, duban_error *err);
/* Decodes and checks a file image; name is for messages.  Refusals:
 * DUBAN_EPARSE (not a change file, truncated, corrupted), DUBAN_ENEWER. */
int change_file_decode(const char *name, const char *data, size_t len, change_file *cf,
                       duban_error *err);

/* Does sync carry edits of this field?  Notes and an item's plain values
 * (edit_field_is_value); not the plan's structure. */
int sync_field_exchanged(const char *field);

/* Is s 32 lowercase hex digits? */
int sync_is_id(const char *s);

/* The seen vector of plan_gid here: origin -> greatest seq held. */
int sync_seen_here(store *st, int64_t plan_id, sync_seen **out, size_t *n, duban_error *err);
/* What this replica knows peer holds (none: *n == 0). */
int sync_peer_seen(store *st, const char *plan_gid, const char *peer, sync_seen **out, size_t *n,
                   duban_error *err);
/* Records that peer holds seen (keeps the greater of old and new). */
int sync_peer_record(store *st, const char *plan_gid, const char *peer, const sync_seen *seen,
                     size_t n, duban_error *err);
/* Adds or renames a known replica (never the self row's name). */
int sync_replica_note(store *st, const char *uuid, const char *name, duban_error *err);
int64_t sync_seen_lookup(const sync_seen *v, size_t n, const char *origin);
int sync_plan_gid(store *st, int64_t plan_id, char gid[SYNC_ID_LEN], duban_error *err);

/* Builds the change file of plan_id with the rows after from (per origin;
 * origins missing from `from` start at 0). */
int sync_export_after(store *st, int64_t plan_id, const sync_seen *from, size_t nfrom, strbuf *out,
                      int *rows, duban_error *err);

/* Conflicts (conflict.c): how many of the rows in [first_id, ...] lost. */
int sync_conflicts_since(store *st, int64_t plan_id, int64_t first_id, int *n, duban_error *err);

#endif
