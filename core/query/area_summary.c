/* area_summary.c - the area lines' numbers in one pass (see area_summary.h).
 *
 * Three statements, none of which reaches a node's row: the areas (a few
 * rows), the open milestones per node (the partial covering index
 * milestone_open) and the plan's nodes in outline order (the covering
 * index node_stats).  A node counts when neither it nor a node above it
 * is cancelled or removed (NODE_ACTIVE): in outline order the nodes below
 * one are the rows that follow it with its sort key and a dot as prefix,
 * so one remembered prefix replaces the two lookups a row NODE_ACTIVE
 * makes.  Each counting item is then judged as ITEM_FLAGS_SELECT and
 * lights_sql do (stats_internal.h, light_query.c); a unit test holds them
 * together.  The two passes read through a small page cache
 * (db_pass_begin()).  What a count gives is kept (summary_memo.h) and
 * given again, without a pass, until something it counted changes. */
#include "query/area_summary.h"

#include "base/list.h"
#include "query/stats_internal.h"
#include "query/summary_memo.h"
#include "store/store_internal.h"

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
static const char nodes_sql[] =
    "SELECT sort_key, depth, state, status, due, extended_due, id FROM node"
    " WHERE plan_id = ?1 ORDER BY sort_key";
/* clang-format on */

typedef struct open_ms {
    int64_t node_id;
    char min_due[DATE_LEN]; /* the earliest open milestone's date */
    int late;               /* open milestones before today */
} open_ms;

typedef struct ms_list {
    open_ms *v;
    size_t n;
} ms_list;

typedef struct area_key {
    char key[REF_LEN];
} area_key;

static int read_ms(sqlite3_stmt *s, void *p)
{
    open_ms *m = p;
    m->node_id = sqlite3_column_int64(s, 0);
    db_text_into(s, 1, m->min_due, sizeof m->min_due);
    m->late = sqlite3_column_int(s, 2);
    return DUBAN_OK;
}

static const open_ms *find_ms(const ms_list *l, int64_t id)
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

/* The areas in seq order into out, their sort keys into *keys. */
static int read_areas(store *st, int64_t plan_id, area_summary_list *out, area_key **keys,
                      duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st, areas_sql, &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, plan_id);
    size_t cap = 0, kcap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (ARRAY_GROW(out->v, cap, out->n + 1) || ARRAY_GROW(*keys, kcap, out->n + 1)) {
            sqlite3_finalize(s);
            return duban_fail(err, DUBAN_ENOMEM, "out of memory");
        }
        area_summary *a = &out->v[out->n];
        memset(a, 0, sizeof *a);
        a->stats.area_id = sqlite3_column_int64(s, 0);
        a->stats.seq = sqlite3_column_int(s, 1);
        db_text_into(s, 2, (*keys)[out->n].key, sizeof(*keys)[out->n].key);
        out->n++;
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot read the areas");
}

/* A remembered judgement: the light and doneness of one status and
 * deadline.  A plan has few of those pairs, and light_of() parses the
 * date each time. */
typedef struct verdict {
    char status[32];
    char deadline[DATE_LEN];
    int used, done;
    int status_at; /* place in the status set, -1: not a status of the set */
    light l;
} verdict;

#define VERDICTS 2048 /* a power of two: a plan has hundreds of pairs */

/* What one pass needs besides the row. */
typedef struct judge {
    const status_set *set;
    const light_rule *rule;
    long today;
    char day[DATE_LEN], until[DATE_LEN];
    const ms_list *ms;
    verdict memo[VERDICTS];
} judge;

