/* Numeric targets: the scanner on the seed's phrases and on things that
 * are not targets; storing them with a plan; progress with undo/redo. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/edit.h"
#include "import/import.h"
#include "query/query.h"
#include "plan/target.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct want {
    const char *label;
    double number;
    const char *unit;
    target_dir dir;
} want;

static void expect(const char *text, const want *w, size_t nw)
{
    target_hit *v = NULL;
    size_t n = 0;
    assert_int_equal(target_scan(text, &v, &n), DUBAN_OK);
    if (n != nw)
        fail_msg("'%s': %zu targets, want %zu%s%s", text, n, nw, n ? ", first: " : "",
                 n ? v[0].label : "");
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(v[i].label, w[i].label);
        assert_true(v[i].number == w[i].number);
        assert_string_equal(v[i].unit, w[i].unit);
        if (v[i].dir != w[i].dir)
            fail_msg("'%s': %s should be %s", text, v[i].label, target_dir_key(w[i].dir));
    }
    target_hits_free(v, n);
}

static void seed_phrases(void **state)
{
    (void)state;
    expect("持续开展农村人居环境综合整治，确保成功创建省级美丽城镇3个、新时代美丽乡村17个。"
           "全力打造党建引领“美好记忆·丰山溢水”“古韵画乡·山水线”美丽乡村示范线路。",
           (want[]){{"省级美丽城镇", 3, "个", TARGET_AT_LEAST},
                    {"新时代美丽乡村", 17, "个", TARGET_AT_LEAST}},
           2);
    expect("千方百计稳定和扩大就业，落实就业帮扶政策，确保城镇登记失业率控制在2%以内。",
           (want[]){{"城镇登记失业率", 2, "%", TARGET_AT_MOST}}, 1);
    expect("实施新一轮强村计划，确保村集体年经常性收入超150万元、经营性收入50万元全覆盖。",
           (want[]){{"村集体年经常性收入", 150, "万元", TARGET_AT_LEAST},
                    {"经营性收入", 50, "万元", TARGET_AT_LEAST}},
           2);
}

static void other_shapes(void **state)
{
    (void)state;
    expect("全年完成固定资产投资100亿元,3月底前开工项目20个。",
           (want[]){{"固定资产投资", 100, "亿元", TARGET_AT_LEAST},
                    {"开工项目", 20, "个", TARGET_AT_LEAST}},
           2);
    expect("城镇新增就业5000人", (want[]){{"城镇新增就业", 5000, "人", TARGET_AT_LEAST}}, 1);
    expect("研发投入占比达到3.5%以上；", (want[]){{"研发投入占比", 3.5, "%", TARGET_AT_LEAST}}, 1);
    expect("万元GDP能耗不超过0.5吨。", (want[]){{"万元GDP能耗", 0.5, "吨", TARGET_AT_MOST}}, 1);
    expect("新建幼儿园１所", (want[]){{"幼儿园", 1, "所", TARGET_AT_LEAST}}, 1); /* full-width */
    expect("PM2.5浓度低于30％。", (want[]){{"PM2.5浓度", 30, "%", TARGET_AT_MOST}}, 1);
}

/* Every clause mark ends a clause: the label after it starts there. */
static void every_clause_mark_splits(void **state)
{
    (void)state;
    static const char *const marks[] = {"，", "。", "；", "、", "：", "！", "？",
                                        ",",  ";",  "!",  "?",  ":",  "\n", "\r"};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        char text[128];
        snprintf(text, sizeof text, "签约项目5个%s新建学校2所", marks[i]);
        expect(text,
               (want[]){{"签约项目", 5, "个", TARGET_AT_LEAST}, {"学校", 2, "所", TARGET_AT_LEAST}},
               2);
    }
    /* lead bytes of the marks inside other characters split nothing */
    expect("ｘ园区达到3家", (want[]){{"ｘ园区", 3, "家", TARGET_AT_LEAST}}, 1);
}

