/* outline_pass.c - one pass over a plan's nodes in outline order (see
 * outline_pass.h). */
#include "query/outline_pass.h"

#include "base/list.h"

#include <stdlib.h>
#include <string.h>

#define AREA_KEY_LEN 5 /* an area's sort key: the first segment of its items' keys */

/* clang-format off */
static const char areas_sql[] =
    "SELECT id, seq, sort_key FROM node"
    " WHERE plan_id = ?1 AND parent_id IS NULL AND state <> 'removed' ORDER BY seq";
/* ?1 today.  Milestones of every plan: a node of another plan is never
 * looked up. */
static const char milestones_sql[] =
    "SELECT node_id, min(due), sum(due < ?1) FROM milestone"
    " WHERE done = '' AND state = '' GROUP BY node_id ORDER BY node_id";
/* ?1 plan, ?2 a node, ?3 today: the open milestones of the nodes below it. */
static const char area_milestones_sql[] =
    "SELECT m.node_id, min(m.due), sum(m.due < ?3) FROM node n"
    " JOIN milestone m ON m.node_id = n.id AND m.done = '' AND m.state = ''"
    " WHERE n.plan_id = ?1 AND n.sort_key > (SELECT sort_key || '.' FROM node WHERE id = ?2)"
    "  AND n.sort_key < (SELECT sort_key || '/' FROM node WHERE id = ?2)"
    " GROUP BY m.node_id ORDER BY m.node_id";
/* The same up to the sort key ?4 (inclusive). */
static const char area_head_milestones_sql[] =
    "SELECT m.node_id, min(m.due), sum(m.due < ?3) FROM node n"
    " JOIN milestone m ON m.node_id = n.id AND m.done = '' AND m.state = ''"
    " WHERE n.plan_id = ?1 AND n.sort_key > (SELECT sort_key || '.' FROM node WHERE id = ?2)"
    "  AND n.sort_key <= ?4"
    " GROUP BY m.node_id ORDER BY m.node_id";
/* clang-format on */

static int read_area(sqlite3_stmt *s, void *p)
{
    outline_area *a = p;
    a->id = sqlite3_column_int64(s, 0);
    a->seq = sqlite3_column_int(s, 1);
    db_text_into(s, 2, a->key, sizeof a->key);
    return DUBAN_OK;
}

