/* test_dynlib.c - libraries opened on first use: a function resolved and
 * called; a missing library or function refused in one line naming what
 * needs it, with nothing left open; libxlsxwriter and libzip open under
 * the sonames the build found. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "base/dynlib.h"
#include "import/zip_lib.h"
#include "report/xlsx_lib.h"

static void test_resolves_and_calls(void **state)
{
    (void)state;
    static const char *const names[] = {"strlen", "strcmp"};
    dynlib_fn fns[2] = {0};
    void *h = (void *)1;
    duban_error err = {0};
    assert_int_equal(dynlib_open("libc.so.6", "a test", names, 2, fns, &h, &err), DUBAN_OK);
    assert_non_null(h);
    size_t (*len)(const char *) = (size_t(*)(const char *))fns[0];
    int (*cmp)(const char *, const char *) = (int (*)(const char *, const char *))fns[1];
    assert_int_equal(len("督办"), 6);
    assert_int_equal(cmp("a", "a"), 0);
    dynlib_close(h);
}

static void test_missing_library(void **state)
{
    (void)state;
    static const char *const names[] = {"f"};
    dynlib_fn fns[1] = {0};
    void *h = (void *)1;
    duban_error err = {0};
    assert_int_equal(dynlib_open("libduban-absent.so.9", "XLSX export", names, 1, fns, &h, &err),
                     DUBAN_EIO);
    assert_null(h);
    assert_int_equal(err.code, DUBAN_EIO);
    assert_non_null(strstr(err.msg, "XLSX export needs libduban-absent.so.9, which cannot be "
                                    "loaded: "));
    assert_null(strchr(err.msg, '\n'));
}

static void test_missing_function(void **state)
{
    (void)state;
    static const char *const names[] = {"strlen", "duban_no_such_function"};
    dynlib_fn fns[2] = {0};
    void *h = (void *)1;
    duban_error err = {0};
    assert_int_equal(dynlib_open("libc.so.6", "a test", names, 2, fns, &h, &err), DUBAN_EIO);
    assert_null(h);
    assert_string_equal(err.msg, "a test needs libc.so.6, which cannot be loaded: it has no "
                                 "duban_no_such_function");
}

static void test_xlsx_and_zip_open(void **state)
{
    (void)state;
    duban_error err = {0};
    xlsx_lib x;
    assert_int_equal(xlsx_lib_open(&x, &err), DUBAN_OK);
    assert_non_null(x.workbook_new_opt);
    assert_string_equal(x.lxw_strerror(LXW_NO_ERROR), "No error.");
    xlsx_lib_close(&x);
    assert_null(x.handle);
    zip_lib z;
    assert_int_equal(zip_lib_open(&z, &err), DUBAN_OK);
    int zerr = 0;
    assert_null(z.zip_open("/nonexistent/duban.xlsx", ZIP_RDONLY, &zerr));
    assert_int_equal(zerr, ZIP_ER_NOENT);
    zip_lib_close(&z);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resolves_and_calls),
        cmocka_unit_test(test_missing_library),
        cmocka_unit_test(test_missing_function),
        cmocka_unit_test(test_xlsx_and_zip_open),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
