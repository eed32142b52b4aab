/* test_dated_list.c - the compact overdue and due-soon lists
 * (query/dated_list.h) hold the rows of query_overdue_where and
 * query_due_soon, in their order, field by field, with and without a
 * filter, and group as group_overdue does; the filter's ids, read one
 * light at a time, are those of the lights' list. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/edit.h"
#include "query/dated_list.h"
#include "query/due_soon.h"
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

static long day(const char *s)
{
    long d;
    assert_int_equal(date_parse(s, &d, NULL), DUBAN_OK);
    return d;
}

/* Rows compared, so a test can tell it compared something. */
typedef struct counts {
    size_t overdue, soon, filtered;
} counts;

static size_t same_overdue(store *st, int64_t plan, long today, const query_filter *f)
{
    overdue_list want;
    dated_list got = {0};
    assert_int_equal(query_overdue_where(st, plan, today, NULL, f, &want, NULL), DUBAN_OK);
    assert_int_equal(dated_list_overdue(st, plan, today, NULL, f, &got, NULL), DUBAN_OK);
    assert_int_equal(got.n, want.n);
    for (size_t i = 0; i < want.n; i++) {
        const overdue_row *w = &want.v[i];
        const dated_item *g = &got.v[i];
        assert_int_equal(g->node_id, w->node_id);
        assert_string_equal(dated_text(&got, g->ref), w->ref);
        assert_string_equal(dated_text(&got, g->title), w->title);
        assert_string_equal(dated_text(&got, g->phrase), w->phrase);
        assert_string_equal(dated_text(&got, g->word), w->word);
        assert_string_equal(dated_text(&got, g->due), w->due);
        assert_int_equal(g->days, w->days_late);
        assert_string_equal(dated_text(&got, g->status), w->status);
        assert_string_equal(dated_text(&got, g->unit), w->unit);
        assert_string_equal(dated_text(&got, g->leader), w->leader);
        assert_int_equal(g->area_seq, w->area_seq);
        assert_string_equal(dated_text(&got, g->area_title), w->area_title);
        assert_string_equal(dated_text(&got, g->original_due), w->original_due);
        assert_int_equal(g->extended, w->original_due[0] != '\0');
    }
    for (int by = LIGHT_BY_AREA; by <= LIGHT_BY_LEADER; by++) {
        enum group_order order = by == LIGHT_BY_AREA ? GROUP_ORDER_KEY : GROUP_ORDER_FIRST;
        group_list gw, gg;
        assert_int_equal(group_overdue(&want, (enum light_group)by, order, &gw), DUBAN_OK);
        assert_int_equal(dated_list_group(&got, (enum light_group)by, order, &gg), DUBAN_OK);
        assert_int_equal(gg.n, gw.n);
        for (size_t i = 0; i < gw.n; i++) {
            assert_string_equal(gg.v[i].key, gw.v[i].key);
            assert_string_equal(gg.v[i].title, gw.v[i].title);
            assert_int_equal(gg.v[i].n, gw.v[i].n);
            assert_memory_equal(gg.v[i].rows, gw.v[i].rows, gw.v[i].n * sizeof(size_t));
        }
        group_list_free(&gw);
        group_list_free(&gg);
    }
    size_t n = want.n;
    overdue_list_free(&want);
    dated_list_free(&got);
    return n;
}

