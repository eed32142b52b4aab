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
    IMP_BULLET,       /* • ● ○ ■ □ ▪ ◆ ◇ ★ ☆ - * · and "? " (a lost glyph) */
    IMP_RUNIN,        /* a paragraph whose first short sentence is its title */
    IMP_TABLE,        /* the task cell of a table row */
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
    int flags; /* IMP_F_* */
} imp_line;

enum {
    IMP_F_LEAD = 1,   /* the text before an inline 一是……二是…… list */
    IMP_F_INLINE = 2, /* an entry cut out of such a list */
};

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
 * filling doc->nodes and doc->preamble (and warnings).  Returns DUBAN_OK
 * or ENOMEM. */
int imp_build_tree(const imp_line *lines, size_t n, plan_doc *doc);

/* import_inline.c: a copy of in[0..n) in which each 一是……二是…… list
 * written inside a line is cut into lines of its own (*out: heap, caller
 * frees).  Returns DUBAN_OK or DUBAN_ENOMEM. */
int imp_expand_inline(const imp_line *in, size_t n, imp_line **out, size_t *m);

/* import_table.c */
/* Owned strings that synthetic lines point into (freed together). */
typedef struct imp_arena {
    char **s;
    size_t n, cap;
} imp_arena;
/* Takes s into a (freeing it on failure).  DUBAN_OK or DUBAN_ENOMEM. */
int imp_arena_keep(imp_arena *a, char *s);
void imp_arena_free(imp_arena *a);
/* A copy of L[0..m) in which each table (pipe rows, tab rows, one cell
 * per line, recognised by its header) is rewritten as a task line
 * (IMP_TABLE) and "列名：内容" lines per row, group headings as
 * IMP_HEADING lines.  *res is heap (caller frees), new text lives in
 * arena.  Warnings go to doc.  Returns DUBAN_OK or DUBAN_ENOMEM. */
int imp_expand_tables(const imp_line *L, size_t m, imp_line **res, size_t *rn, imp_arena *arena,
                      plan_doc *doc);

/* Sets each item's note (its first progress note, stored with the item)
 * and status_text from the "进展情况：…" and "完成情况：…" lines a table
 * row left in its body.  DUBAN_OK or ENOMEM. */
int imp_set_progress(plan_doc *doc);

/* import_counts.c */
/* Finds a declared count (9个方面, 八个方面, （6项）, 五大攻坚行动) in
 * s[0..n): its value, and the bytes s[*at..*at+*len) that say it. */
int imp_declared_count(const char *s, size_t n, int *value, size_t *at, size_t *len);
/* Compares the counts declared in area titles with their items, and the
 * one declared before the first area (pre_value, 0 for none, written at
 * pre_s[pre_at..] on line pre_line) with the areas; warns on mismatch.
 * Returns DUBAN_OK or DUBAN_ENOMEM. */
int imp_check_counts(plan_doc *doc, int pre_value, int pre_line, const char *pre_s, size_t pre_at,
                     size_t pre_len);

/* import_sections.c */
/* 1 when a level-1 heading names a section above the areas (a year, 目标,
 * 总体要求, 主要任务 …). */
int imp_section_title(const imp_line *l);
/* 1 when the heading reviews past work (2023年工作回顾). */
int imp_is_review(const imp_line *l);
/* The same for an area of a plan without sections, more strictly (回顾,
 * 工作总结: an area may well be called 总结推广经验). */
int imp_is_review_area(const imp_line *l);
/* When level 1 is a section level above the areas, shifts the levels up
 * (the section style gets 0), sets *section_style and returns 1. */
int imp_find_sections(const imp_line *L, size_t n, int level[IMP_NSTYLES], int *section_style);
/* For the section (or area) heading L[i] (levels already shifted): sets
 * *skip when it reviews past work or has no items, with a warning.
 * Returns DUBAN_OK or DUBAN_ENOMEM. */
int imp_section_skip(const imp_line *L, size_t n, size_t i, const int level[IMP_NSTYLES],
                     plan_doc *doc, int *skip);

/* import_levels.c */
/* Marks unnumbered headings and run-in items and sets level[style] to
 * 1 (area), 2 (item), 3 (sub-item) or more (body); 0 for unused styles. */
int imp_assign_levels(imp_line *L, size_t n, int level[IMP_NSTYLES]);
/* The first 。 ： or : outside brackets and quotes: title s[0..*tlen),
 * the rest from *rest.  0 when there is none. */
int imp_sentence_end(const char *s, size_t n, size_t *tlen, size_t *rest);
/* The same, also ending at ， or , (an inline entry's title). */
int imp_clause_end(const char *s, size_t n, size_t *tlen, size_t *rest);
/* Characters (code points) in s[0..n). */
size_t imp_chars(const char *s, size_t n);
/* 1 when s[0..n) is 1..max_chars characters without ，。；：！？ , ; : ! ?. */
int imp_heading_shaped(const char *s, size_t n, size_t max_chars);

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
