/* due_soon.c - items and milestones due in the next days (see due_soon.h). */
#include "query/due_soon.h"

#include "plan/date.h"
#include "plan/status.h"
#include "query/dated_rows.h"
#include "query/node_internal.h"
#include "query/stats_internal.h"
#include "store/store_internal.h"
#include "base/list.h"

#include <stdlib.h>
#include <string.h>

/* ?1 plan, ?2 JSON array of done keys, ?3 today, ?4 the window's last day.
 * Rows of dated_rows.h: items by a range of node_late (their date in
 * force between ?3 and ?4), milestones of items not done nor extended by
 * milestone_open_by_due, read first (CROSS JOIN), but for one falling on
 * its item's own due date (the item's row says that day once; an item's
 * due is often its last milestone's); their parents read once
 * each by the reader; sorted in C. */
/* clang-format off */
#define SOON_ITEMS_SQL(not_done)                                                                   \
    "WITH done(k) AS (SELECT value FROM json_each(?2))"                                            \
    " SELECT n.id, n.ref, n.title, '', '', n.due, "                                                \
    DATED_TAIL("n.extended_due", "n.leader", "0")                                                  \
    DATED_FROM("node n", not_done)                                                                 \
    "  AND n.depth >= 2 AND " EFFECTIVE_DUE("n") " BETWEEN ?3 AND ?4"
#define SOON_MILESTONES_SQL(not_done)                                                              \
    "WITH done(k) AS (SELECT value FROM json_each(?2))"                                            \
    " SELECT n.id, n.ref, n.title, m.phrase, m.word, m.due, "                                      \
    DATED_TAIL("''", "n.leader", "m.seq")                                                          \
    DATED_FROM("milestone m CROSS JOIN node n ON n.id = m.node_id", not_done)                      \
    "  AND m.due BETWEEN ?3 AND ?4 AND n.extended_due = '' AND m.done = '' AND m.state = ''"     \
    "  AND m.due <> n.due"
/* [one done key][items, milestones] */
static const char *const soon_sql[2][2] = {
    {SOON_ITEMS_SQL(NOT_DONE_ANY), SOON_MILESTONES_SQL(NOT_DONE_ANY)},
    {SOON_ITEMS_SQL(NOT_DONE_ONE), SOON_MILESTONES_SQL(NOT_DONE_ONE)},
};
/* clang-format on */

/* Nearest first, then outline order, the item before its milestones. */
static int cmp_soon(const void *a, const void *b)
{
    const dated_row *x = a, *y = b;
    int c = strcmp(x->r.due, y->r.due);
    if (!c)
        c = dated_cmp_outline(x, y);
    return c ? c : (x->mseq > y->mseq) - (x->mseq < y->mseq);
}

static void row_free(due_soon_row *r)
{
    free(r->title); /* and the row's other texts (due_soon.h) */
}

DEFINE_LIST_FREE(due_soon_list, row_free)
DEFINE_KEEP_BY_ID(keep_rows, due_soon_list, node_id)

/* Moves the texts of d (one block, owned by title) into a list row. */
static void take_row(dated_row *d, due_soon_row *r)
{
    r->node_id = d->r.node_id;
    memcpy(r->ref, d->r.ref, sizeof r->ref);
    r->title = d->r.title;
    r->phrase = d->r.phrase;
    r->word = d->r.word;
    memcpy(r->due, d->r.due, sizeof r->due);
    r->days_left = d->r.days_late;
    memcpy(r->status, d->r.status, sizeof r->status);
    r->unit = d->r.unit;
    r->leader = d->r.leader;
    r->area_seq = d->r.area_seq;
    r->area_title = d->r.area_title;
    r->extended = d->extended;
}

/* The rows of both statements, sorted, into out. */
static int collect_soon(store *st, long today, sqlite3_stmt *stmts[2], due_soon_list *out,
                        duban_error *err)
{
    dated_row *rows;
    size_t n;
    dated_reader rd;
    dated_reader_init(&rd, st, 1, today, -1);
    int rc = dated_rows_read(&rd, stmts, "cannot read the items due soon", &rows, &n, err);
    dated_reader_free(&rd);
    if (!rc && n && !(out->v = malloc(n * sizeof *out->v)))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    if (rc) {
        dated_rows_free(rows, n);
        return rc;
    }
    if (n > 1)
        qsort(rows, n, sizeof *rows, cmp_soon);
    for (size_t i = 0; i < n; i++)
        take_row(&rows[i], &out->v[i]);
    out->n = n;
    free(rows);
    return DUBAN_OK;
}

int due_soon_statements(store *st, int64_t plan_id, long today, int days, sqlite3_stmt *out[2],
                        duban_error *err)
{
    char done[512], from[DATE_LEN], to[DATE_LEN];
    out[0] = out[1] = NULL;
    if (status_done_json(store_statuses(st), done, sizeof done))
        return duban_fail(err, DUBAN_EINVAL, "too many done statuses");
    date_format(today, from);
    date_format(today + (days > 0 ? days : 0), to);
    const char *const *sql = soon_sql[done_key_is_one(store_statuses(st))];
    if (db_prepare(st, sql[0], &out[0], err))
        return DUBAN_EDB;
    if (db_prepare(st, sql[1], &out[1], err)) {
        sqlite3_finalize(out[0]);
        out[0] = NULL;
        return DUBAN_EDB;
    }
    for (int i = 0; i < 2; i++) {
        sqlite3_bind_int64(out[i], 1, plan_id);
        sqlite3_bind_text(out[i], 2, done, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(out[i], 3, from, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(out[i], 4, to, -1, SQLITE_TRANSIENT);
    }
    return DUBAN_OK;
}

int query_due_soon(store *st, int64_t plan_id, long today, int days, const light_rule *rule,
                   const query_filter *f, due_soon_list *out, duban_error *err)
{
    sqlite3_stmt *stmts[2];
    memset(out, 0, sizeof *out);
    int rc = due_soon_statements(st, plan_id, today, days, stmts, err);
    if (!rc)
        rc = collect_soon(st, today, stmts, out, err);
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
