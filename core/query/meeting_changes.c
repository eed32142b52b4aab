/* meeting_changes.c - the net changes of a meeting (or since the last
 * one) and the items that reported nothing (see meeting.h). */
#include "edit/meeting.h"

#include "query/node_internal.h"
#include "query/stats_internal.h"
#include "query/query.h"
#include "store/store_internal.h"
#include "base/strbuf.h"
#include "base/list.h"

#include <stdlib.h>
#include <string.h>

/* History rows of the window: ?1 plan, ?2 < id <= ?3, meeting ?4 (0: any). */
#define IN_WINDOW(h)                                                                               \
    h ".plan_id = ?1 AND " h ".id > ?2 AND " h ".id <= ?3 AND (?4 = 0 OR " h ".meeting_id = ?4)"
/* An edit row not undone as of the end of the window. */
#define STANDING(h)                                                                                \
    "coalesce((SELECT u.action FROM history u WHERE u.target_id = " h ".id AND u.id <= ?3"         \
    " ORDER BY u.id DESC LIMIT 1), 'edit') <> 'undo'"

/* A structural change as people say it (edit/struct_internal.h): the
 * state an item went from and to becomes added, deleted, cancelled or
 * restored; a new place is moved (to the ref it has now); a milestone's
 * fields become ms_added, ms_deleted, ms_done, ms_reopened, ms_due (its
 * word or phrase the label); a note's, note_deleted or note_restored. */
#define STRUCT_FIELD                                                                               \
    "CASE WHEN net.field = 'state' THEN CASE WHEN net.old_value = 'removed'"                       \
    "  AND net.new_value = 'cancelled' THEN 'added_cancelled' WHEN net.old_value = 'removed' "     \
    "THEN 'added'"                                                                                 \
    "  WHEN net.new_value = 'removed' THEN 'deleted' WHEN net.new_value = 'cancelled'"             \
    "  THEN 'cancelled' ELSE 'restored' END"                                                       \
    " WHEN net.field = 'place' THEN 'moved' WHEN net.field = 'order' THEN 'reordered'"             \
    " WHEN net.field LIKE 'ms.%.state' THEN CASE net.new_value WHEN 'removed' THEN 'ms_deleted'"   \
    "  ELSE 'ms_added' END"                                                                        \
    " WHEN net.field LIKE 'ms.%.done' THEN CASE net.new_value WHEN '' THEN 'ms_reopened'"          \
    "  ELSE 'ms_done' END"                                                                         \
    " WHEN net.field LIKE 'ms.%.due' THEN 'ms_due'"                                                \
    " WHEN net.field LIKE 'note.%' THEN CASE net.new_value WHEN 'removed' THEN 'note_deleted'"     \
    "  ELSE 'note_restored' END"                                                                   \
    " ELSE net.field END"
/* The ref a place ("PARENT SEQ KEY", edit/structure.h) gave: SEQ for an
 * area, else the parent's ref now and SEQ (history_shown.c says the same). */
#define PLACE_REF(v)                                                                               \
    "CASE WHEN CAST(substr(" v ", 1, instr(" v ", ' ') - 1) AS INTEGER) = 0"                       \
    " THEN CAST(CAST(substr(" v ", instr(" v ", ' ') + 1) AS INTEGER) AS TEXT)"                    \
    " ELSE coalesce((SELECT p.ref FROM node p WHERE p.id = CAST(substr(" v ", 1,"                  \
    "  instr(" v ", ' ') - 1) AS INTEGER)), '?') || '.'"                                           \
    "  || CAST(substr(" v ", instr(" v ", ' ') + 1) AS INTEGER) END"
/* Values that say nothing once the field names the change. */
#define STRUCT_VALUELESS(f)                                                                        \
    "(" f " IN ('state', 'place', 'order') OR " f " LIKE 'ms.%.state' OR " f " LIKE 'note.%')"

