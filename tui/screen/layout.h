/* layout.h - the screen's regions and the frame around the views: the
 * header line, the status line, separators and the too-small notice.
 *
 * layout_compute() derives every region from the terminal size, the
 * current view and the detail preference; the draw functions only read
 * app and draw through draw.h.
 */
#ifndef DUBAN_TUI_LAYOUT_H
#define DUBAN_TUI_LAYOUT_H

#include "screen/app.h"

#define LAYOUT_MIN_COLS 60
#define LAYOUT_MIN_LINES 16
/* From this width the detail sits beside the outline. */
#define LAYOUT_WIDE_COLS 120

void layout_compute(app *a, int lines, int cols);

/* Draws one whole frame (header, view, detail, status line) into stdscr
 * without refreshing.  Returns the column of the prompt cursor on the
 * status line, or -1 when no prompt is open. */
int layout_draw_frame(app *a);

/* After a key that only moved the main view's cursor from row from:
 * draws on the last frame (not erased) the rows the view's draw_moved
 * hook redraws, the detail pane and the status line, and returns the
 * prompt cursor's column as layout_draw_frame() does; -2 with nothing
 * drawn when the whole frame must be drawn.  The header, separators
 * and other rows stay as the last frame drew them. */
int layout_draw_moved(app *a, size_t from);

#endif
