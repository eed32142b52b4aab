/* edit.c - one edit = one transaction = one history row. */
#include "edit/edit.h"

#include "edit/edit_internal.h"
#include "store/store_internal.h"
#include "store/target_internal.h"
#include "base/strbuf.h"
#include "text/utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const field_names[] = {"status",    "due",   "unit", "leader", "note",
                                          "extension", "title", "body", "state"};

const char *edit_field_name(edit_field f)
{
    return (unsigned)f < sizeof field_names / sizeof field_names[0] ? field_names[f] : "?";
}

int edit_field_is_value(const char *field)
{
    static const char *const values[] = {"status", "due", "unit", "leader", "extension"};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
        if (!strcmp(field, values[i]))
            return 1;
    return target_field_seq(field) > 0;
}

int edit_field_is_register(const char *field)
{
    static const char *const more[] = {"title", "body", "state", "plan.title", "plan.period"};
    for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
        if (!strcmp(field, more[i]))
            return 1;
    return !strncmp(field, "ms.", 3) || edit_field_is_value(field);
}

int edit_field_parse(const char *name, edit_field *f)
{
    for (size_t i = 0; i < sizeof field_names / sizeof field_names[0]; i++)
        if (!strcmp(name, field_names[i])) {
            *f = (edit_field)i;
            return 0;
        }
    return -1;
}

void edit_result_free(edit_result *r)
{
    free(r->old_value);
    free(r->new_value);
    free(r->note);
    memset(r, 0, sizeof *r);
}

/* Heap copy of s without leading/trailing ASCII white space. */
static char *trimmed(const char *s)
{
    while (*s && isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    char *t = malloc(n + 1);
    if (t) {
        memcpy(t, s, n);
        t[n] = '\0';
    }
    return t;
}

static int status_error(store *st, const char *value, duban_error *err)
{
    strbuf sb = {0};
    const status_set *set = store_statuses(st);
    for (size_t i = 0; i < set->n; i++)
        strbuf_printf(&sb, "%s%s (%zu, %s)", i ? ", " : "", set->v[i].name, i + 1, set->v[i].key);
    duban_fail(err, DUBAN_EINVAL, "unknown status '%s': use one of %s", value, strbuf_str(&sb));
    strbuf_free(&sb);
    return DUBAN_EINVAL;
}

int edit_check_text(const char *what, const char *s, int multiline, duban_error *err)
{
    size_t n = strlen(s), bad = 0, max = multiline ? EDIT_NOTE_MAX : EDIT_TEXT_MAX;
    /* Control characters are kept: every output shows them escaped. */
    if (!utf8_valid(s, n, &bad))
        return duban_fail(err, DUBAN_EINVAL, "%s: value is not valid UTF-8 (byte %zu)", what,
                          bad + 1);
    if (n > max)
        return duban_fail(err, DUBAN_EINVAL, "%s: value is %zu bytes long; at most %zu", what, n,
                          max);
    return DUBAN_OK;
}

int edit_check_title(const char *value, char **out, duban_error *err)
{
    *out = NULL;
    if (!utf8_valid(value, strlen(value), NULL))
        return duban_fail(err, DUBAN_EINVAL, "title: not valid UTF-8");
    char *t = trimmed(value);
    if (!t)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    size_t chars = 0;
    int ctrl = 0;
    for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
        chars += (*p & 0xC0) != 0x80;
        ctrl |= *p < 0x20 || *p == 0x7F;
    }
    const char *why = !*t                      ? "a title must not be empty"
                      : ctrl                   ? "a title is one line without control characters"
                      : chars > EDIT_TITLE_MAX ? "a title is at most 500 characters"
                                               : NULL;
    if (why) {
        free(t);
        return duban_fail(err, DUBAN_EINVAL, "%s", why);
    }
    *out = t;
    return DUBAN_OK;
}

