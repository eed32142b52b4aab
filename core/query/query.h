/* query.h - read-only questions the front end asks the store.
 *
 * All functions fill caller-provided structs/lists (free with model.h) and
 * return DUBAN_OK or an error code.  None keeps state between calls.
 */
#ifndef DUBAN_QUERY_H
#define DUBAN_QUERY_H

#include "base/error.h"
#include "plan/light.h"
#include "plan/model.h"
#include "store/store.h"

/* Plans, newest first. */
int plan_list_all(store *st, plan_list *out, duban_error *err);
/* plan_list_all() without the counts (areas and items are 0): counting
 * reads every node of every plan (one pass over an index, ~20 ms at
 * 100,000 items), which a check of titles and periods does not need. */
int plan_list_headers(store *st, plan_list *out, duban_error *err);
/* Resolves a --plan selector: NULL/"" = the default plan (plan_edit.h) or
 * else the most recent, a number = plan id, or
 * a (unique) title substring.  DUBAN_ENOTFOUND names the selector. */
int plan_resolve(store *st, const char *selector, int64_t *plan_id, duban_error *err);
int plan_get(store *st, int64_t plan_id, plan_info *out, duban_error *err);
/* plan_get() without the counts (areas and items are 0), which read every
 * node of the plan: for a front end that shows neither. */
int plan_get_header(store *st, int64_t plan_id, plan_info *out, duban_error *err);

int node_by_ref(store *st, int64_t plan_id, const char *ref, node *out, duban_error *err);
int node_by_id(store *st, int64_t id, node *out, duban_error *err);
/* Children of parent_id in order (parent_id 0: the areas). */
int node_children(store *st, int64_t plan_id, int64_t parent_id, node_list *out, duban_error *err);
/* The id of the area holding node id (id itself for an area; not removed): one row
 * and at most one lookup, none of the children counted. */
int node_area_of(store *st, int64_t id, int64_t *area_id, duban_error *err);
/* The plan's areas in order, as node_children(st, plan_id, 0, ...) gives
 * them but with children left at -1 (not counted): counting reads the row
 * of every item of the plan. */
int node_areas(store *st, int64_t plan_id, node_list *out, duban_error *err);
/* Every node of the plan in outline (pre-)order. */
int node_all(store *st, int64_t plan_id, node_list *out, duban_error *err);

int node_milestones(store *st, int64_t node_id, milestone_list *out, duban_error *err);
int node_notes(store *st, int64_t node_id, note_list *out, duban_error *err);
int node_history(store *st, int64_t node_id, history_list *out, duban_error *err);
/* The latest note (by time, then id) of every node of the plan that has
 * one, ordered by node id; deleted notes do not count. */
int plan_latest_notes(store *st, int64_t plan_id, note_list *out, duban_error *err);
/* The reason recorded with the extension that stands on a node: the note
 * of the latest "extension" edit in h (the node's history, oldest first)
 * that set extended_due; "" when none.  Points into h. */
const char *history_extension_reason(const history_list *h, const char *extended_due);
/* The plan's history, newest first, at most limit rows (0: all, which
 * tells the store's progress, store_set_progress(), as it reads). */
int plan_history(store *st, int64_t plan_id, int limit, history_list *out, duban_error *err);

/* Overdue: items (depth >= 2) whose due date is before today and whose
 * status is not done, and milestones before today whose item is not done.
 * An approved extension (node.extended_due) replaces the item's due date
 * and its milestones: due and days_late are then counted from it and
 * original_due keeps the date it replaced.  Most overdue first, then by ref. */
typedef struct overdue_row {
    int64_t node_id;
    char ref[REF_LEN];
    char *title;  /* item title; owns the row's texts (one block: free title alone) */
    char *phrase; /* milestone phrase, "" for the item itself */
    char *word;   /* milestone word, "" for the item */
    char due[DATE_LEN];
    int days_late;
    char status[32];
    char *unit;
    char *leader;
    int area_seq;
    char *area_title;
    char original_due[DATE_LEN]; /* the item's due before its extension, "" when none */
} overdue_row;
typedef struct overdue_list {
    overdue_row *v;
    size_t n;
} overdue_list;
int query_overdue(store *st, int64_t plan_id, long today, overdue_list *out, duban_error *err);
/* The same rows reading only what the minutes print: leader and
 * area_title are "" and area_seq is 0 in every row. */
int query_overdue_brief(store *st, int64_t plan_id, long today, overdue_list *out,
                        duban_error *err);
void overdue_list_free(overdue_list *l);

/* Per-area progress: items (depth 2) total/done, overdue items (the item
 * or one of its milestones late), items due within `warn_days` of today
 * and not done nor overdue (at risk), and overdue_rows: how many rows the
 * overdue list (query_overdue) has for the area; their sum over all areas
 * is the length of that list. */
typedef struct area_stats {
    int64_t area_id;
    int seq;
    int total, done, overdue, at_risk;
    int overdue_rows;
} area_stats;
typedef struct area_stats_list {
    area_stats *v;
    size_t n;
} area_stats_list;
/* Every area's statistics by one SQL statement: the reference form of
 * what query_area_summary() (area_summary.h) gives in one pass over an
 * index, which is what the front end reads (this statement reaches every
 * item's row and its parents': 17x the time at 100,000 items as at
 * 10,000). */
