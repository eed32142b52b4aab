/* search.h - incremental search over the outline (query_search: FTS5
 * trigram in the store).
 *
 * search_begin() remembers the selection and fold state; each
 * search_update() runs the query and selects the first match (expanding
 * its area); search_cancel() restores what was remembered; search_accept()
 * keeps the selection and the marks; search_step() moves to the next or
 * previous match.  Matches are marked until search_clear().
 */
#ifndef DUBAN_TUI_SEARCH_H
#define DUBAN_TUI_SEARCH_H

#include "screen/app.h"

void search_begin(app *a);
void search_update(app *a, const char *text);
void search_cancel(app *a);
void search_accept(app *a);
void search_step(app *a, int dir);
void search_clear(app *a);
/* 1 if node id is a current match. */
int search_is_match(const app *a, int64_t id);
/* While the search prompt is open and the outline or the short words'
 * copy of the text is not read yet: search_idle_work() is 1, and each
 * search_idle() reads the outline or a part of the copy (a few
 * milliseconds), for the loop to call while no key waits.  The first key
 * typed reads what is left. */
int search_idle_work(const app *a);
void search_idle(app *a);
void search_free(search_state *s);

#endif
