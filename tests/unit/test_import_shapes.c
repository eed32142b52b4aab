/* test_import_shapes.c - the shapes of issue 9, one small document each:
 * every test fails without the code for its shape.  The larger corpus is
 * tests/data/import (compared with golden trees by tests/cli). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "import/import.h"
#include "import_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int has_warning(const plan_doc *doc, int line, const char *part)
{
    for (size_t i = 0; i < doc->nwarn; i++)
        if (doc->warn[i].line == line && strstr(doc->warn[i].msg, part))
            return 1;
    return 0;
}

/* 1: an inline 一是……二是…… list; its entries are items of one area. */
static void test_inline_list(void **state)
{
    (void)state;
    plan_doc doc;
    parse_ok(
        "今年将重点抓好三个方面的工作：一是扩大有效投资，年底前完成；二是做强制造业；三是办好实"
        "事。\n",
        2023, &doc);
    assert_int_equal(count_depth(&doc, 1), 1);
    assert_int_equal(count_depth(&doc, 2), 3);
    assert_string_equal(node_ref(&doc, "1")->title, "今年将重点抓好三个方面的工作");
    assert_string_equal(node_ref(&doc, "1.1")->title, "扩大有效投资");
    assert_string_equal(node_ref(&doc, "1.1")->body, "年底前完成");
    assert_string_equal(node_ref(&doc, "1.3")->title, "办好实事");
    assert_int_equal(doc.nwarn, 1); /* the lead, kept as the preamble */
    plan_doc_free(&doc);
    /* 一是 glued to the lead, 二是 on a line of its own */
    parse_ok("重点抓好以下工作：一是稳工业，年底前完成。\n二是促消费。\n", 2023, &doc);
    assert_int_equal(count_depth(&doc, 2), 2);
    assert_string_equal(node_ref(&doc, "1.1")->title, "稳工业");
    plan_doc_free(&doc);
}

/* 2: bullets under 一、 areas; a slogan line is not an area. */
static void test_bullets(void **state)
{
    (void)state;
    plan_doc doc;
    parse_ok(
        "凝心聚力开新局\n一、产业\n• 建园区，6月底前完成\n? 引项目\n- 育企业\n二、民生\n★ 办实事\n",
        2024, &doc);
    assert_int_equal(count_depth(&doc, 1), 2);
    assert_int_equal(count_depth(&doc, 2), 4);
    assert_string_equal(node_ref(&doc, "1.1")->title, "建园区");
    assert_string_equal(node_ref(&doc, "1.1")->due, "2024-06-30");
    assert_string_equal(node_ref(&doc, "1.2")->title, "引项目");
    assert_string_equal(doc.preamble, "凝心聚力开新局");
    plan_doc_free(&doc);
}

/* 3: run-in headings: the lead paragraph is the area's body. */
static void test_runin(void **state)
{
    (void)state;
    plan_doc doc;
    parse_ok("（一）稳外贸促消费，在扩大内需上争先进位\n坚持扩大内需战略基点，加快培育完整内需体"
             "系。\n做大外贸主体。坚持稳存量、扩增量。\n激发消费活力。国庆前举办促销季。\n（二）"
             "保民生\n稳定就业。新增就业1万人以上。\n提升教育。新建学校5所，秋季投用。\n",
             2024, &doc);
    assert_int_equal(count_depth(&doc, 1), 2);
    assert_int_equal(count_depth(&doc, 2), 4);
    assert_string_equal(node_ref(&doc, "1")->body, "坚持扩大内需战略基点，加快培育完整内需体系。");
    assert_string_equal(node_ref(&doc, "1.1")->title, "做大外贸主体");
    assert_string_equal(node_ref(&doc, "1.2")->due, "2024-09-30");
    plan_doc_free(&doc);
}

