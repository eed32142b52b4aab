/* item_report.c - the latest note and report of an area's items (see
 * item_report.h). */
#include "query/item_report.h"

#include "plan/date.h"
#include "store/store_internal.h"
#include "base/strbuf.h"
#include "base/list.h"

#include <stdlib.h>
#include <string.h>

/* ?1 the area.  Reports: standing edits of the report fields.  Added: the
 * latest row that made the item (an addition, or an undone deletion). */
/* clang-format off */
#define REPORT_COLUMNS                                                                             \
    "SELECT n.id,"                                                                                 \
    " (SELECT t.at FROM note t WHERE t.node_id = n.id AND t.state = ''"                           \
    "   ORDER BY t.at DESC, t.id DESC LIMIT 1),"                                                   \
    " (SELECT t.text FROM note t WHERE t.node_id = n.id AND t.state = ''"                         \
    "   ORDER BY t.at DESC, t.id DESC LIMIT 1),"                                                   \
    " (SELECT max(h.at) FROM history h WHERE h.node_id = n.id AND h.action IN ('edit', 'redo')"    \
    "   AND (h.field IN ('status', 'note', 'extension') OR h.field LIKE 'target.%')"              \
    "   AND NOT EXISTS (SELECT 1 FROM history u WHERE u.target_id = h.id AND u.action = 'undo'"    \
    "    AND NOT EXISTS (SELECT 1 FROM history r WHERE r.target_id = h.id AND r.id > u.id))),"     \
    " (SELECT max(h.at) FROM history h WHERE h.node_id = n.id AND h.field = 'state'"              \
    "   AND h.old_value = 'removed')"
static const char reports_sql[] =
    REPORT_COLUMNS
    " FROM node a JOIN node n ON n.plan_id = a.plan_id AND n.depth >= 2"
    "  AND n.sort_key > a.sort_key || '.' AND n.sort_key < a.sort_key || '/'"
    " WHERE a.id = ?1 AND a.depth = 1 ORDER BY n.sort_key";
static const char node_report_sql[] = REPORT_COLUMNS " FROM node n WHERE n.id = ?1";
static const char plan_reports_sql[] =
    REPORT_COLUMNS " FROM node n WHERE n.plan_id = ?1 AND n.depth >= 2 ORDER BY n.sort_key";
/* ?1 a JSON array of node ids: only those rows, by primary key. */
static const char nodes_reports_sql[] =
    REPORT_COLUMNS " FROM node n WHERE n.id IN (SELECT value FROM json_each(?1))"
    " ORDER BY n.sort_key";
/* clang-format on */

static void day_of(sqlite3_stmt *s, int col, char out[DATE_LEN])
{
    const unsigned char *t = sqlite3_column_text(s, col);
    out[0] = '\0';
    if (t && strlen((const char *)t) >= DATE_LEN - 1) {
        memcpy(out, t, DATE_LEN - 1);
        out[DATE_LEN - 1] = '\0';
    }
}

static int read_report(sqlite3_stmt *s, void *p)
{
    item_report *r = p;
    memset(r, 0, sizeof *r);
    r->node_id = sqlite3_column_int64(s, 0);
    day_of(s, 1, r->note_day);
    r->note = db_text(s, 2);
    day_of(s, 3, r->last_report);
    day_of(s, 4, r->added);
    if (strcmp(r->note_day, r->last_report) > 0) /* a note kept without an edit */
        memcpy(r->last_report, r->note_day, DATE_LEN);
    return r->note ? DUBAN_OK : DUBAN_ENOMEM;
}

static void report_free(item_report *r)
{
    free(r->note);
}

static void report_free_v(void *p)
{
    report_free(p);
}

DEFINE_LIST_FREE(item_report_list, report_free)

int query_area_reports(store *st, int64_t area_id, item_report_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st, reports_sql, &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, area_id);
    return db_collect(st, stmt, sizeof(item_report), (void **)&out->v, &out->n, read_report,
                      report_free_v, err);
}

int query_plan_reports(store *st, int64_t plan_id, item_report_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st, plan_reports_sql, &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    return db_collect(st, stmt, sizeof(item_report), (void **)&out->v, &out->n, read_report,
                      report_free_v, err);
}

int query_node_reports(store *st, const node_list *nodes, item_report_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    strbuf ids = {0};
    memset(out, 0, sizeof *out);
    int rc = strbuf_append(&ids, "[");
    for (size_t i = 0; !rc && i < nodes->n; i++)
        rc = strbuf_printf(&ids, "%s%lld", i ? "," : "", (long long)nodes->v[i].id);
    if (rc || strbuf_append(&ids, "]")) {
        strbuf_free(&ids);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    if (db_prepare(st, nodes_reports_sql, &stmt, err)) {
        strbuf_free(&ids);
        return DUBAN_EDB;
    }
    sqlite3_bind_text(stmt, 1, strbuf_str(&ids), -1, SQLITE_TRANSIENT);
    strbuf_free(&ids);
    return db_collect(st, stmt, sizeof(item_report), (void **)&out->v, &out->n, read_report,
                      report_free_v, err);
}

int query_node_report(store *st, int64_t node_id, item_report *out, duban_error *err)
{
    item_report_list l;
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st, node_report_sql, &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, node_id);
    int rc = db_collect(st, stmt, sizeof(item_report), (void **)&l.v, &l.n, read_report,
                        report_free_v, err);
    if (rc)
        return rc;
    if (l.n != 1) {
        item_report_list_free(&l);
        return duban_fail(err, DUBAN_ENOTFOUND, "no node %lld", (long long)node_id);
    }
    *out = l.v[0];
    free(l.v);
    return DUBAN_OK;
}

void item_report_free(item_report *r)
{
    report_free(r);
    memset(r, 0, sizeof *r);
}

const item_report *item_report_find(const item_report_list *l, int64_t id)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].node_id == id)
            return &l->v[i];
    return NULL;
}

long item_report_silent_days(const item_report *r, const char *since, long today)
{
    const char *from = since ? since : "";
    if (r && strcmp(r->added, from) > 0) /* it was not there to report on */
        from = r->added;
    if (r && strcmp(r->last_report, from) > 0)
        from = r->last_report;
    long d;
    if (date_parse(from, &d, NULL) || d > today)
        return -1;
    return today - d;
}