/* Fields: the value before the window against the value at its end, per
 * item and field (ends: the first and last row ids of each in one pass
 * over the window, then both rows by primary key; a self-join of the
 * window's rows was quadratic: minutes for a first meeting at 10k items).
 * Before: the first row's old value; at the end: the last row's new value.
 * Those hold for an item whose rows are all of one origin (a later row
 * has the greater clock); an item with rows from two origins (touched,
 * store_internal.h: through history_gid's (origin, seq) index) has
 * the values of its winning assignments (sync.h): the greatest (hlc,
 * origin) of its rows up to the window's end, and up to its start (when
 * there is one), so an edit that arrived here after it lost is no change.
 * The note is the one of the latest edit (or re-applied edit) that set the
 * final value, among the window's rows of that item and field
 * (history_by_node).  Notes: standing note edits of the window. */
/* clang-format off */
static const char changes_sql[] =
    "WITH" TOUCHED_CTE ","
    " win AS MATERIALIZED (SELECT h.node_id, h.field, min(h.id) AS first_id,"
    "   max(h.id) AS last_id"
    "  FROM history h WHERE " IN_WINDOW("h") " AND h.field <> 'note'"
    "  GROUP BY h.node_id, h.field),"
    " ends AS (SELECT k.node_id, k.field, k.first_id,"
    "  CASE WHEN k.node_id IN touched THEN coalesce(" WINNER_ROW("id", "k.node_id", "k.field", " AND w.id <= ?3") ", k.last_id)"
    "   ELSE k.last_id END AS last_id,"
    "  CASE WHEN k.node_id IN touched THEN " WINNER_ROW("new_value", "k.node_id", "k.field", " AND w.id <= ?2") " END AS before"
    "  FROM win k),"
    " net AS ("
    "  SELECT k.node_id, k.field, coalesce(k.before, f.old_value) AS old_value, l.new_value, l.at,"
    "   k.first_id,"
    "   coalesce((SELECT CASE x.action WHEN 'edit' THEN x.note ELSE coalesce(t.note, '') END"
    "     FROM history x LEFT JOIN history t ON t.id = x.target_id"
    "     WHERE x.node_id = k.node_id AND x.id >= k.first_id AND x.id <= k.last_id"
    "      AND x.field = k.field AND (?4 = 0 OR x.meeting_id = ?4) AND x.action <> 'undo'"
    "      AND x.new_value = l.new_value ORDER BY x.id DESC LIMIT 1), '') AS note"
    "  FROM ends k CROSS JOIN history f ON f.id = k.first_id CROSS JOIN history l ON l.id = k.last_id"
    "  WHERE coalesce(k.before, f.old_value) <> l.new_value"
    "  UNION ALL"
    "  SELECT e.node_id, 'note', '', e.new_value, e.at, e.id, '' FROM history e"
    "  WHERE " IN_WINDOW("e") " AND e.action = 'edit' AND e.field = 'note'"
    "   AND " STANDING("e") ")"
    " SELECT net.node_id, n.ref, n.title, a.seq, " STRUCT_FIELD ","
    "  CASE WHEN net.field LIKE 'target.%' THEN coalesce((SELECT t.label FROM target t"
    "   WHERE t.node_id = net.node_id AND t.seq = CAST(substr(net.field, 8) AS INTEGER)), '')"
    "   WHEN net.field LIKE 'ms.%' THEN coalesce((SELECT CASE m.word WHEN '' THEN m.phrase"
    "    ELSE m.word END FROM milestone m WHERE m.node_id = net.node_id"
    "    AND m.seq = CAST(substr(net.field, 4) AS INTEGER)), '')"
    "   ELSE '' END,"
    "  CASE WHEN net.field = 'place' AND instr(net.old_value, ' ') > 0 THEN "                     \
    PLACE_REF("net.old_value") " WHEN " STRUCT_VALUELESS("net.field") " THEN ''"                  \
    "   ELSE net.old_value END,"
    "  CASE WHEN net.field = 'place' THEN n.ref"
    "   WHEN net.field = 'state' AND net.old_value = 'removed' THEN n.title"
    "   WHEN " STRUCT_VALUELESS("net.field") " THEN '' ELSE net.new_value END,"
    "  net.note, net.at"
    " FROM net JOIN node n ON n.id = net.node_id JOIN node a ON a.id = " AREA_OF("n")
    " ORDER BY n.sort_key, net.first_id";
