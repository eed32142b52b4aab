/* stats_internal.h - how an item counts in the progress statistics
 * (internal).  One SELECT defines the per-item flags; the per-area
 * aggregate (query_area_stats) and the per-item rows (query_item_stats)
 * both read it, and item_stats_add() sums rows the way the aggregate does
 * (a unit test holds the two together).
 *
 * Parameters: ?2 JSON array of done status keys (CTE "done" must exist),
 * ?3 today.  Columns: akey (the area's sort key), depth, due (effective),
 * is_done, own_late, ms_late, id.  Only active nodes (NODE_ACTIVE: not
 * cancelled) and open milestones (not done, not deleted) count. */
#ifndef DUBAN_STATS_INTERNAL_H
#define DUBAN_STATS_INTERNAL_H

#include "plan/status.h"
#include "query/node_internal.h"
#include "query/query.h"

/* The status in col is not a done one, the done keys being the JSON
 * array p (status_done_json; "done" must be a CTE of them for the second
 * form).  With one done key (the usual set: done_key_is_one()), one
 * comparison with it (json_extract of a parameter is worked out once a
 * statement) costs less than NOT IN the CTE a row: ~500 instructions a
 * row, 5 M for a pass over a plan of 10,000 items. */
#define NOT_DONE_ONE(col, p) col " <> json_extract(" p ", '$[0]')"
#define NOT_DONE_ANY(col, p) col " NOT IN done"
static inline int done_key_is_one(const status_set *set)
{
    int n = 0;
    for (size_t i = 0; i < set->n; i++)
        n += set->v[i].done != 0;
    return n == 1;
}

/* The due date in force: an approved extension, else the planned date. */
#define EFFECTIVE_DUE(n) "coalesce(nullif(" n ".extended_due, ''), " n ".due)"

/* clang-format off */
#define ITEM_FLAGS_SELECT                                                                      \
    "SELECT substr(n.sort_key, 1, 5) AS akey, n.depth, " EFFECTIVE_DUE("n") " AS due,"          \
    "   n.status IN done AS is_done,"                                                          \
    "   (n.status NOT IN done AND " EFFECTIVE_DUE("n") " <> ''"                                \
    "    AND " EFFECTIVE_DUE("n") " < ?3) AS own_late,"                                        \
    "   (SELECT count(*) FROM milestone m WHERE m.node_id = n.id AND m.due < ?3"              \
    "    AND m.done = '' AND m.state = ''"                                                     \
    "    AND n.extended_due = '') AS ms_late," /* an extension covers the milestones */       \
    "   n.id AS id FROM (SELECT * FROM node nn WHERE " NODE_ACTIVE("nn") ") n"
/* clang-format on */

/* item_stats_add() with the end of the warning window given as a date
 * string (a whole-plan pass formats it once, not once an item). */
void item_stats_count(area_stats *s, const item_stats *it, const char *until, int sign);

#endif
