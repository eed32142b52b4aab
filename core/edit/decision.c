/* decision.c - decisions of a meeting (see decision.h). */
#include "edit/decision.h"

#include "base/list.h"
#include "edit/edit_internal.h"
#include "edit/meeting.h"
#include "edit/structure.h"
#include "plan/date.h"
#include "store/store_internal.h"
#include "text/utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void decision_free(decision *d)
{
    free(d->text);
    free(d->unit);
    free(d->at);
}

DEFINE_LIST_FREE(decision_list, decision_free)

static void decision_free_v(void *p)
{
    decision_free(p);
}

static int read_decision(sqlite3_stmt *s, void *p)
{
    decision *d = p;
    memset(d, 0, sizeof *d);
    d->id = sqlite3_column_int64(s, 0);
    d->meeting_id = sqlite3_column_int64(s, 1);
    d->node_id = sqlite3_column_int64(s, 2);
    db_text_into(s, 3, d->ref, sizeof d->ref);
    d->text = db_text(s, 4);
    d->unit = db_text(s, 5);
    db_text_into(s, 6, d->due, sizeof d->due);
    d->at = db_text(s, 7);
    d->item_id = sqlite3_column_int64(s, 8);
    db_text_into(s, 9, d->item_ref, sizeof d->item_ref);
    return d->text && d->unit && d->at ? DUBAN_OK : DUBAN_ENOMEM;
}

int decision_list_of(store *st, int64_t meeting_id, decision_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st,
                   "SELECT d.id, d.meeting_id, coalesce(d.node_id, 0), coalesce(n.ref, ''),"
                   " d.text, d.unit, d.due, d.at, coalesce(t.id, 0), coalesce(t.ref, '')"
                   " FROM decision d LEFT JOIN node n ON n.id = d.node_id"
                   " LEFT JOIN node t ON t.id = d.item_id"
                   " WHERE d.meeting_id = ? AND coalesce(t.state, '') <> 'removed' ORDER BY d.id",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, meeting_id);
    return db_collect(st, stmt, sizeof(decision), (void **)&out->v, &out->n, read_decision,
                      decision_free_v, err);
}

/* text trimmed into [*start, *start + *len); DUBAN_EINVAL when unusable. */
static int check_text(const char *text, const char **start, size_t *len, duban_error *err)
{
    const char *s = text ? text : "";
    while (*s && isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (!n)
        return duban_fail(err, DUBAN_EINVAL, "a decision needs its text");
    if (n > 2000)
        return duban_fail(err, DUBAN_EINVAL, "a decision's text: at most 2000 bytes");
    if (!utf8_valid(s, n, NULL))
        return duban_fail(err, DUBAN_EINVAL, "a decision's text is not valid UTF-8");
    *start = s;
    *len = n;
    return DUBAN_OK;
}

/* ---- the tracked item ---- */

/* The parent of the tracked item: the node the decision is about (its
 * parent item when it is a sub-item), else the plan's DECISION_AREA
 * (0 when there is none yet). */
static int tracked_parent(store *st, int64_t plan_id, int64_t about, int64_t *parent,
                          duban_error *err)
{
    sqlite3_stmt *s;
    *parent = 0;
    int rc = about ? db_prepare(st,
                                "SELECT CASE WHEN depth >= 3 THEN parent_id ELSE id END FROM node"
                                " WHERE id = ? AND plan_id = ? AND state <> 'removed'",
                                &s, err)
                   : db_prepare(st,
                                "SELECT id FROM node WHERE plan_id = ?2 AND depth = 1"
                                " AND state = '' AND title = ?3 ORDER BY seq LIMIT 1",
                                &s, err);
    if (rc)
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, about);
    sqlite3_bind_int64(s, 2, plan_id);
    if (!about)
        sqlite3_bind_text(s, 3, DECISION_AREA, -1, SQLITE_STATIC);
    int step = sqlite3_step(s);
    if (step == SQLITE_ROW)
        *parent = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    if (step == SQLITE_DONE && about)
        return duban_fail(err, DUBAN_ENOTFOUND, "the decision's item is not in this plan");
    return step == SQLITE_ROW || step == SQLITE_DONE
               ? DUBAN_OK
               : db_fail(st, err, DUBAN_EDB, "cannot read the decision's item");
}

