/* export.c - the rows another replica lacks, as a change file. */
#include "sync/sync_internal.h"

#include "base/list.h"
#include "edit/edit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sync_field_in_format1(const char *field)
{
    return !strcmp(field, "note") || edit_field_is_value(field);
}

int sync_field_exchanged(const char *field)
{
    static const char *const plain[] = {"title", "body",       "state",      "place",
                                        "order", "plan.title", "plan.period"};
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
        if (!strcmp(field, plain[i]))
            return 1;
    if (!strncmp(field, "note.", 5) && field[5])
        return 1;
    if (!strncmp(field, "ms.", 3)) {
        const char *dot = strrchr(field, '.');
        return dot > field + 3 &&
               (!strcmp(dot, ".due") || !strcmp(dot, ".done") || !strcmp(dot, ".state"));
    }
    return sync_field_in_format1(field);
}

/* Is this row an addition (of an item: field state; of a milestone:
 * ms.N.state)? */
static int is_addition(const sync_row *r, int *ms)
{
    *ms = !strncmp(r->field, "ms.", 3);
    return !strcmp(r->action, "edit") && !strcmp(r->old_value, "removed") && !*r->new_value &&
           (!strcmp(r->field, "state") ||
            (*ms && strlen(r->field) > 9 && !strcmp(r->field + strlen(r->field) - 6, ".state")));
}

