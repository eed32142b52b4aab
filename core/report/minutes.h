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
#include "query/filter.h"
#include "store/store.h"
#include "base/strbuf.h"
#include "text/table.h"
#include "text/textwidth.h"

#include <stdint.h>

enum minutes_format { MINUTES_MD, MINUTES_HTML, MINUTES_CSV, MINUTES_JSON };

/* Renders the minutes of meeting_id as of day `today` (date.h day number);
 * rule NULL = light_rule_default(); m aligns the Markdown tables
 * (textwidth.h; NULL = ambiguous 1).  DUBAN_ENOTFOUND for an unknown
 * meeting; on error *out may hold partial output. */
int minutes_render(store *st, int64_t meeting_id, enum minutes_format fmt, long today,
                   const light_rule *rule, const text_measure *m, strbuf *out, duban_error *err);

/* The same restricted to the items matching f (query/filter.h; NULL:
 * all); the head names the filter (筛选：...).  issuer (NULL or "" none)
 * adds the 落款 at the end: the issuer and the meeting's date (config key
 * issuer, duban.ini(5)).  With flush (not NULL) the text is handed out as
 * out fills, as table_render_stream() does (text/table.h), so that long
 * minutes are never whole in memory; what is left in out at the end is
 * the caller's to write.  DUBAN_EIO (said in err) when flush failed. */
int minutes_render_where(store *st, int64_t meeting_id, enum minutes_format fmt, long today,
                         const light_rule *rule, const query_filter *f, const char *issuer,
                         const text_measure *m, strbuf *out, table_flush_fn flush, void *arg,
                         duban_error *err);

/* Freezes the minutes of an ended meeting as of today: renders them in
 * every format (md with m) and keeps them (edit/meeting_room.h), so that
 * minutes_render() of that meeting without a filter reprints them
 * unchanged whatever is edited later.  Call right after meeting_end().
 * DUBAN_EINVAL when the meeting is open. */
int minutes_freeze(store *st, int64_t meeting_id, long today, const light_rule *rule,
                   const char *issuer, const text_measure *m, duban_error *err);

/* The same minutes as an XLSX workbook written to path (sheet 会议纪要:
 * the blocks in order, tables with their headers, numbers and dates as
 * such, every text a string): written to a temporary file next to path
 * and renamed over it, so a failure leaves nothing half-written.  Without
 * a filter, an ended meeting's workbook is made of the blocks
 * minutes_freeze() kept (its figures, not today's), as minutes_render()
 * reprints the other formats.
 * DUBAN_ENOTFOUND for an unknown meeting, DUBAN_EIO naming path. */
int minutes_write_file(store *st, int64_t meeting_id, long today, const light_rule *rule,
                       const char *path, duban_error *err);

int minutes_write_file_where(store *st, int64_t meeting_id, long today, const light_rule *rule,
                             const query_filter *f, const char *path, duban_error *err);

#endif
