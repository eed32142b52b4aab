/* edit_bulk.c - edit_apply()'s rows for many edits of a new plan at once
 * (edit_bulk.h).  What edit_apply() reads back per edit (the item's
 * value, the stamp's clock, the item's newest rows) is kept here in
 * memory instead: the plan has no history when the call begins, so every
 * row the stamp would look at is one this call wrote. */
#include "edit/edit_bulk.h"

#include "edit/edit_internal.h"
#include "plan/date.h"
#include "store/store_internal.h"

#include "base/strbuf.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BULK_FIELDS 4 /* status, due, unit, leader: the value fields */

/* One item: its values, its greatest clock, and the gid of the newest
 * change of each value field ("" none). */
typedef struct bulk_node {
    int64_t id;
    char *value[BULK_FIELDS];
    int touched;
    sqlite3_int64 hlc;
    char prev[BULK_FIELDS][33];
    int64_t last_report; /* its last report's history id (node_last_report), 0 none */
} bulk_node;

typedef struct bulk {
    store *st;
    int64_t plan_id;
    bulk_node *v;
    size_t n;
    char self[64]; /* "" when no replica is this one: nothing is stamped */
    sqlite3_int64 hlc;
    char clock_at[32];        /* next_clock()'s last time, "" none */
    sqlite3_int64 clock_secs; /* and its seconds */
    sqlite3_stmt *hist, *gid, *note;
    strbuf indexes;        /* the CREATE statements of the indexes dropped */
    strbuf trigger;        /* node_last_report's trigger, dropped during the call */
    strbuf node_set_aside; /* node's, dropped around write_nodes() */
} bulk;

/* clang-format off */
static const char *const load_sql =
    "SELECT id, status, due, unit, leader FROM node WHERE plan_id = ? ORDER BY id";
static const char *const check_sql =
    "SELECT (SELECT count(*) FROM history WHERE plan_id = ?1)"
    " + (SELECT count(*) FROM meeting WHERE plan_id = ?1 AND ended_at IS NULL),"
    " (SELECT uuid FROM replica WHERE is_self = 1),"
    " (SELECT coalesce(max(hlc), 0) FROM history_gid)";
static const char *const hist_sql =
    "INSERT INTO history(plan_id, node_id, at, action, target_id, field, old_value, new_value,"
    " note, meeting_id, done_top, redo_top) VALUES (?, ?, ?, 'edit', NULL, ?, ?, ?, ?, NULL, -1, 0)";
static const char *const gid_sql =
    "INSERT INTO history_gid(history_id, gid, origin, seq, hlc, prev_gid, node_hlc)"
    " VALUES (?1, ?2, ?3, ?1, ?4, ?5, ?6)";
static const char *const note_sql =
    "INSERT INTO note(node_id, history_id, at, text) VALUES (?, ?, ?, ?)";
/* The indexes of the tables the edits append to, but those of a UNIQUE
 * constraint (SQLite's own, without SQL): nothing reads them during the
 * call, and one CREATE INDEX at its end sorts the rows once instead of
 * inserting each row's entries one by one. */
static const char *const indexes_sql =
    "SELECT 'INDEX', name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"
    " AND tbl_name IN ('history', 'history_gid', 'note') ORDER BY name";
static const char *const report_trigger_sql =
    "SELECT 'TRIGGER', name, sql FROM sqlite_schema WHERE type = 'trigger'"
    " AND name = 'node_last_report_stamp'";
/* What write_nodes()'s updates of status, due, unit and leader would
 * keep row by row: node's indexes on those columns (or on an expression),
 * rebuilt once after, and the summary memo's trigger, which empties
 * area_summary_memo at every row (once after does the same). */
static const char *const node_set_aside_sql =
    "SELECT DISTINCT 'INDEX', l.name, s.sql FROM pragma_index_list('node') AS l"
    " JOIN pragma_index_xinfo(l.name) AS x JOIN sqlite_schema AS s ON s.name = l.name"
    " WHERE l.origin = 'c' AND x.key"
    " AND (x.cid = -2 OR x.name IN ('status', 'due', 'unit', 'leader'))"
    " UNION ALL SELECT 'TRIGGER', name, sql FROM sqlite_schema WHERE type = 'trigger'"
    " AND name = 'memo_node_update'";