/* What the addition in row r (about node_id; local field) put in place. */
static int load_added(store *st, int64_t node_id, const sync_row *r, const char *place,
                      change_file *cf, duban_error *err)
{
    int ms, n = 0;
    if (!is_addition(r, &ms))
        return DUBAN_OK;
    sqlite3_stmt *s;
    int rc = ms ? db_prepare(st,
                             "SELECT 'ms', '', phrase, '', '', due, '', '', '' FROM milestone"
                             " WHERE node_id = ?1 AND hkey = ?2",
                             &s, err)
                : db_prepare(st,
                             "SELECT 'node', coalesce(?3, coalesce(p.gid, '0') || ' ' || n.seq"
                             " || ' ' || CASE WHEN p.id IS NULL THEN n.sort_key ELSE"
                             " substr(n.sort_key, length(p.sort_key) + 1) END), n.title, n.body,"
                             " n.status, n.due, n.unit, n.leader, n.extended_due FROM node n"
                             " LEFT JOIN node p ON p.id = n.parent_id WHERE n.id = ?1",
                             &s, err);
    if (rc)
        return DUBAN_EDB;
    if (ms)
        sscanf(r->field, "ms.%d.", &n);
    sqlite3_bind_int64(s, 1, node_id);
    sqlite3_bind_int(s, 2, n);
    if (place)
        sqlite3_bind_text(s, 3, place, -1, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_ROW) {
        sqlite3_finalize(s);
        return db_fail(st, err, DUBAN_EDB, "cannot read an addition");
    }
    sync_added *v = realloc(cf->added, (cf->nadded + 1) * sizeof *v);
    if (!v) {
        sqlite3_finalize(s);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    cf->added = v;
    sync_added *a = &v[cf->nadded++];
    memset(a, 0, sizeof *a);
    memcpy(a->gid, r->gid, SYNC_ID_LEN);
    char **f[] = {&a->kind, &a->place, &a->title,  &a->body, &a->status,
                  &a->due,  &a->unit,  &a->leader, &a->ext};
    for (int i = 0; i < 9; i++)
        if (!(*f[i] = db_text(s, i)))
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    sqlite3_finalize(s);
    return rc;
}

static int read_row(sqlite3_stmt *s, sync_row *r)
{
    memset(r, 0, sizeof *r);
    char **text[] = {&r->gid,        &r->origin,    NULL,    NULL,       &r->prev_gid,
                     &r->target_gid, &r->node_gid,  &r->at,  &r->action, &r->field,
                     &r->old_value,  &r->new_value, &r->note};
    for (int i = 0; i < 13; i++)
        if (text[i] && !(*text[i] = db_text(s, i)))
            return -1;
    r->seq = sqlite3_column_int64(s, 2);
    r->hlc = sqlite3_column_int64(s, 3);
    r->node_hlc = sqlite3_column_int64(s, 13);
    return 0;
}

/* A row read before the rows are put in clock order, with what its
 * addition and its translation still need. */
typedef struct pending_row {
    sync_row r;
    int64_t node_id;
    char *place; /* sync_added's, NULL when none */
} pending_row;

static int by_clock(const void *a, const void *b)
{
    const sync_row *x = &((const pending_row *)a)->r, *y = &((const pending_row *)b)->r;
    if (x->hlc != y->hlc)
        return x->hlc < y->hlc ? -1 : 1;
    return strcmp(x->origin, y->origin);
}

/* The plan's rows of each origin past what `from` holds of it (one range
 * of history_gid's (origin, seq) an origin), into *out. */
static int read_new_rows(store *st, int64_t plan_id, const sync_seen *from, size_t nfrom,
                         pending_row **out, size_t *n, duban_error *err)
{
    sqlite3_stmt *o = NULL, *s = NULL;
    size_t cap = 0;
    if (db_prepare(st, SYNC_ORIGINS_SQL, &o, err) ||
        db_prepare(st,
                   "SELECT g.gid, g.origin, g.seq, g.hlc, coalesce(g.prev_gid, ''),"
                   " coalesce(t.gid, ''), n.gid, h.at, h.action, h.field, h.old_value,"
                   " h.new_value, h.note, g.node_hlc, h.node_id, a.place FROM history_gid g"
                   " JOIN history h ON h.id = g.history_id JOIN node n ON n.id = h.node_id"
                   " LEFT JOIN history_gid t ON t.history_id = h.target_id"
                   " LEFT JOIN sync_added a ON a.history_id = h.id"
                   " WHERE g.origin = ?2 AND g.seq > ?3 AND h.plan_id = ?1",
                   &s, err)) {
        sqlite3_finalize(o);
        return DUBAN_EDB;
    }
    int rc = SQLITE_DONE, oom = 0;
    while (!oom && rc == SQLITE_DONE && (rc = sqlite3_step(o)) == SQLITE_ROW) {
        const char *origin = (const char *)sqlite3_column_text(o, 0);
        sqlite3_reset(s);
        sqlite3_bind_int64(s, 1, plan_id);
        sqlite3_bind_text(s, 2, origin, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(s, 3, sync_seen_lookup(from, nfrom, origin));
        while (!oom && (rc = sqlite3_step(s)) == SQLITE_ROW) {
            if ((oom = ARRAY_GROW(*out, cap, *n + 1) != 0))
                break;
            pending_row *p = &(*out)[(*n)++];
            p->node_id = sqlite3_column_int64(s, 14);
            p->place = duban_strdup((const char *)sqlite3_column_text(s, 15));
            oom = read_row(s, &p->r) || (!p->place && sqlite3_column_type(s, 15) != SQLITE_NULL);
        }
    }
    sqlite3_finalize(o);
    sqlite3_finalize(s);
    if (oom)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    return rc == SQLITE_DONE ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot read history");
}

/* The plan's rows after `from`, oldest clock first: only the rows past
 * `from`, origin by origin, then sorted (reading the whole history and
 * sorting it took seconds at 1,000,000 rows for one new edit). */
static int load_rows(store *st, int64_t plan_id, const sync_seen *from, size_t nfrom,
                     change_file *cf, duban_error *err)
{
    pending_row *p = NULL;
    size_t n = 0, done = 0;
    int rc = read_new_rows(st, plan_id, from, nfrom, &p, &n, err);
    if (!rc && n > 1)
        qsort(p, n, sizeof *p, by_clock);
    sync_xlate *x = NULL;
    if (!rc && n && !(cf->rows = calloc(n, sizeof *cf->rows)))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    if (!rc)
        rc = sync_xlate_open(st, plan_id, &x, err);
    for (; !rc && done < n; done++) { /* each row's ownership moves to cf */
        sync_row *r = &cf->rows[cf->nrows++];
        *r = p[done].r;
        if (load_added(st, p[done].node_id, r, p[done].place, cf, err) ||
            sync_xlate_out(x, p[done].node_id, r, err))
            rc = err ? err->code : DUBAN_EDB;
        free(p[done].place);
    }
    for (; done < n; done++) {
        sync_row_free(&p[done].r);
        free(p[done].place);
    }
    free(p);
    sync_xlate_close(x);
    return rc;
}

static int read_name(sqlite3_stmt *s, void *out)
{
    sync_name *nm = out;
    db_text_into(s, 0, nm->uuid, sizeof nm->uuid);
    return !(nm->name = db_text(s, 1));
}

static void release_name(void *elem)
{
    free(((sync_name *)elem)->name);
}

static int load_names(store *st, change_file *cf, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st, "SELECT uuid, name FROM replica WHERE name <> '' ORDER BY uuid", &s, err))
        return DUBAN_EDB;
    return db_collect(st, s, sizeof *cf->names, (void **)&cf->names, &cf->nnames, read_name,
                      release_name, err);
}

