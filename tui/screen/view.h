/* view.h - the views of the front end: a registry (views.def) of small
 * tables of functions, each view with its own state and flags.
 *
 * A main view (outline, overdue list, changes, slides, help) fills the
 * main region; a pane (the detail) is drawn beside it and describes the
 * node the main view selects.  Views draw only what is visible and query
 * the store only in their refresh step; handlers change state and say
 * what should happen next (htop's HandlerResult) instead of drawing.
 *
 * Life of a view: views_create() (at start) calls every view's create
 * hook, which allocates its private state (view_state() returns it);
 * views_destroy() (at the end) calls the destroy hooks.  Nothing else
 * frees a view's state.
 *
 * Call order per frame (layout.c): layout -> refresh of the main view and
 * of the detail pane -> their draw -> doupdate.  Per key: the dispatcher
 * calls the main view's handle, then the global meaning when the view
 * returns VIEW_IGNORED.  After an edit, views_invalidate() with
 * VF_REFRESH_AFTER_EDIT marks the views that must reload; they reload in
 * their next refresh.
 *
 * Layer: view, above the model (app.h, vmodel.h) and below the edits
 * (app_edit.h) and dispatch; tests/arch/tui_layers.sh checks it.
 */
#ifndef DUBAN_TUI_VIEW_H
#define DUBAN_TUI_VIEW_H

#include "screen/actions.h"
#include "screen/app.h"

/* What a handler asks for next. */
typedef enum view_result {
    VIEW_IGNORED, /* not this view's action: try the global meaning */
    VIEW_HANDLED, /* done; the next frame shows the new state */
    VIEW_REPAINT, /* repaint every cell (Ctrl-L) */
    VIEW_QUIT,
} view_result;

typedef enum view_flag {
    VF_REFRESH_AFTER_EDIT = 1 << 0, /* invalidated after an edit, an undo, a reload */
    VF_FOLLOWS_MEETING = 1 << 1,    /* invalidated when a meeting starts or ends */
    VF_NO_DETAIL = 1 << 2,          /* the detail pane is not shown beside it */
    VF_FULL_SCREEN = 1 << 3,        /* no header line, no key hints (the wall) */
    VF_RETURNS = 1 << 4,            /* closing it goes back where it was opened */
    VF_PANE = 1 << 5,               /* drawn beside the main view, never the main view */
    VF_FOLLOWS_FILTER = 1 << 6,     /* invalidated when the filter (筛选) changes */
} view_flag;

/* Mouse wheel: one notch is the move_down / move_up action repeated. */
#define VIEW_WHEEL_LINES 3

typedef struct view_ops {
    const char *name;
    unsigned flags; /* view_flag */
    action toggle;  /* opens the view, and closes it when shown; ACT_NONE: none */
    /* Allocates the private state (NULL: out of memory); NULL: none. */
    void *(*create)(app *a);
    /* Frees what create allocated and what the view loaded into it. */
    void (*destroy)(void *state);
    /* Drops what was loaded so that the next refresh reloads it. */
    void (*invalidate)(app *a);
    /* The refresh hook: brings loaded data up to date (after an
     * invalidate, a reload); the only place a view may query.  NULL:
     * nothing to load. */
    void (*sync)(app *a);
    void (*draw)(app *a, rect r);
    /* Optional: after a key that only moved the cursor from row from,
     * redraws on the last frame the rows that changed and returns 0; -1
     * (nothing drawn) when the whole view must be drawn (it scrolled,
     * its columns changed). */
    int (*draw_moved)(app *a, rect r, size_t from);
    /* A key's action (NULL: ignores all).  For move_down and move_up,
     * arg > 1 repeats the move (the mouse wheel); for set_status it is
     * the status index. */
    view_result (*handle)(app *a, action act, int arg);
    /* A click at (y, x) relative to r; NULL: clicks do nothing. */
    view_result (*click)(app *a, rect r, int y, int x);
    /* The node the detail pane describes, 0 none (NULL: none). */
    int64_t (*selected)(app *a);
    /* Position for the status line, e.g. "方面 5/12" (NULL: the name). */
    void (*position)(app *a, char *out, size_t outsz);
    /* Optional: called when the toggle action opens the view. */
    void (*enter)(app *a);
    /* Optional: shows node id after an undo moved elsewhere. */
    void (*reveal)(app *a, int64_t id);
} view_ops;

#define VIEW(name) extern const view_ops view_##name;
#include "screen/views.def"
#undef VIEW

/* The registry entry of view id (VIEW_outline <= id < VIEW_COUNT). */
const view_ops *view_get(view_id id);
/* The main view's entry. */
const view_ops *view_current(const app *a);
/* The private state view id's create hook allocated (NULL: none). */
void *view_state(const app *a, view_id id);

/* Creates every view's state; DUBAN_ENOMEM when one fails. */
int views_create(app *a, duban_error *err);
/* Destroys every view's state. */
void views_destroy(app *a);
/* Invalidates every view that has one of the flags. */
void views_invalidate(app *a, unsigned flags);

/* Makes id the main view (no enter hook). */
void view_switch(app *a, view_id id);
/* Opens id through its toggle: remembers where it came from (VF_RETURNS)
 * and calls its enter hook. */
void view_open(app *a, view_id id);
/* Closes the main view: back where it was opened (VF_RETURNS), else to
 * the home view. */
void view_close(app *a);
/* The view whose toggle is act, or VIEW_COUNT. */
view_id view_by_toggle(action act);
/* Offers act to view id's handle (VIEW_IGNORED when it has none). */
view_result view_handle(app *a, view_id id, action act, int arg);
/* The mouse wheel (dir -1 up, +1 down) on view id: its handle gets
 * move_up / move_down with arg VIEW_WHEEL_LINES. */
view_result view_wheel(app *a, view_id id, int dir);
/* The node the main view has selected (0 none). */
int64_t app_selected(app *a);

/* Sets the filter (NULL: clears it): reloads the view model, invalidates
 * the views with VF_FOLLOWS_FILTER and says so on the status line. */
void view_set_filter(app *a, const query_filter *f);

/* Presentation mode on slide (0 the summary, k area k), from the start. */
void present_enter(app *a, size_t slide);

/* Moves a cursor over n rows by the movement actions (move, page, first,
 * last; count > 1 repeats a move); returns 1 if act was a movement. */
int view_move_cursor(action act, int count, size_t *cursor, size_t n, int page);
/* Keeps cursor within [top, top+h). */
void view_scroll_to(size_t cursor, size_t *top, size_t n, int h);

#endif
