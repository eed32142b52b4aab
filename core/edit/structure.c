/* structure.c - adding and deleting nodes, old refs, and the one
 * transaction every structural edit runs in (struct_internal.h). */
#include "edit/structure.h"

#include "base/strbuf.h"
#include "edit/struct_internal.h"
#include "text/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int struct_field_kind(const char *field)
{
    if (!strcmp(field, "place") || !strcmp(field, "order"))
        return 1;
    if (!strncmp(field, "ms.", 3))
        return 2;
    if (!strncmp(field, "note.", 5))
        return 3;
    if (!strncmp(field, "plan.", 5))
        return 4;
    return 0;
}

int struct_load_field(store *st, int64_t node_id, const char *field, edit_target *t,
                      duban_error *err)
{
    switch (struct_field_kind(field)) {
    case 1:
        return place_load(st, node_id, field, t, err);
    case 2:
        return ms_load(st, node_id, field, t, err);
    case 4:
        return plan_field_load(st, node_id, field, t, err);
    default:
        return note_load(st, node_id, field, t, err);
    }
}

int struct_write_field(store *st, int64_t node_id, const char *field, const char *value,
                       duban_error *err)
{
    switch (struct_field_kind(field)) {
    case 1:
        return place_write(st, node_id, field, value, err);
    case 2:
        return ms_write(st, node_id, field, value, err);
    case 4:
        return plan_field_write(st, node_id, field, value, err);
    default:
        return note_write(st, node_id, field, value, err);
    }
}

