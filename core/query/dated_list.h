/* dated_list.h - the overdue and due-soon lists held compactly, for the
 * front end's views, which keep the whole list while they are shown (at
 * 100k items the overdue list has tens of thousands of rows).
 *
 * The rows, their order and their texts are those of query_overdue_where
 * (query/filter.h) and query_due_soon (query/due_soon.h), read from the
 * same statements; a row is a fixed 64-byte record whose texts are
 * offsets into the list's one string pool (base/strpool.h), the texts
 * that repeat interned (a milestone's row shares its item's ref and
 * title; units, leaders, areas, dates and status keys), instead of a 176-byte
 * row with six malloc'ed strings.  The rows are read straight from
 * SQLite into the pool: no row is copied as a whole list first.
 *
 * Use: zero a dated_list, optionally dated_list_reserve, fill it with
 * dated_list_overdue or dated_list_due_soon (each empties it first), read texts with
 * dated_text, free with dated_list_free.  Errors as query.h (the list is
 * then empty).
 */
#ifndef DUBAN_DATED_LIST_H
#define DUBAN_DATED_LIST_H

#include "base/error.h"
#include "base/strpool.h"
#include "query/filter.h"
#include "query/group.h"
#include "store/store.h"

#include <stddef.h>
#include <stdint.h>

typedef struct dated_item {
    int64_t node_id;
    /* Offsets into the list's pool (dated_text): as overdue_row's and
     * due_soon_row's fields of the same names ("" when empty). */
    uint32_t ref, title, phrase, word, due, original_due, status, unit, leader, area_title;
    int32_t days; /* overdue: days late; due soon: days left (0: today) */
    int32_t area_seq;
    uint32_t sort_key; /* while reading only: the order within a day */
    int16_t mseq;      /* while reading only: the milestone's number (0: the item) */
    uint8_t extended;  /* the date is an approved extension (延期) */
} dated_item;

typedef struct dated_list {
    dated_item *v;
    size_t n, cap;
    strpool pool;
} dated_list;

/* Room for rows rows before a read (the caller's count of the list, e.g.
 * the areas' overdue_rows): the rows are then read into one block,
 * without the copies and freed blocks of a growing array.  The next
 * dated_list_overdue* or _due_soon keeps it; a wrong count only costs
 * growing or the unused room (given back after the read).  DUBAN_ENOMEM. */
int dated_list_reserve(dated_list *l, size_t rows);

/* query_overdue_where's rows: most days late first. */
int dated_list_overdue(store *st, int64_t plan_id, long today, const light_rule *rule,
                       const query_filter *f, dated_list *out, duban_error *err);
/* The same rows of the items in keep only (ascending ids, as
 * query_filter_ids gives; NULL: every row), for a caller that holds the
 * filter's ids already. */
int dated_list_overdue_of(store *st, int64_t plan_id, long today, const id_list *keep,
                          dated_list *out, duban_error *err);
/* query_due_soon's rows: nearest first. */
int dated_list_due_soon(store *st, int64_t plan_id, long today, int days, const light_rule *rule,
                        const query_filter *f, dated_list *out, duban_error *err);

/* A text of l's rows. */
static inline const char *dated_text(const dated_list *l, uint32_t off)
{
    return strpool_str(&l->pool, off);
}

/* group_overdue (query/group.h) for these rows.  DUBAN_ENOMEM. */
int dated_list_group(const dated_list *l, enum light_group by, enum group_order order,
                     group_list *out);

/* Bytes held (rows and pool), for measuring. */
size_t dated_list_bytes(const dated_list *l);
void dated_list_free(dated_list *l);

#endif
