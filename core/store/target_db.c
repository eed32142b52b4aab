/* target_db.c - storing targets and reading them (progress, an edit, is in
 * edit/target_progress.c). */
#include "plan/target.h"

#include "store/store_internal.h"
#include "base/strbuf.h"
#include "store/target_internal.h"
#include "base/list.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int target_field_seq(const char *field)
{
    if (!field || strncmp(field, "target.", 7) || !isdigit((unsigned char)field[7]))
        return 0;
    char *end;
    long n = strtol(field + 7, &end, 10);
    return *end || n < 1 || n > 100000 ? 0 : (int)n;
}

int target_store_current(store *st, int64_t node_id, int seq, double value, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare_cached(st, "UPDATE target SET current = ?1 WHERE node_id = ?2 AND seq = ?3",
                          &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_double(stmt, 1, value);
    sqlite3_bind_int64(stmt, 2, node_id);
    sqlite3_bind_int(stmt, 3, seq);
    int rc = sqlite3_step(stmt) == SQLITE_DONE ? DUBAN_OK
                                               : db_fail(st, err, DUBAN_EDB, "cannot set target");
    db_stmt_done(st, stmt);
    return rc;
}

int target_write_field(store *st, int64_t node_id, const char *field, const char *value,
                       duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st, "UPDATE target SET current = ? WHERE node_id = ? AND seq = ?", &stmt, err))
        return DUBAN_EDB;
    if (value && *value)
        sqlite3_bind_double(stmt, 1, strtod(value, NULL));
    else
        sqlite3_bind_null(stmt, 1);
    sqlite3_bind_int64(stmt, 2, node_id);
    sqlite3_bind_int(stmt, 3, target_field_seq(field));
    int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (rc == SQLITE_READONLY)
        return db_fail_readonly(st, err);
    return rc == SQLITE_DONE ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot change target");
}

static int insert_hits(store *st, int64_t node_id, const target_hit *v, size_t n, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st,
                   "INSERT INTO target(node_id, seq, label, number, unit, direction, phrase)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?)",
                   &stmt, err))
        return DUBAN_EDB;
    int rc = DUBAN_OK;
    for (size_t i = 0; !rc && i < n; i++) {
        sqlite3_reset(stmt);
        sqlite3_bind_int64(stmt, 1, node_id);
        sqlite3_bind_int(stmt, 2, (int)i + 1);
        sqlite3_bind_text(stmt, 3, v[i].label, -1, SQLITE_STATIC);
        sqlite3_bind_double(stmt, 4, v[i].number);
        sqlite3_bind_text(stmt, 5, v[i].unit, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 6, target_dir_key(v[i].dir), -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 7, v[i].phrase, -1, SQLITE_STATIC);
        if (sqlite3_step(stmt) != SQLITE_DONE)
            rc = db_fail(st, err, DUBAN_EDB, "cannot add target");
    }
    sqlite3_finalize(stmt);
    return rc;
}

int target_store_node(store *st, int64_t node_id, const char *title, const char *body, int *added,
                      duban_error *err)
{
    target_hit *v = NULL;
    size_t n = 0;
    int rc = target_scan(title, &v, &n);
    if (!rc)
        rc = target_scan(body, &v, &n);
    if (rc)
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    else if (n)
        rc = insert_hits(st, node_id, v, n, err);
    if (!rc && added)
        *added += (int)n;
    target_hits_free(v, n);
    return rc;
}

#define TARGET_SELECT                                                                              \
    "SELECT t.id, t.node_id, t.seq, n.ref, t.label, t.phrase, t.number, t.unit, t.direction,"      \
    " t.current FROM target t "
#define TARGET_COLUMNS TARGET_SELECT "JOIN node n ON n.id = t.node_id "

static int read_target(sqlite3_stmt *s, void *p)
{
    target *t = p;
    memset(t, 0, sizeof *t);
    t->id = sqlite3_column_int64(s, 0);
    t->node_id = sqlite3_column_int64(s, 1);
    t->seq = sqlite3_column_int(s, 2);
    db_text_into(s, 3, t->ref, sizeof t->ref);
    t->label = db_text(s, 4);
    t->phrase = db_text(s, 5);
    t->number = sqlite3_column_double(s, 6);
    db_text_into(s, 7, t->unit, sizeof t->unit);
    const unsigned char *dir = sqlite3_column_text(s, 8);
    t->dir = dir && !strcmp((const char *)dir, "at_most") ? TARGET_AT_MOST : TARGET_AT_LEAST;
    t->has_current = sqlite3_column_type(s, 9) != SQLITE_NULL;
    t->current = t->has_current ? sqlite3_column_double(s, 9) : 0;
    return t->label && t->phrase ? DUBAN_OK : DUBAN_ENOMEM;
}

