/* translate.c - structural history rows between local ids (as stored
 * here) and global ids (as they travel); see sync_internal.h. */
#include "sync/sync_internal.h"

#include "base/strbuf.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sync_xlate {
    store *st;
    int64_t plan_id;
    sqlite3_stmt *node_by_id, *node_by_gid, *hist_gid, *hist_id, *ms_add, *ms_field, *ms_next;
};

const char *sync_key_suffix(const char *key)
{
    const char *dot = strrchr(key, '.');
    return dot ? dot : key;
}

int sync_xlate_open(store *st, int64_t plan_id, sync_xlate **out, duban_error *err)
{
    sync_xlate *x = calloc(1, sizeof *x);
    *out = NULL;
    if (!x)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    x->st = st;
    x->plan_id = plan_id;
    if (db_prepare(st, "SELECT gid, sort_key FROM node WHERE id = ?", &x->node_by_id, err) ||
        db_prepare(st, "SELECT id, sort_key FROM node WHERE gid = ? AND plan_id = ?",
                   &x->node_by_gid, err) ||
        db_prepare(st, "SELECT gid FROM history_gid WHERE history_id = ?", &x->hist_gid, err) ||
        db_prepare(st, "SELECT history_id FROM history_gid WHERE gid = ?", &x->hist_id, err) ||
        db_prepare(st,
                   "SELECT g.gid FROM history h JOIN history_gid g ON g.history_id = h.id"
                   " WHERE h.node_id = ?1 AND h.field = ?2 AND h.action = 'edit'"
                   " AND h.old_value = 'removed' AND h.new_value = '' ORDER BY h.id LIMIT 1",
                   &x->ms_add, err) ||
        db_prepare(st,
                   "SELECT h.field FROM history h JOIN history_gid g ON g.history_id = h.id"
                   " WHERE g.gid = ?",
                   &x->ms_field, err) ||
        db_prepare(st, "SELECT coalesce(max(hkey), 0) + 1 FROM milestone WHERE node_id = ?",
                   &x->ms_next, err)) {
        sync_xlate_close(x);
        return DUBAN_EDB;
    }
    *out = x;
    return DUBAN_OK;
}

void sync_xlate_close(sync_xlate *x)
{
    if (!x)
        return;
    sqlite3_finalize(x->node_by_id);
    sqlite3_finalize(x->node_by_gid);
    sqlite3_finalize(x->hist_gid);
    sqlite3_finalize(x->hist_id);
    sqlite3_finalize(x->ms_add);
    sqlite3_finalize(x->ms_field);
    sqlite3_finalize(x->ms_next);
    free(x);
}

/* One text column of the first row of s (bound by the caller), or NULL. */
static int first_text(sqlite3_stmt *s, int col, char *out, size_t outsz)
{
    int rc = sqlite3_step(s) == SQLITE_ROW;
    if (rc)
        db_text_into(s, col, out, outsz);
    sqlite3_reset(s);
    return rc;
}

static int node_gid_key(sync_xlate *x, int64_t id, char *gid, char *key, size_t keysz)
{
    sqlite3_bind_int64(x->node_by_id, 1, id);
    int found = sqlite3_step(x->node_by_id) == SQLITE_ROW;
    if (found) {
        db_text_into(x->node_by_id, 0, gid, SYNC_ID_LEN);
        db_text_into(x->node_by_id, 1, key, keysz);
    }
    sqlite3_reset(x->node_by_id);
    return found;
}