static const char *const write_sql =
    "UPDATE node SET status = ?, due = ?, unit = ?, leader = ? WHERE id = ?";
/* clang-format on */

static int cmp_id(const void *key, const void *elem)
{
    int64_t a = *(const int64_t *)key, b = ((const bulk_node *)elem)->id;
    return (a > b) - (a < b);
}

/* The item with that id: b->v is in id order, and a plan's ids are
 * most often consecutive (one import), so look where that puts it first. */
static bulk_node *find_node(const bulk *b, int64_t id)
{
    if (b->n && id >= b->v[0].id && (uint64_t)(id - b->v[0].id) < b->n &&
        b->v[id - b->v[0].id].id == id)
        return &b->v[id - b->v[0].id];
    return bsearch(&id, b->v, b->n, sizeof *b->v, cmp_id);
}

static void bulk_free(bulk *b)
{
    strbuf_free(&b->indexes);
    strbuf_free(&b->trigger);
    strbuf_free(&b->node_set_aside);
    for (size_t i = 0; i < b->n; i++)
        for (int f = 0; f < BULK_FIELDS; f++)
            free(b->v[i].value[f]);
    free(b->v);
    sqlite3_finalize(b->hist);
    sqlite3_finalize(b->gid);
    sqlite3_finalize(b->note);
}

