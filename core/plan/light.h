/* light.h - 亮灯: green / yellow / red for an item, from its status, its
 * deadline and a warning window.
 *
 * The rule (light_of), in this order:
 *   - a done status (status_def.done) is green;
 *   - red: a status whose role is blocked (status.h; by default 受阻), or
 *     a deadline before today;
 *   - yellow: a status whose role is behind (by default 滞后), or a
 *     deadline within rule->warn_days of today (today <= deadline <=
 *     today + warn_days);
 *   - green otherwise (also when there is no deadline).
 *
 * An item's deadline for the light (query_item_lights) is its approved
 * extension (延期) when it has one, which replaces both its due date and its
 * milestones; otherwise the earliest of its due date and its milestones'
 * dates, so that everything query_overdue() lists is red.
 *
 * Lights are shown as glyph + colour name + text so that they read without
 * colour on a washed-out projector: "(!) 红灯", "(~) 黄灯", "(o) 绿灯".
 * The glyphs are ASCII and differ in shape.
 *
 * light_rule is a plain value; NULL wherever a rule is taken means
 * light_rule_default().  The queries that judge a plan's items
 * (query_item_lights, query_light_tally) are in query/query.h.
 */
#ifndef DUBAN_LIGHT_H
#define DUBAN_LIGHT_H

#include "base/error.h"
#include "plan/model.h"
#include "plan/status.h"

#include <stddef.h>
#include <stdint.h>

/* Ordered by severity: a larger value is worse. */
typedef enum light { LIGHT_GREEN, LIGHT_YELLOW, LIGHT_RED } light;
#define LIGHT_COUNT 3
#define LIGHT_WARN_DAYS 14

/* Which statuses force red or yellow is the status set's business
 * (status_def.role), not the rule's. */
typedef struct light_rule {
    int warn_days; /* yellow window in days, >= 0 */
} light_rule;

/* warn_days 14. */
void light_rule_default(light_rule *rule);

/* The light of an item with status key `status` and deadline `deadline`
 * (YYYY-MM-DD, "" for none; an unparsable date counts as none) on day
 * `today` (date.h day number).  set decides what is done, blocked and
 * behind; rule NULL means the default rule. */
light light_of(const status_set *set, const light_rule *rule, const char *status,
               const char *deadline, long today);

/* Presentation.  All return static strings; an out-of-range value gives
 * the green strings. */
const char *light_key(light l);   /* "green" "yellow" "red" (also the curses colour) */
const char *light_glyph(light l); /* "(o)" "(~)" "(!)" */
const char *light_name(light l);  /* "绿灯" "黄灯" "红灯" */
const char *light_short(light l); /* "绿" "黄" "红" */
const char *light_label(light l); /* "(o) 绿灯" "(~) 黄灯" "(!) 红灯" */
/* The worst light that has a non-zero count (green when all are zero). */
light light_worst(const int count[LIGHT_COUNT]);

/* One item (depth >= 2) with its light. */
typedef struct item_light {
    int64_t node_id;
    int64_t area_id;
    int area_seq;
    int depth;
    char ref[REF_LEN];
    char status[32];
    char due[DATE_LEN];          /* the item's own (original) due date */
    char extended_due[DATE_LEN]; /* approved extension, "" when none */
    char deadline[DATE_LEN];     /* what the light was judged against, "" none */
    char *unit;
    char *leader;
    int done;
    light light;
} item_light;
typedef struct item_light_list {
    item_light *v;
    size_t n;
} item_light_list;

/* Counts per group of the items (depth 2 only; sub-items are parts of
 * their item) for reports (通报) and the minutes' summary. */
enum light_group { LIGHT_BY_AREA, LIGHT_BY_UNIT, LIGHT_BY_LEADER };
/* Parses area|unit|leader; returns 0 or -1. */
int light_group_parse(const char *name, enum light_group *by);

typedef struct light_tally {
    char *key;   /* area ref ("3"), or the unit / leader text ("" = none given) */
    char *title; /* area title; for units and leaders the same as key */
    int total, done;
    int count[LIGHT_COUNT]; /* indexed by light */
} light_tally;
typedef struct light_tally_list {
    light_tally *v;
    size_t n;
} light_tally_list;

/* done * 100 / total rounded to the nearest integer; 0 when total is 0. */
int light_rate_percent(int done, int total);

#endif
