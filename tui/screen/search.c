/* search.c - incremental search over the outline (see search.h).
 *
 * The plan's outline is read once per search (query_outline_ids: node
 * ids in outline order, one pass over an index), while idle after `/` or
 * at the first key typed before that; each typed key then asks
 * the store only for the matching ids (query_search_candidates: for long
 * words the trigram index alone, no node row, no sort) and sets one bit
 * per outline position.  The count, the first match, the next one, its
 * rank and each row's mark are read from the bits.  The outline read at
 * the start serves the whole search and its n / N steps.  Searches of
 * short words only (1-2 characters, which the index cannot serve) read a
 * copy of the text into memory once (search_texts.h) and look it up at
 * each key; the copy is read in parts while the prompt is open and no key
 * waits (search_idle: the first key typed is nearly always a short search),
 * and dropped when the search ends. */
#include "screen/search.h"

#include "screen/draw.h"
#include "screen/vmodel.h"
#include "query/search_texts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WORD_BITS 64

static void drop_matches(search_state *s)
{
    free(s->bits);
    s->bits = NULL;
    s->nmatch = 0;
    s->current = 0;
    s->active = 0;
}

static void drop_outline(search_state *s)
{
    free(s->order);
    free(s->byid);
    free(s->dense);
    s->order = NULL;
    s->byid = NULL;
    s->dense = NULL;
    s->norder = s->ndense = 0;
}

/* Node ids are row ids, mostly dense: then a table by id replaces the
 * sorted copy and its binary search (a few hundred KiB at 100,000 items,
 * no sort).  0 when the ids are too sparse or memory is short. */
static int make_dense(search_state *s)
{
    if (!s->norder || s->norder > UINT32_MAX - 1)
        return 0;
    int64_t lo = s->order[0], hi = s->order[0];
    for (size_t i = 1; i < s->norder; i++) {
        lo = s->order[i] < lo ? s->order[i] : lo;
        hi = s->order[i] > hi ? s->order[i] : hi;
    }
    if ((uint64_t)hi - (uint64_t)lo >= 4 * (uint64_t)s->norder)
        return 0;
    s->dense = calloc((size_t)(hi - lo + 1), sizeof *s->dense);
    if (!s->dense)
        return 0;
    s->dense_base = lo;
    s->ndense = (size_t)(hi - lo + 1);
    for (size_t i = 0; i < s->norder; i++)
        s->dense[s->order[i] - lo] = (uint32_t)i + 1;
    return 1;
}

void search_free(search_state *s)
{
    drop_matches(s);
    drop_outline(s);
    free(s->saved_folds);
    search_texts_free(s->texts);
    memset(s, 0, sizeof *s);
}

static int cmp_pos(const void *x, const void *y)
{
    int64_t p = ((const search_pos *)x)->id, q = ((const search_pos *)y)->id;
    return (p > q) - (p < q);
}