int sync_export_after(store *st, int64_t plan_id, const sync_seen *from, size_t nfrom, strbuf *out,
                      int *rows, duban_error *err)
{
    change_file cf = {.version = SYNC_FORMAT};
    sync_self self;
    int rc = sync_self_get(st, &self, err);
    if (!rc)
        rc = sync_plan_gid(st, plan_id, cf.plan_gid, err);
    if (!rc)
        rc = sync_seen_here(st, plan_id, &cf.seen, &cf.nseen, err);
    if (!rc && cf.nseen && !(cf.ranges = calloc(cf.nseen, sizeof *cf.ranges)))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    for (size_t i = 0; !rc && i < cf.nseen; i++) {
        sync_range *r = &cf.ranges[cf.nranges++];
        memcpy(r->origin, cf.seen[i].origin, SYNC_ID_LEN);
        r->to = cf.seen[i].seq;
        r->from = sync_seen_lookup(from, nfrom, r->origin);
        if (r->from > r->to)
            r->from = r->to;
    }
    if (!rc) {
        memcpy(cf.source, self.uuid, SYNC_ID_LEN);
        rc = load_rows(st, plan_id, from, nfrom, &cf, err);
    }
    if (!rc)
        rc = load_names(st, &cf, err);
    if (!rc)
        rc = change_file_encode(&cf, out, err);
    if (!rc && rows)
        *rows = (int)cf.nrows;
    change_file_free(&cf);
    return rc;
}

int sync_min_over_peers(store *st, int64_t plan_id, const char *plan_gid, sync_seen **from,
                        size_t *n, duban_error *err)
{
    int rc = sync_seen_here(st, plan_id, from, n, err);
    sqlite3_stmt *s = NULL;
    if (!rc)
        rc = db_prepare(st,
                        "SELECT min(coalesce((SELECT seq FROM sync_peer_seen p WHERE"
                        " p.plan_gid = ?1 AND p.replica = r.uuid AND p.origin = ?2), 0))"
                        " FROM replica r WHERE r.is_self = 0",
                        &s, err);
    for (size_t i = 0; !rc && i < *n; i++) {
        sqlite3_reset(s);
        sqlite3_bind_text(s, 1, plan_gid, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, (*from)[i].origin, -1, SQLITE_STATIC);
        if (sqlite3_step(s) != SQLITE_ROW)
            rc = db_fail(st, err, DUBAN_EDB, "cannot read peers");
        else /* NULL when no replica is known: everything */
            (*from)[i].seq = sqlite3_column_int64(s, 0);
    }
    sqlite3_finalize(s);
    return rc;
}

/* For each origin, its last row made before day `since`. */
static int before_day(store *st, int64_t plan_id, const char *since, sync_seen **from, size_t *n,
                      duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st,
                   "SELECT g.origin, coalesce(max(CASE WHEN h.at < ?2 THEN g.seq END), 0)"
                   " FROM history h JOIN history_gid g ON g.history_id = h.id"
                   " WHERE h.plan_id = ?1 GROUP BY g.origin ORDER BY 1",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, plan_id);
    sqlite3_bind_text(s, 2, since, -1, SQLITE_TRANSIENT);
    return sync_collect_seen(st, s, from, n, err);
}

int sync_export(store *st, int64_t plan_id, const char *peer, int all, const char *since,
                strbuf *out, int *rows, duban_error *err)
{
    char gid[SYNC_ID_LEN];
    sync_seen *from = NULL;
    size_t n = 0;
    store_watch(st, "导出修改 exporting changes", 0, 0);
    int rc = sync_plan_gid(st, plan_id, gid, err);
    if (!rc && since)
        rc = before_day(st, plan_id, since, &from, &n, err);
    else if (!rc && !all && peer)
        rc = sync_peer_seen(st, gid, peer, &from, &n, err);
    else if (!rc && !all)
        rc = sync_min_over_peers(st, plan_id, gid, &from, &n, err);
    if (!rc)
        rc = sync_export_after(st, plan_id, from, n, out, rows, err);
    store_watch(st, NULL, 0, 0);
    free(from);
    return rc;
}
