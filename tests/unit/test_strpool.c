/* test_strpool.c - the string pool of the view model's compact rows:
 * copies, interning (equal texts share one offset), "" at offset 0,
 * offsets that survive the buffer moving, and many distinct texts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "base/error.h"
#include "base/strpool.h"

static void test_empty(void **state)
{
    (void)state;
    strpool p = {0};
    uint32_t off = 7;
    assert_string_equal(strpool_str(&p, 0), "");
    assert_int_equal(strpool_add(&p, "", &off), DUBAN_OK);
    assert_int_equal(off, 0);
    assert_int_equal(strpool_intern(&p, NULL, &off), DUBAN_OK);
    assert_int_equal(off, 0);
    assert_int_equal(strpool_add(&p, "x", &off), DUBAN_OK);
    assert_int_not_equal(off, 0);
    assert_string_equal(strpool_str(&p, 0), "");
    strpool_free(&p);
    assert_null(p.s);
}

static void test_add_copies(void **state)
{
    (void)state;
    strpool p = {0};
    char buf[32] = "招商引资";
    uint32_t a, b;
    assert_int_equal(strpool_add(&p, buf, &a), DUBAN_OK);
    assert_int_equal(strpool_add(&p, buf, &b), DUBAN_OK);
    assert_int_not_equal(a, b); /* add never shares */
    buf[0] = 'X';
    assert_string_equal(strpool_str(&p, a), "招商引资");
    assert_string_equal(strpool_str(&p, b), "招商引资");
    strpool_free(&p);
}

static void test_intern_shares(void **state)
{
    (void)state;
    strpool p = {0};
    uint32_t a, b, c, d;
    assert_int_equal(strpool_intern(&p, "县商务局", &a), DUBAN_OK);
    assert_int_equal(strpool_intern(&p, "县发改局", &b), DUBAN_OK);
    assert_int_equal(strpool_intern(&p, "县商务局", &c), DUBAN_OK);
    assert_int_equal(a, c);
    assert_int_not_equal(a, b);
    size_t len = p.len;
    assert_int_equal(strpool_intern(&p, "县发改局", &d), DUBAN_OK);
    assert_int_equal(b, d);
    assert_int_equal(p.len, len); /* nothing appended */
    strpool_free(&p);
}

/* Thousands of texts: the buffer and the intern table move and grow;
 * every offset still reads its text, every repeat finds the first. */
static void test_many(void **state)
{
    (void)state;
    strpool p = {0};
    enum { N = 5000 };
    static uint32_t off[N], again[N];
    char buf[32];
    for (int i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "unit-%d", i);
        assert_int_equal(strpool_intern(&p, buf, &off[i]), DUBAN_OK);
    }
    for (int i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "unit-%d", i);
        assert_string_equal(strpool_str(&p, off[i]), buf);
        assert_int_equal(strpool_intern(&p, buf, &again[i]), DUBAN_OK);
        assert_int_equal(again[i], off[i]);
    }
    assert_int_equal(p.nused, N);
    strpool_trim(&p);
    assert_int_equal(p.cap, p.len);
    assert_string_equal(strpool_str(&p, off[N - 1]), "unit-4999");
    assert_true(strpool_bytes(&p) >= p.len);
    uint32_t more;
    assert_int_equal(strpool_intern(&p, "unit-17", &more), DUBAN_OK); /* after trim */
    assert_int_equal(more, off[17]);
    assert_int_equal(strpool_add(&p, "new", &more), DUBAN_OK);
    assert_string_equal(strpool_str(&p, more), "new");
    strpool_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_add_copies),
        cmocka_unit_test(test_intern_shares),
        cmocka_unit_test(test_many),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
