/* target_db.c - storing targets, reading them, and recording progress. */
#include "plan/target.h"

#include "query/query.h"
#include "store/store_internal.h"
#include "base/strbuf.h"
#include "store/target_internal.h"
#include "text/utf8.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int target_field_seq(const char *field)
{
    if (!field || strncmp(field, "target.", 7) || !isdigit((unsigned char)field[7]))
        return 0;
    char *end;
    long n = strtol(field + 7, &end, 10);
    return *end || n < 1 || n > 100000 ? 0 : (int)n;
}

int target_load_field(store *st, int64_t node_id, const char *field, edit_target *t,
                      duban_error *err)
{
    memset(t, 0, sizeof *t);
    sqlite3_stmt *stmt;
    if (db_prepare(st,
                   "SELECT n.plan_id, n.ref, t.current FROM node n JOIN target t"
                   " ON t.node_id = n.id WHERE n.id = ? AND t.seq = ?",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, node_id);
    sqlite3_bind_int(stmt, 2, target_field_seq(field));
    int rc = sqlite3_step(stmt);
    char value[32] = "";
    if (rc == SQLITE_ROW) {
        t->node_id = node_id;
        t->plan_id = sqlite3_column_int64(stmt, 0);
        db_text_into(stmt, 1, t->ref, sizeof t->ref);
        if (sqlite3_column_type(stmt, 2) != SQLITE_NULL)
            target_format_number(sqlite3_column_double(stmt, 2), value);
        t->value = duban_strdup(value);
    }
    sqlite3_finalize(stmt);
    if (rc == SQLITE_DONE)
        return duban_fail(err, DUBAN_ENOTFOUND, "no target %s on item id %lld", field,
                          (long long)node_id);
    if (rc != SQLITE_ROW)
        return db_fail(st, err, DUBAN_EDB, "cannot read target");
    return t->value ? DUBAN_OK : duban_fail(err, DUBAN_ENOMEM, "out of memory");
}

int target_write_field(store *st, int64_t node_id, const char *field, const char *value,
                       duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st, "UPDATE target SET current = ? WHERE node_id = ? AND seq = ?", &stmt, err))
        return DUBAN_EDB;
    if (value && *value)
        sqlite3_bind_double(stmt, 1, strtod(value, NULL));
    else
        sqlite3_bind_null(stmt, 1);
    sqlite3_bind_int64(stmt, 2, node_id);
    sqlite3_bind_int(stmt, 3, target_field_seq(field));
    int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (rc == SQLITE_READONLY)
        return db_fail_readonly(st, err);
    return rc == SQLITE_DONE ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot change target");
}

static int insert_hits(store *st, int64_t node_id, const target_hit *v, size_t n, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st,
                   "INSERT INTO target(node_id, seq, label, number, unit, direction, phrase)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?)",
                   &stmt, err))
        return DUBAN_EDB;
    int rc = DUBAN_OK;
    for (size_t i = 0; !rc && i < n; i++) {
        sqlite3_reset(stmt);
        sqlite3_bind_int64(stmt, 1, node_id);
        sqlite3_bind_int(stmt, 2, (int)i + 1);
        sqlite3_bind_text(stmt, 3, v[i].label, -1, SQLITE_STATIC);
        sqlite3_bind_double(stmt, 4, v[i].number);
        sqlite3_bind_text(stmt, 5, v[i].unit, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 6, target_dir_key(v[i].dir), -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 7, v[i].phrase, -1, SQLITE_STATIC);
        if (sqlite3_step(stmt) != SQLITE_DONE)
            rc = db_fail(st, err, DUBAN_EDB, "cannot add target");
    }
    sqlite3_finalize(stmt);
    return rc;
}

int target_store_node(store *st, int64_t node_id, const char *title, const char *body, int *added,
                      duban_error *err)
{
    target_hit *v = NULL;
    size_t n = 0;
    int rc = target_scan(title, &v, &n);
    if (!rc)
        rc = target_scan(body, &v, &n);
    if (rc)
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    else if (n)
        rc = insert_hits(st, node_id, v, n, err);
    if (!rc && added)
        *added += (int)n;
    target_hits_free(v, n);
    return rc;
}

#define TARGET_COLUMNS                                                                             \
    "SELECT t.id, t.node_id, t.seq, n.ref, t.label, t.phrase, t.number, t.unit, t.direction,"      \
    " t.current FROM target t JOIN node n ON n.id = t.node_id "

