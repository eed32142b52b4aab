/* apply.c - importing a change file: checks, then one transaction that
 * inserts the new rows (creating the items and milestones they add, in
 * local ids: translate.c), settles the fields they touch by the conflict
 * rule, the notes by their edits' undo state and, when rows add or move
 * items, every item's place (places.c); see sync.h. */
#include "sync/sync_internal.h"

#include "edit/edit_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What import needs to know about the receiving side. */
typedef struct import_ctx {
    store *st;
    const char *name; /* file name for messages */
    const change_file *cf;
    int64_t plan_id;
    sync_self self;
    sync_seen *have; /* seen vector here */
    size_t nhave;
    sqlite3_stmt *by_gid, *by_seq, *node_of, *ins_gid, *ins_hist;
    int64_t *local; /* per row: its history id here, 0 if new, -1 known, -2 skipped */
    int skipped;    /* rows of items this replica does not have (format 1) */
    sync_xlate *x;
    int places; /* rows that move items or add them: their places settle */
} import_ctx;

/* One new row as stored here: its item, field and values in local ids. */
typedef struct local_row {
    int64_t node_id;
    char *field, *old_value, *new_value;
} local_row;

static int cmp_rows(const void *a, const void *b)
{
    const sync_row *x = a, *y = b;
    if (x->hlc != y->hlc)
        return x->hlc < y->hlc ? -1 : 1;
    int c = strcmp(x->origin, y->origin);
    return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

static int plan_of(store *st, const char *name, const change_file *cf, int64_t *plan_id,
                   duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st, "SELECT id FROM plan WHERE gid = ?", &s, err))
        return DUBAN_EDB;
    sqlite3_bind_text(s, 1, cf->plan_gid, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *plan_id = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    if (rc == SQLITE_ROW)
        return DUBAN_OK;
    return duban_fail(err, DUBAN_EINVAL,
                      "%s: changes for another plan (%.8s), which this database does not hold; "
                      "replicas are made with duban clone",
                      name, cf->plan_gid);
}

static int64_t lookup_id(sqlite3_stmt *s, const char *a, int64_t b, int use_b)
{
    sqlite3_reset(s);
    sqlite3_bind_text(s, 1, a, -1, SQLITE_STATIC);
    if (use_b)
        sqlite3_bind_int64(s, 2, b);
    return sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
}

static const char *name_in_file(const change_file *cf, const char *uuid, char *buf, size_t sz)
{
    const char *nm = "";
    for (size_t i = 0; i < cf->nnames; i++)
        if (!strcmp(cf->names[i].uuid, uuid))
            nm = cf->names[i].name;
    sync_display_name(uuid, nm, buf, sz);
    return buf;
}

/* Marks each row known (-1) or new (0); refuses a copy made with cp and
 * a file whose rows start after what is held here. */
static int classify(import_ctx *ix, duban_error *err)
{
    const change_file *cf = ix->cf;
    char who[128];
    for (size_t i = 0; i < cf->nranges; i++) {
        const sync_range *r = &cf->ranges[i];
        int64_t have = sync_seen_lookup(ix->have, ix->nhave, r->origin);
        if (have < r->from)
            return duban_fail(err, DUBAN_EINVAL,
                              "%s: starts after changes of %s this replica lacks (it holds up to "
                              "%lld, the file starts after %lld); import the earlier file first, "
                              "or write one with duban sync export --all",
                              ix->name, name_in_file(cf, r->origin, who, sizeof who),
                              (long long)have, (long long)r->from);
    }
    for (size_t i = 0; i < cf->nrows; i++) {
        const sync_row *r = &cf->rows[i];
        if (!(ix->cf->version == 1 ? sync_field_in_format1 : sync_field_exchanged)(r->field))
            return duban_fail(err, DUBAN_EPARSE,
                              "%s: cannot apply an edit of %s: sync does not exchange it", ix->name,
                              r->field);
        if (lookup_id(ix->by_gid, r->gid, 0, 0)) {
            ix->local[i] = -1;
            continue;
        }
        if (cf->version == 1 && !lookup_id(ix->node_of, r->node_gid, ix->plan_id, 1)) {
            ix->local[i] = -2; /* format 1 did not carry items added elsewhere */
            ix->skipped++;
            continue;
        }
        int ours = !strcmp(r->origin, ix->self.uuid);
        if (ours || lookup_id(ix->by_seq, r->origin, r->seq, 1) ||
            r->seq <= sync_seen_lookup(ix->have, ix->nhave, r->origin))
            return duban_fail(err, DUBAN_EINVAL,
                              "%s: holds edits of %s that differ from the ones here after edit "
                              "%lld (a copy made with cp has the same identity); on the copy run: "
                              "duban sync reidentify %lld",
                              ix->name,
                              ours ? "this replica" : name_in_file(cf, r->origin, who, sizeof who),
                              (long long)r->seq - 1, (long long)r->seq - 1);
        ix->local[i] = 0;
    }
    return DUBAN_OK;
}

