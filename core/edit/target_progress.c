/* target_progress.c - a target's progress as an edit: its value read and
 * written as the history field "target.N", recorded like any other edit
 * (see target.h's target_set_progress and edit_internal.h). */
#include "edit/edit_internal.h"

#include "plan/target.h"
#include "store/store_internal.h"
#include "store/target_internal.h"
#include "base/strbuf.h"
#include "text/utf8.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* A plain decimal number as people write one: an optional sign, digits,
 * an optional fraction ("9", "-2", "1.5"); not hexadecimal (0x10) or an
 * exponent (1e5), which strtod() would take. */
static int plain_decimal(const char *s)
{
    if (*s == '-' || *s == '+')
        s++;
    size_t whole = strspn(s, "0123456789");
    if (!whole)
        return 0;
    s += whole;
    if (*s == '.')
        s++, whole = strspn(s, "0123456789"), s += whole;
    return *s == '\0' && whole;
}

/* The largest value kept: 15 significant digits print back as written. */
#define PROGRESS_MAX 1e15

/* Normalises a progress value: trimmed; "" or a plain decimal number
 * (plain_decimal), rewritten as target_format_number() writes it. */
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
    char *end = buf;
    errno = 0;
    double x = plain_decimal(buf) ? strtod(buf, &end) : 0;
    if (end == buf || *end || errno || !isfinite(x))
        return duban_fail(err, DUBAN_EINVAL, "'%s' is not a number (write e.g. 9 or 1.5)", buf);
    if (fabs(x) >= PROGRESS_MAX)
        return duban_fail(err, DUBAN_EINVAL, "'%s' is too large for a target's value", buf);
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
