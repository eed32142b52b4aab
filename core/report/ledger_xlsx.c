/* ledger_xlsx.c - the ledger (台账) as an XLSX workbook with libxlsxwriter
 * (see ledger.h for the sheets). */
#include "report/ledger.h"

#include "query/query.h"
#include "report/report.h"
#include "report/xlsx_book.h"
#include "text/textwidth.h"

#include <stdio.h>
#include <string.h>

#define HEAD_ROW 3    /* the header row of 台账 (0-based); data below it */
#define MAX_WIDTH 60  /* widest column, in character widths */
#define WRAP_WIDTH 40 /* 工作任务, 具体内容, 最新进展, 量化指标 wrap beyond this */

typedef struct xw {
    xlsx_book book;
    lxw_workbook *wb;   /* book.wb */
    const xlsx_lib *xl; /* &book.lib */
    lxw_format *title, *head, *text, *wrap, *date, *num, *pct, *bold;
    lxw_format *light[LIGHT_COUNT];
    lxw_format *light_head[LIGHT_COUNT];
    int width[LEDGER_NCOLS]; /* widest text per column */
    const progress_sink *progress;
} xw;

static const lxw_color_t light_fill[LIGHT_COUNT] = {0xC6EFCE, 0xFFEB9C, 0xFFC7CE};
static const lxw_color_t light_font[LIGHT_COUNT] = {0x006100, 0x9C5700, 0x9C0006};

static lxw_format *new_format(xw *w, int border)
{
    lxw_format *f = w->xl->workbook_add_format(w->wb);
    if (f && border)
        w->xl->format_set_border(f, LXW_BORDER_THIN);
    if (f)
        w->xl->format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    return f;
}

static void make_formats(xw *w)
{
    w->title = new_format(w, 0);
    w->xl->format_set_bold(w->title);
    w->xl->format_set_font_size(w->title, 16);
    w->bold = new_format(w, 0);
    w->xl->format_set_bold(w->bold);
    w->head = new_format(w, 1);
    w->xl->format_set_bold(w->head);
    w->xl->format_set_bg_color(w->head, 0xD9E1F2);
    w->xl->format_set_align(w->head, LXW_ALIGN_CENTER);
    w->text = new_format(w, 1);
    w->wrap = new_format(w, 1);
    w->xl->format_set_text_wrap(w->wrap);
    w->date = new_format(w, 1);
    w->xl->format_set_num_format(w->date, "yyyy-mm-dd");
    w->num = new_format(w, 1);
    w->pct = new_format(w, 1);
    w->xl->format_set_num_format(w->pct, "0%");
    for (int l = 0; l < LIGHT_COUNT; l++) {
        w->light[l] = new_format(w, 1);
        w->xl->format_set_bg_color(w->light[l], light_fill[l]);
        w->xl->format_set_font_color(w->light[l], light_font[l]);
        w->light_head[l] = new_format(w, 1);
        w->xl->format_set_bold(w->light_head[l]);
        w->xl->format_set_bg_color(w->light_head[l], light_fill[l]);
        w->xl->format_set_align(w->light_head[l], LXW_ALIGN_CENTER);
    }
}

static void keep(xw *w, lxw_error e)
{
    xlsx_keep(&w->book, e);
}

/* A text cell; width_col >= 0 widens that column of 台账. */
static void put_text(xw *w, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f,
                     int width_col)
{
    int tw = xlsx_text(&w->book, ws, row, col, s, f);
    if (width_col >= 0 && tw > w->width[width_col])
        w->width[width_col] = tw;
}

static void put_date(xw *w, lxw_worksheet *ws, int row, int col, const char *iso)
{
    int tw = xlsx_date(&w->book, ws, row, col, iso, w->date, w->text);
    if (tw > w->width[col])
        w->width[col] = tw;
}

static void put_num(xw *w, lxw_worksheet *ws, int row, int col, double v, lxw_format *f)
{
    keep(w, w->xl->worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, f));
}

