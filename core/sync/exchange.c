/* exchange.c - change files on disk, and the two ways to exchange them:
 * with another database file, and through a shared folder. */
#include "sync/sync_internal.h"

#include "base/replace.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SYNC_MAX_FILE (512L * 1024 * 1024)
#define DIR_SUFFIX ".duban-changes"

int sync_read_file(const char *path, char **data, size_t *len, duban_error *err)
{
    *data = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return duban_fail(err, duban_file_status(errno), "%s: cannot read: %s", path,
                          strerror(errno));
    strbuf sb = {0};
    char buf[65536];
    size_t n;
    int rc = DUBAN_OK;
    while (!rc && (n = fread(buf, 1, sizeof buf, f)) > 0)
        if (strbuf_appendn(&sb, buf, n) || sb.len > (size_t)SYNC_MAX_FILE)
            rc = duban_fail(err, DUBAN_EPARSE, "%s: not a duban change file (too large)", path);
    if (!rc && ferror(f))
        rc = duban_fail(err, DUBAN_EIO, "%s: cannot read: %s", path, strerror(errno));
    fclose(f);
    if (rc) {
        strbuf_free(&sb);
        return rc;
    }
    *len = sb.len;
    *data = strbuf_take(&sb);
    if (!*data)
        *data = calloc(1, 1);
    return *data ? DUBAN_OK : duban_fail(err, DUBAN_ENOMEM, "out of memory");
}