static int prepare_all(import_ctx *ix, duban_error *err)
{
    store *st = ix->st;
    if (db_prepare(st, "SELECT history_id FROM history_gid WHERE gid = ?", &ix->by_gid, err) ||
        db_prepare(st, "SELECT history_id FROM history_gid WHERE origin = ? AND seq = ?",
                   &ix->by_seq, err) ||
        db_prepare(st, "SELECT id FROM node WHERE gid = ? AND plan_id = ?", &ix->node_of, err) ||
        db_prepare(st,
                   "INSERT INTO history_gid(history_id, gid, origin, seq, hlc, prev_gid,"
                   " node_hlc) VALUES (?, ?, ?, ?, ?, nullif(?, ''), ?)",
                   &ix->ins_gid, err) ||
        sync_xlate_open(st, ix->plan_id, &ix->x, err) ||
        db_prepare(st,
                   "INSERT INTO history(id, plan_id, node_id, at, action, target_id, field,"
                   " old_value, new_value, note, meeting_id, done_top, redo_top)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                   " (SELECT id FROM meeting WHERE plan_id = ?2 AND ended_at IS NULL), ?11, ?12)",
                   &ix->ins_hist, err))
        return DUBAN_EDB;
    return DUBAN_OK;
}

static void finalize_all(import_ctx *ix)
{
    sqlite3_finalize(ix->by_gid);
    sqlite3_finalize(ix->by_seq);
    sqlite3_finalize(ix->node_of);
    sqlite3_finalize(ix->ins_gid);
    sqlite3_finalize(ix->ins_hist);
    sync_xlate_close(ix->x);
}

static int64_t next_history_id(store *st)
{
    sqlite3_stmt *s;
    int64_t id = 1;
    if (sqlite3_prepare_v2(st->db, "SELECT coalesce(max(id), 0) + 1 FROM history", -1, &s, NULL) ==
        SQLITE_OK) {
        if (sqlite3_step(s) == SQLITE_ROW)
            id = sqlite3_column_int64(s, 0);
        sqlite3_finalize(s);
    }
    return id;
}

/* Inserts row i as history id `id`; the undo stacks are carried over. */
static int insert_row(import_ctx *ix, size_t i, int64_t id, const local_row *lr,
                      const undo_state *us, duban_error *err)
{
    const sync_row *r = &ix->cf->rows[i];
    int64_t node_id = lr->node_id;
    int64_t target = *r->target_gid ? lookup_id(ix->by_gid, r->target_gid, 0, 0) : 0;
    if (*r->target_gid && !target)
        return duban_fail(err, DUBAN_EPARSE,
                          "%s: change file is corrupted (undo of a missing edit)", ix->name);
    sqlite3_stmt *g = ix->ins_gid, *h = ix->ins_hist;
    sqlite3_reset(g);
    sqlite3_bind_int64(g, 1, id);
    sqlite3_bind_text(g, 2, r->gid, -1, SQLITE_STATIC);
    sqlite3_bind_text(g, 3, r->origin, -1, SQLITE_STATIC);
    sqlite3_bind_int64(g, 4, r->seq);
    sqlite3_bind_int64(g, 5, r->hlc);
    sqlite3_bind_text(g, 6, r->prev_gid, -1, SQLITE_STATIC);
    sqlite3_bind_int64(g, 7, r->node_hlc);
    sqlite3_reset(h);
    sqlite3_clear_bindings(h);
    sqlite3_bind_int64(h, 1, id);
    sqlite3_bind_int64(h, 2, ix->plan_id);
    sqlite3_bind_int64(h, 3, node_id);
    const char *text[] = {r->at, r->action, NULL, lr->field, lr->old_value, lr->new_value, r->note};
    for (int k = 0; k < 7; k++)
        if (text[k])
            sqlite3_bind_text(h, 4 + k, text[k], -1, SQLITE_STATIC);
    if (target)
        sqlite3_bind_int64(h, 6, target);
    sqlite3_bind_int64(h, 11, us->done_top);
    sqlite3_bind_int64(h, 12, us->redo_top);
    if (sqlite3_step(g) != SQLITE_DONE || sqlite3_step(h) != SQLITE_DONE)
        return db_fail(ix->st, err, DUBAN_EDB, "cannot record synced history");
    return DUBAN_OK;
}