static void ledger_heading(xw *w, lxw_worksheet *ws, const ledger *lg, int ncols)
{
    char line[512];
    keep(w, w->xl->worksheet_merge_range(ws, 0, 0, 0, (lxw_col_t)(ncols - 1), "", w->title));
    put_text(w, ws, 0, 0, lg->plan.title, w->title, -1);
    /* before row 1: rows are written in order (xlsx_book_open()) */
    keep(w, w->xl->worksheet_set_row(ws, 0, 24, NULL));
    snprintf(line, sizeof line, "计划期间：%s 至 %s　　统计截至：%s%s%.300s", lg->plan.start,
             lg->plan.end, lg->today, lg->filter && *lg->filter ? "　　筛选：" : "",
             lg->filter ? lg->filter : "");
    keep(w, w->xl->worksheet_merge_range(ws, 1, 0, 1, (lxw_col_t)(ncols - 1), "", NULL));
    put_text(w, ws, 1, 0, line, NULL, -1);
}

static void ledger_row_cells(xw *w, lxw_worksheet *ws, int row, const ledger *lg,
                             const ledger_row *r)
{
    const node *n = r->item;
    const status_def *s = status_by_key(&lg->statuses, n->status);
    put_text(w, ws, row, LEDGER_REF, n->ref, w->text, LEDGER_REF);
    put_text(w, ws, row, LEDGER_AREA, r->area ? r->area->title : "", w->text, LEDGER_AREA);
    put_text(w, ws, row, LEDGER_TITLE, n->title, w->wrap, LEDGER_TITLE);
    put_text(w, ws, row, LEDGER_BODY, n->body, w->wrap, LEDGER_BODY);
    put_text(w, ws, row, LEDGER_UNIT, n->unit, w->text, LEDGER_UNIT);
    put_text(w, ws, row, LEDGER_LEADER, n->leader, w->text, LEDGER_LEADER);
    put_date(w, ws, row, LEDGER_DUE, n->due);
    if (*n->extended_due)
        put_date(w, ws, row, LEDGER_EXTENDED, n->extended_due);
    else
        put_text(w, ws, row, LEDGER_EXTENDED, "", w->text, -1);
    if (r->cancelled) {
        put_text(w, ws, row, LEDGER_STATUS, "已取消", w->text, LEDGER_STATUS);
        put_text(w, ws, row, LEDGER_LIGHT, "", w->text, -1);
    } else {
        put_text(w, ws, row, LEDGER_STATUS, s ? s->name : n->status, w->text, LEDGER_STATUS);
        put_text(w, ws, row, LEDGER_LIGHT, light_label(r->light), w->light[r->light], LEDGER_LIGHT);
    }
    put_text(w, ws, row, LEDGER_NOTE, r->note, w->wrap, LEDGER_NOTE);
    if (*r->note_day)
        put_date(w, ws, row, LEDGER_NOTE_DAY, r->note_day);
    else
        put_text(w, ws, row, LEDGER_NOTE_DAY, "", w->text, -1);
    put_text(w, ws, row, LEDGER_TARGETS, r->targets, w->wrap, LEDGER_TARGETS);
}

static void ledger_widths(xw *w, lxw_worksheet *ws)
{
    for (int c = 0; c < LEDGER_NCOLS; c++) {
        int tw = w->width[c] + 2;
        if (c == LEDGER_DUE || c == LEDGER_EXTENDED || c == LEDGER_NOTE_DAY)
            tw = 12;
        if ((c == LEDGER_TITLE || c == LEDGER_BODY || c == LEDGER_NOTE || c == LEDGER_TARGETS) &&
            tw > WRAP_WIDTH)
            tw = WRAP_WIDTH;
        tw = tw < 6 ? 6 : tw > MAX_WIDTH ? MAX_WIDTH : tw;
        keep(w, w->xl->worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, tw, NULL));
    }
}

