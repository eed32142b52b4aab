/* minutes.c - gathering a meeting's minutes and laying them out (see
 * minutes.h); the Markdown and HTML writers are in minutes_render.c, the
 * CSV table in minutes_csv.c. */
#include "report/minutes_internal.h"

#include "report/minutes_data.h"
#include "report/report.h"
#include "text/textwidth.h"
#include "base/list.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void minutes_doc_free(minutes_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].text);
        if (d->v[i].kind == BLOCK_TABLE)
            table_free(&d->v[i].t);
    }
    free(d->v);
    free(d->title);
    memset(d, 0, sizeof *d);
}

static minutes_block *new_block(minutes_doc *d, enum block_kind kind)
{
    if (ARRAY_GROW(d->v, d->cap, d->n + 1))
        return NULL;
    minutes_block *b = &d->v[d->n];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    return b;
}

/* A text block, printf-style; the text is sanitised. */
__attribute__((format(printf, 3, 4))) static int text_block(minutes_doc *d, enum block_kind kind,
                                                            const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *raw = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (raw) {
        va_start(ap, fmt);
        vsnprintf(raw, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    minutes_block *b = raw ? new_block(d, kind) : NULL;
    char *clean = b ? text_sanitize(raw) : NULL;
    free(raw);
    if (!clean)
        return DUBAN_ENOMEM;
    b->text = clean;
    d->n++;
    return DUBAN_OK;
}

/* Moves *t into a table block (on failure *t is freed). */
static int table_block(minutes_doc *d, table *t)
{
    minutes_block *b = new_block(d, BLOCK_TABLE);
    if (!b) {
        table_free(t);
        return DUBAN_ENOMEM;
    }
    b->t = *t;
    d->n++;
    return DUBAN_OK;
}

static int head(minutes_doc *d, const minutes_data *md)
{
    char legend_buf[512];
    strbuf legend = {0};
    int rc = report_light_legend(store_statuses(md->st), md->rule, &legend);
    snprintf(legend_buf, sizeof legend_buf, "%s", strbuf_str(&legend));
    strbuf_free(&legend);
    rc |= text_block(d, BLOCK_H1, "%s 会议纪要", md->m.title);
    rc |= text_block(d, BLOCK_LI, "计划：%s", md->plan.title);
    rc |= text_block(d, BLOCK_LI, "会议日期：%s（第%d次会议）", md->m.date, md->m.seq);
    char started[TIMESTAMP_LEN], ended[TIMESTAMP_LEN];
    date_local_time(md->m.started_at, started);
    date_local_time(md->m.ended_at, ended);
    rc |= text_block(d, BLOCK_LI, "开始：%s；结束：%s", started,
                     md->m.open ? "（会议进行中）" : ended);
    rc |= text_block(d, BLOCK_LI, "统计截至：%s", md->today);
    rc |= text_block(d, BLOCK_LI, "亮灯规则：%s", legend_buf);
    return rc ? DUBAN_ENOMEM : DUBAN_OK;
}

static int summary(minutes_doc *d, const minutes_data *md)
{
    light_tally sum;
    light_tally_total(&md->areas, &sum);
    int rc = text_block(d, BLOCK_H2, "一、总体进展");
    rc |= text_block(d, BLOCK_P,
                     "共 %d 项事项，已完成 %d 项，完成率 %d%%；%s %d 项，%s %d 项，%s %d 项。",
                     sum.total, sum.done, light_rate_percent(sum.done, sum.total),
                     light_label(LIGHT_RED), sum.count[LIGHT_RED], light_label(LIGHT_YELLOW),
                     sum.count[LIGHT_YELLOW], light_label(LIGHT_GREEN), sum.count[LIGHT_GREEN]);
    table t;
    if (rc || minutes_summary_table(md, &t))
        return DUBAN_ENOMEM;
    return table_block(d, &t);
}

static int changes(minutes_doc *d, const minutes_data *md)
{
    int rc = text_block(d, BLOCK_H2, "二、本次会议调度情况");
    if (!md->changes.n)
        return rc | text_block(d, BLOCK_P, "本次会议没有变更。");
    rc |= text_block(d, BLOCK_P, "本次会议共变更 %zu 处（撤销的操作不计）。", md->changes.n);
    table t;
    if (rc || minutes_changes_table(md, &t))
        return DUBAN_ENOMEM;
    return table_block(d, &t);
}

static int overdue(minutes_doc *d, const minutes_data *md)
{
    int rc = text_block(d, BLOCK_H2, "三、逾期事项（按责任单位）");
    if (!md->overdue.n)
        return rc | text_block(d, BLOCK_P, "没有逾期事项。");
    rc |= text_block(d, BLOCK_P,
                     "逾期 %zu 项（含逾期的时间节点），按责任单位列出，逾期最久的单位在前。",
                     md->overdue.n);
    for (size_t u = 0; !rc && u < md->units.n; u++) {
        const row_group *unit = &md->units.v[u];
        rc = text_block(d, BLOCK_H3, "%s（%zu 项）", *unit->key ? unit->key : "未明确责任单位",
                        unit->n);
        table t;
        if (rc || minutes_overdue_table(md, unit, &t))
            return DUBAN_ENOMEM;
        rc = table_block(d, &t);
    }
    return rc;
}

static int silent(minutes_doc *d, const minutes_data *md)
{
    int rc = text_block(d, BLOCK_H2, "四、未报进展事项");
    const char *since = md->m.seq > 1 ? "上次会议以来" : "计划导入以来";
    if (!md->silent.n)
        return rc | text_block(d, BLOCK_P, "%s，所有未完成事项均报告了进展。", since);
    rc |= text_block(d, BLOCK_P, "%s没有任何进展、变更的未完成事项 %zu 项。", since, md->silent.n);
    table t;
    if (rc || minutes_silent_table(md, &t))
        return DUBAN_ENOMEM;
    return table_block(d, &t);
}

static int targets(minutes_doc *d, const minutes_data *md)
{
    int rc = text_block(d, BLOCK_H2, "五、量化目标");
    if (!md->targets.n)
        return rc | text_block(d, BLOCK_P, "计划中没有量化目标。");
    int met = 0, reported = 0;
    for (size_t i = 0; i < md->targets.n; i++) {
        met += target_met(&md->targets.v[i]);
        reported += md->targets.v[i].has_current;
    }
    rc |= text_block(d, BLOCK_P, "共 %zu 个，已报进度 %d 个，已达标 %d 个。", md->targets.n,
                     reported, met);
    table t;
    if (rc || minutes_targets_table(md, &t))
        return DUBAN_ENOMEM;
    return table_block(d, &t);
}

static int build_doc(const minutes_data *md, minutes_doc *d)
{
    memset(d, 0, sizeof *d);
    strbuf title = {0};
    if (strbuf_printf(&title, "%s 会议纪要", md->m.title))
        return DUBAN_ENOMEM;
    d->title = text_sanitize(strbuf_str(&title));
    strbuf_free(&title);
    if (!d->title)
        return DUBAN_ENOMEM;
    int rc = head(d, md);
    if (!rc)
        rc = summary(d, md);
    if (!rc)
        rc = changes(d, md);
    if (!rc)
        rc = overdue(d, md);
    if (!rc)
        rc = silent(d, md);
    if (!rc)
        rc = targets(d, md);
    return rc;
}

int minutes_render(store *st, int64_t meeting_id, enum minutes_format fmt, long today,
                   const light_rule *rule, const text_measure *m, strbuf *out, duban_error *err)
{
    minutes_data md;
    int rc = minutes_load(st, meeting_id, today, rule, &md, err);
    if (rc)
        return rc;
    if (fmt == MINUTES_CSV) {
        rc = minutes_write_csv(&md, out);
    } else {
        minutes_doc d;
        rc = build_doc(&md, &d);
        if (!rc)
            rc = fmt == MINUTES_HTML ? minutes_write_html(&d, out) : minutes_write_md(&d, m, out);
        minutes_doc_free(&d);
    }
    minutes_data_free(&md);
    return rc ? duban_fail(err, DUBAN_ENOMEM, "out of memory") : DUBAN_OK;
}

int minutes_write_file(store *st, int64_t meeting_id, long today, const light_rule *rule,
                       const char *path, duban_error *err)
{
    minutes_data md;
    int rc = minutes_load(st, meeting_id, today, rule, &md, err);
    if (rc)
        return rc;
    minutes_doc d;
    rc = build_doc(&md, &d) ? duban_fail(err, DUBAN_ENOMEM, "out of memory")
                            : minutes_write_xlsx(&d, path, err);
    minutes_doc_free(&d);
    minutes_data_free(&md);
    return rc;
}
