/* check.c - SQLite's integrity check and the store's own invariants (see
 * check.h). */
#include "edit/check.h"

#include "edit/edit_internal.h"
#include "store/store_internal.h"

#include <stdio.h>
#include <string.h>

#define MAX_LINES 100 /* problems listed; the count goes on */

/* The steps of store_check(), as its progress is told (k of them done). */
static const char *const steps[] = {"检查数据库 SQLite integrity", "检查外键 foreign keys",
                                    "核对字段与历史 fields", "核对进展记录 notes"};
#define NSTEPS (sizeof steps / sizeof steps[0])

static void step(store *st, size_t k)
{
    store_watch(st, steps[k], k, NSTEPS);
}

static int problem(strbuf *report, size_t *n, const char *fmt, const char *a, const char *b,
                   const char *c)
{
    (*n)++;
    if (*n > MAX_LINES)
        return DUBAN_OK;
    return strbuf_printf(report, fmt, a, b, c) || strbuf_appendc(report, '\n') ? DUBAN_ENOMEM
                                                                               : DUBAN_OK;
}

/* Runs a constant query whose rows are problems, columns 0..2 filling fmt. */
static int rows_are_problems(store *st, const char *sql, const char *fmt, strbuf *report, size_t *n,
                             duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st, sql, &stmt, err))
        return DUBAN_EDB;
    int rc, bad = 0;
    while (!bad && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *col[3];
        for (int i = 0; i < 3; i++) {
            const unsigned char *t = sqlite3_column_text(stmt, i);
            col[i] = t ? (const char *)t : "";
        }
        bad = problem(report, n, fmt, col[0], col[1], col[2]);
    }
    sqlite3_finalize(stmt);
    if (bad)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    return rc == SQLITE_DONE ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "check failed");
}

static int sqlite_checks(store *st, strbuf *report, size_t *n, duban_error *err)
{
    sqlite3_stmt *stmt;
    step(st, 0);
    if (db_prepare(st, "PRAGMA integrity_check", &stmt, err))
        return DUBAN_EDB;
    int rc, bad = 0;
    while (!bad && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(stmt, 0);
        if (t && strcmp(t, "ok"))
            bad = problem(report, n, "SQLite: %s%s%s", t, "", "");
    }
    sqlite3_finalize(stmt);
    if (bad)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    if (rc != SQLITE_DONE) /* too damaged to check: that is the finding */
        return problem(report, n, "SQLite: %s%s%s", sqlite3_errmsg(st->db), "", "")
                   ? duban_fail(err, DUBAN_ENOMEM, "out of memory")
                   : DUBAN_OK;
    step(st, 1);
    return rows_are_problems(st, "PRAGMA foreign_key_check",
                             "SQLite: a row of %s (rowid %s) refers to a missing row of %s", report,
                             n, err);
}

/* Every edited field equals the new value of the history row that set it:
 * its last row, for an item whose rows are all of one origin (a later row
 * has the greater clock); for an item with rows from two origins (touched,
 * store_internal.h), the winning assignment of the conflict rule
 * (sync.h): the greatest (hlc, origin) among the rows that changed it.  An
 * edit that arrived after it lost is not the value, and not a problem. */
/* clang-format off */
static const char fields_sql[] =
    "WITH" TOUCHED_CTE
    " SELECT h.node_id, h.field, h.new_value, h.id FROM history h"
    " WHERE h.field <> 'note' AND h.node_id NOT IN touched AND h.id = (SELECT max(id)"
    "  FROM history WHERE node_id = h.node_id AND field = h.field)"
    " UNION ALL"
    " SELECT h.node_id, h.field, h.new_value, h.id FROM (SELECT DISTINCT node_id, field"
    "  FROM history WHERE node_id IN touched AND field <> 'note') p"
    " JOIN history h ON h.id = " WINNER_ROW("id", "p.node_id", "p.field", "")
    " ORDER BY 4";
/* clang-format on */

