/* minutes.c - gathering a meeting's minutes and laying them out (see
 * minutes.h); the Markdown and HTML writers are in minutes_render.c, the
 * CSV table in minutes_csv.c. */
#include "report/minutes_internal.h"

#include "report/minutes_data.h"
#include "edit/meeting_room.h"
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
        minutes_block *b = &d->v[i];
        free(b->text);
        for (size_t c = 0; b->own_cols && c < b->t.ncols; c++) {
            free((char *)b->own_cols[c].key);
            free((char *)b->own_cols[c].header);
        }
        free(b->own_cols);
        if (b->kind == BLOCK_TABLE)
            table_free(&b->t);
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

int minutes_doc_text(minutes_doc *d, enum block_kind kind, const char *text)
{
    return text_block(d, kind, "%s", text);
}

int minutes_doc_table(minutes_doc *d, table *t)
{
    return table_block(d, t);
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
    if (*md->attendees)
        rc |= text_block(d, BLOCK_LI, "参会人员：%s", md->attendees);
    rc |= text_block(d, BLOCK_LI, "统计截至：%s", md->today);
    if (query_filter_active(md->filter)) {
        strbuf f = {0};
        rc |= query_filter_describe(md->filter, store_statuses(md->st), &f);
        rc |= text_block(d, BLOCK_LI, "筛选：%s", strbuf_str(&f));
        strbuf_free(&f);
    }
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

/* 议定事项, when the meeting decided something (under section 二). */
static int decisions(minutes_doc *d, const minutes_data *md)
{
    if (!md->decisions.n)
        return DUBAN_OK;
    int rc = text_block(d, BLOCK_H3, "议定事项（%zu 项）", md->decisions.n);
    table t;
    if (rc || minutes_decisions_table(md, &t))
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
        rc = text_block(d, BLOCK_H3, "%s（%zu 项）", *unit->key ? unit->key : REPORT_NO_UNIT,
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
    rc |=
        text_block(d, BLOCK_P, "%s没有报告进展（状态、进展、量化指标、延期）的未完成事项 %zu 项。",
                   since, md->silent.n);
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

/* 落款: the issuer and the meeting's date, at the end, when configured. */
static int signature(minutes_doc *d, const minutes_data *md)
{
    if (!md->issuer || !*md->issuer)
        return DUBAN_OK;
    int y = 0, mo = 0, dd = 0;
    sscanf(md->m.date, "%d-%d-%d", &y, &mo, &dd);
    return text_block(d, BLOCK_SIGN, "%s", md->issuer) |
           text_block(d, BLOCK_SIGN, "%d年%d月%d日", y, mo, dd);
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
        rc = decisions(d, md);
    if (!rc)
        rc = overdue(d, md);
    if (!rc)
        rc = silent(d, md);
    if (!rc)
        rc = targets(d, md);
    if (!rc)
        rc = signature(d, md);
    return rc;
}

int minutes_render(store *st, int64_t meeting_id, enum minutes_format fmt, long today,
                   const light_rule *rule, const text_measure *m, strbuf *out, duban_error *err)
{
    return minutes_render_where(st, meeting_id, fmt, today, rule, NULL, NULL, m, out, NULL, NULL,
                                err);
}

static const char *const format_names[] = {"md", "html", "csv", "json"};
/* The frozen blocks of the minutes (minutes_doc_codec.c), for the workbook. */
#define FROZEN_DOC "doc"

/* Renders the live minutes of md in fmt, handed to flush as out fills.
 * DUBAN_OK, DUBAN_ENOMEM or DUBAN_EIO. */
static int render_data(const minutes_data *md, enum minutes_format fmt, const text_measure *m,
                       strbuf *out, table_flush_fn flush, void *arg)
{
    if (fmt == MINUTES_CSV || fmt == MINUTES_JSON)
        return minutes_write_rows(md, fmt == MINUTES_CSV ? FORMAT_CSV : FORMAT_JSON, out, flush,
                                  arg);
    minutes_doc d;
    int rc = build_doc(md, &d) ? DUBAN_ENOMEM : DUBAN_OK;
    if (!rc)
        rc = fmt == MINUTES_HTML ? minutes_write_html(&d, out, flush, arg)
                                 : minutes_write_md(&d, m, out, flush, arg);
    minutes_doc_free(&d);
    return rc;
}

/* The frozen body of an ended meeting in fmt into out; *found 0 when none. */
static int frozen(store *st, int64_t meeting_id, enum minutes_format fmt, strbuf *out, int *found,
                  duban_error *err)
{
    char *body = NULL;
    *found = 0;
    int rc = meeting_minutes_get(st, meeting_id, format_names[fmt], &body, err);
    if (!rc && body) {
        *found = 1;
        if (strbuf_append(out, body))
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    free(body);
    return rc;
}

int minutes_render_where(store *st, int64_t meeting_id, enum minutes_format fmt, long today,
                         const light_rule *rule, const query_filter *f, const char *issuer,
                         const text_measure *m, strbuf *out, table_flush_fn flush, void *arg,
                         duban_error *err)
{
    int found = 0, rc;
    if (!query_filter_active(f) && (rc = frozen(st, meeting_id, fmt, out, &found, err)))
        return rc;
    if (found)
        return DUBAN_OK;
    minutes_data md;
    rc = minutes_load(st, meeting_id, today, rule, f, &md, err);
    if (rc)
        return rc;
    md.issuer = issuer;
    rc = render_data(&md, fmt, m, out, flush, arg);
    minutes_data_free(&md);
    if (rc == DUBAN_EIO)
        return duban_fail(err, DUBAN_EIO, "cannot write output");
    return rc ? duban_fail(err, DUBAN_ENOMEM, "out of memory") : DUBAN_OK;
}

/* Keeps md's blocks as the meeting's frozen "doc". */
static int freeze_doc(store *st, const minutes_data *md, duban_error *err)
{
    minutes_doc d;
    strbuf body = {0};
    int rc = build_doc(md, &d) || minutes_doc_encode(&d, &body)
                 ? duban_fail(err, DUBAN_ENOMEM, "out of memory")
                 : meeting_minutes_put(st, md->m.id, FROZEN_DOC, strbuf_str(&body), err);
    strbuf_free(&body);
    minutes_doc_free(&d);
    return rc;
}

int minutes_freeze(store *st, int64_t meeting_id, long today, const light_rule *rule,
                   const char *issuer, const text_measure *m, duban_error *err)
{
    minutes_data md;
    int rc = minutes_load(st, meeting_id, today, rule, NULL, &md, err);
    if (rc)
        return rc;
    md.issuer = issuer;
    if (md.m.open) {
        minutes_data_free(&md);
        return duban_fail(err, DUBAN_EINVAL, "meeting %lld is still open", (long long)meeting_id);
    }
    for (int fmt = 0; !rc && fmt < (int)(sizeof format_names / sizeof format_names[0]); fmt++) {
        strbuf body = {0};
        if (render_data(&md, (enum minutes_format)fmt, m, &body, NULL, NULL))
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
        else
            rc = meeting_minutes_put(st, meeting_id, format_names[fmt], strbuf_str(&body), err);
        strbuf_free(&body);
    }
    if (!rc) /* the blocks, for the workbook (minutes_write_file) */
        rc = freeze_doc(st, &md, err);
    minutes_data_free(&md);
    return rc;
}

int minutes_write_file(store *st, int64_t meeting_id, long today, const light_rule *rule,
                       const char *path, duban_error *err)
{
    return minutes_write_file_where(st, meeting_id, today, rule, NULL, path, err);
}

int minutes_write_file_where(store *st, int64_t meeting_id, long today, const light_rule *rule,
                             const query_filter *f, const char *path, duban_error *err)
{
    minutes_doc d;
    char *body = NULL;
    int rc = DUBAN_OK;
    /* an ended meeting: the blocks kept when it ended, as md, html, csv
     * and json reprint theirs (without a filter) */
    if (!query_filter_active(f) &&
        (rc = meeting_minutes_get(st, meeting_id, FROZEN_DOC, &body, err)))
        return rc;
    if (body) {
        rc = minutes_doc_decode(body, &d, err);
        free(body);
        if (!rc)
            rc = minutes_write_xlsx(&d, path, err);
        minutes_doc_free(&d);
        return rc;
    }
    minutes_data md;
    rc = minutes_load(st, meeting_id, today, rule, f, &md, err);
    if (rc)
        return rc;
    rc = build_doc(&md, &d) ? duban_fail(err, DUBAN_ENOMEM, "out of memory")
                            : minutes_write_xlsx(&d, path, err);
    minutes_doc_free(&d);
    minutes_data_free(&md);
    return rc;
}