static size_t same_due_soon(store *st, int64_t plan, long today, int days, const query_filter *f)
{
    due_soon_list want;
    dated_list got = {0};
    assert_int_equal(query_due_soon(st, plan, today, days, NULL, f, &want, NULL), DUBAN_OK);
    assert_int_equal(dated_list_due_soon(st, plan, today, days, NULL, f, &got, NULL), DUBAN_OK);
    assert_int_equal(got.n, want.n);
    for (size_t i = 0; i < want.n; i++) {
        const due_soon_row *w = &want.v[i];
        const dated_item *g = &got.v[i];
        assert_int_equal(g->node_id, w->node_id);
        assert_string_equal(dated_text(&got, g->ref), w->ref);
        assert_string_equal(dated_text(&got, g->title), w->title);
        assert_string_equal(dated_text(&got, g->phrase), w->phrase);
        assert_string_equal(dated_text(&got, g->word), w->word);
        assert_string_equal(dated_text(&got, g->due), w->due);
        assert_int_equal(g->days, w->days_left);
        assert_string_equal(dated_text(&got, g->status), w->status);
        assert_string_equal(dated_text(&got, g->unit), w->unit);
        assert_string_equal(dated_text(&got, g->leader), w->leader);
        assert_int_equal(g->area_seq, w->area_seq);
        assert_string_equal(dated_text(&got, g->area_title), w->area_title);
        assert_int_equal(g->extended, w->extended);
    }
    size_t n = want.n;
    due_soon_list_free(&want);
    dated_list_free(&got);
    return n;
}

static const char *const days[] = {"2021-07-01", "2021-08-01", "2021-09-02", "2021-10-01",
                                   "2021-11-15", "2021-12-31", "2022-03-01"};

/* Every day above, unfiltered and with filters of each kind. */
static counts same_on_every_day(store *st, int64_t plan)
{
    counts c = {0, 0, 0};
    query_filter fs[4];
    for (int i = 0; i < 4; i++)
        query_filter_clear(&fs[i]);
    fs[0].unit = "县发改局";
    fs[1].due_within = 30;
    fs[2].light = LIGHT_RED;
    fs[3].status = "not_started";
    for (size_t d = 0; d < sizeof days / sizeof days[0]; d++) {
        c.overdue += same_overdue(st, plan, day(days[d]), NULL);
        c.soon += same_due_soon(st, plan, day(days[d]), 14, NULL);
        c.soon += same_due_soon(st, plan, day(days[d]), 90, NULL);
        for (int i = 0; i < 4; i++) {
            c.filtered += same_overdue(st, plan, day(days[d]), &fs[i]);
            c.filtered += same_due_soon(st, plan, day(days[d]), 60, &fs[i]);
        }
    }
    return c;
}

/* The small plan with units, leaders, a done item and an extension. */
static void small_plan_rows_match(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.1", FIELD_UNIT, "县发改局", NULL);
    fixture_edit(f, "2.1", FIELD_UNIT, "县发改局、县经信局", NULL);
    fixture_edit(f, "1.2.1", FIELD_LEADER, "张三", NULL);
    fixture_edit(f, "1.2.1", FIELD_DUE, "2021-07-15", NULL);
    fixture_edit(f, "2.1", FIELD_EXTENSION, "2021-11-30", "批准");
    fixture_edit(f, "1.2.2", FIELD_STATUS, "done", NULL);
    counts c = same_on_every_day(f->st, f->plan);
    assert_true(c.overdue >= 10 && c.soon >= 10 && c.filtered >= 50);
}

/* The small plan with an item that has sub-items (1.2) and then an area
 * (2) cancelled: the rows below them leave both lists alike. */
static void cancelled_branches_match(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.2.1", FIELD_DUE, "2021-07-15", NULL);
    fixture_edit(f, "2.1", FIELD_DUE, "2021-07-20", NULL);
    counts all = same_on_every_day(f->st, f->plan);
    fixture_edit(f, "1.2", FIELD_STATE, "cancelled", "合并");
    counts fewer = same_on_every_day(f->st, f->plan);
    fixture_edit(f, "2", FIELD_STATE, "cancelled", "撤销");
    counts fewest = same_on_every_day(f->st, f->plan);
    assert_true(fewer.overdue < all.overdue && fewer.soon < all.soon);
    assert_true(fewest.overdue < fewer.overdue && fewest.soon < fewer.soon);
}

/* The seed plan: dozens of items and milestones on the same days. */
static void seed_plan_rows_match(void **state)
{
    fixture *f = *state;
    counts c = same_on_every_day(f->st, test_add_seed_plan(f->st));
    assert_true(c.overdue >= 40 && c.soon >= 100 && c.filtered >= 100);
}

