/* view_detail.c - the detail pane: the selected node's title, status,
 * light, dates (with an extension and its reason), unit, leader, body,
 * targets, milestones, notes and history, wrapped to
 * the pane's width.  Loaded only for the selected node (detail_sync) and
 * scrolled independently of the outline. */
#include "base/list.h"
#include "query/history_shown.h"
#include "screen/view.h"

#include "screen/draw.h"
#include "screen/fields.h"
#include "screen/search.h"
#include "base/strbuf.h"
#include "text/textmatch.h"
#include "text/textwidth.h"
#include "screen/vmodel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HISTORY_SHOWN 50

typedef struct detail_line {
    char *text; /* sanitised, fits the width */
    int style;  /* draw.h style */
    int para;   /* the paragraph (detail_state.paras) it was wrapped from, -1 none */
    size_t off; /* its text is bytes [off, ...) of that paragraph ... */
    size_t pre; /* ... from byte pre of the line on (after the prefix) */
} detail_line;

typedef struct detail_state {
    int64_t node_id; /* what lines describe, 0 none */
    int width;       /* lines were wrapped for this width */
    int stale;       /* reload before the next draw */
    detail_line *lines;
    size_t n, cap;
    char **paras; /* the wrapped texts, whole (sanitised): search marks are
                     found in them, so that a match cut by the wrap is marked
                     on both lines */
    size_t npara, cappara;
    int scroll;
} detail_state;

static detail_state *state(const app *a)
{
    return view_state(a, VIEW_detail);
}

static void drop_loaded(detail_state *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->lines[i].text);
    free(d->lines);
    d->lines = NULL;
    d->n = d->cap = 0;
    for (size_t i = 0; i < d->npara; i++)
        free(d->paras[i]);
    free(d->paras);
    d->paras = NULL;
    d->npara = d->cappara = 0;
}

static void *detail_create(app *a)
{
    (void)a;
    return calloc(1, sizeof(detail_state));
}

static void detail_destroy(void *state)
{
    drop_loaded(state);
    free(state);
}

static void detail_invalidate(app *a)
{
    state(a)->stale = 1;
}

static void push(detail_state *d, char *text, int style)
{
    if (!text)
        return;
    if (ARRAY_GROW(d->lines, d->cap, d->n + 1)) {
        free(text);
        return;
    }
    d->lines[d->n++] = (detail_line){text, style, -1, 0, 0};
}

/* Keeps clean (taken) as a paragraph; returns its index, -1 when out of
 * memory (clean freed). */
static int keep_para(detail_state *d, char *clean)
{
    if (ARRAY_GROW(d->paras, d->cappara, d->npara + 1)) {
        free(clean);
        return -1;
    }
    d->paras[d->npara] = clean;
    return (int)d->npara++;
}

/* Adds text wrapped to the width; the first line starts with prefix, the
 * others with as many spaces (a hanging indent). */
static void add_hanging(detail_state *d, const char *prefix, const char *text, int style)
{
    char *clean = text_sanitize(text ? text : "");
    int pw = draw_width(prefix);
    if (pw > d->width / 2)
        pw = 4;
    char **lines = NULL;
    size_t count = 0;
    if (!clean ||
        text_wrap(clean, d->width - pw > 2 ? d->width - pw : 2, draw_measure(), &lines, &count)) {
        free(clean);
        return;
    }
    int para = count > 1 ? keep_para(d, clean) : -1; /* one line: marked as it is */
    size_t pos = 0;
    for (size_t i = 0; i < count || i == 0; i++) {
        strbuf sb = {0};
        if (i == 0)
            strbuf_append_padded(&sb, prefix, pw > draw_width(prefix) ? pw : draw_width(prefix),
                                 draw_measure());
        else
            strbuf_printf(&sb, "%*s", pw, "");
        size_t pre = sb.len, before = d->n;
        strbuf_append(&sb, i < count ? lines[i] : "");
        push(d, strbuf_take(&sb), style);
        strbuf_free(&sb);
        /* where the line's text is in the paragraph (the wrap cuts it, and
           drops the spaces it breaks at) */
        const char *at = para >= 0 && i < count ? strstr(d->paras[para] + pos, lines[i]) : NULL;
        if (at && d->n > before) {
            detail_line *l = &d->lines[d->n - 1];
            l->para = para;
            l->off = (size_t)(at - d->paras[para]);
            l->pre = pre;
            pos = l->off + strlen(lines[i]);
        }
    }
    text_lines_free(lines, count);
    if (para < 0)
        free(clean);
}

