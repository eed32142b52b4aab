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
 * Neither walks the plan (schema migration 10).  A row's parent and
 * grandparent, which give its area and whether it counts (NODE_ACTIVE),
 * are read once per distinct parent by the reader (dated_rows.h), not
 * joined to every row.  Plain
 * statements, not one UNION ALL ordered as a whole: SQLite copies every
 * text of a compound's rows once more into its sorter. */
/* The statements with the leader column given (brief: a constant, for
 * lists that print neither leader nor area). */
/* clang-format off */
#define OVERDUE_ITEMS_SQL(leader, not_done)                                                        \
    "WITH done(k) AS (SELECT value FROM json_each(?2))"                                            \
    " SELECT n.id, n.ref, n.title, '', '', n.due, " DATED_TAIL("n.extended_due", leader, "0")      \
    DATED_FROM("node n", not_done)                                                                 \
    "  AND n.depth >= 2 AND " EFFECTIVE_DUE("n") " > '' AND " EFFECTIVE_DUE("n") " < ?3"
#define OVERDUE_MILESTONES_SQL(leader, not_done)                                                   \
    "WITH done(k) AS (SELECT value FROM json_each(?2))"                                            \
    " SELECT n.id, n.ref, n.title, m.phrase, m.word, m.due, " DATED_TAIL("''", leader, "m.seq")    \
    DATED_FROM("milestone m CROSS JOIN node n ON n.id = m.node_id", not_done)                      \
    "  AND m.due < ?3 AND n.extended_due = '' AND m.done = '' AND m.state = ''"                    \
    "  AND NOT (n.due <> '' AND n.due < ?3)"
/* [brief][one done key][items, milestones] */
static const char *const overdue_sql[2][2][2] = {
    {{OVERDUE_ITEMS_SQL("n.leader", NOT_DONE_ANY), OVERDUE_MILESTONES_SQL("n.leader", NOT_DONE_ANY)},
     {OVERDUE_ITEMS_SQL("n.leader", NOT_DONE_ONE), OVERDUE_MILESTONES_SQL("n.leader", NOT_DONE_ONE)}},
    {{OVERDUE_ITEMS_SQL("''", NOT_DONE_ANY), OVERDUE_MILESTONES_SQL("''", NOT_DONE_ANY)},
     {OVERDUE_ITEMS_SQL("''", NOT_DONE_ONE), OVERDUE_MILESTONES_SQL("''", NOT_DONE_ONE)}},
};
/* clang-format on */

static void overdue_row_free(void *p)
{
    overdue_row *r = p;
    free(r->title); /* and the row's other texts (query.h) */
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

/* What orders a row, sorted instead of the rows themselves. */
typedef struct late_key {
    const dated_row *d;
    int days, mseq;
    uint64_t skey;
} late_key;

/* Most days late first, then outline order (sort_key), the item before
 * its milestones (mseq 0), milestones by number.  No two rows tie (a node
 * is listed as late or by its late milestones, never both). */
static int cmp_late(const void *a, const void *b)
{
    const late_key *x = a, *y = b;
    if (x->days != y->days)
        return x->days > y->days ? -1 : 1;
    int c = x->skey && y->skey ? (x->skey > y->skey) - (x->skey < y->skey)
                               : strcmp(x->d->sort_key, y->d->sort_key);
    return c ? c : (x->mseq > y->mseq) - (x->mseq < y->mseq);
}

/* Puts rows[0..n) in the order of k (k[i].d the row to come i-th), in
 * place, cycle by cycle; at[] is scratch for n indexes. */
static void permute(dated_row *rows, const late_key *k, size_t *at, size_t n)
{
    for (size_t i = 0; i < n; i++)
        at[i] = (size_t)(k[i].d - rows);
    for (size_t i = 0; i < n; i++) {
        if (at[i] == i)
            continue;
        dated_row tmp = rows[i];
        size_t j = i;
        while (at[j] != i) {
            size_t from = at[j];
            rows[j] = rows[from];
            at[j] = j;
            j = from;
        }
        rows[j] = tmp;
        at[j] = j;
    }
}

/* The rows in order, as out: their array becomes out->v in place (no
 * second copy of 8,000 rows) and is cut to fit.  Takes the rows (frees
 * them on failure): DUBAN_ENOMEM. */
static int sort_late(dated_row *rows, size_t n, overdue_list *out)
{
    late_key *k = malloc((n ? n : 1) * sizeof *k);
    size_t *at = NULL;
    int sorted = 1;
    for (size_t i = 0; k && i < n; i++) {
        k[i] = (late_key){&rows[i], rows[i].r.days_late, rows[i].mseq, rows[i].skey};
        if (i && sorted && cmp_late(&k[i - 1], &k[i]) > 0)
            sorted = 0;
    }
    /* the late items come by date from node_late, often already in order */
    if (!k || (!sorted && !(at = malloc(n * sizeof *at)))) {
        free(k);
        dated_rows_free(rows, n);
        return DUBAN_ENOMEM;
    }
    if (!sorted) {
        qsort(k, n, sizeof *k, cmp_late);
        permute(rows, k, at, n);
    }
    free(at);
    free(k);
    /* each row's overdue_row to the front of its place: never past a row
     * still to move (r comes first in a dated_row, which is larger) */
    overdue_row *v = (overdue_row *)(void *)rows;
    for (size_t i = 0; i < n; i++)
        memmove(&v[i], &rows[i].r, sizeof *v);
    overdue_row *fit = n ? realloc(v, n * sizeof *v) : NULL;
    if (!fit) {
        out->v = v;
        out->n = n;
        overdue_list_free(out); /* n is 0, or cutting the array failed */
        return n ? DUBAN_ENOMEM : DUBAN_OK;
    }
    out->v = fit;
    out->n = n;
    return DUBAN_OK;
}

/* The two statements (late items, late milestones) prepared and bound;
 * brief: without the leader.  On failure both are NULL. */
static int late_statements(store *st, int brief, int64_t plan_id, long today, sqlite3_stmt *out[2],
                           duban_error *err)
{
    const char *const *sql = overdue_sql[brief][done_key_is_one(store_statuses(st))];
    int rc = DUBAN_OK;
    out[0] = out[1] = NULL;
    for (int i = 0; i < 2 && !rc; i++)
        if (!(rc = db_prepare(st, sql[i], &out[i], err) ? DUBAN_EDB : DUBAN_OK))
            rc = bind_common(st, out[i], plan_id, today, err);
    if (rc) {
        sqlite3_finalize(out[0]);
        sqlite3_finalize(out[1]);
        out[0] = out[1] = NULL;
    }
    return rc;
}

int overdue_statements(store *st, int64_t plan_id, long today, sqlite3_stmt *out[2],
                       duban_error *err)
{
    return late_statements(st, 0, plan_id, today, out, err);
}

static int load_overdue(store *st, int64_t plan_id, long today, int brief, overdue_list *out,
                        duban_error *err)
{
    dated_row *rows = NULL;
    size_t n = 0;
    sqlite3_stmt *stmts[2];
    memset(out, 0, sizeof *out);
    int rc = late_statements(st, brief, plan_id, today, stmts, err);
    if (rc)
        return rc;
    dated_reader rd;
    dated_reader_init(&rd, st, !brief, today, 1);
    rc = dated_rows_read(&rd, stmts, "cannot read the overdue items", &rows, &n, err);
    dated_reader_free(&rd);
    if (rc) {
        dated_rows_free(rows, n);
        return rc;
    }
    return sort_late(rows, n, out) ? duban_fail(err, DUBAN_ENOMEM, "out of memory") : DUBAN_OK;
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