int sync_write_file(const char *path, const strbuf *image, duban_error *err)
{
    static const char magic[] = "duban-changes "; /* an earlier change file (sync.h) */
    int rc = replace_check(path, magic, sizeof magic - 1, "a change file", err);
    if (rc)
        return rc;
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return duban_fail(err, DUBAN_EIO, "%s: cannot write: %s", path, strerror(errno));
    size_t done = 0;
    while (done < image->len) {
        ssize_t w = write(fd, image->s + done, image->len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    int ok = done == image->len && fsync(fd) == 0;
    ok = close(fd) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        return duban_fail(err, DUBAN_EIO, "%s: cannot write: %s", path, strerror(e));
    }
    char dir[4200];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    snprintf(slash ? slash + 1 : dir, sizeof dir - (size_t)(slash ? slash + 1 - dir : 0), ".");
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    return DUBAN_OK;
}

/* The other database has this one's identity: it is this file, or a copy
 * made with cp.  The message names the last edit both agree on. */
static int same_identity(store *st, store *other, const char *uuid, duban_error *err)
{
    sqlite3_stmt *a = NULL, *b = NULL;
    const char *sql = "SELECT seq, gid FROM history_gid WHERE origin = ? ORDER BY seq";
    int rc = db_prepare(st, sql, &a, err);
    if (!rc)
        rc = db_prepare(other, sql, &b, err);
    long long common = 0;
    if (!rc) {
        sqlite3_bind_text(a, 1, uuid, -1, SQLITE_STATIC);
        sqlite3_bind_text(b, 1, uuid, -1, SQLITE_STATIC);
        while (sqlite3_step(a) == SQLITE_ROW && sqlite3_step(b) == SQLITE_ROW &&
               sqlite3_column_int64(a, 0) == sqlite3_column_int64(b, 0) &&
               !strcmp((const char *)sqlite3_column_text(a, 1),
                       (const char *)sqlite3_column_text(b, 1)))
            common = sqlite3_column_int64(a, 0);
    }
    sqlite3_finalize(a);
    sqlite3_finalize(b);
    if (rc)
        return rc;
    return duban_fail(err, DUBAN_EINVAL,
                      "%s: a copy of this replica made with cp (same identity, history shared up "
                      "to edit %lld); run: duban --db %s sync reidentify %lld",
                      store_path(other), common, store_path(other), common);
}

static int other_plan(store *other, const char *gid, int64_t *plan_id, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(other, "SELECT id FROM plan WHERE gid = ?", &s, err))
        return DUBAN_EDB;
    sqlite3_bind_text(s, 1, gid, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *plan_id = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return rc == SQLITE_ROW ? DUBAN_OK
                            : duban_fail(err, DUBAN_EINVAL,
                                         "%s: does not hold this plan (it is not a replica of "
                                         "this database; replicas are made with duban clone)",
                                         store_path(other));
}

/* What the store's progress says while two replicas exchange edits. */
#define SYNC_STEP "同步 syncing"

/* Sends from `from` what `to` lacks; res says what `to` received. */
static int one_way(store *from, int64_t from_plan, store *to, int64_t to_plan, sync_result *res,
                   duban_error *err)
{
    sync_seen *have;
    size_t n;
    strbuf image = {0};
    int rc = sync_seen_here(to, to_plan, &have, &n, err);
    if (rc)
        return rc;
    rc = sync_export_after(from, from_plan, have, n, &image, NULL, err);
    free(have);
    if (!rc)
        rc = sync_import(to, store_path(from), image.s, image.len, res, err);
    strbuf_free(&image);
    return rc;
}

static int record_peer(store *st, int64_t plan_id, const char *gid, const char *peer,
                       duban_error *err)
{
    sync_seen *seen;
    size_t n;
    int rc = sync_seen_here(st, plan_id, &seen, &n, err);
    if (!rc)
        rc = sync_peer_record(st, gid, peer, seen, n, err);
    if (!rc)
        free(seen);
    return rc;
}

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

int sync_with_db(store *st, int64_t plan_id, const char *other_path, sync_result *in_res,
                 sync_result *out_res, duban_error *err)
{
    memset(in_res, 0, sizeof *in_res);
    memset(out_res, 0, sizeof *out_res);
    if (same_file(store_path(st), other_path))
        return duban_fail(err, DUBAN_EINVAL, "%s: is this database itself; nothing to sync",
                          other_path);
    store *other = NULL;
    sync_self me, them;
    char gid[SYNC_ID_LEN];
    int64_t other_plan_id = 0;
    int rc = store_open(other_path, 0, &other, err);
    if (!rc) {
        store_set_now(other, st->fixed_now);
        /* both files' reads tell one line: seconds at 100,000 items */
        store_set_progress(other, st->progress);
        store_watch(st, SYNC_STEP, 0, 0);
        store_watch(other, SYNC_STEP, 0, 0);
        rc = sync_self_get(st, &me, err);
    }
    if (!rc)
        rc = sync_self_get(other, &them, err);
    if (!rc && !strcmp(me.uuid, them.uuid))
        rc = same_identity(st, other, me.uuid, err);
    if (!rc)
        rc = sync_plan_gid(st, plan_id, gid, err);
    if (!rc)
        rc = other_plan(other, gid, &other_plan_id, err);
    if (!rc)
        rc = one_way(st, plan_id, other, other_plan_id, out_res, err);
    if (!rc)
        rc = one_way(other, other_plan_id, st, plan_id, in_res, err);
    /* Both now hold the same rows: each knows what the other holds. */
    if (!rc)
        rc = record_peer(st, plan_id, gid, them.uuid, err);
    if (!rc)
        rc = record_peer(other, other_plan_id, gid, me.uuid, err);
    if (other)
        store_watch(other, NULL, 0, 0);
    store_close(other);
    store_watch(st, NULL, 0, 0);
    return rc;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a > b && !strcmp(s + a - b, suffix);
}

/* Imports one file of the folder; refusals are noted, not fatal.  A file
 * of this plan adds its source's seen vector to *min (per origin least). */
static int dir_import(store *st, const char *path, const char *plan_gid, sync_dir_result *res,
                      sync_seen **min, size_t *nmin, int *first, duban_error *err)
{
    char *data;
    size_t len;
    duban_error e = {0};
    sync_result r;
    int rc = sync_read_file(path, &data, &len, &e);
    change_file cf = {0};
    if (!rc && !(rc = change_file_decode(path, data, len, &cf, &e)) &&
        strcmp(cf.plan_gid, plan_gid)) { /* another plan's file: not ours to read */
        change_file_free(&cf);
        free(data);
        return DUBAN_OK;
    }
    if (!rc) {
        for (size_t i = 0; i < *nmin; i++) { /* origins it lacks count as 0 */
            int64_t theirs = sync_seen_lookup(cf.seen, cf.nseen, (*min)[i].origin);
            if (*first || theirs < (*min)[i].seq)
                (*min)[i].seq = theirs;
        }
        *first = 0;
    }
    change_file_free(&cf);
    if (!rc)
        rc = sync_import(st, path, data, len, &r, &e);
    free(data);
    if (rc == DUBAN_ENOMEM || rc == DUBAN_EDB)
        return duban_fail(err, rc, "%s", e.msg);
    if (rc) {
        if (strbuf_printf(&res->skipped, "%s\n", e.msg))
            return duban_fail(err, DUBAN_ENOMEM, "out of memory");
        return DUBAN_OK;
    }
    res->files_read++;
    res->total.received += r.received;
    res->total.conflicts += r.conflicts;
    char *all = res->total.refs_changed;
    size_t used = strlen(all);
    if (*r.refs_changed) /* a longer list is cut, not overrun */
        snprintf(all + used, sizeof res->total.refs_changed - used, "%s%s", used ? ", " : "",
                 r.refs_changed);
    return DUBAN_OK;
}

/* Our own file in the folder: another database with our identity (a copy
 * made with cp) may have written it. */
static int check_own_file(store *st, const char *path, duban_error *err)
{
    char *data;
    size_t len;
    duban_error e = {0};
    sync_result r;
    if (access(path, F_OK) != 0)
        return DUBAN_OK;
    int rc = sync_read_file(path, &data, &len, &e);
    if (!rc)
        rc = sync_import(st, path, data, len, &r, &e);
    free(data);
    if (rc == DUBAN_EEMPTY || rc == DUBAN_EPARSE) /* ours, or a broken write: rewritten */
        return DUBAN_OK;
    if (rc == DUBAN_OK)
        return DUBAN_OK;
    return duban_fail(err, rc, "%s", e.msg);
}

int sync_with_dir(store *st, int64_t plan_id, const char *dir, sync_dir_result *res,
                  duban_error *err)
{
    memset(res, 0, sizeof *res);
    sync_self me;
    char gid[SYNC_ID_LEN], own[4200];
    int rc = sync_self_get(st, &me, err);
    if (!rc)
        rc = sync_plan_gid(st, plan_id, gid, err);
    if (rc)
        return rc;
    snprintf(own, sizeof own, "%s/%s-%.8s" DIR_SUFFIX, dir, me.uuid, gid);
    DIR *d = opendir(dir);
    if (!d)
        return duban_fail(err, DUBAN_EIO, "%s: cannot read folder: %s", dir, strerror(errno));
    sync_seen *min = NULL;
    size_t nmin = 0;
    int first = 1;
    store_watch(st, SYNC_STEP, 0, 0);
    rc = check_own_file(st, own, err);
    if (!rc)
        rc = sync_seen_here(st, plan_id, &min, &nmin, err);
    struct dirent *de;
    while (!rc && (de = readdir(d))) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        if (de->d_name[0] == '.' || !ends_with(de->d_name, DIR_SUFFIX) || !strcmp(path, own))
            continue;
        rc = dir_import(st, path, gid, res, &min, &nmin, &first, err);
    }
    closedir(d);
    if (!rc && first) { /* no other replica's file: what the replicas known here lack */
        free(min);
        min = NULL;
        rc = sync_min_over_peers(st, plan_id, gid, &min, &nmin, err);
    }
    strbuf image = {0};
    if (!rc)
        rc = sync_export_after(st, plan_id, min, nmin, &image, &res->rows_written, err);
    if (!rc)
        rc = sync_write_file(own, &image, err);
    strbuf_free(&image);
    free(min);
    store_watch(st, NULL, 0, 0);
    return rc;
}
