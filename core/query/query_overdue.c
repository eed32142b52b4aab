/* query_overdue.c - what is late and per-area progress. */
#include "query/query.h"

#include "query/dated_rows.h"
#include "query/node_internal.h"
#include "query/stats_internal.h"
#include "store/store_internal.h"
#include "base/strbuf.h"
#include "base/list.h"

#include <stdlib.h>
#include <string.h>

/* The due date that counts: an approved extension (延期) replaces the due
 * date and the item's milestones. */

/* ?1 plan, ?2 JSON array of done status keys, ?3 today.  Two statements
 * of the same columns, whose rows query_overdue() sorts together: late
 * items, found by a range of node_late (the effective due date between ''
 * and today: "> ''" is "<> ''" for text, as a range), and late milestones
 * of items not themselves overdue (the item row covers those) and without
 * an extension, found by milestone_open_by_due, read first (CROSS JOIN).
 * Neither walks the plan (schema migration 10).  A row's parent p and
 * grandparent g are joined once: they give its area (AREA_OF) and whether
 * it counts (NODE_ACTIVE: none of the three cancelled or removed), with
 * two look-ups a row instead of four correlated subqueries.  Plain
 * statements, not one UNION ALL ordered as a whole: SQLite copies every
 * text of a compound's rows once more into its sorter. */
/* The statements with the area and leader columns given (brief: constants,
 * for lists that print neither). */
/* clang-format off */
#define OVERDUE_ITEMS_SQL(area_seq, area_title, leader)                                            \
    "WITH done(k) AS (SELECT value FROM json_each(?2))"                                            \
    " SELECT n.id, n.ref, n.title, '', '', " EFFECTIVE_DUE("n") ","                                \
    "  CAST(julianday(?3) - julianday(" EFFECTIVE_DUE("n") ") AS INTEGER), n.status, n.unit,"      \
    "  " area_seq ", " area_title ","                                                              \
    "  CASE WHEN n.extended_due <> '' THEN n.due ELSE '' END, " leader ", n.sort_key, 0,"          \
    "  n.extended_due <> ''"                                                                       \
    DATED_FROM("node n")                                                                           \
    "  AND n.depth >= 2 AND " EFFECTIVE_DUE("n") " > '' AND " EFFECTIVE_DUE("n") " < ?3"
#define OVERDUE_MILESTONES_SQL(area_seq, area_title, leader)                                       \
    "WITH done(k) AS (SELECT value FROM json_each(?2))"                                            \
    " SELECT n.id, n.ref, n.title, m.phrase, m.word, m.due,"                                       \
    "  CAST(julianday(?3) - julianday(m.due) AS INTEGER), n.status, n.unit,"                       \
    "  " area_seq ", " area_title ", '', " leader ", n.sort_key, m.seq, 0"                         \
    DATED_FROM("milestone m CROSS JOIN node n ON n.id = m.node_id")                                \
    "  AND m.due < ?3 AND n.extended_due = '' AND m.done = '' AND m.state = ''"                    \
    "  AND NOT (n.due <> '' AND n.due < ?3)"
static const char *const overdue_sql[2][2] = {
    {OVERDUE_ITEMS_SQL(DATED_AREA("seq"), DATED_AREA("title"), "n.leader"),
     OVERDUE_MILESTONES_SQL(DATED_AREA("seq"), DATED_AREA("title"), "n.leader")},
    {OVERDUE_ITEMS_SQL("0", "''", "''"), OVERDUE_MILESTONES_SQL("0", "''", "''")},
};
/* clang-format on */

static void overdue_row_free(void *p)
{
    overdue_row *r = p;
    free(r->title);
    free(r->phrase);
    free(r->word);
    free(r->unit);
    free(r->leader);
    free(r->area_title);
}

DEFINE_LIST_FREE(overdue_list, overdue_row_free)

