/* report.h - 通报: completion rate, light counts and numeric targets per
 * area, unit or leader, rendered into a strbuf (core prints nothing).
 *
 * Items are depth-2 nodes (sub-items are parts of their item).  Lights and
 * "today" follow light.h; rule NULL means light_rule_default().  Text and
 * Markdown have a heading, a 合计 (total) row and the light legend; CSV and
 * JSON have one row / object per group and nothing else:
 *
 *   area:   area, title, items, done, rate, red, yellow, green, targets, targets_met
 *   unit:   unit, items, ...            leader: leader, items, ...
 *
 * Areas come in plan order; units and leaders worst first, as a 通报 ranks
 * them: most red lights, then most yellow, then the lowest completion
 * rate, ties by name, "none given" last.
 *
 * rate is the completion rate in whole percent (light_rate_percent); an
 * empty unit / leader ("none given") is "" in CSV/JSON and （未指定） in
 * text/Markdown.  Returns DUBAN_OK, DUBAN_ENOMEM or a query error; on
 * error *out may hold partial output (the caller discards it).
 */
#ifndef DUBAN_REPORT_H
#define DUBAN_REPORT_H

#include "base/error.h"
#include "plan/light.h"
#include "plan/status.h"
#include "query/filter.h"
#include "store/store.h"
#include "base/strbuf.h"
#include "text/table.h"

#include <stdint.h>

int report_render(store *st, int64_t plan_id, enum light_group by, enum table_format fmt,
                  long today, const light_rule *rule, const text_measure *m, strbuf *out,
                  duban_error *err);

/* The groups of that report in its order (areas by number, units and
 * leaders worst first) with, per group g, its numeric targets targets[g]
 * and those met met[g] (heap arrays of groups->n; free() them and
 * light_tally_list_free() the groups).  On error nothing is left to free. */
int report_groups(store *st, int64_t plan_id, enum light_group by, long today,
                  const light_rule *rule, light_tally_list *groups, int **targets, int **met,
                  duban_error *err);
/* The same restricted to the items that match f (query/filter.h; NULL:
 * all); text and Markdown name the filter under the heading (筛选：...). */
int report_render_where(store *st, int64_t plan_id, enum light_group by, enum table_format fmt,
                        long today, const light_rule *rule, const query_filter *f,
                        const text_measure *m, strbuf *out, duban_error *err);
int report_groups_where(store *st, int64_t plan_id, enum light_group by, long today,
                        const light_rule *rule, const query_filter *f, light_tally_list *groups,
                        int **targets, int **met, duban_error *err);

/* The same 通报 as one printable HTML page with the look of the minutes
 * (A4, page numbers; issuer NULL or "" for no 落款). */
int report_render_html(store *st, int64_t plan_id, enum light_group by, long today,
                       const light_rule *rule, const query_filter *f, const char *issuer,
                       strbuf *out, duban_error *err);

/* One line explaining the lights, e.g. "(!) 红灯：逾期未完成或受阻；(~) 黄灯：
 * 14天内到期未完成或滞后；(o) 绿灯：其余（含已完成）" (status names from set). */
int report_light_legend(const status_set *set, const light_rule *rule, strbuf *out);

/* The display text of an empty unit or leader in a table cell: （未指定）. */
#define REPORT_NONE_GIVEN "（未指定）"
/* The heading of the group of items with no unit (the minutes' overdue
 * list, the front end's overdue view by unit). */
#define REPORT_NO_UNIT "未明确责任单位"

#endif
