/* place.c - where a node sits in the outline: moving it, renumbering a
 * node's children, and the numbers and sort keys of new nodes.
 *
 * A node's ref is its parent's ref and its number ("5.3"); its sort key
 * orders the outline: the parent's key, '.', the number in five digits,
 * or, for a node placed after a sibling, that sibling's key, '~' and the
 * number ('~' sorts after the sibling's descendants and before the next
 * sibling).  Moving a node rewrites the ref, key and depth of its whole
 * subtree by prefix. */
#include "edit/struct_internal.h"

#include "base/strbuf.h"
#include "edit/structure.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct pos {
    int64_t id, plan_id, parent_id;
    int depth, seq, height; /* height: deepest descendant depth - depth (removed ones too: they
                               move with it) */
    char ref[REF_LEN];
    char key[256];
    char state[16];
} pos;

static int load_pos(store *st, int64_t id, pos *p, duban_error *err)
{
    memset(p, 0, sizeof *p);
    sqlite3_stmt *s;
    if (db_prepare(st,
                   "SELECT n.plan_id, coalesce(n.parent_id, 0), n.depth, n.seq, n.ref,"
                   " n.sort_key, n.state, (SELECT coalesce(max(d.depth), n.depth) - n.depth"
                   "  FROM node d WHERE d.plan_id = n.plan_id"
                   "  AND d.sort_key > n.sort_key || '.' AND d.sort_key < n.sort_key || '/')"
                   " FROM node n WHERE n.id = ?",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        p->id = id;
        p->plan_id = sqlite3_column_int64(s, 0);
        p->parent_id = sqlite3_column_int64(s, 1);
        p->depth = sqlite3_column_int(s, 2);
        p->seq = sqlite3_column_int(s, 3);
        db_text_into(s, 4, p->ref, sizeof p->ref);
        db_text_into(s, 5, p->key, sizeof p->key);
        db_text_into(s, 6, p->state, sizeof p->state);
        p->height = sqlite3_column_int(s, 7);
    }
    sqlite3_finalize(s);
    if (rc == SQLITE_DONE)
        return duban_fail(err, DUBAN_ENOTFOUND, "no item with id %lld", (long long)id);
    return rc == SQLITE_ROW ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot read item");
}

int place_child_ref(store *st, int64_t parent_id, int seq, char *out, size_t outsz,
                    duban_error *err)
{
    pos p = {0};
    if (parent_id && load_pos(st, parent_id, &p, err))
        return err ? err->code : DUBAN_EDB;
    if (parent_id)
        snprintf(out, outsz, "%s.%d", p.ref, seq);
    else
        snprintf(out, outsz, "%d", seq);
    return DUBAN_OK;
}

int place_sort_key(store *st, int64_t parent_id, int64_t after_id, int seq, char *out, size_t outsz,
                   duban_error *err)
{
    pos p = {0};
    int64_t base = after_id ? after_id : parent_id;
    if (base && load_pos(st, base, &p, err))
        return err ? err->code : DUBAN_EDB;
    int n = !base      ? snprintf(out, outsz, "%05d", seq)
            : after_id ? snprintf(out, outsz, "%s~%05d", p.key, seq)
                       : snprintf(out, outsz, "%s.%05d", p.key, seq);
    if (n < 0 || (size_t)n >= outsz || n >= 200)
        return duban_fail(err, DUBAN_EINVAL, "too many items placed after one another");
    return DUBAN_OK;
}

int place_next_seq(store *st, int64_t plan_id, int64_t parent_id, int *seq, duban_error *err)
{
    char prefix[REF_LEN + 2] = "";
    pos p;
    if (parent_id && load_pos(st, parent_id, &p, err))
        return err ? err->code : DUBAN_EDB;
    if (parent_id)
        snprintf(prefix, sizeof prefix, "%s.", p.ref);
    sqlite3_stmt *s;
    if (db_prepare(st,
                   "SELECT max(coalesce((SELECT max(seq) FROM node WHERE plan_id = ?1"
                   "  AND coalesce(parent_id, 0) = ?2), 0),"
                   " coalesce((SELECT max(CAST(substr(old_ref, length(?3) + 1) AS INTEGER))"
                   "  FROM moved_ref WHERE plan_id = ?1 AND substr(old_ref, 1, length(?3)) = ?3"
                   "  AND instr(substr(old_ref, length(?3) + 1), '.') = 0), 0))",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, plan_id);
    sqlite3_bind_int64(s, 2, parent_id);
    sqlite3_bind_text(s, 3, prefix, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *seq = sqlite3_column_int(s, 0) + 1;
    sqlite3_finalize(s);
    return rc == SQLITE_ROW ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot number item");
}

int struct_step(store *st, sqlite3_stmt *stmt, const char *what, duban_error *err)
{
    int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (rc == SQLITE_DONE)
        return DUBAN_OK;
    if (rc == SQLITE_READONLY)
        return duban_fail(err, DUBAN_EIO, "%s: database is read-only", store_path(st));
    return db_fail(st, err, DUBAN_EDB, what);
}

/* The subtree of a node: the node (?2) and the live nodes under key ?3. */
#define SUBTREE                                                                                    \
    " WHERE plan_id = ?1 AND (id = ?2 OR (state <> 'removed' AND sort_key > ?3 || '.'"             \
    " AND sort_key < ?3 || '/'))"

/* Remembers the refs of p's subtree as leading to their nodes. */
static int remember_refs(store *st, const pos *p, duban_error *err)
{
    sqlite3_stmt *s;
    if (!strcmp(p->state, "removed") || p->ref[0] == '~')
        return DUBAN_OK;
    if (db_prepare(st,
                   "INSERT OR REPLACE INTO moved_ref(plan_id, old_ref, node_id)"
                   " SELECT plan_id, ref, id FROM node" SUBTREE,
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, p->plan_id);
    sqlite3_bind_int64(s, 2, p->id);
    sqlite3_bind_text(s, 3, p->key, -1, SQLITE_STATIC);
    return struct_step(st, s, "cannot record old ref", err);
}

/* Moves p's subtree to (parent, depth, seq, ref, key); the refs it takes
 * are live again, so they no longer lead elsewhere. */
static int relocate(store *st, const pos *p, const pos *to, duban_error *err)
{
    sqlite3_stmt *s;
    int rc = db_prepare(st,
                        "UPDATE node SET ref = ?4 || substr(ref, length(?5) + 1),"
                        " sort_key = ?6 || substr(sort_key, length(?3) + 1), depth = depth + ?7"
                        " WHERE plan_id = ?1 AND id <> ?2 AND sort_key > ?3 || '.'"
                        " AND sort_key < ?3 || '/'",
                        &s, err);
    if (rc)
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, p->plan_id);
    sqlite3_bind_int64(s, 2, p->id);
    sqlite3_bind_text(s, 3, p->key, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, to->ref, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, p->ref, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 6, to->key, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 7, to->depth - p->depth);
    if ((rc = struct_step(st, s, "cannot move item", err)))
        return rc;
    if (db_prepare(st,
                   "UPDATE node SET parent_id = nullif(?2, 0), depth = ?3, seq = ?4, ref = ?5,"
                   " sort_key = ?6 WHERE id = ?1",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, p->id);
    sqlite3_bind_int64(s, 2, to->parent_id);
    sqlite3_bind_int(s, 3, to->depth);
    sqlite3_bind_int(s, 4, to->seq);
    sqlite3_bind_text(s, 5, to->ref, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 6, to->key, -1, SQLITE_STATIC);
    if ((rc = struct_step(st, s, "cannot move item", err)))
        return rc;
    if (db_prepare(st,
                   "DELETE FROM moved_ref WHERE plan_id = ?1 AND old_ref IN"
                   " (SELECT ref FROM node" SUBTREE ")",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, p->plan_id);
    sqlite3_bind_int64(s, 2, p->id);
    sqlite3_bind_text(s, 3, to->key, -1, SQLITE_STATIC);
    return struct_step(st, s, "cannot record old ref", err);
}

/* Parses "PARENT SEQ KEY" into to (depth and ref from the parent).  The
 * key is rebuilt on the parent's key as it stands: the part of KEY after
 * its last '.' (all of it for an area) is the node's own, the rest was
 * the parent's when the value was written (a sync may have moved the
 * parent since). */
static int parse_place(store *st, const char *value, pos *to, duban_error *err)
{
    long long parent = 0;
    int seq = 0, used = 0;
    memset(to, 0, sizeof *to);
    if (sscanf(value, "%lld %d %n", &parent, &seq, &used) < 2 || !used || seq < 1 ||
        strlen(value + used) >= sizeof to->key || !value[used])
        return duban_fail(err, DUBAN_EINVAL, "bad place '%s'", value);
    to->parent_id = parent;
    to->seq = seq;
    pos pp = {0};
    if (parent && load_pos(st, parent, &pp, err))
        return err ? err->code : DUBAN_EDB;
    const char *own = strrchr(value + used, '.');
    if (!parent || !own)
        snprintf(to->key, sizeof to->key, "%s", value + used);
    else if ((size_t)snprintf(to->key, sizeof to->key, "%s%s", pp.key, own) >= sizeof to->key)
        return duban_fail(err, DUBAN_EINVAL, "bad place '%s'", value);
    to->depth = pp.depth + 1;
    return place_child_ref(st, parent, seq, to->ref, sizeof to->ref, err);
}

/* Another node holds ref: one that came with a sync took the number
 * meanwhile (sync/sync.h), so this place cannot be given back. */
static int ref_taken(store *st, const pos *p, const pos *to, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st, "SELECT 1 FROM node WHERE plan_id = ? AND ref = ? AND id <> ?", &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, p->plan_id);
    sqlite3_bind_text(s, 2, to->ref, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 3, p->id);
    int taken = sqlite3_step(s) == SQLITE_ROW;
    sqlite3_finalize(s);
    if (taken)
        return duban_fail(err, DUBAN_EINVAL,
                          "%s cannot go back to %s: an item from another replica holds that "
                          "number now",
                          p->ref, to->ref);
    return DUBAN_OK;
}

static void format_place(const pos *p, char *out, size_t outsz)
{
    snprintf(out, outsz, "%lld %d %s", (long long)p->parent_id, p->seq, p->key);
}

/* "order": the places of parent's children. */
static int load_order(store *st, int64_t parent_id, char **out, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st,
                   "SELECT group_concat(id || ' ' || seq || ' ' || sort_key, ';') FROM"
                   " (SELECT id, seq, sort_key FROM node WHERE parent_id = ? ORDER BY sort_key)",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, parent_id);
    int rc = sqlite3_step(s);
    *out = rc == SQLITE_ROW ? db_text(s, 0) : NULL;
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW)
        return db_fail(st, err, DUBAN_EDB, "cannot read items");
    return *out ? DUBAN_OK : duban_fail(err, DUBAN_ENOMEM, "out of memory");
}

int place_load(store *st, int64_t node_id, const char *field, edit_target *t, duban_error *err)
{
    pos p;
    memset(t, 0, sizeof *t);
    if (load_pos(st, node_id, &p, err))
        return err ? err->code : DUBAN_EDB;
    t->node_id = node_id;
    t->plan_id = p.plan_id;
    snprintf(t->ref, sizeof t->ref, "%s", p.ref);
    if (!strcmp(field, "order"))
        return load_order(st, node_id, &t->value, err);
    char v[320];
    format_place(&p, v, sizeof v);
    t->value = duban_strdup(v);
    return t->value ? DUBAN_OK : duban_fail(err, DUBAN_ENOMEM, "out of memory");
}

/* Moves one node to the place in value. */
static int write_one(store *st, int64_t id, const char *value, int remember, duban_error *err)
{
    pos p, to;
    int rc = load_pos(st, id, &p, err);
    if (!rc)
        rc = parse_place(st, value, &to, err);
    if (!rc)
        rc = ref_taken(st, &p, &to, err);
    if (!rc && remember)
        rc = remember_refs(st, &p, err);
    return rc ? rc : relocate(st, &p, &to, err);
}

/* Renumbering and reordering in two passes: every child first takes a
 * temporary ref ("~ID") and sort key ("!ID"), so no two children ever
 * hold the same ref, and no subtree's key range holds another's, on the
 * way. */
/* What the store's progress says while an order is written (renumber,
 * its undo and redo), and how many entries between two words. */
#define ORDER_STEP "重排编号 renumbering"
#define ORDER_TELL_ROWS 256

static int write_order(store *st, int64_t parent_id, const char *value, duban_error *err)
{
    char *copy = duban_strdup(value);
    if (!copy)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    /* an area of thousands of items takes seconds: tell the store's
     * progress, unless a larger work around this one already does */
    uint64_t n = 1, done = 0;
    for (const char *c = copy; *c; c++)
        n += *c == ';';
    int watch = !st->watching;
    int rc = DUBAN_OK;
    for (int pass = 0; pass < 2 && !rc; pass++) {
        char *save = NULL, *buf = duban_strdup(copy);
        for (char *e = buf ? strtok_r(buf, ";", &save) : NULL; e && !rc;
             e = strtok_r(NULL, ";", &save), done++) {
            if (watch && done % ORDER_TELL_ROWS == 0)
                store_watch(st, ORDER_STEP, done, 2 * n);
            long long id = 0;
            int used = 0;
            if (sscanf(e, "%lld %n", &id, &used) < 1 || !used) {
                rc = duban_fail(err, DUBAN_EINVAL, "bad order '%s'", e);
                break;
            }
            pos p, tmp;
            if ((rc = load_pos(st, id, &p, err)))
                break;
            if (pass == 0) {
                tmp = p;
                snprintf(tmp.ref, sizeof tmp.ref, "~%lld", id);
                snprintf(tmp.key, sizeof tmp.key, "!%lld", id);
                rc = remember_refs(st, &p, err);
                if (!rc)
                    rc = relocate(st, &p, &tmp, err);
            } else {
                char place[320];
                snprintf(place, sizeof place, "%lld %.280s", (long long)parent_id, e + used);
                rc = write_one(st, id, place, 0, err);
            }
        }
        if (!buf)
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
        free(buf);
    }
    free(copy);
    if (watch)
        store_watch(st, NULL, 0, 0);
    return rc;
}

int place_write(store *st, int64_t node_id, const char *field, const char *value, duban_error *err)
{
    if (!strcmp(field, "order"))
        return write_order(st, node_id, value, err);
    return write_one(st, node_id, value, 1, err);
}

/* ---- the edits ---- */

int edit_move_node(store *st, int64_t node_id, int64_t parent_id, int64_t after_id,
                   edit_result *result, duban_error *err)
{
    memset(result, 0, sizeof *result);
    pos p, parent, after;
    int rc = load_pos(st, node_id, &p, err);
    if (!rc)
        rc = load_pos(st, parent_id, &parent, err);
    if (rc)
        return rc;
    if (parent.plan_id != p.plan_id || !strcmp(parent.state, "removed"))
        return duban_fail(err, DUBAN_ENOTFOUND, "no such area in this plan");
    if (parent_id == node_id ||
        (strncmp(parent.key, p.key, strlen(p.key)) == 0 && parent.key[strlen(p.key)] == '.'))
        return duban_fail(err, DUBAN_EINVAL, "cannot move %s into itself", p.ref);
    if (parent.depth + 1 + p.height > NODE_SUBITEM)
        return duban_fail(err, DUBAN_EINVAL,
                          "cannot move %s under %s: items nest at most three levels", p.ref,
                          parent.ref);
    if (after_id) {
        if ((rc = load_pos(st, after_id, &after, err)))
            return rc;
        if (after.parent_id != parent_id || after_id == node_id)
            return duban_fail(err, DUBAN_EINVAL, "%s is not an item of %s", after.ref, parent.ref);
    }
    if (parent_id == p.parent_id && !after_id)
        return duban_fail(err, DUBAN_EINVAL, "%s is already in %s", p.ref, parent.ref);
    pos to = {0};
    to.parent_id = parent_id;
    int seq = p.seq;
    if (parent_id != p.parent_id && (rc = place_next_seq(st, p.plan_id, parent_id, &seq, err)))
        return rc;
    to.seq = seq;
    if ((rc = place_sort_key(st, parent_id, after_id, seq, to.key, sizeof to.key, err)))
        return rc;
    char oldv[320], newv[320];
    format_place(&p, oldv, sizeof oldv);
    format_place(&to, newv, sizeof newv);
    return struct_commit(st, p.plan_id, node_id, "place", oldv, newv, "", NULL, NULL, result, err);
}

int edit_renumber(store *st, int64_t parent_id, edit_result *result, duban_error *err)
{
    memset(result, 0, sizeof *result);
    pos parent;
    char *old = NULL;
    int rc = load_pos(st, parent_id, &parent, err);
    if (!rc)
        rc = load_order(st, parent_id, &old, err);
    if (rc)
        return rc;
    /* Live children first in outline order, then removed ones. */
    sqlite3_stmt *s;
    strbuf sb = {0};
    if (db_prepare(st,
                   "SELECT id FROM node WHERE parent_id = ? ORDER BY state = 'removed', sort_key",
                   &s, err)) {
        free(old);
        return DUBAN_EDB;
    }
    sqlite3_bind_int64(s, 1, parent_id);
    int seq = 0;
    while (!rc && sqlite3_step(s) == SQLITE_ROW) {
        seq++;
        rc = strbuf_printf(&sb, "%s%lld %d %s.%05d", seq > 1 ? ";" : "",
                           (long long)sqlite3_column_int64(s, 0), seq, parent.key, seq)
                 ? duban_fail(err, DUBAN_ENOMEM, "out of memory")
                 : DUBAN_OK;
    }
    sqlite3_finalize(s);
    if (!rc && !strcmp(old, strbuf_str(&sb)))
        rc = duban_fail(err, DUBAN_EEMPTY, "%s is already numbered in order", parent.ref);
    if (!rc)
        rc = struct_commit(st, parent.plan_id, parent_id, "order", old, strbuf_str(&sb), "", NULL,
                           NULL, result, err);
    free(old);
    strbuf_free(&sb);
    return rc;
}

/* One entry of an "order" value. */
typedef struct order_entry {
    long long id;
    int seq;
    char key[256];
    int live;
} order_entry;

/* The children of parent_id in outline order (removed ones too, marked
 * not live); *me is node_id's index. */
static int load_siblings(store *st, int64_t parent_id, int64_t node_id, order_entry **out,
                         size_t *count, size_t *me, duban_error *err)
{
    order_entry *v = NULL;
    size_t n = 0;
    sqlite3_stmt *s;
    int rc = db_prepare(st,
                        "SELECT id, seq, sort_key, state <> 'removed' FROM node"
                        " WHERE parent_id = ? ORDER BY sort_key",
                        &s, err);
    if (rc)
        return rc;
    sqlite3_bind_int64(s, 1, parent_id);
    while (!rc && sqlite3_step(s) == SQLITE_ROW) {
        order_entry *nv = realloc(v, (n + 1) * sizeof *v);
        if (!nv) {
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
            break;
        }
        v = nv;
        v[n].id = sqlite3_column_int64(s, 0);
        v[n].seq = sqlite3_column_int(s, 1);
        db_text_into(s, 2, v[n].key, sizeof v[n].key);
        v[n].live = sqlite3_column_int(s, 3);
        if (v[n].id == node_id)
            *me = n;
        n++;
    }
    sqlite3_finalize(s);
    *out = v;
    *count = n;
    return rc;
}

int edit_reorder(store *st, int64_t node_id, int dir, edit_result *result, duban_error *err)
{
    memset(result, 0, sizeof *result);
    pos p;
    char *old = NULL;
    int rc = load_pos(st, node_id, &p, err);
    if (!rc && !p.parent_id)
        rc = duban_fail(err, DUBAN_EINVAL, "areas keep their order (%s)", p.ref);
    if (!rc)
        rc = load_order(st, p.parent_id, &old, err);
    if (rc)
        return rc;
    order_entry *v = NULL;
    size_t n = 0, me = 0;
    rc = load_siblings(st, p.parent_id, node_id, &v, &n, &me, err);
    size_t other = me;
    for (size_t k = me; !rc;) {
        if ((dir < 0 && k == 0) || (dir > 0 && k + 1 >= n))
            break;
        k = dir < 0 ? k - 1 : k + 1;
        if (v[k].live) {
            other = k;
            break;
        }
    }
    if (!rc && other == me)
        rc = duban_fail(err, DUBAN_EEMPTY, "%s is already %s", p.ref,
                        dir < 0 ? "the first" : "the last");
    strbuf sb = {0};
    if (!rc) { /* the two swap their sort keys; numbers (refs) stay */
        char tmp[256];
        memcpy(tmp, v[me].key, sizeof tmp);
        memcpy(v[me].key, v[other].key, sizeof tmp);
        memcpy(v[other].key, tmp, sizeof tmp);
        for (size_t k = 0; k < n && !rc; k++)
            if (strbuf_printf(&sb, "%s%lld %d %s", k ? ";" : "", v[k].id, v[k].seq, v[k].key))
                rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    if (!rc)
        rc = struct_commit(st, p.plan_id, p.parent_id, "order", old, strbuf_str(&sb), "", NULL,
                           NULL, result, err);
    if (!rc) /* report the node moved, not its parent */
        rc = edit_current_ref(st, node_id, result->ref, sizeof result->ref, err);
    if (!rc)
        result->node_id = node_id;
    strbuf_free(&sb);
    free(v);
    free(old);
    return rc;
}
