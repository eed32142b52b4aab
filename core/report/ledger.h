/* ledger.h - the ledger (台账): one row per item as the offices that run
 * 督查督办 keep it in Excel or WPS, and its writer to XLSX.
 *
 * ledger_load() reads everything the ledger shows in a few queries: the
 * plan, every item and sub-item in outline order with its area, light,
 * latest progress note and numeric targets, and the 通报 groups by area and
 * by unit (report_groups()).  ledger_free() releases it (a zeroed ledger is
 * fine).  ledger_write_xlsx() writes it as an XLSX workbook:
 *
 *   sheet 台账: the plan's title, its period and 统计截至 (the day the
 *     lights are judged on) at the top; then a frozen, filtered header
 *     序号 方面 工作任务 具体内容 责任单位 责任领导 完成时限 延期至 状态 亮灯
 *     最新进展 进展日期 量化指标 and one row per item (具体内容 the item's
 *     body, 量化指标 "label value/goal unit" per target, joined by "；":
 *     what the importer reads back); dates are real dates, lights
 *     are a cell fill and the text "(!) 红灯" (a grey printout still reads),
 *     a cancelled item (or one below a cancelled node) has 状态 已取消 and
 *     no light (the importer leaves such rows out),
 *     widths follow the text's display width; every text cell is a string,
 *     never a formula;
 *   sheet 汇总: completion and lights by area and by unit as `duban report`.
 *
 * The workbook is written to a temporary file next to path and renamed
 * over it, so a failure leaves no half-written file.  Errors: DUBAN_EIO
 * naming path, DUBAN_ENOMEM, or a query's error.  Core prints nothing.
 */
#ifndef DUBAN_LEDGER_H
#define DUBAN_LEDGER_H

#include "base/error.h"
#include "plan/light.h"
#include "plan/model.h"

struct query_filter;
#include "plan/target.h"
#include "store/store.h"

#include <stddef.h>

typedef struct ledger_row {
    const node *item;        /* points into ledger.nodes */
    const node *area;        /* its area, NULL when missing */
    int cancelled;           /* it or a node above it is cancelled (已取消): no light */
    light light;             /* on ledger.today; meaningless when cancelled */
    const char *note;        /* latest progress note, "" none */
    char note_day[DATE_LEN]; /* its local date, "" none */
    char *targets;           /* "新时代美丽乡村 9/17个；...", "" none (owned) */
} ledger_row;

typedef struct ledger {
    plan_info plan;
    char today[DATE_LEN];
    status_set statuses;
    node_list nodes;
    note_list notes; /* latest per node */
    ledger_row *rows;
    size_t nrows;
    char *filter; /* the filter in words ("单位 县发改局 · 红灯"), "" none (owned) */
    light_tally_list by_area, by_unit; /* report_groups() order */
    int *area_targets, *area_met, *unit_targets, *unit_met;
} ledger;

/* Reads the ledger of the plan as of today; with an active filter f
 * (query/filter.h; NULL: none) only the matching items (and the areas
 * above them) are rows, and the summary counts those items only. */
int ledger_load(store *st, int64_t plan_id, long today, const light_rule *rule,
                const struct query_filter *f, ledger *out, duban_error *err);
void ledger_free(ledger *lg);

/* The ledger's column headers, in sheet order (what the importer reads
 * back, import/ledger.h). */
enum ledger_col {
    LEDGER_REF,
    LEDGER_AREA,
    LEDGER_TITLE,
    LEDGER_BODY,
    LEDGER_UNIT,
    LEDGER_LEADER,
    LEDGER_DUE,
    LEDGER_EXTENDED,
    LEDGER_STATUS,
    LEDGER_LIGHT,
    LEDGER_NOTE,
    LEDGER_NOTE_DAY,
    LEDGER_TARGETS,
    LEDGER_NCOLS
};
extern const char *const ledger_headers[LEDGER_NCOLS];

/* Tells p (NULL: nobody) how many of the rows are written. */
int ledger_write_xlsx(const ledger *lg, const char *path, const progress_sink *p, duban_error *err);

#endif
