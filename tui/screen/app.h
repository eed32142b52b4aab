/* app.h - the one state of the full-screen front end.
 *
 * Everything the screen shows is a function of the store plus this
 * struct; there are no other mutable globals.  No curses here: the view
 * model (vmodel.h) works on it without a terminal.
 *
 * Ownership: app owns every list it points to; app_free() (tui.c)
 * releases them.  Each view keeps its own state in view_state, allocated
 * and freed by the view (view.h).  Node ids, not pointers or row numbers, identify the
 * selection across reloads.
 *
 * Layer: model (tests/arch/tui_layers.sh): includes no view, edit or
 * dispatch header.
 */
#ifndef DUBAN_TUI_APP_H
#define DUBAN_TUI_APP_H

#include "cli/cli.h"
#include "plan/light.h"
#include "screen/lineedit.h"
#include "screen/vm_items.h"
#include "edit/edit.h"
#include "edit/meeting.h"
#include "plan/model.h"
#include "query/filter.h"
#include "query/query.h"
#include "plan/target.h"
#include "sync/sync.h"

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
 * Statistics and light counts are always loaded, for every area; the
 * lights themselves with the items (or when one is asked for), and for
 * every area under a filter. */
typedef struct area_row {
    node area;
    area_stats stats;
    vm_lights lights; /* every item and sub-item, outline order, when lights_loaded
                         (compact: vm_items.h) */
    int lights_loaded;
    item_stats_list parts; /* each item's part of stats (after a first edit) */
    int parts_loaded;
    int nlight[LIGHT_COUNT]; /* items (depth 2) per light */
    int nstatus[STATUS_MAX]; /* items (depth 2) per status, by place in the status set */
    int nextended;           /* lights with an approved extension (延期), when lights_loaded */
    int expanded;
    int loaded;     /* items is current */
    int partial;    /* items (and lights) hold the first rows alone (vm_open()) */
    vm_items items; /* items and sub-items in outline order, compact (vm_items.h) */
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
    int folds_unsaved;        /* the fold state changed since it was stored (vm_save_folds) */
    /* What the last whole frame drew the rows with (view_outline.c: top,
     * region, column widths, dates); while it holds, a cursor move
     * redraws only the two rows it changed.  0: none. */
    uint64_t drawn;
} outline_state;

/* A node's place in the outline, for search_state.byid. */
typedef struct search_pos {
    int64_t id;
    size_t pos;
} search_pos;

/* The matches are a bit per outline position: counting, the first match,
 * the next and whether a row is a match cost no query (search.c). */
typedef struct search_state {
    int active; /* matches are marked */
    char text[256];
    int64_t *order;   /* the plan's node ids in outline order, read at search_begin */
    search_pos *byid; /* the same sorted by id, with their positions (when not dense) */
    size_t norder;
    uint32_t *dense; /* when the ids are dense: position + 1 by id - dense_base, 0 none */
    int64_t dense_base;
    size_t ndense;
    uint64_t *bits; /* matches by outline position */
    size_t nmatch;
    size_t current;     /* outline position of the selected match */
    int64_t saved_node; /* selection before the search (Esc restores) */
    char *saved_folds;
    struct search_texts *texts; /* short words' copy of the text, for one search */
    int texts_off;              /* the copy could not be made: the index answers */
    int outline_read;           /* order/byid/dense read (or failed) for this search */
} search_state;

/* What the open prompt on the status line asks; its label is always
 * app.prompt_title. */
typedef enum prompt_kind {
    PROMPT_NONE,
    PROMPT_SEARCH,        /* the search text (search.h) */
    PROMPT_FIELD,         /* a new value of app.prompt_field (fields.def) */
    PROMPT_EXT_DATE,      /* extension: the approved date ... */
    PROMPT_EXT_REASON,    /* ... then the reason */
    PROMPT_TARGET,        /* progress: which target ... */
    PROMPT_TARGET_VALUE,  /* ... then its current value */
    PROMPT_MEETING,       /* the title of a new meeting */
    PROMPT_ATTENDEES,     /* ... then who attends it */
    PROMPT_DECISION,      /* the text of a decision (议定事项) of the open meeting ... */
    PROMPT_DECISION_UNIT, /* ... its unit (Enter: none) ... */
    PROMPT_DECISION_DUE,  /* ... its due date (asked with a unit; it then becomes an item) */
    PROMPT_ADD_TITLE,     /* structural edits (app_struct.c): a new item's title */
    PROMPT_RENAME,        /* the selected node's title */
    PROMPT_CANCEL_REASON, /* why it is cancelled */
    PROMPT_MILESTONE,     /* which milestone is done (or reopened) */
    PROMPT_MOVE_TO,       /* where the selected item goes */
} prompt_kind;

