/* query_notes.c - the latest progress note of every node of a plan, in
 * one query (the ledger's 最新进展 column; see query.h). */
#include "query/query.h"

#include "store/store_internal.h"

#include <string.h>

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

int plan_latest_notes(store *st, int64_t plan_id, note_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    /* clang-format off */
    if (db_prepare(st,
                   "SELECT id, node_id, at, text FROM ("
                   "  SELECT t.id, t.node_id, t.at, t.text, row_number() OVER ("
                   "    PARTITION BY t.node_id ORDER BY t.at DESC, t.id DESC) AS k"
                   "  FROM note t JOIN node n ON n.id = t.node_id WHERE n.plan_id = ?)"
                   " WHERE k = 1 ORDER BY node_id",
                   &stmt, err))
        return DUBAN_EDB;
    /* clang-format on */
    sqlite3_bind_int64(stmt, 1, plan_id);
    return db_collect(st, stmt, sizeof(progress_note), (void **)&out->v, &out->n, read_note,
                      note_free_v, err);
}