/* clang-format on */

static int read_change(sqlite3_stmt *s, void *p)
{
    meeting_change *c = p;
    memset(c, 0, sizeof *c);
    c->node_id = sqlite3_column_int64(s, 0);
    db_text_into(s, 1, c->ref, sizeof c->ref);
    c->title = db_text(s, 2);
    c->area_seq = sqlite3_column_int(s, 3);
    db_text_into(s, 4, c->field, sizeof c->field);
    c->label = db_text(s, 5);
    c->old_value = db_text(s, 6);
    c->new_value = db_text(s, 7);
    c->note = db_text(s, 8);
    c->at = db_text(s, 9);
    return c->title && c->label && c->old_value && c->new_value && c->note && c->at ? DUBAN_OK
                                                                                    : DUBAN_ENOMEM;
}

static void change_free(void *p)
{
    meeting_change *c = p;
    free(c->title);
    free(c->label);
    free(c->old_value);
    free(c->new_value);
    free(c->note);
    free(c->at);
}

DEFINE_LIST_FREE(meeting_change_list, change_free)

/* Steps stmt to its end, keeping the first max rows in out and counting
 * all of them in out->total (db_collect() with a cap). */
static int collect_changes(store *st, sqlite3_stmt *stmt, size_t max, meeting_change_list *out,
                           duban_error *err)
{
    size_t cap = 0;
    int rc, nomem = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (out->total++ >= max)
            continue;
        if (ARRAY_GROW(out->v, cap, out->n + 1)) {
            nomem = 1;
            break;
        }
        if (read_change(stmt, &out->v[out->n])) {
            change_free(&out->v[out->n]);
            nomem = 1;
            break;
        }
        out->n++;
    }
    sqlite3_finalize(stmt);
    if (rc == SQLITE_DONE)
        return DUBAN_OK;
    meeting_change_list_free(out);
    out->total = 0;
    return nomem ? duban_fail(err, DUBAN_ENOMEM, "out of memory")
                 : db_fail(st, err, DUBAN_EDB, "query failed");
}

/* Whether the window holds a row of the plan (of the meeting when
 * meeting_id is not 0): by primary key from lo on, so an open meeting with
 * nothing written yet costs one seek.  A window without one has no change,
 * and changes_sql, long to compile, need not be. */
static int window_has_rows(store *st, int64_t plan_id, int64_t lo, int64_t hi, int64_t meeting_id,
                           int *has, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare_cached(st, "SELECT EXISTS (SELECT 1 FROM history h WHERE " IN_WINDOW("h") ")",
                          &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, plan_id);
    sqlite3_bind_int64(s, 2, lo);
    sqlite3_bind_int64(s, 3, hi);
    sqlite3_bind_int64(s, 4, meeting_id);
    int step = sqlite3_step(s);
    *has = step == SQLITE_ROW && sqlite3_column_int(s, 0);
    int rc = step == SQLITE_ROW ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot read history");
    db_stmt_done(st, s);
    return rc;
}

