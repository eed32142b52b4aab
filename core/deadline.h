/* deadline.h - find deadline words in plan text and turn them into dates.
 *
 * With plan year Y: 年内 年底 年底前 今年 全年 -> Y-12-31 (but not 今年以来);
 * 一季度..四季度 (also 第一季度, 1季度) -> end of that quarter; 上半年, 下半年 ->
 * Y-06-30, Y-12-31; 10月 10月底 10月份 十月 -> end of that month; 10月上旬 中旬
 * 下旬 -> the 10th, 20th, last day; 10月15日 -> that day; 2021年10月15日 and
 * 2022年6月 and 2022年底 -> as written; 今冬 -> Y-12-31 (approximate).
 * A month or day that does not exist (13月, 2月30日) is not a deadline.
 * A month word only counts when it is not preceded by a digit-less 每/逐/
 * and is not part of a date range start ("7月以来" is not a deadline).
 *
 * Each hit gives the clause it sits in (text between ，。；：！？,;:!? or line
 * ends), the word as written, and the date.
 */
#ifndef DUBAN_DEADLINE_H
#define DUBAN_DEADLINE_H

#include "error.h"
#include "plandoc.h"

#include <stddef.h>

/* Scans text for deadline words with plan year `year` and appends one
 * doc_milestone per hit to *ms (a heap array of *n entries, grown with
 * realloc; start with NULL/0).  Two hits in the same clause give two
 * milestones.  Returns DUBAN_OK or DUBAN_ENOMEM. */
int deadline_scan(const char *text, int year, doc_milestone **ms, size_t *n);

/* Parses one deadline word (e.g. "三季度", "10月下旬") with year Y into *due;
 * returns 1 when recognised, 0 otherwise. */
int deadline_word_date(const char *word, int year, char due[DATE_LEN], int *approximate);

#endif