int outline_read_areas(store *st, int64_t plan_id, outline_areas *out, duban_error *err)
{
    sqlite3_stmt *s;
    memset(out, 0, sizeof *out);
    if (db_prepare(st, areas_sql, &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, plan_id);
    return db_collect(st, s, sizeof(outline_area), (void **)&out->v, &out->n, read_area,
                      db_release_nothing, err);
}

void outline_areas_free(outline_areas *l)
{
    free(l->v);
    memset(l, 0, sizeof *l);
}

static int read_ms(sqlite3_stmt *s, void *p)
{
    open_ms *m = p;
    m->node_id = sqlite3_column_int64(s, 0);
    db_text_into(s, 1, m->min_due, sizeof m->min_due);
    m->late = sqlite3_column_int(s, 2);
    return DUBAN_OK;
}

int outline_read_milestones(store *st, const char *day, ms_list *out, duban_error *err)
{
    sqlite3_stmt *s;
    memset(out, 0, sizeof *out);
    if (db_prepare(st, milestones_sql, &s, err))
        return DUBAN_EDB;
    sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
    db_pass_begin(st);
    int rc = db_collect(st, s, sizeof(open_ms), (void **)&out->v, &out->n, read_ms,
                        db_release_nothing, err);
    db_pass_end(st);
    return rc;
}

int outline_read_area_milestones(store *st, int64_t plan_id, int64_t area_id, const char *upto,
                                 const char *day, ms_list *out, duban_error *err)
{
    sqlite3_stmt *s;
    memset(out, 0, sizeof *out);
    if (db_prepare_cached(st, upto ? area_head_milestones_sql : area_milestones_sql, &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, plan_id);
    sqlite3_bind_int64(s, 2, area_id);
    sqlite3_bind_text(s, 3, day, -1, SQLITE_TRANSIENT);
    if (upto)
        sqlite3_bind_text(s, 4, upto, -1, SQLITE_TRANSIENT);
    return db_collect(st, s, sizeof(open_ms), (void **)&out->v, &out->n, read_ms,
                      db_release_nothing, err);
}

const open_ms *outline_find_ms(const ms_list *l, int64_t id)
{
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->v[mid].node_id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < l->n && l->v[lo].node_id == id ? &l->v[lo] : NULL;
}

void ms_list_free(ms_list *l)
{
    free(l->v);
    memset(l, 0, sizeof *l);
}

const char *outline_deadline(const char *extended_due, const char *due, const open_ms *m)
{
    if (*extended_due)
        return extended_due;
    if (*due && m && strcmp(m->min_due, due) < 0)
        return m->min_due;
    return *due ? due : m ? m->min_due : "";
}

static void copy_bounded(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

const outline_verdict *outline_judge_item(outline_judge *j, const char *status,
                                          const char *deadline)
{
    unsigned h = 2166136261u;
    for (const char *p = status; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    for (const char *p = deadline; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    outline_verdict *v = &j->memo[h & (OUTLINE_VERDICTS - 1)];
    if (v->used && !strcmp(v->status, status) && !strcmp(v->deadline, deadline))
        return v;
    copy_bounded(v->status, sizeof v->status, status);
    copy_bounded(v->deadline, sizeof v->deadline, deadline);
    /* a status or date too long for the memo is judged, not remembered */
    v->used = strlen(status) < sizeof v->status && strlen(deadline) < sizeof v->deadline;
    v->done = status_is_done(j->set, status);
    const status_def *sd = status_by_key(j->set, status);
    v->status_at = sd ? (int)(sd - j->set->v) : -1;
    v->l = light_of(j->set, j->rule, status, deadline, j->today);
    return v;
}

/* The place in areas of the area whose key is key's first segment, or
 * areas->n; *cur is the last one found (rows come area by area). */
static size_t area_of(const outline_areas *areas, const char *key, size_t *cur)
{
    const outline_area *a = *cur < areas->n ? &areas->v[*cur] : NULL;
    if (a && !strncmp(a->key, key, AREA_KEY_LEN) && a->key[AREA_KEY_LEN] == '\0')
        return *cur;
    for (*cur = 0; *cur < areas->n; (*cur)++)
        if (!strncmp(areas->v[*cur].key, key, AREA_KEY_LEN) &&
            strlen(areas->v[*cur].key) == AREA_KEY_LEN)
            break;
    return *cur;
}

int outline_walk(store *st, const char *nodes_sql, int64_t plan_id, int64_t under,
                 const outline_areas *areas, outline_fn fn, void *ctx, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare_cached(st, nodes_sql, &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, plan_id);
    if (under)
        sqlite3_bind_int64(s, 2, under);
    db_pass_begin(st);
    char skip[REF_LEN * 4] = ""; /* sort key of the last node that does not count */
    size_t skip_len = 0, cur = areas ? areas->n : 0;
    int rc = DUBAN_OK, step;
    while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(s, OUTLINE_KEY);
        if (!key)
            continue;
        if (skip_len && !strncmp(key, skip, skip_len) && key[skip_len] == '.')
            continue; /* below a cancelled or removed node */
        skip_len = 0;
        const char *state = (const char *)sqlite3_column_text(s, OUTLINE_STATE);
        if (state && *state) {
            size_t n = strlen(key);
            if (n < sizeof skip) {
                memcpy(skip, key, n + 1);
                skip_len = n;
            }
            continue;
        }
        int depth = sqlite3_column_int(s, OUTLINE_DEPTH);
        if (depth < NODE_ITEM || (under && sqlite3_column_int64(s, OUTLINE_ID) == under))
            continue;
        size_t area = areas ? area_of(areas, key, &cur) : 0;
        if (!areas || area < areas->n)
            rc = fn(ctx, s, depth, area);
    }
    if (!rc && step != SQLITE_DONE)
        rc = db_fail(st, err, DUBAN_EDB, "cannot read the items");
    db_pass_end(st);
    db_stmt_done(st, s);
    return rc;
}
