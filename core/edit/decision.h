/* decision.h - decisions (议定事项) of a meeting: what the meeting
 * decided, optionally about an item, with a responsible unit and a due
 * date.  A decision belongs to the plan's open meeting; it is listed in
 * that meeting's minutes (section 二, 议定事项).
 *
 * Errors: DUBAN_EINVAL (no meeting open, empty or bad text, bad date),
 * DUBAN_EDB, DUBAN_EIO (read-only database).
 */
#ifndef DUBAN_DECISION_H
#define DUBAN_DECISION_H

#include "base/error.h"
#include "plan/model.h"
#include "store/store.h"

#include <stddef.h>
#include <stdint.h>

typedef struct decision {
    int64_t id;
    int64_t meeting_id;
    int64_t node_id;   /* the item it is about, 0 none */
    char ref[REF_LEN]; /* that item's ref, "" none */
    char *text;
    char *unit; /* "" none */
    char due[DATE_LEN];
    char *at; /* when it was recorded (UTC) */
} decision;
typedef struct decision_list {
    decision *v;
    size_t n;
} decision_list;
void decision_list_free(decision_list *l);

/* Records a decision of plan_id's open meeting: text (trimmed, non-empty,
 * UTF-8, at most 2000 bytes), unit (NULL or "" none), due (YYYY-MM-DD,
 * NULL or "" none), node_id (0 none).  *id (may be NULL) is the new
 * decision's id. */
int decision_add(store *st, int64_t plan_id, const char *text, const char *unit, const char *due,
                 int64_t node_id, int64_t *id, duban_error *err);
/* The decisions of a meeting, in the order they were made. */
int decision_list_of(store *st, int64_t meeting_id, decision_list *out, duban_error *err);

#endif
