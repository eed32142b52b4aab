/* model.h - the values core hands out: plans, nodes (areas, items,
 * sub-items), milestones, notes, history rows.
 *
 * Ownership: every struct here owns its heap strings; release one with its
 * _free() function (which accepts zeroed structs), a list with _list_free().
 * Strings are UTF-8 and never NULL once filled (empty fields are "").
 * Dates are "YYYY-MM-DD" or "" when absent.
 */
#ifndef DUBAN_MODEL_H
#define DUBAN_MODEL_H

#include "plan/date.h"

#include <stddef.h>
#include <stdint.h>

#define REF_LEN 32

typedef struct plan_info {
    int64_t id;
    char *title;
    int year;
    char start[DATE_LEN], end[DATE_LEN];
    char *source;
    char *imported_at;
    int areas, items; /* live ones: items counts depth >= 2; none cancelled or removed */
} plan_info;

enum node_depth { NODE_AREA = 1, NODE_ITEM = 2, NODE_SUBITEM = 3 };

typedef struct node {
    int64_t id;
    int64_t plan_id;
    int64_t parent_id; /* 0 for areas */
    int depth;         /* enum node_depth */
    int seq;           /* 1-based position among siblings */
    char ref[REF_LEN]; /* "5", "5.1", "5.1.2" */
    char *title;
    char *body;
    char status[32]; /* status key (status.h) */
    char due[DATE_LEN];
    char *unit;
    char *leader;
    int line;     /* line of the heading in the imported file */
    int children; /* number of direct children (-1: not counted, node_areas, node_subtree) */
    char extended_due[DATE_LEN]; /* approved extension (延期), "" when none; due keeps
                                    the original date */
    char state[16];              /* "" or "cancelled" (取消: shown marked, out of the counts) */
} node;

typedef struct milestone {
    int64_t id;
    int64_t node_id;
    char ref[REF_LEN]; /* the item's ref */
    char *phrase;      /* the clause the date came from */
    char *word;        /* the deadline word itself, e.g. 三季度 */
    char due[DATE_LEN];
    int approximate;     /* 今冬 and the like */
    int seq;             /* its number on the item (stable: deleted ones keep theirs) */
    char done[DATE_LEN]; /* the day it was marked done, "" while open */
} milestone;

typedef struct progress_note {
    int64_t id;
    int64_t node_id;
    char *at; /* ISO timestamp, UTC */
    char *text;
} progress_note;

typedef struct history_row {
    int64_t id;
    int64_t node_id;
    char ref[REF_LEN];
    char *at;
    char *action;      /* "edit", "undo", "redo" */
    int64_t target_id; /* for undo/redo: the edit row */
    char *field;       /* "status", "due", "unit", "leader", "note", "extension",
                          "target.N" (target.h) */
    char *old_value;
    char *new_value;
    char *note;
} history_row;

typedef struct node_list {
    node *v;
    size_t n;
} node_list;
typedef struct milestone_list {
    milestone *v;
    size_t n;
} milestone_list;
typedef struct note_list {
    progress_note *v;
    size_t n;
} note_list;
typedef struct history_list {
    history_row *v;
    size_t n;
} history_list;
typedef struct plan_list {
    plan_info *v;
    size_t n;
} plan_list;

void plan_info_free(plan_info *p);
void node_free(node *n);
void milestone_free(milestone *m);
void note_free(progress_note *n);
void history_row_free(history_row *h);
void node_list_free(node_list *l);
void milestone_list_free(milestone_list *l);
void note_list_free(note_list *l);
void history_list_free(history_list *l);
void plan_list_free(plan_list *l);

#endif
