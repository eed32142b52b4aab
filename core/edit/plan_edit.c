/* plan_edit.c - the default plan, a plan's title and period, deleting a
 * plan (plan_edit.h); history fields plan.title and plan.period. */
#include "edit/plan_edit.h"

#include "edit/struct_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int plan_default(store *st, int64_t *plan_id, duban_error *err)
{
    sqlite3_stmt *s;
    *plan_id = 0;
    if (db_prepare(st,
                   "SELECT p.id FROM setting s JOIN plan p ON p.id = CAST(s.value AS INTEGER)"
                   " WHERE s.key = 'default_plan'",
                   &s, err))
        return DUBAN_EDB;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *plan_id = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? DUBAN_OK
               : db_fail(st, err, DUBAN_EDB, "cannot read settings");
}

static int plan_exists(store *st, int64_t plan_id, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st, "SELECT 1 FROM plan WHERE id = ?", &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, plan_id);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc == SQLITE_DONE)
        return duban_fail(err, DUBAN_ENOTFOUND, "no plan %lld (see 'duban plans')",
                          (long long)plan_id);
    return rc == SQLITE_ROW ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot read plans");
}

int plan_set_default(store *st, int64_t plan_id, duban_error *err)
{
    int rc = plan_exists(st, plan_id, err);
    if (rc)
        return rc;
    sqlite3_stmt *s;
    if (db_prepare(st,
                   "INSERT INTO setting(key, value) VALUES ('default_plan', ?)"
                   " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, plan_id);
    return struct_step(st, s, "cannot save the default plan", err);
}

/* ---- plan.title / plan.period as history fields ---- */

int plan_field_load(store *st, int64_t node_id, const char *field, edit_target *t, duban_error *err)
{
    memset(t, 0, sizeof *t);
    int period = !strcmp(field, "plan.period");
    if (!period && strcmp(field, "plan.title"))
        return duban_fail(err, DUBAN_EINVAL, "unknown field '%s'", field);
    sqlite3_stmt *s;
    if (db_prepare(st,
                   period ? "SELECT p.id, n.ref, p.period_start || '..' || p.period_end"
                            " FROM node n JOIN plan p ON p.id = n.plan_id WHERE n.id = ?"
                          : "SELECT p.id, n.ref, p.title"
                            " FROM node n JOIN plan p ON p.id = n.plan_id WHERE n.id = ?",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, node_id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        t->node_id = node_id;
        t->plan_id = sqlite3_column_int64(s, 0);
        db_text_into(s, 1, t->ref, sizeof t->ref);
        t->value = db_text(s, 2);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW)
        return db_fail(st, err, DUBAN_EDB, "cannot read plan");
    return t->value ? DUBAN_OK : duban_fail(err, DUBAN_ENOMEM, "out of memory");
}

int plan_field_write(store *st, int64_t node_id, const char *field, const char *value,
                     duban_error *err)
{
    sqlite3_stmt *s;
    if (!strcmp(field, "plan.title")) {
        if (db_prepare(st,
                       "UPDATE plan SET title = ?1 WHERE id = (SELECT plan_id FROM node"
                       " WHERE id = ?2)",
                       &s, err))
            return DUBAN_EDB;
        sqlite3_bind_text(s, 1, value, -1, SQLITE_STATIC);
    } else {
        const char *dots = strstr(value, "..");
        if (!dots || dots - value != 10)
            return duban_fail(err, DUBAN_EINVAL, "bad period '%s'", value);
        if (db_prepare(st,
                       "UPDATE plan SET period_start = substr(?1, 1, 10),"
                       " period_end = substr(?1, 13) WHERE id = (SELECT plan_id FROM node"
                       " WHERE id = ?2)",
                       &s, err))
            return DUBAN_EDB;
        sqlite3_bind_text(s, 1, value, -1, SQLITE_STATIC);
    }
    sqlite3_bind_int64(s, 2, node_id);
    return struct_step(st, s, "cannot change plan", err);
}

/* The node plan edits are recorded on: the plan's first area. */
static int anchor(store *st, int64_t plan_id, int64_t *node_id, duban_error *err)
{
    int rc = plan_exists(st, plan_id, err);
    if (rc)
        return rc;
    sqlite3_stmt *s;
    if (db_prepare(st,
                   "SELECT id FROM node WHERE plan_id = ? ORDER BY state = 'removed', sort_key"
                   " LIMIT 1",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, plan_id);
    rc = sqlite3_step(s);
    *node_id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    if (rc == SQLITE_DONE)
        return duban_fail(err, DUBAN_EINVAL, "plan %lld has no areas to record the change on",
                          (long long)plan_id);
    return rc == SQLITE_ROW ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot read plan");
}

static int plan_edit(store *st, int64_t plan_id, const char *field, const char *value,
                     edit_result *result, duban_error *err)
{
    memset(result, 0, sizeof *result);
    int64_t node_id = 0;
    edit_target t;
    int rc = anchor(st, plan_id, &node_id, err);
    if (rc || (rc = plan_field_load(st, node_id, field, &t, err)))
        return rc;
    if (!strcmp(t.value, value))
        rc = duban_fail(err, DUBAN_EEMPTY, "the plan's %s is already %s", field + 5, value);
    else
        rc =
            struct_commit(st, plan_id, node_id, field, t.value, value, "", NULL, NULL, result, err);
    edit_target_free(&t);
    return rc;
}

int plan_rename(store *st, int64_t plan_id, const char *title, edit_result *result,
                duban_error *err)
{
    char *t = NULL;
    memset(result, 0, sizeof *result);
    int rc = edit_check_title(title ? title : "", &t, err);
    if (!rc)
        rc = plan_edit(st, plan_id, "plan.title", t, result, err);
    free(t);
    return rc;
}

int plan_set_period(store *st, int64_t plan_id, const char *from, const char *to,
                    edit_result *result, duban_error *err)
{
    long a = 0, b = 0;
    memset(result, 0, sizeof *result);
    if (date_parse(from, &a, err) || date_parse(to, &b, err))
        return DUBAN_EINVAL;
    if (a > b)
        return duban_fail(err, DUBAN_EINVAL, "the period starts (%s) after it ends (%s)", from, to);
    char value[32];
    snprintf(value, sizeof value, "%.10s..%.10s", from, to);
    return plan_edit(st, plan_id, "plan.period", value, result, err);
}

int plan_delete(store *st, int64_t plan_id, duban_error *err)
{
    int rc = plan_exists(st, plan_id, err);
    if (rc)
        return rc;
    sqlite3_stmt *s;
    if (db_prepare(st, "SELECT title FROM meeting WHERE plan_id = ? AND ended_at IS NULL", &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, plan_id);
    char title[128] = "";
    int open = sqlite3_step(s) == SQLITE_ROW;
    if (open)
        db_text_into(s, 0, title, sizeof title);
    sqlite3_finalize(s);
    if (open)
        return duban_fail(err, DUBAN_EINVAL,
                          "plan %lld has a meeting open (%s); end it first (duban meeting end)",
                          (long long)plan_id, title);
    if (db_tx_begin(st, err))
        return err ? err->code : DUBAN_EDB;
    /* every row of the plan, its history and their indexes: a minute for
     * 100,000 items and a million history rows */
    store_watch(st, "删除计划 deleting the plan", 0, 0);
    /* History rows point at each other (target_id) and notes at history:
     * the foreign keys are checked when each statement ends, after the
     * cascade has removed them all. */
    rc = db_prepare(st, "DELETE FROM plan WHERE id = ?", &s, err);
    if (!rc) {
        sqlite3_bind_int64(s, 1, plan_id);
        rc = struct_step(st, s, "cannot delete plan", err);
    }
    if (!rc && !(rc = db_prepare(st,
                                 "DELETE FROM setting WHERE key = 'default_plan'"
                                 " AND value = CAST(? AS TEXT)",
                                 &s, err))) {
        sqlite3_bind_int64(s, 1, plan_id);
        rc = struct_step(st, s, "cannot delete plan", err);
    }
    if (!rc)
        rc = db_tx_commit(st, err);
    if (rc)
        db_tx_rollback(st);
    store_watch(st, NULL, 0, 0);
    return rc;
}
