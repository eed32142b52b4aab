/* ledger_import.h - plans from a ledger (台账) spreadsheet: FILE.xlsx or
 * FILE.csv, as the offices that run 督查督办 keep them in Excel or WPS.
 *
 * The first worksheet (XLSX) or the file (CSV, UTF-8, BOM optional) is a
 * grid of cells.  The header row is the first of the top 30 rows that names
 * a task column and at least one more column by the names below (spaces
 * inside a name and a trailing （...） are ignored); rows above it may hold
 * the plan's title and "计划期间：D 至 D" (what `duban export` writes).
 *
 *   序号 编号                          ref; "5.1.2" under "5.1" is a sub-item
 *   方面 类别 板块 领域 分类           the area; empty: the area above
 *   工作任务 重点工作 工作内容 任务 ... the item's title (required)
 *   具体内容 工作目标 目标任务         the body
 *   责任单位 牵头单位 主办单位 ...     unit;  责任领导 分管领导 ... leader
 *   完成时限 时限 完成时间 ...         due: 2021-12-31, 2021/12/31,
 *                                      2021年12月31日, 年底前, a date serial
 *   状态 推进状态 ...                  status: name, key or alias (已完成,
 *                                      完成, 推进中, 正在推进, 滞后, 未启动 ...)
 *   进展情况 最新进展 ...              the item's first progress note
 *   延期至                             an approved extension (a date)
 *   量化指标 量化目标                  the values of the item's targets
 *                                      ("label value/goal unit" each, as
 *                                      duban export writes them)
 *
 * Other columns (亮灯, 进展日期 ...) are ignored.  Merged cells
 * count as their top-left value in every cell of the range.  A row whose
 * 序号 is a Chinese ordinal (一、) and that has no unit, leader, due or
 * status starts an area named by its text.  Items with no area at all go
 * into one area 未分类.
 *
 * Year: the argument, else the period above the header, else 20xx年 in the
 * title, else the first dated row.  Period: above the header, else the
 * year (上半年 / 下半年 in the title take that half).  An item without a
 * due date is due at the period end.
 *
 * Warnings, not refusals (one line each in *warn, naming the cell): an
 * unknown status (the item keeps the first status of the set), a due that
 * is not a date, a 量化指标 part that is not "label value/goal" or names
 * no target of the item's title and body.  Refused (DUBAN_EPARSE or DUBAN_EIO, one line "FILE:LINE:
 * reason" or "FILE:SHEET!B7: reason", *out untouched): a file that is not
 * a spreadsheet, a password-protected, corrupt or oversized one (more than
 * LEDGER_MAX_BYTES unpacked per part: zip bombs), invalid UTF-8, no header,
 * no items, no year.  No output, no global state.
 */
#ifndef DUBAN_LEDGER_IMPORT_H
#define DUBAN_LEDGER_IMPORT_H

#include "base/error.h"
#include "plan/plandoc.h"
#include "plan/status.h"

#include <stddef.h>

#define LEDGER_MAX_BYTES (64u << 20) /* one unpacked part of an XLSX, or a CSV */
#define LEDGER_MAX_ROWS 200000
#define LEDGER_MAX_COLS 256
#define LEDGER_MAX_CELLS 4000000 /* rows times the columns in use */

enum ledger_kind { LEDGER_NOT, LEDGER_CSV, LEDGER_XLSX };
/* By the file name's extension (.csv, .xlsx; any case). */
enum ledger_kind ledger_kind_of(const char *path);

typedef struct ledger_warnings {
    char **v; /* one line each */
    size_t n;
} ledger_warnings;
void ledger_warnings_free(ledger_warnings *w);

/* Reads the ledger at path into *out (plan_doc_free() it) with statuses
 * from set; warnings are appended to *warn (start zeroed; free it also on
 * failure). */
int ledger_import_file(const char *path, int year, const status_set *set, plan_doc *out,
                       ledger_warnings *warn, duban_error *err);

#endif
