/* app.h - the one state of the full-screen front end.
 *
 * Everything the screen shows is a function of the store plus this
 * struct; there are no other mutable globals.  No curses here: the view
 * model (vmodel.h) works on it without a terminal.
 *
 * Ownership: app owns every list it points to; app_free() (tui.c)
 * releases them.  Node ids, not pointers or row numbers, identify the
 * selection across reloads.
 */
#ifndef DUBAN_TUI_APP_H
#define DUBAN_TUI_APP_H

#include "cli/cli.h"
#include "plan/light.h"
#include "screen/lineedit.h"
#include "edit/meeting.h"
#include "plan/model.h"
#include "query/query.h"
#include "plan/target.h"

#include <stddef.h>
#include <stdint.h>

typedef struct rect {
    int y, x, h, w;
} rect;

/* Screen regions; h or w 0 = not shown. */
typedef struct layout {
    int lines, cols;
    int too_small;
    rect header, main, detail, status;
    int vsep_x; /* column of the vertical separator, -1 none */
    int hsep_y; /* row of the horizontal separator, -1 none */
} layout;

/* One area of the outline with its items when they have been loaded.
 * Statistics and lights are always loaded, for every area. */
typedef struct area_row {
    node area;
    area_stats stats;
    item_light_list lights; /* every item and sub-item, outline order */
    item_stats_list parts;  /* each item's part of stats (after a first edit) */
    int parts_loaded;
    int nlight[LIGHT_COUNT]; /* items (depth 2) per light */
    int expanded;
    int loaded;      /* items is current */
    node_list items; /* items and sub-items in outline order */
} area_row;

/* A visible outline row: an area line (item < 0) or one of its items. */
typedef struct outline_row {
    int area;
    int item;
} outline_row;

typedef struct outline_state {
    area_row *areas;
    size_t nareas;
    outline_row *rows;
    size_t nrows, rows_cap;
    size_t cursor, top;
    int done, total, overdue; /* header numbers */
} outline_state;

typedef struct detail_line {
    char *text; /* sanitised, fits the width */
    int style;  /* draw.h style */
} detail_line;

typedef struct detail_state {
    int64_t node_id; /* what lines describe, 0 none */
    int width;       /* lines were wrapped for this width */
    int stale;       /* reload before the next draw */
    detail_line *lines;
    size_t n, cap;
    int scroll;
} detail_state;

typedef struct overdue_entry {
    int header; /* 1: a group heading */
    size_t idx; /* row of list (for a heading: its first row) */
    int count;  /* heading: rows in the group */
} overdue_entry;

typedef struct overdue_state {
    overdue_list list;
    int loaded;
    int by_unit;
    overdue_entry *rows;
    size_t nrows;
    size_t cursor, top; /* cursor is always on a data row */
    int ref_w;          /* width of the widest ref */
} overdue_state;

/* Presentation mode (view_present.c): slide 0 is the summary of all
 * areas, slide k (1..nareas) area k-1 with its items. */
#define PRESENT_VISIBLE_MAX 128
typedef struct present_state {
    size_t slide;
    size_t cursor;           /* item of the area (summary: area index) */
    size_t top;              /* first item (summary: area) drawn */
    target_list targets;     /* the targets of the slide's area */
    int64_t targets_area;    /* area the targets are for, 0 none */
    int targets_stale;       /* reload them at the next sync */
    size_t vis_first, vis_n; /* blocks drawn in the last frame ... */
    int vis_y[PRESENT_VISIBLE_MAX], vis_h[PRESENT_VISIBLE_MAX]; /* ... rows (for clicks) */
} present_state;

/* The changes view (view_changes.c): a meeting's net changes and its
 * items with no progress reported. */
typedef struct changes_entry {
    int kind;   /* CHANGES_* of view_changes.c */
    size_t idx; /* into changes or silent */
} changes_entry;

typedef struct changes_state {
    int loaded;
    meeting m; /* the open meeting, else the last one; id 0: none */
    meeting_change_list changes;
    node_list silent;
    changes_entry *rows;
    size_t nrows;
    size_t cursor, top;
} changes_state;

typedef struct search_state {
    int active; /* matches are marked */
    char text[256];
    id_list matches; /* outline order */
    int64_t *sorted; /* the same ids sorted, for marking */
    size_t current;
    int64_t saved_node; /* selection before the search (Esc restores) */
    char *saved_folds;
} search_state;

typedef enum prompt_kind {
    PROMPT_NONE,
    PROMPT_SEARCH,
    PROMPT_DUE,
    PROMPT_UNIT,
    PROMPT_LEADER,
    PROMPT_NOTE,
    PROMPT_EXT_DATE,     /* extension: the approved date ... */
    PROMPT_EXT_REASON,   /* ... then the reason */
    PROMPT_TARGET,       /* progress: which target ... */
    PROMPT_TARGET_VALUE, /* ... then its current value */
    PROMPT_MEETING,      /* the title of a new meeting */
} prompt_kind;

struct view_ops;

typedef struct app {
    cli_ctx *ctx;
    store *st;
    int64_t plan_id;
    long today;
    plan_info plan;
    int64_t data_version;

    const struct view_ops *view;        /* outline, overdue, changes, present or help */
    const struct view_ops *help_return; /* where help goes back to */
    outline_state ol;
    detail_state dt;
    overdue_state od;
    present_state pr;
    changes_state ch;
    search_state sr;
    int help_top;
    meeting mtg;     /* the open meeting (id 0: none) */
    light_rule rule; /* lights: the defaults with the configured warn_days */

    prompt_kind prompt;
    int64_t prompt_node;
    char prompt_title[256];         /* the prompt's label when it needs one of its own */
    char prompt_keep[LINEEDIT_MAX]; /* an earlier answer (extension date, target label) */
    lineedit le;

    char msg[512]; /* status line message */
    int msg_style;

    int detail_pref; /* -1 automatic, 0 hidden, 1 shown */
    int use_color;
    /* from the configuration (cli_ctx.config) */
    int warn_days; /* at-risk window */
    int spacing;   /* blank lines between outline rows, 0..3 */
    int bar_width; /* progress bar columns, 0 = none */
    int repaint;   /* repaint every cell on the next frame (Ctrl-L) */
    int quit;
    layout lay;
    /* keys typed while an edit waited for another writer (tui.c), handled
     * after it: is_fn and the key as get_wch() gave them */
    struct {
        int is_fn;
        uint32_t key;
    } pending[16];
    int npending;
} app;

/* Sets the status line message (printf-style); style from draw.h. */
void app_message(app *a, int style, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* The node the current view has selected (0 none). */
int64_t app_selected(app *a);

/* An ISO date ("2021-10-01") in the configured date format; "" stays "". */
void app_date(const app *a, const char *iso, char *out, size_t outsz);
/* 1..99 in Chinese numerals (三, 十二, 二十一), digits otherwise. */
void app_chinese_number(int n, char *out, size_t outsz);

#endif
