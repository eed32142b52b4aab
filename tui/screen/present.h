/* present.h - presentation mode: what view_present.c (state and keys)
 * shares with present_draw.c (the slides) and present_summary.c.
 *
 * A slide is a head (top line, centred title, rule, the line of figures)
 * and a list of blocks: the areas on the summary slide, the items on an
 * area's slide.  Blocks have heights measured at the current width; the
 * list scrolls so that the cursor's block is whole on the screen, with
 * "↓ 更多" when more is below.  Nothing here queries the store: the
 * view's sync step has loaded the items and targets.
 */
#ifndef DUBAN_TUI_PRESENT_H
#define DUBAN_TUI_PRESENT_H

#include "screen/app.h"
#include "screen/flow.h"
#include "query/item_report.h"

/* Presentation mode's state (view_present.c): slide 0 is the summary of
 * all areas, slide k (1..nareas) area k-1 with its items. */
#define PRESENT_VISIBLE_MAX 128
#define PRESENT_MORE_MAX 60 /* longest area whose milestones and notes are read */
/* One item's text, milestones and progress notes (oldest first): the
 * outline's rows carry no body (issue 15), a slide reads it here. */
typedef struct present_more {
    int64_t node_id;
    char *body; /* owned, never NULL once loaded */
    milestone_list ms;
    note_list notes;
} present_more;
typedef struct present_state {
    size_t slide;
    size_t cursor;            /* item of the area (summary: area index) */
    size_t top;               /* first item (summary: area) drawn */
    target_list targets;      /* the targets of the slide's area */
    item_report_list reports; /* its items' latest notes and reports */
    int64_t targets_area;     /* area the targets are for, 0 none */
    int targets_stale;        /* reload them at the next refresh */
    int64_t stale_node;       /* else reload only this node's report and more (0: none) */
    present_more *more;       /* its items' milestones and notes (short areas) */
    size_t nmore;
    size_t vis_first, vis_n; /* blocks drawn in the last frame ... */
    int vis_y[PRESENT_VISIBLE_MAX], vis_h[PRESENT_VISIBLE_MAX]; /* ... rows (for clicks) */
    int vis_x[PRESENT_VISIBLE_MAX], vis_w[PRESENT_VISIBLE_MAX]; /* ... and columns */
} present_state;

/* The view's state (owned by view_present.c). */
present_state *present_state_of(const app *a);

/* Blocks of a slide, measured and drawn through two callbacks; in rows
 * of `cols` blocks side by side (block i in row i / cols), each row as
 * tall as its tallest block. */
typedef struct present_blocks {
    size_t n;
    int gap, min_gap; /* blank lines between rows, reduced to min_gap to fit */
    int extra_max;    /* most blank lines added to gap when there is room */
    int centre;       /* when they fit, move them down by 1/centre of the room left */
    int centre_max;   /* ... but by no more than this many rows (0: no limit) */
    int cols;         /* blocks side by side (0 or 1: one column) */
    int width;        /* of the column, centred (0: present_column()) */
    int rules;        /* a rule across gaps of 3 rows or more */
    /* Draws header_h rows of column names above the first row (x, w: the
     * column), or NULL. */
    void (*header)(app *a, int y, int x, int w, void *ctx);
    int header_h;
    /* Lays block i out at width w into f (flow_init'ed by the callee). */
    void (*layout)(app *a, size_t i, int w, int selected, flow *f, void *ctx);
    void *ctx;
} present_blocks;

/* Draws the slide (present_draw.c). */
void present_draw(app *a, rect r);
/* Number of blocks of the current slide. */
size_t present_count(const app *a);

/* Shared by the two slides (present_draw.c). */
/* The column the blocks are laid out in: its width, and its left edge in *x
 * (narrower than r on wide screens, centred). */
int present_column(rect r, int *x);
/* Progress bar width for a screen cols wide (0: bars are off). */
int present_bar_width(const app *a, int cols);
/* The top line, the title block and the figures (centred); returns the
 * first row below them. */
int present_head(app *a, rect r, const char *pos, const char *title, const flow *figures);
/* "(!) 红灯 2" chips for each light with a count; zero counts left out. */
void present_light_chips(flow *f, const int count[LIGHT_COUNT], int gap);
/* Blocks in rows [y, r.y + r.h) of r with the cursor's block visible
 * (present_blocks.c). */
void present_blocks_draw(app *a, const present_blocks *b, rect r, int y);
/* 1 if all of b's blocks fit in avail rows of a column w wide. */
int present_blocks_fit(app *a, const present_blocks *b, int w, int avail);

/* The milestones and notes of area's items (present_more.c): loaded with
 * the targets, nothing for an area longer than PRESENT_MORE_MAX; find
 * returns NULL when node_id has none loaded. */
int present_more_load(app *a, size_t area, duban_error *err);
void present_more_free(present_state *p);
/* Reads node_id's milestones and notes again (after an edit of it);
 * nothing when it has none loaded. */
int present_more_reload(app *a, int64_t node_id, duban_error *err);
const present_more *present_more_find(const app *a, int64_t node_id);

/* An area's slide (present_area.c). */
void present_draw_area(app *a, rect r);

/* The summary slide (present_summary.c). */
void present_draw_summary(app *a, rect r);

#endif