static void ledger_sheet(xw *w, const ledger *lg)
{
    lxw_worksheet *ws = w->xl->workbook_add_worksheet(w->wb, "台账");
    if (!ws) {
        keep(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    ledger_heading(w, ws, lg, LEDGER_NCOLS);
    for (int c = 0; c < LEDGER_NCOLS; c++)
        put_text(w, ws, HEAD_ROW, c, ledger_headers[c], w->head, c);
    for (size_t i = 0; i < lg->nrows && !w->book.rc; i++) {
        if (!(i & 1023))
            progress_tell(w->progress, "写入台账 writing the ledger", i, lg->nrows);
        ledger_row_cells(w, ws, HEAD_ROW + 1 + (int)i, lg, &lg->rows[i]);
    }
    ledger_widths(w, ws);
    w->xl->worksheet_freeze_panes(ws, HEAD_ROW + 1, 0);
    keep(w, w->xl->worksheet_autofilter(ws, HEAD_ROW, 0, (lxw_row_t)(HEAD_ROW + lg->nrows),
                                        LEDGER_NCOLS - 1));
    w->xl->worksheet_set_landscape(ws);
    w->xl->worksheet_fit_to_pages(ws, 1, 0);
    keep(w, w->xl->worksheet_repeat_rows(ws, HEAD_ROW, HEAD_ROW));
}

/* One block of 汇总 from row: a heading, the header, a row per group and
 * 合计; returns the row after it. */
static int summary_block(xw *w, lxw_worksheet *ws, int row, const char *heading, int areas,
                         const light_tally_list *g, const int *targets, const int *met)
{
    static const char *const heads[] = {"事项",     "已完成",   "完成率",   "(!) 红灯",
                                        "(~) 黄灯", "(o) 绿灯", "量化目标", "已达标"};
    int first = areas ? 2 : 1; /* areas: 方面 and 名称; units: 责任单位 */
    put_text(w, ws, row++, 0, heading, w->bold, -1);
    put_text(w, ws, row, 0, areas ? "方面" : "责任单位", w->head, -1);
    if (areas)
        put_text(w, ws, row, 1, "名称", w->head, -1);
    for (int c = 0; c < 8; c++)
        put_text(w, ws, row, first + c, heads[c],
                 c >= 3 && c <= 5 ? w->light_head[LIGHT_RED - (c - 3)] : w->head, -1);
    row++;
    light_tally sum;
    light_tally_total(g, &sum);
    int all_t = 0, all_m = 0;
    for (size_t i = 0; i <= g->n; i++, row++) {
        const light_tally *x = i < g->n ? &g->v[i] : &sum;
        int t = i < g->n ? targets[i] : all_t, m = i < g->n ? met[i] : all_m;
        if (i < g->n) {
            all_t += t;
            all_m += m;
        }
        const char *key = i == g->n ? "合计" : *x->key ? x->key : REPORT_NONE_GIVEN;
        put_text(w, ws, row, 0, key, i == g->n ? w->bold : w->text, -1);
        if (areas)
            put_text(w, ws, row, 1, i < g->n ? x->title : "", w->text, -1);
        double v[] = {x->total,
                      x->done,
                      x->total ? (double)x->done / x->total : 0,
                      x->count[LIGHT_RED],
                      x->count[LIGHT_YELLOW],
                      x->count[LIGHT_GREEN],
                      t,
                      m};
        for (int c = 0; c < 8; c++)
            put_num(w, ws, row, first + c, v[c], c == 2 ? w->pct : w->num);
    }
    return row + 1;
}

static void summary_sheet(xw *w, const ledger *lg)
{
    lxw_worksheet *ws = w->xl->workbook_add_worksheet(w->wb, "汇总");
    if (!ws) {
        keep(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    ledger_heading(w, ws, lg, 10);
    int row = summary_block(w, ws, 3, "按方面", 1, &lg->by_area, lg->area_targets, lg->area_met);
    summary_block(w, ws, row, "按责任单位", 0, &lg->by_unit, lg->unit_targets, lg->unit_met);
    int widest = 10;
    for (size_t i = 0; i < lg->by_unit.n; i++)
        if (text_width(lg->by_unit.v[i].key, NULL) > widest)
            widest = text_width(lg->by_unit.v[i].key, NULL);
    keep(w, w->xl->worksheet_set_column(ws, 0, 0, widest + 2, NULL));
    keep(w, w->xl->worksheet_set_column(ws, 1, 1, 30, NULL));
    keep(w, w->xl->worksheet_set_column(ws, 2, 9, 10, NULL));
}

int ledger_write_xlsx(const ledger *lg, const char *path, const progress_sink *p, duban_error *err)
{
    xw w = {.progress = p};
    int rc = xlsx_book_open(&w.book, path, err);
    if (rc)
        return rc;
    w.wb = w.book.wb;
    w.xl = &w.book.lib;
    make_formats(&w);
    ledger_sheet(&w, lg);
    summary_sheet(&w, lg);
    progress_tell(p, "写入台账 writing the ledger", lg->nrows, lg->nrows);
    rc = xlsx_book_close(&w.book, err);
    progress_tell(p, NULL, 0, 0);
    return rc;
}