static int fields_match_history(store *st, strbuf *report, size_t *n, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st, fields_sql, &stmt, err))
        return DUBAN_EDB;
    int rc = DUBAN_OK, step;
    while (!rc && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *field = (const char *)sqlite3_column_text(stmt, 1);
        const char *want = (const char *)sqlite3_column_text(stmt, 2);
        char hid[24];
        snprintf(hid, sizeof hid, "%lld", (long long)sqlite3_column_int64(stmt, 3));
        edit_target t;
        duban_error e2 = {0};
        int lrc = edit_load_target(st, sqlite3_column_int64(stmt, 0), field ? field : "", &t, &e2);
        if (lrc == DUBAN_EDB) {
            rc = duban_fail(err, lrc, "%s", e2.msg);
        } else if (lrc == DUBAN_EINVAL) {
            /* a field this check does not read (structure, milestones): skip */
        } else if (lrc) {
            rc = problem(report, n, "history row %s: %s (%s)", hid, e2.msg, "the item is gone");
        } else if (strcmp(t.value, want ? want : "")) {
            strbuf line = {0};
            rc =
                strbuf_printf(&line, "%s %s is '%s'", t.ref, field, t.value) ||
                        strbuf_printf(&line, " but the history row that set it (%s)", hid)
                    ? DUBAN_ENOMEM
                    : problem(report, n, "%s says '%s'%s", strbuf_str(&line), want ? want : "", "");
            strbuf_free(&line);
        }
        if (!lrc)
            edit_target_free(&t);
    }
    if (!rc && step != SQLITE_DONE)
        rc = db_fail(st, err, DUBAN_EDB, "check failed");
    sqlite3_finalize(stmt);
    return rc == DUBAN_ENOMEM ? duban_fail(err, rc, "out of memory") : rc;
}

/* clang-format off */
/* An edit is in effect unless the last undo or redo of it is an undo;
 * the progress text it carried is its note's text. */
#define IN_EFFECT(e) \
    "coalesce((SELECT action FROM history u WHERE u.target_id = " e ".id" \
    " ORDER BY u.id DESC LIMIT 1), 'edit') <> 'undo'"
#define PROGRESS(e) "(CASE WHEN " e ".field = 'note' THEN " e ".new_value ELSE " e ".note END)"

static const char missing_notes[] =
    "SELECT n.ref, e.id, " PROGRESS("e") " FROM history e JOIN node n ON n.id = e.node_id"
    " WHERE e.action = 'edit' AND " PROGRESS("e") " <> '' AND " IN_EFFECT("e")
    " AND NOT EXISTS (SELECT 1 FROM note WHERE note.history_id = e.id"
    "   AND note.node_id = e.node_id AND note.text = " PROGRESS("e") ")"
    " ORDER BY e.id";

static const char stray_notes[] =
    "SELECT n.ref, note.id, note.text FROM note JOIN node n ON n.id = note.node_id"
    " LEFT JOIN history e ON e.id = note.history_id"
    " WHERE note.history_id IS NOT NULL AND (e.id IS NULL OR e.node_id <> note.node_id"
    "   OR e.action <> 'edit' OR NOT " IN_EFFECT("e") ")"
    " ORDER BY note.id";
/* clang-format on */

/* The checks, each step told to the store's progress function. */
static int run_checks(store *st, strbuf *report, size_t *problems, duban_error *err)
{
    *problems = 0;
    int rc = sqlite_checks(st, report, problems, err);
    if (!rc && *problems) /* a damaged file: the invariants would only add noise */
        return DUBAN_OK;
    if (!rc) {
        step(st, 2);
        rc = fields_match_history(st, report, problems, err);
    }
    if (!rc) {
        step(st, 3);
        rc = rows_are_problems(st, missing_notes, "%s: the note of history row %s is missing (%s)",
                               report, problems, err);
    }
    if (!rc)
        rc = rows_are_problems(st, stray_notes, "%s: note %s belongs to no edit in effect (%s)",
                               report, problems, err);
    return rc;
}

int store_check(store *st, strbuf *report, size_t *problems, duban_error *err)
{
    int rc = run_checks(st, report, problems, err);
    store_watch(st, NULL, 0, 0);
    if (!rc && *problems > MAX_LINES)
        rc = strbuf_printf(report, "... and %zu more\n", *problems - MAX_LINES)
                 ? duban_fail(err, DUBAN_ENOMEM, "out of memory")
                 : DUBAN_OK;
    return rc;
}
