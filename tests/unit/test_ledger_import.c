/* Ledger (台账) import from CSV: the header found below a title, columns by
 * name, areas carried down, sub-items, dues, statuses, notes, bodies,
 * targets' values, warnings naming the cell, refusals naming file and
 * line; cell names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "import/ledger_import.h"
#include "import/ledger_priv.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *write_tmp(const char *dir, const char *name, const char *text)
{
    char *path = malloc(strlen(dir) + strlen(name) + 2);
    assert_non_null(path);
    sprintf(path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static const char ledger_csv[] =
    "\xEF\xBB\xBF"
    "海盐县2021年下半年重点工作台账,,,,,,\r\n"
    ",,,,,,\r\n"
    "序号,方面,工作任务,责任单位,分管领导,完成时限,进展情况,状态\r\n"
    "1,招商,造浓招商氛围,县商务局,王副县长,2021/10/31,\"已启动\r\n竞赛\",完成\r\n"
    "1.1,,开展立功竞赛,,,三季度,,正在推进\r\n"
    "2,,提高招引质量,\"县发改局,县商务局\",,,,神秘状态\r\n"
    "3,工业,'=1+1,,,44500,,\r\n";

static void csv_ledger_becomes_a_plan(void **state)
{
    (void)state;
    char *dir = test_mkdtemp();
    char *path = write_tmp(dir, "台账.csv", ledger_csv);
    plan_doc doc;
    ledger_warnings w = {0};
    duban_error err;
    int rc = ledger_import_file(path, 0, status_defaults(), &doc, &w, &err);
    if (rc)
        fail_msg("%s", err.msg);
    assert_string_equal(doc.title, "海盐县2021年下半年重点工作台账");
    assert_int_equal(doc.year, 2021);
    assert_string_equal(doc.start, "2021-07-01"); /* 下半年 in the title */
    assert_int_equal(doc.nnodes, 6);
    const doc_node *n = doc.nodes;
    assert_int_equal(n[0].depth, 1);
    assert_string_equal(n[0].title, "招商");
    assert_string_equal(n[1].title, "造浓招商氛围");
    assert_string_equal(n[1].unit, "县商务局");
    assert_string_equal(n[1].leader, "王副县长");
    assert_string_equal(n[1].due, "2021-10-31");
    assert_string_equal(n[1].status, "done");
    assert_string_equal(n[1].note, "已启动\r\n竞赛");
    assert_int_equal(n[1].line, 4);
    assert_int_equal(n[2].depth, 3); /* 1.1 under 1 */
    assert_int_equal(n[2].parent, 1);
    assert_string_equal(n[2].due, "2021-09-30");
    assert_string_equal(n[2].status, "in_progress");
    assert_int_equal(n[3].parent, 0); /* the area carried down */
    assert_string_equal(n[3].unit, "县发改局,县商务局");
    assert_string_equal(n[3].due, "2021-12-31"); /* none: the period end */
    assert_string_equal(n[3].status, "");
    assert_int_equal(n[4].depth, 1);
    assert_string_equal(n[4].title, "工业");
    assert_string_equal(n[5].title, "=1+1");     /* the CSV guard is taken off */
    assert_string_equal(n[5].due, "2021-10-31"); /* serial 44500 */
    assert_int_equal(w.n, 1);
    assert_non_null(strstr(w.v[0], "台账.csv:7: unknown status '神秘状态'"));
    plan_doc_free(&doc);
    ledger_warnings_free(&w);
    free(path);
    test_rmdir_rf(dir);
    free(dir);
}

/* 具体内容 is the body; 量化指标 gives the values of the targets of the
 * title and body, by label, in duban export's form; what it cannot read
 * is a warning naming the cell. */
static const char targets_csv[] =
    "序号,方面,工作任务,具体内容,量化指标\n"
    "1.1,美丽,创建新时代美丽乡村17个,完成省级美丽城镇3个,新时代美丽乡村 9/17个；省级美丽城镇 "
    "—/3个\n"
    "1.2,,创建新时代美丽乡村17个,完成省级美丽城镇3个,\"省级美丽城镇 2/3个\n新时代美丽乡村 "
    "1.5/17个\"\n"
    "1.3,,创建省级美丽城镇3个,,省级美丽城镇 x/3个；不存在 3/4个；乱写\n";

