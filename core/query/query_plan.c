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

/* The counts leave out cancelled and removed nodes and the nodes below
 * them (NODE_ACTIVE), as the outline's numbers do. */
#define PLAN_COLUMNS                                                                               \
    "SELECT p.id, p.title, p.year, p.period_start, p.period_end, p.source, p.imported_at,"         \
    " (SELECT count(*) FROM node WHERE plan_id = p.id AND depth = 1 AND state = ''),"              \
    " (SELECT count(*) FROM node n WHERE n.plan_id = p.id AND n.depth >= 2"                        \
    "  AND " NODE_ACTIVE("n") ") FROM plan p "

/* The same columns with the counts left at 0: counting reads the index
 * entry of every node and the rows of its ancestors (140 ms at 100,000
 * items). */
#define PLAN_HEADER_COLUMNS                                                                        \
    "SELECT p.id, p.title, p.year, p.period_start, p.period_end, p.source, p.imported_at,"         \
    " 0, 0 FROM plan p "

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
    return list_plans(st, PLAN_COLUMNS "ORDER BY p.id DESC", out, err);
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
    return get_plan(st, PLAN_COLUMNS "WHERE p.id = ?", plan_id, out, err);
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
        sql = "SELECT id FROM plan ORDER BY id = (SELECT CAST(value AS INTEGER) FROM setting"
              " WHERE key = 'default_plan') DESC, id DESC LIMIT 2";
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
