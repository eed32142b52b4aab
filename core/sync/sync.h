/* sync.h - replicas (副本) exchanging their edits through change files (同步).
 *
 * DESIGN
 *
 * Identities.  Every database is a replica with a random 128-bit identity
 * (32 hex digits) and a name people read (table replica, is_self = 1;
 * made by schema migration 7).  `duban clone` copies the database with
 * VACUUM INTO and gives the copy an identity of its own.  A plan has a
 * random global id (plan.gid) that its clones share: a change file is for
 * one plan, and a file for another plan is refused.  Items have global ids
 * (node.gid) for the same reason.  Every history row has a global id
 * (history_gid.gid: 32 hex digits, the low 48 bits of its clock then 80
 * random bits, store_history_gid(); older rows' are wholly random), the
 * replica it was made on (origin) and a sequence number there (seq: its
 * history id on that replica, increasing),
 * stamped on the replica that makes it (store_stamp_history()).  Rows
 * made on another replica are copied in with their identity; they are
 * never renumbered.
 *
 * What a replica holds of another's rows is always a prefix: every row of
 * origin X with seq <= some N ("X up to N"), per plan.  A replica's seen
 * vector lists that N for every origin.  A change file carries, for every
 * origin, the rows with from < seq <= to; it applies only where the reader
 * holds X up to at least `from` (else it is refused as out of order).
 *
 * A change file (format 2; format 1 files are still read, a newer one is
 * refused):
 *     duban-changes 2\n                      magic and format version
 *     plan GID\n                             the plan's identity
 *     source UUID\n                          the replica that wrote it
 *     seen ORIGIN SEQ\n ...                  what the source held
 *     range ORIGIN FROM TO\n ...             the rows it carries
 *     payload BYTES\n                        then BYTES of payload:
 *   a SQLite changeset (session extension) of INSERTs into three tables,
 *     dh(gid, origin, seq, hlc, prev_gid, target_gid, node_gid, at, action,
 *        field, old_value, new_value, note, node_hlc)   the history rows
 *     dr(uuid, name)                         the names of the replicas
 *     dn(gid, kind, place, title, body, status, due, unit, leader, ext)
 *        what each addition in dh (gid) put in place: an item (kind
 *        "node", place "PARENT_GID SEQ SUFFIX", PARENT_GID 0 for an area,
 *        SUFFIX its sort key after its parent's) or a milestone ("ms":
 *        title is its phrase)
 *   then "\nend CRC\n", the CRC-32 (hex) of everything before it.  A file
 *   that does not start with the magic is not a change file; a newer format
 *   is refused before anything else is read; a missing or wrong end line
 *   means truncated or corrupted; rows that name items, milestones or
 *   edits the file does not bring and the reader lacks mean corrupted.
 *   Nothing is changed by a refused file.  Format 1 had dh without
 *   node_hlc and no dn, and carried only notes and plain values (its
 *   edits of items the reader lacks are skipped and counted).
 *
 * Rows travel with global ids (translate.c): the item by node_gid; the
 * values of a move ("place": "PARENT SEQ KEY") and of an order ("order":
 * "CHILD SEQ KEY;...", a renumbering or reordering of a node's children)
 * name items by gid and keep only each key's suffix; the fields of a
 * milestone added by an edit are ms.GID.due/done/state (GID: the row that
 * added it; milestones of the imported plan keep ms.N); a note deletion is
 * note.GID (the row that wrote the note).  The reader stores them in its
 * own ids: an added milestone takes its next free hkey here (its number
 * settles below; duban conflicts names milestones by phrase).
 *
 * The order changes apply.  The rows of a file are applied in one
 * transaction, in the order (hlc, origin): each origin's rows in their
 * order there, so an undo comes after the edit it reverts and an item's
 * addition before its edits (the addition creates the item, 'removed' at
 * a temporary place, from its dn entry).  A row whose gid is already here
 * is skipped (importing twice changes nothing).  A row of an origin whose
 * seq is already here with another gid means one replica's file was
 * copied with cp: the whole file is refused with the command that fixes
 * it (`duban sync reidentify N` on the copy).  Rows brought in carry the
 * undo stacks unchanged (undo and redo only ever act on this replica's
 * own edits) and belong to the meeting open here when they arrive.
 *
 * The conflict rule.  Each field of an item (status, due, unit, leader,
 * extension, target.N, title, body, state: cancelled or restored, added
 * or removed; a milestone's due, done and state; the plan's title and
 * period) is a register; a history row that changed it (old_value !=
 * new_value; an edit, undo or redo) is an assignment.  The value is that
 * of the assignment with the greatest (hlc, origin): hlc is a hybrid
 * logical clock, max(time in seconds * 65536, greatest hlc known + 1), so
 * a later edit wins and an edit made after seeing another wins over it;
 * equal clocks are ordered by replica identity.  Every row records the
 * assignment it replaced (prev_gid).  An assignment that no other replaced
 * (a head) and that lost to the winner with a different value is a
 * conflict: its value stays in history and `duban conflicts` lists it until
 * acknowledged (acks are kept per replica).  Notes are rows of their own:
 * both sides' notes are kept; a note stands while the edit that made it is
 * not undone.  An undo (redo) of an edit whose register now holds another
 * value than the edit wrote (its undo restored) leaves it alone.
 *
 * Places (places.c).  An item's place (parent, number, key suffix) is a
 * register too, settled over the whole plan: items of the clone start
 * where the first row that moved them found them, added items appear
 * where their addition put them, then additions, moves and orders apply
 * in (hlc, origin, seq) order.  A move into the item itself or nesting
 * deeper than three levels is skipped (an addition goes up to the nearest
 * ancestor that can hold it).  Items added or moved on two replicas at
 * once under one parent with the same number are both kept: the first
 * (in that order) keeps the number, the other takes the next number above
 * every number given there, and its old ref leads to it (moved_ref).  A
 * local undo of a move whose number such an item took leaves the item
 * where it is (the row records old == new) and is popped all the same,
 * so the undo stack is never stuck at it (edit/undo.c).  Two
 * moves of one item at once: the one that applies last wins, and the
 * other is a conflict like a value's (field place, shown as the ref it
 * asked for), unless the item is where it asked to be.
 *
 * Cancelled items.  An edit of an item (any field but its state) made on
 * one replica while another cancelled it, neither having seen the other
 * (node_hlc, the greatest clock of the item's rows held where a row was
 * made, is below the other row's clock both ways), is kept (the value
 * applies, the item stays cancelled) and listed by `duban conflicts` as a
 * conflict until acknowledged.  Values, notes, places and conflicts are
 * functions of the set of rows alone, so replicas that have seen the
 * same rows agree, whatever the order the files arrived in.
 *
 * Crash safety: every import is one SQLite transaction (WAL, synchronous
 * FULL); change files are written to a temporary name, synced and renamed.
 * `sync OTHER.db` imports into each database in turn: each is either as
 * before or fully synced.
 *
 * Not exchanged: meetings, their attendees, decisions and minutes (each
 * replica's own; rows that arrive belong to the meeting open where they
 * land), acknowledgements of conflicts, the front end's state, settings,
 * and numeric targets' definitions (their values travel).
 *
 * Milestone numbers (added.c, sync_settle_ms).  A milestone has two
 * numbers: hkey, the one in history field names (ms.HKEY.*) and so in the
 * undo stack, local and never changed (migration 13), and seq, the one
 * people see and type.  After an import that brings a milestone's
 * addition, the item's seqs are settled from the set of rows alone: those
 * without an addition row (the clone's) keep theirs, the additions in
 * (hlc, origin) order each take the next number above every number given
 * there.  So two additions made at once on two replicas end with the same
 * numbers everywhere: the earlier keeps the number, the other takes the
 * next (as places.c does for items).  Undo and redo act on ms.HKEY.* and
 * never notice; the history text of an old row ("milestone N added")
 * names its hkey, which may differ from the number shown after that.
 *
 * Call order: store_open() -> sync_* -> store_close().  Strings returned
 * in structs are owned by the struct; free with the matching _free.
 * Errors: DUBAN_EPARSE for a file that is not a change file or is
 * truncated or corrupted, DUBAN_ENEWER for a newer format, DUBAN_EINVAL for
 * another plan, self-sync, a cp copy or out-of-order file, DUBAN_EIO,
 * DUBAN_EDB, DUBAN_ENOMEM; each with one line naming the file.
 */