static int bind_common(store *st, sqlite3_stmt *stmt, int64_t plan_id, long today, duban_error *err)
{
    char done[512], day[DATE_LEN];
    if (status_done_json(store_statuses(st), done, sizeof done))
        return duban_fail(err, DUBAN_EINVAL, "too many done statuses");
    date_format(today, day);
    sqlite3_bind_int64(stmt, 1, plan_id);
    sqlite3_bind_text(stmt, 2, done, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 3, day, -1, SQLITE_TRANSIENT);
    return DUBAN_OK;
}

/* Most days late first, then outline order (sort_key), the item before
 * its milestones (mseq 0), milestones by number.  No two rows tie (a node
 * is listed as late or by its late milestones, never both). */
static int cmp_late(const void *a, const void *b)
{
    const dated_row *x = a, *y = b;
    if (x->r.days_late != y->r.days_late)
        return x->r.days_late > y->r.days_late ? -1 : 1;
    int c = strcmp(x->sort_key, y->sort_key);
    return c ? c : (x->mseq > y->mseq) - (x->mseq < y->mseq);
}

/* Appends the rows of sql to *rows (n of cap). */
static int collect_late(store *st, const char *sql, int64_t plan_id, long today, dated_row **rows,
                        size_t *n, size_t *cap, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st, sql, &stmt, err))
        return DUBAN_EDB;
    if (bind_common(st, stmt, plan_id, today, err)) {
        sqlite3_finalize(stmt);
        return DUBAN_EINVAL;
    }
    return dated_rows_collect(st, stmt, "cannot read the overdue items", rows, n, cap, err);
}

static int load_overdue(store *st, int64_t plan_id, long today, int brief, overdue_list *out,
                        duban_error *err)
{
    dated_row *rows = NULL;
    size_t n = 0, cap = 0;
    memset(out, 0, sizeof *out);
    int rc = collect_late(st, overdue_sql[brief][0], plan_id, today, &rows, &n, &cap, err);
    if (!rc)
        rc = collect_late(st, overdue_sql[brief][1], plan_id, today, &rows, &n, &cap, err);
    if (!rc && n && !(out->v = malloc(n * sizeof *out->v)))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    if (rc) {
        dated_rows_free(rows, n);
        return rc;
    }
    if (n > 1)
        qsort(rows, n, sizeof *rows, cmp_late);
    for (size_t i = 0; i < n; i++) {
        out->v[i] = rows[i].r;
        free(rows[i].sort_key);
    }
    out->n = n;
    free(rows);
    return DUBAN_OK;
}

int overdue_statements(store *st, int64_t plan_id, long today, sqlite3_stmt *out[2],
                       duban_error *err)
{
    int rc = DUBAN_OK;
    out[0] = out[1] = NULL;
    for (int i = 0; i < 2 && !rc; i++)
        if (!(rc = db_prepare(st, overdue_sql[0][i], &out[i], err) ? DUBAN_EDB : DUBAN_OK))
            rc = bind_common(st, out[i], plan_id, today, err);
    if (rc) {
        sqlite3_finalize(out[0]);
        sqlite3_finalize(out[1]);
        out[0] = out[1] = NULL;
    }
    return rc;
}

int query_overdue(store *st, int64_t plan_id, long today, overdue_list *out, duban_error *err)
{
    return load_overdue(st, plan_id, today, 0, out, err);
}

int query_overdue_brief(store *st, int64_t plan_id, long today, overdue_list *out, duban_error *err)
{
    return load_overdue(st, plan_id, today, 1, out, err);
}

/* ?4 warn window end, ?5 one area's id or NULL for all.  An item counts
 * as overdue when it or one of its milestones is late; at risk when not
 * done, not overdue and due by ?4.  overdue_rows counts what the overdue
 * list shows for the area (items and sub-items, or their late milestones).
 * Items are found by their sort key's area prefix, an index range, and
 * aggregated once per area. */