/* "单位  text": the field's label (fields.def) as the prefix. */
static void add_field(detail_state *d, edit_field f, const char *text, int style)
{
    char prefix[32];
    snprintf(prefix, sizeof prefix, "%s  ", field_label(f));
    add_hanging(d, prefix, text, style);
}

static void add_blank(detail_state *d)
{
    push(d, duban_strdup(""), S_NORMAL);
}

/* A body, each of its lines wrapped as a paragraph of its own (the
 * breaks were made spaces), an empty line kept as one blank. */
static void add_paragraphs(detail_state *d, const char *text)
{
    int blank = 0;
    while (*text) {
        size_t n = strcspn(text, "\n");
        char *line = strndup(text, n && text[n - 1] == '\r' ? n - 1 : n);
        int empty = line && !line[strspn(line, " \t")];
        if (line && (!empty || !blank)) {
            if (empty)
                add_blank(d);
            else
                add_hanging(d, "", line, S_NORMAL);
        }
        blank = empty;
        free(line);
        text += n + (text[n] == '\n');
    }
}

/* "2021-10-01T08:30:00Z" -> "2021-10-01 08:30". */
static void short_time(const char *iso, char out[20])
{
    date_local_time(iso, out);
}

/* "(!) 红灯  依据 2021-09-30" in the light's colours. */
static void add_light(app *a, detail_state *d, const node *n)
{
    item_light lv;
    const item_light *l = vm_light(a, n->id, &lv);
    if (!l)
        return;
    char buf[160], deadline[64];
    app_date(a, l->deadline, deadline, sizeof deadline);
    snprintf(buf, sizeof buf, "%s%s%s", light_label(l->light), *deadline ? "  依据 " : "",
             deadline);
    add_hanging(d, "亮灯  ", buf, S_LIGHT + (int)l->light);
}

/* The due date (the extension when there is one, with the original). */
static void add_due(app *a, detail_state *d, const node *n, int done, const history_list *hl)
{
    const char *eff = *n->extended_due ? n->extended_due : n->due;
    long due = 0;
    int late = !done && *eff && !date_parse(eff, &due, NULL) && due < a->today;
    char shown[64], orig[64], buf[200];
    app_date(a, eff, shown, sizeof shown);
    app_date(a, n->due, orig, sizeof orig);
    int len = snprintf(buf, sizeof buf, "%s", *eff ? shown : "—");
    if (*n->extended_due)
        len +=
            snprintf(buf + len, sizeof buf - (size_t)len, "  延期 (原 %s)", *n->due ? orig : "—");
    if (late)
        snprintf(buf + len, sizeof buf - (size_t)len, "  逾期 %ld 天", a->today - due);
    add_field(d, FIELD_DUE, buf, late ? S_LATE : S_NORMAL);
    if (*n->extended_due) {
        const char *why = history_extension_reason(hl, n->extended_due);
        add_hanging(d, "理由  ", *why ? why : "—", S_NORMAL);
    }
}

