/* test_list.c - the growth helper and the list-free macros (base/list.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "testutil.h"
#include "base/error.h"
#include "base/list.h"

typedef struct word_list {
    char **v;
    size_t n;
} word_list;

void word_list_free(word_list *l);

static int freed;
static void word_free(char **w)
{
    free(*w);
    freed++;
}
DEFINE_LIST_FREE(word_list, word_free)

typedef struct num_list {
    int *v;
    size_t n;
} num_list;
void num_list_free(num_list *l);
DEFINE_FLAT_LIST_FREE(num_list)

static void test_grow_keeps_contents(void **state)
{
    (void)state;
    int *v = NULL;
    size_t cap = 0;
    for (int i = 0; i < 1000; i++) {
        assert_int_equal(ARRAY_GROW(v, cap, (size_t)i + 1), DUBAN_OK);
        assert_true(cap >= (size_t)i + 1);
        v[i] = i;
    }
    for (int i = 0; i < 1000; i++)
        assert_int_equal(v[i], i);
    assert_int_equal(cap, 1024); /* doubles from 16 */
    free(v);
}

static void test_grow_no_realloc_when_room(void **state)
{
    (void)state;
    int *v = NULL;
    size_t cap = 0;
    assert_int_equal(ARRAY_GROW(v, cap, 3), DUBAN_OK);
    int *before = v;
    assert_int_equal(cap, 16);
    assert_int_equal(ARRAY_GROW(v, cap, 16), DUBAN_OK);
    assert_ptr_equal(v, before);
    assert_int_equal(cap, 16);
    assert_int_equal(ARRAY_GROW(v, cap, 40), DUBAN_OK);
    assert_int_equal(cap, 64);
    free(v);
}

static void test_grow_overflow_leaves_array(void **state)
{
    (void)state;
    int *v = NULL;
    size_t cap = 0;
    assert_int_equal(ARRAY_GROW(v, cap, 2), DUBAN_OK);
    int *before = v;
    assert_int_equal(grow_array((void **)&v, &cap, SIZE_MAX, sizeof *v), DUBAN_ENOMEM);
    assert_ptr_equal(v, before);
    assert_int_equal(cap, 16);
    free(v);
}

static void test_list_free(void **state)
{
    (void)state;
    word_list w = {calloc(3, sizeof(char *)), 3};
    for (int i = 0; i < 3; i++)
        w.v[i] = strdup("x");
    freed = 0;
    word_list_free(&w);
    assert_int_equal(freed, 3);
    assert_null(w.v);
    assert_int_equal(w.n, 0);
    word_list_free(&w); /* freeing an empty list is harmless */
    num_list nl = {calloc(4, sizeof(int)), 4};
    num_list_free(&nl);
    assert_null(nl.v);
    assert_int_equal(nl.n, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grow_keeps_contents),
        cmocka_unit_test(test_grow_no_realloc_when_room),
        cmocka_unit_test(test_grow_overflow_leaves_array),
        cmocka_unit_test(test_list_free),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
