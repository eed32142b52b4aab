/* view_detail.c - the detail pane: the selected node's title, status,
 * dates, unit, leader, body, milestones, notes and history, wrapped to
 * the pane's width.  Loaded only for the selected node (detail_sync) and
 * scrolled independently of the outline. */
#include "view.h"

#include "draw.h"
#include "strbuf.h"
#include "textwidth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HISTORY_SHOWN 50

void detail_free(detail_state *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->lines[i].text);
    free(d->lines);
    d->lines = NULL;
    d->n = d->cap = 0;
}

static void push(detail_state *d, char *text, int style)
{
    if (!text)
        return;
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 32;
        detail_line *v = realloc(d->lines, cap * sizeof *v);
        if (!v) {
            free(text);
            return;
        }
        d->lines = v;
        d->cap = cap;
    }
    d->lines[d->n++] = (detail_line){text, style};
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
    if (!clean || text_wrap(clean, d->width - pw > 2 ? d->width - pw : 2, &lines, &count)) {
        free(clean);
        return;
    }
    for (size_t i = 0; i < count || i == 0; i++) {
        strbuf sb = {0};
        if (i == 0)
            strbuf_append_padded(&sb, prefix, pw > draw_width(prefix) ? pw : draw_width(prefix));
        else
            strbuf_printf(&sb, "%*s", pw, "");
        strbuf_append(&sb, i < count ? lines[i] : "");
        push(d, strbuf_take(&sb), style);
        strbuf_free(&sb);
    }
    text_lines_free(lines, count);
    free(clean);
}

static void add_blank(detail_state *d)
{
    push(d, duban_strdup(""), S_NORMAL);
}

/* "2021-10-01T08:30:00Z" -> "2021-10-01 08:30". */
static void short_time(const char *iso, char out[20])
{
    snprintf(out, 20, "%.10s %.5s", iso, strlen(iso) > 11 ? iso + 11 : "");
}

static void add_fields(app *a, detail_state *d, const node *n)
{
    const status_set *set = store_statuses(a->st);
    const status_def *s = status_by_key(set, n->status);
    char buf[160];
    snprintf(buf, sizeof buf, "%s %s", s ? s->glyph : "[?]", s ? s->name : n->status);
    add_hanging(d, "状态  ", buf, s ? S_STATUS + (int)(s - set->v) : S_NORMAL);
    long due = 0;
    int late = !(s && s->done) && n->due[0] && !date_parse(n->due, &due, NULL) && due < a->today;
    char shown[64];
    app_date(a, n->due, shown, sizeof shown);
    if (late)
        snprintf(buf, sizeof buf, "%s  逾期 %ld 天", shown, a->today - due);
    else
        snprintf(buf, sizeof buf, "%s", n->due[0] ? shown : "—");
    add_hanging(d, "时限  ", buf, late ? S_LATE : S_NORMAL);
    add_hanging(d, "单位  ", n->unit[0] ? n->unit : "—", S_NORMAL);
    add_hanging(d, "领导  ", n->leader[0] ? n->leader : "—", S_NORMAL);
}

static void add_milestones(app *a, detail_state *d, const node *n, int done)
{
    milestone_list ms;
    if (node_milestones(a->st, n->id, &ms, NULL) || !ms.n) {
        milestone_list_free(&ms);
        return;
    }
    add_blank(d);
    push(d, duban_strdup("节点 milestones"), S_SECTION);
    char today[DATE_LEN], word[96];
    date_format(a->today, today);
    for (size_t i = 0; i < ms.n; i++) {
        const milestone *m = &ms.v[i];
        int late = !done && strcmp(m->due, today) < 0;
        strbuf prefix = {0};
        snprintf(word, sizeof word, "%s%s", m->word, m->approximate ? "(约)" : "");
        char shown[64];
        app_date(a, m->due, shown, sizeof shown);
        strbuf_printf(&prefix, "%s ", shown);
        strbuf_append_padded(&prefix, word, 8);
        strbuf_append(&prefix, " ");
        add_hanging(d, strbuf_str(&prefix), m->phrase, late ? S_LATE : S_NORMAL);
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
    static const char *const names[][2] = {{"status", "状态"},
                                           {"due", "时限"},
                                           {"unit", "单位"},
                                           {"leader", "领导"},
                                           {"note", "进展"}};
    const char *field = h->field;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(names[i][0], h->field))
            field = names[i][1];
    const char *act = !strcmp(h->action, "undo")   ? "撤销 "
                      : !strcmp(h->action, "redo") ? "重做 "
                                                   : "";
    const char *ov = h->old_value, *nv = h->new_value;
    if (!strcmp(h->field, "status")) {
        const status_def *o = status_by_key(store_statuses(a->st), ov);
        const status_def *n = status_by_key(store_statuses(a->st), nv);
        ov = o ? o->name : ov;
        nv = n ? n->name : nv;
    }
    if (!strcmp(h->field, "note"))
        strbuf_printf(sb, "%s%s %s", act, field, *nv ? nv : ov);
    else
        strbuf_printf(sb, "%s%s %s → %s", act, field, *ov ? ov : "—", *nv ? nv : "—");
}

