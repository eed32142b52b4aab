/* deadline.h - find deadline words in plan text and turn them into dates.
 *
 * With plan year Y: 年内 年底 年底前 年末 今年 全年 -> Y-12-31 (but not
 * 今年以来); 一季度..四季度 (also 第一季度, 1季度) -> end of that quarter;
 * 上半年, 下半年 -> Y-06-30, Y-12-31; 10月 10月底 10月份 十月 -> end of that
 * month; 10月上旬 中旬 下旬 -> the 10th, 20th, last day; 10月15日 (号) ->
 * that day; 2021年10月15日, 2022年6月, 2022年底, 2022年上半年 -> as written;
 * 明年 before any of these -> Y+1; 今冬 -> Y-12-31 (approximate); 国庆前
 * -> Y-09-30; 春节前 -> the eve of the Spring Festival of Y+1 (a table,
 * 2016..2041).  A trailing 末 belongs to a quarter or half (三季度末) and
 * a trailing 前 to the word (10月底前, 10月上旬前).  The few words whose
 * traditional form differs (年內, 國慶前, 春節前, 號) count as well; the
 * rest (年底前, 一季度, 上半年) are written the same.  Digits may be ASCII or full
 * width.  A month or day that does not exist (13月, 2月30日) is not a
 * deadline, nor is a bare year (2022年, 明年).
 *
 * Context rules of deadline_scan (not of deadline_word_date):
 *   - a word without a year in front (年内, 10月, 三季度; not 全年 今冬) is
 *     not after a numeral or 每 逐 年 去 (三年内, 每年年底, 去年底, 11月);
 *     年内/年底 also not after 多 半 近 前 周 (半年内); a word with a year
 *     (2022年底, 今年) not after a digit;
 *   - a month, quarter or half not after . - ~ ～ — － 至 / (1-6月, 截至6月底);
 *   - not before 以来 以后 后 起 开始 至 - ~ ～ — － 度, or 到 followed by a
 *     number (7月以来, 10月起, 7月到9月, 统一月度);
 *   - a one-character Chinese month (三月) needs a year or a suffix
 *     (底 份 旬 日) to count;
 *   - 全年 is not a date before 目标 任务 计划 经济 的 累计 (全年目标)
 *     nor after 完成 实现 (完成全年税收任务).
 *
 * Each hit gives the clause it sits in (text between ，。；：！？,;:!? or line
 * ends that are not inside brackets, and ① .. ⑳ which start the steps of
 * a schedule; spaces trimmed), the word as written, and the date.
 */
#ifndef DUBAN_DEADLINE_H
#define DUBAN_DEADLINE_H

#include "base/error.h"
#include "plan/plandoc.h"

#include <stddef.h>

/* Scans text for deadline words with plan year `year` and appends one
 * doc_milestone per hit to *ms (a heap array of *n entries, grown with
 * realloc; start with NULL/0).  Two hits in the same clause give two
 * milestones.  Returns DUBAN_OK or DUBAN_ENOMEM. */
int deadline_scan(const char *text, int year, doc_milestone **ms, size_t *n);

/* Parses one deadline word (e.g. "三季度", "10月下旬") with year Y into *due;
 * returns 1 when recognised, 0 otherwise. */
int deadline_word_date(const char *word, int year, char due[DATE_LEN], int *approximate);

/* The eve of the Spring Festival of year (春节前) into due; 0 when the
 * year is not in the table (2016..2041). */
int deadline_spring_eve(int year, char due[DATE_LEN]);

#endif
