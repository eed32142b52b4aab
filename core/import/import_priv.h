/* import_priv.h - the importer's internal pieces (see import.h).
 *
 * import.c checks the bytes and puts the parts together; import_lines.c
 * splits lines and recognises numbering marks; import_header.c reads the
 * optional "---" header; import_tree.c turns lines into areas and items;
 * import_meta.c decides year, period and title and sets milestones and due
 * dates.  Lines point into the caller's text; nothing here is global.
 */
#ifndef DUBAN_IMPORT_PRIV_H
#define DUBAN_IMPORT_PRIV_H

#include "plan/date.h"
#include "base/error.h"
#include "plan/plandoc.h"

#include <stddef.h>

/* Numbering styles.  IMP_HEADING marks an unnumbered heading line. */
enum imp_style {
    IMP_PLAIN = 0,
    IMP_ARABIC,       /* 1.  1、 1． */
    IMP_ARABIC_PAREN, /* (1) （1） */
    IMP_CN_COMMA,     /* 一、 一． */
    IMP_CN_PAREN,     /* （一） (一) */
    IMP_CN_SHI,       /* 一是 */
    IMP_CIRCLED,      /* ① */
    IMP_HEADING,
    IMP_NSTYLES
};

typedef struct imp_mark {
    int style;  /* enum imp_style */
    int value;  /* the number written, 1 for 一 */
    size_t len; /* bytes of the mark and the spaces after it */
} imp_mark;

typedef struct imp_line {
    const char *s; /* trimmed text (not NUL-terminated) */
    size_t len;
    int no; /* 1-based line in the source */
    imp_mark mark;
} imp_line;

typedef struct imp_header {
    int present;
    int year;                            /* 0 when not given */
    char *title;                         /* NULL when not given */
    char *source;                        /* NULL when not given */
    char start[DATE_LEN], end[DATE_LEN]; /* "" when not given */
} imp_header;

/* import_lines.c */
/* Trims ASCII white space and U+3000/U+00A0 from both ends of s[0..*n). */
const char *imp_trim(const char *s, size_t *n);
/* Splits text (BOM and CR removed) into trimmed lines, blank ones kept. */
int imp_split_lines(const char *text, size_t len, imp_line **lines, size_t *n);
/* Recognises a numbering mark at the start of a trimmed line; fills *m
 * (IMP_PLAIN when there is none). */
void imp_number(const char *s, size_t n, imp_mark *m);

/* import_header.c: parses the header if lines[0] is "---"; *used is the
 * number of lines it took (0 without a header). */
int imp_header_parse(const char *name, const imp_line *lines, size_t n, size_t *used, imp_header *h,
                     duban_error *err);
void imp_header_free(imp_header *h);

/* import_tree.c: builds areas/items from non-blank lines (marks set),
 * filling doc->nodes and doc->preamble.  Returns DUBAN_OK or ENOMEM. */
int imp_build_tree(imp_line *lines, size_t n, plan_doc *doc);

/* import_meta.c */
/* The most frequent 20xx年 in the lines, 0 when none. */
int imp_guess_year(const imp_line *lines, size_t n);
/* Sets doc->start/end from 上半年/下半年 in the title or preamble. */
void imp_guess_period(plan_doc *doc);
/* Scans every node for milestones (dropping those before the period) and
 * sets due dates.  Returns DUBAN_OK or ENOMEM. */
int imp_set_milestones(plan_doc *doc);

/* import_roles.c: sets each item's unit and leader from phrases such as
 * （牵头单位：县经信局） or 分管领导：张三 in its title or body; sub-items
 * without their own take their item's.  Returns DUBAN_OK or ENOMEM. */
int imp_set_roles(plan_doc *doc);

#endif
