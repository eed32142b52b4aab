/* import.h - read a work plan written in the usual Chinese government style.
 *
 * Input is UTF-8 text (a BOM and CRLF line ends are accepted; blank lines
 * are ignored).  An optional header at the very top sets plan facts:
 *
 *     ---
 *     title: 海盐县2021年下半年重点工作
 *     year: 2021
 *     period: 2021-07-01..2021-12-31
 *     source: ...
 *     ---
 *
 * Unknown keys and lines starting with # are ignored.  A line without a
 * colon, an empty title/year/period/source, a year that is not 1900..9999,
 * a bad period (2021-13-45, or an end before the start) or a missing
 * closing --- is refused naming that line.
 *
 * Headings are numbered or unnumbered.  Numbering styles (ASCII and full
 * width punctuation mixed freely): 1. 1、 1． | (1) （1） | 一、 一． |
 * （一） (一) | 一是 | ①; "1.5亿" is not a number.  An unnumbered heading is
 * a short line (at most 25 characters, no ，。；：！？ or , ; : ! ?)
 * immediately followed by a numbered line; such lines count only when at
 * least two of them are followed by the same style and that style is not
 * used before the first of them, and a short line right after a title-only
 * numbered line is its body unless the numbering restarts at 1.  The
 * styles found, in order of first use, become the levels area > item >
 * sub-item; deeper levels stay body text.  Text before the first area is
 * the preamble.  A numbered line "一是强化招商。全年..." splits at its first
 * 。 or ： (or :) outside brackets and quotes into title and body; the
 * following unnumbered lines are appended to the body, joined with "\n".
 *
 * Deadline words in titles and bodies become milestones (deadline.h),
 * except those dated before the plan period starts (history, not a
 * commitment).  Due dates: an item or sub-item is due at the latest
 * milestone in it or its sub-items; an undated item at the end of the
 * plan period, an undated sub-item with its item; an area at the latest of
 * its own milestones and its children's dues, else the period end.
 *
 * Year: the `year` parameter if non-zero, else the header's year, else the
 * year of the header's period, else the most frequent 20xx年 in the text
 * (ties: the first written), else the year of `today` (a day number,
 * date.h, which the caller passes: core reads no clock or environment
 * for it).  Period: header, else 上半年/下半年 in the title or else the
 * preamble (下半年 wins when both appear), else the whole year.  Title:
 * header, else the first preamble line cut to 60 characters, else the
 * base name of `name` without its extension.  Source: header, else name.
 *
 * All-or-nothing: empty input, only white space, NUL bytes, invalid UTF-8,
 * a bad header or no areas give DUBAN_EPARSE with "NAME:LINE: reason" in
 * err and *out untouched.  No global state, no output.
 */
#ifndef DUBAN_IMPORT_H
#define DUBAN_IMPORT_H

#include "base/error.h"
#include "plan/plandoc.h"

#include <stddef.h>

/* Parses text[0..len) named name (used in messages and as the default
 * source).  On success fills *out (caller frees with plan_doc_free). */
int import_parse(const char *name, const char *text, size_t len, int year, long today,
                 plan_doc *out, duban_error *err);

/* Reads the file at path and parses it as above.  Unreadable files give
 * DUBAN_EIO naming the path. */
int import_file(const char *path, int year, long today, plan_doc *out, duban_error *err);

#endif