/* Checks and normalises value for field; *out is a heap string. */
static int normalise(store *st, edit_field field, const char *value, char **out, duban_error *err)
{
    /* titles have their own rule (edit_check_title), a body is long text */
    int bounded = field == FIELD_UNIT || field == FIELD_LEADER || field == FIELD_NOTE;
    if (bounded && edit_check_text(edit_field_name(field), value, field == FIELD_NOTE, err))
        return DUBAN_EINVAL;
    if (!bounded && !utf8_valid(value, strlen(value), NULL))
        return duban_fail(err, DUBAN_EINVAL, "%s: value is not valid UTF-8",
                          edit_field_name(field));
    if (field == FIELD_STATUS) {
        const status_def *d = status_lookup(store_statuses(st), value);
        if (!d)
            return status_error(st, value, err);
        *out = duban_strdup(d->key);
    } else if (field == FIELD_DUE || (field == FIELD_EXTENSION && *value)) {
        if (date_parse(value, NULL, err))
            return DUBAN_EINVAL;
        *out = duban_strdup(value);
    } else if (field == FIELD_TITLE) {
        return edit_check_title(value, out, err);
    } else if (field == FIELD_STATE) {
        if (*value && strcmp(value, "cancelled"))
            return duban_fail(err, DUBAN_EINVAL, "state: '%s' is not 'cancelled' or ''", value);
        *out = duban_strdup(value);
    } else {
        *out = trimmed(value);
        if (*out && field == FIELD_NOTE && !**out) {
            free(*out);
            *out = NULL;
            return duban_fail(err, DUBAN_EINVAL, "a note must not be empty");
        }
    }
    return *out ? DUBAN_OK : duban_fail(err, DUBAN_ENOMEM, "out of memory");
}

static int fill_result(edit_result *r, int64_t hid, const edit_target *t, const char *field,
                       const char *old_value, const char *new_value, const char *note_text)
{
    r->history_id = hid;
    r->node_id = t->node_id;
    snprintf(r->ref, sizeof r->ref, "%s", t->ref);
    snprintf(r->field, sizeof r->field, "%s", field);
    r->old_value = duban_strdup(old_value);
    r->new_value = duban_strdup(new_value);
    r->note = duban_strdup(note_text ? note_text : "");
    return r->old_value && r->new_value && r->note ? DUBAN_OK : DUBAN_ENOMEM;
}

static int apply_in_tx(store *st, const edit_target *t, edit_field field, const char *value,
                       const char *note_text, int64_t *hid, duban_error *err)
{
    const char *fname = edit_field_name(field);
    history_new h = {t->plan_id, t->node_id, "edit", 0, fname, "", value, note_text, 0, 0};
    if (field != FIELD_NOTE) {
        h.old_value = t->value;
        if (edit_write_field(st, t->node_id, fname, value, err))
            return DUBAN_EDB;
    } else {
        h.note = "";
    }
    if (edit_insert_history(st, &h, hid, err))
        return DUBAN_EDB;
    const char *progress = field == FIELD_NOTE ? value : note_text;
    if (progress && *progress)
        return edit_insert_note(st, t->node_id, *hid, NULL, progress, err);
    return DUBAN_OK;
}

/* The item is read inside the edit's write transaction: the history
 * row's old value is the one the edit replaces, whatever another program
 * wrote a moment before, and the edit opens one transaction, not a read
 * and then a write.  An edit that changes nothing writes nothing. */
int edit_apply(store *st, int64_t node_id, edit_field field, const char *value, const char *note,
               edit_result *result, duban_error *err)
{
    memset(result, 0, sizeof *result);
    edit_target t = {0};
    char *val = NULL, *note_text = NULL;
    int rc = db_tx_begin(st, err);
    if (rc)
        return rc;
    rc = edit_load_target(st, node_id, field == FIELD_NOTE ? "status" : edit_field_name(field), &t,
                          err);
    if (!rc)
        rc = normalise(st, field, value ? value : "", &val, err);
    if (!rc && !(note_text = trimmed(note ? note : "")))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    if (!rc && note_text)
        rc = edit_check_text("note", note_text, 1, err);
    if (!rc && field == FIELD_STATE && !strcmp(t.value, "removed"))
        rc = duban_fail(err, DUBAN_ENOTFOUND, "no item with id %lld", (long long)node_id);
    const char *old = field == FIELD_NOTE ? "" : t.value;
    int64_t hid = 0;
    int unchanged = !rc && field != FIELD_NOTE && !strcmp(old, val) && !*note_text;
    if (!rc && !unchanged)
        rc = apply_in_tx(st, &t, field, val, note_text, &hid, err);
    if (!rc && !unchanged)
        rc = db_tx_commit(st, err);
    if (rc || unchanged)
        db_tx_rollback(st);
    if (!rc) {
        rc = fill_result(result, hid, &t, edit_field_name(field), old, val, note_text);
        result->changed = !unchanged;
    }
    edit_target_free(&t);
    free(val);
    free(note_text);
    return rc;
}
