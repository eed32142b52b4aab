/* query_area_summary (the outline's area lines in one pass) gives what
 * query_area_stats gives and what counting query_item_lights by area
 * gives, on the small fixture and on the seed plan (milestones), with
 * done, blocked, extended, cancelled and removed items, a cancelled area,
 * on several days; reads a large plan through a small page cache; and
 * what it keeps for the next count (summary_memo.h) is given again until
 * a change it counted, and kept only where it may be. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/edit.h"
#include "edit/structure.h"
#include "import/import.h"
#include "query/area_summary.h"
#include "query/query.h"
#include "store/store_internal.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long day(const char *s)
{
    long d;
    assert_int_equal(date_parse(s, &d, NULL), DUBAN_OK);
    return d;
}

static const char *const days[] = {"2021-07-01", "2021-07-20", "2021-08-01", "2021-09-20",
                                   "2021-10-01", "2021-11-25", "2021-12-20", "2022-01-01"};

/* The per-area tally (from the summary) equals counting the lights l of
 * the items (not sub-items) by area, the way it was counted before. */
static void check_tally(store *st, int64_t plan_id, long today, const light_rule *rule,
                        const item_light_list *l)
{
    node_list areas;
    light_tally_list t;
    assert_int_equal(node_areas(st, plan_id, &areas, NULL), 0);
    assert_int_equal(query_light_tally(st, plan_id, LIGHT_BY_AREA, today, rule, &t, NULL), 0);
    assert_int_equal(t.n, areas.n);
    for (size_t i = 0; i < areas.n; i++) {
        light_tally want = {0};
        for (size_t k = 0; k < l->n; k++)
            if (l->v[k].area_id == areas.v[i].id && l->v[k].depth == NODE_ITEM) {
                want.total++;
                want.done += l->v[k].done;
                want.count[l->v[k].light]++;
            }
        assert_string_equal(t.v[i].key, areas.v[i].ref);
        assert_string_equal(t.v[i].title, areas.v[i].title);
        assert_int_equal(t.v[i].total, want.total);
        assert_int_equal(t.v[i].done, want.done);
        assert_memory_equal(t.v[i].count, want.count, sizeof want.count);
    }
    node_list_free(&areas);
    light_tally_list_free(&t);
}

/* The summary of plan_id on each day equals the two whole-plan queries. */
static void check_plan(store *st, int64_t plan_id, int warn_days)
{
    light_rule rule = {warn_days};
    for (size_t d = 0; d < sizeof days / sizeof days[0]; d++) {
        area_stats_list s;
        item_light_list l;
        area_summary_list sum;
        assert_int_equal(query_area_stats(st, plan_id, day(days[d]), warn_days, &s, NULL), 0);
        assert_int_equal(query_item_lights(st, plan_id, day(days[d]), &rule, &l, NULL), 0);
        assert_int_equal(
            query_area_summary(st, plan_id, day(days[d]), warn_days, &rule, &sum, NULL), 0);
        assert_int_equal(sum.n, s.n);
        for (size_t i = 0; i < s.n; i++) {
            assert_memory_equal(&sum.v[i].stats, &s.v[i], sizeof s.v[i]);
            int count[LIGHT_COUNT] = {0};
            for (size_t k = 0; k < l.n; k++)
                if (l.v[k].area_id == s.v[i].area_id && l.v[k].depth == NODE_ITEM)
                    count[l.v[k].light]++;
            for (int c = 0; c < LIGHT_COUNT; c++)
                if (count[c] != sum.v[i].nlight[c])
                    fail_msg("%s, area %d, light %d: %d by the lights, %d by the summary", days[d],
                             s.v[i].seq, c, count[c], sum.v[i].nlight[c]);
        }
        check_tally(st, plan_id, day(days[d]), &rule, &l);
        area_stats_list_free(&s);
        item_light_list_free(&l);
        area_summary_list_free(&sum);
    }
}

static void add_milestone(fixture *f, const char *ref, const char *due)
{
    edit_result r;
    assert_int_equal(edit_milestone_add(f->st, fixture_id(f, ref), "节点", due, &r, NULL), 0);
    edit_result_free(&r);
}

