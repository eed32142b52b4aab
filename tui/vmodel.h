/* vmodel.h - the outline's view model: the areas, their fold state, the
 * items of expanded areas, and the list of visible rows.  No curses.
 *
 * Loading is lazy: the areas (one row each) and their statistics are
 * always loaded; an area's items are loaded when it is first expanded.
 * After an edit only the edited node and the statistics are re-read
 * (vm_refresh_node, vm_load_stats); vm_reload re-reads what is shown
 * when another process changed the store.  The selection is kept by
 * node id across every rebuild.
 *
 * Functions returning int give DUBAN_OK or a core error code (err set).
 */
#ifndef DUBAN_TUI_VMODEL_H
#define DUBAN_TUI_VMODEL_H

#include "app.h"

/* First load: plan, areas, statistics, fold state ("folds"). */
int vm_load(app *a, duban_error *err);
/* Re-reads the areas, the items of expanded areas and the statistics. */
int vm_reload(app *a, duban_error *err);
/* Re-reads per-area statistics and the header numbers. */
int vm_load_stats(app *a, duban_error *err);
/* Expands (loading its items) or collapses area i; rows are not rebuilt. */
int vm_expand(app *a, size_t i, int on, duban_error *err);
/* Rebuilds the visible rows from the fold state, keeping the selection. */
void vm_rebuild_rows(app *a);
/* Re-reads one node into the model (after an edit). */
int vm_refresh_node(app *a, int64_t id, duban_error *err);
/* Expands the area holding node id and puts the cursor on it. */
int vm_reveal(app *a, int64_t id, duban_error *err);

/* The node shown on visible row r (NULL past the end). */
const node *vm_row_node(const app *a, size_t r);
/* The selected node's id (0 when there are no rows). */
int64_t vm_selected(const app *a);
/* Index of the area holding the cursor (0 when none). */
size_t vm_cursor_area(const app *a);
/* First visible row of area i. */
size_t vm_area_row(const app *a, size_t i);

/* The fold state as a heap string: refs of expanded areas, "1,5". */
char *vm_folds(const app *a);
/* Expands exactly the areas listed in folds (NULL: none); rebuilds rows. */
int vm_set_folds(app *a, const char *folds, duban_error *err);
/* Stores the fold state for the next start; returns a core code. */
int vm_save_folds(app *a, duban_error *err);

void vm_free(app *a);

#endif
