/* view_help.c - every key and what it does, generated from actions.def
 * (and the status set's shortcuts). */
#include "screen/view.h"

#include "screen/draw.h"
#include "screen/keymap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HELP_HEAD 2 /* title line and a blank line */

typedef struct help_state {
    int top; /* first line shown */
} help_state;

static help_state *state(const app *a)
{
    return view_state(a, VIEW_help);
}

static void *help_create(app *a)
{
    (void)a;
    return calloc(1, sizeof(help_state));
}

/* Help lines: the actions in table order, set_status expanded into one
 * line per status. */
static size_t help_lines(app *a)
{
    return HELP_HEAD + (size_t)ACT_COUNT - 2 + store_statuses(a->st)->n;
}

/* Line k (k >= HELP_HEAD) of the help: key column and text. */
static void help_line(app *a, size_t k, char *keys, size_t ksz, char *text, size_t tsz)
{
    const status_set *set = store_statuses(a->st);
    size_t i = k - HELP_HEAD;
    *keys = *text = '\0';
    for (int act = 1; act < ACT_COUNT; act++) {
        if (act == ACT_set_status && i < set->n) {
            const status_def *d = &set->v[i];
            snprintf(keys, ksz, "%c", d->shortcut > 32 && d->shortcut < 127 ? d->shortcut : '?');
            snprintf(text, tsz, "设为 %s %s  set status", d->glyph, d->name);
            return;
        }
        if (act == ACT_set_status) {
            i -= set->n;
        } else if (i == 0) {
            keymap_describe(a->ctx->config, act, keys, ksz);
            snprintf(text, tsz, "%s", action_get((action)act)->help);
            return;
        } else {
            i--;
        }
    }
}

static void help_draw(app *a, rect r)
{
    help_state *h = state(a);
    size_t n = help_lines(a);
    if (h->top > (int)n - r.h)
        h->top = (int)n - r.h;
    if (h->top < 0)
        h->top = 0;
    for (int i = 0; i < r.h; i++) {
        size_t k = (size_t)h->top + (size_t)i;
        int y = r.y + i;
        draw_blank(y, r.x, r.w, S_NORMAL);
        if (k == 0)
            draw_text(y, r.x + 2, r.w - 4, "duban 按键 keys  (q / Esc / ? 返回 back)", S_SECTION);
        if (k < HELP_HEAD || k >= n)
            continue;
        char keys[64], text[256];
        help_line(a, k, keys, sizeof keys, text, sizeof text);
        draw_text(y, r.x + 3, 16, keys, S_BOLD);
        draw_text(y, r.x + 21, r.w - 22, text, S_NORMAL);
    }
}

static view_result help_handle(app *a, action act, int arg)
{
    help_state *h = state(a);
    size_t top = (size_t)h->top, k = arg > 1 ? (size_t)arg : 1;
    int page = a->lay.main.h > 1 ? a->lay.main.h - 1 : 1;
    switch (act) {
    case ACT_move_down:
        top += k;
        break;
    case ACT_move_up:
        top = top > k ? top - k : 0;
        break;
    case ACT_page_down:
        top += (size_t)page;
        break;
    case ACT_page_up:
        top = top > (size_t)page ? top - (size_t)page : 0;
        break;
    case ACT_first_row:
        top = 0;
        break;
    case ACT_last_row:
        top = help_lines(a);
        break;
    case ACT_toggle:
    case ACT_quit: /* as in less and man: q closes the help, not duban */
    case ACT_back:
        view_close(a);
        return VIEW_HANDLED;
    case ACT_redraw:
    case ACT_help:
    case ACT_overdue_view:
    case ACT_changes:
    case ACT_present:
        return VIEW_IGNORED;
    default:
        return VIEW_HANDLED; /* edits do not apply here */
    }
    h->top = top > 100000 ? 100000 : (int)top;
    return VIEW_HANDLED;
}

static int64_t help_selected(app *a)
{
    (void)a;
    return 0;
}

static void help_position(app *a, char *out, size_t outsz)
{
    (void)a;
    snprintf(out, outsz, "帮助 help");
}

const view_ops view_help = {
    .name = "help",
    .flags = VF_NO_DETAIL | VF_RETURNS,
    .toggle = ACT_help,
    .create = help_create,
    .destroy = free,
    .draw = help_draw,
    .handle = help_handle,
    .selected = help_selected,
    .position = help_position,
};