static void not_targets(void **state)
{
    (void)state;
    const char *texts[] = {
        "完善“安委会+9个专委会+9个镇(街道)”工作模式", /* the unit does not end the clause */
        "确保平安建设实现“十七连冠”",                 /* Chinese numerals */
        "2021年10月15日前完成",                       /* dates */
        "完成农村土地二轮承包到期后再延长三十年试点",
        "推进5G基站建设", /* glued to letters */
        "加快G60科创走廊建设",
        "综合排名第3名", /* ordinal */
        "引进项目3-5个", /* a range end */
        "新增3个",       /* no label */
        "年底前完成30家",
        "",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        expect(texts[i], NULL, 0);
    target_hit *v = NULL;
    size_t n = 0;
    assert_int_equal(target_scan(NULL, &v, &n), DUBAN_OK);
    assert_int_equal(n, 0);
}

static void numbers_are_written_plainly(void **state)
{
    (void)state;
    char out[32];
    target_format_number(17, out);
    assert_string_equal(out, "17");
    target_format_number(1.5, out);
    assert_string_equal(out, "1.5");
    target t = {.number = 17, .unit = "个"};
    char text[64];
    target_progress_text(&t, text, sizeof text);
    assert_string_equal(text, "—/17个");
    t.has_current = 1;
    t.current = 9;
    target_progress_text(&t, text, sizeof text);
    assert_string_equal(text, "9/17个");
    assert_false(target_met(&t));
    t.current = 17;
    assert_true(target_met(&t));
    t.dir = TARGET_AT_MOST;
    t.current = 18;
    assert_false(target_met(&t));
}

typedef struct target_fixture {
    char *dir;
    store *st;
    int64_t plan;
} target_fixture;

static int setup(void **state)
{
    target_fixture *f = calloc(1, sizeof *f);
    f->dir = test_mkdtemp();
    char path[1024];
    snprintf(path, sizeof path, "%s/t.db", f->dir);
    duban_error err;
    if (store_open(path, STORE_CREATE, &f->st, &err))
        fail_msg("%s", err.msg);
    plan_doc doc;
    if (import_file(DUBAN_SEED_PATH, 0, 0, &doc, &err) ||
        store_add_plan(f->st, &doc, &f->plan, &err))
        fail_msg("%s", err.msg);
    plan_doc_free(&doc);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    target_fixture *f = *state;
    store_close(f->st);
    test_rmdir_rf(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

static int64_t node_id(target_fixture *f, const char *ref)
{
    node n;
    assert_int_equal(node_by_ref(f->st, f->plan, ref, &n, NULL), DUBAN_OK);
    int64_t id = n.id;
    node_free(&n);
    return id;
}

static void the_seed_plan_has_its_targets(void **state)
{
    target_fixture *f = *state;
    target_list l;
    duban_error err;
    assert_int_equal(plan_targets(f->st, f->plan, &l, &err), DUBAN_OK);
    assert_int_equal(l.n, 5);
    assert_string_equal(l.v[0].ref, "8.2");
    assert_string_equal(l.v[1].label, "新时代美丽乡村");
    assert_int_equal(l.v[1].seq, 2);
    assert_string_equal(l.v[2].ref, "8.3");
    assert_string_equal(l.v[4].ref, "10.1");
    assert_int_equal(l.v[4].dir, TARGET_AT_MOST);
    assert_false(l.v[1].has_current);
    target_list_free(&l);
    /* one area's: the four of area 8 (8.2, 8.3); none in area 1 */
    assert_int_equal(area_targets(f->st, node_id(f, "8"), &l, &err), DUBAN_OK);
    assert_int_equal(l.n, 4);
    assert_string_equal(l.v[0].ref, "8.2");
    assert_string_equal(l.v[1].label, "新时代美丽乡村");
    assert_string_equal(l.v[2].ref, "8.3");
    assert_string_equal(l.v[3].ref, "8.3");
    target_list_free(&l);
    assert_int_equal(area_targets(f->st, node_id(f, "1"), &l, &err), DUBAN_OK);
    assert_int_equal(l.n, 0);
    target_list_free(&l);
    /* a plan stored before targets existed can be scanned later, once */
    int added = -1;
    assert_int_equal(target_rescan_plan(f->st, f->plan, &added, &err), DUBAN_OK);
    assert_int_equal(added, 0);
}

static void progress_is_an_edit_that_undo_reverts(void **state)
{
    target_fixture *f = *state;
    int64_t id = node_id(f, "8.2");
    edit_result r;
    duban_error err;
    assert_int_equal(target_set_progress(f->st, id, "美丽乡村", "9", NULL, &r, &err), DUBAN_OK);
    assert_int_equal(r.changed, 1);
    assert_string_equal(r.field, "target.2");
    assert_string_equal(r.old_value, "");
    assert_string_equal(r.new_value, "9");
    edit_result_free(&r);
    /* the same value again changes nothing */
    assert_int_equal(target_set_progress(f->st, id, "美丽乡村", " 9 ", NULL, &r, &err), 0);
    assert_int_equal(r.changed, 0);
    edit_result_free(&r);
    assert_int_equal(target_set_progress(f->st, id, "新时代美丽乡村", "12", "又创建3个", &r, &err),
                     DUBAN_OK);
    edit_result_free(&r);
    target_list l;
    assert_int_equal(node_targets(f->st, id, &l, &err), DUBAN_OK);
    assert_true(l.v[1].has_current && l.v[1].current == 12);
    target_list_free(&l);
    assert_int_equal(edit_undo(f->st, f->plan, &r, &err), DUBAN_OK);
    assert_string_equal(r.field, "target.2");
    edit_result_free(&r);
    assert_int_equal(node_targets(f->st, id, &l, &err), DUBAN_OK);
    assert_true(l.v[1].current == 9);
    target_list_free(&l);
    assert_int_equal(edit_undo(f->st, f->plan, &r, &err), DUBAN_OK);
    edit_result_free(&r);
    assert_int_equal(node_targets(f->st, id, &l, &err), DUBAN_OK);
    assert_false(l.v[1].has_current);
    target_list_free(&l);
    assert_int_equal(edit_redo(f->st, f->plan, &r, &err), DUBAN_OK);
    edit_result_free(&r);
    assert_int_equal(node_targets(f->st, id, &l, &err), DUBAN_OK);
    assert_true(l.v[1].has_current && l.v[1].current == 9);
    target_list_free(&l);
}

static void bad_progress_changes_nothing(void **state)
{
    target_fixture *f = *state;
    edit_result r;
    duban_error err;
    int64_t id = node_id(f, "8.2");
    assert_int_equal(target_set_progress(f->st, id, "美丽乡村", "九", NULL, &r, &err),
                     DUBAN_EINVAL);
    assert_int_equal(target_set_progress(f->st, id, "美丽乡村", "9x", NULL, &r, &err),
                     DUBAN_EINVAL);
    assert_int_equal(target_set_progress(f->st, id, "美丽", "9", NULL, &r, &err), DUBAN_EINVAL);
    assert_non_null(strstr(err.msg, "省级美丽城镇")); /* ambiguous: names both */
    assert_int_equal(target_set_progress(f->st, id, "高速", "9", NULL, &r, &err), DUBAN_ENOTFOUND);
    assert_int_equal(target_set_progress(f->st, node_id(f, "1.1"), "x", "9", NULL, &r, &err),
                     DUBAN_ENOTFOUND);
    assert_non_null(strstr(err.msg, "no numeric targets"));
    int undo = -1, redo = -1;
    assert_int_equal(edit_undo_depth(f->st, f->plan, &undo, &redo, NULL), DUBAN_OK);
    assert_int_equal(undo, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_phrases),
        cmocka_unit_test(other_shapes),
        cmocka_unit_test(every_clause_mark_splits),
        cmocka_unit_test(not_targets),
        cmocka_unit_test(numbers_are_written_plainly),
        cmocka_unit_test_setup_teardown(the_seed_plan_has_its_targets, setup, teardown),
        cmocka_unit_test_setup_teardown(progress_is_an_edit_that_undo_reverts, setup, teardown),
        cmocka_unit_test_setup_teardown(bad_progress_changes_nothing, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
