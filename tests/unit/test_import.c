/* test_import.c - the plan importer: the seed plan, encodings, header,
 * year/period/title and due dates (numbering styles: test_import_numbering.c). */
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

/* ---- the seed plan ---------------------------------------------------- */

static void test_seed_structure(void **state)
{
    (void)state;
    static const char *const areas[] = {
        "持之以恒抓招商", "坚定不移强工业", "全力以赴推项目", "解放思想勇创新",
        "筑巢引凤壮三产", "持续发力扩开放", "聚焦品质重城市", "统筹发展兴乡村",
        "久久为功护生态", "用情用力惠民生", "高效治理促和谐", "从严治党强党建",
    };
    plan_doc doc;
    import_ok(DUBAN_SEED_PATH, 0, &doc);
    assert_int_equal(count_depth(&doc, 1), 12);
    assert_int_equal(count_depth(&doc, 2), 38);
    assert_int_equal(doc.nnodes, 50);
    for (int a = 0; a < 12; a++) {
        char ref[8];
        snprintf(ref, sizeof ref, "%d", a + 1);
        const doc_node *n = node_ref(&doc, ref);
        assert_string_equal(n->title, areas[a]);
        assert_string_equal(n->body, "");
        assert_int_equal(n->parent, -1);
        assert_int_equal(children(&doc, n), a < 10 ? 3 : 4);
    }
    assert_string_equal(doc.title, "海盐县2021年下半年重点工作");
    assert_int_equal(doc.year, 2021);
    assert_string_equal(doc.start, "2021-07-01");
    assert_string_equal(doc.end, "2021-12-31");
    assert_string_equal(doc.source, "中共海盐县委十四届十三次全体(扩大)会议暨县十五届政府第五次"
                                    "全体(扩大)会议");
    assert_non_null(strstr(doc.preamble, "重点抓好12个方面\n扎实做好下半年重点工作"));
    assert_int_equal(strncmp(doc.preamble, "今天,中共海盐县委", strlen("今天,中共海盐县委")), 0);
    assert_int_equal(node_ref(&doc, "1")->line, 12);
    assert_int_equal(node_ref(&doc, "1.1")->line, 13);
    plan_doc_free(&doc);
}

static void test_seed_samples(void **state)
{
    (void)state;
    plan_doc doc;
    import_ok(DUBAN_SEED_PATH, 0, &doc);
    const doc_node *n = node_ref(&doc, "1.1");
    assert_string_equal(n->title, "造浓招商氛围");
    assert_string_equal(n->body, "全面开展招商引资立功竞赛,自我加压、及早冲刺,重新下达下半年招引任"
                                 "务,实施月例会、季评比,进一步掀起招商引资新高潮。");
    n = node_ref(&doc, "2.1");
    assert_string_equal(n->title, "加快“转”的步伐");
    n = node_ref(&doc, "5.1");
    assert_string_equal(n->title, "做强服务业主平台");
    n = node_ref(&doc, "10.2");
    assert_string_equal(n->title, "完善公共服务供给");
    assert_string_equal(n->body,
                        "加快推进教育“841”工程,开工建设六一幼儿园南园及三毛小学东校区,加快实验"
                        "中学海兴校区等工程建设。深化健康海盐建设,新妇保院10月投入使用,深化县级"
                        "医院与长三角名医名院紧密型合作,争创省级健康促进县。启动全民健身中心规划"
                        "建设。");
    n = node_ref(&doc, "11.4");
    assert_string_equal(n->title, "不断深化民主法治");
    n = node_ref(&doc, "12.2");
    assert_string_equal(n->title, "以换届为契机推进干部队伍系统性重塑");
    n = node_ref(&doc, "12.4");
    assert_string_equal(n->title, "营造风清气正的政治生态");
    assert_string_equal(n->body, "加快构建和完善“四责协同”工作体系,统筹推进清廉海盐建设,坚决落实中"
                                 "央八项规定及其实施细则精神,持续纠治“四风”,保持惩治腐败高压态势,"
                                 "紧盯小微权力运行,加快“云哨”项目建设,一体推进“三不”体制机制建设"
                                 "。");
    plan_doc_free(&doc);
}