/* The views, by id (views.def; view.h has their functions). */
typedef enum view_id {
#define VIEW(name) VIEW_##name,
#include "screen/views.def"
#undef VIEW
    VIEW_COUNT
} view_id;

typedef struct app {
    cli_ctx *ctx;
    store *st;
    int64_t plan_id;
    long today;
    plan_info plan;
    int64_t data_version;
    int64_t sync_log_seen;        /* the newest sync log row reported (status line) */
    sync_conflict_list conflicts; /* 冲突 still to look at (header, item rows), read at start
                                     and when the store changes */

    view_id view;                 /* the main view */
    view_id view_return;          /* where a VF_RETURNS view goes back to */
    void *view_state[VIEW_COUNT]; /* each view's own state (view.h) */
    outline_state ol;
    int screen_rows; /* the terminal's lines (tui.c), 0 unknown: vm_first_rows() */
    search_state sr;
    meeting mtg;     /* the open meeting (id 0: none) */
    light_rule rule; /* lights: the defaults with the configured warn_days */
    /* The filter (筛选) the outline, slides, overdue list and counts
     * follow (vm_filter.c): its texts live in filter_text; with an active
     * filter filter_ids holds the matching items, filter_areas their areas
     * (both sorted ids). */
    query_filter filter;
    char filter_text[3][256]; /* unit, leader, status key */
    id_list filter_ids, filter_areas;
    /* What the next u takes back when it is not the history's last edit:
     * the meeting M just ended (reopened) or the decision Y just recorded
     * without an item (withdrawn).  Every edit of one's own sets it back
     * to UNDO_LAST_EDIT (app_edited()); another program's do not. */
    enum { UNDO_LAST_EDIT, UNDO_MEETING_END, UNDO_DECISION } undo_kind;
    int64_t undo_id;      /* that meeting or decision */
    int64_t changed_node; /* while views are invalidated after an edit: the one node it
                             changed (app_after_change); 0 otherwise: anything may have */

    prompt_kind prompt;
    int64_t prompt_node;
    edit_field prompt_field;        /* PROMPT_FIELD: the field asked for */
    char prompt_title[256];         /* the prompt's label */
    char prompt_error[512];         /* why the last answer was not taken (app_ask_again) */
    char prompt_keep[LINEEDIT_MAX]; /* an earlier answer (extension date, target label) */
    char prompt_unit[LINEEDIT_MAX]; /* a decision's unit (PROMPT_DECISION_DUE) */
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
    /* The key just handled only moved the main view's cursor, from row
     * moved_from (tui.c): the next frame may redraw only what the move
     * changed (layout_draw_moved).  Anything else draws a whole frame. */
    int moved;
    size_t moved_from;
    int undrawn; /* a key was handled since the last frame (tui.c) */
    layout lay;
    /* keys typed while an edit waited for another writer (tui.c), handled
     * after it: is_fn and the key as get_wch() gave them */
    struct {
        int is_fn;
        uint32_t key;
    } pending[16];
    int npending;
    /* long work's progress line, on the status line (tui.c) */
    cli_progress progress;
} app;

/* Sets the status line message (printf-style); style from draw.h. */
void app_message(app *a, int style, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* An ISO date ("2021-10-01") in the configured date format; "" stays "". */
void app_date(const app *a, const char *iso, char *out, size_t outsz);
/* 1..99 in Chinese numerals (三, 十二, 二十一), digits otherwise. */
void app_chinese_number(int n, char *out, size_t outsz);

#endif