/* Reads the outline; on failure the search finds nothing (message set). */
static void load_outline(app *a)
{
    search_state *s = &a->sr;
    id_list ids;
    duban_error err = {0};
    if (query_outline_ids(a->st, a->plan_id, &ids, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
        return;
    }
    s->order = ids.v; /* now owned by the search */
    s->norder = ids.n;
    if (make_dense(s))
        return;
    s->byid = malloc((ids.n ? ids.n : 1) * sizeof *s->byid);
    if (!s->byid)
        return; /* nothing is found */
    for (size_t i = 0; i < ids.n; i++)
        s->byid[i] = (search_pos){ids.v[i], i};
    qsort(s->byid, ids.n, sizeof *s->byid, cmp_pos);
}

void search_begin(app *a)
{
    search_free(&a->sr);
    a->sr.saved_node = vm_selected(a);
    a->sr.saved_folds = vm_folds(a);
}

/* The outline, read once per search: while idle after `/`, or at the
 * first key typed before that. */
static void need_outline(app *a)
{
    if (!a->sr.outline_read) {
        a->sr.outline_read = 1;
        load_outline(a);
    }
}

/* The outline position of node id, or norder when it is not in it. */
static size_t position(const search_state *s, int64_t id)
{
    if (s->dense) {
        uint64_t k = (uint64_t)(id - s->dense_base);
        return k < s->ndense && s->dense[k] ? s->dense[k] - 1 : s->norder;
    }
    search_pos key = {id, 0};
    const search_pos *p = s->byid ? bsearch(&key, s->byid, s->norder, sizeof key, cmp_pos) : NULL;
    return p ? p->pos : s->norder;
}

static int is_set(const search_state *s, size_t pos)
{
    return pos < s->norder && (s->bits[pos / WORD_BITS] >> (pos % WORD_BITS) & 1);
}

/* The next set position after from (dir 1) or before it (dir -1),
 * wrapping around; from itself when it is the only one. */
static size_t next_match(const search_state *s, size_t from, int dir)
{
    for (size_t k = 1; k <= s->norder; k++) {
        size_t pos = dir > 0 ? (from + k) % s->norder : (from + s->norder - k) % s->norder;
        if (!s->bits[pos / WORD_BITS] && pos % WORD_BITS == (dir > 0 ? 0 : WORD_BITS - 1) &&
            k + WORD_BITS <= s->norder)
            k += WORD_BITS - 1; /* a whole empty word at once */
        else if (is_set(s, pos))
            return pos;
    }
    return from;
}

/* 1-based rank of the match at pos among all matches. */
static size_t rank(const search_state *s, size_t pos)
{
    size_t r = 0;
    for (size_t w = 0; w < pos / WORD_BITS; w++)
        r += (size_t)__builtin_popcountll(s->bits[w]);
    for (size_t p = pos / WORD_BITS * WORD_BITS; p <= pos; p++)
        r += (size_t)is_set(s, p);
    return r;
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
    if (vm_reveal(a, a->sr.order[a->sr.current], &err))
        app_message(a, S_ERROR, "%s", err.msg);
}

#define IDLE_ROWS 2048 /* nodes read per idle step: ~2 ms */

/* The candidates: for short words from the copy of the text, read at the
 * first such search (or while idle) and kept until the search ends; else
 * (or when the copy cannot be made) the index. */
static int find(app *a, const char *text, id_list *found, duban_error *err)
{
    search_state *s = &a->sr;
    int done = 0;
    if (!search_texts_serves(text) || s->texts_off)
        return query_search_candidates(a->st, a->plan_id, text, found, err);
    if (search_texts_load_step(a->st, &s->texts, 0, &done, err)) {
        s->texts_off = 1;
        return query_search_candidates(a->st, a->plan_id, text, found, err);
    }
    return search_texts_find(s->texts, text, found, err);
}

int search_idle_work(const app *a)
{
    const search_state *s = &a->sr;
    return a->prompt == PROMPT_SEARCH &&
           (!s->outline_read || (!s->texts_off && !search_texts_complete(s->texts)));
}

void search_idle(app *a)
{
    int done;
    duban_error err = {0};
    if (!search_idle_work(a))
        return;
    if (!a->sr.outline_read)
        need_outline(a);
    else if (search_texts_load_step(a->st, &a->sr.texts, IDLE_ROWS, &done, &err))
        a->sr.texts_off = 1; /* the index answers */
}

void search_update(app *a, const char *text)
{
    search_state *s = &a->sr;
    duban_error err = {0};
    drop_matches(s);
    snprintf(s->text, sizeof s->text, "%s", text);
    restore(a);
    if (!*text)
        return;
    need_outline(a);
    if (!s->norder)
        return;
    id_list found;
    if (find(a, text, &found, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
        return;
    }
    s->bits = calloc((s->norder + WORD_BITS - 1) / WORD_BITS, sizeof *s->bits);
    size_t first = s->norder;
    for (size_t i = 0; s->bits && i < found.n; i++) {
        size_t pos = position(s, found.v[i]);
        if (pos == s->norder || is_set(s, pos))
            continue; /* another plan's, removed, or listed twice */
        s->bits[pos / WORD_BITS] |= (uint64_t)1 << (pos % WORD_BITS);
        s->nmatch++;
        first = pos < first ? pos : first;
    }
    id_list_free(&found);
    if (s->nmatch) {
        s->current = first;
        s->active = 1;
        select_match(a);
    }
}

void search_cancel(app *a)
{
    restore(a);
    duban_error err = {0};
    vm_save_folds(a, &err);
    drop_matches(&a->sr);
    search_texts_free(a->sr.texts);
    a->sr.texts = NULL;
}

void search_accept(app *a)
{
    free(a->sr.saved_folds);
    a->sr.saved_folds = NULL;
    search_texts_free(a->sr.texts); /* the text may change from now on */
    a->sr.texts = NULL;
    if (a->sr.nmatch)
        app_message(a, S_OK, "找到 %zu 处 matches · n 下一个 N 上一个", a->sr.nmatch);
    else if (a->sr.text[0])
        app_message(a, S_ERROR, "没有找到 not found: %s", a->sr.text);
}

void search_step(app *a, int dir)
{
    search_state *s = &a->sr;
    if (!s->nmatch) {
        app_message(a, S_NORMAL, "没有搜索结果 no matches · 按 / 搜索");
        return;
    }
    s->current = next_match(s, s->current, dir);
    s->active = 1;
    select_match(a);
    app_message(a, S_NORMAL, "匹配 match %zu/%zu: %s", rank(s, s->current), s->nmatch, s->text);
}

void search_clear(app *a)
{
    drop_matches(&a->sr);
}

int search_is_match(const app *a, int64_t id)
{
    const search_state *s = &a->sr;
    return s->active && s->bits && is_set(s, position(s, id));
}
