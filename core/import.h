/* import.h - read a work plan written in the usual Chinese government style.
 *
 * Input is UTF-8 text (a BOM and CRLF line ends are accepted).  An optional
 * header at the very top sets plan facts:
 *
 *     ---
 *     title: 海盐县2021年下半年重点工作
 *     year: 2021
 *     period: 2021-07-01..2021-12-31
 *     source: ...
 *     ---
 *
 * Headings are numbered (1. 1、 1． （一） (一) 一、 一是 (1) ①) or unnumbered
 * (a short line without sentence punctuation immediately followed by a
 * numbered line).  The numbering styles found, in order of first use, become
 * the levels area > item > sub-item; deeper levels stay body text.  Text
 * before the first area is the preamble.  A numbered line "一是强化招商。全年..."
 * splits into title (first sentence) and body (the rest); an item whose
 * title line has no sentence end takes the following unnumbered lines as
 * its body.  Deadline words in titles and bodies become milestones
 * (deadline.h); an item's due date is its latest milestone, or the end of
 * the plan period when it has none; an area's due is its latest item's.
 *
 * Year: the `year` parameter if non-zero, else the header's, else the most
 * frequent 20xx年 in the text, else the year of today (DUBAN_TODAY honoured).
 * Period: header, else 上半年/下半年 in the title or preamble, else the
 * whole year.
 *
 * All-or-nothing: empty input, NUL bytes, invalid UTF-8, or no areas give
 * DUBAN_EPARSE with "NAME:LINE: reason" in err and *out untouched.
 */
#ifndef DUBAN_IMPORT_H
#define DUBAN_IMPORT_H

#include "error.h"
#include "plandoc.h"

#include <stddef.h>

/* Parses text[0..len) named name (used in messages and as the default
 * source).  On success fills *out (caller frees with plan_doc_free). */
int import_parse(const char *name, const char *text, size_t len, int year, plan_doc *out,
                 duban_error *err);

/* Reads the file at path and parses it as above.  Unreadable files give
 * DUBAN_EIO naming the path. */
int import_file(const char *path, int year, plan_doc *out, duban_error *err);

#endif