static void add_history(app *a, detail_state *d, int64_t id)
{
    history_list hl;
    if (node_history(a->st, id, &hl, NULL) || !hl.n) {
        history_list_free(&hl);
        return;
    }
    add_blank(d);
    push(d, duban_strdup("历史 history"), S_SECTION);
    for (size_t i = hl.n, shown = 0; i-- > 0 && shown < HISTORY_SHOWN; shown++) {
        char when[20], prefix[32];
        strbuf sb = {0};
        short_time(hl.v[i].at, when);
        snprintf(prefix, sizeof prefix, "%s  ", when);
        history_text(a, &hl.v[i], &sb);
        add_hanging(d, prefix, strbuf_str(&sb), S_NORMAL);
        strbuf_free(&sb);
    }
    if (hl.n > HISTORY_SHOWN) {
        char more[64];
        snprintf(more, sizeof more, "… 另有 %zu 条 more", hl.n - HISTORY_SHOWN);
        push(d, duban_strdup(more), S_DIM);
    }
    history_list_free(&hl);
}

static void add_area_summary(app *a, detail_state *d, const node *n)
{
    for (size_t i = 0; i < a->ol.nareas; i++) {
        const area_stats *s = &a->ol.areas[i].stats;
        if (a->ol.areas[i].area.id != n->id)
            continue;
        char buf[128];
        snprintf(buf, sizeof buf, "完成 %d/%d   逾期 %d   临期 %d", s->done, s->total, s->overdue,
                 s->at_risk);
        add_hanging(d, "进度  ", buf, S_NORMAL);
    }
}

static void build(app *a, detail_state *d, int64_t id)
{
    node n;
    if (node_by_id(a->st, id, &n, NULL)) {
        node_free(&n);
        return;
    }
    char title[REF_LEN + 4];
    snprintf(title, sizeof title, "%s ", n.ref);
    add_hanging(d, title, n.title, S_BOLD);
    add_blank(d);
    if (n.depth == NODE_AREA)
        add_area_summary(a, d, &n);
    else
        add_fields(a, d, &n);
    if (n.body[0]) {
        add_blank(d);
        add_hanging(d, "", n.body, S_NORMAL);
    }
    if (n.depth != NODE_AREA)
        add_milestones(a, d, &n, status_is_done(store_statuses(a->st), n.status));
    add_notes(a, d, n.id);
    add_history(a, d, n.id);
    node_free(&n);
}

void detail_sync(app *a, int width)
{
    detail_state *d = &a->dt;
    int64_t id = app_selected(a);
    if (width < 8 || (id == d->node_id && !d->stale && width == d->width))
        return;
    if (id != d->node_id)
        d->scroll = 0;
    detail_free(d);
    d->node_id = id;
    d->width = width;
    d->stale = 0;
    if (id)
        build(a, d, id);
}

void detail_draw(app *a, rect r)
{
    detail_state *d = &a->dt;
    int max = (int)d->n > r.h ? (int)d->n - r.h : 0;
    if (d->scroll > max)
        d->scroll = max;
    if (d->scroll < 0)
        d->scroll = 0;
    for (int i = 0; i < r.h; i++) {
        size_t k = (size_t)d->scroll + (size_t)i;
        draw_blank(r.y + i, r.x, r.w, S_NORMAL);
        if (k < d->n)
            draw_text(r.y + i, r.x + 1, r.w - 2, d->lines[k].text, d->lines[k].style);
    }
    if (d->scroll < max)
        draw_right(r.y + r.h - 1, r.x, r.w - 1, " … ] ", S_BOLD | S_REVERSE);
    if (d->scroll > 0)
        draw_right(r.y, r.x, r.w - 1, " … [ ", S_BOLD | S_REVERSE);
}

view_result detail_scroll(app *a, int lines)
{
    a->dt.scroll += lines;
    if (a->dt.scroll < 0)
        a->dt.scroll = 0;
    return VIEW_HANDLED;
}
