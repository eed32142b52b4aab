/* vm_items.h - an area's items as the view model keeps them: one compact
 * row per item with its texts in one string pool (strpool.h), units,
 * leaders, status keys and states interned.  About 110 bytes an item
 * instead of the ~330 of a node with its own strings: with every area
 * expanded the front end holds every item of the plan.  No curses.
 *
 * vm_items_get() gives an item back as a node whose strings point into
 * the pool: read it at once, never node_free() it; it stays valid until
 * the list changes (vm_items_set, vm_items_free).  body is always "" and
 * children -1, as node_subtree gives them.
 *
 * Functions returning int give DUBAN_OK or DUBAN_ENOMEM (err set).
 */
#ifndef DUBAN_TUI_VM_ITEMS_H
#define DUBAN_TUI_VM_ITEMS_H

#include "base/error.h"
#include "base/strpool.h"
#include "plan/model.h"

typedef struct vm_item {
    int64_t id, parent_id;
    uint32_t ref, title, status, unit, leader, state; /* offsets into the pool */
    int seq, line;
    char due[DATE_LEN], extended_due[DATE_LEN];
    unsigned char depth;
} vm_item;

typedef struct vm_items {
    vm_item *v;
    size_t n;
    int64_t plan_id;
    strpool pool;
} vm_items;

/* Replaces *out by the nodes of l (outline order kept); l is freed
 * either way. */
int vm_items_take(vm_items *out, node_list *l, duban_error *err);
/* Item k as a node borrowing the pool's strings (see above). */
void vm_items_get(const vm_items *it, size_t k, node *out);
/* Replaces item k by n's values (a copy). */
int vm_items_set(vm_items *it, size_t k, const node *n, duban_error *err);
/* Index of the item with id, or it->n. */
size_t vm_items_find(const vm_items *it, int64_t id);
void vm_items_free(vm_items *it);

#endif