/* Field `field` of node settles on its winning assignment (sync.h). */
static int settle_field(store *st, int64_t node_id, const char *field, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st, "SELECT " WINNER_ROW("new_value", "?1", "?2", ""), &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, node_id);
    sqlite3_bind_text(s, 2, field, -1, SQLITE_STATIC);
    char *value = sqlite3_step(s) == SQLITE_ROW ? db_text(s, 0) : NULL;
    sqlite3_finalize(s);
    if (!value)
        return db_fail(st, err, DUBAN_EDB, "cannot settle field");
    edit_target t;
    int rc = edit_load_target(st, node_id, field, &t, err);
    if (!rc && strcmp(t.value, value))
        rc = edit_write_field(st, node_id, field, value, err);
    edit_target_free(&t);
    free(value);
    return rc;
}

/* The note of edit `edit` stands while its last undo/redo is not an undo. */
static int settle_note(store *st, int64_t edit, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st,
                   "SELECT e.node_id, e.at, CASE e.field WHEN 'note' THEN e.new_value ELSE e.note"
                   " END, (SELECT h.action FROM history h JOIN history_gid g ON g.history_id ="
                   " h.id WHERE h.id = e.id OR h.target_id = e.id ORDER BY g.seq DESC LIMIT 1),"
                   " EXISTS (SELECT 1 FROM note WHERE history_id = e.id) FROM history e"
                   " WHERE e.id = ?",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, edit);
    int rc = DUBAN_OK;
    if (sqlite3_step(s) == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(s, 2);
        const char *last = (const char *)sqlite3_column_text(s, 3);
        int stands = last && strcmp(last, "undo") != 0, present = sqlite3_column_int(s, 4);
        if (text && *text && stands && !present)
            rc = edit_insert_note(st, sqlite3_column_int64(s, 0), edit,
                                  (const char *)sqlite3_column_text(s, 1), text, err);
        else if (!stands && present)
            rc = edit_delete_notes(st, edit, err);
    }
    sqlite3_finalize(s);
    return rc;
}

/* Row i in local terms: its item (created when the row adds it), field
 * and values (a milestone it adds is created too). */
static int localise(import_ctx *ix, size_t i, local_row *lr, duban_error *err)
{
    const sync_row *r = &ix->cf->rows[i];
    const sync_added *a = sync_added_of(ix->cf, r->gid);
    int rc = DUBAN_OK, ms_new = 0;
    if (!(lr->node_id = lookup_id(ix->node_of, r->node_gid, ix->plan_id, 1))) {
        if (!a || strcmp(r->field, "state"))
            return duban_fail(err, DUBAN_EPARSE,
                              "%s: change file is corrupted (an edit of an item not here, %.8s)",
                              ix->name, r->node_gid);
        rc = sync_create_node(ix->st, ix->plan_id, ix->name, a, r->node_gid, &lr->node_id, err);
    }
    if (!rc && (rc = sync_xlate_in(ix->x, lr->node_id, r, &lr->field, &lr->old_value,
                                   &lr->new_value, &ms_new, err)) == DUBAN_EPARSE) {
        char why[sizeof err->msg];
        snprintf(why, sizeof why, "%s", err ? err->msg : "");
        return duban_fail(err, DUBAN_EPARSE, "%s: change file is corrupted (%s)", ix->name, why);
    }
    if (!rc && ms_new)
        rc = sync_create_ms(ix->st, lr->node_id, ms_new, ix->name, a, err);
    if (!rc && (!strcmp(lr->field, "place") || !strcmp(lr->field, "order") ||
                (a && !strcmp(lr->field, "state"))))
        ix->places++;
    return rc;
}

