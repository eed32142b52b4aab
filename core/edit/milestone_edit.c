/* milestone_edit.c - adding, re-dating, closing, reopening and deleting a
 * node's milestones (history fields ms.N.due, ms.N.done, ms.N.state). */
#include "edit/structure.h"

#include "base/strbuf.h"
#include "edit/struct_internal.h"
#include "text/utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MS_COL_DUE, MS_COL_DONE, MS_COL_STATE };

/* Parses "ms.N.due|done|state"; returns the column or -1. */
static int parse_field(const char *field, int *seq)
{
    static const char *const cols[] = {"due", "done", "state"};
    char *end;
    if (strncmp(field, "ms.", 3) || !isdigit((unsigned char)field[3]))
        return -1;
    long n = strtol(field + 3, &end, 10);
    if (*end != '.' || n < 1 || n > 100000)
        return -1;
    *seq = (int)n;
    for (int i = 0; i < 3; i++)
        if (!strcmp(end + 1, cols[i]))
            return i;
    return -1;
}

static const char *const load_sql[] = {
    "SELECT n.plan_id, n.ref, m.due FROM milestone m JOIN node n ON n.id = m.node_id"
    " WHERE m.node_id = ? AND m.hkey = ?",
    "SELECT n.plan_id, n.ref, m.done FROM milestone m JOIN node n ON n.id = m.node_id"
    " WHERE m.node_id = ? AND m.hkey = ?",
    "SELECT n.plan_id, n.ref, m.state FROM milestone m JOIN node n ON n.id = m.node_id"
    " WHERE m.node_id = ? AND m.hkey = ?",
};
static const char *const write_sql[] = {
    "UPDATE milestone SET due = ?3 WHERE node_id = ?1 AND hkey = ?2",
    "UPDATE milestone SET done = ?3 WHERE node_id = ?1 AND hkey = ?2",
    "UPDATE milestone SET state = ?3 WHERE node_id = ?1 AND hkey = ?2",
};

int ms_load(store *st, int64_t node_id, const char *field, edit_target *t, duban_error *err)
{
    memset(t, 0, sizeof *t);
    int seq = 0, col = parse_field(field, &seq);
    if (col < 0)
        return duban_fail(err, DUBAN_EINVAL, "unknown field '%s'", field);
    sqlite3_stmt *s;
    if (db_prepare(st, load_sql[col], &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, node_id);
    sqlite3_bind_int(s, 2, seq);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        t->node_id = node_id;
        t->plan_id = sqlite3_column_int64(s, 0);
        db_text_into(s, 1, t->ref, sizeof t->ref);
        t->value = db_text(s, 2);
    }
    sqlite3_finalize(s);
    if (rc == SQLITE_DONE)
        return duban_fail(err, DUBAN_ENOTFOUND, "no milestone %d", seq);
    if (rc != SQLITE_ROW)
        return db_fail(st, err, DUBAN_EDB, "cannot read milestone");
    return t->value ? DUBAN_OK : duban_fail(err, DUBAN_ENOMEM, "out of memory");
}