int edit_current_ref(store *st, int64_t node_id, char *ref, size_t refsz, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare_cached(st, "SELECT ref FROM node WHERE id = ?", &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, node_id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        db_text_into(s, 0, ref, refsz);
    db_stmt_done(st, s);
    return rc == SQLITE_ROW ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot read item");
}

int struct_commit(store *st, int64_t plan_id, int64_t node_id, const char *field,
                  const char *old_value, const char *new_value, const char *note, struct_pre_fn pre,
                  void *ctx, edit_result *result, duban_error *err)
{
    memset(result, 0, sizeof *result);
    if (db_tx_begin(st, err))
        return err ? err->code : DUBAN_EDB;
    int rc = pre ? pre(st, ctx, err) : DUBAN_OK;
    if (!rc && pre && ctx) /* an addition: the row pre inserted */
        node_id = node_id ? node_id : *(int64_t *)ctx;
    history_new h = {plan_id, node_id, "edit", 0, field, old_value, new_value, note, 0, 0};
    int64_t hid = 0;
    if (!rc)
        rc = edit_write_field(st, node_id, field, new_value, err);
    if (!rc)
        rc = edit_insert_history(st, &h, &hid, err);
    if (!rc)
        rc = edit_current_ref(st, node_id, result->ref, sizeof result->ref, err);
    if (!rc)
        rc = db_tx_commit(st, err);
    if (rc) {
        db_tx_rollback(st);
        return rc;
    }
    result->history_id = hid;
    result->node_id = node_id;
    result->changed = 1;
    snprintf(result->field, sizeof result->field, "%s", field);
    result->old_value = duban_strdup(old_value);
    result->new_value = duban_strdup(new_value);
    result->note = duban_strdup(note ? note : "");
    if (!result->old_value || !result->new_value || !result->note) {
        edit_result_free(result);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    return DUBAN_OK;
}

/* ---- adding ---- */

typedef struct add_ctx {
    int64_t id; /* first: struct_commit reads the new id here */
    int64_t plan_id, parent_id;
    int depth, seq;
    char ref[REF_LEN];
    char key[256];
    const node_new *nn;
    char *title;
    char due[DATE_LEN];
    const char *status;
} add_ctx;

static int insert_node(store *st, void *p, duban_error *err)
{
    add_ctx *a = p;
    sqlite3_stmt *s;
    /* Numbered inside the transaction: two processes adding at once
     * cannot take the same number. */
    int rc = place_next_seq(st, a->plan_id, a->parent_id, &a->seq, err);
    if (!rc)
        rc = place_child_ref(st, a->parent_id, a->seq, a->ref, sizeof a->ref, err);
    if (!rc)
        rc = place_sort_key(st, a->parent_id, a->nn->after_id, a->seq, a->key, sizeof a->key, err);
    if (rc)
        return rc;
    if (db_prepare(st,
                   "INSERT INTO node(plan_id, parent_id, depth, seq, ref, sort_key, title, body,"
                   " status, due, unit, leader, state)"
                   " VALUES (?, nullif(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'removed')",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, a->plan_id);
    sqlite3_bind_int64(s, 2, a->parent_id);
    sqlite3_bind_int(s, 3, a->depth);
    sqlite3_bind_int(s, 4, a->seq);
    sqlite3_bind_text(s, 5, a->ref, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 6, a->key, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 7, a->title, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 8, a->nn->body ? a->nn->body : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 9, a->status, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 10, a->due, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 11, a->nn->unit ? a->nn->unit : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 12, a->nn->leader ? a->nn->leader : "", -1, SQLITE_STATIC);
    rc = struct_step(st, s, "cannot add item", err);
    if (!rc)
        a->id = sqlite3_last_insert_rowid(st->db);
    return rc;
}

/* The parent's depth and plan, and the plan's period end. */
static int add_parent(store *st, add_ctx *a, duban_error *err)
{
    sqlite3_stmt *s;
    if (!a->parent_id) {
        a->depth = 1;
        return DUBAN_OK;
    }
    if (db_prepare(st,
                   "SELECT n.depth, n.state, p.period_end FROM node n JOIN plan p"
                   " ON p.id = n.plan_id WHERE n.id = ? AND n.plan_id = ?",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, a->parent_id);
    sqlite3_bind_int64(s, 2, a->plan_id);
    int rc = sqlite3_step(s), depth = 0, removed = 0;
    if (rc == SQLITE_ROW) {
        depth = sqlite3_column_int(s, 0);
        removed = !strcmp((const char *)sqlite3_column_text(s, 1), "removed");
        if (!*a->due)
            db_text_into(s, 2, a->due, sizeof a->due);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW || removed)
        return rc == SQLITE_ROW || rc == SQLITE_DONE
                   ? duban_fail(err, DUBAN_ENOTFOUND, "no such area or item in this plan")
                   : db_fail(st, err, DUBAN_EDB, "cannot read item");
    if (depth >= NODE_SUBITEM)
        return duban_fail(err, DUBAN_EINVAL, "items nest at most three levels");
    a->depth = depth + 1;
    return DUBAN_OK;
}

static int check_text(const char *what, const char *s, duban_error *err)
{
    if (s && !utf8_valid(s, strlen(s), NULL))
        return duban_fail(err, DUBAN_EINVAL, "%s: not valid UTF-8", what);
    return DUBAN_OK;
}

int edit_add_node(store *st, int64_t plan_id, int64_t parent_id, const node_new *nn,
                  edit_result *result, duban_error *err)
{
    memset(result, 0, sizeof *result);
    add_ctx a = {0};
    a.plan_id = plan_id;
    a.parent_id = parent_id;
    a.nn = nn;
    const status_set *set = store_statuses(st);
    a.status = set->n ? set->v[0].key : "not_started";
    int rc = edit_check_title(nn->title ? nn->title : "", &a.title, err);
    if (!rc)
        rc = check_text("body", nn->body, err);
    if (!rc)
        rc = check_text("unit", nn->unit, err) || check_text("leader", nn->leader, err)
                 ? DUBAN_EINVAL
                 : DUBAN_OK;
    if (!rc && nn->due && *nn->due) {
        rc = date_parse(nn->due, NULL, err) ? DUBAN_EINVAL : DUBAN_OK;
        snprintf(a.due, sizeof a.due, "%s", nn->due);
    }
    if (!rc)
        rc = add_parent(st, &a, err);
    if (!rc && nn->after_id) {
        sqlite3_stmt *q;
        if (!(rc = db_prepare(st, "SELECT coalesce(parent_id, 0), state FROM node WHERE id = ?", &q,
                              err))) {
            sqlite3_bind_int64(q, 1, nn->after_id);
            int ok = sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int64(q, 0) == parent_id &&
                     strcmp((const char *)sqlite3_column_text(q, 1), "removed");
            sqlite3_finalize(q);
            if (!ok)
                rc = duban_fail(err, DUBAN_EINVAL, "--after: not in the same area or item");
        }
    }
    if (!rc)
        rc =
            struct_commit(st, plan_id, 0, "state", "removed", "", "", insert_node, &a, result, err);
    free(a.title);
    return rc;
}

/* ---- deleting ---- */

int edit_delete_node(store *st, int64_t node_id, edit_result *result, duban_error *err)
{
    memset(result, 0, sizeof *result);
    sqlite3_stmt *s;
    /* Its history: every row but those adding or removing it. */
    if (db_prepare(st,
                   "SELECT n.plan_id, n.ref, n.state,"
                   " (SELECT count(*) FROM history h WHERE h.node_id = n.id AND NOT"
                   "  (h.field = 'state' AND 'removed' IN (h.old_value, h.new_value)))"
                   " + (SELECT count(*) FROM note t WHERE t.node_id = n.id),"
                   " (SELECT count(*) FROM node c WHERE c.parent_id = n.id"
                   "  AND c.state <> 'removed')"
                   " FROM node n WHERE n.id = ?",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, node_id);
    int rc = sqlite3_step(s);
    int64_t plan_id = 0;
    char ref[REF_LEN] = "", state[16] = "";
    int hist = 0, kids = 0;
    if (rc == SQLITE_ROW) {
        plan_id = sqlite3_column_int64(s, 0);
        db_text_into(s, 1, ref, sizeof ref);
        db_text_into(s, 2, state, sizeof state);
        hist = sqlite3_column_int(s, 3);
        kids = sqlite3_column_int(s, 4);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW || !strcmp(state, "removed"))
        return duban_fail(err, DUBAN_ENOTFOUND, "no item with id %lld", (long long)node_id);
    if (kids)
        return duban_fail(err, DUBAN_EINVAL, "%s has %d items under it; cancel it instead", ref,
                          kids);
    if (hist)
        return duban_fail(err, DUBAN_EINVAL,
                          "%s has a history; cancel it instead (duban cancel %s --reason ...)", ref,
                          ref);
    return struct_commit(st, plan_id, node_id, "state", state, "removed", "", NULL, NULL, result,
                         err);
}

int node_moved_to(store *st, int64_t plan_id, const char *ref, int64_t *node_id, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st,
                   "SELECT m.node_id FROM moved_ref m JOIN node n ON n.id = m.node_id"
                   " WHERE m.plan_id = ? AND m.old_ref = ? AND n.state <> 'removed'",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, plan_id);
    sqlite3_bind_text(s, 2, ref, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *node_id = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    if (rc == SQLITE_DONE)
        return duban_fail(err, DUBAN_ENOTFOUND, "no item %s", ref);
    return rc == SQLITE_ROW ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot read old refs");
}