static int node_id_key(sync_xlate *x, const char *gid, int64_t *id, char *key, size_t keysz)
{
    sqlite3_bind_text(x->node_by_gid, 1, gid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(x->node_by_gid, 2, x->plan_id);
    int found = sqlite3_step(x->node_by_gid) == SQLITE_ROW;
    if (found) {
        *id = sqlite3_column_int64(x->node_by_gid, 0);
        db_text_into(x->node_by_gid, 1, key, keysz);
    }
    sqlite3_reset(x->node_by_gid);
    return found;
}

/* One entry "A SEQ KEY" of a place or order value, translated: out:
 * A (a local id, 0 for none) -> gid, KEY -> its suffix; in: A (a gid or
 * 0) -> local id, SUFFIX -> the parent's key and the suffix (parent_key
 * NULL: A is the parent, else A is the child of parent_key's node). */
static int entry(sync_xlate *x, const char *e, int out, const char *parent_key, strbuf *sb)
{
    char a[64], rest[300];
    int seq = 0, used = 0;
    if (sscanf(e, "%63s %d %n", a, &seq, &used) < 2 || !used || strlen(e + used) >= sizeof rest)
        return -1;
    snprintf(rest, sizeof rest, "%s", e + used);
    char gid[SYNC_ID_LEN] = "0", key[256] = "";
    int64_t id = 0;
    if (out) {
        id = strtoll(a, NULL, 10);
        if (id && !node_gid_key(x, id, gid, key, sizeof key))
            return -1;
        return strbuf_printf(sb, "%s %d %s", gid, seq, sync_key_suffix(rest));
    }
    if (strcmp(a, "0") && (!sync_is_id(a) || !node_id_key(x, a, &id, key, sizeof key)))
        return -1;
    if (parent_key) /* an order entry: the key is under the order's node */
        snprintf(key, sizeof key, "%s", parent_key);
    else if (!id)
        key[0] = '\0';
    return strbuf_printf(sb, "%" PRId64 " %d %s%s", id, seq, key, rest);
}

/* A place or order value translated (entries separated by ';'). */
static char *value(sync_xlate *x, const char *v, int out, int order, const char *node_key)
{
    strbuf sb = {0};
    char *copy = duban_strdup(v), *save = NULL;
    int bad = !copy;
    for (char *e = copy ? strtok_r(copy, ";", &save) : NULL; e && !bad;
         e = strtok_r(NULL, ";", &save)) {
        if (sb.len && strbuf_appendc(&sb, ';'))
            bad = 1;
        if (!bad)
            bad = entry(x, e, out, order ? node_key : NULL, &sb) != 0;
    }
    free(copy);
    if (bad) {
        strbuf_free(&sb);
        return NULL;
    }
    char *r = strbuf_take(&sb);
    return r ? r : duban_strdup("");
}

/* "ms.N.rest" (N digits) or "ms.GID.rest"; *num is N or 0. */
static int ms_parts(const char *field, char *id, size_t idsz, const char **rest)
{
    const char *dot = strncmp(field, "ms.", 3) ? NULL : strchr(field + 3, '.');
    if (!dot || (size_t)(dot - field - 3) >= idsz || dot == field + 3)
        return -1;
    memcpy(id, field + 3, (size_t)(dot - field - 3));
    id[dot - field - 3] = '\0';
    *rest = dot + 1;
    return 0;
}

static int all_digits(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return 0;
    return 1;
}

static int field_out(sync_xlate *x, int64_t node_id, const char *field, char *out, size_t outsz)
{
    char id[40], gid[SYNC_ID_LEN];
    const char *rest;
    snprintf(out, outsz, "%s", field);
    if (!ms_parts(field, id, sizeof id, &rest) && all_digits(id)) {
        char state[64];
        snprintf(state, sizeof state, "ms.%s.state", id);
        sqlite3_bind_int64(x->ms_add, 1, node_id);
        sqlite3_bind_text(x->ms_add, 2, state, -1, SQLITE_TRANSIENT);
        if (first_text(x->ms_add, 0, gid, sizeof gid))
            snprintf(out, outsz, "ms.%s.%s", gid, rest);
    } else if (!strncmp(field, "note.", 5) && all_digits(field + 5)) {
        sqlite3_bind_int64(x->hist_gid, 1, strtoll(field + 5, NULL, 10));
        if (first_text(x->hist_gid, 0, gid, sizeof gid))
            snprintf(out, outsz, "note.%s", gid);
    }
    return 0;
}

int sync_xlate_out(sync_xlate *x, int64_t node_id, sync_row *r, duban_error *err)
{
    char f[96];
    field_out(x, node_id, r->field, f, sizeof f);
    if (strcmp(f, r->field)) {
        char *nf = duban_strdup(f);
        if (!nf)
            return duban_fail(err, DUBAN_ENOMEM, "out of memory");
        free(r->field);
        r->field = nf;
    }
    int order = !strcmp(r->field, "order");
    if (!order && strcmp(r->field, "place"))
        return DUBAN_OK;
    char *o = value(x, r->old_value, 1, order, NULL), *n = value(x, r->new_value, 1, order, NULL);
    if (!o || !n) {
        free(o);
        free(n);
        return duban_fail(err, DUBAN_EDB, "cannot read the places of history row %.8s", r->gid);
    }
    free(r->old_value);
    free(r->new_value);
    r->old_value = o;
    r->new_value = n;
    return DUBAN_OK;
}

static int field_in(sync_xlate *x, int64_t node_id, const sync_row *r, char *out, size_t outsz,
                    int *ms_new)
{
    char id[40];
    const char *rest;
    *ms_new = 0;
    snprintf(out, outsz, "%s", r->field);
    if (!ms_parts(r->field, id, sizeof id, &rest) && sync_is_id(id)) {
        char local[64] = "";
        sqlite3_bind_text(x->ms_field, 1, id, -1, SQLITE_TRANSIENT);
        int n = 0;
        if (first_text(x->ms_field, 0, local, sizeof local) &&
            sscanf(local, "ms.%d.state", &n) == 1 && n > 0) {
            snprintf(out, outsz, "ms.%d.%s", n, rest);
            return 0;
        }
        /* not here: only the row adding it may bring it */
        if (strcmp(id, r->gid) || strcmp(rest, "state") || strcmp(r->action, "edit") ||
            strcmp(r->old_value, "removed") || *r->new_value)
            return -1;
        sqlite3_bind_int64(x->ms_next, 1, node_id);
        if (sqlite3_step(x->ms_next) == SQLITE_ROW)
            n = sqlite3_column_int(x->ms_next, 0);
        sqlite3_reset(x->ms_next);
        *ms_new = n;
        snprintf(out, outsz, "ms.%d.state", n);
        return n > 0 ? 0 : -1;
    }
    if (!strncmp(r->field, "note.", 5) && sync_is_id(r->field + 5)) {
        sqlite3_bind_text(x->hist_id, 1, r->field + 5, -1, SQLITE_TRANSIENT);
        int found = sqlite3_step(x->hist_id) == SQLITE_ROW;
        if (found)
            snprintf(out, outsz, "note.%lld", (long long)sqlite3_column_int64(x->hist_id, 0));
        sqlite3_reset(x->hist_id);
        return found ? 0 : -1;
    }
    return 0;
}

int sync_xlate_in(sync_xlate *x, int64_t node_id, const sync_row *r, char **field, char **old_value,
                  char **new_value, int *ms_new, duban_error *err)
{
    char f[96];
    *field = *old_value = *new_value = NULL;
    if (field_in(x, node_id, r, f, sizeof f, ms_new))
        return duban_fail(err, DUBAN_EPARSE, "an edit of %s, which this replica does not hold",
                          r->field);
    int order = !strcmp(f, "order"), place = !strcmp(f, "place");
    char gid[SYNC_ID_LEN], key[256] = "";
    if (order && !node_gid_key(x, node_id, gid, key, sizeof key))
        return duban_fail(err, DUBAN_EPARSE, "an order of an item not here");
    *field = duban_strdup(f);
    *old_value =
        order || place ? value(x, r->old_value, 0, order, key) : duban_strdup(r->old_value);
    *new_value =
        order || place ? value(x, r->new_value, 0, order, key) : duban_strdup(r->new_value);
    if (*field && *old_value && *new_value)
        return DUBAN_OK;
    free(*field);
    free(*old_value);
    free(*new_value);
    *field = *old_value = *new_value = NULL;
    return duban_fail(err, DUBAN_EPARSE, "a place that names an item not here");
}
