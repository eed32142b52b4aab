/* test_vm_items.c - the front end's compact item list (tui/screen/
 * vm_items.c, which has no curses): finding an item by id, whatever the
 * order of the ids, before and after the list is taken anew. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "screen/vm_items.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* n nodes with ids in an order unlike the outline's (as items added
 * later, or moved, have them): id of k = (k * 7919) % n + 1. */
static void make_nodes(node_list *l, size_t n)
{
    l->v = calloc(n, sizeof *l->v);
    assert_non_null(l->v);
    l->n = n;
    for (size_t k = 0; k < n; k++) {
        node *x = &l->v[k];
        x->id = (int64_t)((k * 7919) % n) + 1;
        x->plan_id = 1;
        x->depth = 2;
        snprintf(x->ref, sizeof x->ref, "1.%zu", k + 1);
        snprintf(x->status, sizeof x->status, "not_started");
        x->title = strdup("标题");
        x->body = strdup("");
        x->unit = strdup("");
        x->leader = strdup("");
        assert_true(x->title && x->body && x->unit && x->leader);
    }
}

static void finds_every_id_and_no_other(void **state)
{
    (void)state;
    vm_items it = {0};
    for (size_t n = 1; n <= 1001; n += 500) {
        node_list l;
        make_nodes(&l, n);
        assert_int_equal(vm_items_take(&it, &l, NULL), DUBAN_OK);
        assert_int_equal(it.n, n);
        for (size_t k = 0; k < n; k++)
            assert_int_equal(vm_items_find(&it, it.v[k].id), k);
        assert_int_equal(vm_items_find(&it, 0), n);
        assert_int_equal(vm_items_find(&it, (int64_t)n + 1), n);
        assert_int_equal(vm_items_find(&it, -5), n);
    }
    vm_items_free(&it);
    assert_int_equal(vm_items_find(&it, 1), 0); /* an empty list */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(finds_every_id_and_no_other),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