/* A list read into a reserved block (too small, exact, too large, and
 * again into the same list) holds the same rows, with no slack after. */
static void reserved_lists_hold_the_same_rows(void **state)
{
    fixture *f = *state;
    int64_t plan = test_add_seed_plan(f->st);
    long today = day("2022-03-01");
    dated_list want = {0}, got = {0};
    assert_int_equal(dated_list_overdue(f->st, plan, today, NULL, NULL, &want, NULL), 0);
    assert_true(want.n > 10);
    size_t sizes[4] = {want.n / 2, want.n, want.n * 3, 1};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(dated_list_reserve(&got, sizes[i]), 0);
        assert_true(got.cap >= sizes[i]);
        assert_int_equal(dated_list_overdue(f->st, plan, today, NULL, NULL, &got, NULL), 0);
        assert_int_equal(got.n, want.n);
        assert_int_equal(got.cap, want.n);
        for (size_t k = 0; k < want.n; k++) {
            assert_int_equal(got.v[k].node_id, want.v[k].node_id);
            assert_int_equal(got.v[k].days, want.v[k].days);
            assert_string_equal(dated_text(&got, got.v[k].title),
                                dated_text(&want, want.v[k].title));
        }
    }
    dated_list_free(&want);
    dated_list_free(&got);
}

/* query_filter_ids, which judges one light at a time, gives the ids of
 * the list query_item_lights_where keeps, for each kind of filter. */
static void filter_ids_match_the_lights(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.1", FIELD_UNIT, "县发改局", NULL);
    fixture_edit(f, "1.2.1", FIELD_LEADER, "张三", NULL);
    int64_t plan = test_add_seed_plan(f->st);
    int64_t plans[2] = {f->plan, plan};
    query_filter fs[5];
    for (int i = 0; i < 5; i++)
        query_filter_clear(&fs[i]);
    fs[1].unit = "县发改局";
    fs[2].due_within = 30;
    fs[3].light = LIGHT_RED;
    fs[4].leader = "张三";
    size_t kept = 0;
    for (int p = 0; p < 2; p++)
        for (int i = 0; i < 5; i++) {
            item_light_list l;
            id_list ids;
            long today = day("2021-10-01");
            assert_int_equal(
                query_item_lights_where(f->st, plans[p], today, NULL, &fs[i], &l, NULL), 0);
            assert_int_equal(query_filter_ids(f->st, plans[p], today, NULL, &fs[i], &ids, NULL), 0);
            assert_int_equal(ids.n, l.n);
            for (size_t k = 0; k < l.n; k++)
                assert_true(id_list_contains(&ids, l.v[k].node_id));
            for (size_t k = 1; k < ids.n; k++)
                assert_true(ids.v[k - 1] < ids.v[k]);
            kept += ids.n;
            item_light_list_free(&l);
            id_list_free(&ids);
        }
    assert_true(kept > 50);
}

/* The pool holds each repeated text once: a milestone's row shares its
 * item's title. */
static void texts_are_interned(void **state)
{
    fixture *f = *state;
    int64_t plan = test_add_seed_plan(f->st);
    dated_list l = {0};
    assert_int_equal(dated_list_overdue(f->st, plan, day("2022-03-01"), NULL, NULL, &l, NULL),
                     DUBAN_OK);
    assert_true(l.n > 1);
    for (size_t i = 0; i < l.n; i++)
        for (size_t j = i + 1; j < l.n; j++)
            if (l.v[i].node_id == l.v[j].node_id)
                assert_int_equal(l.v[i].title, l.v[j].title);
    assert_int_equal(sizeof(dated_item), 64);
    dated_list_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(small_plan_rows_match, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(seed_plan_rows_match, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(cancelled_branches_match, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(texts_are_interned, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(reserved_lists_hold_the_same_rows, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(filter_ids_match_the_lights, fixture_setup,
                                        fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
