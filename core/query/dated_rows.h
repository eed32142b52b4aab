/* dated_rows.h - the rows of the overdue and due-soon lists (internal to
 * core/query): an item, or one of its milestones, with the date that
 * puts it on the list.  Both lists read them with one reader from
 * statements of the same columns, two statements a list (items by
 * node_late, milestones by milestone_open_by_due), and sort them in C.
 *
 * A statement selects, in this order:
 *   0 node id, 1 ref, 2 title, 3 milestone phrase, 4 milestone word
 *   ('' for the item), 5 date, 6 days (late or left), 7 status, 8 unit,
 *   9 area seq, 10 area title, 11 the due date an extension replaced
 *   (''), 12 leader, 13 sort_key, 14 milestone seq (0 for the item),
 *   15 1 when the date is an extension;
 * FROM DATED_FROM(...) (the row's parent p and grandparent g joined once:
 * its area, DATED_AREA, and whether it counts, NODE_ACTIVE, without a
 * correlated subquery a row). */
#ifndef DUBAN_DATED_ROWS_H
#define DUBAN_DATED_ROWS_H

#include "query/query.h"
#include "store/store.h"

#include <sqlite3.h>
#include <stddef.h>

#define DATED_AREA(col)                                                                            \
    "CASE n.depth WHEN 1 THEN n." col " WHEN 2 THEN p." col " ELSE g." col " END"
/* ?1 the plan; `done` a CTE of the done status keys. */
#define DATED_FROM(first)                                                                          \
    " FROM " first                                                                                 \
    " LEFT JOIN node p ON p.id = n.parent_id LEFT JOIN node g ON g.id = p.parent_id"               \
    " WHERE n.plan_id = ?1 AND n.status NOT IN done AND n.state = ''"                              \
    "  AND coalesce(p.state, '') = '' AND coalesce(g.state, '') = ''"

/* A row (r.days_late holds the days, late or left) and what orders it. */
typedef struct dated_row {
    overdue_row r;
    int extended;
    char *sort_key;
    int mseq;
} dated_row;

/* Steps stmt (bound, then finalized here) to the end, appending its rows
 * to *rows (*n of *cap).  DUBAN_ENOMEM, DUBAN_EDB (what: the message,
 * "cannot read ..."). */
int dated_rows_collect(store *st, sqlite3_stmt *stmt, const char *what, dated_row **rows, size_t *n,
                       size_t *cap, duban_error *err);
/* The two statements of a list (items, then milestones), prepared and
 * bound, for a reader of its own (query/dated_list.h): the overdue
 * list's full columns (query_overdue.c), due soon within days
 * (due_soon.c).  On failure both are NULL.  DUBAN_EDB, DUBAN_EINVAL. */
int overdue_statements(store *st, int64_t plan_id, long today, sqlite3_stmt *out[2],
                       duban_error *err);
int due_soon_statements(store *st, int64_t plan_id, long today, int days, sqlite3_stmt *out[2],
                        duban_error *err);
/* Frees what a row owns (its texts), for rows not handed on. */
void dated_row_free(dated_row *d);
/* Frees n rows and the array. */
void dated_rows_free(dated_row *rows, size_t n);

#endif
