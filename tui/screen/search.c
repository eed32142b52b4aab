/* search.c - incremental search over the outline (see search.h). */
#include "screen/search.h"

#include "screen/draw.h"
#include "screen/vmodel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void search_free(search_state *s)
{
    id_list_free(&s->matches);
    free(s->sorted);
    free(s->saved_folds);
    memset(s, 0, sizeof *s);
}

static void drop_matches(search_state *s)
{
    id_list_free(&s->matches);
    free(s->sorted);
    s->sorted = NULL;
    s->current = 0;
    s->active = 0;
}

void search_begin(app *a)
{
    search_free(&a->sr);
    a->sr.saved_node = vm_selected(a);
    a->sr.saved_folds = vm_folds(a);
}

static int cmp_id(const void *x, const void *y)
{
    int64_t p = *(const int64_t *)x, q = *(const int64_t *)y;
    return (p > q) - (p < q);
}

/* Puts the folds and the selection back as they were before the search. */
static void restore(app *a)
{
    duban_error err = {0};
    if (a->sr.saved_folds)
        vm_set_folds(a, a->sr.saved_folds, &err);
    if (a->sr.saved_node)
        vm_reveal(a, a->sr.saved_node, &err);
}

static void select_match(app *a)
{
    duban_error err = {0};
    if (vm_reveal(a, a->sr.matches.v[a->sr.current], &err))
        app_message(a, S_ERROR, "%s", err.msg);
}

void search_update(app *a, const char *text)
{
    duban_error err = {0};
    drop_matches(&a->sr);
    snprintf(a->sr.text, sizeof a->sr.text, "%s", text);
    restore(a);
    if (!*text)
        return;
    if (query_search(a->st, a->plan_id, text, &a->sr.matches, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
        return;
    }
    size_t n = a->sr.matches.n;
    a->sr.sorted = n ? malloc(n * sizeof *a->sr.sorted) : NULL;
    if (n && !a->sr.sorted) {
        drop_matches(&a->sr);
        return;
    }
    if (n) {
        memcpy(a->sr.sorted, a->sr.matches.v, n * sizeof *a->sr.sorted);
        qsort(a->sr.sorted, n, sizeof *a->sr.sorted, cmp_id);
        a->sr.active = 1;
        select_match(a);
    }
}

void search_cancel(app *a)
{
    restore(a);
    duban_error err = {0};
    vm_save_folds(a, &err);
    drop_matches(&a->sr);
}

void search_accept(app *a)
{
    free(a->sr.saved_folds);
    a->sr.saved_folds = NULL;
    if (a->sr.matches.n)
        app_message(a, S_OK, "找到 %zu 处 matches · n 下一个 N 上一个", a->sr.matches.n);
    else if (a->sr.text[0])
        app_message(a, S_ERROR, "没有找到 not found: %s", a->sr.text);
}

void search_step(app *a, int dir)
{
    size_t n = a->sr.matches.n;
    if (!n) {
        app_message(a, S_NORMAL, "没有搜索结果 no matches · 按 / 搜索");
        return;
    }
    a->sr.current = dir > 0 ? (a->sr.current + 1) % n : (a->sr.current + n - 1) % n;
    a->sr.active = 1;
    select_match(a);
    app_message(a, S_NORMAL, "匹配 match %zu/%zu: %s", a->sr.current + 1, n, a->sr.text);
}

void search_clear(app *a)
{
    drop_matches(&a->sr);
}

int search_is_match(const app *a, int64_t id)
{
    if (!a->sr.active || !a->sr.sorted)
        return 0;
    return bsearch(&id, a->sr.sorted, a->sr.matches.n, sizeof id, cmp_id) != NULL;
}
