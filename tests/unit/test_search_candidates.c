/* query_search finds, in outline order, exactly the items whose rows and
 * notes hold every word (an oracle reading node and note, not the FTS5
 * index); query_search_candidates, kept to the plan's outline
 * (query_outline_ids), finds exactly what query_search finds: long,
 * short, mixed and ASCII words, notes, another plan beside; so does
 * search_texts_find for the searches of short words only. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/edit.h"
#include "import/import.h"
#include "query/query.h"
#include "query/search_texts.h"
#include "store/store_internal.h"
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

static int cmp_id(const void *x, const void *y)
{
    int64_t p = *(const int64_t *)x, q = *(const int64_t *)y;
    return (p > q) - (p < q);
}

static int contains(const id_list *l, int64_t id)
{
    return l->n && bsearch(&id, l->v, l->n, sizeof id, cmp_id) != NULL;
}

static void sort_ids(id_list *l)
{
    if (l->n)
        qsort(l->v, l->n, sizeof *l->v, cmp_id);
}

static void same_as_search(store *st, int64_t plan, const char *text, int in_memory)
{
    id_list want, got, outline;
    assert_int_equal(query_search(st, plan, text, &want, NULL), DUBAN_OK);
    if (in_memory) {
        search_texts *t;
        assert_int_equal(search_texts_load(st, &t, NULL), DUBAN_OK);
        assert_int_equal(search_texts_find(t, text, &got, NULL), DUBAN_OK);
        search_texts_free(t);
    } else {
        assert_int_equal(query_search_candidates(st, plan, text, &got, NULL), DUBAN_OK);
    }
    assert_int_equal(query_outline_ids(st, plan, &outline, NULL), DUBAN_OK);
    sort_ids(&outline);
    sort_ids(&got);
    sort_ids(&want);
    size_t kept = 0;
    for (size_t i = 0; i < got.n; i++)
        if (contains(&outline, got.v[i]) && (i == 0 || got.v[i] != got.v[i - 1])) {
            if (!contains(&want, got.v[i]))
                fail_msg("'%s': %lld is a candidate, not a match", text, (long long)got.v[i]);
            kept++;
        }
    if (kept != want.n)
        fail_msg("'%s': %zu candidates in the outline, %zu matches", text, kept, want.n);
    id_list_free(&want);
    id_list_free(&got);
    id_list_free(&outline);
}

static const char *const texts[] = {
    "招商引资", "招商", "招",   "项目",   "工业 招",    "招商引资 县", "进展甲",
    "甲",       "abc",  "AB",   "第一项", "没有这个词", "子项 1",      "\"",
    "%",        "_",    "ab",   "Ab",     "a",          "B",           "1",
    "商",       "招商", "进展", "甲 a",   "局",         "资 县",       "进展甲 ab"};

/* The oracle: each space-separated word in the item's title, body, unit,
 * leader or a note not deleted, ASCII case folded; removed items left
 * out; in outline order. */
static void rows_holding(store *st, int64_t plan, const char *text, id_list *out)
{
    char *sql = sqlite3_mprintf("SELECT n.id FROM node n WHERE n.plan_id = %lld"
                                " AND n.state <> 'removed'",
                                (long long)plan);
    char *copy = strdup(text);
    for (char *save = NULL, *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        char *more = sqlite3_mprintf(
            "%s AND (instr(lower(n.title), lower(%Q)) OR instr(lower(n.body), lower(%Q))"
            " OR instr(lower(n.unit), lower(%Q)) OR instr(lower(n.leader), lower(%Q))"
            " OR EXISTS (SELECT 1 FROM note t WHERE t.node_id = n.id AND t.state = ''"
            " AND instr(lower(t.text), lower(%Q))))",
            sql, w, w, w, w, w);
        sqlite3_free(sql);
        sql = more;
    }
    free(copy);
    char *ordered = sqlite3_mprintf("%s ORDER BY n.sort_key", sql);
    sqlite3_free(sql);
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(st->db, ordered, -1, &s, NULL), SQLITE_OK);
    sqlite3_free(ordered);
    memset(out, 0, sizeof *out);
    size_t cap = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        if (out->n == cap) {
            cap = cap ? 2 * cap : 16;
            out->v = realloc(out->v, cap * sizeof *out->v);
            assert_non_null(out->v);
        }
        out->v[out->n++] = sqlite3_column_int64(s, 0);
    }
    sqlite3_finalize(s);
}

static void the_search_finds_what_the_rows_hold(void **state)
{
    fixture *f = *state;
    int64_t seed = test_add_seed_plan(f->st);
    fixture_edit(f, "1.1", FIELD_NOTE, "进展甲 ABC", NULL);
    fixture_edit(f, "1.2", FIELD_NOTE, "已删除的招商说明", NULL);
    edit_result r;
    assert_int_equal(edit_undo(f->st, f->plan, &r, NULL), DUBAN_OK); /* the note deleted */
    edit_result_free(&r);
    fixture_edit(f, "2.1", FIELD_UNIT, "招商局", NULL);
    assert_int_equal(sqlite3_exec(f->st->db, "UPDATE node SET state = 'removed' WHERE ref = '2.2'",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    size_t found = 0;
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        for (int p = 0; p < 2; p++) {
            id_list want, got;
            rows_holding(f->st, p ? seed : f->plan, texts[i], &want);
            assert_int_equal(query_search(f->st, p ? seed : f->plan, texts[i], &got, NULL),
                             DUBAN_OK);
            if (got.n != want.n || (got.n && memcmp(got.v, want.v, got.n * sizeof *got.v)))
                fail_msg("'%s': %zu found, %zu hold it (or another order)", texts[i], got.n,
                         want.n);
            found += got.n;
            id_list_free(&want);
            id_list_free(&got);
        }
    assert_true(found > 0);
}

static void the_candidates_are_the_matches(void **state)
{
    fixture *f = *state;
    int64_t seed = test_add_seed_plan(f->st);
    fixture_edit(f, "1.1", FIELD_NOTE, "进展甲 ABC", NULL);
    fixture_edit(f, "2.1", FIELD_UNIT, "招商局", NULL);
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        same_as_search(f->st, f->plan, texts[i], 0);
        same_as_search(f->st, seed, texts[i], 0);
        if (search_texts_serves(texts[i])) {
            same_as_search(f->st, f->plan, texts[i], 1);
            same_as_search(f->st, seed, texts[i], 1);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_search_finds_what_the_rows_hold, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(the_candidates_are_the_matches, fixture_setup,
                                        fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
