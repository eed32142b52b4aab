/* draw.h - the single path by which text reaches the screen.
 *
 * Every string drawn here goes through text_sanitize() first, so text
 * from the database (titles, notes, units) can never send a control
 * character or an escape sequence to the terminal.  Text is measured by
 * display width (textwidth.h), cut with "…" when too long, and a wide
 * character that would cross the right border is never placed.  All
 * drawing is on stdscr; callers pass the region to fill.
 *
 * Call draw_init() once after initscr(); styles then map to attributes
 * with or without colour (NO_COLOR, monochrome terminals).
 */
#ifndef DUBAN_TUI_DRAW_H
#define DUBAN_TUI_DRAW_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <ncursesw/curses.h>

#include "config/config.h"
#include "plan/status.h"
#include "text/textmatch.h"
#include "text/textwidth.h"

/* Styles; most take their colours from a theme element (config.h). */
enum draw_style {
    S_NORMAL,
    S_HEADER,   /* the title line */
    S_BAR_LINE, /* position and help hint on the status line */
    S_AREA,     /* an area row's number and title */
    S_BOLD,
    S_DIM,     /* labels, hints */
    S_ERROR,   /* an error on the status line */
    S_OK,      /* a confirmation on the status line */
    S_MATCH,   /* a search match */
    S_LATE,    /* overdue counts, days late */
    S_RISK,    /* at-risk counts */
    S_BAR,     /* the done part of a progress bar */
    S_SECTION, /* headings in the detail and help */
    S_LIGHT,   /* S_LIGHT + light (light.h): green, yellow, red 亮灯 */
    S_LIGHT_YELLOW,
    S_LIGHT_RED,
    S_STATUS, /* S_STATUS + i: status i of the set */
    S_COUNT = S_STATUS + STATUS_MAX,
};

/* Or-ed into a style: the cursor row (theme element "selection"), which
 * replaces the style's own colours. */
#define S_REVERSE 0x100

/* Chooses attributes for the styles from theme (CONFIG_EL_COUNT colours,
 * config.h) and the statuses' colour specs.  Without use_color, or on a
 * terminal without colours, only the attributes (bold, underline,
 * reverse) of the theme are used.  m (copied; NULL = ambiguous 1) is how
 * the terminal measures text: the screen's one copy of that setting. */
void draw_init(int use_color, const status_set *set, const config_color *theme,
               const text_measure *m);
/* The measure given to draw_init(), for everything on the screen that
 * measures, cuts or wraps text (textwidth.h). */
const text_measure *draw_measure(void);

/* Draws s at (y, x) in at most w columns (cut with "…"); returns the
 * columns used. */
int draw_text(int y, int x, int w, const char *s, int style);
/* draw_text() with every occurrence of a word of query (space-separated,
 * ASCII case folded: textmatch.h) in the theme's "match" colours; query
 * NULL or empty: draw_text(). */
int draw_text_match(int y, int x, int w, const char *s, int style, const char *query);
/* draw_text() with the n byte ranges sp of s (sorted, not overlapping,
 * never splitting a character: text_match_spans() of a text s was cut
 * from) in the match colours: marks found before s was wrapped. */
int draw_text_spans(int y, int x, int w, const char *s, int style, const text_span *sp, size_t n);
/* Right-aligns s in [x, x+w); returns the column where it starts. */
int draw_right(int y, int x, int w, const char *s, int style);
/* Centres s in [x, x+w). */
void draw_centered(int y, int x, int w, const char *s, int style);
/* w spaces in style. */
void draw_blank(int y, int x, int w, int style);
/* Separator lines. */
void draw_vline(int y, int x, int h);
void draw_hline(int y, int x, int w);

/* A progress bar "[####------]" of w columns (at least 3), the done part
 * in S_BAR; rev is 0 or S_REVERSE. */
void draw_bar(int y, int x, int w, int done, int total, int rev);

/* Display width of s as draw_text() would draw it (after sanitising). */
int draw_width(const char *s);

#endif
