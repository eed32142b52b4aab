/* flow.h - text laid out into lines before it is drawn, for the large
 * screens of presentation mode: measure a block first (how many lines it
 * needs at this width), then draw any part of it.
 *
 * A flow has a width and an indent.  flow_text() adds a paragraph at the
 * indent, wrapped by display width (text_wrap: never cut, never wider than
 * the flow).  flow_chip() adds a short piece beside the previous one, after
 * a gap, or at the indent of the next line when it does not fit; a chip
 * wider than a line is wrapped like a paragraph.  flow_bar() is a chip
 * drawn as a progress bar.  flow_at() places text at a fixed column of the
 * current line (a margin marker); it does not move the pen.
 *
 * Text is sanitised here (text_sanitize) and drawn through draw.h.  The
 * flow owns its copies; flow_free() releases them.  Out of memory drops
 * text, never crashes.  No curses state is kept.
 */
#ifndef DUBAN_TUI_FLOW_H
#define DUBAN_TUI_FLOW_H

#include <stddef.h>

typedef struct flow_seg {
    int line, col, w;
    char *text;      /* NULL for a bar */
    int style;       /* draw.h style */
    int done, total; /* a bar's numbers */
} flow_seg;

typedef struct flow {
    int width, indent;
    int line, col; /* where the next chip goes; col 0: a fresh line */
    int head;      /* lines [0, head) are the heading (reversed when selected) */
    flow_seg *v;
    size_t n, cap;
} flow;

void flow_init(flow *f, int width, int indent);
/* A wrapped paragraph starting on a fresh line (the pen moves below it). */
void flow_text(flow *f, const char *text, int style);
/* A piece beside the previous ones, gap columns after them. */
void flow_chip(flow *f, const char *text, int style, int gap);
/* A progress bar chip of w columns. */
void flow_bar(flow *f, int w, int done, int total, int style, int gap);
/* text at column col of the current line, cut to w columns. */
void flow_at(flow *f, int col, int w, const char *text, int style);
/* A progress bar at column col of the current line. */
void flow_bar_at(flow *f, int col, int w, int done, int total);
/* A paragraph in the column [col, col + w) from the current line down; the
 * pen moves to a fresh line below it. */
void flow_text_in(flow *f, const char *text, int style, int col, int w);
/* Starts a new line unless a piece w columns wide fits after gap (to keep
 * chips that belong together on one line). */
void flow_reserve(flow *f, int w, int gap);
/* Ends the current line: the next chip starts a new one. */
void flow_newline(flow *f);
/* Lines used so far. */
int flow_height(const flow *f);
/* Columns used: the right end of line `line`. */
int flow_line_extent(const flow *f, int line);
/* Draws lines [from, from + h) of the flow with its line `from` at screen
 * row y and its column 0 at x; extra is or-ed into every style (S_REVERSE
 * for the selection) on lines below rev_lines. */
void flow_draw(const flow *f, int y, int x, int from, int h, int extra, int rev_lines);
void flow_free(flow *f);

#endif
