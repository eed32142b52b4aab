/* query_area_summary (the outline's area lines in one pass) gives what
 * query_area_stats gives and what counting query_item_lights by area
 * gives, on the small fixture and on the seed plan (milestones), with
 * done, blocked, extended, cancelled and removed items, a cancelled area,
 * on several days. */
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_fixture_in_every_state, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(a_removed_item_does_not_count, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(the_seed_plan, fixture_setup, fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
