/* query_plan.c - listing and choosing plans. */
#include "query/query.h"

#include "query/node_internal.h"
#include "store/store_internal.h"
#include "base/strbuf.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int read_plan(sqlite3_stmt *s, void *p)
{
    plan_info *pi = p;
    memset(pi, 0, sizeof *pi);
    pi->id = sqlite3_column_int64(s, 0);
    pi->title = db_text(s, 1);
    pi->year = sqlite3_column_int(s, 2);
    db_text_into(s, 3, pi->start, sizeof pi->start);
    db_text_into(s, 4, pi->end, sizeof pi->end);
    pi->source = db_text(s, 5);
    pi->imported_at = db_text(s, 6);
    pi->areas = sqlite3_column_int(s, 7);
    pi->items = sqlite3_column_int(s, 8);
    return pi->title && pi->source && pi->imported_at ? DUBAN_OK : DUBAN_ENOMEM;
}
static void plan_free_v(void *p)
{
    plan_info_free(p);
}

/* The plan's columns; the counts (areas, items) are filled by
 * count_active() after the row is read. */
#define PLAN_HEADER_COLUMNS                                                                        \
    "SELECT p.id, p.title, p.year, p.period_start, p.period_end, p.source, p.imported_at,"         \
    " 0, 0 FROM plan p "

/* clang-format off */
static const char count_sql[] =
    "SELECT sort_key, depth, state FROM node WHERE plan_id = ?1 ORDER BY sort_key";
/* clang-format on */

/* The plan's areas and items that count (neither they nor a node above
 * them cancelled or removed: NODE_ACTIVE, as the outline's numbers), in one
 * pass over the covering index node_stats in outline order, where the
 * nodes below one follow it with its sort key and a dot as prefix (as in
 * area_summary.c): no look-up of a parent a row. */
static int count_active(store *st, plan_info *p, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare_cached(st, count_sql, &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, p->id);
    strbuf skip = {0}; /* sort key of the last node that does not count */
    int rc, res = DUBAN_OK;
    p->areas = p->items = 0;
    while (!res && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(s, 0);
        const char *state = (const char *)sqlite3_column_text(s, 2);
        if (!key || (skip.len && !strncmp(key, skip.s, skip.len) && key[skip.len] == '.'))
            continue; /* below a cancelled or removed node */
        strbuf_reset(&skip);
        if (state && *state)
            res = strbuf_append(&skip, key);
        else if (sqlite3_column_int(s, 1) == NODE_AREA)
            p->areas++;
        else
            p->items++;
    }
    if (!res && rc != SQLITE_DONE)
        res = db_fail(st, err, DUBAN_EDB, "cannot count the plan's items");
    else if (res)
        res = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    strbuf_free(&skip);
    db_stmt_done(st, s);
    return res;
}

static int list_plans(store *st, const char *sql, plan_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st, sql, &stmt, err))
        return DUBAN_EDB;
    return db_collect(st, stmt, sizeof(plan_info), (void **)&out->v, &out->n, read_plan,
                      plan_free_v, err);
}

int plan_list_headers(store *st, plan_list *out, duban_error *err)
{
    return list_plans(st, PLAN_HEADER_COLUMNS "ORDER BY p.id DESC", out, err);
}

int plan_list_all(store *st, plan_list *out, duban_error *err)
{
    int rc = list_plans(st, PLAN_HEADER_COLUMNS "ORDER BY p.id DESC", out, err);
    for (size_t i = 0; !rc && i < out->n; i++)
        rc = count_active(st, &out->v[i], err);
    if (rc)
        plan_list_free(out);
    return rc;
}

static int get_plan(store *st, const char *sql, int64_t plan_id, plan_info *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st, sql, &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    int rc = sqlite3_step(stmt), res = DUBAN_OK;
    if (rc == SQLITE_ROW)
        res = read_plan(stmt, out) ? duban_fail(err, DUBAN_ENOMEM, "out of memory") : DUBAN_OK;
    else if (rc == SQLITE_DONE)
        res = duban_fail(err, DUBAN_ENOTFOUND, "no plan with id %lld", (long long)plan_id);
    else
        res = db_fail(st, err, DUBAN_EDB, "cannot read plan");
    sqlite3_finalize(stmt);
    if (res == DUBAN_ENOMEM)
        plan_info_free(out); /* what was read before the failure */
    return res;
}

int plan_get(store *st, int64_t plan_id, plan_info *out, duban_error *err)
{
    int rc = get_plan(st, PLAN_HEADER_COLUMNS "WHERE p.id = ?", plan_id, out, err);
    if (!rc && (rc = count_active(st, out, err)))
        plan_info_free(out);
    return rc;
}

int plan_get_header(store *st, int64_t plan_id, plan_info *out, duban_error *err)
{
    return get_plan(st, PLAN_HEADER_COLUMNS "WHERE p.id = ?", plan_id, out, err);
}

static int all_digits(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return 0;
    return 1;
}

int plan_resolve(store *st, const char *selector, int64_t *plan_id, duban_error *err)
{
    sqlite3_stmt *stmt;
    const char *sql;
    if (!selector || !*selector)
        /* two lookups, no ORDER BY: a sort under LIMIT is a temporary
         * b-tree, whose page cache costs every command ~20 page faults */
        sql = "SELECT coalesce((SELECT p.id FROM setting s JOIN plan p"
              " ON p.id = CAST(s.value AS INTEGER) WHERE s.key = 'default_plan'),"
              " (SELECT max(id) FROM plan))";
    else if (all_digits(selector))
        sql = "SELECT id FROM plan WHERE id = CAST(?1 AS INTEGER)";
    else
        sql = "SELECT id FROM plan WHERE instr(title, ?1) > 0 ORDER BY id DESC LIMIT 2";
    if (db_prepare(st, sql, &stmt, err))
        return DUBAN_EDB;
    if (selector && *selector)
        sqlite3_bind_text(stmt, 1, selector, -1, SQLITE_STATIC);
    int found = 0, rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (sqlite3_column_type(stmt, 0) == SQLITE_NULL) /* no plan at all */
            continue;
        if (!found)
            *plan_id = sqlite3_column_int64(stmt, 0);
        found++;
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        return db_fail(st, err, DUBAN_EDB, "cannot read plans");
    if (!found && (!selector || !*selector))
        return duban_fail(err, DUBAN_ENOTFOUND,
                          "%s: the database holds no plan; use 'duban import FILE'", st->path);
    if (!found)
        return duban_fail(err, DUBAN_ENOTFOUND, "no plan matches '%s' (see 'duban plans')",
                          selector);
    if (found > 1 && selector && *selector && !all_digits(selector))
        return duban_fail(err, DUBAN_EINVAL, "'%s' matches several plans; use the plan number",
                          selector);
    return DUBAN_OK;
}