/* Every item against the file itself: line "N.title" then one body line. */
static void test_seed_every_item_matches_file(void **state)
{
    (void)state;
    size_t len;
    char *text = test_read_file(DUBAN_SEED_PATH, &len);
    char *lines[128];
    int nl = 0;
    for (char *p = text; p && nl < 128; nl++) {
        lines[nl] = p;
        p = strchr(p, '\n');
        if (p)
            *p++ = '\0';
    }
    plan_doc doc;
    import_ok(DUBAN_SEED_PATH, 0, &doc);
    for (size_t i = 0; i < doc.nnodes; i++) {
        const doc_node *n = &doc.nodes[i];
        const char *src = lines[n->line - 1];
        if (n->depth == 1) {
            assert_string_equal(n->title, src);
            continue;
        }
        const char *dot = strchr(src, '.');
        assert_non_null(dot);
        assert_string_equal(n->title, dot + 1);
        assert_string_equal(n->body, lines[n->line]);
    }
    plan_doc_free(&doc);
    free(text);
}

/* All milestones of the seed, in document order. */
static void test_seed_milestones(void **state)
{
    (void)state;
    static const struct {
        const char *ref, *word, *due, *phrase;
        int approx;
    } want[] = {
        {"2.2", "年内", "2021-12-31", "确保良信电器等数字产业项目年内投运", 0},
        {"5.1", "年内", "2021-12-31", "确保冰雪体育活动中心(雪世界)项目年内开工", 0},
        {"5.1", "三季度", "2021-09-30", "确保开元森泊、洲际英迪格等高端酒店项目三季度开工", 0},
        {"6.1", "年内", "2021-12-31", "力争年内开工建设沪平盐城际、杭浦高速海盐联络线工程", 0},
        {"7.1", "年内", "2021-12-31", "年内完成古城复兴、高铁新城城市规划设计", 0},
        {"7.2", "今冬", "2021-12-31", "核能供暖节能工程示范项目今冬供暖", 1},
        {"10.2", "10月", "2021-10-31", "新妇保院10月投入使用", 0},
    };
    size_t nwant = sizeof want / sizeof want[0], k = 0;
    plan_doc doc;
    import_ok(DUBAN_SEED_PATH, 0, &doc);
    for (size_t i = 0; i < doc.nnodes; i++) {
        const doc_node *n = &doc.nodes[i];
        for (size_t m = 0; m < n->nms; m++, k++) {
            assert_true(k < nwant);
            assert_ptr_equal(n, node_ref(&doc, want[k].ref));
            assert_string_equal(n->ms[m].word, want[k].word);
            assert_string_equal(n->ms[m].due, want[k].due);
            assert_string_equal(n->ms[m].phrase, want[k].phrase);
            assert_int_equal(n->ms[m].approximate, want[k].approx);
        }
    }
    assert_int_equal(k, nwant);
    plan_doc_free(&doc);
}

/* Year 2021, today 2021-10-01: only the 5.1 hotel milestone is earlier. */
static void check_seed_dues(const plan_doc *doc)
{
    int early = 0;
    for (size_t i = 0; i < doc->nnodes; i++) {
        const doc_node *n = &doc->nodes[i];
        if (strcmp(n->due, "2021-10-01") < 0)
            fail_msg("node at line %d due %s", n->line, n->due);
        for (size_t m = 0; m < n->nms; m++)
            if (strcmp(n->ms[m].due, "2021-10-01") < 0) {
                assert_ptr_equal(n, node_ref(doc, "5.1"));
                assert_string_equal(n->ms[m].word, "三季度");
                early++;
            }
    }
    assert_int_equal(early, 1);
    assert_string_equal(node_ref(doc, "10.2")->due, "2021-10-31");
    assert_string_equal(node_ref(doc, "5.1")->due, "2021-12-31");
    assert_string_equal(node_ref(doc, "3.1")->due, "2021-12-31");
    assert_string_equal(node_ref(doc, "10")->due, "2021-12-31");
}

static void test_seed_overdue_only_hotels(void **state)
{
    (void)state;
    plan_doc doc;
    import_ok(DUBAN_SEED_PATH, 2021, &doc);
    check_seed_dues(&doc);
    plan_doc_free(&doc);
}