static void the_fixture_in_every_state(void **state)
{
    fixture *f = *state;
    check_plan(f->st, f->plan, 14);
    fixture_edit(f, "1.2.1", FIELD_DUE, "2021-07-15", NULL);
    fixture_edit(f, "1.1", FIELD_STATUS, "blocked", NULL);
    fixture_edit(f, "2.1", FIELD_EXTENSION, "2021-11-30", "批准");
    add_milestone(f, "2.1", "2021-08-15"); /* covered by the extension */
    add_milestone(f, "1.2", "2021-09-10");
    add_milestone(f, "1.2", "2021-07-25");
    check_plan(f->st, f->plan, 14);
    check_plan(f->st, f->plan, 0);
    fixture_edit(f, "1.2", FIELD_STATUS, "done", NULL);
    check_plan(f->st, f->plan, 30);
    fixture_edit(f, "1.2", FIELD_STATE, "cancelled", "不做了"); /* and its sub-items */
    check_plan(f->st, f->plan, 14);
    fixture_edit(f, "2", FIELD_STATE, "cancelled", "撤销"); /* a whole area */
    check_plan(f->st, f->plan, 14);
}

static void a_removed_item_does_not_count(void **state)
{
    fixture *f = *state;
    node_new nn = {.title = "新增", .body = "", .due = "2021-08-01", .unit = "", .leader = ""};
    edit_result r;
    assert_int_equal(edit_add_node(f->st, f->plan, fixture_id(f, "2"), &nn, &r, NULL), 0);
    int64_t id = r.node_id;
    edit_result_free(&r);
    check_plan(f->st, f->plan, 14);
    assert_int_equal(edit_delete_node(f->st, id, &r, NULL), 0); /* state 'removed' */
    edit_result_free(&r);
    check_plan(f->st, f->plan, 14);
}

static void the_seed_plan(void **state)
{
    fixture *f = *state;
    int64_t seed = test_add_seed_plan(f->st);
    check_plan(f->st, seed, 14);
    check_plan(f->st, f->plan, 14); /* the other plan's milestones do not leak in */
}

/* The summary of day d equals the whole plan's statistics that day. */
static void check_day(store *st, int64_t plan_id, const char *d)
{
    light_rule rule = {14};
    area_stats_list s;
    area_summary_list sum;
    assert_int_equal(query_area_stats(st, plan_id, day(d), 14, &s, NULL), 0);
    assert_int_equal(query_area_summary(st, plan_id, day(d), 14, &rule, &sum, NULL), 0);
    assert_int_equal(sum.n, s.n);
    for (size_t i = 0; i < s.n; i++)
        assert_memory_equal(&sum.v[i].stats, &s.v[i], sizeof s.v[i]);
    area_stats_list_free(&s);
    area_summary_list_free(&sum);
}

static int kept_counts(store *st)
{
    sqlite3_stmt *s;
    assert_int_equal(
        sqlite3_prepare_v2(st->db, "SELECT count(*) FROM area_summary_memo", -1, &s, NULL), 0);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    int n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return n;
}

/* After a change the kept count is gone and the next is right again. */
static void forgotten_then_right(fixture *f, const char *what)
{
    if (kept_counts(f->st))
        fail_msg("%s: the kept count outlived it", what);
    check_day(f->st, f->plan, "2021-10-01");
    query_keep_counts(f->st);
    assert_int_equal(kept_counts(f->st), 1);
}