static void local_rows_free(local_row *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++) {
        free(v[i].field);
        free(v[i].old_value);
        free(v[i].new_value);
    }
    free(v);
}

static int settle_rows(import_ctx *ix, const local_row *lr, duban_error *err);

static int insert_and_settle(import_ctx *ix, sync_result *res, duban_error *err)
{
    int *received = &res->received;
    const change_file *cf = ix->cf;
    undo_state us;
    int rc = undo_state_after(ix->st, ix->plan_id, 0, &us, err);
    int64_t id = next_history_id(ix->st);
    local_row *lr = calloc(cf->nrows + 1, sizeof *lr);
    if (!lr)
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    for (size_t i = 0; !rc && i < cf->nrows; i++) {
        if (ix->local[i] < 0)
            continue;
        ix->local[i] = id;
        rc = localise(ix, i, &lr[i], err);
        if (!rc)
            rc = insert_row(ix, i, id++, &lr[i], &us, err);
        const sync_added *a = sync_added_of(cf, cf->rows[i].gid);
        if (!rc && a && !strcmp(a->kind, "node") && !strcmp(lr[i].field, "state"))
            rc = sync_record_added(ix->st, ix->local[i], a, err);
        ++*received;
    }
    if (!rc)
        rc = settle_rows(ix, lr, err);
    if (!rc && ix->places)
        rc = sync_settle_places(ix->st, ix->plan_id, res->refs_changed, sizeof res->refs_changed,
                                err);
    for (size_t i = 0; !rc && i < cf->nrows; i++)
        if (ix->local[i] > 0 && lr[i].field && !strncmp(lr[i].field, "ms.", 3) &&
            !strcmp(lr[i].old_value, "removed") && !*lr[i].new_value)
            rc = sync_settle_ms(ix->st, lr[i].node_id, err);
    local_rows_free(lr, cf->nrows);
    return rc;
}

static int settle_rows(import_ctx *ix, const local_row *lr, duban_error *err)
{
    const change_file *cf = ix->cf;
    int rc = DUBAN_OK;
    for (size_t i = 0; !rc && i < cf->nrows; i++) {
        const sync_row *r = &cf->rows[i];
        if (ix->local[i] <= 0)
            continue;
        const char *f = lr[i].field;
        if (strcmp(f, "note") && strcmp(f, "place") && strcmp(f, "order") &&
            strcmp(r->old_value, r->new_value)) {
            rc = settle_field(ix->st, lr[i].node_id, f, err);
            if (rc && rc != DUBAN_EDB && rc != DUBAN_ENOMEM) { /* a field unknown here */
                char why[sizeof err->msg];
                snprintf(why, sizeof why, "%s", err ? err->msg : "");
                return duban_fail(err, DUBAN_EPARSE, "%s: cannot apply an edit of %s: %s", ix->name,
                                  f, why);
            }
        }
        if (!rc)
            rc = settle_note(
                ix->st, *r->target_gid ? lookup_id(ix->by_gid, r->target_gid, 0, 0) : ix->local[i],
                err);
    }
    return rc;
}

