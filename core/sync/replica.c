/* replica.c - this replica's identity, the replicas it knows and what
 * each holds (seen vectors), clone and reidentify. */
#include "sync/sync_internal.h"

#include "text/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sync_self_get(store *st, sync_self *out, duban_error *err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt;
    if (db_prepare(st, "SELECT uuid, name FROM replica WHERE is_self = 1", &stmt, err))
        return DUBAN_EDB;
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        db_text_into(stmt, 0, out->uuid, sizeof out->uuid);
        db_text_into(stmt, 1, out->name, sizeof out->name);
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot read replica");
}

void sync_display_name(const char *uuid, const char *name, char *out, size_t outsz)
{
    if (name && *name)
        snprintf(out, outsz, "%s", name);
    else
        snprintf(out, outsz, "%.8s", uuid);
}

static int check_name(const char *name, duban_error *err)
{
    size_t n = strlen(name);
    if (!n || n >= 128 || !utf8_valid(name, n, NULL) || strpbrk(name, "\n\r\t") || name[0] == ' ' ||
        name[n - 1] == ' ')
        return duban_fail(err, DUBAN_EINVAL,
                          "a replica's name must be one line of 1 to 127 bytes without "
                          "leading or trailing spaces");
    return DUBAN_OK;
}

int sync_self_rename(store *st, const char *name, duban_error *err)
{
    if (check_name(name, err))
        return DUBAN_EINVAL;
    sqlite3_stmt *stmt;
    if (db_prepare(st, "UPDATE replica SET name = ? WHERE is_self = 1", &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot name replica");
}

int sync_replica_note(store *st, const char *uuid, const char *name, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st,
                   "INSERT INTO replica(uuid, name) VALUES (?1, ?2) ON CONFLICT(uuid) DO UPDATE"
                   " SET name = excluded.name WHERE is_self = 0 AND excluded.name <> ''",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_text(stmt, 1, uuid, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, name ? name : "", -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot record replica");
}

int sync_plan_gid(store *st, int64_t plan_id, char gid[SYNC_ID_LEN], duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st, "SELECT gid FROM plan WHERE id = ?", &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        db_text_into(stmt, 0, gid, SYNC_ID_LEN);
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW ? DUBAN_OK : duban_fail(err, DUBAN_ENOTFOUND, "no such plan");
}

static int read_seen(sqlite3_stmt *stmt, void *out)
{
    sync_seen *v = out;
    db_text_into(stmt, 0, v->origin, SYNC_ID_LEN);
    v->seq = sqlite3_column_int64(stmt, 1);
    return 0;
}

int sync_collect_seen(store *st, sqlite3_stmt *stmt, sync_seen **out, size_t *n, duban_error *err)
{
    return db_collect(st, stmt, sizeof **out, (void **)out, n, read_seen, db_release_nothing, err);
}

int sync_seen_here(store *st, int64_t plan_id, sync_seen **out, size_t *n, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st,
                   "SELECT origin, seq FROM (SELECT o.origin AS origin, (SELECT g.seq FROM"
                   " history_gid g JOIN history h ON h.id = g.history_id WHERE g.origin = o.origin"
                   " AND h.plan_id = ?1 ORDER BY g.seq DESC LIMIT 1) AS seq FROM (" SYNC_ORIGINS_SQL
                   ") o) WHERE seq IS NOT NULL ORDER BY 1",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    return sync_collect_seen(st, stmt, out, n, err);
}

int sync_peer_seen(store *st, const char *plan_gid, const char *peer, sync_seen **out, size_t *n,
                   duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st,
                   "SELECT origin, seq FROM sync_peer_seen WHERE plan_gid = ? AND replica = ?"
                   " ORDER BY 1",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_text(stmt, 1, plan_gid, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, peer, -1, SQLITE_STATIC);
    return sync_collect_seen(st, stmt, out, n, err);
}

int sync_peer_record(store *st, const char *plan_gid, const char *peer, const sync_seen *seen,
                     size_t n, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st,
                   "INSERT INTO sync_peer_seen(plan_gid, replica, origin, seq) VALUES (?,?,?,?)"
                   " ON CONFLICT DO UPDATE SET seq = max(seq, excluded.seq)",
                   &stmt, err))
        return DUBAN_EDB;
    int rc = SQLITE_DONE;
    for (size_t i = 0; rc == SQLITE_DONE && i < n; i++) {
        sqlite3_reset(stmt);
        sqlite3_bind_text(stmt, 1, plan_gid, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 2, peer, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 3, seen[i].origin, -1, SQLITE_STATIC);
        sqlite3_bind_int64(stmt, 4, seen[i].seq);
        rc = sqlite3_step(stmt);
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot record peer");
}

int64_t sync_seen_lookup(const sync_seen *v, size_t n, const char *origin)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i].origin, origin))
            return v[i].seq;
    return 0;
}

/* Both sides of a clone record that the other holds what they hold. */
static int record_all_plans(store *st, const char *peer, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st, "SELECT id, gid FROM plan", &stmt, err))
        return DUBAN_EDB;
    int rc = DUBAN_OK;
    while (!rc && sqlite3_step(stmt) == SQLITE_ROW) {
        char gid[SYNC_ID_LEN];
        db_text_into(stmt, 1, gid, sizeof gid);
        sync_seen *seen;
        size_t n;
        rc = sync_seen_here(st, sqlite3_column_int64(stmt, 0), &seen, &n, err);
        if (!rc)
            rc = sync_peer_record(st, gid, peer, seen, n, err);
        if (!rc)
            free(seen);
    }
    sqlite3_finalize(stmt);
    return rc;
}