static int window_changes(store *st, int64_t plan_id, int64_t lo, int64_t hi, int64_t meeting_id,
                          size_t max, meeting_change_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    int has;
    memset(out, 0, sizeof *out);
    if (window_has_rows(st, plan_id, lo, hi, meeting_id, &has, err))
        return DUBAN_EDB;
    if (!has)
        return DUBAN_OK;
    if (db_prepare(st, changes_sql, &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    sqlite3_bind_int64(stmt, 2, lo);
    sqlite3_bind_int64(stmt, 3, hi);
    sqlite3_bind_int64(stmt, 4, meeting_id);
    /* a long history between two meetings takes seconds at 100k items */
    store_watch(st, "整理修改 gathering the changes", 0, 0);
    int rc = collect_changes(st, stmt, max, out, err);
    store_watch(st, NULL, 0, 0);
    return rc;
}

/* The end of a meeting's window: its last history id, or "no end". */
static int64_t window_end(const meeting *m)
{
    return m->open ? INT64_MAX : m->history_end;
}

int meeting_changes(store *st, int64_t meeting_id, meeting_change_list *out, duban_error *err)
{
    meeting m;
    memset(out, 0, sizeof *out);
    int rc = meeting_get(st, meeting_id, &m, err);
    if (!rc)
        rc = window_changes(st, m.plan_id, m.history_start, window_end(&m), m.id, SIZE_MAX, out,
                            err);
    meeting_free(&m);
    return rc;
}

/* The first integer column of a one-row query with ?1 = a (and ?2 = b
 * when it has a second parameter). */
static int scalar(store *st, const char *sql, int64_t a, int64_t b, int64_t *value,
                  duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st, sql, &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, a);
    if (sqlite3_bind_parameter_count(stmt) >= 2)
        sqlite3_bind_int64(stmt, 2, b);
    int rc = sqlite3_step(stmt);
    *value = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot read meetings");
}

int changes_since_last_meeting(store *st, int64_t plan_id, meeting_change_list *out,
                               duban_error *err)
{
    int64_t lo;
    memset(out, 0, sizeof *out);
    int rc = scalar(st,
                    "SELECT coalesce(max(history_end), 0) FROM meeting"
                    " WHERE plan_id = ?1 AND ended_at IS NOT NULL",
                    plan_id, 0, &lo, err);
    return rc ? rc : window_changes(st, plan_id, lo, INT64_MAX, 0, SIZE_MAX, out, err);
}

int changes_before_meeting(store *st, int64_t meeting_id, size_t max, meeting_change_list *out,
                           duban_error *err)
{
    meeting m;
    int64_t lo = 0;
    memset(out, 0, sizeof *out);
    int rc = meeting_get(st, meeting_id, &m, err);
    if (!rc)
        rc = scalar(st,
                    "SELECT coalesce((SELECT coalesce(history_end, history_start) FROM meeting"
                    " WHERE plan_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT 1), 0)",
                    m.plan_id, meeting_id, &lo, err);
    if (!rc)
        rc = window_changes(st, m.plan_id, lo, m.history_start, 0, max, out, err);
    meeting_free(&m);
    return rc;
}

/* ?1 plan, ?2 < id <= ?3, ?4 done keys.  Items with a standing report
 * (REPORT: an edit of the status, a note, an extension or a target's
 * value; meeting.h) on themselves or a sub-item in the window reported
 * progress; cancelled items and items of a cancelled area are not
 * listed.  Two forms of one answer (test_meeting holds them together):
 * SILENT_BY_WINDOW reads the window's rows (cost follows the window),
 * SILENT_BY_ITEM probes each open item's history through history_by_node
 * (cost follows the plan), with the window's undone edits read once from
 * history_by_target (an undo or redo row names its target: the last one
 * up to ?3 says whether the edit stands) instead of a look-up a row;
 * silent_ids() runs the one with fewer rows to read.  SILENT_BY_ITEM
 * first asks node_last_report (schema 19: each node's last report row,
 * standing or not): an item whose last report lies in the window and
 * stands reported progress, and only the others (no report since ?2, or
 * the last one undone or after ?3) have their history read. */
#define REPORT(h)                                                                                  \
    h ".action = 'edit' AND (" h ".field IN ('status', 'note', 'extension')"                       \
      " OR " h ".field LIKE 'target.%')"
/* The open items, in outline order (node_stats alone); those of a
 * cancelled area are left out by their sort key's prefix (the few
 * cancelled areas read first, through node_by_parent) rather than by
 * looking up each item's parent.  An item added in the window (ADDED: its
 * addition's row) had nothing to report yet: each form leaves it out with
 * the rows it reads anyway. */
#define SILENT_DEAD_AREAS                                                                          \
    " dead(lo, hi) AS MATERIALIZED (SELECT sort_key || '.', sort_key || '/' FROM node"             \
    "  WHERE parent_id IS NULL AND +plan_id = ?1 AND state <> '')"
#define ADDED(h) h ".field = 'state' AND " h ".old_value = 'removed'"
#define SILENT_ITEMS(not_done)                                                                     \
    " SELECT n.id FROM node n WHERE n.plan_id = ?1 AND n.depth = 2"                                \
    "  AND " not_done("n.status", "?4") " AND n.state = ''"                                        \
                                        "  AND NOT EXISTS (SELECT 1 FROM dead WHERE n.sort_key > " \
                                        "dead.lo AND n.sort_key < dead.hi)"
/* clang-format off */
#define SILENT_BY_WINDOW(not_done)                                                                 \
    "WITH done(k) AS (SELECT value FROM json_each(?4))," SILENT_DEAD_AREAS ","                     \
    " active(id) AS (SELECT h.node_id FROM history h"                                              \
    "  WHERE h.plan_id = ?1 AND h.id > ?2 AND h.id <= ?3 AND " REPORT("h")                         \
    "   AND " STANDING("h") "),"                                                                   \
    " added(id) AS (SELECT h.node_id FROM history h"                                               \
    "  WHERE h.plan_id = ?1 AND h.id > ?2 AND h.id <= ?3 AND " ADDED("h") ")"                      \
    SILENT_ITEMS(not_done)                                                                         \
    "  AND n.id NOT IN active AND n.id NOT IN added"                                               \
    "  AND NOT EXISTS (SELECT 1 FROM node c WHERE c.parent_id = n.id AND c.id IN active)"          \
    " ORDER BY n.sort_key"
#define REPORTED(node)                                                                             \
    "SELECT 1 FROM history h WHERE h.node_id = " node " AND h.id > ?2 AND h.id <= ?3"              \
    " AND " REPORT("h") " AND h.id NOT IN undone"
/* An item's own rows read once: a report, or its addition. */
#define REPORTED_OR_ADDED(node)                                                                    \
    "SELECT 1 FROM history h WHERE h.node_id = " node " AND h.id > ?2 AND h.id <= ?3"              \
    " AND ((" REPORT("h") " AND h.id NOT IN undone) OR (" ADDED("h") "))"
/* The open items without a standing last report in the window: a join,
 * not a subquery an item; materialised, so that the history probes after
 * it run on its few rows only (a LEFT JOIN's terms on n alone would be
 * tested before the join). */
#define UNREPORTED(not_done)                                                                       \
    " unreported(id, sort_key) AS MATERIALIZED (SELECT n.id, n.sort_key FROM node n"               \
    "  LEFT JOIN node_last_report r ON r.node_id = n.id"                                           \
    "  WHERE n.plan_id = ?1 AND n.depth = 2 AND " not_done("n.status", "?4") " AND n.state = ''"   \
    "  AND NOT (coalesce(r.history_id, 0) > ?2 AND r.history_id <= ?3"                             \
    "   AND r.history_id NOT IN undone))"
#define SILENT_BY_ITEM(not_done)                                                                   \
    "WITH done(k) AS (SELECT value FROM json_each(?4))," SILENT_DEAD_AREAS ","                     \
    " last_undo AS (SELECT u.target_id AS id, u.action AS action, max(u.id) FROM history u"        \
    "  WHERE u.target_id > ?2 AND u.id <= ?3 GROUP BY u.target_id),"                               \
    " undone(id) AS MATERIALIZED (SELECT id FROM last_undo WHERE action = 'undo'),"                \
    UNREPORTED(not_done)                                                                           \
    " SELECT s.id FROM unreported s"                                                               \
    "  WHERE NOT EXISTS (SELECT 1 FROM dead WHERE s.sort_key > dead.lo AND s.sort_key < dead.hi)"  \
    "  AND NOT EXISTS (" REPORTED_OR_ADDED("s.id") ")"                                             \
    "  AND NOT EXISTS (SELECT 1 FROM node c WHERE c.parent_id = s.id AND EXISTS (" REPORTED("c.id") "))" \
    " ORDER BY s.sort_key"
/* [one done key (stats_internal.h)][by window, by item] */
static const char *const silent_sql[2][2] = {
    {SILENT_BY_WINDOW(NOT_DONE_ANY), SILENT_BY_ITEM(NOT_DONE_ANY)},
    {SILENT_BY_WINDOW(NOT_DONE_ONE), SILENT_BY_ITEM(NOT_DONE_ONE)},
};
/* clang-format on */

/* The statement with less to read: the window's history ids (at most
 * hi - lo, and no more than the history holds) against the nodes.  The
 * nodes are the greatest node id, two seeks: a count of the plan's
 * nodes read its whole index (3% of the minutes at 10k items), and
 * either statement gives the same rows, so an estimate high by the other
 * plans' nodes only leaves a few more windows read row by row. */
static int choose_silent_sql(store *st, int64_t lo, int64_t hi, const char **sql, duban_error *err)
{
    int64_t last, nodes;
    if (scalar(st, "SELECT coalesce(max(id), 0) FROM history", 0, 0, &last, err) ||
        scalar(st, "SELECT coalesce(max(id), 0) FROM node", 0, 0, &nodes, err))
        return DUBAN_EDB;
    int64_t span = (hi < last ? hi : last) - lo;
    *sql = silent_sql[done_key_is_one(store_statuses(st))][span > nodes];
    return DUBAN_OK;
}

static int silent_ids(store *st, const meeting *m, int64_t lo, id_list *ids, duban_error *err)
{
    sqlite3_stmt *stmt;
    char done[512];
    memset(ids, 0, sizeof *ids);
    const char *sql;
    if (status_done_json(store_statuses(st), done, sizeof done))
        return duban_fail(err, DUBAN_EINVAL, "too many done statuses");
    if (choose_silent_sql(st, lo, window_end(m), &sql, err) || db_prepare(st, sql, &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, m->plan_id);
    sqlite3_bind_int64(stmt, 2, lo);
    sqlite3_bind_int64(stmt, 3, window_end(m));
    sqlite3_bind_text(stmt, 4, done, -1, SQLITE_TRANSIENT);
    int rc;
    size_t cap = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (ARRAY_GROW(ids->v, cap, ids->n + 1))
            break;
        ids->v[ids->n++] = sqlite3_column_int64(stmt, 0);
    }
    sqlite3_finalize(stmt);
    if (rc == SQLITE_DONE)
        return DUBAN_OK;
    id_list_free(ids);
    return rc == SQLITE_ROW ? duban_fail(err, DUBAN_ENOMEM, "out of memory")
                            : db_fail(st, err, DUBAN_EDB, "cannot read history");
}

/* The nodes whose ids are listed, in outline order: one query, reading
 * only those nodes (a JSON array of the ids). */
static int listed_nodes(store *st, const id_list *ids, node_list *out, duban_error *err)
{
    strbuf json = {0};
    int rc = strbuf_append(&json, "[");
    for (size_t i = 0; !rc && i < ids->n; i++)
        rc = strbuf_printf(&json, "%s%lld", i ? "," : "", (long long)ids->v[i]);
    if (rc || strbuf_append(&json, "]")) {
        strbuf_free(&json);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    sqlite3_stmt *stmt;
    rc = db_prepare(st,
                    NODE_COLUMNS_BRIEF "WHERE n.id IN (SELECT value FROM json_each(?1))"
                                       " ORDER BY n.sort_key",
                    &stmt, err);
    if (!rc) {
        sqlite3_bind_text(stmt, 1, strbuf_str(&json), -1, SQLITE_TRANSIENT);
        rc = db_collect(st, stmt, sizeof(node), (void **)&out->v, &out->n, node_read_row,
                        node_release_row, err);
    }
    strbuf_free(&json);
    return rc;
}

int meeting_silent_items(store *st, int64_t meeting_id, node_list *out, duban_error *err)
{
    meeting m;
    id_list ids = {0};
    int64_t lo = 0;
    memset(out, 0, sizeof *out);
    int rc = meeting_get(st, meeting_id, &m, err);
    /* since the end of the previous meeting of the plan (0: since import) */
    if (!rc)
        rc = scalar(st,
                    "SELECT coalesce((SELECT coalesce(history_end, history_start) FROM meeting"
                    " WHERE plan_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT 1), 0)",
                    m.plan_id, m.id, &lo, err);
    if (!rc)
        rc = silent_ids(st, &m, lo, &ids, err);
    if (!rc && ids.n)
        rc = listed_nodes(st, &ids, out, err);
    id_list_free(&ids);
    meeting_free(&m);
    return rc;
}
