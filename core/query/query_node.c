/* query_node.c - reading plans, nodes, milestones, notes and history. */
#include "query/query.h"

#include "query/node_internal.h"
#include "store/store_internal.h"
#include "base/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int node_read_row(sqlite3_stmt *s, void *p)
{
    node *n = p;
    memset(n, 0, sizeof *n);
    n->id = sqlite3_column_int64(s, 0);
    n->plan_id = sqlite3_column_int64(s, 1);
    n->parent_id = sqlite3_column_int64(s, 2);
    n->depth = sqlite3_column_int(s, 3);
    n->seq = sqlite3_column_int(s, 4);
    db_text_into(s, 5, n->ref, sizeof n->ref);
    n->title = db_text(s, 6);
    n->body = db_text(s, 7);
    db_text_into(s, 8, n->status, sizeof n->status);
    db_text_into(s, 9, n->due, sizeof n->due);
    n->unit = db_text(s, 10);
    n->leader = db_text(s, 11);
    n->line = sqlite3_column_int(s, 12);
    n->children = sqlite3_column_int(s, 13);
    db_text_into(s, 14, n->extended_due, sizeof n->extended_due);
    db_text_into(s, 15, n->state, sizeof n->state);
    return n->title && n->body && n->unit && n->leader ? DUBAN_OK : DUBAN_ENOMEM;
}
void node_release_row(void *p)
{
    node_free(p);
}

static int one_node(store *st, sqlite3_stmt *stmt, node *out, const char *what, duban_error *err)
{
    int rc = sqlite3_step(stmt);
    int res = DUBAN_OK;
    if (rc == SQLITE_ROW)
        res = node_read_row(stmt, out) ? duban_fail(err, DUBAN_ENOMEM, "out of memory") : DUBAN_OK;
    else if (rc == SQLITE_DONE)
        res = duban_fail(err, DUBAN_ENOTFOUND, "no item %s", what);
    else
        res = db_fail(st, err, DUBAN_EDB, "cannot read item");
    db_stmt_done(st, stmt);
    return res;
}

int node_by_ref(store *st, int64_t plan_id, const char *ref, node *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare_cached(st, NODE_COLUMNS "WHERE n.plan_id = ? AND n.ref = ?", &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    sqlite3_bind_text(stmt, 2, ref, -1, SQLITE_STATIC);
    char what[64];
    snprintf(what, sizeof what, "'%.40s' in this plan", ref);
    return one_node(st, stmt, out, what, err);
}

int node_by_id(store *st, int64_t id, node *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare_cached(st, NODE_COLUMNS "WHERE n.id = ?", &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, id);
    char what[64];
    snprintf(what, sizeof what, "with id %lld", (long long)id);
    return one_node(st, stmt, out, what, err);
}

int node_children(store *st, int64_t plan_id, int64_t parent_id, node_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    const char *sql = parent_id ? NODE_COLUMNS "WHERE n.parent_id = ?2 ORDER BY n.sort_key"
                                : NODE_COLUMNS "WHERE n.plan_id = ?1 AND n.parent_id IS NULL"
                                               " ORDER BY n.seq";
    if (db_prepare(st, sql, &stmt, err))
        return DUBAN_EDB;
    if (parent_id)
        sqlite3_bind_int64(stmt, 2, parent_id);
    else
        sqlite3_bind_int64(stmt, 1, plan_id);
    return db_collect(st, stmt, sizeof(node), (void **)&out->v, &out->n, node_read_row,
                      node_release_row, err);
}

int node_area_of(store *st, int64_t id, int64_t *area_id, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare_cached(
            st, "SELECT " AREA_OF("n") " FROM node n WHERE n.id = ?1 AND n.state <> 'removed'",
            &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, id);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *area_id = sqlite3_column_int64(stmt, 0);
    db_stmt_done(st, stmt);
    if (rc == SQLITE_ROW)
        return DUBAN_OK;
    return rc == SQLITE_DONE
               ? duban_fail(err, DUBAN_ENOTFOUND, "no item with id %lld", (long long)id)
               : db_fail(st, err, DUBAN_EDB, "cannot read item");
}

int node_areas(store *st, int64_t plan_id, node_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st,
                   NODE_COLUMNS_UNCOUNTED "WHERE n.plan_id = ?1 AND n.parent_id IS NULL"
                                          " ORDER BY n.seq",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    return db_collect(st, stmt, sizeof(node), (void **)&out->v, &out->n, node_read_row,
                      node_release_row, err);
}

int node_all(store *st, int64_t plan_id, node_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st, NODE_COLUMNS "WHERE n.plan_id = ? ORDER BY n.sort_key", &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    return db_collect(st, stmt, sizeof(node), (void **)&out->v, &out->n, node_read_row,
                      node_release_row, err);
}

static int read_milestone(sqlite3_stmt *s, void *p)
{
    milestone *m = p;
    memset(m, 0, sizeof *m);
    m->id = sqlite3_column_int64(s, 0);
    m->node_id = sqlite3_column_int64(s, 1);
    db_text_into(s, 2, m->ref, sizeof m->ref);
    m->phrase = db_text(s, 3);
    m->word = db_text(s, 4);
    db_text_into(s, 5, m->due, sizeof m->due);
    m->approximate = sqlite3_column_int(s, 6);
    m->seq = sqlite3_column_int(s, 7);
    db_text_into(s, 8, m->done, sizeof m->done);
    return m->phrase && m->word ? DUBAN_OK : DUBAN_ENOMEM;
}
static void milestone_free_v(void *p)
{
    milestone_free(p);
}

int node_milestones(store *st, int64_t node_id, milestone_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st,
                   "SELECT m.id, m.node_id, n.ref, m.phrase, m.word, m.due, m.approximate,"
                   " m.seq, m.done FROM milestone m JOIN node n ON n.id = m.node_id"
                   " WHERE m.node_id = ? AND m.state = '' ORDER BY m.seq",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, node_id);
    return db_collect(st, stmt, sizeof(milestone), (void **)&out->v, &out->n, read_milestone,
                      milestone_free_v, err);
}