/* The tracked item's title: text up to its first control character (a
 * line break), at most EDIT_TITLE_MAX characters; "" when that is empty. */
static void tracked_title(const char *text, size_t n, char *out, size_t outsz)
{
    size_t i = 0, chars = 0;
    while (i < n && i + 4 < outsz && chars < EDIT_TITLE_MAX) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x20 || c == 0x7F)
            break;
        size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + len > n)
            break;
        i += len;
        chars++;
    }
    memcpy(out, text, i);
    while (i && isspace((unsigned char)out[i - 1]))
        i--;
    out[i] = '\0';
}

/* Adds the tracked item of decision id (text s[0..n), unit, due day) and
 * links it; inside the caller's transaction. */
static int add_tracked(store *st, int64_t plan_id, int64_t about, int64_t id, const char *s,
                       size_t n, const char *unit, const char *day, decision_added *out,
                       duban_error *err)
{
    int64_t parent;
    edit_result r = {0};
    int rc = tracked_parent(st, plan_id, about, &parent, err);
    if (!rc && !parent) { /* the first decision about no item: the area */
        node_new area = {.title = DECISION_AREA};
        rc = edit_add_node(st, plan_id, 0, &area, &r, err);
        parent = r.node_id;
        edit_result_free(&r);
    }
    char title[EDIT_TITLE_MAX * 4 + 8];
    char *body = NULL;
    tracked_title(s, n, title, sizeof title);
    if (!rc && (strlen(title) != n || !*title) && !(body = strndup(s, n)))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    node_new item = {
        .title = *title ? title : DECISION_AREA, .body = body, .due = day, .unit = unit};
    if (!rc)
        rc = edit_add_node(st, plan_id, parent, &item, &r, err);
    free(body);
    sqlite3_stmt *u = NULL;
    if (!rc)
        rc = db_prepare(st, "UPDATE decision SET item_id = ? WHERE id = ?", &u, err);
    if (!rc) {
        sqlite3_bind_int64(u, 1, r.node_id);
        sqlite3_bind_int64(u, 2, id);
        rc = sqlite3_step(u) == SQLITE_DONE ? DUBAN_OK
                                            : db_fail(st, err, DUBAN_EDB, "cannot link the item");
        sqlite3_finalize(u);
    }
    if (!rc) {
        out->item_id = r.node_id;
        snprintf(out->item_ref, sizeof out->item_ref, "%s", r.ref);
    }
    edit_result_free(&r);
    return rc;
}

