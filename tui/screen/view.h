/* view.h - the views of the front end, each a small table of functions.
 *
 * A main view (outline, overdue list, help) fills the main region; the
 * detail pane beside or below it shows the node the main view selects.
 * Views draw only what is visible and never query the store while
 * drawing except through their sync step; handlers change state and say
 * what should happen next (htop's HandlerResult) instead of drawing.
 *
 * Call order per frame (tui.c): layout -> view->sync -> detail_sync ->
 * view->draw -> detail_draw -> doupdate.  Per key: actions_dispatch()
 * calls view->handle, and the global handler when the view returns
 * VIEW_IGNORED.
 */
#ifndef DUBAN_TUI_VIEW_H
#define DUBAN_TUI_VIEW_H

#include "screen/actions.h"
#include "screen/app.h"

typedef enum view_result {
    VIEW_IGNORED, /* not this view's action: try the global meaning */
    VIEW_HANDLED, /* done; the next frame shows the new state */
    VIEW_REPAINT, /* repaint every cell (Ctrl-L) */
    VIEW_QUIT,
} view_result;

typedef struct view_ops {
    const char *name;
    /* Brings loaded data up to date (after edits, reloads); may query. */
    void (*sync)(app *a);
    void (*draw)(app *a, rect r);
    view_result (*handle)(app *a, action act, int arg);
    /* A mouse event at (y, x) relative to r: wheel -1 up, +1 down, 0 click. */
    view_result (*click)(app *a, rect r, int y, int x, int wheel);
    /* The node the detail pane describes, 0 none. */
    int64_t (*selected)(app *a);
    /* Position for the status line, e.g. "方面 5/12". */
    void (*position)(app *a, char *out, size_t outsz);
} view_ops;

extern const view_ops view_outline;
extern const view_ops view_overdue;
extern const view_ops view_changes;
extern const view_ops view_present;
extern const view_ops view_help;

/* Switches the main view (the outline when v is NULL). */
void view_switch(app *a, const view_ops *v);

/* The detail pane (view_detail.c). */
void detail_sync(app *a, int width);
void detail_draw(app *a, rect r);
view_result detail_scroll(app *a, int lines);
void detail_free(detail_state *d);

/* The overdue list (view_overdue.c): drop it so it is reloaded. */
void overdue_invalidate(app *a);
void overdue_free(overdue_state *o);

/* The changes view (view_changes.c): reload it after edits and meetings. */
void changes_invalidate(app *a);
void changes_free(changes_state *c);

/* Presentation mode (view_present.c).  present_enter() switches to it on
 * slide (0 the summary, k area k), present_leave() back to the outline
 * with the presented item selected there; present_show() moves to the
 * slide holding node id and selects it (after an undo). */
void present_enter(app *a, size_t slide);
void present_leave(app *a);
void present_show(app *a, int64_t id);
/* Reload the slide's targets at the next sync (after an edit). */
void present_invalidate(app *a);
void present_free(present_state *p);

/* Moves a cursor over n rows by the movement actions (move, page, first,
 * last); returns 1 if act was a movement. */
int view_move_cursor(action act, size_t *cursor, size_t n, int page);
/* Keeps cursor within [top, top+h). */
void view_scroll_to(size_t cursor, size_t *top, size_t n, int h);

#endif