#define AREA_STATS_SQL(filter)                                                                     \
    "WITH done(k) AS (SELECT value FROM json_each(?2)),"                                           \
    " i AS MATERIALIZED (" ITEM_FLAGS_SELECT " WHERE n.plan_id = ?1 AND n.depth >= 2 " filter ")," \
    " agg AS MATERIALIZED (SELECT akey,"                                                           \
    "   sum(depth = 2) AS total, sum(depth = 2 AND is_done) AS done,"                              \
    "   sum(depth = 2 AND NOT is_done AND (own_late OR ms_late > 0)) AS late,"                     \
    "   sum(depth = 2 AND NOT is_done AND NOT own_late AND ms_late = 0 AND due <> ''"              \
    "       AND due <= ?4) AS risk,"                                                               \
    "   sum(CASE WHEN is_done THEN 0 WHEN own_late THEN 1 ELSE ms_late END) AS rows_late"          \
    "  FROM i GROUP BY akey)"                                                                      \
    " SELECT a.id, a.seq, coalesce(agg.total, 0), coalesce(agg.done, 0),"                          \
    "  coalesce(agg.late, 0), coalesce(agg.risk, 0), coalesce(agg.rows_late, 0)"                   \
    " FROM node a LEFT JOIN agg ON agg.akey = a.sort_key"                                          \
    " WHERE a.plan_id = ?1 AND a.parent_id IS NULL AND a.state <> 'removed'"                       \
    "  AND (?5 IS NULL OR a.id = ?5)"                                                              \
    " ORDER BY a.seq"

static const char area_stats_all_sql[] = AREA_STATS_SQL("");
/* clang-format off */
static const char area_stats_one_sql[] =
    AREA_STATS_SQL("AND n.sort_key > (SELECT sort_key || '.' FROM node WHERE id = ?5)"
                   " AND n.sort_key < (SELECT sort_key || '/' FROM node WHERE id = ?5)");
/* clang-format on */

static int read_stats(sqlite3_stmt *s, void *p)
{
    area_stats *a = p;
    a->area_id = sqlite3_column_int64(s, 0);
    a->seq = sqlite3_column_int(s, 1);
    a->total = sqlite3_column_int(s, 2);
    a->done = sqlite3_column_int(s, 3);
    a->overdue = sqlite3_column_int(s, 4);
    a->at_risk = sqlite3_column_int(s, 5);
    a->overdue_rows = sqlite3_column_int(s, 6);
    return DUBAN_OK;
}

static int load_area_stats(store *st, int64_t plan_id, int64_t area_id, long today, int warn_days,
                           area_stats_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st, area_id ? area_stats_one_sql : area_stats_all_sql, &stmt, err))
        return DUBAN_EDB;
    if (bind_common(st, stmt, plan_id, today, err)) {
        sqlite3_finalize(stmt);
        return DUBAN_EINVAL;
    }
    char until[DATE_LEN];
    date_format(today + warn_days, until);
    sqlite3_bind_text(stmt, 4, until, -1, SQLITE_TRANSIENT);
    if (area_id)
        sqlite3_bind_int64(stmt, 5, area_id);
    return db_collect(st, stmt, sizeof(area_stats), (void **)&out->v, &out->n, read_stats,
                      db_release_nothing, err);
}

int query_area_stats(store *st, int64_t plan_id, long today, int warn_days, area_stats_list *out,
                     duban_error *err)
{
    return load_area_stats(st, plan_id, 0, today, warn_days, out, err);
}

int query_area_stats_one(store *st, int64_t plan_id, int64_t area_id, long today, int warn_days,
                         area_stats *out, duban_error *err)
{
    area_stats_list l;
    int rc = load_area_stats(st, plan_id, area_id, today, warn_days, &l, err);
    if (!rc && l.n != 1)
        rc = duban_fail(err, DUBAN_ENOTFOUND, "no area with id %lld", (long long)area_id);
    if (!rc)
        *out = l.v[0];
    area_stats_list_free(&l);
    return rc;
}

DEFINE_FLAT_LIST_FREE(area_stats_list)