static int read_target(sqlite3_stmt *s, void *p)
{
    target *t = p;
    memset(t, 0, sizeof *t);
    t->id = sqlite3_column_int64(s, 0);
    t->node_id = sqlite3_column_int64(s, 1);
    t->seq = sqlite3_column_int(s, 2);
    db_text_into(s, 3, t->ref, sizeof t->ref);
    t->label = db_text(s, 4);
    t->phrase = db_text(s, 5);
    t->number = sqlite3_column_double(s, 6);
    db_text_into(s, 7, t->unit, sizeof t->unit);
    const unsigned char *dir = sqlite3_column_text(s, 8);
    t->dir = dir && !strcmp((const char *)dir, "at_most") ? TARGET_AT_MOST : TARGET_AT_LEAST;
    t->has_current = sqlite3_column_type(s, 9) != SQLITE_NULL;
    t->current = t->has_current ? sqlite3_column_double(s, 9) : 0;
    return t->label && t->phrase ? DUBAN_OK : DUBAN_ENOMEM;
}

static void target_free_v(void *p)
{
    target *t = p;
    free(t->label);
    free(t->phrase);
}

void target_list_free(target_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        target_free_v(&l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

int node_targets(store *st, int64_t node_id, target_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st, TARGET_COLUMNS "WHERE t.node_id = ? ORDER BY t.seq", &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, node_id);
    return db_collect(st, stmt, sizeof(target), (void **)&out->v, &out->n, read_target,
                      target_free_v, err);
}

int plan_targets(store *st, int64_t plan_id, target_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st, TARGET_COLUMNS "WHERE n.plan_id = ? ORDER BY n.sort_key, t.seq", &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    return db_collect(st, stmt, sizeof(target), (void **)&out->v, &out->n, read_target,
                      target_free_v, err);
}

int area_targets(store *st, int64_t area_id, target_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st,
                   TARGET_COLUMNS "JOIN node a ON a.id = ?1 AND n.plan_id = a.plan_id"
                                  " AND n.sort_key > a.sort_key || '.'"
                                  " AND n.sort_key < a.sort_key || '/'"
                                  " ORDER BY n.sort_key, t.seq",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, area_id);
    return db_collect(st, stmt, sizeof(target), (void **)&out->v, &out->n, read_target,
                      target_free_v, err);
}

int target_met(const target *t)
{
    if (!t->has_current)
        return 0;
    return t->dir == TARGET_AT_MOST ? t->current <= t->number : t->current >= t->number;
}

void target_progress_text(const target *t, char *out, size_t outsz)
{
    char cur[32] = "—", goal[32];
    if (t->has_current)
        target_format_number(t->current, cur);
    target_format_number(t->number, goal);
    snprintf(out, outsz, "%s/%s%s", cur, goal, t->unit);
}

static int labels_error(const target_list *l, int code, const char *what, const char *label,
                        duban_error *err)
{
    strbuf sb = {0};
    for (size_t i = 0; i < l->n; i++)
        strbuf_printf(&sb, "%s%s", i ? ", " : "", l->v[i].label);
    if (!l->n)
        duban_fail(err, code, "%s has no numeric targets", l->n ? l->v[0].ref : "this item");
    else
        duban_fail(err, code, "%s target '%s' on %s: it has %s", what, label, l->v[0].ref,
                   strbuf_str(&sb));
    strbuf_free(&sb);
    return code;
}

int target_find(const target_list *l, const char *label, size_t *index, duban_error *err)
{
    size_t found = 0, hits = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (!strcmp(l->v[i].label, label)) {
            *index = i;
            return DUBAN_OK;
        }
        if (*label && strstr(l->v[i].label, label)) {
            found = i;
            hits++;
        }
    }
    if (hits == 1) {
        *index = found;
        return DUBAN_OK;
    }
    return labels_error(l, hits ? DUBAN_EINVAL : DUBAN_ENOTFOUND, hits ? "ambiguous" : "no", label,
                        err);
}

/* Normalises a progress value: trimmed; "" or a finite decimal number,
 * rewritten as target_format_number() writes it. */
static int normalise_value(const char *value, char out[32], duban_error *err)
{
    while (*value && isspace((unsigned char)*value))
        value++;
    size_t n = strlen(value);
    while (n && isspace((unsigned char)value[n - 1]))
        n--;
    if (!n) {
        out[0] = '\0';
        return DUBAN_OK;
    }
    char buf[64];
    if (n >= sizeof buf)
        return duban_fail(err, DUBAN_EINVAL, "'%.40s...' is not a number", value);
    memcpy(buf, value, n);
    buf[n] = '\0';
    char *end;
    errno = 0;
    double x = strtod(buf, &end);
    if (*end || end == buf || errno || !isfinite(x) || !isdigit((unsigned char)buf[n - 1]))
        return duban_fail(err, DUBAN_EINVAL, "'%s' is not a number (write e.g. 9 or 1.5)", buf);
    target_format_number(x, out);
    return DUBAN_OK;
}