int ms_write(store *st, int64_t node_id, const char *field, const char *value, duban_error *err)
{
    int seq = 0, col = parse_field(field, &seq);
    if (col < 0)
        return duban_fail(err, DUBAN_EINVAL, "unknown field '%s'", field);
    sqlite3_stmt *s;
    if (db_prepare(st, write_sql[col], &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, node_id);
    sqlite3_bind_int(s, 2, seq);
    sqlite3_bind_text(s, 3, value, -1, SQLITE_STATIC);
    return struct_step(st, s, "cannot change milestone", err);
}

typedef struct ms_new {
    int64_t node_id;
    int seq;
    const char *phrase, *due;
} ms_new;

static int insert_ms(store *st, void *p, duban_error *err)
{
    ms_new *m = p;
    sqlite3_stmt *s;
    if (db_prepare(st,
                   "INSERT INTO milestone(node_id, seq, phrase, word, due, state)"
                   " VALUES (?, ?, ?, '', ?, 'removed')",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, m->node_id);
    sqlite3_bind_int(s, 2, m->seq);
    sqlite3_bind_text(s, 3, m->phrase, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, m->due, -1, SQLITE_STATIC);
    return struct_step(st, s, "cannot add milestone", err);
}

/* The node's plan and the next milestone number. */
static int node_plan(store *st, int64_t node_id, int64_t *plan_id, int *next, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st,
                   "SELECT plan_id, (SELECT coalesce(max(seq), 0) + 1 FROM milestone"
                   " WHERE node_id = n.id) FROM node n WHERE id = ? AND state <> 'removed'",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, node_id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *plan_id = sqlite3_column_int64(s, 0);
        *next = sqlite3_column_int(s, 1);
    }
    sqlite3_finalize(s);
    if (rc == SQLITE_DONE)
        return duban_fail(err, DUBAN_ENOTFOUND, "no item with id %lld", (long long)node_id);
    return rc == SQLITE_ROW ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot read item");
}

int edit_milestone_add(store *st, int64_t node_id, const char *phrase, const char *due,
                       edit_result *result, duban_error *err)
{
    memset(result, 0, sizeof *result);
    ms_new m = {node_id, 0, NULL, due ? due : ""};
    int64_t plan_id = 0;
    char *text = NULL, field[32];
    int rc = edit_check_title(phrase ? phrase : "", &text, err);
    if (rc)
        return rc;
    if (date_parse(m.due, NULL, err))
        rc = DUBAN_EINVAL;
    if (!rc)
        rc = node_plan(st, node_id, &plan_id, &m.seq, err);
    m.phrase = text;
    snprintf(field, sizeof field, "ms.%d.state", m.seq);
    if (!rc)
        rc = struct_commit(st, plan_id, node_id, field, "removed", "", "", insert_ms, &m, result,
                           err);
    free(text);
    return rc;
}

/* The number in history field names (hkey) of the milestone people call
 * n (seq); n itself when there is none (the caller reports it). */
static int ms_key(store *st, int64_t node_id, int n)
{
    sqlite3_stmt *s;
    int key = n;
    if (sqlite3_prepare_v2(st->db, "SELECT hkey FROM milestone WHERE node_id = ? AND seq = ?", -1,
                           &s, NULL) != SQLITE_OK)
        return n;
    sqlite3_bind_int64(s, 1, node_id);
    sqlite3_bind_int(s, 2, n);
    if (sqlite3_step(s) == SQLITE_ROW)
        key = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return key;
}

int edit_milestone(store *st, int64_t node_id, int n, milestone_op op, const char *date,
                   edit_result *result, duban_error *err)
{
    memset(result, 0, sizeof *result);
    static const char *const attr[] = {"due", "done", "done", "state"};
    char field[32], state_field[32];
    int key = ms_key(st, node_id, n);
    snprintf(field, sizeof field, "ms.%d.%s", key, attr[op]);
    snprintf(state_field, sizeof state_field, "ms.%d.state", key);
    edit_target t, gone;
    int rc = ms_load(st, node_id, state_field, &gone, err);
    if (rc == DUBAN_ENOTFOUND || (!rc && strcmp(gone.value, "")))
        rc =
            duban_fail(err, DUBAN_ENOTFOUND, "%s has no milestone %d (see duban milestone %s list)",
                       gone.ref[0] ? gone.ref : "the item", n, gone.ref[0] ? gone.ref : "REF");
    edit_target_free(&gone);
    if (rc)
        return rc;
    if ((rc = ms_load(st, node_id, field, &t, err)))
        return rc;
    const char *value = op == MS_DATE || op == MS_DONE ? (date ? date : "")
                        : op == MS_REOPEN              ? ""
                                                       : "removed";
    if ((op == MS_DATE || op == MS_DONE) && date_parse(value, NULL, err))
        rc = DUBAN_EINVAL;
    else if (op == MS_DONE && *t.value)
        rc = duban_fail(err, DUBAN_EEMPTY, "%s milestone %d is already done (%s)", t.ref, n,
                        t.value);
    else if (op == MS_REOPEN && !*t.value)
        rc = duban_fail(err, DUBAN_EEMPTY, "%s milestone %d is open", t.ref, n);
    else if (op == MS_DATE && !strcmp(t.value, value))
        rc = duban_fail(err, DUBAN_EEMPTY, "%s milestone %d is already due %s", t.ref, n, value);
    if (!rc)
        rc = struct_commit(st, t.plan_id, node_id, field, t.value, value, "", NULL, NULL, result,
                           err);
    edit_target_free(&t);
    return rc;
}
