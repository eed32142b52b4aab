/* test_deadline.c - deadline words and the scanner's context rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "plan/deadline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void free_ms(doc_milestone *ms, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(ms[i].phrase);
        free(ms[i].word);
    }
    free(ms);
}

static void check_word(const char *word, int year, const char *want, int want_approx)
{
    char due[DATE_LEN] = "";
    int approx = -1;
    if (!deadline_word_date(word, year, due, &approx))
        fail_msg("'%s' not recognised", word);
    if (strcmp(due, want) != 0)
        fail_msg("'%s' gave %s, want %s", word, due, want);
    assert_int_equal(approx, want_approx);
}

static void test_word_table(void **state)
{
    (void)state;
    static const struct {
        const char *word, *due;
        int approx;
    } cases[] = {
        {"年内", "2021-12-31", 0},         {"年底", "2021-12-31", 0},
        {"年底前", "2021-12-31", 0},       {"今年", "2021-12-31", 0},
        {"全年", "2021-12-31", 0},         {"年末", "2021-12-31", 0},
        {"一季度", "2021-03-31", 0},       {"二季度", "2021-06-30", 0},
        {"三季度", "2021-09-30", 0},       {"四季度", "2021-12-31", 0},
        {"第一季度", "2021-03-31", 0},     {"1季度", "2021-03-31", 0},
        {"第3季度", "2021-09-30", 0},      {"上半年", "2021-06-30", 0},
        {"下半年", "2021-12-31", 0},       {"10月", "2021-10-31", 0},
        {"10月底", "2021-10-31", 0},       {"10月份", "2021-10-31", 0},
        {"10月底前", "2021-10-31", 0},     {"十月", "2021-10-31", 0},
        {"十一月", "2021-11-30", 0},       {"二月", "2021-02-28", 0},
        {"10月上旬", "2021-10-10", 0},     {"10月中旬", "2021-10-20", 0},
        {"10月下旬", "2021-10-31", 0},     {"9月下旬", "2021-09-30", 0},
        {"10月15日", "2021-10-15", 0},     {"10月15号", "2021-10-15", 0},
        {"十月十五日", "2021-10-15", 0},   {"2021年10月15日", "2021-10-15", 0},
        {"2022年6月", "2022-06-30", 0},    {"2022年底", "2022-12-31", 0},
        {"2022年上半年", "2022-06-30", 0}, {"今年年底", "2021-12-31", 0},
        {"今年三季度", "2021-09-30", 0},   {"明年上半年", "2022-06-30", 0},
        {"今冬", "2021-12-31", 1},         {"２０２２年１０月", "2022-10-31", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_word(cases[i].word, 2021, cases[i].due, cases[i].approx);
    check_word("2月", 2024, "2024-02-29", 0);
    check_word("下半年", 2030, "2030-12-31", 0);
}

static void test_word_rejects(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "13月", "0月", "2月30日",  "9月31日", "五季度",   "季度",   "月",     "2022年",
        "明年", "年",  "10月以来", "",        "今年以来", "月例会", "季评比", "七一"};
    char due[DATE_LEN];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (deadline_word_date(bad[i], 2021, due, NULL))
            fail_msg("'%s' should not be a deadline word (gave %s)", bad[i], due);
}

/* Scans text with year 2021 and returns "due word|due word|..." */
static char *scan(const char *text)
{
    doc_milestone *ms = NULL;
    size_t n = 0;
    assert_int_equal(deadline_scan(text, 2021, &ms, &n), 0);
    char *out = calloc(1, 1024);
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(out);
        snprintf(out + len, 1024 - len, "%s%s %s", i ? "|" : "", ms[i].due, ms[i].word);
    }
    free_ms(ms, n);
    return out;
}

static void expect_scan(const char *text, const char *want)
{
    char *got = scan(text);
    if (strcmp(got, want) != 0)
        fail_msg("scan('%s') = '%s', want '%s'", text, got, want);
    free(got);
}

static void test_scan_false_positives(void **state)
{
    (void)state;
    static const char *const none[] = {
        "实施月例会、季评比,进一步掀起招商引资新高潮。",
        "建立月分析、季例会制度",
        "深入学习贯彻习近平总书记“七一”重要讲话精神",
        "今年以来，全县经济稳中向好",
        "三年内完成改造，五年内全面建成",
        "每年年底前开展考核，去年底完成验收",
        "1-6月，全县实现规上工业产值100亿元",
        "7月以来累计开工项目12个，10月起实施新政",
        "截至6月底，完成投资50亿元",
        "统一月度考核，半年内完成",
        "开工建设六一幼儿园南园",
        "确保城镇登记失业率控制在2%以内，新增就业3个月内",
        "再延长三十年试点；上市50专项行动；6+1领域专项行动方案",
        "2月30日前完成；13月完成",
        "2020年以来投入资金",
    };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        expect_scan(none[i], "");
}