static const verdict *judge_item(judge *j, const char *status, const char *deadline)
{
    unsigned h = 2166136261u;
    for (const char *p = status; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    for (const char *p = deadline; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    verdict *v = &j->memo[h & (VERDICTS - 1)];
    if (v->used && !strcmp(v->status, status) && !strcmp(v->deadline, deadline))
        return v;
    v->used = 1;
    size_t n = strlen(status), k = strlen(deadline);
    memcpy(v->status, status, n < sizeof v->status ? n + 1 : 0);
    v->status[sizeof v->status - 1] = '\0';
    memcpy(v->deadline, deadline, k < sizeof v->deadline ? k + 1 : 0);
    v->deadline[sizeof v->deadline - 1] = '\0';
    v->done = status_is_done(j->set, status);
    const status_def *sd = status_by_key(j->set, status);
    v->status_at = sd ? (int)(sd - j->set->v) : -1;
    v->l = light_of(j->set, j->rule, status, deadline, j->today);
    return v;
}

/* Adds one counting item or sub-item (the current row) to a. */
static void count_item(judge *j, sqlite3_stmt *s, int depth, area_summary *a)
{
    char status[32], due[DATE_LEN], ext[DATE_LEN];
    db_text_into(s, 3, status, sizeof status);
    db_text_into(s, 4, due, sizeof due);
    db_text_into(s, 5, ext, sizeof ext);
    int64_t id = sqlite3_column_int64(s, 6);
    const open_ms *m = j->ms->n ? find_ms(j->ms, id) : NULL;
    const char *d = *ext                                       ? ext
                    : *due && m && strcmp(m->min_due, due) < 0 ? m->min_due
                    : *due                                     ? due
                    : m                                        ? m->min_due
                                                               : "";
    const verdict *v = judge_item(j, status, d);
    item_stats it = {.node_id = id, .depth = depth, .is_done = v->done};
    memcpy(it.due, *ext ? ext : due, sizeof it.due); /* the due date in force */
    it.own_late = !it.is_done && *it.due && strcmp(it.due, j->day) < 0;
    it.ms_late = m && !*ext ? m->late : 0; /* an extension covers the milestones */
    item_stats_count(&a->stats, &it, j->until, 1);
    if (depth == NODE_ITEM)
        a->ndone += v->done;
    if (depth == NODE_ITEM && v->l < LIGHT_COUNT)
        a->nlight[v->l]++;
    if (depth == NODE_ITEM && v->status_at >= 0)
        a->nstatus[v->status_at]++;
}

/* The pass over the plan's nodes in outline order. */
static int count_nodes(store *st, int64_t plan_id, judge *j, area_summary_list *out,
                       const area_key *keys, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st, nodes_sql, &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, plan_id);
    char skip[REF_LEN * 4] = ""; /* sort key of the last node that does not count */
    size_t skip_len = 0, cur = out->n;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(s, 0);
        if (!key)
            continue;
        if (skip_len && !strncmp(key, skip, skip_len) && key[skip_len] == '.')
            continue; /* below a cancelled or removed node */
        skip_len = 0;
        const char *state = (const char *)sqlite3_column_text(s, 2);
        if (state && *state) {
            size_t n = strlen(key);
            if (n < sizeof skip) {
                memcpy(skip, key, n + 1);
                skip_len = n;
            }
            continue;
        }
        int depth = sqlite3_column_int(s, 1);
        if (depth < NODE_ITEM)
            continue;
        if (cur == out->n || strncmp(keys[cur].key, key, AREA_KEY_LEN) ||
            keys[cur].key[AREA_KEY_LEN] != '\0') {
            for (cur = 0; cur < out->n; cur++)
                if (!strncmp(keys[cur].key, key, AREA_KEY_LEN) &&
                    strlen(keys[cur].key) == AREA_KEY_LEN)
                    break;
        }
        if (cur < out->n)
            count_item(j, s, depth, &out->v[cur]);
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot read the items");
}

int query_area_summary(store *st, int64_t plan_id, long today, int warn_days,
                       const light_rule *rule, area_summary_list *out, duban_error *err)
{
    char key[SUMMARY_MEMO_KEY_LEN];
    summary_memo_key(st, today, warn_days, rule, key);
    if (summary_memo_get(st, plan_id, key, out))
        return DUBAN_OK;
    memo_mark mark;
    summary_memo_mark(st, &mark);
    judge *j = calloc(1, sizeof *j);
    if (!j)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    j->set = store_statuses(st);
    j->rule = rule;
    j->today = today;
    date_format(today, j->day);
    date_format(today + warn_days, j->until);
    ms_list ms = {0};
    area_key *keys = NULL;
    int rc = read_areas(st, plan_id, out, &keys, err);
    sqlite3_stmt *s = NULL;
    db_pass_begin(st); /* the open milestones and the plan's index, read once */
    if (!rc && !(rc = db_prepare(st, milestones_sql, &s, err))) {
        sqlite3_bind_text(s, 1, j->day, -1, SQLITE_TRANSIENT);
        rc = db_collect(st, s, sizeof(open_ms), (void **)&ms.v, &ms.n, read_ms, db_release_nothing,
                        err);
    }
    j->ms = &ms;
    if (!rc)
        rc = count_nodes(st, plan_id, j, out, keys, err);
    db_pass_end(st);
    free(j);
    free(ms.v);
    free(keys);
    if (rc)
        area_summary_list_free(out);
    else
        summary_memo_put(st, plan_id, key, out, &mark);
    return rc;
}

DEFINE_FLAT_LIST_FREE(area_summary_list)
