/* dated_rows.h - the rows of the overdue and due-soon lists (internal to
 * core/query): an item, or one of its milestones, with the date that
 * puts it on the list.  Both lists read them with one reader from
 * statements of the same columns, two statements a list (items by
 * node_late, milestones by milestone_open_by_due), and sort them in C.
 *
 * A statement selects, in this order:
 *   0 node id, 1 ref, 2 title, 3 milestone phrase, 4 milestone word
 *   ('' for the item), 5 the due date (the item's or the milestone's),
 *   6 the item's extended due date ('' for a milestone), 7 status,
 *   8 unit, 9 parent id (NULL for an area), 10 depth, 11 leader,
 *   12 sort_key, 13 milestone seq (0 for the item), 14 the node's seq;
 * FROM DATED_FROM(...), which keeps the rows whose node is not done and
 * not itself cancelled or removed.  The reader takes the date in force
 * (the extension, else the due date; the due date it replaced goes to
 * original_due) and counts the days from today in C, as
 * CAST(julianday(a) - julianday(b) AS INTEGER) would (0 for what is not
 * a date).
 *
 * dated_rows_finish() then reads the rows' parents p with their parents g
 * in one statement, each distinct parent once (late items are many, their
 * parents few): a row counts when neither is cancelled or removed
 * (NODE_ACTIVE), and its area is the node itself at depth 1, p at depth 2
 * and g below. */
#ifndef DUBAN_DATED_ROWS_H
#define DUBAN_DATED_ROWS_H

#include "plan/date.h"
#include "query/query.h"
#include "store/store.h"

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

/* ?1 the plan, ?2 the done status keys; `done` a CTE of them.  not_done:
 * NOT_DONE_ONE or NOT_DONE_ANY (stats_internal.h). */
#define DATED_FROM(first, not_done)                                                                \
    " FROM " first " WHERE n.plan_id = ?1 AND " not_done("n.status", "?2") " AND n.state = ''"
/* Columns 6 to 14, after the due date: the item's extension, the leader
 * and the milestone seq given. */
#define DATED_TAIL(ext, leader, mseq)                                                              \
    ext ", n.status, n.unit, n.parent_id, n.depth, " leader ", n.sort_key, " mseq ", n.seq"

/* A row (r.days_late holds the days, late or left) and what orders it. */
typedef struct dated_row {
    overdue_row r;
    int extended;
    char *sort_key; /* in the block of r.title */
    uint64_t skey;  /* sort_key as a number in the same order, 0 when it has no such form */
    int mseq;
    int64_t parent; /* 0: none */
    int depth;
} dated_row;

/* "00001.00074.00001" (len bytes) as a number of the same order: each
 * five-digit part plus one in 17 bits, a missing part 0 (a shorter key
 * first); 0 for a key of another form (more than three parts, another
 * width), which then compares by strcmp(). */
uint64_t dated_pack_key(const char *k, int len);
/* strcmp() of the rows' sort keys (by skey when both have one). */
int dated_cmp_outline(const dated_row *x, const dated_row *y);

/* A parent's look-up: whether it and its parent count, their area
 * columns.  Internal to the reader. */
typedef struct dated_parent dated_parent;

/* What one list's statements share: the store and the parents seen (by
 * id).  Init, collect each statement, finish, then free. */
typedef struct dated_reader {
    store *st; /* borrowed */
    int area;  /* fill area_seq and area_title (else 0 and "") */
    long today;
    int sign; /* days are today - date (1: late) or date - today (-1: left) */
    char last[DATE_LEN + 1];
    int last_days; /* the days of the date last (the rows come by date) */
    dated_parent *tab;
    size_t cap, used;
} dated_reader;

void dated_reader_init(dated_reader *rd, store *st, int area, long today, int sign);
void dated_reader_free(dated_reader *rd);

/* Steps stmt (bound, then finalized here) to the end, appending its rows
 * to *rows (*n of *cap).  DUBAN_ENOMEM, DUBAN_EDB (what: the message,
 * "cannot read ..."). */
int dated_rows_collect(dated_reader *rd, sqlite3_stmt *stmt, const char *what, dated_row **rows,
                       size_t *n, size_t *cap, duban_error *err);
/* After the last collect: reads the rows' parents, leaves out (frees) the
 * rows that do not count and gives the others their area; *n becomes the
 * rows kept, which the caller still owns also on failure.  DUBAN_ENOMEM,
 * DUBAN_EDB. */
int dated_rows_finish(dated_reader *rd, dated_row *rows, size_t *n, duban_error *err);

/* For a reader of rows of its own (query/dated_list.h), the same steps
 * on ids: dated_reader_days() is a date's days (as the reader counts
 * them), dated_reader_due() reads a row's dates, dated_reader_note() notes a row's parent (0: none)
 * before dated_reader_resolve() reads every noted parent and its parent, and dated_reader_area()
 * then says whether a row under parent at depth counts (1) or not (0: NODE_ACTIVE), with its area's
 * seq and title (borrowed from rd; "" when rd reads no area). */
int dated_reader_days(dated_reader *rd, const char *date);
/* The row's date in force into due (the extension, else the due date;
 * the due date it replaced into original, else ""), *extended whether it
 * is an extension; returns its days (dated_reader_days). */
int dated_reader_due(dated_reader *rd, sqlite3_stmt *s, char due[DATE_LEN], char original[DATE_LEN],
                     int *extended);
int dated_reader_note(dated_reader *rd, int64_t parent);
int dated_reader_resolve(dated_reader *rd, duban_error *err);
int dated_reader_area(const dated_reader *rd, int64_t parent, int depth, int *seq,
                      const char **title);

/* The two statements of a list (items, then milestones), prepared and
 * bound, for a reader of its own (query/dated_list.h): the overdue
 * list's full columns (query_overdue.c), due soon within days
 * (due_soon.c).  On failure both are NULL.  DUBAN_EDB, DUBAN_EINVAL. */
int overdue_statements(store *st, int64_t plan_id, long today, sqlite3_stmt *out[2],
                       duban_error *err);
int due_soon_statements(store *st, int64_t plan_id, long today, int days, sqlite3_stmt *out[2],
                        duban_error *err);
/* A list's two statements (bound; both finalized here) collected in
 * turn, then finished: the rows that count into *rows (*n of them, the
 * caller's also on failure).  DUBAN_ENOMEM, DUBAN_EDB. */
int dated_rows_read(dated_reader *rd, sqlite3_stmt *stmts[2], const char *what, dated_row **rows,
                    size_t *n, duban_error *err);
/* Frees what a row owns (its texts), for rows not handed on. */
void dated_row_free(dated_row *d);
/* Frees n rows and the array. */
void dated_rows_free(dated_row *rows, size_t n);

#endif
