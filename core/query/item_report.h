/* item_report.h - what was last reported on each item (进展): its latest
 * progress note and the day of its latest report, for the slides.
 *
 * A report is a standing edit (not undone) of the status, a progress
 * note, a target's value or an extension; a change of due date, unit or
 * leader is not one.  A note kept without an edit (a ledger's progress
 * cell at import) counts as a report on its day.
 *
 * Conventions of query.h: the caller frees the list, DUBAN_OK or an error
 * code, no state between calls.
 */
#ifndef DUBAN_ITEM_REPORT_H
#define DUBAN_ITEM_REPORT_H

#include "base/error.h"
#include "plan/model.h"
#include "store/store.h"

typedef struct item_report {
    int64_t node_id;
    char note_day[DATE_LEN];    /* the latest note's day, "" none */
    char *note;                 /* its text, "" none */
    char last_report[DATE_LEN]; /* the day of the latest report, "" none */
    char added[DATE_LEN];       /* the day it was added to the plan, "" imported with it */
} item_report;
typedef struct item_report_list {
    item_report *v;
    size_t n;
} item_report_list;

/* The items and sub-items of area_id (a depth-1 node), in outline order.
 * One query; the cost follows the area's size. */
int query_area_reports(store *st, int64_t area_id, item_report_list *out, duban_error *err);
void item_report_list_free(item_report_list *l);
/* The same for every item and sub-item of the plan (the minutes). */
int query_plan_reports(store *st, int64_t plan_id, item_report_list *out, duban_error *err);
/* The same for the nodes listed (any order), in outline order: the cost
 * follows the list (the minutes' 未报进展 items), not the plan. */
int query_node_reports(store *st, const node_list *nodes, item_report_list *out, duban_error *err);
/* The same for one node (an item or sub-item): after an edit of it. */
int query_node_report(store *st, int64_t node_id, item_report *out, duban_error *err);
void item_report_free(item_report *r);
/* The report of node id in l, or NULL. */
const item_report *item_report_find(const item_report_list *l, int64_t id);

/* Whole days without a report on day today: since the latest of r's last
 * report, the day r's item was added, and `since` (YYYY-MM-DD, the plan's
 * first day); -1 when no date can be read or it lies after today. */
long item_report_silent_days(const item_report *r, const char *since, long today);

#endif
