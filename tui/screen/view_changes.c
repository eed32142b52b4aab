/* view_changes.c - what changed in the open meeting (else the last one):
 * item, field, old -> new, note and time (meeting_changes), then the items
 * with no progress reported (未报进展, meeting_silent_items).  Enter jumps
 * to the item in the outline; m or Esc goes back. */
#include "screen/view.h"

#include "screen/draw.h"
#include "screen/vmodel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    CH_MEETING,     /* the meeting's title line */
    CH_HEAD,        /* "变更 N 项" */
    CH_CHANGE,      /* one change (selectable) */
    CH_HEAD_BEFORE, /* "会前变更 N 项": reports between meetings */
    CH_BEFORE,      /* one of them (selectable) */
    CH_HEAD_SILENT,
    CH_SILENT, /* one item with no progress (selectable) */
    CH_NOTE,   /* a dim remark: none / no meeting */
    CH_BLANK,
};

/* The reports between meetings the view holds: a first meeting after a
 * long history had 428,079 (160 MB and 0.8 s at 100k items); the
 * heading counts them all, duban changes lists them. */
#define BEFORE_MAX 500

typedef struct changes_entry {
    int kind;   /* CH_* */
    size_t idx; /* into changes or silent */
} changes_entry;

typedef struct changes_state {
    int loaded;
    meeting m; /* the open meeting, else the last one; id 0: none */
    meeting_change_list changes;
    meeting_change_list before; /* made between the last meeting and this one */
    node_list silent;
    changes_entry *rows;
    size_t nrows;
    size_t cursor, top;
} changes_state;

static changes_state *state(const app *a)
{
    return view_state(a, VIEW_changes);
}

/* Drops what was loaded (the cursor stays). */
static void drop_loaded(changes_state *c)
{
    meeting_free(&c->m);
    meeting_change_list_free(&c->changes);
    meeting_change_list_free(&c->before);
    node_list_free(&c->silent);
    free(c->rows);
    c->rows = NULL;
    c->nrows = 0;
    c->loaded = 0;
}

static void *changes_create(app *a)
{
    (void)a;
    return calloc(1, sizeof(changes_state));
}

static void changes_destroy(void *state)
{
    drop_loaded(state);
    free(state);
}

static void changes_invalidate(app *a)
{
    state(a)->loaded = 0;
}

static int selectable(const changes_entry *e)
{
    return e->kind == CH_CHANGE || e->kind == CH_SILENT || e->kind == CH_BEFORE;
}

static int build_rows(changes_state *c)
{
    size_t cap = c->changes.n + c->before.n + c->silent.n + 8, r = 0;
    changes_entry *rows = malloc(cap * sizeof *rows);
    if (!rows)
        return -1;
    rows[r++] = (changes_entry){c->m.id ? CH_MEETING : CH_NOTE, 0};
    if (c->m.id) {
        rows[r++] = (changes_entry){CH_HEAD, 0};
        for (size_t i = 0; i < c->changes.n; i++)
            rows[r++] = (changes_entry){CH_CHANGE, i};
        if (!c->changes.n)
            rows[r++] = (changes_entry){CH_NOTE, 1};
        rows[r++] = (changes_entry){CH_BLANK, 0};
        rows[r++] = (changes_entry){CH_HEAD_BEFORE, 0};
        for (size_t i = 0; i < c->before.n; i++)
            rows[r++] = (changes_entry){CH_BEFORE, i};
        rows[r++] = (changes_entry){CH_BLANK, 0};
        rows[r++] = (changes_entry){CH_HEAD_SILENT, 0};
        for (size_t i = 0; i < c->silent.n; i++)
            rows[r++] = (changes_entry){CH_SILENT, i};
    }
    free(c->rows);
    c->rows = rows;
    c->nrows = r;
    return 0;
}

/* Moves the cursor to a selectable row, in direction dir first. */
static void settle(changes_state *c, int dir)
{
    if (!c->nrows)
        return;
    size_t k = c->cursor < c->nrows ? c->cursor : c->nrows - 1;
    for (int pass = 0; pass < 2 && !selectable(&c->rows[k]); pass++, dir = -dir)
        while (!selectable(&c->rows[k]) && (dir > 0 ? k + 1 < c->nrows : k > 0))
            k = dir > 0 ? k + 1 : k - 1;
    c->cursor = k;
}

