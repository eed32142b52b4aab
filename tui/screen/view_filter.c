/* view_filter.c - the filter picker (筛选): the plan's units and leaders,
 * the statuses, the lights and due windows, each with how many items it
 * keeps.  Enter on a row sets that condition (keeping the others; on the
 * active value it clears it) and goes back; the first row clears all.
 * The conditions in force are marked; Esc or F goes back unchanged. */
#include "screen/view.h"

#include "screen/draw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum pick_kind { PICK_CLEAR, PICK_HEAD, PICK_UNIT, PICK_LEADER, PICK_STATUS, PICK_LIGHT, PICK_DUE };

typedef struct pick_row {
    enum pick_kind kind;
    size_t idx; /* into the list of its kind; for a heading: its title */
} pick_row;

static const int due_days[] = {7, 14, 30};
#define NDUE (sizeof due_days / sizeof due_days[0])
static const char *const heads[] = {"责任单位 unit", "分管领导 leader", "状态 status", "亮灯 light",
                                    "到期 due"};

typedef struct picker_state {
    int loaded;
    filter_choice_list units, leaders;
    int status_count[STATUS_MAX], light_count[LIGHT_COUNT], due_count[NDUE];
    pick_row *rows;
    size_t nrows, cursor, top;
} picker_state;

static picker_state *state(const app *a)
{
    return view_state(a, VIEW_filter);
}

static void *picker_create(app *a)
{
    (void)a;
    return calloc(1, sizeof(picker_state));
}

static void drop(picker_state *p)
{
    filter_choice_list_free(&p->units);
    filter_choice_list_free(&p->leaders);
    free(p->rows);
    p->rows = NULL;
    p->nrows = 0;
}

static void picker_destroy(void *s)
{
    drop(s);
    free(s);
}

static void picker_invalidate(app *a)
{
    state(a)->loaded = 0;
}

static void add_row(picker_state *p, enum pick_kind kind, size_t idx)
{
    p->rows[p->nrows++] = (pick_row){kind, idx};
}

/* The rows: clear, then each kind under its heading. */
static int build_rows(app *a, picker_state *p)
{
    size_t nstatus = store_statuses(a->st)->n;
    size_t n = 1 + 5 + p->units.n + p->leaders.n + nstatus + LIGHT_COUNT + NDUE;
    if (!(p->rows = malloc(n * sizeof *p->rows)))
        return DUBAN_ENOMEM;
    add_row(p, PICK_CLEAR, 0);
    if (p->units.n) /* a heading over nothing is left out */
        add_row(p, PICK_HEAD, 0);
    for (size_t i = 0; i < p->units.n; i++)
        add_row(p, PICK_UNIT, i);
    if (p->leaders.n)
        add_row(p, PICK_HEAD, 1);
    for (size_t i = 0; i < p->leaders.n; i++)
        add_row(p, PICK_LEADER, i);
    add_row(p, PICK_HEAD, 2);
    for (size_t i = 0; i < nstatus; i++)
        add_row(p, PICK_STATUS, i);
    add_row(p, PICK_HEAD, 3);
    for (size_t i = LIGHT_COUNT; i-- > 0;)
        add_row(p, PICK_LIGHT, i); /* red first */
    add_row(p, PICK_HEAD, 4);
    for (size_t i = 0; i < NDUE; i++)
        add_row(p, PICK_DUE, i);
    return DUBAN_OK;
}

/* Counts of statuses, lights and due windows over the items and
 * sub-items: the rows each choice would list (vm_filter.c). */
static void count_items(app *a, picker_state *p, const item_light_list *l)
{
    const status_set *set = store_statuses(a->st);
    memset(p->status_count, 0, sizeof p->status_count);
    memset(p->light_count, 0, sizeof p->light_count);
    memset(p->due_count, 0, sizeof p->due_count);
    for (size_t k = 0; k < l->n; k++) {
        const item_light *it = &l->v[k];
        if (it->depth < NODE_ITEM)
            continue;
        const status_def *d = status_by_key(set, it->status);
        if (d)
            p->status_count[d - set->v]++;
        if (it->light < LIGHT_COUNT)
            p->light_count[it->light]++;
        for (size_t i = 0; i < NDUE; i++) {
            query_filter f;
            query_filter_clear(&f);
            f.due_within = due_days[i];
            p->due_count[i] += query_filter_matches(&f, it, a->today);
        }
    }
}

static void picker_sync(app *a)
{
    picker_state *p = state(a);
    if (p->loaded)
        return;
    drop(p);
    item_light_list l;
    duban_error err = {0};
    int rc = query_item_lights(a->st, a->plan_id, a->today, &a->rule, &l, &err);
    if (!rc) {
        if (query_filter_choices(&l, LIGHT_BY_UNIT, &p->units) ||
            query_filter_choices(&l, LIGHT_BY_LEADER, &p->leaders) || build_rows(a, p))
            rc = duban_fail(&err, DUBAN_ENOMEM, "out of memory");
        count_items(a, p, &l);
        item_light_list_free(&l);
    }
    if (rc)
        app_message(a, S_ERROR, "%s", err.msg);
    if (p->cursor >= p->nrows)
        p->cursor = 0;
    p->loaded = 1;
}