/* 4: a table as pipe rows, with the header's spaces and a split 责任/领导. */
static void test_table(void **state)
{
    (void)state;
    plan_doc doc;
    parse_ok("重点任务分解表\n| 序号 | 工 作 任 务 | 牵头单位 | 责任 | 领导 | 完成时限 |\n| 1 | "
             "建学校。 "
             "| 县教育局 | 张三 | 9月底前 |\n| 2 | 修道路 | 县交通局 | 李四 | 年底前 |\n",
             2024, &doc);
    assert_int_equal(count_depth(&doc, 2), 2);
    assert_string_equal(node_ref(&doc, "1")->title, "重点任务分解表");
    assert_string_equal(node_ref(&doc, "1.1")->title, "建学校");
    assert_string_equal(node_ref(&doc, "1.1")->unit, "县教育局");
    assert_string_equal(node_ref(&doc, "1.1")->leader, "张三");
    assert_string_equal(node_ref(&doc, "1.1")->due, "2024-09-30");
    plan_doc_free(&doc);
}

/* 5: units around items. */
static void test_units(void **state)
{
    (void)state;
    plan_doc doc;
    parse_ok(
        "一、县经开区管委会牵头工作（3项）\n1.建园区\n2.引项目[牵头单位:县商务局;责任单位:各街道"
        "(园区)]\n3.育企业\n牵头单位：县经信局，县科技局\n二、其他\n1.办实事（县民政局牵头，各有关"
        "单位按职责分工负责）\n",
        2024, &doc);
    assert_string_equal(node_ref(&doc, "1.1")->unit, "县经开区管委会");
    assert_string_equal(node_ref(&doc, "1.2")->unit, "县商务局");
    assert_string_equal(node_ref(&doc, "1.2")->title, "引项目");
    assert_string_equal(node_ref(&doc, "1.3")->unit, "县经信局、县科技局");
    assert_string_equal(node_ref(&doc, "2.1")->unit, "县民政局");
    assert_int_equal(count_depth(&doc, 2), 4);
    plan_doc_free(&doc);
    parse_ok("一、甲\n1.乙（牵头单位：县发改局；县财政局）\n2."
             "丙（牵头单位：县发改局；责任单位：县财政局）"
             "\n",
             2024, &doc);
    assert_string_equal(node_ref(&doc, "1.1")->unit, "县发改局、县财政局");
    assert_string_equal(node_ref(&doc, "1.2")->unit, "县发改局");
    plan_doc_free(&doc);
}

/* 6: a review section is skipped; a list restarting at 1 after the last
 * area is an area of its own; numbers past 999 are items. */
static void test_numbering(void **state)
{
    (void)state;
    plan_doc doc;
    parse_ok(
        "一、2023年工作回顾\n（一）成绩\n1.投资增长\n二、2024年主要目标任务\n（一）项目\n1.开工。"
        "\n2.投产。\n（二）民生\n3.就业。\n三、加强政府自身建设\n（一）依法行政\n",
        2024, &doc);
    assert_int_equal(count_depth(&doc, 1), 2);
    assert_string_equal(node_ref(&doc, "1")->title, "项目");
    assert_string_equal(node_ref(&doc, "2.1")->title, "就业");
    assert_true(has_warning(&doc, 1, "reviews past work"));
    assert_true(has_warning(&doc, 10, "has headings and no items"));
    plan_doc_free(&doc);
    parse_ok("一、甲\n998、一\n999、二\n二、乙\n1000、三\n1001、四\n1.五\n2.六\n", 2024, &doc);
    assert_int_equal(count_depth(&doc, 1), 3);
    assert_int_equal(count_depth(&doc, 2), 6);
    assert_string_equal(node_ref(&doc, "2.2")->title, "四");
    assert_string_equal(node_ref(&doc, "3")->title, "未归类");
    assert_string_equal(node_ref(&doc, "3.2")->title, "六");
    assert_true(has_warning(&doc, 7, "未归类"));
    plan_doc_free(&doc);
}