static void add_fields(app *a, detail_state *d, const node *n, const history_list *hl)
{
    const status_set *set = store_statuses(a->st);
    const status_def *s = status_by_key(set, n->status);
    char buf[160];
    snprintf(buf, sizeof buf, "%s %s", s ? s->glyph : "[?]", s ? s->name : n->status);
    add_field(d, FIELD_STATUS, buf, s ? S_STATUS + (int)(s - set->v) : S_NORMAL);
    if (*n->state)
        add_hanging(d, "      ", "[-] 已取消 cancelled (X 恢复 restores)", S_DIM);
    add_light(a, d, n);
    add_due(a, d, n, s && s->done, hl);
    add_field(d, FIELD_UNIT, n->unit[0] ? n->unit : "—", S_NORMAL);
    add_field(d, FIELD_LEADER, n->leader[0] ? n->leader : "—", S_NORMAL);
}

/* Numeric targets with their progress, numbered for P. */
static void add_targets(app *a, detail_state *d, int64_t id)
{
    target_list l;
    if (node_targets(a->st, id, &l, NULL) || !l.n) {
        target_list_free(&l);
        return;
    }
    add_blank(d);
    push(d, duban_strdup("目标 targets (P 填报)"), S_SECTION);
    for (size_t i = 0; i < l.n; i++) {
        char prog[96], prefix[32];
        strbuf sb = {0};
        target_progress_text(&l.v[i], prog, sizeof prog);
        snprintf(prefix, sizeof prefix, "[%zu] ", i + 1);
        strbuf_printf(&sb, "%s  %s%s%s", l.v[i].label, prog,
                      l.v[i].dir == TARGET_AT_MOST ? " (至多)" : "",
                      target_met(&l.v[i]) ? "  达成" : "");
        add_hanging(d, prefix, strbuf_str(&sb), target_met(&l.v[i]) ? S_OK : S_NORMAL);
        strbuf_free(&sb);
    }
    target_list_free(&l);
}

static void add_milestones(app *a, detail_state *d, const node *n, int done)
{
    milestone_list ms;
    if (node_milestones(a->st, n->id, &ms, NULL) || !ms.n) {
        milestone_list_free(&ms);
        return;
    }
    add_blank(d);
    push(d, duban_strdup("节点 milestones (D 完成/重开)"), S_SECTION);
    char today[DATE_LEN], word[96];
    date_format(a->today, today);
    for (size_t i = 0; i < ms.n; i++) {
        const milestone *m = &ms.v[i];
        int closed = done || *m->done;
        int late = !closed && strcmp(m->due, today) < 0;
        strbuf prefix = {0};
        strbuf_printf(&prefix, "[%d] %s", m->seq, closed ? "✓ " : "");
        snprintf(word, sizeof word, "%s%s", m->word, m->approximate ? "(约)" : "");
        char shown[64];
        app_date(a, m->due, shown, sizeof shown);
        strbuf_printf(&prefix, "%s ", shown);
        strbuf_append_padded(&prefix, word, 8, draw_measure());
        strbuf_append(&prefix, " ");
        add_hanging(d, strbuf_str(&prefix), m->phrase, late ? S_LATE : closed ? S_DIM : S_NORMAL);
        strbuf_free(&prefix);
    }
    milestone_list_free(&ms);
}

static void add_notes(app *a, detail_state *d, int64_t id)
{
    note_list notes;
    if (node_notes(a->st, id, &notes, NULL) || !notes.n) {
        note_list_free(&notes);
        return;
    }
    add_blank(d);
    push(d, duban_strdup("进展 notes"), S_SECTION);
    for (size_t i = notes.n; i-- > 0;) {
        char when[20], prefix[32];
        short_time(notes.v[i].at, when);
        snprintf(prefix, sizeof prefix, "%s  ", when);
        add_hanging(d, prefix, notes.v[i].text, S_NORMAL);
    }
    note_list_free(&notes);
}

static void history_text(app *a, const history_row *h, strbuf *sb)
{
    const char *field = meeting_field_title(h->field);
    const char *act = !strcmp(h->action, "undo")   ? "撤销 "
                      : !strcmp(h->action, "redo") ? "重做 "
                                                   : "";
    char ob[HISTORY_SHOWN_LEN], nb[HISTORY_SHOWN_LEN];
    const char *ov, *nv;
    history_shown_values(a->st, h, ob, nb, &ov, &nv);
    if (!strcmp(h->field, "note"))
        strbuf_printf(sb, "%s%s %s", act, field, *h->new_value ? nv : ov);
    else
        strbuf_printf(sb, "%s%s %s → %s", act, field, ov, nv);
}