static int load(app *a, duban_error *err)
{
    changes_state *c = state(a);
    int64_t id;
    int rc = meeting_resolve(a->st, a->plan_id, NULL, &id, err);
    if (rc == DUBAN_ENOTFOUND)
        return DUBAN_OK; /* no meeting yet */
    if (!rc)
        rc = meeting_get(a->st, id, &c->m, err);
    if (!rc)
        rc = meeting_changes(a->st, id, &c->changes, err);
    if (!rc)
        rc = changes_before_meeting(a->st, id, BEFORE_MAX, &c->before, err);
    if (!rc)
        rc = meeting_silent_items(a->st, id, &c->silent, err);
    return rc;
}

static void changes_sync(app *a)
{
    changes_state *c = state(a);
    if (c->loaded)
        return;
    duban_error err = {0};
    drop_loaded(c);
    if (load(a, &err))
        app_message(a, S_ERROR, "%s", err.msg);
    if (build_rows(c))
        c->nrows = 0;
    c->loaded = 1;
    settle(c, 1);
}

/* A stored value as people read it: a status by glyph and name. */
static void shown(app *a, const meeting_change *ch, const char *v, char *out, size_t outsz)
{
    const status_def *d = NULL;
    if (!strcmp(ch->field, "status"))
        d = status_by_key(store_statuses(a->st), v);
    if (d)
        snprintf(out, outsz, "%s %s", d->glyph, d->name);
    else
        snprintf(out, outsz, "%s", *v ? v : "—");
}

static void draw_change(app *a, const meeting_change *ch, int y, rect r, int rev)
{
    char field[160], from[200], to[200], what[512], when[20];
    snprintf(field, sizeof field, "%s%s%s", meeting_field_title(ch->field), *ch->label ? " " : "",
             ch->label);
    shown(a, ch, ch->old_value, from, sizeof from);
    shown(a, ch, ch->new_value, to, sizeof to);
    if (!strcmp(ch->field, "note"))
        snprintf(what, sizeof what, "%s", ch->new_value);
    else
        snprintf(what, sizeof what, "%s → %s", from, to);
    char local[TIMESTAMP_LEN];
    date_local_time(ch->at, local);
    snprintf(when, sizeof when, "%s", local + 5); /* MM-DD HH:MM */
    draw_blank(y, r.x, r.w, rev);
    int x = r.x + 3, right = r.x + r.w - 13;
    x += draw_text(y, x, 8, ch->ref, S_BOLD | rev) + 2;
    x += draw_text(y, x, r.w >= 100 ? 24 : 14, field, S_BOLD | rev) + 2;
    x += draw_text(y, x, right - x - 1, what, rev) + 3;
    if (*ch->note && strcmp(ch->field, "note"))
        draw_text(y, x, right - x - 1, ch->note, S_DIM | rev);
    draw_right(y, r.x, r.w - 1, when, S_DIM | rev);
}

static void draw_silent(app *a, const node *n, int y, rect r, int rev)
{
    const status_set *set = store_statuses(a->st);
    const status_def *d = status_by_key(set, n->status);
    draw_blank(y, r.x, r.w, rev);
    int x = r.x + 3;
    x += draw_text(y, x, 8, n->ref, S_BOLD | rev) + 2;
    x += draw_text(y, x, 4, d ? d->glyph : "[?]", (d ? S_STATUS + (int)(d - set->v) : 0) | rev) + 1;
    int unit_w = r.w >= 80 ? 20 : 0;
    draw_text(y, x, r.x + r.w - x - unit_w - 2, n->title, rev);
    if (unit_w)
        draw_text(y, r.x + r.w - unit_w - 1, unit_w, n->unit, S_DIM | rev);
}

