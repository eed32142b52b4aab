/* vmodel.h - the outline's view model: the areas, their fold state, the
 * items of expanded areas, and the list of visible rows.  No curses.
 *
 * Loading is lazy: the areas (one row each) and their numbers (statistics
 * and light counts, one pass over the plan's index: area_summary.h) are
 * always loaded; an area's items (nodes) and their lights are loaded when
 * it is first expanded or shown (vm_load_items), or its lights alone when
 * one of them is asked for (vm_light).  Under a filter every area's
 * lights are loaded (the counts are made from them).  After an
 * edit only the edited node and its area's numbers are re-read
 * (vm_refresh_node, vm_refresh_area: the cost follows the area, not the
 * plan); vm_reload re-reads what is shown when another process changed
 * the store.  The selection is kept by node id across every rebuild.
 *
 * Functions returning int give DUBAN_OK or a core error code (err set).
 */
#ifndef DUBAN_TUI_VMODEL_H
#define DUBAN_TUI_VMODEL_H

#include "screen/app.h"

/* First load: plan, areas, statistics, fold state ("folds"); the items
 * of the expanded areas past vm_first_rows() are deferred (vm_deferred()):
 * the caller loads them after its first frame, before its first key. */
int vm_load(app *a, duban_error *err);
/* Re-reads the areas, the items of expanded areas and the statistics. */
int vm_reload(app *a, duban_error *err);
/* Reads every area's statistics and light counts, and the header
 * numbers, in one whole-plan pass (under a filter: every area's lights;
 * vm_stats.c; load and reload only). */
int vm_load_stats(app *a, duban_error *err);
/* Brings area i's statistics and lights and the header numbers up to
 * date after node id (0: unknown) changed.  The first time in an area it
 * re-reads the area and keeps each item's part of the statistics; after
 * that only node id is read and the area's numbers are adjusted, so an
 * edit costs the same in an area of 3 items or of 1,000.  The overdue
 * count is the sum of the areas' overdue_rows. */
int vm_refresh_area(app *a, size_t i, int64_t id, duban_error *err);
/* The light of item k of area i (items loaded), or of node id (reading
 * its area's lights when they are not loaded), filled into *out: out, or
 * NULL when unknown (areas and cancelled items have none).  Its unit and
 * leader are borrowed from the view model (vm_lights_get): read them at
 * once, never free them. */
const item_light *vm_item_light(const app *a, size_t i, size_t k, item_light *out);
const item_light *vm_light(app *a, int64_t id, item_light *out);
/* Loads area i's lights if they are not loaded. */
int vm_load_lights(app *a, size_t i, duban_error *err);
/* The lights of area i's first rows, up to node last_id (vm_open()): held
 * for the rows, not counted (the area's counts stay the summary's) and not
 * marked loaded, so that vm_load_lights() reads them all.  Nothing when
 * they are all loaded. */
int vm_load_head_lights(app *a, size_t i, int64_t last_id, duban_error *err);
/* Counts item l (when it is of depth 2) in ar's lights and statuses. */
void vm_count_light(const status_set *set, area_row *ar, const item_light *l);
/* The index of the area holding node id into *i (nareas when none). */
int vm_area_of(app *a, int64_t id, size_t *i, duban_error *err);
/* Loads area i's items (and their lights) if they are not loaded; the
 * fold state stays. */
int vm_load_items(app *a, size_t i, duban_error *err);
/* Expands (loading its items) or collapses area i; rows are not rebuilt. */
int vm_expand(app *a, size_t i, int on, duban_error *err);
/* The same for a fold key: an area not loaded is read up to its first
 * vm_first_rows() rows (partial, vm_deferred()), the rest after the frame,
 * so that opening an area of 8,000 items reads what the screen shows. */
int vm_open(app *a, size_t i, int on, duban_error *err);
/* Rebuilds the visible rows from the fold state, keeping the selection. */
void vm_rebuild_rows(app *a);
/* Re-reads one node into the model (after an edit); *area (may be NULL)
 * is the index of its area (nareas if unknown).  One or two queries. */
int vm_refresh_node(app *a, int64_t id, size_t *area, duban_error *err);
/* Expands the area holding node id and puts the cursor on it. */
int vm_reveal(app *a, int64_t id, duban_error *err);
/* Puts the cursor on node id's row, or on its area's row when the area
 * is collapsed; nothing is expanded or read. */
void vm_select(app *a, int64_t id);
/* Index of the area with id, or nareas. */
size_t vm_area_index(const app *a, int64_t id);

/* The id of the node shown on visible row r (0 past the end). */
int64_t vm_row_id(const app *a, size_t r);
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
/* Rows read before a frame (vm_load(), vm_open()): a->screen_rows, the
 * terminal's lines, and no fewer than VM_MIN_FIRST_ROWS.  The expanded
 * areas after them are deferred: expanded, their items not yet loaded (a
 * plan of 100,000 items with every area open started in 306 ms reading
 * all twelve; with the first alone, 58 ms; reading 256 rows of it rather
 * than a screen's cost 1.5 ms of the 10 ms first frame at 10,000). */
#define VM_MIN_FIRST_ROWS 24
size_t vm_first_rows(const app *a);
/* Whether an expanded area's items (all or all but its first rows:
 * vm_open()) wait to be loaded. */
int vm_deferred(const app *a);
/* Loads the next waiting area's items (all of them: every waiting
 * area's) and rebuilds the rows, keeping the selection.  An area that
 * fails to load is folded; its error is returned. */
int vm_load_deferred(app *a, int all, duban_error *err);
/* Notes that the fold state is to be stored for the next start (not
 * under a filter: clearing it brings the saved folds back).  Nothing is
 * written here: a fold key costs no write; vm_flush_folds writes it when
 * the keyboard is idle, at exit and before a filter is set.  Returns
 * DUBAN_OK. */
int vm_save_folds(app *a, duban_error *err);
/* Writes the fold state noted by vm_save_folds, if any (one ui_state row,
 * committed without a sync, and without waiting for another process
 * writing the database: store_try_put_state); returns a core code.  A
 * write that met another writer is tried again at the next call; a
 * failed one not until the next fold. */
int vm_flush_folds(app *a, duban_error *err);

void vm_free(app *a);

/* The filter (vm_filter.c).  vm_filter_set copies f (NULL: none) into
 * a->filter and reloads the model: only areas with a matching item, only
 * matching items (and the items above them), counts of those only. */
int vm_filter_set(app *a, const query_filter *f, duban_error *err);
/* Re-reads a->filter_ids and filter_areas (nothing when inactive). */
int vm_filter_load_ids(app *a, duban_error *err);
/* With an active filter, re-counts every area's statistics and lights on
 * the matching items (after the statistics were read); else nothing. */
int vm_filter_stats(app *a, duban_error *err);
/* The same for area i only, after vm_refresh_area read it again (an edit
 * in it): its items judged again, its numbers re-counted; the other areas
 * stay as they are.  Reads nothing; falls back to vm_filter_stats when the
 * area's parts were not read. */
int vm_filter_refresh_area(app *a, size_t i, duban_error *err);
/* Whether area area_id is shown under the filter (always when inactive). */
int vm_filter_keeps_area(const app *a, int64_t area_id);
/* Drops from an area's items those the filter hides. */
void vm_filter_items(const app *a, node_list *items);
/* The filter in words ("" when inactive), for the header. */
void vm_filter_describe(const app *a, char *out, size_t outsz);
void vm_filter_free(app *a);

#endif
