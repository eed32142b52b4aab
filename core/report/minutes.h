/* minutes.h - 会议纪要: the report of one meeting, rendered into a strbuf
 * (core prints nothing).
 *
 * Contents, in order:
 *   - the meeting's title, date and times, the plan, the day the figures
 *     are counted on ("today") and the light legend;
 *   - 一、总体进展: per area done/total, completion rate and counts per light
 *     (light.h), with a 合计 row;
 *   - 二、本次会议调度情况: the meeting's net changes (meeting.h) with notes;
 *   - 三、逾期事项: query_overdue() grouped by responsible unit (the unit with
 *     the most overdue item first), with days late and, for extended items,
 *     both the original and the approved date;
 *   - 四、未报进展事项: meeting_silent_items();
 *   - 五、量化目标: every numeric target with its progress (target.h).
 *
 * md is Markdown; html is one self-contained printable page (inline CSS
 * with @page A4 and print rules, no scripts, no external files, all text
 * HTML-escaped); csv is one RFC 4180 table with a `section` column
 * (meeting, summary, change, overdue, no_progress, target).  Data text is
 * sanitised (textwidth.h) in every format.
 */
#ifndef DUBAN_MINUTES_H
#define DUBAN_MINUTES_H

#include "base/error.h"
#include "plan/light.h"
#include "store/store.h"
#include "base/strbuf.h"
#include "text/textwidth.h"

#include <stdint.h>

enum minutes_format { MINUTES_MD, MINUTES_HTML, MINUTES_CSV };

/* Renders the minutes of meeting_id as of day `today` (date.h day number);
 * rule NULL = light_rule_default(); m aligns the Markdown tables
 * (textwidth.h; NULL = ambiguous 1).  DUBAN_ENOTFOUND for an unknown
 * meeting; on error *out may hold partial output. */
int minutes_render(store *st, int64_t meeting_id, enum minutes_format fmt, long today,
                   const light_rule *rule, const text_measure *m, strbuf *out, duban_error *err);

/* The same minutes as an XLSX workbook written to path (sheet 会议纪要:
 * the blocks in order, tables with their headers, numbers and dates as
 * such, every text a string): written to a temporary file next to path
 * and renamed over it, so a failure leaves nothing half-written.
 * DUBAN_ENOTFOUND for an unknown meeting, DUBAN_EIO naming path. */
int minutes_write_file(store *st, int64_t meeting_id, long today, const light_rule *rule,
                       const char *path, duban_error *err);

#endif
