/* edit_bulk.h - many edits of a new plan written at once (the
 * generator's bulk path, tests/tools/duban-gen.c).
 *
 * edit_apply_bulk() writes the rows edit_apply() would write for each
 * edit in turn (history, its stamp in history_gid, notes, the items'
 * values) without reading back what it wrote: the items' values, their
 * clocks and the changes each field last had are kept in memory, and
 * each item's row is written once at the end.  tests/cli/gen_bulk.sh
 * checks that the database is the same, row for row, as edit_apply()'s.
 *
 * Only for a plan without history and without an open meeting, inside a
 * store_begin() batch (DUBAN_EINVAL otherwise).  Fields: status, due,
 * unit, leader and note; values as edit_apply() would store them (a
 * status key, a YYYY-MM-DD date, text without surrounding white space),
 * else DUBAN_EINVAL naming the edit.  On an error nothing of the call is
 * kept: the caller rolls the batch back. */
#ifndef DUBAN_EDIT_BULK_H
#define DUBAN_EDIT_BULK_H

#include "edit/edit.h"

typedef struct edit_bulk {
    int64_t node_id;
    edit_field field;
    const char *value; /* borrowed */
    const char *note;  /* NULL or "" for none; borrowed */
} edit_bulk;

int edit_apply_bulk(store *st, int64_t plan_id, const edit_bulk *edits, size_t n, duban_error *err);

#endif
