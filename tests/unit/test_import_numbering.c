/* test_import_numbering.c - the plan importer: the numbering styles of
 * headings (一、 （一） 1. 1、 一是 (1) ① ...), unnumbered headings, deeper levels
 * kept as body text, titles split at the first full stop outside brackets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "import/import.h"
#include "plan/date.h"
#include "import_doc.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- numbering styles ------------------------------------------------- */

static void test_each_numbering_style(void **state)
{
    (void)state;
    static const char *const marks[][2] = {
        {"1.", "2."},       {"1、", "2、"},   {"1．", "2．"},   {"（一）", "（二）"},
        {"(一)", "(二)"},   {"一、", "二、"}, {"一是", "二是"}, {"(1)", "(2)"},
        {"（1）", "（2）"}, {"①", "②"},       {"1.", "2、"},    {"(一)", "（二）"},
        {"一.", "二．"},    {"1. ", "2.　"},
    };
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        char text[256];
        snprintf(text, sizeof text, "%s招商引资\n全面开展招商。\n%s工业强县。加快技改\n",
                 marks[i][0], marks[i][1]);
        plan_doc doc;
        parse_ok(text, 2021, &doc);
        /* a list of 1. 一是 (1) ① only is items (which can take a status)
         * in one area; 一、 and （一） are areas */
        int outer = strstr(marks[i][0], "一") && !strstr(marks[i][0], "是");
        size_t first = outer ? 0 : 1;
        if (doc.nnodes != 2 + first || count_depth(&doc, 1) != (outer ? 2 : 1))
            fail_msg("style %s: %zu nodes", marks[i][0], doc.nnodes);
        if (!outer) {
            assert_string_equal(doc.nodes[0].title, "未归类");
            assert_int_equal(doc.nwarn, 1);
        }
        assert_string_equal(doc.nodes[first].title, "招商引资");
        assert_string_equal(doc.nodes[first].body, "全面开展招商。");
        assert_string_equal(doc.nodes[first + 1].title, "工业强县");
        assert_string_equal(doc.nodes[first + 1].body, "加快技改");
        assert_int_equal(doc.nodes[first + 1].line, 3);
        plan_doc_free(&doc);
    }
}

static void test_not_numbering(void **state)
{
    (void)state;
    plan_doc doc;
    parse_ok("一、总体\n1.5亿元投资已到位\n2021年完成\n168创业园\n(雪世界)项目\n二是\n", 2021,
             &doc);
    assert_int_equal(doc.nnodes, 1);
    assert_string_equal(doc.nodes[0].body,
                        "1.5亿元投资已到位\n2021年完成\n168创业园\n(雪世界)项目\n二是");
    plan_doc_free(&doc);
}

static void test_three_levels_cn(void **state)
{
    (void)state;
    plan_doc doc;
    import_ok(DUBAN_TESTDATA "/plan-cn-numerals.txt", 0, &doc);
    assert_string_equal(doc.title, "某县2022年下半年重点工作");
    assert_int_equal(doc.year, 2022);
    assert_string_equal(doc.start, "2022-07-01");
    assert_string_equal(doc.end, "2022-12-31");
    assert_int_equal(count_depth(&doc, 1), 2);
    assert_int_equal(count_depth(&doc, 2), 4);
    assert_int_equal(count_depth(&doc, 3), 3);
    const doc_node *n = node_ref(&doc, "1.1");
    assert_string_equal(n->title, "加快重大项目落地");
    assert_string_equal(n->body, "力争10月底前完成征地，确保三季度开工。");
    assert_int_equal(n->nms, 2);
    assert_string_equal(n->ms[0].word, "10月底前");
    assert_string_equal(n->ms[1].due, "2022-09-30");
    assert_string_equal(node_ref(&doc, "1.1.1")->title, "做好要素保障");
    assert_string_equal(node_ref(&doc, "1.1.1")->body, "土地指标优先保障重大项目。");
    assert_string_equal(node_ref(&doc, "1.1.2")->title, "加快审批");
    assert_string_equal(node_ref(&doc, "1.2")->title, "强化项目调度");
    assert_string_equal(node_ref(&doc, "1.2")->body, "实行月调度、季通报制度。");
    assert_string_equal(node_ref(&doc, "2.1")->title, "深化“最多跑一次”改革");
    assert_string_equal(node_ref(&doc, "2.1.1")->title, "健全评价机制");
    assert_string_equal(node_ref(&doc, "2.2")->title, "开展专项行动");
    /* Dues: an item is due at its latest milestone, including its
     * sub-items'; an undated sub-item with its item; an area at its
     * latest child. */
    assert_string_equal(node_ref(&doc, "1.1.2")->due, "2022-12-15");
    assert_string_equal(node_ref(&doc, "1.1")->due, "2022-12-15");
    assert_string_equal(node_ref(&doc, "1.1.1")->due, "2022-12-15");
    assert_string_equal(node_ref(&doc, "1.2")->due, "2022-12-31");
    assert_string_equal(node_ref(&doc, "1")->due, "2022-12-31");
    plan_doc_free(&doc);
}

