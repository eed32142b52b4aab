/* Importer refusals: every malformed input names file and line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "import/import.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- refusals ----------------------------------------------------------- */

static void expect_refusal(const char *name, const char *text, size_t len, const char *want)
{
    plan_doc doc, before;
    memset(&doc, 0x5A, sizeof doc);
    before = doc;
    duban_error err;
    int rc = import_parse(name, text, len, 2021, 0, &doc, &err);
    assert_int_equal(rc, DUBAN_EPARSE);
    assert_int_equal(err.code, DUBAN_EPARSE);
    if (strncmp(err.msg, want, strlen(want)) != 0)
        fail_msg("message '%s' does not start with '%s'", err.msg, want);
    assert_null(strchr(err.msg, '\n'));
    assert_memory_equal(&doc, &before, sizeof doc);
}

#define REFUSE(name, lit, want) expect_refusal(name, lit, sizeof(lit) - 1, want)

static void test_refusals(void **state)
{
    (void)state;
    REFUSE("empty.txt", "", "empty.txt:1: empty file");
    REFUSE("bom.txt", "\xEF\xBB\xBF", "bom.txt:1: empty file");
    REFUSE("ws.txt", " \n\t\r\n\xE3\x80\x80\n", "ws.txt:1: ");
    REFUSE("nul.bin", "一、甲\n正文\n\0x", "nul.bin:3: ");
    REFUSE("bad.txt", "一、甲\n正文\xFF\n", "bad.txt:2: invalid UTF-8");
    REFUSE("bad2.txt", "一、甲\n\n\xE6\xB5\n", "bad2.txt:3: invalid UTF-8");
    const char *noareas = "这是一段文字，没有编号。\n还是没有。\n";
    expect_refusal("prose.txt", noareas, strlen(noareas), "prose.txt:1: no areas found");
    const char *only_header = "---\ntitle: x\n---\n";
    expect_refusal("h.txt", only_header, strlen(only_header), "h.txt:3: no areas found");
}

static void test_header_refusals(void **state)
{
    (void)state;
    static const struct {
        const char *text, *want;
    } cases[] = {
        {"---\ntitle: t\nyear: 2021\nperiod: 2021-13-45..2021-12-31\n---\n一、甲\n",
         "p.plan:4: invalid period '2021-13-45..2021-12-31': invalid date '2021-13-45'"},
        {"---\nperiod: 2021-07-01\n---\n一、甲\n", "p.plan:2: invalid period"},
        {"---\nperiod: 2021-12-01..2021-07-01\n---\n一、甲\n", "p.plan:2: invalid period"},
        {"---\nyear: 21\n---\n一、甲\n", "p.plan:2: invalid year '21'"},
        {"---\n\ntitle\n---\n一、甲\n", "p.plan:3: malformed header line"},
        {"---\ntitle:\n---\n一、甲\n", "p.plan:2: empty value for 'title'"},
        {"---\ntitle: t\n一、甲\n", "p.plan:1: header is not closed"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect_refusal("p.plan", cases[i].text, strlen(cases[i].text), cases[i].want);
}

static void test_file_errors(void **state)
{
    (void)state;
    plan_doc doc;
    duban_error err;
    assert_int_equal(import_file(DUBAN_TESTDATA "/no-such-plan.txt", 0, 0, &doc, &err),
                     DUBAN_ENOTFOUND); /* a missing file: exit 3 */
    assert_non_null(strstr(err.msg, "no-such-plan.txt"));
    char *dir = test_mkdtemp();
    char path[1024];
    snprintf(path, sizeof path, "%s/bin.plan", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite("一、甲\n\0\0\0", 1, 13, f);
    fclose(f);
    assert_int_equal(import_file(path, 0, 0, &doc, &err), DUBAN_EPARSE);
    char want[1100];
    snprintf(want, sizeof want, "%s:2: ", path);
    assert_int_equal(strncmp(err.msg, want, strlen(want)), 0);
    test_rmdir_rf(dir);
    free(dir);
}

/* Refused at once by what the file is, never read: a directory, a FIFO
 * (whose open would block without a writer), a device, and a file over
 * the 16 MiB cap. */
static void expect_file_refusal(const char *path, const char *want)
{
    plan_doc doc, before;
    memset(&doc, 0x5A, sizeof doc);
    before = doc;
    duban_error err;
    assert_int_equal(import_file(path, 0, 0, &doc, &err), DUBAN_EPARSE);
    if (!strstr(err.msg, path) || !strstr(err.msg, want))
        fail_msg("message '%s' lacks '%s' or '%s'", err.msg, path, want);
    assert_memory_equal(&doc, &before, sizeof doc);
}

static void test_not_regular_or_too_large(void **state)
{
    (void)state;
    char *dir = test_mkdtemp();
    char path[1024];
    expect_file_refusal(dir, "not a regular file (a directory)");
    snprintf(path, sizeof path, "%s/fifo", dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    expect_file_refusal(path, "not a regular file (a FIFO)");
    expect_file_refusal("/dev/null", "not a regular file (a device)");
    snprintf(path, sizeof path, "%s/big.txt", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fputs("一、甲\n", f) >= 0, 1);
    assert_int_equal(fseek(f, IMPORT_MAX_BYTES, SEEK_SET), 0);
    assert_int_equal(fputc('\n', f), '\n');
    fclose(f);
    expect_file_refusal(path, "the limit is 16 MiB");
    test_rmdir_rf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_header_refusals),
        cmocka_unit_test(test_file_errors),
        cmocka_unit_test(test_not_regular_or_too_large),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