static void targets_cell_gives_their_values(void **state)
{
    (void)state;
    char *dir = test_mkdtemp();
    char *path = write_tmp(dir, "t.csv", targets_csv);
    plan_doc doc;
    ledger_warnings w = {0};
    duban_error err;
    if (ledger_import_file(path, 2021, status_defaults(), &doc, &w, &err))
        fail_msg("%s", err.msg);
    assert_int_equal(doc.nnodes, 4);
    const doc_node *n = doc.nodes;
    assert_string_equal(n[1].body, "完成省级美丽城镇3个");
    assert_int_equal(n[1].nvalues, 1); /* — is no value */
    assert_int_equal(n[1].values[0].seq, 1);
    assert_true(n[1].values[0].value == 9);
    assert_int_equal(n[2].nvalues, 2); /* by label, in any order */
    assert_int_equal(n[2].values[0].seq, 2);
    assert_true(n[2].values[0].value == 2);
    assert_int_equal(n[2].values[1].seq, 1);
    assert_true(n[2].values[1].value == 1.5);
    assert_int_equal(n[3].nvalues, 0);
    assert_int_equal(w.n, 3);
    assert_non_null(strstr(w.v[0], "t.csv:5: 量化指标 '省级美丽城镇 x/3个' is not"));
    assert_non_null(strstr(w.v[1], "t.csv:5: 量化指标 '不存在 3/4个' names no target"));
    assert_non_null(strstr(w.v[2], "t.csv:5: 量化指标 '乱写' is not"));
    plan_doc_free(&doc);
    ledger_warnings_free(&w);
    free(path);
    test_rmdir_rf(dir);
    free(dir);
}

static void expect_refusal(const char *name, const char *text, const char *want)
{
    char *dir = test_mkdtemp();
    char *path = write_tmp(dir, name, text);
    plan_doc doc, before;
    memset(&doc, 0x5A, sizeof doc);
    before = doc;
    ledger_warnings w = {0};
    duban_error err;
    assert_int_equal(ledger_import_file(path, 0, status_defaults(), &doc, &w, &err), DUBAN_EPARSE);
    if (!strstr(err.msg, want))
        fail_msg("message '%s' lacks '%s'", err.msg, want);
    assert_non_null(strstr(err.msg, name));
    assert_null(strchr(err.msg, '\n'));
    assert_memory_equal(&doc, &before, sizeof doc);
    ledger_warnings_free(&w);
    free(path);
    test_rmdir_rf(dir);
    free(dir);
}

static void csv_refusals_name_file_and_line(void **state)
{
    (void)state;
    expect_refusal("gbk.csv", "序号,工作任务,责任单位\n1,\xB9\xA4\xD7\xF7,x\n",
                   "gbk.csv:2: not UTF-8");
    expect_refusal("nohead.csv", "姓名,电话\n张三,1\n", "no header row");
    expect_refusal("noitems.csv", "2021年台账\n序号,工作任务,责任单位\n\n",
                   "no items under the header");
    expect_refusal("noyear.csv", "序号,工作任务,责任单位\n1,甲,乙\n",
                   "cannot tell the plan's year");
    expect_refusal("empty.csv", "", "empty.csv:1: empty file");
}

static void cell_names(void **state)
{
    (void)state;
    char s[8];
    const struct {
        size_t col;
        const char *name;
    } cases[] = {{0, "A"}, {1, "B"}, {25, "Z"}, {26, "AA"}, {27, "AB"}, {701, "ZZ"}, {702, "AAA"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        lg_col_name(cases[i].col, s);
        assert_string_equal(s, cases[i].name);
    }
    assert_int_equal(ledger_kind_of("a/b.XLSX"), LEDGER_XLSX);
    assert_int_equal(ledger_kind_of("b.csv"), LEDGER_CSV);
    assert_int_equal(ledger_kind_of("plan.txt"), LEDGER_NOT);
    assert_int_equal(ledger_kind_of("dir.csv/plan"), LEDGER_NOT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(csv_ledger_becomes_a_plan),
        cmocka_unit_test(targets_cell_gives_their_values),
        cmocka_unit_test(csv_refusals_name_file_and_line),
        cmocka_unit_test(cell_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
