/* plan_status.h - the status set stored with each plan.
 *
 * A plan keeps the status set it was created with (plan.statuses), so the
 * same database opened elsewhere, without that configuration file, still
 * shows its statuses and counts right.  store_add_plan() records the set
 * in force (store_set_statuses).
 *
 * store_use_plan_statuses() settles the set for plan_id and makes it the
 * store's set: the stored one, unless the configuration defines its own
 * (user_defined) and it differs; then the configured set replaces the
 * stored one, except when items of the plan use a status the configured
 * set lacks: DUBAN_EINVAL naming the status and the count, nothing
 * changed.  A plan from before statuses were stored takes the configured
 * set.  A read-only database uses the set without recording it.
 */
#ifndef DUBAN_PLAN_STATUS_H
#define DUBAN_PLAN_STATUS_H

#include "store/store.h"

int store_use_plan_statuses(store *st, int64_t plan_id, const status_set *configured,
                            int user_defined, duban_error *err);

/* The text form stored in plan.statuses: one status a line, fields
 * separated by tabs (key, name, glyph, colour, shortcut, done, role).  Returns a
 * heap string or NULL when out of memory; parse returns 0 or -1. */
char *status_set_serialize(const status_set *set);
int status_set_parse(const char *text, status_set *out);

#endif