static int load(bulk *b, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(b->st, check_sql, &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, b->plan_id);
    int rc = sqlite3_step(s) == SQLITE_ROW ? DUBAN_OK : db_fail(b->st, err, DUBAN_EDB, "bulk");
    if (!rc && sqlite3_column_int64(s, 0))
        rc = duban_fail(err, DUBAN_EINVAL, "bulk edits need a plan without history or meeting");
    if (!rc) {
        db_text_into(s, 1, b->self, sizeof b->self);
        b->hlc = sqlite3_column_int64(s, 2);
    }
    sqlite3_finalize(s);
    if (rc || db_prepare(b->st, load_sql, &s, err))
        return rc ? rc : DUBAN_EDB;
    sqlite3_bind_int64(s, 1, b->plan_id);
    size_t cap = 0;
    while (!rc && sqlite3_step(s) == SQLITE_ROW) {
        if (b->n == cap) {
            bulk_node *g = realloc(b->v, (cap = cap ? cap * 2 : 1024) * sizeof *g);
            if (!g) {
                rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
                break;
            }
            b->v = g;
        }
        bulk_node *x = memset(&b->v[b->n++], 0, sizeof *b->v);
        x->id = sqlite3_column_int64(s, 0);
        for (int f = 0; f < BULK_FIELDS; f++)
            if (!(x->value[f] = db_text(s, 1 + f)))
                rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    sqlite3_finalize(s);
    return rc;
}

/* Is s stored as is by edit_apply()? (trimmed text; a status key; a date) */
static int stored_as_is(store *st, edit_field f, const char *s)
{
    size_t n = strlen(s);
    if (n && (isspace((unsigned char)s[0]) || isspace((unsigned char)s[n - 1])))
        return 0;
    if (f == FIELD_STATUS) {
        const status_def *d = status_lookup(store_statuses(st), s);
        return d && !strcmp(d->key, s);
    }
    if (f == FIELD_DUE)
        return date_parse(s, NULL, NULL) == DUBAN_OK;
    return edit_check_text(edit_field_name(f), s, f == FIELD_NOTE, NULL) == DUBAN_OK &&
           (f != FIELD_NOTE || n);
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static sqlite3_int64 days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (sqlite3_int64)era * 146097 + doe - 719468;
}

/* The clock of a row made at `at` (db_now()'s "YYYY-MM-DDTHH:MM:SSZ"):
 * max(seconds * 65536, greatest + 1), as store_stamp_history(). */
static sqlite3_int64 next_clock(bulk *b, const char *at)
{
    int y, mo, d, h, mi, sec;
    if (strcmp(at, b->clock_at)) { /* a new second: edits come many a second */
        b->clock_secs = 0;
        if (sscanf(at, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec) == 6)
            b->clock_secs = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
        snprintf(b->clock_at, sizeof b->clock_at, "%s", at);
    }
    sqlite3_int64 secs = b->clock_secs;
    b->hlc = secs * 65536 > b->hlc + 1 ? secs * 65536 : b->hlc + 1;
    return b->hlc;
}

static int step(sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? DUBAN_OK : DUBAN_EDB;
}

/* node_last_report (schema 19) is kept by a trigger at each history row;
 * here each item's last report is kept in memory instead, and written
 * once at the end of the call, with the trigger put back as it was. */
static int write_last_reports(bulk *b, duban_error *err)
{
    if (!b->trigger.len)
        return DUBAN_OK;
    sqlite3_stmt *s;
    if (db_prepare(b->st,
                   "INSERT OR REPLACE INTO node_last_report(node_id, history_id) VALUES (?, ?)", &s,
                   err))
        return DUBAN_EDB;
    int rc = DUBAN_OK;
    for (size_t i = 0; !rc && i < b->n; i++) {
        if (!b->v[i].last_report)
            continue;
        sqlite3_bind_int64(s, 1, b->v[i].id);
        sqlite3_bind_int64(s, 2, b->v[i].last_report);
        if (step(s))
            rc = db_fail(b->st, err, DUBAN_EDB, "cannot keep the last reports");
    }
    sqlite3_finalize(s);
    return rc ? rc : db_exec_script(b->st, strbuf_str(&b->trigger), err);
}

/* The history row of one edit, its stamp and its note. */
static int write_row(bulk *b, bulk_node *x, const edit_bulk *e, const char *old, const char *at,
                     duban_error *err)
{
    int note_field = e->field == FIELD_NOTE, fi = (int)e->field;
    const char *note = e->note ? e->note : "";
    sqlite3_bind_int64(b->hist, 1, b->plan_id);
    sqlite3_bind_int64(b->hist, 2, x->id);
    sqlite3_bind_text(b->hist, 3, at, -1, SQLITE_STATIC);
    sqlite3_bind_text(b->hist, 4, edit_field_name(e->field), -1, SQLITE_STATIC);
    sqlite3_bind_text(b->hist, 5, old, -1, SQLITE_STATIC);
    sqlite3_bind_text(b->hist, 6, e->value, -1, SQLITE_STATIC);
    sqlite3_bind_text(b->hist, 7, note_field ? "" : note, -1, SQLITE_STATIC);
    if (step(b->hist))
        return db_fail(b->st, err, DUBAN_EDB, "cannot record history");
    int64_t hid = sqlite3_last_insert_rowid(b->st->db);
    if (e->field == FIELD_STATUS || note_field) /* a report (meeting_changes.c) */
        x->last_report = hid;
    if (*b->self) {
        char gid[33];
        store_history_gid(next_clock(b, at), gid);
        int changed = !note_field && strcmp(old, e->value);
        sqlite3_bind_int64(b->gid, 1, hid);
        sqlite3_bind_text(b->gid, 2, gid, -1, SQLITE_STATIC);
        sqlite3_bind_text(b->gid, 3, b->self, -1, SQLITE_STATIC);
        sqlite3_bind_int64(b->gid, 4, b->hlc);
        if (changed && x->prev[fi][0])
            sqlite3_bind_text(b->gid, 5, x->prev[fi], -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(b->gid, 5);
        sqlite3_bind_int64(b->gid, 6, x->hlc);
        if (step(b->gid))
            return db_fail(b->st, err, DUBAN_EDB, "cannot stamp history");
        x->hlc = b->hlc;
        if (changed)
            memcpy(x->prev[fi], gid, sizeof gid);
    }
    const char *progress = note_field ? e->value : note;
    if (!*progress)
        return DUBAN_OK;
    sqlite3_bind_int64(b->note, 1, x->id);
    sqlite3_bind_int64(b->note, 2, hid);
    sqlite3_bind_text(b->note, 3, at, -1, SQLITE_STATIC);
    sqlite3_bind_text(b->note, 4, progress, -1, SQLITE_STATIC);
    return step(b->note) ? db_fail(b->st, err, DUBAN_EDB, "cannot add note") : DUBAN_OK;
}

static int apply_one(bulk *b, const edit_bulk *e, size_t k, duban_error *err)
{
    bulk_node *x = find_node(b, e->node_id);
    if (!x)
        return duban_fail(err, DUBAN_ENOTFOUND, "bulk edit %zu: no item with id %lld", k + 1,
                          (long long)e->node_id);
    const char *note = e->note ? e->note : "";
    if ((unsigned)e->field > FIELD_NOTE || !stored_as_is(b->st, e->field, e->value) ||
        (*note && !stored_as_is(b->st, FIELD_NOTE, note)))
        return duban_fail(err, DUBAN_EINVAL, "bulk edit %zu: not a value edit_apply stores as is",
                          k + 1);
    int fi = (int)e->field;
    const char *old = e->field == FIELD_NOTE ? "" : x->value[fi];
    if (e->field != FIELD_NOTE && !strcmp(old, e->value) && !*note)
        return DUBAN_OK; /* edit_apply() writes nothing either */
    char at[32];
    db_now(b->st, at);
    if (write_row(b, x, e, old, at, err))
        return DUBAN_EDB;
    if (e->field != FIELD_NOTE) {
        char *v = duban_strdup(e->value);
        if (!v)
            return duban_fail(err, DUBAN_ENOMEM, "out of memory");
        free(x->value[fi]);
        x->value[fi] = v;
        x->touched = 1;
    }
    return DUBAN_OK;
}

/* Each edited item's row, once, with the values its edits left, with
 * what node_set_aside_sql names set aside meanwhile. */
static int write_nodes(bulk *b, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_set_aside(b->st, node_set_aside_sql, &b->node_set_aside, err) ||
        db_prepare(b->st, write_sql, &s, err))
        return DUBAN_EDB;
    int rc = DUBAN_OK;
    for (size_t i = 0; !rc && i < b->n; i++) {
        if (!b->v[i].touched)
            continue;
        for (int f = 0; f < BULK_FIELDS; f++)
            sqlite3_bind_text(s, 1 + f, b->v[i].value[f], -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 5, b->v[i].id);
        if (step(s))
            rc = db_fail(b->st, err, DUBAN_EDB, "cannot change item");
    }
    sqlite3_finalize(s);
    if (!rc)
        rc = db_exec(b->st, "DELETE FROM area_summary_memo", err);
    return rc ? rc : db_exec_script(b->st, strbuf_str(&b->node_set_aside), err);
}

int edit_apply_bulk(store *st, int64_t plan_id, const edit_bulk *edits, size_t n, duban_error *err)
{
    if (!st->batch)
        return duban_fail(err, DUBAN_EINVAL, "bulk edits need a batch (store_begin)");
    bulk b = {0};
    b.st = st;
    b.plan_id = plan_id;
    int rc = load(&b, err);
    if (!rc)
        rc = db_exec(st, "PRAGMA defer_foreign_keys = ON", err);
    if (!rc)
        rc = db_set_aside(st, indexes_sql, &b.indexes, err);
    if (!rc)
        rc = db_set_aside(st, report_trigger_sql, &b.trigger, err);
    /* The one CHECK of the rows written here, history's action IN (...),
     * holds by hist_sql's literal 'edit'.  Checked, SQLite builds an
     * ephemeral table of the IN list at every row: a third of each
     * row's time (perf, duban-gen).  node's CHECKs hold for
     * write_nodes(), which changes none of their columns, but the flag is
     * off again before it all the same. */
    if (!rc)
        rc = db_exec(st, "PRAGMA ignore_check_constraints = ON", err);
    if (!rc && (db_prepare(st, hist_sql, &b.hist, err) || db_prepare(st, gid_sql, &b.gid, err) ||
                db_prepare(st, note_sql, &b.note, err)))
        rc = DUBAN_EDB;
    for (size_t k = 0; !rc && k < n; k++)
        rc = apply_one(&b, &edits[k], k, err);
    if (db_exec(st, "PRAGMA ignore_check_constraints = OFF", rc ? NULL : err) && !rc)
        rc = DUBAN_EDB;
    if (!rc)
        rc = write_nodes(&b, err);
    if (!rc)
        rc = write_last_reports(&b, err);
    if (!rc && b.indexes.len)
        rc = db_exec_script(st, strbuf_str(&b.indexes), err);
    bulk_free(&b);
    return rc;
}