static void add_history(app *a, detail_state *d, const history_list *hl)
{
    if (!hl->n)
        return;
    add_blank(d);
    push(d, duban_strdup("历史 history"), S_SECTION);
    for (size_t i = hl->n, shown = 0; i-- > 0 && shown < HISTORY_SHOWN; shown++) {
        char when[20], prefix[32];
        strbuf sb = {0};
        short_time(hl->v[i].at, when);
        snprintf(prefix, sizeof prefix, "%s  ", when);
        history_text(a, &hl->v[i], &sb);
        add_hanging(d, prefix, strbuf_str(&sb), S_NORMAL);
        strbuf_free(&sb);
    }
    if (hl->n > HISTORY_SHOWN) {
        char more[64];
        snprintf(more, sizeof more, "… 另有 %zu 条 more", hl->n - HISTORY_SHOWN);
        push(d, duban_strdup(more), S_DIM);
    }
}

static void add_area_summary(app *a, detail_state *d, const node *n)
{
    size_t i = vm_area_index(a, n->id);
    if (i == a->ol.nareas)
        return;
    const area_row *ar = &a->ol.areas[i];
    const area_stats *s = &ar->stats;
    char buf[160];
    snprintf(buf, sizeof buf, "完成 %d/%d   逾期 %d   临期 %d", s->done, s->total, s->overdue,
             s->at_risk);
    add_hanging(d, "进度  ", buf, S_NORMAL);
    snprintf(buf, sizeof buf, "%s %d   %s %d   %s %d", light_label(LIGHT_RED),
             ar->nlight[LIGHT_RED], light_label(LIGHT_YELLOW), ar->nlight[LIGHT_YELLOW],
             light_label(LIGHT_GREEN), ar->nlight[LIGHT_GREEN]);
    add_hanging(d, "亮灯  ", buf, ar->nlight[LIGHT_RED] ? S_LIGHT_RED : S_NORMAL);
}

static void build(app *a, detail_state *d, int64_t id)
{
    node n;
    history_list hl;
    if (node_by_id(a->st, id, &n, NULL)) {
        node_free(&n);
        return;
    }
    if (node_history(a->st, id, &hl, NULL))
        memset(&hl, 0, sizeof hl);
    char title[REF_LEN + 4];
    snprintf(title, sizeof title, "%s ", n.ref);
    add_hanging(d, title, n.title, S_BOLD);
    add_blank(d);
    if (n.depth == NODE_AREA)
        add_area_summary(a, d, &n);
    else
        add_fields(a, d, &n, &hl);
    if (n.depth != NODE_AREA)
        add_targets(a, d, n.id);
    if (n.body[0]) {
        add_blank(d);
        add_paragraphs(d, n.body);
    }
    if (n.depth != NODE_AREA)
        add_milestones(a, d, &n, status_is_done(store_statuses(a->st), n.status));
    add_notes(a, d, n.id);
    add_history(a, d, &hl);
    history_list_free(&hl);
    node_free(&n);
}

/* Rebuilds the lines when the selection, the width or the node changed. */
static void detail_sync(app *a)
{
    detail_state *d = state(a);
    int width = a->lay.detail.w - 2;
    int64_t id = app_selected(a);
    if (width < 8 || (id == d->node_id && !d->stale && width == d->width))
        return;
    if (id != d->node_id)
        d->scroll = 0;
    drop_loaded(d);
    d->node_id = id;
    d->width = width;
    d->stale = 0;
    if (id)
        build(a, d, id);
}

#define PARA_SPANS 256

static int by_start(const void *x, const void *y)
{
    const text_span *p = x, *q = y;
    return (p->start > q->start) - (p->start < q->start);
}

