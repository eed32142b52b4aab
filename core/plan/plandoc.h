/* plandoc.h - a parsed plan, before it is stored.
 *
 * The importer (import.h) builds a plan_doc from text; store_add_plan()
 * writes it to the database in one transaction.  Nodes are in document
 * order (pre-order); parent is an index into nodes, or -1 for areas.
 * Everything is owned by the plan_doc; plan_doc_free() releases it all.
 */
#ifndef DUBAN_PLANDOC_H
#define DUBAN_PLANDOC_H

#include "plan/date.h"

#include <stddef.h>

typedef struct doc_milestone {
    char *phrase; /* clause containing the deadline word */
    char *word;   /* the deadline word as written, e.g. 10月底 */
    char due[DATE_LEN];
    int approximate; /* 1 for 今冬 and other seasonal words */
} doc_milestone;

/* A numeric target's value as a ledger's 量化指标 reports it: seq is the
 * target's number within the item (target.h: the targets of the title,
 * then of the body, in order, as store_add_plan() numbers them). */
typedef struct doc_target_value {
    int seq;
    double value;
} doc_target_value;

typedef struct doc_node {
    int parent; /* index into plan_doc.nodes, -1 for an area */
    int depth;  /* 1 area, 2 item, 3 sub-item */
    char *title;
    char *body;         /* "" when none */
    char due[DATE_LEN]; /* latest milestone date, else the period end */
    int line;           /* 1-based line of the heading in the source file */
    char *unit;         /* 牵头单位 / 责任单位 written in the text, or NULL */
    char *leader;       /* 分管领导 / 责任领导 written in the text, or NULL */
    doc_milestone *ms;
    size_t nms;
    int ongoing;                 /* 长期坚持 / 持续推进: no date, due at the period end */
    char status[32];             /* status key (a ledger's 状态); "" = the set's first */
    char *note;                  /* a first progress note (a ledger's or a table's 进展情况) */
    char extended_due[DATE_LEN]; /* an approved extension (a ledger's 延期至), "" none */
    char *status_text;           /* a text table's 完成情况 / 状态 cell as written, or NULL */
    int cancelled; /* a ledger's 已取消: stored cancelled (取消), numbered where it stands */
    int seq;       /* the number its source gave it (a ledger's 序号: 3 of 1.3), greater
                      than its previous sibling's; 0: the one after that sibling's */
    doc_target_value *values; /* a ledger's 量化指标: its targets' current values */
    size_t nvalues;
} doc_node;

/* Something the importer read but did not fully understand: line is the
 * 1-based source line (0 for the whole file), msg a sentence without the
 * file name.  The caller prints "FILE:LINE: msg" (core never prints). */
typedef struct doc_warning {
    int line;
    char *msg;
} doc_warning;

typedef struct plan_doc {
    char *title;
    int year;
    char start[DATE_LEN], end[DATE_LEN];
    char *source;   /* file name or a description of where it came from */
    char *preamble; /* text before the first area, "" if none */
    doc_node *nodes;
    size_t nnodes;
    doc_warning *warn; /* in line order */
    size_t nwarn;
} plan_doc;

void plan_doc_free(plan_doc *doc);

/* The number of each node under its parent (the last part of its ref):
 * its seq when given, else one more than its previous sibling's (the
 * first: 1).  A heap array of doc->nnodes numbers (free it), NULL when out
 * of memory.  Call after the nodes are final. */
int *plan_doc_numbers(const plan_doc *doc);
/* The ref of node i ("5", "5.1", "5.1.2") from plan_doc_numbers()'s seqs. */
void plan_doc_ref(const plan_doc *doc, const int *seqs, size_t i, char *out, size_t outsz);

/* Appends a warning for line to doc->warn.  Returns DUBAN_OK or
 * DUBAN_ENOMEM (the doc is unchanged then). */
int plan_doc_warn(plan_doc *doc, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Sorts doc->warn by line (stable). */
void plan_doc_sort_warnings(plan_doc *doc);

#endif