static void target_free_v(void *p)
{
    target *t = p;
    free(t->label);
    free(t->phrase);
}

DEFINE_LIST_FREE(target_list, target_free_v)

int node_targets(store *st, int64_t node_id, target_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st, TARGET_COLUMNS "WHERE t.node_id = ? ORDER BY t.seq", &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, node_id);
    return db_collect(st, stmt, sizeof(target), (void **)&out->v, &out->n, read_target,
                      target_free_v, err);
}

int plan_targets(store *st, int64_t plan_id, target_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    /* the targets first (a few), not a probe of every node of the plan */
    if (db_prepare(st,
                   TARGET_SELECT "CROSS JOIN node n ON n.id = t.node_id"
                                 " WHERE n.plan_id = ? ORDER BY n.sort_key, t.seq",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    return db_collect(st, stmt, sizeof(target), (void **)&out->v, &out->n, read_target,
                      target_free_v, err);
}

int area_targets(store *st, int64_t area_id, target_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st,
                   TARGET_COLUMNS "JOIN node a ON a.id = ?1 AND n.plan_id = a.plan_id"
                                  " AND n.sort_key > a.sort_key || '.'"
                                  " AND n.sort_key < a.sort_key || '/'"
                                  " ORDER BY n.sort_key, t.seq",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, area_id);
    return db_collect(st, stmt, sizeof(target), (void **)&out->v, &out->n, read_target,
                      target_free_v, err);
}

int target_met(const target *t)
{
    if (!t->has_current)
        return 0;
    return t->dir == TARGET_AT_MOST ? t->current <= t->number : t->current >= t->number;
}

void target_progress_text(const target *t, char *out, size_t outsz)
{
    char cur[32] = "—", goal[32];
    if (t->has_current)
        target_format_number(t->current, cur);
    target_format_number(t->number, goal);
    snprintf(out, outsz, "%s/%s%s", cur, goal, t->unit);
}

static int labels_error(const target_list *l, int code, const char *what, const char *label,
                        duban_error *err)
{
    strbuf sb = {0};
    for (size_t i = 0; i < l->n; i++)
        strbuf_printf(&sb, "%s%s", i ? ", " : "", l->v[i].label);
    if (!l->n)
        duban_fail(err, code, "%s has no numeric targets", l->n ? l->v[0].ref : "this item");
    else
        duban_fail(err, code, "%s target '%s' on %s: it has %s", what, label, l->v[0].ref,
                   strbuf_str(&sb));
    strbuf_free(&sb);
    return code;
}

int target_find(const target_list *l, const char *label, size_t *index, duban_error *err)
{
    size_t found = 0, hits = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (!strcmp(l->v[i].label, label)) {
            *index = i;
            return DUBAN_OK;
        }
        if (*label && strstr(l->v[i].label, label)) {
            found = i;
            hits++;
        }
    }
    if (hits == 1) {
        *index = found;
        return DUBAN_OK;
    }
    return labels_error(l, hits ? DUBAN_EINVAL : DUBAN_ENOTFOUND, hits ? "ambiguous" : "no", label,
                        err);
}

static int plan_has_targets(store *st, int64_t plan_id, int *has, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st,
                   "SELECT EXISTS (SELECT 1 FROM target t JOIN node n ON n.id = t.node_id"
                   " WHERE n.plan_id = ?)",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    int rc = sqlite3_step(stmt);
    *has = rc == SQLITE_ROW && sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot read targets");
}

int target_rescan_plan(store *st, int64_t plan_id, int *added, duban_error *err)
{
    int has = 0, count = 0;
    if (added)
        *added = 0;
    int rc = plan_has_targets(st, plan_id, &has, err);
    if (rc || has)
        return rc;
    sqlite3_stmt *nodes;
    if (db_prepare(st, "SELECT id, title, body FROM node WHERE plan_id = ? ORDER BY sort_key",
                   &nodes, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(nodes, 1, plan_id);
    if (!(rc = db_tx_begin(st, err))) {
        int step;
        while (!rc && (step = sqlite3_step(nodes)) == SQLITE_ROW)
            rc = target_store_node(st, sqlite3_column_int64(nodes, 0),
                                   (const char *)sqlite3_column_text(nodes, 1),
                                   (const char *)sqlite3_column_text(nodes, 2), &count, err);
        if (!rc && step != SQLITE_DONE)
            rc = db_fail(st, err, DUBAN_EDB, "cannot read nodes");
        if (!rc)
            rc = db_tx_commit(st, err);
        if (rc)
            db_tx_rollback(st);
    }
    sqlite3_finalize(nodes);
    if (!rc && added)
        *added = count;
    return rc;
}