static void draw_heading(app *a, const changes_entry *e, int y, rect r)
{
    const changes_state *c = state(a);
    char buf[512];
    if (e->kind == CH_MEETING)
        snprintf(buf, sizeof buf, "%s%s · %s%s", c->m.open ? "● " : "", c->m.title, c->m.date,
                 c->m.open ? " · 会议中 open" : " · 已结束 ended");
    else if (e->kind == CH_HEAD)
        snprintf(buf, sizeof buf, "变更 %zu 项 changes", c->changes.n);
    else if (e->kind == CH_HEAD_BEFORE && c->before.n < c->before.total)
        snprintf(buf, sizeof buf,
                 "会前变更 %zu 项, 列出前 %zu 项 reported between meetings (the first %zu)",
                 c->before.total, c->before.n, c->before.n);
    else if (e->kind == CH_HEAD_BEFORE)
        snprintf(buf, sizeof buf, "会前变更 %zu 项 reported between meetings (before it started)",
                 c->before.n);
    else if (e->kind == CH_HEAD_SILENT)
        snprintf(buf, sizeof buf, "未报进展 %zu 项 no progress reported", c->silent.n);
    else if (e->kind == CH_NOTE && e->idx == 0)
        snprintf(buf, sizeof buf, "还没有会议 no meeting yet — 按 M 开始 (M starts one)");
    else
        snprintf(buf, sizeof buf, "本次会议还没有变更 no changes yet");
    int style = e->kind == CH_NOTE ? S_DIM : e->kind == CH_MEETING ? S_BOLD : S_SECTION;
    draw_text(y, r.x + 1 + (e->kind == CH_NOTE ? 2 : 0), r.w - 2, buf, style);
}

static void changes_draw(app *a, rect r)
{
    changes_state *c = state(a);
    view_scroll_to(c->cursor, &c->top, c->nrows, r.h);
    for (int i = 0; i < r.h; i++) {
        size_t k = c->top + (size_t)i;
        int y = r.y + i;
        draw_blank(y, r.x, r.w, S_NORMAL);
        if (k >= c->nrows)
            continue;
        const changes_entry *e = &c->rows[k];
        int rev = k == c->cursor ? S_REVERSE : 0;
        if (e->kind == CH_CHANGE)
            draw_change(a, &c->changes.v[e->idx], y, r, rev);
        else if (e->kind == CH_BEFORE)
            draw_change(a, &c->before.v[e->idx], y, r, rev);
        else if (e->kind == CH_SILENT)
            draw_silent(a, &c->silent.v[e->idx], y, r, rev);
        else if (e->kind != CH_BLANK)
            draw_heading(a, e, y, r);
    }
}

static int64_t changes_selected(app *a)
{
    const changes_state *c = state(a);
    if (c->cursor >= c->nrows || !selectable(&c->rows[c->cursor]))
        return 0;
    const changes_entry *e = &c->rows[c->cursor];
    if (e->kind == CH_BEFORE)
        return c->before.v[e->idx].node_id;
    return e->kind == CH_CHANGE ? c->changes.v[e->idx].node_id : c->silent.v[e->idx].id;
}

static view_result changes_handle(app *a, action act, int arg)
{
    changes_state *c = state(a);
    size_t before = c->cursor;
    if (view_move_cursor(act, arg, &c->cursor, c->nrows, a->lay.main.h)) {
        settle(c, c->cursor >= before ? 1 : -1);
        return VIEW_HANDLED;
    }
    if (act != ACT_toggle)
        return VIEW_IGNORED;
    int64_t id = changes_selected(a);
    duban_error err = {0};
    if (!id)
        return VIEW_HANDLED;
    view_switch(a, VIEW_outline);
    if (vm_reveal(a, id, &err))
        app_message(a, S_ERROR, "%s", err.msg);
    return VIEW_HANDLED;
}

static view_result changes_click(app *a, rect r, int y, int x)
{
    changes_state *c = state(a);
    (void)r;
    (void)x;
    size_t k = c->top + (size_t)y;
    if (y >= 0 && k < c->nrows && selectable(&c->rows[k]))
        c->cursor = k;
    return VIEW_HANDLED;
}

static void changes_position(app *a, char *out, size_t outsz)
{
    const changes_state *c = state(a);
    snprintf(out, outsz, "变更 %zu · 未报进展 %zu", c->changes.n, c->silent.n);
}

const view_ops view_changes = {
    .name = "changes",
    .flags = VF_REFRESH_AFTER_EDIT | VF_FOLLOWS_MEETING,
    .toggle = ACT_changes,
    .create = changes_create,
    .destroy = changes_destroy,
    .invalidate = changes_invalidate,
    .sync = changes_sync,
    .draw = changes_draw,
    .handle = changes_handle,
    .click = changes_click,
    .selected = changes_selected,
    .position = changes_position,
};
