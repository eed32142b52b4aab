/* summary_memo.h - the areas' numbers kept in the database between
 * counts (issue 15: a first frame that does not grow with the plan).
 *
 * query_area_summary() counts the whole plan; when the store keeps
 * counts (the front end) what it counted is held in the store and
 * written when the front end is idle (query_keep_counts()) to
 * area_summary_memo (schema 17), one row a plan, with the memo key: the
 * day, the at-risk window, the lights' rule, the status set and this
 * program's version, everything besides the rows that decides the
 * numbers.  It is written only if nothing was written since the count,
 * and the database's triggers forget every memo when a row the count
 * reads changes (a node or milestone added, removed, or changed in a
 * counted column), whichever program changes it: a memo found with the
 * same key holds the numbers a count would give now.
 *
 * Internal to query/: area_summary.c is the only caller. */
#ifndef DUBAN_SUMMARY_MEMO_H
#define DUBAN_SUMMARY_MEMO_H

#include "query/area_summary.h"

#define SUMMARY_MEMO_KEY_LEN 1024

/* The memo key of a count on day today with warn_days and rule (NULL:
 * the default) under the store's status set, into key. */
void summary_memo_key(store *st, long today, int warn_days, const light_rule *rule,
                      char key[SUMMARY_MEMO_KEY_LEN]);

/* The plan's kept numbers when they were counted with key: 1 and out
 * filled (free with area_summary_list_free()); 0 and out empty when
 * there are none, they were counted otherwise, they cannot be read or
 * memory ran out (the caller then counts). */
int summary_memo_get(store *st, int64_t plan_id, const char *key, area_summary_list *out);

/* What the store had written before a count (kept_count): read it
 * before counting; ok 0 when it could not be read (nothing is kept). */
typedef struct memo_mark {
    int64_t data_version, changes;
    int ok;
} memo_mark;
void summary_memo_mark(store *st, memo_mark *m);

/* Holds l, the plan's numbers counted with key after mark m, in the store
 * until query_keep_counts() writes them (area_summary.h), in place of
 * any count held before.  Nothing unless the store keeps counts
 * (store_keep_counts()) and m is ok; out of memory holds nothing. */
void summary_memo_put(store *st, int64_t plan_id, const char *key, const area_summary_list *l,
                      const memo_mark *m);

#endif