/* Inserts the decision row of meeting_id; *id is its id. */
static int insert_decision(store *st, int64_t meeting_id, int64_t about, const char *s, size_t n,
                           const char *unit, const char *day, int64_t *id, duban_error *err)
{
    sqlite3_stmt *stmt = NULL;
    if (db_prepare(st,
                   "INSERT INTO decision(meeting_id, node_id, text, unit, due, at)"
                   " VALUES (?, nullif(?, 0), ?, ?, ?, ?)",
                   &stmt, err))
        return DUBAN_EDB;
    char now[32];
    db_now(st, now);
    sqlite3_bind_int64(stmt, 1, meeting_id);
    sqlite3_bind_int64(stmt, 2, about);
    sqlite3_bind_text(stmt, 3, s, (int)n, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 4, unit, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 5, day, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 6, now, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(stmt), rc = DUBAN_OK;
    if (step == SQLITE_READONLY)
        rc = duban_fail(err, DUBAN_EIO, "%s: database is read-only", store_path(st));
    else if (step != SQLITE_DONE)
        rc = db_fail(st, err, DUBAN_EDB, "cannot record the decision");
    else
        *id = sqlite3_last_insert_rowid(st->db);
    sqlite3_finalize(stmt);
    return rc;
}

/* The decision's unit trimmed into a heap string (NULL: out of memory). */
static char *trimmed_unit(const char *unit)
{
    const char *u = unit ? unit : "";
    while (*u && isspace((unsigned char)*u))
        u++;
    size_t n = strlen(u);
    while (n && isspace((unsigned char)u[n - 1]))
        n--;
    return strndup(u, n);
}

int decision_add(store *st, int64_t plan_id, const char *text, const char *unit, const char *due,
                 int64_t node_id, decision_added *out, duban_error *err)
{
    const char *s = "";
    size_t n = 0;
    char day[DATE_LEN] = "";
    long d;
    decision_added got = {0};
    if (out)
        memset(out, 0, sizeof *out);
    if (check_text(text, &s, &n, err))
        return DUBAN_EINVAL;
    if (due && *due) {
        if (date_parse(due, &d, err))
            return DUBAN_EINVAL;
        date_format(d, day);
    }
    if (unit && edit_check_text("the decision's unit", unit, 0, err))
        return DUBAN_EINVAL;
    meeting m;
    int rc = meeting_current(st, plan_id, &m, err);
    if (!rc && !m.id)
        rc = duban_fail(err, DUBAN_EINVAL,
                        "no meeting is open; a decision belongs to a meeting "
                        "(duban meeting start TITLE)");
    char *u = rc ? NULL : trimmed_unit(unit);
    if (!rc && !u)
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    /* One transaction: the decision, and its item (a batch of its own
     * unless the caller's, whose savepoints the additions nest in). */
    int own = !rc && !st->batch;
    if (!rc && (own ? store_begin(st, err) : db_tx_begin(st, err)))
        rc = err ? err->code : DUBAN_EDB;
    else if (!rc) {
        rc = insert_decision(st, m.id, node_id, s, n, u, day, &got.id, err);
        if (!rc && *u && *day)
            rc = add_tracked(st, plan_id, node_id, got.id, s, n, u, day, &got, err);
        if (rc)
            own ? store_rollback(st) : db_tx_rollback(st);
        else if (own ? store_commit(st, err) : db_tx_commit(st, err))
            rc = err ? err->code : DUBAN_EDB;
    }
    if (!rc && out)
        *out = got;
    free(u);
    meeting_free(&m);
    return rc;
}

/* The decision's meeting and tracked item (0: none; a removed item counts
 * as the decision gone, as decision_list_of() has it). */
static int decision_place(store *st, int64_t id, int64_t *meeting_id, int64_t *item_id,
                          duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st,
                   "SELECT d.meeting_id, coalesce(d.item_id, 0), coalesce(t.state, '')"
                   " FROM decision d LEFT JOIN node t ON t.id = d.item_id WHERE d.id = ?",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, id);
    int rc = sqlite3_step(s), gone = 1;
    if (rc == SQLITE_ROW) {
        *meeting_id = sqlite3_column_int64(s, 0);
        *item_id = sqlite3_column_int64(s, 1);
        gone = !strcmp((const char *)sqlite3_column_text(s, 2), "removed");
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_fail(st, err, DUBAN_EDB, "cannot read the decision");
    return gone ? duban_fail(err, DUBAN_ENOTFOUND, "no decision %lld", (long long)id) : DUBAN_OK;
}

static int delete_decision(store *st, int64_t id, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st, "DELETE FROM decision WHERE id = ?", &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, id);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc == SQLITE_READONLY)
        return db_fail_readonly(st, err);
    return rc == SQLITE_DONE ? DUBAN_OK
                             : db_fail(st, err, DUBAN_EDB, "cannot take the decision back");
}

int decision_withdraw(store *st, int64_t plan_id, int64_t decision_id, decision_withdrawn *out,
                      duban_error *err)
{
    if (out)
        memset(out, 0, sizeof *out);
    meeting m;
    int64_t meeting_id = 0, item_id = 0;
    int rc = meeting_current(st, plan_id, &m, err);
    if (!rc && !m.id)
        rc = duban_fail(err, DUBAN_EINVAL,
                        "no meeting is open; only the open meeting's decisions can be taken back");
    if (!rc)
        rc = decision_place(st, decision_id, &meeting_id, &item_id, err);
    if (!rc && meeting_id != m.id)
        rc = duban_fail(err, DUBAN_EINVAL,
                        "decision %lld belongs to a meeting that has ended; its minutes stand",
                        (long long)decision_id);
    meeting_free(&m);
    if (rc)
        return rc;
    if (!item_id)
        return delete_decision(st, decision_id, err);
    edit_result r;
    if ((rc = edit_delete_node(st, item_id, &r, err)))
        return rc;
    if (out)
        snprintf(out->item_ref, sizeof out->item_ref, "%s", r.ref);
    edit_result_free(&r);
    return DUBAN_OK;
}