static int read_note(sqlite3_stmt *s, void *p)
{
    progress_note *n = p;
    memset(n, 0, sizeof *n);
    n->id = sqlite3_column_int64(s, 0);
    n->node_id = sqlite3_column_int64(s, 1);
    n->at = db_text(s, 2);
    n->text = db_text(s, 3);
    return n->at && n->text ? DUBAN_OK : DUBAN_ENOMEM;
}
static void note_free_v(void *p)
{
    note_free(p);
}

int node_notes(store *st, int64_t node_id, note_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st,
                   "SELECT id, node_id, at, text FROM note WHERE node_id = ? AND state = ''"
                   " ORDER BY at, id",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, node_id);
    return db_collect(st, stmt, sizeof(progress_note), (void **)&out->v, &out->n, read_note,
                      note_free_v, err);
}

/* One query for the latest standing note of every node (the ledger's
 * 最新进展); deleted notes (state 'removed') are not progress. */
int plan_latest_notes(store *st, int64_t plan_id, note_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    /* clang-format off */
    if (db_prepare(st,
                   "SELECT id, node_id, at, text FROM ("
                   "  SELECT t.id, t.node_id, t.at, t.text, row_number() OVER ("
                   "    PARTITION BY t.node_id ORDER BY t.at DESC, t.id DESC) AS k"
                   "  FROM note t JOIN node n ON n.id = t.node_id"
                   "  WHERE n.plan_id = ? AND t.state = '')"
                   " WHERE k = 1 ORDER BY node_id",
                   &stmt, err))
        return DUBAN_EDB;
    /* clang-format on */
    sqlite3_bind_int64(stmt, 1, plan_id);
    return db_collect(st, stmt, sizeof(progress_note), (void **)&out->v, &out->n, read_note,
                      note_free_v, err);
}

#define HISTORY_COLUMNS                                                                            \
    "SELECT h.id, h.node_id, n.ref, h.at, h.action, coalesce(h.target_id, 0), h.field,"            \
    " h.old_value, h.new_value, h.note FROM history h JOIN node n ON n.id = h.node_id "

static int read_history(sqlite3_stmt *s, void *p)
{
    history_row *h = p;
    memset(h, 0, sizeof *h);
    h->id = sqlite3_column_int64(s, 0);
    h->node_id = sqlite3_column_int64(s, 1);
    db_text_into(s, 2, h->ref, sizeof h->ref);
    h->at = db_text(s, 3);
    h->action = db_text(s, 4);
    h->target_id = sqlite3_column_int64(s, 5);
    h->field = db_text(s, 6);
    h->old_value = db_text(s, 7);
    h->new_value = db_text(s, 8);
    h->note = db_text(s, 9);
    return h->at && h->action && h->field && h->old_value && h->new_value && h->note ? DUBAN_OK
                                                                                     : DUBAN_ENOMEM;
}
static void history_free_v(void *p)
{
    history_row_free(p);
}

int node_history(store *st, int64_t node_id, history_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st, HISTORY_COLUMNS "WHERE h.node_id = ? ORDER BY h.id", &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, node_id);
    return db_collect(st, stmt, sizeof(history_row), (void **)&out->v, &out->n, read_history,
                      history_free_v, err);
}

/* What the store's progress says while the whole history is read. */
#define PLAN_HISTORY_STEP "读取修改记录 reading the history"

int plan_history(store *st, int64_t plan_id, int limit, history_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st, HISTORY_COLUMNS "WHERE h.plan_id = ? ORDER BY h.id DESC LIMIT ?", &stmt,
                   err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    sqlite3_bind_int(stmt, 2, limit > 0 ? limit : -1);
    if (limit <= 0) /* the whole history: a million rows take seconds */
        store_watch(st, PLAN_HISTORY_STEP, 0, 0);
    int rc = db_collect(st, stmt, sizeof(history_row), (void **)&out->v, &out->n, read_history,
                        history_free_v, err);
    if (limit <= 0)
        store_watch(st, NULL, 0, 0);
    return rc;
}

const char *history_extension_reason(const history_list *h, const char *extended_due)
{
    const char *reason = "";
    for (size_t i = 0; extended_due && *extended_due && i < h->n; i++)
        if (!strcmp(h->v[i].field, "extension") && !strcmp(h->v[i].action, "edit") &&
            !strcmp(h->v[i].new_value, extended_due))
            reason = h->v[i].note;
    return reason;
}
