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
    int64_t node_hlc; /* format 2: the item's greatest clock its author held (0: none) */
} sync_row;

/* Format 2: what an addition (an item's, or a milestone's) put in place,
 * keyed by the adding row's gid (table dn of the payload).  kind "node":
 * place "PARENT_GID SEQ SUFFIX" and the item's fields; kind "ms": title is
 * the milestone's phrase, due its date. */
typedef struct sync_added {
    char gid[SYNC_ID_LEN];
    char *kind, *place, *title, *body, *status, *due, *unit, *leader, *ext;
} sync_added;

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
    sync_added *added;
    size_t nadded;
} change_file;

void change_file_free(change_file *cf);
/* Encodes cf into out (header, changeset payload, end line): format 2,
 * or format 1 when cf->version is 1 (for tests: no node_hlc, no dn). */
int change_file_encode(const change_file *cf, strbuf *out, duban_error *err);
/* Decodes and checks a file image; name is for messages.  Refusals:
 * DUBAN_EPARSE (not a change file, truncated, corrupted), DUBAN_ENEWER. */
int change_file_decode(const char *name, const char *data, size_t len, change_file *cf,
                       duban_error *err);

/* Does sync carry edits of this field (a field this duban knows)?  In
 * format 2 every field of history does: values, notes, titles, bodies,
 * states, places, orders, milestones, note deletions, the plan's title. */
int sync_field_exchanged(const char *field);
/* Format 1 carried only notes and an item's plain values. */
int sync_field_in_format1(const char *field);

/* Translation between the history as stored here (local ids) and as it
 * travels (global ids), translate.c.  Fields ms.N.x of a milestone added
 * by an edit become ms.GID.x (GID: the adding row), note.H becomes
 * note.GID; the values of place ("PARENT SEQ KEY") and order ("ID SEQ
 * KEY;...") name parents and children by gid and keep only the key's
 * suffix after the parent's.  Heap strings; DUBAN_EPARSE for a value that
 * names what is not here. */
typedef struct sync_xlate sync_xlate;
int sync_xlate_open(store *st, int64_t plan_id, sync_xlate **x, duban_error *err);
void sync_xlate_close(sync_xlate *x);
/* Local -> wire: replaces r->field, r->old_value, r->new_value in place. */
int sync_xlate_out(sync_xlate *x, int64_t node_id, sync_row *r, duban_error *err);
/* Wire -> local, for row r about node_id; *field, *old_value, *new_value
 * are heap copies (the milestone of an addition not here yet: *ms_new is
 * set to its local number, to be inserted by the caller). */
int sync_xlate_in(sync_xlate *x, int64_t node_id, const sync_row *r, char **field, char **old_value,
                  char **new_value, int *ms_new, duban_error *err);
/* The suffix of a sort key after its parent's: from its last '.' (the
 * whole key for an area). */
const char *sync_key_suffix(const char *key);

/* Additions (added.c): the dn entry of the adding row gid (NULL: none);
 * a new item (state 'removed', temporary place "~GID") and milestone
 * (number seq, 'removed'); the place an item's addition gave it. */
const sync_added *sync_added_of(const change_file *cf, const char *gid);
int sync_create_node(store *st, int64_t plan_id, const char *name, const sync_added *a,
                     const char *node_gid, int64_t *node_id, duban_error *err);
int sync_create_ms(store *st, int64_t node_id, int seq, const char *name, const sync_added *a,
                   duban_error *err);
int sync_record_added(store *st, int64_t history_id, const sync_added *a, duban_error *err);

/* Places (places.c): settles every item's place from the additions,
 * moves and orders of the plan's history (sync.h). */
/* ... and says in said (saidsz bytes, "" none) which items' refs
 * changed: "OLD → NEW, ..." (sync_result.refs_changed). */
int sync_settle_places(store *st, int64_t plan_id, char *said, size_t saidsz, duban_error *err);

/* Is s 32 lowercase hex digits? */
int sync_is_id(const char *s);

/* ORIGINS_CTE names each origin of history_gid once, in order (origins;
 * a NULL row last), seeking its (origin, seq) index from one origin to the
 * next: as many steps as there are origins, where GROUP BY origin reads
 * every row (a second at 1,000,000).  SYNC_ORIGINS_SQL selects them. */
#define ORIGINS_CTE                                                                                \
    " origins(origin) AS (SELECT min(origin) FROM history_gid UNION ALL"                           \
    "  SELECT (SELECT min(origin) FROM history_gid WHERE origin > o.origin)"                       \
    "  FROM origins o WHERE o.origin IS NOT NULL)"
#define SYNC_ORIGINS_SQL "WITH" ORIGINS_CTE " SELECT origin FROM origins WHERE origin IS NOT NULL"

/* Frees a row's texts (the row itself is the caller's). */
void sync_row_free(sync_row *r);

/* For each origin held here, the least of what the replicas this one
 * knows hold (0: one of them is not known to hold any; everything when
 * none is known). */
int sync_min_over_peers(store *st, int64_t plan_id, const char *plan_gid, sync_seen **from,
                        size_t *n, duban_error *err);
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
/* Steps stmt (rows of origin, seq) into a new array *out of *n entries
 * (the caller's to free); finalizes stmt.  On failure *out is NULL. */
int sync_collect_seen(store *st, sqlite3_stmt *stmt, sync_seen **out, size_t *n, duban_error *err);
int sync_plan_gid(store *st, int64_t plan_id, char gid[SYNC_ID_LEN], duban_error *err);

/* Builds the change file of plan_id with the rows after from (per origin;
 * origins missing from `from` start at 0). */
int sync_export_after(store *st, int64_t plan_id, const sync_seen *from, size_t nfrom, strbuf *out,
                      int *rows, duban_error *err);

/* Conflicts (conflict.c): how many of the rows in [first_id, ...] lost. */
int sync_conflicts_since(store *st, int64_t plan_id, int64_t first_id, int *n, duban_error *err);

/* Numbers node_id's milestones (seq) from the set of rows alone: those
 * without an addition row keep their number; the additions (ms.HKEY.state
 * removed -> '') in (hlc, origin) order each take the next number above
 * every number given on the item (added.c; sync.h). */
int sync_settle_ms(store *st, int64_t node_id, duban_error *err);

#endif
