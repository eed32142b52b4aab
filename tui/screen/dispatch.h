/* dispatch.h - runs an action (actions.h) on the application.
 *
 * The main view's handle gets it first (view.h); when the view returns
 * VIEW_IGNORED the application-wide meaning runs: quitting, redrawing,
 * the detail pane, search, opening and closing views by their toggle
 * action (views.def), and the edits (app_edit.h).
 *
 * Layer: action, called by input (tui.c) only.
 */
#ifndef DUBAN_TUI_DISPATCH_H
#define DUBAN_TUI_DISPATCH_H

#include "screen/view.h"

/* Runs act (arg: the status index of set_status) and says what the loop
 * should do next. */
view_result dispatch_action(app *a, action act, int arg);

#endif