static int record_exchange(import_ctx *ix, sync_result *res, int64_t first_new, duban_error *err)
{
    const change_file *cf = ix->cf;
    int rc = DUBAN_OK;
    for (size_t i = 0; !rc && i < cf->nnames; i++)
        if (strcmp(cf->names[i].uuid, ix->self.uuid))
            rc = sync_replica_note(ix->st, cf->names[i].uuid, cf->names[i].name, err);
    if (!rc)
        rc = sync_replica_note(ix->st, cf->source, "", err);
    if (!rc)
        rc = sync_peer_record(ix->st, cf->plan_gid, cf->source, cf->seen, cf->nseen, err);
    if (!rc && res->received)
        rc = sync_conflicts_since(ix->st, ix->plan_id, first_new, &res->conflicts, err);
    if (rc || !res->received) /* nothing new: no log, the database stays as it was */
        return rc;
    sqlite3_stmt *s = NULL;
    if (!rc)
        rc = db_prepare(ix->st,
                        "INSERT INTO sync_log(at, plan_gid, peer, direction, changes, conflicts,"
                        " source) VALUES (?1, ?2, ?3, 'in', ?4, ?5, ?6)",
                        &s, err);
    if (!rc) {
        char now[32];
        db_now(ix->st, now);
        sqlite3_bind_text(s, 1, now, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 2, cf->plan_gid, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, cf->source, -1, SQLITE_STATIC);
        sqlite3_bind_int(s, 4, res->received);
        sqlite3_bind_int(s, 5, res->conflicts);
        sqlite3_bind_text(s, 6, ix->name, -1, SQLITE_STATIC);
        if (sqlite3_step(s) != SQLITE_DONE)
            rc = db_fail(ix->st, err, DUBAN_EDB, "cannot log the exchange");
        sqlite3_finalize(s);
        if (!rc && !(rc = db_prepare(ix->st, "UPDATE replica SET last_exchange = ? WHERE uuid = ?",
                                     &s, err))) {
            sqlite3_bind_text(s, 1, now, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(s, 2, cf->source, -1, SQLITE_STATIC);
            rc = sqlite3_step(s) == SQLITE_DONE ? DUBAN_OK
                                                : db_fail(ix->st, err, DUBAN_EDB, "replica");
            sqlite3_finalize(s);
        }
    }
    return rc;
}

/* A file whose source is this replica's identity: written here (nothing
 * new in it), or by a copy made with cp (it has rows this one lacks). */
static int refuse_own_file(import_ctx *ix, duban_error *err)
{
    char who[128];
    sync_display_name(ix->self.uuid, ix->self.name, who, sizeof who);
    for (size_t i = 0; i < ix->cf->nrows; i++)
        if (ix->local[i] == 0) {
            long long n = (long long)sync_seen_lookup(ix->have, ix->nhave, ix->self.uuid);
            return duban_fail(err, DUBAN_EINVAL,
                              "%s: written by a copy of this replica (%s) made with cp: same "
                              "identity, different history after edit %lld; on the copy run: "
                              "duban sync reidentify %lld",
                              ix->name, who, n, n);
        }
    return duban_fail(err, DUBAN_EEMPTY,
                      "%s: written by this replica (%s) itself; nothing to import", ix->name, who);
}

static int import_in_tx(import_ctx *ix, sync_result *res, duban_error *err)
{
    int rc = sync_seen_here(ix->st, ix->plan_id, &ix->have, &ix->nhave, err);
    if (!rc)
        rc = prepare_all(ix, err);
    if (!rc)
        rc = classify(ix, err);
    if (!strcmp(ix->cf->source, ix->self.uuid) && (!rc || rc == DUBAN_EINVAL))
        rc = refuse_own_file(ix, err);
    int64_t first_new = next_history_id(ix->st);
    if (!rc)
        rc = insert_and_settle(ix, res, err);
    res->skipped = ix->skipped;
    if (!rc)
        rc = record_exchange(ix, res, first_new, err);
    finalize_all(ix);
    free(ix->have);
    return rc;
}

int sync_import(store *st, const char *name, const char *data, size_t len, sync_result *res,
                duban_error *err)
{
    memset(res, 0, sizeof *res);
    change_file cf;
    int rc = change_file_decode(name, data, len, &cf, err);
    if (rc)
        return rc;
    import_ctx ix = {.st = st, .name = name, .cf = &cf};
    if (cf.nrows)
        qsort(cf.rows, cf.nrows, sizeof *cf.rows, cmp_rows);
    rc = sync_self_get(st, &ix.self, err);
    if (!rc)
        rc = plan_of(st, name, &cf, &ix.plan_id, err);
    if (!rc && !(ix.local = calloc(cf.nrows + 1, sizeof *ix.local)))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    if (!rc && !(rc = db_tx_begin(st, err))) {
        rc = import_in_tx(&ix, res, err);
        rc = rc ? rc : db_tx_commit(st, err);
        if (rc)
            db_tx_rollback(st);
    }
    if (!rc) {
        char who[128];
        memcpy(res->peer_uuid, cf.source, SYNC_ID_LEN);
        snprintf(res->peer_name, sizeof res->peer_name, "%s",
                 name_in_file(&cf, cf.source, who, sizeof who));
    }
    free(ix.local);
    change_file_free(&cf);
    return rc;
}
