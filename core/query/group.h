/* group.h - rows grouped by area, unit or leader: the one definition of a
 * row's group key and of the order of groups, shared by the overdue
 * command and view, the 通报 (report.c, query_light_tally) and the
 * minutes.
 *
 * Keys (group_key): an area's number, the ref before its first dot ("5"
 * for 5.1.2); the unit or the leader exactly as stored.  "" means none
 * given.  A unit naming several units ("县发改局、县经信局") is one key:
 * duban has never split it, and splitting would count an item twice.
 *
 * Use: zero a group_list, group_add() each row in the caller's order (the
 * group keeps the row's index), then optionally group_sort(); the groups
 * own copies of key and title; group_list_free() releases them.
 */
#ifndef DUBAN_GROUP_H
#define DUBAN_GROUP_H

#include "plan/light.h"
#include "query/query.h"

#include <stddef.h>

typedef struct row_group {
    char *key;    /* area number, unit or leader; "" = none given */
    char *title;  /* the area's title; for units and leaders the key */
    size_t *rows; /* indexes of the caller's rows, in the order added */
    size_t n, cap;
} row_group;

typedef struct group_list {
    row_group *v;
    size_t n, cap;
} group_list;

/* The order of the groups: as first added, or by key (group_sort). */
enum group_order { GROUP_ORDER_FIRST, GROUP_ORDER_KEY };

/* group_add()'s row for a group with no row yet (an area without items). */
#define GROUP_NO_ROW ((size_t)-1)

/* The key of a row by `by`: for areas written into area (and returned),
 * else unit or leader (NULL taken as ""). */
const char *group_key(enum light_group by, const char *ref, const char *unit, const char *leader,
                      char area[REF_LEN]);

/* Adds row to the group named key, appending the group (with title, or the
 * key when title is NULL) when absent.  DUBAN_OK or DUBAN_ENOMEM (then g is
 * unchanged but may hold an empty new group). */
int group_add(group_list *g, const char *key, const char *title, size_t row);

/* Orders the groups by key: areas by number, units and leaders by text
 * (byte order), "" (none given) last. */
void group_sort(group_list *g, enum light_group by);

/* The group named key, or NULL. */
const row_group *group_find(const group_list *g, const char *key);

void group_list_free(group_list *g);

/* What a row is grouped by: its ref (the area is its first part), unit,
 * leader and area title. */
typedef struct group_fields {
    const char *ref, *unit, *leader, *area_title;
} group_fields;
/* Row i of rows' fields, for group_rows(). */
typedef group_fields (*group_fields_fn)(const void *rows, size_t i);

/* n rows grouped as group_overdue() says, their fields read with fields. */
int group_rows(const void *rows, size_t n, group_fields_fn fields, enum light_group by,
               enum group_order order, group_list *out);

/* The overdue rows grouped by area, unit or leader: rows within a group
 * stay in the list's order (most overdue first); groups in `order`
 * (GROUP_ORDER_FIRST: the group of the most overdue row first).  Area
 * titles are the rows' area titles.  DUBAN_OK or DUBAN_ENOMEM (then *out
 * is empty). */
int group_overdue(const overdue_list *l, enum light_group by, enum group_order order,
                  group_list *out);

#endif