#ifndef DUBAN_SYNC_H
#define DUBAN_SYNC_H

#include "base/error.h"
#include "base/strbuf.h"
#include "store/store.h"

#include <stddef.h>
#include <stdint.h>

#define SYNC_FORMAT 2  /* written; format 1 files are still read */
#define SYNC_ID_LEN 33 /* 32 hex digits and NUL */

/* This replica: identity and name ("" when never named). */
typedef struct sync_self {
    char uuid[SYNC_ID_LEN];
    char name[128];
} sync_self;
int sync_self_get(store *st, sync_self *out, duban_error *err);
/* Names this replica (trimmed, non-empty, UTF-8, one line). */
int sync_self_rename(store *st, const char *name, duban_error *err);
/* A replica's name for people: its name, else the first 8 hex digits. */
void sync_display_name(const char *uuid, const char *name, char *out, size_t outsz);

/* Copies the database to dest (which must not exist) with VACUUM INTO and
 * gives the copy a new identity named `name` (NULL: none).  Each side
 * records what the other holds. */
int sync_clone(store *st, const char *dest, const char *name, duban_error *err);

/* Gives this replica a new identity after a cp copy was detected: rows of
 * the old identity with seq > keep_seq become the new identity's. */
int sync_reidentify(store *st, int64_t keep_seq, const char *name, duban_error *err);