static void every_counted_change_forgets_the_kept_count(void **state)
{
    fixture *f = *state;
    store_keep_counts(f->st, 1);
    check_day(f->st, f->plan, "2021-10-01");
    assert_int_equal(kept_counts(f->st), 0); /* held until the front end is idle */
    query_keep_counts(f->st);
    assert_int_equal(kept_counts(f->st), 1);
    check_day(f->st, f->plan, "2021-10-01"); /* given again */
    fixture_edit(f, "1.1", FIELD_STATUS, "done", NULL);
    forgotten_then_right(f, "a status");
    fixture_edit(f, "2.1", FIELD_DUE, "2021-09-01", NULL);
    forgotten_then_right(f, "a due date");
    fixture_edit(f, "2.1", FIELD_EXTENSION, "2021-11-30", "批准");
    forgotten_then_right(f, "an extension");
    add_milestone(f, "1.2", "2021-08-15");
    forgotten_then_right(f, "a milestone added");
    edit_result r;
    assert_int_equal(
        edit_milestone(f->st, fixture_id(f, "1.2"), 1, MS_DONE, "2021-08-10", &r, NULL), 0);
    edit_result_free(&r);
    forgotten_then_right(f, "a milestone done");
    node_new nn = {.title = "新增", .body = "", .due = "2021-08-01", .unit = "", .leader = ""};
    assert_int_equal(edit_add_node(f->st, f->plan, fixture_id(f, "2"), &nn, &r, NULL), 0);
    int64_t added = r.node_id;
    edit_result_free(&r);
    forgotten_then_right(f, "an item added");
    duban_error e = {0};
    if (edit_delete_node(f->st, added, &r, &e))
        fail_msg("delete: %s", e.msg);
    edit_result_free(&r);
    forgotten_then_right(f, "an item removed");
    assert_int_equal(edit_add_node(f->st, f->plan, fixture_id(f, "2"), &nn, &r, NULL), 0);
    added = r.node_id;
    edit_result_free(&r);
    check_day(f->st, f->plan, "2021-10-01");
    assert_int_equal(edit_move_node(f->st, added, fixture_id(f, "1"), 0, &r, NULL), 0);
    edit_result_free(&r);
    forgotten_then_right(f, "an item moved to another area");
    fixture_edit(f, "1.2", FIELD_STATE, "cancelled", "不做了");
    forgotten_then_right(f, "an item cancelled");
    /* another program's change: the triggers are the database's own */
    assert_int_equal(sqlite3_exec(f->st->db, "UPDATE node SET status = 'blocked' WHERE ref = '2.1'",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    forgotten_then_right(f, "another program's change");
}

/* What is kept is given without a pass: a change the triggers do not see
 * (dropped here) is not counted until the key changes (another day). */
static void a_kept_count_is_given_without_counting(void **state)
{
    fixture *f = *state;
    store_keep_counts(f->st, 1);
    light_rule rule = {14};
    area_summary_list before, after;
    assert_int_equal(
        query_area_summary(f->st, f->plan, day("2021-10-01"), 14, &rule, &before, NULL), 0);
    query_keep_counts(f->st);
    assert_int_equal(sqlite3_exec(f->st->db,
                                  "DROP TRIGGER memo_node_update;"
                                  "UPDATE node SET status = 'done' WHERE depth = 2",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(query_area_summary(f->st, f->plan, day("2021-10-01"), 14, &rule, &after, NULL),
                     0);
    assert_int_equal(after.n, before.n);
    for (size_t i = 0; i < before.n; i++)
        assert_memory_equal(&after.v[i], &before.v[i], sizeof before.v[i]);
    area_summary_list_free(&after);
    check_day(f->st, f->plan, "2021-10-02"); /* another key: counted */
    area_summary_list_free(&before);
}

/* Nothing is kept by a store that does not keep counts (a command), in a
 * transaction, or read-only, nor a count made before a change by this
 * or another connection; a damaged kept count is counted again. */
static void kept_only_where_it_may_be(void **state)
{
    fixture *f = *state;
    check_day(f->st, f->plan, "2021-10-01");
    query_keep_counts(f->st);
    assert_int_equal(kept_counts(f->st), 0);
    store_keep_counts(f->st, 1);
    assert_int_equal(store_begin(f->st, NULL), 0);
    check_day(f->st, f->plan, "2021-10-01");
    query_keep_counts(f->st);
    assert_int_equal(kept_counts(f->st), 0);
    assert_int_equal(store_commit(f->st, NULL), 0);
    check_day(f->st, f->plan, "2021-10-01");
    fixture_edit(f, "1.1", FIELD_STATUS, "done", NULL); /* after the count */
    query_keep_counts(f->st);
    assert_int_equal(kept_counts(f->st), 0);
    char path[1024];
    test_path_in(path, sizeof path, f->dir, "t.db");
    store *other;
    assert_int_equal(store_open(path, 0, &other, NULL), 0);
    check_day(f->st, f->plan, "2021-10-01");
    assert_int_equal(sqlite3_exec(other->db, "UPDATE node SET status = 'blocked' WHERE ref = '2.1'",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    query_keep_counts(f->st);
    assert_int_equal(kept_counts(f->st), 0);
    store_close(other);
    check_day(f->st, f->plan, "2021-10-01");
    query_keep_counts(f->st);
    assert_int_equal(kept_counts(f->st), 1);
    assert_int_equal(
        sqlite3_exec(f->st->db, "UPDATE area_summary_memo SET numbers = '1 2 x'", NULL, NULL, NULL),
        SQLITE_OK);
    check_day(f->st, f->plan, "2021-10-01");
    store *ro;
    assert_int_equal(store_open(path, STORE_READONLY, &ro, NULL), 0);
    store_keep_counts(ro, 1);
    assert_int_equal(sqlite3_exec(f->st->db, "DELETE FROM area_summary_memo", NULL, NULL, NULL),
                     SQLITE_OK);
    check_day(ro, f->plan, "2021-10-01");
    query_keep_counts(ro);
    assert_int_equal(kept_counts(f->st), 0);
    store_close(ro);
}

#define LARGE_ITEMS 4000

/* A plan of two areas and LARGE_ITEMS items, stored at dir/large.db and
 * opened again (a cache as cold as a new process's); *plan its id. */
static store *open_large_plan(const char *dir, int64_t *plan)
{
    char path[1024];
    test_path_in(path, sizeof path, dir, "large.db");
    plan_doc doc = {.title = strdup("大计划"),
                    .year = 2021,
                    .start = "2021-07-01",
                    .end = "2021-12-31",
                    .source = strdup("test"),
                    .preamble = strdup("")};
    doc.nodes = calloc(LARGE_ITEMS + 2, sizeof *doc.nodes);
    assert_non_null(doc.nodes);
    for (int i = 0; i < LARGE_ITEMS + 2; i++) {
        doc_node *d = &doc.nodes[doc.nnodes++];
        int area = i == 0 || i == LARGE_ITEMS / 2 + 1;
        d->parent = area ? -1 : i <= LARGE_ITEMS / 2 ? 0 : LARGE_ITEMS / 2 + 1;
        d->depth = area ? 1 : 2;
        d->title = strdup(area ? "方面" : "一项工作");
        d->body = strdup("");
        snprintf(d->due, sizeof d->due, "2021-%02d-15", 7 + i % 6);
        d->line = i + 1;
    }
    store *st;
    assert_int_equal(store_open(path, STORE_CREATE, &st, NULL), 0);
    assert_int_equal(store_add_plan(st, &doc, plan, NULL), 0);
    plan_doc_free(&doc);
    store_close(st);
    assert_int_equal(store_open(path, 0, &st, NULL), 0);
    return st;
}

/* One count of the large plan, its numbers let go. */
static void count_large(store *st, int64_t plan)
{
    area_summary_list sum;
    assert_int_equal(query_area_summary(st, plan, day("2021-10-01"), 14, NULL, &sum, NULL), 0);
    assert_int_equal(sum.n, 2);
    assert_int_equal(sum.v[0].stats.total + sum.v[1].stats.total, LARGE_ITEMS);
    area_summary_list_free(&sum);
}

static sqlite3_int64 cache_size(store *st)
{
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(st->db, "PRAGMA cache_size", -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    sqlite3_int64 v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

static int cache_used(store *st)
{
    int used, high;
    assert_int_equal(sqlite3_db_status(st->db, SQLITE_DBSTATUS_CACHE_USED, &used, &high, 0),
                     SQLITE_OK);
    return used;
}

/* The whole plan's index is read through a few pages of cache, reused:
 * a full cache would take fresh memory for every page (~190 KB here).
 * The cache's size is given back after, and a batch's is never touched
 * (its dirty pages must stay). */
static void a_large_plan_is_read_through_a_small_cache(void **state)
{
    fixture *f = *state;
    int64_t plan;
    store *st = open_large_plan(f->dir, &plan);
    sqlite3_int64 before = cache_size(st);
    count_large(st, plan);
    assert_true(cache_used(st) < 100 * 1024);
    assert_true(cache_size(st) == before);
    assert_int_equal(store_begin(st, NULL), 0);
    sqlite3_int64 batch = cache_size(st);
    count_large(st, plan);
    assert_true(cache_size(st) == batch);
    assert_int_equal(store_commit(st, NULL), 0);
    count_large(st, plan);
    assert_true(cache_size(st) == batch); /* the store's size since the batch */
    store_close(st);
}

/* A cache that already holds much (the rows the reads before cached) is
 * left as it is: shrinking it would evict pages the next reads want. */
static void a_warm_cache_is_kept(void **state)
{
    fixture *f = *state;
    int64_t plan;
    store *st = open_large_plan(f->dir, &plan);
    assert_int_equal(sqlite3_exec(st->db, "SELECT count(*) FROM node WHERE title || body <> ''",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    int warm = cache_used(st);
    assert_true(warm > 256 * 1024);
    count_large(st, plan);
    assert_true(cache_used(st) >= warm);
    store_close(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_fixture_in_every_state, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(a_removed_item_does_not_count, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(the_seed_plan, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(a_large_plan_is_read_through_a_small_cache, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(a_warm_cache_is_kept, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(every_counted_change_forgets_the_kept_count, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(a_kept_count_is_given_without_counting, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(kept_only_where_it_may_be, fixture_setup, fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
