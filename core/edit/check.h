/* check.h - `duban check`: is the database file sound, and does the plan
 * agree with its history?
 *
 * store_check() runs SQLite's integrity check and foreign-key check, then
 * the store's own invariants:
 *   - every item's field (status, due, unit, leader, extension, numeric
 *     target) equals the new value of the history row that set it: its
 *     last row, or, for an item with rows from another replica, the
 *     winning assignment of the conflict rule (sync.h);
 *   - every edit in effect (not undone) that carried progress text has its
 *     note, with that text, and every note made by an edit belongs to an
 *     edit in effect of the same item.
 * Each problem found is one line appended to report (no trailing text
 * otherwise); *problems is their number.  It reads only.
 *
 * Its steps are told to the store's progress function (store_set_progress()).
 *
 * Returns DUBAN_OK when the checks ran (whatever they found), or an error
 * when they could not run (the file is too damaged to query: the report
 * then says what SQLite said, and *problems is 1).
 */
#ifndef DUBAN_CHECK_H
#define DUBAN_CHECK_H

#include "base/error.h"
#include "base/strbuf.h"
#include "store/store.h"

#include <stddef.h>

int store_check(store *st, strbuf *report, size_t *problems, duban_error *err);

#endif
