/* due_soon.h - what falls due in the next days (近期到期): items and
 * milestones not done whose date lies between today and today + days,
 * nearest first.
 *
 * An item's date is its extension when it has one (which then covers its
 * milestones too), else its due date; a milestone is listed on its own
 * date while its item is not done and not extended, unless that is the
 * item's due date (the item is listed that day).  Ties: by ref, the
 * item before its milestones.  Conventions of query.h.
 */
#ifndef DUBAN_DUE_SOON_H
#define DUBAN_DUE_SOON_H

#include "base/error.h"
#include "plan/model.h"
#include "query/filter.h"
#include "store/store.h"

typedef struct due_soon_row {
    int64_t node_id;
    char ref[REF_LEN];
    char *title;  /* the item's title; owns the row's texts (one block: free title alone) */
    char *phrase; /* the milestone's phrase, "" for the item itself */
    char *word;   /* the milestone's deadline word, "" for the item */
    char due[DATE_LEN];
    int days_left; /* 0: today */
    char status[32];
    char *unit;
    char *leader;
    int area_seq;
    char *area_title;
    int extended; /* the date is an approved extension */
} due_soon_row;
typedef struct due_soon_list {
    due_soon_row *v;
    size_t n;
} due_soon_list;

/* days >= 0.  With an active filter f (NULL: none) only the rows of
 * matching items. */
int query_due_soon(store *st, int64_t plan_id, long today, int days, const light_rule *rule,
                   const query_filter *f, due_soon_list *out, duban_error *err);
void due_soon_list_free(due_soon_list *l);

#endif