static void test_shi_style_and_first_half(void **state)
{
    (void)state;
    plan_doc doc;
    import_ok(DUBAN_TESTDATA "/plan-shi.txt", 0, &doc);
    assert_int_equal(doc.year, 2023);
    assert_string_equal(doc.start, "2023-01-01");
    assert_string_equal(doc.end, "2023-06-30");
    assert_int_equal(count_depth(&doc, 1), 2);
    assert_int_equal(count_depth(&doc, 2), 5);
    assert_string_equal(node_ref(&doc, "2")->title, "促改革");
    const doc_node *n = node_ref(&doc, "1.1");
    assert_string_equal(n->title, "抓好投资");
    assert_string_equal(n->body, "全年完成固定资产投资100亿元,3月底前开工项目20个。");
    assert_string_equal(n->due, "2023-12-31");
    assert_string_equal(node_ref(&doc, "1.2")->title, "扩大消费");
    assert_string_equal(node_ref(&doc, "1.2")->body, "举办消费节活动。");
    assert_string_equal(node_ref(&doc, "1.3")->body, "加大出口信用保险支持。");
    assert_string_equal(node_ref(&doc, "1.3")->due, "2023-06-30");
    assert_string_equal(node_ref(&doc, "2.2")->due, "2023-06-10");
    assert_string_equal(node_ref(&doc, "2")->due, "2023-06-30");
    plan_doc_free(&doc);
}

static void test_paren_and_circled(void **state)
{
    (void)state;
    plan_doc doc;
    import_ok(DUBAN_TESTDATA "/plan-paren.txt", 2024, &doc);
    assert_string_equal(doc.title, "plan-paren");
    assert_string_equal(doc.preamble, "");
    assert_string_equal(doc.start, "2024-01-01");
    assert_string_equal(doc.end, "2024-12-31");
    assert_int_equal(count_depth(&doc, 1), 2);
    assert_int_equal(count_depth(&doc, 2), 3);
    assert_int_equal(count_depth(&doc, 3), 2);
    assert_string_equal(node_ref(&doc, "1.2")->title, "兜底线");
    assert_string_equal(node_ref(&doc, "1.1.2")->due, "2024-06-30");
    assert_string_equal(node_ref(&doc, "2.1")->title, "防范化解风险");
    plan_doc_free(&doc);
}

static void test_unnumbered_headings(void **state)
{
    (void)state;
    plan_doc doc;
    import_ok(DUBAN_TESTDATA "/plan-headings.txt", 0, &doc);
    assert_string_equal(doc.title, "某镇2022年重点工作安排");
    assert_string_equal(doc.start, "2022-01-01");
    assert_int_equal(count_depth(&doc, 1), 3);
    assert_int_equal(count_depth(&doc, 2), 5);
    assert_string_equal(node_ref(&doc, "1")->title, "招商引资");
    assert_string_equal(node_ref(&doc, "1.1")->body, "全年引进亿元以上项目5个");
    assert_string_equal(node_ref(&doc, "1.2")->body, "");
    assert_string_equal(node_ref(&doc, "2")->title, "工业经济");
    assert_string_equal(node_ref(&doc, "3.1")->body, "新建幼儿园1所");
    plan_doc_free(&doc);
}

/* A fourth numbering style stays in the body; a title-only line takes
 * the following lines, joined with "\n". */
static void test_deeper_levels_are_body(void **state)
{
    (void)state;
    plan_doc doc;
    parse_ok("一、甲\n（一）乙\n1.丙\n(1)丁。戊\n第二行\n（二）己：庚\n", 2021, &doc);
    assert_int_equal(doc.nnodes, 4);
    assert_string_equal(node_ref(&doc, "1.1.1")->title, "丙");
    assert_string_equal(node_ref(&doc, "1.1.1")->body, "(1)丁。戊\n第二行");
    assert_string_equal(node_ref(&doc, "1.2")->title, "己");
    assert_string_equal(node_ref(&doc, "1.2")->body, "庚");
    plan_doc_free(&doc);
}

/* A colon inside brackets does not end the title. */
static void test_title_split_skips_brackets(void **state)
{
    (void)state;
    plan_doc doc;
    parse_ok("一、招商（牵头单位：县商务局）。全力招引\n", 2021, &doc);
    assert_string_equal(doc.nodes[0].title, "招商（牵头单位：县商务局）");
    assert_string_equal(doc.nodes[0].body, "全力招引");
    plan_doc_free(&doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_each_numbering_style),
        cmocka_unit_test(test_not_numbering),
        cmocka_unit_test(test_three_levels_cn),
        cmocka_unit_test(test_shi_style_and_first_half),
        cmocka_unit_test(test_paren_and_circled),
        cmocka_unit_test(test_unnumbered_headings),
        cmocka_unit_test(test_deeper_levels_are_body),
        cmocka_unit_test(test_title_split_skips_brackets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