/* The bare seed text (no header): year from today, period from 下半年. */
static void test_seed_text_without_header(void **state)
{
    (void)state;
    size_t len;
    char *text = test_read_file(DUBAN_SEED_PATH, &len);
    char *body = strstr(text + 3, "---\n") + 4;
    plan_doc doc;
    duban_error err;
    assert_int_equal(import_parse("haiyan-2021-h2.txt", body, strlen(body), 0, TODAY, &doc, &err),
                     0);
    assert_int_equal(doc.year, 2021);
    assert_string_equal(doc.start, "2021-07-01");
    assert_string_equal(doc.end, "2021-12-31");
    assert_string_equal(doc.source, "haiyan-2021-h2.txt");
    /* issue 9: a heading-like line naming the work, never a sentence */
    assert_string_equal(doc.title, "扎实做好下半年重点工作");
    assert_int_equal(count_depth(&doc, 1), 12);
    assert_int_equal(count_depth(&doc, 2), 38);
    assert_int_equal(node_ref(&doc, "1")->line, 6);
    check_seed_dues(&doc);
    plan_doc_free(&doc);
    free(text);
}

/* ---- encodings -------------------------------------------------------- */

static void test_crlf_and_bom(void **state)
{
    (void)state;
    const char *text = "\xEF\xBB\xBF---\r\ntitle: 测试计划\r\nyear: 2021\r\n---\r\n"
                       "前言\r\n一、甲方面\r\n1.乙事项\r\n正文，10月底前完成。\r\n"
                       "二、丙方面  \r\n";
    plan_doc doc;
    parse_ok(text, 0, &doc);
    assert_string_equal(doc.title, "测试计划");
    assert_int_equal(doc.year, 2021);
    assert_string_equal(doc.preamble, "前言");
    assert_int_equal(doc.nnodes, 3);
    assert_string_equal(doc.nodes[0].title, "甲方面");
    assert_string_equal(doc.nodes[1].title, "乙事项");
    assert_string_equal(doc.nodes[1].body, "正文，10月底前完成。");
    assert_string_equal(doc.nodes[1].due, "2021-10-31");
    assert_string_equal(doc.nodes[2].title, "丙方面");
    assert_int_equal(doc.nodes[2].line, 9);
    plan_doc_free(&doc);

    parse_ok("\xEF\xBB\xBF一、甲\r\n二、乙", 2021, &doc);
    assert_int_equal(doc.nnodes, 2);
    assert_string_equal(doc.nodes[0].title, "甲");
    assert_string_equal(doc.nodes[1].title, "乙");
    plan_doc_free(&doc);
}

/* Units and leaders written inline become the item's unit and leader;
 * sub-items without their own take their item's. */
static void test_units_and_leaders(void **state)
{
    (void)state;
    const char *text = "一、甲方面\n"
                       "（一）数字经济。力争增长15%以上。（牵头单位：县经信局）\n"
                       "1.子项一\n"
                       "2.子项二。责任单位:县发改局、县财政局；分管领导：张三\n"
                       "（二）民生实事。分管县领导：李四。\n"
                       "（三）没有单位的事项\n";
    plan_doc doc;
    parse_ok(text, 2022, &doc);
    assert_int_equal(doc.nnodes, 6);
    assert_string_equal(doc.nodes[1].unit, "县经信局");
    assert_null(doc.nodes[1].leader);
    assert_string_equal(doc.nodes[2].unit, "县经信局"); /* inherited */
    assert_string_equal(doc.nodes[3].unit, "县发改局、县财政局");
    assert_string_equal(doc.nodes[3].leader, "张三");
    assert_string_equal(doc.nodes[4].leader, "李四");
    assert_null(doc.nodes[4].unit);
    assert_null(doc.nodes[5].unit);
    assert_null(doc.nodes[0].unit); /* areas carry none */
    plan_doc_free(&doc);
}

/* ---- header, year, period, title ---------------------------------------- */

static void test_header(void **state)
{
    (void)state;
    plan_doc doc;
    parse_ok("---\ntitle:  某计划 \nperiod: 2022-03-01 .. 2022-09-30\nsource：会议\nfoo: bar\n---\n"
             "一、甲\n1.乙。年内完成\n",
             0, &doc);
    assert_string_equal(doc.title, "某计划");
    assert_int_equal(doc.year, 2022);
    assert_string_equal(doc.start, "2022-03-01");
    assert_string_equal(doc.end, "2022-09-30");
    assert_string_equal(doc.source, "会议");
    assert_string_equal(doc.nodes[0].due, "2022-12-31");
    assert_int_equal(doc.nodes[0].line, 7);
    plan_doc_free(&doc);
}

