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
 * width punctuation mixed freely): 1. 1、 1． 1000、 | (1) （1） | 一、 一． |
 * （一） (一) | 一是 | ① | bullets • ● ○ ■ □ ▪ ◆ ◇ ★ ☆ · and "- " "* " "? ";
 * "1.5亿" is not a number.  An unnumbered heading is a short line (at most
 * 25 characters, no ，。；：！？ or , ; : ! ?) immediately followed by a
 * numbered line; such lines count only when at least two of them are
 * followed by the same style and that style is not used before the first
 * of them, and a short line right after a title-only numbered line is its
 * body unless the numbering restarts at 1.  Levels: unnumbered headings,
 * 一、 and （一） first (in that order), the other styles in order of first
 * use; area > item > sub-item, deeper levels stay body text (see
 * import_levels.c, import_sections.c for a section level above the areas
 * and the sections skipped as not work).  A list of one inner style only
 * is the items of one area.  Also read: 一是……二是…… inside a paragraph
 * (import_inline.c), run-in items (import_levels.c), tables pasted as text
 * (import_table.c).  Text before the first area is the preamble.  A
 * numbered line "一是强化招商。全年..." splits at its first 。 or ： (or :)
 * outside brackets and quotes into title and body (an inline entry or a
 * bullet also at its first ，); the following unnumbered lines are
 * appended to the body, joined with "\n".  Units and leaders: see
 * import_roles.c.
 *
 * Deadline words in titles and bodies become milestones (deadline.h),
 * except those dated before the plan period starts (history, not a
 * commitment) and a 上半年/下半年 that names the plan's own period; 长期坚持
 * and 持续推进 in an undated item make it ongoing.  Due dates: an item or
 * sub-item is due at the latest milestone in it or its sub-items; an
 * undated item at the end of the plan period, an undated sub-item with
 * its item; an area at the latest of its own milestones and its
 * children's dues, else the period end.
 *
 * Warnings (doc->warn, by line; the plan is still imported): text kept as
 * the preamble, a declared count that does not match (import_counts.c), a
 * section or area skipped as not work, items with no area heading (未归
 * 类), a table row without a task, a short unnumbered line kept in a body.
 *
 * Year: the `year` parameter if non-zero, else the header's year, else the
 * year of the header's period, else 2024年 in the title, else the most
 * frequent 20xx年 in the text (ties: the first written), else the year of
 * `today` (a day number, date.h, which the caller passes: core reads no
 * clock or environment for it).  Period: header, else 上半年/下半年 in the
 * title, else 一季度..四季度 in the title, else 上半年/下半年 in the preamble
 * (下半年 wins when both appear), else the whole year.  Title: header,
 * else X of a 关于印发《X》的通知 line in the preamble, else the first
 * preamble line that looks like a plan's title (at most 60 characters, no
 * sentence punctuation, a word such as 计划 要点 安排 方案 任务 清单 报告
 * 工作), never a sentence; else the base name of `name` without its
 * extension.  Source: header, else name.
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

/* Files larger than this are refused before they are read. */
#define IMPORT_MAX_BYTES (16 * 1024 * 1024)

/* Reads the file at path into *text (heap, NUL-terminated, caller frees)
 * and *len.  Refuses, without reading, anything but a regular file ("not
 * a regular file": directory, FIFO, device, socket) and files over
 * IMPORT_MAX_BYTES, with DUBAN_EPARSE naming the path; a missing or
 * unreadable file gives DUBAN_EIO naming the path. */
int import_read_file(const char *path, char **text, size_t *len, duban_error *err);

/* import_read_file() then import_parse() with the path as name. */
int import_file(const char *path, int year, long today, plan_doc *out, duban_error *err);

#endif
