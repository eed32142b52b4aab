/* test_group.c - rows grouped by area, unit or leader (query/group.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "base/error.h"
#include "query/group.h"

static void test_key(void **state)
{
    (void)state;
    char area[REF_LEN];
    assert_string_equal(group_key(LIGHT_BY_AREA, "5.1.2", "u", "l", area), "5");
    assert_string_equal(group_key(LIGHT_BY_AREA, "12", "u", "l", area), "12");
    assert_string_equal(group_key(LIGHT_BY_UNIT, "5.1", "县发改局", "张三", area), "县发改局");
    assert_string_equal(group_key(LIGHT_BY_LEADER, "5.1", "县发改局", "张三", area), "张三");
    assert_string_equal(group_key(LIGHT_BY_LEADER, "5.1", "县发改局", NULL, area), "");
    /* several units in one string stay one key */
    assert_string_equal(group_key(LIGHT_BY_UNIT, "1.1", "县发改局、县经信局", "", area),
                        "县发改局、县经信局");
}

static void test_add_find_sort(void **state)
{
    (void)state;
    group_list g = {0};
    const char *keys[] = {"乙局", "", "甲局", "乙局", "", "乙局"};
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(group_add(&g, keys[i], NULL, i), DUBAN_OK);
    assert_int_equal(g.n, 3);
    /* first-added order, rows in the order added */
    assert_string_equal(g.v[0].key, "乙局");
    assert_string_equal(g.v[0].title, "乙局");
    assert_int_equal(g.v[0].n, 3);
    assert_int_equal(g.v[0].rows[0], 0);
    assert_int_equal(g.v[0].rows[1], 3);
    assert_int_equal(g.v[0].rows[2], 5);
    const row_group *none = group_find(&g, "");
    assert_non_null(none);
    assert_int_equal(none->n, 2);
    assert_null(group_find(&g, "丙局"));
    group_sort(&g, LIGHT_BY_UNIT);
    assert_true(strcmp(g.v[0].key, g.v[1].key) < 0); /* by text */
    assert_string_equal(g.v[2].key, "");             /* none given last */
    group_list_free(&g);
    assert_null(g.v);
    assert_int_equal(g.n, 0);
}

static void test_areas_by_number(void **state)
{
    (void)state;
    group_list g = {0};
    assert_int_equal(group_add(&g, "10", "十", GROUP_NO_ROW), DUBAN_OK);
    assert_int_equal(group_add(&g, "2", "二", 7), DUBAN_OK);
    assert_int_equal(group_add(&g, "10", "ignored", 8), DUBAN_OK);
    group_sort(&g, LIGHT_BY_AREA);
    assert_string_equal(g.v[0].key, "2"); /* 2 before 10, not by text */
    assert_string_equal(g.v[1].key, "10");
    assert_string_equal(g.v[1].title, "十"); /* the first title stays */
    assert_int_equal(g.v[1].n, 1);
    assert_int_equal(g.v[1].rows[0], 8);
    group_list_free(&g);
}

static overdue_row row(const char *ref, const char *unit, const char *leader, const char *area)
{
    overdue_row r;
    memset(&r, 0, sizeof r);
    snprintf(r.ref, sizeof r.ref, "%s", ref);
    r.unit = (char *)unit;
    r.leader = (char *)leader;
    r.area_title = (char *)area;
    return r;
}

static void test_overdue(void **state)
{
    (void)state;
    /* most overdue first, as query_overdue gives them */
    overdue_row v[] = {
        row("9.1", "", "李", "生态"),       row("6.1", "交通局", "李", "开放"),
        row("9.2", "环境局", "", "生态"),   row("3.1", "发改局", "王", "项目"),
        row("6.2", "交通局", "李", "开放"),
    };
    overdue_list l = {v, 5};
    group_list g;
    assert_int_equal(group_overdue(&l, LIGHT_BY_AREA, GROUP_ORDER_KEY, &g), DUBAN_OK);
    assert_int_equal(g.n, 3);
    assert_string_equal(g.v[0].key, "3");
    assert_string_equal(g.v[0].title, "项目");
    assert_string_equal(g.v[1].key, "6");
    assert_int_equal(g.v[1].n, 2);
    assert_int_equal(g.v[1].rows[0], 1); /* 6.1 before 6.2: list order kept */
    assert_int_equal(g.v[1].rows[1], 4);
    assert_string_equal(g.v[2].key, "9");
    group_list_free(&g);

    assert_int_equal(group_overdue(&l, LIGHT_BY_UNIT, GROUP_ORDER_FIRST, &g), DUBAN_OK);
    assert_int_equal(g.n, 4);
    assert_string_equal(g.v[0].key, ""); /* the most overdue row's unit first */
    assert_string_equal(g.v[1].key, "交通局");
    group_list_free(&g);

    assert_int_equal(group_overdue(&l, LIGHT_BY_LEADER, GROUP_ORDER_KEY, &g), DUBAN_OK);
    assert_int_equal(g.n, 3);
    assert_string_equal(g.v[0].key, "李");
    assert_int_equal(g.v[0].n, 3);
    assert_string_equal(g.v[1].key, "王");
    assert_string_equal(g.v[2].key, ""); /* none given last */
    assert_int_equal(g.v[2].rows[0], 2);
    group_list_free(&g);
}

static void test_empty(void **state)
{
    (void)state;
    overdue_list l = {NULL, 0};
    group_list g;
    assert_int_equal(group_overdue(&l, LIGHT_BY_UNIT, GROUP_ORDER_KEY, &g), DUBAN_OK);
    assert_int_equal(g.n, 0);
    group_list_free(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key),
        cmocka_unit_test(test_add_find_sort),
        cmocka_unit_test(test_areas_by_number),
        cmocka_unit_test(test_overdue),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