static int progress_in_tx(store *st, const edit_target *t, const char *field, const char *value,
                          const char *note, int64_t *hid, duban_error *err)
{
    history_new h = {t->plan_id, t->node_id, "edit", 0, field, t->value, value, note, 0, 0};
    int rc = edit_write_field(st, t->node_id, field, value, err);
    if (!rc)
        rc = edit_insert_history(st, &h, hid, err);
    if (!rc && *note)
        rc = edit_insert_note(st, t->node_id, *hid, NULL, note, err);
    return rc;
}

static int fill(edit_result *r, const edit_target *t, const char *field, const char *value,
                const char *note, int64_t hid)
{
    r->history_id = hid;
    r->node_id = t->node_id;
    r->changed = hid != 0;
    snprintf(r->ref, sizeof r->ref, "%s", t->ref);
    snprintf(r->field, sizeof r->field, "%s", field);
    r->old_value = duban_strdup(t->value);
    r->new_value = duban_strdup(value);
    r->note = duban_strdup(note);
    return r->old_value && r->new_value && r->note ? DUBAN_OK : DUBAN_ENOMEM;
}

static int record_progress(store *st, int64_t node_id, int seq, const char *value, const char *note,
                           edit_result *result, duban_error *err)
{
    char field[16];
    snprintf(field, sizeof field, "target.%d", seq);
    edit_target t;
    int rc = edit_load_target(st, node_id, field, &t, err);
    if (rc)
        return rc;
    int64_t hid = 0;
    if (strcmp(t.value, value) || *note) {
        if (!(rc = db_tx_begin(st, err))) {
            rc = progress_in_tx(st, &t, field, value, note, &hid, err);
            if (!rc)
                rc = db_tx_commit(st, err);
            if (rc)
                db_tx_rollback(st);
        }
    }
    if (!rc && fill(result, &t, field, value, note, hid))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    edit_target_free(&t);
    return rc;
}

int target_set_progress(store *st, int64_t node_id, const char *label, const char *value,
                        const char *note, edit_result *result, duban_error *err)
{
    memset(result, 0, sizeof *result);
    char num[32];
    const char *text = note ? note : "";
    while (*text && isspace((unsigned char)*text))
        text++;
    if (edit_check_text("label", label, 0, err) || edit_check_text("note", text, 1, err))
        return DUBAN_EINVAL;
    char *trimmed_note = duban_strdup(text);
    if (!trimmed_note)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    for (size_t n = strlen(trimmed_note); n && isspace((unsigned char)trimmed_note[n - 1]);)
        trimmed_note[--n] = '\0';
    target_list l;
    size_t idx = 0;
    int rc = normalise_value(value ? value : "", num, err);
    if (!rc)
        rc = node_targets(st, node_id, &l, err);
    else
        memset(&l, 0, sizeof l);
    if (!rc)
        rc = target_find(&l, label, &idx, err);
    if (!rc)
        rc = record_progress(st, node_id, l.v[idx].seq, num, trimmed_note, result, err);
    target_list_free(&l);
    free(trimmed_note);
    return rc;
}

static int plan_has_targets(store *st, int64_t plan_id, int *has, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st,
                   "SELECT EXISTS (SELECT 1 FROM target t JOIN node n ON n.id = t.node_id"
                   " WHERE n.plan_id = ?)",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    int rc = sqlite3_step(stmt);
    *has = rc == SQLITE_ROW && sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot read targets");
}

int target_rescan_plan(store *st, int64_t plan_id, int *added, duban_error *err)
{
    int has = 0, count = 0;
    if (added)
        *added = 0;
    int rc = plan_has_targets(st, plan_id, &has, err);
    if (rc || has)
        return rc;
    node_list nodes;
    if ((rc = node_all(st, plan_id, &nodes, err)))
        return rc;
    if (!(rc = db_tx_begin(st, err))) {
        for (size_t i = 0; !rc && i < nodes.n; i++)
            rc = target_store_node(st, nodes.v[i].id, nodes.v[i].title, nodes.v[i].body, &count,
                                   err);
        if (!rc)
            rc = db_tx_commit(st, err);
        if (rc)
            db_tx_rollback(st);
    }
    node_list_free(&nodes);
    if (!rc && added)
        *added = count;
    return rc;
}