/* What an import did. */
typedef struct sync_result {
    char peer_uuid[SYNC_ID_LEN];
    char peer_name[128];
    int received;           /* rows new here */
    int conflicts;          /* conflicts that involve them */
    int skipped;            /* format 1 files: edits of items this replica does not have (added
                               elsewhere), which that format did not carry */
    char refs_changed[256]; /* items here whose number changed: "1.4 → 1.5, 5.1 → 6.4" (a
                               number both replicas gave, kept by the other's; a move made
                               there); "" none; cut with "…" */
} sync_result;

/* Writes the changes of plan_id into a change file image (*out): the rows
 * of each origin after what peer (a replica uuid) is known to hold; peer
 * NULL: after what every known replica holds (everything when none is
 * known); all: every row; since (YYYY-MM-DD, else NULL): for each origin
 * the rows after its last one made before that day.  *rows is the number
 * of history rows written. */
int sync_export(store *st, int64_t plan_id, const char *peer, int all, const char *since,
                strbuf *out, int *rows, duban_error *err);
/* Writes image to path atomically (temporary file, fsync, rename).  Only
 * over nothing, an empty file or an earlier change file (replace.h): a
 * database, a FIFO, a folder or another file is refused (DUBAN_EINVAL)
 * and left as it is. */
int sync_write_file(const char *path, const strbuf *image, duban_error *err);
/* Applies a change file image (name is for messages) in one transaction. */
int sync_import(store *st, const char *name, const char *data, size_t len, sync_result *res,
                duban_error *err);
/* Reads a whole file (for sync_import). */
int sync_read_file(const char *path, char **data, size_t *len, duban_error *err);

/* Both directions with another database of the same plan (by plan gid);
 * in_res: what came here, out_res: what went there. */
int sync_with_db(store *st, int64_t plan_id, const char *other_path, sync_result *in_res,
                 sync_result *out_res, duban_error *err);

/* A shared folder: imports every other replica's change file of the plan
 * in dir (UUID-PLAN.duban-changes: the replica's identity and the first 8
 * digits of the plan's; files of other plans are left alone), then writes
 * this replica's.  Each file that cannot
 * be read is reported through `skipped` (one line each) and left alone. */
typedef struct sync_dir_result {
    sync_result total; /* received and conflicts summed */
    int files_read;
    int rows_written;
    strbuf skipped; /* lines "FILE: reason\n" */
} sync_dir_result;
int sync_with_dir(store *st, int64_t plan_id, const char *dir, sync_dir_result *res,
                  duban_error *err);

/* What exchanges brought here after sync log row *after (0: the newest
 * only), summed: res->received, res->conflicts, res->peer_name (the
 * replica's name, or "N 个副本" for several).  *after becomes the newest
 * row.  DUBAN_EEMPTY when there is none (the front end's status line). */
int sync_received_since(store *st, int64_t *after, sync_result *res, duban_error *err);

/* `duban sync status`: the replicas known, what each holds, last exchange. */
typedef struct sync_replica {
    char uuid[SYNC_ID_LEN];
    char *name;
    int is_self;
    int64_t rows;        /* edits (history rows) of the plan made there, held here */
    int64_t missing;     /* rows held here it is not known to hold; -1 never heard of */
    char *last_exchange; /* "" never */
} sync_replica;
typedef struct sync_replica_list {
    sync_replica *v;
    size_t n;
} sync_replica_list;
int sync_status(store *st, int64_t plan_id, sync_replica_list *out, duban_error *err);
void sync_replica_list_free(sync_replica_list *l);

/* Conflicts still to look at (not acknowledged), oldest first: values
 * that lost (sync.h's rule), and edits of an item another replica
 * cancelled meanwhile. */
typedef struct sync_conflict {
    int64_t id;      /* the losing row's history id here: `duban conflicts ack ID` */
    int64_t node_id; /* the item */
    char ref[32];
    char field[256]; /* a milestone's field names its phrase: ms.PHRASE.due */
    char *lost_value, *won_value;
    char *lost_by, *won_by; /* replica names */
    char *lost_at, *won_at;
    int cancelled; /* 1: lost_* is an edit of an item that won_by cancelled meanwhile (won_value
                      "cancelled"); the edit is kept, the item stays cancelled */
} sync_conflict;
typedef struct sync_conflict_list {
    sync_conflict *v;
    size_t n;
} sync_conflict_list;
int sync_conflicts(store *st, int64_t plan_id, sync_conflict_list *out, duban_error *err);
void sync_conflict_list_free(sync_conflict_list *l);
/* Keeps the conflicts of one item (duban show), in their order. */
void sync_conflict_list_keep_node(sync_conflict_list *l, int64_t node_id);
/* How many conflicts sync_conflicts() would list. */
int sync_conflict_count(store *st, int64_t plan_id, int *n, duban_error *err);
/* Acknowledges conflict id; DUBAN_ENOTFOUND when it is not one. */
int sync_conflict_ack(store *st, int64_t plan_id, int64_t id, duban_error *err);

#endif
