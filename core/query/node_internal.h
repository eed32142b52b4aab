/* node_internal.h - how core's queries read node rows (internal).
 *
 * Every query returning nodes selects NODE_COLUMNS (then its own WHERE /
 * ORDER BY) and reads each row with node_read_row(), so the column list
 * and the struct stay in step in one place.  Removed nodes (an undone
 * addition, a deleted item; see edit/structure.h) are never selected.
 *
 * NODE_ACTIVE(n): the node counts (progress, lights, overdue): neither it
 * nor its parent nor its grandparent (nodes nest three deep) is cancelled
 * or removed: two primary-key lookups a row. */
#ifndef DUBAN_NODE_INTERNAL_H
#define DUBAN_NODE_INTERNAL_H

#include "plan/model.h"

#include <sqlite3.h>

#define NODE_COLUMNS                                                                               \
    NODE_COLUMNS_AS("n.body", " (SELECT count(*) FROM node c WHERE c.parent_id = n.id"             \
                              " AND c.state <> 'removed'),")
/* The same with the body and children given by SQL expressions (children
 * followed by a comma): NODE_COLUMNS_BRIEF leaves the body empty and the
 * children uncounted (-1), for lists that show neither. */
#define NODE_COLUMNS_AS(body, children)                                                            \
    "SELECT n.id, n.plan_id, coalesce(n.parent_id, 0), n.depth, n.seq, n.ref, n.title, " body ","  \
    " n.status, n.due, n.unit, n.leader, n.line," children                                         \
    " n.extended_due, n.state FROM (SELECT * FROM node WHERE state <> 'removed') n "
#define NODE_COLUMNS_UNCOUNTED NODE_COLUMNS_AS("n.body", " -1,")
#define NODE_COLUMNS_BRIEF NODE_COLUMNS_AS("''", " -1,")

/* The area a node belongs to (itself for an area), for queries that join
 * an item or sub-item to its area. */
#define AREA_OF(n)                                                                                 \
    "CASE " n ".depth WHEN 1 THEN " n ".id WHEN 2 THEN " n ".parent_id"                            \
    " ELSE (SELECT p.parent_id FROM node p WHERE p.id = " n ".parent_id) END"

/* clang-format off */
#define NODE_ACTIVE(n)                                                                             \
    "(" n ".state = '' AND coalesce((SELECT xp.state = '' AND coalesce((SELECT xg.state = ''"      \
    " FROM node xg WHERE xg.id = xp.parent_id), 1) FROM node xp WHERE xp.id = " n ".parent_id),"   \
    " 1))"
/* clang-format on */

/* Fills the node at p from the current row (DUBAN_ENOMEM on failure);
 * node_release_row frees one.  Shaped for db_collect(). */
int node_read_row(sqlite3_stmt *s, void *p);
void node_release_row(void *p);

#endif