static void test_scan_hits(void **state)
{
    (void)state;
    expect_scan("重新下达下半年招引任务", "2021-12-31 下半年");
    expect_scan("新妇保院10月投入使用", "2021-10-31 10月");
    expect_scan("到10月底完成征地", "2021-10-31 10月底");
    expect_scan("年底前完成A，明年6月完成B", "2021-12-31 年底前|2022-06-30 明年6月");
    expect_scan("今年年底前全面完成", "2021-12-31 今年年底前");
    expect_scan("12月15日前完成全部手续", "2021-12-15 12月15日前");
    expect_scan("2022年底建成", "2022-12-31 2022年底");
    expect_scan("一季度开工、四季度竣工", "2021-03-31 一季度|2021-12-31 四季度");
}

static void test_scan_clause(void **state)
{
    (void)state;
    doc_milestone *ms = NULL;
    size_t n = 0;
    const char *text = "加快陆乐园等项目建设,确保冰雪体育活动中心(雪世界)项目年内开工。高标准"
                       "高起点加快南北湖未来城总体规划及专项规划编制,加快基础设施建设,确保开元森"
                       "泊、洲际英迪格等高端酒店项目三季度开工。";
    assert_int_equal(deadline_scan(text, 2021, &ms, &n), 0);
    assert_int_equal(n, 2);
    assert_string_equal(ms[0].phrase, "确保冰雪体育活动中心(雪世界)项目年内开工");
    assert_string_equal(ms[0].word, "年内");
    assert_string_equal(ms[0].due, "2021-12-31");
    assert_int_equal(ms[0].approximate, 0);
    assert_string_equal(ms[1].phrase, "确保开元森泊、洲际英迪格等高端酒店项目三季度开工");
    assert_string_equal(ms[1].word, "三季度");
    assert_string_equal(ms[1].due, "2021-09-30");
    free_ms(ms, n);
}

static void test_scan_approximate_and_append(void **state)
{
    (void)state;
    doc_milestone *ms = NULL;
    size_t n = 0;
    assert_int_equal(deadline_scan("  核能供暖节能工程示范项目今冬供暖 \n下一行", 2021, &ms, &n),
                     0);
    assert_int_equal(deadline_scan("年内投运；十月底验收", 2021, &ms, &n), 0);
    assert_int_equal(deadline_scan("", 2021, &ms, &n), 0);
    assert_int_equal(deadline_scan(NULL, 2021, &ms, &n), 0);
    assert_int_equal(n, 3);
    assert_string_equal(ms[0].phrase, "核能供暖节能工程示范项目今冬供暖");
    assert_string_equal(ms[0].word, "今冬");
    assert_string_equal(ms[0].due, "2021-12-31");
    assert_int_equal(ms[0].approximate, 1);
    assert_string_equal(ms[1].phrase, "年内投运");
    assert_string_equal(ms[2].phrase, "十月底验收");
    assert_string_equal(ms[2].due, "2021-10-31");
    free_ms(ms, n);
}

/* Issue 9: 国庆前, 春节前, X月底前, X月上旬前, 2024年6月底前, 三季度末,
 * 全年; steps of a ①②③ schedule are separate milestones, each with its
 * own phrase; a ： inside brackets does not end the phrase. */
static void test_more_words(void **state)
{
    (void)state;
    check_word("国庆前", 2023, "2023-09-30", 0);
    check_word("国庆节前", 2023, "2023-09-30", 0);
    check_word("春节前", 2023, "2024-02-09", 0);
    check_word("春节前", 2024, "2025-01-28", 0);
    check_word("春节前", 2050, "2051-01-31", 1);
    check_word("6月底前", 2024, "2024-06-30", 0);
    check_word("3月上旬前", 2024, "2024-03-10", 0);
    check_word("2024年6月底前", 2023, "2024-06-30", 0);
    check_word("三季度末", 2024, "2024-09-30", 0);
    check_word("二季度末前", 2024, "2024-06-30", 0);
    check_word("全年", 2024, "2024-12-31", 0);
    expect_scan("11月底前完成全年目标，全年任务", "2021-11-30 11月底前");
    doc_milestone *ms = NULL;
    size_t n = 0;
    assert_int_equal(deadline_scan("分三步推进：①3月上旬前完成摸底②5月底前完成整改③9月底前全面验收",
                                   2021, &ms, &n),
                     0);
    assert_int_equal(n, 3);
    assert_string_equal(ms[0].phrase, "3月上旬前完成摸底");
    assert_string_equal(ms[0].due, "2021-03-10");
    assert_string_equal(ms[1].phrase, "5月底前完成整改");
    assert_string_equal(ms[2].phrase, "9月底前全面验收");
    assert_string_equal(ms[2].due, "2021-09-30");
    free_ms(ms, n);
    ms = NULL;
    n = 0;
    assert_int_equal(deadline_scan("上半年完成诊断(牵头单位：县经信局)。", 2021, &ms, &n), 0);
    assert_int_equal(n, 1);
    assert_string_equal(ms[0].phrase, "上半年完成诊断(牵头单位：县经信局)");
    free_ms(ms, n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_table),
        cmocka_unit_test(test_word_rejects),
        cmocka_unit_test(test_scan_false_positives),
        cmocka_unit_test(test_scan_hits),
        cmocka_unit_test(test_scan_clause),
        cmocka_unit_test(test_scan_approximate_and_append),
        cmocka_unit_test(test_more_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