/* Row r's text, its count (-1 none) and whether it is in force. */
static void row_text(app *a, const pick_row *r, char *out, size_t outsz, int *count, int *on)
{
    picker_state *p = state(a);
    const query_filter *f = &a->filter;
    const status_set *set = store_statuses(a->st);
    *count = -1;
    *on = 0;
    switch (r->kind) {
    case PICK_CLEAR:
        snprintf(out, outsz, "清除筛选 clear the filter");
        *on = !query_filter_active(f);
        break;
    case PICK_HEAD:
        snprintf(out, outsz, "%s", heads[r->idx]);
        break;
    case PICK_UNIT:
    case PICK_LEADER: {
        const filter_choice *c = &(r->kind == PICK_UNIT ? &p->units : &p->leaders)->v[r->idx];
        const char *cur = r->kind == PICK_UNIT ? f->unit : f->leader;
        snprintf(out, outsz, "%s", c->text);
        *count = c->count;
        *on = cur && !strcmp(cur, c->text);
        break;
    }
    case PICK_STATUS:
        snprintf(out, outsz, "%s %s", set->v[r->idx].glyph, set->v[r->idx].name);
        *count = p->status_count[r->idx];
        *on = f->status && !strcmp(f->status, set->v[r->idx].key);
        break;
    case PICK_LIGHT:
        snprintf(out, outsz, "%s", light_label((light)r->idx));
        *count = p->light_count[r->idx];
        *on = f->light == (int)r->idx;
        break;
    case PICK_DUE:
        snprintf(out, outsz, "%d 天内到期 (含逾期) due within %d days", due_days[r->idx],
                 due_days[r->idx]);
        *count = p->due_count[r->idx];
        *on = f->due_within == due_days[r->idx];
        break;
    }
}

static void picker_draw(app *a, rect r)
{
    picker_state *p = state(a);
    int h = r.h > 2 ? r.h - 2 : 1;
    for (int y = r.y; y < r.y + r.h; y++)
        draw_blank(y, r.x, r.w, S_NORMAL);
    draw_text(r.y, r.x + 2, r.w - 4, "筛选 filter  (Enter 选定 choose, Esc 返回 back)", S_SECTION);
    view_scroll_to(p->cursor, &p->top, p->nrows, h);
    for (int i = 0; i < h && p->top + (size_t)i < p->nrows; i++) {
        size_t k = p->top + (size_t)i;
        const pick_row *row = &p->rows[k];
        int y = r.y + 2 + i, rev = k == p->cursor ? S_REVERSE : 0, count, on;
        char text[512], num[32] = "";
        row_text(a, row, text, sizeof text, &count, &on);
        if (row->kind == PICK_HEAD) {
            draw_text(y, r.x + 2, r.w - 4, text, S_SECTION | rev);
            continue;
        }
        draw_blank(y, r.x, r.w, rev);
        draw_text(y, r.x + 3, 2, on ? "●" : " ", S_BOLD | rev);
        if (count >= 0)
            snprintf(num, sizeof num, "%d 项 ", count);
        int x = draw_right(y, r.x, r.w, num, (count ? S_NORMAL : S_DIM) | rev);
        draw_text(y, r.x + 6, x - r.x - 7, text,
                  (row->kind == PICK_LIGHT ? S_LIGHT + (int)row->idx : S_NORMAL) | rev);
    }
}

/* Sets the condition of row k (clears it when it is in force). */
static void choose(app *a, size_t k)
{
    picker_state *p = state(a);
    if (k >= p->nrows || p->rows[k].kind == PICK_HEAD)
        return;
    const pick_row *r = &p->rows[k];
    char text[512];
    int count, on;
    row_text(a, r, text, sizeof text, &count, &on);
    query_filter f = a->filter;
    switch (r->kind) {
    case PICK_CLEAR:
        query_filter_clear(&f);
        break;
    case PICK_UNIT:
        f.unit = on ? NULL : p->units.v[r->idx].text;
        break;
    case PICK_LEADER:
        f.leader = on ? NULL : p->leaders.v[r->idx].text;
        break;
    case PICK_STATUS:
        f.status = on ? NULL : store_statuses(a->st)->v[r->idx].key;
        break;
    case PICK_LIGHT:
        f.light = on ? FILTER_ANY : (int)r->idx;
        break;
    case PICK_DUE:
        f.due_within = on ? FILTER_ANY : due_days[r->idx];
        break;
    default:
        break;
    }
    view_close(a);
    view_set_filter(a, &f);
}

static view_result picker_handle(app *a, action act, int arg)
{
    picker_state *p = state(a);
    if (view_move_cursor(act, arg, &p->cursor, p->nrows, a->lay.main.h - 2))
        return VIEW_HANDLED;
    switch (act) {
    case ACT_toggle:
        choose(a, p->cursor);
        return VIEW_HANDLED;
    case ACT_back:
    case ACT_quit:
        view_close(a);
        return VIEW_HANDLED;
    case ACT_redraw:
    case ACT_help:
    case ACT_filter:
        return VIEW_IGNORED;
    default:
        return VIEW_HANDLED; /* edits do not apply here */
    }
}

static view_result picker_click(app *a, rect r, int y, int x)
{
    (void)r;
    (void)x;
    picker_state *p = state(a);
    size_t k = p->top + (size_t)(y - 2);
    if (y >= 2 && k < p->nrows) {
        p->cursor = k;
        choose(a, k);
    }
    return VIEW_HANDLED;
}

static int64_t picker_selected(app *a)
{
    (void)a;
    return 0;
}

static void picker_position(app *a, char *out, size_t outsz)
{
    (void)a;
    snprintf(out, outsz, "筛选 filter");
}

const view_ops view_filter = {
    .name = "filter",
    .flags = VF_NO_DETAIL | VF_RETURNS | VF_REFRESH_AFTER_EDIT | VF_FOLLOWS_FILTER,
    .toggle = ACT_filter,
    .create = picker_create,
    .destroy = picker_destroy,
    .invalidate = picker_invalidate,
    .sync = picker_sync,
    .draw = picker_draw,
    .handle = picker_handle,
    .click = picker_click,
    .selected = picker_selected,
    .position = picker_position,
};