static void test_year_detection(void **state)
{
    (void)state;
    plan_doc doc;
    /* most frequent 20xx年 */
    parse_ok("2020年回顾，2021年计划，2021年目标\n一、甲\n1.乙。年内完成\n", 0, &doc);
    assert_int_equal(doc.year, 2021);
    assert_string_equal(doc.nodes[1].due, "2021-12-31");
    plan_doc_free(&doc);
    /* the argument wins over the text and the header */
    parse_ok("---\nyear: 2019\n---\n2021年计划\n一、甲\n", 2025, &doc);
    assert_int_equal(doc.year, 2025);
    assert_string_equal(doc.end, "2025-12-31");
    plan_doc_free(&doc);
    /* none written: the year of the today the caller passes, not of the
     * environment (core reads none) */
    setenv("DUBAN_TODAY", "2030-01-01", 1);
    duban_error err;
    assert_int_equal(
        import_parse("t.txt", "一、甲\n", 10, 0, date_from_ymd(2027, 5, 6), &doc, &err), 0);
    unsetenv("DUBAN_TODAY");
    assert_int_equal(doc.year, 2027);
    assert_string_equal(doc.start, "2027-01-01");
    assert_string_equal(doc.end, "2027-12-31");
    plan_doc_free(&doc);
}

static void test_period_and_title_defaults(void **state)
{
    (void)state;
    plan_doc doc;
    parse_ok("上半年工作要点\n一、甲\n", 2021, &doc);
    assert_string_equal(doc.title, "上半年工作要点");
    assert_string_equal(doc.start, "2021-01-01");
    assert_string_equal(doc.end, "2021-06-30");
    plan_doc_free(&doc);
    /* issue 9: a long line or a sentence is never the title */
    char text[1024] = "";
    for (int i = 0; i < 70; i++)
        strcat(text, "字");
    strcat(text, "工作\n为做好工作，制定本要点。\n一、甲\n");
    parse_ok(text, 2021, &doc);
    assert_string_equal(doc.title, "t");
    plan_doc_free(&doc);
    /* the notice that prints a plan names it; the title's year wins */
    parse_ok("关于印发《某县2024年一季度工作要点》的通知\n2023年2023年2023年\n一、甲\n", 0, &doc);
    assert_string_equal(doc.title, "某县2024年一季度工作要点");
    assert_int_equal(doc.year, 2024);
    assert_string_equal(doc.start, "2024-01-01");
    assert_string_equal(doc.end, "2024-03-31");
    plan_doc_free(&doc);
    /* no preamble: the file's base name */
    duban_error err;
    assert_int_equal(import_parse("/x/y/plan.v2.txt", "一、甲\n", 10, 2021, TODAY, &doc, &err), 0);
    assert_string_equal(doc.title, "plan.v2");
    assert_string_equal(doc.source, "/x/y/plan.v2.txt");
    plan_doc_free(&doc);
}

/* Milestones before the period are history, not commitments. */
static void test_milestones_before_period_dropped(void **state)
{
    (void)state;
    plan_doc doc;
    parse_ok("下半年重点工作\n一、甲\n1.乙\n一季度完成50%，年内全部完成\n", 2021, &doc);
    assert_int_equal(doc.nodes[1].nms, 1);
    assert_string_equal(doc.nodes[1].ms[0].word, "年内");
    plan_doc_free(&doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_structure),
        cmocka_unit_test(test_units_and_leaders),
        cmocka_unit_test(test_seed_samples),
        cmocka_unit_test(test_seed_every_item_matches_file),
        cmocka_unit_test(test_seed_milestones),
        cmocka_unit_test(test_seed_overdue_only_hotels),
        cmocka_unit_test(test_seed_text_without_header),
        cmocka_unit_test(test_crlf_and_bom),
        cmocka_unit_test(test_header),
        cmocka_unit_test(test_year_detection),
        cmocka_unit_test(test_period_and_title_defaults),
        cmocka_unit_test(test_milestones_before_period_dropped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
