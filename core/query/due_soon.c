/* due_soon.c - items and milestones due in the next days (see due_soon.h). */
#include "query/due_soon.h"

#include "plan/date.h"
#include "plan/status.h"
#include "query/node_internal.h"
#include "query/stats_internal.h"
#include "store/store_internal.h"
#include "base/list.h"

#include <stdlib.h>
#include <string.h>

/* ?1 plan, ?2 JSON array of done keys, ?3 today, ?4 the window's last day. */
/* clang-format off */
static const char due_soon_sql[] =
    "WITH done(k) AS (SELECT value FROM json_each(?2)),"
    " soon AS ("
    "  SELECT n.id, n.ref, n.title, '' AS phrase, '' AS word, " EFFECTIVE_DUE("n") " AS due,"
    "   n.status, n.unit, n.leader, a.seq AS aseq, a.title AS atitle, n.sort_key, 0 AS mseq,"
    "   n.extended_due <> '' AS ext"
    "  FROM node n JOIN node a ON a.id = " AREA_OF("n")
    "  WHERE n.plan_id = ?1 AND n.depth >= 2 AND n.status NOT IN done AND " NODE_ACTIVE("n")
    "   AND " EFFECTIVE_DUE("n") " BETWEEN ?3 AND ?4"
    "  UNION ALL"
    "  SELECT n.id, n.ref, n.title, m.phrase, m.word, m.due, n.status, n.unit, n.leader,"
    "   a.seq, a.title, n.sort_key, m.seq, 0"
    "  FROM milestone m JOIN node n ON n.id = m.node_id JOIN node a ON a.id = " AREA_OF("n")
    "  WHERE n.plan_id = ?1 AND n.status NOT IN done AND n.extended_due = ''"
    "   AND m.done = '' AND m.state = '' AND " NODE_ACTIVE("n")
    "   AND m.due BETWEEN ?3 AND ?4)"
    " SELECT id, ref, title, phrase, word, due, CAST(julianday(due) - julianday(?3) AS INTEGER),"
    "  status, unit, leader, aseq, atitle, ext FROM soon ORDER BY due, sort_key, mseq";
/* clang-format on */

static int read_row(sqlite3_stmt *s, void *p)
{
    due_soon_row *r = p;
    memset(r, 0, sizeof *r);
    r->node_id = sqlite3_column_int64(s, 0);
    db_text_into(s, 1, r->ref, sizeof r->ref);
    r->title = db_text(s, 2);
    r->phrase = db_text(s, 3);
    r->word = db_text(s, 4);
    db_text_into(s, 5, r->due, sizeof r->due);
    r->days_left = sqlite3_column_int(s, 6);
    db_text_into(s, 7, r->status, sizeof r->status);
    r->unit = db_text(s, 8);
    r->leader = db_text(s, 9);
    r->area_seq = sqlite3_column_int(s, 10);
    r->area_title = db_text(s, 11);
    r->extended = sqlite3_column_int(s, 12);
    return r->title && r->phrase && r->word && r->unit && r->leader && r->area_title ? DUBAN_OK
                                                                                     : DUBAN_ENOMEM;
}

static void row_free(due_soon_row *r)
{
    free(r->title);
    free(r->phrase);
    free(r->word);
    free(r->unit);
    free(r->leader);
    free(r->area_title);
}

static void row_free_v(void *p)
{
    row_free(p);
}

DEFINE_LIST_FREE(due_soon_list, row_free)
DEFINE_KEEP_BY_ID(keep_rows, due_soon_list, node_id)

int query_due_soon(store *st, int64_t plan_id, long today, int days, const light_rule *rule,
                   const query_filter *f, due_soon_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    char done[512], from[DATE_LEN], to[DATE_LEN];
    memset(out, 0, sizeof *out);
    if (status_done_json(store_statuses(st), done, sizeof done))
        return duban_fail(err, DUBAN_EINVAL, "too many done statuses");
    date_format(today, from);
    date_format(today + (days > 0 ? days : 0), to);
    if (db_prepare(st, due_soon_sql, &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    sqlite3_bind_text(stmt, 2, done, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 3, from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 4, to, -1, SQLITE_TRANSIENT);
    int rc = db_collect(st, stmt, sizeof(due_soon_row), (void **)&out->v, &out->n, read_row,
                        row_free_v, err);
    if (rc || !query_filter_active(f))
        return rc;
    id_list ids;
    if ((rc = query_filter_ids(st, plan_id, today, rule, f, &ids, err))) {
        due_soon_list_free(out);
        return rc;
    }
    if (keep_rows(out, &ids))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    id_list_free(&ids);
    return rc;
}
