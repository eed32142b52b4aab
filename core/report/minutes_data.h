/* minutes_data.h - what the minutes are made of, read once from the store,
 * and the section tables in display form (internal to core). */
#ifndef DUBAN_MINUTES_DATA_H
#define DUBAN_MINUTES_DATA_H

#include "plan/light.h"
#include "edit/decision.h"
#include "edit/meeting.h"
#include "query/filter.h"
#include "query/group.h"
#include "query/item_report.h"
#include "query/query.h"
#include "base/strbuf.h"
#include "text/table.h"
#include "plan/target.h"

typedef struct minutes_data {
    store *st;                  /* borrowed */
    const query_filter *filter; /* borrowed, may be NULL: every item */
    const light_rule *rule;     /* borrowed, may be NULL */
    meeting m;
    plan_info plan;
    char today[DATE_LEN];
    light_tally_list areas;
    meeting_change_list changes;
    overdue_list overdue;
    group_list units; /* the overdue rows by unit, the most overdue unit first */
    node_list silent;
    target_list targets;
    char *attendees;          /* 参会人员, "" none recorded */
    decision_list decisions;  /* 议定事项 of the meeting */
    item_report_list reports; /* last report of each silent item (未报天数) */
    long today_day;           /* today as a day number */
    const char *issuer;       /* 落款: who issues the minutes (borrowed), NULL or "" none */
} minutes_data;

/* Reads the minutes; with an active filter f (query/filter.h) every
 * section keeps only the matching items. */
int minutes_load(store *st, int64_t meeting_id, long today, const light_rule *rule,
                 const query_filter *f, minutes_data *md, duban_error *err);
void minutes_data_free(minutes_data *md);

/* Section tables; each initialises *t (free with table_free) and returns
 * DUBAN_OK or DUBAN_ENOMEM (then *t is already freed). */
int minutes_summary_table(const minutes_data *md, table *t);
int minutes_changes_table(const minutes_data *md, table *t);
int minutes_overdue_table(const minutes_data *md, const row_group *unit, table *t);
int minutes_silent_table(const minutes_data *md, table *t);
int minutes_decisions_table(const minutes_data *md, table *t);
int minutes_targets_table(const minutes_data *md, table *t);

/* Display helpers: a status key's name; a change's value for people
 * (status names, "—" for nothing, target values with their goal "9/17个",
 * possibly written into buf); the changed field ("状态", "目标：美丽乡村"). */
const char *minutes_status_name(const minutes_data *md, const char *key);
const char *minutes_change_value(const minutes_data *md, const meeting_change *c, const char *v,
                                 char *buf, size_t bufsz);
void minutes_change_field(const meeting_change *c, char *buf, size_t bufsz);
/* Days since the last report of md->silent.v[i] (未报天数; since the plan
 * began when it never had one), -1 when not known. */
long minutes_silent_days(const minutes_data *md, size_t i);
/* The six numbers of a summary row, as text: items, done, completion rate
 * (with a "%" when percent is set), red, yellow, green. */
void minutes_tally_numbers(const light_tally *g, int percent, char out[6][16]);

/* The whole minutes as one table in fmt (CSV, see minutes.h; JSON: an
 * array of objects), handed to flush as out fills (table_render_stream():
 * what is left in out is the caller's).  DUBAN_OK, DUBAN_ENOMEM or
 * DUBAN_EIO. */
int minutes_write_rows(const minutes_data *md, enum table_format fmt, strbuf *out,
                       table_flush_fn flush, void *arg);

#endif
