/* plan_status.c - the status set stored with each plan (plan_status.h). */
#include "store/plan_status.h"

#include "base/strbuf.h"
#include "store/store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Appends s with tabs and newlines made spaces. */
static int put_field(strbuf *sb, const char *s, char sep)
{
    int rc = 0;
    for (; *s; s++)
        rc |= strbuf_appendc(sb, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
    return rc | strbuf_appendc(sb, sep);
}

char *status_set_serialize(const status_set *set)
{
    strbuf sb = {0};
    int rc = 0;
    for (size_t i = 0; i < set->n; i++) {
        const status_def *d = &set->v[i];
        rc |= put_field(&sb, d->key, '\t') | put_field(&sb, d->name, '\t') |
              put_field(&sb, d->glyph, '\t') | put_field(&sb, d->color, '\t');
        rc |= strbuf_printf(&sb, "%d\t%d\t%s\n", d->shortcut, d->done ? 1 : 0,
                            status_role_name((enum status_role)d->role));
    }
    char *out = rc ? NULL : duban_strdup(strbuf_str(&sb));
    strbuf_free(&sb);
    return out;
}

static void copy_field(char *dst, size_t n, const char *src, size_t len)
{
    len = len < n - 1 ? len : n - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
}

int status_set_parse(const char *text, status_set *out)
{
    memset(out, 0, sizeof *out);
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        const char *f[7];
        size_t fl[7], nf = 0;
        const char *p = line;
        while (nf < 7) {
            const char *tab = memchr(p, '\t', len - (size_t)(p - line));
            f[nf] = p;
            fl[nf++] = tab ? (size_t)(tab - p) : len - (size_t)(p - line);
            if (!tab)
                break;
            p = tab + 1;
        }
        if (nf < 6 || out->n == STATUS_MAX || !fl[0])
            return -1;
        status_def *d = &out->v[out->n++];
        copy_field(d->key, sizeof d->key, f[0], fl[0]);
        copy_field(d->name, sizeof d->name, f[1], fl[1]);
        copy_field(d->glyph, sizeof d->glyph, f[2], fl[2]);
        copy_field(d->color, sizeof d->color, f[3], fl[3]);
        d->shortcut = atoi(f[4]);
        d->done = f[5][0] == '1';
        char role[16] = "none";
        enum status_role r = STATUS_ROLE_NONE;
        if (nf == 7)
            copy_field(role, sizeof role, f[6], fl[6]);
        if (status_role_parse(role, &r))
            return -1;
        d->role = (int)r;
        line = end ? end + 1 : line + len;
    }
    return out->n ? 0 : -1;
}

static int sets_equal(const status_set *a, const status_set *b)
{
    char *x = status_set_serialize(a), *y = status_set_serialize(b);
    int eq = x && y && !strcmp(x, y);
    free(x);
    free(y);
    return eq;
}

static int write_set(store *st, int64_t plan_id, const status_set *set, duban_error *err)
{
    char *text = status_set_serialize(set);
    if (!text)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    sqlite3_stmt *s;
    int rc = db_prepare(st, "UPDATE plan SET statuses = ? WHERE id = ?", &s, err);
    if (!rc) {
        sqlite3_bind_text(s, 1, text, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 2, plan_id);
        int step = sqlite3_step(s);
        sqlite3_finalize(s);
        /* A read-only database: use the set, record it another time. */
        rc = step == SQLITE_DONE || step == SQLITE_READONLY
                 ? DUBAN_OK
                 : db_fail(st, err, DUBAN_EDB, "cannot record the plan's statuses");
    }
    free(text);
    return rc;
}

/* DUBAN_EINVAL when items of the plan use a status of old that new lacks. */
static int check_dropped(store *st, int64_t plan_id, const status_set *old, const status_set *new,
                         duban_error *err)
{
    for (size_t i = 0; i < old->n; i++) {
        if (status_by_key(new, old->v[i].key))
            continue;
        sqlite3_stmt *s;
        if (db_prepare(st,
                       "SELECT count(*) FROM node WHERE plan_id = ? AND status = ?"
                       " AND depth >= 2 AND state <> 'removed'",
                       &s, err))
            return DUBAN_EDB;
        sqlite3_bind_int64(s, 1, plan_id);
        sqlite3_bind_text(s, 2, old->v[i].key, -1, SQLITE_STATIC);
        int n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
        sqlite3_finalize(s);
        if (n)
            return duban_fail(err, DUBAN_EINVAL,
                              "status '%s' (%s) is used by %d item%s of this plan but is not in "
                              "the configuration; keep [status.%s] or change those items first",
                              old->v[i].key, old->v[i].name, n, n == 1 ? "" : "s", old->v[i].key);
    }
    return DUBAN_OK;
}

int store_use_plan_statuses(store *st, int64_t plan_id, const status_set *configured,
                            int user_defined, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st, "SELECT statuses FROM plan WHERE id = ?", &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, plan_id);
    char *text = sqlite3_step(s) == SQLITE_ROW ? db_text(s, 0) : duban_strdup("");
    sqlite3_finalize(s);
    if (!text)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    status_set stored;
    int have = *text && !status_set_parse(text, &stored);
    free(text);
    int rc = DUBAN_OK;
    if (!have) {
        rc = write_set(st, plan_id, configured, err);
        store_set_statuses(st, configured);
    } else if (!user_defined || sets_equal(&stored, configured)) {
        store_set_statuses(st, &stored);
    } else if (!(rc = check_dropped(st, plan_id, &stored, configured, err))) {
        rc = write_set(st, plan_id, configured, err);
        store_set_statuses(st, configured);
    }
    return rc;
}
