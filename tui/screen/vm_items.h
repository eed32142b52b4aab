/* vm_items.h - an area's items as the view model keeps them: one compact
 * row per item with its texts in one string pool (strpool.h), units,
 * leaders, status keys and states interned.  About 110 bytes an item
 * instead of the ~330 of a node with its own strings: with every area
 * expanded the front end holds every item of the plan.  Lights the same
 * way (vm_lights: ~50 bytes instead of 152).  No curses.
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
#include "plan/light.h"
#include "plan/model.h"

typedef struct vm_item {
    int64_t id, parent_id;
    uint32_t ref, title, status, unit, leader, state; /* offsets into the pool */
    uint32_t due, extended_due;                       /* interned too */
    int seq, line;
    unsigned char depth;
} vm_item;

/* An item's id and its index in the list (vm_items_find()). */
typedef struct vm_item_key {
    int64_t id;
    size_t k;
} vm_item_key;

typedef struct vm_items {
    vm_item *v;
    size_t n;
    int64_t plan_id;
    strpool pool;
    vm_item_key *by_id; /* sorted by id at the first vm_items_find(), else NULL */
} vm_items;

/* An item's light, compact: its texts and dates in the list's pool. */
typedef struct vm_light_row {
    int64_t node_id;
    uint32_t ref, status, unit, leader, due, extended_due, deadline;
    unsigned char depth, done, light;
} vm_light_row;

/* An area's lights (every item and sub-item, outline order), as
 * query_area_lights gives them. */
typedef struct vm_lights {
    vm_light_row *v;
    size_t n;
    int64_t area_id;
    int area_seq;
    strpool pool;
} vm_lights;

/* Replaces *out by the lights of l (order kept); l is freed either way.
 * Every light of l must be of one area. */
int vm_lights_take(vm_lights *out, item_light_list *l, duban_error *err);
/* Light k as an item_light borrowing the pool's unit and leader (never
 * item_light_free_one it); valid until the list changes. */
void vm_lights_get(const vm_lights *ls, size_t k, item_light *out);
/* Replaces light k by l's values (a copy). */
int vm_lights_set(vm_lights *ls, size_t k, const item_light *l, duban_error *err);
/* Index of the light of node id, or ls->n. */
size_t vm_lights_find(const vm_lights *ls, int64_t id);
void vm_lights_free(vm_lights *ls);

/* Replaces *out by the nodes of l (outline order kept); l is freed
 * either way. */
int vm_items_take(vm_items *out, node_list *l, duban_error *err);
/* Item k as a node borrowing the pool's strings (see above). */
void vm_items_get(const vm_items *it, size_t k, node *out);
/* Replaces item k by n's values (a copy). */
int vm_items_set(vm_items *it, size_t k, const node *n, duban_error *err);
/* Index of the item with id, or it->n: a binary search of the items by
 * id, sorted at the first call after vm_items_take() (an edit finds its
 * item among 10,000 without a walk); a walk when memory ran out. */
size_t vm_items_find(vm_items *it, int64_t id);
void vm_items_free(vm_items *it);

#endif