/* Line l with the words of q marked: those in its own text (the prefix
 * too), and the parts of its paragraph's matches that fall on it, so a
 * word the wrap cut is marked on both lines. */
static void draw_line(const detail_state *d, const detail_line *l, int y, int x, int w,
                      const char *q)
{
    if (!q || !*q || l->para < 0) {
        draw_text_match(y, x, w, l->text, l->style, q);
        return;
    }
    text_span in[PARA_SPANS], sp[PARA_SPANS];
    size_t ns = text_match_spans(l->text, q, sp, PARA_SPANS / 2);
    size_t nin = text_match_spans(d->paras[l->para], q, in, PARA_SPANS);
    size_t len = strlen(l->text) - l->pre, from = l->off, to = l->off + len;
    for (size_t i = 0; i < nin && ns < PARA_SPANS; i++) {
        if (in[i].end <= from || in[i].start >= to)
            continue;
        size_t s = in[i].start > from ? in[i].start : from, e = in[i].end < to ? in[i].end : to;
        sp[ns++] = (text_span){l->pre + s - from, l->pre + e - from};
    }
    qsort(sp, ns, sizeof *sp, by_start);
    size_t m = 0; /* merged where they overlap */
    for (size_t i = 0; i < ns; i++) {
        if (m && sp[i].start <= sp[m - 1].end) {
            if (sp[i].end > sp[m - 1].end)
                sp[m - 1].end = sp[i].end;
        } else {
            sp[m++] = sp[i];
        }
    }
    draw_text_spans(y, x, w, l->text, l->style, sp, m);
}

static void detail_draw(app *a, rect r)
{
    detail_state *d = state(a);
    int max = (int)d->n > r.h ? (int)d->n - r.h : 0;
    if (d->scroll > max)
        d->scroll = max;
    if (d->scroll < 0)
        d->scroll = 0;
    const char *q = search_is_match(a, d->node_id) ? a->sr.text : NULL; /* marked */
    for (int i = 0; i < r.h; i++) {
        size_t k = (size_t)d->scroll + (size_t)i;
        draw_blank(r.y + i, r.x, r.w, S_NORMAL);
        if (k < d->n)
            draw_line(d, &d->lines[k], r.y + i, r.x + 1, r.w - 2, q);
    }
    if (d->scroll < max)
        draw_right(r.y + r.h - 1, r.x, r.w - 1, " … ] ", S_BOLD | S_REVERSE);
    if (d->scroll > 0)
        draw_right(r.y, r.x, r.w - 1, " … [ ", S_BOLD | S_REVERSE);
}

/* Scrolls: ] and [ by half the pane, the wheel (moves) by its lines. */
static view_result detail_handle(app *a, action act, int arg)
{
    detail_state *d = state(a);
    int page = a->lay.detail.h > 2 ? a->lay.detail.h / 2 : 1;
    int lines = act == ACT_detail_down ? page
                : act == ACT_detail_up ? -page
                : act == ACT_move_down ? (arg > 1 ? arg : 1)
                : act == ACT_move_up   ? -(arg > 1 ? arg : 1)
                                       : 0;
    if (!lines)
        return VIEW_IGNORED;
    d->scroll += lines;
    if (d->scroll < 0)
        d->scroll = 0;
    return VIEW_HANDLED;
}

static int64_t detail_selected(app *a)
{
    return state(a)->node_id;
}

static void detail_position(app *a, char *out, size_t outsz)
{
    (void)a;
    snprintf(out, outsz, "详情 detail");
}

const view_ops view_detail = {
    .name = "detail",
    .flags = VF_PANE | VF_REFRESH_AFTER_EDIT | VF_FOLLOWS_FILTER,
    .create = detail_create,
    .destroy = detail_destroy,
    .invalidate = detail_invalidate,
    .sync = detail_sync,
    .draw = detail_draw,
    .handle = detail_handle,
    .selected = detail_selected,
    .position = detail_position,
};