/* 7: declared counts are compared, a mismatch is a warning. */
static void test_counts(void **state)
{
    (void)state;
    plan_doc doc;
    parse_ok("重点抓好三个方面\n一、甲（2项）\n1.子\n二、乙\n1.丑\n", 2024, &doc);
    assert_true(has_warning(&doc, 1, "declares 三个方面 but 2 areas"));
    assert_true(has_warning(&doc, 2, "declares 2项 but 1 items"));
    plan_doc_free(&doc);
    parse_ok("办好10件民生实事\n一、甲\n1.子\n二、乙\n1.丑\n", 2024, &doc);
    assert_true(has_warning(&doc, 1, "declares 10件 but 2 items"));
    plan_doc_free(&doc);
    parse_ok("办理建议提案120件，重点抓好2个方面\n一、甲\n1.子\n二、乙\n1.丑\n", 2024, &doc);
    assert_int_equal(doc.nwarn, 1); /* the preamble only: 120件 is a figure */
    plan_doc_free(&doc);
}

/* 8: traditional characters for the keywords; text stored as written. */
static void test_traditional(void **state)
{
    (void)state;
    plan_doc doc;
    parse_ok("一、甲\n1.建設園區，年內完成（牽頭單位：縣發改局）\n責任領導：王某\n", 2024, &doc);
    assert_string_equal(node_ref(&doc, "1.1")->unit, "縣發改局");
    assert_string_equal(node_ref(&doc, "1.1")->leader, "王某");
    assert_string_equal(node_ref(&doc, "1.1")->ms[0].word, "年內");
    assert_string_equal(node_ref(&doc, "1.1")->title, "建設園區，年內完成");
    plan_doc_free(&doc);
}

/* 9: deadline words, steps, ongoing work, the plan's own period. */
static void test_deadlines(void **state)
{
    (void)state;
    plan_doc doc;
    parse_ok("2023年下半年工作要点\n一、甲\n1.改造。①7月上旬前设计②9月底前施工\n2.整治。长期坚持"
             "\n3.重新下达下半年任务\n4.春节前慰问\n",
             0, &doc);
    assert_int_equal(node_ref(&doc, "1.1")->nms, 2);
    assert_string_equal(node_ref(&doc, "1.1")->ms[0].due, "2023-07-10");
    assert_string_equal(node_ref(&doc, "1.1")->ms[1].phrase, "9月底前施工");
    assert_int_equal(node_ref(&doc, "1.2")->ongoing, 1);
    assert_string_equal(node_ref(&doc, "1.2")->due, "2023-12-31");
    assert_int_equal(node_ref(&doc, "1.3")->nms, 0);
    assert_string_equal(node_ref(&doc, "1.4")->due, "2024-02-09");
    plan_doc_free(&doc);
}

/* 10: title, year and period. */
static void test_title_year_period(void **state)
{
    (void)state;
    plan_doc doc;
    parse_ok("为做好2023年工作，2023年2023年制定本计划。\n××县2024年上半年重点工作安排\n一、甲\n",
             0, &doc);
    assert_string_equal(doc.title, "××县2024年上半年重点工作安排");
    assert_int_equal(doc.year, 2024);
    assert_string_equal(doc.end, "2024-06-30");
    plan_doc_free(&doc);
}

/* A short unnumbered line in an item's body looks like a lost heading:
 * kept as body, with a warning; a date under a signature is not one. */
static void test_body_heading_warning(void **state)
{
    (void)state;
    plan_doc doc;
    parse_ok("一、甲\n1.乙。正文。\n加强组织领导\n2.丙。正文。\n二〇二四年一月\n", 2024, &doc);
    assert_string_equal(doc.nodes[1].body, "正文。\n加强组织领导");
    assert_int_equal(doc.nwarn, 1);
    assert_true(has_warning(&doc, 3, "looks like a heading"));
    plan_doc_free(&doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_inline_list),
        cmocka_unit_test(test_bullets),
        cmocka_unit_test(test_runin),
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_numbering),
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_traditional),
        cmocka_unit_test(test_deadlines),
        cmocka_unit_test(test_title_year_period),
        cmocka_unit_test(test_body_heading_warning),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
