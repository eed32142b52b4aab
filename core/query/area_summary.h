/* area_summary.h - what the outline's area lines show, for the whole plan
 * in one pass: each area's statistics and how many of its items have each
 * light (issue 15: a first frame that does not read every item's row).
 *
 * query_area_summary() gives, per area, exactly what query_area_stats()
 * gives and what counting query_item_lights() by area gives (items of
 * depth 2 per light), without building either list: it reads the plan's
 * covering index (node_stats) in outline order and the open milestones
 * once, judges each item in C (light_of, item_stats_add) and keeps only
 * the per-area sums.  Memory follows the number of areas and milestones,
 * not of items.
 *
 * Returns DUBAN_OK or a core error code (err set); out is then empty. */
#ifndef DUBAN_AREA_SUMMARY_H
#define DUBAN_AREA_SUMMARY_H

#include "plan/light.h"
#include "plan/status.h"
#include "query/query.h"

typedef struct area_summary {
    area_stats stats;        /* as query_area_stats() */
    int nlight[LIGHT_COUNT]; /* items (depth 2) per light, as query_item_lights() */
    int nstatus[STATUS_MAX]; /* items (depth 2) per status, by place in store_statuses() */
    int ndone;               /* items (depth 2) done, as query_item_lights() */
} area_summary;
typedef struct area_summary_list {
    area_summary *v; /* the areas that are not removed, by seq */
    size_t n;
} area_summary_list;

/* warn_days is the at-risk window of the statistics, rule (NULL: the
 * default) the lights' rule, as the two queries take them. */
int query_area_summary(store *st, int64_t plan_id, long today, int warn_days,
                       const light_rule *rule, area_summary_list *out, duban_error *err);
void area_summary_list_free(area_summary_list *l);

/* Writes the last count query_area_summary() made, when the store keeps
 * counts (store_keep_counts()) and nothing was written since it was
 * counted, for the next count to read instead of the plan: the front
 * end's next first frame (summary_memo.h).  Call it when idle: the
 * write does not wait for another program and does not sync the log,
 * but its first write to a new log may sync that.  Failures are ignored
 * (the next start counts again). */
void query_keep_counts(store *st);

#endif
