/* store_plan.c - writing a parsed plan, and the per-plan UI state. */
#include "store/store_internal.h"

#include "store/plan_status.h"

#include "base/strbuf.h"
#include "store/target_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int insert_plan_row(store *st, const plan_doc *doc, int64_t *plan_id, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st,
                   "INSERT INTO plan(title, year, period_start, period_end, source, preamble,"
                   " imported_at, statuses) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   &stmt, err))
        return DUBAN_EDB;
    char now[32];
    db_now(st, now);
    sqlite3_bind_text(stmt, 1, doc->title, -1, SQLITE_STATIC);
    sqlite3_bind_int(stmt, 2, doc->year);
    sqlite3_bind_text(stmt, 3, doc->start, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 4, doc->end, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 5, doc->source ? doc->source : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 6, doc->preamble ? doc->preamble : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 7, now, -1, SQLITE_STATIC);
    /* The plan keeps the status set it is created with (plan_status.h). */
    char *statuses = status_set_serialize(&st->statuses);
    if (!statuses) { /* not '': that would mean no set was ever recorded */
        sqlite3_finalize(stmt);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    sqlite3_bind_text(stmt, 8, statuses, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    free(statuses);
    if (rc != SQLITE_DONE)
        return db_fail(st, err, DUBAN_EDB, "cannot add plan");
    *plan_id = sqlite3_last_insert_rowid(st->db);
    return DUBAN_OK;
}

static int insert_milestones(store *st, sqlite3_stmt *stmt, int64_t node_id, const doc_node *dn,
                             duban_error *err)
{
    for (size_t i = 0; i < dn->nms; i++) {
        const doc_milestone *m = &dn->ms[i];
        sqlite3_reset(stmt);
        sqlite3_bind_int64(stmt, 1, node_id);
        sqlite3_bind_int(stmt, 2, (int)i + 1);
        sqlite3_bind_text(stmt, 3, m->phrase, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 4, m->word, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 5, m->due, -1, SQLITE_STATIC);
        sqlite3_bind_int(stmt, 6, m->approximate);
        if (sqlite3_step(stmt) != SQLITE_DONE)
            return db_fail(st, err, DUBAN_EDB, "cannot add milestone");
    }
    return DUBAN_OK;
}

/* Per-node bookkeeping while inserting: database id, ref, sort key. */
typedef struct placed {
    int64_t id;
    char ref[32];
    char sort_key[48];
} placed;

/* Node i numbered seq (plan_doc_numbers()) under its parent, placed. */
static void place_node(const plan_doc *doc, placed *pl, size_t i, int seq)
{
    const doc_node *dn = &doc->nodes[i];
    char ref[sizeof pl->ref + 16], key[sizeof pl->sort_key + 16];
    if (dn->parent < 0) {
        snprintf(ref, sizeof ref, "%d", seq);
        snprintf(key, sizeof key, "%05d", seq);
    } else {
        placed *p = &pl[dn->parent];
        snprintf(ref, sizeof ref, "%.20s.%d", p->ref, seq);
        snprintf(key, sizeof key, "%.32s.%05d", p->sort_key, seq);
    }
    /* depth <= 3 and seq < 100000 keep both well inside their buffers */
    memcpy(pl[i].ref, ref, sizeof pl[i].ref - 1);
    memcpy(pl[i].sort_key, key, sizeof pl[i].sort_key - 1);
}

/* A ledger's progress cell becomes the item's first note, dated now. */
static int insert_first_note(store *st, int64_t node_id, const char *text, duban_error *err)
{
    sqlite3_stmt *stmt;
    char now[32];
    db_now(st, now);
    if (db_prepare(st, "INSERT INTO note(node_id, at, text) VALUES (?, ?, ?)", &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, node_id);
    sqlite3_bind_text(stmt, 2, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 3, text, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt) == SQLITE_DONE ? DUBAN_OK
                                               : db_fail(st, err, DUBAN_EDB, "cannot add note");
    sqlite3_finalize(stmt);
    return rc;
}

/* Each node gets its global id (sync.h) in its INSERT, as the trigger
 * node_gid would give it, which instead writes the new row a second time. */
/* What the store's progress says while a plan's nodes are written, and
 * how many between two words. */
#define PLAN_WRITE_STEP "写入计划 writing the plan"
#define PLAN_TELL_NODES 1024

static int insert_nodes(store *st, const plan_doc *doc, int64_t plan_id, duban_error *err)
{
    sqlite3_stmt *ins = NULL, *ms = NULL;
    size_t n = doc->nnodes ? doc->nnodes : 1;
    placed *pl = calloc(n, sizeof *pl);
    int *seqs = plan_doc_numbers(doc);
    if (!pl || !seqs) {
        free(pl);
        free(seqs);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    int rc = db_prepare(st,
                        "INSERT INTO node(plan_id, parent_id, depth, seq, ref, sort_key, title,"
                        " body, due, line, status, unit, leader, extended_due, state, gid)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        " lower(hex(randomblob(16))))",
                        &ins, err);
    if (!rc)
        rc = db_prepare(st,
                        "INSERT INTO milestone(node_id, seq, phrase, word, due, approximate)"
                        " VALUES (?, ?, ?, ?, ?, ?)",
                        &ms, err);
    for (size_t i = 0; !rc && i < doc->nnodes; i++) {
        if (i % PLAN_TELL_NODES == 0) /* 100,000 items take seconds */
            store_watch(st, PLAN_WRITE_STEP, i, doc->nnodes);
        const doc_node *dn = &doc->nodes[i];
        int seq = seqs[i];
        place_node(doc, pl, i, seq);
        sqlite3_reset(ins);
        sqlite3_bind_int64(ins, 1, plan_id);
        if (dn->parent < 0)
            sqlite3_bind_null(ins, 2);
        else
            sqlite3_bind_int64(ins, 2, pl[dn->parent].id);
        sqlite3_bind_int(ins, 3, dn->depth);
        sqlite3_bind_int(ins, 4, seq);
        sqlite3_bind_text(ins, 5, pl[i].ref, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 6, pl[i].sort_key, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 7, dn->title, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 8, dn->body ? dn->body : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 9, dn->due, -1, SQLITE_STATIC);
        sqlite3_bind_int(ins, 10, dn->line);
        /* New items take the first status of the set in force (未启动 by
         * default), so a county's own status set needs no fixed key. */
        sqlite3_bind_text(ins, 11,
                          dn->status[0]    ? dn->status
                          : st->statuses.n ? st->statuses.v[0].key
                                           : "not_started",
                          -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 12, dn->unit ? dn->unit : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 13, dn->leader ? dn->leader : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 14, dn->extended_due, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 15, dn->cancelled ? "cancelled" : "", -1, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE) {
            rc = db_fail(st, err, DUBAN_EDB, "cannot add item");
            break;
        }
        pl[i].id = sqlite3_last_insert_rowid(st->db);
        rc = insert_milestones(st, ms, pl[i].id, dn, err);
        if (!rc && dn->note && *dn->note)
            rc = insert_first_note(st, pl[i].id, dn->note, err);
        if (!rc) /* numeric targets in the text (target.h) */
            rc = target_store_node(st, pl[i].id, dn->title, dn->body, NULL, err);
        for (size_t k = 0; !rc && k < dn->nvalues; k++) /* a ledger's 量化指标 */
            rc = target_store_current(st, pl[i].id, dn->values[k].seq, dn->values[k].value, err);
    }
    sqlite3_finalize(ins);
    sqlite3_finalize(ms);
    free(pl);
    free(seqs);
    return rc;
}

/* In a build (STORE_BUILD: a new file no one reads yet), node's indexes
 * are made once after the plan's rows, sorted, instead of taking an
 * entry a row (random places for node_by_gid and node_by_due), and the
 * insert triggers that do nothing here are set aside: node_gid (every
 * row brings its gid) and the memo's (emptied once after).  SQLite's own
 * indexes (UNIQUE constraints, without SQL) stay.  duban-gen at 100k,
 * side by side: 28.3 / 29.7 / 27.6 s against 32.0 / 31.9 / 30.5 s. */
static const char *const build_aside_sql =
    "SELECT upper(type), name, sql FROM sqlite_schema WHERE tbl_name = 'node' AND sql IS NOT NULL"
    " AND (type = 'index' OR name IN ('node_gid', 'memo_node_insert'))";

int store_add_plan(store *st, const plan_doc *doc, int64_t *plan_id, duban_error *err)
{
    int64_t id = 0;
    if (db_tx_begin(st, err))
        return err ? err->code : DUBAN_EDB;
    /* the rows name only rows written before them: checked once, at the
     * commit, so that no insert keeps a statement journal for them */
    int rc = db_exec(st, "PRAGMA defer_foreign_keys = ON", err);
    if (!rc)
        rc = insert_plan_row(st, doc, &id, err);
    strbuf aside = {0};
    if (!rc && st->build)
        rc = db_set_aside(st, build_aside_sql, &aside, err);
    if (!rc)
        rc = insert_nodes(st, doc, id, err);
    if (!rc && st->build)
        rc = db_exec_script(st, "DELETE FROM area_summary_memo;", err);
    if (!rc && aside.len)
        rc = db_exec_script(st, strbuf_str(&aside), err);
    strbuf_free(&aside);
    if (!rc)
        rc = db_tx_commit(st, err);
    if (rc)
        db_tx_rollback(st);
    store_watch(st, NULL, 0, 0); /* the commit was part of the work */
    if (rc)
        return rc;
    if (plan_id)
        *plan_id = id;
    return DUBAN_OK;
}

int store_get_state(store *st, int64_t plan_id, const char *key, char **value, duban_error *err)
{
    sqlite3_stmt *stmt;
    *value = NULL;
    if (db_prepare(st, "SELECT value FROM ui_state WHERE plan_id = ? AND key = ?", &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    sqlite3_bind_text(stmt, 2, key, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *value = db_text(stmt, 0);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_fail(st, err, DUBAN_EDB, "cannot read state");
    return DUBAN_OK;
}

/* UI state is not worth a durable write per key (a fold): outside a
 * caller's transaction it is committed with synchronous = NORMAL, which
 * in WAL mode does not sync the log; the next durable commit (any edit)
 * or checkpoint makes it durable.  A crash may lose the last folds, never
 * the database's consistency. */
/* One ui_state row written; *busy set when another process holds the
 * write lock (after the busy handler gave up). */
static int put_state_row(store *st, int64_t plan_id, const char *key, const char *value, int *busy,
                         duban_error *err)
{
    sqlite3_stmt *stmt;
    *busy = 0;
    if (st->readonly) /* a read-only database keeps no view state */
        return DUBAN_OK;
    if (db_prepare(st,
                   "INSERT INTO ui_state(plan_id, key, value) VALUES (?, ?, ?)"
                   " ON CONFLICT(plan_id, key) DO UPDATE SET value = excluded.value",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    sqlite3_bind_text(stmt, 2, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 3, value, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        if (rc == SQLITE_READONLY)
            return db_fail_readonly(st, err);
        *busy = (rc & 0xff) == SQLITE_BUSY;
        return db_fail(st, err, DUBAN_EDB, "cannot save state");
    }
    return DUBAN_OK;
}

/* The row, committed as the comment above says. */
static int put_state(store *st, int64_t plan_id, const char *key, const char *value, int *busy,
                     duban_error *err)
{
    if (st->batch)
        return put_state_row(st, plan_id, key, value, busy, err);
    if (db_undurable(st, 1, err))
        return DUBAN_EDB;
    int rc = put_state_row(st, plan_id, key, value, busy, err);
    if (db_undurable(st, 0, rc ? NULL : err) && !rc)
        rc = DUBAN_EDB;
    return rc;
}

int db_undurable(store *st, int on, duban_error *err)
{
    return db_exec(st, on ? "PRAGMA synchronous = NORMAL" : "PRAGMA synchronous = FULL", err);
}

int store_put_state(store *st, int64_t plan_id, const char *key, const char *value,
                    duban_error *err)
{
    int busy;
    return put_state(st, plan_id, key, value, &busy, err);
}

int store_try_put_state(store *st, int64_t plan_id, const char *key, const char *value, int *saved,
                        duban_error *err)
{
    int busy;
    duban_error mine;
    sqlite3_busy_handler(st->db, NULL, NULL); /* busy: fail at once */
    int rc = put_state(st, plan_id, key, value, &busy, &mine);
    store_wait_again(st);
    *saved = !rc;
    if (rc && !busy && err)
        *err = mine;
    return busy ? DUBAN_OK : rc;
}
