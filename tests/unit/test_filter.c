/* test_filter.c - the item filter (query/filter.h) without a store. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "plan/date.h"
#include "query/filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static item_light item(const char *unit, const char *leader, const char *status,
                       const char *deadline, light l, int done)
{
    item_light it;
    memset(&it, 0, sizeof it);
    it.depth = NODE_ITEM;
    it.unit = (char *)unit;
    it.leader = (char *)leader;
    snprintf(it.status, sizeof it.status, "%s", status);
    snprintf(it.deadline, sizeof it.deadline, "%s", deadline);
    it.light = l;
    it.done = done;
    return it;
}

static long day(const char *s)
{
    long d = 0;
    assert_int_equal(date_parse(s, &d, NULL), 0);
    return d;
}

static void empty_filter_matches_all(void **state)
{
    (void)state;
    query_filter f;
    query_filter_clear(&f);
    assert_false(query_filter_active(&f));
    assert_false(query_filter_active(NULL));
    item_light it = item("", "", "not_started", "", LIGHT_GREEN, 0);
    assert_true(query_filter_matches(&f, &it, day("2021-10-01")));
}

static void conditions_combine(void **state)
{
    (void)state;
    long today = day("2021-10-01");
    item_light a = item("县发改局、县经信局", "张三", "behind", "2021-10-05", LIGHT_YELLOW, 0);
    item_light b = item("县经信局", "李四", "done", "2021-09-01", LIGHT_GREEN, 1);
    item_light c = item("县发改局", "张三", "in_progress", "2021-09-20", LIGHT_RED, 0);
    query_filter f;
    query_filter_clear(&f);
    f.unit = "县发改局";
    assert_true(query_filter_active(&f));
    assert_true(query_filter_matches(&f, &a, today));
    assert_false(query_filter_matches(&f, &b, today));
    f.light = LIGHT_RED;
    assert_false(query_filter_matches(&f, &a, today));
    assert_true(query_filter_matches(&f, &c, today));
    query_filter_clear(&f);
    f.due_within = 3;
    assert_false(query_filter_matches(&f, &a, today)); /* due in 4 days */
    assert_false(query_filter_matches(&f, &b, today)); /* done */
    assert_true(query_filter_matches(&f, &c, today));  /* overdue */
    f.due_within = 4;
    assert_true(query_filter_matches(&f, &a, today));
    query_filter_clear(&f);
    f.status = "done";
    f.leader = "李";
    assert_true(query_filter_matches(&f, &b, today));
    assert_false(query_filter_matches(&f, &a, today));
}

static void lights_parse_and_describe(void **state)
{
    (void)state;
    light l;
    assert_int_equal(light_parse("red", &l), 0);
    assert_int_equal(l, LIGHT_RED);
    assert_int_equal(light_parse("黄灯", &l), 0);
    assert_int_equal(l, LIGHT_YELLOW);
    assert_int_equal(light_parse("绿", &l), 0);
    assert_int_equal(l, LIGHT_GREEN);
    assert_int_equal(light_parse("blue", &l), -1);
    query_filter f;
    query_filter_clear(&f);
    f.unit = "县发改局";
    f.light = LIGHT_RED;
    f.due_within = 30;
    strbuf sb = {0};
    assert_int_equal(query_filter_describe(&f, status_defaults(), &sb), 0);
    assert_string_equal(strbuf_str(&sb), "单位 县发改局 · 红灯 · 30天内到期");
    strbuf_free(&sb);
}

static node_list nodes(const int *depth, size_t n)
{
    node_list l = {calloc(n, sizeof(node)), n};
    for (size_t i = 0; i < n; i++) {
        l.v[i].id = (int64_t)i + 1;
        l.v[i].depth = depth[i];
        l.v[i].title = strdup("");
    }
    return l;
}

static void kept_with_what_is_above(void **state)
{
    (void)state;
    /* an area's subtree without the area: 1 item, 2 sub, 3 item, 4 sub */
    int d1[] = {2, 3, 2, 3};
    int64_t want4[] = {4};
    id_list ids = {want4, 1};
    node_list l = nodes(d1, 4);
    node_list_keep_matching(&l, &ids);
    assert_int_equal(l.n, 2);
    assert_int_equal(l.v[0].id, 3);
    assert_int_equal(l.v[1].id, 4);
    node_list_free(&l);
    /* a whole plan: area 1 (item 2), area 3 (item 4, sub 5) */
    int d2[] = {1, 2, 1, 2, 3};
    int64_t want2[] = {2};
    ids = (id_list){want2, 1};
    l = nodes(d2, 5);
    node_list_keep_matching(&l, &ids);
    assert_int_equal(l.n, 2);
    assert_int_equal(l.v[0].id, 1);
    assert_int_equal(l.v[1].id, 2);
    node_list_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_filter_matches_all),
        cmocka_unit_test(conditions_combine),
        cmocka_unit_test(lights_parse_and_describe),
        cmocka_unit_test(kept_with_what_is_above),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
