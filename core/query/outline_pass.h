/* outline_pass.h - one pass over a plan's nodes in outline order
 * (internal to query/).
 *
 * What the areas' numbers (area_summary.c) and the items' lights
 * (light_query.c) read of a whole plan, without reaching a node's parent
 * or area by id: the areas (a few rows), the open milestones of every
 * node (the partial covering index milestone_open, once) and the plan's
 * nodes in outline order.  A node counts when neither it nor a node above
 * it is cancelled or removed (NODE_ACTIVE in node_internal.h): in outline
 * order the nodes below one are the rows that follow it with its sort key
 * and a dot as prefix, so one remembered prefix replaces the lookups of
 * the parent and grandparent a row of NODE_ACTIVE makes, and an item's
 * area is the area whose sort key is its own key's first segment.  The
 * pass reads through a small page cache (db_pass_begin()).
 *
 * Call order: outline_read_areas(), outline_read_milestones(), then
 * outline_walk() once or more; free both lists.  Errors: DUBAN_OK, or a
 * core error code with err set. */
#ifndef DUBAN_OUTLINE_PASS_H
#define DUBAN_OUTLINE_PASS_H

#include "plan/light.h"
#include "plan/model.h"
#include "plan/status.h"
#include "store/store_internal.h"

typedef struct outline_area {
    int64_t id;
    int seq;
    char key[REF_LEN]; /* the area's sort key: its items' first segment */
} outline_area;
typedef struct outline_areas {
    outline_area *v; /* the plan's areas that are not removed, by seq */
    size_t n;
} outline_areas;
int outline_read_areas(store *st, int64_t plan_id, outline_areas *out, duban_error *err);
void outline_areas_free(outline_areas *l);

typedef struct open_ms {
    int64_t node_id;
    char min_due[DATE_LEN]; /* the earliest open milestone's date */
    int late;               /* open milestones before the day read for */
} open_ms;
typedef struct ms_list {
    open_ms *v; /* by node_id */
    size_t n;
} ms_list;
/* The open milestones of every plan's nodes, late counted against day
 * (YYYY-MM-DD). */
int outline_read_milestones(store *st, const char *day, ms_list *out, duban_error *err);
/* The same for the nodes below one node (area_id) of plan_id alone: one
 * look-up in milestone_open a node, for a pass over one area; with upto
 * (not NULL) only for the nodes whose sort key is not past it (a pass
 * stopping at a bound: an area's first rows). */
int outline_read_area_milestones(store *st, int64_t plan_id, int64_t area_id, const char *upto,
                                 const char *day, ms_list *out, duban_error *err);
const open_ms *outline_find_ms(const ms_list *l, int64_t id);
void ms_list_free(ms_list *l);

/* The date a light is judged by: the extension, else the earliest of the
 * due date and the open milestones (lights_sql's CASE). */
const char *outline_deadline(const char *extended_due, const char *due, const open_ms *m);

/* A remembered judgement of one status and deadline: a plan has few such
 * pairs, and light_of() parses the date each time. */
typedef struct outline_verdict {
    char status[32];
    char deadline[DATE_LEN];
    int used, done;
    int status_at; /* place in the status set, -1: not a status of the set */
    light l;
} outline_verdict;
#define OUTLINE_VERDICTS 2048 /* a power of two: a plan has hundreds of pairs */
typedef struct outline_judge {
    const status_set *set;
    const light_rule *rule; /* NULL: the default rule */
    long today;
    outline_verdict memo[OUTLINE_VERDICTS];
} outline_judge;
/* j's set, rule and today set, its memo zeroed (calloc it: ~100 KB). */
const outline_verdict *outline_judge_item(outline_judge *j, const char *status,
                                          const char *deadline);

/* The columns nodes_sql must begin with (later ones are the caller's). */
enum outline_col {
    OUTLINE_KEY,
    OUTLINE_DEPTH,
    OUTLINE_STATE,
    OUTLINE_STATUS,
    OUTLINE_DUE,
    OUTLINE_EXTENDED_DUE,
    OUTLINE_ID,
};
#define OUTLINE_NODE_COLUMNS "sort_key, depth, state, status, due, extended_due, id"

/* Steps nodes_sql (?1 plan_id, ?2 under when not 0; OUTLINE_NODE_COLUMNS
 * first, ORDER BY sort_key: every node of the plan, or the node `under`
 * and every node below it, so that a cancelled one hides them) and calls
 * fn(ctx, row, depth, area) for each counting item and sub-item (depth >=
 * NODE_ITEM; not `under` itself), area its place in areas (NULL: no
 * areas, area 0).  A non-zero return from fn stops the walk and is
 * returned (fn sets err). */
typedef int (*outline_fn)(void *ctx, sqlite3_stmt *row, int depth, size_t area);
int outline_walk(store *st, const char *nodes_sql, int64_t plan_id, int64_t under,
                 const outline_areas *areas, outline_fn fn, void *ctx, duban_error *err);

#endif