int query_area_stats(store *st, int64_t plan_id, long today, int warn_days, area_stats_list *out,
                     duban_error *err);
void area_stats_list_free(area_stats_list *l);
/* The same for one area (after an edit: the cost follows the area's size,
 * not the plan's). */
int query_area_stats_one(store *st, int64_t plan_id, int64_t area_id, long today, int warn_days,
                         area_stats *out, duban_error *err);

/* How one item (or sub-item) counts in its area's statistics, for
 * keeping them current after an edit without re-reading the area:
 * item_stats_add() adds the item to an area_stats exactly as
 * query_area_stats() counts it. */
typedef struct item_stats {
    int64_t node_id;
    int depth;
    int is_done, own_late, ms_late; /* ms_late: its late milestones */
    char due[DATE_LEN];             /* the due date in force */
} item_stats;
typedef struct item_stats_list {
    item_stats *v;
    size_t n;
} item_stats_list;
/* The items and sub-items of area_id (0: of the whole plan), or only
 * node_id when it is non-zero, in outline order. */
int query_item_stats(store *st, int64_t plan_id, int64_t area_id, int64_t node_id, long today,
                     item_stats_list *out, duban_error *err);
void item_stats_list_free(item_stats_list *l);
/* Adds (sign 1) or removes (sign -1) one item's part of s; risk_until is
 * the last day of the warning window (today + warn_days). */
void item_stats_add(area_stats *s, const item_stats *it, long risk_until, int sign);

/* Search: the items containing every space-separated word of text (at
 * most 16; DUBAN_EINVAL beyond) in their title, body, notes, unit or
 * leader.  Words of three characters or more use the
 * FTS5 trigram index; shorter ones are checked on the index's copy of the
 * text (query_search.c).  Fills ids with matching node ids in outline
 * order. */
typedef struct id_list {
    int64_t *v;
    size_t n;
} id_list;
int query_search(store *st, int64_t plan_id, const char *text, id_list *out, duban_error *err);
void id_list_free(id_list *l);
/* What query_search() finds, for a caller that knows the plan's outline
 * (query_outline_ids) and keeps only the ids in it: in no order and
 * possibly with ids of other plans or removed nodes, read from the FTS5
 * index alone, without reading a node's row or sorting. */
int query_search_candidates(store *st, int64_t plan_id, const char *text, id_list *out,
                            duban_error *err);
/* The ids of the plan's nodes (areas, items, sub-items; not removed) in
 * outline order: one pass over an index. */
int query_outline_ids(store *st, int64_t plan_id, id_list *out, duban_error *err);

/* Lights (plan/light.h says the rule) of a plan's items, and their counts
 * per group.  Queries fill caller-provided lists (free them with the
 * matching _free) and return DUBAN_OK or an error code. */
/* Every item and sub-item of the plan in outline order, with its light on
 * day `today`.  One pass over the plan's nodes in outline order and its
 * open milestones (query/outline_pass.h): no lookup of a parent a row. */
int query_item_lights(store *st, int64_t plan_id, long today, const light_rule *rule,
                      item_light_list *out, duban_error *err);
void item_light_list_free(item_light_list *l);
/* The same rows one at a time, without a list: fn(ctx, l) for each (l and
 * its strings only for the call); a non-zero return from fn stops the
 * walk and is returned (fn sets err). */
int query_item_lights_each(store *st, int64_t plan_id, long today, const light_rule *rule,
                           int (*fn)(void *ctx, const item_light *l), void *ctx, duban_error *err);
/* The same for the items and sub-items of one area (area_id, a depth-1 node
 * of plan_id), in outline order: what query_item_lights() gives for them.
 * The cost follows the area's size, not the plan's (for a refresh after an
 * edit).  An unknown area gives an empty list. */
int query_area_lights(store *st, int64_t plan_id, int64_t area_id, long today,
                      const light_rule *rule, item_light_list *out, duban_error *err);
/* The first of those: up to node last_id (the last row of
 * node_subtree_head(), say) in outline order, the walk stopping there.
 * An unknown last_id gives the whole area's. */
int query_area_lights_upto(store *st, int64_t plan_id, int64_t area_id, int64_t last_id, long today,
                           const light_rule *rule, item_light_list *out, duban_error *err);
/* The light of one item or sub-item (what query_item_lights() gives for
 * it), for refreshing a single row after an edit.  Free the strings with
 * item_light_free_one().  DUBAN_ENOTFOUND for an unknown id or an area. */
int query_node_light(store *st, int64_t plan_id, int64_t node_id, long today,
                     const light_rule *rule, item_light *out, duban_error *err);
void item_light_free_one(item_light *l);

/* Groups in order: areas by number (areas without items included, with
 * zero counts); units and leaders by text, "" last.  Completion rate is
 * done / total (see light_rate_percent). */
int query_light_tally(store *st, int64_t plan_id, enum light_group by, long today,
                      const light_rule *rule, light_tally_list *out, duban_error *err);
void light_tally_list_free(light_tally_list *l);
/* The sum of all groups into *sum (key and title are set to NULL: do not
 * free them). */
void light_tally_total(const light_tally_list *l, light_tally *sum);
#endif