static int exec_text(store *st, const char *sql, const char *a, const char *b, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st, sql, &stmt, err))
        return DUBAN_EDB;
    if (a)
        sqlite3_bind_text(stmt, 1, a, -1, SQLITE_STATIC);
    if (b)
        sqlite3_bind_text(stmt, 2, b, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot update replica");
}

/* A new identity for this replica; the old one stays as a known replica. */
static int new_identity(store *st, const char *name, duban_error *err)
{
    char now[32];
    db_now(st, now);
    int rc = exec_text(st, "UPDATE replica SET is_self = 0, last_exchange = ?1 WHERE is_self = 1",
                       now, NULL, err);
    if (!rc)
        rc = exec_text(st,
                       "INSERT INTO replica(uuid, name, is_self, last_exchange)"
                       " VALUES (lower(hex(randomblob(16))), ?1, 1, ?2)",
                       name ? name : "", now, err);
    return rc;
}

/* What clone's progress says, through the copy and the seen vectors. */
#define CLONE_STEP "复制 copying"

static int clone_finish(store *src, const char *dest, const char *name, duban_error *err)
{
    sync_self orig, copy;
    store *d = NULL;
    int rc = sync_self_get(src, &orig, err);
    if (!rc && !(rc = store_open(dest, 0, &d, err))) {
        store_set_now(d, src->fixed_now);
        store_set_progress(d, src->progress);
        store_watch(d, CLONE_STEP, 0, 0);
    }
    if (!rc && !(rc = db_tx_begin(d, err))) {
        rc = new_identity(d, name, err);
        if (!rc)
            rc = record_all_plans(d, orig.uuid, err);
        if (!rc)
            rc = sync_self_get(d, &copy, err);
        rc = rc ? rc : db_tx_commit(d, err);
        if (rc)
            db_tx_rollback(d);
    }
    store_close(d);
    if (rc || (rc = db_tx_begin(src, err)))
        return rc;
    char now[32];
    db_now(src, now);
    rc = sync_replica_note(src, copy.uuid, copy.name, err);
    if (!rc)
        rc = exec_text(src, "UPDATE replica SET last_exchange = ?2 WHERE uuid = ?1", copy.uuid, now,
                       err);
    if (!rc)
        rc = record_all_plans(src, copy.uuid, err);
    rc = rc ? rc : db_tx_commit(src, err);
    if (rc)
        db_tx_rollback(src);
    return rc;
}

int sync_clone(store *st, const char *dest, const char *name, duban_error *err)
{
    if (name && check_name(name, err))
        return DUBAN_EINVAL;
    FILE *f = fopen(dest, "rb");
    if (f) {
        fclose(f);
        return duban_fail(err, DUBAN_EINVAL, "%s: already exists; clone makes a new file", dest);
    }
    sqlite3_stmt *stmt;
    if (db_prepare(st, "VACUUM INTO ?", &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_text(stmt, 1, dest, -1, SQLITE_STATIC);
    store_watch(st, CLONE_STEP, 0, 0);
    int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        store_watch(st, NULL, 0, 0);
        return duban_fail(err, DUBAN_EIO, "%s: cannot write the copy: %s", dest,
                          sqlite3_errmsg(st->db));
    }
    rc = clone_finish(st, dest, name, err);
    store_watch(st, NULL, 0, 0);
    if (rc)
        remove(dest);
    return rc;
}

int sync_reidentify(store *st, int64_t keep_seq, const char *name, duban_error *err)
{
    if (name && check_name(name, err))
        return DUBAN_EINVAL;
    sync_self old;
    char keep_text[32];
    snprintf(keep_text, sizeof keep_text, "%lld", (long long)keep_seq);
    int rc = sync_self_get(st, &old, err);
    if (rc || (rc = db_tx_begin(st, err)))
        return rc;
    rc = new_identity(st, name, err);
    sqlite3_stmt *stmt = NULL;
    if (!rc && !(rc = db_prepare(st,
                                 "UPDATE history_gid SET origin = (SELECT uuid FROM replica"
                                 " WHERE is_self = 1) WHERE origin = ?1 AND seq > ?2",
                                 &stmt, err))) {
        sqlite3_bind_text(stmt, 1, old.uuid, -1, SQLITE_STATIC);
        sqlite3_bind_int64(stmt, 2, keep_seq);
        if (sqlite3_step(stmt) != SQLITE_DONE)
            rc = db_fail(st, err, DUBAN_EDB, "cannot renumber history");
    }
    sqlite3_finalize(stmt);
    if (!rc)
        rc = exec_text(st,
                       "UPDATE sync_peer_seen SET seq = min(seq, CAST(?2 AS INTEGER))"
                       " WHERE origin = ?1",
                       old.uuid, keep_text, err);
    rc = rc ? rc : db_tx_commit(st, err);
    if (rc)
        db_tx_rollback(st);
    return rc;
}
